//! The diary at `/diary`: the open day's cramps, activity and notes, the
//! warning signs, copying, and the past days at a glance.

use leptos::ev::SubmitEvent;
use leptos::html;
use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::cramp_log::CrampLog;
use crate::components::day_list::DayList;
use crate::components::day_picker::DayPicker;
use crate::components::planner_state::{plain_number, MealSelect, Planner};
use crate::domain::diary::date::Date;
use crate::domain::diary::day::{Activity, EntryError, MAX_NOTES_CHARS};
use crate::domain::diary::warning_signs::{warning_signs, Urgency};
use crate::domain::format::format_number;
use crate::domain::plan::{DayPlan, Meal, PlanError, PlanItem};
use crate::domain::quantity::{parse_number, QuantityError};

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
            <CrampLog/>
            <ActivityForm/>
            <Notes/>
            <CopyForms/>
            <DayList on_open=on_open/>
        </section>
    }
}

/// The warning signs of the open day's cramps, most urgent first, each
/// pointing to a doctor; nothing when there are none.
#[component]
fn WarningSigns() -> impl IntoView {
    let planner = Planner::expect();
    let signs = Memo::new(move |_| {
        let date = planner.date.get();
        planner.diary.with(|d| {
            let mut signs: Vec<(Urgency, String)> = warning_signs(d, date)
                .iter()
                .map(|s| (s.urgency(), s.text()))
                .collect();
            // The domain lists the most urgent first; keep it so whatever it does.
            signs.sort_by_key(|(u, _)| *u);
            signs
        })
    });
    view! {
        <div class="warning-signs" role="alert" data-testid="diary-warnings">
            {move || {
                let signs = signs.get();
                (!signs.is_empty()).then(|| {
                    let urgent = signs.iter().any(|(u, _)| *u == Urgency::SeekCareNow);
                    view! {
                        <section
                            class="warning-signs-box"
                            class:urgent=urgent
                            aria-labelledby="warning-signs-heading"
                        >
                            <h2 id="warning-signs-heading">
                                <span aria-hidden="true">"⚠ "</span>
                                {if urgent { "Seek medical care now" } else { "Worth showing a doctor" }}
                            </h2>
                            <ul>
                                {signs
                                    .into_iter()
                                    .map(|(urgency, text)| {
                                        let (key, tag) = match urgency {
                                            Urgency::SeekCareNow => ("seek-care-now", "Urgent: "),
                                            Urgency::SeeADoctor => ("see-a-doctor", "See a doctor: "),
                                        };
                                        view! {
                                            <li class=format!("warning-sign {key}") data-testid="warning-sign" data-urgency=key>
                                                <strong>{tag}</strong>
                                                {text}
                                            </li>
                                        }
                                    })
                                    .collect_view()}
                            </ul>
                            <p class="hint">
                                "This diary cannot diagnose anything. If you are worried, or a sign comes back, "
                                "talk to a doctor; in an emergency call your local emergency number."
                            </p>
                        </section>
                    }
                })
            }}
        </div>
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
                1 => format!("1 item planned ({}).", counts.join(", ")),
                n => format!("{n} items planned ({}).", counts.join(", ")),
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

/// An activity field: its label, the number as typed, its error.
#[derive(Clone, Copy)]
struct NumberField {
    text: RwSignal<String>,
    error: RwSignal<Option<String>>,
}

impl NumberField {
    fn new() -> NumberField {
        NumberField {
            text: RwSignal::new(String::new()),
            error: RwSignal::new(None),
        }
    }

    /// Shows `value` ("" for none noted) and clears the error.
    fn show(self, value: f64) {
        self.text.set(if value == 0.0 {
            String::new()
        } else {
            plain_number(value)
        });
        self.error.set(None);
    }
}

/// The number typed: empty is 0 (not noted); anything else that is not a
/// number, or negative, gets `refused`'s message.
fn read_number(text: &str, refused: EntryError) -> Result<f64, String> {
    match parse_number(text) {
        Ok(value) => Ok(value),
        Err(QuantityError::Empty) => Ok(0.0),
        Err(QuantityError::Negative) => Err(refused.to_string()),
        Err(e) => Err(format!("{e} {refused}")),
    }
}

/// Exercise, hours on feet, heat and alcohol, saved as soon as a field
/// changes.
#[component]
fn ActivityForm() -> impl IntoView {
    let planner = Planner::expect();
    let stored = Memo::new(move |_| (planner.date.get(), planner.day.with(|d| *d.activity())));
    let exercise = NumberField::new();
    let feet = NumberField::new();
    let alcohol = NumberField::new();
    let status = RwSignal::new(None::<String>);
    // Another day opened, or a number changed elsewhere (another tab):
    // show it. A field whose number did not change keeps what is typed.
    Effect::new(move |previous: Option<(Date, Activity)>| {
        let (date, a) = stored.get();
        let changed = |old: Option<f64>, new: f64| old != Some(new);
        let same_day = previous.filter(|(d, _)| *d == date).map(|(_, a)| a);
        if changed(same_day.map(|p| p.exercise_minutes), a.exercise_minutes) {
            exercise.show(a.exercise_minutes);
        }
        if changed(same_day.map(|p| p.hours_on_feet), a.hours_on_feet) {
            feet.show(a.hours_on_feet);
        }
        if changed(same_day.map(|p| p.alcohol_drinks), a.alcohol_drinks) {
            alcohol.show(a.alcohol_drinks);
        }
        if same_day.is_none() {
            status.set(None);
        }
        (date, a)
    });
    let save = move |field: NumberField, refused: EntryError, set: fn(&mut Activity, f64)| {
        let result = read_number(&field.text.get_untracked(), refused).and_then(|value| {
            let mut activity = stored.get_untracked().1;
            set(&mut activity, value);
            planner
                .change_day(|d| d.set_activity(activity))
                .map_err(|e| e.to_string())
        });
        match result {
            Ok(()) => {
                field.error.set(None);
                status.set(Some("Saved.".to_owned()));
            }
            Err(e) => {
                status.set(None);
                field.error.set(Some(e));
            }
        }
    };
    let number_input = move |id: &'static str,
                             label: &'static str,
                             field: NumberField,
                             refused: EntryError,
                             set: fn(&mut Activity, f64)| {
        let error_id = format!("{id}-error");
        view! {
            <div class="field">
                <label for=id>{label}</label>
                <input
                    id=id
                    data-testid=id
                    type="text"
                    inputmode="decimal"
                    autocomplete="off"
                    size="6"
                    placeholder="0"
                    aria-invalid=move || field.error.with(Option::is_some).to_string()
                    aria-describedby=error_id.clone()
                    prop:value=move || field.text.get()
                    on:input=move |ev| field.text.set(event_target_value(&ev))
                    on:change=move |_| save(field, refused, set)
                />
                <p id=error_id.clone() class="field-error" role="alert" data-testid=error_id>
                    {move || field.error.get()}
                </p>
            </div>
        }
    };
    let on_hot = move |ev| {
        let hot = event_target_checked(&ev);
        let mut activity = stored.get_untracked().1;
        activity.hot_weather = hot;
        match planner.change_day(|d| d.set_activity(activity)) {
            Ok(()) => status.set(Some("Saved.".to_owned())),
            Err(e) => status.set(Some(e.to_string())),
        }
    };
    view! {
        <section class="activity" aria-labelledby="activity-heading">
            <h2 id="activity-heading">"Activity and circumstances"</h2>
            <fieldset class="activity-fields">
                <legend>"On this day (saved as you leave each field)"</legend>
                {number_input(
                    "activity-exercise",
                    "Exercise (minutes)",
                    exercise,
                    EntryError::ExerciseMinutes,
                    |a, v| a.exercise_minutes = v,
                )}
                {number_input(
                    "activity-feet",
                    "Hours on your feet",
                    feet,
                    EntryError::HoursOnFeet,
                    |a, v| a.hours_on_feet = v,
                )}
                {number_input(
                    "activity-alcohol",
                    "Alcoholic drinks",
                    alcohol,
                    EntryError::AlcoholDrinks,
                    |a, v| a.alcohol_drinks = v,
                )}
                <span class="field checkbox">
                    <input
                        type="checkbox"
                        id="activity-hot"
                        data-testid="activity-hot"
                        prop:checked=move || stored.get().1.hot_weather
                        on:change=on_hot
                    />
                    <label for="activity-hot">"Hot weather or a hot workplace"</label>
                </span>
            </fieldset>
            <p class="confirmation" role="status" data-testid="activity-status">{move || status.get()}</p>
        </section>
    }
}

/// The day's free notes, saved as they are typed.
#[component]
fn Notes() -> impl IntoView {
    let planner = Planner::expect();
    let stored = Memo::new(move |_| {
        (
            planner.date.get(),
            planner.day.with(|d| d.notes().to_owned()),
        )
    });
    let text = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let status = RwSignal::new(None::<String>);
    // Another day opened, or the notes changed elsewhere (another tab): show
    // them.
    Effect::new(move |previous: Option<Date>| {
        let (date, notes) = stored.get();
        if previous != Some(date) || text.with_untracked(|t| *t != notes) {
            text.set(notes);
            error.set(None);
        }
        if previous != Some(date) {
            status.set(None);
        }
        date
    });
    let save = move || {
        let typed = text.get_untracked();
        if stored.with_untracked(|(_, n)| *n == typed) {
            return;
        }
        match planner.change_day(|d| d.set_notes(typed)) {
            Ok(()) => {
                error.set(None);
                status.set(Some("Notes saved.".to_owned()));
            }
            Err(e) => {
                status.set(None);
                error.set(Some(e.to_string()));
            }
        }
    };
    let count = move || {
        format!(
            "{} / {} characters",
            format_number(text.with(|t| t.chars().count()) as f64, 0),
            format_number(MAX_NOTES_CHARS as f64, 0)
        )
    };
    view! {
        <section class="notes" aria-labelledby="notes-heading">
            <h2 id="notes-heading">"Notes"</h2>
            <div class="field">
                <label for="diary-notes">"Anything else about this day (saved when you leave the field)"</label>
                <textarea
                    id="diary-notes"
                    rows="4"
                    data-testid="diary-notes"
                    aria-describedby="diary-notes-count diary-notes-error"
                    aria-invalid=move || error.with(Option::is_some).to_string()
                    prop:value=move || text.get()
                    on:input=move |ev| {
                        // Saved as typed: a reload or a closed tab loses nothing.
                        text.set(event_target_value(&ev));
                        save();
                    }
                ></textarea>
                <span id="diary-notes-count" class="hint" data-testid="diary-notes-count">{count}</span>
            </div>
            <p id="diary-notes-error" class="field-error" role="alert" data-testid="diary-notes-error">
                {move || error.get()}
            </p>
            <p class="confirmation" role="status" data-testid="diary-notes-status">{move || status.get()}</p>
        </section>
    }
}

/// Appends `items` (meal, item) to the plan of `to`, through the planner so
/// the day is saved like any edit; all or nothing. The open day stays open.
/// Returns how many items were copied.
fn copy_items(planner: Planner, items: Vec<(Meal, PlanItem)>, to: Date) -> Result<usize, String> {
    let from = planner.date.get_untracked();
    if items.is_empty() {
        return Err("There is nothing to copy: this meal or day holds no item.".to_owned());
    }
    // The planner changes the open day only: open the target for the
    // change, then come back.
    planner.open(to);
    let result = planner.change_day(|d| {
        for (meal, item) in &items {
            d.plan_mut().add_copy(*meal, item)?;
        }
        Ok::<usize, PlanError>(items.len())
    });
    planner.open(from);
    result.map_err(|e| e.to_string())
}

/// "Copied 3 items to Mon 30 Nov 2026."
fn copied_text(n: usize, to: Date, meal: Option<Meal>) -> String {
    let items = if n == 1 {
        "1 item".to_owned()
    } else {
        format!("{n} items")
    };
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
fn CopyForms() -> impl IntoView {
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

    let copy_day = move |ev: SubmitEvent| {
        ev.prevent_default();
        meal_error.set(None);
        let result = read_date(&day_to.get_untracked()).and_then(|to| {
            if to == planner.date.get_untracked() {
                return Err("Choose another date: this is the day being copied.".to_owned());
            }
            let items: Vec<(Meal, PlanItem)> = planner
                .plan
                .with_untracked(|p: &DayPlan| p.iter().map(|(m, i)| (m, i.clone())).collect());
            copy_items(planner, items, to).map(|n| (copied_text(n, to, None), to))
        });
        match result {
            Ok(ok) => {
                day_error.set(None);
                done.set(Some(ok));
            }
            Err(e) => {
                done.set(None);
                day_error.set(Some(e));
            }
        }
    };
    let copy_meal = move |ev: SubmitEvent| {
        ev.prevent_default();
        day_error.set(None);
        let (from_meal, to_meal) = (meal_from.get_untracked(), meal_to.get_untracked());
        let result = read_date(&meal_date.get_untracked()).and_then(|to| {
            if to == planner.date.get_untracked() && from_meal == to_meal {
                return Err("Choose another date or another meal to copy to.".to_owned());
            }
            let items: Vec<(Meal, PlanItem)> = planner.plan.with_untracked(|p| {
                p.items(from_meal)
                    .iter()
                    .map(|i| (to_meal, i.clone()))
                    .collect()
            });
            copy_items(planner, items, to).map(|n| (copied_text(n, to, Some(to_meal)), to))
        });
        match result {
            Ok(ok) => {
                meal_error.set(None);
                done.set(Some(ok));
            }
            Err(e) => {
                done.set(None);
                meal_error.set(Some(e));
            }
        }
    };
    view! {
        <section class="copy-forms" aria-labelledby="copy-heading">
            <h2 id="copy-heading">"Copy meals to another day"</h2>
            <p class="hint">"Copies are added to what the other day already holds. Cramps, activity and notes stay with their day."</p>
            <form class="add-row" novalidate on:submit=copy_day data-testid="copy-day-form">
                <fieldset class="copy-fieldset">
                    <legend>"Copy this day’s meals to…"</legend>
                    <div class="field">
                        <label for="copy-day-date">"Date"</label>
                        <input
                            id="copy-day-date"
                            type="date"
                            data-testid="copy-day-date"
                            aria-invalid=move || day_error.with(Option::is_some).to_string()
                            aria-describedby="copy-day-error"
                            prop:value=move || day_to.get()
                            on:input=move |ev| day_to.set(event_target_value(&ev))
                        />
                    </div>
                    <button type="submit" data-testid="copy-day-submit">"Copy the day"</button>
                </fieldset>
            </form>
            <p id="copy-day-error" class="field-error" role="alert" data-testid="copy-day-error">{move || day_error.get()}</p>
            <form class="add-row" novalidate on:submit=copy_meal data-testid="copy-meal-form">
                <fieldset class="copy-fieldset">
                    <legend>"Copy one meal"</legend>
                    <MealSelect id="copy-meal-from" label="Meal of this day" meal=meal_from/>
                    <div class="field">
                        <label for="copy-meal-date">"To the date"</label>
                        <input
                            id="copy-meal-date"
                            type="date"
                            data-testid="copy-meal-date"
                            aria-invalid=move || meal_error.with(Option::is_some).to_string()
                            aria-describedby="copy-meal-error"
                            prop:value=move || meal_date.get()
                            on:input=move |ev| meal_date.set(event_target_value(&ev))
                        />
                    </div>
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
