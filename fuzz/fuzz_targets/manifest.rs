//! Any bytes as a `--manifest` CSV: no panic; entries never outnumber the non-blank rows; an
//! error names the manifest and, for a bad date, a line that exists.
#![no_main]

use kg::text::{parse_manifest, ManifestError};
use libfuzzer_sys::fuzz_target;
use std::path::Path;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let lines = text.lines().count();
    match parse_manifest(text, Path::new("/base"), "crawl.csv") {
        Ok(entries) => assert!(entries.len() <= lines),
        Err(ManifestError::Date { path, line, .. }) => {
            assert_eq!(path, "crawl.csv");
            assert!(line >= 2 && line <= lines, "line {line} of {lines}");
        }
        Err(other) => assert!(other.to_string().starts_with("crawl.csv"), "{other}"),
    }
});
