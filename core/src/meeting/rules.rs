//! `meeting.*` の検証規則 / The rules of one meeting record.
//!
//! Messages never echo a statement's text, a name or any other text of the record: only
//! dates, counts, item numbers and the library's own words.
//!
//! | code | severity | when |
//! |---|---|---|
//! | `meeting.date_text.mismatch` | error | the date as written reads to another day than `date` |
//! | `meeting.time.invalid` | error | a time not written `HH:MM` (00:00–23:59) |
//! | `meeting.time.end_before_start` | error | the end time is before the start time |
//! | `meeting.time_text.mismatch` | warning | the time as written (19：00～21：00) is not the start and end time |
//! | `meeting.organisation.duplicate_id` | error | two organisations with one id |
//! | `meeting.statement.empty` | error | a statement with no text |
//! | `meeting.statement.unknown_organisation` | error | a statement by an organisation the record does not list |
//! | `meeting.statement.duplicate` | warning | the same organisation's same statement twice |
//! | `meeting.statement.speaker_not_listed` | warning | a speaker missing from the attendee list that is given |
//! | `meeting.attendee.unknown_organisation` | error | an attendee the record's organisations do not list |
//! | `meeting.decision.no_responsible` | error | a decision with no one responsible |
//! | `meeting.decision.unknown_responsible` | error | a responsible id the record does not list |
//! | `meeting.decision.due_before_meeting` | error | a decision due before the meeting |
//! | `meeting.decision.done_before_meeting` | error | a decision done before the meeting |
//! | `meeting.next_meeting.before_this_one` | error | the next meeting is before this one |
//! | `meeting.next_meeting.text_mismatch` | error | the next meeting as written reads to another date or month |
//! | `meeting.next_meeting.date_and_month` | error | both a date and a month for the next meeting |
//! | `meeting.next_meeting.undated` | warning | a next meeting with neither a date nor a month |
//! | `meeting.plan.missing` | warning | item numbers, but no plan reference saying whose plan they belong to |
//! | `meeting.care_conference.missing` | error | a care conference without its particulars |
//! | `meeting.care_conference.unexpected` | error | care-conference particulars on another kind of meeting |
//! | `meeting.care_conference.invalid_child_id` | error | a child id not shaped like an id |
//! | `meeting.care_conference.no_family` | error | no family among the participants |
//! | `meeting.care_conference.no_coordinator` | error | no one named to coordinate |
//! | `meeting.care_conference.unknown_participant` | error | a coordinator or provider the participants do not list |
//! | `meeting.care_conference.duplicate_participant` | error | two participants with one id |
//! | `meeting.care_conference.no_role` | warning | a care-team participant without a care-team role |
//! | `meeting.care_conference.review_before_meeting` | error | a review date before the conference |
//!
//! The dates as written (`date_text`, `next_meeting.text`) are read with
//! [`crate::calendar::wareki::parse`]; a text it cannot read gets its `calendar.wareki.*`
//! finding.

use super::{Meeting, MeetingKind, ParticipantKind};
use crate::calendar::wareki::{self, Parsed};
use crate::calendar::{IsoDate, Quarter};
use crate::finding::{Finding, Path, Rule};
use crate::index::TextIndex;
use crate::ops::Computed;
use crate::plan::ItemRef;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};

use crate::rule;

rule!(
    DATE_TEXT_MISMATCH,
    "meeting.date_text.mismatch",
    Error,
    "記録どおりの開催日が開催日（西暦）と合いません[（{read} と読めます、開催日は {date}）]",
    "The date as written does not read to the meeting's date[ (it reads as {read}, the meeting's date is {date})]"
);
rule!(
    TIME_INVALID,
    "meeting.time.invalid",
    Error,
    "時刻は HH:MM（00:00〜23:59）で書いてください",
    "Write a time as HH:MM (00:00 to 23:59)"
);
rule!(
    TIME_END_BEFORE_START,
    "meeting.time.end_before_start",
    Error,
    "終了時刻が開始時刻より前です",
    "The end time is before the start time"
);
rule!(
    TIME_TEXT_MISMATCH,
    "meeting.time_text.mismatch",
    Warning,
    "記録どおりの時刻が開始・終了時刻と合いません",
    "The time as written does not match the start and end times"
);
rule!(
    ORGANISATION_DUPLICATE_ID,
    "meeting.organisation.duplicate_id",
    Error,
    "同じIDの機関が2つあります",
    "Two organisations have the same id"
);
rule!(
    STATEMENT_EMPTY,
    "meeting.statement.empty",
    Error,
    "発言内容が空です",
    "A statement has no text"
);
rule!(
    STATEMENT_UNKNOWN_ORGANISATION,
    "meeting.statement.unknown_organisation",
    Error,
    "発言した機関が記録の機関一覧にありません",
    "The organisation that spoke is not in the record's list of organisations"
);
rule!(
    STATEMENT_DUPLICATE,
    "meeting.statement.duplicate",
    Warning,
    "同じ機関の同じ発言が重複しています",
    "The same statement by the same organisation appears twice"
);
rule!(
    SPEAKER_NOT_LISTED,
    "meeting.statement.speaker_not_listed",
    Warning,
    "発言した機関が出席者名簿にありません",
    "The organisation that spoke is missing from the attendee list"
);
rule!(
    ATTENDEE_UNKNOWN,
    "meeting.attendee.unknown_organisation",
    Error,
    "出席者の機関が記録の機関一覧にありません",
    "An attendee's organisation is not in the record's list of organisations"
);
rule!(
    DECISION_NO_RESPONSIBLE,
    "meeting.decision.no_responsible",
    Error,
    "決定事項に担当がいません",
    "A decision has no one responsible"
);
rule!(
    DECISION_UNKNOWN_RESPONSIBLE,
    "meeting.decision.unknown_responsible",
    Error,
    "決定事項の担当が記録の機関・参加者にありません",
    "A decision's responsible party is not among the record's organisations or participants"
);
rule!(
    DECISION_DUE_BEFORE_MEETING,
    "meeting.decision.due_before_meeting",
    Error,
    "決定事項の期限（{due}）が会議の日（{date}）より前です",
    "A decision is due ({due}) before the meeting was held ({date})"
);
rule!(
    DECISION_DONE_BEFORE_MEETING,
    "meeting.decision.done_before_meeting",
    Error,
    "決定事項の完了日（{done}）が会議の日（{date}）より前です",
    "A decision is marked done ({done}) before the meeting was held ({date})"
);
rule!(
    NEXT_BEFORE_THIS,
    "meeting.next_meeting.before_this_one",
    Error,
    "次回開催予定が今回の会議より前です（次回 [{next}][{year}年{month}月頃]、今回 {date}）",
    "The next meeting is before this one (next [{next}][around {month}/{year}], this one {date})"
);
rule!(
    NEXT_TEXT_MISMATCH,
    "meeting.next_meeting.text_mismatch",
    Error,
    "記録どおりの次回開催予定が日付・年月と合いません",
    "The next meeting as written does not read to its date or month"
);
rule!(
    NEXT_DATE_AND_MONTH,
    "meeting.next_meeting.date_and_month",
    Error,
    "次回開催予定には日付か年月（頃）のどちらか一方を書いてください",
    "Give the next meeting either a date or an approximate month, not both"
);
rule!(
    NEXT_UNDATED,
    "meeting.next_meeting.undated",
    Warning,
    "次回開催予定に日付も年月もありません",
    "The next meeting has neither a date nor a month"
);
rule!(
    PLAN_MISSING,
    "meeting.plan.missing",
    Warning,
    "取組番号がありますが、どの計画の番号かが書かれていません",
    "Item numbers are given, but not whose plan they belong to"
);
rule!(
    CARE_CONFERENCE_MISSING,
    "meeting.care_conference.missing",
    Error,
    "ケア会議の内容（対象児・参加者など）がありません",
    "A care conference without its particulars (child, participants)"
);
rule!(
    CARE_CONFERENCE_UNEXPECTED,
    "meeting.care_conference.unexpected",
    Error,
    "ケア会議ではない会議にケア会議の内容があります",
    "Care-conference particulars on a meeting that is not a care conference"
);
rule!(
    INVALID_CHILD_ID,
    "meeting.care_conference.invalid_child_id",
    Error,
    "対象児のIDは英数字で始まり、英数字・.・_・-・: の64文字以内です（氏名や生年月日は使えません）",
    "A child id starts with a letter or digit and has at most 64 letters, digits, '.', '_', '-' or ':' (no name or birth date)"
);
rule!(
    NO_FAMILY,
    "meeting.care_conference.no_family",
    Error,
    "ケア会議の参加者に家族がいません",
    "No family member among the care conference's participants"
);
rule!(
    NO_COORDINATOR,
    "meeting.care_conference.no_coordinator",
    Error,
    "ケア会議で調整役が決まっていません",
    "No one is named to coordinate"
);
rule!(
    UNKNOWN_PARTICIPANT,
    "meeting.care_conference.unknown_participant",
    Error,
    "参加者一覧にないIDです",
    "An id that is not among the participants"
);
rule!(
    DUPLICATE_PARTICIPANT,
    "meeting.care_conference.duplicate_participant",
    Error,
    "同じIDの参加者が2人います",
    "Two participants have the same id"
);
rule!(
    NO_ROLE,
    "meeting.care_conference.no_role",
    Warning,
    "支援チームの参加者に役割がありません",
    "A care-team participant has no care-team role"
);
rule!(
    REVIEW_BEFORE_MEETING,
    "meeting.care_conference.review_before_meeting",
    Error,
    "見直し予定日（{review_on}）が会議の日（{date}）より前です",
    "The review date ({review_on}) is before the conference ({date})"
);

/// Every rule of a single meeting record.
pub const RULES: &[&Rule] = &[
    &DATE_TEXT_MISMATCH,
    &TIME_INVALID,
    &TIME_END_BEFORE_START,
    &TIME_TEXT_MISMATCH,
    &ORGANISATION_DUPLICATE_ID,
    &STATEMENT_EMPTY,
    &STATEMENT_UNKNOWN_ORGANISATION,
    &STATEMENT_DUPLICATE,
    &SPEAKER_NOT_LISTED,
    &ATTENDEE_UNKNOWN,
    &DECISION_NO_RESPONSIBLE,
    &DECISION_UNKNOWN_RESPONSIBLE,
    &DECISION_DUE_BEFORE_MEETING,
    &DECISION_DONE_BEFORE_MEETING,
    &NEXT_BEFORE_THIS,
    &NEXT_TEXT_MISMATCH,
    &NEXT_DATE_AND_MONTH,
    &NEXT_UNDATED,
    &PLAN_MISSING,
    &CARE_CONFERENCE_MISSING,
    &CARE_CONFERENCE_UNEXPECTED,
    &INVALID_CHILD_ID,
    &NO_FAMILY,
    &NO_COORDINATOR,
    &UNKNOWN_PARTICIPANT,
    &DUPLICATE_PARTICIPANT,
    &NO_ROLE,
    &REVIEW_BEFORE_MEETING,
    &super::views::PLAN_UNKNOWN_ITEM,
    &super::views::PLAN_UNKNOWN_ORGANISATION,
    &super::views::PLAN_OTHER,
    &super::views::AFTER_AS_OF,
    &super::views::REVIEW_OVERDUE,
    &super::views::ASSIGNMENT_OVERDUE,
];

/// Minutes since midnight of a time written `HH:MM`.
pub fn parse_time(s: &str) -> Option<u32> {
    let b = s.as_bytes();
    if b.len() != 5 || b.get(2) != Some(&b':') {
        return None;
    }
    let part = |r: std::ops::Range<usize>| {
        s.get(r)
            .filter(|p| p.bytes().all(|c| c.is_ascii_digit()))
            .and_then(|p| p.parse::<u32>().ok())
    };
    let (h, m) = (part(0..2)?, part(3..5)?);
    (h <= 23 && m <= 59).then_some(h * 60 + m)
}

/// The start and (if written) end of a time as a record writes it (`19：00～21：00`,
/// `9:30-11:00`, `19時00分～21時`), in minutes since midnight.
pub fn parse_time_text(s: &str) -> Option<(u32, Option<u32>)> {
    let mut norm = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_whitespace() {
            continue;
        }
        let c = match c {
            '０'..='９' => char::from_u32(u32::from(c) - 0xFEE0).unwrap_or(c),
            '：' | '時' => ':',
            '～' | '〜' | '~' | '－' | '-' | 'ー' => '~',
            c => c,
        };
        if c != '分' {
            norm.push(c);
        }
    }
    let one = |t: &str| -> Option<u32> {
        let (h, m) = t.split_once(':')?;
        let m = if m.is_empty() { "00" } else { m };
        if h.is_empty() || h.len() > 2 || m.len() != 2 {
            return None;
        }
        parse_time(&format!("{h:0>2}:{m}"))
    };
    match norm.split_once('~') {
        Some((a, b)) => Some((one(a)?, Some(one(b)?))),
        None => Some((one(&norm)?, None)),
    }
}

fn blank(s: &str) -> bool {
    s.trim().is_empty()
}

/// Every finding of one record, with paths under `base`.
pub fn validate(m: &Meeting, base: &Path) -> Vec<Finding> {
    let mut f = Vec::new();
    if let Some(text) = &m.date_text {
        let at = base.key("date_text");
        match wareki::parse(text) {
            Ok(Parsed::Date(d)) if d == m.date => {}
            Ok(Parsed::Date(d)) => f.push(
                DATE_TEXT_MISMATCH
                    .at(at)
                    .with("read", d)
                    .with("date", m.date),
            ),
            Ok(_) => f.push(DATE_TEXT_MISMATCH.at(at)),
            Err(e) => f.push(e.finding(at)),
        }
    }
    let start = time_at(m.start_time.as_deref(), base.key("start_time"), &mut f);
    let end = time_at(m.end_time.as_deref(), base.key("end_time"), &mut f);
    if let (Some(s), Some(e)) = (start, end)
        && e < s
    {
        f.push(TIME_END_BEFORE_START.at(base.key("end_time")));
    }
    if let Some(text) = &m.time_text {
        let agrees = parse_time_text(text).is_some_and(|(s, e)| {
            start.is_none_or(|x| x == s) && end.is_none_or(|x| e.is_none_or(|e| e == x))
        });
        if !agrees {
            f.push(TIME_TEXT_MISMATCH.at(base.key("time_text")));
        }
    }

    // Known ids: the record's organisations and, for care conferences, its participants.
    let mut orgs = TextIndex::new();
    for (j, o) in m.organisations.iter().enumerate() {
        if !orgs.insert(o.id.as_str()) {
            f.push(ORGANISATION_DUPLICATE_ID.at(base.key("organisations").index(j).key("id")));
        }
    }
    let mut participants = TextIndex::new();
    if let Some(cc) = &m.care_conference {
        for (j, p) in cc.participants.iter().enumerate() {
            if !participants.insert(p.id.as_str()) {
                f.push(
                    DUPLICATE_PARTICIPANT.at(base
                        .key("care_conference")
                        .key("participants")
                        .index(j)
                        .key("id")),
                );
            }
        }
    }
    let known = |id: &str| orgs.contains(id) || participants.contains(id);

    if let Some(list) = &m.attendees {
        for (j, a) in list.iter().enumerate() {
            if !known(a.organisation.as_str()) {
                f.push(ATTENDEE_UNKNOWN.at(base.key("attendees").index(j).key("organisation")));
            }
        }
    }
    let attending: Option<TextIndex<'_>> = m.attendees.as_ref().map(|l| {
        let mut set = TextIndex::new();
        for a in l {
            set.insert(a.organisation.as_str());
        }
        set
    });

    // A statement's organisation and its text without spaces, as one key (the
    // organisation's length first, so that no two pairs share a key).
    let mut seen = TextIndex::new();
    let mut uses_items = false;
    for (k, s) in m.statements.iter().enumerate() {
        let at = base.key("statements").index(k);
        uses_items |= !s.items.is_empty();
        if blank(&s.text) {
            f.push(STATEMENT_EMPTY.at(at.key("text")));
        }
        if !known(s.organisation.as_str()) {
            f.push(STATEMENT_UNKNOWN_ORGANISATION.at(at.key("organisation")));
        } else if attending
            .as_ref()
            .is_some_and(|a| !a.contains(s.organisation.as_str()))
        {
            f.push(SPEAKER_NOT_LISTED.at(at.key("organisation")));
        }
        let mut squeezed = String::with_capacity(s.text.len());
        for c in s.text.chars() {
            if !c.is_whitespace() {
                squeezed.push(c);
            }
        }
        if !squeezed.is_empty()
            && seen
                .first(
                    Cow::Owned(format!(
                        "{}:{}{squeezed}",
                        s.organisation.len(),
                        s.organisation
                    )),
                    0,
                )
                .is_some()
        {
            f.push(STATEMENT_DUPLICATE.at(&at));
        }
    }
    for (k, d) in m.decisions.iter().enumerate() {
        let at = base.key("decisions").index(k);
        uses_items |= !d.items.is_empty();
        if d.responsible.iter().all(|r| blank(r)) {
            f.push(DECISION_NO_RESPONSIBLE.at(at.key("responsible")));
        }
        for (r, id) in d.responsible.iter().enumerate() {
            if !blank(id) && !known(id.as_str()) {
                f.push(DECISION_UNKNOWN_RESPONSIBLE.at(at.key("responsible").index(r)));
            }
        }
        if let Some(due) = d.due.filter(|due| *due < m.date) {
            f.push(
                DECISION_DUE_BEFORE_MEETING
                    .at(at.key("due"))
                    .with("due", due)
                    .with("date", m.date),
            );
        }
        if let Some(done) = d.done_on.filter(|x| *x < m.date) {
            f.push(
                DECISION_DONE_BEFORE_MEETING
                    .at(at.key("done_on"))
                    .with("done", done)
                    .with("date", m.date),
            );
        }
    }
    uses_items |= m.carried_over.iter().any(|c| !c.items.is_empty());
    if uses_items && m.plan.is_none() {
        f.push(PLAN_MISSING.at(base.key("plan")));
    }
    if let Some(next) = &m.next_meeting {
        check_next(m.date, next, &base.key("next_meeting"), &mut f);
    }
    check_care_conference(m, base, &participants, &mut f);
    f
}

fn time_at(t: Option<&str>, at: Path, f: &mut Vec<Finding>) -> Option<u32> {
    let t = t?;
    let parsed = parse_time(t);
    if parsed.is_none() {
        f.push(TIME_INVALID.at(at));
    }
    parsed
}

fn check_next(date: IsoDate, next: &super::NextMeeting, at: &Path, f: &mut Vec<Finding>) {
    match (next.date, next.month) {
        (Some(_), Some(_)) => f.push(NEXT_DATE_AND_MONTH.at(at)),
        (None, None) => f.push(NEXT_UNDATED.at(at)),
        (Some(d), None) if d < date => f.push(
            NEXT_BEFORE_THIS
                .at(at.key("date"))
                .with("next", d)
                .with("date", date),
        ),
        (None, Some(m)) if m.last_day().is_some_and(|l| l < date) => f.push(
            NEXT_BEFORE_THIS
                .at(at.key("month"))
                .with("year", m.year())
                .with("month", m.month())
                .with("date", date),
        ),
        _ => {}
    }
    if let Some(text) = &next.text {
        let tat = at.key("text");
        match wareki::parse(text) {
            Ok(Parsed::Date(d)) if next.date == Some(d) => {}
            Ok(Parsed::ApproxMonth(m)) if next.month == Some(m) => {}
            Ok(_) => f.push(NEXT_TEXT_MISMATCH.at(tat)),
            Err(e) => f.push(e.finding(tat)),
        }
    }
}

fn check_care_conference(
    m: &Meeting,
    base: &Path,
    participants: &TextIndex<'_>,
    f: &mut Vec<Finding>,
) {
    let at = base.key("care_conference");
    let cc = match (&m.care_conference, m.kind) {
        (None, MeetingKind::CareConference) => {
            f.push(CARE_CONFERENCE_MISSING.at(at));
            return;
        }
        (None, _) => return,
        (Some(_), MeetingKind::Council | MeetingKind::HubStaff) => {
            f.push(CARE_CONFERENCE_UNEXPECTED.at(at));
            return;
        }
        (Some(cc), MeetingKind::CareConference) => cc,
    };
    if !cc.child_id.is_well_formed() {
        f.push(INVALID_CHILD_ID.at(at.key("child_id")));
    }
    if !cc
        .participants
        .iter()
        .any(|p| p.kind == ParticipantKind::Family)
    {
        f.push(NO_FAMILY.at(at.key("participants")));
    }
    for (j, p) in cc.participants.iter().enumerate() {
        if p.kind == ParticipantKind::CareTeam && p.role.is_none() {
            f.push(NO_ROLE.at(at.key("participants").index(j)));
        }
    }
    match cc.coordinator.as_deref() {
        None => f.push(NO_COORDINATOR.at(at.key("coordinator"))),
        Some(c) if blank(c) => f.push(NO_COORDINATOR.at(at.key("coordinator"))),
        Some(c) if !participants.contains(c) => {
            f.push(UNKNOWN_PARTICIPANT.at(at.key("coordinator")))
        }
        Some(_) => {}
    }
    for (j, s) in cc.services.iter().enumerate() {
        if s.provider
            .as_deref()
            .is_some_and(|p| !participants.contains(p))
        {
            f.push(UNKNOWN_PARTICIPANT.at(at.key("services").index(j).key("provider")));
        }
    }
    if let Some(r) = cc.review_on.filter(|r| *r < m.date) {
        f.push(
            REVIEW_BEFORE_MEETING
                .at(at.key("review_on"))
                .with("review_on", r)
                .with("date", m.date),
        );
    }
}

/// 取組番号ごとの発言数 / Statements about one plan item.
#[derive(
    Debug, Clone, PartialEq, Eq, Serialize, Deserialize, crate::input::Recover, crate::emit::Emit,
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ItemCount {
    /// 取組 / The item (in the record's plan).
    pub item: ItemRef,
    /// 発言数 / Statements naming it.
    pub statements: u32,
}

/// 機関ごとの発言数 / Statements by one organisation.
#[derive(
    Debug, Clone, PartialEq, Eq, Serialize, Deserialize, crate::input::Recover, crate::emit::Emit,
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct OrganisationCount {
    /// 機関ID / The organisation's id in the record.
    pub organisation: String,
    /// 発言数 / Its statements.
    pub statements: u32,
}

/// 会議の要約 / Result of `meeting.validate`.
#[derive(
    Debug, Clone, PartialEq, Eq, Serialize, Deserialize, crate::input::Recover, crate::emit::Emit,
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct MeetingSummary {
    /// 種類 / Kind of meeting.
    pub kind: super::MeetingKind,
    /// 開催日 / Date held.
    pub date: IsoDate,
    /// 開催日（和暦） / Date held, in 和暦.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_wareki: Option<String>,
    /// 年度 / Fiscal year of the meeting.
    pub fiscal_year: i32,
    /// 四半期 / Fiscal quarter of the meeting.
    pub quarter: Quarter,
    /// 発言数 / Statements.
    pub statements: u32,
    /// 取組番号ごと（番号順） / Statements per item number, in number order.
    pub per_item: Vec<ItemCount>,
    /// 機関ごと（記録に初めて出る順） / Statements per organisation, in order of first statement.
    pub per_organisation: Vec<OrganisationCount>,
    /// 出席者名簿の有無 / True if the record lists attendees.
    pub attendees_listed: bool,
    /// 決定事項 / Decisions.
    pub decisions: u32,
    /// 未完了の決定事項 / Decisions not marked done.
    pub open_decisions: u32,
    /// 継続検討事項 / Matters carried over.
    pub carried_over: u32,
    /// 次回開催日 / The next meeting's date, if fixed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_date: Option<IsoDate>,
    /// 次回開催（年月、頃） / The next meeting's month, if approximate.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_month: Option<crate::calendar::ApproxMonth>,
}

/// The summary of one record.
pub fn summarise(m: &Meeting) -> MeetingSummary {
    let count = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
    let mut per_item: BTreeMap<ItemRef, u32> = BTreeMap::new();
    let mut per_org: Vec<OrganisationCount> = Vec::new();
    let mut org_index: BTreeMap<&str, usize> = BTreeMap::new();
    for s in &m.statements {
        // Inserted one by one: `collect` into a set sorts first (a copy of the sort code).
        let mut items: BTreeSet<ItemRef> = BTreeSet::new();
        for i in &s.items {
            items.insert(*i);
        }
        for i in items {
            let c = per_item.entry(i).or_insert(0);
            *c = c.saturating_add(1);
        }
        match org_index.get(s.organisation.as_str()) {
            Some(&k) => {
                if let Some(o) = per_org.get_mut(k) {
                    o.statements = o.statements.saturating_add(1);
                }
            }
            None => {
                org_index.insert(s.organisation.as_str(), per_org.len());
                per_org.push(OrganisationCount {
                    organisation: s.organisation.clone(),
                    statements: 1,
                });
            }
        }
    }
    MeetingSummary {
        kind: m.kind,
        date: m.date,
        date_wareki: wareki::format_date(m.date),
        fiscal_year: m.date.fiscal_year(),
        quarter: m.date.quarter(),
        statements: count(m.statements.len()),
        per_item: {
            let mut out = Vec::with_capacity(per_item.len());
            for (item, statements) in per_item {
                out.push(ItemCount { item, statements });
            }
            out
        },
        per_organisation: per_org,
        attendees_listed: m.attendees.is_some(),
        decisions: count(m.decisions.len()),
        open_decisions: count(m.decisions.iter().filter(|d| d.done_on.is_none()).count()),
        carried_over: count(m.carried_over.len()),
        next_date: m.next_meeting.as_ref().and_then(|n| n.date),
        next_month: m.next_meeting.as_ref().and_then(|n| n.month),
    }
}

/// `meeting.validate`.
pub fn validate_operation(m: Meeting) -> Computed<MeetingSummary> {
    let findings = validate(&m, &Path::root());
    Computed::new(findings, Some(summarise(&m)))
}
