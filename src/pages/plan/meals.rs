//! The meals with an editor per item, the undo of a removal and the day's totals.

use leptos::prelude::*;

use crate::catalog;
use crate::components::pickers::{
    food_unit_choices, food_unit_from_value, food_unit_value, meal_options, plain_number,
};
use crate::components::planner_state::Planner;
use crate::components::save_status::outcome;
use crate::domain::foods::nutrient::Nutrient;
use crate::domain::planning::plan::{Entry, ItemId, Meal, MineUnit};
use crate::domain::planning::totals::{item_minerals_line, DayTotals, Totals};
use crate::domain::units::amount_text::format_nutrient_amount;
use crate::domain::units::quantity::parse_number;

/// "Removed Bananas, raw." with an Undo button, while a removal can be undone.
#[component]
pub(super) fn RemovalStatus() -> impl IntoView {
    let planner = Planner::expect();
    let table = catalog::foods();
    let removed = move || {
        planner
            .plan
            .with(|p| p.last_removed().map(|item| item.name(table)))
    };
    let undo = move |_| {
        // Refused only when the day is full; the Undo stays for a retry.
        planner.change_plan(|p| p.undo_remove(), |_| {});
    };
    view! {
        <div class="removal" role="status" data-testid="plan-removal">
            {move || removed().map(|name| view! {
                <span data-testid="removal-text">"Removed " {name} ". "</span>
                <button type="button" data-testid="undo-remove" on:click=undo>"Undo"</button>
            })}
        </div>
    }
}

/// The four minerals and water of `totals`, on one line.
fn totals_line(totals: &Totals) -> String {
    [
        Nutrient::Potassium,
        Nutrient::Magnesium,
        Nutrient::Calcium,
        Nutrient::Sodium,
        Nutrient::Water,
    ]
    .map(|n| format!("{} {}", n.symbol(), totals.get(n).text(n)))
    .join(" · ")
}

/// One meal: its items and totals; an empty meal is one short line.
#[component]
pub(super) fn MealSection(meal: Meal, totals: Memo<DayTotals>) -> impl IntoView {
    let planner = Planner::expect();
    let ids = Memo::new(move |_| {
        planner
            .plan
            .with(|p| p.items(meal).iter().map(|i| i.id).collect::<Vec<_>>())
    });
    let empty = move || ids.with(Vec::is_empty);
    let heading_id = format!("meal-{}-heading", meal.key());
    let labelled_by = heading_id.clone();
    view! {
        <section
            class="meal"
            class:meal-empty=empty
            data-testid=format!("meal-{}", meal.key())
            aria-labelledby=labelled_by
        >
            <h2 id=heading_id>
                {meal.label()}
                <Show when=empty>
                    <span class="hint">" · nothing yet"</span>
                </Show>
            </h2>
            <ul class="meal-items">
                <For each=move || ids.get() key=|id| *id children=move |id| view! { <ItemRow id=id/> }/>
            </ul>
            <p class="meal-totals" data-testid=format!("meal-{}-totals", meal.key()) hidden=empty>
                "Total: " {move || totals.with(|t| totals_line(t.meal(meal)))}
            </p>
        </section>
    }
}

/// One item as one compact line (name, portion, minerals at a glance);
/// tapping it opens its editor: amount, unit, "move to" and Remove.
#[component]
fn ItemRow(id: ItemId) -> impl IntoView {
    let planner = Planner::expect();
    let table = catalog::foods();
    let item = Memo::new(move |_| {
        planner
            .plan
            .with(|p| p.get(id).map(|(m, it)| (m, it.clone())))
    });
    let amount = move || item.with(|i| i.as_ref().map(|(_, it)| it.amount()));
    let text = RwSignal::new(
        item.with_untracked(|i| i.as_ref().map(|(_, it)| plain_number(it.amount())))
            .unwrap_or_default(),
    );
    let error = RwSignal::new(None::<String>);
    // The plan changed the amount (a unit change, an undo): show it.
    Effect::new(move |_| {
        if let Some(a) = amount() {
            let shown = parse_number(&text.get_untracked()).ok();
            if shown.is_none_or(|s| (s - a).abs() > 0.005) {
                text.set(plain_number(a));
                error.set(None);
            }
        }
    });
    let name = move || item.with(|i| i.as_ref().map(|(_, it)| it.name(table)).unwrap_or_default());
    let on_amount = move |ev| {
        let typed = event_target_value(&ev);
        text.set(typed.clone());
        match parse_number(&typed) {
            Ok(v) => planner.change_plan(
                move |p| p.set_amount(id, v, table),
                move |result| error.set(outcome(result).err()),
            ),
            Err(e) => error.set(Some(e.to_string())),
        }
    };
    // Only a food's number and unit: the unit picker is not rebuilt while
    // the amount is typed.
    let food_unit = Memo::new(move |_| {
        item.with(|i| match i.as_ref().map(|(_, it)| &it.entry) {
            Some(Entry::Food(f)) => Some((f.ndb, f.unit)),
            _ => None,
        })
    });
    let food = move || {
        food_unit
            .get()
            .and_then(|(ndb, unit)| Some((table.get(ndb)?, unit)))
    };
    let unit_text = move || {
        item.with(|i| match i.as_ref().map(|(_, it)| &it.entry) {
            Some(Entry::Supplement(s)) => s.amount_unit().to_owned(),
            Some(Entry::Drink(d)) => d.unit.label().to_owned(),
            // An own food: "× 1 pot", "× 1 serving" or "g".
            Some(Entry::Mine(m)) => match &m.unit {
                MineUnit::Grams => "g".to_owned(),
                MineUnit::Portion { label, .. } => format!("× {label}"),
            },
            _ => String::new(),
        })
    };
    let amount_id = format!("item-{}-amount", id.value());
    let unit_id = format!("item-{}-unit", id.value());
    let move_id = format!("item-{}-move", id.value());
    let error_id = format!("item-{}-error", id.value());
    let minerals =
        move || item.with(|i| i.as_ref().and_then(|(_, it)| item_minerals_line(it, table)));
    view! {
        <li class="plan-item" data-testid="plan-item" data-item-id=id.value().to_string()>
          <details class="item-details">
            <summary class="item-summary" data-testid="item-summary">
                <span class="item-name" data-testid="item-name">{name}</span>
                <span class="item-description" data-testid="item-description">
                    {move || item.with(|i| i.as_ref().map(|(_, it)| it.describe_amount(table)))}
                </span>
                <span class="item-minerals" data-testid="item-minerals">{minerals}</span>
            </summary>
            <span class="item-controls">
                <label for=amount_id.clone() class="visually-hidden">{move || format!("Amount of {}", name())}</label>
                <input
                    id=amount_id
                    data-testid="item-amount"
                    type="text"
                    inputmode="decimal"
                    autocomplete="off"
                    size="5"
                    aria-invalid=move || error.with(Option::is_some).to_string()
                    aria-describedby=error_id.clone()
                    prop:value=move || text.get()
                    on:input=on_amount
                />
                {move || match food() {
                    Some((food, unit)) => {
                        let unit_id = unit_id.clone();
                        let current = food_unit_value(unit);
                        view! {
                            <label for=unit_id.clone() class="visually-hidden">{format!("Unit of {}", food.description)}</label>
                            <select
                                id=unit_id
                                data-testid="item-unit"

                                on:change=move |ev| {
                                    if let Some(u) = food_unit_from_value(&event_target_value(&ev)) {
                                        planner.change_plan(
                                            move |p| p.change_food_unit(id, u, table),
                                            move |result| error.set(outcome(result).err()),
                                        );
                                    }
                                }
                            >
                                {food_unit_choices(food)
                                    .into_iter()
                                    .map(|(value, label)| {
                                        let selected = value == current;
                                        view! { <option value=value selected=selected>{label}</option> }
                                    })
                                    .collect_view()}
                            </select>
                        }
                        .into_any()
                    }
                    None => view! { <span class="item-unit">{unit_text}</span> }.into_any(),
                }}
                <label for=move_id.clone() class="visually-hidden">{move || format!("Move {} to", name())}</label>
                <select
                    id=move_id
                    data-testid="item-move"
                    prop:value=move || item.with(|i| i.as_ref().map(|(m, _)| m.key()).unwrap_or_default())
                    on:change=move |ev| {
                        if let Some(m) = Meal::from_key(&event_target_value(&ev)) {
                            planner.change_plan(
                                move |p| p.move_item(id, m),
                                move |result| error.set(outcome(result).err()),
                            );
                        }
                    }
                >
                    {meal_options()}
                </select>
                <button
                    type="button"
                    data-testid="item-remove"
                    aria-label=move || format!("Remove {}", name())
                    on:click=move |_| {
                        planner.change_plan(
                            move |p| p.remove(id),
                            move |result| error.set(outcome(result).err()),
                        );
                    }
                >
                    "Remove"
                </button>
            </span>
          </details>
            <p id=error_id class="field-error" role="alert" data-testid="item-error">{move || error.get()}</p>
        </li>
    }
}

/// The day's totals of every nutrient, honest about missing data.
#[component]
pub(super) fn DayTotalsTable(totals: Memo<DayTotals>) -> impl IntoView {
    view! {
        <table class="nutrient-table day-totals" data-testid="day-totals">
            <caption>"The whole day"</caption>
            <thead>
                <tr>
                    <th scope="col">"Nutrient"</th>
                    <th scope="col" class="num">"Total"</th>
                    <th scope="col">"Missing data"</th>
                </tr>
            </thead>
            <tbody>
                {Nutrient::ALL
                    .map(|n| view! {
                        <tr>
                            <th scope="row">{n.name()}</th>
                            <td class="num" data-testid=format!("day-total-{}", n.key())>
                                {move || totals.with(|t| t.day().get(n).text(n))}
                            </td>
                            <td>{move || totals.with(|t| t.day().get(n).missing_text(n))}</td>
                        </tr>
                    })
                    .collect_view()}
            </tbody>
        </table>
        <p class="hint">
            "Water counts drinks and the water in foods, "
            {move || totals.with(|t| format_nutrient_amount(Nutrient::Water, t.fluids().drinks_ml))}
            " of it from drinks."
        </p>
    }
}
