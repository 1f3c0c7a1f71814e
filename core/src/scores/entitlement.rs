//! 医療型短期入所の対象 / Who may use 医療型短期入所 ([C-D], `docs/sources.md`).
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
//!
//! [`decide`] is the one decision every operation uses (`scores.compute`, `summary.scores`,
//! `shortstay.evaluate`, `shortstay.allocate`):
//!
//! - the children's grounds (Oshima 1–4 as 重症心身障害児, and the three grounds built on
//!   the 医療的ケア判定スコア) apply under 18 only (児童福祉法 第4条 「満十八歳に満たない者」),
//!   by the age on `as_of` for the scores and on the first night for a stay; each one left
//!   out is the `info` finding `scores.short_stay.child_ground_over_18`;
//! - an unconfirmed ground alone does not entitle unless the policy
//!   (`policy.accept_unconfirmed_grounds`) accepts it; either way an `info` finding
//!   (`scores.short_stay.unconfirmed_ground` or `…_not_accepted`) says the result depends
//!   on it. A confirmed ground beside it makes the result independent of it: no finding.

use super::medical_care::MedicalCareResult;
use super::oshima::{OshimaGroup, OshimaResult};
use super::words;
use crate::care::{CareKind, ClinicalCondition, ClinicalProfile, ShortStayGround, VentilationMode};
use crate::finding::{Finding, Path, Rule};
use serde::{Deserialize, Serialize};

/// 利用根拠 / One ground that holds, with the reason.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, crate::emit::Emit)]
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
#[derive(Debug, Clone, PartialEq, Eq, Serialize, crate::emit::Emit)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ShortStayEntitlement {
    /// 対象 / True if a confirmed ground applies, or, when the policy accepts them
    /// (`policy.accept_unconfirmed_grounds`), an unconfirmed one.
    pub eligible: bool,
    /// 未確認の根拠のみ / True if the only grounds that apply are unconfirmed (the result
    /// then depends on the policy).
    pub only_unconfirmed: bool,
    /// 根拠 / Every ground that applies on the day, in the order of the ground list.
    pub grounds: Vec<GroundResult>,
    /// 18歳以上のため適用しない根拠 / Grounds the profile shows that apply to children
    /// (under 18) only and so do not apply on the day.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub over_18: Vec<ShortStayGround>,
}

/// 医療型短期入所の判断の方針 / Policy for deciding entitlement to 医療型短期入所.
#[derive(
    Debug,
    Clone,
    Copy,
    Default,
    PartialEq,
    Eq,
    Serialize,
    Deserialize,
    crate::input::Recover,
    crate::emit::Emit,
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields, default)]
pub struct EntitlementPolicy {
    /// 未確認の根拠を認める / Accept an unconfirmed ground (found in one source only) on its
    /// own as a ground for 医療型短期入所 (default false). Either way an `info` finding says
    /// when the result depends on one.
    pub accept_unconfirmed_grounds: bool,
}

/// 児童（18歳未満） / The age from which a person is no longer a child (児童福祉法 第4条:
/// 「満十八歳に満たない者」).
pub const CHILD_AGE_LIMIT: u32 = 18;

/// True for the grounds that apply to children (under 18) only: 重症心身障害児 (大島分類
/// 1–4) and the three 2021 grounds built on the 医療的ケア判定スコア, a children's score
/// (令和3年度障害福祉サービス等報酬改定; the two unconfirmed ones are read as children's
/// grounds too, as they rest on the same score). The adult grounds (障害支援区分) apply
/// at any age.
pub const fn child_only(ground: ShortStayGround) -> bool {
    matches!(
        ground,
        ShortStayGround::SevereMotorIntellectual
            | ShortStayGround::MedicalCareScore16
            | ShortStayGround::BehaviourAndCareScore8
            | ShortStayGround::VegetativeAndCareScore8
    )
}

/// 判断 / The decision of [`decide`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decision {
    /// 対象 / Entitled.
    pub eligible: bool,
    /// 未確認の根拠のみ / Only unconfirmed grounds apply.
    pub only_unconfirmed: bool,
    /// The grounds that apply at the age, in the order given.
    pub applied: Vec<ShortStayGround>,
    /// The child-only grounds left out because the person is 18 or older.
    pub over_18: Vec<ShortStayGround>,
}

info_rule!(
    UNCONFIRMED_GROUND,
    "scores.short_stay.unconfirmed_ground",
    "未確認の根拠（一つの資料のみ）に基づき、方針により対象としています（{ground}）",
    "Entitled on an unconfirmed ground (one source only), which the policy accepts ({ground})"
);
info_rule!(
    UNCONFIRMED_GROUND_NOT_ACCEPTED,
    "scores.short_stay.unconfirmed_ground_not_accepted",
    "該当する根拠が未確認のもの（一つの資料のみ）だけのため対象としていません（{ground}。方針で認めることができます）",
    "Not entitled: the only grounds that apply are unconfirmed (one source only: {ground}); a policy can accept them"
);
info_rule!(
    CHILD_GROUND_OVER_18,
    "scores.short_stay.child_ground_over_18",
    "18歳以上（{age} 歳）のため、児童の根拠を適用していません（{ground}）",
    "Not applied: a ground for children under 18, and the person is {age} ({ground})"
);

crate::rule!(
    NOT_DECIDED_ON_DRAFT,
    "scores.short_stay.draft",
    Warning,
    "下書き（未記入の項目あり）のため、医療型短期入所の対象とは判断していません",
    "Not decided as entitled to medical short stay: the document is a draft with fields not yet filled in",
    "In draft mode the scores are computed from what is filled in so far and are provisional; an entitlement to 医療型短期入所 is never granted on them. Fill in every required field (the input.draft.not_filled warnings) and run again for the decision."
);

/// Every rule of the entitlement.
pub const RULES: &[&Rule] = &[
    &UNCONFIRMED_GROUND,
    &UNCONFIRMED_GROUND_NOT_ACCEPTED,
    &CHILD_GROUND_OVER_18,
    &NOT_DECIDED_ON_DRAFT,
];

/// The one decision on entitlement to 医療型短期入所, used by `scores.compute`,
/// `summary.scores` and `shortstay.evaluate` (and `shortstay.allocate`).
///
/// - `grounds`: the grounds the profile shows (computed, or declared on a request);
/// - `age`: the age in whole years on the day that counts (`as_of` for the scores, the
///   first night for a stay), by [`crate::calendar::age_on`]: an age is reached at the
///   end of the day before the birthday (年齢計算ニ関スル法律), so a child is 17 on the
///   day before the 18th birthday and 18 on the birthday itself;
/// - the child-only grounds ([`child_only`]) apply under 18 only; each one left out is an
///   `info` finding at `age_path`;
/// - a confirmed ground makes the person eligible; unconfirmed grounds alone do only when
///   `policy` accepts them, and either way an `info` finding at `grounds_path` says that
///   the result depends on them;
/// - while computing from a draft ([`crate::run_options::computing_from_draft`]) nobody
///   is eligible, and the warning `scores.short_stay.draft` at `grounds_path` says so.
pub fn decide(
    grounds: &[ShortStayGround],
    age: u32,
    policy: EntitlementPolicy,
    grounds_path: &Path,
    age_path: &Path,
    findings: &mut Vec<Finding>,
) -> Decision {
    let mut applied = Vec::new();
    let mut over_18 = Vec::new();
    for g in grounds {
        if child_only(*g) && age >= CHILD_AGE_LIMIT {
            if !over_18.contains(g) {
                findings.push(
                    CHILD_GROUND_OVER_18
                        .at(age_path)
                        .with("age", age)
                        .with("ground", words(g.label_ja(), g.label_en())),
                );
                over_18.push(*g);
            }
        } else if !applied.contains(g) {
            applied.push(*g);
        }
    }
    let confirmed = applied.iter().any(|g| g.confirmed());
    let only_unconfirmed = !confirmed && !applied.is_empty();
    if only_unconfirmed {
        let rule = if policy.accept_unconfirmed_grounds {
            &UNCONFIRMED_GROUND
        } else {
            &UNCONFIRMED_GROUND_NOT_ACCEPTED
        };
        for g in applied.iter().filter(|g| !g.confirmed()) {
            findings.push(
                rule.at(grounds_path)
                    .with("ground", words(g.label_ja(), g.label_en())),
            );
        }
    }
    // A draft never grants an entitlement (`crate::run_options::computing_from_draft`).
    let draft = crate::run_options::computing_from_draft();
    if draft {
        findings.push(NOT_DECIDED_ON_DRAFT.at(grounds_path.as_str()));
    }
    Decision {
        eligible: !draft && (confirmed || (only_unconfirmed && policy.accept_unconfirmed_grounds)),
        only_unconfirmed,
        applied,
        over_18,
    }
}

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
    // Unconfirmed ([C-D], one source): behaviour score ≥ 10 with medical care score ≥ 8.
    if let Some(b) = profile.behaviour_score.filter(|b| *b >= 10 && mc >= 8) {
        add(
            G::BehaviourAndCareScore8,
            format!("行動関連項目{b}点、医療的ケア判定スコア{mc}点"),
            format!("behaviour score {b}, medical care score {mc}"),
        );
    }
    // Unconfirmed ([C-D], one source): persistent vegetative state with score ≥ 8.
    if pvs && mc >= 8 {
        add(
            G::VegetativeAndCareScore8,
            format!("遷延性意識障害、医療的ケア判定スコア{mc}点"),
            format!("persistent vegetative state, medical care score {mc}"),
        );
    }
    out
}

/// The day an entitlement is decided for: the age on it, the policy, and where in the
/// input the date of birth is (for the age findings).
#[derive(Debug, Clone, Copy)]
pub struct DecisionDay<'a> {
    /// Age in whole years on the day.
    pub age: u32,
    /// The policy.
    pub policy: EntitlementPolicy,
    /// Pointer to the date of birth.
    pub age_path: &'a Path,
}

/// The entitlement of a scored profile on `day`, decided by [`decide`]; findings about
/// unconfirmed grounds point at `base` (the profile), those about the age at the date of
/// birth.
pub fn entitlement(
    profile: &ClinicalProfile,
    base: &Path,
    oshima: Option<&OshimaResult>,
    medical_care: &MedicalCareResult,
    day: &DecisionDay<'_>,
    findings: &mut Vec<Finding>,
) -> ShortStayEntitlement {
    let all = grounds(profile, oshima, medical_care);
    let mut kinds: Vec<ShortStayGround> = Vec::with_capacity(all.len());
    for g in &all {
        kinds.push(g.ground);
    }
    let decision = decide(&kinds, day.age, day.policy, base, day.age_path, findings);
    let mut grounds = Vec::new();
    for g in all {
        if decision.applied.contains(&g.ground) {
            grounds.push(g);
        }
    }
    ShortStayEntitlement {
        eligible: decision.eligible,
        only_unconfirmed: decision.only_unconfirmed,
        grounds,
        over_18: decision.over_18,
    }
}
