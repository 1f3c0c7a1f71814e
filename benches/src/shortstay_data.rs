//! Deterministic short-stay data at scale: `n` facilities with a 31-night vacancy board
//! for December 2026, and stay requests, wrapped into the documents the operations take.
//! The one copy of this generator: the benches and the scale tests below both use it.

use kyoten_core::calendar::IsoDate;
use kyoten_core::care::{CareKind, ShortStayGround};
use kyoten_core::shortstay::{
    Board, BoardRow, Facility, FacilityKind, Policy, ServiceType, ShortstayAllocation,
    ShortstayEvaluation, StayChild, StayReason, StayRequest, Vacancy,
};

/// A small deterministic generator (xorshift), so the data is the same on every run.
#[derive(Debug, Clone)]
pub struct Rng(pub u64);

impl Rng {
    /// The next pseudo-random number.
    pub fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    /// A number in `0..n` (`n` > 0).
    pub fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n.max(1)
    }
}

/// A date the generator only builds from valid parts.
fn d(y: i32, m: u8, day: u8) -> IsoDate {
    IsoDate::from_ymd(y, m, day).expect("generated dates are valid")
}

/// `n` facilities with a 31-night board starting on 2026-12-01.
pub fn directory(n: usize, rng: &mut Rng) -> (Vec<Facility>, Board) {
    let mut facilities = Vec::with_capacity(n);
    let mut rows = Vec::with_capacity(n);
    for i in 0..n {
        let care: Vec<CareKind> = CareKind::ALL
            .iter()
            .copied()
            .filter(|_| rng.below(4) != 0)
            .collect();
        facilities.push(Facility {
            id: format!("f{i:05}"),
            name: format!("施設{i}"),
            kind: FacilityKind::Hospital,
            service: if rng.below(5) == 0 {
                ServiceType::Welfare
            } else {
                ServiceType::Medical
            },
            municipality: format!("市{}", i % 30),
            area: format!("圏域{}", i % 8),
            phone: None,
            care,
            min_age: 0,
            max_age: if rng.below(3) == 0 { Some(17) } else { None },
            max_nights: if i.is_multiple_of(4) {
                31
            } else {
                3 + rng.below(12) as u32
            },
            beds: 1 + rng.below(4) as u32,
        });
        // A quarter of the facilities are quiet (only ○ and △), the rest busier.
        let quiet = i.is_multiple_of(4);
        let marks = (0..31)
            .map(|_| match rng.below(if quiet { 8 } else { 10 }) {
                0..=5 => Vacancy::Free,
                6..=7 => Vacancy::Few,
                8 => Vacancy::Full,
                _ => Vacancy::Unknown,
            })
            .collect();
        rows.push(BoardRow {
            facility_id: format!("f{i:05}"),
            updated_on: d(2026, 11, 30 - rng.below(10) as u8),
            start: d(2026, 12, 1),
            marks,
        });
    }
    (facilities, Board { title: None, rows })
}

/// Request number `i` for `nights` nights (1–31) somewhere in December 2026.
pub fn request(i: usize, rng: &mut Rng, nights: u32) -> StayRequest {
    let nights = nights.clamp(1, 31);
    StayRequest {
        id: format!("r{i:04}"),
        child: StayChild {
            birth_date: d(
                2012 + rng.below(12) as i32,
                1 + rng.below(12) as u8,
                1 + rng.below(28) as u8,
            ),
            care: CareKind::ALL
                .iter()
                .copied()
                .filter(|_| rng.below(8) == 0)
                .collect(),
            grounds: vec![ShortStayGround::MedicalCareScore16],
        },
        first_night: d(2026, 12, 1 + rng.below(u64::from(31 - nights) + 1) as u8),
        nights,
        reason: StayReason::Respite,
        granted_days: 14,
        used_days: rng.below(10) as u32,
        area: Some(format!("圏域{}", rng.below(8))),
        submitted_on: Some(d(2026, 11, 1 + rng.below(28) as u8)),
    }
}

/// P4: one child (suctioning) asking for every night of December 2026, over `facilities`
/// facilities × 31 nights. Same data as the short-stay scale test for 1,000 facilities.
pub fn evaluation(facilities: usize) -> ShortstayEvaluation {
    let mut rng = Rng(0x5eed_1234);
    let (facilities, board) = directory(facilities, &mut rng);
    let mut r = request(0, &mut rng, 31);
    r.first_night = d(2026, 12, 1);
    r.granted_days = 40;
    r.child.care = vec![CareKind::Suctioning];
    ShortstayEvaluation {
        schema: None,
        version: None,
        as_of: d(2026, 11, 30),
        policy: Policy {
            max_request_nights: 31,
            ..Policy::default()
        },
        facilities,
        board,
        request: r,
    }
}

/// `requests` requests of 1–5 nights over `facilities` facilities for December 2026.
/// Same data as the short-stay scale test for 500 × 100.
pub fn allocation(requests: usize, facilities: usize) -> ShortstayAllocation {
    let mut rng = Rng(0xfa1e_5eed);
    let (facilities, board) = directory(facilities, &mut rng);
    let requests: Vec<StayRequest> = (0..requests)
        .map(|i| {
            let n = 1 + rng.below(5) as u32;
            request(i, &mut rng, n)
        })
        .collect();
    ShortstayAllocation {
        schema: None,
        version: None,
        as_of: d(2026, 11, 30),
        policy: Policy::default(),
        facilities,
        board,
        requests,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use kyoten_core::shortstay::{allocate, evaluate};

    #[test]
    fn evaluation_covers_every_facility_and_night() {
        for n in [10, 100] {
            let input = evaluation(n);
            let out = evaluate(&input);
            let res = out.result.expect("the generated request is evaluated");
            assert_eq!(res.facilities.len(), n);
            assert_eq!(res.nights.len(), 31);
            assert!(!res.eligible.is_empty(), "some of {n} facilities fit");
            assert!(
                res.eligible.len() < n,
                "not every one of {n} facilities fits"
            );
        }
    }

    #[test]
    fn allocation_grants_within_capacity() {
        let input = allocation(50, 10);
        let wanted: u32 = input.requests.iter().map(|r| r.nights).sum();
        let res = allocate(&input).result.expect("the allocation runs");
        assert_eq!(res.decisions.len() as u32, wanted);
        assert!(res.load.iter().all(|l| l.granted <= l.capacity));
        assert!(res.requests.iter().any(|q| q.nights_granted > 0));
    }

    /// The sizes (formerly `core/tests/shortstay_scale.rs`, which carried its own
    /// copy of this generator): one child over 1,000 facilities × 31 nights.
    #[test]
    fn evaluation_at_1000_facilities() {
        let res = evaluate(&evaluation(1000)).result.expect("evaluated");
        assert_eq!(res.facilities.len(), 1000);
        assert_eq!(res.nights.len(), 31);
        // Every eligible facility really has no full or unknown night.
        for e in &res.eligible {
            let v = res
                .facilities
                .iter()
                .find(|v| v.facility_id == e.facility_id)
                .expect("verdict of an eligible facility");
            assert_eq!(v.free_nights + v.few_nights, 31);
        }
    }

    /// The sizes: 500 requests over 100 facilities for a month.
    #[test]
    fn allocation_at_500_requests_and_100_facilities() {
        let input = allocation(500, 100);
        let wanted: u32 = input.requests.iter().map(|r| r.nights).sum();
        let res = allocate(&input).result.expect("allocated");
        assert_eq!(res.decisions.len() as u32, wanted);
        assert!(res.load.iter().all(|l| l.granted <= l.capacity));
        assert!(res.requests.iter().map(|q| q.nights_granted).sum::<u32>() > 0);
    }

    #[test]
    fn the_generator_is_deterministic() {
        let a = serde_json::to_string(&evaluation(20)).expect("JSON");
        let b = serde_json::to_string(&evaluation(20)).expect("JSON");
        assert_eq!(a, b);
        assert_ne!(a, serde_json::to_string(&evaluation(21)).expect("JSON"));
    }
    /// The allocation builds only the codes of each ineligible facility's reasons (no
    /// pointers or messages): they must be exactly the codes `evaluate` gives the same
    /// request, facility by facility, and the eligible facilities the same, in rank order.
    #[test]
    fn allocation_reasons_are_the_codes_evaluate_gives() {
        let input = allocation(80, 40);
        let res = allocate(&input).result.expect("the allocation runs");
        let mut compared = 0;
        let mut with_reasons = 0;
        for outcome in &res.requests {
            let i = outcome.request_index as usize;
            let request = input.requests[i].clone();
            let alone = ShortstayEvaluation {
                schema: None,
                version: None,
                as_of: input.as_of,
                policy: input.policy,
                facilities: input.facilities.clone(),
                board: input.board.clone(),
                request,
            };
            let Some(ev) = evaluate(&alone).result else {
                assert!(outcome.ineligible.is_empty() && outcome.eligible_facilities.is_empty());
                continue;
            };
            let expected: Vec<(String, Vec<String>)> = ev
                .facilities
                .iter()
                .filter(|v| !v.eligible)
                .map(|v| {
                    let codes = v.reasons.iter().map(|f| f.code.clone()).collect();
                    (v.facility_id.clone(), codes)
                })
                .collect();
            let got: Vec<(String, Vec<String>)> = outcome
                .ineligible
                .iter()
                .map(|c| (c.facility_id.clone(), c.reasons.clone()))
                .collect();
            assert_eq!(got, expected, "request {i}");
            let ranked: Vec<&str> = ev.eligible.iter().map(|e| e.facility_id.as_str()).collect();
            assert_eq!(outcome.eligible_facilities, ranked, "request {i}");
            assert!(
                ev.facilities
                    .iter()
                    .all(|v| v.reasons.iter().all(|f| !f.message_en().is_empty()
                        && !f.message_ja().is_empty()
                        && !f.path.is_empty())),
                "evaluate still explains every reason"
            );
            compared += 1;
            with_reasons += expected.iter().filter(|(_, c)| c.len() > 1).count();
        }
        assert!(compared > 50, "most requests are compared ({compared})");
        assert!(with_reasons > 0, "some facilities have several reasons");
    }
}
