//! HL7 FHIR R4 (4.0.1): a child summary as a FHIR `document` Bundle and back, shaped by
//! JP Core (`jami-fhir-jp-wg/jp-core-v1x`) and JP-CLINS (`jami-fhir-jp-wg/clinical-core`).
//!
//! | operation | input | result |
//! |---|---|---|
//! | `summary.to_fhir` | [`SummaryRequest`] | a FHIR R4 `Bundle` of type `document` (JSON) |
//! | `summary.from_fhir` | [`FhirImportRequest`] | the [`SummaryRequest`] read from a bundle |
//!
//! The mapping, element by element and with what is lost each way, is in
//! `docs/fhir-mapping.md`. kyoten's own code systems and extensions live under
//! [`BASE`]; each is listed there with its definition. The export is deterministic: no
//! clock, resource ids from positions, `fullUrl`s (`urn:uuid:`) derived from the child id
//! and the resource id, so one input gives byte-identical output.
//!
//! | code | severity | when |
//! |---|---|---|
//! | `consent.none` / `consent.not_covered` / `consent.withdrawn` / `consent.expired` | warning | no consent of the family covers FHIR export on `as_of` ([`crate::summary::consent_covers`] with `fhir_export`) |
//! | `fhir.export.no_child_id` | warning | the child id is empty: the Patient gets no identifier |
//! | (every error of `summary.validate`) | error | `summary.to_fhir` still writes the bundle, but its report is not valid |
//! | `fhir.import.not_a_bundle` | error | the input is not a FHIR Bundle |
//! | `fhir.import.bundle_type` | warning | a Bundle type other than `document` or `collection` |
//! | `fhir.import.no_patient` | error | no Patient in the bundle |
//! | `fhir.import.many_patients` | warning | more than one Patient (the first is read) |
//! | `fhir.import.missing` | error | a fact the summary needs is absent (name, birth date) |
//! | `fhir.import.no_child_id` | error | neither the Patient (an identifier of kyoten's child-id system) nor the request (`child_id`) gives the child id: the summary's `child.id` is left empty for the hub to assign |
//! | `fhir.import.child_id_differs` | warning | the request's `child_id` differs from the bundle's: the bundle's is used |
//! | `fhir.import.no_as_of` | error | neither `as_of` nor the Bundle's `timestamp` gives the day |
//! | `fhir.import.element_not_mapped` | warning | an element the summary has no place for |
//! | `fhir.import.extension_unknown` | warning | an extension kyoten does not know |
//! | `fhir.import.resource_not_mapped` | warning | a resource type the summary has no place for |
//! | `fhir.import.reference_broken` | warning | a reference to nothing in the bundle |
//! | `fhir.import.code_unknown` | warning | a code of a kyoten code system that does not exist |
//! | `fhir.import.coding_unmapped` | info | a coding kyoten cannot translate (its text is kept) |
//! | `fhir.import.profile_unknown` | info | a profile kyoten does not read by |
//! | `fhir.import.value_invalid` | warning | a value of the wrong shape (a date that is not a date …) |
//! | `fhir.import.undisclosed_condition` | warning | a condition marked 未告知: not imported, so no family-facing view shows it |
//! | `fhir.import.derived_skipped` | info | kyoten's score Observations: recomputed, not read |
//! | `fhir.import.too_many_entries` | error | more entries than [`MAX_ENTRIES`]: the rest are not read |

mod export;
mod import;

use crate::calendar::IsoDate;
use crate::finding::Rule;
use crate::ops::Operation;
use crate::summary::SummaryRequest;
use serde::{Deserialize, Serialize};

pub use export::to_fhir;
pub use import::from_fhir;

/// kyoten の FHIR 正規 URL の基底 / Base of kyoten's canonical FHIR URLs.
pub const BASE: &str = "https://kyoten.example/fhir";
/// kyoten のコード体系の版 / Version of kyoten's code systems and extensions.
pub const VERSION: &str = "1";
/// 読み込む entry の上限 / Most entries `summary.from_fhir` reads.
pub const MAX_ENTRIES: usize = 5000;

use crate::rule;

rule!(
    NO_CHILD_ID,
    "fhir.export.no_child_id",
    Warning,
    "本人の識別子がないため、患者の識別子を出力していません",
    "The child has no id, so the patient record carries no identifier"
);
rule!(
    NO_CHILD_ID_IMPORT,
    "fhir.import.no_child_id",
    Error,
    "拠点の対象児 id がありません。拠点で id を付けてください",
    "The bundle carries no child id of the hub; the hub must assign one"
);
rule!(
    CHILD_ID_DIFFERS,
    "fhir.import.child_id_differs",
    Warning,
    "Bundle の対象児 id が指定された id と異なります。Bundle の id を使いました",
    "The bundle's child id differs from the one given with it; the bundle's id was used"
);
rule!(
    NOT_A_BUNDLE,
    "fhir.import.not_a_bundle",
    Error,
    "FHIR の Bundle ではありません",
    "This is not a FHIR Bundle"
);
rule!(
    BUNDLE_TYPE,
    "fhir.import.bundle_type",
    Warning,
    "文書（document）でも集合（collection）でもない Bundle です",
    "The Bundle is neither a document nor a collection"
);
rule!(
    NO_PATIENT,
    "fhir.import.no_patient",
    Error,
    "患者の情報（Patient）がありません",
    "There is no patient record (Patient) in the bundle"
);
rule!(
    MANY_PATIENTS,
    "fhir.import.many_patients",
    Warning,
    "患者の情報が複数あります。最初のものを読みました",
    "There is more than one patient record; the first was read"
);
rule!(
    MISSING,
    "fhir.import.missing",
    Error,
    "情報集約に必要な項目がありません[（{field}）]",
    "A fact the summary needs is missing[ ({field})]"
);
rule!(
    NO_AS_OF,
    "fhir.import.no_as_of",
    Error,
    "基準日がわかりません（as_of も Bundle の timestamp もありません）",
    "The as-of day is unknown: neither as_of nor the Bundle's timestamp is given"
);
rule!(
    NOT_MAPPED,
    "fhir.import.element_not_mapped",
    Warning,
    "情報集約に入れる場所のない項目です。読み込んでいません",
    "The summary has no place for this item; it was not read"
);
rule!(
    EXTENSION_UNKNOWN,
    "fhir.import.extension_unknown",
    Warning,
    "知らない拡張です。読み込んでいません",
    "An extension kyoten does not know; it was not read"
);
rule!(
    RESOURCE_NOT_MAPPED,
    "fhir.import.resource_not_mapped",
    Warning,
    "情報集約に入れる場所のない種類の記録です。読み込んでいません",
    "The summary has no place for this kind of record; it was not read"
);
rule!(
    REFERENCE_BROKEN,
    "fhir.import.reference_broken",
    Warning,
    "参照先がこの Bundle の中にありません",
    "The record this refers to is not in the bundle"
);
rule!(
    CODE_UNKNOWN,
    "fhir.import.code_unknown",
    Warning,
    "kyoten のコード体系にないコードです",
    "A code that kyoten's code system does not have"
);
rule!(
    CODING_UNMAPPED,
    "fhir.import.coding_unmapped",
    Info,
    "kyoten の区分に置き換えられないコードです（文字の部分は読みました）",
    "A code kyoten cannot translate (its text was kept)"
);
rule!(
    PROFILE_UNKNOWN,
    "fhir.import.profile_unknown",
    Info,
    "kyoten が解釈しないプロファイルです",
    "A profile kyoten does not read by"
);
rule!(
    VALUE_INVALID,
    "fhir.import.value_invalid",
    Warning,
    "値の形が正しくありません。読み込んでいません",
    "The value has the wrong shape; it was not read"
);
rule!(
    UNDISCLOSED_CONDITION,
    "fhir.import.undisclosed_condition",
    Warning,
    "本人・家族に未告知の病名です。家族が見る情報に出さないため読み込んでいません",
    "A diagnosis not yet disclosed to the patient: not read, so nothing the family sees shows it"
);
rule!(
    DERIVED_SKIPPED,
    "fhir.import.derived_skipped",
    Info,
    "スコアは情報集約から計算し直すため読み込んでいません",
    "Scores are recomputed from the summary, so they were not read"
);
rule!(
    TOO_MANY_ENTRIES,
    "fhir.import.too_many_entries",
    Error,
    "Bundle の entry が多すぎます（上限 {max}）。上限より後は読んでいません",
    "The Bundle has too many entries (at most {max}); those past the limit were not read"
);

/// The rules of this module.
pub const RULES: &[&Rule] = &[
    &NO_CHILD_ID,
    &NO_CHILD_ID_IMPORT,
    &CHILD_ID_DIFFERS,
    &NOT_A_BUNDLE,
    &BUNDLE_TYPE,
    &NO_PATIENT,
    &MANY_PATIENTS,
    &MISSING,
    &NO_AS_OF,
    &NOT_MAPPED,
    &EXTENSION_UNKNOWN,
    &RESOURCE_NOT_MAPPED,
    &REFERENCE_BROKEN,
    &CODE_UNKNOWN,
    &CODING_UNMAPPED,
    &PROFILE_UNKNOWN,
    &VALUE_INVALID,
    &UNDISCLOSED_CONDITION,
    &DERIVED_SKIPPED,
    &TOO_MANY_ENTRIES,
];

/// `summary.from_fhir` の入力 / Input of `summary.from_fhir`: a FHIR R4 Bundle as JSON.
#[derive(
    Debug, Clone, PartialEq, Serialize, Deserialize, crate::input::Recover, crate::emit::Emit,
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct FhirImportRequest {
    /// JSON Schema の URL（任意） / URL of this document's JSON Schema (optional).
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    /// 文書の形式の版（任意、現在は 2） / Document format version (optional; currently 2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<crate::version::FormatVersion>,
    /// 対象児 id（任意） / The child id the hub assigns to the child of a bundle that carries
    /// none (a JP-CLINS or 6情報 bundle from a hospital). Used when the Patient has no
    /// identifier of kyoten's child-id system.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub child_id: Option<crate::summary::ChildId>,
    /// 基準日（任意、なければ Bundle の timestamp の日付） / The as-of day of the summary
    /// (optional; without it, the date of the Bundle's `timestamp`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub as_of: Option<IsoDate>,
    /// FHIR R4 の Bundle（document 又は collection） / The FHIR R4 Bundle (document or collection), as JSON.
    pub bundle: serde_json::Value,
}

/// Operations of this module.
pub static OPS: &[Operation] = &[
    crate::operation!(
        "summary.to_fhir",
        "対象児の情報集約を FHIR R4 の文書 Bundle（JP Core・JP-CLINS 準拠）にする",
        "A child summary as one FHIR R4 document Bundle, shaped by JP Core and JP-CLINS",
        SummaryRequest => serde_json::Value,
        export::operation,
        errors_only
    ),
    crate::operation!(
        "summary.from_fhir",
        "FHIR R4 の Bundle（kyoten の文書、JP-CLINS の退院時サマリー・診療情報提供書・6情報）から情報集約を作る",
        "A child summary from a FHIR R4 Bundle (kyoten's documents, JP-CLINS discharge summaries, referrals and 6-information collections)",
        FhirImportRequest => SummaryRequest,
        import::operation
    ),
];

/// A kyoten code system's canonical URL.
pub(crate) fn cs(name: &str) -> String {
    format!("{BASE}/CodeSystem/{name}")
}

/// A kyoten extension's canonical URL.
pub(crate) fn ext(name: &str) -> String {
    format!("{BASE}/StructureDefinition/{name}")
}

/// Identifier system of the child id.
pub(crate) fn child_id_system() -> String {
    format!("{BASE}/sid/child-id")
}

/// Identifier system of care-team member ids.
pub(crate) fn member_system() -> String {
    format!("{BASE}/sid/care-team-member")
}

/// JP-CLINS: the code system of its indication tags (`meta.tag`), whose code `UNINFORMED`
/// (未告知) marks a condition not disclosed to the patient
/// (clinical-core `input/fsh/instances/Example-JP-Condition-eCS.fsh`).
pub const JP_EHRSHRS_INDICATION: &str =
    "http://jpfhir.jp/fhir/clins/CodeSystem/JP_ehrshrs_indication";
/// JP Core: kana or kanji representation of a name (JP_Patient `name` comment).
pub const EN_REPRESENTATION: &str =
    "http://hl7.org/fhir/StructureDefinition/iso21090-EN-representation";

/// Labels of kyoten's enumerations, for `Coding.display`.
pub(crate) trait Label: Copy {
    fn ja(self) -> &'static str;
}

macro_rules! label {
    ($($t:path),* $(,)?) => { $( impl Label for $t { fn ja(self) -> &'static str { self.label_ja() } } )* };
}

label!(
    crate::summary::Relationship,
    crate::summary::DeviceKind,
    crate::summary::SettingParameter,
    crate::summary::MedicationRoute,
    crate::summary::AllergyCategory,
    crate::summary::AllergySeverity,
    crate::summary::Vaccine,
    crate::summary::CareRole,
    crate::summary::HistoryKind,
    crate::summary::Resuscitation,
    crate::summary::Situation,
    crate::summary::Section,
    crate::summary::RecorderRole,
    crate::summary::AboGroup,
    crate::summary::RhType,
    crate::summary::Sex,
    crate::summary::ConsentUse,
    crate::summary::consent::RecipientScope,
    crate::summary::consent::ConsentGiver,
    crate::care::CareKind,
    crate::care::WatchLevel,
    crate::care::MotorLevel,
    crate::care::VentilationMode,
    crate::care::SuctionSite,
    crate::care::FeedingRoute,
    crate::care::UrinaryRoute,
    crate::care::SeizureMeasure,
    crate::care::ClinicalCondition,
);

/// The snake_case code of one of kyoten's enumerations.
pub(crate) fn code_of<T: Serialize>(v: &T) -> String {
    match serde_json::to_value(v) {
        Ok(serde_json::Value::String(s)) => s,
        _ => String::new(),
    }
}

/// The value of one of kyoten's enumerations from its code.
pub(crate) fn parse_code<T: serde::de::DeserializeOwned>(code: &str) -> Option<T> {
    serde_json::from_value(serde_json::Value::String(code.to_owned())).ok()
}

/// A deterministic `urn:uuid:` for the resource `key` of the document of `child`: 128 bits
/// of two mixed FNV-1a hashes, laid out as an RFC 9562 version-8 (custom) UUID.
pub(crate) fn urn(child: &str, key: &str) -> String {
    fn fnv(seed: u64, parts: &[&str]) -> u64 {
        let mut h = seed;
        for p in parts {
            for b in p.bytes().chain(std::iter::once(0xff)) {
                h ^= u64::from(b);
                h = h.wrapping_mul(0x0100_0000_01b3);
            }
        }
        h
    }
    fn mix(mut z: u64) -> u64 {
        // splitmix64's finaliser: every input bit reaches every output bit.
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    let a = mix(fnv(0xcbf2_9ce4_8422_2325, &["kyoten", child, key]));
    let b = mix(fnv(0x8422_2325_cbf2_9ce4, &[key, child, "kyoten"]));
    let a = (a & !0xf000) | 0x8000; // version 8 in bits 48–51
    let b = (b & 0x3fff_ffff_ffff_ffff) | 0x8000_0000_0000_0000; // RFC variant
    format!(
        "urn:uuid:{:08x}-{:04x}-{:04x}-{:04x}-{:012x}",
        a >> 32,
        (a >> 16) & 0xffff,
        a & 0xffff,
        b >> 48,
        b & 0xffff_ffff_ffff
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urn_is_a_version_8_uuid_and_stable() {
        let u = urn("kyoten:odawara:2024-0017", "patient");
        assert_eq!(u.len(), "urn:uuid:".len() + 36);
        assert_eq!(u, urn("kyoten:odawara:2024-0017", "patient"));
        assert_ne!(u, urn("kyoten:odawara:2024-0018", "patient"));
        // version nibble and variant bits
        assert_eq!(&u[9 + 14..9 + 15], "8");
        assert!(matches!(&u[9 + 19..9 + 20], "8" | "9" | "a" | "b"));
    }

    #[test]
    fn codes_round_trip() {
        assert_eq!(code_of(&crate::care::CareKind::TubeFeeding), "tube_feeding");
        assert_eq!(
            parse_code::<crate::care::CareKind>("tube_feeding"),
            Some(crate::care::CareKind::TubeFeeding)
        );
        assert_eq!(parse_code::<crate::care::CareKind>("nope"), None);
    }
}
