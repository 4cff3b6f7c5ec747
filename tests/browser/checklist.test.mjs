// The implementation checklist (app.html?kit=checklist) as an employer uses it: the whole flow
// for a 30-person and a 120-person workplace (different items apply), answers surviving a
// reload, the print view, export → erase → import giving the same state, bad files refused
// without changing anything, comparison with an earlier export, and the draft plan's edits.
//
// Screenshots of the results page at 360 px and 1280 px are written when KIZUKI_SHOTS names a
// directory (e.g. KIZUKI_SHOTS=/tmp/shots node --test tests/browser/checklist.test.mjs).

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { checklistRecord, holds, launchBrowser, onScreen, openPage, readPack, scrollToBottom, startServer, widgetTitle } from './helpers.mjs';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const HOST = 'kizuki-kit';
const RECORD_KEY = 'kizuki/mh-checklist/mh-checklist';
const DRAFT_KEY = `${RECORD_KEY}/plan-draft`;
const ID = 'kizuki-mh-checklist-';

/** A 30-person workplace without committee, physician, staff or EAP; a 120-person one with all. */
const SMALL = { size: '10to49', sangyoi: 'no', committee: 'no', oh_staff: 'no', eap: 'no' };
const LARGE = { size: '50plus', sangyoi: 'yes', committee: 'yes', oh_staff: 'yes', eap: 'yes' };

/** The profile the pack asks, filled from `wanted` (first option where the pack differs). */
function profileFor(pack, wanted) {
  const profile = {};
  for (const question of pack.kit.profile) {
    const ids = question.options.map((o) => o.id);
    profile[question.id] = ids.includes(wanted[question.id]) ? wanted[question.id] : ids[0];
  }
  return profile;
}

function applicableItems(pack, profile) {
  return pack.kit.areas.flatMap((area) => area.items.filter((i) => holds(i.applies_if, profile)).map((i) => i.id));
}

/** The answer the walk gives the n-th item: in place, partly, not in place, in turn. */
const CHOICES = ['yes', 'partly', 'no'];

/**
 * The test's own reading of the walk with skip logic: the items that apply, answered in turn
 * with CHOICES, leaving out an item whose `depends_on` item was answered otherwise.
 * Returns `[item id, choice]` pairs in pack order.
 */
function walkedItems(pack, profile) {
  const answers = {};
  const walked = [];
  for (const id of applicableItems(pack, profile)) {
    const item = pack.kit.areas.flatMap((a) => a.items).find((i) => i.id === id);
    const decider = item.depends_on && answers[item.depends_on.item];
    if (decider && !item.depends_on.any_of.includes(decider)) continue;
    answers[id] = CHOICES[walked.length % CHOICES.length];
    walked.push([id, answers[id]]);
  }
  return walked;
}


async function storedRecord(page) {
  const text = await page.evaluate((key) => localStorage.getItem(key), RECORD_KEY);
  return text ? JSON.parse(text) : null;
}

async function openChecklist(browser, server, viewport, options = {}) {
  const opened = await openPage(browser, `${server.origin}/app.html?kit=checklist`, viewport ? { viewport, ...options } : options);
  await widgetTitle(opened.page, HOST);
  return opened;
}

async function seed(page, value) {
  await page.evaluate(([key, text]) => localStorage.setItem(key, text), [RECORD_KEY, JSON.stringify(value)]);
  await page.reload();
  await widgetTitle(page, HOST);
}

const screen = (page) => page.locator(`${HOST} .kizuki-cl`).getAttribute('data-screen');
const byId = (page, id) => page.locator(`[id="${ID}${id}"]`);

async function answerProfile(page, profile) {
  for (const [question, choice] of Object.entries(profile)) {
    await byId(page, `profile-${question}-${choice}`).check();
  }
}

/** Walks every area answering each item in turn; returns the item ids seen, by area. */
async function walk(page, { otherText } = {}) {
  const seen = {};
  let n = 0;
  for (let guard = 0; guard < 40 && (await screen(page)) === 'area'; guard += 1) {
    const area = await page.locator(`${HOST} .kizuki-cl-area`).getAttribute('data-area');
    const ids = await page.locator(`${HOST} .kizuki-cl-item`).evaluateAll((items) => items.map((i) => i.dataset.item));
    seen[area] = [];
    for (const id of ids) {
      // An item hidden by an earlier answer (skip logic) is gone from the screen.
      if ((await byId(page, `item-${id}`).count()) === 0) continue;
      const choice = CHOICES[n % CHOICES.length];
      n += 1;
      seen[area].push(id);
      await byId(page, `item-${id}-${choice}`).check();
      const whyNot = page.locator(`[id="${ID}item-${id}"] [data-testid="why-not"]`);
      if (choice === 'yes') {
        assert.equal(await whyNot.count(), 0, `${id}: no reasons asked when in place`);
      } else {
        await whyNot.waitFor();
        await byId(page, `item-${id}-why-no_staff`).check();
        if (otherText && n === 2) {
          await byId(page, `item-${id}-why-other`).check();
          await byId(page, `item-${id}-why-text`).fill(otherText);
        }
      }
    }
    await page.locator(`${HOST} [data-testid="next"]`).click();
  }
  return seen;
}

describe('checklist kit', () => {
  let server;
  let browser;
  let pack;
  let shots;

  before(async () => {
    pack = readPack('checklist');
    server = await startServer();
    browser = await launchBrowser();
    shots = process.env.KIZUKI_SHOTS;
    if (shots) mkdirSync(shots, { recursive: true });
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  for (const [name, wanted, size] of [
    ['a 30-person workplace', SMALL, 'small'],
    ['a 120-person workplace', LARGE, 'large'],
  ]) {
    test(`the whole flow for ${name}`, async () => {
      const { page, problems, context } = await openChecklist(browser, server);
      const profile = profileFor(pack, wanted);
      assert.equal(await screen(page), 'profile');
      assert.equal(await page.locator(`${HOST} [data-testid="start"]`).isDisabled(), true);
      await answerProfile(page, profile);
      await page.locator(`${HOST} [data-testid="start"]`).click();
      assert.equal(await screen(page), 'area');
      const before = applicableItems(pack, profile);
      assert.match(await page.locator(`${HOST} [data-testid="progress"]`).textContent(), new RegExp(`^0 / ${before.length} 回答済み$`));

      const seen = await walk(page, { otherText: '産業医の契約更新待ち' });
      const items = Object.values(seen).flat();
      const walked = walkedItems(pack, profile);
      const expected = walked.map(([id]) => id);
      assert.deepEqual(items, expected, 'exactly the items that apply, in pack order');
      const committee = 'committee-deliberation';
      if (size === 'large') {
        assert.ok(items.includes(committee), '衛生委員会 is asked at 50+');
        assert.ok(!items.includes('hear-workers'));
        assert.ok(items.includes('sc-report'));
      } else {
        assert.ok(!items.includes(committee), 'no 衛生委員会 item under 50 without a committee');
        assert.ok(items.includes('hear-workers'));
        assert.ok(!items.includes('sc-report'));
      }

      assert.equal(await screen(page), 'results');
      const stored = (await storedRecord(page)).state.data;
      assert.deepEqual(stored.profile, profile);
      assert.equal(Object.keys(stored.items).length, expected.length);
      const withOther = Object.values(stored.items).find((a) => a.why_not_other);
      assert.equal(withOther.why_not_other, '産業医の契約更新待ち');
      assert.deepEqual(withOther.why_not, ['no_staff', 'other']);

      const overall = await page.locator(`${HOST} [data-testid="overall"]`).textContent();
      assert.match(overall, /総合 \d+%/);
      assert.ok(pack.kit.levels.some((l) => overall.includes(l.label.ja)), 'the level label is shown');
      const rows = page.locator(`${HOST} .kizuki-cl-chart-row`);
      assert.equal(await rows.count(), Object.keys(seen).length);
      for (const value of await page.locator(`${HOST} [data-testid="area-percent"]`).allTextContents()) {
        assert.match(value, /^\d+%$/);
      }
      const notInPlace = walked.filter(([, choice]) => choice !== 'yes');
      const plan = page.locator(`${HOST} .kizuki-cl-action`);
      assert.equal(await plan.count(), notInPlace.length);
      if (notInPlace.length > 10) {
        assert.equal(await plan.nth(10).isVisible(), false, 'the first ten actions show at once');
        await page.locator(`${HOST} [data-testid="show-all-actions"]`).click();
        assert.equal(await plan.nth(10).isVisible(), true);
      }
      assert.match(await plan.first().textContent(), /優先 1/);
      assert.match(await plan.first().textContent(), /法定義務|努力義務|推奨/);

      // Where to get help: the built-in directory, less the services for small workplaces at 50+.
      const directory = page.locator(`${HOST} .kizuki-cl-help-section [data-testid="directory"]`);
      assert.equal(await directory.getAttribute('data-source'), 'built-in');
      const shown = await directory.locator('[data-resource]').evaluateAll((l) => l.map((e) => e.dataset.resource));
      const builtIn = JSON.parse(readFileSync(new URL('../../content/directory/default.json', import.meta.url), 'utf8'));
      const offered = builtIn.resources.filter((r) => !(r.small_workplaces_only && size === 'large')).map((r) => r.id);
      assert.deepEqual([...shown].sort(), [...offered].sort());
      assert.equal(shown.includes('chiiki-center'), size === 'small');

      const first = await plan.first().getAttribute('data-item');
      await byId(page, `action-${first}-owner`).fill('総務課 山田');
      await byId(page, `action-${first}-due`).fill('2027-03-31');
      await page.locator(`${HOST} [data-testid="draft"] [data-section="priorities"]`, { hasText: '総務課 山田' }).waitFor();
      const action = (await storedRecord(page)).state.data.actions[first];
      assert.deepEqual(action, { owner: '総務課 山田', due: '2027-03-31', done: false });
      for (const heading of ['方針', '体制', '重点取組', '評価']) {
        await page.locator(`${HOST} .kizuki-cl-draft-heading`, { hasText: heading }).waitFor();
      }

      assert.match(await page.locator(`${HOST} .kizuki-cl-not-diagnosis`).textContent(), /診断/);
      assert.deepEqual(problems, []);
      await context.close();
    });
  }

  test('on a phone the two start buttons are one width; 「該当しない」 is hinted at the question, not in the plan', async () => {
    const { page, problems, context } = await openChecklist(browser, server, { width: 390, height: 844 });
    const widths = () =>
      page.locator(`${HOST} .kizuki-cl-profile .kizuki-actions > button`).evaluateAll((buttons) => buttons.map((b) => b.getBoundingClientRect().width));
    await answerProfile(page, profileFor(pack, SMALL));
    const [quick, full] = await widths();
    assert.ok(quick > 0 && Math.abs(quick - full) < 1, `start buttons ${quick} and ${full} px wide`);
    await page.locator(`${HOST} [data-testid="start"]`).click();
    const item = page.locator(`${HOST} fieldset[data-item="har-job-seekers"]`);
    for (let n = 0; n < pack.kit.areas.length && !(await item.count()); n += 1) {
      const area = await page.locator(`${HOST} .kizuki-cl-area`).getAttribute('data-area');
      await page.locator(`${HOST} [data-testid="next"]`).click();
      await page.waitForFunction(
        ([host, before]) => document.querySelector(host)?.shadowRoot?.querySelector('.kizuki-cl-area')?.dataset.area !== before,
        [HOST, area],
      );
    }
    const hint = item.locator('[data-testid="answer-hint"]');
    assert.equal((await hint.textContent()).trim(), '採用をしていない場合は「該当しない」を選んでください。');
    assert.equal(await item.getAttribute('aria-describedby'), await hint.getAttribute('id'));
    await byId(page, 'item-har-job-seekers-no').check();
    await page.locator(`${HOST} .kizuki-cl-nav-button`, { hasText: '結果' }).click();
    const plan = await page.locator(`${HOST} [data-testid="results"]`).textContent();
    assert.ok(plan.includes('求職者に相談先を伝えましょう'), 'the recommendation is in the action plan');
    assert.ok(!plan.includes('を選んでください'), 'without the hint');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('on a phone the two start buttons are one height too, their length and time on a second line, in Japanese and English', async () => {
    const { page, problems, context } = await openChecklist(browser, server, { width: 390, height: 844 });
    const boxes = () =>
      page.locator(`${HOST} .kizuki-cl-profile .kizuki-actions > button`).evaluateAll((buttons) =>
        buttons.map((b) => {
          const { width, height } = b.getBoundingClientRect();
          const spans = [...b.children].map((s) => s.getBoundingClientRect());
          return { width, height, lines: spans.map((r) => Math.round(r.height / parseFloat(getComputedStyle(b).lineHeight))) };
        }),
      );
    // Not started: each button its way alone, one line.
    const [quickFirst, fullFirst] = await boxes();
    assert.ok(Math.abs(quickFirst.height - fullFirst.height) < 1, `heights ${quickFirst.height} and ${fullFirst.height} before the profile`);
    await answerProfile(page, profileFor(pack, SMALL));
    for (const lang of ['ja', 'en']) {
      if (lang === 'en') {
        await page.locator(`${HOST} .kizuki-lang-button[lang="en"]`).click();
        await page.locator(`${HOST} .kizuki-title`).filter({ hasText: pack.title.en }).waitFor();
      }
      const [quick, full] = await boxes();
      assert.ok(Math.abs(quick.width - full.width) < 1, `${lang}: widths ${quick.width} and ${full.width}`);
      assert.ok(Math.abs(quick.height - full.height) < 1, `${lang}: heights ${quick.height} and ${full.height}`);
      assert.deepEqual(quick.lines, [1, 1], `${lang}: the quick button's way and its length, a line each`);
      assert.deepEqual(full.lines, [1, 1], `${lang}: the other button's way and its length, a line each`);
    }
    const label = await page.locator(`${HOST} [data-testid="start-quick"]`).textContent();
    assert.match(label, /^Start with the quick check \(\d+ items, about \d+ min\)$/, 'read as one phrase');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('on a phone the quick result\'s way on to every item is two lines too, its count on its own line and not split, in Japanese and English', async () => {
    const { page, problems, context } = await openChecklist(browser, server, { width: 390, height: 844 });
    await answerProfile(page, profileFor(pack, SMALL));
    await page.locator(`${HOST} [data-testid="start-quick"]`).click();
    const ids = await page.locator(`${HOST} .kizuki-cl-item`).evaluateAll((items) => items.map((i) => i.dataset.item));
    for (const id of ids) await byId(page, `item-${id}-yes`).check();
    await page.locator(`${HOST} [data-testid="next"]`).click();
    assert.equal(await screen(page), 'quick-results');
    const button = page.locator(`${HOST} [data-testid="full-audit"]`);
    // Each line of the label in its own span, counted in the span's own line height.
    const lines = () =>
      button.evaluate((b) =>
        [...b.children].map((span) => ({
          text: span.textContent,
          lines: Math.round(span.getBoundingClientRect().height / parseFloat(getComputedStyle(span).lineHeight)),
        })),
      );
    for (const [lang, way, length, phrase] of [
      ['ja', '続けてすべての項目に答える', /^（残り\d+問・約\d+分）$/, /^続けてすべての項目に答える（残り\d+問・約\d+分）$/],
      ['en', 'Go on to every item', /^ \(\d+ left, about \d+ min\)$/, /^Go on to every item \(\d+ left, about \d+ min\)$/],
    ]) {
      if (lang === 'en') {
        await page.locator(`${HOST} .kizuki-lang-button[lang="en"]`).click();
        await page.locator(`${HOST} .kizuki-title`).filter({ hasText: pack.title.en }).waitFor();
      }
      const [first, second] = await lines();
      assert.equal(first.text, way, `${lang}: the way on the first line`);
      assert.equal(first.lines, 1, `${lang}: the way on one line`);
      assert.match(second.text, length, `${lang}: the count and time on a line of their own`);
      assert.equal(second.lines, 1, `${lang}: the count and time not split`);
      assert.match(await button.textContent(), phrase, `${lang}: read as one phrase`);
      const box = await button.boundingBox();
      assert.ok(box.x >= 0 && box.x + box.width <= 390, `${lang}: the button fits the phone's width: ${JSON.stringify(box)}`);
    }
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('answers are still there after a reload mid-way', async () => {
    const { page, problems, context } = await openChecklist(browser, server);
    const profile = profileFor(pack, SMALL);
    await answerProfile(page, profile);
    await page.locator(`${HOST} [data-testid="start"]`).click();
    const area = pack.kit.areas[0];
    const [a, b] = area.items.filter((i) => holds(i.applies_if, profile));
    await byId(page, `item-${a.id}-yes`).check();
    await byId(page, `item-${b.id}-no`).check();
    await byId(page, `item-${b.id}-why-cost`).check();
    await page.locator(`${HOST} [data-testid="progress"]`).filter({ hasText: /^2 \// }).waitFor();

    await page.reload();
    await widgetTitle(page, HOST);
    assert.equal(await screen(page), 'area', 'resumes at the first area with unanswered items');
    assert.equal(await byId(page, `item-${a.id}-yes`).isChecked(), true);
    assert.equal(await byId(page, `item-${b.id}-no`).isChecked(), true);
    assert.equal(await byId(page, `item-${b.id}-why-cost`).isChecked(), true);
    assert.match(await page.locator(`${HOST} [data-testid="progress"]`).textContent(), /^2 \//);
    await page.locator(`${HOST} .kizuki-cl-nav-button`).first().click();
    for (const [question, choice] of Object.entries(profile)) {
      assert.equal(await byId(page, `profile-${question}-${choice}`).isChecked(), true, question);
    }
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('a reload goes back to the area the person was on; a record from an older version goes on at the first open area', async () => {
    const { page, problems, context } = await openChecklist(browser, server);
    const profile = profileFor(pack, SMALL);
    await answerProfile(page, profile);
    await page.locator(`${HOST} [data-testid="start"]`).click();
    const area = () => page.locator(`${HOST} .kizuki-cl-area`).getAttribute('data-area');
    const first = await area();
    const [a] = pack.kit.areas.find((x) => x.id === first).items.filter((i) => holds(i.applies_if, profile));
    await byId(page, `item-${a.id}-yes`).check();
    // On to the next two areas, the first still open.
    for (let n = 0; n < 2; n += 1) {
      const before = await area();
      await page.locator(`${HOST} [data-testid="next"]`).click();
      await page.waitForFunction(
        ([host, was]) => document.querySelector(host)?.shadowRoot?.querySelector('.kizuki-cl-area')?.dataset.area !== was,
        [HOST, before],
      );
    }
    const third = await area();
    assert.notEqual(third, first);
    await page.waitForFunction((key) => JSON.parse(localStorage.getItem(key) ?? '{}').state?.data?.area !== undefined, RECORD_KEY);
    assert.equal((await storedRecord(page)).state.data.area, third, 'the area is part of the record');

    await page.reload();
    await widgetTitle(page, HOST);
    assert.equal(await screen(page), 'area');
    assert.equal(await area(), third, 'back on the area the person was on, not the first open one');
    assert.equal(await byId(page, `item-${a.id}-yes`).count(), 0);

    // A record saved by an older version (format 3, no area) still loads, at the first open area.
    const older = await storedRecord(page);
    delete older.state.data.area;
    older.kizuki_export = 3;
    await seed(page, older);
    assert.equal(await area(), first);
    assert.equal(await byId(page, `item-${a.id}-yes`).isChecked(), true, 'its answers kept');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('switching to English fetches the English file only then, and keeps the answers and the place', async () => {
    const { page, problems, requests, context } = await openChecklist(browser, server);
    const profile = profileFor(pack, SMALL);
    await answerProfile(page, profile);
    await page.locator(`${HOST} [data-testid="start"]`).click();
    const [a] = pack.kit.areas[0].items.filter((i) => holds(i.applies_if, profile));
    await byId(page, `item-${a.id}-yes`).check();
    await page.locator(`${HOST} [data-testid="progress"]`).filter({ hasText: /^1 \// }).waitFor();
    // Two areas on: a place kept only on screen (a reload would resume at the first area).
    await page.locator(`${HOST} [data-testid="next"]`).click();
    await page.locator(`${HOST} [data-testid="next"]`).click();
    const area = await page.locator(`${HOST} .kizuki-cl-area`).getAttribute('data-area');
    assert.notEqual(area, pack.kit.areas[0].id);
    const shown = pack.kit.areas.find((one) => one.id === area);
    const stored = await storedRecord(page);
    const packFiles = () => requests.map((url) => new URL(url).pathname).filter((path) => path.startsWith('/content/'));
    assert.deepEqual(packFiles(), ['/content/mh-checklist.ja.json']);

    await page.locator(`${HOST} .kizuki-lang-button[lang="en"]`).click();
    await page.locator(`${HOST} .kizuki-title`).filter({ hasText: pack.title.en }).waitFor();
    assert.deepEqual(packFiles(), ['/content/mh-checklist.ja.json', '/content/mh-checklist.en.json']);
    assert.equal(await page.locator(`${HOST} .kizuki-cl-area`).getAttribute('data-area'), area, 'the same area');
    const heading = await page.locator(`${HOST} .kizuki-cl-screen-heading`).textContent();
    assert.equal(heading.trim(), shown.title.en);
    assert.match(await page.locator(`${HOST} [data-testid="progress"]`).textContent(), /^1 \//);
    assert.deepEqual((await storedRecord(page)).state, stored.state, 'the record is as it was');

    // Back to Japanese: the Japanese file is still here, nothing is fetched again.
    await page.locator(`${HOST} .kizuki-lang-button[lang="ja"]`).click();
    await page.locator(`${HOST} .kizuki-title`).filter({ hasText: pack.title.ja }).waitFor();
    assert.equal(packFiles().length, 2);
    await page.locator(`${HOST} .kizuki-cl-nav-button`).first().click();
    assert.equal(await byId(page, `profile-size-${profile.size}`).isChecked(), true);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('when the English file cannot be fetched, the widget says so in Japanese and loses nothing', async () => {
    // No service worker: it would answer from its cache, past the route that fails the file.
    const { page, context } = await openChecklist(browser, server, undefined, { serviceWorkers: 'block' });
    const profile = profileFor(pack, SMALL);
    await answerProfile(page, profile);
    await page.locator(`${HOST} [data-testid="start"]`).click();
    const [a] = pack.kit.areas[0].items.filter((i) => holds(i.applies_if, profile));
    await byId(page, `item-${a.id}-yes`).check();
    let fail = true;
    await page.route('**/content/mh-checklist.en.json', (route) => (fail ? route.abort('internetdisconnected') : route.continue()));

    await page.locator(`${HOST} .kizuki-lang-button[lang="en"]`).click();
    const alert = page.locator(`${HOST} [data-testid="lang-switch-failed"]`);
    await alert.waitFor();
    assert.equal(await alert.getAttribute('role'), 'alert');
    assert.match(await alert.textContent(), /言語を切り替えられませんでした/);
    assert.match(await alert.textContent(), /回答/);
    assert.equal(await page.locator(`${HOST} .kizuki`).getAttribute('lang'), 'ja', 'still in Japanese');
    assert.equal(await page.locator(`${HOST} .kizuki-lang-button[lang="ja"]`).getAttribute('aria-pressed'), 'true');
    assert.equal(await page.locator(`${HOST} .kizuki-title`).textContent(), pack.title.ja);
    assert.equal(await byId(page, `item-${a.id}-yes`).isChecked(), true, 'the answer is still there');
    assert.equal((await storedRecord(page)).state.data.items[a.id].choice, 'yes');

    // Once the file is there, trying again switches.
    fail = false;
    await alert.locator('button').click();
    await page.locator(`${HOST} .kizuki-title`).filter({ hasText: pack.title.en }).waitFor();
    assert.equal(await alert.count(), 0, 'the message is gone');
    assert.equal(await byId(page, `item-${a.id}-yes`).isChecked(), true);
    await context.close();
  });

  /** A complete record for a 30-person workplace: every item answered in turn. */
  function completeRecord(choices = CHOICES) {
    const profile = profileFor(pack, SMALL);
    const items = {};
    applicableItems(pack, profile).forEach((id, n) => {
      const choice = choices[n % choices.length];
      items[id] = choice === 'yes' ? { choice } : { choice, why_not: ['no_time'] };
    });
    return checklistRecord(pack, profile, items);
  }

  test('1 of 56 answered shows coverage and no stage', async () => {
    const { page, problems, context } = await openChecklist(browser, server);
    const profile = profileFor(pack, LARGE);
    const applicable = applicableItems(pack, profile);
    await seed(page, checklistRecord(pack, profile, { [applicable[0]]: { choice: 'yes' } }));
    await page.locator(`${HOST} .kizuki-cl-nav-button`, { hasText: '結果' }).click();
    assert.equal(await screen(page), 'results');
    const overall = page.locator(`${HOST} [data-testid="overall"]`);
    assert.equal(
      (await overall.locator('[data-testid="coverage"]').textContent()).trim(),
      `回答 1/${applicable.length}`,
    );
    const text = await overall.textContent();
    assert.match(text, /80%以上に回答すると/);
    assert.doesNotMatch(text, /総合 \d+%/, 'no overall score from one answer');
    for (const level of pack.kit.levels) {
      assert.ok(!text.includes(level.label.ja), `no level「${level.label.ja}」`);
      assert.ok(!text.includes(level.description.ja.slice(0, 12)), 'no level description');
    }
    for (const value of await page.locator(`${HOST} [data-testid="area-percent"]`).allTextContents()) {
      assert.doesNotMatch(value, /%/, 'no area score below its threshold either');
    }
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('a stress check answered 未実施 hides its consent, interview and group-analysis items', async () => {
    const { page, problems, context } = await openChecklist(browser, server);
    const profile = profileFor(pack, SMALL);
    await seed(page, checklistRecord(pack, profile, { 'policy-statement': { choice: 'yes' } }));
    const area = pack.kit.areas.find((a) => a.id === 'stresscheck');
    const title = area.title.ja;
    await page.locator(`${HOST} .kizuki-cl-nav-button`, { hasText: title }).click();
    const dependent = ['sc-consent', 'sc-interview', 'sc-group'];
    for (const id of dependent) await byId(page, `item-${id}`).waitFor();
    await byId(page, 'item-sc-annual-no').check();
    for (const id of dependent) await byId(page, `item-${id}`).waitFor({ state: 'detached' });
    await byId(page, 'item-sc-annual-yes').click();
    for (const id of dependent) await byId(page, `item-${id}`).waitFor();
    assert.equal(await byId(page, 'item-sc-annual-yes').isChecked(), true);
    await page.waitForFunction(
      (key) => JSON.parse(localStorage.getItem(key) ?? '{}').state?.data.items['sc-annual']?.choice === 'yes',
      RECORD_KEY,
    );
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('50+ workers without a 産業医 or 衛生委員会 are told both are legal duties, in the results and the plan', async () => {
    const { page, problems, context } = await openChecklist(browser, server);
    const profile = profileFor(pack, { ...LARGE, sangyoi: 'no', committee: 'no' });
    await seed(page, checklistRecord(pack, profile, { 'policy-statement': { choice: 'yes' } }));
    await page.locator(`${HOST} .kizuki-cl-nav-button`, { hasText: '結果' }).click();
    const findings = page.locator(`${HOST} [data-testid="legal-findings"]`);
    await findings.waitFor();
    const checks = await findings.locator('[data-check]').evaluateAll((l) => l.map((e) => e.dataset.check));
    assert.deepEqual(checks, ['sangyoi-required-50plus', 'committee-required-50plus']);
    assert.equal((await findings.textContent()).match(/法令上の義務です/g).length, 2);
    const priorities = page.locator(`${HOST} [data-testid="draft"] [data-section="priorities"]`);
    assert.match(await priorities.locator('textarea').inputValue(), /法令上の義務で、まだ満たしていないもの[\s\S]*産業医の選任は法令上の義務です/);
    assert.deepEqual(problems, []);
    await context.close();
  });

  /** The test's own reading of an item's tailored advice field for a profile (pack oracle). */
  function tailored(item, field, profile) {
    const advice = (item.advice ?? []).find((a) => holds(a.when, profile) && a[field] !== undefined);
    return advice ? advice[field] : item[field];
  }

  test('30-person and 120-person workplaces read different advice and 「どこに相談」 routes', async () => {
    const asked = ['doctor-secured', 'health-officer', 'sc-annual', 'ot-interview', 'ext-list', 'plan-resources'];
    const items = Object.fromEntries(pack.kit.areas.flatMap((a) => a.items).map((i) => [i.id, i]));
    const helperName = Object.fromEntries(pack.kit.helpers.map((h) => [h.id, h.name.ja]));
    const seen = {};
    for (const [name, wanted] of [['small', SMALL], ['large', LARGE]]) {
      const { page, problems, context } = await openChecklist(browser, server);
      const profile = profileFor(pack, wanted);
      await seed(page, checklistRecord(pack, profile, Object.fromEntries(asked.map((id) => [id, { choice: 'no' }]))));
      await page.locator(`${HOST} .kizuki-cl-nav-button`, { hasText: '結果' }).click();
      seen[name] = {};
      for (const id of asked) {
        const card = page.locator(`${HOST} .kizuki-cl-action[data-item="${id}"]`);
        const recommendation = (await card.locator('.kizuki-cl-action-recommendation').textContent()).trim();
        assert.ok(recommendation.endsWith(tailored(items[id], 'recommendation', profile).ja), `${name} ${id}: ${recommendation}`);
        const helpersShown = card.locator('.kizuki-cl-action-helpers > p');
        const helpers = (await helpersShown.count()) ? await helpersShown.textContent() : '';
        const expected = tailored(items[id], 'helpers', profile)
          .filter((h) => holds(pack.kit.helpers.find((x) => x.id === h).applies_if, profile))
          .map((h) => helperName[h]);
        assert.ok(helpers.endsWith(expected.join('、')), `${name} ${id}: ${helpers}`);
        seen[name][id] = { recommendation, helpers };
      }
      const plan = await page.locator(`${HOST} .kizuki-cl-plan`).textContent();
      if (name === 'large') {
        assert.ok(!plan.includes('地域産業保健センター'), 'the 120-person plan never routes to the regional center');
      } else {
        assert.match(seen.small['doctor-secured'].helpers, /地域産業保健センター/);
        assert.match(seen.small['doctor-secured'].recommendation, /地域産業保健センター/);
      }
      // The item's details on the question screen are worded for the profile too.
      const area = pack.kit.areas.find((a) => a.items.some((i) => i.id === 'doctor-secured'));
      await page.locator(`${HOST} .kizuki-cl-nav-button`, { hasText: area.title.ja }).click();
      const details = byId(page, 'item-doctor-secured').locator('.kizuki-cl-details').first();
      await details.locator('summary').click();
      seen[name].why = await details.textContent();
      assert.ok(seen[name].why.includes(tailored(items['doctor-secured'], 'why', profile).ja.slice(0, 40)));
      assert.deepEqual(problems, []);
      await context.close();
    }
    for (const id of ['doctor-secured', 'health-officer', 'sc-annual', 'ot-interview']) {
      assert.notEqual(seen.small[id].recommendation, seen.large[id].recommendation, `${id} is worded per size`);
    }
    assert.notEqual(seen.small.why, seen.large.why);
  });

  test('the quick scan finishes in at most 15 answers and leads into the full audit with those answers kept', async () => {
    const { page, problems, context } = await openChecklist(browser, server);
    const profile = profileFor(pack, SMALL);
    await answerProfile(page, profile);
    const quickButton = page.locator(`${HOST} [data-testid="start-quick"]`);
    assert.match(await quickButton.textContent(), /クイックチェックから始める（\d+問・約\d+分）/, 'its time said up front');
    assert.match(await page.locator(`${HOST} [data-testid="start"]`).textContent(), /すべての項目に答える（\d+問・約\d+分）/);
    await quickButton.click();
    assert.equal(await screen(page), 'quick');
    const ids = await page.locator(`${HOST} .kizuki-cl-item`).evaluateAll((items) => items.map((i) => i.dataset.item));
    assert.ok(ids.length >= 10 && ids.length <= 12, `${ids.length} key items`);
    const items = Object.fromEntries(pack.kit.areas.flatMap((a) => a.items).map((i) => [i.id, i]));
    assert.ok(ids.every((id) => pack.kit.quick_scan.items.includes(id)), 'only the pack\'s key items');
    // Legal duties first: once a non-duty item is asked, no unconditional legal duty follows.
    const isDuty = (id) => {
      const rule = (items[id].obligation ?? []).find((r) => holds(r.when, profile) && !r.in_force);
      return rule?.level === 'legal_duty' && !items[id].in_force;
    };
    assert.equal(isDuty(ids[0]), true, `${ids[0]} is a legal duty at this size`);
    let clicks = 0;
    const given = {};
    for (const [n, id] of ids.entries()) {
      const choice = ['no', 'partly', 'yes'][n % 3];
      await byId(page, `item-${id}-${choice}`).check();
      given[id] = choice;
      clicks += 1;
    }
    assert.ok(clicks <= 15, `${clicks} answers`);
    await page.locator(`${HOST} [data-testid="next"]`).click();
    assert.equal(await screen(page), 'quick-results');
    assert.equal((await page.locator(`${HOST} [data-testid="quick-coverage"] .kizuki-cl-coverage`).textContent()).trim(), `クイックチェック 回答 ${ids.length}/${ids.length}`);
    const actions = await page.locator(`${HOST} [data-testid="quick-actions"] .kizuki-cl-action`).evaluateAll((l) => l.map((e) => e.dataset.item));
    assert.ok(actions.length >= 3 && actions.length <= 5, `${actions.length} actions`);
    assert.ok(actions.every((id) => given[id] && given[id] !== 'yes'), 'actions come from the quick answers not in place');
    assert.doesNotMatch(await page.locator(`${HOST} [data-testid="quick-results"]`).textContent(), /総合 \d+%/, 'no overall score from the key items');
    const stored = (await storedRecord(page)).state.data.items;
    for (const [id, choice] of Object.entries(given)) assert.equal(stored[id]?.choice, choice, id);

    const full = page.locator(`${HOST} [data-testid="full-audit"]`);
    const total = applicableItems(pack, profile).length;
    assert.match(await full.textContent(), /続けてすべての項目に答える（残り\d+問・約\d+分）/);
    await full.click();
    assert.equal(await screen(page), 'area');
    const progress = await page.locator(`${HOST} [data-testid="progress"]`).textContent();
    const answered = Number(progress.match(/^(\d+) \//)[1]);
    assert.ok(answered >= ids.length && answered <= total, progress);
    // Each key item shows its quick answer when its area comes up in the full audit.
    for (const id of ids) {
      const area = pack.kit.areas.find((a) => a.items.some((i) => i.id === id));
      await page.locator(`${HOST} .kizuki-cl-nav-button`, { hasText: area.title.ja }).click();
      assert.equal(await byId(page, `item-${id}-${given[id]}`).isChecked(), true, id);
    }
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('「わからない」 is an answer: counted apart in the score and first to check in the plan', async () => {
    const { page, problems, context } = await openChecklist(browser, server);
    const seeded = completeRecord(['no']);
    const unsure = Object.keys(seeded.state.data.items)[0];
    seeded.state.data.items[unsure] = { choice: 'unknown' };
    await seed(page, seeded);
    assert.equal(await screen(page), 'results');
    assert.match(
      await page.locator(`${HOST} [data-testid="unknown-count"]`).textContent(),
      /「わからない」1項目/,
    );
    const card = page.locator(`${HOST} .kizuki-cl-action[data-item="${unsure}"]`);
    assert.match(await card.textContent(), /まず実施状況を確かめましょう/);
    assert.match(await card.textContent(), /わからない/);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('the print view lays out the results without controls', async () => {
    const { page, problems, context } = await openChecklist(browser, server);
    await seed(page, completeRecord());
    assert.equal(await screen(page), 'results');
    const draftText = 'うちの方針（手で書き直した）';
    await byId(page, 'draft-policy').fill(draftText);
    await page.waitForFunction(([key, text]) => JSON.parse(localStorage.getItem(key)).state.data.plan?.policy === text, [RECORD_KEY, draftText]);

    await page.emulateMedia({ media: 'print' });
    const results = page.locator(`${HOST} [data-testid="results"]`);
    assert.equal(await results.isVisible(), true);
    assert.equal(await page.locator(`${HOST} [data-testid="chart"]`).isVisible(), true);
    assert.equal(await page.locator(`${HOST} [data-testid="action-plan"]`).isVisible(), true);
    // The printout says which checklist and which day.
    const asOf = page.locator(`${HOST} [data-testid="result-as-of"]`);
    assert.equal(await asOf.isVisible(), true);
    assert.match(await asOf.textContent(), new RegExp(`${pack.title.ja.replace(/[()（）]/g, '.')}　\\d{4}年\\d{1,2}月\\d{1,2}日 時点の結果`));
    for (const hidden of ['.kizuki-cl-nav', '.kizuki-cl-files', '.kizuki-cl-compare', '[data-testid="print"]', '.kizuki-cl-draft-text']) {
      assert.equal(await page.locator(`${HOST} ${hidden}`).first().isVisible(), false, `${hidden} is hidden in print`);
    }
    const printedDraft = page.locator(`${HOST} [data-section="policy"] .kizuki-cl-draft-print`);
    assert.equal(await printedDraft.isVisible(), true);
    assert.equal((await printedDraft.textContent()).trim(), draftText);
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    assert.ok(pdf.length > 1000);
    await page.emulateMedia({ media: 'screen' });
    assert.equal(await page.locator(`${HOST} .kizuki-cl-draft-text`).first().isVisible(), true);

    await page.reload();
    await widgetTitle(page, HOST);
    assert.equal(await byId(page, 'draft-policy').inputValue(), draftText, 'draft edits are kept');

    // Writing a section again from the answers asks first: taking it back keeps the words.
    const policy = page.locator(`${HOST} [data-testid="draft"] [data-section="policy"]`);
    await policy.getByRole('button', { name: 'この項目を回答から作り直す' }).click();
    await policy.getByRole('button', { name: '作り直す（書き加えた内容を消す）' }).waitFor();
    await policy.getByRole('button', { name: 'やめる', exact: true }).click();
    assert.equal(await byId(page, 'draft-policy').inputValue(), draftText, 'kept when taken back');
    await policy.getByRole('button', { name: 'この項目を回答から作り直す' }).click();
    await policy.getByRole('button', { name: '作り直す（書き加えた内容を消す）' }).click();
    await page.waitForFunction(([key]) => JSON.parse(localStorage.getItem(key)).state.data.plan?.policy === undefined, [RECORD_KEY]);
    assert.notEqual(await byId(page, 'draft-policy').inputValue(), draftText);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('export, erase and import give the same state; bad files change nothing', async () => {
    const { page, problems, context } = await openChecklist(browser, server);
    const seeded = completeRecord();
    const someItem = Object.keys(seeded.state.data.items)[1];
    seeded.state.data.actions = { [someItem]: { owner: '店長', due: '2027-01-15', done: true } };
    await seed(page, seeded);
    const before = (await storedRecord(page)).state;
    assert.deepEqual(before, seeded.state);

    const dir = mkdtempSync(join(tmpdir(), 'kizuki-checklist-'));
    const download = async (testid, pattern) => {
      const [file] = await Promise.all([page.waitForEvent('download'), page.locator(`${HOST} [data-testid="${testid}"]`).click()]);
      assert.match(file.suggestedFilename(), pattern);
      const path = join(dir, `${Date.now()}-${file.suggestedFilename()}`);
      await file.saveAs(path);
      return path;
    };
    const exported = await download('export-json', /^mh-checklist-\d{4}-\d{2}-\d{2}\.json$/);
    const envelope = JSON.parse(readFileSync(exported, 'utf8'));
    assert.equal(envelope.pack_id, 'mh-checklist');
    assert.deepEqual(envelope.state, before);
    const csv = readFileSync(await download('export-csv', /^mh-checklist-\d{4}-\d{2}-\d{2}\.csv$/), 'utf8');
    assert.ok(csv.startsWith('\uFEFF'), 'CSV starts with a byte order mark');
    assert.ok(csv.includes('店長'));

    const status = page.locator(`${HOST} [data-testid="files-status"]`);
    const input = page.locator(`[id="${ID}import"]`);
    const notJson = join(dir, 'notes.json');
    writeFileSync(notJson, 'these are not JSON');
    await input.setInputFiles(notJson);
    await status.filter({ hasText: 'JSON形式のファイルではありません' }).waitFor();
    assert.match(await status.textContent(), /いまの回答は変わっていません/);
    const otherKit = join(dir, 'other.json');
    writeFileSync(otherKit, JSON.stringify({ ...envelope, pack_id: 'linecare' }));
    await input.setInputFiles(otherKit);
    await status.filter({ hasText: '別のキットの記録ファイル' }).waitFor();
    const unknownItem = join(dir, 'unknown.json');
    const bad = structuredClone(envelope);
    bad.state.data.items['no-such-item'] = { choice: 'yes' };
    writeFileSync(unknownItem, JSON.stringify(bad));
    await input.setInputFiles(unknownItem);
    await status.filter({ hasText: '内容と合わないファイル' }).waitFor();
    assert.deepEqual((await storedRecord(page)).state, before, 'refused files change nothing stored');
    assert.equal(await screen(page), 'results');
    assert.equal(await byId(page, `action-${someItem}-owner`).inputValue(), '店長');

    await page.locator(`${HOST} [data-testid="erase"]`).click();
    await page.locator(`${HOST} [data-testid="erase-confirm"]`).click();
    assert.equal(await storedRecord(page), null);
    assert.equal(await screen(page), 'profile');
    await page.locator(`${HOST} [data-testid="notice"]`, { hasText: '回答を消去しました' }).waitFor();
    await page.locator(`${HOST} .kizuki-cl-files-disclosure summary`).click();

    // After an import the results show, with the message kept above them (issue 15).
    assert.equal(await screen(page), 'profile');
    await input.setInputFiles(exported);
    const notice = page.locator(`${HOST} [data-testid="notice"]`);
    await notice.filter({ hasText: /読み込みました。読み込んだ回答の結果を表示しています/ }).waitFor();
    assert.equal(await screen(page), 'results', 'an import goes to the results');
    assert.match(await notice.textContent(), new RegExp(exported.split('/').pop().replace(/[.]/g, '\\.')), 'the message names the file');
    assert.equal(await page.locator(`${HOST} [data-testid="files-status"]`).textContent(), '', 'said once, above the results');
    assert.deepEqual((await storedRecord(page)).state, before);
    const again = JSON.parse(readFileSync(await download('export-json', /\.json$/), 'utf8'));
    assert.deepEqual(again.state, envelope.state);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('import over saved answers asks first; "undo import" restores them', async () => {
    const { page, problems, context } = await openChecklist(browser, server);
    const saved = completeRecord();
    saved.saved_at = '2026-11-30T09:00:00.000Z';
    await seed(page, saved);
    const before = await page.evaluate((key) => localStorage.getItem(key), RECORD_KEY);
    const answered = Object.values(saved.state.data.items).length;
    // An older file whose every answer is "no".
    const older = completeRecord(['no']);
    older.saved_at = '2025-04-01T00:00:00.000Z';
    const dir = mkdtempSync(join(tmpdir(), 'kizuki-checklist-'));
    const file = join(dir, 'older.json');
    writeFileSync(file, JSON.stringify(older));
    const input = page.locator(`[id="${ID}import"]`);
    const dialog = page.locator(`${HOST} [data-testid="import-confirm"]`);

    await input.setInputFiles(file);
    await dialog.waitFor();
    assert.equal(await dialog.getAttribute('role'), 'alertdialog');
    assert.equal(await dialog.evaluate((el) => el.getRootNode().activeElement === el), true, 'focus moves to the question');
    const title = await dialog.evaluate((el) => el.getRootNode().getElementById(el.getAttribute('aria-labelledby'))?.textContent);
    assert.match(title ?? '', /置き換えますか/, 'the dialog is labelled');
    assert.equal(await dialog.locator('[data-testid="import-saved-done"]').textContent(), String(answered));
    assert.equal(await dialog.getAttribute('data-newer'), 'saved', 'the saved answers are newer than the file');
    assert.match(await dialog.locator('[data-testid="import-newer"]').textContent(), /保存されている内容の方が新しく/);
    assert.equal(await page.evaluate((key) => localStorage.getItem(key), RECORD_KEY), before, 'nothing changes while asking');

    // Escape keeps what is saved.
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    assert.equal(await page.evaluate((key) => localStorage.getItem(key), RECORD_KEY), before);

    // Replacing keeps the saved record as a copy, then "undo import" puts it back.
    await input.setInputFiles(file);
    await dialog.waitFor();
    await dialog.locator('[data-testid="import-replace"]').click();
    await page.waitForFunction(
      ([key, choice]) => Object.values(JSON.parse(localStorage.getItem(key)).state.data.items).every((a) => a.choice === choice),
      [RECORD_KEY, 'no'],
    );
    assert.equal(
      await page.evaluate((key) => localStorage.getItem(`${key}/before-import`), RECORD_KEY),
      before,
      'the replaced record is kept byte for byte',
    );
    const undo = page.locator(`${HOST} [data-testid="undo-import"]`);
    await undo.click();
    await page.locator(`${HOST} [data-testid="files-status"]`, { hasText: '取り込む前の内容に戻しました' }).waitFor();
    assert.deepEqual((await storedRecord(page)).state, saved.state, 'undo import restores every answer');
    assert.equal(await page.evaluate((key) => localStorage.getItem(`${key}/before-import`), RECORD_KEY), null);
    assert.equal(await undo.count(), 0);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('two tabs editing the draft plan lose nothing; old draft edits move into the record; a damaged one is set aside', async () => {
    const { page: a, problems, context } = await openChecklist(browser, server);
    await seed(a, completeRecord());
    const b = await context.newPage();
    await b.goto(a.url());
    await widgetTitle(b, HOST);
    await byId(a, 'draft-policy').fill('Aの方針');
    await a.waitForFunction((key) => JSON.parse(localStorage.getItem(key)).state.data.plan?.policy === 'Aの方針', RECORD_KEY);
    await byId(b, 'draft-organisation').fill('Bの体制');
    await b.waitForFunction((key) => JSON.parse(localStorage.getItem(key)).state.data.plan?.organisation === 'Bの体制', RECORD_KEY);
    const stored = (await storedRecord(a)).state.data.plan;
    assert.equal(stored.policy, 'Aの方針', "tab A's section is kept after tab B saved");
    assert.equal(stored.organisation, 'Bの体制');
    assert.equal(await byId(b, 'draft-policy').inputValue(), 'Aの方針', 'tab B shows what tab A wrote');
    await b.close();

    // Edits kept under the old separate key (before the plan joined the record) move in once.
    const fresh = completeRecord();
    await a.evaluate(([key, text]) => localStorage.setItem(key, text), [DRAFT_KEY, JSON.stringify({ evaluation: '旧い評価の書き換え' })]);
    await seed(a, fresh);
    await a.waitForFunction((key) => JSON.parse(localStorage.getItem(key)).state.data.plan?.evaluation === '旧い評価の書き換え', RECORD_KEY);
    assert.equal(await byId(a, 'draft-evaluation').inputValue(), '旧い評価の書き換え');
    assert.equal(await a.evaluate((key) => localStorage.getItem(key), DRAFT_KEY), null, 'the old key is gone once the record holds the plan');

    // A damaged old draft record is set aside byte for byte, not dropped.
    await a.evaluate((key) => localStorage.setItem(key, '{"policy": "cut'), DRAFT_KEY);
    await a.reload();
    await widgetTitle(a, HOST);
    const aside = await a.evaluate((key) => {
      const found = [];
      for (let i = 0; i < localStorage.length; i += 1) {
        const k = localStorage.key(i);
        if (k.startsWith(`${key}/corrupt/`)) found.push(localStorage.getItem(k));
      }
      return found;
    }, DRAFT_KEY);
    assert.deepEqual(aside, ['{"policy": "cut'], 'the damaged draft is kept');
    assert.equal(await byId(a, 'draft-evaluation').inputValue(), '旧い評価の書き換え', 'the record\'s plan is untouched');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('two tabs editing the same draft-plan section lose nothing: both texts stay until the person chooses', async () => {
    const { page: a, problems, context } = await openChecklist(browser, server);
    await seed(a, completeRecord());
    const b = await context.newPage();
    await b.goto(a.url());
    await widgetTitle(b, HOST);
    const plan = (page) => page.evaluate((key) => {
      const data = JSON.parse(localStorage.getItem(key)).state.data;
      return { policy: data.plan?.policy, copies: data.plan_conflicts?.policy ?? [] };
    }, RECORD_KEY);
    const until = (page, policy, copies) => page.waitForFunction(([key, policy, copies]) => {
      const data = JSON.parse(localStorage.getItem(key)).state.data;
      return data.plan?.policy === policy && JSON.stringify(data.plan_conflicts?.policy ?? []) === JSON.stringify(copies);
    }, [RECORD_KEY, policy, copies]);
    const conflict = (page) => page.locator(`${HOST} [data-section="policy"] [data-testid="draft-conflict"]`);

    // Tab A saves its text; tab B, which has not seen it, types in the same section. B's
    // save is refused as older and the core merges: B's text stays in B's box, A's text is
    // kept as a copy beside it, both in the record.
    await byId(a, 'draft-policy').fill('Aの方針');
    await until(a, 'Aの方針', []);
    await byId(b, 'draft-policy').fill('Bの方針');
    await until(b, 'Bの方針', ['Aの方針']);
    assert.equal(await byId(b, 'draft-policy').inputValue(), 'Bの方針', "tab B's own edit stays in its box");
    assert.equal(await conflict(b).locator('[data-testid="draft-conflict-text"]').textContent(), 'Aの方針', "tab A's text is shown beside it");
    assert.deepEqual(await conflict(b).locator('button').allTextContents(), ['こちらを使う', 'あちらを使う', '両方残す']);
    assert.equal(await conflict(b).getAttribute('role'), 'group');

    // Tab A, reloaded, sees the same two texts: the copy is part of the record.
    await a.reload();
    await widgetTitle(a, HOST);
    assert.equal(await byId(a, 'draft-policy').inputValue(), 'Bの方針');
    assert.equal(await conflict(a).locator('[data-testid="draft-conflict-text"]').textContent(), 'Aの方針');

    // 両方残す in tab B: one text, a blank line between, no copy left.
    await conflict(b).locator('[data-testid="conflict-both"]').click();
    await until(b, 'Bの方針\n\nAの方針', []);
    assert.equal(await byId(b, 'draft-policy').inputValue(), 'Bの方針\n\nAの方針');
    assert.equal(await conflict(b).count(), 0);

    // Tab A (still showing the copy it last read) types again: the copy B resolved stays
    // resolved; B's combined text becomes the copy. あちらを使う takes it.
    await byId(a, 'draft-policy').fill('Aの二度目');
    await until(a, 'Aの二度目', ['Bの方針\n\nAの方針']);
    assert.equal(await conflict(a).count(), 1);
    await conflict(a).locator('[data-testid="conflict-theirs"]').click();
    await until(a, 'Bの方針\n\nAの方針', []);
    assert.equal(await byId(a, 'draft-policy').inputValue(), 'Bの方針\n\nAの方針');

    // Both type once more; こちらを使う in tab B keeps B's text and drops A's copy, as asked.
    await byId(b, 'draft-policy').fill('Bの三度目');
    await until(b, 'Bの三度目', []);
    await byId(a, 'draft-policy').fill('Aの三度目');
    await until(a, 'Aの三度目', ['Bの三度目']);
    await conflict(a).locator('[data-testid="conflict-ours"]').click();
    await until(a, 'Aの三度目', []);
    assert.deepEqual(await plan(a), { policy: 'Aの三度目', copies: [] });
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('newer in another tab: the older page says so at once, loads the newer answers on request and saves on from them', async () => {
    const { page: a, problems, context } = await openChecklist(browser, server);
    await seed(a, completeRecord());
    const b = await context.newPage();
    await b.goto(a.url());
    await widgetTitle(b, HOST);
    const otherTab = b.locator(`${HOST} [data-notice="other-tab"]`);
    assert.equal(await otherTab.count(), 0, 'nothing to say before the other tab saves');
    // Tab B's reader is down at the plan, far below the top of the kit where notices show.
    assert.ok((await scrollToBottom(b)) > 1000, 'tab B is scrolled far down');

    // Tab A writes; tab B, open on the same record, hears of it at once.
    await byId(a, 'draft-policy').fill('Aの方針');
    await a.waitForFunction((key) => JSON.parse(localStorage.getItem(key)).state.data.plan?.policy === 'Aの方針', RECORD_KEY);
    const saved = await storedRecord(a);
    await otherTab.waitFor();
    assert.match(await otherTab.textContent(), /別のタブ/);
    assert.equal(await otherTab.evaluate((el) => el.closest('[role]')?.getAttribute('role')), 'alert', 'announced as an alert');
    // …and sees it where they are: the notice stays in sight at the top of the screen.
    assert.ok(await onScreen(b, otherTab), 'the notice is on screen, far down the page');
    assert.notEqual(await byId(b, 'draft-policy').inputValue(), 'Aの方針', 'nothing changes on the older page until asked');

    // Loading the newer record shows it; the older page then saves on from that record.
    await b.locator(`${HOST} [data-testid="other-tab-reload"]`).click();
    await otherTab.waitFor({ state: 'detached' });
    assert.equal(await byId(b, 'draft-policy').inputValue(), 'Aの方針');
    await byId(b, 'draft-organisation').fill('Bの体制');
    await b.waitForFunction((key) => JSON.parse(localStorage.getItem(key)).state.data.plan?.organisation === 'Bの体制', RECORD_KEY);
    const after = await storedRecord(b);
    assert.deepEqual([after.state.data.plan.policy, after.state.data.plan.organisation], ['Aの方針', 'Bの体制']);
    assert.equal(after.revision, saved.revision + 1, 'saved over the newer record, not refused');
    assert.equal(await b.locator(`${HOST} [data-notice="storage"]`).count(), 0);
    // …and now tab A is the older one.
    await a.locator(`${HOST} [data-notice="other-tab"]`).waitFor();
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('the results have section links and a way back to the top', async () => {
    const { page, problems, context } = await openChecklist(browser, server, { width: 390, height: 844 });
    await seed(page, completeRecord());
    assert.equal(await screen(page), 'results');
    const focused = () => page.locator(HOST).evaluate((host) => host.shadowRoot.activeElement?.id ?? '');
    await page.locator(`${HOST} [data-testid="section-links"] [data-jump="draft-heading"]`).click();
    assert.equal(await focused(), `${ID}draft-heading`);
    assert.ok(await byId(page, 'draft-heading').isVisible());
    await page.locator(`${HOST} [data-testid="back-to-top"]`).last().click();
    assert.equal(await focused(), `${ID}screen-heading`);
    assert.ok((await page.evaluate(() => window.scrollY)) < 1000, 'back near the top');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('the draft plan survives export → erase → import, and downloads as .docx and .txt with its sections', async () => {
    const { page, problems, context } = await openChecklist(browser, server);
    await seed(page, completeRecord());
    await byId(page, 'draft-policy').fill('当社は、働く人の心の健康づくりに取り組みます。\n相談しやすい職場をつくります。');
    await page.waitForFunction((key) => JSON.parse(localStorage.getItem(key)).state.data.plan?.policy?.startsWith('当社は'), RECORD_KEY);
    const dir = mkdtempSync(join(tmpdir(), 'kizuki-checklist-plan-'));
    const download = async (testid) => {
      const [file] = await Promise.all([page.waitForEvent('download'), page.locator(`${HOST} [data-testid="${testid}"]`).click()]);
      const path = join(dir, file.suggestedFilename());
      await file.saveAs(path);
      return { path, name: file.suggestedFilename() };
    };
    const headings = ['1. 方針', '2. 体制', '3. 重点取組', '4. 評価'];
    const docx = await download('draft-docx');
    assert.match(docx.name, /^mh-checklist-plan-\d{4}-\d{2}-\d{2}\.docx$/);
    const xml = execFileSync('unzip', ['-p', docx.path, 'word/document.xml'], { encoding: 'utf8' });
    const words = xml.replace(/<[^>]+>/g, '');
    for (const heading of headings) assert.ok(words.includes(heading), `document.xml holds ${heading}`);
    assert.ok(words.includes('当社は、働く人の心の健康づくりに取り組みます。'), 'the edited policy');
    assert.ok(words.includes('相談しやすい職場をつくります。'));
    const txt = await download('draft-text');
    assert.match(txt.name, /\.txt$/);
    const plain = readFileSync(txt.path, 'utf8');
    for (const heading of headings) assert.ok(plain.includes(heading), `the text holds ${heading}`);
    assert.ok(plain.includes('相談しやすい職場をつくります。'));

    const exported = await download('export-json');
    const envelope = JSON.parse(readFileSync(exported.path, 'utf8'));
    assert.match(envelope.state.data.plan.policy, /^当社は/, 'the export carries the draft plan');
    await page.locator(`${HOST} [data-testid="erase"]`).click();
    await page.locator(`${HOST} [data-testid="erase-confirm"]`).click();
    assert.equal(await storedRecord(page), null);
    await page.locator(`${HOST} .kizuki-cl-files-disclosure summary`).click();
    await page.locator(`[id="${ID}import"]`).setInputFiles(exported.path);
    await page.locator(`${HOST} [data-testid="notice"]`).filter({ hasText: '読み込みました' }).waitFor();
    assert.deepEqual((await storedRecord(page)).state.data.plan, envelope.state.data.plan);
    await page.reload();
    await widgetTitle(page, HOST);
    assert.equal(await screen(page), 'results');
    assert.match(await byId(page, 'draft-policy').inputValue(), /^当社は、働く人の心の健康づくりに取り組みます。\n相談しやすい職場をつくります。$/);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('comparing with an earlier export marks each area and action better, worse or new', async () => {
    const { page, problems, context } = await openChecklist(browser, server);
    const dir = mkdtempSync(join(tmpdir(), 'kizuki-checklist-'));
    const earlier = completeRecord(['partly']);
    const ids = Object.keys(earlier.state.data.items);
    const areaOf = (id) => pack.kit.areas.find((a) => a.items.some((i) => i.id === id)).id;
    // The improved item alone in its area moves; the others from other areas.
    const others = ids.filter((id) => areaOf(id) !== areaOf(ids[0]));
    const [improved, worsened, fresh, untouched] = [ids[0], others[0], others[1], others[2]];
    // Last year's file did not answer `fresh`.
    delete earlier.state.data.items[fresh];
    const earlierFile = join(dir, 'last-year.json');
    writeFileSync(earlierFile, JSON.stringify(earlier));
    const now = completeRecord(['partly']);
    now.state.data.items[improved] = { choice: 'yes' };
    now.state.data.items[worsened] = { choice: 'no', why_not: ['no_time'] };
    await seed(page, now);
    await page.locator(`[id="${ID}compare-file"]`).setInputFiles(earlierFile);
    const comparison = page.locator(`${HOST} [data-testid="comparison"]`);
    await comparison.waitFor();
    assert.match(await comparison.textContent(), /総合: \d+% → \d+%/);
    assert.equal(await comparison.locator(`[data-testid="improved"] li[data-item="${improved}"]`).count(), 1);
    // The lists are folded (a year can change dozens of items) and open on request.
    const improvedItem = comparison.locator(`[data-testid="improved"] li[data-item="${improved}"]`);
    assert.equal(await improvedItem.isVisible(), false);
    await comparison.locator('[data-testid="improved"] summary').click();
    assert.equal(await improvedItem.isVisible(), true);
    assert.ok((await comparison.locator('tbody tr').count()) > 0);
    // The results mark what changed, per action and per area (decided by the core).
    const card = (id) => page.locator(`${HOST} [data-testid="action-plan"] [data-item="${id}"] .kizuki-cl-change`);
    assert.equal(await card(worsened).getAttribute('data-change'), 'worse');
    assert.equal((await card(worsened).textContent()).trim(), '前回より後退');
    assert.equal(await card(fresh).getAttribute('data-change'), 'new');
    assert.equal(await comparison.locator(`[data-testid="new"] li[data-item="${fresh}"]`).count(), 1);
    assert.equal(await comparison.locator(`[data-testid="worsened"] li[data-item="${worsened}"]`).count(), 1);
    assert.equal(await card(untouched).count(), 0, 'an unchanged action carries no mark');
    const bar = page.locator(`${HOST} [data-testid="chart"] [data-area="${areaOf(improved)}"] .kizuki-cl-change`);
    assert.equal(await bar.getAttribute('data-change'), 'better', 'the improved item lifts its area');
    assert.deepEqual((await storedRecord(page)).state, now.state, 'comparing changes nothing');

    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{"kizuki_export": 99}');
    await page.locator(`[id="${ID}compare-file"]`).setInputFiles(bad);
    await page.locator(`${HOST} .kizuki-cl-compare .kizuki-notice--error`, { hasText: '新しい版' }).waitFor();
    assert.deepEqual(problems, []);
    await context.close();
  });

  test("the compare and import file choosers are buttons in the page's language, used with the keyboard alone", async () => {
    const { page, problems, context } = await openChecklist(browser, server, { width: 390, height: 844 });
    const dir = mkdtempSync(join(tmpdir(), 'kizuki-checklist-'));
    const earlierFile = join(dir, 'last-year.json');
    writeFileSync(earlierFile, JSON.stringify(completeRecord(['partly'])));
    await seed(page, completeRecord(['yes']));
    // No bare file input shows the browser's own words ("Choose File", 「ファイルを選択」).
    const inputs = await page.locator(`${HOST} input[type="file"]`).all();
    assert.equal(inputs.length, 2, 'import and compare');
    for (const input of inputs) {
      assert.equal(await input.isVisible(), false);
      assert.equal(await input.getAttribute('tabindex'), '-1', 'the hidden input is not a tab stop');
    }
    /** Presses `key` on the focused element and says whether the hidden input `id` was asked
     * to open the browser's picker, in the key press's user activation (which the browser
     * requires to show it). Headless Chromium drops some pickers under load, so the test
     * checks the request, then sets the file as the picker would. */
    const keyOpensPicker = async (id, key) => {
      await page.evaluate((inputId) => {
        const input = document.querySelector('kizuki-kit').shadowRoot.getElementById(inputId);
        window.pickerRequests = [];
        input.click = () => window.pickerRequests.push(navigator.userActivation.isActive);
      }, id);
      await page.keyboard.press(key);
      return page.evaluate(() => window.pickerRequests);
    };
    const focusedId = () => page.evaluate(() => {
      let element = document.activeElement;
      while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
      return element?.id;
    });

    const compare = byId(page, 'compare-file-button');
    assert.equal(await compare.evaluate((e) => e.tagName), 'BUTTON');
    assert.equal((await compare.textContent()).trim(), '比べるファイルを選ぶ');
    const box = await compare.boundingBox();
    assert.ok(box.x >= 0 && box.x + box.width <= 390, `the button fits the phone's width: ${JSON.stringify(box)}`);
    // Tab reaches the button; Enter opens the picker; the file chosen is compared.
    await page.locator(`${HOST} .kizuki-cl-compare .kizuki-cl-intro`).evaluate((e) => {
      e.tabIndex = -1;
      e.focus();
    });
    await page.keyboard.press('Tab');
    assert.equal(await focusedId(), `${ID}compare-file-button`);
    assert.deepEqual(await keyOpensPicker(`${ID}compare-file`, 'Enter'), [true]);
    assert.equal(await byId(page, 'compare-file').getAttribute('multiple'), null);
    await byId(page, 'compare-file').setInputFiles(earlierFile);
    await page.locator(`${HOST} [data-testid="comparison"]`).waitFor();
    // From the button, Tab goes on to what follows, never to the hidden input.
    await compare.focus();
    await page.keyboard.press('Tab');
    assert.notEqual(await focusedId(), `${ID}compare-file`);

    // The import chooser, in the files panel under the results: Space opens it too.
    const load = byId(page, 'import-button');
    assert.equal((await load.textContent()).trim(), '書き出したファイルから読み込む');
    assert.match(await load.getAttribute('aria-describedby'), /import-hint$/);
    await load.focus();
    assert.deepEqual(await keyOpensPicker(`${ID}import`, 'Space'), [true]);
    const newer = join(dir, 'newer.json');
    writeFileSync(newer, JSON.stringify({ ...completeRecord(['no']), kizuki_export: 99 }));
    await byId(page, 'import').setInputFiles(newer);
    // A file of a later format than this build's is named as newer, in Japanese.
    await page.locator(`${HOST} [data-testid="files-status"] .kizuki-notice--error`, { hasText: '新しい版' }).waitFor();

    // In English, the buttons speak English.
    await page.locator(`${HOST} .kizuki-lang-button[lang="en"]`).click();
    await page.locator(`${HOST} [id="${ID}compare-file-button"]`, { hasText: 'Choose a file to compare' }).waitFor();
    assert.deepEqual(problems, []);
    await context.close();
  });

  test("an embedding center's contacts and directory file are where to get help", async () => {
    const { page, problems, context } = await openPage(browser, `${server.origin}/embed/`);
    const host = 'kizuki-kit[kit="checklist"]';
    await widgetTitle(page, host);
    const key = 'kizuki/minato-checklist/mh-checklist';
    await page.evaluate(([k, v]) => localStorage.setItem(k, v), [key, JSON.stringify(completeRecord())]);
    await page.reload();
    await widgetTitle(page, host);
    const help = page.locator(`${host} [data-testid="help-center"]`);
    await help.waitFor();
    assert.match(await help.textContent(), /みなと産業保健総合支援センター/);
    assert.match(await help.textContent(), /03-0000-0000/);
    // The page's directory-url="directory.json" replaces the built-in list, grouped by kind
    // with the center's own services first; a 50+ workplace does not see the small-workplace one.
    const file = JSON.parse(readFileSync(new URL('../../www/embed/directory.json', import.meta.url), 'utf8'));
    const directory = page.locator(`${host} .kizuki-cl-help-section [data-testid="directory"]`);
    await directory.waitFor();
    assert.equal(await directory.getAttribute('data-source'), 'center');
    const large = completeRecord().state.data.profile.size === '50plus';
    const expected = file.resources.filter((r) => !(r.small_workplaces_only && large)).map((r) => r.id);
    const shown = await directory.locator('[data-resource]').evaluateAll((l) => l.map((e) => e.dataset.resource));
    assert.deepEqual([...shown].sort(), [...expected].sort());
    assert.equal(await directory.locator('.kizuki-help-group').first().getAttribute('data-kind'), 'own_service');
    assert.match(await directory.textContent(), /一覧の作成: みなと産業保健総合支援センター（架空のセンターの例）（2026-12-06 時点）/);
    assert.equal(await directory.locator('[data-resource="sanpo-center"]').count(), 0, 'no built-in entry');
    const phone = directory.locator('[data-resource="minato-sanpo-consult"] a[href^="tel:"]');
    assert.equal(await phone.getAttribute('href'), 'tel:0300000000');
    // The course widget on the same page has no directory-url: it shows the built-in list.
    const course = page.locator('kizuki-kit[kit="course"] .kizuki-course-help [data-testid="directory"]');
    assert.equal(await course.getAttribute('data-source'), 'built-in');
    // An entry with two numbers (いのちの電話: the charged 0570 line and the free 0120 one)
    // has a link for each, not one link dialling the first for both.
    const lines = course.locator('[data-resource="inochi-no-denwa"] a[href^="tel:"]');
    assert.deepEqual(await lines.evaluateAll((links) => links.map((a) => [a.textContent, a.getAttribute('href')])), [
      ['0570-783-556', 'tel:0570783556'],
      ['0120-783-556', 'tel:0120783556'],
    ]);
    assert.equal(await page.locator('[id="kizuki-minato-checklist-screen-heading"]').count(), 1, 'ids carry the namespace');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test("a center's directory file with an unsafe link is refused: the reason and the built-in list show", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'ja-JP' });
    const file = JSON.parse(readFileSync(new URL('../../www/embed/directory.json', import.meta.url), 'utf8'));
    file.resources[0].url = 'javascript:alert(1)';
    await context.route('**/embed/directory.json', (route) =>
      route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(file) }),
    );
    const page = await context.newPage();
    await page.goto(`${server.origin}/embed/`);
    const host = 'kizuki-kit[kit="checklist"]';
    await widgetTitle(page, host);
    await page.evaluate(([k, v]) => localStorage.setItem(k, v), ['kizuki/minato-checklist/mh-checklist', JSON.stringify(completeRecord())]);
    await page.reload();
    const directory = page.locator(`${host} .kizuki-cl-help-section [data-testid="directory"]`);
    await directory.waitFor();
    assert.equal(await directory.getAttribute('data-source'), 'built-in');
    const problem = await directory.locator('.kizuki-help-problem').textContent();
    // A short message in the person's language; the path and the developer text are for the
    // center's web person (the guide's checker, the console), not for the person (issue 16).
    assert.match(problem, /地域の相談先一覧に誤りがあった/);
    assert.doesNotMatch(problem, /resources|unsafe_link|error\[|http/);
    assert.equal(await directory.locator('[data-resource="minato-sanpo-consult"]').count(), 0);
    assert.equal(await page.locator(`${host} a[href^="javascript:"]`).count(), 0);
    await context.close();
  });

  /** The goal the pack words for an item at this profile: its variant's, else its own. */
  function goalFor(item, profile) {
    const variant = (item.variants ?? []).find((v) => holds(v.when, profile));
    return (variant ?? item).goal.ja;
  }

  test('action-plan goals and 重点取組 read as goals; a completed action leaves the priorities', async () => {
    const { page, problems, context } = await openChecklist(browser, server);
    const seeded = completeRecord();
    await seed(page, seeded);
    const profile = seeded.state.data.profile;
    const items = Object.fromEntries(pack.kit.areas.flatMap((a) => a.items).map((i) => [i.id, i]));
    const cards = page.locator(`${HOST} [data-testid="action-plan"] .kizuki-cl-action`);
    const planned = await cards.evaluateAll((l) => l.map((e) => e.dataset.item));
    assert.ok(planned.length >= 5, `${planned.length} actions`);
    for (const id of planned.slice(0, 5)) {
      const heading = (await page.locator(`${HOST} [data-testid="action-plan"] [data-item="${id}"] .kizuki-cl-action-item`).textContent()).trim();
      assert.equal(heading, goalFor(items[id], profile), id);
      assert.doesNotMatch(heading, /ている。$/, `${id} reads as a goal`);
    }
    const priorities = () => byId(page, 'draft-priorities').inputValue();
    const first = planned[0];
    assert.ok((await priorities()).includes(goalFor(items[first], profile)), 'the draft lists the goal');
    assert.ok(!(await priorities()).includes(items[first].text.ja), 'not the statement');

    await byId(page, `action-${first}-done`).click();
    await page.waitForFunction(([key, id]) => JSON.parse(localStorage.getItem(key)).state.data.actions?.[id]?.done === true, [RECORD_KEY, first]);
    assert.ok(!(await priorities()).includes(goalFor(items[first], profile)), 'a completed action leaves the 重点取組');
    // It stays where it is, marked done (not whisked away from under the finger to the end of
    // a folded list); the open actions are ranked again from 1.
    const after = await cards.evaluateAll((l) => l.map((e) => e.dataset.item));
    assert.deepEqual(after, planned, 'nothing moves while the plan is open');
    const rank = (id) => page.locator(`${HOST} [data-testid="action-plan"] [data-item="${id}"] .kizuki-cl-rank`).textContent();
    assert.equal((await rank(first)).trim(), '完了');
    assert.equal((await rank(planned[1])).trim(), '優先 1');
    assert.equal(await byId(page, `action-${first}-done`).isVisible(), true);
    // Opened again, it ranks after every open action.
    await page.reload();
    await widgetTitle(page, HOST);
    const reopened = await cards.evaluateAll((l) => l.map((e) => e.dataset.item));
    assert.equal(reopened.at(-1), first, 'and ranks after every open action');
    assert.notEqual(reopened[0], first);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('a reload in the middle of the quick scan lands back in the quick scan', async () => {
    const { page, problems, context } = await openChecklist(browser, server);
    await answerProfile(page, profileFor(pack, SMALL));
    await page.locator(`${HOST} [data-testid="start-quick"]`).click();
    assert.equal(await screen(page), 'quick');
    const ids = await page.locator(`${HOST} .kizuki-cl-item`).evaluateAll((items) => items.map((i) => i.dataset.item));
    await byId(page, `item-${ids[0]}-yes`).check();
    await byId(page, `item-${ids[1]}-yes`).check();
    await page.waitForFunction((key) => JSON.parse(localStorage.getItem(key))?.state.data.mode === 'quick', RECORD_KEY);
    await page.reload();
    await widgetTitle(page, HOST);
    assert.equal(await screen(page), 'quick', 'the mode is part of the record');
    assert.equal(await byId(page, `item-${ids[0]}-yes`).isChecked(), true);
    // Every key item answered: a reload shows the quick scan's result.
    for (const id of ids.slice(2)) await byId(page, `item-${id}-yes`).check();
    await page.waitForFunction(([key, n]) => Object.keys(JSON.parse(localStorage.getItem(key)).state.data.items).length === n, [RECORD_KEY, ids.length]);
    await page.reload();
    await widgetTitle(page, HOST);
    assert.equal(await screen(page), 'quick-results');
    // Going on to the full audit leaves the quick mode: a reload stays in the full audit.
    await page.locator(`${HOST} [data-testid="full-audit"]`).click();
    assert.equal(await screen(page), 'area');
    await page.waitForFunction((key) => JSON.parse(localStorage.getItem(key)).state.data.mode === undefined, RECORD_KEY);
    await page.reload();
    await widgetTitle(page, HOST);
    assert.equal(await screen(page), 'area');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('a reload on the results opened early, or on the quick result opened early, shows them again', async () => {
    const { page, problems, context } = await openChecklist(browser, server);
    const profile = profileFor(pack, SMALL);
    await answerProfile(page, profile);
    // The profile filled in, no way chosen yet: a reload shows the profile, not the first area.
    await page.waitForFunction((key) => JSON.parse(localStorage.getItem(key) ?? '{}').state?.data?.profile?.size, RECORD_KEY);
    await page.reload();
    await widgetTitle(page, HOST);
    assert.equal(await screen(page), 'profile');
    await page.locator(`${HOST} [data-testid="start"]`).click();
    const first = await page.locator(`${HOST} .kizuki-cl-area`).getAttribute('data-area');
    const [a] = pack.kit.areas.find((x) => x.id === first).items.filter((i) => holds(i.applies_if, profile));
    await byId(page, `item-${a.id}-yes`).check();
    // The contents list leads to the results from any area, most items still open.
    await page.locator(`${HOST} .kizuki-cl-nav-button`, { hasText: '結果' }).click();
    assert.equal(await screen(page), 'results');
    await page.waitForFunction((key) => JSON.parse(localStorage.getItem(key)).state.data.area === '#results', RECORD_KEY);
    await page.reload();
    await widgetTitle(page, HOST);
    assert.equal(await screen(page), 'results', 'back on the results, not the first open area');
    // Back on the profile: a reload shows the profile.
    await page.locator(`${HOST} .kizuki-cl-nav-button`).first().click();
    assert.equal(await screen(page), 'profile');
    await page.waitForFunction((key) => JSON.parse(localStorage.getItem(key)).state.data.area === '#profile', RECORD_KEY);
    await page.reload();
    await widgetTitle(page, HOST);
    assert.equal(await screen(page), 'profile');

    // The quick check's result opened with key items left.
    await page.locator(`${HOST} [data-testid="start-quick"]`).click();
    assert.equal(await screen(page), 'quick');
    await page.locator(`${HOST} [data-testid="next"]`).click();
    assert.equal(await screen(page), 'quick-results');
    await page.waitForFunction((key) => JSON.parse(localStorage.getItem(key)).state.data.area === '#results', RECORD_KEY);
    await page.reload();
    await widgetTitle(page, HOST);
    assert.equal(await screen(page), 'quick-results', 'back on the quick result, not its items');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('the quick check shows the progress bar of the full check', async () => {
    const { page, problems, context } = await openChecklist(browser, server, { width: 390, height: 844 });
    await answerProfile(page, profileFor(pack, SMALL));
    await page.locator(`${HOST} [data-testid="start-quick"]`).click();
    assert.equal(await screen(page), 'quick');
    const bar = page.locator(`${HOST} .kizuki-progress progress`);
    const ids = await page.locator(`${HOST} .kizuki-cl-item`).evaluateAll((items) => items.map((i) => i.dataset.item));
    assert.equal(await bar.getAttribute('max'), String(ids.length));
    assert.equal(await bar.getAttribute('value'), '0');
    assert.equal((await page.locator(`${HOST} [data-testid="progress"]`).textContent()).trim(), `0 / ${ids.length} 回答済み`);
    await byId(page, `item-${ids[0]}-yes`).check();
    await page.locator(`${HOST} [data-testid="progress"]`).filter({ hasText: `1 / ${ids.length} 回答済み` }).waitFor();
    assert.equal(await bar.getAttribute('value'), '1');
    assert.equal(await page.locator(`${HOST} .kizuki-progress`).count(), 1, 'one progress, no second line of counts');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('the files panel is at the bottom of the quick result, open, and closed under the questions', async () => {
    const { page, problems, context } = await openChecklist(browser, server, { width: 390, height: 844 });
    await answerProfile(page, profileFor(pack, SMALL));
    await page.locator(`${HOST} [data-testid="start-quick"]`).click();
    assert.equal(await screen(page), 'quick');
    const ids = await page.locator(`${HOST} .kizuki-cl-item`).evaluateAll((items) => items.map((i) => i.dataset.item));
    await byId(page, `item-${ids[0]}-yes`).check();

    // Under the questions: the panel, closed, after the way on.
    const closed = page.locator(`${HOST} [data-testid="files-disclosure"]`);
    assert.equal(await closed.count(), 1);
    assert.equal(await closed.evaluate((d) => d.open), false);
    assert.ok(await closed.evaluate((d, host) => {
      const pager = document.querySelector(host).shadowRoot.querySelector('.kizuki-cl-pager');
      return Boolean(pager.compareDocumentPosition(d) & Node.DOCUMENT_POSITION_FOLLOWING);
    }, HOST), 'below the questions and their buttons');

    // The result: the panel at its bottom, open, and a download from it.
    await page.locator(`${HOST} [data-testid="next"]`).click();
    assert.equal(await screen(page), 'quick-results');
    const result = page.locator(`${HOST} [data-testid="quick-results"]`);
    assert.equal(await result.locator('.kizuki-data-panel').count(), 1);
    assert.equal(await page.locator(`${HOST} [data-testid="files-disclosure"]`).count(), 0);
    const last = await result.evaluate((section) => section.lastElementChild.className);
    assert.match(last, /kizuki-cl-files/, 'the last thing on the result');
    const [file] = await Promise.all([page.waitForEvent('download'), result.locator('[data-testid="export-json"]').click()]);
    assert.match(file.suggestedFilename(), /^mh-checklist-\d{4}-\d{2}-\d{2}\.json$/);
    const envelope = JSON.parse(readFileSync(await file.path(), 'utf8'));
    assert.equal(envelope.state.data.items[ids[0]].choice, 'yes');
    assert.equal(envelope.state.data.mode, 'quick');

    // An area of the full check: the panel closed under it, as on the profile.
    await page.locator(`${HOST} [data-testid="full-audit"]`).click();
    assert.equal(await screen(page), 'area');
    assert.equal(await page.locator(`${HOST} .kizuki-cl-main [data-testid="files-disclosure"]`).count(), 1);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('a quick check file saved on the profile opens in the quick check when read in, not on the full results', async () => {
    const { page, problems, context } = await openChecklist(browser, server);
    await answerProfile(page, profileFor(pack, SMALL));
    await page.locator(`${HOST} [data-testid="start-quick"]`).click();
    const [first] = await page.locator(`${HOST} .kizuki-cl-item`).evaluateAll((items) => items.map((i) => i.dataset.item));
    await byId(page, `item-${first}-yes`).check();
    await page.locator(`${HOST} [data-testid="previous"]`).click();
    assert.equal(await screen(page), 'profile');
    await page.waitForFunction((key) => JSON.parse(localStorage.getItem(key)).state.data.area === '#profile', RECORD_KEY);
    const dir = mkdtempSync(join(tmpdir(), 'kizuki-checklist-'));
    const file = join(dir, 'quick.json');
    writeFileSync(file, JSON.stringify(await storedRecord(page)));
    await page.evaluate((key) => localStorage.removeItem(key), RECORD_KEY);
    await page.reload();
    await widgetTitle(page, HOST);
    await page.locator(`${HOST} .kizuki-cl-files-disclosure summary`).click();
    await page.locator(`[id="${ID}import"]`).setInputFiles(file);
    await page.locator(`${HOST} [data-testid="notice"]`).filter({ hasText: /読み込みました/ }).waitFor();
    assert.equal(await screen(page), 'quick', 'in the quick check it was on, its items still open');
    assert.equal(await byId(page, `item-${first}-yes`).isChecked(), true);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('an optional workplace name goes into the file names, the draft plan, the print and the .docx', async () => {
    const { page, problems, context } = await openChecklist(browser, server);
    const name = 'みなと商事 本社/第2工場';
    const seeded = completeRecord();
    await seed(page, seeded);
    await page.locator(`${HOST} .kizuki-cl-nav-button`).first().click();
    assert.equal(await screen(page), 'profile');
    assert.equal(await byId(page, 'workplace').inputValue(), '', 'empty by default');
    assert.match(await byId(page, 'workplace-hint').textContent(), /このブラウザの中と、あなたが保存するファイルの中にだけ/);
    await byId(page, 'workplace').fill(name);
    await byId(page, 'workplace').press('Tab');
    await page.waitForFunction(([key, n]) => JSON.parse(localStorage.getItem(key)).state.data.workplace === n, [RECORD_KEY, name]);
    await page.locator(`${HOST} [data-testid="start"]`).click();
    await page.locator(`${HOST} .kizuki-cl-nav-button`, { hasText: '結果' }).click();
    assert.equal(await screen(page), 'results');
    assert.equal((await page.locator(`${HOST} [data-testid="results"] [data-testid="workplace-line"]`).textContent()).trim(), `事業場: ${name}`);
    assert.equal((await byId(page, 'draft-heading').textContent()).trim(), `${name} 心の健康づくり計画（下書き）`);

    const dir = mkdtempSync(join(tmpdir(), 'kizuki-checklist-name-'));
    const download = async (testid) => {
      const [file] = await Promise.all([page.waitForEvent('download'), page.locator(`${HOST} [data-testid="${testid}"]`).click()]);
      const path = join(dir, file.suggestedFilename());
      await file.saveAs(path);
      return { path, name: file.suggestedFilename() };
    };
    const json = await download('export-json');
    assert.match(json.name, /^mh-checklist-みなと商事-本社-第2工場-\d{4}-\d{2}-\d{2}\.json$/);
    assert.equal(JSON.parse(readFileSync(json.path, 'utf8')).state.data.workplace, name, 'kept in the file');
    assert.match((await download('export-csv')).name, /^mh-checklist-みなと商事-本社-第2工場-\d{4}-\d{2}-\d{2}\.csv$/);
    const docx = await download('draft-docx');
    assert.match(docx.name, /^mh-checklist-plan-みなと商事-本社-第2工場-\d{4}-\d{2}-\d{2}\.docx$/);
    const words = execFileSync('unzip', ['-p', docx.path, 'word/document.xml'], { encoding: 'utf8' }).replace(/<[^>]+>/g, '');
    assert.ok(words.includes(`${name} 心の健康づくり計画（下書き）`), 'the .docx heading names the workplace');

    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.locator(`${HOST} [data-testid="results"] [data-testid="workplace-line"]`).isVisible(), true, 'printed');
    await page.emulateMedia({ media: 'screen' });
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('the quick summary and the draft plan each print on one A4 page, with the workplace name', async () => {
    const { page, problems, context } = await openChecklist(browser, server);
    const dir = mkdtempSync(join(tmpdir(), 'kizuki-checklist-pages-'));
    const printed = async (testid, name) => {
      await page.evaluate(() => {
        window.print = () => {};
      });
      await page.locator(`${HOST} [data-testid="${testid}"]`).click();
      const pdf = join(dir, `${name}.pdf`);
      await page.pdf({ path: pdf, format: 'A4', printBackground: true });
      const pages = Number(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }).match(/Pages:\s+(\d+)/)[1]);
      return { pages, text: execFileSync('pdftotext', ['-raw', pdf, '-'], { encoding: 'utf8' }) };
    };
    await answerProfile(page, profileFor(pack, SMALL));
    await byId(page, 'workplace').fill('みなと商事');
    await byId(page, 'workplace').press('Tab');
    await page.locator(`${HOST} [data-testid="start-quick"]`).click();
    const ids = await page.locator(`${HOST} .kizuki-cl-item`).evaluateAll((items) => items.map((i) => i.dataset.item));
    for (const [n, id] of ids.entries()) await byId(page, `item-${id}-${['no', 'partly', 'yes'][n % 3]}`).check();
    await page.locator(`${HOST} [data-testid="next"]`).click();
    assert.equal(await page.locator(`${HOST} [data-testid="quick-actions"] .kizuki-cl-action`).count(), 5, 'the longest quick plan');
    const quick = await printed('print-quick', 'quick');
    assert.equal(quick.pages, 1, 'the quick summary is one page');
    assert.ok(quick.text.includes('事業場: みなと商事'));

    await seed(page, { ...completeRecord(), state: { ...completeRecord().state, data: { ...completeRecord().state.data, workplace: 'みなと商事' } } });
    assert.equal(await screen(page), 'results');
    const plan = await printed('draft-print', 'plan');
    assert.equal(plan.pages, 1, 'the plan alone is one page');
    assert.ok(plan.text.replace(/\s/g, '').includes('みなと商事心の健康づくり計画（下書き）'), 'its heading names the workplace');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('axe finds no WCAG 2.1 A/AA violations on an area screen, the results, the quick check and its result', async () => {
    const { page, context } = await openChecklist(browser, server);
    const scan = async () => {
      await page.evaluate(AXE_SOURCE);
      return page.evaluate(async () => {
        const result = await window.axe.run(document, {
          runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
        });
        return result.violations.map((v) => ({ rule: v.id, targets: v.nodes.slice(0, 5).map((n) => n.target.join(' > ')) }));
      });
    };
    const partial = completeRecord();
    const profile = partial.state.data.profile;
    const firstArea = pack.kit.areas.find((a) => a.items.some((i) => holds(i.applies_if, profile)));
    for (const item of firstArea.items) delete partial.state.data.items[item.id];
    const [a, b] = firstArea.items.filter((i) => holds(i.applies_if, profile));
    partial.state.data.items[a.id] = { choice: 'no', why_not: ['other'], why_not_other: 'まだ' };
    partial.state.data.items[b.id] = { choice: 'partly' };
    await seed(page, partial);
    assert.equal(await screen(page), 'area');
    await page.locator(`${HOST} .kizuki-cl-details`).first().locator('summary').click();
    assert.deepEqual(await scan(), [], 'area screen');
    await page.locator(`${HOST} .kizuki-cl-nav-button`).last().click();
    assert.equal(await screen(page), 'results');
    assert.deepEqual(await scan(), [], 'results screen');
    // The quick check with its progress bar and files panel (opened), then its result.
    await page.locator(`${HOST} .kizuki-cl-nav-button`).first().click();
    await page.locator(`${HOST} [data-testid="start-quick"]`).click();
    assert.equal(await screen(page), 'quick');
    await page.locator(`${HOST} [data-testid="files-disclosure"] summary`).click();
    assert.deepEqual(await scan(), [], 'quick check');
    await page.locator(`${HOST} [data-testid="next"]`).click();
    assert.equal(await screen(page), 'quick-results');
    assert.deepEqual(await scan(), [], 'quick result');
    await context.close();
  });

  test('screenshots of the results page at 360 and 1280 px', async (t) => {
    if (!shots) return t.skip('set KIZUKI_SHOTS to a directory to write screenshots');
    for (const width of [360, 1280]) {
      const { page, problems, context } = await openChecklist(browser, server, { width, height: 900 });
      const seeded = completeRecord();
      const first = Object.keys(seeded.state.data.items)[1];
      seeded.state.data.actions = { [first]: { owner: '総務課 山田', due: '2027-03-31', done: false } };
      await seed(page, seeded);
      assert.equal(await screen(page), 'results');
      await page.screenshot({ path: join(shots, `checklist-results-${width}.png`), fullPage: true });
      await page.screenshot({ path: join(shots, `checklist-results-${width}-top.png`) });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `no horizontal scroll at ${width} px (overflow ${overflow})`);
      if (width === 1280) {
        await page.emulateMedia({ media: 'print' });
        await page.pdf({ path: join(shots, 'checklist-results-A4.pdf'), format: 'A4', printBackground: true });
        await page.setViewportSize({ width: 794, height: 1123 });
        await page.screenshot({ path: join(shots, 'checklist-results-print.png'), fullPage: true });
      }
      assert.deepEqual(problems, []);
      await context.close();
    }
  });

  test('printing the results on the sample center page prints only the results', { timeout: 120_000 }, async () => {
    // www/embed/: a center header, this checklist and the course (in English) on one page.
    const { page, problems, context } = await openPage(browser, `${server.origin}/embed/`);
    const host = 'kizuki-kit[kit="checklist"]';
    await widgetTitle(page, host);
    await page.evaluate(([key, text]) => localStorage.setItem(key, text), [
      `kizuki/minato-checklist/${pack.id}`,
      JSON.stringify(completeRecord()),
    ]);
    await page.reload();
    await widgetTitle(page, host);
    await widgetTitle(page, 'kizuki-kit[kit="course"]');
    assert.equal(await page.locator(`${host} .kizuki-cl`).getAttribute('data-screen'), 'results');
    await page.evaluate(() => {
      window.__kizukiPrints = 0;
      window.print = () => {
        window.__kizukiPrints += 1;
      };
    });
    await page.locator(`${host} [data-testid="print"]`).click();
    await page.waitForFunction(() => window.__kizukiPrints === 1);
    const pdf = join(mkdtempSync(join(tmpdir(), 'kizuki-checklist-print-')), 'results.pdf');
    await page.pdf({ path: pdf, format: 'A4', printBackground: true });
    const printed = execFileSync('pdftotext', ['-raw', pdf, '-'], { encoding: 'utf8' });
    assert.ok(printed.replace(/\s/g, '').includes('取組の状況を自分で点検するための目安です'), 'the results are printed');
    for (const absent of ['このページは埋め込みのサンプルです', '職場のメンタルヘルス対策を始めましょう', 'Line care', '自分のサイトに埋め込むには']) {
      assert.ok(!printed.includes(absent), `nothing of the host page or the other widget: ${absent}`);
    }
    assert.deepEqual(problems, []);
    await context.close();
  });
});
