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
use crate::index::TextIndex;
#[cfg(test)]
use serde::de::{self, Deserializer, Visitor};
use std::cell::RefCell;
use std::fmt;

#[cfg(test)]
pub(crate) mod oracle;
pub mod reader;
use reader::Recover;

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
pub enum Error {
    /// A required field is absent (the object's reader raises it).
    Missing(&'static str),
    /// Not a real date, and the date it may mean.
    Date(Option<(i32, u8, u8)>),
    /// A list of the wrong length.
    Length(usize),
    /// A value the field refuses.
    Other,
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("unreadable")
    }
}
impl std::error::Error for Error {}

#[cfg(test)]
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

#[cfg(test)]
fn parse_ymd(s: &str) -> Option<(i32, u8, u8)> {
    let mut it = s.splitn(3, '-');
    let y = it.next()?.parse().ok()?;
    let m = it.next()?.parse().ok()?;
    let d = it.next()?.parse().ok()?;
    Some((y, m, d))
}

/// Patches put in for the next pass (indexes of pointers: [`TextIndex`], the library's
/// one ordered map, issue 19).
#[derive(Default)]
struct Patches {
    /// Missing keys added to the object at a pointer: the pointer's position in
    /// `added_fields`.
    added: TextIndex<'static>,
    /// The keys added, per pointer of `added`.
    added_fields: Vec<Vec<&'static str>>,
    /// Values replaced by a stand-in, with the stand-in's level (0, 1).
    replaced: TextIndex<'static>,
    /// Array elements left out.
    removed: TextIndex<'static>,
}

impl Patches {
    /// The keys added to the object at `at`.
    fn added_at(&self, at: &str) -> &[&'static str] {
        self.added
            .get(at)
            .and_then(|i| self.added_fields.get(i))
            .map_or(&[], Vec::as_slice)
    }

    /// The keys added to the object at `at`, to add one.
    fn added_at_mut(&mut self, at: &str) -> Option<&mut Vec<&'static str>> {
        let i = match self.added.get(at) {
            Some(i) => i,
            None => {
                let i = self.added_fields.len();
                self.added.set(at.to_owned(), i);
                self.added_fields.push(Vec::new());
                i
            }
        };
        self.added_fields.get_mut(i)
    }
}

struct Ctx {
    problems: RefCell<Vec<Problem>>,
    /// Where the pass stopped (first recorded, innermost).
    stop: RefCell<Option<Path>>,
    patches: Patches,
    draft: bool,
    /// Draft mode: the place whose stand-ins take their second value (see [`Varied`]):
    /// `None` for none, `Some("")` for all of them (the root's), else a pointer.
    varied: Option<String>,
}

/// Which stand-ins take their second value: a date `2024-07-15` instead of
/// `2000-01-01`, the last choice instead of the first, 1 instead of 0, `true` instead of
/// `false`. Reading a draft twice, once with the first values and once with the second
/// ones at a place, shows which parts of a result rest on that place's stand-in (they
/// differ): those are withheld (`crate::operation`), never shown as if written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Varied<'a> {
    /// None: every stand-in its first value.
    None,
    /// The stand-ins at or inside this pointer.
    At(&'a str),
    /// Every stand-in.
    All,
}

/// The second stand-in date (see [`Varied`]).
const VARIED_DATE: &str = "2024-07-15";

impl Ctx {
    fn note(&self, path: &Path, kind: Kind) {
        self.problems.borrow_mut().push(Problem {
            path: path.clone(),
            kind,
        });
    }
    /// A read stopped at `path` (the first one recorded is the innermost).
    fn stop_at(&self, path: &Path) {
        let mut stop = self.stop.borrow_mut();
        if stop.is_none() {
            *stop = Some(path.clone());
        }
    }
}

/// What [`recover_varied`] found.
#[cfg(test)]
pub(crate) struct Recovered<T> {
    /// Every problem, in the order found.
    pub(crate) problems: Vec<Problem>,
    /// A value of the type with stand-ins at the problems, when one could be built.
    pub(crate) value: Option<T>,
}

/// Reads `tree` as a `T`, collecting every problem, with the stand-ins of `varied` taking
/// their second value (the tests'; `crate::input` reads through [`passes`] itself).
#[cfg(test)]
pub(crate) fn recover_varied<T: Recover>(
    tree: &Tree,
    draft: bool,
    budget: usize,
    varied: Varied<'_>,
) -> Recovered<T> {
    let mut value: Option<T> = None;
    let (problems, read) = passes(tree, draft, budget, varied, &mut value);
    Recovered {
        problems,
        value: value.filter(|_| read),
    }
}

/// The value of a document being read by [`passes`] (one implementation per document
/// type: a trait of our own, not `dyn FnMut`, whose vtable carries a `call_once` shim).
pub(crate) trait Document {
    /// Reads the document at `n` (one pass), its value kept.
    fn read_document(&mut self, n: Node<'_, '_>) -> Result<(), Error>;
}

impl<T: Recover> Document for Option<T> {
    fn read_document(&mut self, n: Node<'_, '_>) -> Result<(), Error> {
        *self = None;
        T::read_into(n, self)
    }
}

/// The passes of [`recover_varied`], each reading the document into `doc` (one copy
/// for every type of document): every problem, and whether the last pass read the
/// document.
pub(crate) fn passes(
    tree: &Tree,
    draft: bool,
    budget: usize,
    varied: Varied<'_>,
    doc: &mut dyn Document,
) -> (Vec<Problem>, bool) {
    let varied: Option<String> = match varied {
        Varied::None => None,
        Varied::At(p) => Some(p.to_owned()),
        Varied::All => Some(String::new()),
    };
    let mut stops: Vec<Problem> = Vec::new();
    let mut patches = Patches::default();
    for _ in 0..budget.max(1) {
        let ctx = Ctx {
            problems: RefCell::new(Vec::new()),
            stop: RefCell::new(None),
            patches,
            draft,
            varied: varied.clone(),
        };
        let result = doc.read_document(Node::new(Some(tree), At::ROOT, &ctx));
        let Ctx {
            problems,
            stop,
            patches: mut p,
            ..
        } = ctx;
        let mut problems = problems.into_inner();
        match result {
            Ok(()) => {
                problems.extend(stops);
                return (problems, true);
            }
            Err(e) => {
                let at = stop.into_inner().unwrap_or_default();
                // A problem already noted at that place (a wrong kind of value whose
                // stand-in the type refused too) is the one to report.
                let noted = problems.iter().position(|q| q.path == at);
                let before = stops.len();
                if !patch(&mut p, &mut stops, &at, &e, draft) {
                    problems.extend(stops);
                    return (problems, false);
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
    (stops, false)
}

/// Notes the problem that stopped a pass and patches the document for the next one;
/// false if nothing more can be done.
fn patch(p: &mut Patches, stops: &mut Vec<Problem>, at: &Path, e: &Error, draft: bool) -> bool {
    match e {
        Error::Missing(field) => {
            let Some(added) = p.added_at_mut(at.as_str()) else {
                return false;
            };
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
            if added_here(p, at) && !p.replaced.contains(&key) {
                // The stand-in of a missing field (level 0) was refused: that is not a
                // second problem of the field; try the next stand-in.
                p.replaced.set(key, 1);
                return true;
            }
            if let Some(level) = p.replaced.get(&key) {
                // A stand-in was refused too: try the next one, then give up the place.
                if level == 0 {
                    p.replaced.set(key, 1);
                    return true;
                }
                return escalate(p, at);
            }
            p.replaced.set(key, 0);
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
    p.added_at(parent).contains(&field)
}

/// Leaves out the innermost array element around `at`; false if there is none.
fn escalate(p: &mut Patches, at: &Path) -> bool {
    let mut s = at.as_str();
    while let Some(i) = s.rfind('/') {
        let last = s.get(i + 1..).unwrap_or("");
        if !last.is_empty() && last.bytes().all(|b| b.is_ascii_digit()) && !p.removed.contains(s) {
            p.removed.set(s.to_owned(), 0);
            return true;
        }
        s = s.get(..i).unwrap_or("");
    }
    false
}

/// The deserializer over one place of the document: a value of the document (`tree`), or
/// a neutral stand-in for a value that is missing, could not be read or was replaced
/// (`tree` is `None`): zero, `false`, an empty list, the first choice, an object of
/// stand-ins; text is `""` (level 0) or a date (level 1, for fields that refuse `""`). A
/// stand-in records nothing.
///
/// Both kinds are one type so that serde's generated reading code exists once per
/// document type (a second deserializer type doubled it: the WASM modules' size, issue
/// 19). The generic methods are thin: what does not depend on the visitor is in plain
/// functions (`text`, `integer`, `object_access`, …).
#[allow(missing_debug_implementations)]
pub struct Node<'a, 'p> {
    tree: Option<&'a Tree>,
    /// The stand-in's level (0, 1) when `tree` is `None`.
    level: u8,
    at: At<'p>,
    ctx: &'a Ctx,
}

/// One step of a JSON Pointer.
#[derive(Clone, Copy)]
enum Seg<'p> {
    Root,
    Key(&'p str),
    Index(usize),
}

/// Where a place is: its parent and its key or index. The JSON Pointer itself is built
/// only when a problem is noted or a patch looked up, not at every value of a readable
/// document.
#[derive(Clone, Copy)]
struct At<'p> {
    parent: Option<&'p At<'p>>,
    seg: Seg<'p>,
}

impl<'p> At<'p> {
    const ROOT: At<'static> = At {
        parent: None,
        seg: Seg::Root,
    };
    fn child(&'p self, seg: Seg<'p>) -> At<'p> {
        At {
            parent: Some(self),
            seg,
        }
    }
    /// The JSON Pointer (the nesting is at most the JSON reader's depth limit).
    fn path(&self) -> Path {
        match (self.parent, self.seg) {
            (Some(p), Seg::Key(k)) => p.path().key(k),
            (Some(p), Seg::Index(i)) => p.path().index(i),
            _ => Path::root(),
        }
    }
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

/// A number to visit.
enum Int {
    Unsigned(u64),
    Signed(i64),
}

/// What `deserialize_any` visits.
enum Any<'a> {
    Unit,
    Bool(bool),
    Int(Int),
    Float(f64),
    Str(&'a str),
    Seq,
    Map,
}

/// The stand-in text of a level.
fn standin_text(level: u8) -> &'static str {
    if level == 0 { "" } else { "2000-01-01" }
}

impl<'a, 'p> Node<'a, 'p> {
    /// The place `at` holding `tree` (`None`: a stand-in); a place replaced for this
    /// pass is a stand-in of the replacement's level.
    fn new(tree: Option<&'a Tree>, at: At<'p>, ctx: &'a Ctx) -> Self {
        let replaced = if ctx.patches.replaced.is_empty() {
            None
        } else {
            ctx.patches
                .replaced
                .get(at.path().as_str())
                .map(|level| u8::from(level != 0))
        };
        match replaced {
            Some(level) => Node {
                tree: None,
                level,
                at,
                ctx,
            },
            None => Node {
                tree,
                level: 0,
                at,
                ctx,
            },
        }
    }
    /// A stand-in of level 0 at `at`.
    fn standin_at(at: At<'p>, ctx: &'a Ctx) -> Self {
        Node {
            tree: None,
            level: 0,
            at,
            ctx,
        }
    }
    fn wrong(&self, expected: Expected) {
        if let Some(t) = self.tree {
            self.ctx.note(
                &self.at.path(),
                Kind::WrongType {
                    expected,
                    found: found(t),
                },
            );
        }
    }
    /// True if this stand-in takes its second value (see [`Varied`]).
    fn varied(&self) -> bool {
        let Some(at) = self.ctx.varied.as_deref() else {
            return false;
        };
        let path = self.at.path();
        let p = path.as_str();
        p == at || p.strip_prefix(at).is_some_and(|rest| rest.starts_with('/'))
    }
    /// `""` in draft mode, for a field that needs a value.
    fn empty_in_draft(&self) -> bool {
        self.ctx.draft && matches!(self.tree, Some(Tree::String(s)) if s.is_empty())
    }
    /// Notes `input.draft.not_filled` (draft mode, `""`) or a wrong kind of value.
    fn not_filled_or_wrong(&self, expected: Expected) {
        if self.empty_in_draft() {
            self.ctx.note(&self.at.path(), Kind::NotFilled);
        } else {
            self.wrong(expected);
        }
    }
    #[cfg(test)]
    fn stopped<T>(&self, r: Result<T, Error>) -> Result<T, Error> {
        if r.is_err() {
            self.ctx.stop_at(&self.at.path());
        }
        r
    }

    /// The integer to visit for a field of range `min..=max` (noting a problem and
    /// giving the stand-in's number when there is none).
    fn integer(&self, min: i128, max: i128) -> Int {
        let Some(tree) = self.tree else {
            return Int::Unsigned(u64::from(self.level) + u64::from(self.varied()));
        };
        let n = match tree {
            Tree::Number(n) => n.as_i64().map(i128::from).or(n.as_u64().map(i128::from)),
            _ => None,
        };
        match n {
            Some(n) if (min..=max).contains(&n) => {
                if n < 0 {
                    Int::Signed(i64::try_from(n).unwrap_or(0))
                } else {
                    Int::Unsigned(u64::try_from(n).unwrap_or(0))
                }
            }
            Some(_) => {
                self.ctx
                    .note(&self.at.path(), Kind::OutOfRange { min, max });
                Int::Unsigned(0)
            }
            None => {
                self.not_filled_or_wrong(Expected::Integer { min, max });
                Int::Unsigned(0)
            }
        }
    }

    /// The value `deserialize_any` visits.
    fn any(&self) -> Any<'a> {
        match self.tree {
            None | Some(Tree::Null) => Any::Unit,
            Some(Tree::Bool(b)) => Any::Bool(*b),
            Some(Tree::Number(n)) => {
                if let Some(u) = n.as_u64() {
                    Any::Int(Int::Unsigned(u))
                } else if let Some(i) = n.as_i64() {
                    Any::Int(Int::Signed(i))
                } else {
                    Any::Float(n.as_f64().unwrap_or(0.0))
                }
            }
            Some(Tree::String(s)) => Any::Str(s),
            Some(Tree::Array(_)) => Any::Seq,
            Some(Tree::Object(_)) => Any::Map,
        }
    }

    /// The boolean to visit, and whether a refusal stops the pass here.
    fn boolean(&self) -> (bool, bool) {
        match self.tree {
            Some(Tree::Bool(b)) => (*b, true),
            Some(_) => {
                self.wrong(Expected::Bool);
                (false, false)
            }
            None => (self.varied(), false),
        }
    }

    /// The number to visit, and whether a refusal stops the pass here.
    fn float(&self) -> (f64, bool) {
        match self.tree {
            Some(Tree::Number(n)) => (n.as_f64().unwrap_or(0.0), true),
            Some(_) => {
                self.not_filled_or_wrong(Expected::Number);
                (0.0, false)
            }
            None => (if self.varied() { 1.0 } else { 0.0 }, false),
        }
    }

    /// The text to visit.
    fn text(&self) -> &'a str {
        match self.tree {
            Some(Tree::String(s)) => {
                if self.empty_in_draft() {
                    // Not filled yet: noted here; the value itself may be refused by its
                    // type (a date), in which case the stand-in is used without a second
                    // note.
                    self.ctx.note(&self.at.path(), Kind::NotFilled);
                    return standin_text(0);
                }
                s
            }
            Some(_) => {
                self.wrong(Expected::Text);
                standin_text(0)
            }
            None if self.level > 0 && self.varied() => VARIED_DATE,
            None => standin_text(self.level),
        }
    }

    /// Absent (`None`) for a stand-in, `null` and (draft mode) an empty optional field.
    fn is_none(&self) -> bool {
        match self.tree {
            None | Some(Tree::Null) => true,
            Some(_) => self.empty_in_draft(),
        }
    }

    /// The list's elements (none for a stand-in or a value that is not a list).
    fn seq_access(&self) -> Seq<'a, '_> {
        let items: &'a [Tree] = match self.tree {
            Some(Tree::Array(items)) => items,
            Some(_) => {
                self.wrong(Expected::List);
                &[]
            }
            None => &[],
        };
        Seq {
            items: items.iter().enumerate(),
            at: &self.at,
            ctx: self.ctx,
        }
    }

    /// The object's entries; for a stand-in or a value that is not an object, an object
    /// of stand-ins for `fields` (a struct) or an empty one (a map).
    fn object_access(&self, fields: Option<&'static [&'static str]>) -> Map<'a, '_> {
        let entries: &'a [(String, Tree)] = match self.tree {
            Some(Tree::Object(entries)) => entries,
            Some(_) => {
                self.not_filled_or_wrong(Expected::Object);
                &[]
            }
            None => &[],
        };
        let added: &[&'static str] = if matches!(self.tree, Some(Tree::Object(_))) {
            if self.ctx.patches.added.is_empty() {
                &[]
            } else {
                self.ctx.patches.added_at(self.at.path().as_str())
            }
        } else {
            // A stand-in: every field a stand-in.
            fields.unwrap_or(&[])
        };
        Map {
            entries: entries.iter(),
            added: added.iter(),
            fields,
            seen: TextIndex::new(),
            pending: None,
            at: &self.at,
            ctx: self.ctx,
        }
    }
    /// The choice (and its content) to visit; a stand-in's is the first choice.
    fn enum_access(&self, name: &'static str, variants: &'static [&'static str]) -> Enum<'a, '_> {
        // The first choice, or (varied) the last.
        let pick = if self.ctx.varied.is_some() && self.varied() {
            variants.len().saturating_sub(1)
        } else {
            0
        };
        let standin = Enum {
            variant: variants.get(pick).copied().unwrap_or(""),
            index: u64::try_from(pick).unwrap_or(0),
            content: None,
            quiet: true,
            at: &self.at,
            ctx: self.ctx,
        };
        let (variant, content) = match self.tree {
            None => return standin,
            Some(Tree::String(s)) => (s.as_str(), None),
            Some(Tree::Object(entries)) if entries.len() == 1 => match entries.first() {
                Some((k, c)) => (k.as_str(), Some(c)),
                None => ("", None),
            },
            Some(_) => {
                self.wrong(Expected::Choice);
                return standin;
            }
        };
        let Some((index, known)) = variants.iter().enumerate().find(|(_, x)| **x == variant) else {
            if variant.is_empty() && self.ctx.draft {
                self.ctx.note(&self.at.path(), Kind::NotFilled);
            } else {
                self.ctx.note(
                    &self.at.path(),
                    Kind::UnknownValue {
                        enum_name: name,
                        allowed: variants,
                    },
                );
            }
            return standin;
        };
        Enum {
            variant: known,
            index: u64::try_from(index).unwrap_or(u64::MAX),
            content,
            quiet: false,
            at: &self.at,
            ctx: self.ctx,
        }
    }
}

struct Seq<'a, 'p> {
    items: std::iter::Enumerate<std::slice::Iter<'a, Tree>>,
    at: &'p At<'p>,
    ctx: &'a Ctx,
}

impl<'a, 'p> Seq<'a, 'p> {
    /// The next element not left out.
    fn next_node(&mut self) -> Option<Node<'a, 'p>> {
        for (i, item) in self.items.by_ref() {
            let at = self.at.child(Seg::Index(i));
            if !self.ctx.patches.removed.is_empty()
                && self.ctx.patches.removed.contains(at.path().as_str())
            {
                continue;
            }
            return Some(Node::new(Some(item), at, self.ctx));
        }
        None
    }
}

/// The entries of an object, then the stand-ins of the keys added for this pass (or,
/// for a stand-in object, of every field).
struct Map<'a, 'p> {
    entries: std::slice::Iter<'a, (String, Tree)>,
    added: std::slice::Iter<'p, &'static str>,
    fields: Option<&'static [&'static str]>,
    seen: TextIndex<'a>,
    pending: Option<Pending<'a>>,
    at: &'p At<'p>,
    ctx: &'a Ctx,
}

enum Pending<'a> {
    Value(&'a str, &'a Tree),
    Standin(&'static str),
}

/// The model's field name nearest to `key` by edit distance, if near enough.
fn nearest(key: &str, fields: &'static [&'static str]) -> Option<&'static str> {
    // ASCII case only: the model's field names are ASCII (and no Unicode case tables).
    let k: Vec<char> = key.chars().map(|c| c.to_ascii_lowercase()).collect();
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

/// The position of a key among a struct's fields.
fn position(fields: Option<&[&str]>, key: &str) -> Option<u64> {
    let i = fields?.iter().position(|f| *f == key)?;
    u64::try_from(i).ok()
}

impl<'a: 'p, 'p> Map<'a, 'p> {
    /// The next key to read (its value kept pending), noting unknown and repeated keys.
    fn next_key(&mut self) -> Option<Ident<'a>> {
        for (key, value) in self.entries.by_ref() {
            let index = position(self.fields, key);
            if let Some(fields) = self.fields
                && index.is_none()
            {
                self.ctx.note(
                    &self.at.child(Seg::Key(key)).path(),
                    Kind::UnknownField {
                        suggestion: nearest(key, fields),
                    },
                );
                continue;
            }
            if self.fields.is_some()
                && self.ctx.draft
                && matches!(value, Tree::String(v) if v.is_empty())
            {
                // Draft mode: a field written `""` is not filled in, the same as absent:
                // an optional one takes its default without a note, a required one is
                // reported missing (`input.draft.not_filled`) and gets a stand-in.
                continue;
            }
            if !self.seen.insert(key.as_str()) {
                self.ctx
                    .note(&self.at.child(Seg::Key(key)).path(), Kind::DuplicateField);
                continue;
            }
            self.pending = Some(Pending::Value(key, value));
            return Some(Ident { name: key, index });
        }
        for key in self.added.by_ref() {
            if self.seen.contains(key) {
                continue;
            }
            self.pending = Some(Pending::Standin(key));
            return Some(Ident {
                name: key,
                index: position(self.fields, key),
            });
        }
        None
    }
    /// The pending value.
    fn next_node(&mut self) -> Result<Node<'a, 'p>, Error> {
        match self.pending.take() {
            Some(Pending::Value(key, tree)) => Ok(Node::new(
                Some(tree),
                self.at.child(Seg::Key(key)),
                self.ctx,
            )),
            Some(Pending::Standin(key)) => {
                Ok(Node::new(None, self.at.child(Seg::Key(key)), self.ctx))
            }
            None => Err(Error::Other),
        }
    }
}

struct Enum<'a, 'p> {
    variant: &'static str,
    /// The choice's position among the enumeration's choices.
    index: u64,
    content: Option<&'a Tree>,
    /// A stand-in's choice: its content is a stand-in, without a note.
    quiet: bool,
    at: &'p At<'p>,
    ctx: &'a Ctx,
}

struct Variant<'a, 'p> {
    content: Option<&'a Tree>,
    quiet: bool,
    at: At<'p>,
    ctx: &'a Ctx,
}

impl<'a, 'p> Enum<'a, 'p> {
    /// The choice's content and place (under the choice's key when it has content).
    fn into_variant(self) -> Variant<'a, 'p> {
        let at = if self.content.is_some() {
            self.at.child(Seg::Key(self.variant))
        } else {
            *self.at
        };
        Variant {
            content: self.content,
            quiet: self.quiet,
            at,
            ctx: self.ctx,
        }
    }
}

impl<'a, 'p> Variant<'a, 'p> {
    /// A choice without content: any content but `null` is noted.
    fn unit(self) {
        if self.content.is_some_and(|c| !matches!(c, Tree::Null)) {
            self.ctx.note(
                &self.at.path(),
                Kind::WrongType {
                    expected: Expected::Nothing,
                    found: self.content.map_or(Found::Null, found),
                },
            );
        }
    }
    /// The content of a one-value choice (a choice written as text without its value is
    /// noted, unless it is a stand-in's).
    fn newtype_node(self) -> Node<'a, 'p> {
        if self.content.is_none() && !self.quiet {
            self.ctx.note(
                &self.at.path(),
                Kind::WrongType {
                    expected: Expected::Object,
                    found: Found::Text,
                },
            );
        }
        self.node()
    }
    /// The content as a place of the document; a stand-in when there is none.
    fn node(self) -> Node<'a, 'p> {
        match self.content {
            Some(tree) => Node::new(Some(tree), self.at, self.ctx),
            None => Node::standin_at(self.at, self.ctx),
        }
    }
}

/// A key of an object or the name of a choice, for serde's generated code. A struct's
/// field and an enumeration's choice are given by their position (`visit_u64`), so the
/// generated comparisons of names are never called and are left out of the binary (the
/// WASM modules' size, issue 19); any other key (of a map) is given as text.
struct Ident<'a> {
    name: &'a str,
    /// The position among the struct's fields or the enumeration's choices.
    index: Option<u64>,
}

#[cfg(test)]
mod tests {
    use super::super::{Limits, Read, read_with};
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, Clone, Deserialize, PartialEq, crate::input::Recover)]
    #[serde(rename_all = "snake_case")]
    enum Kind {
        First,
        Middle,
        Last,
    }

    /// A date-like value that refuses `""` (as the library's dates do).
    #[derive(Debug, PartialEq)]
    struct Day(String);
    impl<'de> Deserialize<'de> for Day {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            struct V;
            impl Visitor<'_> for V {
                type Value = Day;
                fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                    f.write_str("a date")
                }
                fn visit_str<E: de::Error>(self, s: &str) -> Result<Day, E> {
                    if s.len() == 10 {
                        Ok(Day(s.to_owned()))
                    } else {
                        Err(E::custom("kyoten:invalid_date"))
                    }
                }
            }
            d.deserialize_str(V)
        }
    }
    impl Recover for Day {
        fn read_into(n: Node<'_, '_>, out: &mut Option<Self>) -> Result<(), Error> {
            reader::text_of(&n, out, |s| {
                if s.len() == 10 {
                    Ok(Day(s.to_owned()))
                } else {
                    Err(Error::Date(None))
                }
            })
        }
    }

    #[derive(Debug, Deserialize, crate::input::Recover)]
    #[serde(deny_unknown_fields)]
    struct Form {
        name: String,
        kind: Kind,
        count: u32,
        on: Day,
        yes: bool,
        #[serde(default)]
        note: String,
        #[serde(default)]
        kinds: Vec<Kind>,
        #[serde(default)]
        flag: bool,
        maybe_kind: Option<Kind>,
        maybe_count: Option<u32>,
        maybe_on: Option<Day>,
    }

    const ALL_BLANK: &[u8] = br#"{"name":"","kind":"","count":"","on":"","yes":"","note":"","kinds":"","flag":"","maybe_kind":"","maybe_count":"","maybe_on":""}"#;

    fn as_draft(r: Read<Form>) -> Option<super::super::Draft<Form>> {
        match r {
            Read::Draft(d) => Some(d),
            _ => None,
        }
    }

    fn draft() -> Limits {
        Limits {
            draft: true,
            ..Limits::default()
        }
    }

    /// Draft mode: `""` is not filled in, the same as absent, in every field: a required
    /// field is `input.draft.not_filled` (with a stand-in), an optional one is simply
    /// absent (its default), without a finding.
    #[test]
    fn blank_is_absent_in_every_field() {
        let d = as_draft(read_with::<Form>(ALL_BLANK, &draft())).unwrap();
        let got: Vec<(&str, &str)> = d
            .findings
            .iter()
            .map(|f| (f.code.as_str(), f.path.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                ("input.draft.not_filled", "/name"),
                ("input.draft.not_filled", "/kind"),
                ("input.draft.not_filled", "/count"),
                ("input.draft.not_filled", "/on"),
                ("input.draft.not_filled", "/yes"),
            ]
        );
        let f = d.value;
        assert_eq!(f.note, "");
        assert!(f.kinds.is_empty());
        assert!(!f.flag);
        assert_eq!(
            (f.maybe_kind, f.maybe_count, f.maybe_on),
            (None, None, None)
        );
        // The stand-ins of the required fields: their first values.
        assert_eq!(f.name, "");
        assert_eq!(f.kind, Kind::First);
        assert_eq!(f.count, 0);
        assert_eq!(f.on, Day("2000-01-01".to_owned()));
        assert!(!f.yes);
        // The same document with the fields left out reads the same.
        let absent = as_draft(read_with::<Form>(b"{}", &draft())).unwrap();
        assert_eq!(absent.findings, d.findings);
    }

    /// Without draft mode `""` is a value: wrong for a number, not a choice, not a date.
    #[test]
    fn blank_is_a_value_outside_draft_mode() {
        let u = match read_with::<Form>(ALL_BLANK, &Limits::default()) {
            Read::Unreadable(u) => Some(u),
            _ => None,
        }
        .unwrap();
        let got: Vec<(&str, &str)> = u
            .findings
            .iter()
            .map(|f| (f.code.as_str(), f.path.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                ("input.unknown_value", "/kind"),
                ("input.wrong_type", "/count"),
                ("input.invalid_date", "/on"),
                ("input.wrong_type", "/yes"),
                ("input.wrong_type", "/kinds"),
                ("input.wrong_type", "/flag"),
                ("input.unknown_value", "/maybe_kind"),
                ("input.wrong_type", "/maybe_count"),
                ("input.invalid_date", "/maybe_on"),
            ]
        );
    }

    /// The second stand-ins: the last choice, 1, `true`, the date 2024-07-15; only at the
    /// place varied.
    #[test]
    fn varied_standins_take_their_second_values() {
        let tree: Tree = serde_json::from_slice(ALL_BLANK).unwrap();
        let read = |v: Varied<'_>| recover_varied::<Form>(&tree, true, 50, v).value.unwrap();
        let all = read(Varied::All);
        assert_eq!(all.kind, Kind::Last);
        assert_eq!(all.count, 1);
        assert_eq!(all.on, Day("2024-07-15".to_owned()));
        assert!(all.yes);
        // Optional fields left empty stay absent.
        assert_eq!((all.maybe_kind, all.flag), (None, false));
        let one = read(Varied::At("/count"));
        assert_eq!((one.kind, one.count, one.yes), (Kind::First, 1, false));
        assert_eq!(one.on, Day("2000-01-01".to_owned()));
        let none = read(Varied::None);
        assert_eq!((none.kind, none.count), (Kind::First, 0));
    }
}
