//! Findings, rules, reports and JSON Pointers: findings are data.
//!
//! A [`Rule`] is the const description of one check: a stable dotted code such as
//! `plan.item.no_lead`, a [`Severity`], a message template in Japanese and in English, and
//! an explanation for people (what it catches, why, how to fix it). A [`Finding`] is one
//! violation of a rule at one place in one document, pointed to by an RFC 6901 JSON
//! Pointer ([`Path`]), with typed arguments ([`Arg`]). A [`Report`] holds every finding
//! for one input. The messages are rendered from the templates once, when a finding is
//! written out (serialised); the arguments also go out as data (`args`).
//!
//! ## Declaring a rule
//!
//! Every module declares its rules with the one macro [`rule!`](crate::rule) and lists
//! them in its `RULES` slice (the catalogue, `crate::catalogue`, collects the slices):
//!
//! ```ignore
//! rule!(NO_LEAD, "plan.item.no_lead", Warning, "担当がいません", "No lead organisation");
//! rule!(
//!     GAP_TOO_LONG, "staffing.meetings.gap_too_long", Warning,
//!     "会議の間隔が空きすぎです（{from} から {to} まで {days} 日、上限 {max} 日）",
//!     "Meetings too far apart ({days} days from {from} to {to}, at most {max})",
//!     "What it catches… Why… How to fix it…"   // optional explanation
//! );
//! ```
//!
//! A template names its arguments in braces, `{days}`. Text in square brackets is an
//! optional part, written only when every argument inside it is given:
//! `"未知の項目です[（もしかして {suggestion}）]"`. Optional parts may nest
//! (`"[（{era}は {start} から[ {end} まで]）]"`).
//!
//! ## Producing a finding
//!
//! `NO_LEAD.at(path)` is a finding without arguments; arguments are added by name:
//! `GAP_TOO_LONG.at(path).with("from", a).with("to", b).with("days", gap).with("max", max)`.
//! An argument is an [`ArgValue`]: an integer, an exact decimal (`19.75`), a date, one of
//! the library's own codes, a labelled value (an enumeration value with its Japanese and English labels) or a list
//! of labelled values. There is no free-text argument: a message can never carry a name or
//! a note from the input, and this is a property of the types.
//!
//! ## Ground module
//!
//! This module, [`crate::input`] and the operation type in [`crate::ops`] are the ground of
//! the crate: they import nothing from an area module (calendar, plan, summary, …).
//! The catalogue of every rule and operation lives above the areas, in `crate::catalogue`.

use serde::{Deserialize, Serialize};
use std::fmt;

mod args;
mod place;
pub use place::{Place, key_of, push_key};

/// 重大度 / How serious a finding is.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
    crate::emit::Emit,
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// エラー / Error: the document is invalid.
    Error,
    /// 警告 / Warning: worth a look; the document stays valid.
    Warning,
    /// 情報 / Information: how a result was reached.
    Info,
}

impl Severity {
    /// 日本語ラベル / Japanese label.
    pub const fn label_ja(self) -> &'static str {
        match self {
            Severity::Error => "エラー",
            Severity::Warning => "警告",
            Severity::Info => "情報",
        }
    }
    /// Lower-case English name, as serialised.
    pub const fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
}

/// The const description of one check. Declare it with [`rule!`](crate::rule); every
/// module lists references to its rules in a `RULES` slice (`&[&Rule]`: each rule then
/// stored once, not copied into the list) that the catalogue collects.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rule {
    /// Stable dotted code, e.g. `plan.item.no_lead`. Never renamed once released.
    pub code: &'static str,
    /// Severity of every finding of this rule.
    pub severity: Severity,
    /// Message template in Japanese (`{name}` is an argument, `[…]` an optional part).
    pub ja: &'static str,
    /// Message template in English.
    pub en: &'static str,
    /// For people: what the rule catches, why it matters and how to fix it ("" if the
    /// message says it all).
    pub explain: &'static str,
}

/// Declares a rule: `rule!(NAME, "area.thing.problem", Error|Warning|Info, "日本語",
/// "English");` with an optional sixth argument, the explanation. The templates may name
/// arguments (`{days}`) and optional parts (`[…]`), see [`crate::finding`].
#[macro_export]
macro_rules! rule {
    ($name:ident, $code:literal, $sev:ident, $ja:literal, $en:literal $(,)?) => {
        $crate::rule!($name, $code, $sev, $ja, $en, "");
    };
    ($name:ident, $code:literal, $sev:ident, $ja:literal, $en:literal, $explain:literal $(,)?) => {
        #[doc = concat!("`", $code, "`: ", $en)]
        pub const $name: $crate::finding::Rule = $crate::finding::Rule {
            code: $code,
            severity: $crate::finding::Severity::$sev,
            ja: $ja,
            en: $en,
            // Left out of builds without the `explanations` feature (the WASM form
            // module): `rules.list` then gives "" (issue 19, P6).
            explain: if cfg!(feature = "explanations") {
                $explain
            } else {
                ""
            },
        };
    };
}

impl Rule {
    /// A finding of this rule at `path`, without arguments (add them with
    /// [`Finding::with`]).
    #[cfg(not(target_arch = "wasm32"))]
    pub fn at(&self, path: impl Into<String>) -> Finding {
        // Natively the whole body here: a call to `at_path` in it, even inlined, changed
        // the inlining of the summary rules (+0.5 % of P7's instructions).
        Finding {
            code: self.code.to_owned(),
            severity: self.severity,
            path: path.into(),
            args: Vec::new(),
            location: None,
            ja: self.ja,
            en: self.en,
            written: None,
        }
    }

    /// A finding of this rule at `path`, without arguments (add them with
    /// [`Finding::with`]).
    #[cfg(target_arch = "wasm32")]
    pub fn at(&self, path: impl Into<String>) -> Finding {
        self.at_path(path.into())
    }

    /// [`Rule::at`] after the conversion: on WASM one copy for every path type (issue 19,
    /// P6: the module's size).
    #[cfg(target_arch = "wasm32")]
    #[inline(never)]
    fn at_path(&self, path: String) -> Finding {
        Finding {
            code: self.code.to_owned(),
            severity: self.severity,
            path,
            args: Vec::new(),
            location: None,
            ja: self.ja,
            en: self.en,
            written: None,
        }
    }

    /// A finding that carries only this rule's code and severity (no place, no text), for
    /// callers that asked for codes only.
    pub fn code_only(&self) -> Finding {
        Finding {
            ja: "",
            en: "",
            ..self.at("")
        }
    }

    /// The names of the arguments the templates use, in order of first appearance.
    pub fn arg_names(&self) -> Vec<&'static str> {
        let mut names = Vec::new();
        for t in [self.ja, self.en] {
            let mut rest = t;
            while let Some(open) = rest.find('{') {
                let after = rest.get(open + 1..).unwrap_or("");
                let Some(close) = after.find('}') else { break };
                let name = after.get(..close).unwrap_or("");
                if !names.contains(&name) {
                    names.push(name);
                }
                rest = after.get(close + 1..).unwrap_or("");
            }
        }
        names
    }
}

/// One labelled value: one of the library's own codes with its Japanese and English
/// labels (an enumeration value such as a kind of medical care).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Label {
    /// The value as written in documents (`suction`), "" when only labels are known.
    pub code: &'static str,
    /// 日本語ラベル / Japanese label.
    pub ja: &'static str,
    /// English label.
    pub en: &'static str,
}

/// The value of one argument of a finding. There is deliberately no free-text variant.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ArgValue {
    /// An integer (a count, days, minutes, a 1-based position, a byte offset).
    Int(i64),
    /// A calendar date, written `YYYY-MM-DD`.
    Date {
        /// Year.
        year: i32,
        /// Month 1–12.
        month: u8,
        /// Day 1–31.
        day: u8,
    },
    /// One of the library's own codes or words (a field name of the model, a rule code).
    Code(&'static str),
    /// A labelled value: written as its Japanese label in Japanese, English in English.
    Label(Label),
    /// A list of labelled values (allowed choices).
    Labels(Vec<Label>),
    /// A decimal number written exactly: `units / 10^scale`, so 19.75 is
    /// `Decimal { units: 1975, scale: 2 }` and is written `19.75` (never in
    /// floating-point notation). In a report's `args` it is the same text, a JSON string
    /// (`"19.75"`), so that a program reads it without rounding.
    Decimal {
        /// The number times `10^scale`.
        units: i64,
        /// Digits after the decimal point (0–18).
        scale: u8,
    },
}

macro_rules! int_arg {
    ($($t:ty),*) => {$(
        impl From<$t> for ArgValue {
            fn from(v: $t) -> Self {
                ArgValue::Int(i64::try_from(v).unwrap_or(i64::MAX))
            }
        }
    )*};
}
int_arg!(i8, i16, i32, i64, u8, u16, u32, u64, usize);

impl ArgValue {
    /// The exact decimal `units / 10^scale` (`decimal(1975, 2)` is 19.75).
    pub const fn decimal(units: i64, scale: u8) -> Self {
        ArgValue::Decimal { units, scale }
    }

    /// A number of the model (an `f64` read from a document) as a decimal: the shortest
    /// decimal with at most 6 digits after the point that reads back as `v`, so a value
    /// written `36.6` in a document is `36.6` again (found by integer arithmetic, without
    /// formatting floating point); a value with more digits is rounded to 6 digits.
    /// `None` when `v` is not finite or too large to write exactly (9×10^18 or more).
    pub fn from_f64(v: f64) -> Option<Self> {
        const POW: [f64; 7] = [1.0, 10.0, 100.0, 1e3, 1e4, 1e5, 1e6];
        if !v.is_finite() || v.abs() >= 9.0e18 {
            return None;
        }
        // Scale 0 is exact here: above 2^53 every f64 is an integer.
        let (mut units, mut scale) = (v.round() as i64, 0u8);
        for (k, pow) in POW.iter().enumerate() {
            let scaled = v * pow;
            if scaled.abs() >= 9.0e15 {
                // An f64 carries no more digits than this.
                break;
            }
            let r = scaled.round();
            (units, scale) = (r as i64, k as u8);
            if r / pow == v {
                break;
            }
        }
        while scale > 0 && units % 10 == 0 {
            units /= 10;
            scale -= 1;
        }
        Some(ArgValue::Decimal { units, scale })
    }
}

impl From<&'static str> for ArgValue {
    fn from(v: &'static str) -> Self {
        ArgValue::Code(v)
    }
}
impl From<Label> for ArgValue {
    fn from(v: Label) -> Self {
        ArgValue::Label(v)
    }
}
impl From<Vec<Label>> for ArgValue {
    fn from(v: Vec<Label>) -> Self {
        ArgValue::Labels(v)
    }
}

/// One named argument of a finding.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Arg {
    /// The name the templates use (`days` for `{days}`).
    pub name: &'static str,
    /// The value.
    pub value: ArgValue,
}

/// A readable location: the document's titles and 1-based numbers
/// (「医療的ケア 3（吸引）› 頻度」, "medical care 3 (suctioning) › frequency").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    /// 日本語 / Japanese.
    pub ja: String,
    /// English.
    pub en: String,
}

/// 指摘 / One violation of a rule at one place in a document: the rule's code and
/// templates, a JSON Pointer and typed arguments. Its messages are rendered when it is
/// written out ([`Finding::message_ja`], [`Finding::message_en`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// Stable dotted rule code, e.g. `plan.item.no_lead`.
    pub code: String,
    /// Severity.
    pub severity: Severity,
    /// RFC 6901 JSON Pointer to the offending value ("" is the whole document).
    pub path: String,
    /// Typed arguments, in the order they were given.
    pub args: Vec<Arg>,
    /// A readable location, when the reader could build one.
    pub location: Option<Location>,
    ja: &'static str,
    en: &'static str,
    /// The whole text of a finding read back from JSON (its arguments are not read back).
    written: Option<Box<(String, String)>>,
}

impl Finding {
    /// This finding with one more argument.
    #[must_use]
    #[cfg(not(target_arch = "wasm32"))]
    pub fn with(mut self, name: &'static str, value: impl Into<ArgValue>) -> Self {
        // Natively the whole body here (see `Rule::at`).
        self.args.push(Arg {
            name,
            value: value.into(),
        });
        self
    }

    /// This finding with one more argument.
    #[must_use]
    #[cfg(target_arch = "wasm32")]
    pub fn with(self, name: &'static str, value: impl Into<ArgValue>) -> Self {
        self.with_value(name, value.into())
    }

    /// [`Finding::with`] after the conversion: on WASM one copy for every argument type
    /// (issue 19, P6: the module's size).
    #[cfg(target_arch = "wasm32")]
    #[inline(never)]
    fn with_value(mut self, name: &'static str, value: ArgValue) -> Self {
        self.args.push(Arg { name, value });
        self
    }

    /// This finding with a readable location.
    #[must_use]
    pub fn located(mut self, location: Option<Location>) -> Self {
        self.location = location;
        self
    }

    /// The argument named `name`.
    pub fn arg(&self, name: &str) -> Option<&ArgValue> {
        self.args.iter().find(|a| a.name == name).map(|a| &a.value)
    }

    /// The Japanese message.
    pub fn message_ja(&self) -> String {
        self.render(true)
    }

    /// The English message.
    pub fn message_en(&self) -> String {
        self.render(false)
    }

    fn render(&self, ja: bool) -> String {
        if let Some(w) = &self.written {
            return if ja { w.0.clone() } else { w.1.clone() };
        }
        let template = if ja { self.ja } else { self.en };
        render(template, &self.args, ja)
    }
}

/// Renders `template` with `args`: `{name}` is replaced by the argument, `[…]` is kept
/// only when every argument inside it is given (groups may nest: an inner group left out
/// does not leave out the outer one); an argument that is not given leaves `{name}` out.
pub fn render(template: &str, args: &[Arg], ja: bool) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    render_into(&mut out, template, args, ja);
    out
}

/// Writes `part` into `out`; returns false if an argument was missing.
fn render_into(out: &mut String, part: &str, args: &[Arg], ja: bool) -> bool {
    let mut complete = true;
    let mut rest = part;
    // Byte by byte: `{` and `[` are ASCII, which never occurs inside another character's
    // UTF-8 bytes (cheaper than decoding the Japanese texts' characters).
    while let Some(i) = rest.bytes().position(|b| b == b'{' || b == b'[') {
        out.push_str(rest.get(..i).unwrap_or(""));
        let after = rest.get(i + 1..).unwrap_or("");
        if rest.get(i..).is_some_and(|s| s.starts_with('[')) {
            let close = closing_bracket(after);
            let mut group = String::new();
            if render_into(&mut group, after.get(..close).unwrap_or(""), args, ja) {
                out.push_str(&group);
            }
            rest = after.get(close + 1..).unwrap_or("");
        } else {
            let close = after.find('}').unwrap_or(after.len());
            let name = after.get(..close).unwrap_or("");
            match args.iter().find(|a| a.name == name) {
                Some(a) => a.value.write(out, ja),
                None => complete = false,
            }
            rest = after.get(close + 1..).unwrap_or("");
        }
    }
    out.push_str(rest);
    complete
}

/// The index of the `]` that closes a group opened just before `s` (groups may nest:
/// `[（{era}は {start} から[ {end} まで]）]`), or `s.len()` if it is not closed.
fn closing_bracket(s: &str) -> usize {
    let mut depth = 0usize;
    for (i, c) in s.char_indices() {
        match c {
            '[' => depth += 1,
            ']' if depth == 0 => return i,
            ']' => depth -= 1,
            _ => {}
        }
    }
    s.len()
}

impl Serialize for Finding {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = s.serialize_struct("Finding", 8)?;
        st.serialize_field("code", &self.code)?;
        st.serialize_field("severity", &self.severity)?;
        st.serialize_field("path", &self.path)?;
        st.serialize_field("message_ja", &self.message_ja())?;
        st.serialize_field("message_en", &self.message_en())?;
        if !self.args.is_empty() {
            st.serialize_field("args", &args::ArgsJson(&self.args))?;
        }
        if let Some(l) = &self.location {
            st.serialize_field("location_ja", &l.ja)?;
            st.serialize_field("location_en", &l.en)?;
        }
        st.end()
    }
}

impl crate::emit::Emit for Finding {
    fn emit(&self, w: &mut crate::emit::JsonOut) {
        w.begin_object();
        w.name("code");
        w.str(&self.code);
        w.name("severity");
        self.severity.emit(w);
        w.name("path");
        w.str(&self.path);
        w.name("message_ja");
        w.str(&self.message_ja());
        w.name("message_en");
        w.str(&self.message_en());
        if !self.args.is_empty() {
            w.name("args");
            args::ArgsJson(&self.args).emit(w);
        }
        if let Some(l) = &self.location {
            w.name("location_ja");
            w.str(&l.ja);
            w.name("location_en");
            w.str(&l.en);
        }
        w.end_object();
    }
}

/// The written form of a [`Finding`] (what reports contain).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, crate::emit::Emit)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(rename = "Finding"))]
#[serde(deny_unknown_fields)]
pub struct FindingJson {
    /// コード / Stable dotted rule code, e.g. `plan.item.no_lead`.
    pub code: String,
    /// 重大度 / Severity.
    pub severity: Severity,
    /// 位置 / RFC 6901 JSON Pointer to the offending value ("" is the whole document).
    pub path: String,
    /// メッセージ（日本語） / Message in Japanese.
    pub message_ja: String,
    /// メッセージ（英語） / Message in English.
    pub message_en: String,
    /// 引数 / The message's arguments as data, by name: integers (JSON numbers), exact
    /// decimals (strings such as `"19.75"`, written exactly as in the message), dates
    /// (`YYYY-MM-DD`), codes, and labelled values (`{"code","label_ja","label_en"}`) or
    /// lists of them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub args: Option<serde_json::Map<String, serde_json::Value>>,
    /// 場所（日本語） / Readable location in Japanese (「医療的ケア 3（吸引）› 頻度」).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location_ja: Option<String>,
    /// 場所（英語） / Readable location in English ("medical care 3 (suctioning) › frequency").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location_en: Option<String>,
}

impl<'de> Deserialize<'de> for Finding {
    /// Reads a written finding back; its messages are kept as written (arguments are not
    /// read back).
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let j = FindingJson::deserialize(d)?;
        Ok(Finding {
            code: j.code,
            severity: j.severity,
            path: j.path,
            args: Vec::new(),
            location: match (j.location_ja, j.location_en) {
                (Some(ja), Some(en)) => Some(Location { ja, en }),
                _ => None,
            },
            ja: "",
            en: "",
            written: Some(Box::new((j.message_ja, j.message_en))),
        })
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for Finding {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Finding".into()
    }
    fn json_schema(g: &mut schemars::SchemaGenerator) -> schemars::Schema {
        FindingJson::json_schema(g)
    }
}

/// 結果報告 / The answer of every operation: all findings for one input, and the
/// operation's result where it could be computed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, crate::emit::Emit)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Report<T> {
    /// 操作名 / Name of the operation that produced this report, e.g. `plan.validate`.
    pub operation: String,
    /// 妥当 / True if and only if no finding has severity `error`.
    pub valid: bool,
    /// エラー件数 / Number of findings of severity `error`.
    pub errors: u32,
    /// 警告件数 / Number of findings of severity `warning`.
    pub warnings: u32,
    /// 情報件数 / Number of findings of severity `info`.
    pub infos: u32,
    /// 指摘 / Every finding, in document order (deterministic).
    pub findings: Vec<Finding>,
    /// 暫定 / True when the input was read in draft mode: the result is computed from a
    /// document not yet filled in and is provisional.
    #[serde(default, skip_serializing_if = "is_false")]
    pub provisional: bool,
    /// 保留 / Draft mode: the places of the result (JSON Pointers into `result`) left out
    /// because they rest on a field not filled in yet (see `input.draft.withheld`); `""`
    /// when the whole result is. Absent when nothing is withheld.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub withheld: Vec<String>,
    /// 結果 / The operation's result; absent when the input could not be read.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub result: Option<T>,
}

/// Most findings one report lists; the counts still cover all of them.
pub const MAX_FINDINGS: usize = 1000;

crate::rule!(
    FINDINGS_TRUNCATED,
    "report.findings_truncated",
    Info,
    "指摘が多すぎるため、最初の {listed} 件だけを載せています（全 {total} 件。件数はすべてを数えています）",
    "Too many findings: only the first {listed} of {total} are listed (the counts include all of them)",
    "A report lists at most 1000 findings so that a hostile document cannot make the answer many times larger than itself. The counts errors, warnings and infos still cover every finding. Fix the first findings and run again."
);

/// Rules of the report itself.
pub const RULES: &[&Rule] = &[&FINDINGS_TRUNCATED];

impl<T> Report<T> {
    /// Builds a report, counting severities. At most [`MAX_FINDINGS`] findings are
    /// listed (then one `report.findings_truncated`), so a hostile document cannot make
    /// the answer many times larger than itself; `errors`, `warnings`, `infos` and
    /// `valid` count every finding.
    pub fn new(operation: &str, mut findings: Vec<Finding>, result: Option<T>) -> Self {
        let count = |s: Severity, f: &[Finding]| {
            u32::try_from(f.iter().filter(|f| f.severity == s).count()).unwrap_or(u32::MAX)
        };
        let errors = count(Severity::Error, &findings);
        let warnings = count(Severity::Warning, &findings);
        let infos = count(Severity::Info, &findings);
        if findings.len() > MAX_FINDINGS {
            let total = findings.len();
            findings.truncate(MAX_FINDINGS);
            findings.push(
                FINDINGS_TRUNCATED
                    .at("")
                    .with("listed", MAX_FINDINGS)
                    .with("total", total),
            );
        }
        Report {
            operation: operation.to_owned(),
            valid: errors == 0,
            errors,
            warnings,
            infos,
            findings,
            provisional: false,
            withheld: Vec::new(),
            result,
        }
    }
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// True if no finding in `findings` is an error.
pub fn no_errors(findings: &[Finding]) -> bool {
    !findings.iter().any(|f| f.severity == Severity::Error)
}

/// An RFC 6901 JSON Pointer under construction. `Path::root()` is the whole document
/// (the empty string); `.key("items").index(2).key("lead")` is `/items/2/lead`.
#[derive(Debug, Clone, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Path(String);

impl Path {
    /// A path from pointer text that is already a valid RFC 6901 pointer.
    pub fn from_pointer(pointer: impl Into<String>) -> Self {
        Path(pointer.into())
    }
    /// The whole document: "".
    pub fn root() -> Self {
        Path(String::new())
    }
    /// This path extended by an object key (escaped per RFC 6901: `~` → `~0`, `/` → `~1`).
    pub fn key(&self, key: &str) -> Self {
        let mut s = String::with_capacity(self.0.len() + key.len() + 1);
        s.push_str(&self.0);
        s.push('/');
        place::push_key(&mut s, key);
        Path(s)
    }
    /// This path extended by an array index.
    pub fn index(&self, i: usize) -> Self {
        // Without `format!`: rules build many of these.
        let mut s = String::with_capacity(self.0.len() + 8);
        s.push_str(&self.0);
        s.push('/');
        place::push_index(&mut s, i);
        Path(s)
    }
    /// The pointer text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Path {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<Path> for String {
    fn from(p: Path) -> String {
        p.0
    }
}
impl From<&Path> for String {
    fn from(p: &Path) -> String {
        p.0.clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pointer_escapes_tilde_and_slash() {
        let p = Path::root().key("a/b").key("m~n").index(3);
        assert_eq!(p.as_str(), "/a~1b/m~0n/3");
        assert_eq!(Path::root().index(0).as_str(), "/0");
        assert_eq!(
            Path::root().index(1203).index(usize::MAX).as_str(),
            format!("/1203/{}", usize::MAX)
        );
        assert_eq!(Path::root().as_str(), "");
    }

    #[test]
    fn report_valid_iff_no_error() {
        crate::rule!(W, "t.w", Warning, "警告", "warn");
        crate::rule!(E, "t.e", Error, "誤り", "err");
        let r: Report<()> = Report::new("x", vec![W.at("/a")], None);
        assert!(r.valid);
        assert_eq!((r.errors, r.warnings, r.infos), (0, 1, 0));
        let r: Report<()> = Report::new("x", vec![W.at("/a"), E.at("/b")], None);
        assert!(!r.valid);
        assert_eq!(r.findings[1].message_ja(), "誤り");
        assert_eq!(r.findings[1].message_en(), "err");
    }

    crate::rule!(
        T,
        "t.t",
        Warning,
        "間隔 {days} 日[、上限 {max} 日]（{kind}）",
        "{days} days[, at most {max}] ({kind})"
    );

    #[test]
    fn templates_render_typed_arguments() {
        let kind = Label {
            code: "suction",
            ja: "吸引",
            en: "suctioning",
        };
        let f = T
            .at("/a")
            .with("days", 400)
            .with("max", 365u32)
            .with("kind", kind);
        assert_eq!(f.message_ja(), "間隔 400 日、上限 365 日（吸引）");
        assert_eq!(f.message_en(), "400 days, at most 365 (suctioning)");
        // An optional part without its argument is left out.
        let f = T.at("/a").with("days", 3).with("kind", kind);
        assert_eq!(f.message_ja(), "間隔 3 日（吸引）");
        assert_eq!(T.arg_names(), vec!["days", "max", "kind"]);
        let json = serde_json::to_value(&f).unwrap();
        assert_eq!(json["args"]["days"], 3);
        assert_eq!(json["args"]["kind"]["label_ja"], "吸引");
        assert_eq!(json["message_en"], "3 days (suctioning)");
        assert!(json.get("location_ja").is_none());
    }

    #[test]
    fn decimals_are_written_exactly() {
        crate::rule!(D, "t.d", Warning, "値 {v}", "value {v}");
        let text = |v: ArgValue| D.at("").with("v", v).message_en();
        assert_eq!(text(ArgValue::decimal(1975, 2)), "value 19.75");
        assert_eq!(text(ArgValue::decimal(1970, 2)), "value 19.70");
        assert_eq!(text(ArgValue::decimal(5, 2)), "value 0.05");
        assert_eq!(text(ArgValue::decimal(-5, 1)), "value -0.5");
        assert_eq!(text(ArgValue::decimal(-1205, 0)), "value -1205");
        assert_eq!(
            text(ArgValue::decimal(i64::MIN, 0)),
            "value -9223372036854775808"
        );
        // As data: the same text, a JSON string.
        let json = serde_json::to_value(D.at("").with("v", ArgValue::decimal(1975, 2))).unwrap();
        assert_eq!(json["args"]["v"], "19.75");
        assert_eq!(json["message_ja"], "値 19.75");
    }

    #[test]
    fn numbers_of_the_model_become_their_shortest_decimal() {
        let dec = |v: f64| ArgValue::from_f64(v).unwrap();
        assert_eq!(dec(36.6), ArgValue::decimal(366, 1));
        assert_eq!(dec(0.3), ArgValue::decimal(3, 1));
        assert_eq!(dec(0.01), ArgValue::decimal(1, 2));
        assert_eq!(dec(200.0), ArgValue::decimal(200, 0));
        assert_eq!(dec(-2.0), ArgValue::decimal(-2, 0));
        assert_eq!(dec(-0.0), ArgValue::decimal(0, 0));
        assert_eq!(dec(12.345678), ArgValue::decimal(12_345_678, 6));
        // More than 6 digits after the point: rounded to 6, trailing zeros dropped.
        assert_eq!(dec(0.1 + 0.2), ArgValue::decimal(3, 1));
        assert_eq!(dec(1.0000004), ArgValue::decimal(1, 0));
        assert_eq!(dec(2.1234567), ArgValue::decimal(2_123_457, 6));
        // Large integers stay exact.
        assert_eq!(dec(1e17), ArgValue::decimal(100_000_000_000_000_000, 0));
        assert_eq!(ArgValue::from_f64(1e19), None);
        assert_eq!(ArgValue::from_f64(f64::NAN), None);
        assert_eq!(ArgValue::from_f64(f64::NEG_INFINITY), None);
    }

    #[test]
    fn optional_parts_nest() {
        crate::rule!(
            N,
            "t.n",
            Warning,
            "外です[（{era}: {start}[ to {end}]）]",
            "x"
        );
        let f = N.at("").with("era", "R").with("start", 2019);
        assert_eq!(f.message_ja(), "外です（R: 2019）");
        let f = f.with("end", 2020);
        assert_eq!(f.message_ja(), "外です（R: 2019 to 2020）");
        // Only the inner argument: the outer part is still left out.
        assert_eq!(N.at("").with("end", 1).message_ja(), "外です");
    }

    #[test]
    fn truncated_report_counts_everything() {
        crate::rule!(E, "t.e", Error, "誤り", "err");
        let many: Vec<Finding> = (0..1005).map(|i| E.at(format!("/{i}"))).collect();
        let r: Report<()> = Report::new("x", many, None);
        assert_eq!(r.errors, 1005);
        assert_eq!(r.findings.len(), 1001);
        let last = r.findings.last().unwrap();
        assert_eq!(last.code, "report.findings_truncated");
        assert_eq!(
            last.message_en(),
            "Too many findings: only the first 1000 of 1005 are listed (the counts include all of them)"
        );
    }
}
