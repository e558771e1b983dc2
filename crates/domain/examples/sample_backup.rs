//! Prints a made-up diary on the real food table, for benchmarks and import
//! tests: `cargo run -p electrolyte-domain --example sample_backup --
//! [days] [items per day] [--storage]` (default 1100 days × 20 items).
//! By default a backup file; with `--storage`, the `localStorage` entries
//! the app would hold for it, as one JSON object of key → value.

#[path = "../tests/support/sample_diary.rs"]
mod sample_diary;

use electrolyte_domain::diary::backup::export_json;
use electrolyte_domain::diary::storage::{
    save_day, save_settings, KeyValueStore, MemoryStore, SCHEMA_KEY, SCHEMA_VERSION,
};
use electrolyte_domain::foods::food_table::sr28;

fn usage() -> ! {
    eprintln!("usage: sample_backup [days] [items per day] [--storage]");
    std::process::exit(2)
}

fn main() {
    let (flags, numbers): (Vec<String>, Vec<String>) =
        std::env::args().skip(1).partition(|a| a.starts_with("--"));
    let storage = match flags.as_slice() {
        [] => false,
        [flag] if flag == "--storage" => true,
        _ => usage(),
    };
    let number = |i: usize, default: usize| {
        numbers
            .get(i)
            .map_or(default, |a| a.parse().unwrap_or_else(|_| usage()))
    };
    let diary = sample_diary::sample_diary(number(0, 1_100), number(1, 20), sr28());
    if !storage {
        println!("{}", export_json(&diary));
        return;
    }
    let mut store = MemoryStore::new();
    store
        .set(SCHEMA_KEY, &SCHEMA_VERSION.to_string())
        .expect("no quota");
    save_settings(&mut store, diary.settings()).expect("no quota");
    for (date, day) in diary.days() {
        save_day(&mut store, date, day).expect("no quota");
    }
    let entries: serde_json::Map<String, serde_json::Value> = store
        .keys()
        .into_iter()
        .map(|k| {
            let v = store.get(&k).expect("listed key");
            (k, v.into())
        })
        .collect();
    println!("{}", serde_json::Value::Object(entries));
}
