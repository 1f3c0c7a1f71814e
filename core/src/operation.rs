//! The operation type (ground module): what one operation is, and how every operation
//! reads its input and writes its report ([`execute`]).
//!
//! An [`Operation`] is a pure function from one JSON input document to one JSON
//! [`Report`]. A module adds an operation by adding an entry to its own `OPS` slice with
//! the [`operation!`](crate::operation!) macro; the table of all operations is
//! `crate::ops` (above the areas). This module imports nothing from an area.
//!
//! Operations that depend on "today" take it as an explicit `as_of` input field.

use crate::emit::{Emit, JsonOut};
use crate::finding::{Finding, Report};
use crate::input::{InputProblem, Limits, Read, Varied};
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
    let base = type_name.rsplit(':').next().unwrap_or(type_name);
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

impl<I, O> Clone for Body<I, O> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<I, O> Copy for Body<I, O> {}

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
    Computed::new(merge(checks, findings), result)
}

/// The checks' findings, then the operation's own findings that the checks have not
/// already given (equal in every part), each in its order. The checks are looked up
/// through their (pointer, code) order, so a document with thousands of findings takes
/// n log n steps, not n × m.
pub(crate) fn merge(mut checks: Vec<Finding>, own: Vec<Finding>) -> Vec<Finding> {
    if own.is_empty() {
        return checks;
    }
    let given = checks.len();
    let mut index: Vec<usize> = (0..given).collect();
    let key = |i: &usize| checks.get(*i).map(|f| (f.path.as_str(), f.code.as_str()));
    crate::sorting::by_key(&mut index, key);
    let mut keep: Vec<Finding> = Vec::new();
    for f in own {
        let wanted = Some((f.path.as_str(), f.code.as_str()));
        let from = index.partition_point(|i| key(i) < wanted);
        let given_already = index
            .get(from..)
            .unwrap_or(&[])
            .iter()
            .take_while(|i| key(i) == wanted)
            .any(|i| checks.get(*i) == Some(&f));
        if !given_already {
            keep.push(f);
        }
    }
    checks.extend(keep);
    checks
}

/// Reads the input, runs `f`, and serialises the report. Never panics on any input.
///
/// This is the one place every operation goes through: the input is read (every input
/// problem in one report, see [`crate::input`]), draft mode is applied, the input type's
/// checks run once ([`InputChecks`]), the operation's
/// findings are put into document order and given readable locations, and the report is
/// written.
///
/// Only reading the input, running the body and writing the result are generic (one
/// small copy per operation, `Typed`); the way itself, draft mode included, is one
/// copy for all operations (`pipeline`, over the operation's `Stage`: issue 19, P6).
pub fn execute<I: DeserializeOwned + crate::input::Recover + InputChecks, O: Serialize + Emit>(
    name: &str,
    input_type: &str,
    bytes: &[u8],
    limits: &Limits,
    body: Body<I, O>,
    mode: Checks,
) -> Outcome {
    let mut typed = Typed {
        body,
        mode,
        input: None,
        result: None,
    };
    pipeline(name, input_type, bytes, limits, &mut typed)
}

/// The typed steps of one operation, for [`pipeline`]: the input read is kept inside,
/// and so is the result computed from it.
trait Stage {
    /// Reads the document (draft mode as `limits` say), keeping its value.
    fn read(&mut self, bytes: &[u8], limits: &Limits) -> Read<()>;
    /// Reads a draft again with the stand-ins of `varied` taking their second value,
    /// keeping its value; false unless it reads as a draft.
    fn reread(&mut self, bytes: &[u8], limits: &Limits, varied: Varied<'_>) -> bool;
    /// Runs the input's checks and the body on the value read, keeping the result: the
    /// findings.
    fn run(&mut self) -> Vec<Finding>;
    /// True if the last run has a result.
    fn has_result(&self) -> bool;
    /// Writes the last run's result as JSON at the end of `out` (nothing if there is
    /// none).
    fn write(&self, out: &mut JsonOut);
}

/// An operation's [`Stage`]: its body, and the input and result between the steps.
struct Typed<I, O> {
    body: Body<I, O>,
    mode: Checks,
    input: Option<I>,
    result: Option<O>,
}

impl<I: DeserializeOwned + crate::input::Recover + InputChecks, O: Serialize + Emit> Stage
    for Typed<I, O>
{
    fn read(&mut self, bytes: &[u8], limits: &Limits) -> Read<()> {
        crate::input::read_in_place(bytes, limits, &mut self.input)
    }
    fn reread(&mut self, bytes: &[u8], limits: &Limits, varied: Varied<'_>) -> bool {
        let read = crate::input::read_draft_varied(bytes, limits, varied, &mut self.input);
        if !read {
            self.input = None;
        }
        read
    }
    fn run(&mut self) -> Vec<Finding> {
        let Some(input) = self.input.take() else {
            self.result = None;
            return Vec::new();
        };
        let Computed { findings, result } = run_body(input, self.body, self.mode);
        self.result = result;
        findings
    }
    fn has_result(&self) -> bool {
        self.result.is_some()
    }
    fn write(&self, out: &mut JsonOut) {
        if let Some(r) = &self.result {
            crate::emit::write(out, r);
        }
    }
}

/// The way of every operation ([`execute`]), one copy for all of them: the typed steps
/// are the operation's `stage`.
#[inline(never)]
fn pipeline(
    name: &str,
    input_type: &str,
    bytes: &[u8],
    limits: &Limits,
    stage: &mut dyn Stage,
) -> Outcome {
    match stage.read(bytes, limits) {
        Read::Complete(()) => {
            let findings = stage.run();
            let findings = arrange(input_type, bytes, findings);
            let write = |out: &mut JsonOut| stage.write(out);
            finish(
                Report::new(name, findings, None),
                stage.has_result().then_some(&write),
                None,
            )
        }
        Read::Draft(draft) => {
            let mut first = true;
            let mut compute = |varied: Varied<'_>| {
                let reuse = std::mem::take(&mut first) && varied == Varied::None;
                if !reuse && !stage.reread(bytes, limits, varied) {
                    return None;
                }
                // While computing from a draft, decisions that need a complete document
                // (the short-stay entitlement) refuse to be taken (`crate::run_options`).
                let findings = crate::run_options::in_draft(|| stage.run());
                Some((findings, stage.has_result().then(|| written(&*stage))))
            };
            from_draft(name, input_type, bytes, draft.findings, &mut compute)
        }
        Read::Unreadable(u) => unreadable(name, input_type, bytes, u),
    }
}

/// Writes the last run's result as JSON text (draft mode compares the results of
/// several runs).
fn written(stage: &dyn Stage) -> String {
    let mut out = JsonOut::default();
    stage.write(&mut out);
    out.into_string()
}

/// The report of an input that could not be read.
#[inline(never)]
fn unreadable(name: &str, input_type: &str, bytes: &[u8], u: crate::input::Unreadable) -> Outcome {
    let findings = if u.problem == InputProblem::Shape {
        arrange(input_type, bytes, u.findings)
    } else {
        u.findings
    };
    finish(Report::new(name, findings, None), None, Some(u.problem))
}

/// Runs the operation on a reading of the draft (the stand-ins varied as given): its
/// findings and its result's JSON text; `None` if the draft cannot be read so.
type Compute<'a> = dyn FnMut(Varied<'_>) -> Option<(Vec<Finding>, Option<String>)> + 'a;

/// Fields not filled in beyond this many are varied together (one second run), not one
/// by one.
const MAX_VARIED_ONE_BY_ONE: usize = 16;

/// Drafts larger than this (a form is a few kilobytes) are varied together only, so that
/// a large draft costs at most two readings and two runs, not eighteen.
const MAX_BYTES_ONE_BY_ONE: usize = 256 * 1024;

/// The report of an operation on a draft: computed on the reader's stand-ins, with
/// every part of the result that rests on a stand-in withheld and every finding that
/// exists only because of a stand-in dropped (`crate::input::withhold`): the operation
/// runs again with all stand-ins varied and, if anything differs, once per field not
/// filled in (up to [`MAX_VARIED_ONE_BY_ONE`] fields, in a draft of up to
/// [`MAX_BYTES_ONE_BY_ONE`]) to say which field holds what back; otherwise what differs
/// is attributed to the whole document (`input.draft.withheld` at `""`).
#[inline(never)]
fn from_draft(
    name: &str,
    input_type: &str,
    bytes: &[u8],
    reminders: Vec<Finding>,
    compute: &mut Compute<'_>,
) -> Outcome {
    use crate::input::{Tree, withhold};
    let mut run = |varied: Varied<'_>| {
        let (findings, result) = compute(varied)?;
        Some((
            crate::run_options::without_standins(&reminders, findings),
            result.and_then(|text| serde_json::from_str::<Tree>(&text).ok()),
        ))
    };
    let (mut findings, mut result) = run(Varied::None).unwrap_or_default();
    let mut withheld: Vec<String> = Vec::new();
    let mut notes: Vec<Finding> = Vec::new();
    if let Some((all_findings, all_result)) = run(Varied::All)
        && (all_findings != findings || all_result != result)
    {
        let mut fields: Vec<&str> = reminders.iter().map(|r| r.path.as_str()).collect();
        fields.dedup();
        if fields.len() <= MAX_VARIED_ONE_BY_ONE && bytes.len() <= MAX_BYTES_ONE_BY_ONE {
            for p in fields {
                let Some((f, r)) = run(Varied::At(p)) else {
                    continue;
                };
                findings = withhold::also_in(findings, &f);
                let d = places(result.as_ref(), r.as_ref());
                if !d.is_empty() {
                    notes.push(withhold::withheld_at(p, d.len()));
                    withheld.extend(d);
                }
            }
        }
        // What only the fields together hold back (or, with many fields, everything):
        // at the whole document.
        findings = withhold::also_in(findings, &all_findings);
        let more: Vec<String> = places(result.as_ref(), all_result.as_ref())
            .into_iter()
            .filter(|q| !withheld.iter().any(|p| inside(q, p)))
            .collect();
        if !more.is_empty() {
            notes.push(withhold::withheld_at("", more.len()));
            withheld.extend(more);
        }
    }
    // The largest places only, in the result's order.
    let kept: Vec<String> = withheld
        .iter()
        .filter(|q| !withheld.iter().any(|p| p != *q && inside(q, p)))
        .cloned()
        .collect();
    let mut withheld = kept;
    crate::sorting::sort(&mut withheld);
    withheld.dedup();
    if let Some(tree) = &result {
        crate::input::sort_by_position(tree, &mut withheld, |p| p.as_str());
    }
    if withheld.iter().any(String::is_empty) {
        result = None;
        withheld = vec![String::new()];
    } else if let Some(tree) = &mut result {
        withhold::leave_out(tree, &withheld);
    }
    let mut all = reminders;
    all.extend(notes);
    all.extend(findings);
    let all = arrange(input_type, bytes, all);
    let mut report = Report::new(name, all, None);
    report.provisional = true;
    report.withheld = withheld;
    let write = |out: &mut JsonOut| {
        if let Some(r) = &result {
            crate::emit::write(out, r);
        }
    };
    finish(report, result.is_some().then_some(&write), None)
}

/// The places of the result `a` that differ in `b`; `""` (the whole result) when only
/// `b` has one (a result that the first stand-ins prevent is withheld too).
fn places(a: Option<&crate::input::Tree>, b: Option<&crate::input::Tree>) -> Vec<String> {
    match a {
        Some(a) => crate::input::withhold::differing(a, b),
        None if b.is_some() => vec![String::new()],
        None => Vec::new(),
    }
}

/// True if the place `q` is `p` or inside it.
fn inside(q: &str, p: &str) -> bool {
    q == p || q.strip_prefix(p).is_some_and(|rest| rest.starts_with('/'))
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
        crate::input::sort_by_position(tree, &mut findings, |f| f.path.as_str());
    }
    let root = input_type.rsplit(':').next().unwrap_or(input_type);
    let mut blocks = crate::input::model::FieldBlocks::default();
    for f in &mut findings {
        if f.location.is_none() {
            let at = crate::input::model::location_in(&mut blocks, root, tree.as_ref(), &f.path);
            f.location = Some(at);
        }
    }
    findings
}

/// Writes a result's JSON at the end of the report's text: the one step of writing that
/// depends on the result's type.
type WriteResult<'a> = &'a dyn Fn(&mut JsonOut);

/// Writes the report: its head (operation, counts, findings, draft mode) and then the
/// result as `result`, into one buffer: the same bytes as the whole report written at
/// once.
fn finish(
    report: Report<()>,
    result: Option<WriteResult<'_>>,
    problem: Option<InputProblem>,
) -> Outcome {
    let valid = report.valid;
    let mut out = JsonOut::with_capacity(4096);
    crate::emit::write(&mut out, &report);
    if let Some(write) = result {
        // The report's object ends with its `}` (written by `Emit`, which cannot fail):
        // the result goes before it.
        out.pop();
        out.raw(r#","result":"#);
        write(&mut out);
        out.raw("}");
    }
    Outcome {
        json: out.into_string(),
        valid,
        problem,
    }
}

#[cfg(test)]
mod tests {
    use crate::finding::Finding;
    use crate::rule;

    rule!(A, "test.a", Error, "a {n}", "a {n}", "test");
    rule!(B, "test.b", Warning, "b", "b", "test");

    /// The merge as it was written first (a scan of the checks for each finding), kept
    /// here as the reference the n log n merge must agree with.
    fn merged_by_scanning(mut checks: Vec<Finding>, own: Vec<Finding>) -> Vec<Finding> {
        let given = checks.len();
        for f in own {
            if !checks.get(..given).unwrap_or(&[]).contains(&f) {
                checks.push(f);
            }
        }
        checks
    }

    fn show(v: &[Finding]) -> Vec<String> {
        v.iter()
            .map(|f| format!("{} {} {}", f.code, f.path, f.message_en()))
            .collect()
    }

    #[test]
    fn the_operations_own_findings_follow_the_checks_without_repeats() {
        let checks = vec![A.at("/x").with("n", 1), B.at("/a"), A.at("/x").with("n", 2)];
        let own = vec![
            A.at("/x").with("n", 2), // given by the checks: left out
            A.at("/x").with("n", 3), // same place and code, other argument: kept
            B.at("/a"),              // given: left out
            B.at("/b"),
            B.at("/b"), // the operation's own repeats are kept (as before)
            B.at(""),
        ];
        let m = super::merge(checks, own);
        assert_eq!(
            show(&m),
            [
                "test.a /x a 1",
                "test.b /a b",
                "test.a /x a 2",
                "test.a /x a 3",
                "test.b /b b",
                "test.b /b b",
                "test.b  b",
            ]
        );
        assert!(super::merge(Vec::new(), Vec::new()).is_empty());
    }

    #[test]
    fn the_merge_agrees_with_the_scan_on_many_findings() {
        // 3,000 checks and 3,000 own findings over 50 places, 2 codes and 7 arguments,
        // in a scrambled order: the same list as the scan gives.
        let make = |i: u64| {
            let r = if i.is_multiple_of(3) { B } else { A };
            r.at(format!("/p/{}", (i * 7919) % 50))
                .with("n", (i * 31) % 7)
        };
        let checks: Vec<Finding> = (0..3000).map(make).collect();
        let own: Vec<Finding> = (1500..4500).map(make).collect();
        let m = super::merge(checks.clone(), own.clone());
        let reference = merged_by_scanning(checks, own);
        assert_eq!(m, reference);
        // Every (place, code, argument) there is appears among the checks: nothing of
        // the operation's own is new.
        assert_eq!(m.len(), 3000);
    }

    #[test]
    fn kebab_case_stems() {
        assert_eq!(super::kebab("Plan"), "plan");
        assert_eq!(super::kebab("SummaryRequest"), "summary-request");
        assert_eq!(super::kebab("crate::x::AgeRequest"), "age-request");
    }
}
