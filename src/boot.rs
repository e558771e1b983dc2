//! The hand-over from the static first screen (`#boot` in index.html, painted
//! before the wasm has arrived) to the app: what was typed into its search box
//! and where the caret was are kept, then the static screen is removed before
//! the app mounts, so nothing is shown twice and nothing typed is lost; when
//! something was typed, the search box stays where it was on screen.

use leptos::prelude::{document, request_animation_frame, window, IntoView};
use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, HtmlInputElement};

use crate::components::food_search::INPUT_ID;

/// The static screen's id, and its search box's.
const BOOT_ID: &str = "boot";
const BOOT_INPUT_ID: &str = "boot-search";
/// The app's own element (`display: contents`, style/main.css), hidden
/// while it is drawn behind the static screen.
const APP_ID: &str = "app";
/// How many frames the static screen waits for the app's search box.
const DRAW_FRAMES: u8 = 10;
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

/// Mounts the app, given what was typed so far, and hands the screen over
/// to it. Where the static screen's search box shows, the app is drawn
/// hidden behind it while the box keeps taking keys; once the app's box is
/// drawn (the router draws a frame after mounting; a phone can take a
/// second), the two swap in one step: the text as it is then (the app's box
/// gets what came since mounting), the caret, the place on screen. Before,
/// the static screen went first and what was typed until the app's box
/// appeared fell on the page's body and was lost.
pub fn mount_behind<N: IntoView + 'static>(app: impl FnOnce(String) -> N + 'static) {
    let waiting = input(BOOT_INPUT_ID).filter(|b| b.offset_parent().is_some());
    let typed = waiting.as_ref().map(|b| b.value()).unwrap_or_default();
    let Some(container) = document()
        .create_element("div")
        .ok()
        .and_then(|e| e.dyn_into::<HtmlElement>().ok())
    else {
        return;
    };
    container.set_id(APP_ID);
    container.set_hidden(waiting.is_some());
    if let Some(body) = document().body() {
        let _ = body.append_child(&container);
    }
    leptos::mount::mount_to(container.clone(), move || app(typed)).forget();
    swap_when_drawn(container, DRAW_FRAMES);
}

/// The swap of [`mount_behind`], once the app's search box is drawn (or
/// after [`DRAW_FRAMES`], or at once where no box was waiting); marks
/// `app-interactive` then.
fn swap_when_drawn(container: HtmlElement, frames: u8) {
    if container.hidden() && input(INPUT_ID).is_none() && frames > 0 {
        request_animation_frame(move || swap_when_drawn(container, frames - 1));
        return;
    }
    let boot = Boot::take();
    container.set_hidden(false);
    if let Some(search) = input(INPUT_ID) {
        if search.value() != boot.typed {
            search.set_value(&boot.typed);
            if let Ok(event) = web_sys::Event::new("input") {
                let _ = search.dispatch_event(&event);
            }
        }
    }
    boot.restore_focus();
    crate::timing::mark("app-interactive");
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
