//! CSV exports for spreadsheets: UTF-8 with a byte order mark (so Excel reads Japanese),
//! CRLF line ends, headers in the chosen language. Each kind writes its own rows in
//! `kind/<kind>/csv.rs` (one row per checklist item, per quiz question and module, or per
//! task and case) through [`write_csv`]; [`export_csv`] asks the pack's kind.
//!
//! Dates are written `YYYY-MM-DD`. Every cell of every CSV (headers, authored texts, dates,
//! text a person typed) goes through one function, [`neutralise_cell`]: a cell a spreadsheet
//! could read as a formula gets a leading `'`, so it is never run.

use crate::error::Result;
use crate::export::KitState;
use crate::load::ValidPack;
use crate::report::labels;
use crate::text::Lang;

/// The byte order mark every CSV file starts with.
pub const BOM: char = '\u{feff}';

/// The CSV of a kit state: dispatches on the state's kind. Fails when the state's kind
/// is not the pack's. `today` (`YYYY-MM-DD`) dates a checklist's obligations.
pub fn export_csv(pack: &ValidPack, state: &KitState, lang: Lang, today: &str) -> Result<String> {
    pack.pack().kit.csv(state, lang, today)
}

/// The checklist's CSV at the path the checklist's files panel
/// (`web/src/kind/checklist/files.rs`) calls; the function lives in the kind's folder.
#[cfg(feature = "checklist")]
pub use crate::kind::checklist::csv::checklist_csv;

/// Writes rows as CSV: BOM first, CRLF line ends, fields quoted where needed.
pub fn write_csv<S: AsRef<str>>(headers: &[&str], rows: &[Vec<S>]) -> String {
    let mut csv = CsvText::with_bom();
    csv.record(headers.iter().map(|cell| neutralise_cell(cell)));
    for row in rows {
        csv.record(row.iter().map(|cell| neutralise_cell(cell.as_ref())));
    }
    csv.finish()
}

/// CSV text as RFC 4180 writes it, one record at a time: fields joined by `,`, records
/// ended by CRLF; a field holding `,`, `"`, CR or LF is quoted, its `"` doubled; a record
/// with no bytes at all (one empty field) is written `""`, so it is not read as a blank
/// line. This is what the `csv` crate writes with `Terminator::CRLF` (a test compares them
/// on generated cells and reads every file back with it); it is written here because the
/// crate's writer also links Rust's float parser (its `QuoteStyle::NonNumeric` test), about
/// 12 KB gzip in every widget that offers a CSV download (BENCHMARKS.md).
#[derive(Debug, Default)]
pub struct CsvText {
    text: String,
}

impl CsvText {
    /// Empty text, no byte order mark (the CLI writes its own before streaming rows).
    pub fn new() -> Self {
        Self::default()
    }

    /// Text that starts with the byte order mark (so Excel reads the file as UTF-8).
    pub fn with_bom() -> Self {
        Self {
            text: BOM.to_string(),
        }
    }

    /// Adds one record.
    pub fn record<S: AsRef<str>>(&mut self, cells: impl IntoIterator<Item = S>) {
        let start = self.text.len();
        for (i, cell) in cells.into_iter().enumerate() {
            if i > 0 {
                self.text.push(',');
            }
            self.field(cell.as_ref());
        }
        if self.text.len() == start {
            self.text.push_str("\"\"");
        }
        self.text.push_str("\r\n");
    }

    fn field(&mut self, cell: &str) {
        if cell.contains([',', '"', '\r', '\n']) {
            self.text.push('"');
            self.text.push_str(&cell.replace('"', "\"\""));
            self.text.push('"');
        } else {
            self.text.push_str(cell);
        }
    }

    /// The text so far, emptied (the CLI writes it out after each batch of records).
    pub fn take(&mut self) -> String {
        std::mem::take(&mut self.text)
    }

    /// The whole text.
    pub fn finish(self) -> String {
        self.text
    }
}

/// One CSV cell made safe from spreadsheet formulas (CWE-1236), the one function every cell
/// of every CSV the project writes goes through.
///
/// A cell gets a leading `'` when it starts with a tab, a carriage return or a line feed,
/// or when its first character after any leading white space or control characters is a
/// formula trigger: `=`, `+`, `-`, `@`, `|`, their full-width (`＝＋－＠｜`) and small
/// (`﹦﹢﹣﹫`) forms, or the minus sign `−`. A plain number (`-3`, `12.5`) is left as it is,
/// since no spreadsheet runs it.
pub fn neutralise_cell(cell: &str) -> std::borrow::Cow<'_, str> {
    if needs_neutralising(cell) {
        std::borrow::Cow::Owned(format!("'{cell}"))
    } else {
        std::borrow::Cow::Borrowed(cell)
    }
}

fn needs_neutralising(cell: &str) -> bool {
    if cell.starts_with(['\t', '\r', '\n']) {
        return true;
    }
    if is_plain_number(cell) {
        return false;
    }
    let first = cell
        .chars()
        .find(|c| !(c.is_whitespace() || c.is_control() || is_invisible(*c)));
    matches!(
        first,
        Some(
            '=' | '+'
                | '-'
                | '@'
                | '|'
                | '\u{FF1D}'
                | '\u{FF0B}'
                | '\u{FF0D}'
                | '\u{FF20}'
                | '\u{FF5C}'
                | '\u{FE66}'
                | '\u{FE62}'
                | '\u{FE63}'
                | '\u{FE6B}'
                | '\u{2212}'
        )
    )
}

/// Zero-width and format characters a spreadsheet may skip before reading a formula.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}'
    )
}

/// `-12`, `3`, `4.5`: an optional minus, digits, an optional fraction; nothing else.
fn is_plain_number(cell: &str) -> bool {
    let digits = cell.strip_prefix('-').unwrap_or(cell);
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, "0"));
    !whole.is_empty()
        && !fraction.is_empty()
        && whole.bytes().all(|b| b.is_ascii_digit())
        && fraction.bytes().all(|b| b.is_ascii_digit())
}

/// `yes` or `no` in the CSV's language.
pub(crate) fn yes_no(value: bool, lang: Lang) -> String {
    let l = labels(lang);
    if value { l.yes } else { l.no }.to_string()
}

/// What joins a list inside one cell: `、` in Japanese, `; ` in English.
pub(crate) fn list_separator(lang: Lang) -> &'static str {
    match lang {
        Lang::Ja => "、",
        Lang::En => "; ",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_has_bom_crlf_and_quotes() {
        let csv = write_csv(&["a", "b"], &[vec!["x,y", "z\"w"]]);
        assert_eq!(csv, "\u{feff}a,b\r\n\"x,y\",\"z\"\"w\"\r\n");
    }

    #[test]
    fn formulas_in_any_cell_are_defused() {
        assert_eq!(neutralise_cell("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(neutralise_cell("-1+1"), "'-1+1");
        assert_eq!(neutralise_cell("-1"), "-1");
        assert_eq!(neutralise_cell("12.5"), "12.5");
        assert_eq!(neutralise_cell("総務課"), "総務課");
        assert_eq!(neutralise_cell("  =1+1"), "'  =1+1");
        assert_eq!(neutralise_cell("＝1+1"), "'＝1+1");
        assert_eq!(neutralise_cell("\u{3000}＠SUM(A1)"), "'\u{3000}＠SUM(A1)");
        assert_eq!(neutralise_cell(""), "");
        let csv = write_csv(&["=h"], &[vec!["@x"]]);
        assert_eq!(csv, "\u{feff}'=h\r\n'@x\r\n");
    }
}
