//! Lesson blocks and document blocks are read by hand (`core/src/tagged.rs`), their `type`
//! anywhere among their keys, without serde's buffer for internally tagged enums (issue 14):
//! every committed block reads the same with `type` first and last, and a wrong block is
//! refused with serde's own words.

use kizuki_core::kind::course::{Block, Course};
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
