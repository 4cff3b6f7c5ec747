//! The checklist's UI strings, one JSON file per locale (`web/locales/{ja,en}/checklist.json`).
//!
//! Content (areas, items, scale, levels, helpers) comes from the pack; these are only the
//! words around it. Placeholders are written `{name}` and filled with [`fill`].

use kizuki_core::Lang;
use serde::Deserialize;

use crate::locale::LocaleCells;

/// Every string of the checklist's UI, in one language (English shown in the docs).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChecklistText {
    /// A checklist to see for yourself how far your workplace's mental-health measures have com…
    pub intro: String,
    /// Your answers are saved automatically in this browser and are never sent anywhere.
    pub autosave_note: String,
    /// About your workplace
    pub profile_heading: String,
    /// First, tell us about your workplace. The items asked, and which are legal duties, depend…
    pub profile_intro: String,
    /// Answer every question to start the checklist.
    pub profile_incomplete: String,
    /// Start the checklist
    pub start: String,
    /// {answered} / {total} answered
    pub progress: String,
    /// Progress
    pub progress_label: String,
    /// Area {n} of {total}
    pub area_step: String,
    /// This area: {answered} / {total} answered
    pub area_answered: String,
    /// Previous area
    pub previous_area: String,
    /// Next area
    pub next_area: String,
    /// See the results
    pub to_results: String,
    /// Back to the answers
    pub back_to_answers: String,
    /// Checklist contents
    pub nav_label: String,
    /// About your workplace
    pub nav_profile: String,
    /// Results
    pub nav_results: String,
    /// {answered}/{total}
    pub nav_count: String,
    /// answered
    pub nav_complete: String,
    /// (shown)
    pub nav_current: String,
    /// No items apply to this workplace.
    pub no_items: String,
    /// Why it matters / What shows it
    pub item_details: String,
    /// Why it matters
    pub why_heading: String,
    /// What shows it is in place
    pub evidence_heading: String,
    /// The rule today (changed since the source was written)
    pub updates_heading: String,
    /// (as of {date})
    pub update_as_of: String,
    /// Sources
    pub sources_heading: String,
    /// Legal duty
    pub obligation_legal_duty: String,
    /// Duty to endeavour
    pub obligation_effort_duty: String,
    /// Recommended
    pub obligation_recommended: String,
    /// Status
    pub obligation_label: String,
    /// Why is it not (fully) in place? (tick all that apply)
    pub why_not_legend: String,
    /// Other reason (in your words)
    pub why_not_other_label: String,
    /// Results
    pub results_heading: String,
    /// These results are a guide for checking your own measures. They do not diagnose or judge …
    pub not_a_diagnosis: String,
    /// {remaining} items are not answered yet. Answer them to include them in the results.
    pub results_incomplete: String,
    /// Where the workplace stands
    pub overall_heading: String,
    /// Overall {percent}%
    pub overall_score: String,
    /// Level: {level}
    pub overall_level: String,
    /// No answer gives a score yet. Scores come from items answered in place, partly or not in …
    pub no_score: String,
    /// By area
    pub chart_heading: String,
    /// Score by area (%)
    pub chart_label: String,
    /// not answered
    pub chart_no_score: String,
    /// What to do first (action plan)
    pub plan_heading: String,
    /// Ordered by legal duty, importance and ease. Owners and target dates you enter also go in…
    pub plan_intro: String,
    /// No item was answered as not (fully) in place.
    pub plan_empty: String,
    /// Show the other {n} items
    pub plan_show_all: String,
    /// Show only the first {n} items
    pub plan_show_fewer: String,
    /// Priority {rank}
    pub rank: String,
    /// Answer now: {answer}
    pub current_answer: String,
    /// What you can do
    pub recommendation_heading: String,
    /// Help
    pub helpers_heading: String,
    /// About these sources of help
    pub helpers_more: String,
    /// Owner
    pub owner_label: String,
    /// Target date
    pub due_label: String,
    /// Done
    pub done_label: String,
    /// Where to get help
    pub help_heading: String,
    /// You can ask this center about these measures.
    pub help_intro_center: String,
    /// Above the regional resource directory.
    pub help_intro_directory: String,
    /// Mental-health plan (draft)
    pub draft_heading: String,
    /// A draft made from your answers and the action plan. Edit it freely; your edits are kept …
    pub draft_intro: String,
    /// 1. Policy
    pub draft_policy: String,
    /// 2. Organisation and measures in place
    pub draft_organisation: String,
    /// 3. Priority measures
    pub draft_priorities: String,
    /// 4. Evaluation and review
    pub draft_evaluation: String,
    /// This workplace treats the mental health of its workers as an important matter and, follo…
    pub draft_policy_text: String,
    /// Person in charge: (fill in) Where to consult: (fill in)  Measures in place now:
    pub draft_organisation_intro: String,
    /// (no item is answered as in place yet)
    pub draft_organisation_none: String,
    /// {rank}. {item}
    pub draft_priority_line: String,
    /// Measure: {recommendation}
    pub draft_priority_detail: String,
    /// Owner: {owner}   Target date: {due}
    pub draft_priority_owner: String,
    /// (done)
    pub draft_priority_done: String,
    /// not decided
    pub draft_unset: String,
    /// (no item is answered as not fully in place yet)
    pub draft_priorities_none: String,
    /// Check as of {date}: {score}  Once a year, the workplace runs this checklist again, compa…
    pub draft_evaluation_text: String,
    /// - {area}: {score}
    pub draft_evaluation_area: String,
    /// {percent}% ({level})
    pub draft_score: String,
    /// (edited)
    pub draft_edited: String,
    /// Rebuild this section from the answers
    pub draft_reset: String,
    /// Print
    pub print: String,
    /// Choose “Save as PDF” in the print dialog to keep a PDF file.
    pub print_hint: String,
    /// Save, load, erase
    pub files_heading: String,
    /// To continue on another device, or to keep a record, save your answers to a file.
    pub files_intro: String,
    /// Save as a JSON file
    pub export_json: String,
    /// Save as a CSV file (for spreadsheets)
    pub export_csv: String,
    /// Saved the file “{file}”.
    pub exported: String,
    /// Could not save the file ({detail}).
    pub export_failed: String,
    /// Load from a saved file
    pub import_label: String,
    /// Loading replaces the answers here with the file's.
    pub import_hint: String,
    /// Loaded the file “{file}”.
    pub imported: String,
    /// Could not load “{file}”: {reason} Your answers are unchanged.
    pub import_refused: String,
    /// Erase the answers in this browser
    pub erase: String,
    /// This erases the answers stored in this browser, the action plan's owners and dates, and …
    pub erase_confirm_text: String,
    /// Erase
    pub erase_confirm: String,
    /// Cancel
    pub erase_cancel: String,
    /// The answers were erased.
    pub erased: String,
    /// Compare with an earlier record
    pub compare_heading: String,
    /// Choose a file you saved earlier (for example last year's check) to compare it with the a…
    pub compare_intro: String,
    /// Choose a file to compare
    pub compare_label: String,
    /// Comparing with “{file}” (saved {date}).
    pub compare_loaded: String,
    /// Overall: {before} → {after}
    pub compare_overall: String,
    /// Area
    pub compare_area: String,
    /// Before
    pub compare_before: String,
    /// Now
    pub compare_after: String,
    /// Change
    pub compare_change: String,
    /// Improved items
    pub compare_improved: String,
    /// Items that slipped back
    pub compare_worsened: String,
    /// none
    pub compare_none: String,
    /// —
    pub compare_no_score: String,
    /// Close the comparison
    pub compare_close: String,
    /// +{n}
    pub change_up: String,
    /// −{n}
    pub change_down: String,
    /// ±0
    pub change_same: String,
    /// It names items this checklist does not have.
    pub error_unknown_id: String,
    /// A date is not written correctly.
    pub error_invalid_date: String,
    /// That is not possible now.
    pub error_not_allowed: String,
    /// The file is too large.
    pub error_too_large: String,
    /// It is not a JSON file.
    pub error_invalid_json: String,
    /// It was not saved by Kizuki.
    pub error_not_an_export: String,
    /// It was saved by a newer version of Kizuki, which this one cannot read.
    pub error_future_version: String,
    /// It belongs to another kit.
    pub error_wrong_pack: String,
    /// It does not fit this checklist's content.
    pub error_does_not_fit: String,
    /// The file could not be opened.
    pub error_decryption_failed: String,
    /// The passphrase is too short.
    pub error_weak_passphrase: String,
    /// The file could not be read.
    pub error_read_failed: String,
    /// This browser cannot store your answers here (storage is turned off). Save them to a file…
    pub storage_unavailable: String,
    /// The browser's storage is full, so your answers were not saved. Save them to a file.
    pub storage_full: String,
    /// Newer answers were saved in another tab or window, so those were loaded.
    pub storage_newer_elsewhere: String,
    /// Your answers could not be saved ({detail}). Save them to a file.
    pub storage_other: String,
    /// The stored answers could not be read, so they were kept aside and a new checklist starte…
    pub storage_kept_aside: String,
    /// Close
    pub dismiss: String,
}

const JA_JSON: &str = include_str!("../../../locales/ja/checklist.json");
const EN_JSON: &str = include_str!("../../../locales/en/checklist.json");

/// The checklist's strings for `lang`. The files are compiled in and checked by the tests below.
pub fn checklist_text(lang: Lang) -> &'static ChecklistText {
    static CELLS: LocaleCells<ChecklistText> = LocaleCells::new();
    CELLS.get(lang, JA_JSON, EN_JSON)
}

pub use crate::locale::fill;

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(json: &str) -> Vec<String> {
        let map: serde_json::Map<String, serde_json::Value> =
            serde_json::from_str(json).expect("a JSON object");
        map.keys().cloned().collect()
    }

    fn placeholders(text: &str) -> Vec<&str> {
        let mut names: Vec<&str> = text
            .split('{')
            .skip(1)
            .filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
            .collect();
        names.sort_unstable();
        names
    }

    #[test]
    fn both_locale_files_parse_into_the_strings() {
        for json in [JA_JSON, EN_JSON] {
            let parsed: Result<ChecklistText, _> = serde_json::from_str(json);
            assert!(parsed.is_ok(), "{parsed:?}");
        }
    }

    #[test]
    fn both_locale_files_have_the_same_keys_and_placeholders() {
        let mut ja = keys(JA_JSON);
        let mut en = keys(EN_JSON);
        ja.sort();
        en.sort();
        assert_eq!(ja, en);
        let ja: serde_json::Map<String, serde_json::Value> =
            serde_json::from_str(JA_JSON).expect("ja parses");
        let en: serde_json::Map<String, serde_json::Value> =
            serde_json::from_str(EN_JSON).expect("en parses");
        for (key, value) in &ja {
            let other = en.get(key).and_then(|v| v.as_str()).unwrap_or_default();
            assert_eq!(
                placeholders(value.as_str().unwrap_or_default()),
                placeholders(other),
                "placeholders of {key}"
            );
        }
    }

    #[test]
    fn fill_replaces_every_placeholder() {
        assert_eq!(
            fill(
                "{answered} / {total}",
                &[("answered", "3"), ("total", "10")]
            ),
            "3 / 10"
        );
    }
}
