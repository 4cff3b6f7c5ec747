//! "Newer in another tab": the browser fires a `storage` event in every *other* page of the
//! site when a record is written. [`use_record_changes`] listens for the kit's record key
//! and hands the revision now saved to the kit's reducer, which compares it with the one it
//! continues: when the other tab's is newer, the kit says so at once and offers to load it
//! (the revision check on save already refuses to write over it; this tells the person
//! before they go on working on the older page).

use gloo_events::EventListener;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// The revision in a saved record's text (`"revision": n` of the export envelope), or 0.
pub fn revision_of(text: &str) -> u64 {
    kizuki_core::export::revision_of(text.as_bytes())
}

/// Calls `on_change` with the revision another page saved under `key` (0 when it removed
/// the record or wrote something unreadable), for as long as the component is mounted.
#[hook]
pub fn use_record_changes(key: String, on_change: Callback<u64>) {
    use_record_text_changes(
        key,
        Callback::from(move |text: Option<String>| {
            on_change.emit(text.as_deref().map_or(0, revision_of))
        }),
    );
}

/// Calls `on_change` with what another page wrote under `key` (`None` when it removed the
/// record), for as long as the component is mounted: for a record whose revision is not
/// readable from outside (the planner's, sealed with its revision inside).
#[hook]
pub fn use_record_text_changes(key: String, on_change: Callback<Option<String>>) {
    use_effect_with(key, move |key| {
        let key = key.clone();
        // Removed from the window when dropped: when the component goes or the key changes.
        let listener = web_sys::window().map(|window| {
            EventListener::new(&window, "storage", move |event| {
                let Some(event) = event.dyn_ref::<web_sys::StorageEvent>() else {
                    return;
                };
                if event.key().as_deref() == Some(key.as_str()) {
                    on_change.emit(event.new_value());
                }
            })
        });
        move || drop(listener)
    });
}

#[cfg(test)]
mod tests {
    use super::revision_of;

    #[test]
    fn the_revision_is_read_from_the_envelope_and_anything_else_is_zero() {
        assert_eq!(
            revision_of(r#"{"kizuki_export":2,"revision":7,"state":{}}"#),
            7
        );
        assert_eq!(revision_of("not json"), 0);
        assert_eq!(revision_of(r#"{"revision":"7"}"#), 0);
    }
}
