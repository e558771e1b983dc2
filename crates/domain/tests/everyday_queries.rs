//! Search means what people mean (issue 11, item 4), on the real SR28 table:
//! ≥ 80 everyday queries each find the food a person means among the first
//! 3 results (tests/fixtures/everyday_queries.csv); a negated word never
//! matches ("non-soy" is not soy); British and everyday names and two-word
//! names are read as USDA's words.
#![cfg(not(target_arch = "wasm32"))]

use std::sync::LazyLock;

use electrolyte_domain::foods::food_table::{sr28, FoodTable};
use electrolyte_domain::foods::search::SearchIndex;

static INDEX: LazyLock<SearchIndex> = LazyLock::new(|| SearchIndex::new(table()));

fn table() -> &'static FoodTable {
    sr28()
}

/// The NDB numbers and descriptions of the best `n` matches of `query`.
fn top(query: &str, n: usize) -> Vec<(String, &'static str)> {
    INDEX
        .search(table(), query, n)
        .foods
        .iter()
        .map(|&i| {
            let food = &table().foods()[i];
            (food.ndb.to_string(), food.description)
        })
        .collect()
}

#[test]
fn everyday_queries_find_the_food_people_mean_in_the_top_3() {
    let list = include_str!("fixtures/everyday_queries.csv");
    let mut checked = 0;
    let mut wrong = Vec::new();
    for line in list.lines().filter(|l| !l.starts_with('#')).skip(1) {
        let (query, ndbs) = line.split_once(',').expect("query,ndb numbers");
        let meant: Vec<&str> = ndbs.split_whitespace().collect();
        assert!(!meant.is_empty(), "{line}");
        for ndb in &meant {
            assert!(
                table().get(ndb.parse().unwrap()).is_some(),
                "{ndb} of {query:?} is not in the table"
            );
        }
        let found = top(query, 3);
        if !found.iter().any(|(ndb, _)| meant.contains(&ndb.as_str())) {
            wrong.push(format!("{query:?} wants one of {meant:?}, found {found:?}"));
        }
        checked += 1;
    }
    assert!(checked >= 80, "only {checked} queries");
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn a_negated_word_never_matches() {
    // "Milk, imitation, non-soy" is not soy, nor soy milk.
    for query in ["soy", "soy milk", "soya milk"] {
        let all = INDEX.search(table(), query, usize::MAX);
        let foods: Vec<&str> = all
            .foods
            .iter()
            .map(|&i| table().foods()[i].description)
            .collect();
        assert!(
            !foods.iter().any(|d| d.contains("non-soy")),
            "{query:?} found a non-soy food"
        );
    }
    // Typed as written, it is found.
    assert_eq!(top("non-soy", 1)[0].1, "Milk, imitation, non-soy");
    assert_eq!(
        top("milk imitation non", 1)[0].1,
        "Milk, imitation, non-soy"
    );
}

#[test]
fn british_everyday_and_two_word_names_read_as_usdas() {
    for (typed, usda) in [
        ("courgette", "zucchini"),
        ("courgettes raw", "zucchini raw"),
        ("aubergine", "eggplant"),
        ("rocket", "arugula"),
        ("yoghurt plain", "yogurt plain"),
        ("soya milk", "soymilk"),
        ("soy milk chocolate", "soymilk chocolate"),
        ("prawns cooked", "shrimp cooked"),
        ("porridge", "oats"),
    ] {
        assert_eq!(top(typed, 10), top(usda, 10), "{typed:?} = {usda:?}");
    }
    // "oatmeal" alone is the porridge; with another word, oatmeal as named.
    assert_eq!(top("oatmeal", 5), top("oats", 5));
    assert!(top("oatmeal cookies", 1)[0]
        .1
        .starts_with("Cookies, oatmeal"));
    // Only whole words are read so: a word still being typed is a prefix
    // as before, and no SR28 word starts with "courg".
    assert!(top("courg", 5).is_empty());
}
