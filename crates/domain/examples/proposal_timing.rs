//! Times the proposals on the shipped pool, for days from empty to nearly
//! met: `cargo run --release -p electrolyte-domain --example proposal_timing`.
//! Prints, for each day, the proposals and the time of the first three and
//! of three "Show another" after them.

use std::time::Instant;

use electrolyte_domain::diary::settings::Settings;
use electrolyte_domain::foods::nutrient::Nutrient;
use electrolyte_domain::planning::proposals::gap_closer::GapProblem;
use electrolyte_domain::planning::proposals::pool::Pool;
use electrolyte_domain::planning::proposals::preferences::{Diet, ProposalPreferences};
use electrolyte_domain::planning::proposals::proposal::{GapCloser, Outcome};
use electrolyte_domain::planning::proposals::Amounts;
use electrolyte_domain::planning::totals::WaterCounting;

fn main() {
    let pool = Pool::shipped();
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
}
