//! Export and import: a lossless, versioned JSON backup of the whole
//! diary, checked in full before anything changes, with a preview and two
//! ways to apply it; and CSV files for a dietitian.
//!
//! The backup is
//! `{"format":"electrolyte-planner-backup","version":2,"settings":{..},"mine":{..},"days":{"2026-11-29":{..},..}}`
//! with settings, own foods and days in their stored forms (see
//! [`super::storage`]). Version 2 added `"mine"` (left out when there are
//! none) and the plan item kind `"mine"`; version 1 backups are read as
//! they are.
//!
//! # Merge rules ([`ImportMode::Merge`])
//! - A day only in the backup is added.
//! - A day in both keeps everything it has; the backup's items and cramp
//!   episodes that it does not already have (compared by content, counting
//!   repeats) are appended, items with fresh ids. Its activity is kept
//!   unless it has none, then the backup's is taken. Different notes are
//!   joined with a blank line unless they would pass the notes limit, then
//!   the day's own are kept. A day that would pass the item or cramp limit
//!   gets what fits.
//! - The targets in use are kept; the backup's favourites are added.
//! - Own foods and recipes: one with the same content as one here is that
//!   one; any other is added with a new id, even with the same name (kept
//!   as a second). The backup's days then point to the ids here
//!   ([`crate::foods::mine::MyFoods::merge`]).
//! - Merging the same backup twice changes nothing the second time.
//!
//! [`ImportMode::Replace`] makes the diary the backup (settings too).
//! Either way locked dates (unreadable in storage) are left alone. Make a
//! backup of the diary with [`export_json`] before replacing.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use serde::de::{MapAccess, Visitor};
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;
use serde_json::Value;

use super::date::Date;
use super::day::{CrampEpisode, DayEntry, MAX_CRAMPS, MAX_NOTES_CHARS};
use super::settings::Settings;
use super::storage::{prepare_batch, Batch, KeyValueStore, SaveError};
use super::Diary;
use crate::foods::food_table::FoodTable;
use crate::foods::mine::MyFoods;
use crate::foods::nutrient::Nutrient;
use crate::planning::plan::{DayPlan, Entry, Meal};
use crate::planning::totals::{item_amount, ItemAmount, WaterCounting};
use crate::targets::daily_targets::TARGET_NUTRIENTS;
use crate::units::format::{count, format_number};

/// The `format` of a backup file.
pub const BACKUP_FORMAT: &str = "electrolyte-planner-backup";

/// The backup version written and read here.
pub const BACKUP_VERSION: u64 = 2;

/// The oldest backup version still read.
const FIRST_BACKUP_VERSION: u64 = 1;

/// The largest backup file accepted, in bytes (20 MB).
pub const MAX_BACKUP_BYTES: usize = 20_000_000;

/// A checked backup, ready to preview and apply.
#[derive(Debug, Clone, PartialEq)]
pub struct Backup {
    /// The settings in the backup.
    pub settings: Settings,
    /// The own foods and recipes (none in a version 1 backup).
    pub mine: MyFoods,
    /// The days with something recorded.
    pub days: BTreeMap<Date, DayEntry>,
    /// Stored values the app could not read when the backup was made, by
    /// key, byte for byte. Kept with the backup, never applied as data.
    pub unreadable: BTreeMap<String, String>,
}

#[derive(Serialize)]
struct BackupFile<'a> {
    format: &'static str,
    version: u64,
    settings: &'a Settings,
    #[serde(skip_serializing_if = "MyFoods::is_empty")]
    mine: &'a MyFoods,
    days: &'a BTreeMap<Date, DayEntry>,
    #[serde(skip_serializing_if = "<[(String, String)]>::is_empty")]
    #[serde(serialize_with = "serialize_pairs")]
    unreadable: &'a [(String, String)],
}

fn serialize_pairs<S: serde::Serializer>(
    pairs: &&[(String, String)],
    serializer: S,
) -> Result<S::Ok, S::Error> {
    serializer.collect_map(pairs.iter().map(|(k, v)| (k, v)))
}

/// The whole diary as a backup file (compact JSON). Locked days are not
/// in it: see [`export_everything`] for a backup that also holds them.
pub fn export_json(diary: &Diary) -> String {
    export_everything(diary, &[])
}

/// The whole diary as a backup file (compact JSON) with, in a section of
/// their own (`"unreadable":{key: raw value}`), the stored values it
/// could not read (see [`super::storage::unreadable_values`]), so that the
/// backup holds everything stored. The section is left out when empty.
pub fn export_everything(diary: &Diary, unreadable: &[(String, String)]) -> String {
    serde_json::to_string(&BackupFile {
        format: BACKUP_FORMAT,
        version: BACKUP_VERSION,
        settings: &diary.settings,
        mine: &diary.mine,
        days: &diary.days,
        unreadable,
    })
    .expect("diary values serialise to JSON")
}

/// Why a backup file was refused; nothing was changed. Every message
/// (`Display`) is in plain words and can be shown as is; the parser's own
/// wording, for the technically minded, is in [`ImportError::detail`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportError {
    /// The file is larger than [`MAX_BACKUP_BYTES`].
    TooLarge {
        /// Its size in bytes.
        bytes: usize,
    },
    /// The file is not JSON.
    NotJson {
        /// The parser's explanation.
        detail: String,
    },
    /// The file is JSON but not a backup of this app.
    NotABackup,
    /// The backup's version is not a whole number.
    BadVersion {
        /// The version as written.
        written: String,
    },
    /// The backup was made by a newer version.
    FutureVersion(u64),
    /// A section of the file (such as `"days"`) is there twice.
    RepeatedSection {
        /// The section's name.
        name: String,
        /// The line of its second appearance.
        line: usize,
    },
    /// A date is listed twice.
    RepeatedDate {
        /// The date as written.
        key: String,
        /// The line of its second appearance.
        line: usize,
    },
    /// The settings are not valid.
    Settings {
        /// Why, in plain words.
        reason: String,
        /// The parser's explanation.
        detail: String,
    },
    /// The days are missing or not a list by date.
    NoDays,
    /// A day is not valid: its key as written, where, and the reason.
    Day {
        /// The day's key as written in the file.
        key: String,
        /// The line it starts on.
        line: usize,
        /// Why it was refused, in plain words.
        reason: String,
        /// The parser's explanation.
        detail: String,
    },
    /// The own foods and recipes are not valid.
    Mine {
        /// The parser's explanation.
        detail: String,
    },
    /// The section of unreadable values is not a list of texts by key.
    Unreadable {
        /// The parser's explanation.
        detail: String,
    },
}

impl ImportError {
    /// The technical detail behind the message (the parser's wording and
    /// position), to show behind "Details"; empty when there is none.
    pub fn detail(&self) -> String {
        match self {
            ImportError::NotJson { detail }
            | ImportError::Settings { detail, .. }
            | ImportError::Day { detail, .. }
            | ImportError::Mine { detail }
            | ImportError::Unreadable { detail } => detail.clone(),
            ImportError::BadVersion { written } => format!("\"version\": {written}"),
            ImportError::TooLarge { bytes } => format!("{bytes} bytes"),
            _ => String::new(),
        }
    }
}

/// "not a date" → "Not a date.".
fn sentence(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => format!("{}{}.", first.to_uppercase(), chars.as_str()),
        None => String::new(),
    }
}

/// Text from the file, short and printable.
fn shown(text: &str) -> String {
    text.chars().filter(|c| !c.is_control()).take(40).collect()
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImportError::TooLarge { bytes } => write!(
                f,
                "This file is {} bytes; a backup can be at most {} bytes ({} MB).",
                format_number(*bytes as f64, 0),
                format_number(MAX_BACKUP_BYTES as f64, 0),
                format_number(MAX_BACKUP_BYTES as f64 / 1e6, 0)
            ),
            ImportError::NotJson { .. } => write!(
                f,
                "This file is not an Electrolyte Planner backup: it is not readable JSON (it may be damaged or cut short)."
            ),
            ImportError::NotABackup => {
                write!(f, "This file is not an Electrolyte Planner backup.")
            }
            ImportError::BadVersion { .. } => write!(
                f,
                "This backup's version is not a number this app writes, so it was not imported."
            ),
            ImportError::FutureVersion(v) => write!(
                f,
                "This backup was made by a newer version of the app (backup version {v}). Update the app to import it."
            ),
            ImportError::Mine { .. } => write!(
                f,
                "This backup's own foods and recipes are not valid, so nothing was imported."
            ),
            ImportError::RepeatedSection { name, line } => write!(
                f,
                "This backup has \"{}\" twice (line {line}), so it is not clear which to import.",
                shown(name)
            ),
            ImportError::RepeatedDate { key, line } => write!(
                f,
                "This backup lists {} twice (line {line}), so it is not clear which to import.",
                shown(key)
            ),
            ImportError::Settings { reason, .. } => {
                write!(f, "The targets and favourites in this backup {reason}")
            }
            ImportError::NoDays => write!(f, "The backup has no list of days."),
            ImportError::Day {
                key, line, reason, ..
            } => write!(f, "Day {} (line {line}): {reason}", shown(key)),
            ImportError::Unreadable { .. } => write!(
                f,
                "The backup's section of unreadable data is damaged, so it was not imported."
            ),
        }
    }
}

impl std::error::Error for ImportError {}

/// A JSON object's entries in file order, repeats included, each value
/// left as written (so its position in the file is known).
struct Entries<'a>(Vec<(String, &'a RawValue)>);

impl<'de: 'a, 'a> Deserialize<'de> for Entries<'a> {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visit<'a>(std::marker::PhantomData<&'a ()>);
        impl<'de: 'a, 'a> Visitor<'de> for Visit<'a> {
            type Value = Entries<'a>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "a JSON object")
            }
            fn visit_map<M: MapAccess<'de>>(self, mut map: M) -> Result<Entries<'a>, M::Error> {
                let mut entries = Vec::new();
                while let Some(key) = map.next_key::<String>()? {
                    entries.push((key, map.next_value::<&'de RawValue>()?));
                }
                Ok(Entries(entries))
            }
        }
        deserializer.deserialize_map(Visit(std::marker::PhantomData))
    }
}

/// Where `part` (a slice of `text`) starts: its 1-based line.
fn line_of(text: &str, part: &str) -> usize {
    let offset = (part.as_ptr() as usize)
        .saturating_sub(text.as_ptr() as usize)
        .min(text.len());
    text.as_bytes()[..offset]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

/// A parser error in plain words (the domain's own sentences are; serde's
/// wording is not) and its technical detail, with the line counted from
/// the start of the file (`first_line` is where the parsed part starts).
fn explain(e: &serde_json::Error, first_line: usize, what: &str) -> (String, String) {
    let line = first_line + e.line().saturating_sub(1);
    let full = e.to_string();
    let message = full
        .strip_suffix(&format!(" at line {} column {}", e.line(), e.column()))
        .unwrap_or(&full);
    let detail = format!("{message} (line {line}, column {})", e.column());
    let plain = message.chars().next().is_some_and(char::is_uppercase) && message.ends_with('.');
    let reason = if plain {
        message.to_owned()
    } else {
        format!("{what} not written the way this app writes backups.")
    };
    (reason, detail)
}

/// The version as written, if it is a whole number (`1` and `1.0` are
/// the same JSON number, so both are version 1).
fn version_number(raw: &RawValue) -> Option<u64> {
    match serde_json::from_str::<Value>(raw.get()).ok()? {
        Value::Number(n) => n.as_u64().or_else(|| {
            let v = n.as_f64()?;
            (v >= 0.0 && v.fract() == 0.0 && v <= 1e15).then_some(v as u64)
        }),
        _ => None,
    }
}

/// Reads and checks a backup file, all of it, against the rules the forms
/// follow (amount limits per item and per portion of `table`'s foods,
/// targets, dates, text lengths): any problem refuses the whole file,
/// naming where it is.
pub fn parse_backup(text: &str, table: &FoodTable) -> Result<Backup, ImportError> {
    if text.len() > MAX_BACKUP_BYTES {
        return Err(ImportError::TooLarge { bytes: text.len() });
    }
    let entries = match serde_json::from_str::<Entries>(text) {
        Ok(Entries(entries)) => entries,
        Err(e) if e.is_data() => return Err(ImportError::NotABackup),
        Err(e) => {
            return Err(ImportError::NotJson {
                detail: e.to_string(),
            })
        }
    };
    let is_ours = entries.iter().any(|(k, v)| {
        k == "format" && serde_json::from_str::<&str>(v.get()).ok() == Some(BACKUP_FORMAT)
    });
    if !is_ours {
        return Err(ImportError::NotABackup);
    }
    let mut sections: BTreeMap<&str, &RawValue> = BTreeMap::new();
    for (key, value) in &entries {
        if sections.insert(key, value).is_some() {
            return Err(ImportError::RepeatedSection {
                name: key.clone(),
                line: line_of(text, value.get()),
            });
        }
    }
    match sections.get("version").map(|v| (v, version_number(v))) {
        Some((_, Some(FIRST_BACKUP_VERSION..=BACKUP_VERSION))) => {}
        Some((_, Some(v))) if v > BACKUP_VERSION => return Err(ImportError::FutureVersion(v)),
        Some((raw, _)) => {
            return Err(ImportError::BadVersion {
                written: shown(raw.get()),
            })
        }
        None => return Err(ImportError::NotABackup),
    }
    let settings = match sections.get("settings") {
        None => {
            return Err(ImportError::Settings {
                reason: "are missing.".to_owned(),
                detail: "no \"settings\"".to_owned(),
            })
        }
        Some(raw) => serde_json::from_str::<Settings>(raw.get()).map_err(|e| {
            let (reason, detail) = explain(&e, line_of(text, raw.get()), "They are");
            ImportError::Settings {
                reason: format!("are not valid: {reason}"),
                detail,
            }
        })?,
    };
    let mine = match sections.get("mine") {
        None => MyFoods::default(),
        Some(raw) => serde_json::from_str::<MyFoods>(raw.get()).map_err(|e| ImportError::Mine {
            detail: e.to_string(),
        })?,
    };
    let raw_days = match sections.get("days") {
        Some(raw) => match serde_json::from_str::<Entries>(raw.get()) {
            Ok(Entries(days)) => days,
            Err(_) => return Err(ImportError::NoDays),
        },
        None => return Err(ImportError::NoDays),
    };
    let mut days = BTreeMap::new();
    let mut seen = BTreeSet::new();
    for (key, raw) in raw_days {
        let line = line_of(text, raw.get());
        let refuse = |reason: String, detail: String| ImportError::Day {
            key: key.clone(),
            line,
            reason,
            detail,
        };
        let date =
            Date::parse(&key).map_err(|e| refuse(sentence(&e.to_string()), e.to_string()))?;
        if !seen.insert(date) {
            return Err(ImportError::RepeatedDate { key, line });
        }
        let day = serde_json::from_str::<DayEntry>(raw.get()).map_err(|e| {
            let (reason, detail) = explain(&e, line, "It is");
            refuse(reason, detail)
        })?;
        check_foods(&day, table).map_err(|reason| refuse(reason, String::new()))?;
        if !day.is_empty() {
            days.insert(date, day);
        }
    }
    let unreadable = match sections.get("unreadable") {
        None => BTreeMap::new(),
        Some(raw) => {
            let pairs: Vec<(String, String)> = serde_json::from_str::<Entries>(raw.get())
                .and_then(|Entries(pairs)| {
                    pairs
                        .into_iter()
                        .map(|(k, v)| Ok((k, serde_json::from_str::<String>(v.get())?)))
                        .collect()
                })
                .map_err(|e| ImportError::Unreadable {
                    detail: e.to_string(),
                })?;
            pairs.into_iter().collect()
        }
    };
    Ok(Backup {
        settings,
        mine,
        days,
        unreadable,
    })
}

/// Each food of `day` checked as the form checks it when it is added (the
/// food is in `table`, the portion is one of its, at most
/// [`crate::units::amount::MAX_GRAMS`] in all): the form's own check, not a copy.
fn check_foods(day: &DayEntry, table: &FoodTable) -> Result<(), String> {
    for (meal, item) in day.plan().iter() {
        if let Entry::Food(food) = &item.entry {
            DayPlan::new()
                .add_food(meal, food.ndb, food.amount, food.unit, table)
                .map_err(|e| match table.get(food.ndb) {
                    Some(f) => format!("{}: {e}", f.description),
                    None => e.to_string(),
                })?;
        }
    }
    Ok(())
}

/// What importing a backup would do, to show before doing it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ImportPreview {
    /// Days only in the backup.
    pub new_days: Vec<Date>,
    /// Days in both whose records differ (a replace takes the backup's).
    pub changed_days: Vec<Date>,
    /// Of [`ImportPreview::changed_days`], those a merge leaves as they are
    /// (the day already has everything, or has no room for more), so the
    /// preview and the merge's outcome agree.
    pub merge_leaves: Vec<Date>,
    /// Days in both that are the same.
    pub identical_days: Vec<Date>,
    /// Days only in the diary (a replace removes them).
    pub only_in_diary: Vec<Date>,
    /// Days in the backup that are locked here and will be left alone.
    pub locked_days: Vec<Date>,
    /// Whether the backup's settings differ from the diary's.
    pub settings_differ: bool,
    /// How many unreadable values the backup holds (never imported).
    pub unreadable: usize,
}

/// Whether two days hold the same things: items (ids and the next id are
/// the app's bookkeeping, not what was recorded), cramps, activity, notes.
fn same_content(a: &DayEntry, b: &DayEntry) -> bool {
    Meal::ALL.into_iter().all(|meal| {
        let (x, y) = (a.plan().items(meal), b.plan().items(meal));
        x.len() == y.len() && x.iter().zip(y).all(|(i, j)| i.entry == j.entry)
    }) && a.cramps() == b.cramps()
        && a.activity() == b.activity()
        && a.notes() == b.notes()
}

/// Compares `backup` with `diary`.
pub fn preview(diary: &Diary, backup: &Backup) -> ImportPreview {
    let mut p = ImportPreview {
        settings_differ: backup.settings != diary.settings,
        unreadable: backup.unreadable.len(),
        ..ImportPreview::default()
    };
    for (&date, day) in &backup.days {
        if diary.is_locked(date) {
            p.locked_days.push(date);
            continue;
        }
        match diary.days.get(&date) {
            None => p.new_days.push(date),
            Some(ours) if same_content(ours, day) => p.identical_days.push(date),
            Some(ours) => {
                p.changed_days.push(date);
                if same_content(&merge_day(ours, day).0, ours) {
                    p.merge_leaves.push(date);
                }
            }
        }
    }
    p.only_in_diary = diary
        .days
        .keys()
        .filter(|d| !backup.days.contains_key(d))
        .copied()
        .collect();
    p
}

/// How a backup is applied.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ImportMode {
    /// Add what the diary lacks (see the module documentation).
    Merge,
    /// Make the diary the backup.
    Replace,
}

/// What [`apply`] changed.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ImportOutcome {
    /// Dates whose day changed (or was removed): save each with
    /// [`super::storage::save_day`].
    pub changed: Vec<Date>,
    /// Days of the backup left alone because they are locked here.
    pub skipped_locked: Vec<Date>,
    /// Days where not all of the backup fitted (item, cramp or notes limit).
    pub partly_merged: Vec<Date>,
    /// Whether the settings changed (save them with
    /// [`super::storage::save_settings`]).
    pub settings_changed: bool,
    /// Whether the own foods and recipes changed (save them with
    /// [`super::storage::save_mine`]).
    pub mine_changed: bool,
}

/// Applies `backup` to `diary`.
pub fn apply(diary: &mut Diary, backup: Backup, mode: ImportMode) -> ImportOutcome {
    let mut outcome = ImportOutcome::default();
    let old_settings = diary.settings.clone();
    let old_mine = diary.mine.clone();
    let mut backup = backup;
    match mode {
        ImportMode::Replace => {
            diary.settings = backup.settings;
            diary.mine = backup.mine.clone();
            for date in diary.days.keys().copied().collect::<Vec<_>>() {
                if !backup.days.contains_key(&date) {
                    diary.days.remove(&date);
                    outcome.changed.push(date);
                }
            }
        }
        ImportMode::Merge => {
            // A merge that would pass the limit keeps the diary's own foods;
            // the backup's days keep their snapshots either way.
            if let Ok(ids) = diary.mine.merge(&backup.mine) {
                for day in backup.days.values_mut() {
                    day.plan_mut()
                        .map_mine_sources(|id| ids.get(&id).copied().unwrap_or(id));
                }
            }
            for &ndb in backup.settings.favourites() {
                if !diary.settings.is_favourite(ndb) {
                    // A full list keeps the diary's own favourites.
                    let _ = diary.settings.toggle_favourite(ndb);
                }
            }
        }
    }
    for (date, theirs) in backup.days {
        if diary.is_locked(date) {
            outcome.skipped_locked.push(date);
            continue;
        }
        let new = match (mode, diary.days.get(&date)) {
            (ImportMode::Merge, Some(ours)) => {
                let (merged, complete) = merge_day(ours, &theirs);
                if !complete {
                    outcome.partly_merged.push(date);
                }
                merged
            }
            _ => theirs,
        };
        if !same_content(diary.day(date), &new) {
            diary.put(date, new);
            outcome.changed.push(date);
        }
    }
    outcome.changed.sort();
    outcome.settings_changed = diary.settings != old_settings;
    outcome.mine_changed = diary.mine != old_mine;
    outcome
}

/// An import worked out but not written: the diary after it, what it
/// changes, and the writes that store it (all or nothing, see
/// [`super::storage::write_batch`]).
#[derive(Debug, Clone, PartialEq)]
pub struct PlannedImport {
    /// The diary once the import is applied.
    pub diary: Diary,
    /// What it changes.
    pub outcome: ImportOutcome,
    /// The writes that store it, with their size.
    pub batch: Batch,
}

/// Works out importing `backup` into `diary` (as stored in `store`) with
/// `mode`, without writing: for the preview (does it fit?) and then to
/// write with [`super::storage::write_batch`]. Refused when a value to
/// replace cannot be read or the storage is a newer version's.
pub fn plan_import(
    store: &impl KeyValueStore,
    diary: &Diary,
    backup: &Backup,
    mode: ImportMode,
) -> Result<PlannedImport, SaveError> {
    let mut after = diary.clone();
    let outcome = apply(&mut after, backup.clone(), mode);
    let batch = prepare_batch(
        store,
        &after,
        &outcome.changed,
        outcome.settings_changed,
        outcome.mine_changed,
    )?;
    Ok(PlannedImport {
        diary: after,
        outcome,
        batch,
    })
}

/// `ours` with what `theirs` adds, and whether all of it fitted.
fn merge_day(ours: &DayEntry, theirs: &DayEntry) -> (DayEntry, bool) {
    let mut day = ours.clone();
    let mut complete = true;
    for meal in Meal::ALL {
        let mut unmatched: Vec<&Entry> = ours.plan().items(meal).iter().map(|i| &i.entry).collect();
        for item in theirs.plan().items(meal) {
            if let Some(i) = unmatched.iter().position(|e| **e == item.entry) {
                unmatched.swap_remove(i);
            } else if day.plan_mut().add_copy(meal, item).is_err() {
                complete = false;
            }
        }
    }
    let mut unmatched: Vec<_> = ours.cramps().iter().collect();
    for cramp in theirs.cramps() {
        if let Some(i) = unmatched.iter().position(|c| *c == cramp) {
            unmatched.swap_remove(i);
        } else if day.cramps().len() >= MAX_CRAMPS || day.add_cramp(cramp.clone()).is_err() {
            complete = false;
        }
    }
    if ours.activity().is_empty() {
        // Checked already: it comes from a valid day.
        let _ = day.set_activity(*theirs.activity());
    }
    let (mine, other) = (ours.notes(), theirs.notes());
    if !other.is_empty() && !mine.contains(other) {
        let joined = if mine.is_empty() {
            other.to_owned()
        } else {
            format!("{mine}\n\n{other}")
        };
        if joined.chars().count() <= MAX_NOTES_CHARS {
            let _ = day.set_notes(joined);
        } else {
            complete = false;
        }
    }
    (day, complete)
}

/// One CSV cell: a text starting with `=`, `+`, `-`, `@`, tab or carriage
/// return gets a leading `'` so spreadsheets do not run it as a formula,
/// and cells with a comma, quote or line break are quoted.
fn cell(text: &str) -> String {
    let text = if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_owned()
    };
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}

/// A number for a CSV cell: at most one decimal, `.` as the decimal mark,
/// no thousands separator ("1234.5", "80").
fn number(value: f64) -> String {
    let fixed = format!("{value:.1}");
    fixed.strip_suffix(".0").unwrap_or(&fixed).to_owned()
}

/// A CSV file: a byte order mark (so spreadsheets read UTF-8), then rows
/// ending in CRLF.
fn csv(rows: impl IntoIterator<Item = Vec<String>>) -> String {
    let mut out = String::from("\u{feff}");
    for row in rows {
        let cells: Vec<String> = row.iter().map(|c| cell(c)).collect();
        out.push_str(&cells.join(","));
        out.push_str("\r\n");
    }
    out
}

/// One row per item of every day, for a dietitian: date, meal, food,
/// amount, grams, and K, Mg, Ca, Na in mg. A cell is empty where the data
/// is missing (never 0); 0 means the item has none of it (a glass of water's
/// potassium).
pub fn csv_items(diary: &Diary, table: &FoodTable) -> String {
    let header = [
        "Date",
        "Meal",
        "Food",
        "Amount",
        "Grams",
        "Potassium (mg)",
        "Magnesium (mg)",
        "Calcium (mg)",
        "Sodium (mg)",
    ]
    .map(str::to_owned)
    .to_vec();
    let rows = diary.days().flat_map(|(date, day)| {
        day.plan()
            .iter()
            .map(move |(meal, item)| {
                let grams = match &item.entry {
                    Entry::Food(f) => table.get(f.ndb).and_then(|food| f.grams(food)),
                    Entry::Mine(m) => Some(m.grams()),
                    _ => None,
                };
                let mut row = vec![
                    date.to_string(),
                    meal.label().to_owned(),
                    item.name(table),
                    item.describe_amount(table),
                    grams.map(number).unwrap_or_default(),
                ];
                row.extend(Nutrient::MINERALS.map(|n| {
                    match item_amount(item, n, table, WaterCounting::default()) {
                        ItemAmount::Known(v) | ItemAmount::AtLeast(v) => number(v),
                        ItemAmount::NoData => String::new(),
                        ItemAmount::NotCarried => "0".to_owned(),
                    }
                }));
                row
            })
            .collect::<Vec<_>>()
    });
    csv(std::iter::once(header).chain(rows))
}

/// One row per day, for a dietitian: the number of items, then for each
/// target (K, Mg, Ca, Na, water) the day's total, the target, the share
/// of it and how many items lack data, then the number of cramps. Totals
/// are "at least" when items lack data; a total is empty when no item has
/// data for it, and on days without items. The targets are the diary's current ones.
///
/// Then the cramp details, one column per field with the day's episodes
/// in logged order, separated by "; " (times HH:MM, where, severity 1–10,
/// minutes or "not noted", what helped or "not noted", warning signs or
/// "none", notes); the activity (empty when none was noted; hot weather
/// "yes" or "no"); and the day's notes.
pub fn csv_days(diary: &Diary, table: &FoodTable) -> String {
    let targets = diary.settings().targets();
    let mut header = vec!["Date".to_owned(), "Items".to_owned()];
    for n in TARGET_NUTRIENTS {
        let unit = if n == Nutrient::Water { "ml" } else { "mg" };
        header.push(format!("{} ({unit})", n.name()));
        header.push(format!("{} target ({unit})", n.name()));
        header.push(format!("{} % of target", n.name()));
        header.push(format!("{}: items without data", n.name()));
    }
    header.push("Cramps".to_owned());
    header.extend(
        [
            "Cramp times",
            "Cramp where",
            "Cramp severity (1-10)",
            "Cramp minutes",
            "Cramp: what helped",
            "Cramp warning signs",
            "Cramp notes",
            "Exercise (min)",
            "Hours on feet",
            "Hot weather",
            "Alcoholic drinks",
            "Notes",
        ]
        .map(str::to_owned),
    );
    let rows = diary.days().map(|(date, day)| {
        let mut row = vec![date.to_string(), day.plan().len().to_string()];
        let coverage = diary.coverage(date, table, targets);
        for n in TARGET_NUTRIENTS {
            let progress = coverage
                .as_ref()
                .and_then(|c| c.iter().find(|p| p.nutrient == n));
            match progress {
                // Only items without data: the total is unknown, not 0.
                Some(p) if p.total.known == 0.0 && p.total.is_lower_bound() => row.extend([
                    String::new(),
                    number(p.target.amount),
                    String::new(),
                    p.total.items_missing.to_string(),
                ]),
                Some(p) => row.extend([
                    number(p.total.known),
                    number(p.target.amount),
                    format!("{:.0}", p.percent),
                    p.total.items_missing.to_string(),
                ]),
                None => {
                    let target = targets.get(n).map(|t| number(t.target.amount));
                    row.extend([
                        String::new(),
                        target.unwrap_or_default(),
                        String::new(),
                        String::new(),
                    ]);
                }
            }
        }
        row.push(day.cramps().len().to_string());
        let cramps = |field: fn(&CrampEpisode) -> String| {
            day.cramps()
                .iter()
                .map(field)
                .collect::<Vec<_>>()
                .join("; ")
        };
        row.extend([
            cramps(|c| c.time.to_string()),
            cramps(CrampEpisode::where_text),
            cramps(|c| c.severity.to_string()),
            cramps(|c| c.minutes.map_or("not noted".to_owned(), number)),
            cramps(|c| c.helped_text().unwrap_or("not noted".to_owned())),
            cramps(|c| c.warning_signs_text().unwrap_or("none".to_owned())),
            cramps(|c| c.note.clone()),
        ]);
        let a = day.activity();
        if a.is_empty() {
            row.extend(std::iter::repeat_n(String::new(), 4));
        } else {
            let hot = if a.hot_weather { "yes" } else { "no" };
            row.extend([
                number(a.exercise_minutes),
                number(a.hours_on_feet),
                hot.to_owned(),
                number(a.alcohol_drinks),
            ]);
        }
        row.push(day.notes().to_owned());
        row
    });
    csv(std::iter::once(header).chain(rows))
}

/// A one-line summary of a preview for people: "12 new days, 3 changed,
/// 40 the same".
pub fn preview_text(p: &ImportPreview) -> String {
    let mut parts = vec![
        count(p.new_days.len(), "new day", "new days"),
        format!("{} changed", p.changed_days.len()),
        format!("{} the same", p.identical_days.len()),
    ];
    if !p.merge_leaves.is_empty() {
        parts.push(format!(
            "a merge adds nothing to {} of the changed (already there, or no room)",
            p.merge_leaves.len()
        ));
    }
    if !p.locked_days.is_empty() {
        parts.push(format!(
            "{} left alone because they could not be read here",
            p.locked_days.len()
        ));
    }
    if p.settings_differ {
        parts.push("different targets or favourites".to_owned());
    }
    if p.unreadable > 0 {
        parts.push(format!(
            "{} that could not be read when the backup was made (kept in the file, not imported)",
            count(p.unreadable, "value", "values")
        ));
    }
    parts.join(", ")
}

#[cfg(test)]
mod tests {
    use super::super::date::date;
    use super::super::day::test_days::calf_cramp;
    use super::super::day::Activity;
    use super::*;
    use crate::foods::nutrient::Nutrient;
    use crate::planning::plan::test_table::{ndb, table};
    use crate::planning::plan::FoodUnit;
    use crate::planning::supplements::{MagnesiumForm, Supplement};
    use crate::units::amount::MassUnit;
    use crate::units::volume::VolumeUnit;

    fn food_day(foods: &[(Meal, u32, f64)]) -> DayEntry {
        let t = table();
        let mut day = DayEntry::new();
        for &(meal, n, grams) in foods {
            day.plan_mut()
                .add_food(meal, ndb(n), grams, FoodUnit::Mass(MassUnit::Gram), &t)
                .unwrap();
        }
        day
    }

    fn sample() -> Diary {
        let mut diary = Diary::default();
        let mut a = food_day(&[(Meal::Breakfast, 9040, 118.0), (Meal::Lunch, 11457, 100.0)]);
        a.plan_mut()
            .add_supplement(
                Meal::Dinner,
                Supplement::Magnesium {
                    form: MagnesiumForm::Citrate,
                    elemental_mg: 200.0,
                },
            )
            .unwrap();
        a.plan_mut()
            .add_drink(Meal::Dinner, 2.0, VolumeUnit::Glass)
            .unwrap();
        a.add_cramp(calf_cramp()).unwrap();
        a.set_notes("=SUM(A1) \"quoted\", on feet\nall day")
            .unwrap();
        diary.set_day(date("2026-11-28"), a).unwrap();
        let mut b = food_day(&[(Meal::Snacks, 99999, 50.0)]);
        b.set_activity(Activity {
            exercise_minutes: 30.0,
            ..Activity::default()
        })
        .unwrap();
        diary.set_day(date("2026-11-29"), b).unwrap();
        let mut cramps_only = DayEntry::new();
        cramps_only.add_cramp(calf_cramp()).unwrap();
        diary.set_day(date("2026-11-30"), cramps_only).unwrap();
        diary.toggle_favourite(ndb(9040)).unwrap();
        diary
    }

    #[test]
    fn export_and_import_are_lossless() {
        let diary = sample();
        let json = export_json(&diary);
        assert!(
            json.starts_with(r#"{"format":"electrolyte-planner-backup","version":2,"settings":"#)
        );
        let backup = parse_backup(&json, &table()).unwrap();
        let mut restored = Diary::default();
        let outcome = apply(&mut restored, backup.clone(), ImportMode::Replace);
        assert_eq!(restored, diary);
        assert_eq!(outcome.changed.len(), 3);
        assert!(outcome.settings_changed);
        assert_eq!(export_json(&restored), json);
        // Importing into itself changes nothing, in either mode.
        let p = preview(&restored, &backup);
        assert_eq!(p.identical_days.len(), 3);
        assert!(p.new_days.is_empty() && p.changed_days.is_empty() && !p.settings_differ);
        assert_eq!(
            apply(&mut restored, backup.clone(), ImportMode::Merge),
            ImportOutcome::default()
        );
        assert_eq!(
            apply(&mut restored, backup, ImportMode::Replace),
            ImportOutcome::default()
        );
        assert_eq!(restored, diary);
    }

    #[test]
    fn bad_files_are_refused_naming_where() {
        let good = export_json(&sample());
        let cases: Vec<(String, &str)> = vec![
            ("".into(), "not readable JSON"),
            ("{\"format\":".into(), "not readable JSON"),
            ("[1,2]".into(), "not an Electrolyte Planner backup."),
            (
                r#"{"format":"other","version":2}"#.into(),
                "not an Electrolyte Planner backup.",
            ),
            (
                good.replace(r#""version":2"#, r#""version":7"#),
                "newer version of the app (backup version 7)",
            ),
            (
                good.replace(r#""version":2"#, r#""version":"2""#),
                "This backup's version is not a number this app writes",
            ),
            (
                good.replace(r#""version":2"#, r#""version":2.5"#),
                "This backup's version is not a number this app writes",
            ),
            (
                good.replace("2026-11-29", "2026-02-30"),
                "Day 2026-02-30 (line 1): Not a date: no such day in the calendar.",
            ),
            (
                good.replace("2026-11-29", "yesterday"),
                "Day yesterday (line 1): Not a date written YYYY-MM-DD",
            ),
            (
                good.replace("2026-11-29", "1899-12-31"),
                "Day 1899-12-31 (line 1): Only dates from 1900 to 2200 are kept.",
            ),
            (
                good.replace("2026-11-29", "2201-01-01"),
                "Day 2201-01-01 (line 1): Only dates from 1900 to 2200 are kept.",
            ),
            (
                good.replace(r#""sev":7"#, r#""sev":0"#),
                "Day 2026-11-28 (line 1): Severity must be between 1 and 10.",
            ),
            (
                good.replace(r#""amount":50.0"#, r#""amount":-50.0"#),
                "Day 2026-11-29 (line 1): The amount must be more than zero.",
            ),
            (
                good.replace(r#""amount":50.0"#, r#""amount":"lots""#),
                "Day 2026-11-29 (line 1): It is not written the way this app writes backups.",
            ),
            (
                good.replace(r#""ndb":"99999""#, r#""ndb":"999""#),
                "Day 2026-11-29 (line 1): ",
            ),
            (
                good.replace(r#""age_years":40.0"#, r#""age_years":-4.0"#),
                "The targets and favourites in this backup are not valid: The age cannot be negative.",
            ),
            (
                good.replace(r#""days":{"#, r#""dayz":{"#),
                "The backup has no list of days.",
            ),
        ];
        for (text, needle) in cases {
            let err = parse_backup(&text, &table()).unwrap_err().to_string();
            assert!(err.contains(needle), "{needle:?} not in {err:?}");
            for raw in ["expected", "invalid type", "at line", "column", "u8", "f64"] {
                assert!(!err.contains(raw), "{raw:?} in {err:?}");
            }
        }
        let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
        assert!(parse_backup(&deep, &table()).is_err());
        let deep_day = good.replace(
            r#""2026-11-30":{"#,
            &format!(
                r#""2026-11-30":{}{}, "x":{{"#,
                "[".repeat(100_000),
                "]".repeat(100_000)
            ),
        );
        assert!(parse_backup(&deep_day, &table()).is_err());
        let hostile_key = ImportError::Day {
            key: format!("\u{7}{}", "x".repeat(100)),
            line: 3,
            reason: "r".into(),
            detail: String::new(),
        };
        assert_eq!(
            hostile_key.to_string(),
            format!("Day {} (line 3): r", "x".repeat(40))
        );
    }

    #[test]
    fn the_parser_wording_is_kept_apart_as_the_detail() {
        let good = export_json(&sample());
        let err = parse_backup(
            &good.replace(r#""amount":50.0"#, r#""amount":"lots""#),
            &table(),
        )
        .unwrap_err();
        assert!(
            err.detail()
                .contains("invalid type: string \"lots\", expected f64"),
            "{}",
            err.detail()
        );
        assert!(err.detail().contains("line 1, column"), "{}", err.detail());
        let err = parse_backup("{\"a\":", &table()).unwrap_err();
        assert!(err.detail().contains("EOF"), "{}", err.detail());
        let err = parse_backup(
            &good.replace(r#""version":2"#, r#""version":"2""#),
            &table(),
        )
        .unwrap_err();
        assert_eq!(err.detail(), "\"version\": \"2\"");
    }

    #[test]
    fn a_backup_at_most_20_mb_says_so_precisely() {
        let huge = " ".repeat(MAX_BACKUP_BYTES + 1);
        assert_eq!(
            parse_backup(&huge, &table()).unwrap_err().to_string(),
            "This file is 20,000,001 bytes; a backup can be at most 20,000,000 bytes (20 MB)."
        );
    }

    #[test]
    fn version_1_0_is_version_1() {
        // JSON has one kind of number: 1.0 and 1e0 are 1.
        let good = export_json(&sample());
        for written in ["1.0", "1e0", "1.000"] {
            let text = good.replace(r#""version":2"#, &format!(r#""version":{written}"#));
            assert_eq!(
                parse_backup(&text, &table()),
                parse_backup(&good, &table()),
                "{written}"
            );
        }
    }

    /// `sample()` exported with line breaks, one date or section a line.
    fn pretty(diary: &Diary) -> String {
        let value: Value = serde_json::from_str(&export_json(diary)).unwrap();
        serde_json::to_string_pretty(&value).unwrap()
    }

    #[test]
    fn a_date_listed_twice_is_refused_with_its_line() {
        let text = pretty(&sample());
        let first = text.find("\"2026-11-29\"").unwrap();
        let line = text[..first].matches('\n').count() + 1;
        // Rename 2026-11-30 to 2026-11-29: now listed twice, the second
        // time on 2026-11-30's line.
        let second = text.find("\"2026-11-30\"").unwrap();
        let second_line = text[..second].matches('\n').count() + 1;
        assert!(second_line > line);
        let twice = text.replace("\"2026-11-30\"", "\"2026-11-29\"");
        assert_eq!(
            parse_backup(&twice, &table()).unwrap_err(),
            ImportError::RepeatedDate {
                key: "2026-11-29".into(),
                line: second_line
            }
        );
        assert_eq!(
            parse_backup(&twice, &table()).unwrap_err().to_string(),
            format!("This backup lists 2026-11-29 twice (line {second_line}), so it is not clear which to import.")
        );
    }

    #[test]
    fn a_section_given_twice_is_refused_with_its_line() {
        let good = export_json(&sample());
        let twice = good.replace(r#","days":{"#, ",\n\"days\":{},\n\"days\":{");
        assert_eq!(
            parse_backup(&twice, &table()).unwrap_err(),
            ImportError::RepeatedSection {
                name: "days".into(),
                line: 3
            }
        );
        let settings_twice = good.replace(r#","days":{"#, r#","settings":{},"days":{"#);
        assert!(parse_backup(&settings_twice, &table())
            .unwrap_err()
            .to_string()
            .contains("has \"settings\" twice"));
    }

    #[test]
    fn imports_are_held_to_the_rules_of_the_forms() {
        let t = table();
        let d = date("2026-11-29");
        let with_item = |item: &str| {
            format!(
                r#"{{"format":"electrolyte-planner-backup","version":2,"settings":{},"days":{{"2026-11-29":{{"p":{{"v":1,"next_id":1,"lunch":[{item}]}}}}}}}}"#,
                serde_json::to_string(&Settings::default()).unwrap()
            )
        };
        // The forms' limits, item by item: (item, what the message says).
        let refused = [
            // 5,000 × a 118 g banana: 590 kg, over MAX_GRAMS.
            (
                r#"{"kind":"food","id":0,"ndb":"09040","amount":5000.0,"portion":0}"#,
                "Bananas, raw: That is more than 42.4 portions in one entry.",
            ),
            // A portion the food does not have.
            (
                r#"{"kind":"food","id":0,"ndb":"09040","amount":1.0,"portion":7}"#,
                "Bananas, raw: This food has no such portion.",
            ),
            // A food not in the table.
            (
                r#"{"kind":"food","id":0,"ndb":"01234","amount":1.0,"unit":"g"}"#,
                "There is no food 01234 in the food table.",
            ),
            // Shows as "0 g".
            (
                r#"{"kind":"food","id":0,"ndb":"09040","amount":1e-300,"unit":"g"}"#,
                "The smallest amount here is 0.01 g.",
            ),
            (
                r#"{"kind":"drink","id":0,"amount":0.0000001,"unit":"glass"}"#,
                "The smallest amount here is 0.01 glasses",
            ),
            (
                r#"{"kind":"food","id":0,"ndb":"09040","amount":5001.0,"unit":"g"}"#,
                "That is more than 5,000 g in one entry.",
            ),
        ];
        for (item, needle) in refused {
            let err = parse_backup(&with_item(item), &t).unwrap_err().to_string();
            assert!(err.starts_with("Day 2026-11-29 (line 1): "), "{err}");
            assert!(err.contains(needle), "{needle:?} not in {err:?}");
        }
        // At the limits it is accepted.
        let ok = with_item(r#"{"kind":"food","id":0,"ndb":"09040","amount":42.0,"portion":0}"#);
        assert_eq!(parse_backup(&ok, &t).unwrap().days[&d].plan().len(), 1);
        // Notes over the limit, a target that shows as 0 mg.
        let mut diary = sample();
        let good = export_json(&diary);
        let long = good.replace("all day", &"x".repeat(MAX_NOTES_CHARS));
        assert!(parse_backup(&long, &t)
            .unwrap_err()
            .to_string()
            .starts_with("Day 2026-11-28 (line 1): Notes are limited to 2,000 characters."));
        let mut targets = diary.settings().targets().clone();
        targets.set_override(Nutrient::Potassium, 3_000.0).unwrap();
        diary.settings_mut().set_targets(targets);
        let text = export_json(&diary);
        assert!(text.contains(r#""potassium":3000.0"#));
        for tiny in ["0.0", "0.0000001"] {
            let err = parse_backup(&text.replace("3000.0", tiny), &t).unwrap_err();
            assert!(matches!(err, ImportError::Settings { .. }), "{err:?}");
        }
    }

    #[test]
    fn the_unreadable_section_is_exported_and_kept_but_never_applied() {
        let diary = sample();
        let unreadable = vec![
            ("ep.schema".to_owned(), "2".to_owned()),
            (
                "ep.v1.day.2026-12-01".to_owned(),
                "{\"v\":1,\"rev\":1,\"d\":{\"p\":".to_owned(),
            ),
        ];
        let json = export_everything(&diary, &unreadable);
        assert!(json.ends_with(r#","unreadable":{"ep.schema":"2","ep.v1.day.2026-12-01":"{\"v\":1,\"rev\":1,\"d\":{\"p\":"}}"#), "{json}");
        let backup = parse_backup(&json, &table()).unwrap();
        assert_eq!(backup.unreadable.len(), 2);
        assert_eq!(backup.unreadable["ep.v1.day.2026-12-01"], unreadable[1].1);
        let p = preview(&Diary::default(), &backup);
        assert_eq!(p.unreadable, 2);
        assert!(preview_text(&p).contains("2 values that could not be read when the backup was made (kept in the file, not imported)"));
        let mut restored = Diary::default();
        apply(&mut restored, backup, ImportMode::Replace);
        assert_eq!(restored, diary);
        assert!(!restored.is_locked(date("2026-12-01")));
        // Without unreadable values, no section.
        assert!(!export_everything(&diary, &[]).contains("unreadable"));
        // A damaged section refuses the file.
        let bad = json.replace(r#""ep.schema":"2""#, r#""ep.schema":2"#);
        assert!(matches!(
            parse_backup(&bad, &table()),
            Err(ImportError::Unreadable { .. })
        ));
    }

    #[test]
    fn preview_and_merge_agree_when_no_id_is_left() {
        // A day whose next id is at its maximum: no item can be added.
        let d = date("2026-11-29");
        let text = |items: &str, next: u32| {
            format!(
                r#"{{"format":"electrolyte-planner-backup","version":2,"settings":{},"days":{{"2026-11-29":{{"p":{{"v":1,"next_id":{next},"lunch":[{items}]}}}}}}}}"#,
                serde_json::to_string(&Settings::default()).unwrap()
            )
        };
        let drink = |id: u32, n: f64| {
            format!(r#"{{"kind":"drink","id":{id},"amount":{n},"unit":"glass"}}"#)
        };
        let t = table();
        let ours = parse_backup(&text(&drink(u32::MAX - 1, 1.0), u32::MAX), &t).unwrap();
        let mut diary = Diary::default();
        apply(&mut diary, ours, ImportMode::Replace);
        let theirs = parse_backup(
            &text(&format!("{},{}", drink(0, 1.0), drink(1, 2.0)), 2),
            &t,
        )
        .unwrap();
        let p = preview(&diary, &theirs);
        assert_eq!(p.changed_days, [d]);
        assert_eq!(p.merge_leaves, [d]);
        assert!(preview_text(&p).contains("a merge adds nothing to 1 of the changed"));
        let outcome = apply(&mut diary.clone(), theirs.clone(), ImportMode::Merge);
        assert!(outcome.changed.is_empty());
        assert_eq!(outcome.partly_merged, [d]);
        // The same items with other ids are the same day, in both modes.
        let same = parse_backup(&text(&drink(0, 1.0), 1), &t).unwrap();
        let p = preview(&diary, &same);
        assert_eq!(p.identical_days, [d]);
        assert!(apply(&mut diary.clone(), same.clone(), ImportMode::Merge)
            .changed
            .is_empty());
        assert!(apply(&mut diary, same, ImportMode::Replace)
            .changed
            .is_empty());
    }

    #[test]
    fn merge_adds_what_is_missing_and_is_idempotent() {
        let d = date("2026-11-29");
        let mut ours = Diary::default();
        let mut day = food_day(&[(Meal::Lunch, 9040, 100.0), (Meal::Lunch, 9040, 100.0)]);
        day.set_notes("ours").unwrap();
        day.add_cramp(calf_cramp()).unwrap();
        ours.set_day(d, day).unwrap();
        ours.set_day(date("2026-01-01"), food_day(&[(Meal::Lunch, 9040, 1.0)]))
            .unwrap();
        let mut theirs = Diary::default();
        let mut day = food_day(&[
            (Meal::Lunch, 9040, 100.0),
            (Meal::Lunch, 9040, 100.0),
            (Meal::Lunch, 9040, 100.0),
            (Meal::Dinner, 11457, 30.0),
        ]);
        day.set_notes("theirs").unwrap();
        day.add_cramp(calf_cramp()).unwrap();
        let mut other = calf_cramp();
        other.severity = 2;
        day.add_cramp(other).unwrap();
        day.set_activity(Activity {
            hot_weather: true,
            ..Activity::default()
        })
        .unwrap();
        theirs.set_day(d, day).unwrap();
        theirs
            .set_day(date("2026-12-01"), food_day(&[(Meal::Snacks, 99999, 10.0)]))
            .unwrap();
        theirs.toggle_favourite(ndb(11457)).unwrap();
        let backup = parse_backup(&export_json(&theirs), &table()).unwrap();
        let p = preview(&ours, &backup);
        assert_eq!(p.new_days, [date("2026-12-01")]);
        assert_eq!(p.changed_days, [d]);
        assert_eq!(p.only_in_diary, [date("2026-01-01")]);
        assert_eq!(
            preview_text(&p),
            "1 new day, 1 changed, 0 the same, different targets or favourites"
        );
        let outcome = apply(&mut ours, backup.clone(), ImportMode::Merge);
        assert_eq!(outcome.changed, [d, date("2026-12-01")]);
        assert!(outcome.settings_changed && outcome.partly_merged.is_empty());
        let merged = ours.day(d);
        assert_eq!(merged.plan().items(Meal::Lunch).len(), 3);
        assert_eq!(merged.plan().items(Meal::Dinner).len(), 1);
        let ids: Vec<u32> = merged.plan().iter().map(|(_, i)| i.id.value()).collect();
        assert_eq!(ids, [0, 1, 2, 3]);
        assert_eq!(merged.cramps().len(), 2);
        assert_eq!(merged.notes(), "ours\n\ntheirs");
        assert!(merged.activity().hot_weather);
        assert_eq!(ours.len(), 3);
        assert_eq!(ours.settings().favourites(), [ndb(11457)]);
        let after = ours.clone();
        assert_eq!(
            apply(&mut ours, backup.clone(), ImportMode::Merge),
            ImportOutcome::default()
        );
        assert_eq!(ours, after);
        // Replace makes the diary the backup.
        let outcome = apply(&mut ours, backup.clone(), ImportMode::Replace);
        assert_eq!(outcome.changed, [date("2026-01-01"), d]);
        assert_eq!(ours.day(d), backup.days.get(&d).unwrap());
        assert_eq!(ours.len(), 2);
    }

    #[test]
    fn merging_respects_limits_and_locks() {
        let d = date("2026-11-29");
        let mut ours = Diary::default();
        let mut day = DayEntry::new();
        day.set_notes("a".repeat(MAX_NOTES_CHARS - 3)).unwrap();
        ours.set_day(d, day).unwrap();
        ours.lock(date("2026-12-01"));
        let mut theirs = Diary::default();
        let mut day = food_day(&[(Meal::Lunch, 9040, 10.0)]);
        day.set_notes("b".repeat(10)).unwrap();
        theirs.set_day(d, day).unwrap();
        theirs
            .set_day(date("2026-12-01"), food_day(&[(Meal::Lunch, 9040, 10.0)]))
            .unwrap();
        let backup = parse_backup(&export_json(&theirs), &table()).unwrap();
        assert_eq!(preview(&ours, &backup).locked_days, [date("2026-12-01")]);
        let outcome = apply(&mut ours, backup.clone(), ImportMode::Merge);
        assert_eq!(outcome.partly_merged, [d]);
        assert_eq!(outcome.skipped_locked, [date("2026-12-01")]);
        assert_eq!(ours.day(d).plan().len(), 1);
        assert_eq!(ours.day(d).notes().len(), MAX_NOTES_CHARS - 3);
        assert!(ours.is_locked(date("2026-12-01")));
        let outcome = apply(&mut ours, backup, ImportMode::Replace);
        assert_eq!(outcome.skipped_locked, [date("2026-12-01")]);
        assert!(ours.is_locked(date("2026-12-01")));
    }

    #[test]
    fn csv_cells_are_quoted_and_never_formulas() {
        assert_eq!(cell("plain"), "plain");
        assert_eq!(cell("a,b"), "\"a,b\"");
        assert_eq!(cell("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(cell("line\nbreak"), "\"line\nbreak\"");
        for formula in ["=1+1", "+1", "-1", "@SUM(A1)", "\tx"] {
            assert_eq!(cell(formula), format!("'{formula}"));
        }
        assert_eq!(cell("=A1,B1"), "\"'=A1,B1\"");
        assert_eq!(number(1234.56), "1234.6");
        assert_eq!(number(80.0), "80");
        assert_eq!(number(0.04), "0");
    }

    #[test]
    fn item_csv_has_one_row_per_item_with_empty_unknowns() {
        let csv = csv_items(&sample(), &table());
        let lines: Vec<&str> = csv.trim_start_matches('\u{feff}').split("\r\n").collect();
        assert_eq!(
            lines[0],
            "Date,Meal,Food,Amount,Grams,Potassium (mg),Magnesium (mg),Calcium (mg),Sodium (mg)"
        );
        assert_eq!(
            lines[1],
            "2026-11-28,Breakfast,\"Bananas, raw\",118 g,118,422.4,31.9,5.9,"
        );
        assert_eq!(
            lines[2],
            "2026-11-28,Lunch,\"Spinach, raw\",100 g,100,558,79,99,79"
        );
        assert_eq!(
            lines[3],
            "2026-11-28,Dinner,Magnesium citrate,200 mg elemental magnesium,,0,200,0,0"
        );
        assert_eq!(
            lines[4],
            "2026-11-28,Dinner,Drink,2 glasses (500 ml),,0,0,0,0"
        );
        assert_eq!(lines[5], "2026-11-29,Snacks,Mystery mix,50 g,50,,25,5,500");
        assert_eq!(lines.len(), 7);
        assert_eq!(lines[6], "");
    }

    #[test]
    fn day_csv_has_totals_against_targets() {
        let csv = csv_days(&sample(), &table());
        let lines: Vec<&str> = csv.trim_start_matches('\u{feff}').split("\r\n").collect();
        assert!(lines[0].starts_with("Date,Items,Potassium (mg),Potassium target (mg),Potassium % of target,Potassium: items without data,Magnesium (mg)"));
        // The columns before issue 13 first and in order, the new ones after.
        assert!(lines[0].contains("Water: items without data,Cramps,"));
        assert!(lines[0].ends_with(",Cramps,Cramp times,Cramp where,Cramp severity (1-10),Cramp minutes,Cramp: what helped,Cramp warning signs,Cramp notes,Exercise (min),Hours on feet,Hot weather,Alcoholic drinks,Notes"));
        assert_eq!(lines[0].split(',').count(), 2 + 4 * 5 + 1 + 12);
        assert!(
            lines[1].starts_with("2026-11-28,4,980.4,2600,38,0,"),
            "{}",
            lines[1]
        );
        assert!(
            lines[2].starts_with("2026-11-29,1,,2600,,1,"),
            "{}",
            lines[2]
        );
        assert!(
            lines[3].starts_with("2026-11-30,0,,2600,,,"),
            "{}",
            lines[3]
        );
        // 2026-11-28: one cramp and notes that need quoting (and a formula
        // guard, and a line break kept inside the cell); no activity.
        assert!(
            lines[1].ends_with(",1,06:30,Left calf,7,3,Stretching,none,,,,,,\"'=SUM(A1) \"\"quoted\"\", on feet\nall day\""),
            "{}",
            lines[1]
        );
        // 2026-11-29: activity only.
        assert!(lines[2].ends_with(",0,,,,,,,,30,0,no,0,"), "{}", lines[2]);
        // 2026-11-30: the cramp alone.
        assert!(
            lines[3].ends_with(",1,06:30,Left calf,7,3,Stretching,none,,,,,,"),
            "{}",
            lines[3]
        );
    }

    #[test]
    fn day_csv_lists_every_cramp_of_a_day() {
        let mut diary = Diary::default();
        let mut day = DayEntry::new();
        day.add_cramp(calf_cramp()).unwrap();
        let mut other = calf_cramp();
        other.time = super::super::day::TimeOfDay::new(22, 5).unwrap();
        other.side = super::super::day::Side::Both;
        other.minutes = None;
        other.helped.clear();
        other.numbness = true;
        other.note = "after a long walk, cold".into();
        day.add_cramp(other).unwrap();
        day.set_activity(Activity {
            exercise_minutes: 45.0,
            hours_on_feet: 7.5,
            hot_weather: true,
            alcohol_drinks: 1.0,
        })
        .unwrap();
        diary.set_day(date("2026-11-28"), day).unwrap();
        let csv = csv_days(&diary, &table());
        let lines: Vec<&str> = csv.trim_start_matches('\u{feff}').split("\r\n").collect();
        assert!(
            lines[1].ends_with(",2,06:30; 22:05,Left calf; Both calves,7; 7,3; not noted,Stretching; not noted,none; Numbness,\"; after a long walk, cold\",45,7.5,yes,1,"),
            "{}",
            lines[1]
        );
    }

    #[test]
    fn a_planned_import_is_written_whole_or_not_at_all() {
        use super::super::storage::{load, write_batch, MemoryStore, StoreError};
        let backup = parse_backup(&export_json(&sample()), &table()).unwrap();
        let mut store = MemoryStore::with_quota(600);
        let diary = load(&mut store, date("2026-11-29")).diary;
        let plan = plan_import(&store, &diary, &backup, ImportMode::Merge).unwrap();
        assert_eq!(plan.outcome.changed.len(), 3);
        assert!(plan.batch.growth() > 600);
        let before = store.clone();
        assert_eq!(
            write_batch(&mut store, &plan.batch),
            Err(SaveError::Store(StoreError::QuotaExceeded))
        );
        assert_eq!(store, before);
        let mut roomy = MemoryStore::new();
        load(&mut roomy, date("2026-11-29"));
        let plan = plan_import(&roomy, &diary, &backup, ImportMode::Replace).unwrap();
        write_batch(&mut roomy, &plan.batch).unwrap();
        assert_eq!(load(&mut roomy, date("2026-11-29")).diary, plan.diary);
        assert_eq!(plan.diary, sample());
    }
}
