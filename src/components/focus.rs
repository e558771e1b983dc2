//! Moving the keyboard focus, for the searches whose arrow keys move
//! through their results.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The HTML element with focus, if any.
pub fn focused() -> Option<web_sys::Element> {
    document().active_element()
}

/// Focuses the first element `selector` finds in `scope`.
pub fn focus_in(scope: &web_sys::Element, selector: &str) -> bool {
    scope
        .query_selector(selector)
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        .is_some_and(|e| e.focus().is_ok())
}

/// Focuses the element with `id`.
pub fn focus_id(id: &str) {
    if let Some(e) = document()
        .get_element_by_id(id)
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = e.focus();
    }
}
