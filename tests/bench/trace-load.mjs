// One checklist load, traced: where the first answer's time goes. Records a Chromium
// performance trace of `app.html?kit=checklist` (a fresh browser, 390 px) and prints the
// page's main-thread tasks of at least --min ms with what they did, the requests (asked,
// response, finished), the first contentful paint and the moment the first radio button is
// laid out. BENCHMARKS.md's "The load traced" was read off such traces.
//
//   node tests/bench/trace-load.mjs --dist dist --serve-bin target/bench-serve/release/kizuki-serve
//        [--min 3] [--out /tmp/kizuki-trace.json]
//
// The trace file opens in Chromium's DevTools (Performance, "Load profile…") for the rest.

import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';

const args = { dist: 'dist', serveBin: null, min: 3, out: join(tmpdir(), 'kizuki-trace.json') };
for (let i = 2; i < process.argv.length; i += 2) {
  const [flag, value] = [process.argv[i], process.argv[i + 1]];
  if (flag === '--dist') args.dist = resolve(value);
  else if (flag === '--serve-bin') args.serveBin = resolve(value);
  else if (flag === '--min') args.min = Number(value);
  else if (flag === '--out') args.out = resolve(value);
  else throw new Error(`unknown option ${flag}`);
}
if (!args.serveBin) throw new Error('--serve-bin PATH (kizuki-serve) is required');

const server = spawn(args.serveBin, ['--dir', args.dist, '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
const origin = await new Promise((done, fail) => {
  let out = '';
  server.stdout.on('data', (chunk) => {
    out += chunk;
    const match = out.match(/http:\/\/(127\.0\.0\.1:\d+)\//);
    if (match) done(`http://${match[1]}`);
  });
  server.on('exit', (code) => fail(new Error(`kizuki-serve exited with ${code}`)));
});

const browser = await chromium.launch({
  executablePath: process.env.KIZUKI_CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
let control;
try {
  const page = await browser.newPage({ viewport: { width: 390, height: 844 }, locale: 'ja-JP' });
  // The first radio button laid out, marked in the page (and so in the trace).
  await page.addInitScript(() => {
    const look = () => {
      const input = document.querySelector('kizuki-kit')?.shadowRoot?.querySelector('input[type="radio"]');
      if (input && input.getBoundingClientRect().height > 0) performance.mark('first-control');
      else requestAnimationFrame(look);
    };
    requestAnimationFrame(look);
  });
  const categories = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'v8.wasm', 'blink', 'loading', 'toplevel', 'blink.user_timing'];
  await browser.startTracing(page, { path: args.out, categories });
  await page.goto(`${origin}/app.html?kit=checklist`);
  // Read with a poll of our own: waitForFunction would inject Playwright's script mid-load.
  for (let i = 0; i < 200 && control === undefined; i += 1) {
    await new Promise((done) => setTimeout(done, 100));
    control = await page.evaluate(() => performance.getEntriesByName('first-control')[0]?.startTime);
  }
  await browser.stopTracing();
} finally {
  await browser.close();
  server.kill();
}

const events = JSON.parse(readFileSync(args.out, 'utf8')).traceEvents;
const threads = new Map(events.filter((e) => e.ph === 'M' && e.name === 'thread_name').map((e) => [`${e.pid}:${e.tid}`, e.args.name]));
const start = events.find((e) => e.name === 'navigationStart' && e.args?.data?.isLoadingMainFrame) ?? events.find((e) => e.name === 'navigationStart');
const ms = (ts) => ((ts - start.ts) / 1000).toFixed(1).padStart(7);
const main = new Set([...threads].filter(([, name]) => name === 'CrRendererMain').map(([key]) => key));
const onMain = events.filter((e) => main.has(`${e.pid}:${e.tid}`) && e.ph === 'X' && e.dur && e.ts >= start.ts);
const urls = new Map();

console.log(`first radio button laid out at ${control?.toFixed(1) ?? '(not seen)'} ms; trace in ${args.out}`);
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
