//! 対象児の識別 / Identifying a child: the child id, the municipality code, and how two
//! records that describe one child are matched.
//!
//! # The child id
//!
//! [`ChildId`] (`summary.child.id`, required from document version 2) is an opaque id
//! that the hub assigns, e.g. `kyoten:odawara:2024-0017`: 1 to 64 characters, ASCII
//! letters, digits and `.` `_` `:` `-`, starting with a letter or a digit
//! (`^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$`). It is **not** personal data: it must not
//! contain the child's name, birth date or a phone number, so that a care conference, a
//! statistics table or a FHIR export can carry it without carrying the child. The rule
//! `summary.child.id_personal` warns when an id contains the birth date's digits
//! (`20170910` or `170910`), a Japanese phone number (10–11 digits starting with 0), or
//! the child's kana written in Hepburn romaji (`takahashi`).
//!
//! # Matching two records ([`same_child`])
//!
//! Two summaries, or a summary and a record from another source (a FHIR Patient, a
//! statistics row, a meeting's list of children), describe:
//!
//! 1. **the same child** ([`Match::Same`]) when their child ids are equal (compared
//!    exactly: ids are opaque, `A-1` and `a-1` are two ids);
//! 2. **possibly the same child** ([`Match::Possible`]) when the ids differ (for example
//!    two hubs numbered the child separately) but the date of birth, the sex, the
//!    municipality (the municipality code when both have one, else the name with white
//!    space removed) **and** the kana (white space removed, katakana read as hiragana)
//!    are all equal. Twins share the first three, so the kana must differ for them to
//!    stay two children. A possible match is for a person to confirm (by giving both
//!    records one id), never merged silently;
//! 3. **different children** ([`Match::Different`]) otherwise.
//!
//! # The municipality code
//!
//! [`MunicipalityCode`] is the six-digit 全国地方公共団体コード (JIS X 0402 with its check
//! digit, assigned by 総務省): the prefecture (2 digits, 01–47), the municipality
//! (3 digits) and a check digit. The check digit is computed from the first five digits
//! d1…d5 as `(11 − (6·d1 + 5·d2 + 4·d3 + 3·d4 + 2·d5) mod 11) mod 10` (a remainder of 0
//! gives 1, a remainder of 1 gives 0). Example: 小田原市 14206 → 6+20+8+0+12 = 46,
//! 46 mod 11 = 2, 11 − 2 = 9 → `142069`. The core checks the shape and the check digit
//! only; it holds no name–code table, so it cannot tell whether the code belongs to the
//! municipality named beside it.

use super::{Child, labelled};
use serde::{Deserialize, Serialize};

/// 対象児 id / An opaque child id assigned by the hub, e.g. `kyoten:odawara:2024-0017`.
///
/// Not personal data: no name, birth date or phone number in it. Two records with the
/// same id describe the same child.
#[derive(
    Debug,
    Clone,
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
#[cfg_attr(
    feature = "schema",
    schemars(example = "kyoten:odawara:2024-0017", example = "hub-0001")
)]
#[serde(transparent)]
pub struct ChildId(
    #[cfg_attr(
        feature = "schema",
        schemars(regex(pattern = r"^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$"))
    )]
    pub String,
);

impl ChildId {
    /// The id text.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// True if the id has the required shape:
    /// `^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$`.
    pub fn is_well_formed(&self) -> bool {
        id_well_formed(&self.0)
    }
}

/// True if `s` is shaped like a child id (`^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$`).
pub fn id_well_formed(s: &str) -> bool {
    let mut chars = s.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    first.is_ascii_alphanumeric()
        && s.len() <= 64
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | ':' | '-'))
}

labelled! {
    /// 個人情報らしく見える id の部分 / What in a child id looks like personal data.
    IdPersonalPart {
        /// 生年月日 / The date of birth.
        BirthDate => "生年月日", "date of birth";
        /// 電話番号 / A phone number.
        Phone => "電話番号", "phone number";
        /// 氏名（ローマ字） / The name in romaji.
        Name => "氏名（ローマ字）", "name in romaji";
    }
}

/// What in `id` looks like the personal data of `child` (the birth date's digits, a
/// phone number, the kana in Hepburn romaji), in that order; empty if nothing does.
pub fn personal_parts(id: &str, child: &Child) -> Vec<IdPersonalPart> {
    // Written without building strings: it runs on every valid summary.
    let mut out = Vec::new();
    let b = child.date_of_birth;
    let year = u32::try_from(b.year().rem_euclid(10_000)).unwrap_or(0);
    let full = digits_of([year, u32::from(b.month()), u32::from(b.day())], [4, 2, 2]);
    let short = digits_of(
        [year % 100, u32::from(b.month()), u32::from(b.day())],
        [2, 2, 2],
    );
    let is_digit = |c: char| c.is_ascii_digit();
    let all_digits = || id.bytes().filter(u8::is_ascii_digit);
    let runs = || id.split(|c: char| !is_digit(c)).filter(|r| !r.is_empty());
    let short = short.get(..6).unwrap_or(&[]);
    if contains(all_digits, full.get(..8).unwrap_or(&[]))
        || runs().any(|r| r.as_bytes().windows(6).any(|w| w == short))
    {
        out.push(IdPersonalPart::BirthDate);
    }
    // A phone number: 10–11 digits starting with 0, written together or with hyphens.
    let phone_like = |digits: &str| {
        let mut d = digits.bytes().filter(u8::is_ascii_digit);
        let first = d.next();
        let count = 1 + d.count();
        first == Some(b'0') && (10..=11).contains(&count)
    };
    if runs().any(phone_like)
        || id
            .split(|c: char| !(is_digit(c) || c == '-'))
            .any(phone_like)
    {
        out.push(IdPersonalPart::Phone);
    }
    let letters = || {
        id.bytes()
            .filter(u8::is_ascii_alphabetic)
            .map(|c| c.to_ascii_lowercase())
    };
    let name_hit = letters().nth(1).is_some()
        && child
            .kana
            .split([' ', '\u{3000}'])
            .filter_map(romaji)
            .any(|r| {
                // Short readings (ren, ai) only as a whole segment; longer ones anywhere.
                if r.len() >= 4 {
                    contains(letters, r.as_bytes())
                } else {
                    r.len() >= 2
                        && id
                            .split(|c: char| !c.is_ascii_alphabetic())
                            .any(|seg| seg.eq_ignore_ascii_case(&r))
                }
            });
    if name_hit {
        out.push(IdPersonalPart::Name);
    }
    out
}

/// The decimal digits of `values`, each written with `widths` digits (zero-padded), in
/// a fixed buffer; the used part is the sum of the widths.
fn digits_of(values: [u32; 3], widths: [u32; 3]) -> [u8; 8] {
    let mut buf = [0u8; 8];
    let mut at = 0usize;
    for (v, w) in values.into_iter().zip(widths) {
        for k in (0..w).rev() {
            let digit = (v / 10u32.pow(k)) % 10;
            if let Some(slot) = buf.get_mut(at) {
                *slot = b'0' + u8::try_from(digit).unwrap_or(0);
            }
            at += 1;
        }
    }
    buf
}

/// True if the byte sequence made by `seq` contains `pat` (not empty) as a contiguous part.
fn contains<I: Iterator<Item = u8> + Clone>(seq: impl Fn() -> I, pat: &[u8]) -> bool {
    let n = seq().count();
    n >= pat.len()
        && !pat.is_empty()
        && (0..=n - pat.len())
            .any(|start| seq().skip(start).take(pat.len()).eq(pat.iter().copied()))
}

/// Hepburn romaji of a kana word (hiragana or katakana), lower case; `None` if it holds
/// anything else. Long vowels (ー) are dropped, small ゃゅょ joined (きゃ → kya, しゃ → sha),
/// っ doubles the next consonant (っち → tchi), ん → n.
pub fn romaji(kana: &str) -> Option<String> {
    let mut out = String::new();
    let mut double_next = false;
    for c in kana.chars() {
        // Katakana → hiragana.
        let h = match c {
            '\u{30A1}'..='\u{30F6}' => char::from_u32(u32::from(c) - 0x60)?,
            _ => c,
        };
        match h {
            'ー' => continue,
            'っ' => {
                double_next = true;
                continue;
            }
            'ゃ' | 'ゅ' | 'ょ' => {
                let v = match h {
                    'ゃ' => "a",
                    'ゅ' => "u",
                    _ => "o",
                };
                // "ki" + ゃ → "kya"; "shi"/"chi"/"ji" + ゃ → "sha"/"cha"/"ja".
                if !out.ends_with('i') {
                    return None;
                }
                out.pop();
                if !(out.ends_with("sh") || out.ends_with("ch") || out.ends_with('j')) {
                    out.push('y');
                }
                out.push_str(v);
                continue;
            }
            _ => {}
        }
        let r = mora(h)?;
        if double_next {
            double_next = false;
            if r.starts_with("ch") {
                out.push('t');
            } else if let Some(first) = r.chars().next()
                && !matches!(first, 'a' | 'i' | 'u' | 'e' | 'o' | 'n')
            {
                out.push(first);
            }
        }
        out.push_str(r);
    }
    (!out.is_empty()).then_some(out)
}

fn mora(c: char) -> Option<&'static str> {
    #[rustfmt::skip]
    const TABLE: &[(char, &str)] = &[
        ('あ', "a"), ('い', "i"), ('う', "u"), ('え', "e"), ('お', "o"),
        ('か', "ka"), ('き', "ki"), ('く', "ku"), ('け', "ke"), ('こ', "ko"),
        ('が', "ga"), ('ぎ', "gi"), ('ぐ', "gu"), ('げ', "ge"), ('ご', "go"),
        ('さ', "sa"), ('し', "shi"), ('す', "su"), ('せ', "se"), ('そ', "so"),
        ('ざ', "za"), ('じ', "ji"), ('ず', "zu"), ('ぜ', "ze"), ('ぞ', "zo"),
        ('た', "ta"), ('ち', "chi"), ('つ', "tsu"), ('て', "te"), ('と', "to"),
        ('だ', "da"), ('ぢ', "ji"), ('づ', "zu"), ('で', "de"), ('ど', "do"),
        ('な', "na"), ('に', "ni"), ('ぬ', "nu"), ('ね', "ne"), ('の', "no"),
        ('は', "ha"), ('ひ', "hi"), ('ふ', "fu"), ('へ', "he"), ('ほ', "ho"),
        ('ば', "ba"), ('び', "bi"), ('ぶ', "bu"), ('べ', "be"), ('ぼ', "bo"),
        ('ぱ', "pa"), ('ぴ', "pi"), ('ぷ', "pu"), ('ぺ', "pe"), ('ぽ', "po"),
        ('ま', "ma"), ('み', "mi"), ('む', "mu"), ('め', "me"), ('も', "mo"),
        ('や', "ya"), ('ゆ', "yu"), ('よ', "yo"),
        ('ら', "ra"), ('り', "ri"), ('る', "ru"), ('れ', "re"), ('ろ', "ro"),
        ('わ', "wa"), ('ゐ', "i"), ('ゑ', "e"), ('を', "o"), ('ん', "n"),
        ('ゔ', "vu"), ('ぁ', "a"), ('ぃ', "i"), ('ぅ', "u"), ('ぇ', "e"), ('ぉ', "o"),
    ];
    TABLE.iter().find(|(k, _)| *k == c).map(|(_, r)| *r)
}

/// 全国地方公共団体コード / A six-digit 全国地方公共団体コード (JIS X 0402 with its check
/// digit), e.g. `142069` (小田原市).
#[derive(
    Debug,
    Clone,
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
#[cfg_attr(feature = "schema", schemars(example = "142069", example = "131016"))]
#[serde(transparent)]
pub struct MunicipalityCode(
    #[cfg_attr(feature = "schema", schemars(regex(pattern = r"^[0-9]{6}$")))] pub String,
);

labelled! {
    /// 地方公共団体コードの誤り / What is wrong with a municipality code.
    CodeProblem {
        /// 半角数字6桁ではない / Not six ASCII digits.
        NotSixDigits => "半角数字6桁ではありません", "not six digits";
        /// 都道府県の部分が 01〜47 ではない / The prefecture part is not 01–47.
        UnknownPrefecture => "都道府県の部分が 01〜47 ではありません", "the prefecture part is not 01–47";
        /// 検査数字が合わない / The check digit does not match.
        CheckDigit => "検査数字（6桁目）が合いません", "the check digit (sixth digit) does not match";
    }
}

impl MunicipalityCode {
    /// The code text.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// What is wrong with the code, if anything.
    pub fn problem(&self) -> Option<CodeProblem> {
        code_problem(&self.0)
    }
}

/// The check digit of the five-digit code `d` (JIS X 0402): weights 6, 5, 4, 3, 2,
/// `(11 − sum mod 11) mod 10`.
pub fn check_digit(d: [u8; 5]) -> u8 {
    let mut sum: u32 = 0;
    for (x, w) in d.iter().zip([6u32, 5, 4, 3, 2]) {
        sum += u32::from(*x) * w;
    }
    let r = sum % 11;
    u8::try_from((11 - r) % 10).unwrap_or(0)
}

/// What is wrong with the six-digit code `s`, if anything.
pub fn code_problem(s: &str) -> Option<CodeProblem> {
    let b = s.as_bytes();
    if b.len() != 6 || !b.iter().all(u8::is_ascii_digit) {
        return Some(CodeProblem::NotSixDigits);
    }
    let [c1, c2, c3, c4, c5, c6] = b else {
        return Some(CodeProblem::NotSixDigits);
    };
    let [d1, d2, d3, d4, d5, d6] = [*c1, *c2, *c3, *c4, *c5, *c6].map(|c| c - b'0');
    let pref = d1 * 10 + d2;
    if !(1..=47).contains(&pref) {
        return Some(CodeProblem::UnknownPrefecture);
    }
    if check_digit([d1, d2, d3, d4, d5]) != d6 {
        return Some(CodeProblem::CheckDigit);
    }
    None
}

labelled! {
    /// 二つの記録の照合結果 / Whether two records describe one child.
    Match {
        /// 同一児（id が同じ） / The same child: the ids are equal.
        Same => "同一児", "same child";
        /// 同一児の可能性（id は違うが生年月日・性別・市区町村・ふりがなが同じ） / Possibly the same child: different ids, but birth date, sex, municipality and kana equal.
        Possible => "同一児の可能性", "possibly the same child";
        /// 別の子 / Different children.
        Different => "別の子", "different children";
    }
}

/// Whether `a` and `b` describe one child (see the [module documentation](self)):
/// equal ids → [`Match::Same`]; otherwise equal date of birth, sex, municipality and
/// kana → [`Match::Possible`]; otherwise [`Match::Different`].
///
/// ```
/// use kyoten_core::summary::{Child, ChildId, Match, Sex, same_child};
/// use kyoten_core::calendar::IsoDate;
/// let born = IsoDate::parse("2020-05-01").unwrap();
/// let twin = |id: &str, kana: &str| Child {
///     id: ChildId(id.to_owned()),
///     name: String::new(),
///     kana: kana.to_owned(),
///     sex: Sex::Female,
///     date_of_birth: born,
///     municipality: "小田原市".to_owned(),
///     municipality_code: None,
///     blood_type: None,
/// };
/// assert_eq!(same_child(&twin("a-1", "さくら"), &twin("a-1", "さくら")), Match::Same);
/// assert_eq!(same_child(&twin("a-1", "さくら"), &twin("b-7", "サクラ")), Match::Possible);
/// // Twins: same birth date, sex and municipality, different kana.
/// assert_eq!(same_child(&twin("a-1", "さくら"), &twin("a-2", "もも")), Match::Different);
/// ```
pub fn same_child(a: &Child, b: &Child) -> Match {
    if a.id == b.id {
        return Match::Same;
    }
    let municipality_equal = match (&a.municipality_code, &b.municipality_code) {
        (Some(x), Some(y)) => x == y,
        _ => squeeze(&a.municipality) == squeeze(&b.municipality),
    };
    let kana_a = hiragana(&a.kana);
    if a.date_of_birth == b.date_of_birth
        && a.sex == b.sex
        && municipality_equal
        && !kana_a.is_empty()
        && kana_a == hiragana(&b.kana)
    {
        Match::Possible
    } else {
        Match::Different
    }
}

/// Text with every kind of white space removed.
fn squeeze(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if !c.is_whitespace() {
            out.push(c);
        }
    }
    out
}

/// Kana with white space removed and katakana read as hiragana.
fn hiragana(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if !c.is_whitespace() {
            out.push(match c {
                '\u{30A1}'..='\u{30F6}' => char::from_u32(u32::from(c) - 0x60).unwrap_or(c),
                _ => c,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The former version of [`personal_parts`] (building strings), kept as the reference.
    fn personal_parts_reference(id: &str, child: &Child) -> Vec<IdPersonalPart> {
        let mut out = Vec::new();
        let b = child.date_of_birth;
        let all_digits: String = id.chars().filter(char::is_ascii_digit).collect();
        let runs: Vec<&str> = id
            .split(|c: char| !c.is_ascii_digit())
            .filter(|r| !r.is_empty())
            .collect();
        let full = format!("{:04}{:02}{:02}", b.year(), b.month(), b.day());
        let short = format!(
            "{:02}{:02}{:02}",
            b.year().rem_euclid(100),
            b.month(),
            b.day()
        );
        if all_digits.contains(&full) || runs.iter().any(|r| r.contains(&short)) {
            out.push(IdPersonalPart::BirthDate);
        }
        // A phone number: 10–11 digits starting with 0, written together or with hyphens.
        let phone_like =
            |digits: &str| digits.starts_with('0') && (10..=11).contains(&digits.len());
        let hyphen_groups: Vec<String> = id
            .split(|c: char| !(c.is_ascii_digit() || c == '-'))
            .map(|g| g.chars().filter(char::is_ascii_digit).collect())
            .collect();
        if runs.iter().any(|r| phone_like(r)) || hyphen_groups.iter().any(|g| phone_like(g)) {
            out.push(IdPersonalPart::Phone);
        }
        let lower = id.to_ascii_lowercase();
        let letters: String = lower.chars().filter(char::is_ascii_lowercase).collect();
        let segments: Vec<&str> = lower
            .split(|c: char| !c.is_ascii_lowercase())
            .filter(|s| !s.is_empty())
            .collect();
        let name_hit = child
            .kana
            .split([' ', '\u{3000}'])
            .filter_map(romaji)
            .any(|r| {
                // Short readings (ren, ai) only as a whole segment; longer ones anywhere.
                if r.len() >= 4 {
                    letters.contains(&r)
                } else {
                    r.len() >= 2 && segments.contains(&r.as_str())
                }
            });
        if name_hit {
            out.push(IdPersonalPart::Name);
        }
        out
    }

    proptest! {
        #[test]
        fn personal_parts_match_the_reference(
            id in "[A-Za-z0-9:.-]{0,40}",
            kana in "[さとうひなたれんあい ]{0,8}",
            y in 1990i32..2030, m in 1u8..13, d in 1u8..29,
        ) {
            let child: Child = serde_json::from_value(serde_json::json!({
                "id": "x1", "name": "n", "kana": kana, "sex": "male",
                "date_of_birth": format!("{y:04}-{m:02}-{d:02}"), "municipality": "m"
            })).unwrap();
            prop_assert_eq!(personal_parts(&id, &child), personal_parts_reference(&id, &child));
        }
    }

    #[test]
    fn personal_parts_by_hand() {
        let child: Child = serde_json::from_value(serde_json::json!({
            "id": "x1", "name": "n", "kana": "さとう ひなた", "sex": "male",
            "date_of_birth": "2021-06-14", "municipality": "m"
        }))
        .unwrap();
        assert_eq!(personal_parts("kyoten:atsugi:2025-0041", &child), []);
        assert_eq!(
            personal_parts("20210614.090-1234-5678", &child),
            [IdPersonalPart::BirthDate, IdPersonalPart::Phone]
        );
        assert_eq!(
            personal_parts("c-210614", &child),
            [IdPersonalPart::BirthDate]
        );
        assert_eq!(personal_parts("HINATA-7", &child), [IdPersonalPart::Name]);
        assert_eq!(personal_parts("ai.1", &child), []);
    }

    #[test]
    fn real_codes_pass_the_check_digit() {
        // 総務省 全国地方公共団体コード; each check digit worked by hand in the comment.
        for code in [
            "142069", // 小田原市 1·6+4·5+2·4+0·3+6·2 = 46, r 2 → 9
            "142123", // 厚木市 41, r 8 → 3
            "141003", // 横浜市 30, r 8 → 3
            "131016", // 千代田区 27, r 5 → 6
            "011002", // 札幌市 9, r 9 → 2
            "472018", // 那覇市 69, r 3 → 8
            "142051", // 藤沢市 44, r 0 → 11 → 1
            "142140", // 伊勢原市 45, r 1 → 10 → 0
            "142077", // 茅ヶ崎市 48, r 4 → 7
        ] {
            assert_eq!(code_problem(code), None, "{code}");
        }
    }

    #[test]
    fn wrong_codes_are_caught() {
        assert_eq!(code_problem("142068"), Some(CodeProblem::CheckDigit));
        assert_eq!(code_problem("142050"), Some(CodeProblem::CheckDigit)); // 藤沢 r 0 written 0
        assert_eq!(code_problem("142141"), Some(CodeProblem::CheckDigit)); // 伊勢原 r 1 written 1
        assert_eq!(code_problem("14206"), Some(CodeProblem::NotSixDigits));
        assert_eq!(
            code_problem("１４２０６９"),
            Some(CodeProblem::NotSixDigits)
        );
        assert_eq!(code_problem("482017"), Some(CodeProblem::UnknownPrefecture));
        assert_eq!(code_problem("001007"), Some(CodeProblem::UnknownPrefecture));
    }

    #[test]
    fn ids() {
        for ok in [
            "kyoten:odawara:2024-0017",
            "A",
            "a.b_c-d:e",
            &"x".repeat(64),
        ] {
            assert!(id_well_formed(ok), "{ok}");
        }
        for bad in ["", "-a", ":a", "a b", "小田原-1", "a/b", &"x".repeat(65)] {
            assert!(!id_well_formed(bad), "{bad}");
        }
    }

    #[test]
    fn romaji_reads_hepburn() {
        assert_eq!(romaji("たかはし").as_deref(), Some("takahashi"));
        assert_eq!(romaji("キョウコ").as_deref(), Some("kyouko"));
        assert_eq!(romaji("しょうた").as_deref(), Some("shouta"));
        assert_eq!(romaji("いっぺい").as_deref(), Some("ippei"));
        assert_eq!(romaji("まっちゃ").as_deref(), Some("matcha"));
        assert_eq!(romaji("じゅん").as_deref(), Some("jun"));
        assert_eq!(romaji("山田"), None);
    }
}
