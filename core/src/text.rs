//! Bilingual text and the small, safe inline markup that lessons may use.

use serde::{Deserialize, Serialize};

/// The two languages every piece of content is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Lang {
    /// Japanese, the first language of every pack.
    Ja,
    /// English, the second.
    En,
}

impl Lang {
    /// Every language, Japanese first: one content file per language is written in this order.
    pub const ALL: [Lang; 2] = [Lang::Ja, Lang::En];

    /// Parses `"ja"` or `"en"` (also `"ja-JP"`, `"en-US"`); anything else is `None`.
    pub fn parse(code: &str) -> Option<Lang> {
        let lower = code.trim().to_ascii_lowercase();
        if lower == "ja" || lower.starts_with("ja-") {
            Some(Lang::Ja)
        } else if lower == "en" || lower.starts_with("en-") {
            Some(Lang::En)
        } else {
            None
        }
    }

    /// The language a widget starts in: the person's own earlier choice on this site
    /// (`stored`), else the embedding page's `lang` option, else the first of the browser's
    /// languages (`navigator.languages`, in the person's order) that is Japanese or English,
    /// else the page's own `lang` attribute, else Japanese. Unknown codes are passed over.
    pub fn choose<'a>(
        stored: Option<&str>,
        option: Option<&str>,
        browser: impl IntoIterator<Item = &'a str>,
        page: Option<&str>,
    ) -> Lang {
        stored
            .and_then(Lang::parse)
            .or_else(|| option.and_then(Lang::parse))
            .or_else(|| browser.into_iter().find_map(Lang::parse))
            .or_else(|| page.and_then(Lang::parse))
            .unwrap_or(Lang::Ja)
    }

    /// The BCP 47 code, for `lang` attributes.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Ja => "ja",
            Lang::En => "en",
        }
    }
}

/// A user-facing string: Japanese is required, English is expected (validation warns
/// when it is missing) and falls back to Japanese when absent. In a pack file of one
/// language (the pack's `lang`, [`crate::language_file`]) only that language is given.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Text {
    /// Japanese (absent only in an English pack file).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub ja: String,
    /// English.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub en: Option<String>,
}

impl Text {
    /// Builds a text from both languages.
    pub fn new(ja: impl Into<String>, en: impl Into<String>) -> Text {
        Text {
            ja: ja.into(),
            en: Some(en.into()),
        }
    }

    /// The text in `lang`, falling back to Japanese when the English is missing or empty
    /// (and to the English when the Japanese is: a text of an English pack file).
    pub fn get(&self, lang: Lang) -> &str {
        match (lang, &self.en) {
            (Lang::En, Some(en)) if !en.trim().is_empty() => en,
            (Lang::Ja, Some(en)) if self.ja.trim().is_empty() => en,
            _ => &self.ja,
        }
    }
}

/// One run of inline content after parsing the markup of a [`Text`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Inline {
    /// Plain text, to be rendered as text (never as markup).
    Plain(String),
    /// `**emphasised**` text.
    Strong(String),
    /// `[label](https://…)`: only `http` and `https` targets ever become links.
    Link {
        /// What the reader sees.
        label: String,
        /// The target, always `http://` or `https://`.
        href: String,
    },
}

/// Returns true when `href` is a link Kizuki will render live (`http` or `https` only).
pub fn is_safe_href(href: &str) -> bool {
    let lower = href.trim().to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://"))
        && !href.trim().chars().any(|c| {
            c.is_control()
                || c.is_whitespace()
                || is_hidden_format(c)
                || matches!(c, '"' | '<' | '>')
        })
}

/// Direction marks and overrides, zero-width characters and the BOM: in a link they can
/// make the address shown differ from the address followed.
fn is_hidden_format(c: char) -> bool {
    matches!(
        c,
        '\u{061C}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2069}' | '\u{FEFF}'
    )
}

/// Splits text written with Kizuki's inline markup (`**strong**`, `[label](https://url)`)
/// into runs. Anything else, HTML included, stays plain text; a link to any scheme other
/// than http(s) becomes its plain label.
pub fn parse_inline(source: &str) -> Vec<Inline> {
    let mut runs = Vec::new();
    let mut plain = String::new();
    let mut rest = source;
    while !rest.is_empty() {
        if let Some(after) = rest.strip_prefix("**") {
            if let Some(end) = after.find("**") {
                if end > 0 {
                    flush_plain(&mut plain, &mut runs);
                    runs.push(Inline::Strong(after[..end].to_string()));
                    rest = &after[end + 2..];
                    continue;
                }
            }
        }
        if let Some(after) = rest.strip_prefix('[') {
            if let Some((label, href, remaining)) = split_link(after) {
                flush_plain(&mut plain, &mut runs);
                if is_safe_href(href) {
                    runs.push(Inline::Link {
                        label: label.to_string(),
                        href: href.trim().to_string(),
                    });
                } else {
                    runs.push(Inline::Plain(label.to_string()));
                }
                rest = remaining;
                continue;
            }
        }
        let mut chars = rest.chars();
        if let Some(c) = chars.next() {
            plain.push(c);
        }
        rest = chars.as_str();
    }
    flush_plain(&mut plain, &mut runs);
    runs
}

fn flush_plain(plain: &mut String, runs: &mut Vec<Inline>) {
    if !plain.is_empty() {
        runs.push(Inline::Plain(std::mem::take(plain)));
    }
}

/// For `label](href)rest`, returns `(label, href, rest)`.
fn split_link(after_bracket: &str) -> Option<(&str, &str, &str)> {
    // Neither a label nor a target holds `[`: looking no further than the next one keeps
    // parsing linear (before, a run of `[` took time quadratic in its length).
    let label_area = &after_bracket[..after_bracket.find('[').unwrap_or(after_bracket.len())];
    let close = label_area.find("](")?;
    let label = &after_bracket[..close];
    if label.is_empty() || label.contains('[') {
        return None;
    }
    let tail = &after_bracket[close + 2..];
    // The target ends at the `)` that balances the opening one, so `(1)` inside stays.
    let mut depth = 0usize;
    let target_area = &tail[..tail.find('[').unwrap_or(tail.len())];
    let end = target_area.char_indices().find_map(|(i, c)| match c {
        '(' => {
            depth += 1;
            None
        }
        ')' if depth == 0 => Some(i),
        ')' => {
            depth -= 1;
            None
        }
        _ => None,
    })?;
    Some((label, &tail[..end], &tail[end + 1..]))
}

/// Every link target written in `source`, safe or not (validation reports unsafe ones).
pub fn link_targets(source: &str) -> Vec<&str> {
    let mut targets = Vec::new();
    let mut rest = source;
    while let Some(start) = rest.find('[') {
        let after = &rest[start + 1..];
        match split_link(after) {
            Some((_, href, remaining)) => {
                targets.push(href);
                rest = remaining;
            }
            None => rest = after,
        }
    }
    targets
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_with_direction_overrides_or_hidden_characters_are_unsafe() {
        assert!(is_safe_href("https://www.mhlw.go.jp/"));
        for href in [
            "https://example.jp/\u{202E}gpj.exe",
            "https://exa\u{200B}mple.jp/",
            "https://example.jp/a b",
            "https://example.jp/\u{2066}x",
        ] {
            assert!(!is_safe_href(href), "{href:?}");
        }
    }

    #[test]
    fn the_language_is_the_persons_choice_then_the_host_then_the_browser() {
        let none: [&str; 0] = [];
        assert_eq!(
            Lang::choose(Some("en"), Some("ja"), ["ja"], Some("ja")),
            Lang::En
        );
        assert_eq!(Lang::choose(None, Some("en"), ["ja"], Some("ja")), Lang::En);
        assert_eq!(
            Lang::choose(Some("xx"), None, ["fr-FR", "en-GB", "ja"], Some("ja")),
            Lang::En
        );
        assert_eq!(Lang::choose(None, None, ["fr"], Some("en")), Lang::En);
        assert_eq!(Lang::choose(None, None, none, None), Lang::Ja);
        assert_eq!(
            Lang::choose(None, None, ["ja-JP", "en-US"], Some("en")),
            Lang::Ja
        );
    }

    #[test]
    fn english_falls_back_to_japanese_when_missing() {
        let text = Text {
            ja: "はい".into(),
            en: None,
        };
        assert_eq!(text.get(Lang::En), "はい");
        assert_eq!(Text::new("はい", "Yes").get(Lang::En), "Yes");
    }

    #[test]
    fn markup_becomes_runs_and_html_stays_plain() {
        let runs = parse_inline("a **b** <script>x</script> [c](https://e.jp/)");
        assert_eq!(
            runs,
            vec![
                Inline::Plain("a ".into()),
                Inline::Strong("b".into()),
                Inline::Plain(" <script>x</script> ".into()),
                Inline::Link {
                    label: "c".into(),
                    href: "https://e.jp/".into()
                },
            ]
        );
    }

    #[test]
    fn javascript_links_are_never_live() {
        let runs = parse_inline("[click](javascript:alert(1)) after");
        assert_eq!(
            runs,
            vec![
                Inline::Plain("click".into()),
                Inline::Plain(" after".into())
            ]
        );
        assert!(!is_safe_href(" JavaScript:alert(1)"));
        assert!(!is_safe_href("data:text/html,x"));
    }
}
