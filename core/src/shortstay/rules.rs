//! Every rule of the short-stay module: document findings, the reasons a facility cannot
//! take a child, and the allocator's decisions. Codes are stable.

use crate::calendar::IsoDate;
use crate::finding::{ArgValue, Label, Rule};

/// A date as a finding argument (`YYYY-MM-DD`).
pub(crate) fn date(d: IsoDate) -> ArgValue {
    ArgValue::Date {
        year: d.year(),
        month: d.month(),
        day: d.day(),
    }
}

/// The words of an argument that is one of the library's own phrases.
pub(crate) const fn words(ja: &'static str, en: &'static str) -> Label {
    Label { code: "", ja, en }
}

use crate::rule;

// ---- Document findings -------------------------------------------------------------

rule!(
    FACILITY_DUPLICATE_ID,
    "shortstay.facility.duplicate_id",
    Error,
    "施設IDが重複しています（{first} 番目と同じ）",
    "The facility id is used twice (same as entry {first})"
);
rule!(
    FACILITY_AGE_RANGE_INVERTED,
    "shortstay.facility.age_range_inverted",
    Error,
    "受入下限年齢が上限年齢より大きくなっています（{min_age}歳＞{max_age}歳）",
    "The youngest age accepted is above the oldest ({min_age} > {max_age})"
);
rule!(
    FACILITY_NO_BEDS,
    "shortstay.facility.no_beds",
    Warning,
    "短期入所の病床数が0です",
    "The facility has no beds for short stays"
);
rule!(
    BOARD_UNKNOWN_FACILITY,
    "shortstay.board.unknown_facility",
    Warning,
    "空き情報の施設IDが施設一覧にありません",
    "The board row's facility id is not in the directory"
);
rule!(
    BOARD_DUPLICATE_ROW,
    "shortstay.board.duplicate_row",
    Error,
    "同じ施設の空き情報が二行あります（{first} 行目と同じ施設、最初の行を使います）",
    "The board has two rows for the same facility (same facility as row {first}; the first row is used)"
);
rule!(
    BOARD_STALE,
    "shortstay.board.stale",
    Warning,
    "空き情報が古いため、不明として扱います（最終更新 {updated_on}、{days} 日前、上限 {limit} 日）",
    "The board row is stale and counts as unknown (updated {updated_on}, {days} days ago, limit {limit} days)"
);
rule!(
    BOARD_UPDATED_AFTER_AS_OF,
    "shortstay.board.updated_after_as_of",
    Warning,
    "空き情報の更新日が基準日より後です（更新日 {updated_on}、基準日 {as_of}）",
    "The board row was updated after the as-of date (updated {updated_on}, as of {as_of})"
);
rule!(
    BOARD_DAYS_OUT_OF_RANGE,
    "shortstay.board.days_out_of_range",
    Error,
    "表示する日数が範囲外です（1〜366日）（{days} 日）",
    "The number of days to show is out of range (1-366) ({days} days)"
);
rule!(
    REQUEST_NIGHTS_OUT_OF_RANGE,
    "shortstay.request.nights_out_of_range",
    Error,
    "泊数が範囲外です（{nights} 泊、1〜{limit} 泊）",
    "The number of nights is out of range ({nights} nights, allowed 1-{limit})"
);
rule!(
    REQUEST_USED_OVER_GRANTED,
    "shortstay.request.used_over_granted",
    Warning,
    "利用済み日数が支給量を超えています（利用済み {used} 日、支給量 {granted} 日）",
    "The days already used exceed the days granted ({used} days used, {granted} granted)"
);
rule!(
    REQUEST_BORN_AFTER_STAY,
    "shortstay.request.born_after_stay",
    Error,
    "生年月日が利用初日より後です",
    "The child's date of birth is after the first night"
);
rule!(
    REQUEST_DUPLICATE_ID,
    "shortstay.request.duplicate_id",
    Error,
    "申込IDが重複しています（{first} 番目と同じ）",
    "The request id is used twice (same as request {first})"
);
rule!(
    EVALUATION_NONE_ELIGIBLE,
    "shortstay.evaluation.none_eligible",
    Warning,
    "利用できる施設がありません",
    "No facility can take this request"
);

// ---- Reasons a facility cannot take a child ---------------------------------------

rule!(
    REASON_NOT_ENTITLED,
    "shortstay.reason.not_entitled",
    Info,
    "利用初日に適用できる医療型短期入所の利用根拠がありません",
    "The child has no ground for medical short stay (医療型短期入所) that applies on the first night"
);
rule!(
    REASON_CARE_NOT_PROVIDED,
    "shortstay.reason.care_not_provided",
    Info,
    "施設が対応できない医療的ケアがあります（{care}）",
    "The facility cannot give a kind of care the child needs ({care})"
);
rule!(
    REASON_AGE_OUT_OF_RANGE,
    "shortstay.reason.age_out_of_range",
    Info,
    "年齢が施設の受入範囲外です[（利用時 {age} 歳、受入 {min_age} 歳から）][（利用時 {age} 歳、受入 {max_age} 歳まで）][（{not_born}）]",
    "The child's age is outside the facility's range[ (age {age} during the stay, accepted from {min_age})][ (age {age} during the stay, accepted up to {max_age})][ ({not_born})]"
);
rule!(
    REASON_STAY_TOO_LONG,
    "shortstay.reason.stay_too_long",
    Info,
    "泊数が施設の連続利用の上限を超えています（{nights} 泊、上限 {max_nights} 泊）",
    "The stay is longer than the facility allows ({nights} nights, at most {max_nights})"
);
rule!(
    REASON_OVER_GRANTED_DAYS,
    "shortstay.reason.over_granted_days",
    Info,
    "支給量（日数）を超えます（利用済み {used} 日＋今回 {counted} 日＞支給量 {granted} 日）",
    "The stay would exceed the days granted (支給量) ({used} used + {counted} for this stay > {granted} granted)"
);
rule!(
    REASON_NO_FREE_NIGHT,
    "shortstay.reason.no_free_night",
    Info,
    "満床（×）の夜があります（×の夜 {nights} 泊、最初 {first}）",
    "A requested night is full (×) ({nights} full night(s), first {first})"
);
rule!(
    REASON_VACANCY_UNKNOWN,
    "shortstay.reason.vacancy_unknown",
    Info,
    "空き状況が不明な夜があります[（{not_on_board}）][（不明の夜 {nights} 泊、最初 {first}）]",
    "The vacancy of a requested night is unknown[ ({not_on_board})][ ({nights} unknown night(s), first {first})]"
);
rule!(
    REASON_STALE_DATA,
    "shortstay.reason.stale_data",
    Info,
    "空き情報が古く、信頼できません[（最終更新 {updated_on}、上限 {limit} 日）]",
    "The facility's vacancy data is too old to trust[ (updated {updated_on}, limit {limit} days)]"
);

// ---- Allocation decisions ----------------------------------------------------------

rule!(
    ALLOCATION_GRANTED,
    "shortstay.allocation.granted",
    Info,
    "この夜を割り当てました（利用可能な {eligible} 施設のうち {rank} 番目、判定時の利用日数 {used} 日[{same_facility}]）",
    "This night was granted (choice {rank} of {eligible} eligible facilities, {used} days used[{same_facility}])"
);
rule!(
    ALLOCATION_NO_BED_LEFT,
    "shortstay.allocation.no_bed_left",
    Info,
    "利用できる施設の空床が、利用日数の少ない家族に先に割り当てられ、残っていません（判定時の利用日数 {used} 日、利用可能な {eligible} 施設に空床なし）",
    "Every bed this family could use was already given to families with no more used days ({used} days used, no bed left at any of {eligible} eligible facilities)"
);
rule!(
    ALLOCATION_NO_ELIGIBLE_FACILITY,
    "shortstay.allocation.no_eligible_facility",
    Info,
    "この申込を受けられる施設がありません（{facilities} 施設すべて利用不可）",
    "No facility can take this request (none of {facilities} facilities)"
);
rule!(
    ALLOCATION_INVALID_REQUEST,
    "shortstay.allocation.invalid_request",
    Info,
    "申込に誤りがあるため割り当てていません",
    "The request has an error and was not allocated"
);

/// Every rule of this module.
pub const RULES: &[&Rule] = &[
    &FACILITY_DUPLICATE_ID,
    &FACILITY_AGE_RANGE_INVERTED,
    &FACILITY_NO_BEDS,
    &BOARD_UNKNOWN_FACILITY,
    &BOARD_DUPLICATE_ROW,
    &BOARD_STALE,
    &BOARD_UPDATED_AFTER_AS_OF,
    &BOARD_DAYS_OUT_OF_RANGE,
    &REQUEST_NIGHTS_OUT_OF_RANGE,
    &REQUEST_USED_OVER_GRANTED,
    &REQUEST_BORN_AFTER_STAY,
    &REQUEST_DUPLICATE_ID,
    &EVALUATION_NONE_ELIGIBLE,
    &REASON_NOT_ENTITLED,
    &REASON_CARE_NOT_PROVIDED,
    &REASON_AGE_OUT_OF_RANGE,
    &REASON_STAY_TOO_LONG,
    &REASON_OVER_GRANTED_DAYS,
    &REASON_NO_FREE_NIGHT,
    &REASON_VACANCY_UNKNOWN,
    &REASON_STALE_DATA,
    &ALLOCATION_GRANTED,
    &ALLOCATION_NO_BED_LEFT,
    &ALLOCATION_NO_ELIGIBLE_FACILITY,
    &ALLOCATION_INVALID_REQUEST,
];
