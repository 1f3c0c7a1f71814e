//! A finding's arguments as text and as JSON, written directly: no `core::fmt` for the
//! numbers and dates, no `serde_json::Value` or map for `args` (issue 19: P4′, where a
//! report of thousands of findings is written, and P6, the WASM module's size).

use super::{Arg, ArgValue, Label};
use crate::emit::{Emit, JsonOut, push_u64};
use serde::ser::{Serialize, SerializeMap, SerializeSeq, SerializeStruct, Serializer};

/// Writes `n` as `{n}` does, `-` first when negative.
pub(super) fn push_i64(out: &mut String, n: i64) {
    if n < 0 {
        out.push('-');
    }
    push_u64(out, n.unsigned_abs(), 1);
}

/// Writes a date as `{year:04}-{month:02}-{day:02}` does (`-005` for the year -5: the
/// width counts the sign).
fn push_date(out: &mut String, year: i32, month: u8, day: u8) {
    crate::emit::push_date(out, year, month, Some(day));
}

/// Writes `units / 10^scale` exactly (scale at most 18).
fn push_decimal(out: &mut String, units: i64, scale: u8) {
    let scale = u32::from(scale.min(18));
    let pow = 10u64.pow(scale);
    let abs = units.unsigned_abs();
    if units < 0 {
        out.push('-');
    }
    push_u64(out, abs / pow, 1);
    if scale > 0 {
        out.push('.');
        push_u64(out, abs % pow, scale as usize);
    }
}

impl ArgValue {
    /// Writes the value as a message shows it (Japanese or English labels).
    pub(super) fn write(&self, out: &mut String, ja: bool) {
        match self {
            ArgValue::Int(n) => push_i64(out, *n),
            ArgValue::Date { year, month, day } => push_date(out, *year, *month, *day),
            ArgValue::Decimal { units, scale } => push_decimal(out, *units, *scale),
            ArgValue::Code(c) => out.push_str(c),
            ArgValue::Label(l) => out.push_str(if ja { l.ja } else { l.en }),
            ArgValue::Labels(ls) => {
                for (i, l) in ls.iter().enumerate() {
                    if i > 0 {
                        out.push_str(if ja { "、" } else { ", " });
                    }
                    let label = if ja { l.ja } else { l.en };
                    if l.code.is_empty() {
                        out.push_str(label);
                    } else {
                        out.push_str(l.code);
                        out.push_str(if ja { "（" } else { " (" });
                        out.push_str(label);
                        out.push_str(if ja { "）" } else { ")" });
                    }
                }
            }
        }
    }
}

/// A labelled value as data: `{"code", "label_en", "label_ja"}` (in this order, the
/// order of the keys' letters, as reports have always written it).
struct LabelJson<'a>(&'a Label);

impl Serialize for LabelJson<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("Label", 3)?;
        st.serialize_field("code", self.0.code)?;
        st.serialize_field("label_en", self.0.en)?;
        st.serialize_field("label_ja", self.0.ja)?;
        st.end()
    }
}

/// One argument's value as data: integers as JSON numbers; dates, codes and decimals as
/// their text; labelled values as objects.
struct ValueJson<'a>(&'a ArgValue);

impl Serialize for ValueJson<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self.0 {
            ArgValue::Int(n) => s.serialize_i64(*n),
            ArgValue::Code(c) => s.serialize_str(c),
            ArgValue::Date { .. } | ArgValue::Decimal { .. } => {
                let mut text = String::new();
                self.0.write(&mut text, false);
                s.serialize_str(&text)
            }
            ArgValue::Label(l) => LabelJson(l).serialize(s),
            ArgValue::Labels(ls) => {
                let mut seq = s.serialize_seq(Some(ls.len()))?;
                for l in ls {
                    seq.serialize_element(&LabelJson(l))?;
                }
                seq.end()
            }
        }
    }
}

/// A finding's `args` object: keys in the order of their letters (byte order), one
/// entry per name, the last value given under a name (as a JSON object built from the
/// list would have it).
pub(super) struct ArgsJson<'a>(pub(super) &'a [Arg]);

/// The arguments in the order of their names (byte order), the last value given under
/// a name only. A finding has a handful of arguments: the next name after the previous
/// one by a scan (no sort, no allocation).
fn by_name(args: &[Arg]) -> impl Iterator<Item = &Arg> {
    let mut previous: Option<&str> = None;
    std::iter::from_fn(move || {
        let mut next: Option<&Arg> = None;
        for a in args {
            let after_previous = previous.is_none_or(|p| a.name > p);
            if after_previous && next.is_none_or(|n| a.name <= n.name) {
                next = Some(a);
            }
        }
        previous = next.map(|a| a.name);
        next
    })
}

impl Serialize for ArgsJson<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(self.0.len()))?;
        for a in by_name(self.0) {
            map.serialize_entry(a.name, &ValueJson(&a.value))?;
        }
        map.end()
    }
}

impl Emit for LabelJson<'_> {
    fn emit(&self, w: &mut JsonOut) {
        w.begin_object();
        w.name("code");
        w.str(self.0.code);
        w.name("label_en");
        w.str(self.0.en);
        w.name("label_ja");
        w.str(self.0.ja);
        w.end_object();
    }
}

impl Emit for ValueJson<'_> {
    fn emit(&self, w: &mut JsonOut) {
        match self.0 {
            ArgValue::Int(n) => w.i64(*n),
            ArgValue::Code(c) => w.str(c),
            ArgValue::Date { year, month, day } => w.date(*year, *month, Some(*day)),
            ArgValue::Decimal { .. } => {
                let mut text = String::new();
                self.0.write(&mut text, false);
                w.str(&text);
            }
            ArgValue::Label(l) => LabelJson(l).emit(w),
            ArgValue::Labels(ls) => {
                w.begin_array();
                for l in ls {
                    w.element();
                    LabelJson(l).emit(w);
                }
                w.end_array();
            }
        }
    }
}

impl Emit for ArgsJson<'_> {
    fn emit(&self, w: &mut JsonOut) {
        w.begin_object();
        for a in by_name(self.0) {
            w.key(a.name);
            ValueJson(&a.value).emit(w);
        }
        w.end_object();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(v: ArgValue) -> String {
        let mut s = String::new();
        v.write(&mut s, false);
        s
    }

    #[test]
    fn numbers_and_dates_as_written_by_hand() {
        assert_eq!(text(ArgValue::Int(0)), "0");
        assert_eq!(text(ArgValue::Int(-42)), "-42");
        assert_eq!(text(ArgValue::Int(i64::MIN)), "-9223372036854775808");
        assert_eq!(text(ArgValue::Int(i64::MAX)), "9223372036854775807");
        let date = |year, month, day| ArgValue::Date { year, month, day };
        assert_eq!(text(date(2026, 4, 1)), "2026-04-01");
        assert_eq!(text(date(987, 12, 31)), "0987-12-31");
        assert_eq!(text(date(12345, 1, 1)), "12345-01-01");
        assert_eq!(text(date(-5, 1, 1)), "-005-01-01");
        assert_eq!(text(date(i32::MIN, 0, 255)), "-2147483648-00-255");
        assert_eq!(text(ArgValue::decimal(1975, 2)), "19.75");
        assert_eq!(text(ArgValue::decimal(-5, 1)), "-0.5");
        assert_eq!(text(ArgValue::decimal(7, 18)), "0.000000000000000007");
        assert_eq!(text(ArgValue::decimal(7, 30)), "0.000000000000000007");
        assert_eq!(
            text(ArgValue::decimal(i64::MIN, 3)),
            "-9223372036854775.808"
        );
    }

    #[test]
    fn args_are_written_by_name_with_the_last_value_of_a_name() {
        let label = Label {
            code: "suction",
            ja: "吸引",
            en: "suctioning",
        };
        let args = vec![
            Arg {
                name: "max",
                value: ArgValue::Int(365),
            },
            Arg {
                name: "days",
                value: ArgValue::Int(-3),
            },
            Arg {
                name: "kind",
                value: ArgValue::Label(label),
            },
            Arg {
                name: "days",
                value: ArgValue::Int(400),
            },
            Arg {
                name: "from",
                value: ArgValue::Date {
                    year: 2026,
                    month: 4,
                    day: 1,
                },
            },
            Arg {
                name: "kinds",
                value: ArgValue::Labels(vec![label]),
            },
            Arg {
                name: "ratio",
                value: ArgValue::decimal(1975, 2),
            },
            Arg {
                name: "field",
                value: ArgValue::Code("frequency"),
            },
        ];
        let json = serde_json::to_string(&ArgsJson(&args)).unwrap();
        assert_eq!(crate::emit::to_string(&ArgsJson(&args)), json);
        assert_eq!(
            json,
            concat!(
                r#"{"days":400,"field":"frequency","from":"2026-04-01","#,
                r#""kind":{"code":"suction","label_en":"suctioning","label_ja":"吸引"},"#,
                r#""kinds":[{"code":"suction","label_en":"suctioning","label_ja":"吸引"}],"#,
                r#""max":365,"ratio":"19.75"}"#
            )
        );
        assert_eq!(serde_json::to_string(&ArgsJson(&[])).unwrap(), "{}");
        assert_eq!(crate::emit::to_string(&ArgsJson(&[])), "{}");
    }
}
