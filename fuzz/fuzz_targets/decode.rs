//! Any bytes through kg's text reader: the decoder (UTF-8, UTF-16 with a byte-order mark,
//! binary refused) and, for HTML inputs, the reducer. No panic; text out is UTF-8 without NUL
//! or carriage return, and not blank.
#![no_main]

use kg::text::{decode, html_to_text};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = decode("fuzz.bin", data.to_vec()) {
        assert!(!text.contains('\0'));
        assert!(!text.contains('\r'));
        assert!(!text.trim().is_empty());
        let reduced = html_to_text(&text);
        assert!(!reduced.contains('\0'));
    }
    let _ = html_to_text(&String::from_utf8_lossy(data));
});
