//! 会議の記録 / Meeting records: the council's minutes (協議会・連絡会議) and a child's care
//! conferences (ケア会議), linked to plans and to the hub's staffing.
//!
//! The first activity of the program (厚生労働省「小児等在宅医療連携拠点事業について」,
//! 本事業の目的・概要 ①「行政、地域の医療・福祉関係者等による協議の場の開催」) is the
//! 協議の場: its minutes record the agenda, the opinions of each organisation on the items
//! of the region's plan, what was decided and carried over, and the next meeting. Its fifth
//! (⑤「小児等の患者・家族に対して個々のニーズに応じた支援」) works through care conferences. The example `schemas/examples/meeting.atsugi-2016-12-19.json`
//! transcribes the minutes of the second Atsugi liaison meeting whole. A care conference is
//! the meeting of the people around one child: it refers to the child by id only, lists the
//! participants by care-team role (the family included), the services agreed, who
//! coordinates and when the plan is reviewed.
//!
//! - [`Meeting`]: one record (`meeting.validate`, rules in [`rules`]).
//! - [`MeetingRecords`]: a year of records with, optionally, the plan their item numbers
//!   belong to and the summaries of the children the care conferences concern
//!   (`meetings.by_item`, `care_conferences.open`, in [`views`]). With a child's summary
//!   held, `care_conferences.open` checks the family's consent to its use at care
//!   conferences ([`crate::summary::consent_covers`]); a record alone holds only the id.
//! - [`views::plan_evidence`]: per plan item, the council meetings held in each quarter
//!   and the discussions and decisions, for `plan.progress`.
//!
//! Dates are kept as the record writes them (`date_text`, read with
//! [`crate::calendar::wareki::parse`]) beside the ISO date; the next meeting may be a date or
//! an approximate month ([`ApproxMonth`], e.g. 平成29年９月頃).

pub mod rules;
pub mod views;

use crate::calendar::{ApproxMonth, IsoDate};
use crate::labels::labelled_enum;
use crate::ops::Operation;
use crate::plan::{ItemRef, Plan};
use crate::summary::{CareRole, ChildId, ChildSummary};
use serde::{Deserialize, Serialize};

pub use rules::{RULES, validate};

labelled_enum! {
    /// 会議の種類 / Kind of meeting.
    MeetingKind {
        /// 協議会・連絡会議（協議の場） / Council or liaison meeting (the 協議の場).
        Council => "協議会・連絡会議", "council meeting";
        /// ケア会議（個別の支援会議） / Care conference about one child.
        CareConference => "ケア会議", "care conference";
        /// 拠点職員のミーティング / Meeting of the hub's own staff.
        HubStaff => "拠点職員のミーティング", "hub staff meeting";
    }
}

/// 会議の記録 / The record of one meeting (minutes).
#[derive(
    Debug, Clone, PartialEq, Eq, Serialize, Deserialize, crate::input::Recover, crate::emit::Emit,
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Meeting {
    /// JSON Schema の URL（任意） / URL of this document's JSON Schema (optional).
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    /// 文書の形式の版（省略時は 1） / Document format version (absent means 1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<crate::version::FormatVersion>,
    /// 種類 / Kind of meeting.
    pub kind: MeetingKind,
    /// 表題（記録のとおり） / Title, as the record writes it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// 対象の計画 / The plan whose item numbers the record uses (council meetings).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plan: Option<PlanRef>,
    /// 開催日 / Date held.
    pub date: IsoDate,
    /// 開催日（記録のとおり、例: 平成 28年 12月 19日（月）） / The date as the record writes it;
    /// it must read to `date`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_text: Option<String>,
    /// 開始時刻（HH:MM） / Start time, `HH:MM`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start_time: Option<String>,
    /// 終了時刻（HH:MM） / End time, `HH:MM`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end_time: Option<String>,
    /// 時刻（記録のとおり、例: 19：00～21：00） / The time as the record writes it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time_text: Option<String>,
    /// 場所 / Place.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    /// 議題 / Agenda, in order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub agenda: Vec<AgendaItem>,
    /// 記録に出てくる機関 / The organisations the record names (speakers, attendees,
    /// those responsible), each with an id used in this record.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub organisations: Vec<MeetingOrganisation>,
    /// 出席者（記録に名簿がある場合のみ） / Attendees, only where the record lists them
    /// (absent: the record has no list; speakers are known from the statements).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attendees: Option<Vec<Attendee>>,
    /// 発言（主な意見） / Statements (主な意見), in the record's order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub statements: Vec<Statement>,
    /// 決定事項 / Decisions.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub decisions: Vec<Decision>,
    /// 継続検討事項 / Matters carried over to later meetings.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub carried_over: Vec<CarriedOver>,
    /// 次回開催予定 / The next meeting.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_meeting: Option<NextMeeting>,
    /// ケア会議の内容（ケア会議のみ） / The care conference's particulars (care conferences only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub care_conference: Option<CareConference>,
    /// 注記（転記の読み方など） / Notes (e.g. how the record was read).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
}

/// 計画の参照 / Which plan the item numbers belong to: the region and fiscal year of the
/// plan (e.g. 厚木地域 平成29年度). Numbers of a plan that is not held stay unresolved.
#[derive(
    Debug, Clone, PartialEq, Eq, Serialize, Deserialize, crate::input::Recover, crate::emit::Emit,
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct PlanRef {
    /// 地域 / The plan's region, as the plan names it (e.g. 小田原地域).
    pub region: String,
    /// 年度（西暦、開始年） / The plan's fiscal year (optional).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fiscal_year: Option<i32>,
}

/// 議題 / One agenda item.
#[derive(
    Debug, Clone, PartialEq, Eq, Serialize, Deserialize, crate::input::Recover, crate::emit::Emit,
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct AgendaItem {
    /// 番号（記録のとおり、例: （１）） / Number, as the record writes it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub no: Option<String>,
    /// 議題 / Title.
    pub title: String,
    /// 内容 / What was done under it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
}

/// 記録の機関 / An organisation named in the record.
#[derive(
    Debug, Clone, PartialEq, Eq, Serialize, Deserialize, crate::input::Recover, crate::emit::Emit,
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct MeetingOrganisation {
    /// ID（この記録の中で一意。計画がある場合は計画の機関ID） / Id, unique in the record;
    /// with a plan, the plan's organisation id.
    pub id: String,
    /// 名称（記録のとおり） / Name, as the record writes it.
    pub name: String,
}

/// 出席者 / An attendee listed by the record.
#[derive(
    Debug, Clone, PartialEq, Eq, Serialize, Deserialize, crate::input::Recover, crate::emit::Emit,
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Attendee {
    /// 機関ID / The organisation (id in `organisations`).
    pub organisation: String,
    /// 人数（任意） / Number of people (optional).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub people: Option<u32>,
}

/// 発言 / One statement (an opinion in 主な意見).
#[derive(
    Debug, Clone, PartialEq, Eq, Serialize, Deserialize, crate::input::Recover, crate::emit::Emit,
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Statement {
    /// テーマ（記録のとおり、例: ①体制構築） / Theme heading, as the record writes it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub theme: Option<String>,
    /// 計画の取組番号（【№1】など） / The plan items it concerns (【№1】…).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub items: Vec<ItemRef>,
    /// 取組名（記録が番号に添えている場合、例: 小児科及び内科医向け研修会） / The item's
    /// name where the record writes one beside the number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub item_label: Option<String>,
    /// 発言した機関 / The organisation that spoke (id in `organisations`; for a care
    /// conference, a participant id).
    pub organisation: String,
    /// 発言内容（記録のとおり） / What was said, as the record writes it.
    pub text: String,
}

/// 決定事項 / A decision.
#[derive(
    Debug, Clone, PartialEq, Eq, Serialize, Deserialize, crate::input::Recover, crate::emit::Emit,
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Decision {
    /// 内容 / What was decided.
    pub text: String,
    /// 計画の取組番号 / The plan items it concerns.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub items: Vec<ItemRef>,
    /// 担当（機関ID、ケア会議では参加者ID） / Who is responsible (organisation ids; for a
    /// care conference, participant ids).
    #[serde(default)]
    pub responsible: Vec<String>,
    /// 期限 / Due date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due: Option<IsoDate>,
    /// 完了日 / Date done (absent: still open).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub done_on: Option<IsoDate>,
}

/// 継続検討事項 / A matter carried over (引き続きの検討課題).
#[derive(
    Debug, Clone, PartialEq, Eq, Serialize, Deserialize, crate::input::Recover, crate::emit::Emit,
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct CarriedOver {
    /// テーマ（記録のとおり） / Theme heading, as the record writes it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub theme: Option<String>,
    /// 計画の取組番号 / The plan items it concerns.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub items: Vec<ItemRef>,
    /// 内容（記録のとおり） / The matter, as the record writes it.
    pub text: String,
}

/// 次回開催予定 / The next meeting: a date, or a month meant approximately (９月頃).
#[derive(
    Debug, Clone, PartialEq, Eq, Serialize, Deserialize, crate::input::Recover, crate::emit::Emit,
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct NextMeeting {
    /// 記録のとおり（例: 平成 29年９月頃） / As the record writes it; it must read to `date`
    /// or `month`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// 日付 / The date, if fixed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<IsoDate>,
    /// 年月（頃、YYYY-MM） / The month, approximately.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub month: Option<ApproxMonth>,
}

labelled_enum! {
    /// ケア会議の参加者の立場 / Who a care-conference participant is.
    ParticipantKind {
        /// 家族 / Family.
        Family => "家族", "family";
        /// 本人 / The child.
        Child => "本人", "the child";
        /// 支援チームの一員 / A member of the care team (with a care-team role).
        CareTeam => "支援チーム", "care team";
        /// 拠点 / The hub.
        Hub => "拠点", "the hub";
        /// その他 / Other.
        Other => "その他", "other";
    }
}

/// ケア会議 / The particulars of a care conference about one child.
#[derive(
    Debug, Clone, PartialEq, Eq, Serialize, Deserialize, crate::input::Recover, crate::emit::Emit,
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct CareConference {
    /// 対象児のID（情報集約シートの child.id。個人情報は写さない） / The child's id (the
    /// `child.id` of the child's summary; no personal data is copied).
    pub child_id: ChildId,
    /// 参加者 / Participants, by role (the family included).
    pub participants: Vec<Participant>,
    /// 合意したサービス / Services agreed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub services: Vec<AgreedService>,
    /// 調整役（参加者ID） / Who coordinates (a participant id).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub coordinator: Option<String>,
    /// 見直し予定日 / When the agreed plan is reviewed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub review_on: Option<IsoDate>,
}

/// ケア会議の参加者 / A participant in a care conference.
#[derive(
    Debug, Clone, PartialEq, Eq, Serialize, Deserialize, crate::input::Recover, crate::emit::Emit,
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Participant {
    /// ID（この記録の中で一意、例: mother, nurse-station） / Id, unique in the record.
    pub id: String,
    /// 立場 / Who the participant is.
    pub kind: ParticipantKind,
    /// 支援チームでの役割（支援チームの場合） / Care-team role (for care-team members).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<CareRole>,
}

/// 合意したサービス / A service agreed at a care conference.
#[derive(
    Debug, Clone, PartialEq, Eq, Serialize, Deserialize, crate::input::Recover, crate::emit::Emit,
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct AgreedService {
    /// サービス / The service (e.g. 訪問看護 週3回).
    pub service: String,
    /// 提供者（参加者ID） / Who provides it (a participant id).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provider: Option<String>,
    /// 開始日 / Start date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<IsoDate>,
}

/// 会議記録の束 / Input of `meetings.by_item` and `care_conferences.open`: meeting records,
/// the date they are judged on, and optionally the plan their item numbers belong to.
#[derive(
    Debug, Clone, PartialEq, Serialize, Deserialize, crate::input::Recover, crate::emit::Emit,
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct MeetingRecords {
    /// JSON Schema の URL（任意） / URL of this document's JSON Schema (optional).
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    /// 文書の形式の版（省略時は 1） / Document format version (absent means 1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<crate::version::FormatVersion>,
    /// 基準日 / The reference date ("today").
    pub as_of: IsoDate,
    /// 集計する年度（任意、既定は計画の年度、なければ基準日の年度） / The fiscal year to
    /// report (optional; default the plan's, else that of `as_of`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fiscal_year: Option<i32>,
    /// 取組計画（任意） / The plan the item numbers belong to (optional).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plan: Option<Plan>,
    /// 会議の記録 / The meeting records.
    pub meetings: Vec<Meeting>,
    /// 対象児の情報集約（任意） / Summaries of the children the care conferences concern
    /// (optional; matched by `child.id`). For each child with a care conference,
    /// `care_conferences.open` checks that a recorded consent covers using the summary at
    /// care conferences on `as_of` (`consent.*` warnings at `/summaries/i/consents`).
    /// Each summary is also checked by the summary's own rules on `as_of`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub summaries: Vec<ChildSummary>,
}

/// Meeting operations.
pub static OPS: &[Operation] = &[
    crate::operation!(
        "meeting.validate",
        "会議の記録（協議会の議事概要・ケア会議）を検証し、発言を取組番号・機関ごとに数える",
        "Validate a meeting record (council minutes or care conference) and count its statements per item and organisation",
        Meeting => rules::MeetingSummary,
        rules::validate_operation
    ),
    crate::operation!(
        "meetings.by_item",
        "1年間の会議を、計画の取組ごと（開催日・発言機関・決定事項）と機関ごと（出席・発言）にまとめる",
        "A year of meetings per plan item (when, who spoke, decisions) and per organisation (attendance where listed, statements)",
        MeetingRecords => views::ByItem,
        views::by_item_operation
    ),
    crate::operation!(
        "care_conferences.open",
        "ケア会議の未完了の担当事項を子どもごとに一覧にする",
        "Open care-conference assignments, per child",
        MeetingRecords => views::OpenAssignments,
        views::open_operation
    ),
    crate::operation!(
        "meetings.progress",
        "計画の進捗を、その計画の協議会の開催記録を根拠に加えて集計する",
        "A plan's progress with its council meetings as evidence: a 会議開催 phase is met by a meeting held in its quarter",
        views::MeetingProgressRequest => views::MeetingProgress,
        views::progress_with_meetings
    ),
];
