//! The extractor never panics and keeps its offsets inside the text, whatever the input: the
//! seed and held-out articles with accented letters, curly quotes, non-breaking spaces and
//! emoji sprinkled in, cut at arbitrary points, and a few degenerate texts.
//!
//! (Guards against byte-slicing inside a multi-byte character, which an English-only test set
//! never exercises: "Belém" once crashed `kg ingest`.)

use kg::{extract, Document};
use std::path::Path;

fn corpus() -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut texts = Vec::new();
    for dir in ["seeds", "tests/heldout/corpus", "tests/blind/corpus"] {
        let Ok(entries) = std::fs::read_dir(root.join(dir)) else {
            continue;
        };
        let mut paths: Vec<_> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
        paths.sort();
        texts.extend(paths.iter().filter_map(|p| std::fs::read_to_string(p).ok()));
    }
    texts
}

/// A small deterministic generator (no dependency): xorshift64.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// Replaces some characters by multi-byte look-alikes and inserts others.
fn mangle(text: &str, rng: &mut Rng) -> String {
    const SWAPS: &[(char, &str)] = &[
        ('e', "é"),
        ('a', "á"),
        ('o', "ö"),
        ('\'', "\u{2019}"),
        ('"', "\u{201c}"),
        (' ', "\u{a0}"),
        ('-', "\u{2011}"),
        ('u', "ü"),
        ('c', "č"),
        ('T', "Ţ"),
    ];
    const INSERTS: &[&str] = &["🙂", "\u{200b}", "—", "«", "»", "…", "\n", "Ж", "’s"];
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    for c in text.chars() {
        match rng.below(12) {
            0 => match SWAPS.iter().find(|(from, _)| *from == c) {
                Some((_, to)) => out.push_str(to),
                None => out.push(c),
            },
            1 => {
                out.push(c);
                out.push_str(INSERTS[rng.below(INSERTS.len())]);
            }
            _ => out.push(c),
        }
    }
    out
}

fn check(text: &str, label: &str) {
    let doc = Document::new(label, text).with_date(
        jiff::civil::date(2025, 11, 26),
        kg::text::DateOrigin::CommandLine,
    );
    let ex = extract(doc);
    let t = &ex.document.text;
    for m in &ex.mentions {
        assert_eq!(m.span.of(t), m.text, "{label}: mention {m:?}");
    }
    for x in &ex.timexes {
        assert_eq!(x.span.of(t), x.text, "{label}: timex {x:?}");
    }
    for s in &ex.sentences {
        assert!(
            t.is_char_boundary(s.span.start) && t.is_char_boundary(s.span.end),
            "{label}"
        );
    }
    for f in &ex.memberships {
        assert!(
            f.span.end <= t.len() && f.person < ex.entities.len(),
            "{label}: {f:?}"
        );
    }
    for e in &ex.events {
        assert!(
            e.span.end <= t.len() && e.trigger_span.end <= t.len(),
            "{label}: {e:?}"
        );
    }
    let _ = kg::extract::extraction_json(&ex);
}

#[test]
fn mangled_articles_never_panic() {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    for (i, text) in corpus().iter().enumerate() {
        for round in 0..6 {
            check(
                &mangle(text, &mut rng),
                &format!("article {i} round {round}"),
            );
        }
    }
}

#[test]
fn cut_articles_never_panic() {
    let mut rng = Rng(42);
    for (i, text) in corpus().iter().enumerate() {
        for _ in 0..20 {
            let mut cut = rng.below(text.len().max(1));
            while !text.is_char_boundary(cut) {
                cut -= 1;
            }
            check(&text[..cut], &format!("article {i} cut at {cut}"));
            check(&text[cut..], &format!("article {i} from {cut}"));
        }
    }
}

#[test]
fn degenerate_texts_never_panic() {
    for text in [
        "",
        " ",
        "\n\n\n",
        ".",
        "The",
        "President",
        "President Ó",
        "the ",
        "The Ó",
        "| | |\n|---|",
        "ÉÉÉÉÉÉÉÉ ÉÉÉ. ÉÉ, ÉÉÉ’s ÉÉÉÉ.",
        "on Tuesday",
        "1/1/1",
        "2025-13-45",
        "Mr. . . .",
        "Source: [",
    ] {
        check(text, text);
    }
    let long_word = "A".repeat(100_000);
    check(&long_word, "long word");
    let many_names = "President Ana Ruiz met Minister Bo Li. ".repeat(2_000);
    check(&many_names, "many names");
}
