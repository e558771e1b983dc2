//! What to eat next: proposals of 1–3 ordinary foods, in whole household
//! portions, that close the day's potassium, magnesium and calcium gaps
//! within the sodium limit, the calcium upper limit and an energy allowance.
//!
//! - [`pool`]: the curated foods and their portions (`data/proposal-pool.txt`);
//! - [`gap_closer`]: the problem, stated exactly, and its exact solver;
//! - [`preferences`]: food groups, diet, single foods left out, recent foods
//!   preferred, the energy allowance (kept in the settings);
//! - [`proposal`]: the proposals as the panel shows them, the honest edges
//!   (met, nothing fits, a gap too big for three foods) and "Show another".
//!
//! ```
//! use electrolyte_domain::foods::food_table::sr28;
//! use electrolyte_domain::diary::settings::Settings;
//! use electrolyte_domain::planning::proposals::gap_closer::GapProblem;
//! use electrolyte_domain::planning::proposals::pool::Pool;
//! use electrolyte_domain::planning::proposals::preferences::ProposalPreferences;
//! use electrolyte_domain::planning::proposals::proposal::{GapCloser, Outcome};
//! use electrolyte_domain::planning::proposals::Amounts;
//! use electrolyte_domain::planning::totals::WaterCounting;
//!
//! // K, Mg, Ca, Na (mg), water (ml), energy (kcal) so far today.
//! let day = Amounts::new(1_200.0, 150.0, 500.0, 900.0, 1_500.0, 1_100.0);
//! let settings = Settings::default();
//! let preferences = ProposalPreferences::default();
//! let problem = GapProblem::new(
//!     settings.targets(),
//!     day,
//!     WaterCounting::DrinksAndFood,
//!     preferences.energy(),
//! );
//! let mut closer = GapCloser::new(problem, Pool::shipped(sr28()), &preferences, &[]);
//! let Outcome::Proposals(three) = closer.first_three() else { panic!() };
//! assert_eq!(three.len(), 3);
//! let another = closer.next(); // "Show another"
//! assert!(another.is_some());
//! ```

pub mod gap_closer;
pub mod pool;
pub mod preferences;
pub mod proposal;

use crate::foods::nutrient::Nutrient;

/// An amount of each nutrient a proposal reports, in [`Amounts::NUTRIENTS`]
/// order, each in its unit (mg; water in g = ml; energy in kcal): the day
/// before, what a proposal adds, the day after.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Amounts([f64; 6]);

impl Amounts {
    /// The nutrients, in this order.
    pub const NUTRIENTS: [Nutrient; 6] = [
        Nutrient::Potassium,
        Nutrient::Magnesium,
        Nutrient::Calcium,
        Nutrient::Sodium,
        Nutrient::Water,
        Nutrient::Energy,
    ];

    /// Potassium, magnesium, calcium, sodium (mg), water (ml), energy (kcal).
    pub fn new(k: f64, mg: f64, ca: f64, na: f64, water: f64, kcal: f64) -> Amounts {
        Amounts([k, mg, ca, na, water, kcal])
    }

    /// The amount of `nutrient`.
    pub fn get(&self, nutrient: Nutrient) -> f64 {
        self.0[slot(nutrient)]
    }

    /// Sets the amount of `nutrient`.
    pub fn set(&mut self, nutrient: Nutrient, amount: f64) {
        self.0[slot(nutrient)] = amount;
    }

    /// The sum, nutrient by nutrient.
    pub fn plus(&self, other: &Amounts) -> Amounts {
        let mut sum = *self;
        for (a, b) in sum.0.iter_mut().zip(other.0) {
            *a += b;
        }
        sum
    }
}

/// Position of `nutrient` in [`Amounts::NUTRIENTS`].
fn slot(nutrient: Nutrient) -> usize {
    match nutrient {
        Nutrient::Potassium => 0,
        Nutrient::Magnesium => 1,
        Nutrient::Calcium => 2,
        Nutrient::Sodium => 3,
        Nutrient::Water => 4,
        Nutrient::Energy => 5,
    }
}
