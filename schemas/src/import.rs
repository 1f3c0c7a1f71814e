//! `kyoten import-csv KIND FILE`: a spreadsheet's CSV (UTF-8, with or without BOM, or
//! CP932/Shift_JIS, Excel's default in Japan) becomes a document's array of records.
//!
//! Each KIND is one entry of [`KINDS`]: the document type, the array it fills and a column
//! table (Japanese headers and their aliases → field, with how to read the cell). A new
//! log type plugs in by adding an entry; nothing else changes. Every problem is reported
//! with its line and column; nothing is dropped silently.

use serde_json::{Map, Value};

/// How a cell is read.
#[derive(Debug, Clone, Copy)]
pub enum Cell {
    /// Text as written (trimmed).
    Text,
    /// A whole number (ASCII or full-width digits).
    Integer,
    /// A date: 2017-10-16, 2017/10/16 or 2017/1/6 → `YYYY-MM-DD`.
    Date,
    /// One of a fixed set of words: (written form, stored code); matching ignores case and
    /// full-width forms of ASCII.
    Choice(&'static [(&'static str, &'static str)]),
    /// A list of texts separated by `、`, `,`, `・` or `;`.
    List,
    /// はい/いいえ, 済/未, true/false, 1/0, ○/×.
    Bool,
}

/// One column of a CSV kind.
#[derive(Debug, Clone, Copy)]
pub struct Column {
    /// Accepted headers, the first is the one written in templates.
    pub headers: &'static [&'static str],
    /// The field it fills; `a.b` fills `b` inside the object `a`.
    pub field: &'static str,
    /// How the cell is read.
    pub cell: Cell,
    /// True if every row needs a value.
    pub required: bool,
}

/// A kind of CSV file kyoten reads.
#[derive(Debug, Clone, Copy)]
pub struct Kind {
    /// Name on the command line.
    pub name: &'static str,
    /// One line, Japanese / English.
    pub summary: &'static str,
    /// Schema stem of the document it fills (`progress-request`).
    pub stem: &'static str,
    /// The array of records it fills.
    pub array: &'static str,
    /// The columns.
    pub columns: &'static [Column],
}

const QUARTERS: &[(&str, &str)] = &[
    ("第1四半期", "q1"),
    ("第2四半期", "q2"),
    ("第3四半期", "q3"),
    ("第4四半期", "q4"),
    ("q1", "q1"),
    ("q2", "q2"),
    ("q3", "q3"),
    ("q4", "q4"),
    ("1", "q1"),
    ("2", "q2"),
    ("3", "q3"),
    ("4", "q4"),
];

const STATUSES: &[(&str, &str)] = &[
    ("完了", "done"),
    ("済", "done"),
    ("遅延", "delayed"),
    ("遅れ", "delayed"),
    ("未着手", "not_started"),
    ("未", "not_started"),
    ("done", "done"),
    ("delayed", "delayed"),
    ("not_started", "not_started"),
];

/// Every CSV kind.
pub const KINDS: &[Kind] = &[Kind {
    name: "progress-statuses",
    summary: "取組の四半期ごとの状況（plan.progress / plan.chart の statuses） / item statuses per quarter",
    stem: "progress-request",
    array: "statuses",
    columns: &[
        Column {
            headers: &["取組番号", "番号", "item", "no"],
            field: "item.no",
            cell: Cell::Integer,
            required: true,
        },
        Column {
            headers: &["タスク", "task"],
            field: "item.task",
            cell: Cell::Integer,
            required: false,
        },
        Column {
            headers: &["四半期", "quarter"],
            field: "quarter",
            cell: Cell::Choice(QUARTERS),
            required: true,
        },
        Column {
            headers: &["状況", "status"],
            field: "status",
            cell: Cell::Choice(STATUSES),
            required: true,
        },
        Column {
            headers: &["備考", "補足", "note"],
            field: "note",
            cell: Cell::Text,
            required: false,
        },
    ],
}];

/// The kind with this name.
pub fn kind(name: &str) -> Option<&'static Kind> {
    KINDS.iter().find(|k| k.name == name)
}

/// How the bytes were decoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    /// UTF-8 (a BOM, if any, removed).
    Utf8,
    /// CP932 (Windows Shift_JIS).
    Cp932,
}

/// Decodes CSV bytes: UTF-8 when they are valid UTF-8 (BOM removed), else CP932; `force`
/// chooses one. An error when the bytes are neither.
pub fn decode(bytes: &[u8], force: Option<Encoding>) -> Result<(String, Encoding), String> {
    let utf8 = |b: &[u8]| {
        let b = b.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(b);
        std::str::from_utf8(b).ok().map(str::to_owned)
    };
    let cp932 = |b: &[u8]| {
        encoding_rs::SHIFT_JIS
            .decode_without_bom_handling_and_without_replacement(b)
            .map(|c| c.into_owned())
    };
    match force {
        Some(Encoding::Utf8) => utf8(bytes)
            .map(|s| (s, Encoding::Utf8))
            .ok_or_else(|| "UTF-8 ではありません / not UTF-8".to_owned()),
        Some(Encoding::Cp932) => cp932(bytes)
            .map(|s| (s, Encoding::Cp932))
            .ok_or_else(|| "CP932 (Shift_JIS) として読めません / not CP932".to_owned()),
        None => utf8(bytes)
            .map(|s| (s, Encoding::Utf8))
            .or_else(|| cp932(bytes).map(|s| (s, Encoding::Cp932)))
            .ok_or_else(|| {
                "文字コードが UTF-8 でも CP932 (Shift_JIS) でもありません / the file is neither UTF-8 nor CP932".to_owned()
            }),
    }
}

/// Full-width ASCII to ASCII, trimmed (also full-width spaces), lower case.
fn normal(s: &str) -> String {
    s.trim_matches(|c: char| c.is_whitespace() || c == '\u{3000}')
        .chars()
        .map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            c => c,
        })
        .collect::<String>()
        .to_lowercase()
}

fn read_cell(cell: Cell, raw: &str) -> Result<Value, String> {
    let s = raw.trim_matches(|c: char| c.is_whitespace() || c == '\u{3000}');
    match cell {
        Cell::Text => Ok(Value::String(s.to_owned())),
        Cell::Integer => normal(s)
            .parse::<i64>()
            .map(Value::from)
            .map_err(|_| "整数ではありません / not a whole number".to_owned()),
        Cell::Date => {
            let n = normal(s).replace('/', "-");
            let parts: Vec<&str> = n.split('-').collect();
            if let [y, m, d] = parts.as_slice()
                && let (Ok(y), Ok(m), Ok(d)) =
                    (y.parse::<u32>(), m.parse::<u32>(), d.parse::<u32>())
                && (1000..=9999).contains(&y)
                && (1..=12).contains(&m)
                && (1..=31).contains(&d)
            {
                return Ok(Value::String(format!("{y:04}-{m:02}-{d:02}")));
            }
            Err("日付ではありません（例 2017-10-16 または 2017/10/16） / not a date (e.g. 2017-10-16)".to_owned())
        }
        Cell::Choice(choices) => {
            let n = normal(s);
            choices
                .iter()
                .find(|(w, _)| normal(w) == n)
                .map(|(_, code)| Value::String((*code).to_owned()))
                .ok_or_else(|| {
                    let words: Vec<&str> = choices.iter().map(|(w, _)| *w).collect();
                    format!("使える値 / allowed: {}", words.join(", "))
                })
        }
        Cell::List => Ok(Value::Array(
            s.split(['、', ',', '・', ';', '，'])
                .map(str::trim)
                .filter(|x| !x.is_empty())
                .map(|x| Value::String(x.to_owned()))
                .collect(),
        )),
        Cell::Bool => match normal(s).as_str() {
            "はい" | "済" | "true" | "1" | "○" | "〇" | "yes" => Ok(Value::Bool(true)),
            "いいえ" | "未" | "false" | "0" | "×" | "no" => Ok(Value::Bool(false)),
            _ => Err("はい・いいえ（true/false）ではありません / not yes or no".to_owned()),
        },
    }
}

fn set(rec: &mut Map<String, Value>, field: &str, v: Value) {
    match field.split_once('.') {
        Some((outer, inner)) => {
            let slot = rec
                .entry(outer.to_owned())
                .or_insert_with(|| Value::Object(Map::new()));
            if let Value::Object(m) = slot {
                m.insert(inner.to_owned(), v);
            }
        }
        None => {
            rec.insert(field.to_owned(), v);
        }
    }
}

/// Reads CSV text into records; all problems at once (line numbers count the header as 1).
pub fn records(kind: &Kind, text: &str) -> Result<Vec<Value>, Vec<String>> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .flexible(true)
        .from_reader(text.as_bytes());
    let headers = match reader.headers() {
        Ok(h) => h.clone(),
        Err(e) => {
            return Err(vec![format!(
                "見出し行を読めません / cannot read the header line: {e}"
            )]);
        }
    };
    let mut problems = Vec::new();
    // Column index → column of the kind.
    let mut map: Vec<Option<&Column>> = Vec::new();
    for (i, h) in headers.iter().enumerate() {
        let n = normal(h);
        let col = kind
            .columns
            .iter()
            .find(|c| c.headers.iter().any(|x| normal(x) == n));
        if col.is_none() && !n.is_empty() {
            let known: Vec<&str> = kind.columns.iter().map(|c| c.headers[0]).collect();
            problems.push(format!(
                "1 行 {} 列: 知らない見出しです / unknown header (見出し / headers: {})",
                i + 1,
                known.join(", ")
            ));
        }
        map.push(col);
    }
    for c in kind.columns.iter().filter(|c| c.required) {
        if !map.iter().any(|m| m.is_some_and(|x| x.field == c.field)) {
            problems.push(format!(
                "見出し「{}」の列がありません / the column {} is missing",
                c.headers[0], c.headers[0]
            ));
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let mut out = Vec::new();
    for (r, row) in reader.records().enumerate() {
        let line = r + 2;
        let row = match row {
            Ok(row) => row,
            Err(e) => {
                problems.push(format!("{line} 行: CSV として読めません / not CSV: {e}"));
                continue;
            }
        };
        if row.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let mut rec = Map::new();
        for (i, col) in map.iter().enumerate() {
            let Some(col) = col else { continue };
            let raw = row.get(i).unwrap_or("");
            if raw.trim().is_empty() {
                if col.required {
                    problems.push(format!(
                        "{line} 行 {} 列（{}）: 空です / empty",
                        i + 1,
                        col.headers[0]
                    ));
                }
                continue;
            }
            match read_cell(col.cell, raw) {
                Ok(v) => set(&mut rec, col.field, v),
                Err(why) => problems.push(format!(
                    "{line} 行 {} 列（{}）: {why}",
                    i + 1,
                    col.headers[0]
                )),
            }
        }
        out.push(Value::Object(rec));
    }
    if problems.is_empty() {
        Ok(out)
    } else {
        Err(problems)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cp932_and_utf8_are_told_apart() {
        let (sjis, _, _) = encoding_rs::SHIFT_JIS.encode("取組番号,四半期\n");
        assert_eq!(
            decode(&sjis, None).unwrap(),
            ("取組番号,四半期\n".to_owned(), Encoding::Cp932)
        );
        let mut bom = vec![0xEF, 0xBB, 0xBF];
        bom.extend_from_slice("状況".as_bytes());
        assert_eq!(
            decode(&bom, None).unwrap(),
            ("状況".to_owned(), Encoding::Utf8)
        );
        assert!(decode(&[0xFF, 0xFF, 0xFF], None).is_err());
    }

    #[test]
    fn statuses_from_japanese_headers() {
        let k = kind("progress-statuses").unwrap();
        let text = "取組番号,四半期,状況,備考\n５,第1四半期,遅延,日程調整中\n\n13,Q1,未着手,\n";
        let recs = records(k, text).unwrap();
        assert_eq!(
            Value::Array(recs),
            serde_json::json!([
                {"item": {"no": 5}, "quarter": "q1", "status": "delayed", "note": "日程調整中"},
                {"item": {"no": 13}, "quarter": "q1", "status": "not_started"}
            ])
        );
    }

    #[test]
    fn every_problem_is_reported_with_its_place() {
        let k = kind("progress-statuses").unwrap();
        let errs = records(k, "取組番号,四半期,状況\nx,第5四半期,完了\n2,,完了\n").unwrap_err();
        assert_eq!(errs.len(), 3, "{errs:?}");
        assert!(errs[0].starts_with("2 行 1 列（取組番号）"));
        assert!(errs[1].starts_with("2 行 2 列（四半期）"));
        assert!(errs[2].starts_with("3 行 2 列（四半期）: 空です"));
        let errs = records(k, "番号,よくわからない\n1,2\n").unwrap_err();
        assert!(errs.iter().any(|e| e.contains("知らない見出し")));
        assert!(errs.iter().any(|e| e.contains("四半期")));
    }

    #[test]
    fn dates_and_lists() {
        assert_eq!(read_cell(Cell::Date, "2017/1/6").unwrap(), "2017-01-06");
        assert!(read_cell(Cell::Date, "H29.1.6").is_err());
        assert_eq!(
            read_cell(Cell::List, "訪問看護師・薬剤師").unwrap(),
            serde_json::json!(["訪問看護師", "薬剤師"])
        );
        assert_eq!(read_cell(Cell::Bool, "はい").unwrap(), true);
    }
}
