//! The plain course module carries no LMS runtime (cargo feature `lms` off): only the
//! module a SCORM 1.2 / cmi5 package loads (`kizuki_course_lms`, `scripts/build.sh`) does.
//! An `lms` option given to this module is ignored: the course saves in this browser, as on
//! any page. These stand-ins let the course view compile the same either way.

use kizuki_core::kind::course::CourseProgress;
use kizuki_core::Lang;
use yew::Html;

/// No session can exist without the runtime.
#[derive(Debug, Clone, PartialEq)]
pub enum LmsSession {}

impl LmsSession {
    /// Never called: there is no session.
    pub fn report(&self, _progress: &CourseProgress, _revision: u64) {
        match *self {}
    }
}

/// Nothing to say about an LMS.
pub fn status(_session: Option<&LmsSession>, _lang: Lang) -> Html {
    Html::default()
}
