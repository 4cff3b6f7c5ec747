//! What an LMS package of a course holds, decided once for the `kizuki package` command and
//! for the embed guide's button: the manifest (`imsmanifest.xml`, with the SCORM 1.2 schema
//! files beside it, or `cmi5.xml`), the launch page `index.html`, the built site's files a
//! course widget needs ([`SITE_FILES`]), the pack's one-language files
//! (`content/<id>.<lang>.json`, [`crate::Pack::one_language`], as the site ships its own packs)
//! with their gzip copies, and the zip around them (entries deflated where it helps,
//! [`crate::document::archive`]): the same inputs give the same bytes on the command line and
//! in the browser.
//!
//! The whole course is one SCO / one AU ([`super::lms`]). The caller reads the files (the
//! CLI from `dist/`, the browser from its own origin) and says which it could not read; the
//! core checks that every one is there and builds the rest.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use super::Course;
use crate::load::ValidPack;
use crate::text::{is_safe_href, Lang, Text};

/// Which LMS standard a package is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LmsStandard {
    /// SCORM 1.2 (`imsmanifest.xml`): what most LMSs take.
    Scorm12,
    /// cmi5 (`cmi5.xml`): xAPI-based LMSs.
    Cmi5,
}

impl LmsStandard {
    /// The name used in the launch page's `data-standard`, in file names and by the web.
    pub fn name(self) -> &'static str {
        match self {
            LmsStandard::Scorm12 => "scorm12",
            LmsStandard::Cmi5 => "cmi5",
        }
    }

    /// The standard named `name` (`scorm12`, `cmi5`).
    pub fn parse(name: &str) -> Option<LmsStandard> {
        match name {
            "scorm12" => Some(LmsStandard::Scorm12),
            "cmi5" => Some(LmsStandard::Cmi5),
            _ => None,
        }
    }
}

/// The built site's files every package carries, as paths in the zip (and under `dist/`,
/// except the course module: see [`built_file`]). The launch page loads `lms.js`, which
/// mounts the course through `kizuki.js`, which links the course module's stylesheet,
/// `kizuki-course.css` (cut from `www/kizuki.css` by `scripts/build.sh`). The module's gzip
/// copy (written by `scripts/build.sh` beside each file) goes with it: an LMS that sends files
/// uncompressed would send the 0.9 MB module whole, and `kizuki.js` takes the copy instead
/// (a third of the bytes; `fetchSmall` in `www/kizuki.js`).
pub const SITE_FILES: [&str; 6] = [
    "kizuki.js",
    "kizuki-course.css",
    "lms.js",
    "pkg/kizuki_course.js",
    "pkg/kizuki_course_bg.wasm",
    "pkg/kizuki_course_bg.wasm.gz",
];

/// The built file under `dist/` that a package carries as `name` (one of [`SITE_FILES`]).
/// The course's module is the one with the LMS runtime (`course_lms`, built by
/// `scripts/build.sh` with the `lms` feature; the plain course widget has none), carried under
/// the plain module's name, which `kizuki.js` loads for the course.
pub fn built_file(name: &str) -> &str {
    match name {
        "pkg/kizuki_course.js" => "pkg/kizuki_course_lms.js",
        "pkg/kizuki_course_bg.wasm" => "pkg/kizuki_course_lms_bg.wasm",
        "pkg/kizuki_course_bg.wasm.gz" => "pkg/kizuki_course_lms_bg.wasm.gz",
        other => other,
    }
}

/// The SCORM 1.2 schema files (ADL CP 1.1 + adlcp_rootv1p2), placed at the package's root
/// as SCORM 1.2 packages carry them (`cli/schema/SOURCES.md` says where they come from).
pub const SCORM12_SCHEMAS: [(&str, &[u8]); 4] = [
    (
        "imscp_rootv1p1p2.xsd",
        include_bytes!("../../../../cli/schema/scorm12/imscp_rootv1p1p2.xsd"),
    ),
    (
        "adlcp_rootv1p2.xsd",
        include_bytes!("../../../../cli/schema/scorm12/adlcp_rootv1p2.xsd"),
    ),
    (
        "imsmd_rootv1p2p1.xsd",
        include_bytes!("../../../../cli/schema/scorm12/imsmd_rootv1p2p1.xsd"),
    ),
    (
        "ims_xml.xsd",
        include_bytes!("../../../../cli/schema/scorm12/ims_xml.xsd"),
    ),
];

/// What the person chose beside the pack: the standard, the launch language, the cmi5
/// course IRI and the center named in the course.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PackageOptions {
    /// SCORM 1.2 or cmi5.
    pub standard: LmsStandard,
    /// The language the course starts in (the learner can switch).
    pub lang: Lang,
    /// The cmi5 course IRI (http(s) or `urn:`); `None` (or blank): `urn:kizuki:course:<pack id>`.
    pub iri: Option<String>,
    /// The center's name, shown where the course points to someone to consult.
    pub center_name: Option<String>,
    /// The center's telephone number.
    pub center_phone: Option<String>,
    /// The center's web address (http or https only).
    pub center_url: Option<String>,
}

impl PackageOptions {
    /// The options of a package with nothing but its standard and language chosen.
    pub fn new(standard: LmsStandard, lang: Lang) -> PackageOptions {
        PackageOptions {
            standard,
            lang,
            iri: None,
            center_name: None,
            center_phone: None,
            center_url: None,
        }
    }
}

/// Why a package could not be made. Each has a message in the CLI and in the web's words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PackageError {
    /// The pack is not a course (its kind's name).
    NotACourse(&'static str),
    /// The cmi5 IRI is not an http(s) or `urn:` address without spaces or quotes.
    BadIri(String),
    /// The center's web address is not an http(s) address.
    BadCenterUrl(String),
    /// A file of the built site was not given (its path under `dist/`).
    MissingSiteFile(&'static str),
    /// The pack is a file of one language only (`content/<id>.<lang>.json`, as the site
    /// serves it): a package carries both languages and makes their files itself.
    OneLanguage(Lang),
    /// The pack's file in this language did not validate (a fault of Kizuki's, not of the pack:
    /// the file is made from the validated pack).
    LanguageFile(Lang),
}

impl std::fmt::Display for PackageError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PackageError::NotACourse(kind) => {
                write!(f, "a package needs a course pack; this pack is a {kind}")
            }
            PackageError::BadIri(iri) => write!(
                f,
                "the course IRI must be an http(s) or urn: address without spaces or quotes (got `{iri}`)"
            ),
            PackageError::BadCenterUrl(url) => {
                write!(f, "the center's address must start with http:// or https:// (got `{url}`)")
            }
            PackageError::MissingSiteFile(name) => write!(f, "{name} of the built site is missing"),
            PackageError::OneLanguage(lang) => write!(
                f,
                "this is the pack's file of one language ({}): give the pack with both languages",
                lang.code()
            ),
            PackageError::LanguageFile(lang) => write!(
                f,
                "the pack's {} file could not be made from it (please report this)",
                lang.code()
            ),
        }
    }
}

impl std::error::Error for PackageError {}

/// A package's files, in the zip's order: the manifest first, then the site's files, the
/// pack's one-language files, the launch page and (SCORM 1.2) the schema files.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LmsPackage {
    /// (path in the zip, bytes).
    pub files: Vec<(String, Vec<u8>)>,
    /// A name for the downloaded zip: `<pack id>-<standard>.zip`.
    pub file_name: String,
}

impl LmsPackage {
    /// The zip, byte for byte the same for the same inputs: each file deflated (level 9)
    /// where that makes it smaller, the gzip copies stored as they are. About half the
    /// size of the files stored: LMSs on PHP's default settings refuse uploads over 2 MB.
    pub fn zip(&self) -> Vec<u8> {
        crate::document::archive(&self.files, |name, data| {
            if name.ends_with(".gz") {
                return None;
            }
            let deflated = miniz_oxide::deflate::compress_to_vec(data, 9);
            (deflated.len() < data.len()).then_some(deflated)
        })
    }
}

/// Builds the package of `pack` from the built site's files `site` (path under `dist/` →
/// bytes; every one of [`SITE_FILES`]). The pack goes in as one file per language, as the
/// site ships its own: the learner's browser fetches the language the course starts in, and
/// the other only on a switch (the course pack is the largest file after the module).
pub fn build_package(
    pack: &ValidPack,
    site: &BTreeMap<String, Vec<u8>>,
    options: &PackageOptions,
) -> Result<LmsPackage, PackageError> {
    check_course(pack)?;
    let iri = course_iri(pack, options.iri.as_deref())?;
    let center_url = clean(options.center_url.as_deref());
    if let Some(url) = center_url.filter(|url| !is_safe_href(url)) {
        return Err(PackageError::BadCenterUrl(url.to_string()));
    }
    let mut files: Vec<(String, Vec<u8>)> = Vec::new();
    for name in SITE_FILES {
        let bytes = site.get(name).ok_or(PackageError::MissingSiteFile(name))?;
        files.push((name.to_string(), bytes.clone()));
    }
    for (name, bytes) in language_files(pack)? {
        // Its gzip copy beside it, as `scripts/build.sh` writes one beside the site's: on an
        // LMS that sends files as they are, `kizuki.js` takes the copy (a fifth of the bytes).
        let packed = gzip(&bytes);
        files.push((name.clone(), bytes));
        files.push((format!("{name}.gz"), packed));
    }
    files.push((
        "index.html".to_string(),
        launch_page(pack, &iri, options).into_bytes(),
    ));
    match options.standard {
        LmsStandard::Scorm12 => {
            for (name, bytes) in SCORM12_SCHEMAS {
                files.push((name.to_string(), bytes.to_vec()));
            }
            let names: Vec<&str> = files.iter().map(|(name, _)| name.as_str()).collect();
            let manifest = scorm12_manifest(pack, options.lang, &names);
            files.insert(0, ("imsmanifest.xml".to_string(), manifest.into_bytes()));
        }
        LmsStandard::Cmi5 => {
            let structure = cmi5_structure(pack, &iri);
            files.insert(0, ("cmi5.xml".to_string(), structure.into_bytes()));
        }
    }
    Ok(LmsPackage {
        files,
        file_name: format!("{}-{}.zip", pack.pack().id, options.standard.name()),
    })
}

/// The pack's one-language files as the package carries them: `content/<id>.<lang>.json`,
/// [`ValidPack::language_file`], the bytes `kizuki pack split` writes for the site.
pub fn language_files(pack: &ValidPack) -> Result<Vec<(String, Vec<u8>)>, PackageError> {
    Lang::ALL
        .into_iter()
        .map(|lang| {
            let bytes = pack
                .language_file(lang)
                .map_err(|_| PackageError::LanguageFile(lang))?;
            Ok((
                format!("content/{}.{}.json", pack.pack().id, lang.code()),
                bytes,
            ))
        })
        .collect()
}

/// `bytes` as a gzip file (RFC 1952): one deflate stream (miniz_oxide, level 9), no name and
/// no time in the header, so the same bytes give the same file everywhere.
pub fn gzip(bytes: &[u8]) -> Vec<u8> {
    // ID1 ID2, deflate, no flags, no time, maximum compression, OS unknown.
    let mut out = vec![0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 2, 255];
    out.extend(miniz_oxide::deflate::compress_to_vec(bytes, 9));
    out.extend(crate::document::crc32(bytes).to_le_bytes());
    // ISIZE: the length modulo 2^32 (a pack is far below it: `MAX_PACK_BYTES`).
    out.extend((bytes.len() as u32).to_le_bytes());
    out
}

/// Whether a package can be made of `pack`: a course, with both languages (not one of the
/// one-language files the site serves). The embed guide's button asks before it offers to build.
pub fn check_course(pack: &ValidPack) -> Result<(), PackageError> {
    if pack.content::<Course>().is_none() {
        return Err(PackageError::NotACourse(pack.pack().kit.kind_name()));
    }
    match pack.pack().lang {
        Some(lang) => Err(PackageError::OneLanguage(lang)),
        None => Ok(()),
    }
}

/// A trimmed, non-empty option.
fn clean(value: Option<&str>) -> Option<&str> {
    value.map(str::trim).filter(|v| !v.is_empty())
}

/// The course's IRI (cmi5 course id; the AU is `<IRI>/au`): the one given (http(s) or
/// `urn:`, without a trailing `/`), else `urn:kizuki:course:<pack id>`.
pub fn course_iri(pack: &ValidPack, given: Option<&str>) -> Result<String, PackageError> {
    match clean(given) {
        Some(iri) => {
            let ok = (is_safe_href(iri) || iri.starts_with("urn:"))
                && !iri.contains(char::is_whitespace)
                && !iri.contains(['<', '>', '"', '\'', '&']);
            if ok {
                Ok(iri.trim_end_matches('/').to_string())
            } else {
                Err(PackageError::BadIri(iri.to_string()))
            }
        }
        None => Ok(format!("urn:kizuki:course:{}", pack.pack().id)),
    }
}

/// Escapes text for XML and HTML content and attribute values: the core's HTML escaping,
/// after dropping the control characters XML 1.0 does not allow (tab and line feed stay).
pub fn escape(text: &str) -> String {
    let allowed: String = text
        .chars()
        .filter(|&c| !c.is_control() || c == '\n' || c == '\t')
        .collect();
    crate::report::escape_html(&allowed)
}

/// The launch page: no words of its own (the widget shows its loading line and every
/// message) and no inline style or script, so a strict Content-Security-Policy works;
/// `lms.js` reads the `data-` attributes (`data-pack`: the pack's id, whose files are
/// `content/<id>.<lang>.json` beside `kizuki.js`).
pub fn launch_page(pack: &ValidPack, iri: &str, options: &PackageOptions) -> String {
    let mut data = format!(
        r#"data-standard="{}" data-lang="{}" data-pack="{}" data-course-iri="{}""#,
        options.standard.name(),
        options.lang.code(),
        escape(&pack.pack().id),
        escape(iri)
    );
    for (attribute, value) in [
        ("data-center-name", &options.center_name),
        ("data-center-phone", &options.center_phone),
        ("data-center-url", &options.center_url),
    ] {
        if let Some(value) = clean(value.as_deref()) {
            let _ = write!(data, r#" {attribute}="{}""#, escape(value));
        }
    }
    format!(
        r#"<!doctype html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<link rel="icon" href="data:,">
</head>
<body>
<main id="kizuki-course" {data}></main>
<script type="module" src="lms.js"></script>
</body>
</html>
"#,
        lang = options.lang.code(),
        title = escape(pack.pack().title.get(options.lang)),
    )
}

/// An XML ID (NCName) from a pack id: letters, digits, `.`, `-`, `_`, after a prefix.
fn xml_id(prefix: &str, id: &str) -> String {
    let cleaned: String = id
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_') {
                c
            } else {
                '_'
            }
        })
        .collect();
    format!("{prefix}-{cleaned}")
}

/// `imsmanifest.xml` for SCORM 1.2: one organization with one item, the course as one SCO
/// launched at `index.html`, every file of the package (`files`, the manifest aside) listed.
pub fn scorm12_manifest(pack: &ValidPack, lang: Lang, files: &[&str]) -> String {
    let p = pack.pack();
    let title = escape(p.title.get(lang));
    let mut listed = String::new();
    for name in files {
        let _ = writeln!(listed, r#"      <file href="{}"/>"#, escape(name));
    }
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="{manifest_id}" version="{version}"
          xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
          xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"
          xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
          xsi:schemaLocation="http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>1.2</schemaversion>
  </metadata>
  <organizations default="{org_id}">
    <organization identifier="{org_id}">
      <title>{title}</title>
      <item identifier="{item_id}" identifierref="{resource_id}" isvisible="true">
        <title>{title}</title>
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="{resource_id}" type="webcontent" adlcp:scormtype="sco" href="index.html">
{listed}    </resource>
  </resources>
</manifest>
"#,
        manifest_id = xml_id("kizuki", &format!("{}-{}", p.id, p.version)),
        version = escape(&p.version),
        org_id = xml_id("org", &p.id),
        item_id = xml_id("item", &p.id),
        resource_id = xml_id("sco", &p.id),
    )
}

/// `cmi5.xml`: the course and one AU (`<IRI>/au`, launched at `index.html`, moving on when
/// completed and passed), titles and descriptions in Japanese and English.
pub fn cmi5_structure(pack: &ValidPack, iri: &str) -> String {
    let p = pack.pack();
    let text = |t: &Text| {
        let mut out = format!(r#"<langstring lang="ja-JP">{}</langstring>"#, escape(&t.ja));
        if let Some(en) = t.en.as_deref().filter(|en| !en.trim().is_empty()) {
            let _ = write!(
                out,
                r#"<langstring lang="en-US">{}</langstring>"#,
                escape(en)
            );
        }
        out
    };
    let title = text(&p.title);
    let description = text(&p.description);
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<courseStructure xmlns="https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd">
  <course id="{iri}">
    <title>{title}</title>
    <description>{description}</description>
  </course>
  <au id="{iri}/au" moveOn="CompletedAndPassed" launchMethod="AnyWindow">
    <title>{title}</title>
    <description>{description}</description>
    <url>index.html</url>
  </au>
</courseStructure>
"#,
        iri = escape(iri),
    )
}
