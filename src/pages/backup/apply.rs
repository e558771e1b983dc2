//! Applying a checked backup: merge or replace, save what changed through
//! the domain's storage rules, and say what was done.

use leptos::prelude::*;

use super::days_text;
use crate::components::planner_state::Planner;
use crate::domain::diary::backup::{apply, export_json, Backup, ImportMode, ImportOutcome};
use crate::domain::diary::date::Date;
use crate::domain::diary::storage::{save_day, save_settings, SaveError};
use crate::storage::{download, today, BrowserStore};

/// What an import did, for people.
#[derive(Debug, Clone, PartialEq, Default)]
pub(super) struct Applied {
    /// What was done.
    pub(super) done: Vec<String>,
    /// What could not be saved (and so was not imported).
    pub(super) failed: Vec<String>,
}

/// Applies `backup` to the planner's diary and saves every changed day and
/// the settings through the domain's storage rules. A day or the settings
/// that storage refuses (unreadable there, newer version, full) is not
/// imported: the diary keeps what it had, so what is shown is what is
/// stored. `Err` when nothing was done (the automatic backup before a
/// replace could not be offered).
pub(super) fn apply_backup(
    planner: Planner,
    backup: Backup,
    mode: ImportMode,
) -> Result<Applied, String> {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_joined_up_to_ten() {
        let dates: Vec<Date> = (1..=12).map(|d| Date::new(2026, 11, d).unwrap()).collect();
        assert!(join_dates(&dates).ends_with("2026-11-10 and 2 more"));
        assert_eq!(join_dates(&dates[..2]), "2026-11-01, 2026-11-02");
    }
}
