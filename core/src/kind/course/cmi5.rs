//! The cmi5 "defined" statements of the course (one AU), built from what the LMS gave at
//! launch; the web's glue only posts them to the LMS's xAPI endpoint with its token.
//!
//! A session sends `initialized`, then `completed` once the course is complete, `passed`
//! once it is passed (below), and `terminated` when the learner leaves (the 「LMSに戻る」
//! button, or the page closing). `completed` and `passed` are sent once per registration
//! (the record kept in the LMS's State API says which were sent; cmi5 spec §9.3.3, §9.3.4).
//! `failed` is never sent: quizzes can be retaken without limit, so the learner has not
//! failed until they stop. Each statement carries the LMS's context template, the
//! registration and the cmi5 category (and `moveon` for completed and passed).
//! `completed` and `terminated` carry the 理解度 / 有用度 answers in a result extension
//! `<course IRI>/extensions/ratings`: `{module id: {question id: option id}}`.
//!
//! What the LMS's launch data (`LMS.LaunchData`, cmi5 spec §10.2) changes, decided here:
//! - `launchMode` (§10.2.2): only `Normal` sends `completed` / `passed`; `Browse` and
//!   `Review` send `initialized` and `terminated` only.
//! - `moveOn` (§10.2.5: the AU MAY use it to modify its behaviour; values §13.1.4):
//!   `Completed` sends `completed` only, `Passed` sends `passed` only, `CompletedAndPassed`,
//!   `CompletedOrPassed` and `NotApplicable` (or none) send both, each when it happens.
//! - `masteryScore` (§10.2.4, §9.3.4): when given, it replaces the pack's pass marks:
//!   `passed` once every module's quiz has been taken and the course score (the mean of
//!   the modules' best scores) reaches it, and the statement carries it in the context
//!   extension `masteryscore` (§9.6.3.2). Without it, every module's quiz passed.
//! - `returnURL` (§10.2.6): after `terminated` the AU MUST send the window or frame to it;
//!   [`Cmi5Launch::return_url`] keeps only an address a page may go to (http, https, or a
//!   path on the LMS's own origin), never `javascript:` or `data:`.

use serde::{Deserialize, Serialize};
use serde_json::{json, Map, Value};

use super::lms::{active_seconds, course_score, iso8601_duration, ratings_by_module};
use super::{Course, CourseProgress};
use crate::error::{Error, Result};

/// The cmi5 category every defined statement carries.
pub const CATEGORY_CMI5: &str = "https://w3id.org/xapi/cmi5/context/categories/cmi5";
/// The category of statements that count toward moving on (completed, passed).
pub const CATEGORY_MOVEON: &str = "https://w3id.org/xapi/cmi5/context/categories/moveon";
/// The context extension carrying the LMS's mastery score on a `passed` based on it (§9.6.3.2).
pub const EXTENSION_MASTERY_SCORE: &str =
    "https://w3id.org/xapi/cmi5/context/extensions/masteryscore";

/// The launch mode (cmi5 spec §10.2.2).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LaunchMode {
    /// Satisfaction-related statements are recorded.
    Normal,
    /// Look around without judgement: no `completed` / `passed`.
    Browse,
    /// Revisit completed material: no `completed` / `passed`.
    Review,
}

/// The LMS's rule for when the AU is satisfied (cmi5 spec §13.1.4, given at launch §10.2.5).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MoveOn {
    /// `completed` satisfies it.
    Completed,
    /// `passed` satisfies it.
    Passed,
    /// Both are needed.
    CompletedAndPassed,
    /// Either is enough.
    CompletedOrPassed,
    /// Satisfied without anything from the AU.
    NotApplicable,
}

impl MoveOn {
    /// Whether the course sends `completed` under this rule.
    pub fn sends_completed(self) -> bool {
        !matches!(self, MoveOn::Passed)
    }

    /// Whether the course sends `passed` under this rule.
    pub fn sends_passed(self) -> bool {
        !matches!(self, MoveOn::Completed)
    }
}

/// A cmi5 defined verb the course sends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cmi5Verb {
    /// The session started.
    Initialized,
    /// The course is complete.
    Completed,
    /// Every module's quiz is passed.
    Passed,
    /// The session ended.
    Terminated,
}

impl Cmi5Verb {
    fn iri(self) -> &'static str {
        match self {
            Cmi5Verb::Initialized => "http://adlnet.gov/expapi/verbs/initialized",
            Cmi5Verb::Completed => "http://adlnet.gov/expapi/verbs/completed",
            Cmi5Verb::Passed => "http://adlnet.gov/expapi/verbs/passed",
            Cmi5Verb::Terminated => "http://adlnet.gov/expapi/verbs/terminated",
        }
    }

    fn display(self) -> &'static str {
        match self {
            Cmi5Verb::Initialized => "initialized",
            Cmi5Verb::Completed => "completed",
            Cmi5Verb::Passed => "passed",
            Cmi5Verb::Terminated => "terminated",
        }
    }
}

/// What the LMS gave at launch: the URL's `actor`, `registration` and `activityId`, and
/// the `LMS.LaunchData` state document.
#[derive(Debug, Clone, PartialEq)]
pub struct Cmi5Launch {
    /// The learner, as the LMS names them (an xAPI Agent).
    pub actor: Value,
    /// The registration (UUID).
    pub registration: String,
    /// The AU's activity id.
    pub activity_id: String,
    /// `contextTemplate` of the launch data (holds the session id).
    pub context_template: Map<String, Value>,
    /// `Normal`, `Browse` or `Review` (an unknown or missing value is read as `Normal`,
    /// the only mode in which the LMS expects a result).
    pub launch_mode: LaunchMode,
    /// The LMS's mastery score (0–1), if it set one.
    pub mastery_score: Option<f64>,
    /// The LMS's `moveOn` (missing or unknown: `CompletedAndPassed`, both sent).
    pub move_on: MoveOn,
    /// Where to send the learner after `terminated`: see [`Cmi5Launch::return_url`].
    return_url: Option<String>,
}

impl Cmi5Launch {
    /// Reads the launch parameters and the launch data document; a missing or malformed
    /// part is `not_allowed` with what was wrong.
    pub fn read(
        actor: &str,
        registration: &str,
        activity_id: &str,
        launch_data: &str,
    ) -> Result<Cmi5Launch> {
        let actor: Value = crate::json::from_slice(actor.as_bytes())
            .map_err(|_| Error::NotAllowed("the cmi5 `actor` is not JSON".into()))?;
        if !actor.is_object() {
            return Err(Error::NotAllowed(
                "the cmi5 `actor` is not an object".into(),
            ));
        }
        if registration.trim().is_empty() || activity_id.trim().is_empty() {
            return Err(Error::NotAllowed(
                "the cmi5 launch has no registration or activity id".into(),
            ));
        }
        let data: Value = crate::json::from_slice(launch_data.as_bytes())
            .map_err(|_| Error::NotAllowed("the cmi5 launch data is not JSON".into()))?;
        let context_template = data
            .get("contextTemplate")
            .and_then(Value::as_object)
            .cloned()
            .ok_or_else(|| {
                Error::NotAllowed("the cmi5 launch data has no contextTemplate".into())
            })?;
        Ok(Cmi5Launch {
            actor,
            registration: registration.trim().to_string(),
            activity_id: activity_id.trim().to_string(),
            context_template,
            launch_mode: match data.get("launchMode").and_then(Value::as_str) {
                Some("Browse") => LaunchMode::Browse,
                Some("Review") => LaunchMode::Review,
                _ => LaunchMode::Normal,
            },
            mastery_score: data
                .get("masteryScore")
                .and_then(Value::as_f64)
                .filter(|score| (0.0..=1.0).contains(score)),
            move_on: match data.get("moveOn").and_then(Value::as_str) {
                Some("Completed") => MoveOn::Completed,
                Some("Passed") => MoveOn::Passed,
                Some("CompletedOrPassed") => MoveOn::CompletedOrPassed,
                Some("NotApplicable") => MoveOn::NotApplicable,
                _ => MoveOn::CompletedAndPassed,
            },
            return_url: data
                .get("returnURL")
                .and_then(Value::as_str)
                .and_then(safe_return_url),
        })
    }

    /// The `returnURL` to go to after `terminated` (cmi5 spec §10.2.6), when the LMS gave
    /// one a page may navigate to: an `http:` or `https:` address, or a path starting with
    /// one `/` (on the origin the course was launched from). Anything else (`javascript:`,
    /// `data:`, `//other.host`, control characters) is dropped: the learner then closes the
    /// window or goes back in the LMS, and nothing runs that the LMS did not mean.
    pub fn return_url(&self) -> Option<&str> {
        self.return_url.as_deref()
    }
}

fn safe_return_url(url: &str) -> Option<String> {
    let url = url.trim();
    if url.is_empty() || url.len() > 2048 || url.chars().any(char::is_control) {
        return None;
    }
    let lower = url.to_ascii_lowercase();
    let absolute = ["http://", "https://"]
        .iter()
        .any(|scheme| lower.starts_with(scheme) && url.len() > scheme.len());
    let path = url.starts_with('/') && !url.starts_with("//") && !url.starts_with("/\\");
    (absolute || path).then(|| url.to_string())
}

/// The course's record in the LMS's State API (its state id is in `www/lms.js`), and which defined statements
/// this registration has already sent.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cmi5Record {
    /// The export envelope (see [`super::lms::suspend_data`]), compact JSON.
    pub record: String,
    /// `completed` was sent.
    #[serde(default)]
    pub completed_sent: bool,
    /// `passed` was sent.
    #[serde(default)]
    pub passed_sent: bool,
}

impl Cmi5Record {
    /// Reads the state document; anything unreadable is an empty record (the LMS had none).
    pub fn read(text: &str) -> Cmi5Record {
        crate::json::from_slice(text.as_bytes()).unwrap_or_default()
    }

    /// The state document.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }
}

/// The defined statements due for this record (besides `initialized` and `terminated`,
/// which the session sends at its start and end), and the record's flags once sent.
pub fn due(
    course: &Course,
    progress: &CourseProgress,
    launch: &Cmi5Launch,
    sent: &Cmi5Record,
) -> Vec<Cmi5Verb> {
    // §10.2.2: Browse and Review send no other defined statement.
    if launch.launch_mode != LaunchMode::Normal {
        return Vec::new();
    }
    let result = course.result(progress);
    let mut due = Vec::new();
    // §9.3.3 completed, once per registration; §10.2.5 moveOn says whether it counts.
    if launch.move_on.sends_completed() && result.completed_on.is_some() && !sent.completed_sent {
        due.push(Cmi5Verb::Completed);
    }
    if launch.move_on.sends_passed() && is_passed(course, progress, launch) && !sent.passed_sent {
        due.push(Cmi5Verb::Passed);
    }
    due
}

/// Whether the learner has passed the course: with the LMS's `masteryScore` (§10.2.4,
/// "MUST be based on the masteryScore if provided"), every module's quiz taken and the
/// course score at least the mastery score; without it, every module's quiz passed by the
/// pack's own marks.
pub fn is_passed(course: &Course, progress: &CourseProgress, launch: &Cmi5Launch) -> bool {
    let result = course.result(progress);
    if result.modules.is_empty() {
        return false;
    }
    match launch.mastery_score {
        Some(mastery) => {
            let every_quiz_taken = result.modules.iter().all(|m| m.best_percent.is_some());
            let scaled = f64::from(course_score(course, progress).unwrap_or(0)) / 100.0;
            every_quiz_taken && scaled >= mastery
        }
        None => result.modules.iter().all(|m| m.passed),
    }
}

/// One statement. `id` is a UUID and `timestamp` the moment (UTC, ISO 8601), both from
/// the caller; `at_launch` is the record the session started from (for the duration);
/// `course_iri` the course id of `cmi5.xml` (for the ratings extension).
#[allow(clippy::too_many_arguments)]
pub fn statement(
    course: &Course,
    progress: &CourseProgress,
    at_launch: &CourseProgress,
    launch: &Cmi5Launch,
    verb: Cmi5Verb,
    id: &str,
    timestamp: &str,
    course_iri: &str,
) -> Value {
    let duration =
        iso8601_duration(active_seconds(progress).saturating_sub(active_seconds(at_launch)));
    let ratings_key = format!("{}/extensions/ratings", course_iri.trim_end_matches('/'));
    let ratings = json!({ ratings_key: ratings_by_module(course, progress) });
    let result = match verb {
        Cmi5Verb::Initialized => None,
        Cmi5Verb::Completed => Some(json!({
            "completion": true,
            "duration": duration,
            "extensions": ratings,
        })),
        Cmi5Verb::Passed => {
            let raw = course_score(course, progress).unwrap_or(0);
            Some(json!({
                "success": true,
                "score": {"scaled": f64::from(raw) / 100.0, "raw": raw, "min": 0, "max": 100},
                "duration": duration,
            }))
        }
        Cmi5Verb::Terminated => Some(json!({
            "duration": duration,
            "extensions": ratings,
        })),
    };
    let mut context = launch.context_template.clone();
    context.insert(
        "registration".into(),
        Value::String(launch.registration.clone()),
    );
    // §9.6.3.2: a `passed` based on the LMS's mastery score carries it.
    if let (Cmi5Verb::Passed, Some(mastery)) = (verb, launch.mastery_score) {
        let extensions = context.entry("extensions").or_insert_with(|| json!({}));
        if !extensions.is_object() {
            *extensions = json!({});
        }
        if let Some(extensions) = extensions.as_object_mut() {
            extensions.insert(EXTENSION_MASTERY_SCORE.into(), json!(mastery));
        }
    }
    let activities = context
        .entry("contextActivities")
        .or_insert_with(|| json!({}));
    if !activities.is_object() {
        *activities = json!({});
    }
    if let Some(activities) = activities.as_object_mut() {
        let category = activities.entry("category").or_insert_with(|| json!([]));
        if !category.is_array() {
            *category = json!([]);
        }
        if let Some(list) = category.as_array_mut() {
            let mut add = |iri: &str| {
                if !list
                    .iter()
                    .any(|a| a.get("id").and_then(Value::as_str) == Some(iri))
                {
                    list.push(json!({"objectType": "Activity", "id": iri}));
                }
            };
            add(CATEGORY_CMI5);
            if matches!(verb, Cmi5Verb::Completed | Cmi5Verb::Passed) {
                add(CATEGORY_MOVEON);
            }
        }
    }
    let mut statement = json!({
        "id": id,
        "actor": launch.actor,
        "verb": {"id": verb.iri(), "display": {"en-US": verb.display()}},
        "object": {"objectType": "Activity", "id": launch.activity_id},
        "context": context,
        "timestamp": timestamp,
    });
    if let (Some(result), Some(object)) = (result, statement.as_object_mut()) {
        object.insert("result".into(), result);
    }
    statement
}
