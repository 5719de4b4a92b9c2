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
    let t = &ex.document.text;
    let within = |start: usize, end: usize| {
        start <= end && end <= t.len() && t.is_char_boundary(start) && t.is_char_boundary(end)
    };
    for s in &ex.sentences {
        assert!(within(s.span.start, s.span.end), "sentence {s:?}");
    }
    for m in &ex.mentions {
        assert!(within(m.span.start, m.span.end), "mention {m:?}");
        assert_eq!(m.span.of(t), m.text.as_str(), "mention {m:?}");
    }
    for x in &ex.timexes {
        assert!(within(x.span.start, x.span.end), "timex {x:?}");
    }
    for f in &ex.memberships {
        assert!(within(f.span.start, f.span.end), "membership {f:?}");
    }
    for e in &ex.events {
        assert!(within(e.span.start, e.span.end), "event {e:?}");
        assert!(within(e.trigger_span.start, e.trigger_span.end), "event {e:?}");
    }
    // The JSON of `kg extract` and the quads of ingest are built from the same spans.
    let _ = kg::extract::extraction_json(&ex);
});
