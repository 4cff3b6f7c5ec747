//! The course's CSV: per module a module row, then the latest attempt's questions.

use super::{is_correct, Course, CourseProgress};
use crate::csv_export::{list_separator, write_csv, yes_no};
use crate::report::labels;
use crate::text::Lang;

/// Per module, a module row (latest attempt date, best score, passed, completed on)
/// followed by one row per quiz question of the latest attempt (answer chosen, correct).
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
