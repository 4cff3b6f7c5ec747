//! The line-care course view: a map of modules with progress and resume, module steps
//! (lessons, scenarios, quiz, survey), the certificate and the record panel.
//!
//! State lives in one reducer. Every change of the learner's progress is a
//! [`CourseAction`] applied by the core (`Course::apply`); the reducer then queues its save
//! on the shell's record (`shell::record`), which the view runs after rendering, so
//! `reduce` writes no storage; scores, pass/fail and completion are read from
//! `Course::result`.
//! The reducer keeps only view state besides: the screen, focus, notices. (Which quiz
//! answers were checked is progress, so a reload cannot unlock them.)

mod active_time;
mod certificate;
mod complete;
mod follow_up;
#[cfg(feature = "lms")]
mod lms;
#[cfg(not(feature = "lms"))]
#[path = "course/no_lms.rs"]
mod lms;
#[cfg(feature = "lms")]
mod lms_text;
mod map;
mod module;
mod notice;
mod quiz;
mod record;
mod rich;
mod scenario;
pub mod screen;
pub mod text;

use std::rc::Rc;

use kizuki_core::export::KitState;
use kizuki_core::kind::course::{Course, CourseAction, CourseProgress};
use kizuki_core::kind::FileFormat;
use kizuki_core::xapi::{course_statements, statements_json};
use kizuki_core::{Lang, ValidPack};
use yew::prelude::*;

use self::notice::CourseNotice;
pub use self::notice::Notice;
use self::screen::Screen;
use self::text::{course_text, CourseText};
use super::{KitProps, PackRef};
use crate::help::DirectoryState;
use crate::platform;
use crate::shell::data_panel::PanelChoice;
use crate::shell::kit::{OnShell, ShellKit, ShellMsg, Shown};
use crate::shell::notice::{notice_slot, NoticeShown, NoticeSlotProps};
use crate::shell::record::{Effect, Record};

/// The course view's state.
#[derive(Debug, Clone, PartialEq)]
pub struct CourseState {
    pack: PackRef,
    namespace: String,
    /// The IRI base of xAPI activities: the center's web address, else this page's origin.
    xapi_base: String,
    /// The embedding center, named in exported records.
    center: Option<crate::CenterContact>,
    /// The learner's progress, changed only by `Course::apply` (or an import).
    progress: CourseProgress,
    screen: Screen,
    /// The learner asked to take the quiz again (hides the last result).
    retaking: bool,
    /// After a scenario choice, its feedback is shown before the next node.
    scenario_feedback: bool,
    /// The record (its effects run by the view), the notice, an imported file waiting for
    /// the learner's "replace?" answer, whether the record an import replaced is kept.
    shell: OnShell<CourseNotice>,
    /// The learner chose "later" for the follow-up in this visit.
    follow_up_later: bool,
    /// Bumped when focus should move; `focus_id` names the element (else the screen heading).
    focus_token: u32,
    focus_id: Option<String>,
    /// The LMS session when the course runs in a SCORM 1.2 or cmi5 package.
    lms: Option<lms::LmsSession>,
}

/// Something the view does. `Apply` carries the core's actions one to one.
#[derive(Debug, Clone, PartialEq)]
pub enum Msg {
    /// Apply a learner action with `Course::apply`, then save.
    Apply(CourseAction),
    /// Show another screen (module steps are saved as the position).
    Go(Screen),
    /// Check the answer to a quiz question (module id, question id): shows its review.
    Check(String, String),
    /// Submit the quiz of a module, unless questions are unanswered.
    Submit(String),
    /// Leave the feedback of the last scenario choice and show the next node.
    ContinueScenario,
    /// The shell's: the record panel, a chosen file, what an effect came to, another tab.
    Shell(Box<ShellMsg>),
    /// Active time on a module (module id, seconds), from `active_time`: applied and saved
    /// without touching notices or focus.
    ActiveTime(String, u32),
    /// Answer the follow-up (improved, which improvement).
    FollowUp(bool, String),
    /// Answer the follow-up with "later": saved, and hidden until a week later.
    FollowUpLater,
}

impl From<ShellMsg> for Msg {
    fn from(msg: ShellMsg) -> Msg {
        Msg::Shell(Box::new(msg))
    }
}

impl CourseState {
    fn new(
        pack: PackRef,
        namespace: String,
        xapi_base: String,
        center: Option<crate::CenterContact>,
        adapter: Option<crate::lms::LmsAdapter>,
    ) -> CourseState {
        let (record, opened) = Record::open(pack.clone(), &namespace);
        let shell = OnShell::new(record, &opened);
        let progress = opened.state.into_state::<Course>().unwrap_or_default();
        CourseState {
            pack,
            namespace,
            xapi_base,
            center,
            progress,
            screen: Screen::Map,
            retaking: false,
            scenario_feedback: false,
            shell,
            follow_up_later: false,
            focus_token: 0,
            focus_id: None,
            lms: None,
        }
        .with_lms(adapter)
    }

    /// In an LMS: continues the record the core chooses (the LMS's or this browser's) and
    /// keeps it in this browser too.
    #[cfg(feature = "lms")]
    fn with_lms(mut self, adapter: Option<crate::lms::LmsAdapter>) -> CourseState {
        let Some(adapter) = adapter else {
            return self;
        };
        let (session, progress) = lms::start(
            adapter,
            &self.pack,
            self.progress.clone(),
            self.shell.record.revision(),
        );
        self.lms = Some(session);
        if progress != self.progress {
            self.progress = progress;
            self.save();
        }
        self
    }

    /// The plain course module has no LMS runtime: an `lms` option is ignored.
    #[cfg(not(feature = "lms"))]
    fn with_lms(self, _adapter: Option<crate::lms::LmsAdapter>) -> CourseState {
        self
    }

    fn course(&self) -> Option<&Course> {
        course_of(&self.pack)
    }

    /// Applies an action with the core; on success saves, else leaves a notice.
    fn apply(&mut self, action: &CourseAction) -> bool {
        let Some(course) = course_of(&self.pack) else {
            return false;
        };
        let mut progress = self.progress.clone();
        match course.apply(&mut progress, action) {
            Ok(()) => {
                self.progress = progress;
                self.save();
                true
            }
            Err(error) => {
                self.shell.notice = Some(Notice::Kit(CourseNotice::Refused(error.to_string())));
                false
            }
        }
    }

    /// Queues the save of the progress on the record (run by the view after rendering;
    /// a save that meets a newer record from another tab loads it instead). The LMS, if
    /// any, is told when the save has run (`report_to_lms`).
    fn save(&mut self) {
        self.shell
            .record
            .queue(Effect::Save(KitState::from(self.progress.clone())));
    }

    /// Tells the LMS, if any, the record as it is now (after a save ran, failed or met a
    /// newer record).
    fn report_to_lms(&self) {
        if let Some(session) = &self.lms {
            session.report(&self.progress, self.shell.record.revision());
        }
    }

    /// Whether a module's quiz has nothing drawn, no answer and no attempt yet: then
    /// opening it draws its questions (a retake draws again).
    fn needs_draw(&self, module: &str) -> bool {
        self.progress.modules.get(module).is_none_or(|m| {
            m.quiz_shown.is_empty() && m.quiz_answers.is_empty() && m.attempts.is_empty()
        })
    }

    fn focus(&mut self, id: Option<String>) {
        self.focus_token = self.focus_token.wrapping_add(1);
        self.focus_id = id;
    }

    fn id(&self, suffix: &str) -> String {
        element_id(&self.namespace, suffix)
    }
}

impl CourseState {
    /// The exported record names the center whose page it is exported from (self-declared).
    fn set_issuer(&mut self) {
        let issuer = self.center.clone().map_or(
            CourseAction::SetIssuer {
                name: String::new(),
                phone: String::new(),
                url: String::new(),
            },
            |c| CourseAction::SetIssuer {
                name: c.name,
                phone: c.phone.unwrap_or_default(),
                url: c.url.unwrap_or_default(),
            },
        );
        let unchanged = course_of(&self.pack).is_some_and(|course| {
            let mut probe = self.progress.clone();
            course.apply(&mut probe, &issuer).is_ok() && probe == self.progress
        });
        if !unchanged {
            self.apply(&issuer);
        }
    }

    /// Queues the xAPI statements of the modules passed or completed, in `lang`.
    fn export_xapi(&mut self, lang: Lang) {
        // The account of the statements is an opaque id of this record, made once (when
        // there are statements to make: a name is needed too).
        if self.progress.learner_id.is_empty() && !self.progress.learner_name.trim().is_empty() {
            if let Some(bytes) = platform::random_bytes::<16>() {
                let id: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
                self.apply(&CourseAction::SetLearnerId { id });
            }
        }
        match course_statements(&self.pack, &self.progress, &self.xapi_base, lang) {
            Err(_) if self.progress.learner_name.trim().is_empty() => {
                self.shell.notice = Some(Notice::Kit(CourseNotice::XapiNeedsName));
            }
            Err(error) => self.shell.notice = Some(Notice::ExportFailed(error.to_string())),
            Ok(statements) if statements.is_empty() => {
                self.shell.notice = Some(Notice::Kit(CourseNotice::XapiNothingYet));
            }
            Ok(statements) => self.shell.record.queue(Effect::Download {
                file: format!("{}-xapi-{}.json", self.pack.pack().id, platform::today()),
                mime: "application/json",
                contents: statements_json(&statements),
            }),
        }
    }
}

impl ShellKit for CourseState {
    type Own = CourseNotice;

    fn shell(&self) -> &OnShell<CourseNotice> {
        &self.shell
    }

    fn shell_mut(&mut self) -> &mut OnShell<CourseNotice> {
        &mut self.shell
    }

    fn state(&self) -> KitState {
        KitState::from(self.progress.clone())
    }

    fn show(&mut self, state: KitState, why: Shown) {
        match state.into_state::<Course>() {
            Some(progress) => self.progress = progress,
            None if why == Shown::Loaded => self.progress = CourseProgress::default(),
            None => {}
        }
        if why == Shown::Loaded {
            self.report_to_lms();
        }
    }

    fn erased(&mut self) {
        self.progress = CourseProgress::default();
        self.focus(Some(self.id("record-status")));
    }

    /// The xAPI statements are the course's own.
    fn export(&mut self, format: FileFormat, lang: Lang) {
        if format == FileFormat::Xapi {
            self.export_xapi(lang);
        }
    }

    fn saved(&mut self) {
        self.report_to_lms();
    }

    /// A save that failed: the LMS still hears of the progress.
    fn failed(&mut self) {
        self.report_to_lms();
    }

    /// The dialog takes focus itself; the list of changed results comes first when there is
    /// one.
    fn asking(&mut self) {
        if self
            .shell
            .pending
            .as_ref()
            .is_some_and(|pending| !pending.changed.is_empty())
        {
            self.focus(Some(self.id("import-question")));
        }
    }
}

/// A widget-unique element id: `kizuki-<namespace>-course-<suffix>`.
fn element_id(namespace: &str, suffix: &str) -> String {
    format!("kizuki-{namespace}-course-{suffix}")
}

fn course_of(pack: &ValidPack) -> Option<&Course> {
    pack.content::<Course>()
}

impl Reducible for CourseState {
    type Action = Msg;

    fn reduce(self: Rc<Self>, msg: Msg) -> Rc<Self> {
        let mut next = (*self).clone();
        match msg {
            Msg::Apply(action) => {
                let keep_notice = next
                    .shell
                    .notice
                    .as_ref()
                    .is_some_and(Notice::is_about_the_record);
                if !keep_notice {
                    next.shell.notice = None;
                }
                if next.apply(&action) {
                    match &action {
                        CourseAction::Choose { .. } => {
                            next.scenario_feedback = true;
                            next.focus(Some(next.id("scenario-feedback")));
                        }
                        CourseAction::RestartScenario { .. } => {
                            next.scenario_feedback = false;
                            next.focus(None);
                        }
                        CourseAction::RetakeQuiz { .. } => {
                            next.retaking = true;
                            next.focus(None);
                        }
                        _ => {}
                    }
                }
            }
            Msg::Go(screen) => {
                next.shell.notice = next
                    .shell
                    .notice
                    .take()
                    .filter(|n| matches!(n, Notice::Storage(_)));
                next.retaking = false;
                next.scenario_feedback = false;
                if let Screen::Module { module, step } = &screen {
                    next.apply(&CourseAction::Visit {
                        module: module.clone(),
                        screen: step.name(),
                    });
                    if *step == screen::Step::Quiz && next.needs_draw(module) {
                        next.apply(&CourseAction::DrawQuiz {
                            module: module.clone(),
                            seed: platform::random_seed(),
                        });
                    }
                }
                next.screen = screen;
                next.focus(None);
            }
            Msg::Check(module, question) => {
                let focus = next.id(&format!("review-{question}"));
                // Recorded in the progress, so the answer stays fixed after a reload.
                if next.apply(&CourseAction::CheckAnswer { module, question }) {
                    next.focus(Some(focus));
                }
            }
            Msg::Submit(module) => {
                let unanswered = next
                    .course()
                    .map_or(0, |c| c.unanswered_questions(&next.progress, &module).len());
                if unanswered > 0 {
                    next.shell.notice = Some(Notice::Kit(CourseNotice::Unanswered(unanswered)));
                    next.focus(Some(next.id("quiz-notice")));
                } else {
                    next.shell.notice = None;
                    let action = CourseAction::SubmitQuiz {
                        module,
                        date: platform::today(),
                        at: Some(platform::now_iso()),
                    };
                    if next.apply(&action) {
                        next.retaking = false;
                        next.focus(Some(next.id("quiz-result")));
                    }
                }
            }
            Msg::ContinueScenario => {
                next.scenario_feedback = false;
                next.focus(Some(next.id("scenario-node")));
            }
            Msg::Shell(msg) => {
                // The exported record names the center it is exported from.
                if matches!(
                    *msg,
                    ShellMsg::Panel(PanelChoice::Export(FileFormat::Record), _)
                ) {
                    next.set_issuer();
                }
                crate::shell::kit::take(&mut next, *msg);
            }
            Msg::ActiveTime(module, seconds) => {
                if let Some(course) = course_of(&next.pack) {
                    let action = CourseAction::AddActiveTime { module, seconds };
                    if course.apply(&mut next.progress, &action).is_ok() {
                        next.save();
                    }
                }
            }
            Msg::FollowUp(improved, improvement) => {
                let action = CourseAction::AnswerFollowUp {
                    date: platform::today(),
                    improved,
                    improvement,
                };
                if next.apply(&action) {
                    next.shell.notice = Some(Notice::Kit(CourseNotice::FollowUpThanks));
                    next.focus(Some(next.id("follow-up")));
                }
            }
            Msg::FollowUpLater => {
                // Saved in the record (asked again a week later, on any device); hidden now.
                next.apply(&CourseAction::FollowUpLater {
                    date: platform::today(),
                });
                next.follow_up_later = true;
            }
        }
        Rc::new(next)
    }
}

/// What every screen renderer needs.
pub(crate) struct Ctx<'a> {
    pack: &'a ValidPack,
    course: &'a Course,
    lang: Lang,
    text: &'static CourseText,
    state: &'a CourseState,
    dispatch: UseReducerDispatcher<CourseState>,
    directory: &'a DirectoryState,
    /// The embedding center, which issues the certificate.
    center: Option<&'a crate::CenterContact>,
}

impl Ctx<'_> {
    /// A click handler that sends `msg`.
    fn send(&self, msg: Msg) -> Callback<MouseEvent> {
        let dispatch = self.dispatch.clone();
        Callback::from(move |_| dispatch.dispatch(msg.clone()))
    }

    /// A callback of no arguments that sends `msg`.
    fn dispatch_callback(&self, msg: impl Fn(()) -> Msg + 'static) -> Callback<()> {
        let dispatch = self.dispatch.clone();
        Callback::from(move |()| dispatch.dispatch(msg(())))
    }

    /// A click handler that applies a core action.
    fn apply(&self, action: CourseAction) -> Callback<MouseEvent> {
        self.send(Msg::Apply(action))
    }

    fn id(&self, suffix: &str) -> String {
        self.state.id(suffix)
    }

    /// The notice in words, if it belongs where `record` says (the record panel or elsewhere).
    fn notice(&self, record: bool) -> Option<NoticeShown> {
        self.state
            .shell
            .notice
            .as_ref()
            .filter(|n| n.is_about_the_record() == record)
            .map(|n| n.shown(&self.text.data_panel, self.lang))
    }
}

/// The course kit.
#[function_component(CourseView)]
pub fn view(props: &KitProps) -> Html {
    let state = {
        let pack = props.pack.clone();
        let namespace = props.namespace.clone();
        let xapi_base = xapi_base(props.center.as_ref());
        let center = props.center.clone();
        let adapter = props.lms.clone();
        use_reducer(move || CourseState::new(pack, namespace, xapi_base, center, adapter))
    };
    let container = use_node_ref();
    let active_module = match &state.screen {
        Screen::Module { module, .. } => Some(module.clone()),
        _ => None,
    };
    active_time::use_active_time(container.clone(), active_module, state.dispatcher());
    // The record's effects (saves, downloads, the undo copy, erasing) run after rendering;
    // another tab's save is heard.
    crate::shell::kit::use_shell(&state);

    {
        let container = container.clone();
        let focus_id = state.focus_id.clone();
        use_effect_with(state.focus_token, move |token| {
            if *token > 0 {
                focus_target(&container, focus_id.as_deref());
            }
        });
    }

    let Some(course) = course_of(&props.pack) else {
        return Html::default();
    };
    let ctx = Ctx {
        pack: &props.pack,
        course,
        lang: props.lang,
        text: course_text(props.lang),
        state: &state,
        dispatch: state.dispatcher(),
        directory: &props.directory,
        center: props.center.as_ref(),
    };
    let top_notice = ctx.notice(false).filter(|_| {
        !matches!(
            state.shell.notice,
            Some(Notice::Kit(CourseNotice::Unanswered(_)))
        )
    });
    let body = match &state.screen {
        Screen::Map => map::map(&ctx),
        Screen::Certificate => certificate::certificate(&ctx),
        Screen::Complete => complete::complete(&ctx),
        Screen::Module { module, step } => match course.module(module) {
            Some(found) => module::module(&ctx, found, step),
            None => map::map(&ctx),
        },
    };
    html! {
        <div class="kizuki-kit kizuki-course" ref={container}>
            { notice_slot(NoticeSlotProps {
                on_dismiss: Some(ctx.send(ShellMsg::Dismiss.into())),
                ..NoticeSlotProps::new(ctx.lang, top_notice, ctx.send(ShellMsg::Reload.into()))
            }) }
            <div class="kizuki-course-live" role="status" aria-live="polite">
                { lms::status(state.lms.as_ref(), ctx.lang) }
            </div>
            { body }
        </div>
    }
}

/// The IRI base of xAPI activities: the center's web address when the host page gave one,
/// else this page's origin (both http or https).
fn xapi_base(center: Option<&crate::CenterContact>) -> String {
    center
        .and_then(|c| c.url.clone())
        .or_else(|| web_sys::window().and_then(|w| w.location().origin().ok()))
        .unwrap_or_default()
}

/// Moves keyboard focus to the element with `id`, else to the screen's heading.
fn focus_target(container: &NodeRef, id: Option<&str>) {
    let Some(root) = container.cast::<web_sys::Element>() else {
        return;
    };
    let selector = match id {
        Some(id) => format!("[id='{id}']"),
        None => "[data-kizuki-heading]".to_string(),
    };
    let found = root
        .query_selector(&selector)
        .ok()
        .flatten()
        .or_else(|| root.query_selector("[data-kizuki-heading]").ok().flatten());
    if let Some(element) =
        found.and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok())
    {
        let _ = element.focus();
    }
}
