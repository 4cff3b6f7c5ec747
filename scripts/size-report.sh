#!/usr/bin/env bash
# Prints each file of a built site with its raw and gzip -9 size, totals, and the two
# budgets of the brief (one widget <= 120 KB gzipped; the whole app <= 250 KB gzipped).
# Informational: BENCHMARKS.md owns the checks.   Usage: scripts/size-report.sh [dist]
set -euo pipefail
dir="${1:-dist}"
cd "$dir"

gz() { gzip -9 -c "$1" | wc -c; }

total_raw=0
total_gz=0
printf '%-40s %10s %10s\n' "file" "raw" "gzip"
while IFS= read -r file; do
  raw=$(wc -c <"$file")
  packed=$(gz "$file")
  total_raw=$((total_raw + raw))
  total_gz=$((total_gz + packed))
  printf '%-40s %10d %10d\n' "$file" "$raw" "$packed"
done < <(find . -path ./npm -prune -o -type f ! -name '*.gz' ! -name '*.br' -print | sed 's#^\./##' | LC_ALL=C sort)
printf '%-40s %10d %10d\n' "TOTAL (site, without npm/)" "$total_raw" "$total_gz"

# One embedded checklist widget: its wasm, its glue, kizuki.js, kizuki.css and its pack.
widget_gz=0
for file in pkg/kizuki_checklist_bg.wasm pkg/kizuki_checklist.js kizuki.js kizuki.css; do
  [ -f "$file" ] && widget_gz=$((widget_gz + $(gz "$file")))
done
largest_pack=0
for pack in content/mh-checklist.json; do
  [ -f "$pack" ] || continue
  size=$(gz "$pack")
  [ "$size" -gt "$largest_pack" ] && largest_pack=$size
done
widget_gz=$((widget_gz + largest_pack))
printf '\nchecklist widget, all in (its wasm + glue + kizuki.js + css + its pack): %d bytes gzip (goal 122880, next step 256000)\n' "$widget_gz"
printf 'whole site, every kit: %d bytes gzip (budget 256000)\n' "$total_gz"
