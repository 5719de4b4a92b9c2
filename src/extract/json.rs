//! The JSON shape of `kg extract`: what people use to debug and evaluate the extractor.
//!
//! Stable and documented in README ("kg extract output"). Offsets are Unicode code points into
//! the document text as `kg` read it (`start` inclusive, `end` exclusive), unlike the byte spans
//! used inside the library.

use super::Extraction;
use crate::text::{CharIndex, Span};
use serde_json::{json, Map, Value};

/// Version of the JSON shape; bumped on any incompatible change.
pub const EXTRACT_FORMAT_VERSION: u32 = 1;

/// Renders an extraction as the `kg extract` JSON document.
pub fn extraction_json(ex: &Extraction) -> Value {
    let text = &ex.document.text;
    let chars = CharIndex::new(text);
    let at = |span: Span| -> (usize, usize) { chars.span(span) };
    let doc = &ex.document;

    let sentences: Vec<Value> = ex
        .sentences
        .iter()
        .map(|s| {
            let (start, end) = at(s.span);
            json!({"index": s.index, "start": start, "end": end, "text": s.span.of(text)})
        })
        .collect();

    let mut mentions: Vec<(usize, Value)> = ex
        .mentions
        .iter()
        .map(|m| {
            let (start, end) = at(m.span);
            let mut v = json!({"kind": m.kind, "text": m.text, "start": start, "end": end,
                "sentence": m.sentence});
            if let Some(value) = &m.value {
                v["value"] = json!(value);
            }
            if let Some(e) = m.entity {
                v["entity"] = json!(e);
            }
            (m.span.start, v)
        })
        .collect();
    mentions.extend(ex.timexes.iter().map(|t| {
        let (start, end) = at(t.span);
        let mut v = json!({"kind": "time", "text": t.text, "start": start, "end": end,
            "sentence": t.sentence, "type": t.kind, "relative": t.relative});
        if let Some(value) = &t.value {
            v["value"] = json!(value);
        }
        (t.span.start, v)
    }));
    mentions.sort_by_key(|(start, _)| *start);

    let entities: Vec<Value> = ex
        .entities
        .iter()
        .enumerate()
        .map(|(i, e)| {
            let mut v = json!({"id": i, "kind": e.kind, "name": e.name, "aliases": e.aliases,
                "key": e.key});
            if let Some(class) = &e.class {
                v["class"] = json!(class);
            }
            v
        })
        .collect();

    let memberships: Vec<Value> = ex
        .memberships
        .iter()
        .map(|m| {
            let (start, end) = at(m.span);
            let mut v = json!({"person": m.person, "role": m.role, "sentence": m.sentence,
                "start": start, "end": end, "text": m.span.of(text), "rule": m.rule});
            if let Some(o) = m.organization {
                v["organization"] = json!(o);
            }
            if !m.qualifiers.is_empty() {
                v["qualifiers"] = json!(m.qualifiers);
            }
            v
        })
        .collect();

    let events: Vec<Value> = ex
        .events
        .iter()
        .map(|e| {
            let (start, end) = at(e.span);
            let (t_start, t_end) = at(e.trigger_span);
            let mut v = json!({"label": e.label, "trigger": e.trigger, "lemma": e.lemma,
                "trigger_start": t_start, "trigger_end": t_end, "sentence": e.sentence,
                "start": start, "end": end, "text": e.span.of(text),
                "participants": e.participants});
            if let Some(date) = &e.date {
                v["date"] = json!(date);
            }
            if let Some(place) = e.place {
                v["place"] = json!(place);
            }
            v
        })
        .collect();

    let mut document = Map::new();
    document.insert("id".into(), json!(doc.id));
    document.insert("source".into(), json!(doc.source));
    document.insert("title".into(), json!(doc.title));
    document.insert(
        "published".into(),
        doc.published.map_or(
            Value::Null,
            |p| json!({"date": p.date.to_string(), "source": p.origin.as_str()}),
        ),
    );
    document.insert("url".into(), json!(doc.url));
    document.insert("length".into(), json!(text.chars().count()));

    json!({
        "format": EXTRACT_FORMAT_VERSION,
        "document": document,
        "sentences": sentences,
        "mentions": mentions.into_iter().map(|(_, v)| v).collect::<Vec<_>>(),
        "entities": entities,
        "memberships": memberships,
        "events": events,
    })
}
