//! Supplements counted in the day: magnesium and calcium entered by
//! elemental milligrams, 99 mg potassium tablets and electrolyte drinks
//! (minerals per serving plus their volume as fluid).

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::foods::nutrient::Nutrient;
use crate::units::format::{count, format_amount, format_number};
use crate::units::quantity::{at_least, non_negative, positive, QuantityError};

/// Potassium in one over-the-counter tablet: 99 mg (the most US
/// non-prescription potassium supplements hold).
pub const POTASSIUM_TABLET_MG: f64 = 99.0;

/// The most elemental magnesium or calcium one entry may hold: 5,000 mg.
/// More is a typing slip (or the compound's weight typed in grams as mg).
pub const MAX_ELEMENTAL_MG: f64 = 5_000.0;

/// The least elemental mg of a supplement entry: amounts show with one
/// decimal below 10 mg, so less would read "0 mg".
pub const MIN_ELEMENTAL_MG: f64 = 0.1;

/// The most potassium tablets one entry may hold.
pub const MAX_TABLETS: f64 = 20.0;

/// The most servings of an electrolyte drink one entry may hold.
pub const MAX_SERVINGS: f64 = 20.0;

/// The most of one mineral a serving of an electrolyte drink may hold, in mg.
pub const MAX_DRINK_MINERAL_MG: f64 = 5_000.0;

/// The largest serving volume of an electrolyte drink, in ml.
pub const MAX_SERVING_ML: f64 = 2_000.0;

/// The longest name for an electrolyte drink, in characters.
pub const MAX_NAME_CHARS: usize = 60;

/// One-line caution shown with potassium supplements.
pub const POTASSIUM_CAUTION: &str = "Do not take potassium supplements if you have kidney disease or take medicines that keep potassium in the body (such as ACE inhibitors, ARBs or potassium-sparing diuretics) unless your doctor advises it.";

/// One-line hint for the magnesium and calcium amount fields.
pub const ELEMENTAL_HINT: &str = "Enter the amount of the mineral itself (elemental), as the Supplement Facts label lists it, not the weight of the whole compound.";

/// The forms of magnesium supplement the app offers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MagnesiumForm {
    /// Magnesium citrate.
    Citrate,
    /// Magnesium glycinate (bisglycinate).
    Glycinate,
    /// Magnesium oxide.
    Oxide,
}

impl MagnesiumForm {
    /// Every form, in the order a picker shows them.
    pub const ALL: [MagnesiumForm; 3] = [
        MagnesiumForm::Citrate,
        MagnesiumForm::Glycinate,
        MagnesiumForm::Oxide,
    ];

    /// "Magnesium citrate".
    pub fn label(self) -> &'static str {
        match self {
            MagnesiumForm::Citrate => "Magnesium citrate",
            MagnesiumForm::Glycinate => "Magnesium glycinate",
            MagnesiumForm::Oxide => "Magnesium oxide",
        }
    }
}

/// The forms of calcium supplement the app offers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CalciumForm {
    /// Calcium carbonate.
    Carbonate,
    /// Calcium citrate.
    Citrate,
}

impl CalciumForm {
    /// Every form, in the order a picker shows them.
    pub const ALL: [CalciumForm; 2] = [CalciumForm::Carbonate, CalciumForm::Citrate];

    /// "Calcium carbonate".
    pub fn label(self) -> &'static str {
        match self {
            CalciumForm::Carbonate => "Calcium carbonate",
            CalciumForm::Citrate => "Calcium citrate",
        }
    }
}

/// Minerals in one serving of an electrolyte drink, in mg (0 = none listed).
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
pub struct DrinkMinerals {
    /// Sodium, mg per serving.
    #[serde(rename = "na", default)]
    pub sodium_mg: f64,
    /// Potassium, mg per serving.
    #[serde(rename = "k", default)]
    pub potassium_mg: f64,
    /// Magnesium, mg per serving.
    #[serde(rename = "mg", default)]
    pub magnesium_mg: f64,
    /// Calcium, mg per serving.
    #[serde(rename = "ca", default)]
    pub calcium_mg: f64,
}

impl DrinkMinerals {
    /// The amount of `nutrient` per serving; `None` for anything but the
    /// four minerals.
    pub fn get(&self, nutrient: Nutrient) -> Option<f64> {
        match nutrient {
            Nutrient::Sodium => Some(self.sodium_mg),
            Nutrient::Potassium => Some(self.potassium_mg),
            Nutrient::Magnesium => Some(self.magnesium_mg),
            Nutrient::Calcium => Some(self.calcium_mg),
            Nutrient::Energy | Nutrient::Water => None,
        }
    }
}

/// An electrolyte drink as its label gives it.
#[derive(Debug, Clone, PartialEq)]
pub struct ElectrolyteDrink {
    /// The user's name for it ("" = unnamed).
    pub name: String,
    /// Minerals in one serving.
    pub per_serving: DrinkMinerals,
    /// Volume of one serving as drunk, in ml; counted as fluid (0 for a
    /// powder or tablet taken without water).
    pub serving_ml: f64,
}

/// A supplement entry of the day plan.
#[derive(Debug, Clone, PartialEq)]
pub enum Supplement {
    /// Magnesium, in mg of elemental magnesium.
    Magnesium {
        /// The compound.
        form: MagnesiumForm,
        /// Elemental magnesium in the entry, mg.
        elemental_mg: f64,
    },
    /// Calcium, in mg of elemental calcium.
    Calcium {
        /// The compound.
        form: CalciumForm,
        /// Elemental calcium in the entry, mg.
        elemental_mg: f64,
    },
    /// Potassium tablets of [`POTASSIUM_TABLET_MG`] each.
    Potassium {
        /// How many tablets.
        tablets: u32,
    },
    /// Servings of an electrolyte drink.
    ElectrolyteDrink {
        /// The drink, as its label gives it.
        drink: ElectrolyteDrink,
        /// How many servings.
        servings: f64,
    },
}

/// Why a supplement entry was refused. Every message can be shown as is.
#[derive(Debug, Clone, PartialEq)]
pub enum SupplementError {
    /// The amount (mg, tablets or servings) is not usable.
    Amount(QuantityError),
    /// A field of an electrolyte drink is not usable.
    Field {
        /// The field as the form labels it: "Sodium per serving".
        field: &'static str,
        /// What is wrong with it.
        error: QuantityError,
    },
    /// The drink's name is longer than [`MAX_NAME_CHARS`].
    NameTooLong,
    /// The drink lists no mineral and no volume.
    EmptyDrink,
}

impl fmt::Display for SupplementError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SupplementError::Amount(e) => e.fmt(f),
            SupplementError::Field { field, error } => write!(f, "{field}: {error}"),
            SupplementError::NameTooLong => {
                write!(f, "Keep the name to {MAX_NAME_CHARS} characters or fewer.")
            }
            SupplementError::EmptyDrink => write!(
                f,
                "Enter at least one mineral amount or the volume of a serving."
            ),
        }
    }
}

impl std::error::Error for SupplementError {}

impl Supplement {
    /// Display name: "Magnesium citrate", "Potassium tablets (99 mg)",
    /// "Electrolyte drink: LMNT".
    pub fn name(&self) -> String {
        match self {
            Supplement::Magnesium { form, .. } => form.label().to_owned(),
            Supplement::Calcium { form, .. } => form.label().to_owned(),
            Supplement::Potassium { .. } => format!(
                "Potassium tablets ({} mg)",
                format_number(POTASSIUM_TABLET_MG, 0)
            ),
            Supplement::ElectrolyteDrink { drink, .. } if drink.name.is_empty() => {
                "Electrolyte drink".to_owned()
            }
            Supplement::ElectrolyteDrink { drink, .. } => {
                format!("Electrolyte drink: {}", drink.name)
            }
        }
    }

    /// The number the user edits: elemental mg, tablets or servings.
    pub fn amount(&self) -> f64 {
        match self {
            Supplement::Magnesium { elemental_mg, .. }
            | Supplement::Calcium { elemental_mg, .. } => *elemental_mg,
            Supplement::Potassium { tablets } => f64::from(*tablets),
            Supplement::ElectrolyteDrink { servings, .. } => *servings,
        }
    }

    /// The unit of [`Supplement::amount`]: "mg", "tablets", "servings".
    pub fn amount_unit(&self) -> &'static str {
        match self {
            Supplement::Magnesium { .. } | Supplement::Calcium { .. } => "mg",
            Supplement::Potassium { .. } => "tablets",
            Supplement::ElectrolyteDrink { .. } => "servings",
        }
    }

    /// The amount for people: "200 mg elemental magnesium", "2 tablets
    /// (198 mg potassium)", "1 serving (500 ml)".
    pub fn describe_amount(&self) -> String {
        match self {
            Supplement::Magnesium { elemental_mg, .. } => {
                format!("{} mg elemental magnesium", format_amount(*elemental_mg))
            }
            Supplement::Calcium { elemental_mg, .. } => {
                format!("{} mg elemental calcium", format_amount(*elemental_mg))
            }
            Supplement::Potassium { tablets } => format!(
                "{} ({} mg potassium)",
                count(*tablets as usize, "tablet", "tablets"),
                format_amount(f64::from(*tablets) * POTASSIUM_TABLET_MG)
            ),
            Supplement::ElectrolyteDrink { drink, servings } => {
                let count = format_number(*servings, 2);
                let noun = if count == "1" { "serving" } else { "servings" };
                if drink.serving_ml > 0.0 {
                    format!(
                        "{count} {noun} ({} ml)",
                        format_number(servings * drink.serving_ml, 0)
                    )
                } else {
                    format!("{count} {noun}")
                }
            }
        }
    }

    /// Milligrams of `nutrient` in this entry; `None` when it carries none
    /// of it (which is not "no data": a magnesium tablet has no potassium).
    pub fn mineral_mg(&self, nutrient: Nutrient) -> Option<f64> {
        match (self, nutrient) {
            (Supplement::Magnesium { elemental_mg, .. }, Nutrient::Magnesium)
            | (Supplement::Calcium { elemental_mg, .. }, Nutrient::Calcium) => Some(*elemental_mg),
            (Supplement::Potassium { tablets }, Nutrient::Potassium) => {
                Some(f64::from(*tablets) * POTASSIUM_TABLET_MG)
            }
            (Supplement::ElectrolyteDrink { drink, servings }, n) => drink
                .per_serving
                .get(n)
                .filter(|&mg| mg > 0.0)
                .map(|mg| mg * servings),
            _ => None,
        }
    }

    /// Millilitres of fluid this entry adds (electrolyte drinks only).
    pub fn fluid_ml(&self) -> f64 {
        match self {
            Supplement::ElectrolyteDrink { drink, servings } => drink.serving_ml * servings,
            _ => 0.0,
        }
    }

    /// The caution to show with this entry, if any: potassium tablets and
    /// drinks with potassium carry [`POTASSIUM_CAUTION`].
    pub fn caution(&self) -> Option<&'static str> {
        self.mineral_mg(Nutrient::Potassium)
            .map(|_| POTASSIUM_CAUTION)
    }

    /// This entry checked and tidied (the drink's name trimmed), or why it
    /// is refused.
    pub(crate) fn checked(self) -> Result<Supplement, SupplementError> {
        let amount = self.amount();
        let with_amount = self.with_amount(amount)?;
        match with_amount {
            Supplement::ElectrolyteDrink { drink, servings } => Ok(Supplement::ElectrolyteDrink {
                drink: check_drink(drink)?,
                servings,
            }),
            other => Ok(other),
        }
    }

    /// This entry with its amount (elemental mg, tablets or servings)
    /// replaced by `amount`, or why `amount` is refused.
    pub(crate) fn with_amount(self, amount: f64) -> Result<Supplement, SupplementError> {
        let err = SupplementError::Amount;
        Ok(match self {
            Supplement::Magnesium { form, .. } => Supplement::Magnesium {
                form,
                elemental_mg: at_least(amount, MIN_ELEMENTAL_MG, MAX_ELEMENTAL_MG, "mg")
                    .map_err(err)?,
            },
            Supplement::Calcium { form, .. } => Supplement::Calcium {
                form,
                elemental_mg: at_least(amount, MIN_ELEMENTAL_MG, MAX_ELEMENTAL_MG, "mg")
                    .map_err(err)?,
            },
            Supplement::Potassium { .. } => {
                let tablets = positive(amount, MAX_TABLETS, "tablets").map_err(err)?;
                if tablets.fract() != 0.0 {
                    return Err(err(QuantityError::NotWhole { unit: "tablets" }));
                }
                // Whole and within 1..=MAX_TABLETS, so the cast is exact.
                Supplement::Potassium {
                    tablets: tablets as u32,
                }
            }
            Supplement::ElectrolyteDrink { drink, .. } => Supplement::ElectrolyteDrink {
                drink,
                servings: positive(amount, MAX_SERVINGS, "servings").map_err(err)?,
            },
        })
    }
}

/// `drink` checked, with its name trimmed.
fn check_drink(drink: ElectrolyteDrink) -> Result<ElectrolyteDrink, SupplementError> {
    let name = drink.name.trim().to_owned();
    if name.chars().count() > MAX_NAME_CHARS {
        return Err(SupplementError::NameTooLong);
    }
    let field = |field: &'static str, value: f64, max: f64, unit: &'static str| {
        non_negative(value, max, unit).map_err(|error| SupplementError::Field { field, error })
    };
    let m = drink.per_serving;
    let per_serving = DrinkMinerals {
        sodium_mg: field(
            "Sodium per serving",
            m.sodium_mg,
            MAX_DRINK_MINERAL_MG,
            "mg",
        )?,
        potassium_mg: field(
            "Potassium per serving",
            m.potassium_mg,
            MAX_DRINK_MINERAL_MG,
            "mg",
        )?,
        magnesium_mg: field(
            "Magnesium per serving",
            m.magnesium_mg,
            MAX_DRINK_MINERAL_MG,
            "mg",
        )?,
        calcium_mg: field(
            "Calcium per serving",
            m.calcium_mg,
            MAX_DRINK_MINERAL_MG,
            "mg",
        )?,
    };
    let serving_ml = field("Serving volume", drink.serving_ml, MAX_SERVING_ML, "ml")?;
    let minerals = [
        per_serving.sodium_mg,
        per_serving.potassium_mg,
        per_serving.magnesium_mg,
        per_serving.calcium_mg,
    ];
    if serving_ml == 0.0 && minerals.iter().all(|&mg| mg == 0.0) {
        return Err(SupplementError::EmptyDrink);
    }
    Ok(ElectrolyteDrink {
        name,
        per_serving,
        serving_ml,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn drink() -> ElectrolyteDrink {
        ElectrolyteDrink {
            name: "  Salty lemon ".into(),
            per_serving: DrinkMinerals {
                sodium_mg: 500.0,
                potassium_mg: 200.0,
                magnesium_mg: 60.0,
                calcium_mg: 0.0,
            },
            serving_ml: 500.0,
        }
    }

    #[test]
    fn supplement_amounts_that_would_show_as_zero_are_refused() {
        let mg = Supplement::Magnesium {
            form: MagnesiumForm::Citrate,
            elemental_mg: 0.04,
        };
        assert_eq!(
            mg.clone().checked(),
            Err(SupplementError::Amount(QuantityError::TooSmall {
                min: MIN_ELEMENTAL_MG,
                unit: "mg"
            }))
        );
        assert!(mg.with_amount(0.1).is_ok());
    }

    #[test]
    fn supplements_carry_elemental_minerals() {
        let mg = Supplement::Magnesium {
            form: MagnesiumForm::Oxide,
            elemental_mg: 250.0,
        };
        assert_eq!(mg.mineral_mg(Nutrient::Magnesium), Some(250.0));
        assert_eq!(mg.mineral_mg(Nutrient::Potassium), None);
        assert_eq!(mg.describe_amount(), "250 mg elemental magnesium");
        assert_eq!(mg.name(), "Magnesium oxide");
        assert_eq!(mg.caution(), None);
        assert_eq!(mg.fluid_ml(), 0.0);

        let k = Supplement::Potassium { tablets: 2 };
        assert_eq!(k.mineral_mg(Nutrient::Potassium), Some(198.0));
        assert_eq!(k.describe_amount(), "2 tablets (198 mg potassium)");
        assert_eq!(k.caution(), Some(POTASSIUM_CAUTION));
        assert_eq!(
            Supplement::Potassium { tablets: 1 }.describe_amount(),
            "1 tablet (99 mg potassium)"
        );

        let ca = Supplement::Calcium {
            form: CalciumForm::Citrate,
            elemental_mg: 500.0,
        };
        assert_eq!(ca.mineral_mg(Nutrient::Calcium), Some(500.0));
        assert_eq!(ca.amount_unit(), "mg");
    }

    #[test]
    fn electrolyte_drinks_scale_by_servings_and_add_fluid() {
        let s = Supplement::ElectrolyteDrink {
            drink: drink(),
            servings: 1.5,
        }
        .checked()
        .unwrap();
        assert_eq!(s.name(), "Electrolyte drink: Salty lemon");
        assert_eq!(s.mineral_mg(Nutrient::Sodium), Some(750.0));
        assert_eq!(s.mineral_mg(Nutrient::Magnesium), Some(90.0));
        // A mineral the label does not list is not counted at all.
        assert_eq!(s.mineral_mg(Nutrient::Calcium), None);
        assert_eq!(s.mineral_mg(Nutrient::Water), None);
        assert_eq!(s.fluid_ml(), 750.0);
        assert_eq!(s.describe_amount(), "1.5 servings (750 ml)");
        assert_eq!(s.caution(), Some(POTASSIUM_CAUTION));
    }

    #[test]
    fn bad_amounts_are_refused_with_a_reason() {
        let k = Supplement::Potassium { tablets: 1 };
        assert_eq!(
            k.clone().with_amount(1.5).unwrap_err().to_string(),
            "Enter a whole number of tablets."
        );
        assert!(k.clone().with_amount(21.0).is_err());
        assert!(k.clone().with_amount(0.0).is_err());
        assert_eq!(
            k.with_amount(3.0).unwrap(),
            Supplement::Potassium { tablets: 3 }
        );
        let mg = Supplement::Magnesium {
            form: MagnesiumForm::Citrate,
            elemental_mg: 200.0,
        };
        for bad in [f64::NAN, -200.0, 0.0, 5_000.1, f64::NEG_INFINITY] {
            assert!(mg.clone().with_amount(bad).is_err(), "{bad}");
        }
        assert!(Supplement::Magnesium {
            form: MagnesiumForm::Citrate,
            elemental_mg: f64::NAN
        }
        .checked()
        .is_err());
    }

    #[test]
    fn bad_drinks_name_the_field() {
        let mut negative = drink();
        negative.per_serving.potassium_mg = -1.0;
        let err = Supplement::ElectrolyteDrink {
            drink: negative,
            servings: 1.0,
        }
        .checked()
        .unwrap_err();
        assert_eq!(
            err.to_string(),
            "Potassium per serving: The amount cannot be negative."
        );
        let empty = ElectrolyteDrink {
            name: String::new(),
            per_serving: DrinkMinerals::default(),
            serving_ml: 0.0,
        };
        assert_eq!(
            Supplement::ElectrolyteDrink {
                drink: empty,
                servings: 1.0
            }
            .checked(),
            Err(SupplementError::EmptyDrink)
        );
        let mut long = drink();
        long.name = "x".repeat(MAX_NAME_CHARS + 1);
        assert_eq!(
            Supplement::ElectrolyteDrink {
                drink: long,
                servings: 1.0
            }
            .checked(),
            Err(SupplementError::NameTooLong)
        );
        let mut huge = drink();
        huge.serving_ml = 2_500.0;
        assert!(Supplement::ElectrolyteDrink {
            drink: huge,
            servings: 1.0
        }
        .checked()
        .is_err());
    }

    #[test]
    fn texts_are_single_lines() {
        for text in [POTASSIUM_CAUTION, ELEMENTAL_HINT] {
            assert!(!text.contains('\n') && text.ends_with('.'));
        }
        assert!(POTASSIUM_CAUTION.contains("kidney"));
    }
}
