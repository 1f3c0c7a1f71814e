//! The operation table: every operation the library offers, declared once.
//!
//! An [`Operation`] is a pure function from one JSON input document to one JSON
//! [`Report`]. The C ABI (`ffi/`), the WASM build (`wasm/`) and the schema
//! generator (`schemas/`) loop over [`operations`]; a module adds an operation by adding
//! an entry to its own `OPS` slice with the [`operation!`](crate::operation) macro.
//!
//! Operations that depend on "today" take it as an explicit `as_of` input field.

use crate::finding::{Finding, Report};
use crate::input::{InputProblem, Limits};
use serde::Serialize;
use serde::de::DeserializeOwned;

/// What an operation computed: its findings and, where it could, its result.
#[derive(Debug, Clone, PartialEq)]
pub struct Computed<T> {
    /// Every finding, in document order.
    pub findings: Vec<Finding>,
    /// The result, if the operation could compute one.
    pub result: Option<T>,
}

impl<T> Computed<T> {
    /// Findings and a result.
    pub fn new(findings: Vec<Finding>, result: Option<T>) -> Self {
        Computed { findings, result }
    }
}

/// The answer of [`Operation::run`]: the report as JSON text, and two facts a caller
/// can read without parsing it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    /// The report, serialised as JSON (UTF-8).
    pub json: String,
    /// True iff the report has no error finding.
    pub valid: bool,
    /// Set when the input could not be read at all (size, UTF-8, JSON, shape).
    pub problem: Option<InputProblem>,
}

/// A schema generator entry: given settings, the root schema of a type.
#[cfg(feature = "schema")]
pub type SchemaFn = fn(schemars::generate::SchemaSettings) -> schemars::Schema;

/// One operation of the library.
#[derive(Clone, Copy)]
pub struct Operation {
    /// Stable name, e.g. `plan.validate`.
    pub name: &'static str,
    /// One line in Japanese.
    pub summary_ja: &'static str,
    /// One line in English.
    pub summary_en: &'static str,
    /// Rust name of the input document type (also the schema's title), e.g. `Plan`.
    pub input_type: &'static str,
    /// Rust name of the report's `result` type.
    pub output_type: &'static str,
    /// Runs the operation on raw input bytes.
    pub run: fn(&[u8], &Limits) -> Outcome,
    /// Root JSON Schema of the input document (deserialize contract is the caller's choice).
    #[cfg(feature = "schema")]
    pub input_schema: SchemaFn,
    /// Root JSON Schema of the output report.
    #[cfg(feature = "schema")]
    pub output_schema: SchemaFn,
}

impl Operation {
    /// The file-name stem of the input type's schema and examples: the type name in
    /// kebab-case (`Plan` → `plan`, `SummaryRequest` → `summary-request`).
    pub fn input_stem(&self) -> String {
        kebab(self.input_type)
    }
}

/// `SummaryRequest` → `summary-request`; path and generic noise is dropped.
pub fn kebab(type_name: &str) -> String {
    let base = type_name.rsplit("::").next().unwrap_or(type_name);
    let mut out = String::with_capacity(base.len() + 4);
    for (i, c) in base.chars().filter(|c| c.is_alphanumeric()).enumerate() {
        if c.is_uppercase() {
            if i > 0 {
                out.push('-');
            }
            out.extend(c.to_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

impl std::fmt::Debug for Operation {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Operation")
            .field("name", &self.name)
            .field("input_type", &self.input_type)
            .field("output_type", &self.output_type)
            .finish()
    }
}

/// Declares an [`Operation`]: `operation!("plan.validate", "日本語の説明", "English line",
/// Plan => PlanSummary, plan::validate_operation)` where the function has the signature
/// `fn(Input) -> Computed<Output>`.
#[macro_export]
macro_rules! operation {
    ($name:literal, $ja:literal, $en:literal, $input:ty => $output:ty, $func:path) => {
        $crate::ops::Operation {
            name: $name,
            summary_ja: $ja,
            summary_en: $en,
            input_type: stringify!($input),
            output_type: stringify!($output),
            run: |bytes, limits| {
                $crate::ops::execute::<$input, $output>($name, bytes, limits, $func)
            },
            #[cfg(feature = "schema")]
            input_schema: |settings| settings.into_generator().into_root_schema_for::<$input>(),
            #[cfg(feature = "schema")]
            output_schema: |settings| {
                settings
                    .into_generator()
                    .into_root_schema_for::<$crate::finding::Report<$output>>()
            },
        }
    };
}

/// Reads the input, runs `f`, and serialises the report. Never panics on any input.
pub fn execute<I: DeserializeOwned, O: Serialize>(
    name: &str,
    bytes: &[u8],
    limits: &Limits,
    f: fn(I) -> Computed<O>,
) -> Outcome {
    match crate::input::read::<I>(bytes, limits) {
        Ok(input) => {
            let Computed { findings, result } = f(input);
            finish(Report::new(name, findings, result), None)
        }
        Err(u) => finish(
            Report::<O>::new(name, vec![u.finding], None),
            Some(u.problem),
        ),
    }
}

fn finish<O: Serialize>(report: Report<O>, problem: Option<InputProblem>) -> Outcome {
    let valid = report.valid;
    match serde_json::to_string(&report) {
        Ok(json) => Outcome {
            json,
            valid,
            problem,
        },
        // Serialising our own types cannot fail (no maps with non-string keys, no
        // non-finite floats by construction); answer with an error report all the same.
        Err(_) => Outcome {
            json: format!(
                r#"{{"operation":{},"valid":false,"errors":1,"warnings":0,"infos":0,"findings":[{{"code":"internal.serialize","severity":"error","path":"","message_ja":"結果を JSON にできませんでした","message_en":"The result could not be serialised"}}]}}"#,
                serde_json::Value::String(report.operation)
            ),
            valid: false,
            problem,
        },
    }
}

/// Every operation, grouped by module, in a fixed order.
pub static GROUPS: &[&[Operation]] = &[
    crate::calendar::OPS,
    crate::tasks::OPS,
    crate::plan::OPS,
    crate::summary::OPS,
    crate::scores::OPS,
    crate::shortstay::OPS,
    crate::staffing::OPS,
    crate::stats::OPS,
];

/// Every operation of the library.
pub fn operations() -> impl Iterator<Item = &'static Operation> {
    GROUPS.iter().flat_map(|g| g.iter())
}

/// The operation with this name.
pub fn find(name: &str) -> Option<&'static Operation> {
    operations().find(|op| op.name == name)
}

/// Runs the operation `name` on `bytes` with default limits; `None` if there is no such
/// operation.
pub fn run(name: &str, bytes: &[u8]) -> Option<Outcome> {
    find(name).map(|op| (op.run)(bytes, &Limits::default()))
}

#[cfg(test)]
mod tests {
    #[test]
    fn kebab_case_stems() {
        assert_eq!(super::kebab("Plan"), "plan");
        assert_eq!(super::kebab("SummaryRequest"), "summary-request");
        assert_eq!(super::kebab("crate::x::AgeRequest"), "age-request");
    }
}
