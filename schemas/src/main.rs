//! `kyoten`: the analysts' command-line tool.
//!
//! ```text
//! kyoten check [--lang ja|en] [--json] [--csv DIR] [--xlsx FILE] FILE|DIR|-…
//!                                              check documents, print results and findings
//! kyoten render FILE|- --out PATH [--op OP]    write a chart or sheet (svg, html) to a file
//! kyoten import-csv KIND FILE|- [--into DOC] [--fiscal-year YEAR]
//!                                              CSV (UTF-8 or CP932) → a document's records
//! kyoten combine-meetings PLAN MEETING|DIR… [--out PATH]
//!                                              a plan and its minutes → a meetings.progress request
//! kyoten run OPERATION FILE|-                  print one operation's report (JSON)
//! kyoten ops                                   list the operations
//! kyoten schema OPERATION [input|output]       print a schema
//! ```
//!
//! A document's type comes from its `$schema` key (`../plan.schema.json`) or, failing
//! that, from its file name (`plan.minimal.json` → `plan`). Exit status: 0 when no report
//! has an error finding, 1 when one has, 2 on a usage or file error.

use kyoten_core::ops::{Operation, operations};
use kyoten_schemas::show;
use kyoten_schemas::{document_stem, input_file, input_stem, operations_for_stem, output_file};
use serde_json::Value;
use std::ffi::OsString;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

const USAGE: &str = "\
kyoten — 小児等在宅医療連携拠点の文書を検査する / check pediatric home-care hub documents

使い方 / usage:
  kyoten check [--lang ja|en] [--json] [--draft] [--csv DIR] [--xlsx FILE] FILE|DIR|-…
      各文書を、その型を受け取るすべての操作で検査し、結果と指摘を表示する（型は $schema
      またはファイル名から）。フォルダはその中の .json すべて、- は標準入力（JSON 一つ、
      または一行に一文書の NDJSON）。--csv は表を CSV（UTF-8 BOM 付き）に、--xlsx は
      Excel ファイル（表ごとに一枚のシート）に書き出す
      check each document with every operation taking its type ($schema key or file
      name) and print the results and findings; a folder means its .json files, - reads
      standard input (one JSON document, or NDJSON); --csv writes the tables as CSV (UTF-8
      with BOM), --xlsx as one Excel workbook with a sheet per table
      --draft は下書きとして読む（未記入の項目は警告、結果は暫定） / --draft reads the
      documents as drafts (fields not filled in are warnings, results are provisional)
  kyoten render FILE|- --out PATH [--op OPERATION]
      図や帳票（SVG・HTML）をファイルに書き出す / write a chart or sheet (SVG, HTML) to a file
  kyoten import-csv KIND FILE|- [--into DOC.json] [--out PATH] [--encoding auto|utf-8|cp932]
                   [--fiscal-year YEAR]
      CSV（UTF-8 または CP932）を文書の記録の配列にする。KIND は progress-statuses,
      consultation-log（相談記録）, training-log（研修記録）。記録の年度は --fiscal-year
      （例 2012 = 平成24年度）、なければ日付の最も新しい年度
      read CSV rows into a document; KIND is progress-statuses, consultation-log or
      training-log; a log's fiscal year is --fiscal-year, else that of its latest date
  kyoten combine-meetings PLAN.json MEETING.json|DIR… [--out PATH]
      進捗つきの計画と会議の記録（会議録・会議記録集、フォルダ可）を一つの照会
      （meeting-progress-request）にする。check すると会議録を根拠にした進捗が出る
      put a plan carrying its progress and meeting records (files or folders) into one
      meetings.progress request; check it for progress with the minutes as evidence
  kyoten run [--draft] OPERATION FILE|-
      一つの操作の結果報告（JSON）を出力する / print one operation's report (JSON)
  kyoten ops
      操作の一覧 / list the operations
  kyoten schema OPERATION [input|output]
      入力または結果報告の JSON Schema を出力する / print the input or report JSON Schema

終了コード / exit status: 0 = エラーなし / no error finding, 1 = エラーの指摘あり / an error
finding, 2 = 使い方・ファイルの誤り / usage or file error";

#[derive(Clone, Copy, PartialEq, Eq)]
enum Lang {
    Ja,
    En,
}

impl Lang {
    fn pick<'a>(self, ja: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Ja => ja,
            Lang::En => en,
        }
    }
}

/// A usage or file error: message, exit status 2.
struct Fail(String);

fn main() -> ExitCode {
    let args: Vec<OsString> = std::env::args_os().skip(1).collect();
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let code = match dispatch(&args, &mut out) {
        Ok(code) => code,
        Err(Fail(msg)) => {
            if !msg.is_empty() {
                eprintln!("kyoten: {msg}");
            }
            2
        }
    };
    let _ = out.flush();
    ExitCode::from(code)
}

fn text(arg: &OsString) -> Result<&str, Fail> {
    arg.to_str()
        .ok_or_else(|| Fail("引数が UTF-8 ではありません / an argument is not UTF-8".into()))
}

fn dispatch(args: &[OsString], out: &mut dyn Write) -> Result<u8, Fail> {
    let Some(cmd) = args.first() else {
        return Err(Fail(format!(
            "コマンドがありません / no command\n\n{USAGE}"
        )));
    };
    let rest = args.get(1..).unwrap_or(&[]);
    match text(cmd)? {
        "check" => check(rest, out),
        "render" => render(rest, out),
        "import-csv" => import_csv(rest, out),
        "combine-meetings" => combine_meetings(rest, out),
        "run" => run(rest, out),
        "ops" => {
            if !rest.is_empty() {
                return Err(Fail(
                    "ops は引数を取りません / ops takes no arguments".into(),
                ));
            }
            ops(out)
        }
        "schema" => schema(rest, out),
        "help" | "--help" | "-h" => {
            w(out, format_args!("{USAGE}\n"))?;
            Ok(0)
        }
        other => Err(Fail(format!(
            "不明なコマンド / unknown command: {}\n\n{USAGE}",
            other.escape_debug()
        ))),
    }
}

fn w(out: &mut dyn Write, args: std::fmt::Arguments<'_>) -> Result<(), Fail> {
    out.write_fmt(args).map_err(|e| {
        // Windows reports a closed pipe as ERROR_NO_DATA (232) or ERROR_PIPE_NOT_CONNECTED (233).
        let closed_on_windows = cfg!(windows) && matches!(e.raw_os_error(), Some(232 | 233));
        if e.kind() == std::io::ErrorKind::BrokenPipe || closed_on_windows {
            // The reader went away (`kyoten check … | head`): stop quietly.
            Fail(String::new())
        } else {
            Fail(format!("出力できません / cannot write output: {e}"))
        }
    })
}

fn find_op(name: &str) -> Result<&'static Operation, Fail> {
    kyoten_core::ops::find(name).ok_or_else(|| {
        let names: Vec<&str> = operations().map(|op| op.name).collect();
        Fail(format!(
            "不明な操作 / unknown operation: {}（使える操作 / operations: {}）",
            name.escape_debug(),
            names.join(", ")
        ))
    })
}

fn read_input(arg: &OsString) -> Result<Vec<u8>, Fail> {
    if arg == "-" {
        let mut buf = Vec::new();
        std::io::stdin().read_to_end(&mut buf).map_err(|e| {
            Fail(format!(
                "標準入力を読めません / cannot read standard input: {e}"
            ))
        })?;
        return Ok(buf);
    }
    read_file(Path::new(arg))
}

fn read_file(path: &Path) -> Result<Vec<u8>, Fail> {
    if path.is_dir() {
        return Err(Fail(format!(
            "{}: ディレクトリです。ファイルを指定してください / is a directory, not a file",
            path.display()
        )));
    }
    std::fs::read(path).map_err(|e| {
        let why = match e.kind() {
            std::io::ErrorKind::NotFound => "ファイルがありません / no such file".to_owned(),
            std::io::ErrorKind::PermissionDenied => {
                "読む権限がありません / permission denied".to_owned()
            }
            _ => format!("読めません / cannot read: {e}"),
        };
        Fail(format!("{}: {why}", path.display()))
    })
}

/// The run-options document of `--draft` (read by the core, as on every surface).
fn run_options(draft: bool) -> &'static [u8] {
    if draft { br#"{"draft":true}"# } else { b"" }
}

/// The limits of the run options: the core reads them.
fn limits(draft: bool) -> kyoten_core::input::Limits {
    kyoten_core::run_options::limits_of(run_options(draft)).unwrap_or_default()
}

fn run(args: &[OsString], out: &mut dyn Write) -> Result<u8, Fail> {
    let draft = args.iter().any(|a| a == "--draft");
    let rest: Vec<OsString> = args.iter().filter(|a| *a != "--draft").cloned().collect();
    let [name, file] = rest.as_slice() else {
        return Err(Fail(format!(
            "使い方 / usage: kyoten run [--draft] OPERATION FILE|-\n\n{USAGE}"
        )));
    };
    let op = find_op(text(name)?)?;
    let bytes = read_input(file)?;
    let outcome = (op.run)(&bytes, &limits(draft));
    let pretty = serde_json::from_str::<Value>(&outcome.json)
        .ok()
        .and_then(|v| serde_json::to_string_pretty(&v).ok())
        .unwrap_or(outcome.json);
    w(out, format_args!("{pretty}\n"))?;
    Ok(if outcome.valid { 0 } else { 1 })
}

fn ops(out: &mut dyn Write) -> Result<u8, Fail> {
    for op in operations() {
        w(
            out,
            format_args!(
                "{}\n  {}\n  {}\n  {} → {}\n",
                op.name,
                op.summary_ja,
                op.summary_en,
                input_file(op),
                output_file(op)
            ),
        )?;
    }
    Ok(0)
}

fn schema(args: &[OsString], out: &mut dyn Write) -> Result<u8, Fail> {
    let (name, which) = match args {
        [name] => (name, "input"),
        [name, which] => (name, text(which)?),
        _ => {
            return Err(Fail(format!(
                "使い方 / usage: kyoten schema OPERATION [input|output]\n\n{USAGE}"
            )));
        }
    };
    let op = find_op(text(name)?)?;
    let schema = match which {
        "input" => kyoten_schemas::input_schema(op),
        "output" | "report" => kyoten_schemas::output_schema(op),
        other => {
            return Err(Fail(format!(
                "input か output を指定してください / expected input or output, got {}",
                other.escape_debug()
            )));
        }
    };
    let text = serde_json::to_string_pretty(&schema).map_err(|e| Fail(e.to_string()))?;
    w(out, format_args!("{text}\n"))?;
    Ok(0)
}

struct CheckOptions {
    lang: Lang,
    /// `--draft`: read the documents as drafts.
    draft: bool,
    json: bool,
    csv: Option<PathBuf>,
    xlsx: Option<PathBuf>,
    sources: Vec<OsString>,
}

/// Reads the value of an option (`--x V` or `--x=V`).
fn option_value(args: &[OsString], i: &mut usize, name: &str, s: &str) -> Result<OsString, Fail> {
    if let Some(v) = s.strip_prefix(&format!("{name}=")) {
        return Ok(OsString::from(v));
    }
    let v = args.get(*i).ok_or_else(|| {
        Fail(format!(
            "{name} には値が必要です / {name} needs a value\n\n{USAGE}"
        ))
    })?;
    *i += 1;
    Ok(v.clone())
}

fn parse_check(args: &[OsString]) -> Result<CheckOptions, Fail> {
    let mut opts = CheckOptions {
        lang: Lang::Ja,
        draft: false,
        json: false,
        csv: None,
        xlsx: None,
        sources: Vec::new(),
    };
    let mut i = 0;
    let mut only_files = false;
    while let Some(arg) = args.get(i) {
        i += 1;
        if only_files {
            opts.sources.push(arg.clone());
            continue;
        }
        let s = arg.to_str();
        match s {
            Some("--") => only_files = true,
            Some("--json") => opts.json = true,
            Some("--draft") => opts.draft = true,
            Some(s) if s == "--lang" || s.starts_with("--lang=") => {
                let v = option_value(args, &mut i, "--lang", s)?;
                opts.lang = parse_lang(text(&v)?)?;
            }
            Some(s) if s == "--csv" || s.starts_with("--csv=") => {
                opts.csv = Some(PathBuf::from(option_value(args, &mut i, "--csv", s)?));
            }
            Some(s) if s == "--xlsx" || s.starts_with("--xlsx=") => {
                opts.xlsx = Some(PathBuf::from(option_value(args, &mut i, "--xlsx", s)?));
            }
            Some(s) if s.starts_with('-') && s != "-" => {
                return Err(Fail(format!(
                    "不明なオプション / unknown option: {}\n\n{USAGE}",
                    s.escape_debug()
                )));
            }
            _ => opts.sources.push(arg.clone()),
        }
    }
    if opts.sources.is_empty() {
        return Err(Fail(format!(
            "検査するファイルがありません / no files to check\n\n{USAGE}"
        )));
    }
    Ok(opts)
}

fn parse_lang(s: &str) -> Result<Lang, Fail> {
    match s {
        "ja" => Ok(Lang::Ja),
        "en" => Ok(Lang::En),
        other => Err(Fail(format!(
            "--lang は ja か en です / --lang is ja or en, got {}",
            other.escape_debug()
        ))),
    }
}

/// Known input stems, for messages.
fn known_stems() -> Vec<String> {
    let mut stems: Vec<String> = operations().map(input_stem).collect();
    stems.sort();
    stems.dedup();
    stems
}

/// One document to check: its name (a path, `-`, or `-:LINE` for NDJSON) and its bytes,
/// or why it could not be read.
struct Doc {
    name: String,
    path: PathBuf,
    bytes: Result<Vec<u8>, Fail>,
}

/// Expands the command line: files, folders (their `*.json` files, sorted), and `-`
/// (standard input: one JSON document, or NDJSON, one document per line).
fn documents(sources: &[OsString]) -> Vec<Doc> {
    let mut docs = Vec::new();
    for src in sources {
        if src == "-" {
            let mut buf = Vec::new();
            if let Err(e) = std::io::stdin().read_to_end(&mut buf) {
                docs.push(Doc {
                    name: "-".into(),
                    path: PathBuf::from("-"),
                    bytes: Err(Fail(format!(
                        "標準入力を読めません / cannot read standard input: {e}"
                    ))),
                });
                continue;
            }
            let whole = std::str::from_utf8(&buf)
                .ok()
                .is_some_and(|t| serde_json::from_str::<serde::de::IgnoredAny>(t).is_ok());
            if whole || buf.iter().all(u8::is_ascii_whitespace) {
                docs.push(Doc {
                    name: "-".into(),
                    path: PathBuf::from("-"),
                    bytes: Ok(buf),
                });
                continue;
            }
            for (n, line) in buf.split(|&b| b == b'\n').enumerate() {
                let line = line.strip_suffix(b"\r").unwrap_or(line);
                if line.iter().all(u8::is_ascii_whitespace) {
                    continue;
                }
                docs.push(Doc {
                    name: format!("-:{}", n + 1),
                    path: PathBuf::from("-"),
                    bytes: Ok(line.to_vec()),
                });
            }
            continue;
        }
        let path = PathBuf::from(src);
        if path.is_dir() {
            let mut files: Vec<PathBuf> = match std::fs::read_dir(&path) {
                Ok(rd) => rd
                    .flatten()
                    .map(|e| e.path())
                    .filter(|p| {
                        p.is_file()
                            && p.extension()
                                .is_some_and(|x| x.eq_ignore_ascii_case("json"))
                    })
                    .collect(),
                Err(e) => {
                    docs.push(Doc {
                        name: path.display().to_string(),
                        path: path.clone(),
                        bytes: Err(Fail(format!(
                            "{}: フォルダを読めません / cannot read the folder: {e}",
                            path.display()
                        ))),
                    });
                    continue;
                }
            };
            files.sort();
            if files.is_empty() {
                docs.push(Doc {
                    name: path.display().to_string(),
                    path: path.clone(),
                    bytes: Err(Fail(format!(
                        "{}: フォルダに .json ファイルがありません / no .json file in the folder",
                        path.display()
                    ))),
                });
            }
            // Names as the folder was written plus `/` (`\` on Windows when the folder was
            // written with backslashes), so reports are the same on every system.
            let dir = src.to_string_lossy();
            let sep = if cfg!(windows) && !dir.contains('/') {
                '\\'
            } else {
                '/'
            };
            let dir = dir.trim_end_matches(['/', '\\']).to_owned();
            for f in files {
                let file_name = f.file_name().map(|n| n.to_string_lossy().into_owned());
                docs.push(Doc {
                    name: format!("{dir}{sep}{}", file_name.unwrap_or_default()),
                    bytes: read_file(&f),
                    path: f,
                });
            }
            continue;
        }
        docs.push(Doc {
            name: path.display().to_string(),
            bytes: read_file(&path),
            path,
        });
    }
    docs
}

/// A checked document: its type, and per operation the report (JSON text).
struct Checked {
    stem: String,
    reports: Vec<(&'static Operation, String)>,
}

fn check(args: &[OsString], out: &mut dyn Write) -> Result<u8, Fail> {
    let opts = parse_check(args)?;
    let lang = opts.lang;
    let mut status = 0u8;
    let mut json_files = Vec::new();
    let mut book = kyoten_schemas::export::Book::default();
    let mut schemas: Vec<(&'static str, Value)> = Vec::new();
    let file_header = lang.pick("ファイル", "file");
    for doc in documents(&opts.sources) {
        let checked = doc
            .bytes
            .and_then(|b| check_one(&doc.path, &doc.name, &b, opts.draft));
        match checked {
            Err(Fail(msg)) => {
                status = 2;
                if opts.json {
                    json_files.push(serde_json::json!({ "file": doc.name, "error": msg }));
                } else {
                    eprintln!("kyoten: {msg}");
                }
            }
            Ok(Checked { stem, reports }) => {
                let values: Vec<Value> = reports
                    .iter()
                    .map(|(_, t)| serde_json::from_str(t).unwrap_or(Value::Null))
                    .collect();
                if values
                    .iter()
                    .any(|r| r.get("valid") != Some(&Value::Bool(true)))
                {
                    status = status.max(1);
                }
                if opts.csv.is_some() || opts.xlsx.is_some() {
                    for ((op, text), v) in reports.iter().zip(&values) {
                        let schema = schema_of(&mut schemas, op);
                        let labels = show::Labels::new(schema, lang == Lang::En);
                        let result_schema = labels.field(Some(schema), "result");
                        if let Some(result) =
                            show::J::parse(text).and_then(|j| j.get("result").cloned())
                        {
                            for t in show::tables(&labels, op.name, result_schema, &result) {
                                book.add(&doc.name, file_header, t);
                            }
                        }
                        book.add(&doc.name, file_header, findings_table(lang, op.name, v));
                    }
                }
                if opts.json {
                    json_files.push(
                        serde_json::json!({ "file": doc.name, "schema": stem, "reports": values }),
                    );
                } else {
                    print_file(out, lang, &doc.name, &stem, &reports, &values, &mut schemas)?;
                }
            }
        }
    }
    if opts.json {
        let text = serde_json::to_string_pretty(&Value::Array(json_files))
            .map_err(|e| Fail(e.to_string()))?;
        w(out, format_args!("{text}\n"))?;
    }
    book.tables.retain(|t| !t.rows.is_empty());
    if let Some(dir) = &opts.csv {
        let written = kyoten_schemas::export::write_csv(&book, dir).map_err(Fail)?;
        eprintln!(
            "kyoten: {} 個の CSV を書きました / wrote {} CSV files in {}",
            written.len(),
            written.len(),
            dir.display()
        );
    }
    if let Some(path) = &opts.xlsx {
        kyoten_schemas::export::write_xlsx(&book, path).map_err(Fail)?;
        eprintln!(
            "kyoten: {} の表を書きました / wrote {} tables to {}",
            book.tables.len(),
            book.tables.len(),
            path.display()
        );
    }
    Ok(status)
}

/// The findings of a report as a table (`findings`).
fn findings_table(lang: Lang, op: &str, report: &Value) -> show::Table {
    let findings = report
        .get("findings")
        .and_then(Value::as_array)
        .map_or(&[][..], Vec::as_slice);
    let get = |f: &Value, k: &str| f.get(k).and_then(Value::as_str).unwrap_or("").to_owned();
    show::Table {
        name: "findings".into(),
        headers: [
            lang.pick("操作", "operation"),
            lang.pick("重大度", "severity"),
            lang.pick("コード", "code"),
            lang.pick("位置", "path"),
            lang.pick("内容", "message"),
        ]
        .iter()
        .map(|s| (*s).to_owned())
        .collect(),
        keys: ["operation", "severity", "code", "path", "message"]
            .iter()
            .map(|s| (*s).to_owned())
            .collect(),
        rows: findings
            .iter()
            .map(|f| {
                vec![
                    op.to_owned(),
                    severity_label(lang, &get(f, "severity")).to_owned(),
                    get(f, "code"),
                    get(f, "path"),
                    get(f, lang.pick("message_ja", "message_en")),
                ]
            })
            .collect(),
    }
}

/// The report schema of an operation, generated once.
fn schema_of<'a>(cache: &'a mut Vec<(&'static str, Value)>, op: &'static Operation) -> &'a Value {
    let pos = match cache.iter().position(|(n, _)| *n == op.name) {
        Some(p) => p,
        None => {
            cache.push((op.name, kyoten_schemas::output_schema(op)));
            cache.len() - 1
        }
    };
    &cache[pos].1
}

/// Runs every operation taking the document's type; returns the stem and the reports.
fn check_one(path: &Path, name: &str, bytes: &[u8], draft: bool) -> Result<Checked, Fail> {
    let text = std::str::from_utf8(bytes).ok();
    let stem = document_stem(path, text).ok_or_else(|| {
        Fail(format!(
            "{name}: 文書の型がわかりません（$schema もファイル名の型もない） / cannot tell the document type (no $schema, no type in the file name)"
        ))
    })?;
    let ops = operations_for_stem(&stem);
    if ops.is_empty() {
        return Err(Fail(format!(
            "{name}: 型 `{}` を受け取る操作がありません / no operation takes type `{}` (types: {})",
            stem.escape_debug(),
            stem.escape_debug(),
            known_stems().join(", ")
        )));
    }
    let mut reports = Vec::new();
    for op in ops {
        let outcome = (op.run)(bytes, &limits(draft));
        if serde_json::from_str::<serde::de::IgnoredAny>(&outcome.json).is_err() {
            return Err(Fail(format!(
                "{}: internal error, report is not JSON",
                op.name
            )));
        }
        reports.push((op, outcome.json));
    }
    Ok(Checked { stem, reports })
}

fn severity_label(lang: Lang, s: &str) -> &str {
    match (lang, s) {
        (Lang::Ja, "error") => "エラー",
        (Lang::Ja, "warning") => "警告",
        (Lang::Ja, "info") => "情報",
        (_, other) => other,
    }
}

fn count(r: &Value, key: &str) -> u64 {
    r.get(key).and_then(Value::as_u64).unwrap_or(0)
}

/// The identity of a finding, to print a finding that several operations report once.
fn finding_key(f: &Value) -> String {
    let get = |k: &str| f.get(k).and_then(Value::as_str).unwrap_or("");
    format!(
        "{}\u{0}{}\u{0}{}",
        get("code"),
        get("path"),
        get("message_en")
    )
}

fn print_finding(out: &mut dyn Write, lang: Lang, f: &Value, indent: &str) -> Result<(), Fail> {
    let get = |k: &str| f.get(k).and_then(Value::as_str).unwrap_or("");
    let path = get("path");
    let path = if path.is_empty() {
        lang.pick("（文書全体）", "(whole document)")
    } else {
        path
    };
    w(
        out,
        format_args!(
            "{indent}{} {} {}: {}\n",
            severity_label(lang, get("severity")),
            get("code"),
            path,
            get(lang.pick("message_ja", "message_en"))
        ),
    )
}

fn print_file(
    out: &mut dyn Write,
    lang: Lang,
    file: &str,
    stem: &str,
    reports: &[(&'static Operation, String)],
    values: &[Value],
    schemas: &mut Vec<(&'static str, Value)>,
) -> Result<(), Fail> {
    match lang {
        Lang::Ja => w(out, format_args!("{file}（型: {stem}）\n"))?,
        Lang::En => w(out, format_args!("{file} (type: {stem})\n"))?,
    }
    let findings_of = |r: &Value| -> Vec<Value> {
        r.get("findings")
            .and_then(Value::as_array)
            .cloned()
            .unwrap_or_default()
    };
    // Findings that more than one operation reports (the document's own problems, such as
    // input that cannot be read or the plan rules every plan operation checks) print once.
    let mut seen: Vec<(String, usize)> = Vec::new();
    for r in values {
        let mut keys: Vec<String> = findings_of(r).iter().map(finding_key).collect();
        keys.sort();
        keys.dedup();
        for k in keys {
            match seen.iter_mut().find(|(x, _)| *x == k) {
                Some((_, n)) => *n += 1,
                None => seen.push((k, 1)),
            }
        }
    }
    let shared =
        |f: &Value| values.len() > 1 && seen.iter().any(|(k, n)| *n > 1 && *k == finding_key(f));
    let mut printed: Vec<String> = Vec::new();
    let mut common = Vec::new();
    for r in values {
        for f in findings_of(r) {
            let k = finding_key(&f);
            if shared(&f) && !printed.contains(&k) {
                printed.push(k);
                common.push(f);
            }
        }
    }
    if !common.is_empty() {
        w(
            out,
            format_args!(
                "  {}\n",
                lang.pick(
                    "文書の指摘（複数の操作に共通、一度だけ表示）:",
                    "Findings on the document (common to several operations, shown once):"
                )
            ),
        )?;
        for f in &common {
            print_finding(out, lang, f, "    ")?;
        }
    }
    for ((op, text), r) in reports.iter().zip(values) {
        let name = r.get("operation").and_then(Value::as_str).unwrap_or("?");
        let valid = r.get("valid") == Some(&Value::Bool(true));
        let (e, wn, i) = (count(r, "errors"), count(r, "warnings"), count(r, "infos"));
        match lang {
            Lang::Ja => w(
                out,
                format_args!(
                    "  {name}: {}（エラー {e}、警告 {wn}、情報 {i}）\n",
                    if valid { "妥当" } else { "不適合" }
                ),
            )?,
            Lang::En => w(
                out,
                format_args!(
                    "  {name}: {} ({e} errors, {wn} warnings, {i} infos)\n",
                    if valid { "valid" } else { "INVALID" }
                ),
            )?,
        }
        for f in findings_of(r) {
            if !shared(&f) {
                print_finding(out, lang, &f, "    ")?;
            }
        }
        let Some(result) = show::J::parse(text).and_then(|j| j.get("result").cloned()) else {
            continue;
        };
        if result == show::J::Null {
            continue;
        }
        let schema = schema_of(schemas, op);
        let labels = show::Labels::new(schema, lang == Lang::En);
        let result_schema = labels.field(Some(schema), "result");
        w(out, format_args!("    {}\n", lang.pick("結果:", "Result:")))?;
        let body = show::print_result(&labels, result_schema, &result, 6);
        w(out, format_args!("{body}"))?;
    }
    Ok(())
}

fn render(args: &[OsString], out: &mut dyn Write) -> Result<u8, Fail> {
    let mut file = None;
    let mut dest = None;
    let mut op_name = None;
    let mut i = 0;
    while let Some(arg) = args.get(i) {
        i += 1;
        let s = arg.to_str().unwrap_or("");
        if s == "--out" || s.starts_with("--out=") {
            dest = Some(PathBuf::from(option_value(args, &mut i, "--out", s)?));
        } else if s == "--op" || s.starts_with("--op=") {
            op_name = Some(text(&option_value(args, &mut i, "--op", s)?)?.to_owned());
        } else if s.starts_with('-') && s != "-" {
            return Err(Fail(format!(
                "不明なオプション / unknown option: {}\n\n{USAGE}",
                s.escape_debug()
            )));
        } else if file.is_none() {
            file = Some(arg.clone());
        } else {
            return Err(Fail(format!(
                "render は一つのファイルを取ります / render takes one file\n\n{USAGE}"
            )));
        }
    }
    let (Some(file), Some(dest)) = (file, dest) else {
        return Err(Fail(format!(
            "使い方 / usage: kyoten render FILE|- --out PATH [--op OPERATION]\n\n{USAGE}"
        )));
    };
    let bytes = read_input(&file)?;
    let path = PathBuf::from(&file);
    let name = path.display().to_string();
    let text_in = std::str::from_utf8(&bytes).ok();
    let ops: Vec<&'static Operation> = match &op_name {
        Some(n) => vec![find_op(n)?],
        None => {
            let stem = document_stem(&path, text_in).ok_or_else(|| {
                Fail(format!(
                    "{name}: 文書の型がわかりません / cannot tell the document type (add $schema, or use --op)"
                ))
            })?;
            operations_for_stem(&stem)
        }
    };
    for op in ops {
        let outcome = (op.run)(&bytes, &kyoten_core::input::Limits::default());
        let report: Value = serde_json::from_str(&outcome.json).unwrap_or(Value::Null);
        let doc = show::DOCUMENT_KEYS.iter().find_map(|k| {
            report
                .get("result")
                .and_then(|r| r.get(*k))
                .and_then(Value::as_str)
        });
        let Some(doc) = doc else {
            if op_name.is_some() {
                for f in report
                    .get("findings")
                    .and_then(Value::as_array)
                    .map_or(&[][..], Vec::as_slice)
                {
                    let mut err = Vec::new();
                    print_finding(&mut err, Lang::Ja, f, "  ")?;
                    eprint!("{}", String::from_utf8_lossy(&err));
                }
                return Err(Fail(format!(
                    "{}: 図や帳票を作れませんでした / produced no document",
                    op.name
                )));
            }
            continue;
        };
        std::fs::write(&dest, doc).map_err(|e| {
            Fail(format!(
                "{}: 書けません / cannot write: {e}",
                dest.display()
            ))
        })?;
        let errors = count(&report, "errors");
        w(
            out,
            format_args!(
                "{} → {}（{}、エラー {errors}、警告 {}、情報 {}）\n",
                name,
                dest.display(),
                op.name,
                count(&report, "warnings"),
                count(&report, "infos")
            ),
        )?;
        return Ok(if outcome.valid { 0 } else { 1 });
    }
    Err(Fail(format!(
        "{name}: この文書の型には図や帳票（svg, html）を作る操作がありません / no operation makes a document (svg, html) from this type"
    )))
}

/// `kyoten combine-meetings PLAN MEETINGS… [--out PATH]`: the plan (carrying its progress
/// part) and every meeting record (`meeting` documents, or the `meetings` of
/// `meeting-records` documents; folders give their `.json` files) as one
/// `meeting-progress-request`, so no one copies a plan into a request by hand.
fn combine_meetings(args: &[OsString], out: &mut dyn Write) -> Result<u8, Fail> {
    let mut positional = Vec::new();
    let mut dest = None;
    let mut i = 0;
    while let Some(arg) = args.get(i) {
        i += 1;
        let s = arg.to_str().unwrap_or("");
        if s == "--out" || s.starts_with("--out=") {
            dest = Some(PathBuf::from(option_value(args, &mut i, "--out", s)?));
        } else if s.starts_with('-') && s != "-" {
            return Err(Fail(format!(
                "不明なオプション / unknown option: {}\n\n{USAGE}",
                s.escape_debug()
            )));
        } else {
            positional.push(arg.clone());
        }
    }
    let Some((plan_arg, sources)) = positional.split_first() else {
        return Err(Fail(
            "使い方 / usage: kyoten combine-meetings PLAN.json MEETING.json|DIR… [--out PATH]"
                .into(),
        ));
    };
    let object = |name: &str, bytes: &[u8]| -> Result<serde_json::Map<String, Value>, Fail> {
        match serde_json::from_slice::<Value>(bytes) {
            Ok(Value::Object(m)) => Ok(m),
            Ok(_) => Err(Fail(format!(
                "{name}: JSON オブジェクトではありません / not a JSON object"
            ))),
            Err(e) => Err(Fail(format!(
                "{name}: JSON として読めません / not JSON: {e}"
            ))),
        }
    };
    let plan_name = PathBuf::from(plan_arg).display().to_string();
    let mut plan = object(&plan_name, &read_input(plan_arg)?)?;
    plan.remove("$schema");
    let mut meetings: Vec<Value> = Vec::new();
    for doc in documents(sources) {
        let bytes = doc.bytes?;
        let mut m = object(&doc.name, &bytes)?;
        let stem = m
            .get("$schema")
            .and_then(Value::as_str)
            .and_then(kyoten_schemas::stem_from_schema_ref)
            .or_else(|| kyoten_schemas::stem_from_file_name(&doc.path));
        match stem.as_deref() {
            Some("meeting") => {
                m.remove("$schema");
                meetings.push(Value::Object(m));
            }
            Some("meeting-records") => {
                if let Some(Value::Array(list)) = m.remove("meetings") {
                    for mut one in list {
                        if let Value::Object(o) = &mut one {
                            o.remove("$schema");
                        }
                        meetings.push(one);
                    }
                }
            }
            _ => {
                return Err(Fail(format!(
                    "{}: 会議録（meeting）でも会議記録集（meeting-records）でもありません / neither a meeting nor meeting records",
                    doc.name
                )));
            }
        }
    }
    let n = meetings.len();
    let doc = serde_json::json!({
        "$schema": "../meeting-progress-request.schema.json",
        "version": kyoten_core::version::CURRENT,
        "plan": Value::Object(plan),
        "meetings": meetings,
    });
    let text_out = serde_json::to_string_pretty(&doc).map_err(|e| Fail(e.to_string()))? + "\n";
    match &dest {
        Some(p) => std::fs::write(p, &text_out)
            .map_err(|e| Fail(format!("{}: 書けません / cannot write: {e}", p.display())))?,
        None => w(out, format_args!("{text_out}"))?,
    }
    eprintln!(
        "kyoten: {plan_name} と {n} 件の会議の記録を合わせました / combined the plan with {n} meeting records"
    );
    Ok(0)
}

fn import_csv(args: &[OsString], out: &mut dyn Write) -> Result<u8, Fail> {
    use kyoten_schemas::import;
    let mut positional = Vec::new();
    let mut into = None;
    let mut dest = None;
    let mut force = None;
    let mut fiscal_year: Option<i32> = None;
    let mut i = 0;
    while let Some(arg) = args.get(i) {
        i += 1;
        let s = arg.to_str().unwrap_or("");
        if s == "--into" || s.starts_with("--into=") {
            into = Some(option_value(args, &mut i, "--into", s)?);
        } else if s == "--out" || s.starts_with("--out=") {
            dest = Some(PathBuf::from(option_value(args, &mut i, "--out", s)?));
        } else if s == "--fiscal-year" || s.starts_with("--fiscal-year=") {
            let v = option_value(args, &mut i, "--fiscal-year", s)?;
            let v = text(&v)?;
            fiscal_year = Some(
                v.parse::<i32>()
                    .ok()
                    .filter(|y| (1900..=2999).contains(y))
                    .ok_or_else(|| {
                        Fail(format!(
                            "--fiscal-year は西暦の年です（例 2012 = 平成24年度） / --fiscal-year is a year such as 2012, got {}",
                            v.escape_debug()
                        ))
                    })?,
            );
        } else if s == "--encoding" || s.starts_with("--encoding=") {
            force = match text(&option_value(args, &mut i, "--encoding", s)?)? {
                "utf-8" | "utf8" => Some(import::Encoding::Utf8),
                "cp932" | "shift_jis" | "sjis" => Some(import::Encoding::Cp932),
                "auto" => None,
                other => {
                    return Err(Fail(format!(
                        "--encoding は auto, utf-8, cp932 のいずれかです / --encoding is auto, utf-8 or cp932, got {}",
                        other.escape_debug()
                    )));
                }
            };
        } else if s.starts_with('-') && s != "-" {
            return Err(Fail(format!(
                "不明なオプション / unknown option: {}\n\n{USAGE}",
                s.escape_debug()
            )));
        } else {
            positional.push(arg.clone());
        }
    }
    let kinds: Vec<String> = import::KINDS
        .iter()
        .map(|k| format!("{} ({})", k.name, k.summary))
        .collect();
    let [kind, file] = positional.as_slice() else {
        return Err(Fail(format!(
            "使い方 / usage: kyoten import-csv KIND FILE|- [--into DOC.json] [--out PATH] [--encoding auto|utf-8|cp932] [--fiscal-year YEAR]\n種類 / kinds: {}",
            kinds.join("; ")
        )));
    };
    let kind_name = text(kind)?;
    let kind = import::kind(kind_name).ok_or_else(|| {
        Fail(format!(
            "不明な種類 / unknown kind: {}（種類 / kinds: {}）",
            kind_name.escape_debug(),
            kinds.join("; ")
        ))
    })?;
    let bytes = read_input(file)?;
    let shown = PathBuf::from(file).display().to_string();
    let (csv_text, enc) =
        import::decode(&bytes, force).map_err(|e| Fail(format!("{shown}: {e}")))?;
    let records = match import::records(kind, &csv_text) {
        Ok(r) => r,
        Err(problems) => {
            for p in &problems {
                eprintln!("kyoten: {shown}: {p}");
            }
            eprintln!(
                "kyoten: {} 件の問題。文書は書きませんでした / {} problems; no document written",
                problems.len(),
                problems.len()
            );
            return Ok(1);
        }
    };
    let mut doc = match &into {
        Some(p) => {
            let b = read_input(p)?;
            serde_json::from_slice::<Value>(&b).map_err(|e| {
                Fail(format!(
                    "{}: JSON として読めません / not JSON: {e}",
                    PathBuf::from(p).display()
                ))
            })?
        }
        None => serde_json::json!({
            "$schema": format!("../{}.schema.json", kind.stem),
            "version": kyoten_core::version::CURRENT,
        }),
    };
    let Value::Object(map) = &mut doc else {
        return Err(Fail(
            "--into の文書が JSON オブジェクトではありません / the --into document is not a JSON object".into(),
        ));
    };
    let n = records.len();
    if let Some(field) = kind.fiscal_year_from {
        let year = match fiscal_year {
            Some(y) => Some(y),
            None if map.contains_key("fiscal_year") => None,
            None => {
                let y = import::latest_fiscal_year(&records, field);
                if let Some(y) = y {
                    eprintln!(
                        "kyoten: {shown}: 年度は日付の最も新しい {y} 年度（4月〜翌3月）としました。ほかの年度は --fiscal-year で / fiscal year {y} (April to March) from the latest date; choose another with --fiscal-year"
                    );
                }
                y
            }
        };
        if let Some(y) = year {
            map.insert("fiscal_year".to_owned(), Value::from(y));
        }
    }
    map.insert(kind.array.to_owned(), Value::Array(records));
    let text_out = serde_json::to_string_pretty(&doc).map_err(|e| Fail(e.to_string()))? + "\n";
    match &dest {
        Some(p) => std::fs::write(p, &text_out)
            .map_err(|e| Fail(format!("{}: 書けません / cannot write: {e}", p.display())))?,
        None => w(out, format_args!("{text_out}"))?,
    }
    eprintln!(
        "kyoten: {shown}: {n} 行を {} に読みました（{}） / read {n} rows into {} ({})",
        kind.array,
        match enc {
            import::Encoding::Utf8 => "UTF-8",
            import::Encoding::Cp932 => "CP932",
        },
        kind.array,
        match enc {
            import::Encoding::Utf8 => "UTF-8",
            import::Encoding::Cp932 => "CP932",
        }
    );
    Ok(0)
}
