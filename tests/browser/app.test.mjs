// The standalone app page (app.html?kit=…) renders each kit's title from its pack in real Chromium.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { launchBrowser, openPage, readPack, startServer, widgetTitle } from './helpers.mjs';

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

  test('the language switch shows the English title, and lang=en starts in English', async () => {
    const pack = readPack('checklist');
    const { page, problems, context } = await openPage(browser, `${server.origin}/app.html?kit=checklist`);
    await widgetTitle(page, 'kizuki-kit');
    await page.locator('kizuki-kit .kizuki-lang-button[lang="en"]').click();
    await page.locator('kizuki-kit .kizuki-title', { hasText: pack.title.en }).waitFor();
    assert.equal(await page.locator('kizuki-kit .kizuki').getAttribute('lang'), 'en');
    await page.goto(`${server.origin}/app.html?kit=checklist&lang=en`);
    assert.equal(await widgetTitle(page, 'kizuki-kit'), pack.title.en);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('a pack that fails to load shows an error with a retry button, and retry recovers', async () => {
    const { page, context } = await openPage(browser, 'about:blank');
    let failNext = true;
    await page.route('**/content/mh-checklist.json', (route) =>
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

  test('a file that is not a pack is refused with the parser\'s message', async () => {
    const { page, context } = await openPage(browser, 'about:blank');
    await page.route('**/content/linecare.json', (route) =>
      route.fulfill({ status: 200, contentType: 'application/json', body: '{"format_version": 1, "id": 3}' }),
    );
    await page.goto(`${server.origin}/app.html?kit=course&lang=en`);
    const error = page.locator('kizuki-kit .kizuki-error');
    await error.waitFor();
    assert.match(await error.textContent(), /not in the right format/);
    await context.close();
  });
});
