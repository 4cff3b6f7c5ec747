//! `kizuki package`: the course as a SCORM 1.2 or cmi5 package (a zip to upload to an LMS).
//!
//! What the package holds is decided by the core (`kizuki_core::lms_package`, the same code
//! the embed guide's button runs in the browser, so both give the same bytes): the
//! manifest (`imsmanifest.xml` with the SCORM 1.2 schema files beside it, or `cmi5.xml`),
//! `index.html` (the launch page: it names the standard, language, pack and center for
//! `lms.js`), `lms.js`, `kizuki.js`, `kizuki-course.css`, the course's wasm module, its gzip
//! copy and glue (`pkg/`) and the pack's one-language files (`content/<pack id>.<lang>.json`,
//! as `kizuki pack split` writes the site's). This command reads the files from a
//! built `dist/` and writes the zip (entries deflated where that is smaller) beside the output, then renames it into
//! place, so a failed run leaves no half file; an existing file is replaced only with
//! `--force`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result};
use kizuki_core::lms_package::{
    build_package, built_file, LmsStandard, PackageOptions, SITE_FILES,
};
use kizuki_core::Lang;

use crate::input::{load_valid_pack, usage};

/// What `kizuki package` was given.
pub struct PackageArgs<'a> {
    pub standard: LmsStandard,
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

/// Builds the package.
pub fn package(args: &PackageArgs<'_>) -> Result<ExitCode> {
    let pack_path = args.pack.map_or_else(
        || args.dist.join("content/linecare.json"),
        Path::to_path_buf,
    );
    let pack = load_valid_pack(&pack_path)?;
    if args.out.exists() && !args.force {
        return Err(usage(format!(
            "{} exists: pass --force to replace it",
            args.out.display()
        )));
    }
    let mut site = BTreeMap::new();
    for name in SITE_FILES {
        let path = args.dist.join(built_file(name));
        let bytes = std::fs::read(&path).with_context(|| {
            format!(
                "cannot read {}: build the site first (scripts/build.sh), or give --dist",
                path.display()
            )
        })?;
        site.insert(name.to_string(), bytes);
    }
    let options = PackageOptions {
        standard: args.standard,
        lang: args.lang,
        iri: args.iri.map(str::to_string),
        center_name: args.center_name.map(str::to_string),
        center_phone: args.center_phone.map(str::to_string),
        center_url: args.center_url.map(str::to_string),
    };
    let built = build_package(&pack, &site, &options)
        .map_err(|error| usage(format!("{} ({})", error, pack_path.display())))?;
    let zip = built.zip();
    write_atomically(args.out, &zip)?;
    eprintln!(
        "kizuki: wrote {} ({} package of {} {}, {} files, {} KB; launch file index.html)",
        args.out.display(),
        match args.standard {
            LmsStandard::Scorm12 => "SCORM 1.2",
            LmsStandard::Cmi5 => "cmi5",
        },
        pack.pack().id,
        pack.pack().version,
        built.files.len(),
        zip.len().div_ceil(1024)
    );
    Ok(ExitCode::SUCCESS)
}

/// Writes `bytes` beside `out` and renames the file into place.
fn write_atomically(out: &Path, bytes: &[u8]) -> Result<()> {
    let partial: PathBuf = {
        let mut name = out.file_name().unwrap_or_default().to_os_string();
        name.push(".partial");
        out.with_file_name(name)
    };
    let written = std::fs::write(&partial, bytes)
        .with_context(|| format!("cannot write {}", partial.display()));
    match written {
        Ok(()) => std::fs::rename(&partial, out)
            .with_context(|| format!("cannot move the package to {}", out.display())),
        Err(error) => {
            let _ = std::fs::remove_file(&partial);
            Err(error)
        }
    }
}
