// Writes one page per kind into a staged site (scripts/build.sh): checklist.html, plan.html,
// course.html, questionnaire.html, each the app page (app.html) with its widget in the markup
// and the browser told, in the page's head, which files that widget will need: its module's
// wasm and glue, its stylesheet and its default pack in the page's language. The browser then
// asks for them while it reads the head, instead of after it has laid out the page and run
// kizuki.js (about 100 ms later on a phone; BENCHMARKS.md, "first answer control").
//
// app.html?kit=… stays for addresses that carry options (?lang=en, ?pack=…): it cannot name
// its files in advance, so it loads them when app.js runs.
//
//   node scripts/kit-pages.mjs <staged site>
//
// The kinds and their default packs are read from the staged kizuki.js (filled from
// web/src/kind.rs by fill_kizuki_js), so there is one list.

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Replaces `from` in `text` (it must be there exactly once) with `to`. */
function replaceOnce(text, from, to, what) {
  const at = text.indexOf(from);
  if (at < 0 || text.indexOf(from, at + 1) >= 0) {
    throw new Error(`app.html: ${what}: expected exactly one ${JSON.stringify(from)}`);
  }
  return text.slice(0, at) + to + text.slice(at + from.length);
}

/** The kinds (kit name → default pack) of the staged kizuki.js. */
export function kindsOf(kizukiJs) {
  const match = kizukiJs.match(/const KINDS = (\{[^}]*\});/);
  if (!match) throw new Error('kizuki.js: no filled KINDS list');
  return JSON.parse(match[1]);
}

/** The page of one kind, made from the app page. */
export function kitPage(appHtml, kind, pack) {
  const lang = appHtml.match(/<html lang="([a-z]{2})">/)?.[1];
  if (!lang) throw new Error('app.html: no <html lang>');
  const navLink = new RegExp(`<a href="${kind}\\.html">([^<]+)</a>`);
  const name = appHtml.match(navLink)?.[1];
  if (!name) throw new Error(`app.html: the header names no ${kind}.html`);
  let page = appHtml;
  page = replaceOnce(page, '<title>気づき Kizuki</title>', `<title>${name} — 気づき Kizuki</title>`, 'title');
  // Matched by the requests kizuki.js makes (same address, mode and credentials), so each
  // file is fetched once. The pack is the page's language's file; a person who reads the
  // widget in the other language fetches that one too.
  const hints = [
    `<link rel="modulepreload" href="pkg/kizuki_${kind}.js">`,
    `<link rel="preload" href="pkg/kizuki_${kind}_bg.wasm" as="fetch" type="application/wasm" crossorigin>`,
    `<link rel="preload" href="content/${pack}.${lang}.json" as="fetch" crossorigin>`,
    `<link rel="preload" href="kizuki-${kind}.css" as="style">`,
  ];
  page = replaceOnce(
    page,
    '<link rel="modulepreload" href="kizuki.js">',
    ['<link rel="modulepreload" href="kizuki.js">', ...hints].join('\n  '),
    'the preload of kizuki.js',
  );
  page = page.replace(/ *<!-- kizuki\.js then loads[\s\S]*?-->\n/, '');
  page = replaceOnce(page, '<script type="module" src="app.js"></script>', '<script type="module" src="kizuki.js"></script>', 'app.js');
  page = replaceOnce(
    page,
    '<h1 class="visually-hidden">気づき Kizuki</h1>',
    `<h1 class="visually-hidden">気づき Kizuki</h1>\n    <kizuki-kit kit="${kind}" chrome="none"></kizuki-kit>`,
    'the heading of <main>',
  );
  page = page.replace(navLink, `<a href="${kind}.html" aria-current="page">$1</a>`);
  return page;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const site = process.argv[2];
  if (!site) {
    console.error('usage: node scripts/kit-pages.mjs <staged site>');
    process.exit(2);
  }
  const appHtml = readFileSync(join(site, 'app.html'), 'utf8');
  const kinds = kindsOf(readFileSync(join(site, 'kizuki.js'), 'utf8'));
  for (const [kind, pack] of Object.entries(kinds)) {
    writeFileSync(join(site, `${kind}.html`), kitPage(appHtml, kind, pack));
  }
}
