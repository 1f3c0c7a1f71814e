//! Property tests for short stays: the allocator never exceeds a bed count, never uses
//! a facility the family is not eligible for, is deterministic (also under reordering
//! of the requests), and never gives a night at a facility to a family with more used
//! days while refusing that night to an eligible family with fewer. Evaluation,
//! allocation, rendering and the JSON operations never panic on any input.

use kyoten_core::calendar::IsoDate;
use kyoten_core::care::{CareKind, ShortStayGround};
use kyoten_core::shortstay::*;
use proptest::prelude::*;
use std::collections::{HashMap, HashSet};

const CARE: [CareKind; 4] = [
    CareKind::Ventilator,
    CareKind::Tracheostomy,
    CareKind::Suctioning,
    CareKind::TubeFeeding,
];

fn d0() -> IsoDate {
    IsoDate::from_ymd(2026, 12, 1).unwrap()
}
fn as_of() -> IsoDate {
    IsoDate::from_ymd(2026, 11, 30).unwrap()
}
fn care_of(bits: u8) -> Vec<CareKind> {
    CARE.iter()
        .enumerate()
        .filter(|(i, _)| bits & (1 << i) != 0)
        .map(|(_, k)| *k)
        .collect()
}
fn vac(n: u8) -> Vacancy {
    match n % 4 {
        0 => Vacancy::Free,
        1 => Vacancy::Few,
        2 => Vacancy::Full,
        _ => Vacancy::Unknown,
    }
}

prop_compose! {
    fn facility_and_row(i: usize)(
        care in 0u8..16, welfare in any::<bool>(), min_age in 0u32..8, max_age in proptest::option::of(3u32..18),
        max_nights in 1u32..6, beds in 0u32..4, on_board in 0u8..10, stale_days in 0i64..11,
        start in -2i64..3, marks in proptest::collection::vec(0u8..8, 0..14),
    ) -> (Facility, Option<BoardRow>) {
        let id = format!("f{i}");
        let f = Facility {
            id: id.clone(),
            name: format!("施設{i}"),
            kind: FacilityKind::Hospital,
            service: if welfare { ServiceType::Welfare } else { ServiceType::Medical },
            municipality: "市".to_owned(),
            area: if i.is_multiple_of(2) { "A".to_owned() } else { "B".to_owned() },
            phone: None,
            care: care_of(care),
            min_age,
            max_age,
            max_nights,
            beds,
        };
        // Marks 0..8 folded to four values, biased towards free and few.
        let marks = marks.into_iter().map(|m| if m >= 4 { vac(m % 2) } else { vac(m) }).collect();
        let row = (on_board > 0).then(|| BoardRow {
            facility_id: id,
            updated_on: as_of().add_days(-stale_days).unwrap(),
            start: d0().add_days(start).unwrap(),
            marks,
        });
        (f, row)
    }
}

prop_compose! {
    fn request(i: usize)(
        care in 0u8..16, entitled in 0u8..5, age in 0i64..16, first in 0i64..10, nights in 1u32..5,
        granted in 0u32..20, used in 0u32..12, submitted in proptest::option::of(0i64..4), area in any::<bool>(),
    ) -> StayRequest {
        StayRequest {
            id: format!("r{i}"),
            child: StayChild {
                birth_date: d0().add_days(-age * 365 - 40).unwrap(),
                care: care_of(care),
                grounds: if entitled > 0 { vec![ShortStayGround::SevereMotorIntellectual] } else { vec![] },
            },
            first_night: d0().add_days(first).unwrap(),
            nights,
            reason: StayReason::Respite,
            granted_days: granted,
            used_days: used,
            area: area.then(|| "A".to_owned()),
            submitted_on: submitted.map(|s| as_of().add_days(-s).unwrap()),
        }
    }
}

fn instance() -> impl Strategy<Value = ShortstayAllocation> {
    (1usize..7, 1usize..14)
        .prop_flat_map(|(nf, nr)| {
            let fs: Vec<_> = (0..nf).map(facility_and_row).collect();
            let rs: Vec<_> = (0..nr).map(request).collect();
            (fs, rs)
        })
        .prop_map(|(fs, requests)| {
            let (facilities, rows): (Vec<Facility>, Vec<Option<BoardRow>>) = fs.into_iter().unzip();
            ShortstayAllocation {
                schema: None,
                version: None,
                as_of: as_of(),
                policy: Policy::default(),
                facilities,
                board: Board {
                    title: None,
                    rows: rows.into_iter().flatten().collect(),
                },
                requests,
            }
        })
}

/// Beds the board allows at facility `f` on `night`, computed here from the rules in the
/// docs (○ → beds, △ → min(beds, 1), otherwise 0; stale after 7 days).
fn capacity(input: &ShortstayAllocation, f: &Facility, night: IsoDate) -> u32 {
    let Some(row) = input.board.rows.iter().find(|r| r.facility_id == f.id) else {
        return 0;
    };
    if row.updated_on.days_until(input.as_of) > 7 {
        return 0;
    }
    let off = row.start.days_until(night);
    if off < 0 {
        return 0;
    }
    match row.marks.get(off as usize) {
        Some(Vacancy::Free) => f.beds,
        Some(Vacancy::Few) => f.beds.min(1),
        _ => 0,
    }
}

fn nights_of(r: &StayRequest) -> Vec<IsoDate> {
    (0..r.nights)
        .map(|k| r.first_night.add_days(i64::from(k)).unwrap())
        .collect()
}

/// Per request: the facilities `shortstay.evaluate` finds eligible.
fn eligible_sets(input: &ShortstayAllocation) -> Vec<HashSet<String>> {
    input
        .requests
        .iter()
        .map(|r| {
            let e = evaluate(&ShortstayEvaluation {
                schema: None,
                version: None,
                as_of: input.as_of,
                policy: input.policy,
                facilities: input.facilities.clone(),
                board: input.board.clone(),
                request: r.clone(),
            });
            e.result
                .map(|res| res.eligible.into_iter().map(|x| x.facility_id).collect())
                .unwrap_or_default()
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn allocator_invariants(input in instance()) {
        let out = allocate(&input);
        let res = out.result.expect("allocation result");
        let eligible = eligible_sets(&input);
        let by_id: HashMap<&str, &Facility> = input.facilities.iter().map(|f| (f.id.as_str(), f)).collect();

        // Grants from the per-request outcomes: (request index, night) → facility.
        let mut grants: HashMap<(usize, IsoDate), String> = HashMap::new();
        let mut per_slot: HashMap<(String, IsoDate), u32> = HashMap::new();
        for (i, q) in res.requests.iter().enumerate() {
            prop_assert_eq!(q.request_index as usize, i);
            prop_assert_eq!(q.nights_granted as usize, q.grants.len());
            for g in &q.grants {
                prop_assert!(grants.insert((i, g.night), g.facility_id.clone()).is_none(), "one bed per family per night");
                *per_slot.entry((g.facility_id.clone(), g.night)).or_default() += 1;
                // Never an ineligible facility, by evaluate() and by the basics.
                prop_assert!(eligible[i].contains(&g.facility_id), "{} not eligible for request {}", g.facility_id, i);
                let f = by_id[g.facility_id.as_str()];
                let r = &input.requests[i];
                prop_assert!(r.child.care.iter().all(|k| f.care.contains(k)));
                prop_assert!(nights_of(r).contains(&g.night));
                prop_assert!(capacity(&input, f, g.night) > 0);
            }
        }
        // Never over capacity.
        for ((fid, night), n) in &per_slot {
            let cap = capacity(&input, by_id[fid.as_str()], *night);
            prop_assert!(*n <= cap, "{} on {}: {} > {}", fid, night, n, cap);
        }
        // Every requested night of every request has exactly one decision, and decisions
        // agree with the grants.
        let mut seen = HashSet::new();
        for dcs in &res.decisions {
            let i = dcs.request_index as usize;
            prop_assert!(seen.insert((i, dcs.night)));
            match dcs.outcome {
                DecisionOutcome::Granted => prop_assert_eq!(grants.get(&(i, dcs.night)), dcs.facility_id.as_ref()),
                DecisionOutcome::Refused => prop_assert!(!grants.contains_key(&(i, dcs.night))),
            }
        }
        let expected: usize = input.requests.iter().map(|r| r.nights as usize).sum();
        prop_assert_eq!(seen.len(), expected);

        // Fairness: used days before a night = used_days + this request's grants earlier.
        let used_before = |i: usize, night: IsoDate| -> u32 {
            input.requests[i].used_days + grants.keys().filter(|(j, n)| *j == i && *n < night).count() as u32
        };
        for ((a, night), fid) in &grants {
            let ua = used_before(*a, *night);
            for (b, rb) in input.requests.iter().enumerate() {
                if b == *a || grants.contains_key(&(b, *night)) || !nights_of(rb).contains(night) || !eligible[b].contains(fid) {
                    continue;
                }
                let ub = used_before(b, *night);
                prop_assert!(ub >= ua, "{} ({} used) got {} on {} while {} ({} used, eligible) was refused",
                    input.requests[*a].id, ua, fid, night, rb.id, ub);
            }
        }
        // Decisions carry the used days they were judged with.
        for dcs in &res.decisions {
            prop_assert_eq!(dcs.used_before, used_before(dcs.request_index as usize, dcs.night));
        }
    }

    #[test]
    fn allocator_is_deterministic_and_independent_of_request_order(input in instance(), seed in any::<u64>()) {
        let a = allocate(&input);
        let b = allocate(&input);
        prop_assert_eq!(&a, &b);
        // Reverse-rotate the requests by a seed-dependent amount.
        let mut shuffled = input.clone();
        let n = shuffled.requests.len();
        shuffled.requests.rotate_left((seed as usize) % n);
        shuffled.requests.reverse();
        let c = allocate(&shuffled);
        let set = |r: &AllocationResult| {
            let mut v: Vec<(String, String, String)> = r.requests.iter()
                .flat_map(|q| q.grants.iter().map(move |g| (q.request_id.clone(), g.night.to_string(), g.facility_id.clone())))
                .collect();
            v.sort();
            v
        };
        prop_assert_eq!(set(a.result.as_ref().unwrap()), set(c.result.as_ref().unwrap()));
    }
}

// ---- never panics -----------------------------------------------------------------------

fn extreme_date() -> impl Strategy<Value = IsoDate> {
    prop_oneof![
        Just(IsoDate::from_ymd(1, 1, 1).unwrap()),
        Just(IsoDate::from_ymd(9999, 12, 31).unwrap()),
        Just(IsoDate::from_ymd(9999, 12, 20).unwrap()),
        Just(IsoDate::from_ymd(2024, 2, 29).unwrap()),
        (0i64..60).prop_map(|k| d0().add_days(k - 30).unwrap()),
    ]
}
fn extreme_u32() -> impl Strategy<Value = u32> {
    prop_oneof![
        Just(0u32),
        Just(1),
        Just(31),
        Just(366),
        Just(367),
        Just(u32::MAX),
        0u32..40
    ]
}

prop_compose! {
    fn wild_facility()(id in 0u8..3, care in 0u8..16, min_age in extreme_u32(), max_age in proptest::option::of(extreme_u32()),
        max_nights in extreme_u32(), beds in extreme_u32(), welfare in any::<bool>()) -> Facility {
        Facility {
            id: format!("f{id}"), name: String::new(), kind: FacilityKind::Other,
            service: if welfare { ServiceType::Welfare } else { ServiceType::Medical },
            municipality: String::new(), area: String::new(), phone: None, care: care_of(care),
            min_age, max_age, max_nights, beds,
        }
    }
}
prop_compose! {
    fn wild_row()(id in 0u8..4, updated in extreme_date(), start in extreme_date(),
        marks in proptest::collection::vec(0u8..4, 0..40)) -> BoardRow {
        BoardRow { facility_id: format!("f{id}"), updated_on: updated, start, marks: marks.into_iter().map(vac).collect() }
    }
}
prop_compose! {
    fn wild_request()(id in 0u8..3, birth in extreme_date(), first in extreme_date(), nights in extreme_u32(),
        granted in extreme_u32(), used in extreme_u32(), care in 0u8..16, entitled in any::<bool>()) -> StayRequest {
        StayRequest {
            id: format!("r{id}"),
            child: StayChild { birth_date: birth, care: care_of(care),
                grounds: if entitled { vec![ShortStayGround::MedicalCareScore16] } else { vec![] } },
            first_night: first, nights, reason: StayReason::Other, granted_days: granted, used_days: used,
            area: None, submitted_on: None,
        }
    }
}
prop_compose! {
    fn wild_policy()(stale in extreme_u32(), few in extreme_u32(), dep in any::<bool>(), max in extreme_u32()) -> Policy {
        Policy { stale_after_days: stale, few_beds: few, count_departure_day: dep, max_request_nights: max, accept_unconfirmed_grounds: dep }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn evaluation_allocation_and_board_never_panic(
        as_of in extreme_date(), policy in wild_policy(),
        facilities in proptest::collection::vec(wild_facility(), 0..5),
        rows in proptest::collection::vec(wild_row(), 0..5),
        requests in proptest::collection::vec(wild_request(), 0..5),
        from in proptest::option::of(extreme_date()), days in proptest::option::of(extreme_u32()),
    ) {
        let board = Board { title: None, rows };
        for r in &requests {
            let _ = evaluate(&ShortstayEvaluation { schema: None, version: None, as_of, policy, facilities: facilities.clone(),
                board: board.clone(), request: r.clone() });
        }
        let _ = allocate(&ShortstayAllocation { schema: None, version: None, as_of, policy, facilities: facilities.clone(),
            board: board.clone(), requests });
        let _ = render_board(&ShortstayBoardQuery { schema: None, version: None, as_of, policy, facilities, board, from, days });
    }

    #[test]
    fn operations_never_panic_on_arbitrary_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..200)) {
        for op in ["shortstay.evaluate", "shortstay.allocate", "shortstay.board", "shortstay.search"] {
            let out = kyoten_core::ops::run(op, &bytes).unwrap();
            prop_assert!(serde_json::from_str::<serde_json::Value>(&out.json).is_ok());
        }
    }

    #[test]
    fn operations_never_panic_on_mutated_examples(pos in any::<prop::sample::Index>(), byte in any::<u8>(), which in 0usize..4) {
        let (op, name) = [
            ("shortstay.evaluate", "shortstay-evaluation.ventilated-child.json"),
            ("shortstay.allocate", "shortstay-allocation.december.json"),
            ("shortstay.board", "shortstay-board-query.hotaru.json"),
            ("shortstay.search", "shortstay-search.ventilator-shonan.json"),
        ][which];
        let path = format!("{}/../schemas/examples/{name}", env!("CARGO_MANIFEST_DIR"));
        let mut bytes = std::fs::read(path).unwrap();
        let i = pos.index(bytes.len());
        bytes[i] = byte;
        let out = kyoten_core::ops::run(op, &bytes).unwrap();
        prop_assert!(serde_json::from_str::<serde_json::Value>(&out.json).is_ok());
    }
}
