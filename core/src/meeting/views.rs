//! Views over many meeting records: per plan item and organisation (`meetings.by_item`),
//! open care-conference assignments (`care_conferences.open`), and the evidence a plan's
//! progress takes from council meetings ([`plan_evidence`], [`progress_with_meetings`]).
//!
//! | code | severity | when |
//! |---|---|---|
//! | `meetings.plan.unknown_item` | error | an item number the held plan does not have |
//! | `meetings.plan.unknown_organisation` | warning | an organisation id the held plan does not list |
//! | `meetings.plan.other_plan` | info | the record's numbers belong to another plan than the one held: they are not linked |
//! | `meetings.date.after_as_of` | warning | a meeting dated after `as_of` (not counted as held) |
//! | `care_conferences.review_overdue` | warning | the latest conference's review date has passed on `as_of` |
//! | `care_conferences.assignment_overdue` | warning | an open decision whose due date has passed on `as_of` |
//!
//! When the records hold a child's summary (`summaries`, matched by `child.id`),
//! `care_conferences.open` asks [`crate::summary::consent_covers`] whether a recorded
//! consent covers using it at care conferences (`care_conference`, any recipient) on
//! `as_of`, and reports its `consent.none`, `consent.not_covered`, `consent.withdrawn` or
//! `consent.expired` warning at `/summaries/i/consents`. Without a summary nothing is
//! checked: a meeting record holds the child's id only, never the consents. Held
//! summaries are checked by the summary's own rules on `as_of` (as `summary.validate`
//! would, findings under `/summaries/i`).

use super::{Meeting, MeetingKind, MeetingRecords};
use crate::calendar::{IsoDate, Quarter};
use crate::finding::{Finding, Path};
use crate::ops::Computed;
use crate::plan::progress::{Evidence, EvidenceKind, ItemStatus, PlanProgress, Progress, Status};
use crate::plan::{ItemRef, Phase, Plan};
use crate::summary::{ChildId, ConsentUse, SummaryRequest, consent_covers};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

use crate::rule;

rule!(
    PLAN_UNKNOWN_ITEM,
    "meetings.plan.unknown_item",
    Error,
    "計画にない取組番号です（[タスク{task}の ]{no} 番）",
    "The plan has no item number {no}[ under task {task}]"
);
rule!(
    PLAN_UNKNOWN_ORGANISATION,
    "meetings.plan.unknown_organisation",
    Warning,
    "計画の機関一覧にないIDです",
    "The plan lists no organisation with this id"
);
rule!(
    PLAN_OTHER,
    "meetings.plan.other_plan",
    Info,
    "この記録の取組番号は別の計画のものです（照合・集計していません）",
    "This record's item numbers belong to another plan (not checked or linked)"
);
rule!(
    AFTER_AS_OF,
    "meetings.date.after_as_of",
    Warning,
    "基準日（{as_of}）より後の会議です（開催日 {date}。開催済みとして数えません）",
    "A meeting dated {date}, after the reference date {as_of} (not counted as held)"
);
rule!(
    REVIEW_OVERDUE,
    "care_conferences.review_overdue",
    Warning,
    "ケア会議の見直し予定日（{review_on}）を過ぎています（基準日 {as_of}）",
    "The care conference's review date {review_on} has passed (as of {as_of})"
);
rule!(
    ASSIGNMENT_OVERDUE,
    "care_conferences.assignment_overdue",
    Warning,
    "未完了の担当事項の期限（{due}）を過ぎています（基準日 {as_of}）",
    "An open assignment is past its due date {due} (as of {as_of})"
);

/// True if the record says its item numbers belong to `plan` (same region, and the same
/// fiscal year where both give one).
pub fn is_of_plan(m: &Meeting, plan: &Plan) -> bool {
    m.plan.as_ref().is_some_and(|r| {
        r.region.trim() == plan.region.trim()
            && match (r.fiscal_year, plan.fiscal_year) {
                (Some(a), Some(b)) => a == b,
                _ => true,
            }
    })
}

/// The findings of every record (under `/meetings/i`) and, when a plan is held, of the
/// records' references to it.
pub fn validate_records(req: &MeetingRecords) -> Vec<Finding> {
    let mut f = match &req.plan {
        Some(plan) => crate::plan::rules::validate_at(plan, &Path::root().key("plan")),
        None => Vec::new(),
    };
    f.extend(validate_meetings(
        &req.meetings,
        req.as_of,
        req.plan.as_ref(),
    ));
    f.extend(validate_summaries(req));
    f
}

/// The `summary.*` and `care.*` findings of every held summary on `as_of`, moved from
/// `/summary/...` to `/summaries/i/...` (what `summary.validate` reports for it).
pub fn validate_summaries(req: &MeetingRecords) -> Vec<Finding> {
    let mut f = Vec::new();
    for (j, s) in req.summaries.iter().enumerate() {
        let one = SummaryRequest {
            schema: None,
            version: req.version,
            as_of: req.as_of,
            summary: s.clone(),
            strict_provenance: false,
        };
        let at = Path::root().key("summaries").index(j);
        for mut x in crate::summary::validate(&one) {
            // Only findings inside the summary (the document-level version note belongs
            // to the records, not to each summary).
            if let Some(rest) = x.path.strip_prefix("/summary")
                && (rest.is_empty() || rest.starts_with('/'))
            {
                x.path = format!("{}{rest}", at.as_str());
                f.push(x);
            }
        }
    }
    f
}

/// The findings of every record (under `/meetings/i`) and of their references to `plan`.
pub fn validate_meetings(
    meetings: &[Meeting],
    as_of: IsoDate,
    plan: Option<&Plan>,
) -> Vec<Finding> {
    let base = Path::root().key("meetings");
    let mut f = Vec::new();
    for (i, m) in meetings.iter().enumerate() {
        let at = base.index(i);
        f.extend(super::validate(m, &at));
        if m.date > as_of {
            f.push(
                AFTER_AS_OF
                    .at(at.key("date"))
                    .with("date", m.date)
                    .with("as_of", as_of),
            );
        }
        if let Some(plan) = plan {
            check_against_plan(m, plan, &at, &mut f);
        }
    }
    f
}

/// The references of one record to a held plan.
pub fn check_against_plan(m: &Meeting, plan: &Plan, at: &Path, f: &mut Vec<Finding>) {
    let uses_items = m.statements.iter().any(|s| !s.items.is_empty())
        || m.decisions.iter().any(|d| !d.items.is_empty())
        || m.carried_over.iter().any(|c| !c.items.is_empty());
    if !is_of_plan(m, plan) {
        if m.plan.is_some() && uses_items {
            f.push(PLAN_OTHER.at(at.key("plan")));
        }
        return;
    }
    let mut check = |items: &[ItemRef], p: Path| {
        for (k, r) in items.iter().enumerate() {
            if plan.resolve(r).is_none() {
                f.push(r.args_of(PLAN_UNKNOWN_ITEM.at(p.index(k))));
            }
        }
    };
    for (k, s) in m.statements.iter().enumerate() {
        check(&s.items, at.key("statements").index(k).key("items"));
    }
    for (k, d) in m.decisions.iter().enumerate() {
        check(&d.items, at.key("decisions").index(k).key("items"));
    }
    for (k, c) in m.carried_over.iter().enumerate() {
        check(&c.items, at.key("carried_over").index(k).key("items"));
    }
    if m.kind == MeetingKind::Council {
        for (j, o) in m.organisations.iter().enumerate() {
            if plan.organisation(&o.id).is_none() {
                f.push(PLAN_UNKNOWN_ORGANISATION.at(at.key("organisations").index(j).key("id")));
            }
        }
    }
}

/// 取組ごとの会議の一回 / One meeting's part in one item.
#[derive(
    Debug, Clone, PartialEq, Eq, Serialize, Deserialize, crate::input::Recover, crate::emit::Emit,
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ItemMeeting {
    /// 記録の位置 / JSON Pointer of the record (`/meetings/i`).
    pub meeting: String,
    /// 開催日 / Date held.
    pub date: IsoDate,
    /// 発言した機関（ID、発言順） / Organisations that spoke about the item (ids, in order).
    pub speakers: Vec<String>,
    /// 発言数 / Statements about the item.
    pub statements: u32,
    /// 決定事項 / Decisions about the item.
    pub decisions: Vec<String>,
    /// 継続検討事項 / Matters about the item carried over.
    pub carried_over: u32,
}

/// 取組ごとの会議 / The meetings of one plan item.
#[derive(
    Debug, Clone, PartialEq, Eq, Serialize, Deserialize, crate::input::Recover, crate::emit::Emit,
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ItemMeetings {
    /// 計画の地域（記録の計画参照） / Region of the plan the number belongs to (absent:
    /// the record does not say).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plan_region: Option<String>,
    /// 取組 / The item.
    pub item: ItemRef,
    /// 計画で確認済み / True if the held plan has the item (false: unresolved reference).
    pub resolved: bool,
    /// 会議（日付順） / Meetings, by date.
    pub meetings: Vec<ItemMeeting>,
}

/// 機関ごとの会議 / One organisation across the meetings.
#[derive(
    Debug, Clone, PartialEq, Eq, Serialize, Deserialize, crate::input::Recover, crate::emit::Emit,
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct OrganisationActivity {
    /// 機関ID / The organisation's id.
    pub organisation: String,
    /// 出席者名簿のある会議の数 / Meetings (naming it) whose record lists attendees.
    pub meetings_with_attendee_list: u32,
    /// 出席（名簿のある会議のうち） / Attended, among those meetings.
    pub attended: u32,
    /// 発言した会議の数 / Meetings where it spoke.
    pub meetings_spoken: u32,
    /// 発言数 / Statements.
    pub statements: u32,
}

/// Result of `meetings.by_item`.
#[derive(
    Debug, Clone, PartialEq, Eq, Serialize, Deserialize, crate::input::Recover, crate::emit::Emit,
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ByItem {
    /// 年度 / The fiscal year reported.
    pub fiscal_year: i32,
    /// 年度内の会議の数 / Meetings in the year.
    pub meetings: u32,
    /// 取組ごと（計画、番号順） / Per item, by plan and number.
    pub items: Vec<ItemMeetings>,
    /// 機関ごと（ID順） / Per organisation, by id.
    pub organisations: Vec<OrganisationActivity>,
}

fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// Computes `meetings.by_item` (without findings).
pub fn by_item(req: &MeetingRecords) -> ByItem {
    let fy = req
        .fiscal_year
        .or_else(|| req.plan.as_ref().and_then(|p| p.fiscal_year))
        .unwrap_or_else(|| req.as_of.fiscal_year());
    let mut order: Vec<(usize, &Meeting)> = req
        .meetings
        .iter()
        .enumerate()
        .filter(|(_, m)| m.date.fiscal_year() == fy)
        .collect();
    order.sort_by_key(|(i, m)| (m.date, *i));
    let mut items: BTreeMap<(Option<String>, ItemRef), Vec<ItemMeeting>> = BTreeMap::new();
    let mut orgs: BTreeMap<String, OrganisationActivity> = BTreeMap::new();
    for &(i, m) in &order {
        let region = m.plan.as_ref().map(|p| p.region.trim().to_owned());
        let pointer: String = Path::root().key("meetings").index(i).into();
        let mut here: BTreeMap<ItemRef, ItemMeeting> = BTreeMap::new();
        let new_entry = || ItemMeeting {
            meeting: pointer.clone(),
            date: m.date,
            speakers: Vec::new(),
            statements: 0,
            decisions: Vec::new(),
            carried_over: 0,
        };
        let named = m
            .statements
            .iter()
            .flat_map(|s| s.items.iter())
            .chain(m.decisions.iter().flat_map(|d| d.items.iter()))
            .chain(m.carried_over.iter().flat_map(|c| c.items.iter()));
        for r in named {
            here.entry(*r).or_insert_with(new_entry);
        }
        for s in &m.statements {
            let mut distinct: Vec<ItemRef> = s.items.clone();
            distinct.sort_unstable();
            distinct.dedup();
            for r in distinct {
                if let Some(e) = here.get_mut(&r) {
                    e.statements = e.statements.saturating_add(1);
                    if !e.speakers.contains(&s.organisation) {
                        e.speakers.push(s.organisation.clone());
                    }
                }
            }
        }
        for d in &m.decisions {
            for r in &d.items {
                if let Some(e) = here.get_mut(r) {
                    e.decisions.push(d.text.clone());
                }
            }
        }
        for c in &m.carried_over {
            for r in &c.items {
                if let Some(e) = here.get_mut(r) {
                    e.carried_over = e.carried_over.saturating_add(1);
                }
            }
        }
        for (r, e) in here {
            items.entry((region.clone(), r)).or_default().push(e);
        }
        // Organisations: every id the record names.
        let mut spoke: BTreeMap<&str, u32> = BTreeMap::new();
        for s in &m.statements {
            let c = spoke.entry(s.organisation.as_str()).or_insert(0);
            *c = c.saturating_add(1);
        }
        let mut named: Vec<&str> = m.organisations.iter().map(|o| o.id.as_str()).collect();
        named.extend(spoke.keys().copied());
        named.sort_unstable();
        named.dedup();
        for id in named {
            let a = orgs
                .entry(id.to_owned())
                .or_insert_with(|| OrganisationActivity {
                    organisation: id.to_owned(),
                    meetings_with_attendee_list: 0,
                    attended: 0,
                    meetings_spoken: 0,
                    statements: 0,
                });
            if let Some(list) = &m.attendees {
                a.meetings_with_attendee_list = a.meetings_with_attendee_list.saturating_add(1);
                if list.iter().any(|x| x.organisation == id) {
                    a.attended = a.attended.saturating_add(1);
                }
            }
            if let Some(n) = spoke.get(id) {
                a.meetings_spoken = a.meetings_spoken.saturating_add(1);
                a.statements = a.statements.saturating_add(*n);
            }
        }
    }
    let plan = req.plan.as_ref();
    ByItem {
        fiscal_year: fy,
        meetings: count(order.len()),
        items: items
            .into_iter()
            .map(|((plan_region, item), meetings)| {
                let resolved = plan.is_some_and(|p| {
                    plan_region.as_deref() == Some(p.region.trim()) && p.resolve(&item).is_some()
                });
                ItemMeetings {
                    plan_region,
                    item,
                    resolved,
                    meetings,
                }
            })
            .collect(),
        organisations: orgs.into_values().collect(),
    }
}

/// `meetings.by_item`.
pub fn by_item_operation(req: MeetingRecords) -> Computed<ByItem> {
    // The records' checks ([`validate_records`]) come with the report (run once by
    // `crate::operation::execute`).
    Computed::new(Vec::new(), Some(by_item(&req)))
}

/// 未完了の担当事項 / An open assignment from a care conference.
#[derive(
    Debug, Clone, PartialEq, Eq, Serialize, Deserialize, crate::input::Recover, crate::emit::Emit,
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct OpenAssignment {
    /// 決定事項の位置 / JSON Pointer of the decision (`/meetings/i/decisions/k`).
    pub decision: String,
    /// 会議の日 / Date of the conference.
    pub decided_on: IsoDate,
    /// 内容 / What was decided.
    pub text: String,
    /// 担当（参加者ID） / Who is responsible.
    pub responsible: Vec<String>,
    /// 期限 / Due date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due: Option<IsoDate>,
    /// 期限切れ / True if the due date is before `as_of`.
    pub overdue: bool,
}

/// 子どもごとの未完了事項 / One child's open assignments.
#[derive(
    Debug, Clone, PartialEq, Eq, Serialize, Deserialize, crate::input::Recover, crate::emit::Emit,
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ChildAssignments {
    /// 対象児のID / The child's id.
    pub child_id: ChildId,
    /// ケア会議の回数 / Care conferences held (on or before `as_of`).
    pub conferences: u32,
    /// 直近のケア会議 / Date of the latest conference.
    pub last_conference: IsoDate,
    /// 調整役（参加者ID、直近の会議） / Who coordinates (participant id, latest conference).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub coordinator: Option<String>,
    /// 見直し予定日（直近の会議） / Review date (latest conference).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub review_on: Option<IsoDate>,
    /// 見直し期限切れ / True if the review date is before `as_of`.
    pub review_overdue: bool,
    /// 未完了の担当事項（会議順） / Open assignments, by conference.
    pub open: Vec<OpenAssignment>,
}

/// Result of `care_conferences.open`.
#[derive(
    Debug, Clone, PartialEq, Eq, Serialize, Deserialize, crate::input::Recover, crate::emit::Emit,
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct OpenAssignments {
    /// 基準日 / The reference date.
    pub as_of: IsoDate,
    /// 子どもごと（ID順） / Per child, by id.
    pub children: Vec<ChildAssignments>,
}

/// `care_conferences.open`.
pub fn open_operation(req: MeetingRecords) -> Computed<OpenAssignments> {
    // The records' checks ([`validate_records`]) come with the report (run once by
    // `crate::operation::execute`); here only the overdue dates.
    let mut findings = Vec::new();
    let base = Path::root().key("meetings");
    // Per child: the conferences held on or before as_of, by date.
    let mut per_child: BTreeMap<&str, Vec<(usize, &Meeting)>> = BTreeMap::new();
    for (i, m) in req.meetings.iter().enumerate() {
        if let Some(cc) = &m.care_conference
            && m.kind == MeetingKind::CareConference
            && m.date <= req.as_of
        {
            per_child
                .entry(cc.child_id.as_str())
                .or_default()
                .push((i, m));
        }
    }
    let mut children = Vec::new();
    for (child, mut list) in per_child {
        list.sort_by_key(|(i, m)| (m.date, *i));
        let Some(&(li, last)) = list.last() else {
            continue;
        };
        let cc = last.care_conference.as_ref();
        let review_on = cc.and_then(|c| c.review_on);
        let review_overdue = review_on.is_some_and(|r| r < req.as_of);
        if let Some(r) = review_on.filter(|_| review_overdue) {
            findings.push(
                REVIEW_OVERDUE
                    .at(base.index(li).key("care_conference").key("review_on"))
                    .with("review_on", r)
                    .with("as_of", req.as_of),
            );
        }
        let mut open = Vec::new();
        for &(i, m) in &list {
            for (k, d) in m.decisions.iter().enumerate() {
                if d.done_on.is_some_and(|x| x <= req.as_of) {
                    continue;
                }
                let at = base.index(i).key("decisions").index(k);
                let overdue = d.due.is_some_and(|due| due < req.as_of);
                if let Some(due) = d.due.filter(|_| overdue) {
                    findings.push(
                        ASSIGNMENT_OVERDUE
                            .at(at.key("due"))
                            .with("due", due)
                            .with("as_of", req.as_of),
                    );
                }
                open.push(OpenAssignment {
                    decision: at.into(),
                    decided_on: m.date,
                    text: d.text.clone(),
                    responsible: d.responsible.clone(),
                    due: d.due,
                    overdue,
                });
            }
        }
        // The child's summary, when held: may it be used at care conferences (on as_of)?
        if let Some((j, s)) = req
            .summaries
            .iter()
            .enumerate()
            .find(|(_, s)| s.child.id.as_str() == child)
        {
            let status = consent_covers(s, ConsentUse::CareConference, None, req.as_of);
            findings.extend(status.finding(
                ConsentUse::CareConference,
                &Path::root().key("summaries").index(j),
            ));
        }
        children.push(ChildAssignments {
            child_id: ChildId(child.to_owned()),
            conferences: count(list.len()),
            last_conference: last.date,
            coordinator: cc.and_then(|c| c.coordinator.clone()),
            review_on,
            review_overdue,
            open,
        });
    }
    Computed::new(
        findings,
        Some(OpenAssignments {
            as_of: req.as_of,
            children,
        }),
    )
}

/// 会議開催の段階 / One 会議開催 phase of an item, and the council meetings of the plan
/// held in its quarter.
#[derive(
    Debug, Clone, PartialEq, Eq, Serialize, Deserialize, crate::input::Recover, crate::emit::Emit,
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct MeetingPhase {
    /// 四半期 / The quarter.
    pub quarter: Quarter,
    /// 開催日 / Dates of the plan's council meetings held in it (on or before `as_of`).
    pub held_on: Vec<IsoDate>,
}

/// 取組の会議の記録 / What the council meetings of a plan say about one item.
#[derive(
    Debug, Clone, PartialEq, Eq, Serialize, Deserialize, crate::input::Recover, crate::emit::Emit,
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ItemEvidence {
    /// 取組 / The item.
    pub item: ItemRef,
    /// 会議開催の段階 / The item's 会議開催 phases and the meetings held in them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub meeting_phases: Vec<MeetingPhase>,
    /// 話し合われた日 / Dates of meetings where it was discussed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub discussed_on: Vec<IsoDate>,
    /// 決定事項 / What was decided about it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub decisions: Vec<String>,
}

/// Per item of `plan`, the evidence of the plan's own council meetings in its fiscal year
/// held on or before `as_of`: the 会議開催 phases met, the dates discussed, the decisions.
/// Records of another plan (another region or year) are never linked. Items with no
/// evidence and no 会議開催 phase are left out.
pub fn plan_evidence(plan: &Plan, meetings: &[Meeting], as_of: IsoDate) -> Vec<ItemEvidence> {
    let held: Vec<&Meeting> = meetings
        .iter()
        .filter(|m| {
            m.kind == MeetingKind::Council
                && is_of_plan(m, plan)
                && m.date <= as_of
                && plan.fiscal_year.is_none_or(|fy| m.date.fiscal_year() == fy)
        })
        .collect();
    let mut out = Vec::new();
    for (idx, item) in plan.items.iter().enumerate() {
        let meeting_phases: Vec<MeetingPhase> = item
            .schedule
            .iter()
            .filter(|e| e.phases.contains(&Phase::Meeting))
            .map(|e| MeetingPhase {
                quarter: e.quarter,
                held_on: held
                    .iter()
                    .filter(|m| m.date.quarter() == e.quarter)
                    .map(|m| m.date)
                    .collect(),
            })
            .collect();
        let names_item = |items: &[ItemRef]| items.iter().any(|r| plan.resolve(r) == Some(idx));
        let mut discussed_on: Vec<IsoDate> = held
            .iter()
            .filter(|m| {
                m.statements.iter().any(|s| names_item(&s.items))
                    || m.decisions.iter().any(|d| names_item(&d.items))
                    || m.carried_over.iter().any(|c| names_item(&c.items))
            })
            .map(|m| m.date)
            .collect();
        discussed_on.sort_unstable();
        discussed_on.dedup();
        let decisions: Vec<String> = held
            .iter()
            .flat_map(|m| m.decisions.iter())
            .filter(|d| names_item(&d.items))
            .map(|d| d.text.clone())
            .collect();
        if meeting_phases.is_empty() && discussed_on.is_empty() && decisions.is_empty() {
            continue;
        }
        out.push(ItemEvidence {
            item: plan.key_of(item),
            meeting_phases,
            discussed_on,
            decisions,
        });
    }
    out
}

/// 会議記録つきの進捗照会 / Input of `meetings.progress`: a plan carrying its progress part
/// (as `plan.progress` reads it), with the minutes of its meetings beside it.
#[derive(
    Debug, Clone, PartialEq, Eq, Serialize, Deserialize, crate::input::Recover, crate::emit::Emit,
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct MeetingProgressRequest {
    /// JSON Schema の URL（任意） / URL of this document's JSON Schema (optional).
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    /// 文書の形式の版（省略時は 1） / Document format version (absent means 1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<crate::version::FormatVersion>,
    /// 取組計画（進捗つき：基準日・状況・指標・根拠） / The plan with its progress part (the
    /// date, statuses, indicators and evidence), as plan.progress reads it.
    pub plan: Plan,
    /// 会議の記録 / Meeting records (the plan's council meetings in its fiscal year are evidence).
    #[serde(default)]
    pub meetings: Vec<Meeting>,
    /// 注記 / Notes on the document.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
}

/// 会議で完了とした段階 / A 会議開催 item-quarter counted as done because a council meeting
/// of the plan was held in it.
#[derive(
    Debug, Clone, PartialEq, Eq, Serialize, Deserialize, crate::input::Recover, crate::emit::Emit,
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct DoneByMeeting {
    /// 取組 / The item.
    pub item: ItemRef,
    /// 四半期 / The quarter.
    pub quarter: Quarter,
    /// 開催日 / The first meeting held in it.
    pub held_on: IsoDate,
}

/// Result of `meetings.progress`.
#[derive(
    Debug, Clone, PartialEq, Eq, Serialize, Deserialize, crate::input::Recover, crate::emit::Emit,
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct MeetingProgress {
    /// 進捗（計画の進捗と同じ計算。会議録を根拠に加え、状況の報告がない会議開催の段階は
    /// 開催済みの会議で完了） / Progress, computed as plan.progress does with the minutes
    /// added to the evidence and every unreported 会議開催 item-quarter met by a council
    /// meeting of the plan counted as done.
    pub progress: Progress,
    /// 会議で完了とした段階 / The item-quarters counted as done by a meeting.
    pub done_by_meetings: Vec<DoneByMeeting>,
    /// 取組ごとの会議の記録 / Per item, the meeting evidence.
    pub evidence: Vec<ItemEvidence>,
}

/// The plan's progress part with the meetings' evidence added: one piece of evidence
/// (会議録) per item and council meeting that met its 会議開催 phase or discussed it, and a
/// done status for every 会議開催 item-quarter with a meeting held and no reported status
/// (reported statuses are kept as they are). Returns the new part, the item-quarters made
/// done, and the evidence per item; `None` when the plan has no progress part.
pub fn progress_part_with_meetings(
    plan: &Plan,
    meetings: &[Meeting],
) -> Option<(PlanProgress, Vec<DoneByMeeting>, Vec<ItemEvidence>)> {
    let mut part = plan.progress.clone()?;
    let evidence = plan_evidence(plan, meetings, part.as_of);
    let mut done = Vec::new();
    for ev in &evidence {
        let Some(idx) = plan.resolve(&ev.item) else {
            continue;
        };
        for ph in &ev.meeting_phases {
            let Some(&first) = ph.held_on.iter().min() else {
                continue;
            };
            let reported = part
                .statuses
                .iter()
                .any(|s| plan.resolve(&s.item) == Some(idx) && s.quarter == ph.quarter);
            if !reported {
                part.statuses.push(ItemStatus {
                    item: ev.item,
                    quarter: ph.quarter,
                    status: Status::Done,
                    reason: None,
                    note: None,
                });
                done.push(DoneByMeeting {
                    item: ev.item,
                    quarter: ph.quarter,
                    held_on: first,
                });
            }
        }
        let mut dates: Vec<IsoDate> = ev
            .meeting_phases
            .iter()
            .flat_map(|p| p.held_on.iter().copied())
            .chain(ev.discussed_on.iter().copied())
            .collect();
        dates.sort_unstable();
        dates.dedup();
        for date in dates {
            part.evidence.push(Evidence {
                kind: EvidenceKind::Meeting,
                item: ev.item,
                quarter: Some(date.quarter()),
                date: Some(date),
                title: EvidenceKind::Meeting.label_ja().to_owned(),
            });
        }
    }
    Some((part, done, evidence))
}

/// `meetings.progress`: `plan.progress` of the plan with its council meetings' evidence
/// ([`progress_part_with_meetings`]); the plan's findings under `/plan`, the meetings'
/// under `/meetings`. A plan without a progress part gets `plan.progress.none` and no result.
pub fn progress_with_meetings(req: MeetingProgressRequest) -> Computed<MeetingProgress> {
    let plan_path = Path::root().key("plan");
    let Some((part, done_by_meetings, evidence)) =
        progress_part_with_meetings(&req.plan, &req.meetings)
    else {
        let computed = crate::plan::progress::progress_at(&req.plan, &plan_path);
        let mut findings = computed.findings;
        // No date to judge the meetings on: their own findings and their references only.
        for (i, m) in req.meetings.iter().enumerate() {
            let at = Path::root().key("meetings").index(i);
            findings.extend(super::validate(m, &at));
            check_against_plan(m, &req.plan, &at, &mut findings);
        }
        return Computed::new(findings, None);
    };
    let as_of = part.as_of;
    let mut plan = req.plan;
    plan.progress = Some(part);
    let computed = crate::plan::progress::progress_at(&plan, &plan_path);
    let mut findings = computed.findings;
    findings.extend(validate_meetings(&req.meetings, as_of, Some(&plan)));
    Computed::new(
        findings,
        computed.result.map(|progress| MeetingProgress {
            progress,
            done_by_meetings,
            evidence,
        }),
    )
}
