//! Prints a backup file of a made-up diary on the real food table, for
//! benchmarks and import tests: `cargo run -p electrolyte-domain --example
//! sample_backup -- [days] [items per day]` (default 1100 days × 20 items).

#[path = "../tests/support/sample_diary.rs"]
mod sample_diary;

use electrolyte_domain::diary::backup::export_json;
use electrolyte_domain::food_table::sr28;

fn main() {
    let mut args = std::env::args().skip(1);
    let mut number = |default: usize| {
        args.next().map_or(default, |a| {
            a.parse().unwrap_or_else(|_| {
                eprintln!("usage: sample_backup [days] [items per day]");
                std::process::exit(2)
            })
        })
    };
    let days = number(1_100);
    let items = number(20);
    println!(
        "{}",
        export_json(&sample_diary::sample_diary(days, items, sr28()))
    );
}
