//! The sizes the issue names for the benches, run as a test so the numbers are printed
//! with every test run (not asserted as times): evaluation of one child over 1,000
//! facilities × 31 nights, and allocation of 500 requests over 100 facilities for a
//! month. Run `cargo test -p kyoten-core --release --test shortstay_scale -- --nocapture`
//! for optimised numbers. The results are checked for sense, not for speed.

use kyoten_core::calendar::IsoDate;
use kyoten_core::care::{CareKind, ShortStayGround};
use kyoten_core::shortstay::*;
use std::time::Instant;

/// A small deterministic generator (xorshift), so the data is the same on every run.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

fn d(y: i32, m: u8, day: u8) -> IsoDate {
    IsoDate::from_ymd(y, m, day).unwrap()
}

/// `n` facilities with a 31-day board for December 2026.
fn directory(n: usize, rng: &mut Rng) -> (Vec<Facility>, Board) {
    let mut facilities = Vec::with_capacity(n);
    let mut rows = Vec::with_capacity(n);
    for i in 0..n {
        let care: Vec<CareKind> = CareKind::ALL
            .iter()
            .copied()
            .filter(|_| rng.below(4) != 0)
            .collect();
        facilities.push(Facility {
            id: format!("f{i:04}"),
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
            facility_id: format!("f{i:04}"),
            updated_on: d(2026, 11, 30 - rng.below(10) as u8),
            start: d(2026, 12, 1),
            marks,
        });
    }
    (facilities, Board { title: None, rows })
}

fn request(i: usize, rng: &mut Rng, nights: u32) -> StayRequest {
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
        first_night: d(2026, 12, 1 + rng.below(31 - nights as u64 + 1) as u8),
        nights,
        reason: StayReason::Respite,
        granted_days: 14,
        used_days: rng.below(10) as u32,
        area: Some(format!("圏域{}", rng.below(8))),
        submitted_on: Some(d(2026, 11, 1 + rng.below(28) as u8)),
    }
}

#[test]
fn evaluate_one_child_over_1000_facilities_and_31_nights() {
    let mut rng = Rng(0x5eed_1234);
    let (facilities, board) = directory(1000, &mut rng);
    let mut r = request(0, &mut rng, 31);
    r.first_night = d(2026, 12, 1);
    r.granted_days = 40;
    r.child.care = vec![CareKind::Suctioning];
    let input = ShortstayEvaluation {
        schema: None,
        as_of: d(2026, 11, 30),
        policy: Policy {
            max_request_nights: 31,
            ..Policy::default()
        },
        facilities,
        board,
        request: r,
    };
    let start = Instant::now();
    let out = evaluate(&input);
    let took = start.elapsed();
    let res = out.result.unwrap();
    assert_eq!(res.facilities.len(), 1000);
    assert_eq!(res.nights.len(), 31);
    // Every eligible facility really has no full or unknown night.
    for e in &res.eligible {
        let v = res
            .facilities
            .iter()
            .find(|v| v.facility_id == e.facility_id)
            .unwrap();
        assert_eq!(v.free_nights + v.few_nights, 31);
    }
    println!(
        "shortstay scale: evaluate 1 child × 1,000 facilities × 31 nights: {took:?} ({} eligible)",
        res.eligible.len()
    );
}

#[test]
fn allocate_500_requests_over_100_facilities_for_a_month() {
    let mut rng = Rng(0xfa1e_5eed);
    let (facilities, board) = directory(100, &mut rng);
    let requests: Vec<StayRequest> = (0..500)
        .map(|i| {
            let n = 1 + rng.below(5) as u32;
            request(i, &mut rng, n)
        })
        .collect();
    let wanted: u32 = requests.iter().map(|r| r.nights).sum();
    let input = ShortstayAllocation {
        schema: None,
        as_of: d(2026, 11, 30),
        policy: Policy::default(),
        facilities,
        board,
        requests,
    };
    let start = Instant::now();
    let out = allocate(&input);
    let took = start.elapsed();
    let res = out.result.unwrap();
    assert_eq!(res.decisions.len() as u32, wanted);
    assert!(res.load.iter().all(|l| l.granted <= l.capacity));
    let granted: u32 = res.requests.iter().map(|q| q.nights_granted).sum();
    assert!(granted > 0);
    println!(
        "shortstay scale: allocate 500 requests × 100 facilities × 31 nights: {took:?} ({granted} of {wanted} nights granted)"
    );
}
