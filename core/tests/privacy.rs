//! Privacy: findings never echo a person's name, address, phone or any free text.
//!
//! For every example document in `schemas/examples/` and every operation that takes its
//! type, each string value in turn is replaced by a distinctive marker (which also makes
//! dates, enumerations and references invalid), and each number by an out-of-range value;
//! no finding message may contain the marker.

use kyoten_core::input::Limits;
use kyoten_core::operations;
use serde_json::Value;
use std::fs;

const MARKER: &str = "山田ZQX花子";

/// Every JSON Pointer to a string or number leaf.
fn leaves(v: &Value, at: String, out: &mut Vec<String>) {
    match v {
        Value::String(_) | Value::Number(_) => out.push(at),
        Value::Array(a) => a
            .iter()
            .enumerate()
            .for_each(|(i, x)| leaves(x, format!("{at}/{i}"), out)),
        Value::Object(m) => m.iter().for_each(|(k, x)| {
            let k = k.replace('~', "~0").replace('/', "~1");
            leaves(x, format!("{at}/{k}"), out)
        }),
        _ => {}
    }
}

#[test]
fn no_message_echoes_input_text() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../schemas/examples");
    let mut checked = 0usize;
    let mut messages = 0usize;
    let mut stems: Vec<String> = Vec::new();
    for entry in fs::read_dir(dir).expect("examples folder") {
        let path = entry.expect("entry").path();
        let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
            continue;
        };
        if !name.ends_with(".json") {
            continue;
        }
        let stem = name.split('.').next().unwrap_or("");
        let ops: Vec<_> = operations().filter(|op| op.input_stem() == stem).collect();
        if ops.is_empty() {
            continue;
        }
        let doc: Value =
            serde_json::from_slice(&fs::read(&path).expect("read")).expect("example JSON");
        let mut ptrs = Vec::new();
        leaves(&doc, String::new(), &mut ptrs);
        for (n, ptr) in ptrs.iter().enumerate() {
            if ptr == "/$schema" {
                continue;
            }
            let mut bad = doc.clone();
            let Some(slot) = bad.pointer_mut(ptr) else {
                continue;
            };
            *slot = if slot.is_string() || n % 2 == 0 {
                Value::String(format!("{MARKER}{n}"))
            } else {
                Value::from(-1)
            };
            let bytes = serde_json::to_vec(&bad).expect("serialise");
            for op in &ops {
                let out = (op.run)(&bytes, &Limits::default());
                let report: Value = serde_json::from_str(&out.json).expect("report");
                for f in report["findings"].as_array().into_iter().flatten() {
                    for key in ["message_ja", "message_en"] {
                        let m = f[key].as_str().unwrap_or("");
                        assert!(!m.is_empty(), "{}: {name} {ptr}: empty {key}", op.name);
                        messages += 1;
                        assert!(
                            !m.contains("ZQX"),
                            "{}: {name} {ptr}: {key} echoes input: {m}",
                            op.name
                        );
                    }
                }
                checked += 1;
            }
        }
        if !stems.iter().any(|s| s == stem) {
            stems.push(stem.to_owned());
        }
    }
    eprintln!("privacy: {checked} mutated documents checked, {messages} messages read");
    // The test must have checked something: documents of the main kinds were mutated,
    // and the mutations produced messages to read (a marker in a name or a date is
    // refused with a finding).
    for needed in [
        "summary-request",
        "score-request",
        "shortstay-evaluation",
        "plan",
    ] {
        assert!(
            stems.iter().any(|s| s == needed),
            "no {needed} example was checked"
        );
    }
    assert!(checked >= 100, "only {checked} mutated documents checked");
    assert!(messages >= checked, "only {messages} messages read");
}
