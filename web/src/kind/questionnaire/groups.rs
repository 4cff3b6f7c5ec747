//! The stress group analysis on the aggregation page (the tools module, compiled in
//! through `kind.rs` without the rest of the questionnaire's views): the
//! `questionnaire` figures of the page's one aggregation report, drawn as the two 仕事のストレス判定図 (workload–control
//! and supervisor–coworker support) per sex, with a table of the means and, where the pack
//! carries a model, the health risk; hidden groups are listed as hidden, never drawn.

use kizuki_core::aggregate::Group;
use kizuki_core::kind::questionnaire::aggregate::{
    reference_mean, splits_csv, Means, QuestionnaireFigures,
};
use kizuki_core::kind::questionnaire::Questionnaire;
use kizuki_core::{Lang, ValidPack};
use yew::prelude::*;

use crate::locale::fill;
use crate::platform;
use crate::tools::aggregate::{AggregatePage, FiguresView};

/// The strings of the stress group analysis (`web/locales/<lang>/stress_groups.json`).
#[derive(Debug, PartialEq, Eq)]
pub struct StressGroupsText {
    /// Job stress evaluation chart (group analysis)
    pub heading: &'static str,
    /// From the files received: the means of workload, control, supervisor support and coworker…
    pub intro: &'static str,
    /// Files counted: {counted} (incomplete answers: {incomplete})
    pub counted: &'static str,
    /// {split}
    pub split_heading: &'static str,
    /// Everyone
    pub everyone: &'static str,
    /// Not shown: fewer than 10 people
    pub hidden: &'static str,
    /// Not shown, so no group under 10 can be worked out by subtraction
    pub hidden_complement: &'static str,
    /// Group
    pub group_column: &'static str,
    /// People
    pub n_column: &'static str,
    /// Workload–control chart
    pub chart_demand: &'static str,
    /// Workplace support chart
    pub chart_support: &'static str,
    /// Job control
    pub axis_control: &'static str,
    /// Workload
    pub axis_workload: &'static str,
    /// Supervisor support
    pub axis_supervisor: &'static str,
    /// Coworker support
    pub axis_coworkers: &'static str,
    /// Health risk {part}
    pub risk_column: &'static str,
    /// Total health risk
    pub risk_total: &'static str,
    /// The health risk (national mean = 100) and the charts' national-mean lines are not shown…
    pub no_risk: &'static str,
    /// The health risk is shown with the national mean as 100 (the chart authors' formula…
    pub risk_note: &'static str,
    /// National mean
    pub reference: &'static str,
    /// Save the figures as CSV
    pub csv: &'static str,
    /// Next: turn the results into workplace improvement.
    pub improve: &'static str,
    /// Open the workplace improvement action checklist
    pub improve_link: &'static str,
}

crate::locale_table!("stress_groups", StressGroupsText, stress_groups_text);

impl FiguresView for Questionnaire {
    fn figures_view(&self, figures: &QuestionnaireFigures, page: &AggregatePage<'_>) -> Html {
        // Only a pack with a group analysis is tallied (the core gives no figures without
        // one); asked again so that the page never draws a 判定図 a pack did not ask for.
        if self.group_analysis.is_none() {
            return Html::default();
        }
        view(self, page.pack, page.lang, figures, page.report.min_group)
    }
}

/// The chart's horizontal position of a raw mean on the scale 3–12 (SVG user units).
fn chart_x(value: f64) -> f64 {
    30.0 + (value - 3.0) / 9.0 * 270.0
}

/// The chart's vertical position of a raw mean on the scale 3–12 (SVG user units).
fn chart_y(value: f64) -> f64 {
    300.0 - (value - 3.0) / 9.0 * 270.0
}

/// A scatter chart of two means (x, y) on the raw scale 3–12 with a labelled point per
/// shown set. Where the pack gives the split's national means (`reference`, from its
/// health-risk model), dashed lines cross at them, as the 判定図 compares a group with the
/// national mean; without them no reference is drawn (a line at the scale's middle would
/// read as the national mean).
fn chart(
    title: &str,
    x_label: &str,
    y_label: &str,
    points: &[(String, f64, f64)],
    reference: Option<(f64, f64)>,
    reference_label: &str,
) -> Html {
    html! {
        <figure class="kizuki-qn-chart">
            <svg viewBox="0 0 330 340" role="img" aria-label={title.to_string()} xmlns="http://www.w3.org/2000/svg">
                <rect x="30" y="30" width="270" height="270" class="kizuki-qn-chart-frame" />
                if let Some((rx, ry)) = reference {
                    <g data-reference={format!("{rx:.2},{ry:.2}")}>
                        <line x1={chart_x(rx).to_string()} x2={chart_x(rx).to_string()} y1="30" y2="300" class="kizuki-qn-chart-mid" data-axis="x" />
                        <line x1="30" x2="300" y1={chart_y(ry).to_string()} y2={chart_y(ry).to_string()} class="kizuki-qn-chart-mid" data-axis="y" />
                        <text x={(chart_x(rx) + 4.0).to_string()} y="42" class="kizuki-qn-chart-tick">{ reference_label }</text>
                    </g>
                }
                <text x="165" y="330" text-anchor="middle" class="kizuki-qn-svg-label">{ x_label }</text>
                <text x="12" y="165" text-anchor="middle" transform="rotate(-90 12 165)" class="kizuki-qn-svg-label">{ y_label }</text>
                { for [3, 6, 9, 12].iter().map(|v| html! {
                    <>
                        <text x={chart_x(f64::from(*v)).to_string()} y="314" text-anchor="middle" class="kizuki-qn-chart-tick">{ v }</text>
                        <text x="26" y={(chart_y(f64::from(*v)) + 4.0).to_string()} text-anchor="end" class="kizuki-qn-chart-tick">{ v }</text>
                    </>
                }) }
                { for points.iter().enumerate().map(|(index, (label, px, py))| {
                    let (cx, cy) = (chart_x(*px), chart_y(*py));
                    // A different shape per set, and its number beside it, so the chart reads
                    // without colour even where points lie close together.
                    let marker = match index % 3 {
                        0 => html! { <circle cx={cx.to_string()} cy={cy.to_string()} r="5" class="kizuki-qn-chart-point" /> },
                        1 => html! { <rect x={(cx - 5.0).to_string()} y={(cy - 5.0).to_string()} width="10" height="10" class="kizuki-qn-chart-point" /> },
                        _ => html! { <polygon points={format!("{},{} {},{} {},{} {},{}", cx, cy - 6.0, cx + 6.0, cy, cx, cy + 6.0, cx - 6.0, cy)} class="kizuki-qn-chart-point" /> },
                    };
                    let dy = if index % 2 == 0 { -8.0 } else { 16.0 };
                    html! {
                        <g data-point={label.clone()}>
                            { marker }
                            <text x={(cx + 7.0).to_string()} y={(cy + dy).to_string()} class="kizuki-qn-chart-tick">{ index + 1 }</text>
                        </g>
                    }
                }) }
            </svg>
            <figcaption>
                { title }
                <ol class="kizuki-qn-chart-legend">
                    { for points.iter().enumerate().map(|(index, (label, px, py))| html! {
                        <li>
                            <span aria-hidden="true">{ ["●", "■", "◆"][index % 3] }{ " " }</span>
                            { format!("{label}（{px:.1}, {py:.1}）") }
                        </li>
                    }) }
                </ol>
                if let Some((rx, ry)) = reference {
                    <p class="kizuki-qn-chart-reference">{ format!("{reference_label}（{rx:.1}, {ry:.1}）") }</p>
                }
            </figcaption>
        </figure>
    }
}

/// How many people a hidden group holds is not in the report (hidden means hidden); the
/// page knows only whether the group reached the minimum, which the core decides. A group
/// the core hid although it reached the minimum is reported as `usize::MAX` here.
fn group_size(split: &kizuki_core::kind::questionnaire::aggregate::Split, name: &str) -> usize {
    split
        .groups
        .iter()
        .find(|g| g.group == name)
        .map_or(0, |g| if g.complement { usize::MAX } else { 0 })
}

/// A measure's name as the pack gives it (its id if the pack has no such measure).
fn measure_label<'a>(questionnaire: &'a Questionnaire, id: &'a str, lang: Lang) -> &'a str {
    questionnaire.measure(id).map_or(id, |m| m.label.get(lang))
}

fn mean(means: &Means, id: &str) -> f64 {
    means.measures.get(id).copied().unwrap_or_default()
}

/// The group analysis of a questionnaire pack: the aggregation report's figures (files
/// imported once, by the report), with the report's minimum group.
fn view(
    questionnaire: &Questionnaire,
    pack: &ValidPack,
    lang: Lang,
    report: &QuestionnaireFigures,
    min_group: usize,
) -> Html {
    let text = stress_groups_text(lang);
    let csv = {
        let csv = splits_csv(questionnaire, &report.splits);
        let name = format!("{}-groups-{}.csv", pack.pack().id, platform::today());
        Callback::from(move |_: MouseEvent| {
            let _ = platform::download(&name, "text/csv;charset=utf-8", &csv);
        })
    };
    let has_risk = questionnaire
        .group_analysis
        .as_ref()
        .is_some_and(|a| !a.risk_models.is_empty());
    html! {
        <section class="kizuki-qn-groups" data-testid="stress-groups">
            <h3>{ &text.heading }</h3>
            <p>{ &text.intro }</p>
            <p>{ fill(text.counted, &[("counted", &report.files_counted.to_string()), ("incomplete", &report.files_incomplete.to_string())]) }</p>
            { for report.splits.iter().map(|split| split_view(questionnaire, min_group, split, text, lang)) }
            if has_risk {
                <p class="kizuki-hint" data-testid="risk-note">{ &text.risk_note }</p>
            } else {
                <p class="kizuki-hint" data-testid="no-risk">{ &text.no_risk }</p>
            }
            <p class="kizuki-notice" data-testid="improve-link">
                { &text.improve }{ " " }
                <a href="app.html?kit=checklist&pack=workplace-improvement">{ &text.improve_link }</a>
            </p>
            <div class="kizuki-actions kizuki-no-print">
                <button type="button" class="kizuki-button" data-testid="stress-groups-csv" onclick={csv}>{ &text.csv }</button>
            </div>
        </section>
    }
}

fn split_view(
    questionnaire: &Questionnaire,
    min_group: usize,
    split: &kizuki_core::kind::questionnaire::aggregate::Split,
    text: &StressGroupsText,
    lang: Lang,
) -> Html {
    let label = split
        .value
        .as_ref()
        .and_then(|value| {
            let by = questionnaire.group_analysis.as_ref()?.by.as_ref()?;
            let question = questionnaire.respondent.iter().find(|q| &q.id == by)?;
            question.options.iter().find(|o| &o.id == value)
        })
        .map(|o| o.label.get(lang).to_string())
        .unwrap_or_else(|| text.everyone.to_string());
    let mut rows: Vec<(String, &Group<Means>)> = vec![(text.everyone.to_string(), &split.whole)];
    rows.extend(split.groups.iter().map(|g| (g.group.clone(), &g.figures)));
    let shown: Vec<(String, &Means)> = rows
        .iter()
        .filter_map(|(name, group)| Some((name.clone(), group.shown()?)))
        .collect();
    let demand: Vec<(String, f64, f64)> = shown
        .iter()
        .map(|(n, m)| (n.clone(), mean(m, "control"), mean(m, "workload")))
        .collect();
    let support: Vec<(String, f64, f64)> = shown
        .iter()
        .map(|(n, m)| (n.clone(), mean(m, "coworkers"), mean(m, "supervisor")))
        .collect();
    let measures: Vec<String> = questionnaire
        .group_analysis
        .as_ref()
        .map(|a| a.measures.clone())
        .unwrap_or_default();
    let whole_shown = split.whole.shown().is_some();
    let national = |id: &str| reference_mean(questionnaire, split.value.as_deref(), id);
    let demand_reference = national("control").zip(national("workload"));
    let support_reference = national("coworkers").zip(national("supervisor"));
    // The health-risk columns in the model's order, named by the pack (then the total).
    let mut risk_columns: Vec<(String, String)> = questionnaire
        .group_analysis
        .as_ref()
        .and_then(|a| a.risk_models.iter().find(|m| m.when == split.value))
        .map(|model| {
            model
                .parts
                .iter()
                .map(|part| {
                    let label = fill(text.risk_column, &[("part", part.label.get(lang))]);
                    (part.id.clone(), label)
                })
                .collect()
        })
        .unwrap_or_default();
    if !risk_columns.is_empty() {
        risk_columns.push(("total".into(), text.risk_total.to_string()));
    }
    html! {
        <section class="kizuki-qn-split" data-split={split.value.clone().unwrap_or_default()}>
            <h4>{ fill(text.split_heading, &[("split", &label)]) }</h4>
            if !shown.is_empty() {
                <div class="kizuki-qn-charts">
                    { chart(text.chart_demand, text.axis_control, text.axis_workload, &demand, demand_reference, text.reference) }
                    { chart(text.chart_support, text.axis_coworkers, text.axis_supervisor, &support, support_reference, text.reference) }
                </div>
            }
            // On a phone the table's rows become cards (see `.kizuki-qn-table` in kizuki.css),
            // each cell labelled by its column (`data-label`): nine columns do not fit 390 px.
            <div class="kizuki-table-wrap">
                <table class="kizuki-table kizuki-qn-table">
                    <thead>
                        <tr>
                            <th scope="col">{ &text.group_column }</th>
                            <th scope="col">{ &text.n_column }</th>
                            { for measures.iter().map(|id| html! {
                                <th scope="col">{ measure_label(questionnaire, id, lang) }</th>
                            }) }
                            { for risk_columns.iter().map(|(_, label)| html! { <th scope="col">{ label }</th> }) }
                        </tr>
                    </thead>
                    <tbody>
                        { for rows.iter().map(|(name, group)| match group.shown() {
                            Some(m) => html! {
                                <tr data-group={name.clone()} data-shown="true">
                                    <th scope="row">{ name }</th>
                                    <td data-label={text.n_column}>{ m.n }</td>
                                    { for measures.iter().map(|id| html! {
                                        <td data-label={measure_label(questionnaire, id, lang).to_string()}>{ format!("{:.1}", mean(m, id)) }</td>
                                    }) }
                                    { for risk_columns.iter().map(|(id, label)| html! {
                                        <td data-label={label.clone()}>{ m.risk.get(id).map(|v| format!("{v:.0}")).unwrap_or_default() }</td>
                                    }) }
                                </tr>
                            },
                            None => html! {
                                <tr data-group={name.clone()} data-shown="false">
                                    <th scope="row">{ name }</th>
                                    <td colspan={(measures.len() + 1 + risk_columns.len()).to_string()}>
                                        // A group of 10 or more is hidden only so that a smaller one
                                        // cannot be worked out by subtraction.
                                        { if whole_shown && group_size(split, name) >= min_group {
                                            text.hidden_complement
                                        } else {
                                            text.hidden
                                        } }
                                    </td>
                                </tr>
                            },
                        }) }
                    </tbody>
                </table>
            </div>
        </section>
    }
}
