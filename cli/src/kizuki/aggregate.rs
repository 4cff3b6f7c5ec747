//! The centers' command: `aggregate` many exports of one pack into a JSON or CSV table.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Result;
use kizuki_core::aggregate::{aggregate as aggregate_files, report_csv, report_json, ExportFile};
use kizuki_core::Lang;

use crate::input::{emit, invalid, load_valid_pack, read};
use crate::TableFormat;

/// Aggregates export files; lists skipped files on stderr too.
pub fn aggregate(
    pack_path: &Path,
    export_paths: &[PathBuf],
    min_group: Option<usize>,
    format: TableFormat,
    lang: Lang,
) -> Result<ExitCode> {
    let pack = load_valid_pack(pack_path)?;
    let mut contents = Vec::with_capacity(export_paths.len());
    for path in export_paths {
        contents.push((path.display().to_string(), read(path)?));
    }
    let files: Vec<ExportFile<'_>> = contents
        .iter()
        .map(|(name, bytes)| ExportFile { name, bytes })
        .collect();
    let report = aggregate_files(&pack, &files, min_group)
        .map_err(|error| invalid(format!("{error} [{}]", error.code())))?;
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
    match format {
        TableFormat::Json => emit(&report_json(&report))?,
        TableFormat::Csv => emit(&report_csv(&pack, &report, lang))?,
    }
    Ok(ExitCode::SUCCESS)
}
