//! The course's printable pages: the completion certificate (learner, date, each module's
//! best score and pass) and the progress summary for a course not yet complete.

use crate::error::{Error, Result};
use crate::kind::course::{Course, CourseProgress, CourseResult};
use crate::load::ValidPack;
use crate::report::{count, display_date, labels, percent_text, t, HtmlWriter};
use crate::text::Lang;

fn course_of(pack: &ValidPack) -> Result<&Course> {
    pack.content::<Course>().ok_or_else(|| {
        Error::DoesNotFit(format!(
            "a course report needs a course pack; this one is a {}",
            pack.pack().kit.kind_name()
        ))
    })
}

/// The certificate when the course is complete, otherwise the progress summary.
pub fn course_html(pack: &ValidPack, progress: &CourseProgress, lang: Lang) -> Result<String> {
    let course = course_of(pack)?;
    if course.result(progress).completed_on.is_some() {
        certificate_html(pack, progress, lang)
    } else {
        course_summary_html(pack, progress, lang)
    }
}

/// The completion certificate. Fails with [`Error::NotAllowed`] until every module is
/// complete. An empty learner name leaves a line to write the name by hand.
pub fn certificate_html(pack: &ValidPack, progress: &CourseProgress, lang: Lang) -> Result<String> {
    let course = course_of(pack)?;
    let result = course.result(progress);
    let Some(completed_on) = result.completed_on.as_deref() else {
        return Err(Error::NotAllowed("the course is not complete yet".into()));
    };
    let l = labels(lang);
    let course_title = t(&pack.pack().title, lang);
    let mut w = HtmlWriter::default();
    w.markup("<section class=\"certificate\">\n")
        .element("<h1>", l.certificate, "</h1>\n")
        .element("<p class=\"name\">", &progress.learner_name, "</p>\n")
        .element("<p>", l.certificate_statement, "</p>\n")
        .element("<p class=\"course\">", course_title, "</p>\n")
        .markup("<p>")
        .text(l.completed_on)
        .markup(": ")
        .text(&display_date(completed_on, lang))
        .markup("</p>\n</section>\n");
    modules_table(&mut w, course, &result, lang);
    w.markup("<p class=\"meta\">")
        .text(l.certificate_self_record)
        .markup(" ")
        .text(l.content_as_of)
        .markup(": ")
        .text(&display_date(&pack.pack().content_as_of, lang))
        .markup("</p>\n");
    let title = format!("{} — {course_title}", l.certificate);
    Ok(w.into_document(lang, &title))
}

/// The course result summary: each module's lessons, scenarios, attempts, best score, pass.
pub fn course_summary_html(
    pack: &ValidPack,
    progress: &CourseProgress,
    lang: Lang,
) -> Result<String> {
    let course = course_of(pack)?;
    let result = course.result(progress);
    let l = labels(lang);
    let course_title = t(&pack.pack().title, lang);
    let mut w = HtmlWriter::default();
    w.element("<h1>", course_title, "</h1>\n")
        .markup("<p class=\"meta\">")
        .text(l.content_as_of)
        .markup(": ")
        .text(&display_date(&pack.pack().content_as_of, lang))
        .markup("</p>\n");
    if !progress.learner_name.is_empty() {
        w.markup("<p>")
            .text(l.learner)
            .markup(": ")
            .text(&progress.learner_name)
            .markup("</p>\n");
    }
    w.element("<h2>", l.course_progress, "</h2>\n")
        .markup_numbers(
            "<p>{} / {} ({}%)</p>\n",
            &[
                count(result.completed_modules),
                count(result.modules.len()),
                i64::from(result.progress_percent),
            ],
        )
        .markup("<table>\n<thead><tr>")
        .element("<th>", l.module, "</th>")
        .element("<th class=\"num\">", l.lessons, "</th>")
        .element("<th class=\"num\">", l.scenarios, "</th>")
        .element("<th class=\"num\">", l.attempts, "</th>")
        .element("<th class=\"num\">", l.best_score, "</th>")
        .element("<th class=\"num\">", l.pass_mark, "</th>")
        .element("<th>", l.passed, "</th>")
        .element("<th>", l.completed_on, "</th>")
        .markup("</tr></thead>\n<tbody>\n");
    for (module, module_result) in course.modules.iter().zip(&result.modules) {
        w.markup("<tr>")
            .element("<td>", t(&module.title, lang), "</td>")
            .markup_numbers(
                "<td class=\"num\">{} / {}</td><td class=\"num\">{} / {}</td><td class=\"num\">{}</td>",
                &[
                    count(module_result.lessons_read),
                    count(module_result.lessons),
                    count(module_result.scenarios_finished),
                    count(module_result.scenarios),
                    count(module_result.attempts),
                ],
            )
            .element(
                "<td class=\"num\">",
                &percent_text(module_result.best_percent, lang),
                "</td>",
            )
            .markup_numbers(
                "<td class=\"num\">{}%</td>",
                &[i64::from(module_result.pass_mark)],
            )
            .element("<td>", if module_result.passed { l.yes } else { l.no }, "</td>")
            .element(
                "<td>",
                &module_result
                    .completed_on
                    .as_deref()
                    .map_or(String::new(), |d| display_date(d, lang)),
                "</td>",
            )
            .markup("</tr>\n");
    }
    w.markup("</tbody>\n</table>\n");
    Ok(w.into_document(lang, course_title))
}

fn modules_table(w: &mut HtmlWriter, course: &Course, result: &CourseResult, lang: Lang) {
    let l = labels(lang);
    w.markup("<table>\n<thead><tr>")
        .element("<th>", l.module, "</th>")
        .element("<th class=\"num\">", l.best_score, "</th>")
        .element("<th class=\"num\">", l.pass_mark, "</th>")
        .element("<th>", l.passed, "</th>")
        .element("<th>", l.completed_on, "</th>")
        .markup("</tr></thead>\n<tbody>\n");
    for (module, module_result) in course.modules.iter().zip(&result.modules) {
        w.markup("<tr>")
            .element("<td>", t(&module.title, lang), "</td>")
            .element(
                "<td class=\"num\">",
                &percent_text(module_result.best_percent, lang),
                "</td>",
            )
            .markup_numbers(
                "<td class=\"num\">{}%</td>",
                &[i64::from(module_result.pass_mark)],
            )
            .element(
                "<td>",
                if module_result.passed { l.yes } else { l.no },
                "</td>",
            )
            .element(
                "<td>",
                &module_result
                    .completed_on
                    .as_deref()
                    .map_or(String::new(), |d| display_date(d, lang)),
                "</td>",
            )
            .markup("</tr>\n");
    }
    w.markup("</tbody>\n</table>\n");
}
