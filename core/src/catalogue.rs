//! The catalogue of rules (above every area module): every rule of the library, for
//! documentation (`rules.list`, `docs/rules.md`) and for the tests that check codes.

use crate::finding::Rule;

/// Every rule of every module.
pub fn all_rules() -> impl Iterator<Item = &'static Rule> {
    [
        crate::finding::RULES,
        crate::input::RULES,
        crate::calendar::RULES,
        crate::care::RULES,
        crate::plan::RULES,
        crate::summary::RULES,
        crate::scores::RULES,
        crate::shortstay::RULES,
        crate::staffing::RULES,
    ]
    .into_iter()
    .flatten()
}
