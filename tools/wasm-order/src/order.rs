//! Choosing the order of the function bodies.
//!
//! deflate replaces a run of bytes by a reference to an earlier copy within the last
//! 32 KiB. The greedy order below therefore places next, again and again, the function
//! whose 4-byte shingles (every 4 consecutive bytes of its body) are most present in the
//! bodies placed within the last `window` bytes; when no function is similar enough to
//! them, it goes on with the first unplaced function in the module's own order (which is
//! LLVM's, and keeps related code together). The order depends only on the bodies, so
//! the same module always gives the same order.

use std::collections::{HashMap, VecDeque};

/// The knobs of [`choose`]; [`Params::default`] is what `wasm/build.sh` uses.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Params {
    /// How many bytes of recently placed bodies a candidate is compared with (deflate
    /// looks back 32 KiB).
    pub window: usize,
    /// Added to a candidate's shingle count when scoring it, so that tiny bodies (a
    /// handful of shingles, all common) do not win on a perfect ratio.
    pub smooth: f64,
    /// Below this score (the share of a candidate's shingles found in the window), the
    /// next function in the module's own order is placed instead.
    pub threshold: f64,
    /// Bytes per shingle (1 to 8).
    pub shingle: usize,
}

impl Default for Params {
    fn default() -> Self {
        Self {
            window: 4 * 1024,
            smooth: 0.0,
            threshold: 0.0,
            shingle: 4,
        }
    }
}

/// Bytes per shingle.
const MAX_SHINGLE: usize = 8;

/// The shingles of some bodies.
pub(crate) struct Shingles {
    /// Each body's distinct shingles, as dense ids (given in order of first appearance,
    /// so that nothing depends on hashing), sorted.
    pub(crate) own: Vec<Vec<u32>>,
    /// For each shingle id, the bodies that hold it, in order.
    pub(crate) holders: Vec<Vec<u32>>,
}

impl Shingles {
    /// The `k`-byte shingles (`k` clamped to 1..=8) of `bodies`.
    pub(crate) fn of(bodies: &[&[u8]], k: usize) -> Self {
        let k = k.clamp(1, MAX_SHINGLE);
        let mut ids: HashMap<u64, u32> = HashMap::new();
        let mut own: Vec<Vec<u32>> = Vec::with_capacity(bodies.len());
        for body in bodies {
            let mut these: Vec<u32> = body
                .windows(k)
                .map(|w| {
                    let key = w.iter().fold(0u64, |key, &b| (key << 8) | u64::from(b));
                    let next = u32::try_from(ids.len()).unwrap_or(u32::MAX);
                    *ids.entry(key).or_insert(next)
                })
                .collect();
            these.sort_unstable();
            these.dedup();
            own.push(these);
        }
        let mut holders: Vec<Vec<u32>> = vec![Vec::new(); ids.len()];
        for (f, these) in own.iter().enumerate() {
            for &id in these {
                holders[id as usize].push(f as u32);
            }
        }
        Self { own, holders }
    }

    /// The body other than `f` that holds the largest number of `f`'s shingles (the
    /// first of equals), if any holds one.
    pub(crate) fn closest(&self, f: usize) -> Option<usize> {
        let mut shared: HashMap<u32, u32> = HashMap::new();
        for &id in &self.own[f] {
            for &g in &self.holders[id as usize] {
                if g as usize != f {
                    *shared.entry(g).or_insert(0) += 1;
                }
            }
        }
        shared
            .into_iter()
            .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))
            .map(|(g, _)| g as usize)
    }
}

/// The order of `bodies` (the defined functions' bodies, in the module's order) for
/// [`crate::permute`]: `result[p]` is the index in `bodies` of the `p`-th function.
#[must_use]
pub fn choose(bodies: &[&[u8]], params: &Params) -> Vec<u32> {
    let count = bodies.len();
    let Shingles {
        own: shingles,
        holders,
    } = Shingles::of(bodies, params.shingle);

    // in_window[id]: how many bodies in the window hold shingle `id`;
    // score[f]: how many of f's shingles are in the window.
    let mut in_window = vec![0u32; holders.len()];
    let mut score = vec![0u32; count];
    let mut placed = vec![false; count];
    let mut window: VecDeque<usize> = VecDeque::new();
    let mut window_bytes = 0usize;
    let mut order = Vec::with_capacity(count);
    let mut next_in_module_order = 0usize;

    while order.len() < count {
        let mut best: Option<(f64, usize)> = None;
        for f in 0..count {
            if placed[f] {
                continue;
            }
            // max(1): a body shorter than a shingle has none (and scores 0).
            let value = f64::from(score[f]) / (shingles[f].len() as f64 + params.smooth).max(1.0);
            if best.is_none_or(|(v, _)| value > v) {
                best = Some((value, f));
            }
        }
        let chosen = match best {
            Some((value, f)) if value >= params.threshold => f,
            _ => {
                while placed[next_in_module_order] {
                    next_in_module_order += 1;
                }
                next_in_module_order
            }
        };
        placed[chosen] = true;
        order.push(chosen as u32);

        for &id in &shingles[chosen] {
            let n = &mut in_window[id as usize];
            if *n == 0 {
                for &g in &holders[id as usize] {
                    score[g as usize] += 1;
                }
            }
            *n += 1;
        }
        window.push_back(chosen);
        window_bytes += bodies[chosen].len();
        while let Some(&oldest) = window.front() {
            if window.len() == 1 || window_bytes - bodies[oldest].len() < params.window {
                break;
            }
            window.pop_front();
            window_bytes -= bodies[oldest].len();
            for &id in &shingles[oldest] {
                let n = &mut in_window[id as usize];
                *n -= 1;
                if *n == 0 {
                    for &g in &holders[id as usize] {
                        score[g as usize] -= 1;
                    }
                }
            }
        }
    }
    order
}

#[cfg(test)]
mod tests {
    use super::*;

    fn is_permutation(order: &[u32], count: usize) -> bool {
        let mut sorted = order.to_vec();
        sorted.sort_unstable();
        sorted == (0..count as u32).collect::<Vec<_>>()
    }

    #[test]
    fn similar_bodies_end_up_next_to_each_other() {
        let a: Vec<u8> = (0u8..200).collect();
        let b: Vec<u8> = (0u8..200)
            .map(|x| x.wrapping_mul(7).wrapping_add(3))
            .collect();
        let mut a2 = a.clone();
        a2[100] = 0xff;
        let mut b2 = b.clone();
        b2[50] = 0xee;
        let bodies: Vec<&[u8]> = vec![&a, &b, &a2, &b2];
        let order = choose(&bodies, &Params::default());
        assert!(is_permutation(&order, 4));
        let at = |f: u32| order.iter().position(|&g| g == f).unwrap();
        assert_eq!(at(0).abs_diff(at(2)), 1, "{order:?}");
        assert_eq!(at(1).abs_diff(at(3)), 1, "{order:?}");
    }

    #[test]
    fn the_order_is_deterministic_and_a_permutation() {
        let bodies: Vec<Vec<u8>> = (0u32..300)
            .map(|i| {
                (0..(i % 37) * 5)
                    .map(|j| {
                        (i.wrapping_mul(2_654_435_761).wrapping_add(j * (i % 5 + 1)) >> 3) as u8
                    })
                    .collect()
            })
            .collect();
        let bodies: Vec<&[u8]> = bodies.iter().map(Vec::as_slice).collect();
        for params in [
            Params::default(),
            Params {
                window: 0,
                smooth: 8.0,
                threshold: 0.3,
                shingle: 6,
            },
        ] {
            let order = choose(&bodies, &params);
            assert!(is_permutation(&order, bodies.len()));
            assert_eq!(order, choose(&bodies, &params));
        }
    }

    #[test]
    fn no_functions_no_order() {
        assert!(choose(&[], &Params::default()).is_empty());
    }
}
