//! The open day's free notes, saved as they are typed.

use leptos::prelude::*;

use crate::components::planner_state::Planner;
use crate::components::save_status::{NotesDraft, Saved};
use crate::domain::diary::date::Date;
use crate::domain::diary::day::MAX_NOTES_CHARS;
use crate::domain::units::format::format_number;

/// The day's free notes, saved as they are typed.
#[component]
pub(super) fn Notes() -> impl IntoView {
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
    // Text refused earlier for this day (too long) is shown again, as typed.
    Effect::new(move |previous: Option<Date>| {
        let (date, notes) = stored.get();
        let draft = planner
            .notes_draft
            .get_untracked()
            .filter(|d| d.date == date && previous != Some(date));
        if let Some(draft) = draft {
            text.set(draft.text);
            error.set(Some(draft.error));
        } else if previous != Some(date) || text.with_untracked(|t| *t != notes) {
            text.set(notes);
            error.set(None);
            planner.notes_draft.set(None);
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
        let date = planner.date.get_untracked();
        match planner
            .change_day(|d| d.set_notes(typed.clone()))
            .map(Saved::stored)
        {
            Ok(Ok(())) => {
                planner.notes_draft.set(None);
                error.set(None);
                status.set(Some("Notes saved.".to_owned()));
            }
            // On screen, not stored: said next to the field, not as an
            // error of what was typed.
            Ok(Err(not_saved)) => {
                planner.notes_draft.set(None);
                error.set(None);
                status.set(Some(not_saved));
            }
            // Refused (too long): the text stays in the field and in the
            // draft, so leaving the diary does not lose it.
            Err(e) => {
                status.set(None);
                error.set(Some(e.to_string()));
                planner.notes_draft.set(Some(NotesDraft {
                    date,
                    text: typed,
                    error: e.to_string(),
                }));
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
