//! Copying the open day's meals, or one meal, to another date.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;

use crate::components::pickers::MealSelect;
use crate::components::planner_state::Planner;
use crate::components::save_status::outcome;
use crate::domain::diary::date::Date;
use crate::domain::planning::plan::{DayPlan, Meal, PlanError, PlanItem};
use crate::domain::units::format::count;

/// Appends `items` (meal, item) to the plan of `to`, through the planner so
/// the day is saved like any edit; all or nothing. The open day stays open.
/// `then` gets how many items were copied, or why not.
fn copy_items(
    planner: Planner,
    items: Vec<(Meal, PlanItem)>,
    to: Date,
    then: impl FnOnce(Result<usize, String>) + 'static,
) {
    if items.is_empty() {
        return then(Err(
            "There is nothing to copy: this meal or day holds no item.".to_owned(),
        ));
    }
    planner.change_day_at(
        to,
        move |d| {
            for (meal, item) in &items {
                d.plan_mut().add_copy(*meal, item)?;
            }
            Ok::<usize, PlanError>(items.len())
        },
        move |result| then(outcome(result)),
    );
}

/// "Copied 3 items to Mon 30 Nov 2026."
fn copied_text(n: usize, to: Date, meal: Option<Meal>) -> String {
    let items = count(n, "item", "items");
    match meal {
        Some(m) => format!(
            "Copied {items} to {} on {}.",
            m.label().to_ascii_lowercase(),
            to.label()
        ),
        None => format!("Copied {items} to {}.", to.label()),
    }
}

/// The target date typed in a copy form.
fn read_date(text: &str) -> Result<Date, String> {
    if text.trim().is_empty() {
        return Err("Choose the date to copy to.".to_owned());
    }
    Date::parse(text.trim()).map_err(|e| format!("That date can't be used: {e}."))
}

/// Copying the open day's meals, or one meal, to another date.
#[component]
pub(super) fn CopyForms() -> impl IntoView {
    let planner = Planner::expect();
    let tomorrow = move || {
        let d = planner.date.get_untracked();
        d.next().unwrap_or(d).to_string()
    };
    let day_to = RwSignal::new(tomorrow());
    let meal_from = RwSignal::new(Meal::Breakfast);
    let meal_date = RwSignal::new(tomorrow());
    let meal_to = RwSignal::new(Meal::Breakfast);
    let day_error = RwSignal::new(None::<String>);
    let meal_error = RwSignal::new(None::<String>);
    // The last copy: its message and the day it went to, to open it.
    let done = RwSignal::new(None::<(String, Date)>);
    // Another day opened: the target moves to the day after it. (A memo:
    // copying opens the target and comes back, which is no change.)
    let date = Memo::new(move |_| planner.date.get());
    Effect::new(move |_| {
        let d = date.get();
        let next = d.next().unwrap_or(d).to_string();
        day_to.set(next.clone());
        meal_date.set(next);
        day_error.set(None);
        meal_error.set(None);
    });

    // Says how a copy to `to` went, under the form that asked for it.
    let report = move |error: RwSignal<Option<String>>, to: Date, meal: Option<Meal>| {
        move |result: Result<usize, String>| match result {
            Ok(n) => {
                error.set(None);
                done.set(Some((copied_text(n, to, meal), to)));
            }
            Err(e) => {
                done.set(None);
                error.set(Some(e));
            }
        }
    };
    let copy_day = move |ev: SubmitEvent| {
        ev.prevent_default();
        meal_error.set(None);
        let to = match read_date(&day_to.get_untracked()) {
            Ok(to) if to == planner.date.get_untracked() => {
                Err("Choose another date: this is the day being copied.".to_owned())
            }
            other => other,
        };
        let to = match to {
            Ok(to) => to,
            Err(e) => return report(day_error, planner.date.get_untracked(), None)(Err(e)),
        };
        let items: Vec<(Meal, PlanItem)> = planner
            .plan
            .with_untracked(|p: &DayPlan| p.iter().map(|(m, i)| (m, i.clone())).collect());
        copy_items(planner, items, to, report(day_error, to, None));
    };
    let copy_meal = move |ev: SubmitEvent| {
        ev.prevent_default();
        day_error.set(None);
        let (from_meal, to_meal) = (meal_from.get_untracked(), meal_to.get_untracked());
        let to = match read_date(&meal_date.get_untracked()) {
            Ok(to) if to == planner.date.get_untracked() && from_meal == to_meal => {
                Err("Choose another date or another meal to copy to.".to_owned())
            }
            other => other,
        };
        let to = match to {
            Ok(to) => to,
            Err(e) => {
                return report(meal_error, planner.date.get_untracked(), Some(to_meal))(Err(e))
            }
        };
        let items: Vec<(Meal, PlanItem)> = planner.plan.with_untracked(|p| {
            p.items(from_meal)
                .iter()
                .map(|i| (to_meal, i.clone()))
                .collect()
        });
        copy_items(planner, items, to, report(meal_error, to, Some(to_meal)));
    };
    view! {
        <section class="copy-forms" aria-labelledby="copy-heading">
            <h2 id="copy-heading">"Copy meals to another day"</h2>
            <p class="hint">"Copies are added to what the other day already holds. Cramps, activity and notes stay with their day."</p>
            <form class="add-row" novalidate on:submit=copy_day data-testid="copy-day-form">
                <fieldset class="copy-fieldset">
                    <legend>"Copy this day’s meals to…"</legend>
                    <DateField id="copy-day-date" label="Date" value=day_to error=day_error/>
                    <button type="submit" data-testid="copy-day-submit">"Copy the day"</button>
                </fieldset>
            </form>
            <p id="copy-day-error" class="field-error" role="alert" data-testid="copy-day-error">{move || day_error.get()}</p>
            <form class="add-row" novalidate on:submit=copy_meal data-testid="copy-meal-form">
                <fieldset class="copy-fieldset">
                    <legend>"Copy one meal"</legend>
                    <MealSelect id="copy-meal-from" label="Meal of this day" meal=meal_from/>
                    <DateField id="copy-meal-date" label="To the date" value=meal_date error=meal_error/>
                    <MealSelect id="copy-meal-to" label="As the meal" meal=meal_to/>
                    <button type="submit" data-testid="copy-meal-submit">"Copy the meal"</button>
                </fieldset>
            </form>
            <p id="copy-meal-error" class="field-error" role="alert" data-testid="copy-meal-error">{move || meal_error.get()}</p>
            <p class="confirmation" role="status" data-testid="copy-status">
                {move || done.get().map(|(text, to)| view! {
                    {text}" "
                    <button
                        type="button"
                        class="link-button"
                        data-testid="copy-open"
                        on:click=move |_| planner.open(to)
                    >
                        {format!("Open {}", to.label())}
                    </button>
                })}
            </p>
        </section>
    }
}

/// A labelled date input bound to `value`, invalid while `error` holds a
/// message, which is shown in `<p id="{id}-error">` outside the form.
#[component]
fn DateField(
    id: &'static str,
    label: &'static str,
    value: RwSignal<String>,
    error: RwSignal<Option<String>>,
) -> impl IntoView {
    view! {
        <div class="field">
            <label for=id>{label}</label>
            <input
                id=id
                type="date"
                data-testid=id
                aria-invalid=move || error.with(Option::is_some).to_string()
                aria-describedby=format!("{id}-error")
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
            />
        </div>
    }
}
