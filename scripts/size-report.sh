#!/usr/bin/env bash
# Prints each file of a built site with its raw and gzip -9 size, totals, every widget all in,
# and the budgets (one widget <= 250 KB gzip, issue 14; goal 120 KB; the whole app <= 250 KB).
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

# One widget per pack the site ships: its kit's module (wasm + glue), kizuki.js, the module's
# stylesheet (kizuki-<module>.css; kizuki.css in a build from before the split) and the pack
# file it fetches (the kit is the pack's `kit.type`; each kit is its own module). A
# shipped pack comes as one file per language (`<pack>.ja.json`, `<pack>.en.json`, issue 14):
# a widget fetches the one of the language it shows; without them (an older build) the
# bilingual `<pack>.json`. Issue 14's bar is 250 KB (256,000 bytes) gzip for every one; the
# brief's goal is 120 KB (122,880 bytes).
printf '\n%-34s %8s %11s %9s %9s %9s %9s %9s\n' "widget, all in (gzip -9)" "wasm" "glue+js+css" "pack both" "pack ja" "all in ja" "pack en" "all in en"
worst=0
worst_name=
for pack in content/*.json; do
  [ -f "$pack" ] || continue
  case "$pack" in *.ja.json | *.en.json) continue ;; esac
  kind=$(node -e 'const p = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")); process.stdout.write((p.kit && p.kit.type) || "")' "$pack")
  wasm="pkg/kizuki_${kind}_bg.wasm"
  [ -n "$kind" ] && [ -f "$wasm" ] || continue
  wasm_gz=$(gz "$wasm")
  rest_gz=0
  stylesheet="kizuki-$kind.css"
  [ -f "$stylesheet" ] || stylesheet=kizuki.css
  for file in "pkg/kizuki_$kind.js" kizuki.js "$stylesheet"; do
    [ -f "$file" ] && rest_gz=$((rest_gz + $(gz "$file")))
  done
  both_gz=$(gz "$pack")
  row=()
  for lang in ja en; do
    file="${pack%.json}.$lang.json"
    [ -f "$file" ] || file="$pack"
    pack_gz=$(gz "$file")
    total=$((wasm_gz + rest_gz + pack_gz))
    row+=("$pack_gz" "$total")
    if [ "$total" -gt "$worst" ]; then worst=$total worst_name="$(basename "$pack" .json) ($lang)"; fi
  done
  printf '%-34s %8d %11d %9d %9d %9d %9d %9d\n' "$(basename "$pack" .json) ($kind)" "$wasm_gz" "$rest_gz" "$both_gz" "${row[@]}"
done
printf '\nlargest widget, all in: %s, %d bytes gzip (bar 256000, goal 122880)\n' "$worst_name" "$worst"
printf 'whole site, every kit: %d bytes gzip (budget 256000)\n' "$total_gz"
