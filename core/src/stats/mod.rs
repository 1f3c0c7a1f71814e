//! 統計 / Statistics over many documents: counts for 実態把握 (how many children with
//! medical care live where, how old, with which care), the consultation desk's log and the
//! trainings log.
//!
//! | operation | input | result |
//! |---|---|---|
//! | `summaries.aggregate` | [`aggregate::AggregateRequest`] | [`aggregate::Aggregate`]: counts by municipality, age band, school stage, care kind, device, score category and short-stay entitlement, with the cross-table municipality × care kind; small cells suppressed for publication |
//! | `consultations.summarize` | [`consultations::ConsultationLog`] | [`consultations::ConsultationSummary`]: monthly counts over the fiscal year, by source and by topic, year on year |
//! | `trainings.summarize` | [`trainings::TrainingLog`] | [`trainings::TrainingSummary`]: sessions and attendees by profession, by task and by quarter |
//!
//! The aggregation can also run one summary at a time ([`aggregate::Aggregator`]), so that
//! a caller reading NDJSON keeps only the per-child state in memory.
//!
//! Rules: see [`RULES`] and each module's table.

pub mod aggregate;
pub mod consultations;
pub mod suppress;
pub mod trainings;

use crate::finding::Rule;
use crate::operation::Operation;

pub(crate) use crate::rule;

/// Every rule of the statistics operations.
pub const RULES: &[&Rule] = &[
    &aggregate::DUPLICATE_CHILD,
    &aggregate::POSSIBLE_DUPLICATE,
    &aggregate::BORN_AFTER_AS_OF,
    &aggregate::MUNICIPALITY_CODE_INVALID,
    &aggregate::MUNICIPALITY_CODE_MISSING,
    &aggregate::NO_ID,
    &aggregate::THRESHOLD_LOW,
    &aggregate::CONSENT_WITHDRAWN,
    &aggregate::CONSENT_NOT_COVERING,
    &aggregate::MORE_ERRORS,
    &aggregate::MORE_WARNINGS,
    &aggregate::MORE_INFOS,
    &consultations::OUTSIDE_YEARS,
    &consultations::NO_TOPIC,
    &consultations::TASK_OUT_OF_RANGE,
    &trainings::NO_PROFESSION,
    &trainings::OUTSIDE_YEAR,
    &trainings::TASK_OUT_OF_RANGE,
];

/// Operations of this module.
pub static OPS: &[Operation] = &[
    crate::operation!(
        "summaries.aggregate",
        "多数の対象児の情報集約から、市町村・年齢・就学段階・医療的ケア・機器・スコア区分・短期入所の別に人数を数える（公表用は少数のセルを秘匿）",
        "Count many children's summaries by municipality, age, school stage, care, device, score category and short-stay entitlement (small cells suppressed for publication)",
        aggregate::AggregateRequest => aggregate::Aggregate,
        aggregate::operation
    ),
    crate::operation!(
        "consultations.summarize",
        "相談記録から、年度の月別件数・相談元別・相談内容別・前年度比を集計する",
        "Summarise a consultation log: monthly counts over the fiscal year, by source, by topic, year on year",
        consultations::ConsultationLog => consultations::ConsultationSummary,
        consultations::operation
    ),
    crate::operation!(
        "trainings.summarize",
        "研修記録から、職種別・タスク別・四半期別の回数と参加者数を集計する",
        "Summarise a training log: sessions and attendees by profession, by task and by quarter",
        trainings::TrainingLog => trainings::TrainingSummary,
        trainings::operation
    ),
];
