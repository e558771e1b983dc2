//! Entry point: mounts the app. Everything else lives in the library.

use electrolyte_planner::boot::{first_search_ran, mount_behind};
use electrolyte_planner::{catalog, panic, App};
use leptos::prelude::*;
// Not leptos::task::spawn_local: its executor starts when the app mounts.
use wasm_bindgen_futures::spawn_local;

fn main() {
    // A panic shows a plain message with Reload and a download of the
    // stored data, never a silent, half-working page.
    panic::install();
    if first_search_ran() {
        // The static screen answers searches already, and the food table
        // came before this wasm: the app takes over once its own copy is
        // decoded, so the results on screen go on without a "Loading…".
        spawn_local(async {
            catalog::loaded().await;
            mount();
        });
    } else {
        mount();
        // The food table is its own file, fetched by public/shell.js:
        // decode it and build the search index as soon as it has arrived.
        catalog::load();
    }
}

/// index.html's static first screen took typing while the wasm came: it
/// makes way, and its text and focus go into the app's search box.
fn mount() {
    mount_behind(|typed| view! { <App typed/> });
}
