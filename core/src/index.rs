//! The library's few ordered indexes, each with one copy of its code (issue 19: the WASM
//! modules' size).
//!
//! `BTreeMap` and `BTreeSet` are generic: every key and value type gets its own copy of
//! the tree code, about 4 KB of WASM each, and the rules used about 18 of them. Here:
//!
//! - [`TextIndex`]: text keys (borrowed or owned) to positions, the one ordered map;
//! - [`Seen`]: the values of an enumeration met so far (a short list: an enumeration has
//!   few values, so a look-up is a few comparisons whatever the input's size);
//! - [`first_equal`]: for a list of keys of any ordered type, the first earlier equal key
//!   of each, n log n through the library's one copy of the sort (`crate::sorting`).

use std::borrow::Cow;
use std::cmp::Ordering;
use std::collections::BTreeMap;

/// An ordered index of text keys (borrowed from the input or owned), each with a number
/// (a position, a level). Look-ups and insertions take log n steps.
#[derive(Debug, Default, Clone)]
pub struct TextIndex<'a> {
    map: BTreeMap<Cow<'a, str>, usize>,
}

impl<'a> TextIndex<'a> {
    /// An empty index.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds `key` with `value` if it is not there yet and returns `None`; if it is
    /// there, keeps the first value and returns it.
    pub fn first(&mut self, key: Cow<'a, str>, value: usize) -> Option<usize> {
        if let Some(v) = self.map.get(key.as_ref()) {
            return Some(*v);
        }
        self.map.insert(key, value);
        None
    }

    /// Adds `key` (borrowed) if it is not there yet; true if it was added.
    pub fn insert(&mut self, key: &'a str) -> bool {
        self.first(Cow::Borrowed(key), 0).is_none()
    }

    /// Sets the value of `key` (owned), adding it if needed.
    pub fn set(&mut self, key: String, value: usize) {
        self.map.insert(Cow::Owned(key), value);
    }

    /// The value of `key`.
    pub fn get(&self, key: &str) -> Option<usize> {
        self.map.get(key).copied()
    }

    /// True if `key` is in the index.
    pub fn contains(&self, key: &str) -> bool {
        self.map.contains_key(key)
    }

    /// The number of keys.
    pub fn len(&self) -> usize {
        self.map.len()
    }

    /// True if the index has no key.
    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }
}

/// The values of an enumeration met so far, in the order met. Meant for enumerations
/// only: it holds each value once, so it never holds more entries than the enumeration
/// has values, and a look-up is a scan of that short list.
#[derive(Debug, Clone)]
pub struct Seen<T> {
    values: Vec<T>,
}

impl<T> Default for Seen<T> {
    fn default() -> Self {
        Self { values: Vec::new() }
    }
}

impl<T: PartialEq> Seen<T> {
    /// Nothing met yet.
    pub fn new() -> Self {
        Self::default()
    }

    /// Notes `value`; true if it was not met before.
    pub fn insert(&mut self, value: T) -> bool {
        if self.values.contains(&value) {
            return false;
        }
        self.values.push(value);
        true
    }

    /// True if `value` was met.
    pub fn contains(&self, value: &T) -> bool {
        self.values.contains(value)
    }

    /// The values met, in the order met.
    pub fn iter(&self) -> std::slice::Iter<'_, T> {
        self.values.iter()
    }
}

/// For each key, the position of the first earlier key equal to it (`None` for the first
/// of its kind and for keys that are `None`, which are not compared). n log n: positions
/// sorted by key (stable, so equal keys stay in input order), then one pass; short lists
/// (up to [`SMALL_LIST`] keys) are compared pair by pair instead.
pub fn first_equal<K: Ord>(keys: &[Option<K>]) -> Vec<Option<usize>> {
    first_equal_by(keys.len(), &mut |a, b| match (keys.get(a), keys.get(b)) {
        (Some(Some(x)), Some(Some(y))) => Some(x.cmp(y)),
        _ => None,
    })
}

/// Lists up to this length are searched for equal keys pair by pair (at most 120 pairs).
pub const SMALL_LIST: usize = 16;

/// [`first_equal`] for `n` keys compared by `cmp` (`None` when either key is absent): one
/// copy of the search for every key type (issue 19: the WASM modules' size).
#[inline(never)]
fn first_equal_by(
    n: usize,
    cmp: &mut dyn FnMut(usize, usize) -> Option<Ordering>,
) -> Vec<Option<usize>> {
    let mut out = vec![None; n];
    if n <= SMALL_LIST {
        for i in 0..n {
            if let Some(slot) = out.get_mut(i) {
                *slot = (0..i).find(|&j| cmp(j, i) == Some(Ordering::Equal));
            }
        }
        return out;
    }
    // Absent keys first (they are never equal to anything), then the keys in order.
    let order = crate::sorting::order_by(n, &mut |a, b| match cmp(a, b) {
        Some(o) => o,
        None => match (cmp(a, a), cmp(b, b)) {
            (None, None) => Ordering::Equal,
            (None, Some(_)) => Ordering::Less,
            _ => Ordering::Greater,
        },
    });
    let mut run: Option<usize> = None;
    for i in order {
        match run {
            Some(first) if cmp(first, i) == Some(Ordering::Equal) => {
                if let Some(slot) = out.get_mut(i) {
                    *slot = Some(first);
                }
            }
            _ => run = Some(i),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_index_keeps_the_first_value() {
        let mut ix = TextIndex::new();
        assert_eq!(ix.first(Cow::Borrowed("b"), 0), None);
        assert_eq!(ix.first(Cow::Owned("a".to_owned()), 1), None);
        assert_eq!(ix.first(Cow::Borrowed("b"), 2), Some(0));
        assert!(!ix.insert("a"));
        assert!(ix.insert("c"));
        ix.set("c".to_owned(), 7);
        assert_eq!(ix.get("c"), Some(7));
        assert_eq!(ix.get("d"), None);
        assert!(ix.contains("a"));
        assert_eq!(ix.len(), 3);
        assert!(!ix.is_empty());
        assert!(TextIndex::new().is_empty());
    }

    #[test]
    fn seen_notes_each_value_once() {
        let mut s = Seen::new();
        assert!(s.insert(3));
        assert!(s.insert(1));
        assert!(!s.insert(3));
        assert!(!s.insert(1));
        assert!(s.insert(2));
        assert!(s.contains(&1));
        assert!(!s.contains(&4));
        assert_eq!(s.iter().copied().collect::<Vec<_>>(), [3, 1, 2]);
    }

    #[test]
    fn first_equal_points_to_the_first_of_each_key() {
        let keys = [
            Some("b"),
            None,
            Some("a"),
            Some("b"),
            None,
            Some("a"),
            Some("b"),
            Some("c"),
        ];
        assert_eq!(
            first_equal(&keys),
            [None, None, None, Some(0), None, Some(2), Some(0), None]
        );
        let empty: [Option<u8>; 0] = [];
        assert!(first_equal(&empty).is_empty());
    }
}
