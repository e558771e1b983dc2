//! Prints the top 3 of each query given on stdin, one per line: for growing
//! tests/fixtures/everyday_queries.csv (`echo "soy milk" | cargo run -q --release
//! -p electrolyte-domain --example search_top`).
use std::io::BufRead;

use electrolyte_domain::foods::food_table::sr28;
use electrolyte_domain::foods::search::SearchIndex;

fn main() {
    let table = sr28();
    let index = SearchIndex::new(table);
    for line in std::io::stdin().lock().lines() {
        let q = line.unwrap();
        let r = index.search(table, &q, 3);
        let top: Vec<String> = r
            .foods
            .iter()
            .map(|&i| format!("{} {}", table.foods()[i].ndb, table.foods()[i].description))
            .collect();
        println!("{q} => {}", top.join(" | "));
    }
}
