//! Passphrase normalisation against full NFKC: on every character of the blocks Japanese
//! input produces, and on kana followed by voiced sound marks, the core's normalisation is
//! the same as the `unicode-normalization` crate's NFKC.

use kizuki_core::passphrase::normalise_passphrase;
use unicode_normalization::UnicodeNormalization;

fn nfkc(text: &str) -> String {
    text.nfkc().collect()
}

#[test]
fn normalisation_is_nfkc_on_the_blocks_japanese_input_produces() {
    // Half-width Hangul (U+FFA0–U+FFDC) is not handled: Japanese input does not produce it.
    let blocks = [
        0x20..0x7F,
        0x3000..0x3040,
        0x3040..0x3100,
        0xFF00..0xFFA0,
        0xFFE0..0xFFF0,
    ];
    let mut checked = 0;
    for block in blocks {
        for code in block {
            let Some(c) = char::from_u32(code) else {
                continue;
            };
            let text = c.to_string();
            assert_eq!(normalise_passphrase(&text), nfkc(&text), "U+{code:04X} {c}");
            checked += 1;
        }
    }
    assert!(checked > 500);
    let kana: Vec<char> = ('\u{3041}'..='\u{3096}')
        .chain('\u{30A1}'..='\u{30FA}')
        .chain(['ゝ', 'ヽ'])
        .chain('\u{FF66}'..='\u{FF9D}')
        .collect();
    for base in &kana {
        for mark in ['\u{3099}', '\u{309A}', '\u{FF9E}', '\u{FF9F}', '゛', '゜'] {
            let text = format!("{base}{mark}");
            assert_eq!(normalise_passphrase(&text), nfkc(&text), "{text}");
        }
    }
}
