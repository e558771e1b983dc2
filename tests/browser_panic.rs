//! What a panic leaves on screen (issue 14, finding 9): the panel says
//! "Something went wrong. Your diary is safe.", offers Reload and a
//! download of everything stored (made at the panic, so it works after the
//! wasm stopped), and makes the rest of the page inert.
#![cfg(target_arch = "wasm32")]

mod support;

use support::{click, mount_at};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn the_panel_says_the_diary_is_safe_and_offers_reload_and_everything_stored() {
    let app = mount_at("/plan").await;
    app.type_into("plan-search-input", "ban raw").await;
    click(&app.all("plan-quick-add")[0]).await;
    assert_eq!(app.all("plan-item").len(), 1);

    electrolyte_planner::panic::show("panicked at src/pages/food.rs: index out of bounds");

    let document = web_sys::window().unwrap().document().unwrap();
    let panel = document
        .query_selector("[data-testid='crash']")
        .unwrap()
        .expect("the panel is up");
    assert_eq!(panel.get_attribute("role").as_deref(), Some("alert"));
    let text = panel.text_content().unwrap();
    assert!(
        text.starts_with("Something went wrong. Your diary is safe."),
        "{text}"
    );
    assert!(
        text.contains("index out of bounds"),
        "the detail is behind Details"
    );
    // First in the page; everything else inert and hidden from screen readers.
    let body = document.body().unwrap();
    assert_eq!(body.first_element_child().as_ref(), Some(&panel));
    assert!(
        app.root.closest("[inert]").unwrap().is_some(),
        "the app is not inert"
    );

    let reload: web_sys::HtmlAnchorElement = panel
        .query_selector("[data-testid='crash-reload']")
        .unwrap()
        .unwrap()
        .unchecked_into();
    // Reloads the page it happened on.
    assert!(reload.href().ends_with("/plan"), "{}", reload.href());
    let download: web_sys::HtmlAnchorElement = panel
        .query_selector("[data-testid='crash-download']")
        .unwrap()
        .unwrap()
        .unchecked_into();
    assert_eq!(download.download(), "electrolyte-everything-stored.json");
    assert!(download.href().starts_with("blob:"), "{}", download.href());
    // The file holds what is stored: the day with the banana.
    let window = web_sys::window().unwrap();
    let response: web_sys::Response = JsFuture::from(window.fetch_with_str(&download.href()))
        .await
        .unwrap()
        .unchecked_into();
    let body = JsFuture::from(response.text().unwrap()).await.unwrap();
    let json = body.as_string().unwrap();
    let stored = window.local_storage().unwrap().unwrap();
    let day_key = (0..stored.length().unwrap())
        .filter_map(|i| stored.key(i).unwrap())
        .find(|k| k.starts_with("ep.v1.day."))
        .expect("the day is stored");
    assert!(json.contains(&day_key), "{json}");
    assert!(json.contains("09040"), "{json}");
}
