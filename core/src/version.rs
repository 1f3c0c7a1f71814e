//! 文書の形式の版 / The kyoten document format version.
//!
//! Every top-level input document (every input type of the operation table) carries a
//! `version` field: the version of the kyoten document format it is written in.
//!
//! | version | format |
//! |---|---|
//! | 1 (or no `version`) | the format before child ids, municipality codes and consents |
//! | 2 ([`CURRENT`]) | `summary.child.id` is required; `municipality_code` and `consents` exist |
//!
//! A document without `version` is read as version 1. A version the library does not
//! know (0, or newer than [`CURRENT`]) is refused when the document is read
//! (`input.invalid_value` at `/version`). An older document is brought to the current
//! format by the `document.upgrade` operation ([`crate::upgrade`]), which reports every
//! change it made and every field a person must fill in.
//!
//! A top-level type adds the field with one line (and its doc comment):
//!
//! ```ignore
//! /// 文書の形式の版（省略時は 1） / Document format version (absent means 1).
//! #[serde(default, skip_serializing_if = "Option::is_none")]
//! pub version: Option<kyoten_core::version::FormatVersion>,
//! ```

use serde::{Deserialize, Deserializer, Serialize};

/// The current document format version (this library writes and expects it).
pub const CURRENT: u32 = 2;

/// The version a document without a `version` field is read as.
pub const UNVERSIONED: u32 = 1;

/// 文書の形式の版 / A kyoten document format version: an integer from 1 to [`CURRENT`].
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, crate::emit::Emit,
)]
#[serde(transparent)]
pub struct FormatVersion(u32);

impl FormatVersion {
    /// The current version.
    pub const CURRENT: FormatVersion = FormatVersion(CURRENT);

    /// The version `n`, if the library knows it (1 to [`CURRENT`]).
    pub const fn new(n: u32) -> Option<FormatVersion> {
        if n >= UNVERSIONED && n <= CURRENT {
            Some(FormatVersion(n))
        } else {
            None
        }
    }

    /// The number.
    pub const fn get(self) -> u32 {
        self.0
    }

    /// The version of a document whose `version` field is `v` (absent = 1).
    pub fn of(v: Option<FormatVersion>) -> u32 {
        v.map_or(UNVERSIONED, FormatVersion::get)
    }
}

impl<'de> Deserialize<'de> for FormatVersion {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        // A visitor (not `u64::deserialize` and a check after it), so that a refused
        // version is an error of the value itself and the reader reports it at `/version`.
        struct V;
        impl serde::de::Visitor<'_> for V {
            type Value = FormatVersion;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a kyoten document format version (1 or 2)")
            }
            fn visit_u64<E: serde::de::Error>(self, n: u64) -> Result<FormatVersion, E> {
                u32::try_from(n)
                    .ok()
                    .and_then(FormatVersion::new)
                    .ok_or_else(|| {
                        E::custom(format!(
                            "{}invalid_version",
                            crate::input::CUSTOM_ERROR_PREFIX
                        ))
                    })
            }
            fn visit_i64<E: serde::de::Error>(self, n: i64) -> Result<FormatVersion, E> {
                match u64::try_from(n) {
                    Ok(n) => self.visit_u64(n),
                    Err(_) => Err(E::invalid_value(serde::de::Unexpected::Signed(n), &self)),
                }
            }
        }
        d.deserialize_u64(V)
    }
}

impl crate::input::Recover for FormatVersion {
    fn read_into(
        n: crate::input::reader::Node<'_, '_>,
        out: &mut Option<Self>,
    ) -> Result<(), crate::input::reader::Error> {
        // A refused version is an error of the value itself, reported at `/version`.
        crate::input::reader::unsigned_of(&n, out, |v| {
            u32::try_from(v)
                .ok()
                .and_then(FormatVersion::new)
                .ok_or(crate::input::reader::Error::Other)
        })
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for FormatVersion {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "FormatVersion".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "文書の形式の版（1 又は 2、省略時は 1。現在の版は 2） / The kyoten document format version (1 or 2; absent means 1; the current version is 2).",
            "type": "integer",
            "minimum": UNVERSIONED,
            "maximum": CURRENT,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_versions_only() {
        assert_eq!(FormatVersion::new(0), None);
        assert_eq!(FormatVersion::new(1).map(FormatVersion::get), Some(1));
        assert_eq!(FormatVersion::new(2).map(FormatVersion::get), Some(2));
        assert_eq!(FormatVersion::new(3), None);
        assert_eq!(FormatVersion::of(None), 1);
        assert!(serde_json::from_str::<FormatVersion>("2").is_ok());
        assert!(serde_json::from_str::<FormatVersion>("3").is_err());
        assert!(serde_json::from_str::<FormatVersion>("0").is_err());
        assert!(serde_json::from_str::<FormatVersion>("\"2\"").is_err());
    }
}
