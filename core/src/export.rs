//! Saved state and exports: one versioned envelope for both, lossless and deterministic,
//! and the import that checks a file against the loaded pack before anything changes.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::error::{Error, Result};
use crate::load::ValidPack;

/// The envelope format this build writes. Older ones are migrated on import.
///
/// Bump it whenever a state written by this build holds something an older build cannot
/// read (every state type refuses unknown fields): the older build then says "made by a
/// newer version" (`future_version`) instead of calling the file broken.
///
/// - 1: the first files; a checklist answer was the choice's id alone.
/// - 2: a checklist answer is an object (choice, reasons, note); records count revisions.
/// - 3 (2026-12-06): a checklist record may hold the workplace's name (`workplace`), the
///   quick scan's mode (`mode`), the draft plan (`plan`) and its conflict copies
///   (`plan_conflicts`). Builds of format 2 before this date already wrote them, so a
///   format-2 file is read as format 3 unchanged.
pub const EXPORT_FORMAT: u32 = 3;

/// The oldest format that reads as [`EXPORT_FORMAT`] with nothing changed: a file of these
/// formats takes the one-pass read, and migrating it only renumbers it.
const OLDEST_UNCHANGED_FORMAT: u32 = 2;

/// The largest export or saved record accepted, in bytes.
pub const MAX_IMPORT_BYTES: usize = 5 * 1024 * 1024;

pub use crate::kind::KitState;

/// The envelope around a kit's state, in local storage and in exported files.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Export {
    /// Always [`EXPORT_FORMAT`] when written by this build.
    pub kizuki_export: u32,
    /// The pack the state belongs to.
    pub pack_id: String,
    /// The pack version it was made with.
    pub pack_version: String,
    /// When it was saved, as the caller passed it (ISO 8601).
    pub saved_at: String,
    /// Counts up on every save; tells a newer record from an older one (two tabs).
    #[serde(default)]
    pub revision: u64,
    /// The state.
    pub state: KitState,
}

impl Export {
    /// Wraps a state for the given pack.
    pub fn new(pack: &ValidPack, state: KitState, saved_at: &str, revision: u64) -> Export {
        Export {
            kizuki_export: EXPORT_FORMAT,
            pack_id: pack.pack().id.clone(),
            pack_version: pack.pack().version.clone(),
            saved_at: saved_at.to_string(),
            revision,
            state,
        }
    }

    /// The lossless JSON file: pretty, with keys in a fixed order, ending in a newline.
    pub fn to_json(&self) -> String {
        let mut json = serde_json::to_string_pretty(self).unwrap_or_default();
        json.push('\n');
        json
    }
}

/// Reads an export (or a saved record) for `pack`. Checks size, JSON, format version, pack
/// id and that every id in it exists in the pack; migrates older formats. On any problem
/// it returns an error and the caller's state stays as it was.
///
/// A file that names a key twice in one object is refused (`not_an_export`), and what
/// follows from the answers (quiz scores, passes) is recomputed, never trusted, with every
/// date checked ([`crate::imported::recompute`]).
pub fn import(pack: &ValidPack, bytes: &[u8]) -> Result<Export> {
    import_checked(pack, bytes).map(|(export, _)| export)
}

/// [`import`], also saying which results the file claimed that its answers do not give
/// (an edited file): the person is shown these before the file replaces anything.
pub fn import_checked(
    pack: &ValidPack,
    bytes: &[u8],
) -> Result<(Export, Vec<crate::imported::ChangedClaim>)> {
    if let Some(mut export) = read_current(pack, bytes) {
        refuse_duplicate_keys(bytes)?;
        check_fits(pack, &export.state)?;
        let claimed = export.state.clone();
        crate::imported::recompute(pack, &mut export.state)?;
        let changed = crate::imported::changed_claims(&claimed, &export.state);
        return Ok((export, changed));
    }
    import_general(pack, bytes)
}

/// A key named twice in one object: `not_an_export` (Kizuki never writes one).
fn refuse_duplicate_keys(bytes: &[u8]) -> Result<()> {
    match crate::json_keys::first_duplicate_key(bytes) {
        Some(key) => Err(Error::NotAnExport(format!(
            "the key `{}` appears twice in one object",
            key.chars().take(40).collect::<String>()
        ))),
        None => Ok(()),
    }
}

/// [`import`] through a JSON value: migrates older formats and names what is wrong.
fn import_general(
    pack: &ValidPack,
    bytes: &[u8],
) -> Result<(Export, Vec<crate::imported::ChangedClaim>)> {
    let mut value = read_envelope(bytes)?;
    let found_pack = value
        .get("pack_id")
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_string();
    if found_pack != pack.pack().id {
        return Err(Error::WrongPack {
            found: found_pack,
            expected: pack.pack().id.clone(),
        });
    }
    migrate(&mut value)?;
    let mut export = export_from_value(value)?;
    check_fits(pack, &export.state)?;
    let claimed = export.state.clone();
    crate::imported::recompute(pack, &mut export.state)?;
    let changed = crate::imported::changed_claims(&claimed, &export.state);
    Ok((export, changed))
}

/// An [`Export`] from a JSON value. A value's keys are sorted, so the state's `kind` comes
/// after its `data`: the state is read by the kind it names, the envelope around it apart.
fn export_from_value(mut value: Value) -> Result<Export> {
    let not_an_export = |error: serde_json::Error| Error::NotAnExport(error.to_string());
    let state = match value.as_object_mut().and_then(|map| map.remove("state")) {
        Some(Value::Object(mut state)) => {
            let kind = match state.remove("kind") {
                Some(Value::String(kind)) => kind,
                _ => return Err(Error::NotAnExport("the state names no `kind`".into())),
            };
            let data = state
                .remove("data")
                .ok_or_else(|| Error::NotAnExport("the state holds no `data`".into()))?;
            if let Some(extra) = state.keys().next() {
                return Err(Error::NotAnExport(format!(
                    "unknown field `{extra}` in the state"
                )));
            }
            KitState::from_value(&kind, data)?
        }
        _ => return Err(Error::NotAnExport("missing field `state`".into())),
    };
    let header: ExportHeader = serde_json::from_value(value).map_err(not_an_export)?;
    Ok(Export {
        kizuki_export: header.kizuki_export,
        pack_id: header.pack_id,
        pack_version: header.pack_version,
        saved_at: header.saved_at,
        revision: header.revision,
        state,
    })
}

/// [`Export`] without its state (read apart by [`export_from_value`]).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ExportHeader {
    kizuki_export: u32,
    pack_id: String,
    pack_version: String,
    saved_at: String,
    #[serde(default)]
    revision: u64,
}

/// The fast way for the common case: a file of this build's format for this pack, read
/// straight into an [`Export`] in one pass. Anything else (older formats, other packs, bad
/// or odd JSON such as repeated keys) gives `None`, and [`import`] takes the general way
/// through a JSON value, which gives the same result for these files and the right error
/// for the rest.
fn read_current(pack: &ValidPack, bytes: &[u8]) -> Option<Export> {
    if bytes.len() > MAX_IMPORT_BYTES {
        return None;
    }
    let mut export: Export = serde_json::from_slice(crate::load::without_bom(bytes)).ok()?;
    let unchanged = (OLDEST_UNCHANGED_FORMAT..=EXPORT_FORMAT).contains(&export.kizuki_export);
    export.kizuki_export = EXPORT_FORMAT;
    (unchanged && export.pack_id == pack.pack().id).then_some(export)
}

/// Parses the envelope's JSON and checks its format number, without a pack.
pub fn read_envelope(bytes: &[u8]) -> Result<Value> {
    if bytes.len() > MAX_IMPORT_BYTES {
        return Err(Error::TooLarge {
            size: bytes.len(),
            limit: MAX_IMPORT_BYTES,
        });
    }
    let text = std::str::from_utf8(bytes).map_err(|e| Error::InvalidJson(e.to_string()))?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let value: Value = serde_json::from_str(text).map_err(|e| Error::InvalidJson(e.to_string()))?;
    refuse_duplicate_keys(text.as_bytes())?;
    let format = value
        .get("kizuki_export")
        .and_then(Value::as_u64)
        .ok_or_else(|| Error::NotAnExport("no `kizuki_export` format number".into()))?;
    let format = u32::try_from(format).unwrap_or(u32::MAX);
    if format > EXPORT_FORMAT {
        return Err(Error::FutureVersion {
            found: format,
            supported: EXPORT_FORMAT,
        });
    }
    if format == 0 {
        return Err(Error::NotAnExport("format 0 does not exist".into()));
    }
    Ok(value)
}

/// Brings an older envelope up to [`EXPORT_FORMAT`], one format at a time.
///
/// Format 1 stored checklist answers as `items: {"item-id": "choice-id"}` and had no
/// revision; format 2 stores an object per item and counts revisions. Format 3 only adds
/// optional checklist fields, so a format-2 file needs nothing but its new number.
fn migrate(value: &mut Value) -> Result<()> {
    let format = value
        .get("kizuki_export")
        .and_then(Value::as_u64)
        .unwrap_or(0);
    if format == 1 {
        let is_checklist = value_kind(value) == Some("checklist");
        let items = value.pointer_mut("/state/data/items");
        if let (true, Some(Value::Object(items))) = (is_checklist, items) {
            for answer in items.values_mut() {
                if let Value::String(choice) = answer {
                    *answer = serde_json::json!({ "choice": choice.clone() });
                }
            }
        }
    }
    if (1..=u64::from(EXPORT_FORMAT)).contains(&format) {
        value["kizuki_export"] = Value::from(EXPORT_FORMAT);
    }
    Ok(())
}

fn value_kind(value: &Value) -> Option<&str> {
    value.pointer("/state/kind").and_then(Value::as_str)
}

/// Checks that a state names only things the pack has.
pub fn check_fits(pack: &ValidPack, state: &KitState) -> Result<()> {
    pack.pack().kit.check_fits(pack, state)
}

/// The error for an id a file names and the pack lacks.
pub(crate) fn missing(what: &str, id: &str) -> Error {
    Error::DoesNotFit(format!("unknown {what} `{id}`"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::load_pack;

    macro_rules! data {
        ($path:literal) => {
            include_bytes!(concat!("../../tests/data/", $path)).as_slice()
        };
    }

    /// The one-pass reading of current files must agree with the general one: on the golden
    /// answers of each kind and on odd variants of one (BOM, repeated key, other format,
    /// unknown field, wrong pack). The hostile corpus checks the errors themselves.
    #[test]
    fn the_fast_way_and_the_general_way_agree() {
        let small = std::str::from_utf8(data!("checklist/small-workplace.answers.json")).unwrap();
        let variants = [
            format!("\u{feff}{small}"),
            small.replacen("\"revision\"", "\"revision\": 9, \"revision\"", 1),
            small.replacen("\"kizuki_export\": 2", "\"kizuki_export\": 4", 1),
            small.replacen("\"kizuki_export\": 2", "\"kizuki_export\": 3", 1),
            small.replacen(
                "\"kizuki_export\": 2",
                "\"kizuki_export\": 2, \"extra\": 1",
                1,
            ),
            small.replacen("\"pack_id\": \"", "\"pack_id\": \"x", 1),
        ];
        let mut files: Vec<&[u8]> = vec![
            data!("checklist/empty.answers.json"),
            data!("checklist/large-workplace.answers.json"),
            data!("checklist/legacy-v1.answers.json"),
            data!("checklist/small-workplace.answers.json"),
            data!("course/completed.answers.json"),
            data!("course/in-progress.answers.json"),
            data!("plan/two-cases.answers.json"),
        ];
        files.extend(variants.iter().map(|v| v.as_bytes()));
        let packs = [
            data!("checklist/pack.json"),
            data!("course/pack.json"),
            data!("plan/pack.json"),
        ];
        let mut fast = 0;
        for pack in packs {
            let pack = load_pack(pack).expect("the golden pack loads");
            for bytes in &files {
                match (
                    import(&pack, bytes),
                    import_general(&pack, bytes).map(|(export, _)| export),
                ) {
                    (Ok(a), Ok(b)) => {
                        assert_eq!(a, b);
                        fast += usize::from(read_current(&pack, bytes).is_some());
                    }
                    (Err(a), Err(b)) => assert_eq!(a.code(), b.code()),
                    (a, b) => panic!("{a:?} but the general way gives {b:?}"),
                }
            }
        }
        assert!(fast >= 6, "current files take the fast way ({fast})");
    }
}
