//! Group analysis of many questionnaire exports (the 仕事のストレス判定図 for the BJSQ
//! packs): the raw means of the pack's analysis measures, and a health risk where the pack
//! carries a model, for the whole and for each group the files name, split by the
//! analysis's respondent answer (sex) as the Technote does.
//!
//! **No figure covers fewer than `min_group` people, and none follows by subtraction.**
//! Each split (e.g. the men) is one partition: its whole, and its groups. A whole under
//! `min_group` is hidden with all its groups. Inside a shown whole, groups under
//! `min_group` are hidden, and then the smallest shown groups too, until the hidden ones
//! together hold at least `min_group` people (or none is hidden): the whole minus the shown
//! groups is then never fewer than `min_group` people. Nothing mixes the splits, so no
//! second breakdown overlaps the first. Incomplete answers are counted apart, never
//! averaged; files that do not import, or repeat an earlier file, are listed and skipped.
//!
//! **Answers stream through in bounded memory** ([`QuestionnaireTally`]): a person's
//! answers are reduced on arrival to the analysis measures' raw values and added to the
//! running sums of their (split, group) cell, then dropped; every figure (means, hiding,
//! health risk) is computed from the sums at the end. Memory grows with the number of
//! distinct groups, not of people.

use std::collections::BTreeMap;

use serde::Serialize;

use super::{Questionnaire, QuestionnaireAnswers, RiskModel};
use crate::aggregate::{
    effective_min_group, Cell, CellType, ExportFile, Group, InvalidFile, KindAggregate,
    KindFigures, RowColumn, Rows, Tally,
};
use crate::error::{Error, Result};
use crate::export::import;
use crate::kind::KitState;
use crate::load::ValidPack;
use crate::report::labels;
use crate::text::Lang;

/// Means (and risks) of one set of people.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Means {
    /// How many people.
    pub n: usize,
    /// Measure id → mean raw value, rounded to one decimal as the 判定図 shows it.
    pub measures: BTreeMap<String, f64>,
    /// Part id → health risk (100 = the national mean), and `total`, when the pack
    /// carries a model for this split.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub risk: BTreeMap<String, f64>,
}

/// One group of a split.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GroupFigures {
    /// The group's label as the files give it.
    pub group: String,
    /// Its figures, or hidden.
    pub figures: Group<Means>,
    /// Hidden although it reached the minimum, so that a smaller group cannot be worked
    /// out by subtraction.
    pub complement: bool,
}

/// One split (e.g. the men): its whole and its groups.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Split {
    /// The respondent answer (e.g. `male`), absent when the analysis has no `by`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
    /// Everyone of the split.
    pub whole: Group<Means>,
    /// Each group the files name, sorted by label; people without a group are only in
    /// the whole.
    pub groups: Vec<GroupFigures>,
}

/// The group analysis.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GroupReport {
    /// The pack aggregated.
    pub pack_id: String,
    /// The minimum group size applied.
    pub min_group: usize,
    /// Files given.
    pub files_read: usize,
    /// Files whose answers are complete and are counted.
    pub files_counted: usize,
    /// Files that imported but are not complete (not averaged).
    pub files_incomplete: usize,
    /// Files skipped, with why.
    pub invalid: Vec<InvalidFile>,
    /// One split per answer of the analysis's `by` (or one).
    pub splits: Vec<Split>,
}

/// The group analysis of answers already imported (what the generic aggregation report
/// carries for a questionnaire pack).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QuestionnaireFigures {
    /// Answers complete and counted.
    pub files_counted: usize,
    /// Answers not complete (not averaged).
    pub files_incomplete: usize,
    /// One split per answer of the analysis's `by` (or one).
    pub splits: Vec<Split>,
}

/// The running sums of one set of people: how many, and the sum of each analysis
/// measure's raw value (in the pack's order).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct Sums {
    n: usize,
    raw: Vec<i64>,
}

impl Sums {
    fn add(&mut self, other: &Sums) {
        self.n += other.n;
        if self.raw.len() < other.raw.len() {
            self.raw.resize(other.raw.len(), 0);
        }
        for (sum, value) in self.raw.iter_mut().zip(&other.raw) {
            *sum += value;
        }
    }
}

/// The group analysis of many people's answers, added one at a time in bounded memory:
/// each person's answers are reduced to the analysis measures' raw values and added to
/// the running sums of their (split, group) cell; nothing else of them is kept.
/// [`QuestionnaireTally::finish`] makes the figures, with every hiding rule, from the
/// sums. Duplicates are the caller's to leave out (the aggregation keeps a fingerprint
/// per file for that).
#[derive(Debug, Clone)]
pub struct QuestionnaireTally<'a> {
    questionnaire: &'a Questionnaire,
    counted: usize,
    incomplete: usize,
    /// (split value, group) → the sums of the people counted in it.
    cells: BTreeMap<(Option<String>, Option<String>), Sums>,
}

impl<'a> QuestionnaireTally<'a> {
    /// An empty tally for `questionnaire`.
    pub fn new(questionnaire: &'a Questionnaire) -> QuestionnaireTally<'a> {
        QuestionnaireTally {
            questionnaire,
            counted: 0,
            incomplete: 0,
            cells: BTreeMap::new(),
        }
    }

    /// Adds one person's answers: incomplete ones are only counted, complete ones add
    /// their raw values to their cell. Nothing when the questionnaire has no group analysis.
    pub fn add(&mut self, answers: &QuestionnaireAnswers) {
        if self.questionnaire.group_analysis.is_none() {
            return;
        }
        let row = person_row(self.questionnaire, answers);
        if !row.complete {
            self.incomplete += 1;
            return;
        }
        self.counted += 1;
        let sums = self.cells.entry((row.split, row.group)).or_default();
        sums.add(&Sums {
            n: 1,
            raw: row
                .measures
                .iter()
                .map(|value| i64::from(value.unwrap_or(0)))
                .collect(),
        });
    }

    /// People counted so far (complete answers).
    pub fn counted(&self) -> usize {
        self.counted
    }

    /// The figures: each split's whole and groups, small groups hidden (and the smallest
    /// shown ones too where a subtraction would single out a small group).
    pub fn finish(self, min_group: usize) -> QuestionnaireFigures {
        let questionnaire = self.questionnaire;
        let Some(analysis) = &questionnaire.group_analysis else {
            return QuestionnaireFigures {
                files_counted: 0,
                files_incomplete: 0,
                splits: Vec::new(),
            };
        };
        let split_values: Vec<Option<String>> = match &analysis.by {
            Some(by) => questionnaire
                .respondent
                .iter()
                .find(|q| &q.id == by)
                .map(|q| q.options.iter().map(|o| Some(o.id.clone())).collect())
                .unwrap_or_default(),
            None => vec![None],
        };
        let mut splits = Vec::new();
        for value in split_values {
            let model = analysis.risk_models.iter().find(|m| m.when == value);
            let mut whole = Sums::default();
            let mut ungrouped = 0;
            let mut by_group: BTreeMap<&str, &Sums> = BTreeMap::new();
            for ((split, group), sums) in &self.cells {
                if *split != value {
                    continue;
                }
                whole.add(sums);
                match group {
                    Some(group) => {
                        by_group.insert(group.as_str(), sums);
                    }
                    None => ungrouped += sums.n,
                }
            }
            let whole_figures =
                Group::of(whole.n, min_group, || means(questionnaire, &whole, model));
            let counts: Vec<usize> = by_group.values().map(|s| s.n).collect();
            let shown = if whole_figures.shown().is_some() {
                shown_groups(&counts, ungrouped, min_group)
            } else {
                vec![false; counts.len()]
            };
            let groups = by_group
                .iter()
                .zip(shown)
                .map(|((label, sums), shown)| GroupFigures {
                    group: (*label).to_string(),
                    complement: !shown && sums.n >= min_group,
                    figures: if shown {
                        Group::Shown(means(questionnaire, sums, model))
                    } else {
                        Group::Hidden { min_group }
                    },
                })
                .collect();
            splits.push(Split {
                value,
                whole: whole_figures,
                groups,
            });
        }
        QuestionnaireFigures {
            files_counted: self.counted,
            files_incomplete: self.incomplete,
            splits,
        }
    }
}

fn means(questionnaire: &Questionnaire, sums: &Sums, model: Option<&RiskModel>) -> Means {
    let Some(analysis) = &questionnaire.group_analysis else {
        return Means {
            n: sums.n,
            measures: BTreeMap::new(),
            risk: BTreeMap::new(),
        };
    };
    let n = sums.n.max(1) as f64;
    // The exact means: the risk is computed from them, the figure shows them rounded.
    let exact: BTreeMap<&str, f64> = analysis
        .measures
        .iter()
        .enumerate()
        .map(|(index, id)| {
            let sum = sums.raw.get(index).copied().unwrap_or(0);
            (id.as_str(), sum as f64 / n)
        })
        .collect();
    let measures = exact
        .iter()
        .map(|(id, mean)| ((*id).to_string(), round1(*mean)))
        .collect();
    let mut risk = BTreeMap::new();
    if let Some(model) = model {
        let mut total = 100.0;
        for part in &model.parts {
            let exponent: f64 = part
                .terms
                .iter()
                .filter_map(|term| {
                    let mean = exact.get(term.measure.as_str())?;
                    Some((mean - term.mean) * term.coefficient)
                })
                .sum();
            let value = 100.0 * exponent.exp();
            total *= value / 100.0;
            risk.insert(part.id.clone(), value.round());
        }
        risk.insert("total".into(), total.round());
    }
    Means {
        n: sums.n,
        measures,
        risk,
    }
}

/// The national mean of a measure that the 判定図 plots as its reference, for one split
/// (e.g. the men): the mean the pack's health-risk model for that split compares with
/// (the Technote's constants A–D are the national means). `None` when the pack carries
/// no model for the split, or the model has no term for the measure: then no reference
/// is drawn.
pub fn reference_mean(
    questionnaire: &Questionnaire,
    split: Option<&str>,
    measure: &str,
) -> Option<f64> {
    let analysis = questionnaire.group_analysis.as_ref()?;
    let model = analysis
        .risk_models
        .iter()
        .find(|m| m.when.as_deref() == split)?;
    model
        .parts
        .iter()
        .flat_map(|part| &part.terms)
        .find(|term| term.measure == measure)
        .map(|term| term.mean)
}

/// Which groups of a shown whole can be shown: none under `min_group`, and then the
/// smallest shown ones are hidden too until the people not in a shown group (the hidden
/// groups and those without a group) are none or at least `min_group`, so the whole minus
/// the shown groups never singles out fewer than `min_group` people.
pub fn shown_groups(counts: &[usize], ungrouped: usize, min_group: usize) -> Vec<bool> {
    let mut shown: Vec<bool> = counts.iter().map(|&c| c >= min_group).collect();
    loop {
        let rest: usize = ungrouped
            + counts
                .iter()
                .zip(&shown)
                .filter(|(_, &s)| !s)
                .map(|(&c, _)| c)
                .sum::<usize>();
        if rest == 0 || rest >= min_group {
            return shown;
        }
        let smallest = counts
            .iter()
            .enumerate()
            .filter(|&(i, _)| shown[i])
            .min_by_key(|&(_, &c)| c)
            .map(|(i, _)| i);
        match smallest {
            Some(i) => shown[i] = false,
            None => return shown,
        }
    }
}

fn round1(value: f64) -> f64 {
    (value * 10.0).round() / 10.0
}

/// The group analysis of exports of a questionnaire pack.
pub fn group_report(
    pack: &ValidPack,
    files: &[ExportFile<'_>],
    min_group: Option<usize>,
) -> Result<GroupReport> {
    let min_group = effective_min_group(min_group);
    let questionnaire = pack
        .content::<Questionnaire>()
        .ok_or_else(|| Error::NotAllowed("not a questionnaire pack".into()))?;
    if questionnaire.group_analysis.is_none() {
        return Err(Error::NotAllowed(
            "this questionnaire has no group analysis".into(),
        ));
    }
    let mut invalid = Vec::new();
    // A 16-byte fingerprint per person, not their answers, finds a repeated file.
    let mut seen = std::collections::HashSet::new();
    let mut tally = QuestionnaireTally::new(questionnaire);
    for file in files {
        let export = match import(pack, file.bytes) {
            Ok(export) => export,
            Err(error) => {
                invalid.push(InvalidFile {
                    name: file.name.to_string(),
                    code: error.code(),
                    message: error.to_string(),
                });
                continue;
            }
        };
        let Some(answers) = export.state.get::<Questionnaire>() else {
            continue;
        };
        if !seen.insert(answers_fingerprint(answers)) {
            invalid.push(InvalidFile {
                name: file.name.to_string(),
                code: "duplicate",
                message: "the same answers as an earlier file".into(),
            });
            continue;
        }
        tally.add(answers);
    }
    let figures = tally.finish(min_group);
    Ok(GroupReport {
        pack_id: pack.pack().id.clone(),
        min_group,
        files_read: files.len(),
        files_counted: figures.files_counted,
        files_incomplete: figures.files_incomplete,
        invalid,
        splits: figures.splits,
    })
}

/// One person's row for `kizuki aggregate --rows`: what the group analysis uses of the
/// answers and nothing more (no item answers, no result).
#[derive(Debug, Clone, PartialEq)]
pub struct PersonRow {
    /// Whether every item is answered (only complete answers are averaged).
    pub complete: bool,
    /// The analysis's respondent answer (e.g. `male`), when it has one.
    pub split: Option<String>,
    /// The group the file names.
    pub group: Option<String>,
    /// The raw value of each analysis measure, in the pack's order (`None` if incomplete).
    pub measures: Vec<Option<i32>>,
}

/// The row of one person's answers, as [`figures`] reads them.
pub fn person_row(questionnaire: &Questionnaire, answers: &QuestionnaireAnswers) -> PersonRow {
    let complete = questionnaire.result(answers).complete;
    let analysis = questionnaire.group_analysis.as_ref();
    PersonRow {
        complete,
        split: analysis
            .and_then(|a| a.by.as_ref())
            .and_then(|by| answers.respondent.get(by).cloned()),
        group: answers.group.clone(),
        measures: analysis
            .map(|a| {
                a.measures
                    .iter()
                    .map(|id| {
                        complete
                            .then(|| questionnaire.measure(id))
                            .flatten()
                            .and_then(|m| questionnaire.measure_raw(answers, m))
                    })
                    .collect()
            })
            .unwrap_or_default(),
    }
}

/// The group analysis of imported answers (one per person, duplicates already left out):
/// incomplete ones counted apart, the rest split and grouped with small groups hidden.
/// Empty splits when the questionnaire has no group analysis. The same as adding each to
/// a [`QuestionnaireTally`].
pub fn figures(
    questionnaire: &Questionnaire,
    answers: &[QuestionnaireAnswers],
    min_group: usize,
) -> QuestionnaireFigures {
    let mut tally = QuestionnaireTally::new(questionnaire);
    for answers in answers {
        tally.add(answers);
    }
    tally.finish(min_group)
}

/// A 128-bit fingerprint of one person's answers: the same answers exported twice (at
/// another time, another revision) have the same fingerprint.
pub(crate) fn answers_fingerprint(answers: &QuestionnaireAnswers) -> u128 {
    crate::aggregate::fingerprint_serialized(answers)
}

/// The report as CSV for spreadsheets (UTF-8 with a byte-order mark, CRLF): one row per
/// shown whole or group, hidden ones written as hidden with no figures.
pub fn group_report_csv(questionnaire: &Questionnaire, report: &GroupReport) -> String {
    splits_csv(questionnaire, &report.splits)
}

/// The same table for the splits of an aggregation report's [`QuestionnaireFigures`]
/// (the aggregation page draws and saves the one report it made, never a second import).
pub fn splits_csv(questionnaire: &Questionnaire, splits: &[Split]) -> String {
    let mut writer = crate::csv_export::CsvText::with_bom();
    let measures: Vec<String> = questionnaire
        .group_analysis
        .as_ref()
        .map(|a| a.measures.clone())
        .unwrap_or_default();
    let parts: Vec<String> = questionnaire
        .group_analysis
        .as_ref()
        .and_then(|a| a.risk_models.first())
        .map(|m| {
            let mut ids: Vec<String> = m.parts.iter().map(|p| p.id.clone()).collect();
            ids.push("total".into());
            ids
        })
        .unwrap_or_default();
    let mut header = vec!["split".to_string(), "group".into(), "n".into()];
    header.extend(measures.iter().cloned());
    header.extend(parts.iter().map(|p| format!("risk_{p}")));
    writer.record(&header);
    for split in splits {
        let value = split.value.clone().unwrap_or_default();
        let rows = std::iter::once(("(all)".to_string(), &split.whole)).chain(
            split.groups.iter().map(|g| {
                (
                    crate::csv_export::neutralise_cell(&g.group).into_owned(),
                    &g.figures,
                )
            }),
        );
        for (group, figures) in rows {
            let mut record = vec![value.clone(), group];
            match figures.shown() {
                Some(m) => {
                    record.push(m.n.to_string());
                    record.extend(measures.iter().map(|id| {
                        m.measures
                            .get(id)
                            .map(|v| format!("{v:.1}"))
                            .unwrap_or_default()
                    }));
                    record.extend(parts.iter().map(|id| {
                        m.risk
                            .get(id)
                            .map(|v| format!("{v:.0}"))
                            .unwrap_or_default()
                    }));
                }
                None => {
                    record.push("hidden".into());
                    record.extend(std::iter::repeat_n(
                        String::new(),
                        measures.len() + parts.len(),
                    ));
                }
            }
            writer.record(&record);
        }
    }
    writer.finish()
}

/// The figures as rows of the generic aggregation CSV (`aggregate::report_csv`): the counts
/// of complete and incomplete answers, then per split and group its people, the mean of
/// each chart scale and any health risk; hidden sets read `hidden`.
pub(crate) fn rows(
    rows: &mut Rows,
    questionnaire: &Questionnaire,
    figures: &QuestionnaireFigures,
    lang: Lang,
    hidden: &str,
) {
    let l = labels(lang);
    let section = l.group_analysis;
    rows.push(
        section,
        "",
        "",
        "",
        l.complete_answers,
        figures.files_counted.to_string(),
    );
    rows.push(
        section,
        "",
        "",
        "",
        l.incomplete_answers,
        figures.files_incomplete.to_string(),
    );
    let by = questionnaire
        .group_analysis
        .as_ref()
        .and_then(|a| a.by.as_ref())
        .and_then(|by| questionnaire.respondent.iter().find(|q| &q.id == by));
    let model_parts = |value: &Option<String>| {
        questionnaire
            .group_analysis
            .as_ref()
            .and_then(|a| a.risk_models.iter().find(|m| &m.when == value))
            .map(|m| m.parts.as_slice())
            .unwrap_or_default()
    };
    let measure_order: &[String] = questionnaire
        .group_analysis
        .as_ref()
        .map(|a| a.measures.as_slice())
        .unwrap_or_default();
    for split in &figures.splits {
        let split_label = match (&split.value, by) {
            (Some(value), Some(question)) => question
                .options
                .iter()
                .find(|o| &o.id == value)
                .map_or(value.as_str(), |o| o.label.get(lang)),
            (Some(value), None) => value.as_str(),
            (None, _) => l.band_all,
        };
        let sets = std::iter::once((l.band_all.to_string(), &split.whole)).chain(
            split.groups.iter().map(|g| {
                (
                    crate::csv_export::neutralise_cell(&g.group).into_owned(),
                    &g.figures,
                )
            }),
        );
        for (group, set) in sets {
            let place = format!("{split_label} / {group}");
            let Some(means) = set.shown() else {
                rows.push(section, &place, "", "", l.people, hidden.to_string());
                continue;
            };
            rows.push(section, &place, "", "", l.people, means.n.to_string());
            // In the pack's order (workload, control, supervisor, coworkers), not by id.
            for id in measure_order {
                let Some(mean) = means.measures.get(id) else {
                    continue;
                };
                let label = questionnaire.measure(id).map_or("", |m| m.label.get(lang));
                rows.push(section, &place, id, label, l.mean_raw, format!("{mean:.1}"));
            }
            for part in model_parts(&split.value) {
                if let Some(risk) = means.risk.get(&part.id) {
                    let label = part.label.get(lang);
                    rows.push(
                        section,
                        &place,
                        &part.id,
                        label,
                        l.health_risk,
                        format!("{risk:.0}"),
                    );
                }
            }
            if let Some(total) = means.risk.get("total") {
                rows.push(
                    section,
                    &place,
                    "total",
                    l.total_health_risk,
                    l.health_risk,
                    format!("{total:.0}"),
                );
            }
        }
    }
}

/// A questionnaire's part in a center's aggregation: the group analysis (its running sums,
/// [`QuestionnaireTally`]), when the pack has one; one person's answers exported twice are
/// one person.
impl KindAggregate for Questionnaire {
    type Figures = QuestionnaireFigures;

    fn tally(&self) -> Result<Option<Box<dyn Tally + '_>>> {
        Ok(self
            .group_analysis
            .is_some()
            .then(|| Box::new(QuestionnaireTally::new(self)) as Box<dyn Tally + '_>))
    }

    fn same_export(answers: &QuestionnaireAnswers) -> Option<u128> {
        Some(answers_fingerprint(answers))
    }

    fn figure_rows(
        &self,
        figures: &QuestionnaireFigures,
        out: &mut Rows,
        lang: Lang,
        hidden: &str,
    ) {
        rows(out, self, figures, lang, hidden);
    }

    /// One row per person: complete, the split answer (such as sex), the group, the raw
    /// value of each group-analysis measure; nothing else of the answers.
    fn row_columns(&self) -> Vec<RowColumn> {
        let mut columns = vec![
            RowColumn::new("complete", CellType::Bool, false),
            RowColumn::new("split", CellType::Text, true),
            RowColumn::new("group", CellType::Text, true),
        ];
        for id in self.group_analysis.iter().flat_map(|a| a.measures.iter()) {
            columns.push(RowColumn::new(id.clone(), CellType::Int, true));
        }
        columns
    }

    fn file_cells(&self, answers: &QuestionnaireAnswers) -> Vec<Vec<Cell>> {
        let row = person_row(self, answers);
        let mut cells = vec![
            Cell::Bool(row.complete),
            Cell::opt(row.split.as_deref(), Cell::text),
            Cell::opt(row.group.as_deref(), Cell::text),
        ];
        cells.extend(row.measures.iter().map(|m| Cell::opt(*m, Cell::int)));
        vec![cells]
    }
}

impl Tally for QuestionnaireTally<'_> {
    fn count(&mut self, state: &KitState) {
        if let Some(answers) = state.get::<Questionnaire>() {
            self.add(answers);
        }
    }

    fn into_figures(self: Box<Self>, min_group: usize) -> KindFigures {
        (*self).finish(min_group).into()
    }
}
