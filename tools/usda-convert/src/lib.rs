//! Converts the reduced USDA SR28 CSVs (`foods.csv`, `portions.csv`,
//! `food_groups.csv`) into the app's compact food table,
//! `data/sr28-minerals.txt`, in the format of
//! `electrolyte_domain::foods::food_table::encode`.
//!
//! Text in the app's table is `&'static str`, so the converter leaks the
//! strings it keeps; it is a one-shot command, so that memory is freed on exit.

pub mod csv;
pub mod sr28;

use std::fmt;
use std::path::Path;

use electrolyte_domain::foods::food_table::{decode, encode, FoodTable};

/// Why the conversion failed: where (file and line, or path) and what.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    place: String,
    message: String,
}

impl Error {
    /// An error about `place` (a path, or `file, line N`).
    pub fn new(place: impl Into<String>, message: impl Into<String>) -> Error {
        Error {
            place: place.into(),
            message: message.into(),
        }
    }

    /// An error on line `line` of the CSV file `file`.
    pub fn at_line(file: &str, line: usize, message: impl Into<String>) -> Error {
        Error::new(format!("{file}, line {line}"), message)
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.place, self.message)
    }
}

impl std::error::Error for Error {}

/// How many foods, portions and groups a table has.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Counts {
    pub foods: usize,
    pub portions: usize,
    pub groups: usize,
}

/// The counts of the full SR28 release (from its documentation).
pub const SR28_COUNTS: Counts = Counts {
    foods: 8_789,
    portions: 15_438,
    groups: 25,
};

impl Counts {
    /// The counts of `table`.
    pub fn of(table: &FoodTable) -> Counts {
        Counts {
            foods: table.foods().len(),
            portions: table.foods().iter().map(|f| f.portions.len()).sum(),
            groups: table.groups().len(),
        }
    }
}

impl fmt::Display for Counts {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} foods, {} portions, {} groups",
            self.foods, self.portions, self.groups
        )
    }
}

/// The encoded table and what it holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Asset {
    pub text: String,
    pub counts: Counts,
}

/// Reads the CSVs in `input_dir` and encodes them, checking that the
/// encoding decodes back to exactly the same table.
pub fn build_asset(input_dir: &Path) -> Result<Asset, Error> {
    let table = sr28::read_table(input_dir)?;
    let text = encode(&table);
    let decoded = decode(text.clone().leak())
        .map_err(|err| Error::new("encoded table", format!("does not decode: {err}")))?;
    if decoded != table {
        return Err(Error::new(
            "encoded table",
            "decodes to a different table than was encoded",
        ));
    }
    Ok(Asset {
        text,
        counts: Counts::of(&table),
    })
}
