//! The draft 心の健康づくり計画: four sections (方針, 体制, 重点取組, 評価) worded from the
//! core's `PlanDraft` and the locale file, each an editable textarea. Edits are kept in this
//! browser under their own storage key next to the answers, and print as plain text.

use std::collections::BTreeMap;

use kizuki_core::kind::checklist::PlanDraft;
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

use super::state::Ctx;
use super::text::{fill, ChecklistText};
use super::widgets::plain;
use crate::platform;

/// How many action-plan items the draft lists when the person has not chosen any.
const TOP_PRIORITIES: usize = 5;

/// The sections, in order: their id (stored with edits) and heading.
const SECTIONS: [&str; 4] = ["policy", "organisation", "priorities", "evaluation"];

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
    let item_text = |id: &str| {
        checklist
            .item(id)
            .map(|item| {
                checklist
                    .item_text(item, &ctx.answers)
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
            for area in &draft.in_place {
                lines.push(format!("【{}】", area_title(&area.area)));
                lines.extend(area.items.iter().map(|id| format!("・{}", item_text(id))));
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
                    &[("rank", &p.rank.to_string()), ("item", &item_text(&p.item))],
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
            lines.push(String::new());
            for (area, counts) in checklist.areas.iter().zip(&draft.baseline) {
                if counts.applicable > 0 {
                    lines.push(fill(
                        text.draft_evaluation_area,
                        &[
                            ("area", area.title.get(lang)),
                            ("score", &score(counts.percent, counts.level)),
                        ],
                    ));
                }
            }
            lines.join("\n")
        }
    }
}

/// The stored edits: `Err` when a record is there that cannot be read (it is then never
/// written over; see [`first_load`]).
fn read_edits(key: &str) -> Result<BTreeMap<String, String>, platform::StorageError> {
    match platform::read(key)? {
        None => Ok(BTreeMap::new()),
        Some(json) => serde_json::from_str(&json).map_err(|_| platform::StorageError::KeptInPlace),
    }
}

/// The edits to start from. A damaged draft record follows the rule of every record: it is
/// set aside under `<key>/corrupt/<time>` byte for byte, or, when that copy cannot be
/// written, left where it is (and the error says so, and no edit is saved over it).
fn first_load(key: &str) -> (BTreeMap<String, String>, Option<platform::StorageError>) {
    match read_edits(key) {
        Ok(edits) => (edits, None),
        Err(platform::StorageError::KeptInPlace) => {
            let text = platform::read(key).ok().flatten().unwrap_or_default();
            match platform::keep_aside(key, &text) {
                Some(_) => (BTreeMap::new(), None),
                None => (BTreeMap::new(), Some(platform::StorageError::KeptInPlace)),
            }
        }
        Err(error) => (BTreeMap::new(), Some(error)),
    }
}

fn save_edits(key: &str, edits: &BTreeMap<String, String>) -> Result<(), platform::StorageError> {
    if edits.is_empty() {
        return platform::remove(key);
    }
    let json = serde_json::to_string(edits).unwrap_or_default();
    platform::write(key, &json)
}

/// Properties of [`PlanDraftView`].
#[derive(Clone, PartialEq, Properties)]
pub struct DraftProps {
    /// What the view shares.
    pub ctx: Ctx,
}

/// The editable draft plan.
#[function_component(PlanDraftView)]
pub fn plan_draft_view(props: &DraftProps) -> Html {
    let ctx = &props.ctx;
    let text = ctx.text();
    let key = ctx.draft_key();
    let loaded = {
        let key = key.clone();
        use_memo((), move |_| first_load(&key))
    };
    let edits = {
        let loaded = loaded.clone();
        use_state(move || loaded.0.clone())
    };
    // What this tab last read or wrote: when the stored edits differ from it, another tab
    // wrote them, and they are merged in rather than overwritten.
    let base = {
        let loaded = loaded.clone();
        use_mut_ref(move || loaded.0.clone())
    };
    let problem = {
        let loaded = loaded.clone();
        use_state(move || loaded.1.clone())
    };
    let today = use_memo((), |_| platform::today());
    let draft = ctx
        .checklist()
        .plan_draft(&ctx.answers, TOP_PRIORITIES, &today);
    let change = {
        let edits = edits.clone();
        let problem = problem.clone();
        move |section: &'static str, value: Option<String>| {
            let stored = match read_edits(&key) {
                Ok(stored) => stored,
                Err(error) => {
                    // Never written over: a record that cannot be read stays as it is.
                    problem.set(Some(error));
                    return;
                }
            };
            let other_tab = stored != *base.borrow();
            // Start from what is stored (another tab's sections included), change only the
            // section edited here.
            let mut next = if other_tab { stored } else { (*edits).clone() };
            match value {
                Some(value) => next.insert(section.to_string(), value),
                None => next.remove(section),
            };
            match save_edits(&key, &next) {
                Ok(()) => problem.set(other_tab.then_some(platform::StorageError::NewerElsewhere)),
                Err(error) => problem.set(Some(error)),
            }
            *base.borrow_mut() = next.clone();
            edits.set(next);
        }
    };
    html! {
        <section class="kizuki-cl-draft" aria-labelledby={ctx.id(&["draft-heading"])} data-testid="draft">
            <h4 id={ctx.id(&["draft-heading"])}>{ &text.draft_heading }</h4>
            <p class="kizuki-cl-intro kizuki-no-print">{ &text.draft_intro }</p>
            if let Some(error) = &*problem {
                <p class="kizuki-notice kizuki-notice--error" role="alert">{ super::storage_message(text, error) }</p>
            }
            { for SECTIONS.iter().map(|&section| {
                let id = ctx.id(&["draft", section]);
                let edited = edits.get(section);
                let value = edited.cloned().unwrap_or_else(|| generated(ctx, &draft, section, &today));
                let rows = (value.lines().count() + 2).clamp(4, 24);
                let on_input = {
                    let change = change.clone();
                    Callback::from(move |event: InputEvent| {
                        let area: HtmlTextAreaElement = event.target_unchecked_into();
                        change(section, Some(area.value()));
                    })
                };
                let on_reset = {
                    let change = change.clone();
                    Callback::from(move |_: MouseEvent| change(section, None))
                };
                html! {
                    <div class="kizuki-cl-draft-section" data-section={section}>
                        <h5 class="kizuki-cl-draft-heading">
                            <label for={id.clone()}>{ heading(text, section) }</label>
                            if edited.is_some() {
                                <span class="kizuki-cl-edited">{ " " }{ &text.draft_edited }</span>
                            }
                        </h5>
                        <textarea id={id} class="kizuki-input kizuki-cl-draft-text" rows={rows.to_string()}
                                  value={value.clone()} oninput={on_input} />
                        <div class="kizuki-cl-draft-print">{ value }</div>
                        if edited.is_some() {
                            <button type="button" class="kizuki-button kizuki-button--quiet kizuki-button--small" onclick={on_reset}>
                                { &text.draft_reset }
                            </button>
                        }
                    </div>
                }
            }) }
        </section>
    }
}
