//! The course inside an LMS (a SCORM 1.2 or cmi5 package): at launch, the record to
//! continue (the LMS's or this browser's, core `lms::choose_resume`); after each step the
//! values or statements the core gives, through the adapter of `www/lms.js`; at the end
//! (`pagehide`) the finish. The record is always saved in this browser too, so nothing is
//! lost when the LMS is missing or refuses something; the view says which.

use std::cell::RefCell;
use std::rc::Rc;

use js_sys::{Array, Function, Reflect};
use kizuki_core::cmi5::{self, Cmi5Launch, Cmi5Record, Cmi5Verb};
use kizuki_core::kind::course::{Course, CourseProgress};
use kizuki_core::lms::{self, ResumeFrom, SuspendData, SCORM12_SUSPEND_LIMIT};
use kizuki_core::ValidPack;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use yew::prelude::*;

use super::text::CourseText;
use crate::lms::LmsAdapter;
use crate::platform;

/// What the learner is told about the LMS.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LmsStatus {
    /// Connected; progress goes to the LMS.
    Connected,
    /// No LMS was found (or it refused to start): saved in this browser only.
    NotFound,
    /// The LMS refused a value or a statement: saved in this browser, the LMS may lag.
    SendFailed,
    /// The record is larger than the LMS keeps (SCORM 1.2, 4096 characters): the LMS has
    /// the results but resumes from an older record; this browser keeps everything.
    TooLarge,
    /// The LMS's record could not be read: continued from this browser's.
    LmsRecordUnreadable,
}

enum Standard {
    Scorm12 {
        /// `cmi.interactions._count` at launch plus those sent since.
        next_interaction: usize,
    },
    Cmi5 {
        launch: Box<Cmi5Launch>,
        sent: Cmi5Record,
        course_iri: String,
    },
}

struct Inner {
    adapter: LmsAdapter,
    standard: Standard,
    pack: ValidPack,
    at_launch: CourseProgress,
    /// What was last reported (ratings are sent once; time alone waits for the finish).
    reported: CourseProgress,
    latest: CourseProgress,
    revision: u64,
    status: LmsStatus,
    finished: bool,
}

/// The LMS session of one widget (shared by the reducer's states: compared by identity).
#[derive(Clone)]
pub struct LmsSession {
    inner: Rc<RefCell<Inner>>,
    /// Set when no LMS was found: only the notice is left to show.
    not_found: bool,
}

impl std::fmt::Debug for LmsSession {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("LmsSession")
    }
}

impl PartialEq for LmsSession {
    fn eq(&self, other: &LmsSession) -> bool {
        Rc::ptr_eq(&self.inner, &other.inner)
    }
}

/// The session for `adapter`, and the record to continue (the LMS's when it holds at least
/// as much as `local`, else `local`), already reported to the LMS once.
pub fn start(
    adapter: LmsAdapter,
    pack: &ValidPack,
    local: CourseProgress,
    revision: u64,
) -> (LmsSession, CourseProgress) {
    let mut status = LmsStatus::Connected;
    let (standard, lms_record) = match adapter.text("standard").as_str() {
        "scorm12" => {
            let count = Reflect::get(&adapter.0, &JsValue::from_str("interactionsCount"))
                .ok()
                .and_then(|v| v.as_f64())
                .filter(|v| v.is_finite() && *v >= 0.0)
                .map_or(0, |v| v as usize);
            (
                Some(Standard::Scorm12 {
                    next_interaction: count,
                }),
                adapter.text("suspendData"),
            )
        }
        "cmi5" => {
            let launch = Reflect::get(&adapter.0, &JsValue::from_str("launch"))
                .ok()
                .map(LmsAdapter)
                .and_then(|launch| {
                    Cmi5Launch::read(
                        &launch.text("actor"),
                        &launch.text("registration"),
                        &launch.text("activityId"),
                        &launch.text("launchData"),
                    )
                    .ok()
                });
            match launch {
                Some(launch) => {
                    let sent = Cmi5Record::read(&adapter.text("suspendData"));
                    let record = sent.record.clone();
                    (
                        Some(Standard::Cmi5 {
                            launch: Box::new(launch),
                            sent,
                            course_iri: adapter.text("courseIri"),
                        }),
                        record,
                    )
                }
                None => (None, String::new()),
            }
        }
        _ => (None, String::new()),
    };
    let Some(standard) = standard else {
        let session = LmsSession {
            inner: Rc::new(RefCell::new(Inner {
                adapter,
                standard: Standard::Scorm12 {
                    next_interaction: 0,
                },
                pack: pack.clone(),
                at_launch: local.clone(),
                reported: local.clone(),
                latest: local.clone(),
                revision,
                status: LmsStatus::NotFound,
                finished: true,
            })),
            not_found: true,
        };
        return (session, local);
    };
    let from_lms = match lms::resume(pack, &lms_record) {
        Ok(found) => found,
        Err(_) => {
            status = LmsStatus::LmsRecordUnreadable;
            None
        }
    };
    let progress = match (lms::choose_resume(&local, from_lms.as_ref()), from_lms) {
        (ResumeFrom::Lms, Some(from_lms)) => from_lms,
        _ => local,
    };
    let inner = Rc::new(RefCell::new(Inner {
        adapter,
        standard,
        pack: pack.clone(),
        at_launch: progress.clone(),
        reported: progress.clone(),
        latest: progress.clone(),
        revision,
        status,
        finished: false,
    }));
    if let Standard::Cmi5 { .. } = inner.borrow().standard {
        send_cmi5(&inner.borrow(), &[Cmi5Verb::Initialized]);
    }
    send(&inner, false);
    listen_for_leave(&inner);
    (
        LmsSession {
            inner,
            not_found: false,
        },
        progress,
    )
}

impl LmsSession {
    /// The record was saved: report it, unless only its active time changed (that waits
    /// for the next step or the finish).
    pub fn report(&self, progress: &CourseProgress, revision: u64) {
        if self.not_found {
            return;
        }
        let time_only = {
            let mut inner = self.inner.borrow_mut();
            inner.latest = progress.clone();
            inner.revision = revision;
            without_time(&inner.reported) == without_time(progress)
        };
        if !time_only {
            send(&self.inner, false);
        }
    }

    /// What to tell the learner.
    pub fn status(&self) -> LmsStatus {
        self.inner.borrow().status
    }
}

fn without_time(progress: &CourseProgress) -> CourseProgress {
    let mut copy = progress.clone();
    for module in copy.modules.values_mut() {
        module.active_seconds = 0;
    }
    copy
}

fn course(inner: &Inner) -> Option<&Course> {
    inner.pack.content::<Course>()
}

/// Sends the latest record (and, when `finish`, ends the session).
fn send(cell: &Rc<RefCell<Inner>>, finish: bool) {
    let mut inner = cell.borrow_mut();
    if inner.finished {
        return;
    }
    let Some(course) = course(&inner).cloned() else {
        return;
    };
    let now = platform::now_iso();
    let inner = &mut *inner;
    match &mut inner.standard {
        Standard::Scorm12 { next_interaction } => {
            let suspend = lms::suspend_data(
                &inner.pack,
                &inner.latest,
                &now,
                inner.revision,
                SCORM12_SUSPEND_LIMIT,
            );
            let mut values =
                lms::scorm12_values(&inner.pack, &inner.latest, &inner.at_launch, &suspend);
            for rating in lms::new_ratings(&course, &inner.reported, &inner.latest) {
                values.extend(lms::scorm12_interaction(*next_interaction, &rating));
                *next_interaction += 1;
            }
            let refused = call_with_pairs(
                &inner.adapter,
                if finish { "finish" } else { "setValues" },
                &values,
            );
            inner.status = if refused.iter().any(|key| lms::scorm12_is_required(key)) {
                LmsStatus::SendFailed
            } else if matches!(suspend, SuspendData::TooLarge { .. }) {
                LmsStatus::TooLarge
            } else {
                LmsStatus::Connected
            };
        }
        Standard::Cmi5 { launch, sent, .. } => {
            let mut verbs = cmi5::due(&course, &inner.latest, launch, sent);
            for verb in &verbs {
                match verb {
                    Cmi5Verb::Completed => sent.completed_sent = true,
                    Cmi5Verb::Passed => sent.passed_sent = true,
                    _ => {}
                }
            }
            if finish {
                verbs.push(Cmi5Verb::Terminated);
            }
            sent.record =
                lms::suspend_data(&inner.pack, &inner.latest, &now, inner.revision, usize::MAX)
                    .text()
                    .unwrap_or_default()
                    .to_string();
            let state = sent.to_json();
            send_cmi5(inner, &verbs);
            call_async(cell, &inner.adapter, "saveState", &state);
        }
    }
    inner.reported = inner.latest.clone();
    if finish {
        inner.finished = true;
    }
}

/// Posts the statements of `verbs` (nothing when empty).
fn send_cmi5(inner: &Inner, verbs: &[Cmi5Verb]) {
    let (
        Standard::Cmi5 {
            launch, course_iri, ..
        },
        Some(course),
    ) = (&inner.standard, course(inner))
    else {
        return;
    };
    if verbs.is_empty() {
        return;
    }
    let statements: Vec<serde_json::Value> = verbs
        .iter()
        .map(|verb| {
            cmi5::statement(
                course,
                &inner.latest,
                &inner.at_launch,
                launch,
                *verb,
                &uuid_v4(),
                &platform::now_iso(),
                course_iri,
            )
        })
        .collect();
    let json = serde_json::to_string(&statements).unwrap_or_default();
    call_async_detached(&inner.adapter, "sendStatements", &json);
}

/// A random UUID (version 4), for statement ids.
fn uuid_v4() -> String {
    let mut bytes = platform::random_bytes::<16>().unwrap_or_else(|| {
        let seed = platform::random_seed().to_le_bytes();
        let mut bytes = [0u8; 16];
        bytes[..8].copy_from_slice(&seed);
        bytes[8..].copy_from_slice(&platform::random_seed().to_le_bytes());
        bytes
    });
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    format!(
        "{}-{}-{}-{}-{}",
        &hex[..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..]
    )
}

fn method(adapter: &LmsAdapter, name: &str) -> Option<Function> {
    Reflect::get(&adapter.0, &JsValue::from_str(name))
        .ok()?
        .dyn_into::<Function>()
        .ok()
}

/// Calls `name([[key, value], …])` and returns the keys the LMS refused (every key when the
/// call itself failed).
fn call_with_pairs(adapter: &LmsAdapter, name: &str, pairs: &[(String, String)]) -> Vec<String> {
    let array = Array::new();
    for (key, value) in pairs {
        array.push(&Array::of2(
            &JsValue::from_str(key),
            &JsValue::from_str(value),
        ));
    }
    let refused = method(adapter, name)
        .and_then(|f| f.call1(&adapter.0, &array).ok())
        .filter(Array::is_array);
    match refused.map(|value| Array::from(&value)) {
        Some(refused) => refused.iter().filter_map(|k| k.as_string()).collect(),
        None => pairs.iter().map(|(key, _)| key.clone()).collect(),
    }
}

/// Calls an async method with one string; a `false` or failed result marks the session.
fn call_async(cell: &Rc<RefCell<Inner>>, adapter: &LmsAdapter, name: &str, text: &str) {
    let Some(promise) = method(adapter, name)
        .and_then(|f| f.call1(&adapter.0, &JsValue::from_str(text)).ok())
        .and_then(|p| p.dyn_into::<js_sys::Promise>().ok())
    else {
        return;
    };
    let cell = Rc::downgrade(cell);
    yew::platform::spawn_local(async move {
        let stored = wasm_bindgen_futures::JsFuture::from(promise)
            .await
            .ok()
            .and_then(|v| v.as_bool())
            .unwrap_or(false);
        if let (false, Some(cell)) = (stored, cell.upgrade()) {
            if let Ok(mut inner) = cell.try_borrow_mut() {
                inner.status = LmsStatus::SendFailed;
            }
        }
    });
}

fn call_async_detached(adapter: &LmsAdapter, name: &str, text: &str) {
    if let Some(f) = method(adapter, name) {
        let _ = f.call1(&adapter.0, &JsValue::from_str(text));
    }
}

/// Finishes the session when the page is left (`pagehide`: also when the LMS removes the
/// frame or the learner closes the window).
fn listen_for_leave(cell: &Rc<RefCell<Inner>>) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let weak = Rc::downgrade(cell);
    let on_leave = Closure::<dyn Fn()>::new(move || {
        if let Some(cell) = weak.upgrade() {
            send(&cell, true);
        }
    });
    let _ = window.add_event_listener_with_callback("pagehide", on_leave.as_ref().unchecked_ref());
    // The listener lives as long as the page: the session is the page's.
    on_leave.forget();
}

/// The line about the LMS at the top of the course (none while connected and well).
pub fn notice(session: Option<&LmsSession>, text: &CourseText) -> Option<(&'static str, bool)> {
    match session?.status() {
        LmsStatus::Connected => None,
        LmsStatus::NotFound => Some((text.lms_not_found, true)),
        LmsStatus::SendFailed => Some((text.lms_send_failed, true)),
        LmsStatus::TooLarge => Some((text.lms_too_large, true)),
        LmsStatus::LmsRecordUnreadable => Some((text.lms_record_unreadable, true)),
    }
}

/// The quiet line saying where the record goes, while connected.
pub fn connected_line(session: Option<&LmsSession>, text: &CourseText) -> Html {
    match session.map(LmsSession::status) {
        Some(LmsStatus::Connected) => html! {
            <p class="kizuki-course-lms" data-kizuki-lms="connected">{ text.lms_connected }</p>
        },
        _ => Html::default(),
    }
}
