//! The JSON writer of reports and results: [`Emit`] and one concrete writer,
//! [`JsonOut`] (issue 19, P6: serde's `Serialize` code, one generic copy per type and
//! per serializer, was ≈ 32 KB of the WASM form module's code).
//!
//! `#[derive(crate::emit::Emit)]` (`kyoten-derive`) generates `emit` from the same
//! `#[serde(...)]` attributes as serde's `#[derive(Serialize)]` (`rename`,
//! `rename_all`, `skip_serializing_if`, `transparent`; unit and one-value choices,
//! externally tagged), and refuses any other, so that the two writers cannot disagree. The text is byte for
//! byte what `serde_json::to_string` writes (no spaces; strings escaped as serde_json
//! does: `"` `\` and the control characters, `\n \r \t \b \f` short, others `\u00xx`;
//! `/` and non-ASCII as they are; numbers as serde_json writes them, non-finite floats
//! as `null`). The public types keep `Serialize` for library users; the operations
//! write through `Emit` (the tests compare both on every example, `emit::sameness`).

#[cfg(test)]
mod sameness;

/// The derive of [`Emit`] (see the module documentation).
pub use kyoten_derive::Emit;

/// A value that writes itself as JSON.
pub trait Emit {
    /// Writes the value's JSON at the end of `w`.
    fn emit(&self, w: &mut JsonOut);
}

/// JSON text being written (always valid UTF-8: a `String`).
///
/// Objects and lists need no state: a key or an element is preceded by a comma unless
/// it is the first, i.e. unless the text ends with the `{` or `[` that opened it.
#[derive(Debug, Default, Clone)]
pub struct JsonOut {
    text: String,
}

/// How each byte is written in a string (serde_json's table): 0 as it is, `u` as
/// `\u00xx`, else `\` and this letter. A table, so that the loop over a string's bytes
/// is one load and one test a byte (issue 19, P4′: strings are most of a report).
// Constant evaluation: an index out of range would not compile.
#[allow(clippy::indexing_slicing)]
static ESCAPE: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 0x20 {
        t[b] = b'u';
        b += 1;
    }
    t[0x08] = b'b';
    t[0x09] = b't';
    t[0x0a] = b'n';
    t[0x0c] = b'f';
    t[0x0d] = b'r';
    t[b'"' as usize] = b'"';
    t[b'\\' as usize] = b'\\';
    t
};

/// How `b` is written in a string (see [`ESCAPE`]).
fn escape(b: u8) -> u8 {
    ESCAPE.get(usize::from(b)).copied().unwrap_or(0)
}

impl JsonOut {
    /// An empty text with room for `n` bytes.
    pub fn with_capacity(n: usize) -> Self {
        JsonOut {
            text: String::with_capacity(n),
        }
    }

    /// The text written.
    pub fn into_string(self) -> String {
        self.text
    }

    /// The text written so far.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// Removes the last character (e.g. the `}` of an object to be continued).
    pub fn pop(&mut self) -> Option<char> {
        self.text.pop()
    }

    /// Appends JSON text as it is (the caller's text must be JSON in its place).
    pub fn raw(&mut self, json: &str) {
        self.text.push_str(json);
    }

    /// A comma unless the text ends with the `{` or `[` of the object or list being
    /// written.
    fn comma(&mut self) {
        if !matches!(self.text.as_bytes().last(), Some(b'{' | b'[')) {
            self.text.push(',');
        }
    }

    /// `{`.
    pub fn begin_object(&mut self) {
        self.text.push('{');
    }

    /// `}`.
    pub fn end_object(&mut self) {
        self.text.push('}');
    }

    /// `[`.
    pub fn begin_array(&mut self) {
        self.text.push('[');
    }

    /// `]`.
    pub fn end_array(&mut self) {
        self.text.push(']');
    }

    /// Before an element of a list: a comma unless it is the first.
    pub fn element(&mut self) {
        self.comma();
    }

    /// An object's key `"name":` (`name` needs no escape: a field's name). The derive
    /// passes the bare name, the same literal as the reading code's table of names
    /// (one copy in the module's data).
    pub fn name(&mut self, name: &str) {
        self.comma();
        self.text.push('"');
        self.text.push_str(name);
        self.text.push_str("\":");
    }

    /// A string that needs no escape (a choice's name), quoted.
    pub fn word(&mut self, s: &str) {
        self.text.push('"');
        self.text.push_str(s);
        self.text.push('"');
    }

    /// An object's key of any text (escaped), and the colon.
    pub fn key(&mut self, key: &str) {
        self.comma();
        self.str(key);
        self.text.push(':');
    }

    /// `null`.
    pub fn null(&mut self) {
        self.text.push_str("null");
    }

    /// `true` or `false`.
    pub fn bool(&mut self, b: bool) {
        self.text.push_str(if b { "true" } else { "false" });
    }

    /// A string, quoted and escaped as serde_json escapes it.
    pub fn str(&mut self, s: &str) {
        self.text.push('"');
        let mut start = 0;
        for (i, b) in s.bytes().enumerate() {
            let e = escape(b);
            if e == 0 {
                continue;
            }
            // Escaped bytes are ASCII: `start..i` lies on character boundaries.
            self.text.push_str(s.get(start..i).unwrap_or(""));
            start = i + 1;
            self.text.push('\\');
            if e == b'u' {
                // A control character: 0x00..=0x1f.
                self.text.push_str(if b < 0x10 { "u000" } else { "u001" });
                let low = b & 0xf;
                self.text.push(char::from(if low < 10 {
                    b'0' + low
                } else {
                    b'a' + low - 10
                }));
            } else {
                self.text.push(char::from(e));
            }
        }
        self.text.push_str(s.get(start..).unwrap_or(""));
        self.text.push('"');
    }

    /// An unsigned integer in decimal.
    pub fn u64(&mut self, n: u64) {
        self.digits(n, 1);
    }

    /// The digits of `n`, at least `width` of them (zeros in front).
    fn digits(&mut self, n: u64, width: usize) {
        push_u64(&mut self.text, n, width);
    }

    /// A date or a month as a string, as `format!("{year:04}-{month:02}-{day:02}")`
    /// writes it (without a day: `{year:04}-{month:02}`).
    pub fn date(&mut self, year: i32, month: u8, day: Option<u8>) {
        self.text.push('"');
        push_date(&mut self.text, year, month, day);
        self.text.push('"');
    }

    /// A signed integer in decimal.
    pub fn i64(&mut self, n: i64) {
        if n < 0 {
            self.text.push('-');
        }
        self.u64(n.unsigned_abs());
    }

    /// A float as serde_json writes it: the shortest text that reads back as `v`
    /// (`36.6`, `200.0`, `-0.0`, `1e21`, `1e-7`); `null` when not finite.
    pub fn f64(&mut self, v: f64) {
        if v.is_finite() {
            self.text.push_str(zmij::Buffer::new().format_finite(v));
        } else {
            self.null();
        }
    }
}

/// Writes the digits of `n`, at least `width` of them (zeros in front): the one digit
/// writer of reports, messages and pointers (no `core::fmt`).
pub(crate) fn push_u64(out: &mut String, n: u64, width: usize) {
    let mut digits = [b'0'; 20];
    let mut start = digits.len();
    let mut rest = n;
    loop {
        start -= 1;
        if let Some(slot) = digits.get_mut(start) {
            *slot = b'0' + (rest % 10) as u8;
        }
        rest /= 10;
        if rest == 0 || start == 0 {
            break;
        }
    }
    let start = start.min(digits.len().saturating_sub(width));
    for d in digits.get(start..).unwrap_or(&[]) {
        out.push(char::from(*d));
    }
}

/// Writes a date as `{year:04}-{month:02}-{day:02}` does (`-005` for the year -5: the
/// width counts the sign); without a day, `{year:04}-{month:02}`.
pub(crate) fn push_date(out: &mut String, year: i32, month: u8, day: Option<u8>) {
    if year < 0 {
        out.push('-');
        push_u64(out, u64::from(year.unsigned_abs()), 3);
    } else {
        push_u64(out, u64::from(year.unsigned_abs()), 4);
    }
    out.push('-');
    push_u64(out, u64::from(month), 2);
    if let Some(day) = day {
        out.push('-');
        push_u64(out, u64::from(day), 2);
    }
}

impl Emit for bool {
    fn emit(&self, w: &mut JsonOut) {
        w.bool(*self);
    }
}

macro_rules! unsigned {
    ($($t:ty),*) => {$(
        impl Emit for $t {
            fn emit(&self, w: &mut JsonOut) {
                w.u64(*self as u64);
            }
        }
    )*};
}
unsigned!(u8, u16, u32, u64, usize);

macro_rules! signed {
    ($($t:ty),*) => {$(
        impl Emit for $t {
            fn emit(&self, w: &mut JsonOut) {
                w.i64(*self as i64);
            }
        }
    )*};
}
signed!(i8, i16, i32, i64, isize);

impl Emit for std::num::NonZeroU32 {
    fn emit(&self, w: &mut JsonOut) {
        w.u64(u64::from(self.get()));
    }
}

impl Emit for f64 {
    fn emit(&self, w: &mut JsonOut) {
        w.f64(*self);
    }
}

impl Emit for str {
    fn emit(&self, w: &mut JsonOut) {
        w.str(self);
    }
}

impl Emit for String {
    fn emit(&self, w: &mut JsonOut) {
        w.str(self);
    }
}

impl Emit for () {
    fn emit(&self, w: &mut JsonOut) {
        w.null();
    }
}

impl<T: Emit + ?Sized> Emit for &T {
    fn emit(&self, w: &mut JsonOut) {
        (**self).emit(w);
    }
}

impl<T: Emit + ?Sized> Emit for Box<T> {
    fn emit(&self, w: &mut JsonOut) {
        (**self).emit(w);
    }
}

impl<T: Emit> Emit for Option<T> {
    fn emit(&self, w: &mut JsonOut) {
        match self {
            Some(v) => v.emit(w),
            None => w.null(),
        }
    }
}

impl<T: Emit> Emit for [T] {
    fn emit(&self, w: &mut JsonOut) {
        w.begin_array();
        for v in self {
            w.element();
            v.emit(w);
        }
        w.end_array();
    }
}

impl<T: Emit> Emit for Vec<T> {
    fn emit(&self, w: &mut JsonOut) {
        self.as_slice().emit(w);
    }
}

impl<K: AsRef<str>, V: Emit> Emit for std::collections::BTreeMap<K, V> {
    fn emit(&self, w: &mut JsonOut) {
        w.begin_object();
        for (k, v) in self {
            w.key(k.as_ref());
            v.emit(w);
        }
        w.end_object();
    }
}

impl Emit for serde_json::Number {
    fn emit(&self, w: &mut JsonOut) {
        if let Some(n) = self.as_u64() {
            w.u64(n);
        } else if let Some(n) = self.as_i64() {
            w.i64(n);
        } else {
            w.f64(self.as_f64().unwrap_or(f64::NAN));
        }
    }
}

impl Emit for serde_json::Value {
    fn emit(&self, w: &mut JsonOut) {
        use serde_json::Value;
        match self {
            Value::Null => w.null(),
            Value::Bool(b) => w.bool(*b),
            Value::Number(n) => n.emit(w),
            Value::String(s) => w.str(s),
            Value::Array(items) => items.emit(w),
            Value::Object(entries) => entries.emit(w),
        }
    }
}

impl Emit for serde_json::Map<String, serde_json::Value> {
    fn emit(&self, w: &mut JsonOut) {
        w.begin_object();
        for (k, v) in self {
            w.key(k);
            v.emit(w);
        }
        w.end_object();
    }
}

/// Writes `value` at the end of `w`: the writing of every report and result.
///
/// In tests, [`sameness::with_serde`] writes through `serde_json` instead, so that the
/// same runs can be written both ways and compared. Elsewhere the `Serialize` bound
/// costs nothing (no serde code is called, and the linker drops it).
pub(crate) fn write<T: Emit + serde::Serialize + ?Sized>(w: &mut JsonOut, value: &T) {
    #[cfg(test)]
    if sameness::serde_on() {
        w.raw(&serde_json::to_string(value).unwrap_or_default());
        return;
    }
    value.emit(w);
}

/// `value`'s JSON text.
pub fn to_string<T: Emit + ?Sized>(value: &T) -> String {
    let mut w = JsonOut::default();
    value.emit(&mut w);
    w.into_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn both<T: Emit + serde::Serialize + ?Sized>(v: &T) -> String {
        let ours = to_string(v);
        assert_eq!(ours, serde_json::to_string(v).unwrap());
        ours
    }

    #[test]
    fn strings_are_escaped_as_serde_json_escapes_them() {
        let every_control: String = (0u8..0x20).map(char::from).collect();
        both(every_control.as_str());
        assert_eq!(both("a\"b\\c/d"), r#""a\"b\\c/d""#);
        assert_eq!(both("\n\r\t\u{8}\u{c}"), r#""\n\r\t\b\f""#);
        assert_eq!(both("\u{0}\u{1f}\u{7f}"), "\"\\u0000\\u001f\u{7f}\"");
        assert_eq!(both("吸引 😀 é"), "\"吸引 😀 é\"");
        assert_eq!(both("\u{2028}\u{2029}"), "\"\u{2028}\u{2029}\"");
        assert_eq!(both(""), r#""""#);
        assert_eq!(both("前\"後\n"), "\"前\\\"後\\n\"");
        // Every character of the first 0x800 and some beyond, alone and in text.
        for c in (0u32..0x800).chain([0xfffd, 0x1_0000, 0x10_ffff]) {
            let c = char::from_u32(c).unwrap();
            both(&format!("{c}"));
            both(&format!("x{c}y{c}"));
        }
    }

    #[test]
    fn integers_of_every_width() {
        both(&0u8);
        both(&u8::MAX);
        both(&u16::MAX);
        both(&u32::MAX);
        both(&u64::MAX);
        both(&usize::MAX);
        both(&i8::MIN);
        both(&i16::MIN);
        both(&i32::MIN);
        assert_eq!(both(&i64::MIN), "-9223372036854775808");
        both(&i64::MAX);
        both(&isize::MIN);
        both(&-1i32);
        for n in [1u64, 9, 10, 99, 100, 1234567890, 10_000_000_000_000_000_000] {
            both(&n);
            both(&-(n as i64 / 2));
        }
    }

    #[test]
    fn floats_as_serde_json_writes_them() {
        for v in [
            0.0,
            -0.0,
            1.0,
            -1.5,
            36.6,
            0.1,
            1e21,
            1e22,
            1e-7,
            1.5e-7,
            123456789012345680.0,
            f64::MIN_POSITIVE,
            f64::MAX,
            f64::MIN,
            5e-324,
            f64::EPSILON,
        ] {
            both(&v);
        }
        assert_eq!(both(&-0.0f64), "-0.0");
        // serde_json (zmij) writes the exponent with its sign.
        assert_eq!(both(&1e21f64), "1e+21");
        assert_eq!(both(&1e-7f64), "1e-7");
        for v in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
            assert_eq!(both(&v), "null");
        }
        // Scattered values.
        let mut x = 0x9e37_79b9_7f4a_7c15u64;
        for _ in 0..20_000 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            both(&f64::from_bits(x));
        }
    }

    #[test]
    fn containers() {
        both(&Vec::<u8>::new());
        both(&vec![Some(1u8), None]);
        both(&vec![vec![String::from("a")], vec![]]);
        let mut m = std::collections::BTreeMap::new();
        both(&m);
        m.insert(String::from("b\""), 2u32);
        m.insert(String::from("a"), 1u32);
        assert_eq!(both(&m), r#"{"a":1,"b\"":2}"#);
        let v: serde_json::Value =
            serde_json::from_str(r#"{"z":[1,-2,2.5,1e300,null,true,"x\u0001"],"a":{}}"#).unwrap();
        both(&v);
    }
}
