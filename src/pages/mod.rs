//! One module per screen.

pub mod about;
pub mod backup;
pub mod diary;
pub mod food;
pub mod home;
pub mod my_foods;
pub mod not_found;
pub mod plan;
pub mod rich_foods;
pub mod screens;
pub mod targets;
pub mod trends;

/// Sets the browser tab's title: "Bananas, raw · Electrolyte Planner".
pub fn set_title(page: &str) {
    if let Some(document) = web_sys::window().and_then(|w| w.document()) {
        document.set_title(&if page.is_empty() {
            "Electrolyte Planner".to_owned()
        } else {
            format!("{page} · Electrolyte Planner")
        });
    }
}
