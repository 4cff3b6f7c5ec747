// Which crates the wasm's code bytes come from: reads a module that still has its name
// section (a build with `strip = false`, through wasm-bindgen), sums each function body's
// size by the crate its (demangled) name starts with, and prints JSON.
//
//   node wasm-crates.mjs kizuki_web_bg.wasm [--top 20]   (the 25 largest crates without --top)
//
// `<T as Trait>::f` counts for T's crate; `core::ptr::drop_in_place<T>` and the like count
// for `core`, even when T is another crate's type: generic code is attributed to where it is
// defined, not to who instantiated it. Names are a guide to where the bytes are, not exact.

import { readFileSync } from 'node:fs';

const SECTION = { custom: 0, import: 2, code: 10, data: 11 };

export function crateSizes(bytes) {
  let at = 8;
  const leb = () => {
    let result = 0;
    let shift = 0;
    let byte;
    do {
      byte = bytes[at++];
      result += (byte & 0x7f) * 2 ** shift;
      shift += 7;
    } while (byte & 0x80);
    return result;
  };
  const name = () => {
    const length = leb();
    const text = bytes.subarray(at, at + length).toString('utf8');
    at += length;
    return text;
  };
  let importedFunctions = 0;
  const bodies = [];
  const names = new Map();
  const sections = {};
  while (at < bytes.length) {
    const id = bytes[at++];
    const size = leb();
    const end = at + size;
    if (id === SECTION.import) {
      for (let i = 0, n = leb(); i < n; i += 1) {
        name();
        name();
        const kind = bytes[at++];
        if (kind === 0) {
          importedFunctions += 1;
          leb();
        } else if (kind === 1) {
          at += 1;
          const flags = leb();
          leb();
          if (flags & 1) leb();
        } else if (kind === 2) {
          const flags = leb();
          leb();
          if (flags & 1) leb();
        } else if (kind === 3) {
          at += 2;
        } else {
          throw new Error(`unknown import kind ${kind}`);
        }
      }
    } else if (id === SECTION.code) {
      for (let i = 0, n = leb(); i < n; i += 1) {
        const bodySize = leb();
        bodies.push(bodySize);
        at += bodySize;
      }
    } else if (id === SECTION.custom) {
      const sectionName = name();
      sections[`custom:${sectionName}`] = size;
      if (sectionName === 'name') {
        while (at < end) {
          const subsection = bytes[at++];
          const subsectionSize = leb();
          const subsectionEnd = at + subsectionSize;
          if (subsection === 1) {
            for (let i = 0, n = leb(); i < n; i += 1) {
              const index = leb();
              names.set(index, name());
            }
          }
          at = subsectionEnd;
        }
      }
    }
    if (id !== SECTION.custom) sections[id] = size;
    at = end;
  }
  const crates = new Map();
  let named = 0;
  bodies.forEach((size, i) => {
    const full = names.get(importedFunctions + i);
    if (full) named += 1;
    const crate = crateOf(full);
    crates.set(crate, (crates.get(crate) ?? 0) + size);
  });
  const code = bodies.reduce((a, b) => a + b, 0);
  return {
    functions: bodies.length,
    namedFunctions: named,
    codeBytes: code,
    dataBytes: sections[SECTION.data] ?? 0,
    crates: [...crates.entries()].sort((a, b) => b[1] - a[1]).map(([crate, bytes]) => ({ crate, bytes })),
  };
}

function crateOf(name) {
  if (!name) return '(unnamed)';
  let text = name.replace(/^_ZN/, '');
  // `<T as Trait>::f`, `<&mut T as …>`, `<[T] as …>`: the implementing type decides.
  text = text.replace(/^(<|&|mut |dyn |\[|\(|\*const |\*mut )+/, '');
  // The standard library's symbols carry a disambiguator: `core[1a2b…]::fmt::…`.
  text = text.replace(/^([A-Za-z_][A-Za-z0-9_]*)\[[0-9a-f]+\]/, '$1');
  const match = text.match(/^[A-Za-z_][A-Za-z0-9_]*/);
  if (!match) return '(other)';
  const crate = match[0];
  if (/^\d/.test(crate)) return '(other)';
  if (!text.slice(crate.length).startsWith('::')) return crate.startsWith('__') || /^[a-z_]+$/.test(crate) ? `(symbol: ${crate.slice(0, 24)})` : '(other)';
  return crate;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const file = process.argv[2];
  // `--top N` (25 when not given): how many crates to list, the largest first.
  const at = process.argv.indexOf('--top');
  const top = at === -1 ? 25 : Number(process.argv[at + 1]);
  if (!Number.isInteger(top) || top < 1) {
    process.stderr.write('usage: node wasm-crates.mjs MODULE.wasm [--top N], N a whole number from 1\n');
    process.exit(2);
  }
  const result = crateSizes(readFileSync(file));
  result.crates = result.crates.slice(0, top);
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
}
