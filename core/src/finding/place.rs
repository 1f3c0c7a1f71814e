//! A JSON Pointer that is not built yet: [`Place`].
//!
//! Rules visit every element of a document but report few of them. A [`Place`] is a
//! linked list on the stack (parent place plus a key or an index), so naming the place of
//! each element costs nothing; the pointer text is built only when a finding is made
//! (`RULE.at(&place)` converts it into a pointer string).

use super::Path;

/// Where a value is in a document, as a chain of keys and indexes on the stack.
/// `Place::ROOT.key("items").index(2)` is the pointer `/items/2`, built only when it is
/// converted (`String::from(&place)`, [`Place::path`]).
#[derive(Debug, Clone, Copy)]
pub enum Place<'a> {
    /// The whole document.
    Root,
    /// Member `key` of the object at the parent place.
    Key(&'a Place<'a>, &'a str),
    /// Element `index` of the array at the parent place.
    Index(&'a Place<'a>, usize),
}

impl<'a> Place<'a> {
    /// The whole document ("").
    pub const ROOT: &'static Place<'static> = &Place::Root;

    /// This place's member `key`.
    pub fn key(&'a self, key: &'a str) -> Place<'a> {
        Place::Key(self, key)
    }

    /// This place's element `index`.
    pub fn index(&'a self, index: usize) -> Place<'a> {
        Place::Index(self, index)
    }

    /// The pointer as a [`Path`].
    pub fn path(&self) -> Path {
        Path::from_pointer(self.pointer())
    }

    /// The RFC 6901 pointer text (`~` → `~0`, `/` → `~1` in keys).
    pub fn pointer(&self) -> String {
        let mut out = String::with_capacity(48);
        self.write(&mut out);
        out
    }

    fn write(&self, out: &mut String) {
        match self {
            Place::Root => {}
            Place::Key(parent, key) => {
                parent.write(out);
                out.push('/');
                push_key(out, key);
            }
            Place::Index(parent, index) => {
                parent.write(out);
                out.push('/');
                push_index(out, *index);
            }
        }
    }
}

/// Writes an object key as one RFC 6901 pointer segment (`~` → `~0`, `/` → `~1`).
pub fn push_key(out: &mut String, key: &str) {
    if key.bytes().any(|b| b == b'~' || b == b'/') {
        for c in key.chars() {
            match c {
                '~' => out.push_str("~0"),
                '/' => out.push_str("~1"),
                c => out.push(c),
            }
        }
    } else {
        out.push_str(key);
    }
}

/// The object key one RFC 6901 pointer segment names (`~1` → `/`, `~0` → `~`).
pub fn key_of(segment: &str) -> std::borrow::Cow<'_, str> {
    if !crate::text::has_byte(segment, b'~') {
        return std::borrow::Cow::Borrowed(segment);
    }
    // As `segment.replace("~1", "/").replace("~0", "~")`, in one pass: `~1` first, so
    // that `~01` is `~1`, not `/`.
    let mut out = String::with_capacity(segment.len());
    let mut chars = segment.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, chars.peek()) {
            ('~', Some('1')) => {
                out.push('/');
                chars.next();
            }
            ('~', Some('0')) => {
                out.push('~');
                chars.next();
            }
            _ => out.push(c),
        }
    }
    std::borrow::Cow::Owned(out)
}

/// Writes `i` in decimal (without `format!`: pointers are built often).
pub(super) fn push_index(out: &mut String, i: usize) {
    crate::emit::push_u64(out, i as u64, 1);
}

impl From<&Place<'_>> for String {
    fn from(p: &Place<'_>) -> String {
        p.pointer()
    }
}

impl From<Place<'_>> for String {
    fn from(p: Place<'_>) -> String {
        p.pointer()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn key_of_decodes_as_the_two_replaces() {
        for seg in [
            "",
            "a",
            "~",
            "~0",
            "~1",
            "~01",
            "~10",
            "~~1",
            "~~01",
            "a~1b~0c",
            "~2",
            "業者~1~0~",
        ] {
            let want = seg.replace("~1", "/").replace("~0", "~");
            assert_eq!(key_of(seg), want, "{seg:?}");
            let mut back = String::new();
            push_key(&mut back, &want);
            assert_eq!(key_of(&back), want, "{seg:?}");
        }
    }

    #[test]
    fn builds_the_same_pointer_as_path() {
        let items = Place::ROOT.key("a/b");
        let at = items.key("m~n");
        let p = at.index(3);
        assert_eq!(p.pointer(), "/a~1b/m~0n/3");
        assert_eq!(
            p.path(),
            Path::root().key("a/b").key("m~n").index(3),
            "same text as Path"
        );
        assert_eq!(Place::ROOT.pointer(), "");
        assert_eq!(String::from(&Place::ROOT.index(0)), "/0");
    }
}
