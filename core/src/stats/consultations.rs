//! `consultations.summarize`: the consultation desk's statistics (相談窓口の相談件数).
//!
//! A hub's consultation desk (総合相談窓口, task ⑥ of the 小児等在宅医療連携拠点事業,
//! MHLW 2013) logs each consultation: date, who asked (相談元の区分), what about (相談内容),
//! whether it was resolved, and the task it serves. The summary is the table hubs put in
//! their reports: monthly counts over the fiscal year (4月〜3月, 計), the same for the
//! previous year (year on year), by source, by topic, and the monthly counts of each
//! source (the 「うち地域住民」 row).
//!
//! Entries outside the fiscal year and the one before it are not counted
//! (`stats.consultations.outside_years`). An entry without a topic is counted under
//! 「不明」 (`stats.consultations.no_topic`). A consultation with several topics counts
//! once in each, so the topic table may add up to more than the total.
//!
//! | code | severity | when |
//! |---|---|---|
//! | `stats.consultations.outside_years` | info | a consultation outside the fiscal year and the previous one: not counted |
//! | `stats.consultations.no_topic` | warning | a consultation without a topic: counted under 「不明」 |
//! | `stats.consultations.task_out_of_range` | error | a task number other than 1–6 |

use super::rule;
use crate::calendar::IsoDate;
use crate::calendar::wareki::Era;
use crate::finding::{Finding, Path, Rule};
use crate::labels::labelled_enum;
use crate::operation::Computed;
use crate::tasks::TaskNo;
use serde::{Deserialize, Serialize};

rule!(
    OUTSIDE_YEARS,
    "stats.consultations.outside_years",
    Info,
    "集計する年度とその前年度の外の相談のため、数えていません（{year}年度）",
    "Outside the fiscal year summarised and the year before: not counted (FY{year})"
);
rule!(
    NO_TOPIC,
    "stats.consultations.no_topic",
    Warning,
    "相談内容がないため「不明」として数えました",
    "No topic: counted under \"unknown\""
);
rule!(
    TASK_OUT_OF_RANGE,
    "stats.consultations.task_out_of_range",
    Error,
    "タスク番号は1〜6です（「記録なし」として数えました）",
    "Task numbers are 1–6 (counted as not recorded)"
);

/// Every rule of the consultation summary.
pub const RULES: &[&Rule] = &[&OUTSIDE_YEARS, &NO_TOPIC, &TASK_OUT_OF_RANGE];

labelled_enum! {
    /// 相談元の区分 / Who asked.
    Source {
        /// 家族・本人 / The family or the child.
        Family => "家族・本人", "family";
        /// 居宅介護支援事業所 / Home care support office (care managers).
        HomeCareSupportOffice => "居宅介護支援事業所", "home care support office";
        /// 医療機関 / Hospital or clinic.
        MedicalInstitution => "医療機関", "hospital or clinic";
        /// 地域住民 / Local resident.
        Resident => "地域住民", "local resident";
        /// 地域包括支援センター / Community general support centre.
        CommunitySupportCenter => "地域包括支援センター", "community general support centre";
        /// 訪問看護ステーション / Visiting nurse station.
        VisitingNurseStation => "訪問看護ステーション", "visiting nurse station";
        /// グループホーム / Group home.
        GroupHome => "グループホーム", "group home";
        /// 障がい者支援センター / Disability support centre.
        DisabilitySupportCenter => "障がい者支援センター", "disability support centre";
        /// 小規模多機能施設 / Small multi-function care home.
        SmallMultifunction => "小規模多機能施設", "small multi-function care home";
        /// 相談支援事業所 / Disability consultation support office.
        ConsultationSupportOffice => "相談支援事業所", "consultation support office";
        /// 学校・保育所 / School or nursery.
        School => "学校・保育所", "school or nursery";
        /// 行政 / Municipal or prefectural office.
        Government => "行政", "government office";
        /// その他 / Other.
        Other => "その他", "other";
        /// 不明（記録なし） / Unknown (not recorded).
        Unknown => "不明", "unknown";
    }
}

labelled_enum! {
    /// 相談内容 / What the consultation was about.
    Topic {
        /// 地域資源の情報提供 / Information on local resources.
        LocalResources => "地域資源の情報提供", "information on local resources";
        /// 相談支援 / Consultation support.
        ConsultationSupport => "相談支援", "consultation support";
        /// 医療依存度の高い方の入所先 / A place to live for a person with high medical needs.
        PlacementHighMedicalNeeds => "医療依存度の高い方の入所先", "placement for high medical needs";
        /// 往診医について / Home-visit doctors.
        HomeVisitDoctor => "往診医について", "home-visit doctors";
        /// 入所施設について / Residential facilities.
        ResidentialFacility => "入所施設について", "residential facilities";
        /// 短期入所・レスパイト / Short stays and respite.
        ShortStay => "短期入所・レスパイト", "short stays and respite";
        /// 医療的ケアの手技 / Medical care techniques.
        MedicalCare => "医療的ケアの手技", "medical care techniques";
        /// 就園・就学 / Nursery and school.
        Schooling => "就園・就学", "nursery and school";
        /// 福祉制度・手当 / Welfare services and allowances.
        Welfare => "福祉制度・手当", "welfare services and allowances";
        /// その他 / Other.
        Other => "その他", "other";
        /// 不明（記録なし） / Unknown (not recorded).
        Unknown => "不明", "unknown";
    }
}

/// 相談記録 / Input of `consultations.summarize`: the consultation log.
#[derive(
    Debug, Clone, PartialEq, Eq, Serialize, Deserialize, crate::input::Recover, crate::emit::Emit,
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ConsultationLog {
    /// JSON Schema の URL（任意） / URL of this document's JSON Schema (optional).
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    /// 文書の形式の版（省略時は 1） / Document format version (absent means 1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<crate::version::FormatVersion>,
    /// 集計する年度（西暦の開始年、2012 = 平成24年度） / Fiscal year to summarise (its first
    /// calendar year: 2012 = 平成24年度, April 2012 to March 2013).
    pub fiscal_year: i32,
    /// 相談 / The consultations, one per line of the log.
    #[serde(default)]
    pub consultations: Vec<Consultation>,
    /// 注記 / Notes on the log.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
}

/// 相談1件 / One consultation (one line of the log; every field is one column).
#[derive(
    Debug, Clone, PartialEq, Eq, Serialize, Deserialize, crate::input::Recover, crate::emit::Emit,
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Consultation {
    /// 相談日 / Date of the consultation.
    pub date: IsoDate,
    /// 相談元 / Who asked.
    pub source: Source,
    /// 相談内容 / What it was about (one or more).
    #[serde(default)]
    pub topics: Vec<Topic>,
    /// 解決 / Resolved (absent: not recorded).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resolved: Option<bool>,
    /// 対応するタスク（1〜6） / The task (1–6) the consultation serves.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub task: Option<TaskNo>,
}

/// 月別件数の行 / One row of monthly counts: April to March and the total.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, crate::emit::Emit)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct MonthlyRow {
    /// キー / Row key (the fiscal year, or a source's key).
    pub key: String,
    /// 見出し / Label (平成24年度, うち地域住民, …).
    pub label_ja: String,
    /// 4月〜3月 / Counts for April, May, …, March (12 numbers).
    pub months: Vec<u32>,
    /// 計 / Total.
    pub total: u32,
}

/// 件数の行 / One labelled count.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, crate::emit::Emit)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CountRow {
    /// キー / Key.
    pub key: String,
    /// 見出し / Label in Japanese.
    pub label_ja: String,
    /// 見出し（英語） / Label in English.
    pub label_en: String,
    /// 件数 / Count.
    pub count: u32,
}

/// 前年度比 / Year on year.
#[derive(Debug, Clone, PartialEq, Serialize, crate::emit::Emit)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct YearOnYear {
    /// 当年度 / This year's total.
    pub this_year: u32,
    /// 前年度 / Last year's total.
    pub last_year: u32,
    /// 増減 / Difference.
    pub difference: i64,
    /// 倍率（小数2桁、前年度0件ならなし） / This year over last year, 2 decimals; absent if last year had none.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ratio: Option<f64>,
}

/// 相談の集計 / Result of `consultations.summarize`.
#[derive(Debug, Clone, PartialEq, Serialize, crate::emit::Emit)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ConsultationSummary {
    /// 年度 / The fiscal year.
    pub fiscal_year: i32,
    /// 年度（和暦） / The fiscal year in 和暦 (平成24年度).
    pub fiscal_year_ja: String,
    /// 月別件数（当年度、前年度の順） / Monthly counts: this year, then last year.
    pub monthly: Vec<MonthlyRow>,
    /// 相談元別の月別件数（当年度、件数のある区分） / This year's monthly counts of each source with any.
    pub monthly_by_source: Vec<MonthlyRow>,
    /// 相談元別（当年度、多い順） / This year by source, most first.
    pub by_source: Vec<CountRow>,
    /// 相談内容別（当年度、多い順） / This year by topic, most first.
    pub by_topic: Vec<CountRow>,
    /// 解決状況（当年度） / This year: resolved, unresolved, not recorded.
    pub resolution: Vec<CountRow>,
    /// タスク別（当年度） / This year by task (1–6, then none).
    pub by_task: Vec<CountRow>,
    /// 前年度比 / Year on year.
    pub year_on_year: YearOnYear,
}

/// `2012` → `平成24年度`, with the era in force on 31 December of the first calendar year.
pub fn fiscal_year_ja(fy: i32) -> String {
    let era = IsoDate::from_ymd(fy, 12, 31).and_then(Era::of);
    match era.and_then(|e| e.start().map(|s| (e, fy - s.year() + 1))) {
        Some((e, 1)) => format!("{}元年度", e.label_ja()),
        Some((e, n)) => format!("{}{}年度", e.label_ja(), n),
        None => format!("{fy}年度"),
    }
}

/// Month index in the fiscal year: April 0 … March 11.
fn month_index(d: IsoDate) -> usize {
    usize::from((d.month() + 8) % 12)
}

fn sorted_rows<T: Copy>(
    all: &[T],
    counts: &[u32],
    key: impl Fn(T) -> String,
    ja: impl Fn(T) -> &'static str,
    en: impl Fn(T) -> &'static str,
) -> Vec<CountRow> {
    let mut rows: Vec<(usize, CountRow)> = all
        .iter()
        .zip(counts)
        .enumerate()
        .filter(|(_, (_, n))| **n > 0)
        .map(|(i, (&v, &n))| {
            (
                i,
                CountRow {
                    key: key(v),
                    label_ja: ja(v).to_owned(),
                    label_en: en(v).to_owned(),
                    count: n,
                },
            )
        })
        .collect();
    rows.sort_by(|a, b| b.1.count.cmp(&a.1.count).then(a.0.cmp(&b.0)));
    rows.into_iter().map(|(_, r)| r).collect()
}

pub(crate) fn snake<T: Serialize>(v: T) -> String {
    serde_json::to_value(v)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

/// Runs `consultations.summarize`.
pub fn summarize(log: &ConsultationLog) -> Computed<ConsultationSummary> {
    let fy = log.fiscal_year;
    let mut findings: Vec<Finding> = Vec::new();
    let mut this_months = [0u32; 12];
    let mut last_months = [0u32; 12];
    let mut source_months = vec![[0u32; 12]; Source::ALL.len()];
    let mut sources = vec![0u32; Source::ALL.len()];
    let mut topics = vec![0u32; Topic::ALL.len()];
    let mut resolution = [0u32; 3];
    let mut tasks = [0u32; 7];
    let base = Path::root().key("consultations");
    for (i, c) in log.consultations.iter().enumerate() {
        let at = base.index(i);
        if c.task.is_some_and(|t| !t.is_valid()) {
            findings.push(TASK_OUT_OF_RANGE.at(at.key("task")));
        }
        let year = c.date.fiscal_year();
        let m = month_index(c.date);
        if year == fy.saturating_sub(1) {
            if let Some(slot) = last_months.get_mut(m) {
                *slot = slot.saturating_add(1);
            }
            continue;
        }
        if year != fy {
            findings.push(OUTSIDE_YEARS.at(at.key("date")).with("year", year));
            continue;
        }
        let bump = |s: Option<&mut u32>| {
            if let Some(s) = s {
                *s = s.saturating_add(1);
            }
        };
        bump(this_months.get_mut(m));
        let si = Source::ALL.iter().position(|s| *s == c.source);
        bump(si.and_then(|s| sources.get_mut(s)));
        bump(
            si.and_then(|s| source_months.get_mut(s))
                .and_then(|r| r.get_mut(m)),
        );
        let mut ts: Vec<usize> = c
            .topics
            .iter()
            .filter_map(|t| Topic::ALL.iter().position(|a| a == t))
            .collect();
        ts.sort_unstable();
        ts.dedup();
        if ts.is_empty() {
            findings.push(NO_TOPIC.at(at.key("topics")));
            ts.extend(Topic::ALL.iter().position(|a| *a == Topic::Unknown));
        }
        for t in ts {
            bump(topics.get_mut(t));
        }
        bump(resolution.get_mut(match c.resolved {
            Some(true) => 0,
            Some(false) => 1,
            None => 2,
        }));
        let task = c
            .task
            .filter(|t| t.is_valid())
            .map_or(6, |t| usize::from(t.0).saturating_sub(1));
        bump(tasks.get_mut(task));
    }
    let this_total: u32 = this_months.iter().sum();
    let last_total: u32 = last_months.iter().sum();
    let row = |key: String, label_ja: String, months: &[u32; 12]| MonthlyRow {
        key,
        label_ja,
        months: months.to_vec(),
        total: months.iter().sum(),
    };
    let monthly = vec![
        row(fy.to_string(), fiscal_year_ja(fy), &this_months),
        row(
            fy.saturating_sub(1).to_string(),
            fiscal_year_ja(fy.saturating_sub(1)),
            &last_months,
        ),
    ];
    let monthly_by_source = Source::ALL
        .iter()
        .zip(&source_months)
        .filter(|(_, m)| m.iter().any(|n| *n > 0))
        .map(|(s, m)| row(snake(s), format!("うち{}", s.label_ja()), m))
        .collect();
    let ratio = (last_total > 0)
        .then(|| (f64::from(this_total) / f64::from(last_total) * 100.0).round() / 100.0);
    let task_rows = (0..7usize)
        .map(|i| CountRow {
            key: if i < 6 {
                (i + 1).to_string()
            } else {
                "none".to_owned()
            },
            label_ja: if i < 6 {
                format!("タスク{}", i + 1)
            } else {
                "記録なし".to_owned()
            },
            label_en: if i < 6 {
                format!("task {}", i + 1)
            } else {
                "not recorded".to_owned()
            },
            count: tasks.get(i).copied().unwrap_or(0),
        })
        .collect();
    let resolution_rows = [
        ("resolved", "解決", "resolved"),
        ("unresolved", "未解決", "unresolved"),
        ("not_recorded", "記録なし", "not recorded"),
    ]
    .iter()
    .zip(resolution)
    .map(|((k, ja, en), n)| CountRow {
        key: (*k).to_owned(),
        label_ja: (*ja).to_owned(),
        label_en: (*en).to_owned(),
        count: n,
    })
    .collect();
    Computed::new(
        findings,
        Some(ConsultationSummary {
            fiscal_year: fy,
            fiscal_year_ja: fiscal_year_ja(fy),
            monthly,
            monthly_by_source,
            by_source: sorted_rows(
                Source::ALL,
                &sources,
                snake,
                Source::label_ja,
                Source::label_en,
            ),
            by_topic: sorted_rows(Topic::ALL, &topics, snake, Topic::label_ja, Topic::label_en),
            resolution: resolution_rows,
            by_task: task_rows,
            year_on_year: YearOnYear {
                this_year: this_total,
                last_year: last_total,
                difference: i64::from(this_total) - i64::from(last_total),
                ratio,
            },
        }),
    )
}

pub(crate) fn operation(log: ConsultationLog) -> Computed<ConsultationSummary> {
    summarize(&log)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wareki_fiscal_years() {
        assert_eq!(fiscal_year_ja(2012), "平成24年度");
        assert_eq!(fiscal_year_ja(2011), "平成23年度");
        assert_eq!(fiscal_year_ja(2019), "令和元年度");
        assert_eq!(fiscal_year_ja(1989), "平成元年度");
    }

    #[test]
    fn months_run_april_to_march() {
        let d = |s| IsoDate::parse(s).unwrap();
        assert_eq!(month_index(d("2012-04-01")), 0);
        assert_eq!(month_index(d("2012-12-31")), 8);
        assert_eq!(month_index(d("2013-03-31")), 11);
    }
}
