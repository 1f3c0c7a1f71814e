//! P4 of issue 9, and the allocation at scale: short-stay evaluation of one child over
//! 100, 1,000 and 10,000 facilities × 31 nights (goal at 1,000: ≤ 1 ms), and allocation
//! of 500 requests over 100 facilities for a month.
//!
//! Run: `cargo bench -p kyoten-benches --bench shortstay` (about a minute).
//! Each size is measured twice: the pure function on the typed document
//! (`kyoten_core::shortstay::evaluate` / `allocate`, the figure the goal is about) and the
//! operation from JSON bytes to report JSON (`shortstay.evaluate` / `shortstay.allocate`
//! in the operation table: reading, rules, result and report). A table of medians and
//! quartiles is printed at the end; goals are printed, never asserted.
//! The data come from `kyoten_benches::shortstay_data` (deterministic).
//!
//! | id | what |
//! |---|---|
//! | `p4/evaluate/<n>` | `evaluate` on the typed document, `n` facilities × 31 nights |
//! | `p4/evaluate_op/<n>` | operation `shortstay.evaluate` from JSON bytes |
//! | `allocate/500x100/{fn,op}` | 500 requests of 1–5 nights over 100 facilities, December |

use criterion::{BenchmarkId, Criterion, Throughput};
use kyoten_benches::shortstay_data::{allocation, evaluation};
use kyoten_benches::timing::{human, sample, spread};
use kyoten_core::shortstay::{allocate, evaluate};
use std::hint::black_box;
use std::time::Duration;

const SIZES: [usize; 3] = [100, 1_000, 10_000];

fn run_op(name: &str, bytes: &[u8]) -> bool {
    kyoten_core::ops::run(name, bytes).is_some_and(|o| o.valid || o.problem.is_none())
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let listing = args.iter().any(|a| a == "--list");
    // `cargo bench` passes --bench; `cargo test --benches` does not (quick smoke mode).
    let quick = !args.iter().any(|a| a == "--bench");
    let sizes: &[usize] = if quick { &SIZES[..2] } else { &SIZES };
    let mut c = Criterion::default()
        .warm_up_time(Duration::from_millis(300))
        .measurement_time(Duration::from_secs(2))
        .sample_size(20)
        .configure_from_args();

    let evaluations: Vec<(usize, _, Vec<u8>)> = sizes
        .iter()
        .map(|&n| {
            let input = evaluation(n);
            let bytes = serde_json::to_vec(&input).expect("JSON");
            (n, input, bytes)
        })
        .collect();
    for (n, input, bytes) in &evaluations {
        let res = evaluate(input).result.expect("the request is evaluated");
        assert_eq!(res.facilities.len(), *n, "one verdict per facility");
        assert!(run_op("shortstay.evaluate", bytes), "the document is read");
    }
    let alloc = allocation(500, 100);
    let alloc_bytes = serde_json::to_vec(&alloc).expect("JSON");
    assert!(allocate(&alloc).result.is_some(), "the allocation runs");
    assert!(
        run_op("shortstay.allocate", &alloc_bytes),
        "the document is read"
    );

    let mut g = c.benchmark_group("p4");
    for (n, input, bytes) in &evaluations {
        g.throughput(Throughput::Elements(*n as u64));
        if *n >= 10_000 {
            g.sample_size(10);
        }
        g.bench_with_input(BenchmarkId::new("evaluate", n), input, |b, i| {
            b.iter(|| evaluate(black_box(i)))
        });
        g.bench_with_input(BenchmarkId::new("evaluate_op", n), bytes, |b, i| {
            b.iter(|| kyoten_core::ops::run("shortstay.evaluate", black_box(i)))
        });
    }
    g.finish();
    let mut g = c.benchmark_group("allocate");
    g.throughput(Throughput::Elements(alloc.requests.len() as u64));
    g.bench_function(BenchmarkId::new("500x100", "fn"), |b| {
        b.iter(|| allocate(black_box(&alloc)))
    });
    g.bench_function(BenchmarkId::new("500x100", "op"), |b| {
        b.iter(|| kyoten_core::ops::run("shortstay.allocate", black_box(&alloc_bytes)))
    });
    g.finish();
    c.final_summary();
    if listing {
        return;
    }

    // The table: each figure sampled on its own, median [quartiles] per call.
    let (samples, target) = if quick {
        (3, Duration::from_millis(2))
    } else {
        (21, Duration::from_millis(50))
    };
    let smoke = "smoke run (unoptimised, few samples): not a measurement";
    println!();
    println!("kyoten short-stay at scale; median [quartiles] per call");
    println!("| what | input JSON | typed function | operation from bytes | goal |");
    println!("|---|---|---|---|---|");
    let mut per_facility = Vec::new();
    for (n, input, bytes) in &evaluations {
        let f = sample(
            &mut || drop(black_box(evaluate(black_box(input)))),
            samples,
            target,
        );
        let o = sample(
            &mut || {
                drop(black_box(kyoten_core::ops::run(
                    "shortstay.evaluate",
                    black_box(bytes),
                )))
            },
            samples,
            target,
        );
        per_facility.push((*n, f.median / *n as f64));
        let goal = match (*n, quick) {
            (1_000, true) => format!("P4 ≤ 1 ms, P4′ ≤ 3 ms: {smoke}"),
            (1_000, false) => format!(
                "P4 ≤ 1 ms: {}; P4′ ≤ 3 ms: {}",
                if f.median <= 1e6 { "met" } else { "missed" },
                if o.median <= 3e6 { "met" } else { "missed" }
            ),
            _ => "(growth)".to_owned(),
        };
        println!(
            "| P4 (typed) and P4′ (from bytes) evaluate, 1 child × {n} facilities × 31 nights | {} KB | {} | {} | {goal} |",
            bytes.len() / 1024,
            spread(f),
            spread(o)
        );
    }
    let f = sample(
        &mut || drop(black_box(allocate(black_box(&alloc)))),
        samples,
        target,
    );
    let o = sample(
        &mut || {
            drop(black_box(kyoten_core::ops::run(
                "shortstay.allocate",
                black_box(&alloc_bytes),
            )))
        },
        samples,
        target,
    );
    println!(
        "| allocate 500 requests × 100 facilities × 31 nights | {} KB | {} | {} | (none set) |",
        alloc_bytes.len() / 1024,
        spread(f),
        spread(o)
    );
    let growth: Vec<String> = per_facility
        .iter()
        .map(|(n, ns)| format!("{n}: {} per facility", human(*ns)))
        .collect();
    println!(
        "\nevaluate, cost per facility (flat = linear growth): {}",
        growth.join("; ")
    );
}
