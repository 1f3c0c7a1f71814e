//! The document reread only along some JSON Pointers, for putting findings into document
//! order and naming their places ([`crate::input::position`],
//! [`crate::input::model::location`]).
//!
//! [`tree_along`] gives a [`Tree`] on which those two functions answer exactly as on the
//! whole document's tree, for the pointers given: every object and array on the way to a
//! pointer is kept with all its keys and elements in document order, and of what is off
//! the way only numbers, `true`/`false`, `null` and the text of `kind` and `role` members
//! are kept (a list element's number and kind label); any other value off the way is
//! skipped without being built and stands as `null`. Issue 19 (P4′): rereading 731 KB of
//! short-stay input into a whole tree, then dropping it, cost 50 M instructions for a few
//! hundred findings.

use super::Tree;
use crate::index::TextIndex;
use serde::de::{DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use std::borrow::Cow;
use std::fmt;

/// The pointers' segments, as a tree of unescaped keys (through the library's one
/// ordered map, `crate::index::TextIndex`: no tree code of its own).
#[derive(Default)]
struct Node {
    /// Each key's position in `children`.
    keys: TextIndex<'static>,
    /// The children, with their keys.
    children: Vec<(String, Node)>,
}

impl Node {
    fn of<'p>(pointers: impl Iterator<Item = &'p str>) -> Node {
        let mut root = Node::default();
        for p in pointers {
            let mut at = &mut root;
            for raw in p.split('/').skip(1) {
                let key = crate::finding::key_of(raw);
                let i = match at.keys.get(&key) {
                    Some(i) => i,
                    None => {
                        let i = at.children.len();
                        at.keys.set(key.clone().into_owned(), i);
                        at.children.push((key.into_owned(), Node::default()));
                        i
                    }
                };
                let Some((_, next)) = at.children.get_mut(i) else {
                    break;
                };
                at = next;
            }
        }
        root
    }

    /// The child under `key`.
    fn get(&self, key: &str) -> Option<&Node> {
        let i = self.keys.get(key)?;
        self.children.get(i).map(|(_, n)| n)
    }

    /// The children whose segment reads as an array index (as `position` reads it),
    /// sorted by index.
    fn elements(&self) -> Vec<(usize, &Node)> {
        let mut out: Vec<(usize, &Node)> = self
            .children
            .iter()
            .filter_map(|(seg, node)| seg.parse::<usize>().ok().map(|i| (i, node)))
            .collect();
        out.sort_by_key(|(i, _)| *i);
        out
    }
}

/// The tree of `bytes` along `pointers` (see the module), or `None` if `bytes` is not
/// a JSON document.
pub fn tree_along<'p>(bytes: &[u8], pointers: impl Iterator<Item = &'p str>) -> Option<Tree> {
    let text = std::str::from_utf8(bytes).ok()?;
    let root = Node::of(pointers);
    let mut de = serde_json::Deserializer::from_str(text);
    let tree = Along(&root).deserialize(&mut de).ok()?;
    de.end().ok()?;
    Some(tree)
}

/// A value on the way.
struct Along<'n>(&'n Node);

/// A value off the way; `text`: keep it if it is text (a `kind` or `role`).
struct Off {
    text: bool,
}

/// An object key, borrowed from the input when it has no escapes.
struct Key;

impl<'de> DeserializeSeed<'de> for Key {
    type Value = Cow<'de, str>;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Cow<'de, str>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a key")
            }
            fn visit_borrowed_str<E>(self, s: &'de str) -> Result<Self::Value, E> {
                Ok(Cow::Borrowed(s))
            }
            fn visit_str<E>(self, s: &str) -> Result<Self::Value, E> {
                Ok(Cow::Owned(s.to_owned()))
            }
            fn visit_string<E>(self, s: String) -> Result<Self::Value, E> {
                Ok(Cow::Owned(s))
            }
        }
        d.deserialize_str(V)
    }
}

/// The scalar visits both seeds share (as `Tree`'s own reading makes them).
macro_rules! scalars {
    () => {
        fn visit_unit<E>(self) -> Result<Tree, E> {
            Ok(Tree::Null)
        }
        fn visit_none<E>(self) -> Result<Tree, E> {
            Ok(Tree::Null)
        }
        fn visit_bool<E>(self, b: bool) -> Result<Tree, E> {
            Ok(Tree::Bool(b))
        }
        fn visit_u64<E>(self, n: u64) -> Result<Tree, E> {
            Ok(Tree::Number(n.into()))
        }
        fn visit_i64<E>(self, n: i64) -> Result<Tree, E> {
            Ok(Tree::Number(n.into()))
        }
        fn visit_f64<E>(self, n: f64) -> Result<Tree, E> {
            Ok(serde_json::Number::from_f64(n).map_or(Tree::Null, Tree::Number))
        }
    };
}

impl<'de> DeserializeSeed<'de> for Along<'_> {
    type Value = Tree;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Tree, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Along<'_> {
    type Value = Tree;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("JSON")
    }
    scalars!();
    fn visit_str<E>(self, s: &str) -> Result<Tree, E> {
        Ok(Tree::String(s.to_owned()))
    }
    fn visit_string<E>(self, s: String) -> Result<Tree, E> {
        Ok(Tree::String(s))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut a: A) -> Result<Tree, A::Error> {
        let wanted = self.0.elements();
        let mut rest = wanted.as_slice();
        let mut items = Vec::new();
        loop {
            let index = items.len();
            while rest.first().is_some_and(|(i, _)| *i < index) {
                rest = rest.get(1..).unwrap_or(&[]);
            }
            let item = match rest {
                // Two segments for one element ("1" and "01"): the whole element.
                [(i, _), (j, _), ..] if *i == index && *j == index => a.next_element::<Tree>()?,
                [(i, node), ..] if *i == index => a.next_element_seed(Along(node))?,
                _ => a.next_element_seed(Off { text: false })?,
            };
            match item {
                Some(t) => items.push(t),
                None => break,
            }
        }
        Ok(Tree::Array(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut a: A) -> Result<Tree, A::Error> {
        let mut entries = Vec::new();
        while let Some(key) = a.next_key_seed(Key)? {
            let value = match self.0.get(key.as_ref()) {
                Some(node) => a.next_value_seed(Along(node))?,
                None => a.next_value_seed(Off {
                    text: key == "kind" || key == "role",
                })?,
            };
            entries.push((key.into_owned(), value));
        }
        Ok(Tree::Object(entries))
    }
}

impl<'de> DeserializeSeed<'de> for Off {
    type Value = Tree;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Tree, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Off {
    type Value = Tree;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("JSON")
    }
    scalars!();
    fn visit_str<E>(self, s: &str) -> Result<Tree, E> {
        Ok(if self.text {
            Tree::String(s.to_owned())
        } else {
            Tree::Null
        })
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut a: A) -> Result<Tree, A::Error> {
        while a.next_element::<IgnoredAny>()?.is_some() {}
        Ok(Tree::Null)
    }
    fn visit_map<A: MapAccess<'de>>(self, mut a: A) -> Result<Tree, A::Error> {
        while a.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(Tree::Null)
    }
}

#[cfg(test)]
mod tests {
    use super::super::{Tree, model, position, tree_of_bytes};
    use super::tree_along;

    const DOC: &str = r#"{
        "as_of": "2026-12-01",
        "facilities": [
            {"id": "a", "name": "非公開", "kind": "medical", "beds": 3, "tags": ["x", {"y": 1}]},
            {"id": "b", "name": "秘密", "no": 7, "beds": 2, "a~b/c": {"deep": [1, 2, {"z": true}]}},
            {"id": "c", "role": "nurse", "beds": 1.5}
        ],
        "request": {"nights": [{"on": "2026-12-02"}, {"on": "2026-12-03"}], "kind": "x"},
        "request": {"again": null}
    }"#;

    /// `position` and `location` answer on the tree along the pointers exactly as on the
    /// whole tree, for each of them.
    #[test]
    fn answers_as_the_whole_tree_for_its_pointers() {
        let pointers = [
            "",
            "/as_of",
            "/facilities",
            "/facilities/0/beds",
            "/facilities/1/a~0b~1c/deep/2/z",
            "/facilities/2",
            "/facilities/2/role",
            "/facilities/01/id",
            "/facilities/1/name",
            "/request/nights/01",
            "/facilities/9/id",
            "/request/nights/1/on",
            "/request/again",
            "/missing/deeper",
            "/facilities/x",
        ];
        let whole = tree_of_bytes(DOC.as_bytes()).expect("JSON");
        let along = tree_along(DOC.as_bytes(), pointers.iter().copied()).expect("JSON");
        for root in ["ShortstayEvaluation", "SummaryRequest"] {
            for p in pointers {
                assert_eq!(position(&along, p), position(&whole, p), "{p}");
                assert_eq!(
                    model::location(root, Some(&along), p),
                    model::location(root, Some(&whole), p),
                    "{p}"
                );
            }
        }
        // Off the way, text other than kind and role is not kept (facility 0's name).
        assert!(
            matches!(&along, Tree::Object(entries) if entries.len() == 4),
            "every key of an object on the way"
        );
        let written = format!("{along:?}");
        assert!(!written.contains("非公開") && written.contains("medical"));
    }

    /// Every pointer of `t` (each node's), and one under each node that is not there.
    fn pointers_of(t: &Tree, at: &str, out: &mut Vec<String>) {
        out.push(at.to_owned());
        out.push(format!("{at}/zz"));
        match t {
            Tree::Object(entries) => {
                for (k, v) in entries {
                    let mut p = format!("{at}/");
                    crate::finding::push_key(&mut p, k);
                    pointers_of(v, &p, out);
                }
            }
            Tree::Array(items) => {
                for (i, v) in items.iter().enumerate() {
                    pointers_of(v, &format!("{at}/{i}"), out);
                }
            }
            _ => {}
        }
    }

    /// On every example document (valid and invalid), for a spread of its pointers taken
    /// one at a time and all together: the same positions and locations as the whole tree.
    #[test]
    fn answers_as_the_whole_tree_on_every_example() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../schemas/examples");
        let mut files = 0;
        for sub in ["", "/invalid"] {
            let Ok(entries) = std::fs::read_dir(format!("{dir}{sub}")) else {
                continue;
            };
            for e in entries.flatten() {
                let path = e.path();
                let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
                let Some(stem) = name.strip_suffix(".json") else {
                    continue;
                };
                let Ok(bytes) = std::fs::read(&path) else {
                    continue;
                };
                let Some(whole) = tree_of_bytes(&bytes) else {
                    continue;
                };
                // `summary-request.x` -> `SummaryRequest`.
                let root: String = stem
                    .split('.')
                    .next()
                    .unwrap_or("")
                    .split('-')
                    .map(|w| {
                        let mut c = w.chars();
                        c.next()
                            .map(|f| f.to_uppercase().chain(c).collect::<String>())
                            .unwrap_or_default()
                    })
                    .collect();
                let mut all = Vec::new();
                pointers_of(&whole, "", &mut all);
                let some: Vec<&str> = all.iter().step_by(13).map(String::as_str).collect();
                let together = tree_along(&bytes, some.iter().copied()).expect("JSON");
                for p in &some {
                    let alone = tree_along(&bytes, [*p].into_iter()).expect("JSON");
                    for t in [&alone, &together] {
                        assert_eq!(position(t, p), position(&whole, p), "{name} {p}");
                        assert_eq!(
                            model::location(&root, Some(t), p),
                            model::location(&root, Some(&whole), p),
                            "{name} {p}"
                        );
                    }
                }
                files += 1;
            }
        }
        assert!(files > 20, "the examples were read ({files})");
    }

    #[test]
    fn refuses_what_is_not_json() {
        assert!(tree_along(b"{\"a\": [1, 2}", ["/a/0"].into_iter()).is_none());
        assert!(tree_along(b"{} x", [""].into_iter()).is_none());
        assert!(tree_along(&[0xff, 0xfe], [""].into_iter()).is_none());
    }
}
