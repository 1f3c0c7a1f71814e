//! 大島分類 / The Oshima classification ([C-C], `docs/sources.md`).
//!
//! IQ band (rows) by motor level (columns). Cells 1–4 are 重症心身障害児 (severe motor
//! and intellectual disabilities), 5–9 are 周辺児 (borderline). The sources draw the bands
//! at 80 / 70 / 50 / 35 / 20 without saying on which side a boundary falls; this project
//! reads each boundary as the top of the lower band (IQ 35 is in 21–35), matching the
//! common wording 「IQ35以下で座位まで」. IQ above 80 has no cell. Where no IQ is recorded
//! the DQ is used, with an `info` finding.

use crate::care::{ClinicalProfile, MotorLevel};
use crate::finding::{Finding, Path, Rule};
use serde::Serialize;

/// The IQ bands, top row first: (lowest IQ, highest IQ, Japanese wording).
pub const IQ_BANDS: [(u16, u16, &str); 5] = [
    (71, 80, "IQ 71〜80"),
    (51, 70, "IQ 51〜70"),
    (36, 50, "IQ 36〜50"),
    (21, 35, "IQ 21〜35"),
    (0, 20, "IQ 0〜20"),
];

/// The cells, rows as [`IQ_BANDS`], columns as [`MotorLevel::ALL`] (runs … bedridden).
pub const CELLS: [[u8; 5]; 5] = [
    [21, 22, 23, 24, 25],
    [20, 13, 14, 15, 16],
    [19, 12, 7, 8, 9],
    [18, 11, 6, 3, 4],
    [17, 10, 5, 2, 1],
];

/// 大島分類の区分 / Group of an Oshima cell.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, crate::emit::Emit)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum OshimaGroup {
    /// 重症心身障害児（1〜4） / Severe motor and intellectual disabilities (cells 1–4).
    SevereMotorIntellectual,
    /// 周辺児（5〜9） / Borderline (cells 5–9).
    Borderline,
    /// その他（10〜25） / Other (cells 10–25).
    Other,
}

impl OshimaGroup {
    /// The group of cell `cell` (1–25).
    pub const fn of(cell: u8) -> Self {
        match cell {
            1..=4 => Self::SevereMotorIntellectual,
            5..=9 => Self::Borderline,
            _ => Self::Other,
        }
    }
    /// 日本語ラベル / Japanese label.
    pub const fn label_ja(self) -> &'static str {
        match self {
            Self::SevereMotorIntellectual => "重症心身障害児",
            Self::Borderline => "周辺児",
            Self::Other => "その他",
        }
    }
}

/// 大島分類 / Result of the Oshima classification.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, crate::emit::Emit)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct OshimaResult {
    /// 区分番号 / Cell number 1–25.
    pub cell: u8,
    /// 区分 / Group.
    pub group: OshimaGroup,
    /// 区分（日本語） / Group in Japanese.
    pub group_ja: &'static str,
    /// IQ の帯 / The IQ band's wording.
    pub iq_band_ja: &'static str,
    /// 運動機能 / Motor level used.
    pub motor_level: MotorLevel,
    /// 運動機能（日本語） / Motor level in Japanese.
    pub motor_level_ja: &'static str,
    /// 用いた指数 / The quotient used.
    pub quotient: u16,
    /// DQ を用いた / True if the DQ stood in for a missing IQ.
    pub from_dq: bool,
}

/// The cell for `quotient` and `motor`, or `None` above 80.
pub fn cell(quotient: u16, motor: MotorLevel) -> Option<u8> {
    let row = IQ_BANDS
        .iter()
        .position(|(lo, hi, _)| (*lo..=*hi).contains(&quotient))?;
    let col = MotorLevel::ALL.iter().position(|m| *m == motor)?;
    CELLS.get(row)?.get(col).copied()
}

info_rule!(
    NO_QUOTIENT,
    "scores.oshima.no_quotient",
    "IQ・DQ が記録されていないため大島分類を決められません",
    "No Oshima cell: neither IQ nor DQ is recorded"
);
info_rule!(
    NO_MOTOR,
    "scores.oshima.no_motor",
    "運動機能が記録されていないため大島分類を決められません",
    "No Oshima cell: the motor level is not recorded"
);
info_rule!(
    ABOVE_80,
    "scores.oshima.above_80",
    "IQ が80を超えるため大島分類の区分はありません（{measure} {quotient}）",
    "No Oshima cell: IQ above 80 ({measure} {quotient})"
);
info_rule!(
    FROM_DQ,
    "scores.oshima.from_dq",
    "IQ の記録がないため DQ で分類しています",
    "Classified by DQ: no IQ is recorded"
);

/// Every rule of the Oshima classification.
pub const RULES: &[&Rule] = &[&NO_QUOTIENT, &NO_MOTOR, &ABOVE_80, &FROM_DQ];

/// Classifies `profile` (found at `base`), appending an `info` finding when no cell can be
/// given or the DQ was used.
pub fn classify(
    profile: &ClinicalProfile,
    base: &Path,
    findings: &mut Vec<Finding>,
) -> Option<OshimaResult> {
    let Some((quotient, from_dq)) = profile.intelligence() else {
        findings.push(NO_QUOTIENT.at(base));
        return None;
    };
    let qpath = base.key(if from_dq { "dq" } else { "iq" });
    let Some(motor) = profile.motor_level else {
        findings.push(NO_MOTOR.at(base));
        return None;
    };
    let Some(cell) = cell(quotient, motor) else {
        findings.push(
            ABOVE_80
                .at(&qpath)
                .with("measure", if from_dq { "DQ" } else { "IQ" })
                .with("quotient", quotient),
        );
        return None;
    };
    if from_dq {
        findings.push(FROM_DQ.at(&qpath));
    }
    let group = OshimaGroup::of(cell);
    let iq_band_ja = IQ_BANDS
        .iter()
        .find(|(lo, hi, _)| (*lo..=*hi).contains(&quotient))
        .map_or("", |(_, _, ja)| ja);
    Some(OshimaResult {
        cell,
        group,
        group_ja: group.label_ja(),
        iq_band_ja,
        motor_level: motor,
        motor_level_ja: motor.label_ja(),
        quotient,
        from_dq,
    })
}
