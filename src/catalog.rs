//! The shipped data the screens share: the USDA table, its search index and
//! the default daily targets. Built once, on first use.

use std::sync::LazyLock;

use crate::domain::food_table::{sr28, FoodTable};
use crate::domain::search::SearchIndex;
use crate::domain::targets::{nasem, DriRow};

/// The USDA SR28 food table.
pub fn foods() -> &'static FoodTable {
    sr28()
}

/// The search index over [`foods`].
pub fn search_index() -> &'static SearchIndex {
    static INDEX: LazyLock<SearchIndex> = LazyLock::new(|| SearchIndex::new(sr28()));
    &INDEX
}

/// Targets used for "% of target" until the user sets a profile.
pub fn default_targets() -> &'static DriRow {
    nasem().default_adult()
}
