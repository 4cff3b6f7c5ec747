// Renames a module's functions (its `name` section) to a grouping key, so that wasm-opt's
// `--reorder-functions-by-name` lays related code side by side: every instance of a generic
// function together (`serde_json::de::Deserializer<R>::…`, `alloc::vec::Vec<T>::…`), every
// impl of one type together. gzip and brotli find more repeats within their window that way:
// the checklist module is about 10 KB smaller gzipped (BENCHMARKS.md, issue 14's size levers).
// The key is the name without its hash (`::h0123…`), its crate disambiguators (`core[0a1b…]`)
// and the leading `<`, `&`, `mut ` of a trait impl's type. Only names change; wasm-opt strips
// the name section afterwards (`--strip-debug`), so nothing of it ships.
//
//   node scripts/wasm-order.mjs IN.wasm OUT.wasm

import { readFileSync, writeFileSync } from 'node:fs';

export function groupingKey(name) {
  return name
    .replace(/::h[0-9a-f]{16}$/, '')
    .replace(/\[[0-9a-f]+\]/g, '')
    .replace(/^(?:[<&*[( ]|mut |dyn )+/, '');
}

function leb(bytes, at) {
  let value = 0;
  let shift = 0;
  let byte;
  do {
    byte = bytes[at++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
  } while (byte & 0x80);
  return [value, at];
}

function encode(value) {
  const out = [];
  do {
    let byte = value & 0x7f;
    value = Math.floor(value / 128);
    if (value) byte |= 0x80;
    out.push(byte);
  } while (value);
  return Buffer.from(out);
}

const withLength = (bytes) => Buffer.concat([encode(bytes.length), bytes]);

/** The module with each function name replaced by `rename(name)`; everything else as it was. */
export function renameFunctions(bytes, rename) {
  if (bytes.readUInt32LE(0) !== 0x6d736100) throw new Error('not a WebAssembly module');
  const parts = [bytes.subarray(0, 8)];
  let renamed = 0;
  let at = 8;
  while (at < bytes.length) {
    const start = at;
    const id = bytes[at++];
    let size;
    [size, at] = leb(bytes, at);
    const end = at + size;
    if (id === 0) {
      let nameLength;
      [nameLength, at] = leb(bytes, at);
      const sectionName = bytes.subarray(at, at + nameLength).toString('utf8');
      at += nameLength;
      if (sectionName === 'name') {
        const subsections = [];
        while (at < end) {
          const subStart = at;
          const sub = bytes[at++];
          let subSize;
          [subSize, at] = leb(bytes, at);
          const subEnd = at + subSize;
          if (sub === 1) {
            let count;
            [count, at] = leb(bytes, at);
            const entries = [encode(count)];
            for (let i = 0; i < count; i += 1) {
              let index;
              let length;
              [index, at] = leb(bytes, at);
              [length, at] = leb(bytes, at);
              const name = bytes.subarray(at, at + length).toString('utf8');
              at += length;
              entries.push(encode(index), withLength(Buffer.from(rename(name), 'utf8')));
              renamed += 1;
            }
            subsections.push(Buffer.concat([Buffer.from([1]), withLength(Buffer.concat(entries))]));
          } else {
            subsections.push(bytes.subarray(subStart, subEnd));
          }
          at = subEnd;
        }
        const content = Buffer.concat([withLength(Buffer.from('name')), ...subsections]);
        parts.push(Buffer.concat([Buffer.from([0]), withLength(content)]));
        at = end;
        continue;
      }
    }
    parts.push(bytes.subarray(start, end));
    at = end;
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
