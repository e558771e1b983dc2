//! The food table arrives after the first screen (it is a file of its own):
//! what a screen shows before it, when it could not be loaded, and once it
//! is there. One test, in order, because the table, once there, stays.
#![cfg(target_arch = "wasm32")]

mod support;

use electrolyte_planner::catalog::{self, TableStatus};
use support::{clear_storage, install_table, mount_as_is, until};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn screens_wait_for_the_table_say_so_and_recover() {
    clear_storage();
    assert_eq!(catalog::status(), TableStatus::Loading);

    // The start page takes input at once; a search waits, and says so.
    let home = mount_as_is("/").await;
    home.type_into("search-input", "banana").await;
    assert_eq!(
        home.text("search-count"),
        "Loading the food table… your results follow."
    );
    assert!(home.all("search-result").is_empty());
    assert!(
        home.find("search-no-match").is_none(),
        "no “No food matches” while loading"
    );

    // A screen that needs the table says it is loading…
    let plan = mount_as_is("/plan").await;
    assert_eq!(plan.text("table-loading"), "Loading the food table…");
    assert!(plan.find("plan-bars").is_none());

    // …and why it could not be loaded (this test page names no table file),
    // on that screen and in the search, with "Try again".
    catalog::load();
    assert!(until(|| plan.find("table-failed").is_some()).await);
    assert_eq!(
        plan.text("table-failed"),
        "The food table could not be loaded: this page does not say where the food table is. \
         Your diary is safe.Try again"
    );
    assert!(home.find("table-failed").is_some());
    assert!(home.find("search-no-match").is_none());
    assert!(plan.find("table-retry").is_some());

    // Once it is there, both screens carry on where the person was.
    install_table();
    assert!(until(|| plan.find("plan-bars").is_some()).await);
    assert!(plan.find("table-failed").is_none());
    assert!(until(|| !home.all("search-result").is_empty()).await);
    assert!(home.text("search-result").starts_with("Bananas, raw"));
    assert!(home.text("search-count").contains("matching foods"));
}
