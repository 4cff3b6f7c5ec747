//! Checklist aggregates: the mean score, answers per item, mean score per area, and file
//! counts and "why not" tallies per size band, each hidden below the minimum group.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::aggregate::{
    rate, shown_or, suppress_cells, Cell, CellType, Group, KindAggregate, KindFigures, RowColumn,
    Rows, Tally, MIN_CELL,
};
use crate::error::Result;
use crate::kind::checklist::{Checklist, ChecklistAnswers, Item, ItemAnswer};
use crate::kind::KitState;
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
    /// Per size band, in the profile's order (`all` when there is no size question): its
    /// files (the size mix) and its "why not" reasons.
    pub size_bands: Vec<SizeBand>,
    /// The "why not" reasons over every file, whatever its size. A count that, with the
    /// shown bands, would give away a hidden band's small count is hidden in those bands.
    pub why_not_overall: Group<BandFigures>,
    /// The items least in place: those whose share of files answering the scale's full
    /// credit is lowest, at most [`LEAST_IN_PLACE`], from items whose counts are shown.
    pub least_in_place: Vec<LeastInPlace>,
    /// Per area, in pack order.
    pub areas: Vec<AreaFigures>,
    /// Per item, in pack order.
    pub items: Vec<ItemFigures>,
}

/// How many items the "least in place" list holds.
pub const LEAST_IN_PLACE: usize = 5;

/// An item few workplaces have in place.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LeastInPlace {
    /// The item id.
    pub id: String,
    /// Files the item applies to.
    pub applies: usize,
    /// Files answering the scale's full credit (e.g. 「できている」).
    pub in_place: usize,
    /// `in_place` of `applies`, in percent with one decimal.
    pub in_place_percent: f64,
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

fn band_of<'a>(checklist: &Checklist, answers: &'a ChecklistAnswers) -> &'a str {
    if !checklist.profile.iter().any(|q| q.id == SIZE_QUESTION) {
        return BAND_ALL;
    }
    answers
        .profile
        .get(SIZE_QUESTION)
        .map_or(BAND_UNANSWERED, String::as_str)
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

/// One checklist export as normalised rows, for tools beyond the page (DuckDB, Spark): the
/// file's size band, whether its coverage was reached, its overall score, and per item of
/// the pack whether it applies, the answer and the "why not" reasons in effect. The page's
/// figures follow from these rows (README shows the query); free text is never included.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FileRows {
    /// The size band id (`unanswered`, or `all` without a size question).
    pub band: String,
    /// Enough items answered for a score (only these make the mean scores).
    pub complete: bool,
    /// The overall score, when complete.
    pub percent: Option<u8>,
    /// One row per item of the pack, in pack order.
    pub items: Vec<ItemRow>,
}

/// One item of one file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ItemRow {
    /// The item id.
    pub item: String,
    /// Whether the item applies to this workplace.
    pub applies: bool,
    /// The scale option chosen, if any.
    pub choice: Option<String>,
    /// The "why not" reasons in effect, as the file gives them (the figures count these).
    pub reasons: Vec<String>,
}

/// The normalised rows of one file's answers.
pub fn file_rows(checklist: &Checklist, answers: &ChecklistAnswers) -> FileRows {
    let result = checklist.scores(answers);
    let items = checklist
        .items()
        .map(|(_, item)| {
            let answer = answers.items.get(&item.id);
            let applies = checklist.item_applies(item, answers);
            ItemRow {
                item: item.id.clone(),
                applies,
                choice: answer.and_then(|a| a.choice.clone()).filter(|_| applies),
                reasons: if applies {
                    answer
                        .map(|a| checklist.reasons_in_effect(a).to_vec())
                        .unwrap_or_default()
                } else {
                    Vec::new()
                },
            }
        })
        .collect();
    FileRows {
        band: band_of(checklist, answers).to_string(),
        complete: result.coverage_reached,
        percent: result.percent.filter(|_| result.coverage_reached),
        items,
    }
}

/// The running counts of many checklist exports, one file at a time: what the figures are
/// made of, and nothing of a file once it is added (so any number of files takes the same
/// memory). [`ChecklistTally::finish`] turns them into [`ChecklistFigures`].
pub struct ChecklistTally<'a> {
    checklist: &'a Checklist,
    pack_items: Vec<&'a Item>,
    /// The pack's items by id, in key order (the order of a file's answers): each id and
    /// its place in `pack_items`.
    by_id: Vec<(&'a str, usize)>,
    tallies: Vec<ItemTally>,
    bands: BTreeMap<String, BandFigures>,
    overall: BandFigures,
    /// Complete files: their number, and the sum and number of their overall scores.
    complete: usize,
    incomplete: usize,
    score_sum: usize,
    score_count: usize,
    /// Per area: the sum and number of the complete files' area scores.
    areas: Vec<(usize, usize)>,
}

impl<'a> ChecklistTally<'a> {
    /// No files yet.
    pub fn new(checklist: &'a Checklist) -> ChecklistTally<'a> {
        let pack_items: Vec<&Item> = checklist.items().map(|(_, item)| item).collect();
        let mut by_id: Vec<(&str, usize)> = pack_items
            .iter()
            .enumerate()
            .map(|(index, item)| (item.id.as_str(), index))
            .collect();
        by_id.sort_unstable();
        let tallies = pack_items
            .iter()
            .map(|_| ItemTally {
                applies: 0,
                unanswered: 0,
                choices: checklist.scale.iter().map(|o| (o.id.clone(), 0)).collect(),
            })
            .collect();
        ChecklistTally {
            checklist,
            pack_items,
            by_id,
            tallies,
            bands: BTreeMap::new(),
            overall: BandFigures::empty(checklist),
            complete: 0,
            incomplete: 0,
            score_sum: 0,
            score_count: 0,
            areas: vec![(0, 0); checklist.areas.len()],
        }
    }

    /// Counts one file's answers.
    pub fn add(&mut self, answers: &ChecklistAnswers) {
        let checklist = self.checklist;
        let result = checklist.scores(answers);
        if result.coverage_reached {
            self.complete += 1;
            if let Some(percent) = result.percent {
                self.score_sum += usize::from(percent);
                self.score_count += 1;
            }
            for (slot, area) in self.areas.iter_mut().zip(&result.areas) {
                if let Some(percent) = area.percent {
                    slot.0 += usize::from(percent);
                    slot.1 += 1;
                }
            }
        } else {
            self.incomplete += 1;
        }
        // The file's answers placed in the pack's item order (looking every item up by id in
        // every file was most of the time): the answers and `by_id` are both in key order,
        // so one walk along the two places them. Then per item the distribution and per
        // size band the "why not" tallies.
        let mut slots: Vec<Option<&ItemAnswer>> = vec![None; self.pack_items.len()];
        let mut known = self.by_id.iter().peekable();
        for (id, answer) in &answers.items {
            while known.next_if(|(known, _)| *known < id.as_str()).is_some() {}
            if let Some((_, index)) = known.next_if(|(known, _)| *known == id.as_str()) {
                slots[*index] = Some(answer);
            }
        }
        self.overall.files += 1;
        let band_id = band_of(checklist, answers);
        let band = match self.bands.get_mut(band_id) {
            Some(band) => band,
            None => self
                .bands
                .entry(band_id.to_string())
                .or_insert_with(|| BandFigures::empty(checklist)),
        };
        band.files += 1;
        // Per reason of the pack, in its order: how many of this file's items give it.
        let mut in_file = vec![0_usize; checklist.why_not.len()];
        for ((item, slot), tally) in self.pack_items.iter().zip(&slots).zip(&mut self.tallies) {
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
                // An import gives only the pack's reasons (`check_fits`).
                if let Some(at) = checklist.why_not.iter().position(|r| &r.id == reason) {
                    in_file[at] += 1;
                }
            }
        }
        let given = checklist.why_not.iter().zip(in_file);
        for (reason, count) in given.filter(|&(_, count)| count > 0) {
            for figures in [&mut *band, &mut self.overall] {
                let tally = match figures.why_not.get_mut(&reason.id) {
                    Some(tally) => tally,
                    None => figures.why_not.entry(reason.id.clone()).or_default(),
                };
                tally.answers = Some(tally.answers.unwrap_or(0) + count);
                tally.files = Some(tally.files.unwrap_or(0) + 1);
            }
        }
    }

    /// The figures, each hidden below `min_group` and every small cell suppressed.
    pub fn finish(self, min_group: usize) -> ChecklistFigures {
        let ChecklistTally {
            checklist,
            pack_items,
            tallies,
            mut bands,
            overall,
            complete,
            incomplete,
            score_sum,
            score_count,
            areas,
            ..
        } = self;
        let incomplete_files = incomplete;
        let mean_percent = Group::of(score_count, min_group, || {
            rate(score_sum, score_count * 100)
        });
        let areas = checklist
            .areas
            .iter()
            .zip(areas)
            .map(|(area, (sum, count))| AreaFigures {
                id: area.id.clone(),
                mean_percent: Group::of(count, min_group, || rate(sum, count * 100)),
            })
            .collect();
        let items: Vec<ItemFigures> = pack_items
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

        let sizes: BTreeMap<String, usize> =
            bands.iter().map(|(k, v)| (k.clone(), v.files)).collect();
        let ids = band_ids(checklist, &sizes);
        // Bands are hidden below the minimum group, and so many more that no hidden band's
        // size follows from the total of files and the shown bands.
        let band_sizes: Vec<usize> = ids
            .iter()
            .map(|id| sizes.get(id).copied().unwrap_or(0))
            .collect();
        let band_shown = suppress_cells(&band_sizes, min_group);
        let raw_bands: Vec<(String, BandFigures, bool)> = ids
            .into_iter()
            .zip(band_shown)
            .map(|(id, shown)| {
                let band = bands
                    .remove(&id)
                    .unwrap_or_else(|| BandFigures::empty(checklist));
                let shown = shown.is_some() && band.files >= min_group;
                (id, band, shown)
            })
            .collect();
        let hidden_in_bands = hide_across_bands(checklist, &overall, &raw_bands);
        let size_bands = raw_bands
            .into_iter()
            .zip(hidden_in_bands)
            .map(|((id, band, shown), hidden)| SizeBand {
                figures: if shown {
                    Group::Shown(band.suppressed().without(&hidden))
                } else {
                    Group::Hidden { min_group }
                },
                id,
            })
            .collect();
        let why_not_overall = Group::of(overall.files, min_group, || overall.suppressed());
        let least_in_place = least_in_place(checklist, &items);

        ChecklistFigures {
            complete_files: complete,
            incomplete_files,
            mean_percent,
            size_bands,
            why_not_overall,
            least_in_place,
            areas,
            items,
        }
    }
}

/// Which "why not" counts of the shown bands must be hidden so that, with the overall
/// counts, no hidden band's small count can be worked out: per reason and per measure, the
/// shown bands' counts and what the hidden bands hold together (overall minus shown) are
/// suppressed as one set ([`suppress_cells`]). Returns, per band, the (reason, measure)
/// cells to hide (measure 0: answers, 1: files).
fn hide_across_bands(
    checklist: &Checklist,
    overall: &BandFigures,
    bands: &[(String, BandFigures, bool)],
) -> Vec<Vec<(String, u8)>> {
    let mut hidden: Vec<Vec<(String, u8)>> = vec![Vec::new(); bands.len()];
    for reason in &checklist.why_not {
        for measure in [0u8, 1] {
            let count = |figures: &BandFigures| -> usize {
                figures.why_not.get(&reason.id).map_or(0, |tally| {
                    if measure == 0 {
                        tally.answers.unwrap_or(0)
                    } else {
                        tally.files.unwrap_or(0)
                    }
                })
            };
            let shown: Vec<usize> = bands
                .iter()
                .enumerate()
                .filter(|(_, (_, _, shown))| *shown)
                .map(|(index, _)| index)
                .collect();
            let mut counts: Vec<usize> = shown.iter().map(|&i| count(&bands[i].1)).collect();
            let rest = count(overall).saturating_sub(counts.iter().sum());
            counts.push(rest);
            let kept = suppress_cells(&counts, MIN_CELL);
            for (&index, kept) in shown.iter().zip(&kept) {
                if kept.is_none() {
                    hidden[index].push((reason.id.clone(), measure));
                }
            }
        }
    }
    hidden
}

/// The items with the lowest share of full-credit answers, from items whose distribution
/// and full-credit count are shown (a hidden count is never turned into a share).
fn least_in_place(checklist: &Checklist, items: &[ItemFigures]) -> Vec<LeastInPlace> {
    let Some(full) = checklist
        .scale
        .iter()
        .filter(|option| option.credit.is_some())
        .max_by_key(|option| option.credit)
    else {
        return Vec::new();
    };
    let mut list: Vec<LeastInPlace> = items
        .iter()
        .filter_map(|item| {
            let distribution = item.answers.shown()?;
            let in_place = (*distribution.choices.get(&full.id)?)?;
            // Answers of "not applicable" (no credit) leave the item out for that file.
            let not_applicable: Option<usize> = checklist
                .scale
                .iter()
                .filter(|option| option.credit.is_none())
                .map(|option| distribution.choices.get(&option.id).copied().flatten())
                .sum();
            let applies = distribution.applies.checked_sub(not_applicable?)?;
            (applies > 0).then(|| LeastInPlace {
                id: item.id.clone(),
                applies,
                in_place,
                in_place_percent: crate::aggregate::rate(in_place, applies),
            })
        })
        .collect();
    list.sort_by(|a, b| {
        a.in_place_percent
            .total_cmp(&b.in_place_percent)
            .then(b.applies.cmp(&a.applies))
    });
    list.truncate(LEAST_IN_PLACE);
    list
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

    /// The band with these (reason, measure) cells hidden as well.
    fn without(mut self, hidden: &[(String, u8)]) -> BandFigures {
        for (reason, measure) in hidden {
            if let Some(tally) = self.why_not.get_mut(reason) {
                if *measure == 0 {
                    tally.answers = None;
                } else {
                    tally.files = None;
                }
            }
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
                why_not_rows(rows, checklist, band_figures, band_label, lang, hidden);
            }
        }
    }
    if let Some(overall) = figures.why_not_overall.shown() {
        why_not_rows(rows, checklist, overall, l.band_all, lang, hidden);
    }
    let full = checklist
        .scale
        .iter()
        .filter(|option| option.credit.is_some())
        .max_by_key(|option| option.credit);
    for entry in &figures.least_in_place {
        let text = checklist
            .items()
            .find(|(_, item)| item.id == entry.id)
            .map_or(entry.id.as_str(), |(_, item)| item.text.get(lang));
        let section = least_in_place_label(lang);
        let measure = full.map_or("", |option| option.label.get(lang));
        rows.push(
            section,
            "",
            &entry.id,
            text,
            measure,
            format!("{:.1}", entry.in_place_percent),
        );
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

/// The "why not" rows of one group (a size band, or every file).
fn why_not_rows(
    rows: &mut Rows,
    checklist: &Checklist,
    figures: &BandFigures,
    group_label: &str,
    lang: Lang,
    hidden: &str,
) {
    let l = labels(lang);
    for reason in &checklist.why_not {
        let tally = figures
            .why_not
            .get(&reason.id)
            .copied()
            .unwrap_or(WhyNotTally {
                answers: Some(0),
                files: Some(0),
            });
        let count =
            |value: Option<usize>| value.map_or_else(|| hidden.to_string(), |n| n.to_string());
        rows.push(
            l.why_not,
            group_label,
            &reason.id,
            reason.label.get(lang),
            l.count,
            count(tally.answers),
        );
        rows.push(
            l.why_not,
            group_label,
            &reason.id,
            reason.label.get(lang),
            l.files,
            count(tally.files),
        );
    }
}

/// The CSV section of the items least in place.
fn least_in_place_label(lang: Lang) -> &'static str {
    match lang {
        Lang::Ja => "できている割合が低い項目（%）",
        Lang::En => "Items least in place (%)",
    }
}

/// A checklist's part in a center's aggregation: its counts ([`ChecklistTally`]), its
/// figures and their CSV rows; checklists describe workplaces, not people, so a center may
/// lower the minimum group to [`crate::aggregate::MIN_WORKPLACE_GROUP`].
impl KindAggregate for Checklist {
    type Figures = ChecklistFigures;
    const MIN_GROUP_FLOOR: usize = crate::aggregate::MIN_WORKPLACE_GROUP;

    fn tally(&self) -> Result<Option<Box<dyn Tally + '_>>> {
        Ok(Some(Box::new(ChecklistTally::new(self))))
    }

    fn figure_rows(&self, figures: &ChecklistFigures, out: &mut Rows, lang: Lang, hidden: &str) {
        rows(out, self, figures, lang, hidden);
    }

    /// One row per item: file's size band, coverage reached, overall score, then the item,
    /// whether it applies, the answer and the "why not" reasons joined by `;`.
    fn row_columns(&self) -> Vec<RowColumn> {
        vec![
            RowColumn::new("band", CellType::Text, false),
            RowColumn::new("complete", CellType::Bool, false),
            RowColumn::new("percent", CellType::Int, true),
            RowColumn::new("item", CellType::Text, false),
            RowColumn::new("applies", CellType::Bool, false),
            RowColumn::new("choice", CellType::Text, true),
            RowColumn::new("reasons", CellType::Text, false),
        ]
    }

    fn file_cells(&self, answers: &ChecklistAnswers) -> Vec<Vec<Cell>> {
        let rows = file_rows(self, answers);
        rows.items
            .iter()
            .map(|item| {
                vec![
                    Cell::text(&rows.band),
                    Cell::Bool(rows.complete),
                    Cell::opt(rows.percent, Cell::int),
                    Cell::text(&item.item),
                    Cell::Bool(item.applies),
                    Cell::opt(item.choice.as_deref(), Cell::text),
                    Cell::Text(item.reasons.join(";")),
                ]
            })
            .collect()
    }
}

impl Tally for ChecklistTally<'_> {
    fn count(&mut self, state: &KitState) {
        if let Some(answers) = state.get::<Checklist>() {
            self.add(answers);
        }
    }

    fn into_figures(self: Box<Self>, min_group: usize) -> KindFigures {
        (*self).finish(min_group).into()
    }
}
