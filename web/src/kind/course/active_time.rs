//! Active time on a module, for the training record: while a module's screen is shown, every
//! [`TICK_SECONDS`] the view reports that much time to the core (`AddActiveTime`) — only if the
//! page is visible (not a hidden tab) and the learner did something (a key, a click, a scroll,
//! typing) within the last [`IDLE_AFTER_SECONDS`]. Wall-clock time is never counted.

use std::cell::Cell;
use std::rc::Rc;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
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
        let mut cleanup: Option<Box<dyn FnOnce()>> = None;
        if let (Some(module), Some(window), Some(root)) = (
            module.clone(),
            web_sys::window(),
            container
                .cast::<web_sys::Element>()
                .map(web_sys::EventTarget::from),
        ) {
            let last_input = Rc::new(Cell::new(js_sys::Date::now()));
            let on_input = {
                let last_input = last_input.clone();
                Closure::<dyn Fn()>::new(move || last_input.set(js_sys::Date::now()))
            };
            for event in ACTIVITY_EVENTS {
                let options = web_sys::AddEventListenerOptions::new();
                options.set_capture(true);
                options.set_passive(true);
                let _ = root.add_event_listener_with_callback_and_add_event_listener_options(
                    event,
                    on_input.as_ref().unchecked_ref(),
                    &options,
                );
            }
            let tick = Closure::<dyn Fn()>::new(move || {
                let hidden = web_sys::window()
                    .and_then(|w| w.document())
                    .is_none_or(|d| d.hidden());
                let idle = js_sys::Date::now() - last_input.get() > IDLE_AFTER_SECONDS * 1000.0;
                if !hidden && !idle {
                    dispatch.dispatch(Msg::ActiveTime(module.clone(), TICK_SECONDS));
                }
            });
            let handle = window
                .set_interval_with_callback_and_timeout_and_arguments_0(
                    tick.as_ref().unchecked_ref(),
                    i32::try_from(TICK_SECONDS * 1000).unwrap_or(5000),
                )
                .ok();
            cleanup = Some(Box::new(move || {
                if let Some(handle) = handle {
                    window.clear_interval_with_handle(handle);
                }
                for event in ACTIVITY_EVENTS {
                    let _ = root.remove_event_listener_with_callback_and_bool(
                        event,
                        on_input.as_ref().unchecked_ref(),
                        true,
                    );
                }
                drop(tick);
                drop(on_input);
            }));
        }
        move || {
            if let Some(cleanup) = cleanup {
                cleanup();
            }
        }
    });
}
