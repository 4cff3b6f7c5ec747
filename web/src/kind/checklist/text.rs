//! The checklist's UI strings, one JSON file per locale (`web/locales/{ja,en}/checklist.json`).
//!
//! Content (areas, items, scale, levels, helpers) comes from the pack; these are only the
//! words around it. Placeholders are written `{name}` and filled with [`fill`].

use kizuki_core::Lang;

pub use crate::shell::data_panel::DataPanelText;

/// Every string of the checklist's UI, in one language (English shown in the docs).
#[derive(Debug, PartialEq, Eq)]
pub struct ChecklistText {
    /// A checklist to see for yourself how far your workplace's mental-health measures have com…
    pub intro: &'static str,
    /// Your answers are saved automatically in this browser and are never sent anywhere.
    pub autosave_note: &'static str,
    /// About your workplace
    pub profile_heading: &'static str,
    /// First, tell us about your workplace. The items asked, and which are legal duties, depend…
    pub profile_intro: &'static str,
    /// Answer every question to start the checklist.
    pub profile_incomplete: &'static str,
    /// Start the checklist
    pub start: &'static str,
    /// {answered} / {total} answered
    pub progress: &'static str,
    /// Progress
    pub progress_label: &'static str,
    /// Area {n} of {total}
    pub area_step: &'static str,
    /// This area: {answered} / {total} answered
    pub area_answered: &'static str,
    /// Previous area
    pub previous_area: &'static str,
    /// Next area
    pub next_area: &'static str,
    /// See the results
    pub to_results: &'static str,
    /// Back to the answers
    pub back_to_answers: &'static str,
    /// Checklist contents
    pub nav_label: &'static str,
    /// About your workplace
    pub nav_profile: &'static str,
    /// Results
    pub nav_results: &'static str,
    /// {answered}/{total}
    pub nav_count: &'static str,
    /// answered
    pub nav_complete: &'static str,
    /// (shown)
    pub nav_current: &'static str,
    /// No items apply to this workplace.
    pub no_items: &'static str,
    /// Why it matters / What shows it
    pub item_details: &'static str,
    /// Why it matters
    pub why_heading: &'static str,
    /// What shows it is in place
    pub evidence_heading: &'static str,
    /// The rule today (changed since the source was written)
    pub updates_heading: &'static str,
    /// (as of {date})
    pub update_as_of: &'static str,
    /// Sources
    pub sources_heading: &'static str,
    /// Legal duty
    pub obligation_legal_duty: &'static str,
    /// Duty to endeavour
    pub obligation_effort_duty: &'static str,
    /// Recommended
    pub obligation_recommended: &'static str,
    /// Status
    pub obligation_label: &'static str,
    /// Why is it not (fully) in place? (tick all that apply)
    pub why_not_legend: &'static str,
    /// Other reason (in your words)
    pub why_not_other_label: &'static str,
    /// Results
    pub results_heading: &'static str,
    /// These results are a guide for checking your own measures. They do not diagnose or judge …
    pub not_a_diagnosis: &'static str,
    /// {remaining} items are not answered yet. Answer them to include them in the results.
    pub results_incomplete: &'static str,
    /// Where the workplace stands
    pub overall_heading: &'static str,
    /// Overall {percent}%
    pub overall_score: &'static str,
    /// Level: {level}
    pub overall_level: &'static str,
    /// No answer gives a score yet. Scores come from items answered in place, partly or not in …
    pub no_score: &'static str,
    /// Answered {answered}/{total}
    pub coverage_line: &'static str,
    /// The overall score and level appear once {threshold}% of the items that apply are answ…
    pub coverage_below: &'static str,
    /// Of these, {n} answered “don't know” (treated as not in place and put in the action plan)
    pub unknown_count: &'static str,
    /// Legal duties to check
    pub consistency_heading: &'static str,
    /// Answered “not applicable”, but these are legal duties at this workplace. Please review…
    pub contradicted_heading: &'static str,
    /// By area
    pub chart_heading: &'static str,
    /// Score by area (%)
    pub chart_label: &'static str,
    /// not answered
    pub chart_no_score: &'static str,
    /// What to do first (action plan)
    pub plan_heading: &'static str,
    /// Ordered by legal duty, importance and ease. Owners and target dates you enter also go in…
    pub plan_intro: &'static str,
    /// Answered “don't know”: first find out whether it is in place.
    pub plan_unknown: &'static str,
    /// No item was answered as not (fully) in place.
    pub plan_empty: &'static str,
    /// Show the other {n} items
    pub plan_show_all: &'static str,
    /// Show only the first {n} items
    pub plan_show_fewer: &'static str,
    /// Priority {rank}
    pub rank: &'static str,
    /// Done (in place of the priority, for an action ticked done)
    pub rank_done: &'static str,
    /// Answer now: {answer}
    pub current_answer: &'static str,
    /// What you can do
    pub recommendation_heading: &'static str,
    /// Help
    pub helpers_heading: &'static str,
    /// About these sources of help
    pub helpers_more: &'static str,
    /// Owner
    pub owner_label: &'static str,
    /// Target date
    pub due_label: &'static str,
    /// Done
    pub done_label: &'static str,
    /// Where to get help
    pub help_heading: &'static str,
    /// You can ask this center about these measures.
    pub help_intro_center: &'static str,
    /// Above the regional resource directory.
    pub help_intro_directory: &'static str,
    /// Mental-health plan (draft)
    pub draft_heading: &'static str,
    /// A draft made from your answers and the action plan. Change it as you like: your edits a…
    pub draft_intro: &'static str,
    /// 1. Policy
    pub draft_policy: &'static str,
    /// 2. Organisation and measures in place
    pub draft_organisation: &'static str,
    /// 3. Priority measures
    pub draft_priorities: &'static str,
    /// 4. Evaluation and review
    pub draft_evaluation: &'static str,
    /// This workplace treats the mental health of its workers as an important matter and, follo…
    pub draft_policy_text: &'static str,
    /// Person in charge: (fill in) Where to consult: (fill in)  Measures in place now:
    pub draft_organisation_intro: &'static str,
    /// (no item is answered as in place yet)
    pub draft_organisation_none: &'static str,
    /// {rank}. {item}
    pub draft_priority_line: &'static str,
    /// Measure: {recommendation}
    pub draft_priority_detail: &'static str,
    /// Owner: {owner}   Target date: {due}
    pub draft_priority_owner: &'static str,
    /// (done)
    pub draft_priority_done: &'static str,
    /// not decided
    pub draft_unset: &'static str,
    /// (no item is answered as not fully in place yet)
    pub draft_priorities_none: &'static str,
    /// [Legal duties not yet met]
    pub draft_consistency_heading: &'static str,
    /// Check as of {date}: {score}  Once a year, the workplace runs this checklist again, compa…
    pub draft_evaluation_text: &'static str,
    /// {area} {score}
    pub draft_evaluation_area: &'static str,
    /// {percent}% ({level})
    pub draft_score: &'static str,
    /// (edited)
    pub draft_edited: &'static str,
    /// Rebuild this section from the answers
    pub draft_reset: &'static str,
    /// Erase what you wrote in this section and write it again from the answers?
    pub draft_reset_question: &'static str,
    /// Write it again (erase what I wrote)
    pub draft_reset_confirm: &'static str,
    /// This section was also changed in another tab at the same time. Neither text was thrown…
    pub draft_conflict_intro: &'static str,
    /// The other text (that one)
    pub draft_conflict_other: &'static str,
    /// Use this one
    pub draft_conflict_ours: &'static str,
    /// Use the other one
    pub draft_conflict_theirs: &'static str,
    /// Keep both
    pub draft_conflict_both: &'static str,
    /// Together the two texts are longer than a section holds ({limit} characters)…
    pub draft_conflict_too_long: &'static str,
    /// Print
    pub print: &'static str,
    /// Choose “Save as PDF” in the print dialog to keep a PDF file.
    pub print_hint: &'static str,
    /// Save, load, erase
    pub files_heading: &'static str,
    /// To continue on another device, or to keep a record, save your answers to a file.
    pub files_intro: &'static str,
    /// The words of the data panel and its notices (the nested `data_panel` object).
    pub data_panel: DataPanelText,
    /// Loading replaces the answers here with the file's.
    pub import_hint: &'static str,
    /// Compare with an earlier record
    pub compare_heading: &'static str,
    /// Choose a file you saved earlier (for example last year's check) to compare it with the a…
    pub compare_intro: &'static str,
    /// Choose a file to compare
    pub compare_label: &'static str,
    /// Comparing with “{file}” (saved {date}).
    pub compare_loaded: &'static str,
    /// Overall: {before} → {after}
    pub compare_overall: &'static str,
    /// Area
    pub compare_area: &'static str,
    /// Before
    pub compare_before: &'static str,
    /// Now
    pub compare_after: &'static str,
    /// Change
    pub compare_change: &'static str,
    /// Improved items
    pub compare_improved: &'static str,
    /// Items that slipped back
    pub compare_worsened: &'static str,
    /// none
    pub compare_none: &'static str,
    /// —
    pub compare_no_score: &'static str,
    /// Close the comparison
    pub compare_close: &'static str,
    /// +{n}
    pub change_up: &'static str,
    /// −{n}
    pub change_down: &'static str,
    /// ±0
    pub change_same: &'static str,
    /// Start with the quick check
    pub start_quick: &'static str,
    /// Answer every item
    pub start_full: &'static str,
    ///  ({n} items, about {minutes} min): under a start button's label, once the profile
    /// says how many items there are
    pub start_length: &'static str,
    /// The quick check asks only the key items, legal duties at your workplace's size first, an
    pub start_quick_hint: &'static str,
    /// Quick check
    pub quick_heading: &'static str,
    /// The {n} key items for a workplace of your size (about {minutes} min), legal duties first
    pub quick_intro: &'static str,
    /// See the quick check's result
    pub quick_to_results: &'static str,
    /// Quick check: result
    pub quick_results_heading: &'static str,
    /// Quick check: {answered}/{total} answered
    pub quick_coverage: &'static str,
    /// This covers the key items only. Scores and stages by area are shown once every item is a
    pub quick_summary_note: &'static str,
    /// What to do first
    pub quick_actions_heading: &'static str,
    /// Every item of the quick check is in place.
    pub quick_no_actions: &'static str,
    /// Go on to every item
    pub quick_continue: &'static str,
    ///  ({n} left, about {minutes} min): under the way on to every item, on a line of its own
    pub quick_continue_length: &'static str,
    /// Back to the quick check's answers
    pub quick_back: &'static str,
    /// Print this summary (one page)
    pub quick_print: &'static str,
    /// Print the plan alone (one A4 page)
    pub draft_print: &'static str,
    /// Save as a Word document (.docx)
    pub draft_docx: &'static str,
    /// Save as text (.txt)
    pub draft_text: &'static str,
    /// Sections of the results
    pub sections_label: &'static str,
    /// Back to the top of the results
    pub back_to_top: &'static str,
    /// {area} ({n} items)
    pub draft_organisation_area: &'static str,
    /// By area: {areas}
    pub draft_evaluation_areas: &'static str,
    /// ;
    pub draft_list_separator: &'static str,
    /// The results by area and the action plan also show what changed since then (better, worse, newly answered).
    pub compare_marked: &'static str,
    /// Items answered this time, not before
    pub compare_new: &'static str,
    /// Better than before
    pub change_better: &'static str,
    /// Worse than before
    pub change_worse: &'static str,
    /// New since before
    pub change_new: &'static str,
    /// Workplace name (optional)
    pub workplace_label: &'static str,
    /// If you enter it, it goes into the names of files you save, the heading of the draft plan and the print…
    pub workplace_hint: &'static str,
    /// Workplace: {name}
    pub workplace_line: &'static str,
    /// {name}: mental-health plan (draft)
    pub draft_heading_named: &'static str,
    /// Show the {n} items
    pub compare_show_items: &'static str,
}

crate::locale_table!("checklist", ChecklistText, checklist_text);

pub use crate::locale::fill;
