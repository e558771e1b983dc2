//! Which day is open: previous / next, a date field and "Today".

use leptos::prelude::*;

use super::planner_state::Planner;
use crate::domain::diary::date::Date;
use crate::storage::today;

/// Moves the open day of the [`Planner`]. The date field takes any date the
/// diary keeps; anything else gets a message and changes nothing.
#[component]
pub fn DayPicker() -> impl IntoView {
    let planner = Planner::expect();
    let error = RwSignal::new(None::<String>);
    let go = move |date: Option<Date>| {
        if let Some(date) = date {
            error.set(None);
            planner.open(date);
        }
    };
    let on_pick = move |ev| match Date::parse(&event_target_value(&ev)) {
        Ok(date) => go(Some(date)),
        Err(e) => error.set(Some(format!("That date can't be opened: {e}."))),
    };
    let is_today = move || planner.date.get() == today();
    view! {
        <nav class="day-picker" aria-label="Day">
            <button
                type="button"
                data-testid="day-previous"
                on:click=move |_| go(planner.date.get_untracked().previous())
            >
                "‹ Previous day"
            </button>
            <label>
                <span class="visually-hidden">"Date"</span>
                <input
                    type="date"
                    data-testid="day-date"
                    prop:value=move || planner.date.get().to_string()
                    on:change=on_pick
                />
            </label>
            <button
                type="button"
                data-testid="day-next"
                on:click=move |_| go(planner.date.get_untracked().next())
            >
                "Next day ›"
            </button>
            <button
                type="button"
                data-testid="day-today"
                prop:disabled=is_today
                on:click=move |_| go(Some(today()))
            >
                "Today"
            </button>
            <p class="day-label" data-testid="day-label" aria-live="polite">
                {move || planner.date.get().label()}
                {move || is_today().then_some(" (today)")}
            </p>
            {move || error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
        </nav>
    }
}
