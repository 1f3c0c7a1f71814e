//! Document order, in one place: the position of a JSON Pointer in a document, looked up
//! for many pointers at once ([`Positions`]). Findings and reading problems are sorted by
//! it (stably: findings at one place keep their order).
//!
//! A pointer's position is, for each step, the index of the key or element (a step not in
//! the document sorts after those that are). An object's keys are indexed once, the first
//! time one of its keys is looked up, so sorting n findings of a document whose objects
//! have k keys takes about n log n + k steps, not n × k.

use super::Tree;
use crate::index::TextIndex;
use std::borrow::Cow;

/// Positions of pointers in one document.
pub(crate) struct Positions<'t> {
    tree: &'t Tree,
    /// The objects whose keys are indexed so far, by the pointer that reaches them (a
    /// pointer leads to one object): their position in `indexes`. Through the library's
    /// one ordered map (`crate::index`), no tree code of its own.
    objects: TextIndex<'static>,
    /// The key index of each of those objects: a key's first entry.
    indexes: Vec<TextIndex<'t>>,
}

/// Objects with at most this many keys are searched in order (no index).
const SMALL: usize = 8;

impl<'t> Positions<'t> {
    /// Positions in `tree`.
    pub(crate) fn new(tree: &'t Tree) -> Self {
        Positions {
            tree,
            objects: TextIndex::new(),
            indexes: Vec::new(),
        }
    }

    /// The index of `key` among the entries of the object that `at` points to (the
    /// first entry of that key).
    fn key_index(&mut self, at: &str, entries: &'t [(String, Tree)], key: &str) -> Option<usize> {
        if entries.len() <= SMALL {
            return entries.iter().position(|(k, _)| k == key);
        }
        let slot = match self.objects.get(at) {
            Some(slot) => slot,
            None => {
                let mut index = TextIndex::new();
                for (i, (k, _)) in entries.iter().enumerate() {
                    index.first(Cow::Borrowed(k.as_str()), i);
                }
                self.indexes.push(index);
                let slot = self.indexes.len() - 1;
                self.objects.set(at.to_owned(), slot);
                slot
            }
        };
        self.indexes.get(slot)?.get(key)
    }

    /// The position of `pointer` in document order.
    pub(crate) fn of(&mut self, pointer: &str) -> Vec<usize> {
        let mut out = Vec::new();
        let mut at = Some(self.tree);
        // The pointer up to the current step: `pointer[..end]`.
        let mut end = 0usize;
        for raw in pointer.split('/').skip(1) {
            let seg = crate::finding::key_of(raw);
            let (i, next) = match at {
                Some(Tree::Object(entries)) => {
                    let here = pointer.get(..end).unwrap_or("");
                    match self.key_index(here, entries, &seg) {
                        Some(i) => (i, entries.get(i).map(|(_, v)| v)),
                        None => (usize::MAX, None),
                    }
                }
                Some(Tree::Array(items)) => match seg.parse::<usize>() {
                    Ok(i) => (i, items.get(i)),
                    Err(_) => (usize::MAX, None),
                },
                _ => (usize::MAX, None),
            };
            out.push(i);
            at = next;
            end += 1 + raw.len();
        }
        out
    }
}

/// Sorts `items` into document order by the pointer `path_of` gives (stable).
pub(crate) fn by_position<T>(tree: &Tree, items: &mut [T], path_of: impl Fn(&T) -> &str) {
    let mut positions = Positions::new(tree);
    crate::sorting::by_key(items, |x| positions.of(path_of(x)));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tree(s: &str) -> Tree {
        serde_json::from_str(s).unwrap()
    }

    #[test]
    fn positions_follow_the_document() {
        let t = tree(r#"{"b":1,"a":[10,{"y":2,"x":3}],"a/b":0,"t~":0}"#);
        let mut p = Positions::new(&t);
        assert_eq!(p.of(""), Vec::<usize>::new());
        assert_eq!(p.of("/b"), [0]);
        assert_eq!(p.of("/a/1/x"), [1, 1, 1]);
        assert_eq!(p.of("/a~1b"), [2]);
        assert_eq!(p.of("/t~0"), [3]);
        assert_eq!(p.of("/zz/0"), [usize::MAX, usize::MAX]);
        assert_eq!(p.of("/a/9"), [1, 9]);
        assert_eq!(p.of("/a/x"), [1, usize::MAX]);
    }

    #[test]
    fn a_large_object_is_indexed_and_agrees_with_the_scan() {
        // 20 keys written in reverse order of their names; "k05" is repeated (the first
        // one counts).
        let mut s = String::from("{");
        for i in (0..20).rev() {
            s.push_str(&format!("\"k{i:02}\":{i},"));
        }
        s.push_str("\"k05\":0}");
        let t = tree(&s);
        let mut p = Positions::new(&t);
        assert_eq!(p.of("/k19"), [0]);
        assert_eq!(p.of("/k00"), [19]);
        assert_eq!(p.of("/k05"), [14]);
        assert_eq!(p.of("/k20"), [usize::MAX]);
        let mut v = vec!["/k00", "/k19/x", "", "/k10", "/k19"];
        by_position(&t, &mut v, |x| x);
        assert_eq!(v, ["", "/k19", "/k19/x", "/k10", "/k00"]);
    }
}
