//! ライフステージの予定表 / The life-stage timeline ([S-000] №18, `docs/sources.md`).
//!
//! From the date of birth and `as_of`, the events a family should see coming, each with
//! its date and whether it is past:
//!
//! | milestone | date |
//! |---|---|
//! | birth | date of birth |
//! | NICU discharge | the clinical profile's `nicu_discharge`, else the end of the last NICU stay in the history |
//! | school-placement consultation (就学相談) | the fiscal year before school entry (1 April – 31 March) |
//! | school entry | 1 April of [`school_entry_year`] |
//! | junior-high entry | 1 April, entry year + 6 |
//! | high-school-department entry | 1 April, entry year + 9 |
//! | graduation from the high-school department | 31 March, entry year + 12 (end of the school year) |
//! | transition to adult care | the day the child reaches 15 ([`reaches_age_at_end_of`]) |
//! | end of child-welfare services | the day the child reaches 18 |
//! | disability basic pension claim | the day the child reaches 20 (needs the 初診日) |
//!
//! Ages are reached at the end of the day before the birthday (年齢計算ニ関スル法律), so a
//! child born on 2 April reaches 15 on 1 April and a child born on 29 February reaches it
//! on 28 February of a common year. When no first consultation (初診日) dated on or before
//! the pension milestone is in the history, the warning `summary.timeline.no_first_consultation`
//! says so.

use super::rules::{DATE_AFTER_AS_OF, TIMELINE_NO_FIRST_CONSULTATION};
use super::{Age, ChildSummary, HistoryKind, SummaryRequest, labelled};
use crate::calendar::{IsoDate, reaches_age_at_end_of, school_entry_year};
use crate::finding::{Finding, Path};
use crate::operation::Computed;
use serde::Serialize;

labelled! {
    /// ライフステージの節目 / A life-stage milestone.
    MilestoneKind {
        /// 出生 / Birth.
        Birth => "出生", "birth";
        /// NICU 退院（在宅移行） / NICU discharge to home.
        NicuDischarge => "NICU退院（在宅移行）", "NICU discharge to home";
        /// 就学相談（入学の前年度） / School-placement consultation, the year before entry.
        SchoolConsultation => "就学相談（入学の前年度）", "school-placement consultation";
        /// 小学校（小学部）入学 / Elementary school (department) entry.
        SchoolEntry => "小学校（小学部）入学", "school entry";
        /// 中学校（中学部）入学 / Junior-high (department) entry.
        JuniorHighEntry => "中学校（中学部）入学", "junior-high entry";
        /// 高等部（高等学校）入学 / High-school department entry.
        HighSchoolEntry => "高等部（高等学校）入学", "high-school department entry";
        /// 高等部卒業と卒業後の進路 / Graduation from the high-school department, and what comes after.
        Graduation => "高等部卒業（卒業後の進路）", "graduation from the high-school department";
        /// 成人期医療への移行支援（15歳から） / Transition to adult care, from 15.
        AdultCareTransition => "成人期医療への移行支援（15歳）", "transition to adult care (15)";
        /// 児童福祉法による障害児支援の終了（18歳） / End of child-welfare services at 18.
        ChildWelfareEnd => "児童福祉法の障害児支援の終了（18歳）", "end of child-welfare services (18)";
        /// 障害基礎年金の請求（20歳、初診日が必要） / Disability basic pension claim at 20 (needs the 初診日).
        PensionClaim => "障害基礎年金の請求（20歳、初診日が必要）", "disability basic pension claim (20)";
    }
}

labelled! {
    /// 時期 / Whether a milestone is past.
    MilestoneStatus {
        /// 済み / Past.
        Past => "済み", "past";
        /// 現在（期間中） / Now (`as_of` falls in its period).
        Current => "現在", "current";
        /// これから / Upcoming.
        Upcoming => "これから", "upcoming";
    }
}

/// 節目 / One milestone of the timeline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, crate::emit::Emit)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Milestone {
    /// 種類 / Kind.
    pub kind: MilestoneKind,
    /// 名称 / Japanese label of the kind.
    pub label_ja: &'static str,
    /// 日付（期間の初日） / Date (first day of its period).
    pub date: IsoDate,
    /// 期間の末日（期間のあるもの） / Last day of its period, where it has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub end: Option<IsoDate>,
    /// 時期 / Past, current or upcoming, on `as_of`.
    pub status: MilestoneStatus,
    /// 年齢 / Age in whole years on `date`; for the 15, 18 and 20 milestones, the age reached at the end of that day.
    pub age_years: u32,
    /// 基準日からの日数（過去は負） / Days from `as_of` to `date` (negative when past).
    pub days_from_as_of: i64,
}

/// ライフステージの予定表 / The life-stage timeline of one child.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, crate::emit::Emit)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Timeline {
    /// 生年月日 / Date of birth.
    pub date_of_birth: IsoDate,
    /// 基準日 / As of.
    pub as_of: IsoDate,
    /// 基準日の年齢 / Age on `as_of` (absent if born after it).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub age: Option<Age>,
    /// 小学校入学年 / Calendar year of school entry.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub school_entry_year: Option<i32>,
    /// 初診日（受診歴の最初の初診） / Earliest first consultation (初診日) in the history.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub first_consultation: Option<IsoDate>,
    /// 節目（日付順） / Milestones, by date.
    pub milestones: Vec<Milestone>,
}

/// A milestone before its status is known: kind, date, last day of its period, and the
/// age it marks (for the 15, 18 and 20 milestones).
type Planned = (MilestoneKind, Option<IsoDate>, Option<IsoDate>, Option<u32>);

/// The NICU discharge date: the clinical profile's, else the latest end of a NICU stay.
fn nicu_discharge(s: &ChildSummary) -> Option<IsoDate> {
    s.clinical.nicu_discharge.or_else(|| {
        s.history
            .iter()
            .filter(|h| h.kind == HistoryKind::Nicu)
            .filter_map(|h| h.end)
            .max()
    })
}

/// Builds the timeline and its findings. Never panics: milestones whose dates fall
/// outside years 1–9999 are left out.
pub fn build(s: &ChildSummary, as_of: IsoDate) -> (Timeline, Vec<Finding>) {
    let birth = s.child.date_of_birth;
    let mut findings = Vec::new();
    if birth > as_of {
        findings.push(
            DATE_AFTER_AS_OF
                .at(Path::root()
                    .key("summary")
                    .key("child")
                    .key("date_of_birth"))
                .with("date", birth)
                .with("as_of", as_of),
        );
    }
    let entry = school_entry_year(birth);
    let april = |offset: i32| {
        entry
            .and_then(|y| y.checked_add(offset))
            .and_then(|y| IsoDate::from_ymd(y, 4, 1))
    };
    let march = |offset: i32| {
        entry
            .and_then(|y| y.checked_add(offset))
            .and_then(|y| IsoDate::from_ymd(y, 3, 31))
    };

    // (kind, date, last day of its period, the age it marks)
    let plan: [Planned; 10] = [
        (MilestoneKind::Birth, Some(birth), None, None),
        (MilestoneKind::NicuDischarge, nicu_discharge(s), None, None),
        (MilestoneKind::SchoolConsultation, april(-1), march(0), None),
        (MilestoneKind::SchoolEntry, april(0), None, None),
        (MilestoneKind::JuniorHighEntry, april(6), None, None),
        (MilestoneKind::HighSchoolEntry, april(9), None, None),
        (MilestoneKind::Graduation, march(12), None, None),
        (
            MilestoneKind::AdultCareTransition,
            reaches_age_at_end_of(birth, 15),
            None,
            Some(15),
        ),
        (
            MilestoneKind::ChildWelfareEnd,
            reaches_age_at_end_of(birth, 18),
            None,
            Some(18),
        ),
        (
            MilestoneKind::PensionClaim,
            reaches_age_at_end_of(birth, 20),
            None,
            Some(20),
        ),
    ];
    let mut milestones: Vec<Milestone> = Vec::new();
    for (kind, date, end, reached) in plan {
        let Some(date) = date else { continue };
        milestones.push({
            let last = end.unwrap_or(date);
            let status = if last < as_of {
                MilestoneStatus::Past
            } else if date <= as_of {
                MilestoneStatus::Current
            } else {
                MilestoneStatus::Upcoming
            };
            Milestone {
                kind,
                label_ja: kind.label_ja(),
                date,
                end,
                status,
                // An age is reached at the end of its day: say the age it marks.
                age_years: reached
                    .unwrap_or_else(|| crate::calendar::age_on(birth, date).unwrap_or(0)),
                days_from_as_of: as_of.days_until(date),
            }
        });
    }
    crate::sorting::by_field(&mut milestones, |m| m.date);

    let first_consultation = s
        .history
        .iter()
        .filter(|h| h.kind == HistoryKind::FirstConsultation)
        .map(|h| h.start)
        .min();
    if let Some(claim) = reaches_age_at_end_of(birth, 20)
        && first_consultation.is_none_or(|d| d > claim)
    {
        findings.push(
            TIMELINE_NO_FIRST_CONSULTATION
                .at(Path::root().key("summary").key("history"))
                .with("reaches_20", claim),
        );
    }

    let timeline = Timeline {
        date_of_birth: birth,
        as_of,
        age: Age::on(birth, as_of),
        school_entry_year: entry,
        first_consultation,
        milestones,
    };
    (timeline, findings)
}

/// The `summary.timeline` operation. Like the emergency view, the timeline is built even
/// from a summary with errors; the report carries the summary's errors (never its
/// warnings: the operation is declared `errors_only`), from its checks run once in
/// `execute`, so that a document the schema rejects is never reported valid.
pub(super) fn operation(req: SummaryRequest) -> Computed<Timeline> {
    let (timeline, own) = build(&req.summary, req.as_of);
    Computed::new(own, Some(timeline))
}
