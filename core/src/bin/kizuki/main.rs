//! `kizuki`: the command-line tool for content authors and support centers.
//!
//! Exit codes: 0 success; 1 the input has problems (validation errors, invalid exports);
//! 2 the command could not run (bad arguments, unreadable files).

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::{Parser, Subcommand, ValueEnum};
use kizuki_core::{load_pack, parse_pack, Diagnostic, ValidPack};

#[derive(Parser)]
#[command(
    name = "kizuki",
    version,
    about = "Validate, inspect and use Kizuki content packs and exports"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Clone, Copy, ValueEnum, Default)]
enum Format {
    #[default]
    Text,
    Json,
}

#[derive(Subcommand)]
enum Command {
    /// Check packs: every problem is listed with its JSON pointer. Exits 1 on any error.
    Validate {
        /// Pack files.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value_t)]
        format: Format,
    },
    /// Count what a pack holds (areas, items, steps, modules, quiz questions) and what it lacks.
    Stats {
        /// The pack file.
        pack: PathBuf,
        /// Output format.
        #[arg(long, value_enum, default_value_t)]
        format: Format,
    },
    /// Print the pack format's JSON Schema.
    Schema,
}

fn main() -> ExitCode {
    match run(Cli::parse()) {
        Ok(code) => code,
        Err(error) => {
            eprintln!("kizuki: {error:#}");
            ExitCode::from(2)
        }
    }
}

fn run(cli: Cli) -> Result<ExitCode> {
    match cli.command {
        Command::Validate { paths, format } => validate(&paths, format),
        Command::Stats { pack, format } => stats(&pack, format),
        Command::Schema => {
            print!("{}", kizuki_core::schema::pack_schema_json());
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn read(path: &PathBuf) -> Result<Vec<u8>> {
    std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))
}

fn validate(paths: &[PathBuf], format: Format) -> Result<ExitCode> {
    let mut any_error = false;
    let mut report = serde_json::Map::new();
    for path in paths {
        let diagnostics = match load_pack(&read(path)?) {
            Ok(pack) => pack.warnings().to_vec(),
            Err(diagnostics) => diagnostics,
        };
        let errors = diagnostics.iter().filter(|d| d.is_error()).count();
        any_error |= errors > 0;
        match format {
            Format::Text => {
                for diagnostic in &diagnostics {
                    println!("{}: {diagnostic}", path.display());
                }
                let warnings = diagnostics.len() - errors;
                let verdict = if errors == 0 { "ok" } else { "FAILED" };
                println!(
                    "{}: {verdict} ({errors} errors, {warnings} warnings)",
                    path.display()
                );
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
        println!("{}", serde_json::to_string_pretty(&report)?);
    }
    Ok(if any_error {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn stats(path: &PathBuf, format: Format) -> Result<ExitCode> {
    let pack = match parse_pack(&read(path)?) {
        Ok(pack) => pack,
        Err(diagnostics) => return Ok(print_diagnostics(path, &diagnostics)),
    };
    let stats = kizuki_core::stats::pack_stats(&pack);
    match format {
        Format::Json => println!("{}", serde_json::to_string_pretty(&stats)?),
        Format::Text => {
            let value = serde_json::to_value(&stats)?;
            if let serde_json::Value::Object(map) = value {
                for (key, value) in map {
                    println!("{key}: {value}");
                }
            }
        }
    }
    Ok(if stats.errors > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn print_diagnostics(path: &PathBuf, diagnostics: &[Diagnostic]) -> ExitCode {
    for diagnostic in diagnostics {
        eprintln!("{}: {diagnostic}", path.display());
    }
    ExitCode::from(1)
}

#[allow(dead_code)]
fn load(path: &PathBuf) -> Result<Result<ValidPack, Vec<Diagnostic>>> {
    Ok(load_pack(&read(path)?))
}
