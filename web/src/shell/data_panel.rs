//! The one export / import / erase panel. Its download buttons are the formats the core
//! offers for the pack's kind (`Kit::file_formats`), labelled in the kit's words; a chosen
//! file is read and checked by the core before anything changes; "replace what is saved?"
//! and "undo import" are `import_confirm`'s; erasing asks once more (`confirm`). The panel only sends
//! what the person chose: the kit's reducer queues the effects (`shell::record`).

use kizuki_core::kind::FileFormat;
use kizuki_core::Lang;
use yew::prelude::*;

use super::confirm::{confirm_view, use_confirm, ConfirmProps};
use super::record::PendingImport;
use crate::file_button::FileButton;
use crate::import_confirm::{ImportConfirm, UndoImport};
use crate::platform::{self, ChosenFile};

/// The words every kit's data panel and its notices share, in the kit's own voice (a course
/// speaks of its 記録, the stress check of 答え): the nested object `"data_panel"` of each
/// kit's locale table (`web/locales/<lang>/<kit>.json`), compiled into this one struct by
/// `web/build.rs`, so the compiler checks each kit's keys against it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DataPanelText {
    /// The label of the JSON export button.
    pub export_json: &'static str,
    /// The label of the CSV export button.
    pub export_csv: &'static str,
    /// `{file}`: a file was downloaded.
    pub exported: &'static str,
    /// `{detail}`: a download failed.
    pub export_failed: &'static str,
    /// The label of the file input.
    pub import_label: &'static str,
    /// `{file}`: a file replaced the record.
    pub imported: &'static str,
    /// `{file}`, `{reason}`: a file was refused; says that nothing changed.
    pub import_refused: &'static str,
    /// The erase button.
    pub erase: &'static str,
    /// The question before erasing.
    pub erase_confirm_text: &'static str,
    /// Erase (confirmed).
    pub erase_confirm: &'static str,
    /// The record was erased.
    pub erased: &'static str,
}

impl DataPanelText {
    /// The panel's words: these, with the shared "replace?" answers (`ui`), no xAPI and no
    /// hint under the file input (a kit adds its own with `..`).
    pub fn panel_words(&'static self, lang: Lang) -> PanelWords {
        let ui = crate::locale::ui_text(lang);
        PanelWords {
            text: self,
            export_xapi: "",
            xapi_hint: None,
            import_hint: None,
            import_recomputed_yes: ui.import_replace,
            import_recomputed_no: ui.import_cancel,
        }
    }
}

/// The kit's words on its data panel: the shared ones ([`DataPanelText`]) and what only
/// some kits say.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PanelWords {
    /// The words every kit has.
    pub text: &'static DataPanelText,
    /// The label of the xAPI export button (a kit whose core offers xAPI).
    pub export_xapi: &'static str,
    /// Said under the xAPI button, if anything.
    pub xapi_hint: Option<&'static str>,
    /// Said under the file input's label, if anything.
    pub import_hint: Option<&'static str>,
    /// When nothing is saved but the file's results were recomputed: load it anyway.
    pub import_recomputed_yes: &'static str,
    /// … or not.
    pub import_recomputed_no: &'static str,
}

/// What the person chose on the panel.
#[derive(Debug, Clone, PartialEq)]
pub enum PanelChoice {
    /// Download this format.
    Export(FileFormat),
    /// A file was chosen and read (name, text).
    File(String, String),
    /// A file (this name) was chosen and could not be read (`too_large`, `read_failed`).
    Unreadable(String, &'static str),
    /// Replace what is saved with the pending file.
    Replace,
    /// Keep what is saved.
    KeepSaved,
    /// Put back what an import replaced.
    Undo,
    /// Remove the copy kept for "undo import".
    RemoveUndoCopy,
    /// Erase (confirmed).
    Erase,
}

/// Properties of [`DataPanel`].
#[derive(Clone, PartialEq, Properties)]
pub struct DataPanelProps {
    /// The language shown.
    pub lang: Lang,
    /// The widget-unique prefix of element ids (`kizuki-<namespace>-<kit>-`); the file
    /// input is `<prefix>import`.
    pub id_prefix: AttrValue,
    /// The downloads offered, in order (the core's `Kit::file_formats`).
    pub formats: &'static [FileFormat],
    /// The kit's words.
    pub words: PanelWords,
    /// A file waiting for "replace?".
    #[prop_or_default]
    pub pending: Option<PendingImport>,
    /// Said about the pending file before the question (a course's recomputed results).
    #[prop_or_default]
    pub pending_note: Html,
    /// Whether the record an import replaced is kept.
    pub undo_kept: bool,
    /// What the person chose.
    pub on_choice: Callback<PanelChoice>,
    /// Before the buttons: the kit's own lines (where the record is kept, …).
    #[prop_or_default]
    pub children: Html,
    /// After the erase button: the kit's status line, if it shows one here.
    #[prop_or_default]
    pub status: Html,
}

/// The data panel.
#[function_component(DataPanel)]
pub fn data_panel(props: &DataPanelProps) -> Html {
    let erase_question = use_confirm();
    let words = &props.words;
    let id = |suffix: &str| format!("{}{suffix}", props.id_prefix);
    let choose = |choice: PanelChoice| {
        let on_choice = props.on_choice.clone();
        Callback::from(move |_: MouseEvent| on_choice.emit(choice.clone()))
    };
    let buttons = props.formats.iter().map(|format| {
        let (label, testid) = match format {
            FileFormat::Record => (words.text.export_json, "export-json"),
            FileFormat::Csv => (words.text.export_csv, "export-csv"),
            FileFormat::Xapi => (words.export_xapi, "export-xapi"),
        };
        let described = (*format == FileFormat::Xapi && words.xapi_hint.is_some())
            .then(|| id("xapi-hint"));
        html! {
            <button type="button" class="kizuki-button kizuki-button--secondary" data-testid={testid}
                    aria-describedby={described} onclick={choose(PanelChoice::Export(*format))}>
                { label }
            </button>
        }
    });
    let xapi_hint = words
        .xapi_hint
        .filter(|_| props.formats.contains(&FileFormat::Xapi));
    let on_file = on_file_chosen(props.on_choice.clone());
    let pending = props.pending.as_ref().map(|pending| match &pending.preview {
        Some(preview) => html! {
            <ImportConfirm lang={props.lang} id_prefix={props.id_prefix.clone()} file_name={pending.name.clone()}
                           preview={preview.clone()}
                           on_replace={props.on_choice.reform(|()| PanelChoice::Replace)}
                           on_cancel={props.on_choice.reform(|()| PanelChoice::KeepSaved)} />
        },
        None => html! {
            <div class="kizuki-actions">
                <button type="button" class="kizuki-button" data-testid="import-replace"
                        onclick={choose(PanelChoice::Replace)}>{ words.import_recomputed_yes }</button>
                <button type="button" class="kizuki-button kizuki-button--secondary" data-testid="import-cancel"
                        onclick={choose(PanelChoice::KeepSaved)}>{ words.import_recomputed_no }</button>
            </div>
        },
    });
    let erase = confirm_view(
        &erase_question,
        &ConfirmProps {
            lang: props.lang,
            open_label: words.text.erase.into(),
            question: words.text.erase_confirm_text.into(),
            yes_label: words.text.erase_confirm.into(),
            on_confirm: props.on_choice.reform(|()| PanelChoice::Erase),
            danger: true,
            class: Classes::new(),
            id: Some(id("erase").into()),
            testid: Some("erase"),
        },
    );
    let import_id = id("import");
    let import_hint = words.import_hint.map(|hint| {
        html! { <p class="kizuki-hint" id={id("import-hint")}>{ hint }</p> }
    });
    html! {
        <div class="kizuki-data-panel" data-testid="data-panel">
            { props.children.clone() }
            <div class="kizuki-actions">{ for buttons }</div>
            if let Some(hint) = xapi_hint {
                <p class="kizuki-hint" id={id("xapi-hint")}>{ hint }</p>
            }
            <div class="kizuki-field">
                { for import_hint }
                <FileButton id={import_id} label={words.text.import_label} test_id={AttrValue::Static("import")}
                            hint_id={words.import_hint.map(|_| AttrValue::from(id("import-hint")))}
                            onchange={on_file} />
            </div>
            if props.pending.is_some() {
                { props.pending_note.clone() }
            }
            { for pending }
            if props.undo_kept && props.pending.is_none() {
                <UndoImport lang={props.lang}
                            on_undo={props.on_choice.reform(|()| PanelChoice::Undo)}
                            on_remove={props.on_choice.reform(|()| PanelChoice::RemoveUndoCopy)} />
            }
            <div class="kizuki-actions">{ erase }</div>
            { props.status.clone() }
        </div>
    }
}

/// A file input's `change`, for every kit's import: the chosen file read as text
/// ([`PanelChoice::File`]), or why it could not be ([`PanelChoice::Unreadable`]); nothing
/// when no file was chosen (`platform::take_chosen_file`).
pub fn on_file_chosen(on_choice: Callback<PanelChoice>) -> Callback<Event> {
    Callback::from(move |event: Event| {
        let Some(input) = event.target_dyn_into::<web_sys::HtmlInputElement>() else {
            return;
        };
        let on_choice = on_choice.clone();
        yew::platform::spawn_local(async move {
            match platform::take_chosen_file(&input).await {
                ChosenFile::Read(name, text) => on_choice.emit(PanelChoice::File(name, text)),
                ChosenFile::Unreadable(name, code) => {
                    on_choice.emit(PanelChoice::Unreadable(name, code))
                }
                ChosenFile::Nothing => {}
            }
        });
    })
}
