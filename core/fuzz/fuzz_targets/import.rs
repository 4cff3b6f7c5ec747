//! Fuzz target: any bytes imported against the committed packs give an export or an
//! error, never a panic. An accepted export re-serialises, re-imports to the same value
//! byte for byte, and its reports and CSV render without panicking.
#![no_main]

use std::sync::OnceLock;

use kizuki_core::csv_export::export_csv;
use kizuki_core::export::{import, KitState};
use kizuki_core::report::{
    case_overview_html, certificate_html, checklist_html, course_html, course_summary_html,
    document_html,
};
use kizuki_core::{load_pack, Kit, Lang, ValidPack};
use libfuzzer_sys::fuzz_target;

/// The committed packs, loaded once per process.
fn packs() -> &'static [ValidPack] {
    static PACKS: OnceLock<Vec<ValidPack>> = OnceLock::new();
    PACKS.get_or_init(|| {
        [
            &include_bytes!("../../../content/mh-checklist.json")[..],
            &include_bytes!("../../../content/linecare.json")[..],
            &include_bytes!("../../../content/return-to-work.json")[..],
        ]
        .iter()
        .map(|bytes| load_pack(bytes).expect("a committed pack loads"))
        .collect()
    })
}

fuzz_target!(|data: &[u8]| {
    for pack in packs() {
        let Ok(export) = import(pack, data) else {
            continue;
        };
        let json = export.to_json();
        let again = import(pack, json.as_bytes()).expect("a re-serialised export imports");
        assert_eq!(again, export, "the export survives a round trip");
        assert_eq!(again.to_json(), json, "byte for byte");
        for lang in [Lang::Ja, Lang::En] {
            let _ = export_csv(pack, &export.state, lang, "2026-12-04");
            match &export.state {
                KitState::Checklist(answers) => {
                    let _ = checklist_html(pack, answers, lang, "2026-12-04");
                }
                KitState::Course(progress) => {
                    let _ = course_html(pack, progress, lang);
                    let _ = course_summary_html(pack, progress, lang);
                    let _ = certificate_html(pack, progress, lang);
                }
                KitState::Plan(cases) => {
                    let Kit::Plan(plan) = &pack.pack().kit else {
                        unreachable!("import checked the kind")
                    };
                    for case in cases.cases.values() {
                        let _ = case_overview_html(pack, case, lang);
                        for document in &plan.documents {
                            let _ = document_html(pack, case, &document.id, lang);
                        }
                    }
                }
            }
        }
    }
});
