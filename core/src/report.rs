//! Printable reports: self-contained HTML documents (no scripts, no outside resources,
//! A4 print CSS) for a checklist's results, a plan's documents and a course certificate.
//!
//! **Every string from a pack or from a person's answers goes through [`escape_html`]**:
//! markup is written only by `HtmlWriter`, whose markup methods take `&'static str`
//! (fixed text in this crate) or integers, and whose only way to take other text escapes it.
//! Fixed report labels (headings like "Action plan") live in [`labels`], in one place.

mod labels;

#[cfg(feature = "checklist")]
pub use crate::kind::checklist::report::checklist_html;
#[cfg(feature = "course")]
pub use crate::kind::course::report::{certificate_html, course_html, course_summary_html};
#[cfg(feature = "plan")]
pub use crate::kind::plan::report::{case_overview_html, document_html, render_document};
pub use labels::{labels, Labels};

use crate::date::parse_date;
#[cfg(feature = "checklist")]
use crate::kind::checklist::{ItemDuty, Obligation, PlannedDuty};
#[cfg(feature = "checklist")]
use crate::pack::InForceStatus;
use crate::text::{parse_inline, Inline, Lang, Text};

/// Escapes text for HTML element content and for attribute values in double or single
/// quotes: `&`, `<`, `>`, `"` and `'`.
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// Writes a date for readers: `2026年4月1日` in Japanese, `1 April 2026` in English.
/// Text that is not a `YYYY-MM-DD` date is returned as it is.
pub fn display_date(value: &str, lang: Lang) -> String {
    let Some(date) = parse_date(value) else {
        return value.to_string();
    };
    let month = u8::from(date.month());
    match lang {
        Lang::Ja => format!("{}年{}月{}日", date.year(), month, date.day()),
        Lang::En => {
            let name = labels(lang)
                .months
                .get(usize::from(month).saturating_sub(1))
                .copied()
                .unwrap_or("");
            format!("{} {name} {}", date.day(), date.year())
        }
    }
}

/// A date with its day of the week (`2027年3月6日（土）`, `Sat 6 March 2027`), where a weekend
/// matters: meetings set a number of days after a date can fall on one. As written when it
/// is not a date.
pub fn display_date_weekday(value: &str, lang: Lang) -> String {
    let Some(date) = parse_date(value) else {
        return value.to_string();
    };
    let day = labels(lang).weekdays[usize::from(date.weekday().number_days_from_monday())];
    match lang {
        Lang::Ja => format!("{}（{day}）", display_date(value, lang)),
        Lang::En => format!("{day} {}", display_date(value, lang)),
    }
}

/// For a rule change (an update note) on `today`: "applies from … (planned)" while it is
/// not in force yet, else nothing.
pub fn update_planned_label(
    update: &crate::pack::LegalUpdate,
    today: &str,
    lang: Lang,
) -> Option<String> {
    let labels = labels(lang);
    match crate::pack::status_on(update.in_force.as_ref(), today) {
        crate::pack::InForceStatus::Planned { from } if !from.is_empty() => Some(
            labels
                .update_planned_from
                .replace("{date}", &display_date(&from, lang)),
        ),
        crate::pack::InForceStatus::PlannedByCabinetOrder { latest } => Some(
            labels
                .update_planned_by_cabinet_order
                .replace("{date}", &display_date(&latest, lang)),
        ),
        _ => None,
    }
}

/// The label of an obligation level in `lang`.
#[cfg(feature = "checklist")]
pub fn obligation_label(obligation: Obligation, lang: Lang) -> &'static str {
    let labels = labels(lang);
    match obligation {
        Obligation::LegalDuty => labels.legal_duty,
        Obligation::EffortDuty => labels.effort_duty,
        Obligation::Recommended => labels.recommended,
    }
}

/// The words for a rule not started yet, e.g. "Legal duty from 1 October 2026 (planned)"
/// or 「政令で定める日から義務（遅くとも2028年5月13日、予定）」. `None` for a rule in force.
#[cfg(feature = "checklist")]
pub fn planned_label(planned: &PlannedDuty, lang: Lang) -> Option<String> {
    let labels = labels(lang);
    let (template, date) = match &planned.when {
        InForceStatus::Planned { from } => (labels.planned_from, from),
        InForceStatus::PlannedByCabinetOrder { latest } => {
            (labels.planned_by_cabinet_order, latest)
        }
        InForceStatus::InForce | InForceStatus::Ended { .. } => return None,
    };
    Some(
        template
            .replace("{level}", obligation_label(planned.level, lang))
            .replace("{date}", &display_date(date, lang)),
    )
}

/// An item's obligation in words: the level on the day, and the planned one after it,
/// e.g. "Recommended (Legal duty from 1 October 2026 (planned))".
#[cfg(feature = "checklist")]
pub fn duty_label(duty: &ItemDuty, lang: Lang) -> String {
    let level = obligation_label(duty.level, lang);
    match duty.planned.as_ref().and_then(|p| planned_label(p, lang)) {
        Some(planned) => match lang {
            Lang::Ja => format!("{level}（{planned}）"),
            Lang::En => format!("{level} ({planned})"),
        },
        None => level.to_string(),
    }
}

/// Replaces `{n}` in a label template with a number (e.g. `{n}日後`).
pub(crate) fn fill_number(template: &str, n: impl Into<i64>) -> String {
    template.replace("{n}", &n.into().to_string())
}

/// Builds HTML that cannot carry markup from content: markup comes only from `&'static
/// str` and integers; any other text is escaped.
#[derive(Debug, Default)]
pub(crate) struct HtmlWriter {
    out: String,
}

impl HtmlWriter {
    /// Fixed markup written in this crate.
    pub(crate) fn markup(&mut self, markup: &'static str) -> &mut Self {
        self.out.push_str(markup);
        self
    }

    /// Fixed markup with `{}` holes filled, in order, by integers.
    pub(crate) fn markup_numbers(&mut self, template: &'static str, numbers: &[i64]) -> &mut Self {
        let mut numbers = numbers.iter();
        let mut parts = template.split("{}");
        if let Some(first) = parts.next() {
            self.out.push_str(first);
        }
        for part in parts {
            if let Some(number) = numbers.next() {
                self.out.push_str(&number.to_string());
            }
            self.out.push_str(part);
        }
        self
    }

    /// Text, escaped.
    pub(crate) fn text(&mut self, text: &str) -> &mut Self {
        self.out.push_str(&escape_html(text));
        self
    }

    /// An element with escaped text content: `<tag>text</tag>`.
    pub(crate) fn element(
        &mut self,
        open: &'static str,
        text: &str,
        close: &'static str,
    ) -> &mut Self {
        self.markup(open).text(text).markup(close)
    }

    /// Text written with Kizuki's inline markup: `**strong**` and http(s) links; any
    /// other text, HTML included, is escaped.
    pub(crate) fn inline(&mut self, text: &str) -> &mut Self {
        for run in parse_inline(text) {
            match run {
                Inline::Plain(plain) => {
                    self.text(&plain);
                }
                Inline::Strong(strong) => {
                    self.element("<strong>", &strong, "</strong>");
                }
                Inline::Link { label, href } => {
                    self.markup("<a href=\"")
                        .text(&href)
                        .markup("\">")
                        .text(&label)
                        .markup("</a>");
                }
            }
        }
        self
    }

    /// Multi-line text: escaped, with line breaks kept as `<br>`.
    pub(crate) fn multiline(&mut self, text: &str) -> &mut Self {
        for (index, line) in text.lines().enumerate() {
            if index > 0 {
                self.markup("<br>");
            }
            self.text(line);
        }
        self
    }

    /// Wraps the body in a whole document: doctype, `lang`, title and the print styles.
    pub(crate) fn into_document(self, lang: Lang, title: &str) -> String {
        self.into_document_with(lang, title, "")
    }

    /// [`HtmlWriter::into_document`] with more style rules after the shared ones.
    pub(crate) fn into_document_with(
        self,
        lang: Lang,
        title: &str,
        more_style: &'static str,
    ) -> String {
        let mut page = HtmlWriter::default();
        page.markup("<!DOCTYPE html>\n");
        page.markup(match lang {
            Lang::Ja => "<html lang=\"ja\">\n",
            Lang::En => "<html lang=\"en\">\n",
        });
        page.markup("<head>\n<meta charset=\"utf-8\">\n")
            .markup("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .element("<title>", title, "</title>\n")
            .markup("<style>\n")
            .markup(STYLE)
            .markup(more_style)
            .markup("</style>\n</head>\n<body>\n<main>\n");
        page.out.push_str(&self.out);
        page.markup("</main>\n</body>\n</html>\n");
        page.out
    }
}

/// Text in `lang` for a pack text.
pub(crate) fn t(text: &Text, lang: Lang) -> &str {
    text.get(lang)
}

/// A percentage as text, or the "none" mark.
pub(crate) fn percent_text(percent: Option<u8>, lang: Lang) -> String {
    match percent {
        Some(p) => format!("{p}%"),
        None => labels(lang).none.to_string(),
    }
}

/// The separator between names in a list.
pub(crate) fn separator(lang: Lang) -> &'static str {
    match lang {
        Lang::Ja => "、",
        Lang::En => ", ",
    }
}

/// A count as a number for [`HtmlWriter::markup_numbers`].
pub(crate) fn count(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

/// The print styles shared by every report. Black text on white, readable without colour.
const STYLE: &str = r#"@page { size: A4; margin: 16mm 15mm; }
* { box-sizing: border-box; }
html { color: #111; background: #fff; }
body { margin: 0; font-family: "Hiragino Sans", "Hiragino Kaku Gothic ProN", "Yu Gothic", "Meiryo", "Noto Sans JP", system-ui, sans-serif; font-size: 10.5pt; line-height: 1.6; }
main { max-width: 180mm; margin: 0 auto; padding: 8mm 0; }
h1 { font-size: 17pt; margin: 0 0 2mm; line-height: 1.3; }
h2 { font-size: 13pt; margin: 7mm 0 2mm; border-bottom: 1.5pt solid #111; padding-bottom: 1mm; break-after: avoid; }
h3 { font-size: 11pt; margin: 4mm 0 1mm; break-after: avoid; }
p { margin: 1.5mm 0; }
.meta { color: #333; font-size: 9.5pt; }
.notice { border: 1pt solid #111; padding: 2mm 3mm; margin: 4mm 0; font-size: 9.5pt; }
table { width: 100%; border-collapse: collapse; margin: 2mm 0 4mm; }
th, td { border: 0.75pt solid #555; padding: 1.2mm 2mm; text-align: left; vertical-align: top; }
th { background: #eee; font-weight: bold; }
td.num, th.num { text-align: right; white-space: nowrap; }
tr { break-inside: avoid; }
dl.fields { display: grid; grid-template-columns: 38mm 1fr; gap: 1mm 3mm; margin: 2mm 0; }
dl.fields dt { font-weight: bold; }
dl.fields dd { margin: 0; border-bottom: 0.75pt solid #777; min-height: 6mm; }
.blank { color: #666; }
dl.fields dd.tall { min-height: 20mm; }
.chart { width: 100%; height: auto; margin: 2mm 0 4mm; }
.chart text { font-size: 11px; fill: #111; }
.signature { margin: 8mm 0 4mm; display: grid; grid-template-columns: 1fr 1fr; gap: 6mm; }
.signature div { border-bottom: 0.75pt solid #111; min-height: 12mm; padding-top: 6mm; }
.certificate { border: 3pt double #111; padding: 14mm 12mm; text-align: center; margin-bottom: 8mm; }
.certificate .name { font-size: 20pt; font-weight: bold; margin: 6mm 0; }
.certificate .course { font-size: 14pt; margin: 4mm 0; }
.recommendation-helpers { font-size: 9.5pt; }
@media print { main { padding: 0; } a { color: #111; text-decoration: none; } }
"#;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_date_with_its_weekday_shows_a_weekend() {
        assert_eq!(
            display_date_weekday("2027-03-06", Lang::Ja),
            "2027年3月6日（土）"
        );
        assert_eq!(
            display_date_weekday("2027-07-04", Lang::Ja),
            "2027年7月4日（日）"
        );
        assert_eq!(
            display_date_weekday("2027-01-05", Lang::En),
            "Tue 5 January 2027"
        );
        assert_eq!(display_date_weekday("not a date", Lang::Ja), "not a date");
    }

    #[test]
    fn escape_covers_markup_and_attribute_quotes() {
        assert_eq!(
            escape_html(r#"<script>alert("x&'y')</script>"#),
            "&lt;script&gt;alert(&quot;x&amp;&#39;y&#39;)&lt;/script&gt;"
        );
    }

    #[test]
    fn writer_escapes_content_and_inline_markup_keeps_only_safe_links() {
        let mut w = HtmlWriter::default();
        w.inline("**強調** <b>x</b> [l](https://e.jp/?a=1&b=2) [j](javascript:alert(1))");
        assert_eq!(
            w.out,
            "<strong>強調</strong> &lt;b&gt;x&lt;/b&gt; <a href=\"https://e.jp/?a=1&amp;b=2\">l</a> j"
        );
    }

    #[test]
    fn dates_read_naturally_in_each_language() {
        assert_eq!(display_date("2026-04-01", Lang::Ja), "2026年4月1日");
        let update: crate::pack::LegalUpdate = serde_json::from_value(serde_json::json!({
            "id": "u", "text": {"ja": "x", "en": "x"}, "as_of": "2026-12-06",
            "in_force": {"latest": "2028-05-13", "by_cabinet_order": true}, "sources": []
        }))
        .unwrap();
        assert_eq!(
            update_planned_label(&update, "2026-12-04", Lang::Ja).as_deref(),
            Some("政令で定める日から適用（遅くとも2028年5月13日、予定）")
        );
        assert_eq!(update_planned_label(&update, "2028-06-01", Lang::Ja), None);
        assert_eq!(display_date("2026-04-01", Lang::En), "1 April 2026");
        assert_eq!(display_date("someday", Lang::En), "someday");
    }

    #[test]
    fn numbers_fill_templates_in_order() {
        let mut w = HtmlWriter::default();
        w.markup_numbers("<rect x=\"{}\" width=\"{}\"/>", &[3, 40]);
        assert_eq!(w.out, "<rect x=\"3\" width=\"40\"/>");
    }
}
