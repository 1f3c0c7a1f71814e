//! G of issue 19: `summary.validate` time ÷ document size as summaries grow (no rule may
//! be worse than n log n). Summaries from `kyoten_benches::summary_data`: the largest valid
//! example plus 1,000, 10,000 and 100,000 entries (a third each in the care team, history
//! and medications; about 0.1, 0.9 and 8.6 MB).
//!
//! Run: `cargo bench -p kyoten-benches --bench growth` (about 30 s). For each size it prints
//! the median of a few runs from JSON bytes to report JSON, the time per entry, and the
//! growth from one size to the next beside the goal: time per entry may grow at most like
//! log n (ratio of the logarithms). Goals are printed, never asserted.
//! `cargo test -p kyoten-benches --benches` runs a quick smoke version (1,000 and 3,000).

use kyoten_benches::summary_data::summary_bytes;
use std::time::{Duration, Instant};

fn median_time(bytes: &[u8], runs: usize) -> Duration {
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let t = Instant::now();
            let out = kyoten_core::ops::run("summary.validate", std::hint::black_box(bytes));
            let el = t.elapsed();
            assert!(
                out.is_some_and(|o| o.problem.is_none()),
                "the summary is read"
            );
            el
        })
        .collect();
    times.sort_unstable();
    times.get(runs / 2).copied().unwrap_or_default()
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.iter().any(|a| a == "--list") {
        return;
    }
    let quick = !args.iter().any(|a| a == "--bench");
    let sizes: &[usize] = if quick {
        &[1_000, 3_000]
    } else {
        &[1_000, 10_000, 100_000]
    };
    println!("\nG: summary.validate from JSON bytes to report JSON, as the summary grows");
    println!(
        "| extra entries | input | median | per entry | per MB | growth per entry vs the size before | goal (≤ n log n: log ratio) |"
    );
    println!("|---|---|---|---|---|---|---|");
    let mut before: Option<(usize, f64)> = None;
    for &n in sizes {
        let bytes = summary_bytes(n);
        let runs = if n >= 100_000 { 5 } else { 11 };
        let t = median_time(&bytes, runs);
        let per_entry = t.as_secs_f64() / n as f64;
        let mb = bytes.len() as f64 / 1_048_576.0;
        let (growth, goal) = match before {
            Some((m, prev)) => (
                format!("{:.2}", per_entry / prev),
                format!("≤ {:.2}", (n as f64).ln() / (m as f64).ln()),
            ),
            None => ("–".into(), "–".into()),
        };
        println!(
            "| {n} | {:.2} MB | {:.1} ms | {:.2} µs | {:.1} ms | {growth} | {goal} |",
            mb,
            t.as_secs_f64() * 1e3,
            per_entry * 1e6,
            t.as_secs_f64() * 1e3 / mb,
        );
        before = Some((n, per_entry));
    }
    println!(
        "(machine shared with other builds: absolute times are upper bounds; the growth column is the figure)"
    );
}
