//! What an unknown address or food number shows.

use leptos::prelude::*;
use leptos_router::components::A;

/// A clear "not found" page with a way back to search.
#[component]
pub fn NotFound(
    /// Optional explanation, e.g. which food number was not found.
    #[prop(optional, into)]
    message: Option<String>,
) -> impl IntoView {
    super::set_title("Not found");
    view! {
        <section class="not-found" data-testid="not-found">
            <h1>"Not found"</h1>
            <p>{message.unwrap_or_else(|| "There is no page at this address.".to_owned())}</p>
            <p><A href="/">"Search all foods"</A></p>
        </section>
    }
}
