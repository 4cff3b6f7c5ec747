//! An iCalendar file (RFC 5545) of a return-to-work case's follow-up dates, for the
//! person's own calendar: all-day events that name only the case label and the meeting,
//! never health details.
//!
//! Lines end in CRLF and are folded at 75 octets without splitting a character; TEXT
//! values escape `\`, `;`, `,` and line breaks. The stamp is passed in, so the same case
//! and stamp always give the same bytes.

use time::format_description::well_known::Rfc3339;
use time::{OffsetDateTime, UtcOffset};

use crate::date::parse_date;
use crate::error::{Error, Result};
use crate::kind::plan::Case;
use crate::kind::plan::Plan;
use crate::load::ValidPack;
use crate::report::{fill_number, labels};
use crate::text::Lang;

/// The follow-up meetings of `case` as an iCalendar file.
///
/// `dtstamp` is when the file is made, RFC 3339 (e.g. `2026-11-22T09:00:00+09:00`); it is
/// written in UTC. Each event's UID is built from the pack id, the case id and the offset,
/// so importing the file again updates the same events. Fails when the pack is not a
/// plan, the stamp is not RFC 3339, or the case has no follow-up dates yet.
pub fn case_ics(
    pack: &ValidPack,
    case_id: &str,
    case: &Case,
    lang: Lang,
    dtstamp: &str,
) -> Result<String> {
    let Some(plan) = pack.content::<Plan>() else {
        return Err(Error::DoesNotFit(format!(
            "a follow-up calendar needs a plan pack; this one is a {}",
            pack.pack().kit.kind_name()
        )));
    };
    let stamp = utc_stamp(dtstamp)?;
    let dates = plan.follow_up_dates(case);
    if dates.is_empty() {
        return Err(Error::NotAllowed(format!(
            "the case has no follow-up dates until `{}` is set",
            plan.follow_up.anchor_field
        )));
    }
    let l = labels(lang);
    let mut calendar = Calendar::default();
    calendar.line("BEGIN:VCALENDAR");
    calendar.line("VERSION:2.0");
    calendar.line(match lang {
        Lang::Ja => "PRODID:-//Kizuki//Kizuki follow-up schedule//JA",
        Lang::En => "PRODID:-//Kizuki//Kizuki follow-up schedule//EN",
    });
    calendar.line("CALSCALE:GREGORIAN");
    calendar.line("METHOD:PUBLISH");
    for follow_up in &dates {
        let Some(start) = parse_date(&follow_up.date) else {
            continue;
        };
        let end = start.next_day().unwrap_or(start);
        let offset = fill_number(l.days_after, follow_up.offset_days);
        let summary = match lang {
            Lang::Ja => format!("{}：{}（{offset}）", case.label, l.follow_up_meeting),
            Lang::En => format!("{}: {} ({offset})", case.label, l.follow_up_meeting),
        };
        let uid = format!(
            "kizuki-{}-{case_id}-follow-up-{}",
            pack.pack().id,
            follow_up.offset_days
        );
        calendar.line("BEGIN:VEVENT");
        calendar.line(&format!("UID:{}", escape_text(&uid)));
        calendar.line(&format!("DTSTAMP:{stamp}"));
        calendar.line(&format!("DTSTART;VALUE=DATE:{}", basic_date(start)));
        calendar.line(&format!("DTEND;VALUE=DATE:{}", basic_date(end)));
        calendar.line(&format!("SUMMARY:{}", escape_text(&summary)));
        calendar.line("CLASS:PRIVATE");
        calendar.line("TRANSP:TRANSPARENT");
        calendar.line("END:VEVENT");
    }
    calendar.line("END:VCALENDAR");
    Ok(calendar.out)
}

/// An RFC 3339 time written as an iCalendar UTC date-time (`20261122T000000Z`).
pub fn utc_stamp(rfc3339: &str) -> Result<String> {
    let time = OffsetDateTime::parse(rfc3339.trim(), &Rfc3339)
        .map_err(|_| Error::InvalidDate(rfc3339.to_string()))?
        .to_offset(UtcOffset::UTC);
    Ok(format!(
        "{:04}{:02}{:02}T{:02}{:02}{:02}Z",
        time.year(),
        u8::from(time.month()),
        time.day(),
        time.hour(),
        time.minute(),
        time.second()
    ))
}

fn basic_date(date: time::Date) -> String {
    format!(
        "{:04}{:02}{:02}",
        date.year(),
        u8::from(date.month()),
        date.day()
    )
}

/// Escapes an iCalendar TEXT value: `\`, `;`, `,` and line breaks; other control
/// characters are dropped.
pub fn escape_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push_str("\\n");
            }
            '\n' => out.push_str("\\n"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Content lines, folded and ended with CRLF.
#[derive(Default)]
struct Calendar {
    out: String,
}

impl Calendar {
    fn line(&mut self, line: &str) {
        self.out.push_str(&fold(line));
        self.out.push_str("\r\n");
    }
}

/// Folds a content line so no physical line is longer than 75 octets: continuation lines
/// start with one space. Never splits a UTF-8 character.
pub fn fold(line: &str) -> String {
    const LIMIT: usize = 75;
    let mut out = String::with_capacity(line.len() + line.len() / LIMIT * 3);
    let mut used = 0;
    for c in line.chars() {
        let width = c.len_utf8();
        if used + width > LIMIT {
            out.push_str("\r\n ");
            used = 1;
        }
        out.push(c);
        used += width;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_escaping_covers_the_special_characters() {
        assert_eq!(escape_text("a,b;c\\d\r\ne\nf"), "a\\,b\\;c\\\\d\\ne\\nf");
    }

    #[test]
    fn folding_keeps_lines_within_75_octets_and_characters_whole() {
        let line = format!("SUMMARY:{}", "面談".repeat(40));
        let folded = fold(&line);
        for physical in folded.split("\r\n") {
            assert!(physical.len() <= 75, "{} octets", physical.len());
        }
        assert_eq!(folded.replace("\r\n ", ""), line);
        assert_eq!(fold("short"), "short");
    }

    #[test]
    fn stamps_are_written_in_utc() {
        assert_eq!(
            utc_stamp("2026-11-22T09:30:00+09:00").as_deref(),
            Ok("20261122T003000Z")
        );
        assert!(utc_stamp("yesterday").is_err());
    }
}
