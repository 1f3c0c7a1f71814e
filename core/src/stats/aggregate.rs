//! `summaries.aggregate`: counts for 実態把握 from many child summaries.
//!
//! The tables, all counting children (not summaries) on `as_of`:
//!
//! | table id | rows | rows add up to the number of children |
//! |---|---|---|
//! | `municipality` | 全国地方公共団体コード, then 「コード未記入」 | yes |
//! | `age_band` | 0–4, 5–9, 10–14, 15–19, 20 and over (the bands of MHLW's national estimates) | yes |
//! | `school_stage` | 未就学, 小学生, 中学生, 高校生等, 高校卒業年齢以降 | yes |
//! | `care_kind` | every kind of medical care, then 「医療的ケアなし」 | no (one child, several kinds) |
//! | `device` | every kind of device, then 「機器なし」 | no |
//! | `super_severe` | 超重症児（者）, 準超重症児（者）, 該当しない, 判定できない | yes |
//! | `medical_care_level` | 医療的ケア判定スコアの区分3, 2, 1, 該当しない | yes |
//! | `oshima` | 大島分類 1, 2, 3, 4, 5〜25, IQ 80 超, 記録なし | yes |
//! | `short_stay` | 医療型短期入所の対象, 未確認の根拠のみ, 対象外 | yes |
//!
//! and the cross-table municipality × care kind, whose column totals are the cells of the
//! `care_kind` table.
//!
//! **What never leaves it.** No name, kana, phone, address, note, diagnosis name or exact
//! date: only counts, the library's own labels, and municipality codes. The municipality
//! *name* is free text typed by whoever wrote the summary, so it is never output, in either
//! mode: a child without a valid code is counted under 「コード未記入」. School stage is
//! the stage by age (学齢, from the school-entry rule of the School Education Act as in
//! [`crate::calendar::school_entry_year`]), not the school the child attends.
//!
//! **Modes.** `internal` gives exact counts, for the hub's own use. `publication` (the
//! default) suppresses every cell under `threshold` (default 10, the rule of the NDB open
//! data) and then the complementary cells, across all tables released together, as
//! described in [`super::suppress`].
//!
//! **The same child twice.** Summaries with the same `child.id` (a hospital and a school
//! both sent one) are one child: the first is counted, each later one gets
//! `stats.aggregate.duplicate_child`. Twins have different ids and stay two. Summaries with
//! different ids that [`same_child`] calls possibly the same
//! child (same date of birth, sex, municipality and kana) get
//! `stats.aggregate.possible_duplicate` and are both counted: the library cannot know. A
//! child id that is not well formed is read as no id (`stats.aggregate.no_id`).
//!
//! **Consent.** Read with [`consent_covers`] for use
//! `statistics` on `as_of`, with no particular recipient (the tables are published, not
//! handed to one party; a consent to the hub or to anyone covers it):
//!
//! | consent on `as_of` | counted | finding |
//! |---|---|---|
//! | a current consent covering statistics | yes | none |
//! | no consent recorded at all | yes | none (the summary's own rules report it) |
//! | consent to statistics withdrawn (`withdrawn_on` on or before `as_of`) | **no** | `stats.aggregate.consent_withdrawn` at that `withdrawn_on` |
//! | consents recorded, none covering statistics | yes | `stats.aggregate.consent_not_covering` at `consents` |
//! | the consent to statistics ran out (`expires_on` before `as_of`) | yes | `stats.aggregate.consent_not_covering` at that `expires_on` |
//!
//! A withdrawal is the family's explicit refusal, so the child is left out. Consents that
//! simply do not mention statistics (or ran out) are counted with the information: the
//! tables are anonymous aggregates that identify no child, which the Act on the Protection
//! of Personal Information does not treat as personal information; the hub may still want
//! to ask the family.
//!
//! **Streaming.** [`Aggregator`] takes one summary at a time; it keeps per child only its
//! id (and date of birth, sex and kana for the possible-duplicate check) and the counters, so
//! memory grows with the number of children, not with the size of the input. It keeps the
//! first [`KEPT_FINDINGS`] findings; beyond them it only counts them, and reports one
//! `stats.aggregate.more_errors` / `more_warnings` / `more_infos` with the number.
//!
//! The summaries are not fully validated here (run `summary.validate` on each): only the
//! clinical profile's errors (`care.*`, e.g. an IQ above 200) are reported, and the child
//! is counted all the same. Scores are computed as `summary.scores` computes them.
//!
//! | code | severity | when |
//! |---|---|---|
//! | `stats.aggregate.duplicate_child` | info | a later summary of a child already counted (same id) |
//! | `stats.aggregate.possible_duplicate` | warning | same date of birth, sex, municipality and kana as another summary, but not the same id |
//! | `stats.aggregate.born_after_as_of` | error | a child born after `as_of`: not counted |
//! | `stats.aggregate.municipality_code_invalid` | warning | six digits whose check digit does not match: counted under 「コード未記入」 (a code that is not six digits gets the summary's error `summary.municipality_code.invalid` and is counted the same way) |
//! | `stats.aggregate.municipality_code_missing` | info | no municipality code: counted under 「コード未記入」 |
//! | `stats.aggregate.no_id` | warning | a child id that is empty or not well formed (with the summary's error `summary.child.id_invalid`): duplicates can only be guessed; the child is counted |
//! | `stats.aggregate.threshold_low` | warning | publication with a threshold under 10 |
//! | `stats.aggregate.consent_withdrawn` | warning | consent to statistical use withdrawn: not counted |
//! | `stats.aggregate.consent_not_covering` | info | consents recorded, none for statistics (or it ran out): counted |
//! | `stats.aggregate.more_errors`, `more_warnings`, `more_infos` | error, warning, info | more findings than kept: their number |

use super::rule;
use super::suppress::{Equation, suppress};
use crate::calendar::{IsoDate, age_on, school_entry_year};
use crate::care::CareKind;
use crate::finding::{Finding, Path, Severity};
use crate::labels::labelled_enum;
use crate::operation::Computed;
use crate::scores::medical_care::MedicalCareLevel;
use crate::scores::super_severe::SuperSevereCategory;
use crate::summary::identity::CodeProblem;
use crate::summary::{
    Child, ChildSummary, ConsentStatus, ConsentUse, DeviceKind, Match, MunicipalityCode, Sex,
    consent_covers, same_child,
};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

rule!(
    DUPLICATE_CHILD,
    "stats.aggregate.duplicate_child",
    Info,
    "同じ対象児IDの情報集約がすでにあるため、1人として数えました",
    "A summary of a child already counted (same child id): counted once"
);
rule!(
    POSSIBLE_DUPLICATE,
    "stats.aggregate.possible_duplicate",
    Warning,
    "生年月日・性別・ふりがなが別の情報集約と同じです。同じ子であれば対象児IDをそろえてください（2人として数えています）",
    "Same date of birth, sex and kana as another summary: if it is the same child, give both the same child id (counted as two)"
);
rule!(
    BORN_AFTER_AS_OF,
    "stats.aggregate.born_after_as_of",
    Error,
    "基準日より後に生まれた子のため、数えていません",
    "Born after as_of: not counted"
);
rule!(
    MUNICIPALITY_CODE_INVALID,
    "stats.aggregate.municipality_code_invalid",
    Warning,
    "市区町村コードが6桁の全国地方公共団体コード（検査数字付き）ではないため、「コード未記入」として数えました",
    "Not a 6-digit local government code with a valid check digit: counted under \"no code\""
);
rule!(
    MUNICIPALITY_CODE_MISSING,
    "stats.aggregate.municipality_code_missing",
    Info,
    "市区町村コードがないため、「コード未記入」として数えました（市区町村名は出力しません）",
    "No municipality code: counted under \"no code\" (municipality names are never output)"
);
rule!(
    NO_ID,
    "stats.aggregate.no_id",
    Warning,
    "対象児IDがない（又は形が正しくない）ため、同じ子の重複は生年月日・性別・ふりがなでしか確かめられません",
    "No usable child id: a child sent twice can only be guessed from date of birth, sex and kana"
);
rule!(
    THRESHOLD_LOW,
    "stats.aggregate.threshold_low",
    Warning,
    "公表用の秘匿の基準が10未満です（基準 {threshold}。NDBオープンデータは10未満を秘匿）",
    "Publication threshold under 10 (threshold {threshold}; the NDB open data suppresses counts under 10)"
);
rule!(
    CONSENT_WITHDRAWN,
    "stats.aggregate.consent_withdrawn",
    Warning,
    "統計への利用の同意が撤回されているため、数えていません",
    "Consent to statistical use was withdrawn: not counted"
);
rule!(
    CONSENT_NOT_COVERING,
    "stats.aggregate.consent_not_covering",
    Info,
    "記録された同意に統計への利用が含まれていません（個人を識別できない集計のため数えています）",
    "The recorded consents do not cover statistical use (counted: the tables identify no child)"
);

rule!(
    MORE_ERRORS,
    "stats.aggregate.more_errors",
    Error,
    "このほかにもエラーがあります（多すぎるため件数のみ：{n} 件）",
    "More errors than can be listed (only their number is kept: {n})"
);
rule!(
    MORE_WARNINGS,
    "stats.aggregate.more_warnings",
    Warning,
    "このほかにも警告があります（多すぎるため件数のみ：{n} 件）",
    "More warnings than can be listed (only their number is kept: {n})"
);
rule!(
    MORE_INFOS,
    "stats.aggregate.more_infos",
    Info,
    "このほかにも情報があります（多すぎるため件数のみ：{n} 件）",
    "More notes than can be listed (only their number is kept: {n})"
);

/// Most findings the aggregator keeps; beyond them it only counts, per severity, so that
/// memory does not grow with the input (three places are left for those counts, so a
/// report never exceeds [`crate::finding::MAX_FINDINGS`]).
pub const KEPT_FINDINGS: usize = crate::finding::MAX_FINDINGS - 3;

labelled_enum! {
    /// 集計の用途 / What the counts are for.
    Mode {
        /// 公表用（少数のセルを秘匿） / Publication: small cells suppressed.
        Publication => "公表用", "publication";
        /// 拠点内部用（正確な件数） / The hub's own use: exact counts.
        Internal => "拠点内部用", "internal";
    }
}

fn default_mode() -> Mode {
    Mode::Publication
}

/// The NDB open data rule: counts under 10 are not published.
pub const DEFAULT_THRESHOLD: u32 = 10;

fn default_threshold() -> u32 {
    DEFAULT_THRESHOLD
}

/// 集計の依頼 / Input of `summaries.aggregate`.
#[derive(
    Debug, Clone, PartialEq, Serialize, Deserialize, crate::input::Recover, crate::emit::Emit,
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct AggregateRequest {
    /// JSON Schema の URL（任意） / URL of this document's JSON Schema (optional).
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    /// 文書の形式の版（省略時は 1） / Document format version (absent means 1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<crate::version::FormatVersion>,
    /// 基準日 / The day ages, school stages and scores are judged on.
    pub as_of: IsoDate,
    /// 用途（既定は公表用） / Publication (default: small cells suppressed) or internal (exact counts).
    #[serde(default = "default_mode")]
    pub mode: Mode,
    /// 秘匿の基準（既定 10：この数未満のセルを秘匿） / Cells under this count are suppressed in
    /// publication mode (default 10, the NDB open data rule).
    #[serde(default = "default_threshold")]
    pub threshold: u32,
    /// 対象児の情報集約 / The children's summaries.
    #[serde(default)]
    pub summaries: Vec<ChildSummary>,
}

/// 集計のセル / One cell of a table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, crate::emit::Emit)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Cell {
    /// キー / Stable key (`0-4`, `ventilator`, a municipality code, …).
    pub key: String,
    /// 見出し / Label in Japanese.
    pub label_ja: String,
    /// 見出し（英語） / Label in English.
    pub label_en: String,
    /// 人数（秘匿のときはなし） / Number of children; absent when suppressed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub count: Option<u32>,
    /// 秘匿 / True if the count is suppressed.
    pub suppressed: bool,
}

/// 集計表 / One table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, crate::emit::Emit)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Table {
    /// 表の識別子 / Table id (`age_band`, …).
    pub id: &'static str,
    /// 表題 / Title in Japanese.
    pub title_ja: &'static str,
    /// 表題（英語） / Title in English.
    pub title_en: &'static str,
    /// 行の合計が対象児数になる / True if every child is in exactly one row.
    pub rows_add_up: bool,
    /// 行 / Rows.
    pub rows: Vec<Cell>,
}

/// クロス表の行 / One row (a municipality) of the cross-table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, crate::emit::Emit)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CrossRow {
    /// 市区町村コード（`unknown` はコード未記入） / Municipality code (`unknown`: no code).
    pub key: String,
    /// 見出し / Label in Japanese.
    pub label_ja: String,
    /// 列ごとのセル / One cell per column, in column order.
    pub cells: Vec<Cell>,
}

/// 市区町村 × 医療的ケアのクロス表 / The cross-table municipality × care kind.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, crate::emit::Emit)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CrossTable {
    /// 表題 / Title in Japanese.
    pub title_ja: &'static str,
    /// 表題（英語） / Title in English.
    pub title_en: &'static str,
    /// 行（市区町村） / Rows, one per municipality.
    pub rows: Vec<CrossRow>,
    /// 列の合計（医療的ケア別の表と同じ） / Column totals: the cells of the care-kind table.
    pub column_totals: Vec<Cell>,
}

/// 集計結果 / Result of `summaries.aggregate`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, crate::emit::Emit)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Aggregate {
    /// 基準日 / The day of the counts.
    pub as_of: IsoDate,
    /// 用途 / Mode.
    pub mode: Mode,
    /// 秘匿の基準 / Threshold (publication mode).
    pub threshold: u32,
    /// 対象児数 / Number of children counted.
    pub children: Cell,
    /// 集計表 / The tables.
    pub tables: Vec<Table>,
    /// 市区町村 × 医療的ケア / The cross-table municipality × care kind.
    pub municipality_by_care_kind: CrossTable,
    /// 秘匿したセルの数 / Number of suppressed cells (cross-table column totals counted once).
    pub suppressed_cells: u32,
}

/// The summary's consent state for statistical use on `as_of`: domain-a's
/// [`consent_covers`] with use `statistics` and no particular recipient (the tables are
/// published, not handed to anyone). Read here and nowhere else.
pub fn statistics_consent(s: &ChildSummary, as_of: IsoDate) -> ConsentStatus {
    consent_covers(s, ConsentUse::Statistics, None, as_of)
}

/// The child id, if the summary has a well-formed one. Read here and nowhere else.
fn child_id(s: &ChildSummary) -> Option<&str> {
    Some(s.child.id.as_str()).filter(|_| s.child.id.is_well_formed())
}

/// The municipality code, if any. Read here and nowhere else.
fn municipality_code(s: &ChildSummary) -> Option<&MunicipalityCode> {
    s.child.municipality_code.as_ref()
}

const AGE_BANDS: [(&str, &str, &str); 5] = [
    ("0-4", "0〜4歳", "0–4"),
    ("5-9", "5〜9歳", "5–9"),
    ("10-14", "10〜14歳", "10–14"),
    ("15-19", "15〜19歳", "15–19"),
    ("20+", "20歳以上", "20 and over"),
];

const STAGES: [(&str, &str, &str); 5] = [
    ("preschool", "未就学", "preschool"),
    ("elementary", "小学生", "elementary school age"),
    ("junior_high", "中学生", "junior high school age"),
    ("high_school", "高校生等", "high school age"),
    (
        "after_high_school",
        "高校卒業年齢以降",
        "past high school age",
    ),
];

const SUPER_SEVERE: [(SuperSevereCategory, &str, &str); 4] = [
    (
        SuperSevereCategory::SuperSevere,
        "super_severe",
        "super-severe",
    ),
    (
        SuperSevereCategory::SemiSuperSevere,
        "semi_super_severe",
        "semi-super-severe",
    ),
    (
        SuperSevereCategory::NotApplicable,
        "not_applicable",
        "neither",
    ),
    (
        SuperSevereCategory::Undetermined,
        "undetermined",
        "undetermined (motor level unknown)",
    ),
];

const CARE_LEVELS: [(MedicalCareLevel, &str, &str); 4] = [
    (MedicalCareLevel::Level3, "level3", "level 3"),
    (MedicalCareLevel::Level2, "level2", "level 2"),
    (MedicalCareLevel::Level1, "level1", "level 1"),
    (
        MedicalCareLevel::NotApplicable,
        "not_applicable",
        "below level 1",
    ),
];

const OSHIMA: [(&str, &str, &str); 7] = [
    ("1", "大島分類 1", "Oshima 1"),
    ("2", "大島分類 2", "Oshima 2"),
    ("3", "大島分類 3", "Oshima 3"),
    ("4", "大島分類 4", "Oshima 4"),
    ("5-25", "大島分類 5〜25", "Oshima 5–25"),
    (
        "above_80",
        "IQ 80 超（区分外）",
        "IQ above 80 (outside the table)",
    ),
    (
        "not_recorded",
        "判定できない（知能指数又は運動機能の記録なし）",
        "undetermined (no IQ/DQ or motor level)",
    ),
];

const SHORT_STAY: [(&str, &str, &str); 3] = [
    (
        "eligible",
        "医療型短期入所の対象",
        "eligible for 医療型短期入所",
    ),
    (
        "only_unconfirmed",
        "未確認の根拠のみ",
        "unconfirmed grounds only",
    ),
    ("not_eligible", "対象外", "not eligible"),
];

const NO_CODE: &str = "unknown";

/// Per-municipality counters.
#[derive(Debug, Clone, Default)]
struct Municipality {
    children: u32,
    care: Vec<u32>,
}

/// The running counts.
#[derive(Debug, Clone)]
struct Counts {
    children: u32,
    municipalities: BTreeMap<String, Municipality>,
    age: [u32; 5],
    stage: [u32; 5],
    care: Vec<u32>,
    device: Vec<u32>,
    super_severe: [u32; 4],
    care_level: [u32; 4],
    oshima: [u32; 7],
    short_stay: [u32; 3],
}

fn bump(slot: Option<&mut u32>) {
    if let Some(s) = slot {
        *s = s.saturating_add(1);
    }
}

/// 逐次集計 / The aggregation, one summary at a time: [`Aggregator::add`] each summary,
/// then [`Aggregator::finish`]. Memory grows with the number of children only.
#[derive(Debug, Clone)]
pub struct Aggregator {
    as_of: IsoDate,
    mode: Mode,
    threshold: u32,
    ids: BTreeSet<String>,
    /// (date of birth, sex) → the children counted (id, kana, municipality; no name).
    people: BTreeMap<(IsoDate, Sex), Vec<Child>>,
    counts: Counts,
    findings: Vec<Finding>,
    /// Findings not kept, per severity (error, warning, info).
    more: [u32; 3],
}

impl Aggregator {
    /// A new aggregation on `as_of`, for `mode`, suppressing under `threshold`.
    pub fn new(as_of: IsoDate, mode: Mode, threshold: u32) -> Self {
        Aggregator {
            as_of,
            mode,
            threshold,
            ids: BTreeSet::new(),
            people: BTreeMap::new(),
            counts: Counts {
                children: 0,
                municipalities: BTreeMap::new(),
                age: [0; 5],
                stage: [0; 5],
                care: vec![0; CareKind::ALL.len() + 1],
                device: vec![0; DeviceKind::ALL.len() + 1],
                super_severe: [0; 4],
                care_level: [0; 4],
                oshima: [0; 7],
                short_stay: [0; 3],
            },
            findings: Vec::new(),
            more: [0; 3],
        }
    }

    /// Keeps a finding, or only counts it once [`KEPT_FINDINGS`] are kept.
    fn push(&mut self, f: Finding) {
        if self.findings.len() < KEPT_FINDINGS {
            self.findings.push(f);
        } else if let Some(n) = self.more.get_mut(match f.severity {
            Severity::Error => 0,
            Severity::Warning => 1,
            Severity::Info => 2,
        }) {
            *n = n.saturating_add(1);
        }
    }

    /// Reads one summary from JSON (one line of NDJSON) and counts it; findings point under
    /// `at` (e.g. `/summaries/<line index>`). A line that cannot be read gets its `input.*`
    /// finding, under `at`, and is not counted. Returns whether the line was counted.
    pub fn add_json(&mut self, at: &Path, bytes: &[u8], limits: &crate::input::Limits) -> bool {
        match crate::input::read::<ChildSummary>(bytes, limits) {
            Ok(s) => {
                self.add(at, &s);
                true
            }
            Err(u) => {
                for mut f in u.findings {
                    f.path = format!("{}{}", at.as_str(), f.path);
                    self.push(f);
                }
                false
            }
        }
    }

    /// Counts one summary, found at `at` in the input (findings point under it).
    pub fn add(&mut self, at: &Path, s: &ChildSummary) {
        let child_at = at.key("child");
        match statistics_consent(s, self.as_of) {
            ConsentStatus::Withdrawn { index, .. } => {
                self.push(
                    CONSENT_WITHDRAWN.at(at.key("consents").index(index).key("withdrawn_on")),
                );
                return;
            }
            ConsentStatus::Expired { index, .. } => {
                self.push(
                    CONSENT_NOT_COVERING.at(at.key("consents").index(index).key("expires_on")),
                );
            }
            ConsentStatus::NotCovered => {
                self.push(CONSENT_NOT_COVERING.at(at.key("consents")));
            }
            ConsentStatus::NoneRecorded | ConsentStatus::Covered { .. } => {}
        }
        let birth = s.child.date_of_birth;
        if birth > self.as_of {
            self.push(BORN_AFTER_AS_OF.at(child_at.key("date_of_birth")));
            return;
        }
        let id = child_id(s);
        match id {
            Some(id) => {
                if self.ids.contains(id) {
                    self.push(DUPLICATE_CHILD.at(child_at.key("id")));
                    return;
                }
                self.ids.insert(id.to_owned());
            }
            None => {
                // The summary's own rule (what the schema rejects is an error here too).
                self.push(crate::summary::rules::CHILD_ID_INVALID.at(child_at.key("id")));
                self.push(NO_ID.at(child_at.clone()));
            }
        }
        // Possible duplicates by domain-a's `same_child`; per child only what it compares
        // is kept (no name, no blood type).
        let bucket = self.people.entry((birth, s.child.sex)).or_default();
        if bucket
            .iter()
            .any(|other| same_child(other, &s.child) == Match::Possible)
        {
            self.push(POSSIBLE_DUPLICATE.at(child_at.clone()));
        } else {
            bucket.push(Child {
                name: String::new(),
                blood_type: None,
                ..s.child.clone()
            });
        }
        // The clinical profile's errors (values out of range, …): the child is counted all
        // the same; warnings and notes are left to `summary.validate`.
        let mut clinical = Vec::new();
        crate::care::validate_clinical(
            &s.clinical,
            &at.key("clinical"),
            birth,
            self.as_of,
            &mut clinical,
        );
        for f in clinical {
            if f.severity == Severity::Error {
                self.push(f);
            }
        }
        self.count(&child_at, s, birth);
    }

    fn count(&mut self, child_at: &Path, s: &ChildSummary, birth: IsoDate) {
        // Municipality.
        let key = match municipality_code(s) {
            Some(code) if code.problem().is_none() => code.as_str().to_owned(),
            Some(code) if code.problem() == Some(CodeProblem::CheckDigit) => {
                self.push(MUNICIPALITY_CODE_INVALID.at(child_at.key("municipality_code")));
                NO_CODE.to_owned()
            }
            Some(_) => {
                // Not six digits: the summary's own rule, an error as in the schema.
                self.push(
                    crate::summary::rules::MUNICIPALITY_CODE_INVALID
                        .at(child_at.key("municipality_code")),
                );
                NO_CODE.to_owned()
            }
            None => {
                self.push(MUNICIPALITY_CODE_MISSING.at(child_at.key("municipality_code")));
                NO_CODE.to_owned()
            }
        };
        let c = &mut self.counts;
        c.children = c.children.saturating_add(1);
        let kinds = s.care_kinds();
        let m = c.municipalities.entry(key).or_insert_with(|| Municipality {
            children: 0,
            care: vec![0; CareKind::ALL.len() + 1],
        });
        m.children = m.children.saturating_add(1);
        // Age band and school stage.
        let age = age_on(birth, self.as_of).unwrap_or(0);
        bump(c.age.get_mut(usize::try_from(age / 5).unwrap_or(4).min(4)));
        let stage = match school_entry_year(birth) {
            Some(entry) => match self.as_of.fiscal_year().saturating_sub(entry) {
                ..0 => 0,
                0..=5 => 1,
                6..=8 => 2,
                9..=11 => 3,
                _ => 4,
            },
            None => 4,
        };
        bump(c.stage.get_mut(stage));
        // Care kinds (with the cross-table) and devices.
        let none_care = CareKind::ALL.len();
        let care_slots: Vec<usize> = if kinds.is_empty() {
            vec![none_care]
        } else {
            kinds
                .iter()
                .filter_map(|k| CareKind::ALL.iter().position(|a| a == k))
                .collect()
        };
        for &i in &care_slots {
            bump(c.care.get_mut(i));
            bump(m.care.get_mut(i));
        }
        let mut devices: Vec<usize> = s
            .devices
            .iter()
            .filter_map(|d| DeviceKind::ALL.iter().position(|a| *a == d.kind))
            .collect();
        devices.sort_unstable();
        devices.dedup();
        if devices.is_empty() {
            devices.push(DeviceKind::ALL.len());
        }
        for i in devices {
            bump(c.device.get_mut(i));
        }
        // Scores.
        let (scores, _) = crate::scores::compute(&s.clinical, birth, self.as_of, &Path::root());
        let ss = SUPER_SEVERE
            .iter()
            .position(|(cat, _, _)| *cat == scores.super_severe.category);
        bump(ss.and_then(|i| c.super_severe.get_mut(i)));
        let cl = CARE_LEVELS
            .iter()
            .position(|(lvl, _, _)| *lvl == scores.medical_care.level);
        bump(cl.and_then(|i| c.care_level.get_mut(i)));
        let oshima = match (
            &scores.oshima,
            s.clinical.intelligence(),
            s.clinical.motor_level,
        ) {
            (Some(o), _, _) => usize::from(o.cell.clamp(1, 5)) - 1,
            (None, Some(_), Some(_)) => 5,
            _ => 6,
        };
        bump(c.oshima.get_mut(oshima));
        let stay = if scores.short_stay.eligible {
            0
        } else if scores.short_stay.only_unconfirmed {
            1
        } else {
            2
        };
        bump(c.short_stay.get_mut(stay));
    }

    /// The tables, suppressed for publication, and every finding so far.
    pub fn finish(self) -> (Aggregate, Vec<Finding>) {
        let Aggregator {
            as_of,
            mode,
            threshold,
            counts: c,
            mut findings,
            more,
            ..
        } = self;
        for (rule, n) in [MORE_ERRORS, MORE_WARNINGS, MORE_INFOS].iter().zip(more) {
            if n > 0 {
                findings.push(rule.at(Path::root()).with("n", n));
            }
        }
        let mut b = Builder::default();
        let children = b.cell("children", "対象児数", "children", c.children);
        let mut tables = Vec::new();
        let mut equations = Vec::new();
        let mut partition = |b: &mut Builder, t: TableSpec| {
            let start = b.values.len();
            for (key, ja, en, n) in t.rows {
                b.cell(&key, &ja, &en, n);
            }
            if t.rows_add_up {
                equations.push(Equation {
                    total: children,
                    parts: (start..b.values.len()).collect(),
                });
            }
            tables.push((
                t.id,
                t.title_ja,
                t.title_en,
                t.rows_add_up,
                start..b.values.len(),
            ));
        };
        partition(
            &mut b,
            TableSpec {
                id: "municipality",
                title_ja: "市区町村別（全国地方公共団体コード）",
                title_en: "By municipality (local government code)",
                rows_add_up: true,
                rows: c
                    .municipalities
                    .iter()
                    .filter(|(k, _)| k.as_str() != NO_CODE)
                    .chain(
                        c.municipalities
                            .iter()
                            .filter(|(k, _)| k.as_str() == NO_CODE),
                    )
                    .map(|(k, m)| {
                        let (ja, en) = municipality_label(k);
                        (k.clone(), ja, en, m.children)
                    })
                    .collect(),
            },
        );
        let fixed = |rows: &[(&str, &str, &str)],
                     n: &[u32]|
         -> Vec<(String, String, String, u32)> {
            rows.iter()
                .zip(n)
                .map(|((k, ja, en), n)| ((*k).to_owned(), (*ja).to_owned(), (*en).to_owned(), *n))
                .collect()
        };
        partition(
            &mut b,
            TableSpec {
                id: "age_band",
                title_ja: "年齢階級別（基準日）",
                title_en: "By age band on as_of",
                rows_add_up: true,
                rows: fixed(&AGE_BANDS, &c.age),
            },
        );
        partition(
            &mut b,
            TableSpec {
                id: "school_stage",
                title_ja: "就学段階別（学齢による）",
                title_en: "By school stage (by age)",
                rows_add_up: true,
                rows: fixed(&STAGES, &c.stage),
            },
        );
        let care_start = b.values.len();
        let care_rows = kind_rows(
            CareKind::ALL
                .iter()
                .map(|k| (care_key(*k), k.label_ja(), k.label_en())),
            ("医療的ケアなし", "no medical care"),
            &c.care,
        );
        partition(
            &mut b,
            TableSpec {
                id: "care_kind",
                title_ja: "医療的ケアの種類別（重複あり）",
                title_en: "By kind of medical care (a child may have several)",
                rows_add_up: false,
                rows: care_rows,
            },
        );
        let device_rows = kind_rows(
            DeviceKind::ALL
                .iter()
                .map(|k| (device_key(*k), k.label_ja(), k.label_en())),
            ("機器なし", "no device"),
            &c.device,
        );
        partition(
            &mut b,
            TableSpec {
                id: "device",
                title_ja: "医療機器の種類別（重複あり）",
                title_en: "By kind of device (a child may have several)",
                rows_add_up: false,
                rows: device_rows,
            },
        );
        partition(
            &mut b,
            TableSpec {
                id: "super_severe",
                title_ja: "超重症児スコアの判定別",
                title_en: "By super-severe category",
                rows_add_up: true,
                rows: SUPER_SEVERE
                    .iter()
                    .zip(&c.super_severe)
                    .map(|((cat, k, en), n)| {
                        (
                            (*k).to_owned(),
                            cat.label_ja().to_owned(),
                            (*en).to_owned(),
                            *n,
                        )
                    })
                    .collect(),
            },
        );
        partition(
            &mut b,
            TableSpec {
                id: "medical_care_level",
                title_ja: "医療的ケア判定スコアの区分別",
                title_en: "By medical care score level",
                rows_add_up: true,
                rows: CARE_LEVELS
                    .iter()
                    .zip(&c.care_level)
                    .map(|((lvl, k, en), n)| {
                        (
                            (*k).to_owned(),
                            lvl.label_ja().to_owned(),
                            (*en).to_owned(),
                            *n,
                        )
                    })
                    .collect(),
            },
        );
        partition(
            &mut b,
            TableSpec {
                id: "oshima",
                title_ja: "大島分類別",
                title_en: "By Oshima cell",
                rows_add_up: true,
                rows: fixed(&OSHIMA, &c.oshima),
            },
        );
        partition(
            &mut b,
            TableSpec {
                id: "short_stay",
                title_ja: "医療型短期入所の利用根拠別",
                title_en: "By entitlement to 医療型短期入所",
                rows_add_up: true,
                rows: fixed(&SHORT_STAY, &c.short_stay),
            },
        );
        // The cross-table: one equation per column, whose total is the care-kind cell.
        let columns = CareKind::ALL.len() + 1;
        let cross_start = b.values.len();
        let mut cross_rows = Vec::new();
        let ordered: Vec<(&String, &Municipality)> = c
            .municipalities
            .iter()
            .filter(|(k, _)| k.as_str() != NO_CODE)
            .chain(
                c.municipalities
                    .iter()
                    .filter(|(k, _)| k.as_str() == NO_CODE),
            )
            .collect();
        for (key, m) in &ordered {
            let row_start = b.values.len();
            for col in 0..columns {
                let (ck, ja, en) = column_label(col);
                b.cell(&ck, &ja, &en, m.care.get(col).copied().unwrap_or(0));
            }
            let (ja, _) = municipality_label(key);
            cross_rows.push(((*key).clone(), ja, row_start));
        }
        for col in 0..columns {
            equations.push(Equation {
                total: care_start + col,
                parts: (0..ordered.len())
                    .map(|r| cross_start + r * columns + col)
                    .collect(),
            });
        }
        let hidden = match mode {
            Mode::Publication => suppress(&b.values, &equations, threshold),
            Mode::Internal => vec![false; b.values.len()],
        };
        let out = |i: usize| b.output(i, &hidden);
        let suppressed_cells =
            u32::try_from(hidden.iter().filter(|h| **h).count()).unwrap_or(u32::MAX);
        let aggregate = Aggregate {
            as_of,
            mode,
            threshold,
            children: out(children),
            tables: tables
                .into_iter()
                .map(|(id, title_ja, title_en, rows_add_up, range)| Table {
                    id,
                    title_ja,
                    title_en,
                    rows_add_up,
                    rows: range.map(out).collect(),
                })
                .collect(),
            municipality_by_care_kind: CrossTable {
                title_ja: "市区町村 × 医療的ケアの種類",
                title_en: "Municipality × kind of medical care",
                rows: cross_rows
                    .into_iter()
                    .map(|(key, label_ja, start)| CrossRow {
                        key,
                        label_ja,
                        cells: (start..start + columns).map(out).collect(),
                    })
                    .collect(),
                column_totals: (care_start..care_start + columns).map(out).collect(),
            },
            suppressed_cells,
        };
        (aggregate, findings)
    }
}

struct TableSpec {
    id: &'static str,
    title_ja: &'static str,
    title_en: &'static str,
    rows_add_up: bool,
    rows: Vec<(String, String, String, u32)>,
}

/// Every cell of every table, flattened, for the suppression.
#[derive(Default)]
struct Builder {
    values: Vec<u32>,
    labels: Vec<(String, String, String)>,
}

impl Builder {
    fn cell(&mut self, key: &str, ja: &str, en: &str, n: u32) -> usize {
        self.values.push(n);
        self.labels
            .push((key.to_owned(), ja.to_owned(), en.to_owned()));
        self.values.len() - 1
    }

    fn output(&self, i: usize, hidden: &[bool]) -> Cell {
        let suppressed = hidden.get(i).copied().unwrap_or(true);
        let (key, label_ja, label_en) = self.labels.get(i).cloned().unwrap_or_default();
        Cell {
            key,
            label_ja,
            label_en,
            count: if suppressed {
                None
            } else {
                self.values.get(i).copied()
            },
            suppressed,
        }
    }
}

fn municipality_label(key: &str) -> (String, String) {
    if key == NO_CODE {
        ("コード未記入".to_owned(), "no code".to_owned())
    } else {
        (key.to_owned(), key.to_owned())
    }
}

fn care_key(k: CareKind) -> String {
    serde_json::to_value(k)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

fn device_key(k: DeviceKind) -> String {
    serde_json::to_value(k)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

fn column_label(col: usize) -> (String, String, String) {
    match CareKind::ALL.get(col) {
        Some(k) => (
            care_key(*k),
            k.label_ja().to_owned(),
            k.label_en().to_owned(),
        ),
        None => (
            "none".to_owned(),
            "医療的ケアなし".to_owned(),
            "no medical care".to_owned(),
        ),
    }
}

/// Runs `summaries.aggregate` on a whole request.
pub fn aggregate(req: &AggregateRequest) -> Computed<Aggregate> {
    let mut findings = Vec::new();
    if req.mode == Mode::Publication && req.threshold < DEFAULT_THRESHOLD {
        findings.push(
            THRESHOLD_LOW
                .at(Path::root().key("threshold"))
                .with("threshold", req.threshold),
        );
    }
    let mut agg = Aggregator::new(req.as_of, req.mode, req.threshold);
    let base = Path::root().key("summaries");
    for (i, s) in req.summaries.iter().enumerate() {
        agg.add(&base.index(i), s);
    }
    let (result, more) = agg.finish();
    findings.extend(more);
    Computed::new(findings, Some(result))
}

pub(crate) fn operation(req: AggregateRequest) -> Computed<Aggregate> {
    aggregate(&req)
}

/// Rows of a table by kind: each kind (key, labels) and a last "none" row, zipped with
/// their counts in that order.
fn kind_rows(
    kinds: impl Iterator<Item = (String, &'static str, &'static str)>,
    none: (&'static str, &'static str),
    counts: &[u32],
) -> Vec<(String, String, String, u32)> {
    kinds
        .chain(std::iter::once(("none".to_owned(), none.0, none.1)))
        .zip(counts)
        .map(|((k, ja, en), n)| (k, ja.to_owned(), en.to_owned(), *n))
        .collect()
}
