//! `VecMap`: the map from text ids to values that a person's answers are kept in (question
//! id → choice, item id → answer). Two sorted vectors, searched by halving: what a
//! `BTreeMap<String, V>` did for the answers' few dozen to few hundred keys, with far less
//! code per value type in the wasm (a B-tree brings node, search and rebalancing code for
//! every key and value type; here the key search is one function for every map, and a value
//! type adds only its moves). Issue 14's size lever 3, measured in BENCHMARKS.md.
//!
//! It reads and writes JSON as the `BTreeMap` did, byte for byte: an object with its keys in
//! order. Reading refuses a key named twice in one object (as [`crate::export::import`]
//! refuses every such file), and accepts keys in any order.

use std::fmt;
use std::marker::PhantomData;

use serde::de::{Deserialize, Deserializer, Error as _, MapAccess, Visitor};
use serde::ser::{Serialize, Serializer};

/// A map from text keys to values, kept in key order (the order of `str`'s `Ord`, as a
/// `BTreeMap<String, V>` keeps it). Keys and values are two vectors of one length, the keys
/// strictly increasing.
#[derive(Clone, PartialEq, Eq)]
pub struct VecMap<V> {
    keys: Vec<String>,
    values: Vec<V>,
}

/// Where `key` is in the sorted `keys`, or where it would go. One function for every map,
/// whatever its value type.
fn search(keys: &[String], key: &str) -> Result<usize, usize> {
    keys.binary_search_by(|probe| probe.as_str().cmp(key))
}

impl<V> VecMap<V> {
    /// An empty map.
    pub const fn new() -> Self {
        VecMap {
            keys: Vec::new(),
            values: Vec::new(),
        }
    }

    /// How many keys it holds.
    pub fn len(&self) -> usize {
        self.keys.len()
    }

    /// Whether it holds no key.
    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }

    /// The value of `key`.
    pub fn get(&self, key: &str) -> Option<&V> {
        search(&self.keys, key).ok().map(|at| &self.values[at])
    }

    /// The stored key equal to `key`, and its value.
    pub fn get_key_value(&self, key: &str) -> Option<(&String, &V)> {
        search(&self.keys, key)
            .ok()
            .map(|at| (&self.keys[at], &self.values[at]))
    }

    /// The value of `key`, to change it.
    pub fn get_mut(&mut self, key: &str) -> Option<&mut V> {
        search(&self.keys, key).ok().map(|at| &mut self.values[at])
    }

    /// Whether it holds `key`.
    pub fn contains_key(&self, key: &str) -> bool {
        search(&self.keys, key).is_ok()
    }

    /// Sets the value of `key`, returning the value it replaces.
    pub fn insert(&mut self, key: String, value: V) -> Option<V> {
        match search(&self.keys, &key) {
            Ok(at) => Some(std::mem::replace(&mut self.values[at], value)),
            Err(at) => {
                self.keys.insert(at, key);
                self.values.insert(at, value);
                None
            }
        }
    }

    /// Takes `key` out, returning its value.
    pub fn remove(&mut self, key: &str) -> Option<V> {
        let at = search(&self.keys, key).ok()?;
        self.keys.remove(at);
        Some(self.values.remove(at))
    }

    /// The place of `key`, to read or fill in (as `BTreeMap::entry`).
    pub fn entry(&mut self, key: String) -> Entry<'_, V> {
        let at = search(&self.keys, &key);
        Entry { map: self, key, at }
    }

    /// The keys and values in key order.
    pub fn iter(&self) -> Iter<'_, V> {
        self.keys.iter().zip(self.values.iter())
    }

    /// The keys and values in key order, the values to change them.
    pub fn iter_mut(&mut self) -> IterMut<'_, V> {
        self.keys.iter().zip(self.values.iter_mut())
    }

    /// Removes every key and value.
    pub fn clear(&mut self) {
        self.keys.clear();
        self.values.clear();
    }

    /// The keys in order.
    pub fn keys(&self) -> std::slice::Iter<'_, String> {
        self.keys.iter()
    }

    /// The values in key order.
    pub fn values(&self) -> std::slice::Iter<'_, V> {
        self.values.iter()
    }

    /// The values in key order, to change them.
    pub fn values_mut(&mut self) -> std::slice::IterMut<'_, V> {
        self.values.iter_mut()
    }

    /// The same keys, each value changed by `change` (the keys stay in place: no search).
    pub fn map_values<W>(self, change: impl FnMut(V) -> W) -> VecMap<W> {
        VecMap {
            keys: self.keys,
            values: self.values.into_iter().map(change).collect(),
        }
    }

    /// Keeps only the keys and values for which `keep` says yes.
    pub fn retain(&mut self, mut keep: impl FnMut(&String, &mut V) -> bool) {
        let mut kept = 0;
        for at in 0..self.keys.len() {
            if keep(&self.keys[at], &mut self.values[at]) {
                self.keys.swap(kept, at);
                self.values.swap(kept, at);
                kept += 1;
            }
        }
        self.keys.truncate(kept);
        self.values.truncate(kept);
    }
}

/// [`VecMap::iter`]'s iterator: `(&key, &value)` in key order.
pub type Iter<'a, V> = std::iter::Zip<std::slice::Iter<'a, String>, std::slice::Iter<'a, V>>;

/// [`VecMap::iter_mut`]'s iterator: `(&key, &mut value)` in key order.
pub type IterMut<'a, V> = std::iter::Zip<std::slice::Iter<'a, String>, std::slice::IterMut<'a, V>>;

/// A key's place in a [`VecMap`], held or not ([`VecMap::entry`]).
pub struct Entry<'a, V> {
    map: &'a mut VecMap<V>,
    key: String,
    at: Result<usize, usize>,
}

impl<'a, V> Entry<'a, V> {
    /// The value, put in by `make` when the key was not there.
    pub fn or_insert_with(self, make: impl FnOnce() -> V) -> &'a mut V {
        let at = match self.at {
            Ok(at) => at,
            Err(at) => {
                self.map.keys.insert(at, self.key);
                self.map.values.insert(at, make());
                at
            }
        };
        &mut self.map.values[at]
    }

    /// The value, the default one put in when the key was not there.
    pub fn or_default(self) -> &'a mut V
    where
        V: Default,
    {
        self.or_insert_with(V::default)
    }
}

impl<V> Default for VecMap<V> {
    fn default() -> Self {
        VecMap::new()
    }
}

impl<V: fmt::Debug> fmt::Debug for VecMap<V> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map().entries(self.iter()).finish()
    }
}

impl<'a, V> IntoIterator for &'a VecMap<V> {
    type Item = (&'a String, &'a V);
    type IntoIter = Iter<'a, V>;

    fn into_iter(self) -> Iter<'a, V> {
        self.iter()
    }
}

impl<'a, V> IntoIterator for &'a mut VecMap<V> {
    type Item = (&'a String, &'a mut V);
    type IntoIter = IterMut<'a, V>;

    fn into_iter(self) -> IterMut<'a, V> {
        self.iter_mut()
    }
}

/// The value of `key`; panics when there is none (as `BTreeMap`'s index does): for tests
/// and places where the key is known to be there.
impl<V> std::ops::Index<&str> for VecMap<V> {
    type Output = V;

    fn index(&self, key: &str) -> &V {
        match self.get(key) {
            Some(value) => value,
            None => panic!("no key `{key}` in the map"),
        }
    }
}

/// The keys and values, taken out, in key order.
impl<V> IntoIterator for VecMap<V> {
    type Item = (String, V);
    type IntoIter = std::iter::Zip<std::vec::IntoIter<String>, std::vec::IntoIter<V>>;

    fn into_iter(self) -> Self::IntoIter {
        self.keys.into_iter().zip(self.values)
    }
}

/// Later pairs replace earlier ones with the same key, as collecting into a `BTreeMap` does.
impl<V> FromIterator<(String, V)> for VecMap<V> {
    fn from_iter<I: IntoIterator<Item = (String, V)>>(pairs: I) -> Self {
        let mut map = VecMap::new();
        for (key, value) in pairs {
            map.insert(key, value);
        }
        map
    }
}

impl<V, const N: usize> From<[(String, V); N]> for VecMap<V> {
    fn from(pairs: [(String, V); N]) -> Self {
        pairs.into_iter().collect()
    }
}

/// A JSON object with the keys in order, as `BTreeMap<String, V>` is written.
impl<V: Serialize> Serialize for VecMap<V> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.iter())
    }
}

/// Any object of values; a key named twice is an error.
impl<'de, V: Deserialize<'de>> Deserialize<'de> for VecMap<V> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(VecMapVisitor(PhantomData))
    }
}

struct VecMapVisitor<V>(PhantomData<V>);

impl<'de, V: Deserialize<'de>> Visitor<'de> for VecMapVisitor<V> {
    type Value = VecMap<V>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a map")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut access: A) -> Result<VecMap<V>, A::Error> {
        let mut keys = Vec::new();
        let mut values = Vec::new();
        while let Some(key) = access.next_key::<String>()? {
            keys.push(key);
            values.push(access.next_value()?);
        }
        // Kizuki writes keys in order; a file with them in another order is put in order
        // in one sort (not key by key, which would take time in the square of their number).
        if keys.windows(2).all(|pair| pair[0] < pair[1]) {
            return Ok(VecMap { keys, values });
        }
        let order = order_of(&keys);
        if let Some(pair) = order.windows(2).find(|pair| keys[pair[0]] == keys[pair[1]]) {
            let key = &keys[pair[0]];
            return Err(A::Error::custom(format_args!(
                "the key `{key}` appears twice in one object"
            )));
        }
        Ok(VecMap {
            keys: in_order(keys, &order),
            values: in_order(values, &order),
        })
    }
}

/// The places of `keys` in key order: a merge sort written out, one small function for
/// every map, where the standard library's sort would add kilobytes of wasm per instance.
fn order_of(keys: &[String]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..keys.len()).collect();
    let mut merged = order.clone();
    let mut width = 1;
    while width < order.len() {
        for start in (0..order.len()).step_by(2 * width) {
            let middle = (start + width).min(order.len());
            let end = (start + 2 * width).min(order.len());
            let (mut left, mut right) = (start, middle);
            for slot in &mut merged[start..end] {
                if right == end || (left < middle && keys[order[left]] <= keys[order[right]]) {
                    *slot = order[left];
                    left += 1;
                } else {
                    *slot = order[right];
                    right += 1;
                }
            }
        }
        std::mem::swap(&mut order, &mut merged);
        width *= 2;
    }
    order
}

/// `items` taken in `order` (a permutation of their places).
fn in_order<T>(items: Vec<T>, order: &[usize]) -> Vec<T> {
    let mut slots: Vec<Option<T>> = items.into_iter().map(Some).collect();
    order.iter().filter_map(|&at| slots[at].take()).collect()
}

/// The JSON Schema of `BTreeMap<String, V>`: the same JSON.
#[cfg(feature = "schema")]
impl<V: schemars::JsonSchema> schemars::JsonSchema for VecMap<V> {
    fn inline_schema() -> bool {
        <std::collections::BTreeMap<String, V>>::inline_schema()
    }

    fn schema_name() -> std::borrow::Cow<'static, str> {
        <std::collections::BTreeMap<String, V>>::schema_name()
    }

    fn schema_id() -> std::borrow::Cow<'static, str> {
        <std::collections::BTreeMap<String, V>>::schema_id()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        <std::collections::BTreeMap<String, V>>::json_schema(generator)
    }
}

/// A set of texts in one sorted vector: [`VecMap`]'s set, for the course's chosen options,
/// lessons read and questions checked (issue 14: each `BTreeSet<String>` brought its own
/// node code). Its JSON is a `BTreeSet`'s: a sorted array; reading sorts once and drops a
/// repeat, as a `BTreeSet` does.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct VecSet(Vec<String>);

impl VecSet {
    /// An empty set.
    pub fn new() -> VecSet {
        VecSet::default()
    }

    /// How many texts it holds.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether it holds none.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Whether it holds `text`.
    pub fn contains(&self, text: &str) -> bool {
        search(&self.0, text).is_ok()
    }

    /// Adds `text`; `false` when it was there already.
    pub fn insert(&mut self, text: String) -> bool {
        match search(&self.0, &text) {
            Ok(_) => false,
            Err(at) => {
                self.0.insert(at, text);
                true
            }
        }
    }

    /// Removes `text`; `false` when it was not there.
    pub fn remove(&mut self, text: &str) -> bool {
        match search(&self.0, text) {
            Ok(at) => {
                self.0.remove(at);
                true
            }
            Err(_) => false,
        }
    }

    /// Removes every text.
    pub fn clear(&mut self) {
        self.0.clear();
    }

    /// The texts in order.
    pub fn iter(&self) -> std::slice::Iter<'_, String> {
        self.0.iter()
    }
}

impl FromIterator<String> for VecSet {
    fn from_iter<I: IntoIterator<Item = String>>(texts: I) -> VecSet {
        let mut texts: Vec<String> = texts.into_iter().collect();
        texts.sort_unstable();
        texts.dedup();
        VecSet(texts)
    }
}

impl<'a> IntoIterator for &'a VecSet {
    type Item = &'a String;
    type IntoIter = std::slice::Iter<'a, String>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

impl Serialize for VecSet {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for VecSet {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<VecSet, D::Error> {
        Vec::<String>::deserialize(deserializer).map(VecSet::from_iter)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    fn pairs() -> Vec<(String, u32)> {
        ["b", "a", "ä", "B", "", "ab", "a"]
            .iter()
            .enumerate()
            .map(|(n, k)| (k.to_string(), n as u32))
            .collect()
    }

    #[test]
    fn it_holds_what_a_btree_map_holds_in_the_same_order() {
        let ours: VecMap<u32> = pairs().into_iter().collect();
        let theirs: BTreeMap<String, u32> = pairs().into_iter().collect();
        assert_eq!(
            ours.iter().collect::<Vec<_>>(),
            theirs.iter().collect::<Vec<_>>()
        );
        assert_eq!(ours.len(), theirs.len());
        assert_eq!(
            ours.get("a"),
            Some(&6),
            "a later pair replaces an earlier one"
        );
        assert_eq!(ours.get("c"), None);
        assert!(ours.contains_key("") && !ours.contains_key("A"));
    }

    #[test]
    fn changes_keep_the_keys_in_order() {
        let mut map: VecMap<u32> = pairs().into_iter().collect();
        let mut model: BTreeMap<String, u32> = pairs().into_iter().collect();
        assert_eq!(map.insert("aa".into(), 9), model.insert("aa".into(), 9));
        assert_eq!(map.insert("b".into(), 10), model.insert("b".into(), 10));
        assert_eq!(map.remove("a"), model.remove("a"));
        assert_eq!(map.remove("zz"), model.remove("zz"));
        *map.entry("c".into()).or_default() += 3;
        *model.entry("c".into()).or_default() += 3;
        *map.entry("c".into()).or_insert_with(|| 100) += 1;
        *model.entry("c".into()).or_insert_with(|| 100) += 1;
        *map.get_mut("").unwrap() = 7;
        *model.get_mut("").unwrap() = 7;
        map.retain(|key, value| key != "B" && *value != 1);
        model.retain(|key, value| key != "B" && *value != 1);
        assert_eq!(
            map.iter().collect::<Vec<_>>(),
            model.iter().collect::<Vec<_>>()
        );
        assert_eq!(
            map.keys().collect::<Vec<_>>(),
            model.keys().collect::<Vec<_>>()
        );
        assert_eq!(
            map.values().collect::<Vec<_>>(),
            model.values().collect::<Vec<_>>()
        );
        let doubled = map.map_values(|value| u64::from(value) * 2);
        let model: BTreeMap<String, u64> = model
            .into_iter()
            .map(|(key, value)| (key, u64::from(value) * 2))
            .collect();
        assert_eq!(
            doubled.iter().collect::<Vec<_>>(),
            model.iter().collect::<Vec<_>>()
        );
        assert_eq!(doubled.get("c"), model.get("c"));
    }

    #[test]
    fn json_is_written_as_a_btree_map_writes_it() {
        let ours: VecMap<u32> = pairs().into_iter().collect();
        let theirs: BTreeMap<String, u32> = pairs().into_iter().collect();
        assert_eq!(
            serde_json::to_string_pretty(&ours).unwrap(),
            serde_json::to_string_pretty(&theirs).unwrap()
        );
        assert_eq!(serde_json::to_string(&VecMap::<u32>::new()).unwrap(), "{}");
    }

    #[test]
    fn json_keys_in_any_order_are_read_into_order() {
        let read: VecMap<u32> = serde_json::from_str(r#"{"c":3,"a":1,"b":2,"d":4}"#).unwrap();
        assert_eq!(read.keys().collect::<Vec<_>>(), ["a", "b", "c", "d"]);
        assert_eq!(read.values().collect::<Vec<_>>(), [&1, &2, &3, &4]);
        let many: String = (0..2000)
            .rev()
            .map(|n| format!(r#""k{n:05}":{n},"#))
            .collect();
        let read: VecMap<u32> =
            serde_json::from_str(&format!("{{{}}}", many.trim_end_matches(','))).unwrap();
        assert_eq!(read.len(), 2000);
        assert_eq!(read.iter().next(), Some((&"k00000".to_string(), &0)));
        assert_eq!(read.get("k01999"), Some(&1999));
        assert!(read.keys().zip(read.keys().skip(1)).all(|(a, b)| a < b));
        // Scrambled orders of every length up to 40 come out as a BTreeMap has them.
        for length in 0..40u32 {
            let scrambled: Vec<(String, u32)> = (0..length)
                .map(|n| ((n * 17 + 5) % 41, n))
                .map(|(key, n)| (format!("k{key}"), n))
                .collect();
            let pairs: Vec<String> = scrambled
                .iter()
                .map(|(key, n)| format!(r#""{key}":{n}"#))
                .collect();
            let json = format!("{{{}}}", pairs.join(","));
            let read: VecMap<u32> = serde_json::from_str(&json).unwrap();
            let model: BTreeMap<String, u32> = scrambled.into_iter().collect();
            assert_eq!(
                read.iter().collect::<Vec<_>>(),
                model.iter().collect::<Vec<_>>(),
                "{json}"
            );
        }
    }

    #[test]
    fn a_key_named_twice_is_refused() {
        for json in [
            r#"{"a":1,"a":2}"#,
            r#"{"b":1,"a":2,"b":3}"#,
            r#"{"a":1,"b":2,"a":3}"#,
        ] {
            let error = serde_json::from_str::<VecMap<u32>>(json).unwrap_err();
            assert!(error.to_string().contains("`a`") || error.to_string().contains("`b`"));
            assert!(error.to_string().contains("twice"), "{error}");
        }
        assert!(serde_json::from_str::<VecMap<u32>>(r#"{"a":"x"}"#).is_err());
        assert!(serde_json::from_str::<VecMap<u32>>("[]").is_err());
    }

    #[test]
    fn a_pack_source_naming_a_section_twice_is_refused() {
        let twice = r#"{"id":"guide","title":{"ja":"指針"},"sections_en":{"第1":"Part 1","第1":"Part One"}}"#;
        let error = serde_json::from_str::<crate::pack::SourceDocument>(twice).unwrap_err();
        assert!(error.to_string().contains("`第1` appears twice"), "{error}");
        let once =
            r#"{"id":"guide","title":{"ja":"指針"},"sections_en":{"第2":"Part 2","第1":"Part 1"}}"#;
        let read: crate::pack::SourceDocument = serde_json::from_str(once).unwrap();
        assert_eq!(
            serde_json::to_string(&read.sections_en).unwrap(),
            r#"{"第1":"Part 1","第2":"Part 2"}"#
        );
    }
    #[test]
    fn a_vec_set_reads_and_writes_what_a_btree_set_does() {
        use std::collections::BTreeSet;
        for json in [r#"["b","a","c"]"#, r#"["a","a","b"]"#, "[]", r#"["z"]"#] {
            let ours: VecSet = serde_json::from_str(json).unwrap();
            let theirs: BTreeSet<String> = serde_json::from_str(json).unwrap();
            assert_eq!(
                serde_json::to_string(&ours).unwrap(),
                serde_json::to_string(&theirs).unwrap(),
                "{json}"
            );
            assert_eq!(ours.len(), theirs.len());
        }
        assert!(serde_json::from_str::<VecSet>(r#"{"a":1}"#).is_err());
        let mut set = VecSet::new();
        assert!(set.insert("b".into()) && set.insert("a".into()) && !set.insert("b".into()));
        assert!(set.contains("a") && !set.contains("c"));
        assert!(set.remove("a") && !set.remove("a"));
        assert_eq!(set.iter().collect::<Vec<_>>(), ["b"]);
    }
}
