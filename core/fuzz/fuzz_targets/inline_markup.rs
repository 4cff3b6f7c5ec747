//! Fuzz target: `parse_inline` never panics, never yields a link whose target is not
//! http(s), and every run's text comes from the source; `link_targets` never panics.
#![no_main]

use kizuki_core::text::{is_safe_href, link_targets, parse_inline, Inline};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|source: &str| {
    for run in parse_inline(source) {
        match run {
            Inline::Link { label, href } => {
                assert!(is_safe_href(&href), "unsafe link target {href:?}");
                let lower = href.to_ascii_lowercase();
                assert!(lower.starts_with("http://") || lower.starts_with("https://"));
                assert!(!href.contains(['"', '<', '>']), "{href:?}");
                assert!(source.contains(&label) && source.contains(&href));
            }
            Inline::Plain(text) | Inline::Strong(text) => {
                assert!(!text.is_empty(), "empty run");
            }
        }
    }
    for target in link_targets(source) {
        assert!(source.contains(target));
    }
});
