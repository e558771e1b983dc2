//! "A new version is ready — Reload": shown when a new build's service worker is installed
//! and waiting. `public/shell.js` owns the service worker; it tells the app through
//! `<html data-update-ready>` (set before the app may have mounted) and the window event
//! `ep-update-ready`, and it listens for `ep-apply-update`, fired by the Reload button, to let
//! the new worker take over and reload the page once.

use leptos::prelude::*;

fn update_already_ready() -> bool {
    document()
        .document_element()
        .is_some_and(|root| root.has_attribute("data-update-ready"))
}

/// A polite live region, empty until an update is ready.
#[component]
pub fn UpdateBanner() -> impl IntoView {
    let ready = RwSignal::new(update_already_ready());
    let handle = window_event_listener_untyped("ep-update-ready", move |_| ready.set(true));
    on_cleanup(move || handle.remove());
    let apply = move |_| {
        if let Ok(event) = web_sys::Event::new("ep-apply-update") {
            let _ = window().dispatch_event(&event);
        }
    };
    view! {
        <div class="update-status" role="status" data-testid="update-status">
            <Show when=move || ready.get()>
                <p class="update-banner" data-testid="update-banner">
                    "A new version is ready — "
                    <button type="button" data-testid="update-reload" on:click=apply>
                        "Reload"
                    </button>
                </p>
            </Show>
        </div>
    }
}
