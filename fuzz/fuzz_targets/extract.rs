//! Any bytes, read as kg reads an article, then extracted: no panic, and every span the
//! extractor gives lies within the text, on character boundaries, and reads the text it claims.
#![no_main]

use kg::text::DateOrigin;
use kg::{extract, Document};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data).into_owned();
    let document = Document::new("fuzz.txt", text)
        .with_date(jiff::civil::date(2025, 11, 26), DateOrigin::CommandLine);
    let ex = extract(document);
    // The same check as the property tests' (tests/properties.rs).
    if let Err(error) = kg::check::extraction_spans(&ex) {
        panic!("{error}");
    }
    // The JSON of `kg extract` and the quads of ingest are built from the same spans.
    let _ = kg::extract::extraction_json(&ex);
});
