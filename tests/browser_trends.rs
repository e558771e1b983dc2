//! The looking-back views in headless Chromium: the diary's record of a
//! past day (meals with amounts and minerals, cramps, activity, notes), its
//! week, and the trends chart (gaps for days not logged, the table with the
//! same numbers, the cramp marks), on days stored before the mount.
//!
//! Bananas, raw (09040) per 100 g: K 358 mg, so 200 g = 716 mg and
//! 600 g = 2,148 mg of potassium.
#![cfg(target_arch = "wasm32")]

mod support;

use electrolyte_planner::catalog;
use electrolyte_planner::domain::diary::day::{
    Activity, CrampEpisode, DayEntry, Place, Side, TimeOfDay,
};
use electrolyte_planner::domain::diary::storage::save_day;
use electrolyte_planner::domain::planning::plan::{FoodUnit, Meal};
use electrolyte_planner::domain::units::amount::MassUnit;
use electrolyte_planner::storage::{today, BrowserStore};
use support::{mount_at, remount_at, until, Mounted};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// A day with `grams` of banana at lunch, and a cramp when asked.
fn banana_day(grams: f64, cramp: bool) -> DayEntry {
    support::install_table();
    let mut day = DayEntry::new();
    day.plan_mut()
        .add_food(
            Meal::Lunch,
            "09040".parse().unwrap(),
            grams,
            FoodUnit::Mass(MassUnit::Gram),
            catalog::foods(),
        )
        .unwrap();
    if cramp {
        day.add_cramp(
            CrampEpisode::new(TimeOfDay::new(3, 0).unwrap(), Place::Calf, Side::Left, 6).unwrap(),
        )
        .unwrap();
    }
    day
}

/// Clears storage and saves `day` `back` days before today.
fn store(days: &[(i32, DayEntry)]) {
    support::clear_storage();
    for (back, day) in days {
        save_day(&mut BrowserStore, today().add_days(-back).unwrap(), day).unwrap();
    }
}

/// The text of every cell of the table `test_id`, row by row (the header
/// row left out).
fn table_rows(app: &Mounted, test_id: &str) -> Vec<Vec<String>> {
    let rows = app.get(test_id).query_selector_all("tbody tr").unwrap();
    (0..rows.length())
        .map(|i| {
            let row: web_sys::Element = wasm_bindgen::JsCast::unchecked_into(rows.item(i).unwrap());
            let cells = row.query_selector_all("th, td").unwrap();
            (0..cells.length())
                .map(|j| cells.item(j).unwrap().text_content().unwrap_or_default())
                .collect()
        })
        .collect()
}

#[wasm_bindgen_test]
async fn the_chart_leaves_gaps_and_its_table_has_the_same_numbers() {
    // The last 7 days: 6 and 3 days ago not logged (3 days ago only notes).
    let mut notes_only = DayEntry::new();
    notes_only.set_notes("Travelling").unwrap();
    store(&[
        (0, banana_day(600.0, false)),
        (1, banana_day(200.0, true)),
        (2, banana_day(600.0, false)),
        (3, notes_only),
        (4, banana_day(600.0, false)),
        (5, banana_day(200.0, true)),
    ]);
    let app = remount_at("/trends?days=7").await;
    assert!(until(|| app.find("trend-chart-potassium").is_some()).await);
    // Five logged days: five bars, no zero bar for the two others.
    let strokes = |id: &str| {
        let d = app.get(id).get_attribute("d").unwrap_or_default();
        d.matches('M').count()
    };
    assert_eq!(strokes("trend-bars-potassium"), 5);
    assert_eq!(strokes("trend-bars-lower-potassium"), 0);
    assert_eq!(strokes("trend-cramps-potassium"), 2);
    // The text alternative is the domain's summary.
    let svg = app.get("trend-svg-potassium");
    assert_eq!(svg.get_attribute("role").as_deref(), Some("img"));
    let title = svg
        .query_selector("title")
        .unwrap()
        .unwrap()
        .text_content()
        .unwrap();
    assert!(title.starts_with("Potassium: "), "{title}");
    assert!(title.contains("over 5 logged days of 7"), "{title}");
    assert!(title.contains("Cramps on 2 of 7 days"), "{title}");
    // The table: built when opened; one row per day, oldest first, the
    // same totals.
    assert!(table_rows(&app, "trend-table-potassium").is_empty());
    support::click(&app.get("trend-numbers-toggle-potassium")).await;
    assert!(until(|| !table_rows(&app, "trend-table-potassium").is_empty()).await);
    let rows = table_rows(&app, "trend-table-potassium");
    assert_eq!(rows.len(), 7);
    let totals: Vec<&str> = rows.iter().map(|r| r[1].as_str()).collect();
    assert_eq!(
        totals,
        [
            "not logged",
            "716 mg",
            "2,148 mg",
            "not logged",
            "2,148 mg",
            "716 mg",
            "2,148 mg"
        ]
    );
    // A day's cramps stand in its row header, after the date.
    assert!(rows.iter().all(|r| r.len() == 3), "{rows:?}");
    let cramp_days: Vec<bool> = rows.iter().map(|r| r[0].ends_with(", 1 cramp")).collect();
    assert_eq!(cramp_days, [false, true, false, false, false, true, false]);
    // The average says over how many days it is.
    assert!(app
        .text("trend-average-potassium")
        .starts_with("1,575 mg a day on average over 5 logged days of 7"));
    // Five charts: the four minerals and fluids.
    for key in ["potassium", "magnesium", "calcium", "sodium", "water"] {
        assert!(app.find(&format!("trend-chart-{key}")).is_some(), "{key}");
    }
    // Too few days to compare, in the domain's words.
    assert!(app
        .text("comparison-same-day-headline")
        .starts_with("Too few days to compare: 2 cramp days and 3 other days"));
    assert!(app.all("comparison-same-day-measure").is_empty());
}

#[wasm_bindgen_test]
async fn a_refused_custom_range_says_why() {
    let app = mount_at("/trends?from=2026-11-20&to=2026-11-01").await;
    assert!(until(|| app.find("trends-period-error").is_some()).await);
    assert_eq!(
        app.text("trends-period-error"),
        "The first day must not be after the last day."
    );
    assert!(app.find("trend-chart-potassium").is_none());
}

#[wasm_bindgen_test]
async fn the_diary_lists_a_past_day_and_its_week() {
    let mut day = banana_day(200.0, true);
    day.set_activity(Activity {
        exercise_minutes: 45.0,
        ..Activity::default()
    })
    .unwrap();
    day.set_notes("Long walk").unwrap();
    store(&[(1, day), (3, banana_day(600.0, false))]);
    let app = remount_at("/diary").await;
    support::click(&app.get("day-previous")).await;
    assert!(until(|| app.find("day-record-item").is_some()).await);
    let item = app.text("day-record-item");
    assert!(item.contains("Bananas, raw"), "{item}");
    assert!(item.contains("200 g"), "{item}");
    assert!(item.contains("K 716"), "{item}");
    assert!(app.text("day-record-cramp").contains("Left calf"));
    assert!(app.text("day-record-cramp").contains("severity 6/10"));
    assert_eq!(app.text("day-record-activity"), "45 min exercise");
    assert_eq!(app.text("day-record-notes"), "Long walk");
    // The week to that day: seven days, five of them not logged.
    assert!(until(|| app.find("week-days").is_some()).await);
    assert_eq!(app.all("week-day").len(), 7);
    assert_eq!(app.all("week-not-logged").len(), 5);
    assert_eq!(app.all("week-cramps").len(), 1);
    assert_eq!(
        app.text("week-summary"),
        "Food logged on 2 of 7 days; cramps on 1 day."
    );
    // Each day opens.
    let three_ago = today().add_days(-3).unwrap();
    support::click(&app.get(&format!("week-day-open-{three_ago}"))).await;
    assert!(until(|| app.text("day-record-item").contains("600 g")).await);
}
