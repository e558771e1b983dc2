//! Amounts of food the user types: parsing, units and sanity limits.

use std::fmt;

use crate::units::decimal::parse_decimal;
use crate::units::format::format_number;

/// A unit of mass the user can type an amount in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MassUnit {
    Gram,
    Ounce,
}

impl MassUnit {
    pub const ALL: [MassUnit; 2] = [MassUnit::Gram, MassUnit::Ounce];

    /// Grams in one of this unit (avoirdupois ounce: exactly 28.349523125 g).
    pub fn grams(self) -> f64 {
        match self {
            MassUnit::Gram => 1.0,
            MassUnit::Ounce => 28.349_523_125,
        }
    }

    /// Short symbol, also the stable key used in forms: "g" or "oz".
    pub fn symbol(self) -> &'static str {
        match self {
            MassUnit::Gram => "g",
            MassUnit::Ounce => "oz",
        }
    }

    /// Inverse of [`MassUnit::symbol`].
    pub fn from_symbol(symbol: &str) -> Option<MassUnit> {
        MassUnit::ALL.into_iter().find(|u| u.symbol() == symbol)
    }
}

/// The most of one food a single entry may weigh: 5 kg. Anything more is
/// almost certainly a typing slip (an extra zero, grams typed as mg).
pub const MAX_GRAMS: f64 = 5_000.0;

/// Why a typed amount was refused.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum AmountError {
    Empty,
    NotANumber,
    NotPositive,
    TooLarge { max: f64, unit: MassUnit },
}

impl fmt::Display for AmountError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AmountError::Empty => write!(f, "Enter an amount."),
            AmountError::NotANumber => {
                write!(f, "Enter the amount as a plain number, such as 150 or 2.5.")
            }
            AmountError::NotPositive => write!(f, "The amount must be more than zero."),
            AmountError::TooLarge { max, unit } => write!(
                f,
                "That is more than {} {} of one food. Check the amount and unit.",
                format_number(*max, 1),
                unit.symbol()
            ),
        }
    }
}

impl std::error::Error for AmountError {}

/// Parses a typed amount in `unit` and returns it in grams.
///
/// Accepts plain decimals with `.` or `,` as the decimal mark ("150", "2.5",
/// "2,5"); refuses exponents, infinities, signs and anything else, so a
/// result is always a finite, positive, plausible number of grams.
pub fn parse_grams(text: &str, unit: MassUnit) -> Result<f64, AmountError> {
    let text = text.trim();
    if text.is_empty() {
        return Err(AmountError::Empty);
    }
    if text.starts_with('-') && is_plain_decimal(&text[1..]) {
        return Err(AmountError::NotPositive);
    }
    if !is_plain_decimal(text) {
        return Err(AmountError::NotANumber);
    }
    let value = parse_decimal(&text.replace(',', ".")).ok_or(AmountError::NotANumber)?;
    let grams = value * unit.grams();
    if grams <= 0.0 {
        Err(AmountError::NotPositive)
    } else if grams > MAX_GRAMS {
        Err(AmountError::TooLarge {
            max: MAX_GRAMS / unit.grams(),
            unit,
        })
    } else {
        Ok(grams)
    }
}

/// Digits with at most one decimal mark and at least one digit.
fn is_plain_decimal(text: &str) -> bool {
    let marks = text.chars().filter(|c| matches!(c, '.' | ',')).count();
    let digits = text.chars().filter(char::is_ascii_digit).count();
    marks <= 1
        && digits > 0
        && text
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_plain_amounts() {
        assert_eq!(parse_grams("150", MassUnit::Gram), Ok(150.0));
        assert_eq!(parse_grams(" 2.5 ", MassUnit::Gram), Ok(2.5));
        assert_eq!(parse_grams("2,5", MassUnit::Gram), Ok(2.5));
        assert_eq!(parse_grams(".5", MassUnit::Gram), Ok(0.5));
        let oz = parse_grams("4", MassUnit::Ounce).unwrap();
        assert!((oz - 113.3981).abs() < 1e-4);
    }

    #[test]
    fn refuses_bad_amounts_with_a_reason() {
        assert_eq!(parse_grams("", MassUnit::Gram), Err(AmountError::Empty));
        assert_eq!(parse_grams("   ", MassUnit::Gram), Err(AmountError::Empty));
        assert_eq!(
            parse_grams("-5", MassUnit::Gram),
            Err(AmountError::NotPositive)
        );
        assert_eq!(
            parse_grams("0", MassUnit::Gram),
            Err(AmountError::NotPositive)
        );
        assert_eq!(
            parse_grams("0.000", MassUnit::Ounce),
            Err(AmountError::NotPositive)
        );
        for bad in [
            "abc", "NaN", "inf", "1e9", "1.2.3", "1,5.2", ".", "5 g", "+5", "--5",
        ] {
            assert_eq!(
                parse_grams(bad, MassUnit::Gram),
                Err(AmountError::NotANumber),
                "{bad:?}"
            );
        }
    }

    #[test]
    fn refuses_absurd_amounts() {
        assert!(parse_grams("5000", MassUnit::Gram).is_ok());
        assert_eq!(
            parse_grams("5000.1", MassUnit::Gram),
            Err(AmountError::TooLarge {
                max: 5000.0,
                unit: MassUnit::Gram
            })
        );
        let err = parse_grams("1000", MassUnit::Ounce).unwrap_err();
        assert_eq!(
            err.to_string(),
            "That is more than 176.4 oz of one food. Check the amount and unit."
        );
        assert!(parse_grams("99999999999999999999999999", MassUnit::Gram).is_err());
    }

    #[test]
    fn error_messages_are_plain_sentences() {
        for err in [
            AmountError::Empty,
            AmountError::NotANumber,
            AmountError::NotPositive,
        ] {
            let text = err.to_string();
            assert!(text.ends_with('.') && !text.contains("NaN"), "{text}");
        }
    }

    #[test]
    fn units_round_trip_their_symbols() {
        for unit in MassUnit::ALL {
            assert_eq!(MassUnit::from_symbol(unit.symbol()), Some(unit));
        }
        assert_eq!(MassUnit::from_symbol("lb"), None);
    }
}
