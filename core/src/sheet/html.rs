//! HTML building blocks of the sheet: the one escape function and text clipping.

/// Escapes `s` for HTML text and attribute values: `& < > " '` become character
/// references, and characters that could change how the rest of the sheet reads are
/// shown as "�" (visible, never silently dropped): control characters (except line
/// breaks and tabs, which become spaces), bidirectional controls (U+202A–U+202E,
/// U+2066–U+2069, U+200E, U+200F, U+061C), line and paragraph separators, and
/// non-characters.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\n' | '\r' | '\t' => out.push(' '),
            c if is_hidden_control(c) => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
    out
}

/// Characters the sheet never prints as they are.
pub fn is_hidden_control(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{200e}'
                | '\u{200f}'
                | '\u{061c}'
                | '\u{202a}'..='\u{202e}'
                | '\u{2066}'..='\u{2069}'
                | '\u{2028}'
                | '\u{2029}'
                | '\u{fff9}'..='\u{fffb}'
                | '\u{fdd0}'..='\u{fdef}'
                | '\u{fffe}'
                | '\u{ffff}'
        )
}

/// `s` trimmed, cut to `max` characters with a visible "…（省略）" when longer.
pub fn clip(s: &str, max: usize) -> String {
    let s = s.trim();
    if s.chars().count() <= max {
        s.to_owned()
    } else {
        let mut out: String = s.chars().take(max).collect();
        out.push_str("…（省略）");
        out
    }
}

/// Escaped and clipped.
pub fn text(s: &str, max: usize) -> String {
    escape(&clip(s, max))
}

/// Width of `s` in full-width characters (ASCII counts half), for the page estimate.
pub fn width(s: &str) -> usize {
    let halves: usize = s.chars().map(|c| if c.is_ascii() { 1 } else { 2 }).sum();
    halves.div_ceil(2)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_and_quotes_are_escaped() {
        assert_eq!(
            escape("<script>alert('x')</script>"),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"
        );
        assert_eq!(
            escape("a\"b&c</td><img src=x onerror=y>"),
            "a&quot;b&amp;c&lt;/td&gt;&lt;img src=x onerror=y&gt;"
        );
        assert_eq!(escape("&amp;"), "&amp;amp;");
        assert_eq!(escape("佐藤 陽向"), "佐藤 陽向");
    }

    #[test]
    fn bidi_and_control_characters_are_visible_marks() {
        assert_eq!(escape("abc\u{202e}def"), "abc\u{fffd}def");
        assert_eq!(escape("\u{2066}x\u{2069}"), "\u{fffd}x\u{fffd}");
        assert_eq!(
            escape("a\u{0}b\u{1b}c\u{7f}d\u{85}e"),
            "a\u{fffd}b\u{fffd}c\u{fffd}d\u{fffd}e"
        );
        assert_eq!(escape("a\nb\tc\r"), "a b c ");
        assert_eq!(escape("x\u{2028}y"), "x\u{fffd}y");
    }

    #[test]
    fn long_text_is_clipped_with_a_visible_mark() {
        let long = "あ".repeat(10_000);
        let c = clip(&long, 60);
        assert_eq!(c.chars().count(), 60 + 5);
        assert!(c.ends_with("…（省略）"));
        assert_eq!(clip("  短い  ", 60), "短い");
        assert_eq!(clip("abc", 3), "abc");
        assert_eq!(clip("abcd", 3), "abc…（省略）");
    }

    #[test]
    fn width_counts_ascii_as_half() {
        assert_eq!(width("ab"), 1);
        assert_eq!(width("abc"), 2);
        assert_eq!(width("あい"), 2);
        assert_eq!(width(""), 0);
    }
}
