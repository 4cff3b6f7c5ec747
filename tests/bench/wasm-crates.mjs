// Which crates the wasm's code bytes come from: reads a module that still has its name
// section (a build with `strip = false`, through wasm-bindgen), sums each function body's
// size by the crate its (demangled) name starts with, and prints JSON.
//
//   node wasm-crates.mjs kizuki_web_bg.wasm [--top 20]
//
// `<T as Trait>::f` counts for T's crate; `core::ptr::drop_in_place<T>` and the like count
// for `core`, even when T is another crate's type: generic code is attributed to where it is
// defined, not to who instantiated it. Names are a guide to where the bytes are, not exact.

import { readFileSync } from 'node:fs';

import { Cursor, sections } from '../../scripts/wasm-sections.mjs';

const SECTION = { custom: 0, import: 2, code: 10, data: 11 };

export function crateSizes(bytes) {
  let importedFunctions = 0;
  const bodies = [];
  const names = new Map();
  const sizes = {};
  for (const section of sections(bytes)) {
    const cursor = new Cursor(bytes, section.body);
    if (section.id === SECTION.import) {
      for (let i = 0, n = cursor.leb(); i < n; i += 1) {
        cursor.name();
        cursor.name();
        const kind = cursor.byte();
        if (kind === 0) {
          importedFunctions += 1;
          cursor.leb();
        } else if (kind === 1) {
          cursor.at += 1;
          const flags = cursor.leb();
          cursor.leb();
          if (flags & 1) cursor.leb();
        } else if (kind === 2) {
          const flags = cursor.leb();
          cursor.leb();
          if (flags & 1) cursor.leb();
        } else if (kind === 3) {
          cursor.at += 2;
        } else {
          throw new Error(`unknown import kind ${kind}`);
        }
      }
    } else if (section.id === SECTION.code) {
      for (let i = 0, n = cursor.leb(); i < n; i += 1) {
        const bodySize = cursor.leb();
        bodies.push(bodySize);
        cursor.at += bodySize;
      }
    } else if (section.id === SECTION.custom && section.name === 'name') {
      cursor.at = section.contents;
      while (cursor.at < section.end) {
        const subsection = cursor.byte();
        const subsectionEnd = cursor.leb() + cursor.at;
        if (subsection === 1) {
          for (let i = 0, n = cursor.leb(); i < n; i += 1) {
            const index = cursor.leb();
            names.set(index, cursor.name());
          }
        }
        cursor.at = subsectionEnd;
      }
    }
    if (section.id !== SECTION.custom) sizes[section.id] = section.end - section.body;
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
    dataBytes: sizes[SECTION.data] ?? 0,
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
  // Without --top, 25 (indexOf's -1 used to read argv[0], the node binary: NaN, no crates).
  const at = process.argv.indexOf('--top');
  const top = at === -1 ? 25 : Number(process.argv[at + 1]);
  if (!file || !Number.isInteger(top) || top < 1) {
    console.error('usage: node tests/bench/wasm-crates.mjs MODULE.wasm [--top N]');
    process.exit(2);
  }
  const result = crateSizes(readFileSync(file));
  result.crates = result.crates.slice(0, top);
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
}
