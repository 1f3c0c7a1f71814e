//! 医療型短期入所の対象 / Who may use 医療型短期入所 (CLINICAL.md D).
//!
//! | ground | condition |
//! |---|---|
//! | [`SevereMotorIntellectual`](ShortStayGround::SevereMotorIntellectual) | Oshima cell 1–4 |
//! | [`SupportLevel6Ventilator`](ShortStayGround::SupportLevel6Ventilator) | support level 6, tracheostomy and invasive ventilation |
//! | [`SupportLevel5MuscularDystrophy`](ShortStayGround::SupportLevel5MuscularDystrophy) | level 5+, progressive muscular atrophy |
//! | [`SupportLevel5SevereDisability`](ShortStayGround::SupportLevel5SevereDisability) | level 5+, Oshima cell 1–4 (this project reads 「重度の知的障害及び肢体不自由」 so) |
//! | [`PersistentVegetativeState`](ShortStayGround::PersistentVegetativeState) | level 1+, persistent vegetative state or intractable disease |
//! | [`MotorNeuronDisease`](ShortStayGround::MotorNeuronDisease) | level 1+, motor neuron disease |
//! | [`MedicalCareScore16`](ShortStayGround::MedicalCareScore16) | medical care score ≥ 16 (2021) |
//! | [`BehaviourAndCareScore8`](ShortStayGround::BehaviourAndCareScore8) | **unconfirmed**: behaviour score ≥ 10 and medical care score ≥ 8 |
//! | [`VegetativeAndCareScore8`](ShortStayGround::VegetativeAndCareScore8) | **unconfirmed**: persistent vegetative state and medical care score ≥ 8 |

use super::medical_care::MedicalCareResult;
use super::oshima::{OshimaGroup, OshimaResult};
use crate::care::{CareKind, ClinicalCondition, ClinicalProfile, ShortStayGround, VentilationMode};
use crate::finding::{Finding, Path, Rule};
use serde::Serialize;

/// 利用根拠 / One ground that holds, with the reason.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct GroundResult {
    /// 根拠 / The ground.
    pub ground: ShortStayGround,
    /// 根拠（日本語） / The ground in Japanese.
    pub ground_ja: &'static str,
    /// 理由 / Why it holds, in Japanese (numbers and the library's own words only).
    pub reason_ja: String,
    /// 理由（英語） / Why it holds, in English.
    pub reason_en: String,
    /// 確認済み / False for grounds found in one source only.
    pub confirmed: bool,
}

/// 医療型短期入所の対象か / Entitlement to 医療型短期入所.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ShortStayEntitlement {
    /// 対象 / True if at least one confirmed ground holds.
    pub eligible: bool,
    /// 未確認の根拠のみ / True if only unconfirmed grounds hold.
    pub only_unconfirmed: bool,
    /// 根拠 / Every ground that holds, in CLINICAL.md order.
    pub grounds: Vec<GroundResult>,
}

info_rule!(
    UNCONFIRMED_GROUND,
    "scores.short_stay.unconfirmed_ground",
    "未確認の根拠（一つの資料のみ）に基づきます",
    "Rests on an unconfirmed ground (one source only)"
);

/// Every rule of the entitlement.
pub const RULES: &[Rule] = &[UNCONFIRMED_GROUND];

/// The grounds that hold, with reasons, given the scores already computed.
pub fn grounds(
    profile: &ClinicalProfile,
    oshima: Option<&OshimaResult>,
    medical_care: &MedicalCareResult,
) -> Vec<GroundResult> {
    use ShortStayGround as G;
    let level = profile.support_level.unwrap_or(0);
    let severe = oshima.filter(|o| o.group == OshimaGroup::SevereMotorIntellectual);
    let mc = medical_care.total;
    let pvs = profile.has_condition(ClinicalCondition::PersistentVegetativeState);
    let mut out = Vec::new();
    let mut add = |ground: ShortStayGround, reason_ja: String, reason_en: String| {
        out.push(GroundResult {
            ground,
            ground_ja: ground.label_ja(),
            reason_ja,
            reason_en,
            confirmed: ground.confirmed(),
        });
    };
    if let Some(o) = severe {
        add(
            G::SevereMotorIntellectual,
            format!("大島分類{}（重症心身障害児）", o.cell),
            format!("Oshima cell {}", o.cell),
        );
    }
    // Tracheostomy ventilation: a tracheostomy and a ventilator used invasively (or whose
    // mode is not recorded, which validation warns about).
    let tracheostomy_ventilation = profile.has(CareKind::Tracheostomy)
        && profile.item(CareKind::Ventilator).is_some_and(|(_, v)| {
            v.ventilation.is_empty() || v.ventilation.contains(&VentilationMode::Invasive)
        });
    if level >= 6 && tracheostomy_ventilation {
        add(
            G::SupportLevel6Ventilator,
            format!("障害支援区分{level}、気管切開と人工呼吸器"),
            format!("support level {level}, tracheostomy and ventilator"),
        );
    }
    if level >= 5 && profile.has_condition(ClinicalCondition::ProgressiveMuscularAtrophy) {
        add(
            G::SupportLevel5MuscularDystrophy,
            format!("障害支援区分{level}、進行性筋萎縮症"),
            format!("support level {level}, progressive muscular atrophy"),
        );
    }
    if let (true, Some(o)) = (level >= 5, severe) {
        add(
            G::SupportLevel5SevereDisability,
            format!("障害支援区分{level}、大島分類{}", o.cell),
            format!("support level {level}, Oshima cell {}", o.cell),
        );
    }
    let similar = profile.has_condition(ClinicalCondition::IntractableDisease);
    if level >= 1 && (pvs || similar) {
        let (ja, en) = if pvs {
            ("遷延性意識障害", "persistent vegetative state")
        } else {
            ("難病等", "intractable disease")
        };
        add(
            G::PersistentVegetativeState,
            format!("障害支援区分{level}、{ja}"),
            format!("support level {level}, {en}"),
        );
    }
    if level >= 1 && profile.has_condition(ClinicalCondition::MotorNeuronDisease) {
        add(
            G::MotorNeuronDisease,
            format!("障害支援区分{level}、運動ニューロン疾患"),
            format!("support level {level}, motor neuron disease"),
        );
    }
    if mc >= 16 {
        add(
            G::MedicalCareScore16,
            format!("医療的ケア判定スコア{mc}点"),
            format!("medical care score {mc}"),
        );
    }
    // Unconfirmed (CLINICAL.md D, one source): behaviour score ≥ 10 with medical care score ≥ 8.
    if let Some(b) = profile.behaviour_score.filter(|b| *b >= 10 && mc >= 8) {
        add(
            G::BehaviourAndCareScore8,
            format!("行動関連項目{b}点、医療的ケア判定スコア{mc}点"),
            format!("behaviour score {b}, medical care score {mc}"),
        );
    }
    // Unconfirmed (CLINICAL.md D, one source): persistent vegetative state with score ≥ 8.
    if pvs && mc >= 8 {
        add(
            G::VegetativeAndCareScore8,
            format!("遷延性意識障害、医療的ケア判定スコア{mc}点"),
            format!("persistent vegetative state, medical care score {mc}"),
        );
    }
    out
}

/// The entitlement, with an `info` finding (at `base`) for each unconfirmed ground that holds.
pub fn entitlement(
    profile: &ClinicalProfile,
    base: &Path,
    oshima: Option<&OshimaResult>,
    medical_care: &MedicalCareResult,
    findings: &mut Vec<Finding>,
) -> ShortStayEntitlement {
    let grounds = grounds(profile, oshima, medical_care);
    for g in grounds.iter().filter(|g| !g.confirmed) {
        findings.push(UNCONFIRMED_GROUND.detail(base, g.ground_ja, g.ground.label_en()));
    }
    let eligible = grounds.iter().any(|g| g.confirmed);
    ShortStayEntitlement {
        eligible,
        only_unconfirmed: !eligible && !grounds.is_empty(),
        grounds,
    }
}
