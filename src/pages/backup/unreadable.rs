//! The "Data that could not be read" section: every stored value the app
//! cannot read (whether or not a copy could be set aside), to download and
//! then discard.

use std::collections::BTreeSet;

use leptos::prelude::*;

use crate::components::planner_state::Planner;
use crate::domain::diary::date::Date;
use crate::domain::diary::storage::{
    discard_offered, unreadable_values, KeyValueStore, UnreadableValue, DAY_KEY_PREFIX, SCHEMA_KEY,
    SCHEMA_VERSION,
};
use crate::domain::units::format::format_number;
use crate::storage::{download, BrowserStore};

/// A file name for the bytes of `key`: "electrolyte-unreadable-ep.v1.day.2026-11-29.txt".
fn unreadable_file_name(key: &str) -> String {
    let safe: String = key
        .chars()
        .take(80)
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_') {
                c
            } else {
                '_'
            }
        })
        .collect();
    format!("electrolyte-unreadable-{safe}.txt")
}

/// Whether the storage belongs to a newer version of the app (its schema
/// marker is newer): its values are only offered for download.
fn newer_schema(store: &impl KeyValueStore) -> bool {
    store
        .get(SCHEMA_KEY)
        .and_then(|m| m.parse::<u64>().ok())
        .is_some_and(|v| v > u64::from(SCHEMA_VERSION))
}

/// Removes `value` (downloaded, and confirmed) and its copy aside, unlocking
/// its date. What happened, for people.
fn discard(planner: Planner, value: &UnreadableValue) -> Result<String, String> {
    let mut store = BrowserStore;
    planner
        .diary
        .try_update(|d| discard_offered(&mut store, d, value))
        .unwrap_or(Ok(()))
        .map_err(|e| e.to_string())?;
    let key = &value.key;
    if value.stored {
        planner
            .status
            .update(|s| s.problems.retain(|p| &p.key != key));
        if let Some(Ok(date)) = key.strip_prefix(DAY_KEY_PREFIX).map(Date::parse) {
            if date == planner.date.get_untracked() {
                planner.open(date);
            }
        }
        Ok(format!("Discarded {key}."))
    } else {
        Ok(format!("The older copy of {key} was discarded."))
    }
}

/// Every stored value that could not be read (set aside or not): download,
/// then discard.
#[component]
pub(super) fn Unreadable(stored: RwSignal<u32>) -> impl IntoView {
    let planner = Planner::expect();
    let values = Memo::new(move |_| {
        stored.track();
        planner.status.track();
        planner.diary.track();
        unreadable_values(&BrowserStore)
    });
    let newer = Memo::new(move |_| {
        stored.track();
        planner.status.track();
        newer_schema(&BrowserStore)
    });
    let downloaded = RwSignal::new(BTreeSet::<(String, bool)>::new());
    let confirming = RwSignal::new(None::<(String, bool)>);
    let message = RwSignal::new(None::<String>);
    let error = RwSignal::new(None::<String>);

    let offer = move |value: UnreadableValue| match download(
        &unreadable_file_name(&value.key),
        "text/plain",
        &value.raw,
    ) {
        Ok(()) => {
            error.set(None);
            downloaded.update(|d| {
                d.insert((value.key, value.stored));
            });
        }
        Err(e) => error.set(Some(e)),
    };
    let confirm = move |value: UnreadableValue| {
        confirming.set(None);
        planner.locked(move || {
            match discard(planner, &value) {
                Ok(text) => {
                    error.set(None);
                    message.set(Some(text));
                }
                Err(e) => {
                    message.set(None);
                    error.set(Some(format!("{} was not discarded: {e}", value.key)));
                }
            }
            downloaded.update(|d| {
                d.remove(&(value.key.clone(), value.stored));
            });
            stored.update(|n| *n += 1);
        });
    };

    view! {
        <section class="backup-section" aria-labelledby="unreadable-heading" data-testid="unreadable-section">
            <h2 id="unreadable-heading">"Data that could not be read"</h2>
            {move || values.with(Vec::is_empty).then(|| view! {
                <p data-testid="unreadable-none">"None: everything stored could be read."</p>
            })}
            {move || (!values.with(Vec::is_empty)).then(|| view! {
                <p>
                    "These values were stored by this app but could not be read. They are kept untouched and are in the JSON backup too; download each one (a technician may be able to recover it), then you may discard it so the day can be edited again."
                </p>
            })}
            {move || newer.get().then(|| view! {
                <p class="warning" data-testid="unreadable-newer">
                    "This browser's diary was saved by a newer version of the app: nothing here can be read or discarded by this version. Reload to get the newer version; you can download each value meanwhile."
                </p>
            })}
            <ul class="unreadable-list">
                <For
                    each=move || values.get()
                    key=|v| (v.key.clone(), v.raw.clone(), v.stored)
                    children=move |value| {
                        let problem = planner.status.with_untracked(|s| {
                            s.problems.iter().find(|p| p.key == value.key).map(|p| p.text())
                        });
                        let units = value.raw.encode_utf16().count();
                        let id = (value.key.clone(), value.stored);
                        let id_is = id.clone();
                        let id_ask = id.clone();
                        let is_offered = move || downloaded.with(|d| d.contains(&id));
                        let asking = move || confirming.with(|c| c.as_ref() == Some(&id_is));
                        let where_text = match (value.stored, value.copied_aside) {
                            (true, true) => "stored, and a copy set aside",
                            (true, false) => "stored (no copy could be set aside)",
                            (false, _) => "a copy set aside; the key holds something else now",
                        };
                        let for_download = value.clone();
                        let for_discard = value.clone();
                        view! {
                            <li class="unreadable-item" data-testid="unreadable-item" data-key=value.key.clone() data-stored=value.stored.to_string()>
                                <p>
                                    <code data-testid="unreadable-key">{value.key.clone()}</code>
                                    " · " {format_number(units as f64, 0)} " characters · " {where_text}
                                </p>
                                {problem.map(|text| view! { <p data-testid="unreadable-problem">{text}</p> })}
                                <div class="button-row">
                                    <button
                                        type="button"
                                        data-testid="unreadable-download"
                                        on:click=move |_| offer(for_download.clone())
                                    >
                                        "Download"
                                    </button>
                                    {move || (!newer.get()).then(|| {
                                        let id_ask = id_ask.clone();
                                        view! {
                                            <button
                                                type="button"
                                                data-testid="unreadable-discard"
                                                prop:disabled=!is_offered()
                                                title="Download it first"
                                                on:click=move |_| confirming.set(Some(id_ask.clone()))
                                            >
                                                "Discard"
                                            </button>
                                        }
                                    })}
                                </div>
                                {move || asking().then(|| {
                                    let for_discard = for_discard.clone();
                                    view! {
                                        <div class="confirm-box" role="group" aria-label="Discard for good?" data-testid="unreadable-confirm-box">
                                            <p>"Discard it for good? Only the file you downloaded will hold it."</p>
                                            <div class="button-row">
                                                <button
                                                    type="button"
                                                    data-testid="unreadable-discard-confirm"
                                                    on:click=move |_| confirm(for_discard.clone())
                                                >
                                                    "Discard"
                                                </button>
                                                <button
                                                    type="button"
                                                    data-testid="unreadable-discard-cancel"
                                                    on:click=move |_| confirming.set(None)
                                                >
                                                    "Keep it"
                                                </button>
                                            </div>
                                        </div>
                                    }
                                })}
                            </li>
                        }
                    }
                />
            </ul>
            <p class="field-error" role="alert" data-testid="unreadable-error">{move || error.get()}</p>
            <p class="confirmation" role="status" data-testid="unreadable-status">{move || message.get()}</p>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_are_safe() {
        assert_eq!(
            unreadable_file_name("ep.v1.day.2026-11-29"),
            "electrolyte-unreadable-ep.v1.day.2026-11-29.txt"
        );
        assert_eq!(
            unreadable_file_name("a/b <c>"),
            "electrolyte-unreadable-a_b__c_.txt"
        );
    }
}
