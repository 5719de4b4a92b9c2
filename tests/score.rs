//! The extractor's quality on the seeds, measured by the shared scorer through SPARQL only
//! (`tests/eval/score.py`, a copy of `shared/eval/score.py`, with `tests/eval/seeds.gold.json`).
//!
//! The bars are the issues' targets (#3: persons 0.95, orgs 0.85, places 0.85, roles 0.90, split=0
//! for people; #4: events 0.85, and 0.80 with publication dates given). On 2026-11-22 the
//! extractor scored F1 1.000 on all five, with and without `--with-dct`; these figures were
//! reached while looking at the seeds, so unseen articles will score lower. Never lower a bar
//! without saying why in the commit.

use std::path::Path;
use std::process::Command;

fn score(extra: &[&str]) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let store = tempfile::tempdir().unwrap();
    let output = Command::new("python3")
        .arg(root.join("tests/eval/score.py"))
        .arg("--kg")
        .arg(env!("CARGO_BIN_EXE_kg"))
        .arg("--gold")
        .arg(root.join("tests/eval/seeds.gold.json"))
        .arg("--corpus")
        .arg(root.join("seeds"))
        .arg("--store")
        .arg(store.path().join("s"))
        .arg("-v")
        .args(extra)
        .output()
        .expect("python3 runs (CI installs it)");
    let report = format!(
        "{}\n{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    println!("{report}");
    assert!(output.status.success(), "below the bar:\n{report}");
    let people = report
        .lines()
        .find(|l| l.starts_with("persons"))
        .unwrap_or("");
    assert!(
        people.contains("split=0"),
        "a person is split in two:\n{report}"
    );
}

#[test]
fn seeds_score_at_or_above_the_bars() {
    score(&[
        "--min-persons",
        "0.95",
        "--min-orgs",
        "0.85",
        "--min-places",
        "0.85",
        "--min-roles",
        "0.90",
        "--min-events",
        "0.85",
    ]);
}

#[test]
fn seeds_with_publication_dates_score_at_or_above_the_bars() {
    score(&["--with-dct", "--min-events", "0.80"]);
}

/// The dev set: eight fresh articles (invented people) written for this project, used to tune
/// rules after their first measurement (roles F1 was 0.52 then). The bars guard what tuning won.
#[test]
fn heldout_dev_set_scores_at_or_above_the_bars() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let store = tempfile::tempdir().unwrap();
    let output = Command::new("python3")
        .arg(root.join("tests/eval/score.py"))
        .args(["--kg", env!("CARGO_BIN_EXE_kg")])
        .arg("--gold")
        .arg(root.join("tests/heldout/heldout.gold.json"))
        .arg("--corpus")
        .arg(root.join("tests/heldout/corpus"))
        .arg("--store")
        .arg(store.path().join("s"))
        .args([
            "--min-persons",
            "0.90",
            "--min-orgs",
            "0.90",
            "--min-places",
            "0.90",
        ])
        .args(["--min-roles", "0.90", "--min-events", "0.90"])
        .output()
        .expect("python3 runs (CI installs it)");
    let report = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success(), "below the bars:\n{report}");
}
