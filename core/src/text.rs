//! Small text helpers without `core::str::pattern`'s two-way searcher.
//!
//! `str::contains(&str)` (and `str::contains(char)` for a char outside ASCII, which
//! searches for its UTF-8 text) brings in `StrSearcher` and its slicing-error path,
//! about 3.5 KB of the form module (issue 19, P6). The needles here are short and the
//! texts are field values, so a byte loop does the same work in a few dozen bytes of code.

/// True if `needle` occurs in `hay`, as `hay.contains(needle)`. Byte by byte: UTF-8 is
/// self-synchronising, so a byte match of a whole (valid) needle starts and ends on char
/// boundaries, and this is the same answer as the `str` method's.
pub(crate) fn contains(hay: &str, needle: &str) -> bool {
    needle.is_empty()
        || hay
            .as_bytes()
            .windows(needle.len())
            .any(|w| w == needle.as_bytes())
}

/// True if the ASCII byte `b` occurs in `text`, as `text.contains(char::from(b))`.
pub(crate) fn has_byte(text: &str, b: u8) -> bool {
    text.bytes().any(|x| x == b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contains_agrees_with_the_str_method() {
        let hays = [
            "",
            "a",
            "業者に連絡",
            "メーカーへ電話",
            "ジアゼパム坐剤 4mg",
            "~0~1",
            "ab",
        ];
        let needles = [
            "",
            "a",
            "b",
            "業者",
            "メーカー",
            "坐剤",
            "~1",
            "abc",
            "者に",
            "\u{3000}",
        ];
        for h in hays {
            for n in needles {
                assert_eq!(contains(h, n), h.contains(n), "{h:?} {n:?}");
            }
        }
        assert!(has_byte("2016/12/19", b'/'));
        assert!(!has_byte("2016年12月19日", b'/'));
    }
}
