//! The course as a [`Kind`]: its state, validation, the check that an imported
//! state fits the pack, and its CSV.

use super::{Course, CourseProgress};
use crate::error::Result;
use crate::export::missing;
use crate::kind::{FileFormat, Kind, ReportRequest};
use crate::load::ValidPack;
use crate::text::Lang;
use crate::validate::Validator;

impl Kind for Course {
    const NAME: &'static str = "course";
    type State = CourseProgress;
    /// The record and its xAPI statements. The core writes a course's CSV too (`kizuki
    /// export-csv`); the browser does not offer it, which keeps the CSV writer out of the
    /// course's module.
    const FILE_FORMATS: &'static [FileFormat] = &[FileFormat::Record, FileFormat::Xapi];

    fn validate(&self, validator: &mut Validator<'_>) {
        super::validate::validate(validator, self);
    }

    fn result_json(&self, state: &Self::State, _today: &str) -> String {
        serde_json::to_string_pretty(&self.result(state)).unwrap_or_default()
    }

    fn amount_done(state: &Self::State) -> usize {
        state
            .modules
            .values()
            .map(|module| {
                module.lessons_read.len()
                    + module.attempts.len()
                    + module.scenarios.values().map(Vec::len).sum::<usize>()
            })
            .sum()
    }

    fn recompute_imported(&self, state: &mut Self::State) -> Result<()> {
        crate::imported::recompute_course(self, state)
    }

    fn check_fits(&self, _pack: &ValidPack, state: &CourseProgress) -> Result<()> {
        course_fits(self, state)
    }

    /// The certificate once the course is complete, else the progress summary.
    fn report_pages(
        &self,
        pack: &ValidPack,
        state: &CourseProgress,
        lang: Lang,
        _today: &str,
    ) -> Result<Vec<String>> {
        Ok(vec![super::report::course_html(pack, state, lang)?])
    }

    /// The certificate once the course is complete, else the progress summary.
    fn report_html(
        &self,
        pack: &ValidPack,
        state: &CourseProgress,
        _request: &ReportRequest<'_>,
        lang: Lang,
        _today: &str,
    ) -> Result<String> {
        super::report::course_html(pack, state, lang)
    }

    #[cfg(feature = "all-kinds")]
    fn add_stats(&self, stats: &mut crate::stats::PackStats, _content_as_of: &str) {
        super::stats::add_stats(self, stats);
    }

    fn csv(&self, state: &CourseProgress, lang: Lang, _today: &str) -> String {
        super::csv::course_csv(self, state, lang)
    }
}

fn course_fits(course: &Course, progress: &CourseProgress) -> Result<()> {
    if let Some(position) = &progress.position {
        course
            .module(&position.module)
            .ok_or_else(|| missing("module", &position.module))?;
    }
    for (module_id, module_progress) in &progress.modules {
        let module = course
            .module(module_id)
            .ok_or_else(|| missing("module", module_id))?;
        for lesson in &module_progress.lessons_read {
            if !module.lessons.iter().any(|l| &l.id == lesson) {
                return Err(missing("lesson", lesson));
            }
        }
        for scenario in module_progress.scenarios.keys() {
            if !module.scenarios.iter().any(|s| &s.id == scenario) {
                return Err(missing("scenario", scenario));
            }
        }
        let answers = module_progress
            .attempts
            .iter()
            .flat_map(|a| &a.answers)
            .chain(&module_progress.quiz_answers);
        for (question, options) in answers {
            let known = module
                .quiz
                .questions
                .iter()
                .find(|q| &q.id == question)
                .ok_or_else(|| missing("question", question))?;
            if let Some(option) = options
                .iter()
                .find(|o| !known.options.iter().any(|k| &k.id == *o))
            {
                return Err(missing("option", option));
            }
        }
        for question in &module_progress.quiz_checked {
            if !module.quiz.questions.iter().any(|q| &q.id == question) {
                return Err(missing("question", question));
            }
        }
        for (question, option) in &module_progress.feedback {
            let known = course
                .feedback_questions
                .iter()
                .find(|q| &q.id == question)
                .ok_or_else(|| missing("feedback question", question))?;
            if !known.options.iter().any(|o| &o.id == option) {
                return Err(missing("feedback answer", option));
            }
        }
    }
    Ok(())
}
