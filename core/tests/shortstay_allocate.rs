//! The allocator: every decision code and the request findings, with a passing and a
//! failing case; the priority order and its tie-breaks; capacity from the board.

use kyoten_core::calendar::IsoDate;
use kyoten_core::care::{CareKind, ShortStayGround};
use kyoten_core::shortstay::*;

fn d(s: &str) -> IsoDate {
    IsoDate::parse(s).unwrap()
}

fn fac(id: &str, beds: u32) -> Facility {
    Facility {
        id: id.to_owned(),
        name: format!("施設{id}"),
        kind: FacilityKind::MedicalDisabledChildFacility,
        service: ServiceType::Medical,
        municipality: "平塚市".to_owned(),
        area: "湘南西部".to_owned(),
        phone: None,
        care: CareKind::ALL.to_vec(),
        min_age: 0,
        max_age: None,
        max_nights: 14,
        beds,
    }
}

fn row(id: &str, marks: &str) -> BoardRow {
    BoardRow {
        facility_id: id.to_owned(),
        updated_on: d("2026-11-28"),
        start: d("2026-12-01"),
        marks: marks
            .chars()
            .map(|c| match c {
                'o' => Vacancy::Free,
                't' => Vacancy::Few,
                'x' => Vacancy::Full,
                _ => Vacancy::Unknown,
            })
            .collect(),
    }
}

/// A request for `nights` nights from 2026-12-0`day`, with `used` days used of 20.
fn req(id: &str, day: u8, nights: u32, used: u32) -> StayRequest {
    StayRequest {
        id: id.to_owned(),
        child: StayChild {
            birth_date: d("2018-04-01"),
            care: vec![CareKind::Tracheostomy],
            grounds: vec![ShortStayGround::MedicalCareScore16],
        },
        first_night: IsoDate::from_ymd(2026, 12, day).unwrap(),
        nights,
        reason: StayReason::Respite,
        granted_days: 20,
        used_days: used,
        area: None,
        submitted_on: None,
    }
}

fn alloc(
    facilities: Vec<Facility>,
    rows: Vec<BoardRow>,
    requests: Vec<StayRequest>,
) -> kyoten_core::ops::Computed<AllocationResult> {
    allocate(&ShortstayAllocation {
        schema: None,
        version: None,
        as_of: d("2026-11-30"),
        policy: Policy::default(),
        facilities,
        board: Board { title: None, rows },
        requests,
    })
}

/// (request id, night, outcome code, facility) for every decision.
fn decisions(r: &AllocationResult) -> Vec<(String, String, String, Option<String>)> {
    r.decisions
        .iter()
        .map(|x| {
            (
                x.request_id.clone(),
                x.night.to_string(),
                x.explanation
                    .code
                    .trim_start_matches("shortstay.allocation.")
                    .to_owned(),
                x.facility_id.clone(),
            )
        })
        .collect()
}

fn dec(
    id: &str,
    night: &str,
    code: &str,
    f: Option<&str>,
) -> (String, String, String, Option<String>) {
    (
        id.to_owned(),
        night.to_owned(),
        code.to_owned(),
        f.map(str::to_owned),
    )
}

#[test]
fn granted_and_no_bed_left_fewest_used_first() {
    // One bed on 12-01; "late" asked first in input order but has used more days.
    let out = alloc(
        vec![fac("f", 1)],
        vec![row("f", "oooo")],
        vec![req("late", 1, 1, 5), req("early", 1, 1, 2)],
    );
    assert!(out.findings.is_empty(), "{:?}", out.findings);
    let r = out.result.unwrap();
    assert_eq!(
        decisions(&r),
        [
            dec("early", "2026-12-01", "granted", Some("f")),
            dec("late", "2026-12-01", "no_bed_left", None)
        ]
    );
    assert_eq!(r.decisions[0].used_before, 2);
    assert_eq!(r.decisions[1].used_before, 5);
    assert_eq!(r.decisions[1].outcome, DecisionOutcome::Refused);
    // Passing: with two beds both are granted.
    let r = alloc(
        vec![fac("f", 2)],
        vec![row("f", "oooo")],
        vec![req("late", 1, 1, 5), req("early", 1, 1, 2)],
    )
    .result
    .unwrap();
    assert!(
        r.decisions
            .iter()
            .all(|x| x.outcome == DecisionOutcome::Granted)
    );
    assert_eq!(r.load[0].capacity, 2);
    assert_eq!(r.load[0].granted, 2);
}

#[test]
fn used_days_grow_with_nights_granted_in_this_allocation() {
    // A (0 used) asks 12-01..02, B (1 used) asks 12-02 only, one bed.
    // 12-01: A gets it (A now has 1). 12-02: A has 1, B has 1: tie → id order: "a" before "b".
    let r = alloc(
        vec![fac("f", 1)],
        vec![row("f", "oooo")],
        vec![req("b", 2, 1, 1), req("a", 1, 2, 0)],
    )
    .result
    .unwrap();
    assert_eq!(
        decisions(&r),
        [
            dec("a", "2026-12-01", "granted", Some("f")),
            dec("a", "2026-12-02", "granted", Some("f")),
            dec("b", "2026-12-02", "no_bed_left", None),
        ]
    );
    // B with 0 used has fewer than A's 1 on 12-02: B gets it, A is refused the second night.
    let r = alloc(
        vec![fac("f", 1)],
        vec![row("f", "oooo")],
        vec![req("b", 2, 1, 0), req("a", 1, 2, 0)],
    )
    .result
    .unwrap();
    assert_eq!(
        decisions(&r),
        [
            dec("a", "2026-12-01", "granted", Some("f")),
            dec("b", "2026-12-02", "granted", Some("f")),
            dec("a", "2026-12-02", "no_bed_left", None),
        ]
    );
    assert_eq!(r.decisions[2].used_before, 1);
}

#[test]
fn ties_break_on_submission_date_then_id_then_input_position() {
    let mut x = req("x", 1, 1, 3);
    let mut y = req("y", 1, 1, 3);
    x.submitted_on = Some(d("2026-11-20"));
    y.submitted_on = Some(d("2026-11-19"));
    let r = alloc(
        vec![fac("f", 1)],
        vec![row("f", "o")],
        vec![x.clone(), y.clone()],
    )
    .result
    .unwrap();
    assert_eq!(r.decisions[0].request_id, "y", "earlier submission first");
    // Absent submission dates sort last.
    y.submitted_on = None;
    let r = alloc(
        vec![fac("f", 1)],
        vec![row("f", "o")],
        vec![y.clone(), x.clone()],
    )
    .result
    .unwrap();
    assert_eq!(r.decisions[0].request_id, "x");
    // Same date: id order.
    x.submitted_on = None;
    let r = alloc(vec![fac("f", 1)], vec![row("f", "o")], vec![y, x])
        .result
        .unwrap();
    assert_eq!(r.decisions[0].request_id, "x");
}

#[test]
fn few_nights_give_policy_few_beds_and_full_unknown_give_none() {
    let requests: Vec<StayRequest> = (0..4).map(|i| req(&format!("r{i}"), 1, 4, 0)).collect();
    // 3 beds; marks ○ △ × ?: capacity 3, 1, 0, 0. Only 12-01 and 12-02 are on the board
    // as free or few, so no request is eligible for the whole stay …
    let r = alloc(vec![fac("f", 3)], vec![row("f", "otx?")], requests.clone())
        .result
        .unwrap();
    assert!(
        r.decisions
            .iter()
            .all(|x| x.explanation.code == "shortstay.allocation.no_eligible_facility")
    );
    assert!(
        r.requests[0].ineligible[0]
            .reasons
            .contains(&"shortstay.reason.no_free_night".to_owned())
    );
    // … while on ○ △ △ ○ the △ nights take one family each.
    let r = alloc(vec![fac("f", 3)], vec![row("f", "otto")], requests.clone())
        .result
        .unwrap();
    let granted: Vec<u32> = r.requests.iter().map(|q| q.nights_granted).collect();
    // 12-01: r0 r1 r2 (3 beds). 12-02: r3 has 0 used → r3. 12-03: everyone has 1 → r0
    // (id order). 12-04: r1 r2 r3 have 1, r0 has 2 → r1 r2 r3. Equal shares: 2 each.
    assert_eq!(granted, [2, 2, 2, 2]);
    let load: Vec<(u32, u32)> = r.load.iter().map(|l| (l.capacity, l.granted)).collect();
    assert_eq!(load, [(3, 3), (1, 1), (1, 1), (3, 3)]);
    // A prefecture that lets a △ night take two families.
    let mut input = ShortstayAllocation {
        schema: None,
        version: None,
        as_of: d("2026-11-30"),
        policy: Policy::default(),
        facilities: vec![fac("f", 3)],
        board: Board {
            title: None,
            rows: vec![row("f", "otto")],
        },
        requests,
    };
    input.policy.few_beds = 2;
    let r = allocate(&input).result.unwrap();
    assert_eq!(r.load[1].capacity, 2);
}

#[test]
fn a_family_keeps_its_facility_and_otherwise_takes_the_best_ranked() {
    // Facilities a (○ all) and b (○ all), one bed each. "p" (0 used) asks 12-01..02;
    // "q" (0 used) asks 12-02 only. 12-01: p → a (rank 1, id order). 12-02: q (0 used)
    // before p (1 used): q → a; p then keeps … a is full, so p moves to b.
    let r = alloc(
        vec![fac("a", 1), fac("b", 1)],
        vec![row("a", "oooo"), row("b", "oooo")],
        vec![req("p", 1, 2, 0), req("q", 2, 1, 0)],
    )
    .result
    .unwrap();
    assert_eq!(
        decisions(&r),
        [
            dec("p", "2026-12-01", "granted", Some("a")),
            dec("q", "2026-12-02", "granted", Some("a")),
            dec("p", "2026-12-02", "granted", Some("b")),
        ]
    );
    // With q asking nothing, p stays at a.
    let r = alloc(
        vec![fac("a", 1), fac("b", 1)],
        vec![row("a", "oooo"), row("b", "oooo")],
        vec![req("p", 1, 2, 0)],
    )
    .result
    .unwrap();
    assert_eq!(
        r.requests[0]
            .grants
            .iter()
            .map(|g| g.facility_id.as_str())
            .collect::<Vec<_>>(),
        ["a", "a"]
    );
    assert!(
        r.decisions[1]
            .explanation
            .message_en()
            .contains("same facility as the night before")
    );
}

#[test]
fn no_eligible_facility_and_its_passing_case() {
    let mut r0 = req("r", 1, 1, 0);
    r0.child.grounds.clear();
    let out = alloc(vec![fac("f", 1)], vec![row("f", "o")], vec![r0.clone()])
        .result
        .unwrap();
    assert_eq!(
        decisions(&out),
        [dec("r", "2026-12-01", "no_eligible_facility", None)]
    );
    assert_eq!(
        out.requests[0].ineligible[0].reasons,
        ["shortstay.reason.not_entitled"]
    );
    assert!(out.requests[0].eligible_facilities.is_empty());
    r0.child.grounds.push(ShortStayGround::MotorNeuronDisease);
    let out = alloc(vec![fac("f", 1)], vec![row("f", "o")], vec![r0])
        .result
        .unwrap();
    assert_eq!(
        decisions(&out),
        [dec("r", "2026-12-01", "granted", Some("f"))]
    );
}

#[test]
fn invalid_request_is_refused_and_explained() {
    let bad = req("bad", 1, 0, 0);
    let out = alloc(
        vec![fac("f", 1)],
        vec![row("f", "o")],
        vec![bad, req("ok", 1, 1, 0)],
    );
    assert_eq!(out.findings.len(), 1);
    assert_eq!(
        out.findings[0].code,
        "shortstay.request.nights_out_of_range"
    );
    assert_eq!(out.findings[0].path, "/requests/0/nights");
    let r = out.result.unwrap();
    assert_eq!(
        decisions(&r),
        [
            dec("ok", "2026-12-01", "granted", Some("f")),
            dec("bad", "2026-12-01", "invalid_request", None)
        ]
    );
    assert_eq!(r.decisions[1].explanation.path, "/requests/0");
}

#[test]
fn finding_request_duplicate_id() {
    let out = alloc(
        vec![fac("f", 2)],
        vec![row("f", "o")],
        vec![req("same", 1, 1, 0), req("same", 1, 1, 0)],
    );
    let got: Vec<(&str, &str)> = out
        .findings
        .iter()
        .map(|f| (f.code.as_str(), f.path.as_str()))
        .collect();
    assert_eq!(got, [("shortstay.request.duplicate_id", "/requests/1/id")]);
    let out = alloc(
        vec![fac("f", 2)],
        vec![row("f", "o")],
        vec![req("one", 1, 1, 0), req("two", 1, 1, 0)],
    );
    assert!(out.findings.is_empty());
}

#[test]
fn stale_board_rows_give_no_beds() {
    let mut stale = row("f", "oooo");
    stale.updated_on = d("2026-11-01");
    let out = alloc(vec![fac("f", 5)], vec![stale], vec![req("r", 1, 1, 0)]);
    assert_eq!(out.findings[0].code, "shortstay.board.stale");
    let r = out.result.unwrap();
    assert_eq!(
        r.requests[0].ineligible[0].reasons,
        ["shortstay.reason.stale_data"]
    );
    assert_eq!(
        r.decisions[0].explanation.code,
        "shortstay.allocation.no_eligible_facility"
    );
}
