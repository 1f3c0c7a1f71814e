//! Sorting with one copy of the sorting code for the whole library (issue 19: the WASM
//! modules' size).
//!
//! `slice::sort_by_key` and its kin are generic: every element type and key function gets
//! its own copy of the standard library's sort, about 5 KB of WASM each. The functions
//! here compute the keys, sort the positions `0..n` once through a `dyn` comparison (the
//! one copy of the sort) and then move the elements into that order. Like the standard
//! stable sorts they keep equal elements in their order and take n log n steps; like
//! `sort_by_cached_key` they call the key function once per element.

use std::cmp::Ordering;

/// Sorts `v` by `key`, stably.
pub fn by_key<T, K: Ord>(v: &mut [T], mut key: impl FnMut(&T) -> K) {
    let mut keys: Vec<K> = Vec::with_capacity(v.len());
    for x in v.iter() {
        keys.push(key(x));
    }
    permute(v, &order_of(&keys));
}

/// Sorts `v` by `key`, stably, computing the key at each comparison: for keys that are a
/// field or two, cheap to compute. No vector of keys is built, so on WASM this is one
/// small closure per caller instead of a copy of [`by_key`] and of `Vec::push` per key
/// type (issue 19, P6).
pub fn by_field<T, K: Ord>(v: &mut [T], key: impl Fn(&T) -> K) {
    let order = order(v.len(), &mut |a, b| match (v.get(a), v.get(b)) {
        (Some(x), Some(y)) => key(x).cmp(&key(y)),
        _ => Ordering::Equal,
    });
    permute(v, &order);
}

/// Sorts `v` by its own order, stably.
pub fn sort<T: Ord>(v: &mut [T]) {
    let order = order_of(v);
    permute(v, &order);
}

/// The positions of `v`'s elements in their sorted order (stable); one copy per element
/// type, whatever the caller.
fn order_of<T: Ord>(v: &[T]) -> Vec<usize> {
    order(v.len(), &mut |a, b| match (v.get(a), v.get(b)) {
        (Some(x), Some(y)) => x.cmp(y),
        _ => Ordering::Equal,
    })
}

/// Sorts `v` by its own order, for types whose equal elements are alike (the order of
/// equal elements is not kept): natively the standard unstable sort (fastest), on WASM
/// [`sort`] (no copy of the sort code of its own).
pub fn unstable<T: Ord>(v: &mut [T]) {
    #[cfg(target_arch = "wasm32")]
    sort(v);
    #[cfg(not(target_arch = "wasm32"))]
    v.sort_unstable();
}

/// The positions `0..n` sorted by `cmp` (stable): the one copy of the sort, for callers
/// that compare positions themselves.
pub fn order_by(n: usize, cmp: &mut dyn FnMut(usize, usize) -> Ordering) -> Vec<usize> {
    order(n, cmp)
}

/// The positions `0..n` sorted by `cmp` (stable).
#[inline(never)]
fn order(n: usize, cmp: &mut dyn FnMut(usize, usize) -> Ordering) -> Vec<usize> {
    let mut positions: Vec<usize> = Vec::with_capacity(n);
    for i in 0..n {
        positions.push(i);
    }
    positions.sort_by(|a, b| cmp(*a, *b));
    positions
}

/// Puts `v` in `order` (a permutation of `0..v.len()`): afterwards `v[i]` is the element
/// that was at `order[i]`. Each cycle of the permutation is followed once.
fn permute<T>(v: &mut [T], order: &[usize]) {
    let n = v.len();
    let mut done = vec![false; n];
    for start in 0..n {
        if done.get(start).copied().unwrap_or(true) {
            continue;
        }
        let mut at = start;
        for _ in 0..n {
            if let Some(d) = done.get_mut(at) {
                *d = true;
            }
            let next = order.get(at).copied().unwrap_or(start);
            if next == start || next >= n {
                break;
            }
            v.swap(at, next);
            at = next;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn by_key_is_stable() {
        let mut v = [(3, 'a'), (1, 'b'), (3, 'c'), (2, 'd'), (1, 'e')];
        by_key(&mut v, |p| p.0);
        assert_eq!(v, [(1, 'b'), (1, 'e'), (2, 'd'), (3, 'a'), (3, 'c')]);
    }

    #[test]
    fn sort_orders_and_handles_small_slices() {
        let mut v = vec![5, 3, 9, 1, 3, 0];
        sort(&mut v);
        assert_eq!(v, [0, 1, 3, 3, 5, 9]);
        let mut w = vec!["b", "c", "a", "b"];
        unstable(&mut w);
        assert_eq!(w, ["a", "b", "b", "c"]);
        let mut empty: Vec<u8> = Vec::new();
        sort(&mut empty);
        assert!(empty.is_empty());
        let mut one = ["x"];
        by_key(&mut one, |s| s.len());
        assert_eq!(one, ["x"]);
    }

    #[test]
    fn by_field_sorts_as_by_key() {
        let v = [
            (3, 'a'),
            (1, 'b'),
            (3, 'c'),
            (2, 'd'),
            (1, 'e'),
            (0, 'f'),
            (3, 'g'),
        ];
        let mut a = v;
        let mut b = v;
        by_key(&mut a, |p| p.0);
        by_field(&mut b, |p| p.0);
        assert_eq!(a, b);
        let mut c = v;
        by_field(&mut c, |p| p.0 != 3);
        assert_eq!(c.map(|p| p.1), ['a', 'c', 'g', 'b', 'd', 'e', 'f']);
    }

    #[test]
    fn permute_follows_every_cycle() {
        // Two cycles (0 → 2 → 4 → 0 and 1 ↔ 3) and a fixed point (5).
        let mut v = ['a', 'b', 'c', 'd', 'e', 'f'];
        permute(&mut v, &[2, 3, 4, 1, 0, 5]);
        assert_eq!(v, ['c', 'd', 'e', 'b', 'a', 'f']);
    }
}
