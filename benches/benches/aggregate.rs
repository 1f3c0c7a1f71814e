//! Scale of `summaries.aggregate` (issue 16): 20,000 children's summaries, as NDJSON read
//! one line at a time (goal: under 1 s), and as one JSON document through the operation
//! table. Memory, counted by a counting allocator: the bytes the aggregator holds after
//! the last line (and the peak while adding), for the input once and for the same input
//! fed twice (twice the bytes, the same children): the state is keyed by child id, so it
//! must not double.
//!
//! Run: `cargo bench -p kyoten-benches --bench aggregate` (about half a minute). Goals are
//! printed, never asserted. The data are generated here, deterministically: 20,000
//! children over 20 municipalities, each summary with guardians, an emergency contact, 0–4
//! kinds of care with their detail, devices, a care team and medications (about 1.3 kB a
//! line), plus 1,000 second summaries of children already sent (a hospital and a school).

use kyoten_benches::timing::human;
use kyoten_core::calendar::IsoDate;
use kyoten_core::finding::Path;
use kyoten_core::input::Limits;
use kyoten_core::stats::aggregate::{Aggregator, Mode};
use serde_json::{Value, json};
use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};
use std::time::Instant;

/// Counts live heap bytes and their peak.
struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

fn grew(by: usize) {
    let now = LIVE.fetch_add(by, Relaxed) + by;
    PEAK.fetch_max(now, Relaxed);
}

// SAFETY: every call is forwarded to the system allocator unchanged; only counters move.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: forwarded with the caller's layout.
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            grew(layout.size());
        }
        p
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: forwarded with the caller's pointer and layout.
        unsafe { System.dealloc(ptr, layout) };
        LIVE.fetch_sub(layout.size(), Relaxed);
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: forwarded with the caller's arguments.
        let q = unsafe { System.realloc(ptr, layout, new_size) };
        if !q.is_null() {
            LIVE.fetch_sub(layout.size(), Relaxed);
            grew(new_size);
        }
        q
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

const CHILDREN: usize = 20_000;
const REPEATS: usize = 1_000;
const GOAL_S: f64 = 1.0;

/// A small deterministic generator (64-bit LCG).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, n: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) % n.max(1)
    }
}

/// 20 valid municipality codes (check digit computed).
fn codes() -> Vec<String> {
    (0..20u32)
        .map(|i| {
            let base = 14_100 + i * 7;
            let digits: Vec<u32> = base
                .to_string()
                .chars()
                .filter_map(|c| c.to_digit(10))
                .collect();
            let sum: u32 = digits.iter().zip([6, 5, 4, 3, 2]).map(|(d, w)| d * w).sum();
            format!("{base}{}", (11 - sum % 11) % 10)
        })
        .collect()
}

fn summary(i: usize, rng: &mut Lcg, codes: &[String]) -> Value {
    let care_pool = [
        json!({"kind": "ventilator", "since": "2024-01-01", "watch": "high", "hours_per_day": 24, "ventilation": ["invasive"]}),
        json!({"kind": "tracheostomy", "since": "2024-01-01", "watch": "high"}),
        json!({"kind": "tube_feeding", "since": "2024-01-01", "watch": "low", "feeding_route": "gastrostomy"}),
        json!({"kind": "suctioning", "since": "2024-01-01", "watch": "low", "frequency": {"times": 8, "per": "day"}, "suction_sites": ["oral_nasal"]}),
        json!({"kind": "oxygen", "since": "2024-01-01", "watch": "low", "hours_per_day": 12}),
        json!({"kind": "seizure_care", "since": "2024-01-01", "frequency": {"times": 2, "per": "week"}}),
    ];
    let devices = [
        "ventilator",
        "tracheostomy_tube",
        "gastrostomy",
        "suction_unit",
        "oxygen_concentrator",
        "pulse_oximeter",
    ];
    let year = 2004 + rng.next(22) as i32;
    let birth = format!("{year}-{:02}-{:02}", 1 + rng.next(12), 1 + rng.next(28));
    let kinds = rng.next(5) as usize;
    let start = rng.next(6) as usize;
    let care: Vec<Value> = (0..kinds)
        .map(|k| care_pool[(start + k) % 6].clone())
        .collect();
    let devs: Vec<Value> = (0..kinds)
        .map(|k| json!({"kind": devices[(start + k) % 6], "since": "2024-01-01"}))
        .collect();
    let motor = [
        "runs",
        "walks",
        "walks_with_difficulty",
        "sits",
        "bedridden",
    ][rng.next(5) as usize];
    json!({
        "child": {
            "id": format!("kyoten:bench:{i:06}"), "name": format!("氏名 {i}"), "kana": format!("シメイ {i}"),
            "sex": if rng.next(2) == 0 { "female" } else { "male" }, "date_of_birth": birth,
            "municipality": "市", "municipality_code": codes[rng.next(codes.len() as u64) as usize],
        },
        "guardians": [
            {"name": "保護者 母", "kana": "ホゴシャ ハハ", "relationship": "mother", "phone": "090-1234-5678"},
            {"name": "保護者 父", "kana": "ホゴシャ チチ", "relationship": "father", "phone": "090-8765-4321"}
        ],
        "emergency_contacts": [{"name": "保護者 母", "relationship": "mother", "phone": "090-1234-5678"}],
        "diagnoses": [{"name": "脳性麻痺", "icd10": "G80.0", "primary": true}],
        "clinical": {"care": care, "motor_level": motor, "iq": rng.next(100)},
        "devices": devs,
        "medications": [{"name": "薬", "dose": "5mg", "route": "oral", "times_per_day": 3}],
        "allergies": {"status": "none_known"},
        "care_team": [
            {"id": "hp", "role": "primary_hospital", "organisation": "病院", "phone": "0465-00-0000"},
            {"id": "vn", "role": "visiting_nurse_station", "organisation": "訪問看護", "phone": "0465-00-0001"}
        ]
    })
}

/// CPU seconds of this process so far (user + system, from /proc; 0 elsewhere).
fn cpu_s() -> f64 {
    std::fs::read_to_string("/proc/self/stat")
        .ok()
        .and_then(|s| {
            let rest = s.rsplit_once(')')?.1;
            let f: Vec<&str> = rest.split_whitespace().collect();
            let ticks: f64 = f.get(11)?.parse::<f64>().ok()? + f.get(12)?.parse::<f64>().ok()?;
            Some(ticks / 100.0)
        })
        .unwrap_or(0.0)
}

/// Streams `lines` into an aggregator; returns seconds, the heap bytes the aggregator holds
/// after the last line, the peak above the start while adding, and the children counted.
fn stream(lines: &[String], as_of: IsoDate) -> (f64, usize, usize, u32) {
    let limits = Limits::default();
    let base = LIVE.load(Relaxed);
    PEAK.store(base, Relaxed);
    let start = Instant::now();
    let mut agg = Aggregator::new(as_of, Mode::Publication, 10);
    for (i, line) in lines.iter().enumerate() {
        agg.add_json(&Path::root().index(i), line.as_bytes(), &limits);
    }
    let held = LIVE.load(Relaxed).saturating_sub(base);
    let peak = PEAK.load(Relaxed).saturating_sub(base);
    let (result, _) = agg.finish();
    let secs = start.elapsed().as_secs_f64();
    (secs, held, peak, result.children.count.unwrap_or(0))
}

fn median(mut xs: Vec<f64>) -> f64 {
    xs.sort_by(f64::total_cmp);
    xs.get(xs.len() / 2).copied().unwrap_or(0.0)
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.iter().any(|a| a == "--list") {
        println!("aggregate/20000: bench");
        return;
    }
    // `cargo test --benches` (no --bench): a quick smoke run on 2,000 children.
    let quick = !args.iter().any(|a| a == "--bench");
    let children = if quick { 2_000 } else { CHILDREN };
    let repeats = if quick { 100 } else { REPEATS };
    let codes = codes();
    let mut rng = Lcg(16);
    let mut lines: Vec<String> = (0..children)
        .map(|i| summary(i, &mut rng, &codes).to_string())
        .collect();
    for k in 0..repeats {
        let again = lines[(k * 17) % children].clone();
        lines.push(again);
    }
    let bytes: usize = lines.iter().map(|l| l.len() + 1).sum();
    let as_of = IsoDate::parse("2026-11-23").expect("date");

    let runs = if quick { 1 } else { 5 };
    let mut times = Vec::new();
    let mut counted = 0;
    let mut once = (0, 0);
    let cpu_start = cpu_s();
    for _ in 0..runs {
        let (t, held, peak, n) = stream(&lines, as_of);
        times.push(t);
        counted = n;
        once = (held, peak);
    }
    let cpu_per_run = (cpu_s() - cpu_start) / runs as f64;
    assert_eq!(counted as usize, children, "every child once");
    let t_stream = median(times);

    let twice: Vec<String> = lines.iter().chain(lines.iter()).cloned().collect();
    let (_, held_twice, peak_twice, n2) = stream(&twice, as_of);
    assert_eq!(n2 as usize, children, "the same children");

    // The whole document through the operation table (one JSON of all summaries).
    let doc = format!(
        "{{\"as_of\":\"2026-11-23\",\"mode\":\"publication\",\"summaries\":[{}]}}",
        lines.join(",")
    );
    let op = kyoten_core::ops::find("summaries.aggregate").expect("operation");
    let limits = Limits {
        max_input_bytes: doc.len() + 1,
        ..Limits::default()
    };
    let mut op_times = Vec::new();
    for _ in 0..runs.min(3) {
        let start = Instant::now();
        let out = (op.run)(doc.as_bytes(), &limits);
        op_times.push(start.elapsed().as_secs_f64());
        assert!(out.problem.is_none(), "the document is read");
    }
    let t_op = median(op_times);

    println!();
    println!(
        "summaries.aggregate at scale: {children} children, {} lines ({} repeated), {:.1} MB of NDJSON",
        lines.len(),
        repeats,
        bytes as f64 / 1e6
    );
    println!("| what | median | goal |");
    println!("|---|---|---|");
    println!(
        "| NDJSON, one line at a time (`Aggregator::add_json`, then `finish`) | {} | < {GOAL_S} s: {} |",
        human(t_stream * 1e9),
        if t_stream < GOAL_S { "met" } else { "NOT met" }
    );
    println!(
        "| the same, CPU time of the process per run (the machine is shared) | {:.3} s | < {GOAL_S} s |",
        cpu_per_run
    );
    println!(
        "| one JSON document, operation `summaries.aggregate` | {} | — |",
        human(t_op * 1e9)
    );
    println!(
        "| heap held by the aggregator after the last line: input once / twice (same children) | {:.2} MB / {:.2} MB | no doubling |",
        once.0 as f64 / 1e6,
        held_twice as f64 / 1e6
    );
    println!(
        "| peak heap above the start while adding: input once / twice | {:.2} MB / {:.2} MB | (input: {:.1} MB / {:.1} MB) |",
        once.1 as f64 / 1e6,
        peak_twice as f64 / 1e6,
        bytes as f64 / 1e6,
        2.0 * bytes as f64 / 1e6
    );
}
