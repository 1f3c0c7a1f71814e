//! Consultation and training logs from spreadsheets: the example CSV files beside the JSON
//! logs in `schemas/examples/` (the consultation log as Excel's 「CSV UTF-8」 writes it, BOM
//! and CRLF; the training log as Excel's plain 「CSV」 writes it in Japan, CP932 and CRLF)
//! give the same `consultations.summarize` / `trainings.summarize` reports as the JSON
//! examples that reproduce the seed's tables; bad cells are reported with their place.

use kyoten_schemas::import;
use serde_json::Value;
use std::path::PathBuf;
use std::process::Command;

fn example(name: &str) -> PathBuf {
    kyoten_schemas::workspace_root()
        .join("schemas/examples")
        .join(name)
}

/// The document `kyoten import-csv KIND FILE` writes, built through the library.
fn import(kind: &str, bytes: &[u8]) -> (Value, import::Encoding) {
    let k = import::kind(kind).expect("kind");
    let (text, enc) = import::decode(bytes, None).expect("decode");
    let records = import::records(k, &text).expect("no problem");
    let fy = import::latest_fiscal_year(&records, "date").expect("a date");
    let doc = serde_json::json!({
        "version": 2,
        "fiscal_year": fy,
        k.array: records,
    });
    (doc, enc)
}

fn report(op: &str, doc: &[u8]) -> String {
    let out = kyoten_core::ops::run(op, doc).expect("operation");
    assert!(out.valid, "{op}: {}", out.json);
    out.json
}

#[test]
fn consultation_csv_reproduces_the_json_example() {
    let bytes = std::fs::read(example("consultation-log.hinatabokko-fy2012.csv")).unwrap();
    assert!(bytes.starts_with(&[0xEF, 0xBB, 0xBF]), "written with a BOM");
    let (doc, enc) = import("consultation-log", &bytes);
    assert_eq!(enc, import::Encoding::Utf8);
    assert_eq!(doc["fiscal_year"], 2012);
    assert_eq!(doc["consultations"].as_array().unwrap().len(), 98);
    let json = std::fs::read(example("consultation-log.hinatabokko-fy2012.json")).unwrap();
    let from_json = report("consultations.summarize", &json);
    let from_csv = report(
        "consultations.summarize",
        &serde_json::to_vec(&doc).unwrap(),
    );
    assert_eq!(from_csv, from_json);
    // The seed's printed totals (平成24年度 69, 平成23年度 29) are in that report.
    let r: Value = serde_json::from_str(&from_csv).unwrap();
    assert_eq!(r["result"]["year_on_year"]["this_year"], 69, "{r}");
    assert_eq!(r["result"]["year_on_year"]["last_year"], 29, "{r}");

    // The same file saved as CP932 (Excel's plain 「CSV」) reads the same.
    let text = std::str::from_utf8(&bytes[3..]).unwrap();
    let (sjis, _, unmappable) = encoding_rs::SHIFT_JIS.encode(text);
    assert!(!unmappable);
    let (doc2, enc2) = import("consultation-log", &sjis);
    assert_eq!(enc2, import::Encoding::Cp932);
    assert_eq!(doc2, doc);
}

#[test]
fn training_csv_in_cp932_reproduces_the_json_example() {
    let bytes = std::fs::read(example("training-log.professions-fy2012.csv")).unwrap();
    assert!(
        std::str::from_utf8(&bytes).is_err(),
        "committed as CP932 bytes"
    );
    let (doc, enc) = import("training-log", &bytes);
    assert_eq!(enc, import::Encoding::Cp932);
    let json = std::fs::read(example("training-log.professions-fy2012.json")).unwrap();
    // The records are the JSON example's, field for field (「介護・看護職員」 is kept as the
    // audience's wording beside care_worker and nurse).
    let ex: Value = serde_json::from_slice(&json).unwrap();
    assert_eq!(doc["trainings"], ex["trainings"]);
    assert_eq!(doc["fiscal_year"], ex["fiscal_year"]);
    let from_json = report("trainings.summarize", &json);
    let from_csv = report("trainings.summarize", &serde_json::to_vec(&doc).unwrap());
    assert_eq!(from_csv, from_json);
    // The seed's table: 7/13 訪問看護師・薬剤師 45, 8/9 介護職 81.
    let r: Value = serde_json::from_str(&from_csv).unwrap();
    let first = &r["result"]["sessions"][0];
    assert_eq!(first["date_ja"], "7/13");
    assert_eq!(first["audience_ja"], "訪問看護師・薬剤師");
    assert_eq!(first["attendees"], 45);
    assert_eq!(r["result"]["sessions"][1]["attendees"], 81);
    assert_eq!(r["result"]["total"]["attendees"], 421);
}

#[test]
fn an_office_spreadsheet_with_its_own_words() {
    // Full-width digits, 和文 dates, several topics in one cell with 、・; and a label that
    // itself holds 「・」, aliases, circled task numbers, 解決/未解決.
    let text = "相談日,相談者,相談内容,解決の有無,タスク\n\
                ２０１３年１月５日,家族,短期入所・レスパイト、往診医;就学,解決,⑥\n\
                2013/2/1,訪問看護ステーション,医療的ケアの手技・福祉制度・手当,未解決,タスク6\n\
                2013-03-31,学校・保育所,,,\n";
    let k = import::kind("consultation-log").unwrap();
    let recs = import::records(k, text).unwrap();
    assert_eq!(
        Value::Array(recs),
        serde_json::json!([
            {"date": "2013-01-05", "source": "family",
             "topics": ["short_stay", "home_visit_doctor", "schooling"], "resolved": true, "task": 6},
            {"date": "2013-02-01", "source": "visiting_nurse_station",
             "topics": ["medical_care", "welfare"], "resolved": false, "task": 6},
            {"date": "2013-03-31", "source": "school"}
        ])
    );
}

#[test]
fn every_bad_cell_is_reported_by_row_and_column_without_its_text() {
    let text = "日付,相談元,相談内容,解決,タスク\n\
                2012/4/1,医療機関,相談支援,はい,6\n\
                四月一日,山田太郎,相談支援、山田花子の件,たぶん,7\n\
                2012/4/3,,相談支援,,\n";
    let k = import::kind("consultation-log").unwrap();
    let errs = import::records(k, text).unwrap_err();
    assert_eq!(errs.len(), 6, "{errs:#?}");
    assert!(errs[0].starts_with("3 行 1 列（日付）"), "{}", errs[0]);
    assert!(errs[1].starts_with("3 行 2 列（相談元）"), "{}", errs[1]);
    assert!(
        errs[2].starts_with("3 行 3 列（相談内容）: 2 番目の項目"),
        "{}",
        errs[2]
    );
    assert!(errs[3].starts_with("3 行 4 列（解決）"), "{}", errs[3]);
    assert!(errs[4].starts_with("3 行 5 列（タスク）"), "{}", errs[4]);
    assert!(
        errs[5].starts_with("4 行 2 列（相談元）: 空です"),
        "{}",
        errs[5]
    );
    for e in &errs {
        for secret in ["山田", "四月", "たぶん"] {
            assert!(!e.contains(secret), "echoes the input: {e}");
        }
    }
    let t = import::kind("training-log").unwrap();
    let errs = import::records(
        t,
        "日付,対象職種,テーマ,参加者数\n2012/7/13,訪問看護師・占い師,秘密の会,-3\n",
    )
    .unwrap_err();
    assert_eq!(errs.len(), 2, "{errs:#?}");
    assert!(errs[0].starts_with("2 行 2 列（対象職種）: 2 番目の項目"));
    assert!(errs[1].starts_with("2 行 4 列（参加者数）: 0 以上の整数"));
    assert!(
        errs.iter()
            .all(|e| !e.contains("占い師") && !e.contains("秘密"))
    );
}

/// What the README tells an analyst: two commands, from her Excel file to the tables.
#[test]
fn two_commands_from_excel_csv_to_the_tables() {
    let dir = std::env::temp_dir().join(format!("kyoten-import-logs-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let log = dir.join("training-log.json");
    let kyoten = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_kyoten"))
            .args(args)
            .current_dir(kyoten_schemas::workspace_root())
            .output()
            .expect("run kyoten")
    };
    let o = kyoten(&[
        "import-csv",
        "training-log",
        "schemas/examples/training-log.professions-fy2012.csv",
        "--out",
        log.to_str().unwrap(),
    ]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(0), "{err}");
    assert!(
        err.contains("7 行を trainings に読みました（CP932）"),
        "{err}"
    );
    assert!(err.contains("2012 年度"), "{err}");
    let csv_dir = dir.join("tables");
    let o = kyoten(&[
        "check",
        "--csv",
        csv_dir.to_str().unwrap(),
        log.to_str().unwrap(),
    ]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(out.contains("trainings.summarize"), "{out}");
    let written = std::fs::read_dir(&csv_dir).unwrap().count();
    assert!(written > 0, "tables written");
    // --fiscal-year chooses the year: FY2013 holds none of these sessions.
    let o = kyoten(&[
        "import-csv",
        "training-log",
        "schemas/examples/training-log.professions-fy2012.csv",
        "--fiscal-year",
        "2013",
    ]);
    assert_eq!(o.status.code(), Some(0));
    let doc: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(doc["fiscal_year"], 2013);
    assert_eq!(doc["version"], 2);
    let _ = std::fs::remove_dir_all(&dir);
}
