//! The C ABI called from Rust through its exported functions: the answers equal the
//! core's operation table, every status is reachable, and ownership works as documented.
//! (The same ground is covered from C, under valgrind and sanitizers, by ffi/test-c.sh.)
#![allow(
    unsafe_code,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing
)]

use kyoten::*;
use std::ffi::{CStr, CString, c_char};
use std::ptr;

/// Calls kyoten_run_with_limit and takes ownership of the answer.
fn run(op: Option<&str>, input: Option<&[u8]>, limit: usize) -> (KyotenStatus, String, bool) {
    let name = op.map(|s| CString::new(s).unwrap());
    let name_ptr = name.as_ref().map_or(ptr::null(), |c| c.as_ptr());
    let (ptr_in, len_in) = input.map_or((ptr::null(), 0), |b| (b.as_ptr(), b.len()));
    let mut out: *mut c_char = ptr::null_mut();
    let mut len = usize::MAX;
    let mut valid = true;
    let st = unsafe {
        kyoten_run_with_limit(
            name_ptr, ptr_in, len_in, limit, &mut out, &mut len, &mut valid,
        )
    };
    assert!(!out.is_null());
    let text = unsafe { CStr::from_ptr(out) }.to_str().unwrap().to_owned();
    assert_eq!(len, text.len());
    unsafe { kyoten_free(&mut out) };
    assert!(out.is_null());
    (st, text, valid)
}

fn take(out: &mut *mut c_char) -> String {
    assert!(!out.is_null());
    let s = unsafe { CStr::from_ptr(*out) }.to_str().unwrap().to_owned();
    unsafe { kyoten_free(out) };
    s
}

#[test]
fn every_operation_answers_exactly_as_the_table() {
    let mut n = 0;
    for op in kyoten_core::ops::operations() {
        for input in [&b"{}"[..], b"{\"unknown_key\":1}", b"{", b"", &[0xff, 0xfe]] {
            let want = kyoten_core::ops::run(op.name, input).unwrap();
            let (st, json, valid) = run(Some(op.name), Some(input), 0);
            assert_eq!(json, want.json, "{} on {input:?}", op.name);
            assert_eq!(valid, want.valid && want.problem.is_none());
            assert_eq!(st == KyotenStatus::Ok, want.problem.is_none());
            n += 1;
        }
    }
    assert!(n >= 5);
}

#[test]
fn statuses() {
    assert_eq!(run(Some("tasks.list"), Some(b"{}"), 0).0, KyotenStatus::Ok);
    assert!(run(Some("tasks.list"), Some(b"{}"), 0).2);
    let (st, json, valid) = run(None, Some(b"{}"), 0);
    assert_eq!((st, valid), (KyotenStatus::NullArgument, false));
    assert!(json.contains("abi.null_argument"));
    assert_eq!(
        run(Some("tasks.list"), Some(&[0xc3, 0x28]), 0).0,
        KyotenStatus::NotUtf8
    );
    assert_eq!(
        run(Some("tasks.list"), Some(b"{"), 0).0,
        KyotenStatus::NotJson
    );
    assert_eq!(run(Some("tasks.list"), None, 0).0, KyotenStatus::NotJson);
    let (st, json, _) = run(Some("tasks.list"), Some(b"{}   "), 4);
    assert_eq!(st, KyotenStatus::TooLarge);
    assert!(json.contains("input.too_large"), "{json}");
    assert_eq!(
        run(Some("tasks.list"), Some(b"{}   "), 5).0,
        KyotenStatus::Ok
    );
    let (st, json, _) = run(Some("no.such"), Some(b"{}"), 0);
    assert_eq!(st, KyotenStatus::UnknownOperation);
    assert!(json.contains("operation.unknown") && !json.contains("no.such"));
    let (st, json, _) = run(Some("tasks.list"), Some(b"{\"x\":1}"), 0);
    assert_eq!(st, KyotenStatus::InvalidShape);
    assert!(json.contains("\"path\":\"/x\""));
}

#[test]
fn null_out_json_returns_null_argument_and_clears_the_rest() {
    let mut len = 7usize;
    let mut valid = true;
    let st = unsafe {
        kyoten_run(
            c"tasks.list".as_ptr(),
            b"{}".as_ptr(),
            2,
            ptr::null_mut(),
            &mut len,
            &mut valid,
        )
    };
    assert_eq!((st, len, valid), (KyotenStatus::NullArgument, 0, false));
    assert_eq!(
        unsafe { kyoten_operations(ptr::null_mut(), ptr::null_mut()) },
        KyotenStatus::NullArgument
    );
}

#[test]
fn input_null_with_length_is_a_null_argument_not_a_read() {
    let mut out = ptr::null_mut();
    let st = unsafe {
        kyoten_run(
            c"tasks.list".as_ptr(),
            ptr::null(),
            3,
            &mut out,
            ptr::null_mut(),
            ptr::null_mut(),
        )
    };
    assert_eq!(st, KyotenStatus::NullArgument);
    assert!(take(&mut out).contains("\"operation\":\"tasks.list\""));
}

#[test]
fn schemas_and_list_cover_every_operation() {
    let mut out = ptr::null_mut();
    assert_eq!(
        unsafe { kyoten_operations(&mut out, ptr::null_mut()) },
        KyotenStatus::Ok
    );
    let list: serde_json::Value = serde_json::from_str(&take(&mut out)).unwrap();
    let names: Vec<&str> = list["operations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["name"].as_str().unwrap())
        .collect();
    let table: Vec<&str> = kyoten_core::ops::operations().map(|o| o.name).collect();
    assert_eq!(names, table);
    assert_eq!(list["abi_version"], KYOTEN_ABI_VERSION);
    for op in kyoten_core::ops::operations() {
        let name = CString::new(op.name).unwrap();
        for f in [kyoten_input_schema, kyoten_output_schema] {
            let mut out = ptr::null_mut();
            assert_eq!(
                unsafe { f(name.as_ptr(), &mut out, ptr::null_mut()) },
                KyotenStatus::Ok
            );
            let schema: serde_json::Value = serde_json::from_str(&take(&mut out)).unwrap();
            assert_eq!(
                schema["$schema"],
                "https://json-schema.org/draft/2020-12/schema"
            );
        }
        // The same schemas as the published files (made by kyoten-schemas).
        let mut out = ptr::null_mut();
        unsafe { kyoten_input_schema(name.as_ptr(), &mut out, ptr::null_mut()) };
        let input: serde_json::Value = serde_json::from_str(&take(&mut out)).unwrap();
        assert_eq!(input, kyoten_schemas::input_schema(op));
        assert_eq!(
            input["$id"],
            format!(
                "{}{}",
                kyoten_schemas::BASE_URL,
                kyoten_schemas::input_file(op)
            )
        );
        unsafe { kyoten_output_schema(name.as_ptr(), &mut out, ptr::null_mut()) };
        let output: serde_json::Value = serde_json::from_str(&take(&mut out)).unwrap();
        assert_eq!(output, kyoten_schemas::output_schema(op));
    }
    let mut out = ptr::null_mut();
    assert_eq!(
        unsafe { kyoten_input_schema(c"no.such".as_ptr(), &mut out, ptr::null_mut()) },
        KyotenStatus::UnknownOperation
    );
    assert!(take(&mut out).contains("operation.unknown"));
}

#[test]
fn versions_and_status_names() {
    assert_eq!(kyoten_abi_version(), KYOTEN_ABI_VERSION);
    let v = unsafe { CStr::from_ptr(kyoten_version()) }
        .to_str()
        .unwrap();
    assert_eq!(v, env!("CARGO_PKG_VERSION"));
    let names = [
        "OK",
        "NULL_ARGUMENT",
        "NOT_UTF8",
        "NOT_JSON",
        "TOO_LARGE",
        "UNKNOWN_OPERATION",
        "INVALID_SHAPE",
        "INTERNAL",
        "INVALID_OPTIONS",
    ];
    for (i, want) in names.iter().enumerate() {
        let got = unsafe { CStr::from_ptr(kyoten_status_name(i32::try_from(i).unwrap())) };
        assert_eq!(got.to_str().unwrap(), *want);
    }
    for bad in [-1, 9, i32::MAX, i32::MIN] {
        assert_eq!(
            unsafe { CStr::from_ptr(kyoten_status_name(bad)) }
                .to_str()
                .unwrap(),
            "UNKNOWN"
        );
    }
}

#[test]
fn free_is_null_safe_and_idempotent_through_one_variable() {
    unsafe { kyoten_free(ptr::null_mut()) };
    let mut out: *mut c_char = ptr::null_mut();
    unsafe { kyoten_free(&mut out) };
    assert_eq!(
        unsafe { kyoten_operations(&mut out, ptr::null_mut()) },
        KyotenStatus::Ok
    );
    unsafe { kyoten_free(&mut out) };
    assert!(out.is_null());
    unsafe { kyoten_free(&mut out) };
}

#[test]
fn typed_entry_points_forward_by_name() {
    for (name, f) in [
        (
            "plan.validate",
            kyoten_plan_validate as unsafe extern "C" fn(_, _, _, _, _) -> _,
        ),
        ("summary.validate", kyoten_summary_validate),
    ] {
        let mut out = ptr::null_mut();
        let mut valid = false;
        let st = unsafe { f(b"{}".as_ptr(), 2, &mut out, ptr::null_mut(), &mut valid) };
        let typed = take(&mut out);
        let (st2, generic, valid2) = run(Some(name), Some(b"{}"), 0);
        assert_eq!((st, typed, valid), (st2, generic, valid2));
        if kyoten_core::ops::find(name).is_none() {
            assert_eq!(st, KyotenStatus::UnknownOperation);
        }
    }
}

#[test]
fn threads_agree_with_serial_calls() {
    let inputs: Vec<(String, Vec<u8>)> = kyoten_core::ops::operations()
        .flat_map(|op| {
            [
                (op.name.to_owned(), b"{}".to_vec()),
                (op.name.to_owned(), b"[".to_vec()),
            ]
        })
        .collect();
    let serial: Vec<_> = inputs
        .iter()
        .map(|(n, b)| run(Some(n), Some(b), 0))
        .collect();
    std::thread::scope(|s| {
        for _ in 0..8 {
            s.spawn(|| {
                for _ in 0..20 {
                    for ((n, b), want) in inputs.iter().zip(&serial) {
                        assert_eq!(&run(Some(n), Some(b), 0), want);
                    }
                }
            });
        }
    });
}

#[test]
fn every_example_document_answers_exactly_as_the_table() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../schemas/examples");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return; // no examples in this checkout
    };
    let mut runs = 0;
    for entry in entries {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_str().unwrap().to_owned();
        let Some((stem, _label)) = name.strip_suffix(".json").and_then(|n| n.split_once('.'))
        else {
            continue;
        };
        let bytes = std::fs::read(&path).unwrap();
        for op in kyoten_core::ops::operations().filter(|op| op.input_stem() == stem) {
            let want = kyoten_core::ops::run(op.name, &bytes).unwrap();
            let (st, json, valid) = run(Some(op.name), Some(&bytes), 0);
            assert_eq!(st, KyotenStatus::Ok, "{} on {name}: {json}", op.name);
            // CONTRIBUTING.md: every example gives a report without errors.
            assert!(valid, "{} on {name}: {json}", op.name);
            assert_eq!(
                (json, valid),
                (want.json, want.valid),
                "{} on {name}",
                op.name
            );
            runs += 1;
        }
    }
    assert!(
        runs > 0,
        "examples exist but none matched an operation's input stem"
    );
}

/// kyoten_run_with_options answers exactly as the core's `run_with_options` for every
/// operation, in draft mode and with bad options.
#[test]
fn run_with_options_answers_exactly_as_the_core() {
    let mut n = 0;
    for op in kyoten_core::ops::operations() {
        let name = CString::new(op.name).unwrap();
        for options in [&b""[..], b"{\"draft\":true}", b"{\"draft\":1}", b"{"] {
            let input = b"{}";
            let want = kyoten_core::ops::run_with_options(op.name, input, options).unwrap();
            let mut out: *mut c_char = ptr::null_mut();
            let mut valid = true;
            let st = unsafe {
                kyoten_run_with_options(
                    name.as_ptr(),
                    input.as_ptr(),
                    input.len(),
                    options.as_ptr(),
                    options.len(),
                    &mut out,
                    ptr::null_mut(),
                    &mut valid,
                )
            };
            assert_eq!(take(&mut out), want.json, "{} with {options:?}", op.name);
            assert_eq!(valid, want.valid && want.problem.is_none());
            let bad = options.starts_with(b"{\"draft\":1") || options == b"{";
            assert_eq!(st == KyotenStatus::InvalidOptions, bad, "{}", op.name);
            n += 1;
        }
    }
    assert!(n >= 20);
}
