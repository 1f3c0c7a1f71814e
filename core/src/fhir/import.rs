//! `summary.from_fhir`: a FHIR R4 Bundle (kyoten's own document, a JP-CLINS discharge
//! summary or referral, or a 6情報 `collection`) read back into a [`SummaryRequest`].
//!
//! Every element is either read, or reported: [`Res`] records which keys of a resource
//! (and of the nested elements read the same way) were read, and reports the others with
//! `fhir.import.element_not_mapped`, unknown extensions with `fhir.import.extension_unknown`.
//! References are looked up, never followed recursively, so a cycle cannot loop.

use super::export::{
    ANAPHYLAXIS, CONTACT_ROLE_V2, ICD10, LOINC, NO_KNOWN_ALLERGY, ROLE_CODE, SNOMED,
};
use super::{
    BUNDLE_TYPE, CHILD_ID_DIFFERS, CODE_UNKNOWN, CODING_UNMAPPED, DERIVED_SKIPPED,
    EN_REPRESENTATION, EXTENSION_UNKNOWN, FhirImportRequest, JP_EHRSHRS_INDICATION, MANY_PATIENTS,
    MAX_ENTRIES, MISSING, NO_AS_OF, NO_CHILD_ID_IMPORT, NO_PATIENT, NOT_A_BUNDLE, NOT_MAPPED,
    PROFILE_UNKNOWN, REFERENCE_BROKEN, RESOURCE_NOT_MAPPED, TOO_MANY_ENTRIES,
    UNDISCLOSED_CONDITION, VALUE_INVALID, cs, ext, member_system, parse_code,
};
use crate::calendar::IsoDate;
use crate::care::{CareItem, ClinicalProfile, Frequency, LowSpo2, Per};
use crate::finding::{Finding, Label, Path};
use crate::ops::Computed;
use crate::summary::consent::{ConsentGiver, RecipientScope};
use crate::summary::{
    Allergies, Allergy, AllergyCategory, AllergySeverity, AllergyStatus, BloodType, CareRole,
    CareTeamMember, Child, ChildSummary, Contact, Device, DeviceKind, DeviceSetting, Diagnosis,
    EmergencyAction, EmergencyPlan, HistoryEntry, HistoryKind, Medication, MedicationRoute,
    Provenance, Range, Relationship, Resuscitation, Sex, SummaryRequest, Vaccination, Vaccine,
    VitalSigns,
};
use crate::summary::{ChildId, Consent, ConsentUse, MunicipalityCode};
use crate::version::FormatVersion;
use serde::de::DeserializeOwned;
use serde_json::{Map, Value};
use std::collections::BTreeMap;

pub(super) fn operation(req: FhirImportRequest) -> Computed<SummaryRequest> {
    from_fhir(&req)
}

/// The keys of one JSON object that were read, so that the others can be reported.
struct Res<'a> {
    m: &'a Map<String, Value>,
    path: Path,
    used: Vec<String>,
    ext_used: Vec<usize>,
}

impl<'a> Res<'a> {
    fn new(v: &'a Value, path: Path) -> Option<Self> {
        v.as_object().map(|m| Res {
            m,
            path,
            used: Vec::new(),
            ext_used: Vec::new(),
        })
    }
    fn get(&mut self, k: &str) -> Option<&'a Value> {
        let v = self.m.get(k)?;
        self.used.push(k.to_owned());
        Some(v)
    }
    fn str(&mut self, k: &str) -> Option<&'a str> {
        self.get(k).and_then(Value::as_str)
    }
    fn at(&self, k: &str) -> Path {
        self.path.key(k)
    }
    /// The values of the extensions with `url` (their `value[x]` objects), marked as read.
    fn ext(&mut self, url: &str) -> Vec<(&'a Value, Path)> {
        let mut out = Vec::new();
        if let Some(Value::Array(list)) = self.m.get("extension") {
            for (i, e) in list.iter().enumerate() {
                if e.get("url").and_then(Value::as_str) == Some(url) {
                    self.ext_used.push(i);
                    out.push((e, self.path.key("extension").index(i)));
                }
            }
        }
        out
    }
    fn array(&mut self, k: &str) -> Vec<(&'a Value, Path)> {
        let base = self.at(k);
        match self.get(k) {
            Some(Value::Array(a)) => a
                .iter()
                .enumerate()
                .map(|(i, v)| (v, base.index(i)))
                .collect(),
            Some(v) => vec![(v, base)],
            None => Vec::new(),
        }
    }
    /// Reports every key not read (except `ignore`) and every extension not read.
    fn finish(self, cx: &mut Cx, ignore: &[&str]) {
        for (k, _) in self.m.iter() {
            if k == "extension" {
                if let Some(Value::Array(list)) = self.m.get("extension") {
                    for (i, _) in list.iter().enumerate() {
                        if !self.ext_used.contains(&i) {
                            cx.push(EXTENSION_UNKNOWN.at(self.path.key("extension").index(i)));
                        }
                    }
                }
                continue;
            }
            if self.used.iter().any(|u| u == k) || ignore.contains(&k.as_str()) {
                continue;
            }
            // A FHIR element name points at itself; anything else (a key that could
            // hold a name or other text of the sender's) points at its object.
            if fhir_element_name(k) {
                cx.push(NOT_MAPPED.at(self.path.key(k)));
            } else {
                cx.push(NOT_MAPPED.at(self.path.clone()));
            }
        }
    }
}

/// True for a key shaped like a FHIR element name (`birthDate`, `_birthDate`,
/// `valueQuantity`): ASCII letters and digits after an optional `_`, at most 64 long.
fn fhir_element_name(k: &str) -> bool {
    let name = k.strip_prefix('_').unwrap_or(k);
    name.len() <= 64
        && name.starts_with(|c: char| c.is_ascii_alphabetic())
        && name.chars().all(|c| c.is_ascii_alphanumeric())
}

/// Keys every resource may carry that hold no fact of the child: checked elsewhere
/// (`meta`), rendered from the data (`text`), or the resource's own bookkeeping.
const ALWAYS: &[&str] = &[
    "resourceType",
    "id",
    "meta",
    "text",
    "language",
    "contained",
];

struct Cx {
    findings: Vec<Finding>,
    /// fullUrl and `Type/id` → entry index
    index: BTreeMap<String, usize>,
    /// entry index → (position in the care team, member id)
    members: BTreeMap<usize, (usize, String)>,
}

impl Cx {
    fn push(&mut self, f: Finding) {
        // Enough to show the shape of a hostile bundle; the report caps the list anyway.
        if self.findings.len() < 2 * crate::finding::MAX_FINDINGS {
            self.findings.push(f);
        }
    }
    /// The entry a reference points to, or a finding.
    fn resolve(&mut self, r: &Value, path: &Path) -> Option<usize> {
        let s = r.get("reference").and_then(Value::as_str)?;
        if s.starts_with('#') {
            return None; // contained: read by the caller
        }
        let tail = s.rsplit('/').take(2).collect::<Vec<_>>();
        let short = match tail.as_slice() {
            [id, ty] => format!("{ty}/{id}"),
            _ => s.to_owned(),
        };
        match self.index.get(s).or_else(|| self.index.get(&short)) {
            Some(i) => Some(*i),
            None => {
                self.push(REFERENCE_BROKEN.at(path.key("reference")));
                None
            }
        }
    }
    /// The care-team member id a reference names: by kyoten's identifier, or by the
    /// resource it points to.
    fn member_of(&mut self, r: &Value, path: &Path) -> Option<String> {
        if let Some(id) = r.get("identifier")
            && id.get("system").and_then(Value::as_str) == Some(member_system().as_str())
            && let Some(v) = id.get("value").and_then(Value::as_str)
        {
            return Some(v.to_owned());
        }
        let i = self.resolve(r, path)?;
        self.members.get(&i).map(|(_, id)| id.clone())
    }
    /// A value of one of kyoten's enumerations from the coding of `system` in a
    /// CodeableConcept (or a Coding).
    fn code<T: DeserializeOwned>(&mut self, cc: &Value, system: &str, path: &Path) -> Option<T> {
        let want = cs(system);
        let codings: Vec<(&Value, Path)> = match cc.get("coding") {
            Some(Value::Array(a)) => a
                .iter()
                .enumerate()
                .map(|(i, c)| (c, path.key("coding").index(i)))
                .collect(),
            _ => vec![(cc, path.clone())],
        };
        for (c, p) in codings {
            if c.get("system").and_then(Value::as_str) == Some(want.as_str()) {
                let code = c.get("code").and_then(Value::as_str).unwrap_or_default();
                match parse_code::<T>(code) {
                    Some(v) => return Some(v),
                    None => {
                        self.push(CODE_UNKNOWN.at(p.key("code")));
                        return None;
                    }
                }
            }
        }
        None
    }
    fn invalid(&mut self, path: Path) {
        self.push(VALUE_INVALID.at(path));
    }
}

/// True if a CodeableConcept has the coding `system#code`.
fn has_coding(cc: Option<&Value>, system: &str, code: &str) -> bool {
    codings(cc).any(|c| {
        c.get("system").and_then(Value::as_str) == Some(system)
            && c.get("code").and_then(Value::as_str) == Some(code)
    })
}

fn codings(cc: Option<&Value>) -> impl Iterator<Item = &Value> {
    cc.and_then(|c| c.get("coding"))
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
}

/// The text of a CodeableConcept: its `text`, else the first coding's display, else code.
fn cc_text(cc: Option<&Value>) -> Option<String> {
    let cc = cc?;
    if let Some(t) = cc.get("text").and_then(Value::as_str) {
        return Some(t.to_owned());
    }
    codings(Some(cc)).find_map(|c| {
        c.get("display")
            .or_else(|| c.get("code"))
            .and_then(Value::as_str)
            .map(str::to_owned)
    })
}

/// A FHIR date or dateTime's date part.
fn date_of(cx: &mut Cx, v: Option<&Value>, path: Path) -> Option<IsoDate> {
    let s = v?.as_str();
    match s.and_then(|s| s.get(..10)).and_then(IsoDate::parse) {
        Some(d) => Some(d),
        None => {
            cx.invalid(path);
            None
        }
    }
}

fn is_kyoten_code(cc: Option<&Value>, system: &str) -> bool {
    let want = cs(system);
    codings(cc).any(|c| c.get("system").and_then(Value::as_str) == Some(want.as_str()))
}

/// Reports the codings of a CodeableConcept that kyoten cannot translate (info).
fn unmapped_codings(cx: &mut Cx, cc: Option<&Value>, path: &Path, known: &[&str]) {
    if let Some(Value::Array(a)) = cc.and_then(|c| c.get("coding")) {
        for (i, c) in a.iter().enumerate() {
            let sys = c.get("system").and_then(Value::as_str).unwrap_or_default();
            if !sys.starts_with(super::BASE) && !known.contains(&sys) {
                cx.push(CODING_UNMAPPED.at(path.key("coding").index(i)));
            }
        }
    }
}

/// Name and kana from JP Core HumanNames: `IDE` is the name, `SYL` the reading; without
/// the extension, the first name is the name and a second the reading.
fn read_names(cx: &mut Cx, names: Vec<(&Value, Path)>) -> (Option<String>, Option<String>) {
    let mut name = None;
    let mut kana = None;
    let mut plain: Vec<(String, Path)> = Vec::new();
    for (n, p) in names {
        let Some(mut r) = Res::new(n, p.clone()) else {
            cx.invalid(p);
            continue;
        };
        let repr = r
            .ext(EN_REPRESENTATION)
            .first()
            .and_then(|(e, _)| e.get("valueCode"))
            .and_then(Value::as_str)
            .map(str::to_owned);
        let family = r.str("family");
        let given: Vec<&str> = r
            .get("given")
            .and_then(Value::as_array)
            .map(|g| g.iter().filter_map(Value::as_str).collect())
            .unwrap_or_default();
        let text = r.str("text").map(str::to_owned).or_else(|| {
            let mut parts: Vec<&str> = family.into_iter().collect();
            parts.extend(given.iter());
            (!parts.is_empty()).then(|| parts.join(" "))
        });
        r.get("use");
        r.finish(cx, &[]);
        let Some(text) = text else { continue };
        match repr.as_deref() {
            Some("IDE") | Some("ABC") if name.is_none() => name = Some(text),
            Some("SYL") if kana.is_none() => kana = Some(text),
            None => plain.push((text, p)),
            // A second kanji or kana name (an old name, an alias): no place for it.
            Some(_) => cx.push(NOT_MAPPED.at(p)),
        }
    }
    let mut rest = plain.into_iter();
    if name.is_none() {
        name = rest.next().map(|(t, _)| t);
    }
    if kana.is_none() {
        kana = rest.next().map(|(t, _)| t);
    }
    for (_, p) in rest {
        cx.push(NOT_MAPPED.at(p));
    }
    (name, kana)
}

/// Phones: rank 1 (or the first) and rank 2 (or the second); a phone marked out of hours
/// as the third value.
fn read_phones(cx: &mut Cx, list: Vec<(&Value, Path)>) -> [Option<String>; 3] {
    let mut out: [Option<String>; 3] = [None, None, None];
    let mut unranked = Vec::new();
    for (t, p) in list {
        let Some(mut r) = Res::new(t, p.clone()) else {
            cx.invalid(p);
            continue;
        };
        let system = r.str("system");
        let value = r.str("value").map(str::to_owned);
        let rank = r.get("rank").and_then(Value::as_u64);
        let ooh = !r.ext(&ext("out-of-hours")).is_empty();
        r.get("use");
        let path = r.path.clone();
        r.finish(cx, &[]);
        if !matches!(system, Some("phone") | Some("sms") | None) {
            cx.push(NOT_MAPPED.at(path));
            continue;
        }
        let Some(v) = value else { continue };
        let slot = if ooh {
            Some(2)
        } else {
            match rank {
                Some(1) => Some(0),
                Some(2) => Some(1),
                _ => None,
            }
        };
        match slot.and_then(|s| out.get_mut(s)) {
            Some(o) if o.is_none() => *o = Some(v),
            _ => unranked.push((v, path)),
        }
    }
    for (v, path) in unranked {
        match out.iter_mut().take(2).find(|o| o.is_none()) {
            Some(o) => *o = Some(v),
            None => cx.push(NOT_MAPPED.at(path)),
        }
    }
    out
}

const PROFILE_PREFIXES: &[&str] = &[
    "http://jpfhir.jp/fhir/",
    "https://kyoten.example/fhir/",
    "http://hl7.org/fhir/StructureDefinition/",
];

/// Checks `meta`: profiles kyoten does not read by (info), JP-CLINS's 未告知 tag.
/// Returns true when the resource is marked undisclosed to the patient.
fn read_meta(cx: &mut Cx, res: &Value, path: &Path) -> bool {
    let Some(meta) = res.get("meta") else {
        return false;
    };
    if let Some(Value::Array(ps)) = meta.get("profile") {
        for (i, p) in ps.iter().enumerate() {
            let s = p.as_str().unwrap_or_default();
            if !PROFILE_PREFIXES.iter().any(|pre| s.starts_with(pre)) {
                cx.push(PROFILE_UNKNOWN.at(path.key("meta").key("profile").index(i)));
            }
        }
    }
    let tagged = |key: &str| {
        meta.get(key)
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .any(|t| {
                t.get("system").and_then(Value::as_str) == Some(JP_EHRSHRS_INDICATION)
                    && t.get("code").and_then(Value::as_str) == Some("UNINFORMED")
            })
    };
    tagged("tag") || tagged("security")
}

#[derive(Default)]
struct Acc {
    child: Option<Child>,
    guardians: Vec<Contact>,
    emergency: Vec<Contact>,
    diagnoses: Vec<Diagnosis>,
    clinical: ClinicalProfile,
    devices: Vec<(usize, Device)>,
    medications: Vec<crate::summary::Medication>,
    allergy_none: bool,
    allergies: Vec<Allergy>,
    vaccinations: Vec<Vaccination>,
    vitals: Option<VitalSigns>,
    team: Vec<CareTeamMember>,
    history: Vec<HistoryEntry>,
    plan: Option<EmergencyPlan>,
    provenance: Vec<Provenance>,
    consents: Vec<Consent>,
    scores_seen: bool,
}

/// Reads `req.bundle` into a summary request (see `docs/fhir-mapping.md`).
pub fn from_fhir(req: &FhirImportRequest) -> Computed<SummaryRequest> {
    let root = Path::root().key("bundle");
    let mut cx = Cx {
        findings: Vec::new(),
        index: BTreeMap::new(),
        members: BTreeMap::new(),
    };
    let b = &req.bundle;
    if b.get("resourceType").and_then(Value::as_str) != Some("Bundle") {
        cx.push(NOT_A_BUNDLE.at(root.clone()));
        return Computed::new(cx.findings, None);
    }
    let Some(mut br) = Res::new(b, root.clone()) else {
        return Computed::new(cx.findings, None);
    };
    match br.str("type") {
        Some("document") | Some("collection") => {}
        _ => cx.push(BUNDLE_TYPE.at(root.key("type"))),
    }
    let timestamp = br.get("timestamp");
    br.get("identifier");
    let entries: Vec<(&Value, Path)> = br.array("entry");
    br.finish(&mut cx, ALWAYS);
    if entries.len() > MAX_ENTRIES {
        cx.push(
            TOO_MANY_ENTRIES
                .at(root.key("entry"))
                .with("max", MAX_ENTRIES),
        );
    }
    // Index: fullUrl and Type/id → entry.
    let mut resources: Vec<(usize, &Value, Path)> = Vec::new();
    for (i, (e, p)) in entries.iter().take(MAX_ENTRIES).enumerate() {
        let Some(mut er) = Res::new(e, p.clone()) else {
            cx.invalid(p.clone());
            continue;
        };
        let full = er.str("fullUrl");
        let res = er.get("resource");
        er.finish(&mut cx, &[]);
        let Some(res) = res.filter(|r| r.is_object()) else {
            cx.push(MISSING.at(p.key("resource")));
            continue;
        };
        if let Some(f) = full {
            cx.index.insert(f.to_owned(), i);
        }
        if let (Some(t), Some(id)) = (
            res.get("resourceType").and_then(Value::as_str),
            res.get("id").and_then(Value::as_str),
        ) {
            cx.index.insert(format!("{t}/{id}"), i);
        }
        resources.push((i, res, p.key("resource")));
    }

    let mut acc = Acc::default();
    // Members first (other resources refer to them): Organizations in order.
    for (i, res, path) in &resources {
        if res.get("resourceType").and_then(Value::as_str) == Some("Organization") {
            read_organization(&mut cx, &mut acc, *i, res, path);
        }
    }
    for (i, res, path) in &resources {
        if res.get("resourceType").and_then(Value::as_str) == Some("PractitionerRole") {
            read_practitioner_role(&mut cx, &mut acc, *i, res, path, &resources);
        }
    }
    // Patient: the first top-level one, else the first contained one.
    let patients: Vec<&(usize, &Value, Path)> = resources
        .iter()
        .filter(|(_, r, _)| r.get("resourceType").and_then(Value::as_str) == Some("Patient"))
        .collect();
    if patients.len() > 1
        && let Some((_, _, p)) = patients.get(1)
    {
        cx.push(MANY_PATIENTS.at(p.clone()));
    }
    let contained_patient = resources.iter().find_map(|(_, r, p)| {
        r.get("contained")
            .and_then(Value::as_array)?
            .iter()
            .enumerate()
            .find(|(_, c)| c.get("resourceType").and_then(Value::as_str) == Some("Patient"))
            .map(|(j, c)| (c, p.key("contained").index(j)))
    });
    match (patients.first(), contained_patient) {
        (Some((_, r, p)), _) => read_patient(&mut cx, &mut acc, r, p, req.child_id.as_ref()),
        (None, Some((r, p))) => read_patient(&mut cx, &mut acc, r, &p, req.child_id.as_ref()),
        (None, None) => cx.push(NO_PATIENT.at(root.key("entry"))),
    }
    for (i, res, path) in &resources {
        let ty = res
            .get("resourceType")
            .and_then(Value::as_str)
            .unwrap_or_default();
        if read_meta(&mut cx, res, path) {
            // JP-CLINS 未告知: never read, so nothing the family sees can show it.
            cx.push(UNDISCLOSED_CONDITION.at(path.clone()));
            continue;
        }
        contained_others(&mut cx, res, path);
        match ty {
            "Patient" | "Organization" | "PractitionerRole" => {}
            "Practitioner" => {
                if !resources.iter().any(|(_, r, _)| {
                    r.get("resourceType").and_then(Value::as_str) == Some("PractitionerRole")
                        && r.pointer("/practitioner/reference")
                            .and_then(Value::as_str)
                            .is_some_and(|s| {
                                cx.index.get(s) == Some(i)
                                    || s.ends_with(&format!(
                                        "/{}",
                                        res.get("id").and_then(Value::as_str).unwrap_or("\u{0}")
                                    ))
                            })
                }) {
                    cx.push(RESOURCE_NOT_MAPPED.at(path.clone()));
                }
            }
            "Composition" => read_composition(&mut cx, res, path),
            "RelatedPerson" => read_related_person(&mut cx, &mut acc, res, path),
            "Condition" => read_condition(&mut cx, &mut acc, res, path),
            "Procedure" => read_procedure(&mut cx, &mut acc, res, path),
            "Observation" => read_observation(&mut cx, &mut acc, res, path),
            "Device" => read_device(&mut cx, &mut acc, *i, res, path),
            "DeviceUseStatement" => read_device_use(&mut cx, &mut acc, res, path),
            "MedicationStatement" | "MedicationRequest" => {
                read_medication(&mut cx, &mut acc, res, path)
            }
            "AllergyIntolerance" => read_allergy(&mut cx, &mut acc, res, path),
            "CarePlan" => read_care_plan(&mut cx, &mut acc, res, path),
            "Encounter" => read_encounter(&mut cx, &mut acc, res, path),
            "Immunization" => read_immunization(&mut cx, &mut acc, res, path),
            "Provenance" => read_provenance(&mut cx, &mut acc, res, path),
            "Consent" => read_consent(&mut cx, &mut acc, res, path),
            _ => cx.push(RESOURCE_NOT_MAPPED.at(path.clone())),
        }
    }
    if acc.scores_seen {
        cx.push(DERIVED_SKIPPED.at(root.key("entry")));
    }
    // Document order: by entry, then in the order read.
    cx.findings.sort_by_key(|f| entry_of(&f.path));

    let as_of = req.as_of.or_else(|| {
        timestamp
            .and_then(Value::as_str)
            .and_then(|s| s.get(..10))
            .and_then(IsoDate::parse)
    });
    let Some(as_of) = as_of else {
        cx.push(NO_AS_OF.at(root.key("timestamp")));
        return Computed::new(cx.findings, None);
    };
    let Some(child) = acc.child else {
        return Computed::new(cx.findings, None);
    };
    let status = if !acc.allergies.is_empty() {
        AllergyStatus::Present
    } else if acc.allergy_none {
        AllergyStatus::NoneKnown
    } else {
        AllergyStatus::Unknown
    };
    let summary = ChildSummary {
        child,
        guardians: acc.guardians,
        emergency_contacts: acc.emergency,
        diagnoses: acc.diagnoses,
        clinical: acc.clinical,
        devices: acc.devices.into_iter().map(|(_, d)| d).collect(),
        medications: acc.medications,
        allergies: Allergies {
            status,
            items: acc.allergies,
        },
        vaccinations: acc.vaccinations,
        vital_signs: acc.vitals,
        care_team: acc.team,
        history: acc.history,
        emergency_plan: acc.plan,
        provenance: acc.provenance,
        consents: acc.consents,
    };
    Computed::new(
        cx.findings,
        Some(SummaryRequest {
            schema: None,
            // What this library writes is a document of its current version.
            version: Some(FormatVersion::CURRENT),
            as_of,
            summary,
            strict_provenance: false,
        }),
    )
}

/// The entry index a pointer is under (`/bundle/entry/7/…` → 7); others first.
fn entry_of(path: &str) -> usize {
    path.strip_prefix("/bundle/entry/")
        .and_then(|r| r.split('/').next())
        .and_then(|n| n.parse::<usize>().ok())
        .map_or(0, |n| n.saturating_add(1))
}

/// Contained resources other than the Patient (JP-CLINS 6情報 repeat the Patient in
/// each resource; an Encounter or Organization there has no place in the summary).
fn contained_others(cx: &mut Cx, res: &Value, path: &Path) {
    if let Some(Value::Array(list)) = res.get("contained") {
        for (j, c) in list.iter().enumerate() {
            if c.get("resourceType").and_then(Value::as_str) != Some("Patient") {
                cx.push(RESOURCE_NOT_MAPPED.at(path.key("contained").index(j)));
            }
        }
    }
}

/// Subject/patient references: read (a broken one is reported).
fn subject(cx: &mut Cx, r: &mut Res<'_>, key: &str) {
    let p = r.at(key);
    if let Some(s) = r.get(key) {
        cx.resolve(s, &p);
    }
}

fn read_patient(cx: &mut Cx, acc: &mut Acc, res: &Value, path: &Path, given_id: Option<&ChildId>) {
    let Some(mut r) = Res::new(res, path.clone()) else {
        return;
    };
    let names = r.array("name");
    let (name, kana) = read_names(cx, names);
    let sex = match r.str("gender") {
        Some("male") => Sex::Male,
        Some("female") => Sex::Female,
        Some("other") => Sex::Undetermined,
        _ => Sex::Unknown,
    };
    let bp = r.at("birthDate");
    let birth = date_of(cx, r.get("birthDate"), bp.clone());
    let mut municipality = None;
    let mut municipality_code = None;
    for (a, p) in r.array("address") {
        let Some(mut ar) = Res::new(a, p.clone()) else {
            continue;
        };
        let text = ar.str("text").map(str::to_owned);
        for (e, ep) in ar.ext(&ext("municipality-code")) {
            match e.get("valueCode").and_then(Value::as_str) {
                Some(code) if municipality_code.is_none() => {
                    municipality_code = Some(MunicipalityCode(code.to_owned()));
                }
                Some(_) => cx.push(NOT_MAPPED.at(ep)),
                None => cx.invalid(ep.key("valueCode")),
            }
        }
        let parts: String = ["state", "city"].iter().filter_map(|k| ar.str(k)).collect();
        ar.get("use");
        ar.get("type");
        ar.finish(cx, &["line", "postalCode", "country", "district", "period"]);
        if municipality.is_none() {
            municipality = if parts.is_empty() { text } else { Some(parts) };
        }
    }
    // The child id: the identifier with kyoten's child-id system (the first one; a
    // hospital's patient number and any further ids have no place in the summary).
    let mut child_id: Option<String> = None;
    for (id, p) in r.array("identifier") {
        let kyoten =
            id.get("system").and_then(Value::as_str) == Some(super::child_id_system().as_str());
        match id.get("value").and_then(Value::as_str) {
            Some(v) if kyoten && child_id.is_none() => child_id = Some(v.to_owned()),
            None if kyoten => cx.invalid(p.key("value")),
            _ => cx.push(NOT_MAPPED.at(p)),
        }
    }
    match (&child_id, given_id) {
        (Some(b), Some(g)) if b != g.as_str() => {
            cx.push(CHILD_ID_DIFFERS.at(r.at("identifier")));
        }
        (Some(_), _) => {}
        (None, Some(g)) => child_id = Some(g.as_str().to_owned()),
        (None, None) => {
            // A foreign bundle (JP-CLINS, 6情報) knows the hospital's number, not the
            // hub's id, and the request gave none: the hub must assign one. The summary
            // gets an empty id (never a made-up one that could match another child),
            // which `summary.validate` also reports.
            cx.push(NO_CHILD_ID_IMPORT.at(r.at("identifier")));
        }
    }
    // JP_Patient.contact (an EMR's emergency contacts): name, phones; the relationship
    // codes (v2-0131) say "contact", not who the person is.
    for (c, p) in r.array("contact") {
        let Some(mut cr) = Res::new(c, p.clone()) else {
            cx.invalid(p);
            continue;
        };
        let names: Vec<(&Value, Path)> = cr
            .get("name")
            .map(|n| vec![(n, p.key("name"))])
            .unwrap_or_default();
        let (cname, ckana) = read_names(cx, names);
        let [phone, phone_alt, _] = read_phones(cx, cr.array("telecom"));
        cr.get("relationship");
        cr.finish(cx, &[]);
        match cname {
            Some(n) => acc.emergency.push(Contact {
                name: n,
                kana: ckana,
                relationship: Relationship::Other,
                phone,
                phone_alt,
                note: None,
            }),
            None => cx.push(MISSING.at(p.key("name"))),
        }
    }
    if name.is_none() {
        cx.push(MISSING.at(r.at("name")));
    }
    if kana.is_none() {
        cx.push(MISSING.at(r.at("name")).with(
            "field",
            Label {
                code: "kana",
                ja: "ふりがな",
                en: "kana",
            },
        ));
    }
    if municipality.is_none() {
        cx.push(MISSING.at(r.at("address")));
    }
    r.finish(cx, ALWAYS);
    let Some(date_of_birth) = birth else {
        cx.push(MISSING.at(bp));
        return;
    };
    let blood = acc.child.as_ref().and_then(|c| c.blood_type);
    acc.child = Some(Child {
        id: ChildId(child_id.unwrap_or_default()),
        municipality_code,
        name: name.unwrap_or_default(),
        kana: kana.unwrap_or_default(),
        sex,
        date_of_birth,
        municipality: municipality.unwrap_or_default(),
        blood_type: blood,
    });
}

fn read_composition(cx: &mut Cx, res: &Value, path: &Path) {
    let Some(mut r) = Res::new(res, path.clone()) else {
        return;
    };
    for k in [
        "status",
        "type",
        "category",
        "date",
        "author",
        "title",
        "subject",
        "identifier",
        "custodian",
        "confidentiality",
    ] {
        r.get(k);
    }
    for (sec, p) in r.array("section") {
        read_section(cx, sec, &p, 0);
    }
    r.finish(cx, ALWAYS);
}

fn read_section(cx: &mut Cx, sec: &Value, p: &Path, depth: usize) {
    let Some(mut sr) = Res::new(sec, p.clone()) else {
        return;
    };
    sr.get("title");
    sr.get("code");
    sr.get("emptyReason");
    let entries = sr.array("entry");
    let has_text = sr.get("text").is_some();
    for (e, ep) in &entries {
        cx.resolve(e, ep);
    }
    if entries.is_empty() && has_text && sec.get("emptyReason").is_none() {
        // A section of narrative only (JP-CLINS 入院経過 and the like): no place for it.
        cx.push(NOT_MAPPED.at(sr.at("text")));
    }
    if depth < 4 {
        for (s, sp) in sr.array("section") {
            read_section(cx, s, &sp, depth + 1);
        }
    }
    sr.finish(cx, &["author", "focus", "mode", "orderedBy"]);
}

fn read_organization(cx: &mut Cx, acc: &mut Acc, i: usize, res: &Value, path: &Path) {
    let Some(mut r) = Res::new(res, path.clone()) else {
        return;
    };
    let mut id = None;
    for (ident, p) in r.array("identifier") {
        if ident.get("system").and_then(Value::as_str) == Some(member_system().as_str()) {
            id = ident
                .get("value")
                .and_then(Value::as_str)
                .map(str::to_owned);
        } else {
            cx.push(NOT_MAPPED.at(p));
        }
    }
    let mut role = None;
    for (t, p) in r.array("type") {
        if role.is_none() {
            role = cx.code::<CareRole>(t, "care-role", &p);
        }
        unmapped_codings(cx, Some(t), &p, &[]);
    }
    let organisation = r.str("name").map(str::to_owned);
    let [phone, _, ooh] = read_phones(cx, r.array("telecom"));
    r.finish(cx, ALWAYS);
    let id = id.unwrap_or_else(|| format!("org-{}", acc.team.len() + 1));
    if organisation.is_none() {
        cx.push(MISSING.at(path.key("name")));
    }
    cx.members.insert(i, (acc.team.len(), id.clone()));
    acc.team.push(CareTeamMember {
        id,
        role: role.unwrap_or(CareRole::Other),
        organisation: organisation.unwrap_or_default(),
        person: None,
        phone,
        phone_out_of_hours: ooh,
    });
}

fn read_practitioner_role(
    cx: &mut Cx,
    acc: &mut Acc,
    i: usize,
    res: &Value,
    path: &Path,
    resources: &[(usize, &Value, Path)],
) {
    let Some(mut r) = Res::new(res, path.clone()) else {
        return;
    };
    let org_path = r.at("organization");
    let org = r.get("organization").and_then(|o| cx.resolve(o, &org_path));
    let pr_path = r.at("practitioner");
    let pr = r.get("practitioner").and_then(|o| cx.resolve(o, &pr_path));
    r.get("code");
    r.finish(cx, ALWAYS);
    let Some(org) = org else {
        cx.push(RESOURCE_NOT_MAPPED.at(path.clone()));
        return;
    };
    let Some(member) = cx.members.get(&org).cloned() else {
        return;
    };
    cx.members.insert(i, member.clone());
    if let Some(pr) = pr
        && let Some((_, pres, ppath)) = resources.iter().find(|(j, _, _)| *j == pr)
    {
        cx.members.insert(pr, member.clone());
        let Some(mut prr) = Res::new(pres, ppath.clone()) else {
            return;
        };
        let (name, _) = read_names(cx, prr.array("name"));
        prr.finish(cx, ALWAYS);
        if let Some(m) = acc.team.get_mut(member.0) {
            m.person = name;
        }
    }
}

fn read_related_person(cx: &mut Cx, acc: &mut Acc, res: &Value, path: &Path) {
    let Some(mut r) = Res::new(res, path.clone()) else {
        return;
    };
    subject(cx, &mut r, "patient");
    let mut guardian = None;
    let mut relationship = None;
    for (rel, p) in r.array("relationship") {
        match rel.pointer("/coding/0/system").and_then(Value::as_str) {
            Some(s) if s == cs("contact-role") => {
                guardian =
                    Some(rel.pointer("/coding/0/code").and_then(Value::as_str) == Some("guardian"));
            }
            Some(s) if s == cs("relationship") => {
                relationship =
                    relationship.or_else(|| cx.code::<Relationship>(rel, "relationship", &p));
            }
            Some(CONTACT_ROLE_V2) => {
                if guardian.is_none() && has_coding(Some(rel), CONTACT_ROLE_V2, "C") {
                    guardian = Some(false);
                }
            }
            Some(ROLE_CODE) => {
                let code = rel
                    .pointer("/coding/0/code")
                    .and_then(Value::as_str)
                    .unwrap_or_default();
                let v = match code {
                    "MTH" | "NMTH" => Some(Relationship::Mother),
                    "FTH" | "NFTH" => Some(Relationship::Father),
                    "GRMTH" => Some(Relationship::Grandmother),
                    "GRFTH" => Some(Relationship::Grandfather),
                    "SIB" | "BRO" | "SIS" => Some(Relationship::Sibling),
                    "FAMMEMB" => Some(Relationship::OtherRelative),
                    "GUARD" => Some(Relationship::LegalGuardian),
                    "FSTPAR" => Some(Relationship::FosterParent),
                    _ => None,
                };
                if v.is_none() {
                    cx.push(CODING_UNMAPPED.at(p));
                }
                relationship = relationship.or(v);
            }
            _ => cx.push(CODING_UNMAPPED.at(p)),
        }
    }
    let (name, kana) = read_names(cx, r.array("name"));
    let [phone, phone_alt, _] = read_phones(cx, r.array("telecom"));
    let note = r
        .ext(&ext("contact-note"))
        .first()
        .and_then(|(e, _)| e.get("valueString"))
        .and_then(Value::as_str)
        .map(str::to_owned);
    r.finish(cx, ALWAYS);
    if name.is_none() {
        cx.push(MISSING.at(path.key("name")));
    }
    let c = Contact {
        name: name.unwrap_or_default(),
        kana,
        relationship: relationship.unwrap_or(Relationship::Other),
        phone,
        phone_alt,
        note,
    };
    if guardian.unwrap_or(true) {
        acc.guardians.push(c);
    } else {
        acc.emergency.push(c);
    }
}

fn read_condition(cx: &mut Cx, acc: &mut Acc, res: &Value, path: &Path) {
    let Some(mut r) = Res::new(res, path.clone()) else {
        return;
    };
    subject(cx, &mut r, "subject");
    let code = r.get("code");
    let code_path = r.at("code");
    if is_kyoten_code(code, "clinical-condition") {
        if let Some(c) = code.and_then(|c| cx.code(c, "clinical-condition", &code_path)) {
            acc.clinical.conditions.push(c);
        }
        r.get("category");
        r.finish(cx, ALWAYS);
        return;
    }
    r.get("category");
    let clinical = r.get("clinicalStatus");
    if let Some(c) = clinical
        && !has_coding(
            Some(c),
            "http://terminology.hl7.org/CodeSystem/condition-clinical",
            "active",
        )
        && !has_coding(
            Some(c),
            "http://terminology.hl7.org/CodeSystem/condition-clinical",
            "recurrence",
        )
        && !has_coding(
            Some(c),
            "http://terminology.hl7.org/CodeSystem/condition-clinical",
            "relapse",
        )
    {
        // A resolved or inactive condition: the summary lists current diagnoses only.
        cx.push(NOT_MAPPED.at(r.at("clinicalStatus")));
    }
    if let Some(v) = r.get("verificationStatus")
        && !has_coding(
            Some(v),
            "http://terminology.hl7.org/CodeSystem/condition-ver-status",
            "confirmed",
        )
    {
        cx.push(NOT_MAPPED.at(r.at("verificationStatus")));
    }
    let name = cc_text(code);
    let icd10 = codings(code).find_map(|c| {
        let sys = c.get("system").and_then(Value::as_str).unwrap_or_default();
        (sys == ICD10 || sys.to_ascii_lowercase().contains("icd10") || sys.contains("icd-10"))
            .then(|| c.get("code").and_then(Value::as_str).map(str::to_owned))
            .flatten()
    });
    let primary = r
        .ext(&ext("primary-diagnosis"))
        .first()
        .and_then(|(e, _)| e.get("valueBoolean"))
        .and_then(Value::as_bool)
        .unwrap_or(false);
    let rp = r.at("recordedDate");
    let op = r.at("onsetDateTime");
    let diagnosed_on = match r.get("recordedDate") {
        Some(v) => date_of(cx, Some(v), rp),
        None => {
            let o = r.get("onsetDateTime");
            date_of(cx, o, op)
        }
    };
    r.finish(cx, ALWAYS);
    let Some(name) = name else {
        cx.push(MISSING.at(code_path));
        return;
    };
    acc.diagnoses.push(Diagnosis {
        name,
        icd10,
        primary,
        diagnosed_on,
    });
}

fn read_procedure(cx: &mut Cx, acc: &mut Acc, res: &Value, path: &Path) {
    let Some(mut r) = Res::new(res, path.clone()) else {
        return;
    };
    let code = r.get("code");
    if !is_kyoten_code(code, "care-kind") {
        cx.push(RESOURCE_NOT_MAPPED.at(path.clone()));
        return;
    }
    let cp = r.at("code");
    let Some(kind) = code.and_then(|c| cx.code(c, "care-kind", &cp)) else {
        return;
    };
    subject(cx, &mut r, "subject");
    r.get("status");
    let mut item = CareItem::new(kind);
    let pp = r.at("performedPeriod");
    if let Some(p) = r.get("performedPeriod") {
        item.since = date_of(cx, p.get("start"), pp.key("start"));
    }
    for (e, ep) in r.ext(&ext("care-detail")) {
        for (i, sub) in e
            .get("extension")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .enumerate()
        {
            let sp = ep.key("extension").index(i);
            let url = sub.get("url").and_then(Value::as_str).unwrap_or_default();
            let vc = sub.get("valueCoding").unwrap_or(&Value::Null);
            let vp = sp.key("valueCoding");
            match url {
                "watch" => item.watch = cx.code(vc, "watch-level", &vp),
                "ventilation" => item
                    .ventilation
                    .extend(cx.code::<crate::care::VentilationMode>(vc, "ventilation-mode", &vp)),
                "hours-per-day" => {
                    item.hours_per_day = sub
                        .get("valueInteger")
                        .and_then(Value::as_u64)
                        .and_then(|h| u8::try_from(h).ok());
                    if item.hours_per_day.is_none() {
                        cx.invalid(sp);
                    }
                }
                "frequency" => {
                    let rep = sub.pointer("/valueTiming/repeat");
                    let times = rep
                        .and_then(|r| r.get("frequency"))
                        .and_then(Value::as_u64)
                        .and_then(|t| u16::try_from(t).ok());
                    let per = match rep
                        .and_then(|r| r.get("periodUnit"))
                        .and_then(Value::as_str)
                    {
                        Some("h") => Some(Per::Hour),
                        Some("d") => Some(Per::Day),
                        Some("wk") => Some(Per::Week),
                        _ => None,
                    };
                    match (times, per) {
                        (Some(times), Some(per)) => item.frequency = Some(Frequency { times, per }),
                        _ => cx.invalid(sp),
                    }
                }
                "continuous" => {
                    item.continuous = sub
                        .get("valueBoolean")
                        .and_then(Value::as_bool)
                        .unwrap_or(false)
                }
                "suction-site" => item
                    .suction_sites
                    .extend(cx.code::<crate::care::SuctionSite>(vc, "suction-site", &vp)),
                "feeding-route" => item.feeding_route = cx.code(vc, "feeding-route", &vp),
                "urinary-route" => item.urinary_route = cx.code(vc, "urinary-route", &vp),
                "seizure-measure" => item
                    .seizure_measures
                    .extend(cx.code::<crate::care::SeizureMeasure>(vc, "seizure-measure", &vp)),
                "commercial-glycerin-only" => {
                    item.commercial_glycerin_only = sub
                        .get("valueBoolean")
                        .and_then(Value::as_bool)
                        .unwrap_or(false)
                }
                _ => cx.push(EXTENSION_UNKNOWN.at(sp)),
            }
        }
    }
    r.finish(cx, ALWAYS);
    acc.clinical.care.push(item);
}

fn quantity(v: Option<&Value>) -> Option<f64> {
    v?.get("value")?.as_f64()
}

fn read_observation(cx: &mut Cx, acc: &mut Acc, res: &Value, path: &Path) {
    let Some(mut r) = Res::new(res, path.clone()) else {
        return;
    };
    let code = r.get("code");
    let cp = r.at("code");
    if is_kyoten_code(code, "score") {
        acc.scores_seen = true;
        return;
    }
    subject(cx, &mut r, "subject");
    r.get("status");
    r.get("category");
    if is_kyoten_code(code, "clinical-fact") {
        let fact = codings(code)
            .find(|c| c.get("system").and_then(Value::as_str) == Some(cs("clinical-fact").as_str()))
            .and_then(|c| c.get("code"))
            .and_then(Value::as_str)
            .unwrap_or_default();
        let int = |r: &mut Res<'_>| r.get("valueInteger").and_then(Value::as_u64);
        let cl = &mut acc.clinical;
        match fact {
            "motor-level" => {
                let vp = r.at("valueCodeableConcept");
                if let Some(v) = r.get("valueCodeableConcept") {
                    cl.motor_level = cx.code(v, "motor-level", &vp);
                }
            }
            "iq" => cl.iq = int(&mut r).and_then(|v| u16::try_from(v).ok()),
            "dq" => cl.dq = int(&mut r).and_then(|v| u16::try_from(v).ok()),
            "support-level" => cl.support_level = int(&mut r).and_then(|v| u8::try_from(v).ok()),
            "behaviour-score" => {
                cl.behaviour_score = int(&mut r).and_then(|v| u8::try_from(v).ok())
            }
            "low-spo2" => {
                let pct = quantity(r.get("valueQuantity")).and_then(|v| {
                    if v.fract() == 0.0 && (0.0..=255.0).contains(&v) {
                        Some(v as u8)
                    } else {
                        None
                    }
                });
                let ep = r.at("effectivePeriod");
                let since = r
                    .get("effectivePeriod")
                    .and_then(|p| date_of(cx, p.get("start"), ep.key("start")));
                match pct {
                    Some(percent_of_time) => {
                        cl.low_spo2 = Some(LowSpo2 {
                            percent_of_time,
                            since,
                        })
                    }
                    None => cx.invalid(r.at("valueQuantity")),
                }
            }
            "nicu-discharge" => {
                let vp = r.at("valueDateTime");
                cl.nicu_discharge = date_of(cx, r.get("valueDateTime"), vp);
            }
            _ => cx.push(CODE_UNKNOWN.at(cp)),
        }
        r.finish(cx, ALWAYS);
        return;
    }
    if has_coding(code, LOINC, "882-1") {
        let mut abo = None;
        let mut rh = None;
        for (c, p) in r.array("component") {
            let vp = p.key("valueCodeableConcept");
            let v = c.get("valueCodeableConcept").unwrap_or(&Value::Null);
            if has_coding(c.get("code"), LOINC, "883-9") {
                abo = cx.code(v, "abo-group", &vp);
            } else if has_coding(c.get("code"), LOINC, "10331-7") {
                rh = cx.code(v, "rh-type", &vp);
            } else {
                cx.push(NOT_MAPPED.at(p));
            }
        }
        r.finish(cx, ALWAYS);
        if let (Some(abo), Some(rh)) = (abo, rh) {
            let bt = BloodType { abo, rh };
            match acc.child.as_mut() {
                Some(c) => c.blood_type = Some(bt),
                None => cx.push(NOT_MAPPED.at(path.clone())),
            }
        }
        return;
    }
    const VITALS: &[&str] = &[
        "29463-7", "8302-2", "59408-5", "2708-6", "8867-4", "9279-1", "8310-5", "8480-6", "85353-1",
    ];
    let Some(loinc) = VITALS.iter().find(|c| has_coding(code, LOINC, c)) else {
        // Lab results and other observations have no place in the summary.
        cx.push(RESOURCE_NOT_MAPPED.at(path.clone()));
        return;
    };
    let ep = r.at("effectiveDateTime");
    let measured = date_of(cx, r.get("effectiveDateTime"), ep.clone());
    let Some(measured_on) = measured else {
        cx.push(MISSING.at(ep));
        return;
    };
    let vq = quantity(r.get("valueQuantity"));
    let vr = r.get("valueRange").and_then(|rg| {
        Some(Range {
            min: quantity(rg.get("low"))?,
            max: quantity(rg.get("high"))?,
        })
    });
    r.get("dataAbsentReason");
    let range = vr.or(vq.map(|v| Range { min: v, max: v }));
    r.finish(cx, ALWAYS);
    let vs = acc.vitals.get_or_insert(VitalSigns {
        measured_on,
        weight_kg: None,
        height_cm: None,
        spo2_percent: None,
        heart_rate_per_min: None,
        respiratory_rate_per_min: None,
        temperature_c: None,
        systolic_mmhg: None,
    });
    if measured_on > vs.measured_on {
        vs.measured_on = measured_on;
    }
    match *loinc {
        "29463-7" => vs.weight_kg = vq,
        "8302-2" => vs.height_cm = vq,
        "59408-5" | "2708-6" => vs.spo2_percent = range,
        "8867-4" => vs.heart_rate_per_min = range,
        "9279-1" => vs.respiratory_rate_per_min = range,
        "8310-5" => vs.temperature_c = range,
        "8480-6" => vs.systolic_mmhg = range,
        _ => {}
    }
}

fn read_device(cx: &mut Cx, acc: &mut Acc, i: usize, res: &Value, path: &Path) {
    let Some(mut r) = Res::new(res, path.clone()) else {
        return;
    };
    subject(cx, &mut r, "patient");
    let tp = r.at("type");
    let ty = r.get("type");
    let kind = ty.and_then(|t| cx.code::<DeviceKind>(t, "device-kind", &tp));
    if kind.is_none() {
        unmapped_codings(cx, ty, &tp, &[]);
    }
    let product = r
        .get("deviceName")
        .and_then(|d| d.pointer("/0/name"))
        .and_then(Value::as_str)
        .map(str::to_owned)
        .or_else(|| if kind.is_none() { cc_text(ty) } else { None });
    let mut mode = None;
    let mut settings = Vec::new();
    for (p, pp) in r.array("property") {
        let t = p.get("type").unwrap_or(&Value::Null);
        if has_coding(Some(t), &cs("device-property"), "mode") {
            mode = p
                .pointer("/valueCode/0/text")
                .and_then(Value::as_str)
                .map(str::to_owned);
        } else if let Some(parameter) = cx.code(t, "setting-parameter", &pp.key("type")) {
            match p.pointer("/valueQuantity/0/value").and_then(Value::as_f64) {
                Some(value) => settings.push(DeviceSetting { parameter, value }),
                None => cx.invalid(pp),
            }
        } else {
            cx.push(NOT_MAPPED.at(pp));
        }
    }
    let op = r.at("owner");
    let supplier = r.get("owner").and_then(|o| cx.member_of(o, &op));
    let mut supplier_phone = None;
    for (c, cp) in r.array("contact") {
        match (
            c.get("system").and_then(Value::as_str),
            c.get("value").and_then(Value::as_str),
        ) {
            (Some("phone"), Some(v)) if supplier_phone.is_none() => {
                supplier_phone = Some(v.to_owned());
            }
            _ => cx.push(NOT_MAPPED.at(cp)),
        }
    }
    let note = r
        .get("note")
        .and_then(|n| n.pointer("/0/text"))
        .and_then(Value::as_str)
        .map(str::to_owned);
    let last = r.ext(&ext("device-last-changed"));
    let last_changed = last
        .first()
        .and_then(|(e, p)| date_of(cx, e.get("valueDate"), p.key("valueDate")));
    r.finish(cx, ALWAYS);
    acc.devices.push((
        i,
        Device {
            kind: kind.unwrap_or(DeviceKind::Other),
            product,
            mode,
            settings,
            since: None,
            last_changed,
            supplier,
            supplier_phone,
            note,
        },
    ));
}

fn read_device_use(cx: &mut Cx, acc: &mut Acc, res: &Value, path: &Path) {
    let Some(mut r) = Res::new(res, path.clone()) else {
        return;
    };
    subject(cx, &mut r, "subject");
    r.get("status");
    let dp = r.at("device");
    let dev = r.get("device").and_then(|d| cx.resolve(d, &dp));
    let tp = r.at("timingPeriod");
    let since = r
        .get("timingPeriod")
        .and_then(|t| date_of(cx, t.get("start"), tp.key("start")));
    r.finish(cx, ALWAYS);
    if let Some(d) = dev
        && let Some((_, device)) = acc.devices.iter_mut().find(|(i, _)| *i == d)
    {
        device.since = since;
    }
}

fn read_medication(cx: &mut Cx, acc: &mut Acc, res: &Value, path: &Path) {
    let Some(mut r) = Res::new(res, path.clone()) else {
        return;
    };
    subject(cx, &mut r, "subject");
    r.get("status");
    r.get("intent");
    let mp = r.at("medicationCodeableConcept");
    let med = r.get("medicationCodeableConcept");
    unmapped_codings(cx, med, &mp, &[]);
    let Some(name) = cc_text(med) else {
        cx.push(MISSING.at(mp));
        r.finish(cx, ALWAYS);
        return;
    };
    let mut m = Medication {
        name,
        dose: None,
        route: MedicationRoute::Other,
        times_per_day: None,
        as_needed: false,
        rescue: !r.ext(&ext("rescue-medication")).is_empty(),
        indication: None,
        since: None,
    };
    let key = if res.get("dosageInstruction").is_some() {
        "dosageInstruction"
    } else {
        "dosage"
    };
    for (n, (d, dp)) in r.array(key).into_iter().enumerate() {
        if n > 0 {
            cx.push(NOT_MAPPED.at(dp));
            continue;
        }
        let Some(mut dr) = Res::new(d, dp.clone()) else {
            continue;
        };
        let rp = dr.at("route");
        if let Some(route) = dr.get("route") {
            match cx.code::<MedicationRoute>(route, "medication-route", &rp) {
                Some(v) => m.route = v,
                None => match codings(Some(route)).find_map(|c| {
                    let sys = c.get("system").and_then(Value::as_str).unwrap_or_default();
                    let code = c.get("code").and_then(Value::as_str).unwrap_or_default();
                    if sys.contains("0162") {
                        route_0162(code)
                    } else {
                        None
                    }
                }) {
                    Some(v) => m.route = v,
                    None => unmapped_codings(cx, Some(route), &rp, &[]),
                },
            }
        }
        m.as_needed = dr
            .get("asNeededBoolean")
            .and_then(Value::as_bool)
            .unwrap_or(false);
        m.dose = dr.str("text").map(str::to_owned);
        if let Some(dq) = dr
            .get("doseAndRate")
            .and_then(|x| x.pointer("/0/doseQuantity"))
            && m.dose.is_none()
        {
            let v = dq.get("value").map(Value::to_string).unwrap_or_default();
            let u = dq.get("unit").and_then(Value::as_str).unwrap_or_default();
            m.dose = Some(format!("{v}{u}"));
        }
        let tp = dr.at("timing");
        if let Some(t) = dr.get("timing") {
            let rep = t.get("repeat");
            let per_day = rep
                .filter(|r| {
                    r.get("period").and_then(Value::as_f64) == Some(1.0)
                        && r.get("periodUnit").and_then(Value::as_str) == Some("d")
                })
                .and_then(|r| r.get("frequency"))
                .and_then(Value::as_u64)
                .and_then(|f| u32::try_from(f).ok());
            m.times_per_day = per_day;
            if per_day.is_none() || t.get("code").is_some() {
                // JP-CLINS writes 用法 as a JAMI usage code: kept neither as a count nor in text.
                cx.push(CODING_UNMAPPED.at(tp));
            }
        }
        dr.finish(
            cx,
            &[
                "method",
                "site",
                "additionalInstruction",
                "patientInstruction",
                "sequence",
            ],
        );
    }
    let rp = r.at("reasonCode");
    m.indication = r.get("reasonCode").and_then(|rc| cc_text(rc.get(0)));
    let _ = rp;
    let ep = r.at("effectivePeriod");
    if let Some(p) = r.get("effectivePeriod") {
        m.since = date_of(cx, p.get("start"), ep.key("start"));
    }
    r.finish(cx, ALWAYS);
    acc.medications.push(m);
}

/// HL7 v2 table 0162 (route of administration), as JP Core's
/// JP_MedicationRouteHL70162 writes it.
fn route_0162(code: &str) -> Option<MedicationRoute> {
    Some(match code {
        "PO" => MedicationRoute::Oral,
        "NG" | "GT" | "GU" | "J" => MedicationRoute::Tube,
        "PR" => MedicationRoute::Rectal,
        "BUC" => MedicationRoute::Buccal,
        "IH" | "NEB" | "IT" => MedicationRoute::Inhaled,
        "NS" | "NP" => MedicationRoute::Nasal,
        "SC" => MedicationRoute::Subcutaneous,
        "IV" => MedicationRoute::Intravenous,
        "TD" => MedicationRoute::Transdermal,
        "TP" | "OP" | "EYE" => MedicationRoute::Topical,
        _ => return None,
    })
}

fn read_allergy(cx: &mut Cx, acc: &mut Acc, res: &Value, path: &Path) {
    let Some(mut r) = Res::new(res, path.clone()) else {
        return;
    };
    subject(cx, &mut r, "patient");
    r.get("clinicalStatus");
    r.get("verificationStatus");
    let code = r.get("code");
    if has_coding(code, SNOMED, NO_KNOWN_ALLERGY) {
        acc.allergy_none = true;
        r.finish(cx, ALWAYS);
        return;
    }
    let cp = r.at("code");
    unmapped_codings(cx, code, &cp, &[SNOMED]);
    let Some(substance) = cc_text(code) else {
        cx.push(MISSING.at(cp));
        return;
    };
    let ce = r.ext(&ext("allergy-category"));
    let mut category = ce.first().and_then(|(e, p)| {
        cx.code::<AllergyCategory>(
            e.get("valueCoding").unwrap_or(&Value::Null),
            "allergy-category",
            &p.key("valueCoding"),
        )
    });
    let fhir_cat = r
        .get("category")
        .and_then(|c| c.get(0))
        .and_then(Value::as_str);
    if category.is_none() {
        category = Some(match fhir_cat {
            Some("medication") => AllergyCategory::Drug,
            Some("food") => AllergyCategory::Food,
            Some("environment") => AllergyCategory::Environmental,
            _ => AllergyCategory::Other,
        });
    }
    let mut severity = None;
    let mut reaction = None;
    for (n, (re, rp)) in r.array("reaction").into_iter().enumerate() {
        if n > 0 {
            cx.push(NOT_MAPPED.at(rp));
            continue;
        }
        let Some(mut rr) = Res::new(re, rp.clone()) else {
            continue;
        };
        severity = match rr.str("severity") {
            Some("mild") => Some(AllergySeverity::Mild),
            Some("moderate") => Some(AllergySeverity::Moderate),
            Some("severe") => Some(AllergySeverity::Severe),
            _ => None,
        };
        let man = rr.get("manifestation").and_then(|m| m.get(0));
        if has_coding(man, SNOMED, ANAPHYLAXIS) {
            severity = Some(AllergySeverity::Anaphylaxis);
        }
        reaction = man
            .and_then(|m| m.get("text"))
            .and_then(Value::as_str)
            .map(str::to_owned);
        if reaction.is_none() && !has_coding(man, SNOMED, ANAPHYLAXIS) {
            reaction = rr
                .str("description")
                .map(str::to_owned)
                .or_else(|| man.and_then(|m| cc_text(Some(m))));
        }
        rr.get("description");
        rr.finish(cx, &["substance", "onset", "exposureRoute", "note"]);
    }
    r.get("type");
    r.get("criticality");
    r.finish(cx, ALWAYS);
    acc.allergies.push(Allergy {
        substance,
        category: category.unwrap_or(AllergyCategory::Other),
        severity,
        reaction,
    });
}

fn read_care_plan(cx: &mut Cx, acc: &mut Acc, res: &Value, path: &Path) {
    let Some(mut r) = Res::new(res, path.clone()) else {
        return;
    };
    let cat = r.get("category").and_then(|c| c.get(0));
    if !has_coding(cat, &cs("document-section"), "emergency-plan") {
        cx.push(RESOURCE_NOT_MAPPED.at(path.clone()));
        return;
    }
    subject(cx, &mut r, "subject");
    for k in ["status", "intent", "title"] {
        r.get(k);
    }
    let res_ext = r.ext(&ext("resuscitation"));
    let resuscitation = res_ext
        .first()
        .and_then(|(e, p)| {
            cx.code::<Resuscitation>(
                e.get("valueCoding").unwrap_or(&Value::Null),
                "resuscitation",
                &p.key("valueCoding"),
            )
        })
        .unwrap_or(Resuscitation::NotDiscussed);
    let dest = r.ext(&ext("emergency-destination"));
    let destination = dest.first().and_then(|(e, p)| {
        cx.member_of(
            e.get("valueReference").unwrap_or(&Value::Null),
            &p.key("valueReference"),
        )
    });
    let ap = r.at("author");
    let doctor = r.get("author").and_then(|a| cx.member_of(a, &ap));
    let cp = r.at("created");
    let agreed_on = r.get("created").and_then(|c| date_of(cx, Some(c), cp));
    let mut actions = Vec::new();
    for (a, p) in r.array("activity") {
        let d = a.get("detail").unwrap_or(&Value::Null);
        let situation = cx.code(
            d.get("code").unwrap_or(&Value::Null),
            "situation",
            &p.key("detail").key("code"),
        );
        let action = d.get("description").and_then(Value::as_str);
        match (situation, action) {
            (Some(situation), Some(action)) => actions.push(EmergencyAction {
                situation,
                action: action.to_owned(),
            }),
            _ => cx.push(NOT_MAPPED.at(p)),
        }
    }
    r.finish(cx, ALWAYS);
    acc.plan = Some(EmergencyPlan {
        destination,
        doctor,
        resuscitation,
        actions,
        agreed_on,
    });
}

fn read_encounter(cx: &mut Cx, acc: &mut Acc, res: &Value, path: &Path) {
    let Some(mut r) = Res::new(res, path.clone()) else {
        return;
    };
    subject(cx, &mut r, "subject");
    r.get("status");
    let class = r
        .get("class")
        .and_then(|c| c.get("code"))
        .and_then(Value::as_str);
    let mut kind = None;
    for (t, p) in r.array("type") {
        if kind.is_none() && is_kyoten_code(Some(t), "history-kind") {
            kind = cx.code::<HistoryKind>(t, "history-kind", &p);
        } else {
            unmapped_codings(cx, Some(t), &p, &[]);
        }
    }
    let kind = kind.unwrap_or(match class {
        Some("IMP") | Some("ACUTE") | Some("NONAC") => HistoryKind::Admission,
        Some("EMER") => HistoryKind::EmergencyVisit,
        _ => HistoryKind::Outpatient,
    });
    let pp = r.at("period");
    let period = r.get("period");
    let start = period.and_then(|p| date_of(cx, p.get("start"), pp.key("start")));
    let end = period
        .and_then(|p| p.get("end"))
        .and_then(|e| date_of(cx, Some(e), pp.key("end")));
    let sp = r.at("serviceProvider");
    let provider = r.get("serviceProvider");
    let member = provider.and_then(|p| {
        if p.get("identifier").is_some() || p.get("reference").is_some() {
            cx.member_of(p, &sp)
        } else {
            None
        }
    });
    let institution = provider
        .and_then(|p| p.get("display"))
        .and_then(Value::as_str)
        .map(str::to_owned)
        .or_else(|| {
            member
                .as_ref()
                .and_then(|m| acc.team.iter().find(|t| &t.id == m))
                .map(|t| t.organisation.clone())
        });
    let department = r
        .get("serviceType")
        .and_then(|s| s.get("text"))
        .and_then(Value::as_str)
        .map(str::to_owned);
    let reason = r.get("reasonCode").and_then(|rc| cc_text(rc.get(0)));
    r.finish(cx, ALWAYS);
    let (Some(start), Some(institution)) = (start, institution) else {
        cx.push(MISSING.at(path.clone()));
        return;
    };
    acc.history.push(HistoryEntry {
        kind,
        institution,
        member,
        department,
        start,
        end,
        reason,
    });
}

fn read_immunization(cx: &mut Cx, acc: &mut Acc, res: &Value, path: &Path) {
    let Some(mut r) = Res::new(res, path.clone()) else {
        return;
    };
    subject(cx, &mut r, "patient");
    r.get("status");
    let vp = r.at("vaccineCode");
    let vc = r.get("vaccineCode");
    let vaccine = vc.and_then(|v| cx.code::<Vaccine>(v, "vaccine", &vp));
    if vaccine.is_none() {
        unmapped_codings(cx, vc, &vp, &[]);
    }
    let name = match vaccine {
        Some(_) => vc
            .and_then(|v| v.get("text"))
            .and_then(Value::as_str)
            .map(str::to_owned),
        None => cc_text(vc),
    };
    let dp = r.at("occurrenceDateTime");
    let date = date_of(cx, r.get("occurrenceDateTime"), dp.clone());
    let dose = r
        .get("protocolApplied")
        .and_then(|p| p.pointer("/0/doseNumberPositiveInt"))
        .and_then(Value::as_u64)
        .and_then(|d| u32::try_from(d).ok());
    r.finish(cx, ALWAYS);
    let Some(date) = date else {
        cx.push(MISSING.at(dp));
        return;
    };
    acc.vaccinations.push(Vaccination {
        vaccine: vaccine.unwrap_or(Vaccine::Other),
        date,
        dose,
        name,
    });
}

fn read_provenance(cx: &mut Cx, acc: &mut Acc, res: &Value, path: &Path) {
    let Some(mut r) = Res::new(res, path.clone()) else {
        return;
    };
    let se = r.ext(&ext("provenance-section"));
    let Some(section) = se.first().and_then(|(e, p)| {
        cx.code(
            e.get("valueCoding").unwrap_or(&Value::Null),
            "summary-part",
            &p.key("valueCoding"),
        )
    }) else {
        cx.push(RESOURCE_NOT_MAPPED.at(path.clone()));
        return;
    };
    r.get("target");
    let rp = r.at("recorded");
    let recorded_on = date_of(cx, r.get("recorded"), rp.clone());
    let agents = r.array("agent");
    let mut role = None;
    let mut member = None;
    let mut recorded_by = None;
    if let Some((a, ap)) = agents.first() {
        role = cx.code(
            a.get("type").unwrap_or(&Value::Null),
            "recorder-role",
            &ap.key("type"),
        );
        if let Some(who) = a.get("who") {
            if who.get("identifier").is_some() || who.get("reference").is_some() {
                member = cx.member_of(who, &ap.key("who"));
            }
            recorded_by = who
                .get("display")
                .and_then(Value::as_str)
                .map(str::to_owned);
        }
    }
    r.finish(cx, ALWAYS);
    let (Some(role), Some(recorded_on)) = (role, recorded_on) else {
        cx.push(MISSING.at(path.clone()));
        return;
    };
    acc.provenance.push(Provenance {
        section,
        role,
        recorded_by,
        member,
        recorded_on,
    });
}

/// A `Consent` as kyoten writes it (see `consent` in the export); a foreign one without
/// kyoten's codes is reported, not guessed.
fn read_consent(cx: &mut Cx, acc: &mut Acc, res: &Value, path: &Path) {
    let Some(mut r) = Res::new(res, path.clone()) else {
        return;
    };
    subject(cx, &mut r, "patient");
    for k in ["status", "scope", "category", "policyRule", "policy"] {
        r.get(k);
    }
    let dp = r.at("dateTime");
    let given_on = r.get("dateTime").and_then(|v| {
        let d = v
            .as_str()
            .and_then(|t| t.get(..10))
            .and_then(IsoDate::parse);
        if d.is_none() {
            cx.invalid(dp.clone());
        }
        d
    });
    let given_by = r
        .ext(&ext("consent-given-by"))
        .first()
        .and_then(|(e, p)| e.get("valueCoding").map(|c| (c, p.key("valueCoding"))))
        .and_then(|(c, p)| cx.code::<ConsentGiver>(c, "consent-giver", &p));
    let withdrawn_on = r
        .ext(&ext("consent-withdrawn-on"))
        .first()
        .and_then(|(e, p)| date_of(cx, e.get("valueDate"), p.key("valueDate")));
    let mut uses = Vec::new();
    let mut to = None;
    let mut role = None;
    let mut member = None;
    let mut institution = None;
    let mut expires_on = None;
    let pp = r.at("provision");
    if let Some(prov) = r.get("provision")
        && let Some(mut pr) = Res::new(prov, pp.clone())
    {
        pr.get("type");
        if let Some(period) = pr.get("period") {
            expires_on = date_of(cx, period.get("end"), pp.key("period").key("end"));
        }
        for (c, p) in pr.array("purpose") {
            match cx.code::<ConsentUse>(c, "consent-use", &p) {
                Some(u) => uses.push(u),
                None => cx.push(NOT_MAPPED.at(p)),
            }
        }
        for (j, (a, p)) in pr.array("actor").into_iter().enumerate() {
            if j > 0 {
                cx.push(NOT_MAPPED.at(p));
                continue;
            }
            if let Some(rc) = a.get("role") {
                to = cx.code::<RecipientScope>(rc, "consent-recipient-scope", &p.key("role"));
                role = cx.code::<CareRole>(rc, "care-role", &p.key("role"));
            }
            if let Some(rf) = a.get("reference") {
                member = rf
                    .get("identifier")
                    .and_then(|_| cx.member_of(rf, &p.key("reference")));
                institution = rf.get("display").and_then(Value::as_str).map(str::to_owned);
            }
        }
        pr.finish(cx, &[]);
    }
    r.finish(cx, ALWAYS);
    match (given_on, given_by, to, uses.is_empty()) {
        (Some(given_on), Some(given_by), Some(to), false) => acc.consents.push(Consent {
            uses,
            to,
            member,
            role,
            institution,
            given_on,
            given_by,
            expires_on,
            withdrawn_on,
        }),
        _ => cx.push(NOT_MAPPED.at(path.clone())),
    }
}
