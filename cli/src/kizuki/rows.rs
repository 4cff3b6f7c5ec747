//! The per-file normalised rows of `aggregate --rows`: one row per item of each counted
//! checklist export (file number, file name, size band, coverage reached, overall score,
//! item, applies, answer, "why not" reasons joined by `;`), as Parquet or CSV, written as
//! the files stream by (Parquet in row groups of [`ROW_GROUP`] rows), so memory stays
//! bounded whatever the number of files. README shows the DuckDB query that gives the
//! aggregation page's figures from them.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::Path;
use std::sync::Arc;

use anyhow::{Context, Result};
use kizuki_core::aggregate::FileRows;
use parquet::basic::Compression;
use parquet::data_type::{BoolType, ByteArray, ByteArrayType, Int32Type, Int64Type};
use parquet::file::properties::WriterProperties;
use parquet::file::writer::SerializedFileWriter;
use parquet::schema::parser::parse_message_type;

/// Rows held before a Parquet row group is written.
pub const ROW_GROUP: usize = 100_000;

/// The rows' columns, in order, as Parquet declares them.
const SCHEMA: &str = "
message kizuki_checklist_rows {
  REQUIRED INT64 file_no;
  REQUIRED BYTE_ARRAY file (UTF8);
  REQUIRED BYTE_ARRAY band (UTF8);
  REQUIRED BOOLEAN complete;
  OPTIONAL INT32 percent;
  REQUIRED BYTE_ARRAY item (UTF8);
  REQUIRED BOOLEAN applies;
  OPTIONAL BYTE_ARRAY choice (UTF8);
  REQUIRED BYTE_ARRAY reasons (UTF8);
}
";

/// The CSV header, the same columns.
const HEADER: [&str; 9] = [
    "file_no", "file", "band", "complete", "percent", "item", "applies", "choice", "reasons",
];

/// Where the rows go.
pub enum RowSink {
    /// A CSV file (UTF-8 with a BOM, like every CSV the project writes).
    Csv(Box<csv::Writer<BufWriter<File>>>),
    /// A Parquet file, written a row group at a time.
    Parquet(Box<ParquetSink>),
}

/// The columns of the row group being filled, and the writer.
pub struct ParquetSink {
    writer: SerializedFileWriter<File>,
    file_no: Vec<i64>,
    file: Vec<ByteArray>,
    band: Vec<ByteArray>,
    complete: Vec<bool>,
    percent: Vec<i32>,
    percent_levels: Vec<i16>,
    item: Vec<ByteArray>,
    applies: Vec<bool>,
    choice: Vec<ByteArray>,
    choice_levels: Vec<i16>,
    reasons: Vec<ByteArray>,
}

impl RowSink {
    /// Creates `path`: Parquet when it ends in `.parquet`, else CSV.
    pub fn create(path: &Path) -> Result<RowSink> {
        let file =
            File::create(path).with_context(|| format!("cannot write {}", path.display()))?;
        if path.extension().is_some_and(|e| e == "parquet") {
            let schema = Arc::new(parse_message_type(SCHEMA).context("the rows' schema")?);
            let properties = Arc::new(
                WriterProperties::builder()
                    .set_compression(Compression::SNAPPY)
                    .build(),
            );
            let writer = SerializedFileWriter::new(file, schema, properties)?;
            Ok(RowSink::Parquet(Box::new(ParquetSink {
                writer,
                file_no: Vec::new(),
                file: Vec::new(),
                band: Vec::new(),
                complete: Vec::new(),
                percent: Vec::new(),
                percent_levels: Vec::new(),
                item: Vec::new(),
                applies: Vec::new(),
                choice: Vec::new(),
                choice_levels: Vec::new(),
                reasons: Vec::new(),
            })))
        } else {
            let mut out = BufWriter::new(file);
            out.write_all("\u{feff}".as_bytes())?;
            let mut writer = csv::WriterBuilder::new()
                .terminator(csv::Terminator::CRLF)
                .from_writer(out);
            writer.write_record(HEADER)?;
            Ok(RowSink::Csv(Box::new(writer)))
        }
    }

    /// Writes one counted file's rows.
    pub fn write(&mut self, file_no: usize, name: &str, rows: &FileRows) -> Result<()> {
        match self {
            RowSink::Csv(writer) => {
                let percent = rows.percent.map(|p| p.to_string()).unwrap_or_default();
                for item in &rows.items {
                    writer.write_record([
                        file_no.to_string().as_str(),
                        // A file name is text from outside: neutralised like every CSV cell.
                        &kizuki_core::csv_export::neutralise_cell(name),
                        &rows.band,
                        if rows.complete { "true" } else { "false" },
                        &percent,
                        &item.item,
                        if item.applies { "true" } else { "false" },
                        item.choice.as_deref().unwrap_or_default(),
                        &item.reasons.join(";"),
                    ])?;
                }
                Ok(())
            }
            RowSink::Parquet(sink) => {
                for item in &rows.items {
                    sink.file_no
                        .push(i64::try_from(file_no).unwrap_or(i64::MAX));
                    sink.file.push(ByteArray::from(name));
                    sink.band.push(ByteArray::from(rows.band.as_str()));
                    sink.complete.push(rows.complete);
                    match rows.percent {
                        Some(percent) => {
                            sink.percent.push(i32::from(percent));
                            sink.percent_levels.push(1);
                        }
                        None => sink.percent_levels.push(0),
                    }
                    sink.item.push(ByteArray::from(item.item.as_str()));
                    sink.applies.push(item.applies);
                    match &item.choice {
                        Some(choice) => {
                            sink.choice.push(ByteArray::from(choice.as_str()));
                            sink.choice_levels.push(1);
                        }
                        None => sink.choice_levels.push(0),
                    }
                    sink.reasons
                        .push(ByteArray::from(item.reasons.join(";").as_str()));
                }
                if sink.file_no.len() >= ROW_GROUP {
                    sink.flush()?;
                }
                Ok(())
            }
        }
    }

    /// Writes what is left and closes the file.
    pub fn finish(self) -> Result<()> {
        match self {
            RowSink::Csv(mut writer) => {
                writer.flush()?;
                Ok(())
            }
            RowSink::Parquet(mut sink) => {
                sink.flush()?;
                sink.writer.close()?;
                Ok(())
            }
        }
    }
}

impl ParquetSink {
    /// Writes the rows held as one row group.
    fn flush(&mut self) -> Result<()> {
        if self.file_no.is_empty() {
            return Ok(());
        }
        let mut group = self.writer.next_row_group()?;
        let mut column = 0;
        while let Some(mut writer) = group.next_column()? {
            match column {
                0 => {
                    writer
                        .typed::<Int64Type>()
                        .write_batch(&self.file_no, None, None)?;
                }
                1 | 2 | 5 | 8 => {
                    let values = match column {
                        1 => &self.file,
                        2 => &self.band,
                        5 => &self.item,
                        _ => &self.reasons,
                    };
                    writer
                        .typed::<ByteArrayType>()
                        .write_batch(values, None, None)?;
                }
                3 | 6 => {
                    let values = if column == 3 {
                        &self.complete
                    } else {
                        &self.applies
                    };
                    writer.typed::<BoolType>().write_batch(values, None, None)?;
                }
                4 => {
                    writer.typed::<Int32Type>().write_batch(
                        &self.percent,
                        Some(&self.percent_levels),
                        None,
                    )?;
                }
                7 => {
                    writer.typed::<ByteArrayType>().write_batch(
                        &self.choice,
                        Some(&self.choice_levels),
                        None,
                    )?;
                }
                _ => anyhow::bail!("the rows' schema has more columns than written"),
            }
            writer.close()?;
            column += 1;
        }
        group.close()?;
        self.file_no.clear();
        self.file.clear();
        self.band.clear();
        self.complete.clear();
        self.percent.clear();
        self.percent_levels.clear();
        self.item.clear();
        self.applies.clear();
        self.choice.clear();
        self.choice_levels.clear();
        self.reasons.clear();
        Ok(())
    }
}
