//! Child ids, municipality codes, consents, document versions and `document.upgrade`
//! (issue 14 points 1–4). Expected values are literals worked out by hand.

use kyoten_core::calendar::IsoDate;
use kyoten_core::finding::Path;
use kyoten_core::ops;
use kyoten_core::summary::consent::{ConsentStatus, ConsentUse, Recipient, consent_covers};
use kyoten_core::summary::{CareRole, Match, SummaryRequest, same_child};
use serde_json::{Value, json};
use std::path::PathBuf;

fn examples_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../schemas/examples")
}

fn example(label: &str) -> Value {
    let p = examples_dir().join(format!("summary-request.{label}.json"));
    serde_json::from_str(&std::fs::read_to_string(p).unwrap()).unwrap()
}

fn run(op: &str, doc: &Value) -> Value {
    let out = ops::run(op, doc.to_string().as_bytes()).expect("operation exists");
    serde_json::from_str(&out.json).unwrap()
}

fn found(report: &Value, code: &str, path: &str) -> bool {
    report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .any(|f| f["code"] == code && f["path"] == path)
}

fn count(report: &Value, code: &str) -> usize {
    report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["code"] == code)
        .count()
}

fn d(s: &str) -> IsoDate {
    IsoDate::parse(s).unwrap()
}

fn req(doc: &Value) -> SummaryRequest {
    serde_json::from_value(doc.clone()).unwrap()
}

const ID: &str = "/summary/child/id";
const CODE: &str = "/summary/child/municipality_code";

// ------------------------------------------------------------------ child id

#[test]
fn a_plain_hub_number_is_a_clean_child_id() {
    let r = run("summary.validate", &example("epilepsy-walks"));
    assert_eq!(r["errors"], 0);
    assert!(!found(&r, "summary.child.id_invalid", ID));
    assert!(!found(&r, "summary.child.id_personal", ID));
}

#[test]
fn a_child_id_of_the_wrong_shape_is_an_error() {
    for bad in ["", "-0017", "高橋-1", "a b", "a/b"] {
        let mut doc = example("epilepsy-walks");
        doc["summary"]["child"]["id"] = json!(bad);
        let r = run("summary.validate", &doc);
        assert!(found(&r, "summary.child.id_invalid", ID), "{bad}");
        assert_eq!(r["valid"], false, "{bad}");
    }
}

#[test]
fn a_child_id_holding_the_birth_date_phone_or_name_is_warned() {
    // Born 2017-09-10, kana たかはし れん, mother's phone 090-7777-8888.
    for (id, part) in [
        ("chigasaki-20170910", "生年月日"),
        ("c-170910-1", "生年月日"),
        ("c:2017-09-10", "生年月日"),
        ("tel-090-7777-8888", "電話番号"),
        ("09077778888", "電話番号"),
        ("takahashi-01", "氏名（ローマ字）"),
        ("chigasaki:ren:1", "氏名（ローマ字）"),
    ] {
        let mut doc = example("epilepsy-walks");
        doc["summary"]["child"]["id"] = json!(id);
        let r = run("summary.validate", &doc);
        let f = r["findings"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["code"] == "summary.child.id_personal")
            .unwrap_or_else(|| panic!("{id}: {:#}", r["findings"]));
        assert_eq!(f["path"], ID);
        assert_eq!(f["severity"], "warning");
        assert!(f["message_ja"].as_str().unwrap().contains(part), "{id}");
        // The message never echoes the id itself.
        assert!(!f["message_ja"].as_str().unwrap().contains(id), "{id}");
    }
    // "parent" contains "ren" but not as a segment of its own: no warning.
    let mut doc = example("epilepsy-walks");
    doc["summary"]["child"]["id"] = json!("parent-2026-0003");
    assert!(!found(
        &run("summary.validate", &doc),
        "summary.child.id_personal",
        ID
    ));
}

#[test]
fn a_version_2_summary_without_a_child_id_cannot_be_read() {
    let mut doc = example("epilepsy-walks");
    doc["summary"]["child"]
        .as_object_mut()
        .unwrap()
        .remove("id");
    let r = run("summary.validate", &doc);
    assert!(found(&r, "input.missing_field", ID), "{:#}", r["findings"]);
}

// ------------------------------------------------------------------ same_child

#[test]
fn same_child_by_id_then_by_birth_sex_municipality_and_kana() {
    let a = req(&example("epilepsy-walks")).summary.child;
    assert_eq!(same_child(&a, &a.clone()), Match::Same);
    // Another hub numbered the same boy: katakana kana, spaces, same code.
    let mut b = a.clone();
    b.id.0 = "kyoten:odawara:2026-0099".into();
    b.kana = "タカハシ　レン".into();
    b.municipality = "茅ヶ崎市".into(); // name written differently; the codes decide
    assert_eq!(same_child(&a, &b), Match::Possible);
    // His twin brother: same birth date, sex and municipality, other kana.
    let mut twin = b.clone();
    twin.kana = "たかはし かい".into();
    assert_eq!(same_child(&a, &twin), Match::Different);
    // Same kana, different birth date.
    let mut other = b.clone();
    other.date_of_birth = d("2017-09-11");
    assert_eq!(same_child(&a, &other), Match::Different);
    // Without codes on one side the names are compared (white space ignored).
    let mut no_code = b.clone();
    no_code.municipality_code = None;
    no_code.municipality = "神奈川県 茅ヶ崎市".into();
    assert_eq!(same_child(&a, &no_code), Match::Possible);
    no_code.municipality = "茅ヶ崎市".into();
    assert_eq!(same_child(&a, &no_code), Match::Different);
}

// ------------------------------------------------------------------ municipality code

#[test]
fn municipality_codes_of_the_examples_pass_and_a_miscopied_digit_fails() {
    // 茅ヶ崎市 142077: 1·6 + 4·5 + 2·4 + 0·3 + 7·2 = 48, 48 mod 11 = 4, 11 − 4 = 7.
    let r = run("summary.validate", &example("epilepsy-walks"));
    assert!(!found(&r, "summary.municipality_code.check_digit", CODE));
    for (code, rule) in [
        ("142076", "summary.municipality_code.check_digit"),
        ("142707", "summary.municipality_code.check_digit"), // two digits swapped
        ("14207", "summary.municipality_code.invalid"),
        ("482017", "summary.municipality_code.invalid"),
    ] {
        let mut doc = example("epilepsy-walks");
        doc["summary"]["child"]["municipality_code"] = json!(code);
        let r = run("summary.validate", &doc);
        assert!(found(&r, rule, CODE), "{code}: {:#}", r["findings"]);
        assert_eq!(r["valid"], false);
    }
}

#[test]
fn a_missing_municipality_code_is_a_warning() {
    let mut doc = example("epilepsy-walks");
    doc["summary"]["child"]
        .as_object_mut()
        .unwrap()
        .remove("municipality_code");
    let r = run("summary.validate", &doc);
    assert!(found(&r, "summary.municipality_code.missing", CODE));
    assert_eq!(r["errors"], 0);
    assert_eq!(r["warnings"], 1);
}

// ------------------------------------------------------------------ consent

#[test]
fn consent_covers_uses_recipients_and_dates() {
    // epilepsy-walks: emergency (any medical institution), sharing + conference
    // (care team), statistics (hub); all given 2026-04-05.
    let r = req(&example("epilepsy-walks"));
    let s = &r.summary;
    let on = d("2026-11-23");
    assert_eq!(
        consent_covers(s, ConsentUse::EmergencySheet, None, on),
        ConsentStatus::Covered { index: 0 }
    );
    assert_eq!(
        consent_covers(
            s,
            ConsentUse::EmergencyCare,
            Some(&Recipient::EmergencyMedical),
            on
        ),
        ConsentStatus::Covered { index: 0 }
    );
    assert_eq!(
        consent_covers(
            s,
            ConsentUse::InformationSharing,
            Some(&Recipient::Member("school")),
            on
        ),
        ConsentStatus::Covered { index: 1 }
    );
    assert_eq!(
        consent_covers(
            s,
            ConsentUse::InformationSharing,
            Some(&Recipient::Role(CareRole::School)),
            on
        ),
        ConsentStatus::Covered { index: 1 }
    );
    // Not a member of the team, and no role in it.
    assert_eq!(
        consent_covers(
            s,
            ConsentUse::InformationSharing,
            Some(&Recipient::Member("nobody")),
            on
        ),
        ConsentStatus::NotCovered
    );
    assert_eq!(
        consent_covers(
            s,
            ConsentUse::InformationSharing,
            Some(&Recipient::Role(CareRole::Pharmacy)),
            on
        ),
        ConsentStatus::NotCovered
    );
    // Statistics go to the hub only.
    assert_eq!(
        consent_covers(s, ConsentUse::Statistics, Some(&Recipient::Hub), on),
        ConsentStatus::Covered { index: 2 }
    );
    assert_eq!(
        consent_covers(
            s,
            ConsentUse::Statistics,
            Some(&Recipient::Member("school")),
            on
        ),
        ConsentStatus::NotCovered
    );
    // No consent for FHIR or research.
    assert_eq!(
        consent_covers(s, ConsentUse::FhirExport, None, on),
        ConsentStatus::NotCovered
    );
    // Before the consent was given.
    assert_eq!(
        consent_covers(s, ConsentUse::EmergencySheet, None, d("2026-04-04")),
        ConsentStatus::NotCovered
    );
}

#[test]
fn fhir_export_to_one_member_only() {
    let r = req(&example("ventilated-tracheostomy-gastrostomy"));
    let s = &r.summary;
    let primary = s
        .care_team
        .iter()
        .find(|m| m.role == CareRole::PrimaryHospital)
        .unwrap();
    let other = s
        .care_team
        .iter()
        .find(|m| m.role != CareRole::PrimaryHospital)
        .unwrap();
    let on = d("2026-11-23");
    assert_eq!(
        consent_covers(
            s,
            ConsentUse::FhirExport,
            Some(&Recipient::Member(&primary.id)),
            on
        ),
        ConsentStatus::Covered { index: 2 }
    );
    assert_eq!(
        consent_covers(
            s,
            ConsentUse::FhirExport,
            Some(&Recipient::Role(CareRole::PrimaryHospital)),
            on
        ),
        ConsentStatus::Covered { index: 2 }
    );
    assert_eq!(
        consent_covers(
            s,
            ConsentUse::FhirExport,
            Some(&Recipient::Member(&other.id)),
            on
        ),
        ConsentStatus::NotCovered
    );
}

#[test]
fn withdrawn_and_expired_consents() {
    // leap-day: research for 県立こども医療センター 臨床研究部, given 2026-07-01,
    // withdrawn 2026-10-01.
    let r = req(&example("leap-day-cchs-walks"));
    let s = &r.summary;
    let lab = Recipient::Institution("県立こども医療センター　臨床研究部");
    assert_eq!(
        consent_covers(s, ConsentUse::Research, Some(&lab), d("2026-09-30")),
        ConsentStatus::Covered { index: 2 }
    );
    let st = consent_covers(s, ConsentUse::Research, Some(&lab), d("2026-10-01"));
    assert_eq!(
        st,
        ConsentStatus::Withdrawn {
            index: 2,
            on: d("2026-10-01")
        }
    );
    let f = st
        .finding(ConsentUse::Research, &Path::root().key("summary"))
        .unwrap();
    assert_eq!(f.code, "consent.withdrawn");
    assert_eq!(f.path, "/summary/consents/2/withdrawn_on");
    assert_eq!(
        f.message_en(),
        "The consent for this use has been withdrawn (research, withdrawn on 2026-10-01)"
    );
    // Role-scoped: the public-health nurse only.
    assert!(
        consent_covers(
            s,
            ConsentUse::InformationSharing,
            Some(&Recipient::Role(CareRole::PublicHealthNurse)),
            d("2026-11-23")
        )
        .is_covered()
    );
    assert!(
        !consent_covers(
            s,
            ConsentUse::InformationSharing,
            Some(&Recipient::Role(CareRole::School)),
            d("2026-11-23")
        )
        .is_covered()
    );

    // tube-feeding: sharing valid through 2027-05-31.
    let r = req(&example("tube-feeding-oxygen-sits"));
    let s = &r.summary;
    assert!(consent_covers(s, ConsentUse::InformationSharing, None, d("2027-05-31")).is_covered());
    let st = consent_covers(s, ConsentUse::InformationSharing, None, d("2027-06-01"));
    assert_eq!(
        st,
        ConsentStatus::Expired {
            index: 1,
            on: d("2027-05-31")
        }
    );
    assert_eq!(
        st.finding(
            ConsentUse::InformationSharing,
            &Path::root().key("summaries").index(3)
        )
        .unwrap()
        .path,
        "/summaries/3/consents/1/expires_on"
    );
}

#[test]
fn no_consent_at_all() {
    let mut doc = example("epilepsy-walks");
    doc["summary"]["consents"] = json!([]);
    let r = req(&doc);
    let st = consent_covers(
        &r.summary,
        ConsentUse::EmergencySheet,
        None,
        d("2026-11-23"),
    );
    assert_eq!(st, ConsentStatus::NoneRecorded);
    let f = st
        .finding(ConsentUse::EmergencySheet, &Path::root().key("summary"))
        .unwrap();
    assert_eq!(
        (f.code.as_str(), f.path.as_str()),
        ("consent.none", "/summary/consents")
    );
    assert_eq!(f.severity, kyoten_core::Severity::Warning);
    let v = run("summary.validate", &doc);
    assert!(found(&v, "summary.consents.none", "/summary/consents"));
    assert_eq!(v["errors"], 0);
}

#[test]
fn a_consent_must_name_its_recipient_and_be_dated_sensibly() {
    let mut doc = example("epilepsy-walks");
    doc["summary"]["consents"] = json!([
        { "uses": ["fhir_export"], "to": "care_team_member", "given_on": "2026-04-05", "given_by": "mother" },
        { "uses": ["research"], "to": "institution", "institution": " ", "given_on": "2026-04-05", "given_by": "father" },
        { "uses": [], "to": "care_role", "given_on": "2026-04-05", "given_by": "mother" },
        { "uses": ["statistics"], "to": "care_team_member", "member": "nobody", "given_on": "2026-04-05", "given_by": "mother", "withdrawn_on": "2026-04-01" }
    ]);
    let r = run("summary.validate", &doc);
    assert!(found(
        &r,
        "summary.consent.recipient_missing",
        "/summary/consents/0/member"
    ));
    assert!(found(
        &r,
        "summary.consent.recipient_missing",
        "/summary/consents/1/institution"
    ));
    assert!(found(
        &r,
        "summary.consent.recipient_missing",
        "/summary/consents/2/role"
    ));
    assert!(found(&r, "summary.field.empty", "/summary/consents/2/uses"));
    assert!(found(
        &r,
        "summary.ref.unknown_member",
        "/summary/consents/3/member"
    ));
    assert!(found(
        &r,
        "summary.date.end_before_start",
        "/summary/consents/3/withdrawn_on"
    ));
    assert_eq!(count(&r, "summary.consent.recipient_missing"), 3);
}

// ------------------------------------------------------------------ versions

#[test]
fn unknown_versions_are_refused_and_absent_means_1() {
    let mut doc = example("epilepsy-walks");
    doc["version"] = json!(3);
    let r = run("summary.validate", &doc);
    assert!(
        found(&r, "input.invalid_value", "/version"),
        "{:#}",
        r["findings"]
    );
    doc["version"] = json!(0);
    assert!(found(
        &run("summary.validate", &doc),
        "input.invalid_value",
        "/version"
    ));
    doc["version"] = json!(1);
    let r = run("summary.validate", &doc);
    assert!(found(&r, "summary.version.old", "/version"));
    doc.as_object_mut().unwrap().remove("version");
    let r = run("summary.validate", &doc);
    assert!(found(&r, "summary.version.old", "/version"));
    assert_eq!(r["errors"], 0);
    doc["version"] = json!(2);
    assert!(!found(
        &run("summary.validate", &doc),
        "summary.version.old",
        "/version"
    ));
}

// ------------------------------------------------------------------ document.upgrade

/// Removes what version 2 added: `version`, the child id, the municipality code, consents.
fn to_version_1(doc: &mut Value) {
    let o = doc.as_object_mut().unwrap();
    o.remove("version");
    if let Some(s) = o.get_mut("summary").and_then(Value::as_object_mut) {
        s.remove("consents");
        if let Some(c) = s.get_mut("child").and_then(Value::as_object_mut) {
            c.remove("id");
            c.remove("municipality_code");
        }
    }
}

#[test]
fn every_example_upgrades_from_version_1_and_then_validates() {
    let mut n = 0;
    for entry in std::fs::read_dir(examples_dir()).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if !name.ends_with(".json") || name.starts_with("upgrade-request.") {
            continue;
        }
        let original: Value =
            serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        assert_eq!(original["version"], 2, "{name}");
        let mut old = original.clone();
        to_version_1(&mut old);
        let r = run("document.upgrade", &json!({ "document": old }));
        let res = &r["result"];
        assert_eq!(res["from_version"], 1, "{name}");
        assert_eq!(res["to_version"], 2, "{name}");
        assert!(
            found(&r, "upgrade.field_added", "/document/version"),
            "{name}"
        );
        let mut upgraded = res["document"].clone();
        assert_eq!(upgraded["version"], 2, "{name}");
        let is_summary = name.starts_with("summary-request.");
        if is_summary {
            // Exactly one thing needs a person: the child id, never made up.
            assert_eq!(r["errors"], 1, "{name}: {:#}", r["findings"]);
            assert!(found(
                &r,
                "upgrade.field_needed",
                "/document/summary/child/id"
            ));
            let messages = |code: &str| -> Vec<(String, String)> {
                r["findings"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .filter(|f| f["code"] == code)
                    .map(|f| {
                        (
                            f["message_ja"].as_str().unwrap().to_owned(),
                            f["message_en"].as_str().unwrap().to_owned(),
                        )
                    })
                    .collect()
            };
            let m = |ja: &str, en: &str| (ja.to_owned(), en.to_owned());
            assert_eq!(
                messages("upgrade.field_needed"),
                [m(
                    "新しい版で必須の項目（対象児 id）です。拠点で決めて記入してください（自動では付けません）",
                    "The new version requires this field (child id); the hub must assign and fill it in (it is never made up)"
                )]
            );
            assert_eq!(
                messages("upgrade.field_available"),
                [
                    m(
                        "新しい版で記入できる項目（全国地方公共団体コード）です",
                        "The new version has this field (municipality code); worth filling in"
                    ),
                    m(
                        "新しい版で記入できる項目（情報提供についての同意）です",
                        "The new version has this field (consents to share the summary); worth filling in"
                    )
                ]
            );
            assert_eq!(
                messages("upgrade.field_added"),
                [m(
                    "新しい版に合わせて項目を加えました（版 1 → 2）",
                    "A field was added for the new version (version 1 → 2)"
                )]
            );
            assert_eq!(res["needs_input"], json!(["/summary/child/id"]));
            assert!(upgraded["summary"]["child"].get("id").is_none());
            assert!(found(
                &r,
                "upgrade.field_available",
                "/document/summary/child/municipality_code"
            ));
            assert!(found(
                &r,
                "upgrade.field_available",
                "/document/summary/consents"
            ));
            // The hub fills in what it knows; then the document is the original.
            upgraded["summary"]["child"]["id"] = original["summary"]["child"]["id"].clone();
            upgraded["summary"]["child"]["municipality_code"] =
                original["summary"]["child"]["municipality_code"].clone();
            upgraded["summary"]["consents"] = original["summary"]["consents"].clone();
        } else {
            assert_eq!(r["errors"], 0, "{name}: {:#}", r["findings"]);
            assert_eq!(res["needs_input"], json!([]));
        }
        assert_eq!(upgraded, original, "{name}");
        let stem = name.split('.').next().unwrap();
        let mut ran = 0;
        for op in ops::operations().filter(|o| o.input_stem() == stem) {
            let v = run(op.name, &upgraded);
            assert_eq!(v["errors"], 0, "{name} {}: {:#}", op.name, v["findings"]);
            ran += 1;
        }
        assert!(ran > 0, "{name}");
        n += 1;
    }
    assert!(n >= 20, "only {n} examples");
}

#[test]
fn upgrade_reads_the_type_from_schema_and_refuses_what_it_cannot_read() {
    let mut doc = example("epilepsy-walks");
    let r = run("document.upgrade", &json!({ "document": doc.clone() }));
    assert_eq!(r["result"]["type"], "summary-request");
    assert!(found(&r, "upgrade.already_current", "/document"));
    let f = r["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["code"] == "upgrade.already_current")
        .unwrap();
    assert_eq!(f["message_ja"], "すでに最新の版（版 2）です");
    assert_eq!(
        f["message_en"],
        "The document is already in the current version (version 2)"
    );
    assert_eq!(r["result"]["document"], doc);
    assert_eq!(r["errors"], 0);

    doc.as_object_mut().unwrap().remove("$schema");
    let r = run("document.upgrade", &json!({ "document": doc.clone() }));
    assert!(found(&r, "upgrade.type_unknown", "/type"));
    assert!(r.get("result").is_none());
    let r = run(
        "document.upgrade",
        &json!({ "type": "summary-request", "document": doc.clone() }),
    );
    assert_eq!(r["result"]["type"], "summary-request");

    doc["version"] = json!(7);
    let r = run(
        "document.upgrade",
        &json!({ "type": "summary-request", "document": doc }),
    );
    assert!(found(&r, "upgrade.version_unknown", "/document/version"));
    let f = r["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["code"] == "upgrade.version_unknown")
        .unwrap();
    assert_eq!(
        f["message_ja"],
        "この版の文書は扱えません（扱える版は 1〜2）"
    );
    assert_eq!(
        f["message_en"],
        "This library does not know the document's version (known versions: 1–2)"
    );

    let r = run(
        "document.upgrade",
        &json!({ "type": "plan", "document": [1, 2] }),
    );
    assert!(found(&r, "upgrade.not_object", "/document"));
    let r = run(
        "document.upgrade",
        &json!({ "type": "letter", "document": {} }),
    );
    assert!(
        found(&r, "input.unknown_value", "/type"),
        "{:#}",
        r["findings"]
    );
}

#[test]
fn every_document_type_of_the_table_is_known_to_the_upgrade() {
    let mut stems: Vec<String> = ops::operations().map(|o| o.input_stem()).collect();
    stems.sort();
    stems.dedup();
    let mut known: Vec<String> = kyoten_core::upgrade::DocumentType::ALL
        .iter()
        .map(|t| t.stem().to_owned())
        .collect();
    known.sort();
    assert_eq!(known, stems);
}
