//! Showing results to people: every operation's `result`, printed readably, and its
//! tables extracted for CSV and Excel.
//!
//! Nothing here knows an operation: the result is walked together with the operation's
//! output schema, whose doc-comment titles (`日本語 / English`) give the labels and column
//! headers. Keys keep the order of the result (the order of the Rust fields).
//!
//! - a scalar field prints as `label: value`;
//! - an array of flat records (scalars, arrays of scalars, objects of scalars) is a table:
//!   aligned columns on the terminal, a CSV file or an Excel sheet;
//! - an array of scalars prints joined with `、`;
//! - other objects print nested, indented;
//! - long documents (`svg`, `html`) are not printed: `kyoten render` writes them.

use serde::de::{Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::Value;
use std::fmt;

/// A JSON value that keeps the order of object keys.
#[derive(Debug, Clone, PartialEq)]
pub enum J {
    /// null
    Null,
    /// true / false
    Bool(bool),
    /// a number
    Num(serde_json::Number),
    /// a string
    Str(String),
    /// an array
    Arr(Vec<J>),
    /// an object, keys in document order
    Obj(Vec<(String, J)>),
}

impl<'de> Deserialize<'de> for J {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<J, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = J;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("JSON")
            }
            fn visit_unit<E>(self) -> Result<J, E> {
                Ok(J::Null)
            }
            fn visit_none<E>(self) -> Result<J, E> {
                Ok(J::Null)
            }
            fn visit_bool<E>(self, b: bool) -> Result<J, E> {
                Ok(J::Bool(b))
            }
            fn visit_i64<E>(self, n: i64) -> Result<J, E> {
                Ok(J::Num(n.into()))
            }
            fn visit_u64<E>(self, n: u64) -> Result<J, E> {
                Ok(J::Num(n.into()))
            }
            fn visit_f64<E>(self, n: f64) -> Result<J, E> {
                Ok(serde_json::Number::from_f64(n).map_or(J::Null, J::Num))
            }
            fn visit_str<E>(self, s: &str) -> Result<J, E> {
                Ok(J::Str(s.to_owned()))
            }
            fn visit_string<E>(self, s: String) -> Result<J, E> {
                Ok(J::Str(s))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut a: A) -> Result<J, A::Error> {
                let mut v = Vec::new();
                while let Some(x) = a.next_element()? {
                    v.push(x);
                }
                Ok(J::Arr(v))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut a: A) -> Result<J, A::Error> {
                let mut v = Vec::new();
                while let Some((k, x)) = a.next_entry::<String, J>()? {
                    v.push((k, x));
                }
                Ok(J::Obj(v))
            }
        }
        d.deserialize_any(V)
    }
}

impl J {
    /// Parses JSON text keeping key order.
    pub fn parse(text: &str) -> Option<J> {
        serde_json::from_str(text).ok()
    }
    /// The field `key` of an object.
    pub fn get(&self, key: &str) -> Option<&J> {
        match self {
            J::Obj(m) => m.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }
    fn is_scalar(&self) -> bool {
        matches!(self, J::Null | J::Bool(_) | J::Num(_) | J::Str(_))
    }
    /// A record whose every value is a scalar, an array of scalars or of small objects,
    /// or an object of scalars: one row of a table.
    fn is_flat_record(&self) -> bool {
        match self {
            J::Obj(m) => m.iter().all(|(_, v)| match v {
                J::Obj(inner) => inner.iter().all(|(_, x)| x.is_scalar()),
                J::Arr(xs) => xs.iter().all(|x| {
                    x.is_scalar() || matches!(x, J::Obj(o) if o.iter().all(|(_, y)| y.is_scalar()))
                }),
                other => other.is_scalar(),
            }),
            _ => false,
        }
    }
}

/// A scalar (or a small compound) as cell text: arrays joined with `、`, objects as their
/// values (an item reference `{task: 3, no: 2}` → `3-2`; a phase count `{phase:
/// "rollout", label_ja: "順次実施", count: 22}` → `順次実施 22`: codes are left out when
/// the object carries a Japanese label).
pub fn cell(v: &J) -> String {
    cell_in(v, false)
}

fn cell_in(v: &J, en: bool) -> String {
    match v {
        J::Null => String::new(),
        J::Bool(true) => if en { "yes" } else { "はい" }.into(),
        J::Bool(false) => if en { "no" } else { "いいえ" }.into(),
        J::Num(n) => n.to_string(),
        J::Str(s) => s.clone(),
        J::Arr(xs) => xs
            .iter()
            .map(|x| cell_in(x, en))
            .collect::<Vec<_>>()
            .join("、"),
        J::Obj(m) => {
            let labelled = m
                .iter()
                .any(|(k, _)| k.ends_with("label_ja") || k.ends_with("name_ja"));
            let parts: Vec<String> = m
                .iter()
                .filter(|(_, x)| {
                    !(labelled
                        && matches!(x, J::Str(s) if s.chars().all(|c| c.is_ascii_lowercase() || c == '_')))
                })
                .map(|(_, x)| cell_in(x, en))
                .collect();
            let numeric = m.iter().all(|(_, x)| matches!(x, J::Num(_)));
            parts.join(if numeric { "-" } else { " " })
        }
    }
}

/// Labels from an output schema.
#[derive(Debug)]
pub struct Labels<'a> {
    root: &'a Value,
    en: bool,
}

impl<'a> Labels<'a> {
    /// Labels in Japanese (or English with `en`) from the report schema `root`.
    pub fn new(root: &'a Value, en: bool) -> Self {
        Labels { root, en }
    }

    /// Follows `$ref` and nullable `anyOf`/`oneOf` to the schema that describes a value.
    pub fn resolve(&self, mut s: &'a Value) -> &'a Value {
        for _ in 0..16 {
            if let Some(r) = s.get("$ref").and_then(Value::as_str) {
                let name = r.rsplit('/').next().unwrap_or("");
                match self.root.get("$defs").and_then(|d| d.get(name)) {
                    Some(next) => s = next,
                    None => return s,
                }
                continue;
            }
            let alts = s
                .get("anyOf")
                .or_else(|| s.get("oneOf"))
                .and_then(Value::as_array);
            if let Some(alts) = alts {
                let non_null: Vec<&Value> = alts
                    .iter()
                    .filter(|a| a.get("type").and_then(Value::as_str) != Some("null"))
                    .collect();
                if let [one] = non_null.as_slice() {
                    s = one;
                    continue;
                }
            }
            return s;
        }
        s
    }

    /// The schema of the field `key` of an object schema.
    pub fn field(&self, object: Option<&'a Value>, key: &str) -> Option<&'a Value> {
        let o = self.resolve(object?);
        o.get("properties").and_then(|p| p.get(key))
    }

    /// The schema of the items of an array schema.
    pub fn items(&self, array: Option<&'a Value>) -> Option<&'a Value> {
        self.resolve(array?).get("items")
    }

    /// A value as cell text in the labels' language (yes/no as はい/いいえ in Japanese).
    pub fn cell(&self, v: &J) -> String {
        cell_in(v, self.en)
    }

    /// The label of a field: its title or description, the Japanese part (before ` / `)
    /// or the English one; the key when the schema has none.
    pub fn label(&self, schema: Option<&'a Value>, key: &str) -> String {
        let text = schema.and_then(|s| {
            s.get("title")
                .or_else(|| s.get("description"))
                .and_then(Value::as_str)
                .or_else(|| {
                    let r = self.resolve(s);
                    r.get("title")
                        .or_else(|| r.get("description"))
                        .and_then(Value::as_str)
                })
        });
        let Some(text) = text else {
            return key.to_owned();
        };
        let first = text.lines().next().unwrap_or(text);
        let (ja, en) = match first.split_once(" / ") {
            Some((ja, en)) => (ja.trim(), en.trim()),
            None => (first.trim(), first.trim()),
        };
        let pick = if self.en { en } else { ja };
        // Labels stay short: up to the first sentence or parenthesis.
        let short = pick
            .split(['（', '(', '.', '。', ';', ':', '：'])
            .next()
            .unwrap_or(pick)
            .trim();
        if short.is_empty() {
            key.to_owned()
        } else {
            short.to_owned()
        }
    }
}

/// A table of strings: a name, headers, rows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    /// Where it comes from, e.g. `plan.coverage.per_task`.
    pub name: String,
    /// Column headers (labels).
    pub headers: Vec<String>,
    /// Column keys (`item.no` for nested fields).
    pub keys: Vec<String>,
    /// Rows of cells.
    pub rows: Vec<Vec<String>>,
}

/// Flattens a flat record into (key, label, cell) columns; nested objects become
/// `outer.inner` columns.
fn columns(labels: &Labels<'_>, schema: Option<&Value>, rec: &J) -> Vec<(String, String, String)> {
    let mut out = Vec::new();
    if let J::Obj(m) = rec {
        for (k, v) in m {
            let fs = labels.field(schema, k);
            let label = labels.label(fs, k);
            match v {
                J::Obj(inner) if !inner.is_empty() => {
                    for (ik, iv) in inner {
                        let is = labels.field(fs, ik);
                        out.push((
                            format!("{k}.{ik}"),
                            format!("{label} {}", labels.label(is, ik)),
                            labels.cell(iv),
                        ));
                    }
                }
                other => out.push((k.clone(), label, labels.cell(other))),
            }
        }
    }
    out
}

/// Builds a table from an array of flat records (columns: the union of keys, in first-seen
/// order, so that an absent optional field is an empty cell).
pub fn table_of(labels: &Labels<'_>, name: &str, schema: Option<&Value>, recs: &[J]) -> Table {
    let items = labels.items(schema);
    let mut keys: Vec<String> = Vec::new();
    let mut headers: Vec<String> = Vec::new();
    let rows_cols: Vec<Vec<(String, String, String)>> =
        recs.iter().map(|r| columns(labels, items, r)).collect();
    for cols in &rows_cols {
        for (k, h, _) in cols {
            if !keys.contains(k) {
                keys.push(k.clone());
                headers.push(h.clone());
            }
        }
    }
    let rows = rows_cols
        .iter()
        .map(|cols| {
            keys.iter()
                .map(|k| {
                    cols.iter()
                        .find(|(ck, _, _)| ck == k)
                        .map(|(_, _, c)| c.clone())
                        .unwrap_or_default()
                })
                .collect()
        })
        .collect();
    Table {
        name: name.to_owned(),
        headers,
        keys,
        rows,
    }
}

/// Keys of long documents that are written by `kyoten render`, not printed.
pub const DOCUMENT_KEYS: [&str; 2] = ["svg", "html"];

/// Every table in a result: arrays of flat records at any depth (named by their path under
/// `prefix`), and the result's own scalar fields as a one-row table named `prefix`.
pub fn tables(labels: &Labels<'_>, prefix: &str, schema: Option<&Value>, v: &J) -> Vec<Table> {
    let mut out = Vec::new();
    collect(labels, prefix, schema, v, &mut out);
    out
}

fn collect(labels: &Labels<'_>, name: &str, schema: Option<&Value>, v: &J, out: &mut Vec<Table>) {
    match v {
        J::Arr(xs) if !xs.is_empty() && xs.iter().all(J::is_flat_record) => {
            out.push(table_of(labels, name, schema, xs));
        }
        J::Arr(xs) => {
            let items = labels.items(schema);
            for (i, x) in xs.iter().enumerate() {
                if matches!(x, J::Obj(_)) {
                    collect(labels, &format!("{name}.{}", i + 1), items, x, out);
                }
            }
        }
        J::Obj(m) => {
            // The scalars of this object: one row.
            let scalars: Vec<(String, J)> = m
                .iter()
                .filter(|(k, x)| {
                    !DOCUMENT_KEYS.contains(&k.as_str())
                        && (x.is_scalar()
                            || matches!(x, J::Arr(a) if a.iter().all(J::is_scalar))
                            || (matches!(x, J::Obj(o) if o.iter().all(|(_, y)| y.is_scalar()))))
                })
                .cloned()
                .collect();
            if !scalars.is_empty() {
                let rec = J::Obj(scalars);
                let mut t = table_of(labels, name, None, std::slice::from_ref(&rec));
                // Labels from this object's schema.
                t.headers = columns(labels, schema, &rec)
                    .into_iter()
                    .map(|(_, h, _)| h)
                    .collect();
                out.push(t);
            }
            for (k, x) in m {
                if matches!(x, J::Arr(_)) && !x.is_scalar() {
                    let is_scalar_list = matches!(x, J::Arr(a) if a.iter().all(J::is_scalar));
                    if !is_scalar_list {
                        collect(
                            labels,
                            &format!("{name}.{k}"),
                            labels.field(schema, k),
                            x,
                            out,
                        );
                    }
                } else if let J::Obj(o) = x
                    && !o.iter().all(|(_, y)| y.is_scalar())
                {
                    collect(
                        labels,
                        &format!("{name}.{k}"),
                        labels.field(schema, k),
                        x,
                        out,
                    );
                }
            }
        }
        _ => {}
    }
}

/// Display width on a terminal (East Asian wide characters count 2).
pub fn width(s: &str) -> usize {
    s.chars()
        .map(|c| {
            let u = c as u32;
            if (0x1100..=0x115F).contains(&u)
                || (0x2E80..=0xA4CF).contains(&u)
                || (0xAC00..=0xD7A3).contains(&u)
                || (0xF900..=0xFAFF).contains(&u)
                || (0xFE30..=0xFE4F).contains(&u)
                || (0xFF00..=0xFF60).contains(&u)
                || (0xFFE0..=0xFFE6).contains(&u)
                || (0x20000..=0x3FFFD).contains(&u)
            {
                2
            } else {
                1
            }
        })
        .sum()
}

/// Cuts to at most `max` columns, ending with `…` when cut; control characters become spaces.
pub fn fit(s: &str, max: usize) -> String {
    let s: String = s
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    if width(&s) <= max {
        return s;
    }
    let mut out = String::new();
    let mut w = 0;
    for c in s.chars() {
        let cw = width(c.encode_utf8(&mut [0; 4]));
        if w + cw + 1 > max {
            break;
        }
        out.push(c);
        w += cw;
    }
    out.push('…');
    out
}

fn pad(s: &str, w: usize) -> String {
    let mut out = s.to_owned();
    for _ in width(s)..w {
        out.push(' ');
    }
    out
}

/// Cell width on the terminal.
const MAX_CELL: usize = 40;

/// Prints a table with aligned columns, `indent` spaces in.
pub fn print_table(t: &Table, indent: usize) -> String {
    let cols = t.headers.len();
    let mut widths: Vec<usize> = t.headers.iter().map(|h| width(&fit(h, MAX_CELL))).collect();
    for row in &t.rows {
        for (i, c) in row.iter().enumerate().take(cols) {
            if let Some(w) = widths.get_mut(i) {
                *w = (*w).max(width(&fit(c, MAX_CELL)));
            }
        }
    }
    let line = |cells: &[String]| -> String {
        let parts: Vec<String> = cells
            .iter()
            .zip(&widths)
            .map(|(c, &w)| pad(&fit(c, MAX_CELL), w))
            .collect();
        format!("{}{}\n", " ".repeat(indent), parts.join(" │ ").trim_end())
    };
    let mut out = line(&t.headers);
    let rule: Vec<String> = widths.iter().map(|&w| "─".repeat(w)).collect();
    out.push_str(&format!("{}{}\n", " ".repeat(indent), rule.join("─┼─")));
    for row in &t.rows {
        out.push_str(&line(row));
    }
    out
}

/// The result, readably: scalars as `label: value`, tables, nested objects indented.
pub fn print_result(labels: &Labels<'_>, schema: Option<&Value>, v: &J, indent: usize) -> String {
    let mut out = String::new();
    let pad = " ".repeat(indent);
    match v {
        J::Obj(m) => {
            for (k, x) in m {
                let fs = labels.field(schema, k);
                let label = labels.label(fs, k);
                match x {
                    J::Str(s) if DOCUMENT_KEYS.contains(&k.as_str()) => {
                        out.push_str(&format!(
                            "{pad}{label}: （{} バイトの文書。kyoten render で書き出せます / {} bytes; write it with kyoten render）\n",
                            s.len(),
                            s.len()
                        ));
                    }
                    x if x.is_scalar() => {
                        out.push_str(&format!("{pad}{label}: {}\n", fit(&labels.cell(x), 80)));
                    }
                    J::Arr(a) if a.is_empty() => {
                        out.push_str(&format!("{pad}{label}: （なし / none）\n"));
                    }
                    J::Arr(a) if a.iter().all(J::is_scalar) => {
                        out.push_str(&format!("{pad}{label}: {}\n", fit(&labels.cell(x), 100)));
                    }
                    J::Arr(a) if a.iter().all(J::is_flat_record) => {
                        out.push_str(&format!("{pad}{label}:\n"));
                        out.push_str(&print_table(&table_of(labels, k, fs, a), indent + 2));
                    }
                    J::Arr(a) => {
                        out.push_str(&format!("{pad}{label}:\n"));
                        let items = labels.items(fs);
                        for (i, e) in a.iter().enumerate() {
                            out.push_str(&format!("{pad}  [{}]\n", i + 1));
                            out.push_str(&print_result(labels, items, e, indent + 4));
                        }
                    }
                    J::Obj(o) if o.iter().all(|(_, y)| y.is_scalar()) => {
                        let parts: Vec<String> = o
                            .iter()
                            .map(|(ik, iv)| {
                                format!(
                                    "{} {}",
                                    labels.label(labels.field(fs, ik), ik),
                                    labels.cell(iv)
                                )
                            })
                            .collect();
                        out.push_str(&format!("{pad}{label}: {}\n", parts.join("、")));
                    }
                    J::Obj(_) => {
                        out.push_str(&format!("{pad}{label}:\n"));
                        out.push_str(&print_result(labels, fs, x, indent + 2));
                    }
                    _ => {}
                }
            }
        }
        other => out.push_str(&format!("{pad}{}\n", fit(&labels.cell(other), 100))),
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_and_fitting() {
        assert_eq!(width("abc"), 3);
        assert_eq!(width("取組"), 4);
        assert_eq!(fit("取組取組取組", 7), "取組取…");
        assert_eq!(fit("a\u{7}b", 10), "a b");
    }

    #[test]
    fn keys_keep_their_order_and_tables_are_found() {
        let v = J::parse(r#"{"z":1,"a":[{"no":1,"item":{"task":3,"no":2}},{"no":2,"extra":"x"}]}"#)
            .unwrap();
        let root = serde_json::json!({});
        let labels = Labels::new(&root, false);
        let ts = tables(&labels, "op", None, &v);
        assert_eq!(ts.len(), 2);
        assert_eq!(ts[0].name, "op");
        assert_eq!(ts[0].rows, vec![vec!["1".to_owned()]]);
        assert_eq!(ts[1].name, "op.a");
        assert_eq!(ts[1].keys, vec!["no", "item.task", "item.no", "extra"]);
        assert_eq!(
            ts[1].rows,
            vec![
                vec!["1".to_owned(), "3".into(), "2".into(), "".into()],
                vec!["2".to_owned(), "".into(), "".into(), "x".into()]
            ]
        );
    }

    #[test]
    fn labels_come_from_the_schema() {
        let root = serde_json::json!({
            "properties": {"items": {"description": "取組数 / Number of items (再掲 included)."}},
            "$defs": {}
        });
        let ja = Labels::new(&root, false);
        let en = Labels::new(&root, true);
        let s = ja.field(Some(&root), "items");
        assert_eq!(ja.label(s, "items"), "取組数");
        assert_eq!(en.label(s, "items"), "Number of items");
        assert_eq!(ja.label(None, "rows"), "rows");
    }
}
