//! Helpers for the tests that run the `kyoten` command (included with
//! `#[path = "common/cli.rs"] mod cli;`).
#![allow(dead_code)]

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

/// Runs `kyoten args` in the workspace root, with `stdin` on its standard input (none:
/// an empty one), and checks that it did not panic.
pub fn kyoten_in(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_kyoten"))
        .args(args)
        .current_dir(kyoten_schemas::workspace_root())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn kyoten");
    let mut pipe = child.stdin.take().expect("stdin");
    if let Some(bytes) = stdin {
        pipe.write_all(bytes).expect("write stdin");
    }
    drop(pipe);
    let o = child.wait_with_output().expect("wait");
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(!err.contains("panicked"), "panic: {err}");
    o
}

/// Runs `kyoten args` (standard input empty).
pub fn kyoten(args: &[&str]) -> Output {
    kyoten_in(args, None)
}

/// Runs `kyoten args` with `input` on its standard input.
pub fn kyoten_stdin(args: &[&str], input: &[u8]) -> Output {
    kyoten_in(args, Some(input))
}

/// The standard output, as text.
pub fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("stdout is UTF-8")
}

/// The standard error, as text.
pub fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).expect("stderr is UTF-8")
}

/// An empty scratch folder of this test process, named `name`.
pub fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("kyoten-test-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("mkdir");
    dir
}
