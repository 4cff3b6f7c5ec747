//! Unit tests of validation: where sources may be attached and how they are checked.

use serde_json::{json, Value};

use crate::diagnostic::{Code, Diagnostic};
use crate::pack::Pack;

use super::validate;

fn course_pack() -> Value {
    serde_json::from_slice(include_bytes!("../../../tests/data/course/pack.json")).unwrap()
}

fn plan_pack() -> Value {
    serde_json::from_slice(include_bytes!("../../../tests/data/plan/pack.json")).unwrap()
}

fn parse(value: &Value) -> Pack {
    // Through the loader: a `Value`'s keys are sorted, so the kit's `type` is not first and
    // the general way reads it.
    crate::load::parse_pack(&serde_json::to_vec(value).unwrap()).unwrap()
}

fn findings(value: &Value) -> Vec<Diagnostic> {
    validate(&parse(value))
}

fn has(diagnostics: &[Diagnostic], code: Code, path: &str) -> bool {
    diagnostics.iter().any(|d| d.code == code && d.path == path)
}

const FIRST_LESSON: &str = "/kit/modules/0/lessons/0";

#[test]
fn a_block_source_must_name_a_listed_document_and_a_section() {
    let mut pack = course_pack();
    pack.pointer_mut(&format!("{FIRST_LESSON}/blocks/0"))
        .unwrap()
        .as_object_mut()
        .unwrap()
        .insert(
            "sources".into(),
            json!([{"doc": "nope", "section": "1"}, {"doc": "guide", "section": " "}]),
        );
    let found = findings(&pack);
    let block = format!("{FIRST_LESSON}/blocks/0/sources");
    assert!(
        has(&found, Code::UnknownRef, &format!("{block}/0/doc")),
        "{found:#?}"
    );
    assert!(
        has(&found, Code::EmptyText, &format!("{block}/1/section")),
        "{found:#?}"
    );
}

#[test]
fn a_lesson_needs_no_sources_of_its_own_when_its_blocks_cite_them() {
    let mut pack = course_pack();
    let lesson = pack
        .pointer_mut(FIRST_LESSON)
        .unwrap()
        .as_object_mut()
        .unwrap();
    lesson.remove("sources");
    assert!(has(
        &findings(&pack),
        Code::MissingSource,
        &format!("{FIRST_LESSON}/sources")
    ));
    let blocks = pack
        .pointer_mut(&format!("{FIRST_LESSON}/blocks"))
        .unwrap()
        .as_array_mut()
        .unwrap();
    for block in blocks {
        block
            .as_object_mut()
            .unwrap()
            .insert("sources".into(), json!([{"doc": "guide", "section": "2"}]));
    }
    let found = findings(&pack);
    assert!(
        !found.iter().any(|d| d.code == Code::MissingSource),
        "{found:#?}"
    );
}

#[test]
fn scenario_nodes_and_choices_may_cite_sources_which_are_checked() {
    let mut pack = course_pack();
    let node = "/kit/modules/0/scenarios/0/nodes/0";
    pack.pointer_mut(node)
        .unwrap()
        .as_object_mut()
        .unwrap()
        .insert("sources".into(), json!([{"doc": "nope", "section": "1"}]));
    pack.pointer_mut(&format!("{node}/choices/0"))
        .unwrap()
        .as_object_mut()
        .unwrap()
        .insert("sources".into(), json!([{"doc": "nope", "section": "1"}]));
    let found = findings(&pack);
    assert!(has(
        &found,
        Code::UnknownRef,
        &format!("{node}/sources/0/doc")
    ));
    assert!(has(
        &found,
        Code::UnknownRef,
        &format!("{node}/choices/0/sources/0/doc")
    ));
}

#[test]
fn a_privacy_note_is_a_text_or_a_text_with_its_own_sources() {
    let mut pack = plan_pack();
    let first_doc = pack["sources"][0]["id"].clone();
    let notes = json!([
        {"ja": "同意を得ます。", "en": "Ask for consent."},
        {"text": {"ja": "例外があります。", "en": "There is an exception."},
         "sources": [{"doc": first_doc, "section": "5"}]},
        {"text": {"ja": "出典のない注記", "en": "A note citing nothing"}, "sources": []}
    ]);
    pack["kit"]["steps"][0]["privacy"] = notes;
    let parsed = parse(&pack);
    let again: Pack = serde_json::from_str(&serde_json::to_string(&parsed).unwrap()).unwrap();
    assert_eq!(parsed, again, "round trip");
    use crate::kind::KindAccess;
    let plan = crate::kind::plan::Plan::of(&parsed.kit).expect("a plan");
    let privacy = &plan.steps[0].privacy;
    assert_eq!(privacy[0].sources().len(), 0);
    assert_eq!(privacy[1].sources().len(), 1);
    assert_eq!(privacy[1].text().ja, "例外があります。");
    let found = validate(&parsed);
    assert!(has(
        &found,
        Code::MissingSource,
        "/kit/steps/0/privacy/2/sources"
    ));
    assert_eq!(
        found.iter().filter(|d| d.is_error()).count(),
        1,
        "{found:#?}"
    );

    pack["kit"]["steps"][0]["privacy"][1]["sorces"] = json!([]);
    assert!(
        serde_json::from_value::<Pack>(pack).is_err(),
        "a typo fails loudly"
    );
}

#[test]
fn field_and_option_sources_are_checked() {
    let mut pack = plan_pack();
    let fields = pack["kit"]["fields"].as_array_mut().unwrap();
    let choice = fields
        .iter_mut()
        .position(|f| f["kind"] == "choice")
        .expect("the test plan has a choice field");
    fields[choice]["sources"] = json!([{"doc": "nope", "section": "1"}]);
    fields[choice]["options"][0]["sources"] = json!([{"doc": "nope", "section": "1"}]);
    let found = findings(&pack);
    let path = format!("/kit/fields/{choice}");
    assert!(
        has(&found, Code::UnknownRef, &format!("{path}/sources/0/doc")),
        "{found:#?}"
    );
    assert!(has(
        &found,
        Code::UnknownRef,
        &format!("{path}/options/0/sources/0/doc")
    ));
}

#[test]
fn document_paragraphs_and_lists_may_cite_sources() {
    let mut pack = plan_pack();
    let blocks = pack["kit"]["documents"][0]["blocks"]
        .as_array_mut()
        .unwrap();
    let paragraph = blocks
        .iter()
        .position(|b| b["type"] == "paragraph")
        .expect("a paragraph");
    blocks[paragraph]["sources"] = json!([{"doc": "nope", "section": "1"}]);
    let found = findings(&pack);
    assert!(has(
        &found,
        Code::UnknownRef,
        &format!("/kit/documents/0/blocks/{paragraph}/sources/0/doc")
    ));
}

#[test]
fn a_lesson_block_without_a_sources_key_warns_and_an_empty_list_declares_no_fact() {
    let mut pack = course_pack();
    let block = format!("{FIRST_LESSON}/blocks/0");
    pack.pointer_mut(&block)
        .unwrap()
        .as_object_mut()
        .unwrap()
        .remove("sources");
    let found = findings(&pack);
    let warning = found
        .iter()
        .find(|d| d.code == Code::UnsourcedFact && d.path == block)
        .expect("an absent key warns, at the block");
    assert!(!warning.is_error());
    assert_eq!(Code::UnsourcedFact.as_str(), "unsourced_fact");

    pack.pointer_mut(&block)
        .unwrap()
        .as_object_mut()
        .unwrap()
        .insert("sources".into(), json!([]));
    let found = findings(&pack);
    assert!(
        !found
            .iter()
            .any(|d| d.code == Code::UnsourcedFact && d.path == block),
        "`sources: []` says the block states no fact: {found:#?}"
    );
    let stats = crate::stats::pack_stats(&parse(&pack));
    assert!(stats.fact_blocks_without_claim >= 1, "{stats:?}");
    assert_eq!(
        stats.fact_blocks,
        stats.fact_blocks_sourced + stats.fact_blocks_without_claim + stats.fact_blocks_unsourced
    );
}

#[test]
fn a_field_with_help_and_no_sources_key_warns_and_a_field_without_help_does_not() {
    let mut pack = plan_pack();
    let fields = pack["kit"]["fields"].as_array_mut().unwrap();
    for field in fields.iter_mut() {
        let field = field.as_object_mut().unwrap();
        field.remove("sources");
        field.remove("help");
    }
    fields[0]["help"] = json!({"ja": "就業規則で確認します。", "en": "Check the work rules."});
    let found = findings(&pack);
    assert!(
        has(&found, Code::UnsourcedFact, "/kit/fields/0"),
        "{found:#?}"
    );
    assert!(
        !has(&found, Code::UnsourcedFact, "/kit/fields/1"),
        "no help, no claim"
    );
    pack["kit"]["fields"][0]["sources"] = json!([]);
    assert!(!has(&findings(&pack), Code::UnsourcedFact, "/kit/fields/0"));
    let stats = crate::stats::pack_stats(&parse(&pack));
    assert_eq!((stats.fact_blocks, stats.fact_blocks_without_claim), (1, 1));
}
