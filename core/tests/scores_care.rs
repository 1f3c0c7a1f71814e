//! The clinical profile's `care.*` rules (each with a passing and a failing case), its
//! JSON shape, and the `scores.compute` operation end to end.

use kyoten_core::calendar::IsoDate;
use kyoten_core::care::{
    self, CareItem, CareKind, ClinicalCondition, ClinicalProfile, FeedingRoute, Frequency, LowSpo2,
    Per, SeizureMeasure, SuctionSite, UrinaryRoute, VentilationMode, WatchLevel, validate_clinical,
};
use kyoten_core::finding::{Finding, Path, Severity};
use serde_json::{Value, json};

fn d(s: &str) -> IsoDate {
    IsoDate::parse(s).unwrap()
}
const BIRTH: &str = "2020-05-01";
const AS_OF: &str = "2024-06-01";

fn item(kind: CareKind) -> CareItem {
    let mut it = CareItem::new(kind);
    it.since = Some(d("2022-01-01"));
    it
}
fn validate(p: &ClinicalProfile) -> Vec<Finding> {
    let mut f = Vec::new();
    validate_clinical(p, &Path::root().key("clinical"), d(BIRTH), d(AS_OF), &mut f);
    f
}
fn only(care: Vec<CareItem>) -> ClinicalProfile {
    ClinicalProfile {
        care,
        ..ClinicalProfile::default()
    }
}
fn codes(f: &[Finding]) -> Vec<(&str, &str)> {
    f.iter()
        .map(|f| (f.code.as_str(), f.path.as_str()))
        .collect()
}
/// A well-formed item of every kind, with the detail each takes.
fn full_valid() -> ClinicalProfile {
    let mut care: Vec<CareItem> = CareKind::ALL.iter().map(|k| item(*k)).collect();
    for it in &mut care {
        match it.kind {
            CareKind::Ventilator => {
                it.ventilation = vec![VentilationMode::Invasive, VentilationMode::CoughAssist];
                it.hours_per_day = Some(24);
                it.watch = Some(WatchLevel::Medium);
            }
            CareKind::Oxygen => it.hours_per_day = Some(1),
            CareKind::Suctioning => {
                it.frequency = Some(Frequency {
                    times: 60,
                    per: Per::Hour,
                });
                it.suction_sites = vec![SuctionSite::OralNasal, SuctionSite::Tracheal];
            }
            CareKind::Nebulizer => it.continuous = true,
            CareKind::TubeFeeding => it.feeding_route = Some(FeedingRoute::Gastrostomy),
            CareKind::EnteralFeeding => it.feeding_route = Some(FeedingRoute::Jejunostomy),
            CareKind::ContinuousCatheterization => {
                it.urinary_route = Some(UrinaryRoute::Cystostomy)
            }
            CareKind::SeizureCare => {
                it.seizure_measures = vec![
                    SeizureMeasure::Suppository,
                    SeizureMeasure::VagusNerveStimulator,
                ]
            }
            CareKind::Enema => it.commercial_glycerin_only = true,
            CareKind::Dialysis => {
                it.frequency = Some(Frequency {
                    times: 3,
                    per: Per::Week,
                })
            }
            _ => {}
        }
    }
    ClinicalProfile {
        care,
        iq: Some(200),
        dq: Some(0),
        nicu_discharge: Some(d(BIRTH)),
        low_spo2: Some(LowSpo2 {
            percent_of_time: 100,
            since: Some(d(AS_OF)),
        }),
        support_level: Some(6),
        behaviour_score: Some(24),
        conditions: ClinicalCondition::ALL.to_vec(),
        ..ClinicalProfile::default()
    }
}

#[test]
fn a_full_valid_profile_has_no_finding() {
    assert_eq!(codes(&validate(&full_valid())), vec![]);
    assert_eq!(validate(&ClinicalProfile::default()), vec![]);
}

#[test]
fn care_kinds_lists_each_kind_once_in_order() {
    let p = only(vec![
        item(CareKind::Oxygen),
        item(CareKind::Tracheostomy),
        item(CareKind::Oxygen),
    ]);
    assert_eq!(
        p.care_kinds(),
        vec![CareKind::Oxygen, CareKind::Tracheostomy]
    );
    assert_eq!(full_valid().care_kinds(), CareKind::ALL.to_vec());
}

#[test]
fn duplicate_kind() {
    let f = validate(&only(vec![
        item(CareKind::Oxygen),
        item(CareKind::Tracheostomy),
        item(CareKind::Oxygen),
    ]));
    assert_eq!(
        codes(&f),
        vec![("care.item.duplicate", "/clinical/care/2/kind")]
    );
    assert_eq!(f[0].severity, Severity::Error);
}

#[test]
fn dates_between_birth_and_as_of() {
    let mut it = item(CareKind::Oxygen);
    it.since = Some(d("2020-04-30"));
    let mut p = only(vec![it]);
    p.nicu_discharge = Some(d("2024-06-02"));
    p.low_spo2 = Some(LowSpo2 {
        percent_of_time: 5,
        since: Some(d("2019-01-01")),
    });
    assert_eq!(
        codes(&validate(&p)),
        vec![
            ("calendar.date.before_birth", "/clinical/care/0/since"),
            ("calendar.date.after_as_of", "/clinical/nicu_discharge"),
            ("calendar.date.before_birth", "/clinical/low_spo2/since"),
        ]
    );
    let f = validate(&p);
    assert_eq!(
        f[0].message_ja(),
        "日付 2020-04-30 は生年月日 2020-05-01 より前です"
    );
    assert_eq!(
        f[1].message_en(),
        format!("The date 2024-06-02 is after the as-of date {AS_OF}")
    );
    p.care[0].since = Some(d(BIRTH));
    p.nicu_discharge = Some(d(AS_OF));
    p.low_spo2 = None;
    assert_eq!(validate(&p), vec![]);
}

#[test]
fn detail_not_applicable_for_each_detail_field() {
    let mut it = item(CareKind::Stoma);
    it.ventilation = vec![VentilationMode::Cpap];
    it.hours_per_day = Some(3);
    it.frequency = Some(Frequency {
        times: 1,
        per: Per::Day,
    });
    it.continuous = true;
    it.suction_sites = vec![SuctionSite::Tracheal];
    it.feeding_route = Some(FeedingRoute::Gastrostomy);
    it.urinary_route = Some(UrinaryRoute::Urostomy);
    it.seizure_measures = vec![SeizureMeasure::Oxygen];
    it.commercial_glycerin_only = true;
    let f = validate(&only(vec![it]));
    let paths: Vec<&str> = f
        .iter()
        .filter(|f| f.code == "care.item.detail_not_applicable")
        .map(|f| f.path.as_str())
        .collect();
    assert_eq!(
        paths,
        vec![
            "/clinical/care/0/ventilation",
            "/clinical/care/0/hours_per_day",
            "/clinical/care/0/frequency",
            "/clinical/care/0/continuous",
            "/clinical/care/0/suction_sites",
            "/clinical/care/0/feeding_route",
            "/clinical/care/0/urinary_route",
            "/clinical/care/0/seizure_measures",
            "/clinical/care/0/commercial_glycerin_only",
        ]
    );
    assert_eq!(f.len(), 9);
}

#[test]
fn hours_frequency_and_spo2_ranges() {
    let mut v = item(CareKind::Ventilator);
    v.ventilation = vec![VentilationMode::Nippv];
    v.hours_per_day = Some(25);
    let mut o = item(CareKind::Oxygen);
    o.hours_per_day = Some(0);
    let mut s = item(CareKind::Suctioning);
    s.frequency = Some(Frequency {
        times: 0,
        per: Per::Day,
    });
    let mut n = item(CareKind::Nebulizer);
    n.frequency = Some(Frequency {
        times: 61,
        per: Per::Hour,
    });
    let mut n2 = item(CareKind::PositionChange);
    n2.frequency = Some(Frequency {
        times: 1441,
        per: Per::Day,
    });
    let mut p = only(vec![v, o, s, n, n2]);
    p.low_spo2 = Some(LowSpo2 {
        percent_of_time: 101,
        since: None,
    });
    assert_eq!(
        codes(&validate(&p)),
        vec![
            (
                "care.item.hours_out_of_range",
                "/clinical/care/0/hours_per_day"
            ),
            (
                "care.item.hours_out_of_range",
                "/clinical/care/1/hours_per_day"
            ),
            (
                "care.frequency.not_positive",
                "/clinical/care/2/frequency/times"
            ),
            (
                "care.frequency.implausible",
                "/clinical/care/3/frequency/times"
            ),
            (
                "care.frequency.implausible",
                "/clinical/care/4/frequency/times"
            ),
            (
                "care.spo2.out_of_range",
                "/clinical/low_spo2/percent_of_time"
            ),
        ]
    );
    let f = validate(&p);
    assert_eq!(f[3].severity, Severity::Warning);
    // Edges that pass: 24 hours, 60 an hour, 1440 a day, 100 percent.
    p.care[0].hours_per_day = Some(24);
    p.care[1].hours_per_day = Some(1);
    p.care[2].frequency = Some(Frequency {
        times: 1,
        per: Per::Day,
    });
    p.care[3].frequency = Some(Frequency {
        times: 60,
        per: Per::Hour,
    });
    p.care[4].frequency = Some(Frequency {
        times: 1440,
        per: Per::Day,
    });
    p.low_spo2 = Some(LowSpo2 {
        percent_of_time: 100,
        since: None,
    });
    assert_eq!(validate(&p), vec![]);
}

#[test]
fn watch_not_offered() {
    let mut t = item(CareKind::Tracheostomy);
    t.watch = Some(WatchLevel::Medium);
    let f = validate(&only(vec![t.clone()]));
    assert_eq!(
        codes(&f),
        vec![("care.item.watch_not_offered", "/clinical/care/0/watch")]
    );
    assert!(f[0].message_ja().contains("気管切開"));
    t.watch = Some(WatchLevel::High);
    assert_eq!(validate(&only(vec![t])), vec![]);
}

#[test]
fn feeding_route_must_match_kind() {
    let mut t = item(CareKind::TubeFeeding);
    t.feeding_route = Some(FeedingRoute::Jejunostomy);
    let mut e = item(CareKind::EnteralFeeding);
    e.feeding_route = Some(FeedingRoute::Nasogastric);
    assert_eq!(
        codes(&validate(&only(vec![t.clone(), e.clone()]))),
        vec![
            (
                "care.feeding.route_mismatch",
                "/clinical/care/0/feeding_route"
            ),
            (
                "care.feeding.route_mismatch",
                "/clinical/care/1/feeding_route"
            ),
        ]
    );
    for r in [
        FeedingRoute::Nasogastric,
        FeedingRoute::Gastrostomy,
        FeedingRoute::Esophagostomy,
    ] {
        t.feeding_route = Some(r);
        assert_eq!(validate(&only(vec![t.clone()])), vec![], "{r:?}");
    }
    for r in [
        FeedingRoute::Nasojejunal,
        FeedingRoute::Gastrojejunal,
        FeedingRoute::Jejunostomy,
    ] {
        e.feeding_route = Some(r);
        assert_eq!(validate(&only(vec![e.clone()])), vec![], "{r:?}");
    }
}

#[test]
fn pump_without_tube_and_ventilator_without_mode() {
    assert_eq!(
        codes(&validate(&only(vec![
            item(CareKind::FeedingPump),
            item(CareKind::Ventilator)
        ]))),
        vec![
            ("care.ventilator.mode_missing", "/clinical/care/1/kind"),
            ("care.feeding_pump.without_tube", "/clinical/care/0/kind"),
        ]
    );
    let mut v = item(CareKind::Ventilator);
    v.ventilation = vec![VentilationMode::HighFlow];
    assert_eq!(
        validate(&only(vec![
            item(CareKind::FeedingPump),
            item(CareKind::EnteralFeeding),
            v
        ])),
        vec![]
    );
}

#[test]
fn duplicate_values_and_conditions() {
    let mut v = item(CareKind::Ventilator);
    v.ventilation = vec![
        VentilationMode::Cpap,
        VentilationMode::Nippv,
        VentilationMode::Cpap,
    ];
    let mut s = item(CareKind::Suctioning);
    s.suction_sites = vec![SuctionSite::Tracheal, SuctionSite::Tracheal];
    let mut z = item(CareKind::SeizureCare);
    z.seizure_measures = vec![SeizureMeasure::Oxygen, SeizureMeasure::Oxygen];
    let mut p = only(vec![v, s, z]);
    p.conditions = vec![
        ClinicalCondition::MotorNeuronDisease,
        ClinicalCondition::MotorNeuronDisease,
    ];
    assert_eq!(
        codes(&validate(&p)),
        vec![
            (
                "care.item.duplicate_value",
                "/clinical/care/0/ventilation/2"
            ),
            (
                "care.item.duplicate_value",
                "/clinical/care/1/suction_sites/1"
            ),
            (
                "care.item.duplicate_value",
                "/clinical/care/2/seizure_measures/1"
            ),
            ("care.condition.duplicate", "/clinical/conditions/1"),
        ]
    );
}

#[test]
fn quotient_support_level_behaviour_ranges() {
    let p = ClinicalProfile {
        iq: Some(201),
        dq: Some(300),
        support_level: Some(7),
        behaviour_score: Some(25),
        ..ClinicalProfile::default()
    };
    assert_eq!(
        codes(&validate(&p)),
        vec![
            ("care.quotient.out_of_range", "/clinical/iq"),
            ("care.quotient.out_of_range", "/clinical/dq"),
            ("care.support_level.out_of_range", "/clinical/support_level"),
            (
                "care.behaviour_score.out_of_range",
                "/clinical/behaviour_score"
            ),
        ]
    );
}

#[test]
fn every_care_rule_is_listed_once_and_tested_here() {
    let src = include_str!("scores_care.rs");
    for (i, r) in care::RULES.iter().enumerate() {
        assert!(r.code.starts_with("care."), "{}", r.code);
        assert!(
            !care::RULES.iter().take(i).any(|o| o.code == r.code),
            "{}",
            r.code
        );
        assert!(
            src.contains(&format!("\"{}\"", r.code)),
            "no test names {}",
            r.code
        );
        assert!(!r.ja.is_empty() && !r.en.is_empty());
    }
}

// ---------------------------------------------------------------------------------------
// JSON: the shape, unknown fields, the operation
// ---------------------------------------------------------------------------------------

fn run(doc: &Value) -> Value {
    let out = kyoten_core::ops::run("scores.compute", doc.to_string().as_bytes()).unwrap();
    let v: Value = serde_json::from_str(&out.json).unwrap();
    assert_eq!(v["valid"].as_bool().unwrap(), out.valid);
    v
}
fn request(clinical: Value) -> Value {
    json!({ "as_of": AS_OF, "birth_date": BIRTH, "clinical": clinical })
}

#[test]
fn unknown_fields_are_rejected_inside_the_profile() {
    for (clinical, path) in [
        (
            json!({ "care": [{ "kind": "oxygen", "flow": 2 }] }),
            "/clinical/care/0/flow",
        ),
        (
            json!({ "care": [{ "kind": "suctioning", "frequency": { "times": 1, "per": "hour", "x": 1 } }] }),
            "/clinical/care/0/frequency/x",
        ),
        (
            json!({ "low_spo2": { "percent_of_time": 5, "山田": 1 } }),
            "/clinical/low_spo2/山田",
        ),
        (json!({ "diagnosis": "x" }), "/clinical/diagnosis"),
    ] {
        let v = run(&request(clinical));
        assert_eq!(v["valid"], false);
        assert_eq!(v["findings"][0]["code"], "input.unknown_field");
        assert_eq!(v["findings"][0]["path"], path);
        assert!(
            !v["findings"][0]["message_ja"]
                .as_str()
                .unwrap()
                .contains("山田")
        );
    }
}

#[test]
fn wrong_values_point_into_the_profile() {
    let v = run(&request(
        json!({ "care": [{ "kind": "oxygen" }, { "kind": "teleportation" }] }),
    ));
    assert_eq!(
        (
            v["findings"][0]["code"].as_str(),
            v["findings"][0]["path"].as_str()
        ),
        (Some("input.unknown_value"), Some("/clinical/care/1/kind"))
    );
    let v = run(&request(
        json!({ "care": [{ "kind": "oxygen", "since": "2023-02-30" }] }),
    ));
    assert_eq!(v["findings"][0]["code"], "input.invalid_date");
    assert_eq!(v["findings"][0]["path"], "/clinical/care/0/since");
    let v = run(&request(
        json!({ "care": [{ "kind": "oxygen", "hours_per_day": 300 }] }),
    ));
    assert_eq!(v["findings"][0]["code"], "input.invalid_value");
    assert_eq!(v["findings"][0]["path"], "/clinical/care/0/hours_per_day");
    let v = run(&request(
        json!({ "care": [{ "kind": "oxygen", "watch": "extreme" }] }),
    ));
    assert_eq!(v["findings"][0]["code"], "input.unknown_value");
    let v = run(&json!({ "as_of": AS_OF, "clinical": {} }));
    assert_eq!(v["findings"][0]["code"], "input.missing_field");
    assert_eq!(v["findings"][0]["path"], "/birth_date");
}

#[test]
fn operation_scores_a_ventilated_child() {
    let v = run(&json!({
        "$schema": "../score-request.schema.json",
        "as_of": "2024-06-01",
        "birth_date": "2020-05-01",
        "clinical": {
            "care": [
                { "kind": "ventilator", "since": "2020-06-01", "watch": "high", "ventilation": ["invasive"], "hours_per_day": 24 },
                { "kind": "tracheostomy", "since": "2020-06-01", "watch": "high" },
                { "kind": "suctioning", "since": "2020-06-01", "watch": "high", "frequency": { "times": 2, "per": "hour" }, "suction_sites": ["tracheal", "oral_nasal"] },
                { "kind": "tube_feeding", "since": "2021-01-10", "watch": "low", "feeding_route": "gastrostomy" }
            ],
            "motor_level": "bedridden",
            "iq": 15
        }
    }));
    assert_eq!(v["valid"], true, "{v}");
    let r = &v["result"];
    // Super-severe: 10 + 8 + 8 + 5 = 31 → 超重症児.
    assert_eq!(r["super_severe"]["total"], 31);
    assert_eq!(r["super_severe"]["category"], "super_severe");
    assert_eq!(r["super_severe"]["category_ja"], "超重症児（者）");
    assert_eq!(r["super_severe"]["items"].as_array().unwrap().len(), 4);
    // Medical care: 12 + 8 (watch dropped, unconfirmed) + 9 + 8 = 37 → 区分3.
    assert_eq!(r["medical_care"]["total"], 37);
    assert_eq!(r["medical_care"]["level"], "level3");
    assert_eq!(r["oshima"]["cell"], 1);
    let grounds: Vec<&str> = r["short_stay"]["grounds"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| g["ground"].as_str().unwrap())
        .collect();
    assert_eq!(
        grounds,
        vec!["severe_motor_intellectual", "medical_care_score16"]
    );
    assert_eq!(r["short_stay"]["eligible"], true);
    let infos: Vec<&str> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["code"].as_str().unwrap())
        .collect();
    assert_eq!(
        infos,
        vec!["scores.medical_care.tracheostomy_watch_with_ventilator"]
    );
}

#[test]
fn operation_reports_as_of_before_birth_and_validation_errors() {
    let v = run(&json!({ "as_of": "2020-04-30", "birth_date": BIRTH, "clinical": {} }));
    assert_eq!(v["valid"], false);
    assert_eq!(v["findings"][0]["code"], "calendar.date.after_as_of");
    assert_eq!(v["findings"][0]["path"], "/birth_date");
    assert_eq!(
        v["findings"][0]["message_ja"],
        format!("日付 {BIRTH} は基準日 2020-04-30 より後です")
    );
    assert!(v.get("result").is_none());
    let v = run(&request(
        json!({ "care": [{ "kind": "nebulizer", "watch": "high" }] }),
    ));
    assert_eq!(v["valid"], false);
    assert_eq!(v["errors"], 1);
    assert!(
        codes_of(&v).contains(&"care.item.watch_not_offered /clinical/care/0/watch".to_owned())
    );
    assert_eq!(v["result"]["medical_care"]["total"], 3);
}

#[test]
fn examples_validate_without_errors() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../schemas/examples");
    let mut n = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if !name.starts_with("score-request.") {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        let out = kyoten_core::ops::run("scores.compute", text.as_bytes()).unwrap();
        assert!(out.valid, "{name}: {}", out.json);
        let v: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(v["$schema"], "../score-request.schema.json", "{name}");
        n += 1;
    }
    assert!(
        n >= 4,
        "expected at least four score-request examples, found {n}"
    );
}

fn example(label: &str) -> Value {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../schemas/examples")
        .join(format!("score-request.{label}.json"));
    run(&serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap())
}
fn codes_of(v: &Value) -> Vec<String> {
    v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            format!(
                "{} {}",
                f["code"].as_str().unwrap(),
                f["path"].as_str().unwrap()
            )
        })
        .collect()
}
fn ground_names(v: &Value) -> Vec<&str> {
    v["result"]["short_stay"]["grounds"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| g["ground"].as_str().unwrap())
        .collect()
}

#[test]
fn example_ventilated_child_scores_by_hand() {
    let v = example("ventilated-tracheostomy-gastrostomy");
    let r = &v["result"];
    // A: respirator 10 + tracheostomy 8 + hourly suction 8 + tube 5 + position 3 = 34
    // (the pump adds only to row 9).
    assert_eq!(r["super_severe"]["total"], 34);
    assert_eq!(r["super_severe"]["category"], "super_severe");
    // B: 12 + (8, watch 2 dropped) + 9 + 8 + 3 = 40 → 区分3.
    assert_eq!(r["medical_care"]["total"], 40);
    assert_eq!(r["medical_care"]["level_ja"], "区分3");
    assert_eq!(r["oshima"]["cell"], 1);
    assert_eq!(
        ground_names(&v),
        vec!["severe_motor_intellectual", "medical_care_score16"]
    );
    assert_eq!(
        codes_of(&v),
        vec![
            // In document order: by JSON Pointer, indices numerically.
            "scores.medical_care.tracheostomy_watch_with_ventilator /clinical/care/1/watch",
            "scores.super_severe.excluded /clinical/care/4",
            "scores.medical_care.not_a_row /clinical/care/5",
        ]
    );
}

#[test]
fn example_tube_oxygen_sitting_child_scores_by_hand() {
    let v = example("tube-oxygen-sits");
    let r = &v["result"];
    // A: tube 5 + oxygen 5 + suction 8/day 3; nebuliser 3/day is below 6 → 13 → 準超重症児.
    assert_eq!(r["super_severe"]["total"], 13);
    assert_eq!(r["super_severe"]["category"], "semi_super_severe");
    // B: 8 + 8 + 8 + 3 = 27 → 区分2.
    assert_eq!(r["medical_care"]["total"], 27);
    assert_eq!(r["medical_care"]["level"], "level2");
    // DQ 30 sitting → cell 3.
    assert_eq!(r["oshima"]["cell"], 3);
    assert_eq!(r["oshima"]["from_dq"], true);
    assert_eq!(
        ground_names(&v),
        vec!["severe_motor_intellectual", "medical_care_score16"]
    );
    assert!(
        codes_of(&v).contains(&"scores.super_severe.below_threshold /clinical/care/3".to_owned())
    );
}

#[test]
fn example_walking_child_with_epilepsy_scores_by_hand() {
    let v = example("walking-epilepsy");
    let r = &v["result"];
    assert_eq!(r["super_severe"]["total"], 0);
    assert_eq!(r["super_severe"]["category"], "not_applicable");
    // B: seizure care 3 + high 2 = 5 → 区分1 (lower bound unconfirmed).
    assert_eq!(r["medical_care"]["total"], 5);
    assert_eq!(r["medical_care"]["level"], "level1");
    // IQ 45 walking → cell 12.
    assert_eq!(r["oshima"]["cell"], 12);
    assert_eq!(r["oshima"]["group"], "other");
    assert_eq!(r["short_stay"]["eligible"], false);
    assert_eq!(ground_names(&v), Vec::<&str>::new());
    assert!(codes_of(&v).contains(&"scores.medical_care.level1_unconfirmed /clinical".to_owned()));
}

#[test]
fn example_nicu_infant_scores_by_hand() {
    let v = example("nicu-infant");
    let r = &v["result"];
    // A: discharged 2025-08-20, counts from 2025-09-20: respirator 10 + tube 5; oxygen began
    // after discharge and needs 6 months → 15 → 準超重症児.
    assert_eq!(r["super_severe"]["total"], 15);
    assert_eq!(r["super_severe"]["category"], "semi_super_severe");
    // B: 11 + 10 + 9 = 30 → 区分2.
    assert_eq!(r["medical_care"]["total"], 30);
    assert!(r.get("oshima").is_none());
    assert_eq!(ground_names(&v), vec!["medical_care_score16"]);
    let c = codes_of(&v);
    assert!(c.contains(&"scores.super_severe.nicu_rule /clinical/care/0".to_owned()));
    assert!(c.contains(&"scores.super_severe.nicu_rule /clinical/care/1".to_owned()));
    assert!(c.contains(&"scores.super_severe.too_short /clinical/care/2".to_owned()));
    assert!(c.contains(&"scores.oshima.no_quotient /clinical".to_owned()));
}

#[cfg(feature = "schema")]
#[test]
fn input_schema_closes_objects_and_carries_ranges() {
    let op = kyoten_core::ops::find("scores.compute").unwrap();
    let schema = (op.input_schema)(schemars::generate::SchemaSettings::draft2020_12());
    let v = serde_json::to_value(&schema).unwrap();
    if std::env::var("DUMP_SCHEMA").is_ok() {
        eprintln!("{}", serde_json::to_string_pretty(&v).unwrap());
    }
    let defs = &v["$defs"];
    for name in ["CareItem", "ClinicalProfile", "Frequency", "LowSpo2"] {
        assert_eq!(defs[name]["additionalProperties"], false, "{name}");
    }
    assert_eq!(v["additionalProperties"], false);
    let hours = defs["CareItem"]["properties"]["hours_per_day"].to_string();
    assert!(
        hours.contains("\"minimum\":1") && hours.contains("\"maximum\":24"),
        "{hours}"
    );
    let iq = defs["ClinicalProfile"]["properties"]["iq"].to_string();
    assert!(iq.contains("\"maximum\":200"), "{iq}");
    let kinds = defs["CareKind"].to_string();
    assert!(
        kinds.contains("tube_feeding") && kinds.contains("人工呼吸器"),
        "{kinds}"
    );
    assert_eq!(
        v["required"],
        serde_json::json!(["as_of", "birth_date", "clinical"])
    );
}
