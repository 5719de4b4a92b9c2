//! The extractor on real annotated news that nobody here wrote (`../shared/eval/dev`, scored by
//! `../shared/eval/dev-score`; the data stays there, never in this repository). Each bar sits a
//! little under the figure reached when it was set, so a regression fails; raise it when the
//! extractor gets better, never lower it without saying why in the commit.
//!
//! Without `../shared/eval` (a checkout on its own) the tests print why and pass.

use std::path::{Path, PathBuf};
use std::process::Command;

/// `../shared/eval/dev-score`, when it is there.
fn dev_score() -> Option<PathBuf> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/eval/dev-score");
    path.exists().then_some(path)
}

/// The scores of one dev set as JSON text, or `None` (with the reason printed) without the data.
fn scores(set: &str) -> Option<String> {
    let Some(script) = dev_score() else {
        println!("skipped: ../shared/eval/dev-score is absent");
        return None;
    };
    let output = Command::new("python3")
        .arg(script)
        .arg(set)
        .args(["--kg", env!("CARGO_BIN_EXE_kg"), "--json"])
        .output()
        .expect("python3 runs (CI installs it)");
    let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
    assert!(
        output.status.success(),
        "dev-score {set} failed:\n{stdout}\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    println!("{stdout}");
    Some(stdout)
}

/// The number after `"key":` inside the object that follows `"section"` in `json`.
fn figure(json: &str, section: &str, key: &str) -> f64 {
    let at = json
        .find(&format!("\"{section}\""))
        .unwrap_or_else(|| panic!("no {section} in {json}"));
    let rest = &json[at..];
    let at = rest
        .find(&format!("\"{key}\""))
        .unwrap_or_else(|| panic!("no {section}.{key} in {json}"));
    let rest = rest[at + key.len() + 2..].trim_start_matches([':', ' ']);
    let end = rest
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(rest.len());
    rest[..end].parse().expect("a number")
}

/// CoNLL04 (AP and WSJ sentences): people, organizations and places by exact span.
#[test]
fn conll04_entities_at_or_above_the_bars() {
    let Some(json) = scores("conll04") else {
        return;
    };
    let micro = figure(&json, "micro", "F1");
    let org_recall = figure(&json, "ORG", "R");
    let work_for_precision = figure(&json, "work_for", "P");
    assert!(micro >= CONLL04_MICRO_F1, "entities micro F1 {micro}");
    assert!(org_recall >= CONLL04_ORG_R, "ORG recall {org_recall}");
    assert!(
        work_for_precision >= CONLL04_WORK_FOR_P,
        "Work_For precision {work_for_precision}"
    );
}

/// MEANTIME (Wikinews): name mentions by overlap.
#[test]
fn meantime_names_at_or_above_the_bars() {
    let Some(json) = scores("meantime") else {
        return;
    };
    let micro = figure(&json, "micro", "F1");
    assert!(micro >= MEANTIME_MICRO_F1, "names micro F1 {micro}");
}

// Reached on 2026-12-06 (issue 8, part A): conll04 entities micro F1 0.698, ORG recall 0.565,
// Work_For P 0.828 (two of its eleven "wrong" pairs are true facts the gold leaves out:
// "Dallas Police Officer J.D. Tippit", "Tidwell, a retired CIA officer"); meantime names micro
// F1 0.836. Before: 0.617, 0.392, 0.836 and 0.810.
const CONLL04_MICRO_F1: f64 = 0.68;
const CONLL04_ORG_R: f64 = 0.55;
const CONLL04_WORK_FOR_P: f64 = 0.80;
const MEANTIME_MICRO_F1: f64 = 0.82;
