//! `plan.coverage`: how a plan covers the six tasks and the four quarters, and how much
//! each lead organisation carries.
//!
//! - Per task: the distinct initiatives that serve it. A 再掲 item stands for the item it
//!   repeats, so an initiative listed under tasks 1 and 4 counts once under each, and a
//!   task whose item and 再掲 both sit under it counts the initiative once.
//! - Per quarter: items with at least one phase (or note) in the quarter, and the phases.
//! - Lead load: for each organisation, the initiatives it leads (再掲 not counted again).

use super::{ImplementerKind, ItemRef, PhaseKind, Plan, PlanIndex, count};
use crate::calendar::Quarter;
use crate::tasks::TASKS;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// タスク別・四半期別の集計 / Result of `plan.coverage`.
#[derive(
    Debug, Clone, PartialEq, Eq, Serialize, Deserialize, crate::input::Recover, crate::emit::Emit,
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Coverage {
    /// 取組数 / Number of items (再掲 included).
    pub items: u32,
    /// 取組（再掲を除く） / Number of distinct initiatives (items that are not 再掲).
    pub initiatives: u32,
    /// 再掲数 / Number of 再掲 items.
    pub repeats: u32,
    /// タスク別 / Per task, 1–6 in order.
    pub per_task: Vec<TaskCoverage>,
    /// 取組のないタスク / Tasks no item serves.
    pub uncovered_tasks: Vec<u8>,
    /// 四半期別 / Per quarter, Q1–Q4 in order.
    pub per_quarter: Vec<QuarterCoverage>,
    /// 主たる機関の負担 / Initiatives led per organisation, most first.
    pub lead_load: Vec<LeadLoad>,
    /// 実施主体別 / Initiatives per implementer.
    pub implementers: ImplementerCount,
    /// モデル地域で実施 / Initiatives run (partly) in the model area.
    pub model_area: u32,
}

/// タスク別の取組 / The initiatives serving one task.
#[derive(
    Debug, Clone, PartialEq, Eq, Serialize, Deserialize, crate::input::Recover, crate::emit::Emit,
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct TaskCoverage {
    /// タスク番号 / Task number 1–6.
    pub task: u8,
    /// タスク名（国） / The task's national wording.
    pub name_ja: String,
    /// 取組数 / Distinct initiatives serving the task.
    pub items: u32,
    /// うち再掲による / Of which listed here only through a 再掲.
    pub via_repeat: u32,
    /// 取組 / The initiatives (their keys), in document order.
    pub item_refs: Vec<ItemRef>,
}

/// 四半期別の集計 / Activity in one quarter.
#[derive(
    Debug, Clone, PartialEq, Eq, Serialize, Deserialize, crate::input::Recover, crate::emit::Emit,
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct QuarterCoverage {
    /// 四半期 / Quarter.
    pub quarter: Quarter,
    /// 予定のある取組数 / Items with an entry in this quarter.
    pub active_items: u32,
    /// 段階別の件数 / Number of each phase (kinds with none are left out).
    pub phases: Vec<PhaseCount>,
}

/// 段階の件数 / How often one kind of phase occurs.
#[derive(
    Debug, Clone, PartialEq, Eq, Serialize, Deserialize, crate::input::Recover, crate::emit::Emit,
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct PhaseCount {
    /// 段階 / Phase kind.
    pub phase: PhaseKind,
    /// 日本語ラベル / Japanese label.
    pub label_ja: String,
    /// 件数 / Count.
    pub count: u32,
}

/// 主たる機関の負担 / How many initiatives an organisation leads.
#[derive(
    Debug, Clone, PartialEq, Eq, Serialize, Deserialize, crate::input::Recover, crate::emit::Emit,
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct LeadLoad {
    /// 機関 / Organisation id.
    pub organisation: String,
    /// 名称 / The organisation's name (its id when the plan does not declare it).
    pub name: String,
    /// 会議委員所属団体 / Whether it belongs to a council member (false if undeclared).
    pub member: bool,
    /// 主たる機関としての取組数 / Initiatives it leads.
    pub items: u32,
}

/// 実施主体別の件数 / Initiatives per implementer.
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
pub struct ImplementerCount {
    /// 県が実施 / Run by the prefecture.
    pub prefecture: u32,
    /// 委託 / Consigned.
    pub consigned: u32,
    /// 記載なし / Not stated.
    pub unspecified: u32,
}

/// Computes the coverage of a plan (total on any plan; invalid references are skipped).
pub fn coverage(plan: &Plan) -> Coverage {
    let index = PlanIndex::new(plan);
    let initiatives: Vec<usize> = (0..plan.items.len())
        .filter(|&i| plan.items.get(i).is_some_and(|it| it.repeats.is_none()))
        .collect();
    let mut per_task = Vec::with_capacity(6);
    let mut uncovered = Vec::new();
    for task in &TASKS {
        // Distinct initiatives under this task, with whether any direct listing exists.
        let mut seen: BTreeMap<usize, bool> = BTreeMap::new();
        for (i, item) in plan.items.iter().enumerate() {
            if !item.tasks.iter().any(|t| t.0 == task.no) {
                continue;
            }
            let ini = index.initiative_of(i);
            *seen.entry(ini).or_insert(false) |= ini == i;
        }
        if seen.is_empty() {
            uncovered.push(task.no);
        }
        per_task.push(TaskCoverage {
            task: task.no,
            name_ja: task.name_national_ja.to_owned(),
            items: count(seen.len()),
            via_repeat: count(seen.values().filter(|d| !**d).count()),
            item_refs: seen
                .keys()
                .filter_map(|x| plan.items.get(*x).map(|it| plan.key_of(it)))
                .collect(),
        });
    }
    let per_quarter = Quarter::ALL
        .iter()
        .map(|&q| {
            let mut active = 0usize;
            let mut counts = [0u32; PhaseKind::ALL.len()];
            for item in &plan.items {
                let mut any = false;
                for entry in item.schedule.iter().filter(|e| e.quarter == q) {
                    any = true;
                    for ph in &entry.phases {
                        if let Some(pos) = PhaseKind::ALL.iter().position(|k| *k == ph.kind())
                            && let Some(c) = counts.get_mut(pos)
                        {
                            *c = c.saturating_add(1);
                        }
                    }
                }
                if any {
                    active += 1;
                }
            }
            QuarterCoverage {
                quarter: q,
                active_items: count(active),
                phases: PhaseKind::ALL
                    .iter()
                    .zip(counts)
                    .filter(|(_, c)| *c > 0)
                    .map(|(k, c)| PhaseCount {
                        phase: *k,
                        label_ja: k.label_ja().to_owned(),
                        count: c,
                    })
                    .collect(),
            }
        })
        .collect();
    // Lead load over initiatives only (a 再掲 is the same work).
    let mut load: Vec<LeadLoad> = Vec::new();
    for &i in &initiatives {
        let Some(item) = plan.items.get(i) else {
            continue;
        };
        let distinct: BTreeSet<&String> = item.lead.iter().collect();
        for id in distinct {
            match load.iter_mut().find(|l| &l.organisation == id) {
                Some(l) => l.items = l.items.saturating_add(1),
                None => load.push(LeadLoad {
                    organisation: id.clone(),
                    name: plan
                        .organisation(id)
                        .map_or_else(|| id.clone(), |o| o.name.clone()),
                    member: plan.organisation(id).is_some_and(|o| o.member),
                    items: 1,
                }),
            }
        }
    }
    load.sort_by(|a, b| {
        b.items
            .cmp(&a.items)
            .then_with(|| a.organisation.cmp(&b.organisation))
    });
    let mut implementers = ImplementerCount::default();
    let mut model_area = 0usize;
    for &i in &initiatives {
        let Some(item) = plan.items.get(i) else {
            continue;
        };
        let slot = match item.implementer.as_ref().map(|m| m.by) {
            Some(ImplementerKind::Prefecture) => &mut implementers.prefecture,
            Some(ImplementerKind::Consigned) => &mut implementers.consigned,
            None => &mut implementers.unspecified,
        };
        *slot = slot.saturating_add(1);
        if item.model_area {
            model_area += 1;
        }
    }
    Coverage {
        items: count(plan.items.len()),
        initiatives: count(initiatives.len()),
        repeats: count(plan.items.len().saturating_sub(initiatives.len())),
        per_task,
        uncovered_tasks: uncovered,
        per_quarter,
        lead_load: load,
        implementers,
        model_area: count(model_area),
    }
}
