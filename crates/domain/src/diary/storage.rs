//! The diary in the browser's `localStorage`, through the
//! [`KeyValueStore`] trait so that every rule here is tested natively.
//!
//! # Storage schema, version 2
//!
//! | key                      | value                                                        |
//! |--------------------------|--------------------------------------------------------------|
//! | `ep.schema`              | `2`: the schema version of every `ep.` key                  |
//! | `ep.v1.day.YYYY-MM-DD`   | one day: `{"v":2,"rev":3,"d":{day}}`                         |
//! | `ep.v1.settings`         | targets and favourites: `{"v":2,"rev":2,"d":{settings}}`    |
//! | `ep.v2.mine`             | own foods and recipes: `{"v":2,"rev":4,"d":{mine}}`          |
//! | `ep.quarantine.<key>`    | an unreadable value of `<key>`, copied aside byte for byte  |
//!
//! Values are compact JSON. `v` is the record version, `rev` counts the
//! writes of the key (so another tab's writes can be told apart), and `d`
//! is the day in the short form of [`DayEntry`] (`{"p":plan,"c":cramps,
//! "a":activity,"n":notes}`, see [`crate::diary::day`] and
//! [`crate::planning::plan`]) or the [`Settings`] (`{"t":targets,"fav":[ndb]}`)
//! or the [`MyFoods`] (see [`crate::foods::mine`]).
//! A day with nothing recorded has no key. Keys not starting with `ep.`
//! belong to others and are never touched.
//!
//! # Never losing data
//!
//! [`load`] never panics. A value it cannot read — not JSON, truncated,
//! not ours (foreign) or written by a newer version — is left in place,
//! copied aside to `ep.quarantine.<key>` (unless a copy is already there:
//! a quarantine copy is never overwritten) and reported; its date is
//! *locked* in the diary, and [`save_day`] / [`update_day`] /
//! [`save_settings`] refuse to write over any value they cannot read. Only
//! [`discard_unreadable`], after the user has been offered the copy, removes
//! it. A schema marker from a newer version makes every write refuse.
//!
//! A write the browser refuses (quota exceeded) leaves that key as it was.
//!
//! # Two tabs
//!
//! [`update_day`] reads the day as stored now (not a copy held in memory),
//! applies the change and writes it back with `rev + 1`, so a change made
//! in another tab is kept. The other tab learns of it through the browser's
//! `storage` event and [`apply_external_change`].
//!
//! # Migrations
//!
//! Version 2 adds the own foods (`ep.v2.mine`) and the plan item kind
//! `"mine"` (a snapshot of an own food, see
//! [`crate::planning::plan::MineEntry`]); everything version 1 wrote is
//! valid version 2 as it is. So [`load`] migrates a version 1 store by
//! rewriting only the marker (`1` → `2`, [`LoadReport::migrated_from_v1`]):
//! records keep `"v":1` and are read as they are until their next write,
//! which gives them `"v":2`. A version 1 app then finds a newer marker and
//! writes nothing, so it never overwrites a day it cannot read.
//!
//! Version 0 (before the diary) kept one plan under `ep.plan` (a
//! [`DayPlan`] in its stored form) and maybe the targets under
//! `ep.targets` (a [`DailyTargets`]). [`load`] finds them when there is no
//! `ep.schema`, writes them as today's day and the settings, then the
//! marker, and only then removes the old keys; if a write fails, nothing is
//! removed and the migration runs again next time.

use std::collections::BTreeMap;
use std::fmt;

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use super::date::{Date, MAX_YEAR, MIN_YEAR};
use super::day::DayEntry;
use super::settings::Settings;
use super::Diary;
use crate::foods::mine::MyFoods;
use crate::planning::plan::DayPlan;
use crate::targets::daily_targets::DailyTargets;

/// The key of the schema marker.
pub const SCHEMA_KEY: &str = "ep.schema";

/// The schema version written and read by this code.
pub const SCHEMA_VERSION: u32 = 2;

/// The first schema version with records (`ep.v1.*`); still read.
const FIRST_RECORD_VERSION: u32 = 1;

/// Day keys are this prefix and the date: `ep.v1.day.2026-11-29`.
pub const DAY_KEY_PREFIX: &str = "ep.v1.day.";

/// The key of the settings.
pub const SETTINGS_KEY: &str = "ep.v1.settings";

/// The key of the own foods and recipes.
pub const MINE_KEY: &str = "ep.v2.mine";

/// Unreadable values are copied to this prefix and their key.
pub const QUARANTINE_PREFIX: &str = "ep.quarantine.";

/// Version 0: the one day plan of the app before the diary.
pub const V0_PLAN_KEY: &str = "ep.plan";

/// Version 0: the targets of the app before the diary.
pub const V0_TARGETS_KEY: &str = "ep.targets";

/// The key of `date`'s day.
pub fn day_key(date: Date) -> String {
    format!("{DAY_KEY_PREFIX}{date}")
}

/// Why the store refused a write.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StoreError {
    /// The browser's quota for the site is used up.
    QuotaExceeded,
    /// The browser gives this page no storage at all (turned off, or site
    /// data blocked).
    Unavailable,
    /// Any other refusal, as the browser words it.
    Other(String),
}

impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StoreError::QuotaExceeded => write!(
                f,
                "The browser's storage for this app is full, so this change was not saved. Export a backup, then remove old days to make room."
            ),
            StoreError::Unavailable => write!(
                f,
                "This browser does not let the app save anything (its storage is turned off or site data is blocked), so what you enter lasts only until this page is closed. Export a backup to keep it, or allow site data for this page."
            ),
            StoreError::Other(reason) => {
                write!(f, "The browser refused to save this change: {reason}")
            }
        }
    }
}

impl std::error::Error for StoreError {}

/// A string key-value store like `localStorage`.
pub trait KeyValueStore {
    /// The value of `key`, if any.
    fn get(&self, key: &str) -> Option<String>;
    /// Sets `key` to `value`; on an error the key keeps its old value.
    fn set(&mut self, key: &str, value: &str) -> Result<(), StoreError>;
    /// Removes `key` (nothing if absent).
    fn remove(&mut self, key: &str);
    /// Every key, in no particular order.
    fn keys(&self) -> Vec<String>;
    /// How many UTF-16 code units of keys and values the store holds at
    /// most, when it knows (browsers do not say; about 5 million).
    fn capacity(&self) -> Option<usize> {
        None
    }
}

/// A [`KeyValueStore`] in memory, with an optional quota to simulate a
/// full `localStorage`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct MemoryStore {
    entries: BTreeMap<String, String>,
    quota: Option<usize>,
}

/// The size browsers count against the quota: UTF-16 code units.
fn units(text: &str) -> usize {
    text.encode_utf16().count()
}

impl MemoryStore {
    /// An empty store without a quota.
    pub fn new() -> MemoryStore {
        MemoryStore::default()
    }

    /// An empty store holding at most `quota` UTF-16 code units of keys and
    /// values together, as browsers count `localStorage` (about 5 million).
    pub fn with_quota(quota: usize) -> MemoryStore {
        MemoryStore {
            quota: Some(quota),
            ..MemoryStore::default()
        }
    }

    /// The UTF-16 code units of every key and value.
    pub fn used(&self) -> usize {
        self.entries.iter().map(|(k, v)| units(k) + units(v)).sum()
    }
}

impl KeyValueStore for MemoryStore {
    fn get(&self, key: &str) -> Option<String> {
        self.entries.get(key).cloned()
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), StoreError> {
        if let Some(quota) = self.quota {
            let old = self.entries.get(key).map_or(0, |v| units(key) + units(v));
            if self.used() - old + units(key) + units(value) > quota {
                return Err(StoreError::QuotaExceeded);
            }
        }
        self.entries.insert(key.to_owned(), value.to_owned());
        Ok(())
    }

    fn remove(&mut self, key: &str) {
        self.entries.remove(key);
    }

    fn keys(&self) -> Vec<String> {
        self.entries.keys().cloned().collect()
    }

    fn capacity(&self) -> Option<usize> {
        self.quota
    }
}

/// What is wrong with a stored value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ProblemKind {
    /// Ours but damaged: not JSON, truncated, or values out of range.
    Corrupt,
    /// Written by a newer version of the app.
    FutureVersion,
    /// Not in any shape this app writes (or under a key it does not write).
    Foreign,
}

/// A stored value that could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StorageProblem {
    /// Its key.
    pub key: String,
    /// What is wrong.
    pub kind: ProblemKind,
    /// Its length in UTF-16 code units.
    pub raw_len: usize,
    /// The decoder's explanation, for the technically minded.
    pub detail: String,
    /// Whether a copy is kept under `ep.quarantine.<key>`.
    pub copied_aside: bool,
}

impl StorageProblem {
    /// The problem for people.
    pub fn text(&self) -> String {
        let what = match self.key.strip_prefix(DAY_KEY_PREFIX).map(Date::parse) {
            Some(Ok(date)) => format!("The saved day {date}"),
            _ if self.key == SETTINGS_KEY => "The saved targets and favourites".to_owned(),
            _ => format!("The saved data \"{}\"", self.key),
        };
        let why = match self.kind {
            ProblemKind::Corrupt => "is damaged and could not be read",
            ProblemKind::FutureVersion => "was written by a newer version of this app",
            ProblemKind::Foreign => "is not in a form this app writes",
        };
        let kept = if self.copied_aside {
            "It is kept untouched and a copy was set aside for you to download."
        } else {
            "It is kept untouched."
        };
        format!("{what} {why}. {kept}")
    }
}

/// A stored record: version, revision and data.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Record<T> {
    v: u32,
    rev: u64,
    d: T,
}

/// A value read from storage with its revision.
#[derive(Debug, Clone, PartialEq)]
pub struct Revised<T> {
    /// The value.
    pub value: T,
    /// How many times its key was written.
    pub rev: u64,
}

/// Why a stored value could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecodeProblem {
    /// What is wrong.
    pub kind: ProblemKind,
    /// The decoder's explanation.
    pub detail: String,
}

/// Reads a record of `T`, telling damaged, foreign and newer data apart.
fn decode<T: DeserializeOwned>(raw: &str) -> Result<Revised<T>, DecodeProblem> {
    match serde_json::from_str::<Record<T>>(raw) {
        Ok(record) if (FIRST_RECORD_VERSION..=SCHEMA_VERSION).contains(&record.v) => Ok(Revised {
            value: record.d,
            rev: record.rev,
        }),
        Ok(record) => Err(version_problem(u64::from(record.v))),
        Err(e) => Err(classify(raw, e.to_string())),
    }
}

fn version_problem(v: u64) -> DecodeProblem {
    if v > u64::from(SCHEMA_VERSION) {
        DecodeProblem {
            kind: ProblemKind::FutureVersion,
            detail: format!("record version {v}"),
        }
    } else {
        DecodeProblem {
            kind: ProblemKind::Corrupt,
            detail: format!("record version {v} does not exist"),
        }
    }
}

/// Why `raw` failed to decode with `detail`.
fn classify(raw: &str, detail: String) -> DecodeProblem {
    let kind = match serde_json::from_str::<serde_json::Value>(raw) {
        Err(_) => ProblemKind::Corrupt,
        Ok(serde_json::Value::Object(map)) => match map.get("v").and_then(|v| v.as_u64()) {
            Some(v) if v > u64::from(SCHEMA_VERSION) => ProblemKind::FutureVersion,
            Some(_) => ProblemKind::Corrupt,
            None => ProblemKind::Foreign,
        },
        Ok(_) => ProblemKind::Foreign,
    };
    DecodeProblem { kind, detail }
}

/// Reads a stored day value (`ep.v1.day.*`).
pub fn decode_day(raw: &str) -> Result<Revised<DayEntry>, DecodeProblem> {
    decode(raw)
}

/// Reads a stored settings value (`ep.v1.settings`).
pub fn decode_settings(raw: &str) -> Result<Revised<Settings>, DecodeProblem> {
    decode(raw)
}

/// Reads the stored own foods and recipes (`ep.v2.mine`).
pub fn decode_mine(raw: &str) -> Result<Revised<MyFoods>, DecodeProblem> {
    decode(raw)
}

fn encode<T: Serialize>(value: &T, rev: u64) -> String {
    serde_json::to_string(&Record {
        v: SCHEMA_VERSION,
        rev,
        d: value,
    })
    .expect("diary values serialise to JSON")
}

/// What [`load`] found.
#[derive(Debug, Clone, PartialEq)]
pub struct LoadReport {
    /// Every readable day and the settings; unreadable days are locked.
    pub diary: Diary,
    /// The values that could not be read, by key.
    pub problems: Vec<StorageProblem>,
    /// Whether version 0 data was moved to version 1.
    pub migrated_from_v0: bool,
    /// Whether a version 1 store was taken over as version 2 (its marker
    /// rewritten; nothing else changes).
    pub migrated_from_v1: bool,
    /// A write during loading (the marker, a migration, a quarantine copy)
    /// that the store refused; nothing was lost, it is retried next time.
    pub write_error: Option<StoreError>,
}

/// Copies `raw` of `key` aside unless a copy is already there; whether a
/// copy is there now.
fn copy_aside(store: &mut impl KeyValueStore, key: &str, raw: &str) -> Result<bool, StoreError> {
    let quarantine = format!("{QUARANTINE_PREFIX}{key}");
    if store.get(&quarantine).is_some() {
        return Ok(true);
    }
    store.set(&quarantine, raw).map(|()| true)
}

/// Reads the whole diary from `store`, migrating version 0 data to
/// `today`: [`start_load`] then every other day. Never panics; see the
/// module documentation for what happens to unreadable values.
pub fn load(store: &mut impl KeyValueStore, today: Date) -> LoadReport {
    let (mut report, mut rest) = start_load(store, today);
    rest.read_more(store, &mut report, usize::MAX);
    report
}

/// Starts reading the diary with what the first screen needs: the schema
/// marker (migrating version 0 data to `open`), the settings and the day
/// at `open`. The other days are left to the returned [`DiaryReader`], to
/// read in slices once the screen is up; until then the report's diary
/// holds only the open day. Never panics.
pub fn start_load(store: &mut impl KeyValueStore, open: Date) -> (LoadReport, DiaryReader) {
    let mut report = LoadReport::new(Diary::default());
    match store.get(SCHEMA_KEY) {
        Some(marker) if marker == SCHEMA_VERSION.to_string() => {}
        Some(marker) if marker == FIRST_RECORD_VERSION.to_string() => {
            // Version 1 data is valid version 2: only the marker changes.
            report.write(store, SCHEMA_KEY, &SCHEMA_VERSION.to_string());
            report.migrated_from_v1 = report.write_error.is_none();
        }
        Some(marker) => {
            let future = marker
                .parse::<u64>()
                .ok()
                .filter(|&v| v > u64::from(SCHEMA_VERSION));
            if let Some(v) = future {
                // Nothing is read and every write refuses: the newer app
                // owns this storage.
                report.problems.push(StorageProblem {
                    key: SCHEMA_KEY.to_owned(),
                    kind: ProblemKind::FutureVersion,
                    raw_len: units(&marker),
                    detail: format!("schema version {v}"),
                    copied_aside: false,
                });
                let nothing_to_read = DiaryReader {
                    open,
                    pending: Some(Vec::new()),
                };
                return (report, nothing_to_read);
            }
            // A damaged marker carries no data: keep a copy, write it anew.
            report.note_problem(
                store,
                SCHEMA_KEY,
                &marker,
                DecodeProblem {
                    kind: ProblemKind::Corrupt,
                    detail: "not a schema version".to_owned(),
                },
            );
            report.write(store, SCHEMA_KEY, &SCHEMA_VERSION.to_string());
        }
        None => {
            let has_v1 = store
                .keys()
                .iter()
                .any(|k| k.starts_with(DAY_KEY_PREFIX) || k == SETTINGS_KEY || k == MINE_KEY);
            if !has_v1 {
                migrate_v0(store, open, &mut report);
            }
            if report.write_error.is_none() {
                report.write(store, SCHEMA_KEY, &SCHEMA_VERSION.to_string());
                if report.migrated_from_v0 && report.write_error.is_none() {
                    store.remove(V0_PLAN_KEY);
                    store.remove(V0_TARGETS_KEY);
                }
            }
        }
    }
    if let Some(raw) = store.get(SETTINGS_KEY) {
        match decode_settings(&raw) {
            Ok(settings) => report.diary.settings = settings.value,
            Err(problem) => report.note_problem(store, SETTINGS_KEY, &raw, problem),
        }
    }
    if let Some(raw) = store.get(MINE_KEY) {
        match decode_mine(&raw) {
            Ok(mine) => report.diary.mine = mine.value,
            Err(problem) => report.note_problem(store, MINE_KEY, &raw, problem),
        }
    }
    report.read_day(store, open, &day_key(open));
    let rest = DiaryReader {
        open,
        pending: None,
    };
    (report, rest)
}

/// The days [`start_load`] left to read, newest first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DiaryReader {
    /// The day already read.
    open: Date,
    /// The keys left, oldest first (read from the end); `None` until the
    /// store's keys are listed by the first [`DiaryReader::read_more`].
    pending: Option<Vec<String>>,
}

impl DiaryReader {
    /// Whether every day has been read.
    pub fn is_done(&self) -> bool {
        self.pending.as_ref().is_some_and(Vec::is_empty)
    }

    /// Reads up to `max_days` more stored days into `report`, newest first.
    /// A day the diary already holds or has locked is skipped: the app
    /// changed it (reading what was stored) or another tab's change arrived
    /// since the start, so what it holds is newer than a read would be.
    /// Returns how many stored days were looked at.
    pub fn read_more(
        &mut self,
        store: &mut impl KeyValueStore,
        report: &mut LoadReport,
        max_days: usize,
    ) -> usize {
        let open_key = day_key(self.open);
        let pending = self.pending.get_or_insert_with(|| {
            let mut keys: Vec<String> = store
                .keys()
                .into_iter()
                .filter(|k| k.starts_with(DAY_KEY_PREFIX) && *k != open_key)
                .collect();
            keys.sort_unstable();
            keys
        });
        let mut looked_at = 0;
        while looked_at < max_days {
            let Some(key) = pending.pop() else {
                break;
            };
            looked_at += 1;
            let date_text = &key[DAY_KEY_PREFIX.len()..];
            match Date::parse(date_text) {
                Ok(date) => {
                    let diary = &report.diary;
                    if !diary.days.contains_key(&date) && !diary.is_locked(date) {
                        report.read_day(store, date, &key);
                    }
                }
                Err(e) => {
                    if let Some(raw) = store.get(&key) {
                        let problem = DecodeProblem {
                            kind: ProblemKind::Foreign,
                            detail: format!("the key's date is {e}"),
                        };
                        report.note_problem(store, &key, &raw, problem);
                    }
                }
            }
        }
        looked_at
    }
}

impl LoadReport {
    /// A report on `diary` with nothing found yet; for continuing a
    /// [`DiaryReader`] on a diary kept elsewhere.
    pub fn new(diary: Diary) -> LoadReport {
        LoadReport {
            diary,
            problems: Vec::new(),
            migrated_from_v0: false,
            migrated_from_v1: false,
            write_error: None,
        }
    }

    /// Reads the day at `date` (stored under `key`) into the diary, or
    /// locks the date when its value cannot be read.
    fn read_day(&mut self, store: &mut impl KeyValueStore, date: Date, key: &str) {
        let Some(raw) = store.get(key) else {
            return;
        };
        match decode_day(&raw) {
            Ok(day) => self.diary.put(date, day.value),
            Err(problem) => {
                self.diary.lock(date);
                self.note_problem(store, key, &raw, problem);
            }
        }
    }

    /// Records a problem with `key`, copying `raw` aside.
    fn note_problem(
        &mut self,
        store: &mut impl KeyValueStore,
        key: &str,
        raw: &str,
        problem: DecodeProblem,
    ) {
        let copied_aside = match copy_aside(store, key, raw) {
            Ok(copied) => copied,
            Err(e) => {
                self.write_error.get_or_insert(e);
                false
            }
        };
        self.problems.push(StorageProblem {
            key: key.to_owned(),
            kind: problem.kind,
            raw_len: units(raw),
            detail: problem.detail,
            copied_aside,
        });
    }

    /// Writes during loading, remembering the first refusal.
    fn write(&mut self, store: &mut impl KeyValueStore, key: &str, value: &str) {
        if let Err(e) = store.set(key, value) {
            self.write_error.get_or_insert(e);
        }
    }
}

/// Moves `ep.plan` and `ep.targets` to version 1 keys (without removing
/// them: [`load`] does once the marker is written).
fn migrate_v0(store: &mut impl KeyValueStore, today: Date, report: &mut LoadReport) {
    if let Some(raw) = store.get(V0_PLAN_KEY) {
        match serde_json::from_str::<DayPlan>(&raw) {
            Ok(plan) => {
                let day = DayEntry::with_plan(plan);
                if !day.is_empty() {
                    report.write(store, &day_key(today), &encode(&day, 1));
                }
                report.migrated_from_v0 = true;
            }
            Err(e) => {
                let problem = classify_v0(&raw, e.to_string());
                report.note_problem(store, V0_PLAN_KEY, &raw, problem);
            }
        }
    }
    if let Some(raw) = store.get(V0_TARGETS_KEY) {
        match serde_json::from_str::<DailyTargets>(&raw) {
            Ok(targets) => {
                report.write(store, SETTINGS_KEY, &encode(&Settings::new(targets), 1));
                report.migrated_from_v0 = true;
            }
            Err(e) => {
                let problem = classify_v0(&raw, e.to_string());
                report.note_problem(store, V0_TARGETS_KEY, &raw, problem);
            }
        }
    }
}

/// Version 0 values carry their own version (plans) or none (targets).
fn classify_v0(raw: &str, detail: String) -> DecodeProblem {
    let problem = classify(raw, detail);
    if problem.kind == ProblemKind::Foreign {
        DecodeProblem {
            kind: ProblemKind::Corrupt,
            ..problem
        }
    } else {
        problem
    }
}

/// Why a write was refused; the store is left as it was.
#[derive(Debug, Clone, PartialEq)]
pub enum SaveError {
    /// The day's stored value cannot be read and is not overwritten.
    LockedDay(Date),
    /// The stored settings cannot be read and are not overwritten.
    LockedSettings,
    /// The stored own foods cannot be read and are not overwritten.
    LockedMine,
    /// The storage belongs to a newer version of the app.
    NewerVersion,
    /// The store refused the write.
    Store(StoreError),
    /// The device's clock is outside the years the diary keeps (the year
    /// it says), so "today" is unknown and nothing is saved under it.
    ClockOutOfRange(i32),
}

impl fmt::Display for SaveError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SaveError::LockedDay(date) => write!(
                f,
                "The saved data for {date} could not be read, so it was not overwritten. Download it on the Backup page, then discard it to edit this day."
            ),
            SaveError::LockedSettings => write!(
                f,
                "The saved targets and favourites could not be read, so they were not overwritten. Download them on the Backup page, then discard them to save new ones."
            ),
            SaveError::LockedMine => write!(
                f,
                "Your saved foods and recipes could not be read, so they were not overwritten. Download them on the Backup page, then discard them to save new ones."
            ),
            SaveError::NewerVersion => write!(
                f,
                "This browser's diary was saved by a newer version of the app, so this version does not change it. Reload to get the newer version."
            ),
            SaveError::Store(e) => e.fmt(f),
            SaveError::ClockOutOfRange(year) => write!(
                f,
                "Not saved: this device's clock says the year is {year}, outside the years the diary keeps ({MIN_YEAR} to {MAX_YEAR}), so the app cannot tell which day is today. Set the device's date, then reload; or pick the day with the date field."
            ),
        }
    }
}

impl std::error::Error for SaveError {}

/// Whether the storage is ours to write: no marker or this version's.
fn check_schema(store: &impl KeyValueStore) -> Result<(), SaveError> {
    match store.get(SCHEMA_KEY) {
        Some(marker)
            if marker
                .parse::<u64>()
                .is_ok_and(|v| v > u64::from(SCHEMA_VERSION)) =>
        {
            Err(SaveError::NewerVersion)
        }
        _ => Ok(()),
    }
}

/// The day stored for `date` now, with its revision (0 when absent).
fn read_day(store: &impl KeyValueStore, date: Date) -> Result<Revised<DayEntry>, SaveError> {
    check_schema(store)?;
    match store.get(&day_key(date)) {
        None => Ok(Revised {
            value: DayEntry::new(),
            rev: 0,
        }),
        Some(raw) => decode_day(&raw).map_err(|_| SaveError::LockedDay(date)),
    }
}

/// Writes `day` at `date` with `rev`; an empty day removes the key.
fn write_day(
    store: &mut impl KeyValueStore,
    date: Date,
    day: &DayEntry,
    rev: u64,
) -> Result<(), SaveError> {
    let key = day_key(date);
    if day.is_empty() {
        store.remove(&key);
        Ok(())
    } else {
        store.set(&key, &encode(day, rev)).map_err(SaveError::Store)
    }
}

/// Writes `day` as `date`'s day, replacing what is stored (use
/// [`update_day`] for edits, so another tab's changes are kept). An empty
/// day removes the key. Refused, changing nothing, when the stored value
/// cannot be read or the store is full.
pub fn save_day(
    store: &mut impl KeyValueStore,
    date: Date,
    day: &DayEntry,
) -> Result<(), SaveError> {
    let stored = read_day(store, date)?;
    write_day(store, date, day, stored.rev + 1)
}

/// Why [`update_day`] changed nothing.
#[derive(Debug, Clone, PartialEq)]
pub enum UpdateError<E> {
    /// The change itself was refused.
    Change(E),
    /// The result could not be saved.
    Save(SaveError),
}

impl<E: fmt::Display> fmt::Display for UpdateError<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            UpdateError::Change(e) => e.fmt(f),
            UpdateError::Save(e) => e.fmt(f),
        }
    }
}

impl<E: fmt::Debug + fmt::Display> std::error::Error for UpdateError<E> {}

/// An accepted [`update_day`] or [`update_settings`]: what the change
/// returned, the record after it (the day, to show and to put in the diary
/// with [`Diary::set_day`]; or the settings) and whether it was saved.
#[derive(Debug, Clone, PartialEq)]
pub struct Updated<T, R = DayEntry> {
    /// What the change returned.
    pub value: T,
    /// The day (or settings) after the change.
    pub record: R,
    /// `Err` when the store refused the write (quota exceeded): the change
    /// holds on screen only, and the next update starts from it.
    pub saved: Result<(), StoreError>,
}

/// The day a screen shows for a date, as the starting point of an edit.
#[derive(Debug, Clone, Copy)]
pub struct OpenDay<'a> {
    /// What the screen shows (with its pending undo).
    pub day: &'a DayEntry,
    /// Whether it holds changes the store refused to save.
    pub unsaved: bool,
}

/// Reads `date`'s day as stored now, applies `change` and writes it back
/// with its revision bumped, so edits made by another tab in between are
/// kept. The change starts from `open` (keeping its pending undo) when that
/// is what is stored or holds unsaved changes, else from the stored day.
/// A refused change, an unreadable stored day or storage of a newer
/// version change nothing; a write the store refuses still returns the
/// changed day, with [`Updated::saved`] saying why it was not saved.
pub fn update_day<T, E>(
    store: &mut impl KeyValueStore,
    date: Date,
    open: OpenDay<'_>,
    change: impl FnOnce(&mut DayEntry) -> Result<T, E>,
) -> Result<Updated<T>, UpdateError<E>> {
    let stored = read_day(store, date).map_err(UpdateError::Save)?;
    // An emptied day is not stored, so an empty open day (with maybe the
    // undo of its last item) matches an absent one.
    let open_is_stored =
        stored.value.same_record(open.day) || (stored.rev == 0 && open.day.is_empty());
    let mut day = if open.unsaved || open_is_stored {
        open.day.clone()
    } else {
        stored.value
    };
    let value = change(&mut day).map_err(UpdateError::Change)?;
    let saved = match write_day(store, date, &day, stored.rev + 1) {
        Ok(()) => Ok(()),
        Err(SaveError::Store(e)) => Err(e),
        Err(e) => return Err(UpdateError::Save(e)),
    };
    Ok(Updated {
        value,
        record: day,
        saved,
    })
}

/// Reads the settings as stored now, applies `change` and writes them back,
/// like [`update_day`]: the change starts from `open` (what the screen
/// holds) when that is what is stored or holds unsaved changes, else from
/// the stored settings, so a change another tab saved in between is kept.
/// Unreadable stored settings or storage of a newer version change
/// nothing; a write the store refuses returns the changed settings with
/// [`Updated::saved`] saying why.
pub fn update_settings<T, E>(
    store: &mut impl KeyValueStore,
    open: &Settings,
    unsaved: bool,
    change: impl FnOnce(&mut Settings) -> Result<T, E>,
) -> Result<Updated<T, Settings>, UpdateError<E>> {
    check_schema(store).map_err(UpdateError::Save)?;
    let stored = match store.get(SETTINGS_KEY) {
        None => None,
        Some(raw) => Some(
            decode_settings(&raw)
                .map_err(|_| UpdateError::Save(SaveError::LockedSettings))?
                .value,
        ),
    };
    let mut settings = match stored {
        Some(stored) if !unsaved && stored != *open => stored,
        _ => open.clone(),
    };
    let value = change(&mut settings).map_err(UpdateError::Change)?;
    let saved = match save_settings(store, &settings) {
        Ok(()) => Ok(()),
        Err(SaveError::Store(e)) => Err(e),
        Err(e) => return Err(UpdateError::Save(e)),
    };
    Ok(Updated {
        value,
        record: settings,
        saved,
    })
}

/// Writes the settings. Refused, changing nothing, when the stored
/// settings cannot be read or the store is full.
pub fn save_settings(store: &mut impl KeyValueStore, settings: &Settings) -> Result<(), SaveError> {
    check_schema(store)?;
    let rev = match store.get(SETTINGS_KEY) {
        None => 0,
        Some(raw) => {
            decode_settings(&raw)
                .map_err(|_| SaveError::LockedSettings)?
                .rev
        }
    };
    store
        .set(SETTINGS_KEY, &encode(settings, rev + 1))
        .map_err(SaveError::Store)
}

/// The own foods as stored now, if any, and their revision (0 when absent).
fn read_mine(store: &impl KeyValueStore) -> Result<Option<Revised<MyFoods>>, SaveError> {
    check_schema(store)?;
    match store.get(MINE_KEY) {
        None => Ok(None),
        Some(raw) => decode_mine(&raw)
            .map(Some)
            .map_err(|_| SaveError::LockedMine),
    }
}

/// Writes the own foods and recipes. Refused, changing nothing, when the
/// stored ones cannot be read or the store is full.
pub fn save_mine(store: &mut impl KeyValueStore, mine: &MyFoods) -> Result<(), SaveError> {
    let rev = read_mine(store)?.map_or(0, |m| m.rev);
    store
        .set(MINE_KEY, &encode(mine, rev + 1))
        .map_err(SaveError::Store)
}

/// Reads the own foods as stored now, applies `change` and writes them
/// back, like [`update_settings`]: the change starts from `open` (what the
/// screen holds) when that is what is stored or holds unsaved changes, else
/// from the stored ones, so a food another tab added in between is kept.
/// Unreadable stored foods or storage of a newer version change nothing; a
/// write the store refuses returns the changed foods with
/// [`Updated::saved`] saying why.
pub fn update_mine<T, E>(
    store: &mut impl KeyValueStore,
    open: &MyFoods,
    unsaved: bool,
    change: impl FnOnce(&mut MyFoods) -> Result<T, E>,
) -> Result<Updated<T, MyFoods>, UpdateError<E>> {
    let stored = read_mine(store).map_err(UpdateError::Save)?;
    let mut mine = match stored {
        Some(stored) if !unsaved && stored.value != *open => stored.value,
        _ => open.clone(),
    };
    let value = change(&mut mine).map_err(UpdateError::Change)?;
    let saved = match save_mine(store, &mine) {
        Ok(()) => Ok(()),
        Err(SaveError::Store(e)) => Err(e),
        Err(e) => return Err(UpdateError::Save(e)),
    };
    Ok(Updated {
        value,
        record: mine,
        saved,
    })
}

/// "Also update the past days that use it", saved all or nothing: every
/// item planned from the own food or recipe `id` on the diary's readable
/// days is brought up to date with it as it is in `diary` now (see
/// [`DayPlan::refresh_mine`]); returns how many days changed. Refused,
/// changing nothing (in `diary` or the store), when a day cannot be
/// written.
pub fn refresh_days_using(
    store: &mut impl KeyValueStore,
    diary: &mut Diary,
    id: crate::foods::mine::MyFoodId,
    table: &crate::foods::food_table::FoodTable,
) -> Result<usize, SaveError> {
    let dates: Vec<Date> = diary.days_using(id).into_iter().map(|(d, _)| d).collect();
    let mut after = diary.clone();
    let changed = after.refresh_days_using(id, &dates, table);
    let batch = prepare_batch(store, &after, &changed, false, false)?;
    write_batch(store, &batch)?;
    *diary = after;
    Ok(changed.len())
}

/// What a `storage` event from another tab changed in the diary.
#[derive(Debug, Clone, PartialEq)]
pub enum ExternalChange {
    /// The day at this date was replaced (or emptied).
    Day(Date),
    /// The settings were replaced.
    Settings,
    /// The own foods and recipes were replaced.
    MyFoods,
    /// The new value cannot be read: the date (if any) is locked now; the
    /// app should copy it aside with [`copy_unreadable_aside`].
    Problem(StorageProblem),
    /// The key is not part of the diary.
    Ignored,
}

/// Applies another tab's write (`key` now holds `new_value`, `None` when
/// removed) to `diary`. For a `storage` event without a key (the storage
/// was cleared) load the diary again instead.
pub fn apply_external_change(
    diary: &mut Diary,
    key: &str,
    new_value: Option<&str>,
) -> ExternalChange {
    let problem = |raw: &str, p: DecodeProblem| {
        ExternalChange::Problem(StorageProblem {
            key: key.to_owned(),
            kind: p.kind,
            raw_len: units(raw),
            detail: p.detail,
            copied_aside: false,
        })
    };
    if key == SETTINGS_KEY {
        return match new_value.map(decode_settings) {
            None => {
                diary.settings = Settings::default();
                ExternalChange::Settings
            }
            Some(Ok(settings)) => {
                diary.settings = settings.value;
                ExternalChange::Settings
            }
            Some(Err(p)) => problem(new_value.unwrap_or_default(), p),
        };
    }
    if key == MINE_KEY {
        return match new_value.map(decode_mine) {
            None => {
                diary.mine = MyFoods::default();
                ExternalChange::MyFoods
            }
            Some(Ok(mine)) => {
                diary.mine = mine.value;
                ExternalChange::MyFoods
            }
            Some(Err(p)) => problem(new_value.unwrap_or_default(), p),
        };
    }
    let Some(Ok(date)) = key.strip_prefix(DAY_KEY_PREFIX).map(Date::parse) else {
        return ExternalChange::Ignored;
    };
    match new_value.map(|raw| (raw, decode_day(raw))) {
        None => diary.unlock_with(date, DayEntry::new()),
        Some((_, Ok(day))) => diary.unlock_with(date, day.value),
        Some((raw, Err(p))) => {
            diary.lock(date);
            return problem(raw, p);
        }
    }
    ExternalChange::Day(date)
}

/// Copies the current value of `key` to `ep.quarantine.<key>` unless a
/// copy is already there; whether a copy is there now (false when the key
/// is empty).
pub fn copy_unreadable_aside(
    store: &mut impl KeyValueStore,
    key: &str,
) -> Result<bool, StoreError> {
    match store.get(key) {
        Some(raw) => copy_aside(store, key, &raw),
        None => Ok(false),
    }
}

/// Every value copied aside, as (original key, raw value), to offer for
/// download.
pub fn quarantined(store: &impl KeyValueStore) -> Vec<(String, String)> {
    let mut copies: Vec<_> = store
        .keys()
        .into_iter()
        .filter_map(|k| {
            let original = k.strip_prefix(QUARANTINE_PREFIX)?.to_owned();
            Some((original, store.get(&k)?))
        })
        .collect();
    copies.sort();
    copies
}

/// Removes the unreadable value of `key` once the user has been offered
/// its copy, so the date can be edited again. Refused (changing nothing)
/// unless the quarantine copy holds exactly the value stored now; unlocks
/// the date in `diary`.
pub fn discard_unreadable(
    store: &mut impl KeyValueStore,
    diary: &mut Diary,
    key: &str,
) -> Result<(), StoreError> {
    let current = store.get(key);
    let copy = store.get(&format!("{QUARANTINE_PREFIX}{key}"));
    if current.is_some() && current != copy {
        return Err(StoreError::Other(
            "the value kept aside is not the one stored now; download and discard it first"
                .to_owned(),
        ));
    }
    store.remove(key);
    if let Some(Ok(date)) = key.strip_prefix(DAY_KEY_PREFIX).map(Date::parse) {
        diary.unlock_with(date, DayEntry::new());
    }
    Ok(())
}

/// The UTF-16 code units of every key and value in `store`, as browsers
/// count the quota.
pub fn used_units(store: &impl KeyValueStore) -> usize {
    store
        .keys()
        .iter()
        .map(|k| units(k) + store.get(k).map_or(0, |v| units(&v)))
        .sum()
}

/// One write of a batch: `key` set to `value`, or removed when `None`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PendingWrite {
    /// The key.
    pub key: String,
    /// Its new value; `None` removes it.
    pub value: Option<String>,
}

/// Writes to make all together (an import): checked against what is
/// stored, with what they add to the store.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Batch {
    writes: Vec<PendingWrite>,
    growth: i64,
    written_units: usize,
}

impl Batch {
    /// The writes, removals first.
    pub fn writes(&self) -> &[PendingWrite] {
        &self.writes
    }

    /// How many UTF-16 code units the store grows by (less than zero when
    /// it shrinks): what must be free for the batch to fit.
    pub fn growth(&self) -> i64 {
        self.growth
    }

    /// The size of everything the batch writes (keys and values, in UTF-16
    /// code units), the stored form's size.
    pub fn written_units(&self) -> usize {
        self.written_units
    }

    /// Whether there is nothing to write.
    pub fn is_empty(&self) -> bool {
        self.writes.is_empty()
    }
}

/// The writes that store `diary`'s days at `dates`, if `settings` its
/// settings and if `mine` its own foods, replacing what is stored
/// (revisions bumped). Refused, like [`save_day`], [`save_settings`] and
/// [`save_mine`], when the storage is a newer version's or a value to
/// replace cannot be read.
pub fn prepare_batch(
    store: &impl KeyValueStore,
    diary: &Diary,
    dates: &[Date],
    settings: bool,
    mine: bool,
) -> Result<Batch, SaveError> {
    check_schema(store)?;
    let mut batch = Batch::default();
    let mut sets = Vec::new();
    let mut add = |batch: &mut Batch, key: String, value: Option<String>| {
        let old = store.get(&key).map_or(0, |v| units(&key) + units(&v)) as i64;
        let new = value.as_ref().map_or(0, |v| units(&key) + units(v));
        batch.growth += new as i64 - old;
        batch.written_units += new;
        match value {
            None => batch.writes.push(PendingWrite { key, value: None }),
            Some(_) => sets.push(PendingWrite { key, value }),
        }
    };
    for &date in dates {
        let stored = read_day(store, date)?;
        let day = diary.day(date);
        let value = (!day.is_empty()).then(|| encode(day, stored.rev + 1));
        if value.is_some() || stored.rev > 0 {
            add(&mut batch, day_key(date), value);
        }
    }
    if settings {
        let rev = match store.get(SETTINGS_KEY) {
            None => 0,
            Some(raw) => {
                decode_settings(&raw)
                    .map_err(|_| SaveError::LockedSettings)?
                    .rev
            }
        };
        add(
            &mut batch,
            SETTINGS_KEY.to_owned(),
            Some(encode(diary.settings(), rev + 1)),
        );
    }
    if mine {
        let rev = read_mine(store)?.map_or(0, |m| m.rev);
        add(
            &mut batch,
            MINE_KEY.to_owned(),
            Some(encode(diary.mine(), rev + 1)),
        );
    }
    batch.writes.append(&mut sets);
    Ok(batch)
}

/// Makes every write of `batch` or none: refused before writing anything
/// when the store says it cannot hold the growth
/// ([`KeyValueStore::capacity`]); and when a write is refused anyway, what
/// was already written is put back as it was, so the store is left exactly
/// as before.
pub fn write_batch(store: &mut impl KeyValueStore, batch: &Batch) -> Result<(), SaveError> {
    check_schema(store)?;
    if let Some(capacity) = store.capacity() {
        if used_units(store) as i64 + batch.growth > capacity as i64 {
            return Err(SaveError::Store(StoreError::QuotaExceeded));
        }
    }
    let mut done: Vec<(&str, Option<String>)> = Vec::new();
    for write in &batch.writes {
        let old = store.get(&write.key);
        let result = match &write.value {
            None => {
                store.remove(&write.key);
                Ok(())
            }
            Some(value) => store.set(&write.key, value),
        };
        if let Err(e) = result {
            // Back in reverse order: each step returns to a state the
            // store held before, so it fits.
            for (key, old) in done.into_iter().rev() {
                match old {
                    Some(value) => {
                        let _ = store.set(key, &value);
                    }
                    None => store.remove(key),
                }
            }
            return Err(SaveError::Store(e));
        }
        done.push((&write.key, old));
    }
    Ok(())
}

/// A stored value this app cannot read, to list, download and put in a
/// backup as is.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct UnreadableValue {
    /// The key it belongs to (for a copy aside, the original's key).
    pub key: String,
    /// Its bytes, as stored.
    pub raw: String,
    /// Whether it is stored under [`UnreadableValue::key`] now (else it is
    /// only a copy aside: the key holds something else or nothing).
    pub stored: bool,
    /// Whether a copy of it is kept under `ep.quarantine.<key>`.
    pub copied_aside: bool,
}

impl UnreadableValue {
    /// The storage key it is stored under: its key, or its copy's.
    pub fn store_key(&self) -> String {
        if self.stored {
            self.key.clone()
        } else {
            format!("{QUARANTINE_PREFIX}{}", self.key)
        }
    }
}

/// Whether `key` (an `ep.` key, not a copy aside) holds `raw` that this
/// version cannot read.
fn unreadable_here(key: &str, raw: &str) -> bool {
    if key == SCHEMA_KEY {
        raw != SCHEMA_VERSION.to_string()
    } else if key == SETTINGS_KEY {
        decode_settings(raw).is_err()
    } else if key == MINE_KEY {
        decode_mine(raw).is_err()
    } else if let Some(date) = key.strip_prefix(DAY_KEY_PREFIX) {
        Date::parse(date).is_err() || decode_day(raw).is_err()
    } else {
        // Version 0 keys left after migration, or keys this version does
        // not write.
        true
    }
}

/// Every stored value of this app (`ep.` keys) that it cannot read: damaged
/// or foreign values, values of a newer version (with a newer schema
/// marker, every `ep.` value), and copies set aside whose original is no
/// longer stored; whether or not a copy could be set aside. Sorted by key.
/// With the diary's readable days and settings, this is everything stored.
pub fn unreadable_values(store: &impl KeyValueStore) -> Vec<UnreadableValue> {
    let newer = check_schema(store).is_err();
    let mut found = Vec::new();
    let keys = store.keys();
    for key in &keys {
        if !key.starts_with("ep.") || key.starts_with(QUARANTINE_PREFIX) {
            continue;
        }
        let Some(raw) = store.get(key) else { continue };
        if newer || unreadable_here(key, &raw) {
            let copy = store.get(&format!("{QUARANTINE_PREFIX}{key}"));
            found.push(UnreadableValue {
                key: key.clone(),
                copied_aside: copy.as_deref() == Some(raw.as_str()),
                raw,
                stored: true,
            });
        }
    }
    for key in &keys {
        let Some(original) = key.strip_prefix(QUARANTINE_PREFIX) else {
            continue;
        };
        let Some(raw) = store.get(key) else { continue };
        let listed = found
            .iter()
            .any(|v| v.stored && v.key == original && v.raw == raw);
        if !listed {
            found.push(UnreadableValue {
                key: original.to_owned(),
                raw,
                stored: false,
                copied_aside: true,
            });
        }
    }
    found.sort();
    found
}

/// The unreadable values as (storage key, bytes), for a backup's
/// `"unreadable"` section.
pub fn unreadable_pairs(store: &impl KeyValueStore) -> Vec<(String, String)> {
    unreadable_values(store)
        .into_iter()
        .map(|v| (v.store_key(), v.raw))
        .collect()
}

/// Removes `value` (listed by [`unreadable_values`], and offered to the
/// user for download) and its copy aside, unlocking its date in `diary`:
/// no copy aside is needed, so this works with the storage full. Refused,
/// changing nothing, when what is stored now is not what was offered (it
/// changed meanwhile) or the storage is a newer version's.
pub fn discard_offered(
    store: &mut impl KeyValueStore,
    diary: &mut Diary,
    value: &UnreadableValue,
) -> Result<(), SaveError> {
    check_schema(store)?;
    let copy_key = format!("{QUARANTINE_PREFIX}{}", value.key);
    let changed = || {
        SaveError::Store(StoreError::Other(
            "it changed since it was listed; look at the list again".to_owned(),
        ))
    };
    if value.stored {
        if store.get(&value.key).as_deref() != Some(value.raw.as_str()) {
            return Err(changed());
        }
        store.remove(&value.key);
        if store.get(&copy_key).as_deref() == Some(value.raw.as_str()) {
            store.remove(&copy_key);
        }
        if let Some(Ok(date)) = value.key.strip_prefix(DAY_KEY_PREFIX).map(Date::parse) {
            diary.unlock_with(date, DayEntry::new());
        }
    } else {
        if store.get(&copy_key).as_deref() != Some(value.raw.as_str()) {
            return Err(changed());
        }
        store.remove(&copy_key);
    }
    Ok(())
}

/// Every value of this app in `store` (`ep.` keys), byte for byte, as a
/// JSON object by key (sorted): "Download everything stored", which works
/// whatever state the app is in.
pub fn everything_stored(store: &impl KeyValueStore) -> String {
    let mut keys: Vec<String> = store
        .keys()
        .into_iter()
        .filter(|k| k.starts_with("ep."))
        .collect();
    keys.sort();
    let map: serde_json::Map<String, serde_json::Value> = keys
        .into_iter()
        .filter_map(|k| {
            let v = store.get(&k)?;
            Some((k, serde_json::Value::String(v)))
        })
        .collect();
    serde_json::to_string_pretty(&map).expect("strings serialise to JSON")
}

#[cfg(test)]
mod tests {
    /// A tab that has not shown the day yet.
    fn fresh() -> OpenDay<'static> {
        static EMPTY: std::sync::LazyLock<DayEntry> = std::sync::LazyLock::new(DayEntry::new);
        OpenDay {
            day: &EMPTY,
            unsaved: false,
        }
    }

    use super::super::date::date;
    use super::super::day::test_days::calf_cramp;
    use super::*;
    use crate::foods::food::NdbNumber;
    use crate::foods::nutrient::Nutrient;
    use crate::planning::plan::Meal;
    use crate::units::volume::VolumeUnit;

    fn today() -> Date {
        date("2026-11-29")
    }

    fn drinks(n: usize) -> DayEntry {
        let mut day = DayEntry::new();
        for _ in 0..n {
            day.plan_mut()
                .add_drink(Meal::Lunch, 1.0, VolumeUnit::Glass)
                .unwrap();
        }
        day
    }

    #[test]
    fn a_fresh_store_gets_the_marker_and_an_empty_diary() {
        let mut store = MemoryStore::new();
        store.set("other.app", "x").unwrap();
        let report = load(&mut store, today());
        assert!(report.diary.is_empty());
        assert!(report.problems.is_empty());
        assert!(!report.migrated_from_v0);
        assert_eq!(store.get(SCHEMA_KEY).as_deref(), Some("2"));
        assert_eq!(store.get("other.app").as_deref(), Some("x"));
    }

    #[test]
    fn days_and_settings_round_trip_with_revisions() {
        let mut store = MemoryStore::new();
        load(&mut store, today());
        let mut day = drinks(2);
        day.add_cramp(calf_cramp()).unwrap();
        save_day(&mut store, today(), &day).unwrap();
        save_day(&mut store, today(), &day).unwrap();
        let raw = store.get("ep.v1.day.2026-11-29").unwrap();
        assert!(raw.starts_with(r#"{"v":2,"rev":2,"d":{"p":"#), "{raw}");
        let mut settings = Settings::default();
        settings
            .toggle_favourite(NdbNumber::new(9040).unwrap())
            .unwrap();
        save_settings(&mut store, &settings).unwrap();
        let report = load(&mut store, today());
        assert!(report.problems.is_empty());
        assert_eq!(report.diary.day(today()), &day);
        assert_eq!(report.diary.settings(), &settings);
        // An empty day removes its key.
        save_day(&mut store, today(), &DayEntry::new()).unwrap();
        assert_eq!(store.get(&day_key(today())), None);
    }

    #[test]
    fn the_open_day_comes_first_and_the_rest_in_slices_newest_first() {
        let mut store = MemoryStore::new();
        load(&mut store, today());
        let dates: Vec<Date> = (20..=29).map(|d| date(&format!("2026-11-{d}"))).collect();
        for (n, &d) in dates.iter().enumerate() {
            save_day(&mut store, d, &drinks(n + 1)).unwrap();
        }
        let mut settings = Settings::default();
        settings
            .toggle_favourite(NdbNumber::new(9040).unwrap())
            .unwrap();
        save_settings(&mut store, &settings).unwrap();
        let full = load(&mut store, today());

        let open = date("2026-11-24");
        let (mut report, mut rest) = start_load(&mut store, open);
        assert_eq!(report.diary.len(), 1);
        assert_eq!(report.diary.day(open), full.diary.day(open));
        assert_eq!(report.diary.settings(), &settings);
        assert!(!rest.is_done());
        assert_eq!(rest.read_more(&mut store, &mut report, 3), 3);
        let read: Vec<Date> = report.diary.days().map(|(d, _)| d).collect();
        assert_eq!(
            read,
            [open, date("2026-11-27"), date("2026-11-28"), today()]
        );
        assert_eq!(rest.read_more(&mut store, &mut report, 100), 6);
        assert!(rest.is_done());
        assert_eq!(rest.read_more(&mut store, &mut report, 100), 0);
        assert_eq!(report, full);
    }

    #[test]
    fn slices_keep_what_changed_since_the_start() {
        let mut store = MemoryStore::new();
        load(&mut store, today());
        let (changed, removed, damaged) =
            (date("2026-11-26"), date("2026-11-27"), date("2026-11-28"));
        for d in [changed, removed, damaged] {
            save_day(&mut store, d, &drinks(1)).unwrap();
        }
        let (mut report, mut rest) = start_load(&mut store, today());
        // The app changes one day, another tab removes one and damages one.
        let update = update_day(
            &mut store,
            changed,
            OpenDay {
                day: &drinks(1),
                unsaved: false,
            },
            |day| day.set_notes("edited"),
        )
        .unwrap();
        report.diary.set_day(changed, update.record).unwrap();
        store.remove(&day_key(removed));
        store.set(&day_key(damaged), "{\"v\":1,").unwrap();

        rest.read_more(&mut store, &mut report, usize::MAX);
        assert_eq!(report.diary.day(changed).notes(), "edited");
        assert!(report.diary.day(removed).is_empty());
        assert!(report.diary.is_locked(damaged));
        assert_eq!(report.problems.len(), 1);
        assert_eq!(report.problems[0].key, day_key(damaged));
        assert!(report.problems[0].copied_aside);
    }

    #[test]
    fn a_newer_schema_leaves_nothing_to_read() {
        let mut store = MemoryStore::new();
        store.set(SCHEMA_KEY, "3").unwrap();
        store.set(&day_key(today()), "{}").unwrap();
        let (report, rest) = start_load(&mut store, today());
        assert!(rest.is_done());
        assert!(report.diary.is_empty());
        assert_eq!(report.problems[0].kind, ProblemKind::FutureVersion);
    }

    #[test]
    fn unreadable_values_are_kept_copied_aside_and_locked() {
        let mut store = MemoryStore::new();
        load(&mut store, today());
        let good = date("2026-11-28");
        save_day(&mut store, good, &drinks(1)).unwrap();
        let truncated = {
            let mut raw = encode(&drinks(3), 1);
            raw.truncate(raw.len() / 2);
            raw
        };
        let cases = [
            (
                "ep.v1.day.2026-11-01",
                truncated.as_str(),
                ProblemKind::Corrupt,
            ),
            (
                "ep.v1.day.2026-11-02",
                "\u{0}\u{ff}garbage",
                ProblemKind::Corrupt,
            ),
            (
                "ep.v1.day.2026-11-03",
                r#"{"hello":"world"}"#,
                ProblemKind::Foreign,
            ),
            ("ep.v1.day.2026-11-04", "[1,2,3]", ProblemKind::Foreign),
            (
                "ep.v1.day.2026-11-05",
                r#"{"v":3,"rev":1,"d":{"new":true}}"#,
                ProblemKind::FutureVersion,
            ),
            (
                "ep.v1.day.2026-11-06",
                r#"{"v":3,"rev":1,"d":{}}"#,
                ProblemKind::FutureVersion,
            ),
            (
                "ep.v1.day.2026-11-07",
                r#"{"v":1,"rev":1,"d":{"c":[{"t":"06:30","at":"calf","side":"left","sev":99}]}}"#,
                ProblemKind::Corrupt,
            ),
            (
                "ep.v1.day.2026-11-08",
                r#"{"v":0,"rev":1,"d":{}}"#,
                ProblemKind::Corrupt,
            ),
            (
                "ep.v1.day.2026-02-30",
                r#"{"v":1,"rev":1,"d":{}}"#,
                ProblemKind::Foreign,
            ),
            (SETTINGS_KEY, "{", ProblemKind::Corrupt),
        ];
        for (key, raw, _) in cases {
            store.set(key, raw).unwrap();
        }
        // An older quarantine copy is never overwritten.
        store
            .set("ep.quarantine.ep.v1.day.2026-11-02", "older copy")
            .unwrap();
        let before = store.clone();
        let report = load(&mut store, today());
        assert_eq!(report.problems.len(), cases.len());
        for (key, raw, kind) in cases {
            let p = report.problems.iter().find(|p| p.key == key).unwrap();
            assert_eq!(p.kind, kind, "{key}: {}", p.detail);
            assert_eq!(p.raw_len, raw.encode_utf16().count());
            assert!(p.copied_aside);
            assert_eq!(store.get(key).as_deref(), Some(raw), "left in place");
            let copy = store.get(&format!("{QUARANTINE_PREFIX}{key}")).unwrap();
            if key == "ep.v1.day.2026-11-02" {
                assert_eq!(copy, "older copy");
            } else {
                assert_eq!(copy, raw);
            }
        }
        // Only quarantine copies were added.
        for key in before.keys() {
            assert_eq!(store.get(&key), before.get(&key));
        }
        let diary = &report.diary;
        assert_eq!(diary.day(good), &drinks(1));
        assert_eq!(diary.len(), 1);
        assert!(diary.is_locked(date("2026-11-01")));
        assert!(diary.is_locked(date("2026-11-05")));
        assert!(!diary.is_locked(good));
        assert_eq!(diary.settings(), &Settings::default());
        // Writes over unreadable values are refused and change nothing.
        let snapshot = store.clone();
        assert_eq!(
            save_day(&mut store, date("2026-11-01"), &drinks(1)),
            Err(SaveError::LockedDay(date("2026-11-01")))
        );
        assert_eq!(
            save_day(&mut store, date("2026-11-01"), &DayEntry::new()),
            Err(SaveError::LockedDay(date("2026-11-01")))
        );
        assert_eq!(
            update_day(&mut store, date("2026-11-05"), fresh(), |_| Ok::<_, ()>(())),
            Err(UpdateError::Save(SaveError::LockedDay(date("2026-11-05"))))
        );
        assert_eq!(
            save_settings(&mut store, &Settings::default()),
            Err(SaveError::LockedSettings)
        );
        assert_eq!(store, snapshot);
        // Loading again reports the same and copies nothing new.
        let again = load(&mut store, today());
        assert_eq!(again.problems, report.problems);
        assert_eq!(store, snapshot);
        // Texts for people.
        let p = report
            .problems
            .iter()
            .find(|p| p.key == "ep.v1.day.2026-11-05")
            .unwrap();
        assert_eq!(
            p.text(),
            "The saved day 2026-11-05 was written by a newer version of this app. It is kept untouched and a copy was set aside for you to download."
        );
        assert!(quarantined(&store).len() >= cases.len());
        // Discarding after download unlocks the date.
        let mut diary = report.diary.clone();
        let key = "ep.v1.day.2026-11-01";
        discard_unreadable(&mut store, &mut diary, key).unwrap();
        assert!(!diary.is_locked(date("2026-11-01")));
        save_day(&mut store, date("2026-11-01"), &drinks(1)).unwrap();
        // ...but not when the copy aside is another value.
        assert!(discard_unreadable(&mut store, &mut diary, "ep.v1.day.2026-11-02").is_err());
        assert!(store.get("ep.v1.day.2026-11-02").is_some());
    }

    #[test]
    fn a_newer_schema_is_read_only() {
        let mut store = MemoryStore::new();
        store.set(SCHEMA_KEY, "3").unwrap();
        store.set(&day_key(today()), r#"{"v":2}"#).unwrap();
        let before = store.clone();
        let report = load(&mut store, today());
        assert_eq!(report.problems.len(), 1);
        assert_eq!(report.problems[0].kind, ProblemKind::FutureVersion);
        assert_eq!(
            save_day(&mut store, date("2020-01-01"), &drinks(1)),
            Err(SaveError::NewerVersion)
        );
        assert_eq!(
            save_settings(&mut store, &Settings::default()),
            Err(SaveError::NewerVersion)
        );
        assert_eq!(store, before);
        assert!(SaveError::NewerVersion
            .to_string()
            .contains("newer version"));
    }

    #[test]
    fn a_damaged_marker_is_copied_aside_and_rewritten() {
        let mut store = MemoryStore::new();
        store.set(SCHEMA_KEY, "one").unwrap();
        save_day(&mut store, today(), &drinks(1)).unwrap();
        let report = load(&mut store, today());
        assert_eq!(report.problems.len(), 1);
        assert_eq!(store.get(SCHEMA_KEY).as_deref(), Some("2"));
        assert_eq!(store.get("ep.quarantine.ep.schema").as_deref(), Some("one"));
        assert_eq!(report.diary.len(), 1);
    }

    #[test]
    fn quota_exceeded_leaves_the_stored_day_as_it_was() {
        let mut store = MemoryStore::with_quota(400);
        load(&mut store, today());
        save_day(&mut store, today(), &drinks(1)).unwrap();
        let before = store.clone();
        let err = save_day(&mut store, today(), &drinks(20)).unwrap_err();
        assert_eq!(err, SaveError::Store(StoreError::QuotaExceeded));
        assert!(err.to_string().contains("storage for this app is full"));
        assert_eq!(store, before);
        // An update the store refuses still returns the changed day, to
        // keep on screen, and the next update starts from it.
        let shown = drinks(1);
        let open = OpenDay {
            day: &shown,
            unsaved: false,
        };
        let full = update_day(&mut store, today(), open, |day| {
            day.set_notes("x".repeat(500))
        })
        .unwrap();
        assert_eq!(full.saved, Err(StoreError::QuotaExceeded));
        assert_eq!(full.record.notes().len(), 500);
        assert_eq!(store, before);
        let open = OpenDay {
            day: &full.record,
            unsaved: true,
        };
        let again = update_day(&mut store, today(), open, |day| {
            day.plan_mut()
                .add_drink(Meal::Lunch, 1.0, VolumeUnit::Glass)
        })
        .unwrap();
        assert_eq!(
            again.record.notes().len(),
            500,
            "the unsaved notes are kept"
        );
        assert_eq!(again.record.plan().len(), 2);
        assert_eq!(store, before);
        assert!(store.used() <= 400);
        // Removing always works, even when full.
        save_day(&mut store, today(), &DayEntry::new()).unwrap();
    }

    #[test]
    fn an_update_keeps_the_open_days_undo_unless_another_tab_changed_it() {
        let mut store = MemoryStore::new();
        load(&mut store, today());
        let added = update_day(&mut store, today(), fresh(), |day| {
            day.plan_mut()
                .add_drink(Meal::Lunch, 1.0, VolumeUnit::Glass)
        })
        .unwrap();
        let removed = update_day(
            &mut store,
            today(),
            OpenDay {
                day: &added.record,
                unsaved: false,
            },
            |day| day.plan_mut().remove(added.value),
        )
        .unwrap();
        assert!(removed.record.plan().is_empty());
        // The stored day is the open one: the undo is still there.
        let undone = update_day(
            &mut store,
            today(),
            OpenDay {
                day: &removed.record,
                unsaved: false,
            },
            |day| day.plan_mut().undo_remove(),
        )
        .unwrap();
        assert_eq!(undone.record.plan().len(), 1);
        // Another tab changed the day: the change starts from what it stored.
        let other = update_day(&mut store, today(), fresh(), |day| day.set_notes("tab B")).unwrap();
        assert_eq!(other.record.plan().len(), 1);
        let stale = update_day(
            &mut store,
            today(),
            OpenDay {
                day: &undone.record,
                unsaved: false,
            },
            |day| {
                day.plan_mut()
                    .add_drink(Meal::Dinner, 2.0, VolumeUnit::Glass)
            },
        )
        .unwrap();
        assert_eq!(stale.record.notes(), "tab B");
        assert_eq!(stale.record.plan().len(), 2);
    }

    #[test]
    fn settings_changed_in_two_tabs_keep_both_changes() {
        let mut store = MemoryStore::new();
        load(&mut store, today());
        // Both tabs start from the same settings.
        let tab_a = Settings::default();
        let tab_b = Settings::default();
        let a = update_settings(&mut store, &tab_a, false, |s| {
            s.toggle_favourite(NdbNumber::new(9040).unwrap())
        })
        .unwrap();
        assert_eq!(a.saved, Ok(()));
        // Tab B never saw A's favourite: its change starts from what is stored.
        let b = update_settings(&mut store, &tab_b, false, |s| s.set_glass_ml(330.0)).unwrap();
        assert!(b.record.is_favourite(NdbNumber::new(9040).unwrap()));
        assert_eq!(b.record.glass_ml(), 330);
        let stored = decode_settings(&store.get(SETTINGS_KEY).unwrap()).unwrap();
        assert_eq!(stored.value, b.record);
        assert_eq!(stored.rev, 2);
    }

    #[test]
    fn settings_updates_refuse_unreadable_settings_and_report_a_full_store() {
        let mut store = MemoryStore::new();
        load(&mut store, today());
        store.set(SETTINGS_KEY, "{damaged").unwrap();
        let refused = update_settings(&mut store, &Settings::default(), false, |s| {
            s.set_glass_ml(330.0)
        });
        assert_eq!(refused, Err(UpdateError::Save(SaveError::LockedSettings)));
        assert_eq!(store.get(SETTINGS_KEY).as_deref(), Some("{damaged"));
        // A refused change writes nothing.
        let mut store = MemoryStore::new();
        load(&mut store, today());
        let bad = update_settings(&mut store, &Settings::default(), false, |s| {
            s.set_glass_ml(5.0)
        });
        assert!(matches!(bad, Err(UpdateError::Change(_))));
        assert_eq!(store.get(SETTINGS_KEY), None);
        // A full store keeps the change on screen, unsaved, and the next
        // change starts from it.
        let mut full = MemoryStore::with_quota(store.used() + 10);
        load(&mut full, today());
        let kept = update_settings(&mut full, &Settings::default(), false, |s| {
            s.set_glass_ml(330.0)
        })
        .unwrap();
        assert!(kept.saved.is_err());
        assert_eq!(kept.record.glass_ml(), 330);
        let next = update_settings(&mut full, &kept.record, true, |s| {
            s.toggle_favourite(NdbNumber::new(9040).unwrap())
        })
        .unwrap();
        assert_eq!(next.record.glass_ml(), 330);
    }

    #[test]
    fn two_tabs_never_overwrite_each_other() {
        let mut store = MemoryStore::new();
        let mut tab_a = load(&mut store, today()).diary;
        let mut tab_b = load(&mut store, today()).diary;
        // Tab A adds a drink.
        let a = update_day(&mut store, today(), fresh(), |day| {
            day.plan_mut()
                .add_drink(Meal::Lunch, 1.0, VolumeUnit::Glass)
        })
        .unwrap();
        tab_a.set_day(today(), a.record).unwrap();
        // Tab B, whose copy is stale, logs a cramp: A's drink is kept.
        let b = update_day(&mut store, today(), fresh(), |day| {
            day.add_cramp(calf_cramp())
        })
        .unwrap();
        assert_eq!(b.record.plan().len(), 1);
        assert_eq!(b.record.cramps().len(), 1);
        tab_b.set_day(today(), b.record.clone()).unwrap();
        // Tab B adds a drink too: its id follows A's.
        let b2 = update_day(&mut store, today(), fresh(), |day| {
            day.plan_mut()
                .add_drink(Meal::Lunch, 2.0, VolumeUnit::Glass)
        })
        .unwrap();
        assert_eq!(b2.value.value(), 1);
        // A hears of it through the storage event.
        let key = day_key(today());
        let raw = store.get(&key).unwrap();
        assert_eq!(
            apply_external_change(&mut tab_a, &key, Some(&raw)),
            ExternalChange::Day(today())
        );
        assert_eq!(tab_a.day(today()), &b2.record);
        assert_eq!(decode_day(&raw).unwrap().rev, 3);
        // A refused change writes nothing.
        let before = store.clone();
        assert_eq!(
            update_day(&mut store, today(), fresh(), |day| day
                .set_notes("x".repeat(5_000))),
            Err(UpdateError::Change(
                crate::diary::day::EntryError::NotesTooLong
            ))
        );
        assert_eq!(store, before);
        // Removal, settings, unreadable values and foreign keys.
        assert_eq!(
            apply_external_change(&mut tab_a, &key, None),
            ExternalChange::Day(today())
        );
        assert!(tab_a.day(today()).is_empty());
        let mut settings = Settings::default();
        let mut targets = settings.targets().clone();
        targets.set_override(Nutrient::Sodium, 1_500.0).unwrap();
        settings.set_targets(targets);
        save_settings(&mut store, &settings).unwrap();
        let raw = store.get(SETTINGS_KEY).unwrap();
        assert_eq!(
            apply_external_change(&mut tab_a, SETTINGS_KEY, Some(&raw)),
            ExternalChange::Settings
        );
        assert_eq!(tab_a.settings(), &settings);
        match apply_external_change(&mut tab_a, &key, Some("{oops")) {
            ExternalChange::Problem(p) => assert_eq!(p.kind, ProblemKind::Corrupt),
            other => panic!("{other:?}"),
        }
        assert!(tab_a.is_locked(today()));
        store.set(&key, "{oops").unwrap();
        assert_eq!(copy_unreadable_aside(&mut store, &key), Ok(true));
        assert_eq!(
            apply_external_change(&mut tab_a, "someone.else", Some("1")),
            ExternalChange::Ignored
        );
        assert!(matches!(
            apply_external_change(&mut tab_a, SETTINGS_KEY, Some("[]")),
            ExternalChange::Problem(_)
        ));
        assert_eq!(
            apply_external_change(&mut tab_a, SETTINGS_KEY, None),
            ExternalChange::Settings
        );
        assert_eq!(tab_a.settings(), &Settings::default());
    }

    #[test]
    fn version_0_data_moves_to_today() {
        let mut store = MemoryStore::new();
        let plan = drinks(2).plan().clone();
        store
            .set(V0_PLAN_KEY, &serde_json::to_string(&plan).unwrap())
            .unwrap();
        let mut targets = Settings::default().targets().clone();
        targets.set_override(Nutrient::Potassium, 3_500.0).unwrap();
        store
            .set(V0_TARGETS_KEY, &serde_json::to_string(&targets).unwrap())
            .unwrap();
        let report = load(&mut store, today());
        assert!(report.migrated_from_v0);
        assert!(report.problems.is_empty());
        assert_eq!(report.diary.day(today()).plan(), &plan);
        assert_eq!(report.diary.settings().targets(), &targets);
        assert_eq!(store.get(V0_PLAN_KEY), None);
        assert_eq!(store.get(V0_TARGETS_KEY), None);
        assert_eq!(store.get(SCHEMA_KEY).as_deref(), Some("2"));
        // The next load reads version 1 only.
        let again = load(&mut store, date("2026-12-01"));
        assert!(!again.migrated_from_v0);
        assert_eq!(again.diary, report.diary);
    }

    #[test]
    fn a_failed_migration_keeps_version_0_for_next_time() {
        let plan = drinks(5).plan().clone();
        let raw = serde_json::to_string(&plan).unwrap();
        let mut store = MemoryStore::with_quota(raw.len() + 60);
        store.set(V0_PLAN_KEY, &raw).unwrap();
        let report = load(&mut store, today());
        assert_eq!(report.write_error, Some(StoreError::QuotaExceeded));
        assert_eq!(store.get(V0_PLAN_KEY).as_deref(), Some(raw.as_str()));
        assert_eq!(store.get(SCHEMA_KEY), None);
        // With room, the next load migrates.
        let mut roomy = MemoryStore::new();
        roomy.set(V0_PLAN_KEY, &raw).unwrap();
        assert!(load(&mut roomy, today()).migrated_from_v0);
    }

    #[test]
    fn unreadable_version_0_data_is_kept_aside() {
        let mut store = MemoryStore::new();
        store.set(V0_PLAN_KEY, r#"{"v":1,"next_id":0,"lunch":[{"kind":"drink","id":0,"amount":-1,"unit":"glass"}]}"#).unwrap();
        store
            .set(
                V0_TARGETS_KEY,
                r#"{"profile":{"age_years":900,"sex":"female"}}"#,
            )
            .unwrap();
        let report = load(&mut store, today());
        assert_eq!(report.problems.len(), 2);
        assert!(report
            .problems
            .iter()
            .all(|p| p.kind == ProblemKind::Corrupt && p.copied_aside));
        assert!(store.get(V0_PLAN_KEY).is_some());
        assert!(store.get("ep.quarantine.ep.plan").is_some());
        assert!(store.get("ep.quarantine.ep.targets").is_some());
        assert!(report.diary.is_empty());
    }

    /// A store without a known capacity that refuses writes past a quota,
    /// like a browser.
    struct Browserish(MemoryStore, usize);

    impl KeyValueStore for Browserish {
        fn get(&self, key: &str) -> Option<String> {
            self.0.get(key)
        }
        fn set(&mut self, key: &str, value: &str) -> Result<(), StoreError> {
            let old = self.0.get(key).map_or(0, |v| units(key) + units(&v));
            if self.0.used() - old + units(key) + units(value) > self.1 {
                return Err(StoreError::QuotaExceeded);
            }
            self.0.set(key, value)
        }
        fn remove(&mut self, key: &str) {
            self.0.remove(key)
        }
        fn keys(&self) -> Vec<String> {
            self.0.keys()
        }
    }

    fn diary_of(days: &[(Date, DayEntry)]) -> Diary {
        let mut diary = Diary::default();
        for (date, day) in days {
            diary.set_day(*date, day.clone()).unwrap();
        }
        diary
    }

    #[test]
    fn a_batch_knows_its_size_and_what_it_adds() {
        let mut store = MemoryStore::new();
        load(&mut store, today());
        let (a, b) = (date("2026-11-01"), date("2026-11-02"));
        save_day(&mut store, a, &drinks(3)).unwrap();
        let diary = diary_of(&[(b, drinks(2))]);
        let batch = prepare_batch(&store, &diary, &[a, b], true, false).unwrap();
        // a is removed (first), b and the settings written.
        assert_eq!(batch.writes()[0].value, None);
        assert_eq!(batch.writes().len(), 3);
        let before = store.used() as i64;
        write_batch(&mut store, &batch).unwrap();
        assert_eq!(store.used() as i64 - before, batch.growth());
        let written: usize = [day_key(b), SETTINGS_KEY.to_owned()]
            .iter()
            .map(|k| units(k) + units(&store.get(k).unwrap()))
            .sum();
        assert_eq!(batch.written_units(), written);
        assert_eq!(load(&mut store, today()).diary.day(b), &drinks(2));
        assert_eq!(decode_day(&store.get(&day_key(b)).unwrap()).unwrap().rev, 1);
    }

    #[test]
    fn a_batch_that_does_not_fit_writes_nothing() {
        // The store knows its capacity: refused before any write.
        let mut store = MemoryStore::with_quota(2_000);
        load(&mut store, today());
        let dates: Vec<Date> = (1..=20).map(|d| date(&format!("2026-11-{d:02}"))).collect();
        let diary = diary_of(&dates.iter().map(|&d| (d, drinks(3))).collect::<Vec<_>>());
        let batch = prepare_batch(&store, &diary, &dates, false, false).unwrap();
        assert!(batch.growth() > 2_000);
        let before = store.clone();
        assert_eq!(
            write_batch(&mut store, &batch),
            Err(SaveError::Store(StoreError::QuotaExceeded))
        );
        assert_eq!(store, before);
        // The store does not know (a browser): the writes that went in are
        // put back when one is refused, removals included.
        let mut browser = Browserish(MemoryStore::new(), 2_500);
        load(&mut browser, today());
        save_day(&mut browser, dates[0], &drinks(5)).unwrap();
        save_day(&mut browser, dates[1], &drinks(1)).unwrap();
        let mut diary = diary;
        diary.set_day(dates[0], DayEntry::new()).unwrap();
        let batch = prepare_batch(&browser, &diary, &dates, true, false).unwrap();
        let before = browser.0.clone();
        assert_eq!(
            write_batch(&mut browser, &batch),
            Err(SaveError::Store(StoreError::QuotaExceeded))
        );
        assert_eq!(browser.0, before, "all or nothing");
        // With room it all goes in.
        let mut roomy = Browserish(before.clone(), 100_000);
        write_batch(&mut roomy, &batch).unwrap();
        assert_eq!(load(&mut roomy, today()).diary.len(), 19);
    }

    #[test]
    fn a_batch_never_writes_over_unreadable_values_or_a_newer_schema() {
        let mut store = MemoryStore::new();
        load(&mut store, today());
        let d = date("2026-11-01");
        store.set(&day_key(d), "{oops").unwrap();
        let diary = diary_of(&[(d, drinks(1))]);
        assert_eq!(
            prepare_batch(&store, &diary, &[d], false, false),
            Err(SaveError::LockedDay(d))
        );
        store.set(SETTINGS_KEY, "[]").unwrap();
        assert_eq!(
            prepare_batch(&store, &diary, &[], true, false),
            Err(SaveError::LockedSettings)
        );
        store.set(SCHEMA_KEY, "3").unwrap();
        assert_eq!(
            prepare_batch(&store, &diary, &[], false, false),
            Err(SaveError::NewerVersion)
        );
    }

    #[test]
    fn every_unreadable_value_is_listed_even_without_a_copy_aside() {
        // A damaged day with the storage full: no copy could be set aside.
        let mut store = MemoryStore::with_quota(300);
        load(&mut store, today());
        save_day(&mut store, today(), &drinks(1)).unwrap();
        let damaged = day_key(date("2026-11-01"));
        store.set(&damaged, &"{".repeat(100)).unwrap();
        let report = load(&mut store, today());
        assert!(!report.problems[0].copied_aside);
        assert!(quarantined(&store).is_empty());
        let listed = unreadable_values(&store);
        assert_eq!(
            listed,
            [UnreadableValue {
                key: damaged.clone(),
                raw: "{".repeat(100),
                stored: true,
                copied_aside: false,
            }]
        );
        // It can be discarded once offered, without a copy.
        let mut diary = report.diary;
        assert!(diary.is_locked(date("2026-11-01")));
        let mut offered = listed[0].clone();
        offered.raw.push('x');
        assert!(discard_offered(&mut store, &mut diary, &offered).is_err());
        discard_offered(&mut store, &mut diary, &listed[0]).unwrap();
        assert!(!diary.is_locked(date("2026-11-01")));
        assert_eq!(store.get(&damaged), None);
        assert!(unreadable_values(&store).is_empty());
    }

    #[test]
    fn a_newer_schema_makes_every_value_unreadable_here() {
        let mut store = MemoryStore::new();
        load(&mut store, today());
        save_day(&mut store, today(), &drinks(1)).unwrap();
        store.set(SCHEMA_KEY, "3").unwrap();
        store.set("other.app", "x").unwrap();
        let report = load(&mut store, today());
        assert!(report.diary.is_empty());
        let pairs = unreadable_pairs(&store);
        let keys: Vec<&str> = pairs.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(keys, [SCHEMA_KEY, "ep.v1.day.2026-11-29"]);
        assert_eq!(pairs[1].1, store.get("ep.v1.day.2026-11-29").unwrap());
        let mut diary = report.diary;
        let listed = unreadable_values(&store);
        assert_eq!(
            discard_offered(&mut store, &mut diary, &listed[0]),
            Err(SaveError::NewerVersion)
        );
    }

    #[test]
    fn copies_aside_of_values_gone_or_readable_are_listed_under_their_copy() {
        let mut store = MemoryStore::new();
        load(&mut store, today());
        let key = day_key(today());
        store.set(&key, "{oops").unwrap();
        load(&mut store, today());
        // Listed once, as stored and copied aside.
        let listed = unreadable_values(&store);
        assert_eq!(listed.len(), 1);
        assert!(listed[0].stored && listed[0].copied_aside);
        // The day is fixed by hand: the copy alone is listed.
        store.remove(&key);
        save_day(&mut store, today(), &drinks(1)).unwrap();
        let listed = unreadable_values(&store);
        assert_eq!(listed.len(), 1);
        assert!(!listed[0].stored);
        assert_eq!(listed[0].store_key(), format!("ep.quarantine.{key}"));
        assert_eq!(unreadable_pairs(&store)[0].1, "{oops");
    }

    #[test]
    fn everything_stored_is_every_value_of_the_app_verbatim() {
        let mut store = MemoryStore::new();
        load(&mut store, today());
        save_day(&mut store, today(), &drinks(1)).unwrap();
        store
            .set("ep.v1.day.2026-11-01", "{oops \"quoted\"")
            .unwrap();
        store.set("other.app", "not ours").unwrap();
        let all: BTreeMap<String, String> =
            serde_json::from_str(&everything_stored(&store)).unwrap();
        assert_eq!(all.len(), 3);
        for (k, v) in &all {
            assert_eq!(store.get(k).as_ref(), Some(v));
        }
        assert!(!all.contains_key("other.app"));
    }
}

/// Schema version 2: the migration from version 1 on stores written by
/// version 1, and the own foods' key.
#[cfg(test)]
mod v2_tests {
    use super::super::backup::{csv_items, export_json, parse_backup};
    use super::super::date::date;
    use super::*;
    use crate::foods::custom::CustomFoodDraft;
    use crate::foods::mine::MyUnit;
    use crate::foods::nutrient::Nutrient;
    use crate::planning::plan::test_table::table;
    use crate::planning::plan::Meal;

    /// The store version 1 (f5c9df5) wrote: every item kind, cramps,
    /// activity, notes, settings.
    fn v1_store() -> MemoryStore {
        let fixture: BTreeMap<String, String> =
            serde_json::from_str(include_str!("../../tests/fixtures/v1/store.json")).unwrap();
        let mut store = MemoryStore::new();
        for (k, v) in &fixture {
            store.set(k, v).unwrap();
        }
        store
    }

    #[test]
    fn a_version_1_store_loads_unchanged_and_only_its_marker_moves() {
        let mut store = v1_store();
        let before = store.clone();
        let report = load(&mut store, date("2026-11-30"));
        assert!(report.problems.is_empty(), "{:?}", report.problems);
        assert!(report.migrated_from_v1);
        assert_eq!(report.diary.len(), 3);
        assert_eq!(store.get(SCHEMA_KEY).as_deref(), Some("2"));
        for key in before.keys().into_iter().filter(|k| k != SCHEMA_KEY) {
            assert_eq!(store.get(&key), before.get(&key), "{key} untouched");
        }
        // Every day reads as version 1 wrote it: same stored form back.
        for (d, day) in report.diary.days() {
            let raw = before.get(&day_key(d)).unwrap();
            let stored: serde_json::Value = serde_json::from_str(&raw).unwrap();
            assert_eq!(serde_json::to_value(day).unwrap(), stored["d"], "{d}");
        }
        assert_eq!(report.diary.settings().glass_ml(), 300);
        assert_eq!(report.diary.settings().favourites().len(), 2);
        // The CSV version 1 exported is the same now.
        assert_eq!(
            csv_items(&report.diary, &table()),
            include_str!("../../tests/fixtures/v1/items.csv")
        );
        // Loading again migrates nothing more; a save writes version 2.
        let again = load(&mut store, date("2026-11-30"));
        assert!(!again.migrated_from_v1);
        assert_eq!(again.diary, report.diary);
        let d = date("2026-11-29");
        save_day(&mut store, d, report.diary.day(d)).unwrap();
        assert!(store
            .get(&day_key(d))
            .unwrap()
            .starts_with(r#"{"v":2,"rev":2,"#));
        assert_eq!(load(&mut store, d).diary, report.diary);
    }

    #[test]
    fn a_version_1_backup_imports_unchanged() {
        let mut store = v1_store();
        let diary = load(&mut store, date("2026-11-30")).diary;
        let backup = parse_backup(
            include_str!("../../tests/fixtures/v1/backup.json"),
            &table(),
        )
        .unwrap();
        assert_eq!(backup.days, diary.days);
        assert_eq!(&backup.settings, diary.settings());
        assert!(backup.mine.is_empty());
    }

    #[test]
    fn own_foods_are_stored_read_back_and_exported() {
        let t = table();
        let mut store = MemoryStore::new();
        let mut diary = load(&mut store, date("2026-11-30")).diary;
        let hostile = "<img src=x onerror=alert(1)>, \"yogurt\"";
        let draft = CustomFoodDraft::new(hostile).with(Nutrient::Sodium, 480.0);
        let updated = update_mine(&mut store, diary.mine(), false, |m| m.add_food(&draft)).unwrap();
        let id = updated.value;
        assert_eq!(updated.saved, Ok(()));
        *diary.mine_mut() = updated.record;
        let mut day = DayEntry::new();
        let e = diary.mine().snapshot(id, 100.0, MyUnit::Grams, &t).unwrap();
        day.plan_mut().add_mine(Meal::Lunch, e).unwrap();
        save_day(&mut store, date("2026-11-30"), &day).unwrap();
        diary.set_day(date("2026-11-30"), day).unwrap();
        let read = load(&mut store, date("2026-11-30"));
        assert!(read.problems.is_empty());
        assert_eq!(read.diary, diary);
        assert_eq!(read.diary.mine().name(id).as_deref(), Some(hostile));
        // The backup holds them; a fresh diary gets everything back.
        let json = export_json(&diary);
        let backup = parse_backup(&json, &t).unwrap();
        assert_eq!(&backup.mine, diary.mine());
        let csv = csv_items(&diary, &t);
        assert!(
            csv.contains("2026-11-30,Lunch,\"<img src=x onerror=alert(1)>, \"\"yogurt\"\"\",100 g,100,,,,480"),
            "{csv}"
        );
        // Another tab's change arrives.
        let mut other = Diary::default();
        let raw = store.get(MINE_KEY).unwrap();
        assert_eq!(
            apply_external_change(&mut other, MINE_KEY, Some(&raw)),
            ExternalChange::MyFoods
        );
        assert_eq!(other.mine(), diary.mine());
    }

    #[test]
    fn unreadable_own_foods_are_kept_reported_and_never_overwritten() {
        let mut store = MemoryStore::new();
        store.set(SCHEMA_KEY, "2").unwrap();
        store
            .set(MINE_KEY, r#"{"v":2,"rev":1,"d":{"next":0,"foods":[{"id":5"#)
            .unwrap();
        let report = load(&mut store, date("2026-11-30"));
        assert_eq!(report.problems.len(), 1);
        assert_eq!(report.problems[0].key, MINE_KEY);
        assert!(report.problems[0].copied_aside);
        assert!(report.diary.mine().is_empty());
        let raw = store.get(MINE_KEY).unwrap();
        assert_eq!(
            save_mine(&mut store, report.diary.mine()),
            Err(SaveError::LockedMine)
        );
        assert!(matches!(
            update_mine(&mut store, report.diary.mine(), false, |m| m
                .add_food(&CustomFoodDraft::new("Bread"))),
            Err(UpdateError::Save(SaveError::LockedMine))
        ));
        assert_eq!(store.get(MINE_KEY), Some(raw.clone()));
        assert_eq!(
            store.get(&format!("{QUARANTINE_PREFIX}{MINE_KEY}")),
            Some(raw)
        );
        assert_eq!(unreadable_values(&store).len(), 1);
    }

    #[test]
    fn updating_the_past_days_is_explicit_and_counted() {
        let t = table();
        let mut store = MemoryStore::new();
        let mut diary = load(&mut store, date("2026-11-30")).diary;
        let draft = CustomFoodDraft::new("Rye bread").with(Nutrient::Potassium, 200.0);
        let id = diary.mine_mut().add_food(&draft).unwrap();
        save_mine(&mut store, diary.mine()).unwrap();
        for d in ["2026-11-27", "2026-11-28", "2026-11-29"] {
            let mut day = DayEntry::new();
            let e = diary.mine().snapshot(id, 50.0, MyUnit::Grams, &t).unwrap();
            day.plan_mut().add_mine(Meal::Breakfast, e).unwrap();
            save_day(&mut store, date(d), &day).unwrap();
            diary.set_day(date(d), day).unwrap();
        }
        let k = |diary: &Diary, d: &str| {
            DayTotals::compute(diary.day(date(d)).plan(), &t, WaterCounting::default())
                .day()
                .get(Nutrient::Potassium)
                .known
        };
        diary
            .mine_mut()
            .edit_food(
                id,
                &CustomFoodDraft::new("Rye bread").with(Nutrient::Potassium, 300.0),
            )
            .unwrap();
        save_mine(&mut store, diary.mine()).unwrap();
        assert_eq!(k(&diary, "2026-11-28"), 100.0, "past days unchanged");
        assert_eq!(diary.days_using(id).len(), 3);
        assert_eq!(refresh_days_using(&mut store, &mut diary, id, &t), Ok(3));
        assert_eq!(k(&diary, "2026-11-28"), 150.0);
        assert_eq!(load(&mut store, date("2026-11-30")).diary, diary);
        assert_eq!(refresh_days_using(&mut store, &mut diary, id, &t), Ok(0));
    }

    #[test]
    fn importing_merges_own_foods_by_content_and_repoints_the_days() {
        use super::super::backup::{apply, plan_import, ImportMode};
        let t = table();
        let bread = CustomFoodDraft::new("Rye bread").with(Nutrient::Potassium, 200.0);
        let other_bread = CustomFoodDraft::new("Rye bread").with(Nutrient::Potassium, 250.0);
        // Theirs: another bread first, then the same bread, planned on a day.
        let mut theirs = Diary::default();
        theirs.mine_mut().add_food(&other_bread).unwrap();
        let their_id = theirs.mine_mut().add_food(&bread).unwrap();
        let mut day = DayEntry::new();
        let e = theirs
            .mine()
            .snapshot(their_id, 50.0, MyUnit::Grams, &t)
            .unwrap();
        day.plan_mut().add_mine(Meal::Breakfast, e).unwrap();
        theirs.set_day(date("2026-11-20"), day).unwrap();
        let backup = parse_backup(&export_json(&theirs), &t).unwrap();
        // Ours: the same bread under another id.
        let mut store = MemoryStore::new();
        let mut ours = load(&mut store, date("2026-11-30")).diary;
        let our_id = ours.mine_mut().add_food(&bread).unwrap();
        save_mine(&mut store, ours.mine()).unwrap();
        let planned = plan_import(&store, &ours, &backup, ImportMode::Merge).unwrap();
        assert!(planned.outcome.mine_changed);
        write_batch(&mut store, &planned.batch).unwrap();
        let after = load(&mut store, date("2026-11-30")).diary;
        assert_eq!(after, planned.diary);
        assert_eq!(
            after.mine().len(),
            2,
            "same content once, the namesake as a second"
        );
        assert_eq!(after.days_using(our_id), vec![(date("2026-11-20"), 1)]);
        // Merging again changes nothing.
        let mut again = after.clone();
        let outcome = apply(&mut again, backup, ImportMode::Merge);
        assert!(!outcome.mine_changed);
        assert_eq!(again, after);
    }

    use crate::planning::totals::{DayTotals, WaterCounting};
}
