//! xAPI statements of a learner's course completion, for a center's learning record store.
//!
//! One `completed` statement per completed module (lessons read, scenarios finished,
//! quiz passed), one `passed` statement per module whose quiz was passed but which is not
//! complete yet, and one `completed` statement for the course once every module is. The
//! file is a JSON array; the same progress and base always give the same bytes.
//!
//! ```json
//! {
//!   "actor": {"objectType": "Agent", "name": "山田", "account": {"homePage": "https://center.example.jp/xapi", "name": "5f0c6a7e9b2d4c1a8e3f7b6d2c9a0e41"}},
//!   "verb": {"id": "http://adlnet.gov/expapi/verbs/completed", "display": {"en-US": "completed", "ja-JP": "修了した"}},
//!   "object": {"objectType": "Activity", "id": "https://center.example.jp/xapi/line-care/four-cares", "definition": {…}},
//!   "result": {"score": {"scaled": 1.0, "raw": 100, "min": 0, "max": 100}, "success": true, "completion": true},
//!   "context": {"language": "ja", "contextActivities": {"parent": [{"objectType": "Activity", "id": "https://center.example.jp/xapi/line-care"}]}},
//!   "timestamp": "2026-04-01T01:23:45.678Z"
//! }
//! ```
//!
//! The actor is identified by the record's opaque `learner_id` (the account name); the
//! typed name is only its display `name`. Timestamps are the moment the passing attempt was
//! submitted (the course's: the last module's); records saved before moments were kept
//! give no timestamp (the LRS stamps the statement when it stores it).

use serde::Serialize;

use crate::error::{Error, Result};
use crate::kind::course::Course;
use crate::kind::course::CourseProgress;
use crate::load::ValidPack;
use crate::text::{is_safe_href, Lang, Text};

/// The ADL verb for finishing an activity.
pub const VERB_COMPLETED: &str = "http://adlnet.gov/expapi/verbs/completed";
/// The ADL verb for reaching an activity's pass mark.
pub const VERB_PASSED: &str = "http://adlnet.gov/expapi/verbs/passed";
/// The ADL activity type of the course.
pub const ACTIVITY_COURSE: &str = "http://adlnet.gov/expapi/activities/course";
/// The ADL activity type of a module.
pub const ACTIVITY_MODULE: &str = "http://adlnet.gov/expapi/activities/module";

/// One xAPI statement.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Statement {
    /// Who.
    pub actor: Actor,
    /// Did what.
    pub verb: Verb,
    /// To what.
    pub object: Activity,
    /// With what result.
    pub result: StatementResult,
    /// In which course and language.
    pub context: Context,
    /// When (the moment the passing attempt was submitted, UTC), if the record kept it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub timestamp: Option<String>,
}

/// The learner: the record's opaque id as the account, the typed name for display.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Actor {
    /// Always `Agent`.
    #[serde(rename = "objectType")]
    pub object_type: &'static str,
    /// The learner's name, for display.
    pub name: String,
    /// The account at the center.
    pub account: Account,
}

/// An account at the center's learning record store.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Account {
    /// The activity IRI base.
    #[serde(rename = "homePage")]
    pub home_page: String,
    /// The record's opaque learner id.
    pub name: String,
}

/// A verb with its display names.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Verb {
    /// The verb IRI.
    pub id: &'static str,
    /// Display names by language tag.
    pub display: LanguageMap<&'static str>,
}

/// An xAPI language map of the two languages Kizuki writes, in the order a map sorted by
/// tag writes them; a language left out is absent. A struct, not a `BTreeMap<&str, _>`:
/// the map's code per value type was 10.7 KB of the course's wasm (issue 14).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LanguageMap<T> {
    /// English (`en-US`).
    #[serde(rename = "en-US", skip_serializing_if = "Option::is_none")]
    pub en_us: Option<T>,
    /// Japanese (`ja-JP`).
    #[serde(rename = "ja-JP", skip_serializing_if = "Option::is_none")]
    pub ja_jp: Option<T>,
}

/// The course or a module.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Activity {
    /// Always `Activity`.
    #[serde(rename = "objectType")]
    pub object_type: &'static str,
    /// The activity IRI: the base, the pack id, and the module id for modules.
    pub id: String,
    /// Name and type; absent in context references.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub definition: Option<ActivityDefinition>,
}

/// What an activity is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ActivityDefinition {
    /// Names by language tag.
    pub name: LanguageMap<String>,
    /// The ADL activity type.
    #[serde(rename = "type")]
    pub activity_type: &'static str,
}

/// The outcome.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StatementResult {
    /// The best quiz score (for the course: the mean of the modules' best scores).
    pub score: Score,
    /// Whether the pass mark was reached (for the course: in every module).
    pub success: bool,
    /// Whether the activity is complete.
    pub completion: bool,
}

/// A score in xAPI form.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Score {
    /// 0.0–1.0.
    pub scaled: f64,
    /// 0–100.
    pub raw: u8,
    /// Always 0.
    pub min: u8,
    /// Always 100.
    pub max: u8,
}

/// The statement's context.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Context {
    /// The language the course was taken in.
    pub language: &'static str,
    /// The course, as parent of a module statement.
    #[serde(rename = "contextActivities", skip_serializing_if = "Option::is_none")]
    pub context_activities: Option<ContextActivities>,
}

/// Related activities.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ContextActivities {
    /// The course.
    pub parent: Vec<Activity>,
}

/// The statements for this learner's progress.
///
/// `activity_base` is the center's IRI base (http or https, e.g.
/// `https://center.example.jp/xapi`); activity ids are `{base}/{pack id}` and
/// `{base}/{pack id}/{module id}`. Fails when the pack is not a course, the base is not
/// http(s), the learner name is empty, or the record has no learner id.
pub fn course_statements(
    pack: &ValidPack,
    progress: &CourseProgress,
    activity_base: &str,
    lang: Lang,
) -> Result<Vec<Statement>> {
    let Some(course) = pack.content::<Course>() else {
        return Err(Error::DoesNotFit(format!(
            "xAPI statements need a course pack; this one is a {}",
            pack.pack().kit.kind_name()
        )));
    };
    if !is_safe_href(activity_base) {
        return Err(Error::NotAllowed(format!(
            "the activity IRI base `{activity_base}` must start with http:// or https://"
        )));
    }
    let name = progress.learner_name.trim();
    if name.is_empty() {
        return Err(Error::NotAllowed(
            "the learner name is empty; it identifies the learner in xAPI".into(),
        ));
    }
    if progress.learner_id.is_empty() {
        return Err(Error::NotAllowed(
            "the record has no learner id; it identifies the learner in xAPI".into(),
        ));
    }
    let base = activity_base.trim().trim_end_matches('/');
    let course_iri = format!("{base}/{}", pack.pack().id);
    let actor = Actor {
        object_type: "Agent",
        name: name.to_string(),
        account: Account {
            home_page: base.to_string(),
            name: progress.learner_id.clone(),
        },
    };
    let language = lang.code();
    let parent = ContextActivities {
        parent: vec![Activity {
            object_type: "Activity",
            id: course_iri.clone(),
            definition: None,
        }],
    };
    let result = course.result(progress);
    let mut statements = Vec::new();
    // The latest moment a module was passed: the course's completion.
    let mut last_moment: Option<String> = None;
    for (module, module_result) in course.modules.iter().zip(&result.modules) {
        let first_pass = progress
            .modules
            .get(&module.id)
            .and_then(|m| m.attempts.iter().find(|a| a.passed));
        let Some(attempt) = first_pass else {
            continue;
        };
        let verb = if module_result.completed {
            completed()
        } else {
            passed()
        };
        let timestamp = attempt.at.clone();
        if let Some(at) = &timestamp {
            if last_moment.as_ref().is_none_or(|last| at > last) {
                last_moment = Some(at.clone());
            }
        }
        statements.push(Statement {
            actor: actor.clone(),
            verb,
            object: activity(
                format!("{course_iri}/{}", module.id),
                &module.title,
                ACTIVITY_MODULE,
            ),
            result: StatementResult {
                score: score(module_result.best_percent.unwrap_or(0)),
                success: module_result.passed,
                completion: module_result.completed,
            },
            context: Context {
                language,
                context_activities: Some(parent.clone()),
            },
            timestamp,
        });
    }
    if result.completed_on.is_some() {
        let scores: Vec<u64> = result
            .modules
            .iter()
            .map(|m| u64::from(m.best_percent.unwrap_or(0)))
            .collect();
        let count = u64::try_from(scores.len()).unwrap_or(1).max(1);
        let mean = (scores.iter().sum::<u64>() + count / 2) / count;
        statements.push(Statement {
            actor,
            verb: completed(),
            object: activity(course_iri, &pack.pack().title, ACTIVITY_COURSE),
            result: StatementResult {
                score: score(u8::try_from(mean).unwrap_or(100)),
                success: result.modules.iter().all(|m| m.passed),
                completion: true,
            },
            context: Context {
                language,
                context_activities: None,
            },
            timestamp: last_moment,
        });
    }
    Ok(statements)
}

/// The statements as a pretty JSON array ending in a newline.
pub fn statements_json(statements: &[Statement]) -> String {
    let mut json = serde_json::to_string_pretty(statements).unwrap_or_default();
    json.push('\n');
    json
}

fn completed() -> Verb {
    Verb {
        id: VERB_COMPLETED,
        display: LanguageMap {
            en_us: Some("completed"),
            ja_jp: Some("修了した"),
        },
    }
}

fn passed() -> Verb {
    Verb {
        id: VERB_PASSED,
        display: LanguageMap {
            en_us: Some("passed"),
            ja_jp: Some("合格した"),
        },
    }
}

fn activity(id: String, title: &Text, activity_type: &'static str) -> Activity {
    // The languages the pack file carries (a widget's file carries one).
    let name = LanguageMap {
        en_us: title.en.clone().filter(|en| !en.trim().is_empty()),
        ja_jp: Some(title.ja.clone()).filter(|ja| !ja.trim().is_empty()),
    };
    Activity {
        object_type: "Activity",
        id,
        definition: Some(ActivityDefinition {
            name,
            activity_type,
        }),
    }
}

fn score(percent: u8) -> Score {
    let percent = percent.min(100);
    Score {
        scaled: f64::from(percent) / 100.0,
        raw: percent,
        min: 0,
        max: 100,
    }
}
