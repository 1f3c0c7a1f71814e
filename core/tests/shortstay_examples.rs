//! The short-stay example documents in `schemas/examples/` give reports without errors,
//! and show what they are meant to show.

use serde_json::Value;

fn example(name: &str) -> Vec<u8> {
    let path = format!("{}/../schemas/examples/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn run(op: &str, name: &str) -> Value {
    let out = kyoten_core::ops::run(op, &example(name)).expect("operation exists");
    let v: Value = serde_json::from_str(&out.json).unwrap();
    assert!(
        out.valid,
        "{name}: {}",
        serde_json::to_string_pretty(&v["findings"]).unwrap()
    );
    v
}

fn codes(v: &Value) -> Vec<String> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|f| f["code"].as_str().unwrap().to_owned())
        .collect()
}

fn reason_codes(result: &Value) -> Vec<String> {
    let mut out: Vec<String> = result["facilities"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|v| codes(&v["reasons"]))
        .collect();
    out.sort();
    out.dedup();
    out
}

fn eligible_ids(result: &Value) -> Vec<String> {
    result["eligible"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["facility_id"].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn hotaru_board_renders_as_in_seed_004() {
    let v = run("shortstay.board", "shortstay-board-query.hotaru.json");
    assert_eq!(codes(&v["findings"]), Vec::<String>::new());
    let lines: Vec<&str> = v["result"]["lines"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l.as_str().unwrap())
        .collect();
    assert_eq!(lines.len(), 21, "heading and the twenty rows of the seed");
    let days: Vec<String> = (1..=20).map(|d| d.to_string()).collect();
    assert_eq!(
        lines[0],
        format!("サービス事業名\t電話番号\t{}", days.join("\t"))
    );
    assert_eq!(
        lines[1],
        format!("ゆき雪(多床室)\t25-2881{}", "\t△".repeat(20))
    );
    assert_eq!(
        lines[2],
        format!("ゆき雪(個室)\t25-2881{}", "\t×".repeat(20))
    );
    assert_eq!(lines[8], format!("ゆき雪\t62-2223{}", "\t△".repeat(20)));
    assert_eq!(
        lines[20],
        format!(
            "ショートステイあけやま(生活介護)\t25-1131{}",
            "\t△".repeat(20)
        )
    );
    let few = lines.iter().filter(|l| l.contains('△')).count();
    assert_eq!(few, 3, "three rows of the seed show △");
}

#[test]
fn hotaru_evaluation_finds_the_two_medical_rows_with_room() {
    let v = run("shortstay.evaluate", "shortstay-evaluation.hotaru.json");
    assert_eq!(eligible_ids(&v["result"]), ["hotaru-01", "hotaru-08"]);
}

#[test]
fn evaluation_examples_exercise_every_reason_code() {
    let vent = run(
        "shortstay.evaluate",
        "shortstay-evaluation.ventilated-child.json",
    );
    assert_eq!(eligible_ids(&vent["result"]), ["sc-02", "sc-06"]);
    assert_eq!(codes(&vent["findings"]), ["shortstay.board.stale"]);
    let not_entitled = run(
        "shortstay.evaluate",
        "shortstay-evaluation.not-entitled.json",
    );
    assert_eq!(
        eligible_ids(&not_entitled["result"]),
        ["sc-07"],
        "only the welfare short stay"
    );
    let over = run(
        "shortstay.evaluate",
        "shortstay-evaluation.over-granted.json",
    );
    assert!(eligible_ids(&over["result"]).is_empty());
    assert_eq!(
        codes(&over["findings"]),
        [
            "shortstay.board.stale",
            "shortstay.evaluation.none_eligible"
        ]
    );
    let mut all: Vec<String> = [vent, not_entitled, over]
        .iter()
        .flat_map(|v| reason_codes(&v["result"]))
        .collect();
    all.sort();
    all.dedup();
    let mut expected: Vec<String> = kyoten_core::shortstay::RULES
        .iter()
        .filter(|r| r.code.starts_with("shortstay.reason."))
        .map(|r| r.code.to_owned())
        .collect();
    expected.sort();
    assert_eq!(expected.len(), 8);
    assert_eq!(all, expected);
}

#[test]
fn an_unconfirmed_ground_entitles_only_when_the_policy_accepts_it() {
    let name = "shortstay-evaluation.unconfirmed-ground-accepted.json";
    let on = run("shortstay.evaluate", name);
    assert_eq!(
        codes(&on["findings"]),
        [
            "shortstay.board.stale",
            "scores.short_stay.unconfirmed_ground"
        ]
    );
    let with_policy = eligible_ids(&on["result"]);
    assert!(with_policy.len() > 1, "{with_policy:?}");
    // The same request without the policy: only the welfare short stay, as for a child
    // with no ground at all (shortstay-evaluation.not-entitled.json).
    let mut doc: Value = serde_json::from_slice(&example(name)).unwrap();
    doc.as_object_mut().unwrap().remove("policy");
    let out = kyoten_core::ops::run("shortstay.evaluate", doc.to_string().as_bytes()).unwrap();
    let off: Value = serde_json::from_str(&out.json).unwrap();
    assert_eq!(eligible_ids(&off["result"]), ["sc-07"]);
    assert_eq!(
        codes(&off["findings"]),
        [
            "shortstay.board.stale",
            "scores.short_stay.unconfirmed_ground_not_accepted"
        ]
    );
}

#[test]
fn search_example_finds_ventilator_facilities_in_the_area() {
    let v = run(
        "shortstay.search",
        "shortstay-search.ventilator-shonan.json",
    );
    let ids: Vec<&str> = v["result"]["facilities"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["sc-02", "sc-10"]);
}

#[test]
fn allocation_example_serves_fewest_used_first_and_explains_every_night() {
    let v = run("shortstay.allocate", "shortstay-allocation.december.json");
    let r = &v["result"];
    let decisions = r["decisions"].as_array().unwrap();
    // One decision per requested night: 3+4+2+2+2+3+3+3+3 = 25.
    assert_eq!(decisions.len(), 25);
    let mut decided: Vec<String> = decisions
        .iter()
        .map(|d| d["explanation"]["code"].as_str().unwrap().to_owned())
        .collect();
    decided.sort();
    decided.dedup();
    assert_eq!(
        decided,
        [
            "shortstay.allocation.granted",
            "shortstay.allocation.no_bed_left",
            "shortstay.allocation.no_eligible_facility"
        ]
    );
    // fam-d (6 days used) asks for sc-02 / sc-06 on 12-05 and 12-06, when families with
    // fewer used days fill sc-02 (2 beds) and sc-06 (△: 1 bed): it is refused both nights.
    let fam_d = r["requests"]
        .as_array()
        .unwrap()
        .iter()
        .find(|q| q["request_id"] == "fam-d")
        .unwrap();
    assert_eq!(fam_d["nights_granted"], 0);
    // fam-a (2 used) gets the △ bed of sc-06 for its whole stay.
    let fam_a = r["requests"]
        .as_array()
        .unwrap()
        .iter()
        .find(|q| q["request_id"] == "fam-a")
        .unwrap();
    let a_grants: Vec<&str> = fam_a["grants"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| g["facility_id"].as_str().unwrap())
        .collect();
    assert_eq!(a_grants, ["sc-06", "sc-06", "sc-06"]);
}
