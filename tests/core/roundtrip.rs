//! Export then import gives back exactly the state, for arbitrary answer sequences; and
//! files that are not good exports are refused with the right error.

use kizuki_core::export::{import, Export, KitState, EXPORT_FORMAT, MAX_IMPORT_BYTES};
use kizuki_core::kind::checklist::{AuditMode, Checklist, ChecklistAction, ChecklistAnswers};
use kizuki_core::{load_pack, Error, ValidPack};
use proptest::prelude::*;

use crate::repo_root;

fn pack(path: &str) -> ValidPack {
    load_pack(&std::fs::read(repo_root().join(path)).unwrap()).unwrap()
}

/// An action drawn from the committed checklist's real ids, plus some unknown ones.
fn checklist_action(pack: &ValidPack) -> impl Strategy<Value = ChecklistAction> {
    let Some(checklist) = pack.content::<Checklist>() else {
        panic!("not a checklist")
    };
    let mut items: Vec<String> = checklist.items().map(|(_, i)| i.id.clone()).collect();
    items.push("no-such-item".into());
    let mut choices: Vec<String> = checklist.scale.iter().map(|o| o.id.clone()).collect();
    choices.push("maybe".into());
    let reasons: Vec<String> = checklist.why_not.iter().map(|r| r.id.clone()).collect();
    let profile: Vec<(String, String)> = checklist
        .profile
        .iter()
        .flat_map(|q| q.options.iter().map(move |o| (q.id.clone(), o.id.clone())))
        .collect();
    let item = proptest::sample::select(items);
    prop_oneof![
        (
            item.clone(),
            proptest::option::of(proptest::sample::select(choices))
        )
            .prop_map(|(item, choice)| ChecklistAction::Answer { item, choice }),
        (item.clone(), proptest::sample::select(reasons))
            .prop_map(|(item, reason)| ChecklistAction::ToggleWhyNot { item, reason }),
        (item.clone(), "\\PC{0,40}")
            .prop_map(|(item, text)| ChecklistAction::SetNote { item, text }),
        (item.clone(), "\\PC{0,20}")
            .prop_map(|(item, text)| ChecklistAction::SetWhyNotOther { item, text }),
        (
            item,
            "\\PC{0,20}",
            proptest::sample::select(vec!["", "2027-03-31", "2027-02-30"]),
            any::<bool>()
        )
            .prop_map(|(item, owner, due, done)| ChecklistAction::SetAction {
                item,
                owner,
                due: due.to_string(),
                done
            }),
        proptest::sample::select(profile)
            .prop_map(|(question, choice)| ChecklistAction::SetProfile { question, choice }),
        "\\PC{0,30}".prop_map(|name| ChecklistAction::SetWorkplace { name }),
        any::<bool>().prop_map(|quick| ChecklistAction::SetMode {
            mode: if quick {
                AuditMode::Quick
            } else {
                AuditMode::Full
            }
        }),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn checklist_export_then_import_reproduces_the_state(
        actions in proptest::collection::vec(checklist_action(&pack("content/mh-checklist.json")), 0..60)
    ) {
        let pack = pack("content/mh-checklist.json");
        let Some(checklist) = pack.content::<Checklist>() else { unreachable!() };
        let mut answers = ChecklistAnswers::default();
        for action in &actions {
            let before = answers.clone();
            if checklist.apply(&mut answers, action).is_err() {
                prop_assert_eq!(&answers, &before, "a refused action changed nothing");
            }
        }
        let export = Export::new(&pack, KitState::from(answers.clone()), "2026-11-22T10:00:00Z", 3);
        let json = export.to_json();
        let back = import(&pack, json.as_bytes()).unwrap();
        prop_assert_eq!(&back, &export);
        prop_assert_eq!(back.to_json(), json, "byte for byte");
    }
}

fn export_of(pack: &ValidPack) -> serde_json::Value {
    let state = KitState::empty_for(&pack.pack().kit);
    serde_json::to_value(Export::new(pack, state, "2026-11-22T10:00:00Z", 1)).unwrap()
}

#[test]
fn bad_files_are_refused_with_the_matching_error() {
    let checklist = pack("content/mh-checklist.json");
    let course = pack("content/linecare.json");
    let good = export_of(&checklist).to_string();
    let mut future = export_of(&checklist);
    future["kizuki_export"] = (EXPORT_FORMAT + 1).into();
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    let mut unknown_item = export_of(&checklist);
    unknown_item["state"]["data"]["items"] = serde_json::json!({"no-such-item": {"choice": "yes"}});
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        (
            "truncated",
            good.as_bytes()[..good.len() / 2].to_vec(),
            "invalid_json",
        ),
        (
            "invalid utf-8",
            vec![b'{', 0xff, 0xfe, b'}'],
            "invalid_json",
        ),
        ("too large", vec![b' '; MAX_IMPORT_BYTES + 1], "too_large"),
        ("deeply nested", deep.into_bytes(), "invalid_json"),
        ("not an export", b"{\"hello\": 1}".to_vec(), "not_an_export"),
        (
            "future version",
            future.to_string().into_bytes(),
            "future_version",
        ),
        (
            "another pack",
            export_of(&course).to_string().into_bytes(),
            "wrong_pack",
        ),
        (
            "unknown item",
            unknown_item.to_string().into_bytes(),
            "does_not_fit",
        ),
    ];
    for (name, bytes, code) in cases {
        let error = import(&checklist, &bytes).expect_err(name);
        assert_eq!(error.code(), code, "{name}: {error}");
    }
}

#[test]
fn format_one_exports_are_migrated() {
    let checklist = pack("content/mh-checklist.json");
    let Some(list) = checklist.content::<Checklist>() else {
        unreachable!()
    };
    let item = list.areas[0].items[0].id.clone();
    let old = serde_json::json!({
        "kizuki_export": 1,
        "pack_id": "mh-checklist",
        "pack_version": "0.9.0",
        "saved_at": "2025-11-01T09:00:00Z",
        "state": {"kind": "checklist", "data": {"profile": {"size": "10to49"}, "items": {item.clone(): "partly"}}}
    });
    let export = import(&checklist, old.to_string().as_bytes()).unwrap();
    assert_eq!(export.kizuki_export, EXPORT_FORMAT);
    let Some(answers) = export.state.into_state::<Checklist>() else {
        panic!("not a checklist state")
    };
    assert_eq!(answers.items[&item].choice.as_deref(), Some("partly"));
    assert_eq!(export.revision, 0);
}

/// Format 3 was the first to say that a checklist record may carry the workplace, the
/// quick scan's mode and the draft plan with its conflict copies; builds of format 2 wrote
/// them already (the file below is one). Such a file imports with every field kept, takes
/// the one-pass read like a current file, and is written back at this build's format.
#[test]
fn a_format_two_file_with_the_checklist_fields_of_december_2026_imports_at_the_current_format() {
    let checklist = pack("content/mh-checklist.json");
    let bytes =
        std::fs::read(repo_root().join("tests/data/checklist/format-2-with-workplace.export.json"))
            .unwrap();
    assert!(String::from_utf8_lossy(&bytes).contains("\"kizuki_export\": 2,"));
    let export = import(&checklist, &bytes).unwrap();
    assert_eq!(export.kizuki_export, EXPORT_FORMAT);
    assert_eq!(EXPORT_FORMAT, 4);
    assert_eq!(
        answers_area(&export),
        None,
        "no area: the audit goes on at the first open one"
    );
    assert_eq!(export.revision, 12);
    let Some(answers) = export.state.get::<Checklist>() else {
        panic!("not a checklist state")
    };
    assert_eq!(answers.workplace, "みなと商事 本社");
    assert_eq!(answers.mode, AuditMode::Quick);
    assert_eq!(answers.plan["policy"], "社長が方針を朝礼で伝える。");
    assert_eq!(answers.plan_conflicts["policy"], ["別のタブで書いた方針。"]);
    assert_eq!(answers.items["mh-plan"].note, "来年度に作る");
    assert_eq!(answers.actions["mh-plan"].due, "2027-03-31");

    let written = export.to_json();
    assert!(written.contains("\"kizuki_export\": 4,"), "{written}");
    assert_eq!(import(&checklist, written.as_bytes()).unwrap(), export);
}

fn answers_area(export: &Export) -> Option<String> {
    export.state.get::<Checklist>().and_then(|a| a.area.clone())
}

/// Format 4: a checklist record keeps the area of the full audit the person was on; it
/// survives export and import, and an area the pack does not have (a file from another
/// version of it) is forgotten on import rather than refusing the file.
#[test]
fn a_checklist_record_keeps_the_area_the_person_was_on() {
    let checklist = pack("content/mh-checklist.json");
    let Some(content) = checklist.content::<Checklist>() else {
        panic!("not a checklist")
    };
    let area = content.areas[2].id.clone();
    let mut export = export_of(&checklist);
    export["state"]["data"]["area"] = area.clone().into();
    let imported = import(&checklist, export.to_string().as_bytes()).unwrap();
    assert_eq!(answers_area(&imported), Some(area));
    assert_eq!(
        import(&checklist, imported.to_json().as_bytes()).unwrap(),
        imported
    );
    export["state"]["data"]["area"] = "an-area-of-another-version".into();
    let imported = import(&checklist, export.to_string().as_bytes()).unwrap();
    assert_eq!(answers_area(&imported), None);
}

/// A file of a format after this build's is named as such (`future_version`: "made by a
/// newer version", in the person's language on every page), whatever else it holds: even
/// a state this build could not read at all.
#[test]
fn a_file_of_a_newer_format_is_named_as_newer_not_as_broken() {
    let checklist = pack("content/mh-checklist.json");
    let mut newer = export_of(&checklist);
    newer["kizuki_export"] = (EXPORT_FORMAT + 1).into();
    newer["state"]["data"]["a_field_of_tomorrow"] = serde_json::json!({"x": [1, 2]});
    newer["state"]["kind"] = "a-kind-of-tomorrow".into();
    newer["envelope_field_of_tomorrow"] = true.into();
    let error = import(&checklist, newer.to_string().as_bytes()).unwrap_err();
    assert_eq!(error.code(), "future_version", "{error}");
    assert!(
        matches!(error, Error::FutureVersion { found, supported } if found == EXPORT_FORMAT + 1 && supported == EXPORT_FORMAT)
    );
    // The same file at this build's format is a broken file, not a newer one.
    newer["kizuki_export"] = EXPORT_FORMAT.into();
    let error = import(&checklist, newer.to_string().as_bytes()).unwrap_err();
    assert_eq!(error.code(), "not_an_export", "{error}");
}

#[test]
fn a_plan_state_is_refused_by_a_checklist() {
    let checklist = pack("content/mh-checklist.json");
    let mut export = export_of(&checklist);
    export["state"] = serde_json::json!({"kind": "plan", "data": {"cases": {}}});
    assert!(matches!(
        import(&checklist, export.to_string().as_bytes()),
        Err(Error::DoesNotFit(_))
    ));
}

/// The quick scan's mode is part of the record, so a reload mid-scan lands in the scan; a
/// record from before the mode was kept reads as the full audit.
#[test]
fn the_audit_mode_is_kept_in_the_record_and_older_records_read_as_the_full_audit() {
    let checklist = pack("content/mh-checklist.json");
    let mut older = export_of(&checklist);
    older["state"]["data"] = serde_json::json!({"profile": {"size": "10to49"}, "items": {}});
    let export = import(&checklist, older.to_string().as_bytes()).unwrap();
    let Some(answers) = export.state.into_state::<Checklist>() else {
        panic!("not a checklist state")
    };
    assert_eq!(answers.mode, AuditMode::Full);

    let mut quick = export_of(&checklist);
    quick["state"]["data"]["mode"] = "quick".into();
    let export = import(&checklist, quick.to_string().as_bytes()).unwrap();
    assert!(export.to_json().contains("\"mode\": \"quick\""));
    let Some(answers) = export.state.into_state::<Checklist>() else {
        panic!("not a checklist state")
    };
    assert_eq!(answers.mode, AuditMode::Quick);

    let mut unknown = export_of(&checklist);
    unknown["state"]["data"]["mode"] = "sometimes".into();
    assert!(import(&checklist, unknown.to_string().as_bytes()).is_err());
}

/// A workplace name read from a file is kept as a typed one would be: one line, trimmed,
/// at most 100 characters; an empty one is left out of the file.
#[test]
fn an_imported_workplace_name_is_put_on_one_line_and_bounded() {
    let checklist = pack("content/mh-checklist.json");
    let mut file = export_of(&checklist);
    file["state"]["data"]["workplace"] = format!(" みなと\n商事{} ", "x".repeat(200)).into();
    let export = import(&checklist, file.to_string().as_bytes()).unwrap();
    let Some(answers) = export.state.into_state::<Checklist>() else {
        panic!("not a checklist state")
    };
    assert!(answers.workplace.starts_with("みなと 商事x"));
    assert_eq!(answers.workplace.chars().count(), 100);
    let empty = export_of(&checklist).to_string();
    assert!(!empty.contains("workplace"), "an empty name is not written");
}
