//! A general document model — headings, paragraphs, lines of typed text, field rows, tables,
//! answer boxes, signature lines — and its writers: a printable HTML page ([`to_html`]),
//! plain text ([`to_text`]) and an editable Word file ([`to_docx`], in `document/docx.rs`).
//!
//! A kind fills a [`Document`] (the planner's 職場復帰支援プラン and 情報提供依頼書, later the
//! checklist's draft plan); the web lays out the same blocks on screen and prints them;
//! the downloads come from the same value. Texts marked *markup* keep Kizuki's inline
//! markup from content (`**strong**`, `[label](https://…)`); texts typed by a person are
//! plain and never read as markup.
//!
//! ```
//! use kizuki_core::document::{self, Block, Document, FieldRow};
//! use kizuki_core::Lang;
//!
//! let letter = Document {
//!     lang: Lang::Ja,
//!     title: "情報提供依頼書".into(),
//!     blocks: vec![
//!         Block::Heading { level: 1, text: "情報提供依頼書".into() },
//!         Block::Fields { rows: vec![FieldRow::new("worker", "氏名", Some("山田 花子".into()), false)] },
//!         Block::AnswerBox { label: "ご回答欄".into(), lines: 6 },
//!     ],
//! };
//! assert!(document::to_text(&letter).contains("氏名：山田 花子"));
//! assert!(document::to_html(&letter).contains("<h1>情報提供依頼書</h1>"));
//! assert_eq!(&document::to_docx(&letter)[..2], b"PK");
//! ```

use serde::Serialize;

use crate::report::{labels, HtmlWriter};
use crate::text::{parse_inline, Inline, Lang};

mod docx;
mod zip;

pub use docx::to_docx;
pub(crate) use zip::{archive, crc32};

/// The deepest heading level a document uses (1 is the document's own title).
pub const MAX_HEADING_LEVEL: u8 = 3;

/// A document, top to bottom, in one language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Document {
    /// The language it is written in.
    pub lang: Lang,
    /// Its title (the page title and the file name; the blocks carry the visible heading).
    pub title: String,
    /// The blocks, top to bottom.
    pub blocks: Vec<Block>,
}

/// How a paragraph or lines sit on the line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Align {
    /// At the start of the line (left in Japanese and English).
    #[default]
    Start,
    /// Centred.
    Center,
    /// At the end of the line (a letter's date and sender).
    End,
}

/// One block of a [`Document`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Block {
    /// A notice framed above the content (e.g. "contains sensitive personal information").
    Notice {
        /// The notice (plain).
        text: String,
    },
    /// A heading, level 1 (the document's title) to [`MAX_HEADING_LEVEL`], never skipping
    /// a level (the kinds' validation checks their templates).
    Heading {
        /// 1, 2 or 3.
        level: u8,
        /// The heading (markup).
        text: String,
    },
    /// A paragraph of fixed text.
    Paragraph {
        /// The paragraph (markup).
        text: String,
        /// Where it sits.
        align: Align,
    },
    /// A note for whoever drafts the document (what a section should cover, what to fill in
    /// for a part to appear): shown beside the draft on screen, never on paper. The writers
    /// of paper and files ([`to_html`], [`to_text`], [`to_docx`]) leave it out, and a screen
    /// that shows it hides it in print.
    Guidance {
        /// The note (markup).
        text: String,
    },
    /// Short lines of typed text (a letter's date, addressee, sender).
    Lines {
        /// The lines (plain); an empty value is a blank to fill in on paper.
        lines: Vec<String>,
        /// Where they sit.
        align: Align,
    },
    /// A bulleted list of fixed text.
    List {
        /// The entries (markup).
        items: Vec<String>,
    },
    /// Labelled values, one row each.
    Fields {
        /// The rows.
        rows: Vec<FieldRow>,
    },
    /// A table of plain cells.
    Table {
        /// Column headings; empty for a table without a header row.
        header: Vec<String>,
        /// The rows; the first cell of each is its row heading.
        rows: Vec<Vec<String>>,
    },
    /// A framed space for someone else to write in (the doctor's answer).
    AnswerBox {
        /// What to write there (plain).
        label: String,
        /// How many ruled lines it holds.
        lines: u8,
    },
    /// A line to sign on paper, with a line for the date.
    Signature {
        /// Who signs and what for (plain).
        label: String,
    },
}

/// A value nobody filled in, as every document writes it (print, `.docx`, `.txt`, the screen's
/// sheet): a line to write it in by hand, in a field row, in a letter's lines (「＿＿＿ 先生
/// 御机下」) and for a follow-up date alike. The one rule: a document handed to someone never
/// says 「（未記入）」.
pub const FILL_IN: &str = "＿＿＿＿＿＿＿＿";

/// An empty date on a Japanese document: the form's own blank, 「　　　　年　　月　　日」, to
/// write the year, month and day in (a line, [`FILL_IN`], in English).
pub fn fill_in_date(lang: Lang) -> &'static str {
    match lang {
        Lang::Ja => "　　　　年　　月　　日",
        Lang::En => FILL_IN,
    }
}

/// One labelled value of a [`Block::Fields`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FieldRow {
    /// A stable id (the case field's id), for the web and the tests.
    pub id: String,
    /// The label (plain).
    pub label: String,
    /// The value as read (plain); `None` when empty: a space to fill in on paper.
    pub value: Option<String>,
    /// Whether the value may span several lines.
    pub multiline: bool,
    /// What an empty value shows: [`FILL_IN`], or a date's blank ([`fill_in_date`]).
    #[serde(skip)]
    pub blank: &'static str,
}

impl FieldRow {
    /// The value as a document writes it: as read, or when empty the line to write it in by
    /// hand ([`FILL_IN`]; one line for a multiline field too: the row is the room to write
    /// in, and more lines pushed the letter's consent onto a third page). Every writer asks
    /// here.
    pub fn shown(&self) -> &str {
        self.value.as_deref().unwrap_or(self.blank)
    }

    /// The row of a date: empty, it shows the date's blank in `lang` ([`fill_in_date`]).
    pub fn date(mut self, lang: Lang) -> FieldRow {
        self.blank = fill_in_date(lang);
        self
    }

    /// A row.
    pub fn new(id: &str, label: &str, value: Option<String>, multiline: bool) -> FieldRow {
        FieldRow {
            id: id.to_string(),
            label: label.to_string(),
            value,
            multiline,
            blank: FILL_IN,
        }
    }
}

/// Inline markup as plain text: strong text as is, a link as `label (https://…)`.
pub fn plain(markup: &str) -> String {
    parse_inline(markup)
        .into_iter()
        .map(|run| match run {
            Inline::Plain(text) | Inline::Strong(text) => text,
            Inline::Link { label, href } if label == href => label,
            Inline::Link { label, href } => format!("{label} ({href})"),
        })
        .collect()
}

/// The document as plain text (UTF-8, `\n` line ends), for a `.txt` download.
pub fn to_text(document: &Document) -> String {
    let l = labels(document.lang);
    let colon = match document.lang {
        Lang::Ja => "：",
        Lang::En => ": ",
    };
    let rule = "――――――――――――――――――――";
    let mut out = String::new();
    let blank_line = |out: &mut String| {
        if !out.is_empty() && !out.ends_with("\n\n") {
            out.push('\n');
        }
    };
    for block in &document.blocks {
        match block {
            Block::Notice { text } => {
                blank_line(&mut out);
                out.push_str(&format!("【{text}】\n"));
            }
            Block::Heading { level, text } => {
                blank_line(&mut out);
                let text = plain(text);
                match level {
                    1 => out.push_str(&format!("{text}\n{rule}\n")),
                    2 => out.push_str(&format!("■ {text}\n")),
                    _ => out.push_str(&format!("◆ {text}\n")),
                }
            }
            Block::Paragraph { text, .. } => {
                blank_line(&mut out);
                out.push_str(&plain(text));
                out.push('\n');
            }
            Block::Guidance { .. } => {}
            Block::Lines { lines, .. } => {
                blank_line(&mut out);
                for line in lines {
                    out.push_str(line);
                    out.push('\n');
                }
            }
            Block::List { items } => {
                blank_line(&mut out);
                for item in items {
                    out.push_str(&format!("・{}\n", plain(item)));
                }
            }
            Block::Fields { rows } => {
                blank_line(&mut out);
                for row in rows {
                    let value = row.shown();
                    if row.multiline && value.contains('\n') {
                        out.push_str(&format!("{}{colon}\n", row.label));
                        for line in value.lines() {
                            out.push_str(&format!("  {line}\n"));
                        }
                    } else {
                        out.push_str(&format!("{}{colon}{value}\n", row.label));
                    }
                }
            }
            Block::Table { header, rows } => {
                blank_line(&mut out);
                if !header.is_empty() {
                    out.push_str(&header.join(" | "));
                    out.push('\n');
                }
                for row in rows {
                    out.push_str(&row.join(" | "));
                    out.push('\n');
                }
            }
            Block::AnswerBox { label, lines } => {
                blank_line(&mut out);
                out.push_str(&format!("┌ {label}\n"));
                for _ in 0..*lines {
                    out.push_str("│\n");
                }
                out.push_str(&format!("└{rule}\n"));
            }
            Block::Signature { label } => {
                blank_line(&mut out);
                out.push_str(&format!(
                    "{label}{colon}＿＿＿＿＿＿＿＿＿＿＿＿　{}{colon}＿＿＿＿＿＿\n",
                    l.date
                ));
            }
        }
    }
    out
}

/// The document as a whole printable HTML page (A4 print styles, everything escaped).
pub fn to_html(document: &Document) -> String {
    let l = labels(document.lang);
    let mut w = HtmlWriter::default();
    for block in &document.blocks {
        match block {
            Block::Notice { text } => {
                w.element("<p class=\"notice\">", text, "</p>\n");
            }
            Block::Heading { level, text } => {
                let (open, close) = match level {
                    1 => ("<h1>", "</h1>\n"),
                    2 => ("<h2>", "</h2>\n"),
                    _ => ("<h3>", "</h3>\n"),
                };
                w.markup(open).inline(text).markup(close);
            }
            Block::Paragraph { text, align } => {
                w.markup(align_open(*align)).inline(text).markup("</p>\n");
            }
            Block::Guidance { .. } => {}
            Block::Lines { lines, align } => {
                w.markup(align_open(*align));
                for (index, line) in lines.iter().enumerate() {
                    if index > 0 {
                        w.markup("<br>");
                    }
                    w.text(line);
                }
                w.markup("</p>\n");
            }
            Block::List { items } => {
                w.markup("<ul>\n");
                for item in items {
                    w.markup("<li>").inline(item).markup("</li>\n");
                }
                w.markup("</ul>\n");
            }
            Block::Fields { rows } => {
                w.markup("<dl class=\"fields\">\n");
                for row in rows {
                    w.element("<dt>", &row.label, "</dt>");
                    match (&row.value, row.multiline) {
                        (Some(value), true) => {
                            w.markup("<dd>").multiline(value).markup("</dd>\n");
                        }
                        (Some(value), false) => {
                            w.element("<dd>", value, "</dd>\n");
                        }
                        (None, true) => {
                            w.element("<dd class=\"blank tall\">", row.shown(), "</dd>\n");
                        }
                        (None, false) => {
                            w.element("<dd class=\"blank\">", row.shown(), "</dd>\n");
                        }
                    }
                }
                w.markup("</dl>\n");
            }
            Block::Table { header, rows } => {
                w.markup("<table>\n");
                if !header.is_empty() {
                    w.markup("<thead><tr>");
                    for cell in header {
                        w.element("<th scope=\"col\">", cell, "</th>");
                    }
                    w.markup("</tr></thead>\n");
                }
                w.markup("<tbody>\n");
                for row in rows {
                    w.markup("<tr>");
                    for (index, cell) in row.iter().enumerate() {
                        if index == 0 {
                            w.element("<th scope=\"row\">", cell, "</th>");
                        } else {
                            w.element("<td>", cell, "</td>");
                        }
                    }
                    w.markup("</tr>\n");
                }
                w.markup("</tbody>\n</table>\n");
            }
            Block::AnswerBox { label, lines } => {
                w.markup("<div class=\"answer-box\">").element(
                    "<p class=\"answer-label\">",
                    label,
                    "</p>",
                );
                for _ in 0..*lines {
                    w.markup("<div class=\"answer-line\"></div>");
                }
                w.markup("</div>\n");
            }
            Block::Signature { label } => {
                w.markup("<div class=\"signature\"><div>")
                    .text(label)
                    .markup("</div><div>")
                    .text(l.date)
                    .markup("</div></div>\n");
            }
        }
    }
    w.into_document_with(document.lang, &document.title, DOCUMENT_STYLE)
}

/// The page styles a document adds to the shared report styles.
const DOCUMENT_STYLE: &str = "p.center { text-align: center; }
p.end { text-align: right; }
.answer-box { border: 1pt solid #111; padding: 2mm 3mm 4mm; margin: 2mm 0 4mm; break-inside: avoid; }
.answer-label { font-weight: bold; margin: 0; }
.answer-line { border-bottom: 0.5pt dotted #777; height: 8mm; }
";

fn align_open(align: Align) -> &'static str {
    match align {
        Align::Start => "<p>",
        Align::Center => "<p class=\"center\">",
        Align::End => "<p class=\"end\">",
    }
}

/// Checks that headings start at level 1 or 2, never skip a level going down, and stay
/// within 1 to [`MAX_HEADING_LEVEL`]: `Err` names the index of the first heading that does not.
pub fn check_heading_levels(levels: impl IntoIterator<Item = u8>) -> Result<(), usize> {
    let mut previous = 1u8;
    for (index, level) in levels.into_iter().enumerate() {
        if level == 0 || level > MAX_HEADING_LEVEL || level > previous + 1 {
            return Err(index);
        }
        previous = level;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Document {
        Document {
            lang: Lang::Ja,
            title: "情報提供依頼書".into(),
            blocks: vec![
                Block::Notice {
                    text: "取扱注意".into(),
                },
                Block::Lines {
                    lines: vec!["2026年11月25日".into()],
                    align: Align::End,
                },
                Block::Heading {
                    level: 1,
                    text: "情報提供依頼書".into(),
                },
                Block::Paragraph {
                    text: "**下記**のとおり [手引き](https://example.jp/) <b>".into(),
                    align: Align::Start,
                },
                Block::Fields {
                    rows: vec![
                        FieldRow::new("a", "氏名", Some("山田 <花子>".into()), false),
                        FieldRow::new("b", "依頼事項", Some("1. 症状\n2. 配慮".into()), true),
                        FieldRow::new("c", "生年月日", None, false),
                    ],
                },
                Block::Table {
                    header: vec![],
                    rows: vec![vec!["7日後".into(), "2026年12月8日".into()]],
                },
                Block::AnswerBox {
                    label: "ご回答欄".into(),
                    lines: 3,
                },
                Block::Signature {
                    label: "本人署名".into(),
                },
            ],
        }
    }

    #[test]
    fn plain_text_keeps_every_value_and_no_markup() {
        let text = to_text(&sample());
        assert!(text.contains("氏名：山田 <花子>\n"));
        assert!(text.contains("依頼事項：\n  1. 症状\n  2. 配慮\n"));
        assert!(text.contains("生年月日：＿＿＿＿＿＿＿＿\n"));
        assert!(!text.contains("未記入"));
        assert!(text.contains("下記のとおり 手引き (https://example.jp/) <b>"));
        assert!(text.contains("7日後 | 2026年12月8日\n"));
        assert!(text.contains("┌ ご回答欄\n│\n│\n│\n└"));
        assert!(text.contains("本人署名："));
        assert!(!text.contains("**"));
    }

    #[test]
    fn html_escapes_typed_values_and_keeps_the_structure() {
        let html = to_html(&sample());
        assert!(html.contains("<h1>情報提供依頼書</h1>"));
        assert!(html.contains("<dd>山田 &lt;花子&gt;</dd>"));
        assert!(html.contains("<p class=\"end\">2026年11月25日</p>"));
        assert_eq!(html.matches("<div class=\"answer-line\"></div>").count(), 3);
        assert!(html.contains("<strong>下記</strong>"));
        assert!(!html.contains("<b>"));
    }

    #[test]
    fn heading_levels_may_not_skip() {
        assert_eq!(check_heading_levels([1, 2, 3, 2, 2]), Ok(()));
        assert_eq!(check_heading_levels([2, 3]), Ok(()));
        assert_eq!(check_heading_levels([1, 3]), Err(1));
        assert_eq!(check_heading_levels([3]), Err(0));
        assert_eq!(check_heading_levels([1, 2, 4]), Err(2));
        assert_eq!(check_heading_levels([0]), Err(0));
    }
}
