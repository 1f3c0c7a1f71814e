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
    /// はい/いいえ, 済/未, 解決/未解決, true/false, 1/0, ○/×.
    Bool,
    /// One of the library's labelled values: its Japanese label, its English label, its
    /// code, or one of a few words offices write for it (see [`Words`]).
    Enum(Words),
    /// Several of the library's labelled values in one cell, separated by `、`, `・`, `,` or
    /// `;` (a label that itself holds `・`, such as 「短期入所・レスパイト」, is read whole).
    EnumList(Words),
    /// A task number 1–6: `6`, `６`, `⑥` or `タスク6`.
    Task,
}

/// The words of a labelled value set: `(written form, code)` pairs, each code's Japanese
/// label first (it is what error messages list and what a list's wording is compared with).
pub type Words = fn() -> Vec<(String, String)>;

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
    /// For an [`Cell::EnumList`] column: the field that keeps the cell as written when its
    /// wording differs from the values' labels joined with 「・」 (「介護・看護職員」).
    pub wording: Option<&'static str>,
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
    /// The date field whose latest fiscal year (April–March) fills a document's
    /// `fiscal_year` when it has none (the CLI's `--fiscal-year` chooses another).
    pub fiscal_year_from: Option<&'static str>,
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
pub const KINDS: &[Kind] = &[
    Kind {
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
                wording: None,
            },
            Column {
                headers: &["タスク", "task"],
                field: "item.task",
                cell: Cell::Integer,
                required: false,
                wording: None,
            },
            Column {
                headers: &["四半期", "quarter"],
                field: "quarter",
                cell: Cell::Choice(QUARTERS),
                required: true,
                wording: None,
            },
            Column {
                headers: &["状況", "status"],
                field: "status",
                cell: Cell::Choice(STATUSES),
                required: true,
                wording: None,
            },
            Column {
                headers: &["備考", "補足", "note"],
                field: "note",
                cell: Cell::Text,
                required: false,
                wording: None,
            },
        ],
        fiscal_year_from: None,
    },
    Kind {
        name: "consultation-log",
        summary: "相談記録（consultations.summarize）：日付・相談元・相談内容・解決・タスク / the consultation desk's log",
        stem: "consultation-log",
        array: "consultations",
        columns: &[
            Column {
                headers: &["日付", "相談日", "年月日", "date"],
                field: "date",
                cell: Cell::Date,
                required: true,
                wording: None,
            },
            Column {
                headers: &["相談元", "相談者", "相談元の区分", "source"],
                field: "source",
                cell: Cell::Enum(sources),
                required: true,
                wording: None,
            },
            Column {
                headers: &["相談内容", "内容", "topics", "topic"],
                field: "topics",
                cell: Cell::EnumList(topics),
                required: false,
                wording: None,
            },
            Column {
                headers: &["解決", "解決の有無", "resolved"],
                field: "resolved",
                cell: Cell::Bool,
                required: false,
                wording: None,
            },
            Column {
                headers: &["タスク", "task"],
                field: "task",
                cell: Cell::Task,
                required: false,
                wording: None,
            },
        ],
        fiscal_year_from: Some("date"),
    },
    Kind {
        name: "training-log",
        summary: "研修記録（trainings.summarize）：日付・対象職種・テーマ・参加者数・タスク / the training log",
        stem: "training-log",
        array: "trainings",
        columns: &[
            Column {
                headers: &["日付", "実施日", "開催日", "年月日", "date"],
                field: "date",
                cell: Cell::Date,
                required: true,
                wording: None,
            },
            Column {
                headers: &["対象職種", "対象者", "対象", "職種", "audience"],
                field: "audience",
                cell: Cell::EnumList(professions),
                required: false,
                wording: Some("audience_label"),
            },
            Column {
                headers: &["テーマ", "研修名", "内容", "theme"],
                field: "theme",
                cell: Cell::Text,
                required: true,
                wording: None,
            },
            Column {
                headers: &["参加者数", "参加者", "参加人数", "attendees"],
                field: "attendees",
                cell: Cell::Integer,
                required: true,
                wording: None,
            },
            Column {
                headers: &["タスク", "task"],
                field: "task",
                cell: Cell::Task,
                required: false,
                wording: None,
            },
        ],
        fiscal_year_from: Some("date"),
    },
];

/// `(label_ja, code)`, `(label_en, code)`, `(code, code)` for every value, then the aliases.
fn words_of<T: serde::Serialize + Copy>(
    all: &[T],
    ja: fn(T) -> &'static str,
    en: fn(T) -> &'static str,
    aliases: &[(&str, &str)],
) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for &v in all {
        let Some(code) = serde_json::to_value(v)
            .ok()
            .and_then(|c| c.as_str().map(str::to_owned))
        else {
            continue;
        };
        out.push((ja(v).to_owned(), code.clone()));
        out.push((en(v).to_owned(), code.clone()));
        out.push((code.clone(), code));
    }
    out.extend(
        aliases
            .iter()
            .map(|(w, c)| ((*w).to_owned(), (*c).to_owned())),
    );
    out
}

/// 相談元: the consultation log's sources, and words offices write for them.
fn sources() -> Vec<(String, String)> {
    use kyoten_core::stats::consultations::Source;
    words_of(
        Source::ALL,
        Source::label_ja,
        Source::label_en,
        &[
            ("家族", "family"),
            ("本人", "family"),
            ("保護者", "family"),
            ("居宅介護支援", "home_care_support_office"),
            ("ケアマネジャー", "home_care_support_office"),
            ("病院", "medical_institution"),
            ("診療所", "medical_institution"),
            ("クリニック", "medical_institution"),
            ("住民", "resident"),
            ("地域包括", "community_support_center"),
            ("訪問看護", "visiting_nurse_station"),
            ("障害者支援センター", "disability_support_center"),
            ("小規模多機能", "small_multifunction"),
            ("学校", "school"),
            ("保育所", "school"),
            ("保育園", "school"),
            ("市町村", "government"),
            ("保健所", "government"),
            ("保健福祉事務所", "government"),
            ("記録なし", "unknown"),
        ],
    )
}

/// 相談内容: the consultation log's topics, and words offices write for them.
fn topics() -> Vec<(String, String)> {
    use kyoten_core::stats::consultations::Topic;
    words_of(
        Topic::ALL,
        Topic::label_ja,
        Topic::label_en,
        &[
            ("地域資源", "local_resources"),
            ("情報提供", "local_resources"),
            ("入所先", "placement_high_medical_needs"),
            ("往診医", "home_visit_doctor"),
            ("往診", "home_visit_doctor"),
            ("入所施設", "residential_facility"),
            ("短期入所", "short_stay"),
            ("レスパイト", "short_stay"),
            ("医療的ケア", "medical_care"),
            ("就園", "schooling"),
            ("就学", "schooling"),
            ("福祉制度", "welfare"),
            ("手当", "welfare"),
            ("記録なし", "unknown"),
        ],
    )
}

/// 対象職種: the training log's professions, and words offices write for them.
fn professions() -> Vec<(String, String)> {
    use kyoten_core::stats::trainings::Profession;
    words_of(
        Profession::ALL,
        Profession::label_ja,
        Profession::label_en,
        &[
            ("看護師", "nurse"),
            ("看護職", "nurse"),
            ("介護", "care_worker"),
            ("介護職員", "care_worker"),
            ("ヘルパー", "care_worker"),
            ("ケアマネジャー", "care_manager"),
            ("ケアマネ", "care_manager"),
            ("PT", "therapist"),
            ("OT", "therapist"),
            ("ST", "therapist"),
            ("理学療法士", "therapist"),
            ("作業療法士", "therapist"),
            ("言語聴覚士", "therapist"),
            ("医療ソーシャルワーカー", "social_worker"),
            ("教師", "teacher"),
            ("保育士", "childcare_worker"),
            ("児童指導員", "childcare_worker"),
            ("行政", "government_officer"),
            ("家族", "family"),
            ("住民", "resident"),
        ],
    )
}

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

/// The separators of a list cell.
const SEPARATORS: [char; 6] = ['、', ',', '・', ';', '，', '；'];

/// The code written as `s` (normalised), if any.
fn lookup<'a>(words: &'a [(String, String)], s: &str) -> Option<&'a str> {
    let n = normal(s);
    words
        .iter()
        .find(|(w, _)| normal(w) == n)
        .map(|(_, c)| c.as_str())
}

/// The Japanese labels of a word set (each code's first word), for messages.
fn labels(words: &[(String, String)]) -> String {
    let mut seen: Vec<&str> = Vec::new();
    let mut out: Vec<&str> = Vec::new();
    for (w, c) in words {
        if !seen.contains(&c.as_str()) {
            seen.push(c);
            out.push(w);
        }
    }
    out.join("、")
}

/// A list cell's codes, in order, each once. At each place the longest run of pieces that
/// names a value wins, so 「短期入所・レスパイト」 is one value, not two.
fn enum_list(words: &[(String, String)], s: &str) -> Result<Vec<String>, String> {
    // Pieces and the separator after each.
    let mut pieces: Vec<(String, Option<char>)> = Vec::new();
    let mut cur = String::new();
    for c in s.chars() {
        if SEPARATORS.contains(&c) {
            pieces.push((std::mem::take(&mut cur), Some(c)));
        } else {
            cur.push(c);
        }
    }
    pieces.push((cur, None));
    let mut codes: Vec<String> = Vec::new();
    let mut i = 0;
    let mut nth = 0;
    while i < pieces.len() {
        if pieces.get(i).is_some_and(|(p, _)| normal(p).is_empty()) {
            i += 1;
            continue;
        }
        nth += 1;
        let mut found = None;
        for j in (i..pieces.len()).rev() {
            let mut joined = String::new();
            for (k, (p, sep)) in pieces.iter().enumerate().take(j + 1).skip(i) {
                joined.push_str(p);
                if k < j
                    && let Some(c) = sep
                {
                    joined.push(*c);
                }
            }
            if let Some(code) = lookup(words, &joined) {
                found = Some((j, code.to_owned()));
                break;
            }
        }
        let Some((j, code)) = found else {
            return Err(format!(
                "{nth} 番目の項目が使える値ではありません（使える値：{}） / item {nth} is not an allowed value",
                labels(words)
            ));
        };
        if !codes.contains(&code) {
            codes.push(code);
        }
        i = j + 1;
    }
    Ok(codes)
}

fn read_cell(cell: Cell, raw: &str) -> Result<Value, String> {
    let s = raw.trim_matches(|c: char| c.is_whitespace() || c == '\u{3000}');
    match cell {
        Cell::Text => Ok(Value::String(s.to_owned())),
        Cell::Integer => {
            let n = normal(s);
            let n = n.trim_end_matches(['名', '人', '件']).trim_end();
            n.parse::<u32>().map(Value::from).map_err(|_| {
                "0 以上の整数ではありません / not a whole number (0 or more)".to_owned()
            })
        }
        Cell::Date => {
            let n = normal(s)
                .replace(['/', '.'], "-")
                .replace(['年', '月'], "-")
                .replace('日', "");
            let parts: Vec<&str> = n.split('-').map(str::trim).collect();
            if let [y, m, d] = parts.as_slice()
                && let (Ok(y), Ok(m), Ok(d)) =
                    (y.parse::<u32>(), m.parse::<u32>(), d.parse::<u32>())
                && (1000..=9999).contains(&y)
                && (1..=12).contains(&m)
                && (1..=31).contains(&d)
            {
                return Ok(Value::String(format!("{y:04}-{m:02}-{d:02}")));
            }
            Err("日付ではありません（例 2017-10-16、2017/10/16、2017年10月16日） / not a date (e.g. 2017-10-16)".to_owned())
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
        Cell::Enum(words) => {
            let words = words();
            lookup(&words, s)
                .map(|c| Value::String(c.to_owned()))
                .ok_or_else(|| {
                    format!(
                        "使える値ではありません（使える値：{}） / not an allowed value",
                        labels(&words)
                    )
                })
        }
        Cell::EnumList(words) => {
            enum_list(&words(), s).map(|v| Value::Array(v.into_iter().map(Value::String).collect()))
        }
        Cell::Task => {
            let n = normal(s);
            let n = n.strip_prefix("タスク").unwrap_or(&n).trim();
            let t = match n {
                "①" => Some(1),
                "②" => Some(2),
                "③" => Some(3),
                "④" => Some(4),
                "⑤" => Some(5),
                "⑥" => Some(6),
                n => n.parse::<u8>().ok().filter(|t| (1..=6).contains(t)),
            };
            t.map(Value::from)
                .ok_or_else(|| "タスク番号は1〜6です / task numbers are 1–6".to_owned())
        }
        Cell::List => Ok(Value::Array(
            s.split(SEPARATORS)
                .map(str::trim)
                .filter(|x| !x.is_empty())
                .map(|x| Value::String(x.to_owned()))
                .collect(),
        )),
        Cell::Bool => match normal(s).as_str() {
            "はい" | "済" | "済み" | "解決" | "解決済" | "解決済み" | "true" | "1" | "○" | "〇"
            | "yes" => Ok(Value::Bool(true)),
            "いいえ" | "未" | "未解決" | "継続" | "false" | "0" | "×" | "no" => {
                Ok(Value::Bool(false))
            }
            _ => Err("はい・いいえ（解決・未解決）ではありません / not yes or no".to_owned()),
        },
    }
}

/// The wording to keep beside a list cell's codes: the cell as written, when it differs
/// from the codes' Japanese labels joined with 「・」 (separators compared as 「・」).
fn wording_of(words: Words, raw: &str, codes: &Value) -> Option<String> {
    let words = words();
    let written = raw.trim_matches(|c: char| c.is_whitespace() || c == '\u{3000}');
    let label = |code: &str| {
        words
            .iter()
            .find(|(_, c)| c == code)
            .map(|(w, _)| w.clone())
            .unwrap_or_default()
    };
    let joined: Vec<String> = codes
        .as_array()?
        .iter()
        .filter_map(Value::as_str)
        .map(label)
        .collect();
    let same = written.replace(SEPARATORS, "・") == joined.join("・");
    (!same).then(|| written.to_owned())
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
                Ok(v) => {
                    if let (Some(field), Cell::EnumList(words)) = (col.wording, col.cell)
                        && let Some(w) = wording_of(words, raw, &v)
                    {
                        set(&mut rec, field, Value::String(w));
                    }
                    set(&mut rec, col.field, v)
                }
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

/// The latest fiscal year (April–March, named by its first calendar year) of the records'
/// `field` dates (`YYYY-MM-DD`), if any.
pub fn latest_fiscal_year(records: &[Value], field: &str) -> Option<i32> {
    records
        .iter()
        .filter_map(|r| r.get(field)?.as_str())
        .filter_map(|d| {
            let y: i32 = d.get(0..4)?.parse().ok()?;
            let m: u32 = d.get(5..7)?.parse().ok()?;
            Some(if m >= 4 { y } else { y - 1 })
        })
        .max()
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

    #[test]
    fn fiscal_year_runs_april_to_march() {
        let recs = [
            serde_json::json!({"date": "2013-03-31"}),
            serde_json::json!({"date": "2012-04-01"}),
        ];
        assert_eq!(latest_fiscal_year(&recs, "date"), Some(2012));
        let recs = [serde_json::json!({"date": "2013-04-01"})];
        assert_eq!(latest_fiscal_year(&recs, "date"), Some(2013));
        assert_eq!(latest_fiscal_year(&[], "date"), None);
    }

    #[test]
    fn a_list_keeps_its_wording_only_when_it_differs() {
        let both = serde_json::json!(["care_worker", "nurse"]);
        assert_eq!(
            wording_of(professions, "介護・看護職員", &both).as_deref(),
            Some("介護・看護職員")
        );
        assert_eq!(wording_of(professions, "介護職、看護職員", &both), None);
        assert_eq!(
            read_cell(Cell::EnumList(professions), "リハビリ職（PT・OT・ST）・MSW").unwrap(),
            serde_json::json!(["therapist", "social_worker"])
        );
        assert_eq!(read_cell(Cell::Task, "６").unwrap(), 6);
        assert!(read_cell(Cell::Task, "0").is_err());
        assert_eq!(read_cell(Cell::Integer, "45名").unwrap(), 45);
    }
}
