//! Units drinks are logged in: millilitres, glasses and US fluid ounces.

use serde::{Deserialize, Serialize};

use super::format::format_number;

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
        }
    }

    /// Short symbol, also the stable key used in forms: "ml", "glass", "fl oz".
    pub fn symbol(self) -> &'static str {
        match self {
            VolumeUnit::Millilitre => "ml",
            VolumeUnit::Glass => "glass",
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
        }
    }

    /// `amount` of this unit for people: "2 glasses (500 ml)", "1 glass
    /// (250 ml)", "330 ml", "8 fl oz (237 ml)".
    pub fn describe(self, amount: f64) -> String {
        let count = format_number(amount, 2);
        let ml = format_number(amount * self.ml(), 0);
        match self {
            VolumeUnit::Millilitre => format!("{ml} ml"),
            VolumeUnit::Glass if count == "1" => format!("1 glass ({ml} ml)"),
            VolumeUnit::Glass => format!("{count} glasses ({ml} ml)"),
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
        assert_eq!(VolumeUnit::Glass.label(), "glasses (250 ml)");
    }

    #[test]
    fn symbols_round_trip() {
        for unit in VolumeUnit::ALL {
            assert_eq!(VolumeUnit::from_symbol(unit.symbol()), Some(unit));
        }
        assert_eq!(VolumeUnit::from_symbol("cup"), None);
    }
}
