//! The extractor on real annotated news that nobody here wrote (`../shared/eval/dev`, scored by
//! `../shared/eval/dev-score` with the `kg` binary of this build; the data stays there, never in
//! this repository). Each bar sits a little under the figure reached when it was set, so a
//! regression fails; raise it when the extractor gets better, never lower it without saying why
//! in the commit. Without `../shared/eval` (a checkout on its own) the tests print why and pass.

use std::path::{Path, PathBuf};
use std::process::Command;

/// `../shared/eval/dev-score`, when the dev sets are there.
fn dev_score() -> Option<PathBuf> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/eval/dev-score");
    path.exists().then_some(path)
}

/// The JSON report of `dev-score SET` for this build's binary.
fn score(set: &str) -> Option<serde_json::Value> {
    let Some(script) = dev_score() else {
        eprintln!("skipped: ../shared/eval/dev-score is absent (the dev sets are not here)");
        return None;
    };
    let output = Command::new("python3")
        .arg(&script)
        .arg(set)
        .args(["--kg", env!("CARGO_BIN_EXE_kg"), "--json"])
        .output()
        .expect("python3 runs (CI installs it)");
    assert!(
        output.status.success(),
        "dev-score {set} failed:\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let report: serde_json::Value =
        serde_json::from_slice(&output.stdout).expect("dev-score --json prints JSON");
    println!("{report}");
    Some(report)
}

fn figure(report: &serde_json::Value, path: &[&str]) -> f64 {
    let mut v = report;
    for key in path {
        v = &v[*key];
    }
    v.as_f64()
        .unwrap_or_else(|| panic!("no {} in {report}", path.join(".")))
}

/// CoNLL04 (AP and WSJ sentences): people, organizations and places by exact span, and
/// Work_For (person works for organization), 325 gold pairs in 1,153 sentences.
#[test]
fn conll04_at_or_above_the_bars() {
    let Some(report) = score("conll04") else {
        return;
    };
    let micro = figure(&report, &["entities", "micro", "F1"]);
    let org_recall = figure(&report, &["entities", "ORG", "R"]);
    let (p, r) = (
        figure(&report, &["work_for", "P"]),
        figure(&report, &["work_for", "R"]),
    );
    assert!(micro >= CONLL04_MICRO_F1, "entities micro F1 {micro}");
    assert!(org_recall >= CONLL04_ORG_R, "ORG recall {org_recall}");
    assert!(p >= CONLL04_WORK_FOR_P, "Work_For precision {p}");
    assert!(r >= CONLL04_WORK_FOR_R, "Work_For recall {r}");
}

/// MEANTIME (Wikinews): name mentions by overlap.
#[test]
fn meantime_names_at_or_above_the_bars() {
    let Some(report) = score("meantime") else {
        return;
    };
    let micro = figure(&report, &["entities", "micro", "F1"]);
    assert!(micro >= MEANTIME_MICRO_F1, "names micro F1 {micro}");
}

/// TimeBank/AQUAINT (TempEval-3): TIMEX3 values (0.69 before issue 11's work, 0.78 after
/// session 3, 0.795 after session 4, 0.809 after session 5: bare years in more contexts,
/// weekdays after names, the quarter in focus; 0.809 -> 0.814 after session 6: the quarter in
/// focus kept by references to it, spoken years, "the day before X", rates and titles dropped;
/// 0.814 -> 0.820 after session 7: deadlines before a time of day, passed "until"s, quarters as
/// lengths, possessive weekdays, "today's" as nowadays).
#[test]
fn timebank_values_at_or_above_bars() {
    let Some(report) = score("timebank") else {
        return;
    };
    let f1 = figure(&report, &["timex", "value", "F1"]);
    assert!(f1 >= 0.815, "timebank value F1 {f1} < 0.815");
}

/// MEANTIME (Wikinews): TIMEX3 values and event–date links (R 0.24 before issue 11's work, 0.342
/// after session 3, 0.479 at P 1.00 after session 4's present tense and state verbs, 0.521 at
/// P 1.00 after session 5's coordinated futures, abilities ("can fly") and the merge fix).
#[test]
fn meantime_times_and_event_dates_at_or_above_bars() {
    let Some(report) = score("meantime") else {
        return;
    };
    let f1 = figure(&report, &["timex", "value", "F1"]);
    // Timex values 0.813 after session 3, 0.822 after session 4, 0.856 after session 5.
    assert!(f1 >= 0.85, "meantime timex value F1 {f1} < 0.85");
    let p = figure(&report, &["event_dates", "P"]);
    let r = figure(&report, &["event_dates", "R"]);
    assert!(p >= 0.95, "meantime event dates P {p} < 0.95");
    assert!(r >= 0.50, "meantime event dates R {r} < 0.50");
}

// Set on 2026-12-06 (issue 8): see the constants' comment in the commit that set them and the
// closing note of issue 8 for the figures reached and those before. Raised in session 3 (the
// shapes of #8: field between title and organization, employers named by the job, title
// modifiers), from micro F1 0.701, ORG R 0.580, Work_For P 0.926 R 0.409, meantime 0.851.
// Entity bars raised in session 4 (state bodies as organizations, kinds of organization before
// a name, people in killing and saying contexts, home towns): micro F1 0.701 -> 0.723, ORG R
// 0.580 -> 0.655, meantime 0.851 -> 0.872. Work_For (roles, session 4: employers before a job
// and a name, names listed before their organization, relative clauses after an age): R bar
// 0.39 -> 0.42 at P 0.931 R 0.437. Session 5 (roles: organizations named again by their kind,
// possessives before names, a legislator's chamber in the sentence, bare national bodies tied
// to the article's country): Work_For P 0.923 R 0.431 -> P 0.924 R 0.477, R bar 0.42 -> 0.46.
// Session 5 (entities: places by heads and contexts, former countries, lone surnames in more
// person contexts): micro F1 0.723 -> 0.736, meantime 0.872 -> 0.881.
// Session 6 (roles: firms described before their name, schools inside universities, a title
// "in" an organization, organizations joined by "and", short names after a name, titles in
// the plural): Work_For P 0.924 R 0.477 -> P 0.926 R 0.489, bars P 0.90 -> 0.91, R 0.46 -> 0.47.
// Session 6 (entities: printed person spans take in "Mrs."/bare "President", monitoring source
// lines, speaker tags, compass words and prefixes in place names, dateline towns, "A." initials,
// perfect tenses and relatives): micro F1 0.736 -> 0.780 (P 0.772 -> 0.809), ORG R 0.655 ->
// 0.697, Work_For R 0.477 -> 0.483; meantime unchanged (0.881).
// Session 6 (lead: a bare body tied to no country is the article's own organization), all three
// branches merged: Work_For P 0.924 R 0.477 -> P 0.926 R 0.526 (bar R 0.47 -> 0.50), entities
// micro F1 0.780, ORG R 0.697.
// Session 7 (roles: "a senior ORG official", a unit's parent by its possessive, "X, Acme
// Paper's chairman", "Former ORG executive X", a division after its known parent before a
// job, "who served in/on ORG", apposition heads past long names): Work_For P 0.926 R 0.526 ->
// P 0.929 R 0.554 (bar R 0.50 -> 0.54); entities micro F1 0.780 -> 0.781.
// Session 7 (entities: a birthplace "Town, State" printed as one place, organization names
// joined by "and", "X's chairman", qualified titles in apposition, "Entertainment" and
// "Television" as heads, a frequent family name in a plain apposition): micro F1 0.780 ->
// 0.799 (P 0.809 -> 0.836, LOC P 0.775 -> 0.831), ORG R 0.697 -> 0.706; bars 0.77 -> 0.79, 0.68 -> 0.69; Work_For P 0.926 R 0.526 -> P 0.928
// R 0.542; meantime unchanged (0.881).
// Session 7, both branches merged: Work_For P 0.931 R 0.566 (bar R 0.54 -> 0.55, the issue's
// own), entities micro F1 0.800, ORG R 0.709; meantime names 0.881.
const CONLL04_MICRO_F1: f64 = 0.79;
const CONLL04_ORG_R: f64 = 0.69;
const CONLL04_WORK_FOR_P: f64 = 0.91;
const CONLL04_WORK_FOR_R: f64 = 0.55;
const MEANTIME_MICRO_F1: f64 = 0.875;
