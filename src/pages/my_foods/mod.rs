//! The user's own foods and recipes: the list at `/foods` ("My foods" in
//! the menu), the food form (`food_form`: from a label, with salt and
//! % Daily Value helpers), the recipe form (`recipe_form`) and each one's
//! page at `/my/<id>` (`my_food`: values, add to plan, edit, duplicate,
//! delete). The domain (`foods::custom`, `recipe`, `mine`) does the work.

pub mod food_form;
pub mod my_food;
pub mod recipe_form;

use leptos::prelude::*;
use leptos_router::components::A;

use crate::catalog;
use crate::components::planner_state::Planner;
use crate::domain::foods::mine::{MyFoodId, MyFoods};
use crate::domain::planning::plan::Entry;
use crate::domain::planning::totals::entry_minerals_line;

/// The address of an own food's or recipe's page.
pub fn my_href(id: MyFoodId) -> String {
    format!("/my/{id}")
}

/// One row of the list.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct Row {
    id: MyFoodId,
    name: String,
    /// "Recipe · 1 serving, 350 g" or "1 pot, 125 g".
    portion: String,
    minerals: String,
}

/// Every own food and recipe, by name.
fn rows(mine: &MyFoods) -> Vec<Row> {
    let table = catalog::foods();
    let ids = mine
        .foods()
        .map(|(id, _)| id)
        .chain(mine.recipes().map(|(id, _)| id));
    let mut rows: Vec<Row> = ids
        .filter_map(|id| {
            let (amount, unit, label) = mine.default_amount(id, table)?;
            let entry = mine.snapshot(id, amount, unit, table).ok()?;
            let kind = if mine.recipe(id).is_some() {
                "Recipe · "
            } else {
                ""
            };
            Some(Row {
                id,
                name: mine.name(id)?,
                portion: format!("{kind}{label}"),
                minerals: entry_minerals_line(&Entry::Mine(entry), table).unwrap_or_default(),
            })
        })
        .collect();
    rows.sort_by_key(|r| r.name.to_lowercase());
    rows
}

/// `/foods`: the list of own foods and recipes, and where to make new ones.
#[component]
pub fn MyFoodsPage() -> impl IntoView {
    super::set_title("My foods");
    let planner = Planner::expect();
    let rows = Memo::new(move |_| planner.mine.with(rows));
    view! {
        <article class="my-foods-page">
            <h1>"My foods"</h1>
            <p class="hint">
                "Foods from a label and your own recipes. They show up in every search, marked “yours”. "
                "A day keeps the values it was planned with: changing a food later changes past days only if you ask."
            </p>
            <p class="button-row">
                <A href="/foods/new" attr:class="button-link" attr:data-testid="my-new-food">"New food from a label"</A>
                <A href="/foods/new-recipe" attr:class="button-link" attr:data-testid="my-new-recipe">"New recipe"</A>
            </p>
            <Show
                when=move || rows.with(|r| !r.is_empty())
                fallback=|| view! { <p data-testid="my-foods-empty">"You have no foods or recipes of your own yet."</p> }
            >
                <ul class="my-foods-list" data-testid="my-foods-list">
                    <For
                        each=move || rows.get()
                        key=|r| r.clone()
                        children=|r| view! {
                            <li data-testid="my-food-row">
                                <A href=my_href(r.id) attr:class="my-food-name" attr:data-testid="my-food-link">{r.name}</A>
                                <span class="result-portion">{r.portion}</span>
                                <span class="mineral-line">{r.minerals}</span>
                            </li>
                        }
                    />
                </ul>
            </Show>
        </article>
    }
}
