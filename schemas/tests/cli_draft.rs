//! `kyoten run --draft` and `kyoten check --draft`: the CLI passes the run options to the
//! core (draft mode, issue 13) and reads nothing itself.

#[path = "common/cli.rs"]
mod cli;

use cli::kyoten_stdin;
use serde_json::{Value, json};

/// The ventilated child's summary without `kana` (a form in progress).
fn half_filled() -> Vec<u8> {
    let path = kyoten_schemas::workspace_root()
        .join("schemas/examples/summary-request.ventilated-tracheostomy-gastrostomy.json");
    let mut d: Value = serde_json::from_slice(&std::fs::read(path).expect("read")).expect("json");
    d["summary"]["child"]
        .as_object_mut()
        .expect("child")
        .remove("kana");
    serde_json::to_vec(&d).expect("json")
}

#[test]
fn run_with_draft_gives_a_provisional_report_without_entitlement() {
    let doc = half_filled();
    let o = kyoten_stdin(&["run", "summary.scores", "-"], &doc);
    assert_eq!(o.status.code(), Some(1));
    let v: Value = serde_json::from_slice(&o.stdout).expect("report");
    assert_eq!(v["findings"][0]["code"], "input.missing_field");
    assert_eq!(v["result"], Value::Null);

    for args in [
        ["run", "--draft", "summary.scores", "-"],
        ["run", "summary.scores", "-", "--draft"],
    ] {
        let o = kyoten_stdin(&args, &doc);
        assert_eq!(o.status.code(), Some(0), "{args:?}");
        let v: Value = serde_json::from_slice(&o.stdout).expect("report");
        assert_eq!(v["provisional"], json!(true));
        assert_eq!(v["result"]["short_stay"]["eligible"], json!(false));
        assert_eq!(v["result"]["medical_care"]["total"], json!(42));
        let warnings: Vec<(&str, &str)> = v["findings"]
            .as_array()
            .expect("findings")
            .iter()
            .filter(|f| f["severity"] == "warning")
            .map(|f| {
                (
                    f["code"].as_str().unwrap_or(""),
                    f["path"].as_str().unwrap_or(""),
                )
            })
            .collect();
        assert_eq!(
            warnings,
            [
                ("input.draft.not_filled", "/summary/child/kana"),
                ("scores.short_stay.draft", "/summary/clinical"),
            ]
        );
    }
}

#[test]
fn check_with_draft_reads_a_form_in_progress() {
    let doc = half_filled();
    let o = kyoten_stdin(&["check", "--json", "-"], &doc);
    assert_eq!(o.status.code(), Some(1));
    let o = kyoten_stdin(&["check", "--json", "--draft", "-"], &doc);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let text = String::from_utf8(o.stdout).expect("utf-8");
    assert!(text.contains("input.draft.not_filled"), "{text}");
    assert!(text.contains("\"provisional\":true") || text.contains("\"provisional\": true"));
}
