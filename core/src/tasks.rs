//! 6つのタスク / The six-task framework of the national program.
//!
//! The national description (seed 004) names six activities; Kanagawa's task table
//! (seed 003) words the same six as tasks. Every initiative of every plan maps to at
//! least one of them ([`TaskNo`]). The catalogue is const data: [`TASKS`].

use crate::finding::Finding;
use crate::operation::{Computed, Operation};
use serde::{Deserialize, Serialize};

/// タスク番号 / A task number, 1–6. Deserialising any other number is an
/// `input.invalid_value` finding; plan rules report it with the plan's own code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(transparent)]
pub struct TaskNo(
    /// 1–6.
    #[cfg_attr(feature = "schema", schemars(range(min = 1, max = 6)))]
    pub u8,
);

impl TaskNo {
    /// The catalogue entry, if the number is 1–6.
    pub fn task(self) -> Option<&'static Task> {
        TASKS.iter().find(|t| t.no == self.0)
    }
    /// True for 1–6.
    pub fn is_valid(self) -> bool {
        (1..=6).contains(&self.0)
    }
}

/// 一つのタスク / One task of the framework.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Task {
    /// 番号 / Number 1–6.
    pub no: u8,
    /// 国の事業説明での名称（資料004） / Wording in the national description (seed 004).
    pub name_national_ja: &'static str,
    /// 神奈川県のタスク表での名称（資料003） / Wording in Kanagawa's task table (seed 003).
    pub name_kanagawa_ja: &'static str,
    /// 英語名 / English name.
    pub name_en: &'static str,
    /// 目的 / Purpose, in Japanese.
    pub purpose_ja: &'static str,
    /// 目的（英語） / Purpose, in English.
    pub purpose_en: &'static str,
    /// 取組の例 / Typical initiatives, in Japanese.
    pub examples_ja: &'static [&'static str],
}

/// The six tasks (DOMAIN.md §1).
pub const TASKS: [Task; 6] = [
    Task {
        no: 1,
        name_national_ja: "協議会の開催",
        name_kanagawa_ja: "小児等の在宅医療を抱える課題の抽出と対応方針の策定",
        name_en: "Councils: extract issues and set policy",
        purpose_ja: "地域の医療・福祉・教育・行政の関係者が集まる協議会で、小児等在宅医療の課題を抽出し、対応方針を策定する。",
        purpose_en: "Hold councils of municipal, medical, welfare, school and administration members to extract the region's issues and set policy.",
        examples_ja: &[
            "定期的な協議会の開催",
            "課題把握のための調査",
            "対応方針の策定",
        ],
    },
    Task {
        no: 2,
        name_national_ja: "地域資源の把握と活用",
        name_kanagawa_ja: "地域の医療・福祉資源の把握と活用",
        name_en: "Map and use regional resources",
        purpose_ja: "対象児の数と所在、病院・診療所・訪問看護ステーション・居宅介護事業所・通所施設・特別支援学校・短期入所施設等を把握し、活用する。",
        purpose_en: "Count and locate the children; list hospitals, clinics, visiting-nurse stations, home-help offices, day facilities, special-support schools and short-stay facilities, and put them to use.",
        examples_ja: &[
            "対象児の実態調査",
            "地域資源マップの作成",
            "短期入所の空き状況の公開",
        ],
    },
    Task {
        no: 3,
        name_national_ja: "受け入れ可能な医療機関等の拡大と専門医療機関との連携",
        name_kanagawa_ja: "地域の小児等への在宅医療資源の拡充と専門機関との連携",
        name_en: "Grow capacity and link with specialist centres",
        purpose_ja: "医師・看護師・療法士等への研修により受け入れ可能な医療機関等を増やし、NICU を持つ病院等の専門医療機関と連携する。",
        purpose_en: "Train doctors, nurses and therapists so that more providers can take these children, and build networks with NICU hospitals and specialist centres.",
        examples_ja: &[
            "医師・看護師向け研修",
            "訪問看護師の同行研修",
            "専門医療機関とのネットワーク構築",
        ],
    },
    Task {
        no: 4,
        name_national_ja: "福祉、行政、教育との連携",
        name_kanagawa_ja: "地域の福祉・行政関係者との連携促進",
        name_en: "Link welfare, administration and education",
        purpose_ja: "事例検討や多職種研修を通じて、福祉・行政・教育の関係者との連携を進める。",
        purpose_en: "Link with welfare, administration and education through case conferences, multi-profession training and outreach to schools and welfare offices.",
        examples_ja: &[
            "多職種による事例検討会",
            "相談支援専門員向け研修",
            "学校・福祉事務所への働きかけ",
        ],
    },
    Task {
        no: 5,
        name_national_ja: "患者・家族への個別支援",
        name_kanagawa_ja: "患者・家族への個別支援",
        name_en: "Individual support for patients and families",
        purpose_ja: "ケア会議や看護師・保健師・相談支援専門員による調整を通じて、患者・家族を個別に支援する。",
        purpose_en: "Support each patient and family through care conferences and coordination by nurses, public-health nurses and counsellors, with follow-up.",
        examples_ja: &[
            "退院前カンファレンス",
            "コーディネーターによる調整",
            "退院後のフォローアップ",
        ],
    },
    Task {
        no: 6,
        name_national_ja: "関係者の負担軽減・理解促進",
        name_kanagawa_ja: "患者・家族や学校関係者等への理解促進・負担軽減",
        name_en: "Understanding and burden relief",
        purpose_ja: "相談窓口、ピアカウンセリング、家族向け勉強会、普及啓発により、患者・家族や関係者の理解を促し負担を軽減する。",
        purpose_en: "Relieve burden and promote understanding through a consultation desk, peer counselling, study sessions for families and public awareness.",
        examples_ja: &["相談窓口の設置", "家族向け勉強会", "普及啓発の講演会"],
    },
];

/// Input of `tasks.list`: nothing but an optional `$schema`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct TasksQuery {
    /// JSON Schema の URL（任意） / URL of this document's JSON Schema (optional).
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
}

/// Result of `tasks.list`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct TaskCatalogue {
    /// 6つのタスク / The six tasks.
    pub tasks: Vec<Task>,
}

fn list(_: TasksQuery) -> Computed<TaskCatalogue> {
    let findings: Vec<Finding> = Vec::new();
    Computed::new(
        findings,
        Some(TaskCatalogue {
            tasks: TASKS.to_vec(),
        }),
    )
}

/// Operations of this module.
pub static OPS: &[Operation] = &[crate::operation!(
    "tasks.list",
    "6つのタスクの一覧を返す",
    "List the six tasks of the national framework",
    TasksQuery => TaskCatalogue,
    list
)];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn six_tasks_numbered_in_order() {
        for (i, t) in TASKS.iter().enumerate() {
            assert_eq!(usize::from(t.no), i + 1);
            assert!(!t.name_national_ja.is_empty() && !t.name_kanagawa_ja.is_empty());
        }
        assert!(TaskNo(6).task().is_some());
        assert!(TaskNo(0).task().is_none() && TaskNo(7).task().is_none());
        assert!(!TaskNo(7).is_valid());
    }

    #[test]
    fn tasks_list_operation_runs() {
        let out = crate::ops::run("tasks.list", b"{}").unwrap();
        assert!(out.valid);
        let v: serde_json::Value = serde_json::from_str(&out.json).unwrap();
        assert_eq!(v["result"]["tasks"].as_array().unwrap().len(), 6);
        assert_eq!(
            v["result"]["tasks"][4]["name_national_ja"],
            "患者・家族への個別支援"
        );
    }
}
