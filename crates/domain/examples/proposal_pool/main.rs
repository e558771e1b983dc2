//! Writes the proposal pool, `data/proposal-pool.txt`, from the rule in
//! `rule.rs` (see there) and the shipped food table, checking every line:
//! `cargo run --release -p electrolyte-domain --example proposal_pool`
//! (from anywhere in the repository). `--stdout` prints it instead.

mod rule;

use electrolyte_domain::foods::food_table::sr28;

fn main() {
    let table = sr28();
    let text = rule::pool_text(table);
    for line in text.lines().filter(|l| !l.starts_with('#')) {
        if let Err(e) = rule::check_line(table, line) {
            panic!("the rule wrote a line it refuses ({e}): {line}");
        }
    }
    if std::env::args().any(|a| a == "--stdout") {
        print!("{text}");
        return;
    }
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/proposal-pool.txt");
    std::fs::write(path, &text).unwrap_or_else(|e| panic!("writing {path}: {e}"));
    let foods = text.lines().filter(|l| !l.starts_with('#')).count();
    println!("{foods} foods written to data/proposal-pool.txt");
}
