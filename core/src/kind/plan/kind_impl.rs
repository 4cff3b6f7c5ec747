//! The return-to-work plan as a [`Kind`]: its state, validation, the check that an imported
//! state fits the pack, and its CSV.

use super::{FollowUpDate, Plan, PlanCases, StepProgress};
use crate::error::{Error, Result};
use crate::export::missing;
use crate::kind::{Kind, ReportRequest};
use crate::load::ValidPack;
use crate::text::Lang;
use crate::validate::Validator;

impl Kind for Plan {
    const NAME: &'static str = "plan";
    type State = PlanCases;
    /// The 職場復帰支援プラン and the 情報提供依頼書 are drafted in Japanese for every reader
    /// (they go to the attending doctor and the workplace's files).
    const ALSO_NEEDS: &'static [Lang] = &[Lang::Ja];

    fn validate(&self, validator: &mut Validator<'_>) {
        super::validate::validate(validator, self);
    }

    fn result_json(&self, state: &Self::State, _today: &str) -> String {
        let cases: std::collections::BTreeMap<&str, CaseScore<'_>> = state
            .cases
            .iter()
            .map(|(id, case)| {
                let score = CaseScore {
                    label: &case.label,
                    step: case.step.as_deref(),
                    progress: self.case_progress(case),
                    follow_up: self.follow_up_dates(case),
                };
                (id.as_str(), score)
            })
            .collect();
        serde_json::to_string_pretty(&PlanScore { cases }).unwrap_or_default()
    }

    fn amount_done(state: &Self::State) -> usize {
        state.cases.len()
    }

    fn recompute_imported(&self, state: &mut Self::State) -> Result<()> {
        crate::imported::check_plan(self, state)
    }

    fn check_fits(&self, _pack: &ValidPack, state: &PlanCases) -> Result<()> {
        plan_fits(self, state)
    }

    /// Each case's overview, then its documents.
    fn report_pages(
        &self,
        pack: &ValidPack,
        state: &PlanCases,
        lang: Lang,
        _today: &str,
    ) -> Result<Vec<String>> {
        let mut pages = Vec::new();
        for case in state.cases.values() {
            pages.push(super::report::case_overview_html(pack, case, lang)?);
            for document in &self.documents {
                pages.push(super::report::document_html(
                    pack,
                    case,
                    &document.id,
                    lang,
                )?);
            }
        }
        Ok(pages)
    }

    /// One case's overview, or one of its documents: the case named, or the only one.
    fn report_html(
        &self,
        pack: &ValidPack,
        state: &PlanCases,
        request: &ReportRequest<'_>,
        lang: Lang,
        _today: &str,
    ) -> Result<String> {
        let case = match request.case {
            Some(id) => state.cases.get(id).ok_or_else(|| missing("case", id))?,
            None if state.cases.len() == 1 => state
                .cases
                .values()
                .next()
                .ok_or_else(|| Error::DoesNotFit("the file holds no case".to_string()))?,
            None => {
                return Err(Error::DoesNotFit(format!(
                    "the file holds {} cases; name one",
                    state.cases.len()
                )))
            }
        };
        match request.document {
            Some(document) => super::report::document_html(pack, case, document, lang),
            None => super::report::case_overview_html(pack, case, lang),
        }
    }

    #[cfg(feature = "all-kinds")]
    fn add_stats(&self, stats: &mut crate::stats::PackStats, _content_as_of: &str) {
        super::stats::add_stats(self, stats);
    }

    fn csv(&self, state: &PlanCases, lang: Lang, _today: &str) -> String {
        super::csv::plan_csv(self, state, lang)
    }
}

fn plan_fits(plan: &Plan, cases: &PlanCases) -> Result<()> {
    for case in cases.cases.values() {
        if let Some(step) = &case.step {
            plan.step(step).ok_or_else(|| missing("step", step))?;
        }
        for field in case.fields.keys() {
            if !plan.fields.iter().any(|f| &f.id == field) {
                return Err(missing("field", field));
            }
        }
        for task in case.tasks_done.keys() {
            if !plan
                .steps
                .iter()
                .flat_map(|s| &s.tasks)
                .any(|t| &t.id == task)
            {
                return Err(missing("task", task));
            }
        }
        for step in case.notes.keys() {
            plan.step(step).ok_or_else(|| missing("step", step))?;
        }
    }
    Ok(())
}

/// One case in a plan's result.
#[derive(serde::Serialize)]
struct CaseScore<'a> {
    label: &'a str,
    step: Option<&'a str>,
    progress: Vec<StepProgress>,
    follow_up: Vec<FollowUpDate>,
}

/// A plan's result: its cases by id.
#[derive(serde::Serialize)]
struct PlanScore<'a> {
    cases: std::collections::BTreeMap<&'a str, CaseScore<'a>>,
}

/// Return-to-work cases hold health information: they are never aggregated.
#[cfg(feature = "aggregate")]
impl crate::aggregate::KindAggregate for Plan {
    type Figures = crate::aggregate::NotAggregated;

    fn tally(&self) -> Result<Option<Box<dyn crate::aggregate::Tally + '_>>> {
        Err(Error::NotAllowed(
            "return-to-work cases hold health information and are not aggregated".into(),
        ))
    }
}
