//! The nutrition domain: plain Rust, no browser APIs, unit-tested natively.
//!
//! Everything here is deterministic and fast; the UI in `crate::pages` and
//! `crate::components` only renders what these types compute.

pub mod amount;
pub mod decimal;
pub mod food;
pub mod food_table;
pub mod format;
pub mod nutrient;
pub mod rich_foods;
pub mod serving;
pub mod search;
pub mod targets;
