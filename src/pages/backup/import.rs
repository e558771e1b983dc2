//! The Import section: choosing a backup file, its preview, and the choice
//! to merge or replace (done by `apply`).

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::apply::{apply_backup, Applied};
use super::days_text;
use super::storage_use::{free_units, size_text};
use crate::catalog;
use crate::components::planner_state::Planner;
use crate::domain::diary::backup::{
    parse_backup, plan_import, preview, preview_text, Backup, ImportError, ImportMode,
    ImportPreview, MAX_BACKUP_BYTES,
};
use crate::storage::{read_file, BrowserStore};

/// A refusal for people and its technical detail (shown behind "Details").
#[derive(Debug, Clone, PartialEq, Default)]
pub(super) struct Refusal {
    pub(super) message: String,
    pub(super) detail: String,
}

impl From<ImportError> for Refusal {
    fn from(e: ImportError) -> Refusal {
        Refusal {
            message: e.to_string(),
            detail: e.detail(),
        }
    }
}

impl From<String> for Refusal {
    fn from(message: String) -> Refusal {
        Refusal {
            message,
            detail: String::new(),
        }
    }
}

/// Whether and how an import fits in the free space, for each mode.
#[derive(Debug, Clone, PartialEq)]
struct Fit {
    /// What merging / replacing adds to storage (UTF-16 code units), or
    /// why it cannot be stored.
    merge: Result<i64, String>,
    replace: Result<i64, String>,
    /// The estimated free space.
    free: usize,
}

impl Fit {
    fn fits(&self, mode: ImportMode) -> bool {
        let growth = match mode {
            ImportMode::Merge => &self.merge,
            ImportMode::Replace => &self.replace,
        };
        growth.as_ref().is_ok_and(|&g| g <= self.free as i64)
    }

    /// "This backup needs about 1.2 MB (merge) or 0.9 MB (replace); this
    /// browser has about 3.1 MB free."
    fn text(&self) -> String {
        let (merge, replace) = match (&self.merge, &self.replace) {
            (Ok(m), Ok(r)) => (*m, *r),
            (Err(e), _) | (_, Err(e)) => return format!("This backup cannot be stored here: {e}"),
        };
        let need = |g: i64| size_text(g.max(0) as usize);
        let mut text = if merge == replace {
            format!("This backup needs about {}", need(merge))
        } else {
            format!(
                "This backup needs about {} to merge or {} to replace",
                need(merge),
                need(replace)
            )
        };
        text.push_str(&format!(
            "; this browser has about {} free.",
            size_text(self.free)
        ));
        match (self.fits(ImportMode::Merge), self.fits(ImportMode::Replace)) {
            (true, true) => {}
            (false, false) => text.push_str(" It does not fit: nothing will be imported until you free some space (export a backup, then remove old days or other data of this site)."),
            (false, true) => text.push_str(" A merge does not fit; a replace does."),
            (true, false) => text.push_str(" A replace does not fit; a merge does."),
        }
        text
    }
}

/// A checked backup file, waiting for the user's choice.
#[derive(Debug, Clone, PartialEq)]
struct Loaded {
    file_name: String,
    backup: Backup,
}

/// Choosing a backup file, its preview, and merging or replacing.
#[component]
pub(super) fn Import(stored: RwSignal<u32>) -> impl IntoView {
    let planner = Planner::expect();
    let loaded = RwSignal::new(None::<Loaded>);
    let error = RwSignal::new(None::<Refusal>);
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
            error.set(Some(ImportError::TooLarge { bytes }.into()));
            return;
        }
        spawn_local(async move {
            let result = match read_file(file).await {
                Ok(text) => parse_backup(&text, catalog::foods()).map_err(Refusal::from),
                Err(e) => Err(Refusal::from(e)),
            };
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

    // What each mode would write, against the free space.
    let fit = Memo::new(move |_| {
        stored.track();
        loaded.with(|l| {
            let l = l.as_ref()?;
            planner.diary.with(|d| {
                let store = BrowserStore;
                let growth = |mode| {
                    plan_import(&store, d, &l.backup, mode)
                        .map(|p| p.batch.growth())
                        .map_err(|e| e.to_string())
                };
                Some(Fit {
                    merge: growth(ImportMode::Merge),
                    replace: growth(ImportMode::Replace),
                    free: free_units(&store),
                })
            })
        })
    });

    let run = move |mode: ImportMode| {
        let Some(Loaded { backup, .. }) = loaded.get_untracked() else {
            return;
        };
        confirming.set(false);
        // Holding the write lock: another tab's edits wait for it.
        planner.locked(move || {
            match apply_backup(planner, backup, mode) {
                Ok(result) => {
                    error.set(None);
                    loaded.set(None);
                    applied.set(Some(result));
                }
                Err(e) => error.set(Some(e.into())),
            }
            stored.update(|n| *n += 1);
        });
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
            <p class="field-error" role="alert" data-testid="import-error">
                {move || error.with(|e| e.as_ref().map(|e| e.message.clone()))}
            </p>
            {move || error.with(|e| {
                let detail = e.as_ref().map(|e| e.detail.clone()).filter(|d| !d.is_empty())?;
                Some(view! {
                    <details class="import-error-details" data-testid="import-error-details">
                        <summary>"Details"</summary>
                        <pre>{detail}</pre>
                    </details>
                })
            })}
            {move || {
                let file_name = loaded.with(|l| l.as_ref().map(|l| l.file_name.clone()))?;
                let p = previewed.get()?;
                let fit = fit.get()?;
                Some(view! {
                    <ImportPreviewView
                        file_name=file_name
                        preview=p
                        fit=fit
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
                {a.failed.map(|line| view! {
                    <p class="import-failed" role="alert" data-testid="import-save-error">{line}</p>
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
    fit: Fit,
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
            <p data-testid="import-fit" class=if fit.fits(ImportMode::Merge) && fit.fits(ImportMode::Replace) { "hint" } else { "warning" }>
                {fit.text()}
            </p>
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
                <button
                    type="button"
                    data-testid="import-merge"
                    prop:disabled=!fit.fits(ImportMode::Merge)
                    on:click=move |_| run(ImportMode::Merge)
                >
                    "Merge into my diary"
                </button>
                <button
                    type="button"
                    data-testid="import-replace"
                    prop:disabled=!fit.fits(ImportMode::Replace)
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
