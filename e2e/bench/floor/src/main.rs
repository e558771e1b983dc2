//! The floor of the first-visit benchmark (e2e/bench/first_visit.mjs): a
//! Leptos CSR page with one search input and one list, built and served
//! exactly like the app. Whatever the app takes beyond this page's time is
//! the app's own.

use leptos::prelude::*;

const FOODS: [&str; 8] = [
    "Bananas, raw",
    "Spinach, raw",
    "Milk, whole",
    "Potatoes, baked",
    "Yogurt, plain",
    "Almonds",
    "Beans, black, boiled",
    "Salmon, cooked",
];

fn mark(name: &str) {
    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
        let _ = performance.mark(name);
    }
}

fn main() {
    leptos::mount::mount_to_body(|| {
        let query = RwSignal::new(String::new());
        let found = move || {
            let q = query.get().to_lowercase();
            FOODS
                .iter()
                .filter(|f| !q.is_empty() && f.to_lowercase().contains(&q))
                .copied()
                .collect::<Vec<_>>()
        };
        view! {
            <label for="q">"Search foods"</label>
            <input id="q" type="search" data-testid="search-input"
                on:input=move |ev| query.set(event_target_value(&ev))/>
            <ul>
                <For each=found key=|f| *f children=|f| view! { <li data-testid="search-result">{f}</li> }/>
            </ul>
        }
    });
    mark("app-interactive");
}
