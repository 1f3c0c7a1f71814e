//! The offline QR code of the emergency sheet: payload format `KY1` (see
//! `docs/emergency-qr.md` in the repository).
//!
//! `KY1:` + Base45( zlib( compact JSON of [`QrEssentials`] ) ), in the QR code's
//! alphanumeric mode at error-correction level M, at most version [`MAX_VERSION`]. The
//! essentials are the emergency view's sections in a fixed priority ([`PRIORITY`]); when
//! they do not fit, items are dropped from the end of the lowest-priority part first, and
//! each part records how many of its items are not in the code (`omitted`).

use super::base45;
use crate::calendar::IsoDate;
use crate::summary::emergency::{EmergencySection, EmergencyView};
use crate::summary::{BloodType, Sex};
use serde::{Deserialize, Serialize};

/// The payload's prefix: format name and version.
pub const PREFIX: &str = "KY1:";
/// The format version written by this library.
pub const FORMAT: u32 = 1;
/// The largest QR version the sheet prints (at error-correction level M).
pub const MAX_VERSION: i16 = 25;
/// Characters a version-25 symbol at level M holds in alphanumeric mode (checked against
/// the `qrcode` crate by a test). Used to find how many items fit without encoding a symbol each time.
pub const ALPHANUMERIC_CAPACITY: usize = 1451;
/// Longest item text in the code, in characters (longer text is cut with "…").
pub const MAX_ITEM_CHARS: usize = 40;
/// Longest item of the actions and airway parts (device settings are not cut short).
pub const MAX_LONG_ITEM_CHARS: usize = 100;
/// Largest decompressed payload accepted by the reader, in bytes.
pub const MAX_INFLATED: usize = 64 * 1024;

/// The sections in the code, most important first (the child is always kept).
pub const PRIORITY: &[EmergencySection] = &[
    EmergencySection::Diagnoses,
    EmergencySection::Resuscitation,
    EmergencySection::Actions,
    EmergencySection::Airway,
    EmergencySection::Medications,
    EmergencySection::Allergies,
    EmergencySection::Contacts,
    EmergencySection::Care,
    EmergencySection::Baseline,
];

/// QRコードの内容 / What the sheet's QR code holds (format `KY1`).
#[derive(
    Debug, Clone, PartialEq, Serialize, Deserialize, crate::input::Recover, crate::emit::Emit,
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct QrEssentials {
    /// 形式の版 / Format version (1).
    #[serde(rename = "f")]
    pub format: u32,
    /// 作成の基準日 / The day the sheet was made for.
    #[serde(rename = "d")]
    pub as_of: IsoDate,
    /// 氏名（40文字まで） / Name (at most 40 characters).
    #[serde(rename = "n")]
    pub name: String,
    /// ふりがな（40文字まで） / Kana (at most 40 characters).
    #[serde(rename = "k")]
    pub kana: String,
    /// 性別 / Sex.
    #[serde(rename = "s")]
    pub sex: Sex,
    /// 生年月日 / Date of birth.
    #[serde(rename = "b")]
    pub date_of_birth: IsoDate,
    /// 体重 (kg) / Weight (kg).
    #[serde(rename = "w", default, skip_serializing_if = "Option::is_none")]
    pub weight_kg: Option<f64>,
    /// 血液型 / Blood type.
    #[serde(rename = "bt", default, skip_serializing_if = "Option::is_none")]
    pub blood_type: Option<BloodType>,
    /// 区分（優先順） / The parts, most important first.
    #[serde(rename = "p")]
    pub parts: Vec<QrPart>,
}

/// QRコードの一区分 / One part of the code.
#[derive(
    Debug, Clone, PartialEq, Eq, Serialize, Deserialize, crate::input::Recover, crate::emit::Emit,
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct QrPart {
    /// 区分 / Section of the emergency view.
    #[serde(rename = "s")]
    pub section: EmergencySection,
    /// 項目（短い日本語の文） / Items, short Japanese phrases.
    #[serde(rename = "i")]
    pub items: Vec<String>,
    /// 入っていない件数 / Items of this part not in the code (left out by the view or to fit).
    #[serde(rename = "o", default, skip_serializing_if = "is_zero")]
    pub omitted: u32,
}

fn is_zero(n: &u32) -> bool {
    *n == 0
}

fn cut(s: &str, max: usize) -> String {
    let s = s.trim();
    if s.chars().count() <= max {
        s.to_owned()
    } else {
        let mut out: String = s.chars().take(max.saturating_sub(1)).collect();
        out.push('…');
        out
    }
}

/// The essentials of `view`, before any are dropped to fit.
pub fn essentials(view: &EmergencyView) -> QrEssentials {
    let parts = PRIORITY
        .iter()
        .filter_map(|sec| view.sections.iter().find(|b| b.section == *sec))
        .map(|b| {
            let max = match b.section {
                EmergencySection::Airway | EmergencySection::Actions => MAX_LONG_ITEM_CHARS,
                _ => MAX_ITEM_CHARS,
            };
            QrPart {
                section: b.section,
                items: b.items.iter().map(|i| cut(i, max)).collect(),
                omitted: b.omitted,
            }
        })
        .collect();
    QrEssentials {
        format: FORMAT,
        as_of: view.as_of,
        name: cut(&view.child.name, MAX_ITEM_CHARS),
        kana: cut(&view.child.kana, MAX_ITEM_CHARS),
        sex: view.child.sex,
        date_of_birth: view.child.date_of_birth,
        weight_kg: view.child.weight_kg,
        blood_type: view.child.blood_type,
        parts,
    }
}

/// Serialises and packs essentials into payload text.
pub fn pack(e: &QrEssentials) -> String {
    let json = serde_json::to_vec(e).unwrap_or_default();
    let z = miniz_oxide::deflate::compress_to_vec_zlib(&json, 9);
    let mut out = String::from(PREFIX);
    out.push_str(&base45::encode(&z));
    out
}

/// A QR code made for the sheet.
#[derive(Debug)]
pub struct Made {
    /// The payload text.
    pub payload: String,
    /// The essentials in it (after dropping).
    pub essentials: QrEssentials,
    /// Items dropped to fit.
    pub dropped: u32,
    /// The symbol's version (1–25).
    pub version: u32,
    /// Modules per side.
    pub width: usize,
    /// The modules, row by row, `true` for dark.
    pub dark: Vec<bool>,
}

fn symbol(payload: &str) -> Option<(u32, qrcode::QrCode)> {
    let code =
        qrcode::QrCode::with_error_correction_level(payload.as_bytes(), qrcode::EcLevel::M).ok()?;
    match code.version() {
        qrcode::Version::Normal(v) if v <= MAX_VERSION => Some((u32::try_from(v).ok()?, code)),
        _ => None,
    }
}

/// `e` with its last `k` items dropped, lowest-priority part first, each drop counted in
/// its part's `omitted`.
fn without(e: &QrEssentials, k: usize) -> QrEssentials {
    let mut e = e.clone();
    let mut left = k;
    for part in e.parts.iter_mut().rev() {
        let n = left.min(part.items.len());
        part.items.truncate(part.items.len() - n);
        part.omitted = part
            .omitted
            .saturating_add(u32::try_from(n).unwrap_or(u32::MAX));
        left -= n;
    }
    e
}

fn made(e: QrEssentials, dropped: usize) -> Option<Made> {
    let payload = pack(&e);
    let (version, code) = symbol(&payload)?;
    Some(Made {
        payload,
        essentials: e,
        dropped: u32::try_from(dropped).unwrap_or(u32::MAX),
        version,
        width: code.width(),
        dark: code
            .to_colors()
            .iter()
            .map(|c| *c == qrcode::Color::Dark)
            .collect(),
    })
}

/// Makes the code: drops the fewest items (from the end of the lowest-priority part
/// first) for the payload to fit a version-25-M symbol, found by bisection. `None` only
/// when even the child alone does not fit.
pub fn make(view: &EmergencyView) -> Option<Made> {
    let full = essentials(view);
    if let Some(m) = made(full.clone(), 0) {
        return Some(m);
    }
    let total: usize = full.parts.iter().map(|p| p.items.len()).sum();
    // The fewest drops whose payload is within the capacity (a cheap length check), then
    // one symbol; should the symbol still not fit, the same search with real symbols.
    let short_enough = |k: usize| pack(&without(&full, k)).len() <= ALPHANUMERIC_CAPACITY;
    let k = fewest(total, short_enough);
    if let Some(m) = made(without(&full, k), k) {
        return Some(m);
    }
    let k = fewest(total, |k| symbol(&pack(&without(&full, k))).is_some());
    made(without(&full, k), k)
}

/// The smallest `k` in `1..=total` with `fits(k)` (bisection; `fits(0)` is known false),
/// or `total` when none fits.
fn fewest(total: usize, fits: impl Fn(usize) -> bool) -> usize {
    // Invariant: `lo` drops do not fit; `hi` drops fit (or hi = total).
    let (mut lo, mut hi) = (0usize, total);
    while hi.saturating_sub(lo) > 1 {
        let mid = lo + (hi - lo) / 2;
        if fits(mid) {
            hi = mid;
        } else {
            lo = mid;
        }
    }
    hi
}

/// The symbol as an inline SVG element (black modules on white, a 4-module quiet zone),
/// `size_mm` wide, one path, no script.
pub fn svg(made: &Made, size_mm: u32, label: &str) -> String {
    let w = made.width.max(1);
    let total = w + 8;
    let mut d = String::with_capacity(made.dark.len() * 4);
    for (i, dark) in made.dark.iter().enumerate() {
        if *dark {
            let (x, y) = (i % w + 4, i / w + 4);
            d.push_str(&format!("M{x} {y}h1v1h-1z"));
        }
    }
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"qr\" role=\"img\" aria-label=\"{label}\" \
         width=\"{size_mm}mm\" height=\"{size_mm}mm\" viewBox=\"0 0 {total} {total}\" \
         shape-rendering=\"crispEdges\"><rect width=\"{total}\" height=\"{total}\" fill=\"#fff\"/>\
         <path fill=\"#000\" d=\"{d}\"/></svg>"
    )
}

/// Why a payload could not be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReadError {
    /// It does not start with `KY`.
    Prefix,
    /// `KY<n>:` with a version this library does not know.
    Version,
    /// A character outside the QR alphanumeric set, at this position (0-based, after the prefix).
    Character(usize),
    /// Cut off (the text ends in the middle of the data).
    Truncated,
    /// The checksum does not match (a character was changed).
    Checksum,
    /// The content is not what format `KY1` holds.
    Contents,
}

/// Reads payload text as a 2D scanner typed it: surrounding line breaks and tabs are
/// ignored, lower case is read as upper case, and up to two trailing spaces that a form
/// may have trimmed are restored when the checksum confirms them.
pub fn read(text: &str) -> Result<QrEssentials, ReadError> {
    let t = text.trim_matches(|c: char| c == '\r' || c == '\n' || c == '\t' || c == '\u{feff}');
    let t = t.trim_start_matches(' ').to_uppercase();
    let Some(rest) = t.strip_prefix("KY") else {
        return Err(ReadError::Prefix);
    };
    let Some(body) = rest.strip_prefix("1:") else {
        let version: String = rest.chars().take_while(char::is_ascii_digit).collect();
        return Err(
            if !version.is_empty()
                && rest
                    .get(version.len()..)
                    .is_some_and(|r| r.starts_with(':'))
            {
                ReadError::Version
            } else {
                ReadError::Prefix
            },
        );
    };
    let mut first = None;
    for extra in ["", " ", "  "] {
        let candidate = format!("{body}{extra}");
        match inflate(&candidate) {
            Ok(bytes) => {
                return serde_json::from_slice::<QrEssentials>(&bytes)
                    .ok()
                    .filter(|e| e.format == FORMAT)
                    .ok_or(ReadError::Contents);
            }
            Err(e) => {
                if first.is_none() {
                    first = Some(e);
                }
                if matches!(e, ReadError::Character(_)) {
                    break;
                }
            }
        }
    }
    Err(first.unwrap_or(ReadError::Truncated))
}

fn inflate(body: &str) -> Result<Vec<u8>, ReadError> {
    let z = base45::decode(body).map_err(|e| match e {
        base45::DecodeError::Character(i) => ReadError::Character(i),
        base45::DecodeError::Length => ReadError::Truncated,
        base45::DecodeError::Value => ReadError::Checksum,
    })?;
    miniz_oxide::inflate::decompress_to_vec_zlib_with_limit(&z, MAX_INFLATED).map_err(|e| {
        match e.status {
            miniz_oxide::inflate::TINFLStatus::Adler32Mismatch
            | miniz_oxide::inflate::TINFLStatus::Failed => ReadError::Checksum,
            miniz_oxide::inflate::TINFLStatus::HasMoreOutput => ReadError::Contents,
            _ => ReadError::Truncated,
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn capacity_is_that_of_version_25_m_in_alphanumeric_mode() {
        let fits = "A".repeat(ALPHANUMERIC_CAPACITY);
        let over = "A".repeat(ALPHANUMERIC_CAPACITY + 1);
        let v25 = qrcode::Version::Normal(MAX_VERSION);
        assert!(qrcode::QrCode::with_version(fits.as_bytes(), v25, qrcode::EcLevel::M).is_ok());
        assert!(qrcode::QrCode::with_version(over.as_bytes(), v25, qrcode::EcLevel::M).is_err());
        // With the "KY1:" prefix and Base45 text the mode stays alphanumeric.
        let payload = format!("{PREFIX}{}", "%69 VD92EX0".repeat(100));
        let (version, _) = symbol(&payload).unwrap();
        assert!(version <= 25);
    }

    #[test]
    fn fewest_finds_the_smallest_fitting_count() {
        assert_eq!(fewest(10, |k| k >= 7), 7);
        assert_eq!(fewest(10, |k| k >= 1), 1);
        assert_eq!(fewest(10, |_| false), 10);
        assert_eq!(fewest(0, |_| true), 0);
    }
}
