//! Tools around the kits: the support center's aggregation page and the "my data" page.
//!
//! Both run entirely in the browser: the aggregation reads the files the center drops and
//! calls `kizuki_core::aggregate`; the data page lists this browser's `kizuki/` records.

pub mod aggregate;
pub mod my_data;

use std::collections::BTreeMap;

use kizuki_core::{Lang, ValidPack};
use serde::Deserialize;

use crate::locale::LocaleCells;

pub use aggregate::AggregateView;
pub use my_data::MyDataView;

use crate::{KitChoice, LoadError};

/// Every string of the tools' UI, in one language.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ToolsText {
    pub agg_heading: String,
    pub agg_intro: String,
    pub agg_local_note: String,
    pub agg_drop: String,
    pub agg_choose: String,
    pub agg_min_group: String,
    pub agg_min_group_help: String,
    pub agg_reading: String,
    pub agg_summary: String,
    pub agg_invalid_heading: String,
    pub agg_hidden_all: String,
    pub agg_hidden: String,
    pub agg_mean: String,
    pub agg_areas_heading: String,
    pub agg_items_heading: String,
    pub agg_item: String,
    pub agg_applies: String,
    pub agg_unanswered: String,
    pub agg_why_not_heading: String,
    pub agg_band: String,
    pub agg_band_files: String,
    pub agg_band_all: String,
    pub agg_band_unanswered: String,
    pub agg_reason: String,
    pub agg_answers_files: String,
    pub agg_course_heading: String,
    pub agg_completed_course: String,
    pub agg_module: String,
    pub agg_started: String,
    pub agg_completed: String,
    pub agg_quiz_pass: String,
    pub agg_feedback_positive: String,
    pub agg_csv: String,
    pub agg_print: String,
    pub agg_clear: String,
    pub agg_failed: String,
    pub errors: BTreeMap<String, String>,
    pub data_heading: String,
    pub data_where: String,
    pub data_embedded: String,
    pub data_nothing_sent: String,
    pub data_empty: String,
    pub data_key: String,
    pub data_pack: String,
    pub data_namespace: String,
    pub data_size: String,
    pub data_size_value: String,
    pub data_saved: String,
    pub data_sealed: String,
    pub data_unreadable: String,
    pub data_corrupt: String,
    pub data_download: String,
    pub data_erase: String,
    pub data_confirm: String,
    pub data_confirm_yes: String,
    pub data_cancel: String,
    pub data_erased: String,
    pub data_failed: String,
    pub data_refresh: String,
}

impl ToolsText {
    /// The localized message for a core error code (`duplicate` included).
    pub fn error<'a>(&'a self, code: &'a str) -> &'a str {
        self.errors
            .get(code)
            .or_else(|| self.errors.get("other"))
            .map_or(code, String::as_str)
    }
}

const JA_JSON: &str = include_str!("../locales/ja/tools.json");
const EN_JSON: &str = include_str!("../locales/en/tools.json");

/// The tools' strings for `lang`.
pub fn tools_text(lang: Lang) -> &'static ToolsText {
    static CELLS: LocaleCells<ToolsText> = LocaleCells::new();
    CELLS.get(lang, JA_JSON, EN_JSON)
}

pub use crate::locale::fill;

/// Loads a pack for aggregation: a checklist or a course pack.
pub(crate) async fn fetch_any_pack(url: &str) -> Result<ValidPack, LoadError> {
    match crate::load::fetch_pack(url, KitChoice::Checklist).await {
        Err(LoadError::WrongKind {
            found: "course", ..
        }) => crate::load::fetch_pack(url, KitChoice::Course).await,
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(json: &str) -> Vec<String> {
        let map: serde_json::Map<String, serde_json::Value> =
            serde_json::from_str(json).expect("a JSON object");
        let mut keys: Vec<String> = map.keys().cloned().collect();
        if let Some(serde_json::Value::Object(errors)) = map.get("errors") {
            keys.extend(errors.keys().map(|k| format!("errors.{k}")));
        }
        keys.sort();
        keys
    }

    #[test]
    fn both_locales_parse_and_have_the_same_keys() {
        for json in [JA_JSON, EN_JSON] {
            let parsed: Result<ToolsText, _> = serde_json::from_str(json);
            assert!(parsed.is_ok(), "{parsed:?}");
        }
        assert_eq!(keys(JA_JSON), keys(EN_JSON));
    }

    #[test]
    fn every_error_code_has_a_message() {
        for code in [
            "invalid_json",
            "not_an_export",
            "future_version",
            "wrong_pack",
            "does_not_fit",
            "too_large",
            "duplicate",
            "read_failed",
            "other",
        ] {
            for lang in [Lang::Ja, Lang::En] {
                assert!(tools_text(lang).errors.contains_key(code), "{code}");
            }
        }
    }
}
