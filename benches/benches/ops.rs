//! Benchmarks of every operation on the example documents, and the ratios of issue 9.
//!
//! Run: `cargo bench -p kyoten-benches --bench ops` (a few minutes on 2 cores).
//! Filter criterion's benches as usual: `cargo bench -p kyoten-benches --bench ops -- staffing`.
//! The ratio table (P1, P2, P7) is measured after the criterion benches, in the same
//! process, by interleaving the two sides sample by sample, and printed at the end.
//! Goals are printed beside the figures, never asserted.
//!
//! | id | what |
//! |---|---|
//! | `op/<operation>/<example>` | every operation of the table on every example document of its input type (from bytes to report JSON) |
//! | `p1/...` | full validation from JSON bytes, and `serde_json` parsing the same bytes into a `Value` |
//! | `p2/...` | the `jsonschema` crate validating the parsed `Value` against our generated schema |
//! | `p7/...` | 20,000 documents (the valid examples in turn) validated one after the other on one core |
//!
//! P5 (through the C ABI) is left out while `ffi/` has no callable entry point.

use criterion::{BenchmarkId, Criterion, Throughput};
use kyoten_core::ops::{Operation, operations};
use serde_json::Value;
use std::hint::black_box;
use std::path::PathBuf;
use std::time::{Duration, Instant};

/// One example document: its file label and bytes.
struct Example {
    stem: String,
    label: String,
    bytes: Vec<u8>,
}

fn examples() -> Vec<Example> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../schemas/examples");
    let mut out = Vec::new();
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return out;
    };
    for e in entries.flatten() {
        let path = e.path();
        let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
            continue;
        };
        let Some(base) = name.strip_suffix(".json") else {
            continue;
        };
        let (stem, label) = base.split_once('.').unwrap_or((base, "example"));
        if let Ok(bytes) = std::fs::read(&path) {
            out.push(Example {
                stem: stem.to_owned(),
                label: label.to_owned(),
                bytes,
            });
        }
    }
    out.sort_by(|a, b| (&a.stem, &a.label).cmp(&(&b.stem, &b.label)));
    out
}

/// The operation and example the ratio benches use: `summary.validate` if it is in the
/// table, else `plan.validate`, else the first operation with a valid example; the
/// example is the largest valid one of that operation's input type.
fn target(examples: &[Example]) -> Option<(&'static Operation, &Example)> {
    let largest_valid = |op: &'static Operation| {
        examples
            .iter()
            .filter(|ex| {
                ex.stem == op.input_stem() && (op.run)(&ex.bytes, &Default::default()).valid
            })
            .max_by_key(|ex| ex.bytes.len())
            .map(|ex| (op, ex))
    };
    ["summary.validate", "plan.validate"]
        .iter()
        .filter_map(|name| kyoten_core::ops::find(name))
        .find_map(largest_valid)
        .or_else(|| operations().find_map(largest_valid))
}

fn bench_operations(c: &mut Criterion, examples: &[Example]) {
    let mut g = c.benchmark_group("op");
    for op in operations() {
        let stem = op.input_stem();
        for ex in examples.iter().filter(|ex| ex.stem == stem) {
            g.throughput(Throughput::Bytes(ex.bytes.len() as u64));
            g.bench_with_input(
                BenchmarkId::new(op.name, &ex.label),
                &ex.bytes,
                |b, bytes| b.iter(|| (op.run)(black_box(bytes), &Default::default())),
            );
        }
    }
    g.finish();
}

fn schema_validator(op: &Operation) -> jsonschema::Validator {
    let settings = schemars::generate::SchemaSettings::draft2020_12().for_deserialize();
    let schema = serde_json::to_value((op.input_schema)(settings)).expect("schema is JSON");
    jsonschema::validator_for(&schema).expect("our schema compiles")
}

fn bench_p1_p2(c: &mut Criterion, op: &'static Operation, ex: &Example) {
    let validator = schema_validator(op);
    let value: Value = serde_json::from_slice(&ex.bytes).expect("example is JSON");
    assert!(
        validator.is_valid(&value),
        "the example is valid against our own schema"
    );
    let mut g = c.benchmark_group("p1");
    g.throughput(Throughput::Bytes(ex.bytes.len() as u64));
    g.bench_function(
        BenchmarkId::new("kyoten_validate_from_bytes", op.name),
        |b| b.iter(|| (op.run)(black_box(&ex.bytes), &Default::default())),
    );
    g.bench_function(BenchmarkId::new("serde_json_value_parse", op.name), |b| {
        b.iter(|| serde_json::from_slice::<Value>(black_box(&ex.bytes)).expect("JSON"))
    });
    g.finish();
    let mut g = c.benchmark_group("p2");
    g.bench_function(
        BenchmarkId::new("jsonschema_is_valid_parsed", op.name),
        |b| b.iter(|| validator.is_valid(black_box(&value))),
    );
    g.bench_function(
        BenchmarkId::new("jsonschema_parse_and_validate", op.name),
        |b| {
            b.iter(|| {
                let v: Value = serde_json::from_slice(black_box(&ex.bytes)).expect("JSON");
                validator.is_valid(&v)
            })
        },
    );
    g.finish();
}

const P7_DOCS: usize = 20_000;

/// 20,000 distinct documents: the valid examples of the operation's input type taken in
/// turn, each copy with its own `$schema` URL (`…#n`), so every buffer is a separate
/// allocation with different bytes.
fn p7_documents(op: &Operation, examples: &[Example]) -> Vec<Vec<u8>> {
    let bases: Vec<(Value, &str)> = examples
        .iter()
        .filter(|ex| ex.stem == op.input_stem() && (op.run)(&ex.bytes, &Default::default()).valid)
        .filter_map(|ex| {
            serde_json::from_slice(&ex.bytes)
                .ok()
                .map(|v| (v, ex.stem.as_str()))
        })
        .collect();
    if bases.is_empty() {
        return Vec::new();
    }
    (0..P7_DOCS)
        .map(|n| {
            let (base, stem) = &bases[n % bases.len()];
            let mut v = base.clone();
            if let Some(o) = v.as_object_mut() {
                o.insert(
                    "$schema".into(),
                    Value::String(format!("../{stem}.schema.json#{n}")),
                );
            }
            serde_json::to_vec(&v).expect("JSON")
        })
        .collect()
}

fn validate_all(op: &Operation, docs: &[Vec<u8>]) -> usize {
    let limits = Default::default();
    docs.iter()
        .filter(|d| (op.run)(black_box(d), &limits).valid)
        .count()
}

fn bench_p7(c: &mut Criterion, op: &'static Operation, docs: &[Vec<u8>]) {
    assert_eq!(
        validate_all(op, docs),
        docs.len(),
        "every generated document is valid"
    );
    let mut g = c.benchmark_group("p7");
    g.sample_size(10);
    g.measurement_time(Duration::from_secs(5));
    g.throughput(Throughput::Elements(docs.len() as u64));
    g.bench_function(BenchmarkId::new("validate_20000_one_core", op.name), |b| {
        b.iter(|| validate_all(op, docs))
    });
    g.finish();
}

// ------------------------------------------------------------------ ratio table

/// Median and quartiles of nanoseconds per call.
#[derive(Clone, Copy)]
struct Stats {
    median: f64,
    q1: f64,
    q3: f64,
}

fn stats(mut xs: Vec<f64>) -> Stats {
    xs.sort_by(f64::total_cmp);
    let at = |p: f64| xs[((xs.len() - 1) as f64 * p).round() as usize];
    Stats {
        median: at(0.5),
        q1: at(0.25),
        q3: at(0.75),
    }
}

/// Calls per sample so that one sample lasts about `target`.
fn batch_for(f: &mut dyn FnMut(), target: Duration) -> u32 {
    let start = Instant::now();
    f();
    let once = start.elapsed().max(Duration::from_nanos(20));
    ((target.as_nanos() / once.as_nanos()).clamp(1, 1_000_000)) as u32
}

fn time_batch(f: &mut dyn FnMut(), n: u32) -> f64 {
    let start = Instant::now();
    for _ in 0..n {
        f();
    }
    start.elapsed().as_nanos() as f64 / f64::from(n)
}

/// Interleaves samples of `a` and `b` (so both see the same machine load) and returns
/// their per-call statistics and the ratio of medians a ÷ b.
fn ratio(
    a: &mut dyn FnMut(),
    b: &mut dyn FnMut(),
    samples: usize,
    target: Duration,
) -> (Stats, Stats, f64) {
    let (na, nb) = (batch_for(a, target), batch_for(b, target));
    // Warm up both.
    time_batch(a, na);
    time_batch(b, nb);
    let (mut xa, mut xb) = (Vec::with_capacity(samples), Vec::with_capacity(samples));
    for _ in 0..samples {
        xa.push(time_batch(a, na));
        xb.push(time_batch(b, nb));
    }
    let (sa, sb) = (stats(xa), stats(xb));
    (sa, sb, sa.median / sb.median)
}

fn human(ns: f64) -> String {
    if ns >= 1e9 {
        format!("{:.3} s", ns / 1e9)
    } else if ns >= 1e6 {
        format!("{:.3} ms", ns / 1e6)
    } else if ns >= 1e3 {
        format!("{:.2} µs", ns / 1e3)
    } else {
        format!("{ns:.0} ns")
    }
}

fn spread(s: Stats) -> String {
    format!("{} [{} – {}]", human(s.median), human(s.q1), human(s.q3))
}

fn print_ratios(op: &'static Operation, ex: &Example, docs: &[Vec<u8>], quick: bool) {
    let (samples, target) = if quick {
        (3, Duration::from_millis(2))
    } else {
        (41, Duration::from_millis(20))
    };
    let validator = schema_validator(op);
    let value: Value = serde_json::from_slice(&ex.bytes).expect("JSON");
    let limits = Default::default();
    let verdict = |met: bool| match (quick, met) {
        (true, _) => "smoke run (unoptimised, few samples): not a measurement",
        (false, true) => "met",
        (false, false) => "missed",
    };
    let mut ours = || {
        black_box((op.run)(black_box(&ex.bytes), &limits));
    };
    let mut parse = || {
        black_box(serde_json::from_slice::<Value>(black_box(&ex.bytes)).ok());
    };
    let mut schema_only = || {
        black_box(validator.is_valid(black_box(&value)));
    };
    let mut parse_schema = || {
        let v: Value = serde_json::from_slice(black_box(&ex.bytes)).expect("JSON");
        black_box(validator.is_valid(&v));
    };
    println!();
    println!(
        "kyoten ratios — operation {} on {}.{}.json ({} bytes); median [quartiles] per call",
        op.name,
        ex.stem,
        ex.label,
        ex.bytes.len()
    );
    println!("| id | numerator | denominator | ratio | goal |");
    println!("|---|---|---|---|---|");
    let (a, b, r) = ratio(&mut ours, &mut parse, samples, target);
    println!(
        "| P1 | kyoten validation from bytes: {} | serde_json → Value: {} | {r:.2} | ≤ 1.0 {} |",
        spread(a),
        spread(b),
        verdict(r <= 1.0)
    );
    let (a, b, r) = ratio(&mut ours, &mut schema_only, samples, target);
    println!(
        "| P2 | kyoten validation from bytes (parse and report included): {} | jsonschema on parsed Value: {} | {r:.2} | ≤ 1.0 {} |",
        spread(a),
        spread(b),
        verdict(r <= 1.0)
    );
    let (a, b, r) = ratio(&mut ours, &mut parse_schema, samples, target);
    println!(
        "| P2′ | kyoten validation from bytes: {} | serde_json parse + jsonschema: {} | {r:.2} | (both sides parse) |",
        spread(a),
        spread(b)
    );
    // P7: whole runs, timed one by one.
    let runs = if quick { 1 } else { 7 };
    let mut times = Vec::with_capacity(runs);
    for _ in 0..runs {
        let start = Instant::now();
        black_box(validate_all(op, docs));
        times.push(start.elapsed().as_nanos() as f64);
    }
    let s = stats(times);
    println!(
        "| P7 | {} documents ({}) on one core: {} | 1 s | {:.3} | < 1.0 {} |",
        docs.len(),
        op.name,
        spread(s),
        s.median / 1e9,
        verdict(s.median < 1e9 && docs.len() == P7_DOCS)
    );
    println!("| P5 | not measured: ffi/ has no callable entry point on this branch | | | |");
}

/// Where the time of `staffing.check` goes: reading the typed document, the rules, and
/// writing the report, each against `serde_json` parsing the same bytes into a `Value`.
fn print_staffing_breakdown(quick: bool) {
    use kyoten_core::input::{Limits, read};
    use kyoten_core::staffing::{self, StaffingRequest};
    let Some(ex) = examples()
        .into_iter()
        .find(|e| e.stem == "staffing-request" && e.label == "compliant")
    else {
        return;
    };
    let (samples, target) = if quick {
        (3, Duration::from_millis(2))
    } else {
        (41, Duration::from_millis(20))
    };
    let limits = Limits::default();
    let req: StaffingRequest = read(&ex.bytes, &limits).expect("example reads");
    let computed = staffing::check(req.clone());
    let report = kyoten_core::Report::new("staffing.check", computed.findings, computed.result);
    let mut parse = || {
        black_box(serde_json::from_slice::<Value>(black_box(&ex.bytes)).ok());
    };
    let mut typed = || {
        black_box(read::<StaffingRequest>(black_box(&ex.bytes), &limits).ok());
    };
    let mut plain = || {
        black_box(serde_json::from_slice::<StaffingRequest>(black_box(&ex.bytes)).ok());
    };
    let mut rules = || {
        black_box(staffing::check(black_box(req.clone())));
    };
    let mut clone = || {
        black_box(black_box(&req).clone());
    };
    let mut write = || {
        black_box(serde_json::to_string(black_box(&report)).ok());
    };
    println!();
    println!("staffing.check breakdown (each ÷ serde_json → Value on the same bytes)");
    println!("| step | time | ÷ Value parse |");
    println!("|---|---|---|");
    let steps: [(&str, &mut dyn FnMut()); 5] = [
        ("input::read (strict reader, path tracking)", &mut typed),
        (
            "serde_json::from_slice::<StaffingRequest> (no path tracking)",
            &mut plain,
        ),
        ("staffing::check, request clone included", &mut rules),
        ("request clone alone", &mut clone),
        ("report → JSON text", &mut write),
    ];
    for (name, f) in steps {
        let (a, _, r) = ratio(f, &mut parse, samples, target);
        println!("| {name} | {} | {r:.2} |", spread(a));
    }
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let listing = args.iter().any(|a| a == "--list");
    // `cargo bench` passes --bench; `cargo test --benches` does not (quick smoke mode).
    let quick = !args.iter().any(|a| a == "--bench");
    let mut c = Criterion::default()
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2))
        .sample_size(20)
        .configure_from_args();
    let examples = examples();
    bench_operations(&mut c, &examples);
    let target = target(&examples);
    let mut docs = target
        .map(|(op, _)| p7_documents(op, &examples))
        .unwrap_or_default();
    if quick {
        // Smoke mode (`cargo test --benches`, unoptimised): a slice is enough.
        docs.truncate(500);
    }
    if let Some((op, ex)) = target {
        bench_p1_p2(&mut c, op, ex);
        bench_p7(&mut c, op, &docs);
    }
    c.final_summary();
    let without: Vec<&str> = operations()
        .filter(|op| !examples.iter().any(|ex| ex.stem == op.input_stem()))
        .map(|op| op.name)
        .collect();
    if !listing {
        if !without.is_empty() {
            println!(
                "\noperations without an example document (not benched): {}",
                without.join(", ")
            );
        }
        match target {
            Some((op, ex)) => print_ratios(op, ex, &docs, quick),
            None => println!("no valid example document: ratio table skipped"),
        }
        print_staffing_breakdown(quick);
    }
}
