//! The one notice type of the kits that use the shell: storage problems (the shared `ui`
//! words, by `StorageError::code`), the core's error codes (`locale::error_message`, one
//! message per code), what the data panel did (in the kit's words: a course speaks of its
//! 記録, the stress check of 答え), "newer in another tab", and the kit's own notices.

use kizuki_core::Lang;

use yew::prelude::*;

use super::data_panel::DataPanelText;
use crate::locale::{error_message, fill, ui_text};
use crate::platform::LoadProblem;

/// A kit's own notices (a quiz left unanswered, …): worded by the kit.
pub trait KitNotice: Clone + PartialEq + std::fmt::Debug {
    /// The message in `lang`.
    fn message(&self, lang: Lang) -> String;
    /// Whether it reports a problem (shown as an error).
    fn is_problem(&self) -> bool;
    /// Whether it belongs next to the data panel rather than at the top of the kit.
    fn is_about_the_record(&self) -> bool {
        false
    }
    /// Its name for tests and styles (`data-notice`).
    fn kind(&self) -> &'static str {
        "kit"
    }
}

/// A kit without notices of its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoOwnNotice {}

impl KitNotice for NoOwnNotice {
    fn message(&self, _lang: Lang) -> String {
        match *self {}
    }
    fn is_problem(&self) -> bool {
        match *self {}
    }
}

/// Something the person should know, shown until the next one or until dismissed.
#[derive(Debug, Clone, PartialEq)]
pub enum Notice<K> {
    /// Storage could not be used (`StorageError::code`).
    Storage(&'static str),
    /// The stored record could not be read and was moved to this key.
    KeptAside(String),
    /// Another tab saved this kit's record: this page is older (offers to reload).
    OtherTab,
    /// A file was downloaded.
    Exported(String),
    /// A download failed (the browser's words).
    ExportFailed(String),
    /// A file (this name) replaced the record.
    Imported(String),
    /// A file (this name, or empty when it could not be read) was refused, with the core's
    /// error code or `read_failed` / `too_large`.
    ImportRefused {
        /// The file's name.
        file: String,
        /// Why.
        code: String,
    },
    /// The copy kept for "undo import" could not be written, so nothing was imported.
    CopyFailed,
    /// "Undo import" put the record from before the import back.
    Restored,
    /// The record was erased.
    Erased,
    /// The kit's own.
    Kit(K),
}

impl<K: KitNotice> Notice<K> {
    /// What to tell about a record read with a problem: storage in the shared words, or
    /// that a damaged record was kept aside (the same for every kit and the planner).
    pub fn of_load_problem(problem: LoadProblem) -> Notice<K> {
        match problem {
            LoadProblem::Storage(error) => Notice::Storage(error.code()),
            LoadProblem::KeptAside { key, .. } => Notice::KeptAside(key),
        }
    }

    /// Whether it reports a problem.
    pub fn is_problem(&self) -> bool {
        self.tone() == Tone::Problem
    }

    /// Whether it belongs next to the data panel (what the panel did) rather than at the
    /// top of the kit (storage, another tab).
    pub fn is_about_the_record(&self) -> bool {
        match self {
            Notice::Storage(_) | Notice::KeptAside(_) | Notice::OtherTab => false,
            Notice::Kit(own) => own.is_about_the_record(),
            _ => true,
        }
    }

    /// Its name for tests and styles (`data-notice`).
    pub fn kind(&self) -> &'static str {
        match self {
            Notice::Storage(_) => "storage",
            Notice::KeptAside(_) => "kept-aside",
            Notice::OtherTab => "other-tab",
            Notice::Exported(_) => "exported",
            Notice::ExportFailed(_) => "export-failed",
            Notice::Imported(_) => "imported",
            Notice::ImportRefused { .. } => "import-refused",
            Notice::CopyFailed => "copy-failed",
            Notice::Restored => "restored",
            Notice::Erased => "erased",
            Notice::Kit(own) => own.kind(),
        }
    }

    /// The message in `lang`.
    pub fn message(&self, words: &DataPanelText, lang: Lang) -> String {
        let ui = ui_text(lang);
        match self {
            Notice::Storage(code) => storage_message(code, lang).to_string(),
            Notice::KeptAside(key) => fill(ui.storage_kept_aside, &[("key", key)]),
            Notice::OtherTab => ui.other_tab_newer.to_string(),
            Notice::Exported(file) => fill(words.exported, &[("file", file)]),
            Notice::ExportFailed(detail) => fill(words.export_failed, &[("detail", detail)]),
            Notice::Imported(file) => fill(words.imported, &[("file", file)]),
            Notice::ImportRefused { file, code } => fill(
                words.import_refused,
                &[("file", file), ("reason", error_message(lang, code))],
            ),
            Notice::CopyFailed => ui.import_copy_failed.to_string(),
            Notice::Restored => ui.import_undo_done.to_string(),
            Notice::Erased => words.erased.to_string(),
            Notice::Kit(own) => own.message(lang),
        }
    }
}

impl<K: KitNotice> Notice<K> {
    /// How it looks: what a done task says (✓), a kit's own news, or a problem (an alert).
    pub fn tone(&self) -> Tone {
        match self {
            Notice::Exported(_) | Notice::Imported(_) | Notice::Restored | Notice::Erased => {
                Tone::Done
            }
            Notice::Kit(own) if !own.is_problem() => Tone::Info,
            _ => Tone::Problem,
        }
    }

    /// Whether it stays in sight while the kit scrolls: the person has to know it wherever
    /// they are (storage cannot be used; another tab saved something newer).
    pub fn stays_in_sight(&self) -> bool {
        matches!(self, Notice::Storage(_) | Notice::OtherTab)
    }

    /// The notice in words, as [`notice_slot`] shows it.
    pub fn shown(&self, words: &DataPanelText, lang: Lang) -> NoticeShown {
        NoticeShown {
            message: self.message(words, lang).into(),
            tone: self.tone(),
            kind: self.kind(),
            reload: matches!(self, Notice::OtherTab),
            in_sight: self.stays_in_sight(),
        }
    }
}

/// How a notice looks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    /// A task done (a file written or read, the record erased).
    Done,
    /// News that is not a problem.
    Info,
    /// A problem.
    Problem,
}

/// A notice in words: everything [`notice_slot`] needs.
#[derive(Debug, Clone, PartialEq)]
pub struct NoticeShown {
    /// The message.
    pub message: AttrValue,
    /// How it looks.
    pub tone: Tone,
    /// `data-notice` (`Notice::kind`).
    pub kind: &'static str,
    /// Whether it offers to load what another tab saved.
    pub reload: bool,
    /// Whether it stays in sight while the kit scrolls.
    pub in_sight: bool,
}

/// Where a kit shows its notice, and how: [`notice_slot`]'s arguments.
pub struct NoticeSlotProps {
    /// The page's language (the buttons' words).
    pub lang: Lang,
    /// The notice shown here, if any.
    pub shown: Option<NoticeShown>,
    /// "Load the newer one" (shown with a notice that another tab saved).
    pub on_reload: Callback<MouseEvent>,
    /// Put the notice away; without it, no button.
    pub on_dismiss: Option<Callback<MouseEvent>>,
    /// The slot's id, for a kit that moves focus to the slot itself (it is then focusable).
    pub id: Option<AttrValue>,
    /// `data-testid` of the notice.
    pub testid: Option<&'static str>,
    /// `data-testid` of the slot.
    pub slot_testid: Option<&'static str>,
    /// More classes on the slot.
    pub class: Classes,
    /// An `alert` region (assertive) for a slot that shows only problems; else a `status`
    /// region (polite). Fixed for the slot, whatever it shows: a live region is announced
    /// reliably when it is in the page before its content and keeps its politeness.
    pub urgent: bool,
    /// The notice's element, for [`FocusedNotice`].
    pub node: NodeRef,
}

impl NoticeSlotProps {
    /// A slot for `shown` with nothing more (no 閉じる, no ids).
    pub fn new(
        lang: Lang,
        shown: Option<NoticeShown>,
        on_reload: Callback<MouseEvent>,
    ) -> NoticeSlotProps {
        NoticeSlotProps {
            lang,
            shown,
            on_reload,
            on_dismiss: None,
            id: None,
            testid: None,
            slot_testid: None,
            class: Classes::new(),
            urgent: false,
            node: NodeRef::default(),
        }
    }
}

/// Where a kit shows its notice: a live region that stays in the page (so that later news is
/// read out; `status`, or `alert` for a slot of problems), holding the notice, if any, with
/// its buttons. Every kit shows every notice so.
/// A plain function, not a component: a notice keeps no state of its own (each component
/// type costs a module about 1 KB gzip of Yew's machinery).
pub fn notice_slot(props: NoticeSlotProps) -> Html {
    let ui = ui_text(props.lang);
    let (role, live) = if props.urgent {
        ("alert", "assertive")
    } else {
        ("status", "polite")
    };
    let in_sight = props.shown.as_ref().is_some_and(|s| s.in_sight);
    let focusable = props.id.is_some().then_some("-1");
    let notice = props.shown.map(|shown| {
        let tone = match shown.tone {
            Tone::Done => Some("kizuki-notice--success"),
            Tone::Info => None,
            Tone::Problem => Some("kizuki-notice--error"),
        };
        html! {
            <div class={classes!("kizuki-notice", tone)} ref={props.node} tabindex="-1"
                 data-notice={shown.kind} data-testid={props.testid}>
                <p>{ shown.message }</p>
                if shown.reload {
                    <button type="button" class="kizuki-button kizuki-button--small" data-testid="other-tab-reload"
                            onclick={props.on_reload}>{ ui.other_tab_reload }</button>
                }
                if let Some(on_dismiss) = props.on_dismiss {
                    <button type="button" class="kizuki-button kizuki-button--quiet kizuki-button--small"
                            data-testid="dismiss" onclick={on_dismiss}>{ ui.dismiss }</button>
                }
            </div>
        }
    });
    html! {
        <div class={classes!("kizuki-notice-slot", props.class)} id={props.id}
             tabindex={focusable}
             role={role} aria-live={live} data-in-sight={in_sight.then_some("")}
             data-testid={props.slot_testid}>
            { for notice }
        </div>
    }
}

/// Properties of [`FocusedNotice`].
#[derive(Properties, PartialEq)]
pub struct FocusedNoticeProps {
    /// The page's language.
    pub lang: Lang,
    /// The notice shown here, if any.
    pub shown: Option<NoticeShown>,
    /// "Load the newer one".
    pub on_reload: Callback<MouseEvent>,
    /// Put the notice away.
    pub on_dismiss: Callback<MouseEvent>,
}

/// A [`notice_slot`] whose notice takes focus when it appears or changes (a phone scrolls to
/// it, a screen reader reads it): for a notice that answers what the person just did, where
/// they did it (the planner's places).
#[function_component(FocusedNotice)]
pub fn focused_notice(props: &FocusedNoticeProps) -> Html {
    let node = use_node_ref();
    {
        let node = node.clone();
        let message = props.shown.as_ref().map(|shown| shown.message.clone());
        use_effect_with(message, move |message| {
            if message.is_some() {
                if let Some(element) = node.cast::<web_sys::HtmlElement>() {
                    let _ = element.focus();
                }
            }
        });
    }
    notice_slot(NoticeSlotProps {
        on_dismiss: Some(props.on_dismiss.clone()),
        node,
        ..NoticeSlotProps::new(props.lang, props.shown.clone(), props.on_reload.clone())
    })
}

/// The message for a storage problem (`StorageError::code`), the same in every kit.
pub fn storage_message(code: &str, lang: Lang) -> &'static str {
    let ui = ui_text(lang);
    match code {
        "unavailable" => ui.storage_unavailable,
        "full" => ui.storage_full,
        "newer_elsewhere" => ui.storage_newer_elsewhere,
        "newer_version" => ui.storage_newer_version,
        "kept_in_place" => ui.storage_kept_in_place,
        _ => ui.storage_other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const WORDS: DataPanelText = DataPanelText {
        export_json: "JSON",
        export_csv: "CSV",
        exported: "exported {file}",
        export_failed: "failed {detail}",
        import_label: "open",
        imported: "imported {file}",
        import_refused: "refused {file}: {reason}",
        erase: "erase",
        erase_confirm_text: "erase?",
        erase_confirm: "yes",
        erased: "erased",
    };

    #[test]
    fn every_storage_code_has_its_own_words_in_both_languages() {
        for lang in [Lang::Ja, Lang::En] {
            let codes = [
                "unavailable",
                "full",
                "newer_elsewhere",
                "newer_version",
                "kept_in_place",
                "other",
            ];
            let messages: std::collections::BTreeSet<&str> =
                codes.iter().map(|c| storage_message(c, lang)).collect();
            assert_eq!(messages.len(), codes.len(), "{lang:?}");
        }
    }

    #[test]
    fn a_refused_file_names_the_core_error_and_the_panel_notices_are_not_problems() {
        let refused: Notice<NoOwnNotice> = Notice::ImportRefused {
            file: "a.json".into(),
            code: "invalid_json".into(),
        };
        let text = refused.message(&WORDS, Lang::En);
        assert!(text.starts_with("refused a.json: "), "{text}");
        assert!(text.contains(error_message(Lang::En, "invalid_json")));
        assert!(refused.is_problem() && refused.is_about_the_record());
        let storage: Notice<NoOwnNotice> = Notice::Storage("full");
        assert!(storage.is_problem() && !storage.is_about_the_record());
        assert!(!Notice::<NoOwnNotice>::Erased.is_problem());
    }

    #[derive(Debug, Clone, PartialEq)]
    struct News(bool);

    impl KitNotice for News {
        fn message(&self, _lang: Lang) -> String {
            "news".into()
        }
        fn is_problem(&self) -> bool {
            self.0
        }
    }

    #[test]
    fn how_each_notice_shows_is_decided_once() {
        let shown = |notice: Notice<News>| notice.shown(&WORDS, Lang::Ja);
        let other_tab = shown(Notice::OtherTab);
        assert!(other_tab.reload && other_tab.in_sight);
        assert_eq!(
            (other_tab.tone, other_tab.kind),
            (Tone::Problem, "other-tab")
        );
        let storage = shown(Notice::Storage("full"));
        assert!(storage.in_sight && !storage.reload);
        assert_eq!(
            storage.message,
            AttrValue::from(storage_message("full", Lang::Ja))
        );
        let kept = shown(Notice::KeptAside("k".into()));
        assert!(
            !kept.in_sight,
            "a record kept aside is said once, where it happened"
        );
        for done in [
            Notice::Exported("a.csv".into()),
            Notice::Imported("a.json".into()),
            Notice::Restored,
            Notice::Erased,
        ] {
            let done = shown(done);
            assert_eq!(done.tone, Tone::Done, "{}", done.kind);
            assert!(!done.reload && !done.in_sight);
        }
        assert_eq!(shown(Notice::Kit(News(false))).tone, Tone::Info);
        assert_eq!(shown(Notice::Kit(News(true))).tone, Tone::Problem);
        assert_eq!(shown(Notice::CopyFailed).tone, Tone::Problem);
        assert_eq!(shown(Notice::ExportFailed("x".into())).tone, Tone::Problem);
    }
}
