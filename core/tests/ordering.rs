//! One ordering, in one place (issue 13): a document with thousands of findings is put
//! into document order and merged with the operation's own findings in n log n steps.
//! (No timing assertion: the test runs in the normal test time; the reports of every
//! example were compared byte for byte before and after the change.)

#[path = "common/reports.rs"]
mod reports;

use kyoten_core::ops::run;
use reports::{codes, example};
use serde_json::{Value, json};

/// 3,000 diagnoses dated after `as_of` (each one a repeat of the first): an error at
/// each date and a warning at each repeat, in document order (`summary.validate` gives
/// the checks' findings and its own, the same ones: merged without a repeat); the
/// report lists the first 1,000.
#[test]
fn three_thousand_findings_come_in_document_order() {
    let mut d = example("summary-request.epilepsy-walks.json");
    let one = json!({"name": "x", "icd10": "G40.4", "diagnosed_on": "2099-01-01"});
    d["summary"]["diagnoses"] = Value::Array(vec![one; 3000]);
    let bytes = d.to_string();
    // No primary diagnosis (1), then for diagnosis 0 its date, for each later one the
    // repeat and its date: 1 + 1 + 2 × 499 = 1,000 listed.
    let mut expected = vec![(
        "summary.diagnoses.no_primary".to_owned(),
        "/summary/diagnoses".to_owned(),
    )];
    for i in 0..500 {
        if i > 0 {
            expected.push((
                "summary.duplicate_entry".to_owned(),
                format!("/summary/diagnoses/{i}"),
            ));
        }
        expected.push((
            "calendar.date.after_as_of".to_owned(),
            format!("/summary/diagnoses/{i}/diagnosed_on"),
        ));
    }
    expected.push(("report.findings_truncated".to_owned(), String::new()));
    let op = "summary.validate";
    let out = run(op, bytes.as_bytes()).expect("op");
    let r: Value = serde_json::from_str(&out.json).expect("report");
    assert_eq!(r["errors"], json!(3000), "{op}");
    assert_eq!(r["warnings"], json!(3000), "{op}");
    assert_eq!(codes(&r), expected, "{op}");
}

/// An object with 5,000 unknown keys written in reverse order: each is reported, in the
/// order written.
#[test]
fn five_thousand_unknown_keys_keep_the_order_written() {
    let mut s = String::from(r#"{"as_of":"2026-04-01","birth_date":"2020-01-01""#);
    for i in (0..5000).rev() {
        s.push_str(&format!(r#","k{i:04}":1"#));
    }
    s.push('}');
    let out = run("calendar.age", s.as_bytes()).expect("op");
    let r: Value = serde_json::from_str(&out.json).expect("report");
    assert_eq!(r["errors"], json!(5000));
    let f = r["findings"].as_array().expect("findings");
    assert_eq!(f[0]["path"], json!("/k4999"));
    assert_eq!(f[1]["path"], json!("/k4998"));
    assert_eq!(f[999]["path"], json!("/k4000"));
    assert_eq!(f[0]["code"], json!("input.unknown_field"));
}
