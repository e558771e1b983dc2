//! One food of the table: its NDB number, description, group, nutrient
//! values per 100 g and household portions.

use std::fmt;
use std::str::FromStr;

use crate::foods::nutrient::Nutrient;

/// USDA SR Nutrient Databank number: always shown as 5 digits (`09040`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct NdbNumber(u32);

impl NdbNumber {
    /// The largest NDB number that fits five digits.
    pub const MAX: u32 = 99_999;

    /// Wraps a number, or `None` if it needs more than five digits.
    pub fn new(value: u32) -> Option<NdbNumber> {
        (value <= Self::MAX).then_some(NdbNumber(value))
    }

    pub fn value(self) -> u32 {
        self.0
    }
}

impl fmt::Display for NdbNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:05}", self.0)
    }
}

/// Why a text is not an NDB number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotAnNdbNumber;

impl FromStr for NdbNumber {
    type Err = NotAnNdbNumber;

    /// Accepts exactly five ASCII digits, as USDA writes them.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        if s.len() == 5 && s.bytes().all(|b| b.is_ascii_digit()) {
            s.parse().map(NdbNumber).map_err(|_| NotAnNdbNumber)
        } else {
            Err(NotAnNdbNumber)
        }
    }
}

/// Index of a food group in [`crate::foods::food_table::FoodTable::groups`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FoodGroupId(pub u8);

/// A USDA food group, e.g. `0900` "Fruits and Fruit Juices".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FoodGroup {
    pub code: &'static str,
    pub name: &'static str,
}

/// Nutrient values per 100 g of edible portion. `None` means USDA has no
/// value for this food, which is *not* the same as zero.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct NutrientValues([Option<f64>; 6]);

impl NutrientValues {
    pub fn new(values: [Option<f64>; 6]) -> NutrientValues {
        NutrientValues(values)
    }

    /// The value per 100 g, or `None` when unknown.
    pub fn get(&self, nutrient: Nutrient) -> Option<f64> {
        self.0[nutrient.index()]
    }
}

/// A household measure from SR28's WEIGHT table: `amount` `unit` weighs `grams`.
#[derive(Debug, Clone, PartialEq)]
pub struct Portion {
    pub amount: f64,
    pub unit: &'static str,
    pub grams: f64,
}

impl Portion {
    /// "1 medium (7\" to 7-7/8\" long)".
    pub fn label(&self) -> String {
        format!("{} {}", self.amount, self.unit)
    }

    /// "1 medium (7\" to 7-7/8\" long), 118 g".
    pub fn label_with_grams(&self) -> String {
        format!("{}, {} g", self.label(), self.grams)
    }
}

/// One food of the USDA table.
#[derive(Debug, Clone, PartialEq)]
pub struct Food {
    pub ndb: NdbNumber,
    pub description: &'static str,
    pub group: FoodGroupId,
    pub per_100g: NutrientValues,
    /// Household portions in USDA's order (which says nothing of what one
    /// eats: see [`crate::foods::default_serving`] for that).
    pub portions: Vec<Portion>,
}

impl Food {
    /// Amount of `nutrient` in `grams` of this food; `None` when unknown.
    pub fn amount_in(&self, nutrient: Nutrient, grams: f64) -> Option<f64> {
        self.per_100g.get(nutrient).map(|v| v * grams / 100.0)
    }
}

/// Foods for unit tests across the crate.
#[cfg(test)]
pub(crate) mod test_foods {
    use super::*;

    /// USDA's "Bananas, raw" (09040) with its sodium blanked out, to
    /// exercise "no data"; one portion, 1 medium = 118 g.
    pub(crate) fn banana_without_sodium() -> Food {
        Food {
            ndb: NdbNumber(9040),
            description: "Bananas, raw",
            group: FoodGroupId(8),
            per_100g: NutrientValues::new([
                Some(89.0),
                Some(74.91),
                Some(358.0),
                Some(27.0),
                Some(5.0),
                None,
            ]),
            portions: vec![Portion {
                amount: 1.0,
                unit: "medium (7\" to 7-7/8\" long)",
                grams: 118.0,
            }],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ndb_numbers_keep_leading_zeros() {
        let n: NdbNumber = "09040".parse().unwrap();
        assert_eq!(n.value(), 9040);
        assert_eq!(n.to_string(), "09040");
    }

    #[test]
    fn ndb_numbers_must_be_five_digits() {
        for bad in ["9040", "090400", "0904a", "", "-9040", "+9040", " 9040"] {
            assert_eq!(bad.parse::<NdbNumber>(), Err(NotAnNdbNumber), "{bad:?}");
        }
        assert!(NdbNumber::new(100_000).is_none());
    }

    #[test]
    fn portion_math_scales_per_100g_values() {
        let banana = test_foods::banana_without_sodium();
        let k = banana.amount_in(Nutrient::Potassium, 118.0).unwrap();
        assert!((k - 422.44).abs() < 1e-9);
        assert_eq!(banana.amount_in(Nutrient::Sodium, 118.0), None);
    }

    #[test]
    fn portion_labels_read_naturally() {
        let p = Portion {
            amount: 1.0,
            unit: "medium (7\" to 7-7/8\" long)",
            grams: 118.0,
        };
        assert_eq!(
            p.label_with_grams(),
            "1 medium (7\" to 7-7/8\" long), 118 g"
        );
        let half = Portion {
            amount: 0.5,
            unit: "cup",
            grams: 75.5,
        };
        assert_eq!(half.label_with_grams(), "0.5 cup, 75.5 g");
    }
}
