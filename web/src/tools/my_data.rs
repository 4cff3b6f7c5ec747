//! The "my data" page: every record this site keeps in this browser (`kizuki/…` keys in
//! local storage), in plain words: which kit, what the record is, when it was last saved
//! (in the reader's time zone), how large (KB); a download and an erase. No ids or stamps.

use kizuki_core::Lang;
use yew::prelude::*;

use super::{fill, tools_text};
use crate::platform;
use crate::shell::confirm::Confirm;

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
    /// A plain export envelope, saved at this time (ISO 8601, as stored).
    Plain { saved_at: String },
    /// A sealed (encrypted) record.
    Sealed,
    /// Neither.
    Unreadable,
}

/// What a record is for, told from its key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RecordRole {
    /// A kit's answers and progress (`kizuki/<namespace>/<pack>`).
    Answers,
    /// The return-to-work cases, always sealed (the planner's record).
    Cases,
    /// The checklist's action-plan draft (`…/plan-draft`).
    PlanDraft,
    /// What was saved before an import, for "undo import" (`…/before-import`).
    BeforeImport,
    /// A damaged record set aside (`…/corrupt/<time>`).
    Corrupt,
    /// Anything else under `kizuki/`.
    Other,
}

/// One stored record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    /// The storage key (kept for the download's name and the erase, never shown).
    pub key: String,
    /// The pack id part of the key.
    pub pack_id: String,
    /// What the record is.
    pub role: RecordRole,
    /// Size in bytes as a downloaded file (UTF-8).
    pub bytes: usize,
    /// What the value holds.
    pub info: RecordInfo,
}

impl Record {
    /// True for a damaged record kept aside.
    pub fn corrupt(&self) -> bool {
        self.role == RecordRole::Corrupt
    }
}

/// Describes a stored record from its key and value. Pure, so tested natively.
pub fn describe(key: &str, value: &str) -> Record {
    let rest: Vec<&str> = key
        .strip_prefix("kizuki/")
        .unwrap_or(key)
        .split('/')
        .collect();
    let pack_id = rest.get(1).copied().unwrap_or_default().to_string();
    let info = match kizuki_core::json::from_slice::<serde_json::Value>(value.as_bytes()) {
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
    let role = match rest.get(2..).unwrap_or_default() {
        [] if info == RecordInfo::Sealed => RecordRole::Cases,
        [] => RecordRole::Answers,
        ["plan-draft"] => RecordRole::PlanDraft,
        ["before-import"] => RecordRole::BeforeImport,
        ["corrupt", ..] => RecordRole::Corrupt,
        _ => RecordRole::Other,
    };
    Record {
        key: key.to_string(),
        pack_id,
        role,
        bytes: value.len(),
        info,
    }
}

/// A size in KB with one decimal, never "0.0" for a record that holds something.
pub fn kilobytes(bytes: usize) -> String {
    let tenths = (bytes * 10).div_ceil(1024);
    format!("{}.{}", tenths / 10, tenths % 10)
}

/// The kit's name for a pack id, in the reader's language.
fn kit_name(text: &super::ToolsText, pack_id: &str) -> String {
    match pack_id {
        "mh-checklist" => text.data_kit_mh_checklist.to_string(),
        "provider-checklist" => text.data_kit_provider_checklist.to_string(),
        "return-to-work" => text.data_kit_return_to_work.to_string(),
        "linecare" => text.data_kit_linecare.to_string(),
        "bjsq-57" => text.data_kit_bjsq_57.to_string(),
        "bjsq-23" => text.data_kit_bjsq_23.to_string(),
        "workplace-improvement" => text.data_kit_workplace_improvement.to_string(),
        other => fill(text.data_kit_other, &[("id", other)]),
    }
}

fn role_text(text: &super::ToolsText, role: RecordRole) -> &'static str {
    match role {
        RecordRole::Answers => text.data_what_answers,
        RecordRole::Cases => text.data_what_cases,
        RecordRole::PlanDraft => text.data_what_plan_draft,
        RecordRole::BeforeImport => text.data_what_before_import,
        RecordRole::Corrupt => text.data_what_corrupt,
        RecordRole::Other => text.data_what_other,
    }
}

fn records() -> Vec<Record> {
    let mut records: Vec<Record> = platform::entries("kizuki/")
        .into_iter()
        .map(|(key, value)| describe(&key, &value))
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
        let erase = {
            let key = key.clone();
            let list = list.clone();
            let status = status.clone();
            let erased = fill(
                text.data_erased,
                &[
                    ("kit", &kit_name(text, &record.pack_id)),
                    ("what", role_text(text, record.role)),
                ],
            );
            let failed = text.data_failed.to_string();
            Callback::from(move |()| {
                match platform::remove(&key) {
                    Ok(()) => status.set(erased.clone()),
                    Err(_) => status.set(failed.clone()),
                }
                list.set(records());
            })
        };
        let saved = match &record.info {
            RecordInfo::Plain { saved_at } => crate::locale::local_date_time(props.lang, saved_at),
            RecordInfo::Sealed => text.data_sealed.to_string(),
            RecordInfo::Unreadable => text.data_unreadable.to_string(),
        };
        html! {
            <li class={classes!("kizuki-card", "kizuki-tools-record", record.corrupt().then_some("kizuki-tools-record-corrupt"))}
                data-key={key.clone()}>
                <h3 class="kizuki-tools-record-kit">{ kit_name(text, &record.pack_id) }</h3>
                <dl class="kizuki-tools-record-details">
                    <dt>{ &text.data_what }</dt><dd>{ role_text(text, record.role) }</dd>
                    <dt>{ &text.data_saved }</dt><dd class="kizuki-tools-record-saved">{ saved }</dd>
                    <dt>{ &text.data_size }</dt>
                    <dd>{ fill(text.data_size_value, &[("n", &kilobytes(record.bytes))]) }</dd>
                </dl>
                <div class="kizuki-actions">
                    <button type="button" class="kizuki-button" onclick={download}>{ &text.data_download }</button>
                    <Confirm lang={props.lang} danger=true class="kizuki-tools-erase" testid="erase"
                             open_label={text.data_erase} question={text.data_confirm}
                             yes_label={text.data_confirm_yes} on_confirm={erase} />
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
            <p>{ &text.data_language_key }</p>
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
            r#"{"kizuki_export":1,"saved_at":"2026-11-22T10:00:00Z"}"#,
        );
        assert_eq!(plain.pack_id, "mh-checklist");
        assert_eq!(plain.role, RecordRole::Answers);
        assert_eq!(
            plain.info,
            RecordInfo::Plain {
                saved_at: "2026-11-22T10:00:00Z".into()
            }
        );
        let sealed = describe("kizuki/a/return-to-work", r#"{"ciphertext":"x"}"#);
        assert_eq!(sealed.info, RecordInfo::Sealed);
        assert_eq!(sealed.role, RecordRole::Cases);
        let corrupt = describe("kizuki/a/linecare/corrupt/123", "{{");
        assert!(corrupt.corrupt());
        assert_eq!(corrupt.info, RecordInfo::Unreadable);
        let copy = describe("kizuki/a/linecare/before-import", "{}");
        assert_eq!(copy.role, RecordRole::BeforeImport);
        let draft = describe("kizuki/m/mh-checklist/plan-draft", "{}");
        assert_eq!(draft.role, RecordRole::PlanDraft);
        assert_eq!(describe("kizuki/m/x/y/z", "").role, RecordRole::Other);
        assert_eq!(file_name("kizuki/a/b"), "kizuki_a_b.json");
    }

    #[test]
    fn sizes_are_kilobytes_with_one_decimal_and_never_zero_for_something() {
        assert_eq!(kilobytes(0), "0.0");
        assert_eq!(kilobytes(1), "0.1");
        assert_eq!(kilobytes(1024), "1.0");
        assert_eq!(kilobytes(11_289), "11.1");
        // UTF-8 bytes, as the downloaded file: Japanese text counts three bytes a character.
        assert_eq!(describe("kizuki/a/b", "あいう").bytes, 9);
    }

    #[test]
    fn every_known_pack_has_a_kit_name_and_others_say_so() {
        for lang in [Lang::Ja, Lang::En] {
            let text = tools_text(lang);
            for id in [
                "mh-checklist",
                "provider-checklist",
                "return-to-work",
                "linecare",
                "bjsq-57",
                "bjsq-23",
                "workplace-improvement",
            ] {
                assert!(!kit_name(text, id).contains(id), "{id}");
            }
            assert!(kit_name(text, "stress").contains("stress"));
        }
    }
}
