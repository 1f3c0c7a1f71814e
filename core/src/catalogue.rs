//! The catalogue of rules (above every area module): every rule of the library, for
//! people (`rules.list`, `docs/rules.md`) and for the tests that check codes.

use crate::finding::Rule;
use crate::operation::{Computed, Operation};

/// Every rule of every module (of a build without every operation group, such as the WASM
/// form module: the rules of the groups it carries).
pub fn all_rules() -> impl Iterator<Item = &'static Rule> {
    [
        crate::finding::RULES,
        crate::input::RULES,
        crate::run_options::RULES,
        crate::calendar::RULES,
        crate::calendar::DATE_RULES,
        crate::care::RULES,
        #[cfg(feature = "plan-ops")]
        crate::plan::RULES,
        #[cfg(feature = "plan-ops")]
        crate::plan::chart::RULES,
        #[cfg(feature = "plan-ops")]
        crate::plan::progress::RULES,
        crate::summary::RULES,
        crate::summary::consent::RULES,
        #[cfg(feature = "sheet-ops")]
        crate::sheet::RULES,
        crate::scores::RULES,
        #[cfg(feature = "shortstay-ops")]
        crate::shortstay::RULES,
        crate::staffing::RULES,
        #[cfg(feature = "stats-ops")]
        crate::stats::RULES,
        crate::meeting::RULES,
        #[cfg(feature = "fhir-ops")]
        crate::fhir::RULES,
        #[cfg(feature = "upgrade-ops")]
        crate::upgrade::RULES,
        crate::surface::RULES,
    ]
    .into_iter()
    .flatten()
    .copied()
}

/// Input of `rules.list`: nothing but an optional `$schema`.
#[derive(
    Debug,
    Clone,
    Default,
    PartialEq,
    Eq,
    serde::Serialize,
    serde::Deserialize,
    crate::input::Recover,
    crate::emit::Emit,
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RulesQuery {
    /// JSON Schema の URL（任意） / URL of this document's JSON Schema (optional).
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    /// 文書形式の版（任意、無ければ 1） / Document format version (optional; absent means 1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<crate::version::FormatVersion>,
}

/// One rule, for people.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, crate::emit::Emit)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct RuleInfo {
    /// コード / Stable dotted code.
    pub code: &'static str,
    /// 重大度 / Severity.
    pub severity: crate::finding::Severity,
    /// メッセージの型（日本語） / Japanese message template (`{name}` an argument, `[…]` optional).
    pub template_ja: &'static str,
    /// メッセージの型（英語） / English message template.
    pub template_en: &'static str,
    /// 引数 / Names of the template's arguments (the keys of a finding's `args`).
    pub arguments: Vec<&'static str>,
    /// 説明 / What the rule catches, why, and how to fix it ("" if the message says it all,
    /// and in the WASM form module, which leaves the explanations out).
    pub explain: &'static str,
    /// 旧コード / Former codes of the same condition, still documented.
    pub aliases: Vec<&'static str>,
}

/// One value of an enumeration, with its labels.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, crate::emit::Emit)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ValueInfo {
    /// 選択肢の種類 / The enumeration's name in the schemas (e.g. `CareKind`).
    pub choice: &'static str,
    /// コード / The value as written in documents.
    pub code: &'static str,
    /// 日本語ラベル / Japanese label.
    pub label_ja: &'static str,
    /// 英語ラベル / English label.
    pub label_en: &'static str,
}

/// One field of an input document type, with its labels (the labels the readable
/// locations of findings are built from).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, crate::emit::Emit)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct FieldInfo {
    /// 型 / The object type's name in the schemas (e.g. `Child`).
    pub of: &'static str,
    /// 項目 / The field as written in documents (e.g. `date_of_birth`).
    pub field: &'static str,
    /// 日本語ラベル / Japanese label (the schema's title).
    pub label_ja: &'static str,
    /// 英語ラベル / English label (the field's name in words).
    pub label_en: String,
}

/// Result of `rules.list`.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, crate::emit::Emit)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct RuleCatalogue {
    /// 規則 / Every rule.
    pub rules: Vec<RuleInfo>,
    /// 選択肢 / Every value of every enumeration in the input documents, with labels.
    pub values: Vec<ValueInfo>,
    /// 項目 / Every field of every object type in the input documents, with labels.
    pub fields: Vec<FieldInfo>,
}

/// Former codes: (old code, the code that replaced it).
pub const ALIASES: &[(&str, &str)] = &[
    ("summary.date.before_birth", "calendar.date.before_birth"),
    ("care.date.before_birth", "calendar.date.before_birth"),
    ("summary.date.after_as_of", "calendar.date.after_as_of"),
    ("care.date.after_as_of", "calendar.date.after_as_of"),
    (
        "scores.request.as_of_before_birth",
        "calendar.date.after_as_of",
    ),
    ("abi.unknown_operation", "operation.unknown"),
    ("wasm.unknown_operation", "operation.unknown"),
    ("abi.internal", "operation.internal"),
    ("wasm.internal_error", "operation.internal"),
    ("wasm.input_not_json", "operation.input_not_json"),
];

/// The catalogue.
pub fn catalogue() -> RuleCatalogue {
    RuleCatalogue {
        rules: all_rules()
            .map(|r| RuleInfo {
                code: r.code,
                severity: r.severity,
                template_ja: r.ja,
                template_en: r.en,
                arguments: r.arg_names(),
                explain: r.explain,
                aliases: ALIASES
                    .iter()
                    .filter(|(_, new)| *new == r.code)
                    .map(|(old, _)| *old)
                    .collect(),
            })
            .collect(),
        values: crate::input::model::all_values()
            .map(|(choice, code, ja, en)| ValueInfo {
                choice,
                code,
                label_ja: ja,
                label_en: en,
            })
            .collect(),
        fields: crate::input::model::all_fields()
            .map(|(of, field, ja, en)| FieldInfo {
                of,
                field,
                label_ja: ja,
                label_en: en,
            })
            .collect(),
    }
}

fn list(_: RulesQuery) -> Computed<RuleCatalogue> {
    Computed::new(Vec::new(), Some(catalogue()))
}

/// Operations of the catalogue.
pub static OPS: &[Operation] = &[crate::operation!(
    "rules.list",
    "すべての規則（コード・重大度・メッセージの型・説明）と選択肢のラベルを返す",
    "List every rule (code, severity, message templates, explanation) and the labels of every choice",
    RulesQuery => RuleCatalogue,
    list
)];

/// The rule catalogue as a Markdown page (`docs/rules.md`, written by `kyoten-gen`).
pub fn markdown() -> String {
    use std::fmt::Write;
    let mut out = String::from(
        "# kyoten rules / 規則の一覧\n\n\
         Generated by `cargo run -p kyoten-schemas --bin kyoten-gen -- write`; do not edit.\n\
         Every finding a report can contain: its code, severity, message templates\n\
         (`{name}` is an argument, found in the finding's `args`; text in `[…]` appears only\n\
         when its arguments are given) and, where given, what it catches and how to fix it.\n\
         The operation `rules.list` answers the same as data.\n",
    );
    let mut area = "";
    for r in all_rules() {
        let this = r.code.split('.').next().unwrap_or("");
        if this != area {
            area = this;
            let _ = write!(out, "\n## {area}\n");
        }
        let _ = write!(
            out,
            "\n### `{}` ({})\n\n- 日本語: {}\n- English: {}\n",
            r.code,
            r.severity.as_str(),
            r.ja,
            r.en
        );
        let args = r.arg_names();
        if !args.is_empty() {
            let _ = writeln!(out, "- arguments: {}", args.join(", "));
        }
        let old: Vec<String> = ALIASES
            .iter()
            .filter(|(_, new)| *new == r.code)
            .map(|(old, _)| format!("`{old}`"))
            .collect();
        if !old.is_empty() {
            let _ = writeln!(out, "- former codes: {}", old.join(", "));
        }
        if !r.explain.is_empty() {
            let _ = write!(out, "\n{}\n", r.explain);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn templates_are_well_formed() {
        for r in all_rules() {
            for t in [r.ja, r.en] {
                let opens = t.matches('{').count();
                assert_eq!(opens, t.matches('}').count(), "{}: {t}", r.code);
                assert_eq!(t.matches('[').count(), t.matches(']').count(), "{}", r.code);
            }
            // Both languages name the same arguments.
            let ja: std::collections::BTreeSet<_> =
                Rule { en: "", ..*r }.arg_names().into_iter().collect();
            let en: std::collections::BTreeSet<_> =
                Rule { ja: "", ..*r }.arg_names().into_iter().collect();
            assert_eq!(ja, en, "{}", r.code);
        }
    }

    #[test]
    fn catalogue_lists_every_rule_with_labels() {
        let c = catalogue();
        assert_eq!(c.rules.len(), all_rules().count());
        let nf = c
            .rules
            .iter()
            .find(|r| r.code == "input.unknown_value")
            .unwrap();
        assert_eq!(nf.arguments, vec!["allowed"]);
        assert!(!nf.explain.is_empty());
        assert!(
            c.values
                .iter()
                .any(|v| v.choice == "CareKind" && v.code == "suctioning" && v.label_ja == "吸引")
        );
        assert!(markdown().contains("### `input.not_json` (error)"));
    }
}
