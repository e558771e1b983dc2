//! The open day, readable ([`DayRecord`]): what was eaten and drunk by
//! meal, the day against its targets, the cramps, activity and notes, from
//! the domain's `PastDay`; and the week that ends on it ([`WeekGlance`]),
//! seven days side by side from `WeekView`.

use leptos::prelude::*;

use crate::catalog;
use crate::components::cramp_log::text::{cramp_details, cramp_summary};
use crate::components::planner_state::Planner;
use crate::domain::diary::date::Date;
use crate::domain::foods::nutrient::Nutrient;
use crate::domain::insights::day_view::{ItemLine, MealLines, PastDay};
use crate::domain::insights::week::{WeekDay, WeekView};
use crate::domain::planning::progress::Status;
use crate::domain::units::format::{count, format_percent};

/// Everything recorded on the open day, as a list to read: meals with
/// each item's amount and minerals, the day against its targets, cramps,
/// activity and notes.
#[component]
pub fn DayRecord() -> impl IntoView {
    let planner = Planner::expect();
    let day = Memo::new(move |_| {
        let date = planner.date.get();
        // The day on screen (its edits land in the diary as well).
        planner.day.track();
        planner
            .diary
            .with(|diary| PastDay::of(diary, catalog::foods(), date))
    });
    view! {
        <section class="day-record" aria-labelledby="day-record-heading" data-testid="day-record">
            <h2 id="day-record-heading">"What was recorded"</h2>
            <Show when=move || day.with(PastDay::is_empty)>
                <p class="hint" data-testid="day-record-empty">"Nothing recorded on this day."</p>
            </Show>
            <div class="day-record-meals">
                <For
                    each=move || day.with(|d| d.meals.clone())
                    key=|m: &MealLines| format!("{:?}|{:?}", m.meal, m.items)
                    children=|m| view! { <MealRecord meal=m/> }
                />
            </div>
            <Show when=move || day.with(|d| !d.meals.is_empty())>
                <h3>"Against your targets"</h3>
                <ul class="day-record-progress" data-testid="day-record-progress">
                    {move || day.with(|d| d.progress.iter().map(|(n, p)| {
                        let text = match p {
                            Some(p) => p.text(),
                            None => "not known".to_owned(),
                        };
                        view! {
                            <li data-testid=format!("day-record-progress-{}", n.key())>
                                <span class="day-record-nutrient">{n.name()}</span>": "{text}
                            </li>
                        }
                    }).collect_view())}
                </ul>
            </Show>
            <Show when=move || day.with(|d| !d.cramps.is_empty())>
                <h3>"Cramps"</h3>
                <ul class="day-record-cramps" data-testid="day-record-cramps">
                    {move || day.with(|d| d.cramps.iter().map(|c| {
                        let details = cramp_details(c).join(" · ");
                        let note = c.note.clone();
                        view! {
                            <li data-testid="day-record-cramp">
                                {cramp_summary(c)}
                                {(!details.is_empty()).then(|| view! { <span class="hint">" · "{details}</span> })}
                                {(!note.is_empty()).then(|| view! { <span class="day-record-note">" · “"{note}"”"</span> })}
                            </li>
                        }
                    }).collect_view())}
                </ul>
            </Show>
            {move || day.with(|d| d.activity.text()).map(|text| view! {
                <h3>"Activity"</h3>
                <p data-testid="day-record-activity">{text}</p>
            })}
            {move || day.with(|d| (!d.notes.is_empty()).then(|| d.notes.clone())).map(|notes| view! {
                <h3>"Notes"</h3>
                <p class="day-record-notes" data-testid="day-record-notes">{notes}</p>
            })}
        </section>
    }
}

/// One meal of the day: its items, each with its amount and minerals.
#[component]
fn MealRecord(meal: MealLines) -> impl IntoView {
    let label = meal.meal.label();
    view! {
        <div class="day-record-meal" data-testid="day-record-meal">
            <h3>{label}</h3>
            <ul>
                {meal.items.into_iter().map(|item: ItemLine| view! {
                    <li data-testid="day-record-item">
                        <span class="day-record-item-name">{item.name}</span>
                        <span class="day-record-amount">{item.amount}</span>
                        {item.minerals.map(|m| view! { <span class="day-record-minerals hint">{m}</span> })}
                    </li>
                }).collect_view()}
            </ul>
        </div>
    }
}

/// The week ending on the open day: each day's coverage of every target,
/// its cramps, "not logged" for days without food; each day opens it.
#[component]
pub fn WeekGlance(
    /// Called after a day is opened.
    on_open: Callback<Date>,
) -> impl IntoView {
    let planner = Planner::expect();
    let week = Memo::new(move |_| {
        if !planner.whole_diary_read.get() {
            return None;
        }
        let last = planner.date.get();
        Some(
            planner
                .diary
                .with(|diary| WeekView::ending(diary, catalog::foods(), last)),
        )
    });
    let summary = move || {
        week.with(|w| {
            w.as_ref().map(|w| {
                format!(
                    "Food logged on {} of {}; cramps on {}.",
                    w.food_logged_days(),
                    count(w.days.len(), "day", "days"),
                    count(w.cramp_days(), "day", "days")
                )
            })
        })
    };
    view! {
        <section class="week-glance" aria-labelledby="week-heading" data-testid="week-glance">
            <h2 id="week-heading">"The week to this day"</h2>
            <Show
                when=move || week.with(Option::is_some)
                fallback=|| view! { <p class="hint" role="status" data-testid="week-reading">"Reading your diary…"</p> }
            >
                <p class="hint" data-testid="week-summary">{summary}</p>
                <p class="hint week-legend">
                    "Bars, left to right: K, Mg, Ca, Na, water; a full bar is the target met (for Na, its limit "
                    "reached). ▲ marks a cramp."
                </p>
                <ol class="week-days" data-testid="week-days">
                    <For
                        each=move || week.with(|w| w.as_ref().map(|w| w.days.clone()).unwrap_or_default())
                        key=|d: &WeekDay| format!("{:?}", d)
                        children=move |d| view! { <WeekColumn day=d on_open=on_open/> }
                    />
                </ol>
            </Show>
        </section>
    }
}

/// One day of the week: a button with its date, cramps and coverage.
#[component]
fn WeekColumn(day: WeekDay, on_open: Callback<Date>) -> impl IntoView {
    let planner = Planner::expect();
    let date = day.date;
    let is_open = move || planner.date.get() == date;
    let cramps = match day.cramps {
        0 => None,
        n => Some((n, count(n, "cramp", "cramps"))),
    };
    let figures = day.food_logged.then(|| {
        day.coverage
            .iter()
            .map(|(n, p)| {
                let (percent, class) = match p {
                    Some(p) => (
                        Some(p.percent),
                        match p.status {
                            Status::Met => "week-bar met",
                            Status::OverLimit => "week-bar over",
                            _ => "week-bar",
                        },
                    ),
                    None => (None, "week-bar"),
                };
                let text = format!(
                    "{} {}",
                    n.symbol(),
                    percent.map_or("?".to_owned(), format_percent)
                );
                let height = format!("{:.0}%", percent.unwrap_or(0.0).clamp(0.0, 100.0));
                let ceiling = *n == Nutrient::Sodium;
                let title = text.clone();
                view! {
                    <li class=class title=title>
                        <span class="week-bar-track" aria-hidden="true">
                            <span class="week-bar-fill" style:height=height></span>
                        </span>
                        <span class="week-bar-text">{text}{ceiling.then_some(" of limit")}</span>
                    </li>
                }
            })
            .collect_view()
    });
    let weekday = date.weekday().short_name();
    let day_number = date.day();
    let key = date.to_string();
    view! {
        <li class="week-day" class:open=is_open class:not-logged=!day.food_logged data-testid="week-day">
            <button
                type="button"
                class="week-day-open"
                data-testid=format!("week-day-open-{key}")
                aria-current=move || is_open().then_some("date")
                aria-label=format!("{}: open this day", date.label())
                on:click=move |_| {
                    planner.open(date);
                    on_open.run(date);
                }
            >
                <span class="week-day-name">{weekday}</span>
                " "
                <span class="week-day-number">{day_number}</span>
            </button>
            <p class="week-cramp-row">
                {cramps.map(|(n, c)| view! {
                    <span class="week-cramps" data-testid="week-cramps">
                        <span aria-hidden="true">{if n > 1 { format!("▲{n}") } else { "▲".to_owned() }}</span>
                        <span class="visually-hidden">{c}</span>
                    </span>
                })}
            </p>
            {match figures {
                Some(f) => view! { <ul class="week-bars">{f}</ul> }.into_any(),
                None => view! { <p class="week-not-logged hint" data-testid="week-not-logged">"Not logged"</p> }.into_any(),
            }}
        </li>
    }
}
