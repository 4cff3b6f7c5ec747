//! The "about this content" panel: what it shows is decided from the pack, the build and
//! the embedding center (issue 16).

use kizuki_core::about::about;
use kizuki_core::{load_pack, Lang};

fn pack_with(about_json: &str) -> kizuki_core::ValidPack {
    let text =
        std::fs::read_to_string(crate::repo_root().join("tests/data/checklist/pack.json")).unwrap();
    let mut value: serde_json::Value = serde_json::from_str(&text).unwrap();
    if !about_json.is_empty() {
        value["about"] = serde_json::from_str(about_json).unwrap();
    }
    load_pack(value.to_string().as_bytes()).unwrap_or_else(|d| panic!("{d:#?}"))
}

const ABOUT: &str = r#"{
    "made_by": {"ja": "作成者", "en": "Maker"},
    "licence": "CC-BY-4.0",
    "report_errors": {"ja": "連絡先へ", "en": "Write to us"},
    "reviewed_by": [{"name": {"ja": "山田医師", "en": "Dr Yamada"}, "role": {"ja": "産業医", "en": "Occupational physician"}, "date": "2026-11-30"}]
}"#;

#[test]
fn the_panel_shows_maker_reviews_versions_licence_in_the_readers_language() {
    let pack = pack_with(ABOUT);
    let panel = about(pack.pack(), "1.2.3", None, Lang::En);
    assert_eq!(panel.made_by.as_deref(), Some("Maker"));
    assert_eq!(panel.reviews.len(), 1);
    assert_eq!(panel.reviews[0].name, "Dr Yamada");
    assert_eq!(panel.reviews[0].role, "Occupational physician");
    assert_eq!(panel.reviews[0].date, "2026-11-30");
    assert_eq!(panel.licence.as_deref(), Some("CC-BY-4.0"));
    assert_eq!(panel.build_version, "1.2.3");
    assert_eq!(panel.pack_version, pack.pack().version);
    assert_eq!(panel.report_errors.as_deref(), Some("Write to us"));
    assert_eq!(panel.report_to_center, None);
    let ja = about(pack.pack(), "1.2.3", Some(" ○○センター "), Lang::Ja);
    assert_eq!(ja.reviews[0].name, "山田医師");
    assert_eq!(ja.report_to_center.as_deref(), Some("○○センター"));
    assert_eq!(
        about(pack.pack(), "1", Some("  "), Lang::Ja).report_to_center,
        None
    );
}

#[test]
fn a_pack_that_says_nothing_shows_nothing_invented() {
    let pack = pack_with("");
    let panel = about(pack.pack(), "1.2.3", None, Lang::Ja);
    assert_eq!(panel.made_by, None);
    assert!(panel.reviews.is_empty());
    assert_eq!(panel.licence, None);
    assert_eq!(panel.report_errors, None);
}

#[test]
fn a_review_with_a_bad_date_or_an_empty_licence_is_reported_with_its_place() {
    let text =
        std::fs::read_to_string(crate::repo_root().join("tests/data/checklist/pack.json")).unwrap();
    let mut value: serde_json::Value = serde_json::from_str(&text).unwrap();
    let mut about: serde_json::Value = serde_json::from_str(ABOUT).unwrap();
    about["licence"] = " ".into();
    about["reviewed_by"][0]["date"] = "30/11/2026".into();
    value["about"] = about;
    let problems = load_pack(value.to_string().as_bytes()).unwrap_err();
    let paths: Vec<&str> = problems.iter().map(|d| d.path.as_str()).collect();
    assert!(paths.contains(&"/about/licence"), "{paths:?}");
    assert!(paths.contains(&"/about/reviewed_by/0/date"), "{paths:?}");
}
