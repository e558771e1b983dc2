//! The diary's browser side in headless Chromium: `localStorage` as the
//! domain's store, every plan change saved as it happens, a remount (a
//! reload) finding it back, the day picker, and unreadable stored data left
//! untouched.
#![cfg(target_arch = "wasm32")]

mod support;

use electrolyte_planner::domain::diary::day::DayEntry;
use electrolyte_planner::domain::diary::storage::{day_key, save_day, KeyValueStore, StoreError};
use electrolyte_planner::domain::planning::plan::Meal;
use electrolyte_planner::domain::units::volume::VolumeUnit;
use electrolyte_planner::storage::{today, BrowserStore};
use support::{click, mount_at, remount_at, until};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn local_storage() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

#[wasm_bindgen_test]
fn the_browser_store_reads_writes_lists_and_reports_a_full_quota() {
    local_storage().clear().unwrap();
    let mut store = BrowserStore;
    store.set("ep.test", "one").unwrap();
    assert_eq!(store.get("ep.test").as_deref(), Some("one"));
    assert!(store.keys().contains(&"ep.test".to_owned()));
    store.remove("ep.test");
    assert_eq!(store.get("ep.test"), None);
    // Chromium allows ~5 M UTF-16 units per origin: 6 M cannot fit.
    let huge = "x".repeat(6_000_000);
    assert_eq!(store.set("ep.huge", &huge), Err(StoreError::QuotaExceeded));
    assert_eq!(store.get("ep.huge"), None, "a refused write stores nothing");
}

#[wasm_bindgen_test]
async fn a_planned_food_is_saved_at_once_and_found_after_a_remount() {
    let app = mount_at("/plan").await;
    assert_eq!(
        app.text("day-label"),
        format!("{} (today)", today().label())
    );
    app.type_into("plan-search-input", "ban raw").await;
    click(&app.all("plan-search-result")[0]).await;
    app.click("plan-add-food").await;
    let stored = local_storage().get_item(&day_key(today())).unwrap();
    assert!(
        stored.as_deref().is_some_and(|s| s.contains("\"09040\"")),
        "today's day is stored with the banana: {stored:?}"
    );
    drop(app);
    // A reload: a fresh app on the same storage.
    let app = remount_at("/plan").await;
    let found = || app.find("item-name").and_then(|e| e.text_content());
    assert!(until(|| found().as_deref() == Some("Bananas, raw")).await);
    // The previous day is empty.
    app.click("day-previous").await;
    assert!(until(|| found().is_none()).await);
}

#[wasm_bindgen_test]
async fn unreadable_stored_days_are_reported_kept_and_never_overwritten() {
    local_storage().clear().unwrap();
    let key = day_key(today());
    let damaged = "{\"v\":1,\"rev\":";
    local_storage().set_item(&key, damaged).unwrap();
    let app = remount_at("/plan").await;
    let notice = app.get("storage-notice");
    let text = notice.text_content().unwrap();
    assert!(
        text.contains(&format!("The saved day {} is damaged", today())),
        "{text}"
    );
    assert_eq!(
        local_storage().get_item(&key).unwrap().as_deref(),
        Some(damaged)
    );
    assert_eq!(
        local_storage()
            .get_item(&format!("ep.quarantine.{key}"))
            .unwrap()
            .as_deref(),
        Some(damaged)
    );
}

/// Stores `count` days before today, each with one glass of water.
fn store_past_days(count: i32) {
    local_storage().clear().unwrap();
    let mut day = DayEntry::new();
    day.plan_mut()
        .add_drink(Meal::Lunch, 1.0, VolumeUnit::Glass)
        .unwrap();
    for back in 1..=count {
        let date = today().add_days(-back).unwrap();
        save_day(&mut BrowserStore, date, &day).unwrap();
    }
}

#[wasm_bindgen_test]
async fn older_days_are_read_after_the_first_screen() {
    store_past_days(150);
    let app = remount_at("/diary").await;
    assert!(until(|| app.find("day-list-reading").is_none()).await);
    // The first page of the list, newest first, and more to show.
    let items = app.all("day-list-item");
    assert_eq!(items.len(), 60);
    assert_eq!(
        items[0].get_attribute("data-date"),
        Some(today().add_days(-1).unwrap().to_string())
    );
    assert!(app.find("day-list-more").is_some());
}

#[wasm_bindgen_test]
async fn the_backup_page_counts_every_day_at_once() {
    store_past_days(150);
    // No frame has passed, so no slice has run: the page reads them all.
    let app = remount_at("/backup").await;
    let summary = app.text("export-summary");
    assert!(summary.contains("150 days"), "{summary}");
}
