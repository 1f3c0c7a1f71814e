//! `kyoten`: the analysts' command-line tool.
//!
//! ```text
//! kyoten check [--lang ja|en] [--json] FILE…   check documents with every operation taking them
//! kyoten run OPERATION FILE|-                  print one operation's report (JSON)
//! kyoten ops                                   list the operations
//! kyoten schema OPERATION [input|output]       print a schema
//! ```
//!
//! A document's type comes from its `$schema` key (`../plan.schema.json`) or, failing
//! that, from its file name (`plan.minimal.json` → `plan`). Exit status: 0 when no report
//! has an error finding, 1 when one has, 2 on a usage or file error.

use kyoten_core::ops::{Operation, operations};
use kyoten_schemas::{document_stem, input_file, input_stem, operations_for_stem, output_file};
use serde_json::Value;
use std::ffi::OsString;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

const USAGE: &str = "\
kyoten — 小児等在宅医療連携拠点の文書を検査する / check pediatric home-care hub documents

使い方 / usage:
  kyoten check [--lang ja|en] [--json] FILE…
      各文書を、その型を受け取るすべての操作で検査する（型は $schema またはファイル名から）
      check each document with every operation taking its type ($schema key or file name)
  kyoten run OPERATION FILE|-
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
        if e.kind() == std::io::ErrorKind::BrokenPipe {
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

fn run(args: &[OsString], out: &mut dyn Write) -> Result<u8, Fail> {
    let [name, file] = args else {
        return Err(Fail(format!(
            "使い方 / usage: kyoten run OPERATION FILE|-\n\n{USAGE}"
        )));
    };
    let op = find_op(text(name)?)?;
    let bytes = read_input(file)?;
    let outcome = (op.run)(&bytes, &kyoten_core::input::Limits::default());
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
    json: bool,
    files: Vec<PathBuf>,
}

fn parse_check(args: &[OsString]) -> Result<CheckOptions, Fail> {
    let mut opts = CheckOptions {
        lang: Lang::Ja,
        json: false,
        files: Vec::new(),
    };
    let mut i = 0;
    let mut only_files = false;
    while let Some(arg) = args.get(i) {
        i += 1;
        if only_files {
            opts.files.push(PathBuf::from(arg));
            continue;
        }
        let s = arg.to_str();
        match s {
            Some("--") => only_files = true,
            Some("--json") => opts.json = true,
            Some("--lang") => {
                let v = args.get(i).ok_or_else(|| {
                    Fail("--lang には ja か en が必要です / --lang needs ja or en".into())
                })?;
                i += 1;
                opts.lang = parse_lang(text(v)?)?;
            }
            Some(s) if s.starts_with("--lang=") => {
                opts.lang = parse_lang(s.trim_start_matches("--lang="))?
            }
            Some(s) if s.starts_with('-') && s != "-" => {
                return Err(Fail(format!(
                    "不明なオプション / unknown option: {}\n\n{USAGE}",
                    s.escape_debug()
                )));
            }
            _ => opts.files.push(PathBuf::from(arg)),
        }
    }
    if opts.files.is_empty() {
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

fn check(args: &[OsString], out: &mut dyn Write) -> Result<u8, Fail> {
    let opts = parse_check(args)?;
    let lang = opts.lang;
    let mut status = 0u8;
    let mut json_files = Vec::new();
    for path in &opts.files {
        let shown = path.display().to_string();
        let checked = check_one(path);
        match checked {
            Err(Fail(msg)) => {
                status = 2;
                if opts.json {
                    json_files.push(serde_json::json!({ "file": shown, "error": msg }));
                } else {
                    eprintln!("kyoten: {msg}");
                }
            }
            Ok((stem, reports)) => {
                if reports
                    .iter()
                    .any(|r| r.get("valid") != Some(&Value::Bool(true)))
                {
                    status = status.max(1);
                }
                if opts.json {
                    json_files.push(
                        serde_json::json!({ "file": shown, "schema": stem, "reports": reports }),
                    );
                } else {
                    print_file(out, lang, &shown, &stem, &reports)?;
                }
            }
        }
    }
    if opts.json {
        let text = serde_json::to_string_pretty(&Value::Array(json_files))
            .map_err(|e| Fail(e.to_string()))?;
        w(out, format_args!("{text}\n"))?;
    }
    Ok(status)
}

/// Runs every operation taking the file's type; returns the stem and the reports.
fn check_one(path: &Path) -> Result<(String, Vec<Value>), Fail> {
    let bytes = read_file(path)?;
    let text = std::str::from_utf8(&bytes).ok();
    let stem = document_stem(path, text).ok_or_else(|| {
        Fail(format!(
            "{}: 文書の型がわかりません（$schema もファイル名の型もない） / cannot tell the document type (no $schema, no type in the file name)",
            path.display()
        ))
    })?;
    let ops = operations_for_stem(&stem);
    if ops.is_empty() {
        return Err(Fail(format!(
            "{}: 型 `{}` を受け取る操作がありません / no operation takes type `{}` (types: {})",
            path.display(),
            stem.escape_debug(),
            stem.escape_debug(),
            known_stems().join(", ")
        )));
    }
    let mut reports = Vec::new();
    for op in ops {
        let outcome = (op.run)(&bytes, &kyoten_core::input::Limits::default());
        let report: Value = serde_json::from_str(&outcome.json).map_err(|e| {
            Fail(format!(
                "{}: internal error, report is not JSON: {e}",
                op.name
            ))
        })?;
        reports.push(report);
    }
    Ok((stem, reports))
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

fn print_file(
    out: &mut dyn Write,
    lang: Lang,
    file: &str,
    stem: &str,
    reports: &[Value],
) -> Result<(), Fail> {
    match lang {
        Lang::Ja => w(out, format_args!("{file}（型: {stem}）\n"))?,
        Lang::En => w(out, format_args!("{file} (type: {stem})\n"))?,
    }
    for r in reports {
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
        let findings = r
            .get("findings")
            .and_then(Value::as_array)
            .map_or(&[][..], Vec::as_slice);
        for f in findings {
            let get = |k: &str| f.get(k).and_then(Value::as_str).unwrap_or("");
            let path = get("path");
            let path = if path.is_empty() {
                lang.pick("（文書全体）", "(whole document)")
            } else {
                path
            };
            let message = get(lang.pick("message_ja", "message_en"));
            w(
                out,
                format_args!(
                    "    {} {} {}: {}\n",
                    severity_label(lang, get("severity")),
                    get("code"),
                    path,
                    message
                ),
            )?;
        }
    }
    Ok(())
}
