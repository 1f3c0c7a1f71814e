//! 取組内容 / Initiative plans ([S-001], [S-003], `docs/sources.md`).
//!
//! A [`Plan`] belongs to one region and (usually) one fiscal year. It declares its issue
//! groups (課題) and organisations once, and lists numbered [`Item`]s (取組) that refer to
//! them by number and id. The model holds both shapes seen in the program's documents
//! (`docs/sources.md`):
//!
//! - the Odawara plan ([S-001]): items numbered 1…n across the plan, each with an issue
//!   group,
//!   a regional category, content lines, proposing / lead / cooperating organisations and
//!   a quarter-by-quarter schedule;
//! - the Kanagawa task table ([S-003]): items numbered ①②… afresh under each task
//!   ([`Numbering::PerTask`]), each run by the prefecture or consigned to an organisation
//!   ([`Implementer`]), some in the model area, some listed again under a second task
//!   (再掲, [`Item::repeats`]).
//!
//! | module | what |
//! |---|---|
//! | [`rules`] | every plan rule (`plan.*` codes) and [`validate`] |
//! | [`mod@coverage`] | `plan.coverage`: items per task, per quarter, lead load |
//! | [`mod@progress`] | `plan.progress`: status against the schedule on a date, kept with the plan; `plan.progress_upgrade` |
//! | [`mod@chart`] | `plan.chart`: the schedule chart (スケジュールイメージ) as SVG |

pub mod chart;
pub mod coverage;
pub mod progress;
pub mod rules;

use crate::calendar::Quarter;
use crate::finding::{Finding, Path};
use crate::operation::{Computed, Operation};
use crate::tasks::TaskNo;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

pub use chart::{Chart, ChartRequest, chart};
pub use coverage::{Coverage, coverage};
pub use progress::{PlanProgress, Progress, ProgressRequest, progress};
pub use rules::{RULES, validate};

/// 取組計画 / An initiative plan of one region.
#[derive(
    Debug, Clone, PartialEq, Eq, Serialize, Deserialize, crate::input::Recover, crate::emit::Emit,
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Plan {
    /// JSON Schema の URL（任意） / URL of this document's JSON Schema (optional).
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    /// 文書の形式の版（省略時は 1） / Document format version (absent means 1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<crate::version::FormatVersion>,
    /// 表題 / Title of the plan as written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// 地域 / Region (e.g. 小田原地域, 神奈川県).
    pub region: String,
    /// 年度 / Fiscal year, named by the calendar year it starts in (2017 for 平成29年度);
    /// absent when the source does not say.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fiscal_year: Option<i32>,
    /// 年度の表記 / The fiscal year as written (e.g. 平成29年度); checked against `fiscal_year`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fiscal_year_label: Option<String>,
    /// 状態 / Draft or adopted; absent when the source does not say.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<PlanStatus>,
    /// 番号の付け方 / How items are numbered: across the plan (default) or afresh per task.
    #[serde(default, skip_serializing_if = "Numbering::is_plan")]
    pub numbering: Numbering,
    /// 課題 / Issue groups, numbered.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub issue_groups: Vec<IssueGroup>,
    /// 関係機関 / Organisations, each declared once and referred to by id.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub organisations: Vec<Organisation>,
    /// 取組 / The plan's items.
    pub items: Vec<Item>,
    /// これまでの主な取組み / Past initiatives listed beside the plan (Kanagawa table).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub past_initiatives: Vec<PastInitiative>,
    /// 注記 / Notes on the document (e.g. how it was transcribed).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
    /// 進捗（任意） / Progress kept with the plan: statuses per item and quarter on a date,
    /// evaluation indicators and evidence (read by `plan.progress`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub progress: Option<progress::PlanProgress>,
}

/// 計画の状態 / Status of a plan.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
    crate::input::Recover,
    crate::emit::Emit,
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum PlanStatus {
    /// 案 / Draft.
    Draft,
    /// 決定 / Adopted.
    Adopted,
}

impl PlanStatus {
    /// 日本語ラベル / Japanese label.
    pub const fn label_ja(self) -> &'static str {
        match self {
            PlanStatus::Draft => "案",
            PlanStatus::Adopted => "決定",
        }
    }
}

/// 番号の付け方 / How items are numbered.
#[derive(
    Debug,
    Clone,
    Copy,
    Default,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
    crate::input::Recover,
    crate::emit::Emit,
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Numbering {
    /// 通し番号 / One sequence 1…n across the plan (Odawara).
    #[default]
    Plan,
    /// タスクごとの番号 / A sequence ①②… under each task, the item's first task (Kanagawa).
    PerTask,
}

impl Numbering {
    /// 日本語ラベル / Japanese label.
    pub const fn label_ja(self) -> &'static str {
        match self {
            Numbering::Plan => "通し番号",
            Numbering::PerTask => "タスクごとの番号",
        }
    }
    fn is_plan(&self) -> bool {
        *self == Numbering::Plan
    }
}

/// 課題 / A numbered issue group, e.g. (1)関係機関とのネットワーク構築.
#[derive(
    Debug, Clone, PartialEq, Eq, Serialize, Deserialize, crate::input::Recover, crate::emit::Emit,
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct IssueGroup {
    /// 番号 / Number, referred to by items.
    pub no: u32,
    /// 課題名 / Title.
    pub title: String,
}

/// 関係機関 / An organisation taking part in the plan.
#[derive(
    Debug, Clone, PartialEq, Eq, Serialize, Deserialize, crate::input::Recover, crate::emit::Emit,
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Organisation {
    /// 識別子 / Id, unique in the plan, referred to by items (e.g. `odawara-ishikai`).
    pub id: String,
    /// 名称 / Name as written.
    pub name: String,
    /// 会議委員所属団体（既定） / True if the organisation is written as belonging to a
    /// council member where an item's mention does not say otherwise. Membership is
    /// marked per mention in the Odawara plan (「※（）で記載したものは会議委員所属団体以外の
    /// 所属」: one organisation can be in parentheses in one item and not in another), so an
    /// item can record how each mention is written ([`Item::membership`]); this is the
    /// default for mentions it does not list.
    pub member: bool,
    /// 分野 / Sector.
    pub sector: Sector,
    /// 総称 / True for a collective description (関係機関等, 医療機関) rather than one body.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub collective: bool,
    /// 注記 / Notes (e.g. where the source is inconsistent about membership).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
}

/// 分野 / The sector of an organisation.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
    crate::input::Recover,
    crate::emit::Emit,
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Sector {
    /// 行政（保健を含む） / Administration, including public health offices.
    Administration,
    /// 医療（病院・診療所・医師会・訪問看護） / Medical: hospitals, clinics, medical associations, visiting nursing.
    Medical,
    /// 福祉 / Welfare: disability services, counselling offices.
    Welfare,
    /// 教育 / Education: schools, nursing schools.
    Education,
    /// 家族会・当事者団体 / Family and patient groups.
    Family,
    /// 議会 / Legislature.
    Legislature,
    /// 複数分野 / Several sectors (a collective such as 保健・医療・福祉関係機関).
    Mixed,
    /// その他 / Other.
    Other,
}

impl Sector {
    /// 日本語ラベル / Japanese label.
    pub const fn label_ja(self) -> &'static str {
        match self {
            Sector::Administration => "行政",
            Sector::Medical => "医療",
            Sector::Welfare => "福祉",
            Sector::Education => "教育",
            Sector::Family => "家族会・当事者団体",
            Sector::Legislature => "議会",
            Sector::Mixed => "複数分野",
            Sector::Other => "その他",
        }
    }
}

/// 取組 / One item (initiative) of a plan.
#[derive(
    Debug, Clone, PartialEq, Eq, Serialize, Deserialize, crate::input::Recover, crate::emit::Emit,
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Item {
    /// 番号 / Number: unique in the plan, or under the item's first task with
    /// `numbering: per_task`.
    pub no: u32,
    /// 番号の表記 / The number as written (e.g. ①).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// タスク / The tasks (1–6) the item serves; the first is its home task.
    pub tasks: Vec<TaskNo>,
    /// 課題 / Number of the issue group.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issue_group: Option<u32>,
    /// 課題区分 / Regional category (free label, e.g. ネットワーク, 療育).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<String>,
    /// 項目 / Title.
    pub title: String,
    /// 内容 / Content lines.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub content: Vec<String>,
    /// 提案機関 / Proposing organisations (ids).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub proposing: Vec<String>,
    /// 主たる機関 / Lead organisations (ids).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub lead: Vec<String>,
    /// 協力を得たい関係機関 / Cooperating organisations (ids).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cooperating: Vec<String>,
    /// この取組での会議委員所属の記載 / How mentions of organisations in this item are
    /// written (as a council member or not), where they differ from the organisation's
    /// default `member`; each entry names one mention (organisation and list).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub membership: Vec<Membership>,
    /// スケジュール / Phases per quarter.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub schedule: Vec<ScheduleEntry>,
    /// 実施主体 / Who runs the item: the prefecture, or consigned to an organisation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub implementer: Option<Implementer>,
    /// モデル地域で実施 / True if (part of) the item runs in the model area.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub model_area: bool,
    /// 再掲 / The item this one lists again under another task.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub repeats: Option<ItemRef>,
    /// 備考 / Remarks as written in the source.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub remarks: Option<String>,
    /// 注記 / Notes by whoever transcribed the item (ambiguities, assumptions).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
}

/// 会議委員所属の記載（一つの記載） / How one mention of an organisation in an item is
/// written: as belonging to a council member, or not (in parentheses in the Odawara plan).
#[derive(
    Debug, Clone, PartialEq, Eq, Serialize, Deserialize, crate::input::Recover, crate::emit::Emit,
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Membership {
    /// 機関 / The organisation's id; it must be in the item's list named by `list`.
    pub organisation: String,
    /// 欄 / The list of the item the mention is in.
    pub list: OrganisationList,
    /// 会議委員所属団体 / True if this mention is written as a council member.
    pub member: bool,
    /// 注記 / Notes (e.g. another reading of the source).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
}

crate::labels::labelled_enum! {
    /// 機関の欄 / One of an item's lists of organisations.
    OrganisationList {
        /// 提案機関 / Proposing organisations.
        Proposing => "提案機関", "proposing";
        /// 主たる機関 / Lead organisations.
        Lead => "主たる機関", "lead";
        /// 協力を得たい関係機関 / Cooperating organisations.
        Cooperating => "協力を得たい関係機関", "cooperating";
    }
}

impl Item {
    /// The organisation ids of one list.
    pub fn list(&self, list: OrganisationList) -> &[String] {
        match list {
            OrganisationList::Proposing => &self.proposing,
            OrganisationList::Lead => &self.lead,
            OrganisationList::Cooperating => &self.cooperating,
        }
    }
    /// Whether the mention of `organisation` in `list` is written as a council member:
    /// the item's own [`Membership`] entry if there is one, otherwise `default` (the
    /// organisation's `member`).
    pub fn member_in(&self, list: OrganisationList, organisation: &str, default: bool) -> bool {
        self.membership
            .iter()
            .find(|m| m.list == list && m.organisation == organisation)
            .map_or(default, |m| m.member)
    }
}

/// これまでの主な取組み / A past initiative listed beside the plan.
#[derive(
    Debug, Clone, PartialEq, Eq, Serialize, Deserialize, crate::input::Recover, crate::emit::Emit,
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct PastInitiative {
    /// 内容 / Text as written.
    pub text: String,
    /// タスク / The task row it stands in, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub task: Option<TaskNo>,
    /// 欄 / Whose initiative it was, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by: Option<PastBy>,
}

/// これまでの主な取組みの欄 / Whose past initiative.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
    crate::input::Recover,
    crate::emit::Emit,
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum PastBy {
    /// 県主体 / Led by the prefecture.
    Prefecture,
    /// 受託機関（こども医療センター等） / The consignee (e.g. the children's medical centre).
    Consignee,
    /// 県以外の行政・家族会・関係機関等との連携 / With other administrations, family groups and agencies.
    Others,
}

impl PastBy {
    /// 日本語ラベル / Japanese label.
    pub const fn label_ja(self) -> &'static str {
        match self {
            PastBy::Prefecture => "県主体",
            PastBy::Consignee => "受託機関",
            PastBy::Others => "県以外の行政・家族会・関係機関等の連携",
        }
    }
}

/// 取組の参照 / A reference to an item: its number, and with `numbering: per_task` the
/// task it is numbered under. With plan-wide numbering a task may be given too; it must
/// then be one of the item's tasks.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
    crate::input::Recover,
    crate::emit::Emit,
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ItemRef {
    /// タスク / The task the item is numbered under (required with `numbering: per_task`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub task: Option<TaskNo>,
    /// 番号 / The item's number.
    pub no: u32,
}

impl ItemRef {
    /// `f` with this reference as arguments: `no`, and `task` when given (templates write
    /// it as `[タスク{task}の ]取組番号 {no}`).
    pub(crate) fn args_of(self, f: crate::finding::Finding) -> crate::finding::Finding {
        let f = f.with("no", self.no);
        match self.task {
            Some(t) => f.with("task", t.0),
            None => f,
        }
    }
}

/// 実施主体 / Who runs an item.
#[derive(
    Debug, Clone, PartialEq, Eq, Serialize, Deserialize, crate::input::Recover, crate::emit::Emit,
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Implementer {
    /// 区分 / Run by the prefecture, or consigned.
    pub by: ImplementerKind,
    /// 委託先 / The organisation it is consigned to (id); only with `by: consigned`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organisation: Option<String>,
}

/// 実施主体の区分 / Kind of implementer.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
    crate::input::Recover,
    crate::emit::Emit,
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ImplementerKind {
    /// 県が実施 / Run by the prefecture.
    Prefecture,
    /// 委託 / Consigned to an organisation.
    Consigned,
}

impl ImplementerKind {
    /// 日本語ラベル / Japanese label.
    pub const fn label_ja(self) -> &'static str {
        match self {
            ImplementerKind::Prefecture => "県が実施",
            ImplementerKind::Consigned => "委託",
        }
    }
}

/// 四半期の予定 / The phases of an item in one quarter.
#[derive(
    Debug, Clone, PartialEq, Eq, Serialize, Deserialize, crate::input::Recover, crate::emit::Emit,
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ScheduleEntry {
    /// 四半期 / Quarter of the fiscal year.
    pub quarter: Quarter,
    /// 段階 / Phases in this quarter.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub phases: Vec<Phase>,
    /// 補足 / A free note (e.g. ９月頃, or the reason for going back to design).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// 段階 / A phase of work in a quarter. Written as a string (`"method_study"`) or, for
/// other phases, as `{"other": "…"}`.
#[derive(
    Debug,
    Clone,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
    crate::input::Recover,
    crate::emit::Emit,
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Phase {
    /// 方法検討 / Working out the method.
    MethodStudy,
    /// 調査内容検討 / Designing a survey.
    SurveyDesign,
    /// 講習会企画 / Planning a course.
    CoursePlanning,
    /// 研修企画 / Planning training.
    TrainingPlanning,
    /// 順次実施 / Rolling implementation.
    Rollout,
    /// 会議開催 / A meeting is held.
    Meeting,
    /// 進捗報告 / Progress report to the council.
    ProgressReport,
    /// その他 / Another phase, with its wording.
    Other(String),
}

impl Phase {
    /// The kind of this phase (without the free text of `other`).
    pub fn kind(&self) -> PhaseKind {
        match self {
            Phase::MethodStudy => PhaseKind::MethodStudy,
            Phase::SurveyDesign => PhaseKind::SurveyDesign,
            Phase::CoursePlanning => PhaseKind::CoursePlanning,
            Phase::TrainingPlanning => PhaseKind::TrainingPlanning,
            Phase::Rollout => PhaseKind::Rollout,
            Phase::Meeting => PhaseKind::Meeting,
            Phase::ProgressReport => PhaseKind::ProgressReport,
            Phase::Other(_) => PhaseKind::Other,
        }
    }
    /// 日本語ラベル / Japanese label (`その他` for other phases: their text is not echoed).
    pub fn label_ja(&self) -> &'static str {
        self.kind().label_ja()
    }
}

/// 段階の種類 / The kind of a phase (used in results).
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
    crate::input::Recover,
    crate::emit::Emit,
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum PhaseKind {
    /// 方法検討 / Working out the method.
    MethodStudy,
    /// 調査内容検討 / Designing a survey.
    SurveyDesign,
    /// 講習会企画 / Planning a course.
    CoursePlanning,
    /// 研修企画 / Planning training.
    TrainingPlanning,
    /// 順次実施 / Rolling implementation.
    Rollout,
    /// 会議開催 / A meeting is held.
    Meeting,
    /// 進捗報告 / Progress report to the council.
    ProgressReport,
    /// その他 / Another phase.
    Other,
}

impl PhaseKind {
    /// Every kind, in order.
    pub const ALL: [PhaseKind; 8] = [
        PhaseKind::MethodStudy,
        PhaseKind::SurveyDesign,
        PhaseKind::CoursePlanning,
        PhaseKind::TrainingPlanning,
        PhaseKind::Rollout,
        PhaseKind::Meeting,
        PhaseKind::ProgressReport,
        PhaseKind::Other,
    ];
    /// 日本語ラベル / Japanese label.
    pub const fn label_ja(self) -> &'static str {
        match self {
            PhaseKind::MethodStudy => "方法検討",
            PhaseKind::SurveyDesign => "調査内容検討",
            PhaseKind::CoursePlanning => "講習会企画",
            PhaseKind::TrainingPlanning => "研修企画",
            PhaseKind::Rollout => "順次実施",
            PhaseKind::Meeting => "会議開催",
            PhaseKind::ProgressReport => "進捗報告",
            PhaseKind::Other => "その他",
        }
    }
    /// English label.
    pub const fn label_en(self) -> &'static str {
        match self {
            PhaseKind::MethodStudy => "method study",
            PhaseKind::SurveyDesign => "survey design",
            PhaseKind::CoursePlanning => "course planning",
            PhaseKind::TrainingPlanning => "training planning",
            PhaseKind::Rollout => "rolling implementation",
            PhaseKind::Meeting => "meeting",
            PhaseKind::ProgressReport => "progress report",
            PhaseKind::Other => "other",
        }
    }
    /// True for design phases (方法検討, 調査内容検討, 講習会企画, 研修企画).
    pub const fn is_design(self) -> bool {
        matches!(
            self,
            PhaseKind::MethodStudy
                | PhaseKind::SurveyDesign
                | PhaseKind::CoursePlanning
                | PhaseKind::TrainingPlanning
        )
    }
    /// True for implementation (順次実施).
    pub const fn is_implementation(self) -> bool {
        matches!(self, PhaseKind::Rollout)
    }
}

impl Plan {
    /// The organisation with this id.
    pub fn organisation(&self, id: &str) -> Option<&Organisation> {
        self.organisations.iter().find(|o| o.id == id)
    }

    /// The key an item is known by: its number, and its home task with per-task numbering.
    pub fn key_of(&self, item: &Item) -> ItemRef {
        match self.numbering {
            Numbering::Plan => ItemRef {
                task: None,
                no: item.no,
            },
            Numbering::PerTask => ItemRef {
                task: item.tasks.first().copied(),
                no: item.no,
            },
        }
    }

    /// The index of the item a reference points to (the first match).
    pub fn resolve(&self, r: &ItemRef) -> Option<usize> {
        match self.numbering {
            Numbering::Plan => self
                .items
                .iter()
                .position(|i| i.no == r.no && r.task.is_none_or(|t| i.tasks.contains(&t))),
            Numbering::PerTask => {
                let task = r.task?;
                self.items
                    .iter()
                    .position(|i| i.no == r.no && i.tasks.first() == Some(&task))
            }
        }
    }

    /// The index of the initiative an item stands for: itself, or the target of its 再掲
    /// link when that resolves to an item that is not itself a 再掲.
    pub fn initiative_of(&self, index: usize) -> usize {
        let Some(item) = self.items.get(index) else {
            return index;
        };
        match item.repeats.as_ref().and_then(|r| self.resolve(r)) {
            Some(t) if t != index && self.items.get(t).is_some_and(|ti| ti.repeats.is_none()) => t,
            _ => index,
        }
    }
}

/// Lookup tables over one plan, so that checks and counts stay O(n log n) on large input.
#[derive(Debug)]
pub struct PlanIndex<'a> {
    plan: &'a Plan,
    organisations: BTreeMap<&'a str, usize>,
    by_no: BTreeMap<u32, usize>,
    by_no_task: BTreeMap<(u32, u8), usize>,
    initiatives: Vec<usize>,
}

impl<'a> PlanIndex<'a> {
    /// Builds the index (first occurrence wins, as in [`Plan::resolve`]).
    pub fn new(plan: &'a Plan) -> Self {
        let mut organisations = BTreeMap::new();
        for (k, o) in plan.organisations.iter().enumerate() {
            organisations.entry(o.id.as_str()).or_insert(k);
        }
        let mut by_no = BTreeMap::new();
        let mut by_no_task = BTreeMap::new();
        for (i, item) in plan.items.iter().enumerate() {
            by_no.entry(item.no).or_insert(i);
            match plan.numbering {
                Numbering::Plan => {
                    for t in &item.tasks {
                        by_no_task.entry((item.no, t.0)).or_insert(i);
                    }
                }
                Numbering::PerTask => {
                    if let Some(t) = item.tasks.first() {
                        by_no_task.entry((item.no, t.0)).or_insert(i);
                    }
                }
            }
        }
        let mut index = PlanIndex {
            plan,
            organisations,
            by_no,
            by_no_task,
            initiatives: Vec::new(),
        };
        index.initiatives = (0..plan.items.len())
            .map(|i| index.compute_initiative(i))
            .collect();
        index
    }

    /// The organisation with this id.
    pub fn organisation(&self, id: &str) -> Option<&'a Organisation> {
        self.organisations
            .get(id)
            .and_then(|&k| self.plan.organisations.get(k))
    }

    /// Same answer as [`Plan::resolve`], in O(log n).
    pub fn resolve(&self, r: &ItemRef) -> Option<usize> {
        match (self.plan.numbering, r.task) {
            (Numbering::Plan, None) => self.by_no.get(&r.no).copied(),
            (_, Some(t)) => self.by_no_task.get(&(r.no, t.0)).copied(),
            (Numbering::PerTask, None) => None,
        }
    }

    fn compute_initiative(&self, index: usize) -> usize {
        let Some(item) = self.plan.items.get(index) else {
            return index;
        };
        match item.repeats.as_ref().and_then(|r| self.resolve(r)) {
            Some(t)
                if t != index
                    && self
                        .plan
                        .items
                        .get(t)
                        .is_some_and(|ti| ti.repeats.is_none()) =>
            {
                t
            }
            _ => index,
        }
    }

    /// Same answer as [`Plan::initiative_of`], precomputed.
    pub fn initiative_of(&self, index: usize) -> usize {
        self.initiatives.get(index).copied().unwrap_or(index)
    }
}

/// 計画の概要 / Result of `plan.validate`: the plan's size.
#[derive(
    Debug, Clone, PartialEq, Eq, Serialize, Deserialize, crate::input::Recover, crate::emit::Emit,
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct PlanSummary {
    /// 取組数 / Number of items (再掲 included).
    pub items: u32,
    /// 再掲数 / Number of items that list another again (再掲).
    pub repeats: u32,
    /// 関係機関数 / Number of organisations.
    pub organisations: u32,
    /// 会議委員所属の機関数 / Number of organisations that belong to a council member.
    pub members: u32,
    /// 課題数 / Number of issue groups.
    pub issue_groups: u32,
    /// 取組のあるタスク / Task numbers (1–6) that at least one item serves.
    pub tasks_covered: Vec<u8>,
}

pub(crate) fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

fn validate_operation(plan: Plan) -> Computed<PlanSummary> {
    // The findings are the plan's checks (`crate::checks`), run once by `execute`.
    let findings: Vec<Finding> = Vec::new();
    let mut tasks: Vec<u8> = plan
        .items
        .iter()
        .flat_map(|i| i.tasks.iter().map(|t| t.0))
        .filter(|t| (1..=6).contains(t))
        .collect();
    tasks.sort_unstable();
    tasks.dedup();
    let summary = PlanSummary {
        items: count(plan.items.len()),
        repeats: count(plan.items.iter().filter(|i| i.repeats.is_some()).count()),
        organisations: count(plan.organisations.len()),
        members: count(plan.organisations.iter().filter(|o| o.member).count()),
        issue_groups: count(plan.issue_groups.len()),
        tasks_covered: tasks,
    };
    Computed::new(findings, Some(summary))
}

fn coverage_operation(plan: Plan) -> Computed<Coverage> {
    // The plan's checks come with the report (run once by `execute`).
    Computed::new(Vec::new(), Some(coverage(&plan)))
}

fn progress_operation(plan: Plan) -> Computed<Progress> {
    // The plan's checks come with the report (run once by `execute`).
    progress::progress_of_checked(&plan, &Path::root())
}

fn chart_operation(request: ChartRequest) -> Computed<Chart> {
    chart(&request)
}

/// Operations of this module.
pub static OPS: &[Operation] = &[
    crate::operation!(
        "plan.validate",
        "取組計画を検査し、すべての指摘と概要を返す",
        "Check an initiative plan and return every finding and its size",
        Plan => PlanSummary,
        validate_operation
    ),
    crate::operation!(
        "plan.coverage",
        "取組計画のタスク別・四半期別の取組数と主たる機関の負担を集計する",
        "Count a plan's items per task and per quarter, and each lead organisation's load",
        Plan => Coverage,
        coverage_operation
    ),
    crate::operation!(
        "plan.progress",
        "計画とともに記録した進捗から、完了・遅延・未着手の件数、タスク×四半期の表、遅れている取組（項目・主たる機関・理由）、指標の達成状況をまとめる",
        "From the progress kept with the plan: done / delayed / not started totals, the task × quarter grid, late items (title, lead, reason) and indicators",
        Plan => Progress,
        progress_operation
    ),
    crate::operation!(
        "plan.progress_upgrade",
        "旧形式の進捗の照会（計画と状況の組）を、進捗を持つ計画に書き換える",
        "Turn an older progress request (plan plus statuses) into a plan carrying its progress",
        ProgressRequest => Plan,
        progress::upgrade
    ),
    crate::operation!(
        "plan.chart",
        "取組計画のスケジュール図（SVG）を作る：取組ごとの段階の帯、進捗の色と模様、タスク×四半期の表",
        "Draw a plan's schedule chart (SVG): phase bars per item, progress by colour and pattern, a task × quarter table",
        ChartRequest => Chart,
        chart_operation
    ),
];
