//! `kizuki package`: the zip holds the manifest, the launch page and every file the course
//! widget needs; `imsmanifest.xml` validates against the SCORM 1.2 (IMS CP 1.1.2 + ADL CP)
//! schemas and `cmi5.xml` against the cmi5 CourseStructure.xsd, with `xmllint`.

use std::collections::BTreeMap;
use std::io::Read as _;
use std::path::{Path, PathBuf};
use std::process::Command;

use super::{code, kizuki, repo_root, stderr};

/// A scratch directory with a stand-in for a built site (the package copies its files as
/// they are, so their contents do not matter here).
fn fake_dist(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("kizuki-package-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("dist/pkg")).unwrap();
    std::fs::create_dir_all(dir.join("dist/content")).unwrap();
    for file in [
        "kizuki.js",
        "kizuki-course.css",
        "lms.js",
        "pkg/kizuki_course.js",
        "pkg/kizuki_course_lms.js",
    ] {
        std::fs::write(dir.join("dist").join(file), format!("/* {file} */")).unwrap();
    }
    // The plain course module and the one with the LMS runtime, told apart by their bytes.
    std::fs::write(
        dir.join("dist/pkg/kizuki_course_bg.wasm"),
        b"\0asm\x01\0\0\0plain",
    )
    .unwrap();
    std::fs::write(dir.join("dist/pkg/kizuki_course_lms_bg.wasm"), LMS_MODULE).unwrap();
    // Their gzip copies (scripts/build.sh writes one beside each file): stand-ins too.
    std::fs::write(dir.join("dist/pkg/kizuki_course_bg.wasm.gz"), b"plain.gz").unwrap();
    std::fs::write(
        dir.join("dist/pkg/kizuki_course_lms_bg.wasm.gz"),
        LMS_MODULE_GZ,
    )
    .unwrap();
    std::fs::copy(
        repo_root().join("content/linecare.json"),
        dir.join("dist/content/linecare.json"),
    )
    .unwrap();
    dir
}

/// The stand-in bytes of the course module with the LMS runtime.
const LMS_MODULE: &[u8] = b"\0asm\x01\0\0\0lms";
/// The stand-in bytes of that module's gzip copy.
const LMS_MODULE_GZ: &[u8] = b"\x1f\x8blms.gz";

fn unzip(path: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut archive = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    let mut files = BTreeMap::new();
    for index in 0..archive.len() {
        let mut entry = archive.by_index(index).unwrap();
        let mut bytes = Vec::new();
        entry.read_to_end(&mut bytes).unwrap();
        files.insert(entry.name().to_string(), bytes);
    }
    files
}

/// Runs `kizuki package <standard> --dist <dir>/dist -o <dir>/<zip> <extra…>`, checks that it
/// succeeded, and returns the zip's files by name.
fn package(dir: &Path, standard: &str, zip: &str, extra: &[&str]) -> BTreeMap<String, Vec<u8>> {
    let out = dir.join(zip);
    let dist = dir.join("dist");
    let mut args = vec![
        "package",
        standard,
        "--dist",
        dist.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ];
    args.extend_from_slice(extra);
    let output = kizuki(&args);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    unzip(&out)
}

/// `xmllint --noout --schema <schema> <document>`: (passed, what it said).
fn xmllint(schema: &Path, document: &Path) -> (bool, String) {
    let output = Command::new("xmllint")
        .arg("--noout")
        .arg("--schema")
        .arg(schema)
        .arg(document)
        .output()
        .expect("xmllint runs (apt libxml2-utils: scripts/toolchain.sh installs it)");
    (
        output.status.success(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

fn text(files: &BTreeMap<String, Vec<u8>>, name: &str) -> String {
    String::from_utf8(files[name].clone()).unwrap()
}

#[test]
fn a_scorm12_package_lists_every_file_and_its_manifest_validates() {
    let dir = fake_dist("scorm12");
    let files = package(
        &dir,
        "--scorm12",
        "course-scorm12.zip",
        &["--center-name", "東京産業保健総合支援センター <test>"],
    );
    let names: Vec<&str> = files.keys().map(String::as_str).collect();
    assert_eq!(
        names,
        [
            "adlcp_rootv1p2.xsd",
            "content/linecare.en.json",
            "content/linecare.en.json.gz",
            "content/linecare.ja.json",
            "content/linecare.ja.json.gz",
            "ims_xml.xsd",
            "imscp_rootv1p1p2.xsd",
            "imsmanifest.xml",
            "imsmd_rootv1p2p1.xsd",
            "index.html",
            "kizuki-course.css",
            "kizuki.js",
            "lms.js",
            "pkg/kizuki_course.js",
            "pkg/kizuki_course_bg.wasm",
            "pkg/kizuki_course_bg.wasm.gz",
        ]
    );
    // The pack's one-language files are the ones the site ships (`kizuki pack split`, as
    // scripts/build.sh runs it), byte for byte.
    let split = dir.join("split");
    std::fs::create_dir_all(&split).unwrap();
    let output = kizuki(&[
        "pack",
        "split",
        dir.join("dist/content/linecare.json").to_str().unwrap(),
        "--out",
        split.to_str().unwrap(),
    ]);
    assert!(output.status.success(), "{output:?}");
    for lang in ["ja", "en"] {
        let file = format!("linecare.{lang}.json");
        assert_eq!(
            files[&format!("content/{file}")],
            std::fs::read(split.join(&file)).unwrap(),
            "{file}"
        );
    }
    // The course module is the one with the LMS runtime, under the name kizuki.js loads.
    assert_eq!(files["pkg/kizuki_course_bg.wasm"], LMS_MODULE);
    assert_eq!(files["pkg/kizuki_course_bg.wasm.gz"], LMS_MODULE_GZ);
    assert_eq!(
        files["pkg/kizuki_course.js"],
        b"/* pkg/kizuki_course_lms.js */"
    );
    let manifest = text(&files, "imsmanifest.xml");
    assert!(manifest.contains("<schemaversion>1.2</schemaversion>"));
    assert!(manifest.contains(r#"adlcp:scormtype="sco" href="index.html""#));
    for name in names.iter().filter(|n| **n != "imsmanifest.xml") {
        assert!(
            manifest.contains(&format!(r#"<file href="{name}"/>"#)),
            "{name} is not listed"
        );
    }
    let page = text(&files, "index.html");
    assert!(page.contains(r#"data-standard="scorm12""#));
    assert!(page.contains(r#"data-pack="linecare""#));
    assert!(
        page.contains("東京産業保健総合支援センター &lt;test&gt;"),
        "{page}"
    );
    assert!(page.contains(r#"<script type="module" src="lms.js"></script>"#));

    // Against the schemas, through a driver that imports IMS CP 1.1.2 and ADL CP 1.2
    // (xmllint takes one schema; the manifest uses both namespaces).
    let unpacked = dir.join("unpacked");
    std::fs::create_dir_all(&unpacked).unwrap();
    for (name, bytes) in &files {
        if name.ends_with(".xml") || name.ends_with(".xsd") {
            std::fs::write(unpacked.join(name), bytes).unwrap();
        }
    }
    let driver = unpacked.join("validate.xsd");
    std::fs::copy(repo_root().join("cli/schema/scorm12-validate.xsd"), &driver).unwrap();
    let (valid, said) = xmllint(&driver, &unpacked.join("imsmanifest.xml"));
    assert!(valid, "{said}");
    // The check can fail: a manifest without its resources does not validate.
    let broken = manifest
        .replace("<resources>", "<resourcez>")
        .replace("</resources>", "</resourcez>");
    std::fs::write(unpacked.join("broken.xml"), broken).unwrap();
    let (valid, _) = xmllint(&driver, &unpacked.join("broken.xml"));
    assert!(!valid);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_cmi5_package_has_one_au_and_its_cmi5_xml_validates() {
    let dir = fake_dist("cmi5");
    let files = package(
        &dir,
        "--cmi5",
        "course-cmi5.zip",
        &[
            "--iri",
            "https://center.example.jp/kizuki/linecare/",
            "--lang",
            "en",
        ],
    );
    assert!(files.contains_key("cmi5.xml"));
    assert!(!files.contains_key("imsmanifest.xml"));
    let structure = text(&files, "cmi5.xml");
    assert!(structure.contains(r#"<course id="https://center.example.jp/kizuki/linecare">"#));
    assert_eq!(structure.matches("<au ").count(), 1);
    assert!(structure.contains(
        r#"<au id="https://center.example.jp/kizuki/linecare/au" moveOn="CompletedAndPassed""#
    ));
    assert!(structure.contains("<url>index.html</url>"));
    let page = text(&files, "index.html");
    assert!(page.contains(r#"<html lang="en">"#));
    assert!(page.contains(r#"data-standard="cmi5""#));
    assert!(page.contains(r#"data-course-iri="https://center.example.jp/kizuki/linecare""#));

    let document = dir.join("cmi5.xml");
    std::fs::write(&document, &structure).unwrap();
    let schema = repo_root().join("cli/schema/cmi5/CourseStructure.xsd");
    let (valid, said) = xmllint(&schema, &document);
    assert!(valid, "{said}");
    let broken = dir.join("broken.xml");
    std::fs::write(
        &broken,
        structure.replace(r#" moveOn="CompletedAndPassed""#, r#" moveOn="Whenever""#),
    )
    .unwrap();
    assert!(
        !xmllint(&schema, &broken).0,
        "a bad moveOn fails the schema"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_package_is_refused_without_a_built_site_a_course_or_leave_to_replace() {
    let dir = fake_dist("refused");
    let dist = dir.join("dist");
    let zip = dir.join("out.zip");
    // Not a course.
    let output = kizuki(&[
        "package",
        "--scorm12",
        "--dist",
        dist.to_str().unwrap(),
        "--pack",
        repo_root()
            .join("content/mh-checklist.json")
            .to_str()
            .unwrap(),
        "-o",
        zip.to_str().unwrap(),
    ]);
    assert_eq!(code(&output), 2);
    assert!(
        stderr(&output).contains("needs a course pack"),
        "{}",
        stderr(&output)
    );
    // Neither or both standards.
    let output = kizuki(&[
        "package",
        "--dist",
        dist.to_str().unwrap(),
        "-o",
        zip.to_str().unwrap(),
    ]);
    assert_eq!(code(&output), 2);
    let output = kizuki(&[
        "package",
        "--scorm12",
        "--cmi5",
        "--dist",
        dist.to_str().unwrap(),
        "-o",
        zip.to_str().unwrap(),
    ]);
    assert_eq!(code(&output), 2);
    // An existing file is kept unless --force.
    std::fs::write(&zip, b"keep me").unwrap();
    let output = kizuki(&[
        "package",
        "--scorm12",
        "--dist",
        dist.to_str().unwrap(),
        "-o",
        zip.to_str().unwrap(),
    ]);
    assert_eq!(code(&output), 2);
    assert!(stderr(&output).contains("--force"));
    assert_eq!(std::fs::read(&zip).unwrap(), b"keep me");
    // A site not built: says how to build it, and writes nothing.
    std::fs::remove_file(dist.join("lms.js")).unwrap();
    let output = kizuki(&[
        "package",
        "--scorm12",
        "--dist",
        dist.to_str().unwrap(),
        "-o",
        zip.to_str().unwrap(),
        "--force",
    ]);
    assert_eq!(code(&output), 2);
    assert!(
        stderr(&output).contains("scripts/build.sh"),
        "{}",
        stderr(&output)
    );
    assert_eq!(std::fs::read(&zip).unwrap(), b"keep me");
    assert!(!dir.join("out.zip.partial").exists());
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_cli_writes_the_cores_package_byte_for_byte_every_time() {
    use kizuki_core::lms_package::{
        build_package, built_file, LmsStandard, PackageOptions, SITE_FILES,
    };
    let dir = fake_dist("same");
    let dist = dir.join("dist");
    for zip in ["a.zip", "b.zip"] {
        package(&dir, "--scorm12", zip, &["--center-name", "センター"]);
    }
    let written = std::fs::read(dir.join("a.zip")).unwrap();
    assert_eq!(written, std::fs::read(dir.join("b.zip")).unwrap());
    // What the embed guide's button builds from the same files (kizuki_core::lms_package).
    let pack = kizuki_core::load_pack(&std::fs::read(dist.join("content/linecare.json")).unwrap())
        .unwrap();
    let site = SITE_FILES
        .iter()
        .map(|name| {
            let bytes = std::fs::read(dist.join(built_file(name))).unwrap();
            (name.to_string(), bytes)
        })
        .collect();
    let options = PackageOptions {
        center_name: Some("センター".into()),
        ..PackageOptions::new(LmsStandard::Scorm12, kizuki_core::Lang::Ja)
    };
    let core = build_package(&pack, &site, &options).unwrap();
    assert_eq!(written, core.zip());
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_center_address_that_is_not_http_is_refused_before_anything_is_written() {
    let dir = fake_dist("bad-url");
    let zip = dir.join("out.zip");
    let output = kizuki(&[
        "package",
        "--scorm12",
        "--dist",
        dir.join("dist").to_str().unwrap(),
        "-o",
        zip.to_str().unwrap(),
        "--center-url",
        "javascript:alert(1)",
    ]);
    assert_eq!(code(&output), 2);
    assert!(stderr(&output).contains("http://"), "{}", stderr(&output));
    assert!(!zip.exists());
    let _ = std::fs::remove_dir_all(&dir);
}
