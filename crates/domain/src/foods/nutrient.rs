//! The nutrients the app tracks, their units and display names.

/// A nutrient the food table carries per 100 g of edible portion.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Nutrient {
    Energy,
    Water,
    Potassium,
    Magnesium,
    Calcium,
    Sodium,
}

impl Nutrient {
    /// Every nutrient, in the order the food table stores them.
    pub const ALL: [Nutrient; 6] = [
        Nutrient::Energy,
        Nutrient::Water,
        Nutrient::Potassium,
        Nutrient::Magnesium,
        Nutrient::Calcium,
        Nutrient::Sodium,
    ];

    /// The four minerals this app is about.
    pub const MINERALS: [Nutrient; 4] = [
        Nutrient::Potassium,
        Nutrient::Magnesium,
        Nutrient::Calcium,
        Nutrient::Sodium,
    ];

    /// The minerals people with cramps want more of (sodium is a ceiling instead).
    pub const WANTED_MINERALS: [Nutrient; 3] =
        [Nutrient::Potassium, Nutrient::Magnesium, Nutrient::Calcium];

    /// Position in [`Nutrient::ALL`], used to index per-food value arrays.
    pub fn index(self) -> usize {
        self as usize
    }

    /// Plain-language name, e.g. "Potassium".
    pub fn name(self) -> &'static str {
        match self {
            Nutrient::Energy => "Energy",
            Nutrient::Water => "Water",
            Nutrient::Potassium => "Potassium",
            Nutrient::Magnesium => "Magnesium",
            Nutrient::Calcium => "Calcium",
            Nutrient::Sodium => "Sodium",
        }
    }

    /// Short label used in compact lists, e.g. "K".
    pub fn symbol(self) -> &'static str {
        match self {
            Nutrient::Energy => "kcal",
            Nutrient::Water => "Water",
            Nutrient::Potassium => "K",
            Nutrient::Magnesium => "Mg",
            Nutrient::Calcium => "Ca",
            Nutrient::Sodium => "Na",
        }
    }

    /// Unit of the values, as USDA gives them.
    pub fn unit(self) -> &'static str {
        match self {
            Nutrient::Energy => "kcal",
            Nutrient::Water => "g",
            _ => "mg",
        }
    }

    /// Stable lowercase key, used in URLs and test ids, e.g. "potassium".
    pub fn key(self) -> &'static str {
        match self {
            Nutrient::Energy => "energy",
            Nutrient::Water => "water",
            Nutrient::Potassium => "potassium",
            Nutrient::Magnesium => "magnesium",
            Nutrient::Calcium => "calcium",
            Nutrient::Sodium => "sodium",
        }
    }

    /// Inverse of [`Nutrient::key`].
    pub fn from_key(key: &str) -> Option<Nutrient> {
        Nutrient::ALL.into_iter().find(|n| n.key() == key)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn index_follows_storage_order() {
        for (i, n) in Nutrient::ALL.iter().enumerate() {
            assert_eq!(n.index(), i);
        }
    }

    #[test]
    fn keys_round_trip() {
        for n in Nutrient::ALL {
            assert_eq!(Nutrient::from_key(n.key()), Some(n));
        }
        assert_eq!(Nutrient::from_key("iron"), None);
    }
}
