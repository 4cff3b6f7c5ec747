//! Issue 16: the `.docx` downloads open in a word processor. Every document the kits write
//! (the planner's two, in both languages, empty and filled with hostile text; the checklist's
//! draft plan; one of every block) is read back as a word processor would: the ZIP by its
//! central directory (signatures, offsets, sizes, CRC-32 checked by a second, bitwise
//! implementation), every XML part parsed, `[Content_Types].xml` giving every part a type,
//! every relationship resolving to a part and every part reached from the package root, the
//! main document's styles defined, and the WordprocessingML property elements in the order
//! the schema requires (Word refuses a file whose `w:pPr` children are out of order).

use std::collections::{BTreeMap, BTreeSet};

use kizuki_core::document::{to_docx, Align, Block, Document, FieldRow};
use kizuki_core::kind::plan::{Case, Plan};
use kizuki_core::{load_pack, Lang};

use crate::repo_root;

/// Text a person might type, with everything XML and Word care about.
const HOSTILE: &str = "<w:p>&amp; \"quoted\" 'single' ]]> \u{1}\u{8}\u{b}\u{1f}\u{fffe}\ttab\r\nline two\n\n**not bold** [x](javascript:alert(1))";

/// One stored entry of an archive.
struct Entry {
    name: String,
    data: Vec<u8>,
}

fn u16_at(bytes: &[u8], at: usize) -> usize {
    usize::from(u16::from_le_bytes([bytes[at], bytes[at + 1]]))
}

fn u32_at(bytes: &[u8], at: usize) -> u32 {
    u32::from_le_bytes(bytes[at..at + 4].try_into().unwrap())
}

/// CRC-32 computed bit by bit (not the core's table), so a wrong table is caught too.
fn crc32_bitwise(bytes: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &byte in bytes {
        crc ^= u32::from(byte);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

/// The main document part (`word/document.xml`) of a `.docx`, as text.
pub(crate) fn document_xml(docx: &[u8]) -> String {
    let entry = read_zip(docx)
        .into_iter()
        .find(|e| e.name == "word/document.xml")
        .expect("a main document part");
    String::from_utf8(entry.data).expect("UTF-8")
}

/// Reads an archive the way a word processor does: from the end-of-central-directory record,
/// through the central directory, to each local header; checks what both say agree.
fn read_zip(bytes: &[u8]) -> Vec<Entry> {
    let eocd = bytes.len() - 22;
    assert_eq!(
        u32_at(bytes, eocd),
        0x0605_4b50,
        "end of central directory last, no comment"
    );
    let count = u16_at(bytes, eocd + 10);
    assert_eq!(count, u16_at(bytes, eocd + 8), "one disk");
    let central_size = u32_at(bytes, eocd + 12) as usize;
    let central_offset = u32_at(bytes, eocd + 16) as usize;
    assert_eq!(
        central_offset + central_size,
        eocd,
        "the directory ends where the record starts"
    );
    let mut entries = Vec::new();
    let mut at = central_offset;
    let mut local_end = 0;
    for _ in 0..count {
        assert_eq!(u32_at(bytes, at), 0x0201_4b50, "central header");
        let method = u16_at(bytes, at + 10);
        let crc = u32_at(bytes, at + 16);
        let compressed = u32_at(bytes, at + 20) as usize;
        let size = u32_at(bytes, at + 24) as usize;
        let name_len = u16_at(bytes, at + 28);
        let extra_len = u16_at(bytes, at + 30);
        let comment_len = u16_at(bytes, at + 32);
        let local = u32_at(bytes, at + 42) as usize;
        let name = std::str::from_utf8(&bytes[at + 46..at + 46 + name_len])
            .expect("UTF-8 name")
            .to_string();
        assert_eq!(method, 0, "{name}: stored");
        assert_eq!(compressed, size, "{name}: stored sizes agree");
        assert!(
            !name.starts_with('/') && !name.contains('\\') && !name.contains(".."),
            "{name}"
        );
        // The local header says the same.
        assert_eq!(u32_at(bytes, local), 0x0403_4b50, "{name}: local header");
        assert_eq!(
            local, local_end,
            "{name}: entries follow each other with no gap"
        );
        assert_eq!(u16_at(bytes, local + 8), method, "{name}: method");
        assert_eq!(u32_at(bytes, local + 14), crc, "{name}: local CRC");
        assert_eq!(
            u32_at(bytes, local + 18) as usize,
            compressed,
            "{name}: local size"
        );
        assert_eq!(
            u32_at(bytes, local + 22) as usize,
            size,
            "{name}: local size"
        );
        let local_name_len = u16_at(bytes, local + 26);
        let local_extra_len = u16_at(bytes, local + 28);
        assert_eq!(
            &bytes[local + 30..local + 30 + local_name_len],
            name.as_bytes()
        );
        let start = local + 30 + local_name_len + local_extra_len;
        let data = bytes[start..start + size].to_vec();
        assert_eq!(crc32_bitwise(&data), crc, "{name}: CRC-32 of the data");
        local_end = start + size;
        entries.push(Entry { name, data });
        at += 46 + name_len + extra_len + comment_len;
    }
    assert_eq!(at, eocd, "the directory holds exactly {count} entries");
    assert_eq!(
        local_end, central_offset,
        "the directory follows the last entry"
    );
    let names: BTreeSet<&str> = entries.iter().map(|e| e.name.as_str()).collect();
    assert_eq!(names.len(), entries.len(), "no part twice");
    entries
}

const PACKAGE_RELS: &str = "http://schemas.openxmlformats.org/package/2006/relationships";
const CONTENT_TYPES: &str = "http://schemas.openxmlformats.org/package/2006/content-types";
const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const OFFICE_DOCUMENT: &str =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument";
const STYLES: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles";

/// The order CT_PPrBase, CT_RPr, CT_TblPr, CT_TcPr, CT_TrPr and CT_SectPr give their
/// children (those a simple document uses; an element not listed here fails the check).
fn schema_order(parent: &str) -> Option<&'static [&'static str]> {
    Some(match parent {
        "pPr" => &[
            "pStyle",
            "keepNext",
            "keepLines",
            "pageBreakBefore",
            "framePr",
            "widowControl",
            "numPr",
            "suppressLineNumbers",
            "pBdr",
            "shd",
            "tabs",
            "suppressAutoHyphens",
            "kinsoku",
            "wordWrap",
            "overflowPunct",
            "topLinePunct",
            "autoSpaceDE",
            "autoSpaceDN",
            "bidi",
            "adjustRightInd",
            "snapToGrid",
            "spacing",
            "ind",
            "contextualSpacing",
            "mirrorIndents",
            "suppressOverlap",
            "jc",
            "textDirection",
            "textAlignment",
            "textboxTightWrap",
            "outlineLvl",
            "divId",
            "cnfStyle",
            "rPr",
            "sectPr",
            "pPrChange",
        ],
        "rPr" => &[
            "rStyle",
            "rFonts",
            "b",
            "bCs",
            "i",
            "iCs",
            "caps",
            "smallCaps",
            "strike",
            "dstrike",
            "outline",
            "shadow",
            "emboss",
            "imprint",
            "noProof",
            "snapToGrid",
            "vanish",
            "webHidden",
            "color",
            "spacing",
            "w",
            "kern",
            "position",
            "sz",
            "szCs",
            "highlight",
            "u",
            "effect",
            "bdr",
            "shd",
            "fitText",
            "vertAlign",
            "rtl",
            "cs",
            "em",
            "lang",
            "eastAsianLayout",
            "specVanish",
            "oMath",
        ],
        "tblPr" => &[
            "tblStyle",
            "tblpPr",
            "tblOverlap",
            "bidiVisual",
            "tblStyleRowBandSize",
            "tblStyleColBandSize",
            "tblW",
            "jc",
            "tblCellSpacing",
            "tblInd",
            "tblBorders",
            "shd",
            "tblLayout",
            "tblCellMar",
            "tblLook",
            "tblCaption",
            "tblDescription",
        ],
        "tcPr" => &[
            "cnfStyle",
            "tcW",
            "gridSpan",
            "hMerge",
            "vMerge",
            "tcBorders",
            "shd",
            "noWrap",
            "tcMar",
            "textDirection",
            "tcFitText",
            "vAlign",
            "hideMark",
        ],
        "trPr" => &[
            "cnfStyle",
            "divId",
            "gridBefore",
            "gridAfter",
            "wBefore",
            "wAfter",
            "cantSplit",
            "trHeight",
            "tblHeader",
            "tblCellSpacing",
            "jc",
            "hidden",
        ],
        "sectPr" => &[
            "headerReference",
            "footerReference",
            "footnotePr",
            "endnotePr",
            "type",
            "pgSz",
            "pgMar",
            "paperSrc",
            "pgBorders",
            "lnNumType",
            "pgNumType",
            "cols",
            "formProt",
            "vAlign",
            "noEndnote",
            "titlePg",
            "textDirection",
            "bidi",
            "rtlGutter",
            "docGrid",
            "printerSettings",
        ],
        "pBdr" => &["top", "left", "bottom", "right", "between", "bar"],
        "tblBorders" => &["top", "left", "bottom", "right", "insideH", "insideV"],
        _ => return None,
    })
}

/// Every WordprocessingML property element's children are in schema order; a table cell
/// ends with a paragraph; a table row holds cells; a table has its properties and grid.
fn check_wordprocessing_order(part: &str, doc: &roxmltree::Document<'_>) {
    for node in doc
        .descendants()
        .filter(|n| n.is_element() && n.tag_name().namespace() == Some(W))
    {
        let name = node.tag_name().name();
        let children: Vec<&str> = node
            .children()
            .filter(|c| c.is_element())
            .map(|c| c.tag_name().name())
            .collect();
        if let Some(order) = schema_order(name) {
            let mut last = 0;
            for child in &children {
                let position = order.iter().position(|o| o == child).unwrap_or_else(|| {
                    panic!("{part}: <w:{child}> is not known inside <w:{name}>")
                });
                assert!(
                    position >= last,
                    "{part}: <w:{child}> comes after a later sibling inside <w:{name}>: {children:?}"
                );
                last = position;
            }
        }
        match name {
            "tc" => assert_eq!(
                children.last(),
                Some(&"p"),
                "{part}: a cell ends with a paragraph"
            ),
            "tbl" => assert_eq!(
                children.get(..2),
                Some(&["tblPr", "tblGrid"][..]),
                "{part}: {children:?}"
            ),
            "tr" => assert!(children.contains(&"tc"), "{part}: a row holds cells"),
            "p" => {
                if let Some(position) = children.iter().position(|c| *c == "pPr") {
                    assert_eq!(position, 0, "{part}: pPr first in a paragraph");
                }
            }
            "r" => {
                if let Some(position) = children.iter().position(|c| *c == "rPr") {
                    assert_eq!(position, 0, "{part}: rPr first in a run");
                }
            }
            _ => {}
        }
    }
}

/// The part a relationship target names, from the folder of the part that holds it.
fn resolve(source_part: &str, target: &str) -> String {
    let mut path: Vec<&str> = if let Some(absolute) = target.strip_prefix('/') {
        return absolute.to_string();
    } else {
        source_part.split('/').collect()
    };
    path.pop();
    for piece in target.split('/') {
        match piece {
            ".." => {
                path.pop();
            }
            "." | "" => {}
            piece => path.push(piece),
        }
    }
    path.join("/")
}

/// The relationships part of `part` (`word/document.xml` → `word/_rels/document.xml.rels`).
fn relationships_of(part: &str) -> String {
    match part.rsplit_once('/') {
        Some((folder, file)) => format!("{folder}/_rels/{file}.rels"),
        None => format!("_rels/{part}.rels"),
    }
}

/// Checks one `.docx` as a package and returns its main document's text, paragraph by
/// paragraph (runs joined, `<w:br/>` as a line break).
fn check_docx(what: &str, bytes: &[u8]) -> Vec<String> {
    let entries = read_zip(bytes);
    let parts: BTreeMap<&str, &str> = entries
        .iter()
        .map(|e| {
            let text = std::str::from_utf8(&e.data)
                .unwrap_or_else(|_| panic!("{what}: {} is UTF-8", e.name));
            (e.name.as_str(), text)
        })
        .collect();
    let mut parsed = BTreeMap::new();
    for (name, text) in &parts {
        assert!(
            name.ends_with(".xml") || name.ends_with(".rels"),
            "{what}: {name}"
        );
        assert!(
            text.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\""),
            "{what}: {name} declares UTF-8"
        );
        let doc = roxmltree::Document::parse(text)
            .unwrap_or_else(|e| panic!("{what}: {name} is not well-formed XML: {e}"));
        parsed.insert(*name, doc);
    }

    // [Content_Types].xml: every part (but itself) has a content type; every override names a part.
    let types = &parsed["[Content_Types].xml"];
    assert_eq!(
        types.root_element().tag_name().namespace(),
        Some(CONTENT_TYPES)
    );
    let defaults: BTreeMap<String, &str> = types
        .root_element()
        .children()
        .filter(|n| n.has_tag_name((CONTENT_TYPES, "Default")))
        .map(|n| {
            (
                n.attribute("Extension").unwrap().to_ascii_lowercase(),
                n.attribute("ContentType").unwrap(),
            )
        })
        .collect();
    let overrides: BTreeMap<&str, &str> = types
        .root_element()
        .children()
        .filter(|n| n.has_tag_name((CONTENT_TYPES, "Override")))
        .map(|n| {
            (
                n.attribute("PartName").unwrap(),
                n.attribute("ContentType").unwrap(),
            )
        })
        .collect();
    for name in overrides.keys() {
        assert!(
            parts.contains_key(name.trim_start_matches('/')),
            "{what}: override for a missing part {name}"
        );
    }
    let content_type = |part: &str| -> Option<&str> {
        overrides
            .get(format!("/{part}").as_str())
            .copied()
            .or_else(|| {
                let extension = part.rsplit('.').next()?.to_ascii_lowercase();
                defaults.get(&extension).copied()
            })
    };
    for name in parts.keys().filter(|n| **n != "[Content_Types].xml") {
        assert!(
            content_type(name).is_some(),
            "{what}: {name} has no content type"
        );
    }
    for name in parts.keys().filter(|n| n.ends_with(".rels")) {
        assert_eq!(
            content_type(name),
            Some("application/vnd.openxmlformats-package.relationships+xml")
        );
    }

    // Relationships: each resolves to a part; every part is reached from the root.
    let mut reached =
        BTreeSet::from(["[Content_Types].xml".to_string(), "_rels/.rels".to_string()]);
    let mut main_document = None;
    let mut document_rels = BTreeMap::new();
    for (name, doc) in parsed.iter().filter(|(n, _)| n.ends_with(".rels")) {
        let source = name
            .replace("_rels/", "")
            .trim_end_matches(".rels")
            .to_string();
        assert_eq!(
            doc.root_element().tag_name().namespace(),
            Some(PACKAGE_RELS),
            "{what}: {name}"
        );
        let mut ids = BTreeSet::new();
        for relationship in doc.root_element().children().filter(|n| n.is_element()) {
            let id = relationship.attribute("Id").unwrap();
            assert!(ids.insert(id), "{what}: {name} uses {id} twice");
            if relationship.attribute("TargetMode") == Some("External") {
                continue;
            }
            let target = resolve(&source, relationship.attribute("Target").unwrap());
            assert!(
                parts.contains_key(target.as_str()),
                "{what}: {name} → {target} is not in the package"
            );
            reached.insert(relationships_of(&target));
            reached.insert(target.clone());
            let kind = relationship.attribute("Type").unwrap();
            if *name == "_rels/.rels" && kind == OFFICE_DOCUMENT {
                main_document = Some(target.clone());
            }
            if *name == "word/_rels/document.xml.rels" {
                document_rels.insert(kind.to_string(), target);
            }
        }
    }
    for name in parts.keys() {
        assert!(
            reached.contains(*name),
            "{what}: {name} is not reached from the package root"
        );
    }
    let main = main_document.unwrap_or_else(|| panic!("{what}: no officeDocument relationship"));
    assert_eq!(
        content_type(&main),
        Some("application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml")
    );

    // The main document: WordprocessingML, a body ending in its section, styles it uses defined.
    let document = &parsed[main.as_str()];
    let root = document.root_element();
    assert!(root.has_tag_name((W, "document")), "{what}");
    let body = root
        .children()
        .find(|n| n.has_tag_name((W, "body")))
        .expect("a body");
    let last = body.children().rfind(|n| n.is_element()).unwrap();
    assert!(
        last.has_tag_name((W, "sectPr")),
        "{what}: the body ends with its section"
    );
    let page = last
        .children()
        .find(|n| n.has_tag_name((W, "pgSz")))
        .unwrap();
    assert_eq!(
        (page.attribute((W, "w")), page.attribute((W, "h"))),
        (Some("11906"), Some("16838")),
        "A4"
    );
    let styles = &parsed[document_rels
        .get(STYLES)
        .expect("a styles relationship")
        .as_str()];
    let defined: BTreeSet<&str> = styles
        .descendants()
        .filter(|n| n.has_tag_name((W, "style")))
        .map(|n| n.attribute((W, "styleId")).unwrap())
        .collect();
    for used in document
        .descendants()
        .filter(|n| n.has_tag_name((W, "pStyle")) || n.has_tag_name((W, "rStyle")))
    {
        let id = used.attribute((W, "val")).unwrap();
        assert!(
            defined.contains(id),
            "{what}: style {id} is used but not defined"
        );
    }
    for (name, doc) in &parsed {
        check_wordprocessing_order(&format!("{what}: {name}"), doc);
    }

    body.children()
        .filter(|n| n.has_tag_name((W, "p")) || n.has_tag_name((W, "tbl")))
        .flat_map(|n| {
            if n.has_tag_name((W, "p")) {
                vec![n]
            } else {
                n.descendants()
                    .filter(|d| d.has_tag_name((W, "p")))
                    .collect()
            }
        })
        .map(|p| {
            p.descendants()
                .filter_map(|n| {
                    if n.has_tag_name((W, "t")) {
                        Some(n.text().unwrap_or("").to_string())
                    } else if n.has_tag_name((W, "br")) {
                        Some("\n".to_string())
                    } else {
                        None
                    }
                })
                .collect::<String>()
        })
        .collect()
}

/// What the typed text becomes in a Word paragraph: the characters XML 1.0 cannot hold
/// dropped, a tab as a space, each line its own paragraph or line break.
fn expected_lines(text: &str) -> Vec<String> {
    text.split('\n')
        .map(|line| {
            line.trim_end_matches('\r')
                .chars()
                .filter(|c| !matches!(c, '\u{0}'..='\u{8}' | '\u{b}' | '\u{c}' | '\u{e}'..='\u{1f}' | '\u{fffe}' | '\u{ffff}'))
                .map(|c| if c == '\t' { ' ' } else { c })
                .collect()
        })
        .collect()
}

fn return_to_work() -> kizuki_core::ValidPack {
    load_pack(&std::fs::read(repo_root().join("content/return-to-work.json")).unwrap()).unwrap()
}

/// A case with every field of the pack filled: dates as dates, choices as their first
/// option, text as the hostile text.
fn filled_case(plan: &Plan) -> Case {
    let fields: serde_json::Map<String, serde_json::Value> = plan
        .fields
        .iter()
        .map(|field| {
            let value = match field.kind {
                kizuki_core::kind::plan::FieldKind::Date => "2026-11-25".to_string(),
                kizuki_core::kind::plan::FieldKind::Choice => field.options[0].id.clone(),
                _ => HOSTILE.to_string(),
            };
            (field.id.clone(), serde_json::Value::String(value))
        })
        .collect();
    serde_json::from_value(serde_json::json!({
        "label": HOSTILE, "opened": "2026-11-01", "step": "step1", "fields": fields,
    }))
    .unwrap()
}

#[test]
fn every_plan_document_is_a_well_formed_word_package_in_both_languages_empty_or_hostile() {
    let pack = return_to_work();
    let plan = pack.content::<Plan>().unwrap();
    assert!(plan.documents.len() >= 2);
    let empty: Case = serde_json::from_value(
        serde_json::json!({"label": "A", "opened": "2026-11-01", "step": "step1"}),
    )
    .unwrap();
    let filled = filled_case(plan);
    for template in &plan.documents {
        for lang in [Lang::Ja, Lang::En] {
            for (which, case) in [("empty", &empty), ("hostile", &filled)] {
                let what = format!("{} {lang:?} {which}", template.id);
                let document =
                    kizuki_core::report::render_document(&pack, case, &template.id, lang).unwrap();
                let paragraphs = check_docx(&what, &to_docx(&document));
                let text = paragraphs.join("\n");
                assert!(
                    text.contains(&document.title) || paragraphs.iter().any(|p| !p.is_empty()),
                    "{what}"
                );
                if which == "hostile" {
                    for line in expected_lines(HOSTILE).iter().filter(|l| !l.is_empty()) {
                        assert!(
                            paragraphs.iter().any(|p| p.contains(line.as_str())),
                            "{what}: typed text kept as text: {line:?}"
                        );
                    }
                }
            }
        }
    }
}

#[test]
fn the_checklist_draft_plan_and_a_document_of_every_block_are_well_formed_word_packages() {
    let draft = kizuki_core::kind::checklist::plan_document(
        Lang::Ja,
        "心の健康づくり計画（案）",
        &[
            ("方針".into(), HOSTILE.into()),
            ("体制".into(), String::new()),
        ],
    );
    check_docx("checklist draft plan", &to_docx(&draft));

    let every_block = Document {
        lang: Lang::En,
        title: HOSTILE.into(),
        blocks: vec![
            Block::Notice {
                text: HOSTILE.into(),
            },
            Block::Heading {
                level: 1,
                text: HOSTILE.into(),
            },
            Block::Heading {
                level: 2,
                text: "**Two**".into(),
            },
            Block::Heading {
                level: 3,
                text: "[Three](https://example.org/a?b=1&c=2)".into(),
            },
            Block::Paragraph {
                text: HOSTILE.into(),
                align: Align::Center,
            },
            Block::Lines {
                lines: vec![HOSTILE.into(), String::new()],
                align: Align::End,
            },
            Block::List {
                items: vec![HOSTILE.into(), String::new()],
            },
            Block::Fields {
                rows: vec![
                    FieldRow::new("a", HOSTILE, Some(HOSTILE.into()), true),
                    FieldRow::new("b", "blank", None, true),
                    FieldRow::new("c", "short blank", None, false),
                ],
            },
            Block::Table {
                header: vec![HOSTILE.into(), "b".into()],
                rows: vec![vec![HOSTILE.into()], vec![]],
            },
            Block::Table {
                header: vec![],
                rows: vec![],
            },
            Block::AnswerBox {
                label: HOSTILE.into(),
                lines: 0,
            },
            Block::Signature {
                label: HOSTILE.into(),
            },
            Block::Guidance {
                text: "A note for the screen only".into(),
            },
        ],
    };
    let paragraphs = check_docx("every block", &to_docx(&every_block));
    assert!(
        !paragraphs.iter().any(|p| p.contains("for the screen only")),
        "a note for whoever drafts is not written into the file"
    );
    for line in expected_lines(HOSTILE).iter().filter(|l| !l.is_empty()) {
        assert!(
            paragraphs.iter().any(|p| p.contains(line.as_str())),
            "typed text kept: {line:?}"
        );
    }
    assert!(
        paragraphs
            .iter()
            .any(|p| p == "Three (https://example.org/a?b=1&c=2)"),
        "{paragraphs:#?}"
    );
}

/// The checker itself fails on what a word processor refuses (so its passes mean something).
#[test]
fn the_package_check_refuses_a_broken_package() {
    let document = Document {
        lang: Lang::Ja,
        title: "t".into(),
        blocks: vec![Block::Heading {
            level: 1,
            text: "見出し".into(),
        }],
    };
    let good = to_docx(&document);
    let check =
        |bytes: Vec<u8>| std::panic::catch_unwind(move || check_docx("broken", &bytes)).is_err();
    assert!(!check(good.clone()), "the untouched file passes");
    // One byte of a part changed: the CRC no longer matches.
    let mut flipped = good.clone();
    let at = flipped
        .windows(5)
        .position(|w| w == "見出し".as_bytes()[..5].as_ref())
        .unwrap();
    flipped[at] ^= 1;
    assert!(check(flipped), "a changed byte");
    // A heading style that styles.xml does not define (same length, CRC recomputed).
    assert!(check(rewrite_part(&good, "word/document.xml", |xml| xml
        .replace("Heading1", "HeadingX"))));
    // Paragraph properties out of schema order.
    assert!(check(rewrite_part(&good, "word/styles.xml", |xml| xml
        .replacen(
            "<w:keepNext/><w:spacing w:before=\"240\" w:after=\"120\"/>",
            "<w:spacing w:before=\"240\" w:after=\"120\"/><w:keepNext/>",
            1
        ))));
    // A content type removed from [Content_Types].xml.
    assert!(check(rewrite_part(&good, "[Content_Types].xml", |xml| xml
        .replace("Extension=\"rels\"", "Extension=\"relz\""))));
    // A relationship to a part that is not there.
    assert!(check(rewrite_part(
        &good,
        "word/_rels/document.xml.rels",
        |xml| xml.replace("Target=\"styles.xml\"", "Target=\"styles.xmL\"")
    )));
}

/// The archive with one part's text rewritten to the same length, its CRC-32 recomputed in
/// both headers, so only the change under test is wrong.
fn rewrite_part(bytes: &[u8], part: &str, change: impl Fn(&str) -> String) -> Vec<u8> {
    let mut out = bytes.to_vec();
    let entries = read_zip(bytes);
    let entry = entries.iter().find(|e| e.name == part).unwrap();
    let old = std::str::from_utf8(&entry.data).unwrap();
    let new = change(old);
    assert_ne!(new, old, "the change applies to {part}");
    assert_eq!(new.len(), old.len(), "same length");
    let start = out
        .windows(old.len())
        .position(|w| w == old.as_bytes())
        .unwrap();
    out[start..start + new.len()].copy_from_slice(new.as_bytes());
    let (old_crc, new_crc) = (
        crc32_bitwise(old.as_bytes()).to_le_bytes(),
        crc32_bitwise(new.as_bytes()).to_le_bytes(),
    );
    let mut at = 0;
    while let Some(found) = out[at..].windows(4).position(|w| w == old_crc) {
        out[at + found..at + found + 4].copy_from_slice(&new_crc);
        at += found + 4;
    }
    out
}

/// The answer box's ruled lines show in Word and LibreOffice (both draw a group of
/// paragraphs with the same borders as one box, bottom line only, unless `between` is set:
/// LibreOffice showed one line instead of twelve), and the box never splits across pages.
#[test]
fn the_answer_box_keeps_its_ruled_lines_and_stays_on_one_page() {
    let document = Document {
        lang: Lang::Ja,
        title: "t".into(),
        blocks: vec![Block::AnswerBox {
            label: "ご回答".into(),
            lines: 3,
        }],
    };
    let entries = read_zip(&to_docx(&document));
    let xml = std::str::from_utf8(
        &entries
            .iter()
            .find(|e| e.name == "word/document.xml")
            .unwrap()
            .data,
    )
    .unwrap()
    .to_string();
    let doc = roxmltree::Document::parse(&xml).unwrap();
    let borders: Vec<_> = doc
        .descendants()
        .filter(|n| n.has_tag_name((W, "pBdr")))
        .collect();
    assert_eq!(borders.len(), 3, "one ruled line each");
    for border in borders {
        for side in ["bottom", "between"] {
            assert!(
                border.children().any(|c| c.has_tag_name((W, side))),
                "a ruled line has its {side} border"
            );
        }
    }
    let row = doc
        .descendants()
        .find(|n| n.has_tag_name((W, "tr")))
        .unwrap();
    assert!(
        row.descendants().any(|n| n.has_tag_name((W, "cantSplit"))),
        "the box never splits across pages"
    );
}
