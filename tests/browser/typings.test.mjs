// The TypeScript declarations the npm package ships are part of the embedding API: a change
// to them must be seen and blessed on purpose. Every kit's module (kizuki_<module>.d.ts,
// written by wasm-bindgen) declares the same exports; they are compared, with the module's
// name taken out, with tests/data/embed/kizuki_module.d.ts; UPDATE_EXPECT=1 rewrites the
// golden file from the build. The entry point's own kizuki.d.ts is written by hand.

import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { DIST, ROOT } from './helpers.mjs';

const GOLDEN = join(ROOT, 'tests/data/embed/kizuki_module.d.ts');
const MODULES = ['checklist', 'plan', 'course', 'questionnaire', 'aggregate', 'tools', 'mydata'];

// wasm-bindgen's internal closure shims are named after the module's function indices
// (`__wasm_bindgen_func_elem_4956`) or, since scripts/build.sh keeps the function names for
// wasm-opt's ordering, after the Rust functions with their hash
// (`wasm_bindgen__convert__closures_____invoke__h0123…`, or with std built from source,
// `wasm_bindgen_9712…___convert__closures_____invoke___…`: the crates' hashes in the name);
// they differ in number from module to module and change with the code; they are not API,
// so their lines are left out.
const normalise = (text) =>
  text
    .replace(/\r\n/g, '\n')
    .split('\n')
    .filter((line) => !/__wasm_bindgen_func_elem_\d+|closures_+invoke__h[0-9a-f]{16}|wasm_bindgen_[0-9a-f]{16}_+convert__closures_+invoke_/.test(line))
    .join('\n');

test("every kit module's .d.ts matches the blessed one", () => {
  for (const name of MODULES) {
    const built = join(DIST, `npm/kizuki_${name}.d.ts`);
    assert.ok(existsSync(built), `no ${built}: is dist/ built (scripts/build.sh)?`);
    const actual = normalise(readFileSync(built, 'utf8'));
    if (process.env.UPDATE_EXPECT && name === MODULES[0]) {
      mkdirSync(dirname(GOLDEN), { recursive: true });
      writeFileSync(GOLDEN, actual);
      continue;
    }
    assert.ok(existsSync(GOLDEN), `${GOLDEN} is missing: run with UPDATE_EXPECT=1 to write it`);
    const expected = readFileSync(GOLDEN, 'utf8');
    assert.equal(
      actual,
      expected,
      `${built} differs from ${GOLDEN}; if the change to the embedding API is intended, re-bless with UPDATE_EXPECT=1`,
    );
  }
  assert.ok(existsSync(join(DIST, 'npm/kizuki.d.ts')), 'the entry point ships its types');
  const pkg = JSON.parse(readFileSync(join(DIST, 'npm/package.json'), 'utf8'));
  for (const file of pkg.files) assert.ok(existsSync(join(DIST, 'npm', file)), `npm package lists ${file}`);
});
