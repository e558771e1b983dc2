//! The shipped food table, for the tests that check it.

use electrolyte_domain::foods::food::{Food, NdbNumber};
use electrolyte_domain::foods::food_table::{sr28, FoodTable};

pub fn table() -> &'static FoodTable {
    sr28()
}

/// The food with NDB number `ndb` ("09040"); panics when it is missing.
pub fn food(ndb: &str) -> &'static Food {
    let ndb: NdbNumber = ndb.parse().unwrap();
    table()
        .get(ndb)
        .unwrap_or_else(|| panic!("food {ndb} is in the table"))
}
