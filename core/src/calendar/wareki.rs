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
//! `R1/5/1`, `平成29年度`, `令和元年度`, `2017年度`, `2016年12月19日`, and ISO `2016-12-19`.
//! Spaces anywhere are ignored (`平成 28年 12月 19日`); a weekday in half- or full-width
//! parentheses may follow a date (`（月）`, `(月曜日)`) and must match it. Numbers may be
//! written in kanji, 十-style (`令和六年一月二十七日`) or positional (`令和二年一〇月一日`).
//! A month followed by 頃 (`平成29年９月頃`) reads as an approximate month, a value of its
//! own kind ([`ApproxMonth`]), with the same era rules: the month must overlap the era.

use super::{IsoDate, Quarter, age_on, fiscal_year_of, reaches_age_at_end_of, school_entry_year};
use crate::finding::{Finding, Label, Path, Rule};
use crate::operation::{Computed, Operation};
use serde::{Deserialize, Serialize};

/// 元号 / Japanese era.
#[derive(
    Debug,
    Clone,
    Copy,
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

crate::rule!(
    UNREADABLE,
    "calendar.wareki.unreadable",
    Error,
    "日付または年度として読めません（例: 平成28年12月19日、令和元年度、2016-12-19）",
    "Not readable as a date or fiscal year (e.g. 平成28年12月19日, 令和元年度, 2016-12-19)"
);
crate::rule!(
    UNKNOWN_ERA,
    "calendar.wareki.unknown_era",
    Error,
    "対応していない元号です（昭和・平成・令和のみ）",
    "Unsupported era (only 昭和, 平成 and 令和)"
);
crate::rule!(
    OUTSIDE_ERA,
    "calendar.wareki.outside_era",
    Error,
    "その元号の期間外の日付です[（{era}は {start} から[ {end} まで]）]",
    "The date lies outside that era[ ({era} runs from {start}[ to {end}])]"
);
crate::rule!(
    IMPOSSIBLE_DATE,
    "calendar.wareki.impossible_date",
    Error,
    "存在しない日付です",
    "No such date"
);
crate::rule!(
    BEFORE_BIRTH,
    "calendar.age.before_birth",
    Error,
    "基準日が生年月日より前です",
    "The reference date is before the date of birth"
);
crate::rule!(
    WEEKDAY_MISMATCH,
    "calendar.wareki.weekday_mismatch",
    Error,
    "曜日が日付と合いません（{date} は{weekday}）",
    "The weekday does not match the date ({date} is a {weekday})"
);
crate::rule!(
    BEYOND_CALENDAR,
    "calendar.age.beyond_calendar",
    Error,
    "生年月日から求める日付（20歳に達する日など）が {year} 年を超えるため計算できません",
    "Cannot compute: a date that follows from the date of birth (such as reaching 20) lies beyond the year {year}",
    "Dates are written YYYY-MM-DD with years up to 9999. The age facts include the day the child reaches 20 and the school entries, so a date of birth in the last twenty years before 9999 cannot be answered. Check the date of birth for a typing slip."
);

/// Every rule of the calendar module.
pub const RULES: &[&Rule] = &[
    &UNREADABLE,
    &UNKNOWN_ERA,
    &OUTSIDE_ERA,
    &IMPOSSIBLE_DATE,
    &WEEKDAY_MISMATCH,
    &BEFORE_BIRTH,
    &BEYOND_CALENDAR,
];

/// What a text read as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Parsed {
    /// A day.
    Date(IsoDate),
    /// A fiscal year (named by the calendar year it starts in).
    FiscalYear(i32),
    /// A month, approximately (`平成29年9月頃`).
    ApproxMonth(ApproxMonth),
}

/// 年月（頃） / A month of a year, meant approximately (`平成29年９月頃`), written `YYYY-MM`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ApproxMonth {
    year: i32,
    month: u8,
}

impl ApproxMonth {
    /// The month, if `month` is 1–12 and `year` 1–9999.
    pub fn new(year: i32, month: u8) -> Option<Self> {
        IsoDate::from_ymd(year, month, 1).map(|_| ApproxMonth { year, month })
    }
    /// Parses exactly `YYYY-MM` (ASCII digits).
    pub fn parse(s: &str) -> Option<Self> {
        let b = s.as_bytes();
        if b.len() != 7 || b.get(4) != Some(&b'-') {
            return None;
        }
        let all_digits = |r: std::ops::Range<usize>| {
            s.get(r)
                .filter(|p| p.bytes().all(|c| c.is_ascii_digit()))
                .and_then(|p| p.parse::<i32>().ok())
        };
        let y = all_digits(0..4)?;
        let m = u8::try_from(all_digits(5..7)?).ok()?;
        Self::new(y, m)
    }
    /// Calendar year.
    pub fn year(self) -> i32 {
        self.year
    }
    /// Month 1–12.
    pub fn month(self) -> u8 {
        self.month
    }
    /// First day of the month.
    pub fn first_day(self) -> Option<IsoDate> {
        IsoDate::from_ymd(self.year, self.month, 1)
    }
    /// Last day of the month.
    pub fn last_day(self) -> Option<IsoDate> {
        let (y, m) = if self.month >= 12 {
            (self.year.checked_add(1)?, 1)
        } else {
            (self.year, self.month + 1)
        };
        match IsoDate::from_ymd(y, m, 1) {
            Some(d) => d.add_days(-1),
            None => IsoDate::from_ymd(self.year, 12, 31),
        }
    }
    /// The fiscal year the month falls in.
    pub fn fiscal_year(self) -> i32 {
        if self.month >= 4 {
            self.year
        } else {
            self.year - 1
        }
    }
    /// The fiscal quarter the month falls in.
    pub fn quarter(self) -> Quarter {
        Quarter::of_month(self.month)
    }
    /// The month containing `date`.
    pub fn of(date: IsoDate) -> Self {
        ApproxMonth {
            year: date.year(),
            month: date.month(),
        }
    }
}

impl std::fmt::Display for ApproxMonth {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

impl crate::emit::Emit for ApproxMonth {
    fn emit(&self, w: &mut crate::emit::JsonOut) {
        w.date(self.year, self.month, None);
    }
}

impl Serialize for ApproxMonth {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for ApproxMonth {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl serde::de::Visitor<'_> for V {
            type Value = ApproxMonth;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a month written YYYY-MM")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<ApproxMonth, E> {
                ApproxMonth::parse(v).ok_or_else(|| E::custom("kyoten:invalid_date"))
            }
        }
        d.deserialize_str(V)
    }
}

impl crate::input::Recover for ApproxMonth {
    fn read_into(
        n: crate::input::reader::Node<'_, '_>,
        out: &mut Option<Self>,
    ) -> Result<(), crate::input::reader::Error> {
        crate::input::reader::text_of(&n, out, |v| {
            ApproxMonth::parse(v).ok_or(crate::input::reader::Error::Date(None))
        })
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for ApproxMonth {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "ApproxMonth".into()
    }
    fn inline_schema() -> bool {
        true
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "pattern": "^[0-9]{4}-(0[1-9]|1[0-2])$",
            "description": "年月（頃、西暦 YYYY-MM） / A month, approximately, YYYY-MM"
        })
    }
}

/// 和暦の数字の書き方 / How numbers are written in a 和暦 output.
#[derive(
    Debug,
    Clone,
    Copy,
    Default,
    PartialEq,
    Eq,
    Hash,
    Serialize,
    Deserialize,
    crate::input::Recover,
    crate::emit::Emit,
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum WarekiStyle {
    /// 算用数字（令和6年1月27日） / Arabic digits (令和6年1月27日).
    #[default]
    Arabic,
    /// 漢数字（令和六年一月二十七日） / Kanji numerals, 十-style (令和六年一月二十七日).
    Kanji,
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
    /// A weekday in parentheses that is not the weekday of the date read.
    WeekdayMismatch(IsoDate),
}

impl WarekiError {
    /// The rule this error reports.
    pub fn rule(self) -> &'static Rule {
        match self {
            WarekiError::Unreadable => &UNREADABLE,
            WarekiError::UnknownEra => &UNKNOWN_ERA,
            WarekiError::OutsideEra(_) => &OUTSIDE_ERA,
            WarekiError::ImpossibleDate => &IMPOSSIBLE_DATE,
            WarekiError::WeekdayMismatch(_) => &WEEKDAY_MISMATCH,
        }
    }
    /// A finding at `path` (no input text is echoed).
    pub fn finding(self, path: impl Into<String>) -> Finding {
        match self {
            WarekiError::OutsideEra(era) => {
                let en = match era {
                    Era::Showa => "Showa",
                    Era::Heisei => "Heisei",
                    Era::Reiwa => "Reiwa",
                };
                let label = Label {
                    code: "",
                    ja: era.label_ja(),
                    en,
                };
                let mut f = OUTSIDE_ERA.at(path).with("era", label);
                if let Some(start) = era.start() {
                    f = f.with("start", start);
                }
                match era.end() {
                    Some(end) => f.with("end", end),
                    None => f,
                }
            }
            WarekiError::WeekdayMismatch(date) => {
                let (ja, en) = weekday_names(date.date().weekday());
                WEEKDAY_MISMATCH
                    .at(path)
                    .with("date", date)
                    .with("weekday", Label { code: "", ja, en })
            }
            other => other.rule().at(path),
        }
    }
}

/// Half-width copy: full-width digits and ASCII-range forms become ASCII; spaces removed.
fn normalise(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let c = match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(u32::from(c) - 0xFEE0).unwrap_or(c),
            c => c,
        };
        if !(c.is_whitespace() || c == '\u{3000}') {
            out.push(c);
        }
    }
    out
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

/// Reads a date, an approximate month or a fiscal year written in 和暦 (digits or kanji
/// numerals, spaces allowed, a weekday in parentheses after a date), as `YYYY年度`,
/// `YYYY年M月D日`, `YYYY年M月頃`, or as ISO `YYYY-MM-DD`.
pub fn parse(text: &str) -> Result<Parsed, WarekiError> {
    let s = normalise(text);
    let (s, weekday) = split_weekday(&s);
    let s = kanji_to_digits(s).ok_or(WarekiError::Unreadable)?;
    let parsed = parse_plain(&s)?;
    match (weekday, parsed) {
        (None, p) => Ok(p),
        (Some(w), Parsed::Date(d)) if d.date().weekday() == w => Ok(Parsed::Date(d)),
        (Some(_), Parsed::Date(d)) => Err(WarekiError::WeekdayMismatch(d)),
        (Some(_), _) => Err(WarekiError::Unreadable),
    }
}

/// A trailing weekday in parentheses: `…(月)`, `…(月曜)`, `…(月曜日)` (after [`normalise`]).
fn split_weekday(s: &str) -> (&str, Option<time::Weekday>) {
    let Some(body) = s.strip_suffix(')') else {
        return (s, None);
    };
    let Some(open) = body.rfind('(') else {
        return (s, None);
    };
    let (head, inner) = (body.get(..open), body.get(open + 1..));
    let (Some(head), Some(inner)) = (head, inner) else {
        return (s, None);
    };
    let inner = inner
        .strip_suffix("曜日")
        .or_else(|| inner.strip_suffix('曜'))
        .unwrap_or(inner);
    let day = match inner {
        "月" => time::Weekday::Monday,
        "火" => time::Weekday::Tuesday,
        "水" => time::Weekday::Wednesday,
        "木" => time::Weekday::Thursday,
        "金" => time::Weekday::Friday,
        "土" => time::Weekday::Saturday,
        "日" => time::Weekday::Sunday,
        _ => return (s, None),
    };
    (head, Some(day))
}

/// 曜日の名前 / The Japanese and English names of a weekday.
pub fn weekday_names(w: time::Weekday) -> (&'static str, &'static str) {
    match w {
        time::Weekday::Monday => ("月曜日", "Monday"),
        time::Weekday::Tuesday => ("火曜日", "Tuesday"),
        time::Weekday::Wednesday => ("水曜日", "Wednesday"),
        time::Weekday::Thursday => ("木曜日", "Thursday"),
        time::Weekday::Friday => ("金曜日", "Friday"),
        time::Weekday::Saturday => ("土曜日", "Saturday"),
        time::Weekday::Sunday => ("日曜日", "Sunday"),
    }
}

fn kanji_digit(c: char) -> Option<u32> {
    Some(match c {
        '〇' | '零' => 0,
        '一' => 1,
        '二' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => return None,
    })
}

fn is_kanji_numeral(c: char) -> bool {
    kanji_digit(c).is_some() || matches!(c, '十' | '百')
}

/// Replaces every run of kanji numerals with ASCII digits; `None` if a run is malformed.
fn kanji_to_digits(s: &str) -> Option<String> {
    let mut out = String::with_capacity(s.len());
    let mut run = String::new();
    for c in s.chars().chain(std::iter::once('\u{0}')) {
        if is_kanji_numeral(c) {
            run.push(c);
            continue;
        }
        if !run.is_empty() {
            out.push_str(&kanji_run_value(&run)?.to_string());
            run.clear();
        }
        if c != '\u{0}' {
            out.push(c);
        }
    }
    Some(out)
}

/// The value of one run: positional (`二〇一七`, `一〇`) without 十/百, or 十-style
/// (`二十七`, `三十一`, `十`, `百二十`).
fn kanji_run_value(run: &str) -> Option<u32> {
    if !run.contains(['十', '百']) {
        if run.chars().count() > 6 {
            return None;
        }
        return run
            .chars()
            .try_fold(0u32, |acc, c| Some(acc * 10 + kanji_digit(c)?));
    }
    let mut total = 0u32;
    let mut pending: Option<u32> = None;
    let mut last_unit = u32::MAX;
    for c in run.chars() {
        let unit = match c {
            '百' => 100,
            '十' => 10,
            _ => {
                if pending.is_some() {
                    return None;
                }
                pending = Some(kanji_digit(c)?);
                continue;
            }
        };
        if unit >= last_unit {
            return None;
        }
        let k = pending.take().unwrap_or(1);
        if k == 0 {
            return None;
        }
        total += k * unit;
        last_unit = unit;
    }
    match pending {
        Some(0) => None,
        Some(k) => Some(total + k),
        None => Some(total),
    }
}

/// 漢数字（十の位取り） / `n` in kanji numerals, 十-style: 27 → 二十七, 10 → 十, 0 → 〇.
pub fn kanji_number(n: u32) -> String {
    const D: [char; 10] = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
    let digit = |k: u32| D.get(k as usize).copied().unwrap_or('〇');
    if n == 0 {
        return "〇".to_owned();
    }
    if n >= 1000 {
        // Years such as 2017 are written positionally (二〇一七).
        let mut out = String::new();
        for c in n.to_string().chars() {
            if let Some(d) = c.to_digit(10) {
                out.push(digit(d));
            }
        }
        return out;
    }
    let mut out = String::new();
    for (unit, mark) in [(100, '百'), (10, '十')] {
        let k = (n / unit) % 10;
        if k > 1 {
            out.push(digit(k));
        }
        if k > 0 {
            out.push(mark);
        }
    }
    if !n.is_multiple_of(10) {
        out.push(digit(n % 10));
    }
    out
}

/// Reads the normalised text (ASCII digits, no spaces, no weekday).
fn parse_plain(s: &str) -> Result<Parsed, WarekiError> {
    if let Some(d) = IsoDate::parse(s) {
        return Ok(Parsed::Date(d));
    }
    // Western fiscal year (2017年度), date (2016年12月19日) or month (2017年9月頃).
    if let Some((y, rest)) = number(s) {
        let year = i32::try_from(y)
            .ok()
            .filter(|y| (1..=9998).contains(y))
            .ok_or(WarekiError::Unreadable)?;
        if rest == "年度" {
            return Ok(Parsed::FiscalYear(year));
        }
        if !rest.starts_with('年') {
            return Err(WarekiError::Unreadable);
        }
        return match month_day(rest).ok_or(WarekiError::Unreadable)? {
            MonthDay::Day(m, d) => Ok(Parsed::Date(day_of(year, m, d)?)),
            MonthDay::Approx(m) => Ok(Parsed::ApproxMonth(month_of(year, m)?)),
        };
    }
    // Era name: two kanji, one letter, or one ligature.
    let (era_name, rest) = split_era(s).ok_or(WarekiError::Unreadable)?;
    let (n, rest) = era_year(rest).ok_or(WarekiError::Unreadable)?;
    let era = Era::from_name(era_name).ok_or(WarekiError::UnknownEra)?;
    if n == 0 {
        return Err(WarekiError::OutsideEra(era));
    }
    let year = era.gregorian_year(n).ok_or(WarekiError::OutsideEra(era))?;
    if rest == "年度" {
        return fiscal_in_era(era, year).map(Parsed::FiscalYear);
    }
    let (first, last, parsed) = match month_day(rest).ok_or(WarekiError::Unreadable)? {
        MonthDay::Day(m, d) => {
            let date = day_of(year, m, d)?;
            (date, date, Parsed::Date(date))
        }
        MonthDay::Approx(m) => {
            let month = month_of(year, m)?;
            let first = month.first_day().ok_or(WarekiError::ImpossibleDate)?;
            let last = month.last_day().ok_or(WarekiError::ImpossibleDate)?;
            (first, last, Parsed::ApproxMonth(month))
        }
    };
    // The date (or some day of the month) must lie in the era.
    let after_start = era.start().is_some_and(|st| st <= last);
    let before_end = era.end().is_none_or(|e| first <= e);
    if after_start && before_end {
        Ok(parsed)
    } else {
        Err(WarekiError::OutsideEra(era))
    }
}

fn day_of(year: i32, m: u32, d: u32) -> Result<IsoDate, WarekiError> {
    let month = u8::try_from(m).map_err(|_| WarekiError::ImpossibleDate)?;
    let day = u8::try_from(d).map_err(|_| WarekiError::ImpossibleDate)?;
    IsoDate::from_ymd(year, month, day).ok_or(WarekiError::ImpossibleDate)
}

fn month_of(year: i32, m: u32) -> Result<ApproxMonth, WarekiError> {
    let month = u8::try_from(m).map_err(|_| WarekiError::ImpossibleDate)?;
    ApproxMonth::new(year, month).ok_or(WarekiError::ImpossibleDate)
}

/// What follows the year: a day, or a month meant approximately.
enum MonthDay {
    Day(u32, u32),
    Approx(u32),
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

/// `年M月D日`, `年M月頃` or `.M.D` / `/M/D` / `-M-D`.
fn month_day(rest: &str) -> Option<MonthDay> {
    if let Some(r) = rest.strip_prefix('年') {
        let (m, r) = number(r)?;
        let r = r.strip_prefix('月')?;
        if r == "頃" {
            return Some(MonthDay::Approx(m));
        }
        let (d, r) = number(r)?;
        let r = r.strip_prefix('日')?;
        return r.is_empty().then_some(MonthDay::Day(m, d));
    }
    let sep = rest.chars().next()?;
    if !matches!(sep, '.' | '/' | '-') {
        return None;
    }
    let r = rest.get(sep.len_utf8()..)?;
    let (m, r) = number(r)?;
    let r = r.strip_prefix(sep)?;
    let (d, r) = number(r)?;
    r.is_empty().then_some(MonthDay::Day(m, d))
}

/// Writes a date in 和暦 with kanji era and 元年: `令和元年5月1日`. `None` before 昭和.
pub fn format_date(date: IsoDate) -> Option<String> {
    format_date_styled(date, WarekiStyle::Arabic)
}

/// Writes a date in 和暦 in the given style: `令和6年1月27日` or `令和六年一月二十七日`.
pub fn format_date_styled(date: IsoDate, style: WarekiStyle) -> Option<String> {
    let era = Era::of(date)?;
    let n = date.year() - era.start()?.year() + 1;
    Some(format!(
        "{}{}年{}月{}日",
        era.label_ja(),
        year_label(n, style),
        num(u32::from(date.month()), style),
        num(u32::from(date.day()), style)
    ))
}

/// Writes an approximate month in 和暦: `平成29年9月頃` (the era in force on its last day).
pub fn format_approx_month(month: ApproxMonth, style: WarekiStyle) -> Option<String> {
    let last = month.last_day()?;
    let era = Era::of(last)?;
    let n = month.year() - era.start()?.year() + 1;
    Some(format!(
        "{}{}年{}月頃",
        era.label_ja(),
        year_label(n, style),
        num(u32::from(month.month()), style)
    ))
}

/// Writes a fiscal year in 和暦: the era in force on 31 December of its first year
/// (FY2019 → 令和元年度, FY1989 → 平成元年度, FY1988 → 昭和63年度).
pub fn format_fiscal_year(fy: i32) -> Option<String> {
    format_fiscal_year_styled(fy, WarekiStyle::Arabic)
}

/// Writes a fiscal year in 和暦 in the given style: `平成29年度` or `平成二十九年度`.
pub fn format_fiscal_year_styled(fy: i32, style: WarekiStyle) -> Option<String> {
    let dec31 = IsoDate::from_ymd(fy, 12, 31)?;
    let era = Era::of(dec31)?;
    let n = fy - era.start()?.year() + 1;
    Some(format!("{}{}年度", era.label_ja(), year_label(n, style)))
}

fn num(n: u32, style: WarekiStyle) -> String {
    match style {
        WarekiStyle::Arabic => n.to_string(),
        WarekiStyle::Kanji => kanji_number(n),
    }
}

fn year_label(n: i32, style: WarekiStyle) -> String {
    match u32::try_from(n) {
        Ok(1) => "元".to_owned(),
        Ok(n) => num(n, style),
        Err(_) => n.to_string(),
    }
}

// ---------------------------------------------------------------------------------------
// Operations

/// Input of `calendar.convert`: texts to read as dates or fiscal years.
#[derive(
    Debug,
    Clone,
    Default,
    PartialEq,
    Eq,
    Serialize,
    Deserialize,
    crate::input::Recover,
    crate::emit::Emit,
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ConvertRequest {
    /// JSON Schema の URL（任意） / URL of this document's JSON Schema (optional).
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    /// 文書の形式の版（省略時は 1） / Document format version (absent means 1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<crate::version::FormatVersion>,
    /// 変換する文字列 / Texts to convert: 和暦 or ISO dates, approximate months (平成29年９月頃),
    /// 和暦 or western fiscal years; numbers in digits or kanji numerals.
    pub values: Vec<String>,
    /// 和暦表記の数字（任意、既定は算用数字） / How numbers are written in the 和暦 output
    /// (optional; Arabic digits by default).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub style: Option<WarekiStyle>,
}

/// 変換結果の種類 / What a text was read as.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Serialize,
    Deserialize,
    crate::input::Recover,
    crate::emit::Emit,
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ConversionKind {
    /// 日付 / A date.
    Date,
    /// 年度 / A fiscal year.
    FiscalYear,
    /// 年月（頃） / A month, approximately.
    ApproxMonth,
    /// 読めない / Not readable (see the findings).
    Invalid,
}

/// 一件の変換結果 / One converted text, in input order.
#[derive(
    Debug, Clone, PartialEq, Eq, Serialize, Deserialize, crate::input::Recover, crate::emit::Emit,
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Conversion {
    /// 種類 / What the text was read as.
    pub kind: ConversionKind,
    /// 西暦の日付 / The date (for dates).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<IsoDate>,
    /// 年月（頃） / The month (for approximate months), `YYYY-MM`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub month: Option<ApproxMonth>,
    /// 年度（西暦、開始年） / The fiscal year, named by the calendar year it starts in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fiscal_year: Option<i32>,
    /// 四半期 / The fiscal quarter (for dates and months).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quarter: Option<Quarter>,
    /// 和暦表記 / The 和暦 form (令和元年5月1日, 令和元年度, 平成29年9月頃), in the requested style.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wareki: Option<String>,
}

/// Result of `calendar.convert`.
#[derive(
    Debug, Clone, PartialEq, Eq, Serialize, Deserialize, crate::input::Recover, crate::emit::Emit,
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ConvertResult {
    /// 変換結果（入力と同じ順） / One conversion per input text, in the same order.
    pub values: Vec<Conversion>,
}

/// Converts one text, writing the 和暦 form in Arabic digits.
pub fn convert_one(text: &str) -> Result<Conversion, WarekiError> {
    convert_one_styled(text, WarekiStyle::Arabic)
}

/// Converts one text, writing the 和暦 form in `style`.
pub fn convert_one_styled(text: &str, style: WarekiStyle) -> Result<Conversion, WarekiError> {
    Ok(match parse(text)? {
        Parsed::Date(d) => Conversion {
            kind: ConversionKind::Date,
            date: Some(d),
            month: None,
            fiscal_year: Some(fiscal_year_of(d)),
            quarter: Some(d.quarter()),
            wareki: format_date_styled(d, style),
        },
        Parsed::FiscalYear(fy) => Conversion {
            kind: ConversionKind::FiscalYear,
            date: None,
            month: None,
            fiscal_year: Some(fy),
            quarter: None,
            wareki: format_fiscal_year_styled(fy, style),
        },
        Parsed::ApproxMonth(m) => Conversion {
            kind: ConversionKind::ApproxMonth,
            date: None,
            month: Some(m),
            fiscal_year: Some(m.fiscal_year()),
            quarter: Some(m.quarter()),
            wareki: format_approx_month(m, style),
        },
    })
}

fn convert(req: ConvertRequest) -> Computed<ConvertResult> {
    let mut findings = Vec::new();
    let base = Path::root().key("values");
    let style = req.style.unwrap_or_default();
    let mut values = Vec::with_capacity(req.values.len());
    for (i, text) in req.values.iter().enumerate() {
        values.push(convert_one_styled(text, style).unwrap_or_else(|e| {
            findings.push(e.finding(base.index(i)));
            Conversion {
                kind: ConversionKind::Invalid,
                date: None,
                month: None,
                fiscal_year: None,
                quarter: None,
                wareki: None,
            }
        }));
    }
    Computed::new(findings, Some(ConvertResult { values }))
}

/// Input of `calendar.age`.
#[derive(
    Debug, Clone, PartialEq, Eq, Serialize, Deserialize, crate::input::Recover, crate::emit::Emit,
)]
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
#[derive(
    Debug, Clone, PartialEq, Eq, Serialize, Deserialize, crate::input::Recover, crate::emit::Emit,
)]
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
            vec![
                BEYOND_CALENDAR
                    .at(Path::root().key("birth_date"))
                    .with("year", 9999),
            ],
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
            _ => Err(WarekiError::Unreadable),
        }
    }
    fn fy(s: &str) -> Result<i32, WarekiError> {
        match parse(s)? {
            Parsed::FiscalYear(y) => Ok(y),
            _ => Err(WarekiError::Unreadable),
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

    #[test]
    fn seed_forms_with_spaces_and_weekday() {
        assert_eq!(date("平成 28年 12月 19日（月）"), Ok(d("2016-12-19")));
        assert_eq!(date("平成 28年 12月 19日(月)"), Ok(d("2016-12-19")));
        assert_eq!(date("平成28年12月19日（月曜日）"), Ok(d("2016-12-19")));
        assert_eq!(date("2016-12-19（月）"), Ok(d("2016-12-19")));
        // 2016-12-19 was a Monday, not a Tuesday.
        assert_eq!(
            parse("平成 28年 12月 19日（火）"),
            Err(WarekiError::WeekdayMismatch(d("2016-12-19")))
        );
        assert_eq!(
            parse("平成28年12月19日（祝）"),
            Err(WarekiError::Unreadable)
        );
        assert_eq!(parse("平成29年度（月）"), Err(WarekiError::Unreadable));
        let f = WarekiError::WeekdayMismatch(d("2016-12-19")).finding("/x");
        assert_eq!(f.code, "calendar.wareki.weekday_mismatch");
        assert_eq!(
            f.message_en(),
            "The weekday does not match the date (2016-12-19 is a Monday)"
        );
    }

    #[test]
    fn approximate_months() {
        let m = |y, mo| Ok(Parsed::ApproxMonth(ApproxMonth::new(y, mo).unwrap()));
        assert_eq!(parse("平成29年９月頃"), m(2017, 9));
        assert_eq!(parse("平成 29年９月頃"), m(2017, 9));
        assert_eq!(parse("平成二十九年九月頃"), m(2017, 9));
        assert_eq!(parse("2017年9月頃"), m(2017, 9));
        // Era rules: the month must overlap the era.
        assert_eq!(parse("昭和64年1月頃"), m(1989, 1));
        assert_eq!(parse("平成元年1月頃"), m(1989, 1));
        assert_eq!(
            parse("昭和64年2月頃"),
            Err(WarekiError::OutsideEra(Era::Showa))
        );
        assert_eq!(parse("平成31年4月頃"), m(2019, 4));
        assert_eq!(
            parse("平成31年5月頃"),
            Err(WarekiError::OutsideEra(Era::Heisei))
        );
        assert_eq!(parse("令和元年5月頃"), m(2019, 5));
        assert_eq!(
            parse("令和元年4月頃"),
            Err(WarekiError::OutsideEra(Era::Reiwa))
        );
        assert_eq!(parse("昭和元年12月頃"), m(1926, 12));
        assert_eq!(
            parse("昭和元年11月頃"),
            Err(WarekiError::OutsideEra(Era::Showa))
        );
        assert_eq!(parse("平成29年13月頃"), Err(WarekiError::ImpossibleDate));
        assert_eq!(parse("平成29年0月頃"), Err(WarekiError::ImpossibleDate));
        assert_eq!(parse("平成29年9月頃（月）"), Err(WarekiError::Unreadable));
        let a = ApproxMonth::new(2017, 9).unwrap();
        assert_eq!(a.fiscal_year(), 2017);
        assert_eq!(a.quarter(), Quarter::Q2);
        assert_eq!(a.last_day(), Some(d("2017-09-30")));
        assert_eq!(ApproxMonth::new(2018, 2).unwrap().fiscal_year(), 2017);
        assert_eq!(
            ApproxMonth::new(2016, 12).unwrap().last_day(),
            Some(d("2016-12-31"))
        );
        assert_eq!(a.to_string(), "2017-09");
        assert_eq!(ApproxMonth::parse("2017-09"), Some(a));
        assert_eq!(ApproxMonth::parse("2017-13"), None);
        assert_eq!(ApproxMonth::parse("2017-9"), None);
        assert_eq!(
            format_approx_month(a, WarekiStyle::Arabic).as_deref(),
            Some("平成29年9月頃")
        );
        assert_eq!(
            format_approx_month(a, WarekiStyle::Kanji).as_deref(),
            Some("平成二十九年九月頃")
        );
    }

    #[test]
    fn kanji_numerals() {
        assert_eq!(date("令和六年一月二十七日"), Ok(d("2024-01-27")));
        assert_eq!(date("平成三十一年四月三十日"), Ok(d("2019-04-30")));
        assert_eq!(date("昭和六十四年一月七日"), Ok(d("1989-01-07")));
        assert_eq!(date("令和元年五月一日"), Ok(d("2019-05-01")));
        assert_eq!(fy("令和二年度"), Ok(2020));
        assert_eq!(date("令和二年一〇月一日"), Ok(d("2020-10-01")));
        assert_eq!(date("令和二年十月一日"), Ok(d("2020-10-01")));
        assert_eq!(fy("二〇一七年度"), Ok(2017));
        assert_eq!(date("令和二年十二月三十一日"), Ok(d("2020-12-31")));
        // Malformed runs are unreadable; impossible dates are the same finding as in digits.
        assert_eq!(parse("令和二年十十月一日"), Err(WarekiError::Unreadable));
        assert_eq!(parse("令和二年二十〇月一日"), Err(WarekiError::Unreadable));
        assert_eq!(parse("令和二年〇月一日"), Err(WarekiError::ImpossibleDate));
        assert_eq!(
            parse("令和二年二月三十日"),
            Err(WarekiError::ImpossibleDate)
        );
        assert_eq!(
            parse("令和三年二月二十九日"),
            Err(WarekiError::ImpossibleDate)
        );
        assert_eq!(kanji_number(0), "〇");
        assert_eq!(kanji_number(10), "十");
        assert_eq!(kanji_number(11), "十一");
        assert_eq!(kanji_number(20), "二十");
        assert_eq!(kanji_number(27), "二十七");
        assert_eq!(kanji_number(64), "六十四");
        assert_eq!(kanji_number(110), "百十");
        assert_eq!(kanji_number(2017), "二〇一七");
    }

    #[test]
    fn era_boundaries_in_kanji() {
        let k = |s: &str| format_date_styled(d(s), WarekiStyle::Kanji);
        // (date, kanji form)
        let cases = [
            ("1926-12-25", "昭和元年十二月二十五日"),
            ("1989-01-07", "昭和六十四年一月七日"),
            ("1989-01-08", "平成元年一月八日"),
            ("2019-04-30", "平成三十一年四月三十日"),
            ("2019-05-01", "令和元年五月一日"),
            ("2024-01-27", "令和六年一月二十七日"),
        ];
        for (iso, kanji) in cases {
            assert_eq!(k(iso).as_deref(), Some(kanji));
            assert_eq!(date(kanji), Ok(d(iso)));
        }
        let outside = [
            ("昭和元年十二月二十四日", Era::Showa),
            ("昭和六十四年一月八日", Era::Showa),
            ("平成元年一月七日", Era::Heisei),
            ("平成三十一年五月一日", Era::Heisei),
            ("令和元年四月三十日", Era::Reiwa),
            ("平成〇年一月一日", Era::Heisei),
        ];
        for (text, era) in outside {
            assert_eq!(date(text), Err(WarekiError::OutsideEra(era)), "{text}");
        }
        assert_eq!(
            format_fiscal_year_styled(2019, WarekiStyle::Kanji).as_deref(),
            Some("令和元年度")
        );
        assert_eq!(
            format_fiscal_year_styled(2017, WarekiStyle::Kanji).as_deref(),
            Some("平成二十九年度")
        );
        assert_eq!(
            format_fiscal_year_styled(1988, WarekiStyle::Kanji).as_deref(),
            Some("昭和六十三年度")
        );
        assert_eq!(fy("平成三十一年度"), Ok(2019));
        assert_eq!(
            fy("平成三十二年度"),
            Err(WarekiError::OutsideEra(Era::Heisei))
        );
    }

    #[test]
    fn both_styles_round_trip_every_day_from_showa_to_2040() {
        // Every day from the first day of 昭和 to the end of 2040, in both number styles,
        // with its fiscal year and its month (approximately).
        let mut day = d("1926-12-25");
        let mut checked = 0;
        while day <= d("2040-12-31") {
            for style in [WarekiStyle::Arabic, WarekiStyle::Kanji] {
                let w = format_date_styled(day, style).unwrap();
                assert_eq!(parse(&w), Ok(Parsed::Date(day)), "{w}");
                let fy = fiscal_year_of(day);
                if let Some(wf) = format_fiscal_year_styled(fy, style) {
                    assert_eq!(parse(&wf), Ok(Parsed::FiscalYear(fy)), "{wf}");
                }
                let m = ApproxMonth::of(day);
                let wm = format_approx_month(m, style).unwrap();
                assert_eq!(parse(&wm), Ok(Parsed::ApproxMonth(m)), "{wm}");
            }
            checked += 1;
            day = day.next().unwrap();
        }
        // 1926-12-25 to 2040-12-31 inclusive: 7 days of 1926, then 1927–2040 (114 years,
        // 29 of them leap years: 1928, 1932, …, 2040, 2000 included).
        assert_eq!(checked, 7 + 114 * 365 + 29);
    }

    #[test]
    fn convert_operation_kanji_style_and_months() {
        let out = crate::ops::run(
            "calendar.convert",
            r#"{"values":["平成 28年 12月 19日（月）","平成29年９月頃","令和二年一〇月一日","平成28年12月19日（金）"],"style":"kanji"}"#.as_bytes(),
        )
        .unwrap();
        let v: serde_json::Value = serde_json::from_str(&out.json).unwrap();
        let r = &v["result"]["values"];
        assert_eq!(r[0]["date"], "2016-12-19");
        assert_eq!(r[0]["wareki"], "平成二十八年十二月十九日");
        assert_eq!(r[1]["kind"], "approx_month");
        assert_eq!(r[1]["month"], "2017-09");
        assert_eq!(r[1]["quarter"], "q2");
        assert_eq!(r[1]["fiscal_year"], 2017);
        assert_eq!(r[1]["wareki"], "平成二十九年九月頃");
        assert_eq!(r[2]["date"], "2020-10-01");
        assert_eq!(r[2]["wareki"], "令和二年十月一日");
        assert_eq!(r[3]["kind"], "invalid");
        let f = v["findings"].as_array().unwrap();
        assert_eq!(f.len(), 1);
        assert_eq!(f[0]["code"], "calendar.wareki.weekday_mismatch");
        assert_eq!(f[0]["path"], "/values/3");
    }
}
