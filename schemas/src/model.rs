//! Writes `core/src/input/model/generated.rs`: the field titles and enumeration labels of
//! every input type, read from the input schemas, for the core's reader (readable
//! locations, allowed values with their labels).

use crate::InputDoc;
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write;

/// Path of the generated file, relative to the workspace root.
pub const FILE: &str = "core/src/input/model/generated.rs";

/// The Japanese part of a `日本語 / English` title, without "（任意）".
fn ja_of(title: &str) -> String {
    let ja = title.split(" / ").next().unwrap_or(title).trim();
    ja.trim_end_matches("（任意）").trim().to_owned()
}

/// The English label of a value's `日本語 / English.` description: the English part up to
/// a parenthesis, without the final full stop.
fn en_of(description: &str) -> String {
    let en = description
        .split_once(" / ")
        .map_or(description, |(_, e)| e)
        .trim();
    let en = en.split(" (").next().unwrap_or(en);
    let en = en.split(". ").next().unwrap_or(en);
    en.trim_end_matches('.').trim().to_owned()
}

fn target(prop: &Value) -> String {
    let reference = |v: &Value| {
        v.get("$ref")
            .and_then(Value::as_str)
            .and_then(|r| r.strip_prefix("#/$defs/"))
            .map(str::to_owned)
    };
    if let Some(r) = reference(prop) {
        return r;
    }
    for key in ["anyOf", "oneOf"] {
        if let Some(list) = prop.get(key).and_then(Value::as_array) {
            if let Some(r) = list.iter().find_map(reference) {
                return r;
            }
            if let Some(t) = list.iter().map(target).find(|t| !t.is_empty()) {
                return t;
            }
        }
    }
    if let Some(items) = prop.get("items") {
        let t = target(items);
        if !t.is_empty() {
            return format!("[{t}");
        }
    }
    String::new()
}

fn rust_str(s: &str) -> String {
    format!("{s:?}")
}

/// The features that carry a type: `None` when some operation of every build reads it,
/// else the features of the optional operation groups whose documents contain it.
type Features = Option<BTreeSet<&'static str>>;

/// The features of the groups reading each type of `docs` (see [`Features`]).
fn features_by_type(docs: &[InputDoc]) -> BTreeMap<String, Features> {
    let mut out: BTreeMap<String, Features> = BTreeMap::new();
    for d in docs {
        let doc_features: Features = d
            .operations
            .iter()
            .map(|op| kyoten_core::ops::feature_of(op))
            .collect::<Option<BTreeSet<_>>>();
        let defs = d.schema.get("$defs").and_then(Value::as_object);
        let names = std::iter::once(d.type_name.as_str())
            .chain(defs.into_iter().flat_map(|m| m.keys().map(String::as_str)));
        for name in names {
            let entry = out
                .entry(name.to_owned())
                .or_insert_with(|| Some(BTreeSet::new()));
            match (entry.as_mut(), &doc_features) {
                (Some(set), Some(more)) => set.extend(more.iter().copied()),
                _ => *entry = None,
            }
        }
    }
    out
}

/// The `#[cfg(…)]` of a row of a type carried by `features` ("" for every build).
fn cfg_of(features: Option<&Features>) -> String {
    match features {
        Some(Some(set)) if !set.is_empty() => {
            let list: Vec<String> = set.iter().map(|f| format!("feature = \"{f}\"")).collect();
            if let [one] = list.as_slice() {
                format!("#[cfg({one})] ")
            } else {
                format!("#[cfg(any({}))] ", list.join(", "))
            }
        }
        _ => String::new(),
    }
}

/// The generated Rust source. The rows of types that only optional operation groups
/// read carry those groups' features (`#[cfg(feature = "plan-ops")]`), so that a build
/// without the groups (the WASM form module) leaves them out.
pub fn rust(docs: &[InputDoc]) -> String {
    let features = features_by_type(docs);
    let mut fields: BTreeMap<(String, String), (String, String)> = BTreeMap::new();
    let mut values: Vec<(String, String, String, String)> = Vec::new();
    let mut seen_enums: Vec<String> = Vec::new();
    let mut add_type = |name: &str, schema: &Value| {
        if let Some(props) = schema.get("properties").and_then(Value::as_object) {
            for (field, prop) in props {
                let title = prop.get("title").and_then(Value::as_str).unwrap_or(field);
                fields
                    .entry((name.to_owned(), field.clone()))
                    .or_insert_with(|| (ja_of(title), target(prop)));
            }
        }
        if let Some(list) = schema.get("oneOf").and_then(Value::as_array) {
            if seen_enums.iter().any(|e| e == name) {
                return;
            }
            let mut any = false;
            for v in list {
                let Some(code) = v.get("const").and_then(Value::as_str) else {
                    continue;
                };
                let desc = v.get("description").and_then(Value::as_str).unwrap_or(code);
                let ja = v
                    .get("title")
                    .and_then(Value::as_str)
                    .map_or_else(|| ja_of(desc), ja_of);
                values.push((name.to_owned(), code.to_owned(), ja, en_of(desc)));
                any = true;
            }
            if any {
                seen_enums.push(name.to_owned());
            }
        }
    };
    for d in docs {
        add_type(&d.type_name, &d.schema);
        if let Some(defs) = d.schema.get("$defs").and_then(Value::as_object) {
            for (name, schema) in defs {
                add_type(name, schema);
            }
        }
    }
    let mut out = String::from(
        "//! Generated by `cargo run -p kyoten-schemas --bin kyoten-gen -- write` from the input\n\
         //! schemas; do not edit.\n\
         //!\n\
         //! Each table is text, without a pointer per row (issue 19: the form module's size):\n\
         //! `\\x1e` starts a block and is followed by its type's name, `\\x1f` starts each of\n\
         //! the block's cells, three per row. A table is a list of such texts, one for each run\n\
         //! of blocks under the same features.\n\n\
         /// Blocks of the object types, sorted by type, of rows (field, Japanese title,\n\
         /// target: \"\" | `T` | `[T`) sorted by field.\n\
         pub(super) static FIELDS: &[&str] = &[\n",
    );
    let field_blocks = fields
        .iter()
        .map(|((ty, field), (ja, target))| (ty, [field, ja, target]));
    write_table(&mut out, &features, field_blocks);
    out.push_str(
        "];\n\n/// Blocks of the enumerations, of rows (code, Japanese label, English label), in\n\
         /// declaration order.\n\
         pub(super) static VALUES: &[&str] = &[\n",
    );
    let value_blocks = values.iter().map(|(e, code, ja, en)| (e, [code, ja, en]));
    write_table(&mut out, &features, value_blocks);
    out.push_str("];\n");
    out
}

/// Starts a block (then its type's name), in the generated tables.
const BLOCK: char = '\x1e';
/// Starts a cell, in the generated tables.
const CELL: char = '\x1f';

/// `s` as the inside of a Rust string literal.
fn escaped(s: &str) -> String {
    assert!(
        !s.contains([BLOCK, CELL]),
        "a table's separator inside {s:?}"
    );
    let quoted = rust_str(s);
    quoted[1..quoted.len() - 1].to_owned()
}

/// Writes the texts of a table of `rows` (type, cells), in their order: one `concat!` of
/// a line per block start and per row, for each run of types under the same features.
fn write_table<'r>(
    out: &mut String,
    features: &BTreeMap<String, Features>,
    rows: impl Iterator<Item = (&'r String, [&'r String; 3])>,
) {
    let mut ty: Option<&String> = None;
    let mut cfg: Option<String> = None;
    for (t, cells) in rows {
        if ty != Some(t) {
            let c = cfg_of(features.get(t));
            if cfg.as_ref() != Some(&c) {
                if cfg.is_some() {
                    out.push_str("    ),\n");
                }
                let _ = writeln!(out, "    {c}concat!(");
                cfg = Some(c);
            }
            let _ = writeln!(out, "        \"\\x1e{}\",", escaped(t));
            ty = Some(t);
        }
        let line: String = cells
            .iter()
            .map(|c| format!("\\x1f{}", escaped(c)))
            .collect();
        let _ = writeln!(out, "        \"{line}\",");
    }
    if cfg.is_some() {
        out.push_str("    ),\n");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_from_descriptions() {
        assert_eq!(ja_of("血液型（任意） / Blood type (optional)."), "血液型");
        assert_eq!(
            en_of("人工呼吸器 / Ventilator (invasive, NIPPV)."),
            "Ventilator"
        );
        assert_eq!(en_of("1日あたり / Per day."), "Per day");
    }
}
