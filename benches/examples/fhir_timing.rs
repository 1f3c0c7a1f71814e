//! Times `summary.to_fhir` and `summary.from_fhir` (bytes in, report JSON out) on the
//! largest summary example, interleaved with `summary.validate` on the same document as
//! the yardstick. `cargo run --release -p kyoten-benches --example fhir_timing`.
use kyoten_benches::timing::ratio;
use std::time::Duration;

fn main() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../schemas/examples/summary-request.ventilated-tracheostomy-gastrostomy.json"
    );
    let summary = std::fs::read(path).expect("example");
    let out = kyoten_core::ops::run("summary.to_fhir", &summary).expect("operation");
    let report: serde_json::Value = serde_json::from_str(&out.json).expect("report");
    let import = serde_json::json!({"bundle": report["result"]}).to_string();
    println!(
        "summary {} bytes; bundle {} bytes, {} entries",
        summary.len(),
        import.len() - 11,
        report["result"]["entry"].as_array().map_or(0, Vec::len)
    );
    let t = Duration::from_millis(20);
    let mut validate = || {
        std::hint::black_box(kyoten_core::ops::run("summary.validate", &summary));
    };
    let mut to_fhir = || {
        std::hint::black_box(kyoten_core::ops::run("summary.to_fhir", &summary));
    };
    let mut from_fhir = || {
        std::hint::black_box(kyoten_core::ops::run(
            "summary.from_fhir",
            import.as_bytes(),
        ));
    };
    for (name, f) in [
        ("summary.to_fhir", &mut to_fhir as &mut dyn FnMut()),
        ("summary.from_fhir", &mut from_fhir),
    ] {
        let (a, b, r) = ratio(f, &mut validate, 31, t);
        println!(
            "{name}: {:.1} µs [{:.1} – {:.1}]; summary.validate {:.1} µs [{:.1} – {:.1}]; ratio {r:.2}",
            a.median / 1e3,
            a.q1 / 1e3,
            a.q3 / 1e3,
            b.median / 1e3,
            b.q1 / 1e3,
            b.q3 / 1e3
        );
    }
}
