//! `plan.chart`: a plan's スケジュールイメージ as an SVG document.
//!
//! The chart follows the schedule image of the Odawara plan (平成29年度小田原地域の関係機関が
//! 行う小児在宅に係る取組内容（案）): one row per item (number and title), grouped by issue
//! group (課題) or by home task, the fiscal year across (quarters and months 4月…3月), each
//! phase of a quarter as a labelled bar (方法検討, 順次実施, 会議開催 with its note such as
//! ９月頃, marked at that month). With statuses, each bar shows the progress of its quarter
//! by colour **and** by pattern and a one-character mark, so that it reads in black and
//! white: done (solid, 済), delayed (hatched, 遅), not started (white, dashed outline, 未),
//! not reported after the quarter ended (dotted, ？), planned (pale, no mark). Below it, a
//! table-chart counts the initiatives per task and quarter.
//!
//! Every text of the input goes through one function, [`escape`], which escapes markup and
//! drops what XML or a reader cannot show safely (control characters, bidirectional
//! overrides). Long titles are wrapped on two lines and then shortened with a visible `…`
//! (an info finding names the item). The SVG is sized for A4 landscape: 1200 units across,
//! text of 12 units (about 8 pt when printed on A4 landscape).
//!
//! | code | severity | when |
//! |---|---|---|
//! | `plan.chart.title_shortened` | info | an item's title did not fit in two lines and was shortened |

use super::progress::{ItemStatus, Status};
use super::rules::{
    AS_OF_OUTSIDE_YEAR, DUPLICATE_STATUS, UNKNOWN_ITEM, UNSCHEDULED_QUARTER, validate_at,
};
use super::{Item, Phase, PhaseKind, Plan, PlanIndex, count};
use crate::calendar::{IsoDate, Quarter};
use crate::finding::{Finding, Path, Rule};
use crate::ops::Computed;
use crate::tasks::TASKS;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

use crate::rule;

rule!(
    TITLE_SHORTENED,
    "plan.chart.title_shortened",
    Info,
    "取組番号 {no} の取組名が長いため、図では二行に収まるよう省略しました（…で表示）",
    "The title of item number {no} is too long for two lines and is shortened in the chart (shown with …)"
);

/// Every rule of the chart.
pub const RULES: &[&Rule] = &[&TITLE_SHORTENED];

/// 工程表の照会 / Input of `plan.chart`: the plan and, optionally, progress statuses. When
/// `statuses` is empty, the plan's own progress part (what `plan.progress` reads) gives the
/// statuses, and its date stands in for a missing `as_of`.
#[derive(
    Debug, Clone, PartialEq, Eq, Serialize, Deserialize, crate::input::Recover, crate::emit::Emit,
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ChartRequest {
    /// JSON Schema の URL（任意） / URL of this document's JSON Schema (optional).
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    /// 文書形式の版（任意、無ければ 1） / Document format version (optional; absent means 1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<crate::version::FormatVersion>,
    /// 基準日（任意） / The date progress is judged on (optional; drawn as a line).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub as_of: Option<IsoDate>,
    /// 取組計画 / The plan.
    pub plan: Plan,
    /// 取組ごと・四半期ごとの状況（任意） / Status per item and quarter (optional).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub statuses: Vec<ItemStatus>,
    /// 行のまとめ方 / Group the rows by issue group (default) or by home task.
    #[serde(default, skip_serializing_if = "ChartGrouping::is_default")]
    pub group_by: ChartGrouping,
    /// 注記 / Notes on the document.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
}

/// 行のまとめ方 / How the chart groups its rows.
#[derive(
    Debug,
    Clone,
    Copy,
    Default,
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
#[serde(rename_all = "snake_case")]
pub enum ChartGrouping {
    /// 課題ごと / By issue group (課題), as in the Odawara plan.
    #[default]
    IssueGroup,
    /// タスクごと / By the item's home (first) task.
    Task,
}

impl ChartGrouping {
    fn is_default(&self) -> bool {
        *self == ChartGrouping::IssueGroup
    }
}

/// 工程表 / Result of `plan.chart`.
#[derive(
    Debug, Clone, PartialEq, Eq, Serialize, Deserialize, crate::input::Recover, crate::emit::Emit,
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Chart {
    /// SVG 文書（スケジュール図とタスク×四半期の表） / The SVG document: the schedule chart
    /// and the task × quarter table-chart below it.
    pub svg: String,
    /// 取組の行数 / Item rows drawn.
    pub rows: u32,
    /// 段階の帯の数 / Phase bars drawn (one per phase of each quarter).
    pub bars: u32,
    /// 省略した取組名 / Numbers of the items whose title was shortened.
    pub shortened_titles: Vec<u32>,
    /// タスク×四半期の取組数 / Initiatives per task and quarter.
    pub task_quarters: Vec<TaskQuarters>,
}

/// タスク別・四半期別の取組数 / Initiatives of one task per quarter.
#[derive(
    Debug, Clone, PartialEq, Eq, Serialize, Deserialize, crate::input::Recover, crate::emit::Emit,
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct TaskQuarters {
    /// タスク番号 / Task 1–6.
    pub task: u8,
    /// タスク名 / The task's national wording.
    pub name_ja: String,
    /// 第1四半期 / Q1: initiatives with an entry in April–June.
    pub q1: u32,
    /// 第2四半期 / Q2.
    pub q2: u32,
    /// 第3四半期 / Q3.
    pub q3: u32,
    /// 第4四半期 / Q4.
    pub q4: u32,
    /// 計 / Distinct initiatives serving the task.
    pub total: u32,
}

/// Escapes any text for SVG/XML text content and attribute values (one function for
/// every string the chart writes). Markup characters become entities; characters XML 1.0
/// forbids (C0 controls other than tab and line breaks, U+FFFE, U+FFFF) and C1 controls
/// become U+FFFD; tab and line breaks become a space; bidirectional embedding, override
/// and isolate controls are dropped so that a title cannot reorder the text around it.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\t' | '\n' | '\r' => out.push(' '),
            '\u{200E}'
            | '\u{200F}'
            | '\u{061C}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2066}'..='\u{2069}' => {}
            c if (c as u32) < 0x20 || ('\u{7F}'..='\u{9F}').contains(&c) => out.push('\u{FFFD}'),
            '\u{FFFE}' | '\u{FFFF}' => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

/// Width of a character in em (approximate: Latin narrow, CJK full).
fn char_em(c: char) -> f32 {
    match c {
        ' '..='~' => 0.6,
        '\u{FF61}'..='\u{FF9F}' => 0.55,
        _ => 1.0,
    }
}

/// Breaks `text` into at most `max_lines` lines of at most `width_em` em; true if it had
/// to be shortened (the last line then ends with `…`).
fn wrap(text: &str, width_em: f32, max_lines: usize) -> (Vec<String>, bool) {
    let clean: String = text
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    let clean = clean.trim();
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    let mut w = 0.0f32;
    let mut chars = clean.chars().peekable();
    while let Some(c) = chars.next() {
        let cw = char_em(c);
        if w + cw > width_em && !line.is_empty() {
            if lines.len() + 1 >= max_lines {
                // Last line is full and text remains: shorten with a visible mark.
                while w + 1.0 > width_em {
                    match line.pop() {
                        Some(p) => w -= char_em(p),
                        None => break,
                    }
                }
                line.push('…');
                lines.push(line);
                return (lines, true);
            }
            lines.push(std::mem::take(&mut line));
            w = 0.0;
            if c == ' ' {
                continue;
            }
        }
        line.push(c);
        w += cw;
        let _ = chars.peek();
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    (lines, false)
}

/// Shortens to one line of `width_em`.
fn one_line(text: &str, width_em: f32) -> String {
    wrap(text, width_em, 1)
        .0
        .into_iter()
        .next()
        .unwrap_or_default()
}

/// The drawn state of one item-quarter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Drawn {
    Planned,
    Done,
    Delayed,
    NotStarted,
    Unreported,
}

impl Drawn {
    fn fill(self) -> &'static str {
        match self {
            Drawn::Planned => "url(#p-planned)",
            Drawn::Done => "url(#p-done)",
            Drawn::Delayed => "url(#p-delayed)",
            Drawn::NotStarted => "#ffffff",
            Drawn::Unreported => "url(#p-unreported)",
        }
    }
    fn class(self) -> &'static str {
        match self {
            Drawn::Planned => "planned",
            Drawn::Done => "done",
            Drawn::Delayed => "delayed",
            Drawn::NotStarted => "not-started",
            Drawn::Unreported => "unreported",
        }
    }
    fn mark(self) -> Option<&'static str> {
        match self {
            Drawn::Planned => None,
            Drawn::Done => Some("済"),
            Drawn::Delayed => Some("遅"),
            Drawn::NotStarted => Some("未"),
            Drawn::Unreported => Some("？"),
        }
    }
    fn label(self) -> &'static str {
        match self {
            Drawn::Planned => "予定",
            Drawn::Done => "完了",
            Drawn::Delayed => "遅延",
            Drawn::NotStarted => "未着手",
            Drawn::Unreported => "報告なし（期末経過）",
        }
    }
}

// Layout, in SVG user units (1200 across ≈ 277 mm printable on A4 landscape).
const WIDTH: f32 = 1200.0;
const LEFT: f32 = 16.0;
const NO_W: f32 = 38.0;
const TITLE_W: f32 = 372.0;
const TASK_W: f32 = 58.0;
const MONTHS_X: f32 = LEFT + NO_W + TITLE_W + TASK_W;
const MONTH_W: f32 = 59.0;
const QUARTER_W: f32 = MONTH_W * 3.0;
const MONTHS_END: f32 = MONTHS_X + MONTH_W * 12.0;
const FONT: f32 = 12.0;
const LINE_H: f32 = 15.0;
const LANE_H: f32 = 17.0;
const GROUP_H: f32 = 24.0;
const AS_OF_MARK: &str = "<!--as-of-->";

/// The month (1–12) a note such as ９月頃 or 9月 names, if any.
fn note_month(note: &str) -> Option<u8> {
    let mut digits = String::new();
    for c in note.chars() {
        let d = match c {
            '0'..='9' => Some(c as u32 - '0' as u32),
            '０'..='９' => Some(c as u32 - '０' as u32),
            _ => None,
        };
        match d {
            Some(d) => {
                if digits.len() < 2 {
                    digits.push(char::from_digit(d, 10).unwrap_or('0'));
                }
            }
            None if c == '月' && !digits.is_empty() => {
                return digits.parse::<u8>().ok().filter(|m| (1..=12).contains(m));
            }
            None => digits.clear(),
        }
    }
    None
}

/// Column index 0 (April) … 11 (March) of a month 1–12.
fn month_col(month: u8) -> f32 {
    f32::from((month + 8) % 12)
}

struct Row<'a> {
    index: usize,
    item: &'a Item,
}

struct Group {
    title: String,
    rows: Vec<usize>,
}

fn groups(plan: &Plan, by: ChartGrouping) -> Vec<Group> {
    let mut out: Vec<Group> = Vec::new();
    match by {
        ChartGrouping::IssueGroup => {
            // Rows per declared issue group (first declaration wins), in O(n log n).
            let mut by_group: BTreeMap<u32, Vec<usize>> = BTreeMap::new();
            for g in &plan.issue_groups {
                by_group.entry(g.no).or_default();
            }
            let mut rest = Vec::new();
            for (i, it) in plan.items.iter().enumerate() {
                match it.issue_group.and_then(|n| by_group.get_mut(&n)) {
                    Some(rows) => rows.push(i),
                    None => rest.push(i),
                }
            }
            for g in &plan.issue_groups {
                if let Some(rows) = by_group.remove(&g.no) {
                    out.push(Group {
                        title: format!("({}) {}", g.no, g.title),
                        rows,
                    });
                }
            }
            if !rest.is_empty() {
                out.push(Group {
                    title: "課題の記載なし".to_owned(),
                    rows: rest,
                });
            }
        }
        ChartGrouping::Task => {
            for t in &TASKS {
                let rows: Vec<usize> = (0..plan.items.len())
                    .filter(|&i| {
                        plan.items
                            .get(i)
                            .is_some_and(|it| it.tasks.first().is_some_and(|f| f.0 == t.no))
                    })
                    .collect();
                out.push(Group {
                    title: format!("タスク{} {}", t.no, t.name_national_ja),
                    rows,
                });
            }
            let rest: Vec<usize> = (0..plan.items.len())
                .filter(|&i| {
                    plan.items
                        .get(i)
                        .is_some_and(|it| it.tasks.first().is_none_or(|f| !f.is_valid()))
                })
                .collect();
            if !rest.is_empty() {
                out.push(Group {
                    title: "タスクの記載なし".to_owned(),
                    rows: rest,
                });
            }
        }
    }
    out.retain(|g| !g.rows.is_empty());
    out
}

/// Builds the chart: findings of the plan (under `/plan`) and of the statuses, and the SVG.
pub fn chart(request: &ChartRequest) -> Computed<Chart> {
    let plan = &request.plan;
    let index = PlanIndex::new(plan);
    let plan_path = Path::root().key("plan");
    let mut findings: Vec<Finding> = validate_at(plan, &plan_path);

    // Progress: the part that reads statuses (kept small so it follows `plan.progress`).
    // Without statuses of its own, the request takes the plan's own progress part (the
    // statuses and date `plan.progress` reads).
    let own = plan
        .progress
        .as_ref()
        .filter(|_| request.statuses.is_empty());
    let (statuses, statuses_path) = match own {
        Some(part) => (&part.statuses, plan_path.key("progress").key("statuses")),
        None => (&request.statuses, Path::root().key("statuses")),
    };
    let (as_of, as_of_path) = match (request.as_of, own) {
        (None, Some(part)) => (Some(part.as_of), plan_path.key("progress").key("as_of")),
        (given, _) => (given, Path::root().key("as_of")),
    };
    let mut reported: Vec<Option<Status>> = vec![None; plan.items.len().saturating_mul(4)];
    for (s, st) in statuses.iter().enumerate() {
        let at = statuses_path.index(s);
        let Some(i) = index.resolve(&st.item) else {
            findings.push(st.item.args_of(UNKNOWN_ITEM.at(at.key("item"))));
            continue;
        };
        let scheduled = plan
            .items
            .get(i)
            .is_some_and(|it| it.schedule.iter().any(|e| e.quarter == st.quarter));
        if !scheduled {
            findings.push(UNSCHEDULED_QUARTER.at(at.key("quarter")));
        }
        if let Some(slot) = reported.get_mut(i.saturating_mul(4).saturating_add(st.quarter.index()))
        {
            if slot.is_some() {
                findings.push(DUPLICATE_STATUS.at(&at));
            } else {
                *slot = Some(st.status);
            }
        }
    }
    let fy = plan.fiscal_year;
    if let (Some(as_of), Some(fy)) = (as_of, fy)
        && as_of.fiscal_year() != fy
    {
        findings.push(
            AS_OF_OUTSIDE_YEAR
                .at(as_of_path)
                .with("date_fy", as_of.fiscal_year())
                .with("fy", fy),
        );
    }
    let ended = |q: Quarter| -> bool {
        match (as_of, fy) {
            (Some(as_of), Some(fy)) => q.end(fy).is_some_and(|end| end < as_of),
            _ => false,
        }
    };
    let with_progress = as_of.is_some() || !statuses.is_empty();
    let drawn = |i: usize, q: Quarter| -> Drawn {
        let st = reported
            .get(i.saturating_mul(4).saturating_add(q.index()))
            .copied()
            .flatten();
        match st {
            Some(Status::Done) => Drawn::Done,
            Some(Status::Delayed) => Drawn::Delayed,
            Some(Status::NotStarted) => Drawn::NotStarted,
            None if with_progress && ended(q) => Drawn::Unreported,
            None => Drawn::Planned,
        }
    };

    let mut body = String::new();
    let mut y = 20.0f32;
    // Heading.
    let heading = plan.title.as_deref().unwrap_or(plan.region.as_str());
    let _ = write!(
        body,
        r#"<text class="h1" x="{LEFT}" y="{}">{}</text>"#,
        y + 8.0,
        escape(&one_line(heading, 90.0))
    );
    y += 28.0;
    let mut sub = format!("地域: {}", one_line(&plan.region, 30.0));
    if let Some(label) = &plan.fiscal_year_label {
        let _ = write!(sub, "　年度: {}", one_line(label, 12.0));
    } else if let Some(fy) = fy {
        let _ = write!(sub, "　年度: {fy}年度");
    }
    if let Some(as_of) = as_of {
        let _ = write!(sub, "　基準日: {as_of}");
    }
    sub.push_str(match request.group_by {
        ChartGrouping::IssueGroup => "　行: 課題ごと",
        ChartGrouping::Task => "　行: タスクごと",
    });
    let _ = write!(
        body,
        r#"<text class="sub" x="{LEFT}" y="{y}">{}</text>"#,
        escape(&sub)
    );
    y += 14.0;

    // Column heads: quarters, then months.
    let head_top = y;
    let _ = write!(
        body,
        r##"<rect x="{LEFT}" y="{y}" width="{}" height="40" fill="#eef1f5" stroke="#777"/>"##,
        MONTHS_END - LEFT
    );
    let _ = write!(
        body,
        r#"<text class="th" x="{}" y="{}" text-anchor="middle">番号</text><text class="th" x="{}" y="{}">取組（項目）</text><text class="th" x="{}" y="{}" text-anchor="middle">タスク</text>"#,
        LEFT + NO_W / 2.0,
        y + 26.0,
        LEFT + NO_W + 6.0,
        y + 26.0,
        LEFT + NO_W + TITLE_W + TASK_W / 2.0,
        y + 26.0
    );
    for (k, q) in Quarter::ALL.iter().enumerate() {
        let x = MONTHS_X + QUARTER_W * k as f32;
        let label = match q {
            Quarter::Q1 => "第1四半期",
            Quarter::Q2 => "第2四半期",
            Quarter::Q3 => "第3四半期",
            Quarter::Q4 => "第4四半期",
        };
        let _ = write!(
            body,
            r#"<text class="th" x="{}" y="{}" text-anchor="middle">{label}</text>"#,
            x + QUARTER_W / 2.0,
            y + 15.0
        );
    }
    for m in 0..12u8 {
        let month = (m + 3) % 12 + 1;
        let x = MONTHS_X + MONTH_W * f32::from(m);
        let _ = write!(
            body,
            r#"<text class="th" x="{}" y="{}" text-anchor="middle">{month}月</text>"#,
            x + MONTH_W / 2.0,
            y + 34.0
        );
    }
    y += 40.0;
    let grid_top = y;
    // Backgrounds, rules and the date line go here, under the bars (filled in once the
    // grid's height is known; input text cannot contain this marker: `<` is always escaped).
    body.push_str(AS_OF_MARK);

    let mut bars = 0u32;
    let mut rows = 0u32;
    let mut shortened = Vec::new();
    // Row and group backgrounds, the month rules and the date line go under the bars.
    let mut backs = String::new();
    let items_path = plan_path.key("items");
    for group in groups(plan, request.group_by) {
        let _ = write!(
            backs,
            r##"<rect x="{LEFT}" y="{y}" width="{}" height="{GROUP_H}" fill="#dde3ea" stroke="#777"/>"##,
            MONTHS_END - LEFT
        );
        let _ = write!(
            body,
            r#"<text class="grp" x="{}" y="{}">{}</text>"#,
            LEFT + 6.0,
            y + 16.5,
            escape(&one_line(&group.title, 90.0))
        );
        y += GROUP_H;
        for &i in &group.rows {
            let Some(item) = plan.items.get(i) else {
                continue;
            };
            let row = Row { index: i, item };
            let (lines, cut) = wrap(&row.item.title, (TITLE_W - 12.0) / FONT, 2);
            if cut {
                shortened.push(row.item.no);
                findings.push(
                    TITLE_SHORTENED
                        .at(items_path.index(row.index).key("title"))
                        .with("no", row.item.no),
                );
            }
            let lanes = Quarter::ALL
                .iter()
                .map(|&q| {
                    row.item
                        .schedule
                        .iter()
                        .filter(|e| e.quarter == q)
                        .map(|e| e.phases.len().max(usize::from(e.note.is_some())))
                        .sum::<usize>()
                })
                .max()
                .unwrap_or(0)
                .max(1);
            let h = (lines.len() as f32 * LINE_H + 10.0).max(lanes as f32 * LANE_H + 8.0);
            rows = rows.saturating_add(1);
            let shade = if rows.is_multiple_of(2) {
                "#fafafa"
            } else {
                "#ffffff"
            };
            let _ = write!(
                backs,
                r##"<rect class="row" x="{LEFT}" y="{y}" width="{}" height="{h}" fill="{shade}" stroke="#bbb" stroke-width="0.5"/>"##,
                MONTHS_END - LEFT
            );
            body.push_str("<g>");
            let no = match &row.item.label {
                Some(l) => one_line(l, 3.0),
                None => row.item.no.to_string(),
            };
            let _ = write!(
                body,
                r#"<text x="{}" y="{}" text-anchor="middle">{}</text>"#,
                LEFT + NO_W / 2.0,
                y + 16.0,
                escape(&no)
            );
            let full: String = row.item.title.chars().take(500).collect();
            let _ = write!(
                body,
                r#"<text x="{}" y="{}"><title>{}</title>"#,
                LEFT + NO_W + 6.0,
                y + 16.0,
                escape(&full)
            );
            for (k, line) in lines.iter().enumerate() {
                let _ = write!(
                    body,
                    r#"<tspan x="{}" y="{}">{}</tspan>"#,
                    LEFT + NO_W + 6.0,
                    y + 16.0 + LINE_H * k as f32,
                    escape(line)
                );
            }
            body.push_str("</text>");
            let tasks: Vec<String> = row.item.tasks.iter().map(|t| t.0.to_string()).collect();
            let _ = write!(
                body,
                r#"<text x="{}" y="{}" text-anchor="middle">{}</text>"#,
                LEFT + NO_W + TITLE_W + TASK_W / 2.0,
                y + 16.0,
                escape(&one_line(&tasks.join("・"), 4.5))
            );
            for q in Quarter::ALL {
                let state = drawn(row.index, q);
                let qx = MONTHS_X + QUARTER_W * q.index() as f32;
                let mut lane = 0usize;
                for entry in row.item.schedule.iter().filter(|e| e.quarter == q) {
                    let month = entry.note.as_deref().and_then(note_month);
                    let month = month.filter(|&m| Quarter::of_month(m) == q);
                    let labels: Vec<(&str, bool)> = if entry.phases.is_empty() {
                        vec![("（予定）", false)]
                    } else {
                        entry
                            .phases
                            .iter()
                            .map(|p| (phase_label(p), true))
                            .collect()
                    };
                    for (k, (label, is_phase)) in labels.iter().enumerate() {
                        let by = y + 4.0 + LANE_H * lane as f32;
                        lane += 1;
                        let mut text = (*label).to_owned();
                        if k == 0
                            && let Some(note) = &entry.note
                        {
                            text = format!("{text} {note}");
                        }
                        if let Some(Phase::Other(words)) = entry.phases.get(k) {
                            text = format!("{words}{text}");
                        }
                        let class = if *is_phase { "bar" } else { "note" };
                        if *is_phase {
                            bars = bars.saturating_add(1);
                        }
                        let dash = if state == Drawn::NotStarted {
                            r#" stroke-dasharray="4 2""#
                        } else {
                            ""
                        };
                        let _ = write!(
                            body,
                            r##"<rect class="{class} {}" x="{}" y="{by}" width="{}" height="{}" rx="3" fill="{}" stroke="#333" stroke-width="1"{dash}/>"##,
                            state.class(),
                            qx + 2.0,
                            QUARTER_W - 4.0,
                            LANE_H - 3.0,
                            state.fill()
                        );
                        if let (Some(m), 0) = (month, k) {
                            let mx = MONTHS_X + MONTH_W * (month_col(m) + 0.5);
                            let _ = write!(
                                body,
                                r##"<path class="month-mark" d="M{} {by} l5 -5 h-10 z" fill="#000"/>"##,
                                mx
                            );
                        }
                        let room = if state.mark().is_some() { 19.0 } else { 6.0 };
                        let _ = write!(
                            body,
                            r#"<text class="bl" x="{}" y="{}">{}</text>"#,
                            qx + 6.0,
                            by + LANE_H - 7.0,
                            escape(&one_line(&text, (QUARTER_W - 8.0 - room) / 11.0))
                        );
                        if let Some(mark) = state.mark() {
                            let _ = write!(
                                body,
                                r##"<circle cx="{}" cy="{}" r="6.5" fill="#fff" stroke="#333" stroke-width="0.8"/><text class="mk" x="{}" y="{}" text-anchor="middle">{mark}</text>"##,
                                qx + QUARTER_W - 11.0,
                                by + (LANE_H - 3.0) / 2.0,
                                qx + QUARTER_W - 11.0,
                                by + (LANE_H - 3.0) / 2.0 + 3.5
                            );
                        }
                    }
                }
            }
            body.push_str("</g>");
            y += h;
        }
    }
    let grid_bottom = y;
    // Quarter and month rules (under the bars).
    for m in 0..=12u8 {
        let x = MONTHS_X + MONTH_W * f32::from(m);
        let (stroke, width) = if m % 3 == 0 {
            ("#555", 1.2)
        } else {
            ("#ccc", 0.5)
        };
        let _ = write!(
            backs,
            r#"<line x1="{x}" y1="{}" x2="{x}" y2="{grid_bottom}" stroke="{stroke}" stroke-width="{width}"/>"#,
            if m % 3 == 0 {
                head_top
            } else {
                head_top + 20.0
            }
        );
    }
    for x in [LEFT + NO_W, LEFT + NO_W + TITLE_W, MONTHS_X] {
        let _ = write!(
            backs,
            r##"<line x1="{x}" y1="{head_top}" x2="{x}" y2="{grid_bottom}" stroke="#777" stroke-width="0.8"/>"##
        );
    }
    // The date line.
    if let (Some(as_of), Some(fy)) = (as_of, fy)
        && as_of.fiscal_year() == fy
    {
        let days = f32::from(match as_of.month() {
            2 => 28u8,
            4 | 6 | 9 | 11 => 30,
            _ => 31,
        });
        let x =
            MONTHS_X + MONTH_W * (month_col(as_of.month()) + (f32::from(as_of.day()) - 0.5) / days);
        let line = format!(
            r##"<line class="as-of" x1="{x}" y1="{}" x2="{x}" y2="{grid_bottom}" stroke="#c00" stroke-width="2" stroke-dasharray="6 3"/><text class="asof" x="{x}" y="{}" text-anchor="middle">基準日 {as_of}</text>"##,
            grid_top - 2.0,
            head_top - 3.0
        );
        backs.push_str(&line);
    }
    let mut body = body.replacen(AS_OF_MARK, &backs, 1);

    // Legend.
    y = grid_bottom + 16.0;
    let _ = write!(
        body,
        r#"<text class="th" x="{LEFT}" y="{}">凡例</text>"#,
        y + 12.0
    );
    let mut lx = LEFT + 44.0;
    let legend: &[Drawn] = if with_progress {
        &[
            Drawn::Done,
            Drawn::Delayed,
            Drawn::NotStarted,
            Drawn::Unreported,
            Drawn::Planned,
        ]
    } else {
        &[Drawn::Planned]
    };
    for &d in legend {
        let dash = if d == Drawn::NotStarted {
            r#" stroke-dasharray="4 2""#
        } else {
            ""
        };
        let _ = write!(
            body,
            r##"<rect class="legend {}" x="{lx}" y="{y}" width="46" height="16" rx="3" fill="{}" stroke="#333"{dash}/>"##,
            d.class(),
            d.fill()
        );
        if let Some(mark) = d.mark() {
            let _ = write!(
                body,
                r##"<circle cx="{}" cy="{}" r="6.5" fill="#fff" stroke="#333" stroke-width="0.8"/><text class="mk" x="{}" y="{}" text-anchor="middle">{mark}</text>"##,
                lx + 35.0,
                y + 8.0,
                lx + 35.0,
                y + 11.5
            );
        }
        let _ = write!(
            body,
            r#"<text x="{}" y="{}">{}</text>"#,
            lx + 52.0,
            y + 12.5,
            d.label()
        );
        lx += 62.0 + FONT * d.label().chars().count() as f32 + 14.0;
    }
    let _ = write!(
        body,
        r##"<path d="M{} {} l5 -5 h-10 z" fill="#000"/><text x="{}" y="{}">実施月（備考に「９月頃」など）</text>"##,
        lx + 6.0,
        y + 13.0,
        lx + 16.0,
        y + 12.5
    );
    y += 22.0;
    let _ = write!(
        body,
        r#"<text class="note" x="{LEFT}" y="{}">帯は四半期ごとの段階（方法検討・順次実施・会議開催など）。状況は色と模様と記号（済・遅・未・？）で示すため、白黒印刷でも区別できます。</text>"#,
        y + 10.0
    );
    y += 26.0;

    // The task × quarter table-chart.
    let task_quarters = task_quarters(plan, &index);
    let max = task_quarters
        .iter()
        .flat_map(|t| [t.q1, t.q2, t.q3, t.q4])
        .max()
        .unwrap_or(0)
        .max(1);
    let _ = write!(
        body,
        r#"<text class="grp" x="{LEFT}" y="{}">タスク別・四半期別の取組数（再掲は一つと数える）</text>"#,
        y + 12.0
    );
    y += 20.0;
    let name_w = 520.0f32;
    let cell_w = 90.0f32;
    let cell_h = 22.0f32;
    let tx = LEFT + name_w;
    let heads = ["第1四半期", "第2四半期", "第3四半期", "第4四半期", "計"];
    let _ = write!(
        body,
        r##"<rect x="{LEFT}" y="{y}" width="{}" height="{cell_h}" fill="#eef1f5" stroke="#777"/><text class="th" x="{}" y="{}">タスク</text>"##,
        name_w + cell_w * 5.0,
        LEFT + 6.0,
        y + 15.5
    );
    for (k, hname) in heads.iter().enumerate() {
        let _ = write!(
            body,
            r#"<text class="th" x="{}" y="{}" text-anchor="middle">{hname}</text>"#,
            tx + cell_w * (k as f32 + 0.5),
            y + 15.5
        );
    }
    y += cell_h;
    for t in &task_quarters {
        let _ = write!(
            body,
            r##"<rect x="{LEFT}" y="{y}" width="{name_w}" height="{cell_h}" fill="#fff" stroke="#999" stroke-width="0.5"/><text x="{}" y="{}">{}</text>"##,
            LEFT + 6.0,
            y + 15.5,
            escape(&one_line(
                &format!("{} {}", t.task, t.name_ja),
                (name_w - 12.0) / FONT
            ))
        );
        for (k, n) in [t.q1, t.q2, t.q3, t.q4, t.total].iter().enumerate() {
            let x = tx + cell_w * k as f32;
            // Shade by count (darker = more), the number always written.
            let level = if k == 4 {
                0
            } else {
                n.saturating_mul(4).div_ceil(max)
            };
            let fill = match level {
                0 => "#ffffff",
                1 => "#e3ecf7",
                2 => "#c3d6ee",
                3 => "#9dbbe0",
                _ => "#76a0d2",
            };
            let _ = write!(
                body,
                r##"<rect class="cell" x="{x}" y="{y}" width="{cell_w}" height="{cell_h}" fill="{fill}" stroke="#999" stroke-width="0.5"/><text class="num" x="{}" y="{}" text-anchor="middle">{n}</text>"##,
                x + cell_w / 2.0,
                y + 15.5
            );
        }
        y += cell_h;
    }
    y += 16.0;
    let height = y.ceil();

    let mut svg = String::with_capacity(body.len() + 2048);
    let _ = write!(
        svg,
        r##"<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="{WIDTH}" height="{height}" viewBox="0 0 {WIDTH} {height}" lang="ja" role="img"><title>{}</title><style>text{{font-family:"Noto Sans CJK JP","Noto Sans JP","Yu Gothic","YuGothic","Meiryo","Hiragino Sans","Hiragino Kaku Gothic ProN","IPAexGothic",sans-serif;font-size:{FONT}px;fill:#000}}.h1{{font-size:18px;font-weight:bold}}.sub{{font-size:12px}}.th{{font-weight:bold}}.grp{{font-weight:bold;font-size:13px}}.bl{{font-size:11px;paint-order:stroke;stroke:#fff;stroke-width:3px;stroke-linejoin:round}}.mk{{font-size:9px;font-weight:bold}}.note{{font-size:11px}}.asof{{font-size:11px;fill:#c00;font-weight:bold}}.num{{font-weight:bold}}</style><defs><pattern id="p-planned" width="8" height="8" patternUnits="userSpaceOnUse"><rect width="8" height="8" fill="#dbe8f6"/></pattern><pattern id="p-done" width="8" height="8" patternUnits="userSpaceOnUse"><rect width="8" height="8" fill="#3b8f3b"/></pattern><pattern id="p-delayed" width="7" height="7" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="7" height="7" fill="#fde0dc"/><rect width="2.5" height="7" fill="#c62828"/></pattern><pattern id="p-unreported" width="6" height="6" patternUnits="userSpaceOnUse"><rect width="6" height="6" fill="#fff"/><circle cx="3" cy="3" r="1.2" fill="#666"/></pattern></defs><rect width="{WIDTH}" height="{height}" fill="#fff"/>"##,
        escape(&one_line(heading, 200.0))
    );
    svg.push_str(&body);
    svg.push_str("</svg>\n");

    Computed::new(
        findings,
        Some(Chart {
            svg,
            rows,
            bars,
            shortened_titles: shortened,
            task_quarters,
        }),
    )
}

/// The label of a phase; empty for other phases, whose own wording is drawn instead.
fn phase_label(p: &Phase) -> &'static str {
    match p.kind() {
        PhaseKind::Other => "",
        k => k.label_ja(),
    }
}

/// Distinct initiatives (a 再掲 stands for the item it repeats) per task and quarter.
fn task_quarters(plan: &Plan, index: &PlanIndex<'_>) -> Vec<TaskQuarters> {
    TASKS
        .iter()
        .map(|t| {
            let mut per_q: [BTreeSet<usize>; 4] = Default::default();
            let mut all = BTreeSet::new();
            for (i, item) in plan.items.iter().enumerate() {
                if !item.tasks.iter().any(|x| x.0 == t.no) {
                    continue;
                }
                let initiative = index.initiative_of(i);
                all.insert(initiative);
                for e in &item.schedule {
                    if let Some(set) = per_q.get_mut(e.quarter.index()) {
                        set.insert(initiative);
                    }
                }
            }
            let [q1, q2, q3, q4] = per_q.map(|s| count(s.len()));
            TaskQuarters {
                task: t.no,
                name_ja: t.name_national_ja.to_owned(),
                q1,
                q2,
                q3,
                q4,
                total: count(all.len()),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_markup_and_controls() {
        assert_eq!(escape("<b>&\"'"), "&lt;b&gt;&amp;&quot;&#39;");
        assert_eq!(escape("]]>"), "]]&gt;");
        assert_eq!(
            escape("a\u{0}b\u{1b}c\u{85}"),
            "a\u{FFFD}b\u{FFFD}c\u{FFFD}"
        );
        assert_eq!(escape("x\ty\nz"), "x y z");
        assert_eq!(escape("\u{202E}abc\u{202C}\u{2067}d\u{2069}"), "abcd");
        assert_eq!(escape("\u{FFFF}"), "\u{FFFD}");
        assert_eq!(escape("小田原"), "小田原");
    }

    #[test]
    fn wrap_shortens_with_a_mark() {
        let (lines, cut) = wrap("あいうえおかきくけこ", 4.0, 2);
        assert_eq!(lines, vec!["あいうえ".to_owned(), "おかき…".to_owned()]);
        assert!(cut);
        let (lines, cut) = wrap("あいう", 4.0, 2);
        assert_eq!(lines, vec!["あいう".to_owned()]);
        assert!(!cut);
    }

    #[test]
    fn note_months() {
        assert_eq!(note_month("９月頃"), Some(9));
        assert_eq!(note_month("1月頃"), Some(1));
        assert_eq!(note_month("１２月"), Some(12));
        assert_eq!(note_month("13月"), None);
        assert_eq!(note_month("未定"), None);
    }
}
