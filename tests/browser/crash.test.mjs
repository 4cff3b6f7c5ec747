// Crash safety: a panic inside a kit's WebAssembly module (in the release build an
// immediate abort: a trap, with no Rust panic hook) leaves no blank box. The module's glue
// stops it at the trap (scripts/guard-glue.mjs) and kizuki.js draws the crash screen: every
// widget of that module shows an alert with "export what is saved", a download of exactly
// the stored record, and a reload link; the host page hears a `kizuki-error` event; no call
// goes into the stopped module again; widgets of other modules go on working; after a reload
// the answers are all there. Provoked with the shipped `crashForTesting` export, and from an
// event listener (a click whose render meets a DOM call that fails: Yew panics on it).

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
    // Styled by the checklist module's own stylesheet, the one link in the widget, loaded.
    const sheets = await page.evaluate(async () => {
      const links = [...document.querySelector('kizuki-kit').shadowRoot.querySelectorAll('link[rel="stylesheet"]')];
      // A link put in by the crash screen may still be loading (from the browser's cache).
      await Promise.all(links.filter((l) => !l.sheet).map((l) => new Promise((resolve) => ['load', 'error'].forEach((t) => l.addEventListener(t, resolve, { once: true })))));
      return links.map((l) => [new URL(l.href).pathname, l.sheet !== null]);
    });
    assert.deepEqual(sheets, [['/kizuki-checklist.css', true]]);
    // A link drawn as a button: `inline` (a link's own display) were the stylesheet missing.
    assert.match(await alert.locator('a.kizuki-button').first().evaluate((b) => getComputedStyle(b).display), /flex/);

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

  test('a trap in an event listener (a click) shows the crash screen, and nothing calls into the stopped module again', async () => {
    const { page, context } = await openPage(browser, `${server.origin}/app.html?kit=checklist`);
    await widgetTitle(page, 'kizuki-kit');
    const id = (suffix) => page.locator(`[id="kizuki-mh-checklist-${suffix}"]`);
    await id('profile-size-10to49').check();
    const key = 'kizuki/mh-checklist/mh-checklist';
    await page.waitForFunction((k) => localStorage.getItem(k)?.includes('10to49'), key);
    await page.evaluate(() => {
      window.kizukiErrors = 0;
      window.pageErrors = [];
      document.querySelector('kizuki-kit').addEventListener('kizuki-error', () => (window.kizukiErrors += 1));
      window.addEventListener('error', (event) => window.pageErrors.push(event.error?.name ?? String(event.message)));
      // The next DOM change the module makes fails once (then the browser's own methods are
      // back): Yew panics on a refused setAttribute / removeAttribute / insertBefore.
      const patched = [
        [Element.prototype, 'setAttribute'],
        [Element.prototype, 'removeAttribute'],
        [Node.prototype, 'insertBefore'],
      ].map(([target, name]) => [target, name, target[name]]);
      const restore = () => patched.forEach(([target, name, original]) => (target[name] = original));
      for (const [target, name] of patched) {
        target[name] = function refused() {
          restore();
          throw new DOMException(`test: ${name} refused`, 'InvalidCharacterError');
        };
      }
    });
    // The language switch: its click handler at once shows a status line (a new element
    // with a role attribute), which the refused setAttribute breaks.
    await page.locator('kizuki-kit .kizuki-lang-button[lang="en"]').click();

    const alert = page.locator('kizuki-kit .kizuki-error[role="alert"]');
    await alert.waitFor();
    assert.match(await alert.textContent(), /問題が発生しました/);
    assert.equal(await page.locator('kizuki-kit .kizuki-cl').count(), 0, 'the broken view is gone');
    assert.equal(await page.evaluate(() => window.kizukiErrors), 1);
    // Reported as an error of the click listener (a promise would be an unhandled rejection),
    // once; anything after it (the focused button leaving the page may fire the module's
    // listeners) is a call the glue refused, never one that ran inside the stopped module.
    const [trap, ...after] = await page.evaluate(() => window.pageErrors);
    assert.equal(trap, 'RuntimeError', 'the trap reached the page from the listener');
    assert.ok(after.every((name) => name === 'KizukiModuleStopped'), `refused calls only after the trap: ${after}`);
    const stored = await page.evaluate((k) => localStorage.getItem(k), key);
    const link = alert.locator(`a[download][data-key="${key}"]`);
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    assert.equal(readFileSync(await download.path(), 'utf8'), stored, 'the export is the saved record, byte for byte');

    // The stopped module is never entered again: a call into it is refused by its glue.
    assert.equal(await crash(page), 'KizukiModuleStopped: Kizuki: this module stopped after an error; reload the page');
    await context.close();
  });

  test("one module's crash leaves a widget of another kit on the page working", async () => {
    const { page, context } = await openPage(browser, `${server.origin}/embed/`);
    await widgetTitle(page, 'kizuki-kit[kit="checklist"]');
    await widgetTitle(page, 'kizuki-kit[kit="course"]');
    await page.evaluate(() => {
      window.pageErrors = [];
      window.addEventListener('error', (event) => window.pageErrors.push(event.error?.name ?? String(event.message)));
    });
    const thrown = await crash(page, ['course']);
    assert.match(thrown, /RuntimeError/);
    await page.locator('kizuki-kit[kit="course"] .kizuki-error[role="alert"]').waitFor();
    const checklist = 'kizuki-kit[kit="checklist"]';
    assert.equal(await page.locator(`${checklist} [role="alert"].kizuki-error`).count(), 0);
    // The course listens for another tab's saves on `window`: after the trap its listener is
    // refused by the glue, it does not run inside the stopped module.
    await page.evaluate(() => window.dispatchEvent(new StorageEvent('storage', { key: 'kizuki/minato-linecare/linecare' })));
    const errors = await page.evaluate(() => window.pageErrors);
    assert.ok(errors.length >= 1 && errors.every((name) => name === 'KizukiModuleStopped'), `refused calls only: ${errors}`);

    // The checklist still answers, saves and switches language.
    const radio = page.locator(`${checklist} .kizuki-cl input[type="radio"]`).first();
    await radio.check();
    assert.equal(await radio.isChecked(), true);
    await page.waitForFunction(() => localStorage.getItem('kizuki/minato-checklist/mh-checklist') !== null);
    await page.locator(`${checklist} .kizuki-lang-button[lang="en"]`).click();
    await page.locator(`${checklist} .kizuki[lang="en"]`).waitFor();
    assert.equal(await radio.isChecked(), true, 'the answer is kept across the switch');
    assert.equal(await page.locator('kizuki-kit [role="alert"].kizuki-error').count(), 1, 'only the course shows the crash screen');
    await context.close();
  });
});
