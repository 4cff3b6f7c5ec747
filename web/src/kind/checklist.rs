//! The implementation checklist (Kit 1): the workplace profile, one screen per area, and the
//! results with the action plan, where to get help, a draft 心の健康づくり計画, print, files
//! and comparison with an earlier export.
//!
//! The answers live in a reducer whose messages are the core's `ChecklistAction`s; every
//! number shown comes from `Checklist::result`. Answers are saved after every change with
//! `platform::save_plain` and loaded on the first render with `platform::load_plain`.

mod draft;
mod files;
mod questions;
mod quick;
mod results;
mod state;
mod text;
mod widgets;

use std::rc::Rc;

use kizuki_core::export::KitState;
use kizuki_core::kind::checklist::{Checklist, ChecklistAnswers};
use yew::prelude::*;

use self::files::{ComparePanel, FilesPanel};
use self::state::{Ctx, Model, Msg, Screen};
use self::text::{fill, ChecklistText};
use super::KitProps;
use crate::platform::{self, LoadProblem, StorageError};
use crate::print;

/// Something about storage the person should know.
#[derive(Debug, Clone, PartialEq)]
enum Notice {
    Storage(StorageError),
    KeptAside(String),
    /// Not a problem: the answers were erased as asked.
    Erased,
    /// Not a problem: a file was read in (its name). Kept here, above the screens, so the
    /// message survives the move to the results.
    Imported(String),
}

/// The message for a storage problem.
fn storage_message(text: &ChecklistText, error: &StorageError) -> String {
    match error {
        StorageError::Unavailable => text.storage_unavailable.to_string(),
        StorageError::Full => text.storage_full.to_string(),
        StorageError::NewerElsewhere => text.storage_newer_elsewhere.to_string(),
        StorageError::NewerVersion => text.storage_newer_version.to_string(),
        StorageError::KeptInPlace => text.storage_kept_in_place.to_string(),
        StorageError::Other(detail) => fill(text.storage_other, &[("detail", detail)]),
    }
}

fn answers_of(state: KitState) -> ChecklistAnswers {
    state.into_state::<Checklist>().unwrap_or_default()
}

/// The checklist kit.
#[function_component(ChecklistView)]
pub fn view(props: &KitProps) -> Html {
    let loaded = {
        let pack = props.pack.clone();
        let namespace = props.namespace.clone();
        use_memo((), move |_| platform::load_plain(&pack, &namespace))
    };
    let model = {
        let pack = props.pack.clone();
        let answers = answers_of(loaded.state.clone());
        use_reducer(move || Model::new(pack, answers))
    };
    let revision = use_mut_ref(|| loaded.revision);
    // The answers as this tab last read or wrote them: when another tab saved in between,
    // the draft plan's sections are merged against it (see the autosave).
    let base = {
        let answers = answers_of(loaded.state.clone());
        use_mut_ref(move || answers)
    };
    let notice = {
        let first = match &loaded.problem {
            Some(LoadProblem::Storage(error)) => Some(Notice::Storage(error.clone())),
            Some(LoadProblem::KeptAside { key, .. }) => Some(Notice::KeptAside(key.clone())),
            None => None,
        };
        use_state(move || first)
    };
    let screen = {
        let checklist = state::checklist_of(&props.pack);
        let answers = model.answers.clone();
        use_state(move || Screen::start(checklist, &answers))
    };
    // Bumped on erase and import so the draft plan re-reads its stored edits.
    let epoch = use_state(|| 0u32);
    // An earlier export loaded for comparison (never stored).
    let earlier = use_state(|| None::<files::Earlier>);
    let heading = use_node_ref();

    // Autosave after every change.
    {
        let pack = props.pack.clone();
        let namespace = props.namespace.clone();
        let revision = revision.clone();
        let notice = notice.clone();
        let dispatcher = model.dispatcher();
        let answers = model.answers.clone();
        let base = base.clone();
        let old_draft_key = format!(
            "{}/plan-draft",
            platform::record_key(&props.namespace, &props.pack.pack().id)
        );
        use_effect_with(model.changes, move |changes| {
            if *changes > 0 {
                let state = KitState::Checklist((*answers).clone());
                let current = *revision.borrow();
                match platform::save_plain(&pack, &namespace, &state, current) {
                    Ok(next) => {
                        *revision.borrow_mut() = next;
                        *base.borrow_mut() = (*answers).clone();
                        // The draft plan now lives in the record: the old separate key goes
                        // once a record holding a plan is saved.
                        if !answers.plan.is_empty() {
                            let _ = platform::remove(&old_draft_key);
                        }
                        if matches!(&*notice, Some(Notice::Storage(_) | Notice::Erased)) {
                            notice.set(None);
                        }
                    }
                    Err(StorageError::NewerElsewhere) => {
                        let newer = platform::load_plain(&pack, &namespace);
                        *revision.borrow_mut() = newer.revision;
                        let newer = answers_of(newer.state);
                        // Another tab saved since this one read: its answers win, but the
                        // core merges the draft plan so no text either tab typed is lost (a
                        // section both changed keeps the other's text as a conflict copy).
                        let merged = kizuki_core::kind::checklist::merge_plan(
                            &base.borrow(),
                            &answers,
                            newer.clone(),
                        );
                        *base.borrow_mut() = newer.clone();
                        let save = merged != newer;
                        dispatcher.dispatch(Msg::Replace {
                            answers: merged,
                            save,
                        });
                        notice.set(Some(Notice::Storage(StorageError::NewerElsewhere)));
                    }
                    Err(error) => notice.set(Some(Notice::Storage(error))),
                }
            }
        });
    }

    // Draft-plan edits kept under the old separate key move into the record, once.
    {
        let dispatcher = model.dispatcher();
        let answers = model.answers.clone();
        let old_draft_key = format!(
            "{}/plan-draft",
            platform::record_key(&props.namespace, &props.pack.pack().id)
        );
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
        use_effect_with(*screen, move |_| {
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
        namespace: Rc::from(props.namespace.as_str()),
        center: props.center.clone(),
        directory: props.directory.clone(),
        answers: model.answers.clone(),
        comparison: earlier.as_ref().map(|earlier| {
            Rc::new(state::checklist_of(&props.pack).compare(&earlier.answers, &model.answers))
        }),
        apply: {
            let dispatcher = model.dispatcher();
            Callback::from(move |action| dispatcher.dispatch(Msg::Apply(action)))
        },
    };
    let text = ctx.text();
    let checklist = ctx.checklist();
    let result = checklist.scores(&ctx.answers);
    let go = {
        let screen = screen.clone();
        Callback::from(move |next: Screen| screen.set(next))
    };
    // A file read in goes to its results, the message with it; the answers from before an
    // import, put back ("undo"), stay on the screen shown.
    let on_import = {
        let dispatcher = model.dispatcher();
        let epoch = epoch.clone();
        let notice = notice.clone();
        let screen = screen.clone();
        let pack = props.pack.clone();
        Callback::from(move |(file, answers): (Option<String>, ChecklistAnswers)| {
            if let Some(file) = file {
                notice.set(Some(Notice::Imported(file)));
                let quick = answers.mode == kizuki_core::kind::checklist::AuditMode::Quick;
                screen.set(if quick {
                    Screen::start(state::checklist_of(&pack), &answers)
                } else {
                    Screen::Results
                });
            }
            dispatcher.dispatch(Msg::Replace {
                answers,
                save: true,
            });
            epoch.set(epoch.wrapping_add(1));
        })
    };
    let on_erase = {
        let dispatcher = model.dispatcher();
        let epoch = epoch.clone();
        let revision = revision.clone();
        let notice = notice.clone();
        let ctx = ctx.clone();
        let screen = screen.clone();
        Callback::from(move |()| {
            let record = platform::record_key(&ctx.namespace, &ctx.pack.pack().id);
            let removed = platform::remove(&record)
                .and(platform::remove(&ctx.draft_key()))
                .and(platform::remove(&crate::import_confirm::undo_key(&record)));
            notice.set(Some(removed.err().map_or(Notice::Erased, Notice::Storage)));
            *revision.borrow_mut() = 0;
            dispatcher.dispatch(Msg::Replace {
                answers: ChecklistAnswers::default(),
                save: false,
            });
            epoch.set(epoch.wrapping_add(1));
            screen.set(Screen::Profile);
        })
    };
    let dismiss = {
        let notice = notice.clone();
        Callback::from(move |_: MouseEvent| notice.set(None))
    };

    let current = match *screen {
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
    let files = html! {
        <FilesPanel ctx={ctx.clone()} revision={revision.clone()}
                    on_import={on_import} on_erase={on_erase} />
    };
    let body = match current {
        Screen::Profile => html! {
            <>
                { questions::profile_screen(&ctx, &heading, &go) }
                <details class="kizuki-card kizuki-disclosure kizuki-cl-files-disclosure">
                    <summary>{ &text.files_heading }</summary>
                    { files }
                </details>
            </>
        },
        Screen::Area(index) => html! {
            <div class="kizuki-cl-with-nav">
                <div class="kizuki-cl-main">
                    { widgets::progress(&ctx, &result) }
                    { questions::area_screen(&ctx, &result, index, &heading, &go) }
                </div>
                { widgets::contents(&ctx, &result, current, &go) }
            </div>
        },
        Screen::Quick => html! {
            <div class="kizuki-cl-main">{ quick::quick_screen(&ctx, &heading, &go) }</div>
        },
        Screen::QuickResults => quick::quick_results(&ctx, &heading, &go),
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
                        { widgets::workplace_line(&ctx) }
                        <p class="kizuki-notice kizuki-cl-not-diagnosis">{ &text.not_a_diagnosis }</p>
                        { results::section_links(&ctx) }
                        { results::overall(&ctx, &result) }
                        { results::area_chart(&ctx, &result) }
                        <results::ActionPlan ctx={ctx.clone()} />
                        { results::back_to_top(&ctx) }
                        { results::where_to_get_help(&ctx) }
                        <draft::PlanDraftView key={format!("draft-{}", *epoch)} ctx={ctx.clone()} />
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
            <div role="status" data-testid="notice">
                if let Some(done @ (Notice::Erased | Notice::Imported(_))) = &*notice {
                    <div class="kizuki-notice kizuki-notice--success kizuki-no-print">
                        <p>{ match done {
                            Notice::Imported(file) => fill(text.imported, &[("file", file)]),
                            _ => text.erased.to_string(),
                        } }</p>
                        <button type="button" class="kizuki-button kizuki-button--quiet kizuki-button--small" onclick={dismiss.clone()}>{ &text.dismiss }</button>
                    </div>
                }
            </div>
            if let Some(problem) = notice.as_ref().filter(|n| !matches!(n, Notice::Erased | Notice::Imported(_))) {
                <div class="kizuki-notice kizuki-notice--error" role="alert" data-testid="problem">
                    <p>{ match problem {
                        Notice::Storage(error) => storage_message(text, error),
                        Notice::KeptAside(key) => fill(text.storage_kept_aside, &[("key", key)]),
                        Notice::Erased | Notice::Imported(_) => String::new(),
                    } }</p>
                    <button type="button" class="kizuki-button kizuki-button--quiet kizuki-button--small" onclick={dismiss}>{ &text.dismiss }</button>
                </div>
            }
            { body }
        </div>
    }
}
