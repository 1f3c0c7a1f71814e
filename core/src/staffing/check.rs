//! The staffing check: policy merge, exact shares, roles, meetings.

use super::rules::*;
use super::{
    AppliedPolicy, DEFAULT_MAX_MEETING_GAP_DAYS, Hub, MeetingStatus, Meetings, NATIONAL_ROLES,
    Policy, Requirement, Role, RoleCoverage, RoleRule, StaffShare, StaffingReport, StaffingRequest,
};
use crate::calendar::IsoDate;
use crate::finding::{ArgValue, Finding, Label, Path};
use crate::index::{Seen, TextIndex, first_equal};
use crate::operation::Computed;
use serde::Serialize;
use std::num::NonZeroU32;

/// 割合 / An exact share: a reduced fraction and a percentage truncated to 2 decimals.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, crate::emit::Emit)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Share {
    /// 分子 / Numerator of the reduced fraction.
    pub numerator: u64,
    /// 分母 / Denominator of the reduced fraction (never 0).
    pub denominator: u64,
    /// 分数 / The reduced fraction as text, e.g. `"1/5"`.
    pub fraction: String,
    /// 百分率 / The percentage truncated (not rounded) to two decimals, e.g. `"19.75"`.
    pub percent: String,
}

fn gcd(mut a: u64, mut b: u64) -> u64 {
    while b != 0 {
        let r = a % b;
        a = b;
        b = r;
    }
    a
}

/// The exact share `hub / contracted`, or `None` when `contracted` is 0.
pub fn share_of(hub_minutes: u32, contracted_minutes: u32) -> Option<Share> {
    let (h, c) = (u64::from(hub_minutes), u64::from(contracted_minutes));
    if c == 0 {
        return None;
    }
    let g = gcd(h, c).max(1);
    let (numerator, denominator) = (h / g, c / g);
    let hundredths = percent_hundredths(hub_minutes, contracted_minutes)?;
    Some(Share {
        numerator,
        denominator,
        fraction: format!("{numerator}/{denominator}"),
        percent: format!("{}.{:02}", hundredths / 100, hundredths % 100),
    })
}

/// The share `hub / contracted` in hundredths of a percent, truncated (not rounded):
/// 474 of 2400 minutes is 1975 (19.75%); `None` when `contracted` is 0.
fn percent_hundredths(hub_minutes: u32, contracted_minutes: u32) -> Option<u64> {
    // h * 10_000 fits in u64 (h < 2^32).
    u64::from(hub_minutes)
        .saturating_mul(10_000)
        .checked_div(u64::from(contracted_minutes))
}

/// True iff `hub / contracted ≥ min_percent / 100`, exactly (integer arithmetic), with
/// `contracted > 0` and `hub ≤ contracted`.
pub fn meets_minimum(hub_minutes: u32, contracted_minutes: u32, min_share_percent: u32) -> bool {
    let (h, c, m) = (
        u64::from(hub_minutes),
        u64::from(contracted_minutes),
        u64::from(min_share_percent),
    );
    c > 0 && h <= c && h * 100 >= m * c
}

const fn rank(r: Requirement) -> u8 {
    match r {
        Requirement::Optional => 0,
        Requirement::Desirable => 1,
        Requirement::Required => 2,
    }
}

/// The policy applied: the national rules with `policy`'s overrides, and the findings
/// about the policy itself (paths under `/policy`).
pub fn applied_policy(policy: Option<&Policy>) -> (AppliedPolicy, Vec<Finding>) {
    let mut findings = Vec::new();
    let mut roles = NATIONAL_ROLES.to_vec();
    let mut gap = DEFAULT_MAX_MEETING_GAP_DAYS;
    let Some(p) = policy else {
        return (
            AppliedPolicy {
                national: true,
                roles,
                max_meeting_gap_days: gap,
            },
            findings,
        );
    };
    let base = Path::root().key("policy");
    let mut seen = Seen::new();
    for (j, o) in p.roles.iter().enumerate() {
        let at = base.key("roles").index(j);
        if !seen.insert(o.role) {
            findings.push(
                POLICY_DUPLICATE_ROLE
                    .at(at.key("role"))
                    .with("role", role_label(o.role)),
            );
            continue;
        }
        let national = NATIONAL_ROLES.iter().find(|r| r.role == o.role).copied();
        let Some(rule) = roles.iter_mut().find(|r| r.role == o.role) else {
            continue;
        };
        if let Some(req) = o.requirement {
            if national.is_some_and(|n| rank(req) < rank(n.requirement)) {
                findings.push(
                    POLICY_LOOSER_THAN_NATIONAL
                        .at(at.key("requirement"))
                        .with("role", role_label(o.role))
                        .with(
                            "requirement",
                            Label {
                                code: "",
                                ja: req.label_ja(),
                                en: requirement_en(req),
                            },
                        ),
                );
            }
            rule.requirement = req;
        }
        if let Some(min) = o.min_share_percent {
            if min > 100 {
                findings.push(
                    POLICY_SHARE_OUT_OF_RANGE
                        .at(at.key("min_share_percent"))
                        .with("share", min),
                );
                continue;
            }
            if let Some(n) = national.filter(|n| min < n.min_share_percent) {
                findings.push(
                    POLICY_LOOSER_THAN_NATIONAL
                        .at(at.key("min_share_percent"))
                        .with("role", role_label(o.role))
                        .with("share", min)
                        .with("national", n.min_share_percent),
                );
            }
            rule.min_share_percent = min;
        }
    }
    if let Some(g) = p.max_meeting_gap_days {
        gap = g.get();
    }
    (
        AppliedPolicy {
            national: p.roles.is_empty() && p.max_meeting_gap_days.is_none(),
            roles,
            max_meeting_gap_days: gap,
        },
        findings,
    )
}

/// A role as a finding argument (its labels).
fn role_label(r: Role) -> Label {
    Label {
        code: "",
        ja: r.label_ja(),
        en: r.label_en(),
    }
}

const fn requirement_en(r: Requirement) -> &'static str {
    match r {
        Requirement::Optional => "optional",
        Requirement::Desirable => "desirable",
        Requirement::Required => "required",
    }
}

fn role_rule(policy: &AppliedPolicy, role: Role) -> RoleRule {
    policy
        .roles
        .iter()
        .find(|r| r.role == role)
        .copied()
        .unwrap_or(RoleRule {
            role,
            requirement: Requirement::Optional,
            min_share_percent: 0,
        })
}

/// Runs every staffing rule on `req` (the `staffing.check` operation).
pub fn check(req: StaffingRequest) -> Computed<StaffingReport> {
    let (policy, policy_findings) = applied_policy(req.policy.as_ref());
    let mut findings = Vec::new();
    let hub = &req.hub;
    let hub_path = Path::root().key("hub");
    if hub.name.trim().is_empty() {
        findings.push(HUB_NAME_BLANK.at(hub_path.key("name")));
    }
    if hub.host_organisation.trim().is_empty() {
        findings.push(HUB_HOST_BLANK.at(hub_path.key("host_organisation")));
    }
    let staff = check_staff(hub, &policy, &hub_path, &mut findings);
    let roles = check_roles(&staff, &policy, &hub_path, &mut findings);
    // The hub's own meetings kept as meeting records (kind `hub_staff`) count as held.
    let records = Path::root().key("meeting_records");
    let mut recorded: Vec<(IsoDate, Path)> = Vec::new();
    for (i, m) in req.meeting_records.iter().enumerate() {
        let at = records.index(i);
        findings.extend(crate::meeting::validate(m, &at));
        if m.kind == crate::meeting::MeetingKind::HubStaff {
            recorded.push((m.date, at.key("date")));
        }
    }
    let meetings = check_meetings(hub, req.as_of, &policy, &hub_path, &recorded, &mut findings);
    findings.extend(policy_findings);
    Computed::new(
        findings,
        Some(StaffingReport {
            policy,
            staff,
            roles,
            meetings,
        }),
    )
}

fn check_staff(
    hub: &Hub,
    policy: &AppliedPolicy,
    hub_path: &Path,
    findings: &mut Vec<Finding>,
) -> Vec<StaffShare> {
    let mut ids = TextIndex::new();
    let mut out = Vec::with_capacity(hub.staff.len());
    for (i, s) in hub.staff.iter().enumerate() {
        let at = hub_path.key("staff").index(i);
        let id = s.id.trim();
        if id.is_empty() {
            findings.push(STAFF_ID_BLANK.at(at.key("id")));
        } else if !ids.insert(id) {
            findings.push(STAFF_DUPLICATE_ID.at(at.key("id")));
        }
        if s.facility.trim().is_empty() {
            findings.push(STAFF_FACILITY_BLANK.at(at.key("facility")));
        }
        if s.roles.is_empty() {
            findings.push(STAFF_NO_ROLE.at(at.key("roles")));
        }
        let mut seen = Seen::new();
        for (j, r) in s.roles.iter().enumerate() {
            if !seen.insert(*r) {
                findings.push(
                    STAFF_DUPLICATE_ROLE
                        .at(at.key("roles").index(j))
                        .with("role", role_label(*r)),
                );
            }
        }
        if seen.contains(&Role::Physician) && seen.iter().any(|r| r.is_nursing()) {
            findings.push(STAFF_PHYSICIAN_AND_NURSE.at(at.key("roles")));
        }
        let (h, c) = (s.hub_minutes, s.contracted_minutes);
        if c == 0 {
            findings.push(STAFF_CONTRACTED_ZERO.at(at.key("contracted_minutes")));
        } else if c > s.basis.max_minutes() {
            findings.push(
                STAFF_TIME_EXCEEDS_PERIOD
                    .at(at.key("contracted_minutes"))
                    .with("minutes", c)
                    .with(
                        "basis",
                        Label {
                            code: "",
                            ja: s.basis.label_ja(),
                            en: basis_en(s.basis),
                        },
                    )
                    .with("max", s.basis.max_minutes()),
            );
        }
        if h > c && c > 0 {
            findings.push(
                STAFF_HUB_ABOVE_CONTRACTED
                    .at(at.key("hub_minutes"))
                    .with("hub", h)
                    .with("contracted", c),
            );
        }
        if h == 0 {
            findings.push(STAFF_NO_HUB_TIME.at(at.key("hub_minutes")));
        }
        // The strictest minimum of the person's roles.
        let mut min = 0;
        for r in seen.iter() {
            min = min.max(role_rule(policy, *r).min_share_percent);
        }
        let share = share_of(h, c);
        let meets = h > 0 && meets_minimum(h, c, min);
        if !meets && c > 0 && h > 0 && h <= c {
            // The percentage as the result's `staff[].share.percent` writes it (truncated
            // to two decimals); the exact fraction is there too.
            let mut f = STAFF_SHARE_BELOW_MINIMUM
                .at(at.key("hub_minutes"))
                .with("hub", h)
                .with("contracted", c);
            if let Some(p) = percent_hundredths(h, c) {
                f = f.with(
                    "share",
                    ArgValue::decimal(i64::try_from(p).unwrap_or(i64::MAX), 2),
                );
            }
            findings.push(f.with("min", min));
        }
        out.push(StaffShare {
            id: s.id.clone(),
            roles: s.roles.clone(),
            basis: s.basis,
            contracted_minutes: c,
            hub_minutes: h,
            share,
            min_share_percent: min,
            meets_minimum: meets,
        });
    }
    out
}

const fn basis_en(b: super::TimeBasis) -> &'static str {
    match b {
        super::TimeBasis::Week => "week",
        super::TimeBasis::Month => "month",
    }
}

fn check_roles(
    staff: &[StaffShare],
    policy: &AppliedPolicy,
    hub_path: &Path,
    findings: &mut Vec<Finding>,
) -> Vec<RoleCoverage> {
    let mut out = Vec::with_capacity(Role::ALL.len());
    for role in Role::ALL.iter().copied() {
        let rule = role_rule(policy, role);
        let mut holders: Vec<&StaffShare> = Vec::new();
        for s in staff {
            if s.roles.contains(&role) {
                holders.push(s);
            }
        }
        if holders.is_empty() {
            let r = match rule.requirement {
                Requirement::Required => Some(&ROLE_REQUIRED_MISSING),
                Requirement::Desirable => Some(&ROLE_DESIRABLE_MISSING),
                Requirement::Optional => None,
            };
            if let Some(r) = r {
                findings.push(r.at(hub_path.key("staff")).with("role", role_label(role)));
            }
        }
        let mut meeting = 0usize;
        let mut ids = Vec::with_capacity(holders.len());
        for s in &holders {
            if s.meets_minimum {
                meeting += 1;
            }
            ids.push(s.id.clone());
        }
        out.push(RoleCoverage {
            role,
            label_ja: role.label_ja().to_owned(),
            requirement: rule.requirement,
            holders: ids,
            holders_meeting_minimum: u32::try_from(meeting).unwrap_or(u32::MAX),
        });
    }
    out
}

fn check_meetings(
    hub: &Hub,
    as_of: IsoDate,
    policy: &AppliedPolicy,
    hub_path: &Path,
    recorded: &[(IsoDate, Path)],
    findings: &mut Vec<Finding>,
) -> MeetingStatus {
    // Inserted one by one: `collect` into a set sorts first (a copy of the sort code).
    let mut facilities = TextIndex::new();
    for f in hub.staff.iter().map(|s| s.facility.trim()) {
        if !f.is_empty() {
            facilities.insert(f);
        }
    }
    let required = facilities.len() >= 2;
    let max = i64::from(policy.max_meeting_gap_days);
    let empty = Meetings::default();
    let m = hub.meetings.as_ref().unwrap_or(&empty);
    let mpath = hub_path.key("meetings");

    // Meetings held on or before as_of, with their place in the input (the dates under
    // `hub.meetings.held`, then the hub-staff meeting records), sorted by date (the first
    // occurrence of a date kept).
    let mut held: Vec<(IsoDate, usize)> = Vec::with_capacity(m.held.len() + recorded.len());
    let mut places: Vec<Path> = Vec::with_capacity(m.held.len() + recorded.len());
    let mut entries: Vec<(IsoDate, Path)> = Vec::with_capacity(m.held.len() + recorded.len());
    for (k, d) in m.held.iter().enumerate() {
        entries.push((*d, mpath.key("held").index(k)));
    }
    for (d, at) in recorded {
        entries.push((*d, at.clone()));
    }
    let mut keys: Vec<Option<IsoDate>> = Vec::with_capacity(entries.len());
    for (d, _) in &entries {
        keys.push(Some(*d));
    }
    let repeated = first_equal(&keys);
    for (k, (d, at)) in entries.into_iter().enumerate() {
        let d = &d;
        places.push(at.clone());
        if repeated.get(k).is_some_and(Option::is_some) {
            findings.push(MEETINGS_DUPLICATE_DATE.at(at).with("date", *d));
        } else if *d > as_of {
            findings.push(
                MEETINGS_AFTER_AS_OF
                    .at(at)
                    .with("date", *d)
                    .with("as_of", as_of),
            );
        } else {
            held.push((*d, k));
        }
    }
    crate::sorting::sort(&mut held);
    let mut longest: Option<i64> = None;
    let mut gap_findings = Vec::new();
    for pair in held.windows(2) {
        if let [(a, _), (b, k)] = pair {
            let gap = a.days_until(*b);
            longest = Some(longest.map_or(gap, |l| l.max(gap)));
            if gap > max {
                gap_findings.push((
                    *k,
                    MEETINGS_GAP_TOO_LONG
                        .at(places.get(*k).cloned().unwrap_or_else(|| mpath.clone()))
                        .with("from", *a)
                        .with("to", *b)
                        .with("days", gap)
                        .with("max", max),
                ));
            }
        }
    }
    let last = held.last().copied();
    if let Some((d, k)) = last {
        let gap = d.days_until(as_of);
        longest = Some(longest.map_or(gap, |l| l.max(gap)));
        if gap > max {
            gap_findings.push((
                k,
                MEETINGS_OVERDUE
                    .at(places.get(k).cloned().unwrap_or_else(|| mpath.clone()))
                    .with("from", d)
                    .with("to", as_of)
                    .with("days", gap)
                    .with("max", max),
            ));
        }
    }
    if required {
        let interval = m.interval_days.map(NonZeroU32::get);
        if interval.is_none() && held.is_empty() {
            let at = if hub.meetings.is_some() {
                mpath.clone()
            } else {
                hub_path.clone()
            };
            findings.push(MEETINGS_MISSING.at(at).with("facilities", facilities.len()));
        }
        if let Some(d) = interval.filter(|d| i64::from(*d) > max) {
            findings.push(
                MEETINGS_INTERVAL_TOO_LONG
                    .at(mpath.key("interval_days"))
                    .with("days", d)
                    .with("max", max),
            );
        }
        // Report gap findings in document order of the meeting they point at.
        crate::sorting::by_field(&mut gap_findings, |(k, _)| *k);
        for (_, f) in gap_findings {
            findings.push(f);
        }
    }
    MeetingStatus {
        facilities: u32::try_from(facilities.len()).unwrap_or(u32::MAX),
        required,
        last_held: last.map(|(d, _)| d),
        longest_gap_days: longest,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shares_are_reduced_and_truncated() {
        let s = share_of(480, 2400).unwrap();
        assert_eq!(
            (
                s.numerator,
                s.denominator,
                s.fraction.as_str(),
                s.percent.as_str()
            ),
            (1, 5, "1/5", "20.00")
        );
        let s = share_of(474, 2400).unwrap();
        assert_eq!(
            (s.fraction.as_str(), s.percent.as_str()),
            ("79/400", "19.75")
        );
        // 1/3 = 33.333…% is truncated, not rounded.
        assert_eq!(share_of(1, 3).unwrap().percent, "33.33");
        // 2/3 = 66.666…% is truncated to 66.66, never shown as 66.67.
        assert_eq!(share_of(2, 3).unwrap().percent, "66.66");
        assert_eq!(share_of(0, 7).unwrap().fraction, "0/1");
        assert!(share_of(5, 0).is_none());
        let big = share_of(u32::MAX, u32::MAX).unwrap();
        assert_eq!(
            (big.fraction.as_str(), big.percent.as_str()),
            ("1/1", "100.00")
        );
    }

    #[test]
    fn threshold_is_exact() {
        assert!(meets_minimum(480, 2400, 20));
        assert!(!meets_minimum(479, 2400, 20));
        assert!(!meets_minimum(1, 0, 0));
        assert!(!meets_minimum(2401, 2400, 0));
        assert!(meets_minimum(u32::MAX, u32::MAX, 100));
        assert!(gcd(0, 0) == 0);
    }
}
