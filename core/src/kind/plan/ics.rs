//! An iCalendar file (RFC 5545) of a return-to-work case's follow-up dates, for the
//! person's own calendar: all-day events that name only the case label and the meeting,
//! never health details.
//!
//! Lines end in CRLF and are folded at 75 octets without splitting a character; TEXT
//! values escape `\`, `;`, `,` and line breaks. The stamp is passed in, so the same case
//! and stamp always give the same bytes.

use time::Duration;

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
///
/// Read by hand — `YYYY-MM-DD`, `T` (or `t` or a space, as `time` reads it),
/// `HH:MM:SS`, an optional fraction, then `Z` or `±HH:MM` — where `time`'s RFC 3339
/// parser weighed about 9 KB of the planner's wasm (issue 14; a property test holds the
/// two equal). A leap second (`:60`) is refused: browsers never write one.
pub fn utc_stamp(rfc3339: &str) -> Result<String> {
    let invalid = || Error::InvalidDate(rfc3339.to_string());
    let text = rfc3339.trim();
    let bytes = text.as_bytes();
    let date = text.get(..10).and_then(parse_date).ok_or_else(invalid)?;
    let (Some(b'T' | b't' | b' '), Some(b':'), Some(b':')) =
        (bytes.get(10), bytes.get(13), bytes.get(16))
    else {
        return Err(invalid());
    };
    let field = |at: usize, max: u32| bytes.get(at..at + 2).and_then(|d| two_digits(d, max));
    let (Some(hour), Some(minute), Some(second)) = (field(11, 23), field(14, 59), field(17, 59))
    else {
        return Err(invalid());
    };
    let mut rest = &bytes[19..];
    if let Some((b'.', fraction)) = rest.split_first() {
        let digits = fraction.iter().take_while(|b| b.is_ascii_digit()).count();
        if digits == 0 {
            return Err(invalid());
        }
        rest = &fraction[digits..];
    }
    let offset_minutes = match rest {
        [b'Z' | b'z'] => 0,
        [sign @ (b'+' | b'-'), hours @ .., b':', m1, m2] if hours.len() == 2 => {
            let (Some(hours), Some(minutes)) = (two_digits(hours, 23), two_digits(&[*m1, *m2], 59))
            else {
                return Err(invalid());
            };
            let minutes = i64::from(hours * 60 + minutes);
            if *sign == b'-' {
                -minutes
            } else {
                minutes
            }
        }
        _ => return Err(invalid()),
    };
    let seconds = i64::from(hour * 3600 + minute * 60 + second) - offset_minutes * 60;
    let date = date
        .checked_add(Duration::days(seconds.div_euclid(86_400)))
        .ok_or_else(invalid)?;
    let in_day = seconds.rem_euclid(86_400);
    Ok(format!(
        "{}T{:02}{:02}{:02}Z",
        basic_date(date),
        in_day / 3600,
        in_day % 3600 / 60,
        in_day % 60
    ))
}

/// Two ASCII digits as a number, if it is at most `max`.
fn two_digits(digits: &[u8], max: u32) -> Option<u32> {
    match digits {
        [tens @ b'0'..=b'9', ones @ b'0'..=b'9'] => {
            Some(u32::from(tens - b'0') * 10 + u32::from(ones - b'0')).filter(|n| *n <= max)
        }
        _ => None,
    }
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

    #[test]
    fn stamps_cross_midnight_and_the_year_by_the_offset() {
        let stamp = |text: &str| utc_stamp(text).ok();
        assert_eq!(
            stamp("2026-01-01T05:00:00+09:00").as_deref(),
            Some("20251231T200000Z")
        );
        assert_eq!(
            stamp("2026-12-31T20:30:00-05:00").as_deref(),
            Some("20270101T013000Z")
        );
        assert_eq!(
            stamp(" 2026-12-06T16:40:12.345Z ").as_deref(),
            Some("20261206T164012Z")
        );
        for bad in [
            "2026-12-06T24:00:00Z",
            "2026-12-06T16:40:12",
            "2026-12-06T16:40:12.Z",
            "2026-02-30T10:00:00Z",
            "2026-12-06T16:40:60Z",
            "2026-12-06T16:40:12+0900",
            "2026-12-06T16:40:12+24:00",
        ] {
            assert_eq!(stamp(bad), None, "{bad}");
        }
    }

    proptest::proptest! {
        /// The hand-written reader gives what `time`'s RFC 3339 parser gives, for well-formed
        /// times and for near misses alike.
        #[test]
        fn stamps_read_as_times_rfc_3339_parser_reads_them(
            text in "(19|20)[0-9]{2}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])[Tt ]([01][0-9]|2[0-4]):[0-5][0-9]:[0-5][0-9](\\.[0-9]{0,4})?([Zz]|[+-]([01][0-9]|2[0-4]):[0-5][0-9]|)"
        ) {
            use time::format_description::well_known::Rfc3339;
            let theirs = time::OffsetDateTime::parse(&text, &Rfc3339).ok().map(|time| {
                let time = time.to_offset(time::UtcOffset::UTC);
                format!(
                    "{:04}{:02}{:02}T{:02}{:02}{:02}Z",
                    time.year(),
                    u8::from(time.month()),
                    time.day(),
                    time.hour(),
                    time.minute(),
                    time.second()
                )
            });
            proptest::prop_assert_eq!(utc_stamp(&text).ok(), theirs, "{}", text);
        }
    }
}
