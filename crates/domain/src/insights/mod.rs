//! Looking back over the diary: a past day in full, a week at a glance,
//! trends over a period, what cramp days have in common, and the summary
//! for a doctor.
//!
//! Every view is computed from the same per-day figures ([`day_figures`]):
//! the planner's totals with its water counting, against the diary's
//! targets. A day with nothing logged is a gap, never a zero, and every
//! average says over how many logged days it is.

pub mod cramp_days;
pub mod day_figures;
pub mod day_view;
pub mod period;
pub mod permutation;
pub mod scale;
pub mod summary;
pub mod trends;
pub mod week;
