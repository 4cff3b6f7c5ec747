// The browser half of Kizuki's benchmarks (scripts/bench.sh runs it; BENCHMARKS.md reports it):
//
//   sizes        raw, gzip -9 and brotli (q11) bytes of each kit as an embedded widget, of the
//                whole site, and of the SurveyJS page's files
//   load         Kizuki (checklist.html, and app.html?kit=checklist) and SurveyJS (the same checklist) side by side,
//                alternating, N runs each, a fresh Chromium profile per run: time to the first
//                answer control visible, bytes transferred, requests, requests outside the
//                origin (and CSP violations), JS heap after the first render
//   interaction  a 200-item checklist: time from an answer click to the updated progress
//
//   node run.mjs --dist ../../dist --serve-bin PATH [--runs 15] [--clicks 200] [--out results/browser.json]
//                [--parts load,interaction] [--app-page /other.html]
//
// Everything is served by kizuki-serve on 127.0.0.1 from one temporary directory: a copy of
// dist/, plus bench/ (the 200-item pack and its page) and surveyjs/ (SurveyJS's page and files).

import { execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir, cpus } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants as zlib } from 'node:zlib';
import { chromium } from 'playwright-core';

import { growChecklist } from './make-pack-200.mjs';
import { surveyFromPack } from './make-surveyjs.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '../..');

const CHROMIUM = process.env.KIZUKI_CHROMIUM ?? '/usr/bin/chromium';
/** The flags the brief fixes, and --no-first-run so a fresh profile starts quietly. */
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
const VIEWPORT = { width: 1280, height: 800 };
const SURVEYJS_FILES = {
  'survey.core.min.js': 'survey-core/survey.core.min.js',
  'survey-core.min.css': 'survey-core/survey-core.min.css',
  'japanese.min.js': 'survey-core/i18n/japanese.min.js',
  'survey-js-ui.min.js': 'survey-js-ui/survey-js-ui.min.js',
};

function parseArgs(argv) {
  const args = {
    dist: join(ROOT, 'dist'),
    runs: 15,
    clicks: 200,
    out: join(HERE, 'results/browser.json'),
    serveBin: null,
    parts: ['load', 'interaction', 'aggregate'],
    aggregateFiles: 10000,
    appPage: '/app.html?kit=checklist',
  };
  for (let i = 0; i < argv.length; i += 1) {
    const value = () => argv[++i];
    switch (argv[i]) {
      case '--dist': args.dist = resolve(value()); break;
      case '--runs': args.runs = Number(value()); break;
      case '--clicks': args.clicks = Number(value()); break;
      case '--out': args.out = resolve(value()); break;
      case '--serve-bin': args.serveBin = resolve(value()); break;
      case '--parts': args.parts = value().split(','); break;
      case '--aggregate-files': args.aggregateFiles = Number(value()); break;
      // The second Kizuki page of the load runs (an A/B of two pages of one dist/).
      case '--app-page': args.appPage = value(); break;
      default: throw new Error(`unknown argument ${argv[i]}`);
    }
  }
  args.serveBin ??= join(ROOT, 'target/debug/kizuki-serve');
  return args;
}

const log = (...parts) => console.error('[bench]', ...parts);
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const round = (value, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;

// ---------------------------------------------------------------- sizes

/** gzip -9 (no name, no time stamp), as the gzip command writes it. */
const gzipBytes = (buffer) => execFileSync('gzip', ['-9', '-n', '-c'], { input: buffer, maxBuffer: 1 << 28 }).length;
/** Brotli at quality 11 with a 16 MiB window, as `brotli -q 11` would; Node's own zlib. */
const brotliBytes = (buffer) =>
  brotliCompressSync(buffer, {
    params: {
      [zlib.BROTLI_PARAM_QUALITY]: 11,
      [zlib.BROTLI_PARAM_LGWIN]: 24,
      [zlib.BROTLI_PARAM_SIZE_HINT]: buffer.length,
    },
  }).length;

function fileSizes(path) {
  const buffer = readFileSync(path);
  return { raw: buffer.length, gzip: gzipBytes(buffer), brotli: brotliBytes(buffer) };
}

function sum(entries) {
  return entries.reduce(
    (total, entry) => ({ raw: total.raw + entry.raw, gzip: total.gzip + entry.gzip, brotli: total.brotli + entry.brotli }),
    { raw: 0, gzip: 0, brotli: 0 },
  );
}

function listFiles(dir, skip = () => false) {
  const out = [];
  const walk = (at) => {
    for (const name of readdirSync(at).sort()) {
      const path = join(at, name);
      const rel = relative(dir, path);
      if (skip(rel)) continue;
      if (statSync(path).isDirectory()) walk(path);
      else out.push(rel);
    }
  };
  walk(dir);
  return out;
}

function measureSizes(dist, surveyDir) {
  const files = {};
  // The precompressed copies (`.gz`, `.br`) beside each file are the same bytes, compressed.
  const skip = (rel) => rel === 'npm' || rel.endsWith('.gz') || rel.endsWith('.br');
  for (const rel of listFiles(dist, skip)) files[rel] = fileSizes(join(dist, rel));
  // Each kit is its own wasm module: a widget loads its kind's module, its glue,
  // kizuki.js, the module's stylesheet (kizuki-<module>.css) and its pack, and nothing of
  // another kit.
  const moduleOf = (kind) => [`pkg/kizuki_${kind}_bg.wasm`, `pkg/kizuki_${kind}.js`, `kizuki-${kind}.css`];
  const shared = ['kizuki.js'];
  const engine = [...moduleOf('checklist'), ...shared];
  for (const file of [...engine, ...moduleOf('plan'), ...moduleOf('course'), ...moduleOf('tools'), ...moduleOf('mydata')]) {
    if (!files[file]) throw new Error(`${dist}/${file} is missing: is dist/ built?`);
  }
  // One widget per pack the site ships: the three kits' default packs and any other
  // (e.g. the provider checklist, which the checklist kit loads with pack-url).
  const widgets = {};
  // A shipped pack is fetched in the widget's language only (`content/<pack>.ja.json`,
  // written by `kizuki pack split`): a Japanese widget counts that file, not the pack with
  // both languages.
  const packs = Object.keys(files).filter((file) => /^content\/[^/.]+\.json$/.test(file));
  for (const pack of packs) {
    const { id, kit } = JSON.parse(readFileSync(join(dist, pack), 'utf8'));
    const kind = kit?.type ?? '?';
    const japanese = pack.replace(/\.json$/, '.ja.json');
    const parts = [...moduleOf(kind), ...shared, files[japanese] ? japanese : pack];
    widgets[id] = { kind, files: parts, ...sum(parts.map((file) => files[file])) };
  }
  const site = Object.keys(files);
  const surveyjs = {};
  for (const name of [...Object.keys(SURVEYJS_FILES), 'index.html', 'index.js', 'survey-json.js']) {
    surveyjs[name] = fileSizes(join(surveyDir, name));
  }
  return {
    compression: 'gzip -9 -n (GNU gzip); brotli quality 11, window 24 (Node zlib)',
    files,
    engine: sum(engine.map((file) => files[file])),
    widgets,
    site: { files: site.length, ...sum(site.map((file) => files[file])) },
    surveyjs: { files: surveyjs, total: sum(Object.values(surveyjs)) },
  };
}

// ---------------------------------------------------------------- the site to serve

function assembleSite(dist) {
  const dir = mkdtempSync(join(tmpdir(), 'kizuki-bench-site-'));
  cpSync(dist, dir, { recursive: true, filter: (source) => !source.startsWith(join(dist, 'npm')) });
  const checklist = JSON.parse(readFileSync(join(ROOT, 'content/mh-checklist.json'), 'utf8'));

  mkdirSync(join(dir, 'bench'));
  writeFileSync(join(dir, 'bench/mh-checklist-200.json'), JSON.stringify(growChecklist(checklist, 200)));
  cpSync(join(HERE, 'pages/interaction.html'), join(dir, 'bench/interaction.html'));

  const survey = join(dir, 'surveyjs');
  mkdirSync(survey);
  for (const [name, from] of Object.entries(SURVEYJS_FILES)) cpSync(join(HERE, 'node_modules', from), join(survey, name));
  cpSync(join(HERE, 'surveyjs/index.html'), join(survey, 'index.html'));
  cpSync(join(HERE, 'surveyjs/index.js'), join(survey, 'index.js'));
  writeFileSync(
    join(survey, 'survey-json.js'),
    `window.KIZUKI_BENCH_SURVEY_JSON = ${JSON.stringify(surveyFromPack(checklist))};\n`,
  );
  return dir;
}

async function startServer(binary, dir) {
  if (!existsSync(binary)) throw new Error(`${binary} is missing: build kizuki-serve first`);
  const child = spawn(binary, ['--dir', dir, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const origin = await new Promise((resolveOrigin, reject) => {
    let stdout = '';
    const timer = setTimeout(() => reject(new Error(`kizuki-serve did not start: ${stderr}`)), 15_000);
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
      const match = stdout.match(/http:\/\/(127\.0\.0\.1:\d+)\//);
      if (match) {
        clearTimeout(timer);
        resolveOrigin(`http://${match[1]}`);
      }
    });
    child.on('exit', (code) => reject(new Error(`kizuki-serve exited with ${code}: ${stderr}`)));
  });
  return {
    origin,
    stop: () =>
      new Promise((done) => {
        if (child.exitCode !== null) return done();
        child.once('exit', () => done());
        child.kill('SIGTERM');
      }),
  };
}

// ---------------------------------------------------------------- the browser

/** A fresh profile and browser for one run. */
async function withFreshBrowser({ bypassCSP = false } = {}, body) {
  const profile = mkdtempSync(join(tmpdir(), 'kizuki-bench-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: VIEWPORT,
    locale: 'ja-JP',
    bypassCSP,
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    return await body(context, page);
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

/**
 * Injected before any page script. Finds the first radio input in the document or in any
 * shadow root (attachShadow is wrapped to see them), and records when it is visible:
 * the input's label (SurveyJS hides the native input and draws its own) rendered with a
 * non-empty box. Checked on every DOM mutation and every animation frame. Also records CSP
 * violations.
 */
function firstControlProbe() {
  const bench = {
    firstControl: null,
    firstControlFrame: null,
    label: null,
    violations: [],
    wasmMemories: [],
  };
  window.__bench = bench;
  // WebAssembly memory is not on the V8 heap: keep each instance's exported memory to
  // read its size after the first render.
  const keepMemories = (result) => {
    const instance = result?.instance ?? result;
    for (const value of Object.values(instance?.exports ?? {})) {
      if (value instanceof WebAssembly.Memory) bench.wasmMemories.push(value);
    }
    return result;
  };
  for (const name of ['instantiate', 'instantiateStreaming']) {
    const original = WebAssembly[name];
    if (original) WebAssembly[name] = (...args) => original.apply(WebAssembly, args).then(keepMemories);
  }
  document.addEventListener(
    'securitypolicyviolation',
    (event) => bench.violations.push({ directive: event.violatedDirective, blocked: event.blockedURI }),
    true,
  );
  const roots = [document];
  const observer = new MutationObserver(() => check());
  const attachShadow = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    const root = attachShadow.call(this, init);
    roots.push(root);
    if (bench.firstControl === null) observer.observe(root, { childList: true, subtree: true });
    return root;
  };
  const visible = (input) => {
    const target = input.labels?.[0] ?? input;
    if (!target.isConnected || !target.checkVisibility({ visibilityProperty: true })) return false;
    const box = target.getBoundingClientRect();
    return box.width > 0 && box.height > 0;
  };
  function check() {
    if (bench.firstControl !== null) return;
    for (const root of roots) {
      const input = root.querySelector('input[type="radio"]');
      if (input && visible(input)) {
        bench.firstControl = performance.now();
        bench.label = (input.labels?.[0] ?? input).textContent.trim().slice(0, 40);
        observer.disconnect();
        requestAnimationFrame(() => {
          bench.firstControlFrame = performance.now();
        });
        return;
      }
    }
  }
  observer.observe(document, { childList: true, subtree: true });
  const poll = () => {
    check();
    if (bench.firstControl === null) requestAnimationFrame(poll);
  };
  requestAnimationFrame(poll);
}

/** Loads `url` once in a fresh browser and measures it. */
async function loadRun(origin, path, { bypassCSP }) {
  return withFreshBrowser({ bypassCSP }, async (context, page) => {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    const requests = new Map();
    let transferred = 0;
    cdp.on('Network.requestWillBeSent', (event) => {
      requests.set(event.requestId, { url: event.request.url, status: null, encoding: null, bytes: 0, failed: null });
    });
    cdp.on('Network.responseReceived', (event) => {
      const entry = requests.get(event.requestId);
      if (!entry) return;
      entry.status = event.response.status;
      const headers = Object.fromEntries(Object.entries(event.response.headers).map(([k, v]) => [k.toLowerCase(), v]));
      entry.encoding = headers['content-encoding'] ?? null;
    });
    cdp.on('Network.loadingFinished', (event) => {
      transferred += event.encodedDataLength;
      const entry = requests.get(event.requestId);
      if (entry) entry.bytes = event.encodedDataLength;
    });
    cdp.on('Network.loadingFailed', (event) => {
      const entry = requests.get(event.requestId);
      if (entry) entry.failed = event.blockedReason ?? event.errorText;
    });
    await page.addInitScript(firstControlProbe);
    await page.goto(`${origin}${path}`, { waitUntil: 'commit' });
    await page.waitForFunction(() => window.__bench?.firstControlFrame != null, null, { timeout: 60_000, polling: 50 });
    await page.waitForLoadState('load');
    await page.waitForLoadState('networkidle', { timeout: 10_000 }).catch(() => {});
    const probe = await page.evaluate(() => {
      const { wasmMemories, ...bench } = window.__bench;
      return {
        ...bench,
        wasmMemoryBytes: wasmMemories.reduce((total, memory) => total + memory.buffer.byteLength, 0),
        fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
        // Where the time goes: when each file was asked for and arrived, and the document's
        // own milestones, all from navigation start.
        timeline: {
          document: {
            start: 0,
            end: performance.getEntriesByType('navigation')[0]?.responseEnd ?? null,
          },
          DOMContentLoaded: {
            start: performance.getEntriesByType('navigation')[0]?.domContentLoadedEventStart ?? null,
            end: performance.getEntriesByType('navigation')[0]?.domContentLoadedEventEnd ?? null,
          },
          ...Object.fromEntries(
            performance
              .getEntriesByType('resource')
              .filter((entry) => entry.name.startsWith(location.origin))
              .map((entry) => [new URL(entry.name).pathname, { start: entry.startTime, end: entry.responseEnd }]),
          ),
        },
      };
    });
    await cdp.send('HeapProfiler.enable');
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = await cdp.send('Runtime.getHeapUsage');
    const all = [...requests.values()];
    const isOutside = (url) => /^(https?|wss?):/.test(url) && new URL(url).origin !== origin;
    // Every attempt the network layer saw, plus CSP-blocked ones it did not (by URL).
    const outside = all.filter((r) => isOutside(r.url)).map((r) => ({ url: r.url, failed: r.failed }));
    for (const violation of probe.violations) {
      if (!isOutside(violation.blocked) || outside.some((o) => o.url === violation.blocked)) continue;
      outside.push({ url: violation.blocked, failed: `csp:${violation.directive}` });
    }
    return {
      firstControlMs: probe.firstControl,
      firstControlFrameMs: probe.firstControlFrame,
      firstContentfulPaintMs: probe.fcp,
      timeline: probe.timeline,
      label: probe.label,
      transferredBytes: transferred,
      requests: all.map((r) => ({ url: r.url.replace(origin, ''), status: r.status, encoding: r.encoding, bytes: r.bytes, failed: r.failed })),
      outside,
      cspViolations: probe.violations,
      heap: {
        usedSize: heap.usedSize,
        totalSize: heap.totalSize,
        backingStorageSize: heap.backingStorageSize ?? null,
        embedderHeapUsedSize: heap.embedderHeapUsedSize ?? null,
        wasmMemoryBytes: probe.wasmMemoryBytes,
      },
    };
  });
}

function summarise(runs) {
  const pick = (f) => runs.map(f).filter((v) => typeof v === 'number');
  const stats = (values) => ({ median: round(median(values)), min: round(Math.min(...values)), max: round(Math.max(...values)) });
  return {
    runs: runs.length,
    firstControlFrameMs: stats(pick((r) => r.firstControlFrameMs)),
    firstControlMs: stats(pick((r) => r.firstControlMs)),
    firstContentfulPaintMs: stats(pick((r) => r.firstContentfulPaintMs)),
    transferredBytes: stats(pick((r) => r.transferredBytes)),
    requests: stats(pick((r) => r.requests.length)),
    outsideRequests: stats(pick((r) => r.outside.length)),
    heapUsedBytes: stats(pick((r) => r.heap.usedSize)),
    heapBackingStoreBytes: stats(pick((r) => r.heap.backingStorageSize)),
    wasmMemoryBytes: stats(pick((r) => r.heap.wasmMemoryBytes)),
    heapUsedPlusWasmBytes: stats(pick((r) => r.heap.usedSize + r.heap.wasmMemoryBytes)),
    outsideUrls: [...new Set(runs.flatMap((r) => r.outside.map((o) => `${o.url} (${o.failed ?? 'loaded'})`)))],
    cspViolations: [...new Set(runs.flatMap((r) => r.cspViolations.map((v) => `${v.directive} ${v.blocked}`)))],
    // Median start and end of each file (and document milestone) seen in every run.
    timeline: Object.keys(runs[0]?.timeline ?? {})
      .filter((name) => runs.every((r) => r.timeline?.[name]?.end != null))
      .map((name) => ({
        name,
        start: round(median(runs.map((r) => r.timeline[name].start))),
        end: round(median(runs.map((r) => r.timeline[name].end))),
      }))
      .sort((a, b) => a.start - b.start || a.end - b.end),
    firstRunRequests: runs[0]?.requests ?? [],
    label: runs[0]?.label ?? null,
  };
}

async function sideBySide(origin, count, appPage) {
  // The goal figures are the checklist's own page (its files named in its head, as the
  // guide asks centers to write theirs); app.html?kit=checklist, which learns its kit from
  // the address when app.js runs, is measured in the same runs beside it.
  const pages = {
    kizuki: { path: '/checklist.html', bypassCSP: false },
    kizukiApp: { path: appPage, bypassCSP: false },
    surveyjs: { path: '/surveyjs/index.html', bypassCSP: true },
  };
  const names = Object.keys(pages);
  const runs = Object.fromEntries(names.map((name) => [name, []]));
  for (let i = 0; i < count; i += 1) {
    // Each page takes each place in the order in turn (a later place in a run finds a warmer machine).
    const order = names.map((_, j) => names[(i + j) % names.length]);
    for (const name of order) {
      const run = await loadRun(origin, pages[name].path, pages[name]);
      runs[name].push(run);
      log(`load ${name} #${i + 1}: first control ${round(run.firstControlFrameMs)} ms, ${run.transferredBytes} B, ${run.outside.length} outside`);
    }
  }
  const kizuki = summarise(runs.kizuki);
  const kizukiApp = summarise(runs.kizukiApp);
  const surveyjs = summarise(runs.surveyjs);
  const ratioOf = (page, f) => round(f(page) / f(surveyjs), 3);
  const ratio = (f) => ratioOf(kizuki, f);
  return {
    pages: Object.fromEntries(Object.entries(pages).map(([k, v]) => [k, { ...v, csp: v.bypassCSP ? 'bypassed (as on a page without one)' : "kizuki-serve's, enforced" }])),
    kizuki,
    kizukiApp,
    surveyjs,
    appRatios: {
      transferredBytes: ratioOf(kizukiApp, (s) => s.transferredBytes.median),
      firstControlFrameMs: ratioOf(kizukiApp, (s) => s.firstControlFrameMs.median),
    },
    ratios: {
      transferredBytes: ratio((s) => s.transferredBytes.median),
      firstControlFrameMs: ratio((s) => s.firstControlFrameMs.median),
      firstControlMs: ratio((s) => s.firstControlMs.median),
      heapUsedBytes: ratio((s) => s.heapUsedBytes.median),
      heapUsedPlusWasmBytes: ratio((s) => s.heapUsedPlusWasmBytes.median),
    },
    raw: runs,
  };
}

// ---------------------------------------------------------------- interaction

/** Installed on the 200-item page once the first area shows: times every answer click. */
function installClickTimer() {
  const root = document.querySelector('kizuki-kit').shadowRoot;
  const progress = () => root.querySelector('[data-testid="progress"]')?.textContent ?? null;
  const state = { pending: null, samples: [], eventTiming: [], missed: 0 };
  window.__clicks = state;
  root.addEventListener(
    'click',
    (event) => {
      if (state.pending || !event.isTrusted || !event.target.closest('.kizuki-options--scale')) return;
      state.pending = { start: event.timeStamp, before: progress() };
    },
    true,
  );
  const observer = new MutationObserver(() => {
    const pending = state.pending;
    if (!pending) return;
    const now = progress();
    if (now === pending.before) return;
    const dom = performance.now();
    root.querySelector('[data-testid="progress"]').getBoundingClientRect();
    const layout = performance.now();
    state.pending = null;
    const sample = { start: pending.start, dom: dom - pending.start, layout: layout - pending.start, frame: null, text: now };
    state.samples.push(sample);
    requestAnimationFrame(() => {
      sample.frame = performance.now() - pending.start;
    });
  });
  observer.observe(root, { childList: true, subtree: true, characterData: true });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (entry.name === 'click') state.eventTiming.push({ start: entry.startTime, duration: entry.duration });
    }
  }).observe({ type: 'event', durationThreshold: 16, buffered: true });
}

async function interaction(origin, clicks) {
  return withFreshBrowser({}, async (context, page) => {
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${origin}/bench/interaction.html`);
    const host = page.locator('kizuki-kit');
    const questions = host.locator('fieldset[data-question]');
    await questions.first().waitFor({ timeout: 60_000 });
    for (let i = 0, n = await questions.count(); i < n; i += 1) {
      await questions.nth(i).locator('input[type="radio"]').first().check();
    }
    await host.locator('[data-testid="start"]').click();
    await host.locator('.kizuki-cl-area').waitFor();
    await page.evaluate(installClickTimer);

    let answered = 0;
    const started = Date.now();
    while (answered < clicks) {
      const area = await host.locator('.kizuki-cl-area').getAttribute('data-area');
      const items = host.locator('.kizuki-cl-area fieldset.kizuki-cl-item');
      // Counted again after each answer: an answer can hide the items that depend on it
      // (the stress check's items when there is no stress check).
      for (let j = 0; j < (await items.count()) && answered < clicks; j += 1) {
        const option = items.nth(j).locator('.kizuki-options--scale label').nth(answered % 4);
        await option.click();
        await page
          .waitForFunction((count) => window.__clicks.samples.length >= count && window.__clicks.samples.at(-1).frame !== null, answered + 1, { timeout: 5_000, polling: 'raf' })
          .catch(() => {
            throw new Error(`click ${answered + 1} (area ${area}, item ${j + 1}) did not change the progress text`);
          });
        answered += 1;
      }
      if (answered < clicks) {
        await host.locator('[data-testid="next"]').click();
        await page.waitForFunction((previous) => {
          const current = document.querySelector('kizuki-kit').shadowRoot.querySelector('.kizuki-cl-area')?.dataset.area;
          return current && current !== previous;
        }, area);
      }
    }
    const state = await page.evaluate(() => window.__clicks);
    const stat = (key) => {
      const values = state.samples.map((s) => s[key]);
      return { median: round(median(values), 2), worst: round(Math.max(...values), 2), p95: round([...values].sort((a, b) => a - b)[Math.floor(values.length * 0.95)], 2) };
    };
    // Event Timing entries (reported at >= 16 ms only) of the answer clicks themselves.
    // (A label click and the click it forwards to its input share one timestamp: count clicks once.)
    const ofAnswers = state.eventTiming.filter((e) => state.samples.some((s) => Math.abs(s.start - e.start) < 0.01));
    const overFrame = state.samples.filter((s) => ofAnswers.some((e) => Math.abs(s.start - e.start) < 0.01));
    return {
      clicks: state.samples.length,
      harnessSeconds: round((Date.now() - started) / 1000),
      toProgressInDom: stat('dom'),
      toProgressLaidOut: stat('layout'),
      toNextFrame: stat('frame'),
      eventTimingClicksOver16ms: overFrame.length,
      eventTimingWorstMs: ofAnswers.length ? Math.max(...ofAnswers.map((e) => e.duration)) : null,
      lastProgressText: state.samples.at(-1)?.text ?? null,
      samples: state.samples.map((s) => [round(s.dom, 2), round(s.layout, 2), round(s.frame, 2)]),
      pageErrors: errors,
    };
  });
}

// ---------------------------------------------------------------- aggregation in the browser

/**
 * `count` valid mh-checklist exports, varied like a center's real intake (xorshift, fixed
 * seed), written as Kizuki writes an export: each map's keys in key order.
 */
function writeExports(dir, pack, count) {
  let state = 0x2545f4914f6cdd1dn;
  const next = () => {
    state ^= state >> 12n;
    state ^= (state << 25n) & 0xffffffffffffffffn;
    state ^= state >> 27n;
    return Number((state * 0x2545f4914f6cdd1dn) & 0xffffffffn);
  };
  const checklist = pack.kit;
  const items = checklist.areas.flatMap((area) => area.items.map((item) => item.id));
  const scale = checklist.scale.map((option) => option.id);
  const reasons = checklist.why_not.map((reason) => reason.id);
  const paths = [];
  for (let n = 0; n < count; n += 1) {
    const profile = {};
    for (const question of checklist.profile) profile[question.id] = question.options[next() % question.options.length].id;
    const answers = {};
    for (const item of items) {
      if (next() % 8 === 0) continue;
      const choice = scale[next() % scale.length];
      answers[item] = choice === 'partly' || choice === 'no' ? { choice, why_not: [reasons[next() % reasons.length]] } : { choice };
    }
    const inOrder = (map) => Object.fromEntries(Object.entries(map).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    const envelope = {
      kizuki_export: 2,
      pack_id: pack.id,
      pack_version: pack.version,
      saved_at: new Date(Date.UTC(2026, 0, 1) + n * 60_000).toISOString(),
      revision: 1 + (n % 7),
      state: { kind: 'checklist', data: { profile: inOrder(profile), items: inOrder(answers), actions: {} } },
    };
    const path = join(dir, `export-${String(n).padStart(5, '0')}.json`);
    writeFileSync(path, `${JSON.stringify(envelope, null, 2)}\n`);
    paths.push(path);
  }
  return paths;
}

/**
 * The aggregation page with `count` exports chosen at once: the core's aggregation inside
 * the wasm module (the page's `kizuki-aggregate` User Timing measure) and the whole way from
 * choosing the files to the figures on screen (reading the files included).
 */
async function aggregateInBrowser(origin, count) {
  const pack = JSON.parse(readFileSync(join(ROOT, 'content/mh-checklist.json'), 'utf8'));
  const dir = mkdtempSync(join(tmpdir(), 'kizuki-bench-exports-'));
  try {
    const paths = writeExports(dir, pack, count);
    const bytes = paths.reduce((total, path) => total + statSync(path).size, 0);
    return await withFreshBrowser({}, async (context, page) => {
      const errors = [];
      page.on('pageerror', (error) => errors.push(error.message));
      await page.goto(`${origin}/aggregate.html`);
      const input = page.locator('kizuki-kit input[type=file]');
      // The input is hidden behind the page's own chooser button (FileButton): attached is enough.
      await input.waitFor({ state: 'attached', timeout: 60_000 });
      // Timed in the page: from the input's change event (the files are chosen) until the
      // summary heading exists. Playwright's setInputFiles itself takes many seconds for
      // 10,000 paths (CDP), which a person choosing files does not wait for.
      await page.evaluate(() => {
        const root = document.querySelector('kizuki-kit').shadowRoot;
        root.querySelector('input[type=file]').addEventListener('change', () => {
          window.__aggChanged = performance.now();
        }, { capture: true });
        new MutationObserver((_, observer) => {
          if (root.querySelector('.kizuki-tools-report h3')) {
            window.__aggShown = performance.now();
            observer.disconnect();
          }
        }).observe(root, { childList: true, subtree: true });
      });
      const started = Date.now();
      await input.setInputFiles(paths);
      const harnessMs = Date.now() - started;
      const heading = page.locator('kizuki-kit .kizuki-tools-report h3');
      await heading.waitFor({ timeout: 600_000 });
      const { measures, changed, shown } = await page.evaluate(() => ({
        measures: performance.getEntriesByName('kizuki-aggregate').map((entry) => entry.duration),
        changed: window.__aggChanged ?? null,
        shown: window.__aggShown ?? null,
      }));
      return {
        files: count,
        totalBytes: bytes,
        coreAggregateMs: measures.length ? round(measures.at(-1), 1) : null,
        aggregateCalls: measures.length,
        chooseToFiguresMs: changed !== null && shown !== null ? round(shown - changed, 1) : null,
        harnessSetInputFilesMs: harnessMs,
        heading: (await heading.textContent()).trim(),
        pageErrors: errors,
      };
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------- main

function chromiumVersion() {
  try {
    return execFileSync(CHROMIUM, ['--version'], { encoding: 'utf8' }).trim();
  } catch {
    return null;
  }
}

function packageVersion(name) {
  return JSON.parse(readFileSync(join(HERE, 'node_modules', name, 'package.json'), 'utf8')).version;
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  if (!existsSync(join(args.dist, 'pkg/kizuki_checklist_bg.wasm'))) throw new Error(`${args.dist} has no pkg/: run scripts/build.sh`);
  const site = assembleSite(args.dist);
  const results = {
    meta: {
      startedAt: new Date().toISOString(),
      chromium: chromiumVersion(),
      chromiumFlags: CHROMIUM_ARGS,
      viewport: VIEWPORT,
      node: process.version,
      cpus: `${cpus().length} × ${cpus()[0]?.model ?? '?'}`,
      loadAverageAtStart: loadavg().map((v) => round(v, 2)),
      surveyCore: packageVersion('survey-core'),
      surveyJsUi: packageVersion('survey-js-ui'),
      playwrightCore: packageVersion('playwright-core'),
      runs: args.runs,
    },
  };
  log(`site assembled in ${site}`);
  results.sizes = measureSizes(args.dist, join(site, 'surveyjs'));
  log(`sizes: checklist widget ${results.sizes.widgets['mh-checklist']?.gzip} B gzip, site ${results.sizes.site.gzip} B gzip`);
  const server = await startServer(args.serveBin, site);
  log(`serving at ${server.origin}`);
  try {
    if (args.parts.includes('load')) results.load = await sideBySide(server.origin, args.runs, args.appPage);
    if (args.parts.includes('interaction')) {
      results.interaction = await interaction(server.origin, args.clicks);
      log(`interaction: median ${results.interaction.toProgressLaidOut.median} ms, worst ${results.interaction.toProgressLaidOut.worst} ms`);
    }
    if (args.parts.includes('aggregate')) {
      results.aggregate = await aggregateInBrowser(server.origin, args.aggregateFiles);
      log(`aggregate in the browser: ${results.aggregate.files} files, core ${results.aggregate.coreAggregateMs} ms, choose → figures ${results.aggregate.chooseToFiguresMs} ms`);
    }
  } finally {
    await server.stop();
    rmSync(site, { recursive: true, force: true });
  }
  results.meta.loadAverageAtEnd = loadavg().map((v) => round(v, 2));
  results.meta.finishedAt = new Date().toISOString();
  mkdirSync(dirname(args.out), { recursive: true });
  writeFileSync(args.out, `${JSON.stringify(results, null, 2)}\n`);
  log(`wrote ${args.out}`);
}

export { CHROMIUM, CHROMIUM_ARGS, assembleSite, firstControlProbe, interaction, loadRun, startServer, withFreshBrowser };

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
