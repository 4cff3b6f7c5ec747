//! A [`Document`] as an editable Word file (`.docx`, Office Open XML WordprocessingML):
//! real headings (Word's "Heading 1–3" styles, so the navigation pane lists them), tables
//! with borders for field rows and answer boxes, A4 pages. Written by hand: five small XML
//! parts in a stored ZIP (`zip.rs`), deterministic byte for byte.

use super::zip::stored_archive;
use super::{Align, Block, Document};
use crate::report::labels;
use crate::text::{parse_inline, Inline, Lang};

/// The A4 text width between 20 mm margins, in twentieths of a point.
const TEXT_WIDTH: u32 = 11906 - 2 * 1134;
/// The label column of field rows.
const LABEL_WIDTH: u32 = 2900;

/// The document as a `.docx` file.
pub fn to_docx(document: &Document) -> Vec<u8> {
    let mut body = String::new();
    for block in &document.blocks {
        block_xml(&mut body, block, document.lang);
    }
    let document_xml = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
         <w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">\
         <w:body>{body}<w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/>\
         <w:pgMar w:top=\"1134\" w:right=\"1134\" w:bottom=\"1134\" w:left=\"1134\" w:header=\"567\" w:footer=\"567\" w:gutter=\"0\"/>\
         </w:sectPr></w:body></w:document>"
    );
    let title = escape(&document.title);
    let core_xml = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
         <cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" \
         xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:title>{title}</dc:title>\
         <dc:language>{}</dc:language></cp:coreProperties>",
        document.lang.code()
    );
    stored_archive(&[
        ("[Content_Types].xml", CONTENT_TYPES.as_bytes().to_vec()),
        ("_rels/.rels", ROOT_RELS.as_bytes().to_vec()),
        ("docProps/core.xml", core_xml.into_bytes()),
        (
            "word/_rels/document.xml.rels",
            DOCUMENT_RELS.as_bytes().to_vec(),
        ),
        ("word/styles.xml", styles(document.lang).into_bytes()),
        ("word/document.xml", document_xml.into_bytes()),
    ])
}

fn block_xml(out: &mut String, block: &Block, lang: Lang) {
    let l = labels(lang);
    match block {
        Block::Notice { text } => {
            out.push_str(
                "<w:p><w:pPr><w:pBdr>\
                 <w:top w:val=\"single\" w:sz=\"6\" w:space=\"2\" w:color=\"000000\"/>\
                 <w:left w:val=\"single\" w:sz=\"6\" w:space=\"4\" w:color=\"000000\"/>\
                 <w:bottom w:val=\"single\" w:sz=\"6\" w:space=\"2\" w:color=\"000000\"/>\
                 <w:right w:val=\"single\" w:sz=\"6\" w:space=\"4\" w:color=\"000000\"/>\
                 </w:pBdr><w:rPr><w:sz w:val=\"18\"/></w:rPr></w:pPr>",
            );
            run(out, text, false, Some(18));
            out.push_str("</w:p>");
        }
        Block::Heading { level, text } => {
            let level = (*level).clamp(1, super::MAX_HEADING_LEVEL);
            out.push_str(&format!(
                "<w:p><w:pPr><w:pStyle w:val=\"Heading{level}\"/></w:pPr>"
            ));
            markup_runs(out, text);
            out.push_str("</w:p>");
        }
        Block::Paragraph { text, align } => {
            paragraph_open(out, *align);
            markup_runs(out, text);
            out.push_str("</w:p>");
        }
        Block::Guidance { .. } => {}
        Block::Lines { lines, align } => {
            for line in lines {
                paragraph_open(out, *align);
                run(out, line, false, None);
                out.push_str("</w:p>");
            }
        }
        Block::List { items } => {
            for item in items {
                out.push_str("<w:p><w:pPr><w:ind w:left=\"420\" w:hanging=\"210\"/></w:pPr>");
                run(out, "・", false, None);
                markup_runs(out, item);
                out.push_str("</w:p>");
            }
        }
        Block::Fields { rows } => {
            table_open(out, &[LABEL_WIDTH, TEXT_WIDTH - LABEL_WIDTH], true);
            for row in rows {
                out.push_str("<w:tr>");
                cell(out, LABEL_WIDTH, &row.label, true, 1);
                // An empty multiline field keeps room to write in below its fill-in line.
                let lines = if row.value.is_none() && row.multiline {
                    4
                } else {
                    1
                };
                cell(out, TEXT_WIDTH - LABEL_WIDTH, row.shown(), false, lines);
                out.push_str("</w:tr>");
            }
            out.push_str("</w:tbl>");
            empty_paragraph(out);
        }
        Block::Table { header, rows } => {
            let columns = header
                .len()
                .max(rows.iter().map(Vec::len).max().unwrap_or(0))
                .max(1);
            let width = TEXT_WIDTH / columns as u32;
            let widths = vec![width; columns];
            table_open(out, &widths, true);
            if !header.is_empty() {
                out.push_str("<w:tr><w:trPr><w:tblHeader/></w:trPr>");
                for column in 0..columns {
                    cell(
                        out,
                        width,
                        header.get(column).map_or("", String::as_str),
                        true,
                        1,
                    );
                }
                out.push_str("</w:tr>");
            }
            for row in rows {
                out.push_str("<w:tr>");
                for column in 0..columns {
                    let text = row.get(column).map_or("", String::as_str);
                    cell(out, width, text, column == 0, 1);
                }
                out.push_str("</w:tr>");
            }
            out.push_str("</w:tbl>");
            empty_paragraph(out);
        }
        Block::AnswerBox { label, lines } => {
            table_open(out, &[TEXT_WIDTH], true);
            // One row that never splits: the answer box stays whole on one page.
            out.push_str("<w:tr><w:trPr><w:cantSplit/></w:trPr><w:tc><w:tcPr>");
            out.push_str(&format!("<w:tcW w:w=\"{TEXT_WIDTH}\" w:type=\"dxa\"/>"));
            out.push_str("</w:tcPr><w:p>");
            run(out, label, true, None);
            out.push_str("</w:p>");
            for _ in 0..(*lines).max(1) {
                out.push_str(
                    // `between` as well as `bottom`: paragraphs with the same borders form one
                    // group in Word and LibreOffice, which draw only the group's last bottom.
                    "<w:p><w:pPr><w:pBdr><w:bottom w:val=\"dotted\" w:sz=\"4\" w:space=\"1\" w:color=\"808080\"/>\
                     <w:between w:val=\"dotted\" w:sz=\"4\" w:space=\"1\" w:color=\"808080\"/></w:pBdr>\
                     <w:spacing w:before=\"160\"/></w:pPr></w:p>",
                );
            }
            out.push_str("</w:tc></w:tr></w:tbl>");
            empty_paragraph(out);
        }
        Block::Signature { label } => {
            out.push_str("<w:p><w:pPr><w:spacing w:before=\"360\"/></w:pPr>");
            run(out, label, false, None);
            run(out, "　＿＿＿＿＿＿＿＿＿＿＿＿＿＿　", false, None);
            run(out, l.date, false, None);
            run(out, "　＿＿＿＿＿＿＿＿", false, None);
            out.push_str("</w:p>");
        }
    }
}

fn paragraph_open(out: &mut String, align: Align) {
    match align {
        Align::Start => out.push_str("<w:p>"),
        Align::Center => out.push_str("<w:p><w:pPr><w:jc w:val=\"center\"/></w:pPr>"),
        Align::End => out.push_str("<w:p><w:pPr><w:jc w:val=\"right\"/></w:pPr>"),
    }
}

fn empty_paragraph(out: &mut String) {
    out.push_str("<w:p/>");
}

fn table_open(out: &mut String, widths: &[u32], borders: bool) {
    out.push_str("<w:tbl><w:tblPr>");
    out.push_str(&format!("<w:tblW w:w=\"{TEXT_WIDTH}\" w:type=\"dxa\"/>"));
    if borders {
        out.push_str("<w:tblBorders>");
        for side in ["top", "left", "bottom", "right", "insideH", "insideV"] {
            out.push_str(&format!(
                "<w:{side} w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
            ));
        }
        out.push_str("</w:tblBorders>");
    }
    out.push_str("<w:tblLayout w:type=\"fixed\"/><w:tblCellMar><w:left w:w=\"100\" w:type=\"dxa\"/><w:right w:w=\"100\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr><w:tblGrid>");
    for width in widths {
        out.push_str(&format!("<w:gridCol w:w=\"{width}\"/>"));
    }
    out.push_str("</w:tblGrid>");
}

/// A table cell of plain text (line breaks kept), at least `min_lines` paragraphs tall.
fn cell(out: &mut String, width: u32, text: &str, bold: bool, min_lines: usize) {
    out.push_str(&format!(
        "<w:tc><w:tcPr><w:tcW w:w=\"{width}\" w:type=\"dxa\"/></w:tcPr>"
    ));
    let mut written = 0;
    for line in text.split('\n') {
        out.push_str("<w:p>");
        run(out, line.trim_end_matches('\r'), bold, None);
        out.push_str("</w:p>");
        written += 1;
    }
    while written < min_lines {
        out.push_str("<w:p/>");
        written += 1;
    }
    out.push_str("</w:tc>");
}

/// Runs for a text with Kizuki's inline markup: strong text bold, a link as `label (url)`.
fn markup_runs(out: &mut String, markup: &str) {
    for piece in parse_inline(markup) {
        match piece {
            Inline::Plain(text) => run(out, &text, false, None),
            Inline::Strong(text) => run(out, &text, true, None),
            Inline::Link { label, href } if label == href => run(out, &label, false, None),
            Inline::Link { label, href } => run(out, &format!("{label} ({href})"), false, None),
        }
    }
}

/// One run of plain text; line breaks become `<w:br/>`.
fn run(out: &mut String, text: &str, bold: bool, size: Option<u8>) {
    if text.is_empty() {
        return;
    }
    out.push_str("<w:r>");
    if bold || size.is_some() {
        out.push_str("<w:rPr>");
        if bold {
            out.push_str("<w:b/>");
        }
        if let Some(size) = size {
            out.push_str(&format!("<w:sz w:val=\"{size}\"/>"));
        }
        out.push_str("</w:rPr>");
    }
    for (index, line) in text.split('\n').enumerate() {
        if index > 0 {
            out.push_str("<w:br/>");
        }
        out.push_str("<w:t xml:space=\"preserve\">");
        out.push_str(&escape(line));
        out.push_str("</w:t>");
    }
    out.push_str("</w:r>");
}

/// Text for XML 1.0: markup characters escaped, characters XML cannot hold dropped (NUL,
/// most C0 controls, U+FFFE, U+FFFF), tabs as spaces.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\t' => out.push(' '),
            '\u{0}'..='\u{8}'
            | '\u{B}'
            | '\u{C}'
            | '\u{E}'..='\u{1F}'
            | '\u{FFFE}'
            | '\u{FFFF}' => {}
            '\r' | '\n' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

fn styles(lang: Lang) -> String {
    let (font, lang_tag) = match lang {
        Lang::Ja => ("游明朝", "ja-JP"),
        Lang::En => ("Times New Roman", "en-US"),
    };
    let heading = |level: u8, size: u8, centre: bool| {
        format!(
            "<w:style w:type=\"paragraph\" w:styleId=\"Heading{level}\"><w:name w:val=\"heading {level}\"/>\
             <w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:qFormat/>\
             <w:pPr><w:keepNext/><w:spacing w:before=\"240\" w:after=\"120\"/>{}<w:outlineLvl w:val=\"{}\"/></w:pPr>\
             <w:rPr><w:b/><w:sz w:val=\"{size}\"/></w:rPr></w:style>",
            if centre { "<w:jc w:val=\"center\"/>" } else { "" },
            level - 1
        )
    };
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
         <w:styles xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">\
         <w:docDefaults><w:rPrDefault><w:rPr>\
         <w:rFonts w:ascii=\"{font}\" w:eastAsia=\"{font}\" w:hAnsi=\"{font}\"/>\
         <w:sz w:val=\"21\"/><w:lang w:val=\"{lang_tag}\" w:eastAsia=\"ja-JP\"/></w:rPr></w:rPrDefault>\
         <w:pPrDefault><w:pPr><w:spacing w:after=\"60\" w:line=\"300\" w:lineRule=\"auto\"/></w:pPr></w:pPrDefault>\
         </w:docDefaults>\
         <w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/><w:qFormat/></w:style>\
         {}{}{}</w:styles>",
        heading(1, 32, true),
        heading(2, 24, false),
        heading(3, 22, false),
    )
}

const CONTENT_TYPES: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">\
<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>\
<Default Extension=\"xml\" ContentType=\"application/xml\"/>\
<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>\
<Override PartName=\"/word/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>\
<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>\
</Types>";

const ROOT_RELS: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\
<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/>\
<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>\
</Relationships>";

const DOCUMENT_RELS: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\
<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>\
</Relationships>";

#[cfg(test)]
mod tests {
    use super::super::{Block, Document, FieldRow};
    use super::*;

    #[test]
    fn xml_cannot_be_broken_by_typed_text() {
        assert_eq!(
            escape("a<b>&\"\u{0}\u{7}c\u{FFFF}"),
            "a&lt;b&gt;&amp;&quot;c"
        );
    }

    #[test]
    fn a_docx_holds_the_values_in_its_document_part() {
        let document = Document {
            lang: Lang::Ja,
            title: "情報提供依頼書".into(),
            blocks: vec![
                Block::Heading {
                    level: 1,
                    text: "情報提供依頼書".into(),
                },
                Block::Fields {
                    rows: vec![FieldRow::new(
                        "w",
                        "氏名",
                        Some("山田 <花子>\n2行目".into()),
                        true,
                    )],
                },
                Block::AnswerBox {
                    label: "ご回答欄".into(),
                    lines: 2,
                },
            ],
        };
        let bytes = to_docx(&document);
        let text = String::from_utf8_lossy(&bytes);
        assert!(text.contains("word/document.xml"));
        assert!(text.contains("<w:pStyle w:val=\"Heading1\"/>"));
        assert!(text.contains(
            "山田 &lt;花子&gt;</w:t></w:r></w:p><w:p><w:r><w:t xml:space=\"preserve\">2行目"
        ));
        assert!(text.contains("ご回答欄"));
        assert_eq!(to_docx(&document), bytes, "deterministic");
    }
}
