//! The default serving of every food of the shipped table, and of foods
//! people eat every day, checked against USDA's own measures
//! (`data/sr28-minerals.txt`).
#![cfg(not(target_arch = "wasm32"))]

use electrolyte_domain::foods::default_serving::MAX_DEFAULT_GRAMS;
use electrolyte_domain::foods::food::Portion;
use electrolyte_domain::foods::nutrient::Nutrient;
use electrolyte_domain::foods::rich_foods::{rank, Basis, RichFoodsQuery};
use electrolyte_domain::planning::plan::FoodUnit;
use electrolyte_domain::units::amount::MassUnit;

mod support {
    pub mod shipped;
}

use support::shipped::{food, table};

fn first_word(unit: &str) -> String {
    unit.split(|c: char| !c.is_ascii_alphabetic())
        .find(|w| !w.is_empty())
        .unwrap_or("")
        .to_ascii_lowercase()
}

/// "cup, mashed", "cup, diced", "cup chopped", "cup slices", "cup (1\" pieces)"...
fn is_cut_cup(portion: &Portion) -> bool {
    let unit = portion.unit.to_ascii_lowercase();
    first_word(&unit) == "cup"
        && [
            "mash", "dice", "chop", "slice", "piece", "cube", "shred", "halves",
        ]
        .iter()
        .any(|w| unit.contains(w))
}

/// Something one counts or weighs: 1 medium, 1 large, 1 slice, 1 fruit, 1 oz.
fn is_piece_or_ounce(portion: &Portion) -> bool {
    let unit = portion.unit.to_ascii_lowercase();
    !unit.contains("nlea")
        && [
            "medium", "large", "small", "extra", "slice", "fruit", "each", "piece", "item", "oz",
        ]
        .contains(&first_word(&unit).as_str())
}

#[test]
fn every_default_is_a_real_portion_of_at_most_400_g() {
    let table = table();
    let mut in_grams = 0;
    for food in table.foods() {
        let serving = table.default_serving(food);
        let grams = serving.grams(food);
        let label = serving.label(food);
        assert!(
            grams > 0.0 && grams <= MAX_DEFAULT_GRAMS,
            "{} {}: {label}",
            food.ndb,
            food.description
        );
        assert!(serving.amount > 0.0 && serving.amount.is_finite());
        match serving.unit {
            FoodUnit::Portion(i) => {
                let portion = &food.portions[i];
                assert!((grams - serving.amount * portion.grams).abs() < 1e-9);
                if is_cut_cup(portion) {
                    let countable = food
                        .portions
                        .iter()
                        .filter(|p| p.grams <= MAX_DEFAULT_GRAMS)
                        .find(|p| is_piece_or_ounce(p));
                    assert!(
                        countable.is_none(),
                        "{} {}: {label}, though it has {:?}",
                        food.ndb,
                        food.description,
                        countable
                    );
                }
            }
            FoodUnit::Mass(MassUnit::Gram) => in_grams += 1,
            FoodUnit::Mass(MassUnit::Ounce) => {}
        }
        assert!(!label.is_empty() && !label.contains("no longer"));
    }
    // Grams only where USDA has no usable measure (297 foods have none).
    assert!(in_grams < 1_000, "{in_grams} foods default to grams");
}

#[test]
fn everyday_foods_start_at_what_a_person_eats() {
    let expected: &[(&str, &str, f64)] = &[
        ("09040", "1 medium (7\" to 7-7/8\" long), 118 g", 118.0), // banana
        ("09003", "1 medium (3\" dia), 182 g", 182.0),             // apple
        ("09200", "1 fruit (2-5/8\" dia), 131 g", 131.0),          // orange
        ("09252", "1 medium, 178 g", 178.0),                       // pear
        (
            "09037",
            "1 avocado, NS as to Florida or California, 201 g",
            201.0,
        ),
        ("09316", "1 NLEA serving, 147 g", 147.0), // strawberries
        ("09050", "1 cup, 148 g", 148.0),          // blueberries
        ("09132", "1 NLEA serving, 126 g", 126.0), // grapes
        ("11529", "1 medium whole (2-3/5\" dia), 123 g", 123.0), // tomato
        ("11124", "1 medium, 61 g", 61.0),         // carrot
        ("11282", "1 medium (2-1/2\" dia), 110 g", 110.0), // onion
        ("11674", "1 potato medium, 173 g", 173.0), // baked potato
        ("11508", "1 medium (2\" dia, 5\" long, raw), 114 g", 114.0), // sweet potato
        ("11091", "0.5 cup, chopped, 78 g", 78.0), // broccoli, cooked
        ("11457", "1 cup, 30 g", 30.0),            // spinach, raw
        ("11251", "1 cup shredded, 47 g", 47.0),   // romaine, raw
        ("12061", "1 oz (23 whole kernels), 28.4 g", 28.35), // almonds
        ("12155", "1 oz (14 halves), 28.4 g", 28.35), // walnuts
        ("16090", "1 oz (28 g)", 28.349_523_125),  // peanuts
        ("12023", "1 tbsp, 9 g", 9.0),             // sesame seeds
        ("16098", "2 tbsp, 32 g", 32.0),           // peanut butter
        ("16158", "2 × 1 tbsp, 30 g", 30.0),       // hummus
        ("01077", "1 cup, 244 g", 244.0),          // whole milk
        ("01079", "1 cup, 244 g", 244.0),          // 2 % milk
        ("16120", "1 cup, 243 g", 243.0),          // soy milk
        ("14209", "1 cup (8 fl oz), 237 g", 237.0), // coffee
        ("14355", "1 cup (8 fl oz), 237 g", 237.0), // black tea
        ("09206", "1 cup, 248 g", 248.0),          // orange juice
        ("09214", "2 × 1 fl oz, 66 g", 66.0),      // orange juice concentrate
        ("14096", "1 serving (5 fl oz), 147 g", 147.0), // red wine
        ("01116", "1 container (6 oz), 170 g", 170.0), // plain yogurt
        ("01012", "4 oz (113 g)", 4.0 * 28.349_523_125), // cottage cheese
        ("01009", "1 oz (28 g)", 28.349_523_125),  // cheddar
        ("01123", "1 large, 50 g", 50.0),          // egg
        ("01129", "1 large, 50 g", 50.0),          // hard-boiled egg
        ("01001", "1 tbsp, 14.2 g", 14.2),         // butter
        ("04053", "1 tablespoon, 13.5 g", 13.5),   // olive oil
        ("04025", "1 tbsp, 13.8 g", 13.8),         // mayonnaise
        ("18075", "1 slice, 32 g", 32.0),          // whole-wheat bread
        ("08121", "1 cup, 234 g", 234.0),          // oatmeal, cooked
        ("08013", "1 cup (1 NLEA serving), 28 g", 28.0), // Cheerios
        ("20045", "1 cup, 158 g", 158.0),          // white rice, cooked
        ("20137", "1 cup, 185 g", 185.0),          // quinoa, cooked
        ("16070", "1 cup, 198 g", 198.0),          // lentils, cooked
        ("16015", "1 cup, 172 g", 172.0),          // black beans, cooked
        ("16057", "1 cup, 164 g", 164.0),          // chickpeas, cooked
        ("16126", "0.25 block, 81 g", 81.0),       // firm tofu
        ("05064", "3 oz (85 g)", 3.0 * 28.349_523_125), // chicken breast, roasted
        ("05098", "3 oz (85 g)", 3.0 * 28.349_523_125), // chicken thigh, roasted
        ("15086", "3 oz (85 g)", 3.0 * 28.349_523_125), // salmon, cooked
        ("15121", "3 oz (85 g)", 3.0 * 28.349_523_125), // canned tuna
        ("23568", "3 oz (85 g)", 3.0 * 28.349_523_125), // beef patty
        ("07022", "1 frankfurter, 50 g", 50.0),
        ("21271", "1 slice, 96 g", 96.0),       // pizza
        ("19296", "1 tbsp, 21 g", 21.0),        // honey
        ("19335", "1 tsp, 4.2 g", 4.2),         // sugar
        ("11935", "1 tbsp, 17 g", 17.0),        // ketchup
        ("16123", "1 tbsp, 16 g", 16.0),        // soy sauce
        ("02047", "1 tsp, 6 g", 6.0),           // salt
        ("18373", "1 tsp, 3 g", 3.0),           // cream of tartar
        ("18369", "1 tsp, 4.6 g", 4.6),         // baking powder
        ("02003", "1 tsp, ground, 1.4 g", 1.4), // dried basil
    ];
    assert!(expected.len() >= 40);
    let mut wrong = Vec::new();
    for &(ndb, label, grams) in expected {
        let food = food(ndb);
        let serving = table().default_serving(food);
        let (got_label, got_grams) = (serving.label(food), serving.grams(food));
        if got_label != label || (got_grams - grams).abs() > 1e-9 {
            wrong.push(format!(
                "{ndb} {}: {got_label} ({got_grams} g), expected {label} ({grams} g)",
                food.description
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn pinches_and_cups_of_seeds_no_longer_lead_the_per_portion_ranking() {
    let table = table();
    // The minerals one looks for (salt rightly leads the sodium list).
    for mineral in [Nutrient::Potassium, Nutrient::Magnesium, Nutrient::Calcium] {
        let query = RichFoodsQuery {
            mineral,
            basis: Basis::PerPortion,
            group: None,
            low_sodium: false,
        };
        let result = rank(table, &query);
        assert_eq!(result.excluded.no_basis, 0, "every food has a default");
        for entry in &result.ranked[..20] {
            let food = &table.foods()[entry.food];
            let d = food.description;
            assert!(
                !(d.contains("Leavening")
                    || d.contains("Spices")
                    || d.contains("sesame seeds")
                    || d.contains("undiluted")
                    || d.starts_with("Salt")),
                "{mineral:?}: {d} leads with {} mg in {}",
                entry.value,
                table.default_serving(food).label(food)
            );
        }
    }
}
