//! The open day's free notes, saved as they are typed.

use std::sync::{Arc, Mutex};

use leptos::prelude::*;

use crate::components::planner_state::Planner;
use crate::components::save_status::{NotesDraft, Saved};
use crate::domain::diary::date::Date;
use crate::domain::diary::day::{DayEntry, EntryError, MAX_NOTES_CHARS};
use crate::domain::diary::storage::UpdateError;
use crate::domain::units::format::format_number;

/// The stored notes the field's text began from, shared by the view and the
/// saves waiting for the write lock (which may run after the view is gone).
#[derive(Clone, Default)]
struct Base(Arc<Mutex<String>>);

impl Base {
    fn get(&self) -> String {
        self.0.lock().expect("one thread").clone()
    }

    fn set(&self, notes: String) {
        *self.0.lock().expect("one thread") = notes;
    }
}

/// The day's free notes, saved as they are typed. Notes another tab saved
/// meanwhile are never replaced unseen: when both changed, this tab keeps
/// its text and offers the other's, to keep either.
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
    // The stored notes this tab's text began from. Shared with saves still
    // waiting for the write lock, which may run after the view is gone.
    let base = Base::default();
    // Notes another tab saved while this one held other text.
    let offered = RwSignal::new(None::<String>);
    let keep_draft = move |date: Date, typed: String, why: String| {
        planner.notes_draft.set(Some(NotesDraft {
            date,
            text: typed,
            error: why,
        }));
    };
    // Another day opened: show its notes (or the text refused earlier for
    // it, as typed). The notes changed in another tab: take them when this
    // tab's text is what they were before, else keep it and offer them.
    Effect::new({
        let base = base.clone();
        move |previous: Option<Date>| {
            let (date, notes) = stored.get();
            if previous != Some(date) {
                let draft = planner
                    .notes_draft
                    .get_untracked()
                    .filter(|d| d.date == date);
                match draft {
                    Some(draft) => {
                        text.set(draft.text);
                        error.set(Some(draft.error));
                    }
                    None => {
                        text.set(notes.clone());
                        error.set(None);
                        planner.notes_draft.set(None);
                    }
                }
                base.set(notes);
                offered.set(None);
                status.set(None);
            } else if base.get() != notes {
                if text.with_untracked(|t| *t == base.get() || *t == notes) {
                    text.set(notes.clone());
                    offered.set(None);
                } else {
                    offered.set(Some(notes.clone()));
                    status.set(Some(EntryError::NotesChangedElsewhere.to_string()));
                    keep_draft(
                        date,
                        text.get_untracked(),
                        EntryError::NotesChangedElsewhere.to_string(),
                    );
                }
                base.set(notes);
            }
            date
        }
    });
    let save = {
        let base = base.clone();
        move || {
            let typed = text.get_untracked();
            let date = planner.date.get_untracked();
            if offered.with_untracked(Option::is_some) {
                // Kept here until the person chooses.
                let why = EntryError::NotesChangedElsewhere.to_string();
                status.set(Some(why.clone()));
                keep_draft(date, typed, why);
                return;
            }
            if stored.with_untracked(|(_, n)| *n == typed) {
                return;
            }
            let theirs = Arc::new(Mutex::new(None::<String>));
            let change = {
                let (base, theirs, typed) = (base.clone(), Arc::clone(&theirs), typed.clone());
                move |d: &mut DayEntry| {
                    let result = d.edit_notes(&base.get(), typed);
                    if result == Err(EntryError::NotesChangedElsewhere) {
                        *theirs.lock().expect("one thread") = Some(d.notes().to_owned());
                    }
                    result
                }
            };
            let base = base.clone();
            planner.change_day_at(date, change, move |result| {
                match result.map(Saved::stored) {
                    Ok(Ok(())) => {
                        base.set(typed);
                        planner.notes_draft.set(None);
                        error.set(None);
                        status.set(Some("Notes saved.".to_owned()));
                    }
                    // On screen, not stored: said next to the field, not as an
                    // error of what was typed.
                    Ok(Err(not_saved)) => {
                        base.set(typed);
                        planner.notes_draft.set(None);
                        error.set(None);
                        status.set(Some(not_saved));
                    }
                    // Another tab saved other notes first: both are shown.
                    Err(UpdateError::Change(EntryError::NotesChangedElsewhere)) => {
                        let why = EntryError::NotesChangedElsewhere.to_string();
                        if let Some(theirs) = theirs.lock().expect("one thread").take() {
                            base.set(theirs.clone());
                            offered.set(Some(theirs));
                        }
                        status.set(Some(why.clone()));
                        keep_draft(date, typed, why);
                    }
                    // Refused (too long): the text stays in the field and in the
                    // draft, so leaving the diary does not lose it.
                    Err(e) => {
                        status.set(None);
                        error.set(Some(e.to_string()));
                        keep_draft(date, typed, e.to_string());
                    }
                }
            });
        }
    };
    let keep_mine = {
        let save = save.clone();
        move |_| {
            offered.set(None);
            save();
        }
    };
    let use_theirs = move |_| {
        if let Some(theirs) = offered.get_untracked() {
            text.set(theirs);
            offered.set(None);
            error.set(None);
            status.set(None);
            planner.notes_draft.set(None);
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
            <Show when=move || offered.with(Option::is_some)>
                <div class="notes-offered" data-testid="diary-notes-offered">
                    <p>"The notes the other tab saved:"</p>
                    <blockquote data-testid="diary-notes-theirs">{move || offered.get()}</blockquote>
                    <button type="button" data-testid="diary-notes-keep-mine" on:click=keep_mine.clone()>
                        "Keep mine"
                    </button>
                    <button type="button" data-testid="diary-notes-use-theirs" on:click=use_theirs>
                        "Use those notes"
                    </button>
                </div>
            </Show>
        </section>
    }
}
