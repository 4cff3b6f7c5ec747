//! The "my data" page: every record this site keeps in this browser (`kizuki/…` keys in
//! local storage), with its pack, namespace, size and date, a download and an erase.

use kizuki_core::Lang;
use yew::prelude::*;

use super::{fill, tools_text};
use crate::platform;

/// Properties of [`MyDataView`].
#[derive(Debug, Clone, PartialEq, Properties)]
pub struct MyDataProps {
    /// The language chosen in the frame's switch.
    pub lang: Lang,
    /// The widget's namespace, used only to make element ids unique.
    pub namespace: String,
}

/// What a stored record holds, as far as can be told without the pack.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RecordInfo {
    /// A plain export envelope, saved at this time.
    Plain { saved_at: String },
    /// A sealed (encrypted) record.
    Sealed,
    /// Neither.
    Unreadable,
}

/// One stored record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    /// The storage key.
    pub key: String,
    /// The namespace part of the key.
    pub namespace: String,
    /// The pack id part of the key.
    pub pack_id: String,
    /// True for a damaged record kept aside (`…/corrupt/…`).
    pub corrupt: bool,
    /// Size in UTF-16 units, as the browser counts storage.
    pub size: usize,
    /// What the value holds.
    pub info: RecordInfo,
}

/// Describes a stored record from its key, size and value. Pure, so tested natively.
pub fn describe(key: &str, size: usize, value: &str) -> Record {
    let mut parts = key.strip_prefix("kizuki/").unwrap_or(key).split('/');
    let namespace = parts.next().unwrap_or_default().to_string();
    let pack_id = parts.next().unwrap_or_default().to_string();
    let corrupt = key.contains("/corrupt/");
    let info = match serde_json::from_str::<serde_json::Value>(value) {
        Ok(json) => {
            if let Some(saved) = json.get("saved_at").and_then(serde_json::Value::as_str) {
                RecordInfo::Plain {
                    saved_at: saved.to_string(),
                }
            } else if json.get("ciphertext").is_some() {
                RecordInfo::Sealed
            } else {
                RecordInfo::Unreadable
            }
        }
        Err(_) => RecordInfo::Unreadable,
    };
    Record {
        key: key.to_string(),
        namespace,
        pack_id,
        corrupt,
        size,
        info,
    }
}

fn records() -> Vec<Record> {
    let mut records: Vec<Record> = platform::entries("kizuki/")
        .into_iter()
        .map(|(key, value)| describe(&key, value.encode_utf16().count(), &value))
        .collect();
    records.sort_by(|a, b| a.key.cmp(&b.key));
    records
}

/// A file name for a record's download: the key with `/` made `_`.
pub fn file_name(key: &str) -> String {
    let name: String = key
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '.' {
                c
            } else {
                '_'
            }
        })
        .collect();
    format!("{name}.json")
}

/// Lists this browser's Kizuki records.
#[function_component(MyDataView)]
pub fn my_data_view(props: &MyDataProps) -> Html {
    let text = tools_text(props.lang);
    let list = use_state(records);
    let confirming = use_state(|| None::<String>);
    let status = use_state(String::new);
    let id = |name: &str| format!("kizuki-{}-data-{name}", props.namespace);

    let refresh = {
        let list = list.clone();
        Callback::from(move |_: MouseEvent| list.set(records()))
    };

    let rows = list.iter().map(|record| {
        let key = record.key.clone();
        let download = {
            let key = key.clone();
            let status = status.clone();
            let failed = text.data_failed.to_string();
            Callback::from(move |_: MouseEvent| {
                let value = platform::read(&key).ok().flatten().unwrap_or_default();
                if platform::download(&file_name(&key), "application/json", &value).is_err() {
                    status.set(failed.clone());
                }
            })
        };
        let ask = {
            let key = key.clone();
            let confirming = confirming.clone();
            Callback::from(move |_: MouseEvent| confirming.set(Some(key.clone())))
        };
        let cancel = {
            let confirming = confirming.clone();
            Callback::from(move |_: MouseEvent| confirming.set(None))
        };
        let erase = {
            let key = key.clone();
            let confirming = confirming.clone();
            let list = list.clone();
            let status = status.clone();
            let erased = fill(text.data_erased, &[("key", &key)]);
            let failed = text.data_failed.to_string();
            Callback::from(move |_: MouseEvent| {
                match platform::remove(&key) {
                    Ok(()) => status.set(erased.clone()),
                    Err(_) => status.set(failed.clone()),
                }
                confirming.set(None);
                list.set(records());
            })
        };
        let saved = match &record.info {
            RecordInfo::Plain { saved_at } => saved_at.clone(),
            RecordInfo::Sealed => text.data_sealed.to_string(),
            RecordInfo::Unreadable => text.data_unreadable.to_string(),
        };
        let is_confirming = confirming.as_deref() == Some(key.as_str());
        html! {
            <li class={classes!("kizuki-card", "kizuki-tools-record", record.corrupt.then_some("kizuki-tools-record-corrupt"))}
                data-key={key.clone()}>
                <dl class="kizuki-tools-record-details">
                    <dt>{ &text.data_pack }</dt><dd>{ &record.pack_id }</dd>
                    <dt>{ &text.data_namespace }</dt><dd>{ &record.namespace }</dd>
                    <dt>{ &text.data_size }</dt>
                    <dd>{ fill(text.data_size_value, &[("n", &record.size.to_string())]) }</dd>
                    <dt>{ &text.data_saved }</dt><dd>{ saved }</dd>
                    <dt>{ &text.data_key }</dt><dd><code>{ &record.key }</code></dd>
                </dl>
                if record.corrupt {
                    <p class="kizuki-tools-corrupt"><strong>{ &text.data_corrupt }</strong></p>
                }
                <div class="kizuki-actions">
                    <button type="button" class="kizuki-button" onclick={download}>{ &text.data_download }</button>
                    if is_confirming {
                        <p class="kizuki-tools-confirm" role="alert">{ &text.data_confirm }</p>
                        <button type="button" class="kizuki-button kizuki-button--danger kizuki-tools-erase-yes"
                                onclick={erase}>{ &text.data_confirm_yes }</button>
                        <button type="button" class="kizuki-button kizuki-button--secondary"
                                onclick={cancel}>{ &text.data_cancel }</button>
                    } else {
                        <button type="button" class="kizuki-button kizuki-button--secondary kizuki-tools-erase"
                                onclick={ask}>{ &text.data_erase }</button>
                    }
                </div>
            </li>
        }
    });

    html! {
        <section class="kizuki-tools kizuki-tools-mydata" aria-labelledby={id("heading")}>
            <h2 id={id("heading")}>{ &text.data_heading }</h2>
            <p>{ &text.data_where }</p>
            <p>{ &text.data_embedded }</p>
            <p class="kizuki-notice">{ &text.data_nothing_sent }</p>
            <p class="kizuki-status" role="status" aria-live="polite">{ (*status).clone() }</p>
            <button type="button" class="kizuki-button kizuki-button--secondary" onclick={refresh}>
                { &text.data_refresh }
            </button>
            if list.is_empty() {
                <p class="kizuki-tools-empty">{ &text.data_empty }</p>
            } else {
                <ul class="kizuki-tools-records">{ for rows }</ul>
            }
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_are_described_from_key_and_value() {
        let plain = describe(
            "kizuki/mh-checklist/mh-checklist",
            10,
            r#"{"kizuki_export":1,"saved_at":"2026-11-22T10:00:00Z"}"#,
        );
        assert_eq!(plain.pack_id, "mh-checklist");
        assert_eq!(plain.namespace, "mh-checklist");
        assert!(!plain.corrupt);
        assert_eq!(
            plain.info,
            RecordInfo::Plain {
                saved_at: "2026-11-22T10:00:00Z".into()
            }
        );
        let sealed = describe("kizuki/a/return-to-work", 5, r#"{"ciphertext":"x"}"#);
        assert_eq!(sealed.info, RecordInfo::Sealed);
        let corrupt = describe("kizuki/a/linecare/corrupt/123", 3, "{{");
        assert!(corrupt.corrupt);
        assert_eq!(corrupt.info, RecordInfo::Unreadable);
        assert_eq!(file_name("kizuki/a/b"), "kizuki_a_b.json");
    }
}
