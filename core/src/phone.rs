//! Telephone numbers as written by people (`0120-279-338 (24h, 365 days)`,
//! `03(1234)5678`, `＋８１ ３ １２３４ ５６７８`) read into the number to dial.

/// The fewest and most digits of a number that can be dialled (`110`; E.164's 15).
const DIGITS: std::ops::RangeInclusive<usize> = 3..=15;

/// The number to dial in a phone text: an optional leading `+`, then the digits of the
/// first number in the text (half- or full-width), read through hyphens, spaces, dots and
/// an area code in parentheses (`03(1234)5678`), and stopping at anything else, so
/// `0120-279-338 (24h, 365 days)` dials `0120279338`. `None` when the text does not start
/// with a number of 3 to 15 digits.
pub fn dial_number(text: &str) -> Option<String> {
    let chars: Vec<char> = text.trim().chars().map(half_width).collect();
    let mut out = String::new();
    let mut i = 0;
    if chars.first() == Some(&'+') {
        out.push('+');
        i = 1;
    }
    let mut digits = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_ascii_digit() {
            out.push(c);
            digits += 1;
        } else if matches!(c, '-' | ' ' | '.' | '‐' | '‑' | '–' | '—' | 'ー' | '−') {
            // A separator, unless it is followed by something that is not part of a number.
            let next = chars[i + 1..].iter().find(|n| !matches!(n, ' '));
            if !next.is_some_and(|n| n.is_ascii_digit() || *n == '(') {
                break;
            }
        } else if c == '(' || c == ')' {
            // Parentheses only around digits (`03(1234)5678`, `(03)1234-5678`).
            let inner = if c == '(' {
                chars[i + 1..]
                    .iter()
                    .take_while(|n| n.is_ascii_digit())
                    .count()
            } else {
                1
            };
            let closes = c == ')' || chars.get(i + 1 + inner) == Some(&')');
            if inner == 0 || !closes {
                break;
            }
        } else {
            break;
        }
        i += 1;
    }
    DIGITS.contains(&digits).then_some(out)
}

/// A phone text that gives several numbers (`0570-783-556 / 0120-783-556`: a charged and a
/// free line) in its parts, split at `/` (or `／`), so that each number is dialled on its
/// own ([`dial_number`] of each) rather than the first one for all. A text with one number
/// is one part.
pub fn phone_parts(text: &str) -> Vec<&str> {
    text.split(['/', '／'])
        .map(str::trim)
        .filter(|part| !part.is_empty())
        .collect()
}

/// Full-width digits, plus and hyphen-minus as their ASCII forms; the ideographic space as
/// a space.
fn half_width(c: char) -> char {
    match c {
        '０'..='９' | '＋' | '－' | '（' | '）' | '．' => {
            char::from_u32(c as u32 - 0xFEE0).unwrap_or(c)
        }
        '\u{3000}' => ' ',
        c => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_number_of_a_text_with_several_dials_itself() {
        let dialled = |text| -> Vec<Option<String>> {
            phone_parts(text).into_iter().map(dial_number).collect()
        };
        assert_eq!(
            phone_parts("0570-783-556 / 0120-783-556"),
            vec!["0570-783-556", "0120-783-556"]
        );
        assert_eq!(
            dialled("0570-783-556 / 0120-783-556"),
            vec![Some("0570783556".into()), Some("0120783556".into())]
        );
        assert_eq!(
            dialled("0120-279-338（24時間）"),
            vec![Some("0120279338".into())]
        );
        assert_eq!(dialled("03-1234-5678／03-1234-5679").len(), 2);
        assert_eq!(dialled("受付で確認"), vec![None]);
    }

    #[test]
    fn the_number_alone_is_dialled() {
        for (text, number) in [
            ("0120-279-338 (24h, 365 days)", Some("0120279338")),
            ("0120-279-338（24時間365日）", Some("0120279338")),
            ("03-1234-5678", Some("0312345678")),
            ("03(1234)5678", Some("0312345678")),
            ("(03) 1234-5678", Some("0312345678")),
            ("+81 3 1234 5678", Some("+81312345678")),
            ("＋８１ ３ １２３４ ５６７８", Some("+81312345678")),
            ("03-1234-5678 内線 12", Some("0312345678")),
            ("110", Some("110")),
            ("javascript:alert(1)", None),
            ("call us", None),
            ("12", None),
            ("1234567890123456", None),
            ("", None),
        ] {
            assert_eq!(dial_number(text).as_deref(), number, "{text}");
        }
    }
}
