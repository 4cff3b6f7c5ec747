//! Plan documents (the 職場復帰支援プラン, the 情報提供依頼書) rendered for one case: first as
//! data with every field resolved, then as a printable A4 page; and a case overview page.

use crate::document::{fill_in_date, Align, Block, Document, FieldRow, FILL_IN};
use crate::error::{Error, Result};
use crate::kind::plan::{
    Case, CaseStart, DocAlign, DocBlock, DocumentTemplate, Field, FieldKind, Plan,
};
use crate::load::ValidPack;
use crate::report::{
    count, display_date, display_date_weekday, fill_number, labels, separator, t, HtmlWriter,
};
use crate::text::Lang;

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

/// Fills the document `doc_id` with the case's values, in `lang`: the confidentiality
/// notice, then the template's blocks (fields grouped into rows, the follow-up schedule as
/// a heading one level below the section it sits in and a table).
///
/// Fails when the pack is not a plan or has no such document.
pub fn render_document(
    pack: &ValidPack,
    case: &Case,
    doc_id: &str,
    lang: Lang,
) -> Result<Document> {
    let plan = plan_of(pack)?;
    let template = template(plan, doc_id)?;
    let mut blocks = vec![Block::Notice {
        text: labels(lang).confidential.to_string(),
    }];
    let mut level = 1u8;
    for block in &template.blocks {
        render_block(plan, case, block, lang, &mut level, &mut blocks);
    }
    Ok(Document {
        lang,
        title: t(&template.title, lang).to_string(),
        blocks,
    })
}

fn render_block(
    plan: &Plan,
    case: &Case,
    block: &DocBlock,
    lang: Lang,
    level: &mut u8,
    out: &mut Vec<Block>,
) {
    match block {
        DocBlock::Heading { level: l, text } => {
            *level = *l;
            out.push(Block::Heading {
                level: *l,
                text: t(text, lang).to_string(),
            });
        }
        DocBlock::Paragraph { text, align, .. } => out.push(Block::Paragraph {
            text: t(text, lang).to_string(),
            align: doc_align(*align),
        }),
        DocBlock::Guidance { text, .. } => out.push(Block::Guidance {
            text: t(text, lang).to_string(),
        }),
        DocBlock::List { items, .. } => out.push(Block::List {
            items: items.iter().map(|i| t(i, lang).to_string()).collect(),
        }),
        DocBlock::Field {
            applies_if: Some(condition),
            ..
        } if !condition.holds(&case.fields) => {}
        DocBlock::Field { field, label, .. } => {
            let definition = plan.fields.iter().find(|f| &f.id == field);
            let label = label
                .as_ref()
                .or(definition.map(|d| &d.label))
                .map_or(field.as_str(), |l| t(l, lang));
            let mut row = FieldRow::new(
                field,
                label,
                definition.and_then(|d| field_value(d, case, lang)),
                definition.is_some_and(|d| d.kind == FieldKind::LongText),
            );
            if definition.is_some_and(|d| d.kind == FieldKind::Date) {
                row = row.date(lang);
            }
            match out.last_mut() {
                Some(Block::Fields { rows }) => rows.push(row),
                _ => out.push(Block::Fields { rows: vec![row] }),
            }
        }
        DocBlock::FollowUpSchedule => {
            let dates = plan.follow_up_dates(case);
            out.push(Block::Heading {
                level: (*level + 1).min(crate::document::MAX_HEADING_LEVEL),
                text: t(&plan.follow_up.title, lang).to_string(),
            });
            out.push(Block::Paragraph {
                text: t(&plan.follow_up.description, lang).to_string(),
                align: Align::Start,
            });
            if dates.is_empty() {
                // No anchor date yet: on screen, what to fill in for the dates to appear; on
                // paper, the meetings' days with a blank to write each date in.
                let anchor = plan
                    .fields
                    .iter()
                    .find(|f| f.id == plan.follow_up.anchor_field)
                    .map_or(plan.follow_up.anchor_field.clone(), |f| {
                        t(&f.label, lang).to_string()
                    });
                out.push(Block::Guidance {
                    text: labels(lang)
                        .schedule_needs_anchor
                        .replace("{field}", &anchor),
                });
                out.push(Block::Table {
                    header: Vec::new(),
                    rows: plan
                        .follow_up
                        .offsets_days
                        .iter()
                        .map(|&days| {
                            vec![
                                fill_number(labels(lang).days_after, days),
                                fill_in_date(lang).to_string(),
                            ]
                        })
                        .collect(),
                });
            } else {
                out.push(Block::Table {
                    header: Vec::new(),
                    rows: dates
                        .into_iter()
                        .map(|f| {
                            vec![
                                fill_number(labels(lang).days_after, f.offset_days),
                                display_date_weekday(&f.date, lang),
                            ]
                        })
                        .collect(),
                });
            }
        }
        DocBlock::Signature { label } => out.push(Block::Signature {
            label: t(label, lang).to_string(),
        }),
        DocBlock::Lines { lines, align } => out.push(Block::Lines {
            lines: lines
                .iter()
                .map(|line| {
                    let definition = plan.fields.iter().find(|f| f.id == line.field);
                    let value = definition
                        .and_then(|d| field_value(d, case, lang))
                        .unwrap_or_else(|| match definition.map(|d| &d.kind) {
                            Some(FieldKind::Date) => fill_in_date(lang).to_string(),
                            _ => FILL_IN.to_string(),
                        });
                    format!(
                        "{}{}{}",
                        line.before.as_ref().map_or("", |b| t(b, lang)),
                        value,
                        line.after.as_ref().map_or("", |a| t(a, lang)),
                    )
                })
                .collect(),
            align: doc_align(*align),
        }),
        DocBlock::AnswerBox { label, lines } => out.push(Block::AnswerBox {
            label: t(label, lang).to_string(),
            lines: *lines,
        }),
    }
}

/// Where a template's block sits, as the document says it.
fn doc_align(align: DocAlign) -> Align {
    match align {
        DocAlign::Start => Align::Start,
        DocAlign::Center => Align::Center,
        DocAlign::End => Align::End,
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
    Ok(crate::document::to_html(&render_document(
        pack, case, doc_id, lang,
    )?))
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
        .markup("<p class=\"meta\">");
    // The leave's first day when the case has it; else the day the record was made, said so.
    let (started, date) = match plan.case_start(case) {
        CaseStart::Field { label, date } => (t(label, lang), date),
        CaseStart::Recorded(date) => (l.opened, date),
    };
    w.text(started)
        .markup(": ")
        .text(&display_date(date, lang))
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
    history_html(&mut w, plan, case, lang);
    schedule_html(&mut w, plan, case, lang);
    Ok(w.into_document(lang, &title))
}

/// The follow-up schedule of the case overview: a heading, what the meetings check, the dates.
fn schedule_html(w: &mut HtmlWriter, plan: &Plan, case: &Case, lang: Lang) {
    let mut blocks = Vec::new();
    render_block(
        plan,
        case,
        &DocBlock::FollowUpSchedule,
        lang,
        &mut 1,
        &mut blocks,
    );
    for block in blocks {
        match block {
            Block::Heading { text, .. } => {
                w.markup("<h2>").inline(&text).markup("</h2>\n");
            }
            Block::Paragraph { text, .. } => {
                w.markup("<p>").inline(&text).markup("</p>\n");
            }
            Block::Lines { lines, .. } => {
                for line in lines {
                    w.element("<p class=\"blank\">", &line, "</p>\n");
                }
            }
            Block::Table { rows, .. } => {
                w.markup("<table>\n<tbody>\n");
                for row in rows {
                    w.markup("<tr>");
                    for cell in row {
                        w.element("<td>", &cell, "</td>");
                    }
                    w.markup("</tr>\n");
                }
                w.markup("</tbody>\n</table>\n");
            }
            _ => {}
        }
    }
}

/// The record of events: the day each happened and the day it was recorded, the step, the
/// decision. Nothing when the case has none yet.
fn history_html(w: &mut HtmlWriter, plan: &Plan, case: &Case, lang: Lang) {
    if case.history.is_empty() {
        return;
    }
    let l = labels(lang);
    w.element("<h2>", l.case_history, "</h2>\n")
        .markup("<table>\n<thead><tr>")
        .element("<th>", l.happened_on, "</th>")
        .element("<th>", l.recorded_on, "</th>")
        .element("<th>", l.step, "</th>")
        .element("<th>", l.decision, "</th>")
        .markup("</tr></thead>\n<tbody>\n");
    for entry in &case.history {
        let step = plan.step(&entry.step);
        let outcome = step
            .and_then(|s| s.decision.as_ref())
            .and_then(|d| d.options.iter().find(|o| o.id == entry.outcome))
            .map_or(l.moved_on, |o| t(&o.label, lang));
        w.markup("<tr>")
            .element("<td>", &display_date(entry.event_day(), lang), "</td>")
            .element("<td>", &display_date(&entry.date, lang), "</td>")
            .element(
                "<td>",
                step.map_or(entry.step.as_str(), |s| t(&s.title, lang)),
                "</td>",
            )
            .element("<td>", outcome, "</td>")
            .markup("</tr>\n");
    }
    w.markup("</tbody>\n</table>\n");
}
