// Each widget links only its module's stylesheet, kizuki-<module>.css, cut by
// scripts/split-css.mjs from www/kizuki.css (issue 14's size bar), and that stylesheet misses
// nothing its screens use: on each screen visited, every rule of the whole kizuki.css whose
// selector matches an element of the widget's shadow root is in the widget's own stylesheet
// too, inside the same @media. A class whose block the split left out fails here, naming
// the selectors it lost.

import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { ROOT, checklistRecord, completedCourseRecord, holds, launchBrowser, openPage, readPack, startServer, widgetTitle } from './helpers.mjs';

const HOST = 'kizuki-kit';

/**
 * In the page: the rules of the whole kizuki.css that match something in the widget's shadow
 * root, and those of them missing from `against` (default: the stylesheet the widget links).
 * A rule is its text and the at-rules around it; a selector is tried without its
 * pseudo-elements and user-action pseudo-classes (`:hover` matches nothing in a test).
 */
async function coverage(page, against = null) {
  return page.evaluate(
    async ([host, againstUrl]) => {
      const root = document.querySelector(host).shadowRoot;
      const link = [...root.children].find((child) => child.matches('link[rel="stylesheet"]'));
      // The widget's own <link> may still be loading when its title shows.
      if (!link.sheet) await new Promise((resolve) => ['load', 'error'].forEach((type) => link.addEventListener(type, resolve, { once: true })));
      if (!link.sheet && !againstUrl) return { stylesheet: new URL(link.href).pathname, used: 0, missing: ['the stylesheet did not load'] };
      const sheetOf = async (url) => {
        const sheet = new CSSStyleSheet();
        sheet.replaceSync(await (await fetch(url)).text());
        return sheet;
      };
      const own = againstUrl ? await sheetOf(againstUrl) : link.sheet;
      const whole = await sheetOf('/kizuki.css');
      const rules = (list, around = '', out = []) => {
        for (const rule of list) {
          if (rule instanceof CSSStyleRule) out.push({ key: `${around}${rule.cssText}`, selector: rule.selectorText, around });
          else if (rule.cssRules) rules(rule.cssRules, `${around}@${rule.conditionText ?? rule.media?.mediaText ?? rule.name ?? ''} `, out);
        }
        return out;
      };
      const present = new Set(rules(own.cssRules).map((rule) => rule.key));
      const matches = (selector) =>
        selector.split(',').some((one) => {
          if (one.includes(':host')) return false;
          const tried = one
            .replace(/::?(before|after|marker|placeholder|selection|backdrop|file-selector-button|-webkit-[a-z-]+|-moz-[a-z-]+)/g, '')
            .replace(/:(hover|focus-visible|focus-within|focus|active)(?![a-z-])/g, '');
          try {
            return root.querySelector(tried.trim() || '*') !== null;
          } catch {
            return false;
          }
        });
      const used = rules(whole.cssRules).filter((rule) => matches(rule.selector));
      return {
        stylesheet: new URL(link.href).pathname,
        used: used.length,
        missing: used.filter((rule) => !present.has(rule.key)).map((rule) => `${rule.around}${rule.selector}`),
      };
    },
    [HOST, against],
  );
}

/** Asserts the widget links `kizuki-<module>.css` and that it has every rule the screen uses. */
async function assertCovered(page, module, screen) {
  const result = await coverage(page);
  assert.equal(result.stylesheet, `/kizuki-${module}.css`, `${screen}: the widget links its module's stylesheet`);
  assert.ok(result.used > 20, `${screen}: only ${result.used} rules of kizuki.css match; is the screen drawn?`);
  assert.deepEqual(result.missing, [], `${screen}: rules of kizuki.css the screen uses are missing from kizuki-${module}.css`);
  return result;
}

/** A 30-person workplace's record with every item that applies answered (in place, partly, not). */
function completeChecklistRecord(pack) {
  const wanted = { size: '10to49', sangyoi: 'no', committee: 'no', oh_staff: 'no', eap: 'no' };
  const profile = {};
  for (const question of pack.kit.profile) {
    const ids = question.options.map((o) => o.id);
    profile[question.id] = ids.includes(wanted[question.id]) ? wanted[question.id] : ids[0];
  }
  const items = {};
  const applicable = pack.kit.areas.flatMap((area) => area.items.filter((i) => holds(i.applies_if, profile)).map((i) => i.id));
  applicable.forEach((id, n) => {
    const choice = ['yes', 'partly', 'no'][n % 3];
    items[id] = choice === 'yes' ? { choice } : { choice, why_not: ['no_time'] };
  });
  return checklistRecord(pack, profile, items);
}

/** Stress self-check exports, one per person, in one group, answers varied. */
function stressExports(count) {
  const pack = JSON.parse(readFileSync(join(ROOT, 'content/bjsq-57.json'), 'utf8'));
  const items = pack.kit.sections.flatMap((s) => s.items.map((i) => i.id));
  let state = 2024;
  return Array.from({ length: count }, (_, n) => {
    const answers = {};
    for (const item of items) {
      state ^= state << 13; state ^= state >>> 17; state ^= state << 5; state >>>= 0;
      answers[item] = String((state % 4) + 1);
    }
    return {
      name: `person-${n + 1}.json`,
      text: JSON.stringify({
        kizuki_export: 2,
        pack_id: pack.id,
        pack_version: pack.version,
        saved_at: `2026-12-01T09:00:${String(n).padStart(2, '0')}.000Z`,
        revision: n + 1,
        state: { kind: 'questionnaire', data: { respondent: { sex: 'male' }, items: answers, group: '営業' } },
      }),
    };
  });
}

async function seedAndReload(page, key, value) {
  await page.evaluate(([k, text]) => localStorage.setItem(k, text), [key, JSON.stringify(value)]);
  await page.reload();
  await widgetTitle(page, HOST);
}

describe("each widget's stylesheet", () => {
  let server;
  let browser;
  let scratch;
  before(async () => {
    server = await startServer();
    browser = await launchBrowser();
    scratch = mkdtempSync(join(tmpdir(), 'kizuki-stylesheets-'));
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
    rmSync(scratch, { recursive: true, force: true });
  });

  test("the checklist's start, quick check and results use only rules of kizuki-checklist.css, which kizuki-plan.css would not cover", async () => {
    const { page, problems, context } = await openPage(browser, `${server.origin}/app.html?kit=checklist`);
    await widgetTitle(page, HOST);
    await assertCovered(page, 'checklist', 'checklist start');
    const pack = readPack('checklist');
    for (const question of pack.kit.profile) {
      await page.locator(`[id="kizuki-${pack.id}-profile-${question.id}-${question.options[0].id}"]`).check();
    }
    await assertCovered(page, 'checklist', 'checklist start, the two ways with their lengths');
    await page.locator(`${HOST} [data-testid="start-quick"]`).click();
    await page.locator(`${HOST} .kizuki-cl-quick`).waitFor();
    await assertCovered(page, 'checklist', 'checklist quick check');
    await page.locator(`${HOST} [data-testid="next"]`).click();
    await page.locator(`${HOST} [data-testid="quick-results"]`).waitFor();
    await assertCovered(page, 'checklist', 'checklist quick result');
    await seedAndReload(page, `kizuki/${pack.id}/${pack.id}`, completeChecklistRecord(pack));
    await page.locator(`${HOST} [data-testid="results"]`).waitFor();
    await assertCovered(page, 'checklist', 'checklist results');
    // The check can fail: another module's stylesheet lacks the checklist's layout.
    const wrong = await coverage(page, '/kizuki-plan.css');
    assert.ok(wrong.missing.some((selector) => selector.includes('.kizuki-cl-')), wrong.missing.join('\n'));
    assert.deepEqual(problems, []);
    await context.close();
  });

  test("the course's map, a module and the completion screen use only rules of kizuki-course.css", async () => {
    const { page, problems, context } = await openPage(browser, `${server.origin}/app.html?kit=course`);
    await widgetTitle(page, HOST);
    await assertCovered(page, 'course', 'course map');
    await page.locator(`${HOST} .kizuki-course-map .kizuki-button`).first().click();
    await page.locator(`${HOST} .kizuki-course-module`).first().waitFor();
    await assertCovered(page, 'course', 'course module');
    const pack = readPack('course');
    await seedAndReload(page, `kizuki/${pack.id}/${pack.id}`, completedCourseRecord(pack));
    await assertCovered(page, 'course', 'course completed');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test("the planner's start, a case's first step and a document use only rules of kizuki-plan.css", { timeout: 120_000 }, async () => {
    const { page, problems, context } = await openPage(browser, `${server.origin}/app.html?kit=plan`);
    await widgetTitle(page, HOST);
    await assertCovered(page, 'plan', 'plan start');
    const id = (suffix) => `#kizuki-return-to-work-plan-${suffix}`;
    await page.locator(id('setup-new')).fill('correct horse battery staple');
    await page.locator(id('setup-again')).fill('correct horse battery staple');
    await page.getByRole('button', { name: 'パスフレーズを設定して始める' }).click();
    await page.locator(`${HOST} .kizuki-plan-cases h3`).waitFor({ timeout: 60_000 });
    await page.getByRole('button', { name: 'ケースを作成する' }).click();
    await page.locator(`${HOST} .kizuki-plan-step .kizuki-plan-task`).first().waitFor();
    await assertCovered(page, 'plan', 'plan case, first step');
    // A paper on its A4 sheet: the documents block, which only the planner's stylesheet has.
    await page.getByRole('button', { name: /^「.+」を表示$/ }).first().click();
    await page.locator(`${HOST} article.kizuki-plan-doc`).waitFor();
    await assertCovered(page, 'plan', 'plan document');
    const withoutDocuments = await coverage(page, '/kizuki-checklist.css');
    assert.ok(withoutDocuments.missing.some((selector) => selector.includes('.kizuki-doc')), withoutDocuments.missing.join('\n'));
    assert.deepEqual(problems, []);
    await context.close();
  });

  test("the stress self-check's start, a question and the result use only rules of kizuki-questionnaire.css", async () => {
    const { page, problems, context } = await openPage(browser, `${server.origin}/app.html?kit=questionnaire`);
    await widgetTitle(page, HOST);
    await assertCovered(page, 'questionnaire', 'questionnaire start');
    await page.locator(`${HOST} label[for$="respondent-sex-male"]`).click();
    await page.locator(`${HOST} [data-testid="start-button"]`).click();
    await page.locator(`${HOST} [data-testid="item"]`).waitFor();
    await assertCovered(page, 'questionnaire', 'questionnaire question');
    // One person's whole answers (the record a finished self-check saves) open on the result.
    const record = JSON.parse(stressExports(1)[0].text);
    delete record.state.data.group;
    await seedAndReload(page, `kizuki/${record.pack_id}/${record.pack_id}`, record);
    await page.locator(`${HOST} [data-testid="result"]`).waitFor();
    await assertCovered(page, 'questionnaire', 'questionnaire result');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test("the aggregation page's stress, checklist and course figures use only rules of kizuki-aggregate.css, and the my-data page only kizuki-mydata.css's", async () => {
    const { page, problems, context } = await openPage(browser, `${server.origin}/aggregate.html?pack=bjsq-57`);
    await page.locator(`${HOST} input[type="file"]`).first().waitFor({ state: 'attached', timeout: 30_000 });
    await assertCovered(page, 'aggregate', 'aggregation start');
    const paths = stressExports(12).map((file) => {
      const path = join(scratch, file.name);
      writeFileSync(path, file.text);
      return path;
    });
    await page.locator(`${HOST} input[type="file"]`).first().setInputFiles(paths);
    await page.locator(`${HOST} [data-testid="stress-groups"]`).waitFor({ timeout: 30_000 });
    // The 判定図 is drawn by the questionnaire's view (groups.rs), styled by its block.
    const figures = await assertCovered(page, 'aggregate', 'stress group analysis');
    assert.ok(figures.used > 0);
    const withoutQuestionnaire = await coverage(page, '/kizuki-checklist.css');
    assert.ok(withoutQuestionnaire.missing.some((selector) => selector.includes('.kizuki-qn-')), withoutQuestionnaire.missing.join('\n'));
    // The checklist's and the course's figures, drawn by their own aggregate views.
    const write = (name, record) => {
      const path = join(scratch, name);
      writeFileSync(path, JSON.stringify(record));
      return path;
    };
    for (const [kit, query, make] of [
      ['checklist', '', completeChecklistRecord],
      ['course', '?pack=linecare', completedCourseRecord],
    ]) {
      const ready = '.kizuki-tools-report';
      const pack = readPack(kit);
      const paths = Array.from({ length: 12 }, (_, n) =>
        write(`${kit}-${n + 1}.json`, { ...make(pack), saved_at: `2026-11-${String(n + 1).padStart(2, '0')}T09:00:00.000Z`, revision: n + 1 }),
      );
      await page.goto(`${server.origin}/aggregate.html${query}`);
      await page.locator(`${HOST} input[type="file"]`).first().waitFor({ state: 'attached', timeout: 30_000 });
      await page.locator(`${HOST} input[type="file"]`).first().setInputFiles(paths);
      await page.locator(`${HOST} ${ready}`).waitFor({ timeout: 30_000 });
      assert.match(await page.locator(`${HOST} ${ready} h3`).first().textContent(), /有効なファイル 12 件/);
      await assertCovered(page, 'aggregate', `${kit} figures`);
    }
    // The "my data" page with one record to list.
    const pack = readPack('checklist');
    await page.evaluate(([key, text]) => localStorage.setItem(key, text), [`kizuki/${pack.id}/${pack.id}`, JSON.stringify(completeChecklistRecord(pack))]);
    await page.goto(`${server.origin}/mydata.html`);
    await page.locator(`${HOST} .kizuki-tools-record`).first().waitFor({ timeout: 30_000 });
    await assertCovered(page, 'mydata', 'my data');
    assert.deepEqual(problems, []);
    await context.close();
  });
});
