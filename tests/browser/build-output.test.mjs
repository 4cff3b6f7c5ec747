// The size steps of scripts/build.sh: the compiler's size levers (scripts/lib.sh), the JS
// stripper, the function ordering before wasm-opt, the glue's guard that stops a module at
// its first trap (scripts/guard-glue.mjs), and what dist/ ships (no custom sections and no
// build paths in a module, no comments in the glue, no panic machinery).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { guardGlue } from '../../scripts/guard-glue.mjs';
import { stripJs } from '../../scripts/strip-js.mjs';
import { groupingKey, renameFunctions } from '../../scripts/wasm-order.mjs';
import { encodeLeb, leb, sections } from '../../scripts/wasm-sections.mjs';
import { crateSizes } from '../bench/wasm-crates.mjs';

const ROOT = new URL('../../', import.meta.url).pathname;

test('stripJs drops comment lines and indentation, and keeps every line of code', () => {
  const source = [
    '/**',
    ' * A doc comment.',
    ' */',
    'export function f(a) {',
    '    // a line comment',
    '    const s = "/* not a comment */"; // trailing comments stay',
    '    return `x${a}`;',
    '}',
    '/* one-line block */',
    '',
  ].join('\n');
  assert.equal(
    stripJs(source),
    'export function f(a) {\nconst s = "/* not a comment */"; // trailing comments stay\nreturn `x${a}`;\n}\n',
  );
});

test('stripJs refuses a file where a string may span lines', () => {
  assert.throws(() => stripJs('const t = `first\n    second`;\n'), /template string/);
  assert.throws(() => stripJs('const t = "first \\\n    second";\n'), /next line/);
  assert.throws(() => stripJs('/* open\nconst a = 1;\n'), /not closed/);
  assert.throws(() => stripJs('/* c */ const a = 1;\n'), /code after a comment/);
});

test('the grouping key drops the hash, crate disambiguators and a trait impl\'s leading <&', () => {
  assert.equal(
    groupingKey('<&mut serde_json::de::Deserializer<R> as serde_core::de::Deserializer>::deserialize_struct::h0123456789abcdef'),
    'serde_json::de::Deserializer<R> as serde_core::de::Deserializer>::deserialize_struct',
  );
  assert.equal(groupingKey('core[c5930c85a12de822]::fmt::write'), 'core::fmt::write');
  assert.equal(groupingKey('kizuki_core::validate::validate::hbdc201d37aa3fdeb'), 'kizuki_core::validate::validate');
});

// A module with one function `() -> ()` named `<&a::B as c::D>::e::h0000000000000000`, and a
// producers section after the name section.
function tinyModule(name) {
  const bytes = (...b) => Buffer.from(b);
  const vec = (b) => Buffer.concat([bytes(b.length), b]);
  const section = (id, body) => Buffer.concat([bytes(id, body.length), body]);
  const nameBytes = Buffer.from(name);
  const funcNames = Buffer.concat([bytes(1, 0), vec(nameBytes)]);
  const nameSection = Buffer.concat([vec(Buffer.from('name')), bytes(1), vec(funcNames)]);
  return Buffer.concat([
    bytes(0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00),
    section(1, bytes(1, 0x60, 0, 0)),
    section(3, bytes(1, 0)),
    section(10, bytes(1, 2, 0, 0x0b)),
    section(0, nameSection),
    section(0, Buffer.concat([vec(Buffer.from('producers')), bytes(0)])),
  ]);
}

test('renameFunctions changes the function names and nothing else', () => {
  const original = tinyModule('<&a::B as c::D>::e::h0000000000000000');
  const { bytes, renamed } = renameFunctions(original, groupingKey);
  assert.equal(renamed, 1);
  assert.deepEqual(bytes, tinyModule('a::B as c::D>::e'));
  assert.ok(WebAssembly.validate(bytes));
  assert.throws(() => renameFunctions(Buffer.from('not wasm'), groupingKey), /not a WebAssembly module/);
});

const customSections = (bytes) => [...sections(bytes)].filter((s) => s.id === 0).map((s) => s.name);

test('the module reader decodes LEB128 and walks the sections, and refuses a cut module', () => {
  assert.deepEqual(leb(Buffer.from([0xe5, 0x8e, 0x26, 0x7f]), 0), [624485, 3]);
  assert.deepEqual(leb(Buffer.from([0x7f]), 0), [127, 1]);
  assert.deepEqual(leb(encodeLeb(2 ** 35 + 5), 0), [2 ** 35 + 5, 6]);
  const module = tinyModule('f');
  const found = [...sections(module)];
  assert.deepEqual(found.map((s) => s.id), [1, 3, 10, 0, 0]);
  assert.deepEqual(customSections(module), ['name', 'producers']);
  assert.equal(found.at(-1).end, module.length);
  const code = found.find((s) => s.id === 10);
  assert.deepEqual([...module.subarray(code.body, code.end)], [1, 2, 0, 0x0b]);
  assert.throws(() => [...sections(module.subarray(0, module.length - 1))], /runs past the module's end/);
  assert.throws(() => leb(Buffer.from([0x80, 0x80]), 0), /ends at byte 2/);
  assert.throws(() => [...sections(Buffer.from('\0asn\x01\0\0\0'))], /not a WebAssembly module/);
});

test('wasm-crates sums each function body by the crate its name starts with', () => {
  const sizes = crateSizes(tinyModule('<&a::B as c::D>::e::h0000000000000000'));
  assert.deepEqual(
    { functions: sizes.functions, named: sizes.namedFunctions, code: sizes.codeBytes, crates: sizes.crates },
    { functions: 1, named: 1, code: 2, crates: [{ crate: 'a', bytes: 2 }] },
  );
});

test('dist/ ships modules without custom sections and glue without comment lines', (t) => {
  const pkg = join(ROOT, 'dist/pkg');
  if (!existsSync(pkg)) {
    t.skip('dist/ is not built');
    return;
  }
  const files = readdirSync(pkg);
  const modules = files.filter((file) => file.endsWith('_bg.wasm'));
  assert.ok(modules.length >= 4, `modules in dist/pkg: ${modules.join(', ')}`);
  for (const file of modules) {
    assert.deepEqual(customSections(readFileSync(join(pkg, file))), [], `${file}: custom sections`);
  }
  for (const file of [...files.filter((f) => /^kizuki_[a-z]+\.js$/.test(f)).map((f) => join(pkg, f)), join(ROOT, 'dist/kizuki.js')]) {
    const text = readFileSync(file, 'utf8');
    assert.doesNotMatch(text, /^\s*(\/\/|\/\*)/m, `${file}: a comment line`);
    assert.doesNotMatch(text, /^[ \t]+\S/m, `${file}: indentation`);
  }
});

// The LMS runtime (SCORM 1.2 and cmi5) is only in the module a `kizuki package` zip loads:
// markers from each part of it — the SCORM data model, the cmi5 vocabulary, the adapter's
// methods and the learner's messages — and none of them in the plain course widget.
const LMS_MARKERS = [
  'cmi.core.lesson_status',
  'cmi.suspend_data',
  'https://w3id.org/xapi/cmi5/context/categories/moveon',
  'sendStatements',
  'interactionsCount',
  '学習管理システム（LMS）',
  'LMSに戻る',
];

test('the plain course module has no LMS runtime; the LMS package\'s module (course_lms) has it', (t) => {
  const pkg = join(ROOT, 'dist/pkg');
  if (!existsSync(join(pkg, 'kizuki_course_lms_bg.wasm'))) {
    t.skip('dist/ is not built with the course_lms module');
    return;
  }
  const read = (file) => readFileSync(join(pkg, file));
  const plain = Buffer.concat([read('kizuki_course_bg.wasm'), read('kizuki_course.js')]);
  const lms = Buffer.concat([read('kizuki_course_lms_bg.wasm'), read('kizuki_course_lms.js')]);
  for (const marker of LMS_MARKERS) {
    const bytes = Buffer.from(marker, 'utf8');
    assert.equal(plain.indexOf(bytes), -1, `the plain course module holds "${marker}"`);
    assert.notEqual(lms.indexOf(bytes), -1, `the LMS module lacks "${marker}"`);
  }
  // Both are course modules: the course's own words are in each.
  for (const buffer of [plain, lms]) assert.notEqual(buffer.indexOf(Buffer.from('受講記録', 'utf8')), -1);
  // The LMS module is the larger; the npm package (for embedding) and the offline cache
  // carry only the plain one.
  assert.ok(read('kizuki_course_lms_bg.wasm').length > read('kizuki_course_bg.wasm').length);
  assert.ok(!existsSync(join(ROOT, 'dist/npm/kizuki_course_lms_bg.wasm')));
  assert.ok(!readFileSync(join(ROOT, 'dist/sw.js'), 'utf8').includes('kizuki_course_lms'));
});

/** A real module: `trap` runs `unreachable`, `ok` returns 1. */
const TRAP_WASM = new Uint8Array([
  0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, // magic, version
  0x01, 0x08, 0x02, 0x60, 0x00, 0x00, 0x60, 0x00, 0x01, 0x7f, // types: () -> (), () -> i32
  0x03, 0x03, 0x02, 0x00, 0x01, // functions
  0x07, 0x0d, 0x02, 0x04, 0x74, 0x72, 0x61, 0x70, 0x00, 0x00, 0x02, 0x6f, 0x6b, 0x00, 0x01, // exports
  0x0a, 0x0a, 0x02, 0x03, 0x00, 0x00, 0x0b, 0x04, 0x00, 0x41, 0x01, 0x0b, // code
]);

/** A glue shaped as wasm-bindgen writes it for --target web, around that module. */
const FAKE_GLUE = [
  'let wasmModule, wasmInstance, wasm;',
  'function __wbg_finalize_init(instance, module) {',
  '    wasmInstance = instance;',
  '    wasm = instance.exports;',
  '    wasmModule = module;',
  '    return wasm;',
  '}',
  'export async function init(bytes) {',
  '    const { instance, module } = await WebAssembly.instantiate(bytes, {});',
  '    return __wbg_finalize_init(instance, module);',
  '}',
  'export function call(name) {',
  '    return wasm[name]();',
  '}',
  '',
].join('\n');

test('the guarded glue stops its module at the first trap: the listener hears it once, no call goes in again', async () => {
  const guarded = stripJs(guardGlue(FAKE_GLUE)); // shipped stripped
  const glue = await import(`data:text/javascript,${encodeURIComponent(guarded)}`);
  const heard = [];
  glue.onTrap((error) => heard.push(error));
  const exports = await glue.init(TRAP_WASM);
  assert.equal(glue.call('ok'), 1, 'calls go through while the module is well');
  assert.throws(() => glue.call('trap'), WebAssembly.RuntimeError);
  assert.equal(heard.length, 1);
  assert.ok(heard[0] instanceof WebAssembly.RuntimeError);
  for (const name of ['ok', 'trap']) {
    assert.throws(() => glue.call(name), { name: 'KizukiModuleStopped' }, `${name} is refused`);
  }
  assert.throws(() => exports.ok(), { name: 'KizukiModuleStopped' }, 'what init returned is guarded too');
  assert.equal(heard.length, 1, 'the listener heard the trap once');
});

test('the guard refuses a glue without its one line, and a glue guarded already', () => {
  assert.throws(() => guardGlue(FAKE_GLUE.replace('wasm = instance.exports;', 'wasm = instance.exports')), /exactly once/);
  assert.throws(() => guardGlue(`${FAKE_GLUE}\nwasm = instance.exports;\n`), /exactly once/);
  assert.throws(() => guardGlue(guardGlue(FAKE_GLUE)), /already guarded/);
});

/** Runs scripts/lib.sh's wasm_release_env with these variables; its output lines and notes. */
function releaseEnv(env) {
  const run = spawnSync('bash', ['-c', 'source scripts/lib.sh; wasm_release_env'], {
    cwd: ROOT,
    env: { ...process.env, KIZUKI_SIZE_LEVERS: '', KIZUKI_WASM_FOR_SPEED: '', ...env },
    encoding: 'utf8',
  });
  assert.equal(run.status, 0, run.stderr);
  return { lines: run.stdout.trim().split('\n').filter(Boolean), notes: run.stderr.trim() };
}

test('release builds compile std for size and abort at once on a panic when they can, and say in one line what they cannot', () => {
  const sysroot = mkdtempSync(join(tmpdir(), 'kizuki-std-'));
  try {
    // Two stand-in compilers: one that has the immediate-abort panic strategy, one that has not.
    const withAbort = join(sysroot, 'rustc-with-abort');
    writeFileSync(withAbort, '#!/bin/sh\necho \'panic="abort"\'\necho \'panic="immediate-abort"\'\n', { mode: 0o755 });
    const withoutAbort = join(sysroot, 'rustc-without-abort');
    writeFileSync(withoutAbort, '#!/bin/sh\necho "error: unknown panic strategy" >&2\nexit 1\n', { mode: 0o755 });
    const flags = 'CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS=-Zlocation-detail=none -Zfmt-debug=none';
    const abort = ['CARGO_UNSTABLE_PANIC_IMMEDIATE_ABORT=true', 'CARGO_PROFILE_RELEASE_PANIC=immediate-abort', 'CARGO_UNSTABLE_BUILD_STD_FEATURES=optimize_for_size'];

    const without = releaseEnv({ KIZUKI_STD_SOURCE: sysroot, KIZUKI_WASM_RUSTC: withAbort });
    assert.deepEqual(without.lines, ['RUSTC_BOOTSTRAP=1', flags], 'no -Zbuild-std and no immediate abort without the source');
    assert.equal(without.notes.split('\n').length, 1, without.notes);
    assert.match(without.notes, /no std source at .*rustup component add rust-src.*prebuilt std/);

    mkdirSync(join(sysroot, 'std'));
    writeFileSync(join(sysroot, 'std/Cargo.toml'), '[package]\n');
    const withSource = releaseEnv({ KIZUKI_STD_SOURCE: sysroot, KIZUKI_WASM_RUSTC: withAbort });
    assert.deepEqual(withSource.lines, ['RUSTC_BOOTSTRAP=1', 'CARGO_UNSTABLE_BUILD_STD=std,panic_abort', ...abort, flags]);
    assert.equal(withSource.notes, '');

    const olderCompiler = releaseEnv({ KIZUKI_STD_SOURCE: sysroot, KIZUKI_WASM_RUSTC: withoutAbort });
    assert.deepEqual(olderCompiler.lines, ['RUSTC_BOOTSTRAP=1', 'CARGO_UNSTABLE_BUILD_STD=std,panic_abort', flags]);
    assert.equal(olderCompiler.notes.split('\n').length, 1, olderCompiler.notes);
    assert.match(olderCompiler.notes, /has no immediate-abort panic strategy/);

    assert.deepEqual(releaseEnv({ KIZUKI_STD_SOURCE: sysroot, KIZUKI_SIZE_LEVERS: '0' }).lines, [], 'KIZUKI_SIZE_LEVERS=0 turns them off');

    // The aggregation's module: built for speed, std without optimize_for_size, the panic
    // and formatting switches kept.
    const speed = releaseEnv({ KIZUKI_STD_SOURCE: sysroot, KIZUKI_WASM_RUSTC: withAbort, KIZUKI_WASM_FOR_SPEED: '1' });
    assert.deepEqual(speed.lines, ['CARGO_PROFILE_RELEASE_OPT_LEVEL=3', 'RUSTC_BOOTSTRAP=1', 'CARGO_UNSTABLE_BUILD_STD=std,panic_abort', ...abort.slice(0, 2), flags]);
    assert.deepEqual(releaseEnv({ KIZUKI_STD_SOURCE: sysroot, KIZUKI_SIZE_LEVERS: '0', KIZUKI_WASM_FOR_SPEED: '1' }).lines, ['CARGO_PROFILE_RELEASE_OPT_LEVEL=3']);
  } finally {
    rmSync(sysroot, { recursive: true, force: true });
  }
});

test("dist/ modules abort at once on a panic: no panic message or crash screen in a module; the glue's guard and the crash words in kizuki.js", (t) => {
  const pkg = join(ROOT, 'dist/pkg');
  if (!existsSync(pkg)) {
    t.skip('dist/ is not built');
    return;
  }
  const kizukiJs = readFileSync(join(ROOT, 'dist/kizuki.js'), 'utf8');
  for (const lang of ['ja', 'en']) {
    const embed = JSON.parse(readFileSync(join(ROOT, `web/locales/${lang}/embed.json`), 'utf8'));
    for (const [key, words] of Object.entries(embed)) assert.ok(kizukiJs.includes(JSON.stringify(words).slice(1, -1)), `kizuki.js lacks ${lang}.${key}`);
  }
  const ja = JSON.parse(readFileSync(join(ROOT, 'web/locales/ja/embed.json'), 'utf8'));
  for (const file of readdirSync(pkg).filter((f) => f.endsWith('_bg.wasm'))) {
    const bytes = readFileSync(join(pkg, file));
    // With the panic machinery, crashForTesting's message would be in the module's data.
    assert.equal(bytes.indexOf(Buffer.from('crashForTesting() was called')), -1, `${file} carries a panic message`);
    assert.equal(bytes.indexOf(Buffer.from(ja.crashed_title)), -1, `${file} carries the crash screen's words`);
    const glue = readFileSync(join(pkg, file.replace('_bg.wasm', '.js')), 'utf8');
    assert.match(glue, /wasm = __kizukiGuard\(instance\.exports\);/, `${file}'s glue is not guarded`);
  }
});

test('dist/ modules carry no panic locations (-Zlocation-detail=none): no std or Kizuki source path', (t) => {
  const pkg = join(ROOT, 'dist/pkg');
  if (!existsSync(pkg)) {
    t.skip('dist/ is not built');
    return;
  }
  for (const file of readdirSync(pkg).filter((f) => f.endsWith('_bg.wasm'))) {
    const text = readFileSync(join(pkg, file)).toString('latin1');
    // Only Yew's `tracing` events still name their files (`event …/yew-0.23.0/src/….rs:147`):
    // the `tracing` macros use file!(), not a panic location (BENCHMARKS.md, lever e).
    const paths = (text.match(/[\w.-]+\/(?:src|library)\/[\w/.-]*\.rs/g) ?? []).filter((p) => !/\/yew-[\d.]+\/src\//.test(p));
    assert.deepEqual(paths.slice(0, 5), [], `${file}: ${paths.length} source paths`);
    assert.doesNotMatch(text, /\.rustup\/toolchains|\/rustc\/[0-9a-f]{40}|library\/(?:core|alloc|std)\/src/, `${file}: a std path`);
  }
});

test('kit modules carry no Rust float parser (its 10 KB table of powers of five)', (t) => {
  const pkg = join(ROOT, 'dist/pkg');
  if (!existsSync(pkg)) {
    t.skip('dist/ is not built');
    return;
  }
  // The first entry of core's dec2flt POWER_OF_FIVE_128 (5^-342), as the module stores it. It
  // comes with any `str::parse::<f64>` (once the `csv` crate's writer, ARCHITECTURE.md): 16.6 KB
  // gzip of every kit module. The tools module is not held to it.
  const table = Buffer.from('5ad63b92d653f4ee', 'hex');
  const kits = readdirSync(pkg).filter((f) => f.endsWith('_bg.wasm') && !f.startsWith('kizuki_tools'));
  assert.ok(kits.length >= 4, kits.join(' '));
  for (const file of kits) {
    assert.equal(readFileSync(join(pkg, file)).indexOf(table), -1, `${file} carries the float parser's table`);
  }
});

test("each module's stylesheet carries the blocks of kizuki.css its marker names, in order, and no other kit's", (t) => {
  const dist = join(ROOT, 'dist');
  if (!existsSync(join(dist, 'kizuki-checklist.css'))) {
    t.skip('dist/ is not built with one stylesheet per module');
    return;
  }
  // The source's blocks (`/* == <block> == <module> … */ … /* == end <block> == */`) and the
  // classes each defines that no other block does: what tells a block apart once shipped.
  const source = readFileSync(join(ROOT, 'www/kizuki.css'), 'utf8');
  const blocks = [...source.matchAll(/\/\* == ([a-z]+) == ([^*]*)\*\/([\s\S]*?)\/\* == end \1 == \*\//g)].map(([, name, modules, text]) => ({
    name,
    modules: modules.trim(),
    classes: new Set(text.replace(/\/\*[\s\S]*?\*\//g, '').match(/\.kizuki-[a-z0-9_-]+/g) ?? []),
  }));
  const owned = blocks.map((block) => ({
    ...block,
    classes: [...block.classes].filter((c) => blocks.every((other) => other === block || !other.classes.has(c))),
  }));
  const modules = readdirSync(dist).map((f) => f.match(/^kizuki-([a-z_]+)\.css$/)?.[1]).filter(Boolean).sort();
  assert.deepEqual(modules, readdirSync(join(dist, 'pkg')).map((f) => f.match(/^kizuki_([a-z]+)_bg\.wasm$/)?.[1]).filter(Boolean).sort(), 'one stylesheet per module');
  const classesIn = (css) => new Set(css.match(/\.kizuki-[a-z0-9_-]+/g) ?? []);
  for (const module of modules) {
    const css = readFileSync(join(dist, `kizuki-${module}.css`), 'utf8');
    assert.doesNotMatch(css, /\/\*/, `kizuki-${module}.css ships without comments`);
    const has = classesIn(css);
    let last = -1;
    for (const block of owned) {
      const wanted = block.modules === 'every module' || block.modules.split(/\s+/).includes(module);
      const present = block.classes.filter((c) => has.has(c));
      if (!wanted) {
        assert.deepEqual(present, [], `kizuki-${module}.css carries block "${block.name}"`);
        continue;
      }
      assert.deepEqual(block.classes.filter((c) => !has.has(c)), [], `kizuki-${module}.css lacks some of block "${block.name}"`);
      // In the source's order: the cascade is the whole file's.
      const at = Math.min(...block.classes.map((c) => css.search(new RegExp(`${c.replace(/[.-]/g, '\\$&')}(?![a-z0-9_-])`))));
      assert.ok(at > last, `kizuki-${module}.css: block "${block.name}" comes before the one above it in kizuki.css`);
      last = at;
    }
    for (const copy of [`kizuki-${module}.css.gz`, `kizuki-${module}.css.br`, `npm/kizuki-${module}.css`]) {
      assert.ok(existsSync(join(dist, copy)), `dist/${copy}`);
    }
  }
  // A kit block is named after its module, and names it; the checklist's stylesheet is the
  // shared layer, the frame, its own block and the print layer, nothing of another kit and
  // no documents (only the planner shows an A4 sheet).
  for (const block of blocks.filter((b) => modules.includes(b.name))) assert.ok(block.modules.split(/\s+/).includes(block.name), `block "${block.name}"`);
  const blocksIn = (module) => {
    const has = classesIn(readFileSync(join(dist, `kizuki-${module}.css`), 'utf8'));
    return owned.filter((b) => b.classes.some((c) => has.has(c))).map((b) => b.name);
  };
  assert.deepEqual(blocksIn('checklist'), ['components', 'frame', 'checklist', 'print']);
  assert.deepEqual(blocksIn('plan'), ['components', 'documents', 'frame', 'plan', 'print']);
  // The offline cache keeps each module's stylesheet, not the whole one no page links.
  const worker = readFileSync(join(dist, 'sw.js'), 'utf8');
  for (const module of modules) assert.ok(worker.includes(`"./kizuki-${module}.css"`), `sw.js lists kizuki-${module}.css`);
  assert.ok(!worker.includes('"./kizuki.css"'), 'sw.js lists kizuki.css');
});
