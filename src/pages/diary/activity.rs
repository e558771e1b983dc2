//! The open day's activity and circumstances: exercise, hours on feet,
//! alcohol (numbers saved as each field is left) and hot weather.

use leptos::prelude::*;

use crate::components::decimal_field::DecimalField;
use crate::components::pickers::plain_number;
use crate::components::planner_state::Planner;
use crate::components::save_status::{outcome, Saved};
use crate::domain::diary::date::Date;
use crate::domain::diary::day::{Activity, EntryError};
use crate::domain::units::quantity::{parse_number, QuantityError};

/// An activity field: the number as typed and its error.
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
pub(super) fn ActivityForm() -> impl IntoView {
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
        let value = match read_number(&field.text.get_untracked(), refused) {
            Ok(value) => value,
            Err(e) => {
                status.set(None);
                field.error.set(Some(e));
                return;
            }
        };
        planner.change_day(
            // From the day as stored now: another tab's other fields stay.
            move |d| {
                let mut activity = *d.activity();
                set(&mut activity, value);
                d.set_activity(activity)
            },
            move |result| match result.map(Saved::stored) {
                Ok(Ok(())) => {
                    field.error.set(None);
                    status.set(Some("Saved.".to_owned()));
                }
                // On screen, not stored: said next to the fields.
                Ok(Err(not_saved)) => {
                    field.error.set(None);
                    status.set(Some(not_saved));
                }
                Err(e) => {
                    status.set(None);
                    field.error.set(Some(e.to_string()));
                }
            },
        );
    };
    let number_input = move |id: &'static str,
                             label: &'static str,
                             field: NumberField,
                             refused: EntryError,
                             set: fn(&mut Activity, f64)| {
        view! {
            <DecimalField
                id=id
                label=label
                value=field.text
                placeholder="0"
                error=field.error
                on_change=move |()| save(field, refused, set)
            />
        }
    };
    let on_hot = move |ev| {
        let hot = event_target_checked(&ev);
        planner.change_day(
            move |d| {
                let mut activity = *d.activity();
                activity.hot_weather = hot;
                d.set_activity(activity)
            },
            move |result| match outcome(result) {
                Ok(()) => status.set(Some("Saved.".to_owned())),
                Err(e) => status.set(Some(e)),
            },
        );
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
