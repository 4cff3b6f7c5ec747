// Shared helpers for the browser tests: start kizuki-serve on a free port, launch Debian's
// Chromium through playwright-core, and watch a page for requests, errors and CSP violations.

import { spawn, spawnSync } from 'node:child_process';
import { cpSync, createReadStream, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const DIST = join(ROOT, 'dist');

const CHROMIUM = process.env.KIZUKI_CHROMIUM ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];

/** The kit name → the id of its default pack. */
export const PACK_IDS = { checklist: 'mh-checklist', plan: 'return-to-work', course: 'linecare' };

/** Reads a pack as the site serves it. */
export function readPack(kit) {
  const file = join(DIST, 'content', `${PACK_IDS[kit]}.json`);
  if (!existsSync(file)) throw new Error(`${file} is missing: is content/${PACK_IDS[kit]}.json written and built?`);
  return JSON.parse(readFileSync(file, 'utf8'));
}

/**
 * The site's pages that every page-wide check visits (accessibility, privacy and the CSP),
 * each with what shows that it is ready.
 */
export const SITE_PAGES = [
  { path: '/', ready: (page) => page.locator('.kit-list').waitFor() },
  // The checklist's own page (scripts/kit-pages.mjs), the one the site links.
  { path: '/checklist.html', ready: (page) => widgetTitle(page, 'kizuki-kit') },
  { path: '/app.html?kit=checklist', ready: (page) => widgetTitle(page, 'kizuki-kit') },
  { path: '/app.html?kit=plan', ready: (page) => widgetTitle(page, 'kizuki-kit') },
  { path: '/app.html?kit=course', ready: (page) => widgetTitle(page, 'kizuki-kit') },
  { path: '/app.html?kit=questionnaire', ready: (page) => widgetTitle(page, 'kizuki-kit') },
  {
    path: '/aggregate.html',
    ready: (page) => page.locator('kizuki-kit input[type=file]').waitFor({ state: 'attached', timeout: 30_000 }),
  },
  {
    path: '/embed/',
    ready: async (page) => {
      await widgetTitle(page, 'kizuki-kit[kit="checklist"]');
      await widgetTitle(page, 'kizuki-kit[kit="course"]');
    },
  },
  {
    // The guide with its two tools: the directory checker and the LMS package button.
    path: '/embed/guide.html',
    ready: async (page) => {
      await page.locator('kizuki-kit[kit="lmspackage"] [data-testid="lms-build"]').waitFor({ timeout: 30_000 });
      await page.locator('kizuki-kit[kit="dircheck"] button.kizuki-button').waitFor({ timeout: 30_000 });
    },
  },
];

function serveBinary() {
  const binary = process.env.KIZUKI_SERVE_BIN ?? join(ROOT, 'target/debug/kizuki-serve');
  if (!existsSync(binary)) {
    const build = spawnSync('cargo', ['build', '--quiet', '-p', 'kizuki-cli', '--bin', 'kizuki-serve'], {
      cwd: ROOT,
      stdio: 'inherit',
    });
    if (build.status !== 0) throw new Error('cargo build --bin kizuki-serve failed');
  }
  return binary;
}

/**
 * Starts kizuki-serve on dist/ (or `dir`, e.g. an unpacked LMS package) on a free port.
 * Resolves to { origin, stop() } once it listens.
 */
export async function startServer(dir = DIST) {
  if (dir === DIST && !existsSync(join(DIST, 'index.html'))) throw new Error('dist/ is not built: run scripts/build.sh');
  const child = spawn(serveBinary(), ['--dir', dir, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const origin = await new Promise((resolvePromise, reject) => {
    let stdout = '';
    const timer = setTimeout(() => reject(new Error(`kizuki-serve did not start: ${stderr}`)), 15_000);
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
      const match = stdout.match(/http:\/\/(127\.0\.0\.1:\d+)\//);
      if (match) {
        clearTimeout(timer);
        resolvePromise(`http://${match[1]}`);
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`kizuki-serve exited with ${code}: ${stderr}`));
    });
  });
  return {
    origin,
    stop: () =>
      new Promise((resolvePromise) => {
        if (child.exitCode !== null) return resolvePromise();
        child.once('exit', () => resolvePromise());
        child.kill('SIGTERM');
      }),
  };
}

const PLAIN_TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css',
  '.json': 'application/json', '.wasm': 'application/wasm', '.svg': 'image/svg+xml',
};

/**
 * A plain static host (the embed guide's): each file of `dir` sent as it is on disk, with its
 * length, no compression and no precompressed files. `swap` maps a path to another file's
 * (a copy left from another version). Resolves to `{ origin, stop }`.
 */
export function plainHost(dir, swap = {}) {
  const server = createServer((request, response) => {
    let path = decodeURIComponent(new URL(request.url, 'http://x').pathname);
    path = swap[path] ?? path;
    const file = normalize(join(dir, path.endsWith('/') ? `${path}index.html` : path));
    if (!file.startsWith(dir + sep) || !existsSync(file) || !statSync(file).isFile()) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': PLAIN_TYPES[extname(file)] ?? 'application/octet-stream', 'content-length': statSync(file).size });
    createReadStream(file).pipe(response);
  });
  return new Promise((done) => {
    server.listen(0, '127.0.0.1', () => done({ origin: `http://127.0.0.1:${server.address().port}`, stop: () => new Promise((closed) => server.close(closed)) }));
  });
}

/** Runs `body(host)` with a plain host of `dir` (plainHost, with `swap`), stopped after it. */
export async function withPlainHost(dir, body, swap = {}) {
  const host = await plainHost(dir, swap);
  try {
    return await body(host);
  } finally {
    await host.stop();
  }
}

/**
 * A copy of `dir` without the build's `.br` and `.gz` files (a host where they were not
 * uploaded), in a new temporary folder: the caller removes it.
 */
export function copyWithoutCompressed(dir) {
  const copy = mkdtempSync(join(tmpdir(), 'kizuki-plain-'));
  cpSync(dir, copy, { recursive: true, filter: (source) => !/\.(br|gz)$/.test(source) });
  return copy;
}

/** Launches headless Chromium (playwright gives each launch a fresh, temporary profile). */
export function launchBrowser() {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
}

/**
 * Opens `url` in a new context and records what the page does:
 * requests (every URL asked for), problems (console errors, uncaught errors, CSP violations).
 */
export async function openPage(browser, url, { viewport = { width: 1280, height: 900 }, serviceWorkers = 'allow' } = {}) {
  // serviceWorkers: 'block' where a test routes requests: page.route() does not see the ones
  // the site's service worker answers from its cache.
  const context = await browser.newContext({ viewport, locale: 'ja-JP', serviceWorkers });
  const page = await context.newPage();
  const requests = [];
  const problems = [];
  page.on('request', (request) => requests.push(request.url()));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()} for ${response.url()}`);
  });
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  await page.exposeFunction('__kizukiReportViolation', (text) => problems.push(`CSP violation: ${text}`));
  await page.addInitScript(() => {
    document.addEventListener(
      'securitypolicyviolation',
      (event) => window.__kizukiReportViolation(`${event.violatedDirective} blocked ${event.blockedURI}`),
      true,
    );
  });
  const response = await page.goto(url);
  return { context, page, requests, problems, response };
}

/** Waits until `hostSelector`'s widget shows its kit title, and returns that title. */
export async function widgetTitle(page, hostSelector) {
  const title = page.locator(`${hostSelector} .kizuki-title`);
  await title.waitFor({ timeout: 30_000 });
  return (await title.textContent()).trim();
}

/** The option ids of a question that answer it right. */
export function rightAnswer(question) {
  return question.options.filter((o) => o.correct).map((o) => o.id);
}

/** The choices that play a scenario from its start to an ending, taking the first choice. */
export function firstChoicePath(scenario) {
  const path = [];
  let node = scenario.nodes.find((n) => n.id === scenario.start);
  while (node && node.choices?.length) {
    const choice = node.choices[0];
    path.push({ node: node.id, choice: choice.id });
    node = scenario.nodes.find((n) => n.id === choice.next);
  }
  return path;
}

/**
 * A course record (export envelope, as the app saves it) with the first `count` modules
 * complete (every module unless told): lessons read, scenarios played, the quiz answered
 * right, both ratings. With `claimed: false` the attempts claim no score (the course
 * recomputes it from the answers, as it does for any file).
 */
export function completedCourseRecord(pack, { count = pack.kit.modules.length, claimed = true } = {}) {
  const modules = {};
  for (const module of pack.kit.modules.slice(0, count)) {
    const total = module.quiz.questions.length;
    modules[module.id] = {
      lessons_read: module.lessons.map((l) => l.id).sort(),
      scenarios: Object.fromEntries(module.scenarios.map((s) => [s.id, firstChoicePath(s)])),
      quiz_answers: {},
      attempts: [
        {
          date: '2026-11-20',
          answers: Object.fromEntries(module.quiz.questions.map((q) => [q.id, rightAnswer(q).sort()])),
          correct: claimed ? total : 0,
          total: claimed ? total : 0,
          percent: claimed ? 100 : 0,
          passed: claimed,
        },
      ],
      feedback: { understanding: 'very', usefulness: 'mostly' },
    };
  }
  return {
    kizuki_export: 2,
    pack_id: pack.id,
    pack_version: pack.version,
    saved_at: '2026-11-20T09:00:00.000Z',
    revision: 1,
    state: { kind: 'course', data: { modules } },
  };
}

/**
 * The tests' own reading of a pack's profile condition (`is`, `all`, `any`, `not`): the oracle
 * a kit's screens are checked against, written apart from the core's.
 */
export function holds(condition, profile) {
  if (!condition) return true;
  if (condition.is) return condition.is.any_of.includes(profile[condition.is.question]);
  if (condition.all) return condition.all.every((c) => holds(c, profile));
  if (condition.any) return condition.any.some((c) => holds(c, profile));
  if (condition.not) return !holds(condition.not, profile);
  throw new Error(`unknown condition ${JSON.stringify(condition)}`);
}

/** A checklist record (the export envelope, format 2) of `pack` holding these answers. */
export function checklistRecord(pack, profile, items, actions = {}) {
  return {
    kizuki_export: 2,
    pack_id: pack.id,
    pack_version: pack.version,
    saved_at: '2025-04-01T00:00:00.000Z',
    revision: 1,
    state: { kind: 'checklist', data: { profile, items, actions } },
  };
}

/**
 * Scrolls `page` to its bottom (a reader far down a kit) and returns how far it scrolled, so
 * a test can check that it did.
 */
export async function scrollToBottom(page) {
  return page.evaluate(() => {
    window.scrollTo(0, document.documentElement.scrollHeight);
    return window.scrollY;
  });
}

/** Whether `locator`'s box lies wholly on the screen (the part of the page in view). */
export async function onScreen(page, locator) {
  const box = await locator.boundingBox();
  return box !== null && box.y >= 0 && box.y + box.height <= page.viewportSize().height;
}

/** Every page of `context` finds storage turned off (the browser's setting): reading `localStorage` throws. */
export function storageTurnedOff(context) {
  return context.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      configurable: true,
      get() {
        throw new DOMException('The user has disabled storage.', 'SecurityError');
      },
    });
  });
}
