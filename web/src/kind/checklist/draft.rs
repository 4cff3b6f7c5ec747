//! The draft 心の健康づくり計画: four sections (方針, 体制, 重点取組, 評価) worded from the
//! core's `PlanDraft` and the locale file, each an editable textarea. Edits are part of the
//! checklist's record (`ChecklistAnswers::plan`, changed by `SetPlanSection`), so they are
//! saved, exported and imported with the answers; the plan prints alone on one A4 page and
//! downloads as plain text and as an editable `.docx` (the core's document model). When two
//! tabs changed the same section, the other tab's text is shown beside it as a conflict copy
//! (the core's `merge_plan`) until the person chooses which to use, or both.

use std::collections::BTreeMap;

use kizuki_core::kind::checklist::{
    both_fit, plan_document, ChecklistAction, ChecklistAnswers, PlanConflictChoice, PlanDraft,
    MAX_PLAN_SECTION_CHARS, PLAN_SECTIONS,
};
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

use super::state::Ctx;
use super::text::{fill, ChecklistText};
use super::widgets::plain;
use crate::platform;
use crate::shell::confirm::Confirm;

/// How many action-plan items the draft lists when the person has not chosen any.
const TOP_PRIORITIES: usize = 5;

fn heading(text: &ChecklistText, section: &str) -> String {
    match section {
        "policy" => text.draft_policy.to_string(),
        "organisation" => text.draft_organisation.to_string(),
        "priorities" => text.draft_priorities.to_string(),
        _ => text.draft_evaluation.to_string(),
    }
}

/// The draft's text for a section, worded from the answers.
fn generated(ctx: &Ctx, draft: &PlanDraft, section: &str, today: &str) -> String {
    let text = ctx.text();
    let checklist = ctx.checklist();
    let lang = ctx.lang;
    // 重点取組 are goals: "…を把握する", not the checklist's "…を把握している".
    let item_goal = |id: &str| {
        checklist
            .item(id)
            .map(|item| {
                checklist
                    .item_goal(item, &ctx.answers)
                    .get(lang)
                    .to_string()
            })
            .unwrap_or_default()
    };
    let area_title = |id: &str| {
        checklist
            .areas
            .iter()
            .find(|a| a.id == id)
            .map(|a| a.title.get(lang).to_string())
            .unwrap_or_default()
    };
    let score = |percent: Option<u8>, level: Option<usize>| match (
        percent,
        level.and_then(|l| checklist.levels.get(l)),
    ) {
        (Some(p), Some(level)) => fill(
            text.draft_score,
            &[
                ("percent", &p.to_string()),
                ("level", level.label.get(lang)),
            ],
        ),
        _ => text.chart_no_score.to_string(),
    };
    match section {
        "policy" => text.draft_policy_text.to_string(),
        "organisation" => {
            let mut lines = vec![text.draft_organisation_intro.to_string()];
            if draft.in_place.is_empty() {
                lines.push(text.draft_organisation_none.to_string());
            }
            // The areas on one line, so the plan stays on one page; the items are in the results.
            let areas: Vec<String> = draft
                .in_place
                .iter()
                .map(|area| {
                    fill(
                        text.draft_organisation_area,
                        &[
                            ("area", &area_title(&area.area)),
                            ("n", &area.items.len().to_string()),
                        ],
                    )
                })
                .collect();
            if !areas.is_empty() {
                lines.push(areas.join(text.draft_list_separator));
            }
            lines.join("\n")
        }
        "priorities" => {
            let mut blocks = Vec::new();
            let findings: Vec<String> = draft
                .consistency
                .iter()
                .filter_map(|id| checklist.consistency.iter().find(|c| &c.id == id))
                .map(|check| format!("・{}", plain(check.finding.get(lang))))
                .collect();
            if !findings.is_empty() {
                blocks.push(format!(
                    "{}\n{}",
                    text.draft_consistency_heading,
                    findings.join("\n")
                ));
            }
            if draft.priorities.is_empty() {
                blocks.push(text.draft_priorities_none.to_string());
                return blocks.join("\n\n");
            }
            for p in &draft.priorities {
                let mut lines = vec![fill(
                    text.draft_priority_line,
                    &[("rank", &p.rank.to_string()), ("item", &item_goal(&p.item))],
                )];
                if let Some(item) = checklist.item(&p.item) {
                    lines.push(format!(
                        "   {}",
                        fill(
                            text.draft_priority_detail,
                            &[(
                                "recommendation",
                                &plain(checklist.item_recommendation(item, &ctx.answers).get(lang))
                            )]
                        )
                    ));
                }
                let unset = |value: &str| {
                    if value.trim().is_empty() {
                        text.draft_unset.to_string()
                    } else {
                        value.to_string()
                    }
                };
                let due = kizuki_core::report::display_date(&p.due, lang);
                let mut owner = fill(
                    text.draft_priority_owner,
                    &[("owner", &unset(&p.owner)), ("due", &unset(&due))],
                );
                if p.done {
                    owner.push_str(text.draft_priority_done);
                }
                lines.push(format!("   {owner}"));
                blocks.push(lines.join("\n"));
            }
            blocks.join("\n\n")
        }
        _ => {
            let mut lines = vec![fill(
                text.draft_evaluation_text,
                &[
                    ("date", &kizuki_core::report::display_date(today, lang)),
                    ("score", &score(draft.percent, draft.level)),
                ],
            )];
            let areas: Vec<String> = checklist
                .areas
                .iter()
                .zip(&draft.baseline)
                .filter(|(_, counts)| counts.applicable > 0)
                .map(|(area, counts)| {
                    fill(
                        text.draft_evaluation_area,
                        &[
                            ("area", area.title.get(lang)),
                            ("score", &score(counts.percent, counts.level)),
                        ],
                    )
                })
                .collect();
            // The baseline by area on one line, so the plan stays on one page.
            lines.push(fill(
                text.draft_evaluation_areas,
                &[("areas", &areas.join(text.draft_list_separator))],
            ));
            lines.join("\n")
        }
    }
}

/// Properties of [`PlanDraftView`].
#[derive(Clone, PartialEq, Properties)]
pub struct DraftProps {
    /// What the view shares.
    pub ctx: Ctx,
}

/// Each section's heading and text as the person reads it: edited, or worded from the
/// answers.
fn sections(ctx: &Ctx, draft: &PlanDraft, today: &str) -> Vec<(String, String)> {
    let text = ctx.text();
    PLAN_SECTIONS
        .iter()
        .map(|&section| {
            let value = ctx
                .answers
                .plan
                .get(section)
                .cloned()
                .unwrap_or_else(|| generated(ctx, draft, section, today));
            (heading(text, section), value)
        })
        .collect()
}

/// The draft plan's title: with the workplace's name when given.
fn title(ctx: &Ctx) -> String {
    let text = ctx.text();
    match ctx.answers.workplace.as_str() {
        "" => text.draft_heading.to_string(),
        name => fill(text.draft_heading_named, &[("name", name)]),
    }
}

/// The draft plan as a document, for the downloads.
fn document(ctx: &Ctx, draft: &PlanDraft, today: &str) -> kizuki_core::document::Document {
    plan_document(ctx.lang, &title(ctx), &sections(ctx, draft, today))
}

/// The editable draft plan. Its edits are part of the checklist's record (answers `plan`):
/// saved with every change, exported and imported with the answers.
#[function_component(PlanDraftView)]
pub fn plan_draft_view(props: &DraftProps) -> Html {
    let ctx = &props.ctx;
    let text = ctx.text();
    let today = use_memo((), |_| platform::today());
    let sheet = use_node_ref();
    let problem = use_state(|| None::<String>);
    let draft = ctx
        .checklist()
        .plan_draft(&ctx.answers, TOP_PRIORITIES, &today);
    let file_stem = kizuki_core::kind::checklist::file_stem(
        &format!("{}-plan", ctx.pack.pack().id),
        &ctx.answers.workplace,
        &today,
    );
    let download = |docx: bool| {
        let document = document(ctx, &draft, &today);
        let file_stem = file_stem.clone();
        let problem = problem.clone();
        Callback::from(move |_: MouseEvent| {
            let done = if docx {
                crate::document_view::download_docx(&document, &file_stem)
            } else {
                crate::document_view::download_text(&document, &file_stem)
            };
            problem.set(done.err());
        })
    };
    html! {
        <section class="kizuki-cl-draft" aria-labelledby={ctx.id(&["draft-heading"])} data-testid="draft"
                 ref={sheet.clone()}>
            <h4 id={ctx.id(&["draft-heading"])}>{ title(ctx) }</h4>
            <p class="kizuki-cl-intro kizuki-no-print">{ &text.draft_intro }</p>
            <div class="kizuki-actions kizuki-no-print">
                <button type="button" class="kizuki-button kizuki-button--secondary kizuki-button--small"
                        data-testid="draft-print" onclick={crate::print::on_print(sheet.clone())}>
                    { &text.draft_print }
                </button>
                <button type="button" class="kizuki-button kizuki-button--secondary kizuki-button--small"
                        data-testid="draft-docx" onclick={download(true)}>
                    { &text.draft_docx }
                </button>
                <button type="button" class="kizuki-button kizuki-button--secondary kizuki-button--small"
                        data-testid="draft-text" onclick={download(false)}>
                    { &text.draft_text }
                </button>
            </div>
            if let Some(error) = &*problem {
                <p class="kizuki-notice kizuki-notice--error" role="alert">{ error }</p>
            }
            { for PLAN_SECTIONS.iter().map(|&section| {
                let id = ctx.id(&["draft", section]);
                let edited = ctx.answers.plan.get(section);
                let value = edited.cloned().unwrap_or_else(|| generated(ctx, &draft, section, &today));
                let rows = (value.lines().count() + 2).clamp(4, 24);
                let on_input = {
                    let apply = ctx.apply.clone();
                    Callback::from(move |event: InputEvent| {
                        let area: HtmlTextAreaElement = event.target_unchecked_into();
                        apply.emit(ChecklistAction::SetPlanSection {
                            section: section.to_string(),
                            text: Some(area.value()),
                        });
                    })
                };
                let on_reset = {
                    let apply = ctx.apply.clone();
                    Callback::from(move |()| {
                        apply.emit(ChecklistAction::SetPlanSection {
                            section: section.to_string(),
                            text: None,
                        })
                    })
                };
                let copies = ctx.answers.plan_conflicts.get(section).cloned().unwrap_or_default();
                let class = classes!(
                    "kizuki-cl-draft-section",
                    (!copies.is_empty()).then_some("kizuki-cl-draft-section--conflict")
                );
                html! {
                    <div class={class} data-section={section}>
                        <h5 class="kizuki-cl-draft-heading">
                            <label for={id.clone()}>{ heading(text, section) }</label>
                            if edited.is_some() {
                                <span class="kizuki-cl-edited kizuki-no-print">{ " " }{ &text.draft_edited }</span>
                            }
                        </h5>
                        <div class="kizuki-cl-draft-body">
                            <div class="kizuki-cl-draft-own">
                                <textarea id={id.clone()} class="kizuki-input kizuki-cl-draft-text" rows={rows.to_string()}
                                          value={value.clone()} oninput={on_input} />
                                <div class="kizuki-cl-draft-print">{ value }</div>
                                if edited.is_some() {
                                    // Asks first: the section's own words go (no undo).
                                    <Confirm lang={ctx.lang} danger=true
                                             class={classes!("kizuki-button--quiet", "kizuki-button--small", "kizuki-no-print")}
                                             open_label={text.draft_reset} question={text.draft_reset_question}
                                             yes_label={text.draft_reset_confirm} on_confirm={on_reset} />
                                }
                            </div>
                            { for copies.iter().enumerate().map(|(index, copy)| conflict_copy(ctx, section, &id, edited.map(String::as_str), index, copy)) }
                        </div>
                    </div>
                }
            }) }
        </section>
    }
}

/// A conflict copy of a section (another tab wrote it while this one did too), beside the
/// section's own text, with the three choices. Which choices fit is the core's to say
/// (`both_fit`); applying one is the core's `ResolvePlanConflict`.
fn conflict_copy(
    ctx: &Ctx,
    section: &'static str,
    field_id: &str,
    own: Option<&str>,
    index: usize,
    copy: &str,
) -> Html {
    let text = ctx.text();
    let intro_id = format!("{field_id}-conflict-{index}");
    let choose = |choice: PlanConflictChoice| {
        let apply = ctx.apply.clone();
        Callback::from(move |_: MouseEvent| {
            apply.emit(ChecklistAction::ResolvePlanConflict {
                section: section.to_string(),
                copy: index,
                choice,
            })
        })
    };
    let fits = both_fit(own, copy);
    html! {
        <div class="kizuki-notice kizuki-notice--warning kizuki-cl-draft-conflict kizuki-no-print"
             role="group" aria-labelledby={intro_id.clone()} data-testid="draft-conflict">
            <p id={intro_id}>{ &text.draft_conflict_intro }</p>
            <p class="kizuki-cl-draft-conflict-label">{ &text.draft_conflict_other }</p>
            <div class="kizuki-cl-draft-conflict-text" data-testid="draft-conflict-text">{ copy.to_string() }</div>
            <div class="kizuki-actions">
                <button type="button" class="kizuki-button kizuki-button--secondary kizuki-button--small"
                        data-testid="conflict-ours" onclick={choose(PlanConflictChoice::Ours)}>
                    { &text.draft_conflict_ours }
                </button>
                <button type="button" class="kizuki-button kizuki-button--secondary kizuki-button--small"
                        data-testid="conflict-theirs" onclick={choose(PlanConflictChoice::Theirs)}>
                    { &text.draft_conflict_theirs }
                </button>
                if fits {
                    <button type="button" class="kizuki-button kizuki-button--secondary kizuki-button--small"
                            data-testid="conflict-both" onclick={choose(PlanConflictChoice::Both)}>
                        { &text.draft_conflict_both }
                    </button>
                }
            </div>
            if !fits {
                <p>{ fill(text.draft_conflict_too_long, &[("limit", &MAX_PLAN_SECTION_CHARS.to_string())]) }</p>
            }
        </div>
    }
}

/// Moves draft edits kept under the old separate key (`<record>/plan-draft`, before the
/// plan joined the record) into the answers, once: only when the record holds no plan yet.
/// A damaged old record is set aside like any record. Returns the actions to apply; the
/// old key is removed by the caller once the record with the plan is saved.
pub fn migrate_old_edits(old_key: &str, answers: &ChecklistAnswers) -> Vec<ChecklistAction> {
    let Ok(Some(json)) = platform::read(old_key) else {
        return Vec::new();
    };
    match kizuki_core::json::from_slice::<BTreeMap<String, String>>(json.as_bytes()) {
        Ok(edits) if answers.plan.is_empty() => edits
            .into_iter()
            .filter(|(section, _)| PLAN_SECTIONS.contains(&section.as_str()))
            .map(|(section, text)| ChecklistAction::SetPlanSection {
                section,
                text: Some(text),
            })
            .collect(),
        Ok(_) => Vec::new(),
        Err(_) => {
            // Set aside byte for byte (or, when that fails, left where it is, never
            // written over).
            let _ = platform::keep_aside(old_key, &json);
            Vec::new()
        }
    }
}
