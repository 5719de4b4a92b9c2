//! Running the `kg` binary from the integration tests: the runner, its success check and the
//! store's dump, which several test files need alike. (`tests/push.rs` keeps its own runner: it
//! sets and clears the push credentials' environment.)
#![allow(dead_code)] // each test file uses its own part of this module

use std::path::Path;
use std::process::{Command, Output};

/// Runs `kg --store STORE args...` and returns its output.
pub fn kg(store: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_kg"))
        .arg("--store")
        .arg(store)
        .args(args)
        .output()
        .expect("the kg binary runs")
}

/// Runs `kg`, asserts success and returns its standard output.
pub fn kg_ok(store: &Path, args: &[&str]) -> String {
    let output = kg(store, args);
    assert!(
        output.status.success(),
        "kg {args:?} failed ({:?}):\n{}",
        output.status.code(),
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// The whole store as sorted N-Quads lines (`kg dump`): two stores hold the same graph when
/// their dumps are equal.
pub fn dump(store: &Path) -> Vec<String> {
    let mut lines: Vec<String> = kg_ok(store, &["dump", "--format", "nquads"])
        .lines()
        .map(str::to_owned)
        .collect();
    lines.sort();
    lines
}

/// The rows of a `kg query` in CSV, header left out, each line trimmed.
pub fn csv_rows(store: &Path, query: &str) -> Vec<String> {
    kg_ok(store, &["query", "--format", "csv", query])
        .lines()
        .skip(1)
        .map(|l| l.trim().to_owned())
        .collect()
}
