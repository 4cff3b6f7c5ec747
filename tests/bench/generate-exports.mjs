// Writes N generated exports of a pack (deterministic, varied): checklist exports (answers,
// sizes and reasons), questionnaire exports (every item answered, sex, one of eight groups,
// one in 50 left incomplete) or course records (modules started less often further on,
// lessons and scenarios some left unfinished, 0–3 quiz attempts right or wrong per question,
// ratings some missing, active time, a follow-up for some): as JSON lines to stdout, or as
// files into a directory. Used by the benchmarks of `kizuki aggregate` (BENCHMARKS.md) and
// by tests/bench/duckdb-check.sh.
//   node tests/bench/generate-exports.mjs content/mh-checklist.json 10000 [DIR]
//   node tests/bench/generate-exports.mjs content/bjsq-57.json 100000 [DIR]
//   node tests/bench/generate-exports.mjs content/linecare.json 10000 [DIR]
import { readFileSync, writeFileSync, writeSync, mkdirSync } from 'node:fs';
const [, , packPath, countText, outDir] = process.argv;
const pack = JSON.parse(readFileSync(packPath, 'utf8'));
const questionnaire = pack.kit.type === 'questionnaire';
const course = pack.kit.type === 'course';
const items = course ? [] : questionnaire
  ? pack.kit.sections.flatMap((section) => section.items.map((item) => item.id))
  : pack.kit.areas.flatMap((area) => area.items.map((item) => item.id));
const scale = questionnaire || course ? [] : pack.kit.scale.map((s) => s.id);
const reasons = questionnaire || course ? [] : pack.kit.why_not.map((r) => r.id);
const sizes = questionnaire || course ? [] : pack.kit.profile.find((q) => q.id === 'size').options.map((o) => o.id);
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
/** A xorshift stream seeded by `n`: `below(k)` gives 0..k-1. */
function stream(n) {
  let state = (n + 1) * 2654435761 >>> 0 || 1;
  return (k) => {
    state ^= state << 13; state ^= state >>> 17; state ^= state << 5; state >>>= 0;
    return state % k;
  };
}

/** The choices that play a scenario from its start, taking choice `pick(k)` at each step. */
function scenarioPath(scenario, pick) {
  const path = [];
  let node = scenario.nodes.find((x) => x.id === scenario.start);
  while (node && node.choices?.length) {
    const choice = node.choices[pick(node.choices.length)];
    path.push({ node: node.id, choice: choice.id });
    node = scenario.nodes.find((x) => x.id === choice.next);
  }
  return path;
}

/** A course record's state: the core recomputes scores, so attempts claim none. */
function courseState(n) {
  const below = stream(n);
  // One learner in five goes through every module and retakes each quiz until it passes.
  const thorough = n % 5 === 0;
  const modules = {};
  pack.kit.modules.forEach((module, index) => {
    // Later modules are started less often; one record in 40 starts none.
    if (!thorough && (n % 40 === 39 || below(10) < index)) return;
    const progress = { lessons_read: [], scenarios: {}, quiz_answers: {}, attempts: [], feedback: {} };
    const lessons = module.lessons.map((l) => l.id);
    progress.lessons_read = !thorough && below(6) === 0 ? lessons.slice(0, below(lessons.length)) : lessons;
    for (const scenario of module.scenarios) {
      const path = scenarioPath(scenario, below);
      if (!thorough && below(8) === 0) continue;
      progress.scenarios[scenario.id] = !thorough && below(7) === 0 ? path.slice(0, 1) : path;
    }
    const attempts = thorough ? 1 + below(3) : below(4);
    for (let a = 0; a < attempts; a += 1) {
      // Each question answered right with a chance rising per attempt, else a wrong option
      // (a thorough learner's last attempt is all right).
      const allRight = thorough && a === attempts - 1;
      const answers = {};
      for (const question of module.quiz.questions) {
        const right = question.options.filter((o) => o.correct).map((o) => o.id);
        const wrong = question.options.filter((o) => !o.correct).map((o) => o.id);
        answers[question.id] = allRight || below(10) < 6 + a || !wrong.length ? right : [wrong[below(wrong.length)]];
      }
      progress.attempts.push({
        date: `2026-11-${String(10 + a).padStart(2, '0')}`,
        answers, correct: 0, total: 0, percent: 0, passed: false,
      });
    }
    for (const question of pack.kit.feedback_questions) {
      if (below(5) === 0) continue;
      // Mostly positive, as real ratings are.
      const options = question.options.map((o) => o.id);
      progress.feedback[question.id] = options[below(4) === 0 ? below(options.length) : below(2)];
    }
    if (below(10) > 0) progress.active_seconds = 60 + below(1800);
    modules[module.id] = progress;
  });
  const data = { learner_id: (n + 1).toString(16).padStart(16, '0'), modules };
  if (below(3) === 0) data.follow_up = { date: '2026-12-01', improved: below(10) < 8 };
  return { kind: 'course', data };
}

const count = Number(countText);
if (outDir) mkdirSync(outDir, { recursive: true });
let buffer = '';
for (let n = 0; n < count; n += 1) {
  if (course) {
    const envelope = {
      kizuki_export: 2, pack_id: pack.id, pack_version: pack.version,
      saved_at: `2026-12-01T09:00:00.000Z`, revision: n + 1, state: courseState(n),
    };
    emit(n, JSON.stringify(envelope));
    continue;
  }
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
