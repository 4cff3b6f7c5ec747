// tests/bench/report.mjs, which writes BENCHMARKS.md's results section at the end of a bench
// run, runs only then: a mistake in it would first show after minutes of measuring. Here it
// renders the committed results (tests/bench/results/) into a copy of BENCHMARKS.md.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import test from 'node:test';

const ROOT = new URL('../../', import.meta.url).pathname;
const BEGIN = '<!-- bench:results:begin';
const END = '<!-- bench:results:end -->';

/** Runs report.mjs over a copy of the committed results, `edit` applied to them first. */
function render(edit = () => {}) {
  const dir = mkdtempSync(join(tmpdir(), 'kizuki-report-'));
  try {
    cpSync(join(ROOT, 'tests/bench/results'), join(dir, 'results'), { recursive: true });
    cpSync(join(ROOT, 'BENCHMARKS.md'), join(dir, 'BENCHMARKS.md'));
    edit(join(dir, 'results'));
    const run = spawnSync('node', [join(ROOT, 'tests/bench/report.mjs'), '--results', join(dir, 'results'), '--criterion', join(dir, 'no-criterion'), '--markdown', join(dir, 'BENCHMARKS.md')], { encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    return readFileSync(join(dir, 'BENCHMARKS.md'), 'utf8');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const outside = (markdown) => [markdown.slice(0, markdown.indexOf(BEGIN)), markdown.slice(markdown.indexOf(END))];

test("the bench's report renders the committed results and leaves the rest of BENCHMARKS.md as it was", () => {
  const before = readFileSync(join(ROOT, 'BENCHMARKS.md'), 'utf8');
  const after = render();
  assert.deepEqual(outside(after), outside(before));
  const section = after.slice(after.indexOf(BEGIN), after.indexOf(END));
  const run = JSON.parse(readFileSync(join(ROOT, 'tests/bench/results/run.json'), 'utf8'));
  assert.match(section, /### Goals/);
  assert.match(section, /\| first answer control ≤ 1\/2 of SurveyJS's time \|/);
  assert.ok(section.includes(`tree at \`${run.commit}\``), 'the tree measured is named');
});

test("the report's wasm-opt table marks the shipped level's row, old runs' -O1 and new runs' flagged row alike", () => {
  const withProfiles = (rows) => (results) => {
    const runFile = join(results, 'run.json');
    const run = JSON.parse(readFileSync(runFile, 'utf8'));
    run.skipped = (run.skipped ?? []).filter((s) => !s.startsWith('release profile'));
    writeFileSync(runFile, JSON.stringify(run));
    if (rows) {
      const file = join(results, 'wasm-profiles.json');
      const profiles = JSON.parse(readFileSync(file, 'utf8'));
      profiles.rows = rows(profiles.rows);
      writeFileSync(file, JSON.stringify(profiles));
    }
  };
  const bold = (markdown) => markdown.split('\n').filter((line) => line.startsWith('| z | true | 1 |') && line.includes('**'));
  // A run recorded before the level changed: its -O1 row was the shipped one.
  const old = bold(render(withProfiles()));
  assert.equal(old.length, 1, old.join('\n'));
  assert.match(old[0], /\| -O1 \|/);
  // A run of today's script: the row it flags, not the -O1 beside it.
  const flagged = bold(
    render(
      withProfiles((rows) => [
        ...rows.filter((r) => r.variant === 'shipped').map((r) => ({ ...r, shippedLevel: false })),
        { ...rows.find((r) => r.variant === 'shipped' && r.wasmOpt === '-O1'), wasmOpt: '-O3 --skip-pass local-cse', shippedLevel: true, gzip: 1234 },
      ]),
    ),
  );
  assert.equal(flagged.length, 1, flagged.join('\n'));
  assert.match(flagged[0], /-O3 --skip-pass local-cse \| .*\*\*1,234\*\*/);
});

test('every script of the bench and the build parses (the bench runs them only when it measures)', () => {
  const scripts = ['tests/bench', 'scripts'].flatMap((dir) => readdirSync(join(ROOT, dir)).filter((name) => name.endsWith('.mjs')).map((name) => join(ROOT, dir, name)));
  assert.ok(scripts.length > 10, scripts.join(' '));
  for (const script of scripts) {
    const check = spawnSync('node', ['--check', script], { encoding: 'utf8' });
    assert.equal(check.status, 0, `${script}: ${check.stderr}`);
  }
});
