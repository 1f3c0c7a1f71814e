//! Draft mode: results that rest on a stand-in are withheld, never shown as if written.
//!
//! A draft is read with a stand-in wherever a field is not filled in yet (a date
//! `2000-01-01`, the first of an enumeration's choices, 0, `false`; see
//! `recover::Varied`), so that an operation can compute what it can. A part of the result
//! that comes from a stand-in (the age and life stage from a date of birth not filled in,
//! a score item counted as if its first choice had been chosen) would look like a fact.
//! So the operation runs a second time on the same draft with the stand-ins' second
//! values (a date `2024-07-15`, the last choice, 1, `true`): every part of the result
//! that differs between the two runs rests on a stand-in. Those parts are left out of
//! the result (their JSON Pointers listed in the report's `withheld`), findings that
//! appear only because of a stand-in are dropped, and each field not filled in that
//! holds parts back gets an `input.draft.withheld` finding saying how many.
//!
//! | code | when |
//! |---|---|
//! | `input.draft.withheld` | draft mode: parts of the result wait for this field (an info) |

use super::Tree;
use crate::finding::Finding;
use crate::rule;
use serde::ser::{SerializeMap, SerializeSeq};
use serde::{Serialize, Serializer};

rule!(
    WITHHELD,
    "input.draft.withheld",
    Info,
    "未入力のため、結果のうち {count} か所を空けています（入力すると表示されます）",
    "Not filled in yet: {count} part(s) of the result are left out until it is",
    "In draft mode a field not filled in yet is read with a stand-in so that the rest can be computed. Parts of the result that depend on that stand-in (for example the age and life stage when the date of birth is empty, or a score item whose choice is empty) are not shown as if they were known: they are left out of the result, and the report's withheld list gives their places. Fill in the field to see them."
);

impl Serialize for Tree {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Tree::Null => s.serialize_unit(),
            Tree::Bool(b) => s.serialize_bool(*b),
            Tree::Number(n) => n.serialize(s),
            Tree::String(t) => s.serialize_str(t),
            Tree::Array(items) => {
                let mut seq = s.serialize_seq(Some(items.len()))?;
                for i in items {
                    seq.serialize_element(i)?;
                }
                seq.end()
            }
            Tree::Object(entries) => {
                let mut map = s.serialize_map(Some(entries.len()))?;
                for (k, v) in entries {
                    map.serialize_entry(k, v)?;
                }
                map.end()
            }
        }
    }
}

impl crate::emit::Emit for Tree {
    fn emit(&self, w: &mut crate::emit::JsonOut) {
        match self {
            Tree::Null => w.null(),
            Tree::Bool(b) => w.bool(*b),
            Tree::Number(n) => n.emit(w),
            Tree::String(t) => w.str(t),
            Tree::Array(items) => items.emit(w),
            Tree::Object(entries) => {
                w.begin_object();
                for (k, v) in entries {
                    w.key(k);
                    v.emit(w);
                }
                w.end_object();
            }
        }
    }
}

/// The places of `a` that differ from `b`, pushed to `out`, as large as possible but
/// never an element of a list (a list with a differing element, or of another length,
/// differs as a whole); true if `a` differs as a whole (the caller records `at`).
fn diff(a: &Tree, b: &Tree, at: &str, out: &mut Vec<String>) -> bool {
    if a == b {
        return false;
    }
    match (a, b) {
        (Tree::Object(ea), Tree::Object(eb)) => {
            let mut parts = Vec::new();
            let mut whole = 0usize;
            for (k, va) in ea {
                let mut p = format!("{at}/");
                crate::finding::push_key(&mut p, k);
                match eb.iter().find(|(kb, _)| kb == k) {
                    Some((_, vb)) => {
                        if diff(va, vb, &p, &mut parts) {
                            parts.push(p);
                            whole += 1;
                        }
                    }
                    None => {
                        parts.push(p);
                        whole += 1;
                    }
                }
            }
            if whole == ea.len() {
                return true;
            }
            out.extend(parts);
            false
        }
        (Tree::Array(xa), Tree::Array(xb)) if xa.len() == xb.len() => {
            let mut parts = Vec::new();
            for (i, (va, vb)) in xa.iter().zip(xb).enumerate() {
                if diff(va, vb, &format!("{at}/{i}"), &mut parts) {
                    return true;
                }
            }
            out.extend(parts);
            false
        }
        _ => true,
    }
}

/// The places of the result `a` that differ in `b` (a place `""`: the whole result).
pub(crate) fn differing(a: &Tree, b: Option<&Tree>) -> Vec<String> {
    let Some(b) = b else {
        return vec![String::new()];
    };
    let mut out = Vec::new();
    if diff(a, b, "", &mut out) {
        return vec![String::new()];
    }
    out
}

/// Leaves the places out of `tree` (each the key of an object; `""` is handled by the
/// caller).
pub(crate) fn leave_out(tree: &mut Tree, places: &[String]) {
    for p in places {
        let Some((parent, key)) = p.rsplit_once('/') else {
            continue;
        };
        let key = crate::finding::key_of(key);
        if let Some(Tree::Object(entries)) = at_mut(tree, parent) {
            entries.retain(|(k, _)| *k != key);
        }
    }
}

fn at_mut<'t>(tree: &'t mut Tree, pointer: &str) -> Option<&'t mut Tree> {
    let mut at = tree;
    for raw in pointer.split('/').skip(1) {
        let seg = crate::finding::key_of(raw);
        at = match at {
            Tree::Object(entries) => entries
                .iter_mut()
                .find(|(k, _)| *k == seg)
                .map(|e| &mut e.1)?,
            Tree::Array(items) => items.get_mut(seg.parse::<usize>().ok()?)?,
            _ => return None,
        };
    }
    Some(at)
}

/// The findings of `a` that `b` also has (equal in every part): a finding that appears
/// only with the first stand-ins is about a stand-in, not about what was written.
pub(crate) fn also_in(a: Vec<Finding>, b: &[Finding]) -> Vec<Finding> {
    let mut index: Vec<usize> = Vec::with_capacity(b.len());
    for i in 0..b.len() {
        index.push(i);
    }
    let key = |i: &usize| b.get(*i).map(|f| (f.path.as_str(), f.code.as_str()));
    crate::sorting::by_key(&mut index, key);
    let mut out = Vec::new();
    for f in a {
        let wanted = Some((f.path.as_str(), f.code.as_str()));
        let from = index.partition_point(|i| key(i) < wanted);
        let found = index
            .get(from..)
            .unwrap_or(&[])
            .iter()
            .take_while(|i| key(i) == wanted)
            .any(|i| b.get(*i) == Some(&f));
        if found {
            out.push(f);
        }
    }
    out
}

/// The `input.draft.withheld` finding of a field not filled in that holds `count` parts
/// of the result back.
pub(crate) fn withheld_at(path: &str, count: usize) -> Finding {
    WITHHELD.at(path.to_owned()).with("count", count)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> Tree {
        serde_json::from_str(s).unwrap()
    }

    fn owned(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn differing_places_are_as_large_as_possible_but_never_a_list_element() {
        let a = t(
            r#"{"age":{"years":26,"months":10},"name":"","items":[{"kind":"a","points":3},{"kind":"b","points":1}],"total":4,"lines":["x","26歳"],"as_of":"2026-11-23"}"#,
        );
        // Element 1 differs in every field: the list as a whole.
        let b = t(
            r#"{"age":{"years":2,"months":4},"name":"","items":[{"kind":"a","points":3},{"kind":"z","points":5}],"total":8,"lines":["x","2歳"],"as_of":"2026-11-23"}"#,
        );
        assert_eq!(
            differing(&a, Some(&b)),
            owned(&["/age", "/items", "/total", "/lines"])
        );
        // Only the points of element 1 differ: that field of that element.
        let b = t(
            r#"{"age":{"years":26,"months":1},"name":"","items":[{"kind":"a","points":3},{"kind":"b","points":5}],"total":4,"lines":["x","26歳"],"as_of":"2026-11-23"}"#,
        );
        assert_eq!(
            differing(&a, Some(&b)),
            owned(&["/age/months", "/items/1/points"])
        );
        // A list of another length, a field missing in the second run.
        let b = t(
            r#"{"age":{"years":26,"months":10},"name":"","items":[],"lines":["x","26歳"],"as_of":"2026-11-23"}"#,
        );
        assert_eq!(differing(&a, Some(&b)), owned(&["/items", "/total"]));
        assert!(differing(&a, Some(&a.clone())).is_empty());
        assert_eq!(differing(&a, None), owned(&[""]));
        assert_eq!(differing(&t("3"), Some(&t("4"))), owned(&[""]));
        assert_eq!(
            differing(&t(r#"{"a":1}"#), Some(&t(r#"{"a":2}"#))),
            owned(&[""])
        );
    }

    #[test]
    fn places_are_left_out_and_the_rest_is_written_in_order() {
        let mut a = t(
            r#"{"z":1,"age":{"years":26,"months":10},"items":[{"kind":"a","points":3}],"a~b/c":0}"#,
        );
        leave_out(
            &mut a,
            &owned(&[
                "/age/months",
                "/items/0/points",
                "/a~0b~1c",
                "/nowhere/x",
                "",
            ]),
        );
        assert_eq!(
            serde_json::to_string(&a).unwrap(),
            r#"{"z":1,"age":{"years":26},"items":[{"kind":"a"}]}"#
        );
    }

    #[test]
    fn findings_only_with_the_first_standins_are_dropped() {
        let f = |p: &str, n: i64| WITHHELD.at(p.to_owned()).with("count", n);
        let kept = also_in(
            vec![f("/a", 1), f("/a", 2), f("/b", 1), f("", 1)],
            &[f("", 1), f("/a", 2), f("/c", 1)],
        );
        assert_eq!(kept, vec![f("/a", 2), f("", 1)]);
        assert!(also_in(vec![f("/a", 1)], &[]).is_empty());
    }
}
