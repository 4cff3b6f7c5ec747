//! The content kinds: one module each, mirrored in `web/src/kind/` and `tests/data/`.

#[cfg(feature = "checklist")]
pub mod checklist;
#[cfg(feature = "course")]
pub mod course;
#[cfg(feature = "plan")]
pub mod plan;
