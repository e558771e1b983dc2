//! Planning a day: the plan of meals, supplements and drinks, its totals,
//! progress against the targets and the warnings it calls for.

pub mod plan;
pub mod progress;
pub mod proposals;
pub mod supplements;
pub mod totals;
pub mod warnings;
