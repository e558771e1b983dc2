//! "What to eat next" in headless Chromium: closed it shows nothing, open
//! it proposes three foods sharing none for a day with a banana, a met day
//! gets "nothing to add", adding a proposal puts exactly its foods in the
//! chosen meal and Undo takes them back.
#![cfg(target_arch = "wasm32")]

mod support;

use support::{click, mount_at, remount_at, settle, until, within, Mounted};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::HtmlDetailsElement;

wasm_bindgen_test_configure!(run_in_browser);

/// Opens the panel as a tap on its summary would.
async fn open_panel(app: &Mounted) {
    let panel: HtmlDetailsElement = app.get("next-foods").unchecked_into();
    panel.set_open(true);
    panel
        .dispatch_event(&web_sys::Event::new("toggle").unwrap())
        .unwrap();
    settle().await;
}

fn ndbs(app: &Mounted) -> Vec<String> {
    app.all("proposal-food")
        .iter()
        .map(|f| f.get_attribute("data-ndb").unwrap_or_default())
        .collect()
}

#[wasm_bindgen_test]
async fn a_day_with_a_banana_gets_three_proposals_and_one_is_added_then_undone() {
    let app = mount_at("/plan").await;
    app.type_into("plan-search-input", "ban raw").await;
    click(&app.all("plan-quick-add")[0]).await;
    assert_eq!(app.all("plan-item").len(), 1);
    // Closed: nothing computed, nothing shown.
    assert!(app.all("proposal").is_empty());
    open_panel(&app).await;
    assert!(until(|| app.all("proposal").len() == 3).await);
    let shown = ndbs(&app);
    let mut distinct = shown.clone();
    distinct.sort();
    distinct.dedup();
    assert_eq!(distinct.len(), shown.len(), "{shown:?}");
    assert!(app.text("proposals-caution").contains("kidney disease"));

    // The banana went to the meal of the hour: dinner in the evening.
    let dinner_items = || {
        app.get("meal-dinner")
            .query_selector_all("[data-testid='plan-item']")
            .unwrap()
            .length() as usize
    };
    let before = dinner_items();
    app.click("plan-meal-dinner").await;
    let first = &app.all("proposal")[0];
    let foods: Vec<String> = first
        .query_selector_all("[data-testid='proposal-food']")
        .map(|list| {
            (0..list.length())
                .filter_map(|i| list.item(i))
                .filter_map(|n| n.dyn_into::<web_sys::Element>().ok())
                .map(|e| e.get_attribute("data-ndb").unwrap_or_default())
                .collect()
        })
        .unwrap();
    let add = within(first, "proposal-add");
    assert_eq!(add.text_content().unwrap(), "Add to dinner");
    click(&add).await;
    assert!(until(|| app.all("plan-item").len() == 1 + foods.len()).await);
    assert!(app.text("proposal-added").ends_with("to dinner."));
    assert_eq!(dinner_items(), before + foods.len());

    app.click("proposal-undo").await;
    assert!(until(|| app.all("plan-item").len() == 1).await);
    assert!(app.find("proposal-undo").is_none());
}

#[wasm_bindgen_test]
async fn a_met_day_gets_nothing_to_add() {
    // Lower targets than one banana holds: every minimum met.
    let app = mount_at("/targets").await;
    for (nutrient, value) in [("potassium", "100"), ("magnesium", "10"), ("calcium", "1")] {
        app.type_into(&format!("target-input-{nutrient}"), value)
            .await;
        app.click(&format!("target-set-{nutrient}")).await;
    }
    drop(app);
    let app = remount_at("/plan").await;
    app.type_into("plan-search-input", "ban raw").await;
    click(&app.all("plan-quick-add")[0]).await;
    open_panel(&app).await;
    assert!(until(|| app.find("proposals-met").is_some()).await);
    assert!(app.all("proposal").is_empty());
}
