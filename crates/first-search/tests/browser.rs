//! The static first screen's search in headless Chromium: index.html's box,
//! count line and list, made to answer by `start` with the shipped table,
//! drawing what the domain's search finds.
#![cfg(target_arch = "wasm32")]

use std::cell::Cell;
use std::rc::Rc;

use electrolyte_domain::foods::food_table::decode;
use electrolyte_domain::foods::search::{count_line, SearchIndex, SEARCH_HINT};
use electrolyte_first_search::start;
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;
use web_sys::{Document, Event, HtmlInputElement, KeyboardEvent, KeyboardEventInit};

wasm_bindgen_test_configure!(run_in_browser);

const TABLE: &str = include_str!("../../../data/sr28-minerals.txt");

fn document() -> Document {
    web_sys::window().unwrap().document().unwrap()
}

/// index.html's static search, as the page has it before the app (in a
/// screen of its own: the test runner writes its report into the body).
fn static_screen() {
    if let Some(old) = document().get_element_by_id("boot") {
        old.remove();
    }
    let screen = document().create_element("div").unwrap();
    screen.set_id("boot");
    screen.set_inner_html(
        r#"<input id="boot-search" type="search">
        <p id="boot-count" aria-live="polite"></p>
        <ul id="boot-results"></ul>"#,
    );
    document().body().unwrap().append_child(&screen).unwrap();
    let _ = document()
        .document_element()
        .unwrap()
        .remove_attribute("data-first-search");
}

fn input() -> HtmlInputElement {
    document()
        .get_element_by_id("boot-search")
        .unwrap()
        .unchecked_into()
}

fn text(id: &str) -> String {
    document()
        .get_element_by_id(id)
        .unwrap()
        .text_content()
        .unwrap_or_default()
}

fn type_in(value: &str) {
    input().set_value(value);
    input()
        .dispatch_event(&Event::new("input").unwrap())
        .unwrap();
}

fn rows() -> Vec<(String, String)> {
    let list = document()
        .query_selector_all("#boot-results [data-testid=search-result]")
        .unwrap();
    (0..list.length())
        .map(|i| {
            let row: web_sys::Element = list.item(i).unwrap().unchecked_into();
            let link = row.query_selector("a").unwrap().unwrap();
            let name = row.query_selector(".food-name").unwrap().unwrap();
            (
                name.text_content().unwrap(),
                link.get_attribute("href").unwrap(),
            )
        })
        .collect()
}

#[wasm_bindgen_test]
fn the_static_box_answers_with_the_domains_results() {
    static_screen();
    // Typed before the table was in: answered at once.
    input().set_value("banana");
    start(TABLE.to_owned()).unwrap();
    assert!(document()
        .document_element()
        .unwrap()
        .has_attribute("data-first-search"));

    let table = decode(TABLE).unwrap();
    let index = SearchIndex::new(&table);
    for query in ["banana", "soy milk", "oatmeal", "sweet potato", "courgette"] {
        type_in(query);
        let found = index.search(&table, query, 25);
        let expected: Vec<(String, String)> = found
            .foods
            .iter()
            .map(|&i| {
                let food = &table.foods()[i];
                (food.description.to_owned(), format!("/food/{}", food.ndb))
            })
            .collect();
        assert!(!expected.is_empty(), "{query}");
        assert_eq!(rows(), expected, "{query}");
        assert_eq!(
            text("boot-count"),
            count_line(found.foods.len(), found.total)
        );
    }

    // A row as the app draws it: the usual portion, the four minerals, "+ Add"'s place kept.
    type_in("bananas raw");
    let first = document()
        .query_selector("#boot-results li")
        .unwrap()
        .unwrap();
    let portion = first
        .query_selector(".result-portion")
        .unwrap()
        .unwrap()
        .text_content()
        .unwrap();
    assert!(portion.starts_with("1 medium"), "{portion}");
    let minerals = first
        .query_selector(".mineral-summary")
        .unwrap()
        .unwrap()
        .text_content()
        .unwrap();
    assert_eq!(minerals, "K 358Mg 27Ca 5Na 1 mg / 100 g");
    let reserve = first.query_selector(".result-add").unwrap().unwrap();
    assert_eq!(
        reserve.get_attribute("aria-hidden").as_deref(),
        Some("true")
    );

    type_in("qqqzzz");
    assert!(rows().is_empty());
    assert!(
        text("boot-count").starts_with("No food matches “qqqzzz”."),
        "{}",
        text("boot-count")
    );
    type_in("   ");
    assert!(rows().is_empty());
    assert_eq!(text("boot-count"), SEARCH_HINT);
}

#[wasm_bindgen_test]
fn enter_opens_the_best_match() {
    static_screen();
    start(TABLE.to_owned()).unwrap();
    type_in("banana");
    let opened = Rc::new(Cell::new(false));
    let seen = opened.clone();
    let on_click = Closure::<dyn Fn(Event)>::new(move |event: Event| {
        event.prevent_default();
        seen.set(true);
    });
    let first = document()
        .query_selector("#boot-results a")
        .unwrap()
        .unwrap();
    first
        .add_event_listener_with_callback("click", on_click.as_ref().unchecked_ref())
        .unwrap();
    on_click.forget();
    let init = KeyboardEventInit::new();
    init.set_key("Enter");
    init.set_cancelable(true);
    let enter = KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    input().dispatch_event(&enter).unwrap();
    assert!(opened.get());
    assert!(enter.default_prevented());
}

#[wasm_bindgen_test]
fn a_damaged_table_or_no_box_changes_nothing() {
    static_screen();
    input().set_value("banana");
    assert!(start("not a food table".to_owned()).is_err());
    assert!(rows().is_empty());
    assert_eq!(text("boot-count"), "");
    assert!(!document()
        .document_element()
        .unwrap()
        .has_attribute("data-first-search"));

    // The app took over before this ran: no box, nothing done.
    document().get_element_by_id("boot").unwrap().remove();
    assert!(start(TABLE.to_owned()).is_err());
    assert!(!document()
        .document_element()
        .unwrap()
        .has_attribute("data-first-search"));
}
