//! The cramp log of the open day: a form to log an episode (checked by the
//! domain, its message shown as is) and the day's episodes with Remove and
//! Undo. Messages belong to the day they were made on; times are shown the
//! way the browser's time field shows them (its locale's 12- or 24-hour
//! clock), stored as HH:MM.

mod form;
mod list;
pub(crate) mod text;

use leptos::ev::SubmitEvent;
use leptos::prelude::*;

use crate::components::decimal_field::DecimalField;
use crate::components::planner_state::Planner;
use crate::domain::diary::date::Date;
use crate::domain::diary::day::{Place, Relief, Side, MAX_CRAMP_NOTE_CHARS};
use crate::domain::units::format::format_number;

use form::{follow_clock, CrampForm, Field};
use list::CrampList;
use text::cramp_summary;

/// A message or error of the cramp log and the day it is about: shown on
/// that day only.
#[derive(Debug, Clone, PartialEq)]
struct DayNotice<T> {
    date: Date,
    what: T,
}

/// `notice`'s content while its day is open.
fn on_open_day<T: Clone + Send + Sync + 'static>(
    planner: Planner,
    notice: RwSignal<Option<DayNotice<T>>>,
) -> impl Fn() -> Option<T> + Copy {
    move || {
        let date = planner.date.get();
        notice.with(|n| {
            n.as_ref()
                .filter(|n| n.date == date)
                .map(|n| n.what.clone())
        })
    }
}

/// The cramp form and the day's episodes.
#[component]
pub fn CrampLog() -> impl IntoView {
    let planner = Planner::expect();
    let form = CrampForm::new();
    follow_clock(form);
    let error = RwSignal::new(None::<DayNotice<(Field, String)>>);
    let message = RwSignal::new(None::<DayNotice<String>>);
    let shown_error = on_open_day(planner, error);
    let shown_message = on_open_day(planner, message);
    let at_fault = move |field: Field| shown_error().is_some_and(|(f, _)| f == field);
    let invalid = move |field: Field| move || at_fault(field).to_string();
    let add = move |ev: SubmitEvent| {
        ev.prevent_default();
        let date = planner.date.get_untracked();
        let episode = match form.read() {
            Ok(episode) => episode,
            Err(e) => {
                message.set(None);
                error.set(Some(DayNotice { date, what: e }));
                return;
            }
        };
        let summary = cramp_summary(&episode);
        planner.change_day(
            |d| d.add_cramp(episode),
            move |result| match result {
                Ok(saved) => {
                    match saved.stored() {
                        Ok(()) => {
                            error.set(None);
                            message.set(Some(DayNotice {
                                date,
                                what: format!("Logged the cramp: {summary}."),
                            }));
                        }
                        // In the list, not stored: said where the success would be.
                        Err(not_saved) => {
                            error.set(Some(DayNotice {
                                date,
                                what: (Field::None, not_saved),
                            }));
                            message.set(None);
                        }
                    }
                    form.reset();
                }
                Err(e) => {
                    message.set(None);
                    error.set(Some(DayNotice {
                        date,
                        what: (Field::None, e.to_string()),
                    }));
                }
            },
        );
    };
    let note_count = move || {
        format!(
            "{} / {} characters",
            format_number(form.note.with(|n| n.chars().count()) as f64, 0),
            format_number(MAX_CRAMP_NOTE_CHARS as f64, 0)
        )
    };

    view! {
        <section class="cramp-log" aria-labelledby="cramp-log-heading">
            <h2 id="cramp-log-heading">"Cramps"</h2>
            <CrampList/>
            <form class="cramp-form" novalidate on:submit=add data-testid="cramp-form" aria-describedby="cramp-error">
                <h3>"Log a cramp"</h3>
                <div class="cramp-row">
                    <div class="field">
                        <label for="cramp-time">"Time it started"</label>
                        <input
                            id="cramp-time"
                            type="time"
                            data-testid="cramp-time"
                            aria-invalid=invalid(Field::Time)
                            prop:value=move || form.time.get()
                            on:input=move |ev| {
                                form.time_typed.set(true);
                                form.time.set(event_target_value(&ev));
                            }
                        />
                    </div>
                    <div class="field">
                        <label for="cramp-severity">"Severity (1 mild – 10 worst)"</label>
                        <input
                            id="cramp-severity"
                            type="number"
                            min="1"
                            max="10"
                            step="1"
                            inputmode="numeric"
                            size="4"
                            data-testid="cramp-severity"
                            aria-invalid=invalid(Field::Severity)
                            prop:value=move || form.severity.get()
                            on:input=move |ev| form.severity.set(event_target_value(&ev))
                        />
                    </div>
                    <DecimalField
                        id="cramp-minutes"
                        label="How long (minutes, optional)"
                        value=form.minutes
                        invalid=move || at_fault(Field::Minutes)
                    />
                </div>
                <fieldset class="choices" role="radiogroup" data-testid="cramp-place">
                    <legend>"Where"</legend>
                    {Place::ALL
                        .iter()
                        .map(|&p| {
                            let id = format!("cramp-place-{}", p.key());
                            view! {
                                <span class="radio">
                                    <input
                                        type="radio"
                                        name="cramp-place"
                                        id=id.clone()
                                        data-testid=id.clone()
                                        value=p.key()
                                        prop:checked=move || form.place.get() == p
                                        on:change=move |_| form.place.set(p)
                                    />
                                    <label for=id>{p.label()}</label>
                                </span>
                            }
                        })
                        .collect_view()}
                </fieldset>
                <fieldset
                    class="choices"
                    role="radiogroup"
                    data-testid="cramp-side"
                    aria-invalid=invalid(Field::Side)
                >
                    <legend>"Which leg"</legend>
                    {Side::ALL
                        .iter()
                        .map(|&s| {
                            let id = format!("cramp-side-{}", s.key());
                            view! {
                                <span class="radio">
                                    <input
                                        type="radio"
                                        name="cramp-side"
                                        id=id.clone()
                                        data-testid=id.clone()
                                        value=s.key()
                                        prop:checked=move || form.side.get() == Some(s)
                                        on:change=move |_| form.side.set(Some(s))
                                    />
                                    <label for=id>{s.label()}</label>
                                </span>
                            }
                        })
                        .collect_view()}
                </fieldset>
                <fieldset class="choices" data-testid="cramp-helped">
                    <legend>"What helped"</legend>
                    {Relief::ALL
                        .iter()
                        .map(|&r| {
                            let id = format!("cramp-helped-{}", r.key());
                            view! {
                                <span class="field checkbox">
                                    <input
                                        type="checkbox"
                                        id=id.clone()
                                        data-testid=id.clone()
                                        prop:checked=move || form.helped.with(|h| h.contains(&r))
                                        on:change=move |ev| {
                                            let on = event_target_checked(&ev);
                                            form.helped.update(|h| {
                                                if on {
                                                    h.insert(r);
                                                } else {
                                                    h.remove(&r);
                                                }
                                            });
                                        }
                                    />
                                    <label for=id>{r.label()}</label>
                                </span>
                            }
                        })
                        .collect_view()}
                </fieldset>
                <fieldset class="choices" data-testid="cramp-signs">
                    <legend>"Also noticed in the leg"</legend>
                    <span class="field checkbox">
                        <input
                            type="checkbox"
                            id="cramp-swelling"
                            data-testid="cramp-swelling"
                            prop:checked=move || form.swelling.get()
                            on:change=move |ev| form.swelling.set(event_target_checked(&ev))
                        />
                        <label for="cramp-swelling">"Swelling, redness or a lump"</label>
                    </span>
                    <span class="field checkbox">
                        <input
                            type="checkbox"
                            id="cramp-numbness"
                            data-testid="cramp-numbness"
                            prop:checked=move || form.numbness.get()
                            on:change=move |ev| form.numbness.set(event_target_checked(&ev))
                        />
                        <label for="cramp-numbness">"Numbness"</label>
                    </span>
                </fieldset>
                <div class="field">
                    <label for="cramp-note">"Note (optional)"</label>
                    <textarea
                        id="cramp-note"
                        rows="2"
                        data-testid="cramp-note"
                        aria-describedby="cramp-note-count"
                        aria-invalid=invalid(Field::Note)
                        prop:value=move || form.note.get()
                        on:input=move |ev| form.note.set(event_target_value(&ev))
                    ></textarea>
                    <span id="cramp-note-count" class="hint" data-testid="cramp-note-count">{note_count}</span>
                </div>
                <button type="submit" data-testid="cramp-add">"Log this cramp"</button>
                <p id="cramp-error" class="field-error" role="alert" data-testid="cramp-error">
                    {move || shown_error().map(|(_, e)| e)}
                </p>
                <p class="confirmation" role="status" data-testid="cramp-status">{shown_message}</p>
            </form>
        </section>
    }
}
