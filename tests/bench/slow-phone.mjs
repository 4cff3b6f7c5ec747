// What a widget costs on a slow phone line, served as `scripts/build.sh` leaves dist/ (the
// precompressed .br beside each file, as kizuki-serve or a center's server configured by the
// embed guide returns them) and from a plain static host that compresses nothing, with the
// build's .gz copies beside the files (kizuki.js takes those of the large files) and without.
//
//   node tests/bench/slow-phone.mjs [--runs N] [--out FILE]
//
// Each load is a fresh browser with Lighthouse's mobile throttling: 1.6 Mbit/s down,
// 750 kbit/s up, 150 ms round trip, the CPU slowed 4×. The figure is the time from navigation
// to the first answer control visible (the same probe as run.mjs). Needs dist/ and
// target/debug/kizuki-serve. Writes a JSON file and prints a Markdown table.

import { rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { copyWithoutCompressed, plainHost } from '../browser/helpers.mjs';
import { firstControlProbe, startServer, withFreshBrowser } from './run.mjs';

const ROOT = resolve(import.meta.dirname, '../..');
const DIST = join(ROOT, 'dist');
// Each kind's own page names its widget's files in its head (scripts/kit-pages.mjs), as the
// guide asks centers to; app.html?kit=… learns its kit only when its script runs.
const PAGES = [
  ['checklist (mh-checklist), checklist.html', '/checklist.html'],
  ['checklist (mh-checklist), app.html?kit=checklist', '/app.html?kit=checklist'],
  ['stress self-check (bjsq-57), questionnaire.html', '/questionnaire.html'],
];
const LINE = { latency: 150, downloadThroughput: (1.6e6 / 8) * 0.9, uploadThroughput: (750e3 / 8) * 0.9 };
const CPU_SLOWDOWN = 4;

async function load(origin, path) {
  return withFreshBrowser({}, async (context, page) => {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, ...LINE });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
    let bytes = 0;
    cdp.on('Network.loadingFinished', (event) => (bytes += event.encodedDataLength));
    await page.addInitScript(firstControlProbe);
    await page.goto(`${origin}${path}`, { waitUntil: 'commit' });
    await page.waitForFunction(() => window.__bench?.firstControlFrame != null, null, { timeout: 120_000, polling: 100 });
    const ms = await page.evaluate(() => window.__bench.firstControlFrame);
    await page.waitForLoadState('networkidle', { timeout: 30_000 }).catch(() => {});
    return { ms, bytes };
  });
}

const args = process.argv.slice(2);
const runs = Number(args[args.indexOf('--runs') + 1]) || 3;
const out = args.includes('--out') ? args[args.indexOf('--out') + 1] : join(ROOT, 'tests/bench/results/slow-phone.json');
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
// The same files without the build's .br and .gz copies: a plain host where they were not
// uploaded (kizuki.js then reads the large files as they are; with them it takes the .gz).
const bare = copyWithoutCompressed(DIST);
const hosts = [
  ['precompressed (brotli)', await startServer(join(ROOT, 'target/debug/kizuki-serve'), DIST)],
  ['plain host, no compression, the .gz files beside', await plainHost(DIST)],
  ['plain host, no compression, no .gz files', await plainHost(bare)],
];
const results = [];
try {
  for (const [page, path] of PAGES) {
    for (const [host, server] of hosts) {
      const loads = [];
      for (let i = 0; i < runs; i += 1) loads.push(await load(server.origin, path));
      const row = { page, host, runs, medianMs: Math.round(median(loads.map((l) => l.ms))), medianBytes: median(loads.map((l) => l.bytes)), loads };
      console.error(`[slow-phone] ${page}, ${host}: ${row.medianMs} ms, ${row.medianBytes} B`);
      results.push(row);
    }
  }
} finally {
  for (const [, server] of hosts) await server.stop();
  rmSync(bare, { recursive: true, force: true });
}
writeFileSync(out, `${JSON.stringify({ date: new Date().toISOString(), line: LINE, cpuSlowdown: CPU_SLOWDOWN, results }, null, 2)}\n`);
console.log('| widget | served | first answer control (median) | bytes transferred |');
console.log('|---|---|---:|---:|');
for (const r of results) console.log(`| ${r.page} | ${r.host} | ${(r.medianMs / 1000).toFixed(1)} s | ${r.medianBytes.toLocaleString('en')} |`);
