//! Every rule of the staffing check, as `const` data. (Zero meeting intervals and gaps
//! cannot be written at all: those fields are non-zero, and 0 is `input.invalid_value`.)
//!
//! | code | severity | when |
//! |---|---|---|
//! | `staffing.hub.name_blank` | error | the hub has no name |
//! | `staffing.hub.host_blank` | error | the hub names no host organisation |
//! | `staffing.staff.id_blank` | error | a person has an empty id |
//! | `staffing.staff.duplicate_id` | error | two people share one id |
//! | `staffing.staff.facility_blank` | error | a person's home facility is empty |
//! | `staffing.staff.no_role` | error | a person holds no role |
//! | `staffing.staff.duplicate_role` | warning | a person lists the same role twice |
//! | `staffing.staff.physician_and_nurse` | warning | one person is both the physician and a nursing role |
//! | `staffing.staff.contracted_zero` | error | contracted working time is zero |
//! | `staffing.staff.time_exceeds_period` | error | contracted time is longer than the week or month itself |
//! | `staffing.staff.hub_above_contracted` | error | time given to the hub is more than contracted time (when contracted time is 0, only `contracted_zero` is reported) |
//! | `staffing.staff.no_hub_time` | error | a person (a physician, say) gives the hub no time at all |
//! | `staffing.staff.share_below_minimum` | error | 0 < hub time ≤ contracted time, and the share is below the strictest minimum of the person's roles |
//! | `staffing.role.required_missing` | error | a required role is held by nobody |
//! | `staffing.role.desirable_missing` | warning | a desirable role is held by nobody |
//! | `staffing.meetings.missing` | error | staff sit in two or more facilities and the hub has neither a meeting interval nor a meeting held |
//! | `staffing.meetings.interval_too_long` | error | the recurring interval is longer than the policy's maximum gap |
//! | `staffing.meetings.gap_too_long` | error | two consecutive meetings held are further apart than the maximum gap |
//! | `staffing.meetings.overdue` | error | more than the maximum gap has passed from the last meeting to `as_of` |
//! | `staffing.meetings.duplicate_date` | warning | the same meeting date is listed twice |
//! | `staffing.meetings.after_as_of` | warning | a meeting held is dated after `as_of` (ignored by the gap checks) |
//! | `staffing.policy.duplicate_role` | error | the policy sets the same role twice |
//! | `staffing.policy.share_out_of_range` | error | a minimum share above 100% |
//! | `staffing.policy.looser_than_national` | warning | the policy is looser than the national rule (a prefecture may tighten, not loosen) |

use crate::finding::Rule;

use crate::rule;

rule!(
    HUB_NAME_BLANK,
    "staffing.hub.name_blank",
    Error,
    "拠点の名称がありません",
    "The hub has no name"
);
rule!(
    HUB_HOST_BLANK,
    "staffing.hub.host_blank",
    Error,
    "拠点の実施主体（設置機関）がありません",
    "The hub names no host organisation"
);
rule!(
    STAFF_ID_BLANK,
    "staffing.staff.id_blank",
    Error,
    "職員の ID が空です",
    "A staff member has an empty id"
);
rule!(
    STAFF_DUPLICATE_ID,
    "staffing.staff.duplicate_id",
    Error,
    "同じ ID の職員が二人以上います",
    "Two staff members share one id"
);
rule!(
    STAFF_FACILITY_BLANK,
    "staffing.staff.facility_blank",
    Error,
    "職員の所属施設が空です",
    "A staff member's home facility is empty"
);
rule!(
    STAFF_NO_ROLE,
    "staffing.staff.no_role",
    Error,
    "職員の役割が一つもありません",
    "A staff member holds no role"
);
rule!(
    STAFF_DUPLICATE_ROLE,
    "staffing.staff.duplicate_role",
    Warning,
    "同じ役割（{role}）が二度書かれています",
    "The same role ({role}) is listed twice for one staff member"
);
rule!(
    STAFF_PHYSICIAN_AND_NURSE,
    "staffing.staff.physician_and_nurse",
    Warning,
    "一人の職員が医師と看護職（看護職員・保健師）を兼ねています",
    "One staff member is listed both as the physician and in a nursing role"
);
rule!(
    STAFF_CONTRACTED_ZERO,
    "staffing.staff.contracted_zero",
    Error,
    "契約上の勤務時間が 0 です",
    "Contracted working time is zero"
);
rule!(
    STAFF_TIME_EXCEEDS_PERIOD,
    "staffing.staff.time_exceeds_period",
    Error,
    "勤務時間 {minutes} 分がその期間（{basis}）の長さ {max} 分を超えています",
    "Working time of {minutes} minutes is longer than the period ({basis}) itself, {max} minutes"
);
rule!(
    STAFF_HUB_ABOVE_CONTRACTED,
    "staffing.staff.hub_above_contracted",
    Error,
    "拠点事業に充てる時間（{hub} 分）が勤務時間（{contracted} 分）を超えています",
    "Time given to the hub ({hub} minutes) is more than contracted working time ({contracted} minutes)"
);
rule!(
    STAFF_NO_HUB_TIME,
    "staffing.staff.no_hub_time",
    Error,
    "拠点事業に充てる時間が 0 です",
    "The staff member gives the hub no time at all"
);
rule!(
    STAFF_SHARE_BELOW_MINIMUM,
    "staffing.staff.share_below_minimum",
    Error,
    "拠点事業に充てる時間の割合（{hub} 分 / {contracted} 分[ = {share}%]）が最低割合 {min}% に達していません",
    "The share of working time given to the hub ({hub} of {contracted} minutes[ = {share}%]) is below the minimum of {min}%"
);
rule!(
    ROLE_REQUIRED_MISSING,
    "staffing.role.required_missing",
    Error,
    "配置すべき職員（{role}）がいません",
    "A required role ({role}) is held by nobody"
);
rule!(
    ROLE_DESIRABLE_MISSING,
    "staffing.role.desirable_missing",
    Warning,
    "配置することが望ましい職員（{role}）がいません",
    "A desirable role ({role}) is held by nobody"
);
rule!(
    MEETINGS_MISSING,
    "staffing.meetings.missing",
    Error,
    "職員が異なる施設（{facilities} か所）に所属していますが、定期的なミーティングがありません",
    "Staff sit in {facilities} different facilities but the hub has no regular meetings"
);
rule!(
    MEETINGS_INTERVAL_TOO_LONG,
    "staffing.meetings.interval_too_long",
    Error,
    "ミーティングの間隔 {days} 日が上限 {max} 日を超えています",
    "The meeting interval of {days} days is longer than the maximum gap of {max} days"
);
rule!(
    MEETINGS_GAP_TOO_LONG,
    "staffing.meetings.gap_too_long",
    Error,
    "前回のミーティングからの間隔が上限を超えています（{from} から {to} まで {days} 日、上限 {max} 日）",
    "The gap since the previous meeting is longer than the maximum ({days} days from {from} to {to}, at most {max})"
);
rule!(
    MEETINGS_OVERDUE,
    "staffing.meetings.overdue",
    Error,
    "最後のミーティングから基準日までの間隔が上限を超えています（{from} から {to} まで {days} 日、上限 {max} 日）",
    "More than the maximum gap has passed from the last meeting to the as-of date ({days} days from {from} to {to}, at most {max})"
);
rule!(
    MEETINGS_DUPLICATE_DATE,
    "staffing.meetings.duplicate_date",
    Warning,
    "同じ日付（{date}）のミーティングが二度書かれています",
    "The same meeting date ({date}) is listed twice"
);
rule!(
    MEETINGS_AFTER_AS_OF,
    "staffing.meetings.after_as_of",
    Warning,
    "開催済みのミーティングの日付 {date} が基準日 {as_of} より後です（間隔の確認では無視します）",
    "A meeting held is dated {date}, after the as-of date {as_of} (ignored by the gap checks)"
);
rule!(
    POLICY_DUPLICATE_ROLE,
    "staffing.policy.duplicate_role",
    Error,
    "方針で同じ役割（{role}）が二度設定されています",
    "The policy sets the same role ({role}) twice"
);
rule!(
    POLICY_SHARE_OUT_OF_RANGE,
    "staffing.policy.share_out_of_range",
    Error,
    "最低割合は 0〜100% で指定してください（{share}%）",
    "A minimum share must be between 0% and 100% ({share}%)"
);
rule!(
    POLICY_LOOSER_THAN_NATIONAL,
    "staffing.policy.looser_than_national",
    Warning,
    "方針が国の基準より緩くなっています（{role}[：{requirement}][：最低割合 {share}%、国の基準 {national}%]。都道府県は基準を厳しくできますが、緩めることはできません）",
    "The policy is looser than the national rule ({role}[: {requirement}][: minimum share {share}%, national {national}%]; a prefecture may tighten it, not loosen it)"
);

/// Every rule of this module.
pub const RULES: &[&Rule] = &[
    &HUB_NAME_BLANK,
    &HUB_HOST_BLANK,
    &STAFF_ID_BLANK,
    &STAFF_DUPLICATE_ID,
    &STAFF_FACILITY_BLANK,
    &STAFF_NO_ROLE,
    &STAFF_DUPLICATE_ROLE,
    &STAFF_PHYSICIAN_AND_NURSE,
    &STAFF_CONTRACTED_ZERO,
    &STAFF_TIME_EXCEEDS_PERIOD,
    &STAFF_HUB_ABOVE_CONTRACTED,
    &STAFF_NO_HUB_TIME,
    &STAFF_SHARE_BELOW_MINIMUM,
    &ROLE_REQUIRED_MISSING,
    &ROLE_DESIRABLE_MISSING,
    &MEETINGS_MISSING,
    &MEETINGS_INTERVAL_TOO_LONG,
    &MEETINGS_GAP_TOO_LONG,
    &MEETINGS_OVERDUE,
    &MEETINGS_DUPLICATE_DATE,
    &MEETINGS_AFTER_AS_OF,
    &POLICY_DUPLICATE_ROLE,
    &POLICY_SHARE_OUT_OF_RANGE,
    &POLICY_LOOSER_THAN_NATIONAL,
];
