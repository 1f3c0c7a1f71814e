//! 臨床スコア / Clinical scores ([C-A]–[C-D], `docs/sources.md`).
//!
//! | score | module | table |
//! |---|---|---|
//! | 超重症児（者）・準超重症児（者）の判定基準 | [`super_severe`] | [`super_severe::TABLE`] (17 rows) |
//! | 医療的ケア判定スコア and 医療的ケア区分 | [`medical_care`] | [`medical_care::TABLE`] (19 rows) |
//! | 大島分類 | [`oshima`] | [`oshima::CELLS`] (25 cells) |
//! | 医療型短期入所の対象 | [`entitlement`] | [`crate::care::ShortStayGround`] |
//!
//! [`compute`] scores a [`ClinicalProfile`] found anywhere in a document (findings point
//! into it through a base [`Path`]); the operation `scores.compute` takes a
//! [`ScoreRequest`], validates its profile ([`crate::care::validate_clinical`]) and scores it.
//! Every result lists each contributing item with its points and the table's Japanese
//! wording; `info` findings say what was not counted and why, and where a result depends
//! on an unconfirmed row or rule.

use crate::calendar::IsoDate;
use crate::care::{ClinicalProfile, ShortStayGround, validate_clinical};
use crate::finding::{Finding, Path, Rule};
use crate::operation::{Computed, Operation};
use serde::{Deserialize, Serialize};

/// Labels as a finding argument (the library's own words, never input text).
pub(crate) const fn words(ja: &'static str, en: &'static str) -> crate::finding::Label {
    crate::finding::Label { code: "", ja, en }
}

/// Declares an `info` rule (a [`rule!`](crate::rule) of severity `Info`).
macro_rules! info_rule {
    ($name:ident, $code:literal, $ja:literal, $en:literal) => {
        $crate::rule!($name, $code, Info, $ja, $en);
    };
}

pub mod entitlement;
pub mod medical_care;
pub mod oshima;
pub mod super_severe;

pub use entitlement::{DecisionDay, EntitlementPolicy, GroundResult, ShortStayEntitlement};
pub use medical_care::{MedicalCareItem, MedicalCareLevel, MedicalCareResult};
pub use oshima::{OshimaGroup, OshimaResult};
pub use super_severe::{SuperSevereCategory, SuperSevereItem, SuperSevereResult, WelfareCategory};

/// The child is born after `as_of` (`calendar.date.after_as_of`, formerly
/// `scores.request.as_of_before_birth`).
pub use crate::calendar::DATE_AFTER_AS_OF as AS_OF_BEFORE_BIRTH;

/// Every rule of this module (the scores' own; the profile's `care.*` rules are in
/// [`crate::care::RULES`]).
pub const RULES: &[&Rule] = &[
    &super_severe::TOO_SHORT,
    &super_severe::SINCE_UNKNOWN,
    &super_severe::NICU_RULE,
    &super_severe::BELOW_THRESHOLD,
    &super_severe::EXCLUDED,
    &super_severe::DEVICE_NOT_LISTED,
    &super_severe::NOT_DAILY,
    &super_severe::DAILY_ASSUMED,
    &super_severe::NOT_A_ROW,
    &super_severe::MOTOR_UNKNOWN,
    &super_severe::MOTOR_NOT_MET,
    &medical_care::WATCH_MISSING,
    &medical_care::NOT_A_ROW,
    &medical_care::SUCTION_SITE,
    &medical_care::GLYCERIN_ENEMA,
    &medical_care::ROW_ONCE,
    &medical_care::ONE_VENTILATOR_ITEM,
    &medical_care::TRACHEOSTOMY_WATCH_WITH_VENTILATOR,
    &medical_care::SELECT_ONE_UNCONFIRMED,
    &medical_care::GLUCOSE_PUMP_NOTE,
    &medical_care::LEVEL1_UNCONFIRMED,
    &oshima::NO_QUOTIENT,
    &oshima::NO_MOTOR,
    &oshima::ABOVE_80,
    &oshima::FROM_DQ,
    &entitlement::UNCONFIRMED_GROUND,
    &entitlement::UNCONFIRMED_GROUND_NOT_ACCEPTED,
    &entitlement::CHILD_GROUND_OVER_18,
    &entitlement::NOT_DECIDED_ON_DRAFT,
];

/// `date` plus `months` calendar months; a day that the target month lacks becomes its
/// last day (31 August + 6 months = 28/29 February). `None` past year 9999.
pub fn add_months(date: IsoDate, months: u32) -> Option<IsoDate> {
    let index = i64::from(date.year()) * 12 + i64::from(date.month()) - 1 + i64::from(months);
    let year = i32::try_from(index.div_euclid(12)).ok()?;
    let month = u8::try_from(index.rem_euclid(12) + 1).ok()?;
    (1..=date.day())
        .rev()
        .find_map(|day| IsoDate::from_ymd(year, month, day))
}

/// スコア計算の入力 / Input of `scores.compute`: a clinical profile, the date of birth and
/// the day to score on.
#[derive(
    Debug, Clone, PartialEq, Eq, Serialize, Deserialize, crate::input::Recover, crate::emit::Emit,
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ScoreRequest {
    /// JSON Schema の URL（任意） / URL of this document's JSON Schema (optional).
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    /// 文書の形式の版（省略時は 1） / Document format version (absent means 1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<crate::version::FormatVersion>,
    /// 基準日 / The day to score on (for the 6-month and 1-month rules).
    pub as_of: IsoDate,
    /// 生年月日 / Date of birth.
    pub birth_date: IsoDate,
    /// 臨床像 / The clinical profile.
    pub clinical: ClinicalProfile,
    /// 方針 / Policy for the short-stay entitlement (every field has a default).
    #[serde(default)]
    pub policy: EntitlementPolicy,
}

/// 臨床スコア / Every score of [C-A]–[C-D] (`docs/sources.md`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, crate::emit::Emit)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ScoreResult {
    /// 超重症児スコア / Super-severe score (A).
    pub super_severe: SuperSevereResult,
    /// 医療的ケア判定スコア / Medical care score (B).
    pub medical_care: MedicalCareResult,
    /// 大島分類 / Oshima cell (C); absent without IQ/DQ and motor level, or above IQ 80.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub oshima: Option<OshimaResult>,
    /// 医療型短期入所 / Entitlement to 医療型短期入所 (D).
    pub short_stay: ShortStayEntitlement,
}

/// Scores `profile`, found at `base` in the input, for a child born on `birth`, on
/// `as_of`. Returns the scores and their `info` findings (what was not counted and why,
/// unconfirmed rows and rules). It does not validate the profile: call
/// [`validate_clinical`] for the `care.*` findings. A kind recorded twice (the error
/// `care.item.duplicate`) is scored once, from its first item; a watch level the table does
/// not offer scores the base only.
///
/// The short-stay entitlement is decided with the default policy (unconfirmed grounds
/// alone do not entitle) and the age on `as_of`; its age findings point at `base`. See
/// [`compute_with`] for a policy and a pointer to the date of birth.
pub fn compute(
    profile: &ClinicalProfile,
    birth: IsoDate,
    as_of: IsoDate,
    base: &Path,
) -> (ScoreResult, Vec<Finding>) {
    compute_with(
        profile,
        birth,
        as_of,
        base,
        base,
        EntitlementPolicy::default(),
    )
}

/// [`compute`] with an entitlement policy and the pointer of the date of birth (where
/// the finding that a child-only ground does not apply from age 18 points).
pub fn compute_with(
    profile: &ClinicalProfile,
    birth: IsoDate,
    as_of: IsoDate,
    base: &Path,
    birth_path: &Path,
    policy: EntitlementPolicy,
) -> (ScoreResult, Vec<Finding>) {
    let mut findings = Vec::new();
    let super_severe = super_severe::score(profile, base, birth, as_of, &mut findings);
    let medical_care = medical_care::score(profile, base, &mut findings);
    let oshima = oshima::classify(profile, base, &mut findings);
    let day = DecisionDay {
        age: crate::calendar::age_on(birth, as_of).unwrap_or(0),
        policy,
        age_path: birth_path,
    };
    let short_stay = entitlement::entitlement(
        profile,
        base,
        oshima.as_ref(),
        &medical_care,
        &day,
        &mut findings,
    );
    (
        ScoreResult {
            super_severe,
            medical_care,
            oshima,
            short_stay,
        },
        findings,
    )
}

/// The grounds for 医療型短期入所 that the profile shows, in the order of the ground list,
/// including unconfirmed ones (see [`ShortStayGround::confirmed`]) and before the age
/// rule: [`entitlement::decide`] leaves out the child-only grounds from age 18 and
/// decides. No ground depends on how long a state has lasted; `as_of` is taken for a
/// stable signature.
pub fn short_stay_grounds(profile: &ClinicalProfile, as_of: IsoDate) -> Vec<ShortStayGround> {
    let _ = as_of;
    let mut sink = Vec::new();
    let base = Path::root();
    let medical_care = medical_care::score(profile, &base, &mut sink);
    let oshima = oshima::classify(profile, &base, &mut sink);
    let mut out = Vec::new();
    for g in entitlement::grounds(profile, oshima.as_ref(), &medical_care) {
        out.push(g.ground);
    }
    out
}

/// Orders findings by their JSON Pointer, array indices numerically (`/care/2` before
/// `/care/10`), so that each part of the document has its findings together; findings
/// at the same place keep their order (validation errors before scoring notes).
pub fn sort_by_path(findings: &mut [Finding]) {
    crate::sorting::by_key(findings, |f| {
        f.path
            .split('/')
            .map(|seg| match seg.parse::<u64>() {
                Ok(n) => (0u8, n, String::new()),
                Err(_) => (1u8, 0, seg.to_owned()),
            })
            .collect::<Vec<_>>()
    });
}

fn compute_operation(request: ScoreRequest) -> Computed<ScoreResult> {
    let mut findings = Vec::new();
    if request.as_of < request.birth_date {
        findings.push(
            AS_OF_BEFORE_BIRTH
                .at(Path::root().key("birth_date"))
                .with("date", request.birth_date)
                .with("as_of", request.as_of),
        );
        return Computed::new(findings, None);
    }
    let base = Path::root().key("clinical");
    validate_clinical(
        &request.clinical,
        &base,
        request.birth_date,
        request.as_of,
        &mut findings,
    );
    let (result, more) = compute_with(
        &request.clinical,
        request.birth_date,
        request.as_of,
        &base,
        &Path::root().key("birth_date"),
        request.policy,
    );
    findings.extend(more);
    sort_by_path(&mut findings);
    Computed::new(findings, Some(result))
}

/// Operations of this module.
pub static OPS: &[Operation] = &[crate::operation!(
    "scores.compute",
    "超重症児スコア・医療的ケア判定スコア・大島分類・医療型短期入所の対象を計算する",
    "Compute the super-severe score, medical care score, Oshima cell and short-stay entitlement",
    ScoreRequest => ScoreResult,
    compute_operation
)];

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> IsoDate {
        IsoDate::parse(s).unwrap()
    }

    #[test]
    fn add_months_clamps_to_month_end() {
        assert_eq!(add_months(d("2024-01-15"), 6), Some(d("2024-07-15")));
        assert_eq!(add_months(d("2023-08-31"), 6), Some(d("2024-02-29")));
        assert_eq!(add_months(d("2024-08-31"), 6), Some(d("2025-02-28")));
        assert_eq!(add_months(d("2024-12-31"), 1), Some(d("2025-01-31")));
        assert_eq!(add_months(d("9999-12-01"), 1), None);
    }

    #[test]
    fn findings_sort_by_pointer_with_numeric_indices() {
        let mut f = vec![
            AS_OF_BEFORE_BIRTH.at("/clinical/care/10"),
            super_severe::TOO_SHORT.at("/clinical/care/2/since"),
            super_severe::NOT_A_ROW.at("/clinical/care/2"),
            oshima::NO_QUOTIENT.at("/clinical"),
            super_severe::EXCLUDED.at("/clinical/care/2"),
        ];
        sort_by_path(&mut f);
        let got: Vec<(&str, &str)> = f
            .iter()
            .map(|f| (f.path.as_str(), f.code.as_str()))
            .collect();
        assert_eq!(
            got,
            vec![
                ("/clinical", "scores.oshima.no_quotient"),
                ("/clinical/care/2", "scores.super_severe.not_a_row"),
                ("/clinical/care/2", "scores.super_severe.excluded"),
                ("/clinical/care/2/since", "scores.super_severe.too_short"),
                ("/clinical/care/10", "calendar.date.after_as_of"),
            ]
        );
    }

    #[test]
    fn rules_list_every_submodule_rule() {
        for r in super_severe::RULES
            .iter()
            .chain(medical_care::RULES)
            .chain(oshima::RULES)
            .chain(entitlement::RULES)
        {
            assert!(RULES.contains(r), "{} missing from scores::RULES", r.code);
        }
        assert_eq!(
            RULES.len(),
            super_severe::RULES.len()
                + medical_care::RULES.len()
                + oshima::RULES.len()
                + entitlement::RULES.len()
        );
    }
}
