// The course in an LMS: the SCORM 1.2 package `kizuki package` makes, unpacked beside a fake
// LMS page whose window.API records every LMSInitialize / LMSGetValue / LMSSetValue /
// LMSCommit / LMSFinish call. A module run inside it reports completion, score, session time,
// the two ratings and the suspend data; a new launch with that suspend data (in a fresh
// browser profile) resumes from it; without an LMS the widget says so and saves locally.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { DIST, ROOT, completedCourseRecord, launchBrowser, openPage, readPack, rightAnswer, startServer, withPlainHost } from './helpers.mjs';

const HOST = '#kizuki-course';
const COURSE_IRI = 'https://center.example.jp/kizuki/linecare';

/** The fake LMS: SCORM 1.2's API object, its data seeded from the page's #fragment (JSON). */
const FAKE_API = `
const seed = JSON.parse(decodeURIComponent(location.hash.slice(1) || '%7B%7D'));
const data = {
  'cmi.core.student_id': 'u-1001',
  'cmi.core.student_name': 'Yamada, Hanako',
  'cmi.core.lesson_status': 'not attempted',
  'cmi.suspend_data': '',
  'cmi.interactions._count': '0',
  ...seed,
};
let state = 'new';
window.lmsCalls = [];
window.lmsData = data;
window.API = {
  LMSInitialize(arg) { lmsCalls.push(['LMSInitialize', arg]); if (state !== 'new') return 'false'; state = 'running'; return 'true'; },
  LMSGetValue(key) { lmsCalls.push(['LMSGetValue', key]); return data[key] ?? ''; },
  LMSSetValue(key, value) {
    lmsCalls.push(['LMSSetValue', key, String(value)]);
    if (state !== 'running') return 'false';
    if (key === 'cmi.suspend_data' && String(value).length > 4096) return 'false';
    data[key] = String(value);
    return 'true';
  },
  LMSCommit(arg) { lmsCalls.push(['LMSCommit', arg]); return state === 'running' ? 'true' : 'false'; },
  LMSFinish(arg) { lmsCalls.push(['LMSFinish', arg]); if (state !== 'running') return 'false'; state = 'finished'; return 'true'; },
  LMSGetLastError() { return '0'; },
  LMSGetErrorString() { return ''; },
  LMSGetDiagnostic() { return ''; },
};
`;

const FAKE_LMS_PAGE = `<!doctype html>
<html lang="ja"><head><meta charset="utf-8"><title>Fake LMS</title><link rel="icon" href="data:,"><script src="lms-api.js"></script></head>
<body><iframe id="sco" title="course" src="course/index.html" width="1200" height="860"></iframe></body></html>
`;

/** A record (export envelope) with every module complete but the last, claiming no scores. */
function allButLastModule(pack) {
  return completedCourseRecord(pack, { count: pack.kit.modules.length - 1, claimed: false });
}

/**
 * A fake cmi5 LMS on the page's origin (the served CSP allows only it), in `context`: the
 * fetch URL gives a token, `LMS.LaunchData` is `launchData`, the course's own state document
 * is `record` (a Cmi5Record object; 404 when null), statements and state writes are
 * recorded, and `/lms/return` is a page to come back to. Returns the launch URL's query
 * and what was recorded.
 */
async function fakeCmi5(context, origin, { launchData, record }) {
  const seen = { tokens: 0, statements: [], states: [], auth: [] };
  await context.route(`${origin}/lms/**`, async (route) => {
    const request = route.request();
    const url = new URL(request.url());
    if (url.pathname === '/lms/fetch') {
      seen.tokens += 1;
      return route.fulfill({ json: { 'auth-token': 'dG9rZW4=' } });
    }
    if (url.pathname === '/lms/return') {
      return route.fulfill({ contentType: 'text/html', body: '<!doctype html><html lang="ja"><title>LMS</title><h1>LMS</h1></html>' });
    }
    seen.auth.push(request.headers().authorization);
    if (url.pathname === '/lms/xapi/statements' && request.method() === 'POST') {
      seen.statements.push(...JSON.parse(request.postData()));
      return route.fulfill({ json: [] });
    }
    if (url.pathname === '/lms/xapi/activities/state') {
      const stateId = url.searchParams.get('stateId');
      if (request.method() === 'GET' && stateId === 'LMS.LaunchData') return route.fulfill({ json: launchData });
      if (request.method() === 'GET' && record && stateId.includes('kizuki')) return route.fulfill({ json: record });
      if (request.method() === 'GET') return route.fulfill({ status: 404, body: '' });
      seen.states.push({ stateId, registration: url.searchParams.get('registration'), body: JSON.parse(request.postData()) });
      return route.fulfill({ status: 204, body: '' });
    }
    return route.fulfill({ status: 404, body: '' });
  });
  const query = new URLSearchParams({
    endpoint: `${origin}/lms/xapi/`,
    fetch: `${origin}/lms/fetch`,
    actor: JSON.stringify({ objectType: 'Agent', account: { homePage: 'https://lms.example', name: 'u-3003' } }),
    registration: '8d3c2b1a-0000-4000-8000-00000000ef01',
    activityId: `${COURSE_IRI}/au`,
  });
  return { query, seen };
}

const verbsOf = (statements) => statements.map((s) => s.verb.id.split('/').at(-1));

/** Runs `args` of a binary of the CLI crate, building it first if needed. */
function kizuki(args) {
  const binary = join(ROOT, 'target/debug/kizuki');
  if (!existsSync(binary)) {
    const build = spawnSync('cargo', ['build', '--quiet', '-p', 'kizuki-cli', '--bin', 'kizuki'], { cwd: ROOT, stdio: 'inherit' });
    if (build.status !== 0) throw new Error('cargo build --bin kizuki failed');
  }
  const run = spawnSync(binary, args, { cwd: ROOT, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`kizuki ${args.join(' ')}: ${run.stderr}`);
}

/** The values the course set, last one per key. */
async function lmsValues(page) {
  return page.evaluate(() => {
    const values = {};
    for (const [name, key, value] of window.lmsCalls) if (name === 'LMSSetValue') values[key] = value;
    return values;
  });
}

describe('the course in an LMS (SCORM 1.2 and cmi5)', () => {
  let server;
  let browser;
  let pack;
  let scratch;
  let site;
  before(async () => {
    pack = readPack('course');
    scratch = mkdtempSync(join(tmpdir(), 'kizuki-lms-'));
    site = join(scratch, 'site');
    mkdirSync(join(site, 'course'), { recursive: true });
    const zip = join(scratch, 'course-scorm12.zip');
    kizuki(['package', '--scorm12', '--dist', DIST, '-o', zip]);
    const unzip = spawnSync('unzip', ['-q', zip, '-d', join(site, 'course')], { encoding: 'utf8' });
    assert.equal(unzip.status, 0, unzip.stderr);
    const zip5 = join(scratch, 'course-cmi5.zip');
    kizuki(['package', '--cmi5', '--dist', DIST, '-o', zip5, '--iri', COURSE_IRI]);
    const unzip5 = spawnSync('unzip', ['-q', zip5, '-d', join(site, 'course5')], { encoding: 'utf8' });
    assert.equal(unzip5.status, 0, unzip5.stderr);
    // A center's own course (an id with an underscore, as ids may have), packaged the same way.
    const own = structuredClone(pack);
    own.id = 'center_course';
    own.title.ja = '○○センターのラインケア研修';
    const ownFile = join(scratch, 'center_course.json');
    writeFileSync(ownFile, JSON.stringify(own));
    const zipOwn = join(scratch, 'own-scorm12.zip');
    kizuki(['package', '--scorm12', '--dist', DIST, '--pack', ownFile, '-o', zipOwn]);
    const unzipOwn = spawnSync('unzip', ['-q', zipOwn, '-d', join(site, 'own')], { encoding: 'utf8' });
    assert.equal(unzipOwn.status, 0, unzipOwn.stderr);
    writeFileSync(join(site, 'lms.html'), FAKE_LMS_PAGE);
    // kizuki-serve serves a directory with an index page.
    writeFileSync(join(site, 'index.html'), '<!doctype html><html lang="en"><title>LMS test</title><a href="lms.html">LMS</a></html>\n');
    writeFileSync(join(site, 'lms-api.js'), FAKE_API);
    server = await startServer(site);
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  });

  test('a module run in the LMS reports completion, score, time, ratings and suspend data, and a new launch resumes from them', async () => {
    const seed = { 'cmi.suspend_data': JSON.stringify(allButLastModule(pack)) };
    const first = await openPage(browser, `${server.origin}/lms.html#${encodeURIComponent(JSON.stringify(seed))}`);
    const frame = first.page.frameLocator('#sco');
    await frame.locator(`${HOST} .kizuki-title`).waitFor({ timeout: 30_000 });
    await frame.locator(`${HOST} [data-kizuki-lms="connected"]`).waitFor();
    const calls = () => first.page.evaluate(() => window.lmsCalls.map((c) => c[0]));
    assert.equal((await calls())[0], 'LMSInitialize');
    // Resumed from the LMS's record: seven modules complete, the last not started.
    const cards = frame.locator(`${HOST} .kizuki-course-module-card`);
    assert.equal(await cards.count(), pack.kit.modules.length);
    await cards.nth(6).locator('.kizuki-badge', { hasText: '修了' }).waitFor();
    let values = await lmsValues(first.page);
    assert.equal(values['cmi.core.lesson_status'], 'incomplete');
    assert.equal(values['cmi.core.exit'], 'suspend');

    // Run the last module: lessons, scenario, quiz, survey.
    const module = pack.kit.modules.at(-1);
    await cards.nth(pack.kit.modules.length - 1).locator('button').first().click();
    const step = frame.locator(`${HOST} .kizuki-course-step-heading`);
    for (const [index, lesson] of module.lessons.entries()) {
      await step.filter({ hasText: lesson.title.ja }).waitFor();
      // Stay on the first lesson long enough for active time to be counted (a tick is 5 s).
      if (index === 0) {
        await frame.locator(`${HOST} .kizuki-course-step-heading`).click();
        await first.page.waitForTimeout(6000);
      }
      await frame.locator(`${HOST} button`, { hasText: '読みました' }).click();
    }
    for (const scenario of module.scenarios) {
      await step.filter({ hasText: scenario.title.ja }).waitFor();
      for (let guard = 0; guard < 10; guard += 1) {
        if (await frame.locator(`${HOST} .kizuki-course-summary-box`).count()) break;
        await frame.locator(`${HOST} button.kizuki-course-choice`).first().click();
        await frame.locator(`${HOST} .kizuki-course-choice-feedback`).waitFor();
        await frame.locator(`${HOST} button`, { hasText: '続ける' }).click();
      }
      await frame.locator(`${HOST} button`, { hasText: '次へ' }).click();
    }
    await step.filter({ hasText: '確認テスト' }).waitFor();
    const names = await frame
      .locator(`${HOST} .kizuki-course-question input`)
      .evaluateAll((inputs) => [...new Set(inputs.map((input) => input.name))]);
    assert.ok(names.length > 0);
    for (const name of names) {
      const question = module.quiz.questions.find((q) => name.endsWith(`-course-q-${q.id}`));
      for (const option of rightAnswer(question)) {
        await frame.locator(`${HOST} input[name="${name}"][value="${option}"]`).check();
      }
    }
    await frame.locator(`${HOST} button`, { hasText: '採点する' }).click();
    await frame.locator(`${HOST} .kizuki-course-result-live`).filter({ hasText: '（100%）' }).waitFor();
    await frame.locator(`${HOST} button`, { hasText: 'アンケートへ進む' }).click();
    for (const [question, option] of [['understanding', 'very'], ['usefulness', 'mostly']]) {
      await frame.locator(`${HOST} input[name$="-course-fb-${module.id}-${question}"][value="${option}"]`).check();
    }
    await frame.locator(`${HOST} .kizuki-course-feedback .kizuki-course-status`, { hasText: 'ありがとう' }).waitFor();

    values = await lmsValues(first.page);
    assert.equal(values['cmi.core.lesson_status'], 'passed');
    assert.equal(values['cmi.core.score.raw'], '100');
    assert.equal(values['cmi.core.score.min'], '0');
    assert.equal(values['cmi.core.score.max'], '100');
    assert.equal(values['cmi.core.exit'], '');
    assert.equal(values['cmi.objectives.7.id'], module.id);
    assert.equal(values['cmi.objectives.7.status'], 'passed');
    // The two ratings of this module, once each, as likert interactions (1 = most positive).
    assert.equal(values['cmi.interactions.0.id'], `${module.id}.understanding`);
    assert.equal(values['cmi.interactions.0.type'], 'likert');
    assert.equal(values['cmi.interactions.0.student_response'], '1');
    assert.equal(values['cmi.interactions.1.id'], `${module.id}.usefulness`);
    assert.equal(values['cmi.interactions.1.student_response'], '2');
    assert.equal(values['cmi.interactions.2.id'], undefined, 'the ratings of earlier sessions are not sent again');
    const suspend = values['cmi.suspend_data'];
    assert.ok(suspend.length <= 4096, `suspend data of ${suspend.length} characters`);
    assert.match(suspend, /^\{"k":1,"p":"linecare"/);
    // Every batch of values is committed.
    const names1 = await calls();
    assert.equal(names1.at(-1), 'LMSCommit');
    assert.ok(!names1.includes('LMSFinish'));

    // Leaving the page finishes the session: the session time, a commit, LMSFinish.
    await first.page.evaluate(() => {
      document.getElementById('sco').src = 'about:blank';
    });
    await first.page.waitForFunction(() => window.lmsCalls.some((c) => c[0] === 'LMSFinish'));
    const finished = await calls();
    assert.deepEqual(finished.slice(-2), ['LMSCommit', 'LMSFinish']);
    values = await lmsValues(first.page);
    assert.match(values['cmi.core.session_time'], /^\d{4}:\d\d:\d\d\.\d\d$/);
    const [hours, minutes, seconds] = values['cmi.core.session_time'].split(':').map(Number);
    assert.ok(hours * 3600 + minutes * 60 + seconds >= 5, `active time counted: ${values['cmi.core.session_time']}`);
    const lmsSuspend = await first.page.evaluate(() => window.lmsData['cmi.suspend_data']);
    assert.deepEqual(first.problems, []);
    await first.context.close();

    // A new launch in a fresh profile (nothing saved in the browser): resumes from the LMS.
    const relaunch = { 'cmi.suspend_data': lmsSuspend, 'cmi.interactions._count': '2', 'cmi.core.lesson_status': 'passed' };
    const second = await openPage(browser, `${server.origin}/lms.html#${encodeURIComponent(JSON.stringify(relaunch))}`);
    const again = second.page.frameLocator('#sco');
    await again.locator(`${HOST} .kizuki-title`).waitFor({ timeout: 30_000 });
    const againCards = again.locator(`${HOST} .kizuki-course-module-card`);
    for (let index = 0; index < pack.kit.modules.length; index += 1) {
      await againCards.nth(index).locator('.kizuki-badge', { hasText: '修了' }).waitFor();
    }
    const read = await second.page.evaluate(() => window.lmsCalls.filter((c) => c[0] === 'LMSGetValue').map((c) => c[1]));
    assert.ok(read.includes('cmi.suspend_data'));
    const resumed = await lmsValues(second.page);
    assert.equal(resumed['cmi.core.lesson_status'], 'passed');
    assert.equal(resumed['cmi.core.score.raw'], '100');
    assert.equal(resumed['cmi.interactions.2.id'], undefined, 'no rating is sent again on resume');
    assert.deepEqual(second.problems, []);
    await second.context.close();
  });

  // An LMS that sends the package's files as they are (many do: the module is 0.9 MB): the
  // package carries gzip copies of the module and of the pack's files, and kizuki.js takes
  // them (fetchSmall).
  test("from an LMS that does not compress, the course takes the package's gzip copies of its module and pack", async () => {
    await withPlainHost(site, async (host) => {
      // openPage's list holds every request from the start: the widget's own fetches go on
      // after the page's load event.
      const { page, problems, requests, context } = await openPage(browser, 'about:blank', { serviceWorkers: 'block' });
      await page.goto(`${host.origin}/course/index.html`);
      await page.locator(`${HOST} [data-kizuki-lms="problem"]`).waitFor({ timeout: 30_000 });
      await page.locator(`${HOST} button`, { hasText: '最初の単元から始める' }).waitFor();
      const asked = requests.map((url) => new URL(url).pathname);
      const count = (path) => asked.filter((p) => p === path).length;
      assert.equal(count('/course/pkg/kizuki_course_bg.wasm.gz'), 1, asked.join(' '));
      assert.equal(count('/course/pkg/kizuki_course_bg.wasm'), 1, 'the plain module is not read again: the copy was used');
      // The pack as the site ships its own: the file of the language shown, and only that.
      const packFiles = () => requests.map((url) => new URL(url).pathname).filter((path) => path.startsWith('/course/content/') && !path.endsWith('.gz'));
      assert.deepEqual(packFiles(), ['/course/content/linecare.ja.json']);
      assert.equal(count('/course/content/linecare.ja.json.gz'), 1, 'the pack too comes as its copy');
      // The learner switches to English: the English file comes then, beside the Japanese.
      await page.locator(`${HOST} .kizuki-lang-button[lang="en"]`).click();
      await page.locator(`${HOST} .kizuki-title`).filter({ hasText: pack.title.en }).waitFor();
      assert.deepEqual(packFiles(), ['/course/content/linecare.ja.json', '/course/content/linecare.en.json']);
      assert.deepEqual(problems, []);
      await context.close();
    });
  });

  test("a package of a center's own course starts with that course's own files", async () => {
    const { page, problems, requests, context } = await openPage(browser, `${server.origin}/own/index.html`);
    await page.locator(`${HOST} [data-kizuki-lms="problem"]`).waitFor({ timeout: 30_000 });
    await page.locator(`${HOST} .kizuki-title`).filter({ hasText: '○○センターのラインケア研修' }).waitFor();
    const packs = requests.map((url) => new URL(url).pathname).filter((path) => path.startsWith('/own/content/'));
    assert.deepEqual(packs, ['/own/content/center_course.ja.json']);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('without an LMS the widget says so, and saves in this browser', async () => {
    const { page, problems, context } = await openPage(browser, `${server.origin}/course/index.html`);
    const notice = page.locator(`${HOST} [data-kizuki-lms="problem"]`);
    await notice.waitFor({ timeout: 30_000 });
    assert.match(await notice.textContent(), /学習管理システム（LMS）が見つかりません/);
    assert.match(await notice.textContent(), /このブラウザーにだけ保存されます/);
    const module = pack.kit.modules[0];
    await page.locator(`${HOST} button`, { hasText: '最初の単元から始める' }).click();
    await page.locator(`${HOST} .kizuki-course-step-heading`).filter({ hasText: module.lessons[0].title.ja }).waitFor();
    await page.locator(`${HOST} button`, { hasText: '読みました' }).click();
    await page.locator(`${HOST} .kizuki-course-step-heading`).filter({ hasText: module.lessons[1].title.ja }).waitFor();
    const saved = await page.evaluate(() => localStorage.getItem('kizuki/linecare/linecare'));
    assert.ok(saved, 'the record is saved locally');
    assert.deepEqual(JSON.parse(saved).state.data.modules[module.id].lessons_read, [module.lessons[0].id]);
    // Still there after a reload, with the notice again.
    await page.reload();
    await notice.waitFor({ timeout: 30_000 });
    const card = page.locator(`${HOST} .kizuki-course-module-card`).first();
    assert.match(await card.textContent(), /進み具合/);
    assert.deepEqual(problems, []);
    await context.close();
  });
  test('in a cmi5 launch the course fetches its token once and sends initialized, completed, passed and terminated with its record', async () => {
    const { page, problems, context } = await openPage(browser, 'about:blank');
    const origin = server.origin;
    const statements = [];
    const states = [];
    let tokens = 0;
    const auth = [];
    const launchData = {
      contextTemplate: { extensions: { 'https://w3id.org/xapi/cmi5/context/extensions/sessionid': 'session-1' } },
      launchMode: 'Normal',
      moveOn: 'CompletedAndPassed',
    };
    // The LMS's endpoints, on the page's origin (the served CSP allows only it).
    await context.route(`${origin}/lms/**`, async (route) => {
      const request = route.request();
      const url = new URL(request.url());
      if (url.pathname === '/lms/fetch') {
        tokens += 1;
        return route.fulfill({ json: { 'auth-token': 'dG9rZW4=' } });
      }
      auth.push(request.headers().authorization);
      if (url.pathname === '/lms/xapi/statements' && request.method() === 'POST') {
        statements.push(...JSON.parse(request.postData()));
        return route.fulfill({ json: [] });
      }
      if (url.pathname === '/lms/xapi/activities/state') {
        const stateId = url.searchParams.get('stateId');
        if (request.method() === 'GET' && stateId === 'LMS.LaunchData') return route.fulfill({ json: launchData });
        if (request.method() === 'GET') return route.fulfill({ status: 404, body: '' });
        states.push({ stateId, registration: url.searchParams.get('registration'), body: JSON.parse(request.postData()) });
        return route.fulfill({ status: 204, body: '' });
      }
      return route.fulfill({ status: 404, body: '' });
    });
    const actor = { objectType: 'Agent', account: { homePage: 'https://lms.example', name: 'u-2002' } };
    const launch = new URLSearchParams({
      endpoint: `${origin}/lms/xapi/`,
      fetch: `${origin}/lms/fetch`,
      actor: JSON.stringify(actor),
      registration: '8d3c2b1a-0000-4000-8000-00000000abcd',
      activityId: `${COURSE_IRI}/au`,
    });
    // The LMS's record holds every module but the last; one more module completes the course.
    const isRecord = (url) => url.pathname === '/lms/xapi/activities/state' && (url.searchParams.get('stateId') ?? '').includes('kizuki');
    await page.route(isRecord, (route) =>
      route.request().method() === 'GET'
        ? route.fulfill({ json: { record: JSON.stringify(allButLastModule(pack)), completed_sent: false, passed_sent: false } })
        : route.fallback());
    await page.goto(`${origin}/course5/index.html?${launch}`);
    await page.locator(`${HOST} [data-kizuki-lms="connected"]`).waitFor({ timeout: 30_000 });
    for (let i = 0; i < 40 && !statements.length; i += 1) await page.waitForTimeout(250);
    assert.equal(tokens, 1, 'the token is fetched once');
    assert.equal(statements[0].verb.id, 'http://adlnet.gov/expapi/verbs/initialized');
    assert.deepEqual(statements[0].actor, actor);
    assert.equal(statements[0].object.id, `${COURSE_IRI}/au`);
    assert.equal(statements[0].context.registration, '8d3c2b1a-0000-4000-8000-00000000abcd');
    assert.equal(statements[0].context.extensions['https://w3id.org/xapi/cmi5/context/extensions/sessionid'], 'session-1');
    assert.match(statements[0].id, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const cards = page.locator(`${HOST} .kizuki-course-module-card`);
    await cards.nth(6).locator('.kizuki-badge', { hasText: '修了' }).waitFor();

    // The last module's lessons, scenario and quiz, then the survey.
    const module = pack.kit.modules.at(-1);
    await cards.nth(pack.kit.modules.length - 1).locator('button').first().click();
    for (const lesson of module.lessons) {
      await page.locator(`${HOST} .kizuki-course-step-heading`).filter({ hasText: lesson.title.ja }).waitFor();
      await page.locator(`${HOST} button`, { hasText: '読みました' }).click();
    }
    for (const scenario of module.scenarios) {
      await page.locator(`${HOST} .kizuki-course-step-heading`).filter({ hasText: scenario.title.ja }).waitFor();
      for (let guard = 0; guard < 10; guard += 1) {
        if (await page.locator(`${HOST} .kizuki-course-summary-box`).count()) break;
        await page.locator(`${HOST} button.kizuki-course-choice`).first().click();
        await page.locator(`${HOST} button`, { hasText: '続ける' }).click();
      }
      await page.locator(`${HOST} button`, { hasText: '次へ' }).click();
    }
    const names = await page
      .locator(`${HOST} .kizuki-course-question input`)
      .evaluateAll((inputs) => [...new Set(inputs.map((input) => input.name))]);
    for (const name of names) {
      const question = module.quiz.questions.find((q) => name.endsWith(`-course-q-${q.id}`));
      for (const option of rightAnswer(question)) await page.locator(`${HOST} input[name="${name}"][value="${option}"]`).check();
    }
    await page.locator(`${HOST} button`, { hasText: '採点する' }).click();
    await page.locator(`${HOST} .kizuki-course-result-live`).filter({ hasText: '（100%）' }).waitFor();
    await page.locator(`${HOST} button`, { hasText: 'アンケートへ進む' }).click();
    for (const [question, option] of [['understanding', 'mostly'], ['usefulness', 'very']]) {
      await page.locator(`${HOST} input[name$="-course-fb-${module.id}-${question}"][value="${option}"]`).check();
    }
    await page.locator(`${HOST} .kizuki-course-feedback .kizuki-course-status`, { hasText: 'ありがとう' }).waitFor();
    // Leaving the page (its pagehide) terminates the session.
    await page.evaluate(() => window.dispatchEvent(new PageTransitionEvent('pagehide')));
    for (let i = 0; i < 40 && !statements.some((s) => s.verb.id.endsWith('/terminated')); i += 1) await page.waitForTimeout(250);

    const verbs = statements.map((s) => s.verb.id.split('/').at(-1));
    assert.deepEqual(verbs, ['initialized', 'completed', 'passed', 'terminated']);
    const byVerb = Object.fromEntries(statements.map((s) => [s.verb.id.split('/').at(-1), s]));
    const categories = (s) => s.context.contextActivities.category.map((c) => c.id);
    assert.deepEqual(categories(byVerb.completed), [
      'https://w3id.org/xapi/cmi5/context/categories/cmi5',
      'https://w3id.org/xapi/cmi5/context/categories/moveon',
    ]);
    assert.equal(byVerb.completed.result.completion, true);
    assert.equal(byVerb.passed.result.success, true);
    assert.equal(byVerb.passed.result.score.scaled, 1);
    assert.match(byVerb.terminated.result.duration, /^PT\d+H\d+M\d+S$/);
    const ratings = byVerb.terminated.result.extensions[`${COURSE_IRI}/extensions/ratings`];
    assert.deepEqual(ratings[module.id], { understanding: 'mostly', usefulness: 'very' });
    assert.ok(auth.every((header) => header === 'Basic dG9rZW4='), 'every LMS call carries the token');
    // The record kept in the State API, and which defined statements were sent.
    const last = states.at(-1);
    assert.equal(last.stateId, 'https://w3id.org/xapi/cmi5/kizuki/record');
    assert.equal(last.registration, '8d3c2b1a-0000-4000-8000-00000000abcd');
    assert.equal(last.body.completed_sent, true);
    assert.equal(last.body.passed_sent, true);
    assert.equal(JSON.parse(last.body.record).state.data.modules[module.id].feedback.usefulness, 'very');
    assert.deepEqual(problems, []);
    await context.close();
  });
  test('a cmi5 launch in Review mode sends no completed or passed, and 「LMSに戻る」 terminates and goes to the returnURL; moveOn and masteryScore decide what a Normal launch sends', async () => {
    const origin = server.origin;
    const whole = { record: JSON.stringify(completedCourseRecord(pack, { claimed: false })), completed_sent: false, passed_sent: false };
    const contextTemplate = { extensions: { 'https://w3id.org/xapi/cmi5/context/extensions/sessionid': 'session-2' } };
    const returnURL = `${origin}/lms/return?from=kizuki`;

    // Review: the whole course is done, yet only initialized (and, on leaving, terminated).
    const review = await openPage(browser, 'about:blank');
    const lms = await fakeCmi5(review.context, origin, {
      launchData: { contextTemplate, launchMode: 'Review', moveOn: 'CompletedAndPassed', returnURL },
      record: whole,
    });
    await review.page.goto(`${origin}/course5/index.html?${lms.query}`);
    const back = review.page.locator(`${HOST} [data-kizuki-lms="return"] button`);
    await back.waitFor({ timeout: 30_000 });
    assert.equal((await back.textContent()).trim(), 'LMSに戻る');
    for (let i = 0; i < 40 && !lms.seen.statements.length; i += 1) await review.page.waitForTimeout(250);
    await review.page.locator(`${HOST} .kizuki-course-module-card`).nth(pack.kit.modules.length - 1).locator('.kizuki-badge', { hasText: '修了' }).waitFor();
    await review.page.waitForTimeout(1000);
    assert.deepEqual(verbsOf(lms.seen.statements), ['initialized']);
    await back.click();
    await review.page.waitForURL(returnURL, { timeout: 30_000 });
    assert.deepEqual(verbsOf(lms.seen.statements), ['initialized', 'terminated'], 'terminated before leaving, then nothing');
    assert.equal(lms.seen.states.at(-1).body.completed_sent, false);
    assert.ok(lms.seen.auth.every((header) => header === 'Basic dG9rZW4='));
    assert.deepEqual(review.problems, []);
    await review.context.close();

    // Normal, moveOn Passed, masteryScore 0.9: passed (with the mastery score), no completed;
    // no returnURL, so no button.
    const normal = await openPage(browser, 'about:blank');
    const lms2 = await fakeCmi5(normal.context, origin, {
      launchData: { contextTemplate, launchMode: 'Normal', moveOn: 'Passed', masteryScore: 0.9 },
      record: whole,
    });
    await normal.page.goto(`${origin}/course5/index.html?${lms2.query}`);
    await normal.page.locator(`${HOST} [data-kizuki-lms="connected"]`).waitFor({ timeout: 30_000 });
    for (let i = 0; i < 40 && lms2.seen.statements.length < 2; i += 1) await normal.page.waitForTimeout(250);
    await normal.page.waitForTimeout(1000);
    assert.deepEqual(verbsOf(lms2.seen.statements), ['initialized', 'passed']);
    const passed = lms2.seen.statements[1];
    assert.equal(passed.context.extensions['https://w3id.org/xapi/cmi5/context/extensions/masteryscore'], 0.9);
    assert.equal(passed.result.score.scaled, 1);
    assert.equal(await normal.page.locator(`${HOST} [data-kizuki-lms="return"]`).count(), 0);
    assert.equal(lms2.seen.tokens, 1);
    assert.deepEqual(normal.problems, []);
    await normal.context.close();
  });
});
