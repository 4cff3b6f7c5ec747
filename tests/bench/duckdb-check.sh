#!/usr/bin/env bash
# Checks that DuckDB, run on `kizuki aggregate --rows` Parquet output, gives the same figures
# as the aggregation (the page shows the CLI's figures: tests/browser/tools.test.mjs) on N
# generated files (default 10,000) of each kind: checklist exports (mh-checklist), course
# records (linecare) and stress self-checks (bjsq-57), with the queries of
# tests/bench/aggregate-duckdb{,-course,-stress}.sql (the ones README shows). Installs duckdb
# from PyPI into target/duckdb-venv the first time. Prints how many figures were compared and
# any difference, and fails on one (tests/bench/duckdb-check.py says how figures compare).
#
#   tests/bench/duckdb-check.sh [N] [checklist|course|stress ...]
#   tests/bench/duckdb-check.sh --self-test [N]
#
# --self-test runs each kind with a deliberately wrong query (N files, default 300) and fails
# unless every one of them is caught.
set -euo pipefail
cd "$(dirname "$0")/../.."
self_test=false
if [ "${1:-}" = --self-test ]; then
  self_test=true
  shift
  count="${1:-300}"
  shift || true
else
  count="${1:-10000}"
  shift || true
fi
kinds=("$@")
[ ${#kinds[@]} -gt 0 ] || kinds=(checklist course stress)
venv=target/duckdb-venv
if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c 'import duckdb' 2>/dev/null; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet duckdb
fi
cargo build --quiet -p kizuki-cli --bin kizuki
root="$PWD"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# One kind: pack, rows file name, SQL file, and (self-test) a sed expression that breaks it.
check() {
  local kind="$1" pack sql rows breaks
  case "$kind" in
    checklist) pack=content/mh-checklist.json rows=rows.parquet sql=aggregate-duckdb.sql
      breaks='s/FROM rows WHERE applies/FROM rows WHERE true/' ;;
    course) pack=content/linecare.json rows=course-rows.parquet sql=aggregate-duckdb-course.sql
      breaks='s/f_positive \* 2 > f_answered/f_positive * 2 >= f_answered/g' ;;
    stress) pack=content/bjsq-57.json rows=stress-rows.parquet sql=aggregate-duckdb-stress.sql
      breaks='s/FROM stress WHERE complete/FROM stress WHERE true/' ;;
    *) echo "unknown kind $kind" >&2; return 2 ;;
  esac
  local dir="$work/$kind"
  mkdir -p "$dir"
  # One export per line: the same bytes as N files, without N command-line arguments.
  node tests/bench/generate-exports.mjs "$pack" "$count" >"$dir/exports.jsonl"
  target/debug/kizuki aggregate "$pack" --jsonl "$dir/exports.jsonl" --rows "$dir/$rows" \
    >"$dir/report.json" 2>"$dir/stderr" || { cat "$dir/stderr"; return 1; }
  rm "$dir/exports.jsonl"
  cp "tests/bench/$sql" "$dir/"
  if $self_test; then
    sed -i "$breaks" "$dir/$sql"
    cmp -s "tests/bench/$sql" "$dir/$sql" && { echo "self-test: $kind's break did not apply"; return 1; }
  fi
  (cd "$dir" && "$root/$venv/bin/python" "$root/tests/bench/duckdb-check.py" "$kind" "$sql")
}

failed=0
for kind in "${kinds[@]}"; do
  if $self_test; then
    if check "$kind"; then
      echo "self-test: the wrong $kind query was not caught"
      failed=1
    else
      echo "self-test: the wrong $kind query was caught"
    fi
  else
    check "$kind" || failed=1
  fi
done
exit "$failed"
