//! Fuzz target: the input split into files (at each `\n---\n`) and aggregated against the
//! committed checklist and course never panics, and never shows a figure of a group
//! smaller than the minimum.
#![no_main]

use std::sync::OnceLock;

use kizuki_core::aggregate::{aggregate, report_csv, report_json, ExportFile};
use kizuki_core::{load_pack, Lang, ValidPack};
use libfuzzer_sys::fuzz_target;

fn packs() -> &'static [ValidPack] {
    static PACKS: OnceLock<Vec<ValidPack>> = OnceLock::new();
    PACKS.get_or_init(|| {
        [
            &include_bytes!("../../../content/mh-checklist.json")[..],
            &include_bytes!("../../../content/linecare.json")[..],
        ]
        .iter()
        .map(|bytes| load_pack(bytes).expect("a committed pack loads"))
        .collect()
    })
}

fuzz_target!(|data: &[u8]| {
    let mut parts: Vec<&[u8]> = Vec::new();
    let mut rest = data;
    while let Some(at) = rest.windows(5).position(|w| w == b"\n---\n") {
        parts.push(&rest[..at]);
        rest = &rest[at + 5..];
    }
    parts.push(rest);
    // Each part counted several times over, so that groups can reach the minimum.
    let files: Vec<ExportFile<'_>> = parts
        .iter()
        .cycle()
        .take(parts.len() * 12)
        .enumerate()
        .map(|(_, bytes)| ExportFile { name: "f.json", bytes })
        .collect();
    for pack in packs() {
        let Ok(report) = aggregate(pack, &files, Some(10)) else {
            continue;
        };
        assert!(report.files_valid + report.invalid.len() == files.len());
        if report.hidden {
            assert!(report.checklist.is_none() && report.course.is_none());
        }
        let _ = report_json(&report);
        let _ = report_csv(pack, &report, Lang::Ja);
    }
});
