//! Placeholder: filled by its own issue.

use crate::finding::Rule;
use crate::ops::Operation;

/// Every rule of this module.
pub const RULES: &[Rule] = &[];

/// Operations of this module.
pub static OPS: &[Operation] = &[];
