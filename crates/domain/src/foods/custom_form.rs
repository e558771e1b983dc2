//! The own-food form as typed: every field a string, each mineral in the
//! way its label states it (mg, salt in g, or % Daily Value). [`FoodForm::draft`]
//! reads it into a [`CustomFoodDraft`] (whose `check` has the last word),
//! or says in one sentence which field is wrong; [`FoodForm::conversion`]
//! is the line shown under a converted field ("1.2 g salt ÷ 2.5 = 480 mg
//! sodium").

use crate::foods::custom::{Basis, CustomFood, CustomFoodDraft, ServingSize};
use crate::foods::label::{mg_from_daily_value, sodium_from_salt, LabelConversion};
use crate::foods::nutrient::Nutrient;
use crate::units::format::format_number;
use crate::units::quantity::{parse_number, QuantityError};

/// How a figure of the form is stated.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Stated {
    /// In the nutrient's own unit (kcal, g of water, mg of a mineral).
    #[default]
    Amount,
    /// Sodium as grams of salt (EU labels).
    Salt,
    /// A mineral as % of the FDA Daily Value (US labels).
    DailyValue,
}

impl Stated {
    /// The ways `nutrient` can be stated, with their labels, its own unit first.
    pub fn choices(nutrient: Nutrient) -> &'static [(Stated, &'static str)] {
        match nutrient {
            Nutrient::Energy => &[(Stated::Amount, "kcal")],
            Nutrient::Water => &[(Stated::Amount, "g")],
            Nutrient::Sodium => &[
                (Stated::Amount, "mg"),
                (Stated::Salt, "g salt"),
                (Stated::DailyValue, "% DV"),
            ],
            _ => &[(Stated::Amount, "mg"), (Stated::DailyValue, "% DV")],
        }
    }

    /// Its value in a picker.
    pub fn key(self) -> &'static str {
        match self {
            Stated::Amount => "amount",
            Stated::Salt => "salt",
            Stated::DailyValue => "dv",
        }
    }

    /// The way of a picker value made by [`Stated::key`].
    pub fn from_key(key: &str) -> Stated {
        match key {
            "salt" => Stated::Salt,
            "dv" => Stated::DailyValue,
            _ => Stated::Amount,
        }
    }
}

/// The own-food form, as typed.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct FoodForm {
    /// The name.
    pub name: String,
    /// The brand, empty for none.
    pub brand: String,
    /// Whether the values are per serving (else per 100 g).
    pub per_serving: bool,
    /// The serving size, as typed.
    pub serving: String,
    /// Whether the serving is in ml (else g).
    pub serving_in_ml: bool,
    /// g per ml of a serving in ml, as typed; empty = 1.
    pub density: String,
    /// Each value as typed (empty = no data) and how it is stated, in
    /// [`Nutrient::ALL`] order.
    pub values: [(String, Stated); 6],
    /// Household portions: label and grams, as typed; rows left wholly
    /// empty are ignored.
    pub portions: Vec<(String, String)>,
}

/// `text` read as a number, or the field's sentence.
fn number(text: &str, field: &str) -> Result<f64, String> {
    parse_number(text).map_err(|e| match e {
        QuantityError::Negative => format!("{field} cannot be negative."),
        QuantityError::Empty => format!("{field}: enter a number."),
        _ => format!("{field}: “{}” is not a number.", text.trim()),
    })
}

impl FoodForm {
    /// The form of a stored food, values per 100 g in their own units.
    pub fn from_food(food: &CustomFood) -> FoodForm {
        FoodForm {
            name: food.name().to_owned(),
            brand: food.brand().unwrap_or_default().to_owned(),
            values: Nutrient::ALL.map(|n| {
                let text = food
                    .per_100g()
                    .get(n)
                    .map(|v| format_number(v, 2).replace(',', ""))
                    .unwrap_or_default();
                (text, Stated::Amount)
            }),
            portions: food
                .portions()
                .iter()
                .map(|p| (p.label.clone(), format_number(p.grams, 2).replace(',', "")))
                .collect(),
            ..FoodForm::default()
        }
    }

    /// A converted figure of `nutrient` in mg with the conversion in words;
    /// `None` when it is empty or stated in its own unit.
    pub fn conversion(&self, nutrient: Nutrient) -> Option<Result<LabelConversion, String>> {
        let (text, stated) = &self.values[nutrient.index()];
        if text.trim().is_empty() || *stated == Stated::Amount {
            return None;
        }
        let field = match stated {
            Stated::Salt => "Salt".to_owned(),
            _ => format!("{} (% Daily Value)", nutrient.name()),
        };
        Some(number(text, &field).and_then(|v| {
            let converted = match stated {
                Stated::Salt => sodium_from_salt(v),
                _ => mg_from_daily_value(nutrient, v),
            };
            converted.ok_or_else(|| format!("{field} cannot be negative."))
        }))
    }

    /// The draft the form holds, or which field cannot be read.
    pub fn draft(&self) -> Result<CustomFoodDraft, String> {
        let basis = if self.per_serving {
            let size = number(&self.serving, "The serving size")?;
            Basis::PerServing(if self.serving_in_ml {
                let density = match self.density.trim() {
                    "" => 1.0,
                    d => number(d, "The density")?,
                };
                ServingSize::Millilitres { ml: size, density }
            } else {
                ServingSize::Grams(size)
            })
        } else {
            Basis::Per100g
        };
        let mut values = [None; 6];
        for n in Nutrient::ALL {
            let (text, _) = &self.values[n.index()];
            values[n.index()] = match self.conversion(n) {
                Some(converted) => Some(converted?.mg),
                None if text.trim().is_empty() => None,
                None => Some(number(text, n.name())?),
            };
        }
        let portions = self
            .portions
            .iter()
            .filter(|(label, grams)| !(label.trim().is_empty() && grams.trim().is_empty()))
            .map(|(label, grams)| {
                let field = match label.trim() {
                    "" => "A portion’s weight".to_owned(),
                    l => format!("The weight of “{l}”"),
                };
                Ok((label.clone(), number(grams, &field)?))
            })
            .collect::<Result<_, String>>()?;
        Ok(CustomFoodDraft {
            name: self.name.clone(),
            brand: self.brand.clone(),
            basis,
            values,
            portions,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn yogurt_label() -> FoodForm {
        let mut form = FoodForm {
            name: "Greek yogurt 2 %".into(),
            brand: "Fage".into(),
            per_serving: true,
            serving: "125".into(),
            portions: vec![("1 pot".into(), "125".into()), (" ".into(), "".into())],
            ..FoodForm::default()
        };
        form.values[Nutrient::Energy.index()] = ("91".into(), Stated::Amount);
        form.values[Nutrient::Sodium.index()] = ("0,15".into(), Stated::Salt);
        form.values[Nutrient::Calcium.index()] = ("10".into(), Stated::DailyValue);
        form
    }

    #[test]
    fn a_label_per_serving_becomes_values_per_100g() {
        let form = yogurt_label();
        let na = form.conversion(Nutrient::Sodium).unwrap().unwrap();
        assert_eq!(na.text, "0.15 g salt ÷ 2.5 = 60 mg sodium");
        let ca = form.conversion(Nutrient::Calcium).unwrap().unwrap();
        assert!((ca.mg - 130.0).abs() < 1e-9);
        assert_eq!(form.conversion(Nutrient::Energy), None);
        let food = form.draft().unwrap().check().unwrap();
        let per_100g = food.per_100g();
        assert!((per_100g.get(Nutrient::Sodium).unwrap() - 48.0).abs() < 1e-9);
        assert!((per_100g.get(Nutrient::Calcium).unwrap() - 104.0).abs() < 1e-9);
        assert!((per_100g.get(Nutrient::Energy).unwrap() - 72.8).abs() < 1e-9);
        // Left empty: no data, never 0.
        assert_eq!(per_100g.get(Nutrient::Potassium), None);
        // The empty portion row is ignored.
        assert_eq!(food.portions().len(), 1);
        assert_eq!(food.display_name(), "Greek yogurt 2 % (Fage)");
    }

    #[test]
    fn the_edit_form_shows_the_food_back_per_100g() {
        let food = yogurt_label().draft().unwrap().check().unwrap();
        let form = FoodForm::from_food(&food);
        assert!(!form.per_serving);
        assert_eq!(
            form.values[Nutrient::Sodium.index()],
            ("48".into(), Stated::Amount)
        );
        assert_eq!(form.values[Nutrient::Potassium.index()].0, "");
        assert_eq!(form.portions, [("1 pot".to_owned(), "125".to_owned())]);
        assert_eq!(form.draft().unwrap().check().unwrap(), food);
    }

    #[test]
    fn a_millilitre_serving_uses_its_density() {
        let mut form = FoodForm {
            name: "Oat drink".into(),
            per_serving: true,
            serving: "250".into(),
            serving_in_ml: true,
            density: "1.03".into(),
            ..FoodForm::default()
        };
        form.values[Nutrient::Calcium.index()] = ("300".into(), Stated::Amount);
        let food = form.draft().unwrap().check().unwrap();
        let ca = food.per_100g().get(Nutrient::Calcium).unwrap();
        assert!((ca - 300.0 / 2.575).abs() < 1e-9, "{ca}");
        form.density = String::new();
        let food = form.draft().unwrap().check().unwrap();
        assert!((food.per_100g().get(Nutrient::Calcium).unwrap() - 120.0).abs() < 1e-9);
    }

    #[test]
    fn bad_figures_name_their_field() {
        let mut form = yogurt_label();
        form.values[Nutrient::Potassium.index()] = ("abc".into(), Stated::Amount);
        assert_eq!(
            form.draft().unwrap_err(),
            "Potassium: “abc” is not a number."
        );
        form.values[Nutrient::Potassium.index()] = ("-5".into(), Stated::Amount);
        assert_eq!(form.draft().unwrap_err(), "Potassium cannot be negative.");
        form.values[Nutrient::Potassium.index()] = (String::new(), Stated::Amount);
        form.values[Nutrient::Sodium.index()] = ("-1".into(), Stated::Salt);
        assert_eq!(form.draft().unwrap_err(), "Salt cannot be negative.");
        form.values[Nutrient::Sodium.index()] = (String::new(), Stated::Salt);
        form.serving = "0".into();
        assert_eq!(
            form.draft().unwrap().check().unwrap_err().to_string(),
            "A serving must weigh more than 0 g and at most 5 kg."
        );
        form.serving = "x".into();
        assert_eq!(
            form.draft().unwrap_err(),
            "The serving size: “x” is not a number."
        );
        form.serving = "125".into();
        form.portions = vec![("1 pot".into(), "".into())];
        assert_eq!(
            form.draft().unwrap_err(),
            "The weight of “1 pot”: enter a number."
        );
    }

    #[test]
    fn each_nutrient_offers_its_label_ways() {
        assert_eq!(Stated::choices(Nutrient::Sodium).len(), 3);
        assert_eq!(Stated::choices(Nutrient::Potassium).len(), 2);
        assert_eq!(Stated::choices(Nutrient::Energy).len(), 1);
        for (s, _) in Stated::choices(Nutrient::Sodium) {
            assert_eq!(Stated::from_key(s.key()), *s);
        }
    }
}
