// One checklist load, traced: where the first answer's time goes. Records a Chromium
// performance trace of `checklist.html` (or `--page /app.html?kit=checklist`; a fresh
// browser, 390 px) and prints the
// page's main-thread tasks of at least --min ms with what they did, the requests (asked,
// response, finished), the first contentful paint and the moment the first answer control is
// visible (the bench's own probe, `firstControlProbe` in run.mjs). BENCHMARKS.md's "The load
// traced" was read off such traces.
//
//   node tests/bench/trace-load.mjs --dist dist --serve-bin target/bench-serve/release/kizuki-serve
//        [--min 3] [--out /tmp/kizuki-trace.json] [--page /checklist.html]
//
// The trace file opens in Chromium's DevTools (Performance, "Load profile…") for the rest.

import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';

import { CHROMIUM, CHROMIUM_ARGS, firstControlProbe, startServer } from './run.mjs';

const args = { dist: 'dist', serveBin: null, min: 3, out: join(tmpdir(), 'kizuki-trace.json'), page: '/checklist.html' };
for (let i = 2; i < process.argv.length; i += 2) {
  const [flag, value] = [process.argv[i], process.argv[i + 1]];
  if (flag === '--dist') args.dist = resolve(value);
  else if (flag === '--serve-bin') args.serveBin = resolve(value);
  else if (flag === '--min') args.min = Number(value);
  else if (flag === '--out') args.out = resolve(value);
  else if (flag === '--page') args.page = value;
  else throw new Error(`unknown option ${flag}`);
}
if (!args.serveBin) throw new Error('--serve-bin PATH (kizuki-serve) is required');

const server = await startServer(args.serveBin, args.dist);
const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
let control;
try {
  const page = await browser.newPage({ viewport: { width: 390, height: 844 }, locale: 'ja-JP' });
  // The bench's own probe: the first radio button visible with a non-empty box.
  await page.addInitScript(firstControlProbe);
  const categories = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'v8.wasm', 'blink', 'loading', 'toplevel', 'blink.user_timing'];
  await browser.startTracing(page, { path: args.out, categories });
  await page.goto(`${server.origin}${args.page}`);
  // Read with a poll of our own: waitForFunction would inject Playwright's script mid-load.
  for (let i = 0; i < 200 && control === undefined; i += 1) {
    await new Promise((done) => setTimeout(done, 100));
    control = await page.evaluate(() => window.__bench.firstControl ?? undefined);
  }
  await browser.stopTracing();
} finally {
  await browser.close();
  await server.stop();
}

const events = JSON.parse(readFileSync(args.out, 'utf8')).traceEvents;
const threads = new Map(events.filter((e) => e.ph === 'M' && e.name === 'thread_name').map((e) => [`${e.pid}:${e.tid}`, e.args.name]));
const start = events.find((e) => e.name === 'navigationStart' && e.args?.data?.isLoadingMainFrame) ?? events.find((e) => e.name === 'navigationStart');
const ms = (ts) => ((ts - start.ts) / 1000).toFixed(1).padStart(7);
const main = new Set([...threads].filter(([, name]) => name === 'CrRendererMain').map(([key]) => key));
const onMain = events.filter((e) => main.has(`${e.pid}:${e.tid}`) && e.ph === 'X' && e.dur && e.ts >= start.ts);
const urls = new Map();

console.log(`first answer control visible at ${control?.toFixed(1) ?? '(not seen)'} ms; trace in ${args.out}`);
console.log('\nrequests (ms from navigation start):');
for (const e of events) {
  const data = e.args?.data;
  if (e.name === 'ResourceSendRequest') {
    urls.set(data.requestId, new URL(data.url).pathname);
    console.log(`${ms(e.ts)} asked     ${new URL(data.url).pathname}`);
  } else if (e.name === 'ResourceReceiveResponse' && urls.has(data.requestId)) {
    console.log(`${ms(e.ts)} response  ${urls.get(data.requestId)}`);
  } else if (e.name === 'ResourceFinish' && urls.has(data.requestId)) {
    console.log(`${ms(e.ts)} finished  ${urls.get(data.requestId)}`);
  } else if (e.name === 'firstContentfulPaint') {
    console.log(`${ms(e.ts)} first contentful paint`);
  }
}
console.log(`\nthe page's main thread, tasks of ${args.min} ms or more, with what inside them took 1 ms or more:`);
for (const task of onMain.filter((e) => e.name === 'ThreadControllerImpl::RunTask' && e.dur >= args.min * 1000)) {
  console.log(`${ms(task.ts)} task ${(task.dur / 1000).toFixed(1)} ms`);
  const inside = onMain.filter((e) => e !== task && e.ts >= task.ts && e.ts + e.dur <= task.ts + task.dur && e.dur >= 1000 && !e.name.includes('RunTask'));
  for (const e of inside.slice(0, 20)) {
    const what = e.args?.data?.url ?? e.args?.data?.functionName ?? '';
    console.log(`${ms(e.ts)}   ${(e.dur / 1000).toFixed(1).padStart(6)} ${e.name} ${String(what).slice(-60)}`);
  }
}
