#!/usr/bin/env bash
# The release profile's effect on the wasm size: builds kizuki-web for wasm32 under several
# CARGO_PROFILE_RELEASE_* overrides (into target/bench-wasm, never the site's target-wasm),
# runs wasm-bindgen, then wasm-opt at several levels, and writes raw / gzip -9 / brotli bytes
# of each kizuki_checklist_bg.wasm (the checklist kit's module) as JSON. Slow: one full build per variant (minutes each).
#
#   tests/bench/wasm-profiles.sh OUT.json [VARIANT...]
#
# Variants (opt-level, lto, codegen-units): shipped = z/fat/1 (Cargo.toml) with the compiler
# levers of scripts/build.sh, s, o3, z-nolto, z-cgu16 by default; z-thin, plain (shipped
# without the compiler levers) and any variant +LEVER… (below) on request. Every variant keeps its function names (`strip =
# false`), as scripts/build.sh does, so that wasm-opt can order the functions the shipped way
# (scripts/wasm-order.mjs, then --reorder-functions-by-name) and strip the names after.
# wasm-opt: none (custom sections stripped only) and the shipped level (wasm_opt_level_flags in
# scripts/lib.sh: -O3 without binaryen's inlining and local-cse) on every variant; on the
# shipped variant also -O1, -O2 and -Oz, ordered the same way.
# The shipped variant's names also give tests/bench/wasm-crates.mjs's table: which crates
# the code bytes come from. `names` alone does only that (no size row).
# KIZUKI_BENCH_SHIPPED_WASM=PATH: use this wasm (scripts/build.sh's, just built) for the
# shipped variant instead of building it again.
set -euo pipefail
# shellcheck source=scripts/lib.sh
source "$(dirname "$0")/../../scripts/lib.sh"
cd "$KIZUKI_ROOT"

out="${1:?usage: tests/bench/wasm-profiles.sh OUT.json [VARIANT...]}"
shift
all_variants=(shipped plain s o3 z-thin z-nolto z-cgu16 names)
variants=("$@")
[ "${#variants[@]}" -gt 0 ] || variants=(shipped s o3 z-nolto z-cgu16)

settings() {
  case "${1%%+*}" in
    shipped | plain) echo "z true 1" ;;
    s) echo "s true 1" ;;
    o3) echo "3 true 1" ;;
    z-thin) echo "z thin 1" ;;
    z-nolto) echo "z false 1" ;;
    z-cgu16) echo "z true 16" ;;
    names) echo "z true 1" ;;
    *) die "unknown variant $1 (known: ${all_variants[*]}, each optionally +LEVER...)" ;;
  esac
}

# Every variant but `plain` is built with the shipped compiler levers (wasm_release_env in
# scripts/lib.sh: std built for size, -Zlocation-detail=none, -Zfmt-debug=none); `plain` is
# the shipped profile without them (the prebuilt std). More levers are added to a variant
# with `+`: `plain+std+loc` is the plain build with std built for size and no panic
# locations. Each needs RUSTC_BOOTSTRAP=1 (-Z switches on the stable compiler) and, but for
# `remap`, `loc`, `fmt` and `shallow`, std built from source (rust-src).
#   std    -Zbuild-std=std,panic_abort: std, core and alloc compiled with the release
#          profile (opt-level z, LTO with the rest) instead of the prebuilt std
#   small  std's `optimize_for_size` feature (smaller sorts and formatting in core)
#   loc    -Zlocation-detail=none: panics carry no file/line/column
#   fmt    -Zfmt-debug=none: `{:?}` prints nothing (derived Debug compiles to nothing)
#   shallow -Zfmt-debug=shallow: derived Debug prints the type's (variant's) name only
#   abort  panic = "immediate-abort": a panic is a trap, with no hook and no message
#   remap  --remap-path-prefix for ~/.cargo, the std source and the repository
#   share  -Zshare-generics=y
# lever_env prints NAME=VALUE lines, and +RUSTFLAGS=… for flags added to the target's.
lever_env() { # variant -> lines NAME=VALUE
  local lever rustflags=() std="" features=""
  local sysroot
  sysroot="$(rustup_host_sysroot)"
  IFS=+ read -r -a levers <<<"$1"
  for lever in "${levers[@]:1}"; do
    case "$lever" in
      std) std="std,panic_abort" ;;
      small) features="optimize_for_size" ;;
      loc) rustflags+=(-Zlocation-detail=none) ;;
      fmt) rustflags+=(-Zfmt-debug=none) ;;
      shallow) rustflags+=(-Zfmt-debug=shallow) ;;
      abort) echo "CARGO_UNSTABLE_PANIC_IMMEDIATE_ABORT=true" ; echo "CARGO_PROFILE_RELEASE_PANIC=immediate-abort" ;;
      remap) rustflags+=("--remap-path-prefix=$HOME/.cargo=/cargo" "--remap-path-prefix=$sysroot/lib/rustlib/src/rust=/rust" "--remap-path-prefix=/usr/lib/rustlib/src/rust=/rust" "--remap-path-prefix=$KIZUKI_ROOT=/kizuki") ;;
      share) rustflags+=(-Zshare-generics=y) ;;
      *) die "unknown lever $lever in $1 (known: std small loc fmt shallow abort remap share)" ;;
    esac
  done
  [ "${#levers[@]}" -gt 1 ] && echo "RUSTC_BOOTSTRAP=1"
  [ -n "$std" ] && echo "CARGO_UNSTABLE_BUILD_STD=$std"
  [ -n "$features" ] && echo "CARGO_UNSTABLE_BUILD_STD_FEATURES=$features"
  [ "${#rustflags[@]}" -gt 0 ] && echo "+RUSTFLAGS=${rustflags[*]}"
  return 0
}

# Own target dir: the site's build (target-wasm) is left alone, and builds queue less.
KIZUKI_WASM_TARGET_DIR="${KIZUKI_BENCH_TARGET_DIR:-$KIZUKI_ROOT/target/bench-wasm}"
mkdir -p "$KIZUKI_WASM_TARGET_DIR"
mapfile -t features < <(wasm_opt_feature_flags)
# The level every kit module ships with (the speed level is the aggregation page's only).
mapfile -t shipped_level < <(KIZUKI_WASM_FOR_SPEED=0 wasm_opt_level_flags)
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
lines="$work/lines.jsonl"
: >"$lines"

record() { # variant opt lto cgu wasm_opt seconds file [shipped_level]
  node -e '
    const fs = require("fs"), zlib = require("zlib"), { execFileSync } = require("child_process");
    const [variant, opt, lto, cgu, wasmOpt, buildSeconds, file, shippedLevel] = process.argv.slice(1);
    const bytes = fs.readFileSync(file);
    const gzip = execFileSync("gzip", ["-9", "-n", "-c"], { input: bytes, maxBuffer: 1 << 28 }).length;
    const brotli = zlib.brotliCompressSync(bytes, { params: {
      [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_LGWIN]: 24,
      [zlib.constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } }).length;
    console.log(JSON.stringify({ variant, optLevel: opt, lto, codegenUnits: Number(cgu), wasmOpt,
      buildSeconds: buildSeconds === "null" ? null : Number(buildSeconds), shippedLevel: shippedLevel === "shipped",
      raw: bytes.length, gzip, brotli }));
  ' "$@" >>"$lines"
}

for variant in "${variants[@]}"; do
  read -r opt lto cgu < <(settings "$variant")
  step "wasm profile variant $variant: opt-level=$opt lto=$lto codegen-units=$cgu"
  started=$(date +%s)
  if [ "$variant" = shipped ] && [ -f "${KIZUKI_BENCH_SHIPPED_WASM:-}" ]; then
    built="$KIZUKI_BENCH_SHIPPED_WASM"
    note "using $built (built by scripts/build.sh with the shipped profile)"
    seconds=null
  else
    (
      levers() {
        [ "${variant%%+*}" = plain ] || wasm_release_env
        lever_env "$variant"
      }
      while IFS= read -r assignment; do
        case "$assignment" in
          +RUSTFLAGS=*)
            export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="${CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS:-} ${assignment#+RUSTFLAGS=}" ;;
          *) export "${assignment?}" ;;
        esac
      done < <(levers)
      note "levers: $(levers | tr '\n' ' ')"
      CARGO_PROFILE_RELEASE_OPT_LEVEL="$opt" \
        CARGO_PROFILE_RELEASE_LTO="$lto" \
        CARGO_PROFILE_RELEASE_CODEGEN_UNITS="$cgu" \
        CARGO_PROFILE_RELEASE_STRIP=false \
        wasm_cargo build --release -p kizuki-web --no-default-features --features checklist --quiet
    )
    seconds=$(($(date +%s) - started))
    built="$KIZUKI_WASM_TARGET_DIR/$KIZUKI_WASM_TRIPLE/release/kizuki_web.wasm"
  fi
  bindgen="$work/$variant"
  rm -rf "$bindgen"
  wasm-bindgen --target web --out-dir "$bindgen" --out-name kizuki_checklist "$built" 2>&1 |
    grep -v "target_features. custom section is missing" >&2 || true
  [ -f "$bindgen/kizuki_checklist_bg.wasm" ] || die "wasm-bindgen failed"
  if [ "$variant" = names ] || [ "$variant" = shipped ]; then
    node tests/bench/wasm-crates.mjs "$bindgen/kizuki_checklist_bg.wasm" --top 20 >"$work/crates.json"
    note "code bytes by crate: $(node -e 'const c = require(process.argv[1]); console.log(c.crates.slice(0, 6).map((x) => `${x.crate} ${x.bytes}`).join(", "))' "$work/crates.json")"
    [ "$variant" = names ] && continue
  fi
  strip_flags=(--strip-debug --strip-producers --strip-target-features)
  node_modules/.bin/wasm-opt "${features[@]}" "${strip_flags[@]}" "$bindgen/kizuki_checklist_bg.wasm" -o "$work/bare.wasm"
  record "$variant" "$opt" "$lto" "$cgu" none "$seconds" "$work/bare.wasm"
  node scripts/wasm-order.mjs "$bindgen/kizuki_checklist_bg.wasm" "$work/ordered.wasm"
  # binaryen's npm wasm-opt runs in Node and takes minutes a pass here: few levels.
  levels=(shipped)
  [ "$variant" = shipped ] && levels=(shipped -O1 -O2 -Oz)
  for level in "${levels[@]}"; do
    if [ "$level" = shipped ]; then
      level_flags=("${shipped_level[@]}")
    else
      level_flags=("$level")
    fi
    node_modules/.bin/wasm-opt "${level_flags[@]}" "${features[@]}" --reorder-functions-by-name "${strip_flags[@]}" \
      "$work/ordered.wasm" -o "$work/opt.wasm"
    record "$variant" "$opt" "$lto" "$cgu" "${level_flags[*]}" "$seconds" "$work/opt.wasm" "$level"
  done
  note "$(tail -n 1 "$lines")"
done

node -e '
  const fs = require("fs");
  const [from, crates, to] = process.argv.slice(1);
  const text = fs.readFileSync(from, "utf8").trim();
  const rows = text ? text.split("\n").map((line) => JSON.parse(line)) : [];
  const byCrate = fs.existsSync(crates) ? JSON.parse(fs.readFileSync(crates, "utf8")) : null;
  fs.writeFileSync(to, JSON.stringify({ measuredAt: new Date().toISOString(), rows, byCrate }, null, 2) + "\n");
' "$lines" "$work/crates.json" "$out"
note "wrote $out"
