//! Entry point: mounts the app. Everything else lives in the library.

use electrolyte_planner::{catalog, panic, timing, App};

fn main() {
    // A panic shows a plain message with Reload and a download of the
    // stored data, never a silent, half-working page.
    panic::install();
    leptos::mount::mount_to_body(App);
    timing::mark("app-interactive");
    // The food table is its own file, preloaded by index.html: decode it
    // and build the search index as soon as it has arrived.
    catalog::load();
}
