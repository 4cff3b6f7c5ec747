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
