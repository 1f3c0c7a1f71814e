//! What every skin answers the same way (above the operation table): the report for an
//! operation name the table does not have (with the nearest real name), the report for
//! an internal failure, the one-finding report of a skin-only condition, and the public
//! list of operations with public type names (schema stems such as `score-result`,
//! never a Rust path). The C ABI (`ffi/`) and the WASM build (`wasm/`) only marshal these.
//!
//! | code | when |
//! |---|---|
//! | `operation.unknown` | no operation of that name is in the table |
//! | `operation.internal` | the library failed inside (a C landing pad caught a panic, the WASM module trapped) |
//! | `operation.input_not_json` | the caller's value could not be written as JSON (a JavaScript value with a cycle, BigInt, `undefined`) |
//! | `abi.null_argument` | (C only) a required pointer argument is NULL |
//! | `wasm.not_initialized` | (WASM only) an operation was called before `init()` finished |

use crate::finding::{Finding, Report, Rule};
use crate::operation::{Operation, kebab};
use crate::rule;
use serde::Serialize;

rule!(
    UNKNOWN,
    "operation.unknown",
    Error,
    "その名前の操作はありません[（もしかして {suggestion}）]",
    "There is no operation of that name[ (did you mean {suggestion}?)]",
    "The operation name is not one of the library's operations (the list: `operations` in \
     Rust, `kyoten_operations` in C, `operations()` in WASM). The name is never repeated in \
     the report; when a real name is close to it, the report suggests that one."
);
rule!(
    INTERNAL,
    "operation.internal",
    Error,
    "ライブラリ内部のエラーです（入力内容は失われていません。不具合として報告してください）",
    "Internal error in the library (the input was not lost; please report it as a bug)",
    "The library failed while running an operation. This is a defect of the library, never \
     of the document: please report it with the operation's name."
);
rule!(
    INPUT_NOT_JSON,
    "operation.input_not_json",
    Error,
    "入力を JSON にできません（循環参照、BigInt、undefined、関数などは使えません）",
    "The input cannot be written as JSON (cycles, BigInt, undefined and functions are not allowed)",
    "The value handed to an operation (in JavaScript) could not be written as JSON text: it \
     holds a cycle, a BigInt, `undefined` or a function. Pass plain objects, arrays, strings, \
     numbers, booleans and null."
);
rule!(
    NULL_ARGUMENT,
    "abi.null_argument",
    Error,
    "必要な引数が NULL です[（引数 {argument}）]",
    "A required argument is NULL[ (argument {argument})]",
    "C only: a pointer the function needs (the operation name, or the input when its length \
     is not zero) was NULL."
);
rule!(
    NOT_INITIALIZED,
    "wasm.not_initialized",
    Error,
    "WASM モジュールがまだ読み込まれていません（先に init() を待ってください）",
    "The WASM module is not loaded yet (await init() first)",
    "WASM only: an operation was called before `init()` finished loading the module. Await \
     `init()` once before the first call."
);

/// Every rule of the skins' common answers. A `static`, not a `const`: the skins read it
/// from their own crates, and a `const` would give each of them its own copy of these
/// rules and their texts (issue 19, P6).
pub static RULES: &[&Rule] = &[
    &UNKNOWN,
    &INTERNAL,
    &INPUT_NOT_JSON,
    &NULL_ARGUMENT,
    &NOT_INITIALIZED,
];

/// The report written when even serialising a report failed: `operation.internal`.
pub const INTERNAL_JSON: &str = r#"{"operation":"","valid":false,"errors":1,"warnings":0,"infos":0,"findings":[{"code":"operation.internal","severity":"error","path":"","message_ja":"ライブラリ内部のエラーです（入力内容は失われていません。不具合として報告してください）","message_en":"Internal error in the library (the input was not lost; please report it as a bug)"}]}"#;

/// A report for `operation` whose only finding is `finding`, as JSON; never panics.
pub fn report_json(operation: &str, finding: Finding) -> String {
    let report = Report::<()>::new(operation, vec![finding], None);
    let mut out = crate::emit::JsonOut::default();
    crate::emit::write(&mut out, &report);
    out.into_string()
}

/// The real operation name nearest to `name` (by edit distance), if near enough. Names
/// are ASCII, so only ASCII letters are folded to lower case (no Unicode case tables in
/// the WASM modules: issue 19, P6).
pub fn nearest_operation(name: &str) -> Option<&'static str> {
    let mut k: Vec<char> = Vec::new();
    for c in name.chars() {
        k.push(c.to_ascii_lowercase());
    }
    if k.is_empty() || k.len() > 64 {
        return None;
    }
    let mut best: Option<(usize, &'static str)> = None;
    for op in crate::ops::operations() {
        let mut fc: Vec<char> = Vec::new();
        for c in op.name.chars() {
            fc.push(c);
        }
        let d = crate::input::edit_distance(&k, &fc);
        let limit = (fc.len().max(k.len()) / 3).max(1);
        if d <= limit && best.is_none_or(|(bd, _)| d < bd) {
            best = Some((d, op.name));
        }
    }
    best.map(|(_, n)| n)
}

/// The `operation.unknown` finding for `name`: it never carries the name itself, only the
/// nearest real operation name, if any.
pub fn unknown_operation(name: &str) -> Finding {
    let f = UNKNOWN.at("");
    match nearest_operation(name) {
        Some(n) => f.with("suggestion", n),
        None => f,
    }
}

/// The report for an operation name the table does not have (its `operation` is "": the
/// name is never echoed).
pub fn unknown_operation_json(name: &str) -> String {
    report_json("", unknown_operation(name))
}

/// The report for an internal failure while running `operation` (a real name or "").
pub fn internal_json(operation: &str) -> String {
    let op = crate::ops::find(operation).map_or("", |o| o.name);
    report_json(op, INTERNAL.at(""))
}

/// The report for a caller's value that could not be written as JSON, for the operation
/// called `name` (`operation.unknown` when there is no such operation).
pub fn input_not_json_json(name: &str) -> String {
    match crate::ops::find(name) {
        Some(op) => report_json(op.name, INPUT_NOT_JSON.at("")),
        None => unknown_operation_json(name),
    }
}

/// The public name of a type of the table: its schema stem (`SummaryRequest` →
/// `summary-request`, `crate::scores::ScoreResult` → `score-result`).
pub fn public_type_name(rust_type: &str) -> String {
    let ty = rust_type.split('<').next().unwrap_or(rust_type).trim();
    match ty.rsplit(':').next().unwrap_or(ty).trim() {
        // `summary.to_fhir` writes a FHIR document Bundle (free-form JSON).
        "Value" => "fhir-bundle".to_owned(),
        other => kebab(other),
    }
}

/// One entry of the public operation list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, crate::emit::Emit)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct OperationInfo {
    /// 名前 / Stable name, e.g. `plan.validate`.
    pub name: &'static str,
    /// 説明（日本語） / One line in Japanese.
    pub summary_ja: &'static str,
    /// 説明（英語） / One line in English.
    pub summary_en: &'static str,
    /// 入力の型 / The input document type: its schema stem (`summary-request`), also the
    /// stem of its example files.
    pub input_type: String,
    /// 結果の型 / The report's `result` type, by its public name (`score-result`).
    pub output_type: String,
    /// 入力の型の名前（ファイル名） / Same as `input_type`: the stem of
    /// `schemas/<input_stem>.schema.json` and `schemas/examples/<input_stem>.<label>.json`.
    pub input_stem: String,
}

/// The public list of every operation, in table order.
pub fn operation_list() -> Vec<OperationInfo> {
    let mut out = Vec::new();
    for op in crate::ops::operations() {
        out.push(info(op));
    }
    out
}

fn info(op: &Operation) -> OperationInfo {
    OperationInfo {
        name: op.name,
        summary_ja: op.summary_ja,
        summary_en: op.summary_en,
        input_type: op.input_stem(),
        output_type: public_type_name(op.output_type),
        input_stem: op.input_stem(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_operation_suggests_a_real_name_and_never_echoes() {
        let v: serde_json::Value =
            serde_json::from_str(&unknown_operation_json("plan.validat")).unwrap();
        assert_eq!(v["operation"], "");
        assert_eq!(v["valid"], false);
        let f = &v["findings"][0];
        assert_eq!(f["code"], "operation.unknown");
        assert_eq!(
            f["message_en"],
            "There is no operation of that name (did you mean plan.validate?)"
        );
        assert_eq!(
            f["message_ja"],
            "その名前の操作はありません（もしかして plan.validate）"
        );
        // Far from every name: no suggestion, and the text given is not in the report.
        let s = unknown_operation_json("山田花子 090-1234-5678");
        assert!(!s.contains("山田") && !s.contains("090"), "{s}");
        let v: serde_json::Value = serde_json::from_str(&s).unwrap();
        assert_eq!(
            v["findings"][0]["message_en"],
            "There is no operation of that name"
        );
    }

    #[test]
    fn internal_and_not_json_reports() {
        let v: serde_json::Value = serde_json::from_str(INTERNAL_JSON).unwrap();
        assert_eq!(v["findings"][0]["code"], "operation.internal");
        // The constant says what the rule says.
        assert_eq!(v["findings"][0]["message_ja"], INTERNAL.ja);
        assert_eq!(v["findings"][0]["message_en"], INTERNAL.en);
        let v: serde_json::Value = serde_json::from_str(&internal_json("tasks.list")).unwrap();
        assert_eq!(v["operation"], "tasks.list");
        assert_eq!(v["findings"][0]["code"], "operation.internal");
        let v: serde_json::Value = serde_json::from_str(&internal_json("x y")).unwrap();
        assert_eq!(v["operation"], "");
        let v: serde_json::Value =
            serde_json::from_str(&input_not_json_json("tasks.list")).unwrap();
        assert_eq!(v["findings"][0]["code"], "operation.input_not_json");
        let v: serde_json::Value = serde_json::from_str(&input_not_json_json("nope")).unwrap();
        assert_eq!(v["findings"][0]["code"], "operation.unknown");
    }

    #[test]
    fn operation_list_has_public_type_names() {
        let list = operation_list();
        assert_eq!(list.len(), crate::ops::operations().count());
        let scores = list.iter().find(|o| o.name == "summary.scores").unwrap();
        assert_eq!(scores.input_type, "summary-request");
        assert_eq!(scores.output_type, "score-result");
        let fhir = list.iter().find(|o| o.name == "summary.to_fhir").unwrap();
        assert_eq!(fhir.output_type, "fhir-bundle");
        for o in &list {
            for t in [&o.input_type, &o.output_type] {
                assert!(
                    !t.contains(':') && !t.chars().any(char::is_uppercase),
                    "{}: {t}",
                    o.name
                );
            }
        }
    }
}
