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

/// A real address (not a reserved example host).
const OPERATOR: &str = "https://kizuki-center.jp/errors";

const ABOUT: &str = r#"{
    "made_by": {"ja": "作成者", "en": "Maker"},
    "licence": "CC-BY-4.0",
    "licence_note": {"ja": "引用元の資料はその条件による", "en": "Quoted sources stay under their own terms"},
    "report_errors": {"ja": "連絡先へ", "en": "Write to us"},
    "reviewed_by": [{"name": {"ja": "山田医師", "en": "Dr Yamada"}, "role": {"ja": "産業医", "en": "Occupational physician"}, "date": "2026-11-30"}]
}"#;

#[test]
fn the_panel_shows_maker_reviews_versions_licence_in_the_readers_language() {
    let pack = pack_with(ABOUT);
    let panel = about(pack.pack(), "1.2.3", None, OPERATOR, Lang::En);
    assert_eq!(panel.made_by.as_deref(), Some("Maker"));
    assert_eq!(panel.reviews.len(), 1);
    assert_eq!(panel.reviews[0].name, "Dr Yamada");
    assert_eq!(panel.reviews[0].role, "Occupational physician");
    assert_eq!(panel.reviews[0].date, "30 November 2026");
    assert_eq!(panel.licence.as_deref(), Some("CC-BY-4.0"));
    assert_eq!(panel.build_version, "1.2.3");
    assert_eq!(panel.pack_version, pack.pack().version);
    assert_eq!(panel.report_errors.as_deref(), Some("Write to us"));
    assert_eq!(panel.report_to_center, None);
    assert_eq!(
        panel.licence_note.as_deref(),
        Some("Quoted sources stay under their own terms")
    );
    assert_eq!(panel.report_url.as_deref(), Some(OPERATOR));
    assert!(!panel.report_url_is_placeholder);
    let ja = about(
        pack.pack(),
        "1.2.3",
        Some(" ○○センター "),
        OPERATOR,
        Lang::Ja,
    );
    assert_eq!(ja.reviews[0].name, "山田医師");
    assert_eq!(ja.report_to_center.as_deref(), Some("○○センター"));
    assert_eq!(
        about(pack.pack(), "1", Some("  "), OPERATOR, Lang::Ja).report_to_center,
        None
    );
}

#[test]
fn a_pack_that_says_nothing_shows_nothing_invented() {
    let pack = pack_with("");
    let panel = about(pack.pack(), "1.2.3", None, "", Lang::Ja);
    assert_eq!(panel.made_by, None);
    assert!(panel.reviews.is_empty());
    assert_eq!(panel.licence, None);
    assert_eq!(panel.report_errors, None);
    assert_eq!(panel.licence_note, None);
    assert_eq!(panel.report_url, None, "no address set, none shown");
}

/// Issue 16: the operator sets one address for reports; until then it is a placeholder on
/// a reserved host, and the panel is told so (it says so plainly). Only http(s) is shown.
#[test]
fn the_operators_address_is_shown_and_a_placeholder_is_known_as_one() {
    use kizuki_core::about::is_placeholder_address;
    let pack = pack_with(ABOUT);
    let placeholder = about(
        pack.pack(),
        "1",
        None,
        " https://kizuki.example/issues ",
        Lang::Ja,
    );
    assert_eq!(
        placeholder.report_url.as_deref(),
        Some("https://kizuki.example/issues")
    );
    assert!(placeholder.report_url_is_placeholder);
    for unsafe_address in ["javascript:alert(1)", "mailto:a@b.jp", "ftp://x.jp/"] {
        assert_eq!(
            about(pack.pack(), "1", None, unsafe_address, Lang::Ja).report_url,
            None,
            "{unsafe_address}"
        );
    }
    for reserved in [
        "https://example.org/x",
        "http://www.EXAMPLE.com.",
        "https://user@issues.example.net:8443/a?b#c",
        "https://kizuki.example",
    ] {
        assert!(is_placeholder_address(reserved), "{reserved}");
    }
    for real in [
        "https://github.com/example/kizuki/issues",
        "https://example.org.evil.jp/",
        "https://notexample.com/",
        "https://sanpo13.johas.go.jp/",
    ] {
        assert!(!is_placeholder_address(real), "{real}");
    }
}

/// The committed setting: the workspace `Cargo.toml` names an `http(s)` address, which the
/// panel keeps (a typo such as a missing scheme would silently show nothing).
#[test]
fn the_workspace_names_an_address_the_panel_keeps() {
    let manifest = std::fs::read_to_string(crate::repo_root().join("Cargo.toml")).unwrap();
    let section = manifest
        .split("[workspace.metadata.kizuki]")
        .nth(1)
        .expect("[workspace.metadata.kizuki] in Cargo.toml");
    let line = section
        .lines()
        .find(|l| l.trim_start().starts_with("report_errors_url"))
        .expect("report_errors_url");
    let url = line.split_once('=').unwrap().1.trim().trim_matches('"');
    let pack = pack_with(ABOUT);
    assert_eq!(
        about(pack.pack(), "1", None, url, Lang::Ja)
            .report_url
            .as_deref(),
        Some(url)
    );
}
