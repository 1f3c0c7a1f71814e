//! Findings, rules, reports and JSON Pointers.
//!
//! A [`Rule`] is the const description of one check: a stable dotted code such as
//! `plan.item.no_lead`, a [`Severity`], and a base message in Japanese and English.
//! A [`Finding`] is one violation of a rule at one place in one document, pointed to by
//! an RFC 6901 JSON Pointer ([`Path`]). A [`Report`] holds every finding for one input.
//!
//! Messages never echo a person's name or any free text from the input: a detail added
//! to a message is built only from numbers, codes, dates and the library's own words.

use serde::{Deserialize, Serialize};
use std::fmt;

/// 重大度 / How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
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

/// The const description of one check. Every module lists its rules in a `RULES` slice
/// so that [`all_rules`] can enumerate them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rule {
    /// Stable dotted code, e.g. `plan.item.no_lead`. Never renamed once released.
    pub code: &'static str,
    /// Severity of every finding of this rule.
    pub severity: Severity,
    /// Base message in Japanese.
    pub ja: &'static str,
    /// Base message in English.
    pub en: &'static str,
}

impl Rule {
    /// A finding of this rule at `path`, with the base messages.
    pub fn at(&self, path: impl Into<String>) -> Finding {
        Finding {
            code: self.code.to_owned(),
            severity: self.severity,
            path: path.into(),
            message_ja: self.ja.to_owned(),
            message_en: self.en.to_owned(),
        }
    }

    /// A finding of this rule at `path`, with a detail appended to each message.
    /// The details must not contain input free text (names, notes): only numbers,
    /// codes, dates and the library's own words.
    pub fn detail(
        &self,
        path: impl Into<String>,
        detail_ja: impl fmt::Display,
        detail_en: impl fmt::Display,
    ) -> Finding {
        Finding {
            code: self.code.to_owned(),
            severity: self.severity,
            path: path.into(),
            message_ja: format!("{}（{}）", self.ja, detail_ja),
            message_en: format!("{} ({})", self.en, detail_en),
        }
    }
}

/// 指摘 / One violation of a rule at one place in a document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Finding {
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
}

/// 結果報告 / The answer of every operation: all findings for one input, and the
/// operation's result where it could be computed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
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
    /// 結果 / The operation's result; absent when the input could not be read.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub result: Option<T>,
}

/// Most findings one report lists; the counts still cover all of them.
pub const MAX_FINDINGS: usize = 1000;

/// `report.findings_truncated`: more findings than [`MAX_FINDINGS`]; the rest are not listed.
pub const FINDINGS_TRUNCATED: Rule = Rule {
    code: "report.findings_truncated",
    severity: Severity::Info,
    ja: "指摘が多すぎるため、最初の分だけを載せています（件数はすべてを数えています）",
    en: "Too many findings: only the first are listed (the counts include all of them)",
};

/// Rules of the report itself.
pub const RULES: &[Rule] = &[FINDINGS_TRUNCATED];

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
            findings.push(FINDINGS_TRUNCATED.detail(
                "",
                format!("{total} 件中 {MAX_FINDINGS} 件"),
                format!("{MAX_FINDINGS} of {total}"),
            ));
        }
        Report {
            operation: operation.to_owned(),
            valid: errors == 0,
            errors,
            warnings,
            infos,
            findings,
            result,
        }
    }
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
        for c in key.chars() {
            match c {
                '~' => s.push_str("~0"),
                '/' => s.push_str("~1"),
                c => s.push(c),
            }
        }
        Path(s)
    }
    /// This path extended by an array index.
    pub fn index(&self, i: usize) -> Self {
        Path(format!("{}/{}", self.0, i))
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

/// Every rule of every module, for documentation and for the test that checks codes are
/// unique and well-formed.
pub fn all_rules() -> impl Iterator<Item = &'static Rule> {
    [
        RULES,
        crate::input::RULES,
        crate::calendar::RULES,
        crate::care::RULES,
        crate::plan::RULES,
        crate::plan::progress::RULES,
        crate::summary::RULES,
        crate::scores::RULES,
        crate::shortstay::RULES,
        crate::staffing::RULES,
        crate::stats::RULES,
    ]
    .into_iter()
    .flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pointer_escapes_tilde_and_slash() {
        let p = Path::root().key("a/b").key("m~n").index(3);
        assert_eq!(p.as_str(), "/a~1b/m~0n/3");
        assert_eq!(Path::root().as_str(), "");
    }

    #[test]
    fn report_valid_iff_no_error() {
        const W: Rule = Rule {
            code: "t.w",
            severity: Severity::Warning,
            ja: "警告",
            en: "warn",
        };
        const E: Rule = Rule {
            code: "t.e",
            severity: Severity::Error,
            ja: "誤り",
            en: "err",
        };
        let r: Report<()> = Report::new("x", vec![W.at("/a")], None);
        assert!(r.valid);
        assert_eq!((r.errors, r.warnings, r.infos), (0, 1, 0));
        let r: Report<()> =
            Report::new("x", vec![W.at("/a"), E.detail("/b", "1件", "1 item")], None);
        assert!(!r.valid);
        assert_eq!(r.findings[1].message_ja, "誤り（1件）");
        assert_eq!(r.findings[1].message_en, "err (1 item)");
    }
}
