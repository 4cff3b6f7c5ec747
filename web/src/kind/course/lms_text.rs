//! The strings of the course inside an LMS (`web/locales/{ja,en}/lms.json`): their own
//! table, so that the plain course module (without the cargo feature `lms`) carries none.

use kizuki_core::Lang;

/// What the learner is told about the LMS. The JSON files must have exactly these keys.
#[derive(Debug, PartialEq, Eq)]
pub struct LmsText {
    /// Connected: the record goes to the LMS too.
    pub connected: &'static str,
    /// No LMS was found: saved in this browser only.
    pub not_found: &'static str,
    /// The LMS refused part of the record.
    pub send_failed: &'static str,
    /// The record is larger than SCORM 1.2 keeps.
    pub too_large: &'static str,
    /// The LMS's record could not be read.
    pub record_unreadable: &'static str,
    /// The button that ends the session and goes to the cmi5 `returnURL`.
    pub return_to_lms: &'static str,
    /// Beside the button: what it does.
    pub return_hint: &'static str,
    /// While the last statements are sent before leaving.
    pub returning: &'static str,
}

crate::locale_table!("lms", LmsText, lms_text);
