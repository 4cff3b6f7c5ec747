//! Before an import replaces anything: what the file holds against what is saved, and
//! which of the two is newer, so the person can decide (the web asks; nothing is replaced
//! without an answer, and the replaced record is kept for "undo import").

use crate::export::Export;

/// What one side (the file, or what is saved) holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Holdings {
    /// How much was done: answered items (checklist), lessons read plus quiz attempts and
    /// scenario choices (course), cases (planner).
    pub done: usize,
    /// When it was saved, as written in the record (`saved_at`).
    pub saved_at: String,
}

/// Which side is newer, by the time each was saved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Newer {
    /// The file was saved after what is stored here.
    File,
    /// What is stored here was saved after the file: importing would go back in time.
    Saved,
    /// Both were saved at the same moment.
    Same,
    /// The times cannot be compared (not both written in UTC `…Z`).
    Unknown,
}

/// The file against what is saved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportPreview {
    /// What the file holds.
    pub file: Holdings,
    /// What is saved here.
    pub saved: Holdings,
    /// Which is newer.
    pub newer: Newer,
    /// The file holds exactly what is saved: importing changes nothing.
    pub identical: bool,
}

/// Whether importing over `saved` needs the person's answer: anything saved that the file
/// would replace. An empty record, or one the file holds exactly, needs none.
pub fn needs_confirmation(file: &Export, saved: Option<&Export>) -> bool {
    saved.is_some_and(|saved| saved.state.amount_done() > 0 && saved.state != file.state)
}

/// Compares an imported file with the record saved here.
pub fn preview(file: &Export, saved: &Export) -> ImportPreview {
    let newer = match (utc(&file.saved_at), utc(&saved.saved_at)) {
        (Some(f), Some(s)) if f > s => Newer::File,
        (Some(f), Some(s)) if f < s => Newer::Saved,
        (Some(_), Some(_)) => Newer::Same,
        _ => Newer::Unknown,
    };
    ImportPreview {
        file: Holdings {
            done: file.state.amount_done(),
            saved_at: file.saved_at.clone(),
        },
        saved: Holdings {
            done: saved.state.amount_done(),
            saved_at: saved.saved_at.clone(),
        },
        newer,
        identical: file.state == saved.state,
    }
}

/// A UTC time `YYYY-MM-DDTHH:MM:SS[.fff]Z` as a comparable key (date, time, padded
/// fraction), or `None` for anything else.
fn utc(text: &str) -> Option<(String, String)> {
    let body = text.strip_suffix('Z')?;
    let (date, time) = body.split_once('T')?;
    crate::date::parse_date(date)?;
    let (clock, fraction) = time.split_once('.').unwrap_or((time, ""));
    let fields: Vec<&str> = clock.split(':').collect();
    let well_formed = fields.len() == 3
        && fields
            .iter()
            .all(|f| f.len() == 2 && f.bytes().all(|b| b.is_ascii_digit()))
        && fraction.bytes().all(|b| b.is_ascii_digit())
        && fraction.len() <= 9;
    well_formed.then(|| (format!("{date}T{clock}"), format!("{fraction:0<9}")))
}

#[cfg(all(test, feature = "checklist"))]
mod tests {
    use super::*;
    use crate::kind::checklist::{ChecklistAnswers, ItemAnswer};

    fn export(saved_at: &str, answered: &[&str]) -> Export {
        let mut answers = ChecklistAnswers::default();
        for id in answered {
            answers.items.insert(
                (*id).to_string(),
                ItemAnswer {
                    choice: Some("yes".into()),
                    ..ItemAnswer::default()
                },
            );
        }
        Export {
            kizuki_export: crate::export::EXPORT_FORMAT,
            pack_id: "p".into(),
            pack_version: "1".into(),
            saved_at: saved_at.into(),
            revision: 1,
            state: answers.into(),
        }
    }

    #[test]
    fn the_file_and_the_saved_record_are_compared() {
        let saved = export("2026-12-06T10:00:00.000Z", &["a", "b", "c"]);
        let older = export("2026-12-01T09:00:00Z", &["a"]);
        let p = preview(&older, &saved);
        assert_eq!((p.file.done, p.saved.done, p.newer), (1, 3, Newer::Saved));
        assert!(needs_confirmation(&older, Some(&saved)));
        let newer = export("2026-12-06T10:00:00.5Z", &["a"]);
        assert_eq!(preview(&newer, &saved).newer, Newer::File);
        let offset = export("2026-12-06T19:00:00+09:00", &["a"]);
        assert_eq!(preview(&offset, &saved).newer, Newer::Unknown);
        assert!(!needs_confirmation(&older, None));
        assert!(!needs_confirmation(
            &older,
            Some(&export("2026-01-01T00:00:00Z", &[]))
        ));
        assert!(!needs_confirmation(&saved, Some(&saved.clone())));
    }
}
