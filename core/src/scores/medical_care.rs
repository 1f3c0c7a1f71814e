//! 医療的ケア判定スコア / The medical care score ([C-B], `docs/sources.md`).
//!
//! Source: MHLW 令和3年度障害福祉サービス等報酬改定の概要, 参考資料 別表 医療的ケア判定スコア
//! (児童発達支援・放課後等デイサービス共通). Each item scores its base points plus the
//! watch (見守り) score for the level a carer needs; a watch level the table does not
//! offer (a "–") is invalid input (`care.item.watch_not_offered`), not zero.
//!
//! Rows 10–14 were read from the official page's extracted text, where each value stands
//! beside its item (confirmed). Two notes of the physician's opinion form (医師意見書) come
//! from one secondary source only and are **unconfirmed**: they are applied as the named
//! rules [`ONE_VENTILATOR_ITEM`] and [`TRACHEOSTOMY_WATCH_WITH_VENTILATOR`], each of which
//! emits an `info` finding when it changes a total.
//!
//! Rows 12 (導尿) and 13 (排便管理) have sub-rows (12a/12b; 13a/13b/13c), and row 10 a
//! note on an insulin pump linked to a continuous glucose monitor, that the official
//! 別表 may qualify: an audit asked whether rows 12 and 13 say 「いずれか一つを選択」 (one
//! sub-row only) and what the row 10 note says. The official 別表 could not be read for
//! this project. The secondary source found among stored public pages (a welfare-office
//! guide, syogaifukushi-osaka.com 「医療的ケアスコア」, extracted text) shows rows 1–9
//! only, with two notes — row 1 counts when any one of the ventilator and the devices in
//! its brackets is used (「いずれか一つに該当する場合にカウントする」), and with both a
//! ventilator and a tracheostomy the tracheostomy's watch score is not added — and lists
//! パーカッションベンチレーター where this table has 間歇的陽圧吸入法; it does not show rows
//! 10–14. So this project keeps counting every sub-row that applies (each value stands
//! beside its item in the official page's text) and treats the combinations as
//! **unconfirmed**: when two sub-rows of row 12 or of row 13 both count, the lower ones are
//! marked unconfirmed with the `info` finding [`SELECT_ONE_UNCONFIRMED`] (a 「いずれか一つ
//! を選択」 reading would leave their points out); when row 10 counts beside a
//! subcutaneous pump (row 9b), row 10 is marked unconfirmed with [`GLUCOSE_PUMP_NOTE`].
//!
//! 医療的ケア区分 (child day services, 2021): total ≥ 32 → 区分3, 16–31 → 区分2,
//! 3–15 → 区分1 (the lower bound 3 is **unconfirmed**).

use super::words;
use crate::care::{CareKind, ClinicalProfile, WatchLevel};
use crate::finding::{Finding, Path, Rule};
use serde::Serialize;

/// 医療的ケア判定スコアの1行 / One row of the medical care score table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MedicalCareRow {
    /// 番号 / Row number as printed (`7a`).
    pub no: &'static str,
    /// The care kind the row scores.
    pub kind: CareKind,
    /// 項目 / Wording of the table.
    pub item_ja: &'static str,
    /// 基本スコア / Base points.
    pub base: u8,
    /// 見守りスコア 高・中・低 / Watch points high, medium, low; `None` is a "–".
    pub watch: [Option<u8>; 3],
    /// 出典 / Source.
    pub source: &'static str,
    /// False if the row was found in one source only.
    pub confirmed: bool,
}

impl MedicalCareRow {
    /// The watch points for `level`, if the row offers it.
    pub const fn watch_points(&self, level: WatchLevel) -> Option<u8> {
        let [high, medium, low] = self.watch;
        match level {
            WatchLevel::High => high,
            WatchLevel::Medium => medium,
            WatchLevel::Low => low,
        }
    }
    /// The largest total this row can give.
    pub fn max_points(&self) -> u8 {
        let watch = self.watch.iter().flatten().copied().max().unwrap_or(0);
        self.base.saturating_add(watch)
    }
}

const SRC: &str = "令和3年度障害福祉サービス等報酬改定の概要 参考資料 別表 医療的ケア判定スコア";
/// A row that offers high / low only ("2 / – / 0").
const fn hl(high: u8) -> [Option<u8>; 3] {
    [Some(high), None, Some(0)]
}
const NONE: [Option<u8>; 3] = [None, None, None];

macro_rules! row {
    ($no:literal, $kind:ident, $ja:literal, $base:literal, $watch:expr) => {
        MedicalCareRow {
            no: $no,
            kind: CareKind::$kind,
            item_ja: $ja,
            base: $base,
            watch: $watch,
            source: SRC,
            confirmed: true,
        }
    };
}

/// The table of [C-B] (`docs/sources.md`): 19 rows, in the table's order.
pub const TABLE: [MedicalCareRow; 19] = [
    row!(
        "1",
        Ventilator,
        "人工呼吸器（鼻マスク式補助換気法、ハイフローセラピー、間歇的陽圧吸入法、排痰補助装置、高頻度胸壁振動装置を含む）の管理",
        10,
        [Some(2), Some(1), Some(0)]
    ),
    row!("2", Tracheostomy, "気管切開の管理", 8, hl(2)),
    row!(
        "3",
        NasopharyngealAirway,
        "鼻咽頭エアウェイの管理",
        5,
        hl(1)
    ),
    row!("4", Oxygen, "酸素療法", 8, hl(1)),
    row!(
        "5",
        Suctioning,
        "吸引（口鼻腔又は気管内吸引に限る）",
        8,
        hl(1)
    ),
    row!("6", Nebulizer, "ネブライザーの管理", 3, NONE),
    row!(
        "7a",
        TubeFeeding,
        "経管栄養（経鼻胃管、胃瘻、経鼻腸管、経胃瘻腸管、腸瘻又は食道瘻）",
        8,
        hl(2)
    ),
    row!("7b", FeedingPump, "持続経管注入ポンプ使用", 3, hl(1)),
    row!("8", CentralLine, "中心静脈カテーテルの管理", 8, hl(2)),
    row!(
        "9a",
        SubcutaneousInjection,
        "皮下注射（インスリン、麻薬等の注射を含む）",
        5,
        hl(1)
    ),
    row!("9b", SubcutaneousPump, "持続皮下注射ポンプの使用", 3, hl(1)),
    // Rows 10–14: read from the official page's extracted text, each value beside its item.
    row!(
        "10",
        BloodGlucose,
        "血糖測定（持続血糖測定器による血糖測定を含む）",
        3,
        hl(1)
    ),
    row!(
        "11",
        Dialysis,
        "継続的な透析（血液透析、腹膜透析等）",
        8,
        hl(2)
    ),
    row!(
        "12a",
        IntermittentCatheterization,
        "導尿（間欠的導尿）",
        5,
        NONE
    ),
    row!(
        "12b",
        ContinuousCatheterization,
        "導尿（持続的導尿：尿道留置カテーテル、膀胱瘻、腎瘻、尿路ストーマ）",
        3,
        hl(1)
    ),
    row!("13a", Stoma, "排便管理（消化管ストーマの使用）", 5, hl(1)),
    row!("13b", BowelCare, "排便管理（摘便又は洗腸）", 5, NONE),
    row!("13c", Enema, "排便管理（浣腸）", 3, NONE),
    row!(
        "14",
        SeizureCare,
        "痙攣時の坐剤挿入、吸引、酸素投与、迷走神経刺激装置の作動等の処置",
        3,
        hl(2)
    ),
];

/// The row that scores `kind`. Enteral feeding (腸ろう・腸管栄養) is scored by row 7a,
/// whose wording names 経鼻腸管、経胃瘻腸管、腸瘻.
pub fn row_for(kind: CareKind) -> Option<&'static MedicalCareRow> {
    let kind = if kind == CareKind::EnteralFeeding {
        CareKind::TubeFeeding
    } else {
        kind
    };
    TABLE.iter().find(|r| r.kind == kind)
}

/// True if the table offers watch `level` for `kind`. Kinds the table does not score
/// (oral feeding, position changes, hypertonia care) offer no level at all.
pub fn watch_offered(kind: CareKind, level: WatchLevel) -> bool {
    row_for(kind).and_then(|r| r.watch_points(level)).is_some()
}

/// The largest total the table can give: every row at its highest watch level.
pub fn max_total() -> u16 {
    TABLE.iter().map(|r| u16::from(r.max_points())).sum()
}

/// 医療的ケア区分 / Care level for child day services (2021).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, crate::emit::Emit)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum MedicalCareLevel {
    /// 区分3 / 32 points or more.
    Level3,
    /// 区分2 / 16–31 points.
    Level2,
    /// 区分1 / 3–15 points (the lower bound 3 is unconfirmed).
    Level1,
    /// 該当しない / Below 3 points.
    NotApplicable,
}

impl MedicalCareLevel {
    /// The level of a total: ≥ 32 → 3, 16–31 → 2, 3–15 → 1 (lower bound unconfirmed).
    pub const fn of(total: u16) -> Self {
        match total {
            32.. => Self::Level3,
            16.. => Self::Level2,
            // Unconfirmed lower bound ([C-B], `docs/sources.md`): 3.
            3.. => Self::Level1,
            _ => Self::NotApplicable,
        }
    }
    /// 日本語ラベル / Japanese label.
    pub const fn label_ja(self) -> &'static str {
        match self {
            Self::Level3 => "区分3",
            Self::Level2 => "区分2",
            Self::Level1 => "区分1",
            Self::NotApplicable => "該当しない",
        }
    }
}

/// 加点項目 / One row that contributed to the medical care total.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, crate::emit::Emit)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct MedicalCareItem {
    /// 番号 / Row number (`7a`).
    pub row: &'static str,
    /// 項目 / The table's wording.
    pub item_ja: &'static str,
    /// 基本スコア / Base points.
    pub base: u8,
    /// 見守り / Watch level counted, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub watch: Option<WatchLevel>,
    /// 見守りスコア / Watch points counted.
    pub watch_points: u8,
    /// 点数 / Base plus watch points.
    pub points: u8,
    /// 根拠の位置 / JSON Pointer to the care item.
    pub path: String,
    /// 確認済み / False if the row or a rule that changed it is unconfirmed.
    pub confirmed: bool,
}

/// 医療的ケア判定スコア / Result of the medical care score.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, crate::emit::Emit)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct MedicalCareResult {
    /// 合計 / Total points.
    pub total: u16,
    /// 医療的ケア区分 / Care level.
    pub level: MedicalCareLevel,
    /// 区分（日本語） / Care level in Japanese.
    pub level_ja: &'static str,
    /// 16点以上（医療型短期入所の対象） / 16 or more: may use 医療型短期入所 (2021).
    pub at_least_16: bool,
    /// 加点項目 / Every contributing row, in table order.
    pub items: Vec<MedicalCareItem>,
}

info_rule!(
    WATCH_MISSING,
    "scores.medical_care.watch_missing",
    "見守りの度合いが記録されていないため基本スコアのみ数えています",
    "Watch level not recorded: only the base score is counted"
);
info_rule!(
    NOT_A_ROW,
    "scores.medical_care.not_a_row",
    "医療的ケア判定スコアの項目にないケアです（{care}）",
    "This kind of care is not a row of the medical care score ({care})"
);
info_rule!(
    SUCTION_SITE,
    "scores.medical_care.suction_site",
    "口鼻腔・気管内以外の吸引のため数えていません",
    "Not counted: only oral/nasal or tracheal suctioning counts"
);
info_rule!(
    GLYCERIN_ENEMA,
    "scores.medical_care.glycerin_enema",
    "市販の使い捨てグリセリン浣腸のみのため数えていません",
    "Not counted: small commercial disposable glycerin enemas do not count"
);
info_rule!(
    ROW_ONCE,
    "scores.medical_care.row_once",
    "同じ行（経管栄養）は一度だけ数えます",
    "Counted once: tube and enteral feeding share row 7a"
);
info_rule!(
    ONE_VENTILATOR_ITEM,
    "scores.medical_care.one_ventilator_item",
    "人工呼吸器の項目は機器の数にかかわらず一度だけ数えています（機器 {devices} 種類、{left_out} 点を加えていません。医師意見書の注記、未確認）",
    "Ventilator row counted once whatever the number of devices ({devices} devices, {left_out} points not added; physician-form note, unconfirmed)"
);
info_rule!(
    TRACHEOSTOMY_WATCH_WITH_VENTILATOR,
    "scores.medical_care.tracheostomy_watch_with_ventilator",
    "人工呼吸器と気管切開の両方があるため、気管切開の見守りスコア（{points} 点）を数えていません（医師意見書の注記、未確認）",
    "Ventilator and tracheostomy: the tracheostomy's watch score ({points} points) is not counted (physician-form note, unconfirmed)"
);
info_rule!(
    SELECT_ONE_UNCONFIRMED,
    "scores.medical_care.select_one_unconfirmed",
    "同じ行（導尿・排便管理）の複数の項目を数えています。公式の別表が「いずれか一つを選択」とする場合、この項目（別表の {row}、{points} 点）は数えません（未確認）",
    "Two parts of one row (catheterisation or bowel care) are both counted; if the official table says to choose one, this part (row {row}, {points} points) does not count (unconfirmed)"
);
info_rule!(
    GLUCOSE_PUMP_NOTE,
    "scores.medical_care.glucose_pump_note",
    "持続皮下注射ポンプと血糖測定の両方があります。インスリンポンプと持続血糖測定器が連動する場合の注記が血糖測定（{points} 点）の数え方を変える可能性があります（未確認）",
    "A subcutaneous pump and glucose measurement: a note on insulin pumps linked to a continuous glucose monitor may change how glucose measurement ({points} points) counts (unconfirmed)"
);
info_rule!(
    LEVEL1_UNCONFIRMED,
    "scores.medical_care.level1_unconfirmed",
    "区分1の下限（3点）は未確認です（合計 {total} 点）",
    "The lower bound of level 1 (3 points) is unconfirmed (total {total} points)"
);

/// Every rule of the medical care score.
pub const RULES: &[&Rule] = &[
    &WATCH_MISSING,
    &NOT_A_ROW,
    &SUCTION_SITE,
    &GLYCERIN_ENEMA,
    &ROW_ONCE,
    &ONE_VENTILATOR_ITEM,
    &TRACHEOSTOMY_WATCH_WITH_VENTILATOR,
    &SELECT_ONE_UNCONFIRMED,
    &GLUCOSE_PUMP_NOTE,
    &LEVEL1_UNCONFIRMED,
];

/// Marks the combinations the official 別表 may qualify (see the module docs): the
/// lower sub-rows of row 12 and of row 13 when two or more count, and row 10 beside a
/// subcutaneous pump (row 9b). Totals are unchanged; each marked item gets an `info`
/// finding at its care item.
fn mark_unconfirmed_combinations(
    items: &mut [(usize, MedicalCareItem)],
    findings: &mut Vec<Finding>,
) {
    for group in [&["12a", "12b"][..], &["13a", "13b", "13c"][..]] {
        let in_group = |it: &MedicalCareItem| group.contains(&it.row);
        let count = items.iter().filter(|(_, it)| in_group(it)).count();
        if count < 2 {
            continue;
        }
        // Keep the highest-scoring part (the first in table order on a tie) confirmed.
        let keep = items
            .iter()
            .enumerate()
            .filter(|(_, (_, it))| in_group(it))
            .fold(None::<(usize, u8)>, |best, (i, (_, it))| match best {
                Some((_, p)) if p >= it.points => best,
                _ => Some((i, it.points)),
            })
            .map(|(i, _)| i);
        for (i, (_, it)) in items.iter_mut().enumerate() {
            if in_group(it) && Some(i) != keep {
                it.confirmed = false;
                findings.push(
                    SELECT_ONE_UNCONFIRMED
                        .at(Path::from_pointer(it.path.clone()))
                        .with("row", it.row)
                        .with("points", it.points),
                );
            }
        }
    }
    let pump = items.iter().any(|(_, it)| it.row == "9b");
    if pump {
        for (_, it) in items.iter_mut().filter(|(_, it)| it.row == "10") {
            it.confirmed = false;
            findings.push(
                GLUCOSE_PUMP_NOTE
                    .at(Path::from_pointer(it.path.clone()))
                    .with("points", it.points),
            );
        }
    }
}

/// The number of different ventilation devices in `modes`.
fn distinct_devices(modes: &[crate::care::VentilationMode]) -> u32 {
    let n = modes
        .iter()
        .enumerate()
        .filter(|(i, m)| !modes.iter().take(*i).any(|o| o == *m))
        .count();
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// Computes the medical care score of `profile` (found at `base` in the input), appending
/// `info` findings for what was not counted and for the unconfirmed rules that changed
/// the total. A watch level the table does not offer scores the base only (the profile's
/// validation reports it as `care.item.watch_not_offered`).
pub fn score(
    profile: &ClinicalProfile,
    base: &Path,
    findings: &mut Vec<Finding>,
) -> MedicalCareResult {
    let care_path = base.key("care");
    let has_ventilator = profile.has(CareKind::Ventilator);
    let mut items: Vec<(usize, MedicalCareItem)> = Vec::new();
    let mut seen = crate::index::Seen::new();
    for (i, item) in profile.care.iter().enumerate() {
        if !seen.insert(item.kind) {
            continue;
        }
        let p = care_path.index(i);
        let Some((row_index, row)) = TABLE
            .iter()
            .enumerate()
            .find(|(_, r)| row_for(item.kind).is_some_and(|f| f == *r))
        else {
            findings.push(
                NOT_A_ROW
                    .at(&p)
                    .with("care", words(item.kind.label_ja(), item.kind.label_en())),
            );
            continue;
        };
        if items.iter().any(|(ri, _)| *ri == row_index) {
            findings.push(ROW_ONCE.at(&p));
            continue;
        }
        if item.kind == CareKind::Suctioning
            && !item.suction_sites.is_empty()
            && !item
                .suction_sites
                .iter()
                .any(|s| s.counts_for_medical_care())
        {
            findings.push(SUCTION_SITE.at(p.key("suction_sites")));
            continue;
        }
        if item.kind == CareKind::Enema && item.commercial_glycerin_only {
            findings.push(GLYCERIN_ENEMA.at(p.key("commercial_glycerin_only")));
            continue;
        }
        let offers_watch = row.watch.iter().any(Option::is_some);
        let mut watch = item.watch.filter(|w| row.watch_points(*w).is_some());
        let mut watch_points = watch.and_then(|w| row.watch_points(w)).unwrap_or(0);
        if offers_watch && item.watch.is_none() {
            findings.push(WATCH_MISSING.at(&p));
        }
        let mut confirmed = row.confirmed;
        // Unconfirmed rule: with a ventilator, a tracheostomy scores its base only.
        if item.kind == CareKind::Tracheostomy && has_ventilator && watch_points > 0 {
            findings.push(
                TRACHEOSTOMY_WATCH_WITH_VENTILATOR
                    .at(p.key("watch"))
                    .with("points", watch_points),
            );
            watch_points = 0;
            watch = None;
            confirmed = false;
        }
        // Unconfirmed rule: row 1 counts once, whichever devices are used. It changes the
        // total only when two or more *different* devices are listed (a device listed
        // twice is one device, and a validation error): read per device, each further
        // device would add the row's base points again. It says so then, and only then.
        if item.kind == CareKind::Ventilator {
            let devices = distinct_devices(&item.ventilation);
            if devices > 1 {
                let left_out = u32::from(row.base).saturating_mul(devices.saturating_sub(1));
                findings.push(
                    ONE_VENTILATOR_ITEM
                        .at(p.key("ventilation"))
                        .with("devices", devices)
                        .with("left_out", left_out),
                );
                confirmed = false;
            }
        }
        items.push((
            row_index,
            MedicalCareItem {
                row: row.no,
                item_ja: row.item_ja,
                base: row.base,
                watch,
                watch_points,
                points: row.base.saturating_add(watch_points),
                path: p.into(),
                confirmed,
            },
        ));
    }
    crate::sorting::by_field(&mut items, |(ri, _)| *ri);
    mark_unconfirmed_combinations(&mut items, findings);
    let mut total: u16 = 0;
    for (_, it) in &items {
        total += u16::from(it.points);
    }
    let level = MedicalCareLevel::of(total);
    if level == MedicalCareLevel::Level1 {
        findings.push(LEVEL1_UNCONFIRMED.at(base).with("total", total));
    }
    let mut scored = Vec::with_capacity(items.len());
    for (_, it) in items {
        scored.push(it);
    }
    MedicalCareResult {
        total,
        level,
        level_ja: level.label_ja(),
        at_least_16: total >= 16,
        items: scored,
    }
}
