//! The old reading through serde's `Deserializer` (the model's derived `Deserialize`),
//! kept for the tests only: the differential oracle of the recovering reader
//! ([`super::reader`], `crate::sameness`): both must find the same problems in the same
//! order and build the same value.

use super::*;
use serde::de::{self, DeserializeSeed, Deserializer, IntoDeserializer, Visitor};

/// [`super::recover_varied`] through serde's derived `Deserialize` (the oracle).
pub(crate) fn recover_varied<T: de::DeserializeOwned>(
    tree: &Tree,
    draft: bool,
    budget: usize,
    varied: Varied<'_>,
) -> Recovered<T> {
    let mut value = Deserialized::<T>(None);
    let (problems, read) = passes(tree, draft, budget, varied, &mut value);
    Recovered {
        problems,
        value: value.0.filter(|_| read),
    }
}

/// A document read through serde's derived `Deserialize`.
struct Deserialized<T>(Option<T>);

impl<T: de::DeserializeOwned> Document for Deserialized<T> {
    fn read_document(&mut self, n: Node<'_, '_>) -> Result<(), Error> {
        self.0 = Some(T::deserialize(n)?);
        Ok(())
    }
}

impl<'a> Node<'a, '_> {
    fn int<V: Visitor<'a>>(self, min: i128, max: i128, v: V) -> Result<V::Value, Error> {
        let r = match self.integer(min, max) {
            Int::Unsigned(n) => v.visit_u64(n),
            Int::Signed(n) => v.visit_i64(n),
        };
        self.stopped(r)
    }

    fn object<V: Visitor<'a>>(
        self,
        fields: Option<&'static [&'static str]>,
        v: V,
    ) -> Result<V::Value, Error> {
        let r = v.visit_map(self.object_access(fields));
        self.stopped(r)
    }
}

macro_rules! ints {
    ($($m:ident: $t:ty),*) => {$(
        fn $m<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
            self.int(i128::from(<$t>::MIN), i128::from(<$t>::MAX), v)
        }
    )*};
}

impl<'de> Deserializer<'de> for Node<'de, '_> {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
        if self.tree.is_none() {
            return v.visit_unit();
        }
        let r = match self.any() {
            Any::Unit => v.visit_unit(),
            Any::Bool(b) => v.visit_bool(b),
            Any::Int(Int::Unsigned(u)) => v.visit_u64(u),
            Any::Int(Int::Signed(i)) => v.visit_i64(i),
            Any::Float(f) => v.visit_f64(f),
            Any::Str(s) => v.visit_borrowed_str(s),
            Any::Seq => return self.deserialize_seq(v),
            Any::Map => return self.deserialize_map(v),
        };
        self.stopped(r)
    }

    fn deserialize_bool<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
        let (b, stops) = self.boolean();
        let r = v.visit_bool(b);
        if stops { self.stopped(r) } else { r }
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
        let (f, stops) = self.float();
        let r = v.visit_f64(f);
        if stops { self.stopped(r) } else { r }
    }

    fn deserialize_char<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
        self.deserialize_str(v)
    }
    fn deserialize_str<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
        let r = v.visit_borrowed_str(self.text());
        self.stopped(r)
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
        // A stand-in, `null`, or (draft mode) an optional field left empty: absent.
        if self.is_none() {
            v.visit_none()
        } else {
            v.visit_some(self)
        }
    }

    fn deserialize_unit<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
        if !matches!(self.tree, None | Some(Tree::Null)) {
            self.wrong(Expected::Nothing);
        }
        v.visit_unit()
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
        let r = v.visit_seq(self.seq_access());
        self.stopped(r)
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
        let r = v.visit_enum(self.enum_access(name, variants));
        self.stopped(r)
    }

    fn deserialize_identifier<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
        self.deserialize_str(v)
    }
    fn deserialize_ignored_any<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
        v.visit_unit()
    }
}

impl<'de> de::SeqAccess<'de> for Seq<'de, '_> {
    type Error = Error;
    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, Error> {
        match self.next_node() {
            Some(node) => seed.deserialize(node).map(Some),
            None => Ok(None),
        }
    }
}

impl<'de: 'p, 'p> de::MapAccess<'de> for Map<'de, 'p> {
    type Error = Error;
    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Error> {
        match self.next_key() {
            Some(key) => seed.deserialize(key).map(Some),
            None => Ok(None),
        }
    }
    fn next_value_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<T::Value, Error> {
        seed.deserialize(self.next_node()?)
    }
}

impl<'de, 'p> de::EnumAccess<'de> for Enum<'de, 'p> {
    type Error = Error;
    type Variant = Variant<'de, 'p>;
    fn variant_seed<V: DeserializeSeed<'de>>(
        self,
        seed: V,
    ) -> Result<(V::Value, Variant<'de, 'p>), Error> {
        let v = seed.deserialize(Ident {
            name: self.variant,
            index: Some(self.index),
        })?;
        Ok((v, self.into_variant()))
    }
}

impl<'de> de::VariantAccess<'de> for Variant<'de, '_> {
    type Error = Error;
    fn unit_variant(self) -> Result<(), Error> {
        self.unit();
        Ok(())
    }
    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value, Error> {
        seed.deserialize(self.newtype_node())
    }
    fn tuple_variant<V: Visitor<'de>>(self, _: usize, v: V) -> Result<V::Value, Error> {
        self.node().deserialize_seq(v)
    }
    fn struct_variant<V: Visitor<'de>>(
        self,
        fields: &'static [&'static str],
        v: V,
    ) -> Result<V::Value, Error> {
        self.node().deserialize_struct("", fields, v)
    }
}

impl<'de> Deserializer<'de> for Ident<'de> {
    type Error = Error;
    fn deserialize_identifier<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
        // Only serde's generated field and choice names are read as identifiers, and
        // those always have a position (a map's keys are read as text).
        v.visit_u64(self.index.unwrap_or(u64::MAX))
    }
    fn deserialize_any<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
        v.visit_borrowed_str(self.name)
    }
    fn deserialize_enum<V: Visitor<'de>>(
        self,
        name: &'static str,
        variants: &'static [&'static str],
        v: V,
    ) -> Result<V::Value, Error> {
        self.name
            .into_deserializer()
            .deserialize_enum(name, variants, v)
    }
    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf option unit unit_struct newtype_struct seq tuple
        tuple_struct map struct ignored_any
    }
}
