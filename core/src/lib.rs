//! Kizuki's engine: content packs, validation, scoring, sessions, export and import.
//!
//! The library is pure: no I/O, no clock, no randomness. Callers pass time and random
//! bytes in, and every fallible operation returns [`Error`] or a list of diagnostics.
#![deny(missing_docs)]

pub mod aggregate;
pub mod csv_export;
pub mod date;
pub mod diagnostic;
pub mod directory;
pub mod error;
pub mod export;
pub mod ics;
pub mod kind;
pub mod load;
pub mod pack;
pub mod report;
#[cfg(feature = "schema")]
pub mod schema;
pub mod stats;
pub mod text;
pub mod validate;
pub mod xapi;
pub mod vault;

pub use diagnostic::{Code, Diagnostic, Severity};
pub use error::{Error, Result};
pub use load::{load_pack, parse_pack, ValidPack};
pub use pack::{Kit, Pack, FORMAT_VERSION};
pub use text::{Lang, Text};
