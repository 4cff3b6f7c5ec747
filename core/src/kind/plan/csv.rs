//! The return-to-work plan's CSV: one row per task per case, never a field's value.

use super::{Plan, PlanCases};
use crate::csv_export::{list_separator, write_csv, yes_no};
use crate::report::labels;
use crate::text::Lang;

/// One row per task per case: case id and label, step, task, roles, whether the task
/// applies to the case, and the date done. Field values (health information) are left out.
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
