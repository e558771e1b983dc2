//! The problem a proposal solves, stated exactly, and the exact solver.
//!
//! # The problem
//!
//! Given the day's totals, the minimums of potassium, magnesium and calcium
//! `T_K, T_Mg, T_Ca`, the sodium ceiling, the calcium UL and an energy
//! allowance, choose 1 to [`MAX_FOODS`] distinct foods of the candidates,
//! at most one of each kind ([`FoodCategory`]: not two kinds of beans),
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
//! sorted, so are all later ones. Each food is also judged against what is
//! left and the limits left, and a branch that can at best tie the best is
//! cut once its foods, familiar foods, portions and sodium so far already
//! lose the tie-breaks. `tests/gap_closer_oracle.rs` checks it against a MILP solver on random
//! instances.

use crate::foods::food::NdbNumber;
use crate::foods::nutrient::Nutrient;
use crate::planning::proposals::pool::{FoodCategory, PoolFood};
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
    /// The weights of their shortfalls, 0 or more (1, 1, 1 by default).
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
        path: [(0, 0); MAX_FOODS],
        len: 0,
        any_familiar: items.iter().any(|i| i.familiar),
        best: None,
    };
    search.extend(0, gaps, [0.0; 3], 0, 0);
    let best = search.best?;
    let mut picks: Vec<(usize, u8)> = best.path[..best.rank.foods]
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
    /// Its kind: a set holds at most one food of each.
    category: FoodCategory,
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
            category: c.food.category,
            familiar: c.familiar,
            options,
            value,
        })
    }
}

/// What ranks sets of equal shortfall, in this order: fewer foods, more
/// familiar ones, fewer portions, less sodium.
#[derive(Debug, Clone, Copy)]
struct Rank {
    foods: usize,
    familiar: usize,
    portions: u32,
    sodium: f64,
}

/// The best set found so far.
#[derive(Debug, Clone, Copy)]
struct Best {
    /// (item, option) pairs; the first `rank.foods` count.
    path: [(usize, usize); MAX_FOODS],
    shortfall: f64,
    rank: Rank,
    /// NDB numbers ascending with their counts: the last tie-break.
    order: [(u32, u8); MAX_FOODS],
}

struct Search<'a> {
    items: &'a [Item],
    /// `prefix[i]` = sum of the first `i` items' values.
    prefix: Vec<f64>,
    budgets: [f64; 3],
    /// The current path: (item, option) pairs, the first `len` count.
    path: [(usize, usize); MAX_FOODS],
    len: usize,
    /// Whether any item is familiar (else no set can win on familiarity).
    any_familiar: bool,
    best: Option<Best>,
}

impl Search<'_> {
    /// Tries every way of adding foods from `start` on to the current path,
    /// whose shortfall left is `left`, which uses `used` of the limits
    /// (sodium, energy, calcium) and holds `familiar` familiar foods in
    /// `portions` portions.
    fn extend(
        &mut self,
        start: usize,
        left: [f64; 3],
        used: [f64; 3],
        familiar: usize,
        portions: u32,
    ) {
        let depth = self.len;
        let shortfall: f64 = left.iter().sum();
        let more_after = MAX_FOODS - depth - 1;
        let cut =
            |search: &Search, bound: f64| search.cut(bound, depth, familiar, portions, used[0]);
        for index in start..self.items.len() {
            // The most this food and the best `more_after` after it can take
            // off: the items being sorted, no later food can do better.
            let end = (index + 1 + more_after).min(self.items.len());
            let window = self.prefix[end] - self.prefix[index];
            if cut(self, shortfall - window.min(shortfall)) {
                break;
            }
            // The same with this food judged against what is left.
            let rest_of_window = self.prefix[end] - self.prefix[index + 1];
            let gain = self.gain(index, &left, &used) + rest_of_window;
            if cut(self, shortfall - gain.min(shortfall)) {
                continue;
            }
            let item = &self.items[index];
            // One food of each kind: beans with beans, or two cheeses, is
            // not what a person would eat together.
            if self.path[..depth]
                .iter()
                .any(|&(i, _)| self.items[i].category == item.category)
            {
                continue;
            }
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
                let rank = Rank {
                    foods: depth + 1,
                    familiar: familiar + usize::from(item.familiar),
                    portions: portions + u32::from(option.count),
                    sodium: now[0],
                };
                self.path[depth] = (index, option_index);
                self.len = depth + 1;
                let rest_sum: f64 = rest.iter().sum();
                self.consider(rest_sum, rank);
                if depth + 1 < MAX_FOODS && rest_sum > TIE {
                    self.extend(index + 1, rest, now, rank.familiar, rank.portions);
                }
                self.len = depth;
            }
        }
    }

    /// Whether the sets that add foods to a path of `depth` foods (holding
    /// `familiar` familiar foods, `portions` portions, `sodium` mg), none of
    /// which leaves less shortfall than `bound`, all rank after the best:
    /// worse, or at best a tie lost on the tie-breaks.
    fn cut(&self, bound: f64, depth: usize, familiar: usize, portions: u32, sodium: f64) -> bool {
        let Some(best) = &self.best else {
            return false;
        };
        if bound > best.shortfall + TIE {
            return true;
        }
        if bound < best.shortfall - TIE {
            return false;
        }
        // At best a tie: only a set of exactly as many foods as the best
        // can still win, and none with more.
        let foods = depth + 1;
        if foods != best.rank.foods {
            return foods > best.rank.foods;
        }
        let most_familiar = familiar + usize::from(self.any_familiar);
        let fewest_portions = portions + 1;
        most_familiar < best.rank.familiar
            || most_familiar == best.rank.familiar
                && (fewest_portions > best.rank.portions
                    || fewest_portions == best.rank.portions && sodium > best.rank.sodium + TIE)
    }

    /// The most item `index` can take off `left` in one count that fits
    /// the limits beyond `used` (0 when none fits).
    fn gain(&self, index: usize, left: &[f64; 3], used: &[f64; 3]) -> f64 {
        let fits = |option: &&Count| (0..3).all(|i| used[i] + option.uses[i] <= self.budgets[i]);
        self.items[index]
            .options
            .iter()
            .rev()
            .find(fits)
            .map_or(0.0, |option| {
                (0..3).map(|i| option.take[i].min(left[i])).sum()
            })
    }

    /// Keeps the current path if it ranks before the best so far.
    fn consider(&mut self, shortfall: f64, rank: Rank) {
        let mut order = [(u32::MAX, 0); MAX_FOODS];
        for (slot, &(item, option)) in order.iter_mut().zip(&self.path[..self.len]) {
            let item = &self.items[item];
            *slot = (item.ndb.value(), item.options[option].count);
        }
        order.sort_unstable();
        let candidate = Best {
            path: self.path,
            shortfall,
            rank,
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
        .then(a.rank.foods.cmp(&b.rank.foods))
        .then(b.rank.familiar.cmp(&a.rank.familiar))
        .then(a.rank.portions.cmp(&b.rank.portions))
        .then(close(a.rank.sodium, b.rank.sodium))
        .then(a.order.cmp(&b.order))
        == Ordering::Less
}
