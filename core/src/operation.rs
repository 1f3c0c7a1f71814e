//! The operation type (ground module): what one operation is, and how every operation
//! reads its input and writes its report ([`execute`]).
//!
//! An [`Operation`] is a pure function from one JSON input document to one JSON
//! [`Report`]. A module adds an operation by adding an entry to its own `OPS` slice with
//! the [`operation!`](crate::operation!) macro; the table of all operations is
//! `crate::ops` (above the areas). This module imports nothing from an area.
//!
//! Operations that depend on "today" take it as an explicit `as_of` input field.

use crate::finding::{Finding, Report};
use crate::input::{InputProblem, Limits, Read};
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
    // ASCII only (type names are): no Unicode case tables in the WASM modules.
    for (i, c) in base.chars().filter(char::is_ascii_alphanumeric).enumerate() {
        if c.is_ascii_uppercase() {
            if i > 0 {
                out.push('-');
            }
            out.push(c.to_ascii_lowercase());
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
///
/// The input type's own checks ([`InputChecks`]) run once, in [`execute`], for every
/// operation on that type, and their findings are part of every such report. A view that
/// carries only their errors (not their warnings) ends with `, errors_only`; one that
/// also needs to see them (e.g. to print how many there are) ends with `, errors_only_seen`
/// and has the signature `fn(Input, &[Finding]) -> Computed<Output>`.
#[macro_export]
macro_rules! operation {
    ($name:literal, $ja:literal, $en:literal, $input:ty => $output:ty, $func:path $(,)?) => {
        $crate::operation!(@make $name, $ja, $en, $input => $output,
            $crate::operation::Body::Plain($func), $crate::operation::Checks::All)
    };
    ($name:literal, $ja:literal, $en:literal, $input:ty => $output:ty, $func:path, errors_only $(,)?) => {
        $crate::operation!(@make $name, $ja, $en, $input => $output,
            $crate::operation::Body::Plain($func), $crate::operation::Checks::ErrorsOnly)
    };
    ($name:literal, $ja:literal, $en:literal, $input:ty => $output:ty, $func:path, errors_only_seen $(,)?) => {
        $crate::operation!(@make $name, $ja, $en, $input => $output,
            $crate::operation::Body::Seeing($func), $crate::operation::Checks::ErrorsOnly)
    };
    (@make $name:literal, $ja:literal, $en:literal, $input:ty => $output:ty, $body:expr, $checks:expr) => {
        $crate::operation::Operation {
            name: $name,
            summary_ja: $ja,
            summary_en: $en,
            input_type: stringify!($input),
            output_type: stringify!($output),
            run: |bytes, limits| {
                $crate::operation::execute::<$input, $output>(
                    $name,
                    stringify!($input),
                    bytes,
                    limits,
                    $body,
                    $checks,
                )
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

/// The checks of one input type, shared by every operation on that type (one validation
/// per input type): `summary.validate`, `summary.scores`, `summary.timeline`, … all run
/// the summary's checks once, in [`execute`], so they agree on `valid`. The catalogue
/// module `crate::checks` implements it for every input type of the table.
pub trait InputChecks {
    /// Every finding of the input's own checks (the document's validation), in any order.
    fn checks(&self) -> Vec<Finding> {
        Vec::new()
    }
}

/// Which of the input type's checks an operation's report carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Checks {
    /// All of them (errors, warnings, infos).
    All,
    /// Only the errors (a view: it is valid exactly when the document is, and does not
    /// repeat the validation's warnings).
    ErrorsOnly,
}

/// An operation's function: on the input alone, or also seeing the input's checks.
pub enum Body<I, O> {
    /// `fn(Input) -> Computed<Output>`.
    Plain(fn(I) -> Computed<O>),
    /// `fn(Input, &checks) -> Computed<Output>`.
    Seeing(fn(I, &[Finding]) -> Computed<O>),
}

impl<I, O> std::fmt::Debug for Body<I, O> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Body::Plain(_) => "Body::Plain",
            Body::Seeing(_) => "Body::Seeing",
        })
    }
}

/// Runs the input's checks and the operation's body on one input, and puts the findings
/// together: the checks' (all or errors only), then the operation's own that the checks
/// have not already given.
fn run_body<I: InputChecks, O>(input: I, body: Body<I, O>, mode: Checks) -> Computed<O> {
    let mut checks = input.checks();
    let Computed { findings, result } = match body {
        Body::Plain(f) => f(input),
        Body::Seeing(f) => f(input, &checks),
    };
    if mode == Checks::ErrorsOnly {
        checks.retain(|f| f.severity == crate::finding::Severity::Error);
    }
    let given = checks.len();
    for f in findings {
        if !checks.get(..given).unwrap_or(&[]).contains(&f) {
            checks.push(f);
        }
    }
    Computed::new(checks, result)
}

/// Reads the input, runs `f`, and serialises the report. Never panics on any input.
///
/// This is the one place every operation goes through: the input is read (every input
/// problem in one report, see [`crate::input`]), draft mode is applied, the input type's
/// checks run once ([`InputChecks`]), the operation's
/// findings are put into document order and given readable locations, and the report is
/// written.
pub fn execute<I: DeserializeOwned + InputChecks, O: Serialize>(
    name: &str,
    input_type: &str,
    bytes: &[u8],
    limits: &Limits,
    body: Body<I, O>,
    mode: Checks,
) -> Outcome {
    match crate::input::read_with::<I>(bytes, limits) {
        Read::Complete(input) => {
            let Computed { findings, result } = run_body(input, body, mode);
            let findings = arrange(input_type, bytes, findings);
            finish(Report::new(name, findings, result), None)
        }
        Read::Draft(draft) => {
            // While computing from a draft, decisions that need a complete document
            // (the short-stay entitlement) refuse to be taken (`crate::run_options`).
            let Computed { findings, result } =
                crate::run_options::in_draft(|| run_body(draft.value, body, mode));
            let findings = crate::run_options::without_standins(&draft.findings, findings);
            let mut all = draft.findings;
            all.extend(findings);
            let all = arrange(input_type, bytes, all);
            let mut report = Report::new(name, all, result);
            report.provisional = true;
            finish(report, None)
        }
        Read::Unreadable(u) => {
            let findings = if u.problem == InputProblem::Shape {
                arrange(input_type, bytes, u.findings)
            } else {
                u.findings
            };
            finish(Report::<O>::new(name, findings, None), Some(u.problem))
        }
    }
}

/// Puts findings into document order (stable: findings at one place keep their order)
/// and gives each a readable location. Reads the document again only when there are
/// findings, so a clean document costs nothing more.
#[inline(never)]
fn arrange(input_type: &str, bytes: &[u8], mut findings: Vec<Finding>) -> Vec<Finding> {
    if findings.is_empty() {
        return findings;
    }
    // Only the parts of the document on the way to the findings (issue 19, P4′).
    let tree = crate::input::tree_along(bytes, findings.iter().map(|f| f.path.as_str()));
    if let Some(tree) = &tree {
        crate::sorting::by_key(&mut findings, |f| crate::input::position(tree, &f.path));
    }
    let root = input_type.rsplit("::").next().unwrap_or(input_type);
    for f in &mut findings {
        if f.location.is_none() {
            f.location = Some(crate::input::model::location(root, tree.as_ref(), &f.path));
        }
    }
    findings
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

#[cfg(test)]
mod tests {
    #[test]
    fn kebab_case_stems() {
        assert_eq!(super::kebab("Plan"), "plan");
        assert_eq!(super::kebab("SummaryRequest"), "summary-request");
        assert_eq!(super::kebab("crate::x::AgeRequest"), "age-request");
    }
}
