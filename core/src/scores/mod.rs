//! 臨床スコア / Clinical scores (CLINICAL.md A–D): 超重症児スコア, 医療的ケア判定スコア,
//! 大島分類, and entitlement to 医療型短期入所.

pub mod medical_care;

use crate::finding::Rule;
use crate::ops::Operation;

/// Every rule of this module.
pub const RULES: &[Rule] = &[];

/// Operations of this module.
pub static OPS: &[Operation] = &[];
