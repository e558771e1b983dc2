//! `Lazy`, the wrapper every later screen goes through (its code is a wasm
//! chunk in the split build), in headless Chromium: "Loading…" as a status
//! until the code is there, then the screen; a failed fetch says so, and
//! "Try again" loads it.
#![cfg(target_arch = "wasm32")]

mod support;

use std::cell::{Cell, RefCell};

use electrolyte_planner::components::lazy::{Lazy, NotLoaded};
use leptos::mount::mount_to;
use leptos::prelude::*;
use leptos::task::tick;
use support::{click, until};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

thread_local! {
    /// Resolves the pending load of `slow_screen`.
    static RESOLVE: RefCell<Option<js_sys::Function>> = const { RefCell::new(None) };
    /// Loads of `flaky_screen` so far.
    static LOADS: Cell<u32> = const { Cell::new(0) };
}

fn screen() -> AnyView {
    view! { <h1 data-testid="the-screen">"The screen"</h1> }.into_any()
}

/// A chunk that arrives when the test says so.
async fn slow_screen() -> Result<AnyView, NotLoaded> {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        RESOLVE.with(|r| *r.borrow_mut() = Some(resolve));
    });
    JsFuture::from(promise).await.unwrap();
    Ok(screen())
}

/// A chunk whose first fetch fails.
async fn flaky_screen() -> Result<AnyView, NotLoaded> {
    let n = LOADS.with(|l| {
        l.set(l.get() + 1);
        l.get()
    });
    if n == 1 {
        Err(NotLoaded)
    } else {
        Ok(screen())
    }
}

fn mount<Fut>(load: fn() -> Fut) -> (HtmlElement, Box<dyn std::any::Any>)
where
    Fut: std::future::Future<Output = Result<AnyView, NotLoaded>> + 'static,
{
    let document = web_sys::window().unwrap().document().unwrap();
    let root: HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&root).unwrap();
    let handle = mount_to(root.clone(), move || view! { <Lazy load=load/> });
    (root, Box::new(handle))
}

fn find(root: &HtmlElement, test_id: &str) -> Option<Element> {
    root.query_selector(&format!("[data-testid='{test_id}']"))
        .unwrap()
}

#[wasm_bindgen_test]
async fn loading_is_a_status_until_the_code_is_there() {
    let (root, _handle) = mount(slow_screen);
    tick().await;
    let loading = find(&root, "screen-loading").expect("Loading… while the chunk is on its way");
    assert_eq!(loading.get_attribute("role").as_deref(), Some("status"));
    assert_eq!(loading.text_content().unwrap(), "Loading…");
    assert!(find(&root, "the-screen").is_none());

    let resolve = RESOLVE
        .with(|r| r.borrow_mut().take())
        .expect("the load started");
    resolve.call0(&wasm_bindgen::JsValue::NULL).unwrap();
    assert!(
        until(|| find(&root, "the-screen").is_some()).await,
        "the screen once loaded"
    );
    assert!(find(&root, "screen-loading").is_none());
    root.remove();
}

#[wasm_bindgen_test]
async fn a_failed_fetch_says_so_and_try_again_loads_it() {
    let (root, _handle) = mount(flaky_screen);
    assert!(until(|| find(&root, "screen-failed").is_some()).await);
    let failed = find(&root, "screen-failed").unwrap();
    assert_eq!(failed.get_attribute("role").as_deref(), Some("alert"));
    assert_eq!(
        failed
            .query_selector("p")
            .unwrap()
            .unwrap()
            .text_content()
            .unwrap(),
        "This screen could not be loaded: is the connection down? Your diary is safe."
    );
    assert!(find(&root, "the-screen").is_none());

    click(&find(&root, "screen-retry").unwrap()).await;
    assert!(
        until(|| find(&root, "the-screen").is_some()).await,
        "Try again loaded it"
    );
    assert!(find(&root, "screen-failed").is_none());
    assert_eq!(LOADS.with(Cell::get), 2, "one more fetch, not a loop");
    root.remove();
}
