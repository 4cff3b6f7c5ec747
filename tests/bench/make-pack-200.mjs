// Grows content/mh-checklist.json to a checklist of 200 items for the interaction benchmark.
// Same recipe as core/benches/engine.rs: every item is copied, in pack order, into its own
// area with the id `<id>--<round>` until there are 200, and no item keeps an `applies_if`,
// so all 200 apply whatever the profile, or a `depends_on`, so no answer hides another item
// (the run clicks 200 answers, each of which must change the progress).
//
//   node make-pack-200.mjs [pack.json] > mh-checklist-200.json

import { readFileSync } from 'node:fs';

export function growChecklist(pack, target = 200) {
  const grown = structuredClone(pack);
  const areas = grown.kit.areas;
  for (const area of areas) for (const item of area.items) {
    delete item.applies_if;
    delete item.depends_on;
  }
  const originals = areas.flatMap((area, index) => area.items.map((item) => [index, item]));
  let total = originals.length;
  for (let round = 1; total < target; round += 1) {
    for (const [index, item] of originals) {
      if (total === target) break;
      areas[index].items.push({ ...structuredClone(item), id: `${item.id}--${round}` });
      total += 1;
    }
  }
  return grown;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const source = process.argv[2] ?? new URL('../../content/mh-checklist.json', import.meta.url);
  process.stdout.write(JSON.stringify(growChecklist(JSON.parse(readFileSync(source, 'utf8')))));
}
