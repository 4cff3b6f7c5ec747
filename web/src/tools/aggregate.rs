//! The support center's aggregation page: many exported files of one pack in, the core's
//! [`kizuki_core::aggregate::aggregate`] figures out. Nothing leaves the browser.

use std::rc::Rc;

use kizuki_core::aggregate::{
    effective_min_group_for, min_group_floor, report_csv, AggregateReport, Aggregation,
    BandFigures, ChecklistFigures, CourseFigures, Group, WhyNotTally, BAND_ALL, BAND_UNANSWERED,
    SIZE_QUESTION,
};
use kizuki_core::kind::checklist::Checklist;
use kizuki_core::kind::course::Course;
use kizuki_core::kind::questionnaire::Questionnaire;
use kizuki_core::Lang;
use yew::prelude::*;

use super::{fill, tools_text, ToolsText};
use crate::file_button::FileButton;
use crate::kind::KitProps;
use crate::platform;

/// The files read so far: the readable ones and those that could not be read.
#[derive(Debug, Clone, PartialEq, Default)]
struct Files {
    read: Vec<(String, Vec<u8>)>,
    unreadable: Vec<(String, String)>,
}

/// The files, compared by identity: a new read makes a new `Rc`.
#[derive(Debug, Clone)]
struct FilesRef(Rc<Files>);

impl PartialEq for FilesRef {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// Files added to the aggregation between two updates of the progress bar: the page yields
/// to the browser between batches, so it never freezes (10,000 files take seconds).
const AGGREGATE_BATCH: usize = 250;

/// Aggregates the files read in batches of [`AGGREGATE_BATCH`], calling `progress` with
/// the files added so far and waiting a frame between batches. Stops (`None`) when
/// `progress` says the work is superseded (the files or the minimum changed). The time
/// from the first file to the report, waits included, is the User Timing measure
/// `kizuki-aggregate` (seen in the browser's performance tools; the benchmark reads it).
async fn aggregate_in_batches(
    pack: &kizuki_core::ValidPack,
    files: &Files,
    min_group: usize,
    progress: impl Fn(usize, usize) -> bool,
) -> Option<kizuki_core::Result<AggregateReport>> {
    let mut aggregation = match Aggregation::new(pack, Some(min_group)) {
        Ok(aggregation) => aggregation,
        Err(error) => return Some(Err(error)),
    };
    let performance = web_sys::window().and_then(|window| window.performance());
    if let Some(performance) = &performance {
        let _ = performance.mark("kizuki-aggregate-start");
    }
    let total = files.read.len();
    let mut done = 0;
    for batch in files.read.chunks(AGGREGATE_BATCH) {
        for (name, bytes) in batch {
            aggregation.add(name, bytes);
        }
        done += batch.len();
        if !progress(done, total) {
            return None;
        }
        if done < total {
            next_frame().await;
        }
    }
    let report = aggregation.finish();
    if let Some(performance) = &performance {
        let _ = performance.mark("kizuki-aggregate-end");
        let _ = performance.measure_with_start_mark_and_end_mark(
            "kizuki-aggregate",
            "kizuki-aggregate-start",
            "kizuki-aggregate-end",
        );
    }
    Some(Ok(report))
}

/// The most the page holds at once, in bytes of files read: beyond it files are listed as
/// not read (`over_limit`), so a drop of thousands of large files cannot exhaust the tab.
const MAX_HELD_BYTES: f64 = 200.0 * 1024.0 * 1024.0;

/// Files read between two updates of the progress bar.
const READ_BATCH: usize = 250;

/// Waits for the next paint (a timeout of one frame), so the page shows its progress.
async fn next_frame() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 16);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

fn format_rate(value: f64) -> String {
    format!("{value:.1}%")
}

/// The aggregation page for the pack the frame loaded.
#[function_component(AggregateView)]
pub fn aggregate_view(props: &KitProps) -> Html {
    let text = tools_text(props.lang);
    let kind = props.pack.pack().kit.kind_name();
    let files = use_state(|| Rc::new(Files::default()));
    let min_input = use_state(|| effective_min_group_for(kind, None).to_string());
    // While files are read: how many of how many (then aggregating, once all are read).
    let reading = use_state(|| None::<(usize, usize)>);
    let dragging = use_state(|| false);
    let id = |name: &str| format!("kizuki-{}-agg-{name}", props.namespace);

    let add_files = {
        let files = files.clone();
        let reading = reading.clone();
        Callback::from(move |list: Vec<web_sys::File>| {
            let files = files.clone();
            let reading = reading.clone();
            reading.set(Some((0, list.len())));
            yew::platform::spawn_local(async move {
                let mut next = (**files).clone();
                // Sizes are checked before anything is read.
                let mut held: f64 = next.read.iter().map(|(_, bytes)| bytes.len() as f64).sum();
                let mut accepted = Vec::new();
                for file in list {
                    if held + file.size() > MAX_HELD_BYTES {
                        next.unreadable
                            .push((file.name(), "over_limit".to_string()));
                    } else {
                        held += file.size();
                        accepted.push(file);
                    }
                }
                // Read in batches, the progress bar moving between them (10,000 files take
                // seconds).
                let total = accepted.len();
                let mut done = 0;
                let mut rest = accepted;
                while !rest.is_empty() {
                    let batch: Vec<web_sys::File> =
                        rest.drain(..rest.len().min(READ_BATCH)).collect();
                    done += batch.len();
                    for (name, result) in platform::read_files(batch).await {
                        match result {
                            Ok(bytes) => next.read.push((name, bytes)),
                            Err(code) => next.unreadable.push((name, code)),
                        }
                    }
                    reading.set(Some((done, total)));
                }
                // One frame to show "aggregating" before the figures are computed.
                reading.set(Some((total, total)));
                next_frame().await;
                files.set(Rc::new(next));
                reading.set(None);
            });
        })
    };
    let on_choose = {
        let add_files = add_files.clone();
        Callback::from(move |event: Event| {
            let Some(input) = platform::input_of(&event) else {
                return;
            };
            if let Some(list) = input.files() {
                add_files.emit(platform::files_of(&list));
            }
            input.set_value("");
        })
    };
    let on_drop = {
        let add_files = add_files.clone();
        let dragging = dragging.clone();
        Callback::from(move |event: DragEvent| {
            event.prevent_default();
            dragging.set(false);
            if let Some(list) = platform::dropped_files(&event) {
                add_files.emit(platform::files_of(&list));
            }
        })
    };
    let on_drag_over = {
        let dragging = dragging.clone();
        Callback::from(move |event: DragEvent| {
            event.prevent_default();
            if !*dragging {
                dragging.set(true);
            }
        })
    };
    let on_drag_leave = {
        let dragging = dragging.clone();
        Callback::from(move |_: DragEvent| dragging.set(false))
    };
    let on_min = {
        let min_input = min_input.clone();
        Callback::from(move |event: Event| {
            if let Some(input) = platform::input_of(&event) {
                let requested = input.value().trim().parse::<usize>().ok();
                let value = effective_min_group_for(kind, requested).to_string();
                input.set_value(&value);
                min_input.set(value);
            }
        })
    };
    let on_clear = {
        let files = files.clone();
        Callback::from(move |_: MouseEvent| files.set(Rc::new(Files::default())))
    };

    let min_group = effective_min_group_for(kind, min_input.parse().ok());
    let (min_label, min_help) = if kind == "checklist" {
        (text.agg_min_group_files, text.agg_min_group_help_files)
    } else {
        (text.agg_min_group, text.agg_min_group_help)
    };
    // Aggregated again only when the files, the minimum or the pack change, not on every
    // render (typing, the language switch); in batches, the progress bar moving, and a
    // run superseded by newer files or another minimum stops and is dropped.
    let report = use_state(|| None::<Rc<kizuki_core::Result<AggregateReport>>>);
    let aggregating = use_state(|| None::<(usize, usize)>);
    let generation = use_mut_ref(|| 0u64);
    {
        let report = report.clone();
        let aggregating = aggregating.clone();
        use_effect_with(
            (FilesRef(Rc::clone(&*files)), min_group, props.pack.clone()),
            move |(files, min_group, pack)| {
                *generation.borrow_mut() += 1;
                let this = *generation.borrow();
                let (files, min_group, pack) = (Rc::clone(&files.0), *min_group, pack.clone());
                if files.read.is_empty() && files.unreadable.is_empty() {
                    report.set(None);
                    aggregating.set(None);
                } else {
                    aggregating.set(Some((0, files.read.len())));
                    yew::platform::spawn_local(async move {
                        let current = || *generation.borrow() == this;
                        let progress = |done: usize, total: usize| {
                            let current = current();
                            if current {
                                aggregating.set(Some((done, total)));
                            }
                            current
                        };
                        let result = aggregate_in_batches(&pack, &files, min_group, progress).await;
                        if let Some(result) = result.filter(|_| current()) {
                            aggregating.set(None);
                            report.set(Some(Rc::new(result)));
                        }
                    });
                }
            },
        );
    }
    let report = (*report).clone();

    let results = match report.as_deref() {
        None => html! {},
        Some(Err(error)) => html! {
            <p class="kizuki-notice kizuki-notice--error" role="alert">{ text.error(props.lang, error.code()) }</p>
        },
        Some(Ok(report)) => {
            let on_csv = {
                let pack = props.pack.clone();
                let report = report.clone();
                let lang = props.lang;
                Callback::from(move |_: MouseEvent| {
                    let csv = report_csv(&pack, &report, lang);
                    let name = format!("{}-aggregate-{}.csv", pack.pack().id, platform::today());
                    let _ = platform::download(&name, "text/csv;charset=utf-8", &csv);
                })
            };
            let report_sheet = NodeRef::default();
            let on_print = crate::print::on_print(report_sheet.clone());
            html! {
                <section ref={report_sheet} class="kizuki-tools-report" aria-labelledby={id("report")}>
                    <h3 id={id("report")}>{ fill(text.agg_summary, &[
                        ("valid", &report.files_valid.to_string()),
                        ("read", &(report.files_read + files.unreadable.len()).to_string()),
                    ]) }</h3>
                    { invalid_list(text, props.lang, report, &files.unreadable) }
                    if report.hidden {
                        <p class="kizuki-tools-hidden-all">
                            { fill(text.agg_hidden_all, &[("n", &report.min_group.to_string())]) }
                        </p>
                    }
                    { figures(props, text, report) }
                    if let Some(groups) = report.figures::<Questionnaire>().filter(|_| crate::kind::questionnaire_groups::applies(&props.pack)) {
                        { crate::kind::questionnaire_groups::view(&props.pack, props.lang, groups, report.min_group) }
                    }
                    <div class="kizuki-actions kizuki-no-print">
                        <button type="button" class="kizuki-button" onclick={on_csv}>{ &text.agg_csv }</button>
                        <button type="button" class="kizuki-button" onclick={on_print}>{ &text.agg_print }</button>
                        <button type="button" class="kizuki-button kizuki-button--secondary" onclick={on_clear}>
                            { &text.agg_clear }
                        </button>
                    </div>
                </section>
            }
        }
    };

    html! {
        <section class="kizuki-tools kizuki-tools-aggregate" aria-labelledby={id("heading")}>
            <h2 id={id("heading")}>{ &text.agg_heading }</h2>
            <p>{ &text.agg_intro }</p>
            <p class="kizuki-notice">{ &text.agg_local_note }</p>
            <div class="kizuki-tools-inputs kizuki-no-print">
                <div class={classes!("kizuki-tools-drop", dragging.then_some("kizuki-tools-drop-active"))}
                     ondrop={on_drop} ondragover={on_drag_over} ondragleave={on_drag_leave}>
                    <p>{ &text.agg_drop }</p>
                    <FileButton id={id("files")} label={text.agg_choose} multiple=true onchange={on_choose} />
                </div>
                <div class="kizuki-field kizuki-tools-min">
                    <label for={id("min")}>{ min_label }</label>
                    <input id={id("min")} type="number" min={min_group_floor(kind).to_string()} step="1" inputmode="numeric"
                           value={(*min_input).clone()} onchange={on_min}
                           aria-describedby={id("min-help")} />
                    <p id={id("min-help")} class="kizuki-hint">{ min_help }</p>
                </div>
            </div>
            <div class="kizuki-status kizuki-tools-progress" role="status" aria-live="polite"
                 data-phase={match (*reading, *aggregating) {
                     (Some(_), _) => "reading",
                     (None, Some(_)) => "aggregating",
                     (None, None) => "",
                 }}>
                if let Some((done, total)) = *reading {
                    <progress class="kizuki-tools-progress-bar" max={total.max(1).to_string()} value={done.to_string()}
                              aria-labelledby={id("progress")}></progress>
                    <span id={id("progress")}>{
                        if done < total {
                            fill(text.agg_reading_progress, &[("done", &done.to_string()), ("total", &total.to_string())])
                        } else {
                            fill(text.agg_aggregating, &[("total", &total.to_string())])
                        }
                    }</span>
                } else if let Some((done, total)) = *aggregating {
                    <progress class="kizuki-tools-progress-bar" max={total.max(1).to_string()} value={done.to_string()}
                              aria-labelledby={id("progress")}></progress>
                    <span id={id("progress")}>{ fill(text.agg_aggregating, &[("total", &total.to_string())]) }</span>
                }
            </div>
            { results }
        </section>
    }
}

fn invalid_list(
    text: &ToolsText,
    lang: Lang,
    report: &AggregateReport,
    unreadable: &[(String, String)],
) -> Html {
    if report.invalid.is_empty() && unreadable.is_empty() {
        return html! {};
    }
    html! {
        <div class="kizuki-tools-invalid">
            <h4>{ &text.agg_invalid_heading }</h4>
            <ul>
                { for unreadable.iter().map(|(name, code)| html! {
                    <li data-code={code.clone()}><span class="kizuki-tools-file-name">{ name }</span>
                        { "：" }{ text.error(lang, code) }</li>
                }) }
                { for report.invalid.iter().map(|file| html! {
                    <li data-code={file.code}><span class="kizuki-tools-file-name">{ &file.name }</span>
                        { "：" }{ text.error(lang, file.code) }</li>
                }) }
            </ul>
        </div>
    }
}

fn hidden_text(text: &ToolsText, min_group: usize) -> String {
    fill(text.agg_hidden, &[("n", &min_group.to_string())])
}

fn figures(props: &KitProps, text: &ToolsText, report: &AggregateReport) -> Html {
    if let (Some(checklist), Some(figures)) = (
        props.pack.content::<Checklist>(),
        report.figures::<Checklist>(),
    ) {
        checklist_figures(props.lang, text, checklist, figures, report.min_group)
    } else if let (Some(course), Some(figures)) =
        (props.pack.content::<Course>(), report.figures::<Course>())
    {
        course_figures(
            props.lang,
            text,
            course,
            figures,
            report.min_group,
            report.files_valid,
        )
    } else {
        html! {}
    }
}

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

fn checklist_figures(
    lang: Lang,
    text: &ToolsText,
    checklist: &Checklist,
    figures: &ChecklistFigures,
    min_group: usize,
) -> Html {
    // A count hidden by small-cell suppression reads "—"; the note under the tables says why.
    let cell = |count: Option<usize>| count.map_or_else(|| "—".to_string(), |n| n.to_string());
    let hidden = hidden_text(text, min_group);
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

fn course_figures(
    lang: Lang,
    text: &ToolsText,
    course: &Course,
    figures: &CourseFigures,
    min_group: usize,
    files: usize,
) -> Html {
    let hidden = hidden_text(text, min_group);
    html! {
        <>
            <h4>{ &text.agg_course_heading }</h4>
            <p class="kizuki-tools-course-total">{ fill(text.agg_completed_course, &[
                ("completed", &figures.completed_course.to_string()),
                ("files", &files.to_string()),
                ("rate", &format_rate(figures.completion_rate_percent)),
            ]) }</p>
            <p class="kizuki-tools-course-follow-up">{ match figures.follow_up.shown() {
                Some(f) => fill(text.agg_follow_up, &[
                    ("improved", &f.improved.to_string()),
                    ("answered", &f.answered.to_string()),
                    ("rate", &format_rate(f.improved_percent)),
                ]),
                None => fill(text.agg_follow_up_hidden, &[("hidden", &hidden)]),
            } }</p>
            <p class="kizuki-hint">{ &text.agg_useful_line }</p>
            { for figures.course_feedback.iter().filter(|f| f.target_percent.is_some()).map(|f| html! {
                <p class="kizuki-tools-course-useful" data-question={f.question.clone()}
                   data-meets-target={f.meets_target.map(|m| m.to_string())}>
                    { match f.figures.shown() {
                        Some(n) => fill(text.agg_course_useful, &[
                            ("rate", &format_rate(n.positive_percent)),
                            ("positive", &n.positive.to_string()),
                            ("answered", &n.answered.to_string()),
                            ("verdict", if f.meets_target == Some(true) {
                                text.agg_course_useful_met
                            } else {
                                text.agg_course_useful_not_met
                            }),
                        ]),
                        None => fill(text.agg_course_useful_hidden, &[("hidden", &hidden)]),
                    } }
                </p>
            }) }
            <p class="kizuki-hint">{ &text.agg_course_rule }</p>
            <div class="kizuki-tools-scroll">
                <table class="kizuki-table kizuki-tools-table kizuki-tools-modules">
                    <thead><tr>
                        <th scope="col">{ &text.agg_module }</th>
                        <th scope="col">{ &text.agg_started }</th>
                        <th scope="col">{ &text.agg_completed }</th>
                        <th scope="col">{ &text.agg_quiz_pass }</th>
                        <th scope="col">{ &text.agg_mean_minutes }</th>
                        { for course.feedback_questions.iter().map(|q| html! {
                            <th scope="col">{ fill(text.agg_feedback_positive, &[("question", q.prompt.get(lang))]) }</th>
                        }) }
                    </tr></thead>
                    <tbody>
                        { for figures.modules.iter().map(|module| {
                            let title = course.modules.iter().find(|m| m.id == module.id)
                                .map_or(module.id.as_str(), |m| m.title.get(lang));
                            html! {
                                <tr data-module={module.id.clone()}>
                                    <th scope="row">{ title }</th>
                                    { match module.figures.shown() {
                                        Some(n) => html! {
                                            <>
                                                <td>{ n.started }</td>
                                                <td>{ format!("{}（{}）", n.completed, format_rate(n.completion_rate_percent)) }</td>
                                                <td>{ match n.quiz.shown() {
                                                    Some(q) => format!("{}/{}（{}）", q.passed, q.attempted, format_rate(q.pass_rate_percent)),
                                                    None => hidden.clone(),
                                                } }</td>
                                                <td>{ n.mean_active_minutes.map_or_else(|| "—".to_string(), |m| format!("{m:.1}")) }</td>
                                                { for course.feedback_questions.iter().map(|q| {
                                                    let value = n.feedback.iter().find(|f| f.question == q.id)
                                                        .and_then(|f| f.figures.shown())
                                                        .map_or_else(|| hidden.clone(), |f| format!("{}（{}/{}）", format_rate(f.positive_percent), f.positive, f.answered));
                                                    html! { <td data-question={q.id.clone()}>{ value }</td> }
                                                }) }
                                            </>
                                        },
                                        None => html! {
                                            <td class="kizuki-tools-hidden" colspan={(course.feedback_questions.len() + 4).to_string()}>
                                                { hidden.clone() }
                                            </td>
                                        },
                                    } }
                                </tr>
                            }
                        }) }
                    </tbody>
                    <tfoot>
                        <tr class="kizuki-tools-course-row">
                            <th scope="row">{ &text.agg_course_row }</th>
                            <td colspan="4">{ "—" }</td>
                            { for course.feedback_questions.iter().map(|q| {
                                let value = figures.course_feedback.iter().find(|f| f.question == q.id)
                                    .and_then(|f| f.figures.shown())
                                    .map_or_else(|| hidden.clone(), |f| format!("{}（{}/{}）", format_rate(f.positive_percent), f.positive, f.answered));
                                html! { <td data-question={q.id.clone()}>{ value }</td> }
                            }) }
                        </tr>
                    </tfoot>
                </table>
            </div>
        </>
    }
}
