//! # kyoten-schemas
//!
//! JSON Schemas（JSON Schema 2020-12）と TypeScript 型を操作表から生成する。
//! Generates the JSON Schemas (draft 2020-12) and the TypeScript declarations from the
//! operation table of `kyoten-core`, and checks that the checked-in files are fresh.
//!
//! Every file is derived from [`kyoten_core::ops::operations`]: one schema per distinct
//! input type (deserialize contract), one per operation report (serialize contract), an
//! `index.json`, and `wasm/js/kyoten-types.d.ts`. Nothing here names an operation.
//!
//! Post-processing of what schemars emits (see [`tidy`]):
//! - the non-standard integer and number formats (`uint8`, `uint32`, `int64`, `double` …)
//!   are **removed** and replaced by the `minimum`/`maximum` the Rust type implies, so that
//!   any validator in strict mode (ajv) accepts the schemas without extra formats;
//! - `title` is the first line of the doc comment (`日本語 / English`); an enum value's
//!   `title` is its Japanese label (the part before ` / `);
//! - keys are sorted, so the output does not depend on serde_json's `preserve_order`.

use kyoten_core::ops::{Operation, operations};
use schemars::generate::SchemaSettings;
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

pub mod export;
pub mod import;
pub mod model;
pub mod show;
pub mod ts;

/// Base of every schema's `$id`. The `v1` segment changes only on an incompatible change
/// of the documents (see `schemas/README.md`).
pub const BASE_URL: &str = "https://kyoten.example/schemas/v1/";

/// The command that regenerates every generated file.
pub const REGENERATE: &str = "cargo run -p kyoten-schemas --bin kyoten-gen -- write";

/// Where the TypeScript declarations go, relative to the workspace root.
pub const TS_FILE: &str = "wasm/js/kyoten-types.d.ts";

/// The schema of the run-options document (`{"draft": true}`), in `schemas/`.
pub const RUN_OPTIONS_FILE: &str = "run-options.schema.json";

/// The root schema of the run-options document every surface passes through
/// ([`kyoten_core::run_options::RunOptions`]), tidied, with `$id`.
pub fn run_options_schema() -> Value {
    let settings = SchemaSettings::draft2020_12().for_deserialize();
    let mut v = settings
        .into_generator()
        .into_root_schema_for::<kyoten_core::run_options::RunOptions>()
        .to_value();
    tidy_root(&mut v, RUN_OPTIONS_FILE);
    v
}

/// Where the example documents live, relative to the workspace root.
pub const EXAMPLES_DIR: &str = "schemas/examples";

/// The workspace root (the parent of this crate's folder).
pub fn workspace_root() -> PathBuf {
    let here = Path::new(env!("CARGO_MANIFEST_DIR"));
    here.parent()
        .map_or_else(|| here.to_path_buf(), Path::to_path_buf)
}

/// The Rust name of a type without module path or generic arguments: `plan::Plan` → `Plan`.
pub fn bare_type_name(ty: &str) -> &str {
    let ty = ty.split('<').next().unwrap_or(ty).trim();
    ty.rsplit("::").next().unwrap_or(ty).trim()
}

/// The schema stem of an operation's input type: `Plan` → `plan`.
pub fn input_stem(op: &Operation) -> String {
    op.input_stem()
}

/// File name of the schema of an operation's input document.
pub fn input_file(op: &Operation) -> String {
    format!("{}.schema.json", input_stem(op))
}

/// File name of the schema of an operation's report.
pub fn output_file(op: &Operation) -> String {
    format!("{}.report.schema.json", op.name)
}

/// The operations that take documents of schema stem `stem`, in table order.
pub fn operations_for_stem(stem: &str) -> Vec<&'static Operation> {
    operations().filter(|op| input_stem(op) == stem).collect()
}

/// The schema stem a document names in its `$schema` (`../plan.schema.json`,
/// `https://…/v1/plan.schema.json` → `plan`), if any.
pub fn stem_from_schema_ref(reference: &str) -> Option<String> {
    let file = reference.rsplit(['/', '\\']).next()?;
    let file = file.split(['#', '?']).next()?;
    let stem = file.strip_suffix(".schema.json")?;
    if stem.is_empty() || stem.ends_with(".report") {
        return None;
    }
    Some(stem.to_owned())
}

/// The schema stem of a file name: `plan.minimal.json` → `plan`.
pub fn stem_from_file_name(path: &Path) -> Option<String> {
    let name = path.file_name()?.to_str()?;
    let stem = name.split('.').next()?;
    if stem.is_empty() {
        None
    } else {
        Some(stem.to_owned())
    }
}

/// The schema stem of a document: from its `$schema` key, else from its file name.
pub fn document_stem(path: &Path, text: Option<&str>) -> Option<String> {
    let from_key = text
        .and_then(|t| serde_json::from_str::<Value>(t).ok())
        .and_then(|v| {
            v.get("$schema")
                .and_then(Value::as_str)
                .and_then(stem_from_schema_ref)
        });
    from_key.or_else(|| stem_from_file_name(path))
}

/// The root schema of an operation's input document (deserialize contract), tidied, with
/// `$id`, without examples.
pub fn input_schema(op: &Operation) -> Value {
    let settings = SchemaSettings::draft2020_12().for_deserialize();
    let mut v = (op.input_schema)(settings).to_value();
    tidy_root(&mut v, &input_file(op));
    v
}

/// The root schema of an operation's report (serialize contract), tidied, with `$id`,
/// without examples.
pub fn output_schema(op: &Operation) -> Value {
    let settings = SchemaSettings::draft2020_12().for_serialize();
    let mut v = (op.output_schema)(settings).to_value();
    tidy_root(&mut v, &output_file(op));
    v
}

fn tidy_root(v: &mut Value, file: &str) {
    tidy(v, false);
    if let Value::Object(m) = v {
        m.insert("$id".into(), Value::String(format!("{BASE_URL}{file}")));
    }
    sort_keys(v);
}

/// Recursively sorts every object's keys.
pub fn sort_keys(v: &mut Value) {
    match v {
        Value::Object(m) => {
            m.sort_keys();
            m.values_mut().for_each(sort_keys);
        }
        Value::Array(a) => a.iter_mut().for_each(sort_keys),
        _ => {}
    }
}

/// Bounds implied by a schemars number format, which is then removed.
fn format_bounds(format: &str) -> Option<(Option<Value>, Option<Value>)> {
    let b = |lo: Value, hi: Value| Some((Some(lo), Some(hi)));
    match format {
        "int8" => b(i8::MIN.into(), i8::MAX.into()),
        "int16" => b(i16::MIN.into(), i16::MAX.into()),
        "int32" => b(i32::MIN.into(), i32::MAX.into()),
        "int64" | "int" => b(i64::MIN.into(), i64::MAX.into()),
        "uint8" => b(0.into(), u8::MAX.into()),
        "uint16" => b(0.into(), u16::MAX.into()),
        "uint32" => b(0.into(), u32::MAX.into()),
        "uint64" | "uint" => b(0.into(), u64::MAX.into()),
        "int128" | "uint128" | "float" | "double" => Some((None, None)),
        _ => None,
    }
}

/// Post-processes one schema (and its subschemas): removes non-standard formats (keeping
/// their bounds), adds titles from doc comments. `variant` is true for the members of a
/// `oneOf`/`anyOf` (enum values).
pub fn tidy(v: &mut Value, variant: bool) {
    let Value::Object(m) = v else { return };
    if let Some(bounds) = m
        .get("format")
        .and_then(Value::as_str)
        .and_then(format_bounds)
    {
        m.remove("format");
        let (lo, hi) = bounds;
        if let Some(lo) = lo {
            m.entry("minimum").or_insert(lo);
        }
        if let Some(hi) = hi {
            m.entry("maximum").or_insert(hi);
        }
    }
    if let Some(desc) = m.get("description").and_then(Value::as_str) {
        let first = title_of(desc);
        let is_value = variant && (m.contains_key("const") || m.contains_key("enum"));
        let title = if is_value {
            first
                .split(" / ")
                .next()
                .unwrap_or(&first)
                .trim()
                .to_owned()
        } else {
            first
        };
        if !title.is_empty() && (is_value || !m.contains_key("title") || m.contains_key("$schema"))
        {
            m.insert("title".into(), Value::String(title));
        }
    }
    for (k, sub) in m.iter_mut() {
        match k.as_str() {
            "properties" | "$defs" | "definitions" | "patternProperties" | "dependentSchemas" => {
                if let Value::Object(props) = sub {
                    props.values_mut().for_each(|s| tidy(s, false));
                }
            }
            "oneOf" | "anyOf" => {
                if let Value::Array(items) = sub {
                    items.iter_mut().for_each(|s| tidy(s, true));
                }
            }
            "allOf" | "prefixItems" => {
                if let Value::Array(items) = sub {
                    items.iter_mut().for_each(|s| tidy(s, false));
                }
            }
            "items"
            | "additionalProperties"
            | "unevaluatedProperties"
            | "unevaluatedItems"
            | "not"
            | "if"
            | "then"
            | "else"
            | "contains"
            | "propertyNames" => tidy(sub, false),
            _ => {}
        }
    }
}

/// The title from a doc comment: its first paragraph (wrapped lines joined), up to the end
/// of the first English sentence after ` / ` (`タスク番号 / A task number, 1–6.`).
pub fn title_of(doc: &str) -> String {
    let para: Vec<&str> = doc
        .lines()
        .map(str::trim)
        .take_while(|l| !l.is_empty())
        .collect();
    let para = para.join(" ");
    let from = para.find(" / ").map_or(0, |i| i + 3);
    let mut search = from;
    while let Some(rel) = para.get(search..).and_then(|rest| rest.find(". ")) {
        let end = search + rel + 1;
        let before = para.get(..end - 1).unwrap_or("");
        let word = before.rsplit([' ', '(']).next().unwrap_or("");
        if !matches!(word, "e.g" | "i.e" | "etc" | "cf" | "vs" | "No") {
            return para.get(..end).unwrap_or(&para).to_owned();
        }
        search = end;
    }
    para
}

/// One distinct input schema and the operations that take it.
#[derive(Debug, Clone)]
pub struct InputDoc {
    /// Stem, e.g. `plan`.
    pub stem: String,
    /// Rust type name, e.g. `Plan`.
    pub type_name: String,
    /// The tidied schema (without examples).
    pub schema: Value,
    /// Names of the operations taking it.
    pub operations: Vec<&'static str>,
}

/// Every distinct input schema, in table order of first use. Errors if two operations
/// give different schemas for the same stem.
pub fn input_docs() -> Result<Vec<InputDoc>, String> {
    let mut docs: Vec<InputDoc> = Vec::new();
    for op in operations() {
        let stem = input_stem(op);
        let schema = input_schema(op);
        if let Some(d) = docs.iter_mut().find(|d| d.stem == stem) {
            if d.schema != schema {
                return Err(format!(
                    "operations {} and {} name input schema `{stem}` but generate different schemas",
                    d.operations.join(", "),
                    op.name
                ));
            }
            d.operations.push(op.name);
        } else {
            docs.push(InputDoc {
                stem,
                type_name: bare_type_name(op.input_type).to_owned(),
                schema,
                operations: vec![op.name],
            });
        }
    }
    Ok(docs)
}

/// The example documents of a stem (`schemas/examples/<stem>.*.json`), sorted by file
/// name, as (file name, parsed document). Unreadable files are errors.
pub fn examples_of(root: &Path, stem: &str) -> Result<Vec<(String, Value)>, String> {
    let dir = root.join(EXAMPLES_DIR);
    let mut out = Vec::new();
    let entries = match std::fs::read_dir(&dir) {
        Ok(e) => e,
        Err(_) => return Ok(out),
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if !path.is_file() || path.extension().and_then(|e| e.to_str()) != Some("json") {
            continue;
        }
        if stem_from_file_name(&path).as_deref() != Some(stem) {
            continue;
        }
        let name = entry.file_name().to_string_lossy().into_owned();
        let text =
            std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let value: Value =
            serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?;
        out.push((name, value));
    }
    out.sort_by(|a, b| a.0.cmp(&b.0));
    Ok(out)
}

/// Every generated file: path relative to the workspace root → content.
pub fn generate(root: &Path) -> Result<BTreeMap<String, String>, String> {
    let mut files = BTreeMap::new();
    let docs = input_docs()?;
    for d in &docs {
        let mut schema = d.schema.clone();
        let examples: Vec<Value> = examples_of(root, &d.stem)?
            .into_iter()
            .map(|(_, mut v)| {
                if let Value::Object(m) = &mut v {
                    m.remove("$schema");
                }
                v
            })
            .collect();
        if !examples.is_empty()
            && let Value::Object(m) = &mut schema
        {
            m.insert("examples".into(), Value::Array(examples));
        }
        sort_keys(&mut schema);
        files.insert(format!("schemas/{}.schema.json", d.stem), pretty(&schema)?);
    }
    let mut index_ops = Vec::new();
    let mut outputs = Vec::new();
    for op in operations() {
        let mut schema = output_schema(op);
        let stem = input_stem(op);
        // The report of the first example, as the output schema's example.
        if let Some((_, doc)) = examples_of(root, &stem)?.into_iter().next() {
            let bytes = serde_json::to_vec(&doc).map_err(|e| e.to_string())?;
            let outcome = (op.run)(&bytes, &kyoten_core::input::Limits::default());
            let report: Value = serde_json::from_str(&outcome.json).map_err(|e| e.to_string())?;
            if let Value::Object(m) = &mut schema {
                m.insert("examples".into(), Value::Array(vec![report]));
            }
            sort_keys(&mut schema);
        }
        files.insert(format!("schemas/{}", output_file(op)), pretty(&schema)?);
        outputs.push((op, output_schema(op)));
        index_ops.push(serde_json::json!({
            "name": op.name,
            "summary_ja": op.summary_ja,
            "summary_en": op.summary_en,
            "input_type": bare_type_name(op.input_type),
            "input_schema": input_file(op),
            "output_type": bare_type_name(op.output_type),
            "output_schema": output_file(op),
        }));
    }
    let mut index = serde_json::json!({
        "$comment": format!("Generated by `{REGENERATE}`; do not edit."),
        "version": "v1",
        "base_url": BASE_URL,
        "operations": index_ops,
    });
    sort_keys(&mut index);
    files.insert("schemas/index.json".into(), pretty(&index)?);
    let run_options = run_options_schema();
    files.insert(format!("schemas/{RUN_OPTIONS_FILE}"), pretty(&run_options)?);
    let codes: Vec<&str> = kyoten_core::catalogue::all_rules()
        .map(|r| r.code)
        .collect();
    files.insert(
        TS_FILE.into(),
        ts::declarations_with(&docs, &outputs, Some(&run_options), &codes)?,
    );
    files.insert(model::FILE.into(), model::rust(&docs));
    files.insert("docs/rules.md".into(), kyoten_core::catalogue::markdown());
    Ok(files)
}

fn pretty(v: &Value) -> Result<String, String> {
    let mut s = serde_json::to_string_pretty(v).map_err(|e| e.to_string())?;
    s.push('\n');
    Ok(s)
}

/// The generated `*.schema.json` files now on disk, relative to the root.
fn schema_files_on_disk(root: &Path) -> Vec<String> {
    let mut out = Vec::new();
    if let Ok(entries) = std::fs::read_dir(root.join("schemas")) {
        for e in entries.flatten() {
            let name = e.file_name().to_string_lossy().into_owned();
            if name.ends_with(".schema.json") && e.path().is_file() {
                out.push(format!("schemas/{name}"));
            }
        }
    }
    out.sort();
    out
}

/// Writes every generated file, after deleting every `schemas/*.schema.json` (so that a
/// removed type's schema disappears). Returns the paths written.
pub fn write(root: &Path) -> Result<Vec<String>, String> {
    let files = generate(root)?;
    for old in schema_files_on_disk(root) {
        std::fs::remove_file(root.join(&old)).map_err(|e| format!("{old}: {e}"))?;
    }
    for (rel, content) in &files {
        let path = root.join(rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(|e| format!("{}: {e}", parent.display()))?;
        }
        std::fs::write(&path, content).map_err(|e| format!("{rel}: {e}"))?;
    }
    Ok(files.into_keys().collect())
}

/// Files that differ from what the generator would write: changed, missing, or extra
/// `*.schema.json`. Empty when everything is fresh.
pub fn stale(root: &Path) -> Result<Vec<String>, String> {
    let files = generate(root)?;
    let mut out = Vec::new();
    for (rel, content) in &files {
        match std::fs::read_to_string(root.join(rel)) {
            Ok(on_disk) if &on_disk == content => {}
            Ok(_) => out.push(format!("{rel} (differs)")),
            Err(_) => out.push(format!("{rel} (missing)")),
        }
    }
    for old in schema_files_on_disk(root) {
        if !files.contains_key(&old) {
            out.push(format!("{old} (no longer generated)"));
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn type_names() {
        assert_eq!(bare_type_name("crate::plan::Plan"), "Plan");
        assert_eq!(bare_type_name("Report<Plan>"), "Report");
    }

    #[test]
    fn stems_from_refs_and_names() {
        assert_eq!(
            stem_from_schema_ref("../plan.schema.json").as_deref(),
            Some("plan")
        );
        assert_eq!(
            stem_from_schema_ref("https://kyoten.example/schemas/v1/summary-request.schema.json")
                .as_deref(),
            Some("summary-request")
        );
        assert_eq!(stem_from_schema_ref("plan.json"), None);
        assert_eq!(
            stem_from_schema_ref("plan.validate.report.schema.json"),
            None
        );
        assert_eq!(
            stem_from_file_name(Path::new("x/plan.minimal.json")).as_deref(),
            Some("plan")
        );
    }

    #[test]
    fn titles_are_the_first_sentence_of_the_first_paragraph() {
        assert_eq!(
            title_of(
                "タスク番号 / A task number, 1–6. Deserialising any other number is an\n`input.invalid_value` finding."
            ),
            "タスク番号 / A task number, 1–6."
        );
        assert_eq!(
            title_of("コード / Stable dotted rule code, e.g. `plan.item.no_lead`."),
            "コード / Stable dotted rule code, e.g. `plan.item.no_lead`."
        );
        assert_eq!(
            title_of("計画 / The plan, wrapped\nover two lines\n\nMore."),
            "計画 / The plan, wrapped over two lines"
        );
        assert_eq!(
            title_of("Input of `tasks.list`: nothing. Really."),
            "Input of `tasks.list`: nothing."
        );
    }

    #[test]
    fn tidy_removes_formats_and_keeps_bounds() {
        let mut v = serde_json::json!({
            "type": "object",
            "description": "計画 / Plan.\nMore text.",
            "properties": {
                "n": {"type": "integer", "format": "uint32", "minimum": 0},
                "m": {"type": "integer", "format": "uint8", "minimum": 1, "maximum": 6},
                "x": {"type": "number", "format": "double"},
                "d": {"type": "string", "format": "date"},
                "k": {"oneOf": [{"const": "a", "description": "甲 / A"}]}
            }
        });
        tidy(&mut v, false);
        assert_eq!(v["title"], "計画 / Plan.");
        assert_eq!(
            v["properties"]["n"],
            serde_json::json!({"type":"integer","minimum":0,"maximum":4294967295u64})
        );
        assert_eq!(v["properties"]["m"]["maximum"], 6);
        assert!(v["properties"]["x"].get("format").is_none());
        assert_eq!(v["properties"]["d"]["format"], "date");
        assert_eq!(v["properties"]["k"]["oneOf"][0]["title"], "甲");
    }
}
