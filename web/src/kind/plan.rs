//! The return-to-work planner (Kit 2): cases that move through the plan's steps, kept in
//! this browser **sealed under a passphrase** (never as plain text), with the documents
//! drafted from a case, the follow-up schedule, and encrypted export and import.
//!
//! Screens: set a passphrase (first use) → unlock (later visits) → the workspace (case
//! list, one case: tracker, step, history, follow-up, documents; data panel). The key lives
//! in the reducer's state while unlocked; it is dropped on lock, after ten minutes without
//! activity, or when the widget goes away.

mod case_view;
mod data;
mod document;
mod flows;
mod state;
mod step;
mod text;
mod vault_store;
mod widgets;

use std::cell::Cell;
use std::rc::Rc;
use std::time::Duration;

use kizuki_core::kind::plan::Plan;
use kizuki_core::Lang;
use yew::prelude::*;

use self::state::{Msg, Notice, Phase, Place, Placed, PlanNotice, PlanState};
use self::text::{plan_text, PlanText};
use self::widgets::{NewPassphraseForm, PassphraseEntry};
use super::KitProps;
use crate::shell::confirm::Confirm;
use crate::shell::notice::{notice_slot, FocusedNotice, NoticeSlotProps};

/// The planner's module zeroes every block of its wasm memory as it frees it: the
/// reducer's copies of the state (one per action), the serialised export sealed on each
/// save, the decrypted bytes, the virtual DOM's copies of the texts, Argon2's working
/// memory. Without it a locked planner still held earlier copies of what was typed (the
/// browser test `locking leaves none of the decrypted text in the wasm memory` found 20 of
/// a case label). Only in the planner's wasm, which is the one that decrypts.
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ZEROING_ALLOCATOR: zeroizing_alloc::ZeroAlloc<talc::wasm::WasmDynamicTalc> =
    zeroizing_alloc::ZeroAlloc(talc::wasm::new_wasm_dynamic_allocator());

/// Lock after this long without any action.
const AUTO_LOCK_AFTER: Duration = Duration::from_secs(10 * 60);
/// Count a key press or pointer press as activity at most this often (milliseconds).
const TOUCH_EVERY_MS: f64 = 5_000.0;

/// What the view functions share while rendering.
#[derive(Clone)]
pub(crate) struct Ctx<'a> {
    state: &'a PlanState,
    plan: &'a Plan,
    lang: Lang,
    text: &'static PlanText,
    dispatch: UseReducerDispatcher<PlanState>,
    /// The heading of the step shown, focused when the case moves to another step.
    step_heading: NodeRef,
}

impl Ctx<'_> {
    /// A widget-unique element id: `kizuki-<namespace>-plan-<suffix>`.
    fn id(&self, suffix: &str) -> String {
        format!("kizuki-{}-plan-{suffix}", self.state.namespace)
    }

    /// A callback that sends `msg`, whatever the event.
    fn send<E>(&self, msg: Msg) -> Callback<E> {
        let dispatch = self.dispatch.clone();
        Callback::from(move |_: E| dispatch.dispatch(msg.clone()))
    }
}

pub(crate) use crate::markup::inline;

/// The plan kit.
#[function_component(PlanView)]
pub fn view(props: &KitProps) -> Html {
    let state = {
        let pack = props.pack.clone();
        let namespace = props.namespace.clone();
        use_reducer(move || PlanState::start(pack, namespace))
    };
    let last_touch = use_mut_ref(|| 0.0_f64);
    // The saves the reducer queued on the vault's record run after rendering; what each came
    // to goes back to the reducer.
    {
        let record = state.record.clone();
        let dispatch = state.dispatcher();
        use_effect(move || {
            if let Some(record) = record {
                record.run(|outcome| dispatch.dispatch(Msg::Outcome(Box::new(outcome))));
            }
        });
    }
    // Another tab's save of the record: announced when newer than what this page continues.
    crate::shell::other_tab::use_record_text_changes(
        vault_store::key_for(&props.pack, &props.namespace),
        state
            .dispatcher()
            .to_callback()
            .reform(Msg::StoredElsewhere),
    );
    let document_heading = use_node_ref();
    let step_heading = use_node_ref();

    // Auto-lock: every action restarts the ten-minute timer; locking cancels it.
    {
        let dispatch = state.dispatcher();
        let unlocked = state.key().is_some();
        use_effect_with((state.activity, unlocked), move |(_, unlocked)| {
            let cancelled = Rc::new(Cell::new(false));
            if *unlocked {
                let cancelled = cancelled.clone();
                yew::platform::spawn_local(async move {
                    yew::platform::time::sleep(AUTO_LOCK_AFTER).await;
                    if !cancelled.get() {
                        dispatch.dispatch(Msg::Lock { auto: true });
                    }
                });
            }
            move || cancelled.set(true)
        });
    }
    // A document opened full page gets the focus, so keyboard and reader users land on it.
    {
        let heading = document_heading.clone();
        use_effect_with(state.document.clone(), move |document| {
            if document.is_some() {
                if let Some(element) = heading.cast::<web_sys::HtmlElement>() {
                    let _ = element.focus();
                }
            }
        });
    }
    // A case moved to another step (decided, closed, moved on, its last decision undone, or
    // reopened): the button pressed went with the step it was in, so focus goes to the
    // heading of the step shown now, where the person goes on, not to the page's body.
    {
        let heading = step_heading.clone();
        use_effect_with(state.step_moves, move |moves| {
            if *moves > 0 {
                if let Some(element) = heading.cast::<web_sys::HtmlElement>() {
                    let _ = element.focus();
                }
            }
        });
    }

    let lang = props.lang;
    let text = plan_text(lang);
    let Some(plan) = state.plan() else {
        return html! {};
    };
    let ctx = Ctx {
        state: &state,
        plan,
        lang,
        text,
        dispatch: state.dispatcher(),
        step_heading,
    };

    let touch = {
        let dispatch = state.dispatcher();
        let unlocked = state.key().is_some();
        move || {
            let now = js_sys::Date::now();
            let mut last = last_touch.borrow_mut();
            if unlocked && now - *last > TOUCH_EVERY_MS {
                *last = now;
                dispatch.dispatch(Msg::Touch);
            }
        }
    };
    let onkeydown = {
        let touch = touch.clone();
        Callback::from(move |_: KeyboardEvent| touch())
    };
    let onpointerdown = Callback::from(move |_: PointerEvent| touch());

    let body = match (&state.phase, &state.document) {
        (Phase::Setup, _) => setup_screen(&ctx),
        (Phase::Locked, _) => unlock_screen(&ctx),
        (Phase::Unlocked(_), Some(document)) => {
            document::document_page(&ctx, document, document_heading.clone())
        }
        (Phase::Unlocked(_), None) => workspace(&ctx),
    };
    let printing = state.document.is_some() && state.key().is_some();
    html! {
        <div class={classes!("kizuki-plan", printing.then_some("kizuki-plan--document"))}
             {onkeydown} {onpointerdown}>
            if !printing {
                <h2 class="kizuki-title">{ props.pack.pack().title.get(lang) }</h2>
                <p class="kizuki-description">{ &text.intro }</p>
                <p class="kizuki-plan-encrypted">{ &text.encrypted_note }</p>
            }
            { notice_view(&ctx, Place::Top) }
            { body }
        </div>
    }
}

/// The notice shown at `place`, if the current one belongs there; an empty live region
/// otherwise, so that later news there is read out. Away from the top, the notice takes focus
/// (it answers what the person just did there).
pub(crate) fn notice_view(ctx: &Ctx<'_>, place: Place) -> Html {
    let shown = ctx
        .state
        .notice
        .as_ref()
        .filter(|placed| placed.place == place)
        .map(|placed| placed.notice.shown(&ctx.text.data_panel, ctx.lang));
    html! {
        if place == Place::Top {
            { notice_slot(NoticeSlotProps {
                on_dismiss: Some(ctx.send::<MouseEvent>(Msg::Dismiss)),
                ..NoticeSlotProps::new(ctx.lang, shown, ctx.send::<MouseEvent>(Msg::LoadNewer))
            }) }
        } else {
            <FocusedNotice lang={ctx.lang} shown={shown} on_reload={ctx.send::<MouseEvent>(Msg::LoadNewer)}
                           on_dismiss={ctx.send::<MouseEvent>(Msg::Dismiss)} />
        }
    }
}

fn setup_screen(ctx: &Ctx<'_>) -> Html {
    let text = ctx.text;
    html! {
        <section class="kizuki-card kizuki-plan-lock" aria-labelledby={ctx.id("setup-heading")}>
            <h3 id={ctx.id("setup-heading")}>{ &text.setup_heading }</h3>
            <p>{ &text.setup_intro }</p>
            <div class="kizuki-notice kizuki-notice--warning kizuki-plan-warning" role="note">
                <p class="kizuki-plan-warning-title"><strong>{ &text.setup_warning_heading }</strong></p>
                <p>{ &text.setup_warning }</p>
            </div>
            <NewPassphraseForm id={ctx.id("setup")} lang={ctx.lang} busy={ctx.state.busy}
                               button={text.setup_button.to_string()}
                               on_submit={flows::on_setup(ctx)} />
        </section>
    }
}

fn unlock_screen(ctx: &Ctx<'_>) -> Html {
    let text = ctx.text;
    html! {
        <section class="kizuki-card kizuki-plan-lock" aria-labelledby={ctx.id("unlock-heading")}>
            <h3 id={ctx.id("unlock-heading")}>{ &text.unlock_heading }</h3>
            <p>{ &text.unlock_intro }</p>
            <PassphraseEntry id={ctx.id("unlock")} lang={ctx.lang} busy={ctx.state.busy}
                             button={text.unlock_button.to_string()} on_submit={flows::on_unlock(ctx)} />
            { notice_view(ctx, Place::Unlock) }
            if matches!(&ctx.state.notice, Some(Placed { notice: Notice::Kit(PlanNotice::DamagedRecord), .. })) {
                <div class="kizuki-card kizuki-card--current kizuki-plan-damaged" role="group"
                     aria-labelledby={ctx.id("damaged-heading")}>
                    <p id={ctx.id("damaged-heading")}><strong>{ &text.damaged_heading }</strong></p>
                    <p>{ &text.damaged_text }</p>
                    <div class="kizuki-actions">
                        <button type="button" class="kizuki-button kizuki-button--secondary"
                                onclick={flows::on_download_stored(ctx)}>
                            { &text.damaged_download }
                        </button>
                        <button type="button" class="kizuki-button" onclick={flows::on_keep_aside(ctx)}>
                            { &text.damaged_keep_aside }
                        </button>
                    </div>
                </div>
            }
            <details class="kizuki-disclosure kizuki-plan-forgot">
                <summary>{ &text.forgot_heading }</summary>
                <p>{ &text.forgot_text }</p>
                <Confirm lang={ctx.lang} danger=true open_label={text.data_panel.erase.to_string()}
                         question={text.data_panel.erase_confirm_text.to_string()}
                         yes_label={text.data_panel.erase_confirm.to_string()}
                         on_confirm={flows::on_erase(ctx)} />
            </details>
        </section>
    }
}

fn workspace(ctx: &Ctx<'_>) -> Html {
    let text = ctx.text;
    html! {
        <>
            <div class="kizuki-plan-toolbar">
                <p class="kizuki-plan-unlocked">{ &text.unlocked_status }</p>
                <button type="button" class="kizuki-button kizuki-button--secondary kizuki-plan-lock-button"
                        onclick={ctx.send(Msg::Lock { auto: false })}>
                    { &text.lock_button }
                </button>
            </div>
            { case_view::case_list(ctx) }
            if let Some(id) = &ctx.state.selected {
                if let Some(case) = ctx.state.cases.cases.get(id) {
                    { case_view::case_view(ctx, id, case) }
                }
            }
            { data::data_panel(ctx) }
        </>
    }
}
