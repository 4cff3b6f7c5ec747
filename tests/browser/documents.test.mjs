// Documents and print isolation (issue 16), in real Chromium, on a center's page with a host
// header, a stylesheet that sets `html { font-size: 62.5% }`, and two widgets (the planner and
// the course):
// - printing the 情報提供依頼書 prints only the letter: the print layout's text (page.pdf +
//   pdftotext) holds the letter and nothing of the host page or the other widget;
// - the letter is addressed 「高橋 一郎 先生 御机下」 (the honorific after the name) and has an
//   answer area for the doctor; its headings never skip a level; axe finds nothing, moderate
//   included, on the document view;
// - the plan's notes for whoever drafts (「記載する事項：…」) are on screen, and neither in its
//   print nor in its .docx and .txt;
// - the .docx download parses back (unzip, read word/document.xml) with the letter's fields,
//   and the .txt download holds them too;
// - the course certificate on the same page prints alone as well;
// - all of it under a strict Content-Security-Policy (no inline styles), with no violation.
//
// The printed letter at 390 px is written to /tmp/shots/ (KIZUKI_SHOTS) as a PDF and PNGs.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { completedCourseRecord, launchBrowser, openPage, readPack, startServer, widgetTitle } from './helpers.mjs';

const SHOTS = process.env.KIZUKI_SHOTS ?? '/tmp/shots';
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const PASSPHRASE = 'correct horse battery staple';
const PLAN = 'kizuki-kit[kit="plan"]';
const COURSE = 'kizuki-kit[kit="course"]';
const HOST_HEADER = 'ホスト見出しミナト産業保健';
const HOST_TEXT = 'ホスト本文テキスト七番';
const INSTITUTION = 'さくら心療クリニック';
const DOCTOR = '高橋 一郎';
const WORKER = '山田花子テスト';
const QUESTIONS = '1. 現在の症状と業務への影響\n2. 就業上の配慮についてのご意見';

const HOST_PAGE = `<!doctype html>
<html lang="ja">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>印刷のテスト（センターのページ）</title>
  <link rel="stylesheet" href="print-host.css">
  <script type="module" src="../kizuki.js"></script>
</head>
<body>
  <header class="site"><p>${HOST_HEADER}</p></header>
  <main>
    <h1>センターのページ</h1>
    <p>${HOST_TEXT}</p>
    <section><h2>復職支援</h2><kizuki-kit kit="plan" lang="ja" namespace="print-plan"></kizuki-kit></section>
    <section><h2>研修</h2><kizuki-kit kit="course" lang="ja" namespace="print-course"
      center-name="みなと産業保健総合支援センター"></kizuki-kit></section>
  </main>
  <footer><p>ホストのフッター</p></footer>
</body>
</html>`;
const HOST_CSS = `html { font-size: 62.5%; }
body { margin: 0 2rem; font-family: serif; }
header.site { background: #234; color: #fff; padding: 2rem; font-size: 2.4rem; }`;

/** Serves the host page and its stylesheet from the site's own origin (as a center would). */
async function hostPage(page, origin) {
  await page.route(`${origin}/embed/print-host.html`, (route) =>
    route.fulfill({
      status: 200,
      contentType: 'text/html; charset=utf-8',
      // The strict policy the embed guide recommends: the print copy must work under it.
      headers: { 'content-security-policy': "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'" },
      body: HOST_PAGE,
    }),
  );
  await page.route(`${origin}/embed/print-host.css`, (route) =>
    route.fulfill({ status: 200, contentType: 'text/css; charset=utf-8', body: HOST_CSS }),
  );
  await page.goto(`${origin}/embed/print-host.html`);
}

/** Replaces window.print with a counter, so the print-only copy stays for page.pdf(). */
async function stubPrint(page) {
  await page.evaluate(() => {
    window.__kizukiPrints = 0;
    window.print = () => {
      window.__kizukiPrints += 1;
    };
  });
}

/** The text of the page as printed: page.pdf() (print media, A4), then pdftotext. */
async function printedText(page, dir, name) {
  const pdf = join(dir, `${name}.pdf`);
  await page.pdf({ path: pdf, format: 'A4', printBackground: true });
  return { pdf, text: execFileSync('pdftotext', ['-raw', pdf, '-'], { encoding: 'utf8' }) };
}

/**
 * Violations of every impact (moderate and minor included) in the document view. axe adds a
 * <style> of its own, which the page's CSP rightly blocks: those reports are dropped from
 * `problems` (and only those).
 */
async function axeViolations(page, selector, problems) {
  const before = problems.length;
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async (selector) => {
    const host = document.querySelector(selector);
    const result = await window.axe.run(
      { include: [[selector]] },
      { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } },
    );
    void host;
    return result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' > ')).join(' | ')}`);
  }, selector);
  await page.waitForTimeout(200);
  const during = problems.splice(before);
  assert.ok(during.every((problem) => /inline|style-src/.test(problem)), `problems during the axe run: ${during}`);
  return violations;
}

describe('documents and print isolation', () => {
  let server;
  let browser;
  let dir;
  before(async () => {
    mkdirSync(SHOTS, { recursive: true });
    dir = mkdtempSync(join(tmpdir(), 'kizuki-documents-'));
    server = await startServer();
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('the letter prints alone from a two-widget page, is addressed 「先生 御机下」 after the name, and downloads as .docx and .txt', { timeout: 240_000 }, async () => {
    const { page, context, problems } = await openPage(browser, `${server.origin}/embed/`, { viewport: { width: 390, height: 844 } });
    await hostPage(page, server.origin);
    await widgetTitle(page, PLAN);
    await widgetTitle(page, COURSE);
    const plan = page.locator(PLAN);

    await plan.locator('[id="kizuki-print-plan-plan-setup-new"]').fill(PASSPHRASE);
    await plan.locator('[id="kizuki-print-plan-plan-setup-again"]').fill(PASSPHRASE);
    await plan.getByRole('button', { name: 'パスフレーズを設定して始める' }).click();
    await plan.getByRole('button', { name: 'ケースを作成する' }).click({ timeout: 60_000 });
    await plan.locator('.kizuki-plan-case h3', { hasText: 'ケースA' }).waitFor();
    const field = (name) => plan.locator(`[id="kizuki-print-plan-plan-field-${name}"]`);
    await field('company_name').fill('株式会社ミズナラ工業');
    await field('worker_name').fill(WORKER);
    await plan.getByRole('button', { name: '次のステップへ' }).click();
    await field('doctor_institution').fill(INSTITUTION);
    await field('doctor_name').fill(DOCTOR);
    await field('letter_date').fill('2026-11-25');
    await field('letter_questions').fill(QUESTIONS);
    await field('requester_name').fill('産業医 鈴木');
    await field('requester_contact').fill('03-0000-0000');
    await field('requester_contact').press('Tab');

    await plan.getByRole('button', { name: '「主治医への情報提供依頼書」を表示' }).last().click();
    const letter = plan.locator('article.kizuki-doc[data-document="info-request-letter"]');
    await letter.waitFor();

    // The addressee: the clinic, then the name followed by 先生 御机下; the answer area.
    const address = (await letter.locator('.kizuki-doc-lines').nth(1).innerText()).split('\n').map((l) => l.trim());
    assert.deepEqual(address, [INSTITUTION, `${DOCTOR} 先生 御机下`]);
    assert.equal(await letter.locator('.kizuki-doc-answer[data-answer-box]').count(), 1, 'an answer area for the doctor');
    assert.ok((await letter.locator('.kizuki-doc-answer-line').count()) >= 10, 'room to write in');
    const levels = await letter.evaluate((el) => [...el.querySelectorAll('h1,h2,h3,h4,h5,h6')].map((h) => Number(h.tagName[1])));
    assert.equal(levels[0], 4, 'the letter title sits under the toolbar heading (h3)');
    for (let i = 1; i < levels.length; i += 1) assert.ok(levels[i] <= levels[i - 1] + 1, `heading levels do not skip: ${levels}`);
    assert.deepEqual(await axeViolations(page, PLAN, problems), [], 'axe (every impact) on the document view');

    // Print: only the letter, at its own size, on A4.
    await stubPrint(page);
    await plan.getByRole('button', { name: 'この書類を印刷する' }).click();
    await page.waitForFunction(() => window.__kizukiPrints === 1);
    assert.equal(await page.locator('body > [data-kizuki-print-root]').count(), 1);
    assert.equal(await page.locator('[data-kizuki-print-root]').isVisible(), false, 'the copy is never shown on screen');
    await page.emulateMedia({ media: 'print' });
    const size = await page.evaluate(() => {
      const copy = document.querySelector('[data-kizuki-print-root]').shadowRoot.querySelector('.kizuki-doc');
      return getComputedStyle(copy).fontSize;
    });
    assert.equal(size, '14px', "10.5 pt, whatever the host's root font size");
    const { pdf, text } = await printedText(page, dir, 'letter');
    for (const expected of ['情報提供依頼書', INSTITUTION, `${DOCTOR} 先生 御机下`, WORKER, '2026年11月25日', '就業上の配慮についてのご意見', 'ご回答', '本人同意欄']) {
      assert.ok(text.includes(expected), `the printed letter shows ${expected}`);
    }
    for (const absent of [HOST_HEADER, HOST_TEXT, 'ホストのフッター', 'センターのページ', 'ラインによるケア', 'この書類を印刷する', 'データの管理']) {
      assert.ok(!text.includes(absent), `the print holds nothing of the host page or the other widget: ${absent}`);
    }
    assert.ok(text.indexOf(DOCTOR) < text.indexOf('御机下'), '御机下 follows the name');
    // The worker is asked for the date once, beside the signature; 「記」 is centred.
    assert.ok(!text.includes('同意日'), 'no 同意日 row besides the signature line\'s date');
    const ki = letter.getByText('記', { exact: true });
    assert.equal(await ki.evaluate((el) => getComputedStyle(el).textAlign), 'center');
    // An empty field (the worker's date of birth here) is a line to write in, as in the files.
    assert.ok(!text.includes('未記入'), 'no 「（未記入）」 on the printed letter');
    assert.ok(text.includes('＿＿＿＿'), 'a line to write in');
    // …and an empty date the form's own blank, to write the year, month and day in.
    assert.match(text, /生年月日[\s\u3000]*年[\s\u3000]+月[\s\u3000]+日/, 'the date of birth is 「　　年　　月　　日」');
    // Two A4 sheets, the consent and its signature on the second (a third page held only
    // the 本人署名 line once the form's four standard matters were added).
    const pages = Number(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }).match(/Pages:\s+(\d+)/)[1]);
    assert.equal(pages, 2, 'the letter prints on two A4 pages');
    writeFileSync(join(SHOTS, 'letter-print-390.pdf'), readFileSync(pdf));
    execFileSync('pdftoppm', ['-png', '-r', '60', pdf, join(SHOTS, 'letter-print-390')]);
    await page.emulateMedia({ media: 'screen' });
    await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
    assert.equal(await page.locator('[data-kizuki-print-root]').count(), 0, 'the copy is removed after printing');

    // .docx: unzip, read word/document.xml.
    const [docx] = await Promise.all([page.waitForEvent('download'), plan.locator('[data-download="docx"]').click()]);
    // What the document is and which case (its label), so two cases' letters are told apart.
    assert.match(docx.suggestedFilename(), /^主治医への情報提供依頼書-ケースA-\d{4}-\d{2}-\d{2}\.docx$/);
    const docxPath = join(dir, 'letter.docx');
    await docx.saveAs(docxPath);
    const listing = execFileSync('unzip', ['-l', docxPath], { encoding: 'utf8' });
    for (const part of ['[Content_Types].xml', '_rels/.rels', 'word/document.xml', 'word/styles.xml']) assert.ok(listing.includes(part), part);
    const xml = execFileSync('unzip', ['-p', docxPath, 'word/document.xml'], { encoding: 'utf8' });
    const words = [...xml.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]);
    for (const expected of [INSTITUTION, `${DOCTOR} 先生 御机下`, '2026年11月25日', WORKER, '1. 現在の症状と業務への影響', '2. 就業上の配慮についてのご意見', '職場復帰支援に関する情報提供依頼書', '(1) 発症から初診までの経過', '(4) 就業上の配慮に関するご意見（疾患の再燃・再発防止のために必要な注意事項など）', '本人署名']) {
      assert.ok(words.includes(expected), `document.xml holds ${expected}`);
    }
    assert.ok(words.some((w) => w.startsWith('ご回答')), 'the answer box');
    assert.match(xml, /<w:pStyle w:val="Heading1"\/><\/w:pPr><w:r><w:t xml:space="preserve">職場復帰支援に関する情報提供依頼書<\/w:t>/);
    // 「記」 centred, as on paper (it was a left-aligned heading in the .docx).
    assert.match(xml, /<w:p><w:pPr><w:jc w:val="center"\/><\/w:pPr><w:r><w:t xml:space="preserve">記<\/w:t><\/w:r><\/w:p>/);
    // The issuer's name is followed by room for a seal or signature.
    assert.ok(words.includes('産業医 鈴木　印'), 'the issuer seals or signs after the name');
    // Well-formed: every element opened is closed (a cheap check without an XML library).
    const opened = (xml.match(/<w:(tbl|tr|tc|p)[ >]/g) ?? []).length;
    const closed = (xml.match(/<\/w:(tbl|tr|tc|p)>/g) ?? []).length;
    assert.equal(opened, closed);

    const [txt] = await Promise.all([page.waitForEvent('download'), plan.locator('[data-download="text"]').click()]);
    const txtPath = join(dir, 'letter.txt');
    await txt.saveAs(txtPath);
    const plain = readFileSync(txtPath, 'utf8');
    assert.ok(plain.includes(`${INSTITUTION}\n${DOCTOR} 先生 御机下\n`));
    assert.ok(plain.includes('依頼事項：\n  1. 現在の症状と業務への影響\n'));

    // The plan: its headings never skip a level either, and axe finds nothing on it.
    await plan.getByRole('button', { name: '書類を閉じる' }).click();
    await plan.getByRole('button', { name: '「職場復帰支援プラン」を表示' }).last().click();
    const planSheet = plan.locator('article.kizuki-doc[data-document="return-plan"]');
    await planSheet.waitFor();
    const planLevels = await planSheet.evaluate((el) => [...el.querySelectorAll('h1,h2,h3,h4,h5,h6')].map((h) => Number(h.tagName[1])));
    assert.equal(planLevels[0], 4);
    for (let i = 1; i < planLevels.length; i += 1) assert.ok(planLevels[i] <= planLevels[i - 1] + 1, `plan heading levels: ${planLevels}`);
    assert.deepEqual(await axeViolations(page, PLAN, problems), [], 'axe (every impact) on the plan');

    // Notes for whoever drafts (「記載する事項：…」, what to fill in for the follow-up dates to
    // appear) help on screen; the paper and the files are the document alone.
    assert.ok((await planSheet.locator('.kizuki-doc-guidance').count()) >= 5, 'the notes are on screen');
    assert.match(await planSheet.innerText(), /記載する事項：/);
    await stubPrint(page);
    await plan.getByRole('button', { name: 'この書類を印刷する' }).click();
    await page.waitForFunction(() => window.__kizukiPrints === 1);
    await page.emulateMedia({ media: 'print' });
    const printedPlan = await printedText(page, dir, 'plan');
    writeFileSync(join(SHOTS, 'plan-print-390.pdf'), readFileSync(printedPlan.pdf));
    execFileSync('pdftoppm', ['-png', '-r', '40', printedPlan.pdf, join(SHOTS, 'plan-print-390')]);
    await page.emulateMedia({ media: 'screen' });
    await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
    const [planDocx] = await Promise.all([page.waitForEvent('download'), plan.locator('[data-download="docx"]').click()]);
    const planDocxPath = join(dir, 'plan.docx');
    await planDocx.saveAs(planDocxPath);
    const planXml = execFileSync('unzip', ['-p', planDocxPath, 'word/document.xml'], { encoding: 'utf8' });
    const [planTxt] = await Promise.all([page.waitForEvent('download'), plan.locator('[data-download="text"]').click()]);
    assert.match(planTxt.suggestedFilename(), /^職場復帰支援プラン-ケースA-\d{4}-\d{2}-\d{2}\.txt$/);
    const planTxtPath = join(dir, 'plan.txt');
    await planTxt.saveAs(planTxtPath);
    const papers = { print: printedPlan.text, docx: planXml, txt: readFileSync(planTxtPath, 'utf8') };
    for (const [what, paper] of Object.entries(papers)) {
      assert.ok(paper.includes('職場復帰支援プラン'), `${what}: the plan`);
      assert.ok(paper.includes('7日後'), `${what}: the follow-up days, each with a blank for its date`);
      assert.ok(paper.includes('作成日'), `${what}: the day the plan was drawn up, or a blank for it`);
      for (const absent of ['記載する事項', '日程が表示されます']) {
        assert.ok(!paper.includes(absent), `${what}: no note meant for the screen (${absent})`);
      }
    }

    assert.deepEqual(problems, []);
    await context.close();
  });

  test('the certificate prints alone from the same page', { timeout: 120_000 }, async () => {
    const pack = readPack('course');
    const { page, context, problems } = await openPage(browser, `${server.origin}/embed/`);
    await page.evaluate(([key, value]) => localStorage.setItem(key, value), [`kizuki/print-course/${pack.id}`, JSON.stringify(completedCourseRecord(pack))]);
    await hostPage(page, server.origin);
    await widgetTitle(page, PLAN);
    await widgetTitle(page, COURSE);
    const course = page.locator(COURSE);
    await course.locator('button', { hasText: '修了証を表示する' }).click();
    await course.locator('[id="kizuki-print-course-course-learner-name"]').fill('山田 花子');
    await course.locator('[id="kizuki-print-course-course-learner-name"]').press('Tab');
    await course.locator('.kizuki-course-certificate-name', { hasText: '山田 花子' }).waitFor();
    await stubPrint(page);
    await course.getByRole('button', { name: '印刷する' }).click();
    await page.waitForFunction(() => window.__kizukiPrints === 1);
    const { text } = await printedText(page, dir, 'certificate');
    assert.ok(text.includes('山田 花子'));
    assert.ok(text.includes(pack.title.ja));
    for (const absent of [HOST_HEADER, HOST_TEXT, 'パスフレーズ', '単元一覧へ戻る', '修了証に表示されます']) {
      assert.ok(!text.includes(absent), `nothing else is printed: ${absent}`);
    }
    assert.deepEqual(problems, []);
    await context.close();
  });
});
