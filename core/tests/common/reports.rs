//! Helpers for tests that run operations and read their reports (included with
//! `#[path = "common/reports.rs"] mod reports;`, so each test file takes only this).
#![allow(dead_code)]

use serde_json::{Value, json};

/// An example document of `schemas/examples/` (`invalid/…` for an invalid one).
pub fn example(name: &str) -> Value {
    let path = format!("{}/../schemas/examples/{name}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(path).expect("example");
    serde_json::from_str(&text).expect("json")
}

/// The report of `op` on `doc` with the run options `options` (`""`: the defaults).
pub fn run_with(op: &str, doc: &Value, options: &str) -> Value {
    let out =
        kyoten_core::ops::run_with_options(op, doc.to_string().as_bytes(), options.as_bytes())
            .expect("op");
    serde_json::from_str(&out.json).expect("report")
}

/// The report of `op` on `doc`.
pub fn run(op: &str, doc: &Value) -> Value {
    run_with(op, doc, "")
}

/// The report of `op` on `doc` in draft mode.
pub fn run_draft(op: &str, doc: &Value) -> Value {
    run_with(op, doc, r#"{"draft":true}"#)
}

/// Each finding's (code, path), in the report's order.
pub fn codes(report: &Value) -> Vec<(String, String)> {
    report["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|f| {
            (
                f["code"].as_str().unwrap_or("").to_owned(),
                f["path"].as_str().unwrap_or("").to_owned(),
            )
        })
        .collect()
}

/// A (code, path) pair as `codes` gives them.
pub fn pair(code: &str, path: &str) -> (String, String) {
    (code.to_owned(), path.to_owned())
}

/// True if the report has a finding `code` at `path`.
pub fn has(report: &Value, code: &str, path: &str) -> bool {
    codes(report).contains(&pair(code, path))
}

/// `doc` with the value at `pointer` made `""` (not filled in yet).
pub fn blank(mut doc: Value, pointer: &str) -> Value {
    *doc.pointer_mut(pointer).expect("pointer") = json!("");
    doc
}

/// Every document of `schemas/examples/` (valid, `failing/` and `invalid/`) whose file
/// name starts with `prefix`, sorted within each folder.
pub fn example_paths(prefix: &str) -> Vec<std::path::PathBuf> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../schemas/examples");
    let mut all = Vec::new();
    for sub in ["", "/failing", "/invalid"] {
        let mut paths: Vec<_> = std::fs::read_dir(format!("{dir}{sub}"))
            .expect("examples")
            .flatten()
            .map(|e| e.path())
            .filter(|p| {
                p.file_name()
                    .and_then(|n| n.to_str())
                    .is_some_and(|n| n.starts_with(prefix) && n.ends_with(".json"))
            })
            .collect();
        paths.sort();
        all.extend(paths);
    }
    all
}

/// `op` on `bytes`: whether the report is valid, and its findings (code, path, English
/// message) other than the operation's own (codes starting with `own`).
pub fn shared_findings(op: &str, bytes: &[u8], own: &str) -> (bool, Vec<(String, String, String)>) {
    let out = kyoten_core::ops::run(op, bytes).expect("op");
    let r: Value = serde_json::from_str(&out.json).expect("report");
    let findings = r["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter(|f| !f["code"].as_str().unwrap_or("").starts_with(own))
        .map(|f| {
            (
                f["code"].as_str().unwrap_or("").to_owned(),
                f["path"].as_str().unwrap_or("").to_owned(),
                f["message_en"].as_str().unwrap_or("").to_owned(),
            )
        })
        .collect();
    (out.valid, findings)
}
