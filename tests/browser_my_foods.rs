//! Own foods and recipes in headless Chromium: the label form converts
//! salt and % Daily Value as typed and saves the food; its page shows a
//! portion's minerals and adds a snapshot to the plan; search lists it
//! first, marked "yours", and its "+ Add" plans its portion; a recipe's
//! page counts the ingredients lacking data; an unknown id is not found.
#![cfg(target_arch = "wasm32")]

mod support;

use electrolyte_planner::catalog;
use electrolyte_planner::domain::diary::day::DayEntry;
use electrolyte_planner::domain::diary::storage::{
    day_key, decode_day, decode_mine, save_mine, MINE_KEY,
};
use electrolyte_planner::domain::foods::custom::CustomFoodDraft;
use electrolyte_planner::domain::foods::mine::{MyFoodId, MyFoods};
use electrolyte_planner::domain::foods::nutrient::Nutrient;
use electrolyte_planner::domain::foods::recipe::{Ingredient, IngredientFood, RecipeDraft};
use electrolyte_planner::domain::planning::plan::{Entry, FoodUnit};
use electrolyte_planner::domain::units::amount::MassUnit;
use electrolyte_planner::storage::{today, BrowserStore};
use support::{mount_at, remount_at, until};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn stored(key: &str) -> Option<String> {
    let window = web_sys::window().unwrap();
    window
        .local_storage()
        .unwrap()
        .unwrap()
        .get_item(key)
        .unwrap()
}

/// A yogurt (per 100 g: K 141, Ca 115, Na 282 mg; 1 pot = 170 g) and a
/// bowl of 2 pots and 100 g of banana, stored before the mount.
fn store_yogurt_and_bowl() -> (MyFoodId, MyFoodId) {
    support::clear_storage();
    support::install_table();
    let mut mine = MyFoods::new();
    let mut yogurt = CustomFoodDraft::new("Skyr natural")
        .with(Nutrient::Potassium, 141.0)
        .with(Nutrient::Calcium, 115.0)
        .with(Nutrient::Sodium, 282.0);
    yogurt.brand = "Isey".into();
    yogurt.portions = vec![("1 pot".into(), 170.0)];
    let yogurt = mine.add_food(&yogurt).unwrap();
    let bowl = RecipeDraft {
        name: "Skyr bowl".into(),
        ingredients: vec![
            Ingredient {
                food: IngredientFood::Mine(yogurt),
                amount: 2.0,
                unit: FoodUnit::Portion(0),
            },
            Ingredient {
                food: IngredientFood::Usda("09040".parse().unwrap()),
                amount: 100.0,
                unit: FoodUnit::Mass(MassUnit::Gram),
            },
        ],
        servings: 2.0,
        cooked_grams: None,
    };
    let bowl = mine.add_recipe(&bowl, catalog::foods()).unwrap();
    save_mine(&mut BrowserStore, &mine).unwrap();
    (yogurt, bowl)
}

#[wasm_bindgen_test]
async fn the_label_form_converts_as_typed_and_saves_the_food() {
    let app = mount_at("/foods/new").await;
    app.type_into("my-food-name", "Greek yogurt 2 %").await;
    app.type_into("my-food-sodium", "1,2").await;
    app.choose("my-food-sodium-unit", "salt").await;
    assert_eq!(
        app.text("my-food-sodium-conversion"),
        "1.2 g salt ÷ 2.5 = 480 mg sodium"
    );
    app.type_into("my-food-calcium", "15").await;
    app.choose("my-food-calcium-unit", "dv").await;
    assert_eq!(
        app.text("my-food-calcium-conversion"),
        "15 % of the FDA Daily Value of 1,300 mg calcium = 195 mg"
    );
    // A bad figure: said, nothing stored.
    app.type_into("my-food-potassium", "lots").await;
    app.click("my-food-save").await;
    assert_eq!(
        app.text("my-food-error"),
        "Potassium: “lots” is not a number."
    );
    assert_eq!(stored(MINE_KEY), None);
    app.type_into("my-food-potassium", "").await;
    app.click("my-food-save").await;
    assert!(
        until(|| support::pathname() == "/my/0").await,
        "{}",
        support::pathname()
    );
    // Per 100 g as typed (the values were per 100 g): 480 mg sodium.
    let mine = decode_mine(&stored(MINE_KEY).unwrap()).unwrap().value;
    let food = mine.food(MyFoodId::parse("0").unwrap()).unwrap();
    assert_eq!(food.per_100g().get(Nutrient::Sodium), Some(480.0));
    assert_eq!(food.per_100g().get(Nutrient::Potassium), None);
    assert!(until(|| app.find("my-food-meta").is_some()).await);
    assert_eq!(app.text("value-sodium"), "480 mg");
    assert_eq!(app.text("value-potassium"), "no data");
}

#[wasm_bindgen_test]
async fn its_page_adds_a_snapshot_of_the_chosen_portion() {
    let (yogurt, _) = store_yogurt_and_bowl();
    let app = remount_at(&format!("/my/{yogurt}")).await;
    assert_eq!(app.text("food-title"), "Skyr natural (Isey)");
    // One pot of 170 g: 141 × 1.7 = 239.7 mg of potassium.
    assert_eq!(app.text("value-potassium"), "240 mg");
    app.type_into("my-amount", "2").await;
    assert_eq!(app.text("value-potassium"), "479 mg");
    app.type_into("my-amount", "-1").await;
    assert!(!app.text("amount-error").is_empty());
    app.type_into("my-amount", "2").await;
    app.click("add-to-plan").await;
    assert!(app
        .text("add-to-plan-status")
        .starts_with("Added 2 × 1 pot, 340 g of Skyr natural (Isey)"));
    // The day keeps its own copy of the values.
    let raw = stored(&day_key(today())).unwrap();
    let day: DayEntry = decode_day(&raw).unwrap().value;
    let (_, item) = day.plan().iter().next().unwrap();
    match &item.entry {
        Entry::Mine(m) => {
            assert_eq!(m.source, yogurt);
            assert_eq!(m.per_100g.get(Nutrient::Potassium), Some(141.0));
            assert_eq!(m.amount, 2.0);
        }
        other => panic!("{other:?}"),
    }
    assert!(until(|| app.text("my-days-using").starts_with("Planned on 1 day.")).await);
}

#[wasm_bindgen_test]
async fn search_lists_own_foods_first_and_adds_their_portion() {
    let (yogurt, _) = store_yogurt_and_bowl();
    let app = remount_at("/").await;
    app.type_into("search-input", "skyr").await;
    let yours = app.all("search-result-yours");
    assert_eq!(yours.len(), 2);
    let first = app.get("search-results").first_element_child().unwrap();
    assert_eq!(
        first.get_attribute("data-testid").as_deref(),
        Some("search-result-yours")
    );
    let names: Vec<String> = yours
        .iter()
        .map(|r| support::within(r, "result-name").text_content().unwrap())
        .collect();
    assert_eq!(names, ["Skyr bowl", "Skyr natural (Isey)"]);
    assert!(yours[0].text_content().unwrap().contains("yours"));
    assert!(app.text("search-count").ends_with("2 of yours."));
    // "+ Add" of the yogurt: its first portion.
    let add = app
        .root
        .query_selector(&format!(
            "[data-testid='search-quick-add'][data-my-id='{yogurt}']"
        ))
        .unwrap()
        .unwrap();
    support::click(&add).await;
    assert!(
        app.text("search-add-status")
            .starts_with("Added 1 pot, 170 g of Skyr natural (Isey) to "),
        "{}",
        app.text("search-add-status")
    );
}

#[wasm_bindgen_test]
async fn a_recipe_page_lists_ingredients_and_counts_missing_data() {
    let (_, bowl) = store_yogurt_and_bowl();
    let app = remount_at(&format!("/my/{bowl}")).await;
    assert_eq!(app.text("food-title"), "Skyr bowl");
    assert!(app
        .text("my-food-meta")
        .contains("2 ingredients · 2 servings"));
    // One serving: half of 2 pots and 100 g of banana = 220 g.
    assert_eq!(
        app.get("my-unit")
            .unchecked_into::<web_sys::HtmlSelectElement>()
            .value(),
        "serving"
    );
    // The yogurt has no magnesium data: at least the banana's half.
    assert!(
        app.text("value-magnesium").starts_with("at least "),
        "{}",
        app.text("value-magnesium")
    );
    let items = app.get("my-ingredients").children().length();
    assert_eq!(items, 2);
}

#[wasm_bindgen_test]
async fn an_unknown_id_is_not_found() {
    store_yogurt_and_bowl();
    let app = remount_at("/my/999").await;
    assert!(app.find("not-found").is_some());
    drop(app);
    let app = remount_at("/my/abc/edit").await;
    assert!(app.find("not-found").is_some());
}
