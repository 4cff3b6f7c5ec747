//! Calendar dates as Kizuki stores them: `YYYY-MM-DD` strings, parsed only when needed.

use time::{Date, Duration, Month};

/// Parses `YYYY-MM-DD` into a date; anything else (`2026-02-30` too) is `None`.
///
/// Split by hand and checked by `time`'s calendar: `time`'s format-description parser
/// weighed about 12 KB of every kit's wasm for this one format.
pub fn parse_date(value: &str) -> Option<Date> {
    let bytes = value.as_bytes();
    if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
        return None;
    }
    let number = |range: std::ops::Range<usize>| -> Option<u32> {
        let digits = &bytes[range];
        digits.iter().all(u8::is_ascii_digit).then(|| {
            digits
                .iter()
                .fold(0, |total, digit| total * 10 + u32::from(digit - b'0'))
        })
    };
    let year = i32::try_from(number(0..4)?).ok()?;
    let month = Month::try_from(u8::try_from(number(5..7)?).ok()?).ok()?;
    let day = u8::try_from(number(8..10)?).ok()?;
    Date::from_calendar_date(year, month, day).ok()
}

/// Writes a date as `YYYY-MM-DD`.
pub fn format_date(date: Date) -> String {
    format!(
        "{:04}-{:02}-{:02}",
        date.year(),
        u8::from(date.month()),
        date.day()
    )
}

/// The date `days` after `value`, or `None` if `value` is not a date.
pub fn add_days(value: &str, days: i64) -> Option<String> {
    let date = parse_date(value)?;
    date.checked_add(Duration::days(days)).map(format_date)
}

/// Days from `from` to `to` (negative when `to` is earlier), if both are dates.
pub fn days_between(from: &str, to: &str) -> Option<i64> {
    Some((parse_date(to)? - parse_date(from)?).whole_days())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_parse_add_and_reject_nonsense() {
        assert_eq!(add_days("2026-12-25", 14).as_deref(), Some("2027-01-08"));
        assert_eq!(days_between("2026-01-01", "2026-03-01"), Some(59));
        assert!(parse_date("2026-02-30").is_none());
        assert!(parse_date("26-1-1").is_none());
        assert!(parse_date("2026-1-011").is_none());
        assert!(parse_date("2026-13-01").is_none());
        assert!(parse_date("2026-00-10").is_none());
        assert!(parse_date("+026-01-01").is_none());
        assert!(parse_date("２０２６-01-01").is_none());
        assert_eq!(
            parse_date("2028-02-29").map(format_date).as_deref(),
            Some("2028-02-29")
        );
    }
}
