//! Duplicate keys refused: JSON lets an object name a key twice and parsers keep one of the
//! values (serde_json the last), so a file could show one value to one reader and another
//! to the next. Kizuki never writes such a file; an import that holds one is refused.

use serde::de::{DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use std::borrow::Cow;

/// The first key found twice in one object of `bytes` (a BOM allowed before the JSON), or
/// `None` when there is none, and also when the bytes are not JSON at all (the ordinary
/// parse then reports that). Nesting is limited as serde_json limits it.
pub fn first_duplicate_key(bytes: &[u8]) -> Option<String> {
    // Where thousands of files are read (a center's aggregation), a quick look first; a
    // widget reads one file at a time and carries only the walk.
    #[cfg(feature = "aggregate")]
    if !may_repeat_a_key(crate::load::without_bom(bytes)) {
        return None;
    }
    walk(bytes).unwrap_or_default()
}

/// Whether some object of `bytes` may name a key twice: `false` only when none does. A
/// quick look at the bytes, without parsing them, to spare the full [`walk`] on the files
/// that need none (every file Kizuki wrote; an aggregation reads thousands): each object's
/// keys are hashed as they stand between their quotes and compared when it closes. Anything
/// it cannot decide that way says "may" and leaves the answer to the walk: a key written
/// with escapes (`"k\u0031"` is `"k1"`), two keys of one hash, brackets that do not pair
/// up, a string or a container left open (bytes that are not JSON).
#[cfg(feature = "aggregate")]
fn may_repeat_a_key(bytes: &[u8]) -> bool {
    // The containers open at this point: whether each is an object, and where its keys
    // start on `hashes`.
    let mut open: Vec<(bool, usize)> = Vec::new();
    let mut hashes: Vec<u64> = Vec::new();
    let mut sorted: Vec<u64> = Vec::new();
    // After `{`, or after `,` in an object: the next string is a key.
    let mut key_next = false;
    let mut at = 0;
    while let Some(&byte) = bytes.get(at) {
        match byte {
            b'"' => {
                let start = at + 1;
                let mut end = start;
                let mut escaped = false;
                loop {
                    match bytes.get(end) {
                        None => return true,
                        Some(b'"') => break,
                        Some(b'\\') => {
                            escaped = true;
                            end += 2;
                        }
                        Some(_) => end += 1,
                    }
                }
                if key_next {
                    if escaped {
                        return true;
                    }
                    hashes.push(fnv1a(&bytes[start..end]));
                    key_next = false;
                }
                at = end;
            }
            b'{' | b'[' => {
                open.push((byte == b'{', hashes.len()));
                key_next = byte == b'{';
            }
            b'}' | b']' => {
                match open.pop() {
                    Some((object, start)) if object == (byte == b'}') => {
                        if object && hashes_repeat(&hashes[start..], &mut sorted) {
                            return true;
                        }
                        hashes.truncate(start);
                    }
                    _ => return true,
                }
                key_next = false;
            }
            b',' => key_next = matches!(open.last(), Some((true, _))),
            _ => {}
        }
        at += 1;
    }
    !open.is_empty()
}

/// Whether two of one object's key hashes are equal: compared pairwise for a few keys,
/// sorted (into `sorted`, kept from one object to the next) for more.
#[cfg(feature = "aggregate")]
fn hashes_repeat(hashes: &[u64], sorted: &mut Vec<u64>) -> bool {
    if hashes.len() <= SCANNED_KEYS {
        return hashes
            .iter()
            .enumerate()
            .any(|(at, hash)| hashes[..at].contains(hash));
    }
    sorted.clear();
    sorted.extend_from_slice(hashes);
    sorted.sort_unstable();
    sorted.windows(2).any(|pair| pair[0] == pair[1])
}

/// The 64-bit FNV-1a hash of a key's bytes.
#[cfg(feature = "aggregate")]
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

/// [`first_duplicate_key`], or why the bytes are not JSON: the walk reads the whole of
/// them, so any error (bad syntax, an early end, nesting deeper than serde_json allows,
/// something after the value) means they are not one JSON value.
pub fn walk(bytes: &[u8]) -> Result<Option<String>, serde_json::Error> {
    let bytes = crate::load::without_bom(bytes);
    let mut deserializer = serde_json::Deserializer::from_slice(bytes);
    let mut keys = Vec::new();
    let found = Check { keys: &mut keys }.deserialize(&mut deserializer)?;
    deserializer.end()?;
    Ok(found)
}

/// Objects with at most this many keys are checked against the keys before each one by
/// scanning them; larger ones (an export's answers: dozens of keys) also keep their keys'
/// places in key order, and each key is looked up by halving.
const SCANNED_KEYS: usize = 16;

/// Walks any JSON value; yields the first duplicate key found. `keys` is one stack for the
/// whole walk: each object pushes its keys on it and takes them off when it ends, so the
/// check allocates once per file, not once per object (this check runs on every import,
/// and the aggregation imports thousands of files).
struct Check<'a, 'de> {
    keys: &'a mut Vec<Cow<'de, str>>,
}

impl<'de> DeserializeSeed<'de> for Check<'_, 'de> {
    type Value = Option<String>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Check<'_, 'de> {
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
        while let Some(inner) = seq.next_element_seed(Check {
            keys: &mut *self.keys,
        })? {
            found = found.or(inner);
        }
        Ok(found)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let keys = self.keys;
        let start = keys.len();
        // Past SCANNED_KEYS: this object's keys, as places on the stack, in key order.
        let mut sorted: Vec<usize> = Vec::new();
        let mut found = None;
        // Keys borrowed from the input where they can be (no escapes).
        while let Some(Key(key)) = map.next_key::<Key<'de>>()? {
            if found.is_none() && repeats(keys, start, &mut sorted, &key) {
                found = Some(key.to_string());
            }
            keys.push(key);
            let inner = map.next_value_seed(Check { keys: &mut *keys })?;
            found = found.or(inner);
        }
        keys.truncate(start);
        Ok(found)
    }
}

/// Whether `key` is one of the object's keys so far (`keys[start..]`, all different); if
/// not, and the object is large, its place (`keys.len()`, where it is pushed next) goes into
/// `sorted`.
fn repeats(keys: &[Cow<'_, str>], start: usize, sorted: &mut Vec<usize>, key: &str) -> bool {
    if keys.len() - start < SCANNED_KEYS {
        return keys[start..].iter().any(|earlier| earlier == key);
    }
    let place =
        |sorted: &[usize], key: &str| sorted.binary_search_by(|&at| keys[at].as_ref().cmp(key));
    if sorted.is_empty() {
        for (at, earlier) in keys.iter().enumerate().skip(start) {
            if let Err(slot) = place(sorted, earlier) {
                sorted.insert(slot, at);
            }
        }
    }
    match place(sorted, key) {
        Ok(_) => true,
        Err(slot) => {
            sorted.insert(slot, keys.len());
            false
        }
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
        assert_eq!(
            first_duplicate_key(br#"{"a":1,"b":{"c":1,"c":2},"d":{"b":1,"d":2}}"#),
            Some("c".into()),
            "the first in the file's order, nested or not; the keys of one object are not another's"
        );
    }

    #[cfg(feature = "aggregate")]
    #[test]
    fn the_quick_look_spares_the_walk_only_when_no_key_repeats() {
        // Files with no repeated key, strings full of JSON's own characters included: the
        // quick look says so, and the walk is not needed.
        for json in [
            r#"{"a":1,"b":[{"a":1},{"a":2}],"c":{"a":{"a":[]}}}"#,
            r#"{"a":"}{,\"a\":[","b":"\\","c":["a","a"]}"#,
            r#"[{"x":1},{"x":2},[],{}]"#,
            r#"{"キー":"値","key":"キー"}"#,
            "\"a\"",
            "17",
        ] {
            assert!(!may_repeat_a_key(json.as_bytes()), "{json}");
            assert_eq!(walk(json.as_bytes()).ok(), Some(None), "{json}");
        }
        let many = object(80, &[]);
        assert!(!may_repeat_a_key(many.as_bytes()), "80 keys, none twice");
        // What it cannot rule out it leaves to the walk, which decides.
        for (json, walked) in [
            (r#"{"a":1,"a":2}"#, Some("a")),
            (r#"{"x":{"y":1},"z":[{"q":1,"q":2}]}"#, Some("q")),
            (r#"{"k1":1,"k\u0031":2}"#, Some("k1")),
            (r#"{"k\u0031":1,"k2":2}"#, None),
            (r#"{"a":1,"b":2"#, None),
            (r#"{"a":[1}"#, None),
            (r#"{"a":"open"#, None),
            ("}", None),
        ] {
            assert!(may_repeat_a_key(json.as_bytes()), "{json}");
            assert_eq!(
                first_duplicate_key(json.as_bytes()).as_deref(),
                walked,
                "{json}"
            );
        }
        assert!(may_repeat_a_key(object(80, &["k79"]).as_bytes()));
    }

    #[cfg(feature = "aggregate")]
    #[test]
    fn the_quick_look_and_the_walk_agree_on_every_file_shape() {
        // Every object of 1 to 3 keys drawn from two names, nested in every way two levels
        // deep: the quick look never clears a file the walk finds a repeat in.
        let keys = ["a", "b"];
        let mut objects = vec![String::from("{}")];
        for first in keys {
            objects.push(format!(r#"{{"{first}":0}}"#));
            for second in keys {
                objects.push(format!(r#"{{"{first}":0,"{second}":[]}}"#));
                for third in keys {
                    objects.push(format!(r#"{{"{first}":0,"{second}":1,"{third}":"x"}}"#));
                }
            }
        }
        let mut files = objects.clone();
        for outer in &objects {
            for inner in &objects {
                if let Some(body) = outer.strip_suffix('}') {
                    let comma = if body.len() > 1 { "," } else { "" };
                    files.push(format!(r#"{body}{comma}"n":{inner}}}"#));
                    files.push(format!(r#"[{outer},{inner}]"#));
                }
            }
        }
        for file in &files {
            let walked = walk(file.as_bytes()).expect(file);
            if walked.is_some() {
                assert!(may_repeat_a_key(file.as_bytes()), "{file}");
            }
            assert_eq!(first_duplicate_key(file.as_bytes()), walked, "{file}");
        }
    }

    /// An object of `count` keys `k0`, `k1`, …, then `extra` keys after them.
    fn object(count: usize, extra: &[&str]) -> String {
        let keys = (0..count).map(|n| format!("k{n}"));
        let fields: Vec<String> = keys
            .chain(extra.iter().map(|key| key.to_string()))
            .map(|key| format!("\"{key}\":{{\"k0\":1}}"))
            .collect();
        format!("{{{}}}", fields.join(","))
    }

    #[test]
    fn large_objects_are_checked_as_small_ones_are() {
        for count in [SCANNED_KEYS - 1, SCANNED_KEYS, SCANNED_KEYS + 1, 80] {
            assert_eq!(
                first_duplicate_key(object(count, &[]).as_bytes()),
                None,
                "{count} keys"
            );
            assert_eq!(
                first_duplicate_key(object(count, &["k0"]).as_bytes()),
                Some("k0".into()),
                "{count} keys and the first again"
            );
            let last = format!("k{}", count - 1);
            assert_eq!(
                first_duplicate_key(object(count, &["x", &last, "x"]).as_bytes()),
                Some(last.clone()),
                "{count} keys: the repeat that comes first in the file is named"
            );
        }
        // Whichever comes first in the file: a repeat inside a value, or the large object's
        // own key named again.
        let nested_first = object(40, &[r#"x":{"y":1,"y":2},"k0"#]);
        assert_eq!(
            first_duplicate_key(nested_first.as_bytes()),
            Some("y".into())
        );
        let key_first = object(40, &[r#"k0":1,"x":{"y":1,"y":2},"z"#]);
        assert_eq!(first_duplicate_key(key_first.as_bytes()), Some("k0".into()));
        // Escaped keys (not borrowed from the input) are compared by what they say.
        assert_eq!(
            first_duplicate_key(object(40, &["k\\u0031"]).as_bytes()),
            Some("k1".into())
        );
    }
}
