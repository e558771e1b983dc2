//! Entry point: mounts the app. Everything else lives in the library.

use electrolyte_planner::{catalog, timing, App};

fn main() {
    console_error_panic_hook::set_once();
    // Decode the table and build the search index up front (each measured),
    // so the first keystroke pays for neither.
    timing::measure("decode-food-table", catalog::foods);
    timing::measure("build-search-index", catalog::search_index);
    leptos::mount::mount_to_body(App);
    timing::mark("app-interactive");
}
