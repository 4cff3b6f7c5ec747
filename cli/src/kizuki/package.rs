//! `kizuki package`: the course as a SCORM 1.2 or cmi5 package (a zip to upload to an LMS).
//!
//! The zip holds the manifest (`imsmanifest.xml` with the SCORM 1.2 schema files beside
//! it, or `cmi5.xml`), `index.html` (the launch page: it names the standard, language,
//! pack and center for `lms.js`), `lms.js`, `kizuki.js`, `kizuki.css`, the course's wasm
//! module and glue (`pkg/`) and the pack (`content/<pack id>.json`), all from a built
//! `dist/`. The whole course is one SCO / one AU (see `kizuki_core::lms`). The zip is
//! written beside the output and renamed into place, so a failed run leaves no half file;
//! an existing file is replaced only with `--force`.

use std::fmt::Write as _;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result};
use kizuki_core::kind::course::Course;
use kizuki_core::{Lang, ValidPack};

use crate::input::{load_valid_pack, usage};

/// Which LMS standard to package for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Standard {
    /// SCORM 1.2 (`imsmanifest.xml`).
    Scorm12,
    /// cmi5 (`cmi5.xml`).
    Cmi5,
}

impl Standard {
    fn name(self) -> &'static str {
        match self {
            Standard::Scorm12 => "scorm12",
            Standard::Cmi5 => "cmi5",
        }
    }
}

/// What `kizuki package` was given.
pub struct PackageArgs<'a> {
    pub standard: Standard,
    pub dist: &'a Path,
    pub pack: Option<&'a Path>,
    pub out: &'a Path,
    pub lang: Lang,
    pub iri: Option<&'a str>,
    pub center_name: Option<&'a str>,
    pub center_phone: Option<&'a str>,
    pub center_url: Option<&'a str>,
    pub force: bool,
}

/// The built files every package carries, from `dist/`, and their names in the zip. The
/// course's module is the one with the LMS runtime (`course_lms`, built by
/// `scripts/build.sh` with the `lms` feature; the plain course widget has none), under the
/// plain module's name, which `kizuki.js` loads for the course.
const DIST_FILES: [(&str, &str); 5] = [
    ("kizuki.js", "kizuki.js"),
    ("kizuki.css", "kizuki.css"),
    ("lms.js", "lms.js"),
    ("pkg/kizuki_course_lms.js", "pkg/kizuki_course.js"),
    ("pkg/kizuki_course_lms_bg.wasm", "pkg/kizuki_course_bg.wasm"),
];

/// The SCORM 1.2 schema files (ADL CP 1.1 + adlcp_rootv1p2), placed at the package's root
/// as SCORM 1.2 packages carry them (`cli/schema/SOURCES.md` says where they come from).
pub const SCORM12_SCHEMAS: [(&str, &[u8]); 4] = [
    (
        "imscp_rootv1p1p2.xsd",
        include_bytes!("../../schema/scorm12/imscp_rootv1p1p2.xsd"),
    ),
    (
        "adlcp_rootv1p2.xsd",
        include_bytes!("../../schema/scorm12/adlcp_rootv1p2.xsd"),
    ),
    (
        "imsmd_rootv1p2p1.xsd",
        include_bytes!("../../schema/scorm12/imsmd_rootv1p2p1.xsd"),
    ),
    (
        "ims_xml.xsd",
        include_bytes!("../../schema/scorm12/ims_xml.xsd"),
    ),
];

/// Builds the package.
pub fn package(args: &PackageArgs<'_>) -> Result<ExitCode> {
    let pack_path = args.pack.map_or_else(
        || args.dist.join("content/linecare.json"),
        Path::to_path_buf,
    );
    let pack = load_valid_pack(&pack_path)?;
    if pack.content::<Course>().is_none() {
        return Err(usage(format!(
            "a package needs a course pack; {} is a {}",
            pack_path.display(),
            pack.pack().kit.kind_name()
        )));
    }
    if args.out.exists() && !args.force {
        return Err(usage(format!(
            "{} exists: pass --force to replace it",
            args.out.display()
        )));
    }
    let mut files: Vec<(String, Vec<u8>)> = Vec::new();
    for (from, name) in DIST_FILES {
        let path = args.dist.join(from);
        let bytes = std::fs::read(&path).with_context(|| {
            format!(
                "cannot read {}: build the site first (scripts/build.sh), or give --dist",
                path.display()
            )
        })?;
        files.push((name.to_string(), bytes));
    }
    let pack_file = format!("content/{}.json", pack.pack().id);
    files.push((pack_file.clone(), crate::input::read(&pack_path)?));
    let iri = course_iri(&pack, args.iri)?;
    files.push((
        "index.html".to_string(),
        launch_page(args, &pack, &pack_file, &iri).into_bytes(),
    ));
    match args.standard {
        Standard::Scorm12 => {
            for (name, bytes) in SCORM12_SCHEMAS {
                files.push((name.to_string(), bytes.to_vec()));
            }
            let manifest = scorm12_manifest(&pack, args.lang, &files);
            files.insert(0, ("imsmanifest.xml".to_string(), manifest.into_bytes()));
        }
        Standard::Cmi5 => {
            let structure = cmi5_structure(&pack, &iri);
            files.insert(0, ("cmi5.xml".to_string(), structure.into_bytes()));
        }
    }
    write_zip(args.out, &files)?;
    let size = std::fs::metadata(args.out).map(|m| m.len()).unwrap_or(0);
    eprintln!(
        "kizuki: wrote {} ({} package of {} {}, {} files, {} KB; launch file index.html)",
        args.out.display(),
        match args.standard {
            Standard::Scorm12 => "SCORM 1.2",
            Standard::Cmi5 => "cmi5",
        },
        pack.pack().id,
        pack.pack().version,
        files.len(),
        size.div_ceil(1024)
    );
    Ok(ExitCode::SUCCESS)
}

/// The course's IRI (cmi5 course id; the AU is `<IRI>/au`): the one given (http(s) or
/// urn:), else `urn:kizuki:course:<pack id>`.
fn course_iri(pack: &ValidPack, given: Option<&str>) -> Result<String> {
    match given.map(str::trim) {
        Some(iri) => {
            let ok = (kizuki_core::text::is_safe_href(iri) || iri.starts_with("urn:"))
                && !iri.contains(char::is_whitespace)
                && !iri.contains(['<', '>', '"', '\'', '&']);
            if ok {
                Ok(iri.trim_end_matches('/').to_string())
            } else {
                Err(usage(format!(
                    "--iri must be an http(s) or urn: address without spaces or quotes (got `{iri}`)"
                )))
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
    kizuki_core::report::escape_html(&allowed)
}

/// The launch page: no words of its own (the widget shows its loading line and every
/// message) and no inline style or script, so a strict Content-Security-Policy works;
/// `lms.js` reads the `data-` attributes.
fn launch_page(args: &PackageArgs<'_>, pack: &ValidPack, pack_file: &str, iri: &str) -> String {
    let mut data = format!(
        r#"data-standard="{}" data-lang="{}" data-pack="{}" data-course-iri="{}""#,
        args.standard.name(),
        args.lang.code(),
        escape(pack_file),
        escape(iri)
    );
    for (attribute, value) in [
        ("data-center-name", args.center_name),
        ("data-center-phone", args.center_phone),
        ("data-center-url", args.center_url),
    ] {
        if let Some(value) = value.filter(|v| !v.trim().is_empty()) {
            let _ = write!(data, r#" {attribute}="{}""#, escape(value.trim()));
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
        lang = args.lang.code(),
        title = escape(pack.pack().title.get(args.lang)),
    )
}

/// An XML ID (NCName) from a pack id: letters, digits, `.`, `-`, `_`, starting `kizuki-`.
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
/// launched at `index.html`, every file of the package listed.
pub fn scorm12_manifest(pack: &ValidPack, lang: Lang, files: &[(String, Vec<u8>)]) -> String {
    let p = pack.pack();
    let title = escape(p.title.get(lang));
    let mut listed = String::new();
    for (name, _) in files {
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
    let text = |t: &kizuki_core::text::Text| {
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

/// Writes the zip beside `out` and renames it into place.
fn write_zip(out: &Path, files: &[(String, Vec<u8>)]) -> Result<()> {
    let partial: PathBuf = {
        let mut name = out.file_name().unwrap_or_default().to_os_string();
        name.push(".partial");
        out.with_file_name(name)
    };
    let result = (|| -> Result<()> {
        let file = std::fs::File::create(&partial)
            .with_context(|| format!("cannot write {}", partial.display()))?;
        let mut zip = zip::ZipWriter::new(file);
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated)
            .last_modified_time(zip::DateTime::default());
        for (name, bytes) in files {
            zip.start_file(name.as_str(), options)?;
            zip.write_all(bytes)?;
        }
        zip.finish()?;
        Ok(())
    })();
    match result {
        Ok(()) => std::fs::rename(&partial, out)
            .with_context(|| format!("cannot move the package to {}", out.display())),
        Err(error) => {
            let _ = std::fs::remove_file(&partial);
            Err(error)
        }
    }
}
