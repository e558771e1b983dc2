//! The day plan and the daily targets, shared through context so they
//! survive moving between pages, plus the form helpers every screen that
//! adds to the plan uses (meal and food-unit pickers).

use leptos::prelude::*;

use crate::catalog;
use crate::domain::amount::MassUnit;
use crate::domain::daily_targets::{DailyTargets, TargetError};
use crate::domain::food::Food;
use crate::domain::plan::{DayPlan, FoodUnit, Meal, PlanError};
use crate::domain::profile::Profile;
use crate::domain::progress::{day_progress, Progress};
use crate::domain::targets::nasem;
use crate::domain::totals::{DayTotals, WaterCounting};

/// The day plan and the targets it is measured against.
#[derive(Clone, Copy)]
pub struct Planner {
    /// Foods, supplements and drinks of the day.
    pub plan: RwSignal<DayPlan>,
    /// The profile's targets, preset and overrides.
    pub targets: RwSignal<DailyTargets>,
}

impl Planner {
    /// An empty day with the default adult's DRI targets.
    pub fn new() -> Planner {
        let targets = DailyTargets::new(Profile::default_adult(), nasem())
            .expect("the shipped DRI table covers the default profile");
        Planner {
            plan: RwSignal::new(DayPlan::new()),
            targets: RwSignal::new(targets),
        }
    }

    /// The planner provided by `App`.
    pub fn expect() -> Planner {
        expect_context::<Planner>()
    }

    /// Applies a checked change to the plan; only an accepted change
    /// notifies the screens (a refused one leaves the plan as it was).
    pub fn change_plan<T>(
        self,
        change: impl FnOnce(&mut DayPlan) -> Result<T, PlanError>,
    ) -> Result<T, PlanError> {
        self.plan
            .try_maybe_update(|p| {
                let result = change(p);
                (result.is_ok(), result)
            })
            .expect("the plan lives as long as the app")
    }

    /// Applies a checked change to the targets, like [`Planner::change_plan`].
    pub fn change_targets(
        self,
        change: impl FnOnce(&mut DailyTargets) -> Result<(), TargetError>,
    ) -> Result<(), TargetError> {
        self.targets
            .try_maybe_update(|t| {
                let result = change(t);
                (result.is_ok(), result)
            })
            .expect("the targets live as long as the app")
    }

    /// The day's totals, recomputed when the plan changes.
    pub fn totals(self) -> Memo<DayTotals> {
        let plan = self.plan;
        Memo::new(move |_| {
            plan.with(|p| DayTotals::compute(p, catalog::foods(), WaterCounting::default()))
        })
    }

    /// Progress toward every target, recomputed when the totals or the
    /// targets change.
    pub fn progress(self, totals: Memo<DayTotals>) -> Memo<Vec<Progress>> {
        let targets = self.targets;
        Memo::new(move |_| targets.with(|t| totals.with(|tt| day_progress(t, tt))))
    }
}

impl Default for Planner {
    fn default() -> Planner {
        Planner::new()
    }
}

/// A number as an input field shows it, so that it reads back the same:
/// no grouping, at most two decimals ("118", "0.5", "4.16").
pub fn plain_number(value: f64) -> String {
    ((value * 100.0).round() / 100.0).to_string()
}

/// The `<option>`s of a meal picker.
pub fn meal_options() -> impl IntoView {
    Meal::ALL.map(|m| view! { <option value=m.key()>{m.label()}</option> })
}

/// The `<select>` value of a food unit: "portion-2", "g", "oz".
pub fn food_unit_value(unit: FoodUnit) -> String {
    match unit {
        FoodUnit::Portion(i) => format!("portion-{i}"),
        FoodUnit::Mass(mass) => mass.symbol().to_owned(),
    }
}

/// Inverse of [`food_unit_value`].
pub fn food_unit_from_value(value: &str) -> Option<FoodUnit> {
    match value.strip_prefix("portion-") {
        Some(i) => i.parse().ok().map(FoodUnit::Portion),
        None => MassUnit::from_symbol(value).map(FoodUnit::Mass),
    }
}

/// The units a food's amount may count: its household portions, g and oz.
pub fn food_unit_choices(food: &Food) -> Vec<(String, String)> {
    food.portions
        .iter()
        .enumerate()
        .map(|(i, p)| (food_unit_value(FoodUnit::Portion(i)), p.label_with_grams()))
        .chain(MassUnit::ALL.map(|u| (u.symbol().to_owned(), u.symbol().to_owned())))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_numbers_read_back() {
        assert_eq!(plain_number(118.0), "118");
        assert_eq!(plain_number(4.162_33), "4.16");
        assert_eq!(plain_number(1500.0), "1500");
    }

    #[test]
    fn food_units_round_trip() {
        for unit in [
            FoodUnit::Portion(0),
            FoodUnit::Portion(7),
            FoodUnit::Mass(MassUnit::Gram),
            FoodUnit::Mass(MassUnit::Ounce),
        ] {
            assert_eq!(food_unit_from_value(&food_unit_value(unit)), Some(unit));
        }
        assert_eq!(food_unit_from_value("portion-x"), None);
        assert_eq!(food_unit_from_value("kg"), None);
    }

    #[test]
    fn a_food_offers_its_portions_then_g_and_oz() {
        let banana = catalog::foods().get("09040".parse().unwrap()).unwrap();
        let choices = food_unit_choices(banana);
        assert_eq!(choices.len(), banana.portions.len() + 2);
        assert_eq!(choices[4].1, "1 medium (7\" to 7-7/8\" long), 118 g");
        assert_eq!(choices[choices.len() - 2].0, "g");
    }
}
