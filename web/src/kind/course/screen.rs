//! Where the learner is in the course view: the map, the certificate, the end of the course,
//! or one step of a module
//! (a lesson, a scenario, the quiz, the closing survey), and how steps follow each other.
//!
//! The steps, their order and the saved position's grammar are the core's
//! (`kizuki_core::kind::course::steps`); this file only names the screens.

use kizuki_core::kind::course::{Course, CourseProgress};

/// A screen of the course view.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Screen {
    /// The course map: modules, progress, resume, the record panel.
    Map,
    /// The certificate (or the progress record while the course is not complete).
    Certificate,
    /// The end of the course: the result, the certificate, what next, and the closing
    /// questions of any module not yet answered.
    Complete,
    /// One step of a module.
    Module {
        /// The module id.
        module: String,
        /// The step shown.
        step: Step,
    },
}

pub use kizuki_core::kind::course::steps::{
    first_open_step, next_step, previous_step, step_done, steps, Step,
};

/// The screen saved as the learner's position, if it still exists in the pack.
pub fn resume_screen(course: &Course, progress: &CourseProgress) -> Option<Screen> {
    let (module, step) = kizuki_core::kind::course::steps::resume_step(course, progress)?;
    Some(Screen::Module {
        module: module.id.clone(),
        step,
    })
}
