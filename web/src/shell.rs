//! The web shell: what every kit does the same way around its own screens.
//!
//! - [`record`] — a kit's saved record: the effects a reducer queues (save, download, replace
//!   after an import, undo, erase, reload) and the one place that runs them against
//!   `platform` storage, so `reduce` itself writes nothing and downloads nothing.
//! - [`data_panel`] — the one export / import / erase panel, its buttons from the formats the
//!   core offers for the pack's kind (`Kit::file_formats`), the "replace?" question and
//!   "undo import" of `import_confirm`.
//! - [`confirm`] — "are you sure?": the one button that asks before it acts (erasing, plain
//!   exports, deleting a case).
//! - [`notice`] — the one notice type over the core's errors and storage errors, worded from
//!   the shared `ui` table and the kit's own words.
//! - [`other_tab`] — "newer in another tab": the `storage` event for the kit's record.
//! - [`kit`] — a kit's model on the shell (`ShellKit`): the shell's messages taken once for
//!   every kit, and `use_shell`, which runs the queued effects and listens for other tabs.
//!
//! Used by the checklist, the course and the stress self-check; the planner keeps its sealed
//! record in a `Record` over its vault (`record::Store`) and uses the notices and `other_tab`
//! (its panel is its own, reading files with `data_panel::on_file_chosen` and asking with
//! `confirm::Confirm`: ARCHITECTURE.md says why).

pub mod confirm;
pub mod data_panel;
pub mod kit;
pub mod notice;
pub mod other_tab;
pub mod record;
