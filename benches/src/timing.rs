//! Interleaved timing: both sides of a ratio are sampled in turn, so both see the same
//! machine load, and each side is summarised by its median and quartiles.

use std::time::{Duration, Instant};

/// Median and quartiles of nanoseconds per call.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Stats {
    /// Median.
    pub median: f64,
    /// First quartile.
    pub q1: f64,
    /// Third quartile.
    pub q3: f64,
}

/// The median and quartiles of `xs` (nearest rank); all zero for an empty list.
pub fn stats(mut xs: Vec<f64>) -> Stats {
    xs.sort_by(f64::total_cmp);
    let at = |p: f64| {
        let i = ((xs.len().saturating_sub(1)) as f64 * p).round() as usize;
        xs.get(i).copied().unwrap_or(0.0)
    };
    Stats {
        median: at(0.5),
        q1: at(0.25),
        q3: at(0.75),
    }
}

/// Calls per sample so that one sample lasts about `target`.
pub fn batch_for(f: &mut dyn FnMut(), target: Duration) -> u32 {
    let start = Instant::now();
    f();
    let once = start.elapsed().max(Duration::from_nanos(20));
    ((target.as_nanos() / once.as_nanos()).clamp(1, 1_000_000)) as u32
}

/// Nanoseconds per call of `n` calls in a row.
pub fn time_batch(f: &mut dyn FnMut(), n: u32) -> f64 {
    let start = Instant::now();
    for _ in 0..n {
        f();
    }
    start.elapsed().as_nanos() as f64 / f64::from(n.max(1))
}

/// `samples` samples of `f` alone, each about `target` long.
pub fn sample(f: &mut dyn FnMut(), samples: usize, target: Duration) -> Stats {
    let n = batch_for(f, target);
    time_batch(f, n);
    stats((0..samples).map(|_| time_batch(f, n)).collect())
}

/// Interleaves samples of `a` and `b` (so both see the same machine load) and returns
/// their per-call statistics and the ratio of medians a ÷ b.
pub fn ratio(
    a: &mut dyn FnMut(),
    b: &mut dyn FnMut(),
    samples: usize,
    target: Duration,
) -> (Stats, Stats, f64) {
    let (na, nb) = (batch_for(a, target), batch_for(b, target));
    // Warm up both.
    time_batch(a, na);
    time_batch(b, nb);
    let (mut xa, mut xb) = (Vec::with_capacity(samples), Vec::with_capacity(samples));
    for i in 0..samples {
        // Alternate which side goes first, so neither always follows the other.
        if i % 2 == 0 {
            xa.push(time_batch(a, na));
            xb.push(time_batch(b, nb));
        } else {
            xb.push(time_batch(b, nb));
            xa.push(time_batch(a, na));
        }
    }
    let (sa, sb) = (stats(xa), stats(xb));
    (sa, sb, sa.median / sb.median)
}

/// A duration in nanoseconds, in the unit that suits it.
pub fn human(ns: f64) -> String {
    if ns >= 1e9 {
        format!("{:.3} s", ns / 1e9)
    } else if ns >= 1e6 {
        format!("{:.3} ms", ns / 1e6)
    } else if ns >= 1e3 {
        format!("{:.2} µs", ns / 1e3)
    } else {
        format!("{ns:.0} ns")
    }
}

/// `median [q1 – q3]`.
pub fn spread(s: Stats) -> String {
    format!("{} [{} – {}]", human(s.median), human(s.q1), human(s.q3))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stats_take_nearest_ranks() {
        let s = stats(vec![5.0, 1.0, 4.0, 2.0, 3.0]);
        assert_eq!((s.q1, s.median, s.q3), (2.0, 3.0, 4.0));
        assert_eq!(stats(Vec::new()).median, 0.0);
    }

    #[test]
    fn units_follow_the_size() {
        assert_eq!(human(12.0), "12 ns");
        assert_eq!(human(1_500.0), "1.50 µs");
        assert_eq!(human(2_500_000.0), "2.500 ms");
        assert_eq!(human(3e9), "3.000 s");
    }

    #[test]
    fn a_slower_side_has_a_larger_ratio() {
        let mut fast = || {
            std::hint::black_box((0..10u64).sum::<u64>());
        };
        let mut slow = || std::thread::sleep(Duration::from_micros(200));
        let (_, _, r) = ratio(&mut slow, &mut fast, 3, Duration::from_millis(1));
        assert!(
            r > 1.0,
            "sleeping 200 µs is slower than summing ten numbers"
        );
    }
}
