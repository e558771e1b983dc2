//! The user's own foods and recipes as one collection with stable ids
//! (`/my/<id>`): create, edit, duplicate, delete; a snapshot of one for
//! the day plan; the stored form; merging a backup's collection in.
//!
//! Ids are never reused: a deleted food's id stays unused, so a past day's
//! snapshot never points to another food.

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};

use crate::foods::custom::{CustomFood, CustomFoodDraft, CustomFoodError};
use crate::foods::food::NutrientValues;
use crate::foods::food_table::FoodTable;
use crate::foods::nutrient::Nutrient;
use crate::foods::recipe::{IngredientFood, Recipe, RecipeDraft, RecipeError};
use crate::planning::plan::{MineEntry, MineUnit};
use crate::units::amount::MAX_GRAMS;
use crate::units::format::format_number;
use crate::units::quantity::{positive, QuantityError};

/// The most own foods and recipes together.
pub const MAX_MY_FOODS: usize = 2_000;

/// The stable id of an own food or recipe (one numbering for both).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct MyFoodId(u32);

impl MyFoodId {
    /// The number, as in `/my/<number>`.
    pub fn value(self) -> u32 {
        self.0
    }

    /// The id written as `number` in a route, if it is one.
    pub fn parse(text: &str) -> Option<MyFoodId> {
        if text.is_empty() || text.len() > 9 || !text.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        text.parse().ok().map(MyFoodId)
    }
}

impl fmt::Display for MyFoodId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// Why a change to the collection was refused; it is left as it was.
#[derive(Debug, Clone, PartialEq)]
pub enum MyFoodsError {
    /// The food is not usable.
    Food(CustomFoodError),
    /// The recipe is not usable.
    Recipe(RecipeError),
    /// No own food or recipe has that id.
    NoSuchFood,
    /// The food cannot be deleted while these recipes use it.
    UsedByRecipes(Vec<String>),
    /// The collection holds [`MAX_MY_FOODS`] already.
    Full,
    /// The amount to plan is not usable.
    Amount(QuantityError),
    /// The food has no portion at that position.
    NoSuchPortion,
}

impl fmt::Display for MyFoodsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            MyFoodsError::Food(e) => e.fmt(f),
            MyFoodsError::Recipe(e) => e.fmt(f),
            MyFoodsError::NoSuchFood => write!(f, "That food is no longer among your foods."),
            MyFoodsError::UsedByRecipes(names) => write!(
                f,
                "This food is used in {}: remove it from there first.",
                names.join(", ")
            ),
            MyFoodsError::Full => {
                write!(f, "You can keep at most {MAX_MY_FOODS} foods and recipes.")
            }
            MyFoodsError::Amount(e) => e.fmt(f),
            MyFoodsError::NoSuchPortion => write!(f, "This food has no such portion."),
        }
    }
}

impl std::error::Error for MyFoodsError {}

/// What the user plans of an own food or recipe: grams, a household
/// portion of a food (by position) or servings of a recipe.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MyUnit {
    /// Grams.
    Grams,
    /// The household portion at this position of a food's portions.
    Portion(usize),
    /// A serving of a recipe.
    Serving,
}

impl MyUnit {
    /// Its value in a form's unit picker: "g", "p0" (the first portion), "serving".
    pub fn key(self) -> String {
        match self {
            MyUnit::Grams => "g".to_owned(),
            MyUnit::Portion(i) => format!("p{i}"),
            MyUnit::Serving => "serving".to_owned(),
        }
    }

    /// The unit of a picker value made by [`MyUnit::key`].
    pub fn from_key(key: &str) -> Option<MyUnit> {
        match key {
            "g" => Some(MyUnit::Grams),
            "serving" => Some(MyUnit::Serving),
            _ => key.strip_prefix('p')?.parse().ok().map(MyUnit::Portion),
        }
    }
}

/// The user's own foods and recipes.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(try_from = "StoredMine", into = "StoredMine")]
pub struct MyFoods {
    foods: BTreeMap<MyFoodId, CustomFood>,
    recipes: BTreeMap<MyFoodId, Recipe>,
    /// The id the next food or recipe gets; above every id ever used.
    next_id: u32,
}

impl MyFoods {
    /// No own foods.
    pub fn new() -> MyFoods {
        MyFoods::default()
    }

    /// The own food `id`.
    pub fn food(&self, id: MyFoodId) -> Option<&CustomFood> {
        self.foods.get(&id)
    }

    /// The recipe `id`.
    pub fn recipe(&self, id: MyFoodId) -> Option<&Recipe> {
        self.recipes.get(&id)
    }

    /// Every own food, by id.
    pub fn foods(&self) -> impl Iterator<Item = (MyFoodId, &CustomFood)> + '_ {
        self.foods.iter().map(|(id, f)| (*id, f))
    }

    /// Every recipe, by id.
    pub fn recipes(&self) -> impl Iterator<Item = (MyFoodId, &Recipe)> + '_ {
        self.recipes.iter().map(|(id, r)| (*id, r))
    }

    /// How many foods and recipes.
    pub fn len(&self) -> usize {
        self.foods.len() + self.recipes.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The name of `id` (a food's with its brand), if it exists.
    pub fn name(&self, id: MyFoodId) -> Option<String> {
        match (self.food(id), self.recipe(id)) {
            (Some(food), _) => Some(food.display_name()),
            (_, Some(recipe)) => Some(recipe.name().to_owned()),
            _ => None,
        }
    }

    /// The units `id` is planned in, the default first, each with its
    /// label: a food's household portions ("1 pot, 125 g") then g; a
    /// recipe's serving ("1 serving, 350 g") then g. Empty when `id` does
    /// not exist.
    pub fn units(&self, id: MyFoodId, table: &FoodTable) -> Vec<(MyUnit, String)> {
        let mut units: Vec<(MyUnit, String)> = if let Some(food) = self.food(id) {
            food.portions()
                .iter()
                .enumerate()
                .map(|(i, p)| (MyUnit::Portion(i), p.label_with_grams()))
                .collect()
        } else if let Some(recipe) = self.recipe(id) {
            let grams = recipe.figures(self, table).serving_grams();
            vec![(
                MyUnit::Serving,
                format!("1 serving, {} g", format_number(grams, 1)),
            )]
        } else {
            return Vec::new();
        };
        units.push((MyUnit::Grams, "g".to_owned()));
        units
    }

    /// What a one-tap "+ Add" plans of `id`: 1 of its first unit (a
    /// portion or a serving), or 100 g of a food without portions; with
    /// its words ("1 pot, 125 g", "100 g").
    pub fn default_amount(&self, id: MyFoodId, table: &FoodTable) -> Option<(f64, MyUnit, String)> {
        let (unit, label) = self.units(id, table).into_iter().next()?;
        Some(match unit {
            MyUnit::Grams => (100.0, unit, "100 g".to_owned()),
            _ => (1.0, unit, label),
        })
    }

    fn fresh_id(&mut self) -> Result<MyFoodId, MyFoodsError> {
        if self.len() >= MAX_MY_FOODS {
            return Err(MyFoodsError::Full);
        }
        let id = MyFoodId(self.next_id);
        self.next_id = self.next_id.checked_add(1).ok_or(MyFoodsError::Full)?;
        Ok(id)
    }

    /// Adds the food `draft` describes.
    pub fn add_food(&mut self, draft: &CustomFoodDraft) -> Result<MyFoodId, MyFoodsError> {
        let food = draft.check().map_err(MyFoodsError::Food)?;
        let id = self.fresh_id()?;
        self.foods.insert(id, food);
        Ok(id)
    }

    /// Replaces the food `id` with what `draft` describes. Past days keep
    /// their snapshot (see [`crate::planning::plan::MineEntry`]).
    pub fn edit_food(&mut self, id: MyFoodId, draft: &CustomFoodDraft) -> Result<(), MyFoodsError> {
        let food = draft.check().map_err(MyFoodsError::Food)?;
        let slot = self.foods.get_mut(&id).ok_or(MyFoodsError::NoSuchFood)?;
        *slot = food;
        Ok(())
    }

    /// Adds the recipe `draft` describes; its ingredients are looked up in
    /// this collection and `table`.
    pub fn add_recipe(
        &mut self,
        draft: &RecipeDraft,
        table: &FoodTable,
    ) -> Result<MyFoodId, MyFoodsError> {
        let recipe = draft.check(self, table).map_err(MyFoodsError::Recipe)?;
        let id = self.fresh_id()?;
        self.recipes.insert(id, recipe);
        Ok(id)
    }

    /// Replaces the recipe `id` with what `draft` describes.
    pub fn edit_recipe(
        &mut self,
        id: MyFoodId,
        draft: &RecipeDraft,
        table: &FoodTable,
    ) -> Result<(), MyFoodsError> {
        if !self.recipes.contains_key(&id) {
            return Err(MyFoodsError::NoSuchFood);
        }
        let recipe = draft.check(self, table).map_err(MyFoodsError::Recipe)?;
        self.recipes.insert(id, recipe);
        Ok(())
    }

    /// Adds a copy of the food or recipe `id`, named "… (copy)".
    pub fn duplicate(&mut self, id: MyFoodId) -> Result<MyFoodId, MyFoodsError> {
        let copy_name = |name: &str| {
            let name = format!("{name} (copy)");
            name.chars()
                .take(crate::foods::custom::MAX_NAME_CHARS)
                .collect::<String>()
        };
        if let Some(food) = self.food(id) {
            let mut draft = food.to_draft();
            draft.name = copy_name(food.name());
            let food = draft.check().map_err(MyFoodsError::Food)?;
            let new = self.fresh_id()?;
            self.foods.insert(new, food);
            Ok(new)
        } else if let Some(recipe) = self.recipe(id) {
            let recipe = recipe.renamed(copy_name(recipe.name()));
            let new = self.fresh_id()?;
            self.recipes.insert(new, recipe);
            Ok(new)
        } else {
            Err(MyFoodsError::NoSuchFood)
        }
    }

    /// Deletes the food or recipe `id`; a food some recipe uses is kept
    /// (with the recipes' names in the refusal). Past days keep their
    /// snapshots and stay readable.
    pub fn delete(&mut self, id: MyFoodId) -> Result<(), MyFoodsError> {
        if self.foods.contains_key(&id) {
            let users: Vec<String> = self
                .recipes
                .values()
                .filter(|r| r.uses(id))
                .map(|r| r.name().to_owned())
                .collect();
            if !users.is_empty() {
                return Err(MyFoodsError::UsedByRecipes(users));
            }
            self.foods.remove(&id);
            Ok(())
        } else {
            self.recipes
                .remove(&id)
                .map(|_| ())
                .ok_or(MyFoodsError::NoSuchFood)
        }
    }

    /// The values per 100 g of `id` as it is now, and for each nutrient
    /// whether they are only a lower bound (a recipe's ingredients lacking
    /// data), with the weight of one `unit`.
    fn current(
        &self,
        id: MyFoodId,
        unit: MyUnit,
        table: &FoodTable,
    ) -> Result<(String, NutrientValues, u8, MineUnit), MyFoodsError> {
        if let Some(food) = self.food(id) {
            let unit = match unit {
                MyUnit::Grams => MineUnit::Grams,
                MyUnit::Portion(i) => {
                    let p = food.portions().get(i).ok_or(MyFoodsError::NoSuchPortion)?;
                    MineUnit::Portion {
                        label: p.label.clone(),
                        grams: p.grams,
                    }
                }
                MyUnit::Serving => return Err(MyFoodsError::NoSuchPortion),
            };
            return Ok((food.display_name(), food.per_100g(), 0, unit));
        }
        let recipe = self.recipe(id).ok_or(MyFoodsError::NoSuchFood)?;
        let figures = recipe.figures(self, table);
        let mut lacking = 0u8;
        let values = Nutrient::ALL.map(|n| {
            let total = figures.per_100g(n);
            if total.items_missing == recipe.ingredients().len() {
                // No ingredient has data: no data, not 0.
                return None;
            }
            if total.is_lower_bound() {
                lacking |= 1 << n.index();
            }
            Some(total.known)
        });
        let unit = match unit {
            MyUnit::Grams => MineUnit::Grams,
            MyUnit::Serving => MineUnit::Portion {
                label: "1 serving".to_owned(),
                grams: figures.serving_grams(),
            },
            MyUnit::Portion(_) => return Err(MyFoodsError::NoSuchPortion),
        };
        Ok((
            recipe.name().to_owned(),
            NutrientValues::new(values),
            lacking,
            unit,
        ))
    }

    /// A snapshot of `amount` `unit`s of the food or recipe `id` as it is
    /// now, for [`crate::planning::plan::DayPlan::add_mine`]: the day keeps
    /// these values whatever later happens to the food.
    pub fn snapshot(
        &self,
        id: MyFoodId,
        amount: f64,
        unit: MyUnit,
        table: &FoodTable,
    ) -> Result<MineEntry, MyFoodsError> {
        let (name, per_100g, lacking, unit) = self.current(id, unit, table)?;
        let amount = positive(amount, MAX_GRAMS / unit.grams(), unit.name())
            .map_err(MyFoodsError::Amount)?;
        Ok(MineEntry {
            source: id,
            name,
            per_100g,
            lacking,
            amount,
            unit,
        })
    }

    /// `entry` brought up to date with the food or recipe as it is now
    /// (name, values and the portion's weight), keeping its amount; `None`
    /// when the food is gone or the portion no longer exists.
    pub fn refreshed(&self, entry: &MineEntry, table: &FoodTable) -> Option<MineEntry> {
        let unit = match &entry.unit {
            MineUnit::Grams => MyUnit::Grams,
            MineUnit::Portion { label, .. } => match self.food(entry.source) {
                Some(food) => {
                    MyUnit::Portion(food.portions().iter().position(|p| &p.label == label)?)
                }
                None => MyUnit::Serving,
            },
        };
        let (name, per_100g, lacking, unit) = self.current(entry.source, unit, table).ok()?;
        Some(MineEntry {
            source: entry.source,
            name,
            per_100g,
            lacking,
            amount: entry.amount,
            unit,
        })
    }

    /// Merges `other` (a backup's collection) in: a food or recipe with
    /// the same content as one already here is that one; any other gets a
    /// new id, even with the same name (kept as a second). Returns how
    /// `other`'s ids map to ids here; a recipe's own-food ingredients
    /// follow the mapping. Refused, changing nothing, when it would hold
    /// more than [`MAX_MY_FOODS`].
    pub fn merge(&mut self, other: &MyFoods) -> Result<BTreeMap<MyFoodId, MyFoodId>, MyFoodsError> {
        let mut merged = self.clone();
        let mut map = BTreeMap::new();
        for (id, food) in other.foods() {
            let same = merged.foods().find(|(_, f)| *f == food).map(|(id, _)| id);
            let here = match same {
                Some(here) => here,
                None => {
                    let new = merged.fresh_id()?;
                    merged.foods.insert(new, food.clone());
                    new
                }
            };
            map.insert(id, here);
        }
        for (id, recipe) in other.recipes() {
            let recipe = recipe.with_ids(|old| map.get(&old).copied().unwrap_or(old));
            let same = merged
                .recipes()
                .find(|(_, r)| **r == recipe)
                .map(|(id, _)| id);
            let here = match same {
                Some(here) => here,
                None => {
                    let new = merged.fresh_id()?;
                    merged.recipes.insert(new, recipe);
                    new
                }
            };
            map.insert(id, here);
        }
        *self = merged;
        Ok(map)
    }
}

/// The stored form of [`MyFoods`] (under `ep.v2.mine`, and in backups):
///
/// ```json
/// {"next":3,
///  "foods":[{"id":0,"name":"Greek yogurt","brand":"Fage",
///            "per_100g":{"kcal":97,"k":140,"na":36},"portions":[["1 pot",125.0]]}],
///  "recipes":[{"id":2,"name":"Soup","servings":4.0,"cooked_g":1200.0,
///              "items":[{"ndb":"11457","amount":1.0,"portion":1},
///                       {"mine":0,"amount":100.0,"unit":"g"}]}]}
/// ```
///
/// A value left out is "no data". Everything is checked on reading as on
/// entry, except that USDA ingredients are not looked up in the table.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct StoredMine {
    next: u32,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    foods: Vec<StoredFood>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    recipes: Vec<StoredRecipe>,
}

/// Values per 100 g by short key; absent = no data.
#[derive(Serialize, Deserialize, Default, Clone, Copy)]
#[serde(deny_unknown_fields)]
pub(crate) struct StoredValues {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    kcal: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    water: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    k: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    mg: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    ca: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    na: Option<f64>,
}

impl From<NutrientValues> for StoredValues {
    fn from(v: NutrientValues) -> StoredValues {
        StoredValues {
            kcal: v.get(Nutrient::Energy),
            water: v.get(Nutrient::Water),
            k: v.get(Nutrient::Potassium),
            mg: v.get(Nutrient::Magnesium),
            ca: v.get(Nutrient::Calcium),
            na: v.get(Nutrient::Sodium),
        }
    }
}

impl From<StoredValues> for [Option<f64>; 6] {
    fn from(v: StoredValues) -> [Option<f64>; 6] {
        [v.kcal, v.water, v.k, v.mg, v.ca, v.na]
    }
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct StoredFood {
    id: u32,
    name: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    brand: String,
    per_100g: StoredValues,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    portions: Vec<(String, f64)>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct StoredRecipe {
    id: u32,
    name: String,
    servings: f64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    cooked_g: Option<f64>,
    items: Vec<StoredIngredient>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct StoredIngredient {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    ndb: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    mine: Option<u32>,
    amount: f64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    portion: Option<usize>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    unit: Option<String>,
}

impl From<MyFoods> for StoredMine {
    fn from(mine: MyFoods) -> StoredMine {
        StoredMine {
            next: mine.next_id,
            foods: mine
                .foods
                .into_iter()
                .map(|(id, f)| StoredFood {
                    id: id.0,
                    name: f.name().to_owned(),
                    brand: f.brand().unwrap_or_default().to_owned(),
                    per_100g: f.per_100g().into(),
                    portions: f
                        .portions()
                        .iter()
                        .map(|p| (p.label.clone(), p.grams))
                        .collect(),
                })
                .collect(),
            recipes: mine
                .recipes
                .into_iter()
                .map(|(id, r)| StoredRecipe {
                    id: id.0,
                    name: r.name().to_owned(),
                    servings: r.servings(),
                    cooked_g: r.cooked_grams(),
                    items: r
                        .ingredients()
                        .iter()
                        .map(|i| {
                            let (ndb, mine) = match i.food {
                                IngredientFood::Usda(ndb) => (Some(ndb.to_string()), None),
                                IngredientFood::Mine(id) => (None, Some(id.0)),
                            };
                            let (portion, unit) = crate::planning::plan::unit_to_stored(i.unit);
                            StoredIngredient {
                                ndb,
                                mine,
                                amount: i.amount,
                                portion,
                                unit,
                            }
                        })
                        .collect(),
                })
                .collect(),
        }
    }
}

impl TryFrom<StoredMine> for MyFoods {
    type Error = String;

    fn try_from(stored: StoredMine) -> Result<MyFoods, String> {
        if stored.foods.len() + stored.recipes.len() > MAX_MY_FOODS {
            return Err("too many foods".to_owned());
        }
        let mut mine = MyFoods {
            next_id: stored.next,
            ..MyFoods::default()
        };
        let take_id = |id: u32, mine: &MyFoods| {
            if id >= stored.next || mine.name(MyFoodId(id)).is_some() {
                Err(format!("the id {id} is used twice or not below next"))
            } else {
                Ok(MyFoodId(id))
            }
        };
        for f in stored.foods {
            let id = take_id(f.id, &mine)?;
            let draft = CustomFoodDraft {
                name: f.name,
                brand: f.brand,
                basis: crate::foods::custom::Basis::Per100g,
                values: f.per_100g.into(),
                portions: f.portions,
            };
            let food = draft.check().map_err(|e| e.to_string())?;
            mine.foods.insert(id, food);
        }
        for r in stored.recipes {
            let id = take_id(r.id, &mine)?;
            let ingredients = r
                .items
                .into_iter()
                .map(|i| {
                    let food = match (i.ndb, i.mine) {
                        (Some(ndb), None) => IngredientFood::Usda(
                            ndb.parse()
                                .map_err(|_| "a food number is not five digits")?,
                        ),
                        (None, Some(id)) => IngredientFood::Mine(MyFoodId(id)),
                        _ => return Err("an ingredient names no food or two"),
                    };
                    let unit =
                        crate::planning::plan::unit_from_stored(i.portion, i.unit.as_deref())
                            .ok_or("an ingredient has no valid unit")?;
                    Ok(crate::foods::recipe::Ingredient {
                        food,
                        amount: i.amount,
                        unit,
                    })
                })
                .collect::<Result<Vec<_>, &str>>()?;
            let draft = RecipeDraft {
                name: r.name,
                ingredients,
                servings: r.servings,
                cooked_grams: r.cooked_g,
            };
            let recipe = draft.check_stored(&mine).map_err(|e| e.to_string())?;
            mine.recipes.insert(id, recipe);
        }
        Ok(mine)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::foods::recipe::Ingredient;
    use crate::planning::plan::test_table::{ndb, table};
    use crate::planning::plan::{DayPlan, FoodUnit, Meal};
    use crate::planning::totals::{DayTotals, WaterCounting};
    use crate::units::amount::MassUnit;

    fn close(a: f64, b: f64) {
        assert!((a - b).abs() < 1e-9, "{a} != {b}");
    }

    fn yogurt() -> CustomFoodDraft {
        let mut d = CustomFoodDraft::new("Greek yogurt")
            .with(Nutrient::Potassium, 140.0)
            .with(Nutrient::Calcium, 100.0)
            .with(Nutrient::Sodium, 36.0);
        d.portions = vec![("1 pot".into(), 125.0)];
        d
    }

    fn grams(food: IngredientFood, g: f64) -> Ingredient {
        Ingredient {
            food,
            amount: g,
            unit: FoodUnit::Mass(MassUnit::Gram),
        }
    }

    /// Spinach (1 bunch = 340 g, every value), 100 g of banana (no
    /// sodium), 125 g of yogurt (no magnesium, energy or water).
    fn soup(mine: &mut MyFoods, cooked: Option<f64>) -> (MyFoodId, MyFoodId) {
        let y = mine.add_food(&yogurt()).unwrap();
        let draft = RecipeDraft {
            name: "Soup".into(),
            ingredients: vec![
                Ingredient {
                    food: IngredientFood::Usda(ndb(11457)),
                    amount: 1.0,
                    unit: FoodUnit::Portion(1),
                },
                grams(IngredientFood::Usda(ndb(9040)), 100.0),
                Ingredient {
                    food: IngredientFood::Mine(y),
                    amount: 1.0,
                    unit: FoodUnit::Portion(0),
                },
            ],
            servings: 4.0,
            cooked_grams: cooked,
        };
        (y, mine.add_recipe(&draft, &table()).unwrap())
    }

    #[test]
    fn units_put_the_default_first_and_round_trip_through_their_keys() {
        let mut mine = MyFoods::new();
        let (y, soup) = soup(&mut mine, None);
        let plain = mine.add_food(&CustomFoodDraft::new("Rye bread")).unwrap();
        let t = table();
        assert_eq!(
            mine.units(y, &t),
            [
                (MyUnit::Portion(0), "1 pot, 125 g".to_owned()),
                (MyUnit::Grams, "g".to_owned())
            ]
        );
        assert_eq!(
            mine.default_amount(y, &t),
            Some((1.0, MyUnit::Portion(0), "1 pot, 125 g".to_owned()))
        );
        // 565 g in 4 servings.
        assert_eq!(mine.units(soup, &t)[0].1, "1 serving, 141.2 g");
        assert_eq!(mine.default_amount(soup, &t).unwrap().1, MyUnit::Serving);
        // No portions: 100 g.
        assert_eq!(
            mine.default_amount(plain, &t),
            Some((100.0, MyUnit::Grams, "100 g".to_owned()))
        );
        assert!(mine.units(MyFoodId(999), &t).is_empty());
        for unit in [MyUnit::Grams, MyUnit::Portion(3), MyUnit::Serving] {
            assert_eq!(MyUnit::from_key(&unit.key()), Some(unit));
        }
        assert_eq!(MyUnit::from_key("p"), None);
        assert_eq!(MyUnit::from_key("kg"), None);
    }

    #[test]
    fn a_recipe_per_serving_and_per_100g_without_cooked_weight() {
        let mut mine = MyFoods::new();
        let (_, soup) = soup(&mut mine, None);
        let f = mine.recipe(soup).unwrap().figures(&mine, &table());
        close(f.grams, 565.0);
        close(f.serving_grams(), 141.25);
        let k = 558.0 * 3.4 + 358.0 + 140.0 * 1.25;
        close(f.total[Nutrient::Potassium.index()].known, k);
        close(f.per_serving(Nutrient::Potassium).known, k / 4.0);
        close(f.per_100g(Nutrient::Potassium).known, k / 5.65);
        assert_eq!(f.per_serving(Nutrient::Potassium).items_missing, 0);
        // The banana lacks sodium, the yogurt magnesium: "at least", counted.
        let na = f.per_serving(Nutrient::Sodium);
        assert!(na.is_lower_bound());
        assert_eq!(na.items_missing, 1);
        close(na.known, (79.0 * 3.4 + 36.0 * 1.25) / 4.0);
        assert_eq!(f.per_100g(Nutrient::Magnesium).items_missing, 1);
        assert_eq!(mine.recipe(soup).unwrap().describe_yield(), "4 servings");
    }

    #[test]
    fn a_cooked_weight_sets_the_per_100g_values_not_the_servings() {
        let mut mine = MyFoods::new();
        let (_, soup) = soup(&mut mine, Some(1_000.0));
        let f = mine.recipe(soup).unwrap().figures(&mine, &table());
        let k = 558.0 * 3.4 + 358.0 + 140.0 * 1.25;
        close(f.serving_grams(), 250.0);
        close(f.per_serving(Nutrient::Potassium).known, k / 4.0);
        close(f.per_100g(Nutrient::Potassium).known, k / 10.0);
        assert_eq!(
            mine.recipe(soup).unwrap().describe_yield(),
            "4 servings, 1,000 g cooked"
        );
        // "200 g of the soup": a snapshot by grams.
        let e = mine.snapshot(soup, 200.0, MyUnit::Grams, &table()).unwrap();
        close(
            e.per_100g.get(Nutrient::Potassium).unwrap() * e.grams() / 100.0,
            k / 5.0,
        );
        assert!(e.is_lower_bound(Nutrient::Sodium));
        assert!(!e.is_lower_bound(Nutrient::Potassium));
    }

    #[test]
    fn bad_recipes_are_refused() {
        let mut mine = MyFoods::new();
        let (y, soup) = soup(&mut mine, None);
        let t = table();
        let mut d = mine.recipe(soup).unwrap().to_draft();
        let refused = |mine: &mut MyFoods, d: &RecipeDraft| mine.add_recipe(d, &t).unwrap_err();
        d.servings = 0.0;
        assert_eq!(
            refused(&mut mine, &d),
            MyFoodsError::Recipe(RecipeError::Servings)
        );
        d.servings = 2.0;
        d.cooked_grams = Some(0.0);
        assert_eq!(
            refused(&mut mine, &d),
            MyFoodsError::Recipe(RecipeError::CookedWeight)
        );
        d.cooked_grams = None;
        let mut empty = d.clone();
        empty.ingredients.clear();
        assert_eq!(
            refused(&mut mine, &empty),
            MyFoodsError::Recipe(RecipeError::NoIngredients)
        );
        let mut blank = d.clone();
        blank.name = " ".into();
        assert_eq!(
            refused(&mut mine, &blank),
            MyFoodsError::Recipe(RecipeError::EmptyName)
        );
        // Itself, or any recipe, as an ingredient.
        let mut itself = d.clone();
        itself
            .ingredients
            .push(grams(IngredientFood::Mine(soup), 100.0));
        assert_eq!(
            mine.edit_recipe(soup, &itself, &t),
            Err(MyFoodsError::Recipe(RecipeError::ContainsRecipe(4)))
        );
        assert_eq!(
            refused(&mut mine, &itself).to_string(),
            "Ingredient 4 is a recipe: a recipe cannot contain a recipe, or itself. Add its ingredients instead."
        );
        let mut unknown = d.clone();
        unknown.ingredients[0].food = IngredientFood::Usda(ndb(12345));
        assert_eq!(
            refused(&mut mine, &unknown),
            MyFoodsError::Recipe(RecipeError::UnknownFood(1))
        );
        let mut portion = d.clone();
        portion.ingredients[2] = Ingredient {
            food: IngredientFood::Mine(y),
            amount: 1.0,
            unit: FoodUnit::Portion(5),
        };
        assert_eq!(
            refused(&mut mine, &portion),
            MyFoodsError::Recipe(RecipeError::NoSuchPortion(3))
        );
        let mut heavy = d.clone();
        heavy.ingredients[1].amount = 6_000.0;
        assert!(matches!(
            refused(&mut mine, &heavy),
            MyFoodsError::Recipe(RecipeError::Amount(2, _))
        ));
        assert_eq!(mine.len(), 2, "nothing was added");
    }

    #[test]
    fn create_edit_duplicate_delete_with_stable_ids() {
        let mut mine = MyFoods::new();
        let (y, soup) = soup(&mut mine, None);
        let copy = mine.duplicate(y).unwrap();
        assert_eq!(mine.food(copy).unwrap().name(), "Greek yogurt (copy)");
        assert_eq!(
            mine.food(copy).unwrap().per_100g(),
            mine.food(y).unwrap().per_100g()
        );
        let soup_copy = mine.duplicate(soup).unwrap();
        assert_eq!(mine.recipe(soup_copy).unwrap().name(), "Soup (copy)");
        let mut edited = yogurt();
        edited.name = "Skyr".into();
        mine.edit_food(copy, &edited).unwrap();
        assert_eq!(mine.name(copy).as_deref(), Some("Skyr"));
        assert_eq!(
            mine.edit_food(copy, &CustomFoodDraft::new("")),
            Err(MyFoodsError::Food(CustomFoodError::EmptyName))
        );
        // A food a recipe uses stays.
        assert_eq!(
            mine.delete(y),
            Err(MyFoodsError::UsedByRecipes(vec![
                "Soup".into(),
                "Soup (copy)".into()
            ]))
        );
        mine.delete(copy).unwrap();
        assert_eq!(mine.delete(copy), Err(MyFoodsError::NoSuchFood));
        // Ids are never reused.
        let next = mine.add_food(&yogurt()).unwrap();
        assert!(next.value() > soup_copy.value());
        assert_eq!(MyFoodId::parse(&next.to_string()), Some(next));
        assert_eq!(MyFoodId::parse("-1"), None);
        assert_eq!(MyFoodId::parse("1e3"), None);
    }

    #[test]
    fn the_stored_form_round_trips_and_refuses_self_reference() {
        let mut mine = MyFoods::new();
        let (y, soup) = soup(&mut mine, Some(900.0));
        let mut branded = yogurt();
        branded.brand = "<b>Fage</b>".into();
        mine.add_food(&branded).unwrap();
        let json = serde_json::to_string(&mine).unwrap();
        assert_eq!(serde_json::from_str::<MyFoods>(&json).unwrap(), mine);
        assert!(
            json.contains(r#""per_100g":{"k":140.0,"ca":100.0,"na":36.0}"#),
            "{json}"
        );
        // A stored recipe naming itself (or any recipe) is refused.
        let own = format!(r#"{{"mine":{},"amount":1.0,"unit":"g"}}"#, soup.value());
        let bad = json.replacen(r#""items":["#, &format!(r#""items":[{own},"#), 1);
        assert!(serde_json::from_str::<MyFoods>(&bad).is_err());
        for bad in [
            json.replace(r#""k":140.0"#, r#""k":-1.0"#),
            json.replace(r#""name":"Greek yogurt""#, r#""name":"""#),
            json.replace(r#""servings":4.0"#, r#""servings":0.0"#),
            json.replacen(&format!(r#""id":{}"#, y.value()), r#""id":99"#, 1),
            json.replace(r#""unit":"g""#, r#""unit":"lb""#),
        ] {
            assert!(serde_json::from_str::<MyFoods>(&bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn editing_a_food_leaves_a_past_day_unchanged_unless_asked() {
        let t = table();
        let mut mine = MyFoods::new();
        let y = mine.add_food(&yogurt()).unwrap();
        let mut day = DayPlan::new();
        let pot = mine.snapshot(y, 1.0, MyUnit::Portion(0), &t).unwrap();
        day.add_mine(Meal::Breakfast, pot).unwrap();
        let k = |day: &DayPlan| {
            DayTotals::compute(day, &t, WaterCounting::default())
                .day()
                .get(Nutrient::Potassium)
        };
        close(k(&day).known, 175.0);
        let mut edited = yogurt().with(Nutrient::Potassium, 200.0);
        edited.portions = vec![("1 pot".into(), 150.0)];
        mine.edit_food(y, &edited).unwrap();
        close(k(&day).known, 175.0);
        assert_eq!(day.uses_mine(y), 1);
        // Asked: the day takes the new values and the pot's new weight.
        assert_eq!(day.refresh_mine(y, &mine, &t), 1);
        close(k(&day).known, 300.0);
        assert_eq!(day.refresh_mine(y, &mine, &t), 0, "already up to date");
        // Deleted: the day keeps its snapshot and stays readable.
        mine.delete(y).unwrap();
        assert_eq!(day.refresh_mine(y, &mine, &t), 0);
        close(k(&day).known, 300.0);
        let item = &day.items(Meal::Breakfast)[0];
        assert_eq!(item.name(&t), "Greek yogurt");
        assert_eq!(item.describe_amount(&t), "1 pot, 150 g");
        // A food without sodium data stays "no data" in the day.
        let bare = mine.add_food(&CustomFoodDraft::new("Bread")).unwrap();
        day.add_mine(
            Meal::Lunch,
            mine.snapshot(bare, 50.0, MyUnit::Grams, &t).unwrap(),
        )
        .unwrap();
        let na = DayTotals::compute(&day, &t, WaterCounting::default())
            .day()
            .get(Nutrient::Sodium);
        assert_eq!(na.items_missing, 1);
        assert_eq!(
            mine.snapshot(bare, 0.0, MyUnit::Grams, &t),
            Err(MyFoodsError::Amount(QuantityError::NotPositive))
        );
        assert_eq!(
            mine.snapshot(bare, 1.0, MyUnit::Serving, &t),
            Err(MyFoodsError::NoSuchPortion)
        );
    }

    #[test]
    fn stored_snapshots_are_checked() {
        let t = table();
        let mut mine = MyFoods::new();
        let y = mine.add_food(&yogurt()).unwrap();
        let mut day = DayPlan::new();
        let e = mine.snapshot(y, 2.0, MyUnit::Portion(0), &t).unwrap();
        day.add_mine(Meal::Lunch, e).unwrap();
        let json = serde_json::to_string(&day).unwrap();
        assert!(
            json.contains(r#""kind":"mine","id":0,"src":0,"name":"Greek yogurt","per_100g":{"k":140.0,"ca":100.0,"na":36.0},"amount":2.0,"portion":"1 pot","g":125.0"#),
            "{json}"
        );
        for bad in [
            json.replace(r#""k":140.0"#, r#""k":-1.0"#),
            json.replace(r#""k":140.0"#, r#""k":100001.0"#),
            json.replace(r#""name":"Greek yogurt""#, r#""name":"""#),
            json.replace(r#""name":"Greek yogurt""#, r#""name":" Greek yogurt""#),
            json.replace(r#""amount":2.0"#, r#""amount":0.0"#),
            json.replace(r#""amount":2.0"#, r#""amount":41.0"#),
            json.replace(r#","g":125.0"#, ""),
            json.replace(r#""g":125.0"#, r#""g":0.0"#),
            json.replace(r#""src":0,"#, r#""src":0,"lack":64,"#),
        ] {
            assert!(serde_json::from_str::<DayPlan>(&bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn a_planned_recipe_serving_counts_missing_data_as_at_least() {
        let t = table();
        let mut mine = MyFoods::new();
        let (_, soup) = soup(&mut mine, None);
        let mut day = DayPlan::new();
        let serving = mine.snapshot(soup, 1.0, MyUnit::Serving, &t).unwrap();
        close(serving.grams(), 141.25);
        day.add_mine(Meal::Dinner, serving).unwrap();
        let totals = DayTotals::compute(&day, &t, WaterCounting::default());
        let k = 558.0 * 3.4 + 358.0 + 140.0 * 1.25;
        let day_k = totals.day().get(Nutrient::Potassium);
        close(day_k.known, k / 4.0);
        assert!(!day_k.is_lower_bound());
        let na = totals.day().get(Nutrient::Sodium);
        assert!(na.is_lower_bound());
        assert!(na.text(Nutrient::Sodium).starts_with("at least"));
        let json = serde_json::to_string(&day).unwrap();
        assert_eq!(serde_json::from_str::<DayPlan>(&json).unwrap(), day);
        assert!(json.contains(r#""kind":"mine""#), "{json}");
    }

    #[test]
    fn merging_keeps_same_content_once_and_a_namesake_as_a_second() {
        let mut ours = MyFoods::new();
        let (y, _) = soup(&mut ours, None);
        let mut theirs = MyFoods::new();
        // Other ids: a food first that only they have.
        let namesake = theirs
            .add_food(&yogurt().with(Nutrient::Potassium, 150.0))
            .unwrap();
        let (their_y, their_soup) = soup(&mut theirs, None);
        let before = ours.clone();
        let map = ours.merge(&theirs).unwrap();
        assert_eq!(map[&their_y], y, "same content = same food");
        assert_ne!(map[&namesake], y);
        assert_eq!(ours.name(map[&namesake]).as_deref(), Some("Greek yogurt"));
        assert_eq!(ours.recipes().count(), 1, "the same soup once");
        assert_eq!(ours.len(), before.len() + 1);
        assert!(ours.recipe(map[&their_soup]).unwrap().uses(y));
        // Twice changes nothing more.
        let again = ours.clone();
        ours.merge(&theirs).unwrap();
        assert_eq!(ours, again);
    }
}
