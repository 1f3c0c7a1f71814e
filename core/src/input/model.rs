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

/// A generated table: its texts (see `generated.rs`), blocks of rows by type, scanned
/// at each look-up (issue 19: no index code in the form module, and no index memory kept
/// for the whole process, which the C library's leak check would count as a leak). Only
/// the findings of a report look rows up (their readable locations and labels).
struct Table {
    texts: &'static [&'static str],
}

/// (type, field, Japanese title, target: "" | `T` | `[T`), sorted by type and field.
static FIELDS: Table = Table {
    texts: generated::FIELDS,
};
/// (enumeration, code, Japanese label, English label), in declaration order.
static VALUES: Table = Table {
    texts: generated::VALUES,
};

/// Starts a block of a generated table, followed by the block's type name.
const BLOCK: u8 = 0x1e;
/// Starts each cell of a block's rows (three cells a row).
const CELL: u8 = 0x1f;

/// The rows of a generated table with their block's type, in the table's order: every
/// row, or the rows of one block. One small scanner for every look-up and listing (issue
/// 19: the form module's size).
struct Rows {
    /// The table's texts not yet begun.
    texts: std::slice::Iter<'static, &'static str>,
    /// The rest of the text being read, from a separator.
    text: &'static str,
    /// The type of the block being read.
    ty: &'static str,
    /// Only the rows of the block being read.
    one: bool,
}

/// The cell after the separator `text` starts with and that separator, moving `text` to
/// the next separator (or its end).
fn cell(text: &mut &'static str) -> Option<(u8, &'static str)> {
    let sep = *text.as_bytes().first()?;
    let end = text
        .bytes()
        .skip(1)
        .position(|b| b == BLOCK || b == CELL)
        .map_or(text.len(), |i| i + 1);
    let found = text.get(1..end)?;
    *text = text.get(end..)?;
    Some((sep, found))
}

impl Iterator for Rows {
    type Item = (&'static str, [&'static str; 3]);

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            match cell(&mut self.text) {
                None if !self.one => self.text = self.texts.next()?,
                Some((BLOCK, name)) if !self.one => self.ty = name,
                Some((CELL, first)) => {
                    let (_, second) = cell(&mut self.text)?;
                    let (_, third) = cell(&mut self.text)?;
                    return Some((self.ty, [first, second, third]));
                }
                _ => return None,
            }
        }
    }
}

/// Every row of `table`.
fn all_rows(table: &Table) -> Rows {
    Rows {
        texts: table.texts.iter(),
        text: "",
        ty: "",
        one: false,
    }
}

/// The block of `ty` in `table`: its type name and its rows' text, found by a scan of
/// the texts for the block's separator (`split` finds a byte quickly).
fn block(table: &Table, ty: &str) -> Option<(&'static str, &'static str)> {
    for text in table.texts {
        for block in text.split(BLOCK as char).skip(1) {
            // `get`, not `split_at`: no slicing panic (and its formatting code) in the
            // form module; the separator is ASCII, so both always succeed.
            let at = block.find(CELL as char).unwrap_or(block.len());
            let (name, cells) = (block.get(..at).unwrap_or(""), block.get(at..).unwrap_or(""));
            if name == ty {
                return Some((name, cells));
            }
        }
    }
    None
}

/// The row whose first cell is `key` in a block's rows' text.
fn in_block(ty: &'static str, cells: &'static str, key: &str) -> Option<[&'static str; 3]> {
    let mut rows = Rows {
        texts: [].iter(),
        text: cells,
        ty,
        one: true,
    };
    rows.find(|(_, [k, _, _])| *k == key).map(|(_, r)| r)
}

/// The row of `table` in the block of `ty` whose first cell is `key`.
fn row(table: &Table, ty: &str, key: &str) -> Option<[&'static str; 3]> {
    block(table, ty).and_then(|(name, cells)| in_block(name, cells, key))
}

/// The blocks of the field table found so far: for the many look-ups of one report (one
/// per step of each finding's pointer), each type's block is scanned for once, not once
/// per look-up (issue 19, P4′: 1,000 findings had spent 15 % of the operation there).
/// Dropped with the report: nothing is kept for the whole process.
#[derive(Debug, Default)]
pub struct FieldBlocks {
    found: Vec<(&'static str, &'static str)>,
}

impl FieldBlocks {
    /// The row (field, title, target) of `field` of the object type `ty`.
    fn row(&mut self, ty: &str, field: &str) -> Option<[&'static str; 3]> {
        let (name, cells) = match self.found.iter().find(|(t, _)| *t == ty) {
            Some(found) => *found,
            None => {
                let found = block(&FIELDS, ty)?;
                self.found.push(found);
                found
            }
        };
        in_block(name, cells, field)
    }
}

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
    all_rows(&VALUES).map(|(e, [code, ja, en])| (e, code, ja, en))
}

/// Every (object type, field, Japanese title, English name) of the input documents,
/// sorted by type and field.
pub fn all_fields() -> impl Iterator<Item = (&'static str, &'static str, &'static str, String)> {
    all_rows(&FIELDS).map(|(t, [f, ja, _])| (t, f, ja, english(f)))
}

/// The label of one value of an enumeration.
pub fn value_label(enum_name: &str, code: &str) -> Option<Label> {
    row(&VALUES, enum_name, code).map(|[code, ja, en]| Label { code, ja, en })
}

/// Title and target type of `field` of the object type `ty`: (ja, target) where target
/// is "" (a plain value), `T` (an object or enumeration type) or `[T` (a list of `T`).
fn field(ty: &str, field: &str) -> Option<(&'static str, &'static str)> {
    field_row(ty, field).map(|[_, ja, target]| (ja, target))
}

/// The row (field, title, target) of `field` of the object type `ty`.
fn field_row(ty: &str, field: &str) -> Option<[&'static str; 3]> {
    FieldBlocks::default().row(ty, field)
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
    location_in(&mut FieldBlocks::default(), root, tree, pointer)
}

/// [`location`], with the field table's blocks found by earlier look-ups (a report's
/// findings, one after another).
pub fn location_in(
    blocks: &mut FieldBlocks,
    root: &str,
    tree: Option<&Tree>,
    pointer: &str,
) -> Location {
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
        let Some([name, title, target]) = blocks.row(ty, &seg) else {
            break;
        };
        ja.push(title.to_owned());
        en.push(english(name));
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
    fn fields_are_sorted_by_type_and_field() {
        let rows: Vec<_> = all_fields().map(|(t, f, _, _)| (t, f)).collect();
        assert!(rows.len() > 200);
        assert!(rows.windows(2).all(|w| match w {
            [a, b] => a < b,
            _ => true,
        }));
    }

    #[test]
    fn first_and_last_rows_are_found() {
        assert_eq!(
            field("AgeRequest", "$schema"),
            Some(("JSON Schema の URL", ""))
        );
        assert_eq!(field("VitalSigns", "weight_kg"), Some(("体重 (kg)", "")));
        assert_eq!(
            field("VitalSigns", "temperature_c"),
            Some(("平熱 (℃)", "Range"))
        );
        let first = value_label("WarekiStyle", "arabic").map(|l| (l.code, l.ja, l.en));
        assert_eq!(
            first,
            Some(("arabic", "算用数字（令和6年1月27日）", "Arabic digits"))
        );
        let last = all_values().last();
        assert!(
            last.is_some_and(|(e, code, ja, en)| value_label(e, code).is_some_and(|l| (
                l.code, l.ja, l.en
            ) == (
                code, ja, en
            )))
        );
        let (t, f, ja, en) = all_fields().last().unwrap_or_default();
        assert_eq!(
            (t, f, ja, en.as_str()),
            ("VitalSigns", "weight_kg", "体重 (kg)", "weight kg")
        );
    }

    #[test]
    fn missing_types_and_fields_have_no_row() {
        assert_eq!(field("NoSuchType", "id"), None);
        assert_eq!(field("", ""), None);
        assert_eq!(field("Child", ""), None);
        assert_eq!(field("Child", "\x1f"), None);
        assert_eq!(field("AgeRequest", "$schema\x1fJSON Schema の URL"), None);
        assert!(value_label("NoSuchEnum", "arabic").is_none());
        assert!(value_label("WarekiStyle", "roman").is_none());
        // A code of another enumeration is not a code of this one.
        assert!(value_label("WarekiStyle", "male").is_none());
    }

    #[test]
    fn prefixes_are_not_matches() {
        // `no` is a prefix of `notes`, `Device` of `DeviceSetting`, `Child` of
        // `ChildSummary`.
        assert_eq!(
            field("AgendaItem", "no"),
            Some(("番号（記録のとおり、例: （１））", ""))
        );
        assert_eq!(field("AgendaItem", "not"), None);
        assert_eq!(field("AgendaItem", "notes"), Some(("内容", "")));
        assert_eq!(field("Device", "value"), None);
        assert_eq!(field("DeviceSetting", "value"), Some(("値", "")));
        assert_eq!(field("Devic", "kind"), None);
        assert_eq!(field("Child", "id").map(|(_, t)| t), Some("ChildId"));
    }

    #[test]
    fn the_look_up_finds_the_row_a_walk_of_all_rows_finds() {
        for table in [&FIELDS, &VALUES] {
            let rows: Vec<_> = all_rows(table).collect();
            let mut keys: Vec<(&str, &str)> = rows.iter().map(|(t, [k, _, _])| (*t, *k)).collect();
            keys.sort_unstable();
            // Each (type, key) once, so the first row a walk finds is the only one.
            assert!(keys.windows(2).all(|w| w.first() < w.last()));
            let walk = |t: &str, k: &str| {
                all_rows(table)
                    .find(|(ty, [key, _, _])| *ty == t && *key == k)
                    .map(|(_, r)| r)
            };
            for (t, [k, _, _]) in &rows {
                assert_eq!(row(table, t, k), walk(t, k), "{t}.{k}");
                assert!(row(table, t, k).is_some());
            }
            for (t, k) in [
                ("", ""),
                ("Nothing", "id"),
                ("Devic", "kind"),
                ("AgendaItem", "not"),
                ("DeviceSetting", "kind"),
                ("Child", "\u{1f}"),
            ] {
                assert_eq!(row(table, t, k), None);
                assert_eq!(walk(t, k), None);
            }
        }
    }

    #[test]
    fn blocks_found_once_give_the_rows_a_fresh_scan_gives() {
        // One `FieldBlocks` over many look-ups, in an order that revisits types and
        // asks for types and fields that do not exist: the same rows as a fresh scan.
        let mut blocks = FieldBlocks::default();
        let mut types = std::collections::BTreeSet::new();
        for round in 0..2 {
            for (t, f, _, _) in all_fields().step_by(3 + round) {
                assert_eq!(blocks.row(t, f), row(&FIELDS, t, f), "{t}.{f}");
                assert_eq!(blocks.row(t, "no_such_field"), None);
                types.insert(t);
            }
            assert_eq!(blocks.row("NoSuchType", "id"), None);
        }
        assert!(types.len() > 50);
        // Each type asked for is kept once (and a type that does not exist is not kept).
        assert_eq!(blocks.found.len(), types.len());
        let kept: std::collections::BTreeSet<_> = blocks.found.iter().map(|f| f.0).collect();
        assert_eq!(kept, types);
        for p in [
            "/child/name",
            "/child/date_of_birth",
            "",
            "/nothing/here",
            "/child/0",
        ] {
            let once = location("SummaryRequest", None, p);
            let shared = location_in(&mut blocks, "SummaryRequest", None, p);
            assert_eq!((once.ja, once.en), (shared.ja, shared.en), "{p}");
        }
    }

    #[test]
    fn every_row_is_found_by_its_type_and_key() {
        for (t, f, ja, _) in all_fields() {
            assert_eq!(field(t, f).map(|(j, _)| j), Some(ja), "{t}.{f}");
        }
        for (e, code, ja, en) in all_values() {
            let l = value_label(e, code).map(|l| (l.code, l.ja, l.en));
            assert_eq!(l, Some((code, ja, en)), "{e}.{code}");
        }
    }
}
