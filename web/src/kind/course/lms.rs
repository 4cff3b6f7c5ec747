//! The course inside an LMS (a SCORM 1.2 or cmi5 package): at launch, the record to
//! continue (the LMS's or this browser's, core `lms::choose_resume`); after each step the
//! values or statements the core gives, through the adapter of `www/lms.js`; at the end
//! (`pagehide`) the finish. The record is always saved in this browser too, so nothing is
//! lost when the LMS is missing or refuses something; the view says which. A cmi5 launch
//! with a `returnURL` shows 「LMSに戻る」: it ends the session (`terminated`, the record
//! stored) and then sends this frame to the address the core kept (cmi5 spec §10.2.6).
//!
//! Only the module a package loads has this code (cargo feature `lms`); the plain course
//! module has `no_lms.rs` in its place.

use std::cell::RefCell;
use std::rc::Rc;

use gloo_events::EventListener;
use js_sys::{Array, Function, Reflect};
use kizuki_core::cmi5::{self, Cmi5Launch, Cmi5Record, Cmi5Verb};
use kizuki_core::kind::course::{Course, CourseProgress};
use kizuki_core::lms::{self, ResumeFrom, SuspendData, SCORM12_SUSPEND_LIMIT};
use kizuki_core::{Lang, ValidPack};
use wasm_bindgen::{JsCast, JsValue};
use yew::prelude::*;

use super::lms_text::lms_text;
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
    /// The learner pressed 「LMSに戻る」: the session is ending, the page going.
    leaving: bool,
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
                leaving: false,
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
        leaving: false,
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

    /// The cmi5 `returnURL` the core kept, if any.
    fn return_url(&self) -> Option<String> {
        match &self.inner.borrow().standard {
            Standard::Cmi5 { launch, .. } if !self.not_found => {
                launch.return_url().map(str::to_string)
            }
            _ => None,
        }
    }

    /// 「LMSに戻る」: ends the session (`terminated` and the record, as when the page is
    /// left), waits until the LMS has them, then sends this window or frame to the
    /// `returnURL` (cmi5 spec §10.2.6: "MUST redirect … when the AU is terminated").
    fn exit(&self, redraw: Callback<()>) {
        let Some(url) = self.return_url() else {
            return;
        };
        if std::mem::replace(&mut self.inner.borrow_mut().leaving, true) {
            return;
        }
        redraw.emit(());
        let pending = send(&self.inner, true);
        yew::platform::spawn_local(async move {
            for promise in pending {
                let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
            }
            if let Some(window) = web_sys::window() {
                let _ = window.location().set_href(&url);
            }
        });
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

/// Sends the latest record (and, when `finish`, ends the session); returns the LMS calls
/// still under way (cmi5's statements and state).
fn send(cell: &Rc<RefCell<Inner>>, finish: bool) -> Vec<js_sys::Promise> {
    let mut pending = Vec::new();
    let mut inner = cell.borrow_mut();
    if inner.finished {
        return pending;
    }
    let Some(course) = course(&inner).cloned() else {
        return pending;
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
            pending.extend(send_cmi5(inner, &verbs));
            pending.extend(call_async(cell, &inner.adapter, "saveState", &state));
        }
    }
    inner.reported = inner.latest.clone();
    if finish {
        inner.finished = true;
    }
    pending
}

/// Posts the statements of `verbs` (nothing when empty); the post under way, if any.
fn send_cmi5(inner: &Inner, verbs: &[Cmi5Verb]) -> Option<js_sys::Promise> {
    let (
        Standard::Cmi5 {
            launch, course_iri, ..
        },
        Some(course),
    ) = (&inner.standard, course(inner))
    else {
        return None;
    };
    if verbs.is_empty() {
        return None;
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
    call_async_detached(&inner.adapter, "sendStatements", &json)
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
/// Returns the call's promise.
fn call_async(
    cell: &Rc<RefCell<Inner>>,
    adapter: &LmsAdapter,
    name: &str,
    text: &str,
) -> Option<js_sys::Promise> {
    let promise = call_async_detached(adapter, name, text)?;
    let cell = Rc::downgrade(cell);
    let watched = promise.clone();
    yew::platform::spawn_local(async move {
        let stored = wasm_bindgen_futures::JsFuture::from(watched)
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
    Some(promise)
}

/// Calls an async method with one string; its promise, if it gave one.
fn call_async_detached(adapter: &LmsAdapter, name: &str, text: &str) -> Option<js_sys::Promise> {
    method(adapter, name)?
        .call1(&adapter.0, &JsValue::from_str(text))
        .ok()?
        .dyn_into::<js_sys::Promise>()
        .ok()
}

/// Finishes the session when the page is left (`pagehide`: also when the LMS removes the
/// frame or the learner closes the window).
fn listen_for_leave(cell: &Rc<RefCell<Inner>>) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let weak = Rc::downgrade(cell);
    // The listener lives as long as the page: the session is the page's.
    EventListener::new(&window, "pagehide", move |_| {
        if let Some(cell) = weak.upgrade() {
            send(&cell, true);
        }
    })
    .forget();
}

/// What the top of the course says about the LMS: a problem, or (connected) where the
/// record goes; and, in a cmi5 launch with a `returnURL`, the 「LMSに戻る」 button.
pub fn status(session: Option<&LmsSession>, lang: Lang) -> Html {
    html! { <LmsStatusLine session={session.cloned()} {lang} /> }
}

#[derive(Properties, PartialEq)]
struct LmsStatusProps {
    session: Option<LmsSession>,
    lang: Lang,
}

#[function_component(LmsStatusLine)]
fn lms_status_line(props: &LmsStatusProps) -> Html {
    let redraw = use_force_update();
    let Some(session) = &props.session else {
        return Html::default();
    };
    let text = lms_text(props.lang);
    let problem = match session.status() {
        LmsStatus::Connected => None,
        LmsStatus::NotFound => Some(text.not_found),
        LmsStatus::SendFailed => Some(text.send_failed),
        LmsStatus::TooLarge => Some(text.too_large),
        LmsStatus::LmsRecordUnreadable => Some(text.record_unreadable),
    };
    let leaving = session.inner.borrow().leaving;
    let on_return = {
        let session = session.clone();
        Callback::from(move |_: MouseEvent| {
            let redraw = redraw.clone();
            session.exit(Callback::from(move |()| redraw.force_update()));
        })
    };
    html! {
        <>
            if let Some(message) = problem {
                <p class="kizuki-notice kizuki-notice--error" data-kizuki-lms="problem">{ message }</p>
            } else {
                <p class="kizuki-course-lms" data-kizuki-lms="connected">{ text.connected }</p>
            }
            if session.return_url().is_some() {
                <p class="kizuki-course-lms-return" data-kizuki-lms="return">
                    <button type="button" class="kizuki-button" onclick={on_return} disabled={leaving}>
                        { text.return_to_lms }
                    </button>
                    <span class="kizuki-hint">{ if leaving { text.returning } else { text.return_hint } }</span>
                </p>
            }
        </>
    }
}
