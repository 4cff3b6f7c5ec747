// Renames a module's functions (its `name` section) to a grouping key, so that wasm-opt's
// `--reorder-functions-by-name` lays related code side by side: every instance of a generic
// function together (`serde_json::de::Deserializer<R>::…`, `alloc::vec::Vec<T>::…`), every
// impl of one type together. gzip and brotli find more repeats within their window that way:
// the checklist module is about 10 KB smaller gzipped (BENCHMARKS.md, issue 14's size levers).
// The key is the name without its hash (`::h0123…`), its crate disambiguators (`core[0a1b…]`)
// and the leading `<`, `&`, `mut ` of a trait impl's type. Only names change; wasm-opt strips
// the name section afterwards (`--strip-debug`), so nothing of it ships. The module is read
// with scripts/wasm-sections.mjs.
//
//   node scripts/wasm-order.mjs IN.wasm OUT.wasm

import { readFileSync, writeFileSync } from 'node:fs';

import { Cursor, encodeLeb, sections } from './wasm-sections.mjs';

export function groupingKey(name) {
  return name
    .replace(/::h[0-9a-f]{16}$/, '')
    .replace(/\[[0-9a-f]+\]/g, '')
    .replace(/^(?:[<&*[( ]|mut |dyn )+/, '');
}

const withLength = (bytes) => Buffer.concat([encodeLeb(bytes.length), bytes]);

/** The name section's function names (subsection 1) renamed; its other subsections as they were. */
function renamedNameSection(bytes, section, rename) {
  const cursor = new Cursor(bytes, section.contents);
  const subsections = [];
  let renamed = 0;
  while (cursor.at < section.end) {
    const subStart = cursor.at;
    const sub = cursor.byte();
    const subEnd = cursor.leb() + cursor.at;
    if (sub === 1) {
      const count = cursor.leb();
      const entries = [encodeLeb(count)];
      for (let i = 0; i < count; i += 1) {
        const index = cursor.leb();
        const name = cursor.name();
        entries.push(encodeLeb(index), withLength(Buffer.from(rename(name), 'utf8')));
        renamed += 1;
      }
      subsections.push(Buffer.concat([Buffer.from([1]), withLength(Buffer.concat(entries))]));
    } else {
      subsections.push(bytes.subarray(subStart, subEnd));
    }
    cursor.at = subEnd;
  }
  const content = Buffer.concat([withLength(Buffer.from('name')), ...subsections]);
  return { bytes: Buffer.concat([Buffer.from([0]), withLength(content)]), renamed };
}

/** The module with each function name replaced by `rename(name)`; everything else as it was. */
export function renameFunctions(bytes, rename) {
  const parts = [bytes.subarray(0, 8)];
  let renamed = 0;
  for (const section of sections(bytes)) {
    if (section.id === 0 && section.name === 'name') {
      const done = renamedNameSection(bytes, section, rename);
      parts.push(done.bytes);
      renamed += done.renamed;
    } else {
      parts.push(bytes.subarray(section.start, section.end));
    }
  }
  return { bytes: Buffer.concat(parts), renamed };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [input, output] = process.argv.slice(2);
  if (!input || !output) {
    console.error('usage: node scripts/wasm-order.mjs IN.wasm OUT.wasm');
    process.exit(2);
  }
  const { bytes, renamed } = renameFunctions(readFileSync(input), groupingKey);
  if (renamed === 0) {
    console.error(`${input}: no function names (was it built with strip = false?)`);
    process.exit(1);
  }
  writeFileSync(output, bytes);
}
