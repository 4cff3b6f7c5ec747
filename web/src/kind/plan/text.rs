//! The planner's UI strings, one JSON file per locale (`web/locales/{ja,en}/plan.json`).
//!
//! Content (steps, tasks, fields, documents) comes from the pack; these are only the words
//! around it. Placeholders are written `{name}` and filled with [`fill`].

use kizuki_core::Lang;

pub use crate::shell::data_panel::DataPanelText;

/// Every string of the planner's UI, in one language (English shown in the docs).
#[derive(Debug, PartialEq, Eq)]
pub struct PlanText {
    /// A record for bringing a worker back from sick leave, following the five steps of the MHL…
    pub intro: &'static str,
    /// What you enter includes health information (sensitive personal information), so it is st…
    pub encrypted_note: &'static str,
    /// Set a passphrase
    pub setup_heading: &'static str,
    /// First choose the passphrase that encrypts your data. You will unlock with it the next ti…
    pub setup_intro: &'static str,
    /// Important
    pub setup_warning_heading: &'static str,
    /// If you forget the passphrase, what you stored can never be opened again. No one can reco…
    pub setup_warning: &'static str,
    /// Passphrase (at least {min} characters)
    pub passphrase: &'static str,
    /// Passphrase (again, to check)
    pub passphrase_again: &'static str,
    /// Make it long and hard to guess, for example a sentence of several words.
    pub passphrase_hint: &'static str,
    /// Label of the strength meter.
    pub meter_label: &'static str,
    /// Accepted, `{strong}`: the length rated strong.
    pub meter_fair: &'static str,
    /// Accepted and long.
    pub meter_strong: &'static str,
    /// Show what I typed
    pub show_passphrase: &'static str,
    /// Set the passphrase and start
    pub setup_button: &'static str,
    /// Unlock
    pub unlock_heading: &'static str,
    /// The stored cases are encrypted. Enter the passphrase you set.
    pub unlock_intro: &'static str,
    /// Passphrase
    pub unlock_passphrase: &'static str,
    /// Unlock
    pub unlock_button: &'static str,
    /// Checking the key…
    pub deriving: &'static str,
    /// The passphrase is wrong. Nothing stored was changed.
    pub wrong_passphrase: &'static str,
    /// A wrong passphrase for an encrypted file being imported.
    pub wrong_passphrase_file: &'static str,
    /// Heading of the damaged-record choices.
    pub damaged_heading: &'static str,
    /// What happened to a damaged record and what can be done.
    pub damaged_text: &'static str,
    /// Download a copy of the damaged record
    pub damaged_download: &'static str,
    /// Set the damaged record aside and start again
    pub damaged_keep_aside: &'static str,
    /// The passphrase must be at least {min} characters.
    pub too_short: &'static str,
    /// Common passwords, keyboard rows and repeated characters are guessed first, so they c…
    pub weak_common: &'static str,
    /// A passphrase of spaces only cannot be used.
    pub weak_only_spaces: &'static str,
    /// A passphrase of invisible characters only (such as zero-width spaces) cannot be used.
    pub weak_only_invisible: &'static str,
    /// The two passphrases do not match.
    pub mismatch: &'static str,
    /// If you forgot the passphrase
    pub forgot_heading: &'static str,
    /// The passphrase cannot be recovered. Unless you have an exported file, the only way on is…
    pub forgot_text: &'static str,
    /// Locked. Enter the passphrase to go on.
    pub locked: &'static str,
    /// Locked automatically after 10 minutes without activity.
    pub auto_locked: &'static str,
    /// Lock
    pub lock_button: &'static str,
    /// Unlocked (locks itself after 10 minutes without activity)
    pub unlocked_status: &'static str,
    /// Cases
    pub cases_heading: &'static str,
    /// No cases yet. Create one under “New case” below.
    pub no_cases: &'static str,
    /// Record made: {date} (a case whose leave has no start date yet)
    pub case_opened: &'static str,
    /// {label}: {date} (the leave's first day, under the pack's label for it)
    pub case_started: &'static str,
    /// Now: {step}
    pub case_at_step: &'static str,
    /// Closed case
    pub case_closed: &'static str,
    /// {done} of {total} tasks done
    pub case_tasks: &'static str,
    /// Open this case
    pub case_open: &'static str,
    /// Shown
    pub case_selected: &'static str,
    /// New case
    pub new_case_heading: &'static str,
    /// Name of the case
    pub new_case_label: &'static str,
    /// Do not use real names: use a pseudonym such as “Case A”. This name appears in the list.…
    pub new_case_hint: &'static str,
    /// Create the case
    pub new_case_button: &'static str,
    /// Case {letter}
    pub pseudonym: &'static str,
    /// {label}
    pub case_heading: &'static str,
    /// Rename
    pub rename_label: &'static str,
    /// Rename
    pub rename_button: &'static str,
    /// Delete this case
    pub delete_case: &'static str,
    /// Everything recorded for “{label}” will be deleted. This cannot be undone. Delete it?
    pub delete_case_confirm: &'static str,
    /// Delete
    pub delete_case_yes: &'static str,
    /// The five steps
    pub tracker_heading: &'static str,
    /// Current step
    pub tracker_current: &'static str,
    /// Tasks {done}/{total}
    pub tracker_done: &'static str,
    /// Decided {n}×
    pub tracker_visits: &'static str,
    /// Handling personal information at this step
    pub step_privacy: &'static str,
    /// Tasks
    pub step_tasks: &'static str,
    /// Who: {roles}
    pub task_roles: &'static str,
    /// done on {date}
    pub task_done_on: &'static str,
    /// How to do it
    pub task_help: &'static str,
    /// No task of this step applies to this case.
    pub no_tasks: &'static str,
    /// What to record
    pub step_fields: &'static str,
    /// Notes on this step
    pub step_notes: &'static str,
    /// Keep them to what is needed; do not write diagnoses or treatment details.
    pub notes_hint: &'static str,
    /// Clear the choice
    pub choice_clear: &'static str,
    /// {field} is before {other} ({date}). Please check the dates.
    pub date_before_other: &'static str,
    /// {field} is after {other} ({date}). Please check the dates. (The same contradiction,
    /// beside the other field.)
    pub date_after_other: &'static str,
    /// {field} is after today. Please check the date.
    pub date_in_future: &'static str,
    /// {field} gives an age under {age} today. Please check the date.
    pub date_younger_than: &'static str,
    /// Documents prepared at this step
    pub step_documents: &'static str,
    /// Sources: {sources}
    pub step_sources: &'static str,
    /// Decision
    pub decision_heading: &'static str,
    /// Record the decision
    pub decide_button: &'static str,
    /// Close this case? A closed case can still be read, but nothing more can be recorded in it
    /// (until it is reopened…)
    pub close_question: &'static str,
    /// Close the case
    pub close_confirm: &'static str,
    /// Choose one of the options.
    pub decide_pick: &'static str,
    /// Next
    pub advance_heading: &'static str,
    /// Once the tasks of this step are done, go on to the next step.
    pub advance_text: &'static str,
    /// Go to the next step
    pub advance_button: &'static str,
    /// This is not the current step. You can still record tasks and notes here; decisions are t…
    pub not_current: &'static str,
    /// This case is closed. Its record stays readable.
    pub closed_text: &'static str,
    /// Show the current step
    pub view_current: &'static str,
    /// History
    pub history_heading: &'static str,
    /// No decision recorded yet.
    pub history_empty: &'static str,
    /// went on to the next step
    pub history_advanced: &'static str,
    /// → {step}
    pub history_next: &'static str,
    /// → support ended
    pub history_closed: &'static str,
    /// ({n} tasks opened again)
    pub history_reopened: &'static str,
    /// Date of the event
    pub history_event_date: &'static str,
    /// recorded on {date}
    pub history_recorded: &'static str,
    /// The day the decision or event happened (not after the day it was recorded). …
    pub history_event_hint: &'static str,
    /// Undo the last decision
    pub undo_button: &'static str,
    /// Undo the decision “{outcome}” of {date} and put the case back at “{step}”? …
    pub undo_question: &'static str,
    /// Undo moving on to the next step on {date} and put the case back at “{step}”? …
    pub undo_advance_question: &'static str,
    /// The tasks it opened again ({n}) are marked done again, on their old dates.
    pub undo_reopened: &'static str,
    /// Undo it
    pub undo_confirm: &'static str,
    /// Undo the closing and reopen the case
    pub reopen_button: &'static str,
    /// This case was closed on {date} by the decision “{outcome}”. Undo the closing and reopen…
    pub reopen_question: &'static str,
    /// Reopen the case
    pub reopen_confirm: &'static str,
    /// {n} days after
    pub followup_days: &'static str,
    /// The meeting dates appear once “{field}” is filled in.
    pub followup_needs_anchor: &'static str,
    /// Export the dates to a calendar (.ics)
    pub followup_ics: &'static str,
    /// Calendar entries carry only the case name, never health information.
    pub followup_ics_note: &'static str,
    /// Documents
    pub documents_heading: &'static str,
    /// Drafts of the documents, made from what you entered. Print them, check them, and complet…
    pub documents_intro: &'static str,
    /// The documents are drafted in Japanese, the language they are used in.
    pub documents_language: &'static str,
    /// Show “{title}”
    pub document_show: &'static str,
    /// Close the document
    pub document_hide: &'static str,
    /// Print this document
    pub document_print: &'static str,
    /// Choose “Save as PDF” in the print dialog to make a PDF (A4).
    pub document_print_hint: &'static str,
    /// Notes in dotted frames (what a section should cover) are there to help you write. They are not printed and not in the downloaded files.
    pub document_guidance_hint: &'static str,
    /// Save as Word (.docx)
    pub document_download_docx: &'static str,
    /// Save as text (.txt)
    pub document_download_text: &'static str,
    /// The saved file is not encrypted (it holds sensitive personal information). …
    pub document_download_hint: &'static str,
    /// Your data
    pub data_heading: &'static str,
    /// The data is stored encrypted in this browser (this site’s storage). Other devices and br…
    pub data_where: &'static str,
    /// Export
    pub export_heading: &'static str,
    /// Export this case (encrypted)
    pub export_case: &'static str,
    /// Exported files are encrypted under the current passphrase, which is needed to read them…
    pub export_encrypted_note: &'static str,
    /// Heading of the exports without encryption.
    pub export_plain_heading: &'static str,
    /// Export without encryption…
    pub export_plain_open: &'static str,
    /// Export only this case without encryption…
    pub export_plain_case_open: &'static str,
    /// A file without encryption holds health information (sensitive personal information) that…
    pub export_plain_warning: &'static str,
    /// I understand: export all cases without encryption
    pub export_plain_all: &'static str,
    /// I understand: export this case without encryption
    pub export_plain_case: &'static str,
    /// The file was exported.
    pub exported: &'static str,
    /// A file without encryption was exported.
    pub exported_plain: &'static str,
    /// The calendar file was exported.
    pub exported_calendar: &'static str,
    /// Import
    pub import_heading: &'static str,
    /// When a case you already have differs in the file, you are asked which copy to keep. Ot…
    pub import_hint: &'static str,
    /// Encrypted file
    pub import_passphrase_heading: &'static str,
    /// This file is encrypted. Enter the passphrase it was exported with.
    pub import_passphrase_intro: &'static str,
    /// Open the file and import it
    pub import_button: &'static str,
    /// {n} cases ({cases}) kept as saved here, as you chose.
    pub import_kept: &'static str,
    /// Some cases in the file differ from the ones saved here
    pub import_choose_heading: &'static str,
    /// For each, choose which to keep. …
    pub import_choose_intro: &'static str,
    /// Named "{label}" in the file.
    pub import_file_label: &'static str,
    /// Keep what is saved here
    pub import_keep_here: &'static str,
    /// Replace it with the file's
    pub import_take_file: &'static str,
    /// Last entry {date}, {decisions} decisions, {tasks} tasks done
    pub import_progress: &'static str,
    /// The file's copy has come further.
    pub import_further_file: &'static str,
    /// The copy saved here has come further; the file's is older.
    pub import_further_kept: &'static str,
    /// The same dates and counts: they differ in what carries no date (notes, fields).
    pub import_further_neither: &'static str,
    /// Import as chosen
    pub import_apply: &'static str,
    /// Cancel (change nothing)
    pub import_choose_cancel: &'static str,
    /// {n} cases imported.
    pub imported: &'static str,
    /// Change the passphrase
    pub change_heading: &'static str,
    /// Current passphrase
    pub change_current: &'static str,
    /// New passphrase (at least {min} characters)
    pub change_new: &'static str,
    /// New passphrase (again, to check)
    pub change_new_again: &'static str,
    /// Change the passphrase
    pub change_button: &'static str,
    /// The passphrase was changed. Files exported earlier open with the passphrase they were ex…
    pub changed: &'static str,
    /// Erase everything
    pub erase_heading: &'static str,
    /// Erases every case stored in this browser. This cannot be undone.
    pub erase_text: &'static str,
    /// Another tab changed the passphrase or erased the data. Please unlock again.
    pub storage_changed_elsewhere: &'static str,
    /// Another tab erased every stored case. This tab has closed what it showed too. To go on, set a new passphrase.
    pub storage_erased_elsewhere: &'static str,
    /// An older record without encryption was found. Once you set a passphrase, it is stored ag…
    pub storage_plain_found: &'static str,
    /// This browser has no secure random numbers, so nothing can be encrypted.
    pub random_unavailable: &'static str,
    /// The words of the data panel and its notices (the nested `data_panel` object).
    pub data_panel: DataPanelText,
}

impl PlanText {
    /// Why a new passphrase was refused, in words.
    pub fn passphrase_problem(
        &self,
        problem: kizuki_core::passphrase::PassphraseProblem,
    ) -> String {
        use kizuki_core::passphrase::{PassphraseProblem, MIN_PASSPHRASE_CHARS};
        match problem {
            PassphraseProblem::TooShort => fill(
                self.too_short,
                &[("min", &MIN_PASSPHRASE_CHARS.to_string())],
            ),
            PassphraseProblem::OnlySpaces => self.weak_only_spaces.to_string(),
            PassphraseProblem::OnlyInvisible => self.weak_only_invisible.to_string(),
            PassphraseProblem::Common => self.weak_common.to_string(),
        }
    }
}

crate::locale_table!("plan", PlanText, plan_text);

pub use crate::locale::fill;
