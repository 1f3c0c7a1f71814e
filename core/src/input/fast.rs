//! The fast path's deserializer wrapper ([`crate::input::read_with`]): it refuses a JSON
//! array where a struct is expected, and does nothing else.
//!
//! It makes the same decisions as [`super::strict::Strict`] (same refusals, so the same
//! documents are read) without its bookkeeping: it keeps no place in the document and
//! captures no keys, because the fast path throws the place of an error away (a document
//! it refuses is read again by `recover`, which finds every problem with its pointer).
//! Issue 19 (P1, P7): the tracking cost about a tenth of reading a valid summary.
//!
//! **Which visitors are asked.** A visitor handed a sequence is asked whether it builds a
//! struct (its `expecting` text, as in `strict`), except when it was handed over through
//! `deserialize_seq` or `deserialize_tuple`: those visitors ask for a list (a `Vec`, an
//! array, a tuple), never a struct, so a valid document's lists cost no question.

use serde::de::{self, DeserializeSeed, Deserializer, Visitor};
use std::fmt;

/// The wrapper around a deserializer.
pub(crate) struct Fast<D>(pub(crate) D);

/// A visitor; `ask`: whether a sequence must be refused when the visitor builds a struct.
struct FastVisitor<V> {
    v: V,
    ask: bool,
}
struct FastSeed<S>(S);
struct FastSeq<A>(A);
struct FastMap<A>(A);
struct FastEnum<A>(A);
struct FastVariant<A>(A);

macro_rules! forward_de {
    ($ask:literal: $($method:ident($($arg:ident: $ty:ty),*);)*) => {
        $(
            #[inline]
            fn $method<V: Visitor<'de>>(self, $($arg: $ty,)* visitor: V) -> Result<V::Value, D::Error> {
                self.0.$method($($arg,)* FastVisitor { v: visitor, ask: $ask })
            }
        )*
    };
}

impl<'de, D: Deserializer<'de>> Deserializer<'de> for Fast<D> {
    type Error = D::Error;
    forward_de! { true:
        deserialize_any(); deserialize_bool(); deserialize_i8(); deserialize_i16(); deserialize_i32();
        deserialize_i64(); deserialize_i128(); deserialize_u8(); deserialize_u16(); deserialize_u32();
        deserialize_u64(); deserialize_u128(); deserialize_f32(); deserialize_f64(); deserialize_char();
        deserialize_str(); deserialize_string(); deserialize_bytes(); deserialize_byte_buf();
        deserialize_option(); deserialize_unit(); deserialize_unit_struct(name: &'static str);
        deserialize_newtype_struct(name: &'static str);
        deserialize_tuple_struct(name: &'static str, len: usize); deserialize_map();
        deserialize_struct(name: &'static str, fields: &'static [&'static str]);
        deserialize_enum(name: &'static str, variants: &'static [&'static str]);
        deserialize_identifier(); deserialize_ignored_any();
    }
    forward_de! { false: deserialize_seq(); deserialize_tuple(len: usize); }
    fn is_human_readable(&self) -> bool {
        self.0.is_human_readable()
    }
}

impl<'de, V: Visitor<'de>> Visitor<'de> for FastVisitor<V> {
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
    #[inline]
    fn visit_none<E: de::Error>(self) -> Result<V::Value, E> {
        self.v.visit_none()
    }
    #[inline]
    fn visit_unit<E: de::Error>(self) -> Result<V::Value, E> {
        self.v.visit_unit()
    }
    #[inline]
    fn visit_some<D2: Deserializer<'de>>(self, d: D2) -> Result<V::Value, D2::Error> {
        self.v.visit_some(Fast(d))
    }
    #[inline]
    fn visit_newtype_struct<D2: Deserializer<'de>>(self, d: D2) -> Result<V::Value, D2::Error> {
        self.v.visit_newtype_struct(Fast(d))
    }
    #[inline]
    fn visit_seq<A: de::SeqAccess<'de>>(self, seq: A) -> Result<V::Value, A::Error> {
        if self.ask && super::strict::builds_struct(&self.v) {
            return Err(de::Error::invalid_type(de::Unexpected::Seq, &self.v));
        }
        self.v.visit_seq(FastSeq(seq))
    }
    #[inline]
    fn visit_map<A: de::MapAccess<'de>>(self, map: A) -> Result<V::Value, A::Error> {
        self.v.visit_map(FastMap(map))
    }
    #[inline]
    fn visit_enum<A: de::EnumAccess<'de>>(self, data: A) -> Result<V::Value, A::Error> {
        self.v.visit_enum(FastEnum(data))
    }
}

impl<'de, S: DeserializeSeed<'de>> DeserializeSeed<'de> for FastSeed<S> {
    type Value = S::Value;
    #[inline]
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<S::Value, D::Error> {
        self.0.deserialize(Fast(d))
    }
}

impl<'de, A: de::SeqAccess<'de>> de::SeqAccess<'de> for FastSeq<A> {
    type Error = A::Error;
    #[inline]
    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, A::Error> {
        self.0.next_element_seed(FastSeed(seed))
    }
    fn size_hint(&self) -> Option<usize> {
        self.0.size_hint()
    }
}

/// Keys are read unwrapped (as `strict` reads them): a key is text, never a struct.
impl<'de, A: de::MapAccess<'de>> de::MapAccess<'de> for FastMap<A> {
    type Error = A::Error;
    #[inline]
    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, A::Error> {
        self.0.next_key_seed(seed)
    }
    #[inline]
    fn next_value_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<T::Value, A::Error> {
        self.0.next_value_seed(FastSeed(seed))
    }
    fn size_hint(&self) -> Option<usize> {
        self.0.size_hint()
    }
}

/// The variant's name is read unwrapped (as `strict` reads it); its content is wrapped.
impl<'de, A: de::EnumAccess<'de>> de::EnumAccess<'de> for FastEnum<A> {
    type Error = A::Error;
    type Variant = FastVariant<A::Variant>;
    #[inline]
    fn variant_seed<T: DeserializeSeed<'de>>(
        self,
        seed: T,
    ) -> Result<(T::Value, Self::Variant), A::Error> {
        self.0
            .variant_seed(seed)
            .map(|(value, access)| (value, FastVariant(access)))
    }
}

impl<'de, A: de::VariantAccess<'de>> de::VariantAccess<'de> for FastVariant<A> {
    type Error = A::Error;
    #[inline]
    fn unit_variant(self) -> Result<(), A::Error> {
        self.0.unit_variant()
    }
    #[inline]
    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value, A::Error> {
        self.0.newtype_variant_seed(FastSeed(seed))
    }
    #[inline]
    fn tuple_variant<V: Visitor<'de>>(self, len: usize, visitor: V) -> Result<V::Value, A::Error> {
        self.0.tuple_variant(
            len,
            FastVisitor {
                v: visitor,
                ask: true,
            },
        )
    }
    #[inline]
    fn struct_variant<V: Visitor<'de>>(
        self,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, A::Error> {
        self.0.struct_variant(
            fields,
            FastVisitor {
                v: visitor,
                ask: true,
            },
        )
    }
}

#[cfg(test)]
mod tests {
    use super::super::{read_fast, read_str};
    use serde::Deserialize;

    #[derive(Debug, PartialEq, Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Point {
        x: u8,
        y: u8,
    }
    #[derive(Debug, PartialEq, Deserialize)]
    #[serde(deny_unknown_fields, rename_all = "snake_case")]
    enum Shape {
        Empty,
        At(Point),
        Box { from: Point, to: Point },
        Pair(u8, u8),
    }
    #[derive(Debug, PartialEq, Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Doc {
        points: Vec<Point>,
        first: Option<Point>,
        shapes: Vec<Shape>,
        pair: (u8, u8),
    }

    /// The fast path reads what the tracking reader reads and refuses what it refuses.
    fn agree(text: &str) -> Option<Doc> {
        let fast = read_fast::<Doc>(text);
        assert_eq!(fast.is_some(), read_str::<Doc>(text).is_ok(), "{text}");
        fast
    }

    #[test]
    fn reads_lists_tuples_and_every_kind_of_variant() {
        let doc = agree(
            r#"{"points":[{"x":1,"y":2}],"first":{"x":3,"y":4},"shapes":["empty",{"at":{"x":5,"y":6}},{"box":{"from":{"x":1,"y":1},"to":{"x":2,"y":2}}},{"pair":[7,8]}],"pair":[9,10]}"#,
        );
        assert_eq!(
            doc,
            Some(Doc {
                points: vec![Point { x: 1, y: 2 }],
                first: Some(Point { x: 3, y: 4 }),
                shapes: vec![
                    Shape::Empty,
                    Shape::At(Point { x: 5, y: 6 }),
                    Shape::Box {
                        from: Point { x: 1, y: 1 },
                        to: Point { x: 2, y: 2 }
                    },
                    Shape::Pair(7, 8),
                ],
                pair: (9, 10),
            })
        );
    }

    #[test]
    fn refuses_an_array_for_a_struct_wherever_it_is() {
        let ok = r#"{"points":[],"first":null,"shapes":[],"pair":[1,2]}"#;
        assert!(agree(ok).is_some());
        for text in [
            // The document itself.
            r#"[[],null,[],[1,2]]"#,
            // In a list, in an option.
            r#"{"points":[[1,2]],"first":null,"shapes":[],"pair":[1,2]}"#,
            r#"{"points":[],"first":[1,2],"shapes":[],"pair":[1,2]}"#,
            // In a newtype variant, a struct variant, a struct inside a struct variant.
            r#"{"points":[],"first":null,"shapes":[{"at":[1,2]}],"pair":[1,2]}"#,
            r#"{"points":[],"first":null,"shapes":[{"box":[{"x":1,"y":1},{"x":2,"y":2}]}],"pair":[1,2]}"#,
            r#"{"points":[],"first":null,"shapes":[{"box":{"from":[1,1],"to":{"x":2,"y":2}}}],"pair":[1,2]}"#,
            // Trailing text, a wrong kind of value.
            r#"{"points":[],"first":null,"shapes":[],"pair":[1,2]} x"#,
            r#"{"points":[],"first":null,"shapes":[],"pair":{"a":1}}"#,
        ] {
            assert_eq!(agree(text), None, "{text}");
        }
    }
}
