//! The recovering reader's own reading trait, [`Recover`]: how a value of the model is
//! read from a place of the document ([`Node`]), with the same plain functions the
//! reader always had (`text`, `integer`, the object walk with its unknown, repeated and
//! added keys, the choices, the stand-ins). The model's types get it from
//! `#[derive(Recover)]` (`kyoten-derive`), which reads the same `#[serde(...)]`
//! attributes as serde's derive; the leaves (text, numbers, lists, dates) are written
//! here and beside their types.
//!
//! Why not serde's `Deserialize`: its generated visitors cost about 40 % of the WASM form
//! module's code (issue 19, P6); this reader walks an object once for every type (one
//! copy of the walk) and costs one small function per type. The typed fast path
//! (`input::strict`, `input::fast`, native builds) keeps serde's derive. The test-only
//! oracle (`super::oracle`, `crate::sameness`) checks that both readers find the same
//! problems, in the same order, and build the same value.

use super::{Any, Int};
pub use super::{Error, Node};

/// A value the recovering reader can read (see the module documentation).
pub trait Recover: Sized {
    /// Reads the value at `n` into `out` (in place: the value is not moved through a
    /// result, the WASM module's size); a problem the reader can go on after is noted and
    /// a stand-in used, an error stops the pass (the reader patches the place and reads
    /// again; `out` is then left as it is, to be dropped).
    fn read_into(n: Node<'_, '_>, out: &mut Option<Self>) -> Result<(), Error>;
    /// True if a field of this type may be absent from its object (serde's
    /// `missing_field` reads it as absent instead of raising a missing field): `Option`.
    const OPTIONAL: bool = false;
    /// The value of an absent field of an [`OPTIONAL`](Recover::OPTIONAL) type.
    fn absent() -> Option<Self> {
        None
    }
}

/// A field's slot in the object walk ([`Node::fields`]): one implementation per field
/// type, shared by every field of that type. The walk itself knows which slots it has
/// filled (one copy for every type), so a slot only reads.
pub trait Slot {
    /// Reads the field's value into the slot.
    fn fill(&mut self, n: Node<'_, '_>) -> Result<(), Error>;
}

impl<T: Recover> Slot for Option<T> {
    fn fill(&mut self, n: Node<'_, '_>) -> Result<(), Error> {
        T::read_into(n, self)
    }
}

/// Reads the value at `n`.
pub fn read<T: Recover>(n: Node<'_, '_>) -> Result<T, Error> {
    let mut v = None;
    T::read_into(n, &mut v)?;
    v.ok_or(Error::Other)
}

impl<'a, 'p> Node<'a, 'p> {
    /// Walks the object at this place (a struct with these field names): every key in
    /// document order (unknown and repeated keys noted and left out), then the
    /// stand-ins of the keys added for this pass; each value read into the slot of its
    /// field. Then, as serde's derive, the first `required` field (in the struct's order)
    /// without a value is missing.
    pub fn fields(
        &self,
        names: &'static [&'static str],
        required: &[bool],
        slots: &mut [&mut dyn Slot],
    ) -> Result<(), Error> {
        let mut map = self.object_access(Some(names));
        // Which slots have a value (here, not in each slot: one copy for every type).
        let mut filled = vec![false; slots.len()];
        while let Some(key) = map.next_key() {
            let node = map.next_node()?;
            let i = key
                .index
                .and_then(|i| usize::try_from(i).ok())
                .unwrap_or(usize::MAX);
            match (slots.get_mut(i), filled.get_mut(i)) {
                // serde's `duplicate_field` (the walk gives each field once).
                (Some(_), Some(true)) => return Err(Error::Other),
                (Some(slot), Some(done)) => {
                    *done = true;
                    slot.fill(node)?;
                }
                _ => return Err(Error::Other),
            }
        }
        for ((name, required), done) in names.iter().zip(required).zip(&filled) {
            if *required && !done {
                return Err(Error::Missing(name));
            }
        }
        Ok(())
    }

    /// The position of the choice at this place among `variants` (names of the
    /// enumeration `name`) for an enumeration of choices without content; a stand-in's
    /// is the first (or, varied, the last).
    pub fn unit_choice(&self, name: &'static str, variants: &'static [&'static str]) -> usize {
        let c = self.enum_access(name, variants);
        let i = usize::try_from(c.index).unwrap_or(usize::MAX);
        c.into_variant().unit();
        i
    }

    /// The choice at this place, for an enumeration with choices that carry a value.
    pub fn choice(&self, name: &'static str, variants: &'static [&'static str]) -> Choice<'a, '_> {
        Choice(self.enum_access(name, variants))
    }

    /// Reads the list at this place, each element (not left out) into `list`; a list's
    /// reading that failed stops the pass here.
    pub fn items(&self, list: &mut dyn Items) -> Result<(), Error> {
        let mut items = self.seq_access();
        let mut r = Ok(());
        while let Some(n) = items.next_node() {
            r = list.item(n);
            if r.is_err() {
                break;
            }
        }
        self.end(r.is_err());
        r
    }

    /// Ends a value's reading: if it failed, the pass stopped here (the first place
    /// recorded is the innermost).
    pub fn end(&self, failed: bool) {
        if failed {
            self.ctx.stop_at(&self.at.path());
        }
    }
}

/// A choice read by [`Node::choice`].
#[allow(missing_debug_implementations)]
pub struct Choice<'a, 'p>(super::Enum<'a, 'p>);

impl Choice<'_, '_> {
    /// The choice's position among the enumeration's choices.
    pub fn index(&self) -> usize {
        usize::try_from(self.0.index).unwrap_or(usize::MAX)
    }
    /// A choice without content (any content but `null` is noted).
    pub fn unit(self) {
        self.0.into_variant().unit();
    }
    /// The value of a one-value choice.
    pub fn newtype<T: Recover>(self) -> Result<T, Error> {
        read(self.0.into_variant().newtype_node())
    }
}

impl Recover for String {
    fn read_into(n: Node<'_, '_>, out: &mut Option<Self>) -> Result<(), Error> {
        *out = Some(n.text().to_owned());
        Ok(())
    }
}

impl Recover for bool {
    fn read_into(n: Node<'_, '_>, out: &mut Option<Self>) -> Result<(), Error> {
        *out = Some(n.boolean().0);
        Ok(())
    }
}

/// A whole number of the range `min..=max` as a `T`.
fn int<T: TryFrom<u64> + TryFrom<i64>>(n: &Node<'_, '_>, min: i128, max: i128) -> Result<T, Error> {
    let r = match n.integer(min, max) {
        Int::Unsigned(v) => T::try_from(v).map_err(|_| Error::Other),
        Int::Signed(v) => T::try_from(v).map_err(|_| Error::Other),
    };
    n.end(r.is_err());
    r
}

macro_rules! ints {
    ($($t:ty),*) => {$(
        impl Recover for $t {
            fn read_into(n: Node<'_, '_>, out: &mut Option<Self>) -> Result<(), Error> {
                *out = Some(int(&n, i128::from(<$t>::MIN), i128::from(<$t>::MAX))?);
                Ok(())
            }
        }
    )*};
}
ints!(i8, i16, i32, i64, u8, u16, u32, u64);

impl Recover for std::num::NonZeroU32 {
    fn read_into(n: Node<'_, '_>, out: &mut Option<Self>) -> Result<(), Error> {
        // serde's: a `u32`, and 0 refused.
        let r = match n.integer(0, i128::from(u32::MAX)) {
            Int::Unsigned(v) => u32::try_from(v)
                .ok()
                .and_then(std::num::NonZeroU32::new)
                .ok_or(Error::Other),
            Int::Signed(_) => Err(Error::Other),
        };
        n.end(r.is_err());
        *out = Some(r?);
        Ok(())
    }
}

impl Recover for f64 {
    fn read_into(n: Node<'_, '_>, out: &mut Option<Self>) -> Result<(), Error> {
        *out = Some(n.float().0);
        Ok(())
    }
}

impl Recover for f32 {
    fn read_into(n: Node<'_, '_>, out: &mut Option<Self>) -> Result<(), Error> {
        // serde's `f32` from a visited `f64`.
        #[allow(clippy::cast_possible_truncation)]
        let v = n.float().0 as f32;
        *out = Some(v);
        Ok(())
    }
}

impl<T: Recover> Recover for Option<T> {
    fn read_into(n: Node<'_, '_>, out: &mut Option<Self>) -> Result<(), Error> {
        // A stand-in, `null`, or (draft mode) an optional field left empty: absent.
        let inner = out.insert(None);
        if n.is_none() {
            Ok(())
        } else {
            T::read_into(n, inner)
        }
    }
    const OPTIONAL: bool = true;
    fn absent() -> Option<Self> {
        Some(None)
    }
}

impl<T: Recover> Recover for Box<T> {
    fn read_into(n: Node<'_, '_>, out: &mut Option<Self>) -> Result<(), Error> {
        *out = Some(Box::new(read(n)?));
        Ok(())
    }
    const OPTIONAL: bool = T::OPTIONAL;
    fn absent() -> Option<Self> {
        T::absent().map(Box::new)
    }
}

impl<T: Recover> Recover for Vec<T> {
    fn read_into(n: Node<'_, '_>, out: &mut Option<Self>) -> Result<(), Error> {
        // The walk is one copy for every type ([`Node::items`]); here only the reading
        // of one element and its push.
        n.items(out.insert(Vec::new()))
    }
}

/// A list being read: takes one element after the other ([`Node::items`]). A trait of
/// our own rather than `dyn FnMut`, whose vtable carries a `call_once` shim per type.
pub trait Items {
    /// Reads the element at `n` and adds it.
    fn item(&mut self, n: Node<'_, '_>) -> Result<(), Error>;
}

impl<T: Recover> Items for Vec<T> {
    fn item(&mut self, n: Node<'_, '_>) -> Result<(), Error> {
        let mut v = None;
        T::read_into(n, &mut v)?;
        if let Some(x) = v {
            self.push(x);
        }
        Ok(())
    }
}

/// Any JSON (a FHIR bundle, an older document to upgrade): read as serde_json reads it
/// from any value.
impl Recover for serde_json::Value {
    fn read_into(n: Node<'_, '_>, out: &mut Option<Self>) -> Result<(), Error> {
        *out = Some(value(n)?);
        Ok(())
    }
}

fn value(n: Node<'_, '_>) -> Result<serde_json::Value, Error> {
    use serde_json::Value;
    {
        if n.tree.is_none() {
            return Ok(Value::Null);
        }
        Ok(match n.any() {
            Any::Unit => Value::Null,
            Any::Bool(b) => Value::Bool(b),
            Any::Int(Int::Unsigned(u)) => Value::Number(u.into()),
            Any::Int(Int::Signed(i)) => Value::Number(i.into()),
            Any::Float(f) => serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number),
            Any::Str(s) => Value::String(s.to_owned()),
            Any::Seq => return read::<Vec<Value>>(n).map(Value::Array),
            Any::Map => {
                let r = object(&n);
                n.end(r.is_err());
                return r;
            }
        })
    }
}

/// An object of any keys, as serde_json's `Value` reads one.
fn object(n: &Node<'_, '_>) -> Result<serde_json::Value, Error> {
    let mut map = n.object_access(None);
    let mut out = serde_json::Map::new();
    while let Some(key) = map.next_key() {
        let value = value(map.next_node()?)?;
        out.insert(key.name.to_owned(), value);
    }
    Ok(serde_json::Value::Object(out))
}

/// The text at this place, parsed by `parse` (a refusal stops the pass here): for the
/// model's hand-written leaves (dates, months).
pub fn text_of<T>(
    n: &Node<'_, '_>,
    out: &mut Option<T>,
    parse: impl FnOnce(&str) -> Result<T, Error>,
) -> Result<(), Error> {
    let r = parse(n.text());
    n.end(r.is_err());
    *out = Some(r?);
    Ok(())
}

/// The whole number at this place (of `0..=u64::MAX`), for the model's hand-written
/// leaves (a format version).
pub fn unsigned_of<T>(
    n: &Node<'_, '_>,
    out: &mut Option<T>,
    check: impl FnOnce(u64) -> Result<T, Error>,
) -> Result<(), Error> {
    let r = match n.integer(0, i128::from(u64::MAX)) {
        Int::Unsigned(v) => check(v),
        Int::Signed(_) => Err(Error::Other),
    };
    n.end(r.is_err());
    *out = Some(r?);
    Ok(())
}
