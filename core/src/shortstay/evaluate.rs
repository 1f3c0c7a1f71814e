//! Evaluation of one request against the directory and the board, and search.
//!
//! # Eligibility
//!
//! A facility can take a request when none of the `shortstay.reason.*` rules applies
//! (see the module table). Every reason that applies is reported, not only the first.
//!
//! # Order of the eligible facilities
//!
//! 1. fewer △ nights first (so a facility free ○ on every requested night comes first);
//! 2. then facilities in the family's area (`request.area`) before the others;
//! 3. then by facility id (byte order), then by position in the directory.
//!
//! The order is total, so the same input always gives the same ranking.

use super::rules::*;
use super::{Board, Facility, HARD_MAX_NIGHTS, Policy, ServiceType, StayRequest, Vacancy};
use crate::calendar::{IsoDate, age_on};
use crate::care::CareKind;
use crate::finding::{Finding, Place, Rule};
use crate::operation::Computed;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::collections::hash_map::Entry;

/// 短期入所の利用可否判定 / Input of `shortstay.evaluate`: one request, the directory, the board.
#[derive(
    Debug, Clone, PartialEq, Eq, Serialize, Deserialize, crate::input::Recover, crate::emit::Emit,
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ShortstayEvaluation {
    /// JSON Schema の URL（任意） / URL of this document's JSON Schema (optional).
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    /// 文書の形式の版（省略時は 1） / Document format version (absent means 1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<crate::version::FormatVersion>,
    /// 基準日 / The day the evaluation is made ("today"), for the freshness of the board.
    pub as_of: IsoDate,
    /// 方針 / Policy (every field has a default).
    #[serde(default)]
    pub policy: Policy,
    /// 施設一覧 / The facility directory.
    pub facilities: Vec<Facility>,
    /// 空き情報 / The vacancy board.
    pub board: Board,
    /// 申込 / The request.
    pub request: StayRequest,
}

/// 施設ごとの判定 / The verdict for one facility.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, crate::emit::Emit)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct FacilityVerdict {
    /// 施設ID / Facility id.
    pub facility_id: String,
    /// 施設一覧での位置 / Position in the directory (0-based).
    pub facility_index: u32,
    /// 利用可 / True when no reason applies.
    pub eligible: bool,
    /// ○の夜数 / Requested nights marked free.
    pub free_nights: u32,
    /// △の夜数 / Requested nights marked few.
    pub few_nights: u32,
    /// ×の夜数 / Requested nights marked full.
    pub full_nights: u32,
    /// 不明の夜数 / Requested nights unknown (no mark, unknown, or stale).
    pub unknown_nights: u32,
    /// 同じ圏域 / The facility is in the family's area.
    pub same_area: bool,
    /// 理由 / Every reason the facility cannot take the request (`shortstay.reason.*`).
    pub reasons: Vec<Finding>,
}

/// 利用可能な施設 / An eligible facility, in ranking order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, crate::emit::Emit)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct RankedFacility {
    /// 順位 / Rank, 1 = best.
    pub rank: u32,
    /// 施設ID / Facility id.
    pub facility_id: String,
    /// 名称 / Name.
    pub name: String,
    /// 電話番号 / Phone number.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// △の夜数 / Requested nights marked few.
    pub few_nights: u32,
    /// 同じ圏域 / In the family's area.
    pub same_area: bool,
}

/// 判定結果 / Result of `shortstay.evaluate`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, crate::emit::Emit)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct EvaluationResult {
    /// 申込ID / Request id.
    pub request_id: String,
    /// 利用する夜 / The requested nights.
    pub nights: Vec<IsoDate>,
    /// 支給量から差し引く日数 / Days the stay counts against the granted days.
    pub days_counted: u32,
    /// 利用可能な施設（順位順） / Eligible facilities, best first (see the module docs for the order).
    pub eligible: Vec<RankedFacility>,
    /// 全施設の判定（施設一覧の順） / Every facility's verdict, in directory order.
    pub facilities: Vec<FacilityVerdict>,
}

/// 施設検索 / Input of `shortstay.search`.
#[derive(
    Debug, Clone, PartialEq, Eq, Serialize, Deserialize, crate::input::Recover, crate::emit::Emit,
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ShortstaySearch {
    /// JSON Schema の URL（任意） / URL of this document's JSON Schema (optional).
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    /// 文書の形式の版（省略時は 1） / Document format version (absent means 1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<crate::version::FormatVersion>,
    /// 施設一覧 / The facility directory.
    pub facilities: Vec<Facility>,
    /// 圏域（任意） / Only facilities in this area (optional).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub area: Option<String>,
    /// 必要な医療的ケア / Only facilities that can give every one of these.
    #[serde(default)]
    pub care: Vec<CareKind>,
    /// 年齢（任意） / Only facilities that take a child of this age (optional).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub age: Option<u32>,
    /// 類型（任意） / Only facilities of this service type (optional).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub service: Option<ServiceType>,
}

/// 検索結果 / Result of `shortstay.search`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, crate::emit::Emit)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SearchResult {
    /// 該当する施設（施設一覧の順） / Matching facilities, in directory order.
    pub facilities: Vec<Facility>,
}

/// Bit mask of care kinds (one bit per [`CareKind::ALL`] entry).
pub(crate) fn care_mask(kinds: &[CareKind]) -> u64 {
    kinds.iter().fold(0u64, |m, k| m | care_bit(*k))
}

fn care_bit(k: CareKind) -> u64 {
    CareKind::ALL
        .iter()
        .position(|x| *x == k)
        .and_then(|i| u32::try_from(i).ok())
        .and_then(|i| 1u64.checked_shl(i))
        .unwrap_or(0)
}

fn count_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// Everything about the directory and the board that does not depend on a request,
/// prepared once per call.
#[derive(Debug)]
pub(crate) struct Context<'a> {
    pub facilities: &'a [Facility],
    pub board: &'a Board,
    pub policy: Policy,
    /// Per facility: the board row for its id (the first, if there are several).
    pub row_of: Vec<Option<usize>>,
    /// Per board row: stale under the policy.
    pub stale: Vec<bool>,
    /// Per facility: care it can give, as a mask.
    pub care: Vec<u64>,
}

/// Checks the directory alone (ids, age ranges, beds).
pub(crate) fn check_directory(facilities: &[Facility], findings: &mut Vec<Finding>) {
    check_directory_indexed(facilities, findings);
}

/// [`check_directory`], giving the index of the first facility with each id.
fn check_directory_indexed<'f>(
    facilities: &'f [Facility],
    findings: &mut Vec<Finding>,
) -> HashMap<&'f str, usize> {
    let mut seen: HashMap<&str, usize> = HashMap::with_capacity(facilities.len());
    let list = Place::ROOT.key("facilities");
    for (i, f) in facilities.iter().enumerate() {
        let p = list.index(i);
        match seen.entry(f.id.as_str()) {
            Entry::Occupied(first) => {
                findings.push(
                    FACILITY_DUPLICATE_ID
                        .at(p.key("id"))
                        .with("first", *first.get()),
                );
            }
            Entry::Vacant(slot) => {
                slot.insert(i);
            }
        }
        if let Some(max) = f.max_age.filter(|m| f.min_age > *m) {
            findings.push(
                FACILITY_AGE_RANGE_INVERTED
                    .at(p.key("min_age"))
                    .with("min_age", f.min_age)
                    .with("max_age", max),
            );
        }
        if f.beds == 0 {
            findings.push(FACILITY_NO_BEDS.at(p.key("beds")));
        }
    }
    seen
}

impl<'a> Context<'a> {
    /// Prepares the context and reports directory and board findings in document order.
    pub fn new(
        facilities: &'a [Facility],
        board: &'a Board,
        policy: Policy,
        as_of: IsoDate,
        findings: &mut Vec<Finding>,
    ) -> Self {
        // The first facility with each id (the directory check indexes them).
        let facility_of = check_directory_indexed(facilities, findings);
        let mut row_by_id: HashMap<&str, usize> = HashMap::with_capacity(board.rows.len());
        let mut stale = Vec::with_capacity(board.rows.len());
        let board_at = Place::ROOT.key("board");
        let rows = board_at.key("rows");
        for (j, row) in board.rows.iter().enumerate() {
            let p = rows.index(j);
            if !facility_of.contains_key(row.facility_id.as_str()) {
                findings.push(BOARD_UNKNOWN_FACILITY.at(p.key("facility_id")));
            }
            if let Some(first) = row_by_id.get(row.facility_id.as_str()) {
                findings.push(
                    BOARD_DUPLICATE_ROW
                        .at(p.key("facility_id"))
                        .with("first", *first),
                );
            } else {
                row_by_id.insert(row.facility_id.as_str(), j);
            }
            let age = row.updated_on.days_until(as_of);
            let is_stale = age > i64::from(policy.stale_after_days);
            if is_stale {
                findings.push(
                    BOARD_STALE
                        .at(p.key("updated_on"))
                        .with("updated_on", date(row.updated_on))
                        .with("days", age)
                        .with("limit", policy.stale_after_days),
                );
            } else if age < 0 {
                findings.push(
                    BOARD_UPDATED_AFTER_AS_OF
                        .at(p.key("updated_on"))
                        .with("updated_on", date(row.updated_on))
                        .with("as_of", date(as_of)),
                );
            }
            stale.push(is_stale);
        }
        let row_of = facilities
            .iter()
            .map(|f| row_by_id.get(f.id.as_str()).copied())
            .collect();
        let care = facilities.iter().map(|f| care_mask(&f.care)).collect();
        Context {
            facilities,
            board,
            policy,
            row_of,
            stale,
            care,
        }
    }

    /// The effective mark of board row `j` on `date` (stale rows and dates outside the
    /// row are unknown) and the index of the mark in the row when there is one.
    pub fn mark(&self, j: usize, date: IsoDate) -> (Vacancy, Option<usize>) {
        let Some(row) = self.board.rows.get(j) else {
            return (Vacancy::Unknown, None);
        };
        let Ok(idx) = usize::try_from(row.start.days_until(date)) else {
            return (Vacancy::Unknown, None);
        };
        match row.marks.get(idx) {
            Some(_) if self.stale.get(j).copied().unwrap_or(true) => (Vacancy::Unknown, Some(idx)),
            Some(m) => (*m, Some(idx)),
            None => (Vacancy::Unknown, None),
        }
    }
}

/// Pointer to mark `idx` of board row `j`, or to the row's marks when the date is
/// outside the row.
fn mark_path(j: usize, idx: Option<usize>) -> String {
    let board = Place::ROOT.key("board");
    let rows = board.key("rows");
    let row = rows.index(j);
    let marks = row.key("marks");
    match idx {
        Some(i) => marks.index(i).pointer(),
        None => marks.pointer(),
    }
}

/// What a request looks like once checked: its nights and the child's care mask.
#[derive(Debug, Clone)]
pub(crate) struct Prepared {
    pub nights: Vec<IsoDate>,
    pub care: u64,
    /// Age on the first and the last night (`None`: born after that night).
    pub ages: (Option<u32>, Option<u32>),
    pub days_counted: u32,
    /// Entitled to 医療型短期入所 on the first night ([`crate::scores::entitlement::decide`]).
    pub entitled: bool,
}

/// Checks a request; `None` when it is too broken to evaluate (nights out of range).
pub(crate) fn prepare(
    req: &StayRequest,
    base: &Place<'_>,
    policy: &Policy,
    findings: &mut Vec<Finding>,
) -> Option<Prepared> {
    if req.used_days > req.granted_days {
        findings.push(
            REQUEST_USED_OVER_GRANTED
                .at(base.key("used_days"))
                .with("used", req.used_days)
                .with("granted", req.granted_days),
        );
    }
    let limit = policy.max_request_nights.min(HARD_MAX_NIGHTS);
    let last = req
        .nights
        .checked_sub(1)
        .and_then(|n| req.first_night.add_days(i64::from(n)));
    let Some(last) = last.filter(|_| req.nights <= limit) else {
        findings.push(
            REQUEST_NIGHTS_OUT_OF_RANGE
                .at(base.key("nights"))
                .with("nights", req.nights)
                .with("limit", limit),
        );
        return None;
    };
    if req.child.birth_date > req.first_night {
        findings.push(REQUEST_BORN_AFTER_STAY.at(base.key("child").key("birth_date")));
    }
    let mut nights = Vec::with_capacity(usize::try_from(req.nights).unwrap_or(0));
    let mut d = Some(req.first_night);
    while let Some(night) = d.filter(|n| *n <= last) {
        nights.push(night);
        d = night.next();
    }
    let first_age = age_on(req.child.birth_date, req.first_night);
    let child = base.key("child");
    let decision = crate::scores::entitlement::decide(
        &req.child.grounds,
        first_age.unwrap_or(0),
        crate::scores::EntitlementPolicy {
            accept_unconfirmed_grounds: policy.accept_unconfirmed_grounds,
        },
        &child.key("grounds").path(),
        &child.key("birth_date").path(),
        findings,
    );
    Some(Prepared {
        nights,
        care: care_mask(&req.child.care),
        ages: (first_age, age_on(req.child.birth_date, last)),
        days_counted: req.days_counted(policy),
        entitled: decision.eligible,
    })
}

/// How much of a reason [`judge`] builds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Explain {
    /// Every reason as a full finding: its pointer and both messages (`evaluate`).
    Full,
    /// Only each reason's code and severity, with an empty path and empty messages: for
    /// callers that keep the codes alone (`allocate`), so that no pointer or message is
    /// formatted only to be dropped. Which reasons there are is the same as with `Full`.
    CodesOnly,
}

/// The reasons of one verdict, built as [`Explain`] says.
struct Reasons {
    explain: Explain,
    list: Vec<Finding>,
}

impl Reasons {
    fn new(explain: Explain) -> Self {
        Reasons {
            explain,
            list: Vec::new(),
        }
    }

    /// Adds a reason of `rule`; `full` builds the whole finding, called only when it is
    /// explained.
    fn add(&mut self, rule: &Rule, full: impl FnOnce() -> Finding) {
        self.list.push(match self.explain {
            Explain::Full => full(),
            Explain::CodesOnly => rule.code_only(),
        });
    }
}

/// The verdict of facility `fi` for a prepared request whose document is at `base`.
pub(crate) fn judge(
    ctx: &Context<'_>,
    fi: usize,
    req: &StayRequest,
    prep: &Prepared,
    base: &Place<'_>,
    explain: Explain,
) -> Option<FacilityVerdict> {
    let f = ctx.facilities.get(fi)?;
    let facilities = Place::ROOT.key("facilities");
    let fp = facilities.index(fi);
    let mut reasons = Reasons::new(explain);
    // 1. Entitlement to 医療型短期入所.
    if f.service == ServiceType::Medical && !prep.entitled {
        reasons.add(&REASON_NOT_ENTITLED, || {
            REASON_NOT_ENTITLED.at(base.key("child").key("grounds"))
        });
    }
    // 2. Care the facility cannot give: one reason per kind, pointing at the child's need.
    let fcare = ctx.care.get(fi).copied().unwrap_or(0);
    if prep.care & !fcare != 0 {
        for (i, k) in req.child.care.iter().enumerate() {
            if care_bit(*k) & !fcare != 0 {
                reasons.add(&REASON_CARE_NOT_PROVIDED, || {
                    REASON_CARE_NOT_PROVIDED
                        .at(base.key("child").key("care").index(i))
                        .with("care", words(k.label_ja(), k.label_en()))
                });
            }
        }
    }
    // 3. Age on the first and the last night.
    match prep.ages {
        (Some(first), Some(last)) => {
            if first < f.min_age {
                reasons.add(&REASON_AGE_OUT_OF_RANGE, || {
                    REASON_AGE_OUT_OF_RANGE
                        .at(fp.key("min_age"))
                        .with("age", first)
                        .with("min_age", f.min_age)
                });
            }
            if let Some(max) = f.max_age.filter(|m| last > *m) {
                reasons.add(&REASON_AGE_OUT_OF_RANGE, || {
                    REASON_AGE_OUT_OF_RANGE
                        .at(fp.key("max_age"))
                        .with("age", last)
                        .with("max_age", max)
                });
            }
        }
        _ => reasons.add(&REASON_AGE_OUT_OF_RANGE, || {
            REASON_AGE_OUT_OF_RANGE
                .at(base.key("child").key("birth_date"))
                .with(
                    "not_born",
                    words("利用初日に未出生", "not born on the first night"),
                )
        }),
    }
    // 4. Longest stay.
    if req.nights > f.max_nights {
        reasons.add(&REASON_STAY_TOO_LONG, || {
            REASON_STAY_TOO_LONG
                .at(base.key("nights"))
                .with("nights", req.nights)
                .with("max_nights", f.max_nights)
        });
    }
    // 5. Granted days (支給量).
    let needed = req.used_days.saturating_add(prep.days_counted);
    if needed > req.granted_days {
        reasons.add(&REASON_OVER_GRANTED_DAYS, || {
            REASON_OVER_GRANTED_DAYS
                .at(base.key("granted_days"))
                .with("used", req.used_days)
                .with("counted", prep.days_counted)
                .with("granted", req.granted_days)
        });
    }
    // 6–8. The board, night by night.
    let (mut free, mut few, mut full, mut unknown) = (0u32, 0u32, 0u32, 0u32);
    let mut first_full: Option<(IsoDate, Option<usize>)> = None;
    let mut first_unknown: Option<(IsoDate, Option<usize>)> = None;
    let row = ctx.row_of.get(fi).copied().flatten();
    let stale = row.is_some_and(|j| ctx.stale.get(j).copied().unwrap_or(false));
    for night in &prep.nights {
        let (m, idx) = match row {
            Some(j) => ctx.mark(j, *night),
            None => (Vacancy::Unknown, None),
        };
        match m {
            Vacancy::Free => free = free.saturating_add(1),
            Vacancy::Few => few = few.saturating_add(1),
            Vacancy::Full => {
                full = full.saturating_add(1);
                first_full.get_or_insert((*night, idx));
            }
            Vacancy::Unknown => {
                unknown = unknown.saturating_add(1);
                first_unknown.get_or_insert((*night, idx));
            }
        }
    }
    // The pointer of a night: its mark, the row's marks, or the facility's id when the
    // facility has no row.
    let night_path = |idx: Option<usize>| match row {
        Some(j) => mark_path(j, idx),
        None => fp.key("id").pointer(),
    };
    if let Some((night, idx)) = first_full {
        reasons.add(&REASON_NO_FREE_NIGHT, || {
            REASON_NO_FREE_NIGHT
                .at(night_path(idx))
                .with("nights", full)
                .with("first", date(night))
        });
    }
    if stale {
        if let Some(j) = row {
            let updated = ctx.board.rows.get(j).map(|r| r.updated_on);
            let board = Place::ROOT.key("board");
            let rows = board.key("rows");
            let row_at = rows.index(j);
            let p = row_at.key("updated_on");
            match updated {
                Some(u) => reasons.add(&REASON_STALE_DATA, || {
                    REASON_STALE_DATA
                        .at(p)
                        .with("updated_on", date(u))
                        .with("limit", ctx.policy.stale_after_days)
                }),
                None => reasons.add(&REASON_STALE_DATA, || REASON_STALE_DATA.at(p)),
            }
        }
    } else if let Some((night, idx)) = first_unknown {
        reasons.add(&REASON_VACANCY_UNKNOWN, || {
            let f = REASON_VACANCY_UNKNOWN.at(night_path(idx));
            if row.is_none() {
                f.with(
                    "not_on_board",
                    words(
                        "空き情報に施設の行がありません",
                        "the facility is not on the board",
                    ),
                )
            } else {
                f.with("nights", unknown).with("first", date(night))
            }
        });
    }
    let same_area = req.area.as_deref().is_some_and(|a| a == f.area);
    Some(FacilityVerdict {
        facility_id: f.id.clone(),
        facility_index: count_u32(fi),
        eligible: reasons.list.is_empty(),
        free_nights: free,
        few_nights: few,
        full_nights: full,
        unknown_nights: unknown,
        same_area,
        reasons: reasons.list,
    })
}

/// The ranking key of an eligible verdict (see the module docs).
pub(crate) fn rank_key(v: &FacilityVerdict) -> (u32, bool, &str, u32) {
    (
        v.few_nights,
        !v.same_area,
        v.facility_id.as_str(),
        v.facility_index,
    )
}

/// Evaluates one request: every facility's verdict, and the eligible ones in order.
/// Pure; never panics. Cost: O(facilities × (nights + care kinds)).
pub fn evaluate(input: &ShortstayEvaluation) -> Computed<EvaluationResult> {
    let mut findings = Vec::new();
    let ctx = Context::new(
        &input.facilities,
        &input.board,
        input.policy,
        input.as_of,
        &mut findings,
    );
    let base = Place::ROOT.key("request");
    let req = &input.request;
    let Some(prep) = prepare(req, &base, &input.policy, &mut findings) else {
        return Computed::new(findings, None);
    };
    let verdicts: Vec<FacilityVerdict> = (0..input.facilities.len())
        .filter_map(|fi| judge(&ctx, fi, req, &prep, &base, Explain::Full))
        .collect();
    let mut order: Vec<&FacilityVerdict> = verdicts.iter().filter(|v| v.eligible).collect();
    order.sort_by(|a, b| rank_key(a).cmp(&rank_key(b)));
    let eligible: Vec<RankedFacility> = order
        .iter()
        .enumerate()
        .filter_map(|(r, v)| {
            let f = input
                .facilities
                .get(usize::try_from(v.facility_index).ok()?)?;
            Some(RankedFacility {
                rank: count_u32(r.saturating_add(1)),
                facility_id: v.facility_id.clone(),
                name: f.name.clone(),
                phone: f.phone.clone(),
                few_nights: v.few_nights,
                same_area: v.same_area,
            })
        })
        .collect();
    if eligible.is_empty() {
        findings.push(EVALUATION_NONE_ELIGIBLE.at(base));
    }
    Computed::new(
        findings,
        Some(EvaluationResult {
            request_id: req.id.clone(),
            nights: prep.nights,
            days_counted: prep.days_counted,
            eligible,
            facilities: verdicts,
        }),
    )
}

/// Searches the directory by area, required care, age and service type. Pure.
pub fn search(input: &ShortstaySearch) -> Computed<SearchResult> {
    let mut findings = Vec::new();
    check_directory(&input.facilities, &mut findings);
    let need = care_mask(&input.care);
    let facilities = input
        .facilities
        .iter()
        .filter(|f| input.area.as_deref().is_none_or(|a| a == f.area))
        .filter(|f| need & !care_mask(&f.care) == 0)
        .filter(|f| {
            input
                .age
                .is_none_or(|a| a >= f.min_age && f.max_age.is_none_or(|m| a <= m))
        })
        .filter(|f| input.service.is_none_or(|s| s == f.service))
        .cloned()
        .collect();
    Computed::new(findings, Some(SearchResult { facilities }))
}
