//! Recipes: ingredients from the USDA table or the user's own foods, each
//! by portion or g/oz, a yield in servings and maybe the cooked weight;
//! minerals per serving and per 100 g, honest about missing data.
//!
//! Recipes do not contain recipes: an ingredient naming a recipe (itself
//! or another) is refused, so a recipe can never contain itself.

use std::fmt;

use crate::foods::custom::{trimmed, MAX_NAME_CHARS};
use crate::foods::food::{NdbNumber, NutrientValues};
use crate::foods::food_table::FoodTable;
use crate::foods::mine::{MyFoodId, MyFoods};
use crate::foods::nutrient::Nutrient;
use crate::planning::plan::FoodUnit;
use crate::planning::totals::NutrientTotal;
use crate::units::amount::{MassUnit, MAX_GRAMS};
use crate::units::format::format_number;
use crate::units::quantity::{positive, QuantityError};

/// The most ingredients one recipe may have.
pub const MAX_INGREDIENTS: usize = 60;

/// The most servings one recipe may yield.
pub const MAX_SERVINGS: f64 = 100.0;

/// The heaviest a whole cooked recipe may be: 50 kg.
pub const MAX_COOKED_GRAMS: f64 = 50_000.0;

/// Which food an ingredient is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum IngredientFood {
    /// A food of the USDA table.
    Usda(NdbNumber),
    /// One of the user's own foods.
    Mine(MyFoodId),
}

/// An ingredient: a food and how much of it.
#[derive(Debug, Clone, PartialEq)]
pub struct Ingredient {
    /// The food.
    pub food: IngredientFood,
    /// How many portions, g or oz.
    pub amount: f64,
    /// A portion of the food (its position in the food's portions) or g/oz.
    pub unit: FoodUnit,
}

/// A recipe as a form holds it, before it is checked.
#[derive(Debug, Clone, PartialEq)]
pub struct RecipeDraft {
    /// The name; trimmed when checked.
    pub name: String,
    /// The ingredients, in order.
    pub ingredients: Vec<Ingredient>,
    /// How many servings it makes.
    pub servings: f64,
    /// The weight of the whole cooked dish in g, if weighed.
    pub cooked_grams: Option<f64>,
}

/// Why a recipe was refused. Every message is a plain sentence.
#[derive(Debug, Clone, PartialEq)]
pub enum RecipeError {
    /// The name is empty.
    EmptyName,
    /// The name is longer than [`MAX_NAME_CHARS`].
    LongName,
    /// There are no ingredients.
    NoIngredients,
    /// More than [`MAX_INGREDIENTS`] ingredients.
    TooManyIngredients,
    /// The yield is zero, negative or more than [`MAX_SERVINGS`].
    Servings,
    /// The cooked weight is zero, negative or more than [`MAX_COOKED_GRAMS`].
    CookedWeight,
    /// The ingredient at this position (from 1) has an unusable amount.
    Amount(usize, QuantityError),
    /// The ingredient at this position (from 1) is not a known food.
    UnknownFood(usize),
    /// The ingredient at this position (from 1) has no such portion.
    NoSuchPortion(usize),
    /// The ingredient at this position (from 1) is a recipe (maybe this one).
    ContainsRecipe(usize),
}

impl fmt::Display for RecipeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RecipeError::EmptyName => write!(f, "Give the recipe a name."),
            RecipeError::LongName => {
                write!(f, "A recipe name can have at most {MAX_NAME_CHARS} characters.")
            }
            RecipeError::NoIngredients => write!(f, "Add at least one ingredient."),
            RecipeError::TooManyIngredients => {
                write!(f, "A recipe can have at most {MAX_INGREDIENTS} ingredients.")
            }
            RecipeError::Servings => write!(
                f,
                "The recipe must make more than 0 and at most {MAX_SERVINGS} servings."
            ),
            RecipeError::CookedWeight => write!(
                f,
                "The cooked weight must be more than 0 g and at most 50 kg, or left empty."
            ),
            RecipeError::Amount(i, e) => write!(f, "Ingredient {i}: {e}"),
            RecipeError::UnknownFood(i) => {
                write!(f, "Ingredient {i} is not in the food table or your foods.")
            }
            RecipeError::NoSuchPortion(i) => write!(f, "Ingredient {i} has no such portion."),
            RecipeError::ContainsRecipe(i) => write!(
                f,
                "Ingredient {i} is a recipe: a recipe cannot contain a recipe, or itself. Add its ingredients instead."
            ),
        }
    }
}

impl std::error::Error for RecipeError {}

/// A checked recipe.
#[derive(Debug, Clone, PartialEq)]
pub struct Recipe {
    name: String,
    ingredients: Vec<Ingredient>,
    servings: f64,
    cooked_grams: Option<f64>,
}

/// What an ingredient is made of, looked up.
struct Looked {
    per_100g: NutrientValues,
    grams: Option<f64>,
}

/// The food of `ingredient`, or why it cannot be used.
fn look_up(
    ingredient: &Ingredient,
    position: usize,
    mine: &MyFoods,
    table: Option<&FoodTable>,
) -> Result<Looked, RecipeError> {
    let (per_100g, portion_grams) = match ingredient.food {
        IngredientFood::Usda(ndb) => {
            let Some(table) = table else {
                // Stored recipes are read without the table: a portion
                // then counts as at most 1 g until it is used.
                let each = match ingredient.unit {
                    FoodUnit::Portion(_) => 1.0,
                    FoodUnit::Mass(unit) => unit.grams(),
                };
                positive(
                    ingredient.amount,
                    MAX_GRAMS / each,
                    unit_name(ingredient.unit),
                )
                .map_err(|e| RecipeError::Amount(position, e))?;
                return Ok(Looked {
                    per_100g: NutrientValues::default(),
                    grams: None,
                });
            };
            let food = table.get(ndb).ok_or(RecipeError::UnknownFood(position))?;
            let portion = match ingredient.unit {
                FoodUnit::Portion(i) => food.portions.get(i).map(|p| p.grams),
                FoodUnit::Mass(_) => None,
            };
            (food.per_100g, portion)
        }
        IngredientFood::Mine(id) => {
            if mine.recipe(id).is_some() {
                return Err(RecipeError::ContainsRecipe(position));
            }
            let food = mine.food(id).ok_or(RecipeError::UnknownFood(position))?;
            let portion = match ingredient.unit {
                FoodUnit::Portion(i) => food.portions().get(i).map(|p| p.grams),
                FoodUnit::Mass(_) => None,
            };
            (food.per_100g(), portion)
        }
    };
    let each = match ingredient.unit {
        FoodUnit::Portion(_) => portion_grams.ok_or(RecipeError::NoSuchPortion(position))?,
        FoodUnit::Mass(unit) => unit.grams(),
    };
    let amount = positive(
        ingredient.amount,
        MAX_GRAMS / each,
        unit_name(ingredient.unit),
    )
    .map_err(|e| RecipeError::Amount(position, e))?;
    Ok(Looked {
        per_100g,
        grams: Some(amount * each),
    })
}

fn unit_name(unit: FoodUnit) -> &'static str {
    match unit {
        FoodUnit::Portion(_) => "portions",
        FoodUnit::Mass(MassUnit::Gram) => "g",
        FoodUnit::Mass(MassUnit::Ounce) => "oz",
    }
}

impl RecipeDraft {
    /// The checked recipe, or the first problem. `mine` and `table` are
    /// where the ingredients are looked up.
    pub fn check(&self, mine: &MyFoods, table: &FoodTable) -> Result<Recipe, RecipeError> {
        self.checked(mine, Some(table))
    }

    /// [`RecipeDraft::check`] for a stored recipe, read without the table:
    /// USDA ingredients are looked up when the recipe is used.
    pub(crate) fn check_stored(&self, mine: &MyFoods) -> Result<Recipe, RecipeError> {
        self.checked(mine, None)
    }

    fn checked(&self, mine: &MyFoods, table: Option<&FoodTable>) -> Result<Recipe, RecipeError> {
        let name = trimmed(&self.name, MAX_NAME_CHARS).ok_or(RecipeError::LongName)?;
        if name.is_empty() {
            return Err(RecipeError::EmptyName);
        }
        if self.ingredients.is_empty() {
            return Err(RecipeError::NoIngredients);
        }
        if self.ingredients.len() > MAX_INGREDIENTS {
            return Err(RecipeError::TooManyIngredients);
        }
        if !(self.servings.is_finite() && self.servings > 0.0 && self.servings <= MAX_SERVINGS) {
            return Err(RecipeError::Servings);
        }
        if let Some(g) = self.cooked_grams {
            if !(g.is_finite() && g > 0.0 && g <= MAX_COOKED_GRAMS) {
                return Err(RecipeError::CookedWeight);
            }
        }
        for (i, ingredient) in self.ingredients.iter().enumerate() {
            look_up(ingredient, i + 1, mine, table)?;
        }
        Ok(Recipe {
            name,
            ingredients: self.ingredients.clone(),
            servings: self.servings,
            cooked_grams: self.cooked_grams,
        })
    }
}

/// A recipe's minerals: the whole dish, per serving and per 100 g.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RecipeFigures {
    /// The whole dish, with how many ingredients lack data.
    pub total: [NutrientTotal; 6],
    /// The weight of the dish: the cooked weight, else the ingredients'.
    pub grams: f64,
    /// How many servings it makes.
    pub servings: f64,
}

impl RecipeFigures {
    /// One serving's `nutrient` ("at least" when ingredients lack data).
    pub fn per_serving(&self, nutrient: Nutrient) -> NutrientTotal {
        self.scaled(nutrient, 1.0 / self.servings)
    }

    /// 100 g's `nutrient` ("at least" when ingredients lack data).
    pub fn per_100g(&self, nutrient: Nutrient) -> NutrientTotal {
        self.scaled(nutrient, 100.0 / self.grams)
    }

    /// What one serving weighs, in g.
    pub fn serving_grams(&self) -> f64 {
        self.grams / self.servings
    }

    fn scaled(&self, nutrient: Nutrient, factor: f64) -> NutrientTotal {
        let total = self.total[nutrient.index()];
        NutrientTotal {
            known: total.known * factor,
            ..total
        }
    }
}

impl Recipe {
    /// The name, trimmed.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The ingredients, in order.
    pub fn ingredients(&self) -> &[Ingredient] {
        &self.ingredients
    }

    /// How many servings it makes.
    pub fn servings(&self) -> f64 {
        self.servings
    }

    /// The cooked weight in g, if weighed.
    pub fn cooked_grams(&self) -> Option<f64> {
        self.cooked_grams
    }

    /// The draft, for the edit form.
    pub fn to_draft(&self) -> RecipeDraft {
        RecipeDraft {
            name: self.name.clone(),
            ingredients: self.ingredients.clone(),
            servings: self.servings,
            cooked_grams: self.cooked_grams,
        }
    }

    /// Whether an ingredient is the own food `id`.
    pub fn uses(&self, id: MyFoodId) -> bool {
        self.ingredients
            .iter()
            .any(|i| i.food == IngredientFood::Mine(id))
    }

    /// The minerals, counting for each nutrient the ingredients that lack
    /// data (as the planner counts items); an ingredient that cannot be
    /// looked up any more lacks every value and adds no weight.
    pub fn figures(&self, mine: &MyFoods, table: &FoodTable) -> RecipeFigures {
        let mut total = [NutrientTotal::default(); 6];
        let mut raw_grams = 0.0;
        for (i, ingredient) in self.ingredients.iter().enumerate() {
            let looked = look_up(ingredient, i + 1, mine, Some(table)).ok();
            let grams = looked.as_ref().and_then(|l| l.grams);
            raw_grams += grams.unwrap_or(0.0);
            for n in Nutrient::ALL {
                let value = looked
                    .as_ref()
                    .and_then(|l| Some(l.per_100g.get(n)? * grams? / 100.0));
                match value {
                    Some(v) => total[n.index()].known += v,
                    None => total[n.index()].items_missing += 1,
                }
            }
        }
        RecipeFigures {
            total,
            grams: self
                .cooked_grams
                .unwrap_or(raw_grams)
                .max(f64::MIN_POSITIVE),
            servings: self.servings,
        }
    }

    /// The same recipe under another (checked) name.
    pub(crate) fn renamed(&self, name: String) -> Recipe {
        Recipe {
            name,
            ..self.clone()
        }
    }

    /// The same recipe with its own-food ingredients' ids mapped by `map`
    /// (merging a backup).
    pub(crate) fn with_ids(&self, map: impl Fn(MyFoodId) -> MyFoodId) -> Recipe {
        let mut recipe = self.clone();
        for ingredient in &mut recipe.ingredients {
            if let IngredientFood::Mine(id) = ingredient.food {
                ingredient.food = IngredientFood::Mine(map(id));
            }
        }
        recipe
    }

    /// "4 servings, 1,200 g cooked" or "4 servings".
    pub fn describe_yield(&self) -> String {
        let servings = format_number(self.servings, 2);
        let noun = if servings == "1" {
            "serving"
        } else {
            "servings"
        };
        match self.cooked_grams {
            Some(g) => format!("{servings} {noun}, {} g cooked", format_number(g, 0)),
            None => format!("{servings} {noun}"),
        }
    }
}
