#!/usr/bin/env bash
# Installs what building, serving and testing Kizuki needs, and nothing already present.
# Idempotent and quick when everything is there. Run by `./dev serve` and `./dev test`.
#
#   apt:   chromium chromium-driver fonts-noto-cjk (+ rustc-web cargo-web rust-web-src
#          rust-web-clippy when rustup cannot give the wasm32 target)
#   wasm:  the wasm32 toolchain, recorded in target-wasm/mode for `wasm_cargo`; with rustup,
#          also the rust-src component (release builds compile std from it, for size)
#   cargo: wasm-bindgen-cli at exactly the version Cargo.toml pins the crate to
#   npm:   `npm ci` from package-lock.json (binaryen's wasm-opt, playwright-core, axe-core)
set -euo pipefail
# shellcheck source=scripts/lib.sh
source "$(dirname "$0")/lib.sh"
cd "$KIZUKI_ROOT"

APT_UPDATED=0

apt_missing() {
  local package missing=()
  for package in "$@"; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed'; then
      missing+=("$package")
    fi
  done
  printf '%s\n' "${missing[@]}"
}

apt_ensure() {
  local missing
  mapfile -t missing < <(apt_missing "$@" | sed '/^$/d')
  [ "${#missing[@]}" -eq 0 ] && return 0
  command -v apt-get >/dev/null || die "missing ${missing[*]} and no apt-get to install them"
  local sudo=()
  [ "$(id -u)" -eq 0 ] || sudo=(sudo)
  step "apt: installing ${missing[*]}"
  if [ "$APT_UPDATED" -eq 0 ]; then
    "${sudo[@]}" apt-get update -qq || die "apt-get update failed"
    APT_UPDATED=1
  fi
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends \
    "${missing[@]}" >/dev/null || die "apt-get install ${missing[*]} failed"
}

# --- 1. Browser, fonts, pdftotext/unzip for the browser tests (printed pages, .docx), xmllint
#        for the LMS package tests (cmi5.xml and imsmanifest.xml against their XSDs) ---
apt_ensure chromium chromium-driver fonts-noto-cjk poppler-utils unzip libxml2-utils

# --- 2. A wasm32 toolchain ---
command -v cargo >/dev/null || die "cargo not found: install Rust with rustup first"
mkdir -p "$KIZUKI_WASM_TARGET_DIR"
recorded=""
[ -f "$KIZUKI_WASM_MODE_FILE" ] && recorded="$(cat "$KIZUKI_WASM_MODE_FILE")"
wasm_std="$(rustup_host_sysroot)/lib/rustlib/$KIZUKI_WASM_TRIPLE/lib"
mode="${KIZUKI_WASM_MODE:-}" # set it to rustup or debian to skip the detection
if [ -n "$mode" ]; then
  case "$mode" in rustup | debian) ;; *) die "KIZUKI_WASM_MODE must be rustup or debian" ;; esac
elif [ -d "$wasm_std" ]; then
  mode=rustup
elif [ "$recorded" = debian ]; then
  mode=debian # decided on an earlier run: rustup could not add the target
else
  step "wasm32: trying 'rustup target add $KIZUKI_WASM_TRIPLE' (60 s at most)"
  if timeout 60 rustup target add "$KIZUKI_WASM_TRIPLE" >/dev/null 2>&1 && [ -d "$wasm_std" ]; then
    mode=rustup
  else
    note "rustup cannot fetch the target here; using Debian's rustc-web with -Zbuild-std"
    mode=debian
  fi
fi
if [ "$mode" = debian ]; then
  apt_ensure rustc-web cargo-web rust-web-src rust-web-clippy
  [ -x "$(rustup_rust_lld)" ] || die "rust-lld not found at $(rustup_rust_lld)"
  [ -d /usr/lib/rustlib/src/rust/library ] || die "rust-web-src did not install the std source"
fi
if [ "$recorded" != "$mode" ]; then
  printf '%s\n' "$mode" >"$KIZUKI_WASM_MODE_FILE"
  note "wasm32 toolchain: $mode (recorded in target-wasm/mode)"
fi

[ "$mode" != rustup ] || [ -d "$wasm_std" ] || die "KIZUKI_WASM_MODE=rustup but rustup has no $KIZUKI_WASM_TRIPLE std"
# Release builds compile std from its source, for size (wasm_release_env in scripts/lib.sh).
# The debian mode has it from rust-web-src; rustup has it as the rust-src component.
if [ "$mode" = rustup ] && [ ! -f "$(wasm_std_source)/std/Cargo.toml" ]; then
  step "rustup: adding rust-src, std's source (60 s at most)"
  if ! timeout 60 rustup component add rust-src >/dev/null 2>&1 || [ ! -f "$(wasm_std_source)/std/Cargo.toml" ]; then
    note "rustup cannot fetch rust-src here: release builds use the prebuilt std (a larger wasm; scripts/build.sh says so)"
  fi
fi

# --- 3. wasm-bindgen-cli, the exact version of the crate ---
want="$(pinned_wasm_bindgen_version)"
[ -n "$want" ] || die "Cargo.toml must pin wasm-bindgen as \"=X.Y.Z\""
have="$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)"
if [ "$have" != "$want" ]; then
  step "cargo: installing wasm-bindgen-cli $want (was: ${have:-none}; takes several minutes)"
  # No --locked: the registry mirror can lag the CLI's lockfile.
  cargo install wasm-bindgen-cli --version "$want" --force --quiet ||
    die "cargo install wasm-bindgen-cli --version $want failed"
fi

# --- 4. Node packages (wasm-opt, playwright-core, axe-core) ---
command -v npm >/dev/null || die "node and npm are needed (Node 20 or newer)"
lock_hash="$(sha256sum package-lock.json | cut -d' ' -f1)"
stamp="node_modules/.kizuki-lock-sha256"
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$lock_hash" ]; then
  step "npm ci"
  npm ci --no-audit --no-fund --loglevel=error || die "npm ci failed"
  printf '%s\n' "$lock_hash" >"$stamp"
fi
[ -x node_modules/.bin/wasm-opt ] || die "node_modules/.bin/wasm-opt missing after npm ci"
