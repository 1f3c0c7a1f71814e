//! Property tests tying the JSON Schemas to the Rust model, written over the operation
//! table and the example documents only (a new operation or example is covered without
//! changing this file):
//!
//! - every example is accepted by its schema and by every operation taking it;
//! - every report the library writes (for examples, invalid documents, hostile inputs and
//!   random schema-generated documents) is accepted by the operation's report schema;
//! - every mutation of an example that the schema rejects (a required field dropped, an
//!   unknown field added, a value of another type, a number out of range, a bad date, an
//!   array grown or shrunk) is rejected by the Rust operation too. The reverse (Rust
//!   stricter than the schema: cross-field rules, real calendar dates …) is allowed and
//!   only counted.

use jsonschema::{Draft, Validator};
use proptest::prelude::*;
use serde_json::{Map, Value, json};
use std::collections::BTreeMap;

fn validator(schema: &Value) -> Validator {
    jsonschema::options()
        .with_draft(Draft::Draft202012)
        .should_validate_formats(true)
        .build(schema)
        .unwrap_or_else(|e| panic!("schema does not compile: {e}"))
}

/// Input stem → (input validator, input schema, operations).
struct Stem {
    schema: Value,
    input: Validator,
    ops: Vec<(&'static kyoten_core::Operation, Validator)>,
    examples: Vec<(String, Value)>,
}

/// Built once per test binary: compiling every schema is not free in a debug build.
fn stems() -> &'static BTreeMap<String, Stem> {
    static STEMS: std::sync::OnceLock<BTreeMap<String, Stem>> = std::sync::OnceLock::new();
    STEMS.get_or_init(build_stems)
}

fn build_stems() -> BTreeMap<String, Stem> {
    let root = kyoten_schemas::workspace_root();
    let mut out: BTreeMap<String, Stem> = BTreeMap::new();
    for op in kyoten_core::ops::operations() {
        let stem = kyoten_schemas::input_stem(op);
        let entry = out.entry(stem.clone()).or_insert_with(|| {
            let schema = kyoten_schemas::input_schema(op);
            Stem {
                input: validator(&schema),
                schema,
                ops: Vec::new(),
                examples: kyoten_schemas::examples_of(&root, &stem).expect("examples readable"),
            }
        });
        entry
            .ops
            .push((op, validator(&kyoten_schemas::output_schema(op))));
    }
    out
}

/// Runs `op` on `doc`; asserts the report matches the report schema; returns the report.
fn run_checked(op: &kyoten_core::Operation, report_schema: &Validator, bytes: &[u8]) -> Value {
    let out = (op.run)(bytes, &kyoten_core::input::Limits::default());
    let report: Value = serde_json::from_str(&out.json).expect("report is JSON");
    let errors: Vec<String> = report_schema
        .iter_errors(&report)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(
        errors.is_empty(),
        "{}: report does not match its schema: {errors:?}\nreport: {report}",
        op.name
    );
    assert_eq!(report["valid"], Value::Bool(out.valid));
    report
}

fn is_valid_report(r: &Value) -> bool {
    r["valid"] == Value::Bool(true)
}

#[test]
fn every_example_is_accepted_by_its_schema_and_its_operations() {
    let mut n = 0;
    for (stem, s) in stems() {
        for (name, doc) in &s.examples {
            let errs: Vec<String> = s.input.iter_errors(doc).map(|e| e.to_string()).collect();
            assert!(errs.is_empty(), "{name} ({stem}): {errs:?}");
            let bytes = serde_json::to_vec(doc).expect("bytes");
            for (op, out) in &s.ops {
                let r = run_checked(op, out, &bytes);
                assert!(is_valid_report(&r), "{name}: {} finds errors: {r}", op.name);
                n += 1;
            }
        }
    }
    assert!(n > 0, "no example document was checked");
}

#[test]
fn reports_of_invalid_and_hostile_inputs_match_the_report_schema() {
    let root = kyoten_schemas::workspace_root();
    // (file name, bytes, whether the schema must reject it too): documents in `invalid/`
    // break the schema; documents in `failing/` are meant to trip rules only.
    let mut invalid: Vec<(String, Vec<u8>, bool)> = Vec::new();
    for (dir, schema_rejects) in [("invalid", true), ("failing", false)] {
        if let Ok(entries) = std::fs::read_dir(root.join("schemas/examples").join(dir)) {
            for e in entries.flatten() {
                let name = e.file_name().to_string_lossy().into_owned();
                invalid.push((name, std::fs::read(e.path()).expect("read"), schema_rejects));
            }
        }
    }
    let hostile: Vec<&[u8]> = vec![
        b"",
        b"{",
        b"null",
        b"[]",
        b"{}",
        b"\"text\"",
        b"1e400",
        &[0xff, 0xfe, 0x00],
        b"{\"$schema\": 7}",
        b"{\"a\":1,\"a\":2}",
    ];
    for (stem, s) in stems() {
        for (op, out) in &s.ops {
            for h in &hostile {
                run_checked(op, out, h);
            }
        }
        for (name, bytes, schema_rejects) in &invalid {
            if kyoten_schemas::stem_from_file_name(std::path::Path::new(name)).as_deref()
                != Some(stem.as_str())
            {
                continue;
            }
            // Every report matches its schema; at least one operation taking the type
            // (its validator) rejects the document.
            let rejected = s
                .ops
                .iter()
                .filter(|(op, out)| !is_valid_report(&run_checked(op, out, bytes)))
                .count();
            assert!(rejected > 0, "{name} accepted by every operation");
            if *schema_rejects {
                let doc: Value = serde_json::from_slice(bytes).expect("invalid docs are JSON");
                assert!(!s.input.is_valid(&doc), "{name} accepted by the schema");
            }
        }
    }
}

/// One mutation of a document: where (a JSON Pointer) and what. Small, so that all
/// mutations of a large document can be listed without cloning it for each.
#[derive(Debug, Clone)]
struct Mutation {
    at: String,
    change: Change,
}

#[derive(Debug, Clone)]
enum Change {
    Drop(String),
    AddUnknown,
    Push(Value),
    RemoveFirst,
    Replace(String, Value),
}

/// A mutated document and a description of the mutation.
#[derive(Debug, Clone)]
struct Mutant {
    what: String,
    doc: Value,
}

fn pointer_tokens(doc: &Value) -> Vec<Vec<String>> {
    fn walk(v: &Value, at: &mut Vec<String>, out: &mut Vec<Vec<String>>) {
        out.push(at.clone());
        match v {
            Value::Object(m) => {
                for (k, sub) in m {
                    at.push(k.clone());
                    walk(sub, at, out);
                    at.pop();
                }
            }
            Value::Array(a) => {
                for (i, sub) in a.iter().enumerate() {
                    at.push(i.to_string());
                    walk(sub, at, out);
                    at.pop();
                }
            }
            _ => {}
        }
    }
    let mut out = Vec::new();
    walk(doc, &mut Vec::new(), &mut out);
    out
}

fn pointer(tokens: &[String]) -> String {
    tokens
        .iter()
        .map(|t| format!("/{}", t.replace('~', "~0").replace('/', "~1")))
        .collect()
}

/// Values of other types and out-of-range values to put in place of `v`.
fn replacements(v: &Value) -> Vec<(String, Value)> {
    let mut r: Vec<(String, Value)> = vec![
        ("null".into(), Value::Null),
        ("true".into(), json!(true)),
        ("-1".into(), json!(-1)),
        ("1.5".into(), json!(1.5)),
        ("a string".into(), json!("x")),
        ("an empty array".into(), json!([])),
        ("an empty object".into(), json!({})),
    ];
    match v {
        Value::Number(_) => {
            r.push(("0".into(), json!(0)));
            r.push(("2^32".into(), json!(4_294_967_296u64)));
            r.push(("1e20".into(), json!(1e20)));
            r.push(("u64::MAX".into(), json!(u64::MAX)));
            if let Some(n) = v.as_i64() {
                for d in [1i64, -1, 256, -256, 100_000] {
                    if let Some(m) = n.checked_add(d) {
                        r.push((format!("{n}{d:+}"), json!(m)));
                    }
                }
                r.push((format!("{n}.5"), json!(n as f64 + 0.5)));
            }
        }
        Value::String(s) => {
            r.push(("an empty string".into(), json!("")));
            r.push(("an impossible date".into(), json!("2024-02-30")));
            r.push(("a slashed date".into(), json!("2024/02/01")));
            r.push(("a number".into(), json!(7)));
            r.push(("an unknown choice".into(), json!(format!("{s}_unknown"))));
        }
        _ => r.push(("0".into(), json!(0))),
    }
    r
}

/// Most mutations checked per example document by the exhaustive test (spread evenly over
/// the document); the random composed-mutation test reaches the others.
const MAX_MUTATIONS_PER_EXAMPLE: usize = 600;

/// The mutations of `doc`, one per (path with array indices wildcarded, change): the
/// items of an array share a schema, so mutating every item adds time, not coverage.
fn distinct_mutations(doc: &Value) -> Vec<Mutation> {
    let mut seen = std::collections::BTreeSet::new();
    let all: Vec<Mutation> = mutations(doc)
        .into_iter()
        .filter(|m| {
            let shape: Vec<&str> =
                m.at.split('/')
                    .map(|t| {
                        if !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit()) {
                            "*"
                        } else {
                            t
                        }
                    })
                    .collect();
            let change = match &m.change {
                Change::Drop(k) => format!("drop {k}"),
                Change::Replace(what, _) => format!("replace {what}"),
                other => format!("{other:?}"),
            };
            seen.insert((shape.join("/"), change))
        })
        .collect();
    let stride = all.len().div_ceil(MAX_MUTATIONS_PER_EXAMPLE).max(1);
    all.into_iter().step_by(stride).collect()
}

/// Every single mutation of `doc`.
fn mutations(doc: &Value) -> Vec<Mutation> {
    let mut out = Vec::new();
    for tokens in pointer_tokens(doc) {
        let at = pointer(&tokens);
        let Some(node) = doc.pointer(&at) else {
            continue;
        };
        let mut push = |change| {
            out.push(Mutation {
                at: at.clone(),
                change,
            })
        };
        match node {
            Value::Object(m) => {
                m.keys().for_each(|k| push(Change::Drop(k.clone())));
                push(Change::AddUnknown);
            }
            Value::Array(a) => {
                if let Some(first) = a.first() {
                    push(Change::Push(first.clone()));
                    push(Change::RemoveFirst);
                }
                push(Change::Push(Value::Null));
            }
            _ => {}
        }
        if tokens.is_empty() {
            // The whole document: only structural replacements.
            push(Change::Replace("an array".into(), json!([])));
            push(Change::Replace("null".into(), Value::Null));
            push(Change::Replace("a string".into(), json!("x")));
            continue;
        }
        for (what, v) in replacements(node) {
            if &v != node {
                push(Change::Replace(what, v));
            }
        }
    }
    out
}

fn apply(doc: &Value, m: &Mutation) -> Mutant {
    let mut d = doc.clone();
    let what = match &m.change {
        Change::Drop(k) => format!("drop {k:?}"),
        Change::AddUnknown => "add an unknown field".into(),
        Change::Push(v) => format!(
            "append {}",
            if v.is_null() {
                "null"
            } else {
                "a copy of the first item"
            }
        ),
        Change::RemoveFirst => "remove the first item".into(),
        Change::Replace(what, _) => format!("replace by {what}"),
    };
    if let Some(t) = d.pointer_mut(&m.at) {
        match (&m.change, t) {
            (Change::Drop(k), Value::Object(o)) => {
                o.remove(k);
            }
            (Change::AddUnknown, Value::Object(o)) => {
                o.insert("zz_unknown_field".into(), json!(1));
            }
            (Change::Push(v), Value::Array(a)) => a.push(v.clone()),
            (Change::RemoveFirst, Value::Array(a)) if !a.is_empty() => {
                a.remove(0);
            }
            (Change::Replace(_, v), t) => *t = v.clone(),
            _ => {}
        }
    }
    Mutant {
        what: format!("{what} at {:?}", m.at),
        doc: d,
    }
}

#[derive(Default, Debug)]
struct Tally {
    mutants: usize,
    schema_rejects: usize,
    rust_stricter: usize,
    /// The schema rejects it, one operation taking the type rejects it, another does not
    /// (an operation that computes rather than validates). Listed, not failed.
    lenient: Vec<String>,
    /// The schema rejects it and no operation taking the type does: a bug.
    bugs: Vec<String>,
}

/// Judges one mutant: when the schema rejects it, at least one operation taking its type
/// (the type's validator) must reject it too.
fn judge(stem: &str, s: &Stem, example: &str, m: &Mutant, tally: &mut Tally) {
    tally.mutants += 1;
    let schema_ok = s.input.is_valid(&m.doc);
    let bytes = serde_json::to_vec(&m.doc).expect("bytes");
    let mut accepting = Vec::new();
    for (op, _) in &s.ops {
        let rust_ok = (op.run)(&bytes, &kyoten_core::input::Limits::default()).valid;
        if rust_ok {
            accepting.push(op.name);
        } else if schema_ok {
            tally.rust_stricter += 1;
        }
    }
    if schema_ok {
        return;
    }
    tally.schema_rejects += 1;
    if accepting.len() == s.ops.len() {
        tally.bugs.push(format!(
            "{stem}: {example}: {}: the schema rejects it but every operation accepts it ({})",
            m.what,
            accepting.join(", ")
        ));
    } else if !accepting.is_empty() {
        tally.lenient.push(format!(
            "{stem}: {example}: {}: the schema rejects it; accepted by {}",
            m.what,
            accepting.join(", ")
        ));
    }
}

#[test]
fn what_the_schema_rejects_the_rust_operations_reject() {
    let mut tally = Tally::default();
    for (stem, s) in stems() {
        for (name, doc) in &s.examples {
            for m in distinct_mutations(doc) {
                judge(stem, s, name, &apply(doc, &m), &mut tally);
            }
        }
    }
    eprintln!(
        "{} mutants, {} rejected by the schema, {} (operation, mutant) pairs where the rules are stricter than the schema",
        tally.mutants, tally.schema_rejects, tally.rust_stricter
    );
    for l in &tally.lenient {
        eprintln!("note: {l}");
    }
    assert!(tally.mutants > 0 && tally.schema_rejects > 0, "{tally:?}");
    assert!(
        tally.bugs.is_empty(),
        "the Rust validator accepts documents the schema rejects ({}):\n{}",
        tally.bugs.len(),
        tally.bugs.join("\n")
    );
}

#[test]
fn mutation_finder_catches_a_schema_that_is_stricter_than_rust() {
    // The property must be able to fail: against a schema that forbids what the model
    // allows (here: no `$schema` key at all), a valid example becomes a "bug".
    let (stem, mut s) = build_stems()
        .into_iter()
        .find(|(_, s)| !s.examples.is_empty())
        .expect("a stem with an example");
    let mut strict = s.schema.clone();
    if let Some(Value::Object(props)) = strict.get_mut("properties") {
        props.remove("$schema");
    }
    s.input = validator(&strict);
    let mut tally = Tally::default();
    let mut base = s
        .examples
        .first()
        .map(|(_, d)| d.clone())
        .expect("an example");
    if let Value::Object(m) = &mut base {
        m.insert("$schema".into(), json!(format!("../{stem}.schema.json")));
    }
    judge(
        &stem,
        &s,
        "probe",
        &Mutant {
            what: "unchanged".into(),
            doc: base,
        },
        &mut tally,
    );
    assert_eq!(tally.bugs.len(), 1, "{tally:?}");
}

/// A document generated from a schema by a tiny random walk (enough of the subset
/// schemars emits). Deterministic in `seed`.
struct Gen<'a> {
    root: &'a Value,
    state: u64,
    depth: usize,
}

impl Gen<'_> {
    fn next(&mut self) -> u64 {
        // xorshift64*
        self.state ^= self.state >> 12;
        self.state ^= self.state << 25;
        self.state ^= self.state >> 27;
        self.state.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: u64) -> u64 {
        if n == 0 { 0 } else { self.next() % n }
    }
    fn value(&mut self, schema: &Value) -> Value {
        self.depth += 1;
        let v = self.value_inner(schema);
        self.depth -= 1;
        v
    }
    fn value_inner(&mut self, schema: &Value) -> Value {
        let schema = match schema.get("$ref").and_then(Value::as_str) {
            Some(r) => r
                .strip_prefix("#/$defs/")
                .and_then(|n| self.root.get("$defs").and_then(|d| d.get(n)))
                .unwrap_or(schema)
                .clone(),
            None => schema.clone(),
        };
        if let Some(c) = schema.get("const") {
            return c.clone();
        }
        if let Some(Value::Array(e)) = schema.get("enum") {
            let i = self.below(e.len() as u64) as usize;
            return e.get(i).cloned().unwrap_or(Value::Null);
        }
        for key in ["oneOf", "anyOf"] {
            if let Some(Value::Array(alts)) = schema.get(key) {
                let i = self.below(alts.len() as u64) as usize;
                if let Some(a) = alts.get(i) {
                    return self.value(a);
                }
            }
        }
        if let Some(Value::Array(all)) = schema.get("allOf")
            && let Some(first) = all.first()
        {
            return self.value(first);
        }
        let types: Vec<String> = match schema.get("type") {
            Some(Value::String(t)) => vec![t.clone()],
            Some(Value::Array(a)) => a
                .iter()
                .filter_map(Value::as_str)
                .map(str::to_owned)
                .collect(),
            _ => vec!["object".into()],
        };
        let non_null: Vec<&String> = types.iter().filter(|t| *t != "null").collect();
        let t = if non_null.is_empty() || (types.len() > non_null.len() && self.below(4) == 0) {
            "null".to_owned()
        } else {
            let i = self.below(non_null.len() as u64) as usize;
            non_null.get(i).map_or("null".to_owned(), |t| (*t).clone())
        };
        let num = |k: &str| schema.get(k).and_then(Value::as_f64);
        match t.as_str() {
            "null" => Value::Null,
            "boolean" => json!(self.below(2) == 1),
            "integer" => {
                let lo = num("minimum").unwrap_or(-1000.0).max(-1e6) as i64;
                let hi = num("maximum")
                    .unwrap_or(lo as f64 + 1000.0)
                    .min(lo as f64 + 1e6) as i64;
                let span = u64::try_from(hi.saturating_sub(lo))
                    .unwrap_or(0)
                    .saturating_add(1);
                json!(lo.saturating_add(self.below(span) as i64))
            }
            "number" => {
                let lo = num("minimum").unwrap_or(-1000.0);
                let hi = num("maximum").unwrap_or(lo + 1000.0);
                json!(lo + (hi - lo) * (self.below(1001) as f64 / 1000.0))
            }
            "string" => {
                if schema.get("format").and_then(Value::as_str) == Some("date") {
                    let y = 1990 + self.below(45);
                    let m = 1 + self.below(12);
                    let d = 1 + self.below(28);
                    return json!(format!("{y:04}-{m:02}-{d:02}"));
                }
                // An approximate month (ApproxMonth), `YYYY-MM`.
                if schema.get("pattern").and_then(Value::as_str)
                    == Some("^[0-9]{4}-(0[1-9]|1[0-2])$")
                {
                    let y = 1990 + self.below(45);
                    let m = 1 + self.below(12);
                    return json!(format!("{y:04}-{m:02}"));
                }
                // A string with a pattern (child id, municipality code): one of the
                // schema's own examples.
                if schema.get("pattern").is_some()
                    && let Some(Value::Array(ex)) = schema.get("examples")
                    && !ex.is_empty()
                {
                    return ex[self.below(ex.len() as u64) as usize].clone();
                }
                let min = schema.get("minLength").and_then(Value::as_u64).unwrap_or(0);
                let len = min + self.below(6);
                let alphabet = ['あ', '令', '和', 'a', 'Z', '1', ' ', '年'];
                let s: String = (0..len)
                    .map(|_| alphabet[self.below(alphabet.len() as u64) as usize])
                    .collect();
                json!(s)
            }
            "array" => {
                let min = schema.get("minItems").and_then(Value::as_u64).unwrap_or(0);
                let max = schema
                    .get("maxItems")
                    .and_then(Value::as_u64)
                    .unwrap_or(min + 3);
                let n = if self.depth > 6 {
                    min
                } else {
                    min + self.below(max.saturating_sub(min) + 1)
                };
                let items = schema.get("items").cloned().unwrap_or(json!({}));
                Value::Array((0..n).map(|_| self.value(&items)).collect())
            }
            _ => {
                let mut m = Map::new();
                let required: Vec<String> = schema
                    .get("required")
                    .and_then(Value::as_array)
                    .map(|r| {
                        r.iter()
                            .filter_map(Value::as_str)
                            .map(str::to_owned)
                            .collect()
                    })
                    .unwrap_or_default();
                if let Some(Value::Object(props)) = schema.get("properties") {
                    for (k, sub) in props {
                        if k == "$schema" {
                            continue;
                        }
                        if required.contains(k) || (self.depth < 6 && self.below(2) == 0) {
                            let v = self.value(sub);
                            m.insert(k.clone(), v);
                        }
                    }
                }
                Value::Object(m)
            }
        }
    }
}

fn generated(schema: &Value, seed: u64) -> Value {
    Gen {
        root: schema,
        state: seed | 1,
        depth: 0,
    }
    .value(schema)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, failure_persistence: None, ..ProptestConfig::default() })]

    /// Documents generated from each input schema: the schema accepts them (the generator
    /// and the schema agree), every operation reads them without panicking and writes a
    /// report its report schema accepts; where the schema accepts a document that the
    /// Rust reader refuses as malformed (`input.*`), the rules are stricter (allowed).
    #[test]
    fn generated_documents_give_reports_matching_the_report_schema(seed in any::<u64>()) {
        for (stem, s) in stems() {
            let doc = generated(&s.schema, seed);
            let errs: Vec<String> = s.input.iter_errors(&doc).map(|e| format!("{e} at {}", e.instance_path())).collect();
            prop_assert!(errs.is_empty(), "{}: generated document rejected by its schema: {:?}\n{}", stem, errs, doc);
            let bytes = serde_json::to_vec(&doc).expect("bytes");
            for (op, out) in &s.ops {
                run_checked(op, out, &bytes);
            }
        }
    }

    /// Random compositions of up to three mutations of a random example.
    #[test]
    fn composed_mutations_rejected_by_the_schema_are_rejected_by_rust(
        picks in proptest::collection::vec(any::<prop::sample::Index>(), 1..=3),
        which in any::<prop::sample::Index>(),
    ) {
        let all = stems();
        let docs: Vec<(&String, &Stem, &String, &Value)> = all
            .iter()
            .flat_map(|(stem, s)| s.examples.iter().map(move |(n, d)| (stem, s, n, d)))
            .collect();
        prop_assume!(!docs.is_empty());
        let (stem, s, name, doc) = docs[which.index(docs.len())];
        let mut current = doc.clone();
        let mut what = Vec::new();
        for p in &picks {
            let ms = mutations(&current);
            if ms.is_empty() { break; }
            let m = apply(&current, &ms[p.index(ms.len())]);
            what.push(m.what);
            current = m.doc;
        }
        let mut tally = Tally::default();
        judge(stem, s, name, &Mutant { what: what.join(", then "), doc: current }, &mut tally);
        prop_assert!(tally.bugs.is_empty(), "{}", tally.bugs.join("\n"));
    }
}

#[test]
#[ignore = "prints the mutants where the rules are stricter than the schema (documentation aid)"]
fn list_where_rules_are_stricter() {
    for (stem, s) in stems() {
        for (name, doc) in &s.examples {
            for m in mutations(doc) {
                let m = apply(doc, &m);
                if !s.input.is_valid(&m.doc) {
                    continue;
                }
                let bytes = serde_json::to_vec(&m.doc).expect("bytes");
                for (op, _) in &s.ops {
                    let out = (op.run)(&bytes, &kyoten_core::input::Limits::default());
                    if !out.valid {
                        let r: Value = serde_json::from_str(&out.json).expect("json");
                        let codes: Vec<&str> = r["findings"]
                            .as_array()
                            .map(|f| f.iter().filter_map(|f| f["code"].as_str()).collect())
                            .unwrap_or_default();
                        eprintln!("{stem} {name}: {}: {} {codes:?}", m.what, op.name);
                    }
                }
            }
        }
    }
}

#[test]
#[ignore = "prints where schema-valid generated documents are refused by the Rust reader (documentation aid)"]
fn list_where_the_reader_is_stricter_than_the_schema() {
    let mut seen = std::collections::BTreeSet::new();
    for seed in 1..400u64 {
        for (stem, s) in stems() {
            let doc = generated(&s.schema, seed.wrapping_mul(0x9E37_79B9_7F4A_7C15));
            let bytes = serde_json::to_vec(&doc).expect("bytes");
            for (op, _) in &s.ops {
                let out = (op.run)(&bytes, &kyoten_core::input::Limits::default());
                let r: Value = serde_json::from_str(&out.json).expect("json");
                for f in r["findings"].as_array().into_iter().flatten() {
                    let code = f["code"].as_str().unwrap_or("");
                    if code.starts_with("input.") {
                        let path = f["path"].as_str().unwrap_or("");
                        let shape: String = path
                            .split('/')
                            .map(|t| {
                                if t.bytes().all(|b| b.is_ascii_digit()) && !t.is_empty() {
                                    "*"
                                } else {
                                    t
                                }
                            })
                            .collect::<Vec<_>>()
                            .join("/");
                        if seen.insert((op.name, code.to_owned(), shape.clone())) {
                            eprintln!("{stem} {}: {code} at {shape}: {}", op.name, f["message_en"]);
                        }
                    }
                }
            }
        }
    }
}
