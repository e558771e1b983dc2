//! The committed proposal pool (`data/proposal-pool.txt`) against the rule
//! that built it (`examples/proposal_pool/rule.rs`) and the shipped table.
#![cfg(not(target_arch = "wasm32"))]

#[path = "../examples/proposal_pool/rule.rs"]
mod rule;

use std::collections::BTreeSet;

use electrolyte_domain::foods::food_table::sr28;
use electrolyte_domain::foods::nutrient::Nutrient;
use electrolyte_domain::planning::proposals::pool::{FoodCategory, Pool, PoolError, SHIPPED_POOL};

fn entries() -> impl Iterator<Item = &'static str> {
    SHIPPED_POOL.lines().filter(|l| !l.starts_with('#'))
}

#[test]
fn every_line_still_satisfies_the_rule() {
    let table = sr28();
    let mut problems = Vec::new();
    for line in entries() {
        if let Err(e) = rule::check_line(table, line) {
            problems.push(format!("{e}: {line}"));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_file_is_what_the_rule_writes() {
    assert!(
        rule::pool_text(sr28()) == SHIPPED_POOL,
        "data/proposal-pool.txt is stale: run \
         `cargo run --release -p electrolyte-domain --example proposal_pool`"
    );
}

#[test]
fn the_pool_is_common_whole_foods_in_portions_people_eat() {
    let pool = Pool::shipped(sr28());
    assert!((250..=400).contains(&pool.len()), "{} foods", pool.len());
    let categories: BTreeSet<FoodCategory> = pool.foods().iter().map(|f| f.category).collect();
    assert_eq!(categories.len(), FoodCategory::ALL.len(), "{categories:?}");
    for food in pool.foods() {
        let most = food.grams(food.max_count);
        assert!(
            most <= rule::MAX_PORTION_GRAMS,
            "{}: {most} g",
            food.description
        );
        // Every value is there: a proposal never rests on a missing one.
        let table_food = sr28().get(food.ndb).unwrap();
        assert!(Nutrient::ALL
            .iter()
            .all(|&n| table_food.per_100g.get(n).is_some()));
        let text = food.description.to_lowercase();
        for word in [
            "baby",
            "fast food",
            "restaurant",
            "dry mix",
            "powder",
            "supplement",
        ] {
            assert!(!text.contains(word), "{}", food.description);
        }
    }
    let banana = pool.get("09040".parse().unwrap()).unwrap();
    assert_eq!(banana.portion.label(), "1 medium (7\" to 7-7/8\" long)");
    assert_eq!(banana.max_count, 2);
    let lentils = pool.get("16070".parse().unwrap()).unwrap();
    assert_eq!(
        (lentils.portion.label().as_str(), lentils.max_count),
        ("1 cup", 1)
    );
    assert_eq!(lentils.category, FoodCategory::Legume);
    let soy_milk = pool.get("16222".parse().unwrap()).unwrap();
    assert!(soy_milk.category.is_vegan());
    // The amounts are the plan's: per 100 g × grams of the count.
    let two = banana.amounts(2);
    let k = sr28()
        .get(banana.ndb)
        .unwrap()
        .amount_in(Nutrient::Potassium, 236.0)
        .unwrap();
    assert_eq!(two.get(Nutrient::Potassium), k);
}

#[test]
fn a_broken_pool_text_is_refused_with_its_line() {
    let table = sr28();
    let refused = |text: &str| Pool::parse(text, table).unwrap_err();
    let good = "09040\t2\tfruit\t1 medium (7\" to 7-7/8\" long)\t# Bananas, raw";
    assert_eq!(Pool::parse(good, table).unwrap().len(), 1);
    let e: PoolError = refused(&format!("# header\n{good}\n{good}"));
    assert_eq!(e.line, 3);
    assert!(e.to_string().contains("listed twice"), "{e}");
    for (bad, says) in [
        ("09040\t2\tfruit", "4 tab-separated fields"),
        ("9040\t2\tfruit\t1 medium\t# x", "five-digit"),
        ("99998\t2\tfruit\t1 medium\t# x", "not in the table"),
        (
            "09040\t3\tfruit\t1 medium (7\" to 7-7/8\" long)",
            "from 1 to 2",
        ),
        (
            "09040\t1\tmeat\t1 medium (7\" to 7-7/8\" long)",
            "food category",
        ),
        ("09040\t1\tfruit\t1 bunch", "has no measure"),
        // USDA lacks a value of this one.
        ("01188\t1\tdairy\t2 tbsp", " value"),
    ] {
        let e = refused(bad);
        assert!(e.to_string().contains(says), "{bad}: {e}");
        assert_eq!(e.line, 1);
    }
}
