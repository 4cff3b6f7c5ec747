// Strips a JavaScript file for shipping: full-line comments (`// …` and `/* … */` blocks that
// begin a line) and each line's indentation. Code is never rewritten, so nothing can change
// meaning as long as no string spans lines; the script refuses a file where one might
// (a line with an odd number of backticks, or ending in a backslash) and leaves it as it is.
// Used by scripts/build.sh on the wasm-bindgen glue and kizuki.js (the readable sources stay
// in www/ and target-wasm/).
//
//   node scripts/strip-js.mjs FILE...     rewrites each FILE in place; prints bytes before → after

import { readFileSync, writeFileSync } from 'node:fs';

export function stripJs(source) {
  const out = [];
  let inBlock = false;
  for (const line of source.split('\n')) {
    const text = line.trim();
    if (inBlock) {
      if (text.includes('*/')) {
        inBlock = false;
        const rest = text.slice(text.indexOf('*/') + 2).trim();
        if (rest) throw new Error(`code after a comment's end on one line: ${line}`);
      }
      continue;
    }
    if (text === '' || text.startsWith('//')) continue;
    if (text.startsWith('/*')) {
      if (!text.includes('*/', 2)) inBlock = true;
      else if (text.slice(text.indexOf('*/', 2) + 2).trim()) throw new Error(`code after a comment on one line: ${line}`);
      continue;
    }
    if ((text.match(/`/g) ?? []).length % 2 === 1) throw new Error(`a template string may span lines: ${line}`);
    if (text.endsWith('\\')) throw new Error(`a string may continue on the next line: ${line}`);
    out.push(text);
  }
  if (inBlock) throw new Error('a comment is not closed');
  return `${out.join('\n')}\n`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const file of process.argv.slice(2)) {
    const source = readFileSync(file, 'utf8');
    let stripped;
    try {
      stripped = stripJs(source);
    } catch (error) {
      console.error(`${file}: left as it is (${error.message})`);
      continue;
    }
    writeFileSync(file, stripped);
    console.log(`${file}: ${source.length} → ${stripped.length} bytes`);
  }
}
