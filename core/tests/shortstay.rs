//! Short stays: every reason code and every finding, with a passing and a failing case,
//! the ranking order, the board rendering, and the operation table entries.
//! Expected values are worked out by hand from the inputs.

use kyoten_core::calendar::IsoDate;
use kyoten_core::care::{CareKind, ShortStayGround};
use kyoten_core::shortstay::*;
use kyoten_core::{Finding, Severity};

fn d(s: &str) -> IsoDate {
    IsoDate::parse(s).unwrap()
}

/// A medical facility that can give every kind of care, any age, 14 nights, 1 bed.
fn fac(id: &str) -> Facility {
    Facility {
        id: id.to_owned(),
        name: format!("施設{id}"),
        kind: FacilityKind::Hospital,
        service: ServiceType::Medical,
        municipality: "茅ヶ崎市".to_owned(),
        area: "湘南東部".to_owned(),
        phone: None,
        care: CareKind::ALL.to_vec(),
        min_age: 0,
        max_age: None,
        max_nights: 14,
        beds: 1,
    }
}

/// A board row from 2026-12-01, updated on `updated`; marks written o / t (△) / x / ?.
fn row(id: &str, updated: &str, marks: &str) -> BoardRow {
    BoardRow {
        facility_id: id.to_owned(),
        updated_on: d(updated),
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

const AS_OF: &str = "2026-11-30";

/// A 7-year-old with a ventilator, entitled; 2 nights from 2026-12-03; 10 days granted, 0 used.
fn req(id: &str) -> StayRequest {
    StayRequest {
        id: id.to_owned(),
        child: StayChild {
            birth_date: d("2019-05-10"),
            care: vec![CareKind::Ventilator],
            grounds: vec![ShortStayGround::SevereMotorIntellectual],
        },
        first_night: d("2026-12-03"),
        nights: 2,
        reason: StayReason::Respite,
        granted_days: 10,
        used_days: 0,
        area: Some("湘南東部".to_owned()),
        submitted_on: None,
    }
}

fn evaluation(
    facilities: Vec<Facility>,
    rows: Vec<BoardRow>,
    request: StayRequest,
) -> ShortstayEvaluation {
    ShortstayEvaluation {
        schema: None,
        version: None,
        as_of: d(AS_OF),
        policy: Policy::default(),
        facilities,
        board: Board { title: None, rows },
        request,
    }
}

/// Runs the evaluation of one facility "f" with board row `marks` and returns the
/// reasons' (code, path) and the document findings' codes.
fn one(f: Facility, r: StayRequest, marks: &str) -> (Vec<(String, String)>, Vec<String>, bool) {
    let id = f.id.clone();
    let out = evaluate(&evaluation(vec![f], vec![row(&id, "2026-11-28", marks)], r));
    let res = out.result.unwrap();
    let v = &res.facilities[0];
    let reasons = v
        .reasons
        .iter()
        .map(|x| (x.code.clone(), x.path.clone()))
        .collect();
    let findings = out.findings.iter().map(|x| x.code.clone()).collect();
    (reasons, findings, v.eligible)
}

fn has(reasons: &[(String, String)], code: &str) -> bool {
    reasons.iter().any(|(c, _)| c == code)
}

fn path_of(reasons: &[(String, String)], code: &str) -> String {
    reasons.iter().find(|(c, _)| c == code).unwrap().1.clone()
}

const FREE: &str = "oooooooooo";

// ---- a request every facility can take: the baseline -----------------------------------

#[test]
fn baseline_is_eligible_with_no_reason_and_no_finding() {
    let (reasons, findings, eligible) = one(fac("f"), req("r"), FREE);
    assert!(eligible);
    assert!(reasons.is_empty(), "{reasons:?}");
    assert!(findings.is_empty(), "{findings:?}");
}

// ---- reasons ---------------------------------------------------------------------------

#[test]
fn reason_not_entitled() {
    let mut r = req("r");
    r.child.grounds.clear();
    let (reasons, _, eligible) = one(fac("f"), r.clone(), FREE);
    assert!(!eligible);
    assert_eq!(
        path_of(&reasons, "shortstay.reason.not_entitled"),
        "/request/child/grounds"
    );
    // A welfare short stay needs no ground.
    let mut welfare = fac("f");
    welfare.service = ServiceType::Welfare;
    let (reasons, _, eligible) = one(welfare, r, FREE);
    assert!(eligible && !has(&reasons, "shortstay.reason.not_entitled"));
    // Any one ground is enough.
    let mut r = req("r");
    r.child.grounds = vec![ShortStayGround::MedicalCareScore16];
    let (reasons, _, _) = one(fac("f"), r, FREE);
    assert!(!has(&reasons, "shortstay.reason.not_entitled"));
}

#[test]
fn reason_care_not_provided_one_per_missing_kind() {
    let mut f = fac("f");
    f.care = vec![CareKind::Ventilator, CareKind::Suctioning];
    let mut r = req("r");
    r.child.care = vec![
        CareKind::Ventilator,
        CareKind::Tracheostomy,
        CareKind::Suctioning,
        CareKind::CentralLine,
    ];
    let out = evaluate(&evaluation(
        vec![f.clone()],
        vec![row("f", "2026-11-28", FREE)],
        r.clone(),
    ));
    let v = &out.result.unwrap().facilities[0];
    let care: Vec<&Finding> = v
        .reasons
        .iter()
        .filter(|x| x.code == "shortstay.reason.care_not_provided")
        .collect();
    assert_eq!(care.len(), 2);
    assert_eq!(care[0].path, "/request/child/care/1");
    assert!(
        care[0].message_ja().contains("気管切開"),
        "{}",
        care[0].message_ja()
    );
    assert_eq!(care[1].path, "/request/child/care/3");
    assert!(care[1].message_en().contains("central venous line"));
    assert_eq!(care[0].severity, Severity::Info);
    // Passing: the facility gives everything the child needs.
    f.care.push(CareKind::Tracheostomy);
    f.care.push(CareKind::CentralLine);
    let (reasons, _, eligible) = one(f, r, FREE);
    assert!(eligible && !has(&reasons, "shortstay.reason.care_not_provided"));
}

#[test]
fn reason_age_out_of_range_at_both_ends_with_the_legal_birthday_rule() {
    // Born 2020-12-05: reaches 6 at the end of 2026-12-04, so is 6 on the night of 12-05.
    let mut f = fac("f");
    f.min_age = 6;
    let mut r = req("r");
    r.child.birth_date = d("2020-12-05");
    r.first_night = d("2026-12-04");
    r.nights = 1;
    let (reasons, _, eligible) = one(f.clone(), r.clone(), FREE);
    assert!(!eligible);
    assert_eq!(
        path_of(&reasons, "shortstay.reason.age_out_of_range"),
        "/facilities/0/min_age"
    );
    r.first_night = d("2026-12-05");
    let (reasons, _, eligible) = one(f, r, FREE);
    assert!(eligible, "{reasons:?}");
    // Upper end: accepted up to 17; born 2008-12-06 turns 18 at the end of 2026-12-05.
    let mut f = fac("f");
    f.max_age = Some(17);
    let mut r = req("r");
    r.child.birth_date = d("2008-12-06");
    r.first_night = d("2026-12-04"); // nights 12-04 (17), 12-05 (17)
    let (reasons, _, eligible) = one(f.clone(), r.clone(), FREE);
    assert!(eligible, "{reasons:?}");
    r.nights = 3; // last night 12-06: 18
    let (reasons, _, eligible) = one(f, r, FREE);
    assert!(!eligible);
    assert_eq!(
        path_of(&reasons, "shortstay.reason.age_out_of_range"),
        "/facilities/0/max_age"
    );
}

#[test]
fn reason_stay_too_long() {
    let mut f = fac("f");
    f.max_nights = 2;
    let mut r = req("r");
    r.nights = 3;
    let (reasons, _, eligible) = one(f.clone(), r.clone(), FREE);
    assert!(!eligible);
    assert_eq!(
        path_of(&reasons, "shortstay.reason.stay_too_long"),
        "/request/nights"
    );
    r.nights = 2;
    let (reasons, _, eligible) = one(f, r, FREE);
    assert!(eligible && !has(&reasons, "shortstay.reason.stay_too_long"));
}

#[test]
fn reason_over_granted_days_counts_the_departure_day() {
    // 2 nights = 3 days (arrival to departure). 4 used + 3 = 7 of 7: fits.
    let mut r = req("r");
    r.granted_days = 7;
    r.used_days = 4;
    let (reasons, _, eligible) = one(fac("f"), r.clone(), FREE);
    assert!(eligible, "{reasons:?}");
    // 5 used + 3 = 8 > 7.
    r.used_days = 5;
    let (reasons, _, eligible) = one(fac("f"), r.clone(), FREE);
    assert!(!eligible);
    assert_eq!(
        path_of(&reasons, "shortstay.reason.over_granted_days"),
        "/request/granted_days"
    );
    // A prefecture that does not count the departure day: 5 + 2 = 7 fits.
    let mut e = evaluation(vec![fac("f")], vec![row("f", "2026-11-28", FREE)], r);
    e.policy.count_departure_day = false;
    let res = evaluate(&e).result.unwrap();
    assert_eq!(res.days_counted, 2);
    assert!(res.facilities[0].eligible);
}

#[test]
fn reason_no_free_night_points_at_the_first_full_mark() {
    // Nights 12-03 and 12-04 are marks 2 and 3.
    let (reasons, _, eligible) = one(fac("f"), req("r"), "ooox");
    assert!(!eligible);
    assert_eq!(
        path_of(&reasons, "shortstay.reason.no_free_night"),
        "/board/rows/0/marks/3"
    );
    // △ is not full.
    let (reasons, _, eligible) = one(fac("f"), req("r"), "ootto");
    assert!(eligible, "{reasons:?}");
    // A full night outside the stay does not matter.
    let (_, _, eligible) = one(fac("f"), req("r"), "xxoox");
    assert!(eligible);
}

#[test]
fn reason_vacancy_unknown_for_unknown_marks_short_rows_and_missing_rows() {
    let (reasons, _, eligible) = one(fac("f"), req("r"), "oo?o");
    assert!(!eligible);
    assert_eq!(
        path_of(&reasons, "shortstay.reason.vacancy_unknown"),
        "/board/rows/0/marks/2"
    );
    // The row ends before the second night.
    let (reasons, _, _) = one(fac("f"), req("r"), "ooo");
    assert_eq!(
        path_of(&reasons, "shortstay.reason.vacancy_unknown"),
        "/board/rows/0/marks"
    );
    // The facility is not on the board at all.
    let out = evaluate(&evaluation(vec![fac("f")], vec![], req("r")));
    let v = &out.result.unwrap().facilities[0];
    assert_eq!(v.reasons.len(), 1);
    assert_eq!(v.reasons[0].code, "shortstay.reason.vacancy_unknown");
    assert_eq!(v.reasons[0].path, "/facilities/0/id");
    assert_eq!(v.unknown_nights, 2);
    // Known marks: no reason.
    let (reasons, _, _) = one(fac("f"), req("r"), "oooo");
    assert!(!has(&reasons, "shortstay.reason.vacancy_unknown"));
}

#[test]
fn reason_stale_data_and_finding_board_stale_at_the_policy_limit() {
    // as_of 2026-11-30; 7 days old (11-23) is fresh, 8 days old (11-22) is stale.
    let fresh = evaluate(&evaluation(
        vec![fac("f")],
        vec![row("f", "2026-11-23", FREE)],
        req("r"),
    ));
    assert!(fresh.findings.is_empty());
    assert!(fresh.result.unwrap().facilities[0].eligible);
    let stale = evaluate(&evaluation(
        vec![fac("f")],
        vec![row("f", "2026-11-22", FREE)],
        req("r"),
    ));
    assert_eq!(stale.findings.len(), 2);
    assert_eq!(stale.findings[0].code, "shortstay.board.stale");
    assert_eq!(stale.findings[1].code, "shortstay.evaluation.none_eligible");
    assert_eq!(stale.findings[0].path, "/board/rows/0/updated_on");
    assert_eq!(stale.findings[0].severity, Severity::Warning);
    let v = &stale.result.unwrap().facilities[0];
    assert!(!v.eligible);
    // Stale counts as unknown: every night unknown, one stale reason, no separate unknown reason.
    assert_eq!((v.free_nights, v.unknown_nights), (0, 2));
    let codes: Vec<&str> = v.reasons.iter().map(|r| r.code.as_str()).collect();
    assert_eq!(codes, ["shortstay.reason.stale_data"]);
    // A prefecture allowing 10 days: fresh again.
    let mut e = evaluation(vec![fac("f")], vec![row("f", "2026-11-22", FREE)], req("r"));
    e.policy.stale_after_days = 10;
    let out = evaluate(&e);
    assert!(out.findings.is_empty());
    assert!(out.result.unwrap().facilities[0].eligible);
}

#[test]
fn every_reason_is_reported_not_only_the_first() {
    let mut f = fac("f");
    f.care = vec![];
    f.min_age = 10;
    f.max_nights = 1;
    let mut r = req("r");
    r.child.grounds.clear();
    r.used_days = 10;
    let (reasons, _, _) = one(f, r, "oox");
    let codes: Vec<&str> = reasons.iter().map(|(c, _)| c.as_str()).collect();
    assert_eq!(
        codes,
        [
            "shortstay.reason.not_entitled",
            "shortstay.reason.care_not_provided",
            "shortstay.reason.age_out_of_range",
            "shortstay.reason.stay_too_long",
            "shortstay.reason.over_granted_days",
            "shortstay.reason.no_free_night",
            // The row "oox" ends before the second night.
            "shortstay.reason.vacancy_unknown",
        ]
    );
}

// ---- document findings -------------------------------------------------------------------

fn finding_codes(
    facilities: Vec<Facility>,
    rows: Vec<BoardRow>,
    r: StayRequest,
) -> Vec<(String, String)> {
    evaluate(&evaluation(facilities, rows, r))
        .findings
        .into_iter()
        .map(|f| (f.code, f.path))
        .collect()
}

#[test]
fn finding_facility_duplicate_id() {
    let got = finding_codes(
        vec![fac("a"), fac("a")],
        vec![row("a", "2026-11-28", FREE)],
        req("r"),
    );
    assert_eq!(
        got,
        [(
            "shortstay.facility.duplicate_id".to_owned(),
            "/facilities/1/id".to_owned()
        )]
    );
    let got = finding_codes(
        vec![fac("a"), fac("b")],
        vec![row("a", "2026-11-28", FREE), row("b", "2026-11-28", FREE)],
        req("r"),
    );
    assert!(got.is_empty(), "{got:?}");
}

#[test]
fn finding_facility_age_range_inverted() {
    let mut f = fac("a");
    f.min_age = 10;
    f.max_age = Some(9);
    let got = finding_codes(
        vec![f.clone()],
        vec![row("a", "2026-11-28", FREE)],
        req("r"),
    );
    // (No child fits an empty range, hence also none_eligible.)
    assert_eq!(
        got,
        [
            (
                "shortstay.facility.age_range_inverted".to_owned(),
                "/facilities/0/min_age".to_owned()
            ),
            (
                "shortstay.evaluation.none_eligible".to_owned(),
                "/request".to_owned()
            )
        ]
    );
    // min == max is a valid range (the child is 7 throughout).
    f.min_age = 7;
    f.max_age = Some(7);
    assert!(finding_codes(vec![f], vec![row("a", "2026-11-28", FREE)], req("r")).is_empty());
}

#[test]
fn finding_facility_no_beds() {
    let mut f = fac("a");
    f.beds = 0;
    let got = finding_codes(
        vec![f.clone()],
        vec![row("a", "2026-11-28", FREE)],
        req("r"),
    );
    assert_eq!(
        got,
        [(
            "shortstay.facility.no_beds".to_owned(),
            "/facilities/0/beds".to_owned()
        )]
    );
    f.beds = 1;
    assert!(finding_codes(vec![f], vec![row("a", "2026-11-28", FREE)], req("r")).is_empty());
}

#[test]
fn finding_board_unknown_facility() {
    let got = finding_codes(
        vec![fac("a")],
        vec![row("a", "2026-11-28", FREE), row("zz", "2026-11-28", FREE)],
        req("r"),
    );
    assert_eq!(
        got,
        [(
            "shortstay.board.unknown_facility".to_owned(),
            "/board/rows/1/facility_id".to_owned()
        )]
    );
}

#[test]
fn finding_board_duplicate_row_uses_the_first_row() {
    let out = evaluate(&evaluation(
        vec![fac("a")],
        vec![
            row("a", "2026-11-28", FREE),
            row("a", "2026-11-28", "xxxxxxxx"),
        ],
        req("r"),
    ));
    let got: Vec<(&str, &str)> = out
        .findings
        .iter()
        .map(|f| (f.code.as_str(), f.path.as_str()))
        .collect();
    assert_eq!(
        got,
        [("shortstay.board.duplicate_row", "/board/rows/1/facility_id")]
    );
    assert!(!out.valid_like());
    assert!(
        out.result.unwrap().facilities[0].eligible,
        "the first row (all free) is used"
    );
}

trait ValidLike {
    fn valid_like(&self) -> bool;
}
impl<T> ValidLike for kyoten_core::ops::Computed<T> {
    fn valid_like(&self) -> bool {
        kyoten_core::finding::no_errors(&self.findings)
    }
}

#[test]
fn finding_board_updated_after_as_of() {
    let got = finding_codes(vec![fac("a")], vec![row("a", "2026-12-01", FREE)], req("r"));
    assert_eq!(
        got,
        [(
            "shortstay.board.updated_after_as_of".to_owned(),
            "/board/rows/0/updated_on".to_owned()
        )]
    );
    assert!(finding_codes(vec![fac("a")], vec![row("a", AS_OF, FREE)], req("r")).is_empty());
}

#[test]
fn finding_request_nights_out_of_range() {
    for (nights, ok) in [
        (0, false),
        (1, true),
        (31, true),
        (32, false),
        (u32::MAX, false),
    ] {
        let mut r = req("r");
        r.nights = nights;
        r.granted_days = 100;
        let out = evaluate(&evaluation(
            vec![fac("a")],
            vec![row("a", "2026-11-28", FREE)],
            r,
        ));
        let bad = out.findings.iter().any(|f| {
            f.code == "shortstay.request.nights_out_of_range" && f.path == "/request/nights"
        });
        assert_eq!(bad, !ok, "nights {nights}");
        assert_eq!(out.result.is_some(), ok, "nights {nights}");
    }
    // A stay that would run past 9999-12-31.
    let mut r = req("r");
    r.first_night = d("9999-12-31");
    let out = evaluate(&evaluation(vec![fac("a")], vec![], r));
    assert_eq!(
        out.findings[0].code,
        "shortstay.request.nights_out_of_range"
    );
}

#[test]
fn finding_request_used_over_granted() {
    let mut r = req("r");
    r.used_days = 11;
    let got = finding_codes(
        vec![fac("a")],
        vec![row("a", "2026-11-28", FREE)],
        r.clone(),
    );
    assert!(got.contains(&(
        "shortstay.request.used_over_granted".to_owned(),
        "/request/used_days".to_owned()
    )));
    r.used_days = 10;
    let got = finding_codes(vec![fac("a")], vec![row("a", "2026-11-28", FREE)], r);
    assert!(
        !got.iter()
            .any(|(c, _)| c == "shortstay.request.used_over_granted")
    );
}

#[test]
fn finding_request_born_after_stay() {
    let mut r = req("r");
    r.child.birth_date = d("2026-12-04");
    let out = evaluate(&evaluation(
        vec![fac("a")],
        vec![row("a", "2026-11-28", FREE)],
        r.clone(),
    ));
    assert!(
        out.findings
            .iter()
            .any(|f| f.code == "shortstay.request.born_after_stay"
                && f.path == "/request/child/birth_date")
    );
    let v = &out.result.unwrap().facilities[0];
    assert_eq!(v.reasons[0].code, "shortstay.reason.age_out_of_range");
    // Born on the first night: age 0, no finding.
    r.child.birth_date = d("2026-12-03");
    let out = evaluate(&evaluation(
        vec![fac("a")],
        vec![row("a", "2026-11-28", FREE)],
        r,
    ));
    assert!(out.findings.is_empty(), "{:?}", out.findings);
}

#[test]
fn finding_evaluation_none_eligible() {
    let got = finding_codes(
        vec![fac("a")],
        vec![row("a", "2026-11-28", "xxxxxxx")],
        req("r"),
    );
    assert_eq!(
        got,
        [(
            "shortstay.evaluation.none_eligible".to_owned(),
            "/request".to_owned()
        )]
    );
    assert!(finding_codes(vec![fac("a")], vec![row("a", "2026-11-28", FREE)], req("r")).is_empty());
}

#[test]
fn finding_board_days_out_of_range() {
    let q = |days: Option<u32>| ShortstayBoardQuery {
        schema: None,
        version: None,
        as_of: d(AS_OF),
        policy: Policy::default(),
        facilities: vec![fac("a")],
        board: Board {
            title: None,
            rows: vec![row("a", "2026-11-28", "otx")],
        },
        from: None,
        days,
    };
    for bad in [0, 367] {
        let out = render_board(&q(Some(bad)));
        assert_eq!(out.findings[0].code, "shortstay.board.days_out_of_range");
        assert_eq!(out.findings[0].path, "/days");
        assert!(out.result.is_none());
    }
    let out = render_board(&q(Some(366)));
    assert!(out.findings.is_empty());
    assert_eq!(out.result.unwrap().dates.len(), 366);
    // Default: up to the last marked day.
    let v = render_board(&q(None)).result.unwrap();
    assert_eq!(v.dates, [d("2026-12-01"), d("2026-12-02"), d("2026-12-03")]);
    assert_eq!(v.lines[1], "施設a\t\t○\t△\t×");
}

// ---- ranking -------------------------------------------------------------------------------

#[test]
fn eligible_facilities_ranked_all_free_then_fewer_few_then_area_then_id() {
    let mut far = fac("a-far");
    far.area = "県西".to_owned();
    let facilities = vec![
        fac("z-near-one-few"),
        far,
        fac("y-near"),
        fac("x-near"),
        fac("w-near-two-few"),
    ];
    let rows = vec![
        row("z-near-one-few", "2026-11-28", "ooto"),
        row("a-far", "2026-11-28", "oooo"),
        row("y-near", "2026-11-28", "oooo"),
        row("x-near", "2026-11-28", "oooo"),
        row("w-near-two-few", "2026-11-28", "oott"),
    ];
    let res = evaluate(&evaluation(facilities, rows, req("r")))
        .result
        .unwrap();
    let order: Vec<&str> = res
        .eligible
        .iter()
        .map(|e| e.facility_id.as_str())
        .collect();
    assert_eq!(
        order,
        [
            "x-near",
            "y-near",
            "a-far",
            "z-near-one-few",
            "w-near-two-few"
        ]
    );
    let ranks: Vec<u32> = res.eligible.iter().map(|e| e.rank).collect();
    assert_eq!(ranks, [1, 2, 3, 4, 5]);
    // Verdicts stay in directory order.
    assert_eq!(res.facilities[0].facility_id, "z-near-one-few");
    assert_eq!(res.facilities[0].few_nights, 1);
}

// ---- no input text in messages ---------------------------------------------------------------

#[test]
fn messages_never_echo_names_or_ids() {
    let mut f = fac("秘密の施設ID");
    f.name = "山田太郎記念病院".to_owned();
    f.care = vec![];
    f.min_age = 30;
    let mut r = req("申込者花子");
    r.child.grounds.clear();
    r.used_days = 99;
    r.area = Some("花子の町".to_owned());
    let e = evaluation(
        vec![f.clone(), f],
        vec![
            row("秘密の施設ID", "2026-01-01", "x"),
            row("知らない施設", "2026-12-25", "x"),
        ],
        r.clone(),
    );
    let out = evaluate(&e);
    let res = out.result.unwrap();
    let all: Vec<&Finding> = out
        .findings
        .iter()
        .chain(res.facilities.iter().flat_map(|v| v.reasons.iter()))
        .collect();
    assert!(all.len() > 5);
    for f in all {
        for bad in ["秘密", "山田", "花子", "知らない"] {
            assert!(
                !f.message_ja().contains(bad) && !f.message_en().contains(bad),
                "{f:?}"
            );
        }
    }
}

// ---- board rendering -----------------------------------------------------------------------

#[test]
fn board_renders_like_the_seed_and_shows_stale_rows_as_unknown() {
    let mut a = fac("a");
    a.name = "ゆき雪(多床室)".to_owned();
    a.phone = Some("25-2881".to_owned());
    let b = fac("b");
    let q = ShortstayBoardQuery {
        schema: None,
        version: None,
        as_of: d(AS_OF),
        policy: Policy::default(),
        facilities: vec![a, b],
        board: Board {
            title: Some("ショートステイ空き情報".to_owned()),
            rows: vec![row("a", "2026-11-28", "ttx"), row("b", "2026-11-01", "ooo")],
        },
        from: Some(d("2026-12-01")),
        days: Some(4),
    };
    let out = render_board(&q);
    assert_eq!(out.findings.len(), 1);
    assert_eq!(out.findings[0].code, "shortstay.board.stale");
    let v = out.result.unwrap();
    assert_eq!(v.lines[0], "サービス事業名\t電話番号\t1\t2\t3\t4");
    assert_eq!(v.lines[1], "ゆき雪(多床室)\t25-2881\t△\t△\t×\t？");
    assert_eq!(v.lines[2], "施設b\t\t？\t？\t？\t？");
    assert!(v.rows[1].stale && !v.rows[0].stale);
    assert_eq!(
        v.rows[0].marks,
        [Vacancy::Few, Vacancy::Few, Vacancy::Full, Vacancy::Unknown]
    );
}

// ---- search --------------------------------------------------------------------------------

#[test]
fn search_by_area_care_age_and_service() {
    let mut a = fac("a");
    a.care = vec![CareKind::Ventilator, CareKind::Tracheostomy];
    a.max_age = Some(17);
    let mut b = fac("b");
    b.care = vec![CareKind::Ventilator];
    let mut c = fac("c");
    c.area = "県西".to_owned();
    let mut w = fac("w");
    w.service = ServiceType::Welfare;
    let s = |area: Option<&str>,
             care: Vec<CareKind>,
             age: Option<u32>,
             service: Option<ServiceType>| {
        let res = search(&ShortstaySearch {
            schema: None,
            version: None,
            facilities: vec![a.clone(), b.clone(), c.clone(), w.clone()],
            area: area.map(str::to_owned),
            care,
            age,
            service,
        });
        res.result
            .unwrap()
            .facilities
            .into_iter()
            .map(|f| f.id)
            .collect::<Vec<_>>()
    };
    assert_eq!(s(None, vec![], None, None), ["a", "b", "c", "w"]);
    assert_eq!(s(Some("湘南東部"), vec![], None, None), ["a", "b", "w"]);
    assert_eq!(
        s(
            None,
            vec![CareKind::Tracheostomy, CareKind::Ventilator],
            None,
            None
        ),
        ["a", "c", "w"]
    );
    assert_eq!(
        s(None, vec![CareKind::Tracheostomy], Some(18), None),
        ["c", "w"]
    );
    assert_eq!(s(None, vec![], None, Some(ServiceType::Welfare)), ["w"]);
}

// ---- the operation table -----------------------------------------------------------------------

#[test]
fn operations_are_in_the_table_and_rules_are_well_formed() {
    for name in [
        "shortstay.evaluate",
        "shortstay.allocate",
        "shortstay.board",
        "shortstay.search",
    ] {
        assert!(kyoten_core::ops::find(name).is_some(), "{name}");
    }
    let mut codes: Vec<&str> = RULES.iter().map(|r| r.code).collect();
    for c in &codes {
        assert!(c.starts_with("shortstay."), "{c}");
        assert!(
            c.chars()
                .all(|ch| ch.is_ascii_lowercase() || ch == '.' || ch == '_'),
            "{c}"
        );
    }
    let n = codes.len();
    codes.sort_unstable();
    codes.dedup();
    assert_eq!(codes.len(), n, "codes are unique");
    for r in RULES {
        assert!(!r.ja.is_empty() && !r.en.is_empty());
    }
}

#[test]
fn operation_reads_json_and_reports_input_errors() {
    let out = kyoten_core::ops::run("shortstay.evaluate", b"{\"as_of\":\"2026-02-30\"}").unwrap();
    assert!(!out.valid);
    let v: serde_json::Value = serde_json::from_str(&out.json).unwrap();
    assert_eq!(v["findings"][0]["code"], "input.invalid_date");
    assert_eq!(v["findings"][0]["path"], "/as_of");
    let out = kyoten_core::ops::run(
        "shortstay.search",
        br#"{"facilities":[],"care":["ventilator"],"unknown":1}"#,
    )
    .unwrap();
    let v: serde_json::Value = serde_json::from_str(&out.json).unwrap();
    assert_eq!(v["findings"][0]["code"], "input.unknown_field");
    // Policy defaults apply when omitted, and a partial policy keeps the other defaults.
    let p: Policy = serde_json::from_str(r#"{"stale_after_days":3}"#).unwrap();
    assert_eq!(
        p,
        Policy {
            stale_after_days: 3,
            ..Policy::default()
        }
    );
    assert_eq!(Policy::default().stale_after_days, 7);
}

// ---- schemas -----------------------------------------------------------------------------------

/// The generated input schemas name every field, refuse unknown ones, carry the
/// Japanese / English descriptions and the bounds (run with `--features schema`).
#[cfg(feature = "schema")]
#[test]
fn input_and_output_schemas_generate_with_bounds_and_bilingual_text() {
    use serde_json::Value;
    let schemas = |name: &str| -> (Value, Value) {
        let op = kyoten_core::ops::find(name).unwrap();
        let settings = || schemars::generate::SchemaSettings::draft2020_12();
        (
            serde_json::to_value((op.input_schema)(settings().for_deserialize())).unwrap(),
            serde_json::to_value((op.output_schema)(settings().for_serialize())).unwrap(),
        )
    };
    let (input, output) = schemas("shortstay.evaluate");
    assert_eq!(input["title"], "ShortstayEvaluation");
    assert_eq!(input["additionalProperties"], false);
    let req = &input["$defs"]["StayRequest"];
    assert_eq!(req["additionalProperties"], false);
    assert_eq!(req["properties"]["nights"]["minimum"], 1);
    assert_eq!(req["properties"]["nights"]["maximum"], 366);
    assert!(
        req["properties"]["granted_days"]["description"]
            .as_str()
            .unwrap()
            .contains("支給量")
    );
    let vacancy = serde_json::to_string(&input["$defs"]["Vacancy"]).unwrap();
    for v in ["free", "few", "full", "unknown"] {
        assert!(vacancy.contains(&format!("\"{v}\"")), "{vacancy}");
    }
    assert!(input["$defs"]["Policy"]["properties"]["stale_after_days"]["default"] == 7);
    assert!(
        serde_json::to_string(&output)
            .unwrap()
            .contains("FacilityVerdict")
    );
    for name in ["shortstay.allocate", "shortstay.board", "shortstay.search"] {
        let (input, _) = schemas(name);
        assert_eq!(input["additionalProperties"], false, "{name}");
    }
    let (board, _) = schemas("shortstay.board");
    assert_eq!(board["properties"]["days"]["maximum"], 366);
}

// ---- the child from a care summary ---------------------------------------------------------

#[test]
fn stay_child_from_a_care_summary() {
    let text = include_str!(
        "../../schemas/examples/summary-request.ventilated-tracheostomy-gastrostomy.json"
    );
    let doc: kyoten_core::summary::SummaryRequest = serde_json::from_str(text).unwrap();
    let child = StayChild::from_summary(&doc.summary, doc.as_of);
    assert_eq!(child.birth_date, d("2021-06-14"));
    // The six care items of the summary, sorted.
    assert_eq!(
        child.care,
        [
            CareKind::Ventilator,
            CareKind::Tracheostomy,
            CareKind::Suctioning,
            CareKind::Nebulizer,
            CareKind::TubeFeeding,
            CareKind::PositionChange
        ]
    );
    // IQ 10 and bedridden: Oshima 1 (重症心身障害児). Medical care score: ventilator
    // 10+2, tracheostomy 8(+2), suctioning 8+1, nebuliser 3, tube feeding 8+2 ≥ 16.
    assert!(
        child
            .grounds
            .contains(&ShortStayGround::SevereMotorIntellectual)
    );
    assert!(child.grounds.contains(&ShortStayGround::MedicalCareScore16));
    // It plugs straight into a request: the ventilated child is entitled and eligible.
    let mut r = req("from-summary");
    r.child = child;
    r.first_night = d("2026-12-03");
    let (reasons, _, eligible) = one(fac("f"), r, FREE);
    assert!(eligible, "{reasons:?}");
}
