//! Component tests in headless Chromium (`cargo test --target
//! wasm32-unknown-unknown --tests`): mount the real app at an address, drive
//! it with DOM events and read the DOM and its ARIA state back.
#![cfg(target_arch = "wasm32")]

mod support;

use support::{mount_at, pathname, until, Mounted};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlSelectElement};

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn search_lists_matches_with_their_minerals() {
    let app = mount_at("/").await;
    app.type_into("search-input", "ban raw").await;
    let results = app.all("search-result");
    assert!(!results.is_empty());
    let first = results[0].text_content().unwrap();
    assert!(first.contains("Bananas, raw"), "{first}");
    assert!(
        first.contains("K 358")
            && first.contains("Mg 27")
            && first.contains("Ca 5")
            && first.contains("Na 1"),
        "{first}"
    );
    let link = results[0].query_selector("a").unwrap().unwrap();
    assert_eq!(link.get_attribute("href").as_deref(), Some("/food/09040"));
    assert!(app.find("search-no-match").is_none());
}

#[wasm_bindgen_test]
async fn search_says_when_nothing_matches() {
    let app = mount_at("/").await;
    app.type_into("search-input", "xyzzyq").await;
    assert!(app.all("search-result").is_empty());
    assert!(app.text("search-no-match").contains("xyzzyq"));
    assert!(app.all("search-quick-add").is_empty());
}

/// The element with the keyboard focus.
fn focused() -> Element {
    web_sys::window()
        .unwrap()
        .document()
        .unwrap()
        .active_element()
        .unwrap()
}

/// A keydown of `key` on the focused element.
async fn press_focused(key: &str) {
    let init = web_sys::KeyboardEventInit::new();
    init.set_key(key);
    init.set_bubbles(true);
    init.set_cancelable(true);
    let event =
        web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    focused().dispatch_event(&event).unwrap();
    leptos::task::tick().await;
}

#[wasm_bindgen_test]
async fn arrow_keys_move_through_the_results_and_enter_opens_a_food() {
    let app = mount_at("/").await;
    app.type_into("search-input", "banana").await;
    let links = app.all("search-result-link");
    let adds = app.all("search-quick-add");
    assert!(links.len() >= 2);
    // Down from the box: the first food's link, then the second's.
    app.press("search-input", "ArrowDown").await;
    assert_eq!(focused(), links[0]);
    press_focused("ArrowDown").await;
    assert_eq!(focused(), links[1]);
    // Right and left: the food's "+ Add" and back.
    press_focused("ArrowRight").await;
    assert_eq!(focused(), adds[1]);
    press_focused("ArrowLeft").await;
    assert_eq!(focused(), links[1]);
    press_focused("ArrowUp").await;
    assert_eq!(focused(), links[0]);
    // Up from the first food, and Escape: back in the search box.
    press_focused("ArrowUp").await;
    assert_eq!(focused(), app.get("search-input"));
    app.press("search-input", "ArrowUp").await;
    assert_eq!(&focused(), links.last().unwrap());
    press_focused("Escape").await;
    assert_eq!(focused(), app.get("search-input"));
    // No ARIA option sits around a button.
    assert!(app
        .root
        .query_selector("[role='option']")
        .unwrap()
        .is_none());
    // Enter in the box opens the first food.
    let href = links[0].get_attribute("href").unwrap();
    app.press("search-input", "Enter").await;
    assert!(until(|| pathname() == href && app.find("food-title").is_some()).await);
}

#[wasm_bindgen_test]
async fn food_page_scales_to_a_household_portion() {
    let app = mount_at("/food/09040").await;
    assert_eq!(app.text("food-title"), "Bananas, raw");
    // The page opens at the banana's default portion, 1 medium (118 g):
    // 358 mg/100 g × 118 g = 422 mg.
    let select: HtmlSelectElement = app.get("serving-select").unchecked_into();
    assert_eq!(select.value(), "portion-4");
    assert_eq!(app.text("value-potassium"), "422 mg");
    app.choose("serving-select", "100g").await;
    assert_eq!(app.text("value-potassium"), "358 mg");
    app.choose("serving-select", "portion-0").await;
    let label = select
        .selected_options()
        .item(0)
        .unwrap()
        .text_content()
        .unwrap();
    assert_eq!(label, "1 cup, mashed, 225 g");
    // 358 mg/100 g × 225 g = 805.5 mg; 805.5 / 2,600 mg = 31 %.
    assert_eq!(app.text("value-potassium"), "806 mg");
    assert_eq!(app.text("percent-potassium"), "31 %");
    assert_eq!(app.text("value-calcium"), "11 mg");
}

#[wasm_bindgen_test]
async fn custom_amounts_are_validated() {
    let app = mount_at("/food/09040").await;
    app.choose("serving-select", "custom").await;
    app.choose("amount-unit", "oz").await;
    app.type_into("amount-input", "4").await;
    // 4 oz = 113.398 g → 358 × 1.13398 = 406 mg.
    assert_eq!(app.text("value-potassium"), "406 mg");
    assert_eq!(
        app.get("amount-error").get_attribute("hidden").as_deref(),
        Some("")
    );
    for bad in ["-5", "", "1e9", "abc", "9999"] {
        app.type_into("amount-input", bad).await;
        let error = app.text("amount-error");
        assert!(!error.is_empty(), "no message for {bad:?}");
        assert_eq!(app.get("amount-error").get_attribute("hidden"), None);
        assert_eq!(app.text("value-potassium"), "—");
        let page = app.root.text_content().unwrap();
        assert!(
            !page.contains("NaN") && !page.contains("Infinity"),
            "{bad:?}: {page}"
        );
        let input = app.get("amount-input");
        assert_eq!(input.get_attribute("aria-invalid").as_deref(), Some("true"));
    }
}

#[wasm_bindgen_test]
async fn unknown_food_numbers_get_a_not_found_page() {
    for path in ["/food/99999", "/food/abc", "/nowhere"] {
        let app = mount_at(path).await;
        assert!(app.find("not-found").is_some(), "{path}");
        assert!(app.find("food-title").is_none(), "{path}");
    }
}

#[wasm_bindgen_test]
async fn missing_values_read_no_data() {
    // 11265 Mushrooms, portabella, exposed to ultraviolet light, raw: no magnesium in SR28.
    let app = mount_at("/food/11265").await;
    assert_eq!(app.text("value-magnesium"), "no data");
    assert_eq!(app.text("percent-magnesium"), "—");
}

#[wasm_bindgen_test]
async fn rich_list_ranks_richest_first_and_follows_filters() {
    let app = mount_at("/rich?mineral=magnesium&basis=per100g").await;
    let values = |app: &Mounted| -> Vec<f64> {
        app.all("rich-value")
            .iter()
            .map(|e| e.get_attribute("data-value").unwrap().parse().unwrap())
            .collect()
    };
    let all = values(&app);
    assert_eq!(all.len(), 50);
    assert!(all.windows(2).all(|w| w[0] >= w[1]));
    app.choose("rich-group", "1100").await;
    assert!(web_sys::window()
        .unwrap()
        .location()
        .search()
        .unwrap()
        .contains("group=1100"));
    let vegetables = app.all("rich-item");
    assert!(!vegetables.is_empty());
    assert!(vegetables.iter().all(|e| e
        .text_content()
        .unwrap()
        .contains("Vegetables and Vegetable Products")));
    let filtered = values(&app);
    assert!(filtered.windows(2).all(|w| w[0] >= w[1]));
    assert!(filtered[0] <= all[0]);
}

/// index.html's static first screen, as far as the hand-over reads it: its
/// search box in `#boot`.
fn static_first_screen() -> web_sys::HtmlInputElement {
    let document = web_sys::window().unwrap().document().unwrap();
    let screen = document.create_element("div").unwrap();
    screen.set_id("boot");
    screen.set_inner_html(r#"<input id="boot-search" type="search">"#);
    document.body().unwrap().append_child(&screen).unwrap();
    document
        .get_element_by_id("boot-search")
        .unwrap()
        .unchecked_into()
}

/// index.html's static first screen took "ban raw" with the caret after
/// "ban": the app gets the text, searches it, and the focus and caret move
/// into its search box; the static screen is gone.
#[wasm_bindgen_test]
async fn what_was_typed_before_the_app_arrived_is_searched_and_keeps_the_focus() {
    use electrolyte_planner::boot::Boot;
    use web_sys::HtmlInputElement;

    support::clear_storage();
    support::install_table();
    let document = web_sys::window().unwrap().document().unwrap();
    let typed_into = static_first_screen();
    typed_into.set_value("ban raw");
    typed_into.focus().unwrap();
    typed_into.set_selection_range(3, 3).unwrap();

    let boot = Boot::take();
    assert_eq!(boot.typed, "ban raw");
    assert!(document.get_element_by_id("boot").is_none());
    let app = support::mount_typed("/", boot.typed.clone()).await;
    boot.restore_focus();
    let search: HtmlInputElement = app.get("search-input").unchecked_into();
    assert!(
        until(|| document.active_element().as_ref() == Some(search.as_ref())).await,
        "the focus is not in the app's search box"
    );
    assert_eq!(search.value(), "ban raw");
    assert_eq!(search.selection_start().unwrap(), Some(3));
    let first = app.all("search-result")[0].text_content().unwrap();
    assert!(first.contains("Bananas, raw"), "{first}");
}

/// The app is drawn behind the static first screen while its box goes on
/// taking keys: what came after the app started (" raw" after "ban") ends
/// in the app's box, with the focus and the caret, and the static screen
/// goes only once the app's box is there (it went first, and a key typed
/// until the app's box appeared was lost).
#[wasm_bindgen_test]
async fn keys_typed_while_the_app_is_drawn_behind_the_static_screen_are_kept() {
    use electrolyte_planner::boot::mount_behind;
    use electrolyte_planner::App;
    use leptos::prelude::*;
    use web_sys::{HtmlElement, HtmlInputElement};

    support::clear_storage();
    support::install_table();
    let window = web_sys::window().unwrap();
    window
        .history()
        .unwrap()
        .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some("/"))
        .unwrap();
    let document = window.document().unwrap();
    let typed_into = static_first_screen();
    typed_into.set_value("ban");
    typed_into.focus().unwrap();

    mount_behind(|typed| view! { <App typed/> });
    let app: HtmlElement = document.get_element_by_id("app").unwrap().unchecked_into();
    assert!(app.hidden(), "the app is drawn hidden");
    assert!(document.get_element_by_id("boot").is_some());
    // The person types on: the static box still has the keys.
    typed_into.set_value("ban raw");
    typed_into.set_selection_range(7, 7).unwrap();
    assert!(
        until(|| document.get_element_by_id("boot").is_none()).await,
        "the static screen did not make way"
    );
    assert!(!app.hidden());
    let search: HtmlInputElement = app
        .query_selector("[data-testid=search-input]")
        .unwrap()
        .unwrap()
        .unchecked_into();
    assert_eq!(search.value(), "ban raw");
    assert_eq!(
        document.active_element().as_ref(),
        Some(search.as_ref()),
        "the focus is in the app's search box"
    );
    assert_eq!(search.selection_start().unwrap(), Some(7));
    assert!(
        until(|| app
            .query_selector("[data-testid=search-result]")
            .unwrap()
            .and_then(|row| row.text_content())
            .is_some_and(|t| t.contains("Bananas, raw")))
        .await
    );
    // Later tests look the app's search box up by its id.
    app.remove();
}

/// No static first screen (a test page, an old cached index.html): nothing
/// is typed and the focus is left alone.
#[wasm_bindgen_test]
async fn no_static_first_screen_means_an_empty_search_and_no_focus_change() {
    use electrolyte_planner::boot::Boot;

    let boot = Boot::take();
    assert_eq!(boot.typed, "");
    let app = mount_at("/").await;
    let before = web_sys::window()
        .unwrap()
        .document()
        .unwrap()
        .active_element();
    boot.restore_focus();
    support::settle().await;
    let after = web_sys::window()
        .unwrap()
        .document()
        .unwrap()
        .active_element();
    assert_eq!(before, after);
    assert!(app.all("search-result").is_empty());
}
