//! Concurrency: every type a host shares between threads is `Send + Sync`, and the
//! operation table gives the same answers from many threads at once as serially.

use kyoten_core::input::Limits;
use kyoten_core::operations;
use std::fs;
use std::sync::Arc;

fn assert_send_sync<T: Send + Sync>() {}

#[test]
fn shared_types_are_send_and_sync() {
    use kyoten_core::*;
    assert_send_sync::<Operation>();
    assert_send_sync::<&'static Operation>();
    assert_send_sync::<Outcome>();
    assert_send_sync::<Finding>();
    assert_send_sync::<Rule>();
    assert_send_sync::<Report<serde_json::Value>>();
    assert_send_sync::<input::Limits>();
    assert_send_sync::<calendar::IsoDate>();
    assert_send_sync::<plan::Plan>();
    assert_send_sync::<summary::ChildSummary>();
    assert_send_sync::<summary::SummaryRequest>();
    assert_send_sync::<care::ClinicalProfile>();
    assert_send_sync::<scores::ScoreResult>();
    assert_send_sync::<shortstay::Facility>();
    assert_send_sync::<shortstay::Board>();
    assert_send_sync::<staffing::StaffingRequest>();
    assert_send_sync::<staffing::StaffingReport>();
}

#[test]
fn eight_threads_give_the_serial_answers() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../schemas/examples");
    let mut jobs = Vec::new();
    for entry in fs::read_dir(dir).expect("examples") {
        let path = entry.expect("entry").path();
        let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
            continue;
        };
        if !name.ends_with(".json") {
            continue;
        }
        let stem = name.split('.').next().unwrap_or("").to_owned();
        let bytes = fs::read(&path).expect("read");
        for op in operations().filter(|op| op.input_stem() == stem) {
            jobs.push((op, bytes.clone()));
        }
    }
    assert!(jobs.len() >= 10, "too few example jobs: {}", jobs.len());
    let serial: Vec<String> = jobs
        .iter()
        .map(|(op, b)| (op.run)(b, &Limits::default()).json)
        .collect();
    let jobs = Arc::new(jobs);
    let serial = Arc::new(serial);
    let handles: Vec<_> = (0..8)
        .map(|t| {
            let jobs = Arc::clone(&jobs);
            let serial = Arc::clone(&serial);
            std::thread::spawn(move || {
                for round in 0..3 {
                    // Each thread walks the jobs from a different starting point.
                    for k in 0..jobs.len() {
                        let i = (k + t * 7 + round) % jobs.len();
                        let (op, bytes) = &jobs[i];
                        let out = (op.run)(bytes, &Limits::default());
                        assert_eq!(out.json, serial[i], "{} differs on thread {t}", op.name);
                    }
                }
            })
        })
        .collect();
    for h in handles {
        h.join().expect("thread");
    }
}
