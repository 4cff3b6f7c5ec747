//! The checklist's figures on the center's aggregation page (the tools module, compiled in
//! through `kind.rs` without the rest of the checklist's views): the mean scores by area,
//! each item's answers, the items fewest workplaces have in place, the size bands and the
//! "why not" reasons. The core computed and hid every figure; this file lays them out.

use kizuki_core::aggregate::{
    BandFigures, ChecklistFigures, Group, WhyNotTally, BAND_ALL, BAND_UNANSWERED, SIZE_QUESTION,
};
use kizuki_core::kind::checklist::Checklist;
use kizuki_core::Lang;
use yew::prelude::*;

use crate::locale::fill;
use crate::tools::aggregate::{format_rate, AggregatePage, FiguresView};
use crate::tools::ToolsText;

impl FiguresView for Checklist {
    // A checklist describes a workplace: its minimum group counts files.
    const MIN_GROUP_COUNTS_FILES: bool = true;

    fn figures_view(&self, figures: &ChecklistFigures, page: &AggregatePage<'_>) -> Html {
        checklist_figures(page.lang, page.text, self, figures, &page.hidden())
    }
}

/// A share as a bar (0–100 %).
fn bar(value: f64) -> Html {
    let width = value.clamp(0.0, 100.0);
    html! {
        <svg class="kizuki-tools-bar" viewBox="0 0 100 8" preserveAspectRatio="none"
             width="100%" height="16" aria-hidden="true" focusable="false">
            <rect class="kizuki-tools-bar-track" x="0" y="0" width="100" height="8" />
            <rect class="kizuki-tools-bar-fill" x="0" y="0" width={format!("{width:.1}")} height="8" />
        </svg>
    }
}

/// The checklist's figures, `hidden` wording a figure hidden below the minimum group.
fn checklist_figures(
    lang: Lang,
    text: &ToolsText,
    checklist: &Checklist,
    figures: &ChecklistFigures,
    hidden: &str,
) -> Html {
    // A count hidden by small-cell suppression reads "—"; the note under the tables says why.
    let cell = |count: Option<usize>| count.map_or_else(|| "—".to_string(), |n| n.to_string());
    let hidden = hidden.to_string();
    let shown_rate = |group: &Group<f64>| -> Html {
        match group.shown() {
            Some(value) => html! {
                <>{ bar(*value) }<span class="kizuki-tools-value">{ format_rate(*value) }</span></>
            },
            None => {
                html! { <span class="kizuki-tools-value kizuki-tools-hidden">{ hidden.clone() }</span> }
            }
        }
    };
    let size_label = |band: &str| -> String {
        match band {
            BAND_ALL => text.agg_band_all.to_string(),
            BAND_UNANSWERED => text.agg_band_unanswered.to_string(),
            id => checklist
                .profile
                .iter()
                .find(|q| q.id == SIZE_QUESTION)
                .and_then(|q| q.options.iter().find(|o| o.id == id))
                .map_or_else(|| id.to_string(), |o| o.label.get(lang).to_string()),
        }
    };
    let item_label = |id: &str| -> String {
        checklist
            .areas
            .iter()
            .flat_map(|area| area.items.iter())
            .find(|item| item.id == id)
            .map_or_else(|| id.to_string(), |item| item.text.get(lang).to_string())
    };
    html! {
        <>
            <h4>{ &text.agg_areas_heading }</h4>
            <p class="kizuki-hint" data-testid="agg-coverage">
                { fill(text.agg_coverage, &[
                    ("complete", &figures.complete_files.to_string()),
                    ("incomplete", &figures.incomplete_files.to_string()),
                ]) }
            </p>
            <ul class="kizuki-tools-bars">
                <li class="kizuki-tools-bar-row kizuki-tools-overall" data-area="overall">
                    <span class="kizuki-tools-bar-label">{ &text.agg_mean }</span>
                    { shown_rate(&figures.mean_percent) }
                </li>
                { for figures.areas.iter().map(|area| {
                    let title = checklist.areas.iter().find(|a| a.id == area.id)
                        .map_or(area.id.as_str(), |a| a.title.get(lang));
                    html! {
                        <li class="kizuki-tools-bar-row" data-area={area.id.clone()}>
                            <span class="kizuki-tools-bar-label">{ title }</span>
                            { shown_rate(&area.mean_percent) }
                        </li>
                    }
                }) }
            </ul>
            <h4>{ &text.agg_items_heading }</h4>
            <div class="kizuki-tools-scroll">
                <table class="kizuki-table kizuki-tools-table kizuki-tools-items">
                    <thead><tr>
                        <th scope="col">{ &text.agg_item }</th>
                        <th scope="col">{ &text.agg_applies }</th>
                        { for checklist.scale.iter().map(|s| html! { <th scope="col">{ s.label.get(lang) }</th> }) }
                        <th scope="col">{ &text.agg_unanswered }</th>
                    </tr></thead>
                    <tbody>
                        { for figures.items.iter().map(|item| {
                            let label = item_label(&item.id);
                            html! {
                                <tr data-item={item.id.clone()}>
                                    <th scope="row">{ label }</th>
                                    { match item.answers.shown() {
                                        Some(d) => html! {
                                            <>
                                                <td data-label={text.agg_applies}>{ d.applies }</td>
                                                { for checklist.scale.iter().map(|s| html! {
                                                    <td data-choice={s.id.clone()} data-label={s.label.get(lang).to_string()}>{ cell(d.choices.get(&s.id).copied().unwrap_or(Some(0))) }</td>
                                                }) }
                                                <td data-label={text.agg_unanswered}>{ cell(d.unanswered) }</td>
                                            </>
                                        },
                                        None => html! {
                                            <td class="kizuki-tools-hidden" colspan={(checklist.scale.len() + 2).to_string()}>
                                                { hidden.clone() }
                                            </td>
                                        },
                                    } }
                                </tr>
                            }
                        }) }
                    </tbody>
                </table>
            </div>
            <p class="kizuki-tools-note" data-testid="small-cells">{ &text.agg_small_cells }</p>
            { least_in_place(lang, text, checklist, figures) }
            <h4>{ &text.agg_why_not_overall_heading }</h4>
            { match figures.why_not_overall.shown() {
                Some(overall) => why_not_overall(lang, text, checklist, overall),
                None => html! { <p class="kizuki-tools-hidden">{ hidden.clone() }</p> },
            } }
            <h4>{ &text.agg_size_mix_heading }</h4>
            { size_mix(text, figures, &size_label, &hidden) }
            <h4>{ &text.agg_why_not_heading }</h4>
            <div class="kizuki-tools-scroll">
                <table class="kizuki-table kizuki-tools-table kizuki-tools-why-not">
                    <thead><tr>
                        <th scope="col">{ &text.agg_band }</th>
                        <th scope="col">{ &text.agg_band_files }</th>
                        { for checklist.why_not.iter().map(|r| html! { <th scope="col">{ r.label.get(lang) }</th> }) }
                    </tr></thead>
                    <tbody>
                        { for figures.size_bands.iter().map(|band| html! {
                            <tr data-band={band.id.clone()}>
                                <th scope="row">{ size_label(&band.id) }</th>
                                { match band.figures.shown() {
                                    Some(b) => html! {
                                        <>
                                            <td>{ b.files }</td>
                                            { for checklist.why_not.iter().map(|r| {
                                                let tally = b.why_not.get(&r.id);
                                                let answers = tally.map_or(Some(0), |t| t.answers);
                                                let files = tally.map_or(Some(0), |t| t.files);
                                                html! {
                                                    <td data-reason={r.id.clone()}>{ fill(text.agg_answers_files, &[
                                                        ("answers", &cell(answers)),
                                                        ("files", &cell(files)),
                                                    ]) }</td>
                                                }
                                            }) }
                                        </>
                                    },
                                    None => html! {
                                        <td class="kizuki-tools-hidden" colspan={(checklist.why_not.len() + 1).to_string()}>
                                            { hidden.clone() }
                                        </td>
                                    },
                                } }
                            </tr>
                        }) }
                    </tbody>
                </table>
            </div>
        </>
    }
}

/// The "why not" reasons over every file: how many answers gave each, and how many
/// workplaces (files) gave it for at least one item.
fn why_not_overall(
    lang: Lang,
    text: &ToolsText,
    checklist: &Checklist,
    overall: &BandFigures,
) -> Html {
    let cell = |count: Option<usize>| count.map_or_else(|| "—".to_string(), |n| n.to_string());
    html! {
        <div class="kizuki-tools-scroll">
            <table class="kizuki-table kizuki-tools-table kizuki-tools-why-not-overall" data-testid="why-not-overall">
                <thead><tr>
                    <th scope="col">{ &text.agg_reason }</th>
                    <th scope="col">{ &text.agg_why_not_answers }</th>
                    <th scope="col">{ &text.agg_why_not_files }</th>
                </tr></thead>
                <tbody>
                    { for checklist.why_not.iter().map(|reason| {
                        let tally = overall.why_not.get(&reason.id).copied().unwrap_or(WhyNotTally {
                            answers: Some(0),
                            files: Some(0),
                        });
                        html! {
                            <tr data-reason={reason.id.clone()}>
                                <th scope="row">{ reason.label.get(lang) }</th>
                                <td data-measure="answers">{ cell(tally.answers) }</td>
                                <td data-measure="files">{ cell(tally.files) }</td>
                            </tr>
                        }
                    }) }
                </tbody>
            </table>
        </div>
    }
}

/// The items the fewest workplaces have fully in place (shown counts only).
fn least_in_place(
    lang: Lang,
    text: &ToolsText,
    checklist: &Checklist,
    figures: &ChecklistFigures,
) -> Html {
    let full = checklist
        .scale
        .iter()
        .filter(|option| option.credit.is_some())
        .max_by_key(|option| option.credit)
        .map_or("", |option| option.label.get(lang));
    html! {
        <>
            <h4>{ fill(text.agg_least_heading, &[("full", full)]) }</h4>
            if figures.least_in_place.is_empty() {
                <p>{ &text.agg_least_none }</p>
            } else {
                <ol class="kizuki-tools-least" data-testid="least-in-place">
                    { for figures.least_in_place.iter().map(|entry| {
                        let label = checklist.items().find(|(_, item)| item.id == entry.id)
                            .map_or(entry.id.as_str(), |(_, item)| item.text.get(lang));
                        html! {
                            <li data-item={entry.id.clone()}>
                                <span class="kizuki-tools-bar-label">{ label }</span>
                                { bar(entry.in_place_percent) }
                                <span class="kizuki-tools-value">{ fill(text.agg_least_share, &[
                                    ("share", &format_rate(entry.in_place_percent)),
                                    ("in_place", &entry.in_place.to_string()),
                                    ("applies", &entry.applies.to_string()),
                                ]) }</span>
                            </li>
                        }
                    }) }
                </ol>
            }
        </>
    }
}

/// How many files came from each size band (hidden bands stay hidden).
fn size_mix(
    text: &ToolsText,
    figures: &ChecklistFigures,
    size_label: &dyn Fn(&str) -> String,
    hidden: &str,
) -> Html {
    let total: usize = figures.complete_files + figures.incomplete_files;
    html! {
        <div class="kizuki-tools-scroll">
            <table class="kizuki-table kizuki-tools-table kizuki-tools-size-mix" data-testid="size-mix">
                <thead><tr>
                    <th scope="col">{ &text.agg_band }</th>
                    <th scope="col">{ &text.agg_band_files }</th>
                    <th scope="col">{ &text.agg_size_share }</th>
                </tr></thead>
                <tbody>
                    { for figures.size_bands.iter().map(|band| html! {
                        <tr data-band={band.id.clone()}>
                            <th scope="row">{ size_label(&band.id) }</th>
                            { match band.figures.shown() {
                                Some(b) => html! {
                                    <>
                                        <td>{ b.files }</td>
                                        <td>{ format_rate(kizuki_core::aggregate::share_percent(b.files, total)) }</td>
                                    </>
                                },
                                None => html! { <td class="kizuki-tools-hidden" colspan="2">{ hidden }</td> },
                            } }
                        </tr>
                    }) }
                </tbody>
            </table>
        </div>
    }
}
