//! Reading JSON into Kizuki's types: every read in the core and the web goes through
//! [`from_slice`] or [`from_value`] (the tidy test holds that), which reads a struct only from a JSON object.
//!
//! serde_json also reads a struct from an array of its fields in order, a form Kizuki never
//! writes and no pack or file uses; yet that second way is compiled for every struct read,
//! whether a file takes it or not. Reading structs as maps leaves it out: about 10 KB gzip
//! off each widget's module (BENCHMARKS.md, "Structs read only from objects"). An array
//! where a struct belongs is refused like any other wrong type ("invalid type: sequence,
//! expected struct …").
//!
//! [`Objects`] wraps serde_json's deserializer and everything it hands out (visitors, map
//! and sequence access, seeds, enum access), so that nested values are read the same way;
//! each method passes straight through but `deserialize_struct`, which asks for a map.

use serde::de::{self, DeserializeSeed, Visitor};
use std::fmt;

/// Reads `T` from JSON bytes, structs only from objects, and nothing after the value.
pub fn from_slice<'de, T: de::Deserialize<'de>>(bytes: &'de [u8]) -> serde_json::Result<T> {
    let mut deserializer = serde_json::Deserializer::from_slice(bytes);
    let value = T::deserialize(Objects(&mut deserializer))?;
    deserializer.end()?;
    Ok(value)
}

/// Reads `T` from a JSON value, structs only from objects.
pub fn from_value<T: de::DeserializeOwned>(value: serde_json::Value) -> serde_json::Result<T> {
    T::deserialize(Objects(value))
}

/// A deserializer, visitor, access or seed whose structs are read as maps (see the module).
pub struct Objects<T>(T);

/// serde_json's raw value is a newtype struct of this name that the deserializer answers
/// itself: it passes through unwrapped.
const RAW_VALUE: &str = "$serde_json::private::RawValue";

macro_rules! forward_deserialize {
    ($($method:ident)*) => {$(
        fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, D::Error> {
            self.0.$method(Objects(visitor))
        }
    )*};
}

impl<'de, D: de::Deserializer<'de>> de::Deserializer<'de> for Objects<D> {
    type Error = D::Error;

    forward_deserialize! {
        deserialize_any deserialize_bool deserialize_i8 deserialize_i16 deserialize_i32
        deserialize_i64 deserialize_i128 deserialize_u8 deserialize_u16 deserialize_u32
        deserialize_u64 deserialize_u128 deserialize_f32 deserialize_f64 deserialize_char
        deserialize_str deserialize_string deserialize_bytes deserialize_byte_buf
        deserialize_option deserialize_unit deserialize_seq deserialize_map
        deserialize_identifier deserialize_ignored_any
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        self.0.deserialize_unit_struct(name, Objects(visitor))
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        if name == RAW_VALUE {
            self.0.deserialize_newtype_struct(name, visitor)
        } else {
            self.0.deserialize_newtype_struct(name, Objects(visitor))
        }
    }

    fn deserialize_tuple<V: Visitor<'de>>(
        self,
        len: usize,
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        self.0.deserialize_tuple(len, Objects(visitor))
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        len: usize,
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        self.0.deserialize_tuple_struct(name, len, Objects(visitor))
    }

    /// The one change: a struct is read as a map, so its visitor's array way is never asked.
    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        self.0.deserialize_map(Objects(visitor))
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        name: &'static str,
        variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        self.0.deserialize_enum(name, variants, Objects(visitor))
    }

    fn is_human_readable(&self) -> bool {
        self.0.is_human_readable()
    }
}

macro_rules! forward_visit {
    ($($method:ident($type:ty))*) => {$(
        fn $method<E: de::Error>(self, value: $type) -> Result<Self::Value, E> {
            self.0.$method(value)
        }
    )*};
}

impl<'de, V: Visitor<'de>> Visitor<'de> for Objects<V> {
    type Value = V::Value;

    fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.expecting(formatter)
    }

    forward_visit! {
        visit_bool(bool) visit_i8(i8) visit_i16(i16) visit_i32(i32) visit_i64(i64)
        visit_i128(i128) visit_u8(u8) visit_u16(u16) visit_u32(u32) visit_u64(u64)
        visit_u128(u128) visit_f32(f32) visit_f64(f64) visit_char(char) visit_str(&str)
        visit_borrowed_str(&'de str) visit_string(String) visit_bytes(&[u8])
        visit_borrowed_bytes(&'de [u8]) visit_byte_buf(Vec<u8>)
    }

    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        self.0.visit_none()
    }

    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        self.0.visit_unit()
    }

    fn visit_some<D: de::Deserializer<'de>>(self, inner: D) -> Result<Self::Value, D::Error> {
        self.0.visit_some(Objects(inner))
    }

    fn visit_newtype_struct<D: de::Deserializer<'de>>(
        self,
        inner: D,
    ) -> Result<Self::Value, D::Error> {
        self.0.visit_newtype_struct(Objects(inner))
    }

    fn visit_seq<A: de::SeqAccess<'de>>(self, seq: A) -> Result<Self::Value, A::Error> {
        self.0.visit_seq(Objects(seq))
    }

    fn visit_map<A: de::MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
        self.0.visit_map(Objects(map))
    }

    fn visit_enum<A: de::EnumAccess<'de>>(self, data: A) -> Result<Self::Value, A::Error> {
        self.0.visit_enum(Objects(data))
    }
}

impl<'de, A: de::SeqAccess<'de>> de::SeqAccess<'de> for Objects<A> {
    type Error = A::Error;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, A::Error> {
        self.0.next_element_seed(Objects(seed))
    }

    fn size_hint(&self) -> Option<usize> {
        self.0.size_hint()
    }
}

impl<'de, A: de::MapAccess<'de>> de::MapAccess<'de> for Objects<A> {
    type Error = A::Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, A::Error> {
        self.0.next_key_seed(Objects(seed))
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, A::Error> {
        self.0.next_value_seed(Objects(seed))
    }

    fn size_hint(&self) -> Option<usize> {
        self.0.size_hint()
    }
}

impl<'de, S: DeserializeSeed<'de>> DeserializeSeed<'de> for Objects<S> {
    type Value = S::Value;

    fn deserialize<D: de::Deserializer<'de>>(self, inner: D) -> Result<S::Value, D::Error> {
        self.0.deserialize(Objects(inner))
    }
}

impl<'de, A: de::EnumAccess<'de>> de::EnumAccess<'de> for Objects<A> {
    type Error = A::Error;
    type Variant = Objects<A::Variant>;

    fn variant_seed<V: DeserializeSeed<'de>>(
        self,
        seed: V,
    ) -> Result<(V::Value, Self::Variant), A::Error> {
        let (value, variant) = self.0.variant_seed(Objects(seed))?;
        Ok((value, Objects(variant)))
    }
}

impl<'de, A: de::VariantAccess<'de>> de::VariantAccess<'de> for Objects<A> {
    type Error = A::Error;

    fn unit_variant(self) -> Result<(), A::Error> {
        self.0.unit_variant()
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value, A::Error> {
        self.0.newtype_variant_seed(Objects(seed))
    }

    fn tuple_variant<V: Visitor<'de>>(self, len: usize, visitor: V) -> Result<V::Value, A::Error> {
        self.0.tuple_variant(len, Objects(visitor))
    }

    /// A struct variant's fields are the variant's value: read as one more struct, as a map.
    fn struct_variant<V: Visitor<'de>>(
        self,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, A::Error> {
        self.0.newtype_variant_seed(StructSeed(visitor))
    }
}

/// Reads a struct variant's fields as a map.
struct StructSeed<V>(V);

impl<'de, V: Visitor<'de>> DeserializeSeed<'de> for StructSeed<V> {
    type Value = V::Value;

    fn deserialize<D: de::Deserializer<'de>>(self, inner: D) -> Result<V::Value, D::Error> {
        inner.deserialize_map(Objects(self.0))
    }
}

/// The JSON pointer of the value that holds a parser's error position (`line` and `column`
/// as serde_json counts them: from 1, bytes): `/resources/3/phone` for a problem in the
/// fourth resource's phone, `` for the whole file. A file written on one line (a minified
/// pack) gives `line 1 column 355327`, which no one can find by hand; the pointer names the
/// place. Read by a small scan of the text up to the position, so it works on broken JSON too
/// (the innermost object or array entry reached before the break).
pub fn pointer_at(bytes: &[u8], line: usize, column: usize) -> String {
    pointer_to(bytes, line, column, false)
}

/// [`pointer_at`], or with `whole_object` the object the position is in, not its field (a
/// field missing is found at the end of the object, after its last field).
fn pointer_to(bytes: &[u8], line: usize, column: usize, whole_object: bool) -> String {
    enum Frame {
        Object { key: Option<String>, in_key: bool },
        Array { index: usize },
    }
    let start = bytes
        .split_inclusive(|byte| *byte == b'\n')
        .take(line.saturating_sub(1))
        .map(<[u8]>::len)
        .sum::<usize>();
    // serde_json's column is that of the last byte it read: the scan stops before it, so a
    // closing brace the parser stopped at (a field missing) still counts as inside.
    let end = (start + column.saturating_sub(1)).min(bytes.len());
    let mut frames: Vec<Frame> = Vec::new();
    let mut string: Option<Vec<u8>> = None;
    let mut escaped = false;
    for &byte in &bytes[..end] {
        if let Some(text) = string.as_mut() {
            if escaped {
                escaped = false;
                text.push(byte);
            } else if byte == b'\\' {
                escaped = true;
            } else if byte == b'"' {
                let text = string.take().unwrap_or_default();
                if let Some(Frame::Object { key, in_key: true }) = frames.last_mut() {
                    *key = Some(String::from_utf8_lossy(&text).into_owned());
                }
            } else {
                text.push(byte);
            }
            continue;
        }
        match (byte, frames.last_mut()) {
            (b'"', _) => string = Some(Vec::new()),
            (b'{', _) => frames.push(Frame::Object {
                key: None,
                in_key: true,
            }),
            (b'[', _) => frames.push(Frame::Array { index: 0 }),
            (b'}' | b']', _) => {
                frames.pop();
            }
            (b':', Some(Frame::Object { in_key, .. })) => *in_key = false,
            (b',', Some(Frame::Object { key, in_key })) => {
                *key = None;
                *in_key = true;
            }
            (b',', Some(Frame::Array { index })) => *index += 1,
            _ => {}
        }
    }
    // Stopped in a key (an unknown field is found at its closing quote): that key.
    if let (Some(text), Some(Frame::Object { key, in_key: true })) = (string, frames.last_mut()) {
        *key = Some(String::from_utf8_lossy(&text).into_owned());
    }
    if whole_object {
        if let Some(Frame::Object { key, .. }) = frames.last_mut() {
            *key = None;
        }
    }
    let mut pointer = String::new();
    for frame in &frames {
        match frame {
            Frame::Object { key: Some(key), .. } => {
                pointer.push('/');
                pointer.push_str(&key.replace('~', "~0").replace('/', "~1"));
            }
            Frame::Object { key: None, .. } => break,
            Frame::Array { index } => {
                pointer.push('/');
                pointer.push_str(&index.to_string());
            }
        }
    }
    pointer
}

/// [`pointer_at`] of a serde_json error's position (`` when it has none); for a field
/// missing, the object that lacks it.
pub fn pointer_of(bytes: &[u8], error: &serde_json::Error) -> String {
    if error.line() == 0 {
        return String::new();
    }
    let missing = error.is_data() && error.to_string().starts_with("missing field");
    pointer_to(bytes, error.line(), error.column(), missing)
}

#[cfg(test)]
mod tests {
    use super::from_slice;
    use serde::Deserialize;

    #[derive(Debug, PartialEq, Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Inner {
        name: String,
        #[serde(default)]
        count: Option<u32>,
    }

    #[derive(Debug, PartialEq, Deserialize)]
    #[serde(rename_all = "snake_case")]
    enum Shape {
        Unit,
        Newtype(Inner),
        Tuple(u8, u8),
        Fields { inner: Inner },
    }

    #[derive(Debug, Deserialize)]
    struct Outer<'a> {
        list: Vec<Inner>,
        shapes: Vec<Shape>,
        maybe: Option<Inner>,
        #[serde(borrow)]
        raw: &'a serde_json::value::RawValue,
    }

    #[test]
    fn structs_read_from_objects_at_every_depth_and_enums_of_every_form() {
        let json = br#"{"list": [{"name": "a"}, {"name": "b", "count": 2}],
            "shapes": ["unit", {"newtype": {"name": "n"}}, {"tuple": [1, 2]},
                       {"fields": {"inner": {"name": "f"}}}],
            "maybe": {"name": "m"}, "raw": [1, {"x": 2}]}"#;
        let read: Outer<'_> = from_slice(json).unwrap();
        assert_eq!(
            read.list[1],
            Inner {
                name: "b".into(),
                count: Some(2)
            }
        );
        assert_eq!(
            read.shapes,
            [
                Shape::Unit,
                Shape::Newtype(Inner {
                    name: "n".into(),
                    count: None
                }),
                Shape::Tuple(1, 2),
                Shape::Fields {
                    inner: Inner {
                        name: "f".into(),
                        count: None
                    }
                },
            ]
        );
        assert_eq!(read.maybe.unwrap().name, "m");
        assert_eq!(read.raw.get(), r#"[1, {"x": 2}]"#);
    }

    #[test]
    fn a_struct_written_as_an_array_is_refused_where_serde_json_would_take_it() {
        assert!(serde_json::from_slice::<Inner>(br#"["a", 1]"#).is_ok());
        let error = from_slice::<Inner>(br#"["a", 1]"#).unwrap_err();
        assert!(error.is_data(), "{error}");
        assert!(
            error.to_string().contains("expected struct Inner"),
            "{error}"
        );
        let nested = br#"{"list": [["a", 1]], "shapes": [], "maybe": null, "raw": 0}"#;
        assert!(from_slice::<Outer<'_>>(nested).is_err());
        let variant =
            br#"{"list": [], "shapes": [{"fields": [["f", null]]}], "maybe": null, "raw": 0}"#;
        assert!(serde_json::from_slice::<Outer<'_>>(variant).is_ok());
        assert!(from_slice::<Outer<'_>>(variant).is_err());
    }

    #[test]
    fn errors_and_trailing_text_are_as_serde_json_gives_them() {
        let unknown = br#"{"name": "a", "other": 1}"#;
        assert_eq!(
            from_slice::<Inner>(unknown).unwrap_err().to_string(),
            serde_json::from_slice::<Inner>(unknown)
                .unwrap_err()
                .to_string()
        );
        assert!(from_slice::<Inner>(br#"{"name": "a"} x"#)
            .unwrap_err()
            .is_syntax());
        assert!(from_slice::<Inner>(br#"{"name": "a""#)
            .unwrap_err()
            .is_eof());
    }

    #[test]
    fn the_pointer_names_where_a_one_line_file_went_wrong() {
        use super::pointer_of;
        #[derive(Debug, Deserialize)]
        #[serde(deny_unknown_fields)]
        #[allow(dead_code)]
        struct Resource {
            name: String,
            phone: Option<u32>,
        }
        #[derive(Debug, Deserialize)]
        #[allow(dead_code)]
        struct Directory {
            resources: Vec<Resource>,
        }
        let pointer = |json: &str| {
            let error = from_slice::<Directory>(json.as_bytes()).unwrap_err();
            pointer_of(json.as_bytes(), &error)
        };
        let ok = r#"{"name":"a","phone":1}"#;
        // A wrong type: the field's place.
        assert_eq!(
            pointer(&format!(
                r#"{{"resources":[{ok},{ok},{{"name":"c","phone":"x"}}]}}"#
            )),
            "/resources/2/phone"
        );
        // A field missing: the object that lacks it.
        assert_eq!(
            pointer(&format!(r#"{{"resources":[{ok},{{"phone":2}}]}}"#)),
            "/resources/1"
        );
        // An unknown field, written over lines; a key with a slash is escaped.
        assert_eq!(
            pointer(&format!(
                "{{\n\"resources\": [\n{ok},\n{{\"name\":\"b\",\"a/b\":1}}]}}"
            )),
            "/resources/1/a~1b"
        );
        // Broken JSON (a comma missing): the entry it broke in; escaped quotes in a string
        // do not end it; braces inside strings count for nothing.
        assert_eq!(
            pointer(&format!(
                r#"{{"resources":[{ok},{{"name":"\"}}{{[" "phone":3}}]}}"#
            )),
            "/resources/1/name"
        );
        // The whole file.
        assert_eq!(pointer("[]"), "");
        assert_eq!(pointer(r#"{"resources": 3}"#), "/resources");
    }
}
