//! The invariants of an extraction that hold for any input, shared by the property tests
//! (`tests/properties.rs`) and the `extract` fuzz target (`fuzz/`), so that the two check the
//! same thing: every span the extractor gives lies within the text, on character boundaries,
//! and a mention's span reads the mention's text.

use crate::Extraction;

/// Checks the spans of `ex` against its text; the error names the first span at fault.
pub fn extraction_spans(ex: &Extraction) -> Result<(), String> {
    let t = &ex.document.text;
    let within = |start: usize, end: usize| {
        start <= end && end <= t.len() && t.is_char_boundary(start) && t.is_char_boundary(end)
    };
    let fail =
        |what: &str, item: &dyn std::fmt::Debug| Err(format!("{what} off its text: {item:?}"));
    for s in &ex.sentences {
        if !within(s.span.start, s.span.end) {
            return fail("sentence", s);
        }
    }
    for m in &ex.mentions {
        if !within(m.span.start, m.span.end) || m.span.of(t) != m.text.as_str() {
            return fail("mention", m);
        }
    }
    for x in &ex.timexes {
        if !within(x.span.start, x.span.end) {
            return fail("time expression", x);
        }
    }
    for f in &ex.memberships {
        if !within(f.span.start, f.span.end) {
            return fail("membership", f);
        }
    }
    for e in &ex.events {
        if !within(e.span.start, e.span.end) || !within(e.trigger_span.start, e.trigger_span.end) {
            return fail("event", e);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{extract, Document};

    #[test]
    fn an_extraction_keeps_its_spans_and_a_moved_one_is_named() {
        let mut ex = extract(Document::new(
            "a.txt",
            "Zoë Quill, the Freedonian president, met Bo Rand in Łódź on Tuesday.",
        ));
        assert_eq!(extraction_spans(&ex), Ok(()));
        let m = ex.mentions.first_mut().expect("a mention");
        m.span.start += 1; // inside "Z" no more: reads another text, or off a char boundary
        let error = extraction_spans(&ex).unwrap_err();
        assert!(error.starts_with("mention off its text"), "{error}");
    }
}
