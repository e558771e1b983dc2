//! Food search on the real USDA SR28 table: the plain, common food comes
//! first, and every food can be found by its own description.
#![cfg(not(target_arch = "wasm32"))]

use std::sync::LazyLock;

use electrolyte_domain::foods::food::Food;
use electrolyte_domain::foods::food_table::{sr28, FoodTable};
use electrolyte_domain::foods::search::SearchIndex;

static INDEX: LazyLock<SearchIndex> = LazyLock::new(|| SearchIndex::new(table()));

fn table() -> &'static FoodTable {
    let table = sr28();
    assert_eq!(table.foods().len(), 8_789, "the whole SR28 table");
    table
}

/// Every match of `query`, best first.
fn ranked(query: &str) -> Vec<&'static Food> {
    let results = INDEX.search(table(), query, usize::MAX);
    assert_eq!(results.foods.len(), results.total, "{query:?}");
    results.foods.iter().map(|&i| &table().foods()[i]).collect()
}

fn ndbs(foods: &[&Food]) -> Vec<String> {
    foods.iter().map(|f| f.ndb.to_string()).collect()
}

/// Position of the food with NDB number `ndb` in `foods`.
fn rank(foods: &[&Food], ndb: &str) -> usize {
    foods
        .iter()
        .position(|f| f.ndb.to_string() == ndb)
        .unwrap_or_else(|| panic!("{ndb} not found"))
}

fn group_code(food: &Food) -> &'static str {
    table().group(food.group).code
}

/// A word in capitals, as USDA writes brand names ("KRAFT", "McDONALD'S").
fn has_brand(food: &Food) -> bool {
    food.description.split([' ', ',', '(', ')']).any(|word| {
        let upper = word.chars().filter(char::is_ascii_uppercase).count();
        let lower = word.chars().filter(char::is_ascii_lowercase).count();
        upper >= 3 && lower <= 1
    })
}

/// Describes the first `n` results, for failure messages.
fn show(foods: &[&Food], n: usize) -> String {
    let lines = foods
        .iter()
        .take(n)
        .map(|f| format!("\n  {} {}", f.ndb, f.description));
    lines.collect()
}

/// Asserts that the first result's description starts with `start`.
fn assert_first_starts_with(found: &[&Food], start: &str) {
    let first = found[0].description;
    assert!(first.starts_with(start), "not {start:?}:{}", show(found, 5));
}

/// Asserts that `food` is not a brand, and is in group `code`.
fn assert_plain(food: &Food, code: &str) {
    assert!(
        !has_brand(food) && group_code(food) == code,
        "{}",
        food.description
    );
}

#[test]
fn milk_finds_plain_fluid_cows_milk_first() {
    let found = ranked("milk");
    let top5 = ndbs(&found[..5]);
    for plain in ["01077", "01079", "01082", "01085"] {
        assert!(
            top5.contains(&plain.to_string()),
            "{plain} not in top 5:{}",
            show(&found, 5)
        );
    }
    let last_plain = ["01077", "01079", "01082", "01085"].map(|ndb| rank(&found, ndb));
    let last_plain = last_plain.into_iter().max().unwrap();
    for (position, food) in found.iter().enumerate() {
        let description = food.description.to_lowercase();
        let special = ["shake", "dry", "dried"]
            .iter()
            .any(|word| description.contains(word));
        if special || has_brand(food) {
            assert!(
                position > last_plain,
                "{} ranks above plain milk:{}",
                food.description,
                show(&found, 8)
            );
        }
    }
}

#[test]
fn potato_finds_potatoes_before_chips_soups_and_baby_food() {
    let found = ranked("potato");
    assert_first_starts_with(&found, "Potatoes, ");
    // Raw, baked and boiled potatoes.
    let last_plain = ["11352", "11674", "11367"].map(|ndb| rank(&found, ndb));
    let last_plain = last_plain.into_iter().max().unwrap();
    for (position, food) in found.iter().enumerate() {
        let chips = food.description.to_lowercase().contains("chips");
        if chips || ["0300", "0600", "2500"].contains(&group_code(food)) {
            assert!(
                position > last_plain,
                "{} too high:{}",
                food.description,
                show(&found, 9)
            );
        }
    }
}

#[test]
fn plain_fruit_and_vegetables_come_first() {
    assert_eq!(ranked("banana")[0].ndb.to_string(), "09040");
    assert_eq!(ranked("ban raw")[0].ndb.to_string(), "09040");
    assert_eq!(ranked("raw ban")[0].ndb.to_string(), "09040");
    assert_eq!(ranked("spinach")[0].ndb.to_string(), "11457");
}

#[test]
fn orange_finds_oranges_before_juices_and_sodas() {
    let found = ranked("orange");
    assert_first_starts_with(&found, "Oranges, raw");
    let first_drink = found
        .iter()
        .position(|f| f.description.to_lowercase().contains("juice") || group_code(f) == "1400")
        .unwrap();
    let oranges = found
        .iter()
        .filter(|f| f.description.starts_with("Oranges, raw"));
    assert!(oranges.clone().count() >= 5);
    for orange in oranges {
        assert!(
            rank(&found, &orange.ndb.to_string()) < first_drink,
            "{}",
            show(&found, 8)
        );
    }
}

#[test]
fn yogurt_plain_finds_a_plain_yogurt() {
    let found = ranked("yogurt plain");
    assert_first_starts_with(&found, "Yogurt, ");
    assert!(found[0].description.contains("plain"));
    assert_plain(found[0], "0100");
}

#[test]
fn egg_finds_a_plain_egg() {
    let found = ranked("egg");
    assert!(
        rank(&found, "01123") < 3,
        "Egg, whole, raw, fresh:{}",
        show(&found, 5)
    );
    assert_first_starts_with(&found, "Egg, ");
}

#[test]
fn salmon_finds_plain_salmon() {
    let found = ranked("salmon");
    assert_first_starts_with(&found, "Fish, salmon, ");
    assert_plain(found[0], "1500");
}

#[test]
fn chicken_breast_finds_plain_chicken_breast() {
    let found = ranked("chicken breast");
    assert_first_starts_with(&found, "Chicken, broiler");
    assert!(found[0].description.contains("breast"));
    assert_plain(found[0], "0500");
}

#[test]
fn beans_black_finds_black_beans() {
    let found = ranked("beans black");
    assert_first_starts_with(&found, "Beans, black, mature seeds");
}

#[test]
fn every_food_is_found_by_its_own_description() {
    let foods = table().foods();
    let mut not_first = Vec::new();
    for (index, food) in foods.iter().enumerate() {
        let results = INDEX.search(table(), food.description, 5);
        match results.foods.iter().position(|&i| i == index) {
            Some(0) => {}
            Some(_) => not_first.push(food.description),
            None => panic!("{} {} is not in its own top 5", food.ndb, food.description),
        }
    }
    // A few descriptions share all their words with another food: only they may lose first place.
    assert!(not_first.len() * 100 <= foods.len(), "{not_first:#?}");
}

/// The first `n` descriptions of the table, joined into one long query.
fn all_descriptions(n: usize) -> String {
    let descriptions: Vec<&str> = table()
        .foods()
        .iter()
        .take(n)
        .map(|f| f.description)
        .collect();
    descriptions.join(" ")
}

#[test]
fn weird_queries_stay_harmless() {
    let queries = [
        String::new(),
        " ,.;:!?%()\"'".repeat(800),
        "🍌".repeat(2_500),
        "a".repeat(10_000),
        "mi lk ".repeat(1_700),
        all_descriptions(300),
    ];
    for query in &queries {
        let results = INDEX.search(table(), query, 20);
        assert!(results.foods.len() <= 20 && results.foods.len() <= results.total);
    }
    assert_eq!(INDEX.search(table(), &queries[1], 20).total, 0);
}
