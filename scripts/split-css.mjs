// Writes one stylesheet per wasm module from the one source, www/kizuki.css (issue 14: a
// widget loads only the layout its module's screens use).
//
//   node scripts/split-css.mjs <source.css> <out-dir> <module> [<module> …]
//
// The source is cut into marked blocks:
//
//   /* == <block> == <module> <module> … */   or   /* == <block> == every module */
//   …
//   /* == end <block> == */
//
// the marker naming the modules whose stylesheet carries the block. Text outside any block
// (the opening comment and the :host rule) is in every stylesheet. Each module's file,
// `<out-dir>/kizuki-<module>.css`, holds the text outside blocks and the blocks it is named
// in, in the source's order, so the cascade is the same as in the whole file;
// `<out-dir>/kizuki.css` holds everything (a page that mounts a module without kizuki.js
// links it). Every file ships without comments and blank lines (the shared layer's guide
// alone is about 8 KB). A marker that names a module not given, a block never closed or
// closed under another name, or a block that names no module stops the build.

import fs from 'node:fs';
import path from 'node:path';

const [source, outDir, ...modules] = process.argv.slice(2);
if (!source || !outDir || modules.length === 0) {
  console.error('usage: node scripts/split-css.mjs <source.css> <out-dir> <module> [<module> …]');
  process.exit(2);
}

/** The source cut into parts: `{ block, modules, text }`, `block` null outside any block. */
function cutIntoBlocks(css, known) {
  const parts = [];
  const marker = /\/\* == (end )?([a-z][a-z0-9_-]*) ==([^*]*)\*\//g;
  let open = null;
  let from = 0;
  const problems = [];
  const lineOf = (index) => css.slice(0, index).split('\n').length;
  for (const match of css.matchAll(marker)) {
    const [whole, end, name, tail] = match;
    if (!end) {
      if (open) problems.push(`line ${lineOf(match.index)}: block "${name}" opens inside block "${open.block}"`);
      const named = tail.trim().split(/\s+/).filter(Boolean);
      const every = named.join(' ') === 'every module';
      const unknown = every ? [] : named.filter((module) => !known.includes(module));
      if (!every && named.length === 0) problems.push(`line ${lineOf(match.index)}: block "${name}" names no module (write "every module" or the modules that use it)`);
      for (const module of unknown) problems.push(`line ${lineOf(match.index)}: block "${name}" names "${module}", which is no module (${known.join(', ')})`);
      parts.push({ block: null, modules: known, text: css.slice(from, match.index) });
      open = { block: name, modules: every ? known : named };
      from = match.index;
    } else {
      if (!open || open.block !== name) {
        problems.push(`line ${lineOf(match.index)}: "end ${name}" closes ${open ? `block "${open.block}"` : 'no block'}`);
        continue;
      }
      parts.push({ ...open, text: css.slice(from, match.index + whole.length) });
      open = null;
      from = match.index + whole.length;
    }
  }
  if (open) problems.push(`block "${open.block}" is never closed`);
  parts.push({ block: null, modules: known, text: css.slice(from) });
  return { parts, problems };
}

/** The shipped form: no comments, no trailing blanks, no empty lines. */
function strip(css) {
  return css
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/[ \t]+$/gm, '')
    .replace(/\n{2,}/g, '\n')
    .replace(/^\n/, '');
}

const css = fs.readFileSync(source, 'utf8');
const { parts, problems } = cutIntoBlocks(css, modules);
if (problems.length) {
  for (const problem of problems) console.error(`${source}: ${problem}`);
  process.exit(1);
}
fs.writeFileSync(path.join(outDir, 'kizuki.css'), strip(css));
for (const module of modules) {
  const text = parts.filter((part) => part.modules.includes(module)).map((part) => part.text).join('');
  fs.writeFileSync(path.join(outDir, `kizuki-${module}.css`), strip(text));
}
