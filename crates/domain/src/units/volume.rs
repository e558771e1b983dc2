//! Units drinks are logged in: millilitres, glasses and US fluid ounces.

use serde::{Deserialize, Serialize};

use crate::units::format::{format_amount, format_number};

/// A glass, as this app counts it: 250 ml.
pub const GLASS_ML: f64 = 250.0;

/// One US fluid ounce: exactly 29.5735295625 ml.
pub const US_FL_OZ_ML: f64 = 29.573_529_562_5;

/// The most one drink entry may hold: 5,000 ml. More is almost certainly a
/// typing slip (an extra zero, litres typed as glasses).
pub const MAX_DRINK_ML: f64 = 5_000.0;

/// A unit of volume for drinks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum VolumeUnit {
    /// Millilitres.
    Millilitre,
    /// A 250 ml glass ([`GLASS_ML`]).
    Glass,
    /// US fluid ounces ([`US_FL_OZ_ML`]).
    FluidOunce,
    /// A glass of the size the person set (in ml, [`GLASS_ML_RANGE`]), for
    /// the one-tap water counter. Each entry keeps its size, so changing the
    /// setting never changes a past day.
    GlassOf(u16),
}

/// The glass sizes a person may set, in ml.
pub const GLASS_ML_RANGE: std::ops::RangeInclusive<u16> = 50..=1_000;

impl VolumeUnit {
    /// The unit of one glass of `ml`: [`VolumeUnit::Glass`] for the standard
    /// 250 ml glass, else [`VolumeUnit::GlassOf`].
    pub fn glass(ml: u16) -> VolumeUnit {
        if f64::from(ml) == GLASS_ML {
            VolumeUnit::Glass
        } else {
            VolumeUnit::GlassOf(ml)
        }
    }

    /// Whether this unit counts glasses (of any size).
    pub fn is_glass(self) -> bool {
        matches!(self, VolumeUnit::Glass | VolumeUnit::GlassOf(_))
    }

    /// Whether this unit is one the app can store: a set glass size must be
    /// within [`GLASS_ML_RANGE`].
    pub fn is_valid(self) -> bool {
        match self {
            VolumeUnit::GlassOf(ml) => GLASS_ML_RANGE.contains(&ml),
            _ => true,
        }
    }
}

impl VolumeUnit {
    /// Every unit, in the order a picker shows them.
    pub const ALL: [VolumeUnit; 3] = [
        VolumeUnit::Glass,
        VolumeUnit::Millilitre,
        VolumeUnit::FluidOunce,
    ];

    /// Millilitres in one of this unit.
    pub fn ml(self) -> f64 {
        match self {
            VolumeUnit::Millilitre => 1.0,
            VolumeUnit::Glass => GLASS_ML,
            VolumeUnit::FluidOunce => US_FL_OZ_ML,
            VolumeUnit::GlassOf(ml) => f64::from(ml),
        }
    }

    /// Short symbol, also the stable key used in forms: "ml", "glass", "fl oz".
    pub fn symbol(self) -> &'static str {
        match self {
            VolumeUnit::Millilitre => "ml",
            VolumeUnit::Glass | VolumeUnit::GlassOf(_) => "glass",
            VolumeUnit::FluidOunce => "fl oz",
        }
    }

    /// Inverse of [`VolumeUnit::symbol`].
    pub fn from_symbol(symbol: &str) -> Option<VolumeUnit> {
        VolumeUnit::ALL.into_iter().find(|u| u.symbol() == symbol)
    }

    /// Label for a picker, saying what a glass is: "glasses (250 ml)".
    pub fn label(self) -> &'static str {
        match self {
            VolumeUnit::Millilitre => "ml",
            VolumeUnit::Glass => "glasses (250 ml)",
            VolumeUnit::FluidOunce => "US fl oz",
            VolumeUnit::GlassOf(_) => "glasses",
        }
    }

    /// `amount` of this unit for people: "2 glasses (500 ml)", "1 glass
    /// (250 ml)", "330 ml", "8 fl oz (237 ml)".
    pub fn describe(self, amount: f64) -> String {
        let count = format_number(amount, 2);
        // Below 10 ml with one decimal, so a small amount never reads "0 ml".
        let ml = format_amount(amount * self.ml());
        match self {
            VolumeUnit::Millilitre => format!("{count} ml"),
            VolumeUnit::Glass if count == "1" => format!("1 glass ({ml} ml)"),
            VolumeUnit::Glass => format!("{count} glasses ({ml} ml)"),
            VolumeUnit::GlassOf(size) if count == "1" => format!("1 glass of {size} ml"),
            VolumeUnit::GlassOf(size) => format!("{count} glasses of {size} ml ({ml} ml)"),
            VolumeUnit::FluidOunce => format!("{count} fl oz ({ml} ml)"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn units_convert_to_millilitres() {
        assert_eq!(VolumeUnit::Glass.ml() * 2.0, 500.0);
        assert!((VolumeUnit::FluidOunce.ml() * 8.0 - 236.588_236_5).abs() < 1e-9);
        assert_eq!(VolumeUnit::Millilitre.ml(), 1.0);
    }

    #[test]
    fn amounts_read_naturally() {
        assert_eq!(VolumeUnit::Glass.describe(2.0), "2 glasses (500 ml)");
        assert_eq!(VolumeUnit::Glass.describe(1.0), "1 glass (250 ml)");
        assert_eq!(VolumeUnit::Glass.describe(0.5), "0.5 glasses (125 ml)");
        assert_eq!(VolumeUnit::FluidOunce.describe(8.0), "8 fl oz (237 ml)");
        assert_eq!(VolumeUnit::Millilitre.describe(330.0), "330 ml");
        // The smallest amounts still read as more than nothing.
        assert_eq!(VolumeUnit::Millilitre.describe(0.01), "0.01 ml");
        assert_eq!(VolumeUnit::Glass.describe(0.01), "0.01 glasses (2.5 ml)");
        assert_eq!(VolumeUnit::FluidOunce.describe(0.01), "0.01 fl oz (0.3 ml)");
        assert_eq!(VolumeUnit::Glass.label(), "glasses (250 ml)");
    }

    #[test]
    fn symbols_round_trip() {
        for unit in VolumeUnit::ALL {
            assert_eq!(VolumeUnit::from_symbol(unit.symbol()), Some(unit));
        }
        assert_eq!(VolumeUnit::from_symbol("cup"), None);
    }

    #[test]
    fn a_set_glass_size_keeps_its_size() {
        assert_eq!(VolumeUnit::glass(250), VolumeUnit::Glass);
        let big = VolumeUnit::glass(330);
        assert_eq!(big, VolumeUnit::GlassOf(330));
        assert_eq!(big.ml(), 330.0);
        assert_eq!(big.describe(1.0), "1 glass of 330 ml");
        assert_eq!(big.describe(3.0), "3 glasses of 330 ml (990 ml)");
        assert!(big.is_glass() && VolumeUnit::Glass.is_glass());
        assert!(!VolumeUnit::Millilitre.is_glass());
        assert!(big.is_valid());
        assert!(!VolumeUnit::GlassOf(0).is_valid());
        assert!(!VolumeUnit::GlassOf(5_000).is_valid());
        // The stored form names the size.
        assert_eq!(serde_json::to_string(&big).unwrap(), r#"{"glass_of":330}"#);
        assert_eq!(
            serde_json::to_string(&VolumeUnit::Glass).unwrap(),
            r#""glass""#
        );
    }
}
