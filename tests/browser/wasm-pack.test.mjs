// wasm-pack builds the same npm package as scripts/build.sh (issue 14): scripts/wasm-pack.sh
// runs `wasm-pack build web --target web` per kit with the pinned wasm-bindgen and the
// project's wasm-opt step, then lays the package out as build.sh lays out dist/npm/.
//
// The build itself is opt-in, minutes on two cores: KIZUKI_WASM_PACK=1 builds every kit with
// wasm-pack and compares the package with dist/npm/ file for file (the list, package.json's
// fields, the typings, the glue, the stylesheets and the modules byte for byte); it needs
// wasm-pack (`cargo install wasm-pack --locked`), rustup's wasm32 target and a dist/ that
// scripts/build.sh built from the same sources. Without them it is skipped, saying which is
// missing. The other checks always run, without any build: the two scripts share one copy of
// the package steps (scripts/lib.sh: the release wasm-opt flags, kizuki.js filled in,
// package.json and README), and those steps write what the package needs; wasm-pack's own
// wasm-opt is off, and the script stops with a clear message, before building, without
// wasm-pack, with a wasm-bindgen other than the pinned one, or at an `--out` folder that
// holds something other than an earlier package (left as it was).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = new URL('../../', import.meta.url).pathname;
const DIST_NPM = join(ROOT, 'dist/npm');
const OUT = join(ROOT, 'target-wasm/wasm-pack/npm-test');
const BUILD_SH = readFileSync(join(ROOT, 'scripts/build.sh'), 'utf8');
const WASM_PACK_SH = readFileSync(join(ROOT, 'scripts/wasm-pack.sh'), 'utf8');

/** The one line of `script` that starts (after indentation) with `start`, or a failure. */
function lineStarting(script, start, name) {
  const lines = script.split('\n').map((line) => line.trim()).filter((line) => line.startsWith(start));
  assert.equal(lines.length, 1, `${name}: one line starting with ${start}, found ${lines.length}`);
  return lines[0];
}

/** Runs `body` in bash with scripts/lib.sh sourced, from the project's root. */
function withLib(body, ...args) {
  const run = spawnSync('bash', ['-c', `source scripts/lib.sh; ${body}`, 'lib', ...args], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(run.status, 0, `${body}: ${run.stderr}`);
  return run.stdout;
}

test('build.sh and wasm-pack.sh share one copy of the package steps (scripts/lib.sh)', () => {
  for (const [name, script] of [['build.sh', BUILD_SH], ['wasm-pack.sh', WASM_PACK_SH]]) {
    for (const call of ['mapfile -t opt_flags < <(wasm_opt_release_flags)', 'fill_kizuki_js ', 'write_npm_meta ']) {
      assert.ok(script.includes(call), `${name} calls ${call.trim()}`);
    }
    for (const copy of ['const pkg = {', "<<'README'", 'KIZUKI_WORDS', '--reorder-functions-by-name']) {
      assert.ok(!script.includes(copy), `${name} has its own copy of ${copy}`);
    }
  }
  const pkgPaths = (script, name) => lineStarting(script, "sed 's#\\./pkg/#./#g'", name).replace(/"[^"]*"/g, '');
  assert.equal(pkgPaths(WASM_PACK_SH, 'wasm-pack.sh'), pkgPaths(BUILD_SH, 'build.sh'));
});

test('the shared steps: release flags, kizuki.js filled from the locales and the kinds, package.json and README', () => {
  const flags = withLib('wasm_opt_release_flags').trim().split('\n');
  // A kit's module: -O3 without binaryen's inlining and its local-cse (the gzipped wasm's
  // smallest level, BENCHMARKS.md), the level's flags first.
  const level = withLib('wasm_opt_level_flags').trim().split('\n');
  assert.deepEqual(flags.slice(0, level.length), level);
  assert.equal(level[0], '-O3');
  for (const limit of ['--always-inline-max-function-size', '--flexible-inline-max-function-size', '--one-caller-inline-max-function-size', '--partial-inlining-ifs']) {
    assert.equal(level[level.indexOf(limit) + 1], '0', `${limit} 0 in ${level.join(' ')}`);
  }
  assert.equal(level[level.indexOf('--skip-pass') + 1], 'local-cse');
  // The aggregation's module, built for speed (scripts/lib.sh's wasm_kit_for_speed, for build.sh and wasm-pack.sh alike).
  const speed = withLib('KIZUKI_WASM_FOR_SPEED=1 wasm_opt_release_flags').trim().split('\n');
  assert.deepEqual(speed, ['-O2', ...flags.slice(level.length)]);
  assert.deepEqual(['aggregate', 'checklist', 'tools'].map((kit) => withLib(`wasm_kit_for_speed ${kit}`).trim()), ['1', '0', '0']);
  for (const [name, script] of [['build.sh', BUILD_SH], ['wasm-pack.sh', WASM_PACK_SH]]) {
    assert.ok(script.includes('KIZUKI_WASM_FOR_SPEED="$(wasm_kit_for_speed "$kit")"'), `${name} builds each kit as wasm_kit_for_speed says`);
  }
  for (const flag of ['--reorder-functions-by-name', '--strip-debug', '--strip-producers', '--strip-target-features', '--enable-bulk-memory']) {
    assert.ok(flags.includes(flag), `${flag} in ${flags.join(' ')}`);
  }
  const dir = mkdtempSync(join(tmpdir(), 'kizuki-npm-meta-'));
  try {
    writeFileSync(join(dir, 'kizuki.js'), readFileSync(join(ROOT, 'www/kizuki.js')));
    withLib('fill_kizuki_js "$1"', join(dir, 'kizuki.js'));
    const filled = readFileSync(join(dir, 'kizuki.js'), 'utf8');
    const ui = JSON.parse(readFileSync(join(ROOT, 'web/locales/ja/ui.json'), 'utf8'));
    assert.ok(filled.includes(JSON.stringify(ui.loading)), 'the Japanese loading line is filled in');
    assert.match(filled, /const KINDS = \{"checklist":"mh-checklist"/);
    assert.ok(!filled.includes('KIZUKI_WORDS'), 'no placeholder left');
    withLib('write_npm_meta "$1" kizuki_checklist_bg.wasm kizuki-checklist.css', dir);
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    const version = readFileSync(join(ROOT, 'Cargo.toml'), 'utf8').match(/^version *= *"(.*)"/m)[1];
    assert.equal(pkg.name, 'kizuki-embed');
    assert.equal(pkg.version, version);
    assert.deepEqual(pkg.files, ['kizuki_checklist_bg.wasm', 'kizuki-checklist.css', 'kizuki.js', 'kizuki.d.ts', 'kizuki.css']);
    const readme = readFileSync(join(dir, 'README.md'), 'utf8');
    assert.ok(readme.startsWith('# kizuki-embed\n'), 'README starts at its title, not indented');
    assert.ok(readme.includes("script-src 'wasm-unsafe-eval'"));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("wasm-pack's own wasm-opt is off in every profile of web/Cargo.toml", () => {
  // On: wasm-pack would download binaryen from GitHub and run it at -O (larger gzipped).
  const manifest = readFileSync(join(ROOT, 'web/Cargo.toml'), 'utf8');
  for (const profile of ['dev', 'release', 'profiling']) {
    // The profile's table, up to the next table; in it, `wasm-opt = false`.
    const table = new RegExp(`^\\[package\\.metadata\\.wasm-pack\\.profile\\.${profile}\\]\\n((?:(?!\\[).*\\n)*)`, 'm').exec(manifest);
    assert.ok(table, `web/Cargo.toml has [package.metadata.wasm-pack.profile.${profile}]`);
    assert.match(table[1], /^wasm-opt = false$/m, `${profile}: wasm-opt = false`);
  }
});

/** Runs scripts/wasm-pack.sh with PATH holding only `tools` (name → shell script body) and the system's. */
function runWithTools(tools, args = ['checklist']) {
  const bin = mkdtempSync(join(tmpdir(), 'kizuki-wasm-pack-'));
  try {
    for (const [name, body] of Object.entries(tools)) {
      writeFileSync(join(bin, name), `#!/bin/sh\n${body}\n`);
      chmodSync(join(bin, name), 0o755);
    }
    const run = spawnSync('bash', [join(ROOT, 'scripts/wasm-pack.sh'), ...args], {
      cwd: ROOT,
      env: { ...process.env, PATH: `${bin}:/usr/bin:/bin` },
      encoding: 'utf8',
    });
    return { status: run.status, stderr: run.stderr };
  } finally {
    rmSync(bin, { recursive: true, force: true });
  }
}

test('wasm-pack.sh without wasm-pack stops before building and says how to get it', () => {
  const run = runWithTools({});
  assert.notEqual(run.status, 0);
  assert.match(run.stderr, /wasm-pack not found: cargo install wasm-pack --locked/);
  assert.doesNotMatch(run.stderr, /==> wasm-pack build/);
});

test('wasm-pack.sh refuses a wasm-bindgen other than the pinned one, naming both versions', (t) => {
  const mode = existsSync(join(ROOT, 'target-wasm/mode')) ? readFileSync(join(ROOT, 'target-wasm/mode'), 'utf8').trim() : '';
  if (mode !== 'rustup') return t.skip(`the version check comes after the rustup check; target-wasm/mode says '${mode}'`);
  const pinned = /^wasm-bindgen = "=([0-9.]+)"/m.exec(readFileSync(join(ROOT, 'Cargo.toml'), 'utf8'))[1];
  const run = runWithTools({ 'wasm-pack': 'exit 0', 'wasm-bindgen': 'echo "wasm-bindgen 0.2.1"' });
  assert.notEqual(run.status, 0);
  assert.match(run.stderr, new RegExp(`wasm-bindgen on PATH is 0\\.2\\.1, Cargo.toml pins ${pinned.replace(/\./g, '\\.')}`));
  assert.doesNotMatch(run.stderr, /==> wasm-pack build/);
});

test('wasm-pack.sh leaves a folder that holds something else alone', (t) => {
  const mode = existsSync(join(ROOT, 'target-wasm/mode')) ? readFileSync(join(ROOT, 'target-wasm/mode'), 'utf8').trim() : '';
  if (mode !== 'rustup') return t.skip(`the folder check comes after the rustup check; target-wasm/mode says '${mode}'`);
  const pinned = /^wasm-bindgen = "=([0-9.]+)"/m.exec(readFileSync(join(ROOT, 'Cargo.toml'), 'utf8'))[1];
  const folder = mkdtempSync(join(tmpdir(), 'kizuki-not-a-package-'));
  try {
    writeFileSync(join(folder, 'notes.txt'), 'mine');
    const run = runWithTools({ 'wasm-pack': 'exit 0', 'wasm-bindgen': `echo "wasm-bindgen ${pinned}"` }, ['--out', folder, 'checklist']);
    assert.notEqual(run.status, 0);
    assert.match(run.stderr, /is not empty and holds no kizuki-embed package/);
    assert.equal(readFileSync(join(folder, 'notes.txt'), 'utf8'), 'mine');
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});

function whyNotBuild() {
  if (process.env.KIZUKI_WASM_PACK !== '1') {
    return 'set KIZUKI_WASM_PACK=1 to build every kit with wasm-pack and compare the package with dist/npm/ (minutes)';
  }
  if (spawnSync('wasm-pack', ['--version']).status !== 0) return 'wasm-pack is not installed: cargo install wasm-pack --locked';
  const mode = existsSync(join(ROOT, 'target-wasm/mode')) ? readFileSync(join(ROOT, 'target-wasm/mode'), 'utf8').trim() : '';
  if (mode !== 'rustup') return `wasm-pack needs rustup's wasm32 target; target-wasm/mode says '${mode}'`;
  if (!existsSync(join(DIST_NPM, 'package.json'))) return 'dist/ is not built: run scripts/build.sh first';
  return null;
}

test('wasm-pack builds the same npm package as scripts/build.sh', { timeout: 3_600_000 }, (t) => {
  const why = whyNotBuild();
  if (why) return t.skip(why);
  const run = spawnSync('bash', [join(ROOT, 'scripts/wasm-pack.sh'), '--out', OUT], { cwd: ROOT, stdio: 'inherit' });
  assert.equal(run.status, 0, 'scripts/wasm-pack.sh failed');
  try {
    const files = (dir) => readdirSync(dir).sort();
    assert.deepEqual(files(OUT), files(DIST_NPM), 'the same files');
    const json = (dir) => JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    assert.deepEqual(json(OUT), json(DIST_NPM), "package.json's fields");
    // The typings first (the embedding API), then everything else, byte for byte.
    const names = files(DIST_NPM).sort((a, b) => Number(!a.endsWith('.d.ts')) - Number(!b.endsWith('.d.ts')));
    for (const name of names) {
      const ours = readFileSync(join(OUT, name));
      const theirs = readFileSync(join(DIST_NPM, name));
      assert.ok(
        ours.equals(theirs),
        `${name} differs (wasm-pack ${ours.length} bytes, dist/npm ${theirs.length}); if web/ changed since dist/ was built, run scripts/build.sh again`,
      );
    }
  } finally {
    rmSync(OUT, { recursive: true, force: true });
  }
});
