//! 短期入所 / Short stays (メディカルショートステイ): facility directory, vacancy board,
//! eligibility and fair allocation (issue 4; [S-000] №19, [S-001] item 10,
//! 004 the ほたる vacancy board).
//!
//! # Model
//!
//! - [`Facility`]: one entry of the facility directory — what it is ([`FacilityKind`]),
//!   where it is (municipality, area), which medical care it can give
//!   ([`CareKind`]), the ages it takes, its longest stay, and its
//!   beds for short stays. A facility is either a 医療型短期入所 provider (the child needs a
//!   [`ShortStayGround`]) or a 福祉型 one ([`ServiceType`]).
//! - [`Board`]: the vacancy board as a hub publishes it (the ほたる board of [S-004]):
//!   per facility a row of marks, one per date from `start`, ○ free / △ few / × full /
//!   unknown ([`Vacancy`]), and the date the row was last updated. A row older than
//!   [`Policy::stale_after_days`] (default 7: ほたる updates weekly) is **stale**: every
//!   one of its marks counts as unknown, and a `shortstay.board.stale` finding says so.
//! - [`StayRequest`]: one family's request — the child ([`StayChild`]: birth date, care
//!   needs, grounds for 医療型短期入所), the first night and the number of nights, the
//!   reason, the days granted per month (支給量) and already used, the family's area.
//!
//! # Operations
//!
//! | name | input | what |
//! |---|---|---|
//! | `shortstay.evaluate` | [`ShortstayEvaluation`] | every facility eligible or not for one request, with every reason; the eligible ones in order ([`evaluate()`]) |
//! | `shortstay.allocate` | [`ShortstayAllocation`] | many families' requests over one board, night by night, fewest used days first ([`allocate()`]) |
//! | `shortstay.board` | [`ShortstayBoardQuery`] | the board rendered as [S-004] shows it: facilities down, days across ([`render_board`]) |
//! | `shortstay.search` | [`ShortstaySearch`] | facilities by area, required care and age ([`search()`]) |
//!
//! # Reasons a facility cannot take a child (`shortstay.reason.*`)
//!
//! | code | when |
//! |---|---|
//! | `shortstay.reason.not_entitled` | a 医療型 facility, and no ground for 医療型短期入所 applies on the first night ([`crate::scores::entitlement::decide`]: children's grounds under 18 only; unconfirmed grounds alone only when `policy.accept_unconfirmed_grounds`) |
//! | `shortstay.reason.care_not_provided` | the child needs a kind of care the facility cannot give (one reason per kind) |
//! | `shortstay.reason.age_out_of_range` | the child's age on the first or the last night is outside the facility's range |
//! | `shortstay.reason.stay_too_long` | more nights than the facility's longest stay |
//! | `shortstay.reason.over_granted_days` | used days plus this stay's days exceed the days granted (支給量) |
//! | `shortstay.reason.no_free_night` | a requested night is marked × (full) |
//! | `shortstay.reason.vacancy_unknown` | a requested night has no mark, or is marked unknown, or the facility is not on the board |
//! | `shortstay.reason.stale_data` | the facility's board row is older than the policy allows |
//!
//! Document findings (`shortstay.facility.*`, `shortstay.board.*`, `shortstay.request.*`)
//! and allocation decisions (`shortstay.allocation.*`) are listed in [`RULES`].
//!
//! # Simplifications (say so to users)
//!
//! - 支給量 is per month; a request gives the granted and used days of the month of its
//!   first night, and every day of the stay is counted against that month, even when the
//!   stay runs into the next month (conservative).
//! - A stay counts its nights plus the departure day ([`Policy::count_departure_day`]),
//!   as 短期入所 is billed per day of stay (1泊2日 = 2日).
//! - The allocator's priority counts one used day per night granted in the allocation.
//! - The allocator works night by night, so a family may be given some nights of its
//!   stay and refused others, or move to another eligible facility when its facility of
//!   the night before is full; every such night has its own decision. It is greedy, not
//!   an optimum: a flexible family served first may take the last bed that a family
//!   eligible only there needed (both were eligible; the one with fewer used days won).
//! - The vacancy board gives marks, not bed counts: the allocator reads ○ as all the
//!   facility's short-stay beds and △ as [`Policy::few_beds`] (default 1).
//! - The ほたる example (`schemas/examples/*.hotaru.json`) takes the facility names,
//!   phone numbers and marks of [S-004]; the document gives days 1–20 of an unnamed month,
//!   so the dates, kinds, care lists and bed counts there are illustrative.

mod allocate;
mod board;
mod evaluate;
mod rules;

pub use allocate::{
    AllocationResult, Decision, DecisionOutcome, FacilityCodes, FacilityNight, NightGrant,
    RequestOutcome, ShortstayAllocation, allocate,
};
pub use board::{BoardLine, BoardView, ShortstayBoardQuery, render_board};
pub use evaluate::{
    EvaluationResult, FacilityVerdict, RankedFacility, SearchResult, ShortstayEvaluation,
    ShortstaySearch, evaluate, search,
};
pub use rules::*;

use crate::calendar::IsoDate;
use crate::care::{CareKind, ShortStayGround};
use crate::operation::Operation;
use serde::{Deserialize, Serialize};

/// Hard upper bound on the nights of one request and the days of one rendered board,
/// whatever the policy says, so that every loop stays bounded.
pub const HARD_MAX_NIGHTS: u32 = 366;

/// 施設の種別 / Kind of facility.
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
pub enum FacilityKind {
    /// 病院 / Hospital.
    Hospital,
    /// 診療所（有床） / Clinic with beds.
    Clinic,
    /// 医療型障害児入所施設 / Medical residential facility for children with disabilities.
    MedicalDisabledChildFacility,
    /// 介護老人保健施設 / Long-term care health facility (老健).
    LongTermCareHealthFacility,
    /// 福祉型短期入所事業所（生活介護等併設） / Welfare short-stay provider.
    WelfareShortStay,
    /// その他 / Other.
    Other,
}

impl FacilityKind {
    /// 日本語ラベル / Japanese label.
    pub const fn label_ja(self) -> &'static str {
        match self {
            FacilityKind::Hospital => "病院",
            FacilityKind::Clinic => "診療所",
            FacilityKind::MedicalDisabledChildFacility => "医療型障害児入所施設",
            FacilityKind::LongTermCareHealthFacility => "介護老人保健施設",
            FacilityKind::WelfareShortStay => "福祉型短期入所事業所",
            FacilityKind::Other => "その他",
        }
    }
}

/// 短期入所の類型 / Type of short-stay service the facility is designated for.
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
pub enum ServiceType {
    /// 医療型短期入所 / Medical short stay: the child needs a ground ([C-D], `docs/sources.md`).
    Medical,
    /// 福祉型短期入所 / Welfare short stay: no medical ground needed.
    Welfare,
}

impl ServiceType {
    /// 日本語ラベル / Japanese label.
    pub const fn label_ja(self) -> &'static str {
        match self {
            ServiceType::Medical => "医療型短期入所",
            ServiceType::Welfare => "福祉型短期入所",
        }
    }
}

/// 短期入所施設 / One facility of the short-stay directory.
#[derive(
    Debug, Clone, PartialEq, Eq, Serialize, Deserialize, crate::input::Recover, crate::emit::Emit,
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Facility {
    /// 施設ID / Identifier, unique in the directory; board rows refer to it.
    pub id: String,
    /// 名称 / Name (as the hub publishes it).
    pub name: String,
    /// 種別 / Kind of facility.
    pub kind: FacilityKind,
    /// 類型 / Medical (医療型) or welfare (福祉型) short stay.
    pub service: ServiceType,
    /// 市町村 / Municipality.
    pub municipality: String,
    /// 圏域 / Area (e.g. a secondary medical area); a request from the same area ranks it first.
    pub area: String,
    /// 電話番号（任意） / Phone number (optional).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// 対応できる医療的ケア / The kinds of medical care the facility can give.
    #[serde(default)]
    pub care: Vec<CareKind>,
    /// 受入下限年齢（歳） / Youngest age accepted, in whole years (default 0).
    #[serde(default)]
    pub min_age: u32,
    /// 受入上限年齢（歳、この年齢まで） / Oldest age accepted, in whole years, inclusive; absent = no limit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_age: Option<u32>,
    /// 連続利用の上限（泊） / Longest stay, in nights.
    pub max_nights: u32,
    /// 短期入所の病床数 / Beds for short stays.
    pub beds: u32,
}

/// 空き状況 / One mark of the vacancy board.
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
pub enum Vacancy {
    /// ○ 空きあり / Free.
    Free,
    /// △ 残りわずか / Few places left.
    Few,
    /// × 満床 / Full.
    Full,
    /// ？ 不明 / Unknown.
    Unknown,
}

impl Vacancy {
    /// 日本語ラベル / Japanese label.
    pub const fn label_ja(self) -> &'static str {
        match self {
            Vacancy::Free => "空きあり",
            Vacancy::Few => "残りわずか",
            Vacancy::Full => "満床",
            Vacancy::Unknown => "不明",
        }
    }
    /// The board symbol: ○ △ × and ？ for unknown (or stale).
    pub const fn symbol(self) -> &'static str {
        match self {
            Vacancy::Free => "○",
            Vacancy::Few => "△",
            Vacancy::Full => "×",
            Vacancy::Unknown => "？",
        }
    }
}

/// 空き情報の一行 / One row of the vacancy board: one facility, marks for consecutive dates.
#[derive(
    Debug, Clone, PartialEq, Eq, Serialize, Deserialize, crate::input::Recover, crate::emit::Emit,
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct BoardRow {
    /// 施設ID / The facility's id in the directory.
    pub facility_id: String,
    /// 最終更新日 / Date this row was last updated.
    pub updated_on: IsoDate,
    /// 開始日 / Date of the first mark.
    pub start: IsoDate,
    /// 空き状況 / Marks for `start`, `start`+1, … (a date past the end is unknown).
    pub marks: Vec<Vacancy>,
}

/// 空き情報 / The vacancy board a hub publishes.
#[derive(
    Debug,
    Clone,
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
pub struct Board {
    /// 表題（任意） / Title (optional), e.g. ショートステイ空き情報.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// 行 / Rows, facilities down.
    #[serde(default)]
    pub rows: Vec<BoardRow>,
}

/// 方針 / Rules a prefecture or hub may set; every field has the default shown.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Serialize,
    Deserialize,
    crate::input::Recover,
    crate::emit::Emit,
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields, default)]
pub struct Policy {
    /// 鮮度の上限（日） / A board row updated more than this many days before `as_of` is stale (default 7).
    pub stale_after_days: u32,
    /// △の夜に割り当てる床数 / Beds the allocator may give on a △ night (default 1; never more than the facility's beds).
    pub few_beds: u32,
    /// 退所日も数える / Count the departure day against the granted days, so 1 night = 2 days (default true, as 短期入所 is billed).
    pub count_departure_day: bool,
    /// 1回の申込の上限（泊） / Most nights one request may ask for (default 31; at most 366).
    pub max_request_nights: u32,
    /// 未確認の根拠を認める / Accept an unconfirmed ground for 医療型短期入所 (found in one
    /// source only) on its own (default false); either way an `info` finding says when the
    /// result depends on one.
    pub accept_unconfirmed_grounds: bool,
}

impl Default for Policy {
    fn default() -> Self {
        Policy {
            stale_after_days: 7,
            few_beds: 1,
            count_departure_day: true,
            max_request_nights: 31,
            accept_unconfirmed_grounds: false,
        }
    }
}

/// 利用目的 / Why the family asks for a short stay.
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
pub enum StayReason {
    /// レスパイト / Respite for the family.
    Respite,
    /// 保護者の疾病 / A guardian's illness.
    GuardianIllness,
    /// 冠婚葬祭等の家族の行事 / A family event.
    FamilyEvent,
    /// きょうだいの行事・育児 / Siblings' events or care.
    SiblingCare,
    /// その他 / Other.
    Other,
}

impl StayReason {
    /// 日本語ラベル / Japanese label.
    pub const fn label_ja(self) -> &'static str {
        match self {
            StayReason::Respite => "レスパイト",
            StayReason::GuardianIllness => "保護者の疾病",
            StayReason::FamilyEvent => "冠婚葬祭等の家族の行事",
            StayReason::SiblingCare => "きょうだいの行事・育児",
            StayReason::Other => "その他",
        }
    }
}

/// 利用する子ども / The child of a request, described directly.
#[derive(
    Debug, Clone, PartialEq, Eq, Serialize, Deserialize, crate::input::Recover, crate::emit::Emit,
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct StayChild {
    /// 生年月日 / Date of birth.
    pub birth_date: IsoDate,
    /// 必要な医療的ケア / The medical care the child needs.
    #[serde(default)]
    pub care: Vec<CareKind>,
    /// 医療型短期入所の利用根拠 / Grounds on which the child may use 医療型短期入所; empty = not
    /// entitled. The children's grounds apply only while the child is under 18 on the first
    /// night, and unconfirmed grounds alone only when the policy accepts them.
    #[serde(default)]
    pub grounds: Vec<ShortStayGround>,
}

impl StayChild {
    /// The child of a request read from a care summary ([`crate::summary`]): the date of
    /// birth, the kinds of care the clinical profile records, and the grounds for
    /// 医療型短期入所 that [`crate::scores::short_stay_grounds`] finds on `as_of`
    /// (including unconfirmed ones; see [`ShortStayGround::confirmed`]). The evaluation
    /// decides on them with [`crate::scores::entitlement::decide`], as the scores do.
    pub fn from_summary(summary: &crate::summary::ChildSummary, as_of: IsoDate) -> Self {
        StayChild {
            birth_date: summary.child.date_of_birth,
            care: summary.care_kinds(),
            grounds: crate::scores::short_stay_grounds(&summary.clinical, as_of),
        }
    }
}

/// 利用申込 / One family's short-stay request.
#[derive(
    Debug, Clone, PartialEq, Eq, Serialize, Deserialize, crate::input::Recover, crate::emit::Emit,
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct StayRequest {
    /// 申込ID / Identifier of the request (one family per request in an allocation).
    pub id: String,
    /// 子ども / The child.
    pub child: StayChild,
    /// 初日の夜 / Date of the first night.
    pub first_night: IsoDate,
    /// 泊数 / Number of consecutive nights (1 to the policy's limit, never above 366).
    #[cfg_attr(feature = "schema", schemars(range(min = 1, max = 366)))]
    pub nights: u32,
    /// 利用目的 / Reason for the stay.
    pub reason: StayReason,
    /// 支給量（日/月） / Days granted per month by the municipality (支給量), for the month of the first night.
    pub granted_days: u32,
    /// 今月の利用済み日数 / Days already used in that month.
    pub used_days: u32,
    /// 居住圏域（任意） / The family's area (optional): facilities in it rank first.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub area: Option<String>,
    /// 申込日（任意） / Date the request was made (optional): breaks ties in allocation, earlier first.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub submitted_on: Option<IsoDate>,
}

impl StayRequest {
    /// Days this stay counts against the granted days under `policy`: nights, plus the
    /// departure day when [`Policy::count_departure_day`] is set.
    pub fn days_counted(&self, policy: &Policy) -> u32 {
        self.nights
            .saturating_add(u32::from(policy.count_departure_day))
    }
}

fn evaluate_op(input: ShortstayEvaluation) -> crate::operation::Computed<EvaluationResult> {
    evaluate(&input)
}
fn allocate_op(input: ShortstayAllocation) -> crate::operation::Computed<AllocationResult> {
    allocate(&input)
}
fn board_op(input: ShortstayBoardQuery) -> crate::operation::Computed<BoardView> {
    render_board(&input)
}
fn search_op(input: ShortstaySearch) -> crate::operation::Computed<SearchResult> {
    search(&input)
}

/// Operations of this module.
pub static OPS: &[Operation] = &[
    crate::operation!(
        "shortstay.evaluate",
        "1件の短期入所申込について各施設の利用可否と理由、利用可能な施設の順位を返す",
        "Evaluate one short-stay request against the directory and the vacancy board",
        ShortstayEvaluation => EvaluationResult,
        evaluate_op
    ),
    crate::operation!(
        "shortstay.allocate",
        "複数家族の短期入所申込を、利用日数の少ない家族から順に一晩ずつ公平に割り当てる",
        "Allocate many families' short-stay requests night by night, fewest used days first",
        ShortstayAllocation => AllocationResult,
        allocate_op
    ),
    crate::operation!(
        "shortstay.board",
        "ショートステイ空き情報を施設×日付の表として表示する",
        "Render the short-stay vacancy board: facilities down, days across",
        ShortstayBoardQuery => BoardView,
        board_op
    ),
    crate::operation!(
        "shortstay.search",
        "圏域・必要な医療的ケア・年齢で短期入所施設を検索する",
        "Search short-stay facilities by area, required care and age",
        ShortstaySearch => SearchResult,
        search_op
    ),
];
