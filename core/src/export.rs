//! Saved state and exports: one versioned envelope for both, lossless and deterministic,
//! and the import that checks a file against the loaded pack before anything changes.

use serde::{Deserialize, Serialize};

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
/// - 4 (2026-12-07): a checklist record may hold the area of the full audit the person was
///   on (`area`), so a reload goes back there; a file without it goes on at the first area
///   with an unanswered item. Since 2026-12-08 `area` may also hold a mark that is no area's
///   id, `#profile` or `#results` (the screen the person was on): the same shape, so no new
///   format; a format-4 build from before forgets the mark on import, as an area the pack
///   does not have, and goes on at the first open area.
///
/// Older formats are read by the same typed read as this one ([`import_checked`]): what a
/// format wrote that this one writes differently is accepted by the kind's own state type
/// (a format-1 checklist answer, the choice's id alone, reads as an answer with that choice).
pub const EXPORT_FORMAT: u32 = 4;

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
/// id and that every id in it exists in the pack; reads older formats. On any problem it
/// returns an error and the caller's state stays as it was.
///
/// A file that names a key twice in one object is refused (`not_an_export`), and what
/// follows from the answers (quiz scores, passes) is recomputed, never trusted, with every
/// date checked ([`crate::imported::recompute`]).
pub fn import(pack: &ValidPack, bytes: &[u8]) -> Result<Export> {
    let mut export = read_export(pack, bytes)?;
    crate::imported::recompute(pack, &mut export.state)?;
    Ok(export)
}

/// [`import`], also saying which results the file claimed that its answers do not give
/// (an edited file): the person is shown these before the file replaces anything.
///
/// Every file of a format this build reads is read in one typed pass: older formats read
/// as the current one (each kind's state type accepts what older formats wrote, e.g. a
/// format-1 checklist answer that was the choice's id alone), and the state's `kind` and
/// `data` may come in either order. Only when that pass fails is the file looked at again
/// ([`why_not_an_export`]), to name what is wrong in the order a person can act on.
pub fn import_checked(
    pack: &ValidPack,
    bytes: &[u8],
) -> Result<(Export, Vec<crate::imported::ChangedClaim>)> {
    let mut export = read_export(pack, bytes)?;
    let claimed = export.state.clone();
    crate::imported::recompute(pack, &mut export.state)?;
    let changed = crate::imported::changed_claims(&claimed, &export.state);
    Ok((export, changed))
}

/// An export read and checked, its results as the file claims them (not yet recomputed).
fn read_export(pack: &ValidPack, bytes: &[u8]) -> Result<Export> {
    let json = checked_text(bytes)?;
    let mut export = match crate::json::from_slice::<Export>(json) {
        Ok(export) => export,
        Err(error) => return Err(why_not_an_export(pack, json, &error)),
    };
    refuse_duplicate_keys(json)?;
    check_format(u64::from(export.kizuki_export))?;
    check_pack(pack, &export.pack_id)?;
    // Formats 1 and 2 read as this one (see EXPORT_FORMAT): only the number changes.
    export.kizuki_export = EXPORT_FORMAT;
    check_fits(pack, &export.state)?;
    Ok(export)
}

/// The bytes of a file within the size limit, as UTF-8 JSON text without its BOM.
fn checked_text(bytes: &[u8]) -> Result<&[u8]> {
    if bytes.len() > MAX_IMPORT_BYTES {
        return Err(Error::TooLarge {
            size: bytes.len(),
            limit: MAX_IMPORT_BYTES,
        });
    }
    let text = std::str::from_utf8(bytes).map_err(|e| Error::InvalidJson(e.to_string()))?;
    Ok(text.strip_prefix('\u{feff}').unwrap_or(text).as_bytes())
}

/// The fields of an envelope looked at when the typed read fails, each kept as its raw
/// JSON so that a field of the wrong type reads as missing rather than failing the look.
#[derive(Deserialize, Default)]
struct EnvelopeProbe<'a> {
    #[serde(borrow, default)]
    kizuki_export: Option<&'a serde_json::value::RawValue>,
    #[serde(borrow, default)]
    pack_id: Option<&'a serde_json::value::RawValue>,
}

impl EnvelopeProbe<'_> {
    fn format(&self) -> Option<u64> {
        crate::json::from_slice(self.kizuki_export?.get().as_bytes()).ok()
    }

    fn pack_id(&self) -> String {
        self.pack_id
            .and_then(|raw| crate::json::from_slice::<String>(raw.get().as_bytes()).ok())
            .unwrap_or_default()
    }
}

/// Why a file the typed read refused is not an export for `pack`, checked in this order:
/// not JSON (one walk over the whole file), a key named twice, no format number, a format this build does not read, another
/// pack; else the typed read's own message (a missing or unknown field, a wrong type).
fn why_not_an_export(pack: &ValidPack, json: &[u8], typed: &serde_json::Error) -> Error {
    match crate::json_keys::walk(json) {
        Err(error) => return Error::InvalidJson(error.to_string()),
        Ok(Some(key)) => return duplicate_key(&key),
        Ok(None) => {}
    }
    // A typed read also takes a JSON array as the struct's fields in order.
    let probe = match crate::json::from_slice::<EnvelopeProbe<'_>>(json) {
        Ok(probe) if json.trim_ascii_start().first() == Some(&b'{') => probe,
        _ => EnvelopeProbe::default(),
    };
    let Some(format) = probe.format() else {
        return Error::NotAnExport("no `kizuki_export` format number".into());
    };
    if let Err(error) = check_format(format) {
        return error;
    }
    if let Err(error) = check_pack(pack, &probe.pack_id()) {
        return error;
    }
    Error::NotAnExport(typed.to_string())
}

/// A key named twice in one object: `not_an_export` (Kizuki never writes one).
fn refuse_duplicate_keys(bytes: &[u8]) -> Result<()> {
    match crate::json_keys::first_duplicate_key(bytes) {
        Some(key) => Err(duplicate_key(&key)),
        None => Ok(()),
    }
}

fn duplicate_key(key: &str) -> Error {
    Error::NotAnExport(format!(
        "the key `{}` appears twice in one object",
        key.chars().take(40).collect::<String>()
    ))
}

/// A format this build reads: 1 to [`EXPORT_FORMAT`].
fn check_format(format: u64) -> Result<()> {
    if format > u64::from(EXPORT_FORMAT) {
        return Err(Error::FutureVersion {
            found: u32::try_from(format).unwrap_or(u32::MAX),
            supported: EXPORT_FORMAT,
        });
    }
    if format == 0 {
        return Err(Error::NotAnExport("format 0 does not exist".into()));
    }
    Ok(())
}

fn check_pack(pack: &ValidPack, found: &str) -> Result<()> {
    if found != pack.pack().id {
        return Err(Error::WrongPack {
            found: found.to_string(),
            expected: pack.pack().id.clone(),
        });
    }
    Ok(())
}

/// The revision a saved record's text carries (`"revision": n`), or 0 when it has none or
/// cannot be read: enough to tell "newer in another tab" without reading the state.
pub fn revision_of(bytes: &[u8]) -> u64 {
    #[derive(Deserialize)]
    struct Revision {
        #[serde(default)]
        revision: u64,
    }
    crate::json::from_slice::<Revision>(crate::load::without_bom(bytes))
        .map_or(0, |found| found.revision)
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

    /// Odd but readable variants of a current file read as the file itself: a BOM, another
    /// format this build reads, the state's `data` before its `kind` (and every key in
    /// another order). A key named twice, a field no format has, a future format and another
    /// pack give their errors, in that order of precedence over the typed read's message.
    #[test]
    fn odd_variants_read_as_the_file_or_give_their_error() {
        let pack = load_pack(data!("checklist/pack.json")).expect("the golden pack loads");
        let small = std::str::from_utf8(data!("checklist/small-workplace.answers.json")).unwrap();
        let original = import(&pack, small.as_bytes()).expect("the golden file imports");
        let sorted =
            serde_json::to_string(&serde_json::from_str::<serde_json::Value>(small).unwrap())
                .unwrap();
        assert!(
            sorted.find("\"data\"") < sorted.find("\"kind\""),
            "a JSON value writes its keys sorted: `data` before `kind`"
        );
        for same in [
            format!("\u{feff}{small}"),
            small.replacen("\"kizuki_export\": 2", "\"kizuki_export\": 3", 1),
            small.replacen("\"kizuki_export\": 2", "\"kizuki_export\": 1", 1),
            sorted,
        ] {
            assert_eq!(
                import(&pack, same.as_bytes()).as_ref(),
                Ok(&original),
                "{same}"
            );
        }
        let refused = [
            (
                small.replacen("\"revision\"", "\"revision\": 9, \"revision\"", 1),
                "not_an_export",
            ),
            (
                small.replacen(
                    "\"kizuki_export\": 2",
                    "\"kizuki_export\": 2, \"extra\": 1",
                    1,
                ),
                "not_an_export",
            ),
            (
                small.replacen(
                    "\"kizuki_export\": 2",
                    &format!("\"kizuki_export\": {}, \"extra\": 1", EXPORT_FORMAT + 1),
                    1,
                ),
                "future_version",
            ),
            (
                small.replacen("\"kizuki_export\": 2", "\"kizuki_export\": 0", 1),
                "not_an_export",
            ),
            (
                small.replacen("\"kizuki_export\": 2", "\"kizuki_export\": \"2\"", 1),
                "not_an_export",
            ),
            (
                small.replacen("\"pack_id\": \"", "\"pack_id\": \"x", 1),
                "wrong_pack",
            ),
            (
                small
                    .replacen("\"kind\": \"checklist\"", "\"kind\": \"unknown\"", 1)
                    .replacen("\"pack_id\": \"", "\"pack_id\": \"x", 1),
                "wrong_pack",
            ),
            (format!("{small},"), "invalid_json"),
            ("[1, 2]".to_string(), "not_an_export"),
        ];
        for (file, code) in refused {
            assert_eq!(
                import(&pack, file.as_bytes()).unwrap_err().code(),
                code,
                "{file}"
            );
        }
    }

    /// A format-1 file (a checklist answer was the choice's id alone) reads as the same
    /// answers written the current way.
    #[test]
    fn a_format_1_checklist_file_reads_as_its_answers_today() {
        let pack = load_pack(data!("checklist/pack.json")).expect("the golden pack loads");
        let legacy = import(&pack, data!("checklist/legacy-v1.answers.json")).unwrap();
        assert_eq!(legacy.kizuki_export, EXPORT_FORMAT);
        let today = std::str::from_utf8(data!("checklist/legacy-v1.answers.json"))
            .unwrap()
            .replacen("\"kizuki_export\": 1", "\"kizuki_export\": 3", 1)
            .replacen(
                "\"policy-statement\": \"no\"",
                "\"policy-statement\": {\"choice\": \"no\"}",
                1,
            )
            .replacen(
                "\"committee-deliberates\": \"yes\"",
                "\"committee-deliberates\": {\"choice\": \"yes\"}",
                1,
            );
        assert_eq!(import(&pack, today.as_bytes()), Ok(legacy));
    }
}
