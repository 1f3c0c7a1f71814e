//! The slow path of reading: every problem of a document that the typed fast path could
//! not read, found in one report.
//!
//! The document is read again into a [`Tree`] (JSON kept in document order, repeated keys
//! kept), then deserialised into the model's type through [`Node`], a deserializer that
//! does not stop at a problem: a value of the wrong kind, a number out of range, a value
//! that is not one of an enumeration's choices or an unknown key is recorded as a
//! [`Problem`] (classified from the deserializer's own calls, never from error text) and
//! replaced by a neutral stand-in, so the reading goes on. Problems a type raises itself
//! (a missing required key, an impossible date) stop one pass; the reader notes the
//! problem, puts a stand-in at that place and reads again, so that after a few passes
//! every problem is known. The stand-ins also give a value of the type, which draft mode
//! computes on.

use super::Tree;
use crate::finding::Path;
use serde::de::{self, DeserializeSeed, Deserializer, IntoDeserializer, Visitor};
use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

/// The kind of value a field expects, in words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Expected {
    Text,
    Integer { min: i128, max: i128 },
    Number,
    Bool,
    List,
    Object,
    Choice,
    Nothing,
}

/// The kind of value the document has at a place (never the value itself).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Found {
    Null,
    Bool,
    Integer,
    Decimal,
    Text,
    List,
    Object,
}

/// One problem of an unreadable document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Kind {
    WrongType {
        expected: Expected,
        found: Found,
    },
    OutOfRange {
        min: i128,
        max: i128,
    },
    UnknownField {
        suggestion: Option<&'static str>,
    },
    UnknownValue {
        enum_name: &'static str,
        allowed: &'static [&'static str],
    },
    MissingField {
        field: &'static str,
    },
    DuplicateField,
    InvalidDate {
        reads_as: Option<(i32, u8, u8)>,
    },
    InvalidValue,
    WrongLength {
        expected: usize,
    },
    /// Draft mode: a required field not filled in yet (absent or `""`).
    NotFilled,
}

/// A problem and where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Problem {
    pub(crate) path: Path,
    pub(crate) kind: Kind,
}

/// The reader's own error: what stopped one pass, structurally.
#[derive(Debug)]
pub(crate) enum Error {
    Missing(&'static str),
    Date(Option<(i32, u8, u8)>),
    Length(usize),
    Other,
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("unreadable")
    }
}
impl std::error::Error for Error {}

impl de::Error for Error {
    fn custom<M: fmt::Display>(msg: M) -> Self {
        // Our own marker (see `crate::input::CUSTOM_ERROR_PREFIX`), written by the model's
        // own deserializers; anything else is "a value this field does not allow".
        let text = msg.to_string();
        if let Some(rest) = text.strip_prefix("kyoten:invalid_date") {
            return Error::Date(rest.strip_prefix(':').and_then(parse_ymd));
        }
        Error::Other
    }
    fn missing_field(field: &'static str) -> Self {
        Error::Missing(field)
    }
    fn invalid_length(len: usize, _: &dyn de::Expected) -> Self {
        Error::Length(len)
    }
}

fn parse_ymd(s: &str) -> Option<(i32, u8, u8)> {
    let mut it = s.splitn(3, '-');
    let y = it.next()?.parse().ok()?;
    let m = it.next()?.parse().ok()?;
    let d = it.next()?.parse().ok()?;
    Some((y, m, d))
}

/// Patches put in for the next pass.
#[derive(Default)]
struct Patches {
    /// Missing keys added to the object at a pointer.
    added: BTreeMap<String, Vec<&'static str>>,
    /// Values replaced by a stand-in, with the stand-in's level (0, 1).
    replaced: BTreeMap<String, u8>,
    /// Array elements left out.
    removed: BTreeSet<String>,
}

struct Ctx {
    problems: RefCell<Vec<Problem>>,
    /// Where the pass stopped (first recorded, innermost).
    stop: RefCell<Option<Path>>,
    patches: Patches,
    draft: bool,
}

impl Ctx {
    fn note(&self, path: &Path, kind: Kind) {
        self.problems.borrow_mut().push(Problem {
            path: path.clone(),
            kind,
        });
    }
    fn stopped<T>(&self, path: &Path, r: Result<T, Error>) -> Result<T, Error> {
        if r.is_err() {
            let mut stop = self.stop.borrow_mut();
            if stop.is_none() {
                *stop = Some(path.clone());
            }
        }
        r
    }
}

/// What [`recover`] found.
pub(crate) struct Recovered<T> {
    /// Every problem, in the order found.
    pub(crate) problems: Vec<Problem>,
    /// A value of the type with stand-ins at the problems, when one could be built.
    pub(crate) value: Option<T>,
}

/// Reads `tree` as a `T`, collecting every problem.
pub(crate) fn recover<T: de::DeserializeOwned>(
    tree: &Tree,
    draft: bool,
    budget: usize,
) -> Recovered<T> {
    let mut stops: Vec<Problem> = Vec::new();
    let mut patches = Patches::default();
    for _ in 0..budget.max(1) {
        let ctx = Ctx {
            problems: RefCell::new(Vec::new()),
            stop: RefCell::new(None),
            patches,
            draft,
        };
        let node = Node {
            tree,
            path: Path::root(),
            ctx: &ctx,
        };
        let result = T::deserialize(node);
        let Ctx {
            problems,
            stop,
            patches: mut p,
            ..
        } = ctx;
        let mut problems = problems.into_inner();
        match result {
            Ok(v) => {
                problems.extend(stops);
                return Recovered {
                    problems,
                    value: Some(v),
                };
            }
            Err(e) => {
                let at = stop.into_inner().unwrap_or_default();
                // A problem already noted at that place (a wrong kind of value whose
                // stand-in the type refused too) is the one to report.
                let noted = problems.iter().position(|q| q.path == at);
                let before = stops.len();
                if !patch(&mut p, &mut stops, &at, &e, draft) {
                    problems.extend(stops);
                    return Recovered {
                        problems,
                        value: None,
                    };
                }
                if let Some(i) = noted.filter(|_| !matches!(e, Error::Missing(_)))
                    && stops.len() > before
                {
                    stops.truncate(before);
                    stops.push(problems.swap_remove(i));
                }
                patches = p;
                continue;
            }
        }
    }
    Recovered {
        problems: stops,
        value: None,
    }
}

/// Notes the problem that stopped a pass and patches the document for the next one;
/// false if nothing more can be done.
fn patch(p: &mut Patches, stops: &mut Vec<Problem>, at: &Path, e: &Error, draft: bool) -> bool {
    match e {
        Error::Missing(field) => {
            let added = p.added.entry(at.as_str().to_owned()).or_default();
            if added.contains(field) {
                return escalate(p, &at.key(field));
            }
            added.push(field);
            stops.push(Problem {
                path: at.key(field),
                kind: if draft {
                    Kind::NotFilled
                } else {
                    Kind::MissingField { field }
                },
            });
            true
        }
        other => {
            let key = at.as_str().to_owned();
            if added_here(p, at) && !p.replaced.contains_key(&key) {
                // The stand-in of a missing field (level 0) was refused: that is not a
                // second problem of the field; try the next stand-in.
                p.replaced.insert(key, 1);
                return true;
            }
            if let Some(level) = p.replaced.get_mut(&key) {
                // A stand-in was refused too: try the next one, then give up the place.
                if *level == 0 {
                    *level = 1;
                    return true;
                }
                return escalate(p, at);
            }
            p.replaced.insert(key, 0);
            let kind = match other {
                Error::Date(reads_as) => Kind::InvalidDate {
                    reads_as: *reads_as,
                },
                Error::Length(n) => Kind::WrongLength { expected: *n },
                _ => Kind::InvalidValue,
            };
            stops.push(Problem {
                path: at.clone(),
                kind,
            });
            true
        }
    }
}

/// True if `at` is a missing field added with a stand-in.
fn added_here(p: &Patches, at: &Path) -> bool {
    let s = at.as_str();
    let Some(i) = s.rfind('/') else {
        return false;
    };
    let (parent, field) = (s.get(..i).unwrap_or(""), s.get(i + 1..).unwrap_or(""));
    p.added
        .get(parent)
        .is_some_and(|fields| fields.contains(&field))
}

/// Leaves out the innermost array element around `at`; false if there is none.
fn escalate(p: &mut Patches, at: &Path) -> bool {
    let mut s = at.as_str();
    while let Some(i) = s.rfind('/') {
        let last = s.get(i + 1..).unwrap_or("");
        if !last.is_empty() && last.bytes().all(|b| b.is_ascii_digit()) && !p.removed.contains(s) {
            p.removed.insert(s.to_owned());
            return true;
        }
        s = s.get(..i).unwrap_or("");
    }
    false
}

/// The deserializer over one node of the document.
struct Node<'a> {
    tree: &'a Tree,
    path: Path,
    ctx: &'a Ctx,
}

fn found(t: &Tree) -> Found {
    match t {
        Tree::Null => Found::Null,
        Tree::Bool(_) => Found::Bool,
        Tree::Number(n) if n.is_f64() => Found::Decimal,
        Tree::Number(_) => Found::Integer,
        Tree::String(_) => Found::Text,
        Tree::Array(_) => Found::List,
        Tree::Object(_) => Found::Object,
    }
}

impl<'a> Node<'a> {
    fn standin(&self) -> Standin<'a> {
        Standin {
            level: 0,
            path: self.path.clone(),
            ctx: self.ctx,
        }
    }
    /// The place is a stand-in for this pass.
    fn replaced(&self) -> Option<u8> {
        self.ctx.patches.replaced.get(self.path.as_str()).copied()
    }
    fn wrong(&self, expected: Expected) {
        self.ctx.note(
            &self.path,
            Kind::WrongType {
                expected,
                found: found(self.tree),
            },
        );
    }
    /// `""` in draft mode, for a field that needs a value.
    fn empty_in_draft(&self) -> bool {
        self.ctx.draft && matches!(self.tree, Tree::String(s) if s.is_empty())
    }

    fn int<V: Visitor<'a>>(self, min: i128, max: i128, v: V) -> Result<V::Value, Error> {
        if let Some(level) = self.replaced() {
            return Standin {
                level,
                ..self.standin()
            }
            .deserialize_u64(v);
        }
        let n = match self.tree {
            Tree::Number(n) => n.as_i64().map(i128::from).or(n.as_u64().map(i128::from)),
            _ => None,
        };
        let path = self.path.clone();
        let ctx = self.ctx;
        let r = match n {
            Some(n) if (min..=max).contains(&n) => {
                if n < 0 {
                    v.visit_i64(i64::try_from(n).unwrap_or(0))
                } else {
                    v.visit_u64(u64::try_from(n).unwrap_or(0))
                }
            }
            Some(_) => {
                self.ctx.note(&self.path, Kind::OutOfRange { min, max });
                self.standin().deserialize_u64(v)
            }
            None => {
                if self.empty_in_draft() {
                    self.ctx.note(&self.path, Kind::NotFilled);
                } else {
                    self.wrong(Expected::Integer { min, max });
                }
                self.standin().deserialize_u64(v)
            }
        };
        ctx.stopped(&path, r)
    }
}

macro_rules! ints {
    ($($m:ident: $t:ty),*) => {$(
        fn $m<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
            self.int(i128::from(<$t>::MIN), i128::from(<$t>::MAX), v)
        }
    )*};
}

impl<'de> Deserializer<'de> for Node<'de> {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
        if let Some(level) = self.replaced() {
            return Standin {
                level,
                ..self.standin()
            }
            .deserialize_any(v);
        }
        let (path, ctx) = (self.path.clone(), self.ctx);
        let r = match self.tree {
            Tree::Null => v.visit_unit(),
            Tree::Bool(b) => v.visit_bool(*b),
            Tree::Number(n) => {
                if let Some(u) = n.as_u64() {
                    v.visit_u64(u)
                } else if let Some(i) = n.as_i64() {
                    v.visit_i64(i)
                } else {
                    v.visit_f64(n.as_f64().unwrap_or(0.0))
                }
            }
            Tree::String(s) => v.visit_borrowed_str(s),
            Tree::Array(_) => return self.deserialize_seq(v),
            Tree::Object(_) => return self.deserialize_map(v),
        };
        ctx.stopped(&path, r)
    }

    fn deserialize_bool<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
        if let Some(level) = self.replaced() {
            return Standin {
                level,
                ..self.standin()
            }
            .deserialize_bool(v);
        }
        match self.tree {
            Tree::Bool(b) => self.ctx.stopped(&self.path, v.visit_bool(*b)),
            _ => {
                self.wrong(Expected::Bool);
                self.standin().deserialize_bool(v)
            }
        }
    }

    ints!(deserialize_i8: i8, deserialize_i16: i16, deserialize_i32: i32, deserialize_i64: i64,
          deserialize_u8: u8, deserialize_u16: u16, deserialize_u32: u32, deserialize_u64: u64);

    fn deserialize_i128<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
        self.int(i128::from(i64::MIN), i128::from(u64::MAX), v)
    }
    fn deserialize_u128<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
        self.int(0, i128::from(u64::MAX), v)
    }

    fn deserialize_f32<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
        self.deserialize_f64(v)
    }
    fn deserialize_f64<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
        if let Some(level) = self.replaced() {
            return Standin {
                level,
                ..self.standin()
            }
            .deserialize_f64(v);
        }
        match self.tree {
            Tree::Number(n) => {
                let r = v.visit_f64(n.as_f64().unwrap_or(0.0));
                self.ctx.stopped(&self.path, r)
            }
            _ => {
                if self.empty_in_draft() {
                    self.ctx.note(&self.path, Kind::NotFilled);
                } else {
                    self.wrong(Expected::Number);
                }
                self.standin().deserialize_f64(v)
            }
        }
    }

    fn deserialize_char<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
        self.deserialize_str(v)
    }
    fn deserialize_str<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
        if let Some(level) = self.replaced() {
            return Standin {
                level,
                ..self.standin()
            }
            .deserialize_str(v);
        }
        match self.tree {
            Tree::String(s) => {
                if self.empty_in_draft() {
                    // Not filled yet: noted here; the value itself may be refused by its
                    // type (a date), in which case the stand-in is used without a second note.
                    self.ctx.note(&self.path, Kind::NotFilled);
                    return self.standin().deserialize_str(v);
                }
                let r = v.visit_borrowed_str(s);
                self.ctx.stopped(&self.path, r)
            }
            _ => {
                self.wrong(Expected::Text);
                self.standin().deserialize_str(v)
            }
        }
    }
    fn deserialize_string<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
        self.deserialize_str(v)
    }
    fn deserialize_bytes<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
        self.deserialize_str(v)
    }
    fn deserialize_byte_buf<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
        self.deserialize_str(v)
    }

    fn deserialize_option<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
        if self.replaced().is_some() || self.empty_in_draft() {
            // A stand-in, or (draft mode) an optional field left empty: absent.
            return v.visit_none();
        }
        match self.tree {
            Tree::Null => v.visit_none(),
            _ => v.visit_some(self),
        }
    }

    fn deserialize_unit<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
        match self.tree {
            Tree::Null => v.visit_unit(),
            _ => {
                self.wrong(Expected::Nothing);
                v.visit_unit()
            }
        }
    }
    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        v: V,
    ) -> Result<V::Value, Error> {
        self.deserialize_unit(v)
    }
    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        v: V,
    ) -> Result<V::Value, Error> {
        v.visit_newtype_struct(self)
    }

    fn deserialize_seq<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
        if let Some(level) = self.replaced() {
            return Standin {
                level,
                ..self.standin()
            }
            .deserialize_seq(v);
        }
        match self.tree {
            Tree::Array(items) => {
                let seq = Seq {
                    items: items.iter().enumerate(),
                    path: &self.path,
                    ctx: self.ctx,
                };
                let r = v.visit_seq(seq);
                self.ctx.stopped(&self.path, r)
            }
            _ => {
                self.wrong(Expected::List);
                self.standin().deserialize_seq(v)
            }
        }
    }
    fn deserialize_tuple<V: Visitor<'de>>(self, _: usize, v: V) -> Result<V::Value, Error> {
        self.deserialize_seq(v)
    }
    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: usize,
        v: V,
    ) -> Result<V::Value, Error> {
        self.deserialize_seq(v)
    }

    fn deserialize_map<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
        self.object(None, v)
    }
    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        fields: &'static [&'static str],
        v: V,
    ) -> Result<V::Value, Error> {
        self.object(Some(fields), v)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        name: &'static str,
        variants: &'static [&'static str],
        v: V,
    ) -> Result<V::Value, Error> {
        if let Some(level) = self.replaced() {
            return Standin {
                level,
                ..self.standin()
            }
            .deserialize_enum(name, variants, v);
        }
        let (path, ctx) = (self.path.clone(), self.ctx);
        let (variant, content) = match self.tree {
            Tree::String(s) => (s.as_str(), None),
            Tree::Object(entries) if entries.len() == 1 => match entries.first() {
                Some((k, c)) => (k.as_str(), Some(c)),
                None => ("", None),
            },
            _ => {
                self.wrong(Expected::Choice);
                return self.standin().deserialize_enum(name, variants, v);
            }
        };
        let Some(known) = variants.iter().find(|x| **x == variant) else {
            if variant.is_empty() && self.ctx.draft {
                self.ctx.note(&self.path, Kind::NotFilled);
            } else {
                self.ctx.note(
                    &self.path,
                    Kind::UnknownValue {
                        enum_name: name,
                        allowed: variants,
                    },
                );
            }
            return self.standin().deserialize_enum(name, variants, v);
        };
        let r = v.visit_enum(Enum {
            variant: known,
            content,
            path: &path,
            ctx,
        });
        ctx.stopped(&path, r)
    }

    fn deserialize_identifier<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
        self.deserialize_str(v)
    }
    fn deserialize_ignored_any<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
        v.visit_unit()
    }
}

impl<'de> Node<'de> {
    fn object<V: Visitor<'de>>(
        self,
        fields: Option<&'static [&'static str]>,
        v: V,
    ) -> Result<V::Value, Error> {
        if let Some(level) = self.replaced() {
            let s = Standin {
                level,
                ..self.standin()
            };
            return match fields {
                Some(f) => s.deserialize_struct("", f, v),
                None => s.deserialize_map(v),
            };
        }
        let Tree::Object(entries) = self.tree else {
            if self.empty_in_draft() {
                self.ctx.note(&self.path, Kind::NotFilled);
            } else {
                self.wrong(Expected::Object);
            }
            let s = self.standin();
            return match fields {
                Some(f) => s.deserialize_struct("", f, v),
                None => s.deserialize_map(v),
            };
        };
        let added: &[&'static str] = self
            .ctx
            .patches
            .added
            .get(self.path.as_str())
            .map_or(&[], |a| a.as_slice());
        let map = Map {
            entries: entries.iter(),
            added: added.iter(),
            fields,
            seen: BTreeSet::new(),
            pending: None,
            path: &self.path,
            ctx: self.ctx,
        };
        let r = v.visit_map(map);
        self.ctx.stopped(&self.path, r)
    }
}

struct Seq<'a, 'p> {
    items: std::iter::Enumerate<std::slice::Iter<'a, Tree>>,
    path: &'p Path,
    ctx: &'a Ctx,
}

impl<'de> de::SeqAccess<'de> for Seq<'de, '_> {
    type Error = Error;
    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, Error> {
        for (i, item) in self.items.by_ref() {
            let path = self.path.index(i);
            if self.ctx.patches.removed.contains(path.as_str()) {
                continue;
            }
            return seed
                .deserialize(Node {
                    tree: item,
                    path,
                    ctx: self.ctx,
                })
                .map(Some);
        }
        Ok(None)
    }
}

struct Map<'a, 'p> {
    entries: std::slice::Iter<'a, (String, Tree)>,
    added: std::slice::Iter<'p, &'static str>,
    fields: Option<&'static [&'static str]>,
    seen: BTreeSet<&'a str>,
    pending: Option<Pending<'a>>,
    path: &'p Path,
    ctx: &'a Ctx,
}

enum Pending<'a> {
    Value(Path, &'a Tree),
    Standin(Path),
}

/// The model's field name nearest to `key` by edit distance, if near enough.
fn nearest(key: &str, fields: &'static [&'static str]) -> Option<&'static str> {
    let k: Vec<char> = key.chars().flat_map(char::to_lowercase).collect();
    if k.len() > 64 {
        return None;
    }
    let mut best: Option<(usize, &'static str)> = None;
    for f in fields {
        let fc: Vec<char> = f.chars().collect();
        let d = distance(&k, &fc);
        let limit = (fc.len().max(k.len()) / 3).max(1);
        if d <= limit && best.is_none_or(|(bd, _)| d < bd) {
            best = Some((d, f));
        }
    }
    best.map(|(_, f)| f)
}

/// Edit distance (optimal string alignment: insert, delete, replace, swap two
/// neighbours).
pub(crate) fn distance(a: &[char], b: &[char]) -> usize {
    let w = b.len() + 1;
    let mut d = vec![0usize; (a.len() + 1) * w];
    let at = |i: usize, j: usize| i * w + j;
    for i in 0..=a.len() {
        if let Some(x) = d.get_mut(at(i, 0)) {
            *x = i;
        }
    }
    for j in 0..=b.len() {
        if let Some(x) = d.get_mut(at(0, j)) {
            *x = j;
        }
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let ca = a.get(i - 1);
            let cb = b.get(j - 1);
            let cost = usize::from(ca != cb);
            let get = |i: usize, j: usize| d.get(at(i, j)).copied().unwrap_or(usize::MAX / 2);
            let mut v = (get(i - 1, j) + 1)
                .min(get(i, j - 1) + 1)
                .min(get(i - 1, j - 1) + cost);
            if i > 1 && j > 1 && ca == b.get(j - 2) && a.get(i - 2) == cb {
                v = v.min(get(i - 2, j - 2) + 1);
            }
            if let Some(x) = d.get_mut(at(i, j)) {
                *x = v;
            }
        }
    }
    d.last().copied().unwrap_or(0)
}

impl<'de> de::MapAccess<'de> for Map<'de, '_> {
    type Error = Error;
    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Error> {
        for (key, value) in self.entries.by_ref() {
            let path = self.path.key(key);
            if let Some(fields) = self.fields
                && !fields.contains(&key.as_str())
            {
                self.ctx.note(
                    &path,
                    Kind::UnknownField {
                        suggestion: nearest(key, fields),
                    },
                );
                continue;
            }
            if !self.seen.insert(key.as_str()) {
                self.ctx.note(&path, Kind::DuplicateField);
                continue;
            }
            self.pending = Some(Pending::Value(path, value));
            return seed.deserialize(key.as_str().into_deserializer()).map(Some);
        }
        for key in self.added.by_ref() {
            if self.seen.contains(key) {
                continue;
            }
            self.pending = Some(Pending::Standin(self.path.key(key)));
            return seed.deserialize((*key).into_deserializer()).map(Some);
        }
        Ok(None)
    }
    fn next_value_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<T::Value, Error> {
        match self.pending.take() {
            Some(Pending::Value(path, tree)) => seed.deserialize(Node {
                tree,
                path,
                ctx: self.ctx,
            }),
            Some(Pending::Standin(path)) => {
                let level = self
                    .ctx
                    .patches
                    .replaced
                    .get(path.as_str())
                    .copied()
                    .unwrap_or(0);
                seed.deserialize(Standin {
                    level,
                    path,
                    ctx: self.ctx,
                })
            }
            None => Err(Error::Other),
        }
    }
}

struct Enum<'a, 'p> {
    variant: &'static str,
    content: Option<&'a Tree>,
    path: &'p Path,
    ctx: &'a Ctx,
}

impl<'de, 'p> de::EnumAccess<'de> for Enum<'de, 'p> {
    type Error = Error;
    type Variant = Variant<'de>;
    fn variant_seed<V: DeserializeSeed<'de>>(
        self,
        seed: V,
    ) -> Result<(V::Value, Variant<'de>), Error> {
        let v = seed.deserialize(self.variant.into_deserializer())?;
        let path = if self.content.is_some() {
            self.path.key(self.variant)
        } else {
            self.path.clone()
        };
        Ok((
            v,
            Variant {
                content: self.content,
                path,
                ctx: self.ctx,
            },
        ))
    }
}

struct Variant<'a> {
    content: Option<&'a Tree>,
    path: Path,
    ctx: &'a Ctx,
}

impl<'de> de::VariantAccess<'de> for Variant<'de> {
    type Error = Error;
    fn unit_variant(self) -> Result<(), Error> {
        if self.content.is_some_and(|c| !matches!(c, Tree::Null)) {
            self.ctx.note(
                &self.path,
                Kind::WrongType {
                    expected: Expected::Nothing,
                    found: self.content.map_or(Found::Null, found),
                },
            );
        }
        Ok(())
    }
    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value, Error> {
        match self.content {
            Some(tree) => seed.deserialize(Node {
                tree,
                path: self.path,
                ctx: self.ctx,
            }),
            None => {
                self.ctx.note(
                    &self.path,
                    Kind::WrongType {
                        expected: Expected::Object,
                        found: Found::Text,
                    },
                );
                seed.deserialize(Standin {
                    level: 0,
                    path: self.path,
                    ctx: self.ctx,
                })
            }
        }
    }
    fn tuple_variant<V: Visitor<'de>>(self, _: usize, v: V) -> Result<V::Value, Error> {
        match self.content {
            Some(tree) => Node {
                tree,
                path: self.path,
                ctx: self.ctx,
            }
            .deserialize_seq(v),
            None => Standin {
                level: 0,
                path: self.path,
                ctx: self.ctx,
            }
            .deserialize_seq(v),
        }
    }
    fn struct_variant<V: Visitor<'de>>(
        self,
        fields: &'static [&'static str],
        v: V,
    ) -> Result<V::Value, Error> {
        match self.content {
            Some(tree) => Node {
                tree,
                path: self.path,
                ctx: self.ctx,
            }
            .deserialize_struct("", fields, v),
            None => Standin {
                level: 0,
                path: self.path,
                ctx: self.ctx,
            }
            .deserialize_struct("", fields, v),
        }
    }
}

/// A neutral stand-in for a value that is missing or could not be read: zero, `false`,
/// an empty list, the first choice, an object of stand-ins; text is `""` (level 0) or a
/// date (level 1, for fields that refuse `""`). It records nothing.
struct Standin<'a> {
    level: u8,
    path: Path,
    ctx: &'a Ctx,
}

impl<'de> Deserializer<'de> for Standin<'de> {
    type Error = Error;
    fn deserialize_any<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
        v.visit_unit()
    }
    fn deserialize_bool<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
        v.visit_bool(false)
    }
    fn deserialize_u64<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
        let r = v.visit_u64(u64::from(self.level));
        self.ctx.stopped(&self.path, r)
    }
    fn deserialize_f64<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
        v.visit_f64(0.0)
    }
    fn deserialize_str<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
        let r = v.visit_str(if self.level == 0 { "" } else { "2000-01-01" });
        self.ctx.stopped(&self.path, r)
    }
    fn deserialize_option<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
        v.visit_none()
    }
    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        v: V,
    ) -> Result<V::Value, Error> {
        v.visit_newtype_struct(self)
    }
    fn deserialize_seq<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
        let r = v.visit_seq(
            de::value::SeqDeserializer::<std::iter::Empty<()>, Error>::new(std::iter::empty()),
        );
        self.ctx.stopped(&self.path, r)
    }
    fn deserialize_map<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
        let r = v.visit_map(de::value::MapDeserializer::<
            std::iter::Empty<((), ())>,
            Error,
        >::new(std::iter::empty()));
        self.ctx.stopped(&self.path, r)
    }
    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        fields: &'static [&'static str],
        v: V,
    ) -> Result<V::Value, Error> {
        let r = v.visit_map(StandinMap {
            fields: fields.iter(),
            path: &self.path,
            ctx: self.ctx,
        });
        self.ctx.stopped(&self.path, r)
    }
    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _: &'static str,
        variants: &'static [&'static str],
        v: V,
    ) -> Result<V::Value, Error> {
        let variant = variants.first().copied().unwrap_or("");
        let r = v.visit_enum(StandinEnum {
            variant,
            path: &self.path,
            ctx: self.ctx,
        });
        self.ctx.stopped(&self.path, r)
    }
    serde::forward_to_deserialize_any! {
        unit unit_struct ignored_any
    }
    fn deserialize_char<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
        self.deserialize_str(v)
    }
    fn deserialize_string<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
        self.deserialize_str(v)
    }
    fn deserialize_bytes<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
        self.deserialize_str(v)
    }
    fn deserialize_byte_buf<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
        self.deserialize_str(v)
    }
    fn deserialize_identifier<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
        self.deserialize_str(v)
    }
    fn deserialize_tuple<V: Visitor<'de>>(self, _: usize, v: V) -> Result<V::Value, Error> {
        self.deserialize_seq(v)
    }
    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: usize,
        v: V,
    ) -> Result<V::Value, Error> {
        self.deserialize_seq(v)
    }
    fn deserialize_i8<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
        self.deserialize_u64(v)
    }
    fn deserialize_i16<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
        self.deserialize_u64(v)
    }
    fn deserialize_i32<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
        self.deserialize_u64(v)
    }
    fn deserialize_i64<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
        self.deserialize_u64(v)
    }
    fn deserialize_u8<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
        self.deserialize_u64(v)
    }
    fn deserialize_u16<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
        self.deserialize_u64(v)
    }
    fn deserialize_u32<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
        self.deserialize_u64(v)
    }
    fn deserialize_f32<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
        self.deserialize_f64(v)
    }
}

struct StandinMap<'a, 'p> {
    fields: std::slice::Iter<'static, &'static str>,
    path: &'p Path,
    ctx: &'a Ctx,
}

impl<'de> de::MapAccess<'de> for StandinMap<'de, '_> {
    type Error = Error;
    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Error> {
        match self.fields.as_slice().first() {
            Some(f) => seed.deserialize((*f).into_deserializer()).map(Some),
            None => Ok(None),
        }
    }
    fn next_value_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<T::Value, Error> {
        let f = self.fields.next().copied().unwrap_or("");
        let path = self.path.key(f);
        let level = self
            .ctx
            .patches
            .replaced
            .get(path.as_str())
            .copied()
            .unwrap_or(0);
        seed.deserialize(Standin {
            level,
            path,
            ctx: self.ctx,
        })
    }
}

struct StandinEnum<'a, 'p> {
    variant: &'static str,
    path: &'p Path,
    ctx: &'a Ctx,
}

impl<'de> de::EnumAccess<'de> for StandinEnum<'de, '_> {
    type Error = Error;
    type Variant = StandinVariant<'de>;
    fn variant_seed<V: DeserializeSeed<'de>>(
        self,
        seed: V,
    ) -> Result<(V::Value, StandinVariant<'de>), Error> {
        let v = seed.deserialize(self.variant.into_deserializer())?;
        Ok((
            v,
            StandinVariant {
                path: self.path.clone(),
                ctx: self.ctx,
            },
        ))
    }
}

struct StandinVariant<'a> {
    path: Path,
    ctx: &'a Ctx,
}

impl<'de> de::VariantAccess<'de> for StandinVariant<'de> {
    type Error = Error;
    fn unit_variant(self) -> Result<(), Error> {
        Ok(())
    }
    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value, Error> {
        seed.deserialize(Standin {
            level: 0,
            path: self.path,
            ctx: self.ctx,
        })
    }
    fn tuple_variant<V: Visitor<'de>>(self, _: usize, v: V) -> Result<V::Value, Error> {
        Standin {
            level: 0,
            path: self.path,
            ctx: self.ctx,
        }
        .deserialize_seq(v)
    }
    fn struct_variant<V: Visitor<'de>>(
        self,
        fields: &'static [&'static str],
        v: V,
    ) -> Result<V::Value, Error> {
        Standin {
            level: 0,
            path: self.path,
            ctx: self.ctx,
        }
        .deserialize_struct("", fields, v)
    }
}
