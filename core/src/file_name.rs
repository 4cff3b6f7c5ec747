//! The names of downloaded files: a text a person typed (a workplace's name, a case's label)
//! made safe in a file name, between what the file is and the day it was written. Two
//! workplaces' or two cases' files are told apart by their names.

/// Longest typed text put into a file name, in characters.
const MAX_NAME_IN_FILE: usize = 40;

/// `name` made safe in a file name: letters and digits of any script kept (株式会社みなと,
/// ケースA), spaces, path separators and the characters Windows refuses (`\ / : * ? " < > |`)
/// turned into single dashes, leading dots and dashes dropped (no hidden files, no `..`), cut
/// to 40 characters. Empty when nothing of it is safe.
pub fn safe_part(name: &str) -> String {
    let mut safe = String::new();
    for c in name.chars() {
        let unsafe_char = c.is_control()
            || c.is_whitespace()
            || matches!(
                c,
                '\\' | '/' | ':' | '*' | '?' | '"' | '<' | '>' | '|' | '\u{3000}'
            );
        if unsafe_char || c == '-' {
            if !safe.is_empty() && !safe.ends_with('-') {
                safe.push('-');
            }
        } else if !(safe.is_empty() && c == '.') {
            safe.push(c);
        }
    }
    let safe: String = safe.chars().take(MAX_NAME_IN_FILE).collect();
    safe.trim_matches(|c| c == '-' || c == '.').to_string()
}

/// The name of a downloaded file without its extension: `<what>-<name>-<date>`, or
/// `<what>-<date>` when `name` is empty or nothing of it is safe ([`safe_part`]).
pub fn stem(what: &str, name: &str, date: &str) -> String {
    let name = safe_part(name);
    if name.is_empty() {
        format!("{what}-{date}")
    } else {
        format!("{what}-{name}-{date}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_typed_name_is_made_safe_in_a_file_name() {
        assert_eq!(
            stem("主治医への情報提供依頼書", "ケースA", "2026-12-07"),
            "主治医への情報提供依頼書-ケースA-2026-12-07"
        );
        assert_eq!(
            stem("x", "../a b/c:d", "2026-12-07"),
            "x-a-b-c-d-2026-12-07"
        );
        assert_eq!(stem("x", " \u{3000}..", "2026-12-07"), "x-2026-12-07");
        assert_eq!(safe_part(&"あ".repeat(50)).chars().count(), 40);
    }
}
