//! Entry point: mounts the app. Everything else lives in the library.

use electrolyte_planner::{catalog, panic, timing, App};
use leptos::prelude::{request_animation_frame, set_timeout};

fn main() {
    // A panic shows a plain message with Reload and a download of the
    // stored data, never a silent, half-working page.
    panic::install();
    leptos::mount::mount_to_body(App);
    timing::mark("app-interactive");
    // After the first paint, decode the food table and build the search
    // index (each measured), so the first keystroke pays for neither. A
    // screen that needs them sooner (a food page, the planner) builds them
    // on first use.
    request_animation_frame(|| {
        set_timeout(
            || {
                timing::measure("decode-food-table", catalog::foods);
                timing::measure("build-search-index", catalog::search_index);
                timing::mark("food-table-ready");
            },
            Default::default(),
        );
    });
}
