//! The problem a proposal solves, stated exactly, and the exact solver.
//!
//! # The problem
//!
//! Given the day's totals, the minimums of potassium, magnesium and calcium
//! `T_K, T_Mg, T_Ca`, the sodium ceiling, the calcium UL and an energy
//! allowance, choose 1 to [`MAX_FOODS`] distinct foods of the candidates,
//! each in a whole number of its portions (1 to its most), that minimise
//! the **shortfall**
//!
//! `Σ_{n ∈ K, Mg, Ca} w_n · max(0, (T_n − total_n) / T_n)`
//!
//! (what is still missing of each minimum as a fraction of it, 0 once met;
//! weights `w_n` equal by default) subject to:
//!
//! - **sodium**: the day's sodium after adding stays at or under the
//!   ceiling; if the day is already over it, only foods adding at most
//!   [`LOW_SODIUM_PER_PORTION_MG`] a portion are used, and nothing more is
//!   asked of sodium;
//! - **energy**: what is added holds at most the allowance;
//! - **calcium**: the day's calcium after adding stays at or under its UL.
//!
//! Ties (shortfalls within 1e-9) go to fewer foods, then more foods eaten
//! lately ([`Candidate::familiar`], see
//! [`crate::planning::proposals::preferences`]), then fewer portions, then
//! less sodium, then the lower NDB numbers (the foods' numbers in order,
//! then the counts).
//!
//! # The solver
//!
//! An exact branch-and-bound over foods and counts, no LP: the foods that
//! fit alone are sorted by the most they can take off the shortfall
//! (`v = Σ_n min(w_n·add_n/T_n, gap_n)` at their largest count that fits),
//! and a depth-first search adds foods in that order. Taking a set off a
//! shortfall takes at most the sum of its members' `v` (and at most the
//! shortfall left), so a branch whose next foods' `v` cannot beat the best
//! found — or can only tie it with more foods — is cut, and, the foods being
//! sorted, so are all later ones. `tests/gap_closer_oracle.rs` checks it
//! against a MILP solver on random instances.

use crate::foods::food::NdbNumber;
use crate::foods::nutrient::Nutrient;
use crate::planning::proposals::pool::PoolFood;
use crate::planning::proposals::preferences::EnergyAllowance;
use crate::planning::proposals::Amounts;
use crate::planning::totals::{DayTotals, WaterCounting};
use crate::targets::daily_targets::DailyTargets;
use crate::targets::dri::TargetKind;

/// The most foods a proposal holds.
pub const MAX_FOODS: usize = 3;

/// On a day already over the sodium ceiling, only foods adding at most this
/// much sodium a portion are proposed.
pub const LOW_SODIUM_PER_PORTION_MG: f64 = 20.0;

/// Shortfalls this close are equal (ties go to the tie-breaks).
const TIE: f64 = 1e-9;

/// Slack on the limits, for the rounding of sums.
const SLACK: f64 = 1e-9;

/// The minerals whose shortfall is minimised, in the order of
/// [`GapProblem::minimums`].
pub const WANTED: [Nutrient; 3] = Nutrient::WANTED_MINERALS;

/// One instance of the problem: where the day stands and its limits.
#[derive(Debug, Clone, PartialEq)]
pub struct GapProblem {
    /// The day's totals before anything is added.
    pub before: Amounts,
    /// The minimums of K, Mg and Ca (mg); 0 or less is no minimum.
    pub minimums: [f64; 3],
    /// The weights of their shortfalls (1, 1, 1 by default).
    pub weights: [f64; 3],
    /// The sodium ceiling (mg); `None` when sodium has none (infants).
    pub sodium_ceiling: Option<f64>,
    /// The calcium UL (mg); `None` for none.
    pub calcium_ul: Option<f64>,
    /// The water target (ml), to show the water bar before → after.
    pub water_target: Option<f64>,
    /// The most energy the added foods may hold, in kcal.
    pub energy_allowance_kcal: f64,
    /// Whether the water in foods counts toward the water target (see
    /// [`WaterCounting`]); when not, a proposal adds no water to the bar.
    pub food_water_counts: bool,
}

impl GapProblem {
    /// The problem for a day with totals `before`, measured against
    /// `targets` (minimums, sodium ceiling, the profile's calcium UL),
    /// water counted as `water` says, with `energy` to spend.
    pub fn new(
        targets: &DailyTargets,
        before: Amounts,
        water: WaterCounting,
        energy: EnergyAllowance,
    ) -> GapProblem {
        let target = |n: Nutrient| targets.get(n).map(|t| t.target);
        let minimum = |n: Nutrient| {
            target(n)
                .filter(|t| t.kind == TargetKind::Minimum)
                .map_or(0.0, |t| t.amount)
        };
        let ul = targets.row().calcium_ul_mg;
        GapProblem {
            before,
            minimums: WANTED.map(minimum),
            weights: [1.0; 3],
            sodium_ceiling: target(Nutrient::Sodium)
                .filter(|t| t.kind == TargetKind::Ceiling)
                .map(|t| t.amount),
            calcium_ul: (ul > 0.0).then_some(ul),
            water_target: target(Nutrient::Water).map(|t| t.amount),
            energy_allowance_kcal: energy.kcal(),
            food_water_counts: water == WaterCounting::DrinksAndFood,
        }
    }

    /// The problem for the open day: its known totals (a total with items
    /// lacking data counts what is known) against `targets`.
    pub fn for_day(
        targets: &DailyTargets,
        totals: &DayTotals,
        energy: EnergyAllowance,
    ) -> GapProblem {
        let mut before = Amounts::default();
        for n in Amounts::NUTRIENTS {
            before.set(n, totals.day().get(n).known);
        }
        GapProblem::new(targets, before, totals.fluids().counting, energy)
    }

    /// The shortfall of `nutrient` (K, Mg or Ca) at `amounts`, in mg: what
    /// is still missing of its minimum, 0 once met.
    pub fn missing(&self, nutrient: Nutrient, amounts: &Amounts) -> f64 {
        match WANTED.iter().position(|&n| n == nutrient) {
            Some(i) if self.minimums[i] > 0.0 => {
                (self.minimums[i] - amounts.get(nutrient)).max(0.0)
            }
            _ => 0.0,
        }
    }

    /// The objective at `amounts`: `Σ w_n · max(0, (T_n − total_n) / T_n)`.
    pub fn shortfall(&self, amounts: &Amounts) -> f64 {
        self.gaps_at(amounts).iter().sum()
    }

    /// Each wanted mineral's weighted shortfall fraction at `amounts`.
    fn gaps_at(&self, amounts: &Amounts) -> [f64; 3] {
        let mut gaps = [0.0; 3];
        for (i, n) in WANTED.into_iter().enumerate() {
            if self.minimums[i] > 0.0 {
                gaps[i] = self.weights[i] * self.missing(n, amounts) / self.minimums[i];
            }
        }
        gaps
    }

    /// Whether every minimum is already met: nothing to propose.
    pub fn all_met(&self) -> bool {
        self.shortfall(&self.before) <= TIE
    }

    /// Whether the day is already over the sodium ceiling.
    pub fn over_sodium(&self) -> bool {
        self.sodium_ceiling
            .is_some_and(|c| self.before.get(Nutrient::Sodium) > c)
    }

    /// How much sodium the added foods may hold (infinite on a day over the
    /// ceiling, where the per-portion rule applies instead, or with none).
    pub fn sodium_budget(&self) -> f64 {
        match self.sodium_ceiling {
            Some(c) if !self.over_sodium() => c - self.before.get(Nutrient::Sodium),
            _ => f64::INFINITY,
        }
    }

    /// How much calcium the added foods may hold before the UL.
    pub fn calcium_budget(&self) -> f64 {
        self.calcium_ul
            .map_or(f64::INFINITY, |ul| ul - self.before.get(Nutrient::Calcium))
    }

    /// Whether `food` may be used at all: on a day over the sodium ceiling,
    /// only foods with at most [`LOW_SODIUM_PER_PORTION_MG`] a portion.
    pub fn admits(&self, food: &PoolFood) -> bool {
        !self.over_sodium() || food.amounts(1).get(Nutrient::Sodium) <= LOW_SODIUM_PER_PORTION_MG
    }

    /// Whether added amounts `added` keep within the sodium budget, the
    /// energy allowance and the calcium UL.
    pub fn within_limits(&self, added: &Amounts) -> bool {
        added.get(Nutrient::Sodium) <= self.sodium_budget() + SLACK
            && added.get(Nutrient::Energy) <= self.energy_allowance_kcal + SLACK
            && added.get(Nutrient::Calcium) <= self.calcium_budget() + SLACK
    }
}

/// A food the solver may choose.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Candidate<'p> {
    /// The food and its portion.
    pub food: &'p PoolFood,
    /// Whether it was eaten lately (a tie-break; see the module docs).
    pub familiar: bool,
}

/// The solver's answer: which candidates, how many portions of each.
#[derive(Debug, Clone, PartialEq)]
pub struct Choice {
    /// (index into the candidates, count), by NDB number.
    pub picks: Vec<(usize, u8)>,
    /// The shortfall after adding them.
    pub shortfall: f64,
}

/// The best choice for `problem` among `candidates` (each used at most
/// once), as the module docs define it; `None` when no food fits.
pub fn solve(problem: &GapProblem, candidates: &[Candidate]) -> Option<Choice> {
    let gaps = problem.gaps_at(&problem.before);
    let budgets = [
        problem.sodium_budget() + SLACK,
        problem.energy_allowance_kcal + SLACK,
        problem.calcium_budget() + SLACK,
    ];
    let mut items: Vec<Item> = candidates
        .iter()
        .enumerate()
        .filter(|(_, c)| problem.admits(c.food))
        .filter_map(|(index, c)| Item::new(index, c, problem, &gaps, &budgets))
        .collect();
    items.sort_by(|a, b| b.value.total_cmp(&a.value).then(a.ndb.cmp(&b.ndb)));
    let mut prefix = vec![0.0; items.len() + 1];
    for (i, item) in items.iter().enumerate() {
        prefix[i + 1] = prefix[i] + item.value;
    }
    let mut search = Search {
        items: &items,
        prefix,
        budgets,
        path: Vec::with_capacity(MAX_FOODS),
        best: None,
    };
    search.extend(0, gaps, [0.0; 3]);
    let best = search.best?;
    let mut picks: Vec<(usize, u8)> = best
        .path
        .iter()
        .map(|&(item, option)| {
            let item = &items[item];
            (item.candidate, item.options[option].count)
        })
        .collect();
    picks.sort_by_key(|&(c, _)| candidates[c].food.ndb);
    Some(Choice {
        picks,
        shortfall: best.shortfall,
    })
}

/// One count of one food, as the search sees it.
#[derive(Debug, Clone, Copy)]
struct Count {
    count: u8,
    /// Weighted shortfall fractions taken off K, Mg, Ca (before capping).
    take: [f64; 3],
    /// Sodium, energy, calcium added: what the limits count.
    uses: [f64; 3],
}

/// A candidate as the search sees it.
#[derive(Debug, Clone)]
struct Item {
    candidate: usize,
    ndb: NdbNumber,
    familiar: bool,
    /// The counts that fit alone, ascending (so amounts ascend too).
    options: Vec<Count>,
    /// The most it can take off the shortfall alone.
    value: f64,
}

impl Item {
    fn new(
        candidate: usize,
        c: &Candidate,
        problem: &GapProblem,
        gaps: &[f64; 3],
        budgets: &[f64; 3],
    ) -> Option<Item> {
        let mut options = Vec::new();
        for count in 1..=c.food.max_count {
            let added = c.food.amounts(count);
            let uses =
                [Nutrient::Sodium, Nutrient::Energy, Nutrient::Calcium].map(|n| added.get(n));
            if uses.iter().zip(budgets).any(|(u, b)| u > b) {
                break;
            }
            let mut take = [0.0; 3];
            for (i, n) in WANTED.into_iter().enumerate() {
                if problem.minimums[i] > 0.0 {
                    take[i] = problem.weights[i] * added.get(n) / problem.minimums[i];
                }
            }
            options.push(Count { count, take, uses });
        }
        let largest = options.last()?;
        let value = (0..3).map(|i| largest.take[i].min(gaps[i])).sum();
        Some(Item {
            candidate,
            ndb: c.food.ndb,
            familiar: c.familiar,
            options,
            value,
        })
    }
}

/// The best set found so far and what ranks it.
#[derive(Debug, Clone)]
struct Best {
    /// (item, option) pairs.
    path: Vec<(usize, usize)>,
    shortfall: f64,
    familiar: usize,
    portions: u32,
    sodium: f64,
    /// NDB numbers ascending, then the counts in that order.
    order: Vec<(NdbNumber, u8)>,
}

struct Search<'a> {
    items: &'a [Item],
    /// `prefix[i]` = sum of the first `i` items' values.
    prefix: Vec<f64>,
    budgets: [f64; 3],
    path: Vec<(usize, usize)>,
    best: Option<Best>,
}

impl Search<'_> {
    /// Tries every way of adding foods from `start` on to the current path,
    /// whose shortfall left is `left` and which uses `used` of the limits.
    fn extend(&mut self, start: usize, left: [f64; 3], used: [f64; 3]) {
        let depth = self.path.len();
        let shortfall: f64 = left.iter().sum();
        let more_after = MAX_FOODS - depth - 1;
        for index in start..self.items.len() {
            // The most this food and the best `more_after` after it can take off.
            let end = (index + 1 + more_after).min(self.items.len());
            let bound = shortfall - (self.prefix[end] - self.prefix[index]).min(shortfall);
            if let Some(best) = &self.best {
                let worse = bound > best.shortfall + TIE;
                let at_best_tie = bound >= best.shortfall - TIE && depth + 1 > best.path.len();
                if worse || at_best_tie {
                    break;
                }
            }
            let item = &self.items[index];
            for (option_index, option) in item.options.iter().enumerate() {
                let mut now = used;
                for (u, add) in now.iter_mut().zip(option.uses) {
                    *u += add;
                }
                if now.iter().zip(&self.budgets).any(|(u, b)| u > b) {
                    break;
                }
                let mut rest = left;
                for (r, take) in rest.iter_mut().zip(option.take) {
                    *r = (*r - take).max(0.0);
                }
                self.path.push((index, option_index));
                self.consider(rest.iter().sum(), now[0]);
                if depth + 1 < MAX_FOODS && rest.iter().sum::<f64>() > TIE {
                    self.extend(index + 1, rest, now);
                }
                self.path.pop();
            }
        }
    }

    /// Keeps the current path if it ranks before the best so far.
    fn consider(&mut self, shortfall: f64, sodium: f64) {
        if let Some(best) = &self.best {
            if shortfall > best.shortfall + TIE
                || shortfall >= best.shortfall - TIE && self.path.len() > best.path.len()
            {
                return;
            }
        }
        let items = self.items;
        let option = |&(item, option): &(usize, usize)| &items[item].options[option];
        let mut order: Vec<(NdbNumber, u8)> = self
            .path
            .iter()
            .map(|pick| (items[pick.0].ndb, option(pick).count))
            .collect();
        order.sort();
        let candidate = Best {
            path: self.path.clone(),
            shortfall,
            familiar: self.path.iter().filter(|p| items[p.0].familiar).count(),
            portions: self.path.iter().map(|p| u32::from(option(p).count)).sum(),
            sodium,
            order,
        };
        if self
            .best
            .as_ref()
            .is_none_or(|best| ranks_before(&candidate, best))
        {
            self.best = Some(candidate);
        }
    }
}

/// Whether `a` ranks before `b`: lower shortfall, then the tie-breaks.
fn ranks_before(a: &Best, b: &Best) -> bool {
    use std::cmp::Ordering;
    let close = |x: f64, y: f64| {
        if x < y - TIE {
            Ordering::Less
        } else if x > y + TIE {
            Ordering::Greater
        } else {
            Ordering::Equal
        }
    };
    close(a.shortfall, b.shortfall)
        .then(a.path.len().cmp(&b.path.len()))
        .then(b.familiar.cmp(&a.familiar))
        .then(a.portions.cmp(&b.portions))
        .then(close(a.sodium, b.sodium))
        .then(a.order.cmp(&b.order))
        == Ordering::Less
}
