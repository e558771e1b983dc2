//! Pieces shared by several pages.

pub mod cramp_log;
pub mod day_list;
pub mod day_picker;
pub mod decimal_field;
pub mod first_run;
pub mod focus;
pub mod food_search;
pub mod layout;
pub mod lazy;
pub mod mineral_summary;
pub mod needs_table;
pub mod pickers;
pub mod planner_state;
pub mod profile_form;
pub mod progress_bar;
pub mod quick_add;
pub mod save_status;
pub mod storage_notice;
pub mod theme;
pub mod update_banner;
