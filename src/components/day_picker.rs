//! Which day is open: previous / next, a date field and "Today".

use leptos::prelude::*;

use super::planner_state::Planner;
use crate::domain::diary::date::Date;
use crate::storage::{clock_out_of_range, today};

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
    let on_pick = move |ev: leptos::ev::Event| {
        let typed = event_target_value(&ev);
        match Date::parse(&typed) {
            Ok(date) => go(Some(date)),
            Err(e) => {
                // The field goes back to the day still open; the message
                // keeps what was typed.
                let open = planner.date.get_untracked().to_string();
                event_target::<web_sys::HtmlInputElement>(&ev).set_value(&open);
                let shown = if typed.is_empty() {
                    "an empty date"
                } else {
                    typed.as_str()
                };
                error.set(Some(format!(
                    "{shown} can't be opened: {e}. The diary stays on {}.",
                    planner.date.get_untracked().label()
                )));
            }
        }
    };
    let clock = clock_out_of_range();
    let is_today = move || clock.is_none() && planner.date.get() == today();
    view! {
        <nav class="day-picker" aria-label="Day">
            <button
                type="button"
                data-testid="day-previous"
                on:click=move |_| go(planner.date.get_untracked().previous())
            >
                "‹"
                <span class="day-word">" Previous day"</span>
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
                <span class="day-word">"Next day "</span>
                "›"
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
            {move || {
                let date = planner.date.get();
                planner.status.with(|s| s.unsaved.contains(&date)).then(|| view! {
                    <p class="day-unsaved" data-testid="day-unsaved">
                        "Unsaved changes: this day is not stored in this browser."
                    </p>
                })
            }}
            {clock.map(|year| view! {
                <p class="error" role="alert" data-testid="clock-error">
                    {format!("This device's clock says the year is {year}, outside the years the diary keeps, so the app cannot tell which day is today and saves nothing under it. Set the device's date, then reload; or pick the day with the date field.")}
                </p>
            })}
            {move || error.get().map(|e| view! { <p class="error" role="alert" data-testid="day-date-error">{e}</p> })}
        </nav>
    }
}
