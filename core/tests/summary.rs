//! Integration tests of the child care summary (`summary.*`).

use kyoten_core::ops;
use kyoten_core::summary::{self, SummaryRequest};
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
    for label in LABELS {
        assert!(
            examples_dir()
                .join(format!("summary-request.{label}.json"))
                .exists(),
            "{label}"
        );
    }
}

// ---------------------------------------------------------------------------------------
// Helpers to edit a document by JSON Pointer.
// ---------------------------------------------------------------------------------------

fn split(ptr: &str) -> (&str, &str) {
    let i = ptr.rfind('/').unwrap();
    (&ptr[..i], &ptr[i + 1..])
}

/// Sets the value at `ptr` (the parent must exist; an object key may be new).
fn set(doc: &mut Value, ptr: &str, v: Value) {
    let (parent, last) = split(ptr);
    match doc
        .pointer_mut(parent)
        .unwrap_or_else(|| panic!("no {parent}"))
    {
        Value::Object(m) => {
            m.insert(last.to_owned(), v);
        }
        Value::Array(a) => a[last.parse::<usize>().unwrap()] = v,
        other => panic!("not a container at {parent}: {other}"),
    }
}

/// Removes the value at `ptr` (array elements shift).
fn remove(doc: &mut Value, ptr: &str) {
    let (parent, last) = split(ptr);
    match doc.pointer_mut(parent).unwrap() {
        Value::Object(m) => {
            m.remove(last).unwrap_or_else(|| panic!("no {ptr}"));
        }
        Value::Array(a) => {
            a.remove(last.parse::<usize>().unwrap());
        }
        other => panic!("not a container at {parent}: {other}"),
    }
}

/// Appends to the array at `ptr`.
fn push(doc: &mut Value, ptr: &str, v: Value) {
    doc.pointer_mut(ptr)
        .unwrap()
        .as_array_mut()
        .unwrap()
        .push(v);
}

fn get(doc: &Value, ptr: &str) -> Value {
    doc.pointer(ptr)
        .unwrap_or_else(|| panic!("no {ptr}"))
        .clone()
}

fn has(report: &Value, code: &str, path: &str) -> bool {
    report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .any(|f| f["code"] == code && f["path"] == path)
}

fn count(report: &Value, code: &str) -> usize {
    codes(report).iter().filter(|c| *c == code).count()
}

const V: &str = "ventilated-tracheostomy-gastrostomy";
const S: &str = "tube-feeding-oxygen-sits";
const E: &str = "epilepsy-walks";
const L: &str = "leap-day-cchs-walks";

// ---------------------------------------------------------------------------------------
// Every rule: one failing case (code at an exact path) and the clean example passing.
// ---------------------------------------------------------------------------------------

struct Case {
    code: &'static str,
    base: &'static str,
    op: &'static str,
    edit: fn(&mut Value),
    path: &'static str,
}

fn cases() -> Vec<Case> {
    let c = |code, base, edit: fn(&mut Value), path| Case {
        code,
        base,
        op: "summary.validate",
        edit,
        path,
    };
    vec![
        c(
            "summary.field.empty",
            V,
            |d| set(d, "/summary/child/name", json!("  ")),
            "/summary/child/name",
        ),
        c(
            "summary.field.empty",
            V,
            |d| set(d, "/summary/child/municipality", json!("")),
            "/summary/child/municipality",
        ),
        c(
            "summary.field.empty",
            V,
            |d| set(d, "/summary/care_team/3/organisation", json!("\u{3000}")),
            "/summary/care_team/3/organisation",
        ),
        c(
            "summary.field.empty",
            V,
            |d| set(d, "/summary/emergency_plan/actions/1/action", json!("")),
            "/summary/emergency_plan/actions/1/action",
        ),
        c(
            "summary.field.empty",
            V,
            |d| {
                push(
                    d,
                    "/summary/vaccinations",
                    json!({"vaccine": "other", "date": "2023-01-10"}),
                )
            },
            "/summary/vaccinations/5/name",
        ),
        c(
            "calendar.date.before_birth",
            V,
            |d| set(d, "/summary/vaccinations/0/date", json!("2021-06-13")),
            "/summary/vaccinations/0/date",
        ),
        c(
            "calendar.date.before_birth",
            V,
            |d| set(d, "/summary/diagnoses/1/diagnosed_on", json!("2020-01-01")),
            "/summary/diagnoses/1/diagnosed_on",
        ),
        c(
            "calendar.date.after_as_of",
            V,
            |d| set(d, "/summary/history/5/start", json!("2026-11-24")),
            "/summary/history/5/start",
        ),
        c(
            "calendar.date.after_as_of",
            V,
            |d| set(d, "/summary/provenance/0/recorded_on", json!("2027-01-01")),
            "/summary/provenance/0/recorded_on",
        ),
        c(
            "calendar.date.after_as_of",
            V,
            |d| set(d, "/as_of", json!("2021-06-13")),
            "/summary/child/date_of_birth",
        ),
        c(
            "summary.date.end_before_start",
            V,
            |d| set(d, "/summary/history/4/end", json!("2025-01-11")),
            "/summary/history/4/end",
        ),
        c(
            "summary.date.end_before_start",
            V,
            |d| set(d, "/summary/devices/1/last_changed", json!("2021-09-09")),
            "/summary/devices/1/last_changed",
        ),
        c(
            "summary.value.out_of_range",
            V,
            |d| set(d, "/summary/vital_signs/spo2_percent/max", json!(101)),
            "/summary/vital_signs/spo2_percent/max",
        ),
        c(
            "summary.value.out_of_range",
            V,
            |d| set(d, "/summary/devices/0/settings/4/value", json!(20)),
            "/summary/devices/0/settings/4/value",
        ),
        c(
            "summary.value.out_of_range",
            V,
            |d| set(d, "/summary/medications/0/times_per_day", json!(0)),
            "/summary/medications/0/times_per_day",
        ),
        c(
            "summary.value.out_of_range",
            V,
            |d| set(d, "/summary/vital_signs/weight_kg", json!(0.2)),
            "/summary/vital_signs/weight_kg",
        ),
        c(
            "summary.value.out_of_range",
            V,
            |d| set(d, "/summary/vaccinations/0/dose", json!(0)),
            "/summary/vaccinations/0/dose",
        ),
        c(
            "summary.value.range_inverted",
            V,
            |d| set(d, "/summary/vital_signs/heart_rate_per_min/min", json!(130)),
            "/summary/vital_signs/heart_rate_per_min",
        ),
        c(
            "summary.kana.not_kana",
            V,
            |d| set(d, "/summary/child/kana", json!("sato hinata")),
            "/summary/child/kana",
        ),
        c(
            "summary.kana.not_kana",
            V,
            |d| set(d, "/summary/child/kana", json!("ｻﾄｳ ﾋﾅﾀ")),
            "/summary/child/kana",
        ),
        c(
            "summary.kana.not_kana",
            V,
            |d| set(d, "/summary/guardians/0/kana", json!("佐藤")),
            "/summary/guardians/0/kana",
        ),
        c(
            "summary.kana.mixed_scripts",
            V,
            |d| set(d, "/summary/child/kana", json!("さとう ヒナタ")),
            "/summary/child/kana",
        ),
        c(
            "summary.kana.mixed_scripts",
            L,
            |d| set(d, "/summary/guardians/0/kana", json!("イトウ なおこ")),
            "/summary/guardians/0/kana",
        ),
        c(
            "summary.phone.invalid",
            V,
            |d| set(d, "/summary/guardians/0/phone", json!("090-1111")),
            "/summary/guardians/0/phone",
        ),
        c(
            "summary.phone.invalid",
            V,
            |d| {
                set(
                    d,
                    "/summary/care_team/0/phone_out_of_hours",
                    json!("０４５７１１０００１"),
                )
            },
            "/summary/care_team/0/phone_out_of_hours",
        ),
        c(
            "summary.emergency_contacts.none",
            V,
            |d| set(d, "/summary/emergency_contacts", json!([])),
            "/summary/emergency_contacts",
        ),
        c(
            "summary.emergency_contact.no_phone",
            V,
            |d| remove(d, "/summary/emergency_contacts/2/phone"),
            "/summary/emergency_contacts/2/phone",
        ),
        c(
            "summary.guardians.none",
            V,
            |d| set(d, "/summary/guardians", json!([])),
            "/summary/guardians",
        ),
        c(
            "summary.guardian.no_phone",
            V,
            |d| remove(d, "/summary/guardians/1/phone"),
            "/summary/guardians/1/phone",
        ),
        c(
            "summary.care_team.duplicate_id",
            V,
            |d| set(d, "/summary/care_team/3/id", json!("kodomo")),
            "/summary/care_team/3/id",
        ),
        c(
            "summary.care_team.no_phone",
            V,
            |d| remove(d, "/summary/care_team/3/phone"),
            "/summary/care_team/3/phone",
        ),
        c(
            "summary.care_team.no_primary_hospital",
            V,
            |d| set(d, "/summary/care_team/0/role", json!("emergency_hospital")),
            "/summary/care_team",
        ),
        c(
            "summary.ref.unknown_member",
            V,
            |d| set(d, "/summary/history/0/member", json!("nobody")),
            "/summary/history/0/member",
        ),
        c(
            "summary.ref.unknown_member",
            V,
            |d| set(d, "/summary/emergency_plan/destination", json!("nobody")),
            "/summary/emergency_plan/destination",
        ),
        c(
            "summary.ref.unknown_member",
            V,
            |d| set(d, "/summary/emergency_plan/doctor", json!("nobody")),
            "/summary/emergency_plan/doctor",
        ),
        c(
            "summary.ref.unknown_member",
            V,
            |d| set(d, "/summary/provenance/2/member", json!("nobody")),
            "/summary/provenance/2/member",
        ),
        c(
            "summary.ref.unknown_member",
            V,
            |d| set(d, "/summary/devices/0/supplier", json!("nobody")),
            "/summary/devices/0/supplier",
        ),
        c(
            "summary.duplicate_entry",
            V,
            |d| {
                let m = get(d, "/summary/medications/1");
                push(d, "/summary/medications", m)
            },
            "/summary/medications/4",
        ),
        c(
            "summary.duplicate_entry",
            V,
            |d| {
                push(
                    d,
                    "/summary/vaccinations",
                    json!({"vaccine": "hib", "date": "2021-08-16", "dose": 1}),
                )
            },
            "/summary/vaccinations/5",
        ),
        c(
            "summary.duplicate_entry",
            V,
            |d| {
                push(
                    d,
                    "/summary/allergies/items",
                    json!({"substance": " ラテックス", "category": "latex"}),
                )
            },
            "/summary/allergies/items/2",
        ),
        c(
            "summary.duplicate_entry",
            V,
            |d| {
                push(
                    d,
                    "/summary/diagnoses",
                    json!({"name": "別名の脳症", "icd10": "P91.6"}),
                )
            },
            "/summary/diagnoses/3",
        ),
        c(
            "summary.duplicate_entry",
            V,
            |d| {
                push(
                    d,
                    "/summary/devices/0/settings",
                    json!({"parameter": "peep_cm_h2o", "value": 6}),
                )
            },
            "/summary/devices/0/settings/5",
        ),
        c(
            "summary.duplicate_entry",
            V,
            |d| {
                let a = get(d, "/summary/emergency_plan/actions/2");
                push(d, "/summary/emergency_plan/actions", a)
            },
            "/summary/emergency_plan/actions/4",
        ),
        c(
            "summary.duplicate_entry",
            V,
            |d| {
                let h = get(d, "/summary/history/4");
                push(d, "/summary/history", h)
            },
            "/summary/history/6",
        ),
        c(
            "summary.duplicate_entry",
            V,
            |d| {
                let g = get(d, "/summary/guardians/0");
                push(d, "/summary/guardians", g)
            },
            "/summary/guardians/2",
        ),
        c(
            "summary.duplicate_entry",
            V,
            |d| {
                push(
                    d,
                    "/summary/emergency_contacts",
                    json!({"name": "佐藤 由美", "relationship": "mother", "phone": "09011112222"}),
                )
            },
            "/summary/emergency_contacts/3",
        ),
        c(
            "summary.diagnoses.none",
            V,
            |d| set(d, "/summary/diagnoses", json!([])),
            "/summary/diagnoses",
        ),
        c(
            "summary.diagnoses.multiple_primary",
            V,
            |d| set(d, "/summary/diagnoses/2/primary", json!(true)),
            "/summary/diagnoses/2/primary",
        ),
        c(
            "summary.diagnoses.no_primary",
            V,
            |d| set(d, "/summary/diagnoses/0/primary", json!(false)),
            "/summary/diagnoses",
        ),
        c(
            "summary.medication.rescue_without_indication",
            V,
            |d| remove(d, "/summary/medications/3/indication"),
            "/summary/medications/3/indication",
        ),
        c(
            "summary.medication.rescue_without_indication",
            E,
            |d| set(d, "/summary/medications/4/indication", json!(" ")),
            "/summary/medications/4/indication",
        ),
        c(
            "summary.history.nicu_discharge_mismatch",
            S,
            |d| set(d, "/summary/clinical/nicu_discharge", json!("2019-06-01")),
            "/summary/clinical/nicu_discharge",
        ),
        c(
            "summary.device.no_settings",
            S,
            |d| set(d, "/summary/devices/1/settings", json!([])),
            "/summary/devices/1/settings",
        ),
        c(
            "summary.diagnosis.icd10_invalid",
            V,
            |d| set(d, "/summary/diagnoses/0/icd10", json!("p91.6")),
            "/summary/diagnoses/0/icd10",
        ),
        c(
            "summary.diagnosis.icd10_invalid",
            V,
            |d| set(d, "/summary/diagnoses/1/icd10", json!("G40-2")),
            "/summary/diagnoses/1/icd10",
        ),
        c(
            "summary.allergies.status_conflict",
            V,
            |d| set(d, "/summary/allergies/status", json!("none_known")),
            "/summary/allergies/status",
        ),
        c(
            "summary.allergies.status_conflict",
            V,
            |d| set(d, "/summary/allergies/items", json!([])),
            "/summary/allergies/items",
        ),
        c(
            "summary.allergies.unknown",
            S,
            |d| set(d, "/summary/allergies/status", json!("unknown")),
            "/summary/allergies/status",
        ),
        c(
            "summary.device.no_settings",
            V,
            |d| set(d, "/summary/devices/1/settings", json!([])),
            "/summary/devices/1/settings",
        ),
        c(
            "summary.device.care_not_recorded",
            V,
            |d| remove(d, "/summary/clinical/care/4"),
            "/summary/devices/2/kind",
        ),
        c(
            "summary.device.care_not_recorded",
            E,
            |d| {
                push(
                    d,
                    "/summary/devices",
                    json!({"kind": "ventilator", "settings": [{"parameter": "ipap_cm_h2o", "value": 12}]}),
                )
            },
            "/summary/devices/3/kind",
        ),
        c(
            "summary.care.device_not_recorded",
            V,
            |d| remove(d, "/summary/devices/1"),
            "/summary/devices",
        ),
        c(
            "summary.medication.no_frequency",
            V,
            |d| remove(d, "/summary/medications/1/times_per_day"),
            "/summary/medications/1",
        ),
        c(
            "summary.medication.tube_route_without_tube",
            E,
            |d| set(d, "/summary/medications/0/route", json!("tube")),
            "/summary/medications/0/route",
        ),
        c(
            "summary.history.overlapping_stays",
            V,
            |d| {
                push(
                    d,
                    "/summary/history",
                    json!({"kind": "admission", "institution": "別の病院", "start": "2021-08-01", "end": "2021-08-10"}),
                )
            },
            "/summary/history/6/start",
        ),
        c(
            "summary.emergency_plan.missing",
            V,
            |d| remove(d, "/summary/emergency_plan"),
            "/summary",
        ),
        c(
            "summary.emergency_plan.no_destination",
            V,
            |d| remove(d, "/summary/emergency_plan/destination"),
            "/summary/emergency_plan",
        ),
        c(
            "summary.emergency_plan.destination_not_hospital",
            V,
            |d| set(d, "/summary/emergency_plan/destination", json!("clinic")),
            "/summary/emergency_plan/destination",
        ),
        c(
            "summary.emergency_plan.situation_missing",
            V,
            |d| remove(d, "/summary/emergency_plan/actions/0"),
            "/summary/emergency_plan/actions",
        ),
        c(
            "summary.emergency_plan.situation_missing",
            E,
            |d| {
                set(
                    d,
                    "/summary/emergency_plan/actions/0/situation",
                    json!("other"),
                )
            },
            "/summary/emergency_plan/actions",
        ),
        c(
            "summary.vital_signs.stale",
            V,
            |d| set(d, "/summary/vital_signs/measured_on", json!("2026-05-26")),
            "/summary/vital_signs/measured_on",
        ),
        c(
            "summary.provenance.missing",
            V,
            |d| remove(d, "/summary/provenance/7"),
            "/summary/provenance",
        ),
        c(
            "summary.provenance.stale",
            V,
            |d| set(d, "/summary/provenance/5/recorded_on", json!("2026-05-26")),
            "/summary/provenance/5/recorded_on",
        ),
        Case {
            code: "summary.timeline.no_first_consultation",
            base: V,
            op: "summary.timeline",
            edit: |d| remove(d, "/summary/history/0"),
            path: "/summary/history",
        },
        Case {
            code: "summary.emergency_view.truncated",
            base: V,
            op: "summary.emergency_view",
            edit: |d| {
                push(
                    d,
                    "/summary/diagnoses",
                    json!({"name": "胃食道逆流症", "icd10": "K21.9"}),
                )
            },
            path: "/summary/diagnoses",
        },
        // Issue 14 points 1–4 (child id, municipality code, consents, version).
        c(
            "summary.child.id_invalid",
            E,
            |d| set(d, "/summary/child/id", json!("-0003")),
            "/summary/child/id",
        ),
        c(
            "summary.child.id_personal",
            E,
            |d| set(d, "/summary/child/id", json!("chigasaki-20170910")),
            "/summary/child/id",
        ),
        c(
            "summary.municipality_code.invalid",
            E,
            |d| set(d, "/summary/child/municipality_code", json!("14207")),
            "/summary/child/municipality_code",
        ),
        c(
            "summary.municipality_code.check_digit",
            E,
            |d| set(d, "/summary/child/municipality_code", json!("142078")),
            "/summary/child/municipality_code",
        ),
        c(
            "summary.municipality_code.missing",
            E,
            |d| remove(d, "/summary/child/municipality_code"),
            "/summary/child/municipality_code",
        ),
        c(
            "summary.consents.none",
            E,
            |d| set(d, "/summary/consents", json!([])),
            "/summary/consents",
        ),
        c(
            "summary.consent.recipient_missing",
            E,
            |d| set(d, "/summary/consents/0/to", json!("care_role")),
            "/summary/consents/0/role",
        ),
        // Issue 14 point 11: the weight doses depend on.
        c(
            "summary.weight.missing",
            V,
            |d| remove(d, "/summary/vital_signs/weight_kg"),
            "/summary/vital_signs/weight_kg",
        ),
        c(
            "summary.weight.implausible",
            V,
            |d| set(d, "/summary/vital_signs/weight_kg", json!(140)),
            "/summary/vital_signs/weight_kg",
        ),
        c(
            "summary.weight.stale",
            V,
            |d| set(d, "/summary/vital_signs/measured_on", json!("2026-08-24")),
            "/summary/vital_signs/measured_on",
        ),
        c(
            "summary.version.old",
            E,
            |d| remove(d, "/version"),
            "/version",
        ),
    ]
}

#[test]
fn every_rule_fails_where_it_should_and_the_clean_example_passes() {
    for case in cases() {
        let clean = example(case.base);
        assert_eq!(
            count(&run(case.op, &clean), case.code),
            0,
            "{} already in the clean {} example",
            case.code,
            case.base
        );
        let mut doc = clean.clone();
        (case.edit)(&mut doc);
        let r = run(case.op, &doc);
        assert!(
            has(&r, case.code, case.path),
            "{} expected at {} ({}): {:#}",
            case.code,
            case.path,
            case.base,
            r["findings"]
        );
        let f = r["findings"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["code"] == case.code)
            .unwrap();
        // Severity and message as written down here, not read back from the rule.
        let (_, severity, ja) = EXPECTED
            .iter()
            .find(|(code, _, _)| *code == case.code)
            .unwrap_or_else(|| panic!("no expected severity and message for {}", case.code));
        assert_eq!(f["severity"], *severity, "{}", case.code);
        let message = f["message_ja"].as_str().unwrap();
        assert!(
            message.starts_with(ja),
            "{}: {message} does not start with {ja}",
            case.code
        );
        assert!(!f["message_en"].as_str().unwrap().is_empty());
        assert_eq!(r["valid"], r["errors"] == 0);
    }
}

#[test]
fn every_summary_rule_has_a_case() {
    let tested: Vec<&str> = cases().iter().map(|c| c.code).collect();
    for rule in summary::RULES {
        assert!(
            tested.contains(&rule.code),
            "no failing case for {}",
            rule.code
        );
        assert!(rule.code.starts_with("summary."), "{}", rule.code);
    }
}

// Boundaries and the passing side of the conditional rules.

#[test]
fn stale_is_more_than_180_days() {
    let mut doc = example(V);
    set(
        &mut doc,
        "/summary/vital_signs/measured_on",
        json!("2026-05-27"),
    );
    set(
        &mut doc,
        "/summary/provenance/5/recorded_on",
        json!("2026-05-27"),
    );
    let r = run("summary.validate", &doc);
    assert_eq!(count(&r, "summary.vital_signs.stale"), 0);
    assert_eq!(count(&r, "summary.provenance.stale"), 0);
    // A newer record of the same part makes an old one harmless.
    let mut doc = example(V);
    set(
        &mut doc,
        "/summary/provenance/5/recorded_on",
        json!("2020-01-01"),
    );
    push(
        &mut doc,
        "/summary/provenance",
        json!({"section": "medications", "role": "nurse", "recorded_on": "2026-11-01"}),
    );
    let r = run("summary.validate", &doc);
    assert_eq!(count(&r, "summary.provenance.stale"), 0);
    assert!(has(
        &r,
        "calendar.date.before_birth",
        "/summary/provenance/5/recorded_on"
    ));
}

#[test]
fn same_day_transfer_is_not_an_overlap_and_ongoing_stays_are() {
    let mut doc = example(V);
    push(
        &mut doc,
        "/summary/history",
        json!({"kind": "admission", "institution": "転院先", "start": "2021-11-30", "end": "2021-12-05"}),
    );
    assert_eq!(
        count(
            &run("summary.validate", &doc),
            "summary.history.overlapping_stays"
        ),
        0
    );
    let mut doc = example(V);
    push(
        &mut doc,
        "/summary/history",
        json!({"kind": "admission", "institution": "入院中", "start": "2026-11-01"}),
    );
    push(
        &mut doc,
        "/summary/history",
        json!({"kind": "admission", "institution": "別の病院", "start": "2026-11-10", "end": "2026-11-12"}),
    );
    let r = run("summary.validate", &doc);
    assert!(
        has(
            &r,
            "summary.history.overlapping_stays",
            "/summary/history/7/start"
        ),
        "{:#}",
        r["findings"]
    );
    // Outpatient visits during a stay are fine.
    let mut doc = example(V);
    push(
        &mut doc,
        "/summary/history",
        json!({"kind": "outpatient", "institution": "眼科", "start": "2021-08-01"}),
    );
    assert_eq!(
        count(
            &run("summary.validate", &doc),
            "summary.history.overlapping_stays"
        ),
        0
    );
}

#[test]
fn a_child_without_care_needs_no_plan_and_unknown_allergy_is_not_a_conflict() {
    let mut doc = example(E);
    set(&mut doc, "/summary/clinical/care", json!([]));
    set(&mut doc, "/summary/devices", json!([]));
    remove(&mut doc, "/summary/emergency_plan");
    set(&mut doc, "/summary/allergies", json!({"status": "unknown"}));
    let r = run("summary.validate", &doc);
    assert_eq!(
        count(&r, "summary.emergency_plan.missing"),
        0,
        "{:#}",
        r["findings"]
    );
    assert_eq!(count(&r, "summary.allergies.status_conflict"), 0);
    assert_eq!(count(&r, "summary.allergies.unknown"), 1);
    assert_eq!(r["errors"], 0, "{:#}", r["findings"]);
}

#[test]
fn a_phone_on_the_alternative_line_is_enough() {
    let mut doc = example(V);
    remove(&mut doc, "/summary/emergency_contacts/1/phone");
    let r = run("summary.validate", &doc);
    assert_eq!(count(&r, "summary.emergency_contact.no_phone"), 0);
}

#[test]
fn care_rules_of_the_clinical_profile_run_under_summary_clinical() {
    let mut doc = example(V);
    set(
        &mut doc,
        "/summary/clinical/care/0/hours_per_day",
        json!(25),
    );
    set(&mut doc, "/summary/clinical/care/5/watch", json!("high"));
    let r = run("summary.validate", &doc);
    let care: Vec<&Value> = r["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["code"].as_str().unwrap().starts_with("care."))
        .collect();
    assert!(
        care.iter()
            .any(|f| f["path"] == "/summary/clinical/care/0/hours_per_day"),
        "{care:#?}"
    );
    assert!(
        care.iter()
            .all(|f| f["path"].as_str().unwrap().starts_with("/summary/clinical")),
        "{care:#?}"
    );
    assert_eq!(r["valid"], false);
}

#[test]
fn unknown_fields_are_refused_at_their_path() {
    let mut doc = example(V);
    set(&mut doc, "/summary/child/nickname", json!("x"));
    let r = run("summary.validate", &doc);
    assert_eq!(codes(&r), vec!["input.unknown_field"]);
    assert_eq!(r["findings"][0]["path"], "/summary/child/nickname");
    let mut doc = example(V);
    set(
        &mut doc,
        "/summary/devices/0/settings/0/parameter",
        json!("pip"),
    );
    let r = run("summary.validate", &doc);
    assert_eq!(codes(&r), vec!["input.unknown_value"]);
    assert_eq!(
        r["findings"][0]["path"],
        "/summary/devices/0/settings/0/parameter"
    );
}

#[test]
fn validate_result_reports_age_care_kinds_and_unrecorded_parts() {
    let r = run("summary.validate", &example(S));
    assert_eq!(r["result"]["age"], json!({"years": 7, "months": 8}));
    assert_eq!(
        r["result"]["care_kinds"],
        json!(["oxygen", "suctioning", "tube_feeding"])
    );
    assert_eq!(r["result"]["unrecorded_sections"], json!([]));
    let mut doc = example(S);
    set(&mut doc, "/summary/provenance", json!([]));
    let r = run("summary.validate", &doc);
    // One finding for the document, naming the twelve parts (issue 14 point 12).
    assert_eq!(count(&r, "summary.provenance.missing"), 1);
    assert_eq!(
        r["result"]["unrecorded_sections"].as_array().unwrap().len(),
        12
    );
}

#[test]
fn care_kinds_are_sorted_and_unique() {
    let doc: SummaryRequest = serde_json::from_value(example(V)).unwrap();
    let kinds = doc.summary.care_kinds();
    use kyoten_core::care::CareKind as K;
    assert_eq!(
        kinds,
        vec![
            K::Ventilator,
            K::Tracheostomy,
            K::Suctioning,
            K::Nebulizer,
            K::TubeFeeding,
            K::PositionChange
        ]
    );
}

#[test]
fn nicu_discharge_without_a_nicu_stay_in_the_history_is_not_a_mismatch() {
    let mut doc = example(S);
    remove(&mut doc, "/summary/history/0");
    let r = run("summary.validate", &doc);
    assert_eq!(count(&r, "summary.history.nicu_discharge_mismatch"), 0);
}

#[test]
fn short_stay_grounds_come_from_the_clinical_profile() {
    use kyoten_core::care::ShortStayGround as G;
    let on = |label| {
        let req: SummaryRequest = serde_json::from_value(example(label)).unwrap();
        req.summary.short_stay_grounds(req.as_of)
    };
    // By hand: Oshima cell 1 and medical care score 42; cell 3 and 24; none; score 28.
    assert_eq!(
        on(V),
        vec![G::SevereMotorIntellectual, G::MedicalCareScore16]
    );
    assert_eq!(
        on(S),
        vec![G::SevereMotorIntellectual, G::MedicalCareScore16]
    );
    assert_eq!(on(E), Vec::<G>::new());
    assert_eq!(on(L), vec![G::MedicalCareScore16]);
}

/// Every summary rule's severity and Japanese message, written down as a nurse reads them
/// (not taken from `summary::RULES`): a change to either must change this table too.
const EXPECTED: &[(&str, &str, &str)] = &[
    (
        "summary.emergency_view.truncated",
        "info",
        "一画面に収めるため一部を省略しました",
    ),
    ("summary.field.empty", "error", "必須項目が空です"),
    // The calendar's date rules, shared by every document (one code per condition).
    ("calendar.date.before_birth", "error", "日付 20"),
    ("calendar.date.after_as_of", "error", "日付 20"),
    (
        "summary.date.end_before_start",
        "error",
        "終了日（退院日）が開始日（入院日）より前です",
    ),
    ("summary.value.out_of_range", "error", "値が範囲外です"),
    (
        "summary.value.range_inverted",
        "error",
        "下限が上限より大きくなっています",
    ),
    (
        "summary.kana.not_kana",
        "error",
        "ふりがなは全角のひらがな又はカタカナで書いてください",
    ),
    (
        "summary.kana.mixed_scripts",
        "warning",
        "ふりがなにひらがなとカタカナが混在しています",
    ),
    (
        "summary.phone.invalid",
        "warning",
        "電話番号の形が正しくありません（半角数字10〜11桁）",
    ),
    (
        "summary.emergency_contacts.none",
        "error",
        "緊急連絡先がありません",
    ),
    (
        "summary.emergency_contact.no_phone",
        "error",
        "緊急連絡先に電話番号がありません",
    ),
    (
        "summary.guardians.none",
        "warning",
        "保護者の記載がありません",
    ),
    (
        "summary.guardian.no_phone",
        "warning",
        "保護者に電話番号がありません",
    ),
    (
        "summary.care_team.duplicate_id",
        "error",
        "支援チームの id が重複しています",
    ),
    (
        "summary.care_team.no_phone",
        "warning",
        "支援チームの連絡先に電話番号がありません",
    ),
    (
        "summary.care_team.no_primary_hospital",
        "warning",
        "支援チームに主治医療機関がありません",
    ),
    (
        "summary.ref.unknown_member",
        "error",
        "支援チームにない id を参照しています",
    ),
    (
        "summary.duplicate_entry",
        "warning",
        "同じ内容が重複しています",
    ),
    ("summary.diagnoses.none", "warning", "診断名がありません"),
    (
        "summary.diagnoses.multiple_primary",
        "warning",
        "主病名が複数あります",
    ),
    (
        "summary.diagnoses.no_primary",
        "warning",
        "主病名の指定がありません",
    ),
    (
        "summary.diagnosis.icd10_invalid",
        "error",
        "ICD-10 コードの形が正しくありません（例 G80 又は G80.0）",
    ),
    (
        "summary.allergies.status_conflict",
        "error",
        "アレルギーの有無と一覧が矛盾しています",
    ),
    (
        "summary.allergies.unknown",
        "warning",
        "アレルギーの有無が未確認です",
    ),
    (
        "summary.device.no_settings",
        "warning",
        "救急時に必要な機器の設定（サイズ等）がありません",
    ),
    (
        "summary.device.care_not_recorded",
        "warning",
        "機器に対応する医療的ケアが記載されていません（スコアに数えられません）",
    ),
    (
        "summary.care.device_not_recorded",
        "warning",
        "医療的ケアに使う機器が記載されていません",
    ),
    (
        "summary.medication.no_frequency",
        "warning",
        "服薬の回数（定時）又は頓用の指定がありません",
    ),
    (
        "summary.medication.rescue_without_indication",
        "warning",
        "緊急時に使う薬に使用条件（いつ使うか）がありません",
    ),
    (
        "summary.medication.tube_route_without_tube",
        "warning",
        "経管投与の薬がありますが、経管栄養の機器が記載されていません",
    ),
    (
        "summary.history.overlapping_stays",
        "warning",
        "入院期間が重なっています",
    ),
    (
        "summary.history.nicu_discharge_mismatch",
        "warning",
        "NICU 退院日が受診・入院歴の NICU 入院の終了日と一致しません",
    ),
    (
        "summary.emergency_plan.missing",
        "warning",
        "医療的ケアのある子に緊急時の対応計画がありません",
    ),
    (
        "summary.emergency_plan.no_destination",
        "warning",
        "緊急時の搬送先がありません",
    ),
    (
        "summary.emergency_plan.destination_not_hospital",
        "warning",
        "搬送先が病院（主治医療機関又は救急時の搬送先病院）ではありません",
    ),
    (
        "summary.emergency_plan.situation_missing",
        "warning",
        "医療的ケアから起こりうる場面の対応が計画にありません",
    ),
    (
        "summary.vital_signs.stale",
        "warning",
        "平常時のバイタルサインが古くなっています",
    ),
    (
        "summary.provenance.missing",
        "warning",
        "記録者と記録日のない区分があります",
    ),
    (
        "summary.provenance.stale",
        "warning",
        "変わりやすい区分の記録が古くなっています",
    ),
    (
        "summary.timeline.no_first_consultation",
        "warning",
        "障害年金の請求に必要な初診日が受診歴にありません",
    ),
    (
        "summary.child.id_invalid",
        "error",
        "対象児 id の形が正しくありません（半角英数字と . _ : - で64文字まで、英数字で始める）",
    ),
    (
        "summary.child.id_personal",
        "warning",
        "対象児 id に個人情報（生年月日・電話番号・氏名）らしいものが含まれています。個人を表さない番号にしてください",
    ),
    (
        "summary.municipality_code.invalid",
        "error",
        "全国地方公共団体コードの形が正しくありません",
    ),
    (
        "summary.municipality_code.check_digit",
        "error",
        "全国地方公共団体コードの検査数字（6桁目）が合いません。写し間違いがないか確認してください",
    ),
    (
        "summary.municipality_code.missing",
        "warning",
        "全国地方公共団体コードがありません（市町村別の集計に必要です）",
    ),
    (
        "summary.consents.none",
        "warning",
        "情報提供についての同意の記録がありません（要配慮個人情報のため、外部に出す操作は同意なしと報告します）",
    ),
    (
        "summary.consent.recipient_missing",
        "error",
        "同意の相手の指定がありません（to に合わせて member・role・institution のいずれかが必要です）",
    ),
    (
        "summary.weight.missing",
        "warning",
        "薬が記録されていますが体重がありません（用量の確認に必要です）",
    ),
    (
        "summary.weight.implausible",
        "error",
        "体重がこの年齢ではありえない値です（",
    ),
    (
        "summary.weight.stale",
        "warning",
        "用量の確認に使う体重が古くなっています",
    ),
    (
        "summary.version.old",
        "info",
        "古い版の文書として読みました（document.upgrade で更新できます）",
    ),
];

#[test]
fn the_expected_table_covers_every_summary_rule() {
    for rule in summary::RULES {
        assert!(
            EXPECTED.iter().any(|(code, _, _)| *code == rule.code),
            "{} has no expected severity and message",
            rule.code
        );
    }
    // Plus the calendar's two date rules, which the summary uses.
    assert_eq!(
        EXPECTED.len(),
        summary::RULES.len() + kyoten_core::calendar::DATE_RULES.len()
    );
}
