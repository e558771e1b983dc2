//! The day planner at `/plan`: progress bars toward the day's targets,
//! forms to add foods, supplements and drinks, and the four meals with an
//! editor for every item.

mod add_food;
mod add_other;
mod meals;

use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::day_picker::DayPicker;
use crate::components::planner_state::Planner;
use crate::components::progress_bar::ProgressBar;
use crate::domain::daily_targets::TARGET_NUTRIENTS;
use crate::domain::plan::Meal;
use crate::domain::warnings::{magnesium_warning, potassium_caution};
use add_food::AddFood;
use add_other::AddSupplement;
use meals::{DayTotalsTable, MealSection, RemovalStatus};

/// Progress, warnings, the add forms and the meals.
#[component]
pub fn PlanPage() -> impl IntoView {
    super::set_title("Plan a day");
    let planner = Planner::expect();
    let totals = planner.totals();
    let progress = planner.progress(totals);
    let who = move || planner.targets.with(|t| t.row().describe());
    view! {
        <section class="plan-page">
            <h1>"Plan a day"</h1>
            <p class="lede">
                "Targets for " <span data-testid="plan-profile">{who}</span> ". "
                <A href="/targets" attr:data-testid="plan-targets-link">"Change profile or targets"</A>
            </p>
            <DayPicker/>
            <section class="progress-list" aria-labelledby="progress-heading">
                <h2 id="progress-heading">"This day against your targets"</h2>
                {TARGET_NUTRIENTS
                    .map(|n| {
                        let one = Memo::new(move |_| {
                            progress.with(|all| {
                                *all.iter().find(|p| p.nutrient == n).expect("a target per nutrient")
                            })
                        });
                        view! { <ProgressBar nutrient=n progress=one.into()/> }
                    })
                    .collect_view()}
            </section>
            <Warnings/>
            <AddFood/>
            <AddSupplement/>
            <RemovalStatus/>
            {Meal::ALL.map(|meal| view! { <MealSection meal=meal totals=totals/> }).collect_view()}
            <DayTotalsTable totals=totals/>
        </section>
    }
}

/// The magnesium-supplement UL warning and the potassium caution, when
/// the day calls for them.
#[component]
fn Warnings() -> impl IntoView {
    let planner = Planner::expect();
    let magnesium = move || {
        planner
            .plan
            .with(|p| planner.targets.with(|t| magnesium_warning(p, t.row())))
            .map(|w| w.text())
    };
    let potassium = move || planner.plan.with(potassium_caution);
    view! {
        <div class="warnings" role="status" data-testid="plan-warnings">
            {move || magnesium().map(|text| view! {
                <p class="warning" data-testid="warning-magnesium">
                    <span aria-hidden="true">"⚠ "</span>{text}
                </p>
            })}
            {move || potassium().map(|text| view! {
                <p class="warning" data-testid="warning-potassium">
                    <span aria-hidden="true">"⚠ "</span>{text}
                </p>
            })}
        </div>
    }
}
