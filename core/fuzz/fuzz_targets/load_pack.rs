//! Fuzz target: any bytes given to `load_pack` give a pack or diagnostics, never a panic;
//! and a pack that loads, written back as JSON, loads again to the same pack.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(valid) = kizuki_core::load_pack(data) else {
        return;
    };
    let json = serde_json::to_vec(valid.pack()).expect("a loaded pack serialises");
    let again = kizuki_core::load_pack(&json).expect("a re-serialised pack loads");
    assert_eq!(again.pack(), valid.pack(), "the pack survives a round trip");
});
