//! The LMS package the CLI and the embed guide's button both build (`lms_package`): its
//! manifests and launch page as golden files, its file list, the zip's bytes, and every
//! refusal.

use std::collections::BTreeMap;
use std::io::Read as _;

use kizuki_core::kind::course::Course;
use kizuki_core::lms_package::{
    build_package, escape, LmsStandard, PackageError, PackageOptions, SCORM12_SCHEMAS, SITE_FILES,
};
use kizuki_core::{load_pack, Lang, ValidPack};

use crate::golden::{check, data_dir};
use crate::repo_root;

/// Stand-ins for the built site's files (the package carries them as they are). The gzip
/// copy's stand-in would deflate well, so that the zip storing it as it is shows the rule.
fn site() -> BTreeMap<String, Vec<u8>> {
    SITE_FILES
        .iter()
        .map(|name| {
            let text = if name.ends_with(".gz") {
                format!("/* {name} */").repeat(100)
            } else {
                format!("/* {name} */")
            };
            (name.to_string(), text.into_bytes())
        })
        .collect()
}

fn course_pack() -> ValidPack {
    let bytes = std::fs::read(data_dir("course").join("pack.json")).unwrap();
    load_pack(&bytes).unwrap()
}

fn text(files: &[(String, Vec<u8>)], name: &str) -> String {
    let (_, bytes) = files
        .iter()
        .find(|(n, _)| n == name)
        .unwrap_or_else(|| panic!("{name} is not in the package"));
    String::from_utf8(bytes.clone()).unwrap()
}

#[test]
fn the_scorm12_manifest_and_launch_page_match_their_golden_files() {
    let pack = course_pack();
    let options = PackageOptions {
        center_name: Some("  ○○産業保健総合支援センター <b>&\u{7}  ".into()),
        center_phone: Some("000-000-0000".into()),
        center_url: Some("https://www.example.jp/".into()),
        ..PackageOptions::new(LmsStandard::Scorm12, Lang::Ja)
    };
    let package = build_package(&pack, &site(), &options).unwrap();
    let names: Vec<&str> = package.files.iter().map(|(n, _)| n.as_str()).collect();
    let id = &pack.pack().id;
    let (ja_file, en_file) = (
        format!("content/{id}.ja.json"),
        format!("content/{id}.en.json"),
    );
    let mut expected = vec!["imsmanifest.xml"];
    expected.extend(SITE_FILES);
    let (ja_gz, en_gz) = (format!("{ja_file}.gz"), format!("{en_file}.gz"));
    expected.extend([
        ja_file.as_str(),
        ja_gz.as_str(),
        en_file.as_str(),
        en_gz.as_str(),
        "index.html",
    ]);
    expected.extend(SCORM12_SCHEMAS.iter().map(|(name, _)| *name));
    assert_eq!(names, expected);
    assert_eq!(package.file_name, format!("{id}-scorm12.zip"));
    // One file per language, as the site ships its packs: each a valid pack of that language
    // only, the same course (id, version, lessons) as the pack given.
    for (file, lang, other) in [
        (&ja_file, Lang::Ja, Lang::En),
        (&en_file, Lang::En, Lang::Ja),
    ] {
        let read = load_pack(text(&package.files, file).as_bytes()).unwrap();
        assert_eq!(read.pack().lang, Some(lang), "{file}");
        assert!(
            read.pack().serves(lang) && !read.pack().serves(other),
            "{file}"
        );
        assert_eq!(
            (&read.pack().id, &read.pack().version),
            (id, &pack.pack().version)
        );
        assert_eq!(
            read.pack().title.get(lang),
            pack.pack().title.get(lang),
            "{file}"
        );
        let modules = |pack: &ValidPack| -> Vec<String> {
            let course = pack.content::<Course>().unwrap();
            course
                .modules
                .iter()
                .map(|module| module.id.clone())
                .collect()
        };
        assert_eq!(modules(&read), modules(&pack), "{file}: the same modules");
    }
    // Each with its gzip copy (for an LMS that sends files as they are): a gzip file that
    // unpacks, by flate2's gzip reader (its own framing checks: header, CRC-32, length), to
    // the file it stands beside, and much smaller. (Info-ZIP and node's zlib read them in the
    // browser tests.)
    for (file, copy) in [(&ja_file, &ja_gz), (&en_file, &en_gz)] {
        let packed = &package.files.iter().find(|(n, _)| n == copy).unwrap().1;
        let mut unpacked = Vec::new();
        flate2::read::GzDecoder::new(packed.as_slice())
            .read_to_end(&mut unpacked)
            .unwrap();
        assert_eq!(unpacked, text(&package.files, file).into_bytes(), "{copy}");
        assert!(
            packed.len() * 2 < unpacked.len(),
            "{copy}: {} bytes",
            packed.len()
        );
    }
    // The Japanese file has no English in it (the learner fetches only the language shown).
    let en_title = pack.pack().title.get(Lang::En);
    assert_ne!(en_title, pack.pack().title.get(Lang::Ja));
    assert!(!text(&package.files, &ja_file).contains(en_title));
    assert!(text(&package.files, &en_file).contains(en_title));
    let dir = data_dir("course");
    check(
        &dir.join("package.expected.imsmanifest.xml"),
        &text(&package.files, "imsmanifest.xml"),
    );
    let page = text(&package.files, "index.html");
    check(&dir.join("package.expected.scorm12.index.html"), &page);
    assert!(
        page.contains(r#"data-center-name="○○産業保健総合支援センター &lt;b&gt;&amp;""#),
        "trimmed, escaped, the control character dropped: {page}"
    );
}

#[test]
fn the_cmi5_structure_matches_its_golden_file() {
    let pack = course_pack();
    let options = PackageOptions {
        iri: Some(" https://center.example.jp/kizuki/course/ ".into()),
        ..PackageOptions::new(LmsStandard::Cmi5, Lang::En)
    };
    let package = build_package(&pack, &site(), &options).unwrap();
    assert_eq!(package.files[0].0, "cmi5.xml");
    assert!(!package.files.iter().any(|(n, _)| n.ends_with(".xsd")));
    let structure = text(&package.files, "cmi5.xml");
    check(
        &data_dir("course").join("package.expected.cmi5.xml"),
        &structure,
    );
    assert!(structure.contains(r#"<au id="https://center.example.jp/kizuki/course/au""#));
    let page = text(&package.files, "index.html");
    assert!(page.starts_with("<!doctype html>\n<html lang=\"en\">"));
    assert!(page.contains(r#"data-course-iri="https://center.example.jp/kizuki/course""#));
    // Without an IRI, the pack's id makes one.
    let package = build_package(
        &pack,
        &site(),
        &PackageOptions::new(LmsStandard::Cmi5, Lang::Ja),
    )
    .unwrap();
    let id = &pack.pack().id;
    assert!(text(&package.files, "cmi5.xml")
        .contains(&format!(r#"<course id="urn:kizuki:course:{id}">"#)));
}

#[test]
fn the_zip_holds_every_file_in_order_deflated_where_it_helps_and_is_the_same_every_time() {
    let pack = course_pack();
    let options = PackageOptions::new(LmsStandard::Scorm12, Lang::Ja);
    let package = build_package(&pack, &site(), &options).unwrap();
    let zip = package.zip();
    assert_eq!(zip, build_package(&pack, &site(), &options).unwrap().zip());
    // Every entry's local header, in order, with its name, CRC and sizes: deflated (method 8)
    // where that is smaller, the gzip copies stored (method 0); each read back to the file's
    // bytes (flate2's reader here; Info-ZIP's `unzip` in the browser tests).
    let u16_at = |at: usize| u16::from_le_bytes([zip[at], zip[at + 1]]);
    let u32_at = |at: usize| u32::from_le_bytes([zip[at], zip[at + 1], zip[at + 2], zip[at + 3]]);
    let mut at = 0;
    let mut deflated = 0;
    for (name, data) in &package.files {
        assert_eq!(&zip[at..at + 4], b"PK\x03\x04", "{name}");
        let method = u16_at(at + 8);
        let (packed_len, plain_len) = (u32_at(at + 18) as usize, u32_at(at + 22) as usize);
        assert_eq!(plain_len, data.len(), "{name}");
        let name_len = usize::from(u16_at(at + 26));
        assert_eq!(&zip[at + 30..at + 30 + name_len], name.as_bytes());
        let start = at + 30 + name_len;
        let body = &zip[start..start + packed_len];
        let read = match method {
            0 => body.to_vec(),
            8 => {
                deflated += 1;
                assert!(
                    packed_len < data.len(),
                    "{name}: deflated only when smaller"
                );
                let mut out = Vec::new();
                flate2::read::DeflateDecoder::new(body)
                    .read_to_end(&mut out)
                    .unwrap();
                out
            }
            other => panic!("{name}: method {other}"),
        };
        assert_eq!(&read, data, "{name}");
        if name.ends_with(".gz") {
            assert_eq!(method, 0, "{name}: a gzip copy is stored as it is");
        }
        at = start + packed_len;
    }
    assert!(
        deflated >= 5,
        "the manifest, the page, the packs and the schemas are deflated"
    );
    assert_eq!(
        &zip[at..at + 4],
        b"PK\x01\x02",
        "the central directory follows"
    );
}

#[test]
fn a_package_is_refused_for_another_kind_a_missing_file_or_a_bad_address() {
    let pack = course_pack();
    let scorm = PackageOptions::new(LmsStandard::Scorm12, Lang::Ja);
    let checklist =
        load_pack(&std::fs::read(repo_root().join("content/mh-checklist.json")).unwrap()).unwrap();
    assert_eq!(
        build_package(&checklist, &site(), &scorm),
        Err(PackageError::NotACourse("checklist"))
    );
    // The site's file of one language (what it serves, content/<id>.ja.json): a package makes
    // both languages' files itself, from the pack with both.
    let japanese = ValidPack::new(pack.pack().one_language(Lang::Ja).unwrap()).unwrap();
    assert_eq!(
        build_package(&japanese, &site(), &scorm),
        Err(PackageError::OneLanguage(Lang::Ja))
    );
    let mut without_lms = site();
    without_lms.remove("lms.js");
    assert_eq!(
        build_package(&pack, &without_lms, &scorm),
        Err(PackageError::MissingSiteFile("lms.js"))
    );
    for iri in [
        "javascript:alert(1)",
        "https://a.example/x y",
        "urn:x\"",
        "center",
    ] {
        let options = PackageOptions {
            iri: Some(iri.into()),
            ..PackageOptions::new(LmsStandard::Cmi5, Lang::Ja)
        };
        assert_eq!(
            build_package(&pack, &site(), &options),
            Err(PackageError::BadIri(iri.into())),
            "{iri}"
        );
    }
    let options = PackageOptions {
        center_url: Some("javascript:alert(1)".into()),
        ..scorm.clone()
    };
    assert!(matches!(
        build_package(&pack, &site(), &options),
        Err(PackageError::BadCenterUrl(_))
    ));
    // Blank options are as good as none.
    let options = PackageOptions {
        iri: Some("  ".into()),
        center_name: Some(" ".into()),
        center_url: Some("".into()),
        ..scorm.clone()
    };
    let package = build_package(&pack, &site(), &options).unwrap();
    assert!(!text(&package.files, "index.html").contains("data-center"));
}

#[test]
fn escaping_drops_what_xml_cannot_hold() {
    assert_eq!(
        escape("a<b>&\"'\u{0}\u{1b}\tz\n"),
        "a&lt;b&gt;&amp;&quot;&#39;\tz\n"
    );
}
