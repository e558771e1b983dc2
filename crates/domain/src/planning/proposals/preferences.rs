//! What the person wants proposed, kept in the settings: food groups left
//! out, a vegetarian or vegan diet, single foods left out ("not this"),
//! whether foods eaten lately are preferred, and the energy allowance.
//!
//! **Foods eaten lately** are the foods of the plans of the last
//! [`RECENT_DAYS`] days, today included ([`foods_eaten_lately`]). They are
//! preferred as a tie-break, never a trade: between proposals that leave the
//! same shortfall with as many foods, the one with more familiar foods wins
//! (before fewer portions and less sodium). So a familiar food never
//! displaces a better one; it decides among equally good ones, which is
//! common once the gaps can be closed completely.

use std::collections::BTreeSet;
use std::fmt;

use serde::{Deserialize, Serialize};

use crate::diary::date::Date;
use crate::diary::Diary;
use crate::foods::food::NdbNumber;
use crate::planning::plan::{Entry, Meal};
use crate::planning::proposals::pool::{FoodCategory, PoolFood};
use crate::units::format::format_number;
use crate::units::quantity::{parse_number, QuantityError};

/// How many days back "eaten lately" looks, today included.
pub const RECENT_DAYS: i32 = 14;

/// The most single foods left out.
pub const MAX_EXCLUDED_FOODS: usize = 500;

/// The energy the proposed foods may hold, in whole kcal, from
/// [`EnergyAllowance::MIN_KCAL`] to [`EnergyAllowance::MAX_KCAL`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct EnergyAllowance(u16);

impl EnergyAllowance {
    /// The least allowance: below it hardly any portion fits.
    pub const MIN_KCAL: u16 = 50;
    /// The most: proposals are a snack or a side, not the day's meals.
    pub const MAX_KCAL: u16 = 2_000;
    /// The allowance until the person sets one.
    pub const DEFAULT_KCAL: u16 = 600;

    /// An allowance of `kcal`, rounded to a whole kcal.
    pub fn new(kcal: f64) -> Result<EnergyAllowance, EnergyAllowanceError> {
        if !kcal.is_finite() {
            return Err(EnergyAllowanceError::NotANumber);
        }
        let rounded = kcal.round();
        if rounded < f64::from(Self::MIN_KCAL) || rounded > f64::from(Self::MAX_KCAL) {
            return Err(EnergyAllowanceError::OutOfRange);
        }
        Ok(EnergyAllowance(rounded as u16))
    }

    /// An allowance as typed: "600", "450.5".
    pub fn parse(text: &str) -> Result<EnergyAllowance, EnergyAllowanceError> {
        match parse_number(text) {
            Ok(kcal) => EnergyAllowance::new(kcal),
            Err(QuantityError::Negative) => Err(EnergyAllowanceError::OutOfRange),
            Err(_) => Err(EnergyAllowanceError::NotANumber),
        }
    }

    /// The allowance in kcal.
    pub fn kcal(self) -> f64 {
        f64::from(self.0)
    }
}

impl Default for EnergyAllowance {
    fn default() -> EnergyAllowance {
        EnergyAllowance(Self::DEFAULT_KCAL)
    }
}

/// Why an energy allowance was refused; the message can be shown as is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EnergyAllowanceError {
    /// Not a plain number ("abc", nothing typed).
    NotANumber,
    /// Below [`EnergyAllowance::MIN_KCAL`] or above [`EnergyAllowance::MAX_KCAL`].
    OutOfRange,
}

impl fmt::Display for EnergyAllowanceError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EnergyAllowanceError::NotANumber => write!(
                f,
                "Enter the energy for the proposed foods as a number of kcal, such as {}.",
                EnergyAllowance::DEFAULT_KCAL
            ),
            EnergyAllowanceError::OutOfRange => write!(
                f,
                "The energy for the proposed foods can be from {} to {} kcal.",
                EnergyAllowance::MIN_KCAL,
                format_number(f64::from(EnergyAllowance::MAX_KCAL), 0)
            ),
        }
    }
}

impl std::error::Error for EnergyAllowanceError {}

/// Which animal foods a diet leaves out (the pool holds no meat).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Diet {
    /// Everything in the pool.
    #[default]
    Any,
    /// No fish or shellfish.
    Vegetarian,
    /// No fish, shellfish, dairy or eggs.
    Vegan,
}

impl Diet {
    /// Every diet, in the order a picker lists them.
    pub const ALL: [Diet; 3] = [Diet::Any, Diet::Vegetarian, Diet::Vegan];

    /// Plain name: "No restriction", "Vegetarian", "Vegan".
    pub fn label(self) -> &'static str {
        match self {
            Diet::Any => "No restriction",
            Diet::Vegetarian => "Vegetarian",
            Diet::Vegan => "Vegan",
        }
    }

    /// Stable key for forms and storage.
    pub fn key(self) -> &'static str {
        match self {
            Diet::Any => "any",
            Diet::Vegetarian => "vegetarian",
            Diet::Vegan => "vegan",
        }
    }

    /// Inverse of [`Diet::key`].
    pub fn from_key(key: &str) -> Option<Diet> {
        Diet::ALL.into_iter().find(|d| d.key() == key)
    }

    /// Whether the diet allows foods of `category`.
    pub fn allows(self, category: FoodCategory) -> bool {
        match self {
            Diet::Any => true,
            Diet::Vegetarian => category.is_vegetarian(),
            Diet::Vegan => category.is_vegan(),
        }
    }
}

/// Why a food could not be left out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TooManyExcludedFoods;

impl fmt::Display for TooManyExcludedFoods {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "At most {MAX_EXCLUDED_FOODS} foods can be left out of the proposals. Bring one back first."
        )
    }
}

impl std::error::Error for TooManyExcludedFoods {}

/// What the person wants proposed; see the [module docs](self).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(try_from = "StoredPreferences", into = "StoredPreferences")]
pub struct ProposalPreferences {
    excluded_categories: BTreeSet<FoodCategory>,
    diet: Diet,
    excluded_foods: Vec<NdbNumber>,
    ignore_recent: bool,
    energy: EnergyAllowance,
}

impl ProposalPreferences {
    /// Whether these are the defaults (nothing left out, recent foods
    /// preferred, 600 kcal): the settings then store nothing for them.
    pub fn is_default(&self) -> bool {
        *self == ProposalPreferences::default()
    }

    /// The food groups left out, in [`FoodCategory`] order.
    pub fn excluded_categories(&self) -> impl Iterator<Item = FoodCategory> + '_ {
        self.excluded_categories.iter().copied()
    }

    /// Whether foods of `category` are left out (by the person; the diet
    /// may leave out more, see [`ProposalPreferences::allows`]).
    pub fn is_category_excluded(&self, category: FoodCategory) -> bool {
        self.excluded_categories.contains(&category)
    }

    /// Leaves out foods of `category` ("no dairy"), or brings them back.
    pub fn set_category_excluded(&mut self, category: FoodCategory, excluded: bool) {
        if excluded {
            self.excluded_categories.insert(category);
        } else {
            self.excluded_categories.remove(&category);
        }
    }

    /// The diet.
    pub fn diet(&self) -> Diet {
        self.diet
    }

    /// Sets the diet.
    pub fn set_diet(&mut self, diet: Diet) {
        self.diet = diet;
    }

    /// The single foods left out, in the order they were.
    pub fn excluded_foods(&self) -> &[NdbNumber] {
        &self.excluded_foods
    }

    /// Leaves out one food ("not this"); at most [`MAX_EXCLUDED_FOODS`].
    pub fn exclude_food(&mut self, ndb: NdbNumber) -> Result<(), TooManyExcludedFoods> {
        if self.excluded_foods.contains(&ndb) {
            return Ok(());
        }
        if self.excluded_foods.len() >= MAX_EXCLUDED_FOODS {
            return Err(TooManyExcludedFoods);
        }
        self.excluded_foods.push(ndb);
        Ok(())
    }

    /// Brings a food left out back.
    pub fn include_food(&mut self, ndb: NdbNumber) {
        self.excluded_foods.retain(|&n| n != ndb);
    }

    /// Whether foods eaten lately are preferred (the default).
    pub fn prefers_recent(&self) -> bool {
        !self.ignore_recent
    }

    /// Prefers foods eaten lately, or not.
    pub fn set_prefers_recent(&mut self, prefer: bool) {
        self.ignore_recent = !prefer;
    }

    /// The energy the proposed foods may hold.
    pub fn energy(&self) -> EnergyAllowance {
        self.energy
    }

    /// Sets the energy allowance.
    pub fn set_energy(&mut self, energy: EnergyAllowance) {
        self.energy = energy;
    }

    /// Whether `food` may be proposed: its group not left out, allowed by
    /// the diet, not left out itself.
    pub fn allows(&self, food: &PoolFood) -> bool {
        !self.excluded_categories.contains(&food.category)
            && self.diet.allows(food.category)
            && !self.excluded_foods.contains(&food.ndb)
    }
}

/// The foods in the plans of the [`RECENT_DAYS`] days up to `today`
/// (included), each once, most recent day first.
pub fn foods_eaten_lately(diary: &Diary, today: Date) -> Vec<NdbNumber> {
    let mut seen = BTreeSet::new();
    let mut foods = Vec::new();
    for back in 0..RECENT_DAYS {
        let Some(date) = today.add_days(-back) else {
            break;
        };
        let plan = diary.day(date).plan();
        for meal in Meal::ALL {
            for item in plan.items(meal) {
                if let Entry::Food(food) = &item.entry {
                    if seen.insert(food.ndb) {
                        foods.push(food.ndb);
                    }
                }
            }
        }
    }
    foods
}

/// The stored form: `{"no":["dairy","nuts"],"diet":"vegan","not":["09040"],
/// "recent":false,"kcal":800}`, every default left out (so `{}` is the
/// defaults, and settings without it read as the defaults).
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct StoredPreferences {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    no: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    diet: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    not: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    recent: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    kcal: Option<u16>,
}

impl From<ProposalPreferences> for StoredPreferences {
    fn from(p: ProposalPreferences) -> StoredPreferences {
        StoredPreferences {
            no: p
                .excluded_categories
                .iter()
                .map(|c| c.key().to_owned())
                .collect(),
            diet: (p.diet != Diet::Any).then(|| p.diet.key().to_owned()),
            not: p.excluded_foods.iter().map(NdbNumber::to_string).collect(),
            recent: p.ignore_recent.then_some(false),
            kcal: (p.energy != EnergyAllowance::default()).then_some(p.energy.0),
        }
    }
}

impl TryFrom<StoredPreferences> for ProposalPreferences {
    type Error = String;

    fn try_from(s: StoredPreferences) -> Result<ProposalPreferences, String> {
        let mut p = ProposalPreferences::default();
        for key in s.no {
            let category = FoodCategory::from_key(&key)
                .ok_or_else(|| format!("unknown food group {key:?}"))?;
            p.set_category_excluded(category, true);
        }
        if let Some(key) = s.diet {
            p.diet = Diet::from_key(&key).ok_or_else(|| format!("unknown diet {key:?}"))?;
        }
        for text in s.not {
            let ndb: NdbNumber = text
                .parse()
                .map_err(|_| format!("food left out {text:?} is not a five-digit NDB number"))?;
            p.exclude_food(ndb).map_err(|e| e.to_string())?;
        }
        p.ignore_recent = s.recent == Some(false);
        if let Some(kcal) = s.kcal {
            p.energy = EnergyAllowance::new(f64::from(kcal)).map_err(|e| e.to_string())?;
        }
        Ok(p)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_energy_allowance_is_checked() {
        assert_eq!(EnergyAllowance::default().kcal(), 600.0);
        assert_eq!(EnergyAllowance::parse("450").unwrap().kcal(), 450.0);
        assert_eq!(EnergyAllowance::parse(" 450,4 ").unwrap().kcal(), 450.0);
        assert_eq!(EnergyAllowance::parse("50").unwrap().kcal(), 50.0);
        assert_eq!(EnergyAllowance::parse("2000").unwrap().kcal(), 2_000.0);
        for bad in ["-5", "0", "10000", "49", "2001", "0.4"] {
            assert_eq!(
                EnergyAllowance::parse(bad),
                Err(EnergyAllowanceError::OutOfRange),
                "{bad}"
            );
        }
        for bad in ["abc", "", "  ", "5e2", "NaN", "inf", "6 00"] {
            assert_eq!(
                EnergyAllowance::parse(bad),
                Err(EnergyAllowanceError::NotANumber),
                "{bad:?}"
            );
        }
        assert_eq!(
            EnergyAllowance::new(f64::NAN),
            Err(EnergyAllowanceError::NotANumber)
        );
        assert_eq!(
            EnergyAllowanceError::OutOfRange.to_string(),
            "The energy for the proposed foods can be from 50 to 2,000 kcal."
        );
        assert_eq!(
            EnergyAllowanceError::NotANumber.to_string(),
            "Enter the energy for the proposed foods as a number of kcal, such as 600."
        );
    }

    #[test]
    fn diets_leave_out_animal_foods() {
        use FoodCategory::*;
        for c in FoodCategory::ALL {
            assert!(Diet::Any.allows(c));
        }
        for c in [Fish, Shellfish] {
            assert!(!Diet::Vegetarian.allows(c) && !Diet::Vegan.allows(c));
        }
        for c in [Dairy, Egg] {
            assert!(Diet::Vegetarian.allows(c) && !Diet::Vegan.allows(c));
        }
        for c in [Fruit, Vegetable, Legume, NutsSeeds, Grain] {
            assert!(Diet::Vegan.allows(c));
        }
        for d in Diet::ALL {
            assert_eq!(Diet::from_key(d.key()), Some(d));
        }
    }

    #[test]
    fn the_stored_form_leaves_defaults_out_and_round_trips() {
        let default = ProposalPreferences::default();
        assert!(default.is_default());
        assert!(default.prefers_recent());
        assert_eq!(serde_json::to_string(&default).unwrap(), "{}");
        let mut p = ProposalPreferences::default();
        p.set_category_excluded(FoodCategory::NutsSeeds, true);
        p.set_category_excluded(FoodCategory::Dairy, true);
        p.set_diet(Diet::Vegetarian);
        p.exclude_food("09040".parse().unwrap()).unwrap();
        p.exclude_food("09040".parse().unwrap()).unwrap();
        p.set_prefers_recent(false);
        p.set_energy(EnergyAllowance::new(800.0).unwrap());
        let json = serde_json::to_string(&p).unwrap();
        assert_eq!(
            json,
            r#"{"no":["nuts","dairy"],"diet":"vegetarian","not":["09040"],"recent":false,"kcal":800}"#
        );
        assert_eq!(
            serde_json::from_str::<ProposalPreferences>(&json).unwrap(),
            p
        );
        for bad in [
            r#"{"no":["meat"]}"#,
            r#"{"diet":"keto"}"#,
            r#"{"not":["9040"]}"#,
            r#"{"kcal":10}"#,
            r#"{"kcal":-5}"#,
            r#"{"colour":"red"}"#,
        ] {
            assert!(
                serde_json::from_str::<ProposalPreferences>(bad).is_err(),
                "{bad}"
            );
        }
        p.include_food("09040".parse().unwrap());
        assert!(p.excluded_foods().is_empty());
    }

    #[test]
    fn at_most_so_many_foods_are_left_out() {
        let mut p = ProposalPreferences::default();
        for n in 0..MAX_EXCLUDED_FOODS as u32 {
            p.exclude_food(NdbNumber::new(10_000 + n).unwrap()).unwrap();
        }
        assert_eq!(
            p.exclude_food(NdbNumber::new(1).unwrap()),
            Err(TooManyExcludedFoods)
        );
        assert!(TooManyExcludedFoods.to_string().contains("500"));
    }
}
