//! One call of a scale case, for profilers (`valgrind --tool=callgrind`, `perf`):
//!
//! ```text
//! cargo build --release -p kyoten-benches --example profile
//! valgrind --tool=callgrind target/release/examples/profile evaluate 1000
//! ```
//!
//! Cases: `evaluate N` (one child over N facilities × 31 nights), `evaluate_op N` (the
//! same from JSON bytes through the operation table), `allocate R F` (R requests over F
//! facilities), `summary N` (`summary.validate` N times on the largest summary example),
//! `value N` (`serde_json` parsing the same bytes into a `Value` N times), `typed N` (plain
//! `serde_json` into the typed summary, no strict wrapper), `read N` (the strict reader,
//! `kyoten_core::input::read`), `schema N`
//! (the `jsonschema` crate validating the parsed `Value` against our generated schema N
//! times; the schema is compiled before), `grown N` (`summary.validate` once on the
//! largest summary example grown by N entries, `kyoten_benches::summary_data`), `p7 N`
//! (`summary.validate` on N documents as P7 makes them: the four valid summary examples
//! in turn, written compactly, each with its own `$schema` URL), `slow N` (`summary.validate`
//! N times on the largest example read as the WASM modules read it: tree + `input::recover`,
//! no typed fast path).
//! The input is built before the call; run the case with `N = 0` to subtract the set-up.

use kyoten_benches::shortstay_data::{allocation, evaluation};
use std::hint::black_box;

fn arg(args: &[String], i: usize, default: usize) -> usize {
    args.get(i).and_then(|a| a.parse().ok()).unwrap_or(default)
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let case = args.get(1).map(String::as_str).unwrap_or("evaluate");
    match case {
        "evaluate" => {
            let input = evaluation(arg(&args, 2, 1000));
            let out = kyoten_core::shortstay::evaluate(black_box(&input));
            let n = out.result.map_or(0, |r| r.eligible.len());
            println!("evaluate: {n} eligible");
        }
        "evaluate_op" => {
            let bytes = serde_json::to_vec(&evaluation(arg(&args, 2, 1000))).expect("JSON");
            let out = kyoten_core::ops::run("shortstay.evaluate", black_box(&bytes));
            println!(
                "evaluate_op: {} bytes of report",
                out.map_or(0, |o| o.json.len())
            );
        }
        "allocate" => {
            let input = allocation(arg(&args, 2, 500), arg(&args, 3, 100));
            let out = kyoten_core::shortstay::allocate(black_box(&input));
            let n = out.result.map_or(0, |r| r.decisions.len());
            println!("allocate: {n} decisions");
        }
        "summary" => {
            let bytes = summary_bytes();
            let mut valid = 0;
            for _ in 0..arg(&args, 2, 100) {
                valid += usize::from(
                    kyoten_core::ops::run("summary.validate", black_box(&bytes))
                        .is_some_and(|o| o.valid),
                );
            }
            println!("summary: {valid} valid");
        }
        "value" => {
            let bytes = summary_bytes();
            let mut n = 0;
            for _ in 0..arg(&args, 2, 100) {
                n += usize::from(
                    serde_json::from_slice::<serde_json::Value>(black_box(&bytes)).is_ok(),
                );
            }
            println!("value: {n} parsed");
        }
        "typed" => {
            // Plain serde into the typed model, without the strict wrapper: what the
            // reader's own bookkeeping costs on top.
            let bytes = summary_bytes();
            let mut n = 0;
            for _ in 0..arg(&args, 2, 100) {
                n += usize::from(
                    serde_json::from_slice::<kyoten_core::summary::SummaryRequest>(black_box(
                        &bytes,
                    ))
                    .is_ok(),
                );
            }
            println!("typed: {n} read");
        }
        "read" => {
            // The strict reader alone (the operation's input step).
            let bytes = summary_bytes();
            let limits = kyoten_core::input::Limits::default();
            let mut n = 0;
            for _ in 0..arg(&args, 2, 100) {
                n += usize::from(
                    kyoten_core::input::read::<kyoten_core::summary::SummaryRequest>(
                        black_box(&bytes),
                        &limits,
                    )
                    .is_ok(),
                );
            }
            println!("read: {n} read");
        }
        "schema" => {
            let bytes = summary_bytes();
            let value: serde_json::Value = serde_json::from_slice(&bytes).expect("JSON");
            let op = kyoten_core::ops::find("summary.validate").expect("in the table");
            let settings = schemars::generate::SchemaSettings::draft2020_12().for_deserialize();
            let schema = serde_json::to_value((op.input_schema)(settings)).expect("JSON");
            let validator = jsonschema::validator_for(&schema).expect("compiles");
            let mut n = 0;
            for _ in 0..arg(&args, 2, 100) {
                n += usize::from(validator.is_valid(black_box(&value)));
            }
            println!("schema: {n} valid");
        }
        "grown" => {
            let bytes = kyoten_benches::summary_data::summary_bytes(arg(&args, 2, 10_000));
            let out = kyoten_core::ops::run("summary.validate", black_box(&bytes));
            println!(
                "grown: {} bytes in, {} bytes of report",
                bytes.len(),
                out.map_or(0, |o| o.json.len())
            );
        }
        "p7" => {
            let docs = p7_documents(arg(&args, 2, 100));
            let mut valid = 0;
            for d in &docs {
                valid += usize::from(
                    kyoten_core::ops::run("summary.validate", black_box(d))
                        .is_some_and(|o| o.valid),
                );
            }
            println!("p7: {valid} of {} valid", docs.len());
        }
        "slow" => {
            // `summary.validate` N times on the same example read the way the WASM modules
            // read it (`one-reader`): JSON text → tree → `input::recover`, no typed fast
            // path. Natively that path is taken in draft mode by a text holding `""`, so
            // one note of the example ends in `\"\"` (not echoed; the report is the same)
            // and the run options are `{"draft":true}` (a complete document is not a draft:
            // the report is the non-draft one).
            let bytes = slow_summary_bytes();
            let mut valid = 0;
            let mut json = 0;
            for _ in 0..arg(&args, 2, 100) {
                let out = kyoten_core::ops::run_with_options(
                    "summary.validate",
                    black_box(&bytes),
                    br#"{"draft":true}"#,
                );
                json = out.as_ref().map_or(0, |o| o.json.len());
                valid += usize::from(out.is_some_and(|o| o.valid));
            }
            println!("slow: {valid} valid, {json} bytes of report");
        }
        other => eprintln!(
            "unknown case {other}: evaluate | evaluate_op | allocate | summary | value | typed | read | schema | grown | p7 | slow"
        ),
    }
}

/// The largest valid summary example, the document P1, P2 and P7 use.
fn summary_bytes() -> Vec<u8> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../schemas/examples/summary-request.ventilated-tracheostomy-gastrostomy.json"
    );
    std::fs::read(path).expect("the example exists")
}

/// [`summary_bytes`] with one note ending in `\"\"`: a text holding `""` makes draft mode
/// take the slow path (tree + `input::recover`), as the WASM modules always do.
fn slow_summary_bytes() -> Vec<u8> {
    let text = String::from_utf8(summary_bytes()).expect("UTF-8");
    let note = "\"24時間つながる\"";
    assert!(text.contains(note), "the example's note changed");
    text.replacen(note, "\"24時間つながる \\\"\\\"\"", 1)
        .into_bytes()
}

/// `n` documents as the P7 bench makes them (`benches/benches/ops.rs`): the valid summary
/// examples in turn, written compactly, each with its own `$schema` URL.
fn p7_documents(n: usize) -> Vec<Vec<u8>> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../schemas/examples");
    let bases: Vec<serde_json::Value> = [
        "epilepsy-walks",
        "leap-day-cchs-walks",
        "tube-feeding-oxygen-sits",
        "ventilated-tracheostomy-gastrostomy",
    ]
    .iter()
    .map(|label| {
        let bytes = std::fs::read(format!("{dir}/summary-request.{label}.json")).expect("exists");
        serde_json::from_slice(&bytes).expect("JSON")
    })
    .collect();
    (0..n)
        .map(|i| {
            let mut v = bases[i % bases.len()].clone();
            if let Some(o) = v.as_object_mut() {
                o.insert(
                    "$schema".into(),
                    serde_json::Value::String(format!("../summary-request.schema.json#{i}")),
                );
            }
            serde_json::to_vec(&v).expect("JSON")
        })
        .collect()
}
