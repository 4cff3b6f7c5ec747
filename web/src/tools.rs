//! Tools around the kits: the support center's aggregation page, the "my data" page, and
//! the embed guide's directory checker and LMS package button.
//!
//! Both run entirely in the browser: the aggregation reads the files the center drops and
//! calls `kizuki_core::aggregate`; the data page lists this browser's `kizuki/` records.

#[cfg(feature = "aggregate")]
pub mod aggregate;
#[cfg(feature = "tools")]
pub mod dir_check;
#[cfg(feature = "tools")]
pub mod lms_package;
// The crash screen names files as this page does, so the module is in every kit's build.
#[cfg_attr(not(feature = "mydata"), allow(dead_code))]
pub mod my_data;

use kizuki_core::Lang;

#[cfg(feature = "aggregate")]
pub use aggregate::AggregateView;
#[cfg(feature = "tools")]
pub use dir_check::DirectoryCheckView;
#[cfg(feature = "tools")]
pub use lms_package::LmsPackageView;
#[cfg(feature = "mydata")]
pub use my_data::MyDataView;

/// Every string of the tools' UI, in one language.
#[derive(Debug, PartialEq, Eq)]
pub struct ToolsText {
    pub agg_heading: &'static str,
    pub agg_intro: &'static str,
    pub agg_local_note: &'static str,
    pub agg_drop: &'static str,
    pub agg_choose: &'static str,
    pub agg_min_group: &'static str,
    pub agg_min_group_help: &'static str,
    pub agg_reading: &'static str,
    pub agg_summary: &'static str,
    pub agg_invalid_heading: &'static str,
    /// How many files were not used for one reason: {n}, {reason}.
    pub agg_invalid_count: &'static str,
    /// The unfolding of a long list of files not used: {n}.
    pub agg_invalid_show_all: &'static str,
    pub agg_hidden_all: &'static str,
    pub agg_hidden: &'static str,
    pub agg_mean: &'static str,
    /// In the mean scores: {complete} files with at least 80% of the items that apply answe…
    pub agg_coverage: &'static str,
    pub agg_areas_heading: &'static str,
    pub agg_items_heading: &'static str,
    pub agg_item: &'static str,
    pub agg_applies: &'static str,
    pub agg_unanswered: &'static str,
    pub agg_why_not_heading: &'static str,
    pub agg_band: &'static str,
    pub agg_band_files: &'static str,
    pub agg_band_all: &'static str,
    pub agg_band_unanswered: &'static str,
    pub agg_reason: &'static str,
    pub agg_answers_files: &'static str,
    /// “—”: counts under 3, and counts from which one could be worked out by subtraction, a…
    pub agg_small_cells: &'static str,
    pub agg_course_heading: &'static str,
    pub agg_completed_course: &'static str,
    pub agg_follow_up: &'static str,
    pub agg_follow_up_hidden: &'static str,
    pub agg_useful_line: &'static str,
    pub agg_course_useful: &'static str,
    pub agg_course_useful_met: &'static str,
    pub agg_course_useful_not_met: &'static str,
    pub agg_course_useful_hidden: &'static str,
    pub agg_course_rule: &'static str,
    pub agg_course_row: &'static str,
    pub agg_mean_minutes: &'static str,
    pub agg_module: &'static str,
    pub agg_started: &'static str,
    pub agg_completed: &'static str,
    pub agg_quiz_pass: &'static str,
    pub agg_feedback_positive: &'static str,
    pub agg_csv: &'static str,
    pub agg_print: &'static str,
    pub agg_clear: &'static str,
    pub agg_failed: &'static str,
    /// The minimum group's label and help for checklist exports (workplaces, in 件).
    pub agg_min_group_files: &'static str,
    pub agg_min_group_help_files: &'static str,
    /// `{done}` of `{total}` files read.
    pub agg_reading_progress: &'static str,
    /// `{total}` files being aggregated.
    pub agg_aggregating: &'static str,
    pub agg_why_not_overall_heading: &'static str,
    pub agg_why_not_answers: &'static str,
    pub agg_why_not_files: &'static str,
    /// `{full}`: the scale's full-credit answer.
    pub agg_least_heading: &'static str,
    /// `{share}`, `{in_place}`, `{applies}`.
    pub agg_least_share: &'static str,
    pub agg_least_none: &'static str,
    pub agg_size_mix_heading: &'static str,
    pub agg_size_share: &'static str,
    /// The tools' own file problems (`duplicate`); core error codes use the shared messages.
    pub errors: &'static [(&'static str, &'static str)],
    pub data_heading: &'static str,
    pub data_where: &'static str,
    pub data_embedded: &'static str,
    pub data_nothing_sent: &'static str,
    pub data_empty: &'static str,
    pub data_what: &'static str,
    pub data_kit_mh_checklist: &'static str,
    pub data_kit_provider_checklist: &'static str,
    pub data_kit_return_to_work: &'static str,
    pub data_kit_linecare: &'static str,
    pub data_kit_bjsq_57: &'static str,
    pub data_kit_bjsq_23: &'static str,
    pub data_kit_workplace_improvement: &'static str,
    /// The one thing kept outside the records: the site's remembered language.
    pub data_language_key: &'static str,
    /// `{id}`: a pack this build does not name.
    pub data_kit_other: &'static str,
    pub data_what_answers: &'static str,
    pub data_what_cases: &'static str,
    pub data_what_plan_draft: &'static str,
    pub data_what_before_import: &'static str,
    pub data_what_corrupt: &'static str,
    pub data_what_other: &'static str,
    pub data_pack: &'static str,
    pub data_size: &'static str,
    pub data_size_value: &'static str,
    pub data_saved: &'static str,
    pub data_sealed: &'static str,
    pub data_unreadable: &'static str,
    pub data_download: &'static str,
    pub data_erase: &'static str,
    pub data_confirm: &'static str,
    pub data_confirm_yes: &'static str,
    pub data_erased: &'static str,
    pub data_failed: &'static str,
    pub data_refresh: &'static str,
    pub chk_heading: &'static str,
    pub chk_intro: &'static str,
    pub chk_choose: &'static str,
    pub chk_drop: &'static str,
    pub chk_file: &'static str,
    pub chk_ok: &'static str,
    pub chk_ok_warnings: &'static str,
    pub chk_summary: &'static str,
    pub chk_error: &'static str,
    pub chk_warning: &'static str,
    pub chk_place_file: &'static str,
    pub chk_place_resource: &'static str,
    pub chk_place_resource_id: &'static str,
    pub chk_place_item: &'static str,
    pub chk_read_failed: &'static str,
    /// A directory file's field names, in words, by key.
    pub chk_fields: &'static [(&'static str, &'static str)],
    /// What each kind of finding means and how to fix it.
    pub chk_problems: &'static [(&'static str, &'static str)],
}

impl ToolsText {
    /// The message for a file's problem: the tools' own `duplicate`, else the one wording
    /// of the core's error code every kit uses.
    pub fn error(&self, lang: Lang, code: &str) -> &'static str {
        self.errors
            .iter()
            .find(|(key, _)| *key == code)
            .map_or_else(
                || crate::locale::error_message(lang, code),
                |(_, text)| *text,
            )
    }
}

crate::locale_table!("tools", ToolsText, tools_text);

pub use crate::locale::fill;

/// Loads a pack for aggregation, fetched once: a pack of any kind this module carries (the
/// `tools` feature takes the kinds whose exports it aggregates; the core's list of kinds
/// says which those are, so nothing here names them).
#[cfg(feature = "aggregate")]
pub(crate) async fn fetch_any_pack(
    url: &str,
    prefetched: Option<crate::load::Prefetched>,
) -> Result<kizuki_core::ValidPack, crate::LoadError> {
    crate::load::fetch_pack(url, kizuki_core::kind::KIND_NAMES, prefetched).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_duplicate_has_the_tools_message_and_core_codes_the_shared_one() {
        for lang in [Lang::Ja, Lang::En] {
            let text = tools_text(lang);
            assert_ne!(
                text.error(lang, "duplicate"),
                crate::locale::error_message(lang, "other")
            );
            assert_eq!(
                text.error(lang, "wrong_pack"),
                crate::locale::error_message(lang, "wrong_pack")
            );
        }
    }
}
