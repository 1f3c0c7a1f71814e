//! 6つのタスク / The six-task framework of the national program.
//!
//! The national description ([S-004]) names six activities; Kanagawa's task table
//! ([S-003]) words the same six as tasks. Every initiative of every plan maps to at
//! least one of them ([`TaskNo`]). The catalogue is const data: [`TASKS`].

use crate::finding::Finding;
use crate::operation::{Computed, Operation};
use serde::{Deserialize, Serialize};

/// タスク番号 / A task number, 1–6. Deserialising any other number is an
/// `input.invalid_value` finding; plan rules report it with the plan's own code.
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
    crate::input::Recover,
    crate::emit::Emit,
)]
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, crate::emit::Emit)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Task {
    /// 番号 / Number 1–6.
    pub no: u8,
    /// 国の事業説明での名称（[S-004]） / Wording in the national description ([S-004]).
    pub name_national_ja: &'static str,
    /// 神奈川県のタスク表での名称（[S-003]） / Wording in Kanagawa's task table ([S-003]).
    pub name_kanagawa_ja: &'static str,
    /// 英語名 / English name.
    pub name_en: &'static str,
    /// 目的 / Purpose, in Japanese: the national description's ○内容, quoted.
    pub purpose_ja: &'static str,
    /// 目的（英語） / Purpose, in English.
    pub purpose_en: &'static str,
    /// 取組の例 / Typical initiatives: the national description's (具体例), quoted exactly.
    pub examples_ja: &'static [&'static str],
}

/// The six tasks. Names, purposes and examples quote the program's documents: the
/// national description 「小児等在宅医療連携拠点事業について」 (厚生労働省; its ○内容 gives
/// each purpose and its (具体例) the examples, quoted exactly, line breaks joined) and
/// Kanagawa's task table 「小児等在宅医療連携拠点事業の取組内容について」 (神奈川県, 資料３).
/// See `docs/sources.md`.
pub const TASKS: [Task; 6] = [
    Task {
        no: 1,
        name_national_ja: "協議会の開催",
        name_kanagawa_ja: "小児等の在宅医療を抱える課題の抽出と対応方針の策定",
        name_en: "Councils: extract issues and set policy",
        purpose_ja: "市町村等の行政、地域の医療・福祉関係者等による協議の場を定期的開催し、小児等の在宅医療における連携上の課題の抽出及びその対応方針を策定すること",
        purpose_en: "Hold regular meetings of municipalities and other administration and the region's medical and welfare people, to extract the issues of coordination in home medical care for children and set policy on them.",
        examples_ja: &[
            "都道府県が中心となり、二次医療圏もしくは障害福祉圏域で、市町村、保健所、医師会、小児医療関係者、在宅医療関係者、福祉関係者、特別支援学校関係者等からなる会議等を開催し、地域の小児等の在宅の課題の抽出及び対応方針を策定する。",
            "都道府県の障害福祉計画や高齢者を含めた在宅医療推進施策と連携する形で、推進を図る。",
        ],
    },
    Task {
        no: 2,
        name_national_ja: "地域資源の把握と活用",
        name_kanagawa_ja: "地域の医療・福祉資源の把握と活用",
        name_en: "Map and use regional resources",
        purpose_ja: "地域の医療・福祉等資源を把握し、整理した情報の活用を検討すること",
        purpose_en: "Find out the region's medical, welfare and other resources, and consider how to use the information once organised: the number and distribution of child patients; hospitals, clinics, visiting-nurse stations, home-help (訪問介護) offices, day facilities for children (通園施設), special-support schools and short-stay facilities (including long-term care health facilities).",
        examples_ja: &[
            "地域の小児患者の数と分布を把握する。",
            "小児在宅医療患者を受け入れる病院、診療所、訪問看護ステーション、訪問介護事業所、通園施設、特別支援学校、短期入所施設(老人健康保健施設を含む)等を把握し、退院支援の際や既に外来医療を受けている患者に参考にできるように整理し、地域の医療・福祉関係者に提供する。",
            "地域の短期入所施設の空き状況をインターネット上に掲示する。",
        ],
    },
    Task {
        no: 3,
        name_national_ja: "受け入れ可能な医療機関等の拡大と専門医療機関との連携",
        name_kanagawa_ja: "地域の小児等への在宅医療資源の拡充と専門機関との連携",
        name_en: "Grow capacity and link with specialist centres",
        purpose_ja: "小児等の在宅医療に関する研修の実施等により、小児等の在宅医療の受入が可能な医療機関・訪問看護事業所数の拡大を図るとともに、専門医療機関とのネットワークを構築すること",
        purpose_en: "Through training on home medical care for children, increase the medical institutions and visiting-nurse offices that can take these children, and build a network with specialist medical institutions.",
        examples_ja: &[
            "医師会等の協力を得て、地域の病院、診療所、在宅療養支援診療所等の医師を対象に、小児等の在宅医療に関する研修を実施する。",
            "特に小児を診療する医師、在宅療養支援診療所の医師に対して小児等の在宅医療への協力を働き掛け、小児等の受け入れが可能な医療機関のすそ野を拡大する。",
            "看護師、リハビリ職種に対しても小児等の在宅医療に関する研修を実施し、受け入れ可能な医療機関のすそ野を拡大する。",
            "小児医療や障害児者の専門機関と連携を取り、小児等の在宅医療への技術援助が得られる関係を構築する。",
        ],
    },
    Task {
        no: 4,
        name_national_ja: "福祉、行政、教育との連携",
        name_kanagawa_ja: "地域の福祉・行政関係者との連携促進",
        name_en: "Link welfare, administration and education",
        purpose_ja: "地域の福祉・行政・教育関係者に対する研修会の開催やアウトリーチにより、小児等の在宅医療への理解を深め、医療と福祉等の連携の促進を図ること",
        purpose_en: "Through training sessions and outreach for the region's welfare, administration and education people, deepen their understanding of home medical care for children and promote coordination between medicine and welfare.",
        examples_ja: &[
            "定期的な症例検討会、グループワークを取り入れた多職種の研修会、交流会などを通じて、地域の福祉、行政、教育関係者(介護士、障害者相談支援専門員、保健師等の行政担当者や特別支援学校教員も含む。)との顔の見える関係を構築する。",
            "福祉、教育関係者等のニーズに応じた研修会を実施する。",
        ],
    },
    Task {
        no: 5,
        name_national_ja: "患者・家族への個別支援",
        name_kanagawa_ja: "患者・家族への個別支援",
        name_en: "Individual support for patients and families",
        purpose_ja: "関係機関と連携し、電話相談や訪問支援等により、小児等の患者・家族に対して個々のニーズに応じた支援を実施すること",
        purpose_en: "With the institutions concerned, support each child patient and family by telephone consultation, home visits and the like, according to their own needs.",
        examples_ja: &[
            "個々の事例に対して関係者がケア会議を開き、サービスと役割分担を明確にする。",
            "訪問看護師や保健師や相談支援専門員等が、患者に提供されるサービスをコーディネートする。",
            "必要に応じて患者・家族の定期的なフォローアップを行い、継続的な支援を実施する。",
            "その他、患者の生活支援に関する情報を提供する。",
        ],
    },
    Task {
        no: 6,
        name_national_ja: "関係者の負担軽減・理解促進",
        name_kanagawa_ja: "患者・家族や学校関係者等への理解促進・負担軽減",
        name_en: "Understanding and burden relief",
        purpose_ja: "患者・家族や小児等の在宅医療を支える関係者に対して、勉強会の実施などを通して、小児の在宅医療等に関する理解の促進や負担の軽減を図るための取り組みを行うこと",
        purpose_en: "For patients, families and the people who support home medical care for children, promote understanding and relieve burden, through study sessions and the like.",
        examples_ja: &[
            "相談室を設置し、患者や関係者からの相談に対応したり、必要に応じて適切な書籍を紹介する。",
            "患者・家族が参画する定期的なピアカウンセリングの場を提供する。",
            "小児在宅医療患者を持つ家庭に対し、ニーズを踏まえた勉強会を開催する。",
            "講演会等により、障がい児のあり方について広く周知啓発する。",
        ],
    },
];

/// Input of `tasks.list`: nothing but an optional `$schema`.
#[derive(
    Debug,
    Clone,
    Default,
    PartialEq,
    Eq,
    Serialize,
    Deserialize,
    crate::input::Recover,
    crate::emit::Emit,
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct TasksQuery {
    /// JSON Schema の URL（任意） / URL of this document's JSON Schema (optional).
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    /// 文書の形式の版（省略時は 1） / Document format version (absent means 1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<crate::version::FormatVersion>,
}

/// Result of `tasks.list`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, crate::emit::Emit)]
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
    fn task_2_quotes_the_facility_list_of_the_national_description() {
        let t = TaskNo(2).task().unwrap();
        assert!(t.examples_ja.iter().any(|e| e.contains(
            "訪問看護ステーション、訪問介護事業所、通園施設、特別支援学校、短期入所施設(老人健康保健施設を含む)"
        )));
        // Words the national description does not use for this list.
        for t in &TASKS {
            for e in t.examples_ja.iter().chain([&t.purpose_ja]) {
                for absent in ["居宅介護事業所", "通所施設", "訪問看護師の同行研修"]
                {
                    assert!(!e.contains(absent), "task {}: {absent} in {e}", t.no);
                }
            }
        }
    }

    #[test]
    fn examples_are_the_quoted_concrete_examples() {
        let counts: Vec<usize> = TASKS.iter().map(|t| t.examples_ja.len()).collect();
        assert_eq!(counts, vec![2, 3, 4, 2, 4, 4]);
        assert_eq!(
            TASKS[5].examples_ja[1],
            "患者・家族が参画する定期的なピアカウンセリングの場を提供する。"
        );
        assert_eq!(
            TASKS[1].purpose_ja,
            "地域の医療・福祉等資源を把握し、整理した情報の活用を検討すること"
        );
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
