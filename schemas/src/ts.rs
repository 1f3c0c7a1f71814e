//! A small JSON Schema → TypeScript converter for the subset schemars emits: objects
//! (required and optional properties, `additionalProperties`), arrays and tuples,
//! `enum`/`const`/`oneOf`/`anyOf`/`allOf`, `$ref` into `$defs`, nullable types (`type`
//! arrays with `"null"`), integers, numbers, strings and booleans.
//!
//! Every `$defs` entry of every schema becomes one named TypeScript type. The same name
//! with a different shape in two files (a type read with the deserialize contract and
//! written with the serialize one) gets a suffixed second name (`…Output`), so no type is
//! silently merged with a different one.

use crate::{InputDoc, REGENERATE, bare_type_name};
use kyoten_core::ops::Operation;
use serde_json::{Map, Value};
use std::collections::{BTreeMap, BTreeSet};

/// Keys that do not change the TypeScript type (annotations and root-only keys).
const ANNOTATIONS: &[&str] = &[
    "title",
    "description",
    "examples",
    "$comment",
    "$id",
    "$schema",
    "$defs",
    "default",
    "deprecated",
    "readOnly",
    "writeOnly",
];

struct Named {
    key: String,
    doc: Option<String>,
    body: String,
    interface: bool,
}

#[derive(Default)]
struct Registry {
    types: BTreeMap<String, Named>,
}

fn is_ident(s: &str) -> bool {
    let mut chars = s.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_alphabetic() || c == '_' || c == '$')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '$')
}

/// A TypeScript identifier from a schema name (`Report_for_Plan` stays; `a-b` → `A_b`).
fn ts_ident(name: &str) -> String {
    let mut s: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '_' {
                c
            } else {
                '_'
            }
        })
        .collect();
    if s.is_empty() || s.starts_with(|c: char| c.is_ascii_digit()) {
        s.insert(0, '_');
    }
    s
}

fn prop_key(k: &str) -> String {
    if is_ident(k) {
        k.to_owned()
    } else {
        Value::String(k.to_owned()).to_string()
    }
}

fn def_name(reference: &str) -> Option<&str> {
    reference.strip_prefix("#/$defs/")
}

/// Structural part of a schema (annotations removed), recursively.
fn structural(v: &Value) -> Value {
    match v {
        Value::Object(m) => {
            let mut out = Map::new();
            for (k, sub) in m {
                if ANNOTATIONS.contains(&k.as_str()) {
                    continue;
                }
                let sub = match k.as_str() {
                    "const" | "enum" => sub.clone(),
                    "properties" | "patternProperties" => match sub {
                        Value::Object(props) => Value::Object(
                            props
                                .iter()
                                .map(|(k, s)| (k.clone(), structural(s)))
                                .collect(),
                        ),
                        other => other.clone(),
                    },
                    _ => structural(sub),
                };
                out.insert(k.clone(), sub);
            }
            Value::Object(out)
        }
        Value::Array(a) => Value::Array(a.iter().map(structural).collect()),
        other => other.clone(),
    }
}

fn collect_refs(v: &Value, out: &mut BTreeSet<String>) {
    match v {
        Value::Object(m) => {
            for (k, sub) in m {
                if k == "$ref"
                    && let Some(name) = sub.as_str().and_then(def_name)
                {
                    out.insert(name.to_owned());
                } else if !matches!(
                    k.as_str(),
                    "const" | "enum" | "examples" | "default" | "$defs"
                ) {
                    collect_refs(sub, out);
                }
            }
        }
        Value::Array(a) => a.iter().for_each(|s| collect_refs(s, out)),
        _ => {}
    }
}

/// A key identifying the TypeScript meaning of `schema` in a file with `defs`: its
/// structure plus that of every definition it reaches.
fn closure_key(schema: &Value, defs: &Map<String, Value>) -> String {
    let mut seen = BTreeSet::new();
    let mut todo = BTreeSet::new();
    collect_refs(schema, &mut todo);
    while let Some(name) = todo.pop_first() {
        if seen.insert(name.clone())
            && let Some(d) = defs.get(&name)
        {
            collect_refs(d, &mut todo);
        }
    }
    let mut reached = Map::new();
    for name in seen {
        if let Some(d) = defs.get(&name) {
            reached.insert(name, structural(d));
        }
    }
    serde_json::json!({ "self": structural(schema), "defs": reached }).to_string()
}

fn doc_of(schema: &Value) -> Option<String> {
    schema
        .get("description")
        .or_else(|| schema.get("title"))
        .and_then(Value::as_str)
        .map(str::to_owned)
}

fn jsdoc(doc: &str, indent: &str) -> String {
    let doc = doc.replace("*/", "*\\/");
    let lines: Vec<&str> = doc.lines().collect();
    if lines.len() <= 1 {
        format!(
            "{indent}/** {} */\n",
            lines.first().copied().unwrap_or("").trim()
        )
    } else {
        let mut s = format!("{indent}/**\n");
        for l in lines {
            let l = l.trim_end();
            if l.is_empty() {
                s.push_str(&format!("{indent} *\n"));
            } else {
                s.push_str(&format!("{indent} * {l}\n"));
            }
        }
        s.push_str(&format!("{indent} */\n"));
        s
    }
}

struct Ctx<'a> {
    names: &'a BTreeMap<String, String>,
    root: &'a str,
}

fn paren(s: String) -> String {
    if s.contains(" | ") || s.contains(" & ") {
        format!("({s})")
    } else {
        s
    }
}

fn union(mut parts: Vec<String>) -> String {
    let mut seen = BTreeSet::new();
    parts.retain(|p| seen.insert(p.clone()));
    match parts.len() {
        0 => "never".into(),
        1 => parts.pop().unwrap_or_default(),
        _ => parts.join(" | "),
    }
}

fn expr(schema: &Value, ctx: &Ctx<'_>, indent: usize) -> Result<String, String> {
    let m = match schema {
        Value::Bool(true) => return Ok("unknown".into()),
        Value::Bool(false) => return Ok("never".into()),
        Value::Object(m) => m,
        _ => return Err(format!("not a schema: {schema}")),
    };
    let mut conj: Vec<String> = Vec::new();
    if let Some(r) = m.get("$ref").and_then(Value::as_str) {
        let name = if r == "#" {
            ctx.root.to_owned()
        } else {
            let d = def_name(r).ok_or_else(|| format!("unsupported $ref {r}"))?;
            ctx.names
                .get(d)
                .cloned()
                .ok_or_else(|| format!("unknown $ref {r}"))?
        };
        conj.push(name);
    }
    if let Some(c) = m.get("const") {
        conj.push(c.to_string());
    } else if let Some(Value::Array(values)) = m.get("enum") {
        conj.push(paren(union(values.iter().map(Value::to_string).collect())));
    } else if let Some(t) = m.get("type") {
        let types: Vec<&str> = match t {
            Value::String(s) => vec![s.as_str()],
            Value::Array(a) => a.iter().filter_map(Value::as_str).collect(),
            _ => Vec::new(),
        };
        let mut parts = Vec::new();
        for t in types {
            parts.push(match t {
                "string" => "string".to_owned(),
                "integer" | "number" => "number".to_owned(),
                "boolean" => "boolean".to_owned(),
                "null" => "null".to_owned(),
                "array" => array_expr(m, ctx, indent)?,
                "object" => object_expr(m, ctx, indent)?,
                other => return Err(format!("unsupported type {other}")),
            });
        }
        conj.push(paren(union(parts)));
    }
    for key in ["oneOf", "anyOf"] {
        if let Some(Value::Array(alts)) = m.get(key) {
            let parts = alts
                .iter()
                .map(|a| expr(a, ctx, indent))
                .collect::<Result<Vec<_>, _>>()?;
            conj.push(paren(union(parts)));
        }
    }
    if let Some(Value::Array(all)) = m.get("allOf") {
        for a in all {
            conj.push(paren(expr(a, ctx, indent)?));
        }
    }
    Ok(match conj.len() {
        0 => "unknown".into(),
        1 => {
            let s = conj.pop().unwrap_or_default();
            s.strip_prefix('(')
                .and_then(|x| x.strip_suffix(')'))
                .filter(|_| !s.contains(") | ("))
                .map_or(s.clone(), str::to_owned)
        }
        _ => conj.join(" & "),
    })
}

fn array_expr(m: &Map<String, Value>, ctx: &Ctx<'_>, indent: usize) -> Result<String, String> {
    if let Some(Value::Array(prefix)) = m.get("prefixItems") {
        let parts = prefix
            .iter()
            .map(|p| expr(p, ctx, indent))
            .collect::<Result<Vec<_>, _>>()?;
        return Ok(format!("[{}]", parts.join(", ")));
    }
    match m.get("items") {
        Some(items) => {
            let inner = expr(items, ctx, indent)?;
            if inner.contains(' ') || inner.contains('\n') {
                Ok(format!("Array<{inner}>"))
            } else {
                Ok(format!("{inner}[]"))
            }
        }
        None => Ok("unknown[]".into()),
    }
}

fn object_expr(m: &Map<String, Value>, ctx: &Ctx<'_>, indent: usize) -> Result<String, String> {
    let pad = "  ".repeat(indent + 1);
    let required: BTreeSet<&str> = match m.get("required") {
        Some(Value::Array(r)) => r.iter().filter_map(Value::as_str).collect(),
        _ => BTreeSet::new(),
    };
    let additional = m.get("additionalProperties");
    let props = match m.get("properties") {
        Some(Value::Object(p)) if !p.is_empty() => p,
        _ => {
            return Ok(match additional {
                Some(Value::Bool(false)) => "Record<string, never>".into(),
                Some(s @ Value::Object(_)) => format!("Record<string, {}>", expr(s, ctx, indent)?),
                _ => "Record<string, unknown>".into(),
            });
        }
    };
    let mut s = String::from("{\n");
    for (k, sub) in props {
        if let Some(doc) = doc_of(sub) {
            s.push_str(&jsdoc(&doc, &pad));
        }
        let opt = if required.contains(k.as_str()) {
            ""
        } else {
            "?"
        };
        s.push_str(&format!(
            "{pad}{}{opt}: {};\n",
            prop_key(k),
            expr(sub, ctx, indent + 1)?
        ));
    }
    s.push_str(&"  ".repeat(indent));
    s.push('}');
    if let Some(extra @ Value::Object(_)) = additional {
        s = format!("{s} & Record<string, {}>", expr(extra, ctx, indent)?);
    }
    Ok(s)
}

fn is_plain_object(schema: &Value) -> bool {
    let Value::Object(m) = schema else {
        return false;
    };
    m.get("type").and_then(Value::as_str) == Some("object")
        && matches!(m.get("properties"), Some(Value::Object(p)) if !p.is_empty())
        && !["oneOf", "anyOf", "allOf", "$ref", "const", "enum"]
            .iter()
            .any(|k| m.contains_key(*k))
        && !matches!(m.get("additionalProperties"), Some(Value::Object(_)))
}

impl Registry {
    /// Registers a named type; returns the name used. When `base` is taken by another
    /// shape: `{base}{suffix}` (the same type written with the serialize contract), then
    /// `{prefix}{base}` (a different type of the same name in another module, named after
    /// the document that holds it), then numbered names.
    fn claim(&mut self, base: &str, key: &str, prefix: &str, suffix: &str) -> String {
        let mut candidates = vec![base.to_owned()];
        if !suffix.is_empty() {
            candidates.push(format!("{base}{suffix}"));
        }
        if !prefix.is_empty() && prefix != base {
            candidates.push(format!("{prefix}{base}"));
            candidates.push(format!("{prefix}{base}{suffix}"));
        }
        candidates.extend((2..52).map(|i| format!("{base}{suffix}{i}")));
        for c in candidates {
            match self.types.get(&c) {
                None => {
                    self.types.insert(
                        c.clone(),
                        Named {
                            key: key.to_owned(),
                            doc: None,
                            body: String::new(),
                            interface: false,
                        },
                    );
                    return c;
                }
                Some(n) if n.key == key => return c,
                Some(_) => {}
            }
        }
        format!("{base}{suffix}Overflow")
    }

    /// Adds the definitions of one schema file; returns def name → TS name.
    fn add_file(
        &mut self,
        root: &Value,
        prefix: &str,
        suffix: &str,
    ) -> Result<BTreeMap<String, String>, String> {
        let empty = Map::new();
        let defs = root
            .get("$defs")
            .and_then(Value::as_object)
            .unwrap_or(&empty);
        let mut names = BTreeMap::new();
        for (name, schema) in defs {
            let key = closure_key(schema, defs);
            names.insert(
                name.clone(),
                self.claim(&ts_ident(name), &key, prefix, suffix),
            );
        }
        for (name, schema) in defs {
            let Some(ts) = names.get(name) else { continue };
            self.fill(ts, schema, &names, ts)?;
        }
        Ok(names)
    }

    fn fill(
        &mut self,
        ts: &str,
        schema: &Value,
        names: &BTreeMap<String, String>,
        root: &str,
    ) -> Result<(), String> {
        let filled = self.types.get(ts).is_some_and(|n| !n.body.is_empty());
        if filled {
            return Ok(());
        }
        let ctx = Ctx { names, root };
        let body = expr(schema, &ctx, 0)?;
        if let Some(n) = self.types.get_mut(ts) {
            n.doc = doc_of(schema);
            n.interface = is_plain_object(schema);
            n.body = body;
        }
        Ok(())
    }

    fn add_root(&mut self, name: &str, root: &Value, suffix: &str) -> Result<String, String> {
        let names = self.add_file(root, &ts_ident(name), suffix)?;
        let empty = Map::new();
        let defs = root
            .get("$defs")
            .and_then(Value::as_object)
            .unwrap_or(&empty);
        let key = closure_key(root, defs);
        let ts = self.claim(&ts_ident(name), &key, "", suffix);
        self.fill(&ts, root, &names, &ts)?;
        Ok(ts)
    }
}

/// The TypeScript declarations for every input and output of the operation table.
pub fn declarations(
    inputs: &[InputDoc],
    outputs: &[(&Operation, Value)],
) -> Result<String, String> {
    declarations_with(inputs, outputs, None, &[])
}

/// [`declarations`], plus the run-options type (`RunOptions`, from its schema), the
/// union of the rule codes (`FindingCode`: `Finding.code` is one of them) and the
/// deep-partial draft input type `Draft<T>`.
pub fn declarations_with(
    inputs: &[InputDoc],
    outputs: &[(&Operation, Value)],
    run_options: Option<&Value>,
    codes: &[&str],
) -> Result<String, String> {
    let mut reg = Registry::default();
    if let Some(schema) = run_options {
        reg.add_root("RunOptions", schema, "")?;
    }
    let mut input_names = BTreeMap::new();
    for d in inputs {
        let ts = reg.add_root(&d.type_name, &d.schema, "")?;
        input_names.insert(d.stem.clone(), ts);
    }
    // Reports: one generic `Report<T>`, from the shape every report shares.
    let mut report_shape: Option<(String, Value)> = None;
    let mut op_lines = Vec::new();
    for (op, root) in outputs {
        let names = reg.add_file(root, &ts_ident(bare_type_name(op.output_type)), "Output")?;
        let mut without_result = root.clone();
        let result_schema = without_result
            .get_mut("properties")
            .and_then(Value::as_object_mut)
            .and_then(|p| p.remove("result"));
        if let Some(Value::Array(req)) = without_result.get_mut("required") {
            req.retain(|r| r != "result");
        }
        let empty = Map::new();
        let defs = root
            .get("$defs")
            .and_then(Value::as_object)
            .unwrap_or(&empty);
        let shape_key = closure_key(&without_result, defs);
        match &report_shape {
            Some((k, _)) if *k != shape_key => {
                return Err(format!(
                    "the report of {} does not have the common report shape",
                    op.name
                ));
            }
            Some(_) => {}
            None => {
                let ctx = Ctx {
                    names: &names,
                    root: "Report",
                };
                let mut body = expr(&without_result, &ctx, 0)?;
                // Insert the generic result property before the closing brace.
                if let Some(at) = body.rfind('}') {
                    let doc = result_schema
                        .as_ref()
                        .and_then(doc_of)
                        .map(|d| jsdoc(&d, "  "))
                        .unwrap_or_default();
                    body.insert_str(at, &format!("{doc}  result?: T;\n"));
                }
                report_shape = Some((shape_key, Value::String(body)));
                if let Some(n) = reg.types.get_mut("Report") {
                    // A user type named Report would collide with the generic one.
                    if !n.body.is_empty() {
                        return Err("a model type is named Report".into());
                    }
                }
            }
        }
        let ctx = Ctx {
            names: &names,
            root: "Report",
        };
        let result_ts = match &result_schema {
            Some(s) => {
                let e = expr(s, &ctx, 1)?;
                // The report omits `result` rather than writing null.
                e.strip_suffix(" | null").map_or(e.clone(), str::to_owned)
            }
            None => "never".into(),
        };
        let input_ts = input_names
            .get(&crate::input_stem(op))
            .cloned()
            .ok_or_else(|| format!("no input type for {}", op.name))?;
        op_lines.push(format!(
            "{}  {}: {{ input: {input_ts}; output: Report<{result_ts}> }};\n",
            jsdoc(&format!("{} / {}", op.summary_ja, op.summary_en), "  "),
            Value::String(op.name.to_owned())
        ));
    }

    let mut out = String::new();
    out.push_str("// kyoten: TypeScript types of every input and output document.\n");
    out.push_str(&format!(
        "// Generated from the JSON Schemas by `{REGENERATE}`; do not edit.\n\n"
    ));
    out.push_str(
        "/** 操作表 / The operation table: operation name → input document and report. */\n",
    );
    out.push_str("export interface Operations {\n");
    for l in &op_lines {
        out.push_str(l);
    }
    out.push_str("}\n\n/** 操作名 / An operation name. */\nexport type OperationName = keyof Operations;\n\n");
    out.push_str("/** 入力文書 / The input document of operation `K`. */\n");
    out.push_str("export type InputOf<K extends OperationName> = Operations[K][\"input\"];\n\n");
    out.push_str("/** 結果報告 / The report of operation `K`. */\n");
    out.push_str("export type OutputOf<K extends OperationName> = Operations[K][\"output\"];\n\n");
    if let Some((_, Value::String(body))) = &report_shape {
        out.push_str(
            "/** 結果報告 / The answer of every operation: all findings for one input, and the operation's result where it could be computed. */\n",
        );
        out.push_str(&format!("export interface Report<T = unknown> {body}\n\n"));
    }
    if !codes.is_empty() {
        let Some(finding) = reg.types.get_mut("Finding") else {
            return Err("no Finding type for the rule codes".into());
        };
        let plain = "  code: string;\n";
        if !finding.body.contains(plain) {
            return Err("Finding has no `code: string` to type with the rule codes".into());
        }
        finding.body = finding.body.replacen(plain, "  code: FindingCode;\n", 1);
        let mut codes: Vec<&str> = codes.to_vec();
        codes.sort_unstable();
        codes.dedup();
        out.push_str(
            "/** 規則コード / Every rule code of the library (the rule catalogue, `rules.list`), the skins' own reports included (`abi.null_argument`, `wasm.not_initialized`): no other code is ever written. */\n",
        );
        out.push_str("export type FindingCode =");
        for c in &codes {
            out.push_str(&format!("\n  | {}", Value::String((*c).to_owned())));
        }
        out.push_str(";\n\n");
        out.push_str(concat!(
            "/**\n",
            " * 下書き / A document being filled in (draft mode, `run(op, input, { draft: true })`):\n",
            " * every field may be absent, and any value may still be `\"\"` (not filled in yet).\n",
            " */\n",
            "export type Draft<T> = T extends readonly (infer U)[]\n",
            "  ? DraftValue<U>[]\n",
            "  : T extends object\n",
            "    ? { [K in keyof T]?: DraftValue<T[K]> }\n",
            "    : T;\n\n",
            "/** 下書きの値 / A value in a draft: the value (itself a draft), or `\"\"` (not filled in yet). */\n",
            "export type DraftValue<T> = Draft<T> | \"\";\n\n",
        ));
    }
    for (name, n) in &reg.types {
        if n.body.is_empty() {
            continue;
        }
        if let Some(doc) = &n.doc {
            out.push_str(&jsdoc(doc, ""));
        }
        if n.interface {
            out.push_str(&format!("export interface {name} {}\n\n", n.body));
        } else {
            out.push_str(&format!("export type {name} = {};\n\n", n.body));
        }
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn doc_with_policy(policy: Value) -> Value {
        json!({
            "type": "object",
            "additionalProperties": false,
            "properties": { "policy": { "$ref": "#/$defs/Policy" } },
            "required": ["policy"],
            "$defs": { "Policy": policy }
        })
    }

    #[test]
    fn same_name_different_shapes_get_distinct_names() {
        let mut reg = Registry::default();
        let a = doc_with_policy(
            json!({"type": "object", "properties": {"x": {"type": "integer"}}, "required": ["x"]}),
        );
        let b = doc_with_policy(json!({"type": "object", "properties": {"y": {"type": "string"}}}));
        assert_eq!(reg.add_root("Alpha", &a, "").expect("a"), "Alpha");
        assert_eq!(reg.add_root("Beta", &b, "").expect("b"), "Beta");
        // The same shape again reuses the name; a serialize-contract variant is suffixed.
        let names = reg.add_file(&a, "AlphaResult", "Output").expect("a again");
        assert_eq!(names.get("Policy").map(String::as_str), Some("Policy"));
        let c = doc_with_policy(
            json!({"type": "object", "properties": {"y": {"type": ["string", "null"]}}}),
        );
        let names = reg.add_file(&c, "Gamma", "Output").expect("c");
        assert_eq!(
            names.get("Policy").map(String::as_str),
            Some("PolicyOutput")
        );
        assert_eq!(
            reg.types.get("Policy").map(|n| n.body.as_str()),
            Some("{\n  x: number;\n}")
        );
        assert_eq!(
            reg.types.get("BetaPolicy").map(|n| n.body.as_str()),
            Some("{\n  y?: string;\n}")
        );
        let beta = reg
            .types
            .get("Beta")
            .map(|n| n.body.clone())
            .unwrap_or_default();
        assert!(beta.contains("policy: BetaPolicy;"), "{beta}");
    }

    #[test]
    fn converts_the_schemars_subset() {
        let names = BTreeMap::from([("Kind".to_owned(), "Kind".to_owned())]);
        let ctx = Ctx {
            names: &names,
            root: "Root",
        };
        let e = |v: Value| expr(&v, &ctx, 0).expect("expr");
        assert_eq!(e(json!({"type": "integer", "minimum": 0})), "number");
        assert_eq!(e(json!({"type": ["string", "null"]})), "string | null");
        assert_eq!(
            e(json!({"type": "array", "items": {"$ref": "#/$defs/Kind"}})),
            "Kind[]"
        );
        assert_eq!(
            e(json!({"type": "array", "items": {"type": ["string", "null"]}})),
            "Array<string | null>"
        );
        assert_eq!(
            e(json!({"oneOf": [{"const": "a"}, {"const": "b"}]})),
            "\"a\" | \"b\""
        );
        assert_eq!(e(json!({"enum": ["x", 1]})), "\"x\" | 1");
        assert_eq!(
            e(json!({"anyOf": [{"$ref": "#/$defs/Kind"}, {"type": "null"}]})),
            "Kind | null"
        );
        assert_eq!(e(json!({"$ref": "#"})), "Root");
        assert_eq!(
            e(json!({"type": "array", "prefixItems": [{"type": "string"}, {"type": "number"}]})),
            "[string, number]"
        );
        assert_eq!(
            e(json!({"type": "object", "additionalProperties": {"type": "boolean"}})),
            "Record<string, boolean>"
        );
        assert_eq!(e(json!(true)), "unknown");
        assert_eq!(
            e(
                json!({"type": "object", "properties": {"a-b": {"type": "string", "description": "甲 / A"}}, "required": ["a-b"]})
            ),
            "{\n  /** 甲 / A */\n  \"a-b\": string;\n}"
        );
        assert!(expr(&json!({"$ref": "#/$defs/Missing"}), &ctx, 0).is_err());
        assert!(expr(&json!({"$ref": "other.json"}), &ctx, 0).is_err());
    }
}
