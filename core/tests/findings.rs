//! Findings as data and reading for people (issue 13): every input problem in one
//! report with readable locations, words without programmer vocabulary, privacy of keys,
//! syntax as syntax, one verdict per document, and a ground without area imports.

use kyoten_core::input::{InputProblem, Limits};
use kyoten_core::operations;
use serde_json::{Value, json};
use std::fs;

fn examples_dir() -> String {
    concat!(env!("CARGO_MANIFEST_DIR"), "/../schemas/examples").to_owned()
}

/// Every example file (valid, invalid and failing) as (file name, stem, bytes).
fn all_examples() -> Vec<(String, String, Vec<u8>)> {
    let mut out = Vec::new();
    for sub in ["", "/invalid", "/failing"] {
        let dir = format!("{}{sub}", examples_dir());
        let Ok(entries) = fs::read_dir(&dir) else {
            continue;
        };
        let mut names: Vec<_> = entries.flatten().map(|e| e.path()).collect();
        names.sort();
        for path in names {
            let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
                continue;
            };
            if !name.ends_with(".json") {
                continue;
            }
            let stem = name.split('.').next().unwrap_or("").to_owned();
            out.push((
                format!("{sub}/{name}"),
                stem,
                fs::read(&path).expect("read"),
            ));
        }
    }
    out
}

fn run(op: &str, doc: &Value) -> (Value, kyoten_core::Outcome) {
    let out = kyoten_core::ops::run(op, doc.to_string().as_bytes()).expect("operation");
    (serde_json::from_str(&out.json).expect("report"), out)
}

/// A summary with nine problems of distinct kinds.
pub fn nine_problems() -> Value {
    let text = fs::read_to_string(format!(
        "{}/summary-request.tube-feeding-oxygen-sits.json",
        examples_dir()
    ))
    .expect("example");
    let mut d: Value = serde_json::from_str(&text).expect("json");
    let s = &mut d["summary"];
    s["child"]["sex"] = json!(5); // wrong type
    s["child"]["nmae"] = json!("x"); // unknown field, nearest `name`
    s["child"].as_object_mut().unwrap().remove("kana"); // missing field
    s["allergies"]["status"] = json!("maybe"); // unknown value
    s["clinical"]["care"][0]["hours_per_day"] = json!(-2); // negative number
    s["clinical"]["care"][1]["since"] = json!("2019-02-30"); // impossible date, in an array element
    s["clinical"]["care"][2]["frequency"]["per"] = json!("month"); // nested object in an element
    s["vital_signs"]["weight_kg"] = json!("heavy"); // wrong type in a nested object
    s["clinical"]["iq"] = json!(70000); // out of range
    s["clinical"]["nicu_discharge"] = json!("令和元年5月31日"); // 和暦 in a date field
    d
}

#[test]
fn nine_problems_in_one_report_with_readable_locations() {
    for op in operations().filter(|o| o.input_type == "SummaryRequest") {
        let (r, out) = run(op.name, &nine_problems());
        assert_eq!(out.problem, Some(InputProblem::Shape));
        let got: Vec<(&str, &str, &str)> = r["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| {
                (
                    f["code"].as_str().unwrap(),
                    f["path"].as_str().unwrap(),
                    f["location_ja"].as_str().unwrap(),
                )
            })
            .collect();
        // Document order (the document is written with its keys sorted; a missing
        // field comes after the fields of its object that are there).
        let want = [
            (
                "input.unknown_value",
                "/summary/allergies/status",
                "対象児の情報 › アレルギー › 有無",
            ),
            (
                "input.unknown_field",
                "/summary/child/nmae",
                "対象児の情報 › 本人",
            ),
            (
                "input.wrong_type",
                "/summary/child/sex",
                "対象児の情報 › 本人 › 性別",
            ),
            (
                "input.missing_field",
                "/summary/child/kana",
                "対象児の情報 › 本人 › ふりがな（ひらがな又はカタカナ）",
            ),
            (
                "input.invalid_value",
                "/summary/clinical/care/0/hours_per_day",
                "対象児の情報 › 医療的ケア・運動機能・知能 › 医療的ケア 1（酸素療法） › 1日の使用時間",
            ),
            (
                "input.invalid_date",
                "/summary/clinical/care/1/since",
                "対象児の情報 › 医療的ケア・運動機能・知能 › 医療的ケア 2（経管栄養（経鼻胃管・胃ろう）） › 開始日",
            ),
            (
                "input.unknown_value",
                "/summary/clinical/care/2/frequency/per",
                "対象児の情報 › 医療的ケア・運動機能・知能 › 医療的ケア 3（吸引） › 頻度 › 単位",
            ),
            (
                "input.invalid_value",
                "/summary/clinical/iq",
                "対象児の情報 › 医療的ケア・運動機能・知能 › 知能指数（IQ）",
            ),
            (
                "input.invalid_date",
                "/summary/clinical/nicu_discharge",
                "対象児の情報 › 医療的ケア・運動機能・知能 › NICU 退院日",
            ),
            (
                "input.wrong_type",
                "/summary/vital_signs/weight_kg",
                "対象児の情報 › 平常時のバイタルサイン › 体重 (kg)",
            ),
        ];
        assert_eq!(got, want, "{}", op.name);
        let f = &r["findings"];
        assert_eq!(
            f[2]["message_ja"],
            "値の種類が違います（選択肢の文字列が必要ですが、整数が入っています）"
        );
        assert_eq!(f[1]["message_en"], "Unknown field (did you mean name?)");
        assert_eq!(
            f[4]["message_ja"],
            "値が許される範囲にありません（0〜255 の整数）"
        );
        assert_eq!(
            f[6]["message_ja"],
            "選択肢にない値です（使える値: hour（1時間あたり）、day（1日あたり）、week（1週あたり））"
        );
        assert_eq!(f[6]["args"]["allowed"][1]["label_ja"], "1日あたり");
        assert_eq!(
            f[6]["location_en"],
            "summary › clinical › care 3 (suctioning) › frequency › per"
        );
        assert_eq!(
            f[7]["message_ja"],
            "値が許される範囲にありません（0〜65535 の整数）"
        );
        assert_eq!(
            f[8]["message_ja"],
            "日付が正しくありません（YYYY-MM-DD の実在する日付）。2019-05-31 のことなら、そう書いてください"
        );
        assert_eq!(f[8]["args"]["reads_as"], "2019-05-31");
        assert_eq!(r["errors"], 10);
    }
}

/// Rust and serde words that must never reach a person.
const PROGRAMMER_WORDS: &[&str] = &[
    "u8",
    "u16",
    "u32",
    "u64",
    "i32",
    "i64",
    "f64",
    "usize",
    "struct",
    "sequence",
    "variant",
    "newtype",
    "Option",
    "serde",
    "invalid type",
    "invalid value",
    "expected a",
    "`",
    "crate::",
    "enum ",
    "String",
    "Vec",
    "bool",
    "unknown field",
    "unknown variant",
    "missing field",
    "expected one of",
];

fn assert_words_for_people(what: &str, report: &Value) {
    for f in report["findings"].as_array().into_iter().flatten() {
        for key in ["message_ja", "message_en", "location_ja", "location_en"] {
            let m = f[key].as_str().unwrap_or("");
            for w in PROGRAMMER_WORDS {
                assert!(!m.contains(w), "{what}: {key} has {w:?}: {m}");
            }
        }
    }
}

#[test]
fn messages_use_words_for_people() {
    let mut checked = 0;
    for (name, stem, bytes) in all_examples() {
        for op in operations().filter(|o| o.input_stem() == stem) {
            let out = (op.run)(&bytes, &Limits::default());
            let v: Value = serde_json::from_str(&out.json).unwrap();
            assert_words_for_people(&format!("{} {name}", op.name), &v);
            checked += 1;
        }
    }
    let (r, _) = run("summary.validate", &nine_problems());
    assert_words_for_people("nine problems", &r);
    // The hostile rows (tests/hostile-inputs.tsv), every operation.
    for line in include_str!("hostile-inputs.tsv").lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        let mut bytes = Vec::new();
        for part in cols[2].split(' ').filter(|p| !p.is_empty()) {
            let (hex, count) = part.split_once('*').unwrap_or((part, "1"));
            let unit: Vec<u8> = (0..hex.len() / 2)
                .map(|i| u8::from_str_radix(&hex[2 * i..2 * i + 2], 16).unwrap())
                .collect();
            for _ in 0..count.parse::<usize>().unwrap() {
                bytes.extend_from_slice(&unit);
            }
        }
        if bytes.len() > 100_000 {
            continue; // the megabyte rows: same words, checked by the table test's codes
        }
        for op in operations().filter(|o| cols[1] == "*" || cols[1] == o.name) {
            let out = (op.run)(&bytes, &Limits::default());
            let v: Value = serde_json::from_str(&out.json).unwrap();
            assert_words_for_people(&format!("{} {}", op.name, cols[0]), &v);
            checked += 1;
        }
    }
    assert!(checked > 100, "only {checked} reports checked");
}

/// Every object key of a document, as (pointer of its object, key).
fn keys(v: &Value, at: String, out: &mut Vec<(String, String)>) {
    match v {
        Value::Array(a) => a
            .iter()
            .enumerate()
            .for_each(|(i, x)| keys(x, format!("{at}/{i}"), out)),
        Value::Object(m) => m.iter().for_each(|(k, x)| {
            out.push((at.clone(), k.clone()));
            let e = k.replace('~', "~0").replace('/', "~1");
            keys(x, format!("{at}/{e}"), out);
        }),
        _ => {}
    }
}

#[test]
fn keys_from_the_input_are_never_echoed() {
    const KEY: &str = "expected one of 山田ZQX花子 090-1234-5678";
    let mut checked = 0;
    for (name, stem, bytes) in all_examples() {
        if !name.starts_with('/') || name.matches('/').count() != 1 {
            continue; // valid examples only
        }
        // `document.upgrade` reads the older document it carries as its own type (the
        // upgraded document is checked), so its keys are mutated too.
        let Some(op) = operations().find(|o| o.input_stem() == stem) else {
            continue;
        };
        let doc: Value = serde_json::from_slice(&bytes).unwrap();
        let mut ks = Vec::new();
        keys(&doc, String::new(), &mut ks);
        for (n, (obj, key)) in ks.iter().enumerate() {
            // Every 5th key, from a different start in each file (cheap, still every
            // kind of key over the examples).
            if (n + checked) % 5 != 0 {
                continue;
            }
            let mut bad = doc.clone();
            let Some(Value::Object(m)) = bad.pointer_mut(obj) else {
                continue;
            };
            let Some(v) = m.remove(key) else { continue };
            // A renamed key, and (for half of them) a similar one the reader may suggest.
            m.insert(KEY.to_owned(), v);
            if n % 2 == 0 {
                m.insert(format!("{key}ZQX"), json!(1));
            }
            let out = (op.run)(bad.to_string().as_bytes(), &Limits::default());
            let r: Value = serde_json::from_str(&out.json).unwrap();
            let findings = r["findings"].as_array().unwrap();
            // A FHIR bundle is read by the FHIR import, which reports keys it has no place
            // for as its own finding.
            assert!(
                findings.iter().any(|f| f["code"] == "input.unknown_field"
                    || f["code"] == "fhir.import.element_not_mapped"),
                "{name} {obj}/{key}: {r}"
            );
            for f in findings {
                for k in ["message_ja", "message_en", "location_ja", "location_en"] {
                    let m = f[k].as_str().unwrap_or("");
                    assert!(!m.contains("ZQX") && !m.contains("090"), "{name}: {k}: {m}");
                }
                if let Some(args) = f.get("args") {
                    assert!(!args.to_string().contains("ZQX"), "{name}: args {args}");
                }
            }
            checked += 1;
        }
    }
    assert!(checked > 100, "only {checked} documents checked");
}

#[test]
fn every_proper_prefix_of_an_example_is_not_json() {
    let mut checked = 0;
    for (name, stem, bytes) in all_examples() {
        let Some(op) = operations().find(|o| o.input_stem() == stem) else {
            continue;
        };
        let text = String::from_utf8(bytes).unwrap();
        // Every cut in the first 40 and the last 16 bytes, and 24 more spread over the
        // rest, starting at a different place in each file (every cut of every file
        // would be hundreds of thousands of readings in a debug build).
        let n = text.len();
        let stride = (n / 24).max(1);
        let offset = checked % stride;
        let cuts: Vec<usize> = (0..n)
            .filter(|i| *i < 40 || *i + 16 >= n || i % stride == offset)
            .filter(|i| text.is_char_boundary(*i))
            .collect();
        for cut in cuts {
            let prefix = &text[..cut];
            if serde_json::from_str::<Value>(prefix).is_ok() {
                continue;
            }
            let out = (op.run)(prefix.as_bytes(), &Limits::default());
            assert_eq!(
                out.problem,
                Some(InputProblem::NotJson),
                "{name} cut at {cut}"
            );
            let r: Value = serde_json::from_str(&out.json).unwrap();
            assert_eq!(
                r["findings"][0]["code"], "input.not_json",
                "{name} at {cut}"
            );
            assert_eq!(r["findings"].as_array().unwrap().len(), 1);
            checked += 1;
        }
    }
    assert!(checked > 4_000, "only {checked} prefixes checked");
}

#[test]
fn all_operations_on_one_document_agree_on_valid() {
    let mut checked = 0;
    for (name, stem, bytes) in all_examples() {
        let verdicts: Vec<(&str, bool)> = operations()
            .filter(|o| o.input_stem() == stem)
            .map(|o| (o.name, (o.run)(&bytes, &Limits::default()).valid))
            .collect();
        if let Some((_, first)) = verdicts.first() {
            assert!(
                verdicts.iter().all(|(_, v)| v == first),
                "{name}: {verdicts:?}"
            );
            checked += 1;
        }
    }
    assert!(checked > 40, "only {checked} documents checked");
    // The case of issue 13: a summary without an emergency contact is invalid for every
    // summary operation (summary.scores said valid:true), with the same error.
    let bytes = fs::read(format!(
        "{}/failing/summary-request.no-emergency-contact.json",
        examples_dir()
    ))
    .unwrap();
    let mut n = 0;
    for op in operations().filter(|o| o.input_stem() == "summary-request") {
        let out = (op.run)(&bytes, &Limits::default());
        assert!(!out.valid, "{}", op.name);
        let r: Value = serde_json::from_str(&out.json).unwrap();
        let errors: Vec<&str> = r["findings"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|f| f["severity"] == "error")
            .map(|f| f["code"].as_str().unwrap())
            .collect();
        assert_eq!(errors, ["summary.emergency_contacts.none"], "{}", op.name);
        n += 1;
    }
    assert_eq!(n, 6, "summary operations");
}

/// `document.upgrade` checks the upgraded document as its own type: its problems are in
/// the upgrade's report, pointing into the request; the child id the upgrade cannot fill
/// is reported once (`upgrade.field_needed`), not again as a missing field.
#[test]
fn upgrade_reports_the_upgraded_documents_problems() {
    let text = fs::read_to_string(format!(
        "{}/failing/summary-request.no-emergency-contact.json",
        examples_dir()
    ))
    .unwrap();
    let mut doc: Value = serde_json::from_str(&text).unwrap();
    let m = doc.as_object_mut().unwrap();
    m.remove("version");
    m.remove("$schema");
    doc["summary"]["child"]
        .as_object_mut()
        .unwrap()
        .remove("id");
    let (r, out) = run(
        "document.upgrade",
        &json!({"type": "summary-request", "document": doc}),
    );
    assert!(!out.valid);
    let errors: Vec<(&str, &str)> = r["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["severity"] == "error")
        .map(|f| (f["code"].as_str().unwrap(), f["path"].as_str().unwrap()))
        .collect();
    assert_eq!(
        errors,
        [
            ("upgrade.field_needed", "/document/summary/child/id"),
            (
                "summary.emergency_contacts.none",
                "/document/summary/emergency_contacts"
            ),
        ],
        "{r:#}"
    );
    assert!(r["result"]["document"]["version"] == 2);
}

#[test]
fn draft_mode_keeps_results_and_marks_them_provisional() {
    let text = fs::read_to_string(format!(
        "{}/summary-request.tube-feeding-oxygen-sits.json",
        examples_dir()
    ))
    .unwrap();
    let mut d: Value = serde_json::from_str(&text).unwrap();
    d["summary"]["child"]["kana"] = json!("");
    d["summary"]["clinical"]["care"][2]["frequency"]["per"] = json!("");
    let draft = Limits {
        draft: true,
        ..Limits::default()
    };
    let op = kyoten_core::ops::find("summary.scores").unwrap();
    let out = (op.run)(d.to_string().as_bytes(), &draft);
    let r: Value = serde_json::from_str(&out.json).unwrap();
    assert_eq!(r["provisional"], true, "{r}");
    assert!(r.get("result").is_some(), "{r}");
    let nf: Vec<&str> = r["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["code"] == "input.draft.not_filled")
        .map(|f| f["path"].as_str().unwrap())
        .collect();
    assert_eq!(
        nf,
        [
            "/summary/child/kana",
            "/summary/clinical/care/2/frequency/per"
        ]
    );
    // Without draft mode the same document is unreadable.
    let out = (op.run)(d.to_string().as_bytes(), &Limits::default());
    assert!(!out.valid);
    assert!(!out.json.contains("\"provisional\""));
}

/// The ground modules (findings, input reading, the operation type) import nothing from
/// an area, the operation table or the catalogue.
#[test]
fn ground_modules_import_no_area() {
    let src = concat!(env!("CARGO_MANIFEST_DIR"), "/src");
    let ground = [
        "finding.rs",
        "operation.rs",
        "run_options.rs",
        "labels.rs",
        "input/mod.rs",
        "input/strict.rs",
        "input/recover.rs",
        "input/model.rs",
        "input/model/generated.rs",
    ];
    let above = [
        "calendar",
        "care",
        "plan",
        "summary",
        "scores",
        "shortstay",
        "staffing",
        "tasks",
        "ops",
        "catalogue",
    ];
    for file in ground {
        let text = fs::read_to_string(format!("{src}/{file}")).expect(file);
        for area in above {
            for pattern in [format!("crate::{area}::"), format!("crate::{area};")] {
                assert!(
                    !text.contains(&pattern),
                    "ground module {file} imports {pattern}"
                );
            }
        }
    }
    // And the check itself can fail: an area module does import the ground.
    let area = fs::read_to_string(format!("{src}/summary/mod.rs")).unwrap();
    assert!(area.contains("crate::finding::") || area.contains("crate::operation::"));
}

/// `rule!` is declared once (in finding.rs); no module keeps its own copy.
#[test]
fn one_rule_macro() {
    let src = concat!(env!("CARGO_MANIFEST_DIR"), "/src");
    let mut copies = Vec::new();
    let mut stack = vec![std::path::PathBuf::from(src)];
    while let Some(dir) = stack.pop() {
        for e in fs::read_dir(&dir).unwrap().flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if fs::read_to_string(&p)
                .unwrap_or_default()
                .contains("macro_rules! rule {")
            {
                copies.push(p.display().to_string());
            }
        }
    }
    assert_eq!(copies.len(), 1, "{copies:?}");
    assert!(copies[0].ends_with("finding.rs"));
}

/// Findings are data: a message is rendered only from its rule's templates and typed
/// arguments. No argument kind can hold text from the input (only `&'static str` codes),
/// and there is no way left to append ready-made text (the old `Rule::detail`).
#[test]
fn no_free_text_argument_and_no_ready_made_text() {
    let src = fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/src/finding.rs")).unwrap();
    let start = src
        .find("pub enum ArgValue {")
        .expect("ArgValue is declared in finding.rs");
    let body = &src[start..];
    let body = &body[..body.find("\n}").unwrap()];
    let kinds: Vec<&str> = body
        .lines()
        .map(str::trim)
        .filter(|l| !l.starts_with("///") && !l.is_empty())
        .collect();
    assert!(kinds.len() > 4, "{kinds:?}");
    for l in &kinds {
        assert!(
            !(l.contains("String")
                || l.contains("Cow")
                || l.replace("&'static str", "").contains("&str")),
            "an argument kind that could carry input text: {l}"
        );
    }
    let mut stack = vec![std::path::PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/src"
    ))];
    let mut files = 0;
    while let Some(dir) = stack.pop() {
        for e in fs::read_dir(&dir).unwrap().flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else {
                files += 1;
                let text = fs::read_to_string(&p).unwrap_or_default();
                assert!(
                    !text.contains(".detail(") && !text.contains("fn detail("),
                    "{}: ready-made message text; use typed arguments",
                    p.display()
                );
            }
        }
    }
    assert!(files > 50, "{files}");
}
