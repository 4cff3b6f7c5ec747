// Writes N generated exports of a pack (deterministic, varied): checklist exports (answers,
// sizes and reasons) or questionnaire exports (every item answered, sex, one of eight groups,
// one in 50 left incomplete): as JSON lines to stdout, or as files into a directory. Used
// by the benchmarks of `kizuki aggregate` (BENCHMARKS.md) and by tests/bench/duckdb-check.sh.
//   node tests/bench/generate-exports.mjs content/mh-checklist.json 10000 [DIR]
//   node tests/bench/generate-exports.mjs content/bjsq-57.json 100000 [DIR]
import { readFileSync, writeFileSync, writeSync, mkdirSync } from 'node:fs';
const [, , packPath, countText, outDir] = process.argv;
const pack = JSON.parse(readFileSync(packPath, 'utf8'));
const questionnaire = pack.kit.type === 'questionnaire';
const items = questionnaire
  ? pack.kit.sections.flatMap((section) => section.items.map((item) => item.id))
  : pack.kit.areas.flatMap((area) => area.items.map((item) => item.id));
const scale = questionnaire ? [] : pack.kit.scale.map((s) => s.id);
const reasons = questionnaire ? [] : pack.kit.why_not.map((r) => r.id);
const sizes = questionnaire ? [] : pack.kit.profile.find((q) => q.id === 'size').options.map((o) => o.id);
// A questionnaire's answer ids per item (its section's scale), its sexes and some groups.
const itemScale = questionnaire
  ? pack.kit.sections.flatMap((section) => {
      const options = pack.kit.answer_scales.find((s) => s.id === section.scale).options.map((o) => o.id);
      return section.items.map(() => options);
    })
  : [];
const sexes = questionnaire
  ? (pack.kit.respondent.find((q) => q.id === 'sex')?.options ?? []).map((o) => o.id)
  : [];
const groups = ['営業', '製造', '総務', '開発', '物流', '店舗A', '店舗B', null];

/** A questionnaire export's state: answers varied by a xorshift stream seeded by `n`. */
function questionnaireState(n) {
  let state = (n + 1) * 2654435761 >>> 0 || 1;
  const answers = {};
  items.forEach((item, i) => {
    state ^= state << 13; state ^= state >>> 17; state ^= state << 5; state >>>= 0;
    if (n % 50 === 49 && i === items.length - 1) return;
    const options = itemScale[i];
    answers[item] = options[state % options.length];
  });
  const data = { respondent: sexes.length ? { sex: sexes[n % 3 === 2 ? 1 : 0] } : {}, items: answers };
  const group = groups[(n * 7) % groups.length];
  if (group) data.group = group;
  return { kind: 'questionnaire', data };
}
const count = Number(countText);
if (outDir) mkdirSync(outDir, { recursive: true });
let buffer = '';
for (let n = 0; n < count; n += 1) {
  if (questionnaire) {
    const envelope = {
      kizuki_export: 2, pack_id: pack.id, pack_version: pack.version,
      saved_at: `2026-11-01T09:00:00.000Z`, revision: n + 1, state: questionnaireState(n),
    };
    emit(n, JSON.stringify(envelope));
    continue;
  }
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
  emit(n, JSON.stringify(envelope));
}
if (!outDir) writeSync(1, buffer);

function emit(n, line) {
  if (outDir) writeFileSync(`${outDir}/w${n}.json`, line);
  else {
    buffer += line + '\n';
    // Written synchronously: the pipe's reader sets the pace, so memory stays small.
    if (buffer.length > 1 << 20) { writeSync(1, buffer); buffer = ''; }
  }
}
