//! Label helpers: what a food label states, turned into the values the app
//! keeps, each with a sentence saying how.
//!
//! EU labels state *salt*, which the EU defines as sodium × 2.5 (Regulation
//! 1169/2011, Annex I): sodium = salt ÷ 2.5. US labels state minerals as a
//! *% Daily Value*, against the FDA's Daily Values for adults (21 CFR
//! 101.9(c)(8)(iv), 2016): potassium 4,700 mg, calcium 1,300 mg,
//! magnesium 420 mg, sodium 2,300 mg.

use crate::foods::nutrient::Nutrient;
use crate::units::format::{format_amount, format_number};

/// Grams of salt per gram of sodium, as EU labels count it.
pub const SALT_PER_SODIUM: f64 = 2.5;

/// A label's figure turned into mg, with the conversion in words.
#[derive(Debug, Clone, PartialEq)]
pub struct LabelConversion {
    /// The amount, in mg.
    pub mg: f64,
    /// How it was found, e.g. "1.2 g salt ÷ 2.5 = 480 mg sodium".
    pub text: String,
}

/// The FDA Daily Value of a mineral, in mg; `None` for energy and water.
pub fn fda_daily_value_mg(nutrient: Nutrient) -> Option<f64> {
    match nutrient {
        Nutrient::Potassium => Some(4_700.0),
        Nutrient::Calcium => Some(1_300.0),
        Nutrient::Magnesium => Some(420.0),
        Nutrient::Sodium => Some(2_300.0),
        Nutrient::Energy | Nutrient::Water => None,
    }
}

/// The sodium in `salt_g` grams of salt (EU labels): salt ÷ 2.5; `None`
/// when the figure is not a finite number of at least zero.
pub fn sodium_from_salt(salt_g: f64) -> Option<LabelConversion> {
    if !salt_g.is_finite() || salt_g < 0.0 {
        return None;
    }
    let mg = salt_g * 1000.0 / SALT_PER_SODIUM;
    Some(LabelConversion {
        mg,
        text: format!(
            "{} g salt ÷ 2.5 = {} mg sodium",
            format_number(salt_g, 3),
            format_amount(mg)
        ),
    })
}

/// The mg of a mineral stated as `percent` % Daily Value on a US label;
/// `None` for energy and water or a percent that is not a finite number of
/// at least zero.
pub fn mg_from_daily_value(nutrient: Nutrient, percent: f64) -> Option<LabelConversion> {
    let dv = fda_daily_value_mg(nutrient)?;
    if !percent.is_finite() || percent < 0.0 {
        return None;
    }
    let mg = percent / 100.0 * dv;
    Some(LabelConversion {
        mg,
        text: format!(
            "{} % of the FDA Daily Value of {} mg {} = {} mg",
            format_number(percent, 1),
            format_amount(dv),
            nutrient.name().to_ascii_lowercase(),
            format_amount(mg)
        ),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn salt_becomes_sodium_divided_by_two_and_a_half() {
        let c = sodium_from_salt(1.2).unwrap();
        assert!((c.mg - 480.0).abs() < 1e-9);
        assert_eq!(c.text, "1.2 g salt ÷ 2.5 = 480 mg sodium");
        assert_eq!(sodium_from_salt(0.0).unwrap().mg, 0.0);
        assert_eq!(sodium_from_salt(-1.0), None);
        assert_eq!(sodium_from_salt(f64::NAN), None);
    }

    #[test]
    fn daily_value_percent_becomes_mg_with_the_fda_values() {
        let k = mg_from_daily_value(Nutrient::Potassium, 10.0).unwrap();
        assert!((k.mg - 470.0).abs() < 1e-9);
        assert_eq!(
            k.text,
            "10 % of the FDA Daily Value of 4,700 mg potassium = 470 mg"
        );
        for (n, dv) in [
            (Nutrient::Calcium, 1300.0),
            (Nutrient::Magnesium, 420.0),
            (Nutrient::Sodium, 2300.0),
        ] {
            assert!((mg_from_daily_value(n, 100.0).unwrap().mg - dv).abs() < 1e-9);
        }
        assert!((mg_from_daily_value(Nutrient::Calcium, 15.0).unwrap().mg - 195.0).abs() < 1e-9);
        assert_eq!(mg_from_daily_value(Nutrient::Energy, 10.0), None);
        assert_eq!(mg_from_daily_value(Nutrient::Sodium, -5.0), None);
    }
}
