//! The stress self-check (a `questionnaire` pack): the respondent question with its reason,
//! one item per screen (answer buttons, or keys 1–4), progress, resume after reload, and
//! the result: the outcome, each high-stress method with the branches met, the
//! 個人のストレスプロフィール (SVG), advice, routes, the help directory, and files (export,
//! import with confirmation and undo, erase).
//!
//! The state is a reducer whose `Apply` messages are the core's `QuestionnaireAction`s;
//! every score comes from `Questionnaire::result`. Saved after every change.

mod profile;
mod text;

use std::rc::Rc;

use kizuki_core::export::{import, Export, KitState};
use kizuki_core::import_preview::{needs_confirmation, preview, ImportPreview};
use kizuki_core::kind::questionnaire::{
    Questionnaire, QuestionnaireAction, QuestionnaireAnswers, QuestionnaireResult,
};
use kizuki_core::Lang;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use self::text::{questionnaire_text, QuestionnaireText};
use super::{KitProps, PackRef};
use crate::help::HelpList;
use crate::import_confirm::{self, ImportConfirm, UndoImport};
use crate::locale::{error_message, fill};
use crate::platform::{self, LoadProblem, StorageError};

/// Which screen is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Screen {
    /// The introduction and the respondent questions.
    Start,
    /// The item at this index (in the order asked).
    Item(usize),
    /// The result.
    Result,
}

/// Something the person should know.
#[derive(Debug, Clone, PartialEq)]
enum Notice {
    Storage(String),
    KeptAside(String),
    Exported(String),
    ExportFailed(String),
    Imported(String),
    Refused { file: String, code: String },
    CopyFailed,
    Restored,
    Erased,
    GroupRefused,
}

impl Notice {
    fn is_problem(&self) -> bool {
        matches!(
            self,
            Notice::Storage(_)
                | Notice::KeptAside(_)
                | Notice::ExportFailed(_)
                | Notice::Refused { .. }
                | Notice::CopyFailed
                | Notice::GroupRefused
        )
    }
}

/// A checked file waiting for "replace what is saved?".
#[derive(Debug, Clone, PartialEq)]
struct Pending {
    name: String,
    answers: QuestionnaireAnswers,
    preview: ImportPreview,
}

/// The kit's state.
#[derive(Debug, Clone, PartialEq)]
struct Model {
    pack: PackRef,
    namespace: String,
    answers: QuestionnaireAnswers,
    revision: u64,
    screen: Screen,
    notice: Option<Notice>,
    pending: Option<Pending>,
    undo_kept: bool,
    confirm_erase: bool,
    /// Bumped when the screen changes, so focus moves to its heading.
    focus: u32,
}

/// What the view asks the model to do.
enum Msg {
    Apply(QuestionnaireAction),
    /// Answers the item at this index and goes to the next screen.
    AnswerAndNext(usize, String),
    Go(Screen),
    ExportJson,
    ExportCsv(Lang),
    Import(String, String),
    ImportUnreadable(String),
    ConfirmImport,
    CancelImport,
    UndoImport,
    RemoveUndoCopy,
    AskErase(bool),
    Erase,
    Dismiss,
}

fn questionnaire_of(pack: &PackRef) -> &Questionnaire {
    pack.content::<Questionnaire>()
        .expect("the frame shows this view only for a questionnaire pack")
}

fn answers_of(state: KitState) -> Option<QuestionnaireAnswers> {
    state.get::<Questionnaire>().cloned()
}

impl Model {
    fn new(pack: PackRef, namespace: String) -> Model {
        let loaded = platform::load_plain(&pack, &namespace);
        let notice = loaded.problem.map(|problem| match problem {
            LoadProblem::Storage(error) => Notice::Storage(error.code().to_string()),
            LoadProblem::KeptAside { key, .. } => Notice::KeptAside(key),
        });
        let answers = answers_of(loaded.state).unwrap_or_default();
        let undo_kept =
            import_confirm::undo_copy(&platform::record_key(&namespace, &pack.pack().id)).is_some();
        let mut model = Model {
            pack,
            namespace,
            answers,
            revision: loaded.revision,
            screen: Screen::Start,
            notice,
            pending: None,
            undo_kept,
            confirm_erase: false,
            focus: 0,
        };
        model.screen = model.resume_screen();
        model
    }

    fn questionnaire(&self) -> &Questionnaire {
        questionnaire_of(&self.pack)
    }

    fn record_key(&self) -> String {
        platform::record_key(&self.namespace, &self.pack.pack().id)
    }

    /// Where a returning person picks up: the result when complete, the first unanswered
    /// item when some are answered, else the start.
    fn resume_screen(&self) -> Screen {
        let questionnaire = self.questionnaire();
        if questionnaire.result(&self.answers).complete {
            return Screen::Result;
        }
        if self.answers.items.is_empty() || !self.respondent_done() {
            return Screen::Start;
        }
        self.first_unanswered().map_or(Screen::Result, Screen::Item)
    }

    fn respondent_done(&self) -> bool {
        self.questionnaire()
            .respondent
            .iter()
            .all(|q| self.answers.respondent.contains_key(&q.id))
    }

    fn first_unanswered(&self) -> Option<usize> {
        self.questionnaire()
            .items()
            .position(|(_, item)| !self.answers.items.contains_key(&item.id))
    }

    fn apply(&mut self, action: &QuestionnaireAction) -> bool {
        let mut answers = self.answers.clone();
        match self.questionnaire().apply(&mut answers, action) {
            Ok(()) => {
                self.answers = answers;
                self.save();
                true
            }
            Err(error) => {
                self.notice = Some(match action {
                    QuestionnaireAction::SetGroup { .. } => Notice::GroupRefused,
                    _ => Notice::Refused {
                        file: String::new(),
                        code: error.code().to_string(),
                    },
                });
                false
            }
        }
    }

    fn save(&mut self) {
        let state = KitState::Questionnaire(self.answers.clone());
        match platform::save_plain(&self.pack, &self.namespace, &state, self.revision) {
            Ok(revision) => {
                self.revision = revision;
                if matches!(self.notice, Some(Notice::Storage(_))) {
                    self.notice = None;
                }
            }
            Err(StorageError::NewerElsewhere) => {
                let loaded = platform::load_plain(&self.pack, &self.namespace);
                if let Some(answers) = answers_of(loaded.state) {
                    self.answers = answers;
                }
                self.revision = loaded.revision;
                self.notice = Some(Notice::Storage(
                    StorageError::NewerElsewhere.code().to_string(),
                ));
            }
            Err(error) => self.notice = Some(Notice::Storage(error.code().to_string())),
        }
    }

    fn go(&mut self, screen: Screen) {
        self.screen = screen;
        self.focus = self.focus.wrapping_add(1);
    }

    fn replace(&mut self, name: String, answers: QuestionnaireAnswers) {
        self.answers = answers;
        self.save();
        self.notice = Some(Notice::Imported(name));
        let screen = self.resume_screen();
        self.go(screen);
    }
}

impl Reducible for Model {
    type Action = Msg;

    fn reduce(self: Rc<Self>, msg: Msg) -> Rc<Self> {
        let mut next = (*self).clone();
        if !matches!(msg, Msg::AskErase(_) | Msg::Erase) {
            next.confirm_erase = false;
        }
        match msg {
            Msg::Apply(action) => {
                next.apply(&action);
            }
            Msg::AnswerAndNext(index, choice) => {
                let item = next
                    .questionnaire()
                    .items()
                    .nth(index)
                    .map(|(_, i)| i.id.clone());
                if let Some(item) = item {
                    let action = QuestionnaireAction::Answer {
                        item,
                        choice: Some(choice),
                    };
                    if next.apply(&action) {
                        let total = next.questionnaire().items().count();
                        let screen = if index + 1 < total {
                            Screen::Item(index + 1)
                        } else {
                            next.first_unanswered().map_or(Screen::Result, Screen::Item)
                        };
                        next.go(screen);
                    }
                }
            }
            Msg::Go(screen) => {
                if next.notice.as_ref().is_some_and(|n| !n.is_problem()) {
                    next.notice = None;
                }
                next.go(screen);
            }
            Msg::ExportJson => {
                let export = Export::new(
                    &next.pack,
                    KitState::Questionnaire(next.answers.clone()),
                    &platform::now_iso(),
                    next.revision,
                );
                let file = format!("{}-{}.json", next.pack.pack().id, platform::today());
                next.notice = Some(
                    match platform::download(&file, "application/json", &export.to_json()) {
                        Ok(()) => Notice::Exported(file),
                        Err(detail) => Notice::ExportFailed(detail),
                    },
                );
            }
            Msg::ExportCsv(lang) => {
                let state = KitState::Questionnaire(next.answers.clone());
                let csv = next.pack.pack().kit.csv(&state, lang, &platform::today());
                let file = format!("{}-{}.csv", next.pack.pack().id, platform::today());
                next.notice = Some(
                    match csv
                        .map_err(|e| e.to_string())
                        .and_then(|csv| platform::download(&file, "text/csv;charset=utf-8", &csv))
                    {
                        Ok(()) => Notice::Exported(file),
                        Err(detail) => Notice::ExportFailed(detail),
                    },
                );
            }
            Msg::Import(name, contents) => match import(&next.pack, contents.as_bytes()) {
                Ok(file) => {
                    let saved = platform::read(&next.record_key())
                        .ok()
                        .flatten()
                        .and_then(|text| import(&next.pack, text.as_bytes()).ok());
                    let ask = needs_confirmation(&file, saved.as_ref());
                    let compared = saved.as_ref().map(|saved| preview(&file, saved));
                    match (answers_of(file.state.clone()), compared) {
                        (None, _) => {
                            next.notice = Some(Notice::Refused {
                                file: name,
                                code: "does_not_fit".into(),
                            })
                        }
                        (Some(answers), Some(preview)) if ask => {
                            next.notice = None;
                            next.pending = Some(Pending {
                                name,
                                answers,
                                preview,
                            });
                        }
                        (Some(answers), _) => next.replace(name, answers),
                    }
                }
                Err(error) => {
                    next.notice = Some(Notice::Refused {
                        file: name,
                        code: error.code().to_string(),
                    })
                }
            },
            Msg::ImportUnreadable(code) => {
                next.notice = Some(Notice::Refused {
                    file: String::new(),
                    code,
                })
            }
            Msg::ConfirmImport => {
                if let Some(pending) = next.pending.take() {
                    match import_confirm::keep_before_import(&next.record_key()) {
                        Ok(()) => {
                            next.undo_kept = true;
                            next.replace(pending.name, pending.answers);
                        }
                        Err(_) => next.notice = Some(Notice::CopyFailed),
                    }
                }
            }
            Msg::CancelImport => next.pending = None,
            Msg::UndoImport => {
                let key = next.record_key();
                let kept = import_confirm::undo_copy(&key)
                    .and_then(|text| import(&next.pack, text.as_bytes()).ok())
                    .and_then(|export| answers_of(export.state));
                if let Some(answers) = kept {
                    next.answers = answers;
                    next.save();
                    let _ = platform::remove(&import_confirm::undo_key(&key));
                    next.undo_kept = false;
                    next.notice = Some(Notice::Restored);
                }
            }
            Msg::RemoveUndoCopy => {
                if platform::remove(&import_confirm::undo_key(&next.record_key())).is_ok() {
                    next.undo_kept = false;
                }
            }
            Msg::AskErase(ask) => next.confirm_erase = ask,
            Msg::Erase => {
                let key = next.record_key();
                next.confirm_erase = false;
                match platform::remove(&key).and(platform::remove(&import_confirm::undo_key(&key)))
                {
                    Ok(()) => {
                        next.answers = QuestionnaireAnswers::default();
                        next.revision = 0;
                        next.undo_kept = false;
                        next.notice = Some(Notice::Erased);
                        next.go(Screen::Start);
                    }
                    Err(error) => next.notice = Some(Notice::Storage(error.code().to_string())),
                }
            }
            Msg::Dismiss => next.notice = None,
        }
        Rc::new(next)
    }
}

use crate::markup::inline as rich;

fn notice_text(text: &QuestionnaireText, lang: Lang, notice: &Notice) -> String {
    let ui = crate::locale::ui_text(lang);
    match notice {
        Notice::Storage(code) => fill(text.storage_problem, &[("detail", code)]),
        Notice::KeptAside(key) => fill(text.storage_kept_aside, &[("key", key)]),
        Notice::Exported(file) => fill(text.exported, &[("file", file)]),
        Notice::ExportFailed(detail) => fill(text.export_failed, &[("detail", detail)]),
        Notice::Imported(file) => fill(text.imported, &[("file", file)]),
        Notice::Refused { file, code } => fill(
            text.import_refused,
            &[("file", file), ("reason", error_message(lang, code))],
        ),
        Notice::CopyFailed => ui.import_copy_failed.to_string(),
        Notice::Restored => ui.import_undo_done.to_string(),
        Notice::Erased => text.erased.to_string(),
        Notice::GroupRefused => text.group_refused.to_string(),
    }
}

/// The stress self-check kit.
#[function_component(QuestionnaireView)]
pub fn view(props: &KitProps) -> Html {
    let model = {
        let pack = props.pack.clone();
        let namespace = props.namespace.clone();
        use_reducer(move || Model::new(pack, namespace))
    };
    let heading = use_node_ref();
    {
        let heading = heading.clone();
        use_effect_with(model.focus, move |focus| {
            if *focus > 0 {
                if let Some(element) = heading.cast::<web_sys::HtmlElement>() {
                    let _ = element.focus();
                }
            }
        });
    }
    let lang = props.lang;
    let text = questionnaire_text(lang);
    let questionnaire = questionnaire_of(&props.pack);
    let result = questionnaire.result(&model.answers);
    let id = |suffix: &str| format!("kizuki-{}-qn-{suffix}", props.namespace);
    let send = |msg: fn() -> Msg| {
        let model = model.clone();
        Callback::from(move |_: MouseEvent| model.dispatch(msg()))
    };

    let body = match model.screen {
        Screen::Start => start_screen(&model, questionnaire, &result, text, lang, &heading, &id),
        Screen::Item(index) => item_screen(
            &model,
            questionnaire,
            &result,
            text,
            lang,
            index,
            &heading,
            &id,
        ),
        Screen::Result => result_screen(&model, props, questionnaire, &result, text, &heading, &id),
    };
    let files = files_panel(&model, text, lang, &id, &send);
    let notice = model.notice.as_ref().map(|notice| {
        let class = if notice.is_problem() {
            "kizuki-notice kizuki-notice--error"
        } else {
            "kizuki-notice kizuki-notice--success"
        };
        html! {
            <div class={class} data-testid="notice">
                <p>{ notice_text(text, lang, notice) }</p>
                <button type="button" class="kizuki-button kizuki-button--quiet kizuki-button--small"
                        onclick={send(|| Msg::Dismiss)}>{ &text.dismiss }</button>
            </div>
        }
    });
    html! {
        <div class="kizuki-kit kizuki-qn" data-screen={match model.screen {
            Screen::Start => "start",
            Screen::Item(_) => "item",
            Screen::Result => "result",
        }}>
            <h2 class="kizuki-title">{ props.pack.pack().title.get(lang) }</h2>
            <div role="status">{ for notice }</div>
            { body }
            <details class="kizuki-card kizuki-disclosure kizuki-qn-files" open={model.screen == Screen::Result}>
                <summary>{ &text.files_heading }</summary>
                { files }
            </details>
        </div>
    }
}

fn start_screen(
    model: &UseReducerHandle<Model>,
    questionnaire: &Questionnaire,
    result: &QuestionnaireResult,
    text: &QuestionnaireText,
    lang: Lang,
    heading: &NodeRef,
    id: &dyn Fn(&str) -> String,
) -> Html {
    let respondent_done = model.respondent_done();
    let begin = {
        let model = model.clone();
        let screen = model
            .first_unanswered()
            .map_or(Screen::Result, Screen::Item);
        Callback::from(move |_: MouseEvent| model.dispatch(Msg::Go(screen)))
    };
    let label = if result.answered > 0 {
        fill(
            text.resume,
            &[
                ("answered", &result.answered.to_string()),
                ("total", &result.total.to_string()),
            ],
        )
    } else {
        text.start.to_string()
    };
    html! {
        <section class="kizuki-qn-start" aria-labelledby={id("start-heading")} data-testid="start">
            <h3 id={id("start-heading")} tabindex="-1" ref={heading.clone()}>
                { questionnaire.instrument.name.get(lang) }
            </h3>
            <p class="kizuki-description">{ &text.intro }</p>
            <p class="kizuki-notice" data-testid="not-statutory">{ &text.not_statutory }</p>
            <p class="kizuki-hint">{ &text.not_diagnosis }{ " " }{ &text.autosave_note }</p>
            if !questionnaire.respondent.is_empty() {
                <h4>{ &text.respondent_heading }</h4>
            }
            { for questionnaire.respondent.iter().map(|question| {
                let legend = id(&format!("respondent-{}", question.id));
                html! {
                    <fieldset class="kizuki-question" aria-describedby={format!("{legend}-why")}>
                        <legend id={legend.clone()}>{ question.label.get(lang) }</legend>
                        <p class="kizuki-hint" id={format!("{legend}-why")} data-testid="respondent-why">{ question.why.get(lang) }</p>
                        <div class="kizuki-options kizuki-options--grid">
                            { for question.options.iter().map(|option| {
                                let checked = model.answers.respondent.get(&question.id) == Some(&option.id);
                                let onchange = {
                                    let model = model.clone();
                                    let action = QuestionnaireAction::SetRespondent {
                                        question: question.id.clone(),
                                        choice: option.id.clone(),
                                    };
                                    Callback::from(move |_: Event| model.dispatch(Msg::Apply(action.clone())))
                                };
                                let input_id = format!("{legend}-{}", option.id);
                                html! {
                                    <div class="kizuki-option">
                                        <input type="radio" id={input_id.clone()} name={legend.clone()} value={option.id.clone()}
                                               checked={checked} onchange={onchange}
                                               data-testid={format!("respondent-{}-{}", question.id, option.id)} />
                                        <label for={input_id}>{ option.label.get(lang) }</label>
                                    </div>
                                }
                            }) }
                        </div>
                    </fieldset>
                }
            }) }
            if questionnaire.group_analysis.is_some() {
                <div class="kizuki-field">
                    <label for={id("group")}>{ &text.group_label }</label>
                    <p class="kizuki-hint" id={id("group-hint")}>{ &text.group_hint }</p>
                    <input type="text" id={id("group")} class="kizuki-input" maxlength="40" data-testid="group"
                           aria-describedby={id("group-hint")} value={model.answers.group.clone().unwrap_or_default()}
                           onchange={{
                               let model = model.clone();
                               Callback::from(move |event: Event| {
                                   let input: HtmlInputElement = event.target_unchecked_into();
                                   model.dispatch(Msg::Apply(QuestionnaireAction::SetGroup { group: input.value() }));
                               })
                           }} />
                </div>
            }
            if !respondent_done {
                <p class="kizuki-hint">{ &text.respondent_incomplete }</p>
            }
            <div class="kizuki-actions">
                <button type="button" class="kizuki-button" data-testid="start-button"
                        disabled={!respondent_done} onclick={begin}>{ label }</button>
            </div>
        </section>
    }
}

#[allow(clippy::too_many_arguments)]
fn item_screen(
    model: &UseReducerHandle<Model>,
    questionnaire: &Questionnaire,
    result: &QuestionnaireResult,
    text: &QuestionnaireText,
    lang: Lang,
    index: usize,
    heading: &NodeRef,
    id: &dyn Fn(&str) -> String,
) -> Html {
    let Some((section, item)) = questionnaire.items().nth(index) else {
        return Html::default();
    };
    let total = result.total;
    let chosen = model.answers.items.get(&item.id).cloned();
    let options = questionnaire
        .answer_scale(&section.scale)
        .map(|scale| scale.options.clone())
        .unwrap_or_default();
    let onkeydown = {
        let model = model.clone();
        let ids: Vec<String> = options.iter().map(|o| o.id.clone()).collect();
        Callback::from(move |event: KeyboardEvent| {
            let key = event.key();
            let position = key
                .parse::<usize>()
                .ok()
                .filter(|n| (1..=ids.len()).contains(n));
            if let Some(n) = position {
                event.prevent_default();
                model.dispatch(Msg::AnswerAndNext(index, ids[n - 1].clone()));
            }
        })
    };
    let previous = {
        let model = model.clone();
        let screen = if index == 0 {
            Screen::Start
        } else {
            Screen::Item(index - 1)
        };
        Callback::from(move |_: MouseEvent| model.dispatch(Msg::Go(screen)))
    };
    let next = {
        let model = model.clone();
        let screen = if index + 1 < total {
            Screen::Item(index + 1)
        } else {
            Screen::Result
        };
        Callback::from(move |_: MouseEvent| model.dispatch(Msg::Go(screen)))
    };
    let legend = id("item-legend");
    html! {
        <section class="kizuki-qn-item" aria-labelledby={legend.clone()} data-testid="item"
                 data-item={item.id.clone()} onkeydown={onkeydown}>
            <div class="kizuki-progress">
                <progress max={total.to_string()} value={result.answered.to_string()}
                          aria-label={text.progress_label}></progress>
                <span class="kizuki-progress-text" data-testid="progress">
                    { fill(text.question_of, &[("n", &(index + 1).to_string()), ("total", &total.to_string())]) }
                    { " · " }
                    { fill(text.answered_count, &[("answered", &result.answered.to_string()), ("total", &total.to_string())]) }
                </span>
            </div>
            <p class="kizuki-qn-instruction">{ section.instruction.get(lang) }</p>
            <fieldset class="kizuki-question kizuki-qn-question">
                <legend id={legend} tabindex="-1" ref={heading.clone()} class="kizuki-qn-legend">
                    <span class="kizuki-qn-number">
                        { fill(text.item_number, &[("section", section.label.get(lang)), ("number", &item.number)]) }
                    </span>
                    { " " }
                    { item.text.get(lang) }
                </legend>
                <div class="kizuki-qn-answers">
                    { for options.iter().enumerate().map(|(n, option)| {
                        let pressed = chosen.as_deref() == Some(option.id.as_str());
                        let onclick = {
                            let model = model.clone();
                            let choice = option.id.clone();
                            Callback::from(move |_: MouseEvent| model.dispatch(Msg::AnswerAndNext(index, choice.clone())))
                        };
                        html! {
                            <button type="button" class={classes!("kizuki-qn-answer", pressed.then_some("kizuki-qn-answer--chosen"))}
                                    aria-pressed={pressed.to_string()} onclick={onclick}
                                    data-testid={format!("answer-{}", option.id)}>
                                <span class="kizuki-qn-key" aria-hidden="true">{ n + 1 }</span>
                                { option.label.get(lang) }
                            </button>
                        }
                    }) }
                </div>
            </fieldset>
            <p class="kizuki-hint">{ &text.keys_hint }</p>
            <div class="kizuki-actions kizuki-qn-pager">
                <button type="button" class="kizuki-button kizuki-button--secondary" data-testid="previous"
                        onclick={previous}>{ if index == 0 { text.back_to_start } else { text.previous } }</button>
                if chosen.is_some() {
                    <button type="button" class="kizuki-button kizuki-button--secondary" data-testid="next"
                            onclick={next}>{ if index + 1 < total { text.next } else { text.to_results } }</button>
                }
            </div>
        </section>
    }
}

fn result_screen(
    model: &UseReducerHandle<Model>,
    props: &KitProps,
    questionnaire: &Questionnaire,
    result: &QuestionnaireResult,
    text: &QuestionnaireText,
    heading: &NodeRef,
    id: &dyn Fn(&str) -> String,
) -> Html {
    let lang = props.lang;
    let review = {
        let model = model.clone();
        Callback::from(move |_: MouseEvent| model.dispatch(Msg::Go(Screen::Item(0))))
    };
    if !result.complete {
        let first = model.first_unanswered();
        let to_first = {
            let model = model.clone();
            let screen = if model.respondent_done() {
                first.map_or(Screen::Start, Screen::Item)
            } else {
                Screen::Start
            };
            Callback::from(move |_: MouseEvent| model.dispatch(Msg::Go(screen)))
        };
        return html! {
            <section class="kizuki-qn-result" aria-labelledby={id("result-heading")} data-testid="result">
                <h3 id={id("result-heading")} tabindex="-1" ref={heading.clone()}>{ &text.results_heading }</h3>
                <p data-testid="incomplete">
                    { fill(text.incomplete, &[("left", &(result.total - result.answered).to_string())]) }
                </p>
                <button type="button" class="kizuki-button" onclick={to_first}>{ &text.first_unanswered }</button>
            </section>
        };
    }
    let outcome = result
        .outcome
        .as_deref()
        .and_then(|id| questionnaire.outcome(id));
    let sheet = NodeRef::default();
    let print = crate::print::on_print(sheet.clone());
    let rules = questionnaire.rules.iter().filter_map(|rule| {
        let got = result.rules.iter().find(|r| r.id == rule.id)?;
        let branches: Vec<&str> = got
            .branches
            .iter()
            .filter_map(|b| rule.branches.iter().find(|x| &x.id == b))
            .map(|b| b.label.get(lang))
            .collect();
        Some(html! {
            <li data-rule={rule.id.clone()} data-holds={got.holds.to_string()}>
                <strong>{ rule.label.get(lang) }{ "：" }</strong>
                { if got.holds { text.method_holds } else { text.method_not } }
                if got.holds {
                    <br />
                    <span class="kizuki-hint">{ fill(text.method_branches, &[("branches", &branches.join(" / "))]) }</span>
                }
            </li>
        })
    });
    let sums = questionnaire.sums.iter().filter_map(|sum| {
        let value = result.sums.iter().find(|s| s.id == sum.id)?.value;
        Some(html! {
            <tr data-sum={sum.id.clone()}><th scope="row">{ sum.label.get(lang) }</th><td>{ value }</td></tr>
        })
    });
    let raw_only = result.measures.iter().all(|m| m.points.is_none());
    let raw_rows = questionnaire.measures.iter().filter_map(|measure| {
        let got = result.measures.iter().find(|m| m.id == measure.id)?;
        let direction = match measure.direction {
            kizuki_core::kind::questionnaire::Direction::HigherIsWorse => text.worse_higher,
            kizuki_core::kind::questionnaire::Direction::HigherIsBetter => text.better_higher,
        };
        Some(html! {
            <tr><th scope="row">{ measure.label.get(lang) }{ " " }<span class="kizuki-hint">{ direction }</span></th><td>{ got.raw }</td></tr>
        })
    });
    let routes = outcome
        .map(|o| o.routes.clone())
        .unwrap_or_default()
        .into_iter()
        .filter_map(|route| questionnaire.route(&route).cloned());
    html! {
        <section class="kizuki-qn-result" aria-labelledby={id("result-heading")} data-testid="result"
                 ref={sheet}>
            <h3 id={id("result-heading")} tabindex="-1" ref={heading.clone()}>{ &text.results_heading }</h3>
            if let Some(outcome) = outcome {
                <div class={classes!("kizuki-card", "kizuki-qn-outcome", (!outcome.when_any.is_empty()).then_some("kizuki-card--current"))}
                     data-testid="outcome" data-outcome={outcome.id.clone()}>
                    <p class="kizuki-qn-outcome-title"><strong>{ outcome.title.get(lang) }</strong></p>
                    <p class="kizuki-hint">{ &text.not_diagnosis }</p>
                </div>
            }
            <h4>{ &text.methods_heading }</h4>
            <ul class="kizuki-qn-methods" data-testid="methods">{ for rules }</ul>
            { profile::profile(questionnaire, result, lang, text, &id("profile")) }
            if raw_only {
                <h4>{ &text.profile_heading }</h4>
                <p class="kizuki-hint">{ &text.profile_raw_note }</p>
                <div class="kizuki-table-wrap"><table class="kizuki-table"><tbody>{ for raw_rows }</tbody></table></div>
            }
            <details class="kizuki-disclosure">
                <summary>{ &text.sums_heading }</summary>
                <div class="kizuki-table-wrap">
                    <table class="kizuki-table" data-testid="sums">
                        <thead><tr><th scope="col">{ &text.sum_column }</th><th scope="col">{ &text.value_column }</th></tr></thead>
                        <tbody>{ for sums }</tbody>
                    </table>
                </div>
            </details>
            if let Some(outcome) = outcome {
                <h4>{ &text.advice_heading }</h4>
                { for outcome.advice.iter().map(|p| html! { <p>{ rich(p.get(lang)) }</p> }) }
            }
            <h4>{ &text.routes_heading }</h4>
            <ul class="kizuki-qn-routes" data-testid="routes">
                { for routes.map(|route| html! {
                    <li data-route={route.id.clone()}>
                        <strong>{ route.label.get(lang) }</strong>
                        <p>{ rich(route.description.get(lang)) }</p>
                    </li>
                }) }
            </ul>
            if let Some(center) = &props.center {
                <div class="kizuki-card" data-testid="help-center">
                    <p><strong>{ &center.name }</strong></p>
                    { crate::contact_details(lang, center.phone.as_deref(), center.hours.as_deref(), center.url.as_deref()) }
                </div>
            }
            <section class="kizuki-qn-help" aria-labelledby={id("help-heading")}>
                <h4 id={id("help-heading")}>{ &text.help_heading }</h4>
                <HelpList lang={lang} directory={props.directory.clone()} level={5} />
            </section>
            <p class="kizuki-notice">{ &text.not_statutory }</p>
            <details class="kizuki-disclosure">
                <summary>{ &text.about_heading }</summary>
                <p><strong>{ questionnaire.instrument.name.get(lang) }</strong></p>
                <p>{ questionnaire.instrument.attribution.get(lang) }</p>
                if !questionnaire.instrument.notes.is_empty() {
                    <p><strong>{ &text.notes_heading }</strong></p>
                    <ul>{ for questionnaire.instrument.notes.iter().map(|n| html! { <li>{ rich(n.get(lang)) }</li> }) }</ul>
                }
            </details>
            <div class="kizuki-actions kizuki-no-print">
                <button type="button" class="kizuki-button" data-testid="print" onclick={print}>{ &text.print }</button>
                <button type="button" class="kizuki-button kizuki-button--secondary" data-testid="review"
                        onclick={review}>{ &text.change_answers }</button>
            </div>
        </section>
    }
}

fn files_panel(
    model: &UseReducerHandle<Model>,
    text: &QuestionnaireText,
    lang: Lang,
    id: &dyn Fn(&str) -> String,
    send: &dyn Fn(fn() -> Msg) -> Callback<MouseEvent>,
) -> Html {
    let on_file = {
        let model = model.clone();
        Callback::from(move |event: Event| {
            let input: HtmlInputElement = event.target_unchecked_into();
            let model = model.clone();
            yew::platform::spawn_local(async move {
                let read = platform::read_chosen_file(&input).await;
                input.set_value("");
                match read {
                    Ok((name, contents)) => model.dispatch(Msg::Import(name, contents)),
                    Err(code) if code == "no file" => {}
                    Err(code) => model.dispatch(Msg::ImportUnreadable(code)),
                }
            });
        })
    };
    let import_id = id("import");
    let on_replace = {
        let model = model.clone();
        Callback::from(move |()| model.dispatch(Msg::ConfirmImport))
    };
    let on_cancel = {
        let model = model.clone();
        Callback::from(move |()| model.dispatch(Msg::CancelImport))
    };
    let on_undo = {
        let model = model.clone();
        Callback::from(move |()| model.dispatch(Msg::UndoImport))
    };
    let on_remove = {
        let model = model.clone();
        Callback::from(move |()| model.dispatch(Msg::RemoveUndoCopy))
    };
    html! {
        <div class="kizuki-qn-files-body">
            <p class="kizuki-hint">{ &text.autosave_note }</p>
            <p>{ &text.files_intro }</p>
            <div class="kizuki-actions">
                <button type="button" class="kizuki-button kizuki-button--secondary" data-testid="export-json"
                        onclick={send(|| Msg::ExportJson)}>{ &text.export_json }</button>
                <button type="button" class="kizuki-button kizuki-button--secondary" data-testid="export-csv"
                        onclick={{
                            let model = model.clone();
                            Callback::from(move |_: MouseEvent| model.dispatch(Msg::ExportCsv(lang)))
                        }}>{ &text.export_csv }</button>
            </div>
            <div class="kizuki-field">
                <label for={import_id.clone()}>{ &text.import_label }</label>
                <p class="kizuki-hint" id={id("import-hint")}>{ &text.import_hint }</p>
                <input type="file" id={import_id} accept=".json,application/json" data-testid="import"
                       aria-describedby={id("import-hint")} onchange={on_file} />
            </div>
            if let Some(pending) = &model.pending {
                <ImportConfirm lang={lang} id_prefix={id("")} file_name={pending.name.clone()}
                               preview={pending.preview.clone()} on_replace={on_replace} on_cancel={on_cancel} />
            }
            if model.undo_kept && model.pending.is_none() {
                <UndoImport lang={lang} on_undo={on_undo} on_remove={on_remove} />
            }
            if model.confirm_erase {
                <div class="kizuki-confirm kizuki-confirm--danger" role="group" aria-labelledby={id("erase-text")}>
                    <p id={id("erase-text")}>{ &text.erase_confirm_text }</p>
                    <button type="button" class="kizuki-button kizuki-button--danger" data-testid="erase-confirm"
                            onclick={send(|| Msg::Erase)}>{ &text.erase_confirm }</button>
                    <button type="button" class="kizuki-button kizuki-button--secondary"
                            onclick={send(|| Msg::AskErase(false))}>{ &text.erase_cancel }</button>
                </div>
            } else {
                <button type="button" class="kizuki-button kizuki-button--secondary kizuki-button--danger" data-testid="erase"
                        onclick={send(|| Msg::AskErase(true))}>{ &text.erase }</button>
            }
        </div>
    }
}
