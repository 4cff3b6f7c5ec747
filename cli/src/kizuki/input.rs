//! Reading packs and exports from files, writing to stdout, and the error that means
//! "the input has problems" (exit 1) rather than "the command could not run" (exit 2).

use std::fmt;
use std::io::Write;
use std::path::Path;

use anyhow::{Context, Result};
use kizuki_core::export::{import, Export};
use kizuki_core::{load_pack, Diagnostic, ValidPack};

/// A problem with the input (exit 1), as opposed to usage or I/O (exit 2).
#[derive(Debug)]
pub struct InvalidInput(pub String);

impl fmt::Display for InvalidInput {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for InvalidInput {}

/// An exit-1 error with this message.
pub fn invalid(message: impl Into<String>) -> anyhow::Error {
    anyhow::Error::new(InvalidInput(message.into()))
}

/// A usage error (exit 2) with this message.
pub fn usage(message: impl Into<String>) -> anyhow::Error {
    anyhow::anyhow!(message.into())
}

/// Reads a file, or fails with an I/O error (exit 2).
pub fn read(path: &Path) -> Result<Vec<u8>> {
    std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))
}

/// Prints diagnostics to stderr, prefixed with the file.
pub fn print_diagnostics(path: &Path, diagnostics: &[Diagnostic]) {
    for diagnostic in diagnostics {
        eprintln!("{}: {diagnostic}", path.display());
    }
}

/// Loads and validates a pack; on errors prints them and fails with exit 1.
pub fn load_valid_pack(path: &Path) -> Result<ValidPack> {
    match load_pack(&read(path)?) {
        Ok(pack) => Ok(pack),
        Err(diagnostics) => {
            print_diagnostics(path, &diagnostics);
            let errors = diagnostics.iter().filter(|d| d.is_error()).count();
            Err(invalid(format!(
                "{}: the pack has {errors} errors",
                path.display()
            )))
        }
    }
}

/// Imports an export file for `pack`; a file that does not import fails with exit 1.
pub fn load_export(pack: &ValidPack, path: &Path) -> Result<Export> {
    import(pack, &read(path)?)
        .map_err(|error| invalid(format!("{}: {error} [{}]", path.display(), error.code())))
}

/// Writes text to stdout; a closed stdout is an I/O error (exit 2), not a panic.
pub fn emit(text: &str) -> Result<()> {
    let mut stdout = std::io::stdout().lock();
    stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
        .context("cannot write to stdout")
}

/// The day obligations are dated on: `--today` when given (it must be `YYYY-MM-DD`, else a
/// usage error), otherwise today's date in Japan (UTC+9) from the system clock. The clock
/// is read here, in the binary; the library only ever receives the date.
pub fn today(given: Option<String>) -> Result<String> {
    if let Some(day) = given {
        if kizuki_core::date::parse_date(&day).is_none() {
            return Err(usage(format!(
                "--today `{day}` is not a date written YYYY-MM-DD"
            )));
        }
        return Ok(day);
    }
    let seconds = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .context("the system clock is before 1970")?
        .as_secs();
    let japan = i64::try_from(seconds).context("the system clock is out of range")? + 9 * 3600;
    let moment = time::OffsetDateTime::from_unix_timestamp(japan)
        .context("the system clock is out of range")?;
    Ok(kizuki_core::date::format_date(moment.date()))
}
