//! Aggregation of many exports of one pack, for a support center that received them:
//! counts, answer distributions, mean scores, "why not" tallies, course completion and
//! pass rates and feedback, with small groups hidden.
//!
//! **No figure is computed over fewer than `min_group` files** (at least
//! [`DEFAULT_MIN_GROUP`]): a size band, an item, an area, a module, a quiz or a feedback
//! question answered by fewer files is reported only as hidden, and the whole report is
//! hidden below that many valid files. Free text is never aggregated. Return-to-work cases
//! hold health information and are never aggregated.
//!
//! **No cell counts fewer than [`MIN_CELL`] files either**, and none follows by
//! subtraction ([`suppress_cells`]): inside a shown item, a count of 1 or 2 is hidden,
//! and so is the next smallest count until the hidden ones are at least two and add up to
//! `MIN_CELL`; size bands are hidden the same way against `min_group` (the total of files
//! is shown); a quiz's passes or a feedback question's positive answers are hidden when
//! either they or the rest are fewer than `MIN_CELL`.

use std::collections::HashMap;

use serde::Serialize;

// Each kind's figures and tally live in its own `kind/<kind>/aggregate.rs`; these names are
// kept here for the callers (the CLI, the tests) that import them from this module.
#[cfg(feature = "checklist")]
pub use crate::kind::checklist::aggregate::{
    file_rows, AreaFigures, BandFigures, ChecklistFigures, ChecklistTally, FileRows,
    ItemDistribution, ItemFigures, ItemRow, LeastInPlace, SizeBand, WhyNotTally, BAND_ALL,
    BAND_UNANSWERED, LEAST_IN_PLACE, SIZE_QUESTION,
};
#[cfg(feature = "course")]
pub use crate::kind::course::aggregate::{
    course_file_rows, CourseFigures, CourseFileRows, CourseTally, FeedbackFigures, FeedbackNumbers,
    ModuleFigures, ModuleNumbers, ModuleRow, QuizNumbers,
};
pub use crate::kind::KindFigures;

mod fingerprint;
pub(crate) use fingerprint::fingerprint_serialized;

use crate::csv_export::write_csv;
use crate::error::{Error, Result};
use crate::export::{import, Export};
use crate::kind::{Kind, KindAccess, Kit, KitState};
use crate::load::ValidPack;
use crate::report::{fill_number, labels};
use crate::text::Lang;

/// What a kind gives a center's aggregation of its exports. Each kind implements it in its
/// `kind/<kind>/aggregate.rs` (the plan, never aggregated, beside its `impl Kind`), and the
/// `kinds!` list dispatches it: this file names no kind, and a new kind adds no arm here.
pub trait KindAggregate: Kind {
    /// The kind's figures: in the report's JSON under the kind's name (`"checklist": {…}`).
    type Figures: Serialize + Clone + PartialEq + std::fmt::Debug + 'static;

    /// The lowest minimum group a center may set for exports of this kind: anything about
    /// people keeps [`DEFAULT_MIN_GROUP`] (checklists, about workplaces, lower it).
    const MIN_GROUP_FLOOR: usize = DEFAULT_MIN_GROUP;

    /// Starts the running tally of the pack's exports: `Ok(None)` when the pack has nothing
    /// to tally (a questionnaire without a group analysis); an error when the kind is never
    /// aggregated (the default: a new kind is aggregated only once it says how).
    fn tally(&self) -> Result<Option<Box<dyn Tally + '_>>> {
        Err(Error::NotAllowed(format!(
            "exports of a {} are not aggregated",
            Self::NAME
        )))
    }

    /// What makes two exports one for counting: `Some` fingerprint of what they share (a
    /// person's answers, exported twice at different times); `None` compares the whole
    /// export (its fingerprint: `aggregate/fingerprint.rs`).
    fn same_export(_state: &Self::State) -> Option<u128> {
        None
    }

    /// The figures as rows of the report's CSV ([`report_csv`]); `hidden` words a figure
    /// hidden below the minimum group.
    fn figure_rows(&self, _figures: &Self::Figures, _out: &mut Rows, _lang: Lang, _hidden: &str) {}

    /// The columns of this kind's per-file rows (`kizuki aggregate --rows`), after the
    /// `file_no` and `file` every table starts with.
    fn row_columns(&self) -> Vec<RowColumn> {
        Vec::new()
    }

    /// One counted export's per-file rows: the cells after `file_no` and `file`, one vector
    /// per row, in [`KindAggregate::row_columns`]' order.
    fn file_cells(&self, _state: &Self::State) -> Vec<Vec<Cell>> {
        Vec::new()
    }
}

/// A column of the per-file rows: its name, its type, and whether a cell may be empty.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowColumn {
    /// The column's name (from the pack's ids where it names a question or measure).
    pub name: String,
    /// What its cells hold.
    pub cell: CellType,
    /// Whether a cell may be empty ([`Cell::Null`]).
    pub optional: bool,
}

impl RowColumn {
    /// A column named `name` of `cell`s, empty cells allowed when `optional`.
    pub fn new(name: impl Into<String>, cell: CellType, optional: bool) -> RowColumn {
        RowColumn {
            name: name.into(),
            cell,
            optional,
        }
    }
}

/// What a column's cells hold (every integer is 64-bit; text is UTF-8).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CellType {
    /// Integers.
    Int,
    /// Text.
    Text,
    /// True or false.
    Bool,
}

/// One cell of the per-file rows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cell {
    /// An integer.
    Int(i64),
    /// A text.
    Text(String),
    /// True or false.
    Bool(bool),
    /// Empty.
    Null,
}

impl Cell {
    /// An integer cell (a count too large for 64 bits reads as the largest).
    pub fn int(value: impl TryInto<i64>) -> Cell {
        Cell::Int(value.try_into().unwrap_or(i64::MAX))
    }

    /// A text cell.
    pub fn text(value: &str) -> Cell {
        Cell::Text(value.to_string())
    }

    /// `make(value)`, or an empty cell.
    pub fn opt<T>(value: Option<T>, make: impl FnOnce(T) -> Cell) -> Cell {
        value.map_or(Cell::Null, make)
    }
}

/// One kind's running counts of the exports an [`Aggregation`] counts: each state is
/// reduced on arrival, then dropped, so memory does not grow with the number of files.
pub trait Tally {
    /// Counts one imported state (a state of another kind is not counted).
    fn count(&mut self, state: &KitState);
    /// The figures from the counts, groups under `min_group` hidden.
    fn into_figures(self: Box<Self>, min_group: usize) -> KindFigures;
}

/// The figures of a kind that is never aggregated (the plan): there are none.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub enum NotAggregated {}

/// The smallest group whose figures are shown by default, and always for data about
/// people (course records): smaller requests are raised to it.
pub const DEFAULT_MIN_GROUP: usize = 10;

/// The smallest group a center may choose for checklist exports, which describe workplaces,
/// not people: a pilot with a few workplaces can see its figures. Small cells stay hidden.
pub const MIN_WORKPLACE_GROUP: usize = MIN_CELL;

/// The lowest minimum group a center may set for exports of this kind: checklists describe
/// workplaces ([`MIN_WORKPLACE_GROUP`]); anything about people keeps [`DEFAULT_MIN_GROUP`].
pub fn min_group_floor(kind: &str) -> usize {
    Kit::min_group_floor_of(kind).unwrap_or(DEFAULT_MIN_GROUP)
}

/// The minimum group to apply to exports of `kind`: the request (default
/// [`DEFAULT_MIN_GROUP`]), raised to at least [`min_group_floor`].
pub fn effective_min_group_for(kind: &str, requested: Option<usize>) -> usize {
    requested
        .unwrap_or(DEFAULT_MIN_GROUP)
        .max(min_group_floor(kind))
}

/// The smallest count shown inside a shown group (a count of 1 or 2 points at people).
pub const MIN_CELL: usize = 3;

/// Small-cell and complementary suppression of counts that add up to a shown total: every
/// count from 1 to `min - 1` is hidden, then the smallest shown non-zero counts too, until
/// the hidden counts are at least two and add up to at least `min`, so that none of them
/// can be worked out from the total and the rest. Zero is shown. `None` is hidden.
pub fn suppress_cells(counts: &[usize], min: usize) -> Vec<Option<usize>> {
    let mut hidden: Vec<bool> = counts.iter().map(|&c| c > 0 && c < min).collect();
    if hidden.iter().any(|&h| h) {
        loop {
            let (number, sum) = counts
                .iter()
                .zip(&hidden)
                .filter(|(_, &h)| h)
                .fold((0, 0), |(n, s), (&c, _)| (n + 1, s + c));
            if number >= 2 && sum >= min {
                break;
            }
            let next = counts
                .iter()
                .enumerate()
                .filter(|&(i, &c)| !hidden[i] && c > 0)
                .min_by_key(|&(_, &c)| c)
                .map(|(i, _)| i);
            match next {
                Some(i) => hidden[i] = true,
                None => break,
            }
        }
    }
    counts
        .iter()
        .zip(hidden)
        .map(|(&c, h)| (!h).then_some(c))
        .collect()
}

/// Whether a part of a shown whole (passes of attempts, positive of answered) can be shown:
/// neither it nor the rest is a small cell.
pub(crate) fn part_can_show(part: usize, whole: usize) -> bool {
    let rest = whole.saturating_sub(part);
    let small = |count: usize| count > 0 && count < MIN_CELL;
    !small(part) && !small(rest)
}

/// One file to aggregate: its name (for the list of invalid files) and its bytes.
#[derive(Debug, Clone, Copy)]
pub struct ExportFile<'a> {
    /// The file name as received.
    pub name: &'a str,
    /// The file's content.
    pub bytes: &'a [u8],
}

/// Figures for a group, or nothing when the group is smaller than the minimum.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Group<T> {
    /// The group is large enough.
    Shown(T),
    /// The group has fewer than `min_group` files; nothing about it is shown.
    Hidden {
        /// The minimum group size that was not reached.
        min_group: usize,
    },
}

impl<T> Group<T> {
    pub(crate) fn of(size: usize, min_group: usize, figures: impl FnOnce() -> T) -> Group<T> {
        if size >= min_group {
            Group::Shown(figures())
        } else {
            Group::Hidden { min_group }
        }
    }

    /// The figures, when shown.
    pub fn shown(&self) -> Option<&T> {
        match self {
            Group::Shown(figures) => Some(figures),
            Group::Hidden { .. } => None,
        }
    }
}

/// What many exports of one pack add up to.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AggregateReport {
    /// The pack aggregated.
    pub pack_id: String,
    /// Its version.
    pub pack_version: String,
    /// Its kind (`checklist`, `course` or `questionnaire`).
    pub kind: &'static str,
    /// The minimum group size applied.
    pub min_group: usize,
    /// Files given.
    pub files_read: usize,
    /// Files that imported and were counted.
    pub files_valid: usize,
    /// Files skipped, with why.
    pub invalid: Vec<InvalidFile>,
    /// True when fewer than `min_group` files were valid: no figures at all.
    pub hidden: bool,
    /// The kind's figures, in JSON under the kind's name (`checklist`, `course`, or
    /// `questionnaire`: the group analysis, e.g. the 仕事のストレス判定図 means by sex and
    /// group, with the same hiding), unless hidden or the pack has nothing to tally (a
    /// questionnaire without a group analysis). Read them typed with [`Self::figures`].
    #[serde(flatten, skip_serializing_if = "Option::is_none")]
    pub kind_figures: Option<KindFigures>,
}

impl AggregateReport {
    /// The figures of kind `K`, when shown and of that kind: `report.figures::<Checklist>()`.
    pub fn figures<K: KindAggregate + KindAccess>(&self) -> Option<&K::Figures> {
        self.kind_figures.as_ref()?.as_any().downcast_ref()
    }
}

/// A file that was skipped.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct InvalidFile {
    /// The file name.
    pub name: String,
    /// A stable code: an [`Error::code`], or `duplicate` for a file equal to an earlier one.
    pub code: &'static str,
    /// What is wrong, in English.
    pub message: String,
}

/// The minimum group size to apply to data about people: the request, raised to at least
/// [`DEFAULT_MIN_GROUP`] (see [`effective_min_group_for`] for checklists).
pub fn effective_min_group(requested: Option<usize>) -> usize {
    requested
        .unwrap_or(DEFAULT_MIN_GROUP)
        .max(DEFAULT_MIN_GROUP)
}

/// Aggregates exports of `pack`. Each file goes through [`import`]; files that fail, and
/// files equal to an earlier one, are listed in `invalid` and skipped. Fails only for a
/// plan pack, which is never aggregated. The same as adding each file to an
/// [`Aggregation`].
pub fn aggregate(
    pack: &ValidPack,
    files: &[ExportFile<'_>],
    min_group: Option<usize>,
) -> Result<AggregateReport> {
    let mut aggregation = Aggregation::new(pack, min_group)?;
    for file in files {
        aggregation.add(file.name, file.bytes);
    }
    Ok(aggregation.finish())
}

/// Many exports of one pack, added one at a time. The pack's kind keeps only running
/// counts or sums ([`Tally`]: a checklist's counts, a course's per module, a
/// questionnaire's sums per sex and group), plus a 16-byte fingerprint per counted file (to
/// find duplicates), so any number of files can stream through in bounded memory.
pub struct Aggregation<'a> {
    pack: &'a ValidPack,
    kind: &'static str,
    min_group: usize,
    files_read: usize,
    files_valid: usize,
    invalid: Vec<InvalidFile>,
    /// Fingerprints of the files counted: their number in the order read.
    seen: HashMap<u128, usize>,
    /// The kind's running counts (none when the pack has nothing to tally).
    tally: Option<Box<dyn Tally + 'a>>,
}

impl<'a> Aggregation<'a> {
    /// Starts an aggregation of exports of `pack`; fails for a kind never aggregated (the
    /// plan).
    pub fn new(pack: &'a ValidPack, min_group: Option<usize>) -> Result<Aggregation<'a>> {
        let kit = &pack.pack().kit;
        let tally = kit.tally()?;
        let kind = kit.kind_name();
        Ok(Aggregation {
            pack,
            kind,
            min_group: effective_min_group_for(kind, min_group),
            files_read: 0,
            files_valid: 0,
            invalid: Vec::new(),
            seen: HashMap::new(),
            tally,
        })
    }

    /// Adds one file: imported, counted unless it is invalid or equal to a file already
    /// counted (then listed in the report's `invalid`). Returns the export when counted.
    pub fn add(&mut self, name: &str, bytes: &[u8]) -> Option<Export> {
        self.files_read += 1;
        let export = match import(self.pack, bytes) {
            Ok(export) => export,
            Err(error) => {
                self.invalid.push(InvalidFile {
                    name: name.to_string(),
                    code: error.code(),
                    message: error.to_string(),
                });
                return None;
            }
        };
        // A kind may say what makes two exports one (a questionnaire: the same answers
        // exported twice, at another time, are one person, counted once).
        let fingerprint = export
            .state
            .same_export()
            .unwrap_or_else(|| fingerprint_serialized(&export));
        if let Some(first) = self.seen.get(&fingerprint) {
            self.invalid.push(InvalidFile {
                name: name.to_string(),
                code: "duplicate",
                message: format!("the same export as file no. {first}; counted once"),
            });
            return None;
        }
        self.seen.insert(fingerprint, self.files_read);
        self.files_valid += 1;
        if let Some(tally) = &mut self.tally {
            tally.count(&export.state);
        }
        Some(export)
    }

    /// The report: figures unless fewer than the minimum group of files were counted.
    pub fn finish(self) -> AggregateReport {
        let hidden = self.files_valid < self.min_group;
        let min_group = self.min_group;
        AggregateReport {
            pack_id: self.pack.pack().id.clone(),
            pack_version: self.pack.pack().version.clone(),
            kind: self.kind,
            min_group,
            files_read: self.files_read,
            files_valid: self.files_valid,
            invalid: self.invalid,
            hidden,
            kind_figures: self
                .tally
                .filter(|_| !hidden)
                .map(|tally| tally.into_figures(min_group)),
        }
    }
}

/// `part` of `whole` in percent with one decimal, as every figure of the report is rounded.
pub fn share_percent(part: usize, whole: usize) -> f64 {
    rate(part, whole)
}

/// A percentage with one decimal, rounded half up.
pub(crate) fn rate(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        return 0.0;
    }
    let tenths = (part as u64 * 1000 + whole as u64 / 2) / whole as u64;
    tenths as f64 / 10.0
}

/// The mean of percentages, with one decimal (the checklist keeps a running sum instead).
#[allow(dead_code)]
pub(crate) fn mean(values: &[u8]) -> f64 {
    let sum: usize = values.iter().map(|&v| usize::from(v)).sum();
    rate(sum, values.len() * 100)
}

/// The report as pretty JSON ending in a newline.
pub fn report_json(report: &AggregateReport) -> String {
    let mut json = serde_json::to_string_pretty(report).unwrap_or_default();
    json.push('\n');
    json
}

/// The report as a CSV table (BOM, CRLF): one figure per row, with section, group, id,
/// label, measure and value; labels in `lang`. Hidden figures read "hidden (n < 10)".
pub fn report_csv(pack: &ValidPack, report: &AggregateReport, lang: Lang) -> String {
    let l = labels(lang);
    let hidden = fill_number(
        l.hidden_below,
        i64::try_from(report.min_group).unwrap_or(i64::MAX),
    );
    let mut rows = Rows::default();
    rows.push(l.files, "", "", "", l.files, report.files_valid.to_string());
    // In the report's language only: the reason in words, never the English message.
    for file in &report.invalid {
        rows.push(
            l.invalid_file,
            "",
            file.code,
            &file.name,
            l.invalid_file,
            file_problem(lang, file.code).to_string(),
        );
    }
    if report.hidden {
        rows.push(l.files, "", "", "", l.value, hidden);
        return rows.finish(l);
    }
    if let Some(figures) = &report.kind_figures {
        pack.pack()
            .kit
            .figure_rows(figures, &mut rows, lang, &hidden);
    }
    rows.finish(l)
}

/// Why a file was left out, in words, for the CSV (the page words it from its locale).
pub fn file_problem(lang: Lang, code: &str) -> &'static str {
    match (lang, code) {
        (Lang::Ja, "duplicate") => "前のファイルと同じ内容（1件として数えました）",
        (Lang::Ja, "invalid_json") => "JSON形式のファイルではありません",
        (Lang::Ja, "not_an_export") => "気づき（Kizuki）で書き出したファイルではありません",
        (Lang::Ja, "wrong_pack") => "別のキットのファイルです",
        (Lang::Ja, "future_version") => "新しい版で作られたファイルです",
        (Lang::Ja, "does_not_fit") => "このキットの内容と合いません",
        (Lang::Ja, "too_large") => "ファイルが大きすぎます",
        (Lang::Ja, "unknown_id" | "invalid_date") => "内容に誤りがあります",
        (Lang::Ja, _) => "使えないファイルです",
        (Lang::En, "duplicate") => "Same as an earlier file (counted once)",
        (Lang::En, "invalid_json") => "Not a JSON file",
        (Lang::En, "not_an_export") => "Not a file exported from Kizuki",
        (Lang::En, "wrong_pack") => "A file of another kit",
        (Lang::En, "future_version") => "Made by a newer version",
        (Lang::En, "does_not_fit") => "Does not fit this kit's content",
        (Lang::En, "too_large") => "The file is too large",
        (Lang::En, "unknown_id" | "invalid_date") => "The content has errors",
        (Lang::En, _) => "The file cannot be used",
    }
}

/// The rows of the report's CSV ([`report_csv`]) being written: section, group, id, label,
/// measure, value; each kind writes its figures' ([`KindAggregate::figure_rows`]).
#[derive(Default)]
pub struct Rows(Vec<Vec<String>>);

impl Rows {
    pub(crate) fn push(
        &mut self,
        section: &str,
        group: &str,
        id: &str,
        label: &str,
        measure: &str,
        value: String,
    ) {
        self.0.push(vec![
            section.to_string(),
            group.to_string(),
            id.to_string(),
            label.to_string(),
            measure.to_string(),
            value,
        ]);
    }

    fn finish(self, l: &crate::report::Labels) -> String {
        write_csv(
            &[l.section, l.group, "id", l.item, l.measure, l.value],
            &self.0,
        )
    }
}

pub(crate) fn shown_or<T>(
    group: &Group<T>,
    hidden: &str,
    value: impl FnOnce(&T) -> String,
) -> String {
    group.shown().map_or_else(|| hidden.to_string(), value)
}
