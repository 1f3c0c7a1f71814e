//! `summary.to_fhir`: a [`SummaryRequest`] as one FHIR R4 `document` Bundle.
//!
//! Built as `serde_json::Value` trees (the FHIR subset is wide and shallow; typed FHIR
//! structs would be ten times the code for no check the independent validator does not
//! already make). The map type keeps keys sorted, so the output is byte-identical for the
//! same input.

use super::{
    BASE, EN_REPRESENTATION, Label, NO_CHILD_ID, VERSION, child_id_system, code_of, cs, ext,
    member_system, urn,
};
use crate::calendar::IsoDate;
use crate::care::CareItem;
use crate::finding::{Finding, Path};
use crate::ops::Computed;
use crate::summary::{
    AllergyCategory, AllergySeverity, AllergyStatus, CareTeamMember, ChildSummary, ConsentUse,
    Contact, HistoryKind, Sex, SummaryRequest, consent_covers,
};
use serde::Serialize;
use serde_json::{Map, Value, json};

pub(super) const LOINC: &str = "http://loinc.org";
pub(super) const SNOMED: &str = "http://snomed.info/sct";
pub(super) const UCUM: &str = "http://unitsofmeasure.org";
pub(super) const ICD10: &str = "http://hl7.org/fhir/sid/icd-10";
pub(super) const OBS_CATEGORY: &str = "http://terminology.hl7.org/CodeSystem/observation-category";
pub(super) const ACT_CODE: &str = "http://terminology.hl7.org/CodeSystem/v3-ActCode";
pub(super) const ROLE_CODE: &str = "http://terminology.hl7.org/CodeSystem/v3-RoleCode";
pub(super) const CONTACT_ROLE_V2: &str = "http://terminology.hl7.org/CodeSystem/v2-0131";
pub(super) const DATA_ABSENT: &str = "http://hl7.org/fhir/StructureDefinition/data-absent-reason";
/// SNOMED CT 716186003 |No known allergy|, as the International Patient Summary writes it.
pub(super) const NO_KNOWN_ALLERGY: &str = "716186003";
/// SNOMED CT 39579001 |Anaphylaxis|.
pub(super) const ANAPHYLAXIS: &str = "39579001";
/// LOINC 60591-5 Patient summary Document.
pub(super) const PATIENT_SUMMARY: &str = "60591-5";

/// The child's id (`child.id`), or `None` when it is empty (a document of version 1
/// read without an id): then the Patient carries no identifier, with a warning.
pub(super) fn child_id(s: &ChildSummary) -> Option<String> {
    let id = s.child.id.as_str();
    (!id.is_empty()).then(|| id.to_owned())
}

/// Whether a consent of the family covers FHIR export on `as_of` (any recipient: the
/// bundle's receiver is not named in the request), as `consent.*` findings at
/// `/summary/consents` ([`crate::summary::consent_covers`]); empty when covered.
pub(super) fn consent_findings(req: &SummaryRequest) -> Vec<Finding> {
    let status = consent_covers(&req.summary, ConsentUse::FhirExport, None, req.as_of);
    status
        .finding(ConsentUse::FhirExport, &Path::root().key("summary"))
        .into_iter()
        .collect()
}

pub(super) fn operation(req: SummaryRequest) -> Computed<Value> {
    let mut findings: Vec<Finding> = Vec::new();
    findings.extend(consent_findings(&req));
    if child_id(&req.summary).is_none() {
        findings.push(NO_CHILD_ID.at(Path::root().key("summary").key("child")));
    }
    // A summary with errors is still written (the EMR decides), but not silently: its
    // errors come with the bundle (the summary's checks, run once in `execute`; the
    // operation is declared `errors_only`), so the report is not valid.
    let bundle = to_fhir(&req);
    Computed::new(findings, Some(bundle))
}

/// A coding of one of kyoten's code systems.
pub(super) fn coding<T: Serialize + Label>(system: &str, v: T) -> Value {
    json!({"system": cs(system), "version": VERSION, "code": code_of(&v), "display": v.ja()})
}

fn concept<T: Serialize + Label>(system: &str, v: T) -> Value {
    json!({"coding": [coding(system, v)]})
}

fn plain_coding(system: &str, code: &str, display: &str) -> Value {
    json!({"system": system, "code": code, "display": display})
}

fn ext_value(name: &str, key: &str, value: Value) -> Value {
    let mut m = Map::new();
    m.insert("url".into(), Value::String(ext(name)));
    m.insert(key.into(), value);
    Value::Object(m)
}

fn date(d: IsoDate) -> Value {
    Value::String(d.to_string())
}

fn set(obj: &mut Value, key: &str, value: Value) {
    if let Value::Object(m) = obj {
        m.insert(key.into(), value);
    }
}

fn push(obj: &mut Value, key: &str, value: Value) {
    if let Value::Object(m) = obj {
        let entry = m
            .entry(key.to_owned())
            .or_insert_with(|| Value::Array(Vec::new()));
        if let Value::Array(a) = entry {
            a.push(value);
        }
    }
}

/// A HumanName as JP Core writes it: the name in kanji (`IDE`) and the reading in kana
/// (`SYL`), each with the `iso21090-EN-representation` extension, family and given split at
/// the first space when there is one.
fn names(name: &str, kana: Option<&str>) -> Value {
    fn one(text: &str, repr: &str) -> Value {
        let mut n = json!({
            "extension": [{"url": EN_REPRESENTATION, "valueCode": repr}],
            "use": "official",
            "text": text,
        });
        let parts: Vec<&str> = text.split([' ', '　']).filter(|p| !p.is_empty()).collect();
        if let [family, given @ ..] = parts.as_slice()
            && !given.is_empty()
        {
            set(&mut n, "family", json!(family));
            set(&mut n, "given", json!(given));
        }
        n
    }
    let mut out = vec![one(name, "IDE")];
    if let Some(k) = kana {
        out.push(one(k, "SYL"));
    }
    Value::Array(out)
}

/// Builds the bundle.
struct Doc {
    child: String,
    entries: Vec<Value>,
    /// (section code, section title, the urns of its entries)
    sections: Vec<(&'static str, &'static str, Vec<String>)>,
    patient: String,
}

impl Doc {
    fn add(&mut self, section: Option<usize>, id: String, mut resource: Value) -> String {
        let full = urn(&self.child, &id);
        set(&mut resource, "id", Value::String(id));
        // Built by moving: `json!` would copy the resource value by value through serde.
        let mut entry = Map::new();
        entry.insert("fullUrl".into(), Value::String(full.clone()));
        entry.insert("resource".into(), resource);
        self.entries.push(Value::Object(entry));
        if let Some(s) = section
            && let Some(sec) = self.sections.get_mut(s)
        {
            sec.2.push(full.clone());
        }
        full
    }
    fn subject(&self) -> Value {
        json!({"reference": self.patient})
    }
}

const SECTIONS: &[(&str, &str)] = &[
    ("child", "本人"),
    ("diagnoses", "診断名"),
    ("medical-care", "医療的ケア・医療機器"),
    ("medications", "服薬"),
    ("allergies", "アレルギー"),
    ("emergency-plan", "緊急時の対応計画"),
    ("contacts", "保護者・緊急連絡先・支援チーム"),
    ("history", "受診・入院歴"),
    ("vaccinations", "予防接種"),
    ("vital-signs", "平常時のバイタルサイン"),
    ("scores", "スコア"),
];
const S_CHILD: usize = 0;
const S_DIAG: usize = 1;
const S_CARE: usize = 2;
const S_MEDS: usize = 3;
const S_ALLERGY: usize = 4;
const S_PLAN: usize = 5;
const S_CONTACTS: usize = 6;
const S_HISTORY: usize = 7;
const S_VACC: usize = 8;
const S_VITALS: usize = 9;
const S_SCORES: usize = 10;

/// A reference to a care-team member: by identifier always (so an id that names no
/// member still travels), and to its resource when the member is in the team.
fn member_ref(members: &[(String, String, String)], id: &str, organisation: bool) -> Value {
    let mut r = json!({"identifier": {"system": member_system(), "value": id}});
    if let Some((_, org, main)) = members.iter().find(|(mid, _, _)| mid == id) {
        set(
            &mut r,
            "reference",
            Value::String(if organisation {
                org.clone()
            } else {
                main.clone()
            }),
        );
    }
    r
}

/// The bundle for `req` (see `docs/fhir-mapping.md`).
pub fn to_fhir(req: &SummaryRequest) -> Value {
    let s = &req.summary;
    let child_key = child_id(s).unwrap_or_default();
    let mut doc = Doc {
        child: child_key.clone(),
        entries: Vec::new(),
        sections: SECTIONS.iter().map(|(c, t)| (*c, *t, Vec::new())).collect(),
        patient: String::new(),
    };
    // Composition first (JP-CLINS: a document's first entry), filled in at the end.
    let composition_urn = urn(&child_key, "composition");

    // --- Patient (JP_Patient)
    let c = &s.child;
    let mut patient = json!({
        "resourceType": "Patient",
        "meta": {"profile": ["http://jpfhir.jp/fhir/core/StructureDefinition/JP_Patient"]},
        "name": names(&c.name, Some(&c.kana)),
        "gender": match c.sex { Sex::Male => "male", Sex::Female => "female", Sex::Undetermined => "other", Sex::Unknown => "unknown" },
        "birthDate": c.date_of_birth.to_string(),
        "address": [{"text": c.municipality, "use": "home"}],
    });
    if let Some(code) = &c.municipality_code
        && let Some(Value::Array(addr)) = patient.get_mut("address")
        && let Some(first) = addr.first_mut()
    {
        // JP Core's stored profiles give the address no element for the
        // 全国地方公共団体コード: a kyoten extension on the address.
        push(
            first,
            "extension",
            ext_value("municipality-code", "valueCode", json!(code.as_str())),
        );
    }
    if let Some(id) = child_id(s) {
        set(
            &mut patient,
            "identifier",
            json!([{"system": child_id_system(), "value": id}]),
        );
    }
    doc.patient = urn(&child_key, "patient");
    doc.add(Some(S_CHILD), "patient".into(), patient);

    if let Some(bt) = c.blood_type {
        let obs = json!({
            "resourceType": "Observation", "status": "final",
            "code": {"coding": [plain_coding(LOINC, "882-1", "ABO and Rh group")]},
            "subject": doc.subject(),
            "component": [
                {"code": {"coding": [plain_coding(LOINC, "883-9", "ABO group")]}, "valueCodeableConcept": concept("abo-group", bt.abo)},
                {"code": {"coding": [plain_coding(LOINC, "10331-7", "Rh type")]}, "valueCodeableConcept": concept("rh-type", bt.rh)},
            ],
        });
        doc.add(Some(S_CHILD), "blood-type".into(), obs);
    }

    // --- Care team: Organization, and Practitioner + PractitionerRole for a person.
    // (member id, organisation urn, main urn)
    let members: Vec<(String, String, String)> = s
        .care_team
        .iter()
        .enumerate()
        .map(|(i, m)| {
            let org = urn(&child_key, &format!("organization-{i}"));
            let main = if m.person.is_some() {
                urn(&child_key, &format!("practitioner-role-{i}"))
            } else {
                org.clone()
            };
            (m.id.clone(), org, main)
        })
        .collect();

    // --- Contacts (RelatedPerson), guardians then emergency contacts, in order.
    for (i, g) in s.guardians.iter().enumerate() {
        let rp = related_person(&doc, g, "guardian");
        doc.add(Some(S_CONTACTS), format!("guardian-{i}"), rp);
    }
    for (i, g) in s.emergency_contacts.iter().enumerate() {
        let rp = related_person(&doc, g, "emergency-contact");
        doc.add(Some(S_CONTACTS), format!("emergency-contact-{i}"), rp);
    }
    for (i, m) in s.care_team.iter().enumerate() {
        add_member(&mut doc, i, m);
    }

    // --- Diagnoses (Condition, JP_Condition)
    for (i, d) in s.diagnoses.iter().enumerate() {
        let mut code = json!({"text": d.name});
        if let Some(icd) = &d.icd10 {
            set(&mut code, "coding", json!([{"system": ICD10, "code": icd}]));
        }
        let mut cond = json!({
            "resourceType": "Condition",
            "meta": {"profile": ["http://jpfhir.jp/fhir/core/StructureDefinition/JP_Condition"]},
            "clinicalStatus": {"coding": [plain_coding("http://terminology.hl7.org/CodeSystem/condition-clinical", "active", "Active")]},
            "verificationStatus": {"coding": [plain_coding("http://terminology.hl7.org/CodeSystem/condition-ver-status", "confirmed", "Confirmed")]},
            "category": [{"coding": [plain_coding("http://terminology.hl7.org/CodeSystem/condition-category", "problem-list-item", "Problem List Item")]}],
            "code": code,
            "subject": doc.subject(),
        });
        if d.primary {
            push(
                &mut cond,
                "extension",
                ext_value("primary-diagnosis", "valueBoolean", json!(true)),
            );
        }
        if let Some(on) = d.diagnosed_on {
            set(&mut cond, "recordedDate", date(on));
        }
        doc.add(Some(S_DIAG), format!("condition-{i}"), cond);
    }

    // --- Medical care: each care item a Procedure (JP_Procedure); profile facts Observations.
    let cl = &s.clinical;
    for (i, item) in cl.care.iter().enumerate() {
        let p = procedure(&doc, item);
        doc.add(Some(S_CARE), format!("care-{i}"), p);
    }
    let fact = |doc: &Doc, code: &str, display: &str, key: &str, value: Value| {
        let mut o = json!({
            "resourceType": "Observation", "status": "final",
            "category": [{"coding": [plain_coding(OBS_CATEGORY, "survey", "Survey")]}],
            "code": {"coding": [{"system": cs("clinical-fact"), "version": VERSION, "code": code, "display": display}]},
            "subject": doc.subject(),
        });
        set(&mut o, key, value);
        o
    };
    if let Some(m) = cl.motor_level {
        let o = fact(
            &doc,
            "motor-level",
            "運動機能",
            "valueCodeableConcept",
            concept("motor-level", m),
        );
        doc.add(Some(S_CARE), "motor-level".into(), o);
    }
    for (key, v, disp) in [("iq", cl.iq, "知能指数"), ("dq", cl.dq, "発達指数")] {
        if let Some(v) = v {
            let o = fact(&doc, key, disp, "valueInteger", json!(v));
            doc.add(Some(S_CARE), key.into(), o);
        }
    }
    for (key, v, disp) in [
        ("support-level", cl.support_level, "障害支援区分"),
        (
            "behaviour-score",
            cl.behaviour_score,
            "行動関連項目の合計点",
        ),
    ] {
        if let Some(v) = v {
            let o = fact(&doc, key, disp, "valueInteger", json!(v));
            doc.add(Some(S_CARE), key.into(), o);
        }
    }
    if let Some(l) = cl.low_spo2 {
        let mut o = fact(
            &doc,
            "low-spo2",
            "SpO2 90%以下の時間の割合",
            "valueQuantity",
            json!({"value": l.percent_of_time, "unit": "%", "system": UCUM, "code": "%"}),
        );
        if let Some(since) = l.since {
            set(
                &mut o,
                "effectivePeriod",
                json!({"start": since.to_string()}),
            );
        }
        doc.add(Some(S_CARE), "low-spo2".into(), o);
    }
    if let Some(d) = cl.nicu_discharge {
        let o = fact(
            &doc,
            "nicu-discharge",
            "NICU 退院日",
            "valueDateTime",
            date(d),
        );
        doc.add(Some(S_CARE), "nicu-discharge".into(), o);
    }
    for (i, cond) in cl.conditions.iter().enumerate() {
        let c = json!({
            "resourceType": "Condition",
            "category": [{"coding": [{"system": cs("condition-category"), "version": VERSION, "code": "short-stay-condition", "display": "医療型短期入所の利用根拠となる状態"}]}],
            "code": concept("clinical-condition", *cond),
            "subject": doc.subject(),
        });
        doc.add(Some(S_CARE), format!("clinical-condition-{i}"), c);
    }

    // --- Devices: Device (settings as Device.property) + DeviceUseStatement.
    for (i, d) in s.devices.iter().enumerate() {
        let mut dev = json!({
            "resourceType": "Device",
            "type": concept("device-kind", d.kind),
            "patient": doc.subject(),
        });
        if let Some(p) = &d.product {
            set(
                &mut dev,
                "deviceName",
                json!([{"name": p, "type": "user-friendly-name"}]),
            );
        }
        let mut props = Vec::new();
        if let Some(mode) = &d.mode {
            props.push(json!({
                "type": {"coding": [{"system": cs("device-property"), "version": VERSION, "code": "mode", "display": "モード"}]},
                "valueCode": [{"text": mode}],
            }));
        }
        for st in &d.settings {
            props.push(json!({
                "type": concept("setting-parameter", st.parameter),
                "valueQuantity": [{"value": st.value, "unit": st.parameter.unit()}],
            }));
        }
        if !props.is_empty() {
            set(&mut dev, "property", Value::Array(props));
        }
        if let Some(sup) = &d.supplier {
            set(&mut dev, "owner", member_ref(&members, sup, true));
        }
        if let Some(n) = &d.note {
            set(&mut dev, "note", json!([{"text": n}]));
        }
        if let Some(ph) = &d.supplier_phone {
            // Device.contact: "details for human/organization for support".
            set(
                &mut dev,
                "contact",
                json!([{"system": "phone", "value": ph}]),
            );
        }
        if let Some(lc) = d.last_changed {
            push(
                &mut dev,
                "extension",
                ext_value("device-last-changed", "valueDate", date(lc)),
            );
        }
        let dev_urn = doc.add(Some(S_CARE), format!("device-{i}"), dev);
        let mut dus = json!({
            "resourceType": "DeviceUseStatement",
            "status": "active",
            "subject": doc.subject(),
            "device": {"reference": dev_urn},
        });
        if let Some(since) = d.since {
            set(
                &mut dus,
                "timingPeriod",
                json!({"start": since.to_string()}),
            );
        }
        doc.add(Some(S_CARE), format!("device-use-{i}"), dus);
    }

    // --- Medications (MedicationStatement, JP_MedicationStatement)
    for (i, m) in s.medications.iter().enumerate() {
        let mut dosage = json!({
            "route": concept("medication-route", m.route),
            "asNeededBoolean": m.as_needed,
        });
        if let Some(dose) = &m.dose {
            set(&mut dosage, "text", json!(dose));
        }
        if let Some(t) = m.times_per_day {
            set(
                &mut dosage,
                "timing",
                json!({"repeat": {"frequency": t, "period": 1, "periodUnit": "d"}}),
            );
        }
        let mut ms = json!({
            "resourceType": "MedicationStatement",
            "status": "active",
            "medicationCodeableConcept": {"text": m.name},
            "subject": doc.subject(),
            "dosage": [dosage],
        });
        if m.rescue {
            push(
                &mut ms,
                "extension",
                ext_value("rescue-medication", "valueBoolean", json!(true)),
            );
        }
        if let Some(ind) = &m.indication {
            set(&mut ms, "reasonCode", json!([{"text": ind}]));
        }
        if let Some(since) = m.since {
            set(
                &mut ms,
                "effectivePeriod",
                json!({"start": since.to_string()}),
            );
        }
        doc.add(Some(S_MEDS), format!("medication-{i}"), ms);
    }

    // --- Allergies (AllergyIntolerance, JP_AllergyIntolerance)
    match s.allergies.status {
        AllergyStatus::NoneKnown => {
            let a = json!({
                "resourceType": "AllergyIntolerance",
                "clinicalStatus": {"coding": [plain_coding("http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical", "active", "Active")]},
                "verificationStatus": {"coding": [plain_coding("http://terminology.hl7.org/CodeSystem/allergyintolerance-verification", "confirmed", "Confirmed")]},
                "code": {"coding": [plain_coding(SNOMED, NO_KNOWN_ALLERGY, "No known allergy")], "text": "アレルギーなし（確認済み）"},
                "patient": doc.subject(),
            });
            doc.add(Some(S_ALLERGY), "allergy-none".into(), a);
        }
        AllergyStatus::Unknown | AllergyStatus::Present => {}
    }
    for (i, a) in s.allergies.items.iter().enumerate() {
        let mut ai = json!({
            "resourceType": "AllergyIntolerance",
            "clinicalStatus": {"coding": [plain_coding("http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical", "active", "Active")]},
            "code": {"text": a.substance},
            "patient": doc.subject(),
            "extension": [ext_value("allergy-category", "valueCoding", coding("allergy-category", a.category))],
        });
        let fhir_cat = match a.category {
            AllergyCategory::Drug => Some("medication"),
            AllergyCategory::Food => Some("food"),
            AllergyCategory::Environmental | AllergyCategory::Latex => Some("environment"),
            AllergyCategory::Other => None,
        };
        if let Some(fc) = fhir_cat {
            set(&mut ai, "category", json!([fc]));
        }
        if a.severity.is_some() || a.reaction.is_some() {
            let mut manifestation = match a.severity {
                Some(AllergySeverity::Anaphylaxis) => {
                    json!({"coding": [plain_coding(SNOMED, ANAPHYLAXIS, "Anaphylaxis")]})
                }
                _ => json!({}),
            };
            match &a.reaction {
                Some(r) => set(&mut manifestation, "text", json!(r)),
                None if a.severity != Some(AllergySeverity::Anaphylaxis) => set(
                    &mut manifestation,
                    "extension",
                    json!([{"url": DATA_ABSENT, "valueCode": "unknown"}]),
                ),
                None => {}
            }
            let mut reaction = json!({"manifestation": [manifestation]});
            if let Some(sev) = a.severity {
                let fs = match sev {
                    AllergySeverity::Mild => "mild",
                    AllergySeverity::Moderate => "moderate",
                    AllergySeverity::Severe | AllergySeverity::Anaphylaxis => "severe",
                };
                set(&mut reaction, "severity", json!(fs));
            }
            set(&mut ai, "reaction", json!([reaction]));
        }
        doc.add(Some(S_ALLERGY), format!("allergy-{i}"), ai);
    }

    // --- Emergency plan (CarePlan)
    if let Some(plan) = &s.emergency_plan {
        let mut cp = json!({
            "resourceType": "CarePlan",
            "status": "active",
            "intent": "plan",
            "category": [{"coding": [{"system": cs("document-section"), "version": VERSION, "code": "emergency-plan", "display": "緊急時の対応計画"}]}],
            "title": "緊急時の対応計画",
            "subject": doc.subject(),
            "extension": [ext_value("resuscitation", "valueCoding", coding("resuscitation", plan.resuscitation))],
        });
        if let Some(dest) = &plan.destination {
            push(
                &mut cp,
                "extension",
                ext_value(
                    "emergency-destination",
                    "valueReference",
                    member_ref(&members, dest, true),
                ),
            );
        }
        if let Some(doctor) = &plan.doctor {
            set(&mut cp, "author", member_ref(&members, doctor, false));
        }
        if let Some(on) = plan.agreed_on {
            set(&mut cp, "created", date(on));
        }
        let acts: Vec<Value> = plan
            .actions
            .iter()
            .map(|a| {
                json!({"detail": {
                    "code": concept("situation", a.situation),
                    "status": "not-started",
                    "description": a.action,
                }})
            })
            .collect();
        if !acts.is_empty() {
            set(&mut cp, "activity", Value::Array(acts));
        }
        doc.add(Some(S_PLAN), "emergency-plan".into(), cp);
    }

    // --- History (Encounter, JP_Encounter)
    for (i, h) in s.history.iter().enumerate() {
        let (class, class_disp) = match h.kind {
            HistoryKind::Admission | HistoryKind::Nicu | HistoryKind::Surgery => {
                ("IMP", "inpatient encounter")
            }
            HistoryKind::EmergencyVisit => ("EMER", "emergency"),
            HistoryKind::FirstConsultation | HistoryKind::Outpatient => ("AMB", "ambulatory"),
        };
        let mut provider = json!({"display": h.institution});
        if let Some(m) = &h.member
            && let Value::Object(r) = member_ref(&members, m, true)
        {
            for (k, v) in r {
                set(&mut provider, &k, v);
            }
        }
        let mut period = json!({"start": h.start.to_string()});
        if let Some(end) = h.end {
            set(&mut period, "end", date(end));
        }
        let mut enc = json!({
            "resourceType": "Encounter",
            "meta": {"profile": ["http://jpfhir.jp/fhir/core/StructureDefinition/JP_Encounter"]},
            "status": if h.end.is_none() && h.kind.is_stay() { "in-progress" } else { "finished" },
            "class": plain_coding(ACT_CODE, class, class_disp),
            "type": [concept("history-kind", h.kind)],
            "subject": doc.subject(),
            "period": period,
            "serviceProvider": provider,
        });
        if let Some(dep) = &h.department {
            set(&mut enc, "serviceType", json!({"text": dep}));
        }
        if let Some(r) = &h.reason {
            set(&mut enc, "reasonCode", json!([{"text": r}]));
        }
        doc.add(Some(S_HISTORY), format!("encounter-{i}"), enc);
    }

    // --- Vaccinations (Immunization, JP_Immunization)
    for (i, v) in s.vaccinations.iter().enumerate() {
        let mut code = concept("vaccine", v.vaccine);
        if let Some(n) = &v.name {
            set(&mut code, "text", json!(n));
        }
        let mut im = json!({
            "resourceType": "Immunization",
            "status": "completed",
            "vaccineCode": code,
            "patient": doc.subject(),
            "occurrenceDateTime": v.date.to_string(),
        });
        if let Some(dose) = v.dose {
            set(
                &mut im,
                "protocolApplied",
                json!([{"doseNumberPositiveInt": dose}]),
            );
        }
        doc.add(Some(S_VACC), format!("immunization-{i}"), im);
    }

    // --- Baseline vital signs (Observation, category vital-signs, LOINC)
    if let Some(v) = &s.vital_signs {
        let vital = |doc: &Doc, loinc: &str, disp: &str, key: &str, value: Value| {
            let mut o = json!({
                "resourceType": "Observation", "status": "final",
                "category": [{"coding": [plain_coding(OBS_CATEGORY, "vital-signs", "Vital Signs")]}],
                "code": {"coding": [plain_coding(LOINC, loinc, disp)]},
                "subject": doc.subject(),
                "effectiveDateTime": v.measured_on.to_string(),
            });
            set(&mut o, key, value);
            o
        };
        let qty = |x: f64, unit: &str, code: &str| json!({"value": x, "unit": unit, "system": UCUM, "code": code});
        let range = |r: crate::summary::Range, unit: &str, code: &str| json!({"low": qty(r.min, unit, code), "high": qty(r.max, unit, code)});
        let mut obs: Vec<(&str, Value)> = Vec::new();
        if let Some(w) = v.weight_kg {
            obs.push((
                "weight",
                vital(
                    &doc,
                    "29463-7",
                    "Body weight",
                    "valueQuantity",
                    qty(w, "kg", "kg"),
                ),
            ));
        }
        if let Some(h) = v.height_cm {
            obs.push((
                "height",
                vital(
                    &doc,
                    "8302-2",
                    "Body height",
                    "valueQuantity",
                    qty(h, "cm", "cm"),
                ),
            ));
        }
        if let Some(r) = v.spo2_percent {
            obs.push((
                "spo2",
                vital(
                    &doc,
                    "59408-5",
                    "Oxygen saturation in Arterial blood by Pulse oximetry",
                    "valueRange",
                    range(r, "%", "%"),
                ),
            ));
        }
        if let Some(r) = v.heart_rate_per_min {
            obs.push((
                "heart-rate",
                vital(
                    &doc,
                    "8867-4",
                    "Heart rate",
                    "valueRange",
                    range(r, "/min", "/min"),
                ),
            ));
        }
        if let Some(r) = v.respiratory_rate_per_min {
            obs.push((
                "respiratory-rate",
                vital(
                    &doc,
                    "9279-1",
                    "Respiratory rate",
                    "valueRange",
                    range(r, "/min", "/min"),
                ),
            ));
        }
        if let Some(r) = v.temperature_c {
            obs.push((
                "temperature",
                vital(
                    &doc,
                    "8310-5",
                    "Body temperature",
                    "valueRange",
                    range(r, "Cel", "Cel"),
                ),
            ));
        }
        if let Some(r) = v.systolic_mmhg {
            obs.push((
                "systolic",
                vital(
                    &doc,
                    "8480-6",
                    "Systolic blood pressure",
                    "valueRange",
                    range(r, "mm[Hg]", "mm[Hg]"),
                ),
            ));
        }
        if obs.is_empty() {
            // The measurement day alone: an Observation with no value says when.
            obs.push(("measured", {
                let mut o = vital(&doc, "85353-1", "Vital signs panel", "dataAbsentReason", json!({"coding": [plain_coding("http://terminology.hl7.org/CodeSystem/data-absent-reason", "not-performed", "Not Performed")]}));
                set(&mut o, "status", json!("final"));
                o
            }));
        }
        for (k, o) in obs {
            doc.add(Some(S_VITALS), format!("vital-{k}"), o);
        }
    }

    // --- Scores (derived; Observation with items as components)
    if s.child.date_of_birth <= req.as_of {
        let (scores, _) =
            crate::scores::compute(&s.clinical, s.child.date_of_birth, req.as_of, &Path::root());
        let score_obs = |doc: &Doc, code: &str, disp: &str, total: i64, comps: Vec<Value>| {
            let mut o = json!({
                "resourceType": "Observation", "status": "final",
                "category": [{"coding": [plain_coding(OBS_CATEGORY, "survey", "Survey")]}],
                "code": {"coding": [{"system": cs("score"), "version": VERSION, "code": code, "display": disp}]},
                "subject": doc.subject(),
                "effectiveDateTime": req.as_of.to_string(),
                "valueInteger": total,
            });
            if !comps.is_empty() {
                set(&mut o, "component", Value::Array(comps));
            }
            o
        };
        let ss: Vec<Value> = scores.super_severe.items.iter().map(|it| json!({
            "code": {"coding": [{"system": cs("super-severe-row"), "version": VERSION, "code": it.row, "display": it.item_ja}]},
            "valueInteger": it.points,
        })).collect();
        let o = score_obs(
            &doc,
            "super-severe",
            "超重症児スコア",
            i64::from(scores.super_severe.total),
            ss,
        );
        doc.add(Some(S_SCORES), "score-super-severe".into(), o);
        let mc: Vec<Value> = scores.medical_care.items.iter().map(|it| json!({
            "code": {"coding": [{"system": cs("medical-care-row"), "version": VERSION, "code": it.row, "display": it.item_ja}]},
            "valueInteger": it.points,
        })).collect();
        let o = score_obs(
            &doc,
            "medical-care",
            "医療的ケア判定スコア",
            i64::from(scores.medical_care.total),
            mc,
        );
        doc.add(Some(S_SCORES), "score-medical-care".into(), o);
        if let Some(osh) = &scores.oshima {
            let o = score_obs(&doc, "oshima", "大島分類", i64::from(osh.cell), Vec::new());
            doc.add(Some(S_SCORES), "score-oshima".into(), o);
        }
    }

    // --- Consent (FHIR R4 Consent, scope patient-privacy): one per recorded consent.
    for (i, c) in s.consents.iter().enumerate() {
        let res = consent(&doc, &members, c, req.as_of);
        doc.add(None, format!("consent-{i}"), res);
    }

    // --- Provenance: who recorded each part, and when.
    let mut authors: Vec<Value> = Vec::new();
    let mut latest: Option<IsoDate> = None;
    for (i, p) in s.provenance.iter().enumerate() {
        let mut who = match &p.member {
            Some(m) => member_ref(&members, m, false),
            None => json!({}),
        };
        match &p.recorded_by {
            Some(n) => set(&mut who, "display", json!(n)),
            None if p.member.is_none() => set(
                &mut who,
                "extension",
                json!([{"url": DATA_ABSENT, "valueCode": "unknown"}]),
            ),
            None => {}
        }
        if p.member.is_some() {
            let a = member_ref(&members, p.member.as_deref().unwrap_or_default(), false);
            if !authors.contains(&a) {
                authors.push(a);
            }
        }
        latest = Some(latest.map_or(p.recorded_on, |l| l.max(p.recorded_on)));
        let prov = json!({
            "resourceType": "Provenance",
            "target": [{"reference": composition_urn}],
            "recorded": format!("{}T00:00:00+09:00", p.recorded_on),
            "extension": [ext_value("provenance-section", "valueCoding", coding("summary-part", p.section))],
            "agent": [{"type": concept("recorder-role", p.role), "who": who}],
        });
        doc.add(None, format!("provenance-{i}"), prov);
    }
    if authors.is_empty() {
        authors.push(json!({"display": "小児等在宅医療連携拠点"}));
    }

    // --- Composition
    let sections: Vec<Value> = doc
        .sections
        .iter()
        .filter_map(|(code, title, urns)| {
            let mut sec = json!({
                "title": title,
                "code": {"coding": [{"system": cs("document-section"), "version": VERSION, "code": code, "display": title}]},
            });
            if *code == "allergies" && urns.is_empty() {
                if s.allergies.status == AllergyStatus::Unknown {
                    set(&mut sec, "emptyReason", json!({"coding": [plain_coding("http://terminology.hl7.org/CodeSystem/list-empty-reason", "notasked", "Not Asked")]}));
                    set(&mut sec, "text", json!({"status": "generated", "div": "<div xmlns=\"http://www.w3.org/1999/xhtml\">アレルギー: 不明（未確認）</div>"}));
                    return Some(sec);
                }
                return None;
            }
            if urns.is_empty() {
                return None;
            }
            let refs: Vec<Value> = urns.iter().map(|u| json!({"reference": u})).collect();
            set(&mut sec, "entry", Value::Array(refs));
            Some(sec)
        })
        .collect();
    let composition = json!({
        "resourceType": "Composition",
        "id": "composition",
        "status": "final",
        "type": {"coding": [plain_coding(LOINC, PATIENT_SUMMARY, "Patient summary Document")]},
        "subject": {"reference": doc.patient},
        "date": latest.unwrap_or(req.as_of).to_string(),
        "title": "小児等在宅医療 対象児の情報集約",
    });
    let mut composition = composition;
    set(&mut composition, "author", Value::Array(authors));
    set(&mut composition, "section", Value::Array(sections));
    let mut first = Map::new();
    first.insert("fullUrl".into(), Value::String(composition_urn));
    first.insert("resource".into(), composition);
    let mut entries = vec![Value::Object(first)];
    entries.extend(doc.entries);
    let mut bundle = json!({
        "resourceType": "Bundle",
        "meta": {"profile": [ext("kyoten-summary-bundle")]},
        "identifier": {"system": format!("{BASE}/sid/summary-document"), "value": format!("{}{}", if child_key.is_empty() { String::new() } else { format!("{child_key}/") }, req.as_of)},
        "type": "document",
        "timestamp": format!("{}T00:00:00+09:00", req.as_of),
    });
    set(&mut bundle, "entry", Value::Array(entries));
    set(&mut bundle, "id", json!("summary"));
    bundle
}

fn related_person(doc: &Doc, c: &Contact, role: &str) -> Value {
    let (role_code, role_disp) = if role == "guardian" {
        ("guardian", "保護者")
    } else {
        ("emergency-contact", "緊急連絡先")
    };
    let mut rel = vec![
        json!({"coding": [{"system": cs("contact-role"), "version": VERSION, "code": role_code, "display": role_disp}]}),
        concept("relationship", c.relationship),
    ];
    if role == "emergency-contact" {
        rel.push(json!({"coding": [plain_coding(CONTACT_ROLE_V2, "C", "Emergency Contact")]}));
    }
    use crate::summary::Relationship as R;
    let v3 = match c.relationship {
        R::Mother => Some(("MTH", "mother")),
        R::Father => Some(("FTH", "father")),
        R::Grandmother => Some(("GRMTH", "grandmother")),
        R::Grandfather => Some(("GRFTH", "grandfather")),
        R::Sibling => Some(("SIB", "sibling")),
        R::OtherRelative => Some(("FAMMEMB", "family member")),
        R::LegalGuardian => Some(("GUARD", "guardian")),
        R::FosterParent => Some(("FSTPAR", "foster parent")),
        R::FacilityStaff | R::Other => None,
    };
    if let Some((code, disp)) = v3 {
        rel.push(json!({"coding": [plain_coding(ROLE_CODE, code, disp)]}));
    }
    let mut rp = json!({
        "resourceType": "RelatedPerson",
        "patient": doc.subject(),
        "relationship": rel,
        "name": names(&c.name, c.kana.as_deref()),
    });
    let mut telecom = Vec::new();
    if let Some(p) = &c.phone {
        telecom.push(json!({"system": "phone", "value": p, "rank": 1}));
    }
    if let Some(p) = &c.phone_alt {
        telecom.push(json!({"system": "phone", "value": p, "rank": 2}));
    }
    if !telecom.is_empty() {
        set(&mut rp, "telecom", Value::Array(telecom));
    }
    if let Some(n) = &c.note {
        push(
            &mut rp,
            "extension",
            ext_value("contact-note", "valueString", json!(n)),
        );
    }
    rp
}

fn add_member(doc: &mut Doc, i: usize, m: &CareTeamMember) {
    let mut org = json!({
        "resourceType": "Organization",
        "meta": {"profile": ["http://jpfhir.jp/fhir/core/StructureDefinition/JP_Organization"]},
        "identifier": [{"system": member_system(), "value": m.id}],
        "type": [concept("care-role", m.role)],
        "name": m.organisation,
    });
    let mut telecom = Vec::new();
    if let Some(p) = &m.phone {
        telecom.push(json!({"system": "phone", "value": p, "rank": 1}));
    }
    if let Some(p) = &m.phone_out_of_hours {
        telecom.push(json!({"system": "phone", "value": p, "rank": 2, "extension": [ext_value("out-of-hours", "valueBoolean", json!(true))]}));
    }
    if !telecom.is_empty() {
        set(&mut org, "telecom", Value::Array(telecom));
    }
    let org_urn = doc.add(Some(S_CONTACTS), format!("organization-{i}"), org);
    if let Some(person) = &m.person {
        let pr = json!({
            "resourceType": "Practitioner",
            "meta": {"profile": ["http://jpfhir.jp/fhir/core/StructureDefinition/JP_Practitioner"]},
            "name": names(person, None),
        });
        let pr_urn = doc.add(Some(S_CONTACTS), format!("practitioner-{i}"), pr);
        let role = json!({
            "resourceType": "PractitionerRole",
            "practitioner": {"reference": pr_urn},
            "organization": {"reference": org_urn},
            "code": [concept("care-role", m.role)],
        });
        doc.add(Some(S_CONTACTS), format!("practitioner-role-{i}"), role);
    }
}

fn procedure(doc: &Doc, item: &CareItem) -> Value {
    let mut p = json!({
        "resourceType": "Procedure",
        "meta": {"profile": ["http://jpfhir.jp/fhir/core/StructureDefinition/JP_Procedure"]},
        "status": "in-progress",
        "code": concept("care-kind", item.kind),
        "subject": doc.subject(),
    });
    if let Some(since) = item.since {
        set(
            &mut p,
            "performedPeriod",
            json!({"start": since.to_string()}),
        );
    }
    let mut sub: Vec<Value> = Vec::new();
    let sx = |name: &str, key: &str, v: Value| json!({"url": name, key: v});
    if let Some(w) = item.watch {
        sub.push(sx("watch", "valueCoding", coding("watch-level", w)));
    }
    for v in &item.ventilation {
        sub.push(sx(
            "ventilation",
            "valueCoding",
            coding("ventilation-mode", *v),
        ));
    }
    if let Some(h) = item.hours_per_day {
        sub.push(sx("hours-per-day", "valueInteger", json!(h)));
    }
    if let Some(f) = item.frequency {
        let unit = match f.per {
            crate::care::Per::Hour => "h",
            crate::care::Per::Day => "d",
            crate::care::Per::Week => "wk",
        };
        sub.push(sx(
            "frequency",
            "valueTiming",
            json!({"repeat": {"frequency": f.times, "period": 1, "periodUnit": unit}}),
        ));
    }
    if item.continuous {
        sub.push(sx("continuous", "valueBoolean", json!(true)));
    }
    for v in &item.suction_sites {
        sub.push(sx(
            "suction-site",
            "valueCoding",
            coding("suction-site", *v),
        ));
    }
    if let Some(r) = item.feeding_route {
        sub.push(sx(
            "feeding-route",
            "valueCoding",
            coding("feeding-route", r),
        ));
    }
    if let Some(r) = item.urinary_route {
        sub.push(sx(
            "urinary-route",
            "valueCoding",
            coding("urinary-route", r),
        ));
    }
    for v in &item.seizure_measures {
        sub.push(sx(
            "seizure-measure",
            "valueCoding",
            coding("seizure-measure", *v),
        ));
    }
    if item.commercial_glycerin_only {
        sub.push(sx("commercial-glycerin-only", "valueBoolean", json!(true)));
    }
    if !sub.is_empty() {
        set(
            &mut p,
            "extension",
            json!([{"url": ext("care-detail"), "extension": sub}]),
        );
    }
    p
}

/// One recorded consent as a FHIR R4 `Consent` (scope `patient-privacy`, category LOINC
/// 59284-0 Patient Consent, `policyRule` the 個人情報の保護に関する法律 art. 27). The uses
/// are `provision.purpose` codings of kyoten's `consent-use`; the recipient is one
/// `provision.actor` whose `role` carries kyoten's `consent-recipient-scope` (and
/// `care-role` when the consent names a role) and whose `reference` names the care-team
/// member (by identifier) and/or the institution (`display`), or is absent
/// (`data-absent-reason` `not-applicable`). Given on → `dateTime` and `provision.period.start`;
/// expires on → `provision.period.end`; who gave it and the withdrawal day → kyoten
/// extensions `consent-given-by` and `consent-withdrawn-on`; `status` is `inactive`
/// once withdrawn on `as_of`, else `active`.
fn consent(
    doc: &Doc,
    members: &[(String, String, String)],
    c: &crate::summary::Consent,
    as_of: IsoDate,
) -> Value {
    let mut role = vec![coding("consent-recipient-scope", c.to)];
    if let Some(r) = c.role {
        role.push(coding("care-role", r));
    }
    let mut reference = match &c.member {
        Some(m) => member_ref(members, m, false),
        None => json!({}),
    };
    if let Some(inst) = &c.institution {
        set(&mut reference, "display", json!(inst));
    }
    if c.member.is_none() && c.institution.is_none() {
        set(
            &mut reference,
            "extension",
            json!([{"url": DATA_ABSENT, "valueCode": "not-applicable"}]),
        );
    }
    let mut period = json!({"start": date(c.given_on)});
    if let Some(e) = c.expires_on {
        set(&mut period, "end", date(e));
    }
    let purposes: Vec<Value> = c.uses.iter().map(|u| coding("consent-use", *u)).collect();
    let withdrawn = c.withdrawn_on.is_some_and(|w| w <= as_of);
    let mut res = json!({
        "resourceType": "Consent",
        "status": if withdrawn { "inactive" } else { "active" },
        "scope": {"coding": [plain_coding("http://terminology.hl7.org/CodeSystem/consentscope", "patient-privacy", "Privacy Consent")]},
        "category": [{"coding": [plain_coding(LOINC, "59284-0", "Patient Consent")]}],
        "patient": doc.subject(),
        "dateTime": c.given_on.to_string(),
        "policyRule": {"text": "個人情報の保護に関する法律 第27条（第三者提供の制限）"},
        "provision": {
            "type": "permit",
            "period": period,
            "actor": [{"role": {"coding": role}, "reference": reference}],
            "purpose": purposes,
        },
        "extension": [ext_value("consent-given-by", "valueCoding", coding("consent-giver", c.given_by))],
    });
    if let Some(w) = c.withdrawn_on {
        push(
            &mut res,
            "extension",
            ext_value("consent-withdrawn-on", "valueDate", date(w)),
        );
    }
    res
}
