//! Draft mode through the run-options document (issue 13): options read by the core for
//! every surface, and a draft never grants a short-stay entitlement.

#[path = "common/reports.rs"]
mod reports;

use kyoten_core::input::InputProblem;
use kyoten_core::ops::run_with_options;
use reports::{blank, codes, example, has, run_with as run};
use serde_json::{Value, json};

const DRAFT: &str = r#"{"draft":true}"#;

/// `scores.compute` and `summary.scores`: entitled when complete (also in draft mode:
/// a complete document is not a draft), never on a draft.
#[test]
fn a_draft_never_grants_an_entitlement_in_the_scores() {
    for (op, file, field, grounds) in [
        (
            "scores.compute",
            "score-request.ventilated-tracheostomy-gastrostomy.json",
            // (the stand-in date of birth also makes the child 18 or older, so the
            // children's grounds are left out too; the draft warning is asserted)
            "/birth_date",
            "/clinical",
        ),
        (
            "summary.scores",
            "summary-request.ventilated-tracheostomy-gastrostomy.json",
            "/summary/child/sex",
            "/summary/clinical",
        ),
    ] {
        let complete = example(file);
        for options in ["", DRAFT] {
            let r = run(op, &complete, options);
            assert_eq!(r["provisional"], Value::Null, "{op} {options}");
            assert_eq!(r["result"]["short_stay"]["eligible"], json!(true), "{op}");
            assert!(!has(&r, "scores.short_stay.draft", grounds), "{op}");
        }
        let r = run(op, &blank(complete, field), DRAFT);
        assert_eq!(r["provisional"], json!(true), "{op}");
        assert_eq!(r["valid"], json!(true), "{op}: {r}");
        assert!(has(&r, "input.draft.not_filled", field), "{op}: {r}");
        assert!(has(&r, "scores.short_stay.draft", grounds), "{op}: {r}");
        assert_eq!(r["result"]["short_stay"]["eligible"], json!(false), "{op}");
        // The scores themselves are still computed (provisional).
        assert_eq!(r["result"]["oshima"]["cell"], json!(1), "{op}");
        assert_eq!(
            r["result"]["medical_care"]["total"],
            json!(if op == "scores.compute" { 40 } else { 42 }),
            "{op}"
        );
        assert_eq!(
            r["result"]["medical_care"]["at_least_16"],
            json!(true),
            "{op}"
        );
    }
}

/// `shortstay.evaluate`: the 医療型 facilities are eligible for the complete request, none
/// for a draft (not entitled), with the draft warning at the child's grounds.
#[test]
fn a_draft_never_grants_an_entitlement_in_an_evaluation() {
    let complete = example("shortstay-evaluation.ventilated-child.json");
    let r = run("shortstay.evaluate", &complete, DRAFT);
    let ids: Vec<&str> = r["result"]["eligible"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["facility_id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["sc-02", "sc-06"]);
    assert!(!has(
        &r,
        "scores.short_stay.draft",
        "/request/child/grounds"
    ));
    let r = run(
        "shortstay.evaluate",
        &blank(complete, "/request/reason"),
        DRAFT,
    );
    assert_eq!(r["provisional"], json!(true));
    assert!(has(&r, "input.draft.not_filled", "/request/reason"));
    assert!(has(&r, "scores.short_stay.draft", "/request/child/grounds"));
    assert_eq!(r["result"]["eligible"], json!([]));
    let sc02 = &r["result"]["facilities"][1];
    assert_eq!(sc02["facility_id"], json!("sc-02"));
    assert_eq!(sc02["eligible"], json!(false));
    assert_eq!(
        sc02["reasons"][0]["code"],
        json!("shortstay.reason.not_entitled")
    );
}

/// `shortstay.allocate`: nights at 医療型 facilities are granted for complete requests;
/// for a draft only the 福祉型 facility (sc-07) can be granted, and every request gets the
/// draft warning.
#[test]
fn a_draft_never_grants_an_entitlement_in_an_allocation() {
    let granted = |r: &Value| -> Vec<String> {
        let mut ids: Vec<String> = r["result"]["decisions"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|d| d["outcome"] == "granted")
            .map(|d| d["facility_id"].as_str().unwrap().to_owned())
            .collect();
        ids.sort();
        ids.dedup();
        ids
    };
    let complete = example("shortstay-allocation.december.json");
    let r = run("shortstay.allocate", &complete, DRAFT);
    assert_eq!(r["provisional"], Value::Null);
    assert!(granted(&r).contains(&"sc-02".to_owned()), "{r}");
    assert!(!has(
        &r,
        "scores.short_stay.draft",
        "/requests/0/child/grounds"
    ));
    let r = run(
        "shortstay.allocate",
        &blank(complete, "/requests/0/reason"),
        DRAFT,
    );
    assert_eq!(r["provisional"], json!(true));
    assert!(has(&r, "input.draft.not_filled", "/requests/0/reason"));
    for i in 0..9 {
        let p = format!("/requests/{i}/child/grounds");
        assert!(has(&r, "scores.short_stay.draft", &p), "{p}");
    }
    assert_eq!(granted(&r), ["sc-07"]);
}

/// Without draft mode the same half-filled document is an error with no result.
#[test]
fn without_draft_mode_a_half_filled_document_has_no_result() {
    let d = blank(
        example("score-request.ventilated-tracheostomy-gastrostomy.json"),
        "/clinical/care/5/kind",
    );
    for options in ["", "{}", r#"{"draft":false}"#] {
        let r = run("scores.compute", &d, options);
        assert_eq!(r["valid"], json!(false));
        assert_eq!(r["result"], Value::Null);
        assert!(
            has(&r, "input.unknown_value", "/clinical/care/5/kind"),
            "{r}"
        );
    }
}

/// Bad options are reported with their own findings, and the document is not read.
#[test]
fn bad_options_are_refused_before_the_document() {
    let d = example("score-request.ventilated-tracheostomy-gastrostomy.json");
    let out = run_with_options(
        "scores.compute",
        d.to_string().as_bytes(),
        br#"{"draft":1,"colour":"red"}"#,
    )
    .unwrap();
    assert!(!out.valid);
    assert_eq!(out.problem, Some(InputProblem::Options));
    let r: Value = serde_json::from_str(&out.json).unwrap();
    assert_eq!(
        codes(&r),
        [
            ("options.invalid".to_owned(), "/draft".to_owned()),
            ("options.invalid".to_owned(), "/colour".to_owned()),
        ]
    );
    assert_eq!(r["operation"], json!("scores.compute"));
    assert_eq!(r["result"], Value::Null);
    assert_eq!(
        r["findings"][1]["message_ja"],
        json!("実行オプションが正しくありません（input.unknown_field）")
    );
    // A limit smaller than the document: too large, not read.
    let out = run_with_options(
        "scores.compute",
        d.to_string().as_bytes(),
        br#"{"max_input_bytes":100}"#,
    )
    .unwrap();
    assert_eq!(out.problem, Some(InputProblem::TooLarge));
    assert!(run_with_options("no.such", b"{}", b"").is_none());
}

/// Every operation on a summary agrees that a summary not yet filled in is not wrong: the
/// reminder is the only finding at the empty field (no rule fires again on the reader's
/// stand-in), and each computes its result, provisional.
#[test]
fn a_not_filled_field_is_a_reminder_only_in_every_summary_operation() {
    let mut d = example("summary-request.ventilated-tracheostomy-gastrostomy.json");
    d["summary"]["child"]
        .as_object_mut()
        .unwrap()
        .remove("kana");
    let mut ran = 0;
    for op in kyoten_core::operations().filter(|o| o.input_type == "SummaryRequest") {
        let r = run(op.name, &d, DRAFT);
        assert_eq!(r["valid"], json!(true), "{}: {r}", op.name);
        assert_eq!(r["provisional"], json!(true), "{}", op.name);
        assert!(
            r["result"].is_object() || r["result"].is_string(),
            "{}",
            op.name
        );
        let at_kana: Vec<String> = codes(&r)
            .into_iter()
            .filter(|c| c.1 == "/summary/child/kana")
            .map(|c| c.0)
            .collect();
        assert_eq!(at_kana, ["input.draft.not_filled"], "{}", op.name);
        ran += 1;
    }
    assert!(ran >= 5);
    // Without draft mode it is an error for all of them.
    let r = run("summary.validate", &d, "");
    assert!(has(&r, "input.missing_field", "/summary/child/kana"));
}
