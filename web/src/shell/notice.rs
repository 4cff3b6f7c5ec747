//! The one notice type of the kits that use the shell: storage problems (the shared `ui`
//! words, by `StorageError::code`), the core's error codes (`locale::error_message`, one
//! message per code), what the data panel did (in the kit's words: a course speaks of its
//! 記録, the stress check of 答え), "newer in another tab", and the kit's own notices.

use kizuki_core::Lang;

use yew::prelude::*;

use super::data_panel::DataPanelText;
use crate::locale::{error_message, fill, ui_text};
use crate::platform::LoadProblem;

/// A kit's own notices (a quiz left unanswered, …): worded by the kit.
pub trait KitNotice: Clone + PartialEq + std::fmt::Debug {
    /// The message in `lang`.
    fn message(&self, lang: Lang) -> String;
    /// Whether it reports a problem (shown as an error).
    fn is_problem(&self) -> bool;
    /// Whether it belongs next to the data panel rather than at the top of the kit.
    fn is_about_the_record(&self) -> bool {
        false
    }
    /// Its name for tests and styles (`data-notice`).
    fn kind(&self) -> &'static str {
        "kit"
    }
}

/// A kit without notices of its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoOwnNotice {}

impl KitNotice for NoOwnNotice {
    fn message(&self, _lang: Lang) -> String {
        match *self {}
    }
    fn is_problem(&self) -> bool {
        match *self {}
    }
}

/// Something the person should know, shown until the next one or until dismissed.
#[derive(Debug, Clone, PartialEq)]
pub enum Notice<K> {
    /// Storage could not be used (`StorageError::code`).
    Storage(&'static str),
    /// The stored record could not be read and was moved to this key.
    KeptAside(String),
    /// Another tab saved this kit's record: this page is older (offers to reload).
    OtherTab,
    /// A file was downloaded.
    Exported(String),
    /// A download failed (the browser's words).
    ExportFailed(String),
    /// A file (this name) replaced the record.
    Imported(String),
    /// A file (this name, or empty when it could not be read) was refused, with the core's
    /// error code or `read_failed` / `too_large`.
    ImportRefused {
        /// The file's name.
        file: String,
        /// Why.
        code: String,
    },
    /// The copy kept for "undo import" could not be written, so nothing was imported.
    CopyFailed,
    /// "Undo import" put the record from before the import back.
    Restored,
    /// The record was erased.
    Erased,
    /// The kit's own.
    Kit(K),
}

impl<K: KitNotice> Notice<K> {
    /// What to tell about a record read with a problem: storage in the shared words, or
    /// that a damaged record was kept aside (the same for every kit and the planner).
    pub fn of_load_problem(problem: LoadProblem) -> Notice<K> {
        match problem {
            LoadProblem::Storage(error) => Notice::Storage(error.code()),
            LoadProblem::KeptAside { key, .. } => Notice::KeptAside(key),
        }
    }

    /// Whether it reports a problem.
    pub fn is_problem(&self) -> bool {
        match self {
            Notice::Exported(_) | Notice::Imported(_) | Notice::Restored | Notice::Erased => false,
            Notice::Kit(own) => own.is_problem(),
            _ => true,
        }
    }

    /// Whether it belongs next to the data panel (what the panel did) rather than at the
    /// top of the kit (storage, another tab).
    pub fn is_about_the_record(&self) -> bool {
        match self {
            Notice::Storage(_) | Notice::KeptAside(_) | Notice::OtherTab => false,
            Notice::Kit(own) => own.is_about_the_record(),
            _ => true,
        }
    }

    /// Its name for tests and styles (`data-notice`).
    pub fn kind(&self) -> &'static str {
        match self {
            Notice::Storage(_) => "storage",
            Notice::KeptAside(_) => "kept-aside",
            Notice::OtherTab => "other-tab",
            Notice::Exported(_) => "exported",
            Notice::ExportFailed(_) => "export-failed",
            Notice::Imported(_) => "imported",
            Notice::ImportRefused { .. } => "import-refused",
            Notice::CopyFailed => "copy-failed",
            Notice::Restored => "restored",
            Notice::Erased => "erased",
            Notice::Kit(own) => own.kind(),
        }
    }

    /// The message in `lang`.
    pub fn message(&self, words: &DataPanelText, lang: Lang) -> String {
        let ui = ui_text(lang);
        match self {
            Notice::Storage(code) => storage_message(code, lang).to_string(),
            Notice::KeptAside(key) => fill(ui.storage_kept_aside, &[("key", key)]),
            Notice::OtherTab => ui.other_tab_newer.to_string(),
            Notice::Exported(file) => fill(words.exported, &[("file", file)]),
            Notice::ExportFailed(detail) => fill(words.export_failed, &[("detail", detail)]),
            Notice::Imported(file) => fill(words.imported, &[("file", file)]),
            Notice::ImportRefused { file, code } => fill(
                words.import_refused,
                &[("file", file), ("reason", error_message(lang, code))],
            ),
            Notice::CopyFailed => ui.import_copy_failed.to_string(),
            Notice::Restored => ui.import_undo_done.to_string(),
            Notice::Erased => words.erased.to_string(),
            Notice::Kit(own) => own.message(lang),
        }
    }
}

/// The button shown with [`Notice::OtherTab`]: load what the other tab saved.
pub fn reload_button(lang: Lang, onclick: Callback<MouseEvent>) -> Html {
    html! {
        <button type="button" class="kizuki-button kizuki-button--small" data-testid="other-tab-reload"
                onclick={onclick}>{ ui_text(lang).other_tab_reload }</button>
    }
}

/// The message for a storage problem (`StorageError::code`), the same in every kit.
pub fn storage_message(code: &str, lang: Lang) -> &'static str {
    let ui = ui_text(lang);
    match code {
        "unavailable" => ui.storage_unavailable,
        "full" => ui.storage_full,
        "newer_elsewhere" => ui.storage_newer_elsewhere,
        "newer_version" => ui.storage_newer_version,
        "kept_in_place" => ui.storage_kept_in_place,
        _ => ui.storage_other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const WORDS: DataPanelText = DataPanelText {
        export_json: "JSON",
        export_csv: "CSV",
        exported: "exported {file}",
        export_failed: "failed {detail}",
        import_label: "open",
        imported: "imported {file}",
        import_refused: "refused {file}: {reason}",
        erase: "erase",
        erase_confirm_text: "erase?",
        erase_confirm: "yes",
        erase_cancel: "no",
        erased: "erased",
    };

    #[test]
    fn every_storage_code_has_its_own_words_in_both_languages() {
        for lang in [Lang::Ja, Lang::En] {
            let codes = [
                "unavailable",
                "full",
                "newer_elsewhere",
                "newer_version",
                "kept_in_place",
                "other",
            ];
            let messages: std::collections::BTreeSet<&str> =
                codes.iter().map(|c| storage_message(c, lang)).collect();
            assert_eq!(messages.len(), codes.len(), "{lang:?}");
        }
    }

    #[test]
    fn a_refused_file_names_the_core_error_and_the_panel_notices_are_not_problems() {
        let refused: Notice<NoOwnNotice> = Notice::ImportRefused {
            file: "a.json".into(),
            code: "invalid_json".into(),
        };
        let text = refused.message(&WORDS, Lang::En);
        assert!(text.starts_with("refused a.json: "), "{text}");
        assert!(text.contains(error_message(Lang::En, "invalid_json")));
        assert!(refused.is_problem() && refused.is_about_the_record());
        let storage: Notice<NoOwnNotice> = Notice::Storage("full");
        assert!(storage.is_problem() && !storage.is_about_the_record());
        assert!(!Notice::<NoOwnNotice>::Erased.is_problem());
    }
}
