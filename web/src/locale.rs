//! The app's own UI strings, compiled from `web/locales/<lang>/ui.json` by `web/build.rs`.
//!
//! Content text comes from packs; these are only the words of the frame around it
//! (loading, errors, the language switch). Placeholders are written `{name}`.

use kizuki_core::directory::ResourceKind;
use kizuki_core::Lang;

/// Every UI string, in one language. The JSON files must have exactly these keys.
#[derive(Debug, PartialEq, Eq)]
pub struct UiText {
    /// The product name as shown in the widget's header.
    pub brand: &'static str,
    /// Accessible name of the language switch.
    pub language: &'static str,
    /// This language's name in itself (「日本語」, "English"): its button in the language
    /// switch, read from this language's file whatever language the widget shows, so a
    /// language's name is written once, in its own folder.
    pub language_name: &'static str,
    /// Shown while the pack loads (and, by `kizuki.js`, while the kit's module loads).
    pub loading: &'static str,
    /// Shown by `kizuki.js` when the kit's module cannot start (its reason follows).
    pub start_failed: &'static str,
    /// `{date}`: the pack's `content_as_of`.
    pub content_as_of: &'static str,
    /// Heading of the load error state.
    pub load_failed_title: &'static str,
    /// The retry button.
    pub retry: &'static str,
    /// `{detail}`: what the browser said.
    pub error_network: &'static str,
    /// `{status}`: the HTTP status code.
    pub error_http: &'static str,
    /// `{detail}`: the parser's message with line and column.
    pub error_not_a_pack: &'static str,
    /// `{found}` and `{supported}`: format versions.
    pub error_format_version: &'static str,
    /// `{expected}` and `{found}`: kit kinds.
    pub error_wrong_kind: &'static str,
    /// The file of the language switched to is of another version than the one shown.
    pub error_other_version: &'static str,
    /// Shown while the file of the language switched to is fetched.
    pub lang_switching: &'static str,
    /// `{reason}`: why the file of the language switched to could not be used.
    pub lang_switch_failed: &'static str,
    /// Heading of the support center's contacts.
    pub center_heading: &'static str,
    /// Label of the center's phone number.
    pub center_phone: &'static str,
    /// Label of the center's opening hours.
    pub center_hours: &'static str,
    /// Label of the center's web address.
    pub center_web: &'static str,
    /// The one-line privacy statement in the footer.
    pub privacy_note: &'static str,
    /// Heading of the course's help section.
    pub help_heading: &'static str,
    /// Above the course's list of places to get help.
    pub help_intro_course: &'static str,
    /// Shown while a center's directory file loads.
    pub help_loading: &'static str,
    /// `{detail}`: why the center's directory file was not used (the built-in list is shown).
    pub help_directory_failed: &'static str,
    /// When no place in the directory applies.
    pub help_empty: &'static str,
    /// `{name}` keeps the list, checked on `{date}`.
    pub help_maintained_by: &'static str,
    /// Replace what is saved with the file?
    pub import_confirm_title: &'static str,
    /// Importing “{file}” replaces what is saved in this browser.
    pub import_confirm_text: &'static str,
    /// Saved here
    pub import_saved: &'static str,
    /// File
    pub import_file: &'static str,
    /// Filled in
    pub import_done: &'static str,
    /// Saved
    pub import_saved_at: &'static str,
    /// `{y}`, `{month}` (from `months`), `{d}`, `{hh}`, `{mm}`: a moment in the reader's time
    /// zone ([`local_date_time`]).
    pub date_time: &'static str,
    /// The months' names for `date_time`, January first, separated by spaces.
    pub months: &'static str,
    /// {title}: result as of {date} (under a result's heading: which content, which day).
    pub result_as_of: &'static str,
    /// The file was saved more recently.
    pub import_newer_file: &'static str,
    /// Careful: what is saved here is newer; the file is older. Replacing takes the work back t
    pub import_newer_saved: &'static str,
    /// Both were saved at the same time.
    pub import_newer_same: &'static str,
    /// It cannot be told which is newer.
    pub import_newer_unknown: &'static str,
    /// What is saved now is kept as a copy, and “Undo import” puts it back.
    pub import_undo_note: &'static str,
    /// Replace with the file
    pub import_replace: &'static str,
    /// Cancel (keep what is saved)
    pub import_cancel: &'static str,
    /// What was saved before the import is kept as a copy.
    pub import_undo_kept: &'static str,
    /// Undo import
    pub import_undo: &'static str,
    /// Remove the copy
    pub import_undo_remove: &'static str,
    /// Back to what was saved before the import.
    pub import_undo_done: &'static str,
    /// The copy of what is saved could not be stored (storage may be full), so nothing was impo
    pub import_copy_failed: &'static str,
    /// The "about this content" panel's summary line.
    pub about_summary: &'static str,
    pub about_made_by: &'static str,
    pub about_reviewed_by: &'static str,
    /// `{name}`, `{role}`, `{date}` of one review.
    pub about_review_line: &'static str,
    /// Said plainly while nobody has reviewed the content.
    pub about_not_reviewed: &'static str,
    pub about_not_stated: &'static str,
    pub about_version: &'static str,
    /// `{pack}` and `{build}` versions.
    pub about_version_value: &'static str,
    pub about_as_of: &'static str,
    /// `{date}`: the pack's `content_as_of`.
    pub about_as_of_value: &'static str,
    pub about_last_checked: &'static str,
    pub about_licence: &'static str,
    pub about_report: &'static str,
    /// `{center}`: the embedding center's name.
    pub about_report_center: &'static str,
    /// Before the operator's address for reports.
    pub about_report_url: &'static str,
    /// Said after the address while it is still the placeholder.
    pub about_report_placeholder: &'static str,
    /// `{title}`: the accessible name of the center card (unique per widget on a page).
    pub center_label: &'static str,
    /// `{title}`: the accessible name of a widget's region (each widget on a page is named).
    pub widget_label: &'static str,
    /// Storage could not be used, by `platform::StorageError::code` (the shell's notices,
    /// for every kit that uses them).
    pub storage_unavailable: &'static str,
    pub storage_full: &'static str,
    pub storage_newer_elsewhere: &'static str,
    pub storage_newer_version: &'static str,
    pub storage_kept_in_place: &'static str,
    pub storage_other: &'static str,
    /// `{key}`: where a record that could not be read was moved.
    pub storage_kept_aside: &'static str,
    /// Another tab saved this kit's record: this page is older ("newer in another tab").
    pub other_tab_newer: &'static str,
    /// The button that loads the other tab's record.
    pub other_tab_reload: &'static str,
    /// Takes back a question (answers "no" to "are you sure?").
    pub cancel: &'static str,
    /// Closes a notice.
    pub dismiss: &'static str,
    /// The name of each kind of place, as group headings.
    pub help_kinds: HelpKindsText,
    /// One message per core error code (`kizuki_core::Error::code`), for every kit.
    pub errors: ErrorsText,
}

/// Group headings of the help list, one per [`ResourceKind`].
#[derive(Debug, PartialEq, Eq)]
pub struct HelpKindsText {
    pub own_service: &'static str,
    pub support_center: &'static str,
    pub regional_center: &'static str,
    pub mental_health_center: &'static str,
    pub hotline: &'static str,
    pub clinic: &'static str,
    pub counseling: &'static str,
    pub other: &'static str,
}

impl HelpKindsText {
    /// The heading of `kind`.
    pub fn get(&self, kind: ResourceKind) -> &str {
        match kind {
            ResourceKind::OwnService => self.own_service,
            ResourceKind::SupportCenter => self.support_center,
            ResourceKind::RegionalCenter => self.regional_center,
            ResourceKind::MentalHealthCenter => self.mental_health_center,
            ResourceKind::Hotline => self.hotline,
            ResourceKind::Clinic => self.clinic,
            ResourceKind::Counseling => self.counseling,
            ResourceKind::Other => self.other,
        }
    }
}

/// One message per core error code, shared by every kit and tool.
#[derive(Debug, PartialEq, Eq)]
pub struct ErrorsText {
    pub unknown_id: &'static str,
    pub invalid_date: &'static str,
    pub not_allowed: &'static str,
    pub too_large: &'static str,
    pub invalid_json: &'static str,
    pub not_an_export: &'static str,
    pub future_version: &'static str,
    pub wrong_pack: &'static str,
    pub does_not_fit: &'static str,
    pub decryption_failed: &'static str,
    pub damaged_record: &'static str,
    pub weak_passphrase: &'static str,
    pub broken_randomness: &'static str,
    /// A file the browser could not read.
    pub read_failed: &'static str,
    /// Any other code.
    pub other: &'static str,
}

impl ErrorsText {
    /// The message for a core error code (`kizuki_core::Error::code`), or for `read_failed`.
    pub fn for_code(&self, code: &str) -> &'static str {
        match code {
            "unknown_id" => self.unknown_id,
            "invalid_date" => self.invalid_date,
            "not_allowed" => self.not_allowed,
            "too_large" => self.too_large,
            "invalid_json" => self.invalid_json,
            "not_an_export" => self.not_an_export,
            "future_version" => self.future_version,
            "wrong_pack" => self.wrong_pack,
            "does_not_fit" => self.does_not_fit,
            "decryption_failed" => self.decryption_failed,
            "damaged_record" => self.damaged_record,
            "weak_passphrase" => self.weak_passphrase,
            "broken_randomness" => self.broken_randomness,
            "read_failed" | "read" => self.read_failed,
            _ => self.other,
        }
    }
}

/// The message for a core error code in `lang`: the one wording every kit uses.
pub fn error_message(lang: Lang, code: &str) -> &'static str {
    ui_text(lang).errors.for_code(code)
}

crate::locale_table!("ui", UiText, ui_text);

/// Includes the constants `web/build.rs` generates from `web/locales/<lang>/<stem>.json`
/// into the calling module (which defines the struct `$ty`) and defines `$function(lang)`,
/// the strings of that table in `lang`.
#[macro_export]
macro_rules! locale_table {
    ($stem:literal, $ty:ident, $function:ident) => {
        /// The generated constants (see `web/build.rs`).
        mod generated {
            use super::*;
            include!(concat!(env!("OUT_DIR"), "/locale_", $stem, ".rs"));
        }

        #[doc = concat!("The strings for `lang`, compiled in from `web/locales/<lang>/", $stem, ".json`.")]
        pub fn $function(lang: Lang) -> &'static $ty {
            generated::text(lang)
        }
    };
}

/// An ISO 8601 moment (a record's `saved_at`, in UTC) in the reader's time zone, as the
/// locale writes a date and time (「2026年12月6日 19:00」, "6 Dec 2026, 19:00"); the text as
/// stored when it is not a date. The one format of saved times: the import question, the
/// checklist's comparison, the "my data" page.
pub fn local_date_time(lang: Lang, iso: &str) -> String {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_str(iso));
    if date.get_time().is_nan() {
        return iso.to_string();
    }
    let text = ui_text(lang);
    let month = text
        .months
        .split(' ')
        .nth(date.get_month() as usize)
        .unwrap_or_default();
    fill(
        text.date_time,
        &[
            ("y", &date.get_full_year().to_string()),
            ("month", month),
            ("d", &date.get_date().to_string()),
            ("hh", &format!("{:02}", date.get_hours())),
            ("mm", &format!("{:02}", date.get_minutes())),
        ],
    )
}

/// The line under a result's heading: which content (the pack's title) and which day, so a
/// printout says both (the checklist's results, the stress self-check's).
#[cfg_attr(
    not(any(feature = "checklist", feature = "questionnaire")),
    allow(dead_code)
)]
pub fn result_as_of(lang: Lang, title: &str) -> String {
    fill(
        ui_text(lang).result_as_of,
        &[
            ("title", title),
            (
                "date",
                &kizuki_core::report::display_date(&crate::platform::today(), lang),
            ),
        ],
    )
}

/// Replaces each `{name}` in `template` with its value.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut text = template.to_string();
    for (name, value) in values {
        text = text.replace(&format!("{{{name}}}"), value);
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

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

    #[test]
    fn every_core_error_code_has_its_own_message() {
        for code in [
            "unknown_id",
            "invalid_date",
            "not_allowed",
            "too_large",
            "invalid_json",
            "not_an_export",
            "future_version",
            "wrong_pack",
            "does_not_fit",
            "decryption_failed",
            "damaged_record",
            "weak_passphrase",
            "broken_randomness",
            "read_failed",
        ] {
            for lang in [Lang::Ja, Lang::En] {
                assert_ne!(
                    error_message(lang, code),
                    error_message(lang, "other"),
                    "{code}"
                );
            }
        }
    }

    #[test]
    fn every_language_names_itself_in_itself() {
        // The language switch's buttons: a new language's folder copied from another one
        // would otherwise show that one's name.
        assert_eq!(ui_text(Lang::Ja).language_name, "日本語");
        assert_eq!(ui_text(Lang::En).language_name, "English");
        let names: std::collections::BTreeSet<_> = Lang::ALL
            .iter()
            .map(|&lang| ui_text(lang).language_name)
            .collect();
        assert_eq!(names.len(), Lang::ALL.len());
    }

    #[test]
    fn every_language_has_its_own_strings() {
        // A language folder copied without translating would pass the build's key check.
        assert_ne!(ui_text(Lang::Ja).loading, ui_text(Lang::En).loading);
        assert!(!ui_text(Lang::Ja)
            .help_kinds
            .get(ResourceKind::Hotline)
            .is_empty());
    }
}
