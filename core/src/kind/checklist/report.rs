//! The checklist report: profile, overall score and level, a table and a chart per area,
//! the prioritised action plan with owners and helpers, and the "not a diagnosis" line.

use crate::error::{Error, Result};
use crate::kind::checklist::{
    AreaResult, Checklist, ChecklistAnswers, ChecklistResult, ItemAnswer, ItemDuty,
};
use crate::load::ValidPack;
use crate::report::{
    count, display_date, duty_label, labels, percent_text, separator, t, HtmlWriter, Labels,
};
use crate::text::Lang;

/// The printable checklist report for these answers, in `lang`.
///
/// Fails only when the pack is not a checklist.
/// Obligations in the action plan are those on `today` (`YYYY-MM-DD`), the day printed.
pub fn checklist_html(
    pack: &ValidPack,
    answers: &ChecklistAnswers,
    lang: Lang,
    today: &str,
) -> Result<String> {
    let Some(checklist) = pack.content::<Checklist>() else {
        return Err(Error::DoesNotFit(format!(
            "a checklist report needs a checklist pack; this one is a {}",
            pack.pack().kit.kind_name()
        )));
    };
    let l = labels(lang);
    let result = checklist.result(answers, today);
    let title = t(&pack.pack().title, lang);
    let mut w = HtmlWriter::default();
    w.element("<h1>", title, "</h1>\n")
        .markup("<p class=\"meta\">")
        .text(l.content_as_of)
        .markup(": ")
        .text(&display_date(&pack.pack().content_as_of, lang))
        .markup("</p>\n")
        .element("<p class=\"notice\">", l.not_a_diagnosis, "</p>\n");
    profile_section(&mut w, checklist, answers, lang);
    overall_section(&mut w, checklist, answers, &result, lang);
    areas_section(&mut w, checklist, &result, lang);
    action_plan_section(&mut w, checklist, answers, &result, lang);
    helpers_section(&mut w, checklist, &result, lang);
    Ok(w.into_document(lang, title))
}

fn profile_section(
    w: &mut HtmlWriter,
    checklist: &Checklist,
    answers: &ChecklistAnswers,
    lang: Lang,
) {
    let l = labels(lang);
    w.element("<h2>", l.profile, "</h2>\n")
        .markup("<dl class=\"fields\">\n");
    if !answers.workplace.is_empty() {
        w.element("<dt>", l.workplace, "</dt>")
            .element("<dd>", &answers.workplace, "</dd>\n");
    }
    for question in &checklist.profile {
        let answer = answers
            .profile
            .get(&question.id)
            .and_then(|choice| question.options.iter().find(|o| &o.id == choice))
            .map_or(l.not_answered, |option| t(&option.label, lang));
        w.element("<dt>", t(&question.label, lang), "</dt>")
            .element("<dd>", answer, "</dd>\n");
    }
    w.markup("</dl>\n");
}

fn level_label(checklist: &Checklist, level: Option<usize>, lang: Lang) -> &str {
    level
        .and_then(|index| checklist.levels.get(index))
        .map_or(labels(lang).none, |level| t(&level.label, lang))
}

fn overall_section(
    w: &mut HtmlWriter,
    checklist: &Checklist,
    answers: &ChecklistAnswers,
    result: &ChecklistResult,
    lang: Lang,
) {
    let l = labels(lang);
    w.element("<h2>", l.overall, "</h2>\n")
        .markup("<table>\n<thead><tr>")
        .element("<th>", l.score, "</th>")
        .element("<th>", l.level, "</th>")
        .element("<th>", l.answered, "</th>")
        .markup("</tr></thead>\n<tbody><tr>")
        .element(
            "<td class=\"num\">",
            &percent_text(result.percent, lang),
            "</td>",
        )
        .element("<td>", level_label(checklist, result.level, lang), "</td>")
        .markup_numbers(
            "<td class=\"num\">{} / {}</td>",
            &[count(result.answered), count(result.applicable)],
        )
        .markup("</tr></tbody>\n</table>\n");
    if result.unknown > 0 {
        w.element(
            "<p>",
            &l.unknown_count.replace("{n}", &result.unknown.to_string()),
            "</p>\n",
        );
    }
    if !result.coverage_reached {
        w.element(
            "<p class=\"notice\">",
            &l.coverage_below.replace(
                "{threshold}",
                &result.coverage_threshold_percent.to_string(),
            ),
            "</p>\n",
        );
    }
    if let Some(level) = result.level.and_then(|i| checklist.levels.get(i)) {
        w.markup("<p>")
            .inline(t(&level.description, lang))
            .markup("</p>\n");
    }
    let findings: Vec<&str> = result
        .consistency
        .iter()
        .filter_map(|id| checklist.consistency.iter().find(|c| &c.id == id))
        .map(|check| t(&check.finding, lang))
        .collect();
    if !findings.is_empty() {
        w.element("<h3>", l.consistency, "</h3>\n").markup("<ul>\n");
        for finding in findings {
            w.markup("<li>").inline(finding).markup("</li>\n");
        }
        w.markup("</ul>\n");
    }
    let contradicted: Vec<&str> = result
        .contradicted_not_applicable
        .iter()
        .filter_map(|id| checklist.item(id))
        .map(|item| t(checklist.item_text(item, answers), lang))
        .collect();
    if !contradicted.is_empty() {
        w.element("<h3>", l.contradicted_not_applicable, "</h3>\n")
            .markup("<ul>\n");
        for text in contradicted {
            w.element("<li>", text, "</li>\n");
        }
        w.markup("</ul>\n");
    }
}

fn areas_section(w: &mut HtmlWriter, checklist: &Checklist, result: &ChecklistResult, lang: Lang) {
    let l = labels(lang);
    w.element("<h2>", l.by_area, "</h2>\n");
    area_chart(w, checklist, &result.areas, lang);
    w.markup("<table>\n<thead><tr>")
        .element("<th>", l.area, "</th>")
        .element("<th class=\"num\">", l.score, "</th>")
        .element("<th>", l.level, "</th>")
        .element("<th class=\"num\">", l.answered, "</th>")
        .markup("</tr></thead>\n<tbody>\n");
    for (area, area_result) in checklist.areas.iter().zip(&result.areas) {
        w.markup("<tr>")
            .element("<td>", t(&area.title, lang), "</td>")
            .element(
                "<td class=\"num\">",
                &percent_text(area_result.percent, lang),
                "</td>",
            )
            .element(
                "<td>",
                level_label(checklist, area_result.level, lang),
                "</td>",
            )
            .markup_numbers(
                "<td class=\"num\">{} / {}</td>",
                &[count(area_result.answered), count(area_result.applicable)],
            )
            .markup("</tr>\n");
    }
    w.markup("</tbody>\n</table>\n");
}

/// Chart geometry, in SVG user units.
const CHART_WIDTH: i64 = 600;
const BAR_WIDTH: i64 = 500;
const ROW_HEIGHT: i64 = 36;

/// One horizontal bar per area inside a 100% frame, with the area's name above it and
/// its score written after it, so the chart reads without colour.
fn area_chart(w: &mut HtmlWriter, checklist: &Checklist, areas: &[AreaResult], lang: Lang) {
    let l: &Labels = labels(lang);
    let height = ROW_HEIGHT * count(areas.len()) + 4;
    w.markup_numbers(
        "<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {} {}\" role=\"img\" aria-label=\"",
        &[CHART_WIDTH, height],
    )
    .text(l.chart_title)
    .markup("\">\n")
    .element("<title>", l.chart_title, "</title>\n");
    for (row, (area, result)) in checklist.areas.iter().zip(areas).enumerate() {
        let top = ROW_HEIGHT * count(row);
        w.markup_numbers("<text x=\"0\" y=\"{}\">", &[top + 12])
            .text(t(&area.title, lang))
            .markup("</text>\n");
        match result.percent {
            Some(percent) => {
                let bar = BAR_WIDTH * i64::from(percent) / 100;
                w.markup_numbers(
                    "<rect x=\"0\" y=\"{}\" width=\"{}\" height=\"14\" fill=\"#fff\" stroke=\"#111\" stroke-width=\"1\"/>\n",
                    &[top + 17, BAR_WIDTH],
                )
                .markup_numbers(
                    "<rect x=\"0\" y=\"{}\" width=\"{}\" height=\"14\" fill=\"#555\"/>\n",
                    &[top + 17, bar],
                )
                .markup_numbers(
                    "<text x=\"{}\" y=\"{}\" font-weight=\"bold\">{}%</text>\n",
                    &[BAR_WIDTH + 8, top + 29, i64::from(percent)],
                );
            }
            None => {
                w.markup_numbers("<text x=\"0\" y=\"{}\" font-style=\"italic\">", &[top + 29])
                    .text(l.not_scored)
                    .markup("</text>\n");
            }
        }
    }
    w.markup("</svg>\n");
}

fn action_plan_section(
    w: &mut HtmlWriter,
    checklist: &Checklist,
    answers: &ChecklistAnswers,
    result: &ChecklistResult,
    lang: Lang,
) {
    let l = labels(lang);
    w.element("<h2>", l.action_plan, "</h2>\n");
    if result.recommendations.is_empty() {
        w.element("<p>", l.no_actions, "</p>\n");
        return;
    }
    w.markup("<table>\n<thead><tr>")
        .element("<th class=\"num\">", l.rank, "</th>")
        .element("<th>", l.goal, "</th>")
        .element("<th>", l.obligation, "</th>")
        .element("<th>", l.recommendation, "</th>")
        .element("<th>", l.owner, "</th>")
        .element("<th>", l.due, "</th>")
        .element("<th>", l.done, "</th>")
        .markup("</tr></thead>\n<tbody>\n");
    for recommendation in &result.recommendations {
        let Some(item) = checklist.item(&recommendation.item) else {
            continue;
        };
        let action = answers.actions.get(&item.id);
        let helper_names: Vec<&str> = recommendation
            .helpers
            .iter()
            .filter_map(|id| checklist.helpers.iter().find(|h| &h.id == id))
            .map(|helper| t(&helper.name, lang))
            .collect();
        w.markup_numbers(
            "<tr><td class=\"num\">{}</td>",
            &[count(recommendation.rank)],
        )
        .markup("<td>")
        .inline(t(checklist.item_goal(item, answers), lang));
        why_not_line(w, checklist, answers.items.get(&item.id), lang);
        w.markup("</td>")
            .element(
                "<td>",
                &duty_label(
                    &ItemDuty {
                        level: recommendation.obligation,
                        planned: recommendation.planned.clone(),
                    },
                    lang,
                ),
                "</td>",
            )
            .markup("<td>")
            .inline(t(checklist.item_recommendation(item, answers), lang));
        if !helper_names.is_empty() {
            w.markup("<div class=\"recommendation-helpers\">")
                .text(l.helpers)
                .markup(": ")
                .text(&helper_names.join(separator(lang)))
                .markup("</div>");
        }
        w.markup("</td>")
            .element("<td>", action.map_or("", |a| a.owner.as_str()), "</td>")
            .element(
                "<td>",
                &action.map_or(String::new(), |a| display_date(&a.due, lang)),
                "</td>",
            )
            .element(
                "<td>",
                if action.is_some_and(|a| a.done) {
                    l.yes
                } else {
                    ""
                },
                "</td>",
            )
            .markup("</tr>\n");
    }
    w.markup("</tbody>\n</table>\n");
}

/// The reasons given for an item not being in place, with the "other" text typed.
fn why_not_line(
    w: &mut HtmlWriter,
    checklist: &Checklist,
    answer: Option<&ItemAnswer>,
    lang: Lang,
) {
    let Some(answer) = answer else {
        return;
    };
    let other_text = checklist.other_text_in_effect(answer).trim();
    let reasons: Vec<String> = checklist
        .reasons_in_effect(answer)
        .iter()
        .filter_map(|id| checklist.why_not.iter().find(|r| &r.id == id))
        .map(|reason| {
            let label = t(&reason.label, lang);
            if reason.free_text && !other_text.is_empty() {
                match lang {
                    Lang::Ja => format!("{label}（{other_text}）"),
                    Lang::En => format!("{label} ({other_text})"),
                }
            } else {
                label.to_string()
            }
        })
        .collect();
    if reasons.is_empty() {
        return;
    }
    w.markup("<div class=\"recommendation-helpers\">")
        .text(labels(lang).why_not)
        .markup(": ")
        .text(&reasons.join(separator(lang)))
        .markup("</div>");
}

/// The helpers named in the action plan, with what they do.
fn helpers_section(
    w: &mut HtmlWriter,
    checklist: &Checklist,
    result: &ChecklistResult,
    lang: Lang,
) {
    let named: crate::validate::IdSet<'_> = result
        .recommendations
        .iter()
        .flat_map(|r| r.helpers.iter().map(String::as_str))
        .collect();
    if named.is_empty() {
        return;
    }
    w.element("<h2>", labels(lang).helpers, "</h2>\n")
        .markup("<dl class=\"fields\">\n");
    for helper in checklist
        .helpers
        .iter()
        .filter(|h| named.contains(h.id.as_str()))
    {
        w.element("<dt>", t(&helper.name, lang), "</dt>")
            .markup("<dd>")
            .inline(t(&helper.description, lang))
            .markup("</dd>\n");
    }
    w.markup("</dl>\n");
}
