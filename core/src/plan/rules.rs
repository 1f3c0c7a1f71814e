//! Plan rules: every check [`validate`] makes, one [`Rule`] const each, listed in [`RULES`].
//!
//! Findings come in a fixed order: the plan's own fields, issue groups, organisations,
//! then each item in document order, then the plan-wide checks (numbering gaps, tasks no
//! item covers). Messages carry only numbers, codes and the library's own words.
//!
//! Points of judgement:
//! - an item needs a lead organisation, or an implementer (Kanagawa items name who runs
//!   them instead of a lead); a 再掲 item needs neither (its original has them);
//! - going back from 順次実施 to a design phase (方法検討, 調査内容検討, 講習会企画,
//!   研修企画) in a later quarter is a warning unless that quarter's entry has a note
//!   (the reason); design and implementation in the same quarter is not going back;
//! - numbering gaps and duplicates are checked plan-wide, or per home task (the item's
//!   first task) with `numbering: per_task`;
//! - plausible fiscal years are 2000–2099 ([`PLAUSIBLE_FISCAL_YEARS`]); the label as
//!   written (平成29年度, 令和元年度, 2017年度) is read with [`wareki::parse`].

use super::{
    ImplementerKind, Item, ItemRef, Numbering, OrganisationList, PhaseKind, Plan, PlanIndex,
};
use crate::calendar::wareki;
use crate::finding::{Finding, Label, Path, Rule};
use std::collections::{BTreeMap, BTreeSet};

use crate::rule;

rule!(
    REGION_EMPTY,
    "plan.region.empty",
    Error,
    "地域が空です",
    "The region is empty"
);
rule!(
    FISCAL_YEAR_IMPLAUSIBLE,
    "plan.fiscal_year.implausible",
    Error,
    "{fy} 年度はありえない年度です（2000〜2099 年度）",
    "Fiscal year {fy} is implausible (expected 2000–2099)"
);
rule!(
    FISCAL_YEAR_MISSING_FOR_SCHEDULE,
    "plan.fiscal_year.missing_for_schedule",
    Warning,
    "スケジュールがありますが年度がありません",
    "Items have a schedule but the plan has no fiscal year"
);
rule!(
    FISCAL_YEAR_LABEL_MISMATCH,
    "plan.fiscal_year_label.mismatch",
    Warning,
    "年度の表記（{written} 年度）が年度の値（{fy} 年度）と一致しません",
    "The fiscal year as written (FY{written}) does not match the fiscal year (FY{fy})"
);
rule!(
    FISCAL_YEAR_LABEL_UNREADABLE,
    "plan.fiscal_year_label.unreadable",
    Warning,
    "年度の表記を年度として読めません（例: 平成29年度、2017年度）",
    "The fiscal year as written cannot be read as a fiscal year (e.g. 平成29年度, 2017年度)"
);
rule!(
    ISSUE_GROUP_DUPLICATE,
    "plan.issue_group.duplicate_number",
    Error,
    "課題番号 {no} が重複しています",
    "Duplicate issue group number {no}"
);
rule!(
    ISSUE_GROUP_EMPTY_TITLE,
    "plan.issue_group.empty_title",
    Error,
    "課題名が空です",
    "The issue group's title is empty"
);
rule!(
    ISSUE_GROUP_UNUSED,
    "plan.issue_group.unused",
    Info,
    "どの取組もこの課題に属していません",
    "No item belongs to this issue group"
);
rule!(
    ORGANISATION_EMPTY_ID,
    "plan.organisation.empty_id",
    Error,
    "機関の識別子が空です",
    "The organisation's id is empty"
);
rule!(
    ORGANISATION_DUPLICATE_ID,
    "plan.organisation.duplicate_id",
    Error,
    "機関の識別子が重複しています",
    "Duplicate organisation id"
);
rule!(
    ORGANISATION_EMPTY_NAME,
    "plan.organisation.empty_name",
    Error,
    "機関名が空です",
    "The organisation's name is empty"
);
rule!(
    ORGANISATION_DUPLICATE_NAME,
    "plan.organisation.duplicate_name",
    Warning,
    "同じ名称の機関が別の識別子で登録されています",
    "Another organisation has the same name under a different id"
);
rule!(
    ORGANISATION_UNUSED,
    "plan.organisation.unused",
    Info,
    "どの取組からも参照されていない機関です",
    "No item refers to this organisation"
);
rule!(
    ITEMS_EMPTY,
    "plan.items.empty",
    Warning,
    "取組が一つもありません",
    "The plan has no items"
);
rule!(
    ITEM_NO_TASK,
    "plan.item.no_task",
    Error,
    "取組にタスクがありません（1〜6 のいずれか）",
    "The item has no task (one of 1–6)"
);
rule!(
    ITEM_TASK_OUT_OF_RANGE,
    "plan.item.task_out_of_range",
    Error,
    "タスク{task}はありません（タスク番号は 1〜6 です）",
    "There is no task {task} (task numbers are 1–6)"
);
rule!(
    ITEM_DUPLICATE_TASK,
    "plan.item.duplicate_task",
    Warning,
    "同じタスクが二度書かれています",
    "The same task is listed twice"
);
rule!(
    ITEM_NO_LEAD,
    "plan.item.no_lead",
    Error,
    "主たる機関（または実施主体）がありません",
    "The item has no lead organisation (nor implementer)"
);
rule!(
    ITEM_UNKNOWN_ORGANISATION,
    "plan.item.unknown_organisation",
    Error,
    "計画に登録されていない機関を参照しています",
    "Refers to an organisation the plan does not declare"
);
rule!(
    ITEM_DUPLICATE_ORGANISATION,
    "plan.item.duplicate_organisation",
    Warning,
    "同じ機関が同じ欄に二度書かれています",
    "The same organisation is listed twice in one list"
);
rule!(
    ITEM_LEAD_NOT_MEMBER,
    "plan.item.lead_not_member",
    Warning,
    "主たる機関が会議委員所属団体ではありません",
    "The lead organisation does not belong to a council member"
);
rule!(
    ITEM_MEMBERSHIP_NOT_MENTIONED,
    "plan.item.membership_not_mentioned",
    Error,
    "会議委員所属の記載が、この取組の「{list}」の欄にない機関を指しています",
    "The membership entry names an organisation that is not in the item's {list} list"
);
rule!(
    ITEM_MEMBERSHIP_DUPLICATE,
    "plan.item.membership_duplicate",
    Warning,
    "同じ記載（機関と欄）の会議委員所属が二度書かれています；最初のものを使います",
    "The same mention (organisation and list) has two membership entries; the first is used"
);
rule!(
    ITEM_DUPLICATE_NUMBER,
    "plan.item.duplicate_number",
    Error,
    "取組番号が重複しています（取組 {first} と同じ）",
    "Duplicate item number (same as item {first})"
);
rule!(
    ITEM_NUMBER_ZERO,
    "plan.item.number_zero",
    Error,
    "取組番号は 1 から始まります",
    "Item numbers start at 1"
);
rule!(
    ITEMS_NUMBERING_GAP,
    "plan.items.numbering_gap",
    Warning,
    "取組番号に欠番があります（[タスク{task}の ]{from}[〜{to}] 番が欠番）",
    "Item numbers have a gap ([task {task}: ]{from}[ to {to}] missing)"
);
rule!(
    ITEM_EMPTY_TITLE,
    "plan.item.empty_title",
    Error,
    "取組の項目名が空です",
    "The item's title is empty"
);
rule!(
    ITEM_DUPLICATE_TITLE,
    "plan.item.duplicate_title",
    Info,
    "取組 {first} と同じ項目名です（同じ取組なら再掲として参照してください）",
    "Same title as item {first} (if it is the same initiative, mark it as 再掲)"
);
rule!(
    ITEM_EMPTY_CONTENT_LINE,
    "plan.item.empty_content_line",
    Warning,
    "内容の行が空です",
    "A content line is empty"
);
rule!(
    ITEM_UNKNOWN_ISSUE_GROUP,
    "plan.item.unknown_issue_group",
    Error,
    "課題番号 {no} は計画に登録されていません",
    "Refers to issue group {no}, which the plan does not declare"
);
rule!(
    ITEM_REPEAT_UNKNOWN,
    "plan.item.repeat_unknown",
    Error,
    "再掲の参照先の取組（[タスク{task}の]取組番号 {no}）がありません",
    "The item this 再掲 repeats ([task {task}, ]number {no}) does not exist"
);
rule!(
    ITEM_REPEAT_OF_REPEAT,
    "plan.item.repeat_of_repeat",
    Error,
    "再掲の参照先（取組 {target}）がそれ自体再掲です（元の取組を参照してください）",
    "The 再掲 target (item {target}) is itself a 再掲 (refer to the original item)"
);
rule!(
    ITEM_REPEAT_SELF,
    "plan.item.repeat_self",
    Error,
    "再掲が自分自身を参照しています",
    "The 再掲 refers to itself"
);
rule!(
    ITEM_REPEAT_TASK_MISSING,
    "plan.item.repeat_task_missing",
    Error,
    "タスクごとの番号では再掲の参照にタスクが必要です",
    "With per-task numbering a 再掲 reference needs its task"
);
rule!(
    ITEM_REPEAT_SAME_TASK,
    "plan.item.repeat_same_task",
    Warning,
    "再掲が元の取組と同じタスクの下にあります",
    "The 再掲 is listed under a task its original already serves"
);
rule!(
    ITEM_IMPLEMENTER_ORGANISATION_MISSING,
    "plan.item.implementer_organisation_missing",
    Error,
    "委託の場合は委託先の機関が必要です",
    "A consigned item needs the organisation it is consigned to"
);
rule!(
    ITEM_IMPLEMENTER_ORGANISATION_UNEXPECTED,
    "plan.item.implementer_organisation_unexpected",
    Warning,
    "県が実施する取組に委託先が書かれています",
    "An item run by the prefecture names an organisation it is consigned to"
);
rule!(
    SCHEDULE_DUPLICATE_QUARTER,
    "plan.schedule.duplicate_quarter",
    Error,
    "同じ四半期が二度書かれています",
    "The same quarter appears twice in the schedule"
);
rule!(
    SCHEDULE_EMPTY_ENTRY,
    "plan.schedule.empty_entry",
    Warning,
    "四半期に段階も補足もありません",
    "The quarter has neither phases nor a note"
);
rule!(
    SCHEDULE_OTHER_EMPTY,
    "plan.schedule.other_empty",
    Error,
    "「その他」の段階に内容がありません",
    "An `other` phase has no wording"
);
rule!(
    SCHEDULE_PHASE_REGRESSION,
    "plan.schedule.phase_regression",
    Warning,
    "第{from}四半期に実施の後、第{to}四半期で検討・企画に戻っています（理由を補足に書いてください）",
    "Goes back from implementation in Q{from} to design in Q{to} (give the reason in the note)"
);
rule!(
    PAST_EMPTY_TEXT,
    "plan.past_initiative.empty_text",
    Error,
    "これまでの取組の内容が空です",
    "A past initiative's text is empty"
);
rule!(
    PAST_TASK_OUT_OF_RANGE,
    "plan.past_initiative.task_out_of_range",
    Error,
    "タスク{task}はありません（タスク番号は 1〜6 です）",
    "There is no task {task} (task numbers are 1–6)"
);
rule!(
    TASK_UNCOVERED,
    "plan.task.uncovered",
    Warning,
    "どの取組もタスク{task}を扱っていません",
    "No item serves task {task}"
);

rule!(
    NO_FISCAL_YEAR,
    "plan.progress.no_fiscal_year",
    Error,
    "進捗を計算するには計画の年度が必要です",
    "Progress needs the plan's fiscal year"
);
rule!(
    UNKNOWN_ITEM,
    "plan.progress.unknown_item",
    Error,
    "計画にない取組（[タスク{task}の]取組番号 {no}）の状況です",
    "Status for an item the plan does not have ([task {task}, ]number {no})"
);
rule!(
    UNSCHEDULED_QUARTER,
    "plan.progress.unscheduled_quarter",
    Warning,
    "この取組はこの四半期に予定がありません",
    "The item has nothing scheduled in this quarter"
);
rule!(
    DUPLICATE_STATUS,
    "plan.progress.duplicate_status",
    Error,
    "同じ取組・四半期の状況が二度あります",
    "Two statuses for the same item and quarter"
);
rule!(
    AS_OF_OUTSIDE_YEAR,
    "plan.progress.as_of_outside_year",
    Info,
    "基準日が {date_fy} 年度で、計画の年度（{fy} 年度）の外です",
    "The reference date is in FY{date_fy}, outside the plan's fiscal year (FY{fy})"
);

/// Every rule of this module.
pub const RULES: &[&Rule] = &[
    &REGION_EMPTY,
    &FISCAL_YEAR_IMPLAUSIBLE,
    &FISCAL_YEAR_MISSING_FOR_SCHEDULE,
    &FISCAL_YEAR_LABEL_MISMATCH,
    &FISCAL_YEAR_LABEL_UNREADABLE,
    &ISSUE_GROUP_DUPLICATE,
    &ISSUE_GROUP_EMPTY_TITLE,
    &ISSUE_GROUP_UNUSED,
    &ORGANISATION_EMPTY_ID,
    &ORGANISATION_DUPLICATE_ID,
    &ORGANISATION_EMPTY_NAME,
    &ORGANISATION_DUPLICATE_NAME,
    &ORGANISATION_UNUSED,
    &ITEMS_EMPTY,
    &ITEM_NO_TASK,
    &ITEM_TASK_OUT_OF_RANGE,
    &ITEM_DUPLICATE_TASK,
    &ITEM_NO_LEAD,
    &ITEM_UNKNOWN_ORGANISATION,
    &ITEM_DUPLICATE_ORGANISATION,
    &ITEM_LEAD_NOT_MEMBER,
    &ITEM_MEMBERSHIP_NOT_MENTIONED,
    &ITEM_MEMBERSHIP_DUPLICATE,
    &ITEM_DUPLICATE_NUMBER,
    &ITEM_NUMBER_ZERO,
    &ITEMS_NUMBERING_GAP,
    &ITEM_EMPTY_TITLE,
    &ITEM_DUPLICATE_TITLE,
    &ITEM_EMPTY_CONTENT_LINE,
    &ITEM_UNKNOWN_ISSUE_GROUP,
    &ITEM_REPEAT_UNKNOWN,
    &ITEM_REPEAT_OF_REPEAT,
    &ITEM_REPEAT_SELF,
    &ITEM_REPEAT_TASK_MISSING,
    &ITEM_REPEAT_SAME_TASK,
    &ITEM_IMPLEMENTER_ORGANISATION_MISSING,
    &ITEM_IMPLEMENTER_ORGANISATION_UNEXPECTED,
    &SCHEDULE_DUPLICATE_QUARTER,
    &SCHEDULE_EMPTY_ENTRY,
    &SCHEDULE_OTHER_EMPTY,
    &SCHEDULE_PHASE_REGRESSION,
    &PAST_EMPTY_TEXT,
    &PAST_TASK_OUT_OF_RANGE,
    &TASK_UNCOVERED,
    &NO_FISCAL_YEAR,
    &UNKNOWN_ITEM,
    &UNSCHEDULED_QUARTER,
    &DUPLICATE_STATUS,
    &AS_OF_OUTSIDE_YEAR,
];

/// Plausible fiscal years (the hub program dates from the 2010s).
pub const PLAUSIBLE_FISCAL_YEARS: std::ops::RangeInclusive<i32> = 2000..=2099;

fn blank(s: &str) -> bool {
    s.trim().is_empty()
}

/// Checks a plan against every rule of this module; findings in a fixed order.
pub fn validate(plan: &Plan) -> Vec<Finding> {
    validate_at(plan, &Path::root())
}

/// [`validate`] with every path under `base` (for a plan inside an envelope).
pub fn validate_at(plan: &Plan, base: &Path) -> Vec<Finding> {
    let mut out = Vec::new();
    let index = PlanIndex::new(plan);
    plan_fields(plan, base, &mut out);
    issue_groups(plan, base, &mut out);
    organisations(plan, base, &mut out);
    let items = base.key("items");
    if plan.items.is_empty() {
        out.push(ITEMS_EMPTY.at(&items));
    }
    let mut seen_numbers: BTreeMap<ItemRef, usize> = BTreeMap::new();
    let mut seen_titles: BTreeMap<&str, usize> = BTreeMap::new();
    for (i, item) in plan.items.iter().enumerate() {
        let at = items.index(i);
        item_checks(plan, &index, i, item, &at, &mut out);
        let key = plan.key_of(item);
        if key.task.is_some() || plan.numbering == Numbering::Plan {
            match seen_numbers.get(&key) {
                Some(first) => out.push(
                    ITEM_DUPLICATE_NUMBER
                        .at(at.key("no"))
                        .with("first", first.saturating_add(1)),
                ),
                None => {
                    seen_numbers.insert(key, i);
                }
            }
        }
        let title = item.title.trim();
        if !title.is_empty() && item.repeats.is_none() {
            match seen_titles.get(title) {
                Some(first) => out.push(
                    ITEM_DUPLICATE_TITLE
                        .at(at.key("title"))
                        .with("first", first.saturating_add(1)),
                ),
                None => {
                    seen_titles.insert(title, i);
                }
            }
        }
        schedule_checks(item, &at, &mut out);
    }
    numbering_gaps(plan, &items, &mut out);
    let past = base.key("past_initiatives");
    for (k, p) in plan.past_initiatives.iter().enumerate() {
        if blank(&p.text) {
            out.push(PAST_EMPTY_TEXT.at(past.index(k).key("text")));
        }
        if let Some(t) = p.task
            && !t.is_valid()
        {
            out.push(
                PAST_TASK_OUT_OF_RANGE
                    .at(past.index(k).key("task"))
                    .with("task", t.0),
            );
        }
    }
    let covered: BTreeSet<u8> = plan
        .items
        .iter()
        .flat_map(|i| i.tasks.iter().map(|t| t.0))
        .collect();
    for t in 1..=6u8 {
        if !covered.contains(&t) {
            out.push(TASK_UNCOVERED.at(&items).with("task", t));
        }
    }
    out
}

fn plan_fields(plan: &Plan, base: &Path, out: &mut Vec<Finding>) {
    if blank(&plan.region) {
        out.push(REGION_EMPTY.at(base.key("region")));
    }
    if let Some(fy) = plan.fiscal_year {
        if !PLAUSIBLE_FISCAL_YEARS.contains(&fy) {
            out.push(
                FISCAL_YEAR_IMPLAUSIBLE
                    .at(base.key("fiscal_year"))
                    .with("fy", fy),
            );
        }
    } else if plan.items.iter().any(|i| !i.schedule.is_empty()) {
        out.push(FISCAL_YEAR_MISSING_FOR_SCHEDULE.at(base.key("fiscal_year")));
    }
    if let Some(label) = &plan.fiscal_year_label {
        let at = base.key("fiscal_year_label");
        match wareki::parse(label) {
            Ok(wareki::Parsed::FiscalYear(read)) => {
                if let Some(fy) = plan.fiscal_year
                    && fy != read
                {
                    out.push(
                        FISCAL_YEAR_LABEL_MISMATCH
                            .at(at)
                            .with("written", read)
                            .with("fy", fy),
                    );
                }
            }
            _ => out.push(FISCAL_YEAR_LABEL_UNREADABLE.at(at)),
        }
    }
}

fn issue_groups(plan: &Plan, base: &Path, out: &mut Vec<Finding>) {
    let groups = base.key("issue_groups");
    let mut seen: BTreeSet<u32> = BTreeSet::new();
    let used: BTreeSet<u32> = plan.items.iter().filter_map(|i| i.issue_group).collect();
    for (g, group) in plan.issue_groups.iter().enumerate() {
        let at = groups.index(g);
        if !seen.insert(group.no) {
            out.push(ISSUE_GROUP_DUPLICATE.at(at.key("no")).with("no", group.no));
        }
        if blank(&group.title) {
            out.push(ISSUE_GROUP_EMPTY_TITLE.at(at.key("title")));
        }
        if !used.contains(&group.no) {
            out.push(ISSUE_GROUP_UNUSED.at(at));
        }
    }
}

fn organisations(plan: &Plan, base: &Path, out: &mut Vec<Finding>) {
    let orgs = base.key("organisations");
    let mut ids: BTreeSet<&str> = BTreeSet::new();
    let mut names: BTreeSet<&str> = BTreeSet::new();
    let mut used: BTreeSet<&str> = BTreeSet::new();
    for i in &plan.items {
        for id in i.proposing.iter().chain(&i.lead).chain(&i.cooperating) {
            used.insert(id.as_str());
        }
        if let Some(id) = i.implementer.as_ref().and_then(|m| m.organisation.as_ref()) {
            used.insert(id.as_str());
        }
    }
    for (k, org) in plan.organisations.iter().enumerate() {
        let at = orgs.index(k);
        if blank(&org.id) {
            out.push(ORGANISATION_EMPTY_ID.at(at.key("id")));
        } else if !ids.insert(org.id.as_str()) {
            out.push(ORGANISATION_DUPLICATE_ID.at(at.key("id")));
        }
        if blank(&org.name) {
            out.push(ORGANISATION_EMPTY_NAME.at(at.key("name")));
        } else if !names.insert(org.name.trim()) {
            out.push(ORGANISATION_DUPLICATE_NAME.at(at.key("name")));
        }
        if !used.contains(org.id.as_str()) && !blank(&org.id) {
            out.push(ORGANISATION_UNUSED.at(at));
        }
    }
}

fn item_checks(
    plan: &Plan,
    ix: &PlanIndex<'_>,
    index: usize,
    item: &Item,
    at: &Path,
    out: &mut Vec<Finding>,
) {
    if item.no == 0 {
        out.push(ITEM_NUMBER_ZERO.at(at.key("no")));
    }
    // Tasks.
    let tasks = at.key("tasks");
    if item.tasks.is_empty() {
        out.push(ITEM_NO_TASK.at(&tasks));
    }
    let mut seen_tasks = [false; 7];
    for (j, t) in item.tasks.iter().enumerate() {
        match seen_tasks.get_mut(usize::from(t.0)) {
            Some(seen) if t.is_valid() => {
                if *seen {
                    out.push(ITEM_DUPLICATE_TASK.at(tasks.index(j)));
                }
                *seen = true;
            }
            _ => out.push(ITEM_TASK_OUT_OF_RANGE.at(tasks.index(j)).with("task", t.0)),
        }
    }
    // Title and content.
    if blank(&item.title) {
        out.push(ITEM_EMPTY_TITLE.at(at.key("title")));
    }
    for (j, line) in item.content.iter().enumerate() {
        if blank(line) {
            out.push(ITEM_EMPTY_CONTENT_LINE.at(at.key("content").index(j)));
        }
    }
    // Issue group.
    if let Some(g) = item.issue_group
        && !plan.issue_groups.iter().any(|ig| ig.no == g)
    {
        out.push(
            ITEM_UNKNOWN_ISSUE_GROUP
                .at(at.key("issue_group"))
                .with("no", g),
        );
    }
    // Organisations.
    for (field, list) in [
        ("proposing", &item.proposing),
        ("lead", &item.lead),
        ("cooperating", &item.cooperating),
    ] {
        let lp = at.key(field);
        let mut seen: BTreeSet<&str> = BTreeSet::new();
        for (j, id) in list.iter().enumerate() {
            match ix.organisation(id) {
                None => out.push(ITEM_UNKNOWN_ORGANISATION.at(lp.index(j))),
                Some(org) => {
                    if !seen.insert(id.as_str()) {
                        out.push(ITEM_DUPLICATE_ORGANISATION.at(lp.index(j)));
                    } else if field == "lead"
                        && !item.member_in(OrganisationList::Lead, id, org.member)
                    {
                        out.push(ITEM_LEAD_NOT_MEMBER.at(lp.index(j)));
                    }
                }
            }
        }
    }
    // Membership per mention.
    let mp = at.key("membership");
    for (j, m) in item.membership.iter().enumerate() {
        if !item.list(m.list).contains(&m.organisation) {
            out.push(
                ITEM_MEMBERSHIP_NOT_MENTIONED
                    .at(mp.index(j).key("organisation"))
                    .with(
                        "list",
                        Label {
                            code: "",
                            ja: m.list.label_ja(),
                            en: m.list.label_en(),
                        },
                    ),
            );
        } else if item
            .membership
            .iter()
            .take(j)
            .any(|o| o.list == m.list && o.organisation == m.organisation)
        {
            out.push(ITEM_MEMBERSHIP_DUPLICATE.at(mp.index(j)));
        }
    }
    if let Some(imp) = &item.implementer {
        let ip = at.key("implementer");
        match (imp.by, &imp.organisation) {
            (ImplementerKind::Consigned, None) => {
                out.push(ITEM_IMPLEMENTER_ORGANISATION_MISSING.at(ip.key("organisation")));
            }
            (ImplementerKind::Prefecture, Some(_)) => {
                out.push(ITEM_IMPLEMENTER_ORGANISATION_UNEXPECTED.at(ip.key("organisation")));
            }
            _ => {}
        }
        if let Some(id) = &imp.organisation
            && ix.organisation(id).is_none()
        {
            out.push(ITEM_UNKNOWN_ORGANISATION.at(ip.key("organisation")));
        }
    }
    if item.lead.is_empty() && item.implementer.is_none() && item.repeats.is_none() {
        out.push(ITEM_NO_LEAD.at(at.key("lead")));
    }
    // 再掲.
    if let Some(r) = &item.repeats {
        let rp = at.key("repeats");
        if plan.numbering == Numbering::PerTask && r.task.is_none() {
            out.push(ITEM_REPEAT_TASK_MISSING.at(rp.key("task")));
        } else {
            match ix.resolve(r) {
                None => out.push(r.args_of(ITEM_REPEAT_UNKNOWN.at(&rp))),
                Some(t) if t == index => out.push(ITEM_REPEAT_SELF.at(&rp)),
                Some(t) => {
                    if let Some(target) = plan.items.get(t) {
                        if target.repeats.is_some() {
                            out.push(
                                ITEM_REPEAT_OF_REPEAT
                                    .at(&rp)
                                    .with("target", t.saturating_add(1)),
                            );
                        } else if item.tasks.iter().any(|x| target.tasks.contains(x)) {
                            out.push(ITEM_REPEAT_SAME_TASK.at(at.key("tasks")));
                        }
                    }
                }
            }
        }
    }
}

fn schedule_checks(item: &Item, at: &Path, out: &mut Vec<Finding>) {
    let sp = at.key("schedule");
    let mut quarters = [false; 4];
    // Entries in quarter order, keeping their index in the document.
    let mut order: Vec<(usize, usize)> = Vec::new();
    for (k, entry) in item.schedule.iter().enumerate() {
        let q = entry.quarter.index();
        let ep = sp.index(k);
        match quarters.get_mut(q) {
            Some(seen) if *seen => out.push(SCHEDULE_DUPLICATE_QUARTER.at(ep.key("quarter"))),
            Some(seen) => *seen = true,
            None => {}
        }
        order.push((q, k));
        if entry.phases.is_empty() && entry.note.as_deref().is_none_or(blank) {
            out.push(SCHEDULE_EMPTY_ENTRY.at(&ep));
        }
        for (p, phase) in entry.phases.iter().enumerate() {
            if let super::Phase::Other(text) = phase
                && blank(text)
            {
                out.push(SCHEDULE_OTHER_EMPTY.at(ep.key("phases").index(p)));
            }
        }
    }
    order.sort_unstable();
    let mut implemented_before: Option<usize> = None;
    let mut current_quarter: Option<usize> = None;
    let mut implemented_this_quarter = false;
    for &(q, k) in &order {
        if current_quarter != Some(q) {
            if implemented_this_quarter {
                implemented_before = current_quarter;
            }
            current_quarter = Some(q);
            implemented_this_quarter = false;
        }
        let Some(entry) = item.schedule.get(k) else {
            continue;
        };
        let has_reason = entry.note.as_deref().is_some_and(|n| !blank(n));
        if implemented_before.is_some()
            && !has_reason
            && let Some(p) = entry.phases.iter().position(|ph| ph.kind().is_design())
        {
            let from = implemented_before.unwrap_or(0) + 1;
            out.push(
                SCHEDULE_PHASE_REGRESSION
                    .at(sp.index(k).key("phases").index(p))
                    .with("from", from)
                    .with("to", q.saturating_add(1)),
            );
        }
        if entry
            .phases
            .iter()
            .any(|ph| ph.kind() == PhaseKind::Rollout)
        {
            implemented_this_quarter = true;
        }
    }
}

fn numbering_gaps(plan: &Plan, items: &Path, out: &mut Vec<Finding>) {
    // Scope → numbers with the index of their first item.
    let mut scopes: BTreeMap<Option<u8>, BTreeMap<u32, usize>> = BTreeMap::new();
    for (i, item) in plan.items.iter().enumerate() {
        let scope = match plan.numbering {
            Numbering::Plan => None,
            Numbering::PerTask => match item.tasks.first() {
                Some(t) => Some(t.0),
                None => continue,
            },
        };
        scopes.entry(scope).or_default().entry(item.no).or_insert(i);
    }
    for (scope, numbers) in &scopes {
        let mut expected: u32 = 1;
        for (&no, &i) in numbers {
            if no > expected {
                let last = no - 1;
                let mut f = ITEMS_NUMBERING_GAP
                    .at(items.index(i).key("no"))
                    .with("from", expected);
                if last != expected {
                    f = f.with("to", last);
                }
                if let Some(t) = scope {
                    f = f.with("task", *t);
                }
                out.push(f);
            }
            expected = no.saturating_add(1);
        }
    }
}
