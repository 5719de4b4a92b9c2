//! The fuzzing invariants, run as property tests in CI (the cargo-fuzz targets under `fuzz/`
//! check the same, much further, in a build of their own; these run in the normal test build):
//!
//! - the extractor, on arbitrary text (words from news, names, punctuation, multi-byte letters,
//!   run-on lines): no panic, and every span lies within the text, on character boundaries, and
//!   reads the text it claims;
//! - the text decoder and HTML reducer, on arbitrary bytes: no panic, and text out is UTF-8
//!   without NUL;
//! - the manifest reader, on arbitrary CSV: no panic, and an error names the manifest and, for a
//!   row, its line.

use kg::text::{decode, html_to_text, parse_manifest, DateOrigin, ManifestError};
use kg::{extract, Document};
use proptest::prelude::*;
use std::path::Path;

/// Pieces that make the extractor work: titles, names, organizations, dates, punctuation,
/// multi-byte look-alikes.
const PIECES: &[&str] = &[
    "President ",
    "Secretary of State ",
    "former ",
    "envoy ",
    "Steve ",
    "Witkoff",
    "Vladimir ",
    "Putin",
    "U.S. ",
    "Russia",
    "Kremlin",
    "Moscow",
    "met ",
    "said ",
    "on Tuesday",
    "next week",
    "Nov. 26, 2025",
    "in 2024",
    "the ",
    "of ",
    "and ",
    ", ",
    ". ",
    "\n",
    "\n\n",
    "\"",
    "\u{201c}",
    "\u{2019}s ",
    "Zoë ",
    "Łukasz ",
    "Ж",
    "🙂",
    "\u{a0}",
    "—",
    "Mr. ",
    "J. ",
    "(Reuters) ",
    "#",
    "<p>",
    "&amp;",
    "12",
    "%",
    " ",
];

fn article() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::collection::vec(prop::sample::select(PIECES), 0..120).prop_map(|p| p.concat()),
        any::<String>(),
        "[A-Za-zé ,.'\n]{0,400}",
    ]
}

fn check_extraction(text: &str) -> Result<(), TestCaseError> {
    let document = Document::new("prop.txt", text)
        .with_date(jiff::civil::date(2025, 11, 26), DateOrigin::CommandLine);
    let ex = extract(document);
    // The same check as the `extract` fuzz target's.
    if let Err(error) = kg::check::extraction_spans(&ex) {
        return Err(TestCaseError::fail(error));
    }
    let _ = kg::extract::extraction_json(&ex);
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn extractor_keeps_spans_on_the_text(text in article()) {
        check_extraction(&text)?;
    }

    #[test]
    fn decoder_never_panics_and_gives_clean_text(bytes in prop::collection::vec(any::<u8>(), 0..600)) {
        if let Ok(text) = decode("prop.bin", bytes.clone()) {
            prop_assert!(!text.contains('\0'));
            prop_assert!(!text.contains('\r'));
            prop_assert!(!text.trim().is_empty());
        }
        let lossy = String::from_utf8_lossy(&bytes);
        let _ = html_to_text(&lossy);
    }

    #[test]
    fn html_reducer_never_panics(html in "(<[a-z!/-]{0,8}[^>]{0,10}>?|&[a-z#0-9x]{0,8};?|[^<&]{0,20}){0,30}") {
        let text = html_to_text(&html);
        check_extraction(&text)?;
    }

    #[test]
    fn manifest_errors_name_the_line(
        rows in prop::collection::vec("[a-z0-9\",./ -]{0,30}", 0..8),
        header in prop::sample::select(&["path,date,url,title", "date,path", "title", "x,y", ""][..]),
    ) {
        let text = format!("{header}\n{}", rows.join("\n"));
        match parse_manifest(&text, Path::new("/base"), "crawl.csv") {
            Ok(entries) => prop_assert!(entries.len() <= rows.len()),
            Err(ManifestError::Date { path, line, .. }) => {
                prop_assert_eq!(path, "crawl.csv");
                prop_assert!(line >= 2 && line <= rows.len() + 1, "line {}", line);
            }
            Err(other) => prop_assert!(other.to_string().starts_with("crawl.csv"), "{}", other),
        }
    }
}

#[test]
fn a_long_run_on_line_stays_on_its_text() {
    let text = "Steve Witkoff met Vladimir Putin, ".repeat(2000);
    check_extraction(&text).unwrap();
}
