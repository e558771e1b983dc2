//! The nutrition domain of Electrolyte Planner: foods, nutrients, targets,
//! search and planning math. Plain Rust with no browser or UI dependency, so
//! it is unit-tested natively; the Leptos app re-exports it as
//! `electrolyte_planner::domain` and only renders what it computes.
//!
//! It is its own crate so the release build can optimise it for speed
//! (table decoding and search are hot) while the UI is optimised for size.

pub mod diary;
pub mod foods;
pub mod insights;
pub mod planning;
pub mod targets;
pub mod units;
