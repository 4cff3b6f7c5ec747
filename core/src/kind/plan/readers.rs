//! The planner's pack types that serde would read through its buffer (`Content`), read in
//! one pass instead (`crate::tagged`; issue 14): a document template's [`DocBlock`], its
//! `type` anywhere among its keys, and a step's [`PrivacyNote`], a bare text or a text
//! with sources.
//!
//! A `follow_up_schedule` block has no key but its `type`, and any other is refused (serde's
//! derive ignored them in a unit variant of an internally tagged enum, `deny_unknown_fields`
//! or not, so an author's misspelt key went unseen).

use std::borrow::Cow;

use serde::de::{Deserialize, Deserializer, Error, MapAccess, SeqAccess, Unexpected, Visitor};

use super::{DocAlign, DocBlock, DocLine, PrivacyNote};
use crate::pack::{Condition, SourceRef};
use crate::tagged::{fill, required, Keys};
use crate::Text;

const VARIANTS: &[&str] = &[
    "heading",
    "paragraph",
    "guidance",
    "list",
    "field",
    "follow_up_schedule",
    "signature",
    "lines",
    "answer_box",
];

/// The keys of the variant named `kind` (besides `type`), in the order serde lists them.
fn fields_of(kind: &str) -> Option<&'static [&'static str]> {
    Some(match kind {
        "heading" => &["level", "text"],
        "paragraph" => &["text", "align", "sources"],
        "guidance" => &["text", "sources"],
        "list" => &["items", "sources"],
        "field" => &["field", "label", "applies_if"],
        "follow_up_schedule" => &[],
        "signature" => &["label"],
        "lines" => &["lines", "align"],
        "answer_box" => &["label", "lines"],
        _ => return None,
    })
}

/// `lines`: the lines of a `lines` block, or the ruled lines of an `answer_box`.
enum LinesValue {
    Count(u64),
    Lines(Vec<DocLine>),
}

impl<'de> Deserialize<'de> for LinesValue {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<LinesValue, D::Error> {
        deserializer.deserialize_any(LinesVisitor)
    }
}

struct LinesVisitor;

impl<'de> Visitor<'de> for LinesVisitor {
    type Value = LinesValue;

    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        formatter.write_str("a number of ruled lines or a list of lines")
    }

    fn visit_u64<E: Error>(self, count: u64) -> Result<LinesValue, E> {
        Ok(LinesValue::Count(count))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<LinesValue, A::Error> {
        let mut lines = Vec::new();
        while let Some(line) = seq.next_element::<DocLine>()? {
            lines.push(line);
        }
        Ok(LinesValue::Lines(lines))
    }
}

impl<'de> Deserialize<'de> for DocBlock {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<DocBlock, D::Error> {
        deserializer.deserialize_map(DocBlockVisitor)
    }
}

struct DocBlockVisitor;

impl<'de> Visitor<'de> for DocBlockVisitor {
    type Value = DocBlock;

    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        formatter.write_str("a document block: an object with a `type`")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<DocBlock, A::Error> {
        let mut kind: Option<Cow<'de, str>> = None;
        let mut fields: Option<&'static [&'static str]> = None;
        let mut keys = Keys::default();
        let mut level: Option<u8> = None;
        let mut text: Option<Text> = None;
        let mut sources: Option<Vec<SourceRef>> = None;
        let mut items: Option<Vec<Text>> = None;
        let mut field: Option<String> = None;
        let mut label: Option<Option<Text>> = None;
        let mut lines: Option<LinesValue> = None;
        let mut align: Option<DocAlign> = None;
        let mut applies_if: Option<Option<Condition>> = None;
        while let Some(key) = map.next_key::<Cow<'de, str>>()? {
            match &*key {
                "type" => {
                    fill(&mut map, &mut kind, "type")?;
                    let name = kind.as_deref().unwrap_or_default();
                    fields = Some(
                        fields_of(name).ok_or_else(|| A::Error::unknown_variant(name, VARIANTS))?,
                    );
                }
                "level" => {
                    keys.seen("level", fields)?;
                    fill(&mut map, &mut level, "level")?;
                }
                "text" => {
                    keys.seen("text", fields)?;
                    fill(&mut map, &mut text, "text")?;
                }
                "sources" => {
                    keys.seen("sources", fields)?;
                    fill(&mut map, &mut sources, "sources")?;
                }
                "items" => {
                    keys.seen("items", fields)?;
                    fill(&mut map, &mut items, "items")?;
                }
                "field" => {
                    keys.seen("field", fields)?;
                    fill(&mut map, &mut field, "field")?;
                }
                "label" => {
                    keys.seen("label", fields)?;
                    fill(&mut map, &mut label, "label")?;
                }
                "lines" => {
                    keys.seen("lines", fields)?;
                    fill(&mut map, &mut lines, "lines")?;
                }
                "align" => {
                    keys.seen("align", fields)?;
                    fill(&mut map, &mut align, "align")?;
                }
                "applies_if" => {
                    keys.seen("applies_if", fields)?;
                    fill(&mut map, &mut applies_if, "applies_if")?;
                }
                _ => keys.unknown(&mut map, key, fields)?,
            }
        }
        let kind = required(kind, "type")?;
        let fields = fields.unwrap_or_default();
        keys.check(fields)?;
        if fields.is_empty() {
            return Ok(DocBlock::FollowUpSchedule);
        }
        Ok(match &*kind {
            "heading" => DocBlock::Heading {
                level: level.unwrap_or(2),
                text: required(text, "text")?,
            },
            "paragraph" => DocBlock::Paragraph {
                text: required(text, "text")?,
                align: align.unwrap_or_default(),
                sources: sources.unwrap_or_default(),
            },
            "guidance" => DocBlock::Guidance {
                text: required(text, "text")?,
                sources: sources.unwrap_or_default(),
            },
            "list" => DocBlock::List {
                items: required(items, "items")?,
                sources: sources.unwrap_or_default(),
            },
            "field" => DocBlock::Field {
                field: required(field, "field")?,
                label: label.flatten(),
                applies_if: applies_if.flatten(),
            },
            "signature" => DocBlock::Signature {
                label: required(label.flatten(), "label")?,
            },
            "lines" => DocBlock::Lines {
                lines: match required(lines, "lines")? {
                    LinesValue::Lines(lines) => lines,
                    LinesValue::Count(count) => {
                        return Err(A::Error::invalid_type(
                            Unexpected::Unsigned(count),
                            &"a sequence",
                        ))
                    }
                },
                align: align.unwrap_or_default(),
            },
            _ => DocBlock::AnswerBox {
                label: required(label.flatten(), "label")?,
                lines: match required(lines, "lines")? {
                    LinesValue::Count(count) => u8::try_from(count)
                        .map_err(|_| A::Error::invalid_value(Unexpected::Unsigned(count), &"u8"))?,
                    LinesValue::Lines(_) => {
                        return Err(A::Error::invalid_type(Unexpected::Seq, &"u8"))
                    }
                },
            },
        })
    }
}

impl<'de> Deserialize<'de> for PrivacyNote {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<PrivacyNote, D::Error> {
        deserializer.deserialize_map(PrivacyNoteVisitor)
    }
}

/// serde's words when an untagged enum matches no variant. A value of the wrong type
/// inside a note is named as itself (serde's untagged enums say only this).
fn no_variant<E: Error>() -> E {
    E::custom("data did not match any variant of untagged enum PrivacyNote")
}

struct PrivacyNoteVisitor;

impl<'de> Visitor<'de> for PrivacyNoteVisitor {
    type Value = PrivacyNote;

    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        formatter.write_str("a privacy note: a text, or `text` and `sources`")
    }

    /// `{"text", "sources"}` (both) is a sourced note; `{"ja", "en"}` (either, or none:
    /// a text's languages have defaults) a bare text; any other key, a key named twice, a
    /// mix of the two or a value of the wrong type matches neither.
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<PrivacyNote, A::Error> {
        let mut text: Option<Text> = None;
        let mut sources: Option<Vec<SourceRef>> = None;
        let mut ja: Option<String> = None;
        let mut en: Option<Option<String>> = None;
        while let Some(key) = map.next_key::<Cow<'de, str>>()? {
            match &*key {
                "text" => fill(&mut map, &mut text, "text")?,
                "sources" => fill(&mut map, &mut sources, "sources")?,
                "ja" => fill(&mut map, &mut ja, "ja")?,
                "en" => fill(&mut map, &mut en, "en")?,
                _ => return Err(no_variant()),
            }
        }
        match (text, sources, ja.is_some() || en.is_some()) {
            (Some(text), Some(sources), false) => Ok(PrivacyNote::Sourced { text, sources }),
            (None, None, _) => Ok(PrivacyNote::Plain(Text {
                ja: ja.unwrap_or_default(),
                en: en.flatten(),
            })),
            _ => Err(no_variant()),
        }
    }
}
