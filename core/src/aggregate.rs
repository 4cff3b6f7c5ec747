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

use crate::kind::checklist::aggregate as checklist;
use crate::kind::course::aggregate as course;
pub use checklist::{
    AreaFigures, BandFigures, ChecklistFigures, ItemDistribution, ItemFigures, SizeBand,
    WhyNotTally, BAND_ALL, BAND_UNANSWERED, SIZE_QUESTION,
};
pub use course::{
    CourseFigures, FeedbackFigures, FeedbackNumbers, ModuleFigures, ModuleNumbers, QuizNumbers,
};

use crate::csv_export::write_csv;
use crate::error::{Error, Result};
use crate::export::{import, Export};
use crate::kind::checklist::Checklist;
#[cfg(feature = "checklist")]
use crate::kind::checklist::ChecklistAnswers;
use crate::kind::course::Course;
#[cfg(feature = "course")]
use crate::kind::course::CourseProgress;
use crate::load::ValidPack;
use crate::report::{fill_number, labels};
use crate::text::Lang;

/// The smallest group whose figures are shown; smaller requests are raised to it.
pub const DEFAULT_MIN_GROUP: usize = 10;

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
    /// Its kind (`checklist` or `course`).
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
    /// Checklist figures, unless hidden.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub checklist: Option<ChecklistFigures>,
    /// Course figures, unless hidden.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub course: Option<CourseFigures>,
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

/// The minimum group size to apply: the request, raised to at least [`DEFAULT_MIN_GROUP`].
pub fn effective_min_group(requested: Option<usize>) -> usize {
    requested
        .unwrap_or(DEFAULT_MIN_GROUP)
        .max(DEFAULT_MIN_GROUP)
}

/// Aggregates exports of `pack`. Each file goes through [`import`]; files that fail, and
/// files equal to an earlier one, are listed in `invalid` and skipped. Fails only for a
/// plan pack, which is never aggregated.
pub fn aggregate(
    pack: &ValidPack,
    files: &[ExportFile<'_>],
    min_group: Option<usize>,
) -> Result<AggregateReport> {
    let min_group = effective_min_group(min_group);
    let kind = pack.pack().kit.kind_name();
    if kind == "plan" {
        return Err(Error::NotAllowed(
            "return-to-work cases hold health information and are not aggregated".into(),
        ));
    }
    let mut valid: Vec<(&str, Export)> = Vec::new();
    let mut invalid = Vec::new();
    // Files already counted, by (saved_at, revision): a duplicate shares both, so only those
    // few are compared in full (comparing with every earlier file grew with the square).
    let mut seen: HashMap<(String, u64), Vec<usize>> = HashMap::new();
    for file in files {
        match import(pack, file.bytes) {
            Ok(export) => {
                let same_key = seen
                    .entry((export.saved_at.clone(), export.revision))
                    .or_default();
                if let Some((first, _)) = same_key
                    .iter()
                    .map(|&index| &valid[index])
                    .find(|(_, e)| *e == export)
                {
                    invalid.push(InvalidFile {
                        name: file.name.to_string(),
                        code: "duplicate",
                        message: format!("the same export as `{first}`; counted once"),
                    });
                } else {
                    same_key.push(valid.len());
                    valid.push((file.name, export));
                }
            }
            Err(error) => invalid.push(InvalidFile {
                name: file.name.to_string(),
                code: error.code(),
                message: error.to_string(),
            }),
        }
    }
    let hidden = valid.len() < min_group;
    let mut report = AggregateReport {
        pack_id: pack.pack().id.clone(),
        pack_version: pack.pack().version.clone(),
        kind,
        min_group,
        files_read: files.len(),
        files_valid: valid.len(),
        invalid,
        hidden,
        checklist: None,
        course: None,
    };
    if hidden {
        return Ok(report);
    }
    if let Some(checklist) = pack.content::<Checklist>() {
        let answers: Vec<&ChecklistAnswers> = valid
            .iter()
            .filter_map(|(_, e)| e.state.get::<Checklist>())
            .collect();
        report.checklist = Some(checklist::figures(checklist, &answers, min_group));
    } else if let Some(course) = pack.content::<Course>() {
        let progress: Vec<&CourseProgress> = valid
            .iter()
            .filter_map(|(_, e)| e.state.get::<Course>())
            .collect();
        report.course = Some(course::figures(course, &progress, min_group));
    }
    Ok(report)
}

/// A percentage with one decimal, rounded half up.
pub(crate) fn rate(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        return 0.0;
    }
    let tenths = (part as u64 * 1000 + whole as u64 / 2) / whole as u64;
    tenths as f64 / 10.0
}

/// The mean of percentages, with one decimal.
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
    for file in &report.invalid {
        rows.push(
            l.invalid_file,
            "",
            "",
            &file.name,
            file.code,
            file.message.clone(),
        );
    }
    if report.hidden {
        rows.push(l.files, "", "", "", l.value, hidden);
        return rows.finish(l);
    }
    if let (Some(checklist), Some(figures)) = (pack.content::<Checklist>(), &report.checklist) {
        checklist::rows(&mut rows, checklist, figures, lang, &hidden);
    } else if let (Some(course), Some(figures)) = (pack.content::<Course>(), &report.course) {
        course::rows(&mut rows, course, figures, lang, &hidden);
    }
    rows.finish(l)
}

#[derive(Default)]
pub(crate) struct Rows(Vec<Vec<String>>);

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
