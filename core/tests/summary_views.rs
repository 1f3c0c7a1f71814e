//! The derived views of a child summary: scores (expected values computed by hand from
//! CLINICAL.md A–D), the life-stage timeline (births on 1 April, 2 April, 29 February),
//! the emergency view, and the rule that no message echoes input text.

use kyoten_core::ops;
use serde_json::{Value, json};
use std::path::PathBuf;

fn example(label: &str) -> Value {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../schemas/examples")
        .join(format!("summary-request.{label}.json"));
    serde_json::from_str(&std::fs::read_to_string(p).unwrap()).unwrap()
}

fn run(op: &str, doc: &Value) -> Value {
    serde_json::from_str(&ops::run(op, doc.to_string().as_bytes()).unwrap().json).unwrap()
}

fn set(doc: &mut Value, ptr: &str, v: Value) {
    *doc.pointer_mut(ptr).unwrap_or_else(|| panic!("no {ptr}")) = v;
}

fn has(report: &Value, code: &str, path: &str) -> bool {
    report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .any(|f| f["code"] == code && f["path"] == path)
}

/// (row, points) of every contributing item.
fn items(v: &Value) -> Vec<(String, u64)> {
    v["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| {
            (
                i["row"].as_str().unwrap().to_owned(),
                i["points"].as_u64().unwrap(),
            )
        })
        .collect()
}

fn rows(list: &[(&str, u64)]) -> Vec<(String, u64)> {
    list.iter().map(|(r, p)| ((*r).to_owned(), *p)).collect()
}

fn grounds(r: &Value) -> Vec<String> {
    r["result"]["short_stay"]["grounds"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| g["ground"].as_str().unwrap().to_owned())
        .collect()
}

// ---------------------------------------------------------------------------------------
// Scores. Every care item of the examples started years before as_of 2026-11-23, so the
// 6-month rule counts them all.
// ---------------------------------------------------------------------------------------

#[test]
fn scores_of_the_ventilated_child() {
    let r = run(
        "summary.scores",
        &example("ventilated-tracheostomy-gastrostomy"),
    );
    assert_eq!(r["errors"], 0, "{:#}", r["findings"]);
    let ss = &r["result"]["super_severe"];
    // A: respirator 10 + tracheostomy 8 + suction ≥ 1/hour 8 + nebuliser 6/day 3
    //    + tube feeding 5 + position changes 8/day 3 = 37; bedridden → 超重症児.
    assert_eq!(
        items(ss),
        rows(&[("1", 10), ("2", 8), ("5", 8), ("6", 3), ("8", 5), ("14", 3)])
    );
    assert_eq!(ss["total"], 37);
    assert_eq!(ss["category_ja"], "超重症児（者）");
    let mc = &r["result"]["medical_care"];
    // B: ventilator 10+2 = 12; tracheostomy 8 (its watch 2 dropped with a ventilator,
    //    unconfirmed rule); suction 8+1 = 9; nebuliser 3; tube feeding 8+2 = 10 → 42, 区分3.
    assert_eq!(
        items(mc),
        rows(&[("1", 12), ("2", 8), ("5", 9), ("6", 3), ("7a", 10)])
    );
    assert_eq!(mc["total"], 42);
    assert_eq!(mc["level_ja"], "区分3");
    // The unconfirmed rule that changed the total is an info finding under /summary/clinical.
    let infos: Vec<&Value> = r["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["severity"] == "info")
        .collect();
    assert!(
        infos.iter().any(|f| f["path"]
            .as_str()
            .unwrap()
            .starts_with("/summary/clinical/care/1")),
        "{infos:#?}"
    );
    // C: IQ 10, bedridden → cell 1.
    assert_eq!(r["result"]["oshima"]["cell"], 1);
    assert_eq!(r["result"]["oshima"]["group_ja"], "重症心身障害児");
    // D: Oshima 1–4 and medical care score ≥ 16.
    assert_eq!(r["result"]["short_stay"]["eligible"], true);
    assert_eq!(
        grounds(&r),
        vec!["severe_motor_intellectual", "medical_care_score16"]
    );
}

#[test]
fn scores_of_the_child_who_sits_with_oxygen_and_tube_feeding() {
    let r = run("summary.scores", &example("tube-feeding-oxygen-sits"));
    assert_eq!(r["errors"], 0, "{:#}", r["findings"]);
    let ss = &r["result"]["super_severe"];
    // A: oxygen 5 + suction 8/day (≥ 6/day, < 1/hour) 3 + tube feeding 5 = 13; sits → 準超重症児.
    assert_eq!(items(ss), rows(&[("4", 5), ("5", 3), ("8", 5)]));
    assert_eq!(ss["total"], 13);
    assert_eq!(ss["category_ja"], "準超重症児（者）");
    // B: oxygen 8+0, suction 8+0, tube feeding 8+0 (all watch low) = 24 → 区分2.
    let mc = &r["result"]["medical_care"];
    assert_eq!(items(mc), rows(&[("4", 8), ("5", 8), ("7a", 8)]));
    assert_eq!(mc["total"], 24);
    assert_eq!(mc["level_ja"], "区分2");
    // C: IQ 30 (21–35), sits → cell 3.
    assert_eq!(r["result"]["oshima"]["cell"], 3);
    assert_eq!(
        grounds(&r),
        vec!["severe_motor_intellectual", "medical_care_score16"]
    );
}

#[test]
fn scores_of_the_walking_child_with_epilepsy() {
    let r = run("summary.scores", &example("epilepsy-walks"));
    assert_eq!(r["errors"], 0, "{:#}", r["findings"]);
    let ss = &r["result"]["super_severe"];
    // A: seizure care is not a row of the super-severe table → 0; walks → neither.
    assert_eq!(ss["total"], 0);
    assert_eq!(ss["category_ja"], "該当しない");
    // B: seizure care 3 + watch high 2 = 5 → 区分1.
    let mc = &r["result"]["medical_care"];
    assert_eq!(items(mc), rows(&[("14", 5)]));
    assert_eq!(mc["total"], 5);
    assert_eq!(mc["level_ja"], "区分1");
    // C: IQ 45 (36–50), walks → cell 12, neither severe nor borderline.
    assert_eq!(r["result"]["oshima"]["cell"], 12);
    assert_eq!(r["result"]["oshima"]["group_ja"], "その他");
    // D: no ground.
    assert_eq!(r["result"]["short_stay"]["eligible"], false);
    assert!(grounds(&r).is_empty());
}

#[test]
fn scores_of_the_walking_ventilated_child_born_on_29_february() {
    let r = run("summary.scores", &example("leap-day-cchs-walks"));
    assert_eq!(r["errors"], 0, "{:#}", r["findings"]);
    let ss = &r["result"]["super_severe"];
    // A: respirator 10 + tracheostomy 8 + suction 8/day 3 = 21, but she walks → neither
    //    (the motor condition applies to both categories); the 2021 welfare rule (Ⅱ ≥ 10)
    //    drops the motor condition.
    assert_eq!(items(ss), rows(&[("1", 10), ("2", 8), ("5", 3)]));
    assert_eq!(ss["total"], 21);
    assert_eq!(ss["category_ja"], "該当しない");
    assert_eq!(ss["welfare_2021_ja"], "特別重度支援加算（Ⅱ）");
    // B: ventilator 10+2, tracheostomy 8 (watch dropped), suction 8+0 = 28 → 区分2.
    let mc = &r["result"]["medical_care"];
    assert_eq!(items(mc), rows(&[("1", 12), ("2", 8), ("5", 8)]));
    assert_eq!(mc["total"], 28);
    assert_eq!(mc["level_ja"], "区分2");
    // C: DQ 85 is above 80: no Oshima cell.
    assert!(r["result"]["oshima"].is_null());
    // D: only the 2021 medical-care-score ground.
    assert_eq!(grounds(&r), vec!["medical_care_score16"]);
}

#[test]
fn care_started_less_than_six_months_ago_is_not_counted() {
    let mut doc = example("tube-feeding-oxygen-sits");
    // Oxygen from 2026-06-01: under 6 months on 2026-11-23; no NICU 1-month rule applies
    // (the NICU discharge was in 2019).
    set(
        &mut doc,
        "/summary/clinical/care/0/since",
        json!("2026-06-01"),
    );
    let r = run("summary.scores", &doc);
    let ss = &r["result"]["super_severe"];
    assert_eq!(items(ss), rows(&[("5", 3), ("8", 5)]));
    assert_eq!(ss["total"], 8);
    assert_eq!(ss["category_ja"], "該当しない");
    assert!(
        r["findings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["severity"] == "info"
                && f["path"]
                    .as_str()
                    .unwrap()
                    .starts_with("/summary/clinical/care/0")),
        "{:#}",
        r["findings"]
    );
}

#[test]
fn scores_of_a_child_born_after_as_of_are_refused() {
    let mut doc = example("epilepsy-walks");
    set(&mut doc, "/as_of", json!("2017-09-09"));
    let r = run("summary.scores", &doc);
    assert_eq!(r["valid"], false);
    assert!(has(
        &r,
        "calendar.date.after_as_of",
        "/summary/child/date_of_birth"
    ));
    assert!(r.get("result").is_none());
}

// ---------------------------------------------------------------------------------------
// Timeline (dates by hand from DOMAIN.md §6).
// ---------------------------------------------------------------------------------------

fn timeline_for(birth: &str, as_of: &str) -> Value {
    let mut doc = example("epilepsy-walks");
    set(&mut doc, "/summary/child/date_of_birth", json!(birth));
    set(&mut doc, "/as_of", json!(as_of));
    // Keep the history valid for any birth: one first consultation on the day of birth.
    set(
        &mut doc,
        "/summary/history",
        json!([{"kind": "first_consultation", "institution": "産院", "start": birth}]),
    );
    // The timeline report carries the summary's validation errors, so drop the dates
    // that belong to the example's own child and could now fall before this birth.
    set(&mut doc, "/summary/vaccinations", json!([]));
    drop_keys(&mut doc, &["since", "diagnosed_on"]);
    run("summary.timeline", &doc)
}

fn drop_keys(v: &mut Value, keys: &[&str]) {
    match v {
        Value::Object(m) => {
            for k in keys {
                m.remove(*k);
            }
            m.values_mut().for_each(|x| drop_keys(x, keys));
        }
        Value::Array(a) => a.iter_mut().for_each(|x| drop_keys(x, keys)),
        _ => {}
    }
}

/// (kind, date, end, status, age) of every milestone, in order.
fn milestones(r: &Value) -> Vec<(String, String, String, String, u64)> {
    r["result"]["milestones"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| {
            (
                m["kind"].as_str().unwrap().to_owned(),
                m["date"].as_str().unwrap().to_owned(),
                m["end"].as_str().unwrap_or("").to_owned(),
                m["status"].as_str().unwrap().to_owned(),
                m["age_years"].as_u64().unwrap(),
            )
        })
        .collect()
}

fn expect(list: &[(&str, &str, &str, &str, u64)]) -> Vec<(String, String, String, String, u64)> {
    list.iter()
        .map(|(k, d, e, s, a)| ((*k).into(), (*d).into(), (*e).into(), (*s).into(), *a))
        .collect()
}

#[test]
fn timeline_born_1_april_enters_school_with_the_earlier_cohort() {
    // Born 2020-04-01: reaches 6 at the end of 2026-03-31 → enters 2026-04-01.
    let r = timeline_for("2020-04-01", "2026-11-23");
    assert_eq!(r["errors"], 0);
    assert_eq!(r["warnings"], 0, "{:#}", r["findings"]);
    assert_eq!(r["result"]["school_entry_year"], 2026);
    assert_eq!(
        milestones(&r),
        expect(&[
            ("birth", "2020-04-01", "", "past", 0),
            ("school_consultation", "2025-04-01", "2026-03-31", "past", 5),
            ("school_entry", "2026-04-01", "", "past", 6),
            ("junior_high_entry", "2032-04-01", "", "upcoming", 12),
            ("adult_care_transition", "2035-03-31", "", "upcoming", 15),
            ("high_school_entry", "2035-04-01", "", "upcoming", 15),
            ("graduation", "2038-03-31", "", "upcoming", 17),
            ("child_welfare_end", "2038-03-31", "", "upcoming", 18),
            ("pension_claim", "2040-03-31", "", "upcoming", 20),
        ])
    );
}

#[test]
fn timeline_born_2_april_enters_a_year_later() {
    // Born 2020-04-02: reaches 6 at the end of 2026-04-01 → enters 2027-04-01; on
    // 2026-11-23 the school-placement consultation year is under way.
    let r = timeline_for("2020-04-02", "2026-11-23");
    assert_eq!(r["result"]["school_entry_year"], 2027);
    assert_eq!(
        milestones(&r),
        expect(&[
            ("birth", "2020-04-02", "", "past", 0),
            (
                "school_consultation",
                "2026-04-01",
                "2027-03-31",
                "current",
                5
            ),
            ("school_entry", "2027-04-01", "", "upcoming", 6),
            ("junior_high_entry", "2033-04-01", "", "upcoming", 12),
            ("adult_care_transition", "2035-04-01", "", "upcoming", 15),
            ("high_school_entry", "2036-04-01", "", "upcoming", 15),
            ("child_welfare_end", "2038-04-01", "", "upcoming", 18),
            ("graduation", "2039-03-31", "", "upcoming", 18),
            ("pension_claim", "2040-04-01", "", "upcoming", 20),
        ])
    );
}

#[test]
fn timeline_born_29_february() {
    // Born 2020-02-29: in common years the age is reached at the end of 28 February;
    // reaches 6 at the end of 2026-02-28 → enters 2026-04-01.
    let r = timeline_for("2020-02-29", "2035-02-28");
    assert_eq!(r["result"]["school_entry_year"], 2026);
    assert_eq!(r["result"]["age"], json!({"years": 14, "months": 11}));
    assert_eq!(
        milestones(&r),
        expect(&[
            ("birth", "2020-02-29", "", "past", 0),
            ("school_consultation", "2025-04-01", "2026-03-31", "past", 5),
            ("school_entry", "2026-04-01", "", "past", 6),
            ("junior_high_entry", "2032-04-01", "", "past", 12),
            // as_of is the very day: current.
            ("adult_care_transition", "2035-02-28", "", "current", 15),
            ("high_school_entry", "2035-04-01", "", "upcoming", 15),
            ("child_welfare_end", "2038-02-28", "", "upcoming", 18),
            ("graduation", "2038-03-31", "", "upcoming", 18),
            // 2040 is a leap year: the anniversary is 2040-02-29, reached at the end of 2040-02-28.
            ("pension_claim", "2040-02-28", "", "upcoming", 20),
        ])
    );
}

#[test]
fn timeline_of_the_leap_day_example_includes_nicu_discharge() {
    let r = run("summary.timeline", &example("leap-day-cchs-walks"));
    let m = milestones(&r);
    assert_eq!(
        m[1],
        (
            "nicu_discharge".into(),
            "2024-07-15".into(),
            String::new(),
            "past".into(),
            0
        )
    );
    let entry = m.iter().find(|x| x.0 == "school_entry").unwrap();
    assert_eq!(entry.1, "2030-04-01");
    let claim = m.iter().find(|x| x.0 == "pension_claim").unwrap();
    assert_eq!(claim.1, "2044-02-28");
    assert_eq!(r["result"]["first_consultation"], "2024-02-29");
}

#[test]
fn pension_warning_when_the_first_consultation_is_missing_or_after_20() {
    let mut doc = example("epilepsy-walks");
    // A young adult: born 2006-05-10, 20 on 2026-05-09 (end of day).
    set(
        &mut doc,
        "/summary/child/date_of_birth",
        json!("2006-05-10"),
    );
    set(
        &mut doc,
        "/summary/history",
        json!([{"kind": "outpatient", "institution": "成人病院", "start": "2025-01-10"}]),
    );
    let r = run("summary.timeline", &doc);
    assert!(has(
        &r,
        "summary.timeline.no_first_consultation",
        "/summary/history"
    ));
    let claim = milestones(&r)
        .into_iter()
        .find(|m| m.0 == "pension_claim")
        .unwrap();
    assert_eq!((claim.1.as_str(), claim.3.as_str()), ("2026-05-09", "past"));
    // First consultation on the very day 20 is reached: no warning.
    set(
        &mut doc,
        "/summary/history",
        json!([{"kind": "first_consultation", "institution": "成人病院", "start": "2026-05-09"}]),
    );
    let r = run("summary.timeline", &doc);
    assert!(!has(
        &r,
        "summary.timeline.no_first_consultation",
        "/summary/history"
    ));
    // The day after: warning.
    set(&mut doc, "/summary/history/0/start", json!("2026-05-10"));
    let r = run("summary.timeline", &doc);
    assert!(has(
        &r,
        "summary.timeline.no_first_consultation",
        "/summary/history"
    ));
}

// ---------------------------------------------------------------------------------------
// Emergency view.
// ---------------------------------------------------------------------------------------

const ORDER: [&str; 10] = [
    "patient",
    "diagnoses",
    "resuscitation",
    "allergies",
    "airway",
    "care",
    "medications",
    "baseline",
    "actions",
    "contacts",
];

#[test]
fn emergency_view_has_the_fixed_order_and_fits_one_screen() {
    for label in [
        "ventilated-tracheostomy-gastrostomy",
        "tube-feeding-oxygen-sits",
        "epilepsy-walks",
        "leap-day-cchs-walks",
    ] {
        let r = run("summary.emergency_view", &example(label));
        let v = &r["result"];
        let order: Vec<&str> = v["sections"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s["section"].as_str().unwrap())
            .collect();
        assert_eq!(order, ORDER, "{label}");
        let text = v["text_ja"].as_array().unwrap();
        assert_eq!(text.len(), 11, "{label}");
        assert!(text[0].as_str().unwrap().contains("2026-11-23"));
        for (line, title) in text[1..].iter().zip([
            "本人",
            "診断",
            "蘇生",
            "アレルギー",
            "呼吸・気道",
            "医療的ケア",
            "薬",
            "平常時",
            "緊急時の対応",
            "連絡先",
        ]) {
            assert!(
                line.as_str().unwrap().starts_with(&format!("【{title}】")),
                "{label}: {line}"
            );
        }
    }
}

#[test]
fn emergency_view_of_the_ventilated_child_says_what_matters_first() {
    let r = run(
        "summary.emergency_view",
        &example("ventilated-tracheostomy-gastrostomy"),
    );
    assert_eq!(r["errors"], 0);
    assert_eq!(r["infos"], 0, "{:#}", r["findings"]);
    let v = &r["result"];
    assert_eq!(v["child"]["age"], json!({"years": 5, "months": 5}));
    assert_eq!(v["child"]["weight_kg"], 14.2);
    let s = |i: usize| v["sections"][i]["items"].clone();
    assert_eq!(s(1)[0], "低酸素性虚血性脳症（P91.6）");
    assert_eq!(s(2), json!(["すべての蘇生処置を希望"]));
    // Drug allergy first.
    assert_eq!(s(3)[0], "セフェム系抗菌薬（薬剤・中等症）");
    // Airway: the ventilator settings and the tracheostomy tube size.
    let airway = s(4);
    assert!(
        airway[0]
            .as_str()
            .unwrap()
            .starts_with("人工呼吸器 SIMV(PC)+PS PIP 18cmH2O PEEP 5cmH2O"),
        "{airway}"
    );
    assert!(
        airway[1].as_str().unwrap().contains("内径 4.5mm"),
        "{airway}"
    );
    // Rescue medicine first, with when to give it, and its form once (issue 14 point 10).
    assert_eq!(
        s(6)[0],
        "【緊急時】ジアゼパム坐剤 4mg（痙攣が5分以上続くとき）"
    );
    assert_eq!(s(7)[0], "SpO2 94〜99%");
    // Destination uses the out-of-hours number.
    assert_eq!(s(9)[0], "搬送先 県立こども医療センター 045-711-0001");
    assert_eq!(
        s(9)[1],
        "主治医 県立こども医療センター 新生児科 中村 医師 045-711-0002"
    );
}

#[test]
fn emergency_view_keeps_none_and_unknown_allergies_apart_and_cuts_long_lists() {
    let mut doc = example("epilepsy-walks");
    set(&mut doc, "/summary/allergies", json!({"status": "unknown"}));
    let r = run("summary.emergency_view", &doc);
    assert_eq!(
        r["result"]["sections"][3]["items"],
        json!(["不明（未確認）"])
    );
    set(
        &mut doc,
        "/summary/allergies",
        json!({"status": "none_known"}),
    );
    let meds: Vec<Value> = (0..9)
        .map(|i| json!({"name": format!("薬{i}"), "route": "oral", "times_per_day": 1}))
        .collect();
    set(&mut doc, "/summary/medications", Value::Array(meds));
    let r = run("summary.emergency_view", &doc);
    assert_eq!(
        r["result"]["sections"][3]["items"],
        json!(["なし（確認済み）"])
    );
    let meds = &r["result"]["sections"][6];
    assert_eq!(meds["items"].as_array().unwrap().len(), 5);
    assert_eq!(meds["omitted"], 4);
    assert!(has(
        &r,
        "summary.emergency_view.truncated",
        "/summary/medications"
    ));
    assert!(
        r["result"]["text_ja"][7]
            .as_str()
            .unwrap()
            .ends_with("／ほか4件")
    );
}

#[test]
fn emergency_view_is_built_from_a_summary_with_errors_and_reports_them() {
    let mut doc = example("tube-feeding-oxygen-sits");
    set(&mut doc, "/summary/emergency_contacts", json!([]));
    set(&mut doc, "/summary/child/kana", json!("すずき ミサキ"));
    let r = run("summary.emergency_view", &doc);
    assert_eq!(r["valid"], false);
    assert!(has(
        &r,
        "summary.emergency_contacts.none",
        "/summary/emergency_contacts"
    ));
    // Only errors from the validation, not its warnings.
    assert!(!has(
        &r,
        "summary.kana.mixed_scripts",
        "/summary/child/kana"
    ));
    assert!(r["result"]["sections"].is_array());
}

// ---------------------------------------------------------------------------------------
// No message echoes input text.
// ---------------------------------------------------------------------------------------

const FREE_TEXT_KEYS: [&str; 24] = [
    "name",
    "kana",
    "municipality",
    "phone",
    "phone_alt",
    "note",
    "icd10",
    "product",
    "mode",
    "dose",
    "indication",
    "substance",
    "reaction",
    "id",
    "organisation",
    "person",
    "phone_out_of_hours",
    "institution",
    "member",
    "department",
    "reason",
    "destination",
    "action",
    "recorded_by",
];

/// Replaces every free-text value (and `supplier`, `doctor`) with a distinctive marker.
fn mark(v: &mut Value, n: &mut usize) {
    match v {
        Value::Object(m) => {
            for (k, x) in m.iter_mut() {
                let free = FREE_TEXT_KEYS.contains(&k.as_str()) || k == "supplier" || k == "doctor";
                if free && x.is_string() {
                    *n += 1;
                    *x = json!(format!("漏洩{n}Leak"));
                } else {
                    mark(x, n);
                }
            }
        }
        Value::Array(a) => a.iter_mut().for_each(|x| mark(x, n)),
        _ => {}
    }
}

#[test]
fn no_message_contains_input_text_even_with_errors_everywhere() {
    for label in [
        "ventilated-tracheostomy-gastrostomy",
        "tube-feeding-oxygen-sits",
        "epilepsy-walks",
        "leap-day-cchs-walks",
    ] {
        let mut doc = example(label);
        let mut n = 0;
        mark(&mut doc, &mut n);
        assert!(n > 30, "{label}: only {n} fields marked");
        // Errors everywhere else too.
        set(
            &mut doc,
            "/summary/vital_signs/spo2_percent",
            json!({"min": 101, "max": 50}),
        );
        set(&mut doc, "/summary/history/0/start", json!("1999-01-01"));
        set(&mut doc, "/summary/allergies/status", json!("present"));
        doc["summary"]["allergies"]["items"] = json!([{"substance": "漏洩AllergyLeak", "category": "drug"}, {"substance": "漏洩AllergyLeak", "category": "drug"}]);
        let mut total = 0;
        for op in [
            "summary.validate",
            "summary.scores",
            "summary.emergency_view",
            "summary.timeline",
        ] {
            let r = run(op, &doc);
            for f in r["findings"].as_array().unwrap() {
                total += 1;
                for key in ["message_ja", "message_en", "code"] {
                    let m = f[key].as_str().unwrap();
                    assert!(
                        !m.contains("漏洩") && !m.contains("Leak"),
                        "{label} {op}: {m}"
                    );
                }
            }
        }
        assert!(total > 20, "{label}: only {total} findings");
    }
}

#[test]
fn timeline_and_emergency_view_reject_what_the_schema_rejects() {
    // iq 201 is outside the schema's range; every summary operation must say invalid.
    let doc: Value = serde_json::from_str(include_str!(
        "../../schemas/examples/invalid/summary-request.iq-out-of-range.json"
    ))
    .unwrap();
    for op in [
        "summary.validate",
        "summary.scores",
        "summary.emergency_view",
        "summary.timeline",
    ] {
        let r = run(op, &doc);
        assert_eq!(r["valid"], false, "{op} accepted iq 201");
        assert!(
            r["findings"]
                .as_array()
                .unwrap()
                .iter()
                .any(|f| f["code"] == "care.quotient.out_of_range"),
            "{op}"
        );
    }
}
