//! The day planner in headless Chromium: adding foods and supplements,
//! the progress bars' ARIA values and text, remove and undo, targets, and
//! bad input that must change nothing.
//!
//! Bananas, raw (09040) per 100 g: K 358, Mg 27, Ca 5, Na 1 mg; its fifth
//! portion (index 4) is 1 medium, 118 g. The default profile is a woman of
//! 40: potassium 2,600 mg (AI), sodium at most 2,300 mg (CDRR).
#![cfg(target_arch = "wasm32")]

mod support;

use support::{choose_in, click, go_to, mount_at, remount_at, type_in, until, within, Mounted};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlInputElement, HtmlSelectElement};

wasm_bindgen_test_configure!(run_in_browser);

/// Mounts `/plan` and adds `amount` of `unit` of the first result for
/// `query` to `meal`.
async fn plan_with(query: &str, meal: &str, amount: &str, unit: &str) -> Mounted {
    let app = mount_at("/plan").await;
    add_food(&app, query, meal, amount, unit).await;
    app
}

async fn add_food(app: &Mounted, query: &str, meal: &str, amount: &str, unit: &str) {
    app.type_into("plan-search-input", query).await;
    click(&app.all("plan-search-result")[0]).await;
    app.click(&format!("plan-meal-{meal}")).await;
    app.choose("plan-add-unit", unit).await;
    app.type_into("plan-add-amount", amount).await;
    app.click("plan-add-food").await;
}

fn attr(element: &Element, name: &str) -> String {
    element.get_attribute(name).unwrap_or_default()
}

fn items(app: &Mounted) -> Vec<Element> {
    app.all("plan-item")
}

#[wasm_bindgen_test]
async fn a_medium_banana_fills_the_bars_with_aria_values_and_text() {
    let app = plan_with("ban raw", "breakfast", "1", "portion-4").await;
    assert_eq!(
        app.text("plan-add-status"),
        "Added 1 medium (7\" to 7-7/8\" long), 118 g of Bananas, raw to breakfast."
    );
    let rows = items(&app);
    assert_eq!(rows.len(), 1);
    assert_eq!(
        within(&rows[0], "item-name").text_content().unwrap(),
        "Bananas, raw"
    );

    let k = app.get("progress-potassium");
    assert_eq!(attr(&k, "role"), "progressbar");
    assert_eq!(attr(&k, "aria-label"), "Potassium");
    assert_eq!(attr(&k, "aria-valuemin"), "0");
    assert_eq!(attr(&k, "aria-valuemax"), "2600");
    assert_eq!(attr(&k, "aria-valuenow"), "422.44");
    assert_eq!(
        attr(&k, "aria-valuetext"),
        "422 / 2,600 mg. 16 % of 2,600 mg. Not yet met."
    );
    assert_eq!(app.text("progress-potassium-label"), "422 / 2,600 mg");
    assert_eq!(app.text("progress-potassium-status"), "○ 2,178 to go");
    assert_eq!(
        attr(&app.get("progress-magnesium"), "aria-valuenow"),
        "31.86"
    );
    assert_eq!(attr(&app.get("progress-calcium"), "aria-valuenow"), "5.9");
    let na = app.get("progress-sodium");
    assert_eq!(attr(&na, "aria-valuenow"), "1.18");
    assert_eq!(attr(&na, "aria-valuemax"), "2300");
    assert!(attr(&na, "aria-valuetext").contains("Within the limit"));
    assert!(app.text("meal-breakfast-totals").contains("K 422 mg"));
    assert_eq!(app.text("day-total-potassium"), "422 mg");

    // Two bananas: every bar follows the amount as it is typed.
    type_in(&within(&rows[0], "item-amount"), "2").await;
    assert_eq!(
        attr(&app.get("progress-potassium"), "aria-valuenow"),
        "844.88"
    );
    assert_eq!(app.text("progress-potassium-label"), "845 / 2,600 mg");
}

#[wasm_bindgen_test]
async fn met_targets_and_missing_data_are_said_in_words() {
    let app = plan_with("ban raw", "breakfast", "800", "g").await;
    assert_eq!(app.text("progress-potassium-status"), "✓ met");
    let status = app.text("progress-potassium-detail");
    assert!(status.contains("Met: 110 % of 2,600 mg"), "{status}");
    assert!(attr(&app.get("progress-potassium"), "aria-valuetext").contains("Met."));
    // Duck breast has no potassium data: the total becomes a lower bound.
    add_food(&app, "duck pekin breast skin roasted", "dinner", "100", "g").await;
    let label = app.text("progress-potassium-label");
    assert!(label.starts_with("at least 2,864 / 2,600 mg"), "{label}");
    assert!(app
        .text("progress-potassium-detail")
        .contains("1 item has no potassium data"));

    // "Show sources": items by what they add, those without data apart.
    app.click("progress-potassium-sources").await;
    let sources = app.get("sources-potassium");
    let first = within(&sources, "source-item").text_content().unwrap();
    assert!(
        first.contains("Bananas, raw") && first.contains("2,864 mg (100 %)"),
        "{first}"
    );
    assert!(within(&sources, "sources-missing")
        .text_content()
        .unwrap()
        .contains("Duck"));
    assert_eq!(
        attr(&app.get("progress-potassium-sources"), "aria-expanded"),
        "true"
    );
}

#[wasm_bindgen_test]
async fn remove_then_undo_restores_the_item_in_place() {
    let app = plan_with("ban raw", "lunch", "1", "portion-4").await;
    add_food(&app, "spinach raw", "lunch", "100", "g").await;
    let rows = items(&app);
    assert_eq!(rows.len(), 2);
    let unit = |row: &Element| {
        within(row, "item-unit")
            .unchecked_into::<HtmlSelectElement>()
            .value()
    };
    assert_eq!(unit(&rows[0]), "portion-4");
    assert_eq!(unit(&rows[1]), "g");
    // Changing the unit to g keeps the weight: 1 medium banana → 118 g.
    choose_in(&within(&rows[0], "item-unit"), "g").await;
    let amount = within(&rows[0], "item-amount").unchecked_into::<HtmlInputElement>();
    assert!(
        until(|| amount.value() == "118").await,
        "{}",
        amount.value()
    );
    choose_in(&within(&rows[0], "item-unit"), "portion-4").await;
    assert!(until(|| amount.value() == "1").await, "{}", amount.value());
    let banana_id = attr(&rows[0], "data-item-id");
    click(&within(&rows[0], "item-remove")).await;
    assert_eq!(items(&app).len(), 1);
    assert_eq!(app.text("removal-text"), "Removed Bananas, raw. ");
    let k_without = attr(&app.get("progress-potassium"), "aria-valuenow");
    app.click("undo-remove").await;
    let rows = items(&app);
    assert_eq!(rows.len(), 2);
    assert_eq!(attr(&rows[0], "data-item-id"), banana_id);
    assert!(app.find("undo-remove").is_none());
    assert_ne!(
        attr(&app.get("progress-potassium"), "aria-valuenow"),
        k_without
    );

    // "Move to": the banana goes to the end of snacks.
    choose_in(&within(&rows[0], "item-move"), "snacks").await;
    let snacks = app.get("meal-snacks");
    assert_eq!(
        within(&snacks, "item-name").text_content().unwrap(),
        "Bananas, raw"
    );
}

#[wasm_bindgen_test]
async fn bad_amounts_show_a_message_and_change_nothing() {
    let app = plan_with("ban raw", "breakfast", "1", "portion-4").await;
    let row = items(&app).remove(0);
    let amount = within(&row, "item-amount");
    for bad in ["abc", "-1", "0", "100"] {
        type_in(&amount, bad).await;
        let error = within(&row, "item-error").text_content().unwrap();
        assert!(error.ends_with('.'), "{bad}: {error:?}");
        assert_eq!(attr(&amount, "aria-invalid"), "true", "{bad}");
        assert_eq!(
            attr(&app.get("progress-potassium"), "aria-valuenow"),
            "422.44",
            "{bad}"
        );
    }
    type_in(&amount, "1").await;
    assert_eq!(within(&row, "item-error").text_content().unwrap(), "");

    // 50 kg of spinach is refused; the plan keeps its one item.
    app.type_into("plan-search-input", "spinach raw").await;
    click(&app.all("plan-search-result")[0]).await;
    app.choose("plan-add-unit", "g").await;
    app.type_into("plan-add-amount", "50000").await;
    app.click("plan-add-food").await;
    assert!(!app.text("plan-add-error").is_empty());
    assert_eq!(items(&app).len(), 1);
    app.type_into("plan-add-amount", "abc").await;
    app.click("plan-add-food").await;
    assert!(!app.text("plan-add-error").is_empty());
    assert_eq!(items(&app).len(), 1);
}

#[wasm_bindgen_test]
async fn supplements_and_drinks_carry_their_hints_and_warnings() {
    let app = mount_at("/plan").await;
    app.choose("plan-other-meal", "breakfast").await;
    assert!(app.text("plan-other-hint").contains("elemental"));
    app.type_into("plan-other-amount", "400").await;
    app.click("plan-add-other").await;
    // Made once the write lock across tabs is granted.
    assert!(until(|| !app.text("plan-other-status").is_empty()).await);
    assert_eq!(
        app.text("plan-other-status"),
        "Added Magnesium citrate to breakfast."
    );
    assert!(app.text("warning-magnesium").contains("350"));
    assert_eq!(attr(&app.get("progress-magnesium"), "aria-valuenow"), "400");

    app.choose("plan-other-kind", "potassium").await;
    app.type_into("plan-other-amount", "1.5").await;
    app.click("plan-add-other").await;
    assert!(app.text("plan-other-error").contains("whole"));
    assert!(app.find("warning-potassium").is_none());
    app.type_into("plan-other-amount", "2").await;
    app.click("plan-add-other").await;
    assert!(until(|| app.find("warning-potassium").is_some()).await);
    assert_eq!(attr(&app.get("progress-potassium"), "aria-valuenow"), "198");

    app.choose("plan-other-kind", "drink").await;
    app.choose("plan-other-volume", "glass").await;
    app.type_into("plan-other-amount", "2").await;
    app.click("plan-add-other").await;
    assert!(until(|| items(&app).len() == 3).await);
    assert_eq!(attr(&app.get("progress-water"), "aria-valuenow"), "500");
    assert_eq!(items(&app).len(), 3);
}

#[wasm_bindgen_test]
async fn targets_follow_the_profile_and_overrides_with_clear_refusals() {
    let app = mount_at("/targets").await;
    assert!(app.text("potassium-4700").contains("4,700 mg"));
    app.type_into("profile-age", "34").await;
    app.choose("profile-sex", "male").await;
    assert!(app.find("profile-stage").is_none());
    app.click("profile-submit").await;
    assert_eq!(app.text("target-amount-potassium"), "3,400 mg");
    assert!(app
        .text("target-source-potassium")
        .contains("Adequate Intake (AI)"));

    // Age 200 is refused and nothing changes.
    app.type_into("profile-age", "200").await;
    app.click("profile-submit").await;
    assert_eq!(
        app.text("profile-error"),
        "Enter an age of 120 years or less."
    );
    assert_eq!(app.text("target-amount-potassium"), "3,400 mg");

    // Overrides: bad input changes nothing, a good one shows, Reset undoes it.
    app.type_into("target-input-potassium", "abc").await;
    app.click("target-set-potassium").await;
    assert!(!app.text("target-error-potassium").is_empty());
    assert_eq!(app.text("target-amount-potassium"), "3,400 mg");
    app.type_into("target-input-potassium", "3000").await;
    app.click("target-set-potassium").await;
    assert_eq!(app.text("target-amount-potassium"), "3,000 mg");
    assert!(app
        .text("target-source-potassium")
        .starts_with("Your own target"));
    app.click("target-reset-potassium").await;
    assert_eq!(app.text("target-amount-potassium"), "3,400 mg");

    // The label Daily Values preset.
    app.click("preset-label_dv").await;
    assert_eq!(app.text("target-amount-potassium"), "4,700 mg");

    // The targets stay when moving to the plan.
    assert_eq!(attr(&app.get("targets-plan-link"), "href"), "/plan");
    go_to("/plan").await;
    assert!(until(|| app.find("progress-potassium").is_some()).await);
    assert_eq!(
        attr(&app.get("progress-potassium"), "aria-valuemax"),
        "4700"
    );
}

#[wasm_bindgen_test]
async fn the_food_page_adds_its_serving_to_the_plan() {
    let app = mount_at("/food/09040").await;
    app.choose("serving-select", "portion-4").await;
    app.choose("add-to-plan-meal", "snacks").await;
    app.click("add-to-plan").await;
    let status = app.text("add-to-plan-status");
    assert!(status.starts_with("Added 1 medium"), "{status}");
    assert!(status.contains("to snacks."), "{status}");
    assert_eq!(attr(&app.get("add-to-plan-link"), "href"), "/plan");
    go_to("/plan").await;
    assert!(until(|| app.find("meal-snacks").is_some()).await);
    let snacks = app.get("meal-snacks");
    assert_eq!(
        within(&snacks, "item-name").text_content().unwrap(),
        "Bananas, raw"
    );
}

#[wasm_bindgen_test]
async fn the_plan_search_works_from_the_keyboard() {
    let app = mount_at("/plan").await;
    app.type_into("plan-search-input", "ban raw").await;
    // Arrow down moves into the results, on the first food's button.
    app.press("plan-search-input", "ArrowDown").await;
    let focused = web_sys::window()
        .unwrap()
        .document()
        .unwrap()
        .active_element()
        .unwrap();
    assert_eq!(attr(&focused, "data-testid"), "plan-search-result");
    assert!(focused.text_content().unwrap().starts_with("Bananas, raw"));
    // Enter in the box chooses the first food, at its default portion.
    app.press("plan-search-input", "Enter").await;
    assert_eq!(app.text("plan-chosen-food"), "Bananas, raw");
    assert!(app.all("plan-search-result").is_empty());
    let unit = app
        .get("plan-add-unit")
        .unchecked_into::<HtmlSelectElement>();
    assert_eq!(unit.value(), "portion-4");
    let amount = app
        .get("plan-add-amount")
        .unchecked_into::<HtmlInputElement>();
    assert!(until(|| amount.value() == "1").await, "{}", amount.value());
}

#[wasm_bindgen_test]
async fn a_result_adds_its_default_portion_in_one_tap() {
    let app = mount_at("/plan").await;
    app.click("plan-meal-lunch").await;
    app.type_into("plan-search-input", "almo").await;
    let add = app
        .all("plan-quick-add")
        .into_iter()
        .find(|b| attr(b, "data-ndb") == "12061")
        .expect("almonds are a result");
    assert_eq!(
        add.text_content().unwrap(),
        "+ Add 1 oz (23 whole kernels), 28.4 g of Nuts, almonds to lunch"
    );
    click(&add).await;
    assert_eq!(
        app.text("plan-add-status"),
        "Added 1 oz (23 whole kernels), 28.4 g of Nuts, almonds to lunch."
    );
    let rows = items(&app);
    assert_eq!(rows.len(), 1);
    assert!(app.get("meal-lunch").contains(Some(&rows[0])));
    // 733 mg K per 100 g × 28.35 g.
    assert_eq!(
        attr(&app.get("progress-potassium"), "aria-valuenow"),
        "207.81"
    );
    assert!(within(&rows[0], "item-minerals")
        .text_content()
        .unwrap()
        .starts_with("K 208 · Mg 77 · Ca 76 · Na 0.3 mg"));
    // Ready for the next food: the search is empty again.
    assert!(app.all("plan-search-result").is_empty());
}

#[wasm_bindgen_test]
async fn water_is_one_tap_a_glass_on_one_line() {
    let app = mount_at("/plan").await;
    app.click("plan-meal-dinner").await;
    for _ in 0..3 {
        app.click("water-add").await;
    }
    // Made once the write lock across tabs is granted.
    assert!(until(|| app.text("water-count") == "3 glasses of 250 ml").await);
    assert_eq!(attr(&app.get("progress-water"), "aria-valuenow"), "750");
    let rows = items(&app);
    assert_eq!(rows.len(), 1);
    assert!(app.get("meal-dinner").contains(Some(&rows[0])));
    assert_eq!(
        within(&rows[0], "item-description").text_content().unwrap(),
        "3 glasses (750 ml)"
    );
    app.click("water-remove").await;
    assert_eq!(app.text("water-count"), "2 glasses of 250 ml");
    // A bigger glass: a line of its own; the 250 ml glasses keep their size.
    app.click("water-size-edit").await;
    app.type_into("water-size", "330").await;
    app.click("water-size-set").await;
    app.click("water-add").await;
    assert!(until(|| app.text("water-count") == "1 glass of 330 ml").await);
    assert_eq!(attr(&app.get("progress-water"), "aria-valuenow"), "830");
    // A size out of range is refused with the range.
    app.click("water-size-edit").await;
    app.type_into("water-size", "5000").await;
    app.click("water-size-set").await;
    assert!(app.text("water-size-error").contains("50 to 1,000 ml"));
    // The glass size is kept in the settings.
    drop(app);
    let app = remount_at("/plan").await;
    assert_eq!(app.text("water-count"), "1 glass of 330 ml");
}

#[wasm_bindgen_test]
async fn the_first_run_step_asks_once_and_can_be_skipped() {
    let app = mount_at("/plan").await;
    assert!(app.find("first-run").is_some());
    assert!(app.text("first-run").contains("not medical advice"));
    assert!(app
        .text("plan-profile-line")
        .starts_with("Targets assume the default profile"));
    // Skipped: the panel goes, the plan keeps saying whose targets these are.
    app.click("first-run-skip").await;
    assert!(app.find("first-run").is_none());
    assert!(app
        .text("plan-profile-line")
        .starts_with("Targets assume the default profile"));
    drop(app);
    let app = remount_at("/plan").await;
    assert!(app.find("first-run").is_none());
    drop(app);

    // Answered: a woman of 58 gets her own targets (calcium 1,200 mg).
    let app = mount_at("/").await;
    app.type_into("first-run-age", "58").await;
    app.click("first-run-submit").await;
    assert!(app.find("first-run").is_none());
    go_to("/plan").await;
    assert!(until(|| app.find("progress-calcium").is_some()).await);
    assert_eq!(attr(&app.get("progress-calcium"), "aria-valuemax"), "1200");
    assert!(app
        .text("plan-profile-line")
        .starts_with("Targets for Women 51"));
    // A bad age is refused in the panel, which stays.
    drop(app);
    let app = mount_at("/").await;
    app.type_into("first-run-age", "-3").await;
    app.click("first-run-submit").await;
    assert!(!app.text("first-run-error").is_empty());
    assert!(app.find("first-run").is_some());
}

#[wasm_bindgen_test]
async fn the_food_page_measures_against_the_users_targets() {
    let app = mount_at("/targets").await;
    app.type_into("target-input-potassium", "4000").await;
    app.click("target-set-potassium").await;
    go_to("/food/09040").await;
    assert!(until(|| app.find("food-title").is_some()).await);
    app.choose("serving-select", "100g").await;
    // 358 mg of potassium in 100 g is 9 % of 4,000 mg (14 % of the default 2,600 mg).
    assert_eq!(app.text("percent-potassium"), "9 %");
    let note = app.text("target-note");
    assert!(note.contains("potassium 4,000 mg"), "{note}");
    assert!(note.contains("sodium at most 2,300 mg"), "{note}");
}
