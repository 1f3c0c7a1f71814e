//! The JSON writer ([`super::Emit`]) against serde's derived `Serialize` through
//! `serde_json`: every operation's whole report (its head, findings and result) on every
//! example document (valid and invalid), read normally and as a draft, on mutations of
//! the examples and on the hostile inputs, written both ways, must be the same bytes.
//!
//! The switch is a test-only flag that [`super::write`] reads: set, every report and
//! result is written through `serde_json` as before.

use crate::input::{Limits, Tree};
use std::cell::Cell;

thread_local! {
    static SERDE: Cell<bool> = const { Cell::new(false) };
}

/// True while [`with_serde`] runs: write through serde_json.
pub(crate) fn serde_on() -> bool {
    SERDE.with(Cell::get)
}

/// Runs `f` with every report and result written through serde_json.
fn with_serde<T>(f: impl FnOnce() -> T) -> T {
    SERDE.with(|c| c.set(true));
    let out = f();
    SERDE.with(|c| c.set(false));
    out
}

/// Runs `op` on `bytes` both ways; `Err` says what differs.
fn compare(op: &crate::operation::Operation, bytes: &[u8], draft: bool) -> Result<(), String> {
    let limits = Limits {
        draft,
        ..Limits::default()
    };
    let ours = (op.run)(bytes, &limits);
    let serde = with_serde(|| (op.run)(bytes, &limits));
    if ours.json == serde.json && ours.valid == serde.valid {
        Ok(())
    } else {
        Err(format!(
            "{} (draft {draft}) differs:\n  emit  {}\n  serde {}",
            op.name, ours.json, serde.json
        ))
    }
}

/// The operations that read documents of this file-name stem (all of them for `""`).
fn operations_of(stem: &str) -> Vec<&'static crate::operation::Operation> {
    crate::ops::operations()
        .filter(|op| stem.is_empty() || op.input_stem() == stem)
        .collect()
}

#[test]
fn every_report_is_written_as_serde_json_writes_it() {
    let mut failures = Vec::new();
    let mut compared = 0usize;
    let mut with_result = 0usize;
    let mut run = |label: &str, stem: &str, bytes: &[u8]| {
        for op in operations_of(stem) {
            for draft in [false, true] {
                compared += 1;
                if let Err(e) = compare(op, bytes, draft) {
                    failures.push(format!("{label}: {e}"));
                }
            }
            if (op.run)(bytes, &Limits::default())
                .json
                .contains(r#","result":"#)
            {
                with_result += 1;
            }
        }
    };
    for (name, text) in crate::sameness::example_files() {
        let stem = name.split('.').next().unwrap_or("");
        run(&name, stem, text.as_bytes());
        // Mutations: a few places of each example, each changed a few ways.
        let Some(tree) = crate::input::tree_of_bytes(text.as_bytes()) else {
            continue;
        };
        let mut places = Vec::new();
        crate::sameness::places(&tree, &mut Vec::new(), &mut places);
        let step = (places.len() / 12).max(1);
        for (i, path) in places.iter().enumerate().step_by(step) {
            for kind in [
                i % crate::sameness::KINDS,
                (i * 7 + 3) % crate::sameness::KINDS,
            ] {
                if let Some(t) = crate::sameness::mutate(&tree, path, kind) {
                    let bytes = super::to_string(&t);
                    run(
                        &format!("{name} mutated at {i} ({kind})"),
                        stem,
                        bytes.as_bytes(),
                    );
                }
            }
        }
    }
    for (label, tree) in crate::sameness::hostile() {
        let bytes = super::to_string(&tree);
        if bytes.len() <= 4096 {
            run(&label, "", bytes.as_bytes());
        }
    }
    // Inputs that are not read at all, and text to escape.
    for bytes in [
        &b""[..],
        b"[",
        b"\xff",
        b"{\"a\":\"\\u0001\\\"\\\\/\xe5\x90\xb8\"}",
    ] {
        run("unreadable", "", bytes);
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert!(compared > 2000, "{compared}");
    assert!(with_result > 500, "{with_result}");
}

#[test]
fn the_surface_reports_are_written_as_serde_json_writes_them() {
    let both = |f: &dyn Fn() -> String| (f(), with_serde(f));
    for (a, b) in [
        both(&|| crate::surface::unknown_operation_json("plan.validat")),
        both(&|| crate::surface::input_not_json_json("summary.validate")),
        both(&|| {
            crate::ops::run_with_options("tasks.list", b"{}", b"{\"colour\":1}")
                .map(|o| o.json)
                .unwrap_or_default()
        }),
    ] {
        assert_eq!(a, b);
    }
    let list = crate::surface::operation_list();
    assert_eq!(
        super::to_string(&list),
        serde_json::to_string(&list).unwrap()
    );
    let tree: Tree = serde_json::from_str(r#"{"a":[1,-2,2.5,null,true,"x\n"],"b":{}}"#).unwrap();
    assert_eq!(
        super::to_string(&tree),
        serde_json::to_string(&tree).unwrap()
    );
}
