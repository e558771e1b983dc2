//! The nutrition domain of Electrolyte Planner: foods, nutrients, targets,
//! search and planning math. Plain Rust with no browser or UI dependency, so
//! it is unit-tested natively; the Leptos app re-exports it as
//! `electrolyte_planner::domain` and only renders what it computes.
//!
//! It is its own crate so the release build can optimise it for speed
//! (table decoding and search are hot) while the UI is optimised for size.

pub mod amount;
pub mod amount_text;
pub mod daily_targets;
pub mod decimal;
pub mod default_serving;
pub mod diary;
pub mod food;
pub mod food_table;
pub mod format;
pub mod nutrient;
pub mod plan;
pub mod profile;
pub mod progress;
pub mod quantity;
pub mod rich_foods;
pub mod search;
pub mod serving;
pub mod supplements;
pub mod targets;
pub mod totals;
pub mod volume;
pub mod warnings;
