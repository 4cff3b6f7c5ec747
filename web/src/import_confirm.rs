//! Import never destroys: before a file replaces what is saved, [`ImportConfirm`] shows
//! the file against the saved record (how much each holds, when each was saved, which is
//! newer; the core's `import_preview` decides) and asks. The record replaced is kept under
//! `<record key>/before-import` until the person removes it, and [`UndoImport`] puts it
//! back ("undo import"). Used by the checklist and by the shell's data panel (the course, the
//! stress self-check).

use kizuki_core::import_preview::{ImportPreview, Newer};
use kizuki_core::Lang;
use yew::prelude::*;

use crate::locale::{fill, local_date_time, ui_text};
use crate::platform::{self, StorageError};

/// Where the record an import replaced is kept.
pub fn undo_key(record_key: &str) -> String {
    format!("{record_key}/before-import")
}

/// Keeps the record saved now as the undo copy, before an import replaces it. Fails (and
/// the import must not go on) when the copy cannot be written, e.g. storage is full.
pub fn keep_before_import(record_key: &str) -> Result<(), StorageError> {
    let Some(text) = platform::read(record_key)? else {
        return Ok(());
    };
    let key = undo_key(record_key);
    platform::write(&key, &text)?;
    if platform::read(&key)?.as_deref() == Some(text.as_str()) {
        Ok(())
    } else {
        Err(StorageError::Other("the copy did not read back".into()))
    }
}

/// The undo copy's text, if there is one.
pub fn undo_copy(record_key: &str) -> Option<String> {
    platform::read(&undo_key(record_key)).ok().flatten()
}

/// Properties of [`ImportConfirm`].
#[derive(Clone, PartialEq, Properties)]
pub struct ImportConfirmProps {
    /// The language shown.
    pub lang: Lang,
    /// A prefix for element ids unique to the widget.
    pub id_prefix: AttrValue,
    /// The file's name.
    pub file_name: AttrValue,
    /// The comparison.
    pub preview: ImportPreview,
    /// Replace what is saved with the file.
    pub on_replace: Callback<()>,
    /// Keep what is saved.
    pub on_cancel: Callback<()>,
}

/// What every question before an import does (this one, and the planner's choice per case):
/// it takes focus when it opens (a phone scrolls to it, a screen reader reads it) and answers
/// Escape with `on_cancel` ("change nothing"). The node goes on the question's element, the
/// callback on its `onkeydown`.
#[hook]
pub fn use_import_question(on_cancel: &Callback<()>) -> (NodeRef, Callback<KeyboardEvent>) {
    let node = use_node_ref();
    {
        let node = node.clone();
        use_effect_with((), move |_| {
            if let Some(element) = node.cast::<web_sys::HtmlElement>() {
                let _ = element.focus();
            }
        });
    }
    let on_cancel = on_cancel.clone();
    let on_keydown = Callback::from(move |event: KeyboardEvent| {
        if event.key() == "Escape" {
            event.prevent_default();
            on_cancel.emit(());
        }
    });
    (node, on_keydown)
}

/// The question asked before an import replaces saved work: a labelled, described dialog
/// that takes focus when it opens, answers Escape with "keep what is saved", and sits next
/// to the import control.
#[function_component(ImportConfirm)]
pub fn import_confirm(props: &ImportConfirmProps) -> Html {
    let text = ui_text(props.lang);
    let (node, on_keydown) = use_import_question(&props.on_cancel);
    let title = format!("{}import-confirm-title", props.id_prefix);
    let description = format!("{}import-confirm-text", props.id_prefix);
    let replace = props.on_replace.reform(|_: MouseEvent| ());
    let cancel = props.on_cancel.reform(|_: MouseEvent| ());
    let p = &props.preview;
    let newer = match p.newer {
        Newer::File => text.import_newer_file,
        Newer::Saved => text.import_newer_saved,
        Newer::Same => text.import_newer_same,
        Newer::Unknown => text.import_newer_unknown,
    };
    html! {
        <div class="kizuki-import-confirm" role="alertdialog" aria-modal="false"
             aria-labelledby={title.clone()} aria-describedby={description.clone()}
             tabindex="-1" ref={node} onkeydown={on_keydown} data-testid="import-confirm"
             data-newer={match p.newer { Newer::File => "file", Newer::Saved => "saved", Newer::Same => "same", Newer::Unknown => "unknown" }}>
            <p class="kizuki-import-confirm-title" id={title}><strong>{ &text.import_confirm_title }</strong></p>
            <p id={description}>{ fill(text.import_confirm_text, &[("file", &props.file_name)]) }</p>
            <table class="kizuki-import-confirm-table">
                <thead>
                    <tr><td></td><th scope="col">{ &text.import_saved }</th><th scope="col">{ &text.import_file }</th></tr>
                </thead>
                <tbody>
                    <tr>
                        <th scope="row">{ &text.import_done }</th>
                        <td data-testid="import-saved-done">{ p.saved.done }</td>
                        <td data-testid="import-file-done">{ p.file.done }</td>
                    </tr>
                    <tr>
                        <th scope="row">{ &text.import_saved_at }</th>
                        <td>{ local_date_time(props.lang, &p.saved.saved_at) }</td>
                        <td>{ local_date_time(props.lang, &p.file.saved_at) }</td>
                    </tr>
                </tbody>
            </table>
            <p class={classes!((p.newer == Newer::Saved).then_some("kizuki-import-confirm-warning"))}
               data-testid="import-newer">{ newer }</p>
            <p>{ &text.import_undo_note }</p>
            <div class="kizuki-actions kizuki-import-confirm-buttons">
                <button type="button" class="kizuki-button" data-testid="import-replace" onclick={replace}>
                    { &text.import_replace }
                </button>
                <button type="button" class="kizuki-button kizuki-button--secondary" data-testid="import-cancel" onclick={cancel}>
                    { &text.import_cancel }
                </button>
            </div>
        </div>
    }
}

/// Properties of [`UndoImport`].
#[derive(Clone, PartialEq, Properties)]
pub struct UndoImportProps {
    /// The language shown.
    pub lang: Lang,
    /// Puts the kept record back (its text); the caller imports it through the core.
    pub on_undo: Callback<()>,
    /// Removes the kept record (the person keeps the imported answers).
    pub on_remove: Callback<()>,
}

/// "Undo import" and "remove the copy", shown while a replaced record is kept.
#[function_component(UndoImport)]
pub fn undo_import(props: &UndoImportProps) -> Html {
    let text = ui_text(props.lang);
    html! {
        <div class="kizuki-import-undo" data-testid="import-undo-panel">
            <p>{ &text.import_undo_kept }</p>
            <div class="kizuki-actions">
                <button type="button" class="kizuki-button" data-testid="undo-import"
                        onclick={props.on_undo.reform(|_: MouseEvent| ())}>{ &text.import_undo }</button>
                <button type="button" class="kizuki-button kizuki-button--secondary" data-testid="remove-undo-copy"
                        onclick={props.on_remove.reform(|_: MouseEvent| ())}>{ &text.import_undo_remove }</button>
            </div>
        </div>
    }
}
