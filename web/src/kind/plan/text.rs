//! The planner's UI strings, one JSON file per locale (`web/locales/{ja,en}/plan.json`).
//!
//! Content (steps, tasks, fields, documents) comes from the pack; these are only the words
//! around it. Placeholders are written `{name}` and filled with [`fill`].

use kizuki_core::Lang;
use serde::Deserialize;

use crate::locale::LocaleCells;

/// Every string of the planner's UI, in one language (English shown in the docs).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlanText {
    /// A record for bringing a worker back from sick leave, following the five steps of the MHL…
    pub intro: String,
    /// What you enter includes health information (sensitive personal information), so it is st…
    pub encrypted_note: String,
    /// Set a passphrase
    pub setup_heading: String,
    /// First choose the passphrase that encrypts your data. You will unlock with it the next ti…
    pub setup_intro: String,
    /// Important
    pub setup_warning_heading: String,
    /// If you forget the passphrase, what you stored can never be opened again. No one can reco…
    pub setup_warning: String,
    /// Passphrase (at least {min} characters)
    pub passphrase: String,
    /// Passphrase (again, to check)
    pub passphrase_again: String,
    /// Make it long and hard to guess, for example a sentence of several words.
    pub passphrase_hint: String,
    /// Show what I typed
    pub show_passphrase: String,
    /// Set the passphrase and start
    pub setup_button: String,
    /// Unlock
    pub unlock_heading: String,
    /// The stored cases are encrypted. Enter the passphrase you set.
    pub unlock_intro: String,
    /// Passphrase
    pub unlock_passphrase: String,
    /// Unlock
    pub unlock_button: String,
    /// Checking the key…
    pub deriving: String,
    /// The passphrase is wrong. Nothing stored was changed.
    pub wrong_passphrase: String,
    /// The passphrase must be at least {min} characters.
    pub too_short: String,
    /// The two passphrases do not match.
    pub mismatch: String,
    /// If you forgot the passphrase
    pub forgot_heading: String,
    /// The passphrase cannot be recovered. Unless you have an exported file, the only way on is…
    pub forgot_text: String,
    /// Locked. Enter the passphrase to go on.
    pub locked: String,
    /// Locked automatically after 10 minutes without activity.
    pub auto_locked: String,
    /// Lock
    pub lock_button: String,
    /// Unlocked (locks itself after 10 minutes without activity)
    pub unlocked_status: String,
    /// Close
    pub dismiss: String,
    /// Cancel
    pub cancel: String,
    /// Cases
    pub cases_heading: String,
    /// No cases yet. Create one under “New case” below.
    pub no_cases: String,
    /// Opened: {date}
    pub case_opened: String,
    /// Now: {step}
    pub case_at_step: String,
    /// Closed case
    pub case_closed: String,
    /// {done} of {total} tasks done
    pub case_tasks: String,
    /// Open this case
    pub case_open: String,
    /// Shown
    pub case_selected: String,
    /// New case
    pub new_case_heading: String,
    /// Name of the case
    pub new_case_label: String,
    /// Do not use real names: use a pseudonym such as “Case A”. This name appears in the list.…
    pub new_case_hint: String,
    /// Create the case
    pub new_case_button: String,
    /// Case {letter}
    pub pseudonym: String,
    /// {label}
    pub case_heading: String,
    /// Rename
    pub rename_label: String,
    /// Rename
    pub rename_button: String,
    /// Delete this case
    pub delete_case: String,
    /// Everything recorded for “{label}” will be deleted. This cannot be undone. Delete it?
    pub delete_case_confirm: String,
    /// Delete
    pub delete_case_yes: String,
    /// The five steps
    pub tracker_heading: String,
    /// Current step
    pub tracker_current: String,
    /// Tasks {done}/{total}
    pub tracker_done: String,
    /// Decided {n}×
    pub tracker_visits: String,
    /// Handling personal information at this step
    pub step_privacy: String,
    /// Tasks
    pub step_tasks: String,
    /// Who: {roles}
    pub task_roles: String,
    /// done on {date}
    pub task_done_on: String,
    /// How to do it
    pub task_help: String,
    /// No task of this step applies to this case.
    pub no_tasks: String,
    /// What to record
    pub step_fields: String,
    /// Notes on this step
    pub step_notes: String,
    /// Keep them to what is needed; do not write diagnoses or treatment details.
    pub notes_hint: String,
    /// Clear the choice
    pub choice_clear: String,
    /// Documents prepared at this step
    pub step_documents: String,
    /// Sources: {sources}
    pub step_sources: String,
    /// Decision
    pub decision_heading: String,
    /// Record the decision
    pub decide_button: String,
    /// Choose one of the options.
    pub decide_pick: String,
    /// Next
    pub advance_heading: String,
    /// Once the tasks of this step are done, go on to the next step.
    pub advance_text: String,
    /// Go to the next step
    pub advance_button: String,
    /// This is not the current step. You can still record tasks and notes here; decisions are t…
    pub not_current: String,
    /// This case is closed. Its record stays readable.
    pub closed_text: String,
    /// Show the current step
    pub view_current: String,
    /// History
    pub history_heading: String,
    /// No decision recorded yet.
    pub history_empty: String,
    /// went on to the next step
    pub history_advanced: String,
    /// → {step}
    pub history_next: String,
    /// → support ended
    pub history_closed: String,
    /// ({n} tasks opened again)
    pub history_reopened: String,
    /// {n} days after
    pub followup_days: String,
    /// The meeting dates appear once “{field}” is filled in.
    pub followup_needs_anchor: String,
    /// Export the dates to a calendar (.ics)
    pub followup_ics: String,
    /// Calendar entries carry only the case name, never health information.
    pub followup_ics_note: String,
    /// Documents
    pub documents_heading: String,
    /// Drafts of the documents, made from what you entered. Print them, check them, and complet…
    pub documents_intro: String,
    /// The documents are drafted in Japanese, the language they are used in.
    pub documents_language: String,
    /// Show “{title}”
    pub document_show: String,
    /// Close the document
    pub document_hide: String,
    /// Print this document
    pub document_print: String,
    /// Choose “Save as PDF” in the print dialog to make a PDF (A4).
    pub document_print_hint: String,
    /// Your data
    pub data_heading: String,
    /// The data is stored encrypted in this browser (this site’s storage). Other devices and br…
    pub data_where: String,
    /// Export
    pub export_heading: String,
    /// Export all cases (encrypted)
    pub export_all: String,
    /// Export this case (encrypted)
    pub export_case: String,
    /// Exported files are encrypted under the current passphrase, which is needed to read them…
    pub export_encrypted_note: String,
    /// Export without encryption…
    pub export_plain_open: String,
    /// A file without encryption holds health information (sensitive personal information) that…
    pub export_plain_warning: String,
    /// I understand: export all cases without encryption
    pub export_plain_all: String,
    /// I understand: export this case without encryption
    pub export_plain_case: String,
    /// The file was exported.
    pub exported: String,
    /// Import
    pub import_heading: String,
    /// Choose an exported file (.json)
    pub import_label: String,
    /// A case you already have is replaced by the one in the file. Other cases stay as they are.
    pub import_hint: String,
    /// Encrypted file
    pub import_passphrase_heading: String,
    /// This file is encrypted. Enter the passphrase it was exported with.
    pub import_passphrase_intro: String,
    /// Open the file and import it
    pub import_button: String,
    /// {n} cases imported.
    pub imported: String,
    /// Change the passphrase
    pub change_heading: String,
    /// Current passphrase
    pub change_current: String,
    /// New passphrase (at least {min} characters)
    pub change_new: String,
    /// New passphrase (again, to check)
    pub change_new_again: String,
    /// Change the passphrase
    pub change_button: String,
    /// The passphrase was changed. Files exported earlier open with the passphrase they were ex…
    pub changed: String,
    /// Erase everything
    pub erase_heading: String,
    /// Erases every case stored in this browser. This cannot be undone.
    pub erase_text: String,
    /// Erase everything…
    pub erase_open: String,
    /// Really erase every case? Unless you have an exported file, the contents are lost.
    pub erase_confirm: String,
    /// Erase
    pub erase_yes: String,
    /// The stored data was erased.
    pub erased: String,
    /// The browser’s storage is full, so nothing was saved. Export your cases to a file.
    pub storage_full: String,
    /// This browser cannot store data here (private mode, for example). Export your work to a f…
    pub storage_unavailable: String,
    /// Saving failed. Export your cases to a file.
    pub storage_other: String,
    /// Another tab had saved newer data, which is now loaded here. Please repeat your last chan…
    pub storage_newer_elsewhere: String,
    /// Another tab changed the passphrase or erased the data. Please unlock again.
    pub storage_changed_elsewhere: String,
    /// The stored data could not be read and was moved aside (to {key}).
    pub storage_kept_aside: String,
    /// An older record without encryption was found. Once you set a passphrase, it is stored ag…
    pub storage_plain_found: String,
    /// This browser has no secure random numbers, so nothing can be encrypted.
    pub random_unavailable: String,
    /// Messages for the core's errors, by [`kizuki_core::Error::code`].
    pub errors: ErrorText,
}

/// One message per core error code.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ErrorText {
    /// This refers to something this tool does not have.
    pub unknown_id: String,
    /// Enter dates as year-month-day.
    pub invalid_date: String,
    /// This is not possible now.
    pub not_allowed: String,
    /// The file is too large.
    pub too_large: String,
    /// This file cannot be read (it is not JSON).
    pub invalid_json: String,
    /// This file was not exported from Kizuki.
    pub not_an_export: String,
    /// This file was made by a newer version of Kizuki.
    pub future_version: String,
    /// This file belongs to another tool.
    pub wrong_pack: String,
    /// The file’s contents do not fit this tool.
    pub does_not_fit: String,
    /// The passphrase is wrong, or the file is damaged.
    pub decryption_failed: String,
    /// The passphrase is too short.
    pub weak_passphrase: String,
}

impl ErrorText {
    /// The message for a core error code; unknown codes get the generic "not possible".
    pub fn for_code(&self, code: &str) -> &str {
        match code {
            "unknown_id" => &self.unknown_id,
            "invalid_date" => &self.invalid_date,
            "too_large" => &self.too_large,
            "invalid_json" => &self.invalid_json,
            "not_an_export" => &self.not_an_export,
            "future_version" => &self.future_version,
            "wrong_pack" => &self.wrong_pack,
            "does_not_fit" => &self.does_not_fit,
            "decryption_failed" => &self.decryption_failed,
            "weak_passphrase" => &self.weak_passphrase,
            _ => &self.not_allowed,
        }
    }
}

const JA_JSON: &str = include_str!("../../../locales/ja/plan.json");
const EN_JSON: &str = include_str!("../../../locales/en/plan.json");

/// The planner's strings in `lang`, parsed once. Both files are checked by the tests below.
pub fn plan_text(lang: Lang) -> &'static PlanText {
    static CELLS: LocaleCells<PlanText> = LocaleCells::new();
    CELLS.get(lang, JA_JSON, EN_JSON)
}

pub use crate::locale::fill;

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(value: &serde_json::Value, prefix: &str, out: &mut Vec<(String, String)>) {
        if let Some(map) = value.as_object() {
            for (key, inner) in map {
                let path = format!("{prefix}/{key}");
                match inner.as_str() {
                    Some(text) => out.push((path, placeholders(text))),
                    None => keys(inner, &path, out),
                }
            }
        }
    }

    fn placeholders(text: &str) -> String {
        let mut names: Vec<&str> = text
            .split('{')
            .skip(1)
            .filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
            .collect();
        names.sort_unstable();
        names.join(",")
    }

    #[test]
    fn both_locales_parse_into_the_strings_struct() {
        for json in [JA_JSON, EN_JSON] {
            let parsed: Result<PlanText, _> = serde_json::from_str(json);
            assert!(parsed.is_ok(), "{parsed:?}");
        }
    }

    #[test]
    fn both_locales_have_the_same_keys_and_placeholders() {
        let mut ja = Vec::new();
        let mut en = Vec::new();
        keys(&serde_json::from_str(JA_JSON).unwrap(), "", &mut ja);
        keys(&serde_json::from_str(EN_JSON).unwrap(), "", &mut en);
        ja.sort();
        en.sort();
        assert_eq!(ja, en);
    }

    #[test]
    fn every_core_error_code_has_its_own_message() {
        let text = plan_text(Lang::Ja);
        assert_eq!(
            text.errors.for_code("decryption_failed"),
            text.errors.decryption_failed
        );
        assert_eq!(
            text.errors.for_code("no_such_code"),
            text.errors.not_allowed
        );
    }

    #[test]
    fn fill_replaces_every_placeholder() {
        assert_eq!(fill("{a}と{b}と{a}", &[("a", "1"), ("b", "2")]), "1と2と1");
    }
}
