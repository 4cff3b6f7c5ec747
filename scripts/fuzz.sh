#!/usr/bin/env bash
# Runs one of kizuki-core's fuzz targets (core/fuzz/) for a set time, its corpus seeded from
# committed files. Installs cargo-fuzz when it is missing.
#
#   scripts/fuzz.sh TARGET SECONDS [LIBFUZZER_ARGS...]
#   scripts/fuzz.sh list
#
# Targets: load_pack, import, vault_open, inline_markup, directory, aggregate, calendar, xapi. Findings land in
# core/fuzz/artifacts/TARGET/ (git-ignored); a crash makes the script exit non-zero and
# prints the file. Minimise one with: (cd core && cargo +nightly fuzz tmin TARGET FILE).
#
# cargo-fuzz needs -Z flags (sanitizers). rustup's nightly is used when it is installed;
# otherwise the default toolchain runs with RUSTC_BOOTSTRAP=1, which accepts them.
set -euo pipefail
# shellcheck source=scripts/lib.sh
source "$(dirname "$0")/lib.sh"

TARGETS=(load_pack import vault_open inline_markup directory aggregate calendar xapi)
FUZZ_DIR="$KIZUKI_ROOT/core/fuzz"

usage() { die "usage: scripts/fuzz.sh TARGET SECONDS [LIBFUZZER_ARGS...] (targets: ${TARGETS[*]})"; }

[ "$#" -ge 1 ] || usage
if [ "$1" = list ]; then
  printf '%s\n' "${TARGETS[@]}"
  exit 0
fi
[ "$#" -ge 2 ] || usage
target="$1"
seconds="$2"
shift 2
case " ${TARGETS[*]} " in *" $target "*) ;; *) usage ;; esac
[[ "$seconds" =~ ^[0-9]+$ ]] || usage

# What a fresh machine lacks: a C++ compiler (libfuzzer-sys builds libFuzzer) and
# cargo-fuzz. libfuzzer-sys itself comes from crates.io with the first build.
if ! command -v c++ >/dev/null 2>&1; then
  step "installing a C++ compiler (libFuzzer is built from source)"
  if command -v apt-get >/dev/null 2>&1; then
    ${SUDO:-} apt-get update -qq && ${SUDO:-} apt-get install -y -qq g++
  else
    die "no C++ compiler (c++): install g++ or clang++"
  fi
fi
if ! cargo fuzz --version >/dev/null 2>&1; then
  step "installing cargo-fuzz"
  cargo install cargo-fuzz --locked
fi

toolchain=()
if rustup toolchain list 2>/dev/null | grep -q '^nightly'; then
  toolchain=(+nightly)
else
  export RUSTC_BOOTSTRAP=1
fi

# Seeds: the committed test packs and the hostile corpus, copied fresh each run (the
# corpus folder itself is git-ignored and keeps what the fuzzer found interesting).
corpus="$FUZZ_DIR/corpus/$target"
mkdir -p "$corpus"
hostile="$KIZUKI_ROOT/tests/data/hostile"
seed() { for file in "$@"; do [ -f "$file" ] && cp "$file" "$corpus/seed-$(basename "$(dirname "$file")")-$(basename "$file")"; done; true; }
dict=()
case "$target" in
  load_pack)
    seed "$KIZUKI_ROOT"/tests/data/{checklist,course,plan}/pack.json "$hostile"/pack-*.json
    dict=(-dict="$FUZZ_DIR/json.dict")
    ;;
  import)
    seed "$hostile"/export-*.json
    dict=(-dict="$FUZZ_DIR/json.dict")
    ;;
  vault_open)
    seed "$hostile"/vault-*.json
    dict=(-dict="$FUZZ_DIR/json.dict")
    ;;
  inline_markup)
    seed "$hostile"/inline-*.txt
    ;;
  directory)
    seed "$KIZUKI_ROOT"/content/directory/*.json "$KIZUKI_ROOT"/www/embed/directory.json
    dict=(-dict="$FUZZ_DIR/json.dict")
    ;;
  aggregate | xapi)
    seed "$KIZUKI_ROOT"/tests/data/{checklist,course}/*.answers.json "$hostile"/export-*.json
    dict=(-dict="$FUZZ_DIR/json.dict")
    ;;
  calendar)
    seed "$KIZUKI_ROOT"/tests/data/plan/*.answers.json "$hostile"/export-return-to-work-case.json
    dict=(-dict="$FUZZ_DIR/json.dict")
    ;;
esac

step "fuzzing $target for ${seconds}s"
cd "$KIZUKI_ROOT/core"
started=$(date +%s)
status=0
cargo "${toolchain[@]}" fuzz run "$target" "$corpus" -- \
  -max_total_time="$seconds" -timeout=20 -max_len=262144 -print_final_stats=1 \
  "${dict[@]}" "$@" || status=$?
note "$target ran $(($(date +%s) - started))s, exit $status"
if [ "$status" -ne 0 ]; then
  note "findings: $(ls "$FUZZ_DIR/artifacts/$target" 2>/dev/null | tr '\n' ' ')"
fi
exit "$status"
