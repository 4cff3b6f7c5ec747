#!/usr/bin/env bash
# Builds the deployable static site into dist/ and the npm package of the embed into dist/npm/.
#
#   scripts/build.sh          release: wasm32 release build, wasm-bindgen, wasm-opt -O3
#                             without binaryen's inlining (scripts/lib.sh) with the functions
#                             grouped by name (scripts/wasm-order.mjs: ~3% less gzip); -Os
#                             and -Oz make the wasm smaller raw but ~8% larger gzipped
#                             (BENCHMARKS.md, issue 14's size levers)
#   scripts/build.sh --dev    debug wasm, no wasm-opt (faster to build, much larger)
#   KIZUKI_KITS="course tools" scripts/build.sh
#                             rebuilds only those kits' wasm; the others keep their last built
#                             module (for a quick turn while working on one kit; CI builds all)
#
# dist/            = www/ + pkg/ (one JS glue + wasm per kit: checklist, plan, course, questionnaire, aggregate, tools, mydata)
#                    + content/*.json (top-level packs only, and each one's .ja.json and
#                      .en.json: one language per file, written by `kizuki pack split`)
# dist/npm/        = kizuki-embed, laid out as wasm-pack lays out a --target web package
# Ends with a size report (raw and gzip -9 bytes). Expects scripts/toolchain.sh to have run.
set -euo pipefail
# shellcheck source=scripts/lib.sh
source "$(dirname "$0")/lib.sh"
cd "$KIZUKI_ROOT"

profile=release
case "${1:-}" in
  "") ;;
  --dev) profile=dev ;;
  *) die "usage: scripts/build.sh [--dev]" ;;
esac

command -v wasm-bindgen >/dev/null || die "wasm-bindgen not found: run scripts/toolchain.sh"
[ -x node_modules/.bin/wasm-opt ] || die "node_modules/.bin/wasm-opt not found: run scripts/toolchain.sh"

# One wasm module per kit: a widget loads only its kit's code (kizuki.js picks the module).
# The modules are the features of kizuki-web (one per kind, `aggregate`, `tools` and `mydata`).
mapfile -t KITS < <(sed -n '/^\[features\]/,/^\[/p' web/Cargo.toml | sed -n 's/^\([a-z][a-z0-9_]*\) *=.*/\1/p' | grep -vx 'default\|lms')
[ "${#KITS[@]}" -gt 0 ] || die "no kit features found in web/Cargo.toml"
# The course once more with its LMS runtime (feature `lms`), for SCORM 1.2 / cmi5 packages
# only (`kizuki package` copies it); the plain course widget goes without (about 33 KB gzip).
KITS+=(course_lms)
declare -A KIT_FEATURES=([course_lms]=lms)
staging="$KIZUKI_ROOT/dist.tmp"
rm -rf "$staging"
mkdir -p "$staging/pkg" "$staging/content"
built="$KIZUKI_WASM_TARGET_DIR/kits-$profile"
mkdir -p "$built"
for kit in "${KITS[@]}"; do
  # For size, or for speed (the aggregation's module): read by wasm_release_env and
  # wasm_opt_release_flags (scripts/lib.sh).
  export KIZUKI_WASM_FOR_SPEED
  KIZUKI_WASM_FOR_SPEED="$(wasm_kit_for_speed "$kit")"
  if [ -n "${KIZUKI_KITS:-}" ] && [[ " $KIZUKI_KITS " != *" $kit "* ]] && [ -f "$built/kizuki_$kit.wasm" ]; then
    note "kit '$kit': not in KIZUKI_KITS, keeping its last built module"
    wasm_in="$built/kizuki_$kit.wasm"
  else
    step "wasm32: building kizuki-web for kit '$kit' ($profile)"
    if [ "$profile" = release ]; then
      # The name section is kept in the build (wasm-opt strips it below, with --strip-debug):
      # target-wasm/post-release/<kit>/kizuki_<kit>_bg.wasm then has every function's name,
      # for `node tests/bench/wasm-crates.mjs` (which crates the bytes come from) at no cost.
      # The compiler's size levers (std built for size, no panic locations, no Debug
      # text): wasm_release_env in scripts/lib.sh.
      CARGO_PROFILE_RELEASE_STRIP=false \
        wasm_cargo_release build --release -p kizuki-web --no-default-features --features "${KIT_FEATURES[$kit]:-$kit}"
      wasm_in="$KIZUKI_WASM_TARGET_DIR/$KIZUKI_WASM_TRIPLE/release/kizuki_web.wasm"
    else
      wasm_cargo build -p kizuki-web --no-default-features --features "${KIT_FEATURES[$kit]:-$kit}"
      wasm_in="$KIZUKI_WASM_TARGET_DIR/$KIZUKI_WASM_TRIPLE/debug/kizuki_web.wasm"
  fi
  [ -f "$wasm_in" ] || die "the build did not produce $wasm_in"
  # Cargo writes every kit to the same file name: keep each kit's copy.
  cp "$wasm_in" "$built/kizuki_$kit.wasm"
  wasm_in="$built/kizuki_$kit.wasm"
  fi

  # wasm-bindgen and wasm-opt (minutes on a large module) are skipped when their input and
  # tools are unchanged: the outputs are kept with a key in target-wasm/post-<profile>/<kit>/.
  post="$KIZUKI_WASM_TARGET_DIR/post-$profile/$kit"
  bindgen_flags=(--target web --out-dir "$post" --out-name "kizuki_$kit")
  [ "$profile" = dev ] && bindgen_flags+=(--debug --keep-debug)
  opt_flags=()
  if [ "$profile" = release ]; then
    mapfile -t opt_flags < <(wasm_opt_release_flags)
  fi
  key="$({
    sha256sum "$wasm_in" | cut -d' ' -f1
    cat scripts/wasm-order.mjs scripts/wasm-sections.mjs scripts/guard-glue.mjs | sha256sum | cut -d' ' -f1
    wasm-bindgen --version
    sed -n 's/^ *"version": *"\(.*\)".*/\1/p' node_modules/binaryen/package.json | head -n 1
    echo "${bindgen_flags[*]} | ${opt_flags[*]}"
  } | sha256sum | cut -d' ' -f1)"
  if [ -f "$post/key" ] && [ "$(cat "$post/key")" = "$key" ]; then
    note "wasm unchanged: reusing the wasm-bindgen and wasm-opt output in ${post#"$KIZUKI_ROOT"/}"
  else
    rm -rf "$post"
    step "wasm-bindgen --target web ($kit)"
    # The release profile strips the target_features section, which wasm-bindgen warns
    # about; wasm-opt gets the features from the compiler instead (wasm_opt_feature_flags).
    wasm-bindgen "${bindgen_flags[@]}" "$wasm_in" 2>&1 | grep -v "target_features. custom section is missing" >&2 || true
    [ -f "$post/kizuki_${kit}_bg.wasm" ] || die "wasm-bindgen failed"
    # Every call into the module through a guard: a trap stops the module and kizuki.js
    # draws the crash screen (a panic is an immediate abort in release builds).
    node scripts/guard-glue.mjs "$post/kizuki_$kit.js" || die "could not guard the glue of $kit"
    if [ "$profile" = release ]; then
      # Related functions side by side (generic instances, one type's impls): gzip and
      # brotli find more repeats. The names exist because the build keeps them (above).
      node scripts/wasm-order.mjs "$post/kizuki_${kit}_bg.wasm" "$post/ordered.wasm" ||
        die "could not order the functions of $kit's module"
      step "wasm-opt ${opt_flags[*]} ($kit)"
      node_modules/.bin/wasm-opt "${opt_flags[@]}" "$post/ordered.wasm" -o "$post/optimised.wasm" ||
        die "wasm-opt failed"
      rm -f "$post/ordered.wasm"
    else
      cp "$post/kizuki_${kit}_bg.wasm" "$post/optimised.wasm"
    fi
    printf '%s\n' "$key" >"$post/key"
  fi
  cp "$post/optimised.wasm" "$staging/pkg/kizuki_${kit}_bg.wasm"
  cp "$post/kizuki_$kit.js" "$staging/pkg/"
done

step "assembling dist/"
cp -R www/. "$staging/"
# One stylesheet per module from the one source, www/kizuki.css (issue 14): each block of it
# names the modules that use it (`/* == checklist == checklist */`), and kizuki-<module>.css
# holds those blocks only, in the source's order; kizuki.css keeps everything, for a page
# that mounts a module without kizuki.js. Every visitor's browser gets them without the
# comments (the shared layer's guide alone is about 8 KB).
CSS_MODULES=()
for kit in "${KITS[@]}"; do [ "$kit" = course_lms ] || CSS_MODULES+=("$kit"); done
node scripts/split-css.mjs www/kizuki.css "$staging" "${CSS_MODULES[@]}" || die "could not split kizuki.css into one stylesheet per module"
# kizuki.js draws its placeholder before any wasm runs, and the crash screen when a module
# traps: its words come from the same locale files as the app's (web/locales/<lang>/ui.json
# for the loading line; embed.json, the words only kizuki.js shows).
fill_kizuki_js "$staging/kizuki.js"
# One page per kind (checklist.html, …): the app page with its widget in the markup and the
# widget's files named in its head, so the browser fetches them at once (scripts/kit-pages.mjs).
node scripts/kit-pages.mjs "$staging" || die "could not write the kits' pages"
# The glue and kizuki.js without their comments and indentation (about 3.5 KB gzip less per
# widget); the readable sources stay in www/ and target-wasm/post-<profile>/.
if [ "$profile" = release ]; then
  node scripts/strip-js.mjs "$staging/kizuki.js" "$staging"/pkg/kizuki_*.js >/dev/null || die "could not strip the JS"
fi
# The home page's "about this content" panel: each pack's maker, reviews (or that there are
# none yet), versions, content-as-of date, licence and how to report an error, in both
# languages, worded as the widgets' panel (web/src/about.rs, kizuki_core::about).
version="$(kizuki_version)"
# The operator's address for error reports: its one place is [workspace.metadata.kizuki] in
# Cargo.toml (web/build.rs reads the same line for the widgets).
report_url="$(sed -n '/^\[workspace.metadata.kizuki\]/,/^\[/s/^report_errors_url *= *"\(.*\)"/\1/p' Cargo.toml | head -n 1)"
[ -n "$report_url" ] || die "Cargo.toml: set report_errors_url in [workspace.metadata.kizuki]"
case "$report_url" in
  *.example/*|*.example|*://example.*|*.example.com*|*.example.org*|*.example.net*)
    note "report_errors_url is still the placeholder $report_url: the about panels say so; set the real address in Cargo.toml" ;;
esac
shopt -s nullglob
packs=(content/*.json)
shopt -u nullglob
[ "${#packs[@]}" -gt 0 ] || note "no content/*.json yet: the kits will show their load error"
# What each pack's about panel says, in each language, as the core words it for the widgets
# (kizuki_core::about: dates written out, the report address checked): the page only lays it out.
about_json="$staging/.about.json"
if [ "${#packs[@]}" -gt 0 ]; then
  cargo run --quiet -p kizuki-cli --bin kizuki -- pack about --build "$version" --report-url "$report_url" "${packs[@]}" > "$about_json" \
    || die "kizuki pack about failed"
else
  echo "[]" > "$about_json"
fi
node -e '
  const fs = require("fs");
  const [page, locales, aboutFile] = process.argv.slice(1);
  const ui = {};
  for (const lang of ["ja", "en"]) ui[lang] = JSON.parse(fs.readFileSync(`${locales}/${lang}/ui.json`, "utf8"));
  const esc = (text) => String(text).replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;" })[c]);
  const fill = (template, values) => template.replace(/\{(\w+)\}/g, (_, key) => values[key] ?? "");
  const both = (ja, en) => `${esc(ja)}<br><span lang="en">${esc(en)}</span>`;
  const order = ["mh-checklist", "return-to-work", "linecare", "provider-checklist"];
  const abouts = JSON.parse(fs.readFileSync(aboutFile, "utf8"))
    .sort((a, b) => (order.indexOf(a.id) + 99) % 99 - (order.indexOf(b.id) + 99) % 99 || a.id.localeCompare(b.id));
  let html = "";
  for (const pack of abouts) {
    const [ja, en] = [pack.ja, pack.en];
    const row = (key, value) => `<dt>${both(ui.ja[key], ui.en[key])}</dt><dd>${value}</dd>`;
    const stated = (lang, value) => value ?? ui[lang].about_not_stated;
    const reviewed = (lang) => pack[lang].reviews.length
      ? pack[lang].reviews.map((r) => fill(ui[lang].about_review_line, r)).join(lang === "ja" ? "、" : "; ")
      : ui[lang].about_not_reviewed;
    const version = (lang) => fill(ui[lang].about_version_value, { pack: pack[lang].pack_version, build: pack[lang].build_version });
    const url = ja.report_url;
    const reportLine = !url ? "" : ja.report_url_is_placeholder
      ? `<br>${esc(ui.ja.about_report_url)}${esc(url)}${esc(ui.ja.about_report_placeholder)}<br><span lang="en">${esc(ui.en.about_report_url)}${esc(url)}${esc(ui.en.about_report_placeholder)}</span>`
      : `<br>${esc(ui.ja.about_report_url)}<a href="${esc(url)}" rel="noopener noreferrer">${esc(url)}</a>`;
    html += `<h3>${esc(ja.title)} <span lang="en">${esc(en.title)}</span></h3><dl>`
      + row("about_made_by", both(stated("ja", ja.made_by), stated("en", en.made_by)))
      + row("about_reviewed_by", both(reviewed("ja"), reviewed("en")))
      + row("about_version", both(version("ja"), version("en")))
      + row("about_as_of", both(fill(ui.ja.about_as_of_value, { date: ja.content_as_of }), fill(ui.en.about_as_of_value, { date: en.content_as_of })))
      + row("about_licence", esc(ja.licence ?? ui.ja.about_not_stated)
        + (ja.licence_note ? `<br>${both(ja.licence_note, en.licence_note ?? ja.licence_note)}` : ""))
      + row("about_report", both(stated("ja", ja.report_errors), stated("en", en.report_errors)) + reportLine)
      + "</dl>";
  }
  const source = fs.readFileSync(page, "utf8");
  const filled = source.replace(/<!-- KIZUKI_ABOUT:[\s\S]*?-->/, html);
  if (filled === source) { console.error("index.html: no KIZUKI_ABOUT marker"); process.exit(1); }
  fs.writeFileSync(page, filled);
' "$staging/index.html" web/locales "$about_json" || die "could not fill the home page's about panel"
rm -f "$about_json"
# Packs are copied minified: same data, fewer bytes. A pack that is not JSON stops the build.
for pack in "${packs[@]}"; do
  node -e '
    const fs = require("fs");
    const [from, to] = process.argv.slice(1);
    try { fs.writeFileSync(to, JSON.stringify(JSON.parse(fs.readFileSync(from, "utf8")))); }
    catch (error) { console.error(`${from}: ${error.message}`); process.exit(1); }
  ' "$pack" "$staging/content/$(basename "$pack")" || die "$pack is not valid JSON"
done

# One file per language beside each pack (content/<pack>.ja.json, .en.json): a widget fetches
# only its language's file, the other when the person switches; the bilingual file stays for
# the CLI, the aggregation page and a center's own packs. The core makes them (issue 14).
[ "${#packs[@]}" -eq 0 ] || cargo run --quiet -p kizuki-cli --bin kizuki -- pack split --out "$staging/content" "${packs[@]}" >/dev/null || die "kizuki pack split failed"

# The standalone site's service worker (www/sw.js) keeps this build's files for offline
# use: their list (each module's stylesheet, not kizuki.css, which no page of the site links),
# and a version that changes whenever any of them does, are filled in here.
node -e '
  const fs = require("fs");
  const path = require("path");
  const crypto = require("crypto");
  const root = process.argv[1];
  const walk = (dir) => fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const at = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "npm" ? [] : walk(at);
    return [at];
  });
  const files = walk(root)
    .map((file) => path.relative(root, file).split(path.sep).join("/"))
    // kizuki.css (the layout of every kit) is for pages that mount a module without kizuki.js:
    // the site links the stylesheet of each module, kizuki-<module>.css, never it.
    .filter((file) => file !== "sw.js" && file !== "kizuki.css" && !/\.(gz|br|d\.ts)$/.test(file) && !file.startsWith("pkg/kizuki_course_lms"))
    .sort();
  const hash = crypto.createHash("sha256");
  for (const file of files) hash.update(file).update("\0").update(fs.readFileSync(path.join(root, file)));
  const version = hash.digest("hex").slice(0, 16);
  const list = ["./", ...files.map((file) => `./${file}`)];
  const worker = path.join(root, "sw.js");
  const source = fs.readFileSync(worker, "utf8");
  const filled = source
    .replace(/\/\* KIZUKI_VERSION \*\/[\s\S]*?\/\* END_KIZUKI_VERSION \*\//, JSON.stringify(version))
    .replace(/\/\* KIZUKI_FILES \*\/[\s\S]*?\/\* END_KIZUKI_FILES \*\//, JSON.stringify(list));
  if (filled.includes("KIZUKI_FILES") || filled.includes("KIZUKI_VERSION")) { console.error("sw.js: markers not found"); process.exit(1); }
  fs.writeFileSync(worker, filled);
' "$staging" || die "could not fill sw.js with the build's files"

step "assembling dist/npm/ (kizuki-embed)"
npm_dir="$staging/npm"
mkdir -p "$npm_dir"
npm_files=()
for kit in "${KITS[@]}"; do
  [ "$kit" = course_lms ] && continue # only for LMS packages, never embedded
  post="$KIZUKI_WASM_TARGET_DIR/post-$profile/$kit"
  cp "$staging/pkg/kizuki_${kit}_bg.wasm" "$post/kizuki_$kit.js" "$post/kizuki_$kit.d.ts" "$post/kizuki_${kit}_bg.wasm.d.ts" "$npm_dir/"
  npm_files+=("kizuki_${kit}_bg.wasm" "kizuki_$kit.js" "kizuki_$kit.d.ts" "kizuki_${kit}_bg.wasm.d.ts")
done
cp "$staging/kizuki.css" www/kizuki.d.ts "$npm_dir/"
for module in "${CSS_MODULES[@]}"; do
  cp "$staging/kizuki-$module.css" "$npm_dir/"
  npm_files+=("kizuki-$module.css")
done
sed 's#\./pkg/#./#g' "$staging/kizuki.js" >"$npm_dir/kizuki.js"
write_npm_meta "$npm_dir" "${npm_files[@]}"

step "precompressing (.gz and .br beside each file, for hosts that serve them)"
# A host that serves `file.br` / `file.gz` for `Accept-Encoding: br` / `gzip` sends a
# checklist widget in about a third of its plain size (www/embed/guide.html says how).
node -e '
  const fs = require("fs");
  const path = require("path");
  const zlib = require("zlib");
  const walk = (dir) => fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const at = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "npm" ? [] : walk(at);
    return /\.(wasm|js|css|json|html|svg)$/.test(entry.name) ? [at] : [];
  });
  for (const file of walk(process.argv[1])) {
    const bytes = fs.readFileSync(file);
    fs.writeFileSync(`${file}.gz`, zlib.gzipSync(bytes, { level: 9 }));
    fs.writeFileSync(`${file}.br`, zlib.brotliCompressSync(bytes, {
      params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_LGWIN]: 24, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
    }));
  }
' "$staging" || die "precompressing failed"

rm -rf dist
mv "$staging" dist
note "dist/ is ready ($profile)"

step "size report (bytes; gzip -9)"
scripts/size-report.sh dist
