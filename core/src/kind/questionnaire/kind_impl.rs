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

    fn csv(&self, state: &QuestionnaireAnswers, lang: Lang, _today: &str) -> String {
        let mut writer = crate::csv_export::CsvText::with_bom();
        writer.record(["id", "number", "text", "answer", "points"]);
        for (section, item) in self.items() {
            let choice = state.items.get(&item.id);
            let option = choice.and_then(|choice| {
                self.answer_scale(&section.scale)
                    .and_then(|scale| scale.options.iter().find(|o| &o.id == choice))
            });
            let record = [
                item.id.clone(),
                format!("{}{}", section.id.to_uppercase(), item.number),
                neutralise_cell(item.text.get(lang)).into_owned(),
                option
                    .map(|o| neutralise_cell(o.label.get(lang)).into_owned())
                    .unwrap_or_default(),
                option.map(|o| o.points.to_string()).unwrap_or_default(),
            ];
            writer.record(&record);
        }
        let result = self.result(state);
        for measure in &result.measures {
            let points = measure.points.map(|p| p.to_string()).unwrap_or_default();
            writer.record([
                measure.id.as_str(),
                "",
                "",
                &measure.raw.to_string(),
                &points,
            ]);
        }
        for sum in &result.sums {
            writer.record([sum.id.as_str(), "", "", "", &sum.value.to_string()]);
        }
        for rule in &result.rules {
            writer.record([
                rule.id.as_str(),
                "",
                "",
                if rule.holds { "yes" } else { "no" },
                &rule.branches.join(" "),
            ]);
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
