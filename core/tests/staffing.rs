//! Integration tests of `staffing.check` (issue 5).

use kyoten_core::Severity;
use kyoten_core::staffing::{self, RULES, Role, StaffingReport, StaffingRequest};
use proptest::prelude::*;
use serde_json::{Value, json};

const COMPLIANT: &str = include_str!("../../schemas/examples/staffing-request.compliant.json");
const FAILING: &str =
    include_str!("../../schemas/examples/failing/staffing-request.trips-every-rule.json");
const NO_MEETINGS: &str =
    include_str!("../../schemas/examples/failing/staffing-request.no-meetings.json");

/// Runs the operation through the table on JSON text; returns the parsed report.
fn run_json(text: &str) -> Value {
    let out = kyoten_core::ops::run("staffing.check", text.as_bytes()).expect("operation in table");
    let v: Value = serde_json::from_str(&out.json).expect("report is JSON");
    assert_eq!(v["valid"].as_bool(), Some(out.valid));
    v
}

/// Runs the check directly on a JSON value.
fn check(v: &Value) -> (Vec<(String, String, Severity)>, StaffingReport) {
    let req: StaffingRequest = serde_json::from_value(v.clone()).expect("request reads");
    let c = staffing::check(req);
    let f = c
        .findings
        .iter()
        .map(|f| (f.code.clone(), f.path.clone(), f.severity))
        .collect();
    (f, c.result.expect("result"))
}

fn codes(v: &Value) -> Vec<String> {
    check(v).0.into_iter().map(|(c, _, _)| c).collect()
}

fn errors(v: &Value) -> Vec<String> {
    check(v)
        .0
        .into_iter()
        .filter(|(_, _, s)| *s == Severity::Error)
        .map(|(c, _, _)| c)
        .collect()
}

fn person(
    id: &str,
    roles: &[&str],
    facility: &str,
    basis: &str,
    contracted: u32,
    hub: u32,
) -> Value {
    json!({
        "id": id, "roles": roles, "facility": facility, "basis": basis,
        "contracted_minutes": contracted, "hub_minutes": hub
    })
}

/// A compliant hub in one facility (so meetings are not required), national policy.
fn base() -> Value {
    json!({
        "as_of": "2026-11-01",
        "hub": {
            "name": "拠点",
            "host_organisation": "病院",
            "staff": [
                person("dr", &["physician"], "H", "week", 2400, 240),
                person("ns", &["family_support_nurse"], "H", "week", 2400, 480),
                person("rs", &["local_resource_staff"], "H", "week", 2400, 480),
                person("phn", &["public_health_nurse"], "H", "week", 2400, 480),
            ]
        }
    })
}

/// `base()` with the nurse's times replaced.
fn nurse_time(basis: &str, contracted: u32, hub: u32) -> Value {
    let mut v = base();
    v["hub"]["staff"][1] = person("ns", &["family_support_nurse"], "H", basis, contracted, hub);
    v
}

// ---------------------------------------------------------------- examples

#[test]
fn compliant_example_has_no_findings_and_exact_shares() {
    let v = run_json(COMPLIANT);
    assert_eq!(v["valid"], true, "{v:#}");
    assert_eq!(v["errors"], 0);
    assert_eq!(
        v["findings"].as_array().unwrap().len(),
        0,
        "{:#}",
        v["findings"]
    );
    let staff = v["result"]["staff"].as_array().unwrap();
    // ns-01: 480 of 2325 minutes = 32/155 = 20.645…% → "20.64" (truncated).
    assert_eq!(staff[1]["share"]["fraction"], "32/155");
    assert_eq!(staff[1]["share"]["percent"], "20.64");
    // rs-01: 1860 of 9300 minutes a month = exactly 1/5.
    assert_eq!(staff[2]["share"]["fraction"], "1/5");
    assert_eq!(staff[2]["share"]["percent"], "20.00");
    assert_eq!(staff[2]["meets_minimum"], true);
    // phn-01 is also resource staff, so 20% applies to them.
    assert_eq!(staff[3]["min_share_percent"], 20);
    assert_eq!(v["result"]["meetings"]["facilities"], 2);
    assert_eq!(v["result"]["meetings"]["required"], true);
    assert_eq!(v["result"]["meetings"]["last_held"], "2026-10-06");
    assert_eq!(v["result"]["meetings"]["longest_gap_days"], 28);
    assert_eq!(v["result"]["policy"]["national"], true);
    assert_eq!(v["result"]["policy"]["max_meeting_gap_days"], 35);
}

#[test]
fn failing_example_trips_exactly_the_expected_rules() {
    let v = run_json(FAILING);
    assert_eq!(v["valid"], false);
    let got: Vec<(String, String)> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["code"].as_str().unwrap().to_owned(),
                f["path"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    // Document order: a list's own findings come before its elements', keys in the
    // order the example writes them.
    let expected = [
        ("staffing.hub.name_blank", "/hub/name"),
        ("staffing.hub.host_blank", "/hub/host_organisation"),
        ("staffing.role.required_missing", "/hub/staff"),
        ("staffing.role.desirable_missing", "/hub/staff"),
        ("staffing.staff.duplicate_role", "/hub/staff/0/roles/1"),
        ("staffing.staff.no_hub_time", "/hub/staff/0/hub_minutes"),
        ("staffing.staff.physician_and_nurse", "/hub/staff/1/roles"),
        (
            "staffing.staff.share_below_minimum",
            "/hub/staff/1/hub_minutes",
        ),
        ("staffing.staff.duplicate_id", "/hub/staff/2/id"),
        ("staffing.staff.no_role", "/hub/staff/2/roles"),
        ("staffing.staff.facility_blank", "/hub/staff/2/facility"),
        (
            "staffing.staff.contracted_zero",
            "/hub/staff/2/contracted_minutes",
        ),
        ("staffing.staff.id_blank", "/hub/staff/3/id"),
        (
            "staffing.staff.time_exceeds_period",
            "/hub/staff/3/contracted_minutes",
        ),
        (
            "staffing.staff.hub_above_contracted",
            "/hub/staff/3/hub_minutes",
        ),
        (
            "staffing.meetings.interval_too_long",
            "/hub/meetings/interval_days",
        ),
        ("staffing.meetings.duplicate_date", "/hub/meetings/held/1"),
        ("staffing.meetings.gap_too_long", "/hub/meetings/held/2"),
        ("staffing.meetings.overdue", "/hub/meetings/held/2"),
        ("staffing.meetings.after_as_of", "/hub/meetings/held/3"),
        (
            "staffing.policy.looser_than_national",
            "/policy/roles/0/requirement",
        ),
        ("staffing.policy.duplicate_role", "/policy/roles/1/role"),
        (
            "staffing.policy.share_out_of_range",
            "/policy/roles/2/min_share_percent",
        ),
    ];
    let expected: Vec<(String, String)> = expected
        .iter()
        .map(|(c, p)| (c.to_string(), p.to_string()))
        .collect();
    assert_eq!(got, expected);
    // The 7 h 54 min of 40 h share is reported exactly in the message (474/2400 =
    // 79/400 = 19.75%; the fraction is in the result's `share`), with typed arguments;
    // the percentage goes out as the exact decimal text.
    let below = &v["findings"][7];
    assert_eq!(
        below["message_en"],
        "The share of working time given to the hub (474 of 2400 minutes = 19.75%) is below the minimum of 20%"
    );
    assert_eq!(
        below["message_ja"],
        "拠点事業に充てる時間の割合（474 分 / 2400 分 = 19.75%）が最低割合 20% に達していません"
    );
    assert_eq!(
        below["args"],
        json!({"hub": 474, "contracted": 2400, "share": "19.75", "min": 20})
    );
    // Messages never echo names, facilities or ids from the input.
    for f in v["findings"].as_array().unwrap() {
        for key in ["message_ja", "message_en"] {
            let m = f[key].as_str().unwrap();
            assert!(
                !m.contains("〇〇") && !m.contains("dr-01") && !m.contains("a1"),
                "{m}"
            );
        }
    }
}

#[test]
fn no_meetings_example_trips_only_the_meeting_rule() {
    let v = run_json(NO_MEETINGS);
    let f = v["findings"].as_array().unwrap();
    assert_eq!(f.len(), 1, "{f:#?}");
    assert_eq!(f[0]["code"], "staffing.meetings.missing");
    assert_eq!(f[0]["path"], "/hub");
    assert_eq!(v["valid"], false);
}

#[test]
fn the_failing_examples_together_trip_every_rule_and_the_compliant_none() {
    let mut seen: Vec<String> = Vec::new();
    for text in [FAILING, NO_MEETINGS] {
        for f in run_json(text)["findings"].as_array().unwrap() {
            seen.push(f["code"].as_str().unwrap().to_owned());
        }
    }
    for r in RULES {
        assert!(
            seen.iter().any(|c| c == r.code),
            "no failing example trips {}",
            r.code
        );
    }
    let compliant: StaffingRequest = serde_json::from_str(COMPLIANT).unwrap();
    assert!(staffing::check(compliant).findings.is_empty());
}

#[test]
fn rules_are_well_formed() {
    let mut codes: Vec<&str> = RULES.iter().map(|r| r.code).collect();
    for r in RULES {
        assert!(r.code.starts_with("staffing."), "{}", r.code);
        assert!(
            r.code
                .chars()
                .all(|c| c.is_ascii_lowercase() || c == '.' || c == '_')
        );
        assert!(!r.ja.is_empty() && !r.en.is_empty());
    }
    codes.sort_unstable();
    let n = codes.len();
    codes.dedup();
    assert_eq!(codes.len(), n, "duplicate codes");
    assert!(
        kyoten_core::catalogue::all_rules().any(|r| r.code == "staffing.staff.share_below_minimum")
    );
    let op = kyoten_core::ops::find("staffing.check").unwrap();
    assert_eq!(op.input_type, "StaffingRequest");
}

#[test]
fn roles_carry_the_wording_of_004() {
    assert_eq!(Role::Physician.label_ja(), "担当する医師");
    assert_eq!(
        Role::LocalResourceStaff.label_ja(),
        "当該地域の医療資源及び福祉資源に詳しい職員"
    );
    assert_eq!(
        Role::FamilySupportNurse.label_ja(),
        "医療的ケアに関する家族支援や、退院支援などの経験を有する看護職員"
    );
    assert_eq!(Role::PublicHealthNurse.label_ja(), "保健師");
}

// ---------------------------------------------------------------- thresholds

#[test]
fn base_is_clean() {
    assert_eq!(codes(&base()), Vec::<String>::new());
}

#[test]
fn eight_of_forty_hours_passes_seven_fifty_four_fails() {
    assert!(errors(&nurse_time("week", 40 * 60, 8 * 60)).is_empty());
    assert_eq!(
        errors(&nurse_time("week", 40 * 60, 7 * 60 + 54)),
        ["staffing.staff.share_below_minimum"]
    );
    // One minute short of 20% also fails: 479/2400.
    assert_eq!(
        errors(&nurse_time("week", 2400, 479)),
        ["staffing.staff.share_below_minimum"]
    );
    let (_, r) = check(&nurse_time("week", 2400, 474));
    let s = r.staff[1].share.as_ref().unwrap();
    assert_eq!(
        (s.numerator, s.denominator, s.percent.as_str()),
        (79, 400, "19.75")
    );
    assert!(!r.staff[1].meets_minimum);
}

#[test]
fn monthly_basis_thresholds() {
    // 32 h of 160 h a month is exactly 20%.
    assert!(errors(&nurse_time("month", 160 * 60, 32 * 60)).is_empty());
    // 31 h 59 min of 160 h fails.
    assert_eq!(
        errors(&nurse_time("month", 160 * 60, 32 * 60 - 1)),
        ["staffing.staff.share_below_minimum"]
    );
    // The same minutes that fail per week are fine when the period is a month of 155 h:
    // 1860/9300 = 1/5.
    assert!(errors(&nurse_time("month", 9300, 1860)).is_empty());
}

#[test]
fn hub_time_above_contracted_is_an_error_equal_is_not() {
    assert!(errors(&nurse_time("week", 2400, 2400)).is_empty());
    let (f, r) = check(&nurse_time("week", 2400, 2401));
    assert_eq!(
        f,
        [(
            "staffing.staff.hub_above_contracted".to_owned(),
            "/hub/staff/1/hub_minutes".to_owned(),
            Severity::Error
        )]
    );
    assert!(!r.staff[1].meets_minimum);
    assert_eq!(r.staff[1].share.as_ref().unwrap().percent, "100.04");
}

#[test]
fn contracted_time_zero_and_longer_than_the_period() {
    let v = nurse_time("week", 0, 0);
    assert_eq!(
        errors(&v),
        [
            "staffing.staff.contracted_zero",
            "staffing.staff.no_hub_time"
        ]
    );
    assert!(check(&v).1.staff[1].share.is_none());
    // A week has 10,080 minutes; a month at most 44,640.
    assert!(errors(&nurse_time("week", 10_080, 2016)).is_empty());
    assert_eq!(
        errors(&nurse_time("week", 10_081, 2017)),
        ["staffing.staff.time_exceeds_period"]
    );
    assert!(errors(&nurse_time("month", 44_640, 8928)).is_empty());
    assert_eq!(
        errors(&nurse_time("month", 44_641, 8929)),
        ["staffing.staff.time_exceeds_period"]
    );
}

#[test]
fn a_physician_who_gives_no_time_is_an_error() {
    let mut v = base();
    v["hub"]["staff"][0]["hub_minutes"] = json!(0);
    let (f, r) = check(&v);
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].0, "staffing.staff.no_hub_time");
    assert_eq!(f[0].1, "/hub/staff/0/hub_minutes");
    assert!(!r.staff[0].meets_minimum);
    // One minute is enough for the physician under the national rules (no minimum share).
    v["hub"]["staff"][0]["hub_minutes"] = json!(1);
    assert!(codes(&v).is_empty());
}

// ---------------------------------------------------------------- people

#[test]
fn ids_roles_and_facilities() {
    let mut v = base();
    v["hub"]["staff"][3]["id"] = json!("dr");
    assert_eq!(codes(&v), ["staffing.staff.duplicate_id"]);
    v["hub"]["staff"][3]["id"] = json!(" dr ");
    assert_eq!(
        codes(&v),
        ["staffing.staff.duplicate_id"],
        "ids compare trimmed"
    );
    v["hub"]["staff"][3]["id"] = json!("  ");
    assert_eq!(codes(&v), ["staffing.staff.id_blank"]);

    let mut v = base();
    v["hub"]["staff"]
        .as_array_mut()
        .unwrap()
        .push(person("x", &[], "H", "week", 2400, 100));
    let (f, _) = check(&v);
    assert_eq!(f[0].0, "staffing.staff.no_role");
    assert_eq!(f[0].1, "/hub/staff/4/roles");
    assert_eq!(f.len(), 1);

    let mut v = base();
    v["hub"]["staff"][0]["roles"] = json!(["physician", "public_health_nurse"]);
    let (f, _) = check(&v);
    assert_eq!(f[0].0, "staffing.staff.physician_and_nurse");
    assert_eq!(f[0].2, Severity::Warning);
    v["hub"]["staff"][1]["roles"] = json!(["family_support_nurse", "family_support_nurse"]);
    assert!(codes(&v).contains(&"staffing.staff.duplicate_role".to_owned()));

    let mut v = base();
    v["hub"]["staff"][2]["facility"] = json!(" ");
    assert_eq!(codes(&v), ["staffing.staff.facility_blank"]);
}

#[test]
fn required_and_desirable_roles() {
    let mut v = base();
    v["hub"]["staff"].as_array_mut().unwrap().remove(3); // no public-health nurse
    let (f, r) = check(&v);
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].0, "staffing.role.desirable_missing");
    assert_eq!(f[0].2, Severity::Warning);
    assert!(r.roles[3].holders.is_empty());
    v["hub"]["staff"].as_array_mut().unwrap().remove(0); // no physician
    assert_eq!(
        codes(&v),
        [
            "staffing.role.required_missing",
            "staffing.role.desirable_missing"
        ]
    );
    let mut v = base();
    v["hub"]["staff"] = json!([]);
    assert_eq!(
        errors(&v),
        [
            "staffing.role.required_missing",
            "staffing.role.required_missing",
            "staffing.role.required_missing"
        ]
    );
}

#[test]
fn multi_role_person_gets_the_strictest_share() {
    // One person is the physician (no minimum) and the resource staff (20%).
    let mut v = base();
    v["hub"]["staff"][0]["roles"] = json!(["physician", "local_resource_staff"]);
    v["hub"]["staff"].as_array_mut().unwrap().remove(2);
    let (f, r) = check(&v);
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(f[0].0, "staffing.staff.share_below_minimum");
    assert_eq!(r.staff[0].min_share_percent, 20);
    assert_eq!(r.roles[1].holders, ["dr"]);
    assert_eq!(r.roles[1].holders_meeting_minimum, 0);
    v["hub"]["staff"][0]["hub_minutes"] = json!(480);
    assert!(codes(&v).is_empty());

    // Under a policy with 30% for nurses and 25% for resource staff, a nurse who is also
    // resource staff needs 30%; 29% fails, 30% passes.
    let mut v = base();
    v["policy"] = json!({"roles": [
        {"role": "family_support_nurse", "min_share_percent": 30},
        {"role": "local_resource_staff", "min_share_percent": 25}
    ]});
    v["hub"]["staff"][1]["roles"] = json!(["local_resource_staff", "family_support_nurse"]);
    v["hub"]["staff"][1]["hub_minutes"] = json!(696); // 29%
    v["hub"]["staff"][2]["hub_minutes"] = json!(600); // 25%
    let (f, r) = check(&v);
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(f[0].1, "/hub/staff/1/hub_minutes");
    assert_eq!(r.staff[1].min_share_percent, 30);
    v["hub"]["staff"][1]["hub_minutes"] = json!(720); // 30%
    assert!(codes(&v).is_empty());
}

// ---------------------------------------------------------------- policy

#[test]
fn a_prefecture_tightens_the_share_to_thirty_percent() {
    let mut v = base();
    v["policy"] = json!({"roles": [
        {"role": "local_resource_staff", "min_share_percent": 30},
        {"role": "family_support_nurse", "min_share_percent": 30}
    ]});
    // 480/2400 = 20% now fails for both.
    assert_eq!(
        errors(&v),
        [
            "staffing.staff.share_below_minimum",
            "staffing.staff.share_below_minimum"
        ]
    );
    let (_, r) = check(&v);
    assert!(!r.policy.national);
    assert_eq!(r.policy.roles[1].min_share_percent, 30);
    // 720/2400 = 30% passes; 719 does not.
    v["hub"]["staff"][1]["hub_minutes"] = json!(720);
    v["hub"]["staff"][2]["hub_minutes"] = json!(719);
    let (f, _) = check(&v);
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].1, "/hub/staff/2/hub_minutes");
}

#[test]
fn a_prefecture_makes_the_public_health_nurse_required() {
    let mut v = base();
    v["hub"]["staff"].as_array_mut().unwrap().remove(3);
    v["policy"] = json!({"roles": [{"role": "public_health_nurse", "requirement": "required"}]});
    let (f, r) = check(&v);
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].0, "staffing.role.required_missing");
    assert_eq!(f[0].2, Severity::Error);
    assert_eq!(r.roles[3].requirement, staffing::Requirement::Required);
    // With a public-health nurse the hub passes again.
    v["hub"]["staff"].as_array_mut().unwrap().push(person(
        "phn",
        &["public_health_nurse"],
        "H",
        "month",
        9600,
        1,
    ));
    assert!(codes(&v).is_empty());
}

#[test]
fn loosening_the_national_rule_is_a_warning_and_still_applies() {
    let mut v = nurse_time("week", 2400, 240); // 10%
    v["policy"] = json!({"roles": [{"role": "family_support_nurse", "min_share_percent": 10}]});
    let (f, r) = check(&v);
    assert_eq!(f.len(), 1);
    assert_eq!(
        (f[0].0.as_str(), f[0].1.as_str(), f[0].2),
        (
            "staffing.policy.looser_than_national",
            "/policy/roles/0/min_share_percent",
            Severity::Warning
        )
    );
    assert!(r.staff[1].meets_minimum);
    // Equal to the national value is not looser.
    v["policy"] = json!({"roles": [{"role": "family_support_nurse", "min_share_percent": 20, "requirement": "required"}]});
    assert_eq!(codes(&v), ["staffing.staff.share_below_minimum"]);
    // Making the physician merely desirable is looser.
    v["policy"] = json!({"roles": [{"role": "physician", "requirement": "desirable"}]});
    assert!(codes(&v).contains(&"staffing.policy.looser_than_national".to_owned()));
}

#[test]
fn bad_policy_values() {
    let mut v = base();
    v["policy"] = json!({"roles": [
        {"role": "physician", "min_share_percent": 100},
        {"role": "physician", "min_share_percent": 1},
        {"role": "family_support_nurse", "min_share_percent": 101}
    ]});
    let (f, r) = check(&v);
    let c: Vec<&str> = f.iter().map(|x| x.0.as_str()).collect();
    // 100% is allowed (and the physician now fails it); 101% is out of range.
    assert_eq!(
        c,
        [
            "staffing.staff.share_below_minimum",
            "staffing.policy.duplicate_role",
            "staffing.policy.share_out_of_range"
        ]
    );
    assert_eq!(
        r.policy.roles[0].min_share_percent, 100,
        "the first setting wins"
    );
    assert_eq!(
        r.policy.roles[2].min_share_percent, 20,
        "an out-of-range value is not applied"
    );
    // Zero days cannot be written: the document is not read.
    let mut v = base();
    v["policy"] = json!({"max_meeting_gap_days": 0});
    let out = run_json(&v.to_string());
    assert_eq!(out["findings"][0]["code"], "input.invalid_value");
    assert_eq!(out["findings"][0]["path"], "/policy/max_meeting_gap_days");
    let mut v = base();
    v["hub"]["meetings"] = json!({"interval_days": 0});
    let out = run_json(&v.to_string());
    assert_eq!(out["findings"][0]["code"], "input.invalid_value");
    assert_eq!(out["findings"][0]["path"], "/hub/meetings/interval_days");
}

// ---------------------------------------------------------------- meetings

/// `base()` with the resource staff and the public-health nurse at the municipal office.
fn two_facilities(meetings: Option<Value>) -> Value {
    let mut v = base();
    v["hub"]["staff"][2]["facility"] = json!("City");
    v["hub"]["staff"][3]["facility"] = json!("City");
    if let Some(m) = meetings {
        v["hub"]["meetings"] = m;
    }
    v
}

#[test]
fn one_facility_needs_no_meetings() {
    let (f, r) = check(&base());
    assert!(f.is_empty());
    assert!(!r.meetings.required);
    assert_eq!(r.meetings.facilities, 1);
    // Surrounding spaces do not make another facility.
    let mut v = base();
    v["hub"]["staff"][2]["facility"] = json!(" H ");
    assert!(codes(&v).is_empty());
    // A long gap is not checked when meetings are not required.
    let mut v = base();
    v["hub"]["meetings"] = json!({"interval_days": 90, "held": ["2026-01-01"]});
    assert!(codes(&v).is_empty());
}

#[test]
fn two_facilities_need_meetings() {
    let (f, r) = check(&two_facilities(None));
    assert_eq!(f.len(), 1);
    assert_eq!(
        (f[0].0.as_str(), f[0].1.as_str()),
        ("staffing.meetings.missing", "/hub")
    );
    assert!(r.meetings.required);
    assert_eq!(r.meetings.facilities, 2);
    let (f, _) = check(&two_facilities(Some(json!({}))));
    assert_eq!(
        (f[0].0.as_str(), f[0].1.as_str()),
        ("staffing.meetings.missing", "/hub/meetings")
    );
    // Only future meetings: none held yet.
    let c = codes(&two_facilities(Some(json!({"held": ["2026-11-02"]}))));
    assert_eq!(
        c,
        ["staffing.meetings.after_as_of", "staffing.meetings.missing"]
    );
}

#[test]
fn recurring_interval_on_both_sides_of_the_default() {
    assert!(codes(&two_facilities(Some(json!({"interval_days": 35})))).is_empty());
    let (f, _) = check(&two_facilities(Some(json!({"interval_days": 36}))));
    assert_eq!(f.len(), 1);
    assert_eq!(
        (f[0].0.as_str(), f[0].1.as_str()),
        (
            "staffing.meetings.interval_too_long",
            "/hub/meetings/interval_days"
        )
    );
    // A prefecture asking for every two weeks.
    let mut v = two_facilities(Some(json!({"interval_days": 28})));
    v["policy"] = json!({"max_meeting_gap_days": 14});
    assert_eq!(codes(&v), ["staffing.meetings.interval_too_long"]);
    v["hub"]["meetings"]["interval_days"] = json!(14);
    assert!(codes(&v).is_empty());
}

#[test]
fn dated_meetings_gap_between_and_up_to_as_of() {
    // 2026-09-01 → 2026-10-06 is 35 days; 2026-10-06 → 2026-11-01 is 26 days.
    let (f, r) = check(&two_facilities(Some(
        json!({"held": ["2026-10-06", "2026-09-01"]}),
    )));
    assert!(f.is_empty(), "{f:?}");
    assert_eq!(r.meetings.longest_gap_days, Some(35));
    assert_eq!(
        r.meetings.last_held.map(|d| d.to_string()).as_deref(),
        Some("2026-10-06")
    );
    // 36 days between meetings fails, pointing at the later one (input order kept).
    let (f, _) = check(&two_facilities(Some(
        json!({"held": ["2026-10-06", "2026-08-31"]}),
    )));
    assert_eq!(f.len(), 1);
    assert_eq!(
        (f[0].0.as_str(), f[0].1.as_str()),
        ("staffing.meetings.gap_too_long", "/hub/meetings/held/0")
    );
    // 35 days from the last meeting to as_of passes, 36 is overdue.
    assert!(codes(&two_facilities(Some(json!({"held": ["2026-09-27"]})))).is_empty());
    let (f, _) = check(&two_facilities(Some(json!({"held": ["2026-09-26"]}))));
    assert_eq!(
        (f[0].0.as_str(), f[0].1.as_str()),
        ("staffing.meetings.overdue", "/hub/meetings/held/0")
    );
    // A declared interval does not excuse an overdue record.
    let c = codes(&two_facilities(Some(
        json!({"interval_days": 28, "held": ["2026-09-26"]}),
    )));
    assert_eq!(c, ["staffing.meetings.overdue"]);
    // A meeting on as_of itself counts.
    assert!(codes(&two_facilities(Some(json!({"held": ["2026-11-01"]})))).is_empty());
    // A duplicate date is a warning and counted once.
    let (f, _) = check(&two_facilities(Some(
        json!({"held": ["2026-10-20", "2026-10-20"]}),
    )));
    assert_eq!(f.len(), 1);
    assert_eq!(
        (f[0].0.as_str(), f[0].2),
        ("staffing.meetings.duplicate_date", Severity::Warning)
    );
    // A looser policy gap lets a 60-day gap through.
    let mut v = two_facilities(Some(json!({"held": ["2026-09-02"]})));
    assert_eq!(codes(&v), ["staffing.meetings.overdue"]);
    v["policy"] = json!({"max_meeting_gap_days": 60});
    assert!(codes(&v).is_empty());
}

// ---------------------------------------------------------------- properties

fn arb_person() -> impl Strategy<Value = Value> {
    (
        "[a-c ]{0,2}",
        proptest::collection::vec(
            prop_oneof![
                Just("physician"),
                Just("local_resource_staff"),
                Just("family_support_nurse"),
                Just("public_health_nurse")
            ],
            0..4,
        ),
        prop_oneof![Just("H"), Just("City"), Just(""), Just(" H")],
        prop_oneof![Just("week"), Just("month")],
        prop_oneof![0u32..5000, any::<u32>()],
        prop_oneof![0u32..5000, any::<u32>()],
    )
        .prop_map(|(id, roles, fac, basis, c, h)| person(&id, &roles, fac, basis, c, h))
}

fn arb_date() -> impl Strategy<Value = String> {
    (2025i32..2028, 1u8..13, 1u8..29).prop_map(|(y, m, d)| format!("{y:04}-{m:02}-{d:02}"))
}

fn arb_request() -> impl Strategy<Value = Value> {
    (
        proptest::collection::vec(arb_person(), 0..6),
        proptest::option::of(1u32..100),
        proptest::collection::vec(arb_date(), 0..6),
        arb_date(),
        proptest::option::of((
            proptest::collection::vec(
                (
                    prop_oneof![
                        Just("physician"),
                        Just("family_support_nurse"),
                        Just("public_health_nurse")
                    ],
                    proptest::option::of(prop_oneof![
                        Just("optional"),
                        Just("desirable"),
                        Just("required")
                    ]),
                    proptest::option::of(0u32..150),
                ),
                0..4,
            ),
            proptest::option::of(1u32..100),
        )),
    )
        .prop_map(|(staff, interval, held, as_of, policy)| {
            let mut meetings = json!({"held": held});
            if let Some(i) = interval {
                meetings["interval_days"] = json!(i);
            }
            let mut v = json!({
                "as_of": as_of,
                "hub": {"name": "n", "host_organisation": "h", "staff": staff, "meetings": meetings}
            });
            if let Some((roles, gap)) = policy {
                let roles: Vec<Value> = roles
                    .into_iter()
                    .map(|(r, req, min)| {
                        let mut o = json!({"role": r});
                        if let Some(q) = req {
                            o["requirement"] = json!(q);
                        }
                        if let Some(m) = min {
                            o["min_share_percent"] = json!(m);
                        }
                        o
                    })
                    .collect();
                let mut p = json!({"roles": roles});
                if let Some(g) = gap {
                    p["max_meeting_gap_days"] = json!(g);
                }
                v["policy"] = p;
            }
            v
        })
}

fn gcd(a: u64, b: u64) -> u64 {
    if b == 0 { a } else { gcd(b, a % b) }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    /// The check never panics, and every reported share is hub ÷ contracted exactly.
    #[test]
    fn share_is_exact_and_check_total(v in arb_request()) {
        let (findings, report) = check(&v);
        let staff = v["hub"]["staff"].as_array().unwrap();
        prop_assert_eq!(report.staff.len(), staff.len());
        for (s, input) in report.staff.iter().zip(staff) {
            let c = input["contracted_minutes"].as_u64().unwrap();
            let h = input["hub_minutes"].as_u64().unwrap();
            match &s.share {
                None => prop_assert_eq!(c, 0),
                Some(sh) => {
                    prop_assert!(c > 0 && sh.denominator > 0);
                    // n/d == h/c by cross-multiplication (u128: no overflow).
                    prop_assert_eq!(
                        u128::from(sh.numerator) * u128::from(c),
                        u128::from(sh.denominator) * u128::from(h)
                    );
                    prop_assert_eq!(gcd(sh.numerator, sh.denominator), 1);
                    prop_assert_eq!(&sh.fraction, &format!("{}/{}", sh.numerator, sh.denominator));
                    // The percentage is h/c truncated to hundredths.
                    let hundredths = u128::from(h) * 10_000 / u128::from(c);
                    prop_assert_eq!(&sh.percent, &format!("{}.{:02}", hundredths / 100, hundredths % 100));
                }
            }
            // meets_minimum agrees with the exact comparison.
            let m = u128::from(s.min_share_percent);
            let exact = c > 0 && h > 0 && h <= c && u128::from(h) * 100 >= m * u128::from(c);
            prop_assert_eq!(s.meets_minimum, exact);
        }
        for f in &findings {
            prop_assert!(f.0.starts_with("staffing."));
            prop_assert!(RULES.iter().any(|r| r.code == f.0 && r.severity == f.2));
        }
    }

    /// Through the operation table, arbitrary bytes and mangled documents never panic
    /// and always give a JSON report.
    #[test]
    fn operation_total_on_any_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..200)) {
        let out = kyoten_core::ops::run("staffing.check", &bytes).unwrap();
        let v: Value = serde_json::from_str(&out.json).unwrap();
        prop_assert_eq!(v["operation"].as_str(), Some("staffing.check"));
    }

    #[test]
    fn operation_total_on_truncated_documents(v in arb_request(), cut in 0usize..2000) {
        let text = v.to_string();
        let cut = cut.min(text.len());
        let bytes = text.as_bytes().get(..cut).unwrap();
        let out = kyoten_core::ops::run("staffing.check", bytes).unwrap();
        prop_assert!(serde_json::from_str::<Value>(&out.json).is_ok());
    }
}

/// The generated input schema carries the model's constraints (run with `--features schema`).
#[cfg(feature = "schema")]
#[test]
fn input_schema_has_the_constraints() {
    let op = kyoten_core::ops::find("staffing.check").unwrap();
    let s = serde_json::to_value((op.input_schema)(
        schemars::generate::SchemaSettings::draft2020_12().for_deserialize(),
    ))
    .unwrap();
    let defs = &s["$defs"];
    assert_eq!(s["additionalProperties"], false);
    assert_eq!(
        defs["Meetings"]["properties"]["interval_days"]["minimum"], 1,
        "{:#}",
        defs["Meetings"]
    );
    assert_eq!(
        defs["RoleOverride"]["properties"]["min_share_percent"]["maximum"],
        100
    );
    assert!(defs["Role"].to_string().contains("family_support_nurse"));
    assert!(
        defs["StaffMember"]["properties"]["hub_minutes"]["description"]
            .as_str()
            .unwrap()
            .contains("拠点事業に充てる時間")
    );
}
