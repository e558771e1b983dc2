//! Adding a food to a meal: the meal (preselected by the time of day), a
//! search whose every result adds its honest default portion in one tap or
//! opens the portion form, and favourite and recent foods.

use leptos::ev::KeyboardEvent;
use leptos::prelude::*;

use crate::catalog;
use crate::components::decimal_field::DecimalField;
use crate::components::focus::{focus_id, focus_in};
use crate::components::food_search::{my_results, MyResult, SearchState};
use crate::components::pickers::{
    food_unit_choices, food_unit_from_value, food_unit_value, plain_number,
};
use crate::components::planner_state::Planner;
use crate::components::quick_add::{add_food, AddingTo, QuickAdd};
use crate::domain::foods::food::NdbNumber;
use crate::domain::foods::food_table::FoodIndex;
use crate::domain::planning::plan::Meal;
use crate::domain::units::quantity::parse_number;

/// The meal picker as one row of radio buttons: one tap to change.
#[component]
fn MealChoice(meal: RwSignal<Meal>) -> impl IntoView {
    view! {
        <fieldset class="meal-choice" data-testid="plan-add-meal">
            <legend>"Add to"</legend>
            {Meal::ALL
                .map(|m| {
                    view! {
                        <label class="meal-option">
                            <input
                                type="radio"
                                name="plan-add-meal"
                                value=m.key()
                                data-testid=format!("plan-meal-{}", m.key())
                                prop:checked=move || meal.get() == m
                                on:change=move |_| meal.set(m)
                            />
                            <span>{m.label()}</span>
                        </label>
                    }
                })
                .collect_view()}
        </fieldset>
    }
}

/// Finding a food, and adding an amount of it to a meal.
#[component]
pub(super) fn AddFood() -> impl IntoView {
    let planner = Planner::expect();
    let table = catalog::foods();
    let AddingTo(meal) = expect_context::<AddingTo>();
    let query = RwSignal::new(String::new());
    let search = SearchState::new(query);
    let SearchState { results, active } = search;
    let yours = my_results(query);
    let chosen = RwSignal::new(None::<FoodIndex>);
    let unit = RwSignal::new(String::new());
    let amount = RwSignal::new(String::new());
    // The outcome of the last add: "Added …" or why not.
    let status = RwSignal::new(None::<Result<String, String>>);
    let error = move || status.with(|s| s.clone().and_then(Result::err));
    let message = move || status.with(|s| s.clone().and_then(Result::ok));

    // Opens the portion form for the food at `i`, at its default portion.
    let pick = move |i: FoodIndex| {
        let serving = table.default_serving(&table.foods()[i]);
        unit.set(food_unit_value(serving.unit));
        amount.set(plain_number(serving.amount));
        chosen.set(Some(i));
        status.set(None);
        query.set(String::new());
    };
    // After a one-tap add: ready for the next food.
    let after_quick_add = Callback::new(move |()| {
        chosen.set(None);
        query.set(String::new());
        focus_search();
    });
    let on_keydown = move |ev: KeyboardEvent| {
        if ev.key() == "ArrowDown" && results.with(|(f, _)| !f.is_empty()) {
            ev.prevent_default();
            focus_first_result();
            return;
        }
        if let Some(i) = search.on_keydown(&ev, query) {
            pick(i);
        }
    };
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(i) = chosen.get_untracked() else {
            status.set(Some(Err(
                "Search for a food and choose it first.".to_owned()
            )));
            return;
        };
        let Some(food_unit) = food_unit_from_value(&unit.get_untracked()) else {
            return;
        };
        let value = match parse_number(&amount.get_untracked()) {
            Ok(value) => value,
            Err(e) => {
                status.set(Some(Err(e.to_string())));
                return;
            }
        };
        add_food(
            planner,
            meal.get_untracked(),
            table.foods()[i].ndb,
            value,
            food_unit,
            move |result| {
                let added = result.is_ok();
                status.set(Some(result));
                if added {
                    chosen.set(None);
                    focus_search();
                }
            },
        );
    };

    let has_query = move || query.with(|q| !q.trim().is_empty());
    let unit_options = move || {
        chosen.get().map(|i| {
            food_unit_choices(&table.foods()[i])
                .into_iter()
                .map(|(value, label)| {
                    // Marked on the option itself: the select's value is set
                    // before its options exist.
                    let selected = value == unit.get_untracked();
                    view! { <option value=value selected=selected>{label}</option> }
                })
                .collect_view()
        })
    };
    let meal_name = move || meal.get().label().to_ascii_lowercase();

    view! {
        <section class="add-form add-food" aria-labelledby="add-food-heading">
            <h2 id="add-food-heading">"Add a food"</h2>
            <MealChoice meal=meal/>
            <div class="field">
                <label for="plan-search-input">"Find a food"</label>
                <input
                    id="plan-search-input"
                    type="search"
                    data-testid="plan-search-input"
                    autocomplete="off"
                    spellcheck="false"
                    placeholder="e.g. banana"
                    aria-controls="plan-search-results"
                    aria-describedby="plan-search-status"
                    prop:value=move || query.get()
                    on:input=move |ev| query.set(event_target_value(&ev))
                    on:keydown=on_keydown
                />
            </div>
            <p id="plan-search-status" class="search-status" aria-live="polite" data-testid="plan-search-status">
                {move || match (has_query(), results.with(|(_, t)| *t) + yours.with(|(_, t)| *t)) {
                    (false, _) => String::new(),
                    (true, 0) => "No food matches; try fewer letters or a more general name.".to_owned(),
                    (true, 1) => "1 matching food: Add puts its usual portion in the plan.".to_owned(),
                    (true, t) => format!("{t} matching foods: Add puts a food's usual portion in the plan."),
                }}
            </p>
            <ul
                id="plan-search-results"
                class="search-results compact plan-results"
                aria-label="Matching foods"
                hidden=move || !has_query()
            >
                <For
                    each=move || if has_query() { yours.get().0 } else { Vec::new() }
                    key=|hit| hit.id
                    children=move |hit| view! {
                        <MyResult hit=hit status=status add_test_id="plan-quick-add" then=after_quick_add/>
                    }
                />
                <For
                    each=move || if has_query() { results.get().0 } else { Vec::new() }
                    key=|i| *i
                    children=move |i| {
                        let food = &table.foods()[i];
                        view! {
                            <li
                                class="plan-result"
                                class:active=move || active.get() == Some(i)
                            >
                                <button
                                    type="button"
                                    class="result-pick"
                                    data-testid="plan-search-result"
                                    on:click=move |_| pick(i)
                                >
                                    <span class="result-name">{food.description}</span>
                                    <span class="result-portion">{table.default_serving(food).label(food)}</span>
                                </button>
                                <QuickAdd i=i status=status test_id="plan-quick-add" then=after_quick_add/>
                            </li>
                        }
                    }
                />
            </ul>
            <Show when=move || chosen.get().is_some()>
                <form class="add-row" on:submit=add>
                    <p class="chosen-food">
                        <strong data-testid="plan-chosen-food">
                            {move || chosen.get().map(|i| table.foods()[i].description).unwrap_or_default()}
                        </strong>
                    </p>
                    <DecimalField id="plan-add-amount" label="Amount" value=amount/>
                    <div class="field">
                        <label for="plan-add-unit">"Unit"</label>
                        <select
                            id="plan-add-unit"
                            data-testid="plan-add-unit"
                            prop:value=move || unit.get()
                            on:change=move |ev| unit.set(event_target_value(&ev))
                        >
                            {unit_options}
                        </select>
                    </div>
                    <button type="submit" data-testid="plan-add-food">
                        "Add to " {meal_name}
                    </button>
                </form>
            </Show>
            <p class="field-error" role="alert" data-testid="plan-add-error">{error}</p>
            <p class="confirmation" role="status" data-testid="plan-add-status">{message}</p>
            <QuickPicks pick=pick/>
        </section>
    }
}

/// Puts the keyboard back in the search box, for the next food.
fn focus_search() {
    focus_id("plan-search-input");
}

/// Moves the keyboard from the search box to the first result.
fn focus_first_result() {
    if let Some(results) = document().get_element_by_id("plan-search-results") {
        focus_in(&results, ".result-pick");
    }
}

/// How many recent foods are offered.
const RECENT_FOODS: usize = 8;

/// Favourite and recently planned foods, one tap from the portion form.
#[component]
fn QuickPicks(pick: impl Fn(FoodIndex) + Copy + Send + Sync + 'static) -> impl IntoView {
    let planner = Planner::expect();
    let table = catalog::foods();
    let chips = move |ndbs: Vec<NdbNumber>, kind: &'static str| {
        ndbs.into_iter()
            .filter_map(|ndb| Some((ndb, table.index_of(ndb)?)))
            .map(|(ndb, i)| {
                view! {
                    <li>
                        <button
                            type="button"
                            class="chip"
                            data-testid=format!("{kind}-{ndb}")
                            on:click=move |_| pick(i)
                        >
                            {table.foods()[i].description}
                        </button>
                    </li>
                }
            })
            .collect_view()
    };
    let favourites = move || planner.diary.with(|d| d.settings().favourites().to_vec());
    let recent = move || planner.diary.with(|d| d.recent_foods(RECENT_FOODS));
    view! {
        {move || {
            let favourites = favourites();
            (!favourites.is_empty()).then(|| view! {
                <h3 class="quick-heading">"Favourites"</h3>
                <ul class="chips" data-testid="favourite-foods">{chips(favourites, "favourite")}</ul>
            })
        }}
        {move || {
            let recent = recent();
            (!recent.is_empty()).then(|| view! {
                <h3 class="quick-heading">"Recently planned"</h3>
                <ul class="chips" data-testid="recent-foods">{chips(recent, "recent")}</ul>
            })
        }}
    }
}
