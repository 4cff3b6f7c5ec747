//! Plan documents (the 職場復帰支援プラン, the 情報提供依頼書) rendered for one case: first as
//! data with every field resolved, then as a printable A4 page; and a case overview page.

use serde::Serialize;

use crate::error::{Error, Result};
use crate::kind::plan::{Case, DocBlock, DocumentTemplate, Field, FieldKind, Plan};
use crate::load::ValidPack;
use crate::report::{count, display_date, fill_number, labels, separator, t, HtmlWriter};
use crate::text::Lang;

/// A document template filled in for one case, in one language.
///
/// Texts from the pack keep Kizuki's inline markup (`**strong**`, `[label](https://…)`);
/// values typed by the person are plain text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RenderedDocument {
    /// The template's id.
    pub id: String,
    /// The language it is rendered in.
    pub lang: Lang,
    /// The document's title.
    pub title: String,
    /// The blocks, top to bottom.
    pub blocks: Vec<RenderedBlock>,
}

/// One block of a rendered document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum RenderedBlock {
    /// A heading.
    Heading {
        /// The heading.
        text: String,
    },
    /// A fixed paragraph.
    Paragraph {
        /// The paragraph.
        text: String,
    },
    /// A fixed list.
    List {
        /// The entries.
        items: Vec<String>,
    },
    /// A case field under its label.
    Field {
        /// The field id.
        field: String,
        /// The label shown.
        label: String,
        /// The value as read: dates written for the language, choices by their label;
        /// `None` when the field is empty (a line to fill in on paper).
        value: Option<String>,
        /// Whether the value may span several lines.
        multiline: bool,
    },
    /// The follow-up schedule.
    FollowUpSchedule {
        /// The schedule's title.
        title: String,
        /// What the meetings check.
        description: String,
        /// The dates; empty while the anchor date is not set.
        dates: Vec<RenderedFollowUp>,
        /// The label of the anchor date field, when it is not set yet.
        missing_anchor: Option<String>,
    },
    /// A line to sign on paper.
    Signature {
        /// Who signs and what for.
        label: String,
    },
}

/// One follow-up date of a rendered document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RenderedFollowUp {
    /// Days after the anchor date.
    pub offset_days: u16,
    /// The offset as read (e.g. `7日後`).
    pub offset_label: String,
    /// The date, `YYYY-MM-DD`.
    pub date: String,
    /// The date as read (e.g. `2026年4月8日`).
    pub display: String,
}

fn plan_of(pack: &ValidPack) -> Result<&Plan> {
    pack.content::<Plan>().ok_or_else(|| {
        Error::DoesNotFit(format!(
            "plan documents need a plan pack; this one is a {}",
            pack.pack().kit.kind_name()
        ))
    })
}

fn template<'a>(plan: &'a Plan, doc_id: &str) -> Result<&'a DocumentTemplate> {
    plan.documents
        .iter()
        .find(|d| d.id == doc_id)
        .ok_or_else(|| Error::UnknownId(doc_id.to_string()))
}

/// Fills the document `doc_id` with the case's values, in `lang`.
///
/// Fails when the pack is not a plan or has no such document.
pub fn render_document(
    pack: &ValidPack,
    case: &Case,
    doc_id: &str,
    lang: Lang,
) -> Result<RenderedDocument> {
    let plan = plan_of(pack)?;
    let document = template(plan, doc_id)?;
    let blocks = document
        .blocks
        .iter()
        .map(|block| render_block(plan, case, block, lang))
        .collect();
    Ok(RenderedDocument {
        id: document.id.clone(),
        lang,
        title: t(&document.title, lang).to_string(),
        blocks,
    })
}

fn render_block(plan: &Plan, case: &Case, block: &DocBlock, lang: Lang) -> RenderedBlock {
    match block {
        DocBlock::Heading { text } => RenderedBlock::Heading {
            text: t(text, lang).to_string(),
        },
        DocBlock::Paragraph { text, .. } => RenderedBlock::Paragraph {
            text: t(text, lang).to_string(),
        },
        DocBlock::List { items, .. } => RenderedBlock::List {
            items: items.iter().map(|i| t(i, lang).to_string()).collect(),
        },
        DocBlock::Field { field, label } => {
            let definition = plan.fields.iter().find(|f| &f.id == field);
            let label = label
                .as_ref()
                .or(definition.map(|d| &d.label))
                .map_or(field.as_str(), |l| t(l, lang));
            RenderedBlock::Field {
                field: field.clone(),
                label: label.to_string(),
                value: definition.and_then(|d| field_value(d, case, lang)),
                multiline: definition.is_some_and(|d| d.kind == FieldKind::LongText),
            }
        }
        DocBlock::FollowUpSchedule => {
            let dates: Vec<RenderedFollowUp> = plan
                .follow_up_dates(case)
                .into_iter()
                .map(|f| RenderedFollowUp {
                    offset_days: f.offset_days,
                    offset_label: fill_number(labels(lang).days_after, f.offset_days),
                    display: display_date(&f.date, lang),
                    date: f.date,
                })
                .collect();
            let missing_anchor = dates.is_empty().then(|| {
                plan.fields
                    .iter()
                    .find(|f| f.id == plan.follow_up.anchor_field)
                    .map_or(plan.follow_up.anchor_field.clone(), |f| {
                        t(&f.label, lang).to_string()
                    })
            });
            RenderedBlock::FollowUpSchedule {
                title: t(&plan.follow_up.title, lang).to_string(),
                description: t(&plan.follow_up.description, lang).to_string(),
                dates,
                missing_anchor,
            }
        }
        DocBlock::Signature { label } => RenderedBlock::Signature {
            label: t(label, lang).to_string(),
        },
    }
}

/// A field's value as read, or `None` when empty.
fn field_value(field: &Field, case: &Case, lang: Lang) -> Option<String> {
    let value = case
        .fields
        .get(&field.id)
        .filter(|v| !v.trim().is_empty())?;
    Some(match field.kind {
        FieldKind::Date => display_date(value, lang),
        FieldKind::Choice => field
            .options
            .iter()
            .find(|o| &o.id == value)
            .map_or(value.clone(), |o| t(&o.label, lang).to_string()),
        FieldKind::Text | FieldKind::LongText => value.clone(),
    })
}

/// The document `doc_id` for the case as a printable A4 HTML page.
pub fn document_html(pack: &ValidPack, case: &Case, doc_id: &str, lang: Lang) -> Result<String> {
    let document = render_document(pack, case, doc_id, lang)?;
    let l = labels(lang);
    let mut w = HtmlWriter::default();
    w.element("<p class=\"notice\">", l.confidential, "</p>\n")
        .element("<h1>", &document.title, "</h1>\n");
    let mut in_fields = false;
    for block in &document.blocks {
        let is_field = matches!(block, RenderedBlock::Field { .. });
        if is_field && !in_fields {
            w.markup("<dl class=\"fields\">\n");
        } else if !is_field && in_fields {
            w.markup("</dl>\n");
        }
        in_fields = is_field;
        block_html(&mut w, block, lang);
    }
    if in_fields {
        w.markup("</dl>\n");
    }
    Ok(w.into_document(lang, &document.title))
}

fn block_html(w: &mut HtmlWriter, block: &RenderedBlock, lang: Lang) {
    let l = labels(lang);
    match block {
        RenderedBlock::Heading { text } => {
            w.markup("<h2>").inline(text).markup("</h2>\n");
        }
        RenderedBlock::Paragraph { text } => {
            w.markup("<p>").inline(text).markup("</p>\n");
        }
        RenderedBlock::List { items } => {
            w.markup("<ul>\n");
            for item in items {
                w.markup("<li>").inline(item).markup("</li>\n");
            }
            w.markup("</ul>\n");
        }
        RenderedBlock::Field {
            label,
            value,
            multiline,
            ..
        } => {
            w.element("<dt>", label, "</dt>");
            match value {
                Some(value) if *multiline => {
                    w.markup("<dd>").multiline(value).markup("</dd>\n");
                }
                Some(value) => {
                    w.element("<dd>", value, "</dd>\n");
                }
                None if *multiline => {
                    w.element("<dd class=\"blank tall\">", l.not_filled_in, "</dd>\n");
                }
                None => {
                    w.element("<dd class=\"blank\">", l.not_filled_in, "</dd>\n");
                }
            }
        }
        RenderedBlock::FollowUpSchedule {
            title,
            description,
            dates,
            missing_anchor,
        } => {
            w.markup("<h2>").inline(title).markup("</h2>\n");
            w.markup("<p>").inline(description).markup("</p>\n");
            follow_up_table(w, dates, missing_anchor.as_deref(), lang);
        }
        RenderedBlock::Signature { label } => {
            w.markup("<div class=\"signature\"><div>")
                .text(label)
                .markup("</div><div>")
                .text(l.date)
                .markup("</div></div>\n");
        }
    }
}

fn follow_up_table(
    w: &mut HtmlWriter,
    dates: &[RenderedFollowUp],
    missing_anchor: Option<&str>,
    lang: Lang,
) {
    let l = labels(lang);
    if let Some(anchor) = missing_anchor {
        w.element(
            "<p class=\"blank\">",
            &l.schedule_needs_anchor.replace("{field}", anchor),
            "</p>\n",
        );
        return;
    }
    w.markup("<table>\n<tbody>\n");
    for date in dates {
        w.markup("<tr>")
            .element("<td>", &date.offset_label, "</td>")
            .element("<td>", &date.display, "</td>")
            .markup("</tr>\n");
    }
    w.markup("</tbody>\n</table>\n");
}

/// One case's progress as a printable page: steps with their tasks (done dates, roles) and
/// the follow-up dates. Field values (health information) are not shown.
pub fn case_overview_html(pack: &ValidPack, case: &Case, lang: Lang) -> Result<String> {
    let plan = plan_of(pack)?;
    let l = labels(lang);
    let title = format!("{} — {}", t(&pack.pack().title, lang), case.label);
    let mut w = HtmlWriter::default();
    w.element("<p class=\"notice\">", l.confidential, "</p>\n")
        .element("<h1>", &title, "</h1>\n")
        .markup("<p class=\"meta\">")
        .text(l.opened)
        .markup(": ")
        .text(&display_date(&case.opened, lang))
        .markup("</p>\n");
    match case.step.as_deref().and_then(|id| plan.step(id)) {
        Some(step) => {
            w.markup("<p>")
                .text(l.current_step)
                .markup(": ")
                .text(t(&step.title, lang))
                .markup("</p>\n");
        }
        None => {
            w.element("<p>", l.case_closed, "</p>\n");
        }
    }
    w.element("<h2>", l.case_progress, "</h2>\n");
    for (step, progress) in plan.steps.iter().zip(plan.case_progress(case)) {
        w.markup("<h3>").text(t(&step.title, lang));
        w.markup_numbers(" ({} / {})", &[count(progress.done), count(progress.total)]);
        w.markup("</h3>\n<table>\n<thead><tr>")
            .element("<th>", l.task, "</th>")
            .element("<th>", l.roles, "</th>")
            .element("<th>", l.done_on, "</th>")
            .markup("</tr></thead>\n<tbody>\n");
        for task in plan.tasks_for(step, case) {
            let roles: Vec<&str> = task
                .roles
                .iter()
                .filter_map(|id| plan.roles.iter().find(|r| &r.id == id))
                .map(|r| t(&r.label, lang))
                .collect();
            let done = case
                .tasks_done
                .get(&task.id)
                .map_or(String::new(), |d| display_date(d, lang));
            w.markup("<tr><td>")
                .inline(t(&task.text, lang))
                .markup("</td>")
                .element("<td>", &roles.join(separator(lang)), "</td>")
                .element("<td>", &done, "</td>")
                .markup("</tr>\n");
        }
        w.markup("</tbody>\n</table>\n");
    }
    let schedule = render_block(plan, case, &DocBlock::FollowUpSchedule, lang);
    block_html(&mut w, &schedule, lang);
    Ok(w.into_document(lang, &title))
}
