//! The day's episodes, each with Remove, and the Undo of a removal.

use super::text::{cramp_details, cramp_summary, time_text};
use super::{on_open_day, DayNotice};

use leptos::prelude::*;

use crate::components::pickers::plain_number;
use crate::components::planner_state::Planner;
use crate::components::save_status::outcome;
use crate::domain::diary::day::{CrampEpisode, EntryError};

/// "Removed the cramp at 06:30 AM (Left calf)." with Undo, while the open
/// day's last removal can be undone.
#[component]
pub(super) fn CrampRemoval(error: RwSignal<Option<DayNotice<String>>>) -> impl IntoView {
    let planner = Planner::expect();
    let removed = move || {
        planner.day.with(|d| {
            d.removed_cramp().map(|c| {
                format!(
                    "Removed the cramp at {} ({}). ",
                    time_text(c.time),
                    c.where_text()
                )
            })
        })
    };
    let undo = move |_| {
        let date = planner.date.get_untracked();
        // Refused only when the day is full; the Undo stays for a retry.
        planner.change_day(
            |d| d.undo_remove_cramp(),
            move |result| error.set(outcome(result).err().map(|what| DayNotice { date, what })),
        );
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
pub(super) fn CrampList() -> impl IntoView {
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
        planner.change_day(
            move |d| {
                // Another tab may have changed the list meanwhile: remove this
                // very episode or nothing.
                if d.cramps().get(index) == Some(&episode) {
                    d.remove_cramp(index)
                } else {
                    Err(EntryError::NoSuchCramp)
                }
            },
            move |result| error.set(outcome(result).err().map(|what| DayNotice { date, what })),
        );
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
