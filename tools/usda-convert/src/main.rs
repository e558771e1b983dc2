//! `usda-convert [INPUT_DIR [OUTPUT_FILE]]`: converts the reduced USDA SR28
//! CSVs into the app's food table.
//!
//! Defaults (relative to the repository root, wherever the command runs):
//! input `../shared/data/usda`, output `data/sr28-minerals.txt`.
//! Regenerate the asset with `cargo run -p usda-convert --release`.

use std::env;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use usda_convert::{build_asset, Error, SR28_COUNTS};

const USAGE: &str = "usage: usda-convert [INPUT_DIR [OUTPUT_FILE]]\n\
    Reads foods.csv, portions.csv and food_groups.csv from INPUT_DIR \
    (default ../shared/data/usda from the repository root) and writes the \
    food table to OUTPUT_FILE (default data/sr28-minerals.txt).";

fn main() -> ExitCode {
    let args: Vec<String> = env::args().skip(1).collect();
    if args.iter().any(|arg| arg == "-h" || arg == "--help") {
        println!("{USAGE}");
        return ExitCode::SUCCESS;
    }
    match run(&args) {
        Ok(summary) => {
            println!("{summary}");
            ExitCode::SUCCESS
        }
        Err(err) => {
            eprintln!("usda-convert: {err}");
            ExitCode::FAILURE
        }
    }
}

/// Converts, writes the asset and returns the one-line summary.
fn run(args: &[String]) -> Result<String, Error> {
    let (input, output) = paths(args)?;
    let asset = build_asset(&input)?;
    if asset.counts != SR28_COUNTS {
        return Err(Error::new(
            input.display().to_string(),
            format!("has {}, SR28 has {SR28_COUNTS}", asset.counts),
        ));
    }
    fs::write(&output, &asset.text)
        .map_err(|err| Error::new(output.display().to_string(), err.to_string()))?;
    Ok(format!(
        "wrote {}: {}, {} bytes",
        output.display(),
        asset.counts,
        asset.text.len()
    ))
}

/// Input folder and output file from the arguments, or the defaults.
fn paths(args: &[String]) -> Result<(PathBuf, PathBuf), Error> {
    let manifest_dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    let repo_root = manifest_dir.ancestors().nth(2).unwrap_or(manifest_dir);
    match args {
        [] => Ok((
            repo_root.join("../shared/data/usda"),
            repo_root.join("data/sr28-minerals.txt"),
        )),
        [input] => Ok((input.into(), repo_root.join("data/sr28-minerals.txt"))),
        [input, output] => Ok((input.into(), output.into())),
        _ => Err(Error::new("arguments", USAGE)),
    }
}
