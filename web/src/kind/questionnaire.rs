//! The stress self-check (a `questionnaire` pack): the respondent question with its reason,
//! one item per screen (answer buttons, or keys 1–4), progress, resume after reload, and
//! the result: the outcome, each high-stress method with the branches met, the
//! 個人のストレスプロフィール (SVG), advice, routes, the help directory, and files (the
//! shell's data panel: export, import with confirmation and undo, erase).
//!
//! The state is a reducer whose `Apply` messages are the core's `QuestionnaireAction`s;
//! every score comes from `Questionnaire::result`. Saved after every change: the reducer
//! queues the save on its `shell::record::Record` and the view runs it after rendering.

mod profile;
mod text;

use std::rc::Rc;

use kizuki_core::export::KitState;
use kizuki_core::kind::questionnaire::{
    Questionnaire, QuestionnaireAction, QuestionnaireAnswers, QuestionnaireResult,
};
use kizuki_core::kind::FileFormat;
use kizuki_core::Lang;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use self::text::{questionnaire_text, QuestionnaireText};
use super::{KitProps, PackRef};
use crate::help::HelpList;
use crate::locale::fill;
use crate::shell;
use crate::shell::data_panel::{DataPanel, PanelWords};
use crate::shell::kit::{OnShell, ShellKit, ShellMsg, Shown};
use crate::shell::notice::{notice_slot, KitNotice, NoticeSlotProps};
use crate::shell::record::{Effect, Record};

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

/// The questionnaire's own notice: a group name the core refused.
#[derive(Debug, Clone, PartialEq)]
enum OwnNotice {
    GroupRefused,
    /// The core refused an answer (its error code).
    Refused(String),
}

impl KitNotice for OwnNotice {
    fn message(&self, lang: Lang) -> String {
        match self {
            OwnNotice::GroupRefused => questionnaire_text(lang).group_refused.to_string(),
            OwnNotice::Refused(code) => crate::locale::error_message(lang, code).to_string(),
        }
    }

    fn is_problem(&self) -> bool {
        true
    }

    fn kind(&self) -> &'static str {
        "answer"
    }
}

type Notice = shell::notice::Notice<OwnNotice>;

/// The kit's state. Its reducer queues storage and downloads on `record` (run by the view
/// after rendering), so `reduce` itself writes nothing.
#[derive(Debug, Clone, PartialEq)]
struct Model {
    pack: PackRef,
    /// The record, the notice, a file waiting for "replace?", the undo copy.
    shell: OnShell<OwnNotice>,
    answers: QuestionnaireAnswers,
    screen: Screen,
    /// Bumped when the screen changes, so focus moves to its heading.
    focus: u32,
}

/// What the view asks the model to do.
enum Msg {
    Apply(QuestionnaireAction),
    /// Answers the item at this index and goes to the next screen.
    AnswerAndNext(usize, String),
    Go(Screen),
    /// The shell's: the data panel, a chosen file, what an effect came to, another tab.
    Shell(Box<ShellMsg>),
}

impl From<ShellMsg> for Msg {
    fn from(msg: ShellMsg) -> Msg {
        Msg::Shell(Box::new(msg))
    }
}

fn questionnaire_of(pack: &PackRef) -> &Questionnaire {
    pack.content::<Questionnaire>()
        .expect("the frame shows this view only for a questionnaire pack")
}

fn answers_of(state: KitState) -> Option<QuestionnaireAnswers> {
    state.into_state::<Questionnaire>()
}

impl Model {
    fn new(pack: PackRef, namespace: String) -> Model {
        let (record, opened) = Record::open(pack.clone(), &namespace);
        let shell = OnShell::new(record, &opened);
        let answers = answers_of(opened.state).unwrap_or_default();
        let mut model = Model {
            pack,
            shell,
            answers,
            screen: Screen::Start,
            focus: 0,
        };
        model.screen = model.resume_screen();
        model
    }

    fn questionnaire(&self) -> &Questionnaire {
        questionnaire_of(&self.pack)
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
                self.shell.record.queue(Effect::Save(self.state()));
                true
            }
            Err(error) => {
                self.shell.notice = Some(Notice::Kit(match action {
                    QuestionnaireAction::SetGroup { .. } => OwnNotice::GroupRefused,
                    _ => OwnNotice::Refused(error.code().to_string()),
                }));
                false
            }
        }
    }

    fn go(&mut self, screen: Screen) {
        self.screen = screen;
        self.focus = self.focus.wrapping_add(1);
    }
}

impl ShellKit for Model {
    type Own = OwnNotice;

    fn shell(&self) -> &OnShell<OwnNotice> {
        &self.shell
    }

    fn shell_mut(&mut self) -> &mut OnShell<OwnNotice> {
        &mut self.shell
    }

    fn state(&self) -> KitState {
        KitState::from(self.answers.clone())
    }

    /// Shows answers that replaced these (an import, an undo, another tab's), where a
    /// returning person would pick up.
    fn show(&mut self, state: KitState, _why: Shown) {
        if let Some(answers) = answers_of(state) {
            self.answers = answers;
        }
        let screen = self.resume_screen();
        self.go(screen);
    }

    fn erased(&mut self) {
        self.answers = QuestionnaireAnswers::default();
        self.go(Screen::Start);
    }

    /// Its CSV, written here, so only a kit that offers it carries the writer.
    fn export(&mut self, format: FileFormat, lang: Lang) {
        shell::kit::export_csv(self, format, lang);
    }
}

impl Reducible for Model {
    type Action = Msg;

    fn reduce(self: Rc<Self>, msg: Msg) -> Rc<Self> {
        let mut next = (*self).clone();
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
                if next.shell.notice.as_ref().is_some_and(|n| !n.is_problem()) {
                    next.shell.notice = None;
                }
                next.go(screen);
            }
            Msg::Shell(msg) => shell::kit::take(&mut next, *msg),
        }
        Rc::new(next)
    }
}

use crate::markup::inline as rich;

/// The stress self-check kit.
#[function_component(QuestionnaireView)]
pub fn view(props: &KitProps) -> Html {
    let model = {
        let pack = props.pack.clone();
        let namespace = props.namespace.clone();
        use_reducer(move || Model::new(pack, namespace))
    };
    // The effects the reducer queued run after rendering; another tab's save is heard.
    shell::kit::use_shell(&model);
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
    let files = files_panel(&model, &props.pack, text, lang, &id);
    let notice = model
        .shell
        .notice
        .as_ref()
        .map(|notice| notice.shown(&text.data_panel, lang));
    html! {
        <div class="kizuki-kit kizuki-qn" data-screen={match model.screen {
            Screen::Start => "start",
            Screen::Item(_) => "item",
            Screen::Result => "result",
        }}>
            <h2 class="kizuki-title">{ props.pack.pack().title.get(lang) }</h2>
            { notice_slot(NoticeSlotProps {
                testid: Some("notice"),
                on_dismiss: Some(shell::kit::send(model.dispatcher(), ShellMsg::Dismiss)),
                ..NoticeSlotProps::new(lang, notice, shell::kit::send(model.dispatcher(), ShellMsg::Reload))
            }) }
            { body }
            <details class="kizuki-card kizuki-disclosure kizuki-qn-files kizuki-no-print" open={model.screen == Screen::Result}>
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
            // The kit's title above names the questionnaire already (「…（職業性ストレス簡易調査票
            // 57項目）」): this heading says what the screen is for.
            <h3 id={id("start-heading")} tabindex="-1" ref={heading.clone()} data-testid="start-heading">
                { &text.start_heading }
            </h3>
            <p class="kizuki-description">{ fill(text.intro, &[("n", &result.total.to_string())]) }</p>
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
        let branches: Vec<&str> = rule.met_branches(got).map(|b| b.label.get(lang)).collect();
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
            <tr><th scope="row">{ measure.label.get(lang) }{ " " }<span class="kizuki-hint">{ direction }</span></th><td class="kizuki-num">{ got.raw }</td></tr>
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
            // Which questionnaire, and the day: a printout taken to a doctor says both.
            <p class="kizuki-hint kizuki-qn-result-meta" data-testid="result-meta">
                { crate::locale::result_as_of(lang, props.pack.pack().title.get(lang)) }
            </p>
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
            // Closed on screen, printed either way (the print rules of its block): the totals
            // the two methods above compare with their lines.
            <details class="kizuki-disclosure kizuki-qn-sums">
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
    pack: &PackRef,
    text: &'static QuestionnaireText,
    lang: Lang,
    id: &dyn Fn(&str) -> String,
) -> Html {
    let words = PanelWords {
        import_hint: Some(text.import_hint),
        ..text.data_panel.panel_words(lang)
    };
    let on_choice = shell::kit::panel_choice(&model.shell.record, model.dispatcher(), lang);
    html! {
        <DataPanel lang={lang} id_prefix={id("")} formats={pack.pack().kit.file_formats()} words={words}
                   pending={model.shell.pending.clone()} undo_kept={model.shell.undo_kept} on_choice={on_choice}>
            <p class="kizuki-hint">{ &text.autosave_note }</p>
            <p>{ &text.files_intro }</p>
        </DataPanel>
    }
}
