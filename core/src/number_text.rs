//! Numbers of the model (`f64`) as text, without the standard library's floating-point
//! formatting (issue 19, P6: Grisu and Dragon are ≈ 17 KB of the WASM module's code).
//!
//! [`shortest`] writes what `format!("{v}")` writes (the shortest decimal that reads back
//! as `v`, never in exponent notation): its digits come from `zmij`, the writer
//! `serde_json` already carries. [`tenths`] writes what `format!("{v:.1}")` writes: the
//! exact value rounded to one decimal, a tie to the even tenth, by integer arithmetic.
//! Both are byte-identical to the standard formatting for every `f64` (the tests compare
//! them on special values and on 200,000 scattered values).

/// The text of `v` begun with its sign (`Ok`: `""` or `"-"`), or, for NaN and the
/// infinities, its whole text as the standard formatting writes it (`Err`).
fn sign_of(v: f64) -> Result<String, String> {
    if v.is_nan() {
        return Err("NaN".to_owned());
    }
    let mut out = String::new();
    if v.is_sign_negative() {
        out.push('-');
    }
    if v.is_infinite() {
        out.push_str("inf");
        return Err(out);
    }
    Ok(out)
}

/// `v` as `format!("{v}")` writes it: `36.6`, `200`, `-0`, `0.0000001`,
/// `1000000000000000000000`, `NaN`, `inf`.
pub(crate) fn shortest(v: f64) -> String {
    let mut out = match sign_of(v) {
        Ok(sign) => sign,
        Err(whole) => return whole,
    };
    let v = v.abs();
    let mut buffer = zmij::Buffer::new();
    let text = buffer.format_finite(v);
    // `zmij` writes `12.34`, `1234.0`, `0.001234` or `1.234e33`, `1e-7`: take its
    // digits D and exponent k (v ≈ D × 10^k), then lay them out without an exponent.
    let (mantissa, exp) = match text.split_once('e') {
        Some((m, e)) => (m, e.parse::<i32>().unwrap_or(0)),
        None => (text, 0),
    };
    let (whole, fraction) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let mut d: u64 = 0;
    for c in whole.bytes().chain(fraction.bytes()) {
        d = d
            .saturating_mul(10)
            .saturating_add(u64::from(c.wrapping_sub(b'0')));
    }
    let mut k = exp.saturating_sub(i32::try_from(fraction.len()).unwrap_or(0));
    if d == 0 {
        out.push('0');
        return out;
    }
    // When v lies exactly halfway between D and D + 1 (in the last digit), `zmij`
    // takes the even one and the standard formatting the upper one.
    if halfway_above(v, d, k) {
        d += 1;
    }
    while d.is_multiple_of(10) {
        d /= 10;
        k = k.saturating_add(1);
    }
    let digits = d.to_string();
    let point = k.saturating_add(i32::try_from(digits.len()).unwrap_or(0));
    lay_out(&mut out, digits.as_bytes(), point);
    out
}

/// `|v| = m × 2^e` exactly (`m` < 2^53).
fn parts(v: f64) -> (u64, i32) {
    let bits = v.to_bits();
    let biased = ((bits >> 52) & 0x7ff) as i32;
    let fraction = bits & ((1u64 << 52) - 1);
    if biased == 0 {
        (fraction, -1074)
    } else {
        (fraction | (1u64 << 52), biased - 1075)
    }
}

/// True if `v` (finite, positive) is exactly `(D + ½) × 10^k`, i.e.
/// `2v = (2D + 1) × 2^k × 5^k`: compared as odd parts and powers of two.
fn halfway_above(v: f64, d: u64, k: i32) -> bool {
    let (m, e) = parts(v);
    if m == 0 {
        return false;
    }
    let twos = i64::from(m.trailing_zeros()) + i64::from(e) + 1;
    let odd = u128::from(m >> m.trailing_zeros());
    let target = u128::from(d) * 2 + 1;
    let five = |n: i32| 5u128.checked_pow(n.unsigned_abs());
    if k >= 0 {
        twos == i64::from(k) && five(k).and_then(|p| target.checked_mul(p)) == Some(odd)
    } else {
        twos + i64::from(-k) == 0 && five(k).and_then(|p| odd.checked_mul(p)) == Some(target)
    }
}

/// Writes the digits `d1 d2 …` with the decimal point after the first `point` of them
/// (`point` ≤ 0: `0.000d1…`; `point` ≥ their count: zeros follow, no point).
fn lay_out(out: &mut String, digits: &[u8], point: i32) {
    let n = digits.len();
    if point <= 0 {
        out.push_str("0.");
        zeros(out, point.unsigned_abs() as usize);
        push_digits(out, digits);
    } else {
        let p = point as usize;
        if p >= n {
            push_digits(out, digits);
            zeros(out, p - n);
        } else {
            push_digits(out, digits.get(..p).unwrap_or(&[]));
            out.push('.');
            push_digits(out, digits.get(p..).unwrap_or(&[]));
        }
    }
}

fn zeros(out: &mut String, n: usize) {
    out.extend(std::iter::repeat_n('0', n));
}

fn push_digits(out: &mut String, digits: &[u8]) {
    out.extend(digits.iter().map(|d| char::from(*d)));
}

/// `v` as `format!("{v:.1}")` writes it: the exact binary value rounded to one decimal
/// (a tie to the even tenth: 0.25 → `0.2`, 4.75 → `4.8`; 0.05, a little above 1/20 in
/// binary, → `0.1`), with the sign of `v` (`-0.0`), whole numbers in all their digits
/// (1e23 → `99999999999999991611392.0`).
pub(crate) fn tenths(v: f64) -> String {
    let mut out = match sign_of(v) {
        Ok(sign) => sign,
        Err(whole) => return whole,
    };
    let (m, e) = parts(v);
    if e >= 0 {
        whole_number(&mut out, m, e.unsigned_abs());
        out.push_str(".0");
        return out;
    }
    // Tenths: 10m / 2^s, rounded half to even. 10m < 2^57, so with s > 64 the quotient
    // is 0 and the remainder is under half.
    let s = e.unsigned_abs();
    let tens = u128::from(m) * 10;
    let tenths_count = if s > 64 {
        0
    } else {
        let q = tens >> s;
        let r = tens - (q << s);
        let half = 1u128 << (s - 1);
        let rounded = if r > half || (r == half && q % 2 == 1) {
            q + 1
        } else {
            q
        };
        u64::try_from(rounded).unwrap_or(u64::MAX)
    };
    out.push_str(&(tenths_count / 10).to_string());
    out.push('.');
    out.push(char::from(b'0' + (tenths_count % 10) as u8));
    out
}

/// Writes the whole number `m × 2^e` in all its digits (up to 309 for the largest
/// `f64`): base-10^9 limbs, doubled `e` times.
fn whole_number(out: &mut String, m: u64, e: u32) {
    const BASE: u64 = 1_000_000_000;
    // Least significant limb first.
    let mut limbs: Vec<u64> = vec![m % BASE, (m / BASE) % BASE, m / BASE / BASE];
    for _ in 0..e {
        let mut carry = 0u64;
        for limb in &mut limbs {
            let x = *limb * 2 + carry;
            *limb = x % BASE;
            carry = x / BASE;
        }
        if carry > 0 {
            limbs.push(carry);
        }
    }
    while limbs.len() > 1 && limbs.last() == Some(&0) {
        limbs.pop();
    }
    let mut iter = limbs.iter().rev();
    if let Some(top) = iter.next() {
        out.push_str(&top.to_string());
    }
    for limb in iter {
        let text = limb.to_string();
        zeros(out, 9usize.saturating_sub(text.len()));
        out.push_str(&text);
    }
}

#[cfg(test)]
mod tests {
    use super::{shortest, tenths};

    #[test]
    fn shortest_as_written_by_hand() {
        let cases: [(f64, &str); 14] = [
            (36.6, "36.6"),
            (200.0, "200"),
            (0.0, "0"),
            (-0.0, "-0"),
            (-2.5, "-2.5"),
            (0.1 + 0.2, "0.30000000000000004"),
            (1e-7, "0.0000001"),
            (2.5e-8, "0.000000025"),
            (1e21, "1000000000000000000000"),
            (123_456_789_012_345_680.0, "123456789012345680"),
            (12.345678, "12.345678"),
            (f64::NAN, "NaN"),
            (f64::INFINITY, "inf"),
            (f64::NEG_INFINITY, "-inf"),
        ];
        for (v, text) in cases {
            assert_eq!(shortest(v), text, "{v:e}");
        }
    }

    #[test]
    fn tenths_as_written_by_hand() {
        let cases: [(f64, &str); 16] = [
            (4.0, "4.0"),
            (4.5, "4.5"),
            (0.25, "0.2"),
            (4.25, "4.2"),
            (4.75, "4.8"),
            (-4.25, "-4.2"),
            (0.05, "0.1"),
            (0.35, "0.3"),
            (0.45, "0.5"),
            (9.95, "9.9"),
            (-0.01, "-0.0"),
            (-0.0, "-0.0"),
            (2.5e-8, "0.0"),
            (1e21, "1000000000000000000000.0"),
            (1e23, "99999999999999991611392.0"),
            (5e-324, "0.0"),
        ];
        for (v, text) in cases {
            assert_eq!(tenths(v), text, "{v:e}");
        }
        assert!(tenths(f64::MAX).starts_with("1797693134862315708145274237317043567980"));
        assert!(tenths(f64::MAX).ends_with("404026184124858368.0"));
        assert_eq!(tenths(f64::MAX).len(), 311);
    }

    /// The standard formatting is the reference: special values, values near the
    /// boundaries of the layouts and 50,000 bit patterns spread over every exponent.
    #[test]
    fn both_agree_with_the_standard_formatting() {
        let mut values = vec![
            f64::MIN_POSITIVE,
            f64::MAX,
            f64::MIN,
            f64::EPSILON,
            5e-324,
            9_007_199_254_740_993.0,
            1e15,
            1e16,
            1e17,
            0.001,
            1e-5,
        ];
        for k in -30..=30 {
            values.push(10f64.powi(k));
            values.push(-1.5 * 10f64.powi(k));
            values.push(f64::from(k) / 20.0);
        }
        const N: usize = 50_000;
        let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
        for _ in 0..N {
            // xorshift64*: every exponent and sign, not only "nice" numbers.
            x ^= x >> 12;
            x ^= x << 25;
            x ^= x >> 27;
            let bits = x.wrapping_mul(0x2545_F491_4F6C_DD1D);
            values.push(f64::from_bits(bits));
            // Numbers of the size a document holds, with few decimals.
            values.push((bits % 2_000_000) as f64 / 1000.0);
            // Quarters near 10^15 and large whole numbers: where the last digit of the
            // shortest text can be a tie.
            values.push((bits % 4_000_000_000_000_000) as f64 / 4.0 + 1e15);
            values.push((bits >> 6) as f64);
        }
        for v in values {
            assert_eq!(shortest(v), format!("{v}"), "{v:e}");
            assert_eq!(tenths(v), format!("{v:.1}"), "{v:e} {:x}", v.to_bits());
        }
    }
}
