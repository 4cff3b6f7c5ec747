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

/// The most any command reads of one file: one byte more than the largest file the core
/// accepts (a pack, [`kizuki_core::load::MAX_PACK_BYTES`]), so that the core's own size
/// check refuses anything larger with its usual error and code.
pub const MAX_READ_BYTES: usize = max(
    kizuki_core::load::MAX_PACK_BYTES,
    max(
        kizuki_core::export::MAX_IMPORT_BYTES,
        kizuki_core::directory::MAX_DIRECTORY_BYTES,
    ),
) + 1;

const fn max(a: usize, b: usize) -> usize {
    if a > b {
        a
    } else {
        b
    }
}

/// Reads a file, at most [`MAX_READ_BYTES`] of it (so `/dev/zero`, a pipe that never ends
/// or a file of gigabytes stops at the limit, and the core then refuses it by size), or
/// fails with an I/O error (exit 2).
pub fn read(path: &Path) -> Result<Vec<u8>> {
    use std::io::Read as _;
    let file =
        std::fs::File::open(path).with_context(|| format!("cannot read {}", path.display()))?;
    let mut bytes = Vec::new();
    file.take(MAX_READ_BYTES as u64)
        .read_to_end(&mut bytes)
        .with_context(|| format!("cannot read {}", path.display()))?;
    Ok(bytes)
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

/// Writes text to stdout. When the reader has gone (a broken pipe, as in `kizuki stats … |
/// head`) the rest is dropped quietly; any other failure is an I/O error (exit 2), never a
/// panic.
pub fn emit(text: &str) -> Result<()> {
    let mut stdout = std::io::stdout().lock();
    match stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
    {
        // The reader has gone (`kizuki stats … | head`): nothing more is wanted, and that
        // is not an error.
        Err(error) if error.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => other.context("cannot write to stdout"),
    }
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
