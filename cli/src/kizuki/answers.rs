//! Commands on one export file: `score`, `report`, `export-csv`, `ics` and `xapi`.

use std::collections::BTreeMap;
use std::path::Path;
use std::process::ExitCode;

use anyhow::Result;
use kizuki_core::export::KitState;
use kizuki_core::kind::plan::{Case, FollowUpDate, PlanCases, StepProgress};
use kizuki_core::{csv_export, ics as calendar, report as reports, xapi as statements};
use kizuki_core::{Error, Kit, Lang, ValidPack};
use serde::Serialize;

use crate::input::{emit, emit_json, invalid, load_export, load_valid_pack, usage};

/// One case in `score`'s output for a plan.
#[derive(Serialize)]
struct CaseScore<'a> {
    label: &'a str,
    step: Option<&'a str>,
    progress: Vec<StepProgress>,
    follow_up: Vec<FollowUpDate>,
}

/// `score`'s output for a plan.
#[derive(Serialize)]
struct PlanScore<'a> {
    cases: BTreeMap<&'a str, CaseScore<'a>>,
}

/// A library error on valid input files: exit 1.
fn input_error(error: Error) -> anyhow::Error {
    invalid(format!("{error} [{}]", error.code()))
}

/// Prints the result JSON of an export; checklist obligations are dated on `today`.
pub fn score(pack_path: &Path, answers_path: &Path, today: &str) -> Result<ExitCode> {
    let pack = load_valid_pack(pack_path)?;
    let export = load_export(&pack, answers_path)?;
    match (&pack.pack().kit, &export.state) {
        (Kit::Checklist(checklist), KitState::Checklist(answers)) => {
            emit_json(&checklist.result(answers, today))?;
        }
        (Kit::Course(course), KitState::Course(progress)) => {
            emit_json(&course.result(progress))?;
        }
        (Kit::Plan(plan), KitState::Plan(cases)) => {
            let cases = cases
                .cases
                .iter()
                .map(|(id, case)| {
                    let score = CaseScore {
                        label: &case.label,
                        step: case.step.as_deref(),
                        progress: plan.case_progress(case),
                        follow_up: plan.follow_up_dates(case),
                    };
                    (id.as_str(), score)
                })
                .collect();
            emit_json(&PlanScore { cases })?;
        }
        (kit, state) => {
            return Err(invalid(format!(
                "the file holds a {} state; the pack is a {}",
                state.kind_name(),
                kit.kind_name()
            )))
        }
    }
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
    if !matches!(pack.pack().kit, Kit::Plan(_)) && (case.is_some() || document.is_some()) {
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
    let html = match &export.state {
        KitState::Checklist(answers) => reports::checklist_html(&pack, answers, lang, today),
        KitState::Course(progress) => reports::course_html(&pack, progress, lang),
        KitState::Plan(cases) => {
            let (_, chosen) = pick_case(cases, case)?;
            match document {
                Some(document) => {
                    if let Kit::Plan(plan) = &pack.pack().kit {
                        if !plan.documents.iter().any(|d| d.id == document) {
                            let known: Vec<&str> =
                                plan.documents.iter().map(|d| d.id.as_str()).collect();
                            return Err(usage(format!(
                                "no document `{document}` in the pack (documents: {})",
                                known.join(", ")
                            )));
                        }
                    }
                    reports::document_html(&pack, chosen, document, lang)
                }
                None => reports::case_overview_html(&pack, chosen, lang),
            }
        }
    }
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
    if !matches!(pack.pack().kit, Kit::Plan(_)) {
        return Err(usage(format!(
            "ics needs a plan pack; this pack is a {}",
            pack.pack().kit.kind_name()
        )));
    }
    let export = load_export(&pack, answers_path)?;
    let KitState::Plan(cases) = &export.state else {
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
    if !matches!(pack.pack().kit, Kit::Course(_)) {
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
    let KitState::Course(progress) = &export.state else {
        return Err(invalid("the file holds no course progress"));
    };
    let list =
        statements::course_statements(&pack, progress, activity_base, lang).map_err(input_error)?;
    emit(&statements::statements_json(&list))?;
    Ok(ExitCode::SUCCESS)
}
