// Rewrites the results section of BENCHMARKS.md (between the `bench:results` markers) from
// one run's JSON files, and saves the criterion figures it read as results/engine.json.
//
//   node report.mjs --results DIR --criterion TARGET/criterion --markdown BENCHMARKS.md
//
// DIR holds browser.json (run.mjs), wasm-profiles.json (wasm-profiles.sh, optional) and
// run.json (what scripts/bench.sh records about the run: commit, dates, what it skipped).

import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const BEGIN = '<!-- bench:results:begin (scripts/bench.sh rewrites this section) -->';
const END = '<!-- bench:results:end -->';
const WIDGET_BUDGET = 120 * 1024;
/** Issue 14's bar for a widget, on the way to the goal: 250 KB (KiB, as the goal's 120 KB). */
const WIDGET_BAR = 250 * 1024;
const SITE_BUDGET = 250 * 1024;

function parseArgs(argv) {
  const args = {};
  for (let i = 0; i < argv.length; i += 2) args[argv[i].replace(/^--/, '')] = resolve(argv[i + 1]);
  for (const key of ['results', 'criterion', 'markdown']) if (!args[key]) throw new Error(`--${key} is required`);
  return args;
}

const readJson = (path) => (existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : null);
const n = (value) => (value === null || value === undefined ? '–' : Math.round(value).toLocaleString('en-US'));
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const ms = (value, digits = 1) => (value === null || value === undefined ? '–' : `${value.toFixed(digits)} ms`);
const verdict = (met) => (met ? '**met**' : '**missed**');

/** Criterion's `new/` folders: group, function, and the estimates, in nanoseconds. */
function readCriterion(dir) {
  const out = [];
  if (!existsSync(dir)) return out;
  const walk = (at) => {
    for (const name of readdirSync(at)) {
      const path = join(at, name);
      if (!statSync(path).isDirectory()) continue;
      if (name === 'new' && existsSync(join(path, 'benchmark.json'))) {
        const bench = JSON.parse(readFileSync(join(path, 'benchmark.json'), 'utf8'));
        const estimates = JSON.parse(readFileSync(join(path, 'estimates.json'), 'utf8'));
        out.push({
          group: bench.group_id,
          name: bench.function_id ?? bench.value_str ?? bench.title,
          throughput: bench.throughput ?? null,
          meanNs: estimates.mean.point_estimate,
          meanLowNs: estimates.mean.confidence_interval.lower_bound,
          meanHighNs: estimates.mean.confidence_interval.upper_bound,
          medianNs: estimates.median.point_estimate,
        });
      } else if (name !== 'report' && name !== 'base' && name !== 'change') {
        walk(path);
      }
    }
  };
  walk(dir);
  return out.sort((a, b) => `${a.group}/${a.name}`.localeCompare(`${b.group}/${b.name}`));
}

const time = (ns) => (ns >= 1e9 ? `${(ns / 1e9).toFixed(2)} s` : ns >= 1e6 ? `${(ns / 1e6).toFixed(2)} ms` : ns >= 1e3 ? `${(ns / 1e3).toFixed(1)} µs` : `${ns.toFixed(0)} ns`);

function render({ run, browser, engine, profiles }) {
  const lines = [];
  const push = (...more) => lines.push(...more);
  const sizes = browser.sizes;
  const load = browser.load;
  const inter = browser.interaction;
  const widgets = Object.entries(sizes.widgets);

  push(`Recorded by \`scripts/bench.sh\` on ${run.startedAt.slice(0, 16).replace('T', ' ')} UTC` +
    ` (finished ${run.finishedAt?.slice(11, 16) ?? '?'}), tree at \`${run.commit}\`${run.dirty ? ' with uncommitted changes' : ''}.`);
  push(`Machine: ${browser.meta.cpus}; load average ${browser.meta.loadAverageAtStart.join(' / ')} when the browser runs started` +
    ` and ${browser.meta.loadAverageAtEnd.join(' / ')} when they ended (other builds were running: timings are noisy, ratios less so).`);
  push(`${browser.meta.chromium}, playwright-core ${browser.meta.playwrightCore}, Node ${browser.meta.node};` +
    ` SurveyJS survey-core ${browser.meta.surveyCore} + survey-js-ui ${browser.meta.surveyJsUi}.`);
  if (run.skipped?.length) push('', `Not measured in this run: ${run.skipped.join('; ')}.`);
  push('');

  // Goals
  const bytesRatio = load.ratios.transferredBytes;
  const timeRatio = load.ratios.firstControlFrameMs;
  const outside = Math.max(load.kizuki.outsideRequests.max, load.kizukiApp?.outsideRequests.max ?? 0);
  push('### Goals', '', '| goal | measured | verdict |', '|---|---|---|');
  for (const [kit, w] of widgets) {
    push(`| one widget (${kit}, ${w.kind}) ≤ 120 KB gzip (bar on the way: 250 KB) | ${kb(w.gzip)} (${n(w.gzip)} B) | ${verdict(w.gzip <= WIDGET_BUDGET)}; bar ${verdict(w.gzip <= WIDGET_BAR)} |`);
  }
  push(`| whole site, every kit ≤ 250 KB gzip | ${kb(sizes.site.gzip)} (${n(sizes.site.gzip)} B) | ${verdict(sizes.site.gzip <= SITE_BUDGET)} |`);
  push(`| bytes ≤ 1/3 of SurveyJS's (transferred, checklist) | ${bytesRatio.toFixed(3)} × (${n(load.kizuki.transferredBytes.median)} / ${n(load.surveyjs.transferredBytes.median)} B) | ${verdict(bytesRatio <= 1 / 3)} |`);
  const appTime = load.kizukiApp
    ? `; \`${load.pages.kizukiApp.path}\`: ${load.appRatios.firstControlFrameMs.toFixed(3)} × (${ms(load.kizukiApp.firstControlFrameMs.median)})`
    : '';
  push(`| first answer control ≤ 1/2 of SurveyJS's time | \`${load.pages.kizuki.path}\`: ${timeRatio.toFixed(3)} × (${ms(load.kizuki.firstControlFrameMs.median)} / ${ms(load.surveyjs.firstControlFrameMs.median)}, medians of ${load.kizuki.runs})${appTime} | ${verdict(timeRatio <= 0.5)} |`);
  push(`| zero requests outside the origin | ${outside} in every one of ${load.kizuki.runs} runs${load.kizuki.outsideRequests.min === outside ? '' : ` (max; min ${load.kizuki.outsideRequests.min})`}; SurveyJS ${load.surveyjs.outsideRequests.median} | ${verdict(outside === 0)} |`);
  if (browser.aggregate) {
    const agg = browser.aggregate;
    push(`| aggregation of ${n(agg.files)} exports in the browser (wasm) < 1 s | ${ms(agg.coreAggregateMs)} in the core; ${ms(agg.chooseToFiguresMs)} from the files chosen to the figures | ${verdict(agg.coreAggregateMs !== null && agg.coreAggregateMs < 1000)} |`);
  }
  const frame = inter.toNextFrame;
  push(`| answer → progress on screen < 16 ms (200-item checklist, ${inter.clicks} clicks; click → next animation frame after the change) | median ${ms(frame.median, 2)}, p95 ${ms(frame.p95, 2)}, worst ${ms(frame.worst, 2)} | ${frame.worst < 16 ? verdict(true) : frame.median < 16 ? '**median met, worst missed**' : verdict(false)} |`);
  push('');

  // Sizes
  push('### Bytes', '', `Each file compressed on its own (${sizes.compression}); a widget is the wasm, its JS glue, its module's stylesheet (kizuki-<module>.css), kizuki.js and its kit's pack in the widget's language (Japanese: content/<pack>.ja.json, the one file a Japanese widget fetches).`, '');
  push('| what | raw | gzip -9 | brotli |', '|---|---:|---:|---:|');
  push(`| engine of a checklist widget: its wasm + glue + kizuki-checklist.css + kizuki.js | ${n(sizes.engine.raw)} | ${n(sizes.engine.gzip)} | ${n(sizes.engine.brotli)} |`);
  for (const [kit, w] of widgets) push(`| widget **${kit}** (${w.kind}; + ${w.files[4]}) | ${n(w.raw)} | ${n(w.gzip)} | ${n(w.brotli)} |`);
  push(`| **whole site** (every file of dist/ but npm/: ${sizes.site.files} files, all kits) | ${n(sizes.site.raw)} | ${n(sizes.site.gzip)} | ${n(sizes.site.brotli)} |`);
  push(`| SurveyJS page for the same checklist (${Object.keys(sizes.surveyjs.files).length} files) | ${n(sizes.surveyjs.total.raw)} | ${n(sizes.surveyjs.total.gzip)} | ${n(sizes.surveyjs.total.brotli)} |`);
  push('', '<details><summary>Per file</summary>', '', '| file | raw | gzip -9 | brotli |', '|---|---:|---:|---:|');
  for (const [file, s] of Object.entries(sizes.files)) push(`| ${file} | ${n(s.raw)} | ${n(s.gzip)} | ${n(s.brotli)} |`);
  for (const [file, s] of Object.entries(sizes.surveyjs.files)) push(`| surveyjs/${file} | ${n(s.raw)} | ${n(s.gzip)} | ${n(s.brotli)} |`);
  push('', '</details>', '');

  // Side by side
  const k = load.kizuki;
  const s = load.surveyjs;
  // app.html?kit=checklist beside the kit's own page (results written before it have none).
  const a = load.kizukiApp;
  const appCell = (f, fmt) => (a ? ` ${fmt(f(a))} |` : '');
  const row = (label, f, fmt, ratio) =>
    push(`| ${label} | ${fmt(f(k))} |${appCell(f, fmt)} ${fmt(f(s))} | ${ratio ?? (f(k) / f(s)).toFixed(3)} |${a ? ` ${ratio ?? (f(a) / f(s)).toFixed(3)} |` : ''}`);
  push('### Load, side by side with SurveyJS', '',
    `${k.runs} runs each, ${a ? 'Kizuki\'s two pages and SurveyJS taking turns' : 'alternating Kizuki and SurveyJS'}, each in a new headless Chromium with a fresh profile, over loopback from one kizuki-serve` +
    ` (release build; it compresses on the fly with ${[...new Set(k.firstRunRequests.map((r) => r.encoding).filter(Boolean))].join('/') || 'nothing'}).` +
    ` Kizuki: \`${load.pages.kizuki.path}\`${a ? ` (the goal figures: the page names the widget's files in its head) and \`${load.pages.kizukiApp.path}\` (learns its kit from the address when its script runs)` : ''}, with the server's CSP enforced. SurveyJS: \`${load.pages.surveyjs.path}\` with the CSP bypassed, as on a page without one.` +
    ' Times are medians, from navigation start, read in the page.', '');
  if (a) push(`| | Kizuki \`${load.pages.kizuki.path}\` | Kizuki \`${load.pages.kizukiApp.path}\` | SurveyJS | Kizuki / SurveyJS | app page / SurveyJS |`, '|---|---:|---:|---:|---:|---:|');
  else push('| | Kizuki | SurveyJS | Kizuki / SurveyJS |', '|---|---:|---:|---:|');
  row('first answer control visible, next frame (goal figure)', (x) => x.firstControlFrameMs.median, ms);
  row('first answer control in the DOM and laid out', (x) => x.firstControlMs.median, ms);
  row('first contentful paint', (x) => x.firstContentfulPaintMs.median, ms);
  const span = (x) => `${ms(x.firstControlFrameMs.min)} – ${ms(x.firstControlFrameMs.max)}`;
  push(`| fastest – slowest run (next frame) | ${span(k)} |${a ? ` ${span(a)} |` : ''} ${span(s)} | |${a ? ' |' : ''}`);
  row('bytes transferred (bodies + headers)', (x) => x.transferredBytes.median, n);
  row('requests', (x) => x.requests.median, n);
  row('requests outside the origin (attempts)', (x) => x.outsideRequests.median, n, '–');
  row('JS heap used after first render (after GC)', (x) => x.heapUsedBytes.median, n);
  row('WebAssembly memory', (x) => x.wasmMemoryBytes.median, n, '–');
  row('JS heap + WebAssembly memory', (x) => x.heapUsedPlusWasmBytes.median, n);
  push('');
  if (s.outsideUrls.length) push(`SurveyJS's outside requests: ${s.outsideUrls.map((u) => `\`${u}\``).join(', ')}.`);
  if (k.outsideUrls.length) push(`Kizuki's outside requests: ${k.outsideUrls.map((u) => `\`${u}\``).join(', ')}.`);
  if (k.cspViolations.length) push(`CSP violations on Kizuki's page: ${k.cspViolations.map((u) => `\`${u}\``).join(', ')}.`);
  push('', 'Where the time goes (medians over the runs, ms from navigation start; a file\'s end is when its last byte arrived):', '');
  push('| Kizuki | asked | arrived | | SurveyJS | asked | arrived |', '|---|---:|---:|---|---|---:|---:|');
  const withControl = (x) =>
    [...x.timeline, { name: '**first answer control visible**', start: x.firstControlFrameMs.median, end: null }].sort(
      (a, b) => a.start - b.start,
    );
  const left = withControl(k);
  const right = withControl(s);
  for (let i = 0; i < Math.max(left.length, right.length); i += 1) {
    const cell = (e) => (e ? `${e.name} | ${e.start.toFixed(0)} | ${e.end === null ? '' : e.end.toFixed(0)}` : ' | | ');
    push(`| ${cell(left[i])} | | ${cell(right[i])} |`);
  }
  push('', '<details><summary>Requests of the first run</summary>', '', '| page | request | status | encoding | bytes |', '|---|---|---:|---|---:|');
  for (const [name, x] of [['Kizuki', k], ['SurveyJS', s]]) {
    for (const r of x.firstRunRequests) push(`| ${name} | \`${r.url.slice(0, 90)}\` | ${r.status ?? r.failed ?? ''} | ${r.encoding ?? ''} | ${n(r.bytes)} |`);
  }
  push('', '</details>', '');

  // Interaction
  push('### Interaction: answer → progress', '',
    `A 200-item checklist (tests/bench/make-pack-200.mjs), ${inter.clicks} trusted clicks on answer labels, one per item, cycling the 4 options` +
    ' (so every other answer also opens the "why not" reasons). Timed in the page from the click event\'s timestamp.', '');
  push('| from the click to … | median | p95 | worst |', '|---|---:|---:|---:|');
  push(`| the progress text changed in the DOM | ${ms(inter.toProgressInDom.median, 2)} | ${ms(inter.toProgressInDom.p95, 2)} | ${ms(inter.toProgressInDom.worst, 2)} |`);
  push(`| … and laid out | ${ms(inter.toProgressLaidOut.median, 2)} | ${ms(inter.toProgressLaidOut.p95, 2)} | ${ms(inter.toProgressLaidOut.worst, 2)} |`);
  push(`| the next animation frame after it (goal figure) | ${ms(inter.toNextFrame.median, 2)} | ${ms(inter.toNextFrame.p95, 2)} | ${ms(inter.toNextFrame.worst, 2)} |`);
  push('', `Event Timing (click to next paint, reported only at ≥ 16 ms): ${inter.eventTimingClicksOver16ms} of ${inter.clicks} clicks` +
    `${inter.eventTimingWorstMs ? `, longest ${inter.eventTimingWorstMs} ms` : ''}. Progress at the end: "${inter.lastProgressText}".`);
  if (inter.pageErrors.length) push('', `Page errors: ${inter.pageErrors.join('; ')}`);
  push('');

  // Engine
  push('### Engine (native, criterion)', '');
  if (!engine.length) {
    push('Not measured in this run.', '');
  } else {
    push('`cargo bench -p kizuki-core --bench engine` with the workspace\'s bench profile (it inherits release: opt-level "z", fat LTO, 1 codegen unit). The 200-item pack is `tests/bench/make-pack-200.mjs`\'s recipe; the exports aggregated are distinct, with random answers from a fixed seed.', '');
    push('| benchmark | mean | 95% interval | per element |', '|---|---:|---:|---:|');
    for (const b of engine) {
      const count = b.throughput?.Elements ?? null;
      push(`| ${b.group} / ${b.name} | ${time(b.meanNs)} | ${time(b.meanLowNs)} – ${time(b.meanHighNs)} | ${count ? time(b.meanNs / count) : ''} |`);
    }
    push('');
  }
  const agg = browser.aggregate;
  push('### Aggregation in the browser (wasm)', '');
  if (!agg) {
    push('Not measured in this run.', '');
  } else {
    push(`The aggregation page (\`/aggregate.html\`, mh-checklist) with ${n(agg.files)} distinct exports (${n(agg.totalBytes)} bytes, tests/bench/run.mjs's generator, fixed seed) chosen at once in its file input.`, '');
    push('| what | time |', '|---|---:|');
    push(`| the core's aggregation inside the wasm module (the page's \`kizuki-aggregate\` User Timing measure; goal < 1 s) | ${ms(agg.coreAggregateMs)} |`);
    push(`| from the file input's change event to the figures on screen (reading ${n(agg.files)} files, aggregating, rendering), timed in the page | ${ms(agg.chooseToFiguresMs)} |`);
    push('', `The page said: "${agg.heading}"; aggregated ${agg.aggregateCalls} time(s). (Handing ${n(agg.files)} paths to the file input through Playwright took ${ms(agg.harnessSetInputFilesMs, 0)} before that; a person choosing files does not wait for it.)${agg.pageErrors.length ? ` Page errors: ${agg.pageErrors.join('; ')}` : ''}`, '');
  }

  // Profiles
  push('### Release profile and wasm-opt: effect on the wasm', '');
  if (!profiles) {
    push('Not measured in this run.', '');
  } else {
    push('`kizuki_checklist_bg.wasm` (the checklist kit\'s module) after wasm-bindgen, built by tests/bench/wasm-profiles.sh into target/bench-wasm (the shipped profile is opt-level "z", fat LTO, 1 codegen unit, then the functions ordered by name (scripts/wasm-order.mjs) and wasm-opt at the shipped level, -O3 without binaryen\'s inlining and its local-cse (scripts/lib.sh, wasm_opt_level_flags): the levels with inlining shrink the raw wasm but grow it gzipped; every level here is ordered the same way).', '');
    push('| opt-level | LTO | codegen-units | wasm-opt | raw | gzip -9 | brotli | build |', '|---|---|---:|---|---:|---:|---:|---:|');
    for (const r of profiles.rows) {
      // The shipped level's row (runs recorded before 2026-12-07 have no flag: theirs was -O1).
      const shipped = r.variant === 'shipped' && (r.shippedLevel ?? r.wasmOpt === '-O1');
      const b = (v) => (shipped ? `**${n(v)}**` : n(v));
      push(`| ${r.optLevel} | ${r.lto} | ${r.codegenUnits} | ${r.wasmOpt} | ${b(r.raw)} | ${b(r.gzip)} | ${b(r.brotli)} | ${r.buildSeconds === null ? 'scripts/build.sh' : `${r.buildSeconds} s`} |`);
    }
    push('', 'Build times are wall-clock on a shared, busy machine; only the sizes are comparable.', '');
    const measured = new Set(profiles.rows.map((r) => r.variant));
    const missing = ['s', 'o3', 'z-nolto', 'z-cgu16', 'z-thin'].filter((v) => !measured.has(v));
    if (missing.length) push(`Variants not measured in this run: ${missing.join(', ')} (see tests/bench/wasm-profiles.sh).`, '');
  }
  if (profiles?.byCrate) {
    const c = profiles.byCrate;
    push('### Where the wasm\'s code bytes come from', '',
      `The shipped settings with \`strip = false\`, through wasm-bindgen, before wasm-opt (tests/bench/wasm-crates.mjs): ${n(c.codeBytes)} bytes of code in ${n(c.functions)} functions, and ${n(c.dataBytes)} bytes of data (string constants, the UI text of both languages, tables). Generic code counts for the crate that defines it (\`alloc\`, \`core\`, \`serde\` hold what other crates instantiate).`, '');
    push('| crate | code bytes | share |', '|---|---:|---:|');
    for (const { crate, bytes } of c.crates) push(`| ${crate} | ${n(bytes)} | ${((100 * bytes) / c.codeBytes).toFixed(1)} % |`);
    push('');
  }
  return lines.join('\n');
}

function main() {
  const args = parseArgs(process.argv.slice(2));
  const run = readJson(join(args.results, 'run.json'));
  const browser = readJson(join(args.results, 'browser.json'));
  if (!run || !browser) throw new Error(`${args.results} needs run.json and browser.json`);
  const profiles = run.skipped?.some((s) => s.startsWith('release profile')) ? null : readJson(join(args.results, 'wasm-profiles.json'));
  const engine = run.skipped?.some((s) => s.startsWith('engine')) ? [] : readCriterion(args.criterion);
  writeFileSync(join(args.results, 'engine.json'), `${JSON.stringify(engine, null, 2)}\n`);
  const section = render({ run, browser, engine, profiles });
  const markdown = readFileSync(args.markdown, 'utf8');
  const begin = markdown.indexOf(BEGIN);
  const end = markdown.indexOf(END);
  if (begin < 0 || end < begin) throw new Error(`${args.markdown} has no results markers`);
  writeFileSync(args.markdown, `${markdown.slice(0, begin + BEGIN.length)}\n\n${section}\n\n${markdown.slice(end)}`);
  console.error(`[bench] rewrote the results section of ${args.markdown}`);
}

main();
