//! The proposals as the panel shows them: the best; the best sharing no
//! food with it; the best sharing no food with either; then, one at a time
//! ("Show another"), the best sharing no food with every proposal shown so
//! far. Each says what it adds and where every bar goes, before → after.
//!
//! The honest edges are an [`Outcome`]: every minimum met (nothing
//! proposed), nothing fits (and why), or proposals, the best of which may
//! leave a gap too big for three foods ([`Proposal::still_missing`]).

use std::collections::BTreeSet;
use std::fmt;

use crate::foods::food::NdbNumber;
use crate::foods::food_table::FoodTable;
use crate::foods::nutrient::Nutrient;
use crate::planning::plan::{DayPlan, FoodEntry, FoodUnit, ItemId, Meal, PlanError};
use crate::planning::proposals::gap_closer::{
    solve, Candidate, GapProblem, LOW_SODIUM_PER_PORTION_MG, WANTED,
};
use crate::planning::proposals::pool::{FoodCategory, Pool, PoolFood};
use crate::planning::proposals::preferences::ProposalPreferences;
use crate::planning::proposals::Amounts;
use crate::units::amount_text::format_nutrient_amount;
use crate::units::format::format_number;

/// The caution potassium proposals carry, worded for foods (the planner's
/// supplement caution, [`crate::planning::supplements::POTASSIUM_CAUTION`],
/// is about tablets).
pub const FOOD_POTASSIUM_CAUTION: &str = "If you have kidney disease or take medicines that keep potassium in the body (such as ACE inhibitors, ARBs or potassium-sparing diuretics), ask your doctor before adding potassium-rich foods.";

/// One food of a proposal.
#[derive(Debug, Clone, PartialEq)]
pub struct ProposedFood {
    /// The food.
    pub ndb: NdbNumber,
    /// USDA's description.
    pub description: &'static str,
    /// Its kind.
    pub category: FoodCategory,
    /// Its portion's position in the food's portions.
    pub portion_index: usize,
    /// One portion: "1 medium (7\" to 7-7/8\" long)".
    pub portion_label: String,
    /// How many portions.
    pub count: u8,
    /// Their weight in grams.
    pub grams: f64,
    /// What they add (water 0 when food water does not count).
    pub added: Amounts,
    /// Whether it was eaten in the last 14 days.
    pub familiar: bool,
}

impl ProposedFood {
    /// The plan entry that adds it: `count` of its portion.
    pub fn entry(&self) -> FoodEntry {
        FoodEntry {
            ndb: self.ndb,
            amount: f64::from(self.count),
            unit: FoodUnit::Portion(self.portion_index),
        }
    }

    /// "2 × 1 medium (7\" to 7-7/8\" long), 236 g"; "1 cup, 172 g": as
    /// the plan describes the item it becomes.
    pub fn amount_text(&self) -> String {
        let grams = format_number(self.grams, 1);
        match self.count {
            1 => format!("{}, {grams} g", self.portion_label),
            n => format!("{n} × {}, {grams} g", self.portion_label),
        }
    }
}

/// One proposal: its foods and where it takes the day.
#[derive(Debug, Clone, PartialEq)]
pub struct Proposal {
    /// The foods, by NDB number.
    pub foods: Vec<ProposedFood>,
    /// The day before.
    pub before: Amounts,
    /// What the foods add, all together.
    pub added: Amounts,
    /// The day after: `before` + `added`.
    pub after: Amounts,
    /// The objective before: the sum of K, Mg and Ca shortfalls as
    /// fractions of their minimums (weighted).
    pub shortfall_before: f64,
    /// The objective after adding the foods.
    pub shortfall_after: f64,
    /// The minimums of K, Mg, Ca, to say what is still missing.
    minimums: [f64; 3],
}

impl Proposal {
    /// What is still missing after it, mineral by mineral (mg), for the
    /// minerals the proposal leaves short: empty when it closes every gap.
    pub fn still_missing(&self) -> Vec<(Nutrient, f64)> {
        WANTED
            .into_iter()
            .zip(self.minimums)
            .filter(|&(_, t)| t > 0.0)
            .map(|(n, t)| (n, t - self.after.get(n)))
            .filter(|&(_, missing)| missing > 0.0)
            .collect()
    }

    /// Whether it closes every potassium, magnesium and calcium gap.
    pub fn closes_every_gap(&self) -> bool {
        self.still_missing().is_empty()
    }

    /// The gap too big for three foods, in words: "Still short after
    /// this: potassium 640 mg, magnesium 40 mg."; `None` when none is left.
    pub fn still_missing_text(&self) -> Option<String> {
        let parts: Vec<String> = self
            .still_missing()
            .into_iter()
            .map(|(n, mg)| {
                format!(
                    "{} {}",
                    n.name().to_lowercase(),
                    format_nutrient_amount(n, mg)
                )
            })
            .collect();
        (!parts.is_empty()).then(|| format!("Still short after this: {}.", parts.join(", ")))
    }

    /// One bar before → after: "Potassium 1,200 → 2,035 mg".
    pub fn change_text(&self, nutrient: Nutrient) -> String {
        let before = format_nutrient_amount(nutrient, self.before.get(nutrient));
        let after = format_nutrient_amount(nutrient, self.after.get(nutrient));
        let shared = before
            .rsplit_once(' ')
            .zip(after.rsplit_once(' '))
            .filter(|((_, a), (_, b))| a == b)
            .map(|((number, _), _)| number.to_owned());
        match shared {
            Some(number) => format!("{} {number} → {after}", nutrient.name()),
            None => format!("{} {before} → {after}", nutrient.name()),
        }
    }

    /// Adds every food at the end of `meal` of `plan`, all or nothing (a
    /// refusal, such as a full plan, leaves the plan as it was); returns the
    /// new items, which undo removes.
    pub fn add_to(
        &self,
        plan: &mut DayPlan,
        meal: Meal,
        table: &FoodTable,
    ) -> Result<Vec<ItemId>, PlanError> {
        let mut changed = plan.clone();
        let ids = self
            .foods
            .iter()
            .map(|f| {
                let entry = f.entry();
                changed.add_food(meal, entry.ndb, entry.amount, entry.unit, table)
            })
            .collect::<Result<Vec<ItemId>, PlanError>>()?;
        *plan = changed;
        Ok(ids)
    }

    /// [`FOOD_POTASSIUM_CAUTION`] when the proposal adds potassium toward a
    /// potassium gap.
    pub fn caution(&self) -> Option<&'static str> {
        let k = Nutrient::Potassium;
        (self.minimums[0] > self.before.get(k) && self.added.get(k) > 0.0)
            .then_some(FOOD_POTASSIUM_CAUTION)
    }
}

/// Why nothing is proposed though a minimum is not met.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum NothingFits {
    /// The preferences leave no food of the pool.
    NoFoodsLeft,
    /// The day is over the sodium ceiling and no food left adds at most
    /// 20 mg a portion.
    OverSodium,
    /// No food's portion fits in the sodium left under the ceiling (mg).
    SodiumBudget {
        /// Sodium left under the ceiling, mg.
        left_mg: f64,
    },
    /// No food's portion fits in the energy allowance.
    Energy {
        /// The allowance, kcal.
        allowance_kcal: f64,
    },
    /// The day's calcium is at or too near its upper limit.
    CalciumLimit {
        /// Calcium left under the UL, mg (0 or less when past it).
        left_mg: f64,
    },
    /// Each limit alone lets some food in, but none fits all at once, or
    /// none of what fits adds any of the minerals still missing.
    NothingHelps,
}

impl fmt::Display for NothingFits {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            NothingFits::NoFoodsLeft => write!(
                f,
                "Your food preferences leave no food to propose. Allow a food group or a food again."
            ),
            NothingFits::OverSodium => write!(
                f,
                "Today is over the sodium limit, and none of the foods left adds {} mg of sodium or less a portion.",
                format_number(LOW_SODIUM_PER_PORTION_MG, 0)
            ),
            NothingFits::SodiumBudget { left_mg } => write!(
                f,
                "Only {} of sodium is left under today's limit: no food's portion fits in it.",
                format_nutrient_amount(Nutrient::Sodium, left_mg.max(0.0))
            ),
            NothingFits::Energy { allowance_kcal } => write!(
                f,
                "No food's portion fits in {} kcal. Allow more energy for the proposed foods.",
                format_number(*allowance_kcal, 0)
            ),
            NothingFits::CalciumLimit { left_mg } if *left_mg <= 0.0 => write!(
                f,
                "Today's calcium is at its upper limit, so no food with calcium is proposed."
            ),
            NothingFits::CalciumLimit { left_mg } => write!(
                f,
                "Only {} of calcium is left under its upper limit: no food's portion fits in it.",
                format_nutrient_amount(Nutrient::Calcium, *left_mg)
            ),
            NothingFits::NothingHelps => write!(
                f,
                "No food fits today's sodium limit, energy allowance and calcium limit together while adding what is missing."
            ),
        }
    }
}

/// What opening the proposals gives.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    /// Every potassium, magnesium and calcium minimum is met: nothing to propose.
    Met,
    /// Something is missing, but nothing can be proposed, for this reason.
    NothingFits(NothingFits),
    /// One to three proposals sharing no food, best first.
    Proposals(Vec<Proposal>),
}

/// Makes the proposals for one day and remembers which foods were shown,
/// so each next one shares no food with them. An [`Iterator`]: `next()` is
/// "Show another" (the best proposal sharing no food with any shown so far;
/// `None` when none is left).
#[derive(Debug, Clone)]
pub struct GapCloser<'p> {
    problem: GapProblem,
    candidates: Vec<Candidate<'p>>,
    shown: BTreeSet<NdbNumber>,
}

impl<'p> GapCloser<'p> {
    /// The proposals for `problem` from the foods of `pool` that
    /// `preferences` allow; the foods of `eaten_lately` (see
    /// [`crate::planning::proposals::preferences::foods_eaten_lately`]) are
    /// preferred in ties when the preferences say so.
    pub fn new(
        problem: GapProblem,
        pool: &'p Pool,
        preferences: &ProposalPreferences,
        eaten_lately: &[NdbNumber],
    ) -> GapCloser<'p> {
        let candidates = pool
            .foods()
            .iter()
            .filter(|f| preferences.allows(f))
            .map(|food| Candidate {
                food,
                familiar: preferences.prefers_recent() && eaten_lately.contains(&food.ndb),
            })
            .collect();
        GapCloser {
            problem,
            candidates,
            shown: BTreeSet::new(),
        }
    }

    /// The problem proposals are made for.
    pub fn problem(&self) -> &GapProblem {
        &self.problem
    }

    /// The first three proposals (fewer when fewer exist), or why there
    /// are none.
    pub fn first_three(&mut self) -> Outcome {
        if self.problem.all_met() {
            return Outcome::Met;
        }
        let proposals: Vec<Proposal> = self.by_ref().take(3).collect();
        if proposals.is_empty() {
            Outcome::NothingFits(self.why_nothing_fits())
        } else {
            Outcome::Proposals(proposals)
        }
    }

    /// Why no food of the candidates can be proposed.
    fn why_nothing_fits(&self) -> NothingFits {
        let p = &self.problem;
        if self.candidates.is_empty() {
            return NothingFits::NoFoodsLeft;
        }
        let one = |c: &Candidate| *c.food.amounts(1);
        let fits_sodium =
            |c: &&Candidate| p.admits(c.food) && one(c).get(Nutrient::Sodium) <= p.sodium_budget();
        if !self.candidates.iter().any(|c| fits_sodium(&c)) {
            return if p.over_sodium() {
                NothingFits::OverSodium
            } else {
                NothingFits::SodiumBudget {
                    left_mg: p.sodium_budget(),
                }
            };
        }
        if !self
            .candidates
            .iter()
            .any(|c| one(c).get(Nutrient::Energy) <= p.energy_allowance_kcal)
        {
            return NothingFits::Energy {
                allowance_kcal: p.energy_allowance_kcal,
            };
        }
        if !self
            .candidates
            .iter()
            .any(|c| one(c).get(Nutrient::Calcium) <= p.calcium_budget())
        {
            return NothingFits::CalciumLimit {
                left_mg: p.calcium_budget(),
            };
        }
        NothingFits::NothingHelps
    }

    /// A proposal of the candidates' `picks`.
    fn proposal(&self, picks: &[(usize, u8)], shortfall_after: f64) -> Proposal {
        let p = &self.problem;
        let foods: Vec<ProposedFood> = picks
            .iter()
            .map(|&(index, count)| {
                let c = &self.candidates[index];
                proposed(c.food, count, c.familiar, p.food_water_counts)
            })
            .collect();
        let added = foods
            .iter()
            .fold(Amounts::default(), |sum, f| sum.plus(&f.added));
        Proposal {
            before: p.before,
            after: p.before.plus(&added),
            added,
            shortfall_before: p.shortfall(&p.before),
            shortfall_after,
            minimums: p.minimums,
            foods,
        }
    }
}

/// `count` portions of `food` as a proposal shows them.
fn proposed(food: &PoolFood, count: u8, familiar: bool, water_counts: bool) -> ProposedFood {
    let mut added = *food.amounts(count);
    if !water_counts {
        added.set(Nutrient::Water, 0.0);
    }
    ProposedFood {
        ndb: food.ndb,
        description: food.description,
        category: food.category,
        portion_index: food.portion_index,
        portion_label: food.portion.label(),
        count,
        grams: food.grams(count),
        added,
        familiar,
    }
}

impl Iterator for GapCloser<'_> {
    type Item = Proposal;

    /// The best proposal sharing no food with those shown so far; `None`
    /// when every minimum is met, or no food left fits or helps.
    fn next(&mut self) -> Option<Proposal> {
        if self.problem.all_met() {
            return None;
        }
        let shown = &self.shown;
        let (indices, left): (Vec<usize>, Vec<Candidate>) = self
            .candidates
            .iter()
            .enumerate()
            .filter(|(_, c)| !shown.contains(&c.food.ndb))
            .map(|(i, c)| (i, *c))
            .unzip();
        let choice = solve(&self.problem, &left)?;
        let before = self.problem.shortfall(&self.problem.before);
        if choice.shortfall >= before - 1e-9 {
            return None;
        }
        let picks: Vec<(usize, u8)> = choice
            .picks
            .iter()
            .map(|&(i, count)| (indices[i], count))
            .collect();
        for &(i, _) in &picks {
            self.shown.insert(self.candidates[i].food.ndb);
        }
        Some(self.proposal(&picks, choice.shortfall))
    }
}
