//! Reading a lesson [`Block`] in one pass, its `type` anywhere among its keys, without
//! serde's buffer for internally tagged enums (`crate::tagged`; issue 14).

use std::borrow::Cow;

use serde::de::{Deserialize, Deserializer, Error, MapAccess, Visitor};

use super::Block;
use crate::pack::SourceRef;
use crate::tagged::{fill, required, Keys};
use crate::Text;

const VARIANTS: &[&str] = &["paragraph", "list", "note"];
const TEXT_FIELDS: &[&str] = &["text", "sources"];
const LIST_FIELDS: &[&str] = &["items", "sources"];

/// The keys of the variant named `kind` (besides `type`), or `None` for no variant.
fn fields_of(kind: &str) -> Option<&'static [&'static str]> {
    match kind {
        "paragraph" | "note" => Some(TEXT_FIELDS),
        "list" => Some(LIST_FIELDS),
        _ => None,
    }
}

impl<'de> Deserialize<'de> for Block {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Block, D::Error> {
        deserializer.deserialize_map(BlockVisitor)
    }
}

struct BlockVisitor;

impl<'de> Visitor<'de> for BlockVisitor {
    type Value = Block;

    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        formatter.write_str("a lesson block: an object with a `type`")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Block, A::Error> {
        let mut kind: Option<Cow<'de, str>> = None;
        let mut fields: Option<&'static [&'static str]> = None;
        let mut keys = Keys::default();
        let mut text: Option<Text> = None;
        let mut items: Option<Vec<Text>> = None;
        let mut sources: Option<Option<Vec<SourceRef>>> = None;
        while let Some(key) = map.next_key::<Cow<'de, str>>()? {
            match &*key {
                "type" => {
                    fill(&mut map, &mut kind, "type")?;
                    let name = kind.as_deref().unwrap_or_default();
                    fields = Some(
                        fields_of(name).ok_or_else(|| A::Error::unknown_variant(name, VARIANTS))?,
                    );
                }
                "text" => {
                    keys.seen("text", fields)?;
                    fill(&mut map, &mut text, "text")?;
                }
                "items" => {
                    keys.seen("items", fields)?;
                    fill(&mut map, &mut items, "items")?;
                }
                "sources" => {
                    keys.seen("sources", fields)?;
                    fill(&mut map, &mut sources, "sources")?;
                }
                _ => keys.unknown(&mut map, key, fields)?,
            }
        }
        let kind = required(kind, "type")?;
        keys.check(fields.unwrap_or_default())?;
        let sources = sources.flatten();
        Ok(match &*kind {
            "paragraph" => Block::Paragraph {
                text: required(text, "text")?,
                sources,
            },
            "note" => Block::Note {
                text: required(text, "text")?,
                sources,
            },
            _ => Block::List {
                items: required(items, "items")?,
                sources,
            },
        })
    }
}
