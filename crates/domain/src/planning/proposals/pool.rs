//! The foods proposals are made of: a curated list of common whole foods
//! of the USDA table, each in the household portion people use and a
//! whole number of them (`data/proposal-pool.txt`).
//!
//! The list and the rule that built it are in the repository:
//! `cargo run --release -p electrolyte-domain --example proposal_pool`
//! writes it, and `tests/proposal_pool_sr28.rs` checks that every line
//! still satisfies the rule against the shipped table and that the file is
//! what the rule writes.
//!
//! # Format
//!
//! Lines starting with `#` are comments. Every other line is one food,
//! four fields and the food's name, separated by tabs (`<TAB>` below):
//!
//! ```text
//! 09040<TAB>2<TAB>fruit<TAB>1 medium (7" to 7-7/8" long)<TAB># Bananas, raw
//! ```
//!
//! the NDB number, the most portions proposed at once (1 or 2), the
//! [`FoodCategory`] key, the USDA measure ([`Portion::label`]) one portion
//! is, and the name (read by people only).

use std::fmt;
use std::sync::OnceLock;

use crate::foods::food::{Food, NdbNumber, Portion};
use crate::foods::food_table::FoodTable;
use crate::planning::proposals::Amounts;

/// The committed pool, as shipped.
pub const SHIPPED_POOL: &str = include_str!("../../../../../data/proposal-pool.txt");

/// The most portions of one food a proposal may hold, whatever the file says.
pub const MAX_PORTIONS: u8 = 2;

/// The kind of food, for preferences ("no dairy", vegan).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum FoodCategory {
    Fruit,
    Vegetable,
    /// Beans, lentils, peas, soy foods (tofu, soy milk).
    Legume,
    /// Tree nuts, peanuts, seeds, their butters and almond milk.
    NutsSeeds,
    /// Whole grains, cooked.
    Grain,
    /// Milk, yogurt, cheese.
    Dairy,
    Egg,
    Fish,
    /// Crustaceans and mollusks.
    Shellfish,
}

impl FoodCategory {
    /// Every category, in the order the preferences list them.
    pub const ALL: [FoodCategory; 9] = [
        FoodCategory::Dairy,
        FoodCategory::Egg,
        FoodCategory::Fish,
        FoodCategory::Shellfish,
        FoodCategory::NutsSeeds,
        FoodCategory::Legume,
        FoodCategory::Grain,
        FoodCategory::Fruit,
        FoodCategory::Vegetable,
    ];

    /// Stable key, used in the pool file and the stored settings.
    pub fn key(self) -> &'static str {
        match self {
            FoodCategory::Fruit => "fruit",
            FoodCategory::Vegetable => "vegetable",
            FoodCategory::Legume => "legume",
            FoodCategory::NutsSeeds => "nuts",
            FoodCategory::Grain => "grain",
            FoodCategory::Dairy => "dairy",
            FoodCategory::Egg => "egg",
            FoodCategory::Fish => "fish",
            FoodCategory::Shellfish => "shellfish",
        }
    }

    /// Inverse of [`FoodCategory::key`].
    pub fn from_key(key: &str) -> Option<FoodCategory> {
        FoodCategory::ALL.into_iter().find(|c| c.key() == key)
    }

    /// Plain name for a preference: "Dairy", "Nuts and seeds".
    pub fn label(self) -> &'static str {
        match self {
            FoodCategory::Fruit => "Fruit",
            FoodCategory::Vegetable => "Vegetables",
            FoodCategory::Legume => "Beans, lentils and soy",
            FoodCategory::NutsSeeds => "Nuts and seeds",
            FoodCategory::Grain => "Whole grains",
            FoodCategory::Dairy => "Dairy",
            FoodCategory::Egg => "Eggs",
            FoodCategory::Fish => "Fish",
            FoodCategory::Shellfish => "Shellfish",
        }
    }

    /// Whether a vegetarian eats it (no fish or shellfish; the pool holds no meat).
    pub fn is_vegetarian(self) -> bool {
        !matches!(self, FoodCategory::Fish | FoodCategory::Shellfish)
    }

    /// Whether a vegan eats it (vegetarian, and no dairy or eggs).
    pub fn is_vegan(self) -> bool {
        self.is_vegetarian() && !matches!(self, FoodCategory::Dairy | FoodCategory::Egg)
    }
}

/// One food of the pool.
#[derive(Debug, Clone, PartialEq)]
pub struct PoolFood {
    /// The food.
    pub ndb: NdbNumber,
    /// USDA's description, e.g. "Bananas, raw".
    pub description: &'static str,
    /// Its kind, for preferences.
    pub category: FoodCategory,
    /// Position of the portion in the food's [`Food::portions`].
    pub portion_index: usize,
    /// The portion: "1 medium (7\" to 7-7/8\" long)", 118 g.
    pub portion: Portion,
    /// The most portions proposed at once (1 or 2).
    pub max_count: u8,
    /// What `count` portions hold, for each count 1..=max_count: computed
    /// as the plan computes an item (per 100 g × grams), so adding the
    /// proposal moves every bar by exactly these amounts.
    per_count: Vec<Amounts>,
}

impl PoolFood {
    /// Grams in `count` portions.
    pub fn grams(&self, count: u8) -> f64 {
        f64::from(count) * self.portion.grams
    }

    /// What `count` portions (1..=[`PoolFood::max_count`]) hold, the
    /// food's water included.
    pub fn amounts(&self, count: u8) -> &Amounts {
        &self.per_count[usize::from(count - 1)]
    }
}

/// Why a pool text was refused. Every message names the line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PoolError {
    /// 1-based line number.
    pub line: usize,
    /// What is wrong with it.
    pub message: String,
}

impl fmt::Display for PoolError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "proposal pool line {}: {}", self.line, self.message)
    }
}

impl std::error::Error for PoolError {}

/// The foods proposals are chosen from, in the file's order (by NDB number).
#[derive(Debug, Clone, PartialEq)]
pub struct Pool {
    foods: Vec<PoolFood>,
}

impl Pool {
    /// Reads a pool text against `table`: every food must be in it, have
    /// every nutrient value (a proposal never rests on a missing value)
    /// and the named measure; no food twice.
    pub fn parse(text: &str, table: &FoodTable) -> Result<Pool, PoolError> {
        let mut foods: Vec<PoolFood> = Vec::new();
        for (index, line) in text.lines().enumerate() {
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let error = |message: String| PoolError {
                line: index + 1,
                message,
            };
            let food = parse_line(line, table).map_err(error)?;
            if foods.iter().any(|f| f.ndb == food.ndb) {
                return Err(error(format!("food {} is listed twice", food.ndb)));
            }
            foods.push(food);
        }
        Ok(Pool { foods })
    }

    /// The shipped pool against the shipped table (the app has one), read
    /// on first use.
    pub fn shipped(table: &FoodTable) -> &'static Pool {
        static POOL: OnceLock<Pool> = OnceLock::new();
        POOL.get_or_init(|| {
            Pool::parse(SHIPPED_POOL, table).expect("the shipped pool is checked by tests")
        })
    }

    /// A pool of these foods (tests build small ones).
    pub fn from_foods(foods: Vec<PoolFood>) -> Pool {
        Pool { foods }
    }

    /// Every food.
    pub fn foods(&self) -> &[PoolFood] {
        &self.foods
    }

    /// The pool food with this NDB number.
    pub fn get(&self, ndb: NdbNumber) -> Option<&PoolFood> {
        self.foods.iter().find(|f| f.ndb == ndb)
    }

    /// How many foods.
    pub fn len(&self) -> usize {
        self.foods.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.foods.is_empty()
    }
}

/// One pool food from its line.
fn parse_line(line: &str, table: &FoodTable) -> Result<PoolFood, String> {
    let data = line.split_once("\t#").map_or(line, |(data, _)| data);
    let fields: Vec<&str> = data.split('\t').collect();
    let [ndb, max, category, measure] = fields[..] else {
        return Err(format!(
            "expected 4 tab-separated fields, found {}",
            fields.len()
        ));
    };
    let ndb: NdbNumber = ndb
        .parse()
        .map_err(|_| format!("{ndb:?} is not a five-digit NDB number"))?;
    let food = table
        .get(ndb)
        .ok_or_else(|| format!("food {ndb} is not in the table"))?;
    let max_count: u8 = max
        .parse()
        .ok()
        .filter(|m| (1..=MAX_PORTIONS).contains(m))
        .ok_or_else(|| format!("{max:?} is not a count of portions from 1 to {MAX_PORTIONS}"))?;
    let category = FoodCategory::from_key(category)
        .ok_or_else(|| format!("{category:?} is not a food category"))?;
    let portion_index = food
        .portions
        .iter()
        .position(|p| p.label() == measure)
        .ok_or_else(|| format!("{} has no measure {measure:?}", food.description))?;
    pool_food(food, category, portion_index, max_count)
}

/// `food` as a pool food of `category`, in `1..=max_count` of its portion
/// `portion_index`; refused (with the reason) when the portion is not
/// one of the food's or a nutrient value is missing.
pub fn pool_food(
    food: &Food,
    category: FoodCategory,
    portion_index: usize,
    max_count: u8,
) -> Result<PoolFood, String> {
    if !(1..=MAX_PORTIONS).contains(&max_count) {
        return Err(format!(
            "{max_count} is not a count of portions from 1 to {MAX_PORTIONS}"
        ));
    }
    let portion = food
        .portions
        .get(portion_index)
        .filter(|p| p.grams.is_finite() && p.grams > 0.0)
        .ok_or_else(|| format!("{} has no usable portion {portion_index}", food.description))?
        .clone();
    let mut per_count = Vec::with_capacity(usize::from(max_count));
    for count in 1..=max_count {
        let grams = f64::from(count) * portion.grams;
        let mut values = Amounts::default();
        for nutrient in Amounts::NUTRIENTS {
            let amount = food
                .amount_in(nutrient, grams)
                .ok_or_else(|| format!("{} has no {} value", food.description, nutrient.key()))?;
            values.set(nutrient, amount);
        }
        per_count.push(values);
    }
    Ok(PoolFood {
        ndb: food.ndb,
        description: food.description,
        category,
        portion_index,
        portion,
        max_count,
        per_count,
    })
}
