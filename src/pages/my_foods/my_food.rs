//! An own food's or recipe's page, `/my/<id>` (bookmarkable like
//! `/food/<NDB>`): its minerals in a chosen amount, "Add to plan", and
//! edit, duplicate and delete. Past days keep the values they were
//! planned with; the page says on how many days it is planned and offers
//! to bring those days up to date, with the count.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_params_map};
use leptos_router::NavigateOptions;

use super::food_form::FoodFormPage;
use super::my_href;
use super::recipe_form::RecipeFormPage;
use crate::catalog;
use crate::components::food_search::AddStatus;
use crate::components::pickers::MealSelect;
use crate::components::planner_state::Planner;
use crate::components::quick_add::add_mine;
use crate::components::save_status::outcome;
use crate::domain::foods::custom_form::FoodForm;
use crate::domain::foods::mine::{MyFoodId, MyUnit};
use crate::domain::foods::nutrient::Nutrient;
use crate::domain::foods::recipe_form::{ingredient_text, RecipeForm};
use crate::domain::planning::plan::{Entry, Meal, MineEntry};
use crate::domain::planning::totals::{entry_amounts, ItemAmount, WaterCounting};
use crate::domain::units::format::{count, format_amount};
use crate::domain::units::quantity::parse_number;
use crate::pages::not_found::NotFound;
use crate::storage::local_hour;

/// The id in the address, if it is one of the user's foods or recipes.
fn routed_id() -> Memo<Option<MyFoodId>> {
    let params = use_params_map();
    let planner = Planner::expect();
    Memo::new(move |_| {
        let id = MyFoodId::parse(&params.read().get("id").unwrap_or_default())?;
        planner.mine.with(|m| m.name(id).is_some()).then_some(id)
    })
}

fn not_found() -> AnyView {
    view! {
        <NotFound message="This food is not among your foods: it may have been deleted, or it was made in another browser.".to_owned()/>
    }
    .into_any()
}

/// `/my/<id>`.
#[component]
pub fn MyFoodPage() -> impl IntoView {
    let id = routed_id();
    move || match id.get() {
        Some(id) => view! { <MyFoodDetails id=id/> }.into_any(),
        None => not_found(),
    }
}

/// `/my/<id>/edit`: the food form or the recipe form.
#[component]
pub fn MyFoodEditPage() -> impl IntoView {
    let id = routed_id();
    let planner = Planner::expect();
    move || {
        let Some(id) = id.get() else {
            return not_found();
        };
        planner.mine.with_untracked(|m| {
            if let Some(food) = m.food(id) {
                view! { <FoodFormPage start=FoodForm::from_food(food) editing=Some(id)/> }.into_any()
            } else if let Some(recipe) = m.recipe(id) {
                view! { <RecipeFormPage start=RecipeForm::from_draft(&recipe.to_draft()) editing=Some(id)/> }.into_any()
            } else {
                not_found()
            }
        })
    }
}

#[component]
fn MyFoodDetails(id: MyFoodId) -> impl IntoView {
    let planner = Planner::expect();
    let table = catalog::foods();
    let name = Memo::new(move |_| planner.mine.with(|m| m.name(id)).unwrap_or_default());
    Effect::new(move || super::super::set_title(&name.get()));
    let units = Memo::new(move |_| planner.mine.with(|m| m.units(id, table)));
    let is_recipe = Memo::new(move |_| planner.mine.with(|m| m.recipe(id).is_some()));
    let first = planner.mine.with_untracked(|m| m.default_amount(id, table));
    let (amount0, unit0) = first.map_or((1.0, MyUnit::Grams), |(a, u, _)| (a, u));
    let amount = RwSignal::new(crate::components::pickers::plain_number(amount0));
    let unit = RwSignal::new(unit0.key());
    // The chosen amount as the plan would keep it, or why it cannot be.
    let entry = Memo::new(move |_| {
        let value = parse_number(&amount.get()).map_err(|e| e.to_string())?;
        let unit = MyUnit::from_key(&unit.get()).ok_or_else(|| "Choose a unit.".to_owned())?;
        planner
            .mine
            .with(|m| m.snapshot(id, value, unit, table))
            .map_err(|e| e.to_string())
    });
    let meta = move || {
        planner.mine.with(|m| {
            if let Some(r) = m.recipe(id) {
                format!(
                    "Your recipe · {} · {}",
                    count(r.ingredients().len(), "ingredient", "ingredients"),
                    r.describe_yield()
                )
            } else {
                "Your food, from its label".to_owned()
            }
        })
    };
    let rows = move || {
        let entry = entry.get().ok();
        let amounts = entry
            .as_ref()
            .map(|e| entry_amounts(&Entry::Mine(e.clone()), table, WaterCounting::default()));
        Nutrient::MINERALS
            .into_iter()
            .chain([Nutrient::Energy, Nutrient::Water])
            .map(|n| {
                let text = match amounts.map(|a| a[n.index()]) {
                    None => "—".to_owned(),
                    Some(ItemAmount::Known(v)) => format!("{} {}", format_amount(v), n.unit()),
                    Some(ItemAmount::AtLeast(v)) => {
                        format!("at least {} {}", format_amount(v), n.unit())
                    }
                    Some(_) => "no data".to_owned(),
                };
                let per_100g = entry.as_ref().and_then(|e| e.per_100g.get(n));
                let per_100g = match per_100g {
                    Some(v) if entry.as_ref().is_some_and(|e| e.is_lower_bound(n)) => {
                        format!("at least {} {}", format_amount(v), n.unit())
                    }
                    Some(v) => format!("{} {}", format_amount(v), n.unit()),
                    None => "no data".to_owned(),
                };
                view! {
                    <tr data-testid=format!("row-{}", n.key())>
                        <th scope="row">{n.name()}</th>
                        <td class="num" data-testid=format!("value-{}", n.key())>{text}</td>
                        <td class="num">{per_100g}</td>
                    </tr>
                }
            })
            .collect_view()
    };
    view! {
        <article class="food-page my-food-page">
            <h1 data-testid="food-title">{move || name.get()}</h1>
            <p class="food-meta" data-testid="my-food-meta">{meta}</p>
            <div class="serving-picker add-row">
                <div class="field">
                    <label for="my-amount">"Amount"</label>
                    <input id="my-amount" data-testid="my-amount" type="text" inputmode="decimal"
                        autocomplete="off" size="6"
                        aria-invalid=move || entry.with(Result::is_err).to_string()
                        aria-describedby="my-amount-error"
                        prop:value=move || amount.get()
                        on:input=move |ev| amount.set(event_target_value(&ev))/>
                </div>
                <div class="field">
                    <label for="my-unit">"Unit"</label>
                    <select id="my-unit" data-testid="my-unit"
                        prop:value=move || unit.get()
                        on:change=move |ev| unit.set(event_target_value(&ev))>
                        {move || units.get().into_iter().map(|(u, label)| {
                            let selected = u.key() == unit.get_untracked();
                            view! { <option value=u.key() selected=selected>{label}</option> }
                        }).collect_view()}
                    </select>
                </div>
            </div>
            <p id="my-amount-error" class="field-error" role="alert" data-testid="amount-error">
                {move || entry.get().err()}
            </p>
            <AddMineToPlan entry=entry/>
            <table class="nutrient-table">
                <caption>{move || entry.get().map(|e| format!("In {}", e.describe_amount())).unwrap_or_else(|_| "Enter an amount".to_owned())}</caption>
                <thead>
                    <tr>
                        <th scope="col">"Nutrient"</th>
                        <th scope="col" class="num">"Amount"</th>
                        <th scope="col" class="num">"Per 100 g"</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
            {move || is_recipe.get().then(|| view! { <Ingredients id=id/> })}
            <DaysUsing id=id/>
            <Manage id=id/>
        </article>
    }
}

/// A recipe's ingredients, each with its amount.
#[component]
fn Ingredients(id: MyFoodId) -> impl IntoView {
    let planner = Planner::expect();
    let table = catalog::foods();
    let lines = move || {
        planner.mine.with(|m| {
            m.recipe(id)
                .map(|r| {
                    r.ingredients()
                        .iter()
                        .map(|i| ingredient_text(i, m, table))
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    };
    view! {
        <section aria-labelledby="my-ingredients-heading">
            <h2 id="my-ingredients-heading">"Ingredients"</h2>
            <ul data-testid="my-ingredients">
                {move || lines().into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}
            </ul>
        </section>
    }
}

/// "Add to plan" of the chosen amount, to a meal.
#[component]
fn AddMineToPlan(entry: Memo<Result<MineEntry, String>>) -> impl IntoView {
    let planner = Planner::expect();
    let meal = RwSignal::new(Meal::at_hour(local_hour()));
    let status = RwSignal::new(None::<Result<String, String>>);
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match entry.get_untracked() {
            Ok(e) => add_mine(planner, meal.get_untracked(), e, move |r| {
                status.set(Some(r))
            }),
            Err(e) => status.set(Some(Err(e))),
        }
    };
    view! {
        <form class="add-to-plan add-row" on:submit=add aria-label="Add to the day plan">
            <MealSelect id="add-to-plan-meal" meal=meal/>
            <button type="submit" data-testid="add-to-plan">"Add to plan"</button>
            <AddStatus status=status test_id="add-to-plan-status"/>
        </form>
    }
}

/// On how many days the food is planned (each keeping the values it was
/// planned with), and the explicit "update those days".
#[component]
fn DaysUsing(id: MyFoodId) -> impl IntoView {
    let planner = Planner::expect();
    let days = Memo::new(move |_| {
        planner
            .whole_diary_read
            .get()
            .then(|| planner.diary.with(|d| d.days_using(id).len()))
    });
    let status = RwSignal::new(None::<Result<String, String>>);
    let update = move |_| {
        planner.refresh_days_using(id, move |result| {
            status.set(Some(result.map(|n| {
                format!("Updated {} to the values above.", count(n, "day", "days"))
            })));
        });
    };
    view! {
        <section class="my-food-days" aria-labelledby="my-days-heading">
            <h2 id="my-days-heading">"In your diary"</h2>
            <p data-testid="my-days-using">
                {move || match days.get() {
                    None => "Reading the diary…".to_owned(),
                    Some(0) => "Not planned on any day yet.".to_owned(),
                    Some(n) => format!(
                        "Planned on {}. Each day keeps the values it was planned with, even after you edit this food.",
                        count(n, "day", "days")
                    ),
                }}
            </p>
            {move || days.get().filter(|&n| n > 0).map(|n| view! {
                <button type="button" data-testid="my-update-days" on:click=update>
                    {format!("Update those {} to the values above", count(n, "day", "days"))}
                </button>
            })}
            <p role="status" data-testid="my-update-status">
                {move || match status.get() {
                    Some(Ok(t)) => Some(view! { <span class="confirmation">{t}</span> }.into_any()),
                    Some(Err(e)) => Some(view! { <span class="field-error">{e}</span> }.into_any()),
                    None => None,
                }}
            </p>
        </section>
    }
}

/// Edit, duplicate, delete (asked first; days that use it stay readable).
#[component]
fn Manage(id: MyFoodId) -> impl IntoView {
    let planner = Planner::expect();
    let navigate = use_navigate();
    let asking = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);
    let duplicate = {
        let navigate = navigate.clone();
        move |_| {
            let navigate = navigate.clone();
            planner.change_mine(
                move |m| m.duplicate(id),
                move |result| match outcome(result) {
                    Ok(copy) => navigate(
                        &format!("{}/edit", my_href(copy)),
                        NavigateOptions::default(),
                    ),
                    Err(e) => error.set(Some(e)),
                },
            );
        }
    };
    let delete = move |_| {
        let navigate = navigate.clone();
        planner.change_mine(
            move |m| m.delete(id),
            move |result| match outcome(result) {
                Ok(()) => navigate("/foods", NavigateOptions::default()),
                Err(e) => {
                    asking.set(false);
                    error.set(Some(e));
                }
            },
        );
    };
    view! {
        <section class="my-food-manage button-row" aria-label="Change this food">
            <A href=format!("{}/edit", my_href(id)) attr:class="button-link" attr:data-testid="my-edit">"Edit"</A>
            <button type="button" class="secondary" data-testid="my-duplicate" on:click=duplicate>"Duplicate"</button>
            <Show
                when=move || asking.get()
                fallback=move || view! {
                    <button type="button" class="secondary" data-testid="my-delete" on:click=move |_| asking.set(true)>"Delete"</button>
                }
            >
                <p role="alert" data-testid="my-delete-confirm">
                    "Delete it? Days it is planned on keep it, with the values they were planned with. "
                    <button type="button" data-testid="my-delete-yes" on:click=delete.clone()>"Delete"</button>
                    " "
                    <button type="button" class="secondary" data-testid="my-delete-no" on:click=move |_| asking.set(false)>"Keep it"</button>
                </p>
            </Show>
            <p class="field-error" role="alert" data-testid="my-manage-error">{move || error.get()}</p>
        </section>
    }
}
