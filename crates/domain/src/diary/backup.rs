//! Export and import: a lossless, versioned JSON backup of the whole
//! diary, checked in full before anything changes, with a preview and two
//! ways to apply it; and CSV files for a dietitian.
//!
//! The backup is
//! `{"format":"electrolyte-planner-backup","version":1,"settings":{..},"days":{"2026-11-29":{..},..}}`
//! with settings and days in their stored forms (see [`super::storage`]).
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
//! - Merging the same backup twice changes nothing the second time.
//!
//! [`ImportMode::Replace`] makes the diary the backup (settings too).
//! Either way locked dates (unreadable in storage) are left alone. Make a
//! backup of the diary with [`export_json`] before replacing.

use std::collections::BTreeMap;
use std::fmt;

use serde::Serialize;
use serde_json::Value;

use super::date::Date;
use super::day::{DayEntry, MAX_CRAMPS, MAX_NOTES_CHARS};
use super::settings::Settings;
use super::Diary;
use crate::daily_targets::TARGET_NUTRIENTS;
use crate::food_table::FoodTable;
use crate::format::{count, format_number};
use crate::nutrient::Nutrient;
use crate::plan::{Entry, Meal};
use crate::totals::{item_amount, ItemAmount, WaterCounting};

/// The `format` of a backup file.
pub const BACKUP_FORMAT: &str = "electrolyte-planner-backup";

/// The backup version written and read here.
pub const BACKUP_VERSION: u64 = 1;

/// The largest backup file accepted, in bytes (20 MB).
pub const MAX_BACKUP_BYTES: usize = 20_000_000;

/// A checked backup, ready to preview and apply.
#[derive(Debug, Clone, PartialEq)]
pub struct Backup {
    /// The settings in the backup.
    pub settings: Settings,
    /// The days with something recorded.
    pub days: BTreeMap<Date, DayEntry>,
}

#[derive(Serialize)]
struct BackupFile<'a> {
    format: &'static str,
    version: u64,
    settings: &'a Settings,
    days: &'a BTreeMap<Date, DayEntry>,
}

/// The whole diary as a backup file (compact JSON). Locked days are not
/// in it: their bytes are offered for download apart.
pub fn export_json(diary: &Diary) -> String {
    serde_json::to_string(&BackupFile {
        format: BACKUP_FORMAT,
        version: BACKUP_VERSION,
        settings: &diary.settings,
        days: &diary.days,
    })
    .expect("diary values serialise to JSON")
}

/// Why a backup file was refused; nothing was changed. Every message can
/// be shown as is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportError {
    /// The file is larger than [`MAX_BACKUP_BYTES`].
    TooLarge {
        /// Its size in bytes.
        bytes: usize,
    },
    /// The file is not JSON.
    NotJson(String),
    /// The file is JSON but not a backup of this app.
    NotABackup,
    /// The backup was made by a newer version.
    FutureVersion(u64),
    /// The settings are not valid, for this reason.
    Settings(String),
    /// The days are missing or not a list by date.
    NoDays,
    /// A day is not valid: its key as written and the reason.
    Day {
        /// The day's key as written in the file.
        key: String,
        /// Why it was refused.
        reason: String,
    },
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImportError::TooLarge { bytes } => write!(
                f,
                "The file is {} MB; a backup can be at most {} MB.",
                format_number(*bytes as f64 / 1e6, 1),
                format_number(MAX_BACKUP_BYTES as f64 / 1e6, 0)
            ),
            ImportError::NotJson(detail) => write!(
                f,
                "This file is not an Electrolyte Planner backup: it is not valid JSON ({detail})."
            ),
            ImportError::NotABackup => {
                write!(f, "This file is not an Electrolyte Planner backup.")
            }
            ImportError::FutureVersion(v) => write!(
                f,
                "This backup was made by a newer version of the app (backup version {v}). Update the app to import it."
            ),
            ImportError::Settings(reason) => write!(f, "Settings: {reason}"),
            ImportError::NoDays => write!(f, "The backup has no list of days."),
            ImportError::Day { key, reason } => {
                // The key comes from the file: keep it short and printable.
                let shown: String = key.chars().take(40).filter(|c| !c.is_control()).collect();
                write!(f, "Day {shown}: {reason}")
            }
        }
    }
}

impl std::error::Error for ImportError {}

/// Reads and checks a backup file, all of it: any problem refuses the
/// whole file, naming where it is.
pub fn parse_backup(text: &str) -> Result<Backup, ImportError> {
    if text.len() > MAX_BACKUP_BYTES {
        return Err(ImportError::TooLarge { bytes: text.len() });
    }
    let value: Value =
        serde_json::from_str(text).map_err(|e| ImportError::NotJson(e.to_string()))?;
    let Value::Object(mut file) = value else {
        return Err(ImportError::NotABackup);
    };
    if file.get("format").and_then(Value::as_str) != Some(BACKUP_FORMAT) {
        return Err(ImportError::NotABackup);
    }
    match file.get("version").and_then(Value::as_u64) {
        Some(BACKUP_VERSION) => {}
        Some(v) if v > BACKUP_VERSION => return Err(ImportError::FutureVersion(v)),
        _ => return Err(ImportError::NotABackup),
    }
    let settings = file
        .remove("settings")
        .ok_or_else(|| ImportError::Settings("missing".to_owned()))?;
    let settings: Settings =
        serde_json::from_value(settings).map_err(|e| ImportError::Settings(e.to_string()))?;
    let Some(Value::Object(raw_days)) = file.remove("days") else {
        return Err(ImportError::NoDays);
    };
    let mut days = BTreeMap::new();
    for (key, value) in raw_days {
        let date = match Date::parse(&key) {
            Ok(date) => date,
            Err(e) => {
                return Err(ImportError::Day {
                    key,
                    reason: e.to_string(),
                })
            }
        };
        match serde_json::from_value::<DayEntry>(value) {
            Ok(day) if day.is_empty() => {}
            Ok(day) => {
                days.insert(date, day);
            }
            Err(e) => {
                return Err(ImportError::Day {
                    key,
                    reason: e.to_string(),
                })
            }
        }
    }
    Ok(Backup { settings, days })
}

/// What importing a backup would do, to show before doing it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ImportPreview {
    /// Days only in the backup.
    pub new_days: Vec<Date>,
    /// Days in both that differ.
    pub changed_days: Vec<Date>,
    /// Days in both that are the same.
    pub identical_days: Vec<Date>,
    /// Days only in the diary (a replace removes them).
    pub only_in_diary: Vec<Date>,
    /// Days in the backup that are locked here and will be left alone.
    pub locked_days: Vec<Date>,
    /// Whether the backup's settings differ from the diary's.
    pub settings_differ: bool,
}

/// Compares `backup` with `diary`.
pub fn preview(diary: &Diary, backup: &Backup) -> ImportPreview {
    let mut p = ImportPreview {
        settings_differ: backup.settings != diary.settings,
        ..ImportPreview::default()
    };
    for (&date, day) in &backup.days {
        if diary.is_locked(date) {
            p.locked_days.push(date);
            continue;
        }
        match diary.days.get(&date) {
            None => p.new_days.push(date),
            Some(ours) if ours == day => p.identical_days.push(date),
            Some(_) => p.changed_days.push(date),
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
}

/// Applies `backup` to `diary`.
pub fn apply(diary: &mut Diary, backup: Backup, mode: ImportMode) -> ImportOutcome {
    let mut outcome = ImportOutcome::default();
    let old_settings = diary.settings.clone();
    match mode {
        ImportMode::Replace => {
            diary.settings = backup.settings;
            for date in diary.days.keys().copied().collect::<Vec<_>>() {
                if !backup.days.contains_key(&date) {
                    diary.days.remove(&date);
                    outcome.changed.push(date);
                }
            }
        }
        ImportMode::Merge => {
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
        if diary.day(date) != &new {
            diary.put(date, new);
            outcome.changed.push(date);
        }
    }
    outcome.changed.sort();
    outcome.settings_changed = diary.settings != old_settings;
    outcome
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
                        ItemAmount::Known(v) => number(v),
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
    if !p.locked_days.is_empty() {
        parts.push(format!(
            "{} left alone because they could not be read here",
            p.locked_days.len()
        ));
    }
    if p.settings_differ {
        parts.push("different targets or favourites".to_owned());
    }
    parts.join(", ")
}

#[cfg(test)]
mod tests {
    use super::super::date::date;
    use super::super::day::test_days::calf_cramp;
    use super::super::day::Activity;
    use super::*;
    use crate::amount::MassUnit;
    use crate::plan::test_table::{ndb, table};
    use crate::plan::FoodUnit;
    use crate::supplements::{MagnesiumForm, Supplement};
    use crate::volume::VolumeUnit;

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
            json.starts_with(r#"{"format":"electrolyte-planner-backup","version":1,"settings":"#)
        );
        let backup = parse_backup(&json).unwrap();
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
            ("".into(), "not valid JSON"),
            ("{\"format\":".into(), "not valid JSON"),
            ("[1,2]".into(), "not an Electrolyte Planner backup."),
            (
                r#"{"format":"other","version":1}"#.into(),
                "not an Electrolyte Planner backup.",
            ),
            (
                good.replace(r#""version":1"#, r#""version":7"#),
                "newer version of the app (backup version 7)",
            ),
            (
                good.replace(r#""version":1"#, r#""version":"1""#),
                "not an Electrolyte Planner backup.",
            ),
            (
                good.replace("2026-11-29", "2026-02-30"),
                "Day 2026-02-30: not a date: no such day in the calendar",
            ),
            (
                good.replace("2026-11-29", "yesterday"),
                "Day yesterday: not a date written YYYY-MM-DD",
            ),
            (
                good.replace(r#""sev":7"#, r#""sev":0"#),
                "Day 2026-11-28: Severity must be between 1 and 10.",
            ),
            (
                good.replace(r#""amount":50.0"#, r#""amount":-50.0"#),
                "Day 2026-11-29: The amount must be more than zero.",
            ),
            (
                good.replace(r#""amount":50.0"#, r#""amount":"lots""#),
                "Day 2026-11-29: invalid type",
            ),
            (
                good.replace(r#""ndb":"99999""#, r#""ndb":"999""#),
                "Day 2026-11-29: ",
            ),
            (
                good.replace(r#""age_years":40.0"#, r#""age_years":-4.0"#),
                "Settings: The age cannot be negative.",
            ),
            (
                good.replace(r#""days":{"#, r#""dayz":{"#),
                "The backup has no list of days.",
            ),
        ];
        for (text, needle) in cases {
            let err = parse_backup(&text).unwrap_err().to_string();
            assert!(err.contains(needle), "{needle:?} not in {err:?}");
        }
        let huge = " ".repeat(MAX_BACKUP_BYTES + 1);
        assert_eq!(
            parse_backup(&huge).unwrap_err().to_string(),
            "The file is 20 MB; a backup can be at most 20 MB."
        );
        let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
        assert!(parse_backup(&deep).is_err());
        let hostile_key = ImportError::Day {
            key: format!("\u{7}{}", "x".repeat(100)),
            reason: "r".into(),
        };
        assert_eq!(
            hostile_key.to_string(),
            format!("Day {}: r", "x".repeat(39))
        );
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
        let backup = parse_backup(&export_json(&theirs)).unwrap();
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
        let backup = parse_backup(&export_json(&theirs)).unwrap();
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
        assert!(lines[0].ends_with("Water: items without data,Cramps"));
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
        assert!(lines[3].ends_with(",1"));
    }
}
