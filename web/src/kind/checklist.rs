//! The implementation checklist (Kit 1): the workplace profile, one screen per area, and the
//! results with the action plan, where to get help, a draft 心の健康づくり計画, print, files
//! and comparison with an earlier export.
//!
//! The answers live in a reducer whose messages are the core's `ChecklistAction`s; every
//! number shown comes from `Checklist::result`. The record is the web shell's
//! (`shell::record`): the reducer queues a save after every change (and the files panel's
//! downloads, import and erasing), the view runs them after rendering; "newer in another
//! tab" is the shell's `other_tab`.

mod draft;
mod files;
mod questions;
mod quick;
mod results;
mod state;
mod text;
mod widgets;

use std::rc::Rc;

use yew::prelude::*;

use self::files::ComparePanel;
use self::state::{Ctx, Model, Msg, Notice, Screen};
use super::KitProps;
use crate::print;
use crate::shell;
use crate::shell::kit::ShellMsg;
use crate::shell::notice::{notice_slot, NoticeSlotProps};

/// Where a notice is shown: what the files panel did in its status line; an import or
/// erasing above the screens (the screen changes with it); problems with storage or
/// another tab, and a refused change, as an alert above the screens.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Place {
    Top,
    Problem,
    Files,
}

fn place(notice: &Notice) -> Place {
    match notice {
        Notice::Imported(_) | Notice::Erased => Place::Top,
        Notice::Storage(_) | Notice::KeptAside(_) | Notice::OtherTab | Notice::Kit(_) => {
            Place::Problem
        }
        Notice::Exported(_)
        | Notice::ExportFailed(_)
        | Notice::ImportRefused { .. }
        | Notice::CopyFailed
        | Notice::Restored => Place::Files,
    }
}

/// The files panel closed under a screen of questions, its heading the summary.
fn files_disclosure(text: &text::ChecklistText, files: Html) -> Html {
    html! {
        <details class="kizuki-card kizuki-disclosure kizuki-cl-files-disclosure" data-testid="files-disclosure">
            <summary>{ &text.files_heading }</summary>
            { files }
        </details>
    }
}

/// The checklist kit.
#[function_component(ChecklistView)]
pub fn view(props: &KitProps) -> Html {
    let model = {
        let pack = props.pack.clone();
        let namespace = props.namespace.clone();
        use_reducer(move || Model::new(pack, &namespace))
    };
    // An earlier export loaded for comparison (never stored).
    let earlier = use_state(|| None::<files::Earlier>);
    let heading = use_node_ref();

    // The effects the reducer queued run after rendering; another tab's save is heard.
    shell::kit::use_shell(&model);

    // Draft-plan edits kept under the old separate key move into the record, once.
    {
        let dispatcher = model.dispatcher();
        let answers = model.answers.clone();
        let old_draft_key = state::old_draft_key(&props.namespace, &props.pack);
        use_effect_with((), move |_| {
            for action in draft::migrate_old_edits(&old_draft_key, &answers) {
                dispatcher.dispatch(Msg::Apply(action));
            }
        });
    }

    // Move focus to the new screen's heading when the screen changes (not on first render).
    {
        let heading = heading.clone();
        let first = use_mut_ref(|| true);
        use_effect_with(model.screen, move |_| {
            if std::mem::replace(&mut *first.borrow_mut(), false) {
                return;
            }
            if let Some(element) = heading.cast::<web_sys::HtmlElement>() {
                let _ = element.focus();
            }
        });
    }

    let ctx = Ctx {
        pack: props.pack.clone(),
        lang: props.lang,
        ids: Rc::from(format!("kizuki-{}-", props.namespace)),
        center: props.center.clone(),
        directory: props.directory.clone(),
        answers: model.answers.clone(),
        comparison: earlier.as_ref().map(|earlier| {
            Rc::new(state::checklist_of(&props.pack).compare(&earlier.answers, &model.answers))
        }),
        apply: model.dispatcher().to_callback().reform(Msg::Apply),
        dispatcher: model.dispatcher(),
    };
    let text = ctx.text();
    let checklist = ctx.checklist();
    let result = checklist.scores(&ctx.answers);
    let go = model.dispatcher().to_callback().reform(Msg::Go);
    let dismiss = shell::kit::send(model.dispatcher(), ShellMsg::Dismiss);

    let current = match model.screen {
        Screen::Area(index) if !checklist.areas_to_ask(&ctx.answers).contains(&index) => {
            Screen::Profile
        }
        Screen::Area(_) | Screen::Results | Screen::Quick | Screen::QuickResults
            if !checklist.profile_complete(&ctx.answers) =>
        {
            Screen::Profile
        }
        other => other,
    };
    let words = &text.data_panel;
    let notice = model.shell.notice.as_ref();
    let shown = |at: Place| {
        notice
            .filter(|notice| place(notice) == at)
            .map(|notice| notice.shown(words, ctx.lang))
    };
    let reload = shell::kit::send(model.dispatcher(), ShellMsg::Reload);
    let files = files::files_panel(&ctx, &model, shown(Place::Files), reload.clone());
    let body = match current {
        // The files panel: closed under the questions (a person stopping half-way, to go on
        // on another device or keep a copy, finds it where they stopped), open on the results.
        Screen::Profile => html! {
            <>
                { questions::profile_screen(&ctx, &heading, &go) }
                { files_disclosure(text, files) }
            </>
        },
        Screen::Area(index) => html! {
            <div class="kizuki-cl-with-nav">
                <div class="kizuki-cl-main">
                    { widgets::progress(&ctx, result.answered, result.applicable) }
                    { questions::area_screen(&ctx, &result, index, &heading, &go) }
                    { files_disclosure(text, files) }
                </div>
                { widgets::contents(&ctx, &result, current, &go) }
            </div>
        },
        Screen::Quick => html! {
            <div class="kizuki-cl-main">
                { quick::quick_screen(&ctx, &heading, &go) }
                { files_disclosure(text, files) }
            </div>
        },
        Screen::QuickResults => quick::quick_results(&ctx, &heading, &go, files),
        Screen::Results => {
            let results_sheet = NodeRef::default();
            let print = print::on_print(results_sheet.clone());
            let back = {
                let go = go.clone();
                let first = checklist.areas_to_ask(&ctx.answers).first().copied();
                Callback::from(move |_: MouseEvent| {
                    go.emit(first.map_or(Screen::Profile, Screen::Area))
                })
            };
            html! {
                <div class="kizuki-cl-with-nav">
                    <section ref={results_sheet} class="kizuki-cl-main kizuki-cl-results" aria-labelledby={ctx.id(&["screen-heading"])}
                             data-testid="results">
                        <h3 class="kizuki-cl-screen-heading" id={ctx.id(&["screen-heading"])} tabindex="-1"
                            ref={heading.clone()}>
                            { &text.results_heading }
                        </h3>
                        // Which checklist and which day: a printout compared a year later says both.
                        <p class="kizuki-hint kizuki-cl-result-as-of" data-testid="result-as-of">
                            { crate::locale::result_as_of(ctx.lang, ctx.pack.pack().title.get(ctx.lang)) }
                        </p>
                        { widgets::workplace_line(&ctx) }
                        <p class="kizuki-notice kizuki-cl-not-diagnosis">{ &text.not_a_diagnosis }</p>
                        { results::section_links(&ctx) }
                        { results::overall(&ctx, &result) }
                        { results::area_chart(&ctx, &result) }
                        <results::ActionPlan ctx={ctx.clone()} />
                        { results::back_to_top(&ctx) }
                        { results::where_to_get_help(&ctx) }
                        <draft::PlanDraftView key={format!("draft-{}", model.epoch)} ctx={ctx.clone()} />
                        { results::back_to_top(&ctx) }
                        <div class="kizuki-actions kizuki-no-print kizuki-cl-print-row">
                            <button type="button" class="kizuki-button" data-testid="print" onclick={print}>
                                { &text.print }
                            </button>
                            <p class="kizuki-hint">{ &text.print_hint }</p>
                        </div>
                        { files }
                        <ComparePanel ctx={ctx.clone()} earlier={earlier.clone()} />
                        <div class="kizuki-cl-pager">
                            <button type="button" class="kizuki-button kizuki-button--secondary" onclick={back}>
                                { &text.back_to_answers }
                            </button>
                        </div>
                    </section>
                    { widgets::contents(&ctx, &result, current, &go) }
                </div>
            }
        }
    };

    html! {
        <div class="kizuki-kit kizuki-cl" data-screen={match current {
            Screen::Profile => "profile",
            Screen::Area(_) => "area",
            Screen::Results => "results",
            Screen::Quick => "quick",
            Screen::QuickResults => "quick-results",
        }}>
            <h2 class="kizuki-title">{ props.pack.pack().title.get(props.lang) }</h2>
            if current == Screen::Profile {
                <p class="kizuki-description">{ &text.intro }</p>
                <p class="kizuki-hint">{ &text.autosave_note }</p>
            }
            { notice_slot(NoticeSlotProps {
                testid: Some("notice"),
                class: classes!("kizuki-no-print"),
                on_dismiss: Some(dismiss.clone()),
                ..NoticeSlotProps::new(ctx.lang, shown(Place::Top), reload.clone())
            }) }
            { notice_slot(NoticeSlotProps {
                testid: Some("problem"),
                urgent: true,
                on_dismiss: Some(dismiss),
                ..NoticeSlotProps::new(ctx.lang, shown(Place::Problem), reload)
            }) }
            { body }
        </div>
    }
}
