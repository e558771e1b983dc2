//! The start page: search every food as you type, and add one to today's
//! plan in one tap.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::catalog;
use crate::components::food_search::{FoodSearch, SearchQuery};
use crate::pages::screens;

/// Search box first (each result adds its usual portion to today's plan in
/// one tap); short pointers to the rankings below it.
#[component]
pub fn HomePage() -> impl IntoView {
    super::set_title("");
    // A result is what is tapped next: once there are results, fetch the
    // food page's code (a chunk in the split build; a failure shows on the
    // tap). Not earlier: a tap on another screen would share the network.
    let SearchQuery(query) = expect_context();
    Effect::new(move |done: Option<bool>| {
        if done == Some(true) || !catalog::is_ready() || query.with(|q| q.trim().is_empty()) {
            return done.unwrap_or(false);
        }
        leptos::task::spawn_local(async {
            let _ = screens::food_ahead().await;
        });
        true
    });
    view! {
        <section class="home">
            <h1>"What’s in your food?"</h1>
            <p class="lede">
                "Potassium, magnesium, calcium and sodium in all 8,789 foods of the USDA table, "
                "per 100 g and per household portion. "
                "“+ Add” puts a food’s usual portion in today’s plan."
            </p>
            <FoodSearch/>
            <h2 class="visually-hidden">"Rankings"</h2>
            <ul class="shortcuts">
                <li><A href="/rich">"Foods richest in what today is short of"</A></li>
                <li><A href="/rich?mineral=potassium">"Foods richest in potassium"</A></li>
                <li><A href="/rich?mineral=magnesium">"Foods richest in magnesium"</A></li>
                <li><A href="/rich?mineral=calcium">"Foods richest in calcium"</A></li>
            </ul>
        </section>
    }
}
