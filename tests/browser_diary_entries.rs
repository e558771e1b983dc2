//! The diary's cramp log and day list in headless Chromium, on a fixed
//! clock: messages and Undo belong to the day they were made on, the time
//! field and the log show the same time, and days ahead are listed apart
//! from the past ones.
#![cfg(target_arch = "wasm32")]

mod support;

use electrolyte_planner::domain::diary::date::Date;
use electrolyte_planner::domain::diary::day::DayEntry;
use electrolyte_planner::domain::diary::storage::{day_key, save_day};
use electrolyte_planner::domain::planning::plan::Meal;
use electrolyte_planner::domain::units::volume::VolumeUnit;
use electrolyte_planner::storage::{today, BrowserStore};
use support::{click, mount_at, remount_at, until, Mounted};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::HtmlInputElement;

wasm_bindgen_test_configure!(run_in_browser);

// A clock the page's `new Date()` and `Date.now()` read: set to a local
// date and time, or back to the real one.
#[wasm_bindgen(inline_js = r#"
const RealDate = globalThis.Date;
let fixed = null;
class FixedDate extends RealDate {
  constructor(...args) {
    if (args.length === 0 && fixed !== null) super(fixed);
    else super(...args);
  }
  static now() {
    return fixed ?? RealDate.now();
  }
}
export function set_clock(year, month, day, hour, minute) {
  fixed = new RealDate(year, month - 1, day, hour, minute).getTime();
  globalThis.Date = FixedDate;
}
export function real_clock() {
  fixed = null;
  globalThis.Date = RealDate;
}
export function local_time_text(hour, minute) {
  return new Intl.DateTimeFormat(undefined, { hour: "2-digit", minute: "2-digit" })
    .format(new RealDate(2000, 0, 1, hour, minute));
}
"#)]
extern "C" {
    fn set_clock(year: i32, month: u32, day: u32, hour: u32, minute: u32);
    fn real_clock();
    fn local_time_text(hour: u32, minute: u32) -> String;
}

/// The real clock again when a test ends, passed or not.
struct FixedClock;

impl FixedClock {
    fn at(year: i32, month: u32, day: u32, hour: u32, minute: u32) -> FixedClock {
        set_clock(year, month, day, hour, minute);
        FixedClock
    }

    /// Moves the clock; the page learns of it as after a phone wakes up.
    fn set(&self, year: i32, month: u32, day: u32, hour: u32, minute: u32) {
        set_clock(year, month, day, hour, minute);
        // The browser fires it at the document, and it bubbles to the window.
        web_sys::window()
            .unwrap()
            .dispatch_event(&web_sys::Event::new("visibilitychange").unwrap())
            .unwrap();
    }
}

impl Drop for FixedClock {
    fn drop(&mut self) {
        real_clock();
    }
}

fn local_storage() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

/// Today's stored record (without its revision number).
fn stored_day() -> String {
    let stored = local_storage()
        .get_item(&day_key(today()))
        .unwrap()
        .unwrap_or_default();
    let value = js_sys::JSON::parse(&stored).unwrap();
    let day = js_sys::Reflect::get(&value, &"d".into()).unwrap();
    js_sys::JSON::stringify(&day).unwrap().into()
}

fn value(app: &Mounted, test_id: &str) -> String {
    app.get(test_id)
        .unchecked_into::<HtmlInputElement>()
        .value()
}

/// Logs a left-calf cramp of severity 5, at `time` if given (else at the
/// time the form shows).
async fn log_cramp(app: &Mounted, time: Option<&str>) {
    if let Some(time) = time {
        app.type_into("cramp-time", time).await;
    }
    app.click("cramp-side-left").await;
    app.type_into("cramp-severity", "5").await;
    app.click("cramp-add").await;
}

#[wasm_bindgen_test]
async fn the_logged_message_stays_with_the_day_it_was_made_on() {
    let _clock = FixedClock::at(2026, 3, 10, 23, 0);
    let app = mount_at("/diary").await;
    log_cramp(&app, Some("03:00")).await;
    let logged = app.text("cramp-status");
    assert!(logged.starts_with("Logged the cramp: "), "{logged:?}");
    app.click("day-previous").await;
    assert!(until(|| app.text("cramp-count") == "No cramp logged on this day.").await);
    assert!(until(|| app.text("cramp-status").is_empty()).await);
    assert_eq!(
        app.text("cramp-status"),
        "",
        "yesterday shows today's message"
    );
    // Back on the day, its message is back.
    app.click("day-next").await;
    assert!(until(|| app.text("cramp-count") == "1 cramp logged on this day.").await);
    assert_eq!(app.text("cramp-status"), logged);
    // An error is about the form as typed on its day, too.
    app.type_into("cramp-severity", "0").await;
    app.click("cramp-add").await;
    assert!(!app.text("cramp-error").is_empty());
    app.click("day-previous").await;
    assert!(until(|| app.text("cramp-error").is_empty()).await);
}

#[wasm_bindgen_test]
async fn the_time_field_and_the_log_show_the_same_time() {
    // The diary opened at 23:00 and left open; the cramp comes at 03:07.
    let clock = FixedClock::at(2026, 3, 10, 23, 0);
    let app = mount_at("/diary").await;
    assert!(until(|| value(&app, "cramp-time") == "23:00").await);
    clock.set(2026, 3, 11, 3, 7);
    assert!(
        until(|| value(&app, "cramp-time") == "03:07").await,
        "the untouched time field still proposes {}",
        value(&app, "cramp-time")
    );
    log_cramp(&app, None).await;
    // The log shows the time as the field shows it (the browser's own
    // format: "03:07 AM" in a 12-hour locale, "03:07" in a 24-hour one).
    let shown = local_time_text(3, 7);
    let summary = app.text("cramp-summary");
    assert!(
        summary.starts_with(&format!("{shown} · Left calf")),
        "{summary:?}, the field showed {shown:?}"
    );
    assert!(
        app.text("cramp-status")
            .starts_with(&format!("Logged the cramp: {shown} · ")),
        "{}",
        app.text("cramp-status")
    );
    // Stored as HH:MM, on the open day (the diary stays on the day it
    // was opened on, 10 March).
    let opened = Date::parse("2026-03-10").unwrap();
    let stored = local_storage()
        .get_item(&day_key(opened))
        .unwrap()
        .unwrap_or_default();
    assert!(stored.contains("\"t\":\"03:07\""), "{stored}");
    // A typed time is kept while the clock moves on; the next form
    // follows the clock again.
    app.type_into("cramp-time", "01:30").await;
    clock.set(2026, 3, 11, 3, 20);
    support::next_frame().await;
    assert_eq!(value(&app, "cramp-time"), "01:30");
    log_cramp(&app, None).await;
    let later = until(|| value(&app, "cramp-time") == "03:20").await;
    assert!(
        later,
        "the next form proposes {}",
        value(&app, "cramp-time")
    );
    let summaries: Vec<String> = app
        .all("cramp-summary")
        .iter()
        .map(|s| s.text_content().unwrap_or_default())
        .collect();
    assert!(
        summaries[0].starts_with(&local_time_text(1, 30)),
        "{summaries:?}"
    );
}

#[wasm_bindgen_test]
async fn a_removed_cramp_can_be_put_back() {
    let _clock = FixedClock::at(2026, 3, 10, 8, 0);
    let app = mount_at("/diary").await;
    log_cramp(&app, Some("06:30")).await;
    log_cramp(&app, Some("22:10")).await;
    assert_eq!(app.all("cramp-item").len(), 2);
    let stored_before = stored_day();
    click(&app.all("cramp-remove")[0]).await;
    assert_eq!(app.all("cramp-item").len(), 1);
    let removal = app.text("cramp-removal-text");
    assert_eq!(
        removal,
        format!(
            "Removed the cramp at {} (Left calf). ",
            local_time_text(6, 30)
        )
    );
    assert!(!local_storage()
        .get_item(&day_key(today()))
        .unwrap()
        .unwrap_or_default()
        .contains("06:30"));
    // Not on another day.
    app.click("day-previous").await;
    assert!(until(|| app.find("cramp-undo").is_none()).await);
    app.click("day-next").await;
    assert!(until(|| app.find("cramp-undo").is_some()).await);
    app.click("cramp-undo").await;
    assert_eq!(app.all("cramp-item").len(), 2);
    assert!(app.find("cramp-undo").is_none());
    assert_eq!(
        stored_day(),
        stored_before,
        "the day is stored as before the removal"
    );
    // A reload finds both.
    drop(app);
    let app = remount_at("/diary").await;
    assert_eq!(app.all("cramp-item").len(), 2);
    assert!(app.find("cramp-undo").is_none());
}

/// Stores a glass of water on each of these days from today.
fn store_days(offsets: &[i32]) {
    local_storage().clear().unwrap();
    let mut day = DayEntry::new();
    day.plan_mut()
        .add_drink(Meal::Lunch, 1.0, VolumeUnit::Glass)
        .unwrap();
    for &offset in offsets {
        let date = today().add_days(offset).unwrap();
        save_day(&mut BrowserStore, date, &day).unwrap();
    }
}

fn dates(app: &Mounted, test_id: &str) -> Vec<String> {
    app.all(test_id)
        .iter()
        .map(|e| e.get_attribute("data-date").unwrap_or_default())
        .collect()
}

#[wasm_bindgen_test]
async fn past_days_stop_at_today_and_days_ahead_are_listed_apart() {
    let _clock = FixedClock::at(2026, 3, 10, 12, 0);
    store_days(&[-2, -1, 0, 1, 30]);
    let app = remount_at("/diary").await;
    assert!(until(|| app.find("day-list-reading").is_none()).await);
    let day = |offset: i32| today().add_days(offset).unwrap().to_string();
    assert_eq!(
        dates(&app, "day-list-item"),
        [day(0), day(-1), day(-2)],
        "the past days, newest first, end with today"
    );
    assert_eq!(
        dates(&app, "day-ahead-item"),
        [day(1), day(30)],
        "the days ahead, soonest first"
    );
    // A day ahead opens like a past one.
    let tomorrow = app
        .root
        .query_selector(&format!(
            "[data-testid='day-ahead-item'][data-date='{}'] [data-testid='day-ahead-open']",
            day(1)
        ))
        .unwrap()
        .unwrap();
    click(&tomorrow).await;
    assert!(until(|| app.text("diary-day-heading") == today().add_days(1).unwrap().label()).await);
    // Without days ahead there is no such list.
    store_days(&[-1]);
    drop(app);
    let app = remount_at("/diary").await;
    assert!(until(|| app.find("day-list-reading").is_none()).await);
    assert_eq!(dates(&app, "day-list-item"), [day(-1)]);
    assert!(app.find("day-ahead").is_none());
}
