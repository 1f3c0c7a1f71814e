//! # kyoten C ABI
//!
//! The C surface of kyoten for hospital EMR vendors: a thin loop over the core's
//! operation table ([`kyoten_core::ops::operations`]). Every operation is reachable by
//! name through [`kyoten_run`]; operations added to the table later appear without a
//! change here. The header `include/kyoten.h` is generated from this file by cbindgen
//! (see `build.rs` and `tests/header.rs`).
//!
//! ## Conventions
//! - Documents go in as `(const uint8_t *ptr, size_t len)` UTF-8 JSON; `(NULL, 0)` is an
//!   empty document. Operation names are NUL-terminated C strings.
//! - Every JSON the library returns is a NUL-terminated `char *` that the caller owns and
//!   releases with [`kyoten_free`] (which takes `char **`, frees, and sets it to NULL:
//!   freeing twice through the same variable is harmless; `kyoten_free(NULL)` and a NULL
//!   `*ptr` are no-ops).
//! - Every call returns a [`KyotenStatus`]. Whenever `out_json` is not NULL, `*out_json`
//!   receives a JSON document whatever the status: the answer on `OK`, otherwise a report
//!   whose findings say why the call could not run.
//! - A finding-level "invalid" is data: status `OK`, `*out_valid == false`.
//! - Every export runs inside a landing pad (`catch_unwind`): a panic becomes
//!   `KYOTEN_STATUS_INTERNAL`, never an unwind into the caller (nor the abort that an
//!   unwind out of an `extern "C"` function means). Outside the pad an export only checks
//!   pointers for NULL and writes its out-parameters, which cannot panic.
//! - No global mutable state: every function may be called from many threads at once.
#![deny(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::unreachable
)]
#![cfg_attr(
    test,
    allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)
)]
#![warn(missing_docs)]
// The exports' safety contracts are written for C readers as doxygen `@pre` lines.
#![allow(clippy::missing_safety_doc)]

pub mod engine;

use engine::{Answer, Which};
use std::ffi::{CStr, CString, c_char};
use std::panic::{AssertUnwindSafe, catch_unwind};

/// The ABI version of this library. It changes only when an existing function's
/// signature or meaning, or a status value, changes; adding functions or status values
/// does not change it. Compare it with kyoten_abi_version() at start-up.
pub const KYOTEN_ABI_VERSION: u32 = 1;

/// Default largest input accepted by kyoten_run(), in bytes (16 MiB).
pub const KYOTEN_DEFAULT_MAX_INPUT_BYTES: usize = 16_777_216;
const _: () =
    assert!(KYOTEN_DEFAULT_MAX_INPUT_BYTES == kyoten_core::input::DEFAULT_MAX_INPUT_BYTES);

/// Status of a call. The values are fixed forever: a value is never renumbered or
/// reused; new values may be added at the end. A finding-level "invalid" document is
/// not a status: it is `KYOTEN_STATUS_OK` with `*out_valid == false`.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum KyotenStatus {
    /// The call ran; `*out_json` holds the answer (a report may still be invalid:
    /// see `out_valid`).
    Ok = 0,
    /// A required pointer argument was NULL (`out_json`, the operation name, or the input
    /// pointer with a non-zero length). If `out_json` itself was NULL nothing is returned.
    NullArgument = 1,
    /// The input is not UTF-8. `*out_json` is a report (`input.not_utf8`).
    NotUtf8 = 2,
    /// The input is not JSON (syntax, empty, too deep, number out of range).
    /// `*out_json` is a report (`input.not_json`, `input.too_deep`, …).
    NotJson = 3,
    /// The input is longer than the limit; none of it was read. `*out_json` is a report
    /// (`input.too_large`).
    TooLarge = 4,
    /// No operation has that name. `*out_json` is a report (`operation.unknown`, with the nearest real name if any).
    UnknownOperation = 5,
    /// The input is JSON but not a document of the operation's input type (wrong type,
    /// unknown or missing field, invalid date …); the operation could not run.
    /// `*out_json` is a report whose finding points at the offending value.
    InvalidShape = 6,
    /// A bug in the library (a panic caught by the landing pad). `*out_json` is a
    /// report (`operation.internal`). The library stays usable.
    Internal = 7,
    /// The run options of kyoten_run_with_options() could not be read (not JSON, an
    /// unknown option, a value of the wrong kind or out of range); the input was not
    /// read. `*out_json` is a report of `options.*` findings.
    InvalidOptions = 8,
}

impl KyotenStatus {
    /// The status's C name without the prefix, e.g. `NULL_ARGUMENT`.
    pub const fn name(self) -> &'static CStr {
        match self {
            KyotenStatus::Ok => c"OK",
            KyotenStatus::NullArgument => c"NULL_ARGUMENT",
            KyotenStatus::NotUtf8 => c"NOT_UTF8",
            KyotenStatus::NotJson => c"NOT_JSON",
            KyotenStatus::TooLarge => c"TOO_LARGE",
            KyotenStatus::UnknownOperation => c"UNKNOWN_OPERATION",
            KyotenStatus::InvalidShape => c"INVALID_SHAPE",
            KyotenStatus::Internal => c"INTERNAL",
            KyotenStatus::InvalidOptions => c"INVALID_OPTIONS",
        }
    }
}

/// Every status, in value order.
const ALL_STATUSES: [KyotenStatus; 9] = [
    KyotenStatus::Ok,
    KyotenStatus::NullArgument,
    KyotenStatus::NotUtf8,
    KyotenStatus::NotJson,
    KyotenStatus::TooLarge,
    KyotenStatus::UnknownOperation,
    KyotenStatus::InvalidShape,
    KyotenStatus::Internal,
    KyotenStatus::InvalidOptions,
];

const VERSION: &CStr =
    match CStr::from_bytes_with_nul(concat!(env!("CARGO_PKG_VERSION"), "\0").as_bytes()) {
        Ok(v) => v,
        Err(_) => c"unknown",
    };

/// Runs `f` inside the landing pad: a panic becomes the `operation.internal` answer.
fn landing_pad(f: impl FnOnce() -> Answer) -> Answer {
    catch_unwind(AssertUnwindSafe(f)).unwrap_or_else(|_| engine::internal())
}

/// Hands `answer` to the caller. `out_json` must not be NULL; `out_len` and `out_valid`
/// may be. Never panics.
///
/// # Safety
/// `out_json` must be valid for one write; `out_len` and `out_valid` NULL or valid for
/// one write.
unsafe fn deliver(
    answer: Answer,
    out_json: *mut *mut c_char,
    out_len: *mut usize,
    out_valid: *mut bool,
) -> KyotenStatus {
    let (status, text, valid) = match CString::new(answer.json) {
        Ok(text) => (
            answer.status,
            text,
            answer.valid && answer.status == KyotenStatus::Ok,
        ),
        // serde_json escapes U+0000, so this cannot happen; stay safe all the same.
        Err(_) => (
            KyotenStatus::Internal,
            CString::new(engine::INTERNAL_JSON).unwrap_or_default(),
            false,
        ),
    };
    let len = text.as_bytes().len();
    // SAFETY: the caller guarantees the pointers are valid for one write (or NULL where
    // allowed, checked here).
    unsafe {
        *out_json = text.into_raw();
        if !out_len.is_null() {
            *out_len = len;
        }
        if !out_valid.is_null() {
            *out_valid = valid;
        }
    }
    status
}

/// Clears the optional out-parameters when nothing can be delivered.
///
/// # Safety
/// `out_len` and `out_valid` NULL or valid for one write.
unsafe fn clear(out_len: *mut usize, out_valid: *mut bool) {
    // SAFETY: checked for NULL; the caller guarantees validity otherwise.
    unsafe {
        if !out_len.is_null() {
            *out_len = 0;
        }
        if !out_valid.is_null() {
            *out_valid = false;
        }
    }
}

/// Reads a NUL-terminated operation name. `Err` holds the answer for a NULL or non-UTF-8
/// name.
///
/// # Safety
/// `name` NULL or a valid NUL-terminated string.
unsafe fn read_name<'a>(name: *const c_char) -> Result<&'a str, Answer> {
    if name.is_null() {
        return Err(engine::null_argument("", "operation"));
    }
    // SAFETY: non-NULL, and the caller guarantees NUL termination.
    let c = unsafe { CStr::from_ptr(name) };
    c.to_str().map_err(|_| engine::unknown_operation(""))
}

/// The shared body of kyoten_run and its variants.
///
/// # Safety
/// As for `kyoten_run`.
unsafe fn run_raw(
    operation: *const c_char,
    input: *const u8,
    input_len: usize,
    max_input_bytes: usize,
    out_json: *mut *mut c_char,
    out_len: *mut usize,
    out_valid: *mut bool,
) -> KyotenStatus {
    // SAFETY: forwarded caller guarantee.
    unsafe {
        run_with(
            operation,
            input,
            input_len,
            |_| Ok(engine::limits(max_input_bytes)),
            out_json,
            out_len,
            out_valid,
        )
    }
}

/// The shared body of every run: `limits_for` gives the call's limits (or the answer
/// when its options cannot be read), inside the landing pad.
///
/// # Safety
/// As for `kyoten_run`.
unsafe fn run_with(
    operation: *const c_char,
    input: *const u8,
    input_len: usize,
    limits_for: impl FnOnce(
        &'static kyoten_core::ops::Operation,
    ) -> Result<kyoten_core::input::Limits, Answer>,
    out_json: *mut *mut c_char,
    out_len: *mut usize,
    out_valid: *mut bool,
) -> KyotenStatus {
    if out_json.is_null() {
        // SAFETY: forwarded caller guarantee.
        unsafe { clear(out_len, out_valid) };
        return KyotenStatus::NullArgument;
    }
    let answer = landing_pad(|| {
        // SAFETY: forwarded caller guarantee.
        let name = match unsafe { read_name(operation) } {
            Ok(n) => n,
            Err(a) => return a,
        };
        let Some(op) = kyoten_core::ops::find(name) else {
            return engine::unknown_operation(name);
        };
        if input.is_null() && input_len != 0 {
            return engine::null_argument(op.name, "input");
        }
        let limits = match limits_for(op) {
            Ok(l) => l,
            Err(a) => return a,
        };
        // No allocation exceeds `isize::MAX` bytes: a longer length is too large whatever
        // the limit says.
        let hard_max = limits.max_input_bytes.min(isize::MAX.unsigned_abs());
        if input_len > hard_max {
            // Not a byte of an oversized input is read.
            return engine::too_large(op.name, input_len, hard_max);
        }
        let bytes: &[u8] = if input.is_null() {
            &[]
        } else {
            // SAFETY: the caller guarantees `input_len` readable bytes at `input`;
            // `input_len` is at most the limit, itself at most `usize`, and a valid
            // allocation never exceeds `isize::MAX` bytes.
            unsafe { std::slice::from_raw_parts(input, input_len) }
        };
        engine::run_op(op, bytes, &limits)
    });
    // SAFETY: out_json checked non-NULL; the rest is the caller's guarantee.
    unsafe { deliver(answer, out_json, out_len, out_valid) }
}

/// The shared body of the calls that take no document.
///
/// # Safety
/// `out_json` NULL or valid for one write; `out_len` NULL or valid for one write.
unsafe fn answer_raw(
    out_json: *mut *mut c_char,
    out_len: *mut usize,
    f: impl FnOnce() -> Answer,
) -> KyotenStatus {
    if out_json.is_null() {
        // SAFETY: forwarded caller guarantee.
        unsafe { clear(out_len, std::ptr::null_mut()) };
        return KyotenStatus::NullArgument;
    }
    let answer = landing_pad(f);
    // SAFETY: out_json checked non-NULL; the rest is the caller's guarantee.
    unsafe { deliver(answer, out_json, out_len, std::ptr::null_mut()) }
}

/// @brief Runs one operation of the library on one JSON document.
///
/// The operation is looked up by name in the library's operation table (see
/// kyoten_operations()); the input limit is the default, KYOTEN_DEFAULT_MAX_INPUT_BYTES.
///
/// @param operation  NUL-terminated UTF-8 operation name, e.g. "plan.validate". Borrowed
///                   for the call only. NULL gives KYOTEN_STATUS_NULL_ARGUMENT.
/// @param input      The input document, UTF-8 JSON, `input_len` bytes (no NUL needed).
///                   Borrowed for the call only. May be NULL only if `input_len` is 0.
/// @param input_len  Length of `input` in bytes.
/// @param out_json   Required. On return `*out_json` is a new NUL-terminated UTF-8 JSON
///                   report (whatever the status, except when `out_json` itself is
///                   NULL). The caller owns it and must release it with
///                   kyoten_free(out_json). The previous value of `*out_json` is
///                   overwritten, not freed.
/// @param out_len    Optional (may be NULL). Receives the length of `*out_json` in bytes,
///                   without the terminating NUL.
/// @param out_valid  Optional (may be NULL). Receives true iff the status is
///                   KYOTEN_STATUS_OK and the report has no error finding.
/// @return KYOTEN_STATUS_OK if the operation ran (the document may still be invalid: see
///         `out_valid`), otherwise why it could not run.
///
/// Thread safety: may be called from any number of threads at once.
///
/// @pre `operation` NULL or NUL-terminated; `input` NULL or valid for `input_len` bytes;
/// `out_json` NULL or valid for one write; `out_len`, `out_valid` NULL or valid for one
/// write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn kyoten_run(
    operation: *const c_char,
    input: *const u8,
    input_len: usize,
    out_json: *mut *mut c_char,
    out_len: *mut usize,
    out_valid: *mut bool,
) -> KyotenStatus {
    // SAFETY: forwarded caller guarantee.
    unsafe { run_raw(operation, input, input_len, 0, out_json, out_len, out_valid) }
}

/// @brief Runs one operation like kyoten_run(), with this call's own input-size limit.
///
/// @param max_input_bytes  Largest input accepted by this call, in bytes; 0 means the
///                         default (KYOTEN_DEFAULT_MAX_INPUT_BYTES). A longer input gives
///                         KYOTEN_STATUS_TOO_LARGE without a byte of it being read.
///
/// All other parameters, the ownership of `*out_json` (release it with kyoten_free())
/// and the return value are as for kyoten_run().
///
/// @pre As for kyoten_run().
#[unsafe(no_mangle)]
pub unsafe extern "C" fn kyoten_run_with_limit(
    operation: *const c_char,
    input: *const u8,
    input_len: usize,
    max_input_bytes: usize,
    out_json: *mut *mut c_char,
    out_len: *mut usize,
    out_valid: *mut bool,
) -> KyotenStatus {
    // SAFETY: forwarded caller guarantee.
    unsafe {
        run_raw(
            operation,
            input,
            input_len,
            max_input_bytes,
            out_json,
            out_len,
            out_valid,
        )
    }
}

/// @brief Runs one operation like kyoten_run(), with this call's options given as a JSON
/// run-options document, e.g. `{"draft":true}` (schema: `schemas/run-options.schema.json`).
///
/// The options are read by the library's core, the same for every surface:
/// - `"draft": true` reads the input as a form in progress: a missing or empty (`""`)
///   required field is the warning `input.draft.not_filled` rather than an error, the
///   operation computes what it can, and the report says `"provisional":true`. A draft
///   never grants a short-stay entitlement (`scores.short_stay.draft`).
/// - `"max_input_bytes": n` is this call's input-size limit (1 to 4294967295; default
///   KYOTEN_DEFAULT_MAX_INPUT_BYTES).
///
/// @param options      The run-options document, UTF-8 JSON, `options_len` bytes (no NUL
///                     needed). Borrowed for the call only. `(NULL, 0)` or an empty
///                     document means the defaults (then this is kyoten_run()). NULL with
///                     a non-zero length gives KYOTEN_STATUS_NULL_ARGUMENT.
/// @param options_len  Length of `options` in bytes.
///
/// Options that cannot be read (not JSON, an unknown option, a value of the wrong kind or
/// out of range) give KYOTEN_STATUS_INVALID_OPTIONS and a report of `options.*` findings
/// whose pointers point into the options document; the input is then not read. All other
/// parameters, the ownership of `*out_json` (release it with kyoten_free()) and the
/// return value are as for kyoten_run().
///
/// @pre As for kyoten_run(); `options` NULL or valid for `options_len` bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn kyoten_run_with_options(
    operation: *const c_char,
    input: *const u8,
    input_len: usize,
    options: *const u8,
    options_len: usize,
    out_json: *mut *mut c_char,
    out_len: *mut usize,
    out_valid: *mut bool,
) -> KyotenStatus {
    let limits_for = |op: &'static kyoten_core::ops::Operation| {
        if options.is_null() {
            return if options_len == 0 {
                Ok(kyoten_core::input::Limits::default())
            } else {
                Err(engine::null_argument(op.name, "options"))
            };
        }
        // SAFETY: non-NULL, and the caller guarantees `options_len` readable bytes.
        let bytes = unsafe { std::slice::from_raw_parts(options, options_len) };
        kyoten_core::run_options::limits_of(bytes).map_err(|findings| {
            engine::options_refused(kyoten_core::run_options::refused(op.name, findings))
        })
    };
    // SAFETY: forwarded caller guarantee.
    unsafe {
        run_with(
            operation, input, input_len, limits_for, out_json, out_len, out_valid,
        )
    }
}

/// @brief Validates an initiative plan (取組内容): kyoten_run() of "plan.validate".
///
/// A convenience that forwards to the operation table by name: if this build has no
/// "plan.validate" operation, it returns KYOTEN_STATUS_UNKNOWN_OPERATION.
/// Parameters, ownership (release `*out_json` with kyoten_free()) and return value as for
/// kyoten_run().
///
/// @pre As for kyoten_run().
#[unsafe(no_mangle)]
pub unsafe extern "C" fn kyoten_plan_validate(
    input: *const u8,
    input_len: usize,
    out_json: *mut *mut c_char,
    out_len: *mut usize,
    out_valid: *mut bool,
) -> KyotenStatus {
    // SAFETY: forwarded caller guarantee; the name is a static C string.
    unsafe {
        run_raw(
            c"plan.validate".as_ptr(),
            input,
            input_len,
            0,
            out_json,
            out_len,
            out_valid,
        )
    }
}

/// @brief Validates a child care summary (対象児の情報集約): kyoten_run() of
/// "summary.validate".
///
/// A convenience that forwards to the operation table by name: if this build has no
/// "summary.validate" operation, it returns KYOTEN_STATUS_UNKNOWN_OPERATION.
/// Parameters, ownership (release `*out_json` with kyoten_free()) and return value as for
/// kyoten_run().
///
/// @pre As for kyoten_run().
#[unsafe(no_mangle)]
pub unsafe extern "C" fn kyoten_summary_validate(
    input: *const u8,
    input_len: usize,
    out_json: *mut *mut c_char,
    out_len: *mut usize,
    out_valid: *mut bool,
) -> KyotenStatus {
    // SAFETY: forwarded caller guarantee; the name is a static C string.
    unsafe {
        run_raw(
            c"summary.validate".as_ptr(),
            input,
            input_len,
            0,
            out_json,
            out_len,
            out_valid,
        )
    }
}

/// @brief Lists every operation of the library, as JSON.
///
/// `*out_json` receives
/// `{"abi_version":1,"version":"…","operations":[{"name":"tasks.list","summary_ja":"…",
/// "summary_en":"…","input_type":"tasks-query","output_type":"task-catalogue",
/// "input_stem":"tasks-query"},…]}`. `input_stem` is the file stem of the input's schema
/// and example documents.
///
/// @param out_json  Required. Receives a new NUL-terminated JSON string that the caller
///                  releases with kyoten_free(out_json).
/// @param out_len   Optional (may be NULL). Receives its length without the NUL.
/// @return KYOTEN_STATUS_OK, or KYOTEN_STATUS_NULL_ARGUMENT if `out_json` is NULL.
///
/// @pre `out_json` NULL or valid for one write; `out_len` NULL or valid for one write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn kyoten_operations(
    out_json: *mut *mut c_char,
    out_len: *mut usize,
) -> KyotenStatus {
    // SAFETY: forwarded caller guarantee.
    unsafe { answer_raw(out_json, out_len, engine::operations_json) }
}

/// The shared body of the two schema exports.
///
/// # Safety
/// As for `kyoten_input_schema`.
unsafe fn schema_raw(
    operation: *const c_char,
    which: Which,
    out_json: *mut *mut c_char,
    out_len: *mut usize,
) -> KyotenStatus {
    // SAFETY: forwarded caller guarantee.
    unsafe {
        answer_raw(out_json, out_len, || {
            // SAFETY: forwarded caller guarantee.
            match read_name(operation) {
                Ok(name) => engine::schema(name, which),
                Err(a) => a,
            }
        })
    }
}

/// @brief The JSON Schema (draft 2020-12) of an operation's input document.
///
/// The same schema as the published file `schemas/<input_stem>.schema.json` (with its
/// `$id`), without the file's `examples`.
///
/// @param operation  NUL-terminated operation name. Borrowed. NULL gives
///                   KYOTEN_STATUS_NULL_ARGUMENT.
/// @param out_json   Required. Receives a new NUL-terminated JSON string: the schema on
///                   KYOTEN_STATUS_OK, otherwise a report saying why. The caller releases
///                   it with kyoten_free(out_json).
/// @param out_len    Optional (may be NULL). Receives its length without the NUL.
/// @return KYOTEN_STATUS_OK, KYOTEN_STATUS_NULL_ARGUMENT or
///         KYOTEN_STATUS_UNKNOWN_OPERATION.
///
/// @pre `operation` NULL or NUL-terminated; `out_json`, `out_len` NULL or valid for one write.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn kyoten_input_schema(
    operation: *const c_char,
    out_json: *mut *mut c_char,
    out_len: *mut usize,
) -> KyotenStatus {
    // SAFETY: forwarded caller guarantee.
    unsafe { schema_raw(operation, Which::Input, out_json, out_len) }
}

/// @brief The JSON Schema (draft 2020-12) of an operation's output report.
///
/// The same schema as the published file `schemas/<operation>.report.schema.json`,
/// without the file's `examples`.
///
/// Parameters, ownership (release `*out_json` with kyoten_free()) and return value as for
/// kyoten_input_schema().
///
/// @pre As for kyoten_input_schema().
#[unsafe(no_mangle)]
pub unsafe extern "C" fn kyoten_output_schema(
    operation: *const c_char,
    out_json: *mut *mut c_char,
    out_len: *mut usize,
) -> KyotenStatus {
    // SAFETY: forwarded caller guarantee.
    unsafe { schema_raw(operation, Which::Output, out_json, out_len) }
}

/// @brief Releases a string returned by the library, and sets the caller's pointer to
/// NULL.
///
/// The only function that frees what the library returns. Pass the address of your
/// pointer: `kyoten_free(&json);`. Afterwards `json == NULL`, so a second
/// `kyoten_free(&json)` is a no-op. `kyoten_free(NULL)` and a `*json` that is NULL are
/// no-ops too. Never pass memory that did not come from this library, nor a copy of a
/// pointer that was already freed through another variable.
///
/// @param json  NULL, or the address of a pointer that is NULL or was returned through
///              an `out_json` parameter of this library.
///
/// @pre `json` NULL or valid for one read and write; `*json` NULL or a pointer returned by
/// this library and not yet freed.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn kyoten_free(json: *mut *mut c_char) {
    if json.is_null() {
        return;
    }
    // Freeing cannot panic; the pad is there for the rule "every export has one".
    let _ = catch_unwind(AssertUnwindSafe(|| {
        // SAFETY: the caller guarantees `json` is valid and `*json` came from
        // `CString::into_raw` in `deliver` (or is NULL).
        unsafe {
            let p = std::mem::replace(&mut *json, std::ptr::null_mut());
            if !p.is_null() {
                drop(CString::from_raw(p));
            }
        }
    }));
}

/// @brief The library's version, e.g. "0.1.0".
///
/// @return A static NUL-terminated string owned by the library: do not free it. Valid
///         for the life of the process.
#[unsafe(no_mangle)]
pub extern "C" fn kyoten_version() -> *const c_char {
    catch_unwind(|| VERSION.as_ptr()).unwrap_or(c"unknown".as_ptr())
}

/// @brief The library's ABI version; equals KYOTEN_ABI_VERSION of the header it was
/// built with.
///
/// A program should check `kyoten_abi_version() == KYOTEN_ABI_VERSION` at start-up.
#[unsafe(no_mangle)]
pub extern "C" fn kyoten_abi_version() -> u32 {
    catch_unwind(|| KYOTEN_ABI_VERSION).unwrap_or(KYOTEN_ABI_VERSION)
}

/// @brief The name of a status value, e.g. "NULL_ARGUMENT" for 1.
///
/// @param status  Any integer (a KyotenStatus value).
/// @return A static NUL-terminated string owned by the library (do not free it);
///         "UNKNOWN" for a value that is not a status.
#[unsafe(no_mangle)]
pub extern "C" fn kyoten_status_name(status: i32) -> *const c_char {
    catch_unwind(|| {
        let found = ALL_STATUSES.iter().find(|s| **s as i32 == status);
        found.map_or(c"UNKNOWN", |s| s.name()).as_ptr()
    })
    .unwrap_or(c"UNKNOWN".as_ptr())
}

/// Panics inside the landing pad: lets the C tests see `KYOTEN_STATUS_INTERNAL`. Only
/// with the `testing` feature; not in the header.
///
/// @pre As for kyoten_operations().
#[cfg(feature = "testing")]
#[unsafe(no_mangle)]
#[allow(clippy::panic)]
pub unsafe extern "C" fn kyoten_testing_panic(
    out_json: *mut *mut c_char,
    out_len: *mut usize,
) -> KyotenStatus {
    // SAFETY: forwarded caller guarantee.
    unsafe {
        answer_raw(out_json, out_len, || {
            panic!("kyoten_testing_panic: deliberate panic")
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    #[allow(clippy::panic)]
    fn landing_pad_turns_a_panic_into_internal() {
        let a = landing_pad(|| panic!("boom"));
        assert_eq!(a.status, KyotenStatus::Internal);
        assert!(a.json.contains("operation.internal"));
        assert!(!a.json.contains("boom"));
    }

    #[test]
    fn deliver_writes_every_out_parameter() {
        let mut out: *mut c_char = std::ptr::null_mut();
        let mut len = 0usize;
        let mut valid = false;
        let st = unsafe { deliver(engine::operations_json(), &mut out, &mut len, &mut valid) };
        assert_eq!(st, KyotenStatus::Ok);
        assert!(valid);
        let text = unsafe { CStr::from_ptr(out) }.to_str().unwrap().to_owned();
        assert_eq!(text.len(), len);
        unsafe { kyoten_free(&mut out) };
        assert!(out.is_null());
    }

    #[test]
    fn status_names_cover_every_value_in_order() {
        for (i, s) in ALL_STATUSES.iter().enumerate() {
            assert_eq!(*s as usize, i);
        }
    }
}
