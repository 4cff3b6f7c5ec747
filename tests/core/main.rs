//! The core's integration tests, one binary: committed content, the schema, golden files,
//! export/import round trips and tidiness rules.

mod about;
mod aggregate;
mod content;
mod csv_export;
mod data_panel;
mod dated_rules;
mod docx;
mod golden;
mod hostile;
mod ics;
mod imported;
mod lms;
mod lms_package;
mod one_language;
mod passphrase;
mod questionnaire;
mod report;
mod roundtrip;
mod schema;
mod stress_groups;
mod tagged_blocks;
mod tidy;
mod xapi;

/// The repository root (this file lives in `tests/core/`).
pub fn repo_root() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("the core crate lives in the repository")
        .to_path_buf()
}
