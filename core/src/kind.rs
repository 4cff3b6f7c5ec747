//! The content kinds: one module each, mirrored in `web/src/kind/` and `tests/data/`.
//!
//! This file is the one place that lists the kinds. Each kind's content type implements
//! [`Kind`] in its own module (`kind/<kind>.rs` and `kind/<kind>/`): its state, validation,
//! the check that a state fits the pack, its CSV. The [`kinds!`] list below generates the
//! [`Kit`] and [`KitState`] enums and every dispatch over them, so no other file matches on
//! a kind's variant (a tidy test holds that), and code that needs one kind asks for it by
//! type: `pack.content::<Checklist>()`, `state.get::<Checklist>()`.
//!
//! Each kind sits behind a cargo feature of the same name (all on by default): the browser
//! builds one wasm per kit with only its kind.

#[cfg(feature = "checklist")]
pub mod checklist;
#[cfg(feature = "course")]
pub mod course;
#[cfg(feature = "plan")]
pub mod plan;
#[cfg(feature = "questionnaire")]
pub mod questionnaire;

use std::any::Any;

use serde::de::{DeserializeOwned, Error as _, MapAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize};

use crate::error::{Error, Result};
use crate::load::ValidPack;
use crate::text::Lang;
use crate::validate::Validator;

/// What every content kind provides; implemented by the kind's authored content type.
pub trait Kind: Sized + DeserializeOwned + 'static {
    /// The kind's name: the pack's `kit.type` and the export's `state.kind`.
    const NAME: &'static str;
    /// A person's answers or progress for this kind.
    type State: Default
        + DeserializeOwned
        + Serialize
        + Clone
        + PartialEq
        + Eq
        + std::fmt::Debug
        + 'static;

    /// The files a person can download from the kit's data panel, in the panel's order.
    const FILE_FORMATS: &'static [FileFormat] = &[FileFormat::Record, FileFormat::Csv];

    /// The name of a file the data panel downloads, without its extension
    /// ([`FileFormat::file_name`] adds it): `<pack>-<date>` unless the kind names its files
    /// otherwise (the checklist puts the workplace's name in them).
    fn download_stem(&self, pack_id: &str, _state: &Self::State, today: &str) -> String {
        format!("{pack_id}-{today}")
    }

    /// What a tab continues from when its save was refused because another tab saved
    /// since: `base` is the record as this tab last read or wrote it, `ours` this tab's
    /// state now, `theirs` the record the other tab saved. By default the other tab's
    /// record wins (this tab's last change is not saved, and the person is told); a kind
    /// whose state holds text typed at length merges it in (the checklist's draft plan).
    fn after_refused_save(
        &self,
        _base: &Self::State,
        _ours: &Self::State,
        theirs: Self::State,
    ) -> Self::State {
        theirs
    }

    /// Checks what the schema cannot (ids, references, conditions), collecting findings.
    fn validate(&self, validator: &mut Validator<'_>);

    /// Checks that a state (from a file or storage) names only what the pack has.
    fn check_fits(&self, pack: &ValidPack, state: &Self::State) -> Result<()>;

    /// The state as CSV for spreadsheets; `today` (`YYYY-MM-DD`) dates rules.
    fn csv(&self, state: &Self::State, lang: Lang, today: &str) -> String;

    /// What the state comes to (scores, progress, dates) as pretty JSON, keys in the
    /// result's own order, as the CLI's `score` prints it.
    fn result_json(&self, state: &Self::State, today: &str) -> String;

    /// What an import recomputes or checks beyond [`Kind::check_fits`]: whatever follows
    /// from the answers (scores, passes) is computed again, never trusted; dates checked.
    fn recompute_imported(&self, _state: &mut Self::State) -> Result<()> {
        Ok(())
    }

    /// Every printable page (a whole HTML document) a state gives, as `kizuki report` can
    /// write them: a kind without a printable report gives none. Every text from the pack
    /// or the person is escaped (a test fills every text of every kind's state to hold it).
    fn report_pages(
        &self,
        _pack: &ValidPack,
        _state: &Self::State,
        _lang: Lang,
        _today: &str,
    ) -> Result<Vec<String>> {
        Ok(Vec::new())
    }

    /// Languages every reader of this kind needs besides their own: the file of one
    /// language ([`crate::Pack::one_language`]) then keeps these too (the planner drafts its
    /// documents in Japanese whatever language it is read in).
    const ALSO_NEEDS: &'static [Lang] = &[];

    /// How much a state holds (answered items, lessons read and attempts, cases): what
    /// an import's preview compares.
    fn amount_done(state: &Self::State) -> usize;

    /// Ids the pack keeps sorted for fast lookups during imports (the checklist's items).
    fn lookup_ids(&self) -> Vec<String> {
        Vec::new()
    }

    /// The one HTML report `kizuki report` prints for a state: `request` names what a kind
    /// with several pages is asked for (a plan's case and document). A kind without a
    /// printable report says so.
    fn report_html(
        &self,
        _pack: &ValidPack,
        _state: &Self::State,
        _request: &ReportRequest<'_>,
        _lang: Lang,
        _today: &str,
    ) -> Result<String> {
        Err(Error::DoesNotFit(format!(
            "no report for a {} yet",
            Self::NAME
        )))
    }

    /// Adds this kind's own counts (areas, modules, steps, …) to a pack's statistics;
    /// `content_as_of` is the pack's date, against which dated rules are read.
    #[cfg(feature = "all-kinds")]
    fn add_stats(&self, _stats: &mut crate::stats::PackStats, _content_as_of: &str) {}
}

/// A file a kit offers from its data panel (`Kind::FILE_FORMATS`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileFormat {
    /// The export file (JSON): the state in its envelope, which imports back.
    Record,
    /// The state as CSV for spreadsheets ([`Kind::csv`]).
    Csv,
    /// xAPI statements (the course's `xapi::course_statements`).
    Xapi,
}

impl FileFormat {
    /// The downloaded file's name from its stem ([`Kit::download_stem`]):
    /// `<stem>.json`, `<stem>.csv`; xAPI statements `<pack>-xapi-<date>.json` (their own
    /// name, whatever the stem).
    pub fn file_name(self, stem: &str, pack_id: &str, today: &str) -> String {
        match self {
            FileFormat::Record => format!("{stem}.json"),
            FileFormat::Csv => format!("{stem}.csv"),
            FileFormat::Xapi => format!("{pack_id}-xapi-{today}.json"),
        }
    }

    /// The downloaded file's media type.
    pub fn mime(self) -> &'static str {
        match self {
            FileFormat::Record | FileFormat::Xapi => "application/json",
            FileFormat::Csv => "text/csv;charset=utf-8",
        }
    }
}

/// What a report is asked for beyond the state (`kizuki report --case … --document …`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ReportRequest<'a> {
    /// The case of a kind kept per case (the plan): its id; `None` takes the only case.
    pub case: Option<&'a str>,
    /// A document of the pack (the plan's): its id; `None` gives the overview.
    pub document: Option<&'a str>,
}

/// Lists the kinds once: `Variant(ContentType) = "name", feature = "feature";`.
macro_rules! kinds {
    ($( $(#[$doc:meta])* $variant:ident($content:ty) = $name:literal, feature = $feature:literal; )*) => {
        /// The kinds of kit. A closed set: adding one is a compile error everywhere it must
        /// be handled.
        ///
        /// In JSON the kind is the kit object's `type`, which must be its first key: the kit
        /// is then read in one pass, without buffering the whole kit first (serde's
        /// internally tagged enums do, and that code weighed about a tenth of the wasm).
        #[derive(Debug, Clone, PartialEq, Serialize)]
        #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
        #[serde(tag = "type", rename_all = "snake_case")]
        pub enum Kit {
            $( $(#[$doc])* #[cfg(feature = $feature)] $variant($content), )*
        }

        /// A person's state for one kit, by kind. In JSON `{"kind": …, "data": …}`, `kind`
        /// first (as this build writes it; the general import path reads any order).
        #[derive(Debug, Clone, PartialEq, Eq, Serialize)]
        #[serde(tag = "kind", content = "data", rename_all = "snake_case")]
        pub enum KitState {
            $( #[doc = concat!("The state of a `", $name, "`.")] #[cfg(feature = $feature)] $variant(<$content as Kind>::State), )*
        }

        /// The names of the kinds this build carries.
        pub const KIND_NAMES: &[&str] = &[$( #[cfg(feature = $feature)] $name, )*];

        // Without a kind the crate has nothing to do: say so rather than fail obscurely.
        #[cfg(not(any($(feature = $feature),*)))]
        compile_error!(concat!("kizuki-core needs at least one kind's feature:" $(, " ", $feature)*));

        $(
            #[cfg(feature = $feature)]
            impl KindAccess for $content {
                fn wrap_state(state: <Self as Kind>::State) -> KitState {
                    KitState::$variant(state)
                }

                fn wrap(self) -> Kit {
                    Kit::$variant(self)
                }
            }

            #[cfg(feature = $feature)]
            impl From<<$content as Kind>::State> for KitState {
                fn from(state: <$content as Kind>::State) -> KitState {
                    KitState::$variant(state)
                }
            }
        )*

        impl Kit {
            /// The JSON tag of this kind (`checklist`, `plan`, `course`).
            pub fn kind_name(&self) -> &'static str {
                match self {
                    $( #[cfg(feature = $feature)] Kit::$variant(_) => $name, )*
                }
            }

            /// Languages every reader of this kit needs besides their own (see [`Kind::ALSO_NEEDS`]).
            pub fn also_needs(&self) -> &'static [Lang] {
                match self {
                    $( #[cfg(feature = $feature)] Kit::$variant(_) => <$content as Kind>::ALSO_NEEDS, )*
                }
            }

            /// The files a person can download from this kit's data panel.
            pub fn file_formats(&self) -> &'static [FileFormat] {
                match self {
                    $( #[cfg(feature = $feature)] Kit::$variant(_) => <$content as Kind>::FILE_FORMATS, )*
                }
            }

            /// The name of a file downloaded for `state`, without its extension (see
            /// [`Kind::download_stem`]); `<pack>-<date>` for a state of another kind.
            pub fn download_stem(&self, pack_id: &str, state: &KitState, today: &str) -> String {
                match self {
                    $( #[cfg(feature = $feature)] Kit::$variant(content) => match self.state_of(state) {
                        Ok(state) => content.download_stem(pack_id, state, today),
                        Err(_) => format!("{pack_id}-{today}"),
                    }, )*
                }
            }

            /// What a tab continues from after a save refused because another tab saved
            /// since (see [`Kind::after_refused_save`]); `theirs` unchanged when a state is
            /// of another kind.
            pub fn after_refused_save(&self, base: &KitState, ours: &KitState, mut theirs: KitState) -> KitState {
                match self {
                    $( #[cfg(feature = $feature)] Kit::$variant(content) => {
                        if let (Ok(base), Ok(ours)) = (self.state_of(base), self.state_of(ours)) {
                            if let Some(theirs) = theirs.as_any_mut().downcast_mut::<<$content as Kind>::State>() {
                                let other = std::mem::take(theirs);
                                *theirs = content.after_refused_save(base, ours, other);
                            }
                        }
                        theirs
                    } )*
                }
            }

            /// Checks what the schema cannot, collecting findings.
            pub(crate) fn validate(&self, validator: &mut Validator<'_>) {
                match self {
                    $( #[cfg(feature = $feature)] Kit::$variant(content) => content.validate(validator), )*
                }
            }

            /// Checks that `state` is of this kit's kind and names only what the pack has.
            pub fn check_fits(&self, pack: &ValidPack, state: &KitState) -> Result<()> {
                match self {
                    $( #[cfg(feature = $feature)] Kit::$variant(content) => content.check_fits(pack, self.state_of(state)?), )*
                }
            }

            /// The CSV of a state of this kit's kind.
            pub fn csv(&self, state: &KitState, lang: Lang, today: &str) -> Result<String> {
                match self {
                    $( #[cfg(feature = $feature)] Kit::$variant(content) => Ok(content.csv(self.state_of(state)?, lang, today)), )*
                }
            }

            /// What a state of this kit's kind comes to (see [`Kind::result_json`]).
            pub fn result_json(&self, state: &KitState, today: &str) -> Result<String> {
                match self {
                    $( #[cfg(feature = $feature)] Kit::$variant(content) => Ok(content.result_json(self.state_of(state)?, today)), )*
                }
            }

            /// Every printable page of a state of this kit's kind (see [`Kind::report_pages`]).
            pub fn report_pages(&self, pack: &ValidPack, state: &KitState, lang: Lang, today: &str) -> Result<Vec<String>> {
                match self {
                    $( #[cfg(feature = $feature)] Kit::$variant(content) => content.report_pages(pack, self.state_of(state)?, lang, today), )*
                }
            }

            /// The HTML report of a state of this kit's kind (see [`Kind::report_html`]).
            pub fn report_html(&self, pack: &ValidPack, state: &KitState, request: &ReportRequest<'_>, lang: Lang, today: &str) -> Result<String> {
                match self {
                    $( #[cfg(feature = $feature)] Kit::$variant(content) => content.report_html(pack, self.state_of(state)?, request, lang, today), )*
                }
            }

            /// Adds the kind's own counts to a pack's statistics (see [`Kind::add_stats`]).
            #[cfg(feature = "all-kinds")]
            pub(crate) fn add_stats(&self, stats: &mut crate::stats::PackStats, content_as_of: &str) {
                match self {
                    $( #[cfg(feature = $feature)] Kit::$variant(content) => content.add_stats(stats, content_as_of), )*
                }
            }

            /// Recomputes what follows from an imported state's answers (see
            /// [`Kind::recompute_imported`]).
            pub fn recompute_imported(&self, state: &mut KitState) -> Result<()> {
                let mismatch = self.mismatch(state);
                match self {
                    $( #[cfg(feature = $feature)] Kit::$variant(content) => content.recompute_imported(state.as_any_mut().downcast_mut().ok_or(mismatch)?), )*
                }
            }

            /// The kit's content, untyped, for [`KindAccess::of`].
            fn as_any(&self) -> &dyn Any {
                match self {
                    $( #[cfg(feature = $feature)] Kit::$variant(content) => content, )*
                }
            }

            /// Ids kept sorted for fast lookups (see [`Kind::lookup_ids`]).
            pub(crate) fn lookup_ids(&self) -> Vec<String> {
                match self {
                    $( #[cfg(feature = $feature)] Kit::$variant(content) => content.lookup_ids(), )*
                }
            }

            /// Runs `visitor` for the kind named `name` (`None` when this build has no such kind).
            pub fn visit_kind<V: KindVisitor>(name: &str, visitor: V) -> Option<V::Output> {
                match name {
                    $( #[cfg(feature = $feature)] $name => Some(visitor.visit::<$content>()), )*
                    _ => None,
                }
            }

            fn read_kind<'de, A: MapAccess<'de>>(name: &str, rest: A) -> std::result::Result<Kit, A::Error> {
                let rest = serde::de::value::MapAccessDeserializer::new(rest);
                match name {
                    $( #[cfg(feature = $feature)] $name => Ok(Kit::$variant(<$content>::deserialize(rest)?)), )*
                    other => Err(A::Error::unknown_variant(other, KIND_NAMES)),
                }
            }
        }

        /// A kind's figures in a center's aggregate report ([`crate::aggregate`]): in JSON
        /// one key, the kind's name (flattened into the report).
        #[cfg(feature = "aggregate")]
        #[derive(Debug, Clone, PartialEq, Serialize)]
        #[serde(rename_all = "snake_case")]
        pub enum KindFigures {
            $( #[doc = concat!("The figures of `", $name, "` exports.")] #[cfg(feature = $feature)] $variant(<$content as crate::aggregate::KindAggregate>::Figures), )*
        }

        $(
            #[cfg(all(feature = "aggregate", feature = $feature))]
            impl From<<$content as crate::aggregate::KindAggregate>::Figures> for KindFigures {
                fn from(figures: <$content as crate::aggregate::KindAggregate>::Figures) -> KindFigures {
                    KindFigures::$variant(figures)
                }
            }
        )*

        #[cfg(feature = "aggregate")]
        impl KindFigures {
            /// The figures, untyped, for [`crate::aggregate::AggregateReport::figures`].
            pub(crate) fn as_any(&self) -> &dyn Any {
                match self {
                    $( #[cfg(feature = $feature)] KindFigures::$variant(figures) => figures, )*
                }
            }
        }

        #[cfg(feature = "aggregate")]
        impl Kit {
            /// Starts the kind's tally of exports (see [`crate::aggregate::KindAggregate::tally`]).
            pub(crate) fn tally(&self) -> Result<Option<Box<dyn crate::aggregate::Tally + '_>>> {
                match self {
                    $( #[cfg(feature = $feature)] Kit::$variant(content) => crate::aggregate::KindAggregate::tally(content), )*
                }
            }

            /// Writes the kind's figures as rows of the aggregate CSV (nothing when the
            /// figures are of another kind).
            pub(crate) fn figure_rows(&self, figures: &KindFigures, out: &mut crate::aggregate::Rows, lang: Lang, hidden: &str) {
                match self {
                    $( #[cfg(feature = $feature)] Kit::$variant(content) => {
                        if let Some(figures) = figures.as_any().downcast_ref::<<$content as crate::aggregate::KindAggregate>::Figures>() {
                            crate::aggregate::KindAggregate::figure_rows(content, figures, out, lang, hidden);
                        }
                    } )*
                }
            }

            /// The columns of the kind's per-file rows (see
            /// [`crate::aggregate::KindAggregate::row_columns`]).
            pub fn row_columns(&self) -> Vec<crate::aggregate::RowColumn> {
                match self {
                    $( #[cfg(feature = $feature)] Kit::$variant(content) => crate::aggregate::KindAggregate::row_columns(content), )*
                }
            }

            /// One export's per-file rows (see [`crate::aggregate::KindAggregate::file_cells`]);
            /// none for a state of another kind.
            pub fn file_cells(&self, state: &KitState) -> Vec<Vec<crate::aggregate::Cell>> {
                match self {
                    $( #[cfg(feature = $feature)] Kit::$variant(content) => self
                        .state_of(state)
                        .map(|state| crate::aggregate::KindAggregate::file_cells(content, state))
                        .unwrap_or_default(), )*
                }
            }

            /// The lowest minimum group for exports of the kind named `name` (see
            /// [`crate::aggregate::KindAggregate::MIN_GROUP_FLOOR`]); `None` for no such kind.
            pub fn min_group_floor_of(name: &str) -> Option<usize> {
                match name {
                    $( #[cfg(feature = $feature)] $name => Some(<$content as crate::aggregate::KindAggregate>::MIN_GROUP_FLOOR), )*
                    _ => None,
                }
            }
        }

        #[cfg(feature = "aggregate")]
        impl KitState {
            /// What makes two exports one (see [`crate::aggregate::KindAggregate::same_export`]).
            pub(crate) fn same_export(&self) -> Option<u128> {
                match self {
                    $( #[cfg(feature = $feature)] KitState::$variant(state) => <$content as crate::aggregate::KindAggregate>::same_export(state), )*
                }
            }
        }

        impl KitState {
            /// The kind's JSON tag.
            pub fn kind_name(&self) -> &'static str {
                match self {
                    $( #[cfg(feature = $feature)] KitState::$variant(_) => $name, )*
                }
            }

            /// How much the state holds (see [`Kind::amount_done`]).
            pub fn amount_done(&self) -> usize {
                match self {
                    $( #[cfg(feature = $feature)] KitState::$variant(state) => <$content as Kind>::amount_done(state), )*
                }
            }

            /// The state, untyped, for [`KindAccess::state_of`].
            fn as_any(&self) -> &dyn Any {
                match self {
                    $( #[cfg(feature = $feature)] KitState::$variant(state) => state, )*
                }
            }

            /// The state, untyped and owned, for [`KitState::into_state`].
            fn into_any(self) -> Box<dyn Any> {
                match self {
                    $( #[cfg(feature = $feature)] KitState::$variant(state) => Box::new(state), )*
                }
            }

            fn as_any_mut(&mut self) -> &mut dyn Any {
                match self {
                    $( #[cfg(feature = $feature)] KitState::$variant(state) => state, )*
                }
            }

            /// An empty state of the pack's kind.
            pub fn empty_for(kit: &Kit) -> KitState {
                match kit {
                    $( #[cfg(feature = $feature)] Kit::$variant(_) => KitState::$variant(Default::default()), )*
                }
            }

            fn read_kind<'de, A: MapAccess<'de>>(name: &str, map: &mut A) -> std::result::Result<KitState, A::Error> {
                match name {
                    $( #[cfg(feature = $feature)] $name => Ok(KitState::$variant(map.next_value()?)), )*
                    other => Err(A::Error::unknown_variant(other, KIND_NAMES)),
                }
            }

            /// The state of kind `name` from its JSON text: for a state whose `data` came
            /// before its `kind` ([`KitStateVisitor`]).
            fn from_json(name: &str, data: &[u8]) -> serde_json::Result<KitState> {
                match name {
                    $( #[cfg(feature = $feature)] $name => crate::json::from_slice(data).map(KitState::$variant), )*
                    other => Err(serde::de::Error::unknown_variant(other, KIND_NAMES)),
                }
            }
        }
    };
}

/// Typed access to one kind inside [`Kit`] and [`KitState`]; generated for every kind.
///
/// The access goes through [`Any`] rather than a `match` per kind with a catch-all arm:
/// the only matches over kinds are the exhaustive ones the [`kinds!`] list generates.
pub trait KindAccess: Kind {
    /// This kind's content, if `kit` is of this kind.
    fn of(kit: &Kit) -> Option<&Self> {
        kit.as_any().downcast_ref()
    }
    /// This kind's state, if `state` is of this kind.
    fn state_of(state: &KitState) -> Option<&<Self as Kind>::State> {
        state.as_any().downcast_ref()
    }
    /// Wraps this kind's state.
    fn wrap_state(state: <Self as Kind>::State) -> KitState;
    /// Wraps this kind's content.
    fn wrap(self) -> Kit;
}

/// Something done with one kind chosen by name at run time: [`Kit::visit_kind`] calls
/// `visit::<K>()` with the kind named, so generic code needs no list of kinds.
pub trait KindVisitor {
    /// What the visit gives.
    type Output;
    /// Does the work for kind `K`.
    fn visit<K: KindAccess>(self) -> Self::Output;
}

kinds! {
    /// A self-audit checklist with a profile, areas, items and an action plan.
    Checklist(checklist::Checklist) = "checklist", feature = "checklist";
    /// A stepwise plan kept per case (the return-to-work planner).
    Plan(plan::Plan) = "plan", feature = "plan";
    /// An e-learning course of modules, lessons, scenarios and quizzes.
    Course(course::Course) = "course", feature = "course";
    /// A scored questionnaire (the stress self-check): items, scales, scoring as data.
    Questionnaire(questionnaire::Questionnaire) = "questionnaire", feature = "questionnaire";
}

impl Kit {
    /// `state` as this kit's kind's state `S`, or the mismatch error.
    fn state_of<'a, S: 'static>(&self, state: &'a KitState) -> Result<&'a S> {
        state
            .as_any()
            .downcast_ref()
            .ok_or_else(|| self.mismatch(state))
    }

    fn mismatch(&self, state: &KitState) -> Error {
        Error::DoesNotFit(format!(
            "the state is a {}; this kit is a {}",
            state.kind_name(),
            self.kind_name()
        ))
    }
}

impl<'de> Deserialize<'de> for Kit {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> std::result::Result<Kit, D::Error> {
        deserializer.deserialize_map(KitVisitor)
    }
}

/// Reads `type` first, then the rest of the same object as that kind's content.
struct KitVisitor;

impl<'de> Visitor<'de> for KitVisitor {
    type Value = Kit;

    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        formatter.write_str("a kit object whose first key is `type`")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> std::result::Result<Kit, A::Error> {
        let key: Option<std::borrow::Cow<'de, str>> = map.next_key()?;
        if key.as_deref() != Some("type") {
            return Err(A::Error::custom(
                "the kit's first key must be `type` (checklist, plan, course or questionnaire)",
            ));
        }
        let name: std::borrow::Cow<'de, str> = map.next_value()?;
        Kit::read_kind(&name, map)
    }
}

impl<'de> Deserialize<'de> for KitState {
    fn deserialize<D: Deserializer<'de>>(
        deserializer: D,
    ) -> std::result::Result<KitState, D::Error> {
        deserializer.deserialize_map(KitStateVisitor)
    }
}

/// Reads `kind` and `data` as that kind's state; refuses any other key. Kizuki writes `kind`
/// first, and then `data` is read in the same pass; a file whose keys were reordered (by a
/// tool that sorts them, say) has its `data` kept as raw JSON until `kind` is known.
struct KitStateVisitor;

impl<'de> Visitor<'de> for KitStateVisitor {
    type Value = KitState;

    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        formatter.write_str("a state object `{\"kind\": …, \"data\": …}`")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> std::result::Result<KitState, A::Error> {
        let mut name: Option<std::borrow::Cow<'de, str>> = None;
        let mut state = None;
        let mut early_data: Option<Box<serde_json::value::RawValue>> = None;
        while let Some(key) = map.next_key::<std::borrow::Cow<'de, str>>()? {
            match (key.as_ref(), &name) {
                ("kind", None) => name = Some(map.next_value()?),
                ("data", Some(kind)) if state.is_none() && early_data.is_none() => {
                    state = Some(KitState::read_kind(kind, &mut map)?);
                }
                ("data", None) if early_data.is_none() => early_data = Some(map.next_value()?),
                ("kind" | "data", _) => {
                    return Err(A::Error::custom(format!("duplicate field `{key}`")))
                }
                (other, _) => return Err(A::Error::unknown_field(other, &["kind", "data"])),
            }
        }
        let name = name.ok_or_else(|| A::Error::missing_field("kind"))?;
        match (state, early_data) {
            (Some(state), _) => Ok(state),
            (None, Some(data)) => {
                KitState::from_json(&name, data.get().as_bytes()).map_err(A::Error::custom)
            }
            (None, None) => Err(A::Error::missing_field("data")),
        }
    }
}

impl KitState {
    /// This state as kind `K`'s, if it is of that kind.
    pub fn get<K: KindAccess>(&self) -> Option<&K::State> {
        K::state_of(self)
    }

    /// This state as kind `K`'s, owned, if it is of that kind.
    pub fn into_state<K: KindAccess>(self) -> Option<K::State> {
        self.into_any().downcast().ok().map(|state| *state)
    }
}

impl ValidPack {
    /// The pack's content as kind `K`, if it is of that kind.
    pub fn content<K: KindAccess>(&self) -> Option<&K> {
        K::of(&self.pack().kit)
    }
}
