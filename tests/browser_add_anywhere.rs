//! "Add from anywhere" in headless Chromium: a home search result and a
//! row of the richest-foods list each add the food's default portion to
//! the open day in one tap, and the richest-foods list opens on the mineral
//! the day is shortest of, per typical portion.
//!
//! Bananas, raw (09040) per 100 g: K 358, Mg 27, Ca 5 mg; default portion
//! 1 medium, 118 g. The default profile (a woman of 40): K 2,600 mg,
//! Mg 320 mg, Ca 1,000 mg. A banana is 16 % of K, 10 % of Mg, 0.6 % of Ca.
#![cfg(target_arch = "wasm32")]

mod support;

use support::{click, go_to, mount_at, until, within, Mounted};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlSelectElement};

wasm_bindgen_test_configure!(run_in_browser);

fn attr(element: &Element, name: &str) -> String {
    element.get_attribute(name).unwrap_or_default()
}

fn select_value(app: &Mounted, test_id: &str) -> String {
    app.get(test_id)
        .unchecked_into::<HtmlSelectElement>()
        .value()
}

/// The "+ Add" of the food `ndb` among the elements `test_id`.
fn quick_add(app: &Mounted, test_id: &str, ndb: &str) -> Element {
    app.all(test_id)
        .into_iter()
        .find(|b| attr(b, "data-ndb") == ndb)
        .unwrap_or_else(|| panic!("no {test_id} for {ndb}"))
}

/// Adds a banana from the home search, in one tap.
async fn add_banana_from_search(app: &Mounted) {
    app.type_into("search-input", "ban raw").await;
    click(&quick_add(app, "search-quick-add", "09040")).await;
}

#[wasm_bindgen_test]
async fn a_search_result_adds_its_default_portion_in_one_tap() {
    let app = mount_at("/").await;
    app.type_into("search-input", "ban raw").await;
    let add = quick_add(&app, "search-quick-add", "09040");
    let row = add.closest("li").unwrap().unwrap();
    // The row says what "+ Add" adds, and the link still opens the food.
    let portion = within(&row, "result-portion").text_content().unwrap();
    assert!(portion.starts_with("1 medium ("), "{portion}");
    assert!(portion.ends_with("), 118 g"), "{portion}");
    assert_eq!(
        within(&row, "result-name").text_content().unwrap(),
        "Bananas, raw"
    );
    assert_eq!(
        attr(&within(&row, "search-result-link"), "href"),
        "/food/09040"
    );
    assert!(app.text("search-add-status").is_empty());
    assert_eq!(
        app.get("search-add-status")
            .get_attribute("role")
            .as_deref(),
        Some("status")
    );

    click(&add).await;
    let status = app.text("search-add-status");
    assert!(status.starts_with("Added 1 medium ("), "{status}");
    assert!(status.contains("118 g of Bananas, raw to "), "{status}");
    assert!(status.ends_with(". See the day plan"), "{status}");
    assert_eq!(attr(&app.get("search-add-status-link"), "href"), "/plan");
    // The results stay, for the next food.
    assert!(!app.all("search-result").is_empty());

    go_to("/plan").await;
    assert!(until(|| app.find("item-name").is_some()).await);
    assert_eq!(app.text("item-name"), "Bananas, raw");
    let k: f64 = attr(&app.get("progress-potassium"), "aria-valuenow")
        .parse()
        .unwrap();
    assert!((k - 358.0 * 1.18).abs() < 0.01, "{k}");
}

#[wasm_bindgen_test]
async fn a_new_search_clears_the_last_add_message() {
    let app = mount_at("/").await;
    add_banana_from_search(&app).await;
    assert!(!app.text("search-add-status").is_empty());
    app.type_into("search-input", "almonds").await;
    assert!(app.text("search-add-status").is_empty());
}

#[wasm_bindgen_test]
async fn the_rich_list_opens_on_the_days_shortest_mineral_per_portion() {
    let app = mount_at("/").await;
    add_banana_from_search(&app).await;
    go_to("/rich").await;
    assert!(until(|| app.find("rich-list").is_some()).await);
    // 5.9 of 1,000 mg calcium is the furthest from its target.
    assert_eq!(select_value(&app, "rich-mineral"), "calcium");
    assert_eq!(select_value(&app, "rich-basis"), "portion");
    assert_eq!(
        app.text("rich-shortest"),
        "Today you are furthest from your calcium target (<1 %)."
    );
    let hint = app.text("rich-portion-hint");
    assert!(hint.contains("1 medium banana"), "{hint}");
    assert!(!hint.contains("first household measure"), "{hint}");
    let summary = app.text("rich-summary");
    assert!(!summary.contains("household portion"), "{summary}");
    // Each row says its portion ("in 1 cup … g") and adds it in one tap.
    let rows = app.all("rich-item");
    assert!(!rows.is_empty());
    let first = within(&rows[0], "rich-quick-add");
    let figure = rows[0].text_content().unwrap();
    assert!(figure.contains("mg Ca in "), "{figure}");
    click(&first).await;
    let status = app.text("rich-add-status");
    assert!(status.starts_with("Added "), "{status}");
    assert!(status.ends_with(". See the day plan"), "{status}");
    // The list stays on calcium under the finger.
    assert_eq!(select_value(&app, "rich-mineral"), "calcium");

    // An explicit mineral in the address wins.
    go_to("/rich?mineral=potassium").await;
    assert!(until(|| select_value(&app, "rich-mineral") == "potassium").await);
    assert_eq!(select_value(&app, "rich-basis"), "portion");
}

#[wasm_bindgen_test]
async fn an_empty_day_opens_the_rich_list_on_potassium() {
    let app = mount_at("/rich").await;
    assert_eq!(select_value(&app, "rich-mineral"), "potassium");
    assert_eq!(
        app.text("rich-shortest"),
        "Today you are furthest from your potassium target (0 %)."
    );
    // Other bases show the portion "+ Add" adds.
    go_to("/rich?basis=per100g").await;
    assert!(until(|| select_value(&app, "rich-basis") == "per100g").await);
    let portion = within(&app.all("rich-item")[0], "rich-portion")
        .text_content()
        .unwrap();
    assert!(portion.starts_with("Typical portion: "), "{portion}");
}
