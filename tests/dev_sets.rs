//! The dev sets of real annotated news (`../shared/eval/dev`, never copied here) scored through
//! `../shared/eval/dev-score`: the bars guard what tuning on their kinds of error won. Each set
//! has its own test function; a bar sits a little under the figure reached.

use serde_json::Value;
use std::path::Path;
use std::process::Command;

/// The scores of `kg` on one dev set, or `None` (with a printed reason) without the eval folder.
fn dev_score(set: &str) -> Option<Value> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let script = root.join("../shared/eval/dev-score");
    if !script.exists() {
        eprintln!("skipped: {} is absent", script.display());
        return None;
    }
    let output = Command::new("python3")
        .arg(&script)
        .arg(set)
        .args(["--kg", env!("CARGO_BIN_EXE_kg"), "--json"])
        .output()
        .expect("python3 runs");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success(), "dev-score {set} failed: {stdout}");
    let last = stdout.lines().last().unwrap_or("");
    Some(serde_json::from_str(last).expect("dev-score prints one JSON object"))
}

fn figure(scores: &Value, path: &[&str]) -> f64 {
    let mut v = scores;
    for key in path {
        v = &v[*key];
    }
    v.as_f64()
        .unwrap_or_else(|| panic!("no figure {path:?} in {scores}"))
}

/// TimeBank/AQUAINT (TempEval-3): TIMEX3 values (0.69 before issue 11's work).
#[test]
fn timebank_values_at_or_above_bars() {
    let Some(scores) = dev_score("timebank") else {
        return;
    };
    let f1 = figure(&scores, &["timex", "value", "F1"]);
    assert!(f1 >= 0.75, "timebank value F1 {f1} < 0.75: {scores}");
}

/// MEANTIME (Wikinews): TIMEX3 values and event–date links (R 0.24 before issue 11's work).
#[test]
fn meantime_times_and_event_dates_at_or_above_bars() {
    let Some(scores) = dev_score("meantime") else {
        return;
    };
    let f1 = figure(&scores, &["timex", "value", "F1"]);
    assert!(f1 >= 0.78, "meantime timex value F1 {f1} < 0.78: {scores}");
    let p = figure(&scores, &["event_dates", "P"]);
    let r = figure(&scores, &["event_dates", "R"]);
    assert!(p >= 0.95, "meantime event dates P {p} < 0.95: {scores}");
    assert!(r >= 0.33, "meantime event dates R {r} < 0.33: {scores}");
}
