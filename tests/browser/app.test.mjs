// The standalone app page (app.html?kit=…) renders each kit's title from its pack in real Chromium,
// and prints the kit without the site around it.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { kindsOf } from '../../scripts/kit-pages.mjs';
import { DIST, ROOT, launchBrowser, openPage, readPack, startServer, widgetTitle } from './helpers.mjs';

test("every page of the site names the same kits in its header as the app page", () => {
  const navOf = (file) => {
    const html = readFileSync(join(ROOT, 'www', file), 'utf8');
    const list = html.match(/<ul class="site-nav">([\s\S]*?)<\/ul>/);
    return list && [...list[1].matchAll(/<a href="([^"]+)">([^<]+)<\/a>/g)].map(([, href, name]) => `${href} ${name}`);
  };
  const kits = navOf('app.html');
  assert.ok(kits.length >= 4, kits.join('\n'));
  const pages = readdirSync(join(ROOT, 'www')).filter((file) => file.endsWith('.html') && navOf(file));
  assert.ok(pages.length >= 3, pages.join(' '));
  for (const file of pages) assert.deepEqual(navOf(file), kits, file);
});

describe('standalone app page', () => {
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

  for (const kit of ['checklist', 'plan', 'course']) {
    test(`app.html?kit=${kit} shows the pack's Japanese title`, async () => {
      const pack = readPack(kit);
      const { page, problems, context } = await openPage(browser, `${server.origin}/app.html?kit=${kit}`);
      assert.equal(await widgetTitle(page, 'kizuki-kit'), pack.title.ja);
      assert.deepEqual(problems, []);
      await context.close();
    });
  }

  // Each kind's own page (scripts/kit-pages.mjs) names its widget's files in its head, so the
  // browser asks for them while it reads the head; kizuki.js's own requests must then be
  // answered by those (one fetch each), and no other kit's module may come.
  // The kinds and their default packs as the build wrote them into kizuki.js (one list).
  const kinds = kindsOf(readFileSync(join(DIST, 'kizuki.js'), 'utf8'));
  for (const [kit, packId] of Object.entries(kinds)) {
    test(`${kit}.html shows the kit with its files named in its head, each fetched once, and no other kit's module`, async () => {
      const { page, problems, requests, context } = await openPage(browser, `${server.origin}/${kit}.html`);
      const pack = JSON.parse(readFileSync(join(DIST, 'content', `${packId}.json`), 'utf8'));
      assert.equal(await widgetTitle(page, 'kizuki-kit'), pack.title.ja);
      const hints = await page.evaluate(() =>
        [...document.head.querySelectorAll('link[rel="preload"], link[rel="modulepreload"]')].map((link) => new URL(link.href).pathname),
      );
      assert.deepEqual(hints, ['/kizuki.js', `/pkg/kizuki_${kit}.js`, `/pkg/kizuki_${kit}_bg.wasm`, `/content/${packId}.ja.json`, `/kizuki-${kit}.css`]);
      const paths = requests.map((url) => new URL(url).pathname);
      for (const file of [`/pkg/kizuki_${kit}.js`, `/pkg/kizuki_${kit}_bg.wasm`, `/content/${packId}.ja.json`]) {
        assert.equal(paths.filter((path) => path === file).length, 1, `${file} once: ${paths.join(' ')}`);
      }
      assert.deepEqual(paths.filter((path) => path.startsWith('/pkg/')).sort(), [`/pkg/kizuki_${kit}.js`, `/pkg/kizuki_${kit}_bg.wasm`]);
      assert.ok(!paths.includes('/app.js'), 'the kit page needs no app.js');
      assert.equal(await page.locator('.site-nav a[aria-current="page"]').getAttribute('href'), `${kit}.html`);
      assert.match(await page.title(), / — 気づき Kizuki$/);
      assert.deepEqual(problems, []);
      await context.close();
    });
  }

  // The site's links moved from app.html?kit=… to the kinds' own pages: both keep their
  // answers under the same key, so a person who answered on one finds them on the other.
  test('answers given on app.html?kit=checklist are there on checklist.html', async () => {
    const { page, problems, context } = await openPage(browser, `${server.origin}/app.html?kit=checklist`);
    await widgetTitle(page, 'kizuki-kit');
    const first = page.locator('kizuki-kit fieldset input[type="radio"]').first();
    await first.check();
    const id = await first.getAttribute('value');
    await page.waitForFunction(() => Object.keys(localStorage).some((key) => key.startsWith('kizuki/mh-checklist/')));
    await page.goto(`${server.origin}/checklist.html`);
    await widgetTitle(page, 'kizuki-kit');
    const again = page.locator('kizuki-kit fieldset input[type="radio"]').first();
    assert.equal(await again.getAttribute('value'), id);
    assert.ok(await again.isChecked(), 'the answer is kept');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('the language switch shows the English title, and lang=en starts in English', async () => {
    const pack = readPack('checklist');
    const { page, problems, context } = await openPage(browser, `${server.origin}/app.html?kit=checklist`);
    await widgetTitle(page, 'kizuki-kit');
    // Each button names its language in that language (web/locales/<lang>/ui.json's
    // language_name), whichever language the widget shows.
    const buttons = page.locator('kizuki-kit .kizuki-lang-button');
    const expected = ['日本語', 'English'];
    assert.deepEqual((await buttons.allTextContents()).map((t) => t.trim()), expected);
    await page.locator('kizuki-kit .kizuki-lang-button[lang="en"]').click();
    await page.locator('kizuki-kit .kizuki-title', { hasText: pack.title.en }).waitFor();
    assert.equal(await page.locator('kizuki-kit .kizuki').getAttribute('lang'), 'en');
    assert.deepEqual((await buttons.allTextContents()).map((t) => t.trim()), expected);
    assert.deepEqual(await buttons.evaluateAll((all) => all.map((b) => b.lang)), ['ja', 'en']);
    await page.goto(`${server.origin}/app.html?kit=checklist&lang=en`);
    assert.equal(await widgetTitle(page, 'kizuki-kit'), pack.title.en);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('the language chosen survives a reload, on every page of the site (issue 16)', async () => {
    const pack = readPack('checklist');
    const { page, problems, context } = await openPage(browser, `${server.origin}/app.html?kit=checklist`);
    assert.equal(await widgetTitle(page, 'kizuki-kit'), pack.title.ja, 'a Japanese browser starts in Japanese');
    await page.locator('kizuki-kit .kizuki-lang-button[lang="en"]').click();
    await page.locator('kizuki-kit .kizuki-title', { hasText: pack.title.en }).waitFor();
    await page.reload();
    assert.equal(await widgetTitle(page, 'kizuki-kit'), pack.title.en, 'still English after a reload');
    await page.goto(`${server.origin}/app.html?kit=course`);
    assert.equal(await widgetTitle(page, 'kizuki-kit'), readPack('course').title.en, 'and on another kit of the site');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('an English browser gets English when nothing was chosen', async () => {
    const context = await browser.newContext({ locale: 'en-US' });
    const page = await context.newPage();
    await page.goto(`${server.origin}/app.html?kit=course`);
    assert.equal(await widgetTitle(page, 'kizuki-kit'), readPack('course').title.en);
    assert.equal(await page.locator('kizuki-kit .kizuki').getAttribute('lang'), 'en');
    await context.close();
  });

  test('the brand and the privacy line are shown once on a standalone page', async () => {
    const { page, problems, context } = await openPage(browser, `${server.origin}/app.html?kit=plan`);
    await widgetTitle(page, 'kizuki-kit');
    assert.equal(await page.locator('kizuki-kit .kizuki-brand').count(), 0, 'the page header has the brand');
    assert.equal(await page.locator('kizuki-kit .kizuki-privacy').count(), 0, 'the page footer has the privacy line');
    assert.match(await page.locator('.site-footer').textContent(), /どこにも送信されません/);
    assert.equal(await page.locator('.site-brand').count(), 1);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('every widget and the home page say who made the content, that nobody has reviewed it yet, versions, the licence in words and where to report an error', async () => {
    const pack = readPack('course');
    const { page, problems, context } = await openPage(browser, `${server.origin}/app.html?kit=course`);
    await widgetTitle(page, 'kizuki-kit');
    const panel = page.locator('kizuki-kit details.kizuki-about');
    await panel.locator('summary').click();
    const text = await panel.textContent();
    assert.match(text, /このコンテンツについて/);
    assert.ok(text.includes(pack.about.made_by.ja), text);
    assert.match(text, /まだ監修を受けていません/);
    assert.ok(text.includes(`内容 ${pack.version}`), text);
    // Dates as the reader's dates read (2026年12月6日), on the widget's line and in the panel.
    const [year, month, day] = pack.content_as_of.split('-').map(Number);
    assert.ok(text.includes(`${year}年${month}月${day}日`), text);
    assert.ok(!text.includes(pack.content_as_of), text);
    assert.equal((await page.locator('kizuki-kit .kizuki-as-of').textContent()).trim(), `内容の時点: ${year}年${month}月${day}日`);
    assert.ok(text.includes(pack.about.licence), text);
    // The licence in words, and the operator's address (still the placeholder, said so).
    assert.ok(text.includes(pack.about.licence_note.ja), text);
    const address = await panel.locator('.kizuki-about-report-url').textContent();
    assert.match(address, /^連絡先：https:\/\/kizuki\.example\/issues（仮の宛先です。/);
    assert.equal(await panel.locator('.kizuki-about-report-url a').count(), 0, 'a placeholder is not offered as a link');
    await page.goto(`${server.origin}/`);
    // The 23-item short version has a way in from the home page.
    assert.equal(await page.locator('[data-testid="bjsq-23-link"]').getAttribute('href'), 'app.html?kit=questionnaire&pack=bjsq-23');
    const home = page.locator('details.site-about');
    await home.locator('summary').click();
    const homeText = await home.textContent();
    for (const kit of ['checklist', 'plan', 'course']) {
      const kitPack = readPack(kit);
      assert.ok(homeText.includes(kitPack.title.ja), kit);
      // The widgets' date format, in both languages.
      const [y, m, d] = kitPack.content_as_of.split('-').map(Number);
      const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
      assert.ok(homeText.includes(`${y}年${m}月${d}日`), kit);
      assert.ok(homeText.includes(`${d} ${months[m - 1]} ${y}`), kit);
    }
    assert.match(homeText, /まだ監修を受けていません/);
    assert.match(homeText, /Not reviewed by an outside expert yet/);
    assert.ok(homeText.includes(pack.about.licence_note.en), 'the licence in words, in English too');
    assert.match(homeText, /https:\/\/kizuki\.example\/issues \(a placeholder: it reaches nobody/);
    assert.ok(!homeText.includes('KIZUKI_ABOUT'), 'the marker is replaced');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('a pack that fails to load shows an error with a retry button, and retry recovers', async () => {
    const { page, context } = await openPage(browser, 'about:blank');
    let failNext = true;
    await page.route('**/content/mh-checklist.ja.json', (route) =>
      failNext ? route.fulfill({ status: 404, body: 'not here' }) : route.continue(),
    );
    await page.goto(`${server.origin}/app.html?kit=checklist`);
    const error = page.locator('kizuki-kit .kizuki-error[role="alert"]');
    await error.waitFor();
    assert.match(await error.textContent(), /HTTP 404/);
    failNext = false;
    await page.locator('kizuki-kit .kizuki-error button').click();
    assert.equal(await widgetTitle(page, 'kizuki-kit'), readPack('checklist').title.ja);
    await context.close();
  });

  test('a file that is not a pack is refused with a short message, not the parser\'s words', async () => {
    const { page, context } = await openPage(browser, 'about:blank');
    await page.route('**/content/linecare.en.json', (route) =>
      route.fulfill({ status: 200, contentType: 'application/json', body: '{"format_version": 1, "id": 3}' }),
    );
    await page.goto(`${server.origin}/app.html?kit=course&lang=en`);
    const error = page.locator('kizuki-kit .kizuki-error');
    await error.waitFor();
    // A short message; the parser's words go to the console for whoever runs the page.
    assert.match(await error.textContent(), /has errors and cannot be shown/);
    assert.doesNotMatch(await error.textContent(), /line \d|invalid type|expected/);
    await context.close();
  });

  // The widget hands the pack's bytes to the core as they are: a pack saved in Shift_JIS (as
  // Japanese editors on Windows may) is refused with the same short message, where reading it
  // as text would have shown its Japanese as replacement characters.
  test('a pack that is not UTF-8 (Shift_JIS) is refused, not shown garbled', async () => {
    const { page, context } = await openPage(browser, 'about:blank', { serviceWorkers: 'block' });
    const pack = readFileSync(join(ROOT, 'dist/content/mh-checklist.ja.json'));
    const title = Buffer.from(JSON.stringify(readPack('checklist').title.ja).slice(1, -1), 'utf8');
    const at = pack.indexOf(title);
    assert.ok(at > 0, 'the title is in the file');
    // メンタル in Shift_JIS, in place of the title's first characters.
    const shiftJis = Buffer.concat([pack.subarray(0, at), Buffer.from([0x83, 0x81, 0x83, 0x93, 0x83, 0x5e, 0x83, 0x8b]), pack.subarray(at + 12)]);
    await page.route('**/content/mh-checklist.ja.json', (route) =>
      route.fulfill({ status: 200, contentType: 'application/json', body: shiftJis }),
    );
    await page.goto(`${server.origin}/checklist.html`);
    const error = page.locator('kizuki-kit .kizuki-error');
    await error.waitFor();
    assert.match(await error.textContent(), /表示できません|cannot be shown/);
    assert.equal(await page.locator('kizuki-kit .kizuki-title').count(), 0);
    assert.doesNotMatch(await page.locator('kizuki-kit').evaluate((host) => host.shadowRoot.textContent), /\uFFFD/);
    await context.close();
  });

  /** A checklist record with the profile answered (first option each) and six items. */
  function checklistWithAnswers(pack) {
    const profile = Object.fromEntries(pack.kit.profile.map((q) => [q.id, q.options[0].id]));
    const ids = pack.kit.areas.flatMap((area) => area.items.map((item) => item.id)).slice(0, 6);
    const items = Object.fromEntries(ids.map((id, n) => [id, n % 2 ? { choice: 'no', why_not: ['no_time'] } : { choice: 'yes' }]));
    return {
      kizuki_export: 2,
      pack_id: pack.id,
      pack_version: pack.version,
      saved_at: '2026-12-01T00:00:00.000Z',
      revision: 1,
      state: { kind: 'checklist', data: { profile, items, actions: {} } },
    };
  }

  // Ctrl+P on the app page printed the site's footer (privacy and offline lines) after the
  // kit, alone on a last, nearly blank page: print media shows the kit and nothing around it.
  for (const kit of ['checklist', 'course']) {
    test(`printing app.html?kit=${kit} gives the kit without the site's header, nav and footer`, async () => {
      const pack = readPack(kit);
      const { page, problems, context } = await openPage(browser, `${server.origin}/app.html?kit=${kit}`);
      await widgetTitle(page, 'kizuki-kit');
      if (kit === 'checklist') {
        await page.evaluate((record) => localStorage.setItem('kizuki/mh-checklist/mh-checklist', JSON.stringify(record)), checklistWithAnswers(pack));
        await page.reload();
        await widgetTitle(page, 'kizuki-kit');
      }
      await page.emulateMedia({ media: 'print' });
      const shown = await page.evaluate(() =>
        [...document.body.querySelectorAll('body > *, .site-header nav, .site-footer p')]
          .filter((e) => getComputedStyle(e).display !== 'none' && e.getBoundingClientRect().height > 0)
          .map((e) => `${e.tagName.toLowerCase()}.${e.classList[0] ?? ''}`),
      );
      assert.deepEqual(shown, ['main.site-main'], 'in print, only the main part of the page');
      assert.ok(await page.locator('kizuki-kit .kizuki-title').isVisible(), 'the kit\'s title prints');
      const content = page.locator(`kizuki-kit ${kit === 'checklist' ? '.kizuki-cl' : '.kizuki-course'}`);
      assert.ok((await content.boundingBox()).height > 300, 'the kit\'s content prints');

      // The PDF a person gets: the kit's title, no site footer, and no page without text.
      const dir = mkdtempSync(join(tmpdir(), 'kizuki-print-'));
      try {
        const pdf = join(dir, `${kit}.pdf`);
        await page.pdf({ path: pdf, format: 'A4' });
        const pages = Number(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }).match(/Pages:\s+(\d+)/)[1]);
        const text = (from, to = from) => execFileSync('pdftotext', ['-raw', '-f', `${from}`, '-l', `${to}`, pdf, '-'], { encoding: 'utf8' });
        const all = text(1, pages);
        assert.ok(all.replace(/\s/g, '').includes(pack.title.ja.replace(/\s/g, '')), 'the PDF has the kit\'s title');
        assert.doesNotMatch(all, /stay in this browser|Ready for offline use/, 'the PDF has no site footer');
        for (let n = 1; n <= pages; n += 1) assert.ok(text(n).trim().length > 40, `page ${n} of ${pages} is (nearly) blank`);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
      assert.deepEqual(problems, []);
      await context.close();
    });
  }
});
