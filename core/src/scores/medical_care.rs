//! 医療的ケア判定スコア / The medical care score (CLINICAL.md B).
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
//! 医療的ケア区分 (child day services, 2021): total ≥ 32 → 区分3, 16–31 → 区分2,
//! 3–15 → 区分1 (the lower bound 3 is **unconfirmed**).

use crate::care::{CareKind, WatchLevel};

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

/// The table of CLINICAL.md B: 19 rows, in the table's order.
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
