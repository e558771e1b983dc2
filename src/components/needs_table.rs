//! What a screen that needs the food table shows until the table is there.

use leptos::prelude::*;

use crate::catalog::{self, TableStatus};

/// Its children once the food table is decoded; until then a polite
/// "Loading the food table…", and if it could not be loaded, why, with
/// "Try again". Nothing else of the page waits for it.
#[component]
pub fn NeedsTable(children: ChildrenFn) -> impl IntoView {
    move || match catalog::status() {
        TableStatus::Ready => children().into_any(),
        TableStatus::Loading => view! {
            <p class="table-status" role="status" data-testid="table-loading">
                "Loading the food table…"
            </p>
        }
        .into_any(),
        TableStatus::Failed(why) => view! { <TableFailed why/> }.into_any(),
    }
}

/// The food table could not be loaded: why, and a button to try again.
#[component]
pub fn TableFailed(why: String) -> impl IntoView {
    view! {
        <div class="table-status" role="alert" data-testid="table-failed">
            <p>{format!("The food table could not be loaded: {why}. Your diary is safe.")}</p>
            <button type="button" data-testid="table-retry" on:click=|_| catalog::load()>
                "Try again"
            </button>
        </div>
    }
}
