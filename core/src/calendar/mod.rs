//! Calendar rules ([L-AGE], [L-ERA], `docs/sources.md`): dates, fiscal years and
//! quarters, 和暦, age, school entry.
//!
//! - [`IsoDate`]: the library's date type, written `YYYY-MM-DD` in every document.
//! - Fiscal year (年度): 1 April to 31 March, named by the calendar year it starts in.
//!   Quarters: Q1 Apr–Jun, Q2 Jul–Sep, Q3 Oct–Dec, Q4 Jan–Mar ([`Quarter`]).
//! - Age (年齢計算ニ関スル法律, 民法143条): a person reaches an age at the end of the day
//!   before the birthday; someone born on 29 February reaches it at the end of 28 February
//!   in a common year ([`age_on`], [`reaches_age_at_end_of`]).
//! - School entry (学校教育法): the first 1 April after the child reaches 6
//!   ([`school_entry_year`]).
//! - 和暦: see [`wareki`].

pub mod wareki;

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use time::Month;

pub use wareki::{ApproxMonth, Era, OPS, RULES, WarekiStyle};

use crate::rule;

rule!(
    DATE_BEFORE_BIRTH,
    "calendar.date.before_birth",
    Error,
    "[日付 {date} は]生年月日[ {birth} ]より前です",
    "The date[ {date}] is before the date of birth[ {birth}]",
    "A date of an event in the child's life (a medical care's start, a consultation, a \
     discharge) lies before the child was born. Usually a typing slip in the year, or the \
     date of birth itself is wrong: correct whichever is wrong. One code for every document \
     (summaries, score requests); it replaces `summary.date.before_birth` and \
     `care.date.before_birth`."
);
rule!(
    DATE_AFTER_AS_OF,
    "calendar.date.after_as_of",
    Error,
    "[日付 {date} は]基準日[ {as_of} ]より後です",
    "The date[ {date}] is after the as-of date[ {as_of}]",
    "A date lies after the document's reference date `as_of` (the day the document speaks \
     for): it would be in the future. On a date of birth it means the child is not yet born \
     on `as_of`, so no age or score can be given. Check the date and `as_of`. One code for \
     every document; it replaces `summary.date.after_as_of`, `care.date.after_as_of` and \
     `scores.request.as_of_before_birth`."
);

/// The date rules shared by every area (one code per condition).
pub const DATE_RULES: &[&crate::finding::Rule] = &[&DATE_BEFORE_BIRTH, &DATE_AFTER_AS_OF];

impl From<IsoDate> for crate::finding::ArgValue {
    fn from(d: IsoDate) -> Self {
        crate::finding::ArgValue::Date {
            year: d.year(),
            month: d.month(),
            day: d.day(),
        }
    }
}

/// 日付 / A calendar date, written `YYYY-MM-DD` (years 0001–9999).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct IsoDate(time::Date);

impl IsoDate {
    /// The date, if it exists and its year is 1–9999.
    pub fn from_ymd(year: i32, month: u8, day: u8) -> Option<Self> {
        if !(1..=9999).contains(&year) {
            return None;
        }
        let month = Month::try_from(month).ok()?;
        time::Date::from_calendar_date(year, month, day)
            .ok()
            .map(IsoDate)
    }

    /// Parses exactly `YYYY-MM-DD` (ASCII digits).
    pub fn parse(s: &str) -> Option<Self> {
        let b = s.as_bytes();
        if b.len() != 10 || b.get(4) != Some(&b'-') || b.get(7) != Some(&b'-') {
            return None;
        }
        let num = |r: std::ops::Range<usize>| -> Option<u32> {
            let part = s.get(r)?;
            if !part.bytes().all(|c| c.is_ascii_digit()) {
                return None;
            }
            part.parse().ok()
        };
        let y = i32::try_from(num(0..4)?).ok()?;
        let m = u8::try_from(num(5..7)?).ok()?;
        let d = u8::try_from(num(8..10)?).ok()?;
        Self::from_ymd(y, m, d)
    }

    /// The underlying `time::Date`.
    pub fn date(self) -> time::Date {
        self.0
    }
    /// Calendar year.
    pub fn year(self) -> i32 {
        self.0.year()
    }
    /// Month 1–12.
    pub fn month(self) -> u8 {
        u8::from(self.0.month())
    }
    /// Day of month 1–31.
    pub fn day(self) -> u8 {
        self.0.day()
    }
    /// This date plus `days` (may be negative); `None` outside years 1–9999.
    pub fn add_days(self, days: i64) -> Option<Self> {
        let d = self.0.checked_add(time::Duration::days(days))?;
        Self::from_ymd(d.year(), u8::from(d.month()), d.day())
    }
    /// Whole days from `self` to `other` (negative if `other` is earlier).
    pub fn days_until(self, other: IsoDate) -> i64 {
        (other.0 - self.0).whole_days()
    }
    /// The next day, if any.
    pub fn next(self) -> Option<Self> {
        self.add_days(1)
    }
    /// The fiscal year (年度) this date falls in.
    pub fn fiscal_year(self) -> i32 {
        fiscal_year_of(self)
    }
    /// The fiscal quarter this date falls in.
    pub fn quarter(self) -> Quarter {
        Quarter::of_month(self.month())
    }
}

impl IsoDate {
    /// The date a text means when it is not written `YYYY-MM-DD` but is still a date a
    /// person reads at once: 和暦 (令和5年4月1日, R5.4.1), slashes (2023/4/1), or
    /// 2023年4月1日. Used to say which date was meant; never accepted in its place.
    pub fn reads_as(text: &str) -> Option<IsoDate> {
        if let Ok(wareki::Parsed::Date(d)) = wareki::parse(text) {
            return Some(d);
        }
        let t = text.trim();
        let (body, marks): (&str, &[char]) = if crate::text::has_byte(t, b'/') {
            (t, &['/'])
        } else if let Some(rest) = t.strip_suffix('日') {
            (rest, &['年', '月'])
        } else {
            return None;
        };
        let mut parts: Vec<&str> = Vec::with_capacity(3);
        for part in body.split(marks) {
            parts.push(part);
        }
        let [y, m, d] = parts.as_slice() else {
            return None;
        };
        let year: i32 = y.trim().parse().ok()?;
        if !(1000..=9999).contains(&year) {
            return None;
        }
        IsoDate::from_ymd(year, m.trim().parse().ok()?, d.trim().parse().ok()?)
    }
}

impl fmt::Display for IsoDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{:04}-{:02}-{:02}",
            self.year(),
            self.month(),
            self.day()
        )
    }
}

impl crate::emit::Emit for IsoDate {
    // One copy: the date's parts are computed from its day number (issue 19, P6).
    #[inline(never)]
    fn emit(&self, w: &mut crate::emit::JsonOut) {
        w.date(self.year(), self.month(), Some(self.day()));
    }
}

impl Serialize for IsoDate {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for IsoDate {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl serde::de::Visitor<'_> for V {
            type Value = IsoDate;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a date written YYYY-MM-DD")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<IsoDate, E> {
                IsoDate::parse(v).ok_or_else(|| match IsoDate::reads_as(v) {
                    // Our own marker and a date we computed (no input text).
                    Some(d) => E::custom(format_args!("kyoten:invalid_date:{d}")),
                    None => E::custom("kyoten:invalid_date"),
                })
            }
        }
        d.deserialize_str(V)
    }
}

impl crate::input::Recover for IsoDate {
    fn read_into(
        n: crate::input::reader::Node<'_, '_>,
        out: &mut Option<Self>,
    ) -> Result<(), crate::input::reader::Error> {
        crate::input::reader::text_of(&n, out, |v| {
            IsoDate::parse(v).ok_or_else(|| {
                // The date it may mean (a date we computed: no input text).
                crate::input::reader::Error::Date(
                    IsoDate::reads_as(v).map(|d| (d.year(), d.month(), d.day())),
                )
            })
        })
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for IsoDate {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "IsoDate".into()
    }
    fn inline_schema() -> bool {
        true
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "format": "date",
            "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
            "description": "日付（西暦 YYYY-MM-DD） / Date, YYYY-MM-DD"
        })
    }
}

/// 四半期 / A quarter of the fiscal year.
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
#[serde(rename_all = "lowercase")]
pub enum Quarter {
    /// 第1四半期（4〜6月） / Q1, April–June.
    Q1,
    /// 第2四半期（7〜9月） / Q2, July–September.
    Q2,
    /// 第3四半期（10〜12月） / Q3, October–December.
    Q3,
    /// 第4四半期（1〜3月） / Q4, January–March.
    Q4,
}

impl Quarter {
    /// All four, in fiscal order.
    pub const ALL: [Quarter; 4] = [Quarter::Q1, Quarter::Q2, Quarter::Q3, Quarter::Q4];

    /// The quarter of a month 1–12 (out-of-range months fall in Q4).
    pub const fn of_month(month: u8) -> Quarter {
        match month {
            4..=6 => Quarter::Q1,
            7..=9 => Quarter::Q2,
            10..=12 => Quarter::Q3,
            _ => Quarter::Q4,
        }
    }
    /// 0 for Q1 … 3 for Q4.
    pub const fn index(self) -> usize {
        match self {
            Quarter::Q1 => 0,
            Quarter::Q2 => 1,
            Quarter::Q3 => 2,
            Quarter::Q4 => 3,
        }
    }
    /// 日本語ラベル / Japanese label.
    pub const fn label_ja(self) -> &'static str {
        match self {
            Quarter::Q1 => "第1四半期（4〜6月）",
            Quarter::Q2 => "第2四半期（7〜9月）",
            Quarter::Q3 => "第3四半期（10〜12月）",
            Quarter::Q4 => "第4四半期（1〜3月）",
        }
    }
    /// First day of this quarter in fiscal year `fy`.
    pub fn start(self, fy: i32) -> Option<IsoDate> {
        match self {
            Quarter::Q1 => IsoDate::from_ymd(fy, 4, 1),
            Quarter::Q2 => IsoDate::from_ymd(fy, 7, 1),
            Quarter::Q3 => IsoDate::from_ymd(fy, 10, 1),
            Quarter::Q4 => IsoDate::from_ymd(fy.checked_add(1)?, 1, 1),
        }
    }
    /// Last day of this quarter in fiscal year `fy`.
    pub fn end(self, fy: i32) -> Option<IsoDate> {
        match self {
            Quarter::Q1 => IsoDate::from_ymd(fy, 6, 30),
            Quarter::Q2 => IsoDate::from_ymd(fy, 9, 30),
            Quarter::Q3 => IsoDate::from_ymd(fy, 12, 31),
            Quarter::Q4 => IsoDate::from_ymd(fy.checked_add(1)?, 3, 31),
        }
    }
}

/// The fiscal year (年度) of a date: April–March, named by the year it starts in.
pub fn fiscal_year_of(d: IsoDate) -> i32 {
    if d.month() >= 4 {
        d.year()
    } else {
        d.year() - 1
    }
}

/// First day (1 April) of fiscal year `fy`.
pub fn fiscal_year_start(fy: i32) -> Option<IsoDate> {
    IsoDate::from_ymd(fy, 4, 1)
}

/// Last day (31 March of the next year) of fiscal year `fy`.
pub fn fiscal_year_end(fy: i32) -> Option<IsoDate> {
    IsoDate::from_ymd(fy.checked_add(1)?, 3, 31)
}

/// The `n`th anniversary of `birth`; for a 29 February birth in a common year, 1 March.
fn anniversary(birth: IsoDate, n: u32) -> Option<IsoDate> {
    let year = birth.year().checked_add(i32::try_from(n).ok()?)?;
    IsoDate::from_ymd(year, birth.month(), birth.day()).or_else(|| IsoDate::from_ymd(year, 3, 1))
}

/// The day at whose end a person born on `birth` reaches age `n` (the day before the
/// anniversary; 28 February for a 29 February birth in a common year).
pub fn reaches_age_at_end_of(birth: IsoDate, n: u32) -> Option<IsoDate> {
    if n == 0 {
        return birth.add_days(-1);
    }
    let year = birth.year().checked_add(i32::try_from(n).ok()?)?;
    match IsoDate::from_ymd(year, birth.month(), birth.day()) {
        Some(a) => a.add_days(-1),
        // 29 February in a common year: the period ends on the last day of February.
        None => IsoDate::from_ymd(year, 2, 28),
    }
}

/// Age in whole years during the day `on` (reached at the end of the previous day).
/// `None` if `on` is before `birth`.
pub fn age_on(birth: IsoDate, on: IsoDate) -> Option<u32> {
    if on < birth {
        return None;
    }
    let mut age = u32::try_from(on.year() - birth.year()).ok()?;
    while age > 0 {
        match anniversary(birth, age) {
            Some(a) if a <= on => break,
            _ => age -= 1,
        }
    }
    Some(age)
}

/// 小学校入学年 / The calendar year of elementary school entry: the first 1 April after
/// the child reaches 6. Born 2 January–1 April (and 1 January): birth year + 6; otherwise + 7.
pub fn school_entry_year(birth: IsoDate) -> Option<i32> {
    let r = reaches_age_at_end_of(birth, 6)?;
    if (r.month(), r.day()) < (4, 1) {
        Some(r.year())
    } else {
        r.year().checked_add(1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> IsoDate {
        IsoDate::parse(s).unwrap()
    }

    #[test]
    fn parse_rejects_impossible_and_malformed() {
        assert!(IsoDate::parse("2024-02-29").is_some());
        assert!(IsoDate::parse("2023-02-29").is_none());
        assert!(IsoDate::parse("2024-02-30").is_none());
        assert!(IsoDate::parse("2024-2-03").is_none());
        assert!(IsoDate::parse("０２４-02-03").is_none());
        assert!(IsoDate::parse("+024-02-03").is_none());
        assert!(IsoDate::parse("0000-01-01").is_none());
        assert_eq!(d("2016-12-19").to_string(), "2016-12-19");
    }

    #[test]
    fn fiscal_year_and_quarters() {
        assert_eq!(fiscal_year_of(d("2017-03-31")), 2016);
        assert_eq!(fiscal_year_of(d("2017-04-01")), 2017);
        assert_eq!(d("2017-06-30").quarter(), Quarter::Q1);
        assert_eq!(d("2017-07-01").quarter(), Quarter::Q2);
        assert_eq!(d("2017-12-31").quarter(), Quarter::Q3);
        assert_eq!(d("2018-01-01").quarter(), Quarter::Q4);
        assert_eq!(Quarter::Q4.end(2017), Some(d("2018-03-31")));
        assert_eq!(fiscal_year_end(2017), Some(d("2018-03-31")));
    }

    #[test]
    fn age_day_before_birthday_rule() {
        let b = d("2020-04-02");
        assert_eq!(age_on(b, d("2026-04-01")), Some(5));
        assert_eq!(age_on(b, d("2026-04-02")), Some(6));
        assert_eq!(reaches_age_at_end_of(b, 6), Some(d("2026-04-01")));
        assert_eq!(age_on(b, d("2020-04-01")), None);
        assert_eq!(age_on(b, b), Some(0));
    }

    #[test]
    fn leap_day_births() {
        let b = d("2020-02-29");
        assert_eq!(age_on(b, d("2021-02-28")), Some(0));
        assert_eq!(age_on(b, d("2021-03-01")), Some(1));
        assert_eq!(age_on(b, d("2024-02-29")), Some(4));
        assert_eq!(age_on(b, d("2024-02-28")), Some(3));
        assert_eq!(reaches_age_at_end_of(b, 1), Some(d("2021-02-28")));
        assert_eq!(reaches_age_at_end_of(b, 4), Some(d("2024-02-28")));
        assert_eq!(school_entry_year(b), Some(2026));
    }

    #[test]
    fn school_entry_cohorts() {
        assert_eq!(school_entry_year(d("2020-04-01")), Some(2026));
        assert_eq!(school_entry_year(d("2020-04-02")), Some(2027));
        assert_eq!(school_entry_year(d("2020-01-01")), Some(2026));
        assert_eq!(school_entry_year(d("2019-12-31")), Some(2026));
        assert_eq!(school_entry_year(d("2019-04-02")), Some(2026));
    }
}
