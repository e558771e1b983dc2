//! The Export section: the JSON backup and the CSV files for a dietitian.

use leptos::prelude::*;

use super::days_text;
use crate::catalog;
use crate::components::planner_state::Planner;
use crate::domain::diary::backup::{csv_days, csv_items, export_everything};
use crate::domain::diary::date::Date;
use crate::domain::diary::storage::unreadable_pairs;
use crate::domain::diary::Diary;
use crate::domain::units::format::count;
use crate::storage::{download, today, BrowserStore};

/// What can be exported.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ExportKind {
    Json,
    Foods,
    Days,
}

/// The file name and contents of an export of `diary`.
/// The file of `kind` for `diary` on `date`; the JSON backup also holds
/// the `unreadable` values verbatim.
fn export_file(
    kind: ExportKind,
    diary: &Diary,
    unreadable: &[(String, String)],
    date: Date,
) -> (String, &'static str, String) {
    match kind {
        ExportKind::Json => (
            format!("electrolyte-diary-{date}.json"),
            "application/json",
            export_everything(diary, unreadable),
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

/// Download buttons: the JSON backup and the two CSV files.
#[component]
pub(super) fn Export() -> impl IntoView {
    let planner = Planner::expect();
    let message = RwSignal::new(None::<String>);
    let error = RwSignal::new(None::<String>);
    let export = move |kind: ExportKind| {
        let (name, mime, contents) = planner.diary.with_untracked(|d| {
            let unreadable = match kind {
                ExportKind::Json => unreadable_pairs(&BrowserStore),
                _ => Vec::new(),
            };
            export_file(kind, d, &unreadable, today())
        });
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
            let unreadable = unreadable_pairs(&BrowserStore).len();
            if locked > 0 || unreadable > 0 {
                text.push_str(&format!(
                    " {} could not be read: the backup holds {} as stored, apart from the days, and each can be downloaded below.",
                    count(unreadable.max(locked), "stored value", "stored values"),
                    if unreadable.max(locked) == 1 { "it" } else { "them" },
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn export_file_names_hold_the_date() {
        let date = Date::parse("2026-11-29").unwrap();
        let unreadable = [("ep.v1.day.2026-11-28".to_owned(), "{broken".to_owned())];
        let (name, mime, json) =
            export_file(ExportKind::Json, &Diary::default(), &unreadable, date);
        assert_eq!(name, "electrolyte-diary-2026-11-29.json");
        assert_eq!(mime, "application/json");
        assert!(json.contains("{broken"), "{json}");
    }
}
