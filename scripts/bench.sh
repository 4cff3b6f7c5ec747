#!/usr/bin/env bash
# Runs every benchmark and rewrites the results section of BENCHMARKS.md from that one run.
#
#   scripts/bench.sh                  everything (the release-profile variants take a long time)
#   scripts/bench.sh --skip-profiles  without the release-profile / wasm-opt variants
#   scripts/bench.sh --skip-build     measure the dist/ already built (default: scripts/build.sh)
#   scripts/bench.sh --quick          3 load runs, 40 clicks, 500 files aggregated, no engine, no
#                                     profiles: a smoke test
#                                     (writes tests/bench/results-quick/, leaves BENCHMARKS.md alone)
#
# Parts, in this order (the timing-sensitive ones before the long builds):
#   1. scripts/build.sh (release wasm site in dist/) and kizuki-serve, release, in target/bench-serve
#   2. engine: criterion, `cargo bench -p kizuki-core --bench engine` (target/bench-native)
#   3. browser: tests/bench/run.mjs: sizes, load side by side with SurveyJS, interaction,
#      aggregation of 10,000 exports on the aggregation page
#   4. release profile: tests/bench/wasm-profiles.sh (target/bench-wasm)
#   5. tests/bench/report.mjs: tests/bench/results/*.json → BENCHMARKS.md
# The npm packages the harness needs (playwright-core, survey-core, survey-js-ui) are installed
# into tests/bench/node_modules from tests/bench/package-lock.json.
set -euo pipefail
# shellcheck source=scripts/lib.sh
source "$(dirname "$0")/lib.sh"
cd "$KIZUKI_ROOT"

build=1 engine=1 profiles=1 runs=15 clicks=200 aggregate_files=10000 results="tests/bench/results"
for arg in "$@"; do
  case "$arg" in
    --skip-build) build=0 ;;
    --skip-profiles) profiles=0 ;;
    --skip-engine) engine=0 ;;
    --quick) engine=0 profiles=0 runs=3 clicks=40 aggregate_files=500 results="tests/bench/results-quick" ;;
    *) die "usage: scripts/bench.sh [--skip-build] [--skip-profiles] [--skip-engine] [--quick]" ;;
  esac
done

started="$(date -u +%Y-%m-%dT%H:%M:%SZ)"
# The tree as the build sees it, recorded before anything is built.
commit="$(git rev-parse --short HEAD)"
dirty=false
[ -z "$(git status --porcelain --untracked-files=no)" ] || dirty=true
skipped=()
mkdir -p "$results"

step "bench: npm packages for the harness (tests/bench)"
(cd tests/bench && npm ci --no-audit --no-fund --loglevel=error)

shipped_wasm=""
if [ "$build" -eq 1 ]; then
  scripts/toolchain.sh
  scripts/build.sh
  # The wasm before wasm-bindgen and wasm-opt, kept for the release-profile table (others may
  # build into target-wasm while this runs).
  shipped_wasm="$(mktemp --suffix=.wasm)"
  trap 'rm -f "$shipped_wasm"' EXIT
  cp "$KIZUKI_WASM_TARGET_DIR/kits-release/kizuki_checklist.wasm" "$shipped_wasm"
fi
[ -f dist/pkg/kizuki_checklist_bg.wasm ] || die "dist/ is not built: run scripts/build.sh"

step "bench: kizuki-serve (release, opt-level 3: a test server, not the product)"
CARGO_TARGET_DIR="$KIZUKI_ROOT/target/bench-serve" \
  CARGO_PROFILE_RELEASE_OPT_LEVEL=3 CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 \
  cargo build --release --quiet -p kizuki-cli --bin kizuki-serve
serve_bin="$KIZUKI_ROOT/target/bench-serve/release/kizuki-serve"

if [ "$engine" -eq 1 ]; then
  step "bench: engine (criterion)"
  rm -rf "$KIZUKI_ROOT/target/bench-native/criterion"
  CARGO_TARGET_DIR="$KIZUKI_ROOT/target/bench-native" cargo bench -p kizuki-core --bench engine
else
  skipped+=("engine benchmarks (--skip-engine)")
fi

step "bench: browser (sizes, load side by side with SurveyJS, interaction, aggregation)"
# At a higher priority than the builds that may share the machine (needs root; else as is).
nice_browser=()
nice -n -10 true 2>/dev/null && nice_browser=(nice -n -10)
"${nice_browser[@]}" node tests/bench/run.mjs --dist dist --serve-bin "$serve_bin" --runs "$runs" \
  --clicks "$clicks" --aggregate-files "$aggregate_files" --out "$results/browser.json"

if [ "$profiles" -eq 1 ]; then
  step "bench: release profile and wasm-opt variants (slow)"
  KIZUKI_BENCH_SHIPPED_WASM="$shipped_wasm" tests/bench/wasm-profiles.sh "$results/wasm-profiles.json"
else
  skipped+=("release profile and wasm-opt variants (--skip-profiles)")
fi

node -e '
  const [out, startedAt, commit, dirty, ...skipped] = process.argv.slice(1);
  const run = { startedAt, finishedAt: new Date().toISOString(), commit, dirty: dirty === "true", skipped };
  require("fs").writeFileSync(out, JSON.stringify(run, null, 2) + "\n");
' "$results/run.json" "$started" "$commit" "$dirty" "${skipped[@]}"

if [ "$results" = tests/bench/results ]; then
  step "bench: BENCHMARKS.md"
  node tests/bench/report.mjs --results "$results" --criterion target/bench-native/criterion --markdown BENCHMARKS.md
else
  note "quick run: results in $results, BENCHMARKS.md left as it was"
fi
