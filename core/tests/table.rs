//! Properties of the whole operation table and rule catalogue: they hold for every
//! operation and rule, including those added later, without naming any of them.

use kyoten_core::catalogue::all_rules;
use kyoten_core::input::Limits;
use kyoten_core::{Severity, operations};
use proptest::prelude::*;
use serde_json::Value;
use std::collections::BTreeSet;

fn is_dotted_code(s: &str) -> bool {
    let parts: Vec<&str> = s.split('.').collect();
    parts.len() >= 2
        && parts.iter().all(|p| {
            !p.is_empty()
                && p.chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
        })
}

#[test]
fn rule_codes_are_unique_dotted_and_bilingual() {
    let mut seen = BTreeSet::new();
    for r in all_rules() {
        assert!(is_dotted_code(r.code), "bad code {:?}", r.code);
        assert!(seen.insert(r.code), "duplicate rule code {}", r.code);
        assert!(
            !r.ja.is_empty() && !r.en.is_empty(),
            "{} lacks a message",
            r.code
        );
        assert!(
            !r.ja.is_ascii(),
            "{}: the Japanese message has no Japanese",
            r.code
        );
    }
    assert!(
        seen.len() >= 18,
        "rule catalogue unexpectedly small: {}",
        seen.len()
    );
}

#[test]
fn operation_names_are_unique_and_described() {
    let mut seen = BTreeSet::new();
    for op in operations() {
        assert!(is_dotted_code(op.name), "bad operation name {}", op.name);
        assert!(seen.insert(op.name), "duplicate operation {}", op.name);
        assert!(!op.summary_ja.is_empty() && !op.summary_en.is_empty());
    }
    for expected in ["tasks.list", "calendar.convert", "calendar.age"] {
        assert!(seen.contains(expected), "{expected} missing from the table");
    }
}

/// Checks that an outcome is a well-formed report of `op`, whose findings all use known
/// codes, and returns it parsed.
fn check_report(op: &str, json: &str, valid: bool) -> Value {
    let v: Value =
        serde_json::from_str(json).unwrap_or_else(|e| panic!("{op}: output not JSON: {e}"));
    assert_eq!(v["operation"], op);
    assert_eq!(v["valid"], valid);
    let codes: BTreeSet<&str> = all_rules().map(|r| r.code).collect();
    let findings = v["findings"].as_array().expect("findings array");
    let mut errors = 0;
    for f in findings {
        let code = f["code"].as_str().expect("code");
        assert!(
            codes.contains(code),
            "{op}: finding with unlisted code {code}"
        );
        let path = f["path"].as_str().expect("path");
        assert!(
            path.is_empty() || path.starts_with('/'),
            "{op}: bad pointer {path:?}"
        );
        assert!(f["message_ja"].as_str().is_some_and(|m| !m.is_empty()));
        assert!(f["message_en"].as_str().is_some_and(|m| !m.is_empty()));
        if f["severity"] == Severity::Error.as_str() {
            errors += 1;
        }
    }
    let truncated = findings
        .iter()
        .any(|f| f["code"] == "report.findings_truncated");
    if truncated {
        assert!(
            v["errors"].as_u64().unwrap_or(0) >= errors,
            "{op}: counts below the listed findings"
        );
    } else {
        assert_eq!(v["errors"], errors);
    }
    assert_eq!(valid, v["errors"] == 0);
    v
}

/// One row of `tests/hostile-inputs.tsv`, the hostile-input table shared with the C
/// and WASM tests.
struct Hostile {
    label: String,
    op: String,
    bytes: Vec<u8>,
    codes: Vec<String>,
}

fn unhex(s: &str) -> Vec<u8> {
    (0..s.len() / 2)
        .map(|i| u8::from_str_radix(&s[2 * i..2 * i + 2], 16).expect("hex"))
        .collect()
}

fn hostile_rows() -> Vec<Hostile> {
    let text = include_str!("hostile-inputs.tsv");
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|line| {
            let cols: Vec<&str> = line.split('\t').collect();
            assert_eq!(cols.len(), 6, "bad row {line:?}");
            let mut bytes = Vec::new();
            for part in cols[2].split(' ').filter(|p| !p.is_empty()) {
                let (hex, count) = part.split_once('*').unwrap_or((part, "1"));
                let unit = unhex(hex);
                for _ in 0..count.parse::<usize>().expect("count") {
                    bytes.extend_from_slice(&unit);
                }
            }
            Hostile {
                label: cols[0].to_owned(),
                op: cols[1].to_owned(),
                bytes,
                codes: cols[3].split('|').map(str::to_owned).collect(),
            }
        })
        .collect()
}

/// The hostile-input table (SECURITY.md): each row, for every operation it names.
#[test]
fn hostile_inputs_give_reports_with_the_right_code() {
    let rows = hostile_rows();
    assert!(rows.len() >= 20, "hostile table too short");
    for row in &rows {
        let mut ran = 0;
        for op in operations().filter(|op| row.op == "*" || row.op == op.name) {
            let out = (op.run)(&row.bytes, &Limits::default());
            let v = check_report(op.name, &out.json, out.valid);
            let code = v["findings"][0]["code"].as_str().unwrap_or("");
            assert!(
                row.codes.iter().any(|c| c == code),
                "{}: {} gave {code}",
                op.name,
                row.label
            );
            assert!(!out.valid, "{}: {} was accepted", op.name, row.label);
            if code.starts_with("input.") {
                assert!(
                    out.problem.is_some(),
                    "{}: {} had no problem kind",
                    op.name,
                    row.label
                );
                assert!(
                    v.get("result").is_none(),
                    "{}: {} produced a result",
                    op.name,
                    row.label
                );
            }
            // Bounded answer: never more than a small multiple of the input.
            assert!(
                out.json.len() <= 8 * row.bytes.len() + 64 * 1024,
                "{}: {} answer too large: {} bytes",
                op.name,
                row.label,
                out.json.len()
            );
            ran += 1;
        }
        assert!(ran > 0, "row {} names no operation", row.label);
    }
    // A document over the caller's limit.
    for op in operations() {
        let out = (op.run)(
            b"{}",
            &Limits {
                max_input_bytes: 1,
                ..Limits::default()
            },
        );
        let v = check_report(op.name, &out.json, false);
        assert_eq!(v["findings"][0]["code"], "input.too_large");
    }
}

#[test]
fn unknown_top_level_field_is_reported_at_its_path() {
    for op in operations() {
        let out = (op.run)(br#"{"zz_unknown_field": 1}"#, &Limits::default());
        let v = check_report(op.name, &out.json, false);
        let f = &v["findings"][0];
        // Either the unknown key itself, or a required field missing before it is seen.
        let code = f["code"].as_str().unwrap_or("");
        assert!(
            code == "input.unknown_field" || code == "input.missing_field",
            "{}: {code}",
            op.name
        );
        if code == "input.unknown_field" {
            assert_eq!(f["path"], "/zz_unknown_field", "{}", op.name);
        }
    }
}

fn arb_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(Value::from),
        prop_oneof![
            "[a-z_]{0,12}",
            "\\PC{0,12}",
            Just("2024-02-30".to_owned()),
            Just("2024-02-29".to_owned()),
            Just("平成99年".to_owned()),
        ]
        .prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 48, 8, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec(
                (
                    prop_oneof![
                        "[a-z_$]{1,12}",
                        Just("$schema".to_owned()),
                        Just("as_of".to_owned()),
                        Just("values".to_owned()),
                        Just("items".to_owned()),
                    ],
                    inner
                ),
                0..6
            )
            .prop_map(|kv| Value::Object(kv.into_iter().collect())),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    /// No operation panics on any JSON value, and each answers with a well-formed report.
    #[test]
    fn every_operation_answers_arbitrary_json(doc in arb_json()) {
        let bytes = serde_json::to_vec(&doc).unwrap();
        for op in operations() {
            let out = (op.run)(&bytes, &Limits::default());
            check_report(op.name, &out.json, out.valid);
        }
    }

    /// No operation panics on arbitrary bytes.
    #[test]
    fn every_operation_answers_arbitrary_bytes(bytes in prop::collection::vec(any::<u8>(), 0..256)) {
        for op in operations() {
            let out = (op.run)(&bytes, &Limits::default());
            check_report(op.name, &out.json, out.valid);
        }
    }
}
