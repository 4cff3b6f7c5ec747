//! Fuzz target: any bytes as a center's directory file give a directory or diagnostics,
//! never a panic; a directory that loads has only http(s) links without hidden characters,
//! and every phone number it keeps dials a number of 3 to 15 digits.
#![no_main]

use kizuki_core::directory::{check_directory, load_directory};
use kizuki_core::phone::dial_number;
use kizuki_core::text::is_safe_href;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = check_directory(data);
    let Ok(directory) = load_directory(data) else {
        return;
    };
    for small in [None, Some(true), Some(false)] {
        for resource in directory.for_workplace(small) {
            if let Some(url) = &resource.url {
                assert!(is_safe_href(url), "an unsafe url loaded: {url:?}");
            }
            if let Some(phone) = &resource.phone {
                let number = dial_number(phone).expect("a kept phone number dials");
                let digits = number.trim_start_matches('+');
                assert!((3..=15).contains(&digits.len()) && digits.bytes().all(|b| b.is_ascii_digit()));
            }
        }
    }
});
