//! Small pieces the checklist's screens share: pack text with inline markup, a button's
//! two-line label (its way, then its length and time), the obligation badge, the progress
//! bar (of the full audit and of the quick scan) and the table of contents.

use kizuki_core::kind::checklist::{Change, ChecklistResult, Obligation, PlannedDuty};
use kizuki_core::text::{parse_inline, Inline};
use kizuki_core::Lang;
use yew::prelude::*;

use super::state::{Ctx, Screen};
use super::text::{fill, ChecklistText};

pub use crate::markup::inline as rich;

/// Pack text with its markup flattened for a plain-text field: links keep their address.
pub fn plain(source: &str) -> String {
    parse_inline(source)
        .into_iter()
        .map(|run| match run {
            Inline::Plain(text) | Inline::Strong(text) => text,
            Inline::Link { label, href } => format!("{label} ({href})"),
        })
        .collect()
}

/// A button's label on two lines (the button has the class `kizuki-cl-two-line`): its way
/// on the first, and on a second, smaller line how long it is (「（12問・約4分）」), when it
/// is known. On a 390 px phone a single label wrapped in the middle of its count; the
/// count now starts a line of its own. Read as one phrase, as the single label was.
pub fn two_line_label(way: &str, length: Option<String>) -> Html {
    html! {
        <>
            <span>{ way.to_string() }</span>
            if let Some(length) = length {
                <span class="kizuki-cl-button-length">{ length }</span>
            }
        </>
    }
}

/// The label of an obligation level.
pub fn obligation_text(text: &ChecklistText, obligation: Obligation) -> &str {
    match obligation {
        Obligation::LegalDuty => text.obligation_legal_duty,
        Obligation::EffortDuty => text.obligation_effort_duty,
        Obligation::Recommended => text.obligation_recommended,
    }
}

/// The badge naming an item's obligation (text, not only colour).
pub fn obligation_badge(text: &ChecklistText, obligation: Obligation) -> Html {
    let kind = match obligation {
        Obligation::LegalDuty => "legal",
        Obligation::EffortDuty => "effort",
        Obligation::Recommended => "recommended",
    };
    html! {
        <span class={classes!("kizuki-badge", format!("kizuki-cl-badge-{kind}"))}>
            <span class="kizuki-visually-hidden">{ format!("{}: ", text.obligation_label) }</span>
            { obligation_text(text, obligation) }
        </span>
    }
}

/// The badge of a dated rule that has not started yet ("Legal duty from 1 October 2026
/// (planned)"); the words and the date come from the core. Nothing when there is none.
pub fn planned_badge(planned: Option<&PlannedDuty>, lang: Lang) -> Html {
    match planned.and_then(|p| kizuki_core::report::planned_label(p, lang)) {
        Some(label) => html! {
            <>{ " " }<span class="kizuki-badge kizuki-cl-badge-planned">{ label }</span></>
        },
        None => Html::default(),
    }
}

/// The badge saying how an area or an action moved since the earlier file loaded for
/// comparison (the core decides: `Comparison`); nothing when there is no comparison or no
/// change. Words, not only colour.
pub fn change_badge(text: &ChecklistText, change: Option<Change>) -> Html {
    let Some(change) = change else {
        return Html::default();
    };
    let (kind, label) = match change {
        Change::Better => ("better", text.change_better),
        Change::Worse => ("worse", text.change_worse),
        Change::New => ("new", text.change_new),
    };
    html! {
        <>{ " " }<span class={classes!("kizuki-badge", "kizuki-cl-change", format!("kizuki-cl-change--{kind}"))}
                       data-change={kind}>{ label }</span></>
    }
}

/// The workplace's name under a screen's heading (on screen and in print), when given.
pub fn workplace_line(ctx: &Ctx) -> Html {
    let name = &ctx.answers.workplace;
    if name.is_empty() {
        return Html::default();
    }
    html! {
        <p class="kizuki-cl-workplace" data-testid="workplace-line">
            { fill(ctx.text().workplace_line, &[("name", name)]) }
        </p>
    }
}

/// The progress of a pass, the full audit's (every item that applies) or the quick scan's
/// (its key items): a bar and "n / m answered", announced politely when it changes.
pub fn progress(ctx: &Ctx, answered: usize, total: usize) -> Html {
    let text = ctx.text();
    let id = ctx.id(&["progress"]);
    html! {
        <div class="kizuki-progress">
            <label class="kizuki-visually-hidden" for={id.clone()}>{ &text.progress_label }</label>
            <progress id={id} max={total.max(1).to_string()} value={answered.to_string()}></progress>
            <p class="kizuki-progress-text" aria-live="polite" data-testid="progress">
                { fill(text.progress, &[
                    ("answered", &answered.to_string()),
                    ("total", &total.to_string()),
                ]) }
            </p>
        </div>
    }
}

/// The table of contents: the profile, every area that applies with its count, the results.
pub fn contents(
    ctx: &Ctx,
    result: &ChecklistResult,
    current: Screen,
    go: &Callback<Screen>,
) -> Html {
    let text = ctx.text();
    let checklist = ctx.checklist();
    let entry = |screen: Screen, label: String, count: Option<String>, complete: bool| {
        let go = go.clone();
        let is_current = screen == current;
        html! {
            <li class={classes!("kizuki-cl-nav-entry", complete.then_some("kizuki-cl-nav-complete"))}>
                <button type="button" class="kizuki-cl-nav-button"
                        aria-current={is_current.then_some("step")}
                        onclick={Callback::from(move |_: MouseEvent| go.emit(screen))}>
                    <span class="kizuki-cl-nav-label">{ label }</span>
                    if let Some(count) = count {
                        <span class="kizuki-cl-nav-count">
                            { count }
                            if complete {
                                <span class="kizuki-cl-nav-done" aria-hidden="true">{ " ✓" }</span>
                                <span class="kizuki-visually-hidden">{ format!(" {}", text.nav_complete) }</span>
                            }
                        </span>
                    }
                    if is_current {
                        <span class="kizuki-visually-hidden">{ &text.nav_current }</span>
                    }
                </button>
            </li>
        }
    };
    let areas = checklist.areas_to_ask(&ctx.answers);
    html! {
        <nav class="kizuki-cl-nav" aria-label={text.nav_label.to_string()}>
            <ol class="kizuki-cl-nav-list">
                { entry(Screen::Profile, text.nav_profile.to_string(), None, false) }
                { for areas.iter().filter_map(|&index| {
                    let area = checklist.areas.get(index)?;
                    let counts = result.areas.get(index)?;
                    let count = fill(text.nav_count, &[
                        ("answered", &counts.answered.to_string()),
                        ("total", &counts.applicable.to_string()),
                    ]);
                    let complete = counts.answered == counts.applicable;
                    Some(entry(Screen::Area(index), area.title.get(ctx.lang).to_string(), Some(count), complete))
                }) }
                { entry(Screen::Results, text.nav_results.to_string(), None, false) }
            </ol>
        </nav>
    }
}
