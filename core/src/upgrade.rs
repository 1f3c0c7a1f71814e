//! 文書の形式の更新 / `document.upgrade`: bring an older kyoten document to the current
//! format version ([`crate::version::CURRENT`]), reporting every change.
//!
//! Input: an [`UpgradeRequest`] holding the old `document` and, optionally, its `type`
//! (the file-name stem of its schema, e.g. `summary-request`; when absent it is read from
//! the document's `$schema`, e.g. `../summary-request.schema.json`). Output: an
//! [`UpgradeResult`] with the upgraded document, and findings that point into the
//! request (`/document/...`):
//!
//! | code | severity | when |
//! |---|---|---|
//! | `upgrade.field_added` | info | the upgrade added a field (the `version`) |
//! | `upgrade.field_needed` | error | a field the new version requires that only a person can fill (the child id) |
//! | `upgrade.field_available` | info | a new optional field worth filling (municipality code, consents) |
//! | `upgrade.already_current` | info | the document is already in the current version |
//! | `upgrade.type_unknown` | error | neither `type` nor `$schema` names a kyoten document type |
//! | `upgrade.version_unknown` | error | `version` is not a version this library knows |
//! | `upgrade.not_object` | error | the document is not a JSON object |
//!
//! **Child ids are never invented.** Version 2 requires `summary.child.id`, an id the
//! hub assigns and other systems (statistics, FHIR, care conferences) use to recognise
//! the child. An id made up here would give the same child a second id wherever the
//! document was upgraded twice, so the upgraded document is returned **without** it,
//! with the error `upgrade.field_needed` at `/document/summary/child/id`; the document
//! validates once the hub writes the id in.
//!
//! Changes from version 1 (no `version` field) to version 2:
//!
//! - every document: `"version": 2` is added;
//! - `summary-request`: `summary.child.id` becomes required (see above);
//!   `summary.child.municipality_code` and `summary.consents` are new and optional.

use crate::finding::{Finding, Label, Path, Rule};
use crate::ops::{Computed, Operation};
use crate::version::{CURRENT, UNVERSIONED};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

macro_rules! document_types {
    ($( $(#[$m:meta])* $variant:ident => $stem:literal; )*) => {
        /// 文書の種類 / A kyoten document type: the file-name stem of its schema.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, crate::input::Recover, crate::emit::Emit)]
        #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
        #[serde(rename_all = "kebab-case")]
        pub enum DocumentType {
            $( $(#[$m])* $variant, )*
        }
        impl DocumentType {
            /// Every document type.
            pub const ALL: &'static [DocumentType] = &[$(DocumentType::$variant,)*];
            /// The schema's file-name stem, e.g. `summary-request`.
            pub const fn stem(self) -> &'static str {
                match self { $(DocumentType::$variant => $stem,)* }
            }
        }
    };
}

document_types! {
    /// 年齢の計算 / `age-request`.
    AgeRequest => "age-request";
    /// 統計の集計 / `aggregate-request`.
    AggregateRequest => "aggregate-request";
    /// スケジュール図 / `chart-request`.
    ChartRequest => "chart-request";
    /// 相談記録 / `consultation-log`.
    ConsultationLog => "consultation-log";
    /// 和暦の変換 / `convert-request`.
    ConvertRequest => "convert-request";
    /// 会議の記録 / `meeting`.
    Meeting => "meeting";
    /// 会議の進捗への反映 / `meeting-progress-request`.
    MeetingProgressRequest => "meeting-progress-request";
    /// 会議記録の束 / `meeting-records`.
    MeetingRecords => "meeting-records";
    /// FHIR Bundle の読み込み / `fhir-import-request`.
    FhirImportRequest => "fhir-import-request";
    /// 取組内容 / `plan`.
    Plan => "plan";
    /// 進捗 / `progress-request`.
    ProgressRequest => "progress-request";
    /// 救急時情報シートのQRコード / `qr-payload`.
    QrPayload => "qr-payload";
    /// ルール一覧 / `rules-query`.
    RulesQuery => "rules-query";
    /// スコア / `score-request`.
    ScoreRequest => "score-request";
    /// 短期入所の割当て / `shortstay-allocation`.
    ShortstayAllocation => "shortstay-allocation";
    /// 短期入所の空き状況 / `shortstay-board-query`.
    ShortstayBoardQuery => "shortstay-board-query";
    /// 短期入所の評価 / `shortstay-evaluation`.
    ShortstayEvaluation => "shortstay-evaluation";
    /// 短期入所の検索 / `shortstay-search`.
    ShortstaySearch => "shortstay-search";
    /// 職員配置 / `staffing-request`.
    StaffingRequest => "staffing-request";
    /// 対象児の情報集約 / `summary-request`.
    SummaryRequest => "summary-request";
    /// 6つのタスク / `tasks-query`.
    TasksQuery => "tasks-query";
    /// 研修記録 / `training-log`.
    TrainingLog => "training-log";
    /// 文書の更新 / `upgrade-request`.
    UpgradeRequest => "upgrade-request";
}

impl DocumentType {
    /// The type a `$schema` URL names: its last path segment without `.schema.json`
    /// (or `.json`), e.g. `../summary-request.schema.json` → `summary-request`.
    pub fn from_schema_url(url: &str) -> Option<DocumentType> {
        let file = url.rsplit(['/', '\\']).next().unwrap_or(url);
        let file = file.split(['?', '#']).next().unwrap_or(file);
        let stem = file
            .strip_suffix(".schema.json")
            .or_else(|| file.strip_suffix(".json"))
            .unwrap_or(file);
        DocumentType::ALL.iter().copied().find(|t| t.stem() == stem)
    }
}

/// `document.upgrade` の入力 / Input of `document.upgrade`.
#[derive(
    Debug, Clone, PartialEq, Serialize, Deserialize, crate::input::Recover, crate::emit::Emit,
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct UpgradeRequest {
    /// JSON Schema の URL（任意） / URL of this document's JSON Schema (optional).
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    /// 文書の形式の版（省略時は 1） / Document format version (absent means 1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<crate::version::FormatVersion>,
    /// 文書の種類（省略時は文書の $schema から判断） / The document's type (absent: read from the document's `$schema`).
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<DocumentType>,
    /// 更新する文書（古い版の kyoten 文書） / The older kyoten document to upgrade.
    pub document: Value,
}

/// `document.upgrade` の結果 / Result of `document.upgrade`.
#[derive(Debug, Clone, PartialEq, Serialize, crate::emit::Emit)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct UpgradeResult {
    /// 文書の種類 / The document's type.
    #[serde(rename = "type")]
    pub kind: DocumentType,
    /// 元の版 / The version the document was in.
    pub from_version: u32,
    /// 更新後の版 / The version it is in now.
    pub to_version: u32,
    /// 更新した文書 / The upgraded document.
    pub document: Value,
    /// 人が記入すべき項目（更新後の文書の JSON Pointer） / Fields a person must fill in (JSON Pointers into the upgraded document).
    pub needs_input: Vec<String>,
}

use crate::rule;

rule!(
    FIELD_ADDED,
    "upgrade.field_added",
    Info,
    "新しい版に合わせて項目を加えました（版 {from} → {to}）",
    "A field was added for the new version (version {from} → {to})"
);
rule!(
    FIELD_NEEDED,
    "upgrade.field_needed",
    Error,
    "新しい版で必須の項目（{field}）です。拠点で決めて記入してください（自動では付けません）",
    "The new version requires this field ({field}); the hub must assign and fill it in (it is never made up)"
);
rule!(
    FIELD_AVAILABLE,
    "upgrade.field_available",
    Info,
    "新しい版で記入できる項目（{field}）です",
    "The new version has this field ({field}); worth filling in"
);
rule!(
    ALREADY_CURRENT,
    "upgrade.already_current",
    Info,
    "すでに最新の版（版 {version}）です",
    "The document is already in the current version (version {version})"
);
rule!(
    TYPE_UNKNOWN,
    "upgrade.type_unknown",
    Error,
    "文書の種類がわかりません（type 又は $schema で指定してください）",
    "The document type is unknown (give `type`, or a `$schema` naming a kyoten schema)"
);
rule!(
    VERSION_UNKNOWN,
    "upgrade.version_unknown",
    Error,
    "この版の文書は扱えません（扱える版は {min}〜{max}）",
    "This library does not know the document's version (known versions: {min}–{max})"
);
rule!(
    NOT_OBJECT,
    "upgrade.not_object",
    Error,
    "文書が JSON のオブジェクトではありません",
    "The document is not a JSON object"
);

/// Every rule of this module.
pub const RULES: &[&Rule] = &[
    &FIELD_ADDED,
    &FIELD_NEEDED,
    &FIELD_AVAILABLE,
    &ALREADY_CURRENT,
    &TYPE_UNKNOWN,
    &VERSION_UNKNOWN,
    &NOT_OBJECT,
];

/// Upgrades `req.document` to the current version. Never panics.
pub fn upgrade(req: UpgradeRequest) -> Computed<UpgradeResult> {
    let base = Path::root().key("document");
    let mut findings = Vec::new();
    let Value::Object(mut doc) = req.document else {
        findings.push(NOT_OBJECT.at(&base));
        return Computed::new(findings, None);
    };
    let from_schema = doc
        .get("$schema")
        .and_then(Value::as_str)
        .and_then(DocumentType::from_schema_url);
    let Some(kind) = req.kind.or(from_schema) else {
        findings.push(TYPE_UNKNOWN.at(Path::root().key("type")));
        return Computed::new(findings, None);
    };
    let from = match doc.get("version") {
        None => UNVERSIONED,
        Some(v) => match v.as_u64().and_then(|n| u32::try_from(n).ok()) {
            Some(n) if (UNVERSIONED..=CURRENT).contains(&n) => n,
            _ => {
                findings.push(
                    VERSION_UNKNOWN
                        .at(base.key("version"))
                        .with("min", UNVERSIONED)
                        .with("max", CURRENT),
                );
                return Computed::new(findings, None);
            }
        },
    };
    let mut needs_input = Vec::new();
    if from == CURRENT {
        findings.push(ALREADY_CURRENT.at(&base).with("version", CURRENT));
    } else {
        // 1 → 2.
        doc.insert("version".to_owned(), Value::from(CURRENT));
        findings.push(
            FIELD_ADDED
                .at(base.key("version"))
                .with("from", from)
                .with("to", CURRENT),
        );
        if kind == DocumentType::SummaryRequest {
            summary_1_to_2(&doc, &base, &mut findings, &mut needs_input);
        }
    }
    let result = UpgradeResult {
        kind,
        from_version: from,
        to_version: CURRENT,
        document: Value::Object(doc),
        needs_input,
    };
    Computed::new(findings, Some(result))
}

/// `summary-request` 1 → 2: the child id (needed, never invented), the municipality
/// code and the consents (available).
fn summary_1_to_2(
    doc: &Map<String, Value>,
    base: &Path,
    findings: &mut Vec<Finding>,
    needs_input: &mut Vec<String>,
) {
    let summary = doc.get("summary").and_then(Value::as_object);
    let child = summary
        .and_then(|s| s.get("child"))
        .and_then(Value::as_object);
    let child_path = Path::root().key("summary").key("child");
    if child.is_none_or(|c| !c.contains_key("id")) {
        let p = child_path.key("id");
        findings.push(
            FIELD_NEEDED
                .at(base.key("summary").key("child").key("id"))
                .with("field", field("id", "対象児 id", "child id")),
        );
        needs_input.push(p.as_str().to_owned());
    }
    if child.is_some_and(|c| !c.contains_key("municipality_code")) {
        findings.push(
            FIELD_AVAILABLE
                .at(base.key("summary").key("child").key("municipality_code"))
                .with(
                    "field",
                    field(
                        "municipality_code",
                        "全国地方公共団体コード",
                        "municipality code",
                    ),
                ),
        );
    }
    if summary.is_some_and(|s| !s.contains_key("consents")) {
        findings.push(
            FIELD_AVAILABLE
                .at(base.key("summary").key("consents"))
                .with(
                    "field",
                    field(
                        "consents",
                        "情報提供についての同意",
                        "consents to share the summary",
                    ),
                ),
        );
    }
}

/// A field of the model, with its labels, as a finding's argument.
const fn field(code: &'static str, ja: &'static str, en: &'static str) -> Label {
    Label { code, ja, en }
}

/// Operations of this module.
pub static OPS: &[Operation] = &[crate::operation!(
    "document.upgrade",
    "古い版の kyoten 文書を最新の版に更新する",
    "Upgrade an older kyoten document to the current format version",
    UpgradeRequest => UpgradeResult,
    upgrade
)];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn type_from_schema_url() {
        assert_eq!(
            DocumentType::from_schema_url("../summary-request.schema.json"),
            Some(DocumentType::SummaryRequest)
        );
        assert_eq!(
            DocumentType::from_schema_url("https://example.org/schemas/plan.schema.json"),
            Some(DocumentType::Plan)
        );
        assert_eq!(
            DocumentType::from_schema_url("../unknown.schema.json"),
            None
        );
    }
}
