# shellcheck shell=bash
# Shared helpers for Kizuki's scripts. Source it; it defines functions and sets nothing else
# but KIZUKI_ROOT and the pinned versions.
#
#   wasm_cargo ARGS...   runs cargo for wasm32-unknown-unknown the way this machine can
#                        (see scripts/toolchain.sh, which records the way in target-wasm/mode)

KIZUKI_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
KIZUKI_WASM_TARGET_DIR="$KIZUKI_ROOT/target-wasm"
KIZUKI_WASM_MODE_FILE="$KIZUKI_WASM_TARGET_DIR/mode"
KIZUKI_WASM_TRIPLE="wasm32-unknown-unknown"

if [ -t 2 ]; then
  KIZUKI_BOLD=$'\033[1m' KIZUKI_RED=$'\033[31m' KIZUKI_RESET=$'\033[0m'
else
  KIZUKI_BOLD='' KIZUKI_RED='' KIZUKI_RESET=''
fi
step() { printf '\n%s==> %s%s\n' "$KIZUKI_BOLD" "$*" "$KIZUKI_RESET" >&2; }
note() { printf '    %s\n' "$*" >&2; }
die() {
  printf '\n%sERROR: %s%s\n' "$KIZUKI_RED" "$*" "$KIZUKI_RESET" >&2
  exit 1
}

# The version the wasm-bindgen crate is pinned to in Cargo.toml (`wasm-bindgen = "=X"`).
pinned_wasm_bindgen_version() {
  sed -n 's/^wasm-bindgen *= *"=\([0-9.]*\)".*/\1/p' "$KIZUKI_ROOT/Cargo.toml" | head -n 1
}

# rustup's host toolchain, whatever comes first in PATH.
rustup_host_sysroot() {
  local rustc
  rustc="$(rustup which rustc 2>/dev/null || true)"
  [ -n "$rustc" ] || rustc="$HOME/.cargo/bin/rustc"
  "$rustc" --print sysroot
}

# The rust-lld that rustup's host toolchain ships; it links wasm.
rustup_rust_lld() {
  local sysroot host
  sysroot="$(rustup_host_sysroot)"
  host="$("$sysroot/bin/rustc" -vV | sed -n 's/^host: //p')"
  printf '%s\n' "$sysroot/lib/rustlib/$host/bin/rust-lld"
}

# Runs cargo for wasm32 with a separate target dir (target-wasm/). Modes (written by toolchain.sh):
#   rustup  rustup's toolchain has the wasm32 std: plain cargo --target wasm32.
#   debian  Debian's rustc-web/cargo-web build std from rust-web-src (-Zbuild-std), linked
#           with rustup's rust-lld.
wasm_cargo() {
  [ -f "$KIZUKI_WASM_MODE_FILE" ] || die "no wasm32 toolchain recorded: run scripts/toolchain.sh"
  local mode
  mode="$(cat "$KIZUKI_WASM_MODE_FILE")"
  case "$mode" in
    rustup)
      CARGO_TARGET_DIR="$KIZUKI_WASM_TARGET_DIR" \
        CARGO_BUILD_TARGET="$KIZUKI_WASM_TRIPLE" \
        cargo "$@"
      ;;
    debian)
      env PATH="/usr/bin:$PATH" \
        RUSTC=/usr/bin/rustc \
        RUSTDOC=/usr/bin/rustdoc \
        RUSTC_BOOTSTRAP=1 \
        CARGO_UNSTABLE_BUILD_STD="std,panic_abort" \
        CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_LINKER="$(rustup_rust_lld)" \
        CARGO_TARGET_DIR="$KIZUKI_WASM_TARGET_DIR" \
        CARGO_BUILD_TARGET="$KIZUKI_WASM_TRIPLE" \
        /usr/bin/cargo "$@"
      ;;
    *) die "unknown wasm32 mode '$mode' in $KIZUKI_WASM_MODE_FILE: run scripts/toolchain.sh" ;;
  esac
}

# The std source that -Zbuild-std compiles: rustup's `rust-src` component, or Debian's
# `rust-web-src` (the debian mode always builds std from it). KIZUKI_STD_SOURCE overrides the
# place looked at (a test points it at a folder without the source).
wasm_std_source() {
  if [ -n "${KIZUKI_STD_SOURCE:-}" ]; then
    printf '%s\n' "$KIZUKI_STD_SOURCE"
  elif [ "$(cat "$KIZUKI_WASM_MODE_FILE" 2>/dev/null)" = debian ]; then
    printf '%s\n' /usr/lib/rustlib/src/rust/library
  else
    printf '%s\n' "$(rustup_host_sysroot)/lib/rustlib/src/rust/library"
  fi
}

# The compiler's size levers for release builds of the wasm (BENCHMARKS.md, "Issue 14's
# size bar", compiler levers), as NAME=VALUE lines for the environment of `wasm_cargo build
# --release`; `wasm_cargo_release` applies them. Dev builds, clippy and host builds use none.
#   - std, core and alloc compiled from source with the release profile (opt-level "z", in
#     the same LTO as the rest) and the two switches below, instead of the prebuilt std:
#     -Zbuild-std. Needs the std source; without it the build goes on with the prebuilt std
#     (the switches then apply to our crates and the dependencies only) and says so in one
#     line.
#   - -Zlocation-detail=none: a panic carries no file, line or column (the crash screen never
#     showed them; the console message keeps the panic's text). Also: no build paths ship.
#   - -Zfmt-debug=none: `{:?}` prints nothing and derived `Debug` compiles to nothing. No
#     text a person reads may use it (tests/core/tidy.rs holds that for our code; serde's
#     "invalid type: string \"…\"" loses the quoted value, its only `{:?}` a person sees).
#   - panic = "immediate-abort" (with std built from source, when the compiler has it): a
#     panic is a bare trap, with no panic machinery, message or hook. The crash screen does
#     not need the module: the glue's guard (scripts/guard-glue.mjs) sees the trap and
#     kizuki.js draws it, whatever the panic strategy.
#   - with it, std's `optimize_for_size` feature (-Zbuild-std-features): smaller sorts,
#     formatting and collections code in core and alloc.
# Measured on the checklist module (BENCHMARKS.md): −11.7 KB gzip for the first three
# together (−3.5 %), then −10.2 KB for the immediate abort (the Rust crash screen left with
# it), −6.3 KB for `optimize_for_size`.
# The -Z switches are unstable: RUSTC_BOOTSTRAP=1 lets the stable compiler accept them (the
# debian mode has always needed it for -Zbuild-std). What it risks: an unstable switch may
# change or go in a newer compiler, and the build then fails with rustc's or cargo's message
# naming it; it changes nothing else in the compiler. KIZUKI_SIZE_LEVERS=0 turns them off.
# With KIZUKI_WASM_FOR_SPEED=1 (the aggregation page's module, which reads thousands of files:
# scripts/build.sh) the code is built for speed instead: opt-level 3 and std without
# `optimize_for_size`; the panic and formatting switches stay.
wasm_release_env() {
  [ "${KIZUKI_WASM_FOR_SPEED:-0}" = 1 ] && echo "CARGO_PROFILE_RELEASE_OPT_LEVEL=3"
  [ "${KIZUKI_SIZE_LEVERS:-1}" = 0 ] && return 0
  local source
  source="$(wasm_std_source)"
  echo "RUSTC_BOOTSTRAP=1"
  if [ -f "$source/std/Cargo.toml" ]; then
    echo "CARGO_UNSTABLE_BUILD_STD=std,panic_abort"
    if wasm_rustc_has_immediate_abort; then
      echo "CARGO_UNSTABLE_PANIC_IMMEDIATE_ABORT=true"
      echo "CARGO_PROFILE_RELEASE_PANIC=immediate-abort"
      # A std too old for the strategy to lack the strategy may lack this feature too: both or neither.
      [ "${KIZUKI_WASM_FOR_SPEED:-0}" = 1 ] || echo "CARGO_UNSTABLE_BUILD_STD_FEATURES=optimize_for_size"
    else
      note "$(wasm_rustc) has no immediate-abort panic strategy: panics go through the panic machinery and std is not built for size, a larger wasm (the crash screen is the same)"
    fi
  else
    note "no std source at $source (run: rustup component add rust-src): building with the prebuilt std, a larger wasm"
  fi
  echo "CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS=-Zlocation-detail=none -Zfmt-debug=none"
}

# The rustc the wasm is compiled with in this mode (KIZUKI_WASM_RUSTC overrides it: a test
# points it at a compiler without a feature).
wasm_rustc() {
  if [ -n "${KIZUKI_WASM_RUSTC:-}" ]; then
    printf '%s\n' "$KIZUKI_WASM_RUSTC"
  elif [ "$(cat "$KIZUKI_WASM_MODE_FILE" 2>/dev/null)" = debian ]; then
    printf '%s\n' /usr/bin/rustc
  else
    printf '%s\n' rustc
  fi
}

# True when that rustc has the immediate-abort panic strategy (unstable; rustc 1.95 has it).
wasm_rustc_has_immediate_abort() {
  RUSTC_BOOTSTRAP=1 "$(wasm_rustc)" -Zunstable-options -Cpanic=immediate-abort --print cfg \
    --target "$KIZUKI_WASM_TRIPLE" 2>/dev/null | grep -qx 'panic="immediate-abort"'
}

# `wasm_cargo` with the release size levers (wasm_release_env) in its environment.
wasm_cargo_release() {
  (
    local assignment
    while IFS= read -r assignment; do
      export "${assignment?}"
    done < <(wasm_release_env)
    wasm_cargo "$@"
  )
}

# wasm-opt flags for the WebAssembly features the wasm32 compiler enables by default.
# The built module carries no target_features section (release builds strip it, and
# wasm-bindgen drops it), so wasm-opt cannot detect them; the compiler says which they are.
wasm_opt_feature_flags() {
  local rustc=rustc feature
  [ "$(cat "$KIZUKI_WASM_MODE_FILE" 2>/dev/null)" = debian ] && rustc=/usr/bin/rustc
  "$rustc" --print cfg --target "$KIZUKI_WASM_TRIPLE" |
    sed -n 's/^target_feature="\(.*\)"$/\1/p' |
    while read -r feature; do
      case "$feature" in
        nontrapping-fptoint) echo --enable-nontrapping-float-to-int ;;
        simd128) echo --enable-simd ;;
        atomics) echo --enable-threads ;;
        *) echo "--enable-$feature" ;;
      esac
    done
}

# The workspace's version (Cargo.toml's first `version = "…"`): the site's about panel and the
# npm package.
kizuki_version() {
  sed -n 's/^version *= *"\(.*\)"/\1/p' Cargo.toml | head -n 1
}

# The modules built for speed rather than size, one decision for scripts/build.sh and
# scripts/wasm-pack.sh: 1 for the aggregation page's (it reads thousands of exports and is
# no widget: twice as fast, half as large again; BENCHMARKS.md), 0 for every other.
wasm_kit_for_speed() {
  case "$1" in
    aggregate) echo 1 ;;
    *) echo 0 ;;
  esac
}

# The wasm-opt level of a release module, one flag a line. For size (every kit's module):
# -O3 with binaryen's own inlining off (the four limits at 0) and without its local-cse pass:
# gzip -9 and brotli 1.2 % smaller than -O1 on every module (BENCHMARKS.md, "wasm-opt -O3
# without its inlining"); the levels with inlining, and local-cse, grow the gzipped wasm
# (rustc has inlined for size already). For speed (KIZUKI_WASM_FOR_SPEED=1: the aggregation's
# module, wasm_kit_for_speed), -O2 with its inlining.
wasm_opt_level_flags() {
  if [ "${KIZUKI_WASM_FOR_SPEED:-0}" = 1 ]; then
    echo -O2
    return
  fi
  printf '%s\n' -O3 \
    --always-inline-max-function-size 0 --flexible-inline-max-function-size 0 \
    --one-caller-inline-max-function-size 0 --partial-inlining-ifs 0 \
    --skip-pass local-cse
}

# The wasm-opt flags of a release module (scripts/build.sh, scripts/wasm-pack.sh): its level
# (wasm_opt_level_flags), then the functions ordered by their (grouping) names, then every
# custom section dropped: names, producers, target_features. One flag a line.
wasm_opt_release_flags() {
  local features level
  mapfile -t level < <(wasm_opt_level_flags)
  mapfile -t features < <(wasm_opt_feature_flags)
  printf '%s\n' "${level[@]}" "${features[@]}" --reorder-functions-by-name --strip-debug --strip-producers --strip-target-features
}

# Fills a copy of www/kizuki.js with the words it shows itself (web/locales/<lang>/ui.json's
# loading line and start failure, embed.json) and the kinds with their default packs (the web
# list of kinds, web/src/kind.rs). Run from the project's root.
fill_kizuki_js() {
  node -e '
  const fs = require("fs");
  const [script, locales] = process.argv.slice(1);
  const words = {};
  for (const lang of fs.readdirSync(locales).sort()) {
    const ui = JSON.parse(fs.readFileSync(`${locales}/${lang}/ui.json`, "utf8"));
    const embed = JSON.parse(fs.readFileSync(`${locales}/${lang}/embed.json`, "utf8"));
    words[lang] = { loading: ui.loading, start_failed: ui.start_failed, ...embed };
  }
  const source = fs.readFileSync(script, "utf8");
  // The kinds and their default packs, from the web list of kinds (web/src/kind.rs).
  const registry = fs.readFileSync("web/src/kind.rs", "utf8");
  const kinds = {};
  for (const [, name, pack] of registry.matchAll(/name: "([a-z0-9_]+)",\s*default_pack: "([a-z0-9-]+)"/g)) kinds[name] = pack;
  if (!Object.keys(kinds).length) { console.error("web/src/kind.rs: no kinds found"); process.exit(1); }
  let filled = source.replace(/\/\* KIZUKI_WORDS \*\/[\s\S]*?\/\* END_KIZUKI_WORDS \*\//, JSON.stringify(words));
  filled = filled.replace(/\/\* KIZUKI_KINDS \*\/[\s\S]*?\/\* END_KIZUKI_KINDS \*\//, JSON.stringify(kinds));
  if (!filled.includes("const KINDS = {")) { console.error(`${script}: no KIZUKI_KINDS block`); process.exit(1); }
  if (filled.includes("KIZUKI_WORDS")) { console.error(`${script}: no KIZUKI_WORDS block`); process.exit(1); }
  fs.writeFileSync(script, filled);
' "$1" web/locales || die "could not fill $1 with the locale words and kinds"
}

# Writes the npm package's package.json (listing the files given after the folder) and README
# into a folder (dist/npm/ by scripts/build.sh, wasm-pack.sh's --out).
write_npm_meta() {
  local out="$1"
  shift
  local version
  version="$(kizuki_version)"
  node -e '
    const [version, out, ...modules] = process.argv.slice(1);
    const pkg = {
      name: "kizuki-embed",
      type: "module",
      description: "Kizuki: workplace mental-health checklists, plans and courses that run in the browser (WebAssembly).",
      version,
      license: "MIT OR Apache-2.0",
      files: [...modules, "kizuki.js", "kizuki.d.ts", "kizuki.css"],
      main: "kizuki.js",
      types: "kizuki.d.ts",
      sideEffects: ["./kizuki.js", "./snippets/*"],
    };
    require("fs").writeFileSync(out, JSON.stringify(pkg, null, 2) + "\n");
  ' "$version" "$out/package.json" "$@"
  cat >"$out/README.md" <<'README'
# kizuki-embed

Kizuki's embeddable widgets (WebAssembly). Serve these files from your own origin, next to a
`content/` folder holding the kit packs, then either

```html
<script type="module" src="/kizuki/kizuki.js"></script>
<kizuki-kit kit="checklist" lang="ja"></kizuki-kit>
```

or `import { mount } from "kizuki-embed"; const handle = mount(element, { kit: "course" })`.
Each kit is its own WebAssembly module (`kizuki_checklist`, `kizuki_plan`, `kizuki_course`,
`kizuki_questionnaire`, `kizuki_aggregate`, `kizuki_mydata`, `kizuki_tools`) with its own stylesheet (`kizuki-checklist.css`, …); `kizuki.js` loads only
the ones a widget needs (`kizuki.css` holds every kit's layout, for a page that mounts a module
without `kizuki.js`).
A page with a Content-Security-Policy must allow `script-src 'wasm-unsafe-eval'`.
README
}
