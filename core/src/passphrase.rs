//! What a passphrase must be before it protects health information: normalised the way
//! Japanese input produces it (so a passphrase typed in full-width mode opens what its
//! half-width twin sealed), long enough in visible characters, and not one of the
//! passwords every guesser tries first.

/// The shortest passphrase accepted, in characters after normalisation, not counting
/// spaces or invisible characters.
pub const MIN_PASSPHRASE_CHARS: usize = 8;

/// Why a passphrase is refused. Each has a stable [`PassphraseProblem::code`] that the UI
/// maps to a message in the person's language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PassphraseProblem {
    /// Fewer than [`MIN_PASSPHRASE_CHARS`] visible characters.
    TooShort,
    /// Only spaces (half- or full-width).
    OnlySpaces,
    /// Only invisible characters (zero-width spaces, joiners, format marks), perhaps with
    /// spaces.
    OnlyInvisible,
    /// One of the most common passwords, a keyboard row or a run of one character or
    /// digits in sequence, perhaps with a few digits or symbols after it.
    Common,
}

impl PassphraseProblem {
    /// A stable code: `too_short`, `only_spaces`, `only_invisible`, `common`.
    pub fn code(&self) -> &'static str {
        match self {
            PassphraseProblem::TooShort => "too_short",
            PassphraseProblem::OnlySpaces => "only_spaces",
            PassphraseProblem::OnlyInvisible => "only_invisible",
            PassphraseProblem::Common => "common",
        }
    }
}

impl std::fmt::Display for PassphraseProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            PassphraseProblem::TooShort => "it has fewer than 8 visible characters",
            PassphraseProblem::OnlySpaces => "it is only spaces",
            PassphraseProblem::OnlyInvisible => "it is only invisible characters",
            PassphraseProblem::Common => "it is one of the passwords guessed first",
        })
    }
}

/// Checks a new passphrase (before normalisation; this function normalises it). Opening an
/// existing record never checks: a passphrase chosen under older rules still opens it.
pub fn check_passphrase(passphrase: &str) -> Result<(), PassphraseProblem> {
    let normalised = normalise_passphrase(passphrase);
    let visible: Vec<char> = normalised
        .chars()
        .filter(|c| !c.is_whitespace() && !is_invisible(*c))
        .collect();
    if visible.is_empty() && !normalised.is_empty() {
        return Err(if normalised.chars().all(char::is_whitespace) {
            PassphraseProblem::OnlySpaces
        } else {
            PassphraseProblem::OnlyInvisible
        });
    }
    if visible.len() < MIN_PASSPHRASE_CHARS {
        return Err(PassphraseProblem::TooShort);
    }
    let folded: String = visible.iter().flat_map(|c| c.to_lowercase()).collect();
    if is_common(&folded) {
        return Err(PassphraseProblem::Common);
    }
    Ok(())
}

/// A passphrase of this many visible characters or more is rated [`Strength::Strong`].
pub const STRONG_PASSPHRASE_CHARS: usize = 16;

/// How a new passphrase rates, for the meter shown while it is typed (the UI words each).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Strength {
    /// Nothing typed yet.
    Empty,
    /// Refused, and why.
    Refused(PassphraseProblem),
    /// Accepted: at least [`MIN_PASSPHRASE_CHARS`] visible characters, not a common one.
    Fair,
    /// Accepted and at least [`STRONG_PASSPHRASE_CHARS`] visible characters long (several
    /// words joined are the easy way to get there).
    Strong,
}

/// Rates a new passphrase (the same check as [`check_passphrase`], plus length).
pub fn passphrase_strength(passphrase: &str) -> Strength {
    if passphrase.is_empty() {
        return Strength::Empty;
    }
    if let Err(problem) = check_passphrase(passphrase) {
        return Strength::Refused(problem);
    }
    let visible = normalise_passphrase(passphrase)
        .chars()
        .filter(|c| !c.is_whitespace() && !is_invisible(*c))
        .count();
    if visible >= STRONG_PASSPHRASE_CHARS {
        Strength::Strong
    } else {
        Strength::Fair
    }
}

/// Zero-width characters, joiners, direction and format marks, the byte order mark, and
/// other characters that show nothing.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}'
            | '\u{034F}'
            | '\u{061C}'
            | '\u{115F}'
            | '\u{1160}'
            | '\u{17B4}'
            | '\u{17B5}'
            | '\u{180B}'..='\u{180F}'
            | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{206F}'
            | '\u{3164}'
            | '\u{FE00}'..='\u{FE0F}'
            | '\u{FEFF}'
            | '\u{FFA0}'
            | '\u{E0000}'..='\u{E0FFF}'
    ) || c.is_control()
}

/// The passwords guessed first: the top of the public lists of leaked passwords (those of
/// at least 8 characters once spaces are taken out, lower case), and Japanese favourites.
/// A passphrase is common when it is one of these, or one of these followed by digits or
/// symbols only (`password1`, `password123!`).
const COMMON: &[&str] = &[
    "password",
    "passw0rd",
    "p@ssw0rd",
    "p@ssword",
    "pa55word",
    "iloveyou",
    "sunshine",
    "princess",
    "football",
    "baseball",
    "superman",
    "starwars",
    "whatever",
    "trustno1",
    "dragon",
    "monkey",
    "letmein",
    "welcome",
    "shadow",
    "master",
    "qwerty",
    "qwertyui",
    "qwertyuiop",
    "asdfghjk",
    "asdfghjkl",
    "zxcvbnm",
    "zxcvbnm,",
    "1qaz2wsx",
    "1q2w3e4r",
    "1q2w3e4r5t",
    "q1w2e3r4",
    "qazwsxedc",
    "abcd1234",
    "abc12345",
    "abcdefgh",
    "admin",
    "administrator",
    "computer",
    "internet",
    "michael",
    "jennifer",
    "jordan",
    "charlie",
    "liverpool",
    "chelsea",
    "arsenal",
    "pokemon",
    "naruto",
    "doraemon",
    "pikachu",
    "sakura",
    "tokyo",
    "nippon",
    "japan",
    "kizuki",
    "changeme",
    "default",
    "secret",
    "loveyou",
    "lovely",
    "flower",
    "hello",
    "helloworld",
    "hellokitty",
    "samsung",
    "google",
    "facebook",
    "mustang",
    "access",
    "killer",
    "batman",
    "soccer",
    "hockey",
    "ranger",
    "buster",
    "thomas",
    "robert",
    "daniel",
    "hunter",
    "harley",
    "matrix",
    "freedom",
    "ginger",
    "summer",
    "winter",
    "spring",
    "autumn",
    "cookie",
    "purple",
    "orange",
    "banana",
    "chocolate",
    "pepper",
    "jessica",
    "nicole",
    "ashley",
    "andrew",
    "joshua",
    "maggie",
    "silver",
    "golden",
    "diamond",
    "blink182",
    "zaq12wsx",
    "aa123456",
    "a1b2c3d4",
    "qwer1234",
    "asdf1234",
    "pass1234",
    "test1234",
    "testtest",
    "guest",
    "user",
    "login",
    "root",
    "toor",
    "pass",
    "passpass",
    "himitsu",
    "aikotoba",
    "pasuwado",
    "pasuwaado",
    "anata",
    "daisuki",
    "aishiteru",
    "arigatou",
    "konnichiwa",
    "ohayou",
    "sayonara",
    "tanaka",
    "suzuki",
    "sato",
    "takahashi",
    "watanabe",
    "yamada",
    "パスワード",
    "ぱすわーど",
    "あいうえお",
    "かきくけこ",
    "ひみつ",
    "だいすき",
    "ありがとう",
];

/// Keyboard rows and sequences: a passphrase that is a run inside one of these is common.
const SEQUENCES: &[&str] = &[
    "0123456789012345678901234567890",
    "9876543210987654321098765432109",
    "abcdefghijklmnopqrstuvwxyz",
    "zyxwvutsrqponmlkjihgfedcba",
    "qwertyuiopasdfghjklzxcvbnm",
    "mnbvcxzlkjhgfdsapoiuytrewq",
    "1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik9ol0p",
    "あいうえおかきくけこさしすせそたちつてとなにぬねのはひふへほまみむめもやゆよらりるれろわをん",
    "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワヲン",
];

fn is_common(folded: &str) -> bool {
    let mut chars = folded.chars();
    let first = chars.next();
    if first.is_some() && chars.all(|c| Some(c) == first) {
        return true; // "aaaaaaaa", "11111111"
    }
    if SEQUENCES.iter().any(|run| run.contains(folded)) {
        return true; // "12345678", "qwertyui", "abcdefgh"
    }
    // A common password, or a common password followed by digits and symbols only.
    let stem = folded.trim_end_matches(|c: char| c.is_ascii_digit() || c.is_ascii_punctuation());
    let stem = if stem.is_empty() { folded } else { stem };
    COMMON.contains(&stem)
        || COMMON.contains(&folded)
        || SEQUENCES
            .iter()
            .any(|run| stem.chars().count() >= 4 && run.contains(stem))
        || is_repeated_word(folded)
}

/// `abcabcabc`, `1234512345`, `passpass`: a short piece repeated.
fn is_repeated_word(folded: &str) -> bool {
    let chars: Vec<char> = folded.chars().collect();
    (1..=chars.len() / 2).any(|size| {
        chars.len() % size == 0 && chars.chunks(size).all(|chunk| chunk == &chars[..size])
    })
}

/// The passphrase as the key is derived from it: NFKC for the characters Japanese input
/// produces, so the full-width and half-width forms of one passphrase are the same
/// passphrase. Full-width ASCII (U+FF01–U+FF5E) and the ideographic space become ASCII,
/// the full-width and half-width signs (U+FF5F–U+FF60, U+FFE0–U+FFEE) and a few
/// CJK symbols (〶, 〸〹〺, ゟ, ヿ) their compatibility forms,
/// half-width katakana (U+FF61–U+FF9F) full-width katakana, and a kana followed by a
/// (half-width or combining) voiced sound mark becomes the one voiced kana. Every other
/// character (half-width Hangul included) is left as it is (full NFKC tables would add about 60 KB gzipped to the
/// planner's wasm). `tests/core/passphrase.rs` checks this against the full NFKC of the
/// `unicode-normalization` crate on every character of those blocks.
pub fn normalise_passphrase(passphrase: &str) -> String {
    let mut out: Vec<char> = Vec::with_capacity(passphrase.len());
    for c in passphrase.chars() {
        let mapped = compatibility(c);
        for m in mapped.chars() {
            let composed = match (out.last(), m) {
                (Some(&base), '\u{3099}') => voiced(base),
                (Some(&base), '\u{309A}') => semi_voiced(base),
                _ => None,
            };
            match composed {
                Some(composed) => {
                    out.pop();
                    out.push(composed);
                }
                None => out.push(m),
            }
        }
    }
    out.into_iter().collect()
}

/// The NFKC decomposition of one character of the blocks handled (as a short string).
fn compatibility(c: char) -> String {
    let code = c as u32;
    match code {
        0x3000 => " ".to_string(),
        0x309B => " \u{3099}".to_string(),
        0x309C => " \u{309A}".to_string(),
        0x3036 => "〒".to_string(),
        0x3038 => "十".to_string(),
        0x3039 => "卄".to_string(),
        0x303A => "卅".to_string(),
        0x309F => "より".to_string(),
        0x30FF => "コト".to_string(),
        0xFF01..=0xFF5E => char::from_u32(code - 0xFEE0).map_or_else(String::new, String::from),
        0xFF5F => "\u{2985}".to_string(),
        0xFF60 => "\u{2986}".to_string(),
        0xFF61..=0xFF9F => {
            const HALF_WIDTH: &str = "。「」、・ヲァィゥェォャュョッーアイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワン\u{3099}\u{309A}";
            HALF_WIDTH
                .chars()
                .nth((code - 0xFF61) as usize)
                .map_or_else(|| c.to_string(), String::from)
        }
        0xFFE0 => "\u{A2}".to_string(),
        0xFFE1 => "\u{A3}".to_string(),
        0xFFE2 => "\u{AC}".to_string(),
        0xFFE3 => " \u{304}".to_string(),
        0xFFE4 => "\u{A6}".to_string(),
        0xFFE5 => "\u{A5}".to_string(),
        0xFFE6 => "\u{20A9}".to_string(),
        0xFFE8..=0xFFEE => "│←↑→↓■○"
            .chars()
            .nth((code - 0xFFE8) as usize)
            .map_or_else(|| c.to_string(), String::from),
        _ => c.to_string(),
    }
}

/// The kana with a voiced sound mark (が for か), if there is one.
fn voiced(base: char) -> Option<char> {
    const PLUS_ONE: &str =
        "かきくけこさしすせそたちつてとはひふへほカキクケコサシスセソタチツテトハヒフヘホ";
    if PLUS_ONE.contains(base) {
        return char::from_u32(base as u32 + 1);
    }
    Some(match base {
        'う' => 'ゔ',
        'ゝ' => 'ゞ',
        'ウ' => 'ヴ',
        'ワ' => 'ヷ',
        'ヰ' => 'ヸ',
        'ヱ' => 'ヹ',
        'ヲ' => 'ヺ',
        'ヽ' => 'ヾ',
        _ => return None,
    })
}

/// The kana with a semi-voiced sound mark (ぱ for は), if there is one.
fn semi_voiced(base: char) -> Option<char> {
    const PLUS_TWO: &str = "はひふへほハヒフヘホ";
    if PLUS_TWO.contains(base) {
        char::from_u32(base as u32 + 2)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_meter_gives_the_reason_a_passphrase_is_refused() {
        assert_eq!(passphrase_strength(""), Strength::Empty);
        assert_eq!(
            passphrase_strength("12345678"),
            Strength::Refused(PassphraseProblem::Common)
        );
        assert_eq!(
            passphrase_strength("password1"),
            Strength::Refused(PassphraseProblem::Common)
        );
        assert_eq!(
            passphrase_strength("short"),
            Strength::Refused(PassphraseProblem::TooShort)
        );
        assert_eq!(
            passphrase_strength("        "),
            Strength::Refused(PassphraseProblem::OnlySpaces)
        );
        assert_eq!(passphrase_strength("ふじさん と みずうみ"), Strength::Fair);
        assert_eq!(
            passphrase_strength("correct horse battery staple"),
            Strength::Strong
        );
    }

    #[test]
    fn weak_passphrases_are_refused_with_a_reason() {
        for weak in [
            "12345678",
            "password",
            "password1",
            "Password123!",
            "ｐａｓｓｗｏｒｄ",
            "qwertyuiop",
            "aaaaaaaaaa",
            "abcabcabc",
            "87654321",
        ] {
            assert_eq!(
                check_passphrase(weak),
                Err(PassphraseProblem::Common),
                "{weak}"
            );
        }
        assert_eq!(
            check_passphrase("        "),
            Err(PassphraseProblem::OnlySpaces)
        );
        assert_eq!(
            check_passphrase("\u{3000}\u{3000}\u{3000}\u{3000}\u{3000}\u{3000}\u{3000}\u{3000}"),
            Err(PassphraseProblem::OnlySpaces)
        );
        assert_eq!(
            check_passphrase(&"\u{200B}".repeat(8)),
            Err(PassphraseProblem::OnlyInvisible)
        );
        assert_eq!(
            check_passphrase(&"\u{200D} ".repeat(8)),
            Err(PassphraseProblem::OnlyInvisible)
        );
        assert_eq!(check_passphrase("short"), Err(PassphraseProblem::TooShort));
        assert_eq!(
            check_passphrase("a b c d e f g"),
            Err(PassphraseProblem::TooShort)
        );
        assert_eq!(check_passphrase(""), Err(PassphraseProblem::TooShort));
    }

    #[test]
    fn ordinary_passphrases_pass() {
        for good in [
            "correct horse battery",
            "夏の朝に水をまく猫",
            "green-tea 2026 katsura",
            "ミドリノオチャ３杯",
        ] {
            assert_eq!(check_passphrase(good), Ok(()), "{good}");
        }
    }

    #[test]
    fn full_width_and_half_width_kana_normalise_alike() {
        assert_eq!(
            normalise_passphrase("ｐａｓｓ　ｗｏｒｄ１２３"),
            "pass word123"
        );
        assert_eq!(normalise_passphrase("ｶﾞｯｺｳﾉﾊﾟｿｺﾝ"), "ガッコウノパソコン");
        assert_eq!(normalise_passphrase("か\u{3099}"), "が");
    }
}
