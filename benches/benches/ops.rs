//! Benchmarks of every operation on the example documents, and the ratios of issue 9.
//!
//! Run: `cargo bench -p kyoten-benches --bench ops` (a few minutes on 2 cores).
//! Filter criterion's benches as usual: `cargo bench -p kyoten-benches --bench ops -- staffing`.
//! The ratio table (P1, P2, P5, P7) is measured after the criterion benches, in the same
//! process, by interleaving the two sides sample by sample, and printed at the end.
//! Goals are printed beside the figures, never asserted.
//!
//! | id | what |
//! |---|---|
//! | `op/<operation>/<example>` | every operation of the table on every example document of its input type (from bytes to report JSON) |
//! | `p1/...` | full validation from JSON bytes, and `serde_json` parsing the same bytes into a `Value` |
//! | `p2/...` | the `jsonschema` crate validating the parsed `Value` against our generated schema |
//! | `p7/...` | 20,000 documents (the valid examples in turn) validated one after the other on one core |
//! | `p5/...` | the same operation through the C ABI (`kyoten_run` + `kyoten_free` of crate `kyoten-ffi`) and directly through the table |

use criterion::{BenchmarkId, Criterion, Throughput};
use kyoten_benches::timing::{ratio, spread, stats};
use kyoten_core::ops::{Operation, operations};
use serde_json::Value;
use std::ffi::{CStr, CString, c_char};
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

// ------------------------------------------------------------------ C ABI (P5)

/// One call through the C ABI as a C caller makes it: the operation name as a
/// NUL-terminated string, the input as pointer + length, the report received through the
/// out-parameters and released with the library's `kyoten_free`. Returns the report's
/// length and validity (read before the free).
fn via_c_abi(name: &CStr, bytes: &[u8]) -> (usize, bool) {
    let mut out: *mut c_char = std::ptr::null_mut();
    let mut len = 0usize;
    let mut valid = false;
    // SAFETY: `name` is NUL-terminated, `bytes` is valid for `bytes.len()` bytes, and the
    // three out-parameters are valid for one write each.
    let _status = unsafe {
        kyoten::kyoten_run(
            name.as_ptr(),
            bytes.as_ptr(),
            bytes.len(),
            &mut out,
            &mut len,
            &mut valid,
        )
    };
    // SAFETY: `out` was set by `kyoten_run` and is freed once, here.
    unsafe { kyoten::kyoten_free(&mut out) };
    (len, valid)
}

/// The report text through the C ABI (for checking it equals the direct call's).
fn c_abi_report(name: &CStr, bytes: &[u8]) -> String {
    let mut out: *mut c_char = std::ptr::null_mut();
    // SAFETY: as in `via_c_abi`; NULL optional out-parameters are allowed.
    unsafe {
        kyoten::kyoten_run(
            name.as_ptr(),
            bytes.as_ptr(),
            bytes.len(),
            &mut out,
            std::ptr::null_mut(),
            std::ptr::null_mut(),
        )
    };
    let text = if out.is_null() {
        String::new()
    } else {
        // SAFETY: a non-NULL `out` is a NUL-terminated string owned by the library.
        unsafe { CStr::from_ptr(out) }
            .to_string_lossy()
            .into_owned()
    };
    // SAFETY: freed once.
    unsafe { kyoten::kyoten_free(&mut out) };
    text
}

/// The smallest example (by bytes) of any operation, for the C ABI overhead on a cheap
/// call.
fn smallest(examples: &[Example]) -> Option<(&'static Operation, &Example)> {
    operations()
        .flat_map(|op| {
            examples
                .iter()
                .filter(move |ex| ex.stem == op.input_stem())
                .map(move |ex| (op, ex))
        })
        .min_by_key(|(_, ex)| ex.bytes.len())
}

fn bench_p5(c: &mut Criterion, cases: &[(&'static Operation, &Example)]) {
    let mut g = c.benchmark_group("p5");
    for (op, ex) in cases {
        let name = CString::new(op.name).expect("operation names have no NUL");
        assert_eq!(
            c_abi_report(&name, &ex.bytes),
            (op.run)(&ex.bytes, &Default::default()).json,
            "the C ABI answers the same report as the table"
        );
        let id = format!("{}/{}", op.name, ex.label);
        g.bench_function(BenchmarkId::new("c_abi", &id), |b| {
            b.iter(|| via_c_abi(&name, black_box(&ex.bytes)))
        });
        g.bench_function(BenchmarkId::new("direct", &id), |b| {
            b.iter(|| (op.run)(black_box(&ex.bytes), &Default::default()))
        });
    }
    g.finish();
}

/// P5 rows of the ratio table: the C ABI ÷ the direct call, interleaved.
fn print_p5(
    cases: &[(&'static Operation, &Example)],
    samples: usize,
    target: Duration,
    quick: bool,
) {
    let limits = Default::default();
    for (i, (op, ex)) in cases.iter().enumerate() {
        let Ok(name) = CString::new(op.name) else {
            continue;
        };
        let mut abi = || {
            black_box(via_c_abi(&name, black_box(&ex.bytes)));
        };
        let mut direct = || {
            black_box((op.run)(black_box(&ex.bytes), &limits));
        };
        let (a, b, r) = ratio(&mut abi, &mut direct, samples, target);
        let verdict = match (quick, r <= 1.05) {
            (true, _) => "smoke run (unoptimised, few samples): not a measurement",
            (false, true) => "met",
            (false, false) => "missed",
        };
        println!(
            "| P5{} | {} on {}.{}.json ({} bytes) through the C ABI (kyoten_run + kyoten_free): {} | the same through the table: {} | {r:.3} | ≤ 1.05 {verdict} |",
            if i == 0 { "" } else { "′" },
            op.name,
            ex.stem,
            ex.label,
            ex.bytes.len(),
            spread(a),
            spread(b)
        );
    }
}

fn print_ratios(
    op: &'static Operation,
    ex: &Example,
    examples: &[Example],
    docs: &[Vec<u8>],
    quick: bool,
) {
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
        "| P1 | kyoten validation from bytes: {} | serde_json → Value: {} | {r:.2} | ≤ 0.7 {} |",
        spread(a),
        spread(b),
        verdict(r <= 0.7)
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
        "| P2′ | kyoten validation from bytes: {} | serde_json parse + jsonschema: {} | {r:.2} | ≤ 0.5 {} |",
        spread(a),
        spread(b),
        verdict(r <= 0.5)
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
        "| P7 | {} documents ({}) on one core: {} | 1 s | {:.3} | ≤ 0.4 s {} |",
        docs.len(),
        op.name,
        spread(s),
        s.median / 1e9,
        verdict(s.median <= 0.4e9 && docs.len() == P7_DOCS)
    );
    let mut p5 = vec![(op, ex)];
    p5.extend(smallest(examples));
    print_p5(&p5, samples, target, quick);
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
        (
            "input::read (strict reader; paths tracked only for unreadable input)",
            &mut typed,
        ),
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
        let mut p5 = vec![(op, ex)];
        p5.extend(smallest(&examples));
        bench_p5(&mut c, &p5);
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
            Some((op, ex)) => print_ratios(op, ex, &examples, &docs, quick),
            None => println!("no valid example document: ratio table skipped"),
        }
        print_staffing_breakdown(quick);
    }
}
