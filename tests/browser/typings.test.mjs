// The TypeScript declarations the npm package ships (kizuki_web.d.ts, written by wasm-bindgen)
// are part of the embedding API: a change to them must be seen and blessed on purpose.
// Compares the built file with tests/data/embed/kizuki_web.d.ts; UPDATE_EXPECT=1 rewrites
// the golden file from the build.

import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { DIST, ROOT } from './helpers.mjs';

const GOLDEN = join(ROOT, 'tests/data/embed/kizuki_web.d.ts');
const CANDIDATES = [join(DIST, 'npm/kizuki_web.d.ts'), join(DIST, 'pkg/kizuki_web.d.ts')];

// wasm-bindgen numbers its internal closure shims (`__wasm_bindgen_func_elem_4956`) after the
// module's function indices, so they change with any code change; they are not API.
const normalise = (text) =>
  text.replace(/\r\n/g, '\n').replace(/__wasm_bindgen_func_elem_\d+/g, '__wasm_bindgen_func_elem_N');

test('the built kizuki_web.d.ts matches the blessed one', () => {
  const built = CANDIDATES.find((file) => existsSync(file));
  assert.ok(built, `no kizuki_web.d.ts in ${CANDIDATES.join(' or ')}: is dist/ built (scripts/build.sh)?`);
  const actual = normalise(readFileSync(built, 'utf8'));
  if (process.env.UPDATE_EXPECT) {
    mkdirSync(dirname(GOLDEN), { recursive: true });
    writeFileSync(GOLDEN, actual);
    return;
  }
  assert.ok(existsSync(GOLDEN), `${GOLDEN} is missing: run with UPDATE_EXPECT=1 to write it`);
  const expected = normalise(readFileSync(GOLDEN, 'utf8'));
  assert.equal(
    actual,
    expected,
    `${built} differs from ${GOLDEN}; if the change to the embedding API is intended, re-bless with UPDATE_EXPECT=1`,
  );
});
