//! Checks the shipped food table (`data/sr28-minerals.txt`) against the
//! facts in `shared/data/usda/SOURCE.md` and, when that folder is present,
//! value by value against the USDA CSVs themselves.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::HashMap;
use std::fs;
use std::path::Path;

use electrolyte_domain::foods::food::Food;
use electrolyte_domain::foods::food_table::FoodTable;
use electrolyte_domain::foods::nutrient::Nutrient;

mod support {
    pub mod shipped;
}

use support::shipped::{food, table};

/// K, Mg, Ca, Na per 100 g.
fn minerals(food: &Food) -> [Option<f64>; 4] {
    Nutrient::MINERALS.map(|n| food.per_100g.get(n))
}

#[test]
fn has_every_food_portion_and_group_of_sr28() {
    let table = table();
    assert_eq!(table.foods().len(), 8_789);
    assert_eq!(table.groups().len(), 25);
    let portions: usize = table.foods().iter().map(|f| f.portions.len()).sum();
    assert_eq!(portions, 15_438);
    let without_portions = table
        .foods()
        .iter()
        .filter(|f| f.portions.is_empty())
        .count();
    assert_eq!(without_portions, 297);
}

#[test]
fn missing_values_match_the_source_notes() {
    let expected = [
        (Nutrient::Energy, 0),
        (Nutrient::Water, 1),
        (Nutrient::Potassium, 426),
        (Nutrient::Magnesium, 739),
        (Nutrient::Calcium, 348),
        (Nutrient::Sodium, 83),
    ];
    for (nutrient, missing) in expected {
        let count = table()
            .foods()
            .iter()
            .filter(|f| f.per_100g.get(nutrient).is_none())
            .count();
        assert_eq!(count, missing, "{}", nutrient.name());
    }
}

#[test]
fn spot_checks_equal_published_sr28_values() {
    let cases = [
        ("09040", "Bananas, raw", [358.0, 27.0, 5.0, 1.0]),
        ("11457", "Spinach, raw", [558.0, 79.0, 99.0, 79.0]),
        (
            "01077",
            "Milk, whole, 3.25% milkfat, with added vitamin D",
            [132.0, 10.0, 113.0, 43.0],
        ),
        ("01001", "Butter, salted", [24.0, 2.0, 24.0, 643.0]),
    ];
    for (ndb, description, values) in cases {
        let food = food(ndb);
        assert_eq!(food.description, description);
        assert_eq!(minerals(food), values.map(Some), "{description}");
    }
    assert_eq!(table().group(food("09040").group).code, "0900");
}

#[test]
fn portabella_has_no_magnesium_value() {
    let portabella = food("11265");
    assert!(portabella.description.contains("portabella"));
    assert_eq!(portabella.per_100g.get(Nutrient::Magnesium), None);
    assert!(portabella.per_100g.get(Nutrient::Potassium).is_some());
}

#[test]
fn a_medium_banana_weighs_118_g() {
    let medium = food("09040")
        .portions
        .iter()
        .find(|p| p.label() == "1 medium (7\" to 7-7/8\" long)")
        .expect("the banana has a medium portion");
    assert_eq!(medium.grams, 118.0);
}

/// A minimal RFC 4180 reader, independent of the converter's.
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let (mut rows, mut row, mut field) = (Vec::new(), Vec::new(), String::new());
    let mut in_quotes = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (in_quotes, c) {
            (true, '"') if chars.next_if_eq(&'"').is_some() => field.push('"'),
            (true, '"') => in_quotes = false,
            (false, '"') => in_quotes = true,
            (false, ',') => row.push(std::mem::take(&mut field)),
            (false, '\n') => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            (_, c) => field.push(c),
        }
    }
    assert!(
        !in_quotes && field.is_empty() && row.is_empty(),
        "CSV ends cleanly"
    );
    rows
}

/// The rows of a CSV file as maps from column name to value.
fn read_rows(dir: &Path, name: &str) -> Vec<HashMap<String, String>> {
    let text = fs::read_to_string(dir.join(name)).unwrap();
    let mut rows = parse_csv(&text).into_iter();
    let header = rows.next().expect("a header row");
    rows.map(|row| {
        assert_eq!(row.len(), header.len(), "{name}: {row:?}");
        header.iter().cloned().zip(row).collect()
    })
    .collect()
}

/// USDA's verbatim string as the table's value: empty is unknown.
fn usda_value(text: &str) -> Option<f64> {
    (!text.is_empty()).then(|| text.parse().unwrap())
}

#[test]
fn every_value_equals_the_usda_csvs() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/usda");
    if !dir.is_dir() {
        println!("skipped: {} is missing", dir.display());
        return;
    }
    let table = table();
    compare_groups(table, &read_rows(&dir, "food_groups.csv"));
    compare_foods(table, &read_rows(&dir, "foods.csv"));
    compare_portions(table, &read_rows(&dir, "portions.csv"));
}

fn compare_groups(table: &FoodTable, rows: &[HashMap<String, String>]) {
    let groups: Vec<(&str, &str)> = table.groups().iter().map(|g| (g.code, g.name)).collect();
    let expected: Vec<(&str, &str)> = rows
        .iter()
        .map(|r| (r["food_group"].as_str(), r["name"].as_str()))
        .collect();
    assert_eq!(groups, expected);
}

fn compare_foods(table: &FoodTable, rows: &[HashMap<String, String>]) {
    assert_eq!(rows.len(), table.foods().len());
    let columns = [
        (Nutrient::Energy, "energy_kcal"),
        (Nutrient::Water, "water_g"),
        (Nutrient::Potassium, "potassium_mg"),
        (Nutrient::Magnesium, "magnesium_mg"),
        (Nutrient::Calcium, "calcium_mg"),
        (Nutrient::Sodium, "sodium_mg"),
    ];
    for (food, row) in table.foods().iter().zip(rows) {
        assert_eq!(food.ndb.to_string(), row["ndb_no"]);
        assert_eq!(food.description, row["description"]);
        assert_eq!(table.group(food.group).code, row["food_group"]);
        for (nutrient, column) in columns {
            let value = food.per_100g.get(nutrient);
            assert_eq!(value, usda_value(&row[column]), "{} {column}", food.ndb);
        }
    }
}

fn compare_portions(table: &FoodTable, rows: &[HashMap<String, String>]) {
    let mut expected: HashMap<&str, Vec<(u32, f64, &str, f64)>> = HashMap::new();
    for row in rows {
        expected.entry(row["ndb_no"].as_str()).or_default().push((
            row["seq"].parse().unwrap(),
            row["amount"].parse().unwrap(),
            row["unit"].as_str(),
            row["gram_weight"].parse().unwrap(),
        ));
    }
    for food in table.foods() {
        let mut portions = expected
            .remove(food.ndb.to_string().as_str())
            .unwrap_or_default();
        portions.sort_by_key(|&(seq, ..)| seq);
        let portions: Vec<(f64, &str, f64)> =
            portions.into_iter().map(|(_, a, u, g)| (a, u, g)).collect();
        let shipped: Vec<(f64, &str, f64)> = food
            .portions
            .iter()
            .map(|p| (p.amount, p.unit, p.grams))
            .collect();
        assert_eq!(shipped, portions, "portions of {}", food.ndb);
    }
    assert!(
        expected.is_empty(),
        "portions of unknown foods: {:?}",
        expected.keys()
    );
}
