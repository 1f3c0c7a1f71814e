//! `summary.to_fhir` and `summary.from_fhir`: round trips, extension stripping, JP Core
//! constraints, JP-CLINS-style bundles and hostile bundles.

use kyoten_core::fhir::{FhirImportRequest, from_fhir, to_fhir};
use kyoten_core::summary::SummaryRequest;
use serde_json::{Value, json};
use std::path::PathBuf;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn summary_examples() -> Vec<(String, SummaryRequest)> {
    let dir = root().join("schemas/examples");
    let mut out = Vec::new();
    for e in std::fs::read_dir(&dir).unwrap() {
        let p = e.unwrap().path();
        let name = p.file_name().unwrap().to_string_lossy().to_string();
        if name.starts_with("summary-request.") && name.ends_with(".json") {
            let text = std::fs::read_to_string(&p).unwrap();
            out.push((name, serde_json::from_str(&text).unwrap()));
        }
    }
    out.sort_by(|a, b| a.0.cmp(&b.0));
    assert!(out.len() >= 4, "the summary examples are there");
    out
}

fn import(bundle: Value, as_of: Option<&str>) -> kyoten_core::ops::Computed<SummaryRequest> {
    from_fhir(&FhirImportRequest {
        schema: None,
        version: None,
        child_id: None,
        as_of: as_of.map(|d| kyoten_core::calendar::IsoDate::parse(d).unwrap()),
        bundle,
    })
}

fn without_schema(mut r: SummaryRequest) -> SummaryRequest {
    r.schema = None;
    r
}

#[test]
fn every_summary_example_round_trips() {
    for (name, req) in summary_examples() {
        let bundle = to_fhir(&req);
        let back = import(bundle, None);
        let codes: Vec<&str> = back.findings.iter().map(|f| f.code.as_str()).collect();
        // Only the note that scores are recomputed.
        assert_eq!(
            codes,
            vec!["fhir.import.derived_skipped"],
            "{name}: {:#?}",
            back.findings
        );
        let got = serde_json::to_value(back.result.unwrap()).unwrap();
        let want = serde_json::to_value(without_schema(req)).unwrap();
        assert_eq!(got, want, "{name}");
    }
}

fn example(name: &str) -> Value {
    let p = root().join("schemas/examples").join(name);
    serde_json::from_str(&std::fs::read_to_string(p).unwrap()).unwrap()
}

fn biggest() -> SummaryRequest {
    serde_json::from_value(example(
        "summary-request.ventilated-tracheostomy-gastrostomy.json",
    ))
    .unwrap()
}

fn run(op: &str, input: &Value) -> Value {
    let out = kyoten_core::ops::run(op, input.to_string().as_bytes()).unwrap();
    serde_json::from_str(&out.json).unwrap()
}

fn codes(findings: &[kyoten_core::Finding]) -> Vec<(String, String)> {
    findings
        .iter()
        .map(|f| (f.code.clone(), f.path.clone()))
        .collect()
}

fn walk<'a>(v: &'a Value, key: &str, out: &mut Vec<&'a Value>) {
    match v {
        Value::Object(m) => {
            for (k, x) in m {
                if k == key {
                    out.push(x);
                }
                walk(x, key, out);
            }
        }
        Value::Array(a) => a.iter().for_each(|x| walk(x, key, out)),
        _ => {}
    }
}

#[test]
fn the_export_is_byte_identical_for_the_same_input() {
    let req = example("summary-request.ventilated-tracheostomy-gastrostomy.json");
    let a = kyoten_core::ops::run("summary.to_fhir", req.to_string().as_bytes()).unwrap();
    let b = kyoten_core::ops::run("summary.to_fhir", req.to_string().as_bytes()).unwrap();
    assert_eq!(a.json, b.json);
    assert!(a.valid);
}

fn export_findings(req: &Value) -> Vec<(String, String)> {
    run("summary.to_fhir", req)["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["code"].as_str().unwrap().to_owned(),
                f["path"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

/// The export asks domain-a's `consent_covers` for the use `fhir_export`: the example's
/// three consents (emergency sheet/care, information sharing/conference, statistics)
/// cover other uses, so it is not covered; a fourth consent for `fhir_export` covers it;
/// withdrawn on 2026-09-01 (before the as-of day 2026-11-20) it is reported withdrawn.
#[test]
fn the_export_reports_consent_and_child_id() {
    let mut req = example("summary-request.epilepsy-walks.json");
    let pair = |c: &str, p: &str| (c.to_owned(), p.to_owned());
    assert_eq!(
        export_findings(&req),
        vec![pair("consent.not_covered", "/summary/consents")]
    );
    req["summary"]["consents"].as_array_mut().unwrap().push(json!(
        {"uses": ["fhir_export"], "to": "care_team", "given_on": "2026-04-05", "given_by": "father"}
    ));
    assert_eq!(export_findings(&req), vec![]);
    req["summary"]["consents"][3]["withdrawn_on"] = json!("2026-09-01");
    assert_eq!(
        export_findings(&req),
        vec![pair(
            "consent.withdrawn",
            "/summary/consents/3/withdrawn_on"
        )]
    );
    req["summary"]["consents"][3]
        .as_object_mut()
        .unwrap()
        .remove("withdrawn_on");
    req["summary"]["child"]["id"] = json!("");
    let got = export_findings(&req);
    assert!(
        got.contains(&pair("fhir.export.no_child_id", "/summary/child")),
        "{got:?}"
    );
    let b = run("summary.to_fhir", &req);
    assert_eq!(
        b["result"]["entry"][1]["resource"]["resourceType"],
        "Patient"
    );
    assert!(
        b["result"]["entry"][1]["resource"]
            .get("identifier")
            .is_none()
    );
}

#[test]
fn every_reference_resolves_inside_the_bundle() {
    for (name, req) in summary_examples() {
        let b = to_fhir(&req);
        let urls: Vec<&str> = b["entry"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["fullUrl"].as_str().unwrap())
            .collect();
        let mut sorted = urls.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(sorted.len(), urls.len(), "{name}: fullUrls are unique");
        let mut refs = Vec::new();
        walk(&b, "reference", &mut refs);
        assert!(refs.len() > 20, "{name}");
        // Consent.provision.actor.reference is a Reference object: its own
        // `reference` string is collected by the walk too.
        for r in refs.iter().filter_map(|r| r.as_str()) {
            assert!(urls.contains(&r), "{name}: {r} dangles");
        }
    }
}

/// JP Core JP_Patient (jp-core-v1x `input/fsh/profiles/JP_Patient.fsh`): `name only
/// JP_HumanName`, kanji and kana told apart by `iso21090-EN-representation` (IDE, SYL);
/// birthDate as YYYY-MM-DD; gender from AdministrativeGender. JP-CLINS: a document Bundle
/// whose first entry is the Composition, every entry with a fullUrl.
#[test]
fn the_bundle_follows_the_cited_jp_core_and_jp_clins_constraints() {
    let b = to_fhir(&biggest());
    assert_eq!(b["resourceType"], "Bundle");
    assert_eq!(b["type"], "document");
    assert_eq!(b["timestamp"], "2026-11-23T00:00:00+09:00");
    let entries = b["entry"].as_array().unwrap();
    assert_eq!(entries[0]["resource"]["resourceType"], "Composition");
    for e in entries {
        assert!(e["fullUrl"].as_str().unwrap().starts_with("urn:uuid:"));
    }
    let patient = &entries[1]["resource"];
    assert_eq!(patient["resourceType"], "Patient");
    assert_eq!(
        patient["meta"]["profile"][0],
        "http://jpfhir.jp/fhir/core/StructureDefinition/JP_Patient"
    );
    let repr = |n: &Value| n["extension"][0]["valueCode"].as_str().unwrap().to_owned();
    assert_eq!(
        patient["name"][0]["extension"][0]["url"],
        "http://hl7.org/fhir/StructureDefinition/iso21090-EN-representation"
    );
    assert_eq!(repr(&patient["name"][0]), "IDE");
    assert_eq!(patient["name"][0]["text"], "佐藤 陽向");
    assert_eq!(patient["name"][0]["family"], "佐藤");
    assert_eq!(patient["name"][0]["given"][0], "陽向");
    assert_eq!(repr(&patient["name"][1]), "SYL");
    assert_eq!(patient["name"][1]["text"], "さとう ひなた");
    assert_eq!(patient["birthDate"], "2021-06-14");
    assert_eq!(patient["gender"], "male");
    // JP_Patient `identifier 1..`: the hub's child id, with kyoten's system.
    assert_eq!(
        patient["identifier"],
        json!([{"system": "https://kyoten.example/fhir/sid/child-id", "value": "kyoten:atsugi:2025-0041"}])
    );
    assert_eq!(
        patient["address"][0]["extension"],
        json!([{"url": "https://kyoten.example/fhir/StructureDefinition/municipality-code", "valueCode": "142123"}])
    );
    // Composition sections in "where to look first" order.
    let titles: Vec<&str> = entries[0]["resource"]["section"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["code"]["coding"][0]["code"].as_str().unwrap())
        .collect();
    assert_eq!(
        titles,
        vec![
            "child",
            "diagnoses",
            "medical-care",
            "medications",
            "allergies",
            "emergency-plan",
            "contacts",
            "history",
            "vaccinations",
            "vital-signs",
            "scores"
        ]
    );
}

#[test]
fn scores_are_observations_with_their_items_as_components() {
    let b = to_fhir(&biggest());
    let obs: Vec<&Value> = b["entry"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| &e["resource"])
        .filter(|r| r["id"] == "score-super-severe")
        .collect();
    assert_eq!(obs.len(), 1);
    let o = obs[0];
    assert_eq!(
        o["code"]["coding"][0]["system"],
        "https://kyoten.example/fhir/CodeSystem/score"
    );
    let total = o["valueInteger"].as_i64().unwrap();
    let parts: i64 = o["component"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["valueInteger"].as_i64().unwrap())
        .sum();
    assert_eq!(total, parts);
    // ventilator 10 + tracheostomy 8 + suctioning ≥ 8/day 8 + nebuliser 6/day 3 +
    // gastrostomy 5 + position changes 6/day 3 (super-severe score table).
    assert_eq!(total, 37);
}

/// Removes every extension whose url is kyoten's own, at any depth.
fn strip_kyoten_extensions(v: &mut Value) {
    match v {
        Value::Object(m) => {
            if let Some(Value::Array(list)) = m.get_mut("extension") {
                list.retain(|e| {
                    !e["url"]
                        .as_str()
                        .unwrap_or_default()
                        .starts_with("https://kyoten.example/")
                });
                if list.is_empty() {
                    m.remove("extension");
                }
            }
            m.values_mut().for_each(strip_kyoten_extensions);
        }
        Value::Array(a) => a.iter_mut().for_each(strip_kyoten_extensions),
        _ => {}
    }
}

#[test]
fn without_kyoten_extensions_the_core_facts_still_come_back() {
    for (name, req) in summary_examples() {
        let mut b = to_fhir(&req);
        strip_kyoten_extensions(&mut b);
        let back = import(b, None).result.unwrap().summary;
        let s = &req.summary;
        assert_eq!(back.child.name, s.child.name, "{name}");
        assert_eq!(back.child.kana, s.child.kana, "{name}");
        assert_eq!(back.child.date_of_birth, s.child.date_of_birth, "{name}");
        assert_eq!(back.child.sex, s.child.sex, "{name}");
        let diag = |d: &[kyoten_core::summary::Diagnosis]| {
            d.iter()
                .map(|d| (d.name.clone(), d.icd10.clone(), d.diagnosed_on))
                .collect::<Vec<_>>()
        };
        assert_eq!(diag(&back.diagnoses), diag(&s.diagnoses), "{name}");
        assert_eq!(back.allergies.status, s.allergies.status, "{name}");
        let al = |a: &[kyoten_core::summary::Allergy]| {
            a.iter()
                .map(|a| (a.substance.clone(), a.severity, a.reaction.clone()))
                .collect::<Vec<_>>()
        };
        assert_eq!(al(&back.allergies.items), al(&s.allergies.items), "{name}");
        let med = |m: &[kyoten_core::summary::Medication]| {
            m.iter()
                .map(|m| {
                    (
                        m.name.clone(),
                        m.dose.clone(),
                        m.route,
                        m.times_per_day,
                        m.as_needed,
                    )
                })
                .collect::<Vec<_>>()
        };
        assert_eq!(med(&back.medications), med(&s.medications), "{name}");
        assert_eq!(back.guardians.len(), s.guardians.len(), "{name}");
        let contact = |c: &[kyoten_core::summary::Contact]| {
            c.iter()
                .map(|c| {
                    (
                        c.name.clone(),
                        c.kana.clone(),
                        c.relationship,
                        c.phone.clone(),
                        c.phone_alt.clone(),
                    )
                })
                .collect::<Vec<_>>()
        };
        assert_eq!(contact(&back.guardians), contact(&s.guardians), "{name}");
        assert_eq!(
            contact(&back.emergency_contacts),
            contact(&s.emergency_contacts),
            "{name}"
        );
    }
}

#[test]
fn a_jp_clins_discharge_summary_reads_into_a_summary_with_findings() {
    let req: FhirImportRequest = serde_json::from_value(example(
        "fhir-import-request.jp-clins-discharge-summary.json",
    ))
    .unwrap();
    let got = from_fhir(&req);
    let e = |s: &str| (s.to_owned(), String::new());
    let _ = e;
    let expect: Vec<(String, String)> = [
        (
            "fhir.import.element_not_mapped",
            "/bundle/entry/0/resource/section/0/section/0/text",
        ),
        (
            "fhir.import.element_not_mapped",
            "/bundle/entry/0/resource/encounter",
        ),
        (
            "fhir.import.element_not_mapped",
            "/bundle/entry/1/resource/identifier/0",
        ),
        (
            "fhir.import.resource_not_mapped",
            "/bundle/entry/2/resource",
        ),
        (
            "fhir.import.element_not_mapped",
            "/bundle/entry/3/resource/identifier/0",
        ),
        (
            "fhir.import.undisclosed_condition",
            "/bundle/entry/6/resource",
        ),
        (
            "fhir.import.coding_unmapped",
            "/bundle/entry/8/resource/medicationCodeableConcept/coding/0",
        ),
        (
            "fhir.import.element_not_mapped",
            "/bundle/entry/8/resource/authoredOn",
        ),
        (
            "fhir.import.element_not_mapped",
            "/bundle/entry/8/resource/dispenseRequest",
        ),
        (
            "fhir.import.element_not_mapped",
            "/bundle/entry/8/resource/identifier",
        ),
    ]
    .iter()
    .map(|(c, p)| (c.to_string(), p.to_string()))
    .collect();
    assert_eq!(codes(&got.findings), expect);
    let r = got.result.unwrap();
    assert_eq!(r.as_of.to_string(), "2026-10-30");
    let s = serde_json::to_value(&r.summary).unwrap();
    assert_eq!(
        s["child"],
        json!({"id": "kyoten:odawara:2026-0032", "name": "山田 ひかり", "kana": "ヤマダ ヒカリ", "sex": "female",
               "date_of_birth": "2026-07-02", "municipality": "神奈川県小田原市"})
    );
    assert_eq!(
        s["diagnoses"],
        json!([{"name": "早産児（在胎32週）", "icd10": "P07.3", "primary": false, "diagnosed_on": "2026-07-02"}])
    );
    assert_eq!(
        s["medications"],
        json!([{"name": "ウルソデオキシコール酸", "dose": "1回 10mg 1日3回 経管", "route": "tube",
                "times_per_day": 3, "as_needed": false, "rescue": false}])
    );
    assert_eq!(
        s["allergies"],
        json!({"status": "present", "items": [{"substance": "バンコマイシン", "category": "drug", "severity": "moderate", "reaction": "全身の発赤"}]})
    );
    assert_eq!(
        s["history"],
        json!([{"kind": "admission", "institution": "県立こども医療センター", "member": "org-1", "start": "2026-07-02", "end": "2026-10-30"}])
    );
    assert_eq!(
        s["care_team"],
        json!([{"id": "org-1", "role": "other", "organisation": "県立こども医療センター", "phone": "045-711-2351"}])
    );
}

#[test]
fn an_undisclosed_condition_never_reaches_the_emergency_view() {
    let input = example("fhir-import-request.jp-clins-discharge-summary.json");
    let imported = run("summary.from_fhir", &input);
    let summary = imported["result"].clone();
    assert_eq!(summary["summary"]["diagnoses"].as_array().unwrap().len(), 1);
    let view = run("summary.emergency_view", &summary).to_string();
    assert!(view.contains("早産児"), "the disclosed diagnosis is shown");
    assert!(!view.contains("未告知の病名"), "the undisclosed one is not");
    assert!(!imported["result"].to_string().contains("未告知の病名"));
}

#[test]
fn a_jp_clins_6_information_collection_reads_with_contained_patient() {
    let req: FhirImportRequest =
        serde_json::from_value(example("fhir-import-request.jp-clins-6-information.json")).unwrap();
    let got = from_fhir(&req);
    let expect: Vec<(String, String)> = [
        (
            "fhir.import.element_not_mapped",
            "/bundle/entry/0/resource/contained/0/identifier/0",
        ),
        (
            "fhir.import.extension_unknown",
            "/bundle/entry/0/resource/extension/0",
        ),
        (
            "fhir.import.element_not_mapped",
            "/bundle/entry/0/resource/identifier",
        ),
        (
            "fhir.import.coding_unmapped",
            "/bundle/entry/1/resource/code/coding/0",
        ),
        (
            "fhir.import.resource_not_mapped",
            "/bundle/entry/2/resource",
        ),
    ]
    .iter()
    .map(|(c, p)| (c.to_string(), p.to_string()))
    .collect();
    assert_eq!(codes(&got.findings), expect);
    let s = serde_json::to_value(got.result.unwrap()).unwrap();
    assert_eq!(s["as_of"], "2026-11-20");
    assert_eq!(s["summary"]["child"]["kana"], "スズキ ソラ");
    assert_eq!(s["summary"]["child"]["municipality"], "神奈川県平塚市");
    assert_eq!(
        s["summary"]["diagnoses"],
        json!([{"name": "脳性麻痺", "primary": false, "diagnosed_on": "2019-10-01"}])
    );
    assert_eq!(
        s["summary"]["allergies"]["items"],
        json!([{"substance": "鶏卵", "category": "food", "severity": "mild", "reaction": "じんましん"}])
    );
}

#[test]
fn not_a_bundle_and_unknown_codes_are_findings() {
    let got = import(json!({"resourceType": "Patient"}), None);
    assert_eq!(
        codes(&got.findings),
        vec![("fhir.import.not_a_bundle".to_owned(), "/bundle".to_owned())]
    );
    assert!(got.result.is_none());
    let mut b = to_fhir(&biggest());
    // The first care item (a Procedure) with a code kyoten's care-kind system lacks.
    let entries = b["entry"].as_array_mut().unwrap();
    let i = entries
        .iter()
        .position(|e| e["resource"]["id"] == "care-0")
        .unwrap();
    entries[i]["resource"]["code"]["coding"][0]["code"] = json!("levitation");
    let got = import(b, None);
    assert!(codes(&got.findings).contains(&(
        "fhir.import.code_unknown".to_owned(),
        format!("/bundle/entry/{i}/resource/code/coding/0/code")
    )));
}

#[test]
fn hostile_bundles_get_findings_not_crashes() {
    // 10,000 entries of a resource type the summary has no place for.
    let mut entries: Vec<Value> = (0..10_000)
        .map(|i| json!({"fullUrl": format!("urn:uuid:{i}"), "resource": {"resourceType": "Basic", "id": format!("b{i}")}}))
        .collect();
    entries.insert(0, json!({"resource": {"resourceType": "Patient", "name": [{"text": "a"}, {"text": "あ"}], "birthDate": "2020-01-01", "address": [{"text": "x"}]}}));
    let input = json!({"as_of": "2026-01-01", "bundle": {"resourceType": "Bundle", "type": "collection", "entry": entries}});
    let bytes = input.to_string();
    assert!(bytes.len() < 16 * 1024 * 1024);
    let out = kyoten_core::ops::run("summary.from_fhir", bytes.as_bytes()).unwrap();
    assert!(!out.valid);
    assert!(out.json.contains("fhir.import.too_many_entries"));
    assert!(
        out.json
            .contains("Bundle の entry が多すぎます（上限 5000）。上限より後は読んでいません")
    );
    assert!(out.json.contains(
        "The Bundle has too many entries (at most 5000); those past the limit were not read"
    ));
    assert!(out.json.contains("report.findings_truncated"));

    // Cyclic and dangling references.
    let cyc = json!({"as_of": "2026-01-01", "bundle": {"resourceType": "Bundle", "type": "collection", "entry": [
        {"fullUrl": "urn:uuid:p", "resource": {"resourceType": "Patient", "name": [{"text": "a"}, {"text": "あ"}], "birthDate": "2020-01-01", "address": [{"text": "x"}]}},
        {"fullUrl": "urn:uuid:a", "resource": {"resourceType": "PractitionerRole", "organization": {"reference": "urn:uuid:b"}, "practitioner": {"reference": "urn:uuid:a"}}},
        {"fullUrl": "urn:uuid:b", "resource": {"resourceType": "PractitionerRole", "organization": {"reference": "urn:uuid:a"}, "practitioner": {"reference": "urn:uuid:b"}}},
        {"fullUrl": "urn:uuid:c", "resource": {"resourceType": "Condition", "code": {"text": "x"}, "subject": {"reference": "urn:uuid:nowhere"}}}
    ]}});
    let r = run("summary.from_fhir", &cyc);
    assert!(r.to_string().contains("fhir.import.reference_broken"));
    assert_eq!(r["result"]["summary"]["diagnoses"][0]["name"], "x");

    // Deep extensions: 100 levels read without recursion trouble; 200 levels exceed
    // the reader's nesting limit and are an input finding.
    for (depth, ok) in [(60usize, true), (200, false)] {
        let mut e = json!({"url": "x", "valueString": "y"});
        for _ in 0..depth {
            e = json!({"url": "x", "extension": [e]});
        }
        let deep = json!({"as_of": "2026-01-01", "bundle": {"resourceType": "Bundle", "type": "collection", "entry": [
            {"resource": {"resourceType": "Patient", "extension": [e], "name": [{"text": "a"}, {"text": "あ"}], "birthDate": "2020-01-01", "address": [{"text": "x"}]}}
        ]}});
        let out = kyoten_core::ops::run("summary.from_fhir", deep.to_string().as_bytes()).unwrap();
        if ok {
            assert!(
                out.json.contains("fhir.import.extension_unknown"),
                "{depth}"
            );
        } else {
            assert!(out.json.contains("input.too_deep"), "{depth}");
        }
    }

    // A huge string: read, never echoed in a message.
    let huge = "あ".repeat(2_000_000);
    let big = json!({"as_of": "2026-01-01", "bundle": {"resourceType": "Bundle", "type": "collection", "entry": [
        {"resource": {"resourceType": "Patient", "name": [{"text": huge}, {"text": "あ"}], "birthDate": "2020-01-01", "address": [{"text": "x"}], "nickname": huge}}
    ]}});
    let r = run("summary.from_fhir", &big);
    for f in r["findings"].as_array().unwrap() {
        assert!(f["message_ja"].as_str().unwrap().len() < 400);
    }
    assert_eq!(
        r["result"]["summary"]["child"]["name"]
            .as_str()
            .unwrap()
            .len(),
        6_000_000
    );
}

/// The fuzz target's property on its seeds and on cut and altered copies of them: any
/// bytes give a report; a summary read from FHIR survives its own round trip.
#[test]
fn fuzz_seeds_and_their_mutations_keep_the_round_trip_property() {
    let dir = root().join("fuzz/seeds/fhir_import");
    let mut inputs: Vec<Vec<u8>> = Vec::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let bytes = std::fs::read(e.unwrap().path()).unwrap();
        for cut in [
            bytes.len() / 3,
            bytes.len() / 2,
            bytes.len().saturating_sub(1),
        ] {
            inputs.push(bytes[..cut].to_vec());
        }
        let text = String::from_utf8(bytes.clone()).unwrap();
        for (from, to) in [
            ("\"reference\"", "\"display\""),
            ("urn:uuid:", "urn:uuid:x"),
            ("\"Patient\"", "\"Person\""),
            ("\"valueCoding\"", "\"valueCode\""),
            ("\"2", "\"x"),
        ] {
            inputs.push(text.replace(from, to).into_bytes());
        }
        inputs.push(bytes);
    }
    let op = kyoten_core::ops::find("summary.from_fhir").unwrap();
    for data in inputs {
        let out = (op.run)(&data, &kyoten_core::input::Limits::default());
        let v: Value = serde_json::from_str(&out.json).unwrap();
        assert_eq!(out.valid, v["errors"] == 0);
        let Ok(bundle) = serde_json::from_slice::<Value>(&data) else {
            continue;
        };
        let got = import(bundle, None);
        if let Some(summary) = got.result {
            let again = import(to_fhir(&summary), None);
            assert_eq!(again.result.as_ref(), Some(&summary));
        }
    }
}

#[test]
fn the_remaining_import_rules_fire_where_they_should() {
    let b = json!({"resourceType": "Bundle", "type": "searchset", "entry": [
        {"fullUrl": "urn:uuid:p1", "resource": {"resourceType": "Patient",
            "meta": {"profile": ["http://example.org/fhir/StructureDefinition/OtherPatient"]},
            "name": [{"text": "a"}], "birthDate": "2020-01-01", "address": [{"text": "x"}]}},
        {"fullUrl": "urn:uuid:p2", "resource": {"resourceType": "Patient", "birthDate": "2020-01-01"}},
        {"fullUrl": "urn:uuid:i", "resource": {"resourceType": "Immunization", "status": "completed",
            "vaccineCode": {"text": "x"}, "patient": {"reference": "urn:uuid:p1"}, "occurrenceDateTime": "soon"}}
    ]});
    let got = import(b, None);
    let expect: Vec<(String, String)> = [
        ("fhir.import.bundle_type", "/bundle/type"),
        (
            "fhir.import.no_child_id",
            "/bundle/entry/0/resource/identifier",
        ),
        ("fhir.import.missing", "/bundle/entry/0/resource/name"),
        (
            "fhir.import.profile_unknown",
            "/bundle/entry/0/resource/meta/profile/0",
        ),
        ("fhir.import.many_patients", "/bundle/entry/1/resource"),
        (
            "fhir.import.value_invalid",
            "/bundle/entry/2/resource/occurrenceDateTime",
        ),
        (
            "fhir.import.missing",
            "/bundle/entry/2/resource/occurrenceDateTime",
        ),
        ("fhir.import.no_as_of", "/bundle/timestamp"),
    ]
    .iter()
    .map(|(c, p)| (c.to_string(), p.to_string()))
    .collect();
    assert_eq!(codes(&got.findings), expect);
    assert!(got.result.is_none());
    // The first patient has a name but no kana: the message says which; a missing date
    // says nothing more.
    let missing: Vec<(String, String)> = got
        .findings
        .iter()
        .filter(|f| f.code == "fhir.import.missing")
        .map(|f| (f.message_ja(), f.message_en()))
        .collect();
    assert_eq!(
        missing,
        [
            (
                "情報集約に必要な項目がありません（ふりがな）".to_owned(),
                "A fact the summary needs is missing (kana)".to_owned()
            ),
            (
                "情報集約に必要な項目がありません".to_owned(),
                "A fact the summary needs is missing".to_owned()
            )
        ]
    );
}

#[test]
fn patient_contacts_of_an_emr_become_emergency_contacts() {
    let b = json!({"resourceType": "Bundle", "type": "collection", "timestamp": "2026-01-05T09:00:00+09:00", "entry": [
        {"resource": {"resourceType": "Patient", "name": [{"text": "a"}, {"text": "あ"}], "birthDate": "2020-01-01",
            "address": [{"text": "x"}], "identifier": [{"system": "https://kyoten.example/fhir/sid/child-id", "value": "c-1"}],
            "contact": [{"relationship": [{"coding": [{"system": "http://terminology.hl7.org/CodeSystem/v2-0131", "code": "C"}]}],
                         "name": {"text": "母"}, "telecom": [{"system": "phone", "value": "090-0000-0000"}]}]}}
    ]});
    let got = import(b, None);
    assert_eq!(codes(&got.findings), vec![]);
    let s = serde_json::to_value(got.result.unwrap()).unwrap();
    assert_eq!(s["as_of"], "2026-01-05");
    assert_eq!(
        s["summary"]["emergency_contacts"],
        json!([{"name": "母", "relationship": "other", "phone": "090-0000-0000"}])
    );
}

#[test]
fn an_invalid_summary_is_exported_with_its_errors() {
    let mut req = example("summary-request.epilepsy-walks.json");
    req["summary"]["clinical"]["iq"] = json!(250);
    let report = run("summary.to_fhir", &req);
    assert_eq!(report["valid"], false);
    let codes: Vec<&str> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["code"].as_str().unwrap())
        .collect();
    assert_eq!(
        codes,
        // Document order: the clinical profile comes before the consents.
        vec!["care.quotient.out_of_range", "consent.not_covered"]
    );
    assert_eq!(report["result"]["resourceType"], "Bundle");
}

#[test]
fn a_third_name_is_reported_not_dropped() {
    let b = json!({"resourceType": "Bundle", "type": "collection", "timestamp": "2026-01-05T09:00:00+09:00", "entry": [
        {"resource": {"resourceType": "Patient", "name": [{"text": "a"}, {"text": "あ"}, {"text": "旧姓"}],
            "birthDate": "2020-01-01", "address": [{"text": "x"}],
            "identifier": [{"system": "https://kyoten.example/fhir/sid/child-id", "value": "c-1"}]}}
    ]});
    let got = import(b, None);
    assert_eq!(
        codes(&got.findings),
        vec![(
            "fhir.import.element_not_mapped".to_owned(),
            "/bundle/entry/0/resource/name/2".to_owned()
        )]
    );
    let s = got.result.unwrap().summary;
    assert_eq!((s.child.name.as_str(), s.child.kana.as_str()), ("a", "あ"));
}

/// The third consent of the largest example (fhir_export, to the care-team member
/// `kodomo`, given 2026-10-15 by the mother) as a FHIR Consent, element by element; a
/// foreign Consent without kyoten's codes is reported, not guessed.
#[test]
fn a_consent_becomes_a_fhir_consent_and_a_foreign_one_is_reported() {
    let b = to_fhir(&biggest());
    let c = b["entry"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| &e["resource"])
        .find(|r| r["id"] == "consent-2")
        .unwrap();
    assert_eq!(c["resourceType"], "Consent");
    assert_eq!(c["status"], "active");
    assert_eq!(c["scope"]["coding"][0]["code"], "patient-privacy");
    assert_eq!(c["category"][0]["coding"][0]["code"], "59284-0");
    assert_eq!(c["dateTime"], "2026-10-15");
    assert_eq!(c["provision"]["type"], "permit");
    assert_eq!(c["provision"]["period"], json!({"start": "2026-10-15"}));
    assert_eq!(
        c["provision"]["purpose"][0]["system"],
        "https://kyoten.example/fhir/CodeSystem/consent-use"
    );
    assert_eq!(c["provision"]["purpose"][0]["code"], "fhir_export");
    let actor = &c["provision"]["actor"][0];
    assert_eq!(actor["role"]["coding"][0]["code"], "care_team_member");
    assert_eq!(actor["reference"]["identifier"]["value"], "kodomo");
    assert!(
        actor["reference"]["reference"]
            .as_str()
            .unwrap()
            .starts_with("urn:uuid:")
    );
    assert_eq!(c["extension"][0]["valueCoding"]["code"], "mother");

    let foreign = json!({"resourceType": "Bundle", "type": "collection", "timestamp": "2026-01-05T09:00:00+09:00", "entry": [
        {"resource": {"resourceType": "Patient", "name": [{"text": "a"}, {"text": "あ"}], "birthDate": "2020-01-01",
            "address": [{"text": "x"}], "identifier": [{"system": "https://kyoten.example/fhir/sid/child-id", "value": "c-1"}]}},
        {"resource": {"resourceType": "Consent", "status": "active", "dateTime": "2025-04-01",
            "provision": {"type": "permit", "purpose": [{"system": "http://terminology.hl7.org/CodeSystem/v3-ActReason", "code": "TREAT"}]}}}
    ]});
    let got = import(foreign, None);
    assert_eq!(
        codes(&got.findings),
        vec![
            (
                "fhir.import.element_not_mapped".to_owned(),
                "/bundle/entry/1/resource/provision/purpose/0".to_owned()
            ),
            (
                "fhir.import.element_not_mapped".to_owned(),
                "/bundle/entry/1/resource".to_owned()
            ),
        ]
    );
    assert_eq!(got.result.unwrap().summary.consents, vec![]);
}
