//! The deserializer wrapper of [`crate::input::read_str`]: it refuses a JSON array where a
//! struct is expected, and it remembers where the first error happened. (The fast path
//! of `read_with` uses `fast`, which makes the same refusals without the bookkeeping.)
//!
//! **Arrays for structs.** serde's derived structs also accept the array form `["a", 1]`
//! (fields in order). JSON Schema says `"type": "object"`, so accepting arrays would let
//! the validator take what the schema rejects, and a document could be read with its
//! fields silently assigned by position. [`Strict`] wraps every nested deserializer and
//! visitor; a visitor that is about to build a struct (its `expecting` text starts with
//! `struct ` or names an internally tagged enum) is refused a sequence with the ordinary
//! `invalid type` error.
//!
//! **Where an error is.** Every wrapper knows its place in the document as a [`Chain`]
//! (a linked list on the stack: array index or object key, up to the root). Keys are
//! captured as they are read, borrowed from the input text when they have no escapes, so
//! a readable document costs no allocation for this. The first wrapper an error passes
//! through writes its chain into the [`Track`] as a JSON Pointer; outer wrappers leave it
//! alone. The pointers are those `serde_path_to_error` gave (the crate this replaces,
//! which needed a second wrapper and so a second copy of all deserializing code): a value
//! error points at the value, an unknown key at the key, a missing or repeated key at the
//! object, an error in a key that could not be captured at the object.
//!
//! Limitation: the inside of an internally tagged enum's variant is buffered by serde
//! and read without this wrapper; the tag object itself is still checked.

use serde::de::{self, DeserializeSeed, Deserializer, Visitor};
use std::borrow::Cow;
use std::cell::Cell;
use std::fmt;

/// Where a wrapper is in the document.
#[derive(Clone, Copy)]
pub(crate) enum Chain<'a> {
    /// The document itself.
    Root,
    /// Element `index` of the array at `parent`.
    Index { parent: &'a Chain<'a>, index: usize },
    /// Member `key` of the object at `parent` (or an enum's variant key).
    Key { parent: &'a Chain<'a>, key: &'a str },
}

/// Records the JSON Pointer of the first error.
pub(crate) struct Track {
    pointer: Cell<Option<String>>,
}

impl Track {
    pub(crate) fn new() -> Self {
        Track {
            pointer: Cell::new(None),
        }
    }

    /// The pointer of the first error ("" if none was recorded).
    pub(crate) fn pointer(self) -> String {
        self.pointer.into_inner().unwrap_or_default()
    }

    /// Records `chain` unless an inner wrapper already recorded the error.
    #[inline(never)]
    fn trigger(&self, chain: &Chain<'_>) {
        let already = self.pointer.take();
        self.pointer
            .set(Some(already.unwrap_or_else(|| pointer_of(chain))));
    }
}

fn pointer_of(chain: &Chain<'_>) -> String {
    let mut links = Vec::new();
    let mut at = chain;
    loop {
        match at {
            Chain::Root => break,
            Chain::Index { parent, .. } | Chain::Key { parent, .. } => {
                links.push(at);
                at = parent;
            }
        }
    }
    let mut p = crate::finding::Path::root();
    for link in links.iter().rev() {
        p = match link {
            Chain::Root => p,
            Chain::Index { index, .. } => p.index(*index),
            Chain::Key { key, .. } => p.key(key),
        };
    }
    p.into()
}

/// The wrapper around a deserializer.
pub(crate) struct Strict<'a, D> {
    de: D,
    chain: Chain<'a>,
    track: &'a Track,
}

impl<'a, D> Strict<'a, D> {
    /// Wraps the deserializer of a whole document.
    pub(crate) fn new(de: D, track: &'a Track) -> Self {
        Strict {
            de,
            chain: Chain::Root,
            track,
        }
    }
}

struct StrictVisitor<'a, V> {
    v: V,
    chain: &'a Chain<'a>,
    track: &'a Track,
}
struct StrictSeed<'a, S> {
    seed: S,
    chain: Chain<'a>,
    track: &'a Track,
}
struct StrictSeq<'a, A> {
    access: A,
    chain: &'a Chain<'a>,
    track: &'a Track,
    index: usize,
}
struct StrictMap<'a, 'de, A> {
    access: A,
    chain: &'a Chain<'a>,
    track: &'a Track,
    key: Option<Cow<'de, str>>,
}
struct StrictEnum<'a, A> {
    access: A,
    chain: &'a Chain<'a>,
    track: &'a Track,
}
struct StrictVariant<'a, 'de, A> {
    access: A,
    chain: &'a Chain<'a>,
    track: &'a Track,
    variant: Option<Cow<'de, str>>,
}

/// A seed (and its deserializer and visitor) that copies the key it reads into `key`.
struct CaptureKey<'k, 'de, X> {
    inner: X,
    key: &'k mut Option<Cow<'de, str>>,
}

/// Collects the first bytes written, to look at the start of a visitor's `expecting`
/// text without allocating.
struct Prefix {
    buf: [u8; 24],
    len: usize,
}

impl fmt::Write for Prefix {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        for b in s.bytes() {
            match self.buf.get_mut(self.len) {
                Some(slot) => *slot = b,
                None => return Err(fmt::Error),
            }
            self.len += 1;
        }
        Ok(())
    }
}

/// True if the visitor builds a struct (derived visitors say "struct Name").
/// Not generic: one copy serves every visitor.
pub(super) fn builds_struct(v: &dyn de::Expected) -> bool {
    let mut prefix = Prefix {
        buf: [0; 24],
        len: 0,
    };
    // A full buffer stops the writing with an error: the prefix is all we need.
    let _ = fmt::write(&mut prefix, format_args!("{v}"));
    let text = prefix.buf.get(..prefix.len).unwrap_or(&[]);
    text.starts_with(b"struct ") || text.starts_with(b"internally tagged enum")
}

macro_rules! forward_de {
    ($($method:ident($($arg:ident: $ty:ty),*);)*) => {
        $(
            fn $method<V: Visitor<'de>>(self, $($arg: $ty,)* visitor: V) -> Result<V::Value, D::Error> {
                let chain = self.chain;
                let track = self.track;
                self.de
                    .$method($($arg,)* StrictVisitor { v: visitor, chain: &chain, track })
                    .inspect_err(|_| track.trigger(&chain))
            }
        )*
    };
}

impl<'de, D: Deserializer<'de>> Deserializer<'de> for Strict<'_, D> {
    type Error = D::Error;
    forward_de! {
        deserialize_any(); deserialize_bool(); deserialize_i8(); deserialize_i16(); deserialize_i32();
        deserialize_i64(); deserialize_i128(); deserialize_u8(); deserialize_u16(); deserialize_u32();
        deserialize_u64(); deserialize_u128(); deserialize_f32(); deserialize_f64(); deserialize_char();
        deserialize_str(); deserialize_string(); deserialize_bytes(); deserialize_byte_buf();
        deserialize_option(); deserialize_unit(); deserialize_unit_struct(name: &'static str);
        deserialize_newtype_struct(name: &'static str); deserialize_seq(); deserialize_tuple(len: usize);
        deserialize_tuple_struct(name: &'static str, len: usize); deserialize_map();
        deserialize_struct(name: &'static str, fields: &'static [&'static str]);
        deserialize_enum(name: &'static str, variants: &'static [&'static str]);
        deserialize_identifier(); deserialize_ignored_any();
    }
    fn is_human_readable(&self) -> bool {
        self.de.is_human_readable()
    }
}

impl<'de, V: Visitor<'de>> Visitor<'de> for StrictVisitor<'_, V> {
    type Value = V::Value;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.v.expecting(f)
    }
    forward_visit! {
        visit_bool(bool); visit_i8(i8); visit_i16(i16); visit_i32(i32); visit_i64(i64); visit_i128(i128);
        visit_u8(u8); visit_u16(u16); visit_u32(u32); visit_u64(u64); visit_u128(u128);
        visit_f32(f32); visit_f64(f64); visit_char(char); visit_str(&str); visit_borrowed_str(&'de str);
        visit_string(String); visit_bytes(&[u8]); visit_borrowed_bytes(&'de [u8]); visit_byte_buf(Vec<u8>);
    }
    fn visit_none<E: de::Error>(self) -> Result<V::Value, E> {
        self.v.visit_none()
    }
    fn visit_unit<E: de::Error>(self) -> Result<V::Value, E> {
        self.v.visit_unit()
    }
    fn visit_some<D2: Deserializer<'de>>(self, d: D2) -> Result<V::Value, D2::Error> {
        let track = self.track;
        self.v.visit_some(Strict {
            de: d,
            chain: *self.chain,
            track,
        })
    }
    fn visit_newtype_struct<D2: Deserializer<'de>>(self, d: D2) -> Result<V::Value, D2::Error> {
        let track = self.track;
        self.v.visit_newtype_struct(Strict {
            de: d,
            chain: *self.chain,
            track,
        })
    }
    fn visit_seq<A: de::SeqAccess<'de>>(self, seq: A) -> Result<V::Value, A::Error> {
        if builds_struct(&self.v) {
            return Err(de::Error::invalid_type(de::Unexpected::Seq, &self.v));
        }
        self.v.visit_seq(StrictSeq {
            access: seq,
            chain: self.chain,
            track: self.track,
            index: 0,
        })
    }
    fn visit_map<A: de::MapAccess<'de>>(self, map: A) -> Result<V::Value, A::Error> {
        self.v.visit_map(StrictMap {
            access: map,
            chain: self.chain,
            track: self.track,
            key: None,
        })
    }
    fn visit_enum<A: de::EnumAccess<'de>>(self, data: A) -> Result<V::Value, A::Error> {
        self.v.visit_enum(StrictEnum {
            access: data,
            chain: self.chain,
            track: self.track,
        })
    }
}

impl<'de, S: DeserializeSeed<'de>> DeserializeSeed<'de> for StrictSeed<'_, S> {
    type Value = S::Value;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<S::Value, D::Error> {
        let chain = self.chain;
        let track = self.track;
        self.seed
            .deserialize(Strict {
                de: d,
                chain,
                track,
            })
            .inspect_err(|_| track.trigger(&chain))
    }
}

impl<'de, A: de::SeqAccess<'de>> de::SeqAccess<'de> for StrictSeq<'_, A> {
    type Error = A::Error;
    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, A::Error> {
        let parent = self.chain;
        let track = self.track;
        let chain = Chain::Index {
            parent,
            index: self.index,
        };
        self.index = self.index.saturating_add(1);
        self.access
            .next_element_seed(StrictSeed { seed, chain, track })
            .inspect_err(|_| track.trigger(parent))
    }
    fn size_hint(&self) -> Option<usize> {
        self.access.size_hint()
    }
}

/// The chain of a member whose key is `key` (`None`: the key was not captured, so the
/// error is placed at the object).
fn member<'a>(parent: &'a Chain<'a>, key: &'a Option<Cow<'_, str>>) -> Chain<'a> {
    match key {
        Some(key) => Chain::Key {
            parent,
            key: key.as_ref(),
        },
        None => *parent,
    }
}

impl<'de, A: de::MapAccess<'de>> de::MapAccess<'de> for StrictMap<'_, 'de, A> {
    type Error = A::Error;
    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, A::Error> {
        let parent = self.chain;
        let track = self.track;
        self.key = None;
        let key = &mut self.key;
        match self.access.next_key_seed(CaptureKey { inner: seed, key }) {
            Ok(k) => Ok(k),
            Err(e) => {
                track.trigger(&member(parent, &self.key));
                Err(e)
            }
        }
    }
    fn next_value_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<T::Value, A::Error> {
        let parent = self.chain;
        let track = self.track;
        let key = self.key.take();
        let chain = member(parent, &key);
        self.access
            .next_value_seed(StrictSeed { seed, chain, track })
            .inspect_err(|_| track.trigger(parent))
    }
    fn size_hint(&self) -> Option<usize> {
        self.access.size_hint()
    }
}

impl<'a, 'de, A: de::EnumAccess<'de>> de::EnumAccess<'de> for StrictEnum<'a, A> {
    type Error = A::Error;
    type Variant = StrictVariant<'a, 'de, A::Variant>;
    fn variant_seed<T: DeserializeSeed<'de>>(
        self,
        seed: T,
    ) -> Result<(T::Value, Self::Variant), A::Error> {
        let chain = self.chain;
        let track = self.track;
        let mut variant = None;
        match self.access.variant_seed(CaptureKey {
            inner: seed,
            key: &mut variant,
        }) {
            Ok((value, access)) => Ok((
                value,
                StrictVariant {
                    access,
                    chain,
                    track,
                    variant,
                },
            )),
            Err(e) => {
                track.trigger(chain);
                Err(e)
            }
        }
    }
}

impl<'de, A: de::VariantAccess<'de>> de::VariantAccess<'de> for StrictVariant<'_, 'de, A> {
    type Error = A::Error;
    fn unit_variant(self) -> Result<(), A::Error> {
        let chain = member(self.chain, &self.variant);
        let track = self.track;
        self.access
            .unit_variant()
            .inspect_err(|_| track.trigger(&chain))
    }
    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value, A::Error> {
        let chain = member(self.chain, &self.variant);
        let track = self.track;
        self.access
            .newtype_variant_seed(StrictSeed { seed, chain, track })
            .inspect_err(|_| track.trigger(&chain))
    }
    fn tuple_variant<V: Visitor<'de>>(self, len: usize, visitor: V) -> Result<V::Value, A::Error> {
        let chain = member(self.chain, &self.variant);
        let track = self.track;
        self.access
            .tuple_variant(
                len,
                StrictVisitor {
                    v: visitor,
                    chain: &chain,
                    track,
                },
            )
            .inspect_err(|_| track.trigger(&chain))
    }
    fn struct_variant<V: Visitor<'de>>(
        self,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, A::Error> {
        let chain = member(self.chain, &self.variant);
        let track = self.track;
        self.access
            .struct_variant(
                fields,
                StrictVisitor {
                    v: visitor,
                    chain: &chain,
                    track,
                },
            )
            .inspect_err(|_| track.trigger(&chain))
    }
}

impl<'de, X: DeserializeSeed<'de>> DeserializeSeed<'de> for CaptureKey<'_, 'de, X> {
    type Value = X::Value;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<X::Value, D::Error> {
        self.inner.deserialize(CaptureKey {
            inner: d,
            key: self.key,
        })
    }
}

macro_rules! capture_de {
    ($($method:ident($($arg:ident: $ty:ty),*);)*) => {
        $(
            fn $method<V: Visitor<'de>>(self, $($arg: $ty,)* visitor: V) -> Result<V::Value, X::Error> {
                self.inner.$method($($arg,)* CaptureKey { inner: visitor, key: self.key })
            }
        )*
    };
}

impl<'de, X: Deserializer<'de>> Deserializer<'de> for CaptureKey<'_, 'de, X> {
    type Error = X::Error;
    capture_de! {
        deserialize_any(); deserialize_bool(); deserialize_i8(); deserialize_i16(); deserialize_i32();
        deserialize_i64(); deserialize_i128(); deserialize_u8(); deserialize_u16(); deserialize_u32();
        deserialize_u64(); deserialize_u128(); deserialize_f32(); deserialize_f64(); deserialize_char();
        deserialize_str(); deserialize_string(); deserialize_bytes(); deserialize_byte_buf();
        deserialize_option(); deserialize_unit(); deserialize_unit_struct(name: &'static str);
        deserialize_newtype_struct(name: &'static str); deserialize_seq(); deserialize_tuple(len: usize);
        deserialize_tuple_struct(name: &'static str, len: usize); deserialize_map();
        deserialize_struct(name: &'static str, fields: &'static [&'static str]);
        deserialize_enum(name: &'static str, variants: &'static [&'static str]);
        deserialize_identifier(); deserialize_ignored_any();
    }
    fn is_human_readable(&self) -> bool {
        self.inner.is_human_readable()
    }
}

macro_rules! forward_capture_visit {
    ($($method:ident($ty:ty);)*) => {
        $(
            fn $method<E: de::Error>(self, v: $ty) -> Result<X::Value, E> {
                self.inner.$method(v)
            }
        )*
    };
}

/// Keys are only captured when they are strings (JSON object keys always are); a key
/// visitor that is handed anything else gets it unchanged.
impl<'de, X: Visitor<'de>> Visitor<'de> for CaptureKey<'_, 'de, X> {
    type Value = X::Value;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.inner.expecting(f)
    }
    forward_capture_visit! {
        visit_bool(bool); visit_i8(i8); visit_i16(i16); visit_i32(i32); visit_i64(i64); visit_i128(i128);
        visit_u8(u8); visit_u16(u16); visit_u32(u32); visit_u64(u64); visit_u128(u128);
        visit_f32(f32); visit_f64(f64); visit_char(char);
        visit_bytes(&[u8]); visit_borrowed_bytes(&'de [u8]); visit_byte_buf(Vec<u8>);
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<X::Value, E> {
        *self.key = Some(Cow::Owned(v.to_owned()));
        self.inner.visit_str(v)
    }
    fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<X::Value, E> {
        *self.key = Some(Cow::Borrowed(v));
        self.inner.visit_borrowed_str(v)
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<X::Value, E> {
        *self.key = Some(Cow::Owned(v.clone()));
        self.inner.visit_string(v)
    }
    fn visit_none<E: de::Error>(self) -> Result<X::Value, E> {
        self.inner.visit_none()
    }
    fn visit_unit<E: de::Error>(self) -> Result<X::Value, E> {
        self.inner.visit_unit()
    }
    fn visit_some<D2: Deserializer<'de>>(self, d: D2) -> Result<X::Value, D2::Error> {
        self.inner.visit_some(d)
    }
    fn visit_newtype_struct<D2: Deserializer<'de>>(self, d: D2) -> Result<X::Value, D2::Error> {
        self.inner.visit_newtype_struct(d)
    }
    fn visit_seq<A: de::SeqAccess<'de>>(self, seq: A) -> Result<X::Value, A::Error> {
        self.inner.visit_seq(seq)
    }
    fn visit_map<A: de::MapAccess<'de>>(self, map: A) -> Result<X::Value, A::Error> {
        self.inner.visit_map(map)
    }
    fn visit_enum<A: de::EnumAccess<'de>>(self, data: A) -> Result<X::Value, A::Error> {
        self.inner.visit_enum(data)
    }
}
