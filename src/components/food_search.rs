//! Search-as-you-type over the whole food table, as an accessible combobox:
//! arrow keys move through the results, Enter opens the highlighted food.

use leptos::ev::KeyboardEvent;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;

use crate::catalog;
use crate::components::mineral_summary::MineralSummary;
use crate::domain::food::Food;
use crate::domain::food_table::FoodIndex;
use crate::timing;

/// How many results the list shows at once.
pub const RESULT_LIMIT: usize = 25;

/// The search text, shared through context so it survives leaving the page.
#[derive(Clone, Copy)]
pub struct SearchQuery(pub RwSignal<String>);

/// Address of a food's page.
pub fn food_href(food: &Food) -> String {
    format!("/food/{}", food.ndb)
}

/// Moves the highlight one step through `results`, wrapping at the ends.
fn step(results: &[FoodIndex], active: Option<FoodIndex>, forward: bool) -> Option<FoodIndex> {
    if results.is_empty() {
        return None;
    }
    let last = results.len() - 1;
    let position = active.and_then(|a| results.iter().position(|&r| r == a));
    let next = match (position, forward) {
        (None, true) => 0,
        (None, false) => last,
        (Some(p), true) => {
            if p == last {
                0
            } else {
                p + 1
            }
        }
        (Some(p), false) => {
            if p == 0 {
                last
            } else {
                p - 1
            }
        }
    };
    Some(results[next])
}

/// A search over the food table as a combobox keeps: its results and the
/// highlighted one. Shared by the home page search and the planner's picker.
#[derive(Clone, Copy)]
pub struct SearchState {
    /// The best matches (at most [`RESULT_LIMIT`]) and how many matched.
    pub results: Memo<(Vec<FoodIndex>, usize)>,
    /// The option the arrow keys highlighted.
    pub active: RwSignal<Option<FoodIndex>>,
}

impl SearchState {
    /// Results for `query`, timed as the "search" measure; the highlight is
    /// cleared whenever they change.
    /// An empty query touches neither the table nor the index, so a screen
    /// with an empty search box does not wait for them to be built.
    pub fn new(query: RwSignal<String>) -> SearchState {
        let results = Memo::new(move |_| {
            query.with(|q| {
                if q.trim().is_empty() {
                    return (Vec::new(), 0);
                }
                let (table, index) = (catalog::foods(), catalog::search_index());
                let found = timing::measure("search", || index.search(table, q, RESULT_LIMIT));
                (found.foods, found.total)
            })
        });
        let active = RwSignal::new(None::<FoodIndex>);
        Effect::new(move |_| {
            results.track();
            active.set(None);
        });
        SearchState { results, active }
    }

    /// Handles the combobox keys: arrows move the highlight, Escape clears
    /// it (then the query). Returns the food Enter chose: the highlighted
    /// one, else the first result.
    pub fn on_keydown(&self, ev: &KeyboardEvent, query: RwSignal<String>) -> Option<FoodIndex> {
        let shown = self.results.with(|(foods, _)| foods.clone());
        match ev.key().as_str() {
            "ArrowDown" | "ArrowUp" => {
                ev.prevent_default();
                self.active.set(step(
                    &shown,
                    self.active.get_untracked(),
                    ev.key() == "ArrowDown",
                ));
                None
            }
            "Enter" => {
                let chosen = self.active.get_untracked().or(shown.first().copied());
                if chosen.is_some() {
                    ev.prevent_default();
                }
                chosen
            }
            "Escape" => {
                if self.active.get_untracked().is_some() {
                    self.active.set(None);
                } else {
                    query.set(String::new());
                }
                None
            }
            _ => None,
        }
    }
}

/// The search box and its live result list.
#[component]
pub fn FoodSearch() -> impl IntoView {
    let SearchQuery(query) = expect_context::<SearchQuery>();
    let search = SearchState::new(query);
    let SearchState { results, active } = search;

    let navigate = use_navigate();
    let on_keydown = move |ev: KeyboardEvent| {
        if let Some(i) = search.on_keydown(&ev, query) {
            navigate(
                &food_href(&catalog::foods().foods()[i]),
                NavigateOptions::default(),
            );
        }
    };

    let has_query = move || query.with(|q| !q.trim().is_empty());
    let option_id = move |i: FoodIndex| format!("food-option-{}", catalog::foods().foods()[i].ndb);

    view! {
        <div class="food-search">
            <label for="food-search-input" class="search-label">"Search foods"</label>
            <input
                id="food-search-input"
                type="search"
                data-testid="search-input"
                role="combobox"
                autocomplete="off"
                spellcheck="false"
                placeholder="e.g. banana, spinach raw, yogurt plain"
                aria-autocomplete="list"
                aria-controls="food-search-results"
                aria-describedby="food-search-status"
                aria-expanded=move || (has_query() && results.with(|(f, _)| !f.is_empty())).to_string()
                aria-activedescendant=move || active.get().map(option_id)
                prop:value=move || query.get()
                on:input=move |ev| query.set(event_target_value(&ev))
                on:keydown=on_keydown
            />
            <p id="food-search-status" class="search-status" aria-live="polite" data-testid="search-count">
                {move || {
                    let (shown, total) = results.with(|(f, t)| (f.len(), *t));
                    match (has_query(), total) {
                        (false, _) => "Type part of a food's name: word fragments in any order work.".to_owned(),
                        (true, 0) => String::new(),
                        (true, t) if t > shown => format!("Showing the best {shown} of {t} matching foods."),
                        (true, 1) => "1 matching food.".to_owned(),
                        (true, t) => format!("{t} matching foods."),
                    }
                }}
            </p>
            <Show when=move || has_query() && results.with(|(_, t)| *t == 0)>
                <p class="no-match" data-testid="search-no-match" role="status">
                    "No food matches “" {move || query.get()} "”. "
                    "Try fewer letters, a singular word, or a more general name (“beans” rather than a brand)."
                </p>
            </Show>
            <ul
                id="food-search-results"
                class="search-results"
                role="listbox"
                aria-label="Matching foods"
                data-testid="search-results"
            >
                <For
                    each=move || results.get().0
                    key=|i| *i
                    children=move |i| {
                        let food = &catalog::foods().foods()[i];
                        view! {
                            <li role="none" class="search-result" data-testid="search-result">
                                <a
                                    href=food_href(food)
                                    id=option_id(i)
                                    role="option"
                                    tabindex="-1"
                                    aria-selected=move || (active.get() == Some(i)).to_string()
                                >
                                    <span class="food-name">{food.description}</span>
                                    <MineralSummary food=food/>
                                </a>
                            </li>
                        }
                    }
                />
            </ul>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arrows_step_through_results_and_wrap() {
        let results = [7, 3, 9];
        assert_eq!(step(&results, None, true), Some(7));
        assert_eq!(step(&results, None, false), Some(9));
        assert_eq!(step(&results, Some(7), true), Some(3));
        assert_eq!(step(&results, Some(9), true), Some(7));
        assert_eq!(step(&results, Some(7), false), Some(9));
        assert_eq!(step(&results, Some(42), true), Some(7));
        assert_eq!(step(&[], Some(7), true), None);
    }
}
