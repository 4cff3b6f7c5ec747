//! The questionnaire as a [`Kind`]: its state, validation, the check that an imported
//! state fits the pack, and its CSV.

use super::{Questionnaire, QuestionnaireAnswers};
use crate::csv_export::neutralise_cell;
use crate::error::Result;
use crate::export::missing;
use crate::kind::Kind;
use crate::load::ValidPack;
use crate::text::Lang;
use crate::validate::Validator;

impl Kind for Questionnaire {
    const NAME: &'static str = "questionnaire";
    type State = QuestionnaireAnswers;

    fn validate(&self, validator: &mut Validator<'_>) {
        super::validate::validate(validator, self);
    }

    fn check_fits(&self, _pack: &ValidPack, state: &QuestionnaireAnswers) -> Result<()> {
        for (question, choice) in &state.respondent {
            let known = self
                .respondent
                .iter()
                .find(|q| &q.id == question)
                .ok_or_else(|| missing("respondent question", question))?;
            if !known.options.iter().any(|o| &o.id == choice) {
                return Err(missing("respondent answer", choice));
            }
        }
        if let Some(group) = &state.group {
            let fits = !group.trim().is_empty()
                && group.chars().count() <= super::session::MAX_GROUP_CHARS
                && !group.chars().any(char::is_control);
            if !fits {
                return Err(crate::error::Error::DoesNotFit(
                    "the group label is empty, too long or holds control characters".into(),
                ));
            }
        }
        for (item, choice) in &state.items {
            let (section, _) = self.item(item).ok_or_else(|| missing("item", item))?;
            let fits = self
                .answer_scale(&section.scale)
                .is_some_and(|scale| scale.options.iter().any(|o| &o.id == choice));
            if !fits {
                return Err(missing("answer", choice));
            }
        }
        Ok(())
    }

    #[cfg(feature = "all-kinds")]
    fn add_stats(&self, stats: &mut crate::stats::PackStats, _content_as_of: &str) {
        super::stats::add_stats(self, stats);
    }

    /// One row per respondent answer, question, scale, total and rule, then the result,
    /// each named in `lang` (a person opens it in a spreadsheet): what the row is, its id,
    /// the question's number, its name, the answer, the points (an answer's, a scale's raw
    /// score, a total) and a scale's grade.
    fn csv(&self, state: &QuestionnaireAnswers, lang: Lang, _today: &str) -> String {
        let l = crate::report::labels(lang);
        let cell = |text: &crate::text::Text| neutralise_cell(text.get(lang)).into_owned();
        let mut writer = crate::csv_export::CsvText::with_bom();
        writer.record([
            l.q_row, l.item_id, l.q_number, l.q_name, l.answer, l.q_points, l.q_grade,
        ]);
        for question in &self.respondent {
            let answer = state
                .respondent
                .get(&question.id)
                .and_then(|choice| question.options.iter().find(|o| &o.id == choice))
                .map(|o| cell(&o.label))
                .unwrap_or_default();
            let label = cell(&question.label);
            writer.record([l.q_respondent, &question.id, "", &label, &answer, "", ""]);
        }
        for (section, item) in self.items() {
            let option = state.items.get(&item.id).and_then(|choice| {
                self.answer_scale(&section.scale)
                    .and_then(|scale| scale.options.iter().find(|o| &o.id == choice))
            });
            writer.record([
                l.q_item.to_string(),
                item.id.clone(),
                format!("{}{}", section.label.get(lang), item.number),
                cell(&item.text),
                option.map(|o| cell(&o.label)).unwrap_or_default(),
                option.map(|o| o.points.to_string()).unwrap_or_default(),
                String::new(),
            ]);
        }
        let result = self.result(state);
        for measure in &result.measures {
            let label = self
                .measure(&measure.id)
                .map(|m| cell(&m.label))
                .unwrap_or_default();
            let grade = measure.points.map(|p| p.to_string()).unwrap_or_default();
            let raw = measure.raw.to_string();
            writer.record([l.q_measure, &measure.id, "", &label, "", &raw, &grade]);
        }
        for sum in &result.sums {
            let label = self
                .sum(&sum.id)
                .map(|s| cell(&s.label))
                .unwrap_or_default();
            let value = sum.value.to_string();
            writer.record([l.q_sum, &sum.id, "", &label, "", &value, ""]);
        }
        for rule_result in &result.rules {
            let Some(rule) = self.rule(&rule_result.id) else {
                continue;
            };
            // The answer says whether the rule holds, and by which of its branches.
            let branches: Vec<String> = rule
                .met_branches(rule_result)
                .map(|b| cell(&b.label))
                .collect();
            let answer = if rule_result.holds {
                if branches.is_empty() {
                    l.yes.to_string()
                } else {
                    let branches = branches.join(crate::csv_export::list_separator(lang));
                    match lang {
                        Lang::Ja => format!("{}（{branches}）", l.yes),
                        Lang::En => format!("Yes: {branches}"),
                    }
                }
            } else {
                l.no.to_string()
            };
            let label = cell(&rule.label);
            writer.record([l.q_rule, &rule.id, "", &label, &answer, "", ""]);
        }
        if let Some(outcome) = result.outcome.as_deref().and_then(|id| self.outcome(id)) {
            let title = cell(&outcome.title);
            writer.record([l.q_outcome, &outcome.id, "", &title, "", "", ""]);
        }
        writer.finish()
    }

    fn result_json(&self, state: &QuestionnaireAnswers, _today: &str) -> String {
        serde_json::to_string_pretty(&self.result(state)).unwrap_or_default()
    }

    fn amount_done(state: &QuestionnaireAnswers) -> usize {
        state.items.len()
    }
}
