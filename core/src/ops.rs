//! The operation table: every operation the library offers, declared once.
//!
//! An [`Operation`] is a pure function from one JSON input document to one JSON
//! [`Report`](crate::finding::Report). The C ABI (`ffi/`), the WASM build (`wasm/`) and the
//! schema generator (`schemas/`) loop over [`operations`]; a module adds an operation by
//! adding an entry to its own `OPS` slice with the [`operation!`](crate::operation!) macro
//! and listing the slice in [`GROUPS`]. This module is above the areas (it lists them);
//! the operation type itself is the ground module [`mod@crate::operation`].

use crate::input::Limits;
pub use crate::operation::*;

/// Every operation, grouped by module, in a fixed order.
///
/// Groups outside the browser form's set carry a `cfg(feature = "…-ops")` (features of
/// `kyoten-core`, all on by default through `all-ops`): the WASM form module is built
/// without them.
pub static GROUPS: &[&[Operation]] = &[
    crate::calendar::OPS,
    crate::tasks::OPS,
    #[cfg(feature = "plan-ops")]
    crate::plan::OPS,
    crate::summary::OPS,
    #[cfg(feature = "sheet-ops")]
    crate::sheet::OPS,
    #[cfg(feature = "fhir-ops")]
    crate::fhir::OPS,
    #[cfg(feature = "scores-ops")]
    crate::scores::OPS,
    #[cfg(feature = "shortstay-ops")]
    crate::shortstay::OPS,
    crate::staffing::OPS,
    #[cfg(feature = "stats-ops")]
    crate::stats::OPS,
    #[cfg(feature = "meetings-ops")]
    crate::meeting::OPS,
    #[cfg(feature = "upgrade-ops")]
    crate::upgrade::OPS,
    crate::catalogue::OPS,
];

/// The operation groups that a build can leave out, each with the `kyoten-core` feature
/// that carries it (of this build: a group left out is not listed). The schema generator
/// uses it to put the generated field titles and labels of types only these groups read
/// behind the same features (issue 19: the WASM form module's size).
pub static OPTIONAL_GROUPS: &[(&str, &[Operation])] = &[
    #[cfg(feature = "plan-ops")]
    ("plan-ops", crate::plan::OPS),
    #[cfg(feature = "sheet-ops")]
    ("sheet-ops", crate::sheet::OPS),
    #[cfg(feature = "fhir-ops")]
    ("fhir-ops", crate::fhir::OPS),
    #[cfg(feature = "scores-ops")]
    ("scores-ops", crate::scores::OPS),
    #[cfg(feature = "shortstay-ops")]
    ("shortstay-ops", crate::shortstay::OPS),
    #[cfg(feature = "stats-ops")]
    ("stats-ops", crate::stats::OPS),
    #[cfg(feature = "meetings-ops")]
    ("meetings-ops", crate::meeting::OPS),
    #[cfg(feature = "upgrade-ops")]
    ("upgrade-ops", crate::upgrade::OPS),
];

/// The feature that carries the operation `name`, or `None` if every build has it.
pub fn feature_of(name: &str) -> Option<&'static str> {
    OPTIONAL_GROUPS
        .iter()
        .find(|(_, ops)| ops.iter().any(|op| op.name == name))
        .map(|(feature, _)| *feature)
}

/// Every operation of the library.
pub fn operations() -> impl Iterator<Item = &'static Operation> {
    GROUPS.iter().flat_map(|g| g.iter())
}

/// The operation with this name.
pub fn find(name: &str) -> Option<&'static Operation> {
    operations().find(|op| op.name == name)
}

/// Runs the operation `name` on `bytes` with default limits; `None` if there is no such
/// operation.
pub fn run(name: &str, bytes: &[u8]) -> Option<Outcome> {
    find(name).map(|op| (op.run)(bytes, &Limits::default()))
}

/// Runs the operation `name` on `bytes` with the options of a run-options document
/// (`{"draft": true, "max_input_bytes": 1048576}`, see [`crate::run_options`]; empty means
/// the defaults); `None` if there is no such operation. Options that cannot be read give
/// a report of their own findings (`options.*`) and the document is not read.
pub fn run_with_options(name: &str, bytes: &[u8], options: &[u8]) -> Option<Outcome> {
    let op = find(name)?;
    Some(match crate::run_options::limits_of(options) {
        Ok(limits) => (op.run)(bytes, &limits),
        Err(findings) => crate::run_options::refused(op.name, findings),
    })
}
