//! What the browser test files share: mounting the app at an address,
//! finding elements by `data-testid`, and driving them with DOM events.
// Each test file uses its own subset of these helpers.
#![allow(dead_code)]

use electrolyte_planner::{catalog, App};
use leptos::mount::mount_to;
use leptos::prelude::*;
use leptos::task::tick;
use wasm_bindgen::JsCast;
use web_sys::{
    Element, HtmlElement, HtmlInputElement, HtmlSelectElement, KeyboardEvent, KeyboardEventInit,
};

/// The app mounted at `path` in a fresh element; unmounted on drop.
pub struct Mounted {
    pub root: HtmlElement,
    _handle: Box<dyn std::any::Any>,
}

impl Drop for Mounted {
    fn drop(&mut self) {
        self.root.remove();
    }
}

/// Mounts the app at `path` on an empty diary (tests in one file share the
/// page and its `localStorage`).
pub async fn mount_at(path: &str) -> Mounted {
    clear_storage();
    remount_at(path).await
}

/// Empties `localStorage` (tests in one file share the page).
pub fn clear_storage() {
    let window = web_sys::window().unwrap();
    window.local_storage().unwrap().unwrap().clear().unwrap();
}

/// Mounts the app at `path` on what `localStorage` holds now, as a reload
/// would.
pub async fn remount_at(path: &str) -> Mounted {
    install_table();
    mount_as_is(path).await
}

/// Mounts the app at `path` without giving it the food table first (as a
/// page whose table file has not arrived yet).
pub async fn mount_as_is(path: &str) -> Mounted {
    mount_typed(path, String::new()).await
}

/// Mounts the app at `path`, as `mount_as_is`, with `typed` in the search box
/// (what was typed into index.html's static first screen).
pub async fn mount_typed(path: &str, typed: String) -> Mounted {
    let window = web_sys::window().unwrap();
    window
        .history()
        .unwrap()
        .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(path))
        .unwrap();
    let document = window.document().unwrap();
    let root: HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&root).unwrap();
    let handle = mount_to(root.clone(), move || view! { <App typed=typed.clone()/> });
    tick().await;
    Mounted {
        root,
        _handle: Box::new(handle),
    }
}

/// The food table, as the app has it once its file has arrived (a page
/// loads it with `catalog::load`; tests give it the text directly).
pub fn install_table() {
    catalog::install(include_str!("../../data/sr28-minerals.txt")).unwrap();
}

impl Mounted {
    pub fn find(&self, test_id: &str) -> Option<Element> {
        self.root
            .query_selector(&format!("[data-testid='{test_id}']"))
            .unwrap()
    }

    pub fn get(&self, test_id: &str) -> Element {
        self.find(test_id)
            .unwrap_or_else(|| panic!("no element with data-testid={test_id}"))
    }

    pub fn all(&self, test_id: &str) -> Vec<Element> {
        let list = self
            .root
            .query_selector_all(&format!("[data-testid='{test_id}']"))
            .unwrap();
        (0..list.length())
            .map(|i| list.item(i).unwrap().unchecked_into())
            .collect()
    }

    pub fn text(&self, test_id: &str) -> String {
        self.get(test_id).text_content().unwrap_or_default()
    }

    pub async fn type_into(&self, test_id: &str, value: &str) {
        let input: HtmlInputElement = self.get(test_id).unchecked_into();
        input.set_value(value);
        input
            .dispatch_event(&web_sys::Event::new("input").unwrap())
            .unwrap();
        settle().await;
    }

    pub async fn choose(&self, test_id: &str, value: &str) {
        let select: HtmlSelectElement = self.get(test_id).unchecked_into();
        select.set_value(value);
        select
            .dispatch_event(&web_sys::Event::new("change").unwrap())
            .unwrap();
        settle().await;
    }

    pub async fn press(&self, test_id: &str, key: &str) {
        let init = KeyboardEventInit::new();
        init.set_key(key);
        init.set_bubbles(true);
        init.set_cancelable(true);
        let event = KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
        self.get(test_id).dispatch_event(&event).unwrap();
        settle().await;
    }
}

/// Lets what an event started finish: the app's pending tasks, then every
/// change waiting for the diary's write lock (`ep.write`, granted in
/// order, so ours comes after them), then the effects they caused.
pub async fn settle() {
    tick().await;
    let window = web_sys::window().unwrap();
    let navigator = js_sys::Reflect::get(&window, &"navigator".into()).unwrap();
    let locks = js_sys::Reflect::get(&navigator, &"locks".into()).unwrap();
    if !locks.is_undefined() {
        let request: js_sys::Function = js_sys::Reflect::get(&locks, &"request".into())
            .unwrap()
            .unchecked_into();
        let noop = js_sys::Function::new_no_args("");
        let granted = request
            .call2(&locks, &"ep.write".into(), &noop)
            .unwrap()
            .unchecked_into::<js_sys::Promise>();
        wasm_bindgen_futures::JsFuture::from(granted).await.unwrap();
    }
    tick().await;
}

/// Waits (up to about a second) for `ready`: route changes render a frame later.
pub async fn until(ready: impl Fn() -> bool) -> bool {
    for _ in 0..60 {
        if ready() {
            return true;
        }
        next_frame().await;
    }
    ready()
}

/// Resolves on the browser's next animation frame.
pub async fn next_frame() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .request_animation_frame(&resolve)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

pub fn pathname() -> String {
    web_sys::window().unwrap().location().pathname().unwrap()
}

impl Mounted {
    /// Clicks the element.
    pub async fn click(&self, test_id: &str) {
        click(&self.get(test_id)).await;
    }
}

/// The element with `test_id` inside `scope`.
pub fn within(scope: &Element, test_id: &str) -> Element {
    scope
        .query_selector(&format!("[data-testid='{test_id}']"))
        .unwrap()
        .unwrap_or_else(|| panic!("no element with data-testid={test_id} here"))
}

/// Clicks `element`.
pub async fn click(element: &Element) {
    element.unchecked_ref::<HtmlElement>().click();
    settle().await;
}

/// Types `value` into the input `element`, as one input event.
pub async fn type_in(element: &Element, value: &str) {
    let input: &HtmlInputElement = element.unchecked_ref();
    input.set_value(value);
    input
        .dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
    settle().await;
}

/// Chooses `value` in the select `element`, as one change event.
pub async fn choose_in(element: &Element, value: &str) {
    let select: &HtmlSelectElement = element.unchecked_ref();
    select.set_value(value);
    select
        .dispatch_event(&web_sys::Event::new("change").unwrap())
        .unwrap();
    settle().await;
}

/// Moves the mounted app to `path` as the browser's back/forward would
/// (history entry + popstate). Link clicks are left to the e2e tests: the
/// routers of earlier, unmounted tests still listen for clicks.
pub async fn go_to(path: &str) {
    let window = web_sys::window().unwrap();
    window
        .history()
        .unwrap()
        .push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(path))
        .unwrap();
    window
        .dispatch_event(&web_sys::Event::new("popstate").unwrap())
        .unwrap();
    tick().await;
}
