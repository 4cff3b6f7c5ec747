// The standalone site works offline after the first visit (issue 16): its service worker
// keeps this build's files, the page says when it is ready, and with the network gone the
// kits still open (answers kept in local storage as always).

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { launchBrowser, readPack, startServer, widgetTitle } from './helpers.mjs';

describe('offline use', () => {
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

  test('after the first visit the site says it is ready, then opens every kit, in either language, with the network off', async () => {
    const context = await browser.newContext({ locale: 'ja-JP' });
    const page = await context.newPage();
    const problems = [];
    page.on('pageerror', (error) => problems.push(error.message));
    await page.goto(`${server.origin}/app.html?kit=checklist`);
    assert.equal(await widgetTitle(page, 'kizuki-kit'), readPack('checklist').title.ja);
    const status = page.locator('#offline-status[data-ready="true"]');
    await status.waitFor({ state: 'visible', timeout: 60_000 });
    assert.match(await status.textContent(), /オフライン/);
    // The worker answers for the page once it controls it.
    await page.reload();
    await widgetTitle(page, 'kizuki-kit');
    assert.ok(await page.evaluate(() => navigator.serviceWorker.controller !== null), 'the page is controlled');

    await context.setOffline(true);
    for (const kit of ['course', 'plan', 'checklist']) {
      await page.goto(`${server.origin}/app.html?kit=${kit}`);
      assert.equal(await widgetTitle(page, 'kizuki-kit'), readPack(kit).title.ja, `${kit} offline`);
    }
    // The other language's pack file is kept too: switching works offline (issue 14).
    await page.locator('kizuki-kit .kizuki-lang-button[lang="en"]').click();
    await page.locator('kizuki-kit .kizuki-title').filter({ hasText: readPack('checklist').title.en }).waitFor();
    await page.locator('kizuki-kit .kizuki-lang-button[lang="ja"]').click();
    await page.goto(`${server.origin}/`);
    await page.locator('.kit-list').waitFor();
    await page.goto(`${server.origin}/mydata.html`);
    await page.locator('kizuki-kit .kizuki-tools-mydata').waitFor({ timeout: 30_000 });
    // Nothing reached the server while offline: a request that did would have failed the page.
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('the copy for offline use waits until the widget is shown: it would take the line and the processor from it', async () => {
    const context = await browser.newContext({ locale: 'ja-JP' });
    const page = await context.newPage();
    // The kit's wasm is held back: the page has loaded, the widget is still on its way.
    let release;
    const held = new Promise((resolve) => (release = resolve));
    await page.route('**/pkg/kizuki_checklist_bg.wasm', async (route) => {
      await held;
      await route.continue();
    });
    const registrations = () => page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length);
    await page.goto(`${server.origin}/app.html?kit=checklist`);
    await page.waitForLoadState('load');
    await page.waitForTimeout(3000);
    assert.equal(await page.evaluate(() => document.readyState), 'complete');
    assert.ok(await page.locator('kizuki-kit .kizuki-placeholder').isVisible(), 'the widget is still loading');
    assert.equal(await registrations(), 0, 'no service worker while the widget loads');
    assert.ok(await page.locator('#offline-status').isHidden());

    release();
    assert.equal(await widgetTitle(page, 'kizuki-kit'), readPack('checklist').title.ja);
    await page.locator('#offline-status[data-ready="true"]').waitFor({ state: 'visible', timeout: 60_000 });
    assert.equal(await registrations(), 1, 'registered once the widget is shown');
    await context.close();
  });
});
