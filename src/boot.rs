//! The hand-over from the static first screen (`#boot` in index.html, painted
//! before the wasm has arrived) to the app: what was typed into its search box
//! and where the caret was are kept, then the static screen is removed before
//! the app mounts, so nothing is shown twice and nothing typed is lost; when
//! something was typed, the search box stays where it was on screen.

use leptos::prelude::{document, request_animation_frame, window};
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
    /// Where the box was on screen (its top, in CSS pixels from the
    /// viewport's), when something was typed: its results are on screen
    /// (crates/first-search) or about to be, and must not jump away.
    top: Option<f64>,
}

impl Boot {
    /// Reads the static first screen and removes it; an empty `Boot` if there was none.
    pub fn take() -> Self {
        let boot = input(BOOT_INPUT_ID).map_or_else(Self::default, |box_| {
            let focused = document()
                .active_element()
                .is_some_and(|a| a.id() == BOOT_INPUT_ID);
            let typed = box_.value();
            Self {
                caret: focused.then(|| box_.selection_end().ok().flatten().unwrap_or(0)),
                top: (!typed.trim().is_empty()).then(|| box_.get_bounding_client_rect().top()),
                typed,
            }
        });
        if let Some(screen) = document().get_element_by_id(BOOT_ID) {
            screen.remove();
        }
        boot
    }

    /// Once the app is mounted: the search box stays where it was on screen
    /// when something was typed (the first-visit step above it would push
    /// the results down under a finger about to tap one: the page scrolls by
    /// as much instead), and the focus goes back into it, at the same place.
    /// The router draws the page a frame after mounting, so this waits for
    /// the box up to ten frames.
    pub fn restore_focus(self) {
        self.restore_focus_within(10);
    }

    fn restore_focus_within(self, frames: u8) {
        if self.caret.is_none() && self.top.is_none() {
            return;
        }
        match input(INPUT_ID) {
            Some(search) => {
                if let Some(top) = self.top {
                    let moved = search.get_bounding_client_rect().top() - top;
                    if moved.abs() >= 1.0 {
                        window().scroll_by_with_x_and_y(0.0, moved);
                    }
                }
                if let Some(caret) = self.caret {
                    let _ = search.focus();
                    let _ = search.set_selection_range(caret, caret);
                }
            }
            None if frames > 0 => {
                request_animation_frame(move || self.restore_focus_within(frames - 1));
            }
            None => {}
        }
    }
}
