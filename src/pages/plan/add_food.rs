//! Adding a food to a meal: search, favourites and recent foods, unit and amount.

use leptos::ev::KeyboardEvent;
use leptos::prelude::*;

use crate::catalog;
use crate::components::decimal_field::DecimalField;
use crate::components::food_search::SearchState;
use crate::components::planner_state::{
    food_unit_choices, food_unit_from_value, food_unit_value, MealSelect, Planner,
};
use crate::domain::amount::MassUnit;
use crate::domain::food::Food;
use crate::domain::food_table::FoodIndex;
use crate::domain::plan::{FoodUnit, Meal};
use crate::domain::quantity::parse_number;

/// The food's default unit and amount: one of its first portion, else 100 g.
fn default_unit(food: &Food) -> (FoodUnit, &'static str) {
    if food.portions.is_empty() {
        (FoodUnit::Mass(MassUnit::Gram), "100")
    } else {
        (FoodUnit::Portion(0), "1")
    }
}

/// Finding a food, and adding an amount of it to a meal.
#[component]
pub(super) fn AddFood() -> impl IntoView {
    let planner = Planner::expect();
    let table = catalog::foods();
    let query = RwSignal::new(String::new());
    let search = SearchState::new(query);
    let SearchState { results, active } = search;
    let chosen = RwSignal::new(None::<FoodIndex>);
    let meal = RwSignal::new(Meal::Breakfast);
    let unit = RwSignal::new(String::new());
    let amount = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let message = RwSignal::new(None::<String>);

    let pick = move |i: FoodIndex| {
        let (u, a) = default_unit(&table.foods()[i]);
        chosen.set(Some(i));
        unit.set(food_unit_value(u));
        amount.set(a.to_owned());
        error.set(None);
        query.set(String::new());
    };
    let on_keydown = move |ev: KeyboardEvent| {
        if let Some(i) = search.on_keydown(&ev, query) {
            pick(i);
        }
    };
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(i) = chosen.get_untracked() else {
            error.set(Some("Search for a food and choose it first.".to_owned()));
            return;
        };
        let food = &table.foods()[i];
        let Some(food_unit) = food_unit_from_value(&unit.get_untracked()) else {
            return;
        };
        let result = parse_number(&amount.get_untracked())
            .map_err(|e| e.to_string())
            .and_then(|value| {
                let m = meal.get_untracked();
                planner
                    .change_plan(|p| p.add_food(m, food.ndb, value, food_unit, table))
                    .map_err(|e| e.to_string())
            });
        match result {
            Ok(id) => {
                error.set(None);
                let text = planner.plan.with_untracked(|p| {
                    p.get(id)
                        .map(|(m, item)| {
                            format!(
                                "Added {} of {} to {}.",
                                item.describe_amount(table),
                                item.name(table),
                                m.label().to_ascii_lowercase()
                            )
                        })
                        .unwrap_or_default()
                });
                message.set(Some(text));
            }
            Err(e) => {
                message.set(None);
                error.set(Some(e));
            }
        }
    };

    let has_query = move || query.with(|q| !q.trim().is_empty());
    let option_id = move |i: FoodIndex| format!("plan-food-option-{}", table.foods()[i].ndb);
    let unit_options = move || {
        chosen.get().map(|i| {
            food_unit_choices(&table.foods()[i])
                .into_iter()
                .map(|(value, label)| view! { <option value=value>{label}</option> })
                .collect_view()
        })
    };

    view! {
        <section class="add-form" aria-labelledby="add-food-heading">
            <h2 id="add-food-heading">"Add a food"</h2>
            <QuickPicks pick=pick/>
            <div class="field">
                <label for="plan-search-input">"Find a food"</label>
                <input
                    id="plan-search-input"
                    type="search"
                    data-testid="plan-search-input"
                    role="combobox"
                    autocomplete="off"
                    spellcheck="false"
                    placeholder="e.g. banana raw"
                    aria-autocomplete="list"
                    aria-controls="plan-search-results"
                    aria-expanded=move || (has_query() && results.with(|(f, _)| !f.is_empty())).to_string()
                    aria-activedescendant=move || active.get().map(option_id)
                    prop:value=move || query.get()
                    on:input=move |ev| query.set(event_target_value(&ev))
                    on:keydown=on_keydown
                />
            </div>
            <p class="search-status" aria-live="polite" data-testid="plan-search-status">
                {move || match (has_query(), results.with(|(_, t)| *t)) {
                    (false, _) => String::new(),
                    (true, 0) => "No food matches; try fewer letters or a more general name.".to_owned(),
                    (true, 1) => "1 matching food: arrow keys to move, Enter to choose.".to_owned(),
                    (true, t) => format!("{t} matching foods: arrow keys to move, Enter to choose."),
                }}
            </p>
            <ul
                id="plan-search-results"
                class="search-results compact"
                role="listbox"
                aria-label="Matching foods"
                hidden=move || !has_query()
            >
                <For
                    each=move || if has_query() { results.get().0 } else { Vec::new() }
                    key=|i| *i
                    children=move |i| {
                        view! {
                            <li
                                id=option_id(i)
                                role="option"
                                class="search-result"
                                data-testid="plan-search-result"
                                aria-selected=move || (active.get() == Some(i)).to_string()
                                on:click=move |_| pick(i)
                            >
                                {table.foods()[i].description}
                            </li>
                        }
                    }
                />
            </ul>
            <form class="add-row" on:submit=add>
                <p class="chosen-food">
                    "Food: "
                    <strong data-testid="plan-chosen-food">
                        {move || chosen.get().map(|i| table.foods()[i].description).unwrap_or("none chosen yet")}
                    </strong>
                </p>
                <MealSelect id="plan-add-meal" meal=meal/>
                <DecimalField id="plan-add-amount" label="Amount" value=amount/>
                <div class="field">
                    <label for="plan-add-unit">"Unit"</label>
                    <select
                        id="plan-add-unit"
                        data-testid="plan-add-unit"
                        disabled=move || chosen.get().is_none()
                        prop:value=move || unit.get()
                        on:change=move |ev| unit.set(event_target_value(&ev))
                    >
                        {unit_options}
                    </select>
                </div>
                <button type="submit" data-testid="plan-add-food">"Add"</button>
            </form>
            <p class="field-error" role="alert" data-testid="plan-add-error">{move || error.get()}</p>
            <p class="confirmation" role="status" data-testid="plan-add-status">{move || message.get()}</p>
        </section>
    }
}

/// How many recent foods are offered.
const RECENT_FOODS: usize = 8;

/// Favourite and recently planned foods, one tap from the add form.
#[component]
fn QuickPicks(pick: impl Fn(FoodIndex) + Copy + Send + Sync + 'static) -> impl IntoView {
    let planner = Planner::expect();
    let table = catalog::foods();
    let chips = move |ndbs: Vec<crate::domain::food::NdbNumber>, kind: &'static str| {
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
