//! The form helpers every screen that adds to the plan uses: numbers as
//! fields show them, the meal picker and the food-unit choices.

use leptos::prelude::*;

use crate::domain::foods::food::Food;
use crate::domain::planning::plan::{FoodUnit, Meal};
use crate::domain::units::amount::MassUnit;

/// A number as an input field shows it, so that it reads back the same:
/// no grouping, at most two decimals ("118", "0.5", "4.16").
pub fn plain_number(value: f64) -> String {
    ((value * 100.0).round() / 100.0).to_string()
}

/// The `<option>`s of a meal picker.
pub fn meal_options() -> impl IntoView {
    Meal::ALL.map(|m| view! { <option value=m.key()>{m.label()}</option> })
}

/// A labelled meal picker for a form, bound to `meal`; `id` is also its
/// `data-testid`.
#[component]
pub fn MealSelect(
    id: &'static str,
    meal: RwSignal<Meal>,
    #[prop(default = "Meal")] label: &'static str,
) -> impl IntoView {
    view! {
        <div class="field">
            <label for=id>{label}</label>
            <select
                id=id
                data-testid=id
                prop:value=move || meal.get().key()
                on:change=move |ev| {
                    if let Some(m) = Meal::from_key(&event_target_value(&ev)) {
                        meal.set(m);
                    }
                }
            >
                {meal_options()}
            </select>
        </div>
    }
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
    use crate::catalog;

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
        catalog::install_shipped();
        let banana = catalog::foods().get("09040".parse().unwrap()).unwrap();
        let choices = food_unit_choices(banana);
        assert_eq!(choices.len(), banana.portions.len() + 2);
        assert_eq!(choices[4].1, "1 medium (7\" to 7-7/8\" long), 118 g");
        assert_eq!(choices[choices.len() - 2].0, "g");
    }
}
