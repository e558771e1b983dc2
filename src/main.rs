//! Entry point: mounts the app. Everything else lives in the library.

use electrolyte_planner::boot::Boot;
use electrolyte_planner::{catalog, panic, timing, App};
use leptos::prelude::*;

fn main() {
    // A panic shows a plain message with Reload and a download of the
    // stored data, never a silent, half-working page.
    panic::install();
    // index.html's static first screen took typing while the wasm came:
    // it makes way, and its text and focus go into the app's search box.
    let boot = Boot::take();
    let typed = boot.typed.clone();
    leptos::mount::mount_to_body(move || view! { <App typed/> });
    boot.restore_focus();
    timing::mark("app-interactive");
    // The food table is its own file, preloaded by index.html: decode it
    // and build the search index as soon as it has arrived.
    catalog::load();
}
