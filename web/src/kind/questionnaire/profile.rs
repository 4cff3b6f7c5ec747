//! 個人のストレスプロフィール as SVG: one row per scale with its name above a bar of 1–5
//! converted points, the number written beside it and a grid line per point, so it reads
//! without colour; scales are grouped by the pack's sums of converted points (A, B, C), each
//! heading giving the sum the core computed (「領域A 評価点の合計：21点」). Each group is a
//! drawing of its own, so a printout breaks between them. A table with the same figures
//! follows, opened on request (the drawings say them on paper).

use kizuki_core::kind::questionnaire::{Questionnaire, QuestionnaireResult, SumOf};
use kizuki_core::Lang;
use yew::prelude::*;

use super::text::QuestionnaireText;
use crate::locale::fill;

const ROW: i32 = 44;
const GROUP: i32 = 30;
const UNIT: i32 = 56;

/// A group's heading (none for the measures no sum adds) and its rows: name, points.
type Group<'a> = (Option<String>, Vec<(&'a str, u8)>);

/// The measures with converted points, grouped by the sums that add them (then the rest);
/// a sum's heading carries its total from the result.
fn groups<'a>(
    questionnaire: &'a Questionnaire,
    result: &'a QuestionnaireResult,
    lang: Lang,
    text: &QuestionnaireText,
) -> Vec<Group<'a>> {
    let points = |id: &str| {
        result
            .measures
            .iter()
            .find(|m| m.id == id)
            .and_then(|m| m.points)
    };
    let label = |id: &str| questionnaire.measure(id).map(|m| m.label.get(lang));
    let mut placed: Vec<&str> = Vec::new();
    let mut out = Vec::new();
    for sum in questionnaire
        .sums
        .iter()
        .filter(|s| s.sum_of == SumOf::ConvertedMeasures)
    {
        let rows: Vec<(&str, u8)> = sum
            .of
            .iter()
            .filter_map(|id| Some((label(id)?, points(id)?)))
            .collect();
        placed.extend(sum.of.iter().map(String::as_str));
        let label = sum.label.get(lang);
        let heading = match result.sums.iter().find(|s| s.id == sum.id) {
            Some(total) => fill(
                text.profile_sum,
                &[("label", label), ("points", &total.value.to_string())],
            ),
            None => label.to_string(),
        };
        out.push((Some(heading), rows));
    }
    let rest: Vec<(&str, u8)> = questionnaire
        .measures
        .iter()
        .filter(|m| !placed.contains(&m.id.as_str()))
        .filter_map(|m| Some((m.label.get(lang), points(&m.id)?)))
        .collect();
    if !rest.is_empty() {
        out.push((None, rest));
    }
    out
}

/// One 領域's drawing: its heading (with the total) and a bar per scale, a described image
/// of its own.
fn part(
    id: &str,
    heading: &str,
    rows: &[(&str, u8)],
    note_id: &str,
    text: &QuestionnaireText,
) -> Html {
    let hatch = format!("url(#{id}-hatch)");
    let mut y = GROUP;
    let mut shapes = vec![
        html! { <text x="0" y={(y - 8).to_string()} class="kizuki-qn-svg-group">{ heading.to_string() }</text> },
    ];
    for (label, points) in rows {
        let top = y + 18;
        shapes.push(html! { <text x="0" y={(y + 13).to_string()} class="kizuki-qn-svg-label">{ *label }</text> });
        for tick in 0..=5 {
            let x = tick * UNIT;
            shapes.push(html! { <line x1={x.to_string()} x2={x.to_string()} y1={top.to_string()} y2={(top + 18).to_string()} class="kizuki-qn-svg-tick" /> });
        }
        shapes.push(html! {
            <rect x="0" y={top.to_string()} width={(i32::from(*points) * UNIT).to_string()} height="18"
                  class="kizuki-qn-svg-bar" fill={hatch.clone()} />
        });
        shapes.push(html! {
            <text x={(5 * UNIT + 8).to_string()} y={(top + 14).to_string()} class="kizuki-qn-svg-value">
                { fill(text.profile_points, &[("points", &points.to_string())]) }
            </text>
        });
        y += ROW;
    }
    let height = y + 4;
    let title = format!("{id}-title");
    html! {
        <svg viewBox={format!("0 0 340 {height}")} role="img" aria-labelledby={title.clone()}
             aria-describedby={note_id.to_string()} xmlns="http://www.w3.org/2000/svg"
             class="kizuki-qn-profile-part">
            <title id={title}>{ heading.to_string() }</title>
            <defs>
                <pattern id={format!("{id}-hatch")} width="6" height="6" patternUnits="userSpaceOnUse"
                         patternTransform="rotate(45)">
                    <line x1="0" y1="0" x2="0" y2="6" class="kizuki-qn-svg-hatch" />
                </pattern>
            </defs>
            <g>{ for shapes }</g>
        </svg>
    }
}

/// The profile, or nothing when no measure has converted points (the short version).
pub fn profile(
    questionnaire: &Questionnaire,
    result: &QuestionnaireResult,
    lang: Lang,
    text: &QuestionnaireText,
    id: &str,
) -> Html {
    let mut groups = groups(questionnaire, result, lang, text);
    // The measures no sum adds (e.g. satisfaction) get a heading of their own.
    for group in &mut groups {
        if group.0.is_none() {
            group.0 = Some(text.profile_other.to_string());
        }
    }
    if groups.iter().all(|(_, rows)| rows.is_empty()) {
        return Html::default();
    }
    let heading_id = format!("{id}-heading");
    let note_id = format!("{id}-note");
    html! {
        <>
        // A visible heading: on paper the profile starts under it, on the first page.
        <h4 id={heading_id.clone()} class="kizuki-qn-profile-heading" data-testid="profile-heading">{ &text.profile_heading }</h4>
        <figure class="kizuki-qn-profile" data-testid="profile" aria-labelledby={heading_id}>
            <figcaption class="kizuki-hint" id={note_id.clone()}>{ &text.profile_note }</figcaption>
            // One drawing per 領域, so a printout breaks between them (one tall drawing moved
            // whole to the next page and left the first mostly blank).
            <div class="kizuki-qn-profile-parts">
                { for groups.iter().enumerate().map(|(n, (heading, rows))| {
                    part(&format!("{id}-{n}"), heading.as_deref().unwrap_or_default(), rows, &note_id, text)
                }) }
            </div>
            // The same figures as a table, on request: on a phone the drawing and a table of the
            // same 19 rows one after the other doubled the scrolling (not printed either way).
            <details class="kizuki-disclosure kizuki-qn-profile-numbers">
            <summary>{ &text.profile_table_summary }</summary>
            <div class="kizuki-table-wrap">
                <table class="kizuki-table kizuki-qn-profile-table">
                    <tbody>
                        { for groups.iter().flat_map(|(heading, rows)| {
                            let head = heading.as_ref().map(|h| html! { <tr><th colspan="2" scope="colgroup">{ h.clone() }</th></tr> });
                            head.into_iter().chain(rows.iter().map(|(label, points)| html! {
                                <tr><th scope="row">{ *label }</th><td>{ fill(text.profile_points, &[("points", &points.to_string())]) }</td></tr>
                            }))
                        }) }
                    </tbody>
                </table>
            </div>
            </details>
        </figure>
        </>
    }
}
