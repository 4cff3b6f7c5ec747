//! The questionnaire kit's UI strings, one JSON file per locale
//! (`web/locales/{ja,en}/questionnaire.json`). Items, anchors, outcomes and routes come from
//! the pack; these are only the words around them.

use kizuki_core::Lang;

pub use crate::shell::data_panel::DataPanelText;

/// Every string of the questionnaire's UI, in one language (English shown in the docs).
#[derive(Debug, PartialEq, Eq)]
pub struct QuestionnaireText {
    /// About this self-check (the start screen's heading, under the kit's title)
    pub start_heading: &'static str,
    /// A self-check to notice your own stress. Answer {n} questions, one per screen (about 5–1…
    /// `{n}`: the questionnaire's item count (57 or 23).
    pub intro: &'static str,
    /// This is not the statutory stress check itself. A workplace stress check is run by a qual…
    pub not_statutory: &'static str,
    /// The result is not a diagnosis of any illness.
    pub not_diagnosis: &'static str,
    /// Your answers are saved automatically in this browser. If you stop, you can pick up where…
    pub autosave_note: &'static str,
    /// Before you start
    pub respondent_heading: &'static str,
    /// Answer the question above to start.
    pub respondent_incomplete: &'static str,
    /// Start
    pub start: &'static str,
    /// Continue ({answered} / {total})
    pub resume: &'static str,
    /// Question {n} of {total}
    pub question_of: &'static str,
    /// Progress
    pub progress_label: &'static str,
    /// {answered} / {total} answered
    pub answered_count: &'static str,
    /// {section}-{number}
    pub item_number: &'static str,
    /// Choose an answer (or press 1–4 on a keyboard) to go to the next question.
    pub keys_hint: &'static str,
    /// Previous question
    pub previous: &'static str,
    /// Next question
    pub next: &'static str,
    /// See the result
    pub to_results: &'static str,
    /// Back to the first screen
    pub back_to_start: &'static str,
    /// Your result
    pub results_heading: &'static str,
    /// {left} questions are still unanswered. The result appears once every question is answere…
    pub incomplete: &'static str,
    /// Go to the first unanswered question
    pub first_unanswered: &'static str,
    /// The high-stress decision
    pub methods_heading: &'static str,
    /// Met
    pub method_holds: &'static str,
    /// Not met
    pub method_not: &'static str,
    /// Conditions met: {branches}
    pub method_branches: &'static str,
    /// Points by area
    pub sums_heading: &'static str,
    /// Sum
    pub sum_column: &'static str,
    /// Points
    pub value_column: &'static str,
    /// Your stress profile
    pub profile_heading: &'static str,
    /// Each scale is shown as points from 1 to 5. Fewer points (a shorter bar) means more stres…
    pub profile_note: &'static str,
    /// See the points as a table
    pub profile_table_summary: &'static str,
    /// {points} / 5
    pub profile_points: &'static str,
    /// {label}: {points} points
    pub profile_sum: &'static str,
    /// This version shows each scale's raw points. After each scale's name it says whether a…
    pub profile_raw_note: &'static str,
    /// (higher is more stress)
    pub worse_higher: &'static str,
    /// (higher is better)
    pub better_higher: &'static str,
    /// What to do next
    pub advice_heading: &'static str,
    /// Where to turn
    pub routes_heading: &'static str,
    /// Places to get help
    pub help_heading: &'static str,
    /// About this questionnaire
    pub about_heading: &'static str,
    /// Where the scoring data comes from, and what is not verified
    pub notes_heading: &'static str,
    /// Print the result
    pub print: &'static str,
    /// Review your answers
    pub change_answers: &'static str,
    /// Save and erase your answers
    pub files_heading: &'static str,
    /// Export your answers to a file to open them on another device, or to hand them to a 実施者 o…
    pub files_intro: &'static str,
    /// The words of the data panel and its notices (the nested `data_panel` object).
    pub data_panel: DataPanelText,
    /// You will be asked before your current answers are replaced.
    pub import_hint: &'static str,
    /// Scales not used for the decision
    pub profile_other: &'static str,
    /// Your group (optional)
    pub group_label: &'static str,
    /// Used only when a 実施者 or support center analyses groups: write the department name you were given (up to 40 characters). Do not write your own name.
    pub group_hint: &'static str,
    /// A group name is at most 40 characters, without line breaks.
    pub group_refused: &'static str,
}

crate::locale_table!("questionnaire", QuestionnaireText, questionnaire_text);
