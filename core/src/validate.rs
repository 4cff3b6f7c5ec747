//! Semantic validation of a parsed pack: every finding, each with a path and a code.
//! The shared checks live here; each kind's own are `kind/<kind>/validate.rs`.

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};

use crate::diagnostic::{Code, Diagnostic};
use crate::pack::{Condition, InForce, Pack, SourceRef, FORMAT_VERSION};
use crate::text::{is_safe_href, link_targets, Lang, Text};

/// Checks a parsed pack and returns every finding, errors and warnings, in document order.
pub fn validate(pack: &Pack) -> Vec<Diagnostic> {
    let mut validator = Validator::new(pack);
    validator.header(pack);
    pack.kit.validate(&mut validator);
    validator.diagnostics
}

/// Returns true when `value` is a valid calendar date written `YYYY-MM-DD`.
pub fn is_valid_date(value: &str) -> bool {
    crate::date::parse_date(value).is_some()
}

/// Shared checks and the findings collected so far; each kind's [`crate::kind::Kind::validate`]
/// adds its own through it.
pub struct Validator<'pack> {
    /// The language of a one-language pack file: its texts need only that one.
    lang: Option<Lang>,
    source_ids: IdSet<'pack>,
    update_ids: IdSet<'pack>,
    pack_ids: BTreeMap<String, String>,
    diagnostics: Vec<Diagnostic>,
}

/// Ids borrowed from a pack. Every id set of validation has this one type, a set of
/// `Cow<str>` like `json_keys.rs`'s set of keys, so the wasm carries one B-tree set's code
/// for all of them, where `BTreeSet<&str>` brought a second (issue 14, BENCHMARKS.md).
#[derive(Debug, Clone, Default)]
pub(crate) struct IdSet<'a>(BTreeSet<Cow<'a, str>>);

impl<'a> IdSet<'a> {
    /// An empty set.
    pub(crate) fn new() -> IdSet<'a> {
        IdSet::default()
    }

    /// Adds `id`; `false` when it was there already.
    pub(crate) fn insert(&mut self, id: &'a str) -> bool {
        self.0.insert(Cow::Borrowed(id))
    }

    /// Whether it holds no id.
    pub(crate) fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Whether it holds `id`.
    pub(crate) fn contains(&self, id: &str) -> bool {
        self.0.contains(id)
    }

    /// The ids in order.
    pub(crate) fn iter(&self) -> impl Iterator<Item = &str> {
        self.0.iter().map(|id| id.as_ref())
    }
}

impl<'a> FromIterator<&'a str> for IdSet<'a> {
    fn from_iter<I: IntoIterator<Item = &'a str>>(ids: I) -> IdSet<'a> {
        let mut set = IdSet::new();
        for id in ids {
            set.insert(id);
        }
        set
    }
}

/// Choice questions a condition may name: question id → its choice ids.
pub(crate) type ChoiceQuestions<'pack> = BTreeMap<&'pack str, IdSet<'pack>>;

impl<'pack> Validator<'pack> {
    fn new(pack: &'pack Pack) -> Validator<'pack> {
        Validator {
            lang: pack.lang,
            source_ids: pack.sources.iter().map(|s| s.id.as_str()).collect(),
            update_ids: pack.updates.iter().map(|u| u.id.as_str()).collect(),
            pack_ids: BTreeMap::new(),
            diagnostics: Vec::new(),
        }
    }

    fn header(&mut self, pack: &'pack Pack) {
        if pack.format_version != FORMAT_VERSION {
            self.push(
                Code::UnsupportedFormatVersion,
                "/format_version",
                format!("this build reads format_version {FORMAT_VERSION}"),
            );
        }
        self.id_format(&pack.id, "/id");
        if pack.version.trim().is_empty() {
            self.push(Code::EmptyText, "/version", "the pack needs a version");
        }
        self.date(&pack.content_as_of, "/content_as_of");
        if let Some(reviewed) = &pack.last_reviewed {
            self.date(reviewed, "/last_reviewed");
        }
        if let Some(about) = &pack.about {
            self.text(&about.made_by, "/about/made_by");
            self.text(&about.report_errors, "/about/report_errors");
            if about.licence.trim().is_empty() {
                self.push(
                    Code::EmptyText,
                    "/about/licence",
                    "name the content's licence",
                );
            }
            if let Some(note) = &about.licence_note {
                self.text(note, "/about/licence_note");
            }
            for (index, review) in about.reviewed_by.iter().enumerate() {
                let path = format!("/about/reviewed_by/{index}");
                self.text(&review.name, &format!("{path}/name"));
                self.text(&review.role, &format!("{path}/role"));
                self.date(&review.date, &format!("{path}/date"));
            }
        }
        self.text(&pack.title, "/title");
        self.text(&pack.description, "/description");
        if pack.sources.is_empty() {
            self.push(Code::EmptyList, "/sources", "a pack must list its sources");
        }
        let mut seen = IdSet::new();
        for (index, source) in pack.sources.iter().enumerate() {
            let path = format!("/sources/{index}");
            self.id_format(&source.id, &format!("{path}/id"));
            if !seen.insert(source.id.as_str()) {
                self.push(
                    Code::DuplicateId,
                    format!("{path}/id"),
                    format!("source id `{}` is used twice", source.id),
                );
            }
            self.text(&source.title, &format!("{path}/title"));
            if let Some(publisher) = &source.publisher {
                self.text(publisher, &format!("{path}/publisher"));
            }
            if let Some(url) = &source.url {
                if !is_safe_href(url) {
                    self.push(
                        Code::UnsafeLink,
                        format!("{path}/url"),
                        "a source url must be http or https",
                    );
                }
            }
        }
        let mut seen = IdSet::new();
        for (index, update) in pack.updates.iter().enumerate() {
            let path = format!("/updates/{index}");
            self.id_format(&update.id, &format!("{path}/id"));
            if !seen.insert(update.id.as_str()) {
                self.push(
                    Code::DuplicateId,
                    format!("{path}/id"),
                    format!("update id `{}` is used twice", update.id),
                );
            }
            self.text(&update.text, &format!("{path}/text"));
            self.date(&update.as_of, &format!("{path}/as_of"));
            if let Some(in_force) = &update.in_force {
                self.in_force(in_force, &format!("{path}/in_force"));
            }
            self.sources(&update.sources, &format!("{path}/sources"));
        }
    }

    pub(crate) fn push(&mut self, code: Code, path: impl Into<String>, message: impl Into<String>) {
        self.diagnostics.push(Diagnostic::new(code, path, message));
    }

    /// Checks an id's spelling and that no other pack-wide id is the same.
    pub(crate) fn pack_id(&mut self, id: &str, path: &str) {
        self.id_format(id, path);
        if let Some(first) = self.pack_ids.get(id) {
            let message = format!("id `{id}` is already used at {first}");
            self.push(Code::DuplicateId, path, message);
        } else {
            self.pack_ids.insert(id.to_string(), path.to_string());
        }
    }

    /// Checks ids that must be unique only among their siblings (options of one question).
    pub(crate) fn local_ids<'a>(&mut self, ids: impl IntoIterator<Item = (&'a str, String)>) {
        let mut seen = IdSet::new();
        for (id, path) in ids {
            self.id_format(id, &path);
            if !seen.insert(id) {
                self.push(
                    Code::DuplicateId,
                    path,
                    format!("id `{id}` is used twice here"),
                );
            }
        }
    }

    pub(crate) fn id_format(&mut self, id: &str, path: &str) {
        if !well_formed_id(id) {
            self.push(
                Code::InvalidId,
                path,
                format!("id `{id}` must be 1–64 lowercase ASCII letters, digits, `-` or `_`"),
            );
        }
    }

    /// Checks a text: Japanese present, English present, links safe. In a one-language
    /// pack file, that language present.
    pub(crate) fn text(&mut self, text: &Text, path: &str) {
        if let Some(lang) = self.lang {
            let own = match lang {
                Lang::Ja => Some(&text.ja),
                Lang::En => text.en.as_ref(),
            };
            if own.is_none_or(|own| own.trim().is_empty()) {
                self.push(
                    Code::EmptyText,
                    format!("{path}/{}", lang.code()),
                    format!(
                        "the text in this file's language ({}) is empty",
                        lang.code()
                    ),
                );
            }
        } else if text.ja.trim().is_empty() {
            self.push(
                Code::EmptyText,
                format!("{path}/ja"),
                "the Japanese text is empty",
            );
        }
        match &text.en {
            _ if self.lang.is_some() => {}
            Some(en) if !en.trim().is_empty() => {}
            _ => self.push(
                Code::MissingTranslation,
                format!("{path}/en"),
                "the English text is missing",
            ),
        }
        for (language, body) in [("ja", Some(&text.ja)), ("en", text.en.as_ref())] {
            let Some(body) = body else { continue };
            for href in link_targets(body) {
                if !is_safe_href(href) {
                    self.push(
                        Code::UnsafeLink,
                        format!("{path}/{language}"),
                        format!("link target `{href}` is not http or https"),
                    );
                }
            }
        }
    }

    pub(crate) fn texts(&mut self, texts: &[Text], path: &str) {
        for (index, text) in texts.iter().enumerate() {
            self.text(text, &format!("{path}/{index}"));
        }
    }

    /// Checks that something cites at least one source and that each exists.
    pub(crate) fn sources(&mut self, sources: &[SourceRef], path: &str) {
        if sources.is_empty() {
            self.push(Code::MissingSource, path, "cite at least one source");
        }
        self.source_refs(sources, path);
    }

    /// Checks the sources of something that may state a fact: an absent `sources` key warns
    /// (`unsourced_fact`); an empty list is the author saying it states none; each listed
    /// source must exist.
    pub(crate) fn own_sources(&mut self, sources: Option<&[SourceRef]>, path: &str, what: &str) {
        match sources {
            None => self.push(
                Code::UnsourcedFact,
                path,
                format!(
                    "{what} has no `sources` of its own: cite one source per fact, or write `\"sources\": []` if it states none"
                ),
            ),
            Some(sources) => self.source_refs(sources, &format!("{path}/sources")),
        }
    }

    /// Checks that every cited source exists and names its section; an empty list is fine.
    pub(crate) fn source_refs(&mut self, sources: &[SourceRef], path: &str) {
        for (index, source) in sources.iter().enumerate() {
            if !self.source_ids.contains(source.doc.as_str()) {
                self.push(
                    Code::UnknownRef,
                    format!("{path}/{index}/doc"),
                    format!("no source document with id `{}`", source.doc),
                );
            }
            if source.section.trim().is_empty() {
                self.push(
                    Code::EmptyText,
                    format!("{path}/{index}/section"),
                    "say which section of the source",
                );
            }
        }
    }

    pub(crate) fn updates(&mut self, updates: &[String], path: &str) {
        for (index, update) in updates.iter().enumerate() {
            if !self.update_ids.contains(update.as_str()) {
                self.push(
                    Code::UnknownRef,
                    format!("{path}/{index}"),
                    format!("no update with id `{update}`"),
                );
            }
        }
    }

    pub(crate) fn date(&mut self, value: &str, path: &str) {
        if !is_valid_date(value) {
            self.push(
                Code::InvalidDate,
                path,
                format!("`{value}` is not a date written YYYY-MM-DD"),
            );
        }
    }

    /// Checks a dated rule: its dates, and that they make a period (see [`InForce`]).
    pub(crate) fn in_force(&mut self, in_force: &InForce, path: &str) {
        for (field, value) in [
            ("from", &in_force.from),
            ("latest", &in_force.latest),
            ("until", &in_force.until),
        ] {
            if let Some(value) = value {
                self.date(value, &format!("{path}/{field}"));
            }
        }
        match (&in_force.from, &in_force.latest) {
            (Some(_), Some(_)) => self.push(
                Code::InvalidPeriod,
                path,
                "give either `from` (a known first day) or `latest` (a day still to be set), not both",
            ),
            (None, None) => self.push(
                Code::InvalidPeriod,
                path,
                "give `from` (the first day the rule applies) or `latest` (when a cabinet order will set it)",
            ),
            _ => {}
        }
        if in_force.by_cabinet_order && in_force.latest.is_none() {
            self.push(
                Code::InvalidPeriod,
                format!("{path}/by_cabinet_order"),
                "`by_cabinet_order` goes with `latest`, the latest day the law allows",
            );
        }
        let start = in_force.start().and_then(crate::date::parse_date);
        let end = in_force.until.as_deref().and_then(crate::date::parse_date);
        if let (Some(start), Some(end)) = (start, end) {
            if end < start {
                self.push(
                    Code::InvalidPeriod,
                    format!("{path}/until"),
                    "`until` (the last day) is before the rule starts",
                );
            }
        }
    }

    /// A question's or a scale's options at `path` (`…/options`): at least one, each id
    /// well formed and unique among them, each label present in both languages. Gives their
    /// ids, for the references to them that follow.
    pub(crate) fn options<'o, O>(
        &mut self,
        options: &'o [O],
        path: &str,
        id_and_label: impl Fn(&'o O) -> (&'o str, &'o Text),
    ) -> IdSet<'o> {
        self.non_empty(options, path, "option");
        self.local_ids(
            options
                .iter()
                .enumerate()
                .map(|(i, option)| (id_and_label(option).0, format!("{path}/{i}/id"))),
        );
        for (i, option) in options.iter().enumerate() {
            self.text(id_and_label(option).1, &format!("{path}/{i}/label"));
        }
        options
            .iter()
            .map(|option| id_and_label(option).0)
            .collect()
    }

    pub(crate) fn non_empty<T>(&mut self, list: &[T], path: &str, what: &str) {
        if list.is_empty() {
            self.push(Code::EmptyList, path, format!("needs at least one {what}"));
        }
    }

    pub(crate) fn percent(&mut self, value: u8, path: &str, code: Code) {
        if value > 100 {
            self.push(code, path, format!("{value} is more than 100"));
        }
    }

    /// Checks that a condition names only known questions and choices.
    pub(crate) fn condition(
        &mut self,
        condition: &Condition,
        path: &str,
        known: &ChoiceQuestions<'_>,
    ) {
        for (question, choice) in condition.references() {
            match known.get(question) {
                None => self.push(
                    Code::UnknownRef,
                    path,
                    format!("the condition names an unknown question `{question}`"),
                ),
                Some(choices) if !choices.contains(choice) => self.push(
                    Code::UnknownRef,
                    path,
                    format!("question `{question}` has no choice `{choice}`"),
                ),
                Some(_) => {}
            }
        }
    }

    /// Checks that every id in `refs` is one of `known`.
    pub(crate) fn refs<'a>(
        &mut self,
        refs: impl IntoIterator<Item = &'a String>,
        known: &IdSet<'_>,
        path: &str,
        what: &str,
    ) {
        for (index, reference) in refs.into_iter().enumerate() {
            if !known.contains(reference.as_str()) {
                self.push(
                    Code::UnknownRef,
                    format!("{path}/{index}"),
                    format!("no {what} with id `{reference}`"),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests;

/// Whether `id` is a well-formed id (a pack's, an item's, …): 1–64 lowercase ASCII letters,
/// digits, `-` or `_`. The one rule, for validation and for the web's `pack` option.
pub fn well_formed_id(id: &str) -> bool {
    (1..=64).contains(&id.len())
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
}
