// How the checklist kit (app.html?kit=checklist) lives with the browser's storage when it
// goes wrong: a damaged record is kept aside (never dropped), a format-1 record is read,
// a full storage and a disabled one are told to the person, and a second tab does not
// overwrite newer answers saved by the first.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { holds, launchBrowser, onScreen, openPage, readPack, startServer, storageTurnedOff, widgetTitle } from './helpers.mjs';

const HOST = 'kizuki-kit';
const RECORD_KEY = 'kizuki/mh-checklist/mh-checklist';
const ID = 'kizuki-mh-checklist-';
const PATH = '/app.html?kit=checklist';

/** Every profile question answered with its first option. */
function firstProfile(pack) {
  return Object.fromEntries(pack.kit.profile.map((q) => [q.id, q.options[0].id]));
}

/** The applicable items of the first area that has any, in order. */
/** The first area with an item that applies to `profile`: its id and those items. */
function firstArea(pack, profile) {
  for (const area of pack.kit.areas) {
    const items = area.items.filter((i) => holds(i.applies_if, profile)).map((i) => i.id);
    if (items.length > 0) return { id: area.id, items };
  }
  throw new Error('no applicable item');
}

const firstAreaItems = (pack, profile) => firstArea(pack, profile).items;

/**
 * A saved record of `profile` and `items`. With `area`, the person was on that area of the
 * full audit (the record keeps the screen: without it, a profile with nothing answered yet
 * opens on the profile, where the two ways to start are).
 */
function record(pack, profile, items = {}, revision = 1, area = undefined) {
  const data = { profile, items, actions: {} };
  if (area) data.area = area;
  return {
    kizuki_export: 2,
    pack_id: pack.id,
    pack_version: pack.version,
    saved_at: '2025-04-01T00:00:00.000Z',
    revision,
    state: { kind: 'checklist', data },
  };
}

const byId = (page, id) => page.locator(`[id="${ID}${id}"]`);
const problem = (page) => page.locator(`${HOST} [data-testid="problem"]`);
const stored = (page) => page.evaluate((key) => localStorage.getItem(key), RECORD_KEY);

/** Puts `text` under the record key before the page's scripts run on the first load only. */
async function seedBeforeLoad(context, text) {
  await context.addInitScript(
    ([key, value]) => {
      if (!sessionStorage.getItem('__kizuki_seeded')) {
        sessionStorage.setItem('__kizuki_seeded', '1');
        localStorage.setItem(key, value);
      }
    },
    [RECORD_KEY, text],
  );
}

/** Opens the kit on a blank page of the site, writes `text` as the record, then loads the kit. */
async function openSeeded(browser, server, text) {
  const { page, context, problems } = await openPage(browser, `${server.origin}/favicon.svg`);
  await page.evaluate(([key, value]) => localStorage.setItem(key, value), [RECORD_KEY, text]);
  await page.goto(`${server.origin}${PATH}`);
  await widgetTitle(page, HOST);
  return { page, context, problems };
}

describe('checklist storage', () => {
  let server;
  let browser;
  let pack;

  before(async () => {
    pack = readPack('checklist');
    server = await startServer();
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('a damaged record is kept aside under /corrupt/ with its text, and the person is told', async () => {
    const truncated = '{"kizuki_export": 2, "pack_id": "mh-checklist", "state": ';
    const context = await browser.newContext({ locale: 'ja-JP' });
    await seedBeforeLoad(context, truncated);
    const page = await context.newPage();
    await page.goto(`${server.origin}${PATH}`);
    await widgetTitle(page, HOST);
    await problem(page).waitFor();
    const message = (await problem(page).textContent()).trim();
    assert.match(message, /保管/, `message about the kept-aside record: ${message}`);
    const aside = await page.evaluate((key) => {
      const found = {};
      for (let i = 0; i < localStorage.length; i += 1) {
        const k = localStorage.key(i);
        if (k.startsWith(`${key}/`) && k.includes('/corrupt/')) found[k] = localStorage.getItem(k);
      }
      return found;
    }, RECORD_KEY);
    const keys = Object.keys(aside);
    assert.equal(keys.length, 1, `one record kept aside: ${JSON.stringify(keys)}`);
    assert.equal(aside[keys[0]], truncated, 'the original text is kept as it was');
    assert.ok(message.includes(keys[0]), 'the message names where it was kept');
    // The kit starts afresh: the profile screen is shown and can be answered.
    assert.equal(await page.locator(`${HOST} .kizuki-cl`).getAttribute('data-screen'), 'profile');
    await context.close();
  });

  test('a format-1 record is read: its "partly" answer shows checked', async () => {
    const profile = firstProfile(pack);
    const [first] = firstAreaItems(pack, profile);
    const old = {
      kizuki_export: 1,
      pack_id: 'mh-checklist',
      pack_version: '0.9.0',
      saved_at: '2025-11-01T09:00:00Z',
      state: { kind: 'checklist', data: { profile, items: { [first]: 'partly' } } },
    };
    const { page, context } = await openSeeded(browser, server, JSON.stringify(old));
    assert.equal(await page.locator(`${HOST} .kizuki-cl`).getAttribute('data-screen'), 'area');
    const partly = byId(page, `item-${first}-partly`);
    await partly.waitFor();
    assert.equal(await partly.isChecked(), true, `${first}: 一部実施 is checked`);
    const label = await page.locator(`${HOST} label[for="${ID}item-${first}-partly"]`).textContent();
    assert.match(label, /一部/);
    assert.equal(await problem(page).count(), 0, 'no problem reported for an older record');
    await context.close();
  });

  test('a full storage is told to the person, and the earlier record stays as it was', async () => {
    const profile = firstProfile(pack);
    const [x, y] = firstAreaItems(pack, profile);
    assert.ok(y, 'the first area has two items');
    const context = await browser.newContext({ locale: 'ja-JP', viewport: { width: 390, height: 844 } });
    await seedBeforeLoad(context, JSON.stringify(record(pack, profile, {}, 1, firstArea(pack, profile).id)));
    await context.addInitScript((key) => {
      const original = Storage.prototype.setItem;
      let saves = 0;
      Storage.prototype.setItem = function setItem(name, value) {
        if (name === key) {
          saves += 1;
          if (saves > 1) {
            throw new DOMException(
              `Failed to execute 'setItem' on 'Storage': Setting the value of '${name}' exceeded the quota.`,
              'QuotaExceededError',
            );
          }
        }
        return original.call(this, name, value);
      };
    }, RECORD_KEY);
    const page = await context.newPage();
    await page.goto(`${server.origin}${PATH}`);
    await widgetTitle(page, HOST);
    await byId(page, `item-${x}-yes`).check();
    await page.waitForFunction(
      ([key, item]) => JSON.parse(localStorage.getItem(key) ?? '{}').state?.data?.items?.[item] !== undefined,
      [RECORD_KEY, x],
    );
    const before = await stored(page);
    // The answer that cannot be saved is the area's last: the person is far down the page,
    // and is told there (the notice stays in sight at the top of the screen).
    const last = page.locator(`${HOST} .kizuki-cl-item`).last();
    const lastId = await last.getAttribute('data-item');
    assert.notEqual(lastId, x);
    await byId(page, `item-${lastId}-no`).check();
    await problem(page).waitFor();
    const message = (await problem(page).textContent()).trim();
    assert.match(message, /いっぱい/, `tells the storage is full: ${message}`);
    assert.match(message, /書き出/, `tells to export: ${message}`);
    const kitTop = (await page.locator(`${HOST} .kizuki-cl`).boundingBox()).y;
    assert.ok(kitTop < -200, `the top of the kit is scrolled out of sight (${kitTop} px)`);
    assert.ok(await onScreen(page, problem(page)), 'the notice is on screen where the person answered');
    assert.equal(await stored(page), before, 'the earlier saved record is unchanged');
    assert.equal(JSON.parse(before).state.data.items[lastId], undefined);
    await context.close();
  });

  test('with storage turned off the kit still works and says answers cannot be saved', async () => {
    const context = await browser.newContext({ locale: 'ja-JP' });
    await storageTurnedOff(context);
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${server.origin}${PATH}`);
    await widgetTitle(page, HOST);
    await problem(page).waitFor();
    const message = (await problem(page).textContent()).trim();
    assert.match(message, /保存できません/, `tells answers cannot be saved: ${message}`);
    const profile = firstProfile(pack);
    for (const [question, choice] of Object.entries(profile)) {
      await byId(page, `profile-${question}-${choice}`).check();
    }
    await page.locator(`${HOST} [data-testid="start"]`).click();
    assert.equal(await page.locator(`${HOST} .kizuki-cl`).getAttribute('data-screen'), 'area');
    const [x] = firstAreaItems(pack, profile);
    await byId(page, `item-${x}-yes`).check();
    assert.equal(await byId(page, `item-${x}-yes`).isChecked(), true);
    assert.match((await problem(page).textContent()).trim(), /保存できません/);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('a second tab does not overwrite newer answers saved by the first', async () => {
    const profile = firstProfile(pack);
    const [x, y] = firstAreaItems(pack, profile);
    const { page: a, context } = await openSeeded(browser, server, JSON.stringify(record(pack, profile, {}, 1, firstArea(pack, profile).id)));
    const b = await context.newPage();
    await b.goto(`${server.origin}${PATH}`);
    await widgetTitle(b, HOST);
    assert.equal(await b.locator(`${HOST} .kizuki-cl`).getAttribute('data-screen'), 'area');

    await byId(a, `item-${x}-yes`).check();
    await a.waitForFunction(
      ([key, item]) => JSON.parse(localStorage.getItem(key) ?? '{}').state?.data?.items?.[item] !== undefined,
      [RECORD_KEY, x],
    );
    const afterA = JSON.parse(await stored(a));

    // click, not check: the kit answers by reloading A's record, so B's choice does not stay.
    await byId(b, `item-${y}-no`).click();
    await problem(b).waitFor();
    const message = (await problem(b).textContent()).trim();
    assert.match(message, /別のタブ/, `tells of newer answers in another tab: ${message}`);

    const end = JSON.parse(await stored(b));
    assert.equal(end.state.data.items[x]?.choice, 'yes', `A's answer to ${x} is kept`);
    assert.ok(end.revision >= afterA.revision, 'the stored revision did not go back');
    // B now shows A's answers.
    assert.equal(await byId(b, `item-${x}-yes`).isChecked(), true, `B reloaded A's answer to ${x}`);
    assert.equal(await byId(b, `item-${y}-no`).isChecked(), false, `B shows A's record, where ${y} is open`);
    assert.equal(end.state.data.items[y], undefined, `B's answer to ${y} did not overwrite A's record`);
    await context.close();
  });

  test('a damaged record with storage full stays where it is, byte for byte, after the next answer', async () => {
    const truncated = '{"kizuki_export": 2, "pack_id": "mh-checklist", "state": ';
    const context = await browser.newContext({ locale: 'ja-JP' });
    await seedBeforeLoad(context, truncated);
    // Storage is full: every write by the page fails (the seed above uses the original).
    await context.addInitScript(() => {
      Storage.prototype.setItem = function setItem(name) {
        throw new DOMException(`Setting the value of '${name}' exceeded the quota.`, 'QuotaExceededError');
      };
    });
    const page = await context.newPage();
    await page.goto(`${server.origin}${PATH}`);
    await widgetTitle(page, HOST);
    await problem(page).waitFor();
    const message = (await problem(page).textContent()).trim();
    assert.match(message, /そのまま残して/, `says the record stays as it is: ${message}`);
    assert.doesNotMatch(message, /corrupt/, 'names no copy that does not exist');
    assert.equal(await stored(page), truncated, 'the damaged record is still there');
    // The next answer is not saved over it.
    const profile = firstProfile(pack);
    for (const [question, choice] of Object.entries(profile)) {
      await byId(page, `profile-${question}-${choice}`).check();
    }
    await page.locator(`${HOST} [data-testid="start"]`).click();
    const [x] = firstAreaItems(pack, profile);
    await byId(page, `item-${x}-yes`).check();
    await page.waitForTimeout(300);
    assert.equal(await stored(page), truncated, 'still there, byte for byte, after the next answer');
    const keys = await page.evaluate(() => Object.keys(localStorage));
    assert.deepEqual(keys.filter((k) => k.includes('/corrupt/')), [], 'no half-written copy');
    await context.close();
  });

  test('a record saved by a newer version is left untouched and explained', async () => {
    const profile = firstProfile(pack);
    const [x] = firstAreaItems(pack, profile);
    const newer = JSON.stringify({ ...record(pack, profile, { [x]: { choice: 'yes' } }), kizuki_export: 99 });
    const { page, context } = await openSeeded(browser, server, newer);
    await problem(page).waitFor();
    const message = (await problem(page).textContent()).trim();
    assert.match(message, /新しい版/, `says it was saved by a newer version: ${message}`);
    assert.match(message, /更新/, `says to update: ${message}`);
    assert.equal(await stored(page), newer, 'the record is untouched on load');
    const keys = await page.evaluate(() => Object.keys(localStorage));
    assert.deepEqual(keys.filter((k) => k.includes('/corrupt/')), [], 'not set aside as damaged');
    // Answering on this older page does not write over it.
    for (const [question, choice] of Object.entries(profile)) {
      await byId(page, `profile-${question}-${choice}`).check();
    }
    await page.waitForTimeout(300);
    assert.equal(await stored(page), newer, 'still untouched after answering');
    assert.match((await problem(page).textContent()).trim(), /新しい版/);
    await context.close();
  });
});
