//! 超重症児（者）・準超重症児（者）の判定基準 / The super-severe score ([C-A], `docs/sources.md`).
//!
//! Source: MHLW notification 基本診療料の施設基準等及びその届出に関する手続きの取扱いについて,
//! 別添6 別紙14 (identical in the 2018 and 2020 editions); thresholds confirmed unchanged
//! in the 2024 and 2026 告示 (第八の十). Every row of [`TABLE`] is confirmed.
//!
//! - Each state counts only if it has lasted **6 months or more**; a child who left the
//!   NICU with the state still present counts **1 month** after discharge. A state whose
//!   start (`since`) is not recorded is not counted: its duration cannot be checked.
//! - Row 5 is one item: 8 points (1/hour or more) or 3 (6/day or more), never both.
//!   Rows 8 and 9 exclude each other (one feeding route only: the highest scoring);
//!   the pump's 3 points are added to row 9 only.
//! - Frequencies are compared as rates: 「1回/時間以上」 is at least 24 a day (168 a week),
//!   「6回/日以上」 at least 42 a week. This project's reading; the table gives no unit rule.
//! - Row 12 「人工膀胱を含む」 is read as continuous drainage through a cystostomy or urostomy.
//! - Row 1 counts invasive ventilation at any frequency, and NIPPV, CPAP and cough assist
//!   only when used every day (the row's note: 「毎日行う機械的気道加圧を要するカフマシン・
//!   NIPPV・CPAPなどは、レスピレーター管理に含む」): the ventilator item's recorded
//!   `frequency` must be at least once a day on average (1 a day, or 7 a week: this
//!   project's reading of 「毎日」 for a rate); below that it is not counted
//!   ([`NOT_DAILY`]). Where no frequency is recorded, the device is read as used every
//!   day (a profile lists the care the child receives regularly) and the `info` finding
//!   [`DAILY_ASSUMED`] says so. High-flow, IPPB and chest-wall oscillation alone do not
//!   count (the note names only the former). A ventilator whose mode is not recorded is
//!   counted (validation warns).
//! - 〈判定〉 (2020 text): when motor function is 「座位まで」 (sits or bedridden), total ≥ 25
//!   → 超重症児（者）, 10–24 → 準超重症児（者）. A child who walks is neither.
//! - The 2021 welfare-side rule for 特別重度支援加算 drops the motor condition: (Ⅰ) ≥ 25,
//!   (Ⅱ) ≥ 10. It is reported separately ([`WelfareCategory`]), not as a change to the above.

use super::{add_months, words};
use crate::calendar::IsoDate;
use crate::care::{CareKind, ClinicalProfile, MotorLevel, VentilationMode};
use crate::finding::{Finding, Label, Path, Rule};
use serde::Serialize;

/// 超重症児スコアの1行 / One row of the super-severe score table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SuperSevereRow {
    /// 番号 / Row number as printed (the two halves of rows 5, 8 and 9 share a number).
    pub no: &'static str,
    /// 項目 / Wording of the table.
    pub item_ja: &'static str,
    /// English gloss.
    pub item_en: &'static str,
    /// 点数 / Points.
    pub points: u8,
    /// 出典 / Source.
    pub source: &'static str,
    /// False if the row was found in one source only.
    pub confirmed: bool,
}

const SRC: &str = "基本診療料の施設基準等及びその届出に関する手続きの取扱いについて 別添6 別紙14";

macro_rules! ss_row {
    ($name:ident, $no:literal, $ja:literal, $en:literal, $points:literal) => {
        #[doc = concat!("Row ", $no, ": ", $ja, " (", $points, ")")]
        pub const $name: SuperSevereRow = SuperSevereRow {
            no: $no,
            item_ja: $ja,
            item_en: $en,
            points: $points,
            source: SRC,
            confirmed: true,
        };
    };
}

ss_row!(
    RESPIRATOR,
    "1",
    "レスピレーター管理（毎日行う機械的気道加圧を要するカフマシン・NIPPV・CPAPなどは、レスピレーター管理に含む）",
    "respirator (incl. daily cough assist, NIPPV, CPAP)",
    10
);
ss_row!(
    INTUBATION,
    "2",
    "気管内挿管・気管切開",
    "intubation or tracheostomy",
    8
);
ss_row!(AIRWAY, "3", "鼻咽頭エアウェイ", "nasopharyngeal airway", 5);
ss_row!(
    OXYGEN,
    "4",
    "O2吸入又はSpO2 90%以下の状態が10%以上",
    "oxygen, or SpO2 ≤ 90% for 10% of the time or more",
    5
);
ss_row!(
    SUCTION_HOURLY,
    "5",
    "1回/時間以上の頻回の吸引",
    "suctioning once an hour or more",
    8
);
ss_row!(
    SUCTION_6,
    "5",
    "6回/日以上の頻回の吸引",
    "suctioning 6 times a day or more",
    3
);
ss_row!(
    NEBULISER,
    "6",
    "ネブライザー 6回/日以上または継続使用",
    "nebuliser 6 times a day or more, or continuous",
    3
);
ss_row!(IVH, "7", "IVH", "central venous nutrition (IVH)", 10);
ss_row!(
    ORAL,
    "8",
    "経口摂取（全介助）",
    "oral feeding, fully assisted",
    3
);
ss_row!(
    TUBE,
    "8",
    "経管（経鼻・胃ろう含む）",
    "tube feeding (nasogastric, gastrostomy)",
    5
);
ss_row!(
    ENTERAL,
    "9",
    "腸ろう・腸管栄養",
    "jejunostomy / enteral feeding",
    8
);
ss_row!(
    PUMP,
    "9",
    "持続注入ポンプ使用（腸ろう・腸管栄養時）",
    "continuous pump (with enteral feeding)",
    3
);
ss_row!(
    HYPERTONIA,
    "10",
    "手術・服薬にても改善しない過緊張で、発汗による更衣と姿勢修正を3回/日以上",
    "hypertonia needing changes of clothes and position 3 times a day or more",
    3
);
ss_row!(
    DIALYSIS,
    "11",
    "継続する透析（腹膜灌流を含む）",
    "continuing dialysis (incl. peritoneal)",
    10
);
ss_row!(
    CATHETER,
    "12",
    "定期導尿（3回/日以上）（人工膀胱を含む）",
    "regular catheterisation 3 times a day or more (incl. artificial bladder)",
    5
);
ss_row!(COLOSTOMY, "13", "人工肛門", "colostomy", 5);
ss_row!(
    POSITION,
    "14",
    "体位交換 6回/日以上",
    "position changes 6 times a day or more",
    3
);

/// The table of [C-A] (`docs/sources.md`): 14 numbered items, 17 rows with the halves of
/// rows 5, 8, 9.
pub const TABLE: [SuperSevereRow; 17] = [
    RESPIRATOR,
    INTUBATION,
    AIRWAY,
    OXYGEN,
    SUCTION_HOURLY,
    SUCTION_6,
    NEBULISER,
    IVH,
    ORAL,
    TUBE,
    ENTERAL,
    PUMP,
    HYPERTONIA,
    DIALYSIS,
    CATHETER,
    COLOSTOMY,
    POSITION,
];

/// The largest total the table allows: every row, with one half of row 5 (8) and
/// row 9 with its pump instead of row 8 (86).
pub fn max_total() -> u16 {
    TABLE
        .iter()
        .filter(|r| *r != &SUCTION_6 && *r != &ORAL && *r != &TUBE)
        .map(|r| u16::from(r.points))
        .sum()
}

/// 判定 / Category under the 2020 medical-fee rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, crate::emit::Emit)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum SuperSevereCategory {
    /// 超重症児（者） / Super-severe: 25 or more, motor function up to sitting.
    SuperSevere,
    /// 準超重症児（者） / Semi-super-severe: 10–24, motor function up to sitting.
    SemiSuperSevere,
    /// 該当しない / Neither.
    NotApplicable,
    /// 判定できない（運動機能が不明） / Undetermined: the total reaches 10 but the motor level is unknown.
    Undetermined,
}

impl SuperSevereCategory {
    /// 日本語ラベル / Japanese label.
    pub const fn label_ja(self) -> &'static str {
        match self {
            Self::SuperSevere => "超重症児（者）",
            Self::SemiSuperSevere => "準超重症児（者）",
            Self::NotApplicable => "該当しない",
            Self::Undetermined => "判定できない（運動機能不明）",
        }
    }
}

/// 特別重度支援加算（2021年改定） / Category under the 2021 welfare-side rule (no motor condition).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, crate::emit::Emit)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum WelfareCategory {
    /// 特別重度支援加算（Ⅰ） / 25 or more.
    SpecialI,
    /// 特別重度支援加算（Ⅱ） / 10–24.
    SpecialII,
    /// 該当しない / Below 10.
    NotApplicable,
}

impl WelfareCategory {
    /// 日本語ラベル / Japanese label.
    pub const fn label_ja(self) -> &'static str {
        match self {
            Self::SpecialI => "特別重度支援加算（Ⅰ）",
            Self::SpecialII => "特別重度支援加算（Ⅱ）",
            Self::NotApplicable => "該当しない",
        }
    }
}

/// 加点項目 / One row that contributed to the super-severe total.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, crate::emit::Emit)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SuperSevereItem {
    /// 番号 / Row number.
    pub row: &'static str,
    /// 項目 / The table's wording.
    pub item_ja: &'static str,
    /// 点数 / Points.
    pub points: u8,
    /// 根拠の位置 / JSON Pointer to the input value that earned the points.
    pub path: String,
    /// 確認済み / False if the row is unconfirmed.
    pub confirmed: bool,
}

/// 超重症児スコア / Result of the super-severe score.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, crate::emit::Emit)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SuperSevereResult {
    /// 合計 / Total points.
    pub total: u16,
    /// 判定 / Category (2020 rule, motor condition applies).
    pub category: SuperSevereCategory,
    /// 判定（日本語） / Category in Japanese.
    pub category_ja: &'static str,
    /// 運動機能が座位まで / Whether the motor condition 「座位まで」 holds; absent when unknown.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub motor_up_to_sitting: Option<bool>,
    /// 特別重度支援加算（2021年） / Category under the 2021 welfare-side rule.
    pub welfare_2021: WelfareCategory,
    /// 特別重度支援加算（日本語） / That category in Japanese.
    pub welfare_2021_ja: &'static str,
    /// 加点項目 / Every contributing row, in table order.
    pub items: Vec<SuperSevereItem>,
}

info_rule!(
    TOO_SHORT,
    "scores.super_severe.too_short",
    "継続期間が6か月（NICU退院後は1か月）に満たないため数えていません[（{from} から数えます）]",
    "Not counted: the state has lasted less than 6 months (1 month after NICU discharge)[; it counts from {from}]"
);
info_rule!(
    SINCE_UNKNOWN,
    "scores.super_severe.since_unknown",
    "開始日の記録がなく継続期間を確認できないため数えていません",
    "Not counted: no start date, so the 6-month duration cannot be checked"
);
info_rule!(
    NICU_RULE,
    "scores.super_severe.nicu_rule",
    "NICU退院時から続く状態として、退院後1か月の {from} から数えています",
    "Counted under the NICU rule: present at NICU discharge, counted from {from} (1 month after discharge)"
);
crate::rule!(
    BELOW_THRESHOLD,
    "scores.super_severe.below_threshold",
    Info,
    "頻度が基準に達しないか記録がないため数えていません（基準: {threshold}）",
    "Not counted: the frequency is below the row's threshold or not recorded (threshold: {threshold})",
    "Some rows of the super-severe score count only from a frequency: suctioning and position changes 6 times a day or more, a nebuliser 6 times a day or more or in continuous use, hypertonia care and intermittent catheterisation 3 times a day or more, SpO2 at or below 90% for 10% of the time or more (row 4 without oxygen), and continuous drainage only with an artificial bladder. Record the frequency (times per hour, day or week) if it is missing."
);
crate::rule!(
    EXCLUDED,
    "scores.super_severe.excluded",
    Info,
    "排他的な項目のため数えていません（{reason}）",
    "Not counted: the rows exclude each other ({reason})",
    "Three rows of the score exclude each other: feeding (rows 8 and 9) counts one route, the highest scoring; the continuous feeding pump counts only with enteral feeding (row 9); catheterisation (row 12) counts once. The finding points at the item left out and says which of the three applies."
);
info_rule!(
    DEVICE_NOT_LISTED,
    "scores.super_severe.device_not_listed",
    "この機器はレスピレーター管理に含まれないため数えていません",
    "Not counted: this device is not part of row 1 (respirator)"
);
info_rule!(
    NOT_DAILY,
    "scores.super_severe.not_daily",
    "NIPPV・CPAP・カフマシンは毎日行う場合のみレスピレーター管理に含むため、記録された頻度（{times}回/{per}）では数えていません",
    "Not counted: NIPPV, CPAP and cough assist count as row 1 (respirator) only when used every day (recorded: {times} per {per})"
);
info_rule!(
    DAILY_ASSUMED,
    "scores.super_severe.daily_assumed",
    "頻度の記録がないため、NIPPV・CPAP・カフマシンを毎日行うものとして数えています",
    "Counted as used every day: NIPPV, CPAP or cough assist with no frequency recorded"
);
info_rule!(
    NOT_A_ROW,
    "scores.super_severe.not_a_row",
    "超重症児スコアの項目にないケアです（{care}）",
    "This kind of care is not a row of the super-severe score ({care})"
);
info_rule!(
    MOTOR_UNKNOWN,
    "scores.super_severe.motor_unknown",
    "運動機能が記録されていないため判定できません（合計 {total} 点）",
    "No category: the motor level is not recorded (total {total} points)"
);
info_rule!(
    MOTOR_NOT_MET,
    "scores.super_severe.motor_not_met",
    "運動機能が座位までではないため、合計点（{total} 点）にかかわらず該当しません",
    "Neither category: the child walks, whatever the total ({total} points)"
);

/// Every rule of the super-severe score.
pub const RULES: &[&Rule] = &[
    &TOO_SHORT,
    &SINCE_UNKNOWN,
    &NICU_RULE,
    &BELOW_THRESHOLD,
    &EXCLUDED,
    &DEVICE_NOT_LISTED,
    &NOT_DAILY,
    &DAILY_ASSUMED,
    &NOT_A_ROW,
    &MOTOR_UNKNOWN,
    &MOTOR_NOT_MET,
];

// The thresholds and exclusions the findings name (the library's own words).
const SIX_A_DAY: Label = words("1日6回以上", "6 times a day or more");
const THREE_A_DAY: Label = words("1日3回以上", "3 times a day or more");
const SIX_A_DAY_OR_CONTINUOUS: Label = words(
    "1日6回以上または継続使用",
    "6 times a day or more, or continuous use",
);
const ARTIFICIAL_BLADDER_ONLY: Label = words(
    "人工膀胱（膀胱瘻・尿路ストーマ）の場合のみ",
    "only with an artificial bladder (cystostomy or urostomy)",
);
const LOW_SPO2_TEN_PERCENT: Label = words(
    "SpO2 90% 以下が時間の10%以上",
    "SpO2 at or below 90% for 10% of the time or more",
);
const ONE_FEEDING_ROUTE: Label = words(
    "栄養経路は点数の最も高い一つだけを数えます",
    "one feeding route counts, the highest scoring",
);
const PUMP_ONLY_ENTERAL: Label = words(
    "持続注入ポンプは腸ろう・腸管栄養のときのみ数えます",
    "the feeding pump counts only with enteral feeding",
);
const CATHETERISATION_ONCE: Label = words("導尿は一度だけ数えます", "catheterisation counts once");

/// True if a state that started on `since` counts on `as_of` (6 months, or 1 month after
/// a NICU discharge it was present at). Emits the info finding that explains a refusal.
fn lasted(
    since: Option<IsoDate>,
    nicu: Option<IsoDate>,
    as_of: IsoDate,
    path: &Path,
    findings: &mut Vec<Finding>,
) -> bool {
    let Some(since) = since else {
        findings.push(SINCE_UNKNOWN.at(path));
        return false;
    };
    let six = add_months(since, 6);
    if six.is_some_and(|d| d <= as_of) {
        return true;
    }
    let nicu_date = nicu.filter(|d| since <= *d).and_then(|d| add_months(d, 1));
    if let Some(from) = nicu_date.filter(|d| *d <= as_of) {
        findings.push(NICU_RULE.at(path).with("from", from));
        return true;
    }
    let from = match (six, nicu_date) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    };
    match from {
        Some(d) => findings.push(TOO_SHORT.at(path).with("from", d)),
        None => findings.push(TOO_SHORT.at(path)),
    }
    false
}

/// Computes the super-severe score of `profile` (found at `base` in the input) on `as_of`,
/// appending `info` findings for what was not counted and why.
///
/// A start date before `birth` (a validation error) is read as `birth`.
pub fn score(
    profile: &ClinicalProfile,
    base: &Path,
    birth: IsoDate,
    as_of: IsoDate,
    findings: &mut Vec<Finding>,
) -> SuperSevereResult {
    use CareKind as K;
    let care_path = base.key("care");
    let nicu = profile.nicu_discharge;
    let mut hits: Vec<(&'static SuperSevereRow, Path)> = Vec::new();
    // Feeding candidates: (row, path) of each route that counts, decided after the loop.
    let mut feeding: Vec<(&'static SuperSevereRow, Path)> = Vec::new();
    let mut pump: Option<Path> = None;
    let mut catheter: Option<Path> = None;
    let mut catheter_extra: Vec<Path> = Vec::new();
    let mut oxygen_counted = false;

    let mut seen = crate::index::Seen::new();
    for (i, item) in profile.care.iter().enumerate() {
        // A repeated kind is a validation error; score only the first.
        if !seen.insert(item.kind) {
            continue;
        }
        let p = care_path.index(i);
        let since = item.since.map(|s| s.max(birth));
        let mut counts = |row: &'static SuperSevereRow, findings: &mut Vec<Finding>| {
            if lasted(since, nicu, as_of, &p, findings) {
                hits.push((row, p.clone()));
                true
            } else {
                false
            }
        };
        let freq = item.frequency;
        match item.kind {
            K::Ventilator => {
                let invasive = item.ventilation.is_empty()
                    || item.ventilation.contains(&VentilationMode::Invasive);
                let daily_kind = item.ventilation.iter().any(|m| m.needs_daily_use());
                if invasive {
                    counts(&RESPIRATOR, findings);
                } else if daily_kind {
                    match freq {
                        Some(f) if f.at_least_per_day(1) => {
                            counts(&RESPIRATOR, findings);
                        }
                        Some(f) => findings.push(
                            NOT_DAILY
                                .at(p.key("frequency"))
                                .with("times", f.times)
                                .with("per", words(f.per.label_ja(), f.per.label_en())),
                        ),
                        None => {
                            if counts(&RESPIRATOR, findings) {
                                findings.push(DAILY_ASSUMED.at(&p));
                            }
                        }
                    }
                } else {
                    findings.push(DEVICE_NOT_LISTED.at(p.key("ventilation")));
                }
            }
            K::Tracheostomy => {
                counts(&INTUBATION, findings);
            }
            K::NasopharyngealAirway => {
                counts(&AIRWAY, findings);
            }
            K::Oxygen => {
                oxygen_counted = counts(&OXYGEN, findings);
            }
            K::Suctioning => match freq {
                Some(f) if f.at_least_per_hour(1) => {
                    counts(&SUCTION_HOURLY, findings);
                }
                Some(f) if f.at_least_per_day(6) => {
                    counts(&SUCTION_6, findings);
                }
                _ => findings.push(BELOW_THRESHOLD.at(&p).with("threshold", SIX_A_DAY)),
            },
            K::Nebulizer => {
                if item.continuous || freq.is_some_and(|f| f.at_least_per_day(6)) {
                    counts(&NEBULISER, findings);
                } else {
                    findings.push(
                        BELOW_THRESHOLD
                            .at(&p)
                            .with("threshold", SIX_A_DAY_OR_CONTINUOUS),
                    );
                }
            }
            K::CentralLine => {
                counts(&IVH, findings);
            }
            K::OralFeedingAssisted | K::TubeFeeding | K::EnteralFeeding => {
                let row = match item.kind {
                    K::OralFeedingAssisted => &ORAL,
                    K::TubeFeeding => &TUBE,
                    _ => &ENTERAL,
                };
                if lasted(since, nicu, as_of, &p, findings) {
                    feeding.push((row, p.clone()));
                }
            }
            K::FeedingPump => {
                if lasted(since, nicu, as_of, &p, findings) {
                    pump = Some(p.clone());
                }
            }
            K::HypertoniaCare => {
                if freq.is_some_and(|f| f.at_least_per_day(3)) {
                    counts(&HYPERTONIA, findings);
                } else {
                    findings.push(BELOW_THRESHOLD.at(&p).with("threshold", THREE_A_DAY));
                }
            }
            K::Dialysis => {
                counts(&DIALYSIS, findings);
            }
            K::IntermittentCatheterization | K::ContinuousCatheterization => {
                let qualifies = if item.kind == K::IntermittentCatheterization {
                    freq.is_some_and(|f| f.at_least_per_day(3))
                } else {
                    item.urinary_route
                        .is_some_and(|r| r.is_artificial_bladder())
                };
                if !qualifies {
                    let threshold = if item.kind == K::IntermittentCatheterization {
                        THREE_A_DAY
                    } else {
                        ARTIFICIAL_BLADDER_ONLY
                    };
                    findings.push(BELOW_THRESHOLD.at(&p).with("threshold", threshold));
                } else if lasted(since, nicu, as_of, &p, findings) {
                    if catheter.is_none() {
                        catheter = Some(p.clone());
                    } else {
                        catheter_extra.push(p.clone());
                    }
                }
            }
            K::Stoma => {
                counts(&COLOSTOMY, findings);
            }
            K::PositionChange => {
                if freq.is_some_and(|f| f.at_least_per_day(6)) {
                    counts(&POSITION, findings);
                } else {
                    findings.push(BELOW_THRESHOLD.at(&p).with("threshold", SIX_A_DAY));
                }
            }
            K::SubcutaneousInjection
            | K::SubcutaneousPump
            | K::BloodGlucose
            | K::BowelCare
            | K::Enema
            | K::SeizureCare => findings.push(
                NOT_A_ROW
                    .at(&p)
                    .with("care", words(item.kind.label_ja(), item.kind.label_en())),
            ),
        }
    }

    // Row 4 without oxygen: SpO2 at or below 90% for 10% of the time or more.
    if let Some(low) = profile.low_spo2 {
        let lp = base.key("low_spo2");
        if oxygen_counted {
            // Row 4 already counted through oxygen: one row, counted once.
        } else if low.percent_of_time >= 10 {
            if lasted(low.since.map(|s| s.max(birth)), nicu, as_of, &lp, findings) {
                hits.push((&OXYGEN, lp));
            }
        } else {
            findings.push(
                BELOW_THRESHOLD
                    .at(lp.key("percent_of_time"))
                    .with("threshold", LOW_SPO2_TEN_PERCENT),
            );
        }
    }

    // Rows 8 and 9: one feeding route, the highest scoring; the pump only with row 9.
    // The highest scoring (the last of equals).
    let mut best: Option<&(&SuperSevereRow, Path)> = None;
    for f in &feeding {
        if best.is_none_or(|b| f.0.points >= b.0.points) {
            best = Some(f);
        }
    }
    let best = best.cloned();
    for (row, p) in &feeding {
        if best.as_ref().is_some_and(|(b, _)| b != row) {
            findings.push(EXCLUDED.at(p).with("reason", ONE_FEEDING_ROUTE));
        }
    }
    let enteral = best.as_ref().is_some_and(|(row, _)| *row == &ENTERAL);
    if let Some(b) = best {
        hits.push(b);
    }
    if let Some(p) = pump {
        if enteral {
            hits.push((&PUMP, p));
        } else {
            findings.push(EXCLUDED.at(&p).with("reason", PUMP_ONLY_ENTERAL));
        }
    }
    if let Some(p) = catheter {
        hits.push((&CATHETER, p));
    }
    for p in catheter_extra {
        findings.push(EXCLUDED.at(&p).with("reason", CATHETERISATION_ONCE));
    }

    crate::sorting::by_field(&mut hits, |(row, _)| TABLE.iter().position(|r| r == *row));
    let mut total: u16 = 0;
    for (row, _) in &hits {
        total += u16::from(row.points);
    }
    let mut items = Vec::with_capacity(hits.len());
    for (row, p) in hits {
        items.push(SuperSevereItem {
            row: row.no,
            item_ja: row.item_ja,
            points: row.points,
            path: p.into(),
            confirmed: row.confirmed,
        });
    }

    let motor = profile.motor_level.map(MotorLevel::up_to_sitting);
    let category = match motor {
        _ if total < 10 => SuperSevereCategory::NotApplicable,
        None => {
            findings.push(MOTOR_UNKNOWN.at(base).with("total", total));
            SuperSevereCategory::Undetermined
        }
        Some(false) => {
            findings.push(
                MOTOR_NOT_MET
                    .at(base.key("motor_level"))
                    .with("total", total),
            );
            SuperSevereCategory::NotApplicable
        }
        Some(true) if total >= 25 => SuperSevereCategory::SuperSevere,
        Some(true) => SuperSevereCategory::SemiSuperSevere,
    };
    let welfare_2021 = match total {
        25.. => WelfareCategory::SpecialI,
        10.. => WelfareCategory::SpecialII,
        _ => WelfareCategory::NotApplicable,
    };
    SuperSevereResult {
        total,
        category,
        category_ja: category.label_ja(),
        motor_up_to_sitting: motor,
        welfare_2021,
        welfare_2021_ja: welfare_2021.label_ja(),
        items,
    }
}
