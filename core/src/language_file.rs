//! One language per pack file: the file a widget fetches carries only the language it
//! shows, and the other language is fetched when the person switches.
//!
//! [`Pack::one_language`] makes such a file from a validated bilingual pack: every
//! localized text ([`Text`]) keeps only the reader's language (the English file keeps what
//! an English reader sees of the bilingual pack, Japanese where a text has no English), and
//! each source's English section names go with the English file; ids, structure, sources,
//! numbers, dates, the pack's id and version stay as they are, so an export made with one
//! file imports with the other and with the bilingual pack. The file says which language it
//! carries in its `lang`; validation then asks only for that language.
//!
//! A kind may need Japanese whatever the reader reads (the planner drafts its documents in
//! Japanese, [`crate::kind::Kind::ALSO_NEEDS`]): its English file keeps both languages.

use serde::ser::{Serialize, SerializeMap, Serializer};
use serde_json::{Map, Value};

use crate::diagnostic::Diagnostic;
use crate::load::ValidPack;
use crate::pack::Pack;
use crate::text::{Lang, Text};

impl Pack {
    /// Whether this pack carries the texts a reader of `lang` sees: a bilingual pack
    /// (no `lang`) carries every language, a one-language file only its own.
    pub fn serves(&self, lang: Lang) -> bool {
        self.lang.is_none_or(|own| own == lang)
    }

    /// This pack as the file a reader of `lang` fetches (see the module's documentation).
    /// `None` when this pack does not carry `lang` (it is itself a file of the other
    /// language). A kind that needs another language as well gets the bilingual pack back.
    pub fn one_language(&self, lang: Lang) -> Option<Pack> {
        if !self.serves(lang) {
            return None;
        }
        if self.lang.is_some() || self.kit.also_needs().iter().any(|needed| *needed != lang) {
            return Some(self.clone());
        }
        // Through the pack's JSON text rather than `to_value`: the text writer is compiled for
        // the file anyway, and a second serializer for every pack type is not (12 KB gzip of
        // the tools module).
        let mut value = crate::json::from_slice::<Value>(&serde_json::to_vec(self).ok()?).ok()?;
        // The sections' English names are a map keyed by section: set apart, so that no
        // section happens to be read as a text, and kept only in the English file.
        let mut sections_en = Vec::new();
        if let Some(Value::Array(sources)) = value.get_mut("sources") {
            for source in sources.iter_mut() {
                let names = source
                    .as_object_mut()
                    .and_then(|source| source.remove("sections_en"));
                sections_en.push(names);
            }
        }
        keep_one_language(&mut value, lang);
        if lang == Lang::En {
            if let Some(Value::Array(sources)) = value.get_mut("sources") {
                for (source, names) in sources.iter_mut().zip(sections_en) {
                    if let (Some(source), Some(names)) = (source.as_object_mut(), names) {
                        source.insert("sections_en".into(), names);
                    }
                }
            }
        }
        let object = value.as_object_mut()?;
        object.insert("lang".into(), serde_json::to_value(lang).ok()?);
        // A value's keys are sorted: written with the kit's `type` first again, the file is
        // read by the typed reader alone (the general one, with its error paths, is 30 KB
        // gzip of the tools module, which makes LMS packages in the browser with this).
        let bytes = serde_json::to_vec(&KitTypeFirst(object)).ok()?;
        crate::json::from_slice::<Pack>(&bytes).ok()
    }
}

/// Why [`ValidPack::language_file`] made no file.
#[derive(Debug, Clone, PartialEq)]
pub enum LanguageFileError {
    /// The pack is itself a file of one language (of the other one, or a kind that keeps
    /// both): only the pack with both languages is split.
    OneLanguage,
    /// The file made does not validate (a fault of Kizuki's, not of the pack): its diagnostics.
    Invalid(Vec<Diagnostic>),
}

impl ValidPack {
    /// The file a reader of `lang` fetches, as its bytes (compact JSON): [`Pack::one_language`],
    /// validated again. What `kizuki pack split` writes for the site and what an LMS package
    /// carries, so the two are the same bytes.
    pub fn language_file(&self, lang: Lang) -> Result<Vec<u8>, LanguageFileError> {
        let file = self
            .pack()
            .one_language(lang)
            .ok_or(LanguageFileError::OneLanguage)?;
        let file = ValidPack::new(file).map_err(LanguageFileError::Invalid)?;
        serde_json::to_vec(file.pack()).map_err(|_| LanguageFileError::Invalid(Vec::new()))
    }
}

/// A pack's object written with its kit's `type` key first, as [`crate::kind::Kit`]'s
/// reader asks (the other keys in the map's order).
struct KitTypeFirst<'a>(&'a Map<String, Value>);

/// An object written with its `type` key first.
struct TypeFirst<'a>(&'a Map<String, Value>);

impl Serialize for KitTypeFirst<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (key, value) in self.0 {
            match value {
                Value::Object(kit) if key == "kit" => map.serialize_entry(key, &TypeFirst(kit))?,
                _ => map.serialize_entry(key, value)?,
            }
        }
        map.end()
    }
}

impl Serialize for TypeFirst<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        if let Some(kind) = self.0.get("type") {
            map.serialize_entry("type", kind)?;
        }
        for (key, value) in self.0.iter().filter(|(key, _)| *key != "type") {
            map.serialize_entry(key, value)?;
        }
        map.end()
    }
}

/// Replaces every text object (`{"ja": …, "en": …}`, the serialized form of [`Text`]) with
/// the same text holding `lang` only. Only [`Text`] has fields named `ja` or `en` (a test
/// holds that against the JSON Schema), and the one map keyed by authors' words,
/// `sections_en`, is set apart by the caller.
fn keep_one_language(value: &mut Value, lang: Lang) {
    match value {
        Value::Array(items) => items
            .iter_mut()
            .for_each(|item| keep_one_language(item, lang)),
        Value::Object(map) => {
            let is_text = map.contains_key("ja")
                && map.keys().all(|key| key == "ja" || key == "en")
                && map.values().all(Value::is_string);
            if !is_text {
                map.values_mut()
                    .for_each(|inner| keep_one_language(inner, lang));
                return;
            }
            let Ok(text) = crate::json::from_value::<Text>(Value::Object(std::mem::take(map)))
            else {
                return;
            };
            map.insert(
                lang.code().to_string(),
                Value::String(text.get(lang).to_string()),
            );
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_text_keeps_what_its_reader_sees_and_nothing_else() {
        let mut value = serde_json::json!({
            "title": {"ja": "題", "en": "Title"},
            "list": [{"ja": "一", "en": ""}, {"ja": "二"}],
            "not_a_text": {"ja": "x", "other": "y"},
            "number": 3
        });
        let mut english = value.clone();
        keep_one_language(&mut value, Lang::Ja);
        keep_one_language(&mut english, Lang::En);
        assert_eq!(
            value,
            serde_json::json!({
                "title": {"ja": "題"},
                "list": [{"ja": "一"}, {"ja": "二"}],
                "not_a_text": {"ja": "x", "other": "y"},
                "number": 3
            })
        );
        // English readers see Japanese where a text has no English: so does the file.
        assert_eq!(
            english,
            serde_json::json!({
                "title": {"en": "Title"},
                "list": [{"en": "一"}, {"en": "二"}],
                "not_a_text": {"ja": "x", "other": "y"},
                "number": 3
            })
        );
    }
}
