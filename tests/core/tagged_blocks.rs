//! Lesson blocks and document blocks are read by hand (`core/src/tagged.rs`), their `type`
//! anywhere among their keys, without serde's buffer for internally tagged enums (issue 14):
//! every committed block reads the same with `type` first and last, and a wrong block is
//! refused with serde's own words.

use kizuki_core::kind::course::{Block, Course};
use kizuki_core::kind::plan::{DocBlock, Plan, PrivacyNote};
use kizuki_core::load_pack;

use crate::repo_root;

fn course_blocks() -> Vec<Block> {
    let bytes = std::fs::read(repo_root().join("content/linecare.json")).unwrap();
    let pack = load_pack(&bytes).unwrap();
    let course = pack.content::<Course>().unwrap();
    course
        .modules
        .iter()
        .flat_map(|module| &module.lessons)
        .flat_map(|lesson| lesson.blocks.clone())
        .collect()
}

/// The block's JSON as serde writes it (`type` first) and with its keys sorted (`type`
/// last: after `items`, `sources` and `text`).
fn both_orders<T: serde::Serialize>(block: &T) -> [String; 2] {
    let type_first = serde_json::to_string(block).unwrap();
    let sorted = serde_json::to_string(&serde_json::to_value(block).unwrap()).unwrap();
    [type_first, sorted]
}

#[test]
fn every_lesson_block_of_the_course_reads_the_same_with_type_first_or_last() {
    let blocks = course_blocks();
    assert!(blocks.len() > 20, "the course pack has its lessons");
    for block in &blocks {
        let [type_first, type_last] = both_orders(block);
        assert!(type_first.starts_with(r#"{"type":"#), "{type_first}");
        assert!(type_last.ends_with(r#""}"#) && type_last.contains(r#","type":"#));
        assert_eq!(&serde_json::from_str::<Block>(&type_first).unwrap(), block);
        assert_eq!(
            &serde_json::from_slice::<Block>(type_last.as_bytes()).unwrap(),
            block
        );
        // The general way (authors' diagnostics) reads through a JSON value.
        let value: serde_json::Value = serde_json::from_str(&type_last).unwrap();
        assert_eq!(&serde_json::from_value::<Block>(value).unwrap(), block);
    }
}

fn refusal(json: &str) -> String {
    serde_json::from_str::<Block>(json).unwrap_err().to_string()
}

#[test]
fn a_wrong_lesson_block_is_refused_with_serdes_words() {
    let text = r#"{"ja":"本文"}"#;
    assert!(refusal(&format!(r#"{{"type":"video","text":{text}}}"#))
        .starts_with("unknown variant `video`, expected one of `paragraph`, `list`, `note`"));
    for json in [
        format!(r#"{{"type":"paragraph","text":{text},"items":[]}}"#),
        format!(r#"{{"items":[],"text":{text},"type":"paragraph"}}"#),
    ] {
        assert!(
            refusal(&json).starts_with("unknown field `items`, expected `text` or `sources`"),
            "{json}: {}",
            refusal(&json)
        );
    }
    assert!(refusal(&format!(
        r#"{{"colour":"red","type":"note","text":{text}}}"#
    ))
    .starts_with("unknown field `colour`, expected `text` or `sources`"));
    assert!(
        refusal(&format!(r#"{{"type":"note","text":{text},"text":{text}}}"#))
            .starts_with("duplicate field `text`")
    );
    assert!(refusal(&format!(r#"{{"text":{text}}}"#)).starts_with("missing field `type`"));
    assert!(refusal(r#"{"type":"list","sources":[]}"#).starts_with("missing field `items`"));
    assert!(refusal(r#"{"type":"note","text":"bare"}"#).starts_with("invalid type: string"));
    assert!(refusal(r#"["paragraph"]"#).starts_with("invalid type: sequence"));
}

#[test]
fn a_lesson_blocks_sources_keep_absent_empty_and_null_apart() {
    let read = |sources: &str| {
        let json = format!(r#"{{"type":"paragraph","text":{{"ja":"本文"}}{sources}}}"#);
        serde_json::from_str::<Block>(&json)
            .unwrap()
            .sources()
            .map(<[_]>::len)
    };
    assert_eq!(read(""), None);
    assert_eq!(read(r#","sources":null"#), None);
    assert_eq!(read(r#","sources":[]"#), Some(0));
}

fn plan() -> Plan {
    let bytes = std::fs::read(repo_root().join("content/return-to-work.json")).unwrap();
    load_pack(&bytes)
        .unwrap()
        .content::<Plan>()
        .unwrap()
        .clone()
}

#[test]
fn every_document_block_and_privacy_note_of_the_planner_reads_the_same_in_any_key_order() {
    let plan = plan();
    let blocks: Vec<&DocBlock> = plan.documents.iter().flat_map(|d| &d.blocks).collect();
    let variants: std::collections::BTreeSet<String> = blocks
        .iter()
        .map(|block| serde_json::to_value(block).unwrap()["type"].to_string())
        .collect();
    assert!(
        variants.len() >= 7,
        "most kinds of block are in the pack: {variants:?}"
    );
    for block in blocks {
        for json in both_orders(block) {
            assert_eq!(
                &serde_json::from_str::<DocBlock>(&json).unwrap(),
                block,
                "{json}"
            );
            let value: serde_json::Value = serde_json::from_str(&json).unwrap();
            assert_eq!(&serde_json::from_value::<DocBlock>(value).unwrap(), block);
        }
    }
    let notes: Vec<&PrivacyNote> = plan.steps.iter().flat_map(|s| &s.privacy).collect();
    assert!(notes
        .iter()
        .any(|n| matches!(n, PrivacyNote::Sourced { .. })));
    for note in notes {
        for json in both_orders(note) {
            assert_eq!(&serde_json::from_str::<PrivacyNote>(&json).unwrap(), note);
        }
    }
}

fn doc_refusal(json: &str) -> String {
    serde_json::from_str::<DocBlock>(json)
        .unwrap_err()
        .to_string()
}

#[test]
fn a_wrong_document_block_is_refused_with_serdes_words() {
    let label = r#"{"ja":"回答欄"}"#;
    assert!(doc_refusal(r#"{"type":"table"}"#).starts_with(
        "unknown variant `table`, expected one of `heading`, `paragraph`, `guidance`, `list`, `field`, \
         `follow_up_schedule`, `signature`, `lines`, `answer_box`"
    ));
    for json in [
        format!(r#"{{"type":"signature","label":{label},"lines":3}}"#),
        format!(r#"{{"label":{label},"lines":3,"type":"signature"}}"#),
    ] {
        assert!(
            doc_refusal(&json).starts_with("unknown field `lines`, expected `label`"),
            "{json}: {}",
            doc_refusal(&json)
        );
    }
    // `lines` is a count in an answer box and a list in a `lines` block.
    let answer_box =
        |lines: &str| format!(r#"{{"lines":{lines},"label":{label},"type":"answer_box"}}"#);
    assert_eq!(
        serde_json::from_str::<DocBlock>(&answer_box("5")).unwrap(),
        DocBlock::AnswerBox {
            label: kizuki_core::Text {
                ja: "回答欄".into(),
                en: None
            },
            lines: 5
        }
    );
    assert!(
        doc_refusal(&answer_box("300")).starts_with("invalid value: integer `300`, expected u8")
    );
    assert!(doc_refusal(&answer_box("[]")).starts_with("invalid type: sequence, expected u8"));
    assert!(doc_refusal(r#"{"type":"lines","lines":2}"#)
        .starts_with("invalid type: integer `2`, expected a sequence"));
    assert!(doc_refusal(r#"{"type":"heading","level":1}"#).starts_with("missing field `text`"));
    assert!(doc_refusal(r#"{"type":"field","field":"a","field":"b"}"#)
        .starts_with("duplicate field `field`"));
    // A heading's level defaults to 2. A follow-up schedule has no key but its type: any
    // other, before or after the type, is refused (serde's derive ignored them).
    let heading: DocBlock =
        serde_json::from_str(r#"{"text":{"ja":"見出し"},"type":"heading"}"#).unwrap();
    assert!(matches!(heading, DocBlock::Heading { level: 2, .. }));
    assert_eq!(
        serde_json::from_str::<DocBlock>(r#"{"type":"follow_up_schedule"}"#).unwrap(),
        DocBlock::FollowUpSchedule
    );
    assert!(
        doc_refusal(r#"{"type":"follow_up_schedule","note":[1,{"x":null}]}"#)
            .starts_with("unknown field `note`")
    );
    assert!(
        doc_refusal(r#"{"text":{"ja":"x"},"type":"follow_up_schedule"}"#)
            .starts_with("unknown field `text`")
    );
}

#[test]
fn a_privacy_note_is_a_bare_text_or_a_text_with_sources_and_nothing_between() {
    let read = |json: &str| serde_json::from_str::<PrivacyNote>(json);
    assert!(matches!(
        read(r#"{"en":"Need to know","ja":"必要な範囲"}"#),
        Ok(PrivacyNote::Plain(_))
    ));
    assert!(matches!(
        read(r#"{"sources":[],"text":{"ja":"必要な範囲"}}"#),
        Ok(PrivacyNote::Sourced { .. })
    ));
    for json in [
        r#"{"text":{"ja":"必要な範囲"}}"#,
        r#"{"ja":"必要な範囲","sources":[]}"#,
        r#"{"ja":"必要な範囲","note":"x"}"#,
    ] {
        let error = read(json).unwrap_err().to_string();
        assert!(
            error.starts_with("data did not match any variant of untagged enum PrivacyNote"),
            "{json}: {error}"
        );
    }
}

/// serde's buffer hid the inside of a block from the authors' diagnostics (the path stopped
/// at the block); the blocks read by hand name the key.
#[test]
fn an_authors_diagnostic_points_inside_a_broken_block() {
    let read = |path: &str| -> serde_json::Value {
        serde_json::from_slice(&std::fs::read(repo_root().join(path)).unwrap()).unwrap()
    };
    let mut course = read("content/linecare.json");
    let blocks = &mut course["kit"]["modules"][0]["lessons"][0]["blocks"];
    let at = (0..blocks.as_array().unwrap().len())
        .find(|i| blocks[*i].get("text").is_some())
        .unwrap();
    blocks[at]["text"] = serde_json::json!(5);
    let mut plan = read("content/return-to-work.json");
    let document = &mut plan["kit"]["documents"][0]["blocks"];
    let heading = (0..document.as_array().unwrap().len())
        .find(|i| document[*i]["type"] == "heading")
        .unwrap();
    document[heading]["text"] = serde_json::json!({ "ja": 1 });
    for (pack, pointer) in [
        (course, format!("/kit/modules/0/lessons/0/blocks/{at}/text")),
        (plan, format!("/kit/documents/0/blocks/{heading}/text/ja")),
    ] {
        let diagnostics = load_pack(&serde_json::to_vec(&pack).unwrap()).unwrap_err();
        assert!(
            diagnostics.iter().any(|d| d.path == pointer),
            "{pointer} in {:?}",
            diagnostics.iter().map(|d| &d.path).collect::<Vec<_>>()
        );
    }
}
