//! What makes two exports one for counting: a 128-bit fingerprint of what a value
//! serializes to. Equal values serialize alike, so equal exports have equal fingerprints,
//! however their files were laid out.
//!
//! The value is written in a compact form of its own, not as JSON: each part a tag byte,
//! text as its length and its bytes (no escaping), numbers as their bytes, and every sequence,
//! map and struct closed by an end tag. Nothing in it can be read two ways (each part says
//! where it ends), so two different values never write the same bytes. Writing JSON
//! instead (escaping every string, formatting every number) was about a tenth of an
//! aggregation's time (BENCHMARKS.md).

use serde::ser::{self, Serialize};
use std::fmt;

/// The fingerprint of `value`, written into a buffer kept from one file to the next (a new
/// buffer per file was a quarter of an aggregation's time) and hashed once.
pub(crate) fn fingerprint_serialized<T: Serialize + ?Sized>(value: &T) -> u128 {
    thread_local!(static BUFFER: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) });
    BUFFER.with_borrow_mut(|buffer| {
        buffer.clear();
        // Writing into memory cannot fail (the error type is only what serde asks for).
        let _ = value.serialize(&mut Writer(&mut *buffer));
        let fingerprint = fingerprint_of(buffer);
        // A rare huge file does not keep its buffer.
        if buffer.capacity() > 1 << 20 {
            *buffer = Vec::new();
        }
        fingerprint
    })
}

/// A 128-bit fingerprint of bytes: two SipHash states, seeded differently.
fn fingerprint_of(bytes: &[u8]) -> u128 {
    use std::hash::Hasher;
    let half = |seed: u8| {
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        hasher.write_u8(seed);
        hasher.write(bytes);
        hasher.finish()
    };
    (u128::from(half(1)) << 64) | u128::from(half(2))
}

/// The tag that opens each part of the written form.
#[derive(Clone, Copy)]
#[repr(u8)]
enum Tag {
    Bool = 1,
    Signed,
    Unsigned,
    Float,
    Char,
    Text,
    Bytes,
    None,
    Some,
    Unit,
    Variant,
    Newtype,
    Sequence,
    Map,
    Struct,
    End,
}

/// Writes a value's compact form into a buffer.
struct Writer<'a>(&'a mut Vec<u8>);

impl Writer<'_> {
    fn tag(&mut self, tag: Tag) {
        self.0.push(tag as u8);
    }

    fn number(&mut self, tag: Tag, bytes: &[u8]) {
        self.tag(tag);
        self.0.extend_from_slice(bytes);
    }

    /// Text or bytes: the tag, the length in 7-bit groups (the high bit set on all but the
    /// last: one byte below 128), the bytes.
    fn text(&mut self, tag: Tag, bytes: &[u8]) {
        self.tag(tag);
        let mut length = bytes.len();
        while length >= 0x80 {
            self.0.push((length & 0x7f) as u8 | 0x80);
            length >>= 7;
        }
        self.0.push(length as u8);
        self.0.extend_from_slice(bytes);
    }

    /// A variant: its enum's name and its own (a unit variant is nothing more).
    fn variant(&mut self, name: &str, variant: &str) {
        self.tag(Tag::Variant);
        self.text(Tag::Text, name.as_bytes());
        self.text(Tag::Text, variant.as_bytes());
    }
}

type Done = Result<(), fmt::Error>;

/// Numbers: each kind (signed, unsigned, floating) widened to its largest type, so that a
/// value reads the same whatever width a field has.
macro_rules! numbers {
    ($($($method:ident($narrow:ty)),* => $tag:ident as $wide:ty;)*) => {$($(
        fn $method(self, value: $narrow) -> Done {
            self.number(Tag::$tag, &<$wide>::from(value).to_le_bytes());
            Ok(())
        }
    )*)*};
}

impl<'a, 'b> ser::Serializer for &'a mut Writer<'b> {
    type Ok = ();
    type Error = fmt::Error;
    type SerializeSeq = Self;
    type SerializeTuple = Self;
    type SerializeTupleStruct = Self;
    type SerializeTupleVariant = Self;
    type SerializeMap = Self;
    type SerializeStruct = Self;
    type SerializeStructVariant = Self;

    fn serialize_bool(self, value: bool) -> Done {
        self.number(Tag::Bool, &[u8::from(value)]);
        Ok(())
    }
    numbers! {
        serialize_i8(i8), serialize_i16(i16), serialize_i32(i32), serialize_i64(i64)
            => Signed as i64;
        serialize_u8(u8), serialize_u16(u16), serialize_u32(u32), serialize_u64(u64)
            => Unsigned as u64;
        serialize_f32(f32), serialize_f64(f64) => Float as f64;
    }
    fn serialize_char(self, value: char) -> Done {
        self.number(Tag::Char, &u32::from(value).to_le_bytes());
        Ok(())
    }
    fn serialize_str(self, value: &str) -> Done {
        self.text(Tag::Text, value.as_bytes());
        Ok(())
    }
    fn serialize_bytes(self, value: &[u8]) -> Done {
        self.text(Tag::Bytes, value);
        Ok(())
    }
    fn serialize_none(self) -> Done {
        self.tag(Tag::None);
        Ok(())
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Done {
        self.tag(Tag::Some);
        value.serialize(self)
    }
    fn serialize_unit(self) -> Done {
        self.tag(Tag::Unit);
        Ok(())
    }
    fn serialize_unit_struct(self, _name: &'static str) -> Done {
        self.serialize_unit()
    }
    fn serialize_unit_variant(self, name: &'static str, _: u32, variant: &'static str) -> Done {
        self.variant(name, variant);
        Ok(())
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(self, _: &'static str, value: &T) -> Done {
        self.tag(Tag::Newtype);
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        name: &'static str,
        _: u32,
        variant: &'static str,
        value: &T,
    ) -> Done {
        self.variant(name, variant);
        value.serialize(self)
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Self, fmt::Error> {
        self.tag(Tag::Sequence);
        Ok(self)
    }
    fn serialize_tuple(self, _: usize) -> Result<Self, fmt::Error> {
        self.serialize_seq(None)
    }
    fn serialize_tuple_struct(self, _: &'static str, _: usize) -> Result<Self, fmt::Error> {
        self.serialize_seq(None)
    }
    fn serialize_tuple_variant(
        self,
        name: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Self, fmt::Error> {
        self.variant(name, variant);
        self.serialize_seq(None)
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Self, fmt::Error> {
        self.tag(Tag::Map);
        Ok(self)
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Self, fmt::Error> {
        self.tag(Tag::Struct);
        Ok(self)
    }
    fn serialize_struct_variant(
        self,
        name: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Self, fmt::Error> {
        self.variant(name, variant);
        self.serialize_struct(name, 0)
    }
}

/// Sequences and tuples: each element, then the end tag.
macro_rules! elements {
    ($($trait:ident :: $method:ident),*) => {$(
        impl ser::$trait for &mut Writer<'_> {
            type Ok = ();
            type Error = fmt::Error;

            fn $method<T: Serialize + ?Sized>(&mut self, value: &T) -> Done {
                value.serialize(&mut **self)
            }

            fn end(self) -> Done {
                self.tag(Tag::End);
                Ok(())
            }
        }
    )*};
}

elements!(
    SerializeSeq::serialize_element,
    SerializeTuple::serialize_element,
    SerializeTupleStruct::serialize_field,
    SerializeTupleVariant::serialize_field
);

/// Structs: each field's name and value (a skipped field writes nothing, as in JSON), then
/// the end tag.
macro_rules! fields {
    ($($trait:ident),*) => {$(
        impl ser::$trait for &mut Writer<'_> {
            type Ok = ();
            type Error = fmt::Error;

            fn serialize_field<T: Serialize + ?Sized>(
                &mut self,
                key: &'static str,
                value: &T,
            ) -> Done {
                self.text(Tag::Text, key.as_bytes());
                value.serialize(&mut **self)
            }

            fn end(self) -> Done {
                self.tag(Tag::End);
                Ok(())
            }
        }
    )*};
}

fields!(SerializeStruct, SerializeStructVariant);

impl ser::SerializeMap for &mut Writer<'_> {
    type Ok = ();
    type Error = fmt::Error;

    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Done {
        key.serialize(&mut **self)
    }

    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Done {
        value.serialize(&mut **self)
    }

    fn end(self) -> Done {
        self.tag(Tag::End);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    #[derive(serde::Serialize)]
    struct Answer<'a> {
        choice: Option<&'a str>,
        #[serde(skip_serializing_if = "Vec::is_empty")]
        why_not: Vec<&'a str>,
    }

    fn of(pairs: &[(&'static str, Option<&'static str>, &[&'static str])]) -> u128 {
        let map: BTreeMap<&str, Answer<'_>> = pairs
            .iter()
            .map(|&(id, choice, why_not)| {
                let why_not = why_not.to_vec();
                (id, Answer { choice, why_not })
            })
            .collect();
        fingerprint_serialized(&map)
    }

    #[test]
    fn lengths_take_one_byte_per_seven_bits() {
        for (length, written) in [
            (0, &[0_u8][..]),
            (127, &[127]),
            (128, &[0x80, 0x01]),
            (300, &[0xac, 0x02]),
        ] {
            let mut buffer = Vec::new();
            let _ = "x".repeat(length).serialize(&mut Writer(&mut buffer));
            assert_eq!(buffer[0], Tag::Text as u8);
            assert_eq!(&buffer[1..=written.len()], written, "{length}");
            assert_eq!(buffer.len(), 1 + written.len() + length);
        }
    }

    #[test]
    fn equal_values_are_one_and_any_difference_tells_them_apart() {
        let answers = [
            ("a", Some("yes"), &[][..]),
            ("b", Some("no"), &["time"][..]),
        ];
        assert_eq!(of(&answers), of(&answers));
        // Each of these differs from `answers` in one way, and from every other.
        let others = [
            of(&[("a", Some("yes"), &[]), ("b", Some("no"), &[])]),
            of(&[
                ("a", Some("yes"), &[]),
                ("b", Some("no"), &["time", "time"]),
            ]),
            of(&[("a", Some("yes"), &[]), ("b", None, &["time"])]),
            of(&[("a", Some("yes"), &[]), ("b", Some("n"), &["otime"])]),
            of(&[("a", Some("yes"), &[]), ("c", Some("no"), &["time"])]),
            of(&[("a", Some("yes"), &[])]),
            of(&[("ab", Some("yes"), &[]), ("", Some("no"), &["time"])]),
            of(&[("a", Some("yesb"), &[]), ("", Some("no"), &["time"])]),
        ];
        let mut all = vec![of(&answers)];
        all.extend(others);
        for (at, fingerprint) in all.iter().enumerate() {
            assert!(
                !all[..at].contains(fingerprint),
                "value {at} taken for an earlier one"
            );
        }
        // Text is not read as a number or a list, nor a list's end as more of it.
        assert_ne!(fingerprint_serialized(&1_u64), fingerprint_serialized("1"));
        // Lengths past one byte of the written form.
        let long = "あ".repeat(100);
        assert_ne!(
            fingerprint_serialized(&[long.as_str(), ""]),
            fingerprint_serialized(&[&long[..297], &long[297..]])
        );
        assert_eq!(
            fingerprint_serialized(&long),
            fingerprint_serialized(&long.clone())
        );
        assert_ne!(
            fingerprint_serialized(&vec![vec!["a"], vec![]]),
            fingerprint_serialized(&vec![vec![], vec!["a"]])
        );
        assert_ne!(
            fingerprint_serialized(&(Some(()), None::<()>)),
            fingerprint_serialized(&(None::<()>, Some(())))
        );
    }
}
