//! The CLI for people: results printed readably, each shared finding once, many documents
//! (folders, NDJSON on standard input), CSV and Excel output, `render`, and `import-csv`
//! from UTF-8 and CP932 files.

#[path = "common/cli.rs"]
mod cli;

use cli::{kyoten, kyoten_in, scratch, stdout};
use serde_json::Value;
use std::io::Read;

const PLAN: &str = "schemas/examples/plan.odawara-fy2017.json";
/// The older progress request (read by `plan.progress_upgrade` and the CSV import).
const PROGRESS: &str = "schemas/examples/progress-request.odawara-fy2017.json";
/// The plan carrying its progress part (read by `plan.progress`).
const PLAN_PROGRESS: &str = "schemas/examples/plan.odawara-fy2017-progress.json";
const CHART: &str = "schemas/examples/chart-request.odawara-fy2017.json";

#[test]
fn check_prints_results_with_japanese_labels() {
    let o = kyoten(&["check", PLAN]);
    assert_eq!(o.status.code(), Some(0));
    let out = stdout(&o);
    // plan.validate's summary, and plan.coverage's per-task table (labels from the schema).
    assert!(out.contains("      取組数: 23\n"), "{out}");
    assert!(out.contains("関係機関数: 44"), "{out}");
    assert!(out.contains("タスク別:"), "{out}");
    // Task 4 serves items 2, 3, 4, 6, 14, 15, 17 in the example.
    let t4 = out
        .lines()
        .find(|l| l.contains("福祉、行政、教育との連携"))
        .expect("task 4 row");
    assert!(t4.contains("│ 7 "), "{t4}");
    assert!(t4.contains("2、3、4、6、14、15、17"), "{t4}");
    // English labels.
    let en = stdout(&kyoten(&["check", "--lang", "en", PLAN]));
    assert!(en.contains("Number of items: 23"), "{en}");
}

#[test]
fn progress_lists_late_items_and_totals() {
    let out = stdout(&kyoten(&["check", PLAN_PROGRESS]));
    // 90 scheduled item-quarters: item 1 has 2, items 2–23 have 4 each.
    assert!(
        out.contains("全体: 予定数 90、完了 26、遅延 3、未着手 1、報告なし 60"),
        "{out}"
    );
    assert!(out.contains("遅れている取組:"), "{out}");
    assert!(out.contains("not_started"), "{out}");
}

#[test]
fn a_finding_several_operations_report_prints_once() {
    let out = stdout(&kyoten(&["check", PLAN]));
    // plan.validate and plan.coverage both report the duplicate title of item 21.
    assert_eq!(out.matches("plan.item.duplicate_title").count(), 1, "{out}");
    assert!(out.contains("複数の操作に共通"), "{out}");
    // The counts per operation still include it.
    assert!(
        out.contains("plan.coverage: 妥当（エラー 0、警告 0、情報 1）"),
        "{out}"
    );
    // An unreadable input: one message, not one per operation.
    let dir = scratch("broken");
    let broken = dir.join("plan.broken.json");
    std::fs::write(&broken, "{ not json").unwrap();
    let o = kyoten(&["check", broken.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        stdout(&o).matches("input.not_json").count(),
        1,
        "{}",
        stdout(&o)
    );
}

#[test]
fn a_folder_and_ndjson_on_stdin() {
    let o = kyoten(&["check", "--json", "schemas/examples"]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    let n = std::fs::read_dir(kyoten_schemas::workspace_root().join("schemas/examples"))
        .unwrap()
        .flatten()
        .filter(|e| e.path().is_file() && e.path().extension().is_some_and(|x| x == "json"))
        .count();
    assert_eq!(v.as_array().unwrap().len(), n);

    let root = kyoten_schemas::workspace_root();
    let one = |f: &str| -> String {
        let v: Value =
            serde_json::from_str(&std::fs::read_to_string(root.join(f)).unwrap()).unwrap();
        serde_json::to_string(&v).unwrap()
    };
    let ndjson = format!("{}\n\n{}\r\n", one(PLAN), one(PROGRESS));
    let o = kyoten_in(&["check", "-"], Some(ndjson.as_bytes()));
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let out = stdout(&o);
    assert!(out.contains("-:1（型: plan）"), "{out}");
    assert!(out.contains("-:3（型: progress-request）"), "{out}");
    // One pretty-printed document on stdin is one document.
    let whole = std::fs::read(root.join(PLAN)).unwrap();
    let out = stdout(&kyoten_in(&["check", "-"], Some(&whole)));
    assert!(out.starts_with("-（型: plan）"), "{out}");
}

#[test]
fn csv_tables_have_a_bom_japanese_headers_and_one_row_per_record() {
    let dir = scratch("csv");
    let o = kyoten(&["check", "--csv", dir.to_str().unwrap(), PLAN, PLAN_PROGRESS]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let bytes = std::fs::read(dir.join("plan.coverage.per_task.csv")).unwrap();
    assert_eq!(&bytes[..3], &[0xEF, 0xBB, 0xBF]);
    let text = String::from_utf8(bytes[3..].to_vec()).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    // A header, then six tasks for each of the two plans (the progress example is a plan).
    assert_eq!(lines.len(), 1 + 6 + 6, "{text}");
    assert!(
        lines[0].starts_with("ファイル,タスク番号,タスク名,取組数"),
        "{}",
        lines[0]
    );
    assert!(
        lines[4].starts_with(&format!("{PLAN},4,福祉、行政、教育との連携,7,0,")),
        "{}",
        lines[4]
    );
    // Late items of the progress example (as of 2017-10-16, Q1 and Q2 ended): Q2 has 23
    // items of which 7 are done (1, 2, 3, 7, 12, 17, 19) → 16; Q1 items 5, 13, 22 → 3.
    let late = std::fs::read_to_string(dir.join("plan.progress.late.csv")).unwrap();
    assert_eq!(late.lines().count(), 1 + 19, "{late}");
    // The findings table.
    let f = std::fs::read_to_string(dir.join("findings.csv")).unwrap();
    assert!(f.contains("plan.item.duplicate_title"));
}

#[test]
fn xlsx_has_one_sheet_per_table() {
    let dir = scratch("xlsx");
    let path = dir.join("results.xlsx");
    let o = kyoten(&["check", "--xlsx", path.to_str().unwrap(), PLAN]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let file = std::fs::File::open(&path).unwrap();
    let mut zip = zip::ZipArchive::new(file).expect("xlsx is a zip");
    let mut workbook = String::new();
    zip.by_name("xl/workbook.xml")
        .unwrap()
        .read_to_string(&mut workbook)
        .unwrap();
    for sheet in [
        "目次",
        "plan.validate",
        "plan.coverage.per_task",
        "findings",
    ] {
        assert!(
            workbook.contains(&format!("name=\"{sheet}\"")),
            "{sheet}: {workbook}"
        );
    }
    let mut strings = String::new();
    zip.by_name("xl/sharedStrings.xml")
        .unwrap()
        .read_to_string(&mut strings)
        .unwrap();
    assert!(strings.contains("タスク名") && strings.contains("協議会の開催"));
}

#[test]
fn render_writes_the_chart() {
    let dir = scratch("render");
    let out = dir.join("chart.svg");
    let o = kyoten(&["render", CHART, "--out", out.to_str().unwrap()]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let svg = std::fs::read_to_string(&out).unwrap();
    assert!(svg.starts_with("<?xml"));
    assert_eq!(svg.matches("class=\"bar ").count(), 134);
    assert!(stdout(&o).contains("plan.chart"));
    // A progress request is also a chart request: with --op it renders too.
    let o = kyoten(&[
        "render",
        PROGRESS,
        "--op",
        "plan.chart",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
}

#[test]
fn import_csv_reads_cp932_into_a_document() {
    let dir = scratch("import");
    // Written as Excel in Japan saves CSV: CP932, CRLF, Japanese headers, full-width digits.
    let text = "取組番号,四半期,状況,備考\r\n１,第2四半期,完了,\r\n5,第1四半期,遅延,日程調整中\r\n";
    let (bytes, _, unmappable) = encoding_rs::SHIFT_JIS.encode(text);
    assert!(!unmappable);
    assert!(std::str::from_utf8(&bytes).is_err(), "really CP932");
    let csv = dir.join("statuses.csv");
    std::fs::write(&csv, &bytes).unwrap();
    let o = kyoten(&[
        "import-csv",
        "progress-statuses",
        csv.to_str().unwrap(),
        "--into",
        PROGRESS,
    ]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(String::from_utf8_lossy(&o.stderr).contains("CP932"));
    let doc: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(
        doc["statuses"],
        serde_json::json!([
            {"item": {"no": 1}, "quarter": "q2", "status": "done"},
            {"item": {"no": 5}, "quarter": "q1", "status": "delayed", "note": "日程調整中"}
        ])
    );
    // The document runs (upgraded to a plan carrying its progress): 90 scheduled
    // item-quarters, 1 done, 1 delayed, 88 unreported.
    let o = kyoten_in(&["run", "plan.progress_upgrade", "-"], Some(&o.stdout));
    assert_eq!(o.status.code(), Some(0));
    let up: Value = serde_json::from_slice(&o.stdout).unwrap();
    let plan = serde_json::to_vec(&up["result"]).unwrap();
    let o = kyoten_in(&["run", "plan.progress", "-"], Some(&plan));
    assert_eq!(o.status.code(), Some(0));
    let r: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(
        r["result"]["totals"],
        serde_json::json!({"scheduled": 90, "done": 1, "delayed": 1, "not_started": 0, "unreported": 88})
    );
    // A bad row: every problem with its line, no document, exit 1.
    std::fs::write(&csv, "取組番号,四半期,状況\n1,第9四半期,完了\n").unwrap();
    let o = kyoten(&["import-csv", "progress-statuses", csv.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(o.stdout.is_empty());
    assert!(String::from_utf8_lossy(&o.stderr).contains("2 行 2 列（四半期）"));
}
