//! Who the targets are for and what they are: the DRI table, the profile
//! (life stage) and the daily targets with presets and overrides.

pub mod daily_targets;
pub mod dri;
pub mod profile;
