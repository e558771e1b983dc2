//! The day planner at `/plan`, built for a phone: the day's compact bars
//! stay in view while foods are added at the top (one tap from a search
//! result), one-tap water, compact meals; on a wide screen the bars sit in
//! a column beside the rest.

mod add_food;
mod add_other;
mod meals;
mod next_foods;
mod water;

use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::day_picker::DayPicker;
use crate::components::planner_state::Planner;
use crate::components::progress_bar::{ProgressBar, ProgressDetail};
use crate::components::quick_add::AddingTo;
use crate::domain::diary::settings::ProfileAnswer;
use crate::domain::foods::nutrient::Nutrient;
use crate::domain::planning::plan::Meal;
use crate::domain::planning::progress::Progress;
use crate::domain::planning::warnings::{magnesium_warning, potassium_caution};
use crate::domain::targets::daily_targets::TARGET_NUTRIENTS;
use add_food::AddFood;
use add_other::AddSupplement;
use meals::{DayTotalsTable, MealSection, RemovalStatus};
use next_foods::NextFoods;
use water::WaterCounter;

/// Progress, warnings, the add forms and the meals.
#[component]
pub fn PlanPage() -> impl IntoView {
    super::set_title("Plan a day");
    let planner = Planner::expect();
    provide_context(AddingTo::now());
    let totals = planner.totals();
    let progress = planner.progress(totals);
    let one = move |n: Nutrient| -> Signal<Progress> {
        Memo::new(move |_| {
            progress.with(|all| {
                *all.iter()
                    .find(|p| p.nutrient == n)
                    .expect("a target per nutrient")
            })
        })
        .into()
    };
    view! {
        <section class="plan-page">
            <h1>"Plan a day"</h1>
            <ProfileLine/>
            <DayPicker/>
            <div class="plan-layout">
                <section class="progress-list" aria-labelledby="progress-heading" data-testid="plan-bars">
                    <h2 id="progress-heading" class="progress-heading">"This day against your targets"</h2>
                    {TARGET_NUTRIENTS
                        .map(|n| view! { <ProgressBar nutrient=n progress=one(n)/> })
                        .collect_view()}
                    <Warnings/>
                </section>
                <div class="plan-main">
                    <AddFood/>
                    <NextFoods/>
                    <WaterCounter/>
                    <RemovalStatus/>
                    {Meal::ALL.map(|meal| view! { <MealSection meal=meal totals=totals/> }).collect_view()}
                    <details class="plan-more" data-testid="plan-more-other">
                        <summary>"Supplements, electrolyte drinks and other drinks"</summary>
                        <AddSupplement/>
                    </details>
                    <section class="progress-details" aria-labelledby="progress-details-heading">
                        <h2 id="progress-details-heading">"Where the totals come from"</h2>
                        {TARGET_NUTRIENTS
                            .map(|n| view! { <ProgressDetail nutrient=n progress=one(n)/> })
                            .collect_view()}
                    </section>
                    <DayTotalsTable totals=totals/>
                </div>
            </div>
        </section>
    }
}

/// Who the targets are for, saying plainly when they assume the default
/// profile because the person has not said who they are.
#[component]
fn ProfileLine() -> impl IntoView {
    let planner = Planner::expect();
    let who = move || planner.targets.with(|t| t.row().describe());
    let assumed = move || {
        planner
            .diary
            .with(|d| d.settings().profile_answer() != ProfileAnswer::Given)
    };
    view! {
        <p class="lede" class:profile-assumed=assumed data-testid="plan-profile-line">
            {move || if assumed() { "Targets assume the default profile, " } else { "Targets for " }}
            <span data-testid="plan-profile">{who}</span>
            {move || if assumed() { ", until you say who you are. " } else { ". " }}
            <A href="/targets" attr:data-testid="plan-targets-link">
                {move || if assumed() { "Set your age and sex" } else { "Change profile or targets" }}
            </A>
        </p>
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
