//! The recipe form as typed: ingredients (a USDA or own food, an amount as
//! typed and a unit), servings and the optional cooked weight.
//! [`RecipeForm::draft`] reads it into a [`RecipeDraft`] (whose `check`
//! has the last word) or names the field it cannot read; the helpers say
//! what an ingredient is called and in which units it can be counted.

use crate::foods::food_table::FoodTable;
use crate::foods::mine::MyFoods;
use crate::foods::recipe::{Ingredient, IngredientFood, RecipeDraft};
use crate::planning::plan::FoodUnit;
use crate::units::amount::MassUnit;
use crate::units::format::format_number;
use crate::units::quantity::{parse_number, QuantityError};

/// One ingredient row of the form.
#[derive(Debug, Clone, PartialEq)]
pub struct IngredientRow {
    /// The food.
    pub food: IngredientFood,
    /// How many `unit`s, as typed.
    pub amount: String,
    /// A portion of the food, g or oz.
    pub unit: FoodUnit,
}

/// The recipe form, as typed.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct RecipeForm {
    /// The name.
    pub name: String,
    /// The ingredients, in order.
    pub ingredients: Vec<IngredientRow>,
    /// How many servings it makes, as typed.
    pub servings: String,
    /// The cooked dish's weight in g, as typed; empty = not weighed.
    pub cooked_grams: String,
}

/// A number as people read it back in a field: "1.5", "1500".
fn plain(value: f64) -> String {
    format_number(value, 2).replace(',', "")
}

/// `text` read as a number, or the field's sentence.
fn number(text: &str, field: &str) -> Result<f64, String> {
    parse_number(text).map_err(|e| match e {
        QuantityError::Negative => format!("{field} cannot be negative."),
        QuantityError::Empty => format!("{field}: enter a number."),
        _ => format!("{field}: “{}” is not a number.", text.trim()),
    })
}

/// What `food` is called: the USDA description, or the own food's name
/// ("a deleted food" when it is gone).
pub fn ingredient_name(food: IngredientFood, mine: &MyFoods, table: &FoodTable) -> String {
    match food {
        IngredientFood::Usda(ndb) => table.get(ndb).map_or_else(
            || format!("Food {ndb} (not in the food table)"),
            |f| f.description.to_owned(),
        ),
        IngredientFood::Mine(id) => mine.name(id).unwrap_or_else(|| "a deleted food".to_owned()),
    }
}

/// The units `food` can be counted in, each with its label: its portions
/// ("1 cup, 240 g"), then g and oz.
pub fn ingredient_units(
    food: IngredientFood,
    mine: &MyFoods,
    table: &FoodTable,
) -> Vec<(FoodUnit, String)> {
    let portions: Vec<String> = match food {
        IngredientFood::Usda(ndb) => table
            .get(ndb)
            .map(|f| f.portions.iter().map(|p| p.label_with_grams()).collect())
            .unwrap_or_default(),
        IngredientFood::Mine(id) => mine
            .food(id)
            .map(|f| f.portions().iter().map(|p| p.label_with_grams()).collect())
            .unwrap_or_default(),
    };
    portions
        .into_iter()
        .enumerate()
        .map(|(i, label)| (FoodUnit::Portion(i), label))
        .chain(MassUnit::ALL.map(|u| (FoodUnit::Mass(u), u.symbol().to_owned())))
        .collect()
}

/// "2 × 1 cup, 240 g of Milk, whole" or "300 g of Spinach, raw".
pub fn ingredient_text(ingredient: &Ingredient, mine: &MyFoods, table: &FoodTable) -> String {
    let name = ingredient_name(ingredient.food, mine, table);
    let amount = format_number(ingredient.amount, 2);
    match ingredient.unit {
        FoodUnit::Mass(u) => format!("{amount} {} of {name}", u.symbol()),
        FoodUnit::Portion(i) => {
            let label = ingredient_units(ingredient.food, mine, table)
                .into_iter()
                .find(|(u, _)| *u == FoodUnit::Portion(i))
                .map_or_else(|| "portion".to_owned(), |(_, l)| l);
            if amount == "1" {
                format!("{label} of {name}")
            } else {
                format!("{amount} × {label} of {name}")
            }
        }
    }
}

impl RecipeForm {
    /// A new recipe's form: no ingredients, 1 serving.
    pub fn new() -> RecipeForm {
        RecipeForm {
            servings: "1".to_owned(),
            ..RecipeForm::default()
        }
    }

    /// The form of a stored recipe.
    pub fn from_draft(draft: &RecipeDraft) -> RecipeForm {
        RecipeForm {
            name: draft.name.clone(),
            ingredients: draft
                .ingredients
                .iter()
                .map(|i| IngredientRow {
                    food: i.food,
                    amount: plain(i.amount),
                    unit: i.unit,
                })
                .collect(),
            servings: plain(draft.servings),
            cooked_grams: draft.cooked_grams.map(plain).unwrap_or_default(),
        }
    }

    /// Adds `food` in its first unit: 1 portion, else 100 g.
    pub fn add(&mut self, food: IngredientFood, mine: &MyFoods, table: &FoodTable) {
        let unit = ingredient_units(food, mine, table)[0].0;
        let amount = if matches!(unit, FoodUnit::Portion(_)) {
            "1"
        } else {
            "100"
        };
        self.ingredients.push(IngredientRow {
            food,
            amount: amount.to_owned(),
            unit,
        });
    }

    /// The draft the form holds, or which field cannot be read.
    pub fn draft(&self, mine: &MyFoods, table: &FoodTable) -> Result<RecipeDraft, String> {
        let ingredients = self
            .ingredients
            .iter()
            .map(|row| {
                let field = format!("The amount of {}", ingredient_name(row.food, mine, table));
                Ok(Ingredient {
                    food: row.food,
                    amount: number(&row.amount, &field)?,
                    unit: row.unit,
                })
            })
            .collect::<Result<_, String>>()?;
        let cooked_grams = match self.cooked_grams.trim() {
            "" => None,
            text => Some(number(text, "The cooked weight")?),
        };
        Ok(RecipeDraft {
            name: self.name.clone(),
            ingredients,
            servings: number(&self.servings, "Servings")?,
            cooked_grams,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::foods::custom::CustomFoodDraft;
    use crate::foods::nutrient::Nutrient;
    use crate::planning::plan::test_table::{ndb, table};

    #[test]
    fn a_typed_recipe_becomes_a_draft_and_back() {
        let t = table();
        let mut mine = MyFoods::new();
        let mut stock = CustomFoodDraft::new("Chicken stock").with(Nutrient::Sodium, 340.0);
        stock.portions = vec![("1 cup".into(), 240.0)];
        let stock = mine.add_food(&stock).unwrap();
        let mut form = RecipeForm::new();
        form.name = "Spinach soup".into();
        form.add(IngredientFood::Usda(ndb(11457)), &mine, &t);
        form.add(IngredientFood::Mine(stock), &mine, &t);
        form.ingredients[1].amount = "2,5".into();
        form.cooked_grams = "1200".into();
        form.servings = "4".into();
        let draft = form.draft(&mine, &t).unwrap();
        assert_eq!(draft.ingredients[0].unit, FoodUnit::Portion(0));
        assert_eq!(draft.ingredients[1].amount, 2.5);
        assert_eq!(draft.cooked_grams, Some(1200.0));
        // Read back as the field shows it: "2,5" typed is 2.5.
        form.ingredients[1].amount = "2.5".into();
        assert_eq!(RecipeForm::from_draft(&draft), form);
        assert_eq!(
            ingredient_text(&draft.ingredients[1], &mine, &t),
            "2.5 × 1 cup, 240 g of Chicken stock"
        );
        let recipe = mine.add_recipe(&draft, &t).unwrap();
        assert!(mine.recipe(recipe).is_some());
    }

    #[test]
    fn unreadable_fields_are_named() {
        let t = table();
        let mine = MyFoods::new();
        let mut form = RecipeForm::new();
        form.add(IngredientFood::Usda(ndb(9040)), &mine, &t);
        form.ingredients[0].amount = "lots".into();
        assert_eq!(
            form.draft(&mine, &t).unwrap_err(),
            format!(
                "The amount of {}: “lots” is not a number.",
                ingredient_name(IngredientFood::Usda(ndb(9040)), &mine, &t)
            )
        );
        form.ingredients[0].amount = "1".into();
        form.servings = "".into();
        assert_eq!(
            form.draft(&mine, &t).unwrap_err(),
            "Servings: enter a number."
        );
        form.servings = "0".into();
        // Read, then refused by the recipe's own check.
        assert!(mine
            .clone()
            .add_recipe(&form.draft(&mine, &t).unwrap(), &t)
            .is_err());
        form.servings = "2".into();
        form.cooked_grams = "-3".into();
        assert_eq!(
            form.draft(&mine, &t).unwrap_err(),
            "The cooked weight cannot be negative."
        );
    }

    #[test]
    fn a_food_without_portions_starts_at_100_g() {
        let t = table();
        let mut mine = MyFoods::new();
        let bread = mine.add_food(&CustomFoodDraft::new("Rye bread")).unwrap();
        let mut form = RecipeForm::new();
        form.add(IngredientFood::Mine(bread), &mine, &t);
        assert_eq!(form.ingredients[0].unit, FoodUnit::Mass(MassUnit::Gram));
        assert_eq!(form.ingredients[0].amount, "100");
        assert_eq!(
            ingredient_name(
                IngredientFood::Mine(crate::foods::mine::MyFoodId::parse("99").unwrap()),
                &mine,
                &t
            ),
            "a deleted food"
        );
    }
}
