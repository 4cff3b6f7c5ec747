//! The course's notices: the shell's one notice type (`shell::notice::Notice`: storage,
//! the data panel, another tab) with the course's own beside it (quiz warnings, xAPI, the
//! follow-up), each worded from the locale files.

use kizuki_core::Lang;

use super::text::{course_text, fill};
use crate::shell::notice::KitNotice;

/// Something to tell the learner, shown until the next one.
pub type Notice = crate::shell::notice::Notice<CourseNotice>;

/// The course's own notices.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CourseNotice {
    /// The core refused an action (should not happen from this UI).
    Refused(String),
    /// The quiz was submitted with this many questions unanswered.
    Unanswered(usize),
    /// xAPI statements need the learner's name.
    XapiNeedsName,
    /// No module is passed yet, so there are no xAPI statements.
    XapiNothingYet,
    /// The follow-up was answered.
    FollowUpThanks,
}

impl KitNotice for CourseNotice {
    fn message(&self, lang: Lang) -> String {
        let text = course_text(lang);
        match self {
            CourseNotice::Refused(detail) => fill(text.action_refused, &[("detail", detail)]),
            CourseNotice::Unanswered(n) => fill(text.unanswered_warning, &[("n", &n.to_string())]),
            CourseNotice::XapiNeedsName => text.xapi_needs_name.to_string(),
            CourseNotice::XapiNothingYet => text.xapi_nothing_yet.to_string(),
            CourseNotice::FollowUpThanks => text.follow_up_thanks.to_string(),
        }
    }

    fn is_problem(&self) -> bool {
        !matches!(self, CourseNotice::FollowUpThanks)
    }

    fn is_about_the_record(&self) -> bool {
        matches!(
            self,
            CourseNotice::XapiNeedsName | CourseNotice::XapiNothingYet
        )
    }
}
