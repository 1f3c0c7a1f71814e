//! Issue 14 points 10–12: the emergency view's fixes (when to give a rescue medicine,
//! the form once, the device supplier's phone, tube sizes as written), weight
//! plausibility, and missing provenance reported once. Expected values are literals.

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
    let out = ops::run(op, doc.to_string().as_bytes()).unwrap();
    serde_json::from_str(&out.json).unwrap()
}

fn section(view: &Value, i: usize) -> Vec<String> {
    view["result"]["sections"][i]["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap().to_owned())
        .collect()
}

fn findings<'a>(r: &'a Value, code: &str) -> Vec<&'a Value> {
    r["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["code"] == code)
        .collect()
}

const V: &str = "ventilated-tracheostomy-gastrostomy";
const MEDS: usize = 6;
const AIRWAY: usize = 4;
const CONTACTS: usize = 9;

// ------------------------------------------------------------------ point 10

#[test]
fn a_rescue_medicine_says_when_to_give_it_and_its_form_once() {
    let r = run("summary.emergency_view", &example(V));
    assert_eq!(
        section(&r, MEDS)[0],
        "【緊急時】ジアゼパム坐剤 4mg（痙攣が5分以上続くとき）"
    );
    // A brand name without the form: the route is written once.
    let mut doc = example(V);
    doc["summary"]["medications"][3]["name"] = json!("ダイアップ");
    let r = run("summary.emergency_view", &doc);
    assert_eq!(
        section(&r, MEDS)[0],
        "【緊急時】ダイアップ 4mg 坐剤（痙攣が5分以上続くとき）"
    );
    // Without an indication there is nothing to add (and validation warns).
    let mut doc = example(V);
    doc["summary"]["medications"][3]
        .as_object_mut()
        .unwrap()
        .remove("indication");
    let r = run("summary.emergency_view", &doc);
    assert_eq!(section(&r, MEDS)[0], "【緊急時】ジアゼパム坐剤 4mg");
    // Regular medicines keep their route and times.
    assert_eq!(
        section(&r, MEDS)[1],
        "レベチラセタム ドライシロップ 150mg 経管 1日2回"
    );
}

#[test]
fn the_supplier_is_in_the_contacts_when_the_plan_says_to_call_it() {
    let r = run("summary.emergency_view", &example(V));
    let contacts = section(&r, CONTACTS);
    assert_eq!(
        contacts,
        vec![
            "搬送先 県立こども医療センター 045-711-0001",
            "主治医 県立こども医療センター 新生児科 中村 医師 045-711-0002",
            "母 佐藤 由美 090-1111-2222",
            "機器業者 人工呼吸器 在宅医療機器サービス 0120-000-111",
            "父 佐藤 健一 080-3333-4444",
            "祖母 田村 和子 046-211-5555",
        ],
        "{contacts:?}"
    );
    assert_eq!(r["result"]["sections"][CONTACTS]["omitted"], 0);
    assert!(findings(&r, "summary.emergency_view.truncated").is_empty());

    // The device's own emergency line comes before the team member's phone.
    let mut doc = example(V);
    doc["summary"]["devices"][0]["supplier_phone"] = json!("0120-999-000");
    let r = run("summary.emergency_view", &doc);
    assert_eq!(
        section(&r, CONTACTS)[3],
        "機器業者 人工呼吸器 在宅医療機器サービス 0120-999-000"
    );

    // A plan that never calls the supplier: no supplier line, five contacts.
    let mut doc = example(V);
    doc["summary"]["emergency_plan"]["actions"] = json!([
        { "situation": "seizure", "action": "5分以上続けばジアゼパム坐剤4mg挿入" }
    ]);
    let r = run("summary.emergency_view", &doc);
    let contacts = section(&r, CONTACTS);
    assert!(
        !contacts.iter().any(|c| c.starts_with("機器業者")),
        "{contacts:?}"
    );
    assert_eq!(contacts.len(), 5);
}

#[test]
fn tube_sizes_are_written_as_on_the_tube() {
    let mut doc = example(V);
    doc["summary"]["devices"][1]["settings"][0]["value"] = json!(4.0);
    let r = run("summary.emergency_view", &doc);
    let tube = &section(&r, AIRWAY)[1];
    assert!(tube.contains("内径 4.0mm"), "{tube}");
    assert!(!tube.contains("内径 4mm"), "{tube}");
    // 4.5 stays 4.5, and other settings are not padded (長さ 5cm).
    let r = run("summary.emergency_view", &example(V));
    let tube = &section(&r, AIRWAY)[1];
    assert!(tube.contains("内径 4.5mm 長さ 5cm"), "{tube}");
}

// ------------------------------------------------------------------ point 11

#[test]
fn an_impossible_weight_for_the_age_is_an_error() {
    // The leap-day child is made three on the day she was weighed (2026-10-30):
    // bounds 0.4 × 11.0 = 4.4 kg and 2 × 19.8 = 39.6 kg.
    let mut doc = example("leap-day-cchs-walks");
    doc["summary"]["child"]["date_of_birth"] = json!("2023-10-30");
    for (w, bad) in [
        (140.0, true),
        (39.7, true),
        (39.6, false),
        (4.4, false),
        (4.3, true),
        (11.0, false),
    ] {
        doc["summary"]["vital_signs"]["weight_kg"] = json!(w);
        let r = run("summary.validate", &doc);
        let f = findings(&r, "summary.weight.implausible");
        assert_eq!(f.len(), usize::from(bad), "{w}: {:#}", r["findings"]);
        if bad {
            assert_eq!(f[0]["path"], "/summary/vital_signs/weight_kg");
            assert_eq!(f[0]["severity"], "error");
            assert_eq!(
                f[0]["message_en"],
                format!(
                    "The weight is impossible for the child's age ({w} kg; 4.4–39.6 kg at age 3; probably a typing slip)"
                )
            );
        }
    }
    // A severely disabled 9-year-old far below the curves (9 kg) is not flagged:
    // 0.4 × 21.0 = 8.4 kg.
    let mut doc = example("epilepsy-walks");
    doc["summary"]["vital_signs"]["weight_kg"] = json!(9.0);
    assert!(findings(&run("summary.validate", &doc), "summary.weight.implausible").is_empty());
    doc["summary"]["vital_signs"]["weight_kg"] = json!(8.3);
    assert_eq!(
        findings(&run("summary.validate", &doc), "summary.weight.implausible").len(),
        1
    );
}

#[test]
fn a_missing_or_old_weight_is_warned_only_when_medicines_depend_on_it() {
    // Medicines and no weight.
    let mut doc = example(V);
    doc["summary"]["vital_signs"]
        .as_object_mut()
        .unwrap()
        .remove("weight_kg");
    let r = run("summary.validate", &doc);
    assert_eq!(
        findings(&r, "summary.weight.missing")[0]["path"],
        "/summary/vital_signs/weight_kg"
    );
    doc["summary"]
        .as_object_mut()
        .unwrap()
        .remove("vital_signs");
    let r = run("summary.validate", &doc);
    assert_eq!(
        findings(&r, "summary.weight.missing")[0]["path"],
        "/summary/vital_signs"
    );
    // No medicines (the leap-day child): no warning without a weight.
    let mut doc = example("leap-day-cchs-walks");
    doc["summary"]["vital_signs"]
        .as_object_mut()
        .unwrap()
        .remove("weight_kg");
    assert!(findings(&run("summary.validate", &doc), "summary.weight.missing").is_empty());

    // The ventilated boy is 5 on 2026-11-23: 90 days. 2026-08-25 is 90 days before.
    let mut doc = example(V);
    doc["summary"]["vital_signs"]["measured_on"] = json!("2026-08-25");
    assert!(findings(&run("summary.validate", &doc), "summary.weight.stale").is_empty());
    doc["summary"]["vital_signs"]["measured_on"] = json!("2026-08-24");
    let r = run("summary.validate", &doc);
    let f = findings(&r, "summary.weight.stale");
    assert_eq!(f.len(), 1);
    assert_eq!(
        f[0]["message_ja"],
        "用量の確認に使う体重が古くなっています（91 日前、5 歳は 90 日まで）"
    );
    // The 9-year-old (epilepsy-walks): 180 days; weighed 2026-09-30 is 54 days before.
    assert!(
        findings(
            &run("summary.validate", &example("epilepsy-walks")),
            "summary.weight.stale"
        )
        .is_empty()
    );
}

// ------------------------------------------------------------------ point 12

#[test]
fn missing_provenance_is_reported_once_unless_strict() {
    let mut doc = example(V);
    doc["summary"]["provenance"] = json!([]);
    let r = run("summary.validate", &doc);
    let f = findings(&r, "summary.provenance.missing");
    assert_eq!(f.len(), 1, "{:#}", r["findings"]);
    assert_eq!(f[0]["path"], "/summary/provenance");
    assert_eq!(
        f[0]["message_en"],
        "Some parts have no record of who wrote them and when (12 parts: child, contacts, diagnoses, clinical profile, devices, medications, allergies, vaccinations, vital signs, care team, history, emergency plan)"
    );
    doc["strict_provenance"] = json!(true);
    let r = run("summary.validate", &doc);
    let f = findings(&r, "summary.provenance.missing");
    assert_eq!(f.len(), 12);
    assert_eq!(
        f[0]["message_en"],
        "Some parts have no record of who wrote them and when (child)"
    );
    // Everything recorded: nothing either way.
    let mut doc = example(V);
    doc["strict_provenance"] = json!(true);
    assert!(findings(&run("summary.validate", &doc), "summary.provenance.missing").is_empty());
}
