//! How much of a food the user looks at (100 g, a household portion or a
//! typed amount) and what that amount holds against the daily targets.

use crate::foods::food::Food;
use crate::foods::nutrient::Nutrient;
use crate::targets::dri::{DriRow, Target};
use crate::units::amount::{parse_grams, AmountError, MassUnit};

/// The amount of a food being viewed.
#[derive(Debug, Clone, PartialEq)]
pub enum Serving {
    /// 100 g, the basis USDA reports.
    Per100g,
    /// The food's household portion at this position in [`Food::portions`].
    Portion(usize),
    /// A typed amount, validated by [`parse_grams`].
    Custom { text: String, unit: MassUnit },
}

impl Serving {
    /// Grams of `food` this serving stands for, or why it has none.
    pub fn grams(&self, food: &Food) -> Result<f64, ServingError> {
        match self {
            Serving::Per100g => Ok(100.0),
            Serving::Portion(i) => food
                .portions
                .get(*i)
                .map(|p| p.grams)
                .ok_or(ServingError::NoSuchPortion),
            Serving::Custom { text, unit } => {
                parse_grams(text, *unit).map_err(ServingError::Amount)
            }
        }
    }
}

/// Why a serving has no weight.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum ServingError {
    NoSuchPortion,
    Amount(AmountError),
}

impl std::fmt::Display for ServingError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ServingError::NoSuchPortion => write!(f, "This food has no such portion."),
            ServingError::Amount(e) => e.fmt(f),
        }
    }
}

/// One row of a food's nutrient table for a given amount.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct NutrientLine {
    pub nutrient: Nutrient,
    /// Per 100 g as USDA gives it; `None` = no data.
    pub per_100g: Option<f64>,
    /// In the viewed amount; `None` = no data.
    pub amount: Option<f64>,
    /// The daily target it is compared with, if the nutrient has one.
    pub target: Option<Target>,
}

impl NutrientLine {
    /// The amount as a percentage of the target, when both are known.
    pub fn percent_of_target(&self) -> Option<f64> {
        Some(self.target?.percent_of(self.amount?))
    }
}

/// The rows for `grams` of `food`: minerals first, then energy and water.
pub fn nutrient_lines(food: &Food, grams: f64, targets: &DriRow) -> Vec<NutrientLine> {
    Nutrient::MINERALS
        .into_iter()
        .chain([Nutrient::Energy, Nutrient::Water])
        .map(|nutrient| NutrientLine {
            nutrient,
            per_100g: food.per_100g.get(nutrient),
            amount: food.amount_in(nutrient, grams),
            target: targets.target(nutrient),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::foods::food::test_foods::banana_without_sodium;
    use crate::targets::dri::nasem;

    #[test]
    fn servings_have_weights() {
        let food = banana_without_sodium();
        assert_eq!(Serving::Per100g.grams(&food), Ok(100.0));
        assert_eq!(Serving::Portion(0).grams(&food), Ok(118.0));
        assert_eq!(
            Serving::Portion(3).grams(&food),
            Err(ServingError::NoSuchPortion)
        );
        let custom = Serving::Custom {
            text: "2".into(),
            unit: MassUnit::Ounce,
        };
        assert!((custom.grams(&food).unwrap() - 56.699).abs() < 1e-3);
        let bad = Serving::Custom {
            text: "-5".into(),
            unit: MassUnit::Gram,
        };
        assert_eq!(
            bad.grams(&food),
            Err(ServingError::Amount(AmountError::NotPositive))
        );
        assert_eq!(
            bad.grams(&food).unwrap_err().to_string(),
            "The amount must be more than zero."
        );
    }

    #[test]
    fn lines_scale_values_and_compare_with_targets() {
        let food = banana_without_sodium();
        let woman = nasem().default_adult();
        let lines = nutrient_lines(&food, 118.0, woman);
        let nutrients: Vec<_> = lines.iter().map(|l| l.nutrient).collect();
        assert_eq!(
            nutrients,
            [
                Nutrient::Potassium,
                Nutrient::Magnesium,
                Nutrient::Calcium,
                Nutrient::Sodium,
                Nutrient::Energy,
                Nutrient::Water
            ]
        );
        let k = lines[0];
        assert_eq!(k.per_100g, Some(358.0));
        assert!((k.amount.unwrap() - 422.44).abs() < 1e-9);
        assert!((k.percent_of_target().unwrap() - 422.44 / 2600.0 * 100.0).abs() < 1e-9);
        // Missing stays missing: no amount, no percentage.
        assert_eq!(lines[3].amount, None);
        assert_eq!(lines[3].percent_of_target(), None);
        // Energy has no target.
        assert_eq!(lines[4].percent_of_target(), None);
        // Water against 2.7 L total water.
        assert!((lines[5].percent_of_target().unwrap() - 88.3938 / 2700.0 * 100.0).abs() < 1e-6);
    }
}
