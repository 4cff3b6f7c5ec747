// The line-care course (app.html?kit=course) as a learner uses it: a module completed with the
// keyboard alone, a failed quiz passed on retake, resume after a reload, the certificate's print
// view with the typed name, and export → erase → import giving the same state back.

import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { completedCourseRecord, launchBrowser, onScreen, openPage, readPack, rightAnswer, scrollToBottom, startServer, storageTurnedOff, widgetTitle } from './helpers.mjs';

const RECORD_KEY = 'kizuki/linecare/linecare';
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const HOST = 'kizuki-kit';

/** The deepest focused element, through shadow roots. */
async function focused(page) {
  return page.evaluate(() => {
    let element = document.activeElement;
    while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
    if (!element) return null;
    return {
      tag: element.tagName.toLowerCase(),
      type: element.getAttribute('type'),
      name: element.getAttribute('name'),
      value: element.getAttribute('value'),
      id: element.id,
      text: element.textContent.trim(),
      className: element.className,
      checked: element.checked ?? null,
    };
  });
}

/** Presses Tab until the focused element matches, failing after `max` presses. */
async function tabTo(page, matches, what, max = 120) {
  for (let i = 0; i < max; i += 1) {
    await page.keyboard.press('Tab');
    const element = await focused(page);
    if (element && matches(element)) return element;
  }
  throw new Error(`Tab never reached ${what}`);
}

const buttonNamed = (text) => (e) => e.tag === 'button' && e.text === text;

/** The text of the focused element, which should be a screen heading. */
async function focusedHeadingText(page) {
  return (await focused(page))?.text;
}

function stepHeading(page) {
  return page.locator(`${HOST} .kizuki-course-step-heading`);
}

async function storedRecord(page) {
  const text = await page.evaluate((key) => localStorage.getItem(key), RECORD_KEY);
  return text ? JSON.parse(text) : null;
}

/** The questions of a module's quiz as drawn now (from the saved record), each with its
 * options in the order shown. */
async function shownQuestions(page, module) {
  const record = await storedRecord(page);
  const shown = record.state.data.modules[module.id].quiz_shown;
  assert.ok(shown?.length, `a draw is saved for ${module.id}`);
  return shown.map((item) => {
    const question = module.quiz.questions.find((q) => q.id === item.question);
    return { ...question, options: item.options.map((id) => question.options.find((o) => o.id === id)) };
  });
}

/** The option ids of each question as the page shows them, in order. */
async function optionOrder(page) {
  return page.locator(`${HOST} .kizuki-course-question`).evaluateAll((sets) =>
    sets.map((set) => [...set.querySelectorAll('input')].map((input) => input.value)).filter((ids) => ids.length));
}

/** A wrong answer to a question. */
function wrongAnswer(question) {
  return [question.options.find((o) => !o.correct).id];
}

/** WCAG 2.1 A/AA violations on the page as it is now (axe looks into open shadow roots). */
async function axeViolations(page) {
  // Evaluated through the DevTools protocol, so the page's CSP does not apply to axe.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const result = await window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return result.violations.map((v) => ({ rule: v.id, help: v.help, targets: v.nodes.slice(0, 5).map((n) => n.target.join(' > ')) }));
  });
}

async function openCourse(browser, server, options) {
  const opened = await openPage(browser, `${server.origin}/app.html?kit=course`, options);
  await widgetTitle(opened.page, HOST);
  return opened;
}

describe('line-care course', () => {
  let server;
  let browser;
  let pack;
  before(async () => {
    server = await startServer();
    browser = await launchBrowser();
    pack = readPack('course');
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('a module can be completed with the keyboard alone', async () => {
    const { page, problems, context } = await openCourse(browser, server);
    const module = pack.kit.modules[0];

    await tabTo(page, buttonNamed('最初の単元から始める'), 'the start button');
    await page.keyboard.press('Enter');

    // Lessons: one per screen; "読みました" marks each read and moves on.
    for (const lesson of module.lessons) {
      await stepHeading(page).filter({ hasText: lesson.title.ja }).waitFor();
      const heading = await focused(page);
      assert.equal(heading.text, lesson.title.ja, 'focus moves to the new lesson heading');
      await tabTo(page, buttonNamed('読みました'), `読みました on ${lesson.id}`);
      await page.keyboard.press('Enter');
    }

    // The scenario: choose, read the feedback, continue, until an ending.
    const scenario = module.scenarios[0];
    await stepHeading(page).filter({ hasText: scenario.title.ja }).waitFor();
    for (let guard = 0; guard < 10; guard += 1) {
      if (await page.locator(`${HOST} .kizuki-course-summary-box`).count()) break;
      await tabTo(page, (e) => e.tag === 'button' && e.className.includes('kizuki-course-choice'), 'a choice');
      await page.keyboard.press('Enter');
      const feedback = page.locator(`${HOST} .kizuki-course-choice-feedback`);
      await feedback.waitFor();
      assert.match(await feedback.textContent(), /良い対応|一部よい|望ましくない/);
      await tabTo(page, buttonNamed('続ける'), 'continue');
      await page.keyboard.press('Enter');
    }
    const summary = page.locator(`${HOST} .kizuki-course-summary-box`);
    assert.match(await summary.textContent(), /良い対応 \d+・一部よい \d+・望ましくない \d+/);
    await tabTo(page, buttonNamed('次へ'), 'next after the scenario');
    await page.keyboard.press('Enter');

    // The quiz: radios with arrows and Space, checkboxes with Space; check each answer.
    await stepHeading(page).filter({ hasText: '確認テスト' }).waitFor();
    // The questions and options in the order drawn (and shown).
    for (const question of await shownQuestions(page, module)) {
      const right = rightAnswer(question);
      const name = `kizuki-linecare-course-q-${question.id}`;
      const first = await tabTo(page, (e) => e.tag === 'input' && e.name === name, `the options of ${question.id}`);
      if (question.kind === 'single') {
        const target = question.options.findIndex((o) => o.id === right[0]);
        const start = question.options.findIndex((o) => o.id === first.value);
        if (target === start) await page.keyboard.press('Space');
        for (let i = start; i < target; i += 1) await page.keyboard.press('ArrowDown');
        assert.equal((await focused(page)).value, right[0]);
      } else {
        for (let i = 0; i < question.options.length; i += 1) {
          const element = i === 0 ? first : await focused(page);
          if (right.includes(element.value)) await page.keyboard.press('Space');
          if (i < question.options.length - 1) await page.keyboard.press('Tab');
        }
      }
      await tabTo(page, buttonNamed('答えを確認'), `check ${question.id}`);
      await page.keyboard.press('Enter');
      const review = page.locator(`[id="kizuki-linecare-course-review-${question.id}"]`);
      await review.waitFor();
      assert.match(await review.textContent(), /○ 正解/);
      assert.match(await review.textContent(), /出典/);
    }
    await tabTo(page, buttonNamed('採点する'), 'submit');
    await page.keyboard.press('Enter');
    const total = module.quiz.questions.length;
    const result = page.locator(`${HOST} .kizuki-course-result-live`);
    await result.filter({ hasText: `${total}問中 ${total}問正解（100%）` }).waitFor();
    assert.match(await result.textContent(), /合格です/);

    // The closing survey: two radio groups.
    await tabTo(page, buttonNamed('アンケートへ進む'), 'to the survey');
    await page.keyboard.press('Enter');
    await stepHeading(page).filter({ hasText: 'アンケート' }).waitFor();
    for (const question of pack.kit.feedback_questions) {
      const name = `kizuki-linecare-course-fb-${module.id}-${question.id}`;
      await tabTo(page, (e) => e.tag === 'input' && e.name === name, `survey ${question.id}`);
      await page.keyboard.press('Space');
    }
    await page.locator(`${HOST} .kizuki-course-feedback .kizuki-course-status`, { hasText: 'ありがとう' }).waitFor();
    await tabTo(page, buttonNamed('単元一覧へ'), 'back to the map');
    await page.keyboard.press('Enter');

    const card = page.locator(`${HOST} .kizuki-course-module-card`).first();
    await card.locator('.kizuki-badge', { hasText: '修了' }).waitFor();
    assert.match(await card.textContent(), /進み具合 100%/);
    assert.match(await card.textContent(), /最高点 100%/);
    const record = await storedRecord(page);
    const saved = record.state.data.modules[module.id];
    assert.equal(saved.lessons_read.length, module.lessons.length);
    assert.equal(saved.attempts.length, 1);
    assert.match(saved.attempts[0].at, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/, 'the moment submitted, in UTC');
    assert.equal(saved.attempts[0].shown.length, module.quiz.questions.length, 'what was shown is kept');
    assert.deepEqual(Object.keys(saved.feedback).sort(), ['understanding', 'usefulness']);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('a failed quiz can be retaken and passed', async () => {
    const { page, problems, context } = await openCourse(browser, server);
    const module = pack.kit.modules[0];
    await page.locator(`${HOST} button`, { hasText: '最初の単元から始める' }).click();
    await page.locator(`${HOST} .kizuki-course-step`, { hasText: '確認テスト' }).click();
    await stepHeading(page).filter({ hasText: '確認テスト' }).waitFor();

    const answer = async (choose) => {
      for (const question of await shownQuestions(page, module)) {
        for (const option of choose(question)) {
          await page.locator(`[id="kizuki-linecare-course-q-${question.id}-${option}"]`).check();
        }
      }
      await page.locator(`${HOST} button`, { hasText: '採点する' }).click();
    };

    // Submitting with questions left is refused with a message.
    await page.locator(`${HOST} button`, { hasText: '採点する' }).click();
    await page.locator(`${HOST} [role="alert"]`, { hasText: 'まだ答えていない問題' }).waitFor();

    const firstOrder = await optionOrder(page);
    assert.equal(firstOrder.length, module.quiz.questions.length);
    await answer(wrongAnswer);
    const result = page.locator(`${HOST} .kizuki-course-result-live`);
    await result.filter({ hasText: '0問正解（0%）' }).waitFor();
    assert.match(await result.textContent(), /合格点（80%）に届きませんでした/);
    assert.ok(await page.locator(`${HOST} .kizuki-course-review`).count() >= module.quiz.questions.length);

    await page.locator(`${HOST} button`, { hasText: 'もう一度受ける' }).click();
    await page.locator(`${HOST} .kizuki-course-question input`).first().waitFor();
    assert.equal(await page.locator(`${HOST} .kizuki-course-question input:checked`).count(), 0);
    // A retake shows every question's options in a new order.
    const retakeOrder = await optionOrder(page);
    assert.equal(retakeOrder.length, firstOrder.length);
    const byQuestion = (orders) => new Map(orders.map((ids) => [[...ids].sort().join(), ids.join()]));
    const before = byQuestion(firstOrder);
    for (const [key, order] of byQuestion(retakeOrder)) assert.notEqual(order, before.get(key), `options of ${key} reordered`);
    await answer(rightAnswer);
    await result.filter({ hasText: '（100%）' }).waitFor();
    assert.match(await result.textContent(), /合格です/);
    assert.match(await page.locator(`${HOST} .kizuki-course-result-live ~ p`).first().textContent(), /受験回数: 2回/);

    const record = await storedRecord(page);
    const attempts = record.state.data.modules[module.id].attempts;
    assert.deepEqual(attempts.map((a) => [a.percent, a.passed]), [[0, false], [100, true]]);
    await page.locator(`${HOST} .kizuki-course-back`).click();
    const card = page.locator(`${HOST} .kizuki-course-module-card`).first();
    assert.match(await card.textContent(), /テスト合格/);
    assert.match(await card.textContent(), /最高点 100%/);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('after a reload the learner resumes where they left off, a checked answer still fixed', async () => {
    const { page, problems, context } = await openCourse(browser, server);
    const module = pack.kit.modules[1];
    // Open the second module from the map, read its first lesson, go on to the quiz and answer one question.
    await page.locator(`${HOST} #kizuki-linecare-course-open-${module.id}`).click();
    await stepHeading(page).filter({ hasText: module.lessons[0].title.ja }).waitFor();
    await page.locator(`${HOST} button`, { hasText: '読みました' }).click();
    await stepHeading(page).filter({ hasText: module.lessons[1].title.ja }).waitFor();
    await page.locator(`${HOST} .kizuki-course-step`, { hasText: '確認テスト' }).click();
    await stepHeading(page).filter({ hasText: '確認テスト' }).waitFor();
    // This module asks 6 of its 8 questions: the first one drawn.
    assert.equal(module.quiz.questions_per_attempt, 6);
    const drawn = await shownQuestions(page, module);
    assert.equal(drawn.length, 6);
    assert.equal(await page.locator(`${HOST} .kizuki-course-question`).count(), 6);
    const question = drawn[0];
    const option = rightAnswer(question)[0];
    await page.locator(`[id="kizuki-linecare-course-q-${question.id}-${option}"]`).check();
    await page.locator(`${HOST} .kizuki-course-check`).first().click();
    await page.locator(`[id="kizuki-linecare-course-review-${question.id}"]`).waitFor();
    assert.deepEqual((await storedRecord(page)).state.data.modules[module.id].quiz_checked, [question.id]);

    await page.reload();
    await widgetTitle(page, HOST);
    const where = page.locator(`${HOST} .kizuki-course-resume-where`);
    assert.match(await where.textContent(), new RegExp(module.title.ja));
    assert.match(await where.textContent(), /確認テスト/);
    await page.locator(`${HOST} button`, { hasText: '続きから' }).click();
    await stepHeading(page).filter({ hasText: '確認テスト' }).waitFor();
    assert.equal(await page.locator(`[id="kizuki-linecare-course-q-${question.id}-${option}"]`).isChecked(), true);
    // The checked answer stays checked: its review shows and its options stay locked.
    await page.locator(`[id="kizuki-linecare-course-review-${question.id}"]`).waitFor();
    assert.equal(await page.locator(`[id="kizuki-linecare-course-q-${question.id}-${option}"]`).isDisabled(), true);
    const lessonStep = page.locator(`${HOST} .kizuki-course-step`).first();
    assert.match(await lessonStep.textContent(), /済/);
    assert.match(await page.locator(`${HOST} .kizuki-course-status`).first().textContent(), /レッスン 1\/3/);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('the certificate prints with the typed name', async () => {
    const { page, problems, context } = await openCourse(browser, server);
    await page.evaluate(([key, value]) => localStorage.setItem(key, value), [RECORD_KEY, JSON.stringify(completedCourseRecord(pack))]);
    await page.reload();
    await widgetTitle(page, HOST);
    assert.match(await page.locator(`${HOST} .kizuki-course-overall`).textContent(), /100%/);
    await page.locator(`${HOST} button`, { hasText: '修了証を表示する' }).click();
    const name = page.locator('[id="kizuki-linecare-course-learner-name"]');
    await name.fill('山田 花子');
    await name.press('Tab');
    const certificate = page.locator(`${HOST} .kizuki-course-certificate`);
    await certificate.locator('.kizuki-course-certificate-name', { hasText: '山田 花子' }).waitFor();
    assert.equal((await storedRecord(page)).state.data.learner_name, '山田 花子');

    await page.emulateMedia({ media: 'print' });
    assert.equal(await certificate.isVisible(), true);
    const printed = await certificate.textContent();
    assert.match(printed, /修了証/);
    assert.match(printed, /山田 花子/);
    assert.match(printed, /2026年11月20日/);
    for (const module of pack.kit.modules) assert.ok(printed.includes(module.title.ja), module.id);
    assert.equal(await page.locator(`${HOST} .kizuki-course-certificate-screen > .kizuki-no-print`).isVisible(), false);
    assert.equal(await page.locator(`${HOST} .kizuki-header`).isVisible(), false);
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    assert.ok(pdf.length > 1000);
    await page.emulateMedia({ media: 'screen' });

    // The same completion as xAPI statements: one per module and one for the course.
    await page.locator(`${HOST} .kizuki-course-back`).click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator(`${HOST} button`, { hasText: 'xAPI 形式で書き出す' }).click(),
    ]);
    assert.match(download.suggestedFilename(), /^linecare-xapi-\d{4}-\d{2}-\d{2}\.json$/);
    const file = join(mkdtempSync(join(tmpdir(), 'kizuki-xapi-')), 'statements.json');
    await download.saveAs(file);
    const statements = JSON.parse(readFileSync(file, 'utf8'));
    assert.equal(statements.length, pack.kit.modules.length + 1);
    const learnerId = (await storedRecord(page)).state.data.learner_id;
    assert.match(learnerId, /^[0-9a-f]{32}$/, 'an opaque id is made for the record');
    for (const statement of statements) {
      assert.equal(statement.actor.name, '山田 花子');
      assert.equal(statement.actor.account.name, learnerId, 'the account is the opaque id, not the typed name');
      assert.equal(statement.verb.id, 'http://adlnet.gov/expapi/verbs/completed');
      assert.equal(statement.result.success, true);
    }
    assert.equal(statements.at(-1).object.id, `${server.origin}/linecare`);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('export, erase and import give the same state back; bad files are refused', async () => {
    const { page, problems, context } = await openCourse(browser, server);
    const module = pack.kit.modules[0];
    await page.locator(`${HOST} button`, { hasText: '最初の単元から始める' }).click();
    await page.locator(`${HOST} button`, { hasText: '読みました' }).click();
    await page.locator(`${HOST} .kizuki-course-step`, { hasText: '確認テスト' }).click();
    const question = module.quiz.questions[0];
    await page.locator(`[id="kizuki-linecare-course-q-${question.id}-${wrongAnswer(question)[0]}"]`).check();
    await page.locator(`${HOST} .kizuki-course-back`).click();
    const before = (await storedRecord(page)).state;
    await page.locator(`${HOST} button`, { hasText: 'xAPI 形式で書き出す' }).click();
    await page.locator(`${HOST} .kizuki-notice--error`, { hasText: '氏名が必要です' }).waitFor();

    const dir = mkdtempSync(join(tmpdir(), 'kizuki-course-'));
    const exportFile = async () => {
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.locator(`${HOST} button`, { hasText: '記録を書き出す' }).click(),
      ]);
      assert.match(download.suggestedFilename(), /^linecare-\d{4}-\d{2}-\d{2}\.json$/);
      const file = join(dir, `${Date.now()}.json`);
      await download.saveAs(file);
      return file;
    };
    const exported = await exportFile();
    const envelope = JSON.parse(readFileSync(exported, 'utf8'));
    assert.equal(envelope.pack_id, 'linecare');
    assert.deepEqual(envelope.state, before);

    await page.locator(`${HOST} button`, { hasText: '記録を消去する' }).click();
    await page.locator(`${HOST} [role="alertdialog"]`).waitFor();
    await page.locator(`${HOST} [role="alertdialog"] button`, { hasText: '消去する' }).click();
    await page.locator(`${HOST} .kizuki-notice`, { hasText: '記録を消去しました' }).waitFor();
    assert.equal(await storedRecord(page), null);
    assert.equal(await page.locator(`${HOST} button`, { hasText: '続きから' }).count(), 0);

    const input = page.locator('[id="kizuki-linecare-course-import"]');
    const notJson = join(dir, 'notes.json');
    writeFileSync(notJson, 'these are not JSON');
    await input.setInputFiles(notJson);
    await page.locator(`${HOST} .kizuki-notice--error`, { hasText: 'JSON形式のファイルではありません' }).waitFor();
    const otherKit = join(dir, 'other.json');
    writeFileSync(otherKit, JSON.stringify({ ...envelope, pack_id: 'mh-checklist' }));
    await input.setInputFiles(otherKit);
    await page.locator(`${HOST} .kizuki-notice--error`, { hasText: '別のキットの記録ファイル' }).waitFor();
    assert.equal(await storedRecord(page), null, 'a refused file changes nothing');

    await input.setInputFiles(exported);
    await page.locator(`${HOST} .kizuki-notice`, { hasText: '記録を読み込みました' }).waitFor();
    assert.deepEqual((await storedRecord(page)).state, before);
    const again = JSON.parse(readFileSync(await exportFile(), 'utf8'));
    assert.deepEqual(again.state, envelope.state);
    await page.locator(`${HOST} button`, { hasText: '続きから' }).click();
    await stepHeading(page).filter({ hasText: '確認テスト' }).waitFor();

    // With more done since, importing the earlier file asks first; "undo import" puts it back.
    const more = structuredClone(envelope);
    more.saved_at = '2099-01-01T00:00:00.000Z';
    more.state.data.modules[module.id].lessons_read = module.lessons.map((l) => l.id).sort();
    const moreText = JSON.stringify(more);
    await page.evaluate(([key, text]) => localStorage.setItem(key, text), [RECORD_KEY, moreText]);
    await page.reload();
    await page.locator(`${HOST} .kizuki-title`).waitFor();
    await input.setInputFiles(exported);
    const dialog = page.locator(`${HOST} [data-testid="import-confirm"]`);
    await dialog.waitFor();
    assert.equal(await dialog.getAttribute('data-newer'), 'saved');
    assert.equal(await dialog.evaluate((el) => el.getRootNode().activeElement === el), true, 'focus moves to the question');
    assert.deepEqual((await storedRecord(page)).state, more.state, 'nothing changes while asking');
    await dialog.locator('[data-testid="import-replace"]').click();
    await page.locator(`${HOST} .kizuki-notice`, { hasText: '記録を読み込みました' }).waitFor();
    assert.deepEqual((await storedRecord(page)).state, envelope.state);
    assert.equal(await page.evaluate((key) => localStorage.getItem(`${key}/before-import`), RECORD_KEY), moreText);
    await page.locator(`${HOST} [data-testid="undo-import"]`).click();
    await page.locator(`${HOST} .kizuki-notice`, { hasText: '取り込む前の内容に戻しました' }).waitFor();
    assert.deepEqual((await storedRecord(page)).state, more.state, 'undo import restores the later work');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('with storage turned off the course says progress cannot be kept, and the notice can be put away', async () => {
    const context = await browser.newContext({ locale: 'ja-JP', viewport: { width: 390, height: 844 } });
    await storageTurnedOff(context);
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${server.origin}/app.html?kit=course`);
    await widgetTitle(page, HOST);
    const notice = page.locator(`${HOST} [data-notice="storage"]`);
    await notice.waitFor();
    assert.match(await notice.textContent(), /保存できません/);
    // It stays in sight down the page (nothing the learner does is kept), until put away.
    assert.ok((await scrollToBottom(page)) > 300, 'scrolled down the course map');
    assert.ok(await onScreen(page, notice), 'the notice is on screen, down the page');
    await notice.locator('[data-testid="dismiss"]').click();
    await notice.waitFor({ state: 'detached' });
    await page.locator(`${HOST} button`, { hasText: '最初の単元から始める' }).click();
    await page.locator(`${HOST} button`, { hasText: '読みました' }).waitFor();
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('newer in another tab: the course open in a second tab says so and loads the newer progress on request', async () => {
    const { page, problems, context } = await openCourse(browser, server);
    const older = await context.newPage();
    await older.goto(`${server.origin}/app.html?kit=course`);
    await widgetTitle(older, HOST);
    const module = pack.kit.modules[0];
    // The older tab's reader is down the course map, below the top of the kit where notices show.
    assert.ok((await scrollToBottom(older)) > 300, 'the older tab is scrolled down');
    await page.locator(`${HOST} button`, { hasText: '最初の単元から始める' }).click();
    await page.locator(`${HOST} button`, { hasText: '読みました' }).click();
    const reload = older.locator(`${HOST} [data-testid="other-tab-reload"]`);
    await reload.waitFor();
    const notice = older.locator(`${HOST} [data-notice="other-tab"]`);
    assert.match(await notice.textContent(), /別のタブ/);
    assert.equal(await notice.evaluate((el) => el.closest('[aria-live]') !== null), true, 'in a live region: read out');
    assert.ok(await onScreen(older, notice), 'the notice is on screen, down the page');
    assert.equal(await notice.locator('[data-testid="dismiss"]').count(), 1, 'the notice can be put away');
    assert.equal(await older.locator(`${HOST} .kizuki-notice [data-testid="other-tab-reload"]`).count(), 1, 'the button is in the notice it belongs to');
    assert.equal(await older.locator(`${HOST} button`, { hasText: '続きから' }).count(), 0, 'unchanged until asked');
    await reload.click();
    await older.locator(`${HOST} button`, { hasText: '続きから' }).waitFor();
    assert.equal(await reload.count(), 0);
    assert.deepEqual((await storedRecord(older)).state.data.modules[module.id].lessons_read, [module.lessons[0].id]);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('every kind of course screen passes an axe-core scan', async () => {
    const { page, problems, context } = await openCourse(browser, server);
    const module = pack.kit.modules[0];
    const scan = async (screen) => assert.deepEqual(await axeViolations(page), [], screen);
    await scan('map');
    await page.locator(`${HOST} button`, { hasText: '最初の単元から始める' }).click();
    await stepHeading(page).waitFor();
    await scan('lesson');
    await page.locator(`${HOST} .kizuki-course-step`, { hasText: 'ケーススタディ' }).click();
    await page.locator(`${HOST} .kizuki-course-choice`).first().click();
    await page.locator(`${HOST} .kizuki-course-choice-feedback`).waitFor();
    await scan('scenario feedback');
    await page.locator(`${HOST} .kizuki-course-step`, { hasText: '確認テスト' }).click();
    for (const question of module.quiz.questions.slice(0, 2)) {
      await page.locator(`[id="kizuki-linecare-course-q-${question.id}-${wrongAnswer(question)[0]}"]`).check();
      await page.locator(`${HOST} .kizuki-course-check`).first().click();
    }
    await scan('quiz with explanations');
    for (const question of module.quiz.questions.slice(2)) {
      await page.locator(`[id="kizuki-linecare-course-q-${question.id}-${wrongAnswer(question)[0]}"]`).check();
    }
    await page.locator(`${HOST} button`, { hasText: '採点する' }).click();
    await page.locator(`${HOST} .kizuki-course-score-line`).waitFor();
    await scan('quiz result');
    await page.locator(`${HOST} .kizuki-course-step`, { hasText: 'アンケート' }).click();
    await scan('survey');
    await page.locator(`${HOST} .kizuki-course-back`).click();
    await page.locator(`${HOST} button`, { hasText: '受講記録を表示する' }).click();
    await scan('record');
    // axe itself applies inline styles, which the page's CSP refuses and reports: not the kit's doing.
    assert.deepEqual(problems.filter((p) => !/inline style|style-src/.test(p)), []);
    await context.close();
  });
  test('the end-of-course screen appears after the last module; the map no longer offers to resume', async () => {
    const { page, problems, context } = await openCourse(browser, server);
    const last = pack.kit.modules.at(-1);
    const first = pack.kit.modules[0];
    const record = completedCourseRecord(pack);
    record.state.data.modules[last.id].attempts = [];
    record.state.data.modules[last.id].feedback = {};
    record.state.data.modules[first.id].feedback = {};
    await page.evaluate(([key, value]) => localStorage.setItem(key, value), [RECORD_KEY, JSON.stringify(record)]);
    await page.reload();
    await widgetTitle(page, HOST);
    assert.equal(await page.locator(`${HOST} button`, { hasText: '修了の画面を見る' }).count(), 0, 'not complete yet');

    await page.locator(`${HOST} #kizuki-linecare-course-open-${last.id}`).click();
    await stepHeading(page).filter({ hasText: '確認テスト' }).waitFor();
    for (const question of await shownQuestions(page, last)) {
      for (const option of rightAnswer(question)) {
        await page.locator(`[id="kizuki-linecare-course-q-${question.id}-${option}"]`).check();
      }
    }
    await page.locator(`${HOST} button`, { hasText: '採点する' }).click();
    await page.locator(`${HOST} .kizuki-course-result-live`, { hasText: '合格です' }).waitFor();
    await page.locator(`${HOST} button`, { hasText: 'アンケートへ進む' }).click();
    for (const question of pack.kit.feedback_questions) {
      await page.locator(`[name="kizuki-linecare-course-fb-${last.id}-${question.id}"]`).first().check();
    }
    await page.locator(`${HOST} button`, { hasText: '修了の画面へ' }).click();

    const done = page.locator(`${HOST} .kizuki-course-done`);
    await done.locator('h2', { hasText: '研修を修了しました' }).waitFor();
    assert.equal(await focusedHeadingText(page), '研修を修了しました', 'focus moves to the heading');
    assert.match(await done.textContent(), new RegExp(`全${pack.kit.modules.length}単元を修了しました`));
    assert.equal(await done.locator('tbody tr').count(), pack.kit.modules.length);
    assert.match(await done.textContent(), /次の一歩/);
    assert.deepEqual(await axeViolations(page), [], 'the end-of-course screen passes axe (WCAG 2.1 A/AA)');
    // The first module's closing questions were never answered: they are asked here.
    const ask = done.locator('.kizuki-course-done-feedback');
    assert.match(await ask.textContent(), new RegExp(first.title.ja));
    for (const question of pack.kit.feedback_questions) {
      // click, not check: the last answer removes the section, so its checked state cannot be read back.
      await ask.locator(`[name="kizuki-linecare-course-fb-${first.id}-${question.id}"]`).first().click();
    }
    await ask.waitFor({ state: 'detached' });
    assert.deepEqual(Object.keys((await storedRecord(page)).state.data.modules[first.id].feedback).sort(), ['understanding', 'usefulness']);

    await done.locator('button', { hasText: '修了証を表示・印刷する' }).click();
    await page.locator(`${HOST} .kizuki-course-certificate-title`, { hasText: '修了証' }).waitFor();
    assert.deepEqual(await axeViolations(page), [], 'the certificate passes axe (WCAG 2.1 A/AA)');
    await page.locator(`${HOST} .kizuki-course-back`).click();
    await page.locator(`${HOST} button`, { hasText: '修了の画面を見る' }).waitFor();
    assert.equal(await page.locator(`${HOST} button`, { hasText: '続きから' }).count(), 0);
    assert.equal(await page.locator(`${HOST} button`, { hasText: '最初の単元から始める' }).count(), 0);
    // axe itself applies inline styles, which the page's CSP refuses and reports: not the kit's doing.
    assert.deepEqual(problems.filter((p) => !/inline style|style-src/.test(p)), []);
    await context.close();
  });

  test('after a scenario the recommended response is shown with why; rule updates are one line until opened', async () => {
    const { page, problems, context } = await openCourse(browser, server);
    const module = pack.kit.modules[0];
    const scenario = module.scenarios[0];
    const plain = (text) => text.replace(/\*\*/g, '');

    // Lesson 1 names two updated rules: one closed line, opened on demand.
    await page.locator(`${HOST} button`, { hasText: '最初の単元から始める' }).click();
    await stepHeading(page).filter({ hasText: module.lessons[0].title.ja }).waitFor();
    const updates = page.locator(`${HOST} details.kizuki-course-updates`);
    assert.equal(await updates.count(), 1);
    assert.equal(await updates.evaluate((el) => el.open), false);
    assert.match(await updates.locator('summary').textContent(), /現在のルール：出典の発行後に変わった点 2件/);
    const firstUpdate = pack.updates.find((u) => u.id === module.lessons[0].updates[0]);
    const updateText = updates.locator('.kizuki-course-update').first();
    assert.equal(await updateText.isVisible(), false);
    await updates.locator('summary').click();
    assert.equal(await updateText.isVisible(), true);
    assert.match(await updateText.textContent(), new RegExp(plain(firstUpdate.text.ja).slice(0, 20)));

    // Play the scenario choosing a choice that is not the good one wherever there is one.
    await page.locator(`${HOST} .kizuki-course-step`, { hasText: 'ケーススタディ' }).click();
    let node = scenario.nodes.find((n) => n.id === scenario.start);
    let madePoorChoice = false;
    while (node?.choices?.length) {
      const index = Math.max(0, node.choices.findIndex((c) => c.quality !== 'good'));
      madePoorChoice ||= node.choices[index].quality !== 'good';
      await page.locator(`${HOST} .kizuki-course-choice`).nth(index).click();
      await page.locator(`${HOST} button`, { hasText: '続ける' }).click();
      node = scenario.nodes.find((n) => n.id === node.choices[index].next);
    }
    assert.ok(madePoorChoice, 'the path holds a choice that is not recommended');
    const recommended = page.locator(`${HOST} .kizuki-course-recommended`);
    await recommended.waitFor();
    assert.match(await recommended.textContent(), /推奨される対応/);
    let step = scenario.nodes.find((n) => n.id === scenario.start);
    while (step?.choices?.length) {
      const good = step.choices.find((c) => c.quality === 'good');
      assert.ok((await recommended.textContent()).includes(plain(good.text.ja)), good.id);
      assert.ok((await recommended.textContent()).includes(plain(good.feedback.ja).slice(0, 30)), `why: ${good.id}`);
      step = scenario.nodes.find((n) => n.id === good.next);
    }

    // A quiz question that names no updated rule shows none in its review.
    await page.locator(`${HOST} .kizuki-course-step`, { hasText: '確認テスト' }).click();
    const plainQuestion = module.quiz.questions.find((q) => !q.updates?.length);
    await page.locator(`[id="kizuki-linecare-course-q-${plainQuestion.id}-${wrongAnswer(plainQuestion)[0]}"]`).check();
    await page.locator(`${HOST} .kizuki-course-check`).first().click();
    const review = page.locator(`[id="kizuki-linecare-course-review-${plainQuestion.id}"]`);
    await review.waitFor();
    assert.equal(await review.locator('.kizuki-course-updates').count(), 0);
    assert.deepEqual(problems, []);
    await context.close();
  });
  test('at 390 px the certificate and the end of the course show one module table whose scores and results never break', async () => {
    const { page, problems, context } = await openCourse(browser, server, { viewport: { width: 390, height: 844 } });
    await page.evaluate(([key, value]) => localStorage.setItem(key, value), [RECORD_KEY, JSON.stringify(completedCourseRecord(pack))]);
    await page.reload();
    await widgetTitle(page, HOST);
    /** Each score and last-column cell (headers too) with the number of lines it takes. */
    const cellLines = (table) => table.evaluate((element) =>
      [...element.querySelectorAll('.kizuki-course-table-score, .kizuki-course-table-last')].map((cell) => {
        const range = document.createRange();
        range.selectNodeContents(cell);
        const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.bottom)));
        return [cell.textContent.trim(), lines.size];
      }));
    const titles = (table) => table.locator('tbody th').allTextContents();

    await page.locator(`${HOST} button`, { hasText: '修了証を表示する' }).click();
    const sheet = page.locator(`${HOST} .kizuki-course-certificate`);
    const certificate = sheet.locator('.kizuki-course-table');
    await certificate.waitFor();
    assert.equal(await certificate.getAttribute('data-column'), 'result');
    const certificateCells = await cellLines(certificate);
    assert.equal(certificateCells.length, 2 * (pack.kit.modules.length + 1));
    assert.deepEqual(certificateCells.slice(0, 2), [['最高点', 1], ['結果', 1]]);
    for (const [text, lines] of certificateCells) assert.equal(lines, 1, `「${text}」 is on one line`);
    assert.ok(certificateCells.some(([text]) => text === '修了'));
    const fits = await sheet.evaluate((e) => e.scrollWidth <= e.clientWidth);
    assert.ok(fits, 'the table fits inside the certificate');
    const certificateTitles = await titles(certificate);
    assert.deepEqual(certificateTitles, pack.kit.modules.map((m) => m.title.ja));

    await page.locator(`${HOST} .kizuki-course-back`).click();
    await page.locator(`${HOST} button`, { hasText: '修了の画面を見る' }).click();
    const done = page.locator(`${HOST} .kizuki-course-done .kizuki-course-table`);
    await done.waitFor();
    assert.equal(await done.getAttribute('data-column'), 'attempts');
    const doneCells = await cellLines(done);
    assert.deepEqual(doneCells.slice(0, 2), [['最高点', 1], ['受験回数', 1]]);
    for (const [text, lines] of doneCells) assert.equal(lines, 1, `「${text}」 is on one line`);
    assert.deepEqual(await titles(done), certificateTitles, 'the same modules in the same table');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test("the certificate names the embedding center with its contacts and says it is self-declared", async () => {
    const { page, problems, context } = await openPage(browser, `${server.origin}/embed/`);
    const host = 'kizuki-kit[kit="course"]';
    await widgetTitle(page, host);
    await page.evaluate(([key, value]) => localStorage.setItem(key, value), ['kizuki/minato-linecare/linecare', JSON.stringify(completedCourseRecord(pack))]);
    await page.reload();
    await widgetTitle(page, host);
    await page.locator(`${host} button`, { hasText: 'See your completion' }).click();
    await page.locator(`${host} .kizuki-course-done h2`, { hasText: 'You have completed the course' }).waitFor();
    await page.locator(`${host} button`, { hasText: 'Show and print the certificate' }).click();
    const certificate = page.locator(`${host} .kizuki-course-certificate`);
    await certificate.waitFor();
    const text = await certificate.textContent();
    assert.match(text, /Issued by: Minato Occupational Health Support Center/);
    assert.match(text, /03-0000-0000/);
    assert.match(text, /Weekdays 9:00–17:00/);
    assert.match(text, /Self-declared record\..*Minato Occupational Health Support Center has not checked or certified/);
    await page.emulateMedia({ media: 'print' });
    assert.match(await certificate.textContent(), /Issued by: Minato/);
    await page.emulateMedia({ media: 'screen' });

    // The exported record names the center and says it is self-declared.
    await page.locator(`${host} .kizuki-course-back`).click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator(`${host} button`, { hasText: 'Export the record (JSON)' }).click(),
    ]);
    const saved = join(mkdtempSync(join(tmpdir(), 'kizuki-record-')), 'record.json');
    await download.saveAs(saved);
    const exported = JSON.parse(readFileSync(saved, 'utf8'));
    assert.deepEqual(exported.state.data.issuer, {
      name: 'Minato Occupational Health Support Center',
      phone: '03-0000-0000',
      self_declared: true,
    });

    // Without a center the certificate says that no issuer is named, and is still self-declared.
    const standalone = await openCourse(browser, server);
    await standalone.page.evaluate(([key, value]) => localStorage.setItem(key, value), [RECORD_KEY, JSON.stringify(completedCourseRecord(pack))]);
    await standalone.page.reload();
    await widgetTitle(standalone.page, HOST);
    await standalone.page.locator(`${HOST} button`, { hasText: '修了証を表示する' }).click();
    const plain = await standalone.page.locator(`${HOST} .kizuki-course-certificate`).textContent();
    assert.match(plain, /発行元: 記載なし/);
    assert.match(plain, /自己申告による記録です/);
    // No name typed (the seeded record has none): the paper will show 「（氏名）」, and the
    // screen says so beside Print; typing a name takes the note away.
    assert.equal((await standalone.page.locator(`${HOST} .kizuki-course-certificate-name`).textContent()).trim(), '（氏名）');
    assert.match(await standalone.page.locator(`${HOST} [data-testid="name-blank-note"]`).textContent(), /「（氏名）」と印刷されます/);
    await standalone.page.locator(`${HOST} [id$="learner-name"]`).fill('山田 花子');
    await standalone.page.locator(`${HOST} [data-testid="name-blank-note"]`).waitFor({ state: 'detached' });
    assert.deepEqual(standalone.problems, []);
    await standalone.context.close();
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('an edited file is questioned: the results it claims and what its answers give are shown first', async () => {
    const { page, problems, context } = await openCourse(browser, server);
    const forged = completedCourseRecord(pack);
    const module = pack.kit.modules[0];
    // Wrong answers, still claiming 100 % and a pass.
    forged.state.data.modules[module.id].attempts[0].answers = Object.fromEntries(
      module.quiz.questions.map((q) => [q.id, wrongAnswer(q)]),
    );
    const file = join(mkdtempSync(join(tmpdir(), 'kizuki-forged-')), 'forged.json');
    writeFileSync(file, JSON.stringify(forged));
    await page.locator('[id="kizuki-linecare-course-import"]').setInputFiles(file);
    const claims = page.locator(`${HOST} .kizuki-course-import-claims`);
    await claims.waitFor();
    assert.match(await claims.textContent(), /このファイルの結果は、記録された答えと合っていません/);
    assert.match(await claims.textContent(), new RegExp(`${module.title.ja}（2026年11月20日の受験）: ファイルでは 100%・合格 → 答えから計算すると 0%・不合格`));
    assert.equal(await claims.locator('li').count(), 1, 'only the changed attempt is listed');
    assert.equal(await storedRecord(page), null, 'nothing is stored while asking');
    await page.locator(`${HOST} button`, { hasText: '計算し直した結果で読み込む' }).click();
    await page.locator(`${HOST} .kizuki-notice`, { hasText: '記録を読み込みました' }).waitFor();
    const attempt = (await storedRecord(page)).state.data.modules[module.id].attempts[0];
    assert.deepEqual([attempt.percent, attempt.passed], [0, false]);
    assert.equal(await page.locator(`${HOST} button`, { hasText: '修了証を表示する' }).count(), 0, 'no certificate');
    assert.deepEqual(problems, []);
    await context.close();
  });
  test('active time on a module is counted while the page is visible and stops while the tab is hidden', async () => {
    const { page, problems, context } = await openCourse(browser, server);
    const module = pack.kit.modules[0];
    await page.locator(`${HOST} button`, { hasText: '最初の単元から始める' }).click();
    await stepHeading(page).filter({ hasText: module.lessons[0].title.ja }).waitFor();
    const seconds = async () => (await storedRecord(page))?.state.data.modules[module.id]?.active_seconds ?? 0;
    const until = async (check, what) => {
      for (let i = 0; i < 40; i += 1) {
        if (check(await seconds())) return;
        await page.waitForTimeout(500);
      }
      throw new Error(`never: ${what} (now ${await seconds()})`);
    };
    await until((s) => s >= 5, 'five active seconds counted');

    const setHidden = (hidden) => page.evaluate((value) => {
      Object.defineProperty(document, 'hidden', { configurable: true, get: () => value });
      Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => (value ? 'hidden' : 'visible') });
      document.dispatchEvent(new Event('visibilitychange'));
    }, hidden);
    await setHidden(true);
    await page.waitForTimeout(5500); // a tick that may have started before hiding
    const whileHidden = await seconds();
    await page.waitForTimeout(11000);
    assert.equal(await seconds(), whileHidden, 'no time is added while the tab is hidden');

    await setHidden(false);
    await until((s) => s > whileHidden, 'time counted again once visible');
    // The map and the certificate are not time on a module.
    await page.locator(`${HOST} .kizuki-course-back`).click();
    const onMap = await seconds();
    await page.waitForTimeout(6000);
    assert.equal(await seconds(), onMap);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('the follow-up is offered on a return three weeks after completion and stored with the record', async () => {
    const { page, problems, context } = await openCourse(browser, server);
    const daysAgo = (n) => {
      const d = new Date();
      d.setDate(d.getDate() - n);
      return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    };
    const completedDaysAgo = (n) => {
      const record = completedCourseRecord(pack);
      for (const module of Object.values(record.state.data.modules)) module.attempts[0].date = daysAgo(n);
      return JSON.stringify(record);
    };
    const card = page.locator(`${HOST} .kizuki-course-follow-up`);
    await page.evaluate(([key, value]) => localStorage.setItem(key, value), [RECORD_KEY, completedDaysAgo(10)]);
    await page.reload();
    await widgetTitle(page, HOST);
    await page.locator(`${HOST} button`, { hasText: '修了の画面を見る' }).waitFor();
    assert.equal(await card.count(), 0, 'not before three weeks');

    await page.evaluate(([key, value]) => localStorage.setItem(key, value), [RECORD_KEY, completedDaysAgo(30)]);
    await page.reload();
    await widgetTitle(page, HOST);
    await card.waitFor();
    assert.match(await card.textContent(), /この研修のあと、職場で具体的な改善をしましたか/);
    // "Later" is saved in the record: not asked again on the next visit, asked again a week on.
    await card.locator('button', { hasText: 'あとで' }).click();
    assert.equal(await card.count(), 0);
    assert.equal((await storedRecord(page)).state.data.follow_up_later, daysAgo(0));
    await page.reload();
    await widgetTitle(page, HOST);
    await page.locator(`${HOST} button`, { hasText: '修了の画面を見る' }).waitFor();
    assert.equal(await card.count(), 0, 'not asked again within the week');
    const postponed = JSON.parse(completedDaysAgo(30));
    postponed.state.data.follow_up_later = daysAgo(8);
    await page.evaluate(([key, value]) => localStorage.setItem(key, value), [RECORD_KEY, JSON.stringify(postponed)]);
    await page.reload();
    await widgetTitle(page, HOST);
    await card.waitFor();
    await card.locator('label', { hasText: 'はい、した' }).click();
    await card.locator('textarea').fill('部下と月1回の面談を始めた');
    await card.locator('button', { hasText: '答える' }).click();
    await page.locator(`${HOST} .kizuki-notice`, { hasText: '答えを記録に保存しました' }).waitFor();
    assert.equal(await card.count(), 0);
    const followUp = (await storedRecord(page)).state.data.follow_up;
    assert.deepEqual(followUp, { date: daysAgo(0), improved: true, improvement: '部下と月1回の面談を始めた' });
    await page.reload();
    await widgetTitle(page, HOST);
    await page.locator(`${HOST} button`, { hasText: '修了の画面を見る' }).waitFor();
    assert.equal(await card.count(), 0, 'answered once, not asked again');
    assert.deepEqual(problems, []);
    await context.close();
  });
});
