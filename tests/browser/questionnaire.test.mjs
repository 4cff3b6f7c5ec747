// The stress self-check (app.html?kit=questionnaire) as a worker uses it on a phone: the sex
// asked with its reason, one question per screen answered by tapping and by the keys 1–4,
// resume after a reload, the result of the manual's worked example (A 21 / B 7 / C 4, high
// stress by both branches of the conversion method), the profile SVG, the routes; then
// export → erase → import giving the same result back, the "replace?" question and undo.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { ROOT, launchBrowser, onScreen, openPage, scrollToBottom, startServer, widgetTitle } from './helpers.mjs';

const HOST = 'kizuki-kit';
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** WCAG 2.1 A/AA violations on the page now (axe looks inside open shadow roots). */
async function axeViolations(page) {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const result = await window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return result.violations.map((v) => ({ rule: v.id, targets: v.nodes.slice(0, 3).map((n) => n.target.join(' > ')) }));
  });
}
const PHONE = { width: 390, height: 844 };

/** The manual's worked example as answer digits in the order asked (57 items). */
const EXAMPLE = JSON.parse(
  readFileSync(join(ROOT, 'tests/data/questionnaire/bjsq57-manual-example-male.case.json'), 'utf8'),
);
const DIGITS = ['a', 'b', 'c-talk', 'c-rely', 'c-listen', 'd'].map((s) => EXAMPLE.answers[s]).join('');

async function storedKeys(page) {
  return page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('kizuki/')));
}

async function currentItem(page) {
  const item = page.locator(`${HOST} [data-testid="item"]`);
  await item.waitFor();
  return item.getAttribute('data-item');
}

/** Answers from question `from` (0-based) to `to` (exclusive): taps, and every third by key. */
async function answer(page, from, to) {
  for (let i = from; i < to; i += 1) {
    const before = await currentItem(page);
    const digit = DIGITS[i];
    if (i % 3 === 0) {
      await page.keyboard.press(digit);
    } else {
      await page.locator(`${HOST} [data-testid="answer-${digit}"]`).click();
    }
    if (i + 1 < DIGITS.length) {
      await page.waitForFunction(
        ([host, item]) =>
          document.querySelector(host)?.shadowRoot?.querySelector('[data-testid="item"]')?.getAttribute('data-item') !== item,
        [HOST, before],
      );
    }
  }
}

/** Stress self-check exports: one per person, answers varied so no two files are equal. */
function stressExports(people) {
  const pack = JSON.parse(readFileSync(join(ROOT, 'content/bjsq-57.json'), 'utf8'));
  const items = pack.kit.sections.flatMap((s) => s.items.map((i) => i.id));
  let state = 12345;
  return people.map(({ sex, group }, n) => {
    const answers = {};
    for (const item of items) {
      state ^= state << 13; state ^= state >>> 17; state ^= state << 5; state >>>= 0;
      answers[item] = String((state % 4) + 1);
    }
    const data = { respondent: { sex }, items: answers };
    if (group) data.group = group;
    const envelope = {
      kizuki_export: 2,
      pack_id: pack.id,
      pack_version: pack.version,
      saved_at: `2026-12-01T09:00:${String(n).padStart(2, '0')}.000Z`,
      revision: n + 1,
      state: { kind: 'questionnaire', data },
    };
    return { name: `person-${n + 1}.json`, text: JSON.stringify(envelope) };
  });
}

function people(plan) {
  return plan.flatMap(([sex, group, count]) => Array.from({ length: count }, () => ({ sex, group })));
}

async function groupRows(page, split) {
  return page
    .locator(`${HOST} [data-split="${split}"] tbody tr`)
    .evaluateAll((rows) => rows.map((r) => ({ group: r.dataset.group, shown: r.dataset.shown === 'true', n: r.querySelector('td')?.textContent.trim() })));
}

describe('stress self-check', () => {
  let server;
  let browser;
  before(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('the whole flow on a phone: sex with its reason, one question per screen, resume, result', async () => {
    const { context, page, requests, problems } = await openPage(browser, `${server.origin}/app.html?kit=questionnaire`, {
      viewport: PHONE,
    });
    try {
      assert.match(await widgetTitle(page, HOST), /ストレスセルフチェック/);
      // The questionnaire is named once (the title), the start screen's heading says what it
      // is, and no other heading of the screen repeats it (the respondent part's is 「はじめに」).
      assert.equal((await page.locator(`${HOST} [data-testid="start-heading"]`).textContent()).trim(), 'このセルフチェックについて');
      const screenHeadings = await page.locator(`${HOST} [data-testid="start"] :is(h3, h4)`).allTextContents();
      assert.equal(new Set(screenHeadings.map((h) => h.trim())).size, screenHeadings.length, screenHeadings.join(' / '));
      const statutory = await page.locator(`${HOST} [data-testid="not-statutory"]`).textContent();
      assert.match(statutory, /実施者/);
      assert.match(statutory, /5年間/);
      assert.match(await page.locator(`${HOST} [data-testid="respondent-why"]`).textContent(), /素点換算表/);
      const start = page.locator(`${HOST} [data-testid="start-button"]`);
      assert.equal(await start.isDisabled(), true, 'no start before the sex is given');
      await page.locator(`${HOST} label[for$="respondent-sex-male"]`).click();
      await start.click();
      assert.equal(await currentItem(page), 'a1');
      // The question's legend takes focus, so the keys 1–4 work at once.
      await answer(page, 0, 20);
      assert.equal(await currentItem(page), 'b4');
      assert.match(await page.locator(`${HOST} [data-testid="progress"]`).textContent(), /質問 21 \/ 57.*20 \/ 57/);
      // One question per screen, nothing wider than the phone.
      assert.equal(await page.locator(`${HOST} [data-testid="item"] fieldset`).count(), 1);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow}px`);

      await page.reload();
      await widgetTitle(page, HOST);
      assert.equal(await currentItem(page), 'b4', 'resumes at the first unanswered question');
      await page.locator(`${HOST} [data-testid="item"]`).click({ position: { x: 5, y: 5 } });
      await answer(page, 20, DIGITS.length);

      const result = page.locator(`${HOST} [data-testid="result"]`);
      await result.waitFor();
      assert.equal(await page.locator(`${HOST} [data-testid="outcome"]`).getAttribute('data-outcome'), 'high-stress');
      // Which questionnaire and which day, on screen and on paper.
      assert.match(await page.locator(`${HOST} [data-testid="result-meta"]`).textContent(), /職業性ストレス簡易調査票 57項目）　\d{4}年\d{1,2}月\d{1,2}日 時点の結果/);
      const conversion = page.locator(`${HOST} [data-rule="conversion-method"]`);
      assert.equal(await conversion.getAttribute('data-holds'), 'true');
      assert.match(await conversion.textContent(), /素点換算表.*㋐.*㋑/s);
      const sums = await page.locator(`${HOST} [data-testid="sums"] tbody tr`).evaluateAll((rows) =>
        Object.fromEntries(rows.map((r) => [r.dataset.sum, r.querySelector('td').textContent.trim()])),
      );
      assert.deepEqual([sums['converted-a'], sums['converted-b'], sums['converted-c']], ['21', '7', '4']);
      // The profile: one SVG per 領域 (so a printout can break between them), each a described
      // image named by its heading, one bar per scale with its points written beside it.
      const parts = page.locator(`${HOST} [data-testid="profile"] svg`);
      assert.equal(await parts.count(), 4);
      assert.deepEqual(await parts.evaluateAll((svgs) => svgs.map((svg) => svg.getAttribute('role'))), ['img', 'img', 'img', 'img']);
      assert.equal(await page.locator(`${HOST} [data-testid="profile-heading"]`).textContent(), 'あなたのストレスプロフィール');
      assert.equal(await page.locator(`${HOST} [data-testid="profile"] svg rect`).count(), 19);
      assert.equal(await page.locator(`${HOST} [data-testid="profile"] .kizuki-qn-svg-value`).count(), 19);
      // Each area's heading gives its total (the manual's example: 21, 7 and 4 points), in
      // the drawing and in the table that follows it.
      const headings = await page.locator(`${HOST} [data-testid="profile"] .kizuki-qn-svg-group`).allTextContents();
      assert.deepEqual(headings, ['領域A 評価点の合計：21点', '領域B 評価点の合計：7点', '領域C 評価点の合計：4点', '判定に使わない尺度']);
      const tableHeadings = await page.locator(`${HOST} [data-testid="profile"] th[scope="colgroup"]`).allTextContents();
      assert.deepEqual(tableHeadings, headings);
      // The table of the same figures opens on request (on a phone the two doubled the page).
      const numbers = page.locator(`${HOST} [data-testid="profile"] .kizuki-qn-profile-table`);
      assert.equal(await numbers.isVisible(), false);
      await page.locator(`${HOST} [data-testid="profile"] summary`, { hasText: '点数を表で見る' }).click();
      assert.equal(await numbers.isVisible(), true);
      const routes = await page.locator(`${HOST} [data-testid="routes"] li`).evaluateAll((li) => li.map((l) => l.dataset.route));
      assert.deepEqual(routes.slice(0, 3), ['crisis', 'sangyoi', 'chisanpo']);
      assert.ok((await storedKeys(page)).length >= 1, 'the answers are saved');
      assert.deepEqual(problems, []);
      const origin = new URL(server.origin).origin;
      assert.deepEqual(requests.filter((url) => new URL(url).origin !== origin), []);
    } finally {
      await context.close();
    }
  });

  test('the printed 57-item result: at most three A4 pages, the profile on the first, the totals printed while their disclosure is closed', async () => {
    // Users printed six pages: the profile, one tall drawing, moved whole to page 2 and left
    // page 1 mostly blank; the directory took four; the totals printed only when opened.
    const pack = JSON.parse(readFileSync(join(ROOT, 'content/bjsq-57.json'), 'utf8'));
    const ids = pack.kit.sections.flatMap((s) => s.items.map((i) => i.id));
    assert.equal(ids.length, DIGITS.length);
    const record = {
      kizuki_export: 2,
      pack_id: pack.id,
      pack_version: pack.version,
      saved_at: '2026-12-01T09:00:00.000Z',
      revision: 1,
      state: { kind: 'questionnaire', data: { respondent: { sex: 'male' }, items: Object.fromEntries(ids.map((id, n) => [id, DIGITS[n]])) } },
    };
    const { context, page, problems } = await openPage(browser, `${server.origin}/app.html?kit=questionnaire`, {
      viewport: { width: 1280, height: 900 },
    });
    try {
      await widgetTitle(page, HOST);
      await page.evaluate(([key, text]) => localStorage.setItem(key, text), [`kizuki/${pack.id}/${pack.id}`, JSON.stringify(record)]);
      await page.reload();
      await widgetTitle(page, HOST);
      await page.locator(`${HOST} [data-testid="result"]`).waitFor();
      const sums = page.locator(`${HOST} details.kizuki-qn-sums`);
      assert.equal(await sums.evaluate((d) => d.open), false, 'closed on screen');
      await page.evaluate(() => {
        window.__kizukiPrints = 0;
        window.print = () => {
          window.__kizukiPrints += 1;
        };
      });
      await page.locator(`${HOST} [data-testid="print"]`).click();
      await page.waitForFunction(() => window.__kizukiPrints === 1);
      const pdf = join(mkdtempSync(join(tmpdir(), 'kizuki-qn-print-')), 'result.pdf');
      await page.pdf({ path: pdf, format: 'A4', printBackground: true });
      const pages = Number(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }).match(/Pages:\s+(\d+)/)[1]);
      const text = (from, to = from) =>
        execFileSync('pdftotext', ['-raw', '-f', `${from}`, '-l', `${to}`, pdf, '-'], { encoding: 'utf8' }).replace(/\s/g, '');
      assert.ok(pages <= 3, `the result prints on ${pages} pages`);
      const first = text(1);
      assert.ok(first.includes('高ストレスの基準に当たりました'), 'the outcome on page 1');
      assert.ok(first.includes('あなたのストレスプロフィール'), 'the profile starts on page 1');
      assert.ok(first.includes('領域A評価点の合計：21点'), 'with its first 領域 drawn there');
      const all = text(1, pages);
      // The totals, with their disclosure closed: raw sums (the sum method) and converted ones.
      for (const row of ['領域A（仕事のストレス要因）合計点51', '領域B（心身のストレス反応）合計点95', '領域C（周囲のサポート）合計点31', '領域A評価点の合計21', '領域B評価点の合計7', '領域C評価点の合計4']) {
        assert.ok(all.includes(row), `printed: ${row}`);
      }
      // Everything else a worker takes along: the advice, the routes, the whole directory.
      for (const line of ['これからのこと', '相談先', '相談窓口の一覧', 'よりそいホットライン', '0120-279-338', '命に危険があるとき', 'これは法律に基づくストレスチェックそのものではありません']) {
        assert.ok(all.includes(line), `printed: ${line}`);
      }
      // …and not the screen's controls nor the table that repeats the drawings.
      for (const absent of ['結果を印刷する', '答えを見直す', '点数を表で見る', '答えの保存と削除']) {
        assert.ok(!all.includes(absent), `not printed: ${absent}`);
      }
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });

  test('export, erase, import gives the same result; a second import asks first and can be undone', async () => {
    const { context, page, problems } = await openPage(browser, `${server.origin}/app.html?kit=questionnaire`, {
      viewport: PHONE,
    });
    const dir = mkdtempSync(join(tmpdir(), 'kizuki-qn-'));
    try {
      await widgetTitle(page, HOST);
      await page.locator(`${HOST} label[for$="respondent-sex-male"]`).click();
      await page.locator(`${HOST} [data-testid="start-button"]`).click();
      await answer(page, 0, DIGITS.length);
      await page.locator(`${HOST} [data-testid="result"]`).waitFor();
      const sumsBefore = await page.locator(`${HOST} [data-testid="sums"]`).textContent();

      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.locator(`${HOST} [data-testid="export-json"]`).click(),
      ]);
      assert.match(download.suggestedFilename(), /^bjsq-57-\d{4}-\d{2}-\d{2}\.json$/);
      const exported = join(dir, 'export.json');
      await download.saveAs(exported);
      const file = JSON.parse(readFileSync(exported, 'utf8'));
      assert.equal(file.state.kind, 'questionnaire');
      assert.deepEqual(Object.keys(file.state.data).sort(), ['items', 'respondent']);
      assert.equal(Object.keys(file.state.data.items).length, 57);

      const [csvDownload] = await Promise.all([
        page.waitForEvent('download'),
        page.locator(`${HOST} [data-testid="export-csv"]`).click(),
      ]);
      const csvPath = join(dir, 'answers.csv');
      await csvDownload.saveAs(csvPath);
      const csv = readFileSync(csvPath, 'utf8');
      assert.ok(csv.startsWith('\ufeff'), 'UTF-8 with a byte-order mark');
      assert.match(csv, /非常にたくさんの仕事をしなければならない/);
      // Every row named in the person's language: the sex, a scale with its raw score and
      // grade, a rule with the branches that hold in words (not ids).
      assert.match(csv, /^\ufeff区分,項目ID,番号,内容,回答,/);
      assert.match(csv, /\r\n回答者,sex,,性別,(男性|女性),,\r\n/);
      assert.match(csv, /\r\n尺度,workload,,心理的な仕事の負担（量）,,\d+,[1-5]\r\n/);
      assert.match(csv, /\r\n判定,conversion-method,,素点換算表を使う方法（評価基準の例その2）,はい（㋐ [^\r\n]*㋑ [^\r\n]*）,,\r\n/);

      await page.locator(`${HOST} [data-testid="erase"]`).click();
      await page.locator(`${HOST} [data-testid="erase-confirm"]`).click();
      await page.locator(`${HOST} [data-testid="start"]`).waitFor();
      assert.deepEqual(await storedKeys(page), []);

      const input = page.locator(`${HOST} [data-testid="import"]`);
      // The file chooser is a button in the page's language; the input behind it is hidden.
      const chooser = page.locator(`${HOST} [data-testid="data-panel"] button[id$="import-button"]`);
      assert.equal((await chooser.textContent()).trim(), '書き出したファイルを読み込む');
      assert.equal(await input.isVisible(), false);
      const notJson = join(dir, 'notes.json');
      writeFileSync(notJson, 'not json');
      await input.setInputFiles(notJson);
      await page.locator(`${HOST} [data-testid="notice"]`, { hasText: 'JSON形式' }).waitFor();
      await page.locator(`${HOST} [data-testid="start"]`).waitFor();
      // A file over the import limit (5 MB) is not read at all; the refusal names it.
      const huge = join(dir, 'huge-answers.json');
      writeFileSync(huge, Buffer.alloc(5 * 1024 * 1024 + 1, 0x20));
      await input.setInputFiles(huge);
      const tooLarge = page.locator(`${HOST} [data-testid="notice"]`, { hasText: '大きすぎます' });
      await tooLarge.waitFor();
      assert.match(await tooLarge.textContent(), /「huge-answers\.json」は読み込めませんでした/, 'the file is named');
      assert.equal(await tooLarge.getAttribute('data-notice'), 'import-refused');
      await page.locator(`${HOST} [data-testid="start"]`).waitFor();

      await input.setInputFiles(exported);
      await page.locator(`${HOST} [data-testid="result"]`).waitFor();
      assert.equal(await page.locator(`${HOST} [data-testid="sums"]`).textContent(), sumsBefore);

      // A changed file over saved answers: asked first; replacing keeps the old for undo.
      const changed = structuredClone(file);
      changed.state.data.items.b1 = '4';
      changed.saved_at = '2030-01-01T00:00:00.000Z';
      const changedPath = join(dir, 'changed.json');
      writeFileSync(changedPath, JSON.stringify(changed));
      await input.setInputFiles(changedPath);
      await page.locator(`${HOST} [data-testid="import-confirm"]`).waitFor();
      await page.locator(`${HOST} [data-testid="import-replace"]`).click();
      await page.locator(`${HOST} [data-testid="undo-import"]`).click();
      await page.locator(`${HOST} [data-testid="result"]`).waitFor();
      assert.equal(await page.locator(`${HOST} [data-testid="sums"]`).textContent(), sumsBefore);
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });

  test('newer in another tab: the older page says so at once, loads the newer answers on request and saves on from them', async () => {
    const url = `${server.origin}/app.html?kit=questionnaire`;
    const { context, page, problems } = await openPage(browser, url, { viewport: PHONE });
    try {
      await widgetTitle(page, HOST);
      const older = await context.newPage();
      await older.goto(url);
      await widgetTitle(older, HOST);
      const otherTab = older.locator(`${HOST} [data-notice="other-tab"]`);
      assert.equal(await otherTab.count(), 0, 'nothing to say before the other tab saves');
      // The older tab's reader is down the page, below the top of the kit where notices show.
      assert.ok((await scrollToBottom(older)) > 300, 'the older tab is scrolled down');

      // The first tab answers: the second, open on the same kit, hears of it at once.
      await page.locator(`${HOST} label[for$="respondent-sex-male"]`).click();
      await page.locator(`${HOST} [data-testid="start-button"]`).click();
      await page.locator(`${HOST} [data-testid="answer-${DIGITS[0]}"]`).click();
      await otherTab.waitFor();
      assert.match(await otherTab.textContent(), /別のタブ/);
      assert.ok(await onScreen(older, otherTab), 'the notice is on screen, down the page');
      const saved = await page.evaluate(() => Object.entries(localStorage).find(([k]) => k.startsWith('kizuki/'))?.[1]);
      assert.equal(JSON.parse(saved).state.data.items.a1, DIGITS[0]);
      assert.equal(
        await older.locator(`${HOST} input[data-testid="respondent-sex-male"]`).isChecked(),
        false,
        'nothing changes on the older page until asked',
      );

      // Loading the newer answers shows them; the older page then saves on from that record.
      await older.locator(`${HOST} [data-testid="other-tab-reload"]`).click();
      await otherTab.waitFor({ state: 'detached' });
      await older.locator(`${HOST} [data-testid="item"]`).waitFor();
      assert.equal(await currentItem(older), 'a2', 'continues at the first question the other tab left');
      await older.locator(`${HOST} [data-testid="answer-${DIGITS[1]}"]`).click();
      await older.waitForFunction(
        () => JSON.parse(Object.entries(localStorage).find(([k]) => k.startsWith('kizuki/'))[1]).state.data.items.a2 !== undefined,
      );
      const after = JSON.parse(await older.evaluate(() => Object.entries(localStorage).find(([k]) => k.startsWith('kizuki/'))[1]));
      assert.deepEqual([after.state.data.items.a1, after.state.data.items.a2], [DIGITS[0], DIGITS[1]]);
      assert.equal(after.revision, JSON.parse(saved).revision + 1, 'saved over the newer record, not refused');
      assert.equal(await older.locator(`${HOST} [data-notice="storage"]`).count(), 0);
      // …and now the first tab is the older one.
      await page.locator(`${HOST} [data-notice="other-tab"]`).waitFor();
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });

  test('group analysis: 25 files draw the 判定図, a group of 7 is hidden, and subtraction reveals nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kizuki-qn-groups-'));
    const write = (files) =>
      files.map((f) => {
        const path = join(dir, f.name);
        writeFileSync(path, f.text);
        return path;
      });
    const { context, page, problems } = await openPage(browser, `${server.origin}/aggregate.html?pack=bjsq-57`);
    try {
      await page.locator(`${HOST} input[type="file"]`).first().waitFor({ state: 'attached', timeout: 30_000 });
      // 22 men (12 in 営業, 7 in 製造, 3 without a group) and 3 women in 総務.
      const first = stressExports(people([['male', '営業', 12], ['male', '製造', 7], ['male', null, 3], ['female', '総務', 3]]));
      await page.locator(`${HOST} input[type="file"]`).first().setInputFiles(write(first));
      await page.locator(`${HOST} [data-testid="stress-groups"]`).waitFor({ timeout: 30_000 });
      const men = await groupRows(page, 'male');
      assert.deepEqual(men, [
        { group: '全体', shown: true, n: '22' },
        { group: '営業', shown: true, n: '12' },
        { group: '製造', shown: false, n: '10人未満のため表示しません' },
      ]);
      // Both charts, with a point for everyone and for 営業 only.
      const points = await page.locator(`${HOST} [data-split="male"] svg [data-point]`).evaluateAll((g) => g.map((e) => e.dataset.point));
      assert.deepEqual(points, ['全体', '営業', '全体', '営業']);
      // The committed pack carries the men's national means (see its notes): a dashed
      // reference on each chart at (control 7.9, workload 8.7) and (coworkers 8.1,
      // supervisor 7.5), the health risk in the table, and a note on where it comes from.
      const references = await page.locator(`${HOST} [data-split="male"] svg [data-reference]`).evaluateAll((g) => g.map((e) => e.dataset.reference));
      assert.deepEqual(references, ['7.90,8.70', '8.10,7.50']);
      assert.equal(await page.locator(`${HOST} [data-testid="no-risk"]`).count(), 0);
      assert.match(await page.locator(`${HOST} [data-testid="risk-note"]`).textContent(), /全国平均を100/);
      const header = await page.locator(`${HOST} [data-split="male"] thead th`).allTextContents();
      assert.deepEqual(header.slice(-3), ['健康リスク 量–コントロール', '健康リスク 職場の支援', '総合健康リスク']);
      const risks = await page.locator(`${HOST} [data-split="male"] tbody tr[data-shown="true"]`).evaluateAll((rows) =>
        rows.map((r) => [...r.querySelectorAll('td')].slice(-3).map((td) => td.textContent)));
      assert.equal(risks.length, 2);
      for (const row of risks) assert.ok(row.every((v) => /^\d+$/.test(v)), JSON.stringify(risks));
      // The women (3) are shown nowhere.
      const women = await groupRows(page, 'female');
      assert.ok(women.every((row) => !row.shown), JSON.stringify(women));
      assert.equal(await page.locator(`${HOST} [data-split="female"] svg`).count(), 0);
      // The next step: the 職場環境改善 action checklist.
      assert.equal(
        await page.locator(`${HOST} [data-testid="improve-link"] a`).getAttribute('href'),
        'app.html?kit=checklist&pack=workplace-improvement',
      );
      // Subtraction: everyone minus every shown group is 10 people, never the 7 of 製造.
      const shownTotal = men.filter((r) => r.shown && r.group !== '全体').reduce((sum, r) => sum + Number(r.n), 0);
      assert.equal(22 - shownTotal, 10);
      // The page's summary CSV carries the same figures with the same hiding.
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.locator(`${HOST} button`, { hasText: 'CSVをダウンロード' }).click(),
      ]);
      const csvPath = join(dir, 'summary.csv');
      await download.saveAs(csvPath);
      const csv = readFileSync(csvPath, 'utf8');
      assert.ok(csv.startsWith('\ufeff'), 'UTF-8 with a byte-order mark');
      assert.match(csv, /集団分析（仕事のストレス判定図）,男性 \/ 営業,,,人数,12/);
      assert.match(csv, /男性 \/ 製造,,,人数,非表示/);
      assert.match(csv, /女性 \/ 全体,,,人数,非表示/);
      assert.doesNotMatch(csv, /女性 \/ 総務,workload/);
      assert.match(csv, /男性 \/ 営業,total,総合健康リスク,健康リスク（全国平均=100）,\d+/);

      // On a phone (390 px) the nine columns do not fit: each row becomes a card whose
      // figures carry their column's name, and nothing scrolls sideways.
      await page.setViewportSize({ width: 390, height: 844 });
      const phone = await page.locator(`${HOST} [data-split="male"] .kizuki-table-wrap`).evaluate((wrap) => {
        const row = wrap.querySelector('tbody tr[data-shown="true"]');
        const cell = row.querySelectorAll('td')[row.querySelectorAll('td').length - 1];
        return {
          overflow: wrap.scrollWidth - wrap.clientWidth,
          display: getComputedStyle(row).display,
          label: getComputedStyle(cell, '::before').content,
        };
      });
      assert.deepEqual(phone, { overflow: 0, display: 'block', label: '"総合健康リスク"' });
      await page.setViewportSize({ width: 1280, height: 900 });

      // A second breakdown of the same men without the 3 ungrouped: 営業 minus 全体 would
      // now single out the 7 of 製造, so 営業 is hidden too (and says why).
      const second = stressExports(people([['male', '営業', 12], ['male', '製造', 7], ['female', '総務', 3], ['female', null, 3]]));
      const context2 = await browser.newContext({ locale: 'ja-JP' });
      const page2 = await context2.newPage();
      await page2.goto(`${server.origin}/aggregate.html?pack=bjsq-57`);
      await page2.locator(`${HOST} input[type="file"]`).first().waitFor({ state: 'attached', timeout: 30_000 });
      await page2.locator(`${HOST} input[type="file"]`).first().setInputFiles(write(second));
      await page2.locator(`${HOST} [data-testid="stress-groups"]`).waitFor({ timeout: 30_000 });
      const men2 = await groupRows(page2, 'male');
      assert.deepEqual(men2.map((r) => [r.group, r.shown]), [['全体', true], ['営業', false], ['製造', false]]);
      assert.match(men2[1].n, /引き算/);
      await context2.close();
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });

  test('group analysis with made-up national means: reference lines at those means, health risk in the table; without any, neither', async () => {
    // Made-up test figures in place of the pack's, round so that the lines' coordinates can be
    // worked by hand: the men's national means 8 (workload), 7 (control), 7 (supervisor), 8 (coworkers).
    const pack = JSON.parse(readFileSync(join(ROOT, 'content/bjsq-57.json'), 'utf8'));
    const term = (measure, mean, coefficient) => ({ measure, mean, coefficient });
    pack.kit.group_analysis.risk_models = [{
      when: 'male',
      parts: [
        { id: 'demand-control', label: { ja: '量–コントロール', en: 'Demand–control' }, terms: [term('workload', 8, 0.1), term('control', 7, -0.1)] },
        { id: 'support', label: { ja: '職場の支援', en: 'Support' }, terms: [term('supervisor', 7, -0.1), term('coworkers', 8, -0.1)] },
      ],
    }];
    const dir = mkdtempSync(join(tmpdir(), 'kizuki-qn-reference-'));
    const paths = stressExports(people([['male', '営業', 12], ['male', null, 10]])).map((f) => {
      const path = join(dir, f.name);
      writeFileSync(path, f.text);
      return path;
    });
    const context = await browser.newContext({ locale: 'ja-JP' });
    const page = await context.newPage();
    await page.route('**/content/bjsq-57.json', (route) =>
      route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(pack) }),
    );
    try {
      await page.goto(`${server.origin}/aggregate.html?pack=bjsq-57`);
      await page.locator(`${HOST} input[type="file"]`).first().waitFor({ state: 'attached', timeout: 30_000 });
      await page.locator(`${HOST} input[type="file"]`).first().setInputFiles(paths);
      await page.locator(`${HOST} [data-testid="stress-groups"]`).waitFor({ timeout: 30_000 });
      const lines = await page.locator(`${HOST} [data-split="male"] svg [data-reference]`).evaluateAll((groups) =>
        groups.map((g) => ({
          reference: g.dataset.reference,
          x: Number(g.querySelector('[data-axis="x"]').getAttribute('x1')),
          x2: Number(g.querySelector('[data-axis="x"]').getAttribute('x2')),
          y: Number(g.querySelector('[data-axis="y"]').getAttribute('y1')),
          y2: Number(g.querySelector('[data-axis="y"]').getAttribute('y2')),
        })),
      );
      // The raw scale 3–12 spans x 30–300 and y 300–30: x = 30 + (v − 3) / 9 × 270,
      // y = 300 − (v − 3) / 9 × 270. 量–コントロール: control 7 → x 150, workload 8 → y 150;
      // 職場の支援: coworkers 8 → x 180, supervisor 7 → y 180.
      assert.equal(lines.length, 2, JSON.stringify(lines));
      const near = (a, b) => Math.abs(a - b) < 1e-6;
      assert.equal(lines[0].reference, '7.00,8.00');
      assert.ok(near(lines[0].x, 150) && near(lines[0].x2, 150) && near(lines[0].y, 150) && near(lines[0].y2, 150), JSON.stringify(lines[0]));
      assert.equal(lines[1].reference, '8.00,7.00');
      assert.ok(near(lines[1].x, 180) && near(lines[1].x2, 180) && near(lines[1].y, 180) && near(lines[1].y2, 180), JSON.stringify(lines[1]));
      // The health risk has its columns, and the "not shown because" note is gone.
      const header = await page.locator(`${HOST} [data-split="male"] thead th`).allTextContents();
      assert.deepEqual(header.slice(-3), ['健康リスク 量–コントロール', '健康リスク 職場の支援', '総合健康リスク']);
      // Each shown row has its three risks (whole numbers, national mean = 100).
      const risks = await page.locator(`${HOST} [data-split="male"] tbody tr[data-shown="true"]`).evaluateAll((rows) =>
        rows.map((r) => [...r.querySelectorAll('td')].slice(-3).map((td) => td.textContent)));
      assert.equal(risks.length, 2);
      for (const row of risks) assert.ok(row.every((v) => /^\d+$/.test(v)), JSON.stringify(risks));
      assert.equal(await page.locator(`${HOST} [data-testid="no-risk"]`).count(), 0);
    } finally {
      await context.close();
    }

    // A pack without national means (no `risk_models`): no reference lines (a line at the
    // scale's middle would read as the national mean), no health-risk columns, and the page
    // says why.
    delete pack.kit.group_analysis.risk_models;
    const bare = await browser.newContext({ locale: 'ja-JP' });
    const barePage = await bare.newPage();
    await barePage.route('**/content/bjsq-57.json', (route) =>
      route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(pack) }),
    );
    try {
      await barePage.goto(`${server.origin}/aggregate.html?pack=bjsq-57`);
      await barePage.locator(`${HOST} input[type="file"]`).first().waitFor({ state: 'attached', timeout: 30_000 });
      await barePage.locator(`${HOST} input[type="file"]`).first().setInputFiles(paths);
      await barePage.locator(`${HOST} [data-testid="stress-groups"]`).waitFor({ timeout: 30_000 });
      assert.equal(await barePage.locator(`${HOST} svg [data-reference]`).count(), 0);
      assert.match(await barePage.locator(`${HOST} [data-testid="no-risk"]`).textContent(), /全国平均の線は表示していません/);
      assert.equal(await barePage.locator(`${HOST} [data-testid="risk-note"]`).count(), 0);
      const header = await barePage.locator(`${HOST} [data-split="male"] thead th`).allTextContents();
      assert.ok(!header.some((h) => h.includes('健康リスク')), JSON.stringify(header));
    } finally {
      await bare.close();
    }
  });

  test('the 23-item version asks the sex only for the group analysis, and says so', async () => {
    const { context, page, problems } = await openPage(browser, `${server.origin}/app.html?kit=questionnaire&pack=bjsq-23`, {
      viewport: PHONE,
    });
    try {
      assert.match(await widgetTitle(page, HOST), /23項目/);
      assert.match(await page.locator(`${HOST} [data-testid="respondent-why"]`).textContent(), /集団分析.*判定図/s);
      const start = page.locator(`${HOST} [data-testid="start-button"]`);
      assert.equal(await start.isDisabled(), true, 'no start before the sex is given');
      await page.locator(`${HOST} label[for$="respondent-sex-female"]`).click();
      await start.click();
      assert.equal(await currentItem(page), 'a1');
      // Every answer the fourth: 疲労感 and 不安感 come to 12, which stays on one line in the
      // narrow number column of a phone (the widget's overflow-wrap once split it 1 over 2).
      for (let i = 0; i < 23; i += 1) {
        const before = await currentItem(page);
        await page.locator(`${HOST} [data-testid="answer-4"]`).click();
        if (i < 22) {
          await page.waitForFunction(
            ([host, item]) => document.querySelector(host)?.shadowRoot?.querySelector('[data-testid="item"]')?.getAttribute('data-item') !== item,
            [HOST, before],
          );
        }
      }
      await page.locator(`${HOST} [data-testid="result"]`).waitFor();
      const cells = await page.locator(`${HOST} td.kizuki-num`).evaluateAll((tds) =>
        tds.map((td) => {
          const range = document.createRange();
          range.selectNodeContents(td);
          // One rectangle per line the number's text takes.
          return { text: td.textContent.trim(), lines: new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size };
        }),
      );
      assert.equal(cells.length, 6, JSON.stringify(cells));
      assert.ok(cells.some((c) => c.text === '12'), JSON.stringify(cells));
      for (const cell of cells) assert.ok(cell.lines <= 1, `${cell.text} on ${cell.lines} lines`);
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });

  test('the start, a question and the result have no WCAG 2.1 A/AA violations', async () => {
    const { context, page } = await openPage(browser, `${server.origin}/app.html?kit=questionnaire`, { viewport: PHONE });
    try {
      await widgetTitle(page, HOST);
      assert.deepEqual(await axeViolations(page), [], 'start');
      await page.locator(`${HOST} label[for$="respondent-sex-female"]`).click();
      await page.locator(`${HOST} [data-testid="start-button"]`).click();
      await currentItem(page);
      assert.deepEqual(await axeViolations(page), [], 'question');
      await answer(page, 0, DIGITS.length);
      await page.locator(`${HOST} [data-testid="result"]`).waitFor();
      assert.deepEqual(await axeViolations(page), [], 'result');
    } finally {
      await context.close();
    }
  });
});
