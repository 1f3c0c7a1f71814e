//! Reading untrusted JSON input into the typed model.
//!
//! [`read`] turns bytes into a document of type `T`, or into a [`Finding`] that says
//! what could not be read and where (a JSON Pointer), in Japanese and English, without
//! echoing the input's text. Structural problems stop reading at the first one (serde
//! reads a document in one pass); rule checks after reading report every violation.
//!
//! | code | when |
//! |---|---|
//! | `input.too_large` | more bytes than [`Limits::max_input_bytes`] |
//! | `input.not_utf8` | the bytes are not UTF-8 |
//! | `input.not_json` | not JSON (syntax error, empty input, trailing characters) |
//! | `input.too_deep` | nesting deeper than serde_json's limit (128) |
//! | `input.number_out_of_range` | a number JSON allows but a float cannot hold (1e400) |
//! | `input.wrong_type` | a value of the wrong JSON type |
//! | `input.invalid_value` | a value of the right type outside what the field allows (−1 for a count) |
//! | `input.unknown_value` | a string that is not one of an enumeration's values |
//! | `input.unknown_field` | a key the model does not have |
//! | `input.missing_field` | a required key is absent |
//! | `input.duplicate_field` | the same key twice in one object |
//! | `input.wrong_length` | an array of the wrong length |
//! | `input.invalid_date` | not a real `YYYY-MM-DD` date (2024-02-30) |

mod strict;

use crate::finding::{Finding, Rule, Severity};
use serde::de::DeserializeOwned;

/// Limits on what one call reads. The caller may change them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Largest input accepted, in bytes. Default 16 MiB.
    pub max_input_bytes: usize,
}

/// Default input limit: 16 MiB.
pub const DEFAULT_MAX_INPUT_BYTES: usize = 16 * 1024 * 1024;

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_input_bytes: DEFAULT_MAX_INPUT_BYTES,
        }
    }
}

/// Why an input could not be read at all; lets the C ABI map to a status code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputProblem {
    /// More bytes than the limit.
    TooLarge,
    /// Not UTF-8.
    NotUtf8,
    /// Not JSON (syntax), including too deep nesting and out-of-range numbers.
    NotJson,
    /// JSON, but not of the document's shape (type, field, value, date).
    Shape,
}

macro_rules! rule {
    ($name:ident, $code:literal, $ja:literal, $en:literal) => {
        #[doc = concat!("`", $code, "`: ", $en)]
        pub const $name: Rule = Rule {
            code: $code,
            severity: Severity::Error,
            ja: $ja,
            en: $en,
        };
    };
}

rule!(
    TOO_LARGE,
    "input.too_large",
    "入力が大きすぎます",
    "The input is too large"
);
rule!(
    NOT_UTF8,
    "input.not_utf8",
    "入力が UTF-8 ではありません",
    "The input is not UTF-8"
);
rule!(
    NOT_JSON,
    "input.not_json",
    "入力が JSON として読めません",
    "The input is not valid JSON"
);
rule!(
    TOO_DEEP,
    "input.too_deep",
    "入れ子が深すぎます",
    "The input is nested too deeply"
);
rule!(
    NUMBER_OUT_OF_RANGE,
    "input.number_out_of_range",
    "数値が表現できる範囲を超えています",
    "A number is out of the representable range"
);
rule!(
    WRONG_TYPE,
    "input.wrong_type",
    "値の型が違います",
    "The value has the wrong type"
);
rule!(
    INVALID_VALUE,
    "input.invalid_value",
    "値が許される範囲にありません",
    "The value is outside what this field allows"
);
rule!(
    UNKNOWN_VALUE,
    "input.unknown_value",
    "選択肢にない値です",
    "The value is not one of the allowed choices"
);
rule!(
    UNKNOWN_FIELD,
    "input.unknown_field",
    "未知の項目です",
    "Unknown field"
);
rule!(
    MISSING_FIELD,
    "input.missing_field",
    "必須項目がありません",
    "A required field is missing"
);
rule!(
    DUPLICATE_FIELD,
    "input.duplicate_field",
    "同じ項目が二度あります",
    "The same field appears twice"
);
rule!(
    WRONG_LENGTH,
    "input.wrong_length",
    "配列の長さが違います",
    "The array has the wrong length"
);
rule!(
    INVALID_DATE,
    "input.invalid_date",
    "日付が正しくありません（YYYY-MM-DD の実在する日付）",
    "Invalid date (a real date written YYYY-MM-DD)"
);

/// Every rule of this module.
pub const RULES: &[Rule] = &[
    TOO_LARGE,
    NOT_UTF8,
    NOT_JSON,
    TOO_DEEP,
    NUMBER_OUT_OF_RANGE,
    WRONG_TYPE,
    INVALID_VALUE,
    UNKNOWN_VALUE,
    UNKNOWN_FIELD,
    MISSING_FIELD,
    DUPLICATE_FIELD,
    WRONG_LENGTH,
    INVALID_DATE,
];

/// Marker that custom deserializers put at the start of their error message so that
/// [`read`] can classify it without echoing input. `kyoten:invalid_date` → `input.invalid_date`.
pub const CUSTOM_ERROR_PREFIX: &str = "kyoten:";

/// An input that could not be read: the finding to report and its kind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unreadable {
    /// The finding (code `input.*`).
    pub finding: Finding,
    /// The kind, for status codes.
    pub problem: InputProblem,
}

/// Reads `bytes` as a JSON document of type `T`.
pub fn read<T: DeserializeOwned>(bytes: &[u8], limits: &Limits) -> Result<T, Unreadable> {
    read_str(text_of(bytes, limits)?)
}

/// The size and UTF-8 checks of [`read`], kept out of the generic code (one copy for
/// every document type).
#[inline(never)]
fn text_of<'b>(bytes: &'b [u8], limits: &Limits) -> Result<&'b str, Unreadable> {
    if bytes.len() > limits.max_input_bytes {
        return Err(Unreadable {
            finding: TOO_LARGE.detail(
                "",
                format!(
                    "{} バイト、上限 {} バイト",
                    bytes.len(),
                    limits.max_input_bytes
                ),
                format!(
                    "{} bytes, limit {} bytes",
                    bytes.len(),
                    limits.max_input_bytes
                ),
            ),
            problem: InputProblem::TooLarge,
        });
    }
    std::str::from_utf8(bytes).map_err(|e| {
        let at = e.valid_up_to();
        Unreadable {
            finding: NOT_UTF8.detail("", format!("{at} バイト目"), format!("at byte {at}")),
            problem: InputProblem::NotUtf8,
        }
    })
}

/// Reads `text` as a JSON document of type `T` (no size check: see [`read`]).
pub fn read_str<T: DeserializeOwned>(text: &str) -> Result<T, Unreadable> {
    // One pass, one wrapper: the same code reads a document and, when it cannot, says
    // where (see `strict`), so the deserializing code exists once per type.
    let mut de = serde_json::Deserializer::from_str(text);
    let track = strict::Track::new();
    match T::deserialize(strict::Strict::new(&mut de, &track)) {
        Ok(value) => end(&mut de).map(|()| value),
        Err(e) => Err(unreadable(&e, track)),
    }
}

/// Only whitespace may follow the document.
#[inline(never)]
fn end(de: &mut serde_json::Deserializer<serde_json::de::StrRead<'_>>) -> Result<(), Unreadable> {
    de.end().map_err(|e| classify(&e, String::new()))
}

#[inline(never)]
fn unreadable(e: &serde_json::Error, track: strict::Track) -> Unreadable {
    classify(e, track.pointer())
}

/// The text between the first pair of backticks, if any: serde puts field and variant
/// names there; callers only use it for names that are the model's own.
fn backticked(msg: &str) -> Option<&str> {
    let start = msg.find('`')? + 1;
    let len = msg.get(start..)?.find('`')?;
    msg.get(start..start + len)
}

/// The model's own description after ", expected " (never the input's text).
fn expected(msg: &str) -> Option<&str> {
    let at = msg.rfind(", expected ")? + ", expected ".len();
    let rest = msg.get(at..)?;
    // serde_json appends " at line L column C".
    Some(
        rest.rfind(" at line ")
            .map_or(rest, |i| rest.get(..i).unwrap_or(rest)),
    )
}

fn classify(e: &serde_json::Error, pointer: String) -> Unreadable {
    use serde_json::error::Category;
    let msg = e.to_string();
    let (line, column) = (e.line(), e.column());
    let position_ja = format!("{line} 行 {column} 列");
    let position_en = format!("line {line}, column {column}");
    let syntax = |rule: &Rule| Unreadable {
        finding: rule.detail(pointer.clone(), &position_ja, &position_en),
        problem: InputProblem::NotJson,
    };
    let shape = |finding: Finding| Unreadable {
        finding,
        problem: InputProblem::Shape,
    };
    match e.classify() {
        Category::Io | Category::Eof | Category::Syntax => {
            if msg.starts_with("recursion limit exceeded") {
                syntax(&TOO_DEEP)
            } else if msg.starts_with("number out of range") {
                syntax(&NUMBER_OUT_OF_RANGE)
            } else {
                syntax(&NOT_JSON)
            }
        }
        Category::Data => {
            if let Some(custom) = msg.strip_prefix(CUSTOM_ERROR_PREFIX) {
                if custom.starts_with("invalid_date") {
                    return shape(INVALID_DATE.at(pointer));
                }
                return shape(INVALID_VALUE.at(pointer));
            }
            if msg.starts_with("unknown field") {
                // The path already ends with the unknown key; do not echo it in text.
                let allowed = msg
                    .rfind("expected one of ")
                    .and_then(|i| msg.get(i + "expected one of ".len()..))
                    .map(|s| s.rfind(" at line ").map_or(s, |i| s.get(..i).unwrap_or(s)));
                return shape(match allowed {
                    Some(a) => UNKNOWN_FIELD.detail(
                        pointer,
                        format!("使える項目: {a}"),
                        format!("allowed: {a}"),
                    ),
                    None => UNKNOWN_FIELD.detail(
                        pointer,
                        "この位置には項目を置けません",
                        "no fields allowed here",
                    ),
                });
            }
            if msg.starts_with("missing field") {
                let field = backticked(&msg).unwrap_or("");
                let p = crate::finding::Path::from_pointer(pointer).key(field);
                return shape(MISSING_FIELD.detail(p, format!("`{field}`"), format!("`{field}`")));
            }
            if msg.starts_with("duplicate field") {
                let field = backticked(&msg).unwrap_or("");
                let p = crate::finding::Path::from_pointer(pointer).key(field);
                return shape(DUPLICATE_FIELD.at(p));
            }
            let exp = expected(&msg).unwrap_or("");
            let (rule, ja_pre) = if msg.starts_with("unknown variant") {
                (&UNKNOWN_VALUE, "使える値: ")
            } else if msg.starts_with("invalid type") {
                (&WRONG_TYPE, "期待: ")
            } else if msg.starts_with("invalid length") {
                (&WRONG_LENGTH, "期待: ")
            } else {
                (&INVALID_VALUE, "期待: ")
            };
            if exp.is_empty() {
                shape(rule.at(pointer))
            } else {
                let en_pre = if rule.code == UNKNOWN_VALUE.code {
                    "allowed: "
                } else {
                    "expected "
                };
                shape(rule.detail(pointer, format!("{ja_pre}{exp}"), format!("{en_pre}{exp}")))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Doc {
        count: u32,
        items: Vec<Item>,
    }
    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields, rename_all = "snake_case")]
    #[allow(dead_code)]
    enum Kind {
        A,
        B,
    }
    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Item {
        kind: Kind,
        name: String,
    }

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields, rename_all = "snake_case")]
    #[allow(dead_code)]
    enum Phase {
        Plain,
        Other(String),
    }
    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Outer {
        inner: Option<Doc>,
        phases: Vec<Phase>,
    }

    fn outer_err(s: &str) -> (String, String) {
        let f = read::<Outer>(s.as_bytes(), &Limits::default())
            .unwrap_err()
            .finding;
        (f.code, f.path)
    }

    #[test]
    fn pointers_follow_the_document_without_stale_segments() {
        let ok = r#"{"inner":{"count":1,"items":[{"kind":"a","name":"x"}]},"phases":["plain",{"other":"x"}]}"#;
        assert!(read::<Outer>(ok.as_bytes(), &Limits::default()).is_ok());
        // After a readable nested object, a missing field points at the outer object.
        let (c, p) = outer_err(r#"{"inner":{"count":1,"items":[]}}"#);
        assert_eq!((c.as_str(), p.as_str()), ("input.missing_field", "/phases"));
        // Through an Option and an array, after readable elements.
        let (c, p) = outer_err(
            r#"{"inner":{"count":1,"items":[{"kind":"a","name":"x"},{"kind":"b","name":1}]},"phases":[]}"#,
        );
        assert_eq!(
            (c.as_str(), p.as_str()),
            ("input.wrong_type", "/inner/items/1/name")
        );
        // A data variant: the error is under the variant's key.
        let (c, p) = outer_err(r#"{"phases":["plain",{"other":5}]}"#);
        assert_eq!(
            (c.as_str(), p.as_str()),
            ("input.wrong_type", "/phases/1/other")
        );
        let (c, p) = outer_err(r#"{"phases":["plain","nope"]}"#);
        assert_eq!(
            (c.as_str(), p.as_str()),
            ("input.unknown_value", "/phases/1")
        );
        // An escaped key is decoded and escaped again as a JSON Pointer.
        let (c, p) = outer_err(r#"{"phases":[],"a\u002fb~":1}"#);
        assert_eq!((c.as_str(), p.as_str()), ("input.unknown_field", "/a~1b~0"));
        // A duplicate key points at the key in its object.
        let (c, p) = outer_err(r#"{"phases":[],"inner":{"count":1,"items":[],"count":2}}"#);
        assert_eq!(
            (c.as_str(), p.as_str()),
            ("input.duplicate_field", "/inner/count")
        );
        // A struct given as an array inside an Option.
        let (c, p) = outer_err(r#"{"phases":[],"inner":[1,[]]}"#);
        assert_eq!((c.as_str(), p.as_str()), ("input.wrong_type", "/inner"));
    }

    fn err(s: &str) -> Finding {
        read::<Doc>(s.as_bytes(), &Limits::default())
            .unwrap_err()
            .finding
    }

    #[test]
    fn classifies_and_points() {
        let f = err("{");
        assert_eq!(f.code, "input.not_json");
        let f = err("");
        assert_eq!(f.code, "input.not_json");
        let f = err(r#"{"count":1,"items":[]} x"#);
        assert_eq!(f.code, "input.not_json");
        let f = err(r#"{"count":-1,"items":[]}"#);
        assert_eq!(
            (f.code.as_str(), f.path.as_str()),
            ("input.invalid_value", "/count")
        );
        let f = err(r#"{"count":"秘密の名前","items":[]}"#);
        assert_eq!(
            (f.code.as_str(), f.path.as_str()),
            ("input.wrong_type", "/count")
        );
        assert!(!f.message_ja.contains("秘密") && !f.message_en.contains("秘密"));
        let f =
            err(r#"{"count":1,"items":[{"kind":"a","name":"x"},{"kind":"田中太郎","name":"x"}]}"#);
        assert_eq!(
            (f.code.as_str(), f.path.as_str()),
            ("input.unknown_value", "/items/1/kind")
        );
        assert!(!f.message_en.contains("田中"), "{}", f.message_en);
        let f = err(r#"{"count":1,"items":[{"kind":"a"}]}"#);
        assert_eq!(
            (f.code.as_str(), f.path.as_str()),
            ("input.missing_field", "/items/0/name")
        );
        let f = err(r#"{"count":1,"items":[],"山田花子":1}"#);
        assert_eq!(f.code, "input.unknown_field");
        assert!(!f.message_ja.contains("山田"));
        let f = err(r#"{"count":1,"count":2,"items":[]}"#);
        assert_eq!(f.code, "input.duplicate_field");
        let f = err(r#"{"count":1e400,"items":[]}"#);
        assert_eq!(f.code, "input.number_out_of_range");
        let deep = "[".repeat(100_000);
        let f = err(&deep);
        assert!(
            f.code == "input.too_deep" || f.code == "input.wrong_type",
            "{f:?}"
        );
        let f = read::<Doc>(&[0xff, 0xfe], &Limits::default()).unwrap_err();
        assert_eq!(f.problem, InputProblem::NotUtf8);
        // A struct never reads from the array form.
        let f = err(r#"[1, []]"#);
        assert_eq!((f.code.as_str(), f.path.as_str()), ("input.wrong_type", ""));
        let f = err(r#"{"count":1,"items":[["a","x"]]}"#);
        assert_eq!(
            (f.code.as_str(), f.path.as_str()),
            ("input.wrong_type", "/items/0")
        );
        let f = read::<Doc>(b"{}", &Limits { max_input_bytes: 1 }).unwrap_err();
        assert_eq!(f.problem, InputProblem::TooLarge);
    }
}
