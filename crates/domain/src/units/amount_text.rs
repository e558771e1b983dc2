//! A nutrient amount with its unit, for people: "422 mg", "5.9 mg",
//! "89 kcal", "250 ml", "2.7 L".

use crate::foods::nutrient::Nutrient;
use crate::units::format::{format_amount, format_number};

/// `amount` of `nutrient` with its unit. Minerals at label precision
/// ("2,600 mg", "5.9 mg"), energy in whole kcal, water (g = ml) in ml below
/// a litre and in litres with up to two decimals from a litre on.
pub fn format_nutrient_amount(nutrient: Nutrient, amount: f64) -> String {
    match nutrient {
        Nutrient::Water if amount.abs() < 999.5 => format!("{} ml", format_number(amount, 0)),
        Nutrient::Water => format!("{} L", format_number(amount / 1000.0, 2)),
        Nutrient::Energy => format!("{} kcal", format_number(amount, 0)),
        _ => format!("{} {}", format_amount(amount), nutrient.unit()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_carry_their_units() {
        assert_eq!(
            format_nutrient_amount(Nutrient::Potassium, 2_600.0),
            "2,600 mg"
        );
        assert_eq!(format_nutrient_amount(Nutrient::Magnesium, 5.94), "5.9 mg");
        assert_eq!(format_nutrient_amount(Nutrient::Energy, 105.02), "105 kcal");
        assert_eq!(format_nutrient_amount(Nutrient::Water, 250.0), "250 ml");
        assert_eq!(format_nutrient_amount(Nutrient::Water, 999.4), "999 ml");
        assert_eq!(format_nutrient_amount(Nutrient::Water, 999.6), "1 L");
        assert_eq!(format_nutrient_amount(Nutrient::Water, 2_700.0), "2.7 L");
        assert_eq!(format_nutrient_amount(Nutrient::Water, 1_254.0), "1.25 L");
    }
}
