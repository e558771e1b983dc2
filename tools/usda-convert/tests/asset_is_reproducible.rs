//! The committed `data/sr28-minerals.txt` must be exactly what the converter
//! makes from the shared USDA CSVs (skipped when they are not present).

use std::fs;
use std::path::Path;

use usda_convert::{build_asset, SR28_COUNTS};

#[test]
fn committed_asset_equals_a_fresh_conversion() {
    let manifest_dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    let input = manifest_dir.join("../../../shared/data/usda");
    if !input.is_dir() {
        println!(
            "skipped: {} is missing, so the asset cannot be rebuilt",
            input.display()
        );
        return;
    }
    let asset = build_asset(&input).expect("the USDA CSVs convert");
    assert_eq!(asset.counts, SR28_COUNTS);
    let committed_path = manifest_dir.join("../../data/sr28-minerals.txt");
    let committed = fs::read_to_string(&committed_path).expect("the asset is committed");
    assert!(
        committed == asset.text,
        "{} differs from a fresh conversion ({} vs {} bytes): run `cargo run -p usda-convert --release`",
        committed_path.display(),
        committed.len(),
        asset.text.len()
    );
}
