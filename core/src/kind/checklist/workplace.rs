//! The optional workplace name (kept only in the record and the exported file) and the
//! file names it goes into, and which pass the person is on: the quick scan or the full
//! audit (part of the record, so a reload lands where they were).

use serde::{Deserialize, Serialize};

/// Longest workplace name kept, in characters; longer input is cut.
pub const MAX_WORKPLACE_CHARS: usize = 100;

/// Which pass of the checklist the person is on.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AuditMode {
    /// Every item that applies, area by area (the default, and what a record from before
    /// the mode was saved reads as).
    #[default]
    Full,
    /// The pack's key items first ([`super::QuickScan`]); the full audit goes on from them.
    Quick,
}

impl AuditMode {
    /// Whether this is the full audit (the default, left out of saved records).
    pub fn is_full(&self) -> bool {
        *self == AuditMode::Full
    }
}

/// The workplace name as kept: one line (line breaks and other control characters become
/// spaces), spaces at either end trimmed, at most [`MAX_WORKPLACE_CHARS`] characters.
pub fn clean_workplace(name: &str) -> String {
    let one_line: String = name
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    one_line
        .trim()
        .chars()
        .take(MAX_WORKPLACE_CHARS)
        .collect::<String>()
        .trim_end()
        .to_string()
}

/// The name of a downloaded file without its extension: `<pack>-<workplace>-<date>`, or
/// `<pack>-<date>` when the name is empty or nothing of it is safe in a file name
/// ([`crate::file_name::stem`]: letters and digits of any script kept, spaces, path
/// separators and the characters Windows refuses turned into single dashes, no leading dot,
/// at most 40 characters).
pub fn file_stem(pack_id: &str, workplace: &str, date: &str) -> String {
    crate::file_name::stem(pack_id, workplace, date)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_name_carries_the_workplace_name_made_safe() {
        let stem = |name: &str| file_stem("mh-checklist", name, "2026-12-06");
        assert_eq!(stem(""), "mh-checklist-2026-12-06");
        assert_eq!(
            stem("株式会社みなと"),
            "mh-checklist-株式会社みなと-2026-12-06"
        );
        assert_eq!(
            stem("みなと商事 本社/第2工場"),
            "mh-checklist-みなと商事-本社-第2工場-2026-12-06"
        );
        assert_eq!(
            stem("A:B*C?\"D\"<E>|F\\G"),
            "mh-checklist-A-B-C-D-E-F-G-2026-12-06"
        );
        assert_eq!(stem("  ../../etc  "), "mh-checklist-etc-2026-12-06");
        assert_eq!(stem("..."), "mh-checklist-2026-12-06");
        assert_eq!(stem("///"), "mh-checklist-2026-12-06");
        assert_eq!(stem("一\u{3000}二\n三"), "mh-checklist-一-二-三-2026-12-06");
        let long = "あ".repeat(60);
        assert_eq!(
            stem(&long),
            format!("mh-checklist-{}-2026-12-06", "あ".repeat(40))
        );
    }

    #[test]
    fn a_workplace_name_is_kept_on_one_line_trimmed_and_bounded() {
        assert_eq!(clean_workplace("  みなと\n商事\t "), "みなと 商事");
        assert_eq!(clean_workplace(&"x".repeat(150)).chars().count(), 100);
        assert_eq!(clean_workplace("   "), "");
    }
}
