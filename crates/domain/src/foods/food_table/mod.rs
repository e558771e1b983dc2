//! The whole USDA SR28 food table, decoded from the compact asset in
//! `data/sr28-minerals.txt` (written by `tools/usda-convert`).

mod codec;

use std::sync::LazyLock;

pub use codec::{decode, encode, DecodeError};

use crate::foods::default_serving::{default_serving, DefaultServing};
use crate::foods::food::{Food, FoodGroup, FoodGroupId, NdbNumber};

/// All foods and food groups, with lookup by NDB number.
#[derive(Debug, Clone, PartialEq)]
pub struct FoodTable {
    foods: Vec<Food>,
    groups: Vec<FoodGroup>,
}

/// Position of a food in [`FoodTable::foods`].
pub type FoodIndex = usize;

impl FoodTable {
    /// Builds a table; foods must be sorted by NDB number and name valid groups.
    pub fn new(foods: Vec<Food>, groups: Vec<FoodGroup>) -> FoodTable {
        debug_assert!(foods.windows(2).all(|w| w[0].ndb < w[1].ndb));
        debug_assert!(foods.iter().all(|f| usize::from(f.group.0) < groups.len()));
        FoodTable { foods, groups }
    }

    pub fn foods(&self) -> &[Food] {
        &self.foods
    }

    pub fn groups(&self) -> &[FoodGroup] {
        &self.groups
    }

    pub fn group(&self, id: FoodGroupId) -> &FoodGroup {
        &self.groups[usize::from(id.0)]
    }

    /// Index of the food with this NDB number.
    pub fn index_of(&self, ndb: NdbNumber) -> Option<FoodIndex> {
        self.foods.binary_search_by_key(&ndb, |f| f.ndb).ok()
    }

    pub fn get(&self, ndb: NdbNumber) -> Option<&Food> {
        self.index_of(ndb).map(|i| &self.foods[i])
    }

    /// The amount `food` starts at when picked: the portion a person eats
    /// (see [`crate::foods::default_serving`]).
    pub fn default_serving(&self, food: &Food) -> DefaultServing {
        default_serving(food, self.group(food.group))
    }
}

/// The shipped USDA SR28 table, decoded on first use.
pub fn sr28() -> &'static FoodTable {
    static TABLE: LazyLock<FoodTable> = LazyLock::new(|| {
        decode(include_str!("../../../../../data/sr28-minerals.txt"))
            .expect("the shipped food table is checked by tests")
    });
    &TABLE
}
