//! The diary at `/diary`: the open day's cramps, activity and notes, the
//! warning signs, what was recorded (`past_day`), copying, the week to the
//! open day and the past days at a glance.
//!
//! The page and its meals summary are here; each other section has its
//! module: `warnings`, `activity`, `notes` and `copy` (the cramp log and the
//! day list are shared components).

mod activity;
mod copy;
mod notes;
mod past_day;
mod warnings;

use leptos::html;
use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::cramp_log::CrampLog;
use crate::components::day_list::DayList;
use crate::components::day_picker::DayPicker;
use crate::components::planner_state::Planner;
use crate::domain::diary::date::Date;
use crate::domain::planning::plan::Meal;
use crate::domain::units::format::count;
use activity::ActivityForm;
use copy::CopyForms;
use notes::Notes;
use past_day::{DayRecord, WeekGlance};
use warnings::WarningSigns;

/// The diary of the open day.
#[component]
pub fn DiaryPage() -> impl IntoView {
    super::set_title("Diary");
    let planner = Planner::expect();
    let heading = NodeRef::<html::H2>::new();
    // After a day is opened from the list, its entries come into view.
    let on_open = Callback::new(move |_: Date| {
        if let Some(h) = heading.get_untracked() {
            h.scroll_into_view();
            let _ = h.focus();
        }
    });
    view! {
        <section class="diary-page">
            <h1>"Diary"</h1>
            <DayPicker/>
            <h2 class="diary-day-heading" tabindex="-1" node_ref=heading data-testid="diary-day-heading">
                {move || planner.date.get().label()}
            </h2>
            <WarningSigns/>
            <MealsSummary/>
            <DayRecord/>
            <CrampLog/>
            <ActivityForm/>
            <Notes/>
            <CopyForms/>
            <WeekGlance on_open=on_open/>
            <DayList on_open=on_open/>
        </section>
    }
}

/// How many items the open day's meals hold, with a link to plan them.
#[component]
fn MealsSummary() -> impl IntoView {
    let planner = Planner::expect();
    let text = move || {
        planner.plan.with(|p| {
            let counts: Vec<String> = Meal::ALL
                .iter()
                .filter(|m| !p.items(**m).is_empty())
                .map(|m| format!("{} {}", m.label(), p.items(*m).len()))
                .collect();
            match p.len() {
                0 => "No food or drink planned on this day.".to_owned(),
                n => format!(
                    "{} planned ({}).",
                    count(n, "item", "items"),
                    counts.join(", ")
                ),
            }
        })
    };
    view! {
        <section class="diary-meals" aria-labelledby="diary-meals-heading">
            <h2 id="diary-meals-heading">"Meals"</h2>
            <p data-testid="diary-meals">{text}" "
                <A href="/plan" attr:data-testid="diary-plan-link">"Plan this day’s meals"</A>
            </p>
        </section>
    }
}
