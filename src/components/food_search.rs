//! Search-as-you-type over the whole food table: a search box and a list
//! of results, each a link to the food and a one-tap "+ Add" of its default
//! portion. Arrow keys move from the box into the results and through
//! them; Enter in the box opens the first food.

use leptos::ev::KeyboardEvent;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;

use crate::catalog::{self, TableStatus};
use crate::components::focus::{focus_id, focus_in, focused};
use crate::components::mineral_summary::MineralSummary;
use crate::components::needs_table::TableFailed;
use crate::components::planner_state::Planner;
use crate::components::quick_add::{QuickAdd, QuickAddMine};
use crate::domain::foods::food::Food;
use crate::domain::foods::food_table::FoodIndex;
use crate::domain::foods::my_search::{MyHit, MyKind};
use crate::domain::foods::search::{count_line, NO_MATCH_ADVICE, SEARCH_HINT};
use crate::domain::planning::plan::Entry;
use crate::domain::planning::totals::entry_minerals_line;
use crate::pages::my_foods::my_href;
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
                // Until the table arrives there is nothing to search; this
                // memo runs again when it does.
                if q.trim().is_empty() || !catalog::is_ready() {
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

/// Where a one-tap add says what it did: "Added 1 medium (…), 118 g of
/// Bananas, raw to breakfast. See the day plan", or why it could not. A
/// polite status region, present before anything is added so that screen
/// readers announce the first message too.
#[component]
pub fn AddStatus(
    status: RwSignal<Option<Result<String, String>>>,
    /// Its `data-testid`; the link to the plan is `<test_id>-link`.
    test_id: &'static str,
) -> impl IntoView {
    view! {
        <p class="confirmation" role="status" data-testid=test_id>
            {move || match status.get() {
                Some(Ok(text)) => Some(view! {
                    {text} " "
                    <A href="/plan" attr:data-testid=format!("{test_id}-link")>"See the day plan"</A>
                }.into_any()),
                Some(Err(e)) => Some(view! { <span class="field-error">{e}</span> }.into_any()),
                None => None,
            }}
        </p>
    }
}

/// The user's own foods and recipes matching `query` (at most
/// [`RESULT_LIMIT`]) and how many matched, by the USDA search's rules.
pub fn my_results(query: RwSignal<String>) -> Memo<(Vec<MyHit>, usize)> {
    let planner = Planner::expect();
    // Shown with the USDA results, once the table is here (a recipe's
    // figures need it).
    Memo::new(move |_| {
        if !catalog::is_ready() {
            return (Vec::new(), 0);
        }
        query.with(|q| {
            if q.trim().is_empty() {
                return (Vec::new(), 0);
            }
            timing::measure("search-mine", || {
                planner.my_index.with(|i| i.search(q, RESULT_LIMIT))
            })
        })
    })
}

/// "· 2 of yours" after a result count, or nothing.
pub fn yours_text(yours: usize) -> String {
    match yours {
        0 => String::new(),
        n => format!(" {n} of yours."),
    }
}

/// One of the user's own foods or recipes in a result list, marked
/// "yours": a link to its page (its default portion and minerals under the
/// name) and its one-tap "+ Add".
#[component]
pub fn MyResult(
    hit: MyHit,
    /// Where the add says what it did.
    status: RwSignal<Option<Result<String, String>>>,
    /// The "+ Add"'s `data-testid`.
    add_test_id: &'static str,
    /// Called after the add was tried.
    #[prop(optional)]
    then: Option<Callback<()>>,
) -> impl IntoView {
    let planner = Planner::expect();
    let table = catalog::foods();
    let id = hit.id;
    let line = Memo::new(move |_| {
        planner.mine.with(|m| {
            let name = m.name(id).unwrap_or_default();
            let (amount, unit, label) = m.default_amount(id, table)?;
            let entry = m.snapshot(id, amount, unit, table).ok()?;
            let minerals = entry_minerals_line(&Entry::Mine(entry), table).unwrap_or_default();
            let kind = if hit.kind == MyKind::Recipe {
                "recipe · "
            } else {
                ""
            };
            Some((name, format!("{kind}{label}"), minerals))
        })
    });
    let part = move |i: usize| {
        move || {
            line.with(|l| {
                l.as_ref()
                    .map(|(a, b, c)| [a, b, c][i].clone())
                    .unwrap_or_default()
            })
        }
    };
    view! {
        <li class="plan-result yours" data-testid="search-result-yours">
            <a href=my_href(id) class="result-pick" data-testid="search-result-link">
                <span class="food-name" data-testid="result-name">{part(0)}</span>
                " "<span class="yours-tag">"yours"</span>
                <span class="result-portion" data-testid="result-portion">{part(1)}</span>
                <span class="mineral-line">{part(2)}</span>
            </a>
            {match then {
                Some(then) => view! { <QuickAddMine id=id status=status test_id=add_test_id then=then/> }.into_any(),
                None => view! { <QuickAddMine id=id status=status test_id=add_test_id/> }.into_any(),
            }}
        </li>
    }
}

pub const INPUT_ID: &str = "food-search-input";
const RESULTS_ID: &str = "food-search-results";
/// A result's link (opens the food), in its row.
const LINK: &str = ".result-pick";
/// A result's "+ Add", in its row.
const ADD: &str = ".result-add";

/// Moves the focus from the search box into the results: onto the first
/// food's link (`first`), else the last one's.
fn focus_result_from_input(first: bool) -> bool {
    let Some(list) = document().get_element_by_id(RESULTS_ID) else {
        return false;
    };
    let row = if first {
        list.first_element_child()
    } else {
        list.last_element_child()
    };
    row.is_some_and(|row| focus_in(&row, LINK))
}

/// The keys of the result list, a list of rows (a link to the food and its
/// "+ Add"): up and down move from food to food (up from the first goes
/// back to the search box, down from the last wraps to the first), left
/// and right between a food's link and its "+ Add", Escape goes back to the
/// search box and a typed letter goes on in it. Enter and Space do what
/// the focused link or button does.
fn on_results_keydown(ev: &KeyboardEvent) {
    let Some(row) = focused().and_then(|e| e.closest("li").ok().flatten()) else {
        return;
    };
    let key = ev.key();
    let moved = match key.as_str() {
        "ArrowDown" => {
            let next = row.next_element_sibling().or_else(|| {
                row.parent_element()
                    .and_then(|list| list.first_element_child())
            });
            next.is_some_and(|r| focus_in(&r, LINK))
        }
        "ArrowUp" => match row.previous_element_sibling() {
            Some(previous) => focus_in(&previous, LINK),
            None => {
                focus_id(INPUT_ID);
                true
            }
        },
        "ArrowRight" => focus_in(&row, ADD),
        "ArrowLeft" => focus_in(&row, LINK),
        "Escape" => {
            focus_id(INPUT_ID);
            true
        }
        _ => {
            // A letter goes on in the search box (the key lands there).
            if key.chars().count() == 1 && !ev.ctrl_key() && !ev.meta_key() && !ev.alt_key() {
                focus_id(INPUT_ID);
            }
            false
        }
    };
    if moved {
        ev.prevent_default();
    }
}

/// The search box and its live result list: each result a row with a
/// link to the food (its default portion under the name) and a one-tap
/// "+ Add" of that portion to the day plan.
#[component]
pub fn FoodSearch() -> impl IntoView {
    let SearchQuery(query) = expect_context::<SearchQuery>();
    let search = SearchState::new(query);
    let SearchState { results, .. } = search;
    let yours = my_results(query);
    let status = RwSignal::new(None::<Result<String, String>>);
    // A new search starts without the last add's message.
    Effect::new(move |first: Option<()>| {
        query.track();
        if first.is_some() {
            status.set(None);
        }
    });

    let navigate = use_navigate();
    let on_keydown = move |ev: KeyboardEvent| {
        let has_results =
            results.with(|(f, _)| !f.is_empty()) || yours.with(|(y, _)| !y.is_empty());
        match ev.key().as_str() {
            "ArrowDown" | "ArrowUp" if has_results => {
                ev.prevent_default();
                focus_result_from_input(ev.key() == "ArrowDown");
            }
            // Enter opens the best match: the user's own, listed first.
            "Enter"
                if search.active.get_untracked().is_none()
                    && yours.with(|(y, _)| !y.is_empty()) =>
            {
                ev.prevent_default();
                if let Some(hit) = yours.with(|(y, _)| y.first().copied()) {
                    navigate(&my_href(hit.id), NavigateOptions::default());
                }
            }
            _ => {
                if let Some(i) = search.on_keydown(&ev, query) {
                    navigate(
                        &food_href(&catalog::foods().foods()[i]),
                        NavigateOptions::default(),
                    );
                }
            }
        }
    };

    let has_query = move || query.with(|q| !q.trim().is_empty());
    // What is typed before the table has arrived waits for it, and says so.
    let waiting = move || has_query() && !catalog::is_ready();

    view! {
        <div class="food-search">
            <label for=INPUT_ID class="search-label">"Search foods"</label>
            <input
                id=INPUT_ID
                type="search"
                data-testid="search-input"
                autocomplete="off"
                spellcheck="false"
                placeholder="e.g. banana, spinach raw, yogurt plain"
                aria-controls=RESULTS_ID
                aria-describedby="food-search-status"
                prop:value=move || query.get()
                on:input=move |ev| query.set(event_target_value(&ev))
                on:keydown=on_keydown
            />
            <p id="food-search-status" class="search-status" aria-live="polite" data-testid="search-count">
                {move || {
                    let counted = match has_query() {
                        true if waiting() => match catalog::status() {
                            TableStatus::Failed(_) => String::new(),
                            _ => "Loading the food table… your results follow.".to_owned(),
                        },
                        false => SEARCH_HINT.to_owned(),
                        true => results.with(|(foods, total)| count_line(foods.len(), *total)),
                    };
                    counted + &yours_text(yours.with(|(_, t)| *t))
                }}
            </p>
            {move || match catalog::status() {
                TableStatus::Failed(why) if has_query() => Some(view! { <TableFailed why/> }),
                _ => None,
            }}
            <Show when=move || has_query() && !waiting() && results.with(|(_, t)| *t == 0) && yours.with(|(_, t)| *t == 0)>
                <p class="no-match" data-testid="search-no-match" role="status">
                    "No food matches “" {move || query.get()} "”. " {NO_MATCH_ADVICE}
                </p>
            </Show>
            <AddStatus status=status test_id="search-add-status"/>
            <ul
                id=RESULTS_ID
                class="search-results compact"
                aria-label="Matching foods"
                data-testid="search-results"
                on:keydown=move |ev| on_results_keydown(&ev)
            >
                <For
                    each=move || yours.get().0
                    key=|hit| hit.id
                    children=move |hit| view! { <MyResult hit=hit status=status add_test_id="search-quick-add"/> }
                />
                <For
                    each=move || results.get().0
                    key=|i| *i
                    children=move |i| {
                        let table = catalog::foods();
                        let food = &table.foods()[i];
                        view! {
                            <li class="plan-result" data-testid="search-result">
                                <a href=food_href(food) class="result-pick" data-testid="search-result-link">
                                    <span class="food-name" data-testid="result-name">{food.description}</span>
                                    <span class="result-portion" data-testid="result-portion">
                                        {table.default_serving(food).label(food)}
                                    </span>
                                    <MineralSummary food=food/>
                                </a>
                                <QuickAdd i=i status=status test_id="search-quick-add"/>
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
