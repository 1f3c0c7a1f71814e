//! Reading untrusted JSON input into the typed model.
//!
//! [`read`] turns bytes into a document of type `T`. A readable document is read in one
//! pass by serde (the fast path, through `fast`). When that fails, the document is
//! read again by `recover`: into a tree kept in document order, then through a
//! deserializer that notes every problem and goes on, so that one report lists them all,
//! each at its JSON Pointer, in words a person understands and without echoing the
//! input's text (only numbers, dates and the model's own names and labels).
//!
//! | code | when |
//! |---|---|
//! | `input.too_large` | more bytes than [`Limits::max_input_bytes`] |
//! | `input.not_utf8` | the bytes are not UTF-8 |
//! | `input.not_json` | not JSON (syntax error, empty input, trailing characters), with line and column |
//! | `input.too_deep` | nesting deeper than serde_json's limit (128) |
//! | `input.number_out_of_range` | a number JSON allows but a float cannot hold (1e400) |
//! | `input.wrong_type` | a value of the wrong kind (text for a number), saying which kind is needed |
//! | `input.invalid_value` | a number outside the field's range (「0〜255 の整数」), or a value the field refuses |
//! | `input.unknown_value` | a code that is not one of the field's choices, listing them with their labels |
//! | `input.unknown_field` | a key the model does not have, naming the nearest one |
//! | `input.missing_field` | a required key is absent |
//! | `input.duplicate_field` | the same key twice in one object |
//! | `input.wrong_length` | a list of the wrong length |
//! | `input.invalid_date` | not a real `YYYY-MM-DD` date (2024-02-30); a 和暦 or slash date says which date it means |
//! | `input.draft.not_filled` | draft mode: a required field absent or `""` (a warning) |
//! | `input.draft.withheld` | draft mode: parts of the result wait for a field not filled in (an info; see `withhold`) |

// Rereading along the findings' pointers (issue 19, P4′): native, and WASM builds
// without `one-reader`; the form module reads the whole tree instead (less code, the
// same answers).
/// The plain `visit_*` methods of a wrapping visitor (`strict`, `fast`), forwarded to
/// the visitor it wraps (`self.v`).
macro_rules! forward_visit {
    ($($method:ident($ty:ty);)*) => {
        $(
            #[inline]
            fn $method<E: de::Error>(self, v: $ty) -> Result<V::Value, E> {
                self.v.$method(v)
            }
        )*
    };
}

#[cfg(not(all(feature = "one-reader", target_arch = "wasm32")))]
mod along;
pub mod model;
mod order;
mod recover;
pub(crate) mod withhold;

/// Edit distance between two words (optimal string alignment), for "did you mean".
pub fn edit_distance(a: &[char], b: &[char]) -> usize {
    recover::distance(a, b)
}
#[cfg(not(all(feature = "one-reader", target_arch = "wasm32")))]
mod fast;
mod strict;

use crate::finding::{Finding, Label, Rule};
use serde::de::DeserializeOwned;

/// Limits and options of one call. The caller may change them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Largest input accepted, in bytes. Default 16 MiB.
    pub max_input_bytes: usize,
    /// Draft mode: missing or empty required fields are warnings
    /// (`input.draft.not_filled`) and the operation computes what it can; its result is
    /// provisional. Off by default.
    pub draft: bool,
}

/// Default input limit: 16 MiB.
pub const DEFAULT_MAX_INPUT_BYTES: usize = 16 * 1024 * 1024;

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_input_bytes: DEFAULT_MAX_INPUT_BYTES,
            draft: false,
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
    /// The run options (not the document) could not be read: see
    /// [`crate::run_options`]. The document was not read.
    Options,
}

use crate::rule;

rule!(
    TOO_LARGE,
    "input.too_large",
    Error,
    "入力が大きすぎます（{size} バイト、上限 {limit} バイト）",
    "The input is too large ({size} bytes, limit {limit} bytes)"
);
rule!(
    NOT_UTF8,
    "input.not_utf8",
    Error,
    "入力が UTF-8 ではありません（{byte} バイト目）",
    "The input is not UTF-8 (at byte {byte})"
);
rule!(
    NOT_JSON,
    "input.not_json",
    Error,
    "入力が JSON として読めません[（{line} 行 {column} 列）]",
    "The input is not valid JSON[ (line {line}, column {column})]",
    "The text is not JSON: a bracket or quote is missing, the text stops early (a file cut off while uploading), a comma is missing or doubled, or there is text after the document. The line and column say where reading stopped; look there and just before."
);
rule!(
    TOO_DEEP,
    "input.too_deep",
    Error,
    "入れ子が深すぎます[（{line} 行 {column} 列）]",
    "The input is nested too deeply[ (line {line}, column {column})]"
);
rule!(
    NUMBER_OUT_OF_RANGE,
    "input.number_out_of_range",
    Error,
    "数値が表現できる範囲を超えています[（{line} 行 {column} 列）]",
    "A number is out of the representable range[ (line {line}, column {column})]"
);
rule!(
    WRONG_TYPE,
    "input.wrong_type",
    Error,
    "値の種類が違います[（{expected}が必要ですが、{found}が入っています）]",
    "Wrong kind of value[ ({expected} expected, {found} found)]",
    "The field needs another kind of value: text in quotes, a whole number, a list in [ ], a group of fields in { }, or true/false. The message says which kind is needed and which kind was written."
);
rule!(
    INVALID_VALUE,
    "input.invalid_value",
    Error,
    "値が許される範囲にありません[（{min}〜{max} の整数）]",
    "The value is outside what this field allows[ (a whole number from {min} to {max})]"
);
rule!(
    UNKNOWN_VALUE,
    "input.unknown_value",
    Error,
    "選択肢にない値です[（使える値: {allowed}）]",
    "The value is not one of the allowed choices[ (allowed: {allowed})]",
    "The field takes one of a fixed list of codes, written exactly (lower case, with underscores). The message lists every code with its meaning."
);
rule!(
    UNKNOWN_FIELD,
    "input.unknown_field",
    Error,
    "この位置にない項目です[（もしかして {suggestion}）]",
    "Unknown field[ (did you mean {suggestion}?)]",
    "The document has a field this place does not have: a typing mistake in the name, or a field put one level too high or too low. Where a field of nearly the same name exists, the message names it."
);
rule!(
    MISSING_FIELD,
    "input.missing_field",
    Error,
    "必須項目がありません[（{field}）]",
    "A required field is missing[ ({field})]"
);
rule!(
    DUPLICATE_FIELD,
    "input.duplicate_field",
    Error,
    "同じ項目が二度あります",
    "The same field appears twice"
);
rule!(
    NOT_FILLED,
    "input.draft.not_filled",
    Warning,
    "まだ記入されていません（下書き）",
    "Not filled in yet (draft)",
    "In draft mode a required field that is absent or empty (\"\") is not an error but a reminder; the results computed from a draft are provisional."
);
rule!(
    WRONG_LENGTH,
    "input.wrong_length",
    Error,
    "一覧の長さが違います",
    "The list has the wrong length"
);
rule!(
    INVALID_DATE,
    "input.invalid_date",
    Error,
    "日付が正しくありません（YYYY-MM-DD の実在する日付）[。{reads_as} のことなら、そう書いてください]",
    "Invalid date (a real date written YYYY-MM-DD)[; if {reads_as} is meant, write it so]",
    "Dates are written year-month-day with hyphens, 2024-04-01, and must exist (no 2月30日). A date written in 和暦 (令和6年4月1日) or with slashes (2024/4/1) is read and the message says which YYYY-MM-DD it means."
);

/// Every rule of this module.
pub const RULES: &[&Rule] = &[
    &TOO_LARGE,
    &NOT_UTF8,
    &NOT_JSON,
    &TOO_DEEP,
    &NUMBER_OUT_OF_RANGE,
    &WRONG_TYPE,
    &INVALID_VALUE,
    &UNKNOWN_VALUE,
    &UNKNOWN_FIELD,
    &MISSING_FIELD,
    &DUPLICATE_FIELD,
    &WRONG_LENGTH,
    &INVALID_DATE,
    &NOT_FILLED,
    &withhold::WITHHELD,
];

/// Marker that custom deserializers put at the start of their error message so that
/// [`read`] can classify it without echoing input: `kyoten:invalid_date` →
/// `input.invalid_date`; `kyoten:invalid_date:2023-04-01` also says which date a 和暦 or
/// slash date means.
pub const CUSTOM_ERROR_PREFIX: &str = "kyoten:";

/// An input that could not be read (fully): its findings and kind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unreadable {
    /// Every problem found (codes `input.*`), in document order.
    pub findings: Vec<Finding>,
    /// The kind of the first problem, for status codes.
    pub problem: InputProblem,
}

/// A document read in draft mode: the value built with stand-ins for what is not
/// filled in, and the `input.draft.not_filled` warnings.
#[derive(Debug, Clone, PartialEq)]
pub struct Draft<T> {
    /// The value (provisional).
    pub value: T,
    /// The warnings.
    pub findings: Vec<Finding>,
}

/// What [`read_with`] gives.
#[derive(Debug, Clone, PartialEq)]
pub enum Read<T> {
    /// Read completely.
    Complete(T),
    /// Draft mode: read with only not-filled fields.
    Draft(Draft<T>),
    /// Could not be read.
    Unreadable(Unreadable),
}

/// Reads `bytes` as a JSON document of type `T`.
pub fn read<T: DeserializeOwned + Recover>(bytes: &[u8], limits: &Limits) -> Result<T, Unreadable> {
    match read_with::<T>(
        bytes,
        &Limits {
            draft: false,
            ..*limits
        },
    ) {
        Read::Complete(v) => Ok(v),
        Read::Draft(d) => Ok(d.value),
        Read::Unreadable(u) => Err(u),
    }
}

/// Reads `bytes` as a JSON document of type `T`, in draft mode if `limits.draft`.
pub fn read_with<T: DeserializeOwned + Recover>(bytes: &[u8], limits: &Limits) -> Read<T> {
    let mut value: Option<T> = None;
    match read_in_place(bytes, limits, &mut value) {
        Read::Complete(()) => match value {
            Some(value) => Read::Complete(value),
            None => unread(),
        },
        Read::Draft(d) => match value {
            Some(value) => Read::Draft(Draft {
                value,
                findings: d.findings,
            }),
            None => unread(),
        },
        Read::Unreadable(u) => Read::Unreadable(u),
    }
}

/// [`read_with`], the value read into `out` (left `None` for an unreadable document);
/// what the reading is. The operations read so (`crate::operation`): the value is not
/// moved through a result, and the slow path is one copy for every type.
pub(crate) fn read_in_place<T: DeserializeOwned + Recover>(
    bytes: &[u8],
    limits: &Limits,
    out: &mut Option<T>,
) -> Read<()> {
    let text = match text_of(bytes, limits) {
        Ok(t) => t,
        Err(u) => return Read::Unreadable(u),
    };
    // The fast path: one pass, no tree, no problem list (left out with the feature
    // `one-reader`: the form WASM module reads through `recover` alone, for its size; the
    // full module, built for speed, keeps the fast path). The feature acts on wasm32 only,
    // so native builds (and `--all-features` test runs) always keep the fast path; the
    // form module's WASM tests run the one-reader path.
    // In draft mode a document with an empty text (`""`, not filled in yet) takes the
    // slow path, which reads `""` as absent (the fast path would take it as a value).
    #[cfg(not(all(feature = "one-reader", target_arch = "wasm32")))]
    if !(limits.draft && has_empty_text(text)) {
        *out = read_fast::<T>(text);
        if out.is_some() {
            return Read::Complete(());
        }
    }
    recovered(text, limits.draft, Varied::None, out)
}

/// True if `text` may hold an empty JSON text `""` (a `""` inside a longer text, such as
/// `"a\"\""`, also counts: the slow path then reads the document all the same).
#[cfg(not(all(feature = "one-reader", target_arch = "wasm32")))]
fn has_empty_text(text: &str) -> bool {
    text.as_bytes().windows(2).any(|w| w == b"\"\"")
}

/// `#[derive(Recover)]` for the model's types (`kyoten-derive`).
pub(crate) use kyoten_derive::Recover;
/// The recovering reader's reading code, for the model's derived and hand-written
/// `Recover` implementations.
#[doc(hidden)]
pub use recover::reader;
pub use recover::reader::Recover;
pub(crate) use recover::{Document, Varied};
#[cfg(test)]
pub(crate) use recover::{
    oracle::recover_varied as recover_oracle, recover_varied as recover_with_trait,
};

/// Reads a draft again with the stand-ins of `varied` taking their second value
/// ([`Varied`]) into `doc`; false (and `doc`'s value not to be used) unless it reads as
/// a draft. Used to find the parts of a result that rest on a stand-in.
pub(crate) fn read_draft_varied(
    bytes: &[u8],
    limits: &Limits,
    varied: Varied<'_>,
    doc: &mut dyn Document,
) -> bool {
    let Ok(text) = text_of(bytes, limits) else {
        return false;
    };
    matches!(recovered(text, true, varied, doc), Read::Draft(_))
}

/// A document read without a value (cannot happen: a pass that reads the document gives
/// its value).
#[cold]
fn unread<T>() -> Read<T> {
    Read::Unreadable(Unreadable {
        findings: vec![INVALID_VALUE.at("")],
        problem: InputProblem::Shape,
    })
}

/// The slow path of every document type (one copy): the document's tree read into `doc`
/// pass after pass ([`recover::passes`]), with the stand-ins of `varied` taking their
/// second value; what the reading is (its value left in `doc`).
#[inline(never)]
fn recovered(
    text: &str,
    draft: bool,
    varied: Varied<'_>,
    doc: &mut dyn recover::Document,
) -> Read<()> {
    let tree = match tree_of(text) {
        Ok(t) => t,
        Err(u) => return Read::Unreadable(u),
    };
    // Each pass reads the whole document; allow more passes for small documents.
    let budget = (64 * 1024 * 1024 / text.len().max(1)).clamp(2, 200);
    let (mut problems, read) = recover::passes(&tree, draft, budget, varied, doc);
    order(&mut problems, &tree);
    let only_not_filled = problems
        .iter()
        .all(|p| matches!(p.kind, recover::Kind::NotFilled));
    let findings: Vec<Finding> = problems.iter().map(finding_of).collect();
    match read {
        // A complete document is complete in draft mode too (not provisional).
        true if findings.is_empty() => Read::Complete(()),
        true if draft && only_not_filled => Read::Draft(Draft {
            value: (),
            findings,
        }),
        _ => Read::Unreadable(Unreadable {
            findings: if problems.is_empty() {
                // The fast path refused what the slow path read: say so rather than
                // nothing (should not happen).
                vec![INVALID_VALUE.at("")]
            } else {
                findings
            },
            problem: InputProblem::Shape,
        }),
    }
}

/// Sorts problems into document order (keys in the order written, list elements by
/// number); problems at one place keep the order they were found in.
fn order(problems: &mut [recover::Problem], tree: &Tree) {
    order::by_position(tree, problems, |p| p.path.as_str());
}

/// The position of a pointer in document order: for each step, the index of the key or
/// element (keys not in the document sort after those that are).
pub fn position(tree: &Tree, pointer: &str) -> Vec<usize> {
    order::Positions::new(tree).of(pointer)
}

/// Sorts `items` into document order by the pointer `path_of` gives (stable); objects
/// with many keys are indexed once.
pub fn sort_by_position<T>(tree: &Tree, items: &mut [T], path_of: impl Fn(&T) -> &str) {
    order::by_position(tree, items, path_of);
}

fn words(w: (&'static str, &'static str)) -> Label {
    Label {
        code: "",
        ja: w.0,
        en: w.1,
    }
}

fn expected_words(e: recover::Expected) -> Option<Label> {
    use recover::Expected as E;
    Some(words(match e {
        E::Text => ("文字列", "text"),
        E::Integer { min, max } => {
            return Some(words(integer_words(min, max)));
        }
        E::Number => ("数値", "a number"),
        E::Bool => ("true か false", "true or false"),
        E::List => ("一覧（[ ] の配列）", "a list in [ ]"),
        E::Object => (
            "項目のまとまり（{ } のオブジェクト）",
            "a group of fields in { }",
        ),
        E::Choice => ("選択肢の文字列", "one of the choices, as text"),
        E::Nothing => ("null", "null"),
    }))
}

/// Words for the common integer ranges (the model uses these types).
fn integer_words(min: i128, max: i128) -> (&'static str, &'static str) {
    match (min, max) {
        (0, 255) => ("0〜255 の整数", "a whole number from 0 to 255"),
        (0, 65535) => ("0〜65535 の整数", "a whole number from 0 to 65535"),
        (0, 4294967295) => ("0 以上の整数", "a whole number, 0 or more"),
        (0, _) => ("0 以上の整数", "a whole number, 0 or more"),
        _ => ("整数", "a whole number"),
    }
}

fn found_words(f: recover::Found) -> Label {
    use recover::Found as F;
    words(match f {
        F::Null => ("null", "null"),
        F::Bool => ("true/false", "true/false"),
        F::Integer => ("整数", "a whole number"),
        F::Decimal => ("小数", "a decimal number"),
        F::Text => ("文字列", "text"),
        F::List => ("一覧", "a list"),
        F::Object => ("項目のまとまり", "a group of fields"),
    })
}

fn finding_of(p: &recover::Problem) -> Finding {
    use recover::Kind as K;
    let path = p.path.as_str();
    match &p.kind {
        K::WrongType { expected, found } => {
            let f = WRONG_TYPE.at(path).with("found", found_words(*found));
            match expected_words(*expected) {
                Some(e) => f.with("expected", e),
                None => f,
            }
        }
        K::OutOfRange { min, max } => INVALID_VALUE
            .at(path)
            .with("min", i64::try_from(*min).unwrap_or(i64::MIN))
            .with("max", i64::try_from(*max).unwrap_or(i64::MAX)),
        K::UnknownField { suggestion } => {
            let f = UNKNOWN_FIELD.at(path);
            match suggestion {
                Some(s) => f.with("suggestion", *s),
                None => f,
            }
        }
        K::UnknownValue { enum_name, allowed } => UNKNOWN_VALUE
            .at(path)
            .with("allowed", model::labels_of(enum_name, allowed)),
        K::MissingField { field } => MISSING_FIELD.at(path).with("field", *field),
        K::DuplicateField => DUPLICATE_FIELD.at(path),
        K::InvalidDate { reads_as } => {
            let f = INVALID_DATE.at(path);
            match reads_as {
                Some((year, month, day)) => f.with(
                    "reads_as",
                    crate::finding::ArgValue::Date {
                        year: *year,
                        month: *month,
                        day: *day,
                    },
                ),
                None => f,
            }
        }
        K::InvalidValue => INVALID_VALUE.at(path),
        K::WrongLength { .. } => WRONG_LENGTH.at(path),
        K::NotFilled => NOT_FILLED.at(path),
    }
}

/// The size and UTF-8 checks of [`read`], kept out of the generic code (one copy for
/// every document type).
#[inline(never)]
fn text_of<'b>(bytes: &'b [u8], limits: &Limits) -> Result<&'b str, Unreadable> {
    if bytes.len() > limits.max_input_bytes {
        return Err(Unreadable {
            findings: vec![
                TOO_LARGE
                    .at("")
                    .with("size", bytes.len())
                    .with("limit", limits.max_input_bytes),
            ],
            problem: InputProblem::TooLarge,
        });
    }
    utf8(bytes).map_err(|valid_up_to| Unreadable {
        findings: vec![NOT_UTF8.at("").with("byte", valid_up_to)],
        problem: InputProblem::NotUtf8,
    })
}

/// `bytes` as text, or the length of its valid UTF-8 prefix. Native builds check with
/// SIMD (`simdutf8`) and ask the standard library only where the first bad byte is.
#[cfg(not(target_arch = "wasm32"))]
fn utf8(bytes: &[u8]) -> Result<&str, usize> {
    match simdutf8::basic::from_utf8(bytes) {
        Ok(text) => Ok(text),
        Err(_) => std::str::from_utf8(bytes).map_err(|e| e.valid_up_to()),
    }
}

/// `bytes` as text, or the length of its valid UTF-8 prefix.
#[cfg(target_arch = "wasm32")]
fn utf8(bytes: &[u8]) -> Result<&str, usize> {
    std::str::from_utf8(bytes).map_err(|e| e.valid_up_to())
}

/// The fast path of [`read_with`]: `text` as a `T`, or nothing (the place of the problem
/// is not kept: the slow path finds every problem with its pointer).
#[cfg(not(all(feature = "one-reader", target_arch = "wasm32")))]
fn read_fast<T: DeserializeOwned>(text: &str) -> Option<T> {
    let mut de = serde_json::Deserializer::from_str(text);
    let value = T::deserialize(fast::Fast(&mut de)).ok()?;
    de.end().ok().map(|()| value)
}

/// Reads `text` as a JSON document of type `T` on the fast path only (no size check, no
/// problem list). On failure, the JSON Pointer of the first problem.
pub fn read_str<T: DeserializeOwned>(text: &str) -> Result<T, String> {
    let mut de = serde_json::Deserializer::from_str(text);
    let track = strict::Track::new();
    match T::deserialize(strict::Strict::new(&mut de, &track)) {
        Ok(value) => de.end().map(|()| value).map_err(|_| String::new()),
        Err(_) => Err(track.pointer()),
    }
}

/// A JSON document kept in document order, repeated keys included.
#[allow(missing_docs)]
#[derive(Debug, Clone, PartialEq)]
pub enum Tree {
    Null,
    Bool(bool),
    Number(serde_json::Number),
    String(String),
    Array(Vec<Tree>),
    Object(Vec<(String, Tree)>),
}

impl<'de> serde::Deserialize<'de> for Tree {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = Tree;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("JSON")
            }
            fn visit_unit<E>(self) -> Result<Tree, E> {
                Ok(Tree::Null)
            }
            fn visit_none<E>(self) -> Result<Tree, E> {
                Ok(Tree::Null)
            }
            fn visit_some<D2: serde::Deserializer<'de>>(self, d: D2) -> Result<Tree, D2::Error> {
                serde::Deserialize::deserialize(d)
            }
            fn visit_bool<E>(self, b: bool) -> Result<Tree, E> {
                Ok(Tree::Bool(b))
            }
            fn visit_u64<E>(self, n: u64) -> Result<Tree, E> {
                Ok(Tree::Number(n.into()))
            }
            fn visit_i64<E>(self, n: i64) -> Result<Tree, E> {
                Ok(Tree::Number(n.into()))
            }
            fn visit_f64<E>(self, n: f64) -> Result<Tree, E> {
                Ok(serde_json::Number::from_f64(n).map_or(Tree::Null, Tree::Number))
            }
            fn visit_str<E>(self, s: &str) -> Result<Tree, E> {
                Ok(Tree::String(s.to_owned()))
            }
            fn visit_string<E>(self, s: String) -> Result<Tree, E> {
                Ok(Tree::String(s))
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut a: A) -> Result<Tree, A::Error> {
                let mut items = Vec::new();
                while let Some(t) = a.next_element()? {
                    items.push(t);
                }
                Ok(Tree::Array(items))
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, mut a: A) -> Result<Tree, A::Error> {
                let mut entries = Vec::new();
                while let Some((k, v)) = a.next_entry::<String, Tree>()? {
                    entries.push((k, v));
                }
                Ok(Tree::Object(entries))
            }
        }
        d.deserialize_any(V)
    }
}

/// Parses `text` into a [`Tree`]; a syntax error is `input.not_json` with line and column.
fn tree_of(text: &str) -> Result<Tree, Unreadable> {
    use serde_json::error::Category;
    let e = match serde_json::from_str::<Tree>(text) {
        Ok(t) => return Ok(t),
        Err(e) => e,
    };
    let rule = match e.classify() {
        // serde_json's own words for its two limits (never the input's text).
        _ if e.to_string().starts_with("recursion limit exceeded") => &TOO_DEEP,
        _ if e.to_string().starts_with("number out of range") => &NUMBER_OUT_OF_RANGE,
        Category::Io | Category::Eof | Category::Syntax | Category::Data => &NOT_JSON,
    };
    Err(Unreadable {
        findings: vec![
            rule.at("")
                .with("line", e.line())
                .with("column", e.column()),
        ],
        problem: InputProblem::NotJson,
    })
}

#[cfg(not(all(feature = "one-reader", target_arch = "wasm32")))]
pub use along::tree_along;

/// The document's tree for ordering and locating findings at `pointers`: with
/// `one-reader` on wasm32, the whole tree (less code; the same answers).
#[cfg(all(feature = "one-reader", target_arch = "wasm32"))]
pub fn tree_along<'p>(bytes: &[u8], pointers: impl Iterator<Item = &'p str>) -> Option<Tree> {
    let _ = pointers;
    tree_of_bytes(bytes)
}

/// The document as a [`Tree`], if it is JSON (for ordering and locating findings).
pub fn tree_of_bytes(bytes: &[u8]) -> Option<Tree> {
    let text = std::str::from_utf8(bytes).ok()?;
    serde_json::from_str(text).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, Deserialize, crate::input::Recover)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Doc {
        count: u32,
        items: Vec<Item>,
    }
    #[derive(Debug, Clone, Deserialize, crate::input::Recover)]
    #[serde(deny_unknown_fields, rename_all = "snake_case")]
    #[allow(dead_code)]
    enum Kind {
        A,
        B,
    }
    #[derive(Debug, Deserialize, crate::input::Recover)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Item {
        kind: Kind,
        name: String,
    }

    #[derive(Debug, Deserialize, crate::input::Recover)]
    #[serde(deny_unknown_fields, rename_all = "snake_case")]
    #[allow(dead_code)]
    enum Phase {
        Plain,
        Other(String),
    }
    #[derive(Debug, Deserialize, crate::input::Recover)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Outer {
        inner: Option<Doc>,
        phases: Vec<Phase>,
    }

    fn outer_err(s: &str) -> (String, String) {
        let f = read::<Outer>(s.as_bytes(), &Limits::default())
            .unwrap_err()
            .findings
            .remove(0);
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
            .findings
            .remove(0)
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
        assert!(!f.message_ja().contains("秘密") && !f.message_en().contains("秘密"));
        let f =
            err(r#"{"count":1,"items":[{"kind":"a","name":"x"},{"kind":"田中太郎","name":"x"}]}"#);
        assert_eq!(
            (f.code.as_str(), f.path.as_str()),
            ("input.unknown_value", "/items/1/kind")
        );
        assert!(!f.message_en().contains("田中"), "{}", f.message_en());
        let f = err(r#"{"count":1,"items":[{"kind":"a"}]}"#);
        assert_eq!(
            (f.code.as_str(), f.path.as_str()),
            ("input.missing_field", "/items/0/name")
        );
        let f = err(r#"{"count":1,"items":[],"山田花子":1}"#);
        assert_eq!(f.code, "input.unknown_field");
        assert!(!f.message_ja().contains("山田"));
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
        assert_eq!(f.findings[0].code, "input.not_utf8");
        assert_eq!(f.problem, InputProblem::NotUtf8);
        // A struct never reads from the array form.
        let f = err(r#"[1, []]"#);
        assert_eq!((f.code.as_str(), f.path.as_str()), ("input.wrong_type", ""));
        let f = err(r#"{"count":1,"items":[["a","x"]]}"#);
        assert_eq!(
            (f.code.as_str(), f.path.as_str()),
            ("input.wrong_type", "/items/0")
        );
        let f = read::<Doc>(
            b"{}",
            &Limits {
                max_input_bytes: 1,
                draft: false,
            },
        )
        .unwrap_err();
        assert_eq!(f.problem, InputProblem::TooLarge);
    }

    fn all(s: &str) -> Vec<(String, String)> {
        read::<Doc>(s.as_bytes(), &Limits::default())
            .unwrap_err()
            .findings
            .into_iter()
            .map(|f| (f.code, f.path))
            .collect()
    }

    #[test]
    fn every_problem_in_one_report() {
        let got = all(
            r#"{"count":-1,"items":[{"kind":"c","name":1},{"kind":"a"},{"kind":"b","name":"x","nmae":2}],"extra":true}"#,
        );
        let want = [
            ("input.invalid_value", "/count"),
            ("input.unknown_value", "/items/0/kind"),
            ("input.wrong_type", "/items/0/name"),
            ("input.missing_field", "/items/1/name"),
            ("input.unknown_field", "/items/2/nmae"),
            ("input.unknown_field", "/extra"),
        ];
        let want: Vec<(String, String)> = want
            .iter()
            .map(|(c, p)| ((*c).to_owned(), (*p).to_owned()))
            .collect();
        assert_eq!(got, want);
    }

    #[test]
    fn unknown_keys_are_never_echoed_and_get_a_suggestion() {
        let f = read::<Doc>(
            r#"{"count":1,"items":[],"expected one of 山田花子 090-1234-5678":1,"itesm":[]}"#
                .as_bytes(),
            &Limits::default(),
        )
        .unwrap_err()
        .findings;
        assert_eq!(f.len(), 2);
        for x in &f {
            assert!(!x.message_ja().contains("山田") && !x.message_en().contains("090"));
        }
        assert_eq!(f[0].message_en(), "Unknown field");
        assert_eq!(f[1].message_en(), "Unknown field (did you mean items?)");
        assert_eq!(
            f[1].message_ja(),
            "この位置にない項目です（もしかして items）"
        );
    }

    #[test]
    fn ranges_are_one_message_for_both_sides() {
        #[derive(Debug, Deserialize, crate::input::Recover)]
        #[serde(deny_unknown_fields)]
        #[allow(dead_code)]
        struct H {
            a: u8,
            b: u8,
        }
        let f = read::<H>(br#"{"a":-2,"b":300}"#, &Limits::default())
            .unwrap_err()
            .findings;
        assert_eq!(f.len(), 2);
        assert_eq!(f[0].message_ja(), f[1].message_ja());
        assert_eq!(
            f[0].message_ja(),
            "値が許される範囲にありません（0〜255 の整数）"
        );
        assert_eq!(
            f[1].message_en(),
            "The value is outside what this field allows (a whole number from 0 to 255)"
        );
    }

    #[test]
    fn syntax_errors_give_line_and_column() {
        let u = read::<Doc>(b"{\n  \"count\": 1,\n  \"items\": [", &Limits::default()).unwrap_err();
        assert_eq!(u.problem, InputProblem::NotJson);
        assert_eq!(u.findings.len(), 1);
        assert_eq!(u.findings[0].code, "input.not_json");
        assert_eq!(
            u.findings[0].message_ja(),
            "入力が JSON として読めません（3 行 12 列）"
        );
        let u = read::<Doc>(b"{\"a\":", &Limits::default()).unwrap_err();
        assert_eq!(u.problem, InputProblem::NotJson);
    }

    #[test]
    fn draft_mode_reads_what_is_filled() {
        let draft = Limits {
            draft: true,
            ..Limits::default()
        };
        let r = read_with::<Doc>(br#"{"count":"","items":[{"kind":"","name":""}]}"#, &draft);
        assert!(matches!(r, Read::Draft(_)), "{r:?}");
        if let Read::Draft(d) = r {
            {
                let got: Vec<(&str, &str)> = d
                    .findings
                    .iter()
                    .map(|f| (f.code.as_str(), f.path.as_str()))
                    .collect();
                assert_eq!(
                    got,
                    [
                        ("input.draft.not_filled", "/count"),
                        ("input.draft.not_filled", "/items/0/kind"),
                        ("input.draft.not_filled", "/items/0/name"),
                    ]
                );
                assert_eq!(d.value.count, 0);
            }
        }
        // A wrong value is still an error in draft mode.
        assert!(matches!(
            read_with::<Doc>(br#"{"count":"x","items":[]}"#, &draft),
            Read::Unreadable(_)
        ));
        // Without draft mode, a missing field is an error.
        assert!(matches!(
            read_with::<Doc>(br#"{"items":[]}"#, &Limits::default()),
            Read::Unreadable(_)
        ));
    }
}
