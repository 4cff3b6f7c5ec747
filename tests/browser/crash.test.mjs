// Crash safety: a panic inside the WebAssembly module (provoked with the shipped
// `crashForTesting` export) leaves no blank box. Every widget on the page shows an alert
// with "export what is saved", a download of exactly the stored record, and a reload link;
// the host page hears a `kizuki-error` event; after a reload the answers are all there.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { launchBrowser, openPage, startServer, widgetTitle } from './helpers.mjs';

/** Panics inside each named kit's module (each kit runs its own); resolves to what the traps threw. */
function crash(page, modules = ['checklist']) {
  return page.evaluate(async (names) => {
    const thrown = [];
    for (const name of names) {
      const module = await import(`/pkg/kizuki_${name}.js`);
      try {
        module.crashForTesting();
        thrown.push('returned');
      } catch (error) {
        thrown.push(String(error));
      }
    }
    return thrown.join('; ');
  }, modules);
}

describe('crash safety', () => {
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

  test('a panic shows the error state with an export of what is saved, and nothing typed is lost', async () => {
    const { page, context } = await openPage(browser, `${server.origin}/app.html?kit=checklist`);
    await widgetTitle(page, 'kizuki-kit');
    const id = (suffix) => page.locator(`[id="kizuki-mh-checklist-${suffix}"]`);
    await id('profile-size-10to49').check();
    await id('profile-sangyoi-no').check();
    const key = 'kizuki/mh-checklist/mh-checklist';
    const stored = await page.evaluate((k) => localStorage.getItem(k), key);
    assert.deepEqual(JSON.parse(stored).state.data.profile, { size: '10to49', sangyoi: 'no' });

    await page.evaluate(() => {
      window.kizukiErrors = 0;
      document.querySelector('kizuki-kit').addEventListener('kizuki-error', () => (window.kizukiErrors += 1));
    });
    const thrown = await crash(page);
    assert.notEqual(thrown, 'returned');

    const alert = page.locator('kizuki-kit .kizuki-error[role="alert"]');
    await alert.waitFor();
    assert.match(await alert.textContent(), /問題が発生しました|Something went wrong|予期しない/);
    assert.equal(await page.locator('kizuki-kit .kizuki-cl').count(), 0, 'the broken view is gone');
    assert.equal(await page.evaluate(() => window.kizukiErrors), 1);

    const link = alert.locator(`a[download][data-key="${key}"]`);
    assert.equal(await link.getAttribute('download'), 'kizuki_mh-checklist_mh-checklist.json', 'named as the my-data page names it');
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    const exported = readFileSync(await download.path(), 'utf8');
    assert.equal(exported, stored, 'the export is the saved record, byte for byte');

    await page.reload();
    await widgetTitle(page, 'kizuki-kit');
    assert.equal(await id('profile-size-10to49').isChecked(), true);
    assert.equal(await id('profile-sangyoi-no').isChecked(), true);
    await context.close();
  });

  test('every widget on the page shows the error state with its own records', async () => {
    const { page, context } = await openPage(browser, `${server.origin}/embed/`);
    await widgetTitle(page, 'kizuki-kit[kit="checklist"]');
    await widgetTitle(page, 'kizuki-kit[kit="course"]');
    await page.evaluate(() => {
      localStorage.setItem('kizuki/minato-checklist/mh-checklist', '{"saved": "checklist"}');
      localStorage.setItem('kizuki/minato-checklist/mh-checklist/corrupt/1', '{"kept": "aside"}');
    });
    await crash(page, ['checklist', 'course']);
    const checklist = page.locator('kizuki-kit[kit="checklist"] .kizuki-error[role="alert"]');
    const course = page.locator('kizuki-kit[kit="course"] .kizuki-error[role="alert"]');
    await checklist.waitFor();
    await course.waitFor();
    const keys = (alert) => alert.locator('a[download]').evaluateAll((l) => l.map((a) => a.dataset.key));
    assert.deepEqual(await keys(checklist), ['kizuki/minato-checklist/mh-checklist'], 'records kept aside are not offered');
    assert.deepEqual(await keys(course), [], 'nothing saved: no export button');
    assert.equal(await course.getAttribute('role'), 'alert');
    assert.match(await course.textContent(), /Reload the page/, 'each widget speaks its own language');
    await context.close();
  });
});
