//! The diary's browser side in headless Chromium: `localStorage` as the
//! domain's store, every plan change saved as it happens, a remount (a
//! reload) finding it back, the day picker, and unreadable stored data left
//! untouched.
#![cfg(target_arch = "wasm32")]

mod support;

use electrolyte_planner::domain::diary::storage::{day_key, KeyValueStore, StoreError};
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
