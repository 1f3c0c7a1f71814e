//! `trainings.summarize`: trainings and events (研修・啓発, tasks ③④ of the
//! 小児等在宅医療連携拠点事業, MHLW 2013).
//!
//! A hub logs each training: date, the professions it was for (対象者), theme, number of
//! attendees, and the task it serves. The summary lists the sessions in date order (the
//! 職種別研修 table of the hubs' reports) and counts sessions and attendees by profession,
//! by task and by quarter of the fiscal year.
//!
//! A session for several professions (「訪問看護師・薬剤師」) counts once in each of them,
//! with all its attendees (the log does not say how many came from each), so the
//! profession table may add up to more than the total.
//!
//! | code | severity | when |
//! |---|---|---|
//! | `stats.trainings.no_profession` | warning | a session with no audience profession: counted under 「不明」 |
//! | `stats.trainings.outside_year` | info | a session outside the fiscal year: not counted |
//! | `stats.trainings.task_out_of_range` | error | a task number other than 1–6 |

use super::consultations::{fiscal_year_ja, snake};
use super::rule;
use crate::calendar::{IsoDate, Quarter};
use crate::finding::{Finding, Path, Rule};
use crate::labels::labelled_enum;
use crate::operation::Computed;
use crate::tasks::TaskNo;
use serde::{Deserialize, Serialize};

rule!(
    NO_PROFESSION,
    "stats.trainings.no_profession",
    Warning,
    "対象の職種がないため「不明」として数えました",
    "No audience profession: counted under \"unknown\""
);
rule!(
    OUTSIDE_YEAR,
    "stats.trainings.outside_year",
    Info,
    "集計する年度の外の研修のため、数えていません（{year}年度）",
    "Outside the fiscal year summarised: not counted (FY{year})"
);

rule!(
    TASK_OUT_OF_RANGE,
    "stats.trainings.task_out_of_range",
    Error,
    "タスク番号は1〜6です（「記録なし」として数えました）",
    "Task numbers are 1–6 (counted as not recorded)"
);

/// Every rule of the training summary.
pub const RULES: &[&Rule] = &[&NO_PROFESSION, &OUTSIDE_YEAR, &TASK_OUT_OF_RANGE];

labelled_enum! {
    /// 職種 / A profession (or audience) a training is for.
    Profession {
        /// 医師 / Doctor.
        Doctor => "医師", "doctor";
        /// 看護師・看護職員 / Nurse.
        Nurse => "看護職員", "nurse";
        /// 訪問看護師 / Visiting nurse.
        VisitingNurse => "訪問看護師", "visiting nurse";
        /// 保健師 / Public health nurse.
        PublicHealthNurse => "保健師", "public health nurse";
        /// 薬剤師 / Pharmacist.
        Pharmacist => "薬剤師", "pharmacist";
        /// 介護職 / Care worker.
        CareWorker => "介護職", "care worker";
        /// 介護支援専門員（ケアマネジャー） / Care manager.
        CareManager => "介護支援専門員", "care manager";
        /// 相談支援専門員 / Disability consultation support specialist.
        ConsultationSupportSpecialist => "相談支援専門員", "consultation support specialist";
        /// 理学療法士・作業療法士・言語聴覚士 / Therapist (PT, OT, ST).
        Therapist => "リハビリ職（PT・OT・ST）", "therapist (PT, OT, ST)";
        /// 医療ソーシャルワーカー / Medical social worker.
        SocialWorker => "MSW", "medical social worker";
        /// 教員 / Teacher.
        Teacher => "教員", "teacher";
        /// 保育士・児童指導員 / Nursery or child-care worker.
        ChildcareWorker => "保育士・児童指導員", "child-care worker";
        /// 行政職員 / Government officer.
        GovernmentOfficer => "行政職員", "government officer";
        /// 患者家族 / Families.
        Family => "患者家族", "families";
        /// 地域住民 / Local residents.
        Resident => "地域住民", "local residents";
        /// その他 / Other.
        Other => "その他", "other";
        /// 不明 / Unknown.
        Unknown => "不明", "unknown";
    }
}

/// 研修記録 / Input of `trainings.summarize`: the training log.
#[derive(
    Debug, Clone, PartialEq, Eq, Serialize, Deserialize, crate::input::Recover, crate::emit::Emit,
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct TrainingLog {
    /// JSON Schema の URL（任意） / URL of this document's JSON Schema (optional).
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    /// 文書の形式の版（省略時は 1） / Document format version (absent means 1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<crate::version::FormatVersion>,
    /// 集計する年度（西暦の開始年） / Fiscal year to summarise (its first calendar year).
    pub fiscal_year: i32,
    /// 研修 / The sessions, one per line of the log.
    #[serde(default)]
    pub trainings: Vec<Training>,
    /// 注記 / Notes on the log.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
}

/// 研修1回 / One training session (one line of the log).
#[derive(
    Debug, Clone, PartialEq, Eq, Serialize, Deserialize, crate::input::Recover, crate::emit::Emit,
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Training {
    /// 実施日 / Date.
    pub date: IsoDate,
    /// 対象者（職種） / The professions it was for.
    #[serde(default)]
    pub audience: Vec<Profession>,
    /// 対象者の表記（任意。一覧に載せる文言、例「介護・看護職員」） / How the listing words the
    /// audience (optional, e.g. 「介護・看護職員」); without it the professions are joined with 「・」.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub audience_label: Option<String>,
    /// テーマ / Theme.
    pub theme: String,
    /// 参加者数 / Number of attendees.
    pub attendees: u32,
    /// 対応するタスク（1〜6） / The task (1–6) it serves.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub task: Option<TaskNo>,
}

/// 研修の行 / One session as the report lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, crate::emit::Emit)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SessionRow {
    /// 実施日 / Date.
    pub date: IsoDate,
    /// 実施日（月/日） / Date as the reports print it (7/13).
    pub date_ja: String,
    /// 対象者 / Audience: the log's wording, or the professions joined with 「・」.
    pub audience_ja: String,
    /// テーマ / Theme.
    pub theme: String,
    /// 参加者 / Attendees.
    pub attendees: u32,
}

/// 回数と参加者数 / Sessions and attendees under one heading.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, crate::emit::Emit)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SessionCount {
    /// キー / Key.
    pub key: String,
    /// 見出し / Label in Japanese.
    pub label_ja: String,
    /// 見出し（英語） / Label in English.
    pub label_en: String,
    /// 回数 / Sessions.
    pub sessions: u32,
    /// 参加者数 / Attendees.
    pub attendees: u32,
}

/// 研修の集計 / Result of `trainings.summarize`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, crate::emit::Emit)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct TrainingSummary {
    /// 年度 / The fiscal year.
    pub fiscal_year: i32,
    /// 年度（和暦） / The fiscal year in 和暦.
    pub fiscal_year_ja: String,
    /// 研修一覧（日付順） / The sessions, by date.
    pub sessions: Vec<SessionRow>,
    /// 合計 / Totals.
    pub total: SessionCount,
    /// 職種別（重複あり） / By profession (a session for several counts in each).
    pub by_profession: Vec<SessionCount>,
    /// タスク別 / By task (1–6, then none).
    pub by_task: Vec<SessionCount>,
    /// 四半期別 / By quarter.
    pub by_quarter: Vec<SessionCount>,
}

fn add(c: &mut SessionCount, attendees: u32) {
    c.sessions = c.sessions.saturating_add(1);
    c.attendees = c.attendees.saturating_add(attendees);
}

fn count(key: String, ja: String, en: String) -> SessionCount {
    SessionCount {
        key,
        label_ja: ja,
        label_en: en,
        sessions: 0,
        attendees: 0,
    }
}

/// Runs `trainings.summarize`.
pub fn summarize(log: &TrainingLog) -> Computed<TrainingSummary> {
    let fy = log.fiscal_year;
    let mut findings: Vec<Finding> = Vec::new();
    let mut total = count("total".into(), "合計".into(), "total".into());
    let mut professions: Vec<SessionCount> = Profession::ALL
        .iter()
        .map(|p| count(snake(p), p.label_ja().into(), p.label_en().into()))
        .collect();
    let mut tasks: Vec<SessionCount> = (1..=6u8)
        .map(|t| count(t.to_string(), format!("タスク{t}"), format!("task {t}")))
        .chain(std::iter::once(count(
            "none".into(),
            "記録なし".into(),
            "not recorded".into(),
        )))
        .collect();
    let mut quarters: Vec<SessionCount> = Quarter::ALL
        .iter()
        .map(|q| count(snake(q), q.label_ja().into(), format!("{q:?}")))
        .collect();
    let mut sessions: Vec<(IsoDate, usize, SessionRow)> = Vec::new();
    let base = Path::root().key("trainings");
    for (i, t) in log.trainings.iter().enumerate() {
        let at = base.index(i);
        if t.task.is_some_and(|t| !t.is_valid()) {
            findings.push(TASK_OUT_OF_RANGE.at(at.key("task")));
        }
        if t.date.fiscal_year() != fy {
            findings.push(
                OUTSIDE_YEAR
                    .at(at.key("date"))
                    .with("year", t.date.fiscal_year()),
            );
            continue;
        }
        add(&mut total, t.attendees);
        let mut audience: Vec<Profession> = Vec::new();
        for p in &t.audience {
            if !audience.contains(p) {
                audience.push(*p);
            }
        }
        if audience.is_empty() {
            findings.push(NO_PROFESSION.at(at.key("audience")));
            audience.push(Profession::Unknown);
        }
        for p in &audience {
            if let Some(i) = Profession::ALL.iter().position(|a| a == p)
                && let Some(c) = professions.get_mut(i)
            {
                add(c, t.attendees);
            }
        }
        let task = t
            .task
            .filter(|t| t.is_valid())
            .map_or(6, |t| usize::from(t.0).saturating_sub(1));
        if let Some(c) = tasks.get_mut(task) {
            add(c, t.attendees);
        }
        if let Some(c) = quarters.get_mut(t.date.quarter().index()) {
            add(c, t.attendees);
        }
        sessions.push((
            t.date,
            i,
            SessionRow {
                date: t.date,
                date_ja: format!("{}/{}", t.date.month(), t.date.day()),
                audience_ja: t.audience_label.clone().unwrap_or_else(|| {
                    audience
                        .iter()
                        .map(|p| p.label_ja())
                        .collect::<Vec<_>>()
                        .join("・")
                }),
                theme: t.theme.clone(),
                attendees: t.attendees,
            },
        ));
    }
    sessions.sort_by_key(|(d, i, _)| (*d, *i));
    Computed::new(
        findings,
        Some(TrainingSummary {
            fiscal_year: fy,
            fiscal_year_ja: fiscal_year_ja(fy),
            sessions: sessions.into_iter().map(|(_, _, r)| r).collect(),
            total,
            by_profession: professions.into_iter().filter(|c| c.sessions > 0).collect(),
            by_task: tasks,
            by_quarter: quarters,
        }),
    )
}

pub(crate) fn operation(log: TrainingLog) -> Computed<TrainingSummary> {
    summarize(&log)
}
