//! The proposals' hand-written branch-and-bound against a real MILP solver
//! (good_lp with microlp, a dev-dependency only): on 240 seeded random
//! instances — random day totals, targets, limits, weights and allowances,
//! over random sub-pools of the shipped pool and of synthetic foods, some
//! marked eaten lately (a tie-break only) — the
//! optimum's shortfall equals the MILP optimum's (within 1e-6), and both
//! agree on when nothing fits.
#![cfg(not(target_arch = "wasm32"))]

use std::time::{Duration, Instant};

use good_lp::{
    constraint, microlp, variable, Expression, ProblemVariables, ResolutionError, Solution,
    SolverModel, Variable,
};

use electrolyte_domain::foods::food::{Food, FoodGroupId, NdbNumber, NutrientValues, Portion};
use electrolyte_domain::foods::food_table::sr28;
use electrolyte_domain::foods::nutrient::Nutrient;
use electrolyte_domain::planning::proposals::gap_closer::{
    solve, Candidate, GapProblem, MAX_FOODS, WANTED,
};
use electrolyte_domain::planning::proposals::pool::{pool_food, FoodCategory, Pool, PoolFood};
use electrolyte_domain::planning::proposals::Amounts;

/// SplitMix64: a small seeded generator, so every run tests the same instances.
struct Random(u64);

impl Random {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `low..high`.
    fn range(&mut self, low: f64, high: f64) -> f64 {
        low + (high - low) * (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn chance(&mut self, p: f64) -> bool {
        self.range(0.0, 1.0) < p
    }
}

/// A synthetic food of one portion of `grams`, with these values per 100 g.
fn synthetic(random: &mut Random, n: u32) -> PoolFood {
    let grams = random.range(20.0, 250.0);
    let per_100g = NutrientValues::new([
        Some(random.range(5.0, 600.0)),
        Some(random.range(0.0, 95.0)),
        Some(random.range(0.0, 1_500.0)),
        Some(random.range(0.0, 250.0)),
        Some(random.range(0.0, 400.0)),
        Some(if random.chance(0.3) {
            random.range(0.0, 15.0)
        } else {
            random.range(0.0, 900.0)
        }),
    ]);
    let food = Food {
        ndb: NdbNumber::new(90_000 + n).unwrap(),
        description: "Synthetic food",
        group: FoodGroupId(0),
        per_100g,
        portions: vec![Portion {
            amount: 1.0,
            unit: "portion",
            grams,
        }],
    };
    let max = if random.chance(0.5) { 2 } else { 1 };
    pool_food(&food, FoodCategory::Vegetable, 0, max).unwrap()
}

/// A random instance over `foods`.
fn instance(random: &mut Random) -> GapProblem {
    let minimums = [
        random.range(1_500.0, 4_700.0),
        random.range(200.0, 450.0),
        random.range(700.0, 1_300.0),
    ];
    let mut weights = [1.0; 3];
    if random.chance(0.3) {
        weights = [0, 1, 2].map(|_| random.range(0.3, 3.0));
    }
    let before = Amounts::new(
        random.range(0.0, 1.1) * minimums[0],
        random.range(0.0, 1.1) * minimums[1],
        random.range(0.0, 1.1) * minimums[2],
        random.range(0.0, 2_700.0),
        random.range(0.0, 3_000.0),
        random.range(0.0, 2_500.0),
    );
    GapProblem {
        before,
        minimums,
        weights,
        sodium_ceiling: (!random.chance(0.05)).then(|| random.range(1_500.0, 2_300.0)),
        calcium_ul: (!random.chance(0.05)).then(|| random.range(1_500.0, 2_500.0)),
        water_target: Some(2_700.0),
        energy_allowance_kcal: random.range(50.0, 1_200.0),
        food_water_counts: true,
    }
}

/// The MILP optimum of `problem` over `foods`, or `None` when infeasible.
fn milp(problem: &GapProblem, foods: &[&PoolFood]) -> Option<f64> {
    let foods: Vec<&PoolFood> = foods
        .iter()
        .copied()
        .filter(|f| problem.admits(f))
        .collect();
    let mut vars = ProblemVariables::new();
    let used: Vec<Variable> = foods
        .iter()
        .map(|_| vars.add(variable().binary()))
        .collect();
    let counts: Vec<Variable> = foods
        .iter()
        .map(|f| vars.add(variable().integer().min(0).max(f64::from(f.max_count))))
        .collect();
    let short: Vec<Variable> = WANTED.iter().map(|_| vars.add(variable().min(0))).collect();
    let objective: Expression = short.iter().sum();
    let mut model = vars.minimise(objective.clone()).using(microlp);
    let per_portion = |f: &PoolFood, n: Nutrient| f.amounts(1).get(n);
    let sum = |n: Nutrient, scale: f64| -> Expression {
        foods
            .iter()
            .zip(&counts)
            .map(|(f, &c)| scale * per_portion(f, n) * c)
            .sum()
    };
    for (f, (&y, &c)) in foods.iter().zip(used.iter().zip(&counts)) {
        model = model.with(constraint!(c <= f64::from(f.max_count) * y));
        model = model.with(constraint!(c >= y));
    }
    let chosen: Expression = used.iter().sum();
    model = model.with(constraint!(chosen.clone() <= MAX_FOODS as f64));
    model = model.with(constraint!(chosen >= 1.0));
    // At most one food of each kind.
    for category in FoodCategory::ALL {
        let of_kind: Expression = foods
            .iter()
            .zip(&used)
            .filter(|(f, _)| f.category == category)
            .map(|(_, &y)| y)
            .sum();
        model = model.with(constraint!(of_kind <= 1.0));
    }
    for (i, n) in WANTED.into_iter().enumerate() {
        let target = problem.minimums[i];
        let scale = problem.weights[i] / target;
        let gap = problem.weights[i] * (target - problem.before.get(n)).max(0.0) / target;
        model = model.with(constraint!(short[i] + sum(n, scale) >= gap));
    }
    for (n, budget) in [
        (Nutrient::Sodium, problem.sodium_budget()),
        (Nutrient::Energy, problem.energy_allowance_kcal),
        (Nutrient::Calcium, problem.calcium_budget()),
    ] {
        if budget.is_finite() {
            model = model.with(constraint!(sum(n, 1.0) <= budget));
        }
    }
    match model.solve() {
        Ok(solution) => Some(solution.eval(&objective)),
        Err(ResolutionError::Infeasible) => None,
        Err(e) => panic!("the MILP solver failed: {e}"),
    }
}

#[test]
fn the_branch_and_bound_finds_the_milp_optimum() {
    let pool = Pool::shipped(sr28());
    let mut random = Random(20_240_610);
    let synthetic_foods: Vec<PoolFood> = (0..60).map(|n| synthetic(&mut random, n)).collect();
    let (mut ours, mut theirs) = (Duration::ZERO, Duration::ZERO);
    let (mut optimal, mut infeasible, mut closed) = (0, 0, 0);
    let instances = 240;
    for round in 0..instances {
        let problem = instance(&mut random);
        // Half over the real pool, half over synthetic foods.
        let source: Vec<&PoolFood> = if round % 2 == 0 {
            pool.foods().iter().collect()
        } else {
            synthetic_foods.iter().collect()
        };
        let size = 8 + random.below(28);
        let mut foods: Vec<&PoolFood> = Vec::with_capacity(size);
        while foods.len() < size {
            let food = source[random.below(source.len())];
            if !foods.iter().any(|f| f.ndb == food.ndb) {
                foods.push(food);
            }
        }
        // Familiar foods only break ties: the optimum stays the MILP's.
        let some_familiar = random.chance(0.3);
        let candidates: Vec<Candidate> = foods
            .iter()
            .map(|&food| Candidate {
                food,
                familiar: some_familiar && random.chance(0.3),
            })
            .collect();
        let start = Instant::now();
        let choice = solve(&problem, &candidates);
        ours += start.elapsed();
        let start = Instant::now();
        let reference = milp(&problem, &foods);
        theirs += start.elapsed();
        match (&choice, reference) {
            (Some(choice), Some(best)) => {
                assert!(
                    (choice.shortfall - best).abs() <= 1e-6,
                    "instance {round}: ours {} vs MILP {best}\n{problem:?}\n{choice:?}",
                    choice.shortfall
                );
                // Our choice is what it claims, and within every limit.
                let added = choice
                    .picks
                    .iter()
                    .fold(Amounts::default(), |sum, &(i, count)| {
                        sum.plus(candidates[i].food.amounts(count))
                    });
                assert!(problem.within_limits(&added), "instance {round}");
                let after = problem.before.plus(&added);
                assert!((problem.shortfall(&after) - choice.shortfall).abs() <= 1e-9);
                assert!((1..=MAX_FOODS).contains(&choice.picks.len()));
                optimal += 1;
                closed += usize::from(best <= 1e-9);
            }
            (None, None) => infeasible += 1,
            _ => panic!("instance {round}: ours {choice:?}, MILP {reference:?}\n{problem:?}"),
        }
    }
    assert!(optimal >= 180, "{optimal} feasible instances");
    println!(
        "{instances} instances: {optimal} equal optima ({closed} closing every gap), \
         {infeasible} infeasible for both; branch-and-bound {:.3} ms, MILP {:.1} ms an instance",
        ours.as_secs_f64() * 1000.0 / f64::from(instances),
        theirs.as_secs_f64() * 1000.0 / f64::from(instances)
    );
}

/// The same check over the whole shipped pool, which the MILP solver takes
/// seconds for in a debug build: `cargo test --release -p electrolyte-domain
/// --test gap_closer_oracle -- --ignored --nocapture`.
#[test]
#[ignore = "slow in a debug build; run with --release"]
fn the_branch_and_bound_finds_the_milp_optimum_over_the_whole_pool() {
    let pool = Pool::shipped(sr28());
    let foods: Vec<&PoolFood> = pool.foods().iter().collect();
    let mut random = Random(31);
    let candidates: Vec<Candidate> = foods
        .iter()
        .map(|&food| Candidate {
            food,
            familiar: random.chance(0.1),
        })
        .collect();
    let (mut ours, mut theirs, mut worst) = (Duration::ZERO, Duration::ZERO, Duration::ZERO);
    let instances = 40;
    for round in 0..instances {
        let problem = instance(&mut random);
        let start = Instant::now();
        let choice = solve(&problem, &candidates).map(|c| c.shortfall);
        ours += start.elapsed();
        let start = Instant::now();
        let reference = milp(&problem, &foods);
        let took = start.elapsed();
        theirs += took;
        worst = worst.max(took);
        match (choice, reference) {
            (Some(a), Some(b)) => assert!((a - b).abs() <= 1e-6, "instance {round}: {a} vs {b}"),
            (None, None) => {}
            other => panic!("instance {round}: {other:?}"),
        }
    }
    println!(
        "{instances} instances over {} foods: all equal; branch-and-bound {:.3} ms, \
         MILP {:.0} ms an instance (slowest {:.0} ms)",
        foods.len(),
        ours.as_secs_f64() * 1000.0 / f64::from(instances),
        theirs.as_secs_f64() * 1000.0 / f64::from(instances),
        worst.as_secs_f64() * 1000.0
    );
}
