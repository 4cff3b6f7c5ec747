//! The per-file normalised rows of `aggregate --rows`, as Parquet or CSV, written as the
//! files stream by (Parquet in row groups of [`ROW_GROUP`] rows), so memory stays bounded
//! whatever the number of files. One table per kind:
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
use kizuki_core::aggregate::{CourseFileRows, FileRows};
use kizuki_core::kind::course::Course;
use kizuki_core::kind::questionnaire::aggregate::PersonRow;
use kizuki_core::kind::questionnaire::Questionnaire;
use parquet::basic::Compression;
use parquet::data_type::{BoolType, ByteArray, ByteArrayType, Int64Type};
use parquet::file::properties::WriterProperties;
use parquet::file::writer::SerializedFileWriter;
use parquet::schema::parser::parse_message_type;

/// Rows held before a Parquet row group is written.
pub const ROW_GROUP: usize = 100_000;

/// A column's type (every integer is INT64; text is UTF-8).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Type {
    Int,
    Text,
    Bool,
}

/// One column: name, type, and whether it may be empty (null).
#[derive(Debug, Clone)]
struct Column {
    name: String,
    kind: Type,
    optional: bool,
}

fn column(name: impl Into<String>, kind: Type, optional: bool) -> Column {
    Column {
        name: name.into(),
        kind,
        optional,
    }
}

/// One cell.
#[derive(Debug, Clone)]
enum Value {
    Int(i64),
    Text(String),
    Bool(bool),
    Null,
}

impl Value {
    fn int(value: impl TryInto<i64>) -> Value {
        Value::Int(value.try_into().unwrap_or(i64::MAX))
    }

    fn opt<T>(value: Option<T>, make: impl FnOnce(T) -> Value) -> Value {
        value.map_or(Value::Null, make)
    }

    fn csv(&self) -> String {
        match self {
            Value::Int(v) => v.to_string(),
            // Text from outside (file names, groups): neutralised like every CSV cell.
            Value::Text(v) => kizuki_core::csv_export::neutralise_cell(v).into_owned(),
            Value::Bool(v) => v.to_string(),
            Value::Null => String::new(),
        }
    }
}

/// The table of a pack's kind.
pub enum Table<'p> {
    Checklist,
    Course(&'p Course),
    Questionnaire(&'p Questionnaire),
}

impl Table<'_> {
    fn columns(&self) -> Vec<Column> {
        use Type::{Bool, Int, Text};
        let mut columns = vec![column("file_no", Int, false), column("file", Text, false)];
        match self {
            Table::Checklist => columns.extend([
                column("band", Text, false),
                column("complete", Bool, false),
                column("percent", Int, true),
                column("item", Text, false),
                column("applies", Bool, false),
                column("choice", Text, true),
                column("reasons", Text, false),
            ]),
            Table::Course(course) => {
                columns.extend([
                    column("course_completed", Bool, false),
                    column("improved", Bool, true),
                    column("module", Text, false),
                    column("started", Bool, false),
                    column("completed", Bool, false),
                    column("attempts", Int, false),
                    column("passed", Bool, false),
                    column("best_percent", Int, true),
                    column("active_seconds", Int, false),
                ]);
                for question in &course.feedback_questions {
                    columns.push(column(format!("feedback_{}", question.id), Text, true));
                    columns.push(column(
                        format!("feedback_{}_positive", question.id),
                        Bool,
                        true,
                    ));
                }
            }
            Table::Questionnaire(questionnaire) => {
                columns.extend([
                    column("complete", Bool, false),
                    column("split", Text, true),
                    column("group", Text, true),
                ]);
                for id in questionnaire
                    .group_analysis
                    .iter()
                    .flat_map(|a| a.measures.iter())
                {
                    columns.push(column(id.clone(), Int, true));
                }
            }
        }
        columns
    }
}

/// What one counted file gives.
pub enum Rows<'r> {
    Checklist(&'r FileRows),
    Course(&'r CourseFileRows),
    Questionnaire(&'r PersonRow),
}

impl Rows<'_> {
    /// The cells after `file_no` and `file`, one vector per row.
    fn cells(&self) -> Vec<Vec<Value>> {
        let text = |s: &str| Value::Text(s.to_string());
        match self {
            Rows::Checklist(rows) => rows
                .items
                .iter()
                .map(|item| {
                    vec![
                        text(&rows.band),
                        Value::Bool(rows.complete),
                        Value::opt(rows.percent, Value::int),
                        text(&item.item),
                        Value::Bool(item.applies),
                        Value::opt(item.choice.as_deref(), text),
                        Value::Text(item.reasons.join(";")),
                    ]
                })
                .collect(),
            Rows::Course(rows) => rows
                .modules
                .iter()
                .map(|module| {
                    let mut cells = vec![
                        Value::Bool(rows.completed_course),
                        Value::opt(rows.improved, Value::Bool),
                        text(&module.module),
                        Value::Bool(module.started),
                        Value::Bool(module.completed),
                        Value::int(module.attempts),
                        Value::Bool(module.passed),
                        Value::opt(module.best_percent, Value::int),
                        Value::int(module.active_seconds),
                    ];
                    for answer in &module.feedback {
                        cells.push(Value::opt(answer.as_ref(), |(a, _)| text(a)));
                        cells.push(Value::opt(answer.as_ref(), |(_, p)| Value::Bool(*p)));
                    }
                    cells
                })
                .collect(),
            Rows::Questionnaire(row) => {
                let mut cells = vec![
                    Value::Bool(row.complete),
                    Value::opt(row.split.as_deref(), text),
                    Value::opt(row.group.as_deref(), text),
                ];
                cells.extend(row.measures.iter().map(|m| Value::opt(*m, Value::int)));
                vec![cells]
            }
        }
    }
}

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
    columns: Vec<Column>,
    /// One vector of cells per column.
    cells: Vec<Vec<Value>>,
}

impl RowSink {
    /// Creates `path` for `table`: Parquet when it ends in `.parquet`, else CSV.
    pub fn create(path: &Path, table: &Table<'_>) -> Result<RowSink> {
        let columns = table.columns();
        let file =
            File::create(path).with_context(|| format!("cannot write {}", path.display()))?;
        if path.extension().is_some_and(|e| e == "parquet") {
            let mut schema = String::from("message kizuki_rows {\n");
            for c in &columns {
                let (physical, logical) = match c.kind {
                    Type::Int => ("INT64", ""),
                    Type::Text => ("BYTE_ARRAY", " (UTF8)"),
                    Type::Bool => ("BOOLEAN", ""),
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
            let mut writer = csv::WriterBuilder::new()
                .terminator(csv::Terminator::CRLF)
                .from_writer(out);
            writer.write_record(columns.iter().map(|c| c.name.as_str()))?;
            Ok(RowSink::Csv(Box::new(writer)))
        }
    }

    /// Writes one counted file's rows.
    pub fn write(&mut self, file_no: usize, name: &str, rows: &Rows<'_>) -> Result<()> {
        for cells in rows.cells() {
            let row = [Value::int(file_no), Value::Text(name.to_string())]
                .into_iter()
                .chain(cells);
            match self {
                RowSink::Csv(writer) => {
                    writer.write_record(row.map(|v| v.csv()))?;
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
                .map(|v| i16::from(!matches!(v, Value::Null)))
                .collect();
            let levels = column.optional.then_some(levels.as_slice());
            match column.kind {
                Type::Int => {
                    let data: Vec<i64> = values
                        .iter()
                        .filter_map(|v| match v {
                            Value::Int(i) => Some(*i),
                            _ => None,
                        })
                        .collect();
                    writer
                        .typed::<Int64Type>()
                        .write_batch(&data, levels, None)?;
                }
                Type::Text => {
                    let data: Vec<ByteArray> = values
                        .iter()
                        .filter_map(|v| match v {
                            Value::Text(s) => Some(ByteArray::from(s.as_str())),
                            _ => None,
                        })
                        .collect();
                    writer
                        .typed::<ByteArrayType>()
                        .write_batch(&data, levels, None)?;
                }
                Type::Bool => {
                    let data: Vec<bool> = values
                        .iter()
                        .filter_map(|v| match v {
                            Value::Bool(b) => Some(*b),
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
