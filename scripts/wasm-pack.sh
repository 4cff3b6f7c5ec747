#!/usr/bin/env bash
# Builds the npm package kizuki-embed with wasm-pack, for a developer whose Rust is rustup's
# with the wasm32 target (issue 14). The same package as scripts/build.sh writes to
# dist/npm/, file for file:
#
#   scripts/wasm-pack.sh                  every kit; the package in target-wasm/wasm-pack/npm/
#   scripts/wasm-pack.sh --out DIR        the package in DIR (a new or empty folder, or an
#                                         earlier package there, which it replaces)
#   scripts/wasm-pack.sh checklist        only these kits' modules (a quicker turn; the
#                                         package then lists only them)
#
# Each kit is one `wasm-pack build web --release --target web --mode no-install --no-pack
# -- --no-default-features --features <kit>` (target-wasm/wasm-pack/<kit>/), with:
#   - the pinned wasm-bindgen from PATH (`--mode no-install`: wasm-pack never downloads one;
#     it stops if the version on PATH is not the one Cargo.lock pins);
#   - wasm-pack's own wasm-opt off ([package.metadata.wasm-pack] in web/Cargo.toml: its
#     binaryen would be downloaded from GitHub, at -O, which grows the gzipped module); the
#     project's steps after it instead, as in scripts/build.sh: the glue's guard
#     (scripts/guard-glue.mjs), the functions grouped by name (scripts/wasm-order.mjs), then
#     wasm-opt -O1 from node_modules (binaryen, pinned in package-lock.json);
#   - the release size levers of scripts/lib.sh (wasm_release_env) and the same target
#     directory, target-wasm/: cargo reuses the dependencies build.sh compiled (kizuki-web
#     itself is compiled again for each kit, as in build.sh).
# wasm-pack also asks crates.io's API whether it is the newest wasm-pack; where that is not
# reachable it warns "failed to get wasm-pack version" and goes on.
# Then the package is laid out as scripts/build.sh lays out dist/npm/ (kizuki.js with its
# words and kinds, one stylesheet per module, kizuki.d.ts, package.json, README.md).
# tests/browser/wasm-pack.test.mjs (KIZUKI_WASM_PACK=1) compares the two packages.
#
# scripts/build.sh keeps its direct path (cargo, wasm-bindgen): the Debian rustc-web fallback
# has no rustup, so wasm-pack is never required.
set -euo pipefail
# shellcheck source=scripts/lib.sh
source "$(dirname "$0")/lib.sh"
cd "$KIZUKI_ROOT"

out="$KIZUKI_WASM_TARGET_DIR/wasm-pack/npm"
wanted=()
while [ $# -gt 0 ]; do
  case "$1" in
    --out)
      [ $# -ge 2 ] || die "usage: scripts/wasm-pack.sh [--out DIR] [KIT ...]"
      out="$(mkdir -p "$2" && cd "$2" && pwd)"
      shift 2
      ;;
    -h | --help)
      awk 'NR > 1 && !/^#/ { exit } NR > 1 { sub(/^# ?/, ""); print }' "$0"
      exit 0
      ;;
    -*) die "usage: scripts/wasm-pack.sh [--out DIR] [KIT ...]" ;;
    *)
      wanted+=("$1")
      shift
      ;;
  esac
done

command -v wasm-pack >/dev/null ||
  die "wasm-pack not found: cargo install wasm-pack --locked (or use scripts/build.sh, which needs no wasm-pack)"
mode="$(cat "$KIZUKI_WASM_MODE_FILE" 2>/dev/null || true)"
[ "$mode" = rustup ] ||
  die "wasm-pack needs rustup's wasm32-unknown-unknown target; target-wasm/mode says '${mode:-nothing}' (run scripts/toolchain.sh; on the Debian rustc-web fallback build with scripts/build.sh)"
pinned="$(pinned_wasm_bindgen_version)"
command -v wasm-bindgen >/dev/null || die "wasm-bindgen not found: run scripts/toolchain.sh (it installs wasm-bindgen-cli $pinned)"
found="$(wasm-bindgen --version | sed -n 's/^wasm-bindgen \([0-9.]*\).*/\1/p')"
[ "$found" = "$pinned" ] ||
  die "wasm-bindgen on PATH is $found, Cargo.toml pins $pinned: run scripts/toolchain.sh"
[ -x node_modules/.bin/wasm-opt ] || die "node_modules/.bin/wasm-opt not found: run scripts/toolchain.sh"

# The kits, as scripts/build.sh finds them: the features of kizuki-web but `default` and
# `lms` (the LMS course module is for `kizuki package` zips, never in the npm package).
mapfile -t KITS < <(sed -n '/^\[features\]/,/^\[/p' web/Cargo.toml | sed -n 's/^\([a-z][a-z0-9_]*\) *=.*/\1/p' | grep -vx 'default\|lms')
[ "${#KITS[@]}" -gt 0 ] || die "no kit features found in web/Cargo.toml"
if [ "${#wanted[@]}" -gt 0 ]; then
  for kit in "${wanted[@]}"; do
    [[ " ${KITS[*]} " == *" $kit "* ]] || die "no kit '$kit' (kits: ${KITS[*]})"
  done
  BUILD=("${wanted[@]}")
else
  BUILD=("${KITS[@]}")
fi

# The folder is emptied only when it is empty already or holds an earlier kizuki-embed
# package: `--out` at any other folder would delete what is in it.
if [ -d "$out" ] && [ -n "$(ls -A "$out")" ] &&
  ! grep -qs '"name": "kizuki-embed"' "$out/package.json"; then
  die "$out is not empty and holds no kizuki-embed package: give --out an empty or new folder"
fi
rm -rf "$out"
mkdir -p "$out"
npm_files=()
for kit in "${BUILD[@]}"; do
  # For size, or for speed (the aggregation's module), as scripts/build.sh builds it.
  export KIZUKI_WASM_FOR_SPEED
  KIZUKI_WASM_FOR_SPEED="$(wasm_kit_for_speed "$kit")"
  mapfile -t opt_flags < <(wasm_opt_release_flags)
  pkg="$KIZUKI_WASM_TARGET_DIR/wasm-pack/$kit"
  rm -rf "$pkg"
  step "wasm-pack build web --target web ($kit)"
  (
    # The release size levers, as scripts/build.sh applies them (wasm_cargo_release); the
    # name section kept for wasm-order.mjs (wasm-opt strips it below).
    while IFS= read -r assignment; do
      export "${assignment?}"
    done < <(wasm_release_env)
    export CARGO_PROFILE_RELEASE_STRIP=false CARGO_TARGET_DIR="$KIZUKI_WASM_TARGET_DIR"
    wasm-pack build web --release --target web --mode no-install --no-pack \
      --out-dir "$pkg" --out-name "kizuki_$kit" -- --no-default-features --features "$kit"
  ) || die "wasm-pack build failed for kit '$kit'"
  [ -f "$pkg/kizuki_${kit}_bg.wasm" ] || die "wasm-pack did not write $pkg/kizuki_${kit}_bg.wasm"
  step "the project's steps after wasm-bindgen ($kit): guard, order, wasm-opt ${opt_flags[*]}"
  node scripts/guard-glue.mjs "$pkg/kizuki_$kit.js" || die "could not guard the glue of $kit"
  node scripts/wasm-order.mjs "$pkg/kizuki_${kit}_bg.wasm" "$pkg/ordered.wasm" ||
    die "could not order the functions of $kit's module"
  node_modules/.bin/wasm-opt "${opt_flags[@]}" "$pkg/ordered.wasm" -o "$out/kizuki_${kit}_bg.wasm" ||
    die "wasm-opt failed"
  rm -f "$pkg/ordered.wasm"
  cp "$pkg/kizuki_$kit.js" "$pkg/kizuki_$kit.d.ts" "$pkg/kizuki_${kit}_bg.wasm.d.ts" "$out/"
  npm_files+=("kizuki_${kit}_bg.wasm" "kizuki_$kit.js" "kizuki_$kit.d.ts" "kizuki_${kit}_bg.wasm.d.ts")
done

step "assembling the package in ${out#"$KIZUKI_ROOT"/}"
# What follows is scripts/build.sh's layout of dist/npm/ (its site steps for kizuki.js and
# the stylesheets, then its npm steps), for the same files.
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# Every module's stylesheet comes from the one source; split-css.mjs needs every module the
# source names, whichever kits were built.
node scripts/split-css.mjs www/kizuki.css "$work" "${KITS[@]}" || die "could not split kizuki.css into one stylesheet per module"
cp "$work/kizuki.css" "$out/"
for kit in "${BUILD[@]}"; do
  cp "$work/kizuki-$kit.css" "$out/"
  npm_files+=("kizuki-$kit.css")
done
cp www/kizuki.d.ts "$out/"
cp www/kizuki.js "$work/kizuki.js"
fill_kizuki_js "$work/kizuki.js"
node scripts/strip-js.mjs "$work/kizuki.js" >/dev/null || die "could not strip kizuki.js"
sed 's#\./pkg/#./#g' "$work/kizuki.js" >"$out/kizuki.js"
write_npm_meta "$out" "${npm_files[@]}"
note "kizuki-embed $(kizuki_version): ${#BUILD[@]} module(s) built with wasm-pack, in ${out#"$KIZUKI_ROOT"/}"
