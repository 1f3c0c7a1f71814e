//! # kyoten-wasm
//!
//! ブラウザのフォーム向け WASM 版 / The WASM skin of kyoten for browser forms.
//!
//! A thin loop over the core's operation table ([`kyoten_core::ops::operations`]): every
//! function takes and returns JSON text, so JavaScript never holds a Rust object and never
//! calls `.free()`. The hand-written ES module `wasm/js/index.js` turns these into
//! functions over plain objects (one per operation, named in camelCase).
//!
//! No function here names an operation: a rule added to the core appears in the browser
//! without touching this file. Nothing here throws or traps on any input: an unknown
//! operation or a value that is not JSON gives a report with a finding.
//!
//! | code | when |
//! |---|---|
//! | `wasm.unknown_operation` | [`run`] was asked for an operation the table does not have |
//! | `wasm.input_not_json` | the JavaScript value could not be written as JSON (cycle, BigInt, `undefined`) |
//! | `wasm.not_initialized` | (JS layer) an operation was called before `init()` finished |
//! | `wasm.internal_error` | (JS layer) the module failed while running an operation |
#![forbid(unsafe_code)]
#![deny(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::unreachable
)]
#![warn(missing_docs)]

use kyoten_core::Report;
use kyoten_core::finding::{Rule, Severity};
use serde::Serialize;
use wasm_bindgen::prelude::wasm_bindgen;

kyoten_core::rule!(
    UNKNOWN_OPERATION,
    "wasm.unknown_operation",
    Error,
    "その名前の操作はありません（operations() で一覧を確認してください）",
    "There is no operation of that name (see operations() for the list)"
);

kyoten_core::rule!(
    INPUT_NOT_JSON,
    "wasm.input_not_json",
    Error,
    "入力を JSON にできません（循環参照、BigInt、undefined、関数などは使えません）",
    "The input cannot be written as JSON (cycles, BigInt, undefined and functions are not allowed)"
);

kyoten_core::rule!(
    NOT_INITIALIZED,
    "wasm.not_initialized",
    Error,
    "WASM モジュールがまだ読み込まれていません（先に init() を待ってください）",
    "The WASM module is not loaded yet (await init() first)"
);

kyoten_core::rule!(
    INTERNAL_ERROR,
    "wasm.internal_error",
    Error,
    "内部エラーが起きました（入力内容は失われていません）",
    "An internal error occurred (the input was not lost)"
);

/// Every rule of the WASM skin.
pub const RULES: &[Rule] = &[
    UNKNOWN_OPERATION,
    INPUT_NOT_JSON,
    NOT_INITIALIZED,
    INTERNAL_ERROR,
];

/// One row of [`rules`].
#[derive(Debug, Serialize)]
struct RuleInfo {
    code: &'static str,
    severity: Severity,
    message_ja: &'static str,
    message_en: &'static str,
}

/// One row of [`operations`].
#[derive(Debug, Serialize)]
struct OperationInfo {
    name: &'static str,
    summary_ja: &'static str,
    summary_en: &'static str,
    input_type: &'static str,
    input_stem: String,
    output_type: &'static str,
}

/// Runs the operation `op` on the JSON text `input_json` and returns its report as JSON
/// text (`{"operation", "valid", "errors", "warnings", "infos", "findings", "result"?}`).
///
/// `options_json` (optional) is the run-options document, `{"draft":true}` (schema
/// `schemas/run-options.schema.json`), read by the core as on every surface: in draft
/// mode a missing or empty required field is a reminder (`input.draft.not_filled`) and
/// the operation computes a provisional result. Options that cannot be read give a
/// report of `options.*` findings.
///
/// An unknown operation gives a report with one `wasm.unknown_operation` finding; input
/// that cannot be read gives a report with one `input.*` finding. Never throws.
#[wasm_bindgen]
pub fn run(op: &str, input_json: &str, options_json: Option<String>) -> String {
    let options = options_json.unwrap_or_default();
    match kyoten_core::ops::run_with_options(op, input_json.as_bytes(), options.as_bytes()) {
        Some(outcome) => outcome.json,
        None => error_report(echo_name(op), UNKNOWN_OPERATION.at("")),
    }
}

/// The report for a JavaScript value that could not be written as JSON, for the
/// operation `op`. The JS layer calls this when `JSON.stringify` throws or gives nothing.
#[wasm_bindgen(js_name = inputNotJson)]
pub fn input_not_json(op: &str) -> String {
    let rule = if kyoten_core::ops::find(op).is_some() {
        INPUT_NOT_JSON
    } else {
        UNKNOWN_OPERATION
    };
    error_report(echo_name(op), rule.at(""))
}

/// Every operation as a JSON array of
/// `{"name", "summary_ja", "summary_en", "input_type", "input_stem", "output_type"}`, in
/// table order (`input_stem` is the kebab-case stem of the example files,
/// `schemas/examples/<input_stem>.<label>.json`).
#[wasm_bindgen]
pub fn operations() -> String {
    let list: Vec<OperationInfo> = kyoten_core::ops::operations()
        .map(|op| OperationInfo {
            name: op.name,
            summary_ja: op.summary_ja,
            summary_en: op.summary_en,
            input_type: op.input_type,
            input_stem: op.input_stem(),
            output_type: op.output_type,
        })
        .collect();
    serde_json::to_string(&list).unwrap_or_else(|_| "[]".to_owned())
}

/// Every rule of the WASM skin as a JSON array of
/// `{"code", "severity", "message_ja", "message_en"}`.
#[wasm_bindgen]
pub fn rules() -> String {
    let list: Vec<RuleInfo> = RULES
        .iter()
        .map(|r| RuleInfo {
            code: r.code,
            severity: r.severity,
            message_ja: r.ja,
            message_en: r.en,
        })
        .collect();
    serde_json::to_string(&list).unwrap_or_else(|_| "[]".to_owned())
}

/// The library's version (the crate version), e.g. `0.1.0`.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_owned()
}

/// The requested name as the report's `operation`, only when it looks like an operation
/// name (lower-case dotted, at most 64 characters); otherwise "" so that arbitrary text
/// given as a name is never echoed.
fn echo_name(op: &str) -> &str {
    let looks_like_name = !op.is_empty()
        && op.len() <= 64
        && op
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'.' || b == b'_');
    if looks_like_name { op } else { "" }
}

fn error_report(op: &str, finding: kyoten_core::Finding) -> String {
    let report: Report<()> = Report::new(op, vec![finding], None);
    serde_json::to_string(&report).unwrap_or_else(|_| {
        r#"{"operation":"","valid":false,"errors":1,"warnings":0,"infos":0,"findings":[]}"#
            .to_owned()
    })
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]
    use super::*;
    use serde_json::Value;

    fn parse(s: &str) -> Value {
        serde_json::from_str(s).unwrap()
    }

    #[test]
    fn operations_lists_the_whole_table_in_order() {
        let v = parse(&operations());
        let names: Vec<&str> = v
            .as_array()
            .unwrap()
            .iter()
            .map(|o| o["name"].as_str().unwrap())
            .collect();
        let table: Vec<&str> = kyoten_core::ops::operations().map(|o| o.name).collect();
        assert_eq!(names, table);
        assert!(names.contains(&"tasks.list"));
        let tasks = v
            .as_array()
            .unwrap()
            .iter()
            .find(|o| o["name"] == "tasks.list")
            .unwrap();
        assert_eq!(tasks["input_type"], "TasksQuery");
        assert_eq!(tasks["output_type"], "TaskCatalogue");
        assert_eq!(tasks["input_stem"], "tasks-query");
    }

    #[test]
    fn run_passes_the_options_to_the_core() {
        let v = parse(&run("tasks.list", "{}", Some("{\"colour\":1}".into())));
        assert_eq!(v["findings"][0]["code"], "options.invalid");
        assert_eq!(v["findings"][0]["path"], "/colour");
        let v = parse(&run("calendar.age", "{}", Some("{\"draft\":true}".into())));
        assert_eq!(v["provisional"], true);
        assert_eq!(v["findings"][0]["code"], "input.draft.not_filled");
        assert_eq!(
            run("tasks.list", "{}", Some(String::new())),
            run("tasks.list", "{}", None)
        );
    }

    #[test]
    fn run_gives_the_same_json_as_the_core() {
        for op in kyoten_core::ops::operations() {
            for input in ["{}", "[]", "null", "", "{\"x\":1}"] {
                let direct =
                    (op.run)(input.as_bytes(), &kyoten_core::input::Limits::default()).json;
                assert_eq!(
                    run(op.name, input, None),
                    direct,
                    "{} on {input:?}",
                    op.name
                );
            }
        }
        let v = parse(&run("tasks.list", "{}", None));
        assert_eq!(v["valid"], true);
        assert_eq!(v["result"]["tasks"].as_array().unwrap().len(), 6);
    }

    #[test]
    fn unknown_operation_is_a_report_not_an_error() {
        let v = parse(&run("no.such_op", "{}", None));
        assert_eq!(v["valid"], false);
        assert_eq!(v["errors"], 1);
        assert_eq!(v["operation"], "no.such_op");
        assert_eq!(v["findings"][0]["code"], "wasm.unknown_operation");
        assert_eq!(v["findings"][0]["path"], "");
        assert!(v.get("result").is_none());
        // Arbitrary text given as a name is not echoed anywhere.
        let out = run("山田花子 090-1234", "{}", None);
        assert!(!out.contains("山田"), "{out}");
        assert_eq!(parse(&out)["operation"], "");
        assert_eq!(
            parse(&run("", "", None))["findings"][0]["code"],
            "wasm.unknown_operation"
        );
    }

    #[test]
    fn input_not_json_report() {
        let v = parse(&input_not_json("tasks.list"));
        assert_eq!(v["operation"], "tasks.list");
        assert_eq!(v["valid"], false);
        assert_eq!(v["findings"][0]["code"], "wasm.input_not_json");
        assert_eq!(v["findings"][0]["severity"], "error");
        let v = parse(&input_not_json("nope"));
        assert_eq!(v["findings"][0]["code"], "wasm.unknown_operation");
    }

    #[test]
    fn hostile_text_never_panics() {
        let deep = "[".repeat(50_000);
        let big = format!("\"{}\"", "あ".repeat(100_000));
        for op in kyoten_core::ops::operations() {
            for input in [
                deep.as_str(),
                big.as_str(),
                "\u{0}",
                "{\"a\":1e999}",
                "{\"$schema\":5}",
            ] {
                let v = parse(&run(op.name, input, None));
                assert_eq!(v["valid"], false, "{} on a hostile input", op.name);
                assert!(
                    v["findings"][0]["code"]
                        .as_str()
                        .unwrap()
                        .starts_with("input.")
                );
            }
        }
    }

    #[test]
    fn rules_have_both_messages_and_stable_codes() {
        for r in RULES {
            assert!(r.code.starts_with("wasm."));
            assert!(!r.ja.is_empty() && !r.en.is_empty());
        }
    }

    #[test]
    fn rules_json_lists_every_rule() {
        let v = parse(&rules());
        let codes: Vec<&str> = v
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["code"].as_str().unwrap())
            .collect();
        assert_eq!(
            codes,
            [
                "wasm.unknown_operation",
                "wasm.input_not_json",
                "wasm.not_initialized",
                "wasm.internal_error"
            ]
        );
        assert_eq!(v[2]["message_ja"], NOT_INITIALIZED.ja);
        assert_eq!(v[0]["severity"], "error");
    }

    #[test]
    fn version_is_the_crate_version() {
        assert_eq!(version(), env!("CARGO_PKG_VERSION"));
    }
}
