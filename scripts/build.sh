#!/usr/bin/env bash
# Builds the deployable static site into dist/ and the npm package of the embed into dist/npm/.
#
#   scripts/build.sh          release: wasm32 release build, wasm-bindgen, wasm-opt -O1
#                             (-O2 and -Oz make the wasm smaller raw but ~10% larger gzipped:
#                             BENCHMARKS.md, release profile table)
#   scripts/build.sh --dev    debug wasm, no wasm-opt (faster to build, much larger)
#
# dist/            = www/ + pkg/ (JS glue + wasm) + content/*.json (top-level packs only)
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

step "wasm32: building kizuki-web ($profile)"
if [ "$profile" = release ]; then
  wasm_cargo build --release -p kizuki-web
  wasm_in="$KIZUKI_WASM_TARGET_DIR/$KIZUKI_WASM_TRIPLE/release/kizuki_web.wasm"
else
  wasm_cargo build -p kizuki-web
  wasm_in="$KIZUKI_WASM_TARGET_DIR/$KIZUKI_WASM_TRIPLE/debug/kizuki_web.wasm"
fi
[ -f "$wasm_in" ] || die "the build did not produce $wasm_in"

# wasm-bindgen and wasm-opt (minutes on a large module) are skipped when their input and
# tools are unchanged: the outputs are kept with a key in target-wasm/post-<profile>/.
post="$KIZUKI_WASM_TARGET_DIR/post-$profile"
bindgen_flags=(--target web --out-dir "$post" --out-name kizuki_web)
[ "$profile" = dev ] && bindgen_flags+=(--debug --keep-debug)
opt_flags=()
if [ "$profile" = release ]; then
  mapfile -t features < <(wasm_opt_feature_flags)
  opt_flags=(-O1 "${features[@]}" --strip-debug --strip-producers)
fi
key="$({
  sha256sum "$wasm_in" | cut -d' ' -f1
  wasm-bindgen --version
  sed -n 's/^ *"version": *"\(.*\)".*/\1/p' node_modules/binaryen/package.json | head -n 1
  echo "${bindgen_flags[*]} | ${opt_flags[*]}"
} | sha256sum | cut -d' ' -f1)"
if [ -f "$post/key" ] && [ "$(cat "$post/key")" = "$key" ]; then
  note "wasm unchanged: reusing the wasm-bindgen and wasm-opt output in ${post#"$KIZUKI_ROOT"/}"
else
  rm -rf "$post"
  step "wasm-bindgen --target web"
  # The release profile strips the target_features section, which wasm-bindgen warns
  # about; wasm-opt gets the features from the compiler instead (wasm_opt_feature_flags).
  wasm-bindgen "${bindgen_flags[@]}" "$wasm_in" 2>&1 | grep -v "target_features. custom section is missing" >&2 || true
  [ -f "$post/kizuki_web_bg.wasm" ] || die "wasm-bindgen failed"
  if [ "$profile" = release ]; then
    step "wasm-opt ${opt_flags[*]}"
    node_modules/.bin/wasm-opt "${opt_flags[@]}" "$post/kizuki_web_bg.wasm" -o "$post/optimised.wasm" ||
      die "wasm-opt failed"
  else
    cp "$post/kizuki_web_bg.wasm" "$post/optimised.wasm"
  fi
  printf '%s\n' "$key" >"$post/key"
fi

staging="$KIZUKI_ROOT/dist.tmp"
rm -rf "$staging"
mkdir -p "$staging/pkg" "$staging/content"
cp "$post/optimised.wasm" "$staging/pkg/kizuki_web_bg.wasm"
cp "$post/kizuki_web.js" "$staging/pkg/"

step "assembling dist/"
cp -R www/. "$staging/"
shopt -s nullglob
packs=(content/*.json)
shopt -u nullglob
[ "${#packs[@]}" -gt 0 ] || note "no content/*.json yet: the kits will show their load error"
# Packs are copied minified: same data, fewer bytes. A pack that is not JSON stops the build.
for pack in "${packs[@]}"; do
  node -e '
    const fs = require("fs");
    const [from, to] = process.argv.slice(1);
    try { fs.writeFileSync(to, JSON.stringify(JSON.parse(fs.readFileSync(from, "utf8")))); }
    catch (error) { console.error(`${from}: ${error.message}`); process.exit(1); }
  ' "$pack" "$staging/content/$(basename "$pack")" || die "$pack is not valid JSON"
done

step "assembling dist/npm/ (kizuki-embed)"
npm_dir="$staging/npm"
mkdir -p "$npm_dir"
cp "$staging/pkg/kizuki_web_bg.wasm" "$post/kizuki_web.js" "$npm_dir/"
cp "$post/kizuki_web.d.ts" "$post/kizuki_web_bg.wasm.d.ts" "$npm_dir/"
cp www/kizuki.css "$npm_dir/"
sed 's#\./pkg/#./#g' www/kizuki.js >"$npm_dir/kizuki.js"
version="$(sed -n 's/^version *= *"\(.*\)"/\1/p' Cargo.toml | head -n 1)"
node -e '
  const [version, out] = process.argv.slice(1);
  const pkg = {
    name: "kizuki-embed",
    type: "module",
    description: "Kizuki: workplace mental-health checklists, plans and courses that run in the browser (WebAssembly).",
    version,
    license: "MIT OR Apache-2.0",
    files: ["kizuki_web_bg.wasm", "kizuki_web.js", "kizuki_web.d.ts", "kizuki_web_bg.wasm.d.ts", "kizuki.js", "kizuki.css"],
    main: "kizuki_web.js",
    types: "kizuki_web.d.ts",
    sideEffects: ["./kizuki.js", "./snippets/*"],
  };
  require("fs").writeFileSync(out, JSON.stringify(pkg, null, 2) + "\n");
' "$version" "$npm_dir/package.json"
cat >"$npm_dir/README.md" <<'README'
# kizuki-embed

Kizuki's embeddable widgets (WebAssembly). Serve these files from your own origin, next to a
`content/` folder holding the kit packs, then either

```html
<script type="module" src="/kizuki/kizuki.js"></script>
<kizuki-kit kit="checklist" lang="ja"></kizuki-kit>
```

or `import init, { mount } from "kizuki-embed"; await init(); mount(element, { kit: "course", baseUrl: "/kizuki/" })`.
A page with a Content-Security-Policy must allow `script-src 'wasm-unsafe-eval'`.
README

rm -rf dist
mv "$staging" dist
note "dist/ is ready ($profile)"

step "size report (bytes; gzip -9)"
scripts/size-report.sh dist
