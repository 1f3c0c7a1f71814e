//! Run options (ground module): the per-call options every surface passes through
//! unchanged, as one JSON document, `{"draft": true, "max_input_bytes": 1048576}`.
//!
//! The C ABI (`kyoten_run_with_options`), the WASM build (`run(op, input, options)`), the
//! JavaScript wrappers (`run(op, input, { draft: true })`) and the CLI (`--draft`) all hand
//! the same document to [`limits_of`] (through `run_with_options` of the operation table); none of them
//! reads an option itself. An options document that cannot be read is reported with
//! findings of its own (`options.invalid`, `options.max_input_bytes.out_of_range`), whose
//! pointers point into the options document.
//!
//! | code | when |
//! |---|---|
//! | `options.invalid` | the options document is not JSON, not an object, has an unknown option or a value of the wrong kind |
//! | `options.max_input_bytes.out_of_range` | `max_input_bytes` below 1 or above 4294967295 |
//!
//! While an operation computes from a draft ([`crate::input::Read::Draft`]),
//! [`computing_from_draft`] is true on that thread, so that a decision that must never be
//! taken on a provisional document (the short-stay entitlement,
//! `decide` in the scores' entitlement module) can refuse it with a finding of its own.

use crate::finding::{Finding, Rule};
use crate::input::{DEFAULT_MAX_INPUT_BYTES, Limits};
use crate::rule;
use serde::Deserialize;
use std::cell::Cell;

/// 実行オプション / Options of one call, read from a JSON document. Every field is
/// optional; `{}` means the defaults.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, crate::input::Recover)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RunOptions {
    /// 下書き / Draft mode: missing or empty (`""`) required fields are warnings
    /// (`input.draft.not_filled`) instead of errors (an optional field left `""` is
    /// absent), the operation computes what it can, the parts of the result that rest on
    /// a field not filled in are left out (listed in the report's `withheld`), and the
    /// report is marked `provisional`. A draft never grants a short-stay entitlement.
    /// Default false.
    #[serde(default)]
    pub draft: bool,
    /// 入力の上限（バイト） / Largest input accepted by this call, in bytes (1 to
    /// 4294967295). Default 16777216 (16 MiB).
    #[serde(default)]
    #[cfg_attr(feature = "schema", schemars(range(min = 1, max = 4294967295u64)))]
    pub max_input_bytes: Option<u64>,
}

/// Largest `max_input_bytes` an options document may ask for.
pub const MAX_OPTION_INPUT_BYTES: u64 = 4_294_967_295;

rule!(
    OPTIONS_INVALID,
    "options.invalid",
    Error,
    "実行オプションが正しくありません（{problem}）",
    "The run options are not valid ({problem})",
    "The run options are a JSON object with the optional fields draft (true or false) and max_input_bytes (a whole number of bytes). The problem named in the message is one of the input.* codes of the rule catalogue, at the pointer into the options document. The operation was not run."
);
rule!(
    OPTIONS_MAX_INPUT_BYTES,
    "options.max_input_bytes.out_of_range",
    Error,
    "入力の上限は 1〜{max} バイトです（指定: {value}）",
    "The input limit must be 1 to {max} bytes (given: {value})",
    "max_input_bytes is the largest input the call accepts. Leave it out for the default, 16 MiB. The operation was not run."
);

/// Every rule of the run options.
pub const RULES: &[&Rule] = &[&OPTIONS_INVALID, &OPTIONS_MAX_INPUT_BYTES];

/// The limits a run-options document asks for; `Err` holds the findings when the
/// document cannot be read (each at its pointer into the options document). An empty
/// document (no bytes, or only white space) means the defaults.
pub fn limits_of(options: &[u8]) -> Result<Limits, Vec<Finding>> {
    if options.iter().all(u8::is_ascii_whitespace) {
        return Ok(Limits::default());
    }
    let small = Limits {
        max_input_bytes: 64 * 1024,
        draft: false,
    };
    let read = crate::input::read::<RunOptions>(options, &small).map_err(|u| {
        u.findings
            .into_iter()
            .map(|f| {
                let code = crate::input::RULES
                    .iter()
                    .find(|r| r.code == f.code)
                    .map_or("input.invalid_value", |r| r.code);
                OPTIONS_INVALID.at(f.path).with("problem", code)
            })
            .collect::<Vec<_>>()
    })?;
    limits_from(&read)
}

/// The limits of read options; `Err` when `max_input_bytes` is out of range.
pub fn limits_from(options: &RunOptions) -> Result<Limits, Vec<Finding>> {
    let max_input_bytes = match options.max_input_bytes {
        None => DEFAULT_MAX_INPUT_BYTES,
        Some(n) if (1..=MAX_OPTION_INPUT_BYTES).contains(&n) => {
            usize::try_from(n).unwrap_or(usize::MAX)
        }
        Some(n) => {
            return Err(vec![
                OPTIONS_MAX_INPUT_BYTES
                    .at("/max_input_bytes")
                    .with("max", MAX_OPTION_INPUT_BYTES)
                    .with("value", n),
            ]);
        }
    };
    Ok(Limits {
        max_input_bytes,
        draft: options.draft,
    })
}

/// The answer when the options cannot be read: a report of `operation` with the options'
/// findings and no result; the document is not read.
pub fn refused(operation: &str, findings: Vec<Finding>) -> crate::operation::Outcome {
    let report = crate::finding::Report::<()>::new(operation, findings, None);
    crate::operation::Outcome {
        json: {
            let mut out = crate::emit::JsonOut::default();
            crate::emit::write(&mut out, &report);
            out.into_string()
        },
        valid: false,
        problem: Some(crate::input::InputProblem::Options),
    }
}

/// The operation's findings on a draft, without those about a value not filled in yet:
/// a finding at (or inside) the pointer of an `input.draft.not_filled` reminder is about
/// the reader's stand-in, not about anything the user wrote (a rule that an empty field
/// breaks says again what the reminder says).
pub fn without_standins(reminders: &[Finding], findings: Vec<Finding>) -> Vec<Finding> {
    if reminders.is_empty() {
        return findings;
    }
    let inside = |path: &str, at: &str| {
        path == at
            || path
                .strip_prefix(at)
                .is_some_and(|rest| rest.starts_with('/'))
    };
    findings
        .into_iter()
        .filter(|f| !reminders.iter().any(|r| inside(&f.path, &r.path)))
        .collect()
}

thread_local! {
    static DRAFT: Cell<bool> = const { Cell::new(false) };
}

/// True while an operation on this thread computes from a draft (a document read in
/// draft mode with fields not yet filled in): its results are provisional.
pub fn computing_from_draft() -> bool {
    DRAFT.with(Cell::get)
}

/// Restores the previous draft flag when dropped (also on unwinding).
struct Restore(bool);

impl Drop for Restore {
    fn drop(&mut self) {
        DRAFT.with(|d| d.set(self.0));
    }
}

/// Runs `f` with [`computing_from_draft`] true on this thread.
pub fn in_draft<R>(f: impl FnOnce() -> R) -> R {
    let _restore = Restore(DRAFT.with(|d| d.replace(true)));
    f()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(r: Result<Limits, Vec<Finding>>) -> Vec<(String, String)> {
        r.unwrap_err()
            .into_iter()
            .map(|f| (f.code, f.path))
            .collect()
    }

    #[test]
    fn options_read_into_limits() {
        assert_eq!(limits_of(b"").unwrap(), Limits::default());
        assert_eq!(limits_of(b" {} ").unwrap(), Limits::default());
        let l = limits_of(br#"{"draft":true,"max_input_bytes":1024}"#).unwrap();
        assert!(l.draft);
        assert_eq!(l.max_input_bytes, 1024);
        let l = limits_of(br#"{"draft":false}"#).unwrap();
        assert!(!l.draft);
        assert_eq!(l.max_input_bytes, 16 * 1024 * 1024);
    }

    #[test]
    fn bad_options_get_their_own_findings() {
        assert_eq!(
            codes(limits_of(br#"{"drfat":true,"draft":"yes"}"#)),
            vec![
                ("options.invalid".to_owned(), "/drfat".to_owned()),
                ("options.invalid".to_owned(), "/draft".to_owned()),
            ]
        );
        let f = limits_of(br#"{"draft":"yes"}"#).unwrap_err();
        assert_eq!(
            f[0].message_en(),
            "The run options are not valid (input.wrong_type)"
        );
        assert_eq!(
            codes(limits_of(b"{\"draft\":")),
            vec![("options.invalid".to_owned(), String::new())]
        );
        assert_eq!(
            codes(limits_of(b"[]")),
            vec![("options.invalid".to_owned(), String::new())]
        );
        assert_eq!(
            codes(limits_of(br#"{"max_input_bytes":0}"#)),
            vec![(
                "options.max_input_bytes.out_of_range".to_owned(),
                "/max_input_bytes".to_owned()
            )]
        );
        assert_eq!(
            codes(limits_of(br#"{"max_input_bytes":4294967296}"#)),
            vec![(
                "options.max_input_bytes.out_of_range".to_owned(),
                "/max_input_bytes".to_owned()
            )]
        );
        assert_eq!(
            limits_of(br#"{"max_input_bytes":4294967295}"#)
                .unwrap()
                .max_input_bytes,
            usize::try_from(4_294_967_295u64).unwrap_or(usize::MAX)
        );
    }

    #[test]
    fn findings_on_standins_are_dropped() {
        let reminders = vec![OPTIONS_INVALID.at("/a/b")];
        let f = |p: &str| OPTIONS_MAX_INPUT_BYTES.at(p);
        let kept: Vec<String> = without_standins(
            &reminders,
            vec![f("/a/b"), f("/a/b/c"), f("/a/bc"), f("/a"), f("")],
        )
        .into_iter()
        .map(|f| f.path)
        .collect();
        assert_eq!(kept, ["/a/bc", "/a", ""]);
        assert_eq!(without_standins(&[], vec![f("/a/b")]).len(), 1);
    }

    #[test]
    fn the_draft_flag_holds_only_inside_in_draft() {
        assert!(!computing_from_draft());
        assert!(in_draft(computing_from_draft));
        assert!(in_draft(|| in_draft(computing_from_draft)));
        assert!(!computing_from_draft());
    }
}
