//! The centers' command: `aggregate` many exports of one pack into a JSON or CSV table, and
//! optionally the per-file normalised rows (Parquet or CSV) for DuckDB or Spark.
//!
//! Files stream through: each is read, counted and dropped before the next
//! ([`kizuki_core::aggregate::Aggregation`]), so a checklist aggregation takes the same
//! memory for a thousand files or a million (plus 16 bytes a file to find duplicates).
//! `--jsonl` reads exports one per line (a file, or `-` for stdin), for sets too large
//! to keep as separate files.

use std::io::BufRead;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result};
use kizuki_core::aggregate::{report_csv, report_json, Aggregation};
use kizuki_core::Lang;

use crate::input::{emit, invalid, load_valid_pack, read, MAX_READ_BYTES};
use crate::rows::RowSink;
use crate::TableFormat;

/// What `aggregate` is asked to do.
pub struct AggregateArgs<'a> {
    pub pack: &'a Path,
    pub exports: &'a [PathBuf],
    pub jsonl: Option<&'a Path>,
    pub min_group: Option<usize>,
    pub format: TableFormat,
    pub lang: Lang,
    pub rows: Option<&'a Path>,
}

/// Aggregates export files; lists skipped files on stderr too.
pub fn aggregate(args: AggregateArgs<'_>) -> Result<ExitCode> {
    let pack = load_valid_pack(args.pack)?;
    let mut aggregation = Aggregation::new(&pack, args.min_group)
        .map_err(|error| invalid(format!("{error} [{}]", error.code())))?;
    // The pack's kind says its table's columns and each file's rows.
    let kit = &pack.pack().kit;
    let mut rows = match args.rows {
        Some(path) => Some(RowSink::create(path, kit.row_columns())?),
        None => None,
    };
    let mut counted = 0usize;
    let mut add = |name: &str, bytes: &[u8]| -> Result<()> {
        if let Some(export) = aggregation.add(name, bytes) {
            counted += 1;
            let Some(sink) = &mut rows else {
                return Ok(());
            };
            sink.write(counted, name, kit.file_cells(&export.state))?;
        }
        Ok(())
    };
    for path in args.exports {
        add(&path.display().to_string(), &read(path)?)?;
    }
    if let Some(path) = args.jsonl {
        let mut reader: Box<dyn BufRead> = if path == Path::new("-") {
            Box::new(std::io::stdin().lock())
        } else {
            Box::new(std::io::BufReader::new(
                std::fs::File::open(path)
                    .with_context(|| format!("cannot read {}", path.display()))?,
            ))
        };
        let mut line_no = 0usize;
        let mut line = Vec::new();
        loop {
            line.clear();
            // At most one byte past the largest file accepted per line; the core refuses it.
            let limit = MAX_READ_BYTES as u64 + 1;
            let read = std::io::Read::take(&mut reader, limit)
                .read_until(b'\n', &mut line)
                .context("cannot read the exports")?;
            if read == 0 {
                break;
            }
            line_no += 1;
            if line.last() != Some(&b'\n') && read as u64 == limit {
                // A line longer than any export: skip to its end, count it as too large.
                let mut rest = Vec::new();
                reader.read_until(b'\n', &mut rest)?;
            }
            let text = line.strip_suffix(b"\n").unwrap_or(&line);
            let text = text.strip_suffix(b"\r").unwrap_or(text);
            if text.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            add(&format!("{}:{line_no}", path.display()), text)?;
        }
    }
    let report = aggregation.finish();
    if let Some(sink) = rows {
        sink.finish()?;
    }
    for file in &report.invalid {
        eprintln!(
            "kizuki: skipped {}: {} [{}]",
            file.name, file.message, file.code
        );
    }
    if report.hidden {
        eprintln!(
            "kizuki: only {} valid files; figures are hidden below {}",
            report.files_valid, report.min_group
        );
    }
    match args.format {
        TableFormat::Json => emit(&report_json(&report))?,
        TableFormat::Csv => emit(&report_csv(&pack, &report, args.lang))?,
    }
    Ok(ExitCode::SUCCESS)
}
