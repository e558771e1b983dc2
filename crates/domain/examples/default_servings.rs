//! Prints every food's default serving next to USDA's first measure, and
//! or times the rule over the whole table and counts what changed:
//! `cargo run --release -p electrolyte-domain --example default_servings [-- --time]`.
//! Output: NDB TAB group TAB description TAB default TAB first measure.

use std::time::Instant;

use electrolyte_domain::foods::food_table::sr28;
use electrolyte_domain::planning::plan::FoodUnit;
use electrolyte_domain::units::amount::MassUnit;

fn main() {
    let table = sr28();
    if std::env::args().any(|a| a == "--time") {
        let rounds = 50;
        let start = Instant::now();
        let mut grams = 0.0;
        for _ in 0..rounds {
            for food in table.foods() {
                grams += table.default_serving(food).grams(food);
            }
        }
        let each = start.elapsed() / rounds;
        let (mut changed, mut grams_only, mut ounces) = (0, 0, 0);
        for food in table.foods() {
            let serving = table.default_serving(food);
            let first = serving.amount == 1.0 && serving.unit == FoodUnit::Portion(0);
            changed += usize::from(!first);
            grams_only += usize::from(serving.unit == FoodUnit::Mass(MassUnit::Gram));
            ounces += usize::from(serving.unit == FoodUnit::Mass(MassUnit::Ounce));
        }
        println!(
            "{changed} foods no longer start at 1 × USDA's first measure; \
             {ounces} start in ounces, {grams_only} in grams"
        );
        println!(
            "{} foods: {:.2} ms per pass over the table ({grams:.0} g in all)",
            table.foods().len(),
            each.as_secs_f64() * 1000.0
        );
        return;
    }
    for food in table.foods() {
        let serving = table.default_serving(food);
        let first = food
            .portions
            .first()
            .map(|p| p.label_with_grams())
            .unwrap_or_default();
        println!(
            "{}\t{}\t{}\t{}\t{}",
            food.ndb,
            table.group(food.group).code,
            food.description,
            serving.label(food),
            first
        );
    }
}
