//! The start page: search every food as you type, and add one to today's
//! plan in one tap.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::food_search::FoodSearch;

/// Search box first (each result adds its usual portion to today's plan in
/// one tap); short pointers to the rankings below it.
#[component]
pub fn HomePage() -> impl IntoView {
    super::set_title("");
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
