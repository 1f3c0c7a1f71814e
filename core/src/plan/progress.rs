//! `plan.progress`: a plan's status against its schedule on a given date, as a council
//! reads it.
//!
//! The statuses live **with the plan**: the plan document's optional `progress` part holds
//! the date they were taken on (`as_of`), the status of each item in each quarter (done /
//! delayed / not started, with a reason and a note), the evaluation indicators of each
//! item (指標: what is measured, target, actual) and the evidence each status rests on
//! (documents, reports, events, meeting minutes: `evidence` is the list every source of
//! evidence goes into). The operation takes the plan itself, so nothing is copied into a
//! request. `meetings.progress` ([`crate::meeting::views`]) takes the plan with the
//! minutes of its council meetings beside it, adds their evidence to the progress part
//! (a 会議開催 item-quarter held at a meeting counts as done unless a status says
//! otherwise) and runs the same computation. The older request shape (`{as_of, plan,
//! statuses}`, [`ProgressRequest`]) is read only by `plan.progress_upgrade`, which returns
//! the plan with its `progress` part.
//!
//! Every scheduled item-quarter counts once; one with no reported status counts as
//! `unreported`. An item-quarter is **late** when its quarter ended before `as_of` and it is
//! not done. Late items come with their title, lead organisations (by name), reason and
//! note; the task × quarter grid gives the totals of each task in each quarter.
//!
//! | code | severity | when |
//! |---|---|---|
//! | `plan.progress.none` | info | the plan has no `progress` part: nothing to report |
//! | `plan.progress.indicator_unknown_item` | error | an indicator for an item the plan does not have |
//! | `plan.progress.indicator_over_target` | info | an indicator whose actual exceeds its target |
//! | `plan.progress.evidence_unknown_item` | error | evidence for an item the plan does not have |
//! | `plan.progress.upgrade_replaces_progress` | warning | `plan.progress_upgrade` on a plan that already had a progress part |
//!
//! and, from the plan rules, `plan.progress.no_fiscal_year`, `plan.progress.unknown_item`,
//! `plan.progress.unscheduled_quarter`, `plan.progress.duplicate_status`,
//! `plan.progress.as_of_outside_year`.

use super::rules::{
    AS_OF_OUTSIDE_YEAR, DUPLICATE_STATUS, NO_FISCAL_YEAR, UNKNOWN_ITEM, UNSCHEDULED_QUARTER,
    validate_at,
};
use super::{ItemRef, Plan, PlanIndex};
use crate::calendar::{IsoDate, Quarter};
use crate::finding::{Finding, Path, Rule};
use crate::labels::labelled_enum;
use crate::operation::Computed;
use crate::rule;
use serde::{Deserialize, Serialize};

rule!(
    NONE,
    "plan.progress.none",
    Info,
    "計画に進捗（progress）の記録がありません",
    "The plan has no progress part"
);
rule!(
    INDICATOR_UNKNOWN_ITEM,
    "plan.progress.indicator_unknown_item",
    Error,
    "計画にない取組の指標です（取組 {no}）",
    "Indicator for an item the plan does not have (item {no})"
);
rule!(
    INDICATOR_OVER_TARGET,
    "plan.progress.indicator_over_target",
    Info,
    "実績が目標を上回っています（目標 {target}、実績 {actual}）",
    "The actual exceeds the target (target {target}, actual {actual})"
);
rule!(
    EVIDENCE_UNKNOWN_ITEM,
    "plan.progress.evidence_unknown_item",
    Error,
    "計画にない取組の根拠資料です（取組 {no}）",
    "Evidence for an item the plan does not have (item {no})"
);

/// The rules of the progress part (the older `plan.progress.*` rules are in the plan rules).
pub const RULES: &[&Rule] = &[
    &NONE,
    &INDICATOR_UNKNOWN_ITEM,
    &INDICATOR_OVER_TARGET,
    &EVIDENCE_UNKNOWN_ITEM,
    &ALREADY_HAS_PROGRESS,
];

/// 進捗 / The progress part of a plan: statuses, indicators and evidence on one date.
#[derive(
    Debug, Clone, PartialEq, Eq, Serialize, Deserialize, crate::input::Recover, crate::emit::Emit,
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct PlanProgress {
    /// 基準日 / The date progress is judged on.
    pub as_of: IsoDate,
    /// 取組ごと・四半期ごとの状況 / Status per item and quarter.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub statuses: Vec<ItemStatus>,
    /// 評価指標 / Evaluation indicators (指標) per item.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub indicators: Vec<Indicator>,
    /// 根拠 / Evidence the statuses rest on (documents, reports, events, …).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<Evidence>,
    /// 注記 / Notes on the progress record.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
}

/// 進捗の照会（旧形式） / The older input of `plan.progress`: the whole plan copied beside
/// the statuses. Read by `plan.progress_upgrade`.
#[derive(
    Debug, Clone, PartialEq, Eq, Serialize, Deserialize, crate::input::Recover, crate::emit::Emit,
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ProgressRequest {
    /// JSON Schema の URL（任意） / URL of this document's JSON Schema (optional).
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    /// 文書の形式の版（省略時は 1） / Document format version (absent means 1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<crate::version::FormatVersion>,
    /// 基準日 / The date progress is judged on.
    pub as_of: IsoDate,
    /// 取組計画 / The plan.
    pub plan: Plan,
    /// 取組ごと・四半期ごとの状況 / Status per item and quarter.
    #[serde(default)]
    pub statuses: Vec<ItemStatus>,
    /// 注記 / Notes on the document.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
}

/// 取組の四半期の状況 / The status of one item in one quarter.
#[derive(
    Debug, Clone, PartialEq, Eq, Serialize, Deserialize, crate::input::Recover, crate::emit::Emit,
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ItemStatus {
    /// 取組 / The item.
    pub item: ItemRef,
    /// 四半期 / The quarter.
    pub quarter: Quarter,
    /// 状況 / Status.
    pub status: Status,
    /// 遅れの理由 / Why it is late (for a delayed or not-started status).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<DelayReason>,
    /// 補足 / A free note.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

labelled_enum! {
    /// 遅れの理由 / Why an item is late.
    DelayReason {
        /// 日程調整中 / Dates still being arranged.
        Scheduling => "日程調整中", "dates being arranged";
        /// 関係機関との調整中 / Waiting on other organisations.
        Coordination => "関係機関との調整中", "waiting on other organisations";
        /// 人員不足 / Not enough staff.
        Staffing => "人員不足", "not enough staff";
        /// 予算 / Budget.
        Budget => "予算", "budget";
        /// 方針の見直し / The approach is being reconsidered.
        Review => "方針の見直し", "approach being reconsidered";
        /// 前段階の遅れ / An earlier step is late.
        Dependency => "前段階の遅れ", "an earlier step is late";
        /// その他 / Other.
        Other => "その他", "other";
    }
}

/// 評価指標 / An evaluation indicator of an item: what is measured, the target, the actual.
#[derive(
    Debug, Clone, PartialEq, Eq, Serialize, Deserialize, crate::input::Recover, crate::emit::Emit,
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Indicator {
    /// 取組 / The item.
    pub item: ItemRef,
    /// 指標（何を測るか） / What is measured (e.g. 研修の参加者数).
    pub measure: String,
    /// 単位 / Unit (e.g. 人, 回, か所).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// 目標値 / Target.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<u32>,
    /// 実績値 / Actual so far.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub actual: Option<u32>,
}

labelled_enum! {
    /// 根拠の種類 / Kind of evidence.
    EvidenceKind {
        /// 資料 / A document.
        Document => "資料", "document";
        /// 報告書 / A report.
        Report => "報告書", "report";
        /// 研修・行事の記録 / The record of a training or an event.
        Event => "研修・行事の記録", "training or event record";
        /// 会議録（協議会などの会議の記録。`meetings.progress` が会議の記録から加える） /
        /// Minutes of a council meeting (`meetings.progress` adds them from meeting records).
        Meeting => "会議録", "meeting minutes";
        /// その他 / Other.
        Other => "その他", "other";
    }
}

/// 根拠 / One piece of evidence for an item's progress.
#[derive(
    Debug, Clone, PartialEq, Eq, Serialize, Deserialize, crate::input::Recover, crate::emit::Emit,
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Evidence {
    /// 種類 / Kind.
    pub kind: EvidenceKind,
    /// 取組 / The item it is evidence for.
    pub item: ItemRef,
    /// 四半期 / The quarter it is evidence for, if one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quarter: Option<Quarter>,
    /// 日付 / Date of the document or event.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<IsoDate>,
    /// 表題 / Title of the document or event.
    pub title: String,
}

/// 状況 / Progress status.
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
pub enum Status {
    /// 完了 / Done.
    Done,
    /// 遅延 / Delayed.
    Delayed,
    /// 未着手 / Not started.
    NotStarted,
}

impl Status {
    /// 日本語ラベル / Japanese label.
    pub const fn label_ja(self) -> &'static str {
        match self {
            Status::Done => "完了",
            Status::Delayed => "遅延",
            Status::NotStarted => "未着手",
        }
    }
}

/// 状況別の件数 / Counts of scheduled item-quarters per status.
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
#[serde(deny_unknown_fields)]
pub struct StatusTotals {
    /// 予定数 / Scheduled item-quarters.
    pub scheduled: u32,
    /// 完了 / Done.
    pub done: u32,
    /// 遅延 / Delayed.
    pub delayed: u32,
    /// 未着手 / Not started.
    pub not_started: u32,
    /// 報告なし / No status reported.
    pub unreported: u32,
}

impl StatusTotals {
    fn add(&mut self, status: Option<Status>) {
        self.scheduled = self.scheduled.saturating_add(1);
        let slot = match status {
            Some(Status::Done) => &mut self.done,
            Some(Status::Delayed) => &mut self.delayed,
            Some(Status::NotStarted) => &mut self.not_started,
            None => &mut self.unreported,
        };
        *slot = slot.saturating_add(1);
    }
}

/// 四半期別の状況 / Totals of one quarter.
#[derive(
    Debug, Clone, PartialEq, Eq, Serialize, Deserialize, crate::input::Recover, crate::emit::Emit,
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct QuarterProgress {
    /// 四半期 / Quarter.
    pub quarter: Quarter,
    /// 基準日より前に終了 / True if the quarter ended before `as_of`.
    pub ended: bool,
    /// 件数 / Totals.
    pub totals: StatusTotals,
}

/// タスク別の状況 / Totals of one task.
#[derive(
    Debug, Clone, PartialEq, Eq, Serialize, Deserialize, crate::input::Recover, crate::emit::Emit,
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct TaskProgress {
    /// タスク番号 / Task 1–6.
    pub task: u8,
    /// タスク名 / The task's national wording.
    pub name_ja: String,
    /// 件数 / Totals over the items serving the task.
    pub totals: StatusTotals,
    /// 四半期別（第1〜第4四半期） / Totals in each quarter, Q1–Q4: one row of the task × quarter grid.
    pub quarters: Vec<StatusTotals>,
}

/// 遅れている取組 / A scheduled item-quarter that ended and is not done.
#[derive(
    Debug, Clone, PartialEq, Eq, Serialize, Deserialize, crate::input::Recover, crate::emit::Emit,
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct LateItem {
    /// 取組 / The item.
    pub item: ItemRef,
    /// 番号の表記 / The number as written (①), if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// 項目 / The item's title.
    pub title: String,
    /// 主たる機関 / Lead organisations, by name (the id when the plan does not declare it).
    pub lead: Vec<String>,
    /// 位置 / JSON Pointer of the item in the plan.
    pub path: String,
    /// 四半期 / The quarter.
    pub quarter: Quarter,
    /// 状況 / Reported status (absent if none was reported).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<Status>,
    /// 遅れの理由 / Reported reason.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<DelayReason>,
    /// 遅れの理由（日本語） / Reported reason in Japanese.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason_ja: Option<String>,
    /// 補足 / The status's note.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// 根拠の数 / Pieces of evidence recorded for the item in that quarter (or for no quarter).
    pub evidence: u32,
}

/// 指標の状況 / An indicator with how far it has come.
#[derive(
    Debug, Clone, PartialEq, Eq, Serialize, Deserialize, crate::input::Recover, crate::emit::Emit,
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct IndicatorResult {
    /// 取組 / The item.
    pub item: ItemRef,
    /// 項目 / The item's title.
    pub title: String,
    /// 指標 / What is measured.
    pub measure: String,
    /// 単位 / Unit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// 目標値 / Target.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<u32>,
    /// 実績値 / Actual.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub actual: Option<u32>,
    /// 達成率（%、切り捨て） / Actual over target in percent, rounded down (absent without both, or a zero target).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub achieved_percent: Option<u32>,
}

/// 進捗 / Result of `plan.progress`.
#[derive(
    Debug, Clone, PartialEq, Eq, Serialize, Deserialize, crate::input::Recover, crate::emit::Emit,
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Progress {
    /// 基準日 / The date.
    pub as_of: IsoDate,
    /// 年度 / The plan's fiscal year.
    pub fiscal_year: i32,
    /// 全体 / Totals over all scheduled item-quarters.
    pub totals: StatusTotals,
    /// 四半期別 / Per quarter, Q1–Q4.
    pub per_quarter: Vec<QuarterProgress>,
    /// タスク別（タスク × 四半期の表） / Per task, 1–6, each with its quarters: the task × quarter grid.
    pub per_task: Vec<TaskProgress>,
    /// 遅れている取組 / Late item-quarters, in plan order.
    pub late: Vec<LateItem>,
    /// 評価指標 / Indicators, in document order.
    pub indicators: Vec<IndicatorResult>,
    /// 根拠の数 / Pieces of evidence recorded.
    pub evidence: u32,
}

/// Runs the progress operation on a plan with its `progress` part: the plan's findings, the
/// progress findings (under `/progress`), and the totals when the plan has a fiscal year
/// and a progress part.
pub fn progress(plan: &Plan) -> Computed<Progress> {
    progress_at(plan, &Path::root())
}

/// [`progress`] of a plan that sits at `plan_path` of a larger input (its findings under
/// `plan_path`, the progress part's under `plan_path/progress`): what `meetings.progress`
/// runs once the meetings' evidence is in the plan's progress part.
pub fn progress_at(plan: &Plan, plan_path: &Path) -> Computed<Progress> {
    let mut findings: Vec<Finding> = validate_at(plan, plan_path);
    let Computed {
        findings: more,
        result,
    } = progress_of_checked(plan, plan_path);
    findings.extend(more);
    Computed::new(findings, result)
}

/// [`progress_at`] of a plan whose own checks ([`validate_at`]) have already run: only the
/// progress part's findings (`plan.progress.*`) and the totals. `plan.progress` uses it:
/// the plan's checks run once, in `crate::operation::execute`, for every operation on a
/// plan.
pub(crate) fn progress_of_checked(plan: &Plan, plan_path: &Path) -> Computed<Progress> {
    let mut findings: Vec<Finding> = Vec::new();
    let Some(part) = &plan.progress else {
        findings.push(NONE.at(plan_path.clone()));
        return Computed::new(findings, None);
    };
    let base = plan_path.key("progress");
    let (result, more) = compute(plan, part, &base, plan_path);
    findings.extend(more);
    Computed::new(findings, result)
}

/// `plan.progress_upgrade`: the older request as a plan carrying its progress part, with
/// the plan's findings (under `/plan`).
pub fn upgrade(request: ProgressRequest) -> Computed<Plan> {
    let ProgressRequest {
        as_of,
        mut plan,
        statuses,
        notes,
        ..
    } = request;
    let mut findings = validate_at(&plan, &Path::root().key("plan"));
    if plan.progress.is_some() {
        findings.push(ALREADY_HAS_PROGRESS.at(Path::root().key("plan").key("progress")));
    }
    plan.progress = Some(PlanProgress {
        as_of,
        statuses,
        indicators: Vec::new(),
        evidence: Vec::new(),
        notes,
    });
    Computed::new(findings, Some(plan))
}

rule!(
    ALREADY_HAS_PROGRESS,
    "plan.progress.upgrade_replaces_progress",
    Warning,
    "計画にすでにある進捗の記録を、照会の状況で置き換えました",
    "The plan's own progress part was replaced by the request's statuses"
);

fn organisation_name(index: &PlanIndex<'_>, id: &str) -> String {
    index
        .organisation(id)
        .map_or_else(|| id.to_owned(), |o| o.name.clone())
}

/// The totals, with the findings of the progress part. `base` is where the progress part
/// sits in the input (`/progress`, or the root for the older request, whose statuses are at
/// `/statuses`); `plan_path` where the plan sits.
fn compute(
    plan: &Plan,
    part: &PlanProgress,
    base: &Path,
    plan_path: &Path,
) -> (Option<Progress>, Vec<Finding>) {
    let index = PlanIndex::new(plan);
    let mut findings = Vec::new();
    let statuses_path = base.key("statuses");
    let slots = plan.items.len().saturating_mul(4);
    let mut reported: Vec<Option<&ItemStatus>> = vec![None; slots];
    for (s, st) in part.statuses.iter().enumerate() {
        let at = statuses_path.index(s);
        let Some(i) = index.resolve(&st.item) else {
            findings.push(st.item.args_of(UNKNOWN_ITEM.at(at.key("item"))));
            continue;
        };
        let scheduled = plan
            .items
            .get(i)
            .is_some_and(|it| it.schedule.iter().any(|e| e.quarter == st.quarter));
        if !scheduled {
            findings.push(UNSCHEDULED_QUARTER.at(at.key("quarter")));
        }
        if let Some(slot) = reported.get_mut(i.saturating_mul(4).saturating_add(st.quarter.index()))
        {
            if slot.is_some() {
                findings.push(DUPLICATE_STATUS.at(&at));
            } else {
                *slot = Some(st);
            }
        }
    }
    // Evidence per item-quarter (a piece for no quarter counts in every quarter).
    let mut evidence = vec![0u32; slots];
    for (e, ev) in part.evidence.iter().enumerate() {
        let Some(i) = index.resolve(&ev.item) else {
            findings.push(
                EVIDENCE_UNKNOWN_ITEM
                    .at(base.key("evidence").index(e).key("item"))
                    .with("no", ev.item.no),
            );
            continue;
        };
        for q in Quarter::ALL {
            if ev.quarter.is_none_or(|eq| eq == q)
                && let Some(n) = evidence.get_mut(i.saturating_mul(4).saturating_add(q.index()))
            {
                *n = n.saturating_add(1);
            }
        }
    }
    let mut indicators = Vec::new();
    for (k, ind) in part.indicators.iter().enumerate() {
        let at = base.key("indicators").index(k);
        let Some(i) = index.resolve(&ind.item) else {
            findings.push(
                INDICATOR_UNKNOWN_ITEM
                    .at(at.key("item"))
                    .with("no", ind.item.no),
            );
            continue;
        };
        if let (Some(t), Some(a)) = (ind.target, ind.actual)
            && a > t
        {
            findings.push(
                INDICATOR_OVER_TARGET
                    .at(at.key("actual"))
                    .with("target", t)
                    .with("actual", a),
            );
        }
        let achieved_percent = match (ind.target, ind.actual) {
            (Some(t), Some(a)) if t > 0 => {
                u32::try_from(u64::from(a).saturating_mul(100) / u64::from(t)).ok()
            }
            _ => None,
        };
        indicators.push(IndicatorResult {
            item: ind.item,
            title: plan
                .items
                .get(i)
                .map(|it| it.title.clone())
                .unwrap_or_default(),
            measure: ind.measure.clone(),
            unit: ind.unit.clone(),
            target: ind.target,
            actual: ind.actual,
            achieved_percent,
        });
    }
    let Some(fy) = plan.fiscal_year else {
        findings.push(NO_FISCAL_YEAR.at(plan_path.key("fiscal_year")));
        return (None, findings);
    };
    if part.as_of.fiscal_year() != fy {
        findings.push(
            AS_OF_OUTSIDE_YEAR
                .at(base.key("as_of"))
                .with("date_fy", part.as_of.fiscal_year())
                .with("fy", fy),
        );
    }
    let ended: Vec<bool> = Quarter::ALL
        .iter()
        .map(|q| q.end(fy).is_some_and(|end| end < part.as_of))
        .collect();
    let mut totals = StatusTotals::default();
    let mut per_quarter: Vec<QuarterProgress> = Quarter::ALL
        .iter()
        .zip(&ended)
        .map(|(&quarter, &ended)| QuarterProgress {
            quarter,
            ended,
            totals: StatusTotals::default(),
        })
        .collect();
    let mut per_task: Vec<TaskProgress> = crate::tasks::TASKS
        .iter()
        .map(|t| TaskProgress {
            task: t.no,
            name_ja: t.name_national_ja.to_owned(),
            totals: StatusTotals::default(),
            quarters: vec![StatusTotals::default(); 4],
        })
        .collect();
    let mut late = Vec::new();
    for (i, item) in plan.items.iter().enumerate() {
        let mut tasks: Vec<u8> = item.tasks.iter().map(|t| t.0).collect();
        tasks.sort_unstable();
        tasks.dedup();
        for q in Quarter::ALL {
            if !item.schedule.iter().any(|e| e.quarter == q) {
                continue;
            }
            let slot = i.saturating_mul(4).saturating_add(q.index());
            let st = reported.get(slot).copied().flatten();
            let status = st.map(|s| s.status);
            totals.add(status);
            if let Some(pq) = per_quarter.get_mut(q.index()) {
                pq.totals.add(status);
            }
            for &t in &tasks {
                if let Some(pt) = per_task.iter_mut().find(|p| p.task == t) {
                    pt.totals.add(status);
                    if let Some(cell) = pt.quarters.get_mut(q.index()) {
                        cell.add(status);
                    }
                }
            }
            if ended.get(q.index()).copied().unwrap_or(false) && status != Some(Status::Done) {
                let reason = st.and_then(|s| s.reason);
                late.push(LateItem {
                    item: plan.key_of(item),
                    label: item.label.clone(),
                    title: item.title.clone(),
                    lead: item
                        .lead
                        .iter()
                        .map(|id| organisation_name(&index, id))
                        .collect(),
                    path: plan_path.key("items").index(i).into(),
                    quarter: q,
                    status,
                    reason,
                    reason_ja: reason.map(|r| r.label_ja().to_owned()),
                    note: st.and_then(|s| s.note.clone()),
                    evidence: evidence.get(slot).copied().unwrap_or(0),
                });
            }
        }
    }
    let evidence_total = u32::try_from(part.evidence.len()).unwrap_or(u32::MAX);
    (
        Some(Progress {
            as_of: part.as_of,
            fiscal_year: fy,
            totals,
            per_quarter,
            per_task,
            late,
            indicators,
            evidence: evidence_total,
        }),
        findings,
    )
}
