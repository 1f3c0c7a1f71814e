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
//! Every report of its own comes from the core ([`kyoten_core::surface`]):
//! `operation.unknown` (with the nearest real operation name), `operation.input_not_json`
//! (the JavaScript value could not be written as JSON), `operation.internal` (the JS
//! layer's answer when the module failed) and the WASM-only `wasm.not_initialized` are
//! rules of the core's catalogue; [`rules`] lists them for the JS layer.
#![forbid(unsafe_code)]
#![deny(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::unreachable
)]
#![warn(missing_docs)]

use kyoten_core::emit::{Emit, JsonOut};
use kyoten_core::finding::Severity;
use kyoten_core::surface;
use serde::Serialize;
use wasm_bindgen::prelude::wasm_bindgen;

/// The form module's allocator (feature `small-alloc`): talc over the WASM memory, which
/// it grows as needed; smaller than Rust's default on wasm32 (dlmalloc).
#[cfg(all(feature = "small-alloc", target_arch = "wasm32"))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

/// One row of [`rules`].
#[derive(Debug, Serialize)]
struct RuleInfo {
    code: &'static str,
    severity: Severity,
    message_ja: &'static str,
    message_en: &'static str,
}

/// Written through the core's JSON writer (as every report), not serde's: the form
/// module then carries no serde writing code (issue 19, P6).
impl Emit for RuleInfo {
    fn emit(&self, w: &mut JsonOut) {
        w.begin_object();
        w.name("code");
        w.str(self.code);
        w.name("severity");
        self.severity.emit(w);
        w.name("message_ja");
        w.str(self.message_ja);
        w.name("message_en");
        w.str(self.message_en);
        w.end_object();
    }
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
/// An unknown operation gives a report with one `operation.unknown` finding (the core's); input
/// that cannot be read gives a report with one `input.*` finding. Never throws.
#[wasm_bindgen]
pub fn run(op: &str, input_json: &str, options_json: Option<String>) -> String {
    let options = options_json.unwrap_or_default();
    match kyoten_core::ops::run_with_options(op, input_json.as_bytes(), options.as_bytes()) {
        Some(outcome) => outcome.json,
        None => surface::unknown_operation_json(op),
    }
}

/// The report for a JavaScript value that could not be written as JSON, for the
/// operation `op`. The JS layer calls this when `JSON.stringify` throws or gives nothing.
#[wasm_bindgen(js_name = inputNotJson)]
pub fn input_not_json(op: &str) -> String {
    surface::input_not_json_json(op)
}

/// Every operation as a JSON array of
/// `{"name", "summary_ja", "summary_en", "input_type", "input_stem", "output_type"}`, in
/// table order (`input_stem` is the kebab-case stem of the example files,
/// `schemas/examples/<input_stem>.<label>.json`).
#[wasm_bindgen]
pub fn operations() -> String {
    kyoten_core::emit::to_string(&surface::operation_list())
}

/// The rules of the answers the skins share (the core's `surface` rules:
/// `operation.unknown`, `operation.internal`, `operation.input_not_json`,
/// `abi.null_argument`, `wasm.not_initialized`) as a JSON array of
/// `{"code", "severity", "message_ja", "message_en"}`; the JS layer answers
/// `wasm.not_initialized` and `operation.internal` with these messages.
#[wasm_bindgen]
pub fn rules() -> String {
    let list: Vec<RuleInfo> = surface::RULES
        .iter()
        .map(|r| RuleInfo {
            code: r.code,
            severity: r.severity,
            message_ja: r.ja,
            message_en: r.en,
        })
        .collect();
    kyoten_core::emit::to_string(&list)
}

/// The library's version (the crate version), e.g. `0.1.0`.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_owned()
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
        assert_eq!(tasks["input_type"], "tasks-query");
        assert_eq!(tasks["output_type"], "task-catalogue");
        assert_eq!(tasks["input_stem"], "tasks-query");
    }

    #[test]
    fn the_lists_are_written_as_serde_json_writes_them() {
        assert_eq!(
            operations(),
            serde_json::to_string(&surface::operation_list()).unwrap()
        );
        let list: Vec<RuleInfo> = surface::RULES
            .iter()
            .map(|r| RuleInfo {
                code: r.code,
                severity: r.severity,
                message_ja: r.ja,
                message_en: r.en,
            })
            .collect();
        assert_eq!(rules(), serde_json::to_string(&list).unwrap());
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
        assert_eq!(v["operation"], "");
        assert_eq!(v["findings"][0]["code"], "operation.unknown");
        assert_eq!(v["findings"][0]["path"], "");
        assert!(v.get("result").is_none());
        // Arbitrary text given as a name is not echoed anywhere.
        let out = run("山田花子 090-1234", "{}", None);
        assert!(!out.contains("山田"), "{out}");
        assert_eq!(parse(&out)["operation"], "");
        assert_eq!(
            parse(&run("", "", None))["findings"][0]["code"],
            "operation.unknown"
        );
        // A near miss gets the real name.
        let v = parse(&run("summary.validat", "{}", None));
        assert_eq!(v["findings"][0]["args"]["suggestion"], "summary.validate");
    }

    #[test]
    fn input_not_json_report() {
        let v = parse(&input_not_json("tasks.list"));
        assert_eq!(v["operation"], "tasks.list");
        assert_eq!(v["valid"], false);
        assert_eq!(v["findings"][0]["code"], "operation.input_not_json");
        assert_eq!(v["findings"][0]["severity"], "error");
        let v = parse(&input_not_json("nope"));
        assert_eq!(v["findings"][0]["code"], "operation.unknown");
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
                "operation.unknown",
                "operation.internal",
                "operation.input_not_json",
                "abi.null_argument",
                "wasm.not_initialized"
            ]
        );
        assert_eq!(v[4]["message_ja"], surface::NOT_INITIALIZED.ja);
        assert_eq!(v[0]["severity"], "error");
    }

    #[test]
    fn version_is_the_crate_version() {
        assert_eq!(version(), env!("CARGO_PKG_VERSION"));
    }
}
