//! Numbers people type for the day plan and the targets (counts, volumes,
//! milligrams) and the checks every such number passes: finite, not
//! negative or not zero, and below a plausible maximum.
//!
//! Food masses in g/oz also go through [`crate::units::amount::MAX_GRAMS`]; this
//! module words the refusals for every other kind of quantity.
//!
//! These checks are the one validation of amounts: the forms' checked edits
//! and every stored or imported item (see [`crate::planning::plan`] and
//! [`crate::diary::backup`]) go through them, so an import can hold no
//! amount a form would refuse.

use std::fmt;

use crate::units::decimal::parse_decimal;
use crate::units::format::format_number;

/// Why a typed or given quantity was refused. Every message is a plain
/// sentence that can be shown as is.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum QuantityError {
    /// Nothing was typed.
    Empty,
    /// Not a plain decimal number (or, for numbers from code, NaN or infinite).
    NotANumber,
    /// Below zero where zero is allowed.
    Negative,
    /// Zero or below where only more than zero makes sense.
    NotPositive,
    /// Above zero but below the smallest amount that shows as more than
    /// zero: `min` in `unit`.
    TooSmall {
        /// The least allowed, in `unit`.
        min: f64,
        /// The unit as messages name it.
        unit: &'static str,
    },
    /// More than is plausible for one entry: `max` in `unit`.
    TooLarge {
        /// The most allowed, in `unit`.
        max: f64,
        /// The unit as messages name it: "mg", "ml", "portions".
        unit: &'static str,
    },
    /// A fraction where only whole numbers of `unit` exist (tablets).
    NotWhole {
        /// What is counted, plural: "tablets".
        unit: &'static str,
    },
}

impl fmt::Display for QuantityError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            QuantityError::Empty => write!(f, "Enter an amount."),
            QuantityError::NotANumber => {
                write!(f, "Enter the amount as a plain number, such as 150 or 2.5.")
            }
            QuantityError::Negative => write!(f, "The amount cannot be negative."),
            QuantityError::NotPositive => write!(f, "The amount must be more than zero."),
            QuantityError::TooSmall { min, unit } => write!(
                f,
                "The smallest amount here is {} {unit}. Check the amount and unit.",
                format_number(*min, 2)
            ),
            QuantityError::TooLarge { max, unit } => write!(
                f,
                "That is more than {} {unit} in one entry. Check the amount and unit.",
                format_number(*max, 1)
            ),
            QuantityError::NotWhole { unit } => write!(f, "Enter a whole number of {unit}."),
        }
    }
}

impl std::error::Error for QuantityError {}

/// Parses a number as people type it: plain decimals with `.` or `,` as the
/// decimal mark ("2", "2.5", "2,5", ".5"); zero is accepted, the operation
/// it is meant for decides whether zero makes sense.
///
/// Refuses signs, exponents, spaces inside, "NaN", "inf" and anything else.
pub fn parse_number(text: &str) -> Result<f64, QuantityError> {
    let text = text.trim();
    if text.is_empty() {
        return Err(QuantityError::Empty);
    }
    let decimal = |t: &str| parse_decimal(&t.replace(',', "."));
    if let Some(rest) = text.strip_prefix('-') {
        return match decimal(rest) {
            Some(value) if value > 0.0 => Err(QuantityError::Negative),
            Some(_) => Ok(0.0),
            None => Err(QuantityError::NotANumber),
        };
    }
    decimal(text).ok_or(QuantityError::NotANumber)
}

/// The least of any unit an amount may be: amounts are shown with at most
/// two decimals, so anything less would show as "0 glasses" or "0 g".
pub const MIN_AMOUNT: f64 = 0.01;

/// `value` if it is finite, at least [`MIN_AMOUNT`] and at most `max` (in
/// `unit`).
pub(crate) fn positive(value: f64, max: f64, unit: &'static str) -> Result<f64, QuantityError> {
    at_least(value, MIN_AMOUNT, max, unit)
}

/// `value` if it is finite, at least `min` (more than zero) and at most
/// `max` (in `unit`).
pub(crate) fn at_least(
    value: f64,
    min: f64,
    max: f64,
    unit: &'static str,
) -> Result<f64, QuantityError> {
    if !value.is_finite() {
        Err(QuantityError::NotANumber)
    } else if value <= 0.0 {
        Err(QuantityError::NotPositive)
    } else if value < min {
        Err(QuantityError::TooSmall { min, unit })
    } else if value > max {
        Err(QuantityError::TooLarge { max, unit })
    } else {
        Ok(value)
    }
}

/// `value` if it is finite, zero or more and at most `max` (in `unit`).
pub(crate) fn non_negative(value: f64, max: f64, unit: &'static str) -> Result<f64, QuantityError> {
    if !value.is_finite() {
        Err(QuantityError::NotANumber)
    } else if value < 0.0 {
        Err(QuantityError::Negative)
    } else if value > max {
        Err(QuantityError::TooLarge { max, unit })
    } else {
        Ok(value)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_numbers_as_typed() {
        assert_eq!(parse_number("2"), Ok(2.0));
        assert_eq!(parse_number(" 2.5 "), Ok(2.5));
        assert_eq!(parse_number("2,5"), Ok(2.5));
        assert_eq!(parse_number(".5"), Ok(0.5));
        assert_eq!(parse_number("0"), Ok(0.0));
        assert_eq!(parse_number("-0"), Ok(0.0));
    }

    #[test]
    fn refuses_what_is_not_a_plain_number() {
        assert_eq!(parse_number(""), Err(QuantityError::Empty));
        assert_eq!(parse_number("  "), Err(QuantityError::Empty));
        assert_eq!(parse_number("-3"), Err(QuantityError::Negative));
        assert_eq!(parse_number("-0,5"), Err(QuantityError::Negative));
        for bad in [
            "NaN", "inf", "-inf", "1e3", "1.2.3", "1,5.2", "+5", "--5", "5 ml", "½", ".",
        ] {
            assert_eq!(parse_number(bad), Err(QuantityError::NotANumber), "{bad:?}");
        }
    }

    #[test]
    fn checks_ranges_with_the_unit_in_the_message() {
        assert_eq!(positive(2.0, 10.0, "ml"), Ok(2.0));
        assert_eq!(positive(10.0, 10.0, "ml"), Ok(10.0));
        assert_eq!(positive(0.0, 10.0, "ml"), Err(QuantityError::NotPositive));
        assert_eq!(positive(-1.0, 10.0, "ml"), Err(QuantityError::NotPositive));
        assert_eq!(
            positive(f64::NAN, 10.0, "ml"),
            Err(QuantityError::NotANumber)
        );
        assert_eq!(
            positive(f64::INFINITY, 10.0, "ml"),
            Err(QuantityError::NotANumber)
        );
        let err = positive(5000.5, 5000.0, "ml").unwrap_err();
        assert_eq!(
            err.to_string(),
            "That is more than 5,000 ml in one entry. Check the amount and unit."
        );
        assert_eq!(non_negative(0.0, 10.0, "mg"), Ok(0.0));
        assert_eq!(non_negative(-0.1, 10.0, "mg"), Err(QuantityError::Negative));
        assert_eq!(
            non_negative(f64::NAN, 10.0, "mg"),
            Err(QuantityError::NotANumber)
        );
        assert!(non_negative(11.0, 10.0, "mg").is_err());
    }

    #[test]
    fn amounts_too_small_to_show_are_refused() {
        // "0.0000001 glasses" was added as "0 glasses (0 ml)".
        for tiny in [0.000_000_1, 1e-300, 0.009_999] {
            assert_eq!(
                positive(tiny, 20.0, "glasses (250 ml)"),
                Err(QuantityError::TooSmall {
                    min: MIN_AMOUNT,
                    unit: "glasses (250 ml)"
                })
            );
        }
        assert_eq!(positive(0.01, 20.0, "g"), Ok(0.01));
        assert_eq!(
            positive(1e-7, 20.0, "g").unwrap_err().to_string(),
            "The smallest amount here is 0.01 g. Check the amount and unit."
        );
        assert_eq!(
            at_least(0.5, 1.0, 10.0, "mg"),
            Err(QuantityError::TooSmall {
                min: 1.0,
                unit: "mg"
            })
        );
        assert_eq!(at_least(1.0, 1.0, 10.0, "mg"), Ok(1.0));
    }

    #[test]
    fn messages_are_plain_sentences() {
        for err in [
            QuantityError::Empty,
            QuantityError::NotANumber,
            QuantityError::Negative,
            QuantityError::NotPositive,
            QuantityError::TooSmall {
                min: 0.01,
                unit: "g",
            },
            QuantityError::TooLarge {
                max: 20.0,
                unit: "tablets",
            },
            QuantityError::NotWhole { unit: "tablets" },
        ] {
            let text = err.to_string();
            assert!(text.ends_with('.') && !text.contains("NaN"), "{text}");
        }
        assert_eq!(
            QuantityError::NotWhole { unit: "tablets" }.to_string(),
            "Enter a whole number of tablets."
        );
    }
}
