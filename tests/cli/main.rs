//! The command-line tools' integration tests.
//!
//! The `kizuki` binary: each command's output matches the library's, and exit codes are
//! 0 for success, 1 for input with problems, 2 for usage and I/O errors.

mod package;

use std::path::PathBuf;
use std::process::{Command, Output};

/// The date the golden files were computed for (as in `tests/core/golden.rs`).
const TODAY: &str = "2026-12-04";
/// The DTSTAMP used for golden calendars (as in `tests/core/golden.rs`).
const DTSTAMP: &str = "2026-11-22T09:00:00+09:00";

/// The repository root (this file lives in `tests/cli/`).
fn repo_root() -> PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("the cli crate lives in the repository")
        .to_path_buf()
}

/// Golden inputs of one kind: `tests/data/<kind>/`.
fn data_dir(kind: &str) -> PathBuf {
    repo_root().join("tests/data").join(kind)
}

/// The golden file of `case`'s `what` (`result.json`, `csv`, …).
fn expected(kind: &str, case: &str, what: &str) -> PathBuf {
    data_dir(kind).join(format!("{case}.expected.{what}"))
}

fn kizuki(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_kizuki"))
        .args(args)
        .output()
        .expect("the kizuki binary runs")
}

fn path(kind: &str, file: &str) -> String {
    data_dir(kind).join(file).display().to_string()
}

fn pack(kind: &str) -> String {
    path(kind, "pack.json")
}

fn code(output: &Output) -> i32 {
    output.status.code().expect("an exit code")
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn read(path: PathBuf) -> Vec<u8> {
    std::fs::read(&path).unwrap_or_else(|_| panic!("{} is missing", path.display()))
}

#[test]
fn score_prints_the_same_json_as_the_golden_result() {
    let answers = path("checklist", "small-workplace.answers.json");
    let output = kizuki(&["score", &pack("checklist"), &answers, "--today", TODAY]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    assert_eq!(
        output.stdout,
        read(expected("checklist", "small-workplace", "result.json"))
    );
    let answers = path("course", "completed.answers.json");
    let output = kizuki(&["score", &pack("course"), &answers]);
    assert_eq!(
        output.stdout,
        read(expected("course", "completed", "result.json"))
    );
}

#[test]
fn report_export_csv_and_ics_print_the_golden_outputs() {
    let checklist = path("checklist", "small-workplace.answers.json");
    let output = kizuki(&[
        "report",
        &pack("checklist"),
        &checklist,
        "--lang",
        "en",
        "--today",
        TODAY,
    ]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    assert_eq!(
        output.stdout,
        read(expected("checklist", "small-workplace", "report.en.html"))
    );
    let output = kizuki(&[
        "export-csv",
        &pack("checklist"),
        &checklist,
        "--today",
        TODAY,
    ]);
    assert!(output.stdout.starts_with(&[0xEF, 0xBB, 0xBF]));
    assert_eq!(
        output.stdout,
        read(expected("checklist", "small-workplace", "csv"))
    );

    let plan = path("plan", "two-cases.answers.json");
    let args = [
        "report",
        &pack("plan"),
        &plan,
        "--case",
        "case-a",
        "--document",
        "return-plan",
    ];
    let output = kizuki(&args);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    assert_eq!(
        output.stdout,
        read(expected("plan", "two-cases", "case-a.return-plan.html"))
    );
    let args = [
        "ics",
        &pack("plan"),
        &plan,
        "--case",
        "case-a",
        "--dtstamp",
        DTSTAMP,
    ];
    let output = kizuki(&args);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    assert_eq!(
        output.stdout,
        read(expected("plan", "two-cases", "case-a.ics"))
    );
}

#[test]
fn input_with_problems_exits_1() {
    let wrong_pack = path("course", "completed.answers.json");
    let output = kizuki(&["score", &pack("checklist"), &wrong_pack]);
    assert_eq!(code(&output), 1);
    assert!(
        stderr(&output).contains("wrong_pack"),
        "{}",
        stderr(&output)
    );

    let plan = path("plan", "two-cases.answers.json");
    let output = kizuki(&["ics", &pack("plan"), &plan, "--case", "case-b"]);
    assert_eq!(code(&output), 1, "case-b has no return date");
    assert!(stderr(&output).contains("return_date"));

    let bad_pack = path("checklist", "small-workplace.answers.json");
    let output = kizuki(&["score", &bad_pack, &bad_pack]);
    assert_eq!(code(&output), 1, "an export is not a pack");
}

#[test]
fn usage_and_io_errors_exit_2() {
    let missing = path("checklist", "no-such-file.json");
    let output = kizuki(&["score", &pack("checklist"), &missing]);
    assert_eq!(code(&output), 2);
    assert!(stderr(&output).contains("cannot read"));

    let plan = path("plan", "two-cases.answers.json");
    let output = kizuki(&["report", &pack("plan"), &plan]);
    assert_eq!(code(&output), 2, "several cases and no --case");
    assert!(stderr(&output).contains("case-a, case-b"));

    let args = [
        "report",
        &pack("plan"),
        &plan,
        "--case",
        "case-a",
        "--document",
        "nope",
    ];
    assert_eq!(code(&kizuki(&args)), 2);
    assert_eq!(code(&kizuki(&["score"])), 2);
    assert_eq!(code(&kizuki(&["report", "--lang", "fr", "a", "b"])), 2);
}

#[test]
fn every_command_has_help() {
    for command in [
        "validate",
        "stats",
        "schema",
        "score",
        "report",
        "export-csv",
        "aggregate",
        "ics",
        "xapi",
        "package",
    ] {
        let output = kizuki(&[command, "--help"]);
        assert_eq!(code(&output), 0, "{command}");
        let text = String::from_utf8_lossy(&output.stdout);
        assert!(text.contains("Usage: kizuki"), "{command}: {text}");
    }
}

#[test]
fn aggregate_lists_skipped_files_and_hides_a_small_set() {
    let good = path("checklist", "small-workplace.answers.json");
    let other = path("course", "completed.answers.json");
    let args = [
        "aggregate",
        &pack("checklist"),
        &good,
        &other,
        "--format",
        "csv",
    ];
    let output = kizuki(&args);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    assert!(output.stdout.starts_with(&[0xEF, 0xBB, 0xBF]));
    assert!(stderr(&output).contains("skipped"));
    let json = kizuki(&["aggregate", &pack("checklist"), &good, &other]);
    let report: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(report["hidden"], true);
    assert_eq!(report["invalid"][0]["code"], "wrong_pack");
    assert_eq!(code(&kizuki(&["aggregate", &pack("plan"), &good])), 1);
}

#[test]
fn validate_checks_a_directory_file_as_a_directory() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    for file in ["content/directory/default.json", "www/embed/directory.json"] {
        let file = root.join(file).display().to_string();
        let output = kizuki(&["validate", &file]);
        assert_eq!(
            code(&output),
            0,
            "{file}: {}",
            String::from_utf8_lossy(&output.stdout)
        );
    }
    let bad =
        std::env::temp_dir().join(format!("kizuki-bad-directory-{}.json", std::process::id()));
    std::fs::write(
        &bad,
        r#"{"directory_format": 1, "maintained_by": {"ja": "x", "en": "x"}, "as_of": "2026-11-22",
            "resources": [{"id": "a", "kind": "hotline", "name": {"ja": "A", "en": "A"},
                           "description": {"ja": "a", "en": "a"}, "url": "javascript:alert(1)"}]}"#,
    )
    .unwrap();
    let output = kizuki(&["validate", &bad.display().to_string()]);
    let _ = std::fs::remove_file(&bad);
    assert_eq!(code(&output), 1);
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(text.contains("/resources/0/url"), "{text}");
}

#[test]
fn validate_warns_about_a_directory_entry_without_english() {
    let file = std::env::temp_dir().join(format!(
        "kizuki-directory-no-english-{}.json",
        std::process::id()
    ));
    std::fs::write(
        &file,
        r#"{"directory_format": 1, "maintained_by": {"ja": "x", "en": "x"}, "as_of": "2026-12-06",
            "resources": [{"id": "a", "kind": "hotline", "name": {"ja": "A"},
                           "description": {"ja": "a", "en": "a"}}]}"#,
    )
    .unwrap();
    let output = kizuki(&["validate", &file.display().to_string()]);
    let _ = std::fs::remove_file(&file);
    assert_eq!(code(&output), 0, "a warning does not fail validation");
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(
        text.contains("warning[missing_translation] /resources/0/name/en"),
        "{text}"
    );
    assert!(text.contains("ok (0 errors, 1 warnings)"), "{text}");
}

#[test]
fn stats_list_the_checklists_dated_rules_and_new_items() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let pack = root.join("content/mh-checklist.json").display().to_string();
    let output = kizuki(&["stats", &pack, "--format", "json"]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    let stats: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let dated = stats["dated_rules"].as_array().unwrap();
    let find = |id: &str| dated.iter().find(|d| d["id"] == id).cloned();
    let customer = find("har-customer").expect("customer harassment is dated");
    assert_eq!(customer["in_force"]["from"], "2026-10-01");
    let small = find("sc-annual").expect("the under-50 stress check duty is dated");
    assert_eq!(small["in_force"]["latest"], "2028-05-13");
    assert_eq!(
        small["on_content_as_of"]["status"],
        "planned_by_cabinet_order"
    );
    let areas = stats["items_per_area"].as_array().unwrap();
    let harassment = areas.iter().find(|a| a["area"] == "harassment").unwrap();
    assert!(harassment["items"]
        .as_array()
        .unwrap()
        .iter()
        .any(|i| i == "har-customer"));
}

#[test]
fn validate_warns_and_stats_counts_lesson_blocks_without_sources_of_their_own() {
    // The test course's lesson blocks carry no `sources` key: warnings, not errors.
    let output = kizuki(&["validate", &pack("course")]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    let printed = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        stderr(&output)
    );
    assert!(
        printed.contains("warning[unsourced_fact] /kit/modules/0/lessons/0/blocks/0"),
        "{printed}"
    );
    let output = kizuki(&["stats", "--format", "json", &pack("course")]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    let stats: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(stats["fact_blocks_unsourced"], stats["fact_blocks"]);
    assert_eq!(stats["warnings"], stats["fact_blocks_unsourced"]);
    assert!(stats["per_module"][0]["block_sources"].is_object());
}

#[cfg(unix)]
#[test]
fn validate_dev_zero_stops_at_the_size_limit_quickly() {
    let started = std::time::Instant::now();
    let output = kizuki(&["validate", "/dev/zero"]);
    let elapsed = started.elapsed();
    assert_eq!(code(&output), 1, "{}", stderr(&output));
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(stdout.contains("out_of_range"), "{stdout}");
    assert!(
        elapsed < std::time::Duration::from_secs(20),
        "took {elapsed:?}"
    );
    // The same for an export: `score` refuses by size, not after reading gigabytes.
    let started = std::time::Instant::now();
    let output = kizuki(&["score", &pack("checklist"), "/dev/zero"]);
    assert_eq!(code(&output), 1, "{}", stderr(&output));
    assert!(stderr(&output).contains("too_large"), "{}", stderr(&output));
    assert!(started.elapsed() < std::time::Duration::from_secs(20));
}

#[test]
fn validate_reads_a_directory_file_with_a_bom_as_a_directory() {
    let directory = repo_root().join("content/directory/default.json");
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend(read(directory));
    let path =
        std::env::temp_dir().join(format!("kizuki-bom-directory-{}.json", std::process::id()));
    std::fs::write(&path, bytes).unwrap();
    let output = kizuki(&["validate", &path.display().to_string()]);
    let _ = std::fs::remove_file(&path);
    assert_eq!(
        code(&output),
        0,
        "{}",
        String::from_utf8_lossy(&output.stdout)
    );
}

/// Issue 19: a national office outgrows a page of dropped files. `aggregate` streams
/// exports given one per line (here from a file; `-` reads stdin), counts the same as
/// separate files, and writes every counted file's normalised rows, as CSV (BOM) or as
/// Parquet that reads back with one row per file and item.
#[test]
fn aggregate_streams_json_lines_and_writes_the_rows_as_csv_and_parquet() {
    use parquet::file::reader::{FileReader, SerializedFileReader};
    let dir = std::env::temp_dir().join(format!("kizuki-cli-rows-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let export: serde_json::Value = serde_json::from_slice(&read(
        data_dir("checklist").join("small-workplace.answers.json"),
    ))
    .unwrap();
    let mut lines = String::new();
    for revision in 1..=12 {
        let mut one = export.clone();
        one["revision"] = revision.into();
        lines.push_str(&serde_json::to_string(&one).unwrap());
        lines.push('\n');
    }
    // A duplicate and a line that is not an export are listed, not counted.
    let first = lines.lines().next().unwrap().to_string();
    lines.push_str(&first);
    lines.push_str("\nnot json\n\n");
    let jsonl = dir.join("exports.jsonl");
    std::fs::write(&jsonl, &lines).unwrap();
    let items = {
        let pack: serde_json::Value =
            serde_json::from_slice(&read(data_dir("checklist").join("pack.json"))).unwrap();
        pack["kit"]["areas"]
            .as_array()
            .unwrap()
            .iter()
            .map(|area| area["items"].as_array().unwrap().len())
            .sum::<usize>()
    };
    for name in ["rows.csv", "rows.parquet"] {
        let rows = dir.join(name);
        let output = kizuki(&[
            "aggregate",
            &pack("checklist"),
            "--jsonl",
            &jsonl.display().to_string(),
            "--rows",
            &rows.display().to_string(),
        ]);
        assert_eq!(code(&output), 0, "{}", stderr(&output));
        let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
        assert_eq!(report["files_valid"], 12);
        assert_eq!(report["files_read"], 14);
        assert_eq!(report["invalid"].as_array().unwrap().len(), 2);
        assert!(report["checklist"]["why_not_overall"]["shown"].is_object());
        if name.ends_with(".csv") {
            let text = std::fs::read_to_string(&rows).unwrap();
            assert!(text.starts_with('\u{feff}'), "BOM");
            assert_eq!(text.lines().count(), 1 + 12 * items);
        } else {
            let reader = SerializedFileReader::new(std::fs::File::open(&rows).unwrap()).unwrap();
            let total: i64 = reader
                .metadata()
                .row_groups()
                .iter()
                .map(|group| group.num_rows())
                .sum();
            assert_eq!(total, i64::try_from(12 * items).unwrap());
            let columns: Vec<String> = reader
                .metadata()
                .file_metadata()
                .schema_descr()
                .columns()
                .iter()
                .map(|column| column.name().to_string())
                .collect();
            assert_eq!(
                columns,
                [
                    "file_no", "file", "band", "complete", "percent", "item", "applies", "choice",
                    "reasons"
                ]
            );
        }
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

/// The men's mean workload in a stress aggregation report.
fn men_whole_workload(report: &serde_json::Value) -> f64 {
    report["questionnaire"]["splits"][0]["whole"]["shown"]["measures"]["workload"]
        .as_f64()
        .unwrap()
}

/// Every row of a Parquet file, as (column, value) pairs in the file's column order.
fn parquet_rows(path: &std::path::Path) -> Vec<Vec<(String, serde_json::Value)>> {
    use parquet::file::reader::{FileReader, SerializedFileReader};
    let reader = SerializedFileReader::new(std::fs::File::open(path).unwrap()).unwrap();
    reader
        .get_row_iter(None)
        .unwrap()
        .map(|row| {
            let row = row.unwrap();
            row.get_column_iter()
                .map(|(name, field)| {
                    use parquet::record::Field;
                    let value = match field {
                        Field::Null => serde_json::Value::Null,
                        Field::Bool(b) => (*b).into(),
                        Field::Long(i) => (*i).into(),
                        Field::Int(i) => (*i).into(),
                        Field::Str(s) => s.clone().into(),
                        other => panic!("a column type the rows do not use: {other:?}"),
                    };
                    (name.clone(), value)
                })
                .collect()
        })
        .collect()
}

/// Issue 19: course records stream through `aggregate` as running counts (no learner's
/// record is kept), and the figures are those of the records: 20 completed records (every
/// quiz passed; 理解度 positive in both modules, 有用度 positive in the first only) and
/// 10 in progress (first module's quiz passed, the second only read, no feedback); 15 of
/// the completed give a follow-up, 12 with a concrete improvement.
#[test]
fn aggregate_streams_course_records_into_running_figures() {
    let dir = std::env::temp_dir().join(format!("kizuki-cli-course-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let record = |case: &str| -> serde_json::Value {
        serde_json::from_slice(&read(
            data_dir("course").join(format!("{case}.answers.json")),
        ))
        .unwrap()
    };
    let mut lines = String::new();
    for index in 0..30 {
        let mut one = record(if index < 20 {
            "completed"
        } else {
            "in-progress"
        });
        one["revision"] = (index + 1).into();
        one["state"]["data"]["learner_id"] = format!("{index:032x}").into();
        if index < 15 {
            one["state"]["data"]["follow_up"] =
                serde_json::json!({"date": "2026-04-01", "improved": index < 12});
        }
        lines.push_str(&serde_json::to_string(&one).unwrap());
        lines.push('\n');
    }
    let jsonl = dir.join("records.jsonl");
    std::fs::write(&jsonl, &lines).unwrap();
    let parquet = dir.join("rows.parquet");
    let output = kizuki(&[
        "aggregate",
        &pack("course"),
        "--jsonl",
        &jsonl.display().to_string(),
        "--rows",
        &parquet.display().to_string(),
    ]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    // The rows read back: one per record and module, with the columns the KPIs need; the
    // figures below follow from them as from the report.
    let rows = parquet_rows(&parquet);
    assert_eq!(rows.len(), 30 * 2);
    let columns: Vec<&str> = rows[0].iter().map(|(name, _)| name.as_str()).collect();
    assert_eq!(
        columns,
        [
            "file_no",
            "file",
            "course_completed",
            "improved",
            "module",
            "started",
            "completed",
            "attempts",
            "passed",
            "best_percent",
            "active_seconds",
            "feedback_understanding",
            "feedback_understanding_positive",
            "feedback_usefulness",
            "feedback_usefulness_positive"
        ]
    );
    let count = |test: &dyn Fn(&serde_json::Map<String, serde_json::Value>) -> bool| {
        rows.iter()
            .map(|row| row.iter().cloned().collect::<serde_json::Map<_, _>>())
            .filter(|row| test(row))
            .count()
    };
    let first = |row: &serde_json::Map<String, serde_json::Value>| row["module"] == "four-cares";
    let second = |row: &serde_json::Map<String, serde_json::Value>| row["module"] == "noticing";
    assert_eq!(count(&|r| first(r) && r["course_completed"] == true), 20);
    assert_eq!(count(&|r| first(r) && r["improved"] == true), 12);
    assert_eq!(count(&|r| first(r) && r["improved"] == false), 3);
    assert_eq!(count(&|r| first(r) && r["improved"].is_null()), 15);
    assert_eq!(count(&|r| second(r) && r["started"] == true), 30);
    assert_eq!(count(&|r| second(r) && r["attempts"] != 0), 20);
    assert_eq!(
        count(&|r| second(r) && r["feedback_usefulness"] == "not"),
        20
    );
    assert_eq!(
        count(&|r| second(r) && r["feedback_usefulness_positive"] == false),
        20
    );
    assert_eq!(count(&|r| r["feedback_usefulness_positive"].is_null()), 20);
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(report["files_valid"], 30, "{report}");
    let course = &report["course"];
    assert_eq!(course["completed_course"], 20);
    assert_eq!(course["completion_rate_percent"], 66.7);
    let follow_up = &course["follow_up"]["shown"];
    assert_eq!(follow_up["answered"], 15);
    assert_eq!(follow_up["improved_percent"], 80.0);
    let module = |index: usize| &course["modules"][index]["figures"]["shown"];
    let (first, second) = (module(0), module(1));
    assert_eq!(first["started"], 30);
    assert_eq!(first["completed"], 20);
    assert_eq!(first["quiz"]["shown"]["attempted"], 30);
    assert_eq!(first["quiz"]["shown"]["pass_rate_percent"], 100.0);
    assert_eq!(second["started"], 30);
    assert_eq!(second["quiz"]["shown"]["attempted"], 20);
    let feedback = |module: &serde_json::Value, index: usize| {
        module["feedback"][index]["figures"]["shown"]["positive_percent"].clone()
    };
    assert_eq!(feedback(first, 0), 100.0);
    assert_eq!(feedback(first, 1), 100.0);
    assert_eq!(feedback(second, 0), 100.0);
    assert_eq!(feedback(second, 1), 0.0);
    assert_eq!(second["feedback"][1]["figures"]["shown"]["answered"], 20);
    std::fs::remove_dir_all(&dir).unwrap();
}

/// Issue 18: `aggregate` of stress self-check exports gives the group analysis (the
/// 仕事のストレス判定図 means by sex and group) in the JSON and the CSV, with groups under
/// 10 hidden, not only the count of files.
#[test]
fn aggregate_of_stress_self_check_exports_gives_the_group_analysis_with_small_sets_hidden() {
    let pack_path = repo_root().join("content/bjsq-57.json");
    let pack: serde_json::Value = serde_json::from_slice(&read(pack_path.clone())).unwrap();
    let items: Vec<String> = pack["kit"]["sections"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|section| section["items"].as_array().unwrap().iter())
        .map(|item| item["id"].as_str().unwrap().to_string())
        .collect();
    // 12 men in 営業 and 3 women in 総務, each with different answers.
    let mut lines = String::new();
    for person in 0..15usize {
        let (sex, group) = if person < 12 {
            ("male", "営業")
        } else {
            ("female", "総務")
        };
        let answers: serde_json::Map<String, serde_json::Value> = items
            .iter()
            .enumerate()
            .map(|(i, id)| {
                // The first two items write the person's number in base 4: no two alike.
                let digit = match i {
                    0 => person % 4,
                    1 => person / 4 % 4,
                    _ => (i * 7 + person * 3) % 4,
                };
                (id.clone(), (digit + 1).to_string().into())
            })
            .collect();
        let export = serde_json::json!({
            "kizuki_export": 2,
            "pack_id": pack["id"],
            "pack_version": pack["version"],
            "saved_at": "2026-12-06T09:00:00+09:00",
            "revision": 1,
            "state": {"kind": "questionnaire", "data": {
                "respondent": {"sex": sex}, "items": answers, "group": group
            }}
        });
        lines.push_str(&serde_json::to_string(&export).unwrap());
        lines.push('\n');
    }
    let dir = std::env::temp_dir().join(format!("kizuki-cli-stress-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let jsonl = dir.join("exports.jsonl");
    std::fs::write(&jsonl, &lines).unwrap();
    let (pack_arg, jsonl_arg) = (pack_path.display().to_string(), jsonl.display().to_string());
    let output = kizuki(&["aggregate", &pack_arg, "--jsonl", &jsonl_arg]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(report["kind"], "questionnaire");
    assert_eq!(report["files_valid"], 15);
    let figures = &report["questionnaire"];
    assert_eq!(figures["files_counted"], 15);
    let men = &figures["splits"][0];
    assert_eq!(men["value"], "male");
    assert_eq!(men["whole"]["shown"]["n"], 12);
    assert!(men["whole"]["shown"]["measures"]["workload"].is_number());
    // The pack carries the men's and women's national means and coefficients: the men's
    // figures have their health risk (100 = the national mean), per chart and in total.
    for part in ["demand-control", "support", "total"] {
        assert!(
            men["whole"]["shown"]["risk"][part]
                .as_f64()
                .is_some_and(|v| v > 0.0),
            "{part}: {men}"
        );
    }
    assert_eq!(men["groups"][0]["group"], "営業");
    assert_eq!(men["groups"][0]["figures"]["shown"]["n"], 12);
    let women = &figures["splits"][1];
    assert_eq!(women["whole"]["hidden"]["min_group"], 10);
    let csv = kizuki(&[
        "aggregate",
        &pack_arg,
        "--jsonl",
        &jsonl_arg,
        "--format",
        "csv",
    ]);
    assert_eq!(code(&csv), 0, "{}", stderr(&csv));
    let text = String::from_utf8(csv.stdout).unwrap();
    assert!(text.starts_with('\u{feff}'), "BOM");
    assert!(text.contains("男性 / 営業,,,人数,12"), "{text}");
    assert!(text.contains("女性 / 全体,,,人数,非表示"), "{text}");
    assert!(text.contains(",workload,"), "{text}");
    assert!(
        text.contains("男性 / 営業,total,総合健康リスク,健康リスク（全国平均=100）,"),
        "{text}"
    );
    // --rows: one row per person, with only what the group analysis uses; the men's mean
    // workload from the rows is the report's.
    let parquet = dir.join("people.parquet");
    let parquet_arg = parquet.display().to_string();
    let output = kizuki(&[
        "aggregate",
        &pack_arg,
        "--jsonl",
        &jsonl_arg,
        "--rows",
        &parquet_arg,
    ]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    let rows = parquet_rows(&parquet);
    assert_eq!(rows.len(), 15);
    let columns: Vec<&str> = rows[0].iter().map(|(name, _)| name.as_str()).collect();
    assert_eq!(
        &columns[..5],
        ["file_no", "file", "complete", "split", "group"]
    );
    assert!(columns.contains(&"workload"), "{columns:?}");
    assert!(
        !columns.iter().any(|c| items.iter().any(|item| item == c)),
        "no item answers in the rows: {columns:?}"
    );
    let men: Vec<serde_json::Map<String, serde_json::Value>> = rows
        .into_iter()
        .map(|row| row.into_iter().collect())
        .filter(|row: &serde_json::Map<String, serde_json::Value>| row["split"] == "male")
        .collect();
    assert_eq!(men.len(), 12);
    assert!(men
        .iter()
        .all(|row| row["group"] == "営業" && row["complete"] == true));
    let sum: f64 = men
        .iter()
        .map(|row| row["workload"].as_f64().unwrap())
        .sum();
    let expected = men_whole_workload(&report);
    assert_eq!((sum / 12.0 * 10.0).round() / 10.0, expected);
    std::fs::remove_dir_all(&dir).unwrap();
}

/// A reader that has gone (`kizuki stats … | head`) ends the output quietly: no panic, the
/// command's own exit code. The pipe's read end is closed before the command starts, so
/// every write meets a broken pipe.
#[test]
fn a_closed_pipe_on_stdout_is_not_a_panic() {
    for args in [
        vec!["stats".to_string(), pack("checklist")],
        vec!["validate".to_string(), pack("checklist")],
        vec!["schema".to_string()],
    ] {
        let (reader, writer) = std::io::pipe().expect("a pipe");
        drop(reader);
        let output = Command::new(env!("CARGO_BIN_EXE_kizuki"))
            .args(&args)
            .stdout(writer)
            .stderr(std::process::Stdio::piped())
            .output()
            .expect("the kizuki binary runs");
        assert_eq!(code(&output), 0, "{args:?}: {}", stderr(&output));
        assert!(!stderr(&output).contains("panicked"), "{args:?}");
    }
}

/// `kizuki pack split`: the build's one-language files (issue 14), made by the core and
/// valid, for every pack given; a pack with errors stops it and nothing of it is written.
#[test]
fn pack_split_writes_a_valid_file_per_language_and_refuses_a_broken_pack() {
    let dir = std::env::temp_dir().join(format!("kizuki-cli-split-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let out = dir.display().to_string();
    let output = kizuki(&[
        "pack",
        "split",
        &pack("checklist"),
        &pack("course"),
        "--out",
        &out,
    ]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    for kind in ["checklist", "course"] {
        let bilingual: serde_json::Value =
            serde_json::from_slice(&read(data_dir(kind).join("pack.json"))).unwrap();
        let id = bilingual["id"].as_str().unwrap();
        for lang in ["ja", "en"] {
            let file = dir.join(format!("{id}.{lang}.json"));
            let json: serde_json::Value = serde_json::from_slice(&read(file.clone())).unwrap();
            assert_eq!(json["lang"], lang, "{}", file.display());
            assert_eq!(json["version"], bilingual["version"]);
            let other = if lang == "ja" { "en" } else { "ja" };
            assert!(json["title"].get(other).is_none(), "{}", file.display());
            let check = kizuki(&["validate", &file.display().to_string()]);
            assert_eq!(
                code(&check),
                0,
                "{}",
                String::from_utf8_lossy(&check.stdout)
            );
        }
    }
    let broken = path("checklist", "bad-dates.pack.json");
    let output = kizuki(&["pack", "split", &broken, "--out", &out]);
    assert_eq!(code(&output), 1, "{}", stderr(&output));
    assert!(stderr(&output).contains("not split"), "{}", stderr(&output));
    assert!(!std::fs::read_dir(&dir).unwrap().any(|entry| entry
        .unwrap()
        .file_name()
        .to_string_lossy()
        .contains("bad-dates")));
    std::fs::remove_dir_all(&dir).unwrap();
}

/// `kizuki pack about`: each pack's about panel in each language, as the core words it for
/// the widgets (the site's home page is laid out from it): dates written out per language,
/// a reserved `.example` address said to be a placeholder; a pack with errors stops it.
#[test]
fn pack_about_gives_each_packs_panel_in_each_language() {
    let output = kizuki(&[
        "pack",
        "about",
        "--build",
        "9.8.7",
        "--report-url",
        "https://errors.example.org/kizuki",
        &pack("checklist"),
    ]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    let about: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let bilingual: serde_json::Value =
        serde_json::from_slice(&read(data_dir("checklist").join("pack.json"))).unwrap();
    let [entry] = about.as_array().unwrap().as_slice() else {
        panic!("one entry per pack: {about}");
    };
    assert_eq!(entry["id"], bilingual["id"]);
    let (year, month, day) = {
        let date = bilingual["content_as_of"].as_str().unwrap();
        let parts: Vec<u32> = date.split('-').map(|p| p.parse().unwrap()).collect();
        (parts[0], parts[1], parts[2])
    };
    assert_eq!(
        entry["ja"]["content_as_of"],
        format!("{year}年{month}月{day}日")
    );
    let en = entry["en"]["content_as_of"].as_str().unwrap();
    assert!(
        en.starts_with(&format!("{day} ")) && en.ends_with(&format!(" {year}")),
        "{en}"
    );
    for lang in ["ja", "en"] {
        assert_eq!(entry[lang]["title"], bilingual["title"][lang]);
        assert_eq!(entry[lang]["build_version"], "9.8.7");
        assert_eq!(entry[lang]["pack_version"], bilingual["version"]);
        assert_eq!(entry[lang]["report_url_is_placeholder"], true);
    }
    let real = kizuki(&[
        "pack",
        "about",
        "--build",
        "1",
        "--report-url",
        "https://www.mhlw.go.jp/",
        &pack("checklist"),
    ]);
    let real: serde_json::Value = serde_json::from_slice(&real.stdout).unwrap();
    assert_eq!(real[0]["ja"]["report_url_is_placeholder"], false);
    let broken = path("checklist", "bad-dates.pack.json");
    let output = kizuki(&[
        "pack",
        "about",
        "--build",
        "1",
        "--report-url",
        "https://x.jp/",
        &broken,
    ]);
    assert_eq!(code(&output), 1, "{}", stderr(&output));
    assert!(output.stdout.is_empty());
}

/// README shows the DuckDB queries of `aggregate --rows` whole, from the files that
/// `tests/bench/duckdb-check.sh` runs against the report: one source, so a query fixed in
/// the file cannot stay wrong in README (and none is shown that the check does not run).
#[test]
fn readme_shows_the_duckdb_queries_the_check_runs() {
    let readme = std::fs::read_to_string(repo_root().join("README.md")).unwrap();
    for name in [
        "aggregate-duckdb.sql",
        "aggregate-duckdb-course.sql",
        "aggregate-duckdb-stress.sql",
    ] {
        let sql = std::fs::read_to_string(repo_root().join("tests/bench").join(name)).unwrap();
        let block = format!("```sql\n{sql}```\n");
        assert!(
            readme.contains(&block),
            "README.md shows tests/bench/{name} whole in a ```sql block"
        );
    }
    // Every DuckDB block in README is one of them.
    assert_eq!(readme.matches("read_parquet(").count(), 3);
}
