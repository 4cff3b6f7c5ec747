//! What the course tells a learning management system (LMS) through SCORM 1.2, and how
//! it resumes from what the LMS kept. The web's glue only calls the LMS's API with the
//! values decided here; cmi5 (xAPI) statements are in [`super::cmi5`].
//!
//! The whole course is **one SCO** (one cmi5 AU): the widget is one app whose map leads
//! to every module, and the record it resumes from holds every module, so one launch, one
//! suspend data and one session time describe what the learner did. Each module is
//! reported inside it as a SCORM objective (`cmi.objectives.n`, module order), so an LMS
//! report still shows which module was passed with which score.
//!
//! | LMS element (SCORM 1.2) | from the course record |
//! |---|---|
//! | `cmi.core.lesson_status` | `passed` once every module is complete (its quiz passed), else `incomplete`; never `failed`: quizzes can be retaken without limit |
//! | `cmi.core.score.raw` / `min` / `max` | the mean of the modules' best quiz scores, 0–100 (a module not yet tried counts 0); absent before the first attempt |
//! | `cmi.core.session_time` | active seconds of this session (the record's active time now minus at launch), `HHHH:MM:SS.SS` |
//! | `cmi.core.lesson_location` | the module and screen to resume at |
//! | `cmi.core.exit` | `suspend` until complete, then empty |
//! | `cmi.suspend_data` | the record, compact (see [`suspend_data`]) |
//! | `cmi.objectives.n` | per module: id, best score, `passed` / `incomplete` / `not attempted` |
//! | `cmi.interactions.n` | each 理解度 / 有用度 answer given in this session: id `<module>.<question>`, type `likert`, response the answer's place (1 = most positive) |

use std::collections::BTreeMap;

use crate::vec_map::VecMap;

use serde::{Deserialize, Serialize};

use super::{Course, CourseProgress, ModuleProgress, QuizAttempt};
use crate::error::{Error, Result};
use crate::export::{import_checked, Export, KitState};
use crate::load::ValidPack;

/// The most characters SCORM 1.2 lets `cmi.suspend_data` hold (CMIString4096). Kizuki
/// counts UTF-8 bytes, which are never fewer, so an LMS that counts either way keeps it.
pub const SCORM12_SUSPEND_LIMIT: usize = 4096;

/// The most characters of `cmi.core.lesson_location` (CMIString255).
const LOCATION_LIMIT: usize = 255;

/// The record as the LMS keeps it between sessions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SuspendData {
    /// The whole record (the export envelope, compact JSON).
    Full(String),
    /// The record with fewer quiz attempts: per module only the first passing, the best
    /// and the last attempt are kept, and the option order of earlier attempts is left out.
    /// The record in the browser keeps everything.
    Reduced {
        /// The compact record.
        text: String,
        /// How many attempts were left out.
        attempts_left_out: usize,
    },
    /// Even reduced the record is larger than the LMS can keep: nothing is sent, the LMS
    /// keeps what it had, and the record in the browser keeps everything (the widget says
    /// so and offers the record file).
    TooLarge {
        /// The reduced record's size in bytes.
        bytes: usize,
    },
}

impl SuspendData {
    /// The text to send, if any.
    pub fn text(&self) -> Option<&str> {
        match self {
            SuspendData::Full(text) | SuspendData::Reduced { text, .. } => Some(text),
            SuspendData::TooLarge { .. } => None,
        }
    }
}

/// The record for an LMS that keeps at most `limit` bytes of it. SCORM 1.2
/// ([`SCORM12_SUSPEND_LIMIT`]) gets the compact form ([`compact`]: ids as their places in
/// the pack, results left to be recomputed); cmi5's state document has no such limit
/// (`usize::MAX`) and gets the export envelope itself.
///
/// `saved_at` and `revision` go into the record as in a saved one; [`resume`] reads
/// either form with every check an imported file gets.
pub fn suspend_data(
    pack: &ValidPack,
    progress: &CourseProgress,
    saved_at: &str,
    revision: u64,
    limit: usize,
) -> SuspendData {
    if limit == usize::MAX {
        let export = Export::new(pack, KitState::Course(progress.clone()), saved_at, revision);
        return SuspendData::Full(serde_json::to_string(&export).unwrap_or_default());
    }
    let full = compact(pack, progress, saved_at, revision);
    if full.len() <= limit {
        return SuspendData::Full(full);
    }
    let (reduced, attempts_left_out) = reduce(progress);
    let text = compact(pack, &reduced, saved_at, revision);
    if text.len() <= limit {
        SuspendData::Reduced {
            text,
            attempts_left_out,
        }
    } else {
        SuspendData::TooLarge { bytes: text.len() }
    }
}

/// Keeps per module the first passing, the best and the last attempt (in their order),
/// and drops the option order of all but the last (scores do not depend on it; a review
/// shows the pack's order instead).
fn reduce(progress: &CourseProgress) -> (CourseProgress, usize) {
    let mut reduced = progress.clone();
    let mut left_out = 0;
    for module in reduced.modules.values_mut() {
        left_out += keep_key_attempts(module);
        let last = module.attempts.len().saturating_sub(1);
        for (index, attempt) in module.attempts.iter_mut().enumerate() {
            if index != last {
                for shown in &mut attempt.shown {
                    shown.options.clear();
                }
            }
        }
    }
    (reduced, left_out)
}

fn keep_key_attempts(module: &mut ModuleProgress) -> usize {
    let attempts = &module.attempts;
    if attempts.len() <= 3 {
        return 0;
    }
    let first_pass = attempts.iter().position(|a| a.passed);
    let best = attempts
        .iter()
        .enumerate()
        .max_by_key(|(index, a)| (a.percent, std::cmp::Reverse(*index)))
        .map(|(index, _)| index);
    let last = attempts.len() - 1;
    let kept: Vec<QuizAttempt> = attempts
        .iter()
        .enumerate()
        .filter(|(index, _)| Some(*index) == first_pass || Some(*index) == best || *index == last)
        .map(|(_, attempt)| attempt.clone())
        .collect();
    let left_out = attempts.len() - kept.len();
    module.attempts = kept;
    left_out
}

/// The course record in an LMS's suspend data (the compact form or an export envelope),
/// read with every check an imported file gets (pack id, ids, dates; scores recomputed
/// from the answers). An empty text is `Ok(None)`: the LMS has nothing yet.
pub fn resume(pack: &ValidPack, suspend: &str) -> Result<Option<CourseProgress>> {
    if suspend.trim().is_empty() {
        return Ok(None);
    }
    let envelope = match crate::json::from_slice::<Compact>(suspend.as_bytes()) {
        Ok(compact) => expand(pack, compact)?,
        Err(_) => suspend.to_string(),
    };
    let (export, _changed) = import_checked(pack, envelope.as_bytes())?;
    export
        .state
        .into_state::<Course>()
        .map(Some)
        .ok_or_else(|| Error::DoesNotFit("the LMS's suspend data is not a course record".into()))
}

/// The compact form of a record (format `k: 1`): the same facts as the export envelope
/// with every module, lesson, scenario, node, choice, question and option named by its
/// place in the pack, and no quiz results (they are recomputed from the answers). About a
/// third of the envelope's size: a whole course with one attempt per module is about
/// 2.5 KB.
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Compact {
    /// Format of the compact form.
    k: u8,
    /// Pack id, pack version, saved at, revision.
    p: String,
    v: String,
    s: String,
    r: u64,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    n: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    i: String,
    /// Position: module place, screen.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    o: Option<(usize, String)>,
    /// Modules by place (trailing untouched ones left out).
    #[serde(default)]
    m: Vec<CompactModule>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    f: Option<super::FollowUp>,
    /// The day of a "later" answer to the follow-up.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    u: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    c: Option<super::Issuer>,
}

/// A question's place and its option places.
type Places = (usize, Vec<usize>);

#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct CompactModule {
    /// Lessons read.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    l: Vec<usize>,
    /// Scenarios: place, path of (node place, choice place).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    s: Vec<(usize, Vec<(usize, usize)>)>,
    /// Quiz being taken: answers, checked questions, questions shown.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    q: Vec<Places>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    k: Vec<usize>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    w: Vec<Places>,
    /// Attempts.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    a: Vec<CompactAttempt>,
    /// Feedback: question place, option place.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    f: Vec<(usize, usize)>,
    /// Active seconds.
    #[serde(default, skip_serializing_if = "is_zero")]
    t: u64,
}

fn is_zero(value: &u64) -> bool {
    *value == 0
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct CompactAttempt {
    d: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    t: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    s: Vec<Places>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    a: Vec<Places>,
}

fn place<T>(items: &[T], id: &str, id_of: impl Fn(&T) -> &str) -> Option<usize> {
    items.iter().position(|item| id_of(item) == id)
}

/// The compact form of `progress` (ids the pack does not have are left out: a record the
/// core made has none).
fn compact(pack: &ValidPack, progress: &CourseProgress, saved_at: &str, revision: u64) -> String {
    let Some(course) = pack.content::<Course>() else {
        return String::new();
    };
    let mut modules: Vec<CompactModule> = course
        .modules
        .iter()
        .map(|module| {
            let Some(p) = progress.modules.get(&module.id) else {
                return CompactModule::default();
            };
            let question = |id: &str| place(&module.quiz.questions, id, |q| &q.id);
            let answers = |answers: &VecMap<crate::vec_map::VecSet>| {
                answers
                    .iter()
                    .filter_map(|(q, chosen)| {
                        let index = question(q)?;
                        let options = &module.quiz.questions[index].options;
                        Some((
                            index,
                            chosen
                                .iter()
                                .filter_map(|o| place(options, o, |x| &x.id))
                                .collect(),
                        ))
                    })
                    .collect::<Vec<Places>>()
            };
            let shown = |shown: &[super::ShownQuestion]| {
                shown
                    .iter()
                    .filter_map(|s| {
                        let index = question(&s.question)?;
                        let options = &module.quiz.questions[index].options;
                        Some((
                            index,
                            s.options
                                .iter()
                                .filter_map(|o| place(options, o, |x| &x.id))
                                .collect(),
                        ))
                    })
                    .collect::<Vec<Places>>()
            };
            CompactModule {
                l: p.lessons_read
                    .iter()
                    .filter_map(|l| place(&module.lessons, l, |x| &x.id))
                    .collect(),
                s: p.scenarios
                    .iter()
                    .filter_map(|(id, path)| {
                        let index = place(&module.scenarios, id, |x| &x.id)?;
                        let nodes = &module.scenarios[index].nodes;
                        let steps = path
                            .iter()
                            .filter_map(|step| {
                                let node = place(nodes, &step.node, |x| &x.id)?;
                                let choice = place(&nodes[node].choices, &step.choice, |x| &x.id)?;
                                Some((node, choice))
                            })
                            .collect();
                        Some((index, steps))
                    })
                    .collect(),
                q: answers(&p.quiz_answers),
                k: p.quiz_checked.iter().filter_map(|q| question(q)).collect(),
                w: shown(&p.quiz_shown),
                a: p.attempts
                    .iter()
                    .map(|a| CompactAttempt {
                        d: a.date.clone(),
                        t: a.at.clone(),
                        s: shown(&a.shown),
                        a: answers(&a.answers),
                    })
                    .collect(),
                f: p.feedback
                    .iter()
                    .filter_map(|(q, o)| {
                        let index = place(&course.feedback_questions, q, |x| &x.id)?;
                        let option =
                            place(&course.feedback_questions[index].options, o, |x| &x.id)?;
                        Some((index, option))
                    })
                    .collect(),
                t: p.active_seconds,
            }
        })
        .collect();
    while modules.last().is_some_and(|m| {
        m.l.is_empty()
            && m.s.is_empty()
            && m.q.is_empty()
            && m.k.is_empty()
            && m.w.is_empty()
            && m.a.is_empty()
            && m.f.is_empty()
            && m.t == 0
    }) {
        modules.pop();
    }
    let compact = Compact {
        k: 1,
        p: pack.pack().id.clone(),
        v: pack.pack().version.clone(),
        s: saved_at.to_string(),
        r: revision,
        n: progress.learner_name.clone(),
        i: progress.learner_id.clone(),
        o: progress.position.as_ref().and_then(|position| {
            Some((
                place(&course.modules, &position.module, |m| &m.id)?,
                position.screen.clone(),
            ))
        }),
        m: modules,
        f: progress.follow_up.clone(),
        u: progress.follow_up_later.clone(),
        c: progress.issuer.clone(),
    };
    serde_json::to_string(&compact).unwrap_or_default()
}

/// The export envelope a compact form stands for (a place the pack does not have is
/// `unknown_id`), to be read by `import_checked` like any file.
fn expand(pack: &ValidPack, compact: Compact) -> Result<String> {
    use super::{FeedbackQuestion, ModuleProgress, Position, ScenarioStep, ShownQuestion};
    let Some(course) = pack.content::<Course>() else {
        return Err(Error::DoesNotFit("not a course pack".into()));
    };
    if compact.k != 1 {
        return Err(Error::NotAnExport(format!(
            "compact suspend data of format {} is not known",
            compact.k
        )));
    }
    let unknown = |what: &str, index: usize| Error::UnknownId(format!("{what} #{index}"));
    let at = |index: usize, what: &str, len: usize| {
        if index < len {
            Ok(index)
        } else {
            Err(unknown(what, index))
        }
    };
    let mut modules = VecMap::new();
    if compact.m.len() > course.modules.len() {
        return Err(unknown("module", compact.m.len() - 1));
    }
    for (module, m) in course.modules.iter().zip(compact.m) {
        let questions = &module.quiz.questions;
        let option_ids = |(q, options): &Places| -> Result<(String, Vec<String>)> {
            let question = questions.get(*q).ok_or_else(|| unknown("question", *q))?;
            let ids = options
                .iter()
                .map(|o| {
                    question
                        .options
                        .get(*o)
                        .map(|x| x.id.clone())
                        .ok_or_else(|| unknown("option", *o))
                })
                .collect::<Result<Vec<String>>>()?;
            Ok((question.id.clone(), ids))
        };
        let answers = |places: &[Places]| -> Result<VecMap<crate::vec_map::VecSet>> {
            places
                .iter()
                .map(|p| option_ids(p).map(|(q, o)| (q, o.into_iter().collect())))
                .collect()
        };
        let shown = |places: &[Places]| -> Result<Vec<ShownQuestion>> {
            places
                .iter()
                .map(|p| {
                    option_ids(p).map(|(question, options)| ShownQuestion { question, options })
                })
                .collect()
        };
        let mut progress = ModuleProgress {
            active_seconds: m.t,
            ..ModuleProgress::default()
        };
        for lesson in &m.l {
            let index = at(*lesson, "lesson", module.lessons.len())?;
            progress
                .lessons_read
                .insert(module.lessons[index].id.clone());
        }
        for (scenario, path) in &m.s {
            let definition = module
                .scenarios
                .get(*scenario)
                .ok_or_else(|| unknown("scenario", *scenario))?;
            let steps = path
                .iter()
                .map(|(node, choice)| {
                    let found = definition
                        .nodes
                        .get(*node)
                        .ok_or_else(|| unknown("node", *node))?;
                    let chosen = found
                        .choices
                        .get(*choice)
                        .ok_or_else(|| unknown("choice", *choice))?;
                    Ok(ScenarioStep {
                        node: found.id.clone(),
                        choice: chosen.id.clone(),
                    })
                })
                .collect::<Result<Vec<_>>>()?;
            progress.scenarios.insert(definition.id.clone(), steps);
        }
        progress.quiz_answers = answers(&m.q)?;
        for question in &m.k {
            let index = at(*question, "question", questions.len())?;
            progress.quiz_checked.insert(questions[index].id.clone());
        }
        progress.quiz_shown = shown(&m.w)?;
        for attempt in &m.a {
            progress.attempts.push(super::QuizAttempt {
                date: attempt.d.clone(),
                at: attempt.t.clone(),
                shown: shown(&attempt.s)?,
                answers: answers(&attempt.a)?,
                // Recomputed from the answers by the import.
                correct: 0,
                total: 0,
                percent: 0,
                passed: false,
            });
        }
        for (question, option) in &m.f {
            let found: &FeedbackQuestion = course
                .feedback_questions
                .get(*question)
                .ok_or_else(|| unknown("feedback question", *question))?;
            let chosen = found
                .options
                .get(*option)
                .ok_or_else(|| unknown("option", *option))?;
            progress
                .feedback
                .insert(found.id.clone(), chosen.id.clone());
        }
        if progress != ModuleProgress::default() {
            modules.insert(module.id.clone(), progress);
        }
    }
    let position = match compact.o {
        Some((index, screen)) => Some(Position {
            module: course
                .modules
                .get(index)
                .ok_or_else(|| unknown("module", index))?
                .id
                .clone(),
            screen,
        }),
        None => None,
    };
    let progress = CourseProgress {
        learner_name: compact.n,
        learner_id: compact.i,
        position,
        modules,
        follow_up: compact.f,
        follow_up_later: compact.u,
        issuer: compact.c,
    };
    let mut export = Export::new(pack, KitState::Course(progress), &compact.s, compact.r);
    // The pack the record names, so a record of another pack is refused as one.
    export.pack_id = compact.p;
    export.pack_version = compact.v;
    Ok(serde_json::to_string(&export).unwrap_or_default())
}

/// Which record a launch continues.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ResumeFrom {
    /// The LMS's suspend data (the record of this registration).
    Lms,
    /// The record in this browser: it holds more (the LMS has none, or a reduced or
    /// older one, e.g. a commit that never reached it).
    Local,
}

/// The LMS's record, unless the one in this browser (kept under this LMS learner's own
/// storage namespace) holds more done.
pub fn choose_resume(local: &CourseProgress, lms: Option<&CourseProgress>) -> ResumeFrom {
    use crate::kind::Kind;
    match lms {
        Some(lms) if Course::amount_done(lms) >= Course::amount_done(local) => ResumeFrom::Lms,
        Some(_) => ResumeFrom::Local,
        None => ResumeFrom::Local,
    }
}

/// Active seconds recorded in every module.
pub fn active_seconds(progress: &CourseProgress) -> u64 {
    progress.modules.values().map(|m| m.active_seconds).sum()
}

/// A SCORM 1.2 time span `HHHH:MM:SS.SS` (hours capped at 9999).
pub fn scorm12_timespan(seconds: u64) -> String {
    let hours = (seconds / 3600).min(9999);
    let minutes = (seconds % 3600) / 60;
    let secs = seconds % 60;
    format!("{hours:04}:{minutes:02}:{secs:02}.00")
}

/// An ISO 8601 duration `PT#H#M#S` (xAPI `result.duration`).
pub fn iso8601_duration(seconds: u64) -> String {
    let hours = seconds / 3600;
    let minutes = (seconds % 3600) / 60;
    let secs = seconds % 60;
    format!("PT{hours}H{minutes}M{secs}S")
}

/// The course's score for an LMS: the mean of the modules' best quiz scores (0 for a
/// module not tried), or `None` before any attempt.
pub fn course_score(course: &Course, progress: &CourseProgress) -> Option<u8> {
    let result = course.result(progress);
    if result.modules.iter().all(|m| m.best_percent.is_none()) {
        return None;
    }
    let count = u64::try_from(result.modules.len()).unwrap_or(1).max(1);
    let sum: u64 = result
        .modules
        .iter()
        .map(|m| u64::from(m.best_percent.unwrap_or(0)))
        .sum();
    Some(
        u8::try_from((sum + count / 2) / count)
            .unwrap_or(100)
            .min(100),
    )
}

/// The SCORM 1.2 values to set for this record (in this order), then commit.
/// `at_launch` is the record the session started from (for the session time);
/// `suspend` what [`suspend_data`] gave for the limit of SCORM 1.2.
pub fn scorm12_values(
    pack: &ValidPack,
    progress: &CourseProgress,
    at_launch: &CourseProgress,
    suspend: &SuspendData,
) -> Vec<(String, String)> {
    let Some(course) = pack.content::<Course>() else {
        return Vec::new();
    };
    let result = course.result(progress);
    let complete = result.completed_on.is_some();
    let mut values: Vec<(String, String)> = Vec::new();
    let mut set = |key: &str, value: String| values.push((key.to_string(), value));
    set(
        "cmi.core.lesson_status",
        if complete { "passed" } else { "incomplete" }.to_string(),
    );
    if let Some(score) = course_score(course, progress) {
        set("cmi.core.score.raw", score.to_string());
        set("cmi.core.score.min", "0".to_string());
        set("cmi.core.score.max", "100".to_string());
    }
    let session = active_seconds(progress).saturating_sub(active_seconds(at_launch));
    set("cmi.core.session_time", scorm12_timespan(session));
    if let Some(position) = &progress.position {
        let location: String = format!("{}/{}", position.module, position.screen)
            .chars()
            .take(LOCATION_LIMIT)
            .collect();
        set("cmi.core.lesson_location", location);
    }
    set(
        "cmi.core.exit",
        if complete { "" } else { "suspend" }.to_string(),
    );
    if let Some(text) = suspend.text() {
        set("cmi.suspend_data", text.to_string());
    }
    for (index, module) in result.modules.iter().enumerate() {
        let prefix = format!("cmi.objectives.{index}");
        set(&format!("{prefix}.id"), module.id.clone());
        if let Some(best) = module.best_percent {
            set(&format!("{prefix}.score.raw"), best.to_string());
            set(&format!("{prefix}.score.min"), "0".to_string());
            set(&format!("{prefix}.score.max"), "100".to_string());
        }
        let status = if module.completed {
            "passed"
        } else if module.attempts > 0 || module.lessons_read > 0 || module.scenarios_finished > 0 {
            "incomplete"
        } else {
            "not attempted"
        };
        set(&format!("{prefix}.status"), status.to_string());
    }
    values
}

/// Whether the LMS refusing `key` (an element, or `LMSCommit` / `LMSFinish`) loses
/// something: the core elements and the suspend data must be kept; objectives and
/// interactions are optional in SCORM 1.2 and an LMS may not keep them.
pub fn scorm12_is_required(key: &str) -> bool {
    !(key.starts_with("cmi.objectives.") || key.starts_with("cmi.interactions."))
}

/// One closing-feedback answer (理解度, 有用度) of one module.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rating {
    /// Module id.
    pub module: String,
    /// Feedback question id (e.g. `understanding`).
    pub question: String,
    /// The chosen option id.
    pub option: String,
    /// Its place among the question's options, 1 = most positive.
    pub place: usize,
}

/// The ratings in `now` that `before` did not have (new or changed answers), in course
/// order: what a session reports as interactions (SCORM 1.2 interactions are a journal,
/// so each answer is sent once).
pub fn new_ratings(course: &Course, before: &CourseProgress, now: &CourseProgress) -> Vec<Rating> {
    ratings(course, now)
        .into_iter()
        .filter(|rating| {
            before
                .modules
                .get(&rating.module)
                .and_then(|m| m.feedback.get(&rating.question))
                != Some(&rating.option)
        })
        .collect()
}

/// Every rating in the record, in course order.
pub fn ratings(course: &Course, progress: &CourseProgress) -> Vec<Rating> {
    let mut found = Vec::new();
    for module in &course.modules {
        let Some(module_progress) = progress.modules.get(&module.id) else {
            continue;
        };
        for question in &course.feedback_questions {
            let Some(option) = module_progress.feedback.get(&question.id) else {
                continue;
            };
            let Some(place) = question.options.iter().position(|o| &o.id == option) else {
                continue;
            };
            found.push(Rating {
                module: module.id.clone(),
                question: question.id.clone(),
                option: option.clone(),
                place: place + 1,
            });
        }
    }
    found
}

/// The SCORM 1.2 values of one rating as interaction `index` (the LMS's
/// `cmi.interactions._count` plus those sent before in this session).
pub fn scorm12_interaction(index: usize, rating: &Rating) -> Vec<(String, String)> {
    let prefix = format!("cmi.interactions.{index}");
    vec![
        (
            format!("{prefix}.id"),
            format!("{}.{}", rating.module, rating.question),
        ),
        (format!("{prefix}.type"), "likert".to_string()),
        (
            format!("{prefix}.student_response"),
            rating.place.min(9).to_string(),
        ),
        (format!("{prefix}.result"), "neutral".to_string()),
    ]
}

/// Ratings by module and question (the cmi5 result extension).
pub fn ratings_by_module(
    course: &Course,
    progress: &CourseProgress,
) -> BTreeMap<String, BTreeMap<String, String>> {
    let mut by_module: BTreeMap<String, BTreeMap<String, String>> = BTreeMap::new();
    for rating in ratings(course, progress) {
        by_module
            .entry(rating.module)
            .or_default()
            .insert(rating.question, rating.option);
    }
    by_module
}

/// A storage namespace for one LMS learner: `lms-`, up to 50 letters, digits, `.`, `_`
/// or `-` of the learner id (others become `_`; a long id keeps its end) and a hash of the
/// whole id, so two learners on a shared computer never resume each other's record.
pub fn learner_namespace(learner_id: &str) -> String {
    let cleaned: Vec<char> = learner_id
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-') {
                c
            } else {
                '_'
            }
        })
        .collect();
    let tail: String = cleaned[cleaned.len().saturating_sub(50)..].iter().collect();
    // FNV-1a, 32 bits: stable across builds and platforms.
    let hash = learner_id.bytes().fold(0x811c_9dc5_u32, |hash, byte| {
        (hash ^ u32::from(byte)).wrapping_mul(0x0100_0193)
    });
    format!("lms-{tail}-{hash:08x}")
}
