//! 和暦 (Japanese era dates) and the calendar operations.
//!
//! Eras ([L-ERA], `docs/sources.md`): 昭和 from 1926-12-25, 平成 from 1989-01-08,
//! 令和 from 2019-05-01.
//! The first year of an era is written 元年 (1年 is read too). Digits may be half- or
//! full-width. A fiscal year (年度) is read when the era was in force on some day of it,
//! so FY2019 is both 平成31年度 and 令和元年度; it is written with the era in force on
//! 31 December of its first calendar year (令和元年度, 平成元年度, 昭和63年度).
//!
//! Accepted forms: `平成28年12月19日`, `平成元年1月8日`, `Ｈ２８．１２．１９`, `H28.12.19`,
//! `R1/5/1`, `平成29年度`, `令和元年度`, `2017年度`, and ISO `2016-12-19`.

use super::{IsoDate, Quarter, age_on, fiscal_year_of, reaches_age_at_end_of, school_entry_year};
use crate::finding::{Finding, Path, Rule, Severity};
use crate::ops::{Computed, Operation};
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

/// Eras with their first day, newest last.
const ERAS: [(Era, i32, u8, u8); 3] = [
    (Era::Showa, 1926, 12, 25),
    (Era::Heisei, 1989, 1, 8),
    (Era::Reiwa, 2019, 5, 1),
];

impl Era {
    /// 漢字表記 / The era's name in kanji.
    pub const fn label_ja(self) -> &'static str {
        match self {
            Era::Showa => "昭和",
            Era::Heisei => "平成",
            Era::Reiwa => "令和",
        }
    }
    /// Romanised initial (S, H, R).
    pub const fn initial(self) -> char {
        match self {
            Era::Showa => 'S',
            Era::Heisei => 'H',
            Era::Reiwa => 'R',
        }
    }
    /// First day of the era.
    pub fn start(self) -> Option<IsoDate> {
        ERAS.iter()
            .find(|e| e.0 == self)
            .and_then(|&(_, y, m, d)| IsoDate::from_ymd(y, m, d))
    }
    /// Last day of the era, `None` for the current era.
    pub fn end(self) -> Option<IsoDate> {
        let next = match self {
            Era::Showa => Era::Heisei,
            Era::Heisei => Era::Reiwa,
            Era::Reiwa => return None,
        };
        next.start()?.add_days(-1)
    }
    /// The era in force on `date`, if any (none before 1926-12-25).
    pub fn of(date: IsoDate) -> Option<Era> {
        ERAS.iter()
            .rev()
            .find(|&&(_, y, m, d)| IsoDate::from_ymd(y, m, d).is_some_and(|s| s <= date))
            .map(|e| e.0)
    }
    /// Gregorian year of era year `n` (1 = 元年).
    pub fn gregorian_year(self, n: u32) -> Option<i32> {
        let start = self.start()?.year();
        start.checked_add(i32::try_from(n).ok()?)?.checked_sub(1)
    }
    fn from_name(name: &str) -> Option<Era> {
        match name {
            "昭和" | "S" | "s" | "Ｓ" | "ｓ" | "㍼" => Some(Era::Showa),
            "平成" | "H" | "h" | "Ｈ" | "ｈ" | "㍻" => Some(Era::Heisei),
            "令和" | "R" | "r" | "Ｒ" | "ｒ" | "㋿" => Some(Era::Reiwa),
            _ => None,
        }
    }
}

/// `calendar.wareki.unreadable`
pub const UNREADABLE: Rule = Rule {
    code: "calendar.wareki.unreadable",
    severity: Severity::Error,
    ja: "日付または年度として読めません（例: 平成28年12月19日、令和元年度、2016-12-19）",
    en: "Not readable as a date or fiscal year (e.g. 平成28年12月19日, 令和元年度, 2016-12-19)",
};
/// `calendar.wareki.unknown_era`
pub const UNKNOWN_ERA: Rule = Rule {
    code: "calendar.wareki.unknown_era",
    severity: Severity::Error,
    ja: "対応していない元号です（昭和・平成・令和のみ）",
    en: "Unsupported era (only 昭和, 平成 and 令和)",
};
/// `calendar.wareki.outside_era`
pub const OUTSIDE_ERA: Rule = Rule {
    code: "calendar.wareki.outside_era",
    severity: Severity::Error,
    ja: "その元号の期間外の日付です",
    en: "The date lies outside that era",
};
/// `calendar.wareki.impossible_date`
pub const IMPOSSIBLE_DATE: Rule = Rule {
    code: "calendar.wareki.impossible_date",
    severity: Severity::Error,
    ja: "存在しない日付です",
    en: "No such date",
};
/// `calendar.age.before_birth`
pub const BEFORE_BIRTH: Rule = Rule {
    code: "calendar.age.before_birth",
    severity: Severity::Error,
    ja: "基準日が生年月日より前です",
    en: "The reference date is before the date of birth",
};

/// Every rule of the calendar module.
pub const RULES: &[Rule] = &[
    UNREADABLE,
    UNKNOWN_ERA,
    OUTSIDE_ERA,
    IMPOSSIBLE_DATE,
    BEFORE_BIRTH,
];

/// What a text read as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Parsed {
    /// A day.
    Date(IsoDate),
    /// A fiscal year (named by the calendar year it starts in).
    FiscalYear(i32),
}

/// Why a text could not be read; each maps to one rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WarekiError {
    /// Not a recognisable form.
    Unreadable,
    /// An era name kyoten does not know (e.g. 大正).
    UnknownEra,
    /// A real era, but the date or fiscal year lies outside it (平成32年, 令和元年4月30日).
    OutsideEra(Era),
    /// A month/day that does not exist (2月30日).
    ImpossibleDate,
}

impl WarekiError {
    /// The rule this error reports.
    pub fn rule(self) -> &'static Rule {
        match self {
            WarekiError::Unreadable => &UNREADABLE,
            WarekiError::UnknownEra => &UNKNOWN_ERA,
            WarekiError::OutsideEra(_) => &OUTSIDE_ERA,
            WarekiError::ImpossibleDate => &IMPOSSIBLE_DATE,
        }
    }
    /// A finding at `path` (no input text is echoed).
    pub fn finding(self, path: impl Into<String>) -> Finding {
        match self {
            WarekiError::OutsideEra(era) => {
                let (s, e) = (era.start(), era.end());
                let range = match (s, e) {
                    (Some(s), Some(e)) => format!("{s}〜{e}"),
                    (Some(s), None) => format!("{s}〜"),
                    _ => String::new(),
                };
                OUTSIDE_ERA.detail(
                    path,
                    format!("{}は {range}", era.label_ja()),
                    format!("{} runs {range}", era.label_ja()),
                )
            }
            other => other.rule().at(path),
        }
    }
}

/// Half-width copy: full-width digits and ASCII-range forms become ASCII; spaces removed.
fn normalise(s: &str) -> String {
    s.chars()
        .filter_map(|c| {
            let c = match c {
                '\u{FF01}'..='\u{FF5E}' => char::from_u32(u32::from(c) - 0xFEE0).unwrap_or(c),
                c => c,
            };
            if c.is_whitespace() || c == '\u{3000}' {
                None
            } else {
                Some(c)
            }
        })
        .collect()
}

/// Splits a leading number off `s`.
fn number(s: &str) -> Option<(u32, &str)> {
    let end = s.find(|c: char| !c.is_ascii_digit()).unwrap_or(s.len());
    if end == 0 || end > 6 {
        return None;
    }
    let n = s.get(..end)?.parse().ok()?;
    Some((n, s.get(end..)?))
}

/// The era year: 元 or a number.
fn era_year(s: &str) -> Option<(u32, &str)> {
    match s.strip_prefix('元') {
        Some(rest) => Some((1, rest)),
        None => number(s),
    }
}

/// Reads a date or a fiscal year written in 和暦, as `YYYY年度`, or as ISO `YYYY-MM-DD`.
pub fn parse(text: &str) -> Result<Parsed, WarekiError> {
    let s = normalise(text);
    if let Some(d) = IsoDate::parse(&s) {
        return Ok(Parsed::Date(d));
    }
    // Western fiscal year: 2017年度.
    if let Some((y, rest)) = number(&s) {
        if rest == "年度" {
            return if (1..=9998).contains(&y) {
                i32::try_from(y)
                    .map(Parsed::FiscalYear)
                    .map_err(|_| WarekiError::Unreadable)
            } else {
                Err(WarekiError::Unreadable)
            };
        }
        return Err(WarekiError::Unreadable);
    }
    // Era name: two kanji, one letter, or one ligature.
    let (era_name, rest) = split_era(&s).ok_or(WarekiError::Unreadable)?;
    let (n, rest) = era_year(rest).ok_or(WarekiError::Unreadable)?;
    let era = Era::from_name(era_name).ok_or(WarekiError::UnknownEra)?;
    if n == 0 {
        return Err(WarekiError::OutsideEra(era));
    }
    let year = era.gregorian_year(n).ok_or(WarekiError::OutsideEra(era))?;
    if rest == "年度" {
        return fiscal_in_era(era, year).map(Parsed::FiscalYear);
    }
    let (m, d) = month_day(rest).ok_or(WarekiError::Unreadable)?;
    let month = u8::try_from(m).map_err(|_| WarekiError::ImpossibleDate)?;
    let day = u8::try_from(d).map_err(|_| WarekiError::ImpossibleDate)?;
    let date = IsoDate::from_ymd(year, month, day).ok_or(WarekiError::ImpossibleDate)?;
    let after_start = era.start().is_some_and(|st| st <= date);
    let before_end = era.end().is_none_or(|e| date <= e);
    if after_start && before_end {
        Ok(Parsed::Date(date))
    } else {
        Err(WarekiError::OutsideEra(era))
    }
}

/// A fiscal year named in `era` is valid if the era was in force on some day of it.
fn fiscal_in_era(era: Era, fy: i32) -> Result<i32, WarekiError> {
    let start = super::fiscal_year_start(fy).ok_or(WarekiError::OutsideEra(era))?;
    let end = super::fiscal_year_end(fy).ok_or(WarekiError::OutsideEra(era))?;
    let era_start = era.start().ok_or(WarekiError::OutsideEra(era))?;
    let overlaps = era_start <= end && era.end().is_none_or(|e| e >= start);
    if overlaps {
        Ok(fy)
    } else {
        Err(WarekiError::OutsideEra(era))
    }
}

fn split_era(s: &str) -> Option<(&str, &str)> {
    let mut chars = s.char_indices();
    let (_, first) = chars.next()?;
    if first.is_ascii_alphabetic() || matches!(first, '㍼' | '㍻' | '㋿') {
        let at = first.len_utf8();
        return Some((s.get(..at)?, s.get(at..)?));
    }
    // Kanji era names are two characters (明治, 大正, 昭和, 平成, 令和).
    let (second_at, second) = chars.next()?;
    let at = second_at + second.len_utf8();
    Some((s.get(..at)?, s.get(at..)?))
}

/// `年M月D日` or `.M.D` / `/M/D` / `-M-D`.
fn month_day(rest: &str) -> Option<(u32, u32)> {
    if let Some(r) = rest.strip_prefix('年') {
        let (m, r) = number(r)?;
        let r = r.strip_prefix('月')?;
        let (d, r) = number(r)?;
        let r = r.strip_prefix('日')?;
        return r.is_empty().then_some((m, d));
    }
    let sep = rest.chars().next()?;
    if !matches!(sep, '.' | '/' | '-') {
        return None;
    }
    let r = rest.get(sep.len_utf8()..)?;
    let (m, r) = number(r)?;
    let r = r.strip_prefix(sep)?;
    let (d, r) = number(r)?;
    r.is_empty().then_some((m, d))
}

/// Writes a date in 和暦 with kanji era and 元年: `令和元年5月1日`. `None` before 昭和.
pub fn format_date(date: IsoDate) -> Option<String> {
    let era = Era::of(date)?;
    let n = date.year() - era.start()?.year() + 1;
    Some(format!(
        "{}{}年{}月{}日",
        era.label_ja(),
        year_label(n),
        date.month(),
        date.day()
    ))
}

/// Writes a fiscal year in 和暦: the era in force on 31 December of its first year
/// (FY2019 → 令和元年度, FY1989 → 平成元年度, FY1988 → 昭和63年度).
pub fn format_fiscal_year(fy: i32) -> Option<String> {
    let dec31 = IsoDate::from_ymd(fy, 12, 31)?;
    let era = Era::of(dec31)?;
    let n = fy - era.start()?.year() + 1;
    Some(format!("{}{}年度", era.label_ja(), year_label(n)))
}

fn year_label(n: i32) -> String {
    if n == 1 {
        "元".to_owned()
    } else {
        n.to_string()
    }
}

// ---------------------------------------------------------------------------------------
// Operations

/// Input of `calendar.convert`: texts to read as dates or fiscal years.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ConvertRequest {
    /// JSON Schema の URL（任意） / URL of this document's JSON Schema (optional).
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    /// 文書の形式の版（省略時は 1） / Document format version (absent means 1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<crate::version::FormatVersion>,
    /// 変換する文字列 / Texts to convert: 和暦 or ISO dates, 和暦 or western fiscal years.
    pub values: Vec<String>,
}

/// 変換結果の種類 / What a text was read as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ConversionKind {
    /// 日付 / A date.
    Date,
    /// 年度 / A fiscal year.
    FiscalYear,
    /// 読めない / Not readable (see the findings).
    Invalid,
}

/// 一件の変換結果 / One converted text, in input order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Conversion {
    /// 種類 / What the text was read as.
    pub kind: ConversionKind,
    /// 西暦の日付 / The date (for dates).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<IsoDate>,
    /// 年度（西暦、開始年） / The fiscal year, named by the calendar year it starts in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fiscal_year: Option<i32>,
    /// 四半期 / The fiscal quarter (for dates).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quarter: Option<Quarter>,
    /// 和暦表記 / The 和暦 form (令和元年5月1日, 令和元年度).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wareki: Option<String>,
}

/// Result of `calendar.convert`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ConvertResult {
    /// 変換結果（入力と同じ順） / One conversion per input text, in the same order.
    pub values: Vec<Conversion>,
}

/// Converts one text.
pub fn convert_one(text: &str) -> Result<Conversion, WarekiError> {
    Ok(match parse(text)? {
        Parsed::Date(d) => Conversion {
            kind: ConversionKind::Date,
            date: Some(d),
            fiscal_year: Some(fiscal_year_of(d)),
            quarter: Some(d.quarter()),
            wareki: format_date(d),
        },
        Parsed::FiscalYear(fy) => Conversion {
            kind: ConversionKind::FiscalYear,
            date: None,
            fiscal_year: Some(fy),
            quarter: None,
            wareki: format_fiscal_year(fy),
        },
    })
}

fn convert(req: ConvertRequest) -> Computed<ConvertResult> {
    let mut findings = Vec::new();
    let base = Path::root().key("values");
    let values = req
        .values
        .iter()
        .enumerate()
        .map(|(i, text)| {
            convert_one(text).unwrap_or_else(|e| {
                findings.push(e.finding(base.index(i)));
                Conversion {
                    kind: ConversionKind::Invalid,
                    date: None,
                    fiscal_year: None,
                    quarter: None,
                    wareki: None,
                }
            })
        })
        .collect();
    Computed::new(findings, Some(ConvertResult { values }))
}

/// Input of `calendar.age`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct AgeRequest {
    /// JSON Schema の URL（任意） / URL of this document's JSON Schema (optional).
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    /// 文書の形式の版（省略時は 1） / Document format version (absent means 1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<crate::version::FormatVersion>,
    /// 生年月日 / Date of birth.
    pub birth_date: IsoDate,
    /// 基準日 / The reference date ("today").
    pub as_of: IsoDate,
}

/// Result of `calendar.age`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct AgeResult {
    /// 満年齢 / Age in whole years on `as_of` (年齢計算ニ関スル法律).
    pub age: u32,
    /// 基準日の年度 / Fiscal year of `as_of`.
    pub fiscal_year: i32,
    /// 基準日の年度（和暦） / Fiscal year of `as_of` in 和暦.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fiscal_year_wareki: Option<String>,
    /// 生年月日（和暦） / Date of birth in 和暦.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub birth_date_wareki: Option<String>,
    /// 6歳に達する日（その日の終わり） / The day at whose end the child reaches 6.
    pub reaches_six: IsoDate,
    /// 小学校入学日 / Elementary school entry (1 April).
    pub school_entry: IsoDate,
    /// 中学校（中学部）入学日 / Junior high entry (1 April).
    pub junior_high_entry: IsoDate,
    /// 高等学校（高等部）入学日 / High school (department) entry (1 April).
    pub high_school_entry: IsoDate,
    /// 20歳に達する日（その日の終わり） / The day at whose end the person reaches 20.
    pub reaches_twenty: IsoDate,
}

/// Computes `calendar.age`; `Err` if `as_of` is before birth or dates overflow.
pub fn age_facts(birth: IsoDate, as_of: IsoDate) -> Option<AgeResult> {
    let entry = school_entry_year(birth)?;
    Some(AgeResult {
        age: age_on(birth, as_of)?,
        fiscal_year: fiscal_year_of(as_of),
        fiscal_year_wareki: format_fiscal_year(fiscal_year_of(as_of)),
        birth_date_wareki: format_date(birth),
        reaches_six: reaches_age_at_end_of(birth, 6)?,
        school_entry: IsoDate::from_ymd(entry, 4, 1)?,
        junior_high_entry: IsoDate::from_ymd(entry.checked_add(6)?, 4, 1)?,
        high_school_entry: IsoDate::from_ymd(entry.checked_add(9)?, 4, 1)?,
        reaches_twenty: reaches_age_at_end_of(birth, 20)?,
    })
}

fn age(req: AgeRequest) -> Computed<AgeResult> {
    if req.as_of < req.birth_date {
        return Computed::new(vec![BEFORE_BIRTH.at(Path::root().key("as_of"))], None);
    }
    match age_facts(req.birth_date, req.as_of) {
        Some(r) => Computed::new(Vec::new(), Some(r)),
        None => Computed::new(
            vec![OUTSIDE_ERA.detail(
                Path::root().key("birth_date"),
                "9999年を超えます",
                "beyond year 9999",
            )],
            None,
        ),
    }
}

/// Calendar operations.
pub static OPS: &[Operation] = &[
    crate::operation!(
        "calendar.convert",
        "和暦・西暦の日付と年度を相互に変換する",
        "Convert dates and fiscal years between 和暦 and the western calendar",
        ConvertRequest => ConvertResult,
        convert
    ),
    crate::operation!(
        "calendar.age",
        "満年齢、年度、就学年などを計算する",
        "Compute age, fiscal year and school-entry dates from a date of birth",
        AgeRequest => AgeResult,
        age
    ),
];

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> IsoDate {
        IsoDate::parse(s).unwrap()
    }
    fn date(s: &str) -> Result<IsoDate, WarekiError> {
        match parse(s)? {
            Parsed::Date(d) => Ok(d),
            Parsed::FiscalYear(_) => Err(WarekiError::Unreadable),
        }
    }
    fn fy(s: &str) -> Result<i32, WarekiError> {
        match parse(s)? {
            Parsed::FiscalYear(y) => Ok(y),
            Parsed::Date(_) => Err(WarekiError::Unreadable),
        }
    }

    #[test]
    fn seed_dates() {
        assert_eq!(date("平成28年12月19日"), Ok(d("2016-12-19")));
        assert_eq!(date("平成２８年１２月１９日"), Ok(d("2016-12-19")));
        assert_eq!(date(" H28.12.19 "), Ok(d("2016-12-19")));
        assert_eq!(date("Ｈ２８．１２．１９"), Ok(d("2016-12-19")));
        assert_eq!(fy("平成29年度"), Ok(2017));
        assert_eq!(fy("２０１７年度"), Ok(2017));
    }

    #[test]
    fn era_boundaries() {
        assert_eq!(date("昭和64年1月7日"), Ok(d("1989-01-07")));
        assert_eq!(
            date("昭和64年1月8日"),
            Err(WarekiError::OutsideEra(Era::Showa))
        );
        assert_eq!(date("平成元年1月8日"), Ok(d("1989-01-08")));
        assert_eq!(date("平成1年1月8日"), Ok(d("1989-01-08")));
        assert_eq!(
            date("平成元年1月7日"),
            Err(WarekiError::OutsideEra(Era::Heisei))
        );
        assert_eq!(date("平成31年4月30日"), Ok(d("2019-04-30")));
        assert_eq!(
            date("平成31年5月1日"),
            Err(WarekiError::OutsideEra(Era::Heisei))
        );
        assert_eq!(date("令和元年5月1日"), Ok(d("2019-05-01")));
        assert_eq!(
            date("令和元年4月30日"),
            Err(WarekiError::OutsideEra(Era::Reiwa))
        );
        assert_eq!(
            date("平成32年1月1日"),
            Err(WarekiError::OutsideEra(Era::Heisei))
        );
        assert_eq!(
            date("平成0年1月1日"),
            Err(WarekiError::OutsideEra(Era::Heisei))
        );
        assert_eq!(date("昭和元年12月25日"), Ok(d("1926-12-25")));
        assert_eq!(
            date("昭和元年12月24日"),
            Err(WarekiError::OutsideEra(Era::Showa))
        );
        assert_eq!(
            format_date(d("1989-01-07")).as_deref(),
            Some("昭和64年1月7日")
        );
        assert_eq!(
            format_date(d("1989-01-08")).as_deref(),
            Some("平成元年1月8日")
        );
        assert_eq!(
            format_date(d("2019-04-30")).as_deref(),
            Some("平成31年4月30日")
        );
        assert_eq!(
            format_date(d("2019-05-01")).as_deref(),
            Some("令和元年5月1日")
        );
        assert_eq!(format_date(d("1926-12-24")), None);
    }

    #[test]
    fn fiscal_year_names() {
        assert_eq!(fy("令和元年度"), Ok(2019));
        assert_eq!(fy("平成31年度"), Ok(2019));
        assert_eq!(fy("令和1年度"), Ok(2019));
        assert_eq!(fy("平成32年度"), Err(WarekiError::OutsideEra(Era::Heisei)));
        assert_eq!(fy("昭和63年度"), Ok(1988));
        assert_eq!(fy("昭和64年度"), Err(WarekiError::OutsideEra(Era::Showa)));
        assert_eq!(fy("平成元年度"), Ok(1989));
        assert_eq!(format_fiscal_year(2019).as_deref(), Some("令和元年度"));
        assert_eq!(format_fiscal_year(2018).as_deref(), Some("平成30年度"));
        assert_eq!(format_fiscal_year(2017).as_deref(), Some("平成29年度"));
        assert_eq!(format_fiscal_year(1989).as_deref(), Some("平成元年度"));
        assert_eq!(format_fiscal_year(1988).as_deref(), Some("昭和63年度"));
    }

    #[test]
    fn impossible_and_unreadable() {
        assert_eq!(date("平成28年2月30日"), Err(WarekiError::ImpossibleDate));
        assert_eq!(date("平成28年13月1日"), Err(WarekiError::ImpossibleDate));
        assert_eq!(
            date("平成99年1月1日"),
            Err(WarekiError::OutsideEra(Era::Heisei))
        );
        assert_eq!(date("大正5年1月1日"), Err(WarekiError::UnknownEra));
        assert_eq!(date("X5.1.1"), Err(WarekiError::UnknownEra));
        assert_eq!(parse(""), Err(WarekiError::Unreadable));
        assert_eq!(parse("平成"), Err(WarekiError::Unreadable));
        assert_eq!(parse("平成28年12月"), Err(WarekiError::Unreadable));
        assert_eq!(parse("平成28年12月19日です"), Err(WarekiError::Unreadable));
        assert_eq!(parse("2016年"), Err(WarekiError::Unreadable));
        assert_eq!(parse("2024-02-30"), Err(WarekiError::Unreadable));
        assert_eq!(parse("H28.12/19"), Err(WarekiError::Unreadable));
        assert_eq!(parse("平成9999999年度"), Err(WarekiError::Unreadable));
    }

    #[test]
    fn convert_operation_points_at_each_value() {
        let out = crate::ops::run(
            "calendar.convert",
            "{\"values\":[\"平成28年12月19日\",\"平成32年1月1日\",\"令和元年度\",\"秘密\"]}"
                .as_bytes(),
        )
        .unwrap();
        assert!(!out.valid);
        let v: serde_json::Value = serde_json::from_str(&out.json).unwrap();
        let f = v["findings"].as_array().unwrap();
        assert_eq!(f.len(), 2);
        assert_eq!(f[0]["path"], "/values/1");
        assert_eq!(f[0]["code"], "calendar.wareki.outside_era");
        assert_eq!(f[1]["path"], "/values/3");
        assert_eq!(f[1]["code"], "calendar.wareki.unreadable");
        assert!(!out.json.contains("秘密"));
        let r = &v["result"]["values"];
        assert_eq!(r[0]["date"], "2016-12-19");
        assert_eq!(r[0]["fiscal_year"], 2016);
        assert_eq!(r[0]["quarter"], "q3");
        assert_eq!(r[2]["kind"], "fiscal_year");
        assert_eq!(r[2]["fiscal_year"], 2019);
        assert_eq!(r[3]["kind"], "invalid");
    }

    #[test]
    fn age_operation() {
        let out = crate::ops::run(
            "calendar.age",
            br#"{"birth_date":"2020-04-01","as_of":"2026-04-01"}"#,
        )
        .unwrap();
        let v: serde_json::Value = serde_json::from_str(&out.json).unwrap();
        assert_eq!(v["result"]["age"], 6);
        assert_eq!(v["result"]["school_entry"], "2026-04-01");
        assert_eq!(v["result"]["junior_high_entry"], "2032-04-01");
        assert_eq!(v["result"]["high_school_entry"], "2035-04-01");
        assert_eq!(v["result"]["birth_date_wareki"], "令和2年4月1日");
        let out = crate::ops::run(
            "calendar.age",
            br#"{"birth_date":"2020-04-02","as_of":"2020-04-01"}"#,
        )
        .unwrap();
        assert!(!out.valid);
        assert!(out.json.contains("calendar.age.before_birth"));
        let out = crate::ops::run(
            "calendar.age",
            br#"{"birth_date":"2020-02-30","as_of":"2020-04-01"}"#,
        )
        .unwrap();
        assert!(out.json.contains("\"input.invalid_date\"") && out.json.contains("/birth_date"));
    }
}
