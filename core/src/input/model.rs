//! What the reader knows of the model, for people: field titles, enumeration labels, and
//! readable locations built from them.
//!
//! The tables are generated from the JSON Schemas by `kyoten-gen write` into
//! `generated.rs` (fresh-checked), so the titles are the schema's titles, and the data is
//! read only when a finding is written out.

use super::Tree;
use crate::finding::{Label, Location};

#[rustfmt::skip]
mod generated;
use generated::{FIELDS, VALUES};

/// The labels of an enumeration's values, in declaration order (codes without labels
/// keep their code as label).
pub fn labels_of(enum_name: &str, codes: &'static [&'static str]) -> Vec<Label> {
    let mut out = Vec::with_capacity(codes.len());
    for code in codes {
        out.push(value_label(enum_name, code).unwrap_or(Label {
            code,
            ja: code,
            en: code,
        }));
    }
    out
}

/// Every (enumeration, code, Japanese label, English label) of the input documents.
pub fn all_values() -> impl Iterator<Item = (&'static str, &'static str, &'static str, &'static str)>
{
    VALUES.iter().copied()
}

/// Every (object type, field, Japanese title, English name) of the input documents,
/// sorted by type and field.
pub fn all_fields() -> impl Iterator<Item = (&'static str, &'static str, &'static str, String)> {
    FIELDS.iter().map(|(t, f, ja, _)| (*t, *f, *ja, english(f)))
}

/// The label of one value of an enumeration.
pub fn value_label(enum_name: &str, code: &str) -> Option<Label> {
    VALUES
        .iter()
        .find(|(e, c, _, _)| *e == enum_name && *c == code)
        .map(|(_, code, ja, en)| Label { code, ja, en })
}

/// Title and target type of `field` of the object type `ty`: (ja, target) where target
/// is "" (a plain value), `T` (an object or enumeration type) or `[T` (a list of `T`).
fn field(ty: &str, field: &str) -> Option<(&'static str, &'static str)> {
    field_row(ty, field).map(|(_, _, ja, target)| (*ja, *target))
}

/// The row of `field` of the object type `ty` (binary search: the table is sorted).
fn field_row(
    ty: &str,
    field: &str,
) -> Option<&'static (&'static str, &'static str, &'static str, &'static str)> {
    FIELDS
        .binary_search_by(|(t, f, _, _)| (*t, *f).cmp(&(ty, field)))
        .ok()
        .and_then(|i| FIELDS.get(i))
}

/// The field's name as English words (`date_of_birth` → "date of birth").
fn english(field: &'static str) -> String {
    field.trim_start_matches('$').replace('_', " ")
}

/// A readable location for `pointer` in a document of type `root` (its Rust name, e.g.
/// `SummaryRequest`): schema titles and 1-based numbers, with the kind of a list element
/// where it has one (「医療的ケア 3（吸引）› 頻度 › 単位」). Keys the model does not have are
/// left out (never echoed); `tree` gives the kinds and numbers of list elements.
pub fn location(root: &str, tree: Option<&Tree>, pointer: &str) -> Location {
    let mut ja: Vec<String> = Vec::new();
    let mut en: Vec<String> = Vec::new();
    let mut ty: &str = root;
    let mut list_of: Option<&str> = None;
    let mut at = tree;
    for raw in pointer.split('/').skip(1) {
        let seg = crate::finding::key_of(raw);
        if let Some(elem) = list_of.take() {
            let Ok(i) = seg.parse::<usize>() else { break };
            let item = match at {
                Some(Tree::Array(items)) => items.get(i),
                _ => None,
            };
            let number = item
                .and_then(|t| member(t, "no"))
                .and_then(|t| match t {
                    Tree::Number(n) => n.as_u64(),
                    _ => None,
                })
                .unwrap_or(i as u64 + 1);
            let kind = item.and_then(|t| kind_label(elem, t));
            if let (Some(j), Some(e)) = (ja.last_mut(), en.last_mut()) {
                j.push_str(&format!(" {number}"));
                e.push_str(&format!(" {number}"));
                if let Some(k) = kind {
                    j.push_str(&format!("（{}）", k.ja));
                    e.push_str(&format!(" ({})", k.en.to_ascii_lowercase()));
                }
            }
            ty = elem;
            at = item;
            continue;
        }
        let Some((title, target)) =
            field_row(ty, &seg).map(|(_, f, ja, target)| ((*f, *ja), *target))
        else {
            break;
        };
        ja.push(title.1.to_owned());
        en.push(english(title.0));
        at = at.and_then(|t| member(t, &seg));
        if let Some(elem) = target.strip_prefix('[') {
            list_of = Some(elem);
            ty = "";
        } else {
            ty = target;
        }
    }
    if ja.is_empty() {
        return Location {
            ja: "文書全体".to_owned(),
            en: "the whole document".to_owned(),
        };
    }
    Location {
        ja: joined(&ja, " › "),
        en: joined(&en, " › "),
    }
}

/// `parts` joined by `sep`: what `[String]::join` does, in one small loop instead of the
/// standard library's generic copy (issue 19: the form module's size).
pub(crate) fn joined(parts: &[String], sep: &str) -> String {
    let mut out = String::new();
    for (i, p) in parts.iter().enumerate() {
        if i > 0 {
            out.push_str(sep);
        }
        out.push_str(p);
    }
    out
}

fn member<'t>(t: &'t Tree, key: &str) -> Option<&'t Tree> {
    match t {
        Tree::Object(entries) => entries.iter().find(|(k, _)| k == key).map(|(_, v)| v),
        _ => None,
    }
}

/// The label of a list element's `kind` (or `role`), when its type has one.
fn kind_label(elem: &str, item: &Tree) -> Option<Label> {
    for key in ["kind", "role"] {
        if let Some((_, target)) = field(elem, key)
            && let Some(Tree::String(code)) = member(item, key)
            && let Some(l) = value_label(target, code)
        {
            return Some(l);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_are_sorted_for_binary_search() {
        assert!(FIELDS.windows(2).all(|w| match w {
            [a, b] => (a.0, a.1) < (b.0, b.1),
            _ => true,
        }));
    }
}
