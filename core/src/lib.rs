//! Kizuki's engine: content packs, validation, scoring, sessions, export and import.
//!
//! The library is pure: no I/O, no clock, no randomness. Callers pass time and random
//! bytes in, and every fallible operation returns [`Error`] or a list of diagnostics.
#![deny(missing_docs)]

pub mod kind;
pub mod pack;
pub mod text;

pub use pack::{Kit, Pack, FORMAT_VERSION};
pub use text::{Lang, Text};
