//! One-tap water: "+ 1 glass" on the plan, counted on one line of the day
//! with its count, in the glass size of the settings.

use leptos::prelude::*;

use crate::components::decimal_field::DecimalField;
use crate::components::planner_state::Planner;
use crate::components::save_status::outcome;
use crate::domain::units::format::format_number;
use crate::domain::units::quantity::parse_number;

use crate::components::quick_add::AddingTo;

/// The day's glasses of water with − and + buttons, and the glass size.
#[component]
pub(super) fn WaterCounter() -> impl IntoView {
    let planner = Planner::expect();
    let AddingTo(meal) = expect_context::<AddingTo>();
    let glass = Memo::new(move |_| planner.diary.with(|d| d.settings().glass()));
    let count = move || {
        planner
            .plan
            .with(|p| p.glasses(glass.get()).map_or(0.0, |(_, n)| n))
    };
    let error = RwSignal::new(None::<String>);
    let add = move |_| {
        let (meal, glass) = (meal.get_untracked(), glass.get_untracked());
        planner.change_plan(
            move |p| p.add_glass(meal, glass),
            move |result| error.set(outcome(result).err()),
        );
    };
    let remove = move |_| {
        let glass = glass.get_untracked();
        planner.change_plan(
            move |p| p.remove_glass(glass),
            move |result| error.set(outcome(result).err()),
        );
    };
    let size = move || format_number(glass.get().ml(), 0);
    let editing = RwSignal::new(false);
    let size_text = RwSignal::new(String::new());
    let size_error = RwSignal::new(None::<String>);
    let set_size = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let ml = match parse_number(&size_text.get_untracked()) {
            Ok(ml) => ml,
            Err(e) => {
                size_error.set(Some(e.to_string()));
                return;
            }
        };
        planner.change_settings(
            move |s| s.set_glass_ml(ml),
            move |result| match outcome(result) {
                Ok(()) => {
                    size_error.set(None);
                    editing.set(false);
                }
                Err(e) => size_error.set(Some(e)),
            },
        );
    };
    view! {
        <section class="water" aria-labelledby="water-heading" data-testid="water-counter">
            <h2 id="water-heading" class="water-heading">"Water"</h2>
            <p class="water-count" data-testid="water-count" aria-live="polite">
                {move || {
                    let n = count();
                    let word = if n == 1.0 { "glass" } else { "glasses" };
                    format!("{} {word} of {} ml", format_number(n, 2), size())
                }}
            </p>
            <div class="water-buttons">
                <button
                    type="button"
                    data-testid="water-remove"
                    disabled=move || count() == 0.0
                    on:click=remove
                >
                    "− 1"
                    <span class="visually-hidden">{move || format!(" glass of {} ml fewer", size())}</span>
                </button>
                <button
                    type="button"
                    class="primary"
                    data-testid="water-add"
                    on:click=add
                >
                    "+ 1 glass"
                    <span class="visually-hidden">{move || format!(" of water, {} ml", size())}</span>
                </button>
                <button
                    type="button"
                    class="link-button"
                    data-testid="water-size-edit"
                    aria-expanded=move || editing.get().to_string()
                    on:click=move |_| {
                        size_text.set(size());
                        size_error.set(None);
                        editing.update(|e| *e = !*e);
                    }
                >
                    "Glass size"
                </button>
            </div>
            <p class="field-error" role="alert" data-testid="water-error">{move || error.get()}</p>
            <Show when=move || editing.get()>
                <form class="add-row" on:submit=set_size>
                    <DecimalField id="water-size" label="One glass (ml)" value=size_text described_by="water-size-error"/>
                    <button type="submit" data-testid="water-size-set">"Set glass size"</button>
                    <p id="water-size-error" class="field-error" role="alert" data-testid="water-size-error">
                        {move || size_error.get()}
                    </p>
                </form>
            </Show>
        </section>
    }
}
