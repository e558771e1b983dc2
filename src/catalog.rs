//! The shipped data the screens share: the USDA table and its search index.
//! Built once, on first use. (Targets live in the `Planner` context.)

use std::sync::LazyLock;

use crate::domain::foods::food_table::{sr28, FoodTable};
use crate::domain::foods::search::SearchIndex;

/// The USDA SR28 food table.
pub fn foods() -> &'static FoodTable {
    sr28()
}

/// The search index over [`foods`].
pub fn search_index() -> &'static SearchIndex {
    static INDEX: LazyLock<SearchIndex> = LazyLock::new(|| SearchIndex::new(sr28()));
    &INDEX
}
