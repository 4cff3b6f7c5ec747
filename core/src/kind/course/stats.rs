//! What a course pack holds, for `kizuki stats`: modules, lessons, scenarios, quizzes.

use super::Course;
use crate::pack::SourceRef;
use crate::stats::{ModuleStats, PackStats};

/// The course's counts: modules, lessons and their sources, scenarios, quiz questions.
pub(super) fn add_stats(course: &Course, stats: &mut PackStats) {
    stats.modules = course.modules.len();
    for module in &course.modules {
        let mut module_stats = ModuleStats {
            id: module.id.clone(),
            lessons: module.lessons.len(),
            scenarios: module.scenarios.len(),
            quiz_questions: module.quiz.questions.len(),
            ..ModuleStats::default()
        };
        for lesson in &module.lessons {
            let counts = lesson
                .blocks
                .iter()
                .map(|block| block.sources().map(<[SourceRef]>::len))
                .collect::<Vec<_>>();
            for block in &lesson.blocks {
                stats.count_fact_block(block.sources());
            }
            module_stats.lesson_blocks += counts.len();
            module_stats.lesson_blocks_unsourced += counts.iter().filter(|c| c.is_none()).count();
            module_stats.block_sources.insert(lesson.id.clone(), counts);
        }
        stats.lessons += module_stats.lessons;
        stats.scenarios += module_stats.scenarios;
        stats.quiz_questions += module_stats.quiz_questions;
        stats.options_without_feedback += module
            .quiz
            .questions
            .iter()
            .flat_map(|q| &q.options)
            .filter(|o| o.feedback.ja.trim().is_empty())
            .count();
        stats.per_module.push(module_stats);
    }
}
