// Writes N generated checklist exports of a pack (deterministic, varied answers, sizes and
// reasons): as JSON lines to stdout, or as files into a directory. Used by the benchmarks of
// `kizuki aggregate` (BENCHMARKS.md) and by tests/bench/duckdb-check.sh.
//   node tests/bench/generate-exports.mjs content/mh-checklist.json 10000 [DIR]
import { readFileSync, writeFileSync, writeSync, mkdirSync } from 'node:fs';
const [, , packPath, countText, outDir] = process.argv;
const pack = JSON.parse(readFileSync(packPath, 'utf8'));
const items = pack.kit.areas.flatMap((area) => area.items.map((item) => item.id));
const scale = pack.kit.scale.map((s) => s.id);
const reasons = pack.kit.why_not.map((r) => r.id);
const sizes = pack.kit.profile.find((q) => q.id === 'size').options.map((o) => o.id);
const count = Number(countText);
if (outDir) mkdirSync(outDir, { recursive: true });
let buffer = '';
for (let n = 0; n < count; n += 1) {
  const profile = {};
  if (n % 11 !== 10) profile.size = sizes[(n * 7) % sizes.length];
  const answers = {};
  items.forEach((item, i) => {
    if ((n + i) % 9 === 8) return;
    const choice = scale[(n * 3 + i * 5) % scale.length];
    const answer = { choice };
    if ((n + i) % 2 === 0) answer.why_not = [reasons[(n + i) % reasons.length]];
    answers[item] = answer;
  });
  const envelope = {
    kizuki_export: 2, pack_id: pack.id, pack_version: pack.version,
    saved_at: `2026-11-01T09:00:00.000Z`, revision: n + 1,
    state: { kind: 'checklist', data: { profile, items: answers, actions: {} } },
  };
  const line = JSON.stringify(envelope);
  if (outDir) writeFileSync(`${outDir}/w${n}.json`, line);
  else {
    buffer += line + '\n';
    // Written synchronously: the pipe's reader sets the pace, so memory stays small.
    if (buffer.length > 1 << 20) { writeSync(1, buffer); buffer = ''; }
  }
}
if (!outDir) writeSync(1, buffer);
