//! Three years of daily entries (1,100 days × 20 items) on the real food
//! table: the backup and the stored diary fit the ~5 MB storage quota, and
//! they load back unchanged.
#![cfg(not(target_arch = "wasm32"))]

mod support {
    pub mod sample_diary;
}

use std::time::Instant;

use electrolyte_domain::diary::backup::{apply, csv_items, export_json, parse_backup, ImportMode};
use electrolyte_domain::diary::date::Date;
use electrolyte_domain::diary::storage::{load, save_day, save_settings, MemoryStore};
use electrolyte_domain::diary::Diary;
use electrolyte_domain::foods::food_table::sr28;

/// Browsers give a site about 5 million UTF-16 code units of localStorage.
const QUOTA: usize = 5_000_000;

#[test]
fn three_years_fit_the_quota_and_load_back() {
    let table = sr28();
    let diary = support::sample_diary::sample_diary(1_100, 20, table);
    assert_eq!(diary.len(), 1_100);
    let items: usize = diary.days().map(|(_, d)| d.plan().len()).sum();
    assert!(items >= 1_100 * 19, "{items}");

    let started = Instant::now();
    let json = export_json(&diary);
    let exported = started.elapsed();
    println!(
        "backup of 1,100 days x 20 items: {} bytes ({exported:?})",
        json.len()
    );
    assert!(json.len() < QUOTA / 2, "{}", json.len());
    let started = Instant::now();
    let backup = parse_backup(&json, table).unwrap();
    println!("backup parsed in {:?}", started.elapsed());
    let mut restored = Diary::default();
    apply(&mut restored, backup, ImportMode::Replace);
    assert_eq!(restored, diary);

    let mut store = MemoryStore::with_quota(QUOTA);
    let today = Date::parse("2026-11-29").unwrap();
    load(&mut store, today);
    for (date, day) in diary.days() {
        save_day(&mut store, date, day).unwrap();
    }
    save_settings(&mut store, diary.settings()).unwrap();
    println!(
        "localStorage used: {} of {QUOTA} UTF-16 code units",
        store.used()
    );
    assert!(store.used() < QUOTA / 2);
    let started = Instant::now();
    let report = load(&mut store, today);
    println!(
        "load from a MemoryStore (native, debug or release as built): {:?}",
        started.elapsed()
    );
    assert!(report.problems.is_empty());
    assert_eq!(report.diary, diary);
    let csv = csv_items(&diary, table);
    println!("item CSV: {} bytes", csv.len());
}
