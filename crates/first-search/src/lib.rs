//! The search of index.html's static first screen, before the app.
//!
//! On a phone's first visit the app's wasm (~390 KB gzip) takes seconds to
//! arrive; this module (the domain's table decoder and search, and a few
//! DOM calls, no Leptos) comes with the food table first, so the static
//! search box (`#boot-search`) answers while the app is still on its way.
//! `public/shell.js` loads it on a first visit to `/` only (a page the
//! service worker serves has the app at once) and calls [`start`] with the
//! table's text. Its rows are the app's (the same classes, the same words
//! from the domain, links to the food pages), without "+ Add": that comes
//! with the app, which takes over what was typed (src/boot.rs) and waits,
//! when this ran, for its own copy of the table before it mounts, so the
//! results never blink.

use electrolyte_domain::foods::food::Food;
use electrolyte_domain::foods::food_table::{decode, FoodTable};
use electrolyte_domain::foods::nutrient::Nutrient;
use electrolyte_domain::foods::search::{count_line, SearchIndex, NO_MATCH_ADVICE, SEARCH_HINT};
use electrolyte_domain::units::format::format_amount;
use wasm_bindgen::prelude::*;
use web_sys::{Document, Element, HtmlInputElement, KeyboardEvent};

/// As many results as the app's list shows.
const RESULT_LIMIT: usize = 25;
/// index.html's static search box, its status line and its result list.
const INPUT_ID: &str = "boot-search";
const COUNT_ID: &str = "boot-count";
const RESULTS_ID: &str = "boot-results";
/// Set on `<html>` once this answers; the app reads it (src/boot.rs).
const READY_ATTRIBUTE: &str = "data-first-search";

struct Catalog {
    table: FoodTable,
    index: SearchIndex,
}

/// One row as the app draws it (src/components/food_search.rs): the food's
/// name, its usual portion and its four minerals per 100 g, a link to its
/// page; "+ Add"'s place kept empty so nothing moves when the app's comes.
fn row(document: &Document, table: &FoodTable, food: &Food) -> Result<Element, JsValue> {
    let li = document.create_element("li")?;
    li.set_class_name("plan-result");
    li.set_attribute("data-testid", "search-result")?;
    let link = child(document, &li, "a", "result-pick", None)?;
    link.set_attribute("href", &format!("/food/{}", food.ndb))?;
    link.set_attribute("data-testid", "search-result-link")?;
    child(document, &link, "span", "food-name", Some(food.description))?;
    let portion = table.default_serving(food).label(food);
    child(document, &link, "span", "result-portion", Some(&portion))?;
    let minerals = child(document, &link, "span", "mineral-summary", None)?;
    for nutrient in Nutrient::MINERALS {
        let value = food
            .per_100g
            .get(nutrient)
            .map(format_amount)
            .unwrap_or_else(|| "no data".to_owned());
        let mineral = child(document, &minerals, "span", "mineral", None)?;
        mineral.set_attribute("title", nutrient.name())?;
        let symbol = child(document, &mineral, "abbr", "", Some(nutrient.symbol()))?;
        symbol.set_attribute("title", nutrient.name())?;
        mineral.append_with_str_1(&format!(" {value}"))?;
    }
    child(document, &minerals, "span", "per", Some(" mg / 100 g"))?;
    let reserve = child(
        document,
        &li,
        "span",
        "result-add boot-reserve",
        Some("+ Add"),
    )?;
    reserve.set_attribute("aria-hidden", "true")?;
    Ok(li)
}

/// A new `tag` element of `class` (with `text`) at the end of `parent`.
fn child(
    document: &Document,
    parent: &Element,
    tag: &str,
    class: &str,
    text: Option<&str>,
) -> Result<Element, JsValue> {
    let element = document.create_element(tag)?;
    if !class.is_empty() {
        element.set_class_name(class);
    }
    element.set_text_content(text);
    parent.append_child(&element)?;
    Ok(element)
}

/// The results of what the box holds now, drawn in place of the last ones.
fn show(document: &Document, catalog: &Catalog) -> Result<(), JsValue> {
    let (Some(input), Some(count), Some(list)) = (
        document.get_element_by_id(INPUT_ID),
        document.get_element_by_id(COUNT_ID),
        document.get_element_by_id(RESULTS_ID),
    ) else {
        return Ok(());
    };
    let query = input.unchecked_into::<HtmlInputElement>().value();
    let found = catalog.index.search(&catalog.table, &query, RESULT_LIMIT);
    let line = if query.trim().is_empty() {
        SEARCH_HINT.to_owned()
    } else if found.total == 0 {
        format!("No food matches “{query}”. {NO_MATCH_ADVICE}")
    } else {
        count_line(found.foods.len(), found.total)
    };
    count.set_text_content(Some(&line));
    list.set_text_content(None);
    for &i in &found.foods {
        let food = &catalog.table.foods()[i];
        let row = row(document, &catalog.table, food)?;
        list.append_child(&row)?;
    }
    Ok(())
}

/// Decodes `table` (the food table file's text), builds the search index
/// and makes the static search box answer, from what it holds already.
/// Errors (a damaged table, a page without the box) change nothing: the
/// app comes as it would have and says what is wrong.
#[wasm_bindgen]
pub fn start(table: String) -> Result<(), JsValue> {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let input = document
        .get_element_by_id(INPUT_ID)
        .ok_or("no static search box")?;
    // The table borrows its text for the life of the page.
    let table = decode(String::leak(table)).map_err(|e| e.to_string())?;
    let index = SearchIndex::new(&table);
    let catalog: &'static Catalog = Box::leak(Box::new(Catalog { table, index }));

    let on_input = Closure::<dyn Fn()>::new(move || {
        if let Some(document) = web_sys::window().and_then(|w| w.document()) {
            let _ = show(&document, catalog);
        }
    });
    input.add_event_listener_with_callback("input", on_input.as_ref().unchecked_ref())?;
    on_input.forget();
    // Enter opens the best match, as in the app (public/shell.js turns the
    // link's click into the app's address without a second page load).
    let on_enter = Closure::<dyn Fn(KeyboardEvent)>::new(|event: KeyboardEvent| {
        if event.key() != "Enter" {
            return;
        }
        let first = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.query_selector(&format!("#{RESULTS_ID} a")).ok().flatten());
        if let Some(link) = first {
            event.prevent_default();
            link.unchecked_into::<web_sys::HtmlElement>().click();
        }
    });
    input.add_event_listener_with_callback("keydown", on_enter.as_ref().unchecked_ref())?;
    on_enter.forget();

    show(&document, catalog)?;
    document
        .document_element()
        .ok_or("no root element")?
        .set_attribute(READY_ATTRIBUTE, "")?;
    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
        let _ = performance.mark("first-search-ready");
    }
    Ok(())
}
