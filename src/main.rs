//! Entry point: mounts the app. Everything else lives in the library.

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(electrolyte_planner::App);
    // Build the search index now rather than on the first keystroke.
    electrolyte_planner::catalog::search_index();
    electrolyte_planner::timing::mark("app-interactive");
}
