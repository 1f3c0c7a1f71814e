//! Integration tests of the child care summary (`summary.*`).

use kyoten_core::ops;
use serde_json::{Value, json};
use std::path::PathBuf;

fn examples_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../schemas/examples")
}

fn example(label: &str) -> Value {
    let p = examples_dir().join(format!("summary-request.{label}.json"));
    let text = std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
    serde_json::from_str(&text).unwrap()
}

fn run(op: &str, doc: &Value) -> Value {
    let out = ops::run(op, doc.to_string().as_bytes()).expect("operation exists");
    serde_json::from_str(&out.json).unwrap()
}

fn codes(report: &Value) -> Vec<String> {
    report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["code"].as_str().unwrap().to_owned())
        .collect()
}

const LABELS: [&str; 4] = [
    "ventilated-tracheostomy-gastrostomy",
    "tube-feeding-oxygen-sits",
    "epilepsy-walks",
    "leap-day-cchs-walks",
];

#[test]
fn every_example_is_clean_for_every_operation() {
    let mut n = 0;
    for entry in std::fs::read_dir(examples_dir()).unwrap() {
        let name = entry.unwrap().file_name().into_string().unwrap();
        let Some(label) = name
            .strip_prefix("summary-request.")
            .and_then(|s| s.strip_suffix(".json"))
        else {
            continue;
        };
        n += 1;
        let doc = example(label);
        assert_eq!(doc["$schema"], "../summary-request.schema.json");
        for op in ops::operations().filter(|o| o.input_type == "SummaryRequest") {
            let r = run(op.name, &doc);
            assert_eq!(r["errors"], 0, "{label} {}: {:#}", op.name, r["findings"]);
            assert!(r["result"].is_object(), "{label} {}", op.name);
        }
        let v = run("summary.validate", &doc);
        assert_eq!(v["warnings"], 0, "{label}: {:#}", v["findings"]);
    }
    assert!(n >= 4, "expected at least four summary examples, found {n}");
}

#[test]
fn print_examples() {
    for label in LABELS {
        let doc = example(label);
        for op in [
            "summary.validate",
            "summary.emergency_view",
            "summary.timeline",
        ] {
            let r = run(op, &doc);
            println!(
                "{label} {op}: {}",
                serde_json::to_string_pretty(&r).unwrap()
            );
        }
    }
    let _ = json!(null);
    let _ = codes(&json!({"findings": []}));
}
