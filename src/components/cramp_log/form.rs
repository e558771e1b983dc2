//! The cramp form as typed: its fields, the episode they make (checked by
//! the domain) and a time field that follows the clock until it is typed.

use std::collections::BTreeSet;

use leptos::prelude::*;

use crate::domain::diary::day::{CrampEpisode, EntryError, Place, Relief, Side, TimeOfDay};
use crate::domain::units::quantity::{parse_number, QuantityError};

/// How often an untouched time field catches up with the clock.
const CLOCK_TICK: std::time::Duration = std::time::Duration::from_secs(15);

/// The time now in the browser's time zone, to the minute.
fn now() -> TimeOfDay {
    let now = js_sys::Date::new_0();
    TimeOfDay::new(now.get_hours(), now.get_minutes())
        .unwrap_or_else(|_| TimeOfDay::new(0, 0).expect("midnight is a time of day"))
}

/// Which field a refused episode points at, for `aria-invalid`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Field {
    Time,
    Side,
    Severity,
    Minutes,
    Note,
    None,
}

/// The form as typed.
#[derive(Clone, Copy)]
pub(super) struct CrampForm {
    pub(super) time: RwSignal<String>,
    /// Whether the time was typed; until then it follows the clock, so
    /// the time shown is the time logged.
    pub(super) time_typed: RwSignal<bool>,
    pub(super) place: RwSignal<Place>,
    pub(super) side: RwSignal<Option<Side>>,
    pub(super) severity: RwSignal<String>,
    pub(super) minutes: RwSignal<String>,
    pub(super) helped: RwSignal<BTreeSet<Relief>>,
    pub(super) swelling: RwSignal<bool>,
    pub(super) numbness: RwSignal<bool>,
    pub(super) note: RwSignal<String>,
}

impl CrampForm {
    pub(super) fn new() -> CrampForm {
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
    pub(super) fn reset(self) {
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
    pub(super) fn follow_clock(self) {
        if !self.time_typed.get_untracked() {
            let now = now().to_string();
            if self.time.with_untracked(|t| *t != now) {
                self.time.set(now);
            }
        }
    }

    /// The episode as typed, checked by the domain; else the field at fault
    /// and the message for people.
    pub(super) fn read(self) -> Result<CrampEpisode, (Field, String)> {
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

/// Keeps an untouched time field on the clock: every [`CLOCK_TICK`] and
/// whenever the page is shown again (a phone woken up at night).
pub(super) fn follow_clock(form: CrampForm) {
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
