//! One language per pack file (issue 14): the file of each language made from every shipped
//! pack validates, renders what the bilingual pack renders in that language, and takes the
//! exports the bilingual pack takes.

use kizuki_core::export::{import, Export, KitState};
use kizuki_core::load::read_pack_for;
use kizuki_core::{load_pack, Lang, Pack, ValidPack};
use serde_json::Value;

use crate::golden::{cases, test_pack, TODAY};
use crate::repo_root;

/// Every shipped pack (`content/*.json`) and every kind's test pack, by name.
fn bilingual_packs() -> Vec<(String, ValidPack)> {
    let mut packs: Vec<(String, ValidPack)> = std::fs::read_dir(repo_root().join("content"))
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|e| e == "json"))
        .map(|path| {
            let pack = load_pack(&std::fs::read(&path).unwrap())
                .unwrap_or_else(|d| panic!("{}: {d:#?}", path.display()));
            (path.display().to_string(), pack)
        })
        .collect();
    packs.sort_by(|a, b| a.0.cmp(&b.0));
    assert!(packs.len() >= 7, "the shipped packs are found");
    for kind in ["checklist", "course", "plan"] {
        packs.push((format!("tests/data/{kind}/pack.json"), test_pack(kind)));
    }
    packs
}

/// The file for `lang`, validated, and read back the way the browser reads it.
fn language_file(name: &str, pack: &ValidPack, lang: Lang) -> ValidPack {
    let file = pack
        .pack()
        .one_language(lang)
        .unwrap_or_else(|| panic!("{name}: a bilingual pack gives a {lang:?} file"));
    let valid =
        ValidPack::new(file.clone()).unwrap_or_else(|d| panic!("{name} ({lang:?}): {d:#?}"));
    let json = serde_json::to_vec(&file).unwrap();
    let read = read_pack_for(&json, &[file.kit.kind_name()])
        .unwrap_or_else(|refusal| panic!("{name} ({lang:?}): {refusal:?}"));
    assert_eq!(
        read, valid,
        "{name} ({lang:?}): the widget reads the file as written"
    );
    valid
}

/// Every state worth rendering for `pack`: the empty one, and the golden cases of a test pack.
fn states(name: &str, pack: &ValidPack) -> Vec<KitState> {
    let mut states = vec![KitState::empty_for(&pack.pack().kit)];
    if let Some(kind) = name
        .strip_prefix("tests/data/")
        .and_then(|rest| rest.strip_suffix("/pack.json"))
    {
        states.extend(
            cases(kind, pack)
                .into_iter()
                .map(|(_, export)| export.state),
        );
    }
    states
}

/// What a reader of `lang` is shown of `state`: every printable page, the CSV, the "about
/// this content" panel and the widget's title line.
fn rendered(pack: &ValidPack, state: &KitState, lang: Lang) -> Vec<String> {
    let kit = &pack.pack().kit;
    let mut out = kit
        .report_pages(pack, state, lang, TODAY)
        .unwrap_or_else(|error| vec![format!("no pages: {error}")]);
    out.push(kit.csv(state, lang, TODAY).unwrap());
    let about = kizuki_core::about::about(pack.pack(), "1.0.0", None, "https://e.jp/", lang);
    out.push(format!("{about:?}"));
    out.push(pack.pack().title.get(lang).to_string());
    out.push(pack.pack().description.get(lang).to_string());
    out
}

/// Every object key anywhere in `value`.
fn keys(value: &Value, out: &mut std::collections::BTreeSet<String>) {
    match value {
        Value::Object(map) => {
            for (key, inner) in map {
                out.insert(key.clone());
                keys(inner, out);
            }
        }
        Value::Array(items) => items.iter().for_each(|item| keys(item, out)),
        _ => {}
    }
}

#[test]
fn each_language_file_of_every_pack_validates_and_renders_what_the_bilingual_pack_renders() {
    for (name, bilingual) in bilingual_packs() {
        for lang in Lang::ALL {
            let file = language_file(&name, &bilingual, lang);
            assert_eq!(file.pack().id, bilingual.pack().id, "{name}");
            assert_eq!(file.pack().version, bilingual.pack().version, "{name}");
            assert_eq!(file.pack().sources.len(), bilingual.pack().sources.len());
            assert!(file.pack().serves(lang), "{name} ({lang:?})");
            for state in states(&name, &bilingual) {
                assert_eq!(
                    rendered(&file, &state, lang),
                    rendered(&bilingual, &state, lang),
                    "{name}: the {lang:?} file shows what the bilingual pack shows"
                );
            }
        }
    }
}

#[test]
fn a_language_file_carries_no_word_of_the_other_language() {
    for (name, bilingual) in bilingual_packs() {
        let also_japanese = bilingual.pack().kit.also_needs().contains(&Lang::Ja);
        for lang in Lang::ALL {
            let file = bilingual.pack().one_language(lang).unwrap();
            let mut found = std::collections::BTreeSet::new();
            keys(&serde_json::to_value(&file).unwrap(), &mut found);
            match lang {
                Lang::Ja => {
                    assert_eq!(file.lang, Some(Lang::Ja), "{name}");
                    assert!(!found.contains("en"), "{name}: no English in the ja file");
                    assert!(!found.contains("sections_en"), "{name}");
                    assert!(!file.serves(Lang::En), "{name}");
                    let smaller = serde_json::to_vec(&file).unwrap().len();
                    let whole = serde_json::to_vec(bilingual.pack()).unwrap().len();
                    assert!(
                        smaller * 10 < whole * 8,
                        "{name}: {smaller} of {whole} bytes"
                    );
                }
                Lang::En if also_japanese => {
                    // The planner drafts its documents in Japanese for every reader.
                    assert_eq!(
                        &file,
                        bilingual.pack(),
                        "{name}: the English file is bilingual"
                    );
                    assert!(file.serves(Lang::Ja) && file.serves(Lang::En));
                }
                Lang::En => {
                    assert_eq!(file.lang, Some(Lang::En), "{name}");
                    assert!(!found.contains("ja"), "{name}: no Japanese in the en file");
                }
            }
        }
    }
}

#[test]
fn the_planners_english_file_still_drafts_its_documents_in_japanese() {
    let bilingual = test_pack("plan");
    let english = language_file("plan", &bilingual, Lang::En);
    for (case, export) in cases("plan", &bilingual) {
        assert_eq!(
            rendered(&english, &export.state, Lang::Ja),
            rendered(&bilingual, &export.state, Lang::Ja),
            "{case}"
        );
    }
}

#[test]
fn an_export_made_with_one_language_file_imports_with_the_other_and_the_bilingual_pack() {
    for kind in ["checklist", "course", "plan"] {
        let bilingual = test_pack(kind);
        let japanese = language_file(kind, &bilingual, Lang::Ja);
        let english = language_file(kind, &bilingual, Lang::En);
        for (case, export) in cases(kind, &bilingual) {
            let made_with_japanese =
                Export::new(&japanese, export.state.clone(), "2026-12-06T10:00:00Z", 3);
            let made_with_bilingual =
                Export::new(&bilingual, export.state.clone(), "2026-12-06T10:00:00Z", 3);
            assert_eq!(
                made_with_japanese.to_json(),
                made_with_bilingual.to_json(),
                "{kind}/{case}: the file does not depend on the language file"
            );
            let bytes = made_with_japanese.to_json();
            let with_english = import(&english, bytes.as_bytes())
                .unwrap_or_else(|e| panic!("{kind}/{case}, en file: {e}"));
            let with_bilingual = import(&bilingual, bytes.as_bytes())
                .unwrap_or_else(|e| panic!("{kind}/{case}, bilingual: {e}"));
            let with_japanese = import(&japanese, bytes.as_bytes())
                .unwrap_or_else(|e| panic!("{kind}/{case}, ja file: {e}"));
            assert_eq!(with_english, with_bilingual, "{kind}/{case}");
            assert_eq!(with_japanese, with_bilingual, "{kind}/{case}");
        }
    }
}

#[test]
fn a_language_file_needs_its_own_language_only() {
    let bilingual = test_pack("checklist");
    let mut japanese = bilingual.pack().one_language(Lang::Ja).unwrap();
    let warnings = ValidPack::new(japanese.clone()).unwrap();
    assert!(
        warnings
            .warnings()
            .iter()
            .all(|d| d.code.as_str() != "missing_translation"),
        "no English is asked of the ja file: {:?}",
        warnings.warnings()
    );
    japanese.title.ja = " ".into();
    let errors = ValidPack::new(japanese).expect_err("the ja file needs its Japanese");
    assert!(
        errors.iter().any(|d| d.path == "/title/ja" && d.is_error()),
        "{errors:?}"
    );

    let mut english = bilingual.pack().one_language(Lang::En).unwrap();
    assert!(ValidPack::new(english.clone()).is_ok());
    english.title.en = None;
    let errors = ValidPack::new(english).expect_err("the en file needs its English");
    assert!(
        errors.iter().any(|d| d.path == "/title/en" && d.is_error()),
        "{errors:?}"
    );

    // A file of one language is not split into the other.
    let japanese = bilingual.pack().one_language(Lang::Ja).unwrap();
    assert_eq!(japanese.one_language(Lang::En), None);
    assert_eq!(japanese.one_language(Lang::Ja).as_ref(), Some(&japanese));
}

#[test]
fn an_english_file_read_in_japanese_shows_english_rather_than_nothing() {
    let english: Pack = test_pack("checklist")
        .pack()
        .one_language(Lang::En)
        .unwrap();
    assert_eq!(english.title.get(Lang::Ja), english.title.get(Lang::En));
    assert!(!english.title.get(Lang::Ja).is_empty());
}

/// The split finds texts by their shape (an object of `ja` and `en` strings) and sets the
/// one map keyed by authors' words apart: that holds while no other type of the format has
/// a field named `ja` or `en` and no other map is keyed by words.
#[test]
fn only_text_has_language_fields_and_only_sections_en_is_a_map() {
    let schema: Value = serde_json::from_str(&kizuki_core::schema::pack_schema_json()).unwrap();
    let mut text_like = Vec::new();
    let mut maps = Vec::new();
    fn walk(value: &Value, path: &str, text_like: &mut Vec<String>, maps: &mut Vec<String>) {
        match value {
            Value::Object(map) => {
                if let Some(Value::Object(properties)) = map.get("properties") {
                    if properties.contains_key("ja") || properties.contains_key("en") {
                        text_like.push(path.to_string());
                    }
                }
                if map
                    .get("additionalProperties")
                    .is_some_and(Value::is_object)
                {
                    maps.push(path.to_string());
                }
                for (key, inner) in map {
                    walk(inner, &format!("{path}/{key}"), text_like, maps);
                }
            }
            Value::Array(items) => {
                for (index, inner) in items.iter().enumerate() {
                    walk(inner, &format!("{path}/{index}"), text_like, maps);
                }
            }
            _ => {}
        }
    }
    walk(&schema, "", &mut text_like, &mut maps);
    assert_eq!(text_like, ["/$defs/Text"]);
    assert_eq!(maps, ["/$defs/SourceDocument/properties/sections_en"]);
}
