//! Applying a checked backup: merge or replace, store what changed all or
//! nothing through the domain's storage rules, and say what was done.

use leptos::prelude::*;

use super::days_text;
use super::storage_use::{free_units, size_text};
use crate::components::planner_state::Planner;
use crate::domain::diary::backup::{
    export_everything, plan_import, Backup, ImportMode, ImportOutcome, PlannedImport,
};
use crate::domain::diary::date::Date;
use crate::domain::diary::storage::{unreadable_pairs, write_batch};
use crate::storage::{download, today, BrowserStore};

/// What an import did, for people.
#[derive(Debug, Clone, PartialEq, Default)]
pub(super) struct Applied {
    /// What was done.
    pub(super) done: Vec<String>,
    /// Why nothing was imported, in one line.
    pub(super) failed: Option<String>,
}

/// Applies `backup` to the planner's diary and stores it all or nothing
/// through the domain's storage rules: refused before writing when it does
/// not fit in the free space, and a write the browser refuses anyway puts
/// back what was written, so the diary stays as stored. `Err` when nothing
/// was done (the automatic backup before a replace could not be offered,
/// or a value to replace cannot be read).
pub(super) fn apply_backup(
    planner: Planner,
    backup: Backup,
    mode: ImportMode,
) -> Result<Applied, String> {
    let before = planner.diary.get_untracked();
    let mut store = BrowserStore;
    let plan = plan_import(&store, &before, &backup, mode)
        .map_err(|e| format!("Nothing was imported: {e}"))?;
    let growth = plan.batch.growth();
    let free = free_units(&store);
    if growth > free as i64 {
        return Ok(Applied {
            done: Vec::new(),
            failed: Some(format!(
                "Nothing was imported: it needs about {} and this browser has about {} free. Export a backup, free some space (remove old days or other data of this site), then import it again.",
                size_text(growth as usize),
                size_text(free)
            )),
        });
    }
    if mode == ImportMode::Replace {
        let name = format!("electrolyte-diary-before-replace-{}.json", today());
        let everything = export_everything(&before, &unreadable_pairs(&store));
        download(&name, "application/json", &everything)
            .map_err(|e| format!("{e} Nothing was replaced."))?;
    }
    if let Err(e) = write_batch(&mut store, &plan.batch) {
        return Ok(Applied {
            done: Vec::new(),
            failed: Some(format!(
                "Nothing was imported (your diary is as it was): {e}"
            )),
        });
    }
    let PlannedImport {
        diary,
        outcome:
            ImportOutcome {
                changed,
                skipped_locked,
                partly_merged,
                settings_changed,
                mine_changed,
            },
        ..
    } = plan;

    let mut applied = Applied::default();
    applied.done.push(match (mode, changed.len()) {
        (ImportMode::Merge, 0) if !partly_merged.is_empty() => {
            "Merged: nothing could be added.".to_owned()
        }
        (ImportMode::Merge, 0) => "Merged: no day needed a change.".to_owned(),
        (ImportMode::Merge, n) => format!("Merged: {} added or changed and saved.", days_text(n)),
        (ImportMode::Replace, n) => format!(
            "Replaced: {} added, changed or removed and saved. A backup of your diary as it was was downloaded first.",
            days_text(n)
        ),
    });
    if settings_changed {
        applied.done.push(match mode {
            ImportMode::Merge => "The backup's favourites were added.".to_owned(),
            ImportMode::Replace => "Targets and favourites are the backup's now.".to_owned(),
        });
    }
    if mine_changed {
        applied
            .done
            .push("The backup's own foods and recipes were added.".to_owned());
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

    // Refresh the planner: the diary, the targets and the open day.
    let targets_changed = planner
        .targets
        .with_untracked(|t| t != diary.settings().targets());
    if targets_changed {
        planner.targets.set(diary.settings().targets().clone());
    }
    planner.diary.set(diary);
    planner.status.update(|s| {
        for date in &changed {
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
