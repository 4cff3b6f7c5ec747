//! CSV exports for spreadsheets: UTF-8 with a byte order mark (so Excel reads Japanese),
//! CRLF line ends, headers in the chosen language, one row per checklist item, per quiz
//! question and module, or per task and case.
//!
//! Dates are written `YYYY-MM-DD`. Every cell of every CSV (headers, authored texts, dates,
//! text a person typed) goes through one function, [`neutralise_cell`]: a cell a spreadsheet
//! could read as a formula gets a leading `'`, so it is never run.

use crate::error::Result;
use crate::export::KitState;
#[cfg(feature = "checklist")]
use crate::kind::checklist::{Checklist, ChecklistAnswers};
#[cfg(feature = "course")]
use crate::kind::course::{is_correct, Course, CourseProgress};
#[cfg(feature = "plan")]
use crate::kind::plan::{Plan, PlanCases};
use crate::load::ValidPack;
#[cfg(feature = "checklist")]
use crate::report::duty_label;
use crate::report::labels;
use crate::text::Lang;

/// The byte order mark every CSV file starts with.
pub const BOM: char = '\u{feff}';

/// The CSV of a kit state: dispatches on the state's kind. Fails when the state's kind
/// is not the pack's. `today` (`YYYY-MM-DD`) dates a checklist's obligations.
pub fn export_csv(pack: &ValidPack, state: &KitState, lang: Lang, today: &str) -> Result<String> {
    pack.pack().kit.csv(state, lang, today)
}

/// One row per checklist item: area, item id, item text for this profile, whether it
/// applies, the answer, its credit, why-not reasons, the "other" text, the obligation, the
/// rank in the action plan, owner, due date and done. The obligation is the one on `today`
/// (`YYYY-MM-DD`), with a rule not started yet written as planned.
#[cfg(feature = "checklist")]
pub fn checklist_csv(
    checklist: &Checklist,
    answers: &ChecklistAnswers,
    lang: Lang,
    today: &str,
) -> String {
    let l = labels(lang);
    let result = checklist.result(answers, today);
    let headers = [
        l.area,
        l.item_id,
        l.item,
        l.applies,
        l.answer,
        l.credit,
        l.why_not,
        l.why_not_other,
        l.obligation,
        l.rank,
        l.owner,
        l.due,
        l.done,
    ];
    let mut rows = Vec::new();
    // The profile first, in the screen's words: the workplace's name when given, then
    // each question and its answer.
    if !answers.workplace.is_empty() {
        let mut row = vec![String::new(); headers.len()];
        row[0] = l.profile_section.to_string();
        row[1] = "workplace".to_string();
        row[2] = l.workplace.to_string();
        row[4] = answers.workplace.clone();
        rows.push(row);
    }
    for question in &checklist.profile {
        let choice = answers
            .profile
            .get(&question.id)
            .and_then(|c| question.options.iter().find(|o| &o.id == c))
            .map_or(String::new(), |o| o.label.get(lang).to_string());
        let mut row = vec![String::new(); headers.len()];
        row[0] = l.profile_section.to_string();
        row[1] = question.id.clone();
        row[2] = question.label.get(lang).to_string();
        row[4] = choice;
        rows.push(row);
    }
    for (area, item) in checklist.items() {
        let answer = answers.items.get(&item.id);
        let option = answer
            .and_then(|a| a.choice.as_deref())
            .and_then(|c| checklist.scale.iter().find(|o| o.id == c));
        let why_not: Vec<&str> = answer
            .map(|a| checklist.reasons_in_effect(a))
            .unwrap_or_default()
            .iter()
            .filter_map(|id| checklist.why_not.iter().find(|r| &r.id == id))
            .map(|r| r.label.get(lang))
            .collect();
        let rank = result
            .recommendations
            .iter()
            .find(|r| r.item == item.id)
            .map_or(String::new(), |r| r.rank.to_string());
        let action = answers.actions.get(&item.id);
        rows.push(vec![
            area.title.get(lang).to_string(),
            item.id.clone(),
            checklist.item_text(item, answers).get(lang).to_string(),
            yes_no(checklist.item_applies(item, answers), lang),
            option.map_or(String::new(), |o| o.label.get(lang).to_string()),
            option
                .and_then(|o| o.credit)
                .map_or(String::new(), |c| c.to_string()),
            why_not.join(list_separator(lang)),
            answer.map_or(String::new(), |a| {
                checklist.other_text_in_effect(a).to_string()
            }),
            duty_label(&checklist.item_duty(item, answers, today), lang),
            rank,
            action.map_or(String::new(), |a| a.owner.clone()),
            action.map_or(String::new(), |a| a.due.clone()),
            action.map_or(String::new(), |a| yes_no(a.done, lang)),
        ]);
    }
    rows.push(overall_row(checklist, &result, lang, headers.len()));
    write_csv(&headers, &rows)
}

/// The last checklist row: coverage (answered / applicable) in the item column, the level
/// (or why there is none) in the answer column and the overall score in the credit column.
#[cfg(feature = "checklist")]
fn overall_row(
    checklist: &Checklist,
    result: &crate::kind::checklist::ChecklistResult,
    lang: Lang,
    columns: usize,
) -> Vec<String> {
    let l = labels(lang);
    let level = match result.level.and_then(|index| checklist.levels.get(index)) {
        Some(level) => level.label.get(lang).to_string(),
        None if !result.coverage_reached => l.coverage_below.replace(
            "{threshold}",
            &result.coverage_threshold_percent.to_string(),
        ),
        None => String::new(),
    };
    let mut row = vec![
        l.overall.to_string(),
        String::new(),
        format!("{} {}/{}", l.answered, result.answered, result.applicable),
        String::new(),
        level,
        result.percent.map_or(String::new(), |p| p.to_string()),
    ];
    row.resize(columns, String::new());
    row
}

/// Per module, a module row (latest attempt date, best score, passed, completed on)
/// followed by one row per quiz question of the latest attempt (answer chosen, correct).
#[cfg(feature = "course")]
pub fn course_csv(course: &Course, progress: &CourseProgress, lang: Lang) -> String {
    let l = labels(lang);
    let result = course.result(progress);
    let headers = [
        l.record,
        l.module_id,
        l.module,
        l.question_id,
        l.question,
        l.answer,
        l.correct,
        l.attempt_date,
        l.best_score,
        l.passed,
        l.completed_on,
    ];
    let mut rows = Vec::new();
    for (module, module_result) in course.modules.iter().zip(&result.modules) {
        let latest = progress
            .modules
            .get(&module.id)
            .and_then(|m| m.attempts.last());
        let title = module.title.get(lang).to_string();
        rows.push(vec![
            l.module.to_string(),
            module.id.clone(),
            title.clone(),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
            latest.map_or(String::new(), |a| a.date.clone()),
            module_result
                .best_percent
                .map_or(String::new(), |p| p.to_string()),
            yes_no(module_result.passed, lang),
            module_result.completed_on.clone().unwrap_or_default(),
        ]);
        let Some(attempt) = latest else { continue };
        for question in &module.quiz.questions {
            let chosen = attempt.answers.get(&question.id);
            let chosen_texts: Vec<&str> = question
                .options
                .iter()
                .filter(|o| chosen.is_some_and(|c| c.contains(&o.id)))
                .map(|o| o.text.get(lang))
                .collect();
            rows.push(vec![
                l.question.to_string(),
                module.id.clone(),
                title.clone(),
                question.id.clone(),
                question.prompt.get(lang).to_string(),
                chosen_texts.join(list_separator(lang)),
                yes_no(chosen.is_some_and(|c| is_correct(question, c)), lang),
                attempt.date.clone(),
                String::new(),
                String::new(),
                String::new(),
            ]);
        }
    }
    write_csv(&headers, &rows)
}

/// One row per task per case: case id and label, step, task, roles, whether the task
/// applies to the case, and the date done. Field values (health information) are left out.
#[cfg(feature = "plan")]
pub fn plan_csv(plan: &Plan, cases: &PlanCases, lang: Lang) -> String {
    let l = labels(lang);
    let headers = [
        l.case_id, l.case, l.step, l.task_id, l.task, l.roles, l.applies, l.done_on,
    ];
    let mut rows = Vec::new();
    for (case_id, case) in &cases.cases {
        for step in &plan.steps {
            let applicable: Vec<&str> = plan.tasks_for(step, case).map(|t| t.id.as_str()).collect();
            for task in &step.tasks {
                let roles: Vec<&str> = task
                    .roles
                    .iter()
                    .filter_map(|id| plan.roles.iter().find(|r| &r.id == id))
                    .map(|r| r.label.get(lang))
                    .collect();
                rows.push(vec![
                    case_id.clone(),
                    case.label.clone(),
                    step.title.get(lang).to_string(),
                    task.id.clone(),
                    task.text.get(lang).to_string(),
                    roles.join(list_separator(lang)),
                    yes_no(applicable.contains(&task.id.as_str()), lang),
                    case.tasks_done.get(&task.id).cloned().unwrap_or_default(),
                ]);
            }
        }
    }
    write_csv(&headers, &rows)
}

/// Writes rows as CSV: BOM first, CRLF line ends, fields quoted where needed.
pub fn write_csv<S: AsRef<str>>(headers: &[&str], rows: &[Vec<S>]) -> String {
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    // Writing into a `Vec` cannot fail, so errors are not expected; if one happened the
    // rows written so far are kept rather than panicking.
    let _ = writer.write_record(
        headers
            .iter()
            .map(|cell| neutralise_cell(cell).into_owned()),
    );
    for row in rows {
        let _ = writer.write_record(
            row.iter()
                .map(|cell| neutralise_cell(cell.as_ref()).into_owned()),
        );
    }
    let bytes = writer.into_inner().unwrap_or_default();
    let mut out = String::with_capacity(bytes.len() + 3);
    out.push(BOM);
    out.push_str(&String::from_utf8_lossy(&bytes));
    out
}

/// One CSV cell made safe from spreadsheet formulas (CWE-1236), the one function every cell
/// of every CSV the project writes goes through.
///
/// A cell gets a leading `'` when it starts with a tab, a carriage return or a line feed,
/// or when its first character after any leading white space or control characters is a
/// formula trigger: `=`, `+`, `-`, `@`, `|`, their full-width (`＝＋－＠｜`) and small
/// (`﹦﹢﹣﹫`) forms, or the minus sign `−`. A plain number (`-3`, `12.5`) is left as it is,
/// since no spreadsheet runs it.
pub fn neutralise_cell(cell: &str) -> std::borrow::Cow<'_, str> {
    if needs_neutralising(cell) {
        std::borrow::Cow::Owned(format!("'{cell}"))
    } else {
        std::borrow::Cow::Borrowed(cell)
    }
}

fn needs_neutralising(cell: &str) -> bool {
    if cell.starts_with(['\t', '\r', '\n']) {
        return true;
    }
    if is_plain_number(cell) {
        return false;
    }
    let first = cell
        .chars()
        .find(|c| !(c.is_whitespace() || c.is_control() || is_invisible(*c)));
    matches!(
        first,
        Some(
            '=' | '+'
                | '-'
                | '@'
                | '|'
                | '\u{FF1D}'
                | '\u{FF0B}'
                | '\u{FF0D}'
                | '\u{FF20}'
                | '\u{FF5C}'
                | '\u{FE66}'
                | '\u{FE62}'
                | '\u{FE63}'
                | '\u{FE6B}'
                | '\u{2212}'
        )
    )
}

/// Zero-width and format characters a spreadsheet may skip before reading a formula.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}'
    )
}

/// `-12`, `3`, `4.5`: an optional minus, digits, an optional fraction; nothing else.
fn is_plain_number(cell: &str) -> bool {
    let digits = cell.strip_prefix('-').unwrap_or(cell);
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, "0"));
    !whole.is_empty()
        && !fraction.is_empty()
        && whole.bytes().all(|b| b.is_ascii_digit())
        && fraction.bytes().all(|b| b.is_ascii_digit())
}

fn yes_no(value: bool, lang: Lang) -> String {
    let l = labels(lang);
    if value { l.yes } else { l.no }.to_string()
}

fn list_separator(lang: Lang) -> &'static str {
    match lang {
        Lang::Ja => "、",
        Lang::En => "; ",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_has_bom_crlf_and_quotes() {
        let csv = write_csv(&["a", "b"], &[vec!["x,y", "z\"w"]]);
        assert_eq!(csv, "\u{feff}a,b\r\n\"x,y\",\"z\"\"w\"\r\n");
    }

    #[test]
    fn formulas_in_any_cell_are_defused() {
        assert_eq!(neutralise_cell("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(neutralise_cell("-1+1"), "'-1+1");
        assert_eq!(neutralise_cell("-1"), "-1");
        assert_eq!(neutralise_cell("12.5"), "12.5");
        assert_eq!(neutralise_cell("総務課"), "総務課");
        assert_eq!(neutralise_cell("  =1+1"), "'  =1+1");
        assert_eq!(neutralise_cell("＝1+1"), "'＝1+1");
        assert_eq!(neutralise_cell("\u{3000}＠SUM(A1)"), "'\u{3000}＠SUM(A1)");
        assert_eq!(neutralise_cell(""), "");
        let csv = write_csv(&["=h"], &[vec!["@x"]]);
        assert_eq!(csv, "\u{feff}'=h\r\n'@x\r\n");
    }
}
