//! Loading a pack: parse the JSON, collect every structural problem with its path, then
//! validate. The result is a [`ValidPack`], which scoring can rely on.

use serde_json::Value;

use crate::diagnostic::{Code, Diagnostic};
use crate::pack::{Kit, Pack, FORMAT_VERSION};
use crate::validate::validate;

/// The largest pack file accepted, in bytes.
pub const MAX_PACK_BYTES: usize = 8 * 1024 * 1024;

/// How many structural problems one load reports before it stops looking. Each problem
/// costs one more pass over the file, so large files get fewer (see [`structural_limit`]).
const MAX_STRUCTURAL_DIAGNOSTICS: usize = 200;

/// The number of structural problems worth collecting for a file of `bytes` bytes: the
/// full 200 up to 256 KiB, then fewer, so a hostile 8 MB file is refused in a few passes.
fn structural_limit(bytes: usize) -> usize {
    let passes = (MAX_STRUCTURAL_DIAGNOSTICS * 256 * 1024) / bytes.max(1);
    passes.clamp(5, MAX_STRUCTURAL_DIAGNOSTICS)
}

/// A pack that parsed and validated without errors (warnings may remain).
#[derive(Debug, Clone, PartialEq)]
pub struct ValidPack {
    pack: Pack,
    warnings: Vec<Diagnostic>,
    /// A checklist's item ids, sorted, so imports check ids without searching the pack.
    item_ids: Vec<String>,
}

impl ValidPack {
    /// The pack's content.
    pub fn pack(&self) -> &Pack {
        &self.pack
    }

    /// Warnings found while validating (e.g. missing English).
    pub fn warnings(&self) -> &[Diagnostic] {
        &self.warnings
    }

    /// Whether the pack is a checklist with an item of this id.
    pub fn has_checklist_item(&self, id: &str) -> bool {
        self.item_ids
            .binary_search_by(|probe| probe.as_str().cmp(id))
            .is_ok()
    }

    /// The first of `ids` that is not an item of the pack (a checklist's), if any. Ids in
    /// key order (a `VecMap`'s keys: a file's answers) are checked in one walk along the
    /// pack's sorted ids, which an aggregation of thousands of files does for every file;
    /// an id not met on the walk is looked up, so any order gives the same answer.
    pub fn unknown_checklist_item<'a>(
        &self,
        ids: impl IntoIterator<Item = &'a String>,
    ) -> Option<&'a String> {
        let mut known = self.item_ids.iter().peekable();
        ids.into_iter().find(|id| {
            while known.next_if(|known| known < id).is_some() {}
            known.next_if(|known| known == id).is_none() && !self.has_checklist_item(id)
        })
    }

    /// Validates an already parsed pack.
    pub fn new(pack: Pack) -> Result<ValidPack, Vec<Diagnostic>> {
        let diagnostics = validate(&pack);
        if diagnostics.iter().any(Diagnostic::is_error) {
            Err(diagnostics)
        } else {
            let mut item_ids = pack.kit.lookup_ids();
            item_ids.sort_unstable();
            Ok(ValidPack {
                pack,
                warnings: diagnostics,
                item_ids,
            })
        }
    }
}

/// The bytes after a UTF-8 byte order mark, if the file starts with one (editors on Windows
/// write it).
pub(crate) fn without_bom(bytes: &[u8]) -> &[u8] {
    bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(bytes)
}

/// Parses and validates a pack file. On failure, returns every diagnostic found (errors
/// and warnings), each with a JSON pointer.
pub fn load_pack(bytes: &[u8]) -> Result<ValidPack, Vec<Diagnostic>> {
    let pack = parse_pack(bytes)?;
    ValidPack::new(pack)
}

/// Why [`read_pack_for`] refused a pack: the first problem only.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PackRefusal {
    /// Larger than [`MAX_PACK_BYTES`].
    TooLarge {
        /// The file's size in bytes.
        size: usize,
    },
    /// Not JSON (`invalid_json`), or not a pack's structure (`invalid_structure`): the
    /// parser's message, with line and column, placed by a JSON pointer (a pack written on
    /// one line is found by the pointer, not the column).
    NotAPack(Diagnostic),
    /// A `format_version` this build does not read.
    UnsupportedFormat(u64),
    /// A pack of another kind than the ones asked for.
    WrongKind {
        /// The kind the pack declares.
        found: String,
    },
    /// It parsed, and validation found an error: the first one.
    Invalid(Diagnostic),
}

/// Reads a pack for a widget that shows one of `kinds`, the way the browser needs it: the
/// size checked before anything is read, then the pack in one typed pass, then its format
/// version and kind, then validation. Only when that pass fails are the bytes read again,
/// for the format version and the kind alone, so a pack from a newer format or of another
/// kind (a kind this build leaves out cannot be read typed) is named as such, not as
/// broken. Only the first problem is named; [`load_pack`] names them all, with their
/// paths, for authors.
pub fn read_pack_for(bytes: &[u8], kinds: &[&str]) -> Result<ValidPack, PackRefusal> {
    if bytes.len() > MAX_PACK_BYTES {
        return Err(PackRefusal::TooLarge { size: bytes.len() });
    }
    let bytes = without_bom(bytes);
    #[cfg(test)]
    read_pack_for_tests::count_pass();
    let pack: Pack = match crate::json::from_slice(bytes) {
        Ok(pack) => pack,
        Err(error) => {
            return Err(why_not_read(bytes, kinds).unwrap_or_else(|| {
                let code = if error.is_data() {
                    Code::InvalidStructure
                } else {
                    Code::InvalidJson
                };
                let pointer = crate::json::pointer_of(bytes, &error);
                PackRefusal::NotAPack(Diagnostic::new(code, pointer, error.to_string()))
            }));
        }
    };
    refuse_format_or_kind(
        Some(u64::from(pack.format_version)),
        Some(pack.kit.kind_name()),
        kinds,
    )?;
    ValidPack::new(pack).map_err(|diagnostics| {
        let first = diagnostics.into_iter().find(Diagnostic::is_error);
        PackRefusal::Invalid(
            first.unwrap_or_else(|| {
                Diagnostic::new(Code::InvalidStructure, "", "the pack has errors")
            }),
        )
    })
}

/// A pack of another format or kind than `kinds`, in that order: what [`read_pack_for`]
/// says before the parser's words.
fn refuse_format_or_kind(
    format_version: Option<u64>,
    kind: Option<&str>,
    kinds: &[&str],
) -> Result<(), PackRefusal> {
    if let Some(version) = format_version.filter(|v| *v != u64::from(FORMAT_VERSION)) {
        return Err(PackRefusal::UnsupportedFormat(version));
    }
    match kind {
        Some(found) if !kinds.contains(&found) => Err(PackRefusal::WrongKind {
            found: found.to_string(),
        }),
        _ => Ok(()),
    }
}

/// Why a pack did not read typed, when its format version or kind says (read apart from
/// the rest, which may be anything); `None` when they do not.
fn why_not_read(bytes: &[u8], kinds: &[&str]) -> Option<PackRefusal> {
    #[derive(serde::Deserialize)]
    struct Probe {
        format_version: Option<u64>,
        kit: Option<KindProbe>,
    }
    #[derive(serde::Deserialize)]
    struct KindProbe {
        #[serde(rename = "type")]
        kind: Option<String>,
    }
    #[cfg(test)]
    read_pack_for_tests::count_pass();
    let probe = crate::json::from_slice::<Probe>(bytes).ok()?;
    let kind = probe.kit.and_then(|kit| kit.kind);
    refuse_format_or_kind(probe.format_version, kind.as_deref(), kinds).err()
}

/// Why [`check_pack_for`] refused a pack.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PackCheckFailure {
    /// Too large, a format version this build does not read, or another kind.
    Refused(PackRefusal),
    /// What is wrong: every validation error, or the first problem of form (its message
    /// holds the line and column, which [`Diagnostic::structure_problem`] reads).
    Findings(Vec<Diagnostic>),
}

/// [`read_pack_for`] for a tool that shows whoever wrote the pack what to fix (the embed
/// guide's LMS package button): every validation error with its path, not only the first.
/// It reads the pack with the same one typed pass as [`read_pack_for`], so a wasm that has
/// that reader carries no second one ([`load_pack`]'s way collects every problem of form too,
/// through a JSON value, at the price of a second reader of every pack type).
pub fn check_pack_for(bytes: &[u8], kinds: &[&str]) -> Result<ValidPack, PackCheckFailure> {
    match read_pack_for(bytes, kinds) {
        Ok(pack) => Ok(pack),
        Err(refusal @ PackRefusal::Invalid(_)) => {
            let diagnostics = crate::json::from_slice::<Pack>(without_bom(bytes))
                .ok()
                .and_then(|pack| ValidPack::new(pack).err())
                .map(|all| all.into_iter().filter(Diagnostic::is_error).collect());
            match diagnostics {
                Some(errors) => Err(PackCheckFailure::Findings(errors)),
                None => Err(PackCheckFailure::Refused(refusal)),
            }
        }
        Err(PackRefusal::NotAPack(diagnostic)) => Err(PackCheckFailure::Findings(vec![diagnostic])),
        Err(refusal) => Err(PackCheckFailure::Refused(refusal)),
    }
}

/// Parses a pack without the semantic checks, collecting every structural problem found.
///
/// A well-formed pack of this format is read in one pass; anything else takes the general
/// way, through a JSON value, which gives the same pack for well-formed files and every
/// structural problem with its path for the rest.
pub fn parse_pack(bytes: &[u8]) -> Result<Pack, Vec<Diagnostic>> {
    if bytes.len() <= MAX_PACK_BYTES {
        if let Ok(pack) = crate::json::from_slice::<Pack>(without_bom(bytes)) {
            if pack.format_version == FORMAT_VERSION {
                return Ok(pack);
            }
        }
    }
    parse_pack_general(bytes)
}

fn parse_pack_general(bytes: &[u8]) -> Result<Pack, Vec<Diagnostic>> {
    let mut value = parse_json_value(bytes, MAX_PACK_BYTES).map_err(|d| vec![d])?;
    if let Some(found) = value.get("format_version").and_then(Value::as_u64) {
        if found != u64::from(FORMAT_VERSION) {
            return Err(vec![Diagnostic::new(
                Code::UnsupportedFormatVersion,
                "/format_version",
                format!(
                    "format_version {found} is not supported; this build reads {FORMAT_VERSION}"
                ),
            )]);
        }
    }
    // The kit is an internally tagged enum, which hides paths inside it from serde; so it
    // is parsed on its own, by kind, and then the whole pack around it.
    let limit = structural_limit(bytes.len());
    let kit_value = value.as_object_mut().and_then(|map| map.remove("kit"));
    let kit_parsed = match kit_value {
        Some(kit_value) => parse_kit(kit_value, limit),
        None => Err(vec![Diagnostic::new(
            Code::InvalidStructure,
            "",
            "missing field `kit`",
        )]),
    };
    let mut diagnostics = Vec::new();
    match kit_parsed {
        Ok(kit) => match collect::<PackHeader>(value, "", limit) {
            Ok(header) => return Ok(header.with_kit(kit)),
            Err(header) => diagnostics.extend(header),
        },
        Err(kit_diagnostics) => diagnostics.extend(kit_diagnostics),
    }
    Err(diagnostics)
}

/// A [`Pack`] without its kit: the general way reads the kit on its own (with paths inside
/// it), then the rest. Same fields as `Pack`; the two ways are held together by a test.
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct PackHeader {
    format_version: u32,
    id: String,
    version: String,
    content_as_of: String,
    #[serde(default)]
    last_reviewed: Option<String>,
    #[serde(default)]
    about: Option<crate::pack::PackAbout>,
    title: crate::Text,
    description: crate::Text,
    sources: Vec<crate::pack::SourceDocument>,
    #[serde(default)]
    updates: Vec<crate::pack::LegalUpdate>,
    #[serde(default)]
    lang: Option<crate::Lang>,
}

impl PackHeader {
    fn with_kit(self, kit: Kit) -> Pack {
        Pack {
            format_version: self.format_version,
            id: self.id,
            version: self.version,
            content_as_of: self.content_as_of,
            last_reviewed: self.last_reviewed,
            about: self.about,
            title: self.title,
            description: self.description,
            sources: self.sources,
            updates: self.updates,
            lang: self.lang,
            kit,
        }
    }
}

fn parse_kit(mut kit: Value, limit: usize) -> Result<Kit, Vec<Diagnostic>> {
    let kind = match kit.as_object_mut().map(|map| map.remove("type")) {
        None => {
            return Err(vec![Diagnostic::new(
                Code::InvalidStructure,
                "/kit",
                "`kit` must be an object with a `type`",
            )])
        }
        Some(kind) => kind,
    };
    let kinds = crate::kind::KIND_NAMES.join("`, `");
    let unknown = || {
        vec![Diagnostic::new(
            Code::InvalidStructure,
            "/kit/type",
            format!("`type` must be one of `{kinds}`"),
        )]
    };
    let Some(name) = kind.as_ref().and_then(Value::as_str) else {
        return Err(unknown());
    };
    Kit::visit_kind(name, CollectKind { value: kit, limit }).unwrap_or_else(|| Err(unknown()))
}

/// Collects the kit's content as the kind its `type` names.
struct CollectKind {
    value: Value,
    limit: usize,
}

impl crate::kind::KindVisitor for CollectKind {
    type Output = Result<Kit, Vec<Diagnostic>>;

    fn visit<K: crate::kind::KindAccess>(self) -> Self::Output {
        collect::<K>(self.value, "/kit", self.limit).map(K::wrap)
    }
}

/// Deserializes `value`, collecting structural problems: after each one, the array element
/// that holds it is set aside and parsing is tried again, so one run lists problems in
/// many items. Paths are prefixed with `prefix`.
pub(crate) fn collect<T: serde::de::DeserializeOwned>(
    mut value: Value,
    prefix: &str,
    limit: usize,
) -> Result<T, Vec<Diagnostic>> {
    let mut diagnostics = Vec::new();
    let mut set_aside = SetAside::default();
    while diagnostics.len() < limit {
        match serde_path_to_error::deserialize::<_, T>(&value) {
            Ok(parsed) if diagnostics.is_empty() => return Ok(parsed),
            Ok(_) => break,
            Err(error) => {
                let segments = segments_from_path(error.path());
                let (pointer, removed) = set_aside.remove_enclosing_element(&mut value, &segments);
                diagnostics.push(Diagnostic::new(
                    Code::InvalidStructure,
                    format!("{prefix}{pointer}"),
                    error.inner().to_string(),
                ));
                if !removed {
                    break;
                }
            }
        }
    }
    Err(diagnostics)
}

/// Reads bytes as UTF-8 JSON with a size limit; the error is a ready diagnostic.
pub fn parse_json_value(bytes: &[u8], max_bytes: usize) -> Result<Value, Diagnostic> {
    if bytes.len() > max_bytes {
        return Err(Diagnostic::new(
            Code::OutOfRange,
            "",
            format!(
                "the file is {} bytes; the limit is {max_bytes}",
                bytes.len()
            ),
        ));
    }
    let text = std::str::from_utf8(bytes).map_err(|error| {
        Diagnostic::new(
            Code::InvalidJson,
            "",
            format!("the file is not UTF-8 text ({error})"),
        )
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    crate::json::from_slice(text.as_bytes()).map_err(|error| {
        Diagnostic::new(
            Code::InvalidJson,
            crate::json::pointer_of(text.as_bytes(), &error),
            format!("not valid JSON: {error}"),
        )
    })
}

fn segments_from_path(path: &serde_path_to_error::Path) -> Vec<String> {
    use serde_path_to_error::Segment;
    path.iter()
        .filter_map(|segment| match segment {
            Segment::Seq { index } => Some(index.to_string()),
            Segment::Map { key } => Some(key.clone()),
            Segment::Enum { .. } | Segment::Unknown => None,
        })
        .collect()
}

fn escape_pointer_segment(segment: &str) -> String {
    segment.replace('~', "~0").replace('/', "~1")
}

/// Array elements set aside so far, by the array's pointer in the original file, so that
/// later diagnostics still name the element's original index.
#[derive(Default)]
struct SetAside {
    removed: std::collections::BTreeMap<String, Vec<usize>>,
}

impl SetAside {
    /// Maps `segments` (a path in the current, already thinned value) to a pointer into the
    /// original file, and removes the innermost array element on the way. Returns the
    /// original pointer and whether anything was removed.
    fn remove_enclosing_element(
        &mut self,
        value: &mut Value,
        segments: &[String],
    ) -> (String, bool) {
        let mut original = String::new();
        let mut innermost: Option<(usize, String, usize, usize)> = None;
        let mut cursor = &*value;
        for (position, segment) in segments.iter().enumerate() {
            let next = match cursor {
                Value::Array(items) => {
                    let Ok(current_index) = segment.parse::<usize>() else {
                        break;
                    };
                    let removed = self
                        .removed
                        .get(&original)
                        .map(Vec::as_slice)
                        .unwrap_or(&[]);
                    let original_index = (0..)
                        .filter(|i| !removed.contains(i))
                        .nth(current_index)
                        .unwrap_or(current_index);
                    innermost = Some((position, original.clone(), current_index, original_index));
                    original.push('/');
                    original.push_str(&original_index.to_string());
                    items.get(current_index)
                }
                Value::Object(map) => {
                    original.push('/');
                    original.push_str(&escape_pointer_segment(segment));
                    map.get(segment)
                }
                _ => None,
            };
            match next {
                Some(next) => cursor = next,
                None => break,
            }
        }
        for segment in segments.iter().skip(original.matches('/').count()) {
            original.push('/');
            original.push_str(&escape_pointer_segment(segment));
        }
        let Some((position, array_pointer, current_index, original_index)) = innermost else {
            return (original, false);
        };
        let mut cursor = value;
        for segment in &segments[..position] {
            let next = match cursor {
                Value::Array(items) => segment.parse::<usize>().ok().and_then(|i| items.get_mut(i)),
                Value::Object(map) => map.get_mut(segment),
                _ => None,
            };
            match next {
                Some(next) => cursor = next,
                None => return (original, false),
            }
        }
        match cursor {
            Value::Array(items) if current_index < items.len() => {
                items.remove(current_index);
                self.removed
                    .entry(array_pointer)
                    .or_default()
                    .push(original_index);
                (original, true)
            }
            _ => (original, false),
        }
    }
}

#[cfg(test)]
mod structural_limit_tests {
    use super::structural_limit;

    #[test]
    fn large_files_get_fewer_passes() {
        assert_eq!(structural_limit(10_000), 200);
        assert_eq!(structural_limit(1024 * 1024), 50);
        assert_eq!(structural_limit(8 * 1024 * 1024), 6);
        assert_eq!(structural_limit(80 * 1024 * 1024), 5);
    }
}

#[cfg(all(test, feature = "course"))]
mod check_pack_tests {
    use super::{check_pack_for, PackCheckFailure, PackRefusal};
    use crate::diagnostic::{Code, StructureProblem};

    const COURSE: &[u8] = include_bytes!("../../tests/data/course/pack.json");

    #[test]
    fn every_validation_error_is_named_and_a_problem_of_form_keeps_its_line() {
        assert!(check_pack_for(COURSE, &["course"]).is_ok());
        // Edited as text: written back through a JSON value, `type` would not be the kit's
        // first key any more, which the one typed pass refuses as a problem of form.
        let broken = String::from_utf8(COURSE.to_vec())
            .unwrap()
            .replacen(
                r#""pass_mark_percent": 80,"#,
                r#""pass_mark_percent": 140,"#,
                1,
            )
            .replacen(r#"{"id": "noticing""#, r#"{"id": "four-cares""#, 1);
        let Err(PackCheckFailure::Findings(findings)) =
            check_pack_for(broken.as_bytes(), &["course"])
        else {
            panic!("refused with findings");
        };
        let codes: Vec<Code> = findings.iter().map(|d| d.code).collect();
        assert!(codes.contains(&Code::PassMarkOutOfRange), "{findings:?}");
        assert!(codes.contains(&Code::DuplicateId), "{findings:?}");
        let Err(PackCheckFailure::Findings(findings)) =
            check_pack_for(b"{\n  \"format_version\": 1,\n}", &["course"])
        else {
            panic!("broken JSON is a finding");
        };
        assert_eq!(
            findings[0].structure_problem(),
            Some(StructureProblem::Syntax { line: 3, column: 1 })
        );
        assert_eq!(
            check_pack_for(
                br#"{"format_version": 1, "kit": {"type": "checklist"}}"#,
                &["course"]
            ),
            Err(PackCheckFailure::Refused(PackRefusal::WrongKind {
                found: "checklist".into()
            }))
        );
    }
}

#[cfg(test)]
mod one_pass_tests {
    use super::{parse_pack, parse_pack_general};

    /// The one-pass reading gives the same pack as the general way, for every committed pack.
    #[test]
    fn a_kit_whose_type_is_not_its_first_key_still_loads_by_the_general_way() {
        let bytes = include_bytes!("../../tests/data/checklist/pack.json");
        let mut value: serde_json::Value = serde_json::from_slice(bytes).unwrap();
        // serde_json's map is sorted: written back, `type` follows `action_plan`, `areas`...
        let kit = value["kit"].take();
        value["kit"] = kit;
        let reordered = serde_json::to_vec(&value).unwrap();
        let one_pass = serde_json::from_slice::<crate::pack::Pack>(&reordered);
        assert!(
            one_pass
                .unwrap_err()
                .to_string()
                .contains("first key must be `type`"),
            "the one-pass read names the rule"
        );
        assert_eq!(
            parse_pack(&reordered).expect("the general way reads any order"),
            parse_pack(bytes).unwrap()
        );
    }

    #[test]
    fn the_one_pass_way_and_the_general_way_agree() {
        let packs: [&[u8]; 7] = [
            include_bytes!("../../content/mh-checklist.json"),
            include_bytes!("../../content/return-to-work.json"),
            include_bytes!("../../content/linecare.json"),
            include_bytes!("../../content/provider-checklist.json"),
            include_bytes!("../../tests/data/checklist/pack.json"),
            include_bytes!("../../tests/data/course/pack.json"),
            include_bytes!("../../tests/data/plan/pack.json"),
        ];
        for bytes in packs {
            let general = parse_pack_general(bytes).expect("a committed pack parses");
            assert_eq!(parse_pack(bytes).expect("and in one pass"), general);
            assert!(
                serde_json::from_slice::<crate::pack::Pack>(bytes).is_ok(),
                "the one-pass way was taken"
            );
        }
    }
}

#[cfg(test)]
mod read_pack_for_tests {
    use std::cell::Cell;

    use super::{read_pack_for, PackRefusal, FORMAT_VERSION};

    thread_local! {
        static PASSES: Cell<usize> = const { Cell::new(0) };
    }

    /// Counts one pass of the JSON reader over a pack's bytes (this thread's).
    pub(super) fn count_pass() {
        PASSES.with(|passes| passes.set(passes.get() + 1));
    }

    /// What `read_pack_for` gives, and how many times it read the bytes.
    fn read(bytes: &[u8], kinds: &[&str]) -> (Result<String, PackRefusal>, usize) {
        PASSES.with(|passes| passes.set(0));
        let result = read_pack_for(bytes, kinds).map(|pack| pack.pack().id.clone());
        (result, PASSES.with(Cell::get))
    }

    const CHECKLIST: &[u8] = include_bytes!("../../content/mh-checklist.json");
    const COURSE: &[u8] = include_bytes!("../../content/linecare.json");

    /// The pack with `from` (found once at least) replaced by `to` at its first place.
    /// Edited as text: written back through a JSON value, the kit's `type` would no longer
    /// come first, and the one typed pass would not be taken.
    fn edited(bytes: &[u8], from: &str, to: &str) -> Vec<u8> {
        let text = std::str::from_utf8(bytes).unwrap();
        assert!(text.contains(from), "{from}");
        text.replacen(from, to, 1).into_bytes()
    }

    /// A pack that reads is read once: no pass for its format or kind before the typed one.
    #[test]
    fn a_good_pack_is_read_once() {
        assert_eq!(
            read(CHECKLIST, &["checklist"]),
            (Ok("mh-checklist".into()), 1)
        );
        assert_eq!(read(COURSE, &["course"]), (Ok("linecare".into()), 1));
        let with_bom = [b"\xef\xbb\xbf".as_slice(), CHECKLIST].concat();
        assert_eq!(
            read(&with_bom, &["checklist"]),
            (Ok("mh-checklist".into()), 1)
        );
    }

    #[test]
    fn another_kind_or_format_is_named_as_such() {
        let (refused, passes) = read(COURSE, &["checklist", "plan"]);
        assert_eq!(
            refused,
            Err(PackRefusal::WrongKind {
                found: "course".into()
            })
        );
        assert_eq!(passes, 1, "read typed, then its kind is known");

        let newer = u64::from(FORMAT_VERSION) + 1;
        let format_line = format!("\"format_version\": {FORMAT_VERSION},");
        let newer_line = format!("\"format_version\": {newer},");
        let newer_pack = edited(CHECKLIST, &format_line, &newer_line);
        assert_eq!(
            read(&newer_pack, &["checklist"]),
            (Err(PackRefusal::UnsupportedFormat(newer)), 1)
        );
        // A newer format whose structure this build cannot read: still named as newer;
        // a kind this build does not know: named by its kind.
        let strange = edited(
            &newer_pack,
            "\"type\": \"checklist\",",
            "\"type\": \"checklist\", \"field_of_tomorrow\": 1,",
        );
        assert_eq!(
            read(&strange, &["checklist"]),
            (Err(PackRefusal::UnsupportedFormat(newer)), 2)
        );
        let unknown_kind = edited(
            CHECKLIST,
            "\"type\": \"checklist\",",
            "\"type\": \"stress-of-tomorrow\",",
        );
        assert_eq!(
            read(&unknown_kind, &["checklist"]),
            (
                Err(PackRefusal::WrongKind {
                    found: "stress-of-tomorrow".into()
                }),
                2
            )
        );
    }

    #[test]
    fn broken_bytes_are_not_a_pack_with_the_parsers_words() {
        let (refused, passes) = read(b"<!doctype html><p>404", &["checklist"]);
        assert!(
            matches!(&refused, Err(PackRefusal::NotAPack(found))
                if found.code == crate::Code::InvalidJson && found.message.contains("line 1")),
            "{refused:?}"
        );
        assert_eq!(passes, 2);
        let truncated = &CHECKLIST[..CHECKLIST.len() / 2];
        assert!(matches!(
            read(truncated, &["checklist"]).0,
            Err(PackRefusal::NotAPack(_))
        ));
        // JSON of the wrong shape: a structure problem placed by its pointer.
        let wrong_type = edited(CHECKLIST, "\"id\": \"mh-plan\"", "\"id\": 5");
        match read(&wrong_type, &["checklist"]).0 {
            Err(PackRefusal::NotAPack(found)) => {
                assert_eq!(found.code, crate::Code::InvalidStructure);
                assert!(
                    found.path.starts_with("/kit/areas/") && found.path.ends_with("/id"),
                    "{found:?}"
                );
                assert!(found.message.contains("invalid type"), "{found:?}");
            }
            other => panic!("{other:?}"),
        }
        let too_large = vec![b' '; super::MAX_PACK_BYTES + 1];
        assert_eq!(
            read(&too_large, &["checklist"]),
            (
                Err(PackRefusal::TooLarge {
                    size: super::MAX_PACK_BYTES + 1
                }),
                0
            )
        );
    }

    #[test]
    fn a_pack_that_reads_but_does_not_validate_names_its_first_error() {
        let duplicate = edited(
            CHECKLIST,
            "\"id\": \"mh-plan\"",
            "\"id\": \"policy-statement\"",
        );
        let (refused, passes) = read(&duplicate, &["checklist"]);
        assert!(
            matches!(&refused, Err(PackRefusal::Invalid(d)) if d.is_error()),
            "{refused:?}"
        );
        assert_eq!(passes, 1);
    }
}
