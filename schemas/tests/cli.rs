//! Integration tests of the `kyoten` command-line tool: exit codes, languages, JSON output,
//! and clear messages (never a panic) on bad input.

#[path = "common/cli.rs"]
mod cli;

use cli::{kyoten, kyoten_stdin, scratch, stderr, stdout};
use serde_json::Value;
use std::path::Path;
use std::process::Output;

fn no_panic(o: &Output) {
    let e = stderr(o);
    assert!(!e.contains("panicked"), "panic: {e}");
}

/// Example documents (valid ones), relative to the workspace root.
fn example_files() -> Vec<String> {
    let root = kyoten_schemas::workspace_root();
    let mut files: Vec<String> = std::fs::read_dir(root.join("schemas/examples"))
        .expect("examples dir")
        .flatten()
        .filter(|e| e.path().is_file())
        .map(|e| format!("schemas/examples/{}", e.file_name().to_string_lossy()))
        .filter(|f| f.ends_with(".json"))
        .collect();
    files.sort();
    files
}

fn invalid_files() -> Vec<String> {
    let root = kyoten_schemas::workspace_root();
    let mut files: Vec<String> = std::fs::read_dir(root.join("schemas/examples/invalid"))
        .expect("invalid dir")
        .flatten()
        .map(|e| {
            format!(
                "schemas/examples/invalid/{}",
                e.file_name().to_string_lossy()
            )
        })
        .filter(|f| f.ends_with(".json"))
        .collect();
    files.sort();
    files
}

#[test]
fn ops_lists_every_operation_of_the_table() {
    let o = kyoten(&["ops"]);
    assert_eq!(o.status.code(), Some(0));
    let text = stdout(&o);
    for op in kyoten_core::ops::operations() {
        assert!(text.contains(op.name), "{} missing", op.name);
        assert!(text.contains(op.summary_ja) && text.contains(op.summary_en));
    }
}

#[test]
fn every_example_checks_valid_in_both_languages() {
    let files = example_files();
    assert!(!files.is_empty());
    let mut args = vec!["check"];
    args.extend(files.iter().map(String::as_str));
    let o = kyoten(&args);
    no_panic(&o);
    assert_eq!(o.status.code(), Some(0), "{}{}", stdout(&o), stderr(&o));
    let ja = stdout(&o);
    assert!(ja.contains("妥当") && !ja.contains("不適合"), "{ja}");
    let mut args_en = vec!["check", "--lang", "en"];
    args_en.extend(files.iter().map(String::as_str));
    let o = kyoten(&args_en);
    assert_eq!(o.status.code(), Some(0));
    let en = stdout(&o);
    assert!(
        en.contains("valid") && !en.contains("INVALID") && !en.contains("妥当"),
        "{en}"
    );
    // Every file and every operation taking its type appear in the report.
    for f in &files {
        assert!(ja.contains(f.as_str()), "{f}");
        let stem = kyoten_schemas::stem_from_file_name(Path::new(f)).expect("stem");
        for op in kyoten_schemas::operations_for_stem(&stem) {
            assert!(ja.contains(&format!("  {}: ", op.name)), "{f}: {}", op.name);
        }
    }
}

#[test]
fn every_invalid_document_is_rejected_with_exit_1() {
    for f in invalid_files() {
        let o = kyoten(&["check", "--json", &f]);
        no_panic(&o);
        assert_eq!(o.status.code(), Some(1), "{f}: {}", stdout(&o));
        let v: Value = serde_json::from_str(&stdout(&o)).expect("JSON output");
        let reports = v[0]["reports"].as_array().expect("reports");
        // Rejected by the type's validator: at least one operation taking the type
        // (an operation that computes rather than validates may still accept it).
        assert!(
            reports
                .iter()
                .any(|r| r["valid"] == false && r["errors"].as_u64().unwrap_or(0) >= 1),
            "{f}: {reports:?}"
        );
    }
}

#[test]
fn findings_are_printed_with_severity_code_path_and_message() {
    let dir = scratch("findings");
    let f = dir.join("tasks-query.bad.json");
    std::fs::write(&f, r#"{"秘密の氏名": 1}"#).expect("write");
    let f = f.to_string_lossy().into_owned();
    let o = kyoten(&["check", &f]);
    assert_eq!(o.status.code(), Some(1));
    let ja = stdout(&o);
    assert!(
        ja.contains("エラー input.unknown_field /秘密の氏名: この位置にない項目です"),
        "{ja}"
    );
    let o = kyoten(&["check", "--lang=en", &f]);
    let en = stdout(&o);
    assert!(
        en.contains("error input.unknown_field /秘密の氏名: Unknown field"),
        "{en}"
    );
    assert!(en.contains("INVALID (1 errors"), "{en}");
}

#[test]
fn json_output_holds_one_report_per_operation() {
    let files = example_files();
    let mut args = vec!["check", "--json"];
    args.extend(files.iter().map(String::as_str));
    let o = kyoten(&args);
    assert_eq!(o.status.code(), Some(0));
    let v: Value = serde_json::from_str(&stdout(&o)).expect("JSON");
    let arr = v.as_array().expect("array");
    assert_eq!(arr.len(), files.len());
    for entry in arr {
        let stem = entry["schema"].as_str().expect("schema");
        let ops = kyoten_schemas::operations_for_stem(stem);
        let reports = entry["reports"].as_array().expect("reports");
        assert_eq!(reports.len(), ops.len());
        for (r, op) in reports.iter().zip(ops) {
            assert_eq!(r["operation"], op.name);
            assert_eq!(r["valid"], true);
        }
    }
}

#[test]
fn run_reads_stdin_and_prints_the_report() {
    for op in kyoten_core::ops::operations() {
        let stem = kyoten_schemas::input_stem(op);
        let Some(example) = example_files().into_iter().find(|f| {
            kyoten_schemas::stem_from_file_name(Path::new(f)).as_deref() == Some(stem.as_str())
        }) else {
            continue;
        };
        let bytes = std::fs::read(kyoten_schemas::workspace_root().join(&example)).expect("read");
        let o = kyoten_stdin(&["run", op.name, "-"], &bytes);
        assert_eq!(o.status.code(), Some(0), "{}: {}", op.name, stderr(&o));
        let v: Value = serde_json::from_str(&stdout(&o)).expect("report JSON");
        assert_eq!(v["operation"], op.name);
        assert_eq!(v["valid"], true);
        let expected: Value =
            serde_json::from_str(&kyoten_core::ops::run(op.name, &bytes).expect("op").json)
                .expect("json");
        assert_eq!(v, expected, "{}", op.name);
        // Not JSON: exit 1 with an input.not_json finding.
        let o = kyoten_stdin(&["run", op.name, "-"], b"{not json");
        assert_eq!(o.status.code(), Some(1));
        let v: Value = serde_json::from_str(&stdout(&o)).expect("report JSON");
        assert_eq!(v["findings"][0]["code"], "input.not_json");
    }
}

#[test]
fn schema_prints_the_generated_schemas() {
    for op in kyoten_core::ops::operations() {
        for (which, file) in [
            ("input", kyoten_schemas::input_file(op)),
            ("output", kyoten_schemas::output_file(op)),
        ] {
            let o = kyoten(&["schema", op.name, which]);
            assert_eq!(o.status.code(), Some(0));
            let v: Value = serde_json::from_str(&stdout(&o)).expect("schema JSON");
            assert_eq!(v["$id"], format!("{}{file}", kyoten_schemas::BASE_URL));
        }
    }
    let o = kyoten(&["schema", "no.such.op"]);
    assert_eq!(o.status.code(), Some(2));
    let o = kyoten(&["schema", "tasks.list", "sideways"]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn not_utf8_content_is_a_finding_not_a_crash() {
    let dir = scratch("utf8");
    let f = dir.join("tasks-query.latin1.json");
    std::fs::write(&f, [b'{', b'"', 0xff, 0xfe, b'"', b':', b'1', b'}']).expect("write");
    let o = kyoten(&["check", "--json", &f.to_string_lossy()]);
    no_panic(&o);
    assert_eq!(o.status.code(), Some(1));
    let v: Value = serde_json::from_str(&stdout(&o)).expect("JSON");
    assert_eq!(v[0]["reports"][0]["findings"][0]["code"], "input.not_utf8");
}

#[test]
fn usage_and_file_errors_exit_2_with_a_message() {
    let dir = scratch("usage");
    let unknown_type = dir.join("no-such-type.x.json");
    std::fs::write(&unknown_type, "{}").expect("write");
    let empty_dir = dir.join("empty");
    std::fs::create_dir_all(&empty_dir).expect("mkdir");
    let cases: Vec<(Vec<String>, &str)> = vec![
        (vec![], "no command"),
        (vec!["frobnicate".into()], "unknown command"),
        (vec!["check".into()], "no files"),
        (
            vec![
                "check".into(),
                "--lang".into(),
                "fr".into(),
                "x.json".into(),
            ],
            "ja or en",
        ),
        (vec!["check".into(), "--lang".into()], "--lang needs"),
        (
            vec!["check".into(), "--bogus".into(), "x.json".into()],
            "unknown option",
        ),
        (
            vec![
                "check".into(),
                "schemas/examples/does-not-exist.json".into(),
            ],
            "no such file",
        ),
        (
            vec!["check".into(), empty_dir.to_string_lossy().into_owned()],
            "no .json file in the folder",
        ),
        (
            vec![
                "render".into(),
                "schemas/examples/plan.odawara-fy2017.json".into(),
            ],
            "usage",
        ),
        (
            vec![
                "render".into(),
                "schemas/examples/plan.odawara-fy2017.json".into(),
                "--out".into(),
                dir.join("x.svg").to_string_lossy().into_owned(),
            ],
            "no operation makes a document",
        ),
        (
            vec!["import-csv".into(), "no-such-kind".into(), "x.csv".into()],
            "unknown kind",
        ),
        (
            vec!["check".into(), unknown_type.to_string_lossy().into_owned()],
            "no operation takes",
        ),
        (
            vec!["run".into(), "no.such.op".into(), "-".into()],
            "unknown operation",
        ),
        (vec!["run".into(), "tasks.list".into()], "usage"),
        (vec!["ops".into(), "extra".into()], "no arguments"),
    ];
    for (args, needle) in cases {
        let refs: Vec<&str> = args.iter().map(String::as_str).collect();
        let o = kyoten(&refs);
        no_panic(&o);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert!(stderr(&o).contains(needle), "{args:?}: {}", stderr(&o));
    }
}

#[test]
fn non_utf8_file_name_is_a_clear_error() {
    use std::os::unix::ffi::OsStrExt;
    let name = std::ffi::OsStr::from_bytes(b"/nonexistent/\xff\xfe.json");
    let o = std::process::Command::new(env!("CARGO_BIN_EXE_kyoten"))
        .arg("check")
        .arg(name)
        .output()
        .expect("run");
    no_panic(&o);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn a_good_file_and_a_bad_file_give_exit_2_but_still_report_the_good_one() {
    let files = example_files();
    let first = files.first().expect("an example");
    let o = kyoten(&["check", first, "missing.json"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stdout(&o).contains(first.as_str()));
}

#[test]
fn failing_examples_exit_1_with_rule_findings() {
    let root = kyoten_schemas::workspace_root();
    let Ok(entries) = std::fs::read_dir(root.join("schemas/examples/failing")) else {
        return;
    };
    for e in entries.flatten() {
        let f = format!(
            "schemas/examples/failing/{}",
            e.file_name().to_string_lossy()
        );
        let o = kyoten(&["check", "--json", &f]);
        no_panic(&o);
        assert_eq!(o.status.code(), Some(1), "{f}");
        let v: Value = serde_json::from_str(&stdout(&o)).expect("JSON");
        assert!(
            v[0]["reports"]
                .as_array()
                .is_some_and(|r| r.iter().any(|r| r["valid"] == false)),
            "{f}"
        );
    }
}
