//! A branching scenario: the current node with its choices as buttons; after a choice its
//! feedback and quality, then the next node; at an ending the path taken and "もう一度".

use kizuki_core::kind::course::{ChoiceQuality, CourseAction, Module, Scenario};
use kizuki_core::pack::SourceRef;
use yew::prelude::*;

use super::module::{next_button, previous_button, step_heading};
use super::rich::{inline, sources};
use super::screen::Step;
use super::text::{fill, CourseText};
use super::{Ctx, Msg};

/// The label of a choice's quality: a symbol and words, never colour alone.
fn quality(text: &CourseText, quality: ChoiceQuality) -> (&str, &'static str) {
    match quality {
        ChoiceQuality::Good => (text.quality_good, "kizuki-course-quality-good"),
        ChoiceQuality::Acceptable => (text.quality_acceptable, "kizuki-course-quality-acceptable"),
        ChoiceQuality::Poor => (text.quality_poor, "kizuki-course-quality-poor"),
    }
}

fn quality_badge(text: &CourseText, value: ChoiceQuality) -> Html {
    let (label, class) = quality(text, value);
    html! { <span class={classes!("kizuki-course-quality", class)}>{ label.to_string() }</span> }
}

/// The scenario step.
pub fn scenario(ctx: &Ctx<'_>, module: &Module, scenario: &Scenario) -> Html {
    let text = ctx.text;
    let lang = ctx.lang;
    let progress = &ctx.state.progress;
    let step = Step::Scenario(scenario.id.clone());
    let (Some(state), Some(review)) = (
        ctx.course
            .scenario_state(progress, &module.id, &scenario.id),
        ctx.course
            .scenario_review(progress, &module.id, &scenario.id),
    ) else {
        return Html::default();
    };
    let node = scenario.nodes.iter().find(|n| n.id == state.node);
    let last = review.steps.last().filter(|_| ctx.state.scenario_feedback);

    let content = if let Some(last) = last {
        html! {
            <div class="kizuki-card kizuki-card--tint kizuki-course-choice-feedback" id={ctx.id("scenario-feedback")} tabindex="-1">
                <h4>{ &text.scenario_your_choice }</h4>
                <p class="kizuki-course-chosen">{ inline(last.choice.text.get(lang)) }</p>
                <p>{ quality_badge(text, last.choice.quality) }</p>
                <p>{ inline(last.choice.feedback.get(lang)) }</p>
                <div class="kizuki-actions">
                    <button type="button" class="kizuki-button" onclick={ctx.send(Msg::ContinueScenario)}>
                        { &text.scenario_continue }
                    </button>
                </div>
            </div>
        }
    } else if !state.finished {
        let choices = node.into_iter().flat_map(|n| &n.choices).map(|choice| {
            let action = CourseAction::Choose {
                module: module.id.clone(),
                scenario: scenario.id.clone(),
                choice: choice.id.clone(),
            };
            html! {
                <li>
                    <button type="button" class="kizuki-course-choice" onclick={ctx.apply(action)}>
                        { inline(choice.text.get(lang)) }
                    </button>
                </li>
            }
        });
        html! {
            <>
                <div class="kizuki-card kizuki-course-node" id={ctx.id("scenario-node")} tabindex="-1">
                    <p>{ node.map(|n| inline(n.text.get(lang))).unwrap_or_default() }</p>
                </div>
                <p class="kizuki-course-prompt" id={ctx.id("scenario-prompt")}>{ &text.scenario_prompt }</p>
                <ul class="kizuki-course-choices" aria-labelledby={ctx.id("scenario-prompt")}>
                    { for choices }
                </ul>
            </>
        }
    } else {
        let path = review.steps.iter().map(|taken| {
            html! {
                <li>
                    <p class="kizuki-course-chosen">{ inline(taken.choice.text.get(lang)) }</p>
                    <p>{ quality_badge(text, taken.choice.quality) }</p>
                    <p>{ inline(taken.choice.feedback.get(lang)) }</p>
                </li>
            }
        });
        // The recommended path, after the learner's own (unless every choice was good).
        let recommended = review.recommended.iter().map(|step| {
            html! {
                <li>
                    <p class="kizuki-course-chosen">{ inline(step.choice.text.get(lang)) }</p>
                    <p>{ inline(step.choice.feedback.get(lang)) }</p>
                </li>
            }
        });
        // The sources of the nodes passed and the choices made (the learner's and the
        // recommended), then the scenario's.
        let refs: Vec<&SourceRef> = review
            .steps
            .iter()
            .chain(review.recommended.iter().filter(|_| !review.all_good))
            .flat_map(|taken| taken.node.sources.iter().chain(&taken.choice.sources))
            .chain(node.into_iter().flat_map(|n| &n.sources))
            .chain(&scenario.sources)
            .collect();
        let restart = CourseAction::RestartScenario {
            module: module.id.clone(),
            scenario: scenario.id.clone(),
        };
        html! {
            <>
                <div class="kizuki-card kizuki-course-node kizuki-course-ending" id={ctx.id("scenario-node")} tabindex="-1">
                    <p class="kizuki-course-ending-label">{ &text.scenario_ending }</p>
                    <p>{ node.map(|n| inline(n.text.get(lang))).unwrap_or_default() }</p>
                </div>
                <section class="kizuki-card kizuki-card--tint kizuki-course-summary-box" aria-labelledby={ctx.id("scenario-summary")}>
                    <h4 id={ctx.id("scenario-summary")}>{ &text.scenario_end_heading }</h4>
                    <p class="kizuki-course-counts">
                        { fill(text.scenario_summary, &[
                            ("good", &review.good.to_string()),
                            ("acceptable", &review.acceptable.to_string()),
                            ("poor", &review.poor.to_string()),
                        ]) }
                    </p>
                    <p class="kizuki-course-path-title">{ &text.scenario_path }</p>
                    <ol class="kizuki-course-path">{ for path }</ol>
                </section>
                <section class="kizuki-card kizuki-course-recommended" aria-labelledby={ctx.id("scenario-recommended")}>
                    <h4 id={ctx.id("scenario-recommended")}>{ &text.scenario_recommended_heading }</h4>
                    if review.all_good {
                        <p>{ &text.scenario_all_good }</p>
                    } else {
                        <p>{ &text.scenario_recommended_intro }</p>
                        <ol class="kizuki-course-path">{ for recommended }</ol>
                    }
                </section>
                { sources(ctx.pack, &refs, lang, text) }
                <div class="kizuki-actions">
                    <button type="button" class="kizuki-button kizuki-button--secondary" onclick={ctx.apply(restart)}>
                        { &text.scenario_again }
                    </button>
                    { next_button(ctx, module, &step, text.next, true) }
                </div>
            </>
        }
    };

    html! {
        <section class="kizuki-course-scenario">
            <p class="kizuki-course-eyebrow">{ &text.step_scenario }</p>
            { step_heading(ctx, scenario.title.get(lang)) }
            { content }
            if !state.finished && last.is_none() {
                <div class="kizuki-actions kizuki-course-actions-quiet">
                    { previous_button(ctx, module, &step) }
                    { next_button(ctx, module, &step, text.next, false) }
                </div>
            }
        </section>
    }
}
