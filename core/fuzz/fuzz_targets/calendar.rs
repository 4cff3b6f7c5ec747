//! Fuzz target: any bytes imported as planner cases, then each case written as an
//! iCalendar file, never panic; every line of a calendar is at most 75 octets and ends in
//! CRLF, and no line starts a property the case's text injected.
#![no_main]

use std::sync::OnceLock;

use kizuki_core::export::{import, KitState};
use kizuki_core::ics::case_ics;
use kizuki_core::{load_pack, Lang, ValidPack};
use libfuzzer_sys::fuzz_target;

fn pack() -> &'static ValidPack {
    static PACK: OnceLock<ValidPack> = OnceLock::new();
    PACK.get_or_init(|| {
        load_pack(include_bytes!("../../../content/return-to-work.json")).expect("the pack loads")
    })
}

fuzz_target!(|data: &[u8]| {
    let Ok(export) = import(pack(), data) else {
        return;
    };
    let KitState::Plan(cases) = &export.state else {
        return;
    };
    for (id, case) in &cases.cases {
        for lang in [Lang::Ja, Lang::En] {
            let Ok(calendar) = case_ics(pack(), id, case, lang, "2026-11-22T09:00:00+09:00") else {
                continue;
            };
            assert!(calendar.ends_with("\r\n"));
            for line in calendar.split("\r\n") {
                assert!(line.len() <= 75, "a line longer than 75 octets: {line:?}");
                assert!(!line.contains('\n') && !line.contains('\r'));
            }
            let events = calendar.matches("\r\nBEGIN:VEVENT\r\n").count();
            assert_eq!(events, calendar.matches("\r\nEND:VEVENT\r\n").count());
        }
    }
});
