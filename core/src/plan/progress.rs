//! `plan.progress`: a plan's status against its schedule on a given date.
//!
//! The input is an envelope: the plan, the date (`as_of`), and per item and quarter a
//! status (done / delayed / not started). Every scheduled item-quarter counts once; one
//! with no reported status counts as `unreported`. An item-quarter is **late** when its
//! quarter ended before `as_of` and it is not done.

use super::rules::{
    AS_OF_OUTSIDE_YEAR, DUPLICATE_STATUS, NO_FISCAL_YEAR, UNKNOWN_ITEM, UNSCHEDULED_QUARTER,
    validate_at,
};
use super::{ItemRef, Plan, PlanIndex};
use crate::calendar::{IsoDate, Quarter};
use crate::finding::{Finding, Path};
use crate::ops::Computed;
use serde::{Deserialize, Serialize};

/// 進捗の照会 / Input of `plan.progress`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
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
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ItemStatus {
    /// 取組 / The item.
    pub item: ItemRef,
    /// 四半期 / The quarter.
    pub quarter: Quarter,
    /// 状況 / Status.
    pub status: Status,
    /// 補足 / A free note.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// 状況 / Progress status.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
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
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
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
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
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
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct TaskProgress {
    /// タスク番号 / Task 1–6.
    pub task: u8,
    /// 件数 / Totals over the items serving the task.
    pub totals: StatusTotals,
}

/// 遅れている取組 / A scheduled item-quarter that ended and is not done.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct LateItem {
    /// 取組 / The item.
    pub item: ItemRef,
    /// 位置 / JSON Pointer of the item in the plan (under `/plan`).
    pub path: String,
    /// 四半期 / The quarter.
    pub quarter: Quarter,
    /// 状況 / Reported status (absent if none was reported).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<Status>,
}

/// 進捗 / Result of `plan.progress`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
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
    /// タスク別 / Per task, 1–6.
    pub per_task: Vec<TaskProgress>,
    /// 遅れている取組 / Late item-quarters, in plan order.
    pub late: Vec<LateItem>,
}

/// Runs the progress operation: the plan's findings (under `/plan`), the status findings,
/// and the totals when the plan has a fiscal year.
pub fn progress(request: &ProgressRequest) -> Computed<Progress> {
    let plan = &request.plan;
    let index = PlanIndex::new(plan);
    let plan_path = Path::root().key("plan");
    let mut findings: Vec<Finding> = validate_at(plan, &plan_path);
    let statuses_path = Path::root().key("statuses");
    // Resolved statuses: (item index, quarter index, status).
    let mut reported: Vec<Option<Status>> = Vec::new();
    let slots = plan.items.len().saturating_mul(4);
    reported.resize(slots, None);
    for (s, st) in request.statuses.iter().enumerate() {
        let at = statuses_path.index(s);
        let Some(i) = index.resolve(&st.item) else {
            findings.push(UNKNOWN_ITEM.detail(at.key("item"), st.item.no, st.item.no));
            continue;
        };
        let q = st.quarter.index();
        let scheduled = plan
            .items
            .get(i)
            .is_some_and(|it| it.schedule.iter().any(|e| e.quarter == st.quarter));
        if !scheduled {
            findings.push(UNSCHEDULED_QUARTER.at(at.key("quarter")));
        }
        if let Some(slot) = reported.get_mut(i.saturating_mul(4).saturating_add(q)) {
            if slot.is_some() {
                findings.push(DUPLICATE_STATUS.at(&at));
            } else {
                *slot = Some(st.status);
            }
        }
    }
    let Some(fy) = plan.fiscal_year else {
        findings.push(NO_FISCAL_YEAR.at(plan_path.key("fiscal_year")));
        return Computed::new(findings, None);
    };
    if request.as_of.fiscal_year() != fy {
        findings.push(AS_OF_OUTSIDE_YEAR.detail(
            Path::root().key("as_of"),
            format!("{} 年度", request.as_of.fiscal_year()),
            format!("FY{}", request.as_of.fiscal_year()),
        ));
    }
    let ended: Vec<bool> = Quarter::ALL
        .iter()
        .map(|q| q.end(fy).is_some_and(|end| end < request.as_of))
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
    let mut per_task: Vec<TaskProgress> = (1..=6u8)
        .map(|task| TaskProgress {
            task,
            totals: StatusTotals::default(),
        })
        .collect();
    let mut late = Vec::new();
    for (i, item) in plan.items.iter().enumerate() {
        for q in Quarter::ALL {
            if !item.schedule.iter().any(|e| e.quarter == q) {
                continue;
            }
            let status = reported
                .get(i.saturating_mul(4).saturating_add(q.index()))
                .copied()
                .flatten();
            totals.add(status);
            if let Some(pq) = per_quarter.get_mut(q.index()) {
                pq.totals.add(status);
            }
            let mut tasks: Vec<u8> = item.tasks.iter().map(|t| t.0).collect();
            tasks.sort_unstable();
            tasks.dedup();
            for t in tasks {
                if let Some(pt) = per_task.iter_mut().find(|p| p.task == t) {
                    pt.totals.add(status);
                }
            }
            if ended.get(q.index()).copied().unwrap_or(false) && status != Some(Status::Done) {
                late.push(LateItem {
                    item: plan.key_of(item),
                    path: plan_path.key("items").index(i).into(),
                    quarter: q,
                    status,
                });
            }
        }
    }
    Computed::new(
        findings,
        Some(Progress {
            as_of: request.as_of,
            fiscal_year: fy,
            totals,
            per_quarter,
            per_task,
            late,
        }),
    )
}
