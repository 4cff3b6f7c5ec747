// The return-to-work planner with two tabs on one vault (the web shell's "newer in another
// tab", issue 14): the older tab says so at once (its revision is inside the sealed record,
// so the planner opens the other tab's record with the key it holds), changes nothing until
// asked, loads the newer cases on request and saves on from them (a save before that is
// refused as older and continues from the other tab's cases); a passphrase changed in the
// other tab locks it; everything erased there closes its cases.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { launchBrowser, onScreen, openPage, scrollToBottom, startServer, widgetTitle } from './helpers.mjs';
import { STORAGE_KEY, id, setPassphrase, settled, unlock } from './plan-helpers.mjs';

const PASSPHRASE = 'correct horse battery staple';
const NEW_PASSPHRASE = 'a brand new passphrase';
const LABEL = 'ケースツグミ二号';

const tasks = (page) => page.locator('.kizuki-plan-step .kizuki-plan-task input[type="checkbox"]');

/** The stored sealed record as it is now (its text: the revision is sealed inside). */
const stored = (page) => page.evaluate((key) => localStorage.getItem(key), STORAGE_KEY);

describe('return-to-work planner in two tabs', () => {
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

  test('newer in another tab: said at once, loaded on request, saved on from; a passphrase changed there locks; erased there closes', { timeout: 180_000 }, async () => {
    const { page: a, problems, context } = await openPage(browser, `${server.origin}/app.html?kit=plan`);
    await widgetTitle(a, 'kizuki-kit');
    await setPassphrase(a, PASSPHRASE);
    await a.locator(id('new-case-label')).fill(LABEL);
    await a.getByRole('button', { name: 'ケースを作成する' }).click();
    await tasks(a).first().waitFor();

    // Tab B opens the same vault.
    const b = await context.newPage();
    await b.goto(a.url());
    await widgetTitle(b, 'kizuki-kit');
    await unlock(b, PASSPHRASE);
    await tasks(b).first().waitFor();
    const otherTab = b.locator('kizuki-kit [data-notice="other-tab"]');
    assert.equal(await otherTab.count(), 0, 'nothing to say before the other tab saves');

    // Tab A saves; tab B, whose reader is down the page, hears of it at once, sees it where
    // they are, and changes nothing until asked.
    assert.ok((await scrollToBottom(b)) > 300, 'tab B is scrolled down');
    const before = await stored(a);
    await tasks(a).first().check();
    await a.waitForFunction(([key, was]) => localStorage.getItem(key) !== was, [STORAGE_KEY, before]);
    await otherTab.waitFor();
    assert.match(await otherTab.textContent(), /別のタブ/);
    assert.ok(await onScreen(b, otherTab), 'the notice is on screen, down the page');
    assert.equal(await tasks(b).first().isChecked(), false, 'the older tab shows what it had');

    // B works on regardless: its save is refused as older (nothing of A's is overwritten),
    // and B continues from A's cases, saying so.
    const afterA = await stored(a);
    await tasks(b).nth(2).click();
    const refused = b.locator('kizuki-kit [data-notice="storage"]');
    await refused.waitFor();
    assert.match(await refused.textContent(), /別のタブで新しい内容が保存されていた/);
    assert.ok(await onScreen(b, refused), 'the refused save is told where the person clicked');
    assert.equal(await tasks(b).first().isChecked(), true, "A's work is shown");
    assert.equal(await tasks(b).nth(2).isChecked(), false, "B's refused change is not kept");
    assert.equal(await stored(b), afterA, 'the stored record is still the one A saved');

    // A saves again; "load the newer one": the other tab's cases, opened with the key B holds.
    await tasks(a).nth(3).check();
    await a.waitForFunction(([key, was]) => localStorage.getItem(key) !== was, [STORAGE_KEY, afterA]);
    await otherTab.waitFor();
    assert.equal(await tasks(b).nth(3).isChecked(), false, 'the older tab shows what it had');
    await b.locator('kizuki-kit [data-testid="other-tab-reload"]').click();
    await otherTab.waitFor({ state: 'detached' });
    assert.equal(await tasks(b).first().isChecked(), true);
    assert.equal(await tasks(b).nth(3).isChecked(), true);
    assert.equal(await b.locator('.kizuki-plan-case-card', { hasText: LABEL }).count(), 1);

    // B saves on from the newer record (not refused as older); now A is the older tab.
    const loaded = await stored(b);
    await tasks(b).nth(1).check();
    await b.waitForFunction(([key, was]) => localStorage.getItem(key) !== was, [STORAGE_KEY, loaded]);
    assert.equal(await b.locator('kizuki-kit [data-notice="storage"]').count(), 0, 'the save was not refused');
    assert.equal(await tasks(b).nth(1).isChecked(), true);
    await a.locator('kizuki-kit [data-notice="other-tab"]').waitFor();

    // A loads B's work, then changes the passphrase: B no longer holds the key, and locks.
    await a.locator('kizuki-kit [data-testid="other-tab-reload"]').click();
    assert.equal(await tasks(a).nth(1).isChecked(), true);
    await a.locator(id('change-current')).fill(PASSPHRASE);
    await a.locator(id('change-new')).fill(NEW_PASSPHRASE);
    await a.locator(id('change-again')).fill(NEW_PASSPHRASE);
    await a.getByRole('button', { name: 'パスフレーズを変更する' }).click();
    await settled(a);
    await a.locator('.kizuki-notice', { hasText: 'パスフレーズを変更しました' }).waitFor();
    await b.locator(id('unlock-passphrase')).waitFor();
    await b.locator('.kizuki-notice', { hasText: 'もう一度ロックを解除してください' }).waitFor();
    assert.equal(await b.locator('.kizuki-plan-case-card').count(), 0, 'the cases are gone from the locked tab');
    await unlock(b, NEW_PASSPHRASE);
    assert.equal(await tasks(b).nth(1).isChecked(), true, 'the new passphrase opens the same cases');

    // A erases everything: B closes its cases at once (its next save would write them back).
    await a.getByRole('button', { name: 'すべて消去する…' }).click();
    await a.getByRole('button', { name: '消去する', exact: true }).click();
    await a.locator(id('setup-new')).waitFor();
    await b.locator('.kizuki-notice', { hasText: '別のタブで、保存されていたケースがすべて消去されました' }).waitFor();
    await b.locator(id('setup-new')).waitFor();
    assert.equal(await b.locator('.kizuki-plan-case-card').count(), 0);
    assert.equal(await stored(b), null, 'nothing written back');
    assert.deepEqual(problems, []);
    await context.close();
  });
});
