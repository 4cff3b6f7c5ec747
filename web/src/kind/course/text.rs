//! The course kit's UI strings, one JSON file per locale (`web/locales/{ja,en}/course.json`).
//!
//! Placeholders are written `{name}` and filled with [`fill`]. Content text (lessons,
//! questions, feedback) comes from the pack, never from here.

use kizuki_core::Lang;
use serde::Deserialize;

use crate::locale::LocaleCells;

/// Every string of the course view, in one language. The JSON files must have exactly these
/// keys (the field names say where each is used; the Japanese file is the reference).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CourseText {
    pub map_intro: String,
    pub course_progress: String,
    pub progress_label: String,
    pub resume: String,
    pub resume_where: String,
    pub start_course: String,
    pub modules_heading: String,
    pub module_number: String,
    pub module_of: String,
    pub minutes: String,
    pub module_progress: String,
    pub badge_completed: String,
    pub badge_passed: String,
    pub badge_in_progress: String,
    pub badge_not_started: String,
    pub best_score: String,
    pub no_attempt: String,
    pub open_start: String,
    pub open_continue: String,
    pub open_review: String,
    pub certificate_open: String,
    pub record_open: String,
    pub certificate_locked: String,
    pub back_to_map: String,
    pub steps_nav: String,
    pub step_lesson: String,
    pub step_scenario: String,
    pub step_quiz: String,
    pub step_feedback: String,
    pub step_done: String,
    pub step_with_title: String,
    pub module_status: String,
    pub quiz_status_passed: String,
    pub quiz_status_open: String,
    pub previous: String,
    pub next: String,
    pub lesson_position: String,
    pub lesson_read: String,
    pub lesson_already_read: String,
    pub note_label: String,
    pub sources_label: String,
    pub source_entry: String,
    pub source_sections_separator: String,
    pub update_heading: String,
    pub update_intro: String,
    pub scenario_prompt: String,
    pub scenario_ending: String,
    pub scenario_your_choice: String,
    pub quality_good: String,
    pub quality_acceptable: String,
    pub quality_poor: String,
    pub scenario_continue: String,
    pub scenario_end_heading: String,
    pub scenario_summary: String,
    pub scenario_path: String,
    pub scenario_again: String,
    pub quiz_intro: String,
    pub question_number: String,
    pub choose_one: String,
    pub choose_all: String,
    pub check_answer: String,
    pub verdict_correct: String,
    pub verdict_wrong: String,
    pub verdict_unanswered: String,
    pub your_answer: String,
    pub right_answer: String,
    pub submit_quiz: String,
    pub unanswered_warning: String,
    pub result_heading: String,
    pub result_score: String,
    pub result_passed: String,
    pub result_failed: String,
    pub attempts: String,
    pub review_heading: String,
    pub retake: String,
    pub to_feedback: String,
    pub feedback_heading: String,
    pub feedback_intro: String,
    pub feedback_thanks: String,
    pub next_module: String,
    pub finish_to_map: String,
    pub certificate_heading: String,
    pub record_heading: String,
    pub certificate_incomplete: String,
    pub name_label: String,
    pub name_hint: String,
    pub name_blank: String,
    pub certificate_statement: String,
    pub record_statement: String,
    pub completed_on: String,
    pub made_on: String,
    pub col_module: String,
    pub col_score: String,
    pub col_result: String,
    pub module_completed: String,
    pub module_passed_open: String,
    pub module_open: String,
    pub no_score: String,
    pub certificate_note: String,
    pub print: String,
    pub record_panel_heading: String,
    pub record_where: String,
    pub export_json: String,
    pub export_done: String,
    pub export_failed: String,
    pub export_xapi: String,
    pub xapi_hint: String,
    pub xapi_needs_name: String,
    pub xapi_nothing_yet: String,
    pub import_label: String,
    pub import_done: String,
    pub import_read_failed: String,
    pub import_too_large: String,
    pub import_invalid_json: String,
    pub import_not_an_export: String,
    pub import_future_version: String,
    pub import_wrong_pack: String,
    pub import_does_not_fit: String,
    pub import_other: String,
    pub import_unchanged: String,
    pub erase: String,
    pub erase_confirm: String,
    pub erase_yes: String,
    pub erase_no: String,
    pub erase_done: String,
    pub storage_unavailable: String,
    pub storage_full: String,
    pub storage_newer_elsewhere: String,
    pub storage_other: String,
    pub storage_kept_aside: String,
    pub action_refused: String,
}

const JA_JSON: &str = include_str!("../../../locales/ja/course.json");
const EN_JSON: &str = include_str!("../../../locales/en/course.json");

/// The course strings for `lang`; the files are compiled in and checked by the tests below.
pub fn course_text(lang: Lang) -> &'static CourseText {
    static CELLS: LocaleCells<CourseText> = LocaleCells::new();
    CELLS.get(lang, JA_JSON, EN_JSON)
}

pub use crate::locale::fill;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_course_locale_files_parse_with_the_same_keys() {
        for json in [JA_JSON, EN_JSON] {
            let parsed: Result<CourseText, _> = serde_json::from_str(json);
            assert!(parsed.is_ok(), "{parsed:?}");
        }
        let keys = |json: &str| {
            let map: serde_json::Map<String, serde_json::Value> =
                serde_json::from_str(json).expect("parses");
            map.keys().cloned().collect::<Vec<_>>()
        };
        assert_eq!(keys(JA_JSON), keys(EN_JSON));
    }

    #[test]
    fn course_placeholders_match_between_languages() {
        fn placeholders(text: &str) -> Vec<String> {
            let mut names: Vec<String> = text
                .split('{')
                .skip(1)
                .filter_map(|rest| rest.split_once('}').map(|(name, _)| name.to_string()))
                .collect();
            names.sort_unstable();
            names
        }
        let ja: serde_json::Map<String, serde_json::Value> =
            serde_json::from_str(JA_JSON).expect("ja parses");
        let en: serde_json::Map<String, serde_json::Value> =
            serde_json::from_str(EN_JSON).expect("en parses");
        for (key, value) in &ja {
            let english = en.get(key).and_then(|v| v.as_str()).unwrap_or_default();
            assert_eq!(
                placeholders(value.as_str().unwrap_or_default()),
                placeholders(english),
                "placeholders of {key}"
            );
        }
    }

    #[test]
    fn fill_replaces_every_named_placeholder() {
        assert_eq!(
            fill("{a} / {b} / {a}", &[("a", "1"), ("b", "2")]),
            "1 / 2 / 1"
        );
    }
}
