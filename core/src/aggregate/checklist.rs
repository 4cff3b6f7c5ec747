//! Checklist aggregates: the mean score, answers per item, mean score per area, and file
//! counts and "why not" tallies per size band, each hidden below the minimum group.

use std::collections::BTreeMap;

use serde::Serialize;

use super::{mean, shown_or, Group, Rows};
use crate::kind::checklist::{Checklist, ChecklistAnswers};
use crate::report::labels;
use crate::text::Lang;

/// The band that holds every file when the checklist has no `size` profile question.
pub const BAND_ALL: &str = "all";
/// The band of files that did not answer the `size` question.
pub const BAND_UNANSWERED: &str = "unanswered";
/// The profile question whose answer splits files into size bands.
pub const SIZE_QUESTION: &str = "size";

/// Checklist figures.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ChecklistFigures {
    /// Mean overall score of the files with a score.
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

/// How often a "why not" reason was given.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct WhyNotTally {
    /// Item answers giving it.
    pub answers: usize,
    /// Files giving it for at least one item.
    pub files: usize,
}

/// One area's mean score.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AreaFigures {
    /// The area id.
    pub id: String,
    /// Mean score of the files where the area has a score.
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

/// How the files the item applies to answered it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ItemDistribution {
    /// Files the item applies to.
    pub applies: usize,
    /// Files per scale option id.
    pub choices: BTreeMap<String, usize>,
    /// Files that left it unanswered.
    pub unanswered: usize,
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

pub(super) fn figures(
    checklist: &Checklist,
    files: &[&ChecklistAnswers],
    min_group: usize,
) -> ChecklistFigures {
    let results: Vec<_> = files.iter().map(|a| checklist.scores(a)).collect();

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

    let items = checklist
        .items()
        .map(|(_, item)| {
            let applying: Vec<&&ChecklistAnswers> = files
                .iter()
                .filter(|a| checklist.item_applies(item, a))
                .collect();
            ItemFigures {
                id: item.id.clone(),
                answers: Group::of(applying.len(), min_group, || {
                    let mut choices: BTreeMap<String, usize> =
                        checklist.scale.iter().map(|o| (o.id.clone(), 0)).collect();
                    let mut unanswered = 0;
                    for answers in &applying {
                        match answers.items.get(&item.id).and_then(|a| a.choice.as_ref()) {
                            Some(choice) => *choices.entry(choice.clone()).or_default() += 1,
                            None => unanswered += 1,
                        }
                    }
                    ItemDistribution {
                        applies: applying.len(),
                        choices,
                        unanswered,
                    }
                }),
            }
        })
        .collect();

    let mut by_band: BTreeMap<String, Vec<&ChecklistAnswers>> = BTreeMap::new();
    for answers in files {
        by_band
            .entry(band_of(checklist, answers))
            .or_default()
            .push(answers);
    }
    let sizes: BTreeMap<String, usize> =
        by_band.iter().map(|(k, v)| (k.clone(), v.len())).collect();
    let size_bands = band_ids(checklist, &sizes)
        .into_iter()
        .map(|id| {
            let members = by_band.get(&id).map(Vec::as_slice).unwrap_or(&[]);
            SizeBand {
                figures: Group::of(members.len(), min_group, || {
                    band_figures(checklist, members)
                }),
                id,
            }
        })
        .collect();

    ChecklistFigures {
        mean_percent,
        size_bands,
        areas,
        items,
    }
}

fn band_figures(checklist: &Checklist, members: &[&ChecklistAnswers]) -> BandFigures {
    let mut why_not: BTreeMap<String, WhyNotTally> = checklist
        .why_not
        .iter()
        .map(|r| (r.id.clone(), WhyNotTally::default()))
        .collect();
    for answers in members {
        let mut in_file: BTreeMap<&str, usize> = BTreeMap::new();
        // Walk the pack's items and look each answer up (not the other way round: finding an
        // item by id is a search through the pack).
        for (_, item) in checklist.items() {
            let Some(answer) = answers.items.get(&item.id) else {
                continue;
            };
            if !checklist.item_applies(item, answers) {
                continue;
            }
            for reason in &answer.why_not {
                *in_file.entry(reason.as_str()).or_default() += 1;
            }
        }
        for (reason, count) in in_file {
            let tally = why_not.entry(reason.to_string()).or_default();
            tally.answers += count;
            tally.files += 1;
        }
    }
    BandFigures {
        files: members.len(),
        why_not,
    }
}

pub(super) fn rows(
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
                    let tally = band_figures
                        .why_not
                        .get(&reason.id)
                        .copied()
                        .unwrap_or_default();
                    rows.push(
                        l.why_not,
                        band_label,
                        &reason.id,
                        reason.label.get(lang),
                        l.count,
                        tally.answers.to_string(),
                    );
                    rows.push(
                        l.why_not,
                        band_label,
                        &reason.id,
                        reason.label.get(lang),
                        l.files,
                        tally.files.to_string(),
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
                    let count = distribution.choices.get(&option.id).copied().unwrap_or(0);
                    rows.push(
                        l.item,
                        "",
                        &item.id,
                        text,
                        option.label.get(lang),
                        count.to_string(),
                    );
                }
                rows.push(
                    l.item,
                    "",
                    &item.id,
                    text,
                    l.not_answered,
                    distribution.unanswered.to_string(),
                );
            }
        }
    }
}
