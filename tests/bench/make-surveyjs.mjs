// Turns Kizuki's checklist pack into the SurveyJS JSON of the same checklist: the profile
// questions first (one page), then one page per area with its items as radiogroup questions
// on the same 4-step scale, in Japanese; `applies_if` becomes `visibleIf`. What SurveyJS gets
// is less than Kizuki's pack carries (no English, no why / evidence / recommendation /
// sources, no "why not" reasons), so the byte comparison leans in SurveyJS's favour.
//
//   node make-surveyjs.mjs [pack.json] > survey.json

import { readFileSync } from 'node:fs';

const quote = (value) => `'${String(value).replaceAll("'", "\\'")}'`;

/** Kizuki's condition (is / any / all / not) as a SurveyJS expression. */
export function expression(condition) {
  if (condition.is) {
    const { question, any_of: anyOf } = condition.is;
    return `(${anyOf.map((choice) => `{${question}} = ${quote(choice)}`).join(' or ')})`;
  }
  if (condition.any) return `(${condition.any.map(expression).join(' or ')})`;
  if (condition.all) return `(${condition.all.map(expression).join(' and ')})`;
  if (condition.not) return `(!${expression(condition.not)})`;
  throw new Error(`unknown condition ${JSON.stringify(condition)}`);
}

export function surveyFromPack(pack, lang = 'ja') {
  const kit = pack.kit;
  const text = (value) => value?.[lang];
  const scale = kit.scale.map((option) => ({ value: option.id, text: text(option.label) }));
  const profile = {
    name: 'profile',
    title: '事業場について',
    elements: kit.profile.map((question) => ({
      type: 'radiogroup',
      name: question.id,
      title: text(question.label),
      ...(question.help ? { description: text(question.help) } : {}),
      isRequired: true,
      choices: question.options.map((option) => ({ value: option.id, text: text(option.label) })),
    })),
  };
  const areas = kit.areas.map((area) => ({
    name: area.id,
    title: text(area.title),
    ...(area.intro ? { description: text(area.intro) } : {}),
    elements: area.items.map((item) => ({
      type: 'radiogroup',
      name: item.id,
      title: text(item.text),
      choices: scale,
      ...(item.applies_if ? { visibleIf: expression(item.applies_if) } : {}),
    })),
  }));
  return {
    locale: lang,
    title: text(pack.title),
    description: text(pack.description),
    showProgressBar: 'top',
    pages: [profile, ...areas],
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const source = process.argv[2] ?? new URL('../../content/mh-checklist.json', import.meta.url);
  process.stdout.write(JSON.stringify(surveyFromPack(JSON.parse(readFileSync(source, 'utf8')))));
}
