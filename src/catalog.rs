//! The USDA food table and its search index, shared by every screen.
//!
//! The table is a file of its own in `dist/` (`food-table-<hash>.txt`, named
//! by `scripts/pwa-post-build.mjs` in `<meta name="ep-food-table">`), not
//! bytes compiled into the wasm, so the first screen never waits for it.
//! `public/shell.js` starts its download once the wasm's is done (sharing
//! the bandwidth, both would come later); [`load`] takes that download,
//! decodes and indexes the table once, and [`status`] tells screens when it
//! is there. A screen that needs the table sits behind
//! [`crate::components::needs_table::NeedsTable`]; inside it, [`foods`] and
//! [`search_index`] are ready.

use std::sync::OnceLock;

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::domain::foods::food_table::{decode, FoodTable};
use crate::domain::foods::search::SearchIndex;
use crate::timing;

/// The `<meta>` that names the table file.
const META: &str = "meta[name='ep-food-table']";
/// What `public/shell.js` leaves on `window`: the table's download, started.
const STARTED_DOWNLOAD: &str = "epFoodTable";

/// Where the food table is.
#[derive(Clone, Debug, PartialEq)]
pub enum TableStatus {
    /// Downloading or decoding.
    Loading,
    /// Decoded and indexed: [`foods`] and [`search_index`] answer.
    Ready,
    /// It could not be fetched or read; the words say why. [`load`] tries again.
    Failed(String),
}

struct Catalog {
    table: FoodTable,
    index: SearchIndex,
}

static CATALOG: OnceLock<Catalog> = OnceLock::new();

thread_local! {
    static STATUS: ArcRwSignal<TableStatus> = ArcRwSignal::new(TableStatus::Loading);
}

fn status_signal() -> ArcRwSignal<TableStatus> {
    STATUS.with(Clone::clone)
}

/// The table's status, tracked: a view that reads it updates when it changes.
pub fn status() -> TableStatus {
    status_signal().get()
}

/// Whether the table is ready, tracked.
pub fn is_ready() -> bool {
    status_signal().with(|s| *s == TableStatus::Ready)
}

/// The USDA SR28 food table. Only for views behind
/// [`NeedsTable`](crate::components::needs_table::NeedsTable) (or after
/// [`is_ready`]): before the table arrives there is none to give.
pub fn foods() -> &'static FoodTable {
    &ready().table
}

/// The search index over [`foods`]; the same rule applies.
pub fn search_index() -> &'static SearchIndex {
    &ready().index
}

fn ready() -> &'static Catalog {
    CATALOG
        .get()
        .expect("the food table is read only behind NeedsTable")
}

/// Decodes `text` as the food table and builds its index, once; a table
/// already installed stays. Errors say what is wrong with the text.
pub fn install(text: &'static str) -> Result<(), String> {
    if CATALOG.get().is_none() {
        let table = timing::measure("decode-food-table", || decode(text))
            .map_err(|e| format!("the file is damaged ({e})"))?;
        let index = timing::measure("build-search-index", || SearchIndex::new(&table));
        let _ = CATALOG.set(Catalog { table, index });
    }
    status_signal().set(TableStatus::Ready);
    Ok(())
}

/// The shipped table, for the app's native unit tests.
#[cfg(test)]
pub(crate) fn install_shipped() {
    install(include_str!("../data/sr28-minerals.txt")).unwrap();
}

/// Takes the table file's download `public/shell.js` started (or starts
/// one), then installs the table; a failure becomes [`TableStatus::Failed`]
/// and a later call downloads it again, past any cached copy.
pub fn load() {
    spawn_local(loaded());
}

/// [`load`], awaited: done when the table is installed or has failed.
pub async fn loaded() {
    if CATALOG.get().is_some() {
        status_signal().set(TableStatus::Ready);
        return;
    }
    let retry = matches!(status_signal().get_untracked(), TableStatus::Failed(_));
    status_signal().set(TableStatus::Loading);
    let outcome = match fetch_text(retry).await {
        // The table borrows its text for the life of the page.
        Ok(text) => timing::measure("install-food-table", || install(String::leak(text))),
        Err(e) => Err(e),
    };
    match outcome {
        Ok(()) => timing::mark("food-table-ready"),
        Err(why) => status_signal().set(TableStatus::Failed(why)),
    }
}

async fn fetch_text(retry: bool) -> Result<String, String> {
    let unreachable = |_| "it could not be downloaded (are you offline?)".to_string();
    let window = web_sys::window().ok_or("there is no window")?;
    let url = window
        .document()
        .and_then(|d| d.query_selector(META).ok().flatten())
        .and_then(|meta| meta.get_attribute("content"))
        .ok_or("this page does not say where the food table is")?;
    let started = js_sys::Reflect::get(&window, &JsValue::from_str(STARTED_DOWNLOAD))
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        .filter(|_| !retry)
        .and_then(|start| start.call0(&window).ok())
        .and_then(|p| p.dyn_into::<js_sys::Promise>().ok());
    let download = started.unwrap_or_else(|| {
        let init = web_sys::RequestInit::new();
        if retry {
            init.set_cache(web_sys::RequestCache::Reload);
        }
        window.fetch_with_str_and_init(&url, &init)
    });
    let response = JsFuture::from(download).await.map_err(unreachable)?;
    let response: web_sys::Response = response.dyn_into().map_err(|_| "no response")?;
    if !response.ok() {
        return Err(format!("the server answered {}", response.status()));
    }
    let text = response.text().map_err(unreachable)?;
    let text: JsValue = JsFuture::from(text).await.map_err(unreachable)?;
    text.as_string()
        .ok_or_else(|| "the file is not text".to_string())
}
