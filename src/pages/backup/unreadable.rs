//! The "Data that could not be read" section: the stored values set aside
//! as unreadable, to download and then discard.

use std::collections::BTreeSet;

use leptos::prelude::*;

use crate::components::planner_state::Planner;
use crate::domain::diary::date::Date;
use crate::domain::diary::storage::{
    copy_unreadable_aside, decode_day, decode_settings, discard_unreadable, quarantined,
    KeyValueStore, StoreError, DAY_KEY_PREFIX, QUARANTINE_PREFIX, SETTINGS_KEY,
};
use crate::domain::format::format_number;
use crate::storage::{download, BrowserStore};

/// Whether the value stored now under `key` cannot be read (so its copy
/// aside must be kept).
fn unreadable_now(key: &str, raw: &str) -> bool {
    if key == SETTINGS_KEY {
        decode_settings(raw).is_err()
    } else if key.starts_with(DAY_KEY_PREFIX) {
        decode_day(raw).is_err()
    } else {
        false
    }
}

/// A file name for the copy of `key`: "electrolyte-unreadable-ep.v1.day.2026-11-29.txt".
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

/// Removes the copy aside of `key` (downloaded, and confirmed) and, when it
/// is the value stored now, that value too, unlocking its date. When the
/// value stored now is another one that cannot be read either, it is set
/// aside in its turn, to download before discarding. What happened, for
/// people.
fn discard(planner: Planner, key: &str) -> Result<String, String> {
    let mut store = BrowserStore;
    let copy_key = format!("{QUARANTINE_PREFIX}{key}");
    let current = store.get(key);
    let copy = store.get(&copy_key);
    let is_stored_value = current.is_none() || current == copy;
    if !is_stored_value {
        store.remove(&copy_key);
        let raw = current.unwrap_or_default();
        if unreadable_now(key, &raw) {
            copy_unreadable_aside(&mut store, key).map_err(|e| e.to_string())?;
            return Ok(format!(
                "The older copy of {key} was discarded. The value stored now cannot be read either: it is listed again, to download before discarding."
            ));
        }
        return Ok(format!("The older copy of {key} was discarded."));
    }
    planner
        .diary
        .try_update(|d| discard_unreadable(&mut store, d, key))
        .unwrap_or_else(|| Err(StoreError::Other("the diary is gone".to_owned())))
        .map_err(|e| e.to_string())?;
    store.remove(&copy_key);
    planner
        .status
        .update(|s| s.problems.retain(|p| p.key != key));
    if let Some(Ok(date)) = key.strip_prefix(DAY_KEY_PREFIX).map(Date::parse) {
        if date == planner.date.get_untracked() {
            planner.open(date);
        }
    }
    Ok(format!("Discarded {key}."))
}

/// The stored values that could not be read: download, then discard.
#[component]
pub(super) fn Unreadable(stored: RwSignal<u32>) -> impl IntoView {
    let planner = Planner::expect();
    let copies = Memo::new(move |_| {
        stored.track();
        planner.status.track();
        planner.diary.track();
        quarantined(&BrowserStore)
    });
    let downloaded = RwSignal::new(BTreeSet::<String>::new());
    let confirming = RwSignal::new(None::<String>);
    let message = RwSignal::new(None::<String>);
    let error = RwSignal::new(None::<String>);

    let offer = move |key: String, raw: String| match download(
        &unreadable_file_name(&key),
        "text/plain",
        &raw,
    ) {
        Ok(()) => {
            error.set(None);
            downloaded.update(|d| {
                d.insert(key);
            });
        }
        Err(e) => error.set(Some(e)),
    };
    let confirm = move |key: String| {
        confirming.set(None);
        match discard(planner, &key) {
            Ok(text) => {
                error.set(None);
                message.set(Some(text));
            }
            Err(e) => {
                message.set(None);
                error.set(Some(format!("{key} was not discarded: {e}")));
            }
        }
        downloaded.update(|d| {
            d.remove(&key);
        });
        stored.update(|n| *n += 1);
    };

    view! {
        <section class="backup-section" aria-labelledby="unreadable-heading" data-testid="unreadable-section">
            <h2 id="unreadable-heading">"Data that could not be read"</h2>
            {move || copies.with(Vec::is_empty).then(|| view! {
                <p data-testid="unreadable-none">"None: everything stored could be read."</p>
            })}
            {move || (!copies.with(Vec::is_empty)).then(|| view! {
                <p>
                    "These values were stored by this app but could not be read. They are kept untouched; download each one (a technician may be able to recover it), then you may discard it so the day can be edited again."
                </p>
            })}
            <ul class="unreadable-list">
                <For
                    each=move || copies.get()
                    key=|(key, raw)| (key.clone(), raw.clone())
                    children=move |(key, raw)| {
                        let problem = planner.status.with_untracked(|s| {
                            s.problems.iter().find(|p| p.key == key).map(|p| p.text())
                        });
                        let units = raw.encode_utf16().count();
                        let key_dl = key.clone();
                        let raw_dl = raw.clone();
                        let key_ask = key.clone();
                        let key_yes = key.clone();
                        let key_shown = key.clone();
                        let key_is = key.clone();
                        let key_done = key.clone();
                        let is_offered = move || downloaded.with(|d| d.contains(&key_done));
                        let asking = move || confirming.with(|c| c.as_deref() == Some(key_is.as_str()));
                        view! {
                            <li class="unreadable-item" data-testid="unreadable-item" data-key=key.clone()>
                                <p>
                                    <code data-testid="unreadable-key">{key_shown}</code>
                                    " · " {format_number(units as f64, 0)} " characters"
                                </p>
                                {problem.map(|text| view! { <p data-testid="unreadable-problem">{text}</p> })}
                                <div class="button-row">
                                    <button
                                        type="button"
                                        data-testid="unreadable-download"
                                        on:click=move |_| offer(key_dl.clone(), raw_dl.clone())
                                    >
                                        "Download"
                                    </button>
                                    <button
                                        type="button"
                                        data-testid="unreadable-discard"
                                        prop:disabled=move || !is_offered()
                                        title="Download it first"
                                        on:click=move |_| confirming.set(Some(key_ask.clone()))
                                    >
                                        "Discard"
                                    </button>
                                </div>
                                {move || asking().then(|| {
                                    let key_yes = key_yes.clone();
                                    view! {
                                        <div class="confirm-box" role="group" aria-label="Discard for good?" data-testid="unreadable-confirm-box">
                                            <p>"Discard it for good? Only the file you downloaded will hold it."</p>
                                            <div class="button-row">
                                                <button
                                                    type="button"
                                                    data-testid="unreadable-discard-confirm"
                                                    on:click=move |_| confirm(key_yes.clone())
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
