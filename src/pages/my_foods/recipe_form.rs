//! The recipe form (`/foods/new-recipe`, `/my/<id>/edit`): a name, the
//! ingredients found by search among the USDA foods and the user's own
//! foods (each by portion, g or oz), the servings and the optional cooked
//! weight, with the minerals per serving computed as it is typed. The
//! domain's `RecipeForm` reads it; `RecipeDraft::check` decides.

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;

use super::my_href;
use crate::catalog;
use crate::components::food_search::{SearchState, RESULT_LIMIT};
use crate::components::pickers::{food_unit_from_value, food_unit_value};
use crate::components::planner_state::Planner;
use crate::components::save_status::{not_saved_text, Saved};
use crate::domain::foods::mine::MyFoodId;
use crate::domain::foods::my_search::MyKind;
use crate::domain::foods::nutrient::Nutrient;
use crate::domain::foods::recipe::IngredientFood;
use crate::domain::foods::recipe_form::{ingredient_name, ingredient_units, RecipeForm};
use crate::domain::units::format::{count, format_amount};

/// The form for a new recipe (`editing` = `None`) or for editing
/// `editing`, starting from `start`. Saved, it opens the recipe's page.
#[component]
pub fn RecipeFormPage(start: RecipeForm, editing: Option<MyFoodId>) -> impl IntoView {
    super::super::set_title(if editing.is_some() {
        "Edit recipe"
    } else {
        "New recipe"
    });
    let heading_edit = editing.is_some();
    let editing = RwSignal::new(editing);
    let planner = Planner::expect();
    let table = catalog::foods();
    let form = RwSignal::new(start);
    let error = RwSignal::new(None::<String>);
    let navigate = use_navigate();
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let draft = match planner
            .mine
            .with_untracked(|m| form.with_untracked(|f| f.draft(m, table)))
        {
            Ok(d) => d,
            Err(e) => return error.set(Some(e)),
        };
        let navigate = navigate.clone();
        planner.change_mine(
            move |mine| match editing.get_untracked() {
                Some(id) => mine.edit_recipe(id, &draft, table).map(|()| id),
                None => mine.add_recipe(&draft, table),
            },
            move |result| match result {
                Ok(Saved {
                    value: id,
                    kept: Ok(()),
                }) => navigate(&my_href(id), NavigateOptions::default()),
                // On screen, not stored: the form goes on editing what it
                // made, so saving again does not make a second copy.
                Ok(Saved {
                    value: id,
                    kept: Err(e),
                }) => {
                    editing.set(Some(id));
                    error.set(Some(not_saved_text(&e)));
                }
                Err(e) => error.set(Some(e.to_string())),
            },
        );
    };
    // The figures per serving as typed so far, or nothing while a field
    // cannot be read or the recipe is not usable yet.
    let per_serving = move || {
        planner.mine.with(|m| {
            let draft = form.with(|f| f.draft(m, table)).ok()?;
            let mut scratch = m.clone();
            let id = scratch.add_recipe(&draft, table).ok()?;
            let figures = scratch.recipe(id)?.figures(&scratch, table);
            let parts: Vec<String> = Nutrient::MINERALS
                .into_iter()
                .map(|n| {
                    let t = figures.per_serving(n);
                    let amount = format!("{} mg", format_amount(t.known));
                    if t.items_missing > 0 {
                        let without = count(t.items_missing, "ingredient", "ingredients");
                        format!("{} at least {amount} ({without} without data)", n.name())
                    } else {
                        format!("{} {amount}", n.name())
                    }
                })
                .collect();
            Some(format!(
                "One serving, {} g: {}.",
                format_amount(figures.serving_grams()),
                parts.join(" · ")
            ))
        })
    };
    let rows = Memo::new(move |_| form.with(|f| f.ingredients.len()));
    view! {
        <article class="my-food-form">
            <h1>{if heading_edit { "Edit your recipe" } else { "A recipe of your own" }}</h1>
            <form on:submit=save novalidate=true aria-describedby="my-recipe-error">
                <div class="field">
                    <label for="my-recipe-name">"Name"</label>
                    <input id="my-recipe-name" data-testid="my-recipe-name" type="text" autocomplete="off" maxlength="80"
                        prop:value=move || form.with(|f| f.name.clone())
                        on:input=move |ev| form.update(|f| f.name = event_target_value(&ev))/>
                </div>
                <fieldset class="my-recipe-ingredients">
                    <legend>"Ingredients"</legend>
                    <ol class="plain-list" data-testid="my-recipe-ingredients">
                        {move || (0..rows.get()).map(|i| view! { <IngredientRowFields form=form i=i/> }).collect_view()}
                    </ol>
                    <IngredientSearch form=form/>
                </fieldset>
                <div class="add-row">
                    <div class="field">
                        <label for="my-recipe-servings">"Servings it makes"</label>
                        <input id="my-recipe-servings" data-testid="my-recipe-servings" type="text" inputmode="decimal"
                            autocomplete="off" size="5"
                            prop:value=move || form.with(|f| f.servings.clone())
                            on:input=move |ev| form.update(|f| f.servings = event_target_value(&ev))/>
                    </div>
                    <div class="field">
                        <label for="my-recipe-cooked">"Cooked weight, g (optional)"</label>
                        <input id="my-recipe-cooked" data-testid="my-recipe-cooked" type="text" inputmode="decimal"
                            autocomplete="off" size="6" aria-describedby="my-recipe-cooked-hint"
                            prop:value=move || form.with(|f| f.cooked_grams.clone())
                            on:input=move |ev| form.update(|f| f.cooked_grams = event_target_value(&ev))/>
                    </div>
                </div>
                <p id="my-recipe-cooked-hint" class="hint">
                    "Weigh the whole pot after cooking to plan it by the gram (“200 g of the soup”); without it, the ingredients’ weight counts."
                </p>
                <p class="recipe-figures" role="status" data-testid="my-recipe-figures">{per_serving}</p>
                <p id="my-recipe-error" class="field-error" role="alert" data-testid="my-recipe-error">{move || error.get()}</p>
                <button type="submit" data-testid="my-recipe-save">"Save recipe"</button>
            </form>
        </article>
    }
}

/// One ingredient: its name, amount, unit and "Remove".
#[component]
fn IngredientRowFields(form: RwSignal<RecipeForm>, i: usize) -> impl IntoView {
    let planner = Planner::expect();
    let table = catalog::foods();
    let food = form.with_untracked(|f| f.ingredients.get(i).map(|r| r.food));
    let Some(food) = food else {
        return ().into_any();
    };
    let name = planner
        .mine
        .with_untracked(|m| ingredient_name(food, m, table));
    let units = planner
        .mine
        .with_untracked(|m| ingredient_units(food, m, table));
    let amount_id = format!("my-recipe-amount-{i}");
    let unit_id = format!("my-recipe-unit-{i}");
    let current_unit = move || {
        form.with(|f| {
            f.ingredients
                .get(i)
                .map(|r| food_unit_value(r.unit))
                .unwrap_or_default()
        })
    };
    view! {
        <li class="recipe-ingredient" data-testid="my-recipe-ingredient">
            <p class="chosen-food"><strong>{name.clone()}</strong></p>
            <div class="add-row">
                <div class="field">
                    <label for=amount_id.clone()>"Amount"</label>
                    <input id=amount_id.clone() data-testid=amount_id type="text" inputmode="decimal" autocomplete="off" size="5"
                        prop:value=move || form.with(|f| f.ingredients.get(i).map(|r| r.amount.clone()).unwrap_or_default())
                        on:input=move |ev| form.update(|f| if let Some(r) = f.ingredients.get_mut(i) { r.amount = event_target_value(&ev) })/>
                </div>
                <div class="field">
                    <label for=unit_id.clone()>"Unit"</label>
                    <select id=unit_id.clone() data-testid=unit_id
                        prop:value=current_unit
                        on:change=move |ev| {
                            if let Some(u) = food_unit_from_value(&event_target_value(&ev)) {
                                form.update(|f| if let Some(r) = f.ingredients.get_mut(i) { r.unit = u });
                            }
                        }>
                        {units.into_iter().map(|(u, label)| {
                            let selected = food_unit_value(u) == current_unit();
                            view! { <option value=food_unit_value(u) selected=selected>{label}</option> }
                        }).collect_view()}
                    </select>
                </div>
                <button type="button" class="link-button" data-testid=format!("my-recipe-remove-{i}")
                    on:click=move |_| form.update(|f| { if i < f.ingredients.len() { f.ingredients.remove(i); } })>
                    "Remove"<span class="visually-hidden">{format!(" {name}")}</span>
                </button>
            </div>
        </li>
    }
    .into_any()
}

/// Finds an ingredient among the user's own foods (not recipes: recipes
/// hold no recipes) and the USDA foods; a tap adds it.
#[component]
fn IngredientSearch(form: RwSignal<RecipeForm>) -> impl IntoView {
    let planner = Planner::expect();
    let table = catalog::foods();
    let query = RwSignal::new(String::new());
    let SearchState { results, .. } = SearchState::new(query);
    let yours = Memo::new(move |_| {
        query.with(|q| {
            planner.my_index.with(|index| {
                index
                    .search(q, RESULT_LIMIT)
                    .0
                    .into_iter()
                    .filter(|h| h.kind == MyKind::Food)
                    .map(|h| h.id)
                    .collect::<Vec<_>>()
            })
        })
    });
    let add = move |food: IngredientFood| {
        planner
            .mine
            .with_untracked(|m| form.update(|f| f.add(food, m, table)));
        query.set(String::new());
        crate::components::focus::focus_id("my-recipe-search");
    };
    let has_query = move || query.with(|q| !q.trim().is_empty());
    view! {
        <div class="field">
            <label for="my-recipe-search">"Add an ingredient"</label>
            <input id="my-recipe-search" data-testid="my-recipe-search" type="search" autocomplete="off"
                spellcheck="false" placeholder="e.g. spinach raw" aria-controls="my-recipe-results"
                prop:value=move || query.get()
                on:input=move |ev| query.set(event_target_value(&ev))/>
        </div>
        <ul id="my-recipe-results" class="search-results compact plan-results" aria-label="Matching foods" hidden=move || !has_query()>
            <For
                each=move || yours.get()
                key=|id| *id
                children=move |id| {
                    let name = planner.mine.with_untracked(|m| m.name(id)).unwrap_or_default();
                    view! {
                        <li class="plan-result">
                            <button type="button" class="result-pick" data-testid="my-recipe-result"
                                on:click=move |_| add(IngredientFood::Mine(id))>
                                <span class="result-name">{name}</span>
                                <span class="yours-tag">"yours"</span>
                            </button>
                        </li>
                    }
                }
            />
            <For
                each=move || if has_query() { results.get().0 } else { Vec::new() }
                key=|i| *i
                children=move |i| {
                    let food = &table.foods()[i];
                    view! {
                        <li class="plan-result">
                            <button type="button" class="result-pick" data-testid="my-recipe-result"
                                on:click=move |_| add(IngredientFood::Usda(food.ndb))>
                                <span class="result-name">{food.description}</span>
                            </button>
                        </li>
                    }
                }
            />
        </ul>
    }
}
