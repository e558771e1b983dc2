//! Backup at `/backup`: export (JSON, CSV), import with a preview, and the
//! stored data that could not be read; plus how much of the browser's
//! storage the diary uses.
//!
//! Every rule (the backup format, the merge, what may be overwritten) is the
//! domain's (`domain::diary::backup` and `domain::diary::storage`); this page
//! reads files, shows what the domain says and saves through it. Text from a
//! file or from storage is only ever rendered as text.

use std::collections::BTreeSet;

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::catalog;
use crate::components::planner_state::Planner;
use crate::domain::diary::backup::{
    apply, csv_days, csv_items, export_json, parse_backup, preview, preview_text, Backup,
    ImportError, ImportMode, ImportOutcome, ImportPreview, MAX_BACKUP_BYTES,
};
use crate::domain::diary::date::Date;
use crate::domain::diary::storage::{
    copy_unreadable_aside, decode_day, decode_settings, discard_unreadable, quarantined, save_day,
    save_settings, KeyValueStore, SaveError, StoreError, DAY_KEY_PREFIX, QUARANTINE_PREFIX,
    SETTINGS_KEY,
};
use crate::domain::diary::Diary;
use crate::domain::format::format_number;
use crate::storage::{download, read_file, today, BrowserStore};

/// What the browser allows one site in `localStorage`, in UTF-16 code
/// units (Chromium and Firefox: about 5 million characters).
const QUOTA_UNITS: usize = 5 * 1024 * 1024;

/// Export, import, unreadable data and storage use.
#[component]
pub fn BackupPage() -> impl IntoView {
    super::set_title("Backup");
    // Export and import work on every day: finish reading them now.
    Planner::expect().read_whole_diary();
    // Bumped whenever this page writes to storage, so the lists and the
    // storage use read it again.
    let stored = RwSignal::new(0_u32);
    view! {
        <section class="backup-page">
            <h1>"Backup"</h1>
            <p class="lede">
                "Your diary lives only in this browser. Download a backup now and then, and keep it somewhere safe."
            </p>
            <Export/>
            <Import stored=stored/>
            <Unreadable stored=stored/>
            <StorageUse stored=stored/>
        </section>
    }
}

/// What can be exported.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ExportKind {
    Json,
    Foods,
    Days,
}

/// The file name and contents of an export of `diary`.
fn export_file(kind: ExportKind, diary: &Diary, date: Date) -> (String, &'static str, String) {
    match kind {
        ExportKind::Json => (
            format!("electrolyte-diary-{date}.json"),
            "application/json",
            export_json(diary),
        ),
        ExportKind::Foods => (
            format!("electrolyte-foods-{date}.csv"),
            "text/csv",
            csv_items(diary, catalog::foods()),
        ),
        ExportKind::Days => (
            format!("electrolyte-days-{date}.csv"),
            "text/csv",
            csv_days(diary, catalog::foods()),
        ),
    }
}

/// "1 day", "3 days".
fn days_text(n: usize) -> String {
    if n == 1 {
        "1 day".to_owned()
    } else {
        format!("{n} days")
    }
}

/// Download buttons: the JSON backup and the two CSV files.
#[component]
fn Export() -> impl IntoView {
    let planner = Planner::expect();
    let message = RwSignal::new(None::<String>);
    let error = RwSignal::new(None::<String>);
    let export = move |kind: ExportKind| {
        let (name, mime, contents) = planner
            .diary
            .with_untracked(|d| export_file(kind, d, today()));
        match download(&name, mime, &contents) {
            Ok(()) => {
                error.set(None);
                message.set(Some(format!("Downloaded {name}.")));
            }
            Err(e) => {
                message.set(None);
                error.set(Some(e));
            }
        }
    };
    let summary = move || {
        planner.diary.with(|d| {
            let locked = d.locked().count();
            let mut text = format!(
                "The diary holds {} with something recorded.",
                days_text(d.len())
            );
            if locked > 0 {
                text.push_str(&format!(
                    " {} could not be read and {} not in the backup: download {} below.",
                    days_text(locked),
                    if locked == 1 { "is" } else { "are" },
                    if locked == 1 { "it" } else { "them" },
                ));
            }
            text
        })
    };
    view! {
        <section class="backup-section" aria-labelledby="export-heading">
            <h2 id="export-heading">"Export"</h2>
            <p data-testid="export-summary">{summary}</p>
            <div class="button-row">
                <button type="button" data-testid="export-json" on:click=move |_| export(ExportKind::Json)>
                    "Download backup (JSON)"
                </button>
            </div>
            <p class="hint">
                "The backup holds every day, your targets and favourites; import it here, in any browser."
            </p>
            <h3>"For a dietitian"</h3>
            <div class="button-row">
                <button type="button" data-testid="export-foods-csv" on:click=move |_| export(ExportKind::Foods)>
                    "Foods (CSV)"
                </button>
                <button type="button" data-testid="export-days-csv" on:click=move |_| export(ExportKind::Days)>
                    "Days (CSV)"
                </button>
            </div>
            <p class="hint">
                "Foods: one row per item with date, meal, amount and minerals. Days: one row per day with totals against your targets."
            </p>
            <p class="field-error" role="alert" data-testid="export-error">{move || error.get()}</p>
            <p class="confirmation" role="status" data-testid="export-status">{move || message.get()}</p>
        </section>
    }
}

/// A checked backup file, waiting for the user's choice.
#[derive(Debug, Clone, PartialEq)]
struct Loaded {
    file_name: String,
    backup: Backup,
}

/// What an import did, for people.
#[derive(Debug, Clone, PartialEq, Default)]
struct Applied {
    /// What was done.
    done: Vec<String>,
    /// What could not be saved (and so was not imported).
    failed: Vec<String>,
}

/// Applies `backup` to the planner's diary and saves every changed day and
/// the settings through the domain's storage rules. A day or the settings
/// that storage refuses (unreadable there, newer version, full) is not
/// imported: the diary keeps what it had, so what is shown is what is
/// stored. `Err` when nothing was done (the automatic backup before a
/// replace could not be offered).
fn apply_backup(planner: Planner, backup: Backup, mode: ImportMode) -> Result<Applied, String> {
    let before = planner.diary.get_untracked();
    if mode == ImportMode::Replace {
        let name = format!("electrolyte-diary-before-replace-{}.json", today());
        download(&name, "application/json", &export_json(&before))
            .map_err(|e| format!("{e} Nothing was replaced."))?;
    }
    let mut diary = before.clone();
    let ImportOutcome {
        changed,
        skipped_locked,
        partly_merged,
        settings_changed,
    } = apply(&mut diary, backup, mode);
    let mut store = BrowserStore;
    let mut saved = Vec::new();
    let mut refused: Vec<(Date, SaveError)> = Vec::new();
    for date in changed {
        match save_day(&mut store, date, diary.day(date)) {
            Ok(()) => saved.push(date),
            Err(e) => {
                // Not stored, so not imported: the diary keeps its day.
                let _ = diary.set_day(date, before.day(date).clone());
                refused.push((date, e));
            }
        }
    }
    let settings_error = if settings_changed {
        save_settings(&mut store, diary.settings()).err()
    } else {
        None
    };
    if settings_error.is_some() {
        *diary.settings_mut() = before.settings().clone();
    }

    let mut applied = Applied::default();
    applied.done.push(match (mode, saved.len()) {
        (ImportMode::Merge, 0) => "Merged: no day needed a change.".to_owned(),
        (ImportMode::Merge, n) => format!("Merged: {} added or changed and saved.", days_text(n)),
        (ImportMode::Replace, n) => format!(
            "Replaced: {} added, changed or removed and saved. A backup of your diary as it was was downloaded first.",
            days_text(n)
        ),
    });
    if settings_changed && settings_error.is_none() {
        applied.done.push(match mode {
            ImportMode::Merge => "The backup's favourites were added.".to_owned(),
            ImportMode::Replace => "Targets and favourites are the backup's now.".to_owned(),
        });
    }
    if !partly_merged.is_empty() {
        applied.done.push(format!(
            "Not everything fitted on {} (the limit of items, cramps or notes): {}.",
            days_text(partly_merged.len()),
            join_dates(&partly_merged)
        ));
    }
    if !skipped_locked.is_empty() {
        applied.done.push(format!(
            "Left alone because their saved data could not be read here: {}.",
            join_dates(&skipped_locked)
        ));
    }
    for (date, e) in &refused {
        applied.failed.push(format!("{date} was not imported: {e}"));
    }
    if let Some(e) = settings_error {
        applied
            .failed
            .push(format!("Targets and favourites were not imported: {e}"));
    }

    // Refresh the planner: the diary, the targets and the open day.
    let targets_changed = planner
        .targets
        .with_untracked(|t| t != diary.settings().targets());
    if targets_changed {
        planner.targets.set(diary.settings().targets().clone());
    }
    planner.diary.set(diary);
    planner.status.update(|s| {
        for date in &saved {
            s.unsaved.remove(date);
        }
    });
    planner.open(planner.date.get_untracked());
    Ok(applied)
}

/// "2026-11-28, 2026-11-29" (the first ten, then "and N more").
fn join_dates(dates: &[Date]) -> String {
    let mut text = dates
        .iter()
        .take(10)
        .map(Date::to_string)
        .collect::<Vec<_>>()
        .join(", ");
    if dates.len() > 10 {
        text.push_str(&format!(" and {} more", dates.len() - 10));
    }
    text
}

/// Choosing a backup file, its preview, and merging or replacing.
#[component]
fn Import(stored: RwSignal<u32>) -> impl IntoView {
    let planner = Planner::expect();
    let loaded = RwSignal::new(None::<Loaded>);
    let error = RwSignal::new(None::<String>);
    let applied = RwSignal::new(None::<Applied>);
    let confirming = RwSignal::new(false);
    // Which pick is the latest: a slow read of an earlier file is dropped.
    let picks = StoredValue::new(0_u32);

    let on_file = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let Some(file) = input.files().and_then(|files| files.get(0)) else {
            return;
        };
        // The same file can be picked again (after fixing it, say).
        input.set_value("");
        loaded.set(None);
        error.set(None);
        applied.set(None);
        confirming.set(false);
        picks.update_value(|n| *n += 1);
        let pick = picks.get_value();
        let file_name = file.name();
        let size = file.size();
        if size > MAX_BACKUP_BYTES as f64 {
            let bytes = size.min(usize::MAX as f64) as usize;
            error.set(Some(ImportError::TooLarge { bytes }.to_string()));
            return;
        }
        spawn_local(async move {
            let result = read_file(file)
                .await
                .and_then(|text| parse_backup(&text).map_err(|e| e.to_string()));
            if picks.get_value() != pick {
                return;
            }
            match result {
                Ok(backup) => loaded.set(Some(Loaded { file_name, backup })),
                Err(e) => error.set(Some(e)),
            }
        });
    };

    // The preview follows the diary (another tab may change it meanwhile).
    let previewed = Memo::new(move |_| {
        loaded.with(|l| {
            l.as_ref()
                .map(|l| planner.diary.with(|d| preview(d, &l.backup)))
        })
    });

    let run = move |mode: ImportMode| {
        let Some(Loaded { backup, .. }) = loaded.get_untracked() else {
            return;
        };
        confirming.set(false);
        match apply_backup(planner, backup, mode) {
            Ok(result) => {
                error.set(None);
                loaded.set(None);
                applied.set(Some(result));
            }
            Err(e) => error.set(Some(e)),
        }
        stored.update(|n| *n += 1);
    };
    let cancel = move |_: leptos::ev::MouseEvent| {
        loaded.set(None);
        confirming.set(false);
    };

    view! {
        <section class="backup-section" aria-labelledby="import-heading">
            <h2 id="import-heading">"Import"</h2>
            <div class="field">
                <label for="import-file">"Backup file (JSON)"</label>
                <input
                    id="import-file"
                    type="file"
                    accept=".json,application/json"
                    data-testid="import-file"
                    aria-describedby="import-hint"
                    on:change=on_file
                />
            </div>
            <p id="import-hint" class="hint">
                "The whole file is checked first; nothing changes until you choose to merge or replace."
            </p>
            <p class="field-error" role="alert" data-testid="import-error">{move || error.get()}</p>
            {move || {
                let file_name = loaded.with(|l| l.as_ref().map(|l| l.file_name.clone()))?;
                let p = previewed.get()?;
                Some(view! {
                    <ImportPreviewView
                        file_name=file_name
                        preview=p
                        confirming=confirming
                        run=run
                        cancel=cancel
                    />
                })
            }}
            {move || applied.get().map(|a| view! {
                <div class="import-outcome" role="status" data-testid="import-outcome">
                    {a.done.into_iter().map(|line| view! { <p>{line}</p> }).collect_view()}
                </div>
                {(!a.failed.is_empty()).then(|| view! {
                    <div class="import-failed" role="alert" data-testid="import-save-error">
                        {a.failed.into_iter().map(|line| view! { <p>{line}</p> }).collect_view()}
                        <p>"Those parts are still in the file: free some space or fix the problem above, then import it again."</p>
                    </div>
                })}
            })}
        </section>
    }
}

/// The preview of a checked backup and the choice to merge or replace.
#[component]
fn ImportPreviewView(
    file_name: String,
    preview: ImportPreview,
    confirming: RwSignal<bool>,
    run: impl Fn(ImportMode) + Copy + Send + Sync + 'static,
    cancel: impl Fn(leptos::ev::MouseEvent) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let removed = preview.only_in_diary.len();
    let settings_differ = preview.settings_differ;
    let count = |testid: &'static str, label: &'static str, n: usize| {
        view! {
            <div>
                <dt>{label}</dt>
                <dd data-testid=testid>{n}</dd>
            </div>
        }
    };
    view! {
        <section class="import-preview" aria-labelledby="import-preview-heading" data-testid="import-preview">
            <h3 id="import-preview-heading">"What " <span data-testid="import-file-name">{file_name}</span> " holds"</h3>
            <p data-testid="import-preview-text">{preview_text(&preview)}</p>
            <dl class="import-counts">
                {count("import-new", "New days", preview.new_days.len())}
                {count("import-changed", "Changed days", preview.changed_days.len())}
                {count("import-identical", "Identical days", preview.identical_days.len())}
                {count("import-only-here", "Days only in your diary", removed)}
                {count("import-locked", "Days left alone (unreadable here)", preview.locked_days.len())}
            </dl>
            <p class="hint">
                "Merge keeps everything in your diary and adds what the backup has that it lacks. Replace makes your diary the backup"
                {(removed > 0).then(|| format!(", removing {} only in your diary", days_text(removed)))}
                {settings_differ.then_some(", targets and favourites included")}
                "."
            </p>
            <div class="button-row">
                <button type="button" data-testid="import-merge" on:click=move |_| run(ImportMode::Merge)>
                    "Merge into my diary"
                </button>
                <button
                    type="button"
                    data-testid="import-replace"
                    aria-expanded=move || confirming.get().to_string()
                    on:click=move |_| confirming.set(true)
                >
                    "Replace my diary"
                </button>
                <button type="button" data-testid="import-cancel" on:click=cancel>
                    "Cancel"
                </button>
            </div>
            {move || confirming.get().then(|| view! {
                <div class="confirm-box" role="group" aria-labelledby="replace-question" data-testid="import-replace-confirm-box">
                    <p id="replace-question">
                        "Replace your diary with this backup? A backup of your diary as it is now is downloaded first."
                    </p>
                    <div class="button-row">
                        <button type="button" data-testid="import-replace-confirm" on:click=move |_| run(ImportMode::Replace)>
                            "Download a backup, then replace"
                        </button>
                        <button type="button" data-testid="import-replace-cancel" on:click=move |_| confirming.set(false)>
                            "Keep my diary"
                        </button>
                    </div>
                </div>
            })}
        </section>
    }
}

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
fn Unreadable(stored: RwSignal<u32>) -> impl IntoView {
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

/// How much of `localStorage` is used: (this app's `ep.` keys, every key),
/// in UTF-16 code units of key and value, as browsers count the quota.
fn storage_use(store: &impl KeyValueStore) -> (usize, usize) {
    let mut ours = 0;
    let mut all = 0;
    for key in store.keys() {
        let units = key.encode_utf16().count()
            + store
                .get(&key)
                .map_or(0, |value| value.encode_utf16().count());
        all += units;
        if key.starts_with("ep.") {
            ours += units;
        }
    }
    (ours, all)
}

/// Code units as "12.3 KB" (1 unit counted as 1 byte of the quota).
fn size_text(units: usize) -> String {
    if units >= 1024 * 1024 {
        format!("{} MB", format_number(units as f64 / (1024.0 * 1024.0), 2))
    } else {
        format!("{} KB", format_number(units as f64 / 1024.0, 1))
    }
}

/// The share of the storage quota used.
#[component]
fn StorageUse(stored: RwSignal<u32>) -> impl IntoView {
    let planner = Planner::expect();
    let used = Memo::new(move |_| {
        stored.track();
        planner.diary.track();
        planner.status.track();
        storage_use(&BrowserStore)
    });
    let percent = move || used.with(|(_, all)| *all as f64 * 100.0 / QUOTA_UNITS as f64);
    view! {
        <section class="backup-section" aria-labelledby="storage-heading">
            <h2 id="storage-heading">"Storage in this browser"</h2>
            <p data-testid="storage-used">
                {move || {
                    let (ours, _) = used.get();
                    format!(
                        "The diary uses {} of the about 5 MB this browser keeps for a site ({} %).",
                        size_text(ours),
                        format_number(ours as f64 * 100.0 / QUOTA_UNITS as f64, 1)
                    )
                }}
            </p>
            {move || {
                let (ours, all) = used.get();
                (all > ours).then(|| view! {
                    <p data-testid="storage-others">
                        {format!("Other data of this site uses {}.", size_text(all - ours))}
                    </p>
                })
            }}
            <meter
                class="storage-meter"
                data-testid="storage-meter"
                aria-label="Storage used"
                min="0"
                max="100"
                low="70"
                high="90"
                optimum="0"
                value=move || format!("{:.1}", percent().min(100.0))
            ></meter>
            {move || (percent() >= 90.0).then(|| view! {
                <p class="warning" role="alert" data-testid="storage-nearly-full">
                    "Storage is nearly full: new entries may not be saved. Download a backup."
                </p>
            })}
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::diary::storage::MemoryStore;

    #[test]
    fn storage_use_counts_utf16_units_of_keys_and_values() {
        let mut store = MemoryStore::new();
        store.set("ep.schema", "1").unwrap();
        store.set("other", "ü😀").unwrap();
        assert_eq!(storage_use(&store), (10, 10 + 5 + 3));
    }

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
        let date = Date::parse("2026-11-29").unwrap();
        let (name, mime, _) = export_file(ExportKind::Json, &Diary::default(), date);
        assert_eq!(name, "electrolyte-diary-2026-11-29.json");
        assert_eq!(mime, "application/json");
    }

    #[test]
    fn sizes_and_dates_read_well() {
        assert_eq!(size_text(512), "0.5 KB");
        assert_eq!(size_text(3 * 1024 * 1024), "3 MB");
        assert_eq!(days_text(1), "1 day");
        let dates: Vec<Date> = (1..=12).map(|d| Date::new(2026, 11, d).unwrap()).collect();
        assert!(join_dates(&dates).ends_with("2026-11-10 and 2 more"));
    }
}
