//! Pieces shared by several pages.

pub mod food_search;
pub mod layout;
pub mod mineral_summary;
pub mod planner_state;
pub mod progress_bar;
