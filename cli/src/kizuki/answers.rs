//! Commands on one export file: `score`, `report`, `export-csv`, `ics` and `xapi`.

use std::path::Path;
use std::process::ExitCode;

use anyhow::Result;
use kizuki_core::kind::course::Course;
use kizuki_core::kind::plan::{Case, Plan, PlanCases};
use kizuki_core::kind::ReportRequest;
use kizuki_core::{csv_export, ics as calendar, xapi as statements};
use kizuki_core::{Error, Lang, ValidPack};

use crate::input::{emit, invalid, load_export, load_valid_pack, usage};

/// A library error on valid input files: exit 1.
fn input_error(error: Error) -> anyhow::Error {
    invalid(format!("{error} [{}]", error.code()))
}

/// Prints the result JSON of an export; checklist obligations are dated on `today`.
pub fn score(pack_path: &Path, answers_path: &Path, today: &str) -> Result<ExitCode> {
    let pack = load_valid_pack(pack_path)?;
    let export = load_export(&pack, answers_path)?;
    let result = pack
        .pack()
        .kit
        .result_json(&export.state, today)
        .map_err(input_error)?;
    emit(&format!("{result}\n"))?;
    Ok(ExitCode::SUCCESS)
}

/// The case named by `--case`, or the only case.
fn pick_case<'a>(cases: &'a PlanCases, wanted: Option<&str>) -> Result<(&'a str, &'a Case)> {
    let ids = || cases.cases.keys().cloned().collect::<Vec<_>>().join(", ");
    match wanted {
        Some(id) => cases
            .cases
            .get_key_value(id)
            .map(|(id, case)| (id.as_str(), case))
            .ok_or_else(|| usage(format!("no case `{id}` in the file (cases: {})", ids()))),
        None if cases.cases.len() == 1 => cases
            .cases
            .iter()
            .next()
            .map(|(id, case)| (id.as_str(), case))
            .ok_or_else(|| usage("the file holds no case")),
        None if cases.cases.is_empty() => Err(invalid("the file holds no case")),
        None => Err(usage(format!(
            "the file holds several cases; choose one with --case ({})",
            ids()
        ))),
    }
}

fn plan_only(pack: &ValidPack, case: Option<&str>, document: Option<&str>) -> Result<()> {
    if pack.content::<Plan>().is_none() && (case.is_some() || document.is_some()) {
        return Err(usage(format!(
            "--case and --document apply to plan packs; this pack is a {}",
            pack.pack().kit.kind_name()
        )));
    }
    Ok(())
}

/// Prints the HTML report of an export.
pub fn report(
    pack_path: &Path,
    answers_path: &Path,
    lang: Lang,
    case: Option<&str>,
    document: Option<&str>,
    today: &str,
) -> Result<ExitCode> {
    let pack = load_valid_pack(pack_path)?;
    plan_only(&pack, case, document)?;
    let export = load_export(&pack, answers_path)?;
    // A plan's `--case` and `--document` are checked here, so a wrong one is a usage error
    // naming what the file and the pack hold; the report itself is the kind's.
    if let (Some(plan), Some(cases)) = (pack.content::<Plan>(), export.state.get::<Plan>()) {
        pick_case(cases, case)?;
        if let Some(document) = document {
            if !plan.documents.iter().any(|d| d.id == document) {
                let known: Vec<&str> = plan.documents.iter().map(|d| d.id.as_str()).collect();
                return Err(usage(format!(
                    "no document `{document}` in the pack (documents: {})",
                    known.join(", ")
                )));
            }
        }
    }
    let request = ReportRequest { case, document };
    let html = pack
        .pack()
        .kit
        .report_html(&pack, &export.state, &request, lang, today)
        .map_err(input_error)?;
    emit(&html)?;
    Ok(ExitCode::SUCCESS)
}

/// Prints the CSV of an export.
pub fn export_csv(
    pack_path: &Path,
    answers_path: &Path,
    lang: Lang,
    today: &str,
) -> Result<ExitCode> {
    let pack = load_valid_pack(pack_path)?;
    let export = load_export(&pack, answers_path)?;
    let csv = csv_export::export_csv(&pack, &export.state, lang, today).map_err(input_error)?;
    emit(&csv)?;
    Ok(ExitCode::SUCCESS)
}

/// Prints the follow-up calendar of one case.
pub fn ics(
    pack_path: &Path,
    answers_path: &Path,
    case: &str,
    lang: Lang,
    dtstamp: Option<&str>,
) -> Result<ExitCode> {
    let pack = load_valid_pack(pack_path)?;
    if pack.content::<Plan>().is_none() {
        return Err(usage(format!(
            "ics needs a plan pack; this pack is a {}",
            pack.pack().kit.kind_name()
        )));
    }
    let export = load_export(&pack, answers_path)?;
    let Some(cases) = export.state.get::<Plan>() else {
        return Err(invalid("the file holds no plan cases"));
    };
    let (case_id, chosen) = pick_case(cases, Some(case))?;
    let stamp = dtstamp.unwrap_or(&export.saved_at);
    if calendar::utc_stamp(stamp).is_err() {
        let message = format!(
            "`{stamp}` is not an RFC 3339 time; pass one with --dtstamp (e.g. 2026-11-22T09:00:00+09:00)"
        );
        return Err(if dtstamp.is_some() {
            usage(message)
        } else {
            invalid(message)
        });
    }
    let text = calendar::case_ics(&pack, case_id, chosen, lang, stamp).map_err(input_error)?;
    emit(&text)?;
    Ok(ExitCode::SUCCESS)
}

/// Prints the xAPI statements of a course export.
pub fn xapi(
    pack_path: &Path,
    answers_path: &Path,
    activity_base: &str,
    lang: Lang,
) -> Result<ExitCode> {
    let pack = load_valid_pack(pack_path)?;
    if pack.content::<Course>().is_none() {
        return Err(usage(format!(
            "xapi needs a course pack; this pack is a {}",
            pack.pack().kit.kind_name()
        )));
    }
    if !kizuki_core::text::is_safe_href(activity_base) {
        return Err(usage(format!(
            "--activity-base must start with http:// or https:// (got `{activity_base}`)"
        )));
    }
    let export = load_export(&pack, answers_path)?;
    let Some(progress) = export.state.get::<Course>() else {
        return Err(invalid("the file holds no course progress"));
    };
    let list =
        statements::course_statements(&pack, progress, activity_base, lang).map_err(input_error)?;
    emit(&statements::statements_json(&list))?;
    Ok(ExitCode::SUCCESS)
}
