//! 配置すべき職員 / Hub staffing checks ([S-004], section "2 配置すべき職員等について";
//! `docs/sources.md`).
//!
//! A hub ([`Hub`]) lists its staff ([`StaffMember`]: an id, [`Role`]s, a home facility,
//! contracted working time and time given to the hub) and its meetings ([`Meetings`]).
//! A [`Policy`] says which roles are required or desirable, the minimum share of working
//! time each role must give the hub, and the longest allowed gap between meetings when
//! staff sit in different facilities. Without a policy the national text applies
//! ([`NATIONAL_ROLES`], [`DEFAULT_MAX_MEETING_GAP_DAYS`]); a prefecture's policy
//! overrides single values and is merged over the national defaults.
//!
//! Operation: `staffing.check` ([`StaffingRequest`] → [`StaffingReport`]).
//!
//! ## Exact shares
//!
//! Times are whole minutes. A person's share is `hub_minutes / contracted_minutes`, and
//! the minimum is met iff `hub_minutes × 100 ≥ min_share_percent × contracted_minutes`,
//! computed in `u64` (no floating point anywhere): 8 h of 40 h (480/2400) passes 20%,
//! 7 h 54 min of 40 h (474/2400) does not. The report gives each share as a reduced
//! fraction (`"1/5"`) and as a percentage truncated (never rounded up) to two decimals,
//! so a displayed `20.00` always means at least 20%.
//!
//! ## Week or month
//!
//! Each person states one [`TimeBasis`] for both numbers (contracted time and hub time
//! per week, or both per month). The share is a ratio of two times on the same basis, so
//! no conversion between weeks and months (which would need an approximation such as
//! 4.33 weeks a month) is ever made. Different people may use different bases.
//!
//! ## Meetings
//!
//! 004 asks for regular meetings (定期的なミーティングの開催等) when staff belong to
//! different facilities but names no interval. The default maximum gap,
//! [`DEFAULT_MAX_MEETING_GAP_DAYS`] = 35 days, is **this project's choice**: about
//! monthly, while allowing a meeting on a fixed weekday of each month (e.g. 第2火曜日),
//! whose gaps are 28 or 35 days. A policy may change it.

mod check;
pub mod rules;

pub use check::{Share, applied_policy, check, meets_minimum, share_of};
pub use rules::RULES;

use crate::calendar::IsoDate;
use crate::operation::Operation;
use serde::{Deserialize, Serialize};
use std::num::NonZeroU32;

macro_rules! roles {
    ($( $(#[$m:meta])* $variant:ident => $ja:literal, $en:literal; )*) => {
        /// 職員の役割（[S-004]「配置すべき職員等」） / A staff role named in [S-004].
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, crate::input::Recover, crate::emit::Emit)]
        #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
        #[serde(rename_all = "snake_case")]
        pub enum Role {
            $( $(#[$m])* $variant, )*
        }
        impl Role {
            /// Every role, in the order of 004.
            pub const ALL: &'static [Role] = &[$(Role::$variant,)*];
            /// 日本語ラベル（004 の文言） / Japanese label, in the wording of 004.
            pub const fn label_ja(self) -> &'static str {
                match self { $(Role::$variant => $ja,)* }
            }
            /// English label.
            pub const fn label_en(self) -> &'static str {
                match self { $(Role::$variant => $en,)* }
            }
        }
    };
}

roles! {
    /// 担当する医師 / The physician in charge.
    Physician => "担当する医師", "physician in charge";
    /// 当該地域の医療資源及び福祉資源に詳しい職員 / Staff who know the region's medical and welfare resources.
    LocalResourceStaff => "当該地域の医療資源及び福祉資源に詳しい職員",
        "staff who know the region's medical and welfare resources";
    /// 医療的ケアに関する家族支援や、退院支援などの経験を有する看護職員 / Nurse experienced in family support for medical care or discharge support.
    FamilySupportNurse => "医療的ケアに関する家族支援や、退院支援などの経験を有する看護職員",
        "nurse experienced in family support for medical care or discharge support";
    /// 保健師 / Public-health nurse.
    PublicHealthNurse => "保健師", "public-health nurse";
}

impl Role {
    /// True for the nursing roles (看護職員, 保健師).
    pub const fn is_nursing(self) -> bool {
        matches!(self, Role::FamilySupportNurse | Role::PublicHealthNurse)
    }
}

/// 配置の要否 / Whether a role must be filled.
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
pub enum Requirement {
    /// 任意 / Optional: not checked.
    Optional,
    /// 配置することが望ましい / Desirable: missing is a warning.
    Desirable,
    /// 必須 / Required: missing is an error.
    Required,
}

impl Requirement {
    /// 日本語ラベル / Japanese label.
    pub const fn label_ja(self) -> &'static str {
        match self {
            Requirement::Optional => "任意",
            Requirement::Desirable => "配置することが望ましい",
            Requirement::Required => "必須",
        }
    }
}

/// 時間の単位期間 / The period both of a person's times are counted over.
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
pub enum TimeBasis {
    /// 週あたり / Per week.
    Week,
    /// 月あたり / Per month.
    Month,
}

impl TimeBasis {
    /// 日本語ラベル / Japanese label.
    pub const fn label_ja(self) -> &'static str {
        match self {
            TimeBasis::Week => "週あたり",
            TimeBasis::Month => "月あたり",
        }
    }
    /// Minutes in the longest such period (7 days; 31 days): no working time can exceed it.
    pub const fn max_minutes(self) -> u32 {
        match self {
            TimeBasis::Week => 7 * 24 * 60,
            TimeBasis::Month => 31 * 24 * 60,
        }
    }
}

/// 職員配置の確認の入力 / Input of `staffing.check`: a hub, the date of the check, and an
/// optional policy (absent: the national rules).
#[derive(
    Debug, Clone, PartialEq, Eq, Serialize, Deserialize, crate::input::Recover, crate::emit::Emit,
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct StaffingRequest {
    /// JSON Schema の URL（任意） / URL of this document's JSON Schema (optional).
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    /// 文書の形式の版（省略時は 1） / Document format version (absent means 1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<crate::version::FormatVersion>,
    /// 基準日 / The date of the check (meetings are checked up to this day).
    pub as_of: IsoDate,
    /// 拠点 / The hub.
    pub hub: Hub,
    /// 方針（省略時は国の基準） / Policy overrides; absent means the national rules.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub policy: Option<Policy>,
    /// 会議の記録（任意） / Meeting records (optional): those of kind `hub_staff` count as
    /// meetings held, beside `hub.meetings.held`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub meeting_records: Vec<crate::meeting::Meeting>,
}

/// 拠点 / A coordination hub.
#[derive(
    Debug, Clone, PartialEq, Eq, Serialize, Deserialize, crate::input::Recover, crate::emit::Emit,
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Hub {
    /// 拠点の名称 / Name of the hub.
    pub name: String,
    /// 実施主体（設置機関） / Host organisation running the hub.
    pub host_organisation: String,
    /// 職員 / Staff.
    pub staff: Vec<StaffMember>,
    /// ミーティング（任意） / Meetings (optional; needed when staff sit in two or more facilities).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub meetings: Option<Meetings>,
}

/// 職員 / One staff member.
#[derive(
    Debug, Clone, PartialEq, Eq, Serialize, Deserialize, crate::input::Recover, crate::emit::Emit,
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct StaffMember {
    /// 職員 ID / An id unique within the hub (not a name).
    pub id: String,
    /// 役割 / Roles this person holds (one or more; the strictest minimum share applies).
    pub roles: Vec<Role>,
    /// 所属施設 / Home facility (compared exactly after trimming surrounding spaces:
    /// spell one facility the same way, or use an id).
    pub facility: String,
    /// 時間の単位期間 / Period both times below are counted over.
    pub basis: TimeBasis,
    /// 勤務時間（分） / Contracted working time in minutes per period.
    pub contracted_minutes: u32,
    /// 拠点事業に充てる時間（分） / Time given to the hub in minutes per period.
    pub hub_minutes: u32,
}

/// ミーティング / Meetings of the hub's staff: a recurring interval, dated meetings held, or both.
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
pub struct Meetings {
    /// 定例の開催間隔（日） / Recurring interval in days (e.g. 28 for every four weeks).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub interval_days: Option<NonZeroU32>,
    /// 開催日 / Dates of meetings held (any order).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub held: Vec<IsoDate>,
}

/// 方針 / A policy: overrides merged over the national rules.
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
pub struct Policy {
    /// 役割ごとの設定 / Per-role overrides (roles not listed keep the national values).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub roles: Vec<RoleOverride>,
    /// ミーティング間隔の上限（日） / Longest allowed gap between meetings, in days
    /// (absent: 35 days, this project's default).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_meeting_gap_days: Option<NonZeroU32>,
}

/// 役割ごとの設定 / An override of one role's rule.
#[derive(
    Debug, Clone, PartialEq, Eq, Serialize, Deserialize, crate::input::Recover, crate::emit::Emit,
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RoleOverride {
    /// 役割 / The role.
    pub role: Role,
    /// 配置の要否（省略時は国の基準） / Requirement (absent: the national value).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub requirement: Option<Requirement>,
    /// 最低割合（%） / Minimum share of working time, in whole percent 0–100 (absent: the national value).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(range(max = 100)))]
    pub min_share_percent: Option<u32>,
}

/// 役割の基準 / The rule for one role, as applied.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, crate::emit::Emit)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct RoleRule {
    /// 役割 / The role.
    pub role: Role,
    /// 配置の要否 / Requirement.
    pub requirement: Requirement,
    /// 最低割合（%） / Minimum share of working time, whole percent.
    pub min_share_percent: u32,
}

/// 国の基準（[S-004]） / The national rules of [S-004]: physician required; resource staff
/// and the family-support nurse required with at least 20% (2割程度) of working time;
/// public-health nurse desirable.
pub const NATIONAL_ROLES: [RoleRule; 4] = [
    RoleRule {
        role: Role::Physician,
        requirement: Requirement::Required,
        min_share_percent: 0,
    },
    RoleRule {
        role: Role::LocalResourceStaff,
        requirement: Requirement::Required,
        min_share_percent: 20,
    },
    RoleRule {
        role: Role::FamilySupportNurse,
        requirement: Requirement::Required,
        min_share_percent: 20,
    },
    RoleRule {
        role: Role::PublicHealthNurse,
        requirement: Requirement::Desirable,
        min_share_percent: 0,
    },
];

/// Default longest gap between meetings when staff sit in two or more facilities: 35 days.
///
/// **This project's choice**: [S-004] asks for regular meetings but names no interval.
/// 35 days is "about monthly" while letting a hub meet on a fixed weekday of each month
/// (第n○曜日), whose gaps are 28 or 35 days. A policy may set another value.
pub const DEFAULT_MAX_MEETING_GAP_DAYS: u32 = 35;

/// 適用した方針 / The policy as applied: national values merged with the overrides.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, crate::emit::Emit)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct AppliedPolicy {
    /// 国の基準のまま / True when no override was given (the national rules apply as they are).
    pub national: bool,
    /// 役割ごとの基準 / The rule of every role.
    pub roles: Vec<RoleRule>,
    /// ミーティング間隔の上限（日） / Longest allowed gap between meetings, in days.
    pub max_meeting_gap_days: u32,
}

/// 職員ごとの割合 / One person's share of working time given to the hub.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, crate::emit::Emit)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct StaffShare {
    /// 職員 ID / The person's id.
    pub id: String,
    /// 役割 / Roles.
    pub roles: Vec<Role>,
    /// 時間の単位期間 / Period of both times.
    pub basis: TimeBasis,
    /// 勤務時間（分） / Contracted minutes.
    pub contracted_minutes: u32,
    /// 拠点事業に充てる時間（分） / Hub minutes.
    pub hub_minutes: u32,
    /// 割合 / Share hub ÷ contracted (absent when contracted time is 0).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub share: Option<Share>,
    /// 最低割合（%） / The strictest minimum share of this person's roles.
    pub min_share_percent: u32,
    /// 最低割合を満たす / True iff contracted time is positive, hub time is positive and
    /// within it, and the share is at least the minimum (a person giving no time meets
    /// nothing, even a 0% minimum).
    pub meets_minimum: bool,
}

/// 役割の充足 / Who holds one role.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, crate::emit::Emit)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct RoleCoverage {
    /// 役割 / The role.
    pub role: Role,
    /// 日本語ラベル / Japanese label of the role.
    pub label_ja: String,
    /// 配置の要否 / Requirement under the applied policy.
    pub requirement: Requirement,
    /// 担当者の ID / Ids of the people holding the role.
    pub holders: Vec<String>,
    /// 最低割合を満たす担当者の数 / How many holders meet their minimum share.
    pub holders_meeting_minimum: u32,
}

/// ミーティングの状況 / What the check found about meetings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, crate::emit::Emit)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct MeetingStatus {
    /// 所属施設の数 / Number of distinct home facilities.
    pub facilities: u32,
    /// ミーティングが必要 / True iff staff sit in two or more facilities.
    pub required: bool,
    /// 最後の開催日 / The last meeting held on or before `as_of`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_held: Option<IsoDate>,
    /// 最長の間隔（日） / The longest gap between consecutive meetings held, and from the
    /// last one to `as_of`, in days.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub longest_gap_days: Option<i64>,
}

/// 職員配置の確認結果 / Result of `staffing.check`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, crate::emit::Emit)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct StaffingReport {
    /// 適用した方針 / The policy applied.
    pub policy: AppliedPolicy,
    /// 職員ごとの割合 / Each person's share, in input order.
    pub staff: Vec<StaffShare>,
    /// 役割ごとの充足 / Each role's holders, in the order of 004.
    pub roles: Vec<RoleCoverage>,
    /// ミーティング / Meetings.
    pub meetings: MeetingStatus,
}

/// Operations of this module.
pub static OPS: &[Operation] = &[crate::operation!(
    "staffing.check",
    "拠点の職員配置を国（または都道府県）の基準で確認する",
    "Check a hub's staffing against the national (or a prefecture's) rules",
    StaffingRequest => StaffingReport,
    check::check
)];
