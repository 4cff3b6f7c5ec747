//! The authors' commands: `validate`, `stats`, `schema`, `pack split` and `pack about`.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context as _, Result};
use kizuki_core::language_file::LanguageFileError;
use kizuki_core::{load_pack, parse_pack, Lang};

use crate::input::{emit, invalid, load_valid_pack, print_diagnostics, read};
use crate::Format;

/// Checks packs and lists every problem; exit 1 on any error.
pub fn validate(paths: &[PathBuf], format: Format) -> Result<ExitCode> {
    let mut any_error = false;
    let mut report = serde_json::Map::new();
    for path in paths {
        let bytes = read(path)?;
        let diagnostics = if is_directory(&bytes) {
            kizuki_core::directory::check_directory(&bytes)
        } else {
            match load_pack(&bytes) {
                Ok(pack) => pack.warnings().to_vec(),
                Err(diagnostics) => diagnostics,
            }
        };
        let errors = diagnostics.iter().filter(|d| d.is_error()).count();
        any_error |= errors > 0;
        match format {
            Format::Text => {
                let mut text = String::new();
                for diagnostic in &diagnostics {
                    text.push_str(&format!("{}: {diagnostic}\n", path.display()));
                }
                let warnings = diagnostics.len() - errors;
                let verdict = if errors == 0 { "ok" } else { "FAILED" };
                text.push_str(&format!(
                    "{}: {verdict} ({errors} errors, {warnings} warnings)\n",
                    path.display()
                ));
                emit(&text)?;
            }
            Format::Json => {
                report.insert(
                    path.display().to_string(),
                    serde_json::to_value(&diagnostics)?,
                );
            }
        }
    }
    if let Format::Json = format {
        emit(&format!("{}\n", serde_json::to_string_pretty(&report)?))?;
    }
    Ok(if any_error {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// Whether a file is a regional resource directory rather than a pack: a JSON object with
/// `directory_format`, a byte order mark allowed before it (anything else is checked as a
/// pack, whose errors then say what is wrong).
fn is_directory(bytes: &[u8]) -> bool {
    #[derive(serde::Deserialize)]
    struct Probe {
        directory_format: Option<serde::de::IgnoredAny>,
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    serde_json::from_slice::<Probe>(bytes).is_ok_and(|probe| probe.directory_format.is_some())
}

/// Counts what a pack holds; exit 1 when it has errors.
pub fn stats(path: &Path, format: Format) -> Result<ExitCode> {
    let pack = match parse_pack(&read(path)?) {
        Ok(pack) => pack,
        Err(diagnostics) => {
            print_diagnostics(path, &diagnostics);
            return Ok(ExitCode::from(1));
        }
    };
    let stats = kizuki_core::stats::pack_stats(&pack);
    match format {
        Format::Json => emit(&format!("{}\n", serde_json::to_string_pretty(&stats)?))?,
        Format::Text => {
            let value = serde_json::to_value(&stats)?;
            if let serde_json::Value::Object(map) = value {
                let lines: String = map
                    .iter()
                    .map(|(key, value)| format!("{key}: {value}\n"))
                    .collect();
                emit(&lines)?;
            }
        }
    }
    Ok(if stats.errors > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// Prints the pack format's JSON Schema.
pub fn schema() -> Result<ExitCode> {
    emit(&kizuki_core::schema::pack_schema_json())?;
    Ok(ExitCode::SUCCESS)
}

/// Writes, for each pack, one file per language beside it in `out`: `<id>.<lang>.json`
/// (minified), made and validated again by the core ([`kizuki_core::ValidPack::language_file`], which
/// makes an LMS package's too). A pack with errors stops the command (exit 1) before
/// anything of it is written.
pub fn pack_split(paths: &[PathBuf], out: &Path) -> Result<ExitCode> {
    let mut written = String::new();
    for path in paths {
        let pack = match load_pack(&read(path)?) {
            Ok(pack) => pack,
            Err(diagnostics) => {
                print_diagnostics(path, &diagnostics);
                return Err(invalid(format!("{} has errors: not split", path.display())));
            }
        };
        for lang in Lang::ALL {
            let bytes = pack.language_file(lang).map_err(|error| match error {
                LanguageFileError::OneLanguage => invalid(format!(
                    "{} is a file of one language already: split the bilingual pack",
                    path.display()
                )),
                LanguageFileError::Invalid(diagnostics) => {
                    print_diagnostics(path, &diagnostics);
                    invalid(format!(
                        "{}: its {} file does not validate",
                        path.display(),
                        lang.code()
                    ))
                }
            })?;
            let target = out.join(format!("{}.{}.json", pack.pack().id, lang.code()));
            std::fs::write(&target, bytes)
                .with_context(|| format!("cannot write {}", target.display()))?;
            written.push_str(&format!("{}\n", target.display()));
        }
    }
    emit(&written)?;
    Ok(ExitCode::SUCCESS)
}

/// Prints, for each pack, its about panel in every language as JSON (the core's
/// [`kizuki_core::about::About`], as the widgets show it): `scripts/build.sh` fills the
/// site's home page from it. A pack with errors stops the command (exit 1).
pub fn pack_about(paths: &[PathBuf], build: &str, report_url: &str) -> Result<ExitCode> {
    let mut all = Vec::new();
    for path in paths {
        let pack = load_valid_pack(path)?;
        let mut entry = serde_json::Map::new();
        entry.insert("id".into(), pack.pack().id.clone().into());
        for lang in Lang::ALL {
            let about = kizuki_core::about::about(pack.pack(), build, None, report_url, lang);
            entry.insert(lang.code().into(), serde_json::to_value(about)?);
        }
        all.push(serde_json::Value::Object(entry));
    }
    emit(&format!("{}\n", serde_json::to_string_pretty(&all)?))?;
    Ok(ExitCode::SUCCESS)
}
