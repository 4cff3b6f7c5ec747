//! Messages the course view shows the learner: storage problems, import and export
//! results, and quiz warnings, each worded from the locale files.

use super::text::{fill, CourseText};

/// Something to tell the learner, shown until the next one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    /// Storage could not be used (`storage_<code>`).
    Storage(&'static str),
    /// The stored record was damaged and moved to this key.
    KeptAside(String),
    /// The core refused an action (should not happen from this UI).
    Refused(String),
    /// The quiz was submitted with this many questions unanswered.
    Unanswered(usize),
    /// The record was exported to this file.
    Exported(String),
    /// Export failed.
    ExportFailed(String),
    /// xAPI statements need the learner's name.
    XapiNeedsName,
    /// No module is passed yet, so there are no xAPI statements.
    XapiNothingYet,
    /// A record was imported.
    Imported,
    /// Import failed with the core's error code (or `read` with a detail).
    ImportFailed(&'static str, String),
    /// The copy of the saved record could not be kept, so nothing was imported.
    ImportCopyFailed,
    /// "Undo import" put the record from before the import back.
    ImportUndone,
    /// The record was erased.
    Erased,
    /// The follow-up was answered.
    FollowUpThanks,
}

impl Notice {
    /// Whether the notice belongs to the record panel rather than the top of the view.
    pub(super) fn is_about_the_record(&self) -> bool {
        matches!(
            self,
            Notice::Exported(_)
                | Notice::ExportFailed(_)
                | Notice::XapiNeedsName
                | Notice::XapiNothingYet
                | Notice::Imported
                | Notice::ImportFailed(..)
                | Notice::ImportCopyFailed
                | Notice::ImportUndone
                | Notice::Erased
        )
    }

    pub(super) fn is_problem(&self) -> bool {
        !matches!(
            self,
            Notice::Exported(_)
                | Notice::Imported
                | Notice::ImportUndone
                | Notice::Erased
                | Notice::FollowUpThanks
        )
    }

    pub(super) fn message(&self, text: &CourseText, lang: kizuki_core::Lang) -> String {
        match self {
            Notice::Storage(code) => match *code {
                "unavailable" => text.storage_unavailable.to_string(),
                "full" => text.storage_full.to_string(),
                "newer_elsewhere" => text.storage_newer_elsewhere.to_string(),
                "newer_version" => text.storage_newer_version.to_string(),
                "kept_in_place" => text.storage_kept_in_place.to_string(),
                _ => text.storage_other.to_string(),
            },
            Notice::KeptAside(key) => fill(text.storage_kept_aside, &[("key", key)]),
            Notice::Refused(detail) => fill(text.action_refused, &[("detail", detail)]),
            Notice::Unanswered(n) => fill(text.unanswered_warning, &[("n", &n.to_string())]),
            Notice::Exported(file) => fill(text.export_done, &[("file", file)]),
            Notice::ExportFailed(detail) => fill(text.export_failed, &[("detail", detail)]),
            Notice::XapiNeedsName => text.xapi_needs_name.to_string(),
            Notice::XapiNothingYet => text.xapi_nothing_yet.to_string(),
            Notice::Imported => text.import_done.to_string(),
            Notice::ImportFailed(code, detail) => match *code {
                "read" => format!(
                    "{} {}",
                    fill(text.import_read_failed, &[("detail", detail)]),
                    text.import_unchanged
                ),
                code => format!(
                    "{} {}",
                    crate::locale::error_message(lang, code),
                    text.import_unchanged
                ),
            },
            Notice::ImportCopyFailed => crate::locale::ui_text(lang).import_copy_failed.to_string(),
            Notice::ImportUndone => crate::locale::ui_text(lang).import_undo_done.to_string(),
            Notice::Erased => text.erase_done.to_string(),
            Notice::FollowUpThanks => text.follow_up_thanks.to_string(),
        }
    }
}
