//! The cramp log of the open day: a form to log an episode (checked by the
//! domain, its message shown as is) and the day's episodes with Remove and
//! Undo. Messages belong to the day they were made on; times are shown the
//! way the browser's time field shows them (its locale's 12- or 24-hour
//! clock), stored as HH:MM.

use std::collections::BTreeSet;

use leptos::ev::SubmitEvent;
use leptos::prelude::*;

use super::decimal_field::DecimalField;
use super::pickers::plain_number;
use super::planner_state::Planner;
use super::save_status::Saved;
use crate::domain::diary::date::Date;
use crate::domain::diary::day::{
    CrampEpisode, EntryError, Place, Relief, Side, TimeOfDay, MAX_CRAMP_NOTE_CHARS,
};
use crate::domain::units::format::format_number;
use crate::domain::units::quantity::{parse_number, QuantityError};

/// How often an untouched time field catches up with the clock.
const CLOCK_TICK: std::time::Duration = std::time::Duration::from_secs(15);

/// The time now in the browser's time zone, to the minute.
fn now() -> TimeOfDay {
    let now = js_sys::Date::new_0();
    TimeOfDay::new(now.get_hours(), now.get_minutes())
        .unwrap_or_else(|_| TimeOfDay::new(0, 0).expect("midnight is a time of day"))
}

/// A time as the browser's `<input type="time">` shows it: the locale's
/// 12- or 24-hour clock, two-digit hours ("03:00 AM", "03:00"). HH:MM
/// where the browser has no `Intl`.
pub fn time_text(time: TimeOfDay) -> String {
    thread_local! {
        static FORMAT: Option<js_sys::Function> = {
            let options = js_sys::Object::new();
            let set = |key: &str| {
                js_sys::Reflect::set(&options, &key.into(), &"2-digit".into()).is_ok()
            };
            (set("hour") && set("minute")).then(|| {
                js_sys::Intl::DateTimeFormat::new(&js_sys::Array::new(), &options).format()
            })
        };
    }
    let date = js_sys::Date::new_with_year_month_day_hr_min(
        2000,
        0,
        1,
        time.hour() as i32,
        time.minute() as i32,
    );
    FORMAT
        .with(|format| {
            format
                .as_ref()?
                .call1(&wasm_bindgen::JsValue::NULL, &date)
                .ok()?
                .as_string()
        })
        .unwrap_or_else(|| time.to_string())
}

/// Which field a refused episode points at, for `aria-invalid`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    Time,
    Side,
    Severity,
    Minutes,
    Note,
    None,
}

/// The form as typed.
#[derive(Clone, Copy)]
struct CrampForm {
    time: RwSignal<String>,
    /// Whether the time was typed; until then it follows the clock, so
    /// the time shown is the time logged.
    time_typed: RwSignal<bool>,
    place: RwSignal<Place>,
    side: RwSignal<Option<Side>>,
    severity: RwSignal<String>,
    minutes: RwSignal<String>,
    helped: RwSignal<BTreeSet<Relief>>,
    swelling: RwSignal<bool>,
    numbness: RwSignal<bool>,
    note: RwSignal<String>,
}

impl CrampForm {
    fn new() -> CrampForm {
        CrampForm {
            time: RwSignal::new(now().to_string()),
            time_typed: RwSignal::new(false),
            place: RwSignal::new(Place::Calf),
            side: RwSignal::new(None),
            severity: RwSignal::new(String::new()),
            minutes: RwSignal::new(String::new()),
            helped: RwSignal::new(BTreeSet::new()),
            swelling: RwSignal::new(false),
            numbness: RwSignal::new(false),
            note: RwSignal::new(String::new()),
        }
    }

    /// Empties the form for the next episode (the time back to now).
    fn reset(self) {
        self.time_typed.set(false);
        self.time.set(now().to_string());
        self.place.set(Place::Calf);
        self.side.set(None);
        self.severity.set(String::new());
        self.minutes.set(String::new());
        self.helped.set(BTreeSet::new());
        self.swelling.set(false);
        self.numbness.set(false);
        self.note.set(String::new());
    }

    /// An untouched time moves on to the time now.
    fn follow_clock(self) {
        if !self.time_typed.get_untracked() {
            let now = now().to_string();
            if self.time.with_untracked(|t| *t != now) {
                self.time.set(now);
            }
        }
    }

    /// The episode as typed, checked by the domain; else the field at fault
    /// and the message for people.
    fn read(self) -> Result<CrampEpisode, (Field, String)> {
        let entry = |field: Field| move |e: EntryError| (field, e.to_string());
        let time =
            TimeOfDay::parse(self.time.get_untracked().trim()).map_err(entry(Field::Time))?;
        let side = self.side.get_untracked().ok_or((
            Field::Side,
            "Choose which leg: left, right or both.".to_owned(),
        ))?;
        // Anything but a whole number from 0 to 255 is out of 1–10 anyway.
        let severity = self
            .severity
            .get_untracked()
            .trim()
            .parse::<u8>()
            .map_err(|_| (Field::Severity, EntryError::Severity.to_string()))?;
        let minutes = match parse_number(&self.minutes.get_untracked()) {
            Err(QuantityError::Empty) => None,
            Ok(m) => Some(m),
            Err(QuantityError::Negative) => {
                return Err((Field::Minutes, EntryError::CrampMinutes.to_string()))
            }
            Err(e) => {
                return Err((
                    Field::Minutes,
                    format!("How long it lasted: {e} {}", EntryError::CrampMinutes),
                ))
            }
        };
        let mut episode = CrampEpisode::new(time, self.place.get_untracked(), side, severity)
            .map_err(|e| {
                (
                    if e == EntryError::Severity {
                        Field::Severity
                    } else {
                        Field::None
                    },
                    e.to_string(),
                )
            })?;
        episode.minutes = minutes;
        episode.helped = self.helped.get_untracked();
        episode.swelling_redness_or_lump = self.swelling.get_untracked();
        episode.numbness = self.numbness.get_untracked();
        episode.note = self.note.get_untracked().trim().to_owned();
        episode.checked().map_err(|e| {
            let field = match e {
                EntryError::CrampMinutes => Field::Minutes,
                EntryError::CrampNoteTooLong => Field::Note,
                EntryError::Severity => Field::Severity,
                EntryError::Time => Field::Time,
                _ => Field::None,
            };
            (field, e.to_string())
        })
    }
}

/// "Left calf", "Both thighs", "Right leg, elsewhere".
fn where_text(c: &CrampEpisode) -> String {
    let side = c.side.label();
    match (c.place, c.side) {
        (Place::Other, Side::Both) => "Both legs, elsewhere".to_owned(),
        (Place::Other, _) => format!("{side} leg, elsewhere"),
        (Place::Calf, Side::Both) => "Both calves".to_owned(),
        (Place::Foot, Side::Both) => "Both feet".to_owned(),
        (Place::Thigh, Side::Both) => "Both thighs".to_owned(),
        (place, _) => format!("{side} {}", place.label().to_ascii_lowercase()),
    }
}

/// One line about an episode: "06:30 AM · Left calf · severity 7/10 · 3 min"
/// (the time as [`time_text`] shows it).
pub fn cramp_summary(c: &CrampEpisode) -> String {
    let mut parts = vec![
        time_text(c.time),
        where_text(c),
        format!("severity {}/10", c.severity),
    ];
    if let Some(m) = c.minutes {
        parts.push(format!("{} min", format_number(m, 1)));
    }
    parts.join(" · ")
}

/// What else was noted about an episode: relief and the warning signs.
fn cramp_details(c: &CrampEpisode) -> Vec<String> {
    let mut details = Vec::new();
    if !c.helped.is_empty() {
        let helped: Vec<&str> = c.helped.iter().map(|r| r.label()).collect();
        details.push(format!("Helped: {}", helped.join(", ")));
    }
    if c.swelling_redness_or_lump {
        details.push("Swelling, redness or a lump".to_owned());
    }
    if c.numbness {
        details.push("Numbness".to_owned());
    }
    details
}

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

/// Keeps an untouched time field on the clock: every [`CLOCK_TICK`] and
/// whenever the page is shown again (a phone woken up at night).
fn follow_clock(form: CrampForm) {
    if let Ok(handle) = set_interval_with_handle(move || form.follow_clock(), CLOCK_TICK) {
        on_cleanup(move || handle.clear());
    }
    let shown = window_event_listener_untyped("visibilitychange", move |_| form.follow_clock());
    let focused = window_event_listener(leptos::ev::focus, move |_| form.follow_clock());
    on_cleanup(move || {
        shown.remove();
        focused.remove();
    });
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
        let result = form.read().and_then(|episode| {
            let summary = cramp_summary(&episode);
            planner
                .change_day(|d| d.add_cramp(episode))
                .map(|saved| saved.stored().map(|()| summary))
                .map_err(|e| (Field::None, e.to_string()))
        });
        match result {
            // In the list, not stored: said where the success would be.
            Ok(Err(not_saved)) => {
                error.set(Some(DayNotice {
                    date,
                    what: (Field::None, not_saved),
                }));
                message.set(None);
                form.reset();
            }
            Ok(Ok(summary)) => {
                error.set(None);
                message.set(Some(DayNotice {
                    date,
                    what: format!("Logged the cramp: {summary}."),
                }));
                form.reset();
            }
            Err(e) => {
                message.set(None);
                error.set(Some(DayNotice { date, what: e }));
            }
        }
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

/// "Removed the cramp at 06:30 AM (Left calf)." with Undo, while the open
/// day's last removal can be undone.
#[component]
fn CrampRemoval(error: RwSignal<Option<DayNotice<String>>>) -> impl IntoView {
    let planner = Planner::expect();
    let removed = move || {
        planner.day.with(|d| {
            d.removed_cramp().map(|c| {
                format!(
                    "Removed the cramp at {} ({}). ",
                    time_text(c.time),
                    where_text(c)
                )
            })
        })
    };
    let undo = move |_| {
        let date = planner.date.get_untracked();
        // Refused only when the day is full; the Undo stays for a retry.
        let result = planner
            .change_day(|d| d.undo_remove_cramp())
            .map_err(|e| e.to_string())
            .and_then(Saved::stored);
        error.set(result.err().map(|what| DayNotice { date, what }));
    };
    view! {
        <div class="removal" role="status" data-testid="cramp-removal">
            {move || removed().map(|text| view! {
                <span data-testid="cramp-removal-text">{text}</span>
                <button type="button" data-testid="cramp-undo" on:click=undo>"Undo"</button>
            })}
        </div>
    }
}

/// The open day's episodes, earliest first, each with Remove.
#[component]
fn CrampList() -> impl IntoView {
    let planner = Planner::expect();
    let error = RwSignal::new(None::<DayNotice<String>>);
    let shown_error = on_open_day(planner, error);
    // (position in the day, the episode), by time; the key holds the whole
    // episode so an edited one is drawn anew.
    let rows = Memo::new(move |_| {
        planner.day.with(|d| {
            let mut rows: Vec<(usize, CrampEpisode)> =
                d.cramps().iter().cloned().enumerate().collect();
            rows.sort_by_key(|(i, c)| (c.time, *i));
            rows
        })
    });
    let remove = move |index: usize, episode: &CrampEpisode| {
        let date = planner.date.get_untracked();
        let episode = episode.clone();
        let result = planner.change_day(|d| {
            // Another tab may have changed the list meanwhile: remove this
            // very episode or nothing.
            if d.cramps().get(index) == Some(&episode) {
                d.remove_cramp(index)
            } else {
                Err(EntryError::NoSuchCramp)
            }
        });
        let result = result.map_err(|e| e.to_string()).and_then(Saved::stored);
        error.set(result.err().map(|what| DayNotice { date, what }));
    };
    view! {
        <p class="hint" data-testid="cramp-count" aria-live="polite">
            {move || match rows.with(Vec::len) {
                0 => "No cramp logged on this day.".to_owned(),
                1 => "1 cramp logged on this day.".to_owned(),
                n => format!("{n} cramps logged on this day."),
            }}
        </p>
        <ul class="cramp-list" data-testid="cramp-list">
            <For
                each=move || rows.get()
                key=|(i, c)| format!("{i}|{c:?}")
                children=move |(index, episode)| {
                    let summary = cramp_summary(&episode);
                    let details = cramp_details(&episode).join(" · ");
                    let note = episode.note.clone();
                    let minutes = episode.minutes.map(plain_number);
                    let label = format!("Remove the cramp at {}", time_text(episode.time));
                    view! {
                        <li class="cramp-item" data-testid="cramp-item" data-minutes=minutes>
                            <span class="cramp-summary" data-testid="cramp-summary">{summary}</span>
                            {(!details.is_empty()).then(|| view! {
                                <span class="cramp-details" data-testid="cramp-details">{details}</span>
                            })}
                            {(!note.is_empty()).then(|| view! {
                                <span class="cramp-note" data-testid="cramp-item-note">{note}</span>
                            })}
                            <button
                                type="button"
                                data-testid="cramp-remove"
                                aria-label=label
                                on:click=move |_| remove(index, &episode)
                            >
                                "Remove"
                            </button>
                        </li>
                    }
                }
            />
        </ul>
        <CrampRemoval error=error/>
        <p class="field-error" role="alert" data-testid="cramp-list-error">{shown_error}</p>
    }
}
