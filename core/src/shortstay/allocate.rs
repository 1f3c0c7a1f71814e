//! Fair allocation of many families' requests over one vacancy board ("equal access",
//! [S-000] №19).
//!
//! # Algorithm
//!
//! 1. Every request is evaluated against every facility exactly as `shortstay.evaluate`
//!    does; a request may only ever be given a facility whose verdict is eligible, in
//!    the evaluation's ranking order.
//! 2. The capacity of a facility on a night comes from the board: ○ → its `beds`,
//!    △ → `min(beds, policy.few_beds)`, × / unknown / stale → 0.
//! 3. Nights are taken in date order. On each night, the families that asked for it are
//!    served one at a time in **priority order**: fewest *used days* first, where used
//!    days = the request's `used_days` plus the nights already granted to it earlier in
//!    this allocation; ties are broken by `submitted_on` (earlier first; absent last),
//!    then by request id (byte order), then by position in the input.
//! 4. A family is given the facility it had the night before if that facility still has
//!    a bed (so a stay does not move without need); otherwise the first facility in its
//!    ranking with a bed left; otherwise the night is refused (`no_bed_left`).
//!
//! Every (request, night) gets one [`Decision`] with a `shortstay.allocation.*` code and
//! the used days it was judged with. Consequences, checked by property tests: no
//! facility is ever over capacity; no night is ever given at a facility the family is not
//! eligible for; the same input gives the same output; and a night at a facility is never
//! given to a family with more used days while a family with fewer, eligible there, is
//! refused that night (it was served first, and capacity only goes down).
//!
//! Cost: O(requests × facilities) to evaluate, then O(Σ nights × (log + eligible
//! facilities)) to allocate; no scan over all facilities × all requests per night.

use super::evaluate::{Context, Explain, FacilityVerdict, judge, prepare, rank_key};
use super::rules::*;
use super::{Board, Facility, Policy, StayRequest, Vacancy};
use crate::calendar::IsoDate;
use crate::finding::{Finding, Path, Place};
use crate::operation::Computed;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};

/// 短期入所の割当 / Input of `shortstay.allocate`: many requests over one directory and board.
#[derive(
    Debug, Clone, PartialEq, Eq, Serialize, Deserialize, crate::input::Recover, crate::emit::Emit,
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ShortstayAllocation {
    /// JSON Schema の URL（任意） / URL of this document's JSON Schema (optional).
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    /// 文書の形式の版（省略時は 1） / Document format version (absent means 1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<crate::version::FormatVersion>,
    /// 基準日 / The day the allocation is made ("today"), for the freshness of the board.
    pub as_of: IsoDate,
    /// 方針 / Policy (every field has a default).
    #[serde(default)]
    pub policy: Policy,
    /// 施設一覧 / The facility directory.
    pub facilities: Vec<Facility>,
    /// 空き情報 / The vacancy board.
    pub board: Board,
    /// 申込（1家族1件） / The requests, one per family.
    pub requests: Vec<StayRequest>,
}

/// 判定 / Granted or refused.
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
pub enum DecisionOutcome {
    /// 割当 / Granted.
    Granted,
    /// 不可 / Refused.
    Refused,
}

impl DecisionOutcome {
    /// 日本語ラベル / Japanese label.
    pub const fn label_ja(self) -> &'static str {
        match self {
            DecisionOutcome::Granted => "割当",
            DecisionOutcome::Refused => "割当不可",
        }
    }
}

/// 一晩の判定 / One decision: one request, one night.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, crate::emit::Emit)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Decision {
    /// 夜 / The night (for an invalid request, its first night).
    pub night: IsoDate,
    /// 申込ID / Request id.
    pub request_id: String,
    /// 申込の位置 / Position of the request in the input (0-based).
    pub request_index: u32,
    /// 判定 / Granted or refused.
    pub outcome: DecisionOutcome,
    /// 施設ID / The facility given, when granted.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub facility_id: Option<String>,
    /// 判定時の利用日数 / Used days the family was judged with (its priority: fewer first).
    pub used_before: u32,
    /// 説明 / Why (`shortstay.allocation.*`), pointing at the request.
    pub explanation: Finding,
}

/// 割り当てた夜 / One night granted to a request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, crate::emit::Emit)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct NightGrant {
    /// 夜 / The night.
    pub night: IsoDate,
    /// 施設ID / The facility.
    pub facility_id: String,
}

/// 利用不可の施設と理由コード / A facility a request cannot use, with the reason codes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, crate::emit::Emit)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct FacilityCodes {
    /// 施設ID / Facility id.
    pub facility_id: String,
    /// 理由コード / The `shortstay.reason.*` codes (see `shortstay.evaluate` for messages).
    pub reasons: Vec<String>,
}

/// 申込ごとの結果 / The outcome for one request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, crate::emit::Emit)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct RequestOutcome {
    /// 申込ID / Request id.
    pub request_id: String,
    /// 申込の位置 / Position in the input (0-based).
    pub request_index: u32,
    /// 希望泊数 / Nights requested.
    pub nights_requested: u32,
    /// 割当泊数 / Nights granted.
    pub nights_granted: u32,
    /// 利用可能な施設（順位順） / Eligible facility ids, best first.
    pub eligible_facilities: Vec<String>,
    /// 利用不可の施設 / Facilities the request cannot use, with reason codes.
    pub ineligible: Vec<FacilityCodes>,
    /// 割り当てた夜 / The nights granted, in date order.
    pub grants: Vec<NightGrant>,
}

/// 施設・夜ごとの使用状況 / Beds used on one facility-night that some request asked for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, crate::emit::Emit)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct FacilityNight {
    /// 施設ID / Facility id.
    pub facility_id: String,
    /// 夜 / The night.
    pub night: IsoDate,
    /// 割当可能数 / Beds the allocator could give (from the board and the policy).
    pub capacity: u32,
    /// 割当数 / Beds given.
    pub granted: u32,
}

/// 割当結果 / Result of `shortstay.allocate`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, crate::emit::Emit)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct AllocationResult {
    /// 判定（夜の順、各夜は優先順） / Every decision, night by night, in the order made; then one `invalid_request` decision per request that could not be evaluated.
    pub decisions: Vec<Decision>,
    /// 申込ごとの結果（入力の順） / Per request, in input order.
    pub requests: Vec<RequestOutcome>,
    /// 施設・夜ごとの使用状況 / Use of every facility-night that was considered, by facility then night.
    pub load: Vec<FacilityNight>,
}

fn count_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// Beds the allocator may give at facility `fi` on `night`.
fn capacity(ctx: &Context<'_>, fi: usize, night: IsoDate) -> u32 {
    let Some(f) = ctx.facilities.get(fi) else {
        return 0;
    };
    let mark = match ctx.row_of.get(fi).copied().flatten() {
        Some(j) => ctx.mark(j, night).0,
        None => Vacancy::Unknown,
    };
    match mark {
        Vacancy::Free => f.beds,
        Vacancy::Few => f.beds.min(ctx.policy.few_beds),
        Vacancy::Full | Vacancy::Unknown => 0,
    }
}

struct Slot {
    capacity: u32,
    granted: u32,
}

/// Allocates the requests night by night (see the module docs). Pure; never panics.
pub fn allocate(input: &ShortstayAllocation) -> Computed<AllocationResult> {
    let mut findings = Vec::new();
    let ctx = Context::new(
        &input.facilities,
        &input.board,
        input.policy,
        input.as_of,
        &mut findings,
    );

    // Duplicate request ids.
    let mut seen: HashMap<&str, usize> = HashMap::with_capacity(input.requests.len());
    for (i, r) in input.requests.iter().enumerate() {
        if let Some(first) = seen.get(r.id.as_str()) {
            findings.push(
                REQUEST_DUPLICATE_ID
                    .at(Path::root().key("requests").index(i).key("id"))
                    .with("first", *first),
            );
        } else {
            seen.insert(r.id.as_str(), i);
        }
    }

    // 1. Evaluate every request.
    let mut outcomes = Vec::with_capacity(input.requests.len());
    let mut eligible_of: Vec<Vec<usize>> = Vec::with_capacity(input.requests.len());
    let mut by_night: BTreeMap<IsoDate, Vec<usize>> = BTreeMap::new();
    let mut invalid: Vec<usize> = Vec::new();
    for (i, req) in input.requests.iter().enumerate() {
        let requests = Place::ROOT.key("requests");
        let base = requests.index(i);
        let prep = prepare(req, &base, &input.policy, &mut findings);
        let mut eligible: Vec<FacilityVerdict> = Vec::new();
        let mut ineligible = Vec::new();
        if let Some(prep) = &prep {
            for fi in 0..input.facilities.len() {
                let Some(v) = judge(&ctx, fi, req, prep, &base, Explain::CodesOnly) else {
                    continue;
                };
                if v.eligible {
                    eligible.push(v);
                } else {
                    ineligible.push(FacilityCodes {
                        facility_id: v.facility_id,
                        reasons: v.reasons.into_iter().map(|f| f.code).collect(),
                    });
                }
            }
            for night in &prep.nights {
                by_night.entry(*night).or_default().push(i);
            }
        } else {
            invalid.push(i);
        }
        eligible.sort_by(|a, b| rank_key(a).cmp(&rank_key(b)));
        eligible_of.push(
            eligible
                .iter()
                .filter_map(|v| usize::try_from(v.facility_index).ok())
                .collect(),
        );
        outcomes.push(RequestOutcome {
            request_id: req.id.clone(),
            request_index: count_u32(i),
            nights_requested: req.nights,
            nights_granted: 0,
            eligible_facilities: eligible.into_iter().map(|v| v.facility_id).collect(),
            ineligible,
            grants: Vec::new(),
        });
    }

    // 2. Night by night, fewest used days first.
    let mut used: Vec<u32> = input.requests.iter().map(|r| r.used_days).collect();
    let mut last: Vec<Option<usize>> = vec![None; input.requests.len()];
    let mut slots: HashMap<(usize, IsoDate), Slot> = HashMap::new();
    let mut decisions = Vec::new();
    for (night, mut wanting) in by_night {
        wanting.sort_by(|&a, &b| {
            let key = |i: usize| {
                let r = input.requests.get(i);
                (
                    used.get(i).copied().unwrap_or(u32::MAX),
                    r.and_then(|r| r.submitted_on).is_none(),
                    r.and_then(|r| r.submitted_on),
                    r.map(|r| r.id.as_str()),
                    i,
                )
            };
            key(a).cmp(&key(b))
        });
        for i in wanting {
            let (Some(req), Some(eligible)) = (input.requests.get(i), eligible_of.get(i)) else {
                continue;
            };
            let base = Path::root().key("requests").index(i);
            let used_before = used.get(i).copied().unwrap_or(0);
            let mut has_bed = |fi: usize| {
                let slot = slots.entry((fi, night)).or_insert_with(|| Slot {
                    capacity: capacity(&ctx, fi, night),
                    granted: 0,
                });
                slot.granted < slot.capacity
            };
            let previous = last.get(i).copied().flatten();
            let chosen = previous
                .filter(|fi| has_bed(*fi))
                .or_else(|| eligible.iter().copied().find(|fi| has_bed(*fi)));
            let decision = match chosen {
                Some(fi) => {
                    if let Some(slot) = slots.get_mut(&(fi, night)) {
                        slot.granted = slot.granted.saturating_add(1);
                    }
                    if let Some(u) = used.get_mut(i) {
                        *u = u.saturating_add(1);
                    }
                    if let Some(l) = last.get_mut(i) {
                        *l = Some(fi);
                    }
                    let facility_id = ctx
                        .facilities
                        .get(fi)
                        .map(|f| f.id.clone())
                        .unwrap_or_default();
                    let rank = eligible
                        .iter()
                        .position(|x| *x == fi)
                        .map_or(0, |p| p.saturating_add(1));
                    if let Some(o) = outcomes.get_mut(i) {
                        o.nights_granted = o.nights_granted.saturating_add(1);
                        o.grants.push(NightGrant {
                            night,
                            facility_id: facility_id.clone(),
                        });
                    }
                    Decision {
                        night,
                        request_id: req.id.clone(),
                        request_index: count_u32(i),
                        outcome: DecisionOutcome::Granted,
                        facility_id: Some(facility_id),
                        used_before,
                        explanation: {
                            let f = ALLOCATION_GRANTED
                                .at(base)
                                .with("eligible", eligible.len())
                                .with("rank", rank)
                                .with("used", used_before);
                            if previous == Some(fi) {
                                f.with(
                                    "same_facility",
                                    words(
                                        "、前夜と同じ施設",
                                        ", same facility as the night before",
                                    ),
                                )
                            } else {
                                f
                            }
                        },
                    }
                }
                None => {
                    let explanation = if eligible.is_empty() {
                        ALLOCATION_NO_ELIGIBLE_FACILITY
                            .at(base)
                            .with("facilities", input.facilities.len())
                    } else {
                        ALLOCATION_NO_BED_LEFT
                            .at(base)
                            .with("used", used_before)
                            .with("eligible", eligible.len())
                    };
                    Decision {
                        night,
                        request_id: req.id.clone(),
                        request_index: count_u32(i),
                        outcome: DecisionOutcome::Refused,
                        facility_id: None,
                        used_before,
                        explanation,
                    }
                }
            };
            decisions.push(decision);
        }
    }
    for i in invalid {
        let Some(req) = input.requests.get(i) else {
            continue;
        };
        decisions.push(Decision {
            night: req.first_night,
            request_id: req.id.clone(),
            request_index: count_u32(i),
            outcome: DecisionOutcome::Refused,
            facility_id: None,
            used_before: req.used_days,
            explanation: ALLOCATION_INVALID_REQUEST.at(Path::root().key("requests").index(i)),
        });
    }

    let mut load: Vec<((usize, IsoDate), Slot)> = slots.into_iter().collect();
    load.sort_by_key(|a| a.0);
    let load = load
        .into_iter()
        .map(|((fi, night), s)| FacilityNight {
            facility_id: ctx
                .facilities
                .get(fi)
                .map(|f| f.id.clone())
                .unwrap_or_default(),
            night,
            capacity: s.capacity,
            granted: s.granted,
        })
        .collect();
    Computed::new(
        findings,
        Some(AllocationResult {
            decisions,
            requests: outcomes,
            load,
        }),
    )
}
