//! The regional resource directory: a small JSON file in which an embedding center lists
//! its own services and local resources. Validated like a pack; without one, Kizuki shows
//! the built-in list of public services by type (`content/directory/default.json`).

use serde::{Deserialize, Serialize};

use crate::diagnostic::{Code, Diagnostic};
use crate::load::parse_json_value;
use crate::text::{is_safe_href, Text};

/// The directory format this build writes. Format 2 adds a `source` (the official page)
/// to every resource; format 1 files (no sources) are still read.
pub const DIRECTORY_FORMAT: u32 = 2;
/// The oldest directory format this build reads.
pub const OLDEST_DIRECTORY_FORMAT: u32 = 1;
/// The largest directory file accepted, in bytes.
pub const MAX_DIRECTORY_BYTES: usize = 512 * 1024;

/// A list of places to get help.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Directory {
    /// [`DIRECTORY_FORMAT`] (or an older format this build still reads).
    pub directory_format: u32,
    /// Who keeps this list (shown under it).
    pub maintained_by: Text,
    /// When it was last checked, `YYYY-MM-DD`.
    pub as_of: String,
    /// The places, in the order shown.
    pub resources: Vec<Resource>,
}

/// What kind of place a resource is; the help sections group by it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ResourceKind {
    /// The embedding center's own services.
    OwnService,
    /// 産業保健総合支援センター.
    SupportCenter,
    /// 地域産業保健センター (workplaces under 50).
    RegionalCenter,
    /// 精神保健福祉センター or 保健所.
    MentalHealthCenter,
    /// A telephone or online consultation line.
    Hotline,
    /// A clinic or hospital.
    Clinic,
    /// An EAP or counseling provider.
    Counseling,
    /// Anything else.
    Other,
}

/// One place to get help.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Resource {
    /// Stable id.
    pub id: String,
    /// What kind of place.
    pub kind: ResourceKind,
    /// Name.
    pub name: Text,
    /// What they help with, and for whom.
    pub description: Text,
    /// Telephone, as written locally.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// Web address (http or https).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Opening hours.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hours: Option<Text>,
    /// For workplaces under 50 only (e.g. 地域産業保健センター).
    #[serde(default)]
    pub small_workplaces_only: bool,
    /// The official page the name, number, hours and description were checked against.
    /// Required from format 2 on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<ResourceSource>,
}

/// Where a resource's details were checked: its operator's or a ministry's official page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ResourceSource {
    /// The page (http or https).
    pub url: String,
    /// Who publishes it (e.g. 厚生労働省).
    pub publisher: Text,
    /// When it was last checked, `YYYY-MM-DD`.
    pub checked: String,
}

/// Reads and checks a directory file, listing every problem with its path. Warnings (an
/// English text missing) do not stop it loading; [`check_directory`] lists them too.
pub fn load_directory(bytes: &[u8]) -> Result<Directory, Vec<Diagnostic>> {
    let (directory, diagnostics) = read_directory(bytes);
    match directory {
        Some(directory) if !diagnostics.iter().any(Diagnostic::is_error) => Ok(directory),
        _ => Err(diagnostics),
    }
}

/// Reads a directory file in one pass and checks it, naming only the first error: the
/// widgets' way, which keeps the path-collecting parser out of every kit's wasm. The
/// guide's checker and `kizuki validate` use [`load_directory`] / [`check_directory`],
/// which name every problem with its place.
pub fn read_directory_quickly(bytes: &[u8]) -> Result<Directory, Diagnostic> {
    if bytes.len() > MAX_DIRECTORY_BYTES {
        return Err(Diagnostic::new(
            Code::InvalidStructure,
            "",
            format!(
                "the file is {} bytes; at most {MAX_DIRECTORY_BYTES}",
                bytes.len()
            ),
        ));
    }
    let directory: Directory = crate::json::from_slice(crate::load::without_bom(bytes))
        .map_err(|error| Diagnostic::new(Code::InvalidStructure, "", error.to_string()))?;
    match validate_directory(&directory)
        .into_iter()
        .find(Diagnostic::is_error)
    {
        Some(error) => Err(error),
        None => Ok(directory),
    }
}

/// Every finding about a directory file, errors and warnings, as `kizuki validate` prints
/// them and the embed guide's checker lists them (a file with only warnings still loads), in
/// [`read_directory`]'s order.
pub fn check_directory(bytes: &[u8]) -> Vec<Diagnostic> {
    read_directory(bytes).1
}

/// The most structural problems listed for one directory file.
const MAX_STRUCTURE_PROBLEMS: usize = 200;

/// Puts findings in the order a reader meets their places: errors first, each group in the
/// file's order (the header's fields, then the resources from the first), though problems of
/// form are found before the rest. The sort is stable: one place's findings keep their order.
fn in_file_order(diagnostics: &mut [Diagnostic]) {
    diagnostics.sort_by_cached_key(|diagnostic| {
        let segments = diagnostic.path_segments();
        let resource = match segments.as_slice() {
            [first, index, ..] if first == "resources" => index.parse::<usize>().ok(),
            _ => None,
        };
        (
            !diagnostic.is_error(),
            resource.map_or(0, |index| index + 1),
        )
    });
}

/// A [`Directory`] without its resources: the header is read apart from them, so a bad
/// resource does not hide a bad header or another bad resource.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DirectoryHeader {
    directory_format: u32,
    maintained_by: Text,
    as_of: String,
}

/// Reads a directory file collecting every problem: the header and each resource are read
/// on their own (each with every structural problem, its place kept), then every resource
/// that could be read is checked at its own place in the file; the findings come in the
/// file's order ([`in_file_order`]).
fn read_directory(bytes: &[u8]) -> (Option<Directory>, Vec<Diagnostic>) {
    let mut value = match parse_json_value(bytes, MAX_DIRECTORY_BYTES) {
        Ok(value) => value,
        Err(diagnostic) => return (None, vec![diagnostic]),
    };
    if !value.is_object() {
        let problem = Diagnostic::new(
            Code::InvalidStructure,
            "",
            "a directory file is a JSON object with directory_format, maintained_by, as_of and resources",
        );
        return (None, vec![problem]);
    }
    // A pack's every field would be "unknown" here: say what the file is instead.
    if value
        .as_object()
        .is_some_and(|map| map.contains_key("kit") && !map.contains_key("directory_format"))
    {
        let problem = Diagnostic::new(
            Code::InvalidStructure,
            "",
            crate::diagnostic::PACK_NOT_DIRECTORY,
        );
        return (None, vec![problem]);
    }
    let mut diagnostics = Vec::new();
    let resources_value = value
        .as_object_mut()
        .and_then(|map| map.remove("resources"));
    let mut resources: Vec<(usize, Resource)> = Vec::new();
    let mut resources_complete = true;
    match resources_value {
        Some(serde_json::Value::Array(items)) => {
            for (index, item) in items.into_iter().enumerate() {
                let budget = MAX_STRUCTURE_PROBLEMS
                    .saturating_sub(diagnostics.len())
                    .max(1);
                match crate::load::collect::<Resource>(item, &format!("/resources/{index}"), budget)
                {
                    Ok(resource) => resources.push((index, resource)),
                    Err(found) => {
                        resources_complete = false;
                        diagnostics.extend(found);
                    }
                }
            }
        }
        Some(_) => {
            resources_complete = false;
            diagnostics.push(Diagnostic::new(
                Code::InvalidStructure,
                "/resources",
                "invalid type: expected a list of resources",
            ));
        }
        None => {
            resources_complete = false;
            diagnostics.push(Diagnostic::new(
                Code::InvalidStructure,
                "",
                "missing field `resources`",
            ));
        }
    }
    let written_format = value
        .get("directory_format")
        .and_then(serde_json::Value::as_u64)
        .and_then(|format| u32::try_from(format).ok());
    let header = match crate::load::collect::<DirectoryHeader>(value, "", MAX_STRUCTURE_PROBLEMS) {
        Ok(header) => Some(header),
        Err(found) => {
            diagnostics.splice(0..0, found);
            None
        }
    };
    let format = header
        .as_ref()
        .map(|h| h.directory_format)
        .or(written_format)
        .unwrap_or(DIRECTORY_FORMAT);
    let checked = check_parts(
        header
            .as_ref()
            .map(|h| (h.directory_format, &h.maintained_by, h.as_of.as_str())),
        format,
        resources.iter().map(|(index, resource)| (*index, resource)),
    );
    diagnostics.extend(checked);
    in_file_order(&mut diagnostics);
    let directory = match header {
        Some(header) if resources_complete => Some(Directory {
            directory_format: header.directory_format,
            maintained_by: header.maintained_by,
            as_of: header.as_of,
            resources: resources
                .into_iter()
                .map(|(_, resource)| resource)
                .collect(),
        }),
        _ => None,
    };
    (directory, diagnostics)
}

fn validate_directory(directory: &Directory) -> Vec<Diagnostic> {
    check_parts(
        Some((
            directory.directory_format,
            &directory.maintained_by,
            directory.as_of.as_str(),
        )),
        directory.directory_format,
        directory.resources.iter().enumerate(),
    )
}

/// The checks of a directory's header (when it could be read) and of each resource read,
/// at its index in the file.
fn check_parts<'a>(
    header: Option<(u32, &'a Text, &'a str)>,
    format: u32,
    resources: impl Iterator<Item = (usize, &'a Resource)>,
) -> Vec<Diagnostic> {
    let mut found = Vec::new();
    let mut texts = Vec::new();
    if let Some((directory_format, maintained_by, as_of)) = header {
        if !(OLDEST_DIRECTORY_FORMAT..=DIRECTORY_FORMAT).contains(&directory_format) {
            found.push(Diagnostic::new(
                Code::UnsupportedFormatVersion,
                "/directory_format",
                format!(
                    "this build reads directory_format {OLDEST_DIRECTORY_FORMAT} to {DIRECTORY_FORMAT}"
                ),
            ));
        }
        if !crate::validate::is_valid_date(as_of) {
            found.push(Diagnostic::new(
                Code::InvalidDate,
                "/as_of",
                "write the date as YYYY-MM-DD",
            ));
        }
        texts.push(("/maintained_by".to_string(), maintained_by));
    }
    let sources_required = format >= 2;
    let mut ids = crate::validate::IdSet::new();
    for (index, resource) in resources {
        let path = format!("/resources/{index}");
        if !ids.insert(resource.id.as_str()) {
            found.push(Diagnostic::new(
                Code::DuplicateId,
                format!("{path}/id"),
                format!("id `{}` is used twice", resource.id),
            ));
        }
        if let Some(url) = &resource.url {
            if !is_safe_href(url) {
                found.push(Diagnostic::new(
                    Code::UnsafeLink,
                    format!("{path}/url"),
                    "a url must be http or https",
                ));
            }
        }
        if let Some(phone) = &resource.phone {
            if crate::phone::dial_number(phone).is_none() || phone.chars().count() > 30 {
                found.push(Diagnostic::new(
                    Code::OutOfRange,
                    format!("{path}/phone"),
                    "a phone number must start with a number of 3 to 15 digits and have at most 30 characters",
                ));
            }
        }
        match &resource.source {
            Some(source) => {
                if !is_safe_href(&source.url) {
                    found.push(Diagnostic::new(
                        Code::UnsafeLink,
                        format!("{path}/source/url"),
                        "a source url must be http or https",
                    ));
                }
                if !crate::validate::is_valid_date(&source.checked) {
                    found.push(Diagnostic::new(
                        Code::InvalidDate,
                        format!("{path}/source/checked"),
                        "write the date as YYYY-MM-DD",
                    ));
                }
                texts.push((format!("{path}/source/publisher"), &source.publisher));
            }
            None if sources_required => found.push(Diagnostic::new(
                Code::MissingSource,
                format!("{path}/source"),
                "name the official page the details were checked against",
            )),
            None => {}
        }
        texts.push((format!("{path}/name"), &resource.name));
        texts.push((format!("{path}/description"), &resource.description));
        if let Some(hours) = &resource.hours {
            texts.push((format!("{path}/hours"), hours));
        }
    }
    for (path, text) in texts {
        if text.ja.trim().is_empty() {
            found.push(Diagnostic::new(
                Code::EmptyText,
                format!("{path}/ja"),
                "the Japanese text is empty",
            ));
        }
        if text.en.as_deref().is_none_or(|en| en.trim().is_empty()) {
            found.push(Diagnostic::new(
                Code::MissingTranslation,
                format!("{path}/en"),
                "the English text is missing",
            ));
        }
    }
    found
}

impl Directory {
    /// The resources to show a workplace: all of them, less those for small workplaces
    /// when the workplace has 50 or more workers (`small_workplace` false).
    pub fn for_workplace(&self, small_workplace: Option<bool>) -> Vec<&Resource> {
        self.resources
            .iter()
            .filter(|r| !(r.small_workplaces_only && small_workplace == Some(false)))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_quick_way_and_the_full_way_agree() {
        for bytes in [
            &include_bytes!("../../content/directory/default.json")[..],
            &include_bytes!("../../www/embed/directory.json")[..],
        ] {
            assert_eq!(
                read_directory_quickly(bytes).unwrap(),
                load_directory(bytes).unwrap()
            );
        }
        let bad = br#"{"directory_format": 2, "maintained_by": {"ja": "x", "en": "x"}, "as_of": "2026-02-30", "resources": []}"#;
        let first = read_directory_quickly(bad).unwrap_err();
        assert_eq!(
            first,
            load_directory(bad).unwrap_err()[0],
            "the first problem is the same"
        );
        assert!(read_directory_quickly(&vec![b' '; MAX_DIRECTORY_BYTES + 1]).is_err());
    }

    #[test]
    fn bad_links_phones_and_duplicates_are_all_reported() {
        let json = r#"{"directory_format": 1, "maintained_by": {"ja": "テスト", "en": "Test"}, "as_of": "2026-11-22",
          "resources": [
            {"id": "a", "kind": "hotline", "name": {"ja": "A", "en": "A"}, "description": {"ja": "a", "en": "a"}, "url": "javascript:alert(1)"},
            {"id": "a", "kind": "clinic", "name": {"ja": "B", "en": "B"}, "description": {"ja": "b", "en": "b"}, "phone": "call us"}
          ]}"#;
        let codes: Vec<Code> = load_directory(json.as_bytes())
            .unwrap_err()
            .iter()
            .map(|d| d.code)
            .collect();
        assert_eq!(
            codes,
            [Code::UnsafeLink, Code::DuplicateId, Code::OutOfRange]
        );
    }

    /// Issue 16: only the first error was reported. A file with a bad header, two resources
    /// that cannot be read and one with a bad link lists all four, each at its place.
    #[test]
    fn every_problem_is_listed_with_its_place_even_when_resources_cannot_be_read() {
        let json = r#"{"directory_format": 2, "maintained_by": {"ja": "テスト", "en": "Test"}, "as_of": "2026/12/06",
          "resources": [
            {"id": "a", "kind": "hotline", "name": {"ja": "A", "en": "A"}, "description": {"ja": "a", "en": "a"}, "phne": "03"},
            {"id": "b", "kind": "helpline", "name": {"ja": "B", "en": "B"}, "description": {"ja": "b", "en": "b"}},
            {"id": "c", "kind": "hotline", "name": {"ja": "C", "en": "C"}, "description": {"ja": "c", "en": "c"}, "url": "javascript:alert(1)",
             "source": {"url": "https://www.mhlw.go.jp/", "publisher": {"ja": "厚生労働省", "en": "MHLW"}, "checked": "2026-12-06"}}
          ]}"#;
        let found: Vec<(Code, String)> = load_directory(json.as_bytes())
            .unwrap_err()
            .into_iter()
            .map(|d| (d.code, d.path))
            .collect();
        assert_eq!(
            found,
            // In the file's order: the header, then the resources from the first.
            [
                (Code::InvalidDate, "/as_of".to_string()),
                (Code::InvalidStructure, "/resources/0/phne".to_string()),
                (Code::InvalidStructure, "/resources/1/kind".to_string()),
                (Code::UnsafeLink, "/resources/2/url".to_string()),
            ]
        );
        let not_an_object = load_directory(b"[1, 2]").unwrap_err();
        assert_eq!(not_an_object.len(), 1);
        assert_eq!(not_an_object[0].code, Code::InvalidStructure);
    }

    #[test]
    fn a_missing_english_text_warns_and_still_loads() {
        let json = r#"{"directory_format": 1, "maintained_by": {"ja": "テスト"}, "as_of": "2026-11-22",
          "resources": [{"id": "a", "kind": "hotline", "name": {"ja": "A", "en": "A"}, "description": {"ja": "a"}}]}"#;
        assert!(load_directory(json.as_bytes()).is_ok());
        let found = check_directory(json.as_bytes());
        let paths: Vec<&str> = found.iter().map(|d| d.path.as_str()).collect();
        assert_eq!(paths, ["/maintained_by/en", "/resources/0/description/en"]);
        assert!(found
            .iter()
            .all(|d| d.code == Code::MissingTranslation && !d.is_error()));
    }

    #[test]
    fn format_2_needs_a_checked_official_page_per_resource() {
        let json = r#"{"directory_format": 2, "maintained_by": {"ja": "テスト", "en": "Test"}, "as_of": "2026-12-06",
          "resources": [
            {"id": "a", "kind": "hotline", "name": {"ja": "A", "en": "A"}, "description": {"ja": "a", "en": "a"}},
            {"id": "b", "kind": "hotline", "name": {"ja": "B", "en": "B"}, "description": {"ja": "b", "en": "b"},
             "source": {"url": "ftp://x", "publisher": {"ja": "厚生労働省", "en": "MHLW"}, "checked": "2026-13-01"}},
            {"id": "c", "kind": "hotline", "name": {"ja": "C", "en": "C"}, "description": {"ja": "c", "en": "c"},
             "source": {"url": "https://www.mhlw.go.jp/", "publisher": {"ja": "厚生労働省", "en": "MHLW"}, "checked": "2026-12-06"}}
          ]}"#;
        let found: Vec<(Code, String)> = load_directory(json.as_bytes())
            .unwrap_err()
            .into_iter()
            .map(|d| (d.code, d.path))
            .collect();
        assert_eq!(
            found,
            [
                (Code::MissingSource, "/resources/0/source".to_string()),
                (Code::UnsafeLink, "/resources/1/source/url".to_string()),
                (Code::InvalidDate, "/resources/1/source/checked".to_string()),
            ]
        );
    }

    #[test]
    fn small_workplace_resources_are_left_out_for_large_ones() {
        let json = r#"{"directory_format": 1, "maintained_by": {"ja": "テスト", "en": "Test"}, "as_of": "2026-11-22",
          "resources": [
            {"id": "chiiki", "kind": "regional_center", "name": {"ja": "地域", "en": "Regional"}, "description": {"ja": "小", "en": "small"}, "small_workplaces_only": true},
            {"id": "sanpo", "kind": "support_center", "name": {"ja": "さんぽ", "en": "Sanpo"}, "description": {"ja": "全", "en": "all"}}
          ]}"#;
        let directory = load_directory(json.as_bytes()).unwrap();
        assert_eq!(directory.for_workplace(Some(false)).len(), 1);
        assert_eq!(directory.for_workplace(Some(true)).len(), 2);
        assert_eq!(directory.for_workplace(None).len(), 2);
    }
}
