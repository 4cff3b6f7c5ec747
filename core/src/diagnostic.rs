//! Diagnostics: what validation found, where (a JSON pointer), and a stable code.

use std::fmt;

use serde::{Deserialize, Serialize};

/// How serious a finding is. Errors make a pack unusable; warnings do not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// The pack cannot be used until this is fixed.
    Error,
    /// The pack works, but a reader loses something (e.g. an English text).
    Warning,
}

/// Stable codes for every kind of finding. Tools may match on them; they never change meaning.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Code {
    /// The file is not valid JSON (or not UTF-8).
    InvalidJson,
    /// A value has the wrong type, a required field is missing or a field is unknown.
    InvalidStructure,
    /// `format_version` is not one this build reads.
    UnsupportedFormatVersion,
    /// Two things that must have different ids share one.
    DuplicateId,
    /// An id refers to something that does not exist.
    UnknownRef,
    /// An id is not lowercase ASCII letters, digits and dashes.
    InvalidId,
    /// A Japanese text is empty.
    EmptyText,
    /// An English text is missing or empty.
    MissingTranslation,
    /// Something that must cite a source cites none.
    MissingSource,
    /// A link points to a scheme other than http or https.
    UnsafeLink,
    /// A date is not `YYYY-MM-DD`.
    InvalidDate,
    /// A dated rule's `in_force` does not make a period: neither or both of `from` and
    /// `latest`, `by_cabinet_order` without `latest`, or `until` before the start.
    InvalidPeriod,
    /// A number is outside its allowed range.
    OutOfRange,
    /// A pass mark is outside 0–100.
    PassMarkOutOfRange,
    /// A list that must have entries is empty.
    EmptyList,
    /// A scenario node cannot be reached from the start.
    UnreachableNode,
    /// A scenario has no ending reachable from its start.
    NoEnding,
    /// A quiz question's correct options do not fit its kind.
    WrongCorrectCount,
    /// A field is used in a way its kind does not allow.
    WrongFieldKind,
    /// A rule can never apply because an earlier one always does.
    UnreachableRule,
    /// Levels or offsets are not in ascending order.
    NotAscending,
    /// A lesson block, or a plan field's help, may state a fact and has no `sources` key of
    /// its own. `"sources": []` declares that it states none.
    UnsourcedFact,
    /// Checklist items depend on each other's answers in a circle (`depends_on`).
    DependencyCycle,
    /// A checklist item words its goal (`goal`) but one of its profile wordings does not,
    /// so the action plan reads that profile's statement instead of a goal.
    MissingGoal,
}

impl Code {
    /// The code as written in JSON and on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            Code::InvalidJson => "invalid_json",
            Code::InvalidStructure => "invalid_structure",
            Code::UnsupportedFormatVersion => "unsupported_format_version",
            Code::DuplicateId => "duplicate_id",
            Code::UnknownRef => "unknown_ref",
            Code::InvalidId => "invalid_id",
            Code::EmptyText => "empty_text",
            Code::MissingTranslation => "missing_translation",
            Code::MissingSource => "missing_source",
            Code::UnsafeLink => "unsafe_link",
            Code::InvalidDate => "invalid_date",
            Code::InvalidPeriod => "invalid_period",
            Code::OutOfRange => "out_of_range",
            Code::PassMarkOutOfRange => "pass_mark_out_of_range",
            Code::EmptyList => "empty_list",
            Code::UnreachableNode => "unreachable_node",
            Code::NoEnding => "no_ending",
            Code::WrongCorrectCount => "wrong_correct_count",
            Code::WrongFieldKind => "wrong_field_kind",
            Code::UnreachableRule => "unreachable_rule",
            Code::NotAscending => "not_ascending",
            Code::UnsourcedFact => "unsourced_fact",
            Code::DependencyCycle => "dependency_cycle",
            Code::MissingGoal => "missing_goal",
        }
    }

    /// How serious findings with this code are.
    pub fn severity(self) -> Severity {
        match self {
            Code::MissingTranslation
            | Code::UnreachableRule
            | Code::UnsourcedFact
            | Code::MissingGoal => Severity::Warning,
            _ => Severity::Error,
        }
    }
}

/// One finding about a pack.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// The stable code.
    pub code: Code,
    /// A JSON pointer to the value concerned (e.g. `/kit/areas/2/items/0/sources`).
    pub path: String,
    /// What is wrong, in English, for authors.
    pub message: String,
}

impl Diagnostic {
    /// A finding with the severity its code implies.
    pub fn new(code: Code, path: impl Into<String>, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            severity: code.severity(),
            code,
            path: path.into(),
            message: message.into(),
        }
    }

    /// Whether this finding makes the pack unusable.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// The steps of [`Diagnostic::path`] (`/resources/2/url` → `resources`, `2`, `url`),
    /// JSON-pointer escapes undone; empty for the whole file.
    pub fn path_segments(&self) -> Vec<String> {
        self.path
            .split('/')
            .skip(1)
            .filter(|segment| !segment.is_empty())
            .map(|segment| segment.replace("~1", "/").replace("~0", "~"))
            .collect()
    }

    /// What a finding about the file's form says, read from the parser's English message,
    /// so that a tool can say it in the reader's language; `None` for the other codes.
    pub fn structure_problem(&self) -> Option<StructureProblem> {
        let quoted = |prefix: &str| -> Option<String> {
            let rest = self.message.split(prefix).nth(1)?;
            let rest = rest.strip_prefix('`')?;
            Some(rest.split('`').next()?.to_string())
        };
        match self.code {
            Code::InvalidJson if self.message.contains("not UTF-8") => {
                Some(StructureProblem::NotText)
            }
            Code::InvalidJson => {
                let number = |word: &str| -> Option<usize> {
                    let rest = self.message.split(word).nth(1)?;
                    rest.split_whitespace().next()?.parse().ok()
                };
                Some(match (number(" line "), number(" column ")) {
                    (Some(line), Some(column)) => StructureProblem::Syntax { line, column },
                    _ => StructureProblem::Other,
                })
            }
            Code::InvalidStructure if self.message == PACK_NOT_DIRECTORY => {
                Some(StructureProblem::PackNotDirectory)
            }
            Code::InvalidStructure => Some(if let Some(field) = quoted("missing field ") {
                StructureProblem::MissingField(field)
            } else if let Some(field) = quoted("unknown field ") {
                StructureProblem::UnknownField(field)
            } else if let Some(value) = quoted("unknown variant ") {
                StructureProblem::UnknownValue(value)
            } else if self.message.starts_with("invalid type")
                || self.message.starts_with("invalid value")
                || self.message.starts_with("invalid length")
            {
                StructureProblem::WrongType
            } else {
                StructureProblem::Other
            }),
            Code::OutOfRange if self.path.is_empty() => Some(StructureProblem::TooLarge),
            _ => None,
        }
    }
}

/// What a directory check says of a content pack given in a directory's place (a center's
/// web person checking the wrong file): read back as [`StructureProblem::PackNotDirectory`].
pub const PACK_NOT_DIRECTORY: &str =
    "a content pack (it has `kit`), not a directory file: a pack is checked by showing it";

/// A finding about a file's form, as [`Diagnostic::structure_problem`] reads it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StructureProblem {
    /// The file is not text in UTF-8.
    NotText,
    /// A content pack was given where a directory file belongs.
    PackNotDirectory,
    /// The JSON is broken at this line and column.
    Syntax {
        /// Line, from 1.
        line: usize,
        /// Column, from 1.
        column: usize,
    },
    /// A required field is missing.
    MissingField(String),
    /// A field this format does not have (often a misspelling).
    UnknownField(String),
    /// A value that is not one of the allowed choices.
    UnknownValue(String),
    /// A value of the wrong type (text where a number belongs, …).
    WrongType,
    /// The file is larger than allowed.
    TooLarge,
    /// Anything else.
    Other,
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let severity = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let path = if self.path.is_empty() {
            "/"
        } else {
            &self.path
        };
        write!(
            f,
            "{severity}[{}] {path}: {}",
            self.code.as_str(),
            self.message
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn structure_problems_are_read_from_the_parsers_words() {
        let problem = |code, path: &str, message: &str| {
            Diagnostic::new(code, path, message).structure_problem()
        };
        assert_eq!(
            problem(
                Code::InvalidStructure,
                "/resources/0",
                "missing field `name`"
            ),
            Some(StructureProblem::MissingField("name".into()))
        );
        assert_eq!(
            problem(
                Code::InvalidStructure,
                "/resources/0/phne",
                "unknown field `phne`, expected one of `id`, `kind`"
            ),
            Some(StructureProblem::UnknownField("phne".into()))
        );
        assert_eq!(
            problem(
                Code::InvalidStructure,
                "/resources/1/kind",
                "unknown variant `helpline`, expected one of `hotline`"
            ),
            Some(StructureProblem::UnknownValue("helpline".into()))
        );
        assert_eq!(
            problem(
                Code::InvalidStructure,
                "/as_of",
                "invalid type: integer `3`, expected a string"
            ),
            Some(StructureProblem::WrongType)
        );
        assert_eq!(
            problem(
                Code::InvalidJson,
                "",
                "not valid JSON: EOF while parsing an object at line 3 column 1"
            ),
            Some(StructureProblem::Syntax { line: 3, column: 1 })
        );
        assert_eq!(
            problem(Code::UnsafeLink, "/url", "a url must be http or https"),
            None
        );
        let d = Diagnostic::new(Code::UnsafeLink, "/resources/2/a~1b", "x");
        assert_eq!(d.path_segments(), ["resources", "2", "a/b"]);
    }
}
