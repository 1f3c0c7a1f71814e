//! Rendering the vacancy board as the ほたる board of [S-004] shows it: one line per
//! facility (facilities down), one column per day (days across), the day of the month as
//! the column heading, and ○ / △ / × per cell; ？ marks a day with no information or a
//! stale row (older than [`Policy::stale_after_days`](super::Policy::stale_after_days)).
//!
//! ```text
//! サービス事業名  電話番号  1  2  3  …
//! ゆき雪(多床室)  25-2881  △  △  △  …
//! ```

use super::evaluate::Context;
use super::rules::*;
use super::{Board, Facility, HARD_MAX_NIGHTS, Policy, Vacancy};
use crate::calendar::IsoDate;
use crate::finding::Path;
use crate::operation::Computed;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// 空き情報の表示 / Input of `shortstay.board`.
#[derive(
    Debug, Clone, PartialEq, Eq, Serialize, Deserialize, crate::input::Recover, crate::emit::Emit,
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ShortstayBoardQuery {
    /// JSON Schema の URL（任意） / URL of this document's JSON Schema (optional).
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    /// 文書の形式の版（省略時は 1） / Document format version (absent means 1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<crate::version::FormatVersion>,
    /// 基準日 / The day the board is shown ("today"), for freshness.
    pub as_of: IsoDate,
    /// 方針 / Policy (every field has a default).
    #[serde(default)]
    pub policy: Policy,
    /// 施設一覧 / The facility directory (names and phone numbers).
    pub facilities: Vec<Facility>,
    /// 空き情報 / The vacancy board.
    pub board: Board,
    /// 表示の開始日（任意） / First day shown; absent = the earliest start of a fresh row, or `as_of` when there is none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<IsoDate>,
    /// 表示日数（任意） / Days shown, 1–366; absent = up to the last marked day of a fresh row (at most 31).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(range(min = 1, max = 366)))]
    pub days: Option<u32>,
}

/// 表の一行 / One row of the rendered board.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, crate::emit::Emit)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct BoardLine {
    /// 施設ID / Facility id.
    pub facility_id: String,
    /// 名称 / Name from the directory (absent when the facility is not in it).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// 電話番号 / Phone number from the directory.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// 最終更新日 / Date the row was last updated.
    pub updated_on: IsoDate,
    /// 古い / The row is stale: every mark shows as unknown.
    pub stale: bool,
    /// 空き状況（日付ごと、実効値） / Effective mark per shown date (stale → unknown).
    pub marks: Vec<Vacancy>,
}

/// 空き情報の表 / Result of `shortstay.board`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, crate::emit::Emit)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct BoardView {
    /// 表題 / Title.
    pub title: String,
    /// 表示する日付 / The dates shown, left to right.
    pub dates: Vec<IsoDate>,
    /// 行（空き情報の順） / Rows, in board order (facilities down).
    pub rows: Vec<BoardLine>,
    /// 表のテキスト（タブ区切り、1行目は見出し） / The board as tab-separated text lines, heading first, as [S-004] shows it.
    pub lines: Vec<String>,
}

/// Renders the board. Pure; never panics.
pub fn render_board(input: &ShortstayBoardQuery) -> Computed<BoardView> {
    let mut findings = Vec::new();
    let ctx = Context::new(
        &input.facilities,
        &input.board,
        input.policy,
        input.as_of,
        &mut findings,
    );
    let rows = &input.board.rows;
    let fresh = |j: &usize| !ctx.stale.get(*j).copied().unwrap_or(true);
    let from = input
        .from
        .or_else(|| {
            (0..rows.len())
                .filter(fresh)
                .filter_map(|j| rows.get(j).map(|r| r.start))
                .min()
        })
        .unwrap_or(input.as_of);
    let days = match input.days {
        Some(d) if (1..=HARD_MAX_NIGHTS).contains(&d) => d,
        Some(d) => {
            findings.push(
                BOARD_DAYS_OUT_OF_RANGE
                    .at(Path::root().key("days"))
                    .with("days", d),
            );
            return Computed::new(findings, None);
        }
        None => {
            let end = (0..rows.len())
                .filter(fresh)
                .filter_map(|j| rows.get(j))
                .filter_map(|r| {
                    let len = i64::try_from(r.marks.len()).ok()?;
                    Some(
                        r.start
                            .days_until(from)
                            .saturating_neg()
                            .saturating_add(len),
                    )
                })
                .max()
                .unwrap_or(1);
            u32::try_from(end.clamp(1, 31)).unwrap_or(1)
        }
    };
    let mut dates = Vec::new();
    let mut d = Some(from);
    while let Some(date) = d.filter(|_| dates.len() < usize::try_from(days).unwrap_or(0)) {
        dates.push(date);
        d = date.next();
    }
    let by_id: HashMap<&str, &Facility> = input
        .facilities
        .iter()
        .rev()
        .map(|f| (f.id.as_str(), f))
        .collect();
    let mut heading = String::from("サービス事業名\t電話番号");
    for date in &dates {
        heading.push('\t');
        heading.push_str(&date.day().to_string());
    }
    let mut lines = vec![heading];
    let mut out_rows = Vec::with_capacity(rows.len());
    for (j, row) in rows.iter().enumerate() {
        let f = by_id.get(row.facility_id.as_str()).copied();
        let marks: Vec<Vacancy> = dates.iter().map(|date| ctx.mark(j, *date).0).collect();
        let mut line = String::new();
        line.push_str(f.map_or(row.facility_id.as_str(), |f| f.name.as_str()));
        line.push('\t');
        line.push_str(f.and_then(|f| f.phone.as_deref()).unwrap_or(""));
        for m in &marks {
            line.push('\t');
            line.push_str(m.symbol());
        }
        lines.push(line);
        out_rows.push(BoardLine {
            facility_id: row.facility_id.clone(),
            name: f.map(|f| f.name.clone()),
            phone: f.and_then(|f| f.phone.clone()),
            updated_on: row.updated_on,
            stale: ctx.stale.get(j).copied().unwrap_or(false),
            marks,
        });
    }
    Computed::new(
        findings,
        Some(BoardView {
            title: input
                .board
                .title
                .clone()
                .unwrap_or_else(|| "ショートステイ空き情報".to_owned()),
            dates,
            rows: out_rows,
            lines,
        }),
    )
}
