//! The content kinds: one module each, mirrored in `web/src/kind/` and `tests/data/`.

pub mod checklist;
pub mod course;
pub mod plan;
