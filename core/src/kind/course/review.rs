//! What a learner is shown after answering: a quiz question's review (which chosen options
//! were right, the right answer, the sources) and a scenario's path with the quality of each
//! choice. Read from the pack and the learner's progress, so the UI never decides.

use super::{
    ChoiceQuality, Course, CourseProgress, Question, QuizOption, Scenario, ScenarioChoice,
    ScenarioNode,
};
use crate::pack::SourceRef;

/// The review of one quiz question for a set of chosen options.
#[derive(Debug, Clone, PartialEq)]
pub struct QuestionReview<'a> {
    /// Whether the chosen options are exactly the right ones.
    pub correct: bool,
    /// Whether any option was chosen.
    pub answered: bool,
    /// The chosen options, in the question's order.
    pub chosen: Vec<&'a QuizOption>,
    /// The right options, in the question's order.
    pub right: Vec<&'a QuizOption>,
    /// The sources of the chosen and the right options, first seen first, without repeats.
    pub sources: Vec<&'a SourceRef>,
}

/// Reviews the options chosen for a question. Unknown option ids are ignored.
pub fn review_question<'a>(
    question: &'a Question,
    chosen: &crate::vec_map::VecSet,
) -> QuestionReview<'a> {
    let chosen_options: Vec<&QuizOption> = question
        .options
        .iter()
        .filter(|o| chosen.contains(&o.id))
        .collect();
    let right: Vec<&QuizOption> = question.options.iter().filter(|o| o.correct).collect();
    let mut sources: Vec<&SourceRef> = Vec::new();
    for source in chosen_options
        .iter()
        .chain(right.iter())
        .flat_map(|o| o.sources.iter())
    {
        if !sources.contains(&source) {
            sources.push(source);
        }
    }
    QuestionReview {
        correct: super::is_correct(question, chosen),
        answered: !chosen_options.is_empty(),
        chosen: chosen_options,
        right,
        sources,
    }
}

/// One choice on a scenario's path, with the node it was made at.
#[derive(Debug, Clone, PartialEq)]
pub struct ReviewedStep<'a> {
    /// The node where the choice was made.
    pub node: &'a ScenarioNode,
    /// The choice made.
    pub choice: &'a ScenarioChoice,
}

/// A scenario's path so far and how many choices of each quality it holds.
#[derive(Debug, Clone, PartialEq)]
pub struct ScenarioReview<'a> {
    /// The choices made, in order (steps naming unknown nodes or choices are skipped).
    pub steps: Vec<ReviewedStep<'a>>,
    /// Choices the guidance recommends.
    pub good: usize,
    /// Choices that miss something.
    pub acceptable: usize,
    /// Choices likely to do harm.
    pub poor: usize,
    /// The path the guidance recommends: from the start, the first good choice at each node,
    /// to an ending (it stops at a node without a good choice, or one already passed).
    pub recommended: Vec<ReviewedStep<'a>>,
    /// Whether every choice made was a good one (then the learner's path is the recommended
    /// one, or as good).
    pub all_good: bool,
}

impl Course {
    /// The path a learner took in a scenario, for feedback after a choice and the summary
    /// at an ending. `None` when the module or scenario is unknown.
    pub fn scenario_review<'a>(
        &'a self,
        progress: &CourseProgress,
        module: &str,
        scenario: &str,
    ) -> Option<ScenarioReview<'a>> {
        let definition: &Scenario = self
            .module(module)?
            .scenarios
            .iter()
            .find(|s| s.id == scenario)?;
        let path = progress
            .modules
            .get(module)
            .and_then(|m| m.scenarios.get(scenario))
            .map(Vec::as_slice)
            .unwrap_or(&[]);
        let steps: Vec<ReviewedStep<'a>> = path
            .iter()
            .filter_map(|step| {
                let node = definition.nodes.iter().find(|n| n.id == step.node)?;
                let choice = node.choices.iter().find(|c| c.id == step.choice)?;
                Some(ReviewedStep { node, choice })
            })
            .collect();
        let count =
            |quality: ChoiceQuality| steps.iter().filter(|s| s.choice.quality == quality).count();
        let mut recommended = Vec::new();
        let mut node_id = definition.start.as_str();
        while let Some(node) = definition.nodes.iter().find(|n| n.id == node_id) {
            let Some(choice) = node
                .choices
                .iter()
                .find(|c| c.quality == ChoiceQuality::Good)
            else {
                break;
            };
            if recommended
                .iter()
                .any(|step: &ReviewedStep<'_>| step.node.id == node.id)
            {
                break;
            }
            recommended.push(ReviewedStep { node, choice });
            match &choice.next {
                Some(next) => node_id = next,
                None => break,
            }
        }
        Some(ScenarioReview {
            all_good: steps
                .iter()
                .all(|s| s.choice.quality == ChoiceQuality::Good),
            recommended,
            good: count(ChoiceQuality::Good),
            acceptable: count(ChoiceQuality::Acceptable),
            poor: count(ChoiceQuality::Poor),
            steps,
        })
    }

    /// The ids of the quiz questions asked now with no option chosen yet, in the order shown.
    pub fn unanswered_questions<'a>(
        &'a self,
        progress: &CourseProgress,
        module: &str,
    ) -> Vec<&'a str> {
        let Some(definition) = self.module(module) else {
            return Vec::new();
        };
        let answers = progress.modules.get(module).map(|m| &m.quiz_answers);
        self.quiz_shown(progress, definition)
            .iter()
            .filter_map(|shown| {
                definition
                    .quiz
                    .questions
                    .iter()
                    .find(|q| q.id == shown.question)
            })
            .filter(|q| {
                answers
                    .and_then(|a| a.get(&q.id))
                    .is_none_or(crate::vec_map::VecSet::is_empty)
            })
            .map(|q| q.id.as_str())
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::super::{
        CourseAction, FeedbackQuestion, Lesson, Module, QuestionKind, Quiz, ScenarioChoice,
    };
    use super::*;
    use crate::text::Text;

    fn source(doc: &str) -> SourceRef {
        SourceRef {
            doc: doc.into(),
            section: "1".into(),
        }
    }

    fn option(id: &str, correct: bool, doc: &str) -> QuizOption {
        QuizOption {
            id: id.into(),
            text: Text::new(id, id),
            correct,
            feedback: Text::new("f", "f"),
            sources: vec![source(doc)],
        }
    }

    fn choice(id: &str, quality: ChoiceQuality, next: Option<&str>) -> ScenarioChoice {
        ScenarioChoice {
            id: id.into(),
            text: Text::new(id, id),
            feedback: Text::new("f", "f"),
            quality,
            next: next.map(String::from),
            sources: Vec::new(),
        }
    }

    fn course() -> Course {
        Course {
            pass_mark_percent: 50,
            feedback_questions: Vec::<FeedbackQuestion>::new(),
            modules: vec![Module {
                id: "m".into(),
                title: Text::new("m", "m"),
                summary: Text::new("s", "s"),
                minutes: 5,
                lessons: Vec::<Lesson>::new(),
                scenarios: vec![Scenario {
                    id: "s".into(),
                    title: Text::new("s", "s"),
                    start: "n1".into(),
                    nodes: vec![
                        ScenarioNode {
                            id: "n1".into(),
                            text: Text::new("1", "1"),
                            choices: vec![
                                choice("a", ChoiceQuality::Poor, Some("n2")),
                                choice("b", ChoiceQuality::Good, Some("n2")),
                            ],
                            sources: Vec::new(),
                        },
                        ScenarioNode {
                            id: "n2".into(),
                            text: Text::new("2", "2"),
                            choices: vec![choice("c", ChoiceQuality::Acceptable, Some("n3"))],
                            sources: Vec::new(),
                        },
                        ScenarioNode {
                            id: "n3".into(),
                            text: Text::new("3", "3"),
                            choices: Vec::new(),
                            sources: Vec::new(),
                        },
                    ],
                    sources: vec![source("doc")],
                }],
                quiz: Quiz {
                    questions: vec![
                        Question {
                            id: "q1".into(),
                            prompt: Text::new("q1", "q1"),
                            kind: QuestionKind::Multiple,
                            options: vec![
                                option("a", true, "d1"),
                                option("b", false, "d2"),
                                option("c", true, "d1"),
                            ],
                            updates: Vec::new(),
                        },
                        Question {
                            id: "q2".into(),
                            prompt: Text::new("q2", "q2"),
                            kind: QuestionKind::Single,
                            options: vec![option("a", true, "d3"), option("b", false, "d3")],
                            updates: Vec::new(),
                        },
                    ],
                    questions_per_attempt: None,
                },
                pass_mark_percent: None,
            }],
        }
    }

    fn set(ids: &[&str]) -> crate::vec_map::VecSet {
        ids.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn a_partly_right_multiple_answer_is_wrong_and_shows_the_right_options() {
        let course = course();
        let question = &course.modules[0].quiz.questions[0];
        let review = review_question(question, &set(&["a", "b"]));
        assert!(!review.correct);
        assert!(review.answered);
        let ids =
            |options: &[&QuizOption]| options.iter().map(|o| o.id.clone()).collect::<Vec<_>>();
        assert_eq!(ids(&review.chosen), ["a", "b"]);
        assert_eq!(ids(&review.right), ["a", "c"]);
        let docs: Vec<&str> = review.sources.iter().map(|s| s.doc.as_str()).collect();
        assert_eq!(docs, ["d1", "d2"]);
        assert!(review_question(question, &set(&["c", "a"])).correct);
        assert!(!review_question(question, &set(&[])).answered);
    }

    #[test]
    fn the_scenario_review_follows_the_path_and_counts_qualities() {
        let course = course();
        let mut progress = CourseProgress::default();
        let choose = |choice: &str| CourseAction::Choose {
            module: "m".into(),
            scenario: "s".into(),
            choice: choice.into(),
        };
        course.apply(&mut progress, &choose("a")).unwrap();
        course.apply(&mut progress, &choose("c")).unwrap();
        let review = course.scenario_review(&progress, "m", "s").unwrap();
        let path: Vec<&str> = review.steps.iter().map(|s| s.choice.id.as_str()).collect();
        assert_eq!(path, ["a", "c"]);
        assert_eq!((review.good, review.acceptable, review.poor), (0, 1, 1));
        assert!(!review.all_good);
        // The recommended path takes the good choice and stops where no choice is good.
        let recommended: Vec<&str> = review
            .recommended
            .iter()
            .map(|s| s.choice.id.as_str())
            .collect();
        assert_eq!(recommended, ["b"]);
        assert!(course.scenario_review(&progress, "m", "nope").is_none());
    }

    #[test]
    fn unanswered_questions_are_listed_in_quiz_order() {
        let course = course();
        let mut progress = CourseProgress::default();
        assert_eq!(course.unanswered_questions(&progress, "m"), ["q1", "q2"]);
        let toggle = |question: &str, option: &str| CourseAction::ToggleOption {
            module: "m".into(),
            question: question.into(),
            option: option.into(),
        };
        course.apply(&mut progress, &toggle("q2", "b")).unwrap();
        assert_eq!(course.unanswered_questions(&progress, "m"), ["q1"]);
        course.apply(&mut progress, &toggle("q1", "a")).unwrap();
        course.apply(&mut progress, &toggle("q1", "a")).unwrap();
        assert_eq!(course.unanswered_questions(&progress, "m"), ["q1"]);
    }
}
