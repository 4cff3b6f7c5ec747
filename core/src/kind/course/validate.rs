//! Validation of the course kind.

use std::collections::BTreeMap;

use crate::diagnostic::Code;
use crate::kind::course::{Block, Course, QuestionKind, Scenario};
use crate::validate::Validator;

pub(crate) fn validate(v: &mut Validator<'_>, course: &Course) {
    let base = "/kit";
    v.percent(
        course.pass_mark_percent,
        &format!("{base}/pass_mark_percent"),
        Code::PassMarkOutOfRange,
    );
    for (index, question) in course.feedback_questions.iter().enumerate() {
        let path = format!("{base}/feedback_questions/{index}");
        v.pack_id(&question.id, &format!("{path}/id"));
        v.text(&question.prompt, &format!("{path}/prompt"));
        let option_ids = v.options(&question.options, &format!("{path}/options"), |o| {
            (&o.id, &o.label)
        });
        v.refs(
            &question.positive,
            &option_ids,
            &format!("{path}/positive"),
            "option",
        );
    }

    v.non_empty(&course.modules, &format!("{base}/modules"), "module");
    for (module_index, module) in course.modules.iter().enumerate() {
        let path = format!("{base}/modules/{module_index}");
        v.pack_id(&module.id, &format!("{path}/id"));
        v.text(&module.title, &format!("{path}/title"));
        v.text(&module.summary, &format!("{path}/summary"));
        if let Some(pass_mark) = module.pass_mark_percent {
            v.percent(
                pass_mark,
                &format!("{path}/pass_mark_percent"),
                Code::PassMarkOutOfRange,
            );
        }
        v.non_empty(&module.lessons, &format!("{path}/lessons"), "lesson");
        for (i, lesson) in module.lessons.iter().enumerate() {
            let lesson_path = format!("{path}/lessons/{i}");
            v.pack_id(&lesson.id, &format!("{lesson_path}/id"));
            v.text(&lesson.title, &format!("{lesson_path}/title"));
            v.non_empty(&lesson.blocks, &format!("{lesson_path}/blocks"), "block");
            for (b, block) in lesson.blocks.iter().enumerate() {
                let block_path = format!("{lesson_path}/blocks/{b}");
                match block {
                    Block::Paragraph { text, .. } | Block::Note { text, .. } => {
                        v.text(text, &format!("{block_path}/text"));
                    }
                    Block::List { items, .. } => {
                        v.non_empty(items, &format!("{block_path}/items"), "entry");
                        v.texts(items, &format!("{block_path}/items"));
                    }
                }
                v.own_sources(block.sources(), &block_path, "this lesson block");
            }
            v.updates(&lesson.updates, &format!("{lesson_path}/updates"));
            let blocks_cite = lesson
                .blocks
                .iter()
                .any(|block| block.sources().is_some_and(|s| !s.is_empty()));
            if blocks_cite {
                v.source_refs(&lesson.sources, &format!("{lesson_path}/sources"));
            } else {
                v.sources(&lesson.sources, &format!("{lesson_path}/sources"));
            }
        }
        for (i, scenario) in module.scenarios.iter().enumerate() {
            scenario_checks(v, scenario, &format!("{path}/scenarios/{i}"));
        }
        let quiz_path = format!("{path}/quiz/questions");
        v.non_empty(&module.quiz.questions, &quiz_path, "question");
        if let Some(asked) = module.quiz.questions_per_attempt {
            let pool = module.quiz.questions.len();
            if asked == 0 || usize::from(asked) > pool {
                v.push(
                    Code::OutOfRange,
                    format!("{path}/quiz/questions_per_attempt"),
                    format!("an attempt must ask between 1 and the {pool} questions of the quiz"),
                );
            }
        }
        for (q, question) in module.quiz.questions.iter().enumerate() {
            let question_path = format!("{quiz_path}/{q}");
            v.pack_id(&question.id, &format!("{question_path}/id"));
            v.text(&question.prompt, &format!("{question_path}/prompt"));
            v.updates(&question.updates, &format!("{question_path}/updates"));
            if question.options.len() < 2 {
                v.push(
                    Code::EmptyList,
                    format!("{question_path}/options"),
                    "a question needs at least two options",
                );
            }
            v.local_ids(
                question
                    .options
                    .iter()
                    .enumerate()
                    .map(|(i, o)| (o.id.as_str(), format!("{question_path}/options/{i}/id"))),
            );
            for (o, option) in question.options.iter().enumerate() {
                let option_path = format!("{question_path}/options/{o}");
                v.text(&option.text, &format!("{option_path}/text"));
                v.text(&option.feedback, &format!("{option_path}/feedback"));
                v.sources(&option.sources, &format!("{option_path}/sources"));
            }
            let correct = question.options.iter().filter(|o| o.correct).count();
            let fits = match question.kind {
                QuestionKind::Single => correct == 1,
                QuestionKind::Multiple => correct >= 1,
            };
            if !fits {
                // Worded here, not through `Debug`: release builds print no `{:?}`
                // (-Zfmt-debug=none, scripts/lib.sh).
                let kind = match question.kind {
                    QuestionKind::Single => "single",
                    QuestionKind::Multiple => "multiple",
                };
                v.push(
                    Code::WrongCorrectCount,
                    format!("{question_path}/options"),
                    format!("{correct} correct options do not fit a {kind} question"),
                );
            }
        }
    }
}

fn scenario_checks(v: &mut Validator<'_>, scenario: &Scenario, path: &str) {
    v.pack_id(&scenario.id, &format!("{path}/id"));
    v.text(&scenario.title, &format!("{path}/title"));
    v.sources(&scenario.sources, &format!("{path}/sources"));
    v.non_empty(&scenario.nodes, &format!("{path}/nodes"), "node");
    v.local_ids(
        scenario
            .nodes
            .iter()
            .enumerate()
            .map(|(i, n)| (n.id.as_str(), format!("{path}/nodes/{i}/id"))),
    );
    let index_of: BTreeMap<&str, usize> = scenario
        .nodes
        .iter()
        .enumerate()
        .map(|(i, n)| (n.id.as_str(), i))
        .collect();
    for (n, node) in scenario.nodes.iter().enumerate() {
        let node_path = format!("{path}/nodes/{n}");
        v.text(&node.text, &format!("{node_path}/text"));
        v.local_ids(
            node.choices
                .iter()
                .enumerate()
                .map(|(i, c)| (c.id.as_str(), format!("{node_path}/choices/{i}/id"))),
        );
        v.source_refs(&node.sources, &format!("{node_path}/sources"));
        for (c, choice) in node.choices.iter().enumerate() {
            let choice_path = format!("{node_path}/choices/{c}");
            v.text(&choice.text, &format!("{choice_path}/text"));
            v.text(&choice.feedback, &format!("{choice_path}/feedback"));
            v.source_refs(&choice.sources, &format!("{choice_path}/sources"));
            if let Some(next) = &choice.next {
                if !index_of.contains_key(next.as_str()) {
                    v.push(
                        Code::UnknownRef,
                        format!("{choice_path}/next"),
                        format!("no node with id `{next}` in this scenario"),
                    );
                }
            }
        }
    }
    let Some(&start) = index_of.get(scenario.start.as_str()) else {
        v.push(
            Code::UnknownRef,
            format!("{path}/start"),
            format!("no node with id `{}` in this scenario", scenario.start),
        );
        return;
    };
    let mut reached = vec![false; scenario.nodes.len()];
    let mut queue = vec![start];
    let mut ending_reached = false;
    while let Some(index) = queue.pop() {
        if std::mem::replace(&mut reached[index], true) {
            continue;
        }
        let node = &scenario.nodes[index];
        if node.choices.is_empty() {
            ending_reached = true;
        }
        for choice in &node.choices {
            match choice.next.as_deref().and_then(|next| index_of.get(next)) {
                Some(&next) => queue.push(next),
                None if choice.next.is_none() => ending_reached = true,
                None => {}
            }
        }
    }
    for (n, node) in scenario.nodes.iter().enumerate() {
        if !reached[n] {
            v.push(
                Code::UnreachableNode,
                format!("{path}/nodes/{n}"),
                format!(
                    "node `{}` cannot be reached from `{}`",
                    node.id, scenario.start
                ),
            );
        }
    }
    if !ending_reached {
        v.push(
            Code::NoEnding,
            format!("{path}/nodes"),
            "no ending can be reached from the start",
        );
    }
}
