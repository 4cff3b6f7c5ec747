//! Native engine benchmarks (criterion), run by `scripts/bench.sh` and reported in
//! BENCHMARKS.md: validation, scoring and export/import of a 200-item checklist, and the
//! aggregation of 10,000 exported results.
//!
//! The 200-item pack is made from `content/mh-checklist.json` the same way the browser
//! harness makes it (`tests/bench/make-pack-200.mjs`): every item is copied, in pack order,
//! into its own area with the id `<id>--<round>` until there are 200, and no item keeps an
//! `applies_if`, so all 200 apply whatever the profile.

use std::hint::black_box;
use std::path::Path;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, BatchSize, Criterion, Throughput};
use kizuki_core::aggregate::{aggregate, ExportFile};
use kizuki_core::export::{import, Export, KitState};
use kizuki_core::kind::checklist::{Checklist, ChecklistAction, ChecklistAnswers};
use kizuki_core::{load_pack, parse_pack, validate::validate, Kit, ValidPack};
use serde_json::Value;

/// Items in the large pack.
const LARGE_PACK_ITEMS: usize = 200;
/// Exports aggregated at once.
const AGGREGATED_FILES: usize = 10_000;

fn checklist_pack_bytes() -> Vec<u8> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../content/mh-checklist.json");
    std::fs::read(&path).unwrap_or_else(|error| panic!("{}: {error}", path.display()))
}

/// `content/mh-checklist.json` grown to `target` items by copying items round-robin.
fn grown_pack_bytes(target: usize) -> Vec<u8> {
    let mut pack: Value =
        serde_json::from_slice(&checklist_pack_bytes()).expect("the pack is JSON");
    let areas = pack["kit"]["areas"]
        .as_array_mut()
        .expect("a checklist pack has areas");
    for area in areas.iter_mut() {
        for item in area["items"].as_array_mut().expect("areas have items") {
            item.as_object_mut()
                .expect("items are objects")
                .remove("applies_if");
        }
    }
    let originals: Vec<(usize, Value)> = areas
        .iter()
        .enumerate()
        .flat_map(|(index, area)| {
            area["items"]
                .as_array()
                .into_iter()
                .flatten()
                .map(move |item| (index, item.clone()))
        })
        .collect();
    let mut total = originals.len();
    let mut round = 1;
    while total < target {
        for (area, item) in &originals {
            if total == target {
                break;
            }
            let mut copy = item.clone();
            let id = format!("{}--{round}", copy["id"].as_str().expect("items have ids"));
            copy["id"] = Value::String(id);
            areas[*area]["items"]
                .as_array_mut()
                .expect("areas have items")
                .push(copy);
            total += 1;
        }
        round += 1;
    }
    serde_json::to_vec(&pack).expect("a JSON value serialises")
}

fn checklist_of(pack: &ValidPack) -> &Checklist {
    match &pack.pack().kit {
        Kit::Checklist(checklist) => checklist,
        _ => panic!("not a checklist pack"),
    }
}

/// A small deterministic generator (xorshift64*), so every run aggregates the same files.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        (self.0.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 33) as usize % n
    }
}

/// Answers to every profile question and every item that applies, with "why not" reasons
/// on items not fully in place, drawn from `rng`.
fn random_answers(checklist: &Checklist, rng: &mut Rng) -> ChecklistAnswers {
    let mut answers = ChecklistAnswers::default();
    let apply = |answers: &mut ChecklistAnswers, action: ChecklistAction| {
        checklist
            .apply(answers, &action)
            .expect("ids come from the pack");
    };
    for question in &checklist.profile {
        let choice = question.options[rng.below(question.options.len())]
            .id
            .clone();
        apply(
            &mut answers,
            ChecklistAction::SetProfile {
                question: question.id.clone(),
                choice,
            },
        );
    }
    let items: Vec<_> = checklist
        .items()
        .filter(|(_, item)| checklist.item_applies(item, &answers))
        .map(|(_, item)| item.id.clone())
        .collect();
    for item in items {
        let option = &checklist.scale[rng.below(checklist.scale.len())];
        apply(
            &mut answers,
            ChecklistAction::Answer {
                item: item.clone(),
                choice: Some(option.id.clone()),
            },
        );
        if option.credit.is_some_and(|credit| credit < 100) && !checklist.why_not.is_empty() {
            let reason = checklist.why_not[rng.below(checklist.why_not.len())]
                .id
                .clone();
            apply(&mut answers, ChecklistAction::ToggleWhyNot { item, reason });
        }
    }
    answers
}

fn exported(pack: &ValidPack, answers: ChecklistAnswers, index: usize) -> String {
    let saved_at = format!(
        "2026-{:02}-{:02}T{:02}:{:02}:00+09:00",
        1 + index % 12,
        1 + index % 28,
        index / 60 % 24,
        index % 60
    );
    Export::new(
        pack,
        KitState::Checklist(answers),
        &saved_at,
        index as u64 + 1,
    )
    .to_json()
}

fn engine(c: &mut Criterion) {
    let bytes = grown_pack_bytes(LARGE_PACK_ITEMS);
    let pack = load_pack(&bytes)
        .unwrap_or_else(|problems| panic!("the grown pack is invalid: {problems:?}"));
    let checklist = checklist_of(&pack);
    assert_eq!(checklist.items().count(), LARGE_PACK_ITEMS);
    let parsed = parse_pack(&bytes).expect("the grown pack parses");

    let mut group = c.benchmark_group("checklist-200");
    group.throughput(Throughput::Elements(LARGE_PACK_ITEMS as u64));
    group.bench_function("load_pack (parse + validate)", |b| {
        b.iter(|| load_pack(black_box(&bytes)).is_ok())
    });
    group.bench_function("validate", |b| {
        b.iter(|| validate(black_box(&parsed)).len())
    });

    let answers = random_answers(checklist, &mut Rng(0x9E37_79B9_7F4A_7C15));
    assert_eq!(answers.items.len(), LARGE_PACK_ITEMS);
    group.bench_function("Checklist::result", |b| {
        b.iter(|| checklist.result(black_box(&answers), "2026-12-04"))
    });
    let export = Export::new(
        &pack,
        KitState::Checklist(answers.clone()),
        "2026-11-22T10:00:00+09:00",
        1,
    );
    let json = export.to_json();
    group.bench_function("Export::to_json", |b| {
        b.iter(|| black_box(&export).to_json())
    });
    group.bench_function("import", |b| {
        b.iter(|| import(&pack, black_box(json.as_bytes())).is_ok())
    });
    group.bench_function("Export::to_json + import", |b| {
        b.iter(|| import(&pack, black_box(&export).to_json().as_bytes()).is_ok())
    });
    group.bench_function("apply one answer + Checklist::result", |b| {
        let item = checklist
            .items()
            .next()
            .map(|(_, item)| item.id.clone())
            .expect("an item");
        let mut flip = false;
        b.iter_batched_ref(
            || answers.clone(),
            |answers| {
                flip = !flip;
                let choice = if flip { "yes" } else { "no" };
                let action = ChecklistAction::Answer {
                    item: item.clone(),
                    choice: Some(choice.to_string()),
                };
                checklist.apply(answers, &action).ok();
                checklist.result(answers, "2026-12-04")
            },
            BatchSize::SmallInput,
        )
    });
    group.finish();

    let real = load_pack(&checklist_pack_bytes()).unwrap_or_else(|problems| panic!("{problems:?}"));
    let real_checklist = checklist_of(&real);
    let mut rng = Rng(0x2545_F491_4F6C_DD1D);
    let files: Vec<(String, String)> = (0..AGGREGATED_FILES)
        .map(|index| {
            let answers = random_answers(real_checklist, &mut rng);
            (
                format!("export-{index:05}.json"),
                exported(&real, answers, index),
            )
        })
        .collect();
    let inputs: Vec<ExportFile<'_>> = files
        .iter()
        .map(|(name, json)| ExportFile {
            name,
            bytes: json.as_bytes(),
        })
        .collect();
    let check = aggregate(&real, &inputs, None).expect("a checklist aggregates");
    assert_eq!(
        check.files_valid, AGGREGATED_FILES,
        "every generated export is valid and distinct"
    );

    // 1,000 as well as 10,000 files, to show how the time grows with the number of files.
    let mut group = c.benchmark_group("aggregate");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(20));
    for count in [AGGREGATED_FILES / 10, AGGREGATED_FILES] {
        group.throughput(Throughput::Elements(count as u64));
        group.bench_function(format!("{count} mh-checklist exports"), |b| {
            b.iter(|| {
                aggregate(&real, black_box(&inputs[..count]), None).map(|report| report.files_valid)
            })
        });
    }
    group.finish();
}

criterion_group!(benches, engine);
criterion_main!(benches);
