//! 和暦 (Japanese era dates). Filled in below; operations `calendar.*`.

use crate::finding::Rule;
use crate::ops::Operation;
use serde::{Deserialize, Serialize};

/// 元号 / Japanese era.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Era {
    /// 昭和 / Shōwa, from 1926-12-25.
    Showa,
    /// 平成 / Heisei, from 1989-01-08.
    Heisei,
    /// 令和 / Reiwa, from 2019-05-01.
    Reiwa,
}

/// Every rule of the calendar module.
pub const RULES: &[Rule] = &[];

/// Calendar operations.
pub static OPS: &[Operation] = &[];
