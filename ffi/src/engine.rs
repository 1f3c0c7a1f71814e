//! The safe half of the C ABI: everything the exports compute, as plain Rust over
//! borrowed slices and strings. The exports in the crate root only read pointers, call
//! into here inside a landing pad, and write the answer into the caller's
//! out-parameters.
//!
//! Nothing here names an operation: every operation of the core's table
//! ([`kyoten_core::ops::operations`]) is reachable by its name, and operations added to
//! the table later appear without a change here.
//!
//! Every report here comes from the core ([`kyoten_core::surface`]): `operation.unknown`
//! (with the nearest real operation name), `operation.internal` (the landing pad caught a
//! panic) and the C-only `abi.null_argument` are rules of the core's catalogue.

use crate::KyotenStatus;
use kyoten_core::finding::Finding;
use kyoten_core::input::{InputProblem, Limits};
use kyoten_core::ops::{self, Operation};
use kyoten_core::surface;

/// What one call answers: a status, a JSON document, and whether the report is valid.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Answer {
    /// The call's status.
    pub status: KyotenStatus,
    /// The JSON document handed to the caller (a report, a list or a schema).
    pub json: String,
    /// True iff the call ran (`Ok`) and the report has no error finding.
    pub valid: bool,
}

/// The report used when even serialising a report failed (the core's).
pub const INTERNAL_JSON: &str = surface::INTERNAL_JSON;

/// A failed call: `status` with a one-finding report.
pub fn failure(status: KyotenStatus, operation: &str, finding: Finding) -> Answer {
    Answer {
        status,
        json: surface::report_json(operation, finding),
        valid: false,
    }
}

/// A required argument (`which`, the library's own parameter name) was NULL.
pub fn null_argument(operation: &str, which: &'static str) -> Answer {
    failure(
        KyotenStatus::NullArgument,
        operation,
        surface::NULL_ARGUMENT.at("").with("argument", which),
    )
}

/// The operation name did not match any operation (or was not UTF-8: `name` is then "").
/// The name is not echoed; the nearest real name may be suggested.
pub fn unknown_operation(name: &str) -> Answer {
    Answer {
        status: KyotenStatus::UnknownOperation,
        json: surface::unknown_operation_json(name),
        valid: false,
    }
}

/// The landing pad caught a panic.
pub fn internal() -> Answer {
    Answer {
        status: KyotenStatus::Internal,
        json: surface::internal_json(""),
        valid: false,
    }
}

/// The input is longer than the limit: answered before a byte of it is read, with the
/// core's own `input.too_large` rule.
pub fn too_large(operation: &str, len: usize, limit: usize) -> Answer {
    failure(
        KyotenStatus::TooLarge,
        operation,
        kyoten_core::input::TOO_LARGE
            .at("")
            .with("size", len)
            .with("limit", limit),
    )
}

/// The limits for a per-call maximum; 0 means the default (16 MiB).
pub fn limits(max_input_bytes: usize) -> Limits {
    if max_input_bytes == 0 {
        Limits::default()
    } else {
        Limits {
            max_input_bytes,
            ..Limits::default()
        }
    }
}

/// Maps the core's reading problem to a status.
pub fn status_of(problem: Option<InputProblem>) -> KyotenStatus {
    match problem {
        None => KyotenStatus::Ok,
        Some(InputProblem::TooLarge) => KyotenStatus::TooLarge,
        Some(InputProblem::NotUtf8) => KyotenStatus::NotUtf8,
        Some(InputProblem::NotJson) => KyotenStatus::NotJson,
        Some(InputProblem::Shape) => KyotenStatus::InvalidShape,
        Some(InputProblem::Options) => KyotenStatus::InvalidOptions,
    }
}

/// Runs `op` on `input` (already checked against `limits` by the caller or not: the core
/// checks again).
pub fn run_op(op: &Operation, input: &[u8], limits: &Limits) -> Answer {
    let outcome = (op.run)(input, limits);
    let status = status_of(outcome.problem);
    Answer {
        status,
        valid: outcome.valid && status == KyotenStatus::Ok,
        json: outcome.json,
    }
}

/// The answer when the run options cannot be read (the core's report of them).
pub fn options_refused(outcome: kyoten_core::Outcome) -> Answer {
    Answer {
        status: status_of(outcome.problem),
        valid: false,
        json: outcome.json,
    }
}

/// Runs the operation called `name` on `input`, with the size checked first.
pub fn run(name: &str, input: &[u8], limits: &Limits) -> Answer {
    match ops::find(name) {
        None => unknown_operation(name),
        Some(op) if input.len() > limits.max_input_bytes => {
            too_large(op.name, input.len(), limits.max_input_bytes)
        }
        Some(op) => run_op(op, input, limits),
    }
}

/// The operation list document.
#[derive(Debug, serde::Serialize)]
struct OperationList {
    abi_version: u32,
    version: &'static str,
    operations: Vec<surface::OperationInfo>,
}

/// The list of operations as JSON, keys in this order: `{"abi_version":1,"version":"…",
/// "operations":[{"name","summary_ja","summary_en","input_type","output_type",
/// "input_stem"}…]}`.
pub fn operations_json() -> Answer {
    let doc = OperationList {
        abi_version: crate::KYOTEN_ABI_VERSION,
        version: env!("CARGO_PKG_VERSION"),
        operations: surface::operation_list(),
    };
    match serde_json::to_string(&doc) {
        Ok(json) => Answer {
            status: KyotenStatus::Ok,
            json,
            valid: true,
        },
        Err(_) => internal(),
    }
}

/// Which schema of an operation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Which {
    /// The input document (deserialize contract: what the library accepts).
    Input,
    /// The output report (serialize contract: what the library writes).
    Output,
}

/// The JSON Schema (draft 2020-12) of an operation's input or output: the same schema as
/// the published `schemas/*.schema.json` file (made by `kyoten-schemas` from the same
/// types, deserialize contract for inputs, serialize contract for reports), without its
/// `examples`.
pub fn schema(name: &str, which: Which) -> Answer {
    let Some(op) = ops::find(name) else {
        return unknown_operation(name);
    };
    let schema = match which {
        Which::Input => kyoten_schemas::input_schema(op),
        Which::Output => kyoten_schemas::output_schema(op),
    };
    match serde_json::to_string_pretty(&schema) {
        Ok(json) => Answer {
            status: KyotenStatus::Ok,
            json,
            valid: true,
        },
        Err(_) => internal(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn operation_list_has_every_operation_in_key_order() {
        let a = operations_json();
        assert_eq!(a.status, KyotenStatus::Ok);
        let v: serde_json::Value = serde_json::from_str(&a.json).unwrap();
        let list = v["operations"].as_array().unwrap();
        assert_eq!(list.len(), ops::operations().count());
        for (entry, op) in list.iter().zip(ops::operations()) {
            assert_eq!(entry["name"], op.name);
            assert_eq!(entry["input_stem"], op.input_stem());
        }
        // C callers without a JSON parser may rely on "name" coming first.
        assert!(
            a.json.contains("\"operations\":[{\"name\":\""),
            "{}",
            a.json
        );
    }

    #[test]
    fn limit_zero_is_default() {
        assert_eq!(limits(0), Limits::default());
        assert_eq!(limits(5).max_input_bytes, 5);
    }

    #[test]
    fn failure_reports_are_json_reports() {
        for a in [
            null_argument("x.y", "input"),
            unknown_operation("plan.validat"),
            unknown_operation(""),
            internal(),
            too_large("x.y", 9, 1),
        ] {
            let v: serde_json::Value = serde_json::from_str(&a.json).unwrap();
            assert_eq!(v["valid"], false);
            assert_eq!(v["errors"], 1);
            assert!(!a.valid);
            assert_ne!(a.status, KyotenStatus::Ok);
        }
        let v: serde_json::Value = serde_json::from_str(INTERNAL_JSON).unwrap();
        assert_eq!(v["findings"][0]["code"], "operation.internal");
        let v: serde_json::Value =
            serde_json::from_str(&unknown_operation("plan.validat").json).unwrap();
        assert_eq!(v["findings"][0]["code"], "operation.unknown");
        assert_eq!(v["findings"][0]["args"]["suggestion"], "plan.validate");
    }

    #[test]
    fn operation_list_shows_public_type_names() {
        let v: serde_json::Value = serde_json::from_str(&operations_json().json).unwrap();
        for e in v["operations"].as_array().unwrap() {
            for k in ["input_type", "output_type"] {
                let t = e[k].as_str().unwrap();
                assert!(!t.contains("::") && !t.contains('<'), "{}: {t}", e["name"]);
            }
        }
        let tasks = v["operations"]
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["name"] == "tasks.list")
            .unwrap();
        assert_eq!(tasks["input_type"], "tasks-query");
        assert_eq!(tasks["output_type"], "task-catalogue");
    }
}
