//! `kizuki`: the command-line tool for content authors and support centers.
//!
//! Authors check packs (`validate`, `stats`, `schema`); the site's build writes each
//! pack's one-language files (`pack split`). Anyone with an export file can
//! score it, print a report, turn it into CSV, a calendar or xAPI statements (`score`,
//! `report`, `export-csv`, `ics`, `xapi`); a center aggregates many exports of one pack
//! (`aggregate`) and packages the course for an LMS (`package`: SCORM 1.2 or cmi5). Every
//! command takes `--help`. Output goes to stdout, messages to stderr.
//!
//! # Exit codes
//!
//! | code | meaning |
//! |---|---|
//! | 0 | success (an `aggregate` that skipped invalid files still succeeds; it lists them) |
//! | 1 | the input has problems: pack validation errors, an export that does not import, a case with no follow-up dates, a certificate for an unfinished course |
//! | 2 | the command could not run: bad arguments (unknown case or document id included), an unreadable file, stdout closed |
//!
//! # JSON output
//!
//! `score` prints, for a checklist, [`kizuki_core::kind::checklist::ChecklistResult`]; for
//! a course, [`kizuki_core::kind::course::CourseResult`]; for a plan, an object
//! `{"cases": {"<case id>": {"label", "step", "progress": [StepProgress…],
//! "follow_up": [FollowUpDate…]}}}`. `aggregate --format json` prints
//! [`kizuki_core::aggregate::AggregateReport`].

mod aggregate;
mod answers;
mod author;
mod input;
mod package;
mod rows;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use kizuki_core::Lang;

use input::InvalidInput;

#[derive(Parser)]
#[command(
    name = "kizuki",
    version,
    about = "Validate, inspect and use Kizuki content packs and exports",
    after_help = "Exit codes: 0 success; 1 the input has problems (pack errors, an export that \
                  does not import); 2 the command could not run (bad arguments, unreadable files)."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

/// Output format of `validate` and `stats`.
#[derive(Clone, Copy, ValueEnum, Default)]
enum Format {
    #[default]
    Text,
    Json,
}

/// Output format of `aggregate`.
#[derive(Clone, Copy, ValueEnum, Default)]
enum TableFormat {
    #[default]
    Json,
    Csv,
}

/// The language of reports, CSV headers and calendar entries.
#[derive(Clone, Copy, ValueEnum, Default)]
enum LangArg {
    #[default]
    Ja,
    En,
}

impl From<LangArg> for Lang {
    fn from(lang: LangArg) -> Lang {
        match lang {
            LangArg::Ja => Lang::Ja,
            LangArg::En => Lang::En,
        }
    }
}

#[derive(Subcommand)]
enum Command {
    /// Check packs and regional resource directories: every problem is listed with its JSON
    /// pointer. Exits 1 on any error.
    Validate {
        /// Pack files, or regional resource directory files (told apart by `directory_format`).
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
    /// Print what an export adds up to, as JSON: scores and action plan (checklist),
    /// module results (course), or progress and follow-up dates per case (plan).
    Score {
        /// The pack file.
        pack: PathBuf,
        /// The export file (as saved by Kizuki).
        answers: PathBuf,
        /// The day obligations are dated on (`YYYY-MM-DD`); defaults to today in Japan.
        #[arg(long)]
        today: Option<String>,
    },
    /// Print a self-contained, printable HTML report on stdout: the checklist report, a
    /// plan document or case overview, or the course certificate (the progress summary
    /// while the course is not complete).
    Report {
        /// The pack file.
        pack: PathBuf,
        /// The export file.
        answers: PathBuf,
        /// Language of the report.
        #[arg(long, value_enum, default_value_t)]
        lang: LangArg,
        /// Plans: the case to print (needed when the file holds several).
        #[arg(long)]
        case: Option<String>,
        /// Plans: the document to print (e.g. `return-plan`); without it, the case overview.
        #[arg(long)]
        document: Option<String>,
        /// The day obligations are dated on (`YYYY-MM-DD`); defaults to today in Japan.
        #[arg(long)]
        today: Option<String>,
    },
    /// Print the export as CSV (UTF-8 with BOM, CRLF): one row per checklist item, per
    /// module and quiz question, or per task and case.
    ExportCsv {
        /// The pack file.
        pack: PathBuf,
        /// The export file.
        answers: PathBuf,
        /// Language of headers and labels.
        #[arg(long, value_enum, default_value_t)]
        lang: LangArg,
        /// The day obligations are dated on (`YYYY-MM-DD`); defaults to today in Japan.
        #[arg(long)]
        today: Option<String>,
    },
    /// Aggregate many exports of one checklist or course pack. Invalid files are listed and
    /// skipped; groups smaller than the minimum are hidden.
    Aggregate {
        /// The pack file.
        pack: PathBuf,
        /// Export files, read one at a time.
        #[arg(required_unless_present = "jsonl")]
        exports: Vec<PathBuf>,
        /// Also read exports one per line from this file (`-`: standard input).
        #[arg(long)]
        jsonl: Option<PathBuf>,
        /// Write each counted file's normalised rows here (a checklist: one per item; a
        /// course: one per module; a questionnaire: one per person): Parquet when the name
        /// ends in `.parquet`, else CSV (README: the DuckDB queries for the page's figures).
        #[arg(long)]
        rows: Option<PathBuf>,
        /// Smallest group whose figures are shown (default 10); checklist exports describe
        /// workplaces and may go down to 3, anything about people stays at 10 or more.
        #[arg(long)]
        min_group: Option<usize>,
        /// Output format.
        #[arg(long, value_enum, default_value_t)]
        format: TableFormat,
        /// Language of CSV headers and labels.
        #[arg(long, value_enum, default_value_t)]
        lang: LangArg,
    },
    /// Print an iCalendar file of a case's follow-up meetings (plans).
    Ics {
        /// The pack file.
        pack: PathBuf,
        /// The export file.
        answers: PathBuf,
        /// The case id.
        #[arg(long)]
        case: String,
        /// Language of the event titles.
        #[arg(long, value_enum, default_value_t)]
        lang: LangArg,
        /// The file's DTSTAMP, RFC 3339; defaults to the export's `saved_at`.
        #[arg(long)]
        dtstamp: Option<String>,
    },
    /// Make a SCORM 1.2 or cmi5 package of the course (a zip to upload to an LMS) from a
    /// built site: the manifest, a launch page, the course widget and the pack.
    #[command(group(clap::ArgGroup::new("standard").required(true).args(["scorm12", "cmi5"])))]
    Package {
        /// A SCORM 1.2 package (imsmanifest.xml).
        #[arg(long)]
        scorm12: bool,
        /// A cmi5 package (cmi5.xml).
        #[arg(long)]
        cmi5: bool,
        /// The built site (scripts/build.sh writes it).
        #[arg(long, default_value = "dist")]
        dist: PathBuf,
        /// The course pack, the file with both languages (the site's content/<id>.<lang>.json files are made from it); defaults to the built site's content/linecare.json.
        #[arg(long)]
        pack: Option<PathBuf>,
        /// The zip to write.
        #[arg(short, long)]
        output: PathBuf,
        /// Language of the titles and the widget's first language (the learner can switch).
        #[arg(long, value_enum, default_value_t)]
        lang: LangArg,
        /// The course's IRI in cmi5.xml (the AU is `<IRI>/au`), e.g. your center's address
        /// `https://center.example.jp/kizuki/linecare`; default `urn:kizuki:course:<pack id>`.
        #[arg(long)]
        iri: Option<String>,
        /// The center named on the certificate and the record.
        #[arg(long)]
        center_name: Option<String>,
        /// The center's telephone number.
        #[arg(long)]
        center_phone: Option<String>,
        /// The center's web address (http or https).
        #[arg(long)]
        center_url: Option<String>,
        /// Replace the output file if it exists.
        #[arg(long)]
        force: bool,
    },
    /// Work on pack files: `pack split` writes a pack's one-language files, `pack about`
    /// prints what the about panels say of each pack.
    Pack {
        #[command(subcommand)]
        command: PackCommand,
    },
    /// Print xAPI statements (a JSON array) of the learner's completed modules and course.
    Xapi {
        /// The pack file.
        pack: PathBuf,
        /// The export file.
        answers: PathBuf,
        /// The center's activity IRI base, e.g. `https://center.example.jp/xapi`
        #[arg(long)]
        activity_base: String,
        /// The language recorded in the statements' context.
        #[arg(long, value_enum, default_value_t)]
        lang: LangArg,
    },
}

/// The `pack` commands.
#[derive(Subcommand)]
enum PackCommand {
    /// Write each pack's file of each language, `<id>.ja.json` and `<id>.en.json` (what a
    /// widget fetches: only the language it shows, the other when the person switches),
    /// into `--out`. Ids, sources and numbers stay as they are, so exports fit every file.
    Split {
        /// Bilingual pack files.
        #[arg(required = true)]
        packs: Vec<PathBuf>,
        /// The folder to write into (e.g. `dist/content`).
        #[arg(long)]
        out: PathBuf,
    },
    /// Print, as JSON, what a widget's "about this content" panel says of each pack, in
    /// each language (`[{"id", "ja": {…}, "en": {…}}]`, the core's `about::About`: dates
    /// written out, the report address checked): the site's home page is filled from it.
    About {
        /// Pack files.
        #[arg(required = true)]
        packs: Vec<PathBuf>,
        /// The build's version, as the panels show it.
        #[arg(long)]
        build: String,
        /// The operator's address for error reports.
        #[arg(long)]
        report_url: String,
    },
}

fn main() -> ExitCode {
    match run(Cli::parse()) {
        Ok(code) => code,
        Err(error) => {
            eprintln!("kizuki: {error:#}");
            if error.downcast_ref::<InvalidInput>().is_some() {
                ExitCode::from(1)
            } else {
                ExitCode::from(2)
            }
        }
    }
}

fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    match cli.command {
        Command::Validate { paths, format } => author::validate(&paths, format),
        Command::Stats { pack, format } => author::stats(&pack, format),
        Command::Schema => author::schema(),
        Command::Pack {
            command: PackCommand::Split { packs, out },
        } => author::pack_split(&packs, &out),
        Command::Pack {
            command:
                PackCommand::About {
                    packs,
                    build,
                    report_url,
                },
        } => author::pack_about(&packs, &build, &report_url),
        Command::Score {
            pack,
            answers,
            today,
        } => answers::score(&pack, &answers, &input::today(today)?),
        Command::Report {
            pack,
            answers,
            lang,
            case,
            document,
            today,
        } => answers::report(
            &pack,
            &answers,
            lang.into(),
            case.as_deref(),
            document.as_deref(),
            &input::today(today)?,
        ),
        Command::ExportCsv {
            pack,
            answers,
            lang,
            today,
        } => answers::export_csv(&pack, &answers, lang.into(), &input::today(today)?),
        Command::Aggregate {
            pack,
            exports,
            jsonl,
            rows,
            min_group,
            format,
            lang,
        } => aggregate::aggregate(aggregate::AggregateArgs {
            pack: &pack,
            exports: &exports,
            jsonl: jsonl.as_deref(),
            min_group,
            format,
            lang: lang.into(),
            rows: rows.as_deref(),
        }),
        Command::Ics {
            pack,
            answers,
            case,
            lang,
            dtstamp,
        } => answers::ics(&pack, &answers, &case, lang.into(), dtstamp.as_deref()),
        Command::Xapi {
            pack,
            answers,
            activity_base,
            lang,
        } => answers::xapi(&pack, &answers, &activity_base, lang.into()),
        Command::Package {
            scorm12,
            cmi5: _,
            dist,
            pack,
            output,
            lang,
            iri,
            center_name,
            center_phone,
            center_url,
            force,
        } => package::package(&package::PackageArgs {
            standard: if scorm12 {
                kizuki_core::lms_package::LmsStandard::Scorm12
            } else {
                kizuki_core::lms_package::LmsStandard::Cmi5
            },
            dist: &dist,
            pack: pack.as_deref(),
            out: &output,
            lang: lang.into(),
            iri: iri.as_deref(),
            center_name: center_name.as_deref(),
            center_phone: center_phone.as_deref(),
            center_url: center_url.as_deref(),
            force,
        }),
    }
}
