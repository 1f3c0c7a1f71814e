//! Entitlement to 医療型短期入所: one decision for `scores.compute`, `summary.scores` and
//! `shortstay.evaluate` (issue 14 points 5 and 6). Expected values are worked out by hand:
//! the child of `summary-request.tube-feeding-oxygen-sits.json` is born 2019-02-28, has IQ
//! 30 and sits (大島分類 3: 重症心身障害児), and oxygen, tube feeding and suctioning, each
//! watched low (8 + 8 + 8 = 24 ≥ 16). The 18th birthday is 2037-02-28: the child is 17 on
//! 2037-02-27 and 18 on 2037-02-28 (an age is reached at the end of the day before the
//! birthday), so both children's grounds apply on the 27th and neither on the 28th.

#[path = "common/reports.rs"]
mod reports;

use reports::{codes, has, run};
use serde_json::{Value, json};

const SUMMARY: &str =
    include_str!("../../schemas/examples/summary-request.tube-feeding-oxygen-sits.json");
const BIRTH: &str = "2019-02-28";
const DAY_BEFORE: &str = "2037-02-27";
const BIRTHDAY_18: &str = "2037-02-28";

fn summary_doc() -> Value {
    serde_json::from_str(SUMMARY).unwrap()
}

/// `scores.compute` on `as_of`, with the summary's clinical profile.
fn scores_compute(as_of: &str, policy: Option<Value>) -> Value {
    let s = summary_doc();
    let mut doc = json!({
        "as_of": as_of,
        "birth_date": BIRTH,
        "clinical": s["summary"]["clinical"].clone(),
    });
    if let Some(p) = policy {
        doc["policy"] = p;
    }
    run("scores.compute", &doc)
}

/// `summary.scores` on `as_of`.
fn summary_scores(as_of: &str) -> Value {
    let mut s = summary_doc();
    s["as_of"] = json!(as_of);
    run("summary.scores", &s)
}

/// `shortstay.evaluate` of a one-night stay on `first_night` at one medical facility that
/// gives every care the child needs and is free (○) on 2037-02-26 … 2037-03-01.
fn evaluate(first_night: &str, grounds: Value, policy: Option<Value>) -> Value {
    let mut doc = json!({
        "as_of": "2037-02-25",
        "facilities": [{
            "id": "m1", "name": "医療型A", "kind": "hospital", "service": "medical",
            "municipality": "小田原市", "area": "県西",
            "care": ["oxygen", "tube_feeding", "suctioning"],
            "max_nights": 7, "beds": 1
        }],
        "board": { "rows": [{
            "facility_id": "m1", "updated_on": "2037-02-25", "start": "2037-02-26",
            "marks": ["free", "free", "free", "free"]
        }]},
        "request": {
            "id": "r1",
            "child": {
                "birth_date": BIRTH,
                "care": ["oxygen", "tube_feeding", "suctioning"],
                "grounds": grounds
            },
            "first_night": first_night, "nights": 1, "reason": "respite",
            "granted_days": 10, "used_days": 0
        }
    });
    if let Some(p) = policy {
        doc["policy"] = p;
    }
    run("shortstay.evaluate", &doc)
}

fn child_grounds() -> Value {
    json!(["severe_motor_intellectual", "medical_care_score16"])
}

fn stay_entitled(v: &Value) -> bool {
    let verdict = &v["result"]["facilities"][0];
    let reasons: Vec<&str> = verdict["reasons"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["code"].as_str().unwrap())
        .collect();
    !reasons.contains(&"shortstay.reason.not_entitled")
}

#[test]
fn same_entitlement_from_three_operations_the_day_before_the_18th_birthday() {
    let a = scores_compute(DAY_BEFORE, None);
    let b = summary_scores(DAY_BEFORE);
    for v in [&a, &b] {
        assert_eq!(v["result"]["short_stay"]["eligible"], json!(true));
        let grounds: Vec<&str> = v["result"]["short_stay"]["grounds"]
            .as_array()
            .unwrap()
            .iter()
            .map(|g| g["ground"].as_str().unwrap())
            .collect();
        assert_eq!(
            grounds,
            vec!["severe_motor_intellectual", "medical_care_score16"]
        );
        assert!(v["result"]["short_stay"].get("over_18").is_none());
    }
    let c = evaluate(DAY_BEFORE, child_grounds(), None);
    assert!(stay_entitled(&c));
    assert_eq!(c["result"]["eligible"][0]["facility_id"], json!("m1"));
    assert!(
        !codes(&c)
            .iter()
            .any(|(code, _)| code == "scores.short_stay.child_ground_over_18")
    );
}

#[test]
fn same_entitlement_from_three_operations_on_the_18th_birthday() {
    let a = scores_compute(BIRTHDAY_18, None);
    let b = summary_scores(BIRTHDAY_18);
    for (v, birth_path) in [(&a, "/birth_date"), (&b, "/summary/child/date_of_birth")] {
        assert_eq!(v["result"]["short_stay"]["eligible"], json!(false));
        assert_eq!(v["result"]["short_stay"]["grounds"], json!([]));
        assert_eq!(
            v["result"]["short_stay"]["over_18"],
            json!(["severe_motor_intellectual", "medical_care_score16"])
        );
        assert!(has(v, "scores.short_stay.child_ground_over_18", birth_path));
        // The scores themselves do not change with the age.
        assert_eq!(v["result"]["medical_care"]["total"], json!(24));
        assert_eq!(v["result"]["oshima"]["cell"], json!(3));
    }
    let c = evaluate(BIRTHDAY_18, child_grounds(), None);
    assert!(!stay_entitled(&c));
    assert_eq!(c["result"]["eligible"], json!([]));
    assert!(has(
        &c,
        "scores.short_stay.child_ground_over_18",
        "/request/child/birth_date"
    ));
    let msg = c["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["code"] == "scores.short_stay.child_ground_over_18")
        .unwrap()["message_ja"]
        .as_str()
        .unwrap()
        .to_owned();
    assert!(msg.contains("18歳"), "{msg}");
}

#[test]
fn an_adult_ground_applies_on_the_18th_birthday() {
    // 障害支援区分1 with a persistent vegetative state is a ground at any age.
    let c = evaluate(
        BIRTHDAY_18,
        json!(["severe_motor_intellectual", "persistent_vegetative_state"]),
        None,
    );
    assert!(stay_entitled(&c));
    let mut s = summary_doc();
    s["summary"]["clinical"]["support_level"] = json!(1);
    s["summary"]["clinical"]["conditions"] = json!(["persistent_vegetative_state"]);
    s["as_of"] = json!(BIRTHDAY_18);
    let v = run("summary.scores", &s);
    assert_eq!(v["result"]["short_stay"]["eligible"], json!(true));
    assert_eq!(
        v["result"]["short_stay"]["grounds"][0]["ground"],
        json!("persistent_vegetative_state")
    );
}

#[test]
fn an_unconfirmed_ground_alone_does_not_entitle_by_default_in_either_operation() {
    // Behaviour score 10 with tube feeding watched low (8): only the unconfirmed ground.
    let clinical = json!({
        "care": [{ "kind": "tube_feeding", "since": "2020-01-01", "watch": "low",
                   "feeding_route": "gastrostomy" }],
        "behaviour_score": 10
    });
    let doc = |policy: Option<Value>| {
        let mut d = json!({ "as_of": "2024-06-01", "birth_date": BIRTH, "clinical": clinical });
        if let Some(p) = policy {
            d["policy"] = p;
        }
        d
    };
    let off = run("scores.compute", &doc(None));
    assert_eq!(off["result"]["short_stay"]["eligible"], json!(false));
    assert_eq!(off["result"]["short_stay"]["only_unconfirmed"], json!(true));
    assert!(has(
        &off,
        "scores.short_stay.unconfirmed_ground_not_accepted",
        "/clinical"
    ));
    assert!(!has(
        &off,
        "scores.short_stay.unconfirmed_ground",
        "/clinical"
    ));
    let on = run(
        "scores.compute",
        &doc(Some(json!({ "accept_unconfirmed_grounds": true }))),
    );
    assert_eq!(on["result"]["short_stay"]["eligible"], json!(true));
    assert!(has(
        &on,
        "scores.short_stay.unconfirmed_ground",
        "/clinical"
    ));
    assert!(!has(
        &on,
        "scores.short_stay.unconfirmed_ground_not_accepted",
        "/clinical"
    ));

    let grounds = json!(["behaviour_and_care_score8"]);
    let off = evaluate("2024-06-01", grounds.clone(), None);
    assert!(!stay_entitled(&off));
    assert!(has(
        &off,
        "scores.short_stay.unconfirmed_ground_not_accepted",
        "/request/child/grounds"
    ));
    let on = evaluate(
        "2024-06-01",
        grounds,
        Some(json!({ "accept_unconfirmed_grounds": true })),
    );
    assert!(stay_entitled(&on));
    assert!(has(
        &on,
        "scores.short_stay.unconfirmed_ground",
        "/request/child/grounds"
    ));
}

#[test]
fn a_confirmed_ground_beside_an_unconfirmed_one_needs_no_policy_and_no_note() {
    let v = evaluate(
        "2024-06-01",
        json!(["medical_care_score16", "vegetative_and_care_score8"]),
        None,
    );
    assert!(stay_entitled(&v));
    assert!(
        !codes(&v)
            .iter()
            .any(|(c, _)| c.starts_with("scores.short_stay.unconfirmed_ground"))
    );
}

#[test]
fn no_ground_at_all_is_not_entitled_whatever_the_policy() {
    let v = evaluate(
        "2024-06-01",
        json!([]),
        Some(json!({ "accept_unconfirmed_grounds": true })),
    );
    assert!(!stay_entitled(&v));
}
