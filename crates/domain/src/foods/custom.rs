//! The user's own foods, typed from a label: name, brand, the six values
//! (each may be left empty = "no data", never 0) given per 100 g or per
//! serving, and the household portions the person uses.
//!
//! A [`CustomFoodDraft`] is what a form holds; [`CustomFoodDraft::check`]
//! turns it into a [`CustomFood`] (values always kept per 100 g) or says in
//! one plain sentence what is wrong.

use std::fmt;

use crate::foods::food::NutrientValues;
use crate::foods::nutrient::Nutrient;
use crate::units::amount::MAX_GRAMS;
use crate::units::format::format_number;

/// The longest name or brand, in characters.
pub const MAX_NAME_CHARS: usize = 80;

/// The longest household portion label, in characters.
pub const MAX_PORTION_LABEL_CHARS: usize = 40;

/// The most household portions one food may list.
pub const MAX_PORTIONS: usize = 12;

/// At most this many mg of a mineral per 100 g: 100 g of it.
pub const MAX_MINERAL_MG_PER_100G: f64 = 100_000.0;

/// At most this many kcal per 100 g (pure fat has about 900).
pub const MAX_KCAL_PER_100G: f64 = 900.0;

/// The densities a serving in ml may have, in g/ml (oils ~0.9, syrups ~1.4).
pub const DENSITY_RANGE: (f64, f64) = (0.3, 3.0);

/// A household portion of an own food: "1 pot" weighing 125 g.
#[derive(Debug, Clone, PartialEq)]
pub struct HouseholdPortion {
    /// What it is called, e.g. "1 pot".
    pub label: String,
    /// What it weighs, in g.
    pub grams: f64,
}

impl HouseholdPortion {
    /// "1 pot, 125 g".
    pub fn label_with_grams(&self) -> String {
        format!("{}, {} g", self.label, format_number(self.grams, 1))
    }
}

/// How big a label's serving is.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum ServingSize {
    /// A serving in grams.
    Grams(f64),
    /// A serving in ml, weighing `density` g per ml (1 for most drinks).
    Millilitres {
        /// The volume, in ml.
        ml: f64,
        /// g per ml.
        density: f64,
    },
}

impl ServingSize {
    /// A serving of `ml` with the default density of 1 g/ml.
    pub fn ml(ml: f64) -> ServingSize {
        ServingSize::Millilitres { ml, density: 1.0 }
    }

    /// The serving's weight in g, or why it is not usable.
    pub fn grams(self) -> Result<f64, CustomFoodError> {
        let grams = match self {
            ServingSize::Grams(g) => g,
            ServingSize::Millilitres { ml, density } => {
                let (low, high) = DENSITY_RANGE;
                if !density.is_finite() || !(low..=high).contains(&density) {
                    return Err(CustomFoodError::Density);
                }
                ml * density
            }
        };
        if grams.is_finite() && grams > 0.0 && grams <= MAX_GRAMS {
            Ok(grams)
        } else {
            Err(CustomFoodError::Serving)
        }
    }
}

/// What the values of a draft are given for.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Basis {
    /// Per 100 g (EU labels, or 100 ml at 1 g/ml).
    Per100g,
    /// Per serving of this size (US labels).
    PerServing(ServingSize),
}

/// A custom food as a form holds it, before it is checked.
#[derive(Debug, Clone, PartialEq)]
pub struct CustomFoodDraft {
    /// The name, e.g. "Greek yogurt, 2 %"; trimmed when checked.
    pub name: String,
    /// The brand, empty for none; trimmed when checked.
    pub brand: String,
    /// What [`CustomFoodDraft::values`] are given for.
    pub basis: Basis,
    /// Energy (kcal), water (g), K, Mg, Ca, Na (mg), in [`Nutrient::ALL`]
    /// order; `None` = "no data".
    pub values: [Option<f64>; 6],
    /// Household portions: label and grams.
    pub portions: Vec<(String, f64)>,
}

/// Why a draft was refused. Every message is a plain sentence.
#[derive(Debug, Clone, PartialEq)]
pub enum CustomFoodError {
    /// The name is empty.
    EmptyName,
    /// The name or brand is longer than [`MAX_NAME_CHARS`].
    LongName,
    /// A value is negative or not a number.
    NegativeValue(Nutrient),
    /// A value is more than a food can hold per 100 g.
    AbsurdValue(Nutrient),
    /// The serving is 0 g or more than 5 kg.
    Serving,
    /// The density is outside [`DENSITY_RANGE`].
    Density,
    /// A portion has no label, a too long one, or a weight of 0 g or over 5 kg.
    Portion,
    /// More than [`MAX_PORTIONS`] portions.
    TooManyPortions,
}

impl fmt::Display for CustomFoodError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CustomFoodError::EmptyName => write!(f, "Give the food a name."),
            CustomFoodError::LongName => write!(
                f,
                "A name or brand can have at most {MAX_NAME_CHARS} characters."
            ),
            CustomFoodError::NegativeValue(n) => write!(
                f,
                "{} cannot be negative: enter a number of at least 0, or leave it empty for no data.",
                n.name()
            ),
            CustomFoodError::AbsurdValue(n) => match n {
                Nutrient::Energy => write!(
                    f,
                    "Energy is more than {MAX_KCAL_PER_100G} kcal per 100 g, which no food has. Check the number and the serving size."
                ),
                Nutrient::Water => write!(
                    f,
                    "Water is more than 100 g per 100 g. Check the number and the serving size."
                ),
                _ => write!(
                    f,
                    "{} is more than 100 g per 100 g of food. Check the number (mg, not µg) and the serving size.",
                    n.name()
                ),
            },
            CustomFoodError::Serving => write!(
                f,
                "A serving must weigh more than 0 g and at most 5 kg."
            ),
            CustomFoodError::Density => write!(
                f,
                "The density must be between {} and {} g per ml (water is 1).",
                DENSITY_RANGE.0, DENSITY_RANGE.1
            ),
            CustomFoodError::Portion => write!(
                f,
                "Each portion needs a name of at most {MAX_PORTION_LABEL_CHARS} characters and a weight above 0 g and at most 5 kg."
            ),
            CustomFoodError::TooManyPortions => {
                write!(f, "A food can have at most {MAX_PORTIONS} portions.")
            }
        }
    }
}

impl std::error::Error for CustomFoodError {}

/// One of the user's own foods, checked; values per 100 g.
#[derive(Debug, Clone, PartialEq)]
pub struct CustomFood {
    name: String,
    brand: Option<String>,
    per_100g: NutrientValues,
    portions: Vec<HouseholdPortion>,
}

/// `text` trimmed, if it has at most `max` characters.
pub(crate) fn trimmed(text: &str, max: usize) -> Option<String> {
    let text = text.trim();
    (text.chars().count() <= max).then(|| text.to_owned())
}

impl CustomFoodDraft {
    /// An empty draft with values per 100 g.
    pub fn new(name: &str) -> CustomFoodDraft {
        CustomFoodDraft {
            name: name.to_owned(),
            brand: String::new(),
            basis: Basis::Per100g,
            values: [None; 6],
            portions: Vec::new(),
        }
    }

    /// Sets one value (in the draft's basis); for chaining in code and tests.
    pub fn with(mut self, nutrient: Nutrient, value: f64) -> CustomFoodDraft {
        self.values[nutrient.index()] = Some(value);
        self
    }

    /// The checked food, values converted to per 100 g, or the first problem.
    pub fn check(&self) -> Result<CustomFood, CustomFoodError> {
        let name = trimmed(&self.name, MAX_NAME_CHARS).ok_or(CustomFoodError::LongName)?;
        if name.is_empty() {
            return Err(CustomFoodError::EmptyName);
        }
        let brand = trimmed(&self.brand, MAX_NAME_CHARS).ok_or(CustomFoodError::LongName)?;
        let scale = match self.basis {
            Basis::Per100g => 1.0,
            Basis::PerServing(size) => 100.0 / size.grams()?,
        };
        let mut per_100g = [None; 6];
        for n in Nutrient::ALL {
            let Some(value) = self.values[n.index()] else {
                continue;
            };
            if !value.is_finite() || value < 0.0 {
                return Err(CustomFoodError::NegativeValue(n));
            }
            let value = value * scale;
            if value > max_per_100g(n) * (1.0 + 1e-9) {
                return Err(CustomFoodError::AbsurdValue(n));
            }
            per_100g[n.index()] = Some(value);
        }
        if self.portions.len() > MAX_PORTIONS {
            return Err(CustomFoodError::TooManyPortions);
        }
        let portions = self
            .portions
            .iter()
            .map(|(label, grams)| {
                let label = trimmed(label, MAX_PORTION_LABEL_CHARS)
                    .filter(|l| !l.is_empty())
                    .ok_or(CustomFoodError::Portion)?;
                ServingSize::Grams(*grams)
                    .grams()
                    .map(|grams| HouseholdPortion { label, grams })
                    .map_err(|_| CustomFoodError::Portion)
            })
            .collect::<Result<_, _>>()?;
        Ok(CustomFood {
            name,
            brand: (!brand.is_empty()).then_some(brand),
            per_100g: NutrientValues::new(per_100g),
            portions,
        })
    }
}

/// The most a food can hold of `nutrient` per 100 g.
fn max_per_100g(nutrient: Nutrient) -> f64 {
    match nutrient {
        Nutrient::Energy => MAX_KCAL_PER_100G,
        Nutrient::Water => 100.0,
        _ => MAX_MINERAL_MG_PER_100G,
    }
}

impl CustomFood {
    /// The name, trimmed.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The brand, if any.
    pub fn brand(&self) -> Option<&str> {
        self.brand.as_deref()
    }

    /// "Greek yogurt (Fage)", or the name alone without a brand.
    pub fn display_name(&self) -> String {
        match &self.brand {
            Some(brand) => format!("{} ({brand})", self.name),
            None => self.name.clone(),
        }
    }

    /// The values per 100 g; `None` = no data.
    pub fn per_100g(&self) -> NutrientValues {
        self.per_100g
    }

    /// The household portions, in the order given.
    pub fn portions(&self) -> &[HouseholdPortion] {
        &self.portions
    }

    /// The values in `grams` of it; `None` = no data.
    pub fn values_in(&self, grams: f64) -> NutrientValues {
        scale_values(self.per_100g, grams / 100.0)
    }

    /// The draft this food was checked from, values per 100 g: for the edit form.
    pub fn to_draft(&self) -> CustomFoodDraft {
        CustomFoodDraft {
            name: self.name.clone(),
            brand: self.brand.clone().unwrap_or_default(),
            basis: Basis::Per100g,
            values: Nutrient::ALL.map(|n| self.per_100g.get(n)),
            portions: self
                .portions
                .iter()
                .map(|p| (p.label.clone(), p.grams))
                .collect(),
        }
    }

    /// The draft with values per serving of `size`: for showing a label's
    /// figures back.
    pub fn to_draft_per_serving(
        &self,
        size: ServingSize,
    ) -> Result<CustomFoodDraft, CustomFoodError> {
        let factor = size.grams()? / 100.0;
        Ok(CustomFoodDraft {
            basis: Basis::PerServing(size),
            values: Nutrient::ALL.map(|n| self.per_100g.get(n).map(|v| v * factor)),
            ..self.to_draft()
        })
    }
}

/// Every known value of `values` times `factor`.
pub(crate) fn scale_values(values: NutrientValues, factor: f64) -> NutrientValues {
    NutrientValues::new(Nutrient::ALL.map(|n| values.get(n).map(|v| v * factor)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn yogurt_per_pot() -> CustomFoodDraft {
        CustomFoodDraft {
            name: "  Greek yogurt  ".into(),
            brand: " Fage ".into(),
            basis: Basis::PerServing(ServingSize::Grams(125.0)),
            values: [
                Some(121.25),
                None,
                Some(175.0),
                Some(13.75),
                Some(125.0),
                Some(45.0),
            ],
            portions: vec![("1 pot".into(), 125.0)],
        }
    }

    #[test]
    fn values_per_serving_are_kept_per_100g_and_back() {
        let food = yogurt_per_pot().check().unwrap();
        assert_eq!(food.name(), "Greek yogurt");
        assert_eq!(food.display_name(), "Greek yogurt (Fage)");
        let p = food.per_100g();
        assert!((p.get(Nutrient::Potassium).unwrap() - 140.0).abs() < 1e-9);
        assert!((p.get(Nutrient::Sodium).unwrap() - 36.0).abs() < 1e-9);
        assert_eq!(p.get(Nutrient::Water), None, "no data stays no data");
        let back = food
            .to_draft_per_serving(ServingSize::Grams(125.0))
            .unwrap();
        for n in Nutrient::ALL {
            match (back.values[n.index()], yogurt_per_pot().values[n.index()]) {
                (Some(a), Some(b)) => assert!((a - b).abs() < 1e-9),
                (a, b) => assert_eq!(a, b),
            }
        }
        assert_eq!(food.to_draft().check().unwrap(), food);
        assert_eq!(food.portions()[0].label_with_grams(), "1 pot, 125 g");
        let pot = food.values_in(125.0);
        assert!((pot.get(Nutrient::Potassium).unwrap() - 175.0).abs() < 1e-9);
    }

    #[test]
    fn a_serving_in_ml_uses_the_density() {
        let mut draft = CustomFoodDraft::new("Oat drink").with(Nutrient::Calcium, 300.0);
        draft.basis = Basis::PerServing(ServingSize::ml(250.0));
        let food = draft.check().unwrap();
        assert!((food.per_100g().get(Nutrient::Calcium).unwrap() - 120.0).abs() < 1e-9);
        draft.basis = Basis::PerServing(ServingSize::Millilitres {
            ml: 100.0,
            density: 1.25,
        });
        let food = draft.check().unwrap();
        assert!((food.per_100g().get(Nutrient::Calcium).unwrap() - 240.0).abs() < 1e-9);
        draft.basis = Basis::PerServing(ServingSize::Millilitres {
            ml: 100.0,
            density: 0.0,
        });
        assert_eq!(draft.check(), Err(CustomFoodError::Density));
    }

    #[test]
    fn bad_input_is_refused_in_plain_sentences() {
        let refused = |draft: CustomFoodDraft| draft.check().unwrap_err();
        assert_eq!(
            refused(CustomFoodDraft::new("   ")),
            CustomFoodError::EmptyName
        );
        assert_eq!(
            refused(CustomFoodDraft::new(&"x".repeat(81))),
            CustomFoodError::LongName
        );
        assert!(CustomFoodDraft::new(&"é".repeat(80)).check().is_ok());
        let negative = CustomFoodDraft::new("Bread").with(Nutrient::Sodium, -1.0);
        assert_eq!(
            refused(negative),
            CustomFoodError::NegativeValue(Nutrient::Sodium)
        );
        let nan = CustomFoodDraft::new("Bread").with(Nutrient::Sodium, f64::NAN);
        assert_eq!(
            refused(nan),
            CustomFoodError::NegativeValue(Nutrient::Sodium)
        );
        let absurd = CustomFoodDraft::new("Salt?").with(Nutrient::Potassium, 100_001.0);
        assert_eq!(
            refused(absurd),
            CustomFoodError::AbsurdValue(Nutrient::Potassium)
        );
        // 5 g of magnesium in a 4 g serving is more than 100 g per 100 g.
        let mut tiny = CustomFoodDraft::new("Pill").with(Nutrient::Magnesium, 5_000.0);
        tiny.basis = Basis::PerServing(ServingSize::Grams(4.0));
        assert_eq!(
            refused(tiny),
            CustomFoodError::AbsurdValue(Nutrient::Magnesium)
        );
        for grams in [0.0, -5.0, 5_000.1, f64::INFINITY] {
            let mut d = CustomFoodDraft::new("Soup");
            d.basis = Basis::PerServing(ServingSize::Grams(grams));
            assert_eq!(refused(d), CustomFoodError::Serving, "{grams}");
        }
        let mut d = CustomFoodDraft::new("Soup");
        d.portions = vec![("1 bowl".into(), 0.0)];
        assert_eq!(refused(d.clone()), CustomFoodError::Portion);
        d.portions = vec![(" ".into(), 300.0)];
        assert_eq!(refused(d.clone()), CustomFoodError::Portion);
        d.portions = vec![("1 bowl".into(), 300.0); 13];
        assert_eq!(refused(d), CustomFoodError::TooManyPortions);
        assert_eq!(
            CustomFoodError::AbsurdValue(Nutrient::Potassium).to_string(),
            "Potassium is more than 100 g per 100 g of food. Check the number (mg, not µg) and the serving size."
        );
        assert_eq!(
            CustomFoodError::Serving.to_string(),
            "A serving must weigh more than 0 g and at most 5 kg."
        );
    }

    #[test]
    fn hostile_names_are_kept_as_plain_text() {
        let name = "<img src=x onerror=alert(1)> & \"Oma's\" soup";
        let food = CustomFoodDraft::new(name).check().unwrap();
        assert_eq!(food.name(), name);
    }
}
