//! The support center's aggregation page: many exported files of one pack in, the core's
//! [`kizuki_core::aggregate::aggregate`] figures out. Nothing leaves the browser.

use std::rc::Rc;

use kizuki_core::aggregate::{
    effective_min_group_for, min_group_floor, report_csv, AggregateReport, Aggregation,
    KindAggregate,
};
use kizuki_core::kind::KindAccess;
use kizuki_core::{Lang, ValidPack};
use yew::prelude::*;

use super::{fill, tools_text, ToolsText};
use crate::file_button::FileButton;
use crate::kind::KitProps;
use crate::platform;

/// What a kind draws on the aggregation page: each aggregated kind implements it in its
/// web folder (`kind/checklist/aggregate_view.rs`, `kind/course/aggregate_view.rs`,
/// `kind/questionnaire/groups.rs`), and [`crate::kind::aggregate_kind`], over every kind
/// with no catch-all, picks the pack's. The page names no kind. The core decides every
/// figure (and hides the small ones); a view only lays them out.
pub trait FiguresView: KindAggregate + KindAccess {
    /// Whether the page's minimum group counts files (workplaces: a checklist) rather than
    /// people, for its label and help.
    const MIN_GROUP_COUNTS_FILES: bool = false;

    /// The kind's figures of the page's report.
    fn figures_view(&self, figures: &Self::Figures, page: &AggregatePage<'_>) -> Html;
}

/// What a kind's view reads of the page: the pack, the report, the language and the page's
/// words.
pub struct AggregatePage<'a> {
    /// The pack the files were aggregated against.
    pub pack: &'a ValidPack,
    /// The page's one report.
    pub report: &'a AggregateReport,
    /// The language shown.
    pub lang: Lang,
    /// The tools' words in that language.
    pub text: &'static ToolsText,
}

impl AggregatePage<'_> {
    /// The words of a figure hidden below the report's minimum group.
    pub fn hidden(&self) -> String {
        fill(
            self.text.agg_hidden,
            &[("n", &self.report.min_group.to_string())],
        )
    }
}

/// A kind as the aggregation page shows it ([`crate::kind::aggregate_kind`] gives the
/// pack's).
#[derive(Debug, Clone, Copy)]
pub struct AggregateKind {
    /// See [`FiguresView::MIN_GROUP_COUNTS_FILES`].
    pub min_group_counts_files: bool,
    /// Draws the kind's figures of the page's report (nothing when it carries none).
    pub figures: fn(&AggregatePage<'_>) -> Html,
}

impl AggregateKind {
    /// A kind never aggregated (the plan): no figures; its files are refused by the core.
    pub const NOT_AGGREGATED: AggregateKind = AggregateKind {
        min_group_counts_files: false,
        figures: |_| Html::default(),
    };

    /// The kind `K`'s view.
    pub fn of<K: FiguresView>() -> AggregateKind {
        AggregateKind {
            min_group_counts_files: K::MIN_GROUP_COUNTS_FILES,
            figures: figures_of::<K>,
        }
    }
}

/// Kind `K`'s figures of the page's report, when the pack and the report are of that kind.
fn figures_of<K: FiguresView>(page: &AggregatePage<'_>) -> Html {
    match (page.pack.content::<K>(), page.report.figures::<K>()) {
        (Some(content), Some(figures)) => content.figures_view(figures, page),
        _ => Html::default(),
    }
}

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

/// How long the page adds files before it lets the browser paint the progress bar and
/// answer the person, in milliseconds: short enough that the page never seems to freeze
/// (10,000 files take about a second), long enough that the pauses cost little of it.
const AGGREGATE_SLICE_MS: f64 = 50.0;

/// Aggregates the files read in slices of about [`AGGREGATE_SLICE_MS`], calling `progress`
/// with the files added so far and letting the browser paint between slices. Stops (`None`)
/// when `progress` says the work is superseded (the files or the minimum changed). The time
/// from the first file to the report, pauses included, is the User Timing measure
/// `kizuki-aggregate` (seen in the browser's performance tools; the benchmark reads it).
async fn aggregate_in_slices(
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
    let now = || performance.as_ref().map_or(0.0, web_sys::Performance::now);
    if let Some(performance) = &performance {
        let _ = performance.mark("kizuki-aggregate-start");
    }
    let total = files.read.len();
    let mut done = 0;
    while done < total {
        let slice_end = now() + AGGREGATE_SLICE_MS;
        for (name, bytes) in &files.read[done..] {
            aggregation.add(name, bytes);
            done += 1;
            // (Without `performance`, the clock stands still and one slice takes them all.)
            if now() >= slice_end {
                break;
            }
        }
        if !progress(done, total) {
            return None;
        }
        if done < total {
            paint_pause().await;
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

/// Files not used listed one by one; more are counted per reason, their names folded away.
const INVALID_LISTED: usize = 10;

/// Files read between two updates of the progress bar.
const READ_BATCH: usize = 250;

/// Lets the browser paint and handle input between two slices of work: a timeout of no
/// delay (the browser paints in it when a frame is due, as it is after a slice).
async fn paint_pause() {
    pause(0).await;
}

/// Waits for the next paint (a timeout of one frame), so the page shows its progress.
async fn next_frame() {
    pause(16).await;
}

/// A timeout of `millis`, awaited.
async fn pause(millis: u32) {
    let mut resolve = None;
    let promise = js_sys::Promise::new(&mut |resolved, _| resolve = Some(resolved));
    // Cancelled if dropped before it fires: held until the promise has settled.
    let _timeout = resolve.map(|resolve| {
        gloo_timers::callback::Timeout::new(millis, move || {
            let _ = resolve.call0(&wasm_bindgen::JsValue::UNDEFINED);
        })
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// A percentage as the page writes it (`12.5%`).
pub fn format_rate(value: f64) -> String {
    format!("{value:.1}%")
}

/// The aggregation page for the pack the frame loaded.
#[function_component(AggregateView)]
pub fn aggregate_view(props: &KitProps) -> Html {
    let text = tools_text(props.lang);
    let kind = props.pack.pack().kit.kind_name();
    let kind_view = crate::kind::aggregate_kind(&props.pack.pack().kit);
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
    let (min_label, min_help) = if kind_view.min_group_counts_files {
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
                        let result = aggregate_in_slices(&pack, &files, min_group, progress).await;
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
                    { (kind_view.figures)(&AggregatePage { pack: &props.pack, report, lang: props.lang, text }) }
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
    let files: Vec<(&str, &str)> = unreadable
        .iter()
        .map(|(name, code)| (name.as_str(), code.as_str()))
        .chain(
            report
                .invalid
                .iter()
                .map(|file| (file.name.as_str(), file.code)),
        )
        .collect();
    if files.is_empty() {
        return html! {};
    }
    let list = html! {
        <ul>
            { for files.iter().map(|&(name, code)| html! {
                <li data-code={code.to_string()}><span class="kizuki-tools-file-name">{ name }</span>
                    { "：" }{ text.error(lang, code) }</li>
            }) }
        </ul>
    };
    html! {
        <div class="kizuki-tools-invalid">
            <h4>{ &text.agg_invalid_heading }</h4>
            if files.len() <= INVALID_LISTED {
                { list }
            } else {
                // Many files (the same folder chosen twice, another kit's files): how many
                // for each reason, in the order the reasons first came, and every name
                // folded away beneath.
                <ul class="kizuki-tools-invalid-counts">
                    { for counts_per_reason(&files).into_iter().map(|(code, count)| html! {
                        <li data-code={code.to_string()}>{ fill(text.agg_invalid_count, &[
                            ("reason", text.error(lang, code)),
                            ("n", &count.to_string()),
                        ]) }</li>
                    }) }
                </ul>
                <details class="kizuki-disclosure kizuki-tools-invalid-files">
                    <summary>{ fill(text.agg_invalid_show_all, &[("n", &files.len().to_string())]) }</summary>
                    { list }
                </details>
            }
        </div>
    }
}

/// How many files there are of each reason code, in the order the codes first come.
fn counts_per_reason<'a>(files: &[(&str, &'a str)]) -> Vec<(&'a str, usize)> {
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for &(_, code) in files {
        match counts.iter_mut().find(|(seen, _)| *seen == code) {
            Some((_, count)) => *count += 1,
            None => counts.push((code, 1)),
        }
    }
    counts
}
