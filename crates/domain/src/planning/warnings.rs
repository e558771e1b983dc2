//! Safety notes for the day: magnesium from supplements above its upper
//! limit, and the potassium-supplement caution.

use crate::foods::nutrient::Nutrient;
use crate::planning::plan::{DayPlan, Entry};
use crate::targets::dri::DriRow;
use crate::units::amount_text::format_nutrient_amount;

/// Magnesium from supplements and electrolyte drinks in the day, in mg.
/// Food magnesium is not included: its UL does not apply to food.
pub fn supplement_magnesium_mg(plan: &DayPlan) -> f64 {
    plan.iter()
        .filter_map(|(_, item)| match &item.entry {
            Entry::Supplement(s) => s.mineral_mg(Nutrient::Magnesium),
            _ => None,
        })
        .sum()
}

/// Why the day's supplement magnesium deserves a warning.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum MagnesiumWarning {
    /// Supplements give more than the UL for magnesium from supplements.
    AboveUl {
        /// Magnesium from supplements, mg.
        supplement_mg: f64,
        /// The DRI row's UL for supplemental magnesium, mg.
        ul_mg: f64,
    },
    /// The profile's DRI row sets no UL (infants), and supplements give some.
    NoUlForAge {
        /// Magnesium from supplements, mg.
        supplement_mg: f64,
    },
}

impl MagnesiumWarning {
    /// The warning for people.
    pub fn text(&self) -> String {
        match self {
            MagnesiumWarning::AboveUl { supplement_mg, ul_mg } => format!(
                "Magnesium from supplements is {}, above the upper limit of {} a day for magnesium from supplements; too much can cause diarrhoea. Magnesium in food does not count toward this limit.",
                format_nutrient_amount(Nutrient::Magnesium, *supplement_mg),
                format_nutrient_amount(Nutrient::Magnesium, *ul_mg)
            ),
            MagnesiumWarning::NoUlForAge { supplement_mg } => format!(
                "Magnesium from supplements is {}: no safe upper limit is set for this age, so give magnesium supplements only on a doctor's advice.",
                format_nutrient_amount(Nutrient::Magnesium, *supplement_mg)
            ),
        }
    }
}

/// A warning when magnesium from supplements exceeds `row`'s UL for
/// supplemental magnesium (350 mg from 9 years), or when there is any where
/// the row sets none. Never for magnesium from food.
pub fn magnesium_warning(plan: &DayPlan, row: &DriRow) -> Option<MagnesiumWarning> {
    let supplement_mg = supplement_magnesium_mg(plan);
    match row.magnesium_supplement_ul_mg {
        Some(ul_mg) if supplement_mg > ul_mg => Some(MagnesiumWarning::AboveUl {
            supplement_mg,
            ul_mg,
        }),
        None if supplement_mg > 0.0 => Some(MagnesiumWarning::NoUlForAge { supplement_mg }),
        _ => None,
    }
}

/// [`crate::planning::supplements::POTASSIUM_CAUTION`] when the day has a supplement with potassium
/// (tablets, or an electrolyte drink listing potassium).
pub fn potassium_caution(plan: &DayPlan) -> Option<&'static str> {
    plan.iter().find_map(|(_, item)| match &item.entry {
        Entry::Supplement(s) => s.caution(),
        _ => None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::planning::plan::test_table::{ndb, table};
    use crate::planning::plan::{FoodUnit, Meal};
    use crate::planning::supplements::{
        DrinkMinerals, ElectrolyteDrink, MagnesiumForm, Supplement, POTASSIUM_CAUTION,
    };
    use crate::planning::totals::{DayTotals, WaterCounting};
    use crate::targets::dri::{nasem, Sex};
    use crate::targets::profile::Profile;
    use crate::units::amount::MassUnit;

    fn woman() -> &'static DriRow {
        Profile::new(34.0, Sex::Female, None)
            .unwrap()
            .dri_row(nasem())
            .unwrap()
    }

    fn magnesium(mg: f64) -> Supplement {
        Supplement::Magnesium {
            form: MagnesiumForm::Citrate,
            elemental_mg: mg,
        }
    }

    #[test]
    fn food_magnesium_never_warns() {
        let t = table();
        let mut plan = DayPlan::new();
        // 5 bunches of spinach: 5 × 340 g × 79 mg/100 g = 1,343 mg of magnesium.
        plan.add_food(Meal::Lunch, ndb(11457), 5.0, FoodUnit::Portion(1), &t)
            .unwrap();
        plan.add_food(
            Meal::Dinner,
            ndb(11457),
            500.0,
            FoodUnit::Mass(MassUnit::Gram),
            &t,
        )
        .unwrap();
        let totals = DayTotals::compute(&plan, &t, WaterCounting::DrinksAndFood);
        assert!(totals.day().get(Nutrient::Magnesium).known > 500.0);
        assert_eq!(supplement_magnesium_mg(&plan), 0.0);
        assert_eq!(magnesium_warning(&plan, woman()), None);
    }

    #[test]
    fn supplement_magnesium_above_the_ul_warns() {
        let mut plan = DayPlan::new();
        plan.add_supplement(Meal::Breakfast, magnesium(350.0))
            .unwrap();
        assert_eq!(magnesium_warning(&plan, woman()), None);
        let mut over = DayPlan::new();
        over.add_supplement(Meal::Breakfast, magnesium(400.0))
            .unwrap();
        let warning = magnesium_warning(&over, woman()).unwrap();
        assert_eq!(
            warning,
            MagnesiumWarning::AboveUl {
                supplement_mg: 400.0,
                ul_mg: 350.0
            }
        );
        assert!(warning
            .text()
            .starts_with("Magnesium from supplements is 400 mg, above the upper limit of 350 mg"));
        assert!(warning.text().contains("food does not count"));
    }

    #[test]
    fn electrolyte_drink_magnesium_counts_as_supplement() {
        let mut plan = DayPlan::new();
        plan.add_supplement(Meal::Lunch, magnesium(300.0)).unwrap();
        plan.add_supplement(
            Meal::Lunch,
            Supplement::ElectrolyteDrink {
                drink: ElectrolyteDrink {
                    name: "Fizz".into(),
                    per_serving: DrinkMinerals {
                        magnesium_mg: 30.0,
                        ..DrinkMinerals::default()
                    },
                    serving_ml: 500.0,
                },
                servings: 2.0,
            },
        )
        .unwrap();
        assert_eq!(supplement_magnesium_mg(&plan), 360.0);
        assert!(magnesium_warning(&plan, woman()).is_some());
        assert_eq!(potassium_caution(&plan), None);
    }

    #[test]
    fn infants_get_a_warning_for_any_supplement_magnesium() {
        let infant = Profile::new(0.5, Sex::Male, None)
            .unwrap()
            .dri_row(nasem())
            .unwrap();
        let mut plan = DayPlan::new();
        assert_eq!(magnesium_warning(&plan, infant), None);
        plan.add_supplement(Meal::Lunch, magnesium(20.0)).unwrap();
        let warning = magnesium_warning(&plan, infant).unwrap();
        assert_eq!(
            warning,
            MagnesiumWarning::NoUlForAge {
                supplement_mg: 20.0
            }
        );
        assert!(warning.text().contains("doctor"));
    }

    #[test]
    fn potassium_supplements_carry_the_caution() {
        let mut plan = DayPlan::new();
        plan.add_drink(Meal::Lunch, 1.0, crate::units::volume::VolumeUnit::Glass)
            .unwrap();
        assert_eq!(potassium_caution(&plan), None);
        plan.add_supplement(Meal::Lunch, Supplement::Potassium { tablets: 1 })
            .unwrap();
        assert_eq!(potassium_caution(&plan), Some(POTASSIUM_CAUTION));
    }
}
