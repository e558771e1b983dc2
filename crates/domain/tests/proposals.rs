//! "What to eat next" on the shipped pool and table: known answers, the
//! limits, the preferences, the honest edges, and that adding a proposal
//! moves every bar by exactly what it showed.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeSet;

use electrolyte_domain::diary::date::Date;
use electrolyte_domain::diary::day::DayEntry;
use electrolyte_domain::diary::settings::Settings;
use electrolyte_domain::diary::Diary;
use electrolyte_domain::foods::food::NdbNumber;
use electrolyte_domain::foods::food_table::sr28;
use electrolyte_domain::foods::nutrient::Nutrient;
use electrolyte_domain::planning::plan::{DayPlan, FoodUnit, Meal, MAX_ITEMS};
use electrolyte_domain::planning::proposals::gap_closer::{GapProblem, LOW_SODIUM_PER_PORTION_MG};
use electrolyte_domain::planning::proposals::pool::{pool_food, FoodCategory, Pool, PoolFood};
use electrolyte_domain::planning::proposals::preferences::{
    foods_eaten_lately, Diet, EnergyAllowance, ProposalPreferences,
};
use electrolyte_domain::planning::proposals::proposal::{
    GapCloser, NothingFits, Outcome, Proposal, FOOD_POTASSIUM_CAUTION,
};
use electrolyte_domain::planning::proposals::Amounts;
use electrolyte_domain::planning::totals::{DayTotals, WaterCounting};
use electrolyte_domain::targets::daily_targets::DailyTargets;
use electrolyte_domain::units::amount::MassUnit;

fn ndb(text: &str) -> NdbNumber {
    text.parse().unwrap()
}

/// The default adult's targets: K 2,600, Mg 320, Ca 1,000 mg; Na ≤ 2,300
/// mg; Ca UL 2,500 mg.
fn targets() -> DailyTargets {
    Settings::default().targets().clone()
}

fn problem(day: Amounts, kcal: f64) -> GapProblem {
    GapProblem::new(
        &targets(),
        day,
        WaterCounting::DrinksAndFood,
        EnergyAllowance::new(kcal).unwrap(),
    )
}

/// The first three proposals and up to `more` "Show another".
fn proposals(
    problem: GapProblem,
    pool: &Pool,
    preferences: &ProposalPreferences,
    more: usize,
) -> Vec<Proposal> {
    let mut closer = GapCloser::new(problem, pool, preferences, &[]);
    let mut all = match closer.first_three() {
        Outcome::Proposals(three) => three,
        other => panic!("{other:?}"),
    };
    all.extend(closer.take(more));
    all
}

/// The outcome over a pool of these shipped foods (first portion rule: the
/// shipped pool's portion).
fn outcome_with(foods: &[&str], problem: GapProblem) -> Outcome {
    let shipped = Pool::shipped(sr28());
    let pool = Pool::from_foods(
        foods
            .iter()
            .map(|n| shipped.get(ndb(n)).unwrap().clone())
            .collect(),
    );
    GapCloser::new(problem, &pool, &ProposalPreferences::default(), &[]).first_three()
}

/// A seeded generator for varied days.
struct Random(u64);

impl Random {
    fn range(&mut self, low: f64, high: f64) -> f64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        low + (high - low) * ((self.0 >> 11) as f64 / (1u64 << 53) as f64)
    }
}

#[test]
fn a_day_short_only_of_potassium_gets_the_best_potassium_food_within_the_sodium_budget() {
    // Magnesium and calcium met, 60 mg of sodium left under the ceiling.
    let mut day = Amounts::new(0.0, 400.0, 1_200.0, 2_240.0, 1_500.0, 1_400.0);
    let p = problem(day, 600.0);
    let fits = |f: &PoolFood, count: u8| {
        let added = f.amounts(count);
        p.admits(f) && p.within_limits(added)
    };
    // The most potassium one food can add within the limits, and the next most.
    let mut best: Vec<(f64, NdbNumber, u8)> = Pool::shipped(sr28())
        .foods()
        .iter()
        .filter_map(|f| {
            (1..=f.max_count)
                .rev()
                .find(|&c| fits(f, c))
                .map(|c| (f.amounts(c).get(Nutrient::Potassium), f.ndb, c))
        })
        .collect();
    best.sort_by(|a, b| b.0.total_cmp(&a.0));
    let (k1, top, count) = best[0];
    let k2 = best[1].0;
    assert!(k1 > k2);
    // A richer potassium food exists, but its sodium does not fit.
    assert!(Pool::shipped(sr28()).foods().iter().any(|f| {
        f.amounts(1).get(Nutrient::Potassium) > k1 && f.amounts(1).get(Nutrient::Sodium) > 60.0
    }));
    // Potassium short by more than the runner-up adds, less than the best.
    day.set(Nutrient::Potassium, 2_600.0 - (k1 + k2) / 2.0);
    let first = &proposals(
        problem(day, 600.0),
        Pool::shipped(sr28()),
        &Default::default(),
        0,
    )[0];
    assert_eq!(first.foods.len(), 1, "{first:?}");
    assert_eq!((first.foods[0].ndb, first.foods[0].count), (top, count));
    assert!(first.closes_every_gap());
    assert_eq!(first.shortfall_after, 0.0);
    assert!(first.after.get(Nutrient::Sodium) <= 2_300.0);
    assert_eq!(first.caution(), Some(FOOD_POTASSIUM_CAUTION));
}

#[test]
fn a_day_over_sodium_gets_only_low_sodium_foods() {
    let day = Amounts::new(1_400.0, 150.0, 600.0, 2_700.0, 1_500.0, 1_600.0);
    let all = proposals(
        problem(day, 600.0),
        Pool::shipped(sr28()),
        &Default::default(),
        6,
    );
    assert_eq!(all.len(), 9);
    for p in &all {
        for f in &p.foods {
            let per_portion = f.added.get(Nutrient::Sodium) / f64::from(f.count);
            assert!(
                per_portion <= LOW_SODIUM_PER_PORTION_MG,
                "{}: {per_portion} mg",
                f.description
            );
        }
    }
}

#[test]
fn a_met_day_gets_nothing() {
    let day = Amounts::new(2_600.0, 320.0, 1_000.0, 1_500.0, 2_700.0, 1_800.0);
    let mut closer = GapCloser::new(
        problem(day, 600.0),
        Pool::shipped(sr28()),
        &Default::default(),
        &[],
    );
    assert_eq!(closer.first_three(), Outcome::Met);
    assert_eq!(closer.next(), None);
}

#[test]
fn never_over_the_sodium_ceiling_the_energy_allowance_or_the_calcium_limit() {
    let mut random = Random(7);
    for _ in 0..60 {
        let day = Amounts::new(
            random.range(0.0, 2_800.0),
            random.range(0.0, 350.0),
            random.range(0.0, 2_400.0),
            random.range(0.0, 2_250.0),
            random.range(0.0, 2_500.0),
            random.range(0.0, 2_000.0),
        );
        let kcal = random.range(50.0, 1_000.0).round();
        let p = problem(day, kcal);
        let mut closer = GapCloser::new(p.clone(), Pool::shipped(sr28()), &Default::default(), &[]);
        let mut shown = match closer.first_three() {
            Outcome::Proposals(three) => three,
            _ => continue,
        };
        shown.extend(closer.take(2));
        for proposal in &shown {
            let added = proposal
                .foods
                .iter()
                .fold(Amounts::default(), |s, f| s.plus(&f.added));
            assert_eq!(added, proposal.added);
            assert_eq!(proposal.after, day.plus(&added));
            assert!(proposal.after.get(Nutrient::Sodium) <= 2_300.0 + 1e-9);
            assert!(added.get(Nutrient::Energy) <= kcal + 1e-9);
            assert!(proposal.after.get(Nutrient::Calcium) <= 2_500.0 + 1e-9);
            assert!((1..=3).contains(&proposal.foods.len()));
            assert!(proposal.shortfall_after < proposal.shortfall_before);
            assert!(proposal.foods.iter().all(|f| (1..=2).contains(&f.count)));
        }
    }
}

#[test]
fn every_exclusion_and_diet_is_respected() {
    let day = Amounts::new(900.0, 100.0, 300.0, 1_200.0, 1_000.0, 900.0);
    type Allowed = fn(FoodCategory) -> bool;
    let mut cases: Vec<(ProposalPreferences, Allowed)> = Vec::new();
    for category in [
        FoodCategory::Dairy,
        FoodCategory::NutsSeeds,
        FoodCategory::Egg,
        FoodCategory::Legume,
    ] {
        let mut p = ProposalPreferences::default();
        p.set_category_excluded(category, true);
        let allowed: Allowed = match category {
            FoodCategory::Dairy => |c| c != FoodCategory::Dairy,
            FoodCategory::NutsSeeds => |c| c != FoodCategory::NutsSeeds,
            FoodCategory::Egg => |c| c != FoodCategory::Egg,
            _ => |c| c != FoodCategory::Legume,
        };
        cases.push((p, allowed));
    }
    let mut no_sea = ProposalPreferences::default();
    no_sea.set_category_excluded(FoodCategory::Fish, true);
    no_sea.set_category_excluded(FoodCategory::Shellfish, true);
    cases.push((no_sea, |c| c.is_vegetarian()));
    let mut vegetarian = ProposalPreferences::default();
    vegetarian.set_diet(Diet::Vegetarian);
    cases.push((vegetarian, |c| c.is_vegetarian()));
    let mut vegan = ProposalPreferences::default();
    vegan.set_diet(Diet::Vegan);
    cases.push((vegan, |c| {
        !matches!(
            c,
            FoodCategory::Dairy | FoodCategory::Egg | FoodCategory::Fish | FoodCategory::Shellfish
        )
    }));
    for (preferences, allowed) in &cases {
        for p in proposals(problem(day, 800.0), Pool::shipped(sr28()), preferences, 5) {
            for f in &p.foods {
                assert!(allowed(f.category), "{:?}: {}", preferences, f.description);
            }
        }
    }
    // "Not this": the best proposal's foods never come back.
    let first = proposals(
        problem(day, 800.0),
        Pool::shipped(sr28()),
        &Default::default(),
        0,
    );
    let mut not_these = ProposalPreferences::default();
    for f in &first[0].foods {
        not_these.exclude_food(f.ndb).unwrap();
    }
    for p in proposals(problem(day, 800.0), Pool::shipped(sr28()), &not_these, 8) {
        assert!(p
            .foods
            .iter()
            .all(|f| !not_these.excluded_foods().contains(&f.ndb)));
    }
}

#[test]
fn proposals_are_deterministic_and_share_no_food() {
    let day = Amounts::new(1_500.0, 190.0, 650.0, 1_900.0, 1_400.0, 1_500.0);
    let once = proposals(
        problem(day, 600.0),
        Pool::shipped(sr28()),
        &Default::default(),
        7,
    );
    let again = proposals(
        problem(day, 600.0),
        Pool::shipped(sr28()),
        &Default::default(),
        7,
    );
    assert_eq!(once, again);
    assert_eq!(once.len(), 10);
    let mut seen = BTreeSet::new();
    for p in &once {
        for f in &p.foods {
            assert!(seen.insert(f.ndb), "{} twice", f.description);
        }
    }
    // Best first: each next one leaves at least as much shortfall.
    for pair in once.windows(2) {
        assert!(pair[0].shortfall_after <= pair[1].shortfall_after + 1e-9);
    }
}

#[test]
fn a_proposal_holds_at_most_one_food_of_each_kind() {
    // A realistic day short of all three (oatmeal with milk, a sandwich, pasta).
    for day in [
        Amounts::new(741.0, 170.0, 493.0, 1_182.0, 464.0, 1_100.0),
        Amounts::new(300.0, 60.0, 200.0, 400.0, 300.0, 500.0),
    ] {
        for p in proposals(
            problem(day, 600.0),
            Pool::shipped(sr28()),
            &Default::default(),
            5,
        ) {
            let kinds: BTreeSet<_> = p.foods.iter().map(|f| f.category.key()).collect();
            assert_eq!(kinds.len(), p.foods.len(), "{:?}", p.foods);
        }
    }
}

#[test]
fn a_gap_too_big_for_three_foods_says_what_would_remain() {
    let empty = Amounts::default();
    let all = proposals(
        problem(empty, 200.0),
        Pool::shipped(sr28()),
        &Default::default(),
        0,
    );
    let best = &all[0];
    assert!(!best.closes_every_gap());
    assert!(best.shortfall_after > 0.0);
    let missing = best.still_missing();
    assert!(missing
        .iter()
        .any(|&(n, mg)| n == Nutrient::Potassium && mg > 0.0));
    let text = best.still_missing_text().unwrap();
    assert!(
        text.starts_with("Still short after this: potassium "),
        "{text}"
    );
    assert!(best.added.get(Nutrient::Energy) <= 200.0);
    assert_eq!(
        best.change_text(Nutrient::Potassium).split(" → ").count(),
        2
    );
}

#[test]
fn nothing_fits_says_why() {
    let short = Amounts::new(1_000.0, 100.0, 400.0, 1_000.0, 1_000.0, 1_000.0);
    // Every group left out.
    let mut none = ProposalPreferences::default();
    for c in FoodCategory::ALL {
        none.set_category_excluded(c, true);
    }
    let mut closer = GapCloser::new(problem(short, 600.0), Pool::shipped(sr28()), &none, &[]);
    assert_eq!(
        closer.first_three(),
        Outcome::NothingFits(NothingFits::NoFoodsLeft)
    );
    // Cheddar (174 mg of sodium an ounce) on a day over sodium, or with 50 mg left.
    let mut over = short;
    over.set(Nutrient::Sodium, 2_400.0);
    assert_eq!(
        outcome_with(&["01009"], problem(over, 600.0)),
        Outcome::NothingFits(NothingFits::OverSodium)
    );
    let mut tight = short;
    tight.set(Nutrient::Sodium, 2_250.0);
    let Outcome::NothingFits(why) = outcome_with(&["01009"], problem(tight, 600.0)) else {
        panic!()
    };
    assert_eq!(why, NothingFits::SodiumBudget { left_mg: 50.0 });
    assert_eq!(
        why.to_string(),
        "Only 50 mg of sodium is left under today's limit: no food's portion fits in it."
    );
    // An ounce of almonds (164 kcal) in 50 kcal.
    assert_eq!(
        outcome_with(&["12061"], problem(short, 50.0)),
        Outcome::NothingFits(NothingFits::Energy {
            allowance_kcal: 50.0
        })
    );
    // Calcium at its upper limit: even a banana's 6 mg is too much.
    let mut calcium = short;
    calcium.set(Nutrient::Calcium, 2_500.0);
    let Outcome::NothingFits(why) = outcome_with(&["09040"], problem(calcium, 600.0)) else {
        panic!()
    };
    assert_eq!(why, NothingFits::CalciumLimit { left_mg: 0.0 });
    assert!(why.to_string().contains("at its upper limit"));
    // Cheddar fits the energy, almonds the sodium, neither both.
    let mut both = short;
    both.set(Nutrient::Sodium, 2_200.0);
    assert_eq!(
        outcome_with(&["01009", "12061"], problem(both, 150.0)),
        Outcome::NothingFits(NothingFits::NothingHelps)
    );
}

#[test]
fn adding_a_proposal_moves_every_bar_by_exactly_what_it_showed() {
    let table = sr28();
    let mut plan = DayPlan::new();
    let banana = table.get(ndb("09040")).unwrap();
    let medium = banana
        .portions
        .iter()
        .position(|p| p.unit.starts_with("medium"))
        .unwrap();
    plan.add_food(
        Meal::Breakfast,
        banana.ndb,
        1.0,
        FoodUnit::Portion(medium),
        table,
    )
    .unwrap();
    let totals = DayTotals::compute(&plan, table, WaterCounting::DrinksAndFood);
    let p = GapProblem::for_day(&targets(), &totals, EnergyAllowance::default());
    assert_eq!(p.before.get(Nutrient::Potassium), 422.44);
    for proposal in proposals(p, Pool::shipped(sr28()), &Default::default(), 3) {
        let mut after = plan.clone();
        let ids = proposal.add_to(&mut after, Meal::Lunch, table).unwrap();
        assert_eq!(ids.len(), proposal.foods.len());
        for (id, f) in ids.iter().zip(&proposal.foods) {
            let (meal, item) = after.get(*id).unwrap();
            assert_eq!(meal, Meal::Lunch);
            assert_eq!(item.describe_amount(table), f.amount_text());
        }
        let moved = DayTotals::compute(&after, table, WaterCounting::DrinksAndFood);
        for n in Amounts::NUTRIENTS {
            let bar = moved.day().get(n).known;
            assert!(
                (bar - proposal.after.get(n)).abs() <= 1e-9,
                "{n:?}: {bar} vs {}",
                proposal.after.get(n)
            );
        }
    }
}

#[test]
fn a_proposal_is_added_all_or_nothing() {
    let table = sr28();
    let day = Amounts::new(900.0, 100.0, 300.0, 1_200.0, 1_000.0, 900.0);
    let two = proposals(
        problem(day, 600.0),
        Pool::shipped(sr28()),
        &Default::default(),
        3,
    )
    .into_iter()
    .find(|p| p.foods.len() >= 2)
    .unwrap();
    let mut full = DayPlan::new();
    for _ in 0..MAX_ITEMS - 1 {
        full.add_food(
            Meal::Snacks,
            ndb("09040"),
            1.0,
            FoodUnit::Mass(MassUnit::Gram),
            table,
        )
        .unwrap();
    }
    let before = full.clone();
    assert!(two.add_to(&mut full, Meal::Dinner, table).is_err());
    assert_eq!(full, before);
}

#[test]
fn foods_eaten_lately_win_ties_when_preferred() {
    // Nearly met: many single foods close every gap.
    let day = Amounts::new(2_450.0, 300.0, 960.0, 1_500.0, 2_000.0, 1_700.0);
    let first = |preferences: &ProposalPreferences, lately: &[NdbNumber]| {
        let mut closer = GapCloser::new(
            problem(day, 600.0),
            Pool::shipped(sr28()),
            preferences,
            lately,
        );
        match closer.first_three() {
            Outcome::Proposals(p) => p[0].clone(),
            other => panic!("{other:?}"),
        }
    };
    let plain = first(&Default::default(), &[]);
    assert!(plain.closes_every_gap());
    let blackberries = ndb("09042");
    assert_ne!(plain.foods[0].ndb, blackberries);
    let familiar = first(&Default::default(), &[blackberries]);
    assert_eq!(familiar.foods.len(), 1);
    assert_eq!(familiar.foods[0].ndb, blackberries);
    assert!(familiar.foods[0].familiar);
    let mut ignore = ProposalPreferences::default();
    ignore.set_prefers_recent(false);
    assert_eq!(first(&ignore, &[blackberries]), plain);
    // A familiar food never displaces a better one: on a day far from its
    // targets the best is the same, familiar or not.
    let empty = problem(Amounts::default(), 600.0);
    let lately: Vec<NdbNumber> = Pool::shipped(sr28())
        .foods()
        .iter()
        .take(40)
        .map(|f| f.ndb)
        .collect();
    let best = |lately: &[NdbNumber]| {
        let mut closer = GapCloser::new(
            empty.clone(),
            Pool::shipped(sr28()),
            &Default::default(),
            lately,
        );
        closer.next().unwrap().shortfall_after
    };
    assert_eq!(best(&lately), best(&[]));
}

#[test]
fn foods_eaten_lately_are_the_last_fourteen_days() {
    let table = sr28();
    let today = Date::new(2025, 3, 20).unwrap();
    let mut diary = Diary::new(Settings::default());
    let day_with = |ndb_text: &str| {
        let mut plan = DayPlan::new();
        plan.add_food(
            Meal::Lunch,
            ndb(ndb_text),
            100.0,
            FoodUnit::Mass(electrolyte_domain::units::amount::MassUnit::Gram),
            table,
        )
        .unwrap();
        DayEntry::with_plan(plan)
    };
    diary.set_day(today, day_with("09040")).unwrap();
    diary
        .set_day(today.add_days(-13).unwrap(), day_with("11457"))
        .unwrap();
    diary
        .set_day(today.add_days(-14).unwrap(), day_with("16070"))
        .unwrap();
    diary
        .set_day(today.add_days(1).unwrap(), day_with("12061"))
        .unwrap();
    assert_eq!(
        foods_eaten_lately(&diary, today),
        [ndb("09040"), ndb("11457")]
    );
}

#[test]
fn a_synthetic_pool_food_needs_every_value() {
    let banana = sr28().get(ndb("09040")).unwrap();
    let ok = pool_food(banana, FoodCategory::Fruit, 0, 1).unwrap();
    assert_eq!(ok.max_count, 1);
    assert!(pool_food(banana, FoodCategory::Fruit, 0, 3).is_err());
    assert!(pool_food(banana, FoodCategory::Fruit, 99, 1).is_err());
}
