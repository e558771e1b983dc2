//! The own-food form (`/foods/new`, `/my/<id>/edit`): a name and brand,
//! values per 100 g or per serving, each mineral as the label states it
//! (mg, salt or % Daily Value, the conversion shown under it), and the
//! household portions. The domain's `FoodForm` reads and checks it.

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;

use super::my_href;
use crate::components::planner_state::Planner;
use crate::components::save_status::{not_saved_text, Saved};
use crate::domain::foods::custom_form::{FoodForm, Stated};
use crate::domain::foods::mine::MyFoodId;
use crate::domain::foods::nutrient::Nutrient;

/// The form for a new food (`editing` = `None`) or for editing `editing`,
/// starting from `start`. Saved, it opens the food's page.
#[component]
pub fn FoodFormPage(start: FoodForm, editing: Option<MyFoodId>) -> impl IntoView {
    super::super::set_title(if editing.is_some() {
        "Edit food"
    } else {
        "New food"
    });
    let heading_edit = editing.is_some();
    let editing = RwSignal::new(editing);
    let planner = Planner::expect();
    let form = RwSignal::new(start);
    let error = RwSignal::new(None::<String>);
    let navigate = use_navigate();
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let draft = match form.with_untracked(FoodForm::draft) {
            Ok(draft) => draft,
            Err(e) => return error.set(Some(e)),
        };
        let navigate = navigate.clone();
        planner.change_mine(
            move |mine| match editing.get_untracked() {
                Some(id) => mine.edit_food(id, &draft).map(|()| id),
                None => mine.add_food(&draft),
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
    let text_field = move |id: &'static str,
                           label: &'static str,
                           get: fn(&FoodForm) -> &String,
                           set: fn(&mut FoodForm, String)| {
        view! {
            <div class="field">
                <label for=id>{label}</label>
                <input
                    id=id
                    data-testid=id
                    type="text"
                    autocomplete="off"
                    maxlength="80"
                    prop:value=move || form.with(|f| get(f).clone())
                    on:input=move |ev| form.update(|f| set(f, event_target_value(&ev)))
                />
            </div>
        }
    };
    let per_serving = move || form.with(|f| f.per_serving);
    view! {
        <article class="my-food-form">
            <h1>{if heading_edit { "Edit your food" } else { "A food from its label" }}</h1>
            <form on:submit=save novalidate=true aria-describedby="my-food-error">
                {text_field("my-food-name", "Name", |f| &f.name, |f, v| f.name = v)}
                {text_field("my-food-brand", "Brand (optional)", |f| &f.brand, |f, v| f.brand = v)}
                <fieldset class="meal-choice" data-testid="my-food-basis">
                    <legend>"The label’s values are for"</legend>
                    <label class="meal-option">
                        <input type="radio" name="my-food-basis" data-testid="my-food-per-100g"
                            prop:checked=move || !per_serving()
                            on:change=move |_| form.update(|f| f.per_serving = false)/>
                        <span>"100 g or 100 ml"</span>
                    </label>
                    <label class="meal-option">
                        <input type="radio" name="my-food-basis" data-testid="my-food-per-serving"
                            prop:checked=per_serving
                            on:change=move |_| form.update(|f| f.per_serving = true)/>
                        <span>"One serving"</span>
                    </label>
                </fieldset>
                <Show when=per_serving>
                    <div class="add-row">
                        <div class="field">
                            <label for="my-food-serving">"Serving size"</label>
                            <input id="my-food-serving" data-testid="my-food-serving" type="text"
                                inputmode="decimal" autocomplete="off" size="6"
                                prop:value=move || form.with(|f| f.serving.clone())
                                on:input=move |ev| form.update(|f| f.serving = event_target_value(&ev))/>
                        </div>
                        <div class="field">
                            <label for="my-food-serving-unit">"Unit"</label>
                            <select id="my-food-serving-unit" data-testid="my-food-serving-unit"
                                prop:value=move || if form.with(|f| f.serving_in_ml) { "ml" } else { "g" }
                                on:change=move |ev| form.update(|f| f.serving_in_ml = event_target_value(&ev) == "ml")>
                                <option value="g">"g"</option>
                                <option value="ml">"ml"</option>
                            </select>
                        </div>
                        <Show when=move || form.with(|f| f.serving_in_ml)>
                            <div class="field">
                                <label for="my-food-density">"g per ml"</label>
                                <input id="my-food-density" data-testid="my-food-density" type="text"
                                    inputmode="decimal" autocomplete="off" size="5" placeholder="1"
                                    prop:value=move || form.with(|f| f.density.clone())
                                    on:input=move |ev| form.update(|f| f.density = event_target_value(&ev))/>
                            </div>
                        </Show>
                    </div>
                </Show>
                <p class="hint">"Leave a value empty when the label does not give it: it counts as “no data”, never as 0."</p>
                <div class="my-food-values">
                    {Nutrient::MINERALS
                        .into_iter()
                        .chain([Nutrient::Energy, Nutrient::Water])
                        .map(|n| view! { <ValueField form=form nutrient=n/> })
                        .collect_view()}
                </div>
                <PortionFields form=form/>
                <p id="my-food-error" class="field-error" role="alert" data-testid="my-food-error">{move || error.get()}</p>
                <button type="submit" data-testid="my-food-save">"Save food"</button>
            </form>
        </article>
    }
}

/// One nutrient: its figure, how the label states it, and the conversion.
#[component]
fn ValueField(form: RwSignal<FoodForm>, nutrient: Nutrient) -> impl IntoView {
    let key = nutrient.key();
    let id = format!("my-food-{key}");
    let unit_id = format!("my-food-{key}-unit");
    let i = nutrient.index();
    let choices = Stated::choices(nutrient);
    let conversion = move || {
        form.with(|f| f.conversion(nutrient)).map(|c| match c {
            Ok(c) => view! { <span>{c.text}</span> }.into_any(),
            Err(e) => view! { <span class="field-error">{e}</span> }.into_any(),
        })
    };
    let unit = if choices.len() == 1 {
        view! { <span class="value-unit">{choices[0].1}</span> }.into_any()
    } else {
        view! {
            <label for=unit_id.clone() class="visually-hidden">{format!("{} stated as", nutrient.name())}</label>
            <select
                id=unit_id.clone()
                data-testid=unit_id
                prop:value=move || form.with(|f| f.values[i].1.key())
                on:change=move |ev| form.update(|f| f.values[i].1 = Stated::from_key(&event_target_value(&ev)))
            >
                {choices.iter().map(|(s, label)| view! { <option value=s.key()>{*label}</option> }).collect_view()}
            </select>
        }
        .into_any()
    };
    view! {
        <div class="field value-field">
            <label for=id.clone()>{nutrient.name()}</label>
            <div class="value-input">
                <input
                    id=id.clone()
                    data-testid=id.clone()
                    type="text"
                    inputmode="decimal"
                    autocomplete="off"
                    size="7"
                    aria-describedby=format!("{id}-conversion")
                    prop:value=move || form.with(|f| f.values[i].0.clone())
                    on:input=move |ev| form.update(|f| f.values[i].0 = event_target_value(&ev))
                />
                {unit}
            </div>
            <p id=format!("{id}-conversion") class="hint" data-testid=format!("{id}-conversion")>{conversion}</p>
        </div>
    }
}

/// The household portions: a label ("1 pot") and its weight, one row each.
#[component]
fn PortionFields(form: RwSignal<FoodForm>) -> impl IntoView {
    // Rows are rebuilt when one is added or removed, not on every keystroke.
    let count = Memo::new(move |_| form.with(|f| f.portions.len()));
    let row = move |i: usize| {
        let label_id = format!("my-food-portion-{i}");
        let grams_id = format!("my-food-portion-{i}-g");
        view! {
            <li class="add-row">
                <div class="field">
                    <label for=label_id.clone()>"Portion"</label>
                    <input id=label_id.clone() data-testid=label_id type="text" autocomplete="off"
                        maxlength="40" placeholder="1 pot"
                        prop:value=move || form.with(|f| f.portions.get(i).map(|p| p.0.clone()).unwrap_or_default())
                        on:input=move |ev| form.update(|f| if let Some(p) = f.portions.get_mut(i) { p.0 = event_target_value(&ev) })/>
                </div>
                <div class="field">
                    <label for=grams_id.clone()>"Weight (g)"</label>
                    <input id=grams_id.clone() data-testid=grams_id type="text" inputmode="decimal"
                        autocomplete="off" size="6" placeholder="125"
                        prop:value=move || form.with(|f| f.portions.get(i).map(|p| p.1.clone()).unwrap_or_default())
                        on:input=move |ev| form.update(|f| if let Some(p) = f.portions.get_mut(i) { p.1 = event_target_value(&ev) })/>
                </div>
                <button type="button" class="link-button" data-testid=format!("my-food-portion-{i}-remove")
                    on:click=move |_| form.update(|f| { if i < f.portions.len() { f.portions.remove(i); } })>
                    "Remove"<span class="visually-hidden">{format!(" portion {}", i + 1)}</span>
                </button>
            </li>
        }
    };
    view! {
        <fieldset class="my-food-portions">
            <legend>"Portions you use (optional)"</legend>
            <p class="hint">"The first one is what “+ Add” puts in the plan; without any, 100 g."</p>
            <ul class="plain-list">
                {move || (0..count.get()).map(row).collect_view()}
            </ul>
            <button type="button" class="link-button" data-testid="my-food-add-portion"
                on:click=move |_| form.update(|f| f.portions.push((String::new(), String::new())))>
                "+ Add a portion"
            </button>
        </fieldset>
    }
}
