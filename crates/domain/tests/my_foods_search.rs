//! The search budget with a big collection of own foods: 500 custom foods
//! and 200 recipes of real USDA ingredients, searched beside the shipped
//! table, stay within 1 ms per query (the UI's per-keystroke budget for
//! the own foods' part; the USDA search is measured in its own tests).

use std::time::Instant;

use electrolyte_domain::foods::custom::CustomFoodDraft;
use electrolyte_domain::foods::food_table::sr28;
use electrolyte_domain::foods::mine::{MyFoods, MyUnit};
use electrolyte_domain::foods::my_search::{search_all, MyKind, MySearchIndex};
use electrolyte_domain::foods::nutrient::Nutrient;
use electrolyte_domain::foods::recipe::{Ingredient, IngredientFood, RecipeDraft};
use electrolyte_domain::foods::search::SearchIndex;
use electrolyte_domain::planning::plan::FoodUnit;
use electrolyte_domain::units::amount::MassUnit;

const WORDS: [&str; 12] = [
    "yogurt", "bread", "soup", "granola", "cheese", "smoothie", "muesli", "chili", "stew", "salad",
    "pancakes", "curry",
];
const QUALIFIERS: [&str; 10] = [
    "greek", "rye", "tomato", "oat", "goat", "berry", "spelt", "bean", "lentil", "spinach",
];

fn big_collection() -> MyFoods {
    let table = sr28();
    let mut mine = MyFoods::new();
    let mut foods = Vec::new();
    for i in 0..500 {
        let name = format!(
            "{} {}, {} no. {i}",
            QUALIFIERS[i % QUALIFIERS.len()],
            WORDS[i % WORDS.len()],
            WORDS[(i / 7) % WORDS.len()]
        );
        let mut draft = CustomFoodDraft::new(&name).with(Nutrient::Potassium, (i % 400) as f64);
        draft.brand = format!("Brand {}", i % 37);
        draft.portions = vec![("1 pot".into(), 125.0)];
        foods.push(mine.add_food(&draft).unwrap());
    }
    let usda: Vec<_> = table.foods().iter().step_by(97).map(|f| f.ndb).collect();
    for i in 0..200 {
        let mut ingredients: Vec<Ingredient> = (0..4)
            .map(|j| Ingredient {
                food: IngredientFood::Usda(usda[(i * 4 + j) % usda.len()]),
                amount: 100.0,
                unit: FoodUnit::Mass(MassUnit::Gram),
            })
            .collect();
        ingredients.push(Ingredient {
            food: IngredientFood::Mine(foods[i]),
            amount: 1.0,
            unit: FoodUnit::Portion(0),
        });
        let draft = RecipeDraft {
            name: format!("Family {} {} {i}", QUALIFIERS[i % 10], WORDS[i % 12]),
            ingredients,
            servings: 4.0,
            cooked_grams: Some(1_200.0),
        };
        mine.add_recipe(&draft, table).unwrap();
    }
    mine
}

#[test]
fn own_foods_search_stays_within_one_millisecond_per_query() {
    let mine = big_collection();
    assert_eq!(mine.len(), 700);
    let started = Instant::now();
    let index = MySearchIndex::new(&mine);
    let built = started.elapsed();
    let queries = [
        "y",
        "yog",
        "yogurt",
        "greek yogurt",
        "rye br",
        "family soup",
        "soup lentil",
        "brand 3",
        "no 42",
        "pancakes berry",
        "curry",
        "x",
        "sp",
        "stew bean family",
        "cheeses",
    ];
    let rounds = 20;
    let started = Instant::now();
    for _ in 0..rounds {
        for q in queries {
            std::hint::black_box(index.search(q, 20));
        }
    }
    let per_query = started.elapsed() / (rounds * queries.len() as u32);
    println!("own foods: index of 700 built in {built:?}, {per_query:?} per query");
    assert!(per_query.as_secs_f64() <= 1e-3, "{per_query:?} per query");
    // The answers are right, too.
    let (hits, total) = index.search("family soup", 20);
    assert!(total > 0 && hits.iter().all(|h| h.kind == MyKind::Recipe));
    assert!(index.search("greek yogurt", 500).1 >= 9 + 4);
    // Beside the USDA table: both lists, the USDA one as its own search gives it.
    let table = sr28();
    let usda = SearchIndex::new(table);
    let all = search_all(&usda, table, &index, "yogurt", 10);
    assert_eq!(all.usda, usda.search(table, "yogurt", 10));
    assert!(all.yours_total >= 40);
    // Every recipe can be planned by the serving.
    for (id, _) in mine.recipes() {
        mine.snapshot(id, 1.0, MyUnit::Serving, table).unwrap();
    }
}
