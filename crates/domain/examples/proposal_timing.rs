//! Times the proposals on the shipped pool, for days from empty to nearly
//! met: `cargo run --release -p electrolyte-domain --example proposal_timing`.
//! Prints, for each day, the proposals and the time of the first three and
//! of three "Show another" after them; then the mean and slowest first
//! three over 500 seeded random days and allowances (every other one with
//! 20 foods eaten lately), on the pool and on a
//! pool half as large again (each food twice more under another number:
//! 408 foods, with many exact ties, the hardest case for the tie-breaks).

use std::time::Instant;

use electrolyte_domain::diary::settings::Settings;
use electrolyte_domain::foods::food::NdbNumber;
use electrolyte_domain::foods::food_table::sr28;
use electrolyte_domain::foods::nutrient::Nutrient;
use electrolyte_domain::planning::proposals::gap_closer::GapProblem;
use electrolyte_domain::planning::proposals::pool::Pool;
use electrolyte_domain::planning::proposals::preferences::{
    Diet, EnergyAllowance, ProposalPreferences,
};
use electrolyte_domain::planning::proposals::proposal::{GapCloser, Outcome};
use electrolyte_domain::planning::proposals::Amounts;
use electrolyte_domain::planning::totals::WaterCounting;

fn main() {
    let pool = Pool::shipped(sr28());
    let settings = Settings::default();
    let mut vegan = ProposalPreferences::default();
    vegan.set_diet(Diet::Vegan);
    let any = ProposalPreferences::default();
    let days = [
        (
            "empty day",
            Amounts::new(0.0, 0.0, 0.0, 0.0, 0.0, 0.0),
            &any,
        ),
        (
            "one banana",
            Amounts::new(422.0, 32.0, 6.0, 1.0, 88.0, 105.0),
            &any,
        ),
        (
            "oatmeal with milk, a sandwich, pasta",
            Amounts::new(1_500.0, 190.0, 650.0, 1_900.0, 1_400.0, 1_500.0),
            &any,
        ),
        (
            "the same, vegan",
            Amounts::new(1_500.0, 190.0, 650.0, 1_900.0, 1_400.0, 1_500.0),
            &vegan,
        ),
        (
            "over sodium",
            Amounts::new(1_800.0, 200.0, 700.0, 2_600.0, 1_800.0, 1_900.0),
            &any,
        ),
        (
            "nearly met",
            Amounts::new(2_450.0, 300.0, 960.0, 1_500.0, 2_000.0, 1_700.0),
            &any,
        ),
    ];
    let rounds = 50;
    for (name, day, preferences) in days {
        let problem = GapProblem::new(
            settings.targets(),
            day,
            WaterCounting::DrinksAndFood,
            preferences.energy(),
        );
        let start = Instant::now();
        let mut outcome = None;
        for _ in 0..rounds {
            let mut closer = GapCloser::new(problem.clone(), pool, preferences, &[]);
            outcome = Some(closer.first_three());
        }
        let three = start.elapsed().as_secs_f64() * 1000.0 / f64::from(rounds);
        let mut closer = GapCloser::new(problem.clone(), pool, preferences, &[]);
        closer.first_three();
        let start = Instant::now();
        let more: Vec<_> = closer.by_ref().take(3).collect();
        let another = start.elapsed().as_secs_f64() * 1000.0 / 3.0;
        println!("{name}: first three {three:.2} ms, each \"Show another\" {another:.2} ms");
        match outcome.expect("ran") {
            Outcome::Proposals(proposals) => {
                for p in proposals.iter().chain(&more) {
                    let foods: Vec<String> = p
                        .foods
                        .iter()
                        .map(|f| format!("{} ({})", f.description, f.amount_text()))
                        .collect();
                    let bars: Vec<String> = Nutrient::MINERALS
                        .into_iter()
                        .map(|n| p.change_text(n))
                        .collect();
                    println!(
                        "  {:.3} → {:.3}: {}\n      {}{}",
                        p.shortfall_before,
                        p.shortfall_after,
                        foods.join(" + "),
                        bars.join("; "),
                        p.still_missing_text()
                            .map(|t| format!("\n      {t}"))
                            .unwrap_or_default()
                    );
                }
            }
            other => println!("  {other:?}"),
        }
    }
    let mut foods = pool.foods().to_vec();
    for (i, food) in pool.foods().iter().take(pool.len() / 2).enumerate() {
        let mut copy = food.clone();
        copy.ndb = NdbNumber::new(99_999 - i as u32).expect("five digits");
        foods.push(copy);
    }
    let larger = Pool::from_foods(foods);
    for pool in [pool, &larger] {
        random_days(&settings, pool);
    }
}

/// The mean and slowest first three over 500 seeded random days.
fn random_days(settings: &Settings, pool: &Pool) {
    let mut seed: u64 = 42;
    let mut random = |low: f64, high: f64| {
        seed = seed
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        low + (high - low) * ((seed >> 11) as f64 / (1u64 << 53) as f64)
    };
    let (mut total, mut slowest) = (0.0_f64, 0.0_f64);
    let days = 500;
    for _ in 0..days {
        let day = Amounts::new(
            random(0.0, 2_800.0),
            random(0.0, 340.0),
            random(0.0, 1_100.0),
            random(0.0, 2_600.0),
            random(0.0, 2_500.0),
            random(0.0, 2_000.0),
        );
        let energy = EnergyAllowance::new(random(50.0, 2_000.0)).expect("in range");
        let problem = GapProblem::new(
            settings.targets(),
            day,
            WaterCounting::DrinksAndFood,
            energy,
        );
        // Every other day, 20 of the foods were eaten lately.
        let lately: Vec<NdbNumber> = if random(0.0, 1.0) < 0.5 {
            (0..20)
                .map(|_| pool.foods()[random(0.0, pool.len() as f64) as usize].ndb)
                .collect()
        } else {
            Vec::new()
        };
        let start = Instant::now();
        let mut closer = GapCloser::new(problem, pool, &ProposalPreferences::default(), &lately);
        closer.first_three();
        let ms = start.elapsed().as_secs_f64() * 1000.0;
        total += ms;
        slowest = slowest.max(ms);
    }
    println!(
        "{days} random days on {} foods: first three {:.2} ms on average, {slowest:.2} ms at most",
        pool.len(),
        total / f64::from(days)
    );
}
