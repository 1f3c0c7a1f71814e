//! Properties of child summaries for every generated document: serialise → parse gives
//! the same summary; no operation panics; every finding of `summary.validate` points into
//! the document it was given.

use kyoten_core::summary::*;
use proptest::prelude::*;
use serde_json::Value;

mod common;
use common::summary_gen::*;

fn child() -> impl Strategy<Value = Child> {
    (
        text(),
        text(),
        pick(Sex::ALL),
        date(),
        text(),
        prop::option::of(
            (pick(AboGroup::ALL), pick(RhType::ALL)).prop_map(|(abo, rh)| BloodType { abo, rh }),
        ),
        prop_oneof!["[a-z][a-z0-9:-]{0,20}", "\\PC{0,8}"],
        prop::option::of(prop_oneof!["[0-9]{6}", "\\PC{0,7}"]),
    )
        .prop_map(
            |(name, kana, sex, date_of_birth, municipality, blood_type, id, code)| Child {
                id: ChildId(id),
                municipality_code: code.map(MunicipalityCode),
                name,
                kana,
                sex,
                date_of_birth,
                municipality,
                blood_type,
            },
        )
}

fn device() -> impl Strategy<Value = Device> {
    (
        pick(DeviceKind::ALL),
        prop::option::of(text()),
        prop::option::of(text()),
        prop::collection::vec(
            (pick(SettingParameter::ALL), number())
                .prop_map(|(parameter, value)| DeviceSetting { parameter, value }),
            0..4,
        ),
        prop::option::of(date()),
        prop::option::of(date()),
        prop::option::of(id()),
        prop::option::of(text()),
    )
        .prop_map(
            |(kind, product, mode, settings, since, last_changed, supplier, note)| Device {
                kind,
                product,
                mode,
                settings,
                since,
                last_changed,
                supplier_phone: supplier.clone().filter(|t| t.len() % 2 == 0),
                supplier,
                note,
            },
        )
}

fn consent() -> impl Strategy<Value = Consent> {
    (
        prop::collection::vec(pick(consent::ConsentUse::ALL), 0..3),
        pick(consent::RecipientScope::ALL),
        prop::option::of(id()),
        prop::option::of(pick(CareRole::ALL)),
        prop::option::of(text()),
        date(),
        pick(consent::ConsentGiver::ALL),
        prop::option::of(date()),
        prop::option::of(date()),
    )
        .prop_map(
            |(
                uses,
                to,
                member,
                role,
                institution,
                given_on,
                given_by,
                expires_on,
                withdrawn_on,
            )| {
                Consent {
                    uses,
                    to,
                    member,
                    role,
                    institution,
                    given_on,
                    given_by,
                    expires_on,
                    withdrawn_on,
                }
            },
        )
}

fn request() -> impl Strategy<Value = SummaryRequest> {
    let people = (
        child(),
        prop::collection::vec(contact(), 0..3),
        prop::collection::vec(contact(), 0..4),
        prop::collection::vec(diagnosis(), 0..5),
        clinical(),
        prop::collection::vec(device(), 0..5),
        prop::collection::vec(medication(), 0..7),
    );
    let rest = (
        allergies(),
        prop::collection::vec(vaccination(), 0..4),
        prop::option::of(vitals()),
        prop::collection::vec(member(), 0..5),
        prop::collection::vec(history(), 0..5),
        prop::option::of(plan()),
        prop::collection::vec(provenance(), 0..6),
        date(),
        prop::option::of(text()),
        prop::collection::vec(consent(), 0..3),
    );
    (people, rest).prop_map(
        |(
            (child, guardians, emergency_contacts, diagnoses, clinical, devices, medications),
            (
                allergies,
                vaccinations,
                vital_signs,
                care_team,
                history,
                emergency_plan,
                provenance,
                as_of,
                schema,
                consents,
            ),
        )| SummaryRequest {
            schema,
            version: None,
            as_of,
            summary: ChildSummary {
                child,
                guardians,
                emergency_contacts,
                diagnoses,
                clinical,
                devices,
                medications,
                allergies,
                vaccinations,
                vital_signs,
                care_team,
                history,
                emergency_plan,
                provenance,
                consents,
            },
            strict_provenance: false,
        },
    )
}

fn parent(ptr: &str) -> &str {
    ptr.rfind('/').map_or("", |i| &ptr[..i])
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn serialise_then_parse_gives_the_same_summary(req in request()) {
        let text = serde_json::to_string(&req).unwrap();
        let back: SummaryRequest = kyoten_core::input::read_str(&text).map_err(|u| TestCaseError::fail(format!("{:?}", u)))?;
        prop_assert_eq!(&back, &req);
        // And the JSON is stable: serialising again gives the same text.
        prop_assert_eq!(serde_json::to_string(&back).unwrap(), text);
    }

    #[test]
    fn no_operation_panics_and_findings_point_into_the_document(req in request()) {
        let text = serde_json::to_string(&req).unwrap();
        let doc: Value = serde_json::from_str(&text).unwrap();
        for op in ["summary.validate", "summary.scores", "summary.emergency_view", "summary.timeline"] {
            let out = kyoten_core::ops::run(op, text.as_bytes()).unwrap();
            prop_assert!(out.problem.is_none(), "{} could not read its own output", op);
            let r: Value = serde_json::from_str(&out.json).unwrap();
            prop_assert_eq!(r["valid"].as_bool().unwrap(), r["errors"] == 0);
            prop_assert_eq!(out.valid, r["valid"].as_bool().unwrap());
            for f in r["findings"].as_array().unwrap() {
                let path = f["path"].as_str().unwrap();
                prop_assert!(path.starts_with("/summary") || path.starts_with("/as_of") || path == "/version", "{} {}", op, path);
                prop_assert!(doc.pointer(parent(path)).is_some(), "{} {} has no parent in the input", op, path);
            }
            if op == "summary.emergency_view" {
                let v = &r["result"];
                prop_assert_eq!(v["sections"].as_array().unwrap().len(), 10);
                prop_assert_eq!(v["text_ja"].as_array().unwrap().len(), 11);
            }
        }
        // The library functions directly, too.
        let _ = validate(&req);
        let _ = emergency::build(&req.summary, req.as_of);
        let _ = timeline::build(&req.summary, req.as_of);
    }
}
