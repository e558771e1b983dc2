//! The hand-over from the static first screen (`#boot` in index.html, painted
//! before the wasm has arrived) to the app: what was typed into its search box
//! and where the caret was are kept, then the static screen is removed before
//! the app mounts, so nothing is shown twice and nothing typed is lost.

use leptos::prelude::{document, request_animation_frame};
use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;

use crate::components::food_search::INPUT_ID;

/// The static screen's id, and its search box's.
const BOOT_ID: &str = "boot";
const BOOT_INPUT_ID: &str = "boot-search";
/// On `<html>` once crates/first-search answers in the static screen.
const FIRST_SEARCH: &str = "data-first-search";

/// Whether the static screen's own search (crates/first-search, loaded by
/// public/shell.js on a first visit) is showing results: then the app
/// mounts once its table is in, so they never blink to "Loading…".
pub fn first_search_ran() -> bool {
    document().get_element_by_id(BOOT_ID).is_some()
        && document()
            .document_element()
            .is_some_and(|html| html.has_attribute(FIRST_SEARCH))
}

fn input(id: &str) -> Option<HtmlInputElement> {
    document().get_element_by_id(id)?.dyn_into().ok()
}

/// What the person did on the static first screen.
#[derive(Debug, Default)]
pub struct Boot {
    /// The text typed into its search box ("" if none, or if there was no box).
    pub typed: String,
    /// The caret's position, if the box had the focus.
    caret: Option<u32>,
}

impl Boot {
    /// Reads the static first screen and removes it; an empty `Boot` if there was none.
    pub fn take() -> Self {
        let boot = input(BOOT_INPUT_ID).map_or_else(Self::default, |box_| {
            let focused = document()
                .active_element()
                .is_some_and(|a| a.id() == BOOT_INPUT_ID);
            Self {
                typed: box_.value(),
                caret: focused.then(|| box_.selection_end().ok().flatten().unwrap_or(0)),
            }
        });
        if let Some(screen) = document().get_element_by_id(BOOT_ID) {
            screen.remove();
        }
        boot
    }

    /// Once the app is mounted: the focus goes back into the search box, at the
    /// same place (the browser scrolls it into view). The router draws the page
    /// a frame after mounting, so this waits for the box up to ten frames.
    pub fn restore_focus(self) {
        self.restore_focus_within(10);
    }

    fn restore_focus_within(self, frames: u8) {
        let Some(caret) = self.caret else { return };
        match input(INPUT_ID) {
            Some(search) => {
                let _ = search.focus();
                let _ = search.set_selection_range(caret, caret);
            }
            None if frames > 0 => {
                request_animation_frame(move || self.restore_focus_within(frames - 1));
            }
            None => {}
        }
    }
}
