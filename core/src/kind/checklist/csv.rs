//! The checklist's CSV: one row per profile answer and per item, then the overall row.

use super::{Checklist, ChecklistAnswers, ChecklistResult};
use crate::csv_export::{list_separator, write_csv, yes_no};
use crate::report::{duty_label, labels};
use crate::text::Lang;

/// One row per checklist item: area, item id, item text for this profile, whether it
/// applies, the answer, its credit, why-not reasons, the "other" text, the obligation, the
/// rank in the action plan, owner, due date and done. The obligation is the one on `today`
/// (`YYYY-MM-DD`), with a rule not started yet written as planned.
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
fn overall_row(
    checklist: &Checklist,
    result: &ChecklistResult,
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
