//! Active time on a module, for the training record: while a module's screen is shown, every
//! [`TICK_SECONDS`] the view reports that much time to the core (`AddActiveTime`) — only if the
//! page is visible (not a hidden tab) and the learner did something (a key, a click, a scroll,
//! typing) within the last [`IDLE_AFTER_SECONDS`]. Wall-clock time is never counted.

use std::cell::Cell;
use std::rc::Rc;

use gloo_events::{EventListener, EventListenerOptions, EventListenerPhase};
use gloo_timers::callback::Interval;
use yew::prelude::*;

use super::{CourseState, Msg};

/// How often active time is reported, in seconds.
pub const TICK_SECONDS: u32 = 5;

/// After this long without input the learner counts as idle, in seconds.
pub const IDLE_AFTER_SECONDS: f64 = 90.0;

const ACTIVITY_EVENTS: [&str; 5] = ["pointerdown", "keydown", "scroll", "input", "pointermove"];

/// Counts active time on `module` (none on the map or the certificate) inside `container`.
#[hook]
pub fn use_active_time(
    container: NodeRef,
    module: Option<String>,
    dispatch: UseReducerDispatcher<CourseState>,
) {
    use_effect_with(module, move |module| {
        // The interval and the listeners, cancelled and removed when dropped: when the
        // learner leaves the module or the course goes.
        let mut counting: Option<(Interval, Vec<EventListener>)> = None;
        if let (Some(module), Some(root)) = (
            module.clone(),
            container
                .cast::<web_sys::Element>()
                .map(web_sys::EventTarget::from),
        ) {
            let last_input = Rc::new(Cell::new(js_sys::Date::now()));
            let options = EventListenerOptions {
                phase: EventListenerPhase::Capture,
                passive: true,
            };
            let listeners = ACTIVITY_EVENTS
                .into_iter()
                .map(|event| {
                    let last_input = last_input.clone();
                    EventListener::new_with_options(&root, event, options, move |_| {
                        last_input.set(js_sys::Date::now())
                    })
                })
                .collect();
            let tick = Interval::new(TICK_SECONDS * 1000, move || {
                let hidden = web_sys::window()
                    .and_then(|w| w.document())
                    .is_none_or(|d| d.hidden());
                let idle = js_sys::Date::now() - last_input.get() > IDLE_AFTER_SECONDS * 1000.0;
                if !hidden && !idle {
                    dispatch.dispatch(Msg::ActiveTime(module.clone(), TICK_SECONDS));
                }
            });
            counting = Some((tick, listeners));
        }
        move || drop(counting)
    });
}
