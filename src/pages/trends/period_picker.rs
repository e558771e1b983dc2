//! The period picker: 7, 30 or 90 days up to today, or a custom range of
//! two dates. The choice lives in the address (so a reload or a shared
//! link shows the same period); a refused range keeps the domain's message
//! on screen and the address unchanged.

use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate};
use leptos_router::NavigateOptions;

use super::Chosen;
use crate::domain::insights::period::Span;
use crate::storage::today;

/// Buttons for the ready-made spans and a custom range form.
#[component]
pub fn PeriodPicker(
    /// What the address asks for now.
    chosen: Memo<Chosen>,
) -> impl IntoView {
    let navigate = use_navigate();
    let pathname = use_location().pathname;
    let go = move |next: Chosen| {
        navigate(
            &format!("{}?{}", pathname.get_untracked(), next.query()),
            NavigateOptions {
                replace: true,
                scroll: false,
                ..Default::default()
            },
        );
    };
    // The custom fields start from the period on screen.
    let (first, last) = match chosen.get_untracked() {
        Chosen::Custom(from, to) => (from, to),
        Chosen::Span(span) => match Chosen::Span(span).period(today()) {
            Ok(p) => (p.first().to_string(), p.last().to_string()),
            Err(_) => (String::new(), String::new()),
        },
    };
    let from = RwSignal::new(first);
    let to = RwSignal::new(last);
    let error = RwSignal::new(None::<String>);
    let spans = {
        let go = go.clone();
        Span::ALL
            .into_iter()
            .map(|span| {
                let go = go.clone();
                let pressed = move || (chosen.get() == Chosen::Span(span)).to_string();
                view! {
                    <button
                        type="button"
                        class="period-span"
                        data-testid=format!("period-{}", span.key())
                        aria-pressed=pressed
                        on:click=move |_| {
                            error.set(None);
                            go(Chosen::Span(span));
                        }
                    >
                        {span.label()}
                    </button>
                }
            })
            .collect_view()
    };
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let next = Chosen::Custom(from.get_untracked(), to.get_untracked());
        match next.period(today()) {
            Ok(_) => {
                error.set(None);
                go(next);
            }
            Err(e) => error.set(Some(e)),
        }
    };
    view! {
        <div class="period-picker" data-testid="period-picker">
            <div class="period-spans" role="group" aria-label="Period">{spans}</div>
            <form class="period-custom" on:submit=on_submit data-testid="period-custom">
                <label>
                    "From "
                    <input
                        type="date"
                        data-testid="period-from"
                        prop:value=move || from.get()
                        on:input=move |ev| from.set(event_target_value(&ev))
                    />
                </label>
                <label>
                    "To "
                    <input
                        type="date"
                        data-testid="period-to"
                        prop:value=move || to.get()
                        on:input=move |ev| to.set(event_target_value(&ev))
                    />
                </label>
                <button type="submit" data-testid="period-show">"Show this period"</button>
            </form>
            {move || error.get().map(|e| view! {
                <p class="error" role="alert" data-testid="period-error">{e}</p>
            })}
        </div>
    }
}
