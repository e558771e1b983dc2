//! Times the insights over three years of diary (1,100 days × 20 items on
//! the real food table): `cargo run --release -p electrolyte-domain
//! --example insights_speed -- [days] [items per day]`. Prints the fastest
//! and the median of 21 runs of each computation (the fastest is the least
//! disturbed by other work on the machine).

#[path = "../tests/support/sample_diary.rs"]
mod sample_diary;

use std::time::{Duration, Instant};

use electrolyte_domain::diary::backup::csv_days;
use electrolyte_domain::diary::date::Date;
use electrolyte_domain::foods::food_table::sr28;
use electrolyte_domain::insights::cramp_days::View;
use electrolyte_domain::insights::period::{Period, Span};
use electrolyte_domain::insights::summary::DoctorSummary;
use electrolyte_domain::insights::trends::Trends;

const RUNS: usize = 21;

/// Runs `f` [`RUNS`] times; prints the fastest and the median, returns the fastest.
fn time<T>(what: &str, mut f: impl FnMut() -> T) -> Duration {
    let mut times: Vec<Duration> = (0..RUNS)
        .map(|_| {
            let started = Instant::now();
            std::hint::black_box(f());
            started.elapsed()
        })
        .collect();
    times.sort();
    println!(
        "{what:<48} fastest {:>6.2} ms, median {:>6.2} ms",
        times[0].as_secs_f64() * 1e3,
        times[RUNS / 2].as_secs_f64() * 1e3
    );
    times[0]
}

fn main() {
    let args: Vec<usize> = std::env::args()
        .skip(1)
        .map(|a| a.parse().expect("a number"))
        .collect();
    let days = args.first().copied().unwrap_or(1_100);
    let items = args.get(1).copied().unwrap_or(20);
    let table = sr28();
    let diary = sample_diary::sample_diary(days, items, table);
    let last = Date::parse("2026-11-29").expect("a date");
    let first = last.add_days(1 - days as i32).expect("in range");
    let all = Period::new(first, last).expect("a period");
    println!("{days} days × {items} items, {}", all.text());
    let quarter = Period::ending(last, Span::Quarter).expect("a period");
    time("trends, 90 days", || {
        Trends::compute(&diary, table, quarter)
    });
    let trends = time("trends, whole diary", || {
        Trends::compute(&diary, table, all)
    });
    let whole = Trends::compute(&diary, table, all);
    // As the trends screen does: both views from the trends' figures.
    let same = time("cramp days vs other days, whole diary", || {
        whole.comparison(View::SameDay)
    });
    let before = time("day before a cramp vs other days, whole diary", || {
        whole.comparison(View::DayBefore)
    });
    time("doctor's summary (both comparisons), whole diary", || {
        DoctorSummary::compute(&diary, table, all)
    });
    time("per-day CSV, whole diary", || csv_days(&diary, table));
    let total = trends + same + before;
    println!(
        "trends + both comparisons, whole diary: {:.2} ms",
        total.as_secs_f64() * 1e3
    );
}
