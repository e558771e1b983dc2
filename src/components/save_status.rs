//! What storage said, as the screens show it: load problems, what is on
//! screen but not stored, and the outcome of each change ([`Saved`]), so a
//! control never says "saved" for a write the browser refused.

use std::collections::BTreeSet;

use crate::domain::diary::date::Date;
use crate::domain::diary::storage::{StorageProblem, StoreError, UpdateError};

/// What storage has to say: problems found on loading, and the last write
/// it refused.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct StorageStatus {
    /// Stored values that could not be read (kept untouched, copied aside).
    pub problems: Vec<StorageProblem>,
    /// Dates whose changes are on screen but not saved (storage full).
    pub unsaved: BTreeSet<Date>,
    /// Whether the settings (targets, favourites) on screen are not saved.
    pub settings_unsaved: bool,
    /// Whether the own foods and recipes on screen are not saved.
    pub mine_unsaved: bool,
    /// What could not be kept when this tab was last left or reloaded
    /// (from the marker in `sessionStorage`).
    pub lost: Option<String>,
    /// Why the last write was refused, for people.
    pub save_error: Option<String>,
    /// Whether the diary was moved from the pre-diary layout on this load.
    pub migrated: bool,
}

impl StorageStatus {
    /// Whether something on screen is not stored.
    pub fn has_unsaved(&self) -> bool {
        !self.unsaved.is_empty() || self.settings_unsaved || self.mine_unsaved
    }

    /// What is on screen and not stored, for people ("2 Dec 2026, the
    /// targets and settings"); `None` when everything is stored.
    pub fn unsaved_text(&self) -> Option<String> {
        let mut parts: Vec<String> = self.unsaved.iter().map(|d| d.label()).collect();
        if self.settings_unsaved {
            parts.push("the targets and settings".to_owned());
        }
        if self.mine_unsaved {
            parts.push("your foods and recipes".to_owned());
        }
        (!parts.is_empty()).then(|| parts.join(", "))
    }
}

/// An accepted change and whether the browser kept it: a view says its
/// success only from [`Saved::stored`].
#[must_use = "say whether the change was kept"]
#[derive(Debug, Clone, PartialEq)]
pub struct Saved<T> {
    /// What the change returned.
    pub value: T,
    /// `Err` when the browser refused the write: the change is on screen
    /// only.
    pub kept: Result<(), StoreError>,
}

impl<T> Saved<T> {
    /// The change's value when it was stored; else what to say next to the
    /// control ([`not_saved_text`]).
    pub fn stored(self) -> Result<T, String> {
        match self.kept {
            Ok(()) => Ok(self.value),
            Err(e) => Err(not_saved_text(&e)),
        }
    }
}

/// A change's outcome in one line for its control: the change's value
/// when it was stored; else why it was refused, or "Not saved: …".
pub fn outcome<T, E: std::fmt::Display>(
    result: Result<Saved<T>, UpdateError<E>>,
) -> Result<T, String> {
    result.map_err(|e| e.to_string()).and_then(Saved::stored)
}

/// What a control says when its change is on screen but was not stored.
pub fn not_saved_text(e: &StoreError) -> String {
    match e {
        StoreError::QuotaExceeded => {
            "Not saved: this browser's storage is full — export a backup, then free space.".to_owned()
        }
        StoreError::Unavailable => {
            "Not saved: this browser does not let the app keep anything — export a backup to keep it."
                .to_owned()
        }
        StoreError::Other(reason) => {
            format!("Not saved: the browser refused it ({reason}) — export a backup to keep it.")
        }
    }
}

/// Notes typed for a day and refused, with why.
#[derive(Debug, Clone, PartialEq)]
pub struct NotesDraft {
    /// The day they were typed for.
    pub date: Date,
    /// The text as typed.
    pub text: String,
    /// Why it was refused.
    pub error: String,
}
