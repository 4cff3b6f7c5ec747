//! Kizuki's engine: content packs, validation, scoring, sessions, export and import.
//!
//! The library is pure: no I/O, no clock, no randomness. Callers pass time and random
//! bytes in, and every fallible operation returns [`Error`] or a list of diagnostics.
//!
//! Load a pack, answer, score:
//!
//! ```
//! use kizuki_core::kind::checklist::{Checklist, ChecklistAction, ChecklistAnswers};
//! use kizuki_core::load_pack;
//!
//! let pack = load_pack(include_bytes!("../../tests/data/checklist/pack.json"))
//!     .expect("the test pack is valid");
//! let checklist = pack.content::<Checklist>().expect("a checklist pack");
//!
//! let mut answers = ChecklistAnswers::default();
//! for action in [
//!     ChecklistAction::SetProfile { question: "size".into(), choice: "10to49".into() },
//!     ChecklistAction::Answer { item: "policy-statement".into(), choice: Some("yes".into()) },
//!     ChecklistAction::Answer { item: "policy-plan".into(), choice: Some("no".into()) },
//! ] {
//!     checklist.apply(&mut answers, &action).expect("ids exist in the pack");
//! }
//!
//! let result = checklist.result(&answers, "2026-12-04"); // today, passed in
//! assert_eq!(result.areas[0].percent, Some(43)); // (3×100 + 4×0) / (7×100)
//! assert_eq!(result.recommendations[0].item, "policy-plan");
//! ```
#![deny(missing_docs)]
// With one kind's feature only, helpers shared by kinds go unused: what the full build
// (feature `all-kinds`, which lists every kind) checks, a one-kind build need not repeat.
#![cfg_attr(
    not(feature = "all-kinds"),
    allow(
        irrefutable_let_patterns,
        unreachable_patterns,
        dead_code,
        unused_imports,
        unused_variables
    )
)]

pub mod about;
#[cfg(feature = "aggregate")]
pub mod aggregate;
pub mod csv_export;
pub mod date;
pub mod diagnostic;
pub mod directory;
pub mod document;
pub mod error;
pub mod export;
pub mod file_name;
#[cfg(feature = "plan")]
pub use kind::plan::ics;
pub mod import_preview;
pub mod imported;
pub mod json;
pub mod json_keys;
pub mod kind;
pub mod language_file;
pub mod load;
pub mod pack;
pub mod passphrase;
pub mod phone;
pub mod report;
#[cfg(feature = "schema")]
pub mod schema;
#[cfg(feature = "all-kinds")]
pub mod stats;
#[cfg(any(feature = "course", feature = "plan"))]
pub(crate) mod tagged;
pub mod text;
pub mod validate;
#[cfg(feature = "plan")]
pub mod vault;
pub mod vec_map;
#[cfg(feature = "course")]
pub use kind::course::xapi;
#[cfg(feature = "course")]
pub use kind::course::{cmi5, lms, package as lms_package};

pub use diagnostic::{Code, Diagnostic, Severity};
pub use error::{Error, Result};
pub use load::{load_pack, parse_pack, ValidPack};
pub use pack::{Kit, Pack, FORMAT_VERSION};
pub use text::{Lang, Text};
pub use vec_map::{VecMap, VecSet};
