//! The checklist as a [`Kind`]: its state, validation, the check that an imported
//! state fits the pack, and its CSV.

use super::{Checklist, ChecklistAnswers};
use crate::error::{Error, Result};
use crate::export::missing;
use crate::kind::{Kind, ReportRequest};
use crate::load::ValidPack;
use crate::text::Lang;
use crate::validate::Validator;

impl Kind for Checklist {
    const NAME: &'static str = "checklist";
    type State = ChecklistAnswers;

    fn validate(&self, validator: &mut Validator<'_>) {
        super::validate::validate(validator, self);
    }

    fn result_json(&self, state: &Self::State, today: &str) -> String {
        serde_json::to_string_pretty(&self.result(state, today)).unwrap_or_default()
    }

    /// A workplace name read from a file is kept as one typed here would be: on one line,
    /// trimmed, bounded (a file edited by hand cannot put a line break into a file name or
    /// a heading). An area the pack does not have (a file from another version of it) is forgotten: the
    /// audit then goes on at the first area with an unanswered item. The marks of the profile
    /// and the results stay.
    fn recompute_imported(&self, state: &mut Self::State) -> Result<()> {
        state.workplace = super::clean_workplace(&state.workplace);
        if let Some(area) = &state.area {
            if !super::resume::is_mark(area) && !self.areas.iter().any(|a| &a.id == area) {
                state.area = None;
            }
        }
        Ok(())
    }

    fn amount_done(state: &Self::State) -> usize {
        state
            .items
            .values()
            .filter(|answer| answer.choice.is_some())
            .count()
    }

    fn check_fits(&self, pack: &ValidPack, state: &ChecklistAnswers) -> Result<()> {
        checklist_fits(pack, self, state)
    }

    fn report_pages(
        &self,
        pack: &ValidPack,
        state: &ChecklistAnswers,
        lang: Lang,
        today: &str,
    ) -> Result<Vec<String>> {
        Ok(vec![super::report::checklist_html(
            pack, state, lang, today,
        )?])
    }

    /// `<pack>-<workplace>-<date>`: the workplace's name, made safe, in every file's name.
    fn download_stem(&self, pack_id: &str, state: &ChecklistAnswers, today: &str) -> String {
        super::file_stem(pack_id, &state.workplace, today)
    }

    /// The other tab's answers win, with this tab's draft-plan edits merged in
    /// ([`super::merge_plan`]): no text either tab typed is lost.
    fn after_refused_save(
        &self,
        base: &ChecklistAnswers,
        ours: &ChecklistAnswers,
        theirs: ChecklistAnswers,
    ) -> ChecklistAnswers {
        super::merge_plan(base, ours, theirs)
    }

    fn csv(&self, state: &ChecklistAnswers, lang: Lang, today: &str) -> String {
        super::csv::checklist_csv(self, state, lang, today)
    }

    fn lookup_ids(&self) -> Vec<String> {
        self.items().map(|(_, item)| item.id.clone()).collect()
    }

    fn report_html(
        &self,
        pack: &ValidPack,
        state: &ChecklistAnswers,
        _request: &ReportRequest<'_>,
        lang: Lang,
        today: &str,
    ) -> Result<String> {
        super::report::checklist_html(pack, state, lang, today)
    }

    #[cfg(feature = "all-kinds")]
    fn add_stats(&self, stats: &mut crate::stats::PackStats, content_as_of: &str) {
        super::stats::add_stats(self, stats, content_as_of);
    }
}

fn checklist_fits(
    pack: &ValidPack,
    checklist: &Checklist,
    answers: &ChecklistAnswers,
) -> Result<()> {
    for (question, choice) in &answers.profile {
        let known = checklist
            .profile
            .iter()
            .find(|q| &q.id == question)
            .ok_or_else(|| missing("profile question", question))?;
        if !known.options.iter().any(|o| &o.id == choice) {
            return Err(missing("profile choice", choice));
        }
    }
    if let Some(item) = pack.unknown_checklist_item(answers.items.keys()) {
        return Err(missing("item", item));
    }
    for answer in answers.items.values() {
        if let Some(choice) = &answer.choice {
            if !checklist.scale.iter().any(|o| &o.id == choice) {
                return Err(missing("answer", choice));
            }
        }
        for reason in &answer.why_not {
            if !checklist.why_not.iter().any(|r| &r.id == reason) {
                return Err(missing("reason", reason));
            }
        }
    }
    let copies = answers
        .plan_conflicts
        .iter()
        .flat_map(|(section, copies)| copies.iter().map(move |copy| (section, copy)));
    for (section, text) in answers.plan.iter().chain(copies) {
        if !super::PLAN_SECTIONS.contains(&section.as_str()) {
            return Err(missing("plan section", section));
        }
        let size = text.chars().count();
        if size > super::MAX_PLAN_SECTION_CHARS {
            return Err(Error::TooLarge {
                size,
                limit: super::MAX_PLAN_SECTION_CHARS,
            });
        }
    }
    if let Some(item) = pack.unknown_checklist_item(answers.actions.keys()) {
        return Err(missing("item", item));
    }
    for action in answers.actions.values() {
        if !action.due.is_empty() && crate::date::parse_date(&action.due).is_none() {
            return Err(Error::InvalidDate(action.due.clone()));
        }
    }
    Ok(())
}
