//! Checklist aggregates: the mean score, answers per item, mean score per area, and file
//! counts and "why not" tallies per size band, each hidden below the minimum group.

use std::collections::{BTreeMap, HashMap};

use serde::Serialize;

use crate::aggregate::{mean, shown_or, suppress_cells, Group, Rows, MIN_CELL};
use crate::kind::checklist::{Checklist, ChecklistAnswers, Item, ItemAnswer};
use crate::report::labels;
use crate::text::Lang;

/// The band that holds every file when the checklist has no `size` profile question.
pub const BAND_ALL: &str = "all";
/// The band of files that did not answer the `size` question.
pub const BAND_UNANSWERED: &str = "unanswered";
pub use crate::kind::checklist::guidance::SIZE_QUESTION;

/// Checklist figures.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ChecklistFigures {
    /// Files answered far enough for a score (coverage reached): only these make the
    /// mean scores, overall and per area.
    pub complete_files: usize,
    /// Files below the coverage threshold: counted here and in the answer distributions,
    /// never averaged into a score.
    pub incomplete_files: usize,
    /// Mean overall score of the complete files.
    pub mean_percent: Group<f64>,
    /// Per size band, in the profile's order (`all` when there is no size question).
    pub size_bands: Vec<SizeBand>,
    /// Per area, in pack order.
    pub areas: Vec<AreaFigures>,
    /// Per item, in pack order.
    pub items: Vec<ItemFigures>,
}

/// One size band.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SizeBand {
    /// The size choice id, `unanswered` or `all`.
    pub id: String,
    /// Its figures.
    pub figures: Group<BandFigures>,
}

/// What one size band holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BandFigures {
    /// Files in the band.
    pub files: usize,
    /// "Why not" reasons by reason id, in the pack's order of reasons.
    pub why_not: BTreeMap<String, WhyNotTally>,
}

/// How often a "why not" reason was given; a count below [`MIN_CELL`] is hidden (`None`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct WhyNotTally {
    /// Item answers giving it.
    pub answers: Option<usize>,
    /// Files giving it for at least one item.
    pub files: Option<usize>,
}

/// One area's mean score.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AreaFigures {
    /// The area id.
    pub id: String,
    /// Mean score of the complete files where the area has a score.
    pub mean_percent: Group<f64>,
}

/// One item's answers.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ItemFigures {
    /// The item id.
    pub id: String,
    /// The distribution over the files the item applies to.
    pub answers: Group<ItemDistribution>,
}

/// How the files the item applies to answered it. Counts are suppressed together
/// ([`suppress_cells`]): a hidden one is `None`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ItemDistribution {
    /// Files the item applies to.
    pub applies: usize,
    /// Files per scale option id.
    pub choices: BTreeMap<String, Option<usize>>,
    /// Files that left it unanswered.
    pub unanswered: Option<usize>,
}

fn band_of(checklist: &Checklist, answers: &ChecklistAnswers) -> String {
    if !checklist.profile.iter().any(|q| q.id == SIZE_QUESTION) {
        return BAND_ALL.to_string();
    }
    answers
        .profile
        .get(SIZE_QUESTION)
        .cloned()
        .unwrap_or_else(|| BAND_UNANSWERED.to_string())
}

/// The band ids in order: the size options, then `unanswered` if any file is in it.
fn band_ids(checklist: &Checklist, present: &BTreeMap<String, usize>) -> Vec<String> {
    match checklist.profile.iter().find(|q| q.id == SIZE_QUESTION) {
        None => vec![BAND_ALL.to_string()],
        Some(question) => {
            let mut ids: Vec<String> = question.options.iter().map(|o| o.id.clone()).collect();
            if present.contains_key(BAND_UNANSWERED) {
                ids.push(BAND_UNANSWERED.to_string());
            }
            ids
        }
    }
}

pub(crate) fn figures(
    checklist: &Checklist,
    files: &[&ChecklistAnswers],
    min_group: usize,
) -> ChecklistFigures {
    let all_results: Vec<_> = files.iter().map(|a| checklist.scores(a)).collect();
    let incomplete_files = all_results.iter().filter(|r| !r.coverage_reached).count();
    let results: Vec<_> = all_results
        .into_iter()
        .filter(|r| r.coverage_reached)
        .collect();

    let overall: Vec<u8> = results.iter().filter_map(|r| r.percent).collect();
    let mean_percent = Group::of(overall.len(), min_group, || mean(&overall));

    let areas = checklist
        .areas
        .iter()
        .enumerate()
        .map(|(index, area)| {
            let scores: Vec<u8> = results
                .iter()
                .filter_map(|r| r.areas.get(index).and_then(|a| a.percent))
                .collect();
            AreaFigures {
                id: area.id.clone(),
                mean_percent: Group::of(scores.len(), min_group, || mean(&scores)),
            }
        })
        .collect();

    // One pass over the files: each file's answers placed in the pack's item order (looking
    // every item up by id in every file was most of the time), then per item the
    // distribution and per size band the "why not" tallies.
    let pack_items: Vec<&Item> = checklist.items().map(|(_, item)| item).collect();
    let position: HashMap<&str, usize> = pack_items
        .iter()
        .enumerate()
        .map(|(index, item)| (item.id.as_str(), index))
        .collect();
    let mut tallies: Vec<ItemTally> = pack_items
        .iter()
        .map(|_| ItemTally {
            applies: 0,
            unanswered: 0,
            choices: checklist.scale.iter().map(|o| (o.id.clone(), 0)).collect(),
        })
        .collect();
    let mut bands: BTreeMap<String, BandFigures> = BTreeMap::new();
    let mut slots: Vec<Option<&ItemAnswer>> = vec![None; pack_items.len()];
    for answers in files {
        slots.iter_mut().for_each(|slot| *slot = None);
        for (id, answer) in &answers.items {
            if let Some(&index) = position.get(id.as_str()) {
                slots[index] = Some(answer);
            }
        }
        let band = bands
            .entry(band_of(checklist, answers))
            .or_insert_with(|| BandFigures::empty(checklist));
        band.files += 1;
        let mut in_file: BTreeMap<&str, usize> = BTreeMap::new();
        for ((item, slot), tally) in pack_items.iter().zip(&slots).zip(&mut tallies) {
            if !checklist.item_applies(item, answers) {
                continue;
            }
            tally.applies += 1;
            match slot.and_then(|answer| answer.choice.as_deref()) {
                Some(choice) => match tally.choices.get_mut(choice) {
                    Some(count) => *count += 1,
                    None => {
                        tally.choices.insert(choice.to_string(), 1);
                    }
                },
                None => tally.unanswered += 1,
            }
            for reason in slot
                .iter()
                .flat_map(|answer| checklist.reasons_in_effect(answer))
            {
                *in_file.entry(reason.as_str()).or_default() += 1;
            }
        }
        for (reason, count) in in_file {
            let tally = band.why_not.entry(reason.to_string()).or_default();
            tally.answers = Some(tally.answers.unwrap_or(0) + count);
            tally.files = Some(tally.files.unwrap_or(0) + 1);
        }
    }

    let items = pack_items
        .iter()
        .zip(tallies)
        .map(|(item, tally)| ItemFigures {
            id: item.id.clone(),
            answers: Group::of(tally.applies, min_group, || {
                let mut counts: Vec<usize> = tally.choices.values().copied().collect();
                counts.push(tally.unanswered);
                let mut shown = suppress_cells(&counts, MIN_CELL);
                let unanswered = shown.pop().flatten();
                ItemDistribution {
                    applies: tally.applies,
                    choices: tally.choices.into_keys().zip(shown).collect(),
                    unanswered,
                }
            }),
        })
        .collect();

    let sizes: BTreeMap<String, usize> = bands.iter().map(|(k, v)| (k.clone(), v.files)).collect();
    let ids = band_ids(checklist, &sizes);
    // Bands are hidden below the minimum group, and so many more that no hidden band's
    // size follows from the total of files and the shown bands.
    let band_sizes: Vec<usize> = ids
        .iter()
        .map(|id| sizes.get(id).copied().unwrap_or(0))
        .collect();
    let band_shown = suppress_cells(&band_sizes, min_group);
    let size_bands = ids
        .into_iter()
        .zip(band_shown)
        .map(|(id, shown)| {
            let band = bands
                .remove(&id)
                .unwrap_or_else(|| BandFigures::empty(checklist));
            let size = if shown.is_some() { band.files } else { 0 };
            SizeBand {
                figures: Group::of(size, min_group, || band.suppressed()),
                id,
            }
        })
        .collect();

    ChecklistFigures {
        complete_files: results.len(),
        incomplete_files,
        mean_percent,
        size_bands,
        areas,
        items,
    }
}

impl BandFigures {
    /// The band with every "why not" count below [`MIN_CELL`] hidden.
    fn suppressed(mut self) -> BandFigures {
        let small = |count: Option<usize>| count.filter(|&c| c == 0 || c >= MIN_CELL);
        for tally in self.why_not.values_mut() {
            tally.answers = small(tally.answers);
            tally.files = small(tally.files);
        }
        self
    }

    /// No files yet: every reason of the pack at zero.
    fn empty(checklist: &Checklist) -> BandFigures {
        BandFigures {
            files: 0,
            why_not: checklist
                .why_not
                .iter()
                .map(|r| {
                    let zero = WhyNotTally {
                        answers: Some(0),
                        files: Some(0),
                    };
                    (r.id.clone(), zero)
                })
                .collect(),
        }
    }
}

/// Counts for one item while the files are read.
struct ItemTally {
    applies: usize,
    unanswered: usize,
    choices: BTreeMap<String, usize>,
}

pub(crate) fn rows(
    rows: &mut Rows,
    checklist: &Checklist,
    figures: &ChecklistFigures,
    lang: Lang,
    hidden: &str,
) {
    let l = labels(lang);
    rows.push(
        l.overall,
        "",
        "",
        "",
        l.complete_files,
        figures.complete_files.to_string(),
    );
    rows.push(
        l.overall,
        "",
        "",
        "",
        l.incomplete_files,
        figures.incomplete_files.to_string(),
    );
    rows.push(
        l.overall,
        "",
        "",
        "",
        l.mean_percent,
        shown_or(&figures.mean_percent, hidden, |m| format!("{m:.1}")),
    );
    let size_question = checklist.profile.iter().find(|q| q.id == SIZE_QUESTION);
    for band in &figures.size_bands {
        let band_label = match band.id.as_str() {
            BAND_ALL => l.band_all,
            BAND_UNANSWERED => l.band_unanswered,
            id => size_question
                .and_then(|q| q.options.iter().find(|o| o.id == id))
                .map_or(id, |o| o.label.get(lang)),
        };
        match band.figures.shown() {
            None => rows.push(
                l.size_band,
                band_label,
                &band.id,
                "",
                l.files,
                hidden.to_string(),
            ),
            Some(band_figures) => {
                rows.push(
                    l.size_band,
                    band_label,
                    &band.id,
                    "",
                    l.files,
                    band_figures.files.to_string(),
                );
                for reason in &checklist.why_not {
                    let tally =
                        band_figures
                            .why_not
                            .get(&reason.id)
                            .copied()
                            .unwrap_or(WhyNotTally {
                                answers: Some(0),
                                files: Some(0),
                            });
                    let count = |value: Option<usize>| {
                        value.map_or_else(|| hidden.to_string(), |n| n.to_string())
                    };
                    rows.push(
                        l.why_not,
                        band_label,
                        &reason.id,
                        reason.label.get(lang),
                        l.count,
                        count(tally.answers),
                    );
                    rows.push(
                        l.why_not,
                        band_label,
                        &reason.id,
                        reason.label.get(lang),
                        l.files,
                        count(tally.files),
                    );
                }
            }
        }
    }
    for (area, area_figures) in checklist.areas.iter().zip(&figures.areas) {
        rows.push(
            l.area,
            "",
            &area.id,
            area.title.get(lang),
            l.mean_percent,
            shown_or(&area_figures.mean_percent, hidden, |m| format!("{m:.1}")),
        );
    }
    for ((_, item), item_figures) in checklist.items().zip(&figures.items) {
        let text = item.text.get(lang);
        match item_figures.answers.shown() {
            None => rows.push(l.item, "", &item.id, text, l.count, hidden.to_string()),
            Some(distribution) => {
                rows.push(
                    l.item,
                    "",
                    &item.id,
                    text,
                    l.applies,
                    distribution.applies.to_string(),
                );
                for option in &checklist.scale {
                    let count = distribution
                        .choices
                        .get(&option.id)
                        .copied()
                        .unwrap_or(Some(0));
                    rows.push(
                        l.item,
                        "",
                        &item.id,
                        text,
                        option.label.get(lang),
                        count.map_or_else(|| hidden.to_string(), |n| n.to_string()),
                    );
                }
                rows.push(
                    l.item,
                    "",
                    &item.id,
                    text,
                    l.not_answered,
                    distribution
                        .unanswered
                        .map_or_else(|| hidden.to_string(), |n| n.to_string()),
                );
            }
        }
    }
}
