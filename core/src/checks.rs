//! One validation per input type (above every area module): the checks of each input
//! document type, run once by [`crate::operation::execute`] for every operation on that
//! type, so that all of them agree on `valid` (`summary.validate`, `summary.scores`,
//! `summary.timeline`, `summary.emergency_view`, `summary.emergency_sheet` and
//! `summary.to_fhir` carry the same errors for one summary).
//!
//! A type whose operations each check everything themselves (one operation per type)
//! has the empty default.

use crate::finding::Finding;
use crate::operation::InputChecks;

/// 対象児の情報集約: every `summary.*`, `care.*` and `consent.*` rule of the summary.
impl InputChecks for crate::summary::SummaryRequest {
    fn checks(&self) -> Vec<Finding> {
        crate::summary::validate(self)
    }
}

/// 取組計画: every `plan.*` rule.
impl InputChecks for crate::plan::Plan {
    fn checks(&self) -> Vec<Finding> {
        crate::plan::validate(self)
    }
}

impl InputChecks for crate::calendar::wareki::AgeRequest {}
impl InputChecks for crate::calendar::wareki::ConvertRequest {}
impl InputChecks for crate::stats::aggregate::AggregateRequest {}
impl InputChecks for crate::stats::consultations::ConsultationLog {}
impl InputChecks for crate::stats::trainings::TrainingLog {}
impl InputChecks for crate::plan::ChartRequest {}
impl InputChecks for crate::plan::ProgressRequest {}
impl InputChecks for crate::meeting::Meeting {}
/// 会議の記録（1年分）: every `meeting.*` rule of each record, and the records against the
/// plan (`meetings.*`), for `meetings.by_item` and `care_conferences.open` alike.
impl InputChecks for crate::meeting::MeetingRecords {
    fn checks(&self) -> Vec<Finding> {
        crate::meeting::views::validate_records(self)
    }
}
impl InputChecks for crate::meeting::views::MeetingProgressRequest {}
impl InputChecks for crate::fhir::FhirImportRequest {}
impl InputChecks for crate::sheet::QrPayload {}
impl InputChecks for crate::catalogue::RulesQuery {}
impl InputChecks for crate::scores::ScoreRequest {}
impl InputChecks for crate::shortstay::ShortstayAllocation {}
impl InputChecks for crate::shortstay::ShortstayBoardQuery {}
impl InputChecks for crate::shortstay::ShortstayEvaluation {}
impl InputChecks for crate::shortstay::ShortstaySearch {}
impl InputChecks for crate::staffing::StaffingRequest {}
impl InputChecks for crate::tasks::TasksQuery {}

/// 文書の更新: the upgraded document is checked as its own type (errors and warnings) (errors and warnings) (by the first operation
/// of the table on that type, e.g. `summary.validate`, `scores.compute`), its findings
/// pointing into the request (`/document/...`). A field the upgrade already reports as
/// `upgrade.field_needed` (the child id, which only a person can fill) is not reported a
/// second time: for the check it holds a stand-in, so the rest of the document is checked
/// all the same.
impl InputChecks for crate::upgrade::UpgradeRequest {
    fn checks(&self) -> Vec<Finding> {
        let Some(up) = crate::upgrade::upgrade(self.clone()).result else {
            return Vec::new();
        };
        let stem = up.kind.stem();
        let Some(op) = crate::ops::operations().find(|o| o.input_stem() == stem) else {
            return Vec::new();
        };
        let mut doc = up.document.clone();
        for p in &up.needs_input {
            let (parent, key) = p.rsplit_once('/').unwrap_or(("", p));
            if let Some(serde_json::Value::Object(m)) = doc.pointer_mut(parent) {
                m.entry(crate::finding::key_of(key).into_owned())
                    .or_insert_with(|| serde_json::Value::from("upgrade-stand-in"));
            }
        }
        let Ok(bytes) = serde_json::to_vec(&doc) else {
            return Vec::new();
        };
        let out = (op.run)(&bytes, &crate::input::Limits::default());
        let Ok(report) =
            serde_json::from_str::<crate::finding::Report<serde::de::IgnoredAny>>(&out.json)
        else {
            return Vec::new();
        };
        report
            .findings
            .into_iter()
            // Its errors and warnings: the notes on how a result was reached (infos) belong
            // to the operation's own report, not to the upgrade.
            .filter(|f| f.severity != crate::finding::Severity::Info)
            .filter(|f| {
                !up.needs_input
                    .iter()
                    .any(|p| f.path.starts_with(p.as_str()))
            })
            .map(|mut f| {
                f.path = format!("/document{}", f.path);
                f
            })
            .collect()
    }
}
