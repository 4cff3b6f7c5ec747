#!/usr/bin/env bash
# Checks that DuckDB, run on `kizuki aggregate --rows` Parquet output, gives the same figures
# as the aggregation (the page shows the CLI's figures: tests/browser/tools.test.mjs) on a
# set of N generated checklist files (default 10,000). Installs duckdb from PyPI into
# target/duckdb-venv the first time. Prints each figure compared and fails on a difference.
#
#   tests/bench/duckdb-check.sh [N]
set -euo pipefail
cd "$(dirname "$0")/../.."
count="${1:-10000}"
venv=target/duckdb-venv
if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c 'import duckdb' 2>/dev/null; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet duckdb
fi
cargo build --quiet -p kizuki-cli --bin kizuki
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# One export per line: the same bytes as N files, without N command-line arguments.
node tests/bench/generate-exports.mjs content/mh-checklist.json "$count" >"$work/exports.jsonl"
target/debug/kizuki aggregate content/mh-checklist.json --jsonl "$work/exports.jsonl" --rows "$work/rows.parquet" \
  >"$work/report.json" 2>"$work/stderr" || { cat "$work/stderr"; exit 1; }
cp tests/bench/aggregate-duckdb.sql "$work/"
(cd "$work" && "$OLDPWD/$venv/bin/python" - <<'PY'
import json, duckdb
report = json.load(open("report.json"))
figures = report["checklist"]
sql = open("aggregate-duckdb.sql").read().split(";\n")
statements = [s for s in sql if s.strip() and not all(l.strip().startswith("--") or not l.strip() for l in s.splitlines())]
db = duckdb.connect()
db.execute(statements[0])
files, complete, mean = db.execute(statements[1]).fetchone()
checks = []
def same(what, got, want):
    checks.append((what, got, want))
same("files", files, report["files_valid"])
same("complete files", complete, figures["complete_files"])
same("mean score", round(float(mean), 1), figures["mean_percent"]["shown"])
bands = dict(db.execute(statements[2]).fetchall())
for band in figures["size_bands"]:
    if "shown" in band["figures"]:
        same(f"size {band['id']}", bands.get(band["id"], 0), band["figures"]["shown"]["files"])
answers = {}
for item, choice, n, applies in db.execute(statements[3]).fetchall():
    answers.setdefault(item, {"applies": int(applies), "choices": {}})["choices"][choice] = n
for item in figures["items"]:
    shown = item["answers"].get("shown")
    if not shown:
        continue
    got = answers.get(item["id"], {"applies": 0, "choices": {}})
    same(f"{item['id']} applies", got["applies"], shown["applies"])
    for choice, n in shown["choices"].items():
        if n is not None:
            same(f"{item['id']} {choice}", got["choices"].get(choice, 0), n)
    if shown["unanswered"] is not None:
        same(f"{item['id']} unanswered", got["choices"].get(None, 0), shown["unanswered"])
reasons = {r: (a, f) for r, a, f in db.execute(statements[4]).fetchall()}
for reason, tally in figures["why_not_overall"]["shown"]["why_not"].items():
    answers_n, files_n = reasons.get(reason, (0, 0))
    if tally["answers"] is not None:
        same(f"why not {reason} answers", answers_n, tally["answers"])
    if tally["files"] is not None:
        same(f"why not {reason} files", files_n, tally["files"])
bad = [c for c in checks if c[1] != c[2]]
print(f"{len(checks)} figures compared, {len(bad)} differ; files {files}, mean {mean}")
for what, got, want in bad:
    print(f"  {what}: duckdb {got}, kizuki {want}")
raise SystemExit(1 if bad else 0)
PY
)
