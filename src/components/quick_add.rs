//! Adding a food in its honest default portion from anywhere (a search
//! result, the richest-foods list, the planner) in one tap, to the meal of
//! the time of day unless the screen offers another.

use leptos::prelude::*;

use crate::catalog;
use crate::components::planner_state::Planner;
use crate::components::save_status::outcome;
use crate::domain::foods::food::NdbNumber;
use crate::domain::foods::food_table::FoodIndex;
use crate::domain::foods::mine::MyFoodId;
use crate::domain::planning::plan::{FoodUnit, Meal, MineEntry};
use crate::storage::local_hour;

/// The meal being added to, shared by the add forms of the plan page.
#[derive(Clone, Copy)]
pub struct AddingTo(pub RwSignal<Meal>);

impl AddingTo {
    /// The meal of the time of day.
    pub fn now() -> AddingTo {
        AddingTo(RwSignal::new(Meal::at_hour(local_hour())))
    }
}

/// Adds `amount` `unit`s of the food `ndb` to `meal` through the planner,
/// and gives `then` the outcome in words: "Added 1 medium (…), 118 g of
/// Bananas, raw to breakfast."
pub fn add_food(
    planner: Planner,
    meal: Meal,
    ndb: NdbNumber,
    amount: f64,
    unit: FoodUnit,
    then: impl FnOnce(Result<String, String>) + 'static,
) {
    let table = catalog::foods();
    planner.change_plan(
        move |p| p.add_food(meal, ndb, amount, unit, table),
        move |result| {
            // On screen, not stored: no "Added".
            then(outcome(result).map(|id| {
                planner.plan.with_untracked(|p| {
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
                })
            }));
        },
    );
}

/// "+ Add" for the food at `i`: its default portion to the meal in context
/// ([`AddingTo`], else the time of day's), with the outcome in `status`.
#[component]
pub fn QuickAdd(
    i: FoodIndex,
    /// Where "Added … to breakfast." (or why not) is shown.
    status: RwSignal<Option<Result<String, String>>>,
    /// Its `data-testid`.
    #[prop(default = "quick-add")]
    test_id: &'static str,
    /// Called at the tap, once the add is under way (e.g. to clear a search).
    #[prop(optional)]
    then: Option<Callback<()>>,
) -> impl IntoView {
    let planner = Planner::expect();
    let table = catalog::foods();
    let food = &table.foods()[i];
    let meal = use_context::<AddingTo>().unwrap_or_else(AddingTo::now).0;
    let serving = table.default_serving(food);
    let label = serving.label(food);
    let add = move |_| {
        add_food(
            planner,
            meal.get_untracked(),
            food.ndb,
            serving.amount,
            serving.unit,
            move |result| status.set(Some(result)),
        );
        // At the tap, not when the save comes back (it waits for the other
        // tabs' write lock): what is typed meanwhile is never cleared.
        if let Some(then) = then {
            then.run(());
        }
    };
    view! {
        <button
            type="button"
            class="result-add"
            data-testid=test_id
            data-ndb=food.ndb.to_string()
            on:click=add
        >
            "+ Add"
            <span class="visually-hidden">
                {move || {
                    format!(
                        " {label} of {} to {}",
                        food.description,
                        meal.get().label().to_ascii_lowercase()
                    )
                }}
            </span>
        </button>
    }
}

/// Adds the own food snapshot `entry` to `meal` through the planner, and
/// gives `then` the outcome in words, as [`add_food`] does.
pub fn add_mine(
    planner: Planner,
    meal: Meal,
    entry: MineEntry,
    then: impl FnOnce(Result<String, String>) + 'static,
) {
    let what = format!(
        "Added {} of {} to {}.",
        entry.describe_amount(),
        entry.name,
        meal.label().to_ascii_lowercase()
    );
    planner.change_plan(
        move |p| p.add_mine(meal, entry),
        move |result| then(outcome(result).map(|_| what)),
    );
}

/// "+ Add" for the own food or recipe `id`: its first portion (a recipe's
/// serving; 100 g without portions) to the meal in context, as
/// [`QuickAdd`] does for a USDA food.
#[component]
pub fn QuickAddMine(
    id: MyFoodId,
    /// Where "Added … to breakfast." (or why not) is shown.
    status: RwSignal<Option<Result<String, String>>>,
    /// Its `data-testid`.
    #[prop(default = "quick-add")]
    test_id: &'static str,
    /// Called at the tap, once the add is under way (e.g. to clear a search).
    #[prop(optional)]
    then: Option<Callback<()>>,
) -> impl IntoView {
    let planner = Planner::expect();
    let table = catalog::foods();
    let meal = use_context::<AddingTo>().unwrap_or_else(AddingTo::now).0;
    let default = Memo::new(move |_| planner.mine.with(|m| m.default_amount(id, table)));
    let name = Memo::new(move |_| planner.mine.with(|m| m.name(id)).unwrap_or_default());
    let add = move |_| {
        let m = meal.get_untracked();
        let entry = planner.mine.with_untracked(|mine| {
            let (amount, unit, _) = mine
                .default_amount(id, table)
                .ok_or_else(|| "That food is no longer among your foods.".to_owned())?;
            mine.snapshot(id, amount, unit, table)
                .map_err(|e| e.to_string())
        });
        let entry = match entry {
            Ok(entry) => entry,
            Err(e) => return status.set(Some(Err(e))),
        };
        add_mine(planner, m, entry, move |result| status.set(Some(result)));
        // At the tap, as `QuickAdd` does.
        if let Some(then) = then {
            then.run(());
        }
    };
    view! {
        <button type="button" class="result-add" data-testid=test_id data-my-id=id.to_string() on:click=add>
            "+ Add"
            <span class="visually-hidden">
                {move || {
                    let label = default.with(|d| d.as_ref().map(|(_, _, l)| l.clone()).unwrap_or_default());
                    format!(" {label} of {} to {}", name.get(), meal.get().label().to_ascii_lowercase())
                }}
            </span>
        </button>
    }
}
