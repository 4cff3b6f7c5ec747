//! Duplicate keys refused: JSON lets an object name a key twice and parsers keep one of the
//! values (serde_json the last), so a file could show one value to one reader and another
//! to the next. Kizuki never writes such a file; an import that holds one is refused.

use serde::de::{DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use std::borrow::Cow;
use std::collections::BTreeSet;

/// The first key found twice in one object of `bytes` (a BOM allowed before the JSON), or
/// `None` when there is none, and also when the bytes are not JSON at all (the ordinary
/// parse then reports that). Nesting is limited as serde_json limits it.
pub fn first_duplicate_key(bytes: &[u8]) -> Option<String> {
    walk(bytes).unwrap_or_default()
}

/// [`first_duplicate_key`], or why the bytes are not JSON: the walk reads the whole of
/// them, so any error (bad syntax, an early end, nesting deeper than serde_json allows,
/// something after the value) means they are not one JSON value.
pub fn walk(bytes: &[u8]) -> Result<Option<String>, serde_json::Error> {
    let bytes = crate::load::without_bom(bytes);
    let mut deserializer = serde_json::Deserializer::from_slice(bytes);
    let found = Check.deserialize(&mut deserializer)?;
    deserializer.end()?;
    Ok(found)
}

/// Walks any JSON value; yields the first duplicate key found.
struct Check;

impl<'de> DeserializeSeed<'de> for Check {
    type Value = Option<String>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_any(CheckVisitor)
    }
}

struct CheckVisitor;

impl<'de> Visitor<'de> for CheckVisitor {
    type Value = Option<String>;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_bool<E>(self, _: bool) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_i64<E>(self, _: i64) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_u64<E>(self, _: u64) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_f64<E>(self, _: f64) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_str<E>(self, _: &str) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_unit<E>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let mut found = None;
        while let Some(inner) = seq.next_element_seed(Check)? {
            found = found.or(inner);
        }
        Ok(found)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        // Keys borrowed from the input where they can be (no escapes): this check runs on
        // every import, and the aggregation imports thousands of files.
        let mut keys: BTreeSet<Cow<'de, str>> = BTreeSet::new();
        let mut found = None;
        while let Some(Key(key)) = map.next_key::<Key<'de>>()? {
            let inner = map.next_value_seed(Check)?;
            if found.is_none() {
                if keys.contains(&key) {
                    found = Some(key.into_owned());
                } else {
                    keys.insert(key);
                }
            }
            found = found.or(inner);
        }
        Ok(found)
    }
}

/// An object key, borrowed from the input when it has no escapes.
struct Key<'de>(Cow<'de, str>);

impl<'de> serde::Deserialize<'de> for Key<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct KeyVisitor;
        impl<'de> Visitor<'de> for KeyVisitor {
            type Value = Key<'de>;

            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("an object key")
            }

            fn visit_borrowed_str<E>(self, key: &'de str) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Borrowed(key)))
            }

            fn visit_str<E>(self, key: &str) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Owned(key.to_string())))
            }
        }
        deserializer.deserialize_str(KeyVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn duplicate_keys_are_found_at_any_depth() {
        assert_eq!(first_duplicate_key(br#"{"a":1,"a":2}"#), Some("a".into()));
        assert_eq!(
            first_duplicate_key(br#"{"x":[{"id":"p","id":"q"}]}"#),
            Some("id".into())
        );
        assert_eq!(first_duplicate_key(br#"{"a":{"a":1}}"#), None);
        assert_eq!(
            first_duplicate_key(b"\xEF\xBB\xBF{\"k\":1,\"k\":1}"),
            Some("k".into())
        );
        assert_eq!(first_duplicate_key(b"not json"), None);
        assert!(walk(b"{} x").is_err(), "something after the value");
        let deep = format!("{}{}", "[".repeat(200), "]".repeat(200));
        assert!(
            walk(deep.as_bytes()).is_err(),
            "nesting deeper than serde_json reads"
        );
        assert_eq!(walk(br#"[{"a": 1}, {"a": 2}]"#).ok(), Some(None));
    }
}
