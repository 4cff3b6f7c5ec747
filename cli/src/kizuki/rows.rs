//! The per-file normalised rows of `aggregate --rows`, as Parquet or CSV, written as the
//! files stream by (Parquet in row groups of [`ROW_GROUP`] rows), so memory stays bounded
//! whatever the number of files. One table per kind, its columns and cells written by the
//! kind (`KindAggregate::row_columns`, `file_cells` in `core/src/kind/<kind>/aggregate.rs`):
//!
//! - checklist: one row per item of each counted export (file number, file name, size
//!   band, coverage reached, overall score, item, applies, answer, "why not" reasons
//!   joined by `;`);
//! - course: one row per module of each counted record (whether the course is completed,
//!   the follow-up's improvement, module, started, completed, quiz attempts, passed, best
//!   score, active seconds, then per feedback question its answer and whether positive);
//! - questionnaire: one row per person (complete, the split answer such as sex, group, the
//!   raw value of each group-analysis measure), nothing else of the answers.
//!
//! README shows the DuckDB queries that give the aggregation page's figures from them.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::Path;
use std::sync::Arc;

use anyhow::{Context, Result};
use kizuki_core::aggregate::{Cell, CellType, RowColumn};
use kizuki_core::csv_export::CsvText;
use parquet::basic::Compression;
use parquet::data_type::{BoolType, ByteArray, ByteArrayType, Int64Type};
use parquet::file::properties::WriterProperties;
use parquet::file::writer::SerializedFileWriter;
use parquet::schema::parser::parse_message_type;

/// Rows held before a Parquet row group is written.
pub const ROW_GROUP: usize = 100_000;

/// A cell as CSV text.
fn csv_cell(cell: &Cell) -> String {
    match cell {
        Cell::Int(v) => v.to_string(),
        // Text from outside (file names, groups): neutralised like every CSV cell.
        Cell::Text(v) => kizuki_core::csv_export::neutralise_cell(v).into_owned(),
        Cell::Bool(v) => v.to_string(),
        Cell::Null => String::new(),
    }
}

/// The columns every table starts with, then the kind's.
fn all_columns(kind_columns: Vec<RowColumn>) -> Vec<RowColumn> {
    let mut columns = vec![
        RowColumn::new("file_no", CellType::Int, false),
        RowColumn::new("file", CellType::Text, false),
    ];
    columns.extend(kind_columns);
    columns
}

/// Where the rows go.
pub enum RowSink {
    /// A CSV file (UTF-8 with a BOM, like every CSV the project writes).
    /// The core's CSV writer makes each file's records, then they are written out.
    Csv(BufWriter<File>),
    /// A Parquet file, written a row group at a time.
    Parquet(Box<ParquetSink>),
}

/// The columns of the row group being filled, and the writer.
pub struct ParquetSink {
    writer: SerializedFileWriter<File>,
    columns: Vec<RowColumn>,
    /// One vector of cells per column.
    cells: Vec<Vec<Cell>>,
}

impl RowSink {
    /// Creates `path` for a kind's columns (after `file_no` and `file`): Parquet when it
    /// ends in `.parquet`, else CSV.
    pub fn create(path: &Path, kind_columns: Vec<RowColumn>) -> Result<RowSink> {
        let columns = all_columns(kind_columns);
        let file =
            File::create(path).with_context(|| format!("cannot write {}", path.display()))?;
        if path.extension().is_some_and(|e| e == "parquet") {
            let mut schema = String::from("message kizuki_rows {\n");
            for c in &columns {
                let (physical, logical) = match c.cell {
                    CellType::Int => ("INT64", ""),
                    CellType::Text => ("BYTE_ARRAY", " (UTF8)"),
                    CellType::Bool => ("BOOLEAN", ""),
                };
                let repetition = if c.optional { "OPTIONAL" } else { "REQUIRED" };
                // Names come from the pack's ids (letters, digits, `-`, `_`): quoted by
                // nothing, so anything else is replaced.
                let name: String = c
                    .name
                    .chars()
                    .map(|ch| if ch.is_ascii_alphanumeric() { ch } else { '_' })
                    .collect();
                schema.push_str(&format!("  {repetition} {physical} {name}{logical};\n"));
            }
            schema.push('}');
            let schema = Arc::new(parse_message_type(&schema).context("the rows' schema")?);
            let properties = Arc::new(
                WriterProperties::builder()
                    .set_compression(Compression::SNAPPY)
                    .build(),
            );
            let writer = SerializedFileWriter::new(file, schema, properties)?;
            let cells = vec![Vec::new(); columns.len()];
            Ok(RowSink::Parquet(Box::new(ParquetSink {
                writer,
                columns,
                cells,
            })))
        } else {
            let mut out = BufWriter::new(file);
            out.write_all("\u{feff}".as_bytes())?;
            let mut header = CsvText::new();
            header.record(columns.iter().map(|c| c.name.as_str()));
            out.write_all(header.finish().as_bytes())?;
            Ok(RowSink::Csv(out))
        }
    }

    /// Writes one counted file's rows (the kind's cells, `KindAggregate::file_cells`).
    pub fn write(&mut self, file_no: usize, name: &str, rows: Vec<Vec<Cell>>) -> Result<()> {
        for cells in rows {
            let row = [Cell::int(file_no), Cell::text(name)]
                .into_iter()
                .chain(cells);
            match self {
                RowSink::Csv(out) => {
                    let mut record = CsvText::new();
                    record.record(row.map(|v| csv_cell(&v)));
                    out.write_all(record.finish().as_bytes())?;
                }
                RowSink::Parquet(sink) => {
                    for (column, value) in sink.cells.iter_mut().zip(row) {
                        column.push(value);
                    }
                }
            }
        }
        if let RowSink::Parquet(sink) = self {
            if sink.cells.first().map_or(0, Vec::len) >= ROW_GROUP {
                sink.flush()?;
            }
        }
        Ok(())
    }

    /// Writes what is left and closes the file.
    pub fn finish(self) -> Result<()> {
        match self {
            RowSink::Csv(mut out) => {
                out.flush()?;
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
        if self.cells.first().is_none_or(Vec::is_empty) {
            return Ok(());
        }
        let mut group = self.writer.next_row_group()?;
        let mut index = 0;
        while let Some(mut writer) = group.next_column()? {
            let (Some(column), Some(values)) = (self.columns.get(index), self.cells.get(index))
            else {
                anyhow::bail!("the rows' schema has more columns than written");
            };
            let levels: Vec<i16> = values
                .iter()
                .map(|v| i16::from(!matches!(v, Cell::Null)))
                .collect();
            let levels = column.optional.then_some(levels.as_slice());
            match column.cell {
                CellType::Int => {
                    let data: Vec<i64> = values
                        .iter()
                        .filter_map(|v| match v {
                            Cell::Int(i) => Some(*i),
                            _ => None,
                        })
                        .collect();
                    writer
                        .typed::<Int64Type>()
                        .write_batch(&data, levels, None)?;
                }
                CellType::Text => {
                    let data: Vec<ByteArray> = values
                        .iter()
                        .filter_map(|v| match v {
                            Cell::Text(s) => Some(ByteArray::from(s.as_str())),
                            _ => None,
                        })
                        .collect();
                    writer
                        .typed::<ByteArrayType>()
                        .write_batch(&data, levels, None)?;
                }
                CellType::Bool => {
                    let data: Vec<bool> = values
                        .iter()
                        .filter_map(|v| match v {
                            Cell::Bool(b) => Some(*b),
                            _ => None,
                        })
                        .collect();
                    writer
                        .typed::<BoolType>()
                        .write_batch(&data, levels, None)?;
                }
            }
            writer.close()?;
            index += 1;
        }
        group.close()?;
        for values in &mut self.cells {
            values.clear();
        }
        Ok(())
    }
}
