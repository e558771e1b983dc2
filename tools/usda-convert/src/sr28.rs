//! Reads the reduced USDA SR28 CSVs into a [`FoodTable`], refusing anything
//! the app's food-table format could not hold exactly.

use std::fs;
use std::path::Path;

use electrolyte_domain::foods::food::{
    Food, FoodGroup, FoodGroupId, NdbNumber, NutrientValues, Portion,
};
use electrolyte_domain::foods::food_table::FoodTable;
use electrolyte_domain::foods::nutrient::Nutrient;

use crate::csv::{self, Record};
use crate::Error;

/// Food group codes and names.
pub const GROUPS_FILE: &str = "food_groups.csv";
/// One row per food, nutrient values per 100 g.
pub const FOODS_FILE: &str = "foods.csv";
/// SR28 WEIGHT: household measures of the foods.
pub const PORTIONS_FILE: &str = "portions.csv";

const GROUPS_HEADER: [&str; 2] = ["food_group", "name"];
const FOODS_HEADER: [&str; 13] = [
    "ndb_no",
    "description",
    "food_group",
    "energy_kcal",
    "water_g",
    "potassium_mg",
    "magnesium_mg",
    "calcium_mg",
    "sodium_mg",
    "protein_g",
    "carbohydrate_g",
    "fat_g",
    "fiber_g",
];
const PORTIONS_HEADER: [&str; 5] = ["ndb_no", "seq", "amount", "unit", "gram_weight"];

/// The `foods.csv` column of each nutrient the app ships (protein,
/// carbohydrate, fat and fibre are not shipped).
const NUTRIENT_COLUMNS: [(Nutrient, usize); 6] = [
    (Nutrient::Energy, 3),
    (Nutrient::Water, 4),
    (Nutrient::Potassium, 5),
    (Nutrient::Magnesium, 6),
    (Nutrient::Calcium, 7),
    (Nutrient::Sodium, 8),
];

/// Reads `food_groups.csv`, `foods.csv` and `portions.csv` from `dir`.
pub fn read_table(dir: &Path) -> Result<FoodTable, Error> {
    let groups = parse_groups(&read_file(dir, GROUPS_FILE)?)?;
    let mut foods = parse_foods(&read_file(dir, FOODS_FILE)?, &groups)?;
    add_portions(&read_file(dir, PORTIONS_FILE)?, &mut foods)?;
    Ok(FoodTable::new(foods, groups))
}

fn read_file(dir: &Path, name: &str) -> Result<String, Error> {
    let path = dir.join(name);
    fs::read_to_string(&path).map_err(|err| Error::new(path.display().to_string(), err.to_string()))
}

/// The records after the header of `file`, with header and field counts checked.
fn records(text: &str, file: &str, header: &[&str]) -> Result<Vec<Record>, Error> {
    csv::parse_with_header(text, header).map_err(|err| Error::at_line(file, err.line, err.message))
}

/// The line and fields of a record whose field count is already checked.
fn split<const N: usize>(record: Record) -> (usize, [String; N]) {
    let fields = record
        .fields
        .try_into()
        .unwrap_or_else(|fields: Vec<String>| {
            panic!("field count {} was checked to be {N}", fields.len())
        });
    (record.line, fields)
}

/// Parses `food_groups.csv`: 4-digit codes, sorted, with names.
pub fn parse_groups(text: &str) -> Result<Vec<FoodGroup>, Error> {
    let mut groups: Vec<FoodGroup> = Vec::new();
    for record in records(text, GROUPS_FILE, &GROUPS_HEADER)? {
        let (line, [code, name]) = split(record);
        let group = group(code, name, groups.last())
            .map_err(|message| Error::at_line(GROUPS_FILE, line, message))?;
        groups.push(group);
    }
    Ok(groups)
}

fn group(code: String, name: String, previous: Option<&FoodGroup>) -> Result<FoodGroup, String> {
    if code.len() != 4 || !code.bytes().all(|b| b.is_ascii_digit()) {
        return Err(format!("group code `{code}` is not four digits"));
    }
    if let Some(previous) = previous.filter(|previous| previous.code >= code.as_str()) {
        return Err(format!(
            "group code {code} is not after {}: groups must be sorted by code, without duplicates",
            previous.code
        ));
    }
    check_text(&name, "group name")?;
    Ok(FoodGroup {
        code: code.leak(),
        name: name.leak(),
    })
}

/// Parses `foods.csv` (sorted by NDB number, groups from `groups`); the
/// foods have no portions yet.
pub fn parse_foods(text: &str, groups: &[FoodGroup]) -> Result<Vec<Food>, Error> {
    let mut foods: Vec<Food> = Vec::new();
    for record in records(text, FOODS_FILE, &FOODS_HEADER)? {
        let (line, fields) = split::<13>(record);
        let food = food(fields, groups, foods.last())
            .map_err(|message| Error::at_line(FOODS_FILE, line, message))?;
        foods.push(food);
    }
    Ok(foods)
}

fn food(
    fields: [String; 13],
    groups: &[FoodGroup],
    previous: Option<&Food>,
) -> Result<Food, String> {
    let ndb = parse_ndb(&fields[0])?;
    if let Some(previous) = previous.filter(|previous| previous.ndb >= ndb) {
        return Err(format!(
            "NDB number {ndb} is not after {}: foods must be sorted by ndb_no, without duplicates",
            previous.ndb
        ));
    }
    let mut values = [None; 6];
    for (nutrient, column) in NUTRIENT_COLUMNS {
        values[nutrient.index()] = parse_optional_value(&fields[column], FOODS_HEADER[column])?;
    }
    let [_, description, group_code, ..] = fields;
    check_text(&description, "description")?;
    if description.starts_with('#') {
        return Err(format!("description `{description}` starts with `#`, which marks section headers in the food table"));
    }
    Ok(Food {
        ndb,
        description: description.leak(),
        group: group_id(&group_code, groups)?,
        per_100g: NutrientValues::new(values),
        portions: Vec::new(),
    })
}

fn parse_ndb(text: &str) -> Result<NdbNumber, String> {
    text.parse()
        .map_err(|_| format!("`{text}` is not a five-digit NDB number"))
}

fn group_id(code: &str, groups: &[FoodGroup]) -> Result<FoodGroupId, String> {
    let index = groups
        .binary_search_by(|group| group.code.cmp(code))
        .map_err(|_| format!("food group `{code}` is not in {GROUPS_FILE}"))?;
    u8::try_from(index).map(FoodGroupId).map_err(|_| {
        format!("food group `{code}` is beyond the 256 groups the food table can hold")
    })
}

/// Adds the portions in `portions.csv` to `foods`, checking that each food's
/// portions come in increasing `seq` order.
pub fn add_portions(text: &str, foods: &mut [Food]) -> Result<(), Error> {
    let mut last_seq = vec![0; foods.len()];
    for record in records(text, PORTIONS_FILE, &PORTIONS_HEADER)? {
        let (line, [ndb, seq, amount, unit, grams]) = split(record);
        let at = |message: String| Error::at_line(PORTIONS_FILE, line, message);
        let ndb = parse_ndb(&ndb).map_err(at)?;
        let index = foods
            .binary_search_by_key(&ndb, |food| food.ndb)
            .map_err(|_| {
                at(format!(
                    "portion of food {ndb}, which is not in {FOODS_FILE}"
                ))
            })?;
        last_seq[index] = next_seq(&seq, last_seq[index]).map_err(at)?;
        let portion = portion(amount, unit, grams).map_err(at)?;
        foods[index].portions.push(portion);
    }
    Ok(())
}

/// Parses `seq`, which must be larger than the food's previous one.
fn next_seq(seq: &str, previous: u32) -> Result<u32, String> {
    let number = seq
        .parse::<u32>()
        .ok()
        .filter(|_| seq.bytes().all(|b| b.is_ascii_digit()))
        .ok_or_else(|| format!("seq `{seq}` is not a whole number"))?;
    if number > previous {
        Ok(number)
    } else {
        Err(format!(
            "seq {number} is not after {previous}: each food's portions must be sorted by seq, from 1"
        ))
    }
}

fn portion(amount: String, unit: String, grams: String) -> Result<Portion, String> {
    check_text(&unit, "unit")?;
    Ok(Portion {
        amount: parse_positive_value(&amount, "amount")?,
        unit: unit.leak(),
        grams: parse_positive_value(&grams, "gram_weight")?,
    })
}

/// Text fields must be non-empty and free of the food table's separators
/// (tab, `|`, line breaks; any control character is refused).
fn check_text(text: &str, what: &str) -> Result<(), String> {
    if text.is_empty() {
        Err(format!("{what} is empty"))
    } else if text.contains(|c: char| c == '|' || c.is_control()) {
        Err(format!(
            "{what} `{}` contains `|` or a control character (tab, line break), which the food table uses as separators",
            text.escape_debug()
        ))
    } else {
        Ok(())
    }
}

/// Empty means USDA has no value; anything else must be a USDA decimal.
fn parse_optional_value(text: &str, column: &str) -> Result<Option<f64>, String> {
    if text.is_empty() {
        Ok(None)
    } else {
        parse_value(text, column).map(Some)
    }
}

fn parse_positive_value(text: &str, column: &str) -> Result<f64, String> {
    let value = parse_value(text, column)?;
    if value > 0.0 {
        Ok(value)
    } else {
        Err(format!("{column} `{text}` must be more than zero"))
    }
}

/// A USDA decimal as written in the CSVs (`12`, `78.30`, `.667`): digits
/// with at most one point, no sign or exponent. The `f64` is exactly the
/// one Rust's parser gives, so the asset keeps USDA's number unrounded.
fn parse_value(text: &str, column: &str) -> Result<f64, String> {
    let (whole, fraction) = text.split_once('.').unwrap_or((text, ""));
    let is_decimal = !(whole.is_empty() && fraction.is_empty())
        && whole
            .bytes()
            .chain(fraction.bytes())
            .all(|b| b.is_ascii_digit());
    let value = if is_decimal {
        text.parse::<f64>().ok()
    } else {
        None
    };
    value
        .filter(|value| value.is_finite())
        .ok_or_else(|| format!("{column} `{text}` is not a plain decimal number"))
}

#[cfg(test)]
mod tests {
    use super::*;

    const GROUPS: &str =
        "food_group,name\n0100,Dairy and Egg Products\n0900,Fruits and Fruit Juices\n";
    const FOODS_HEAD: &str = "ndb_no,description,food_group,energy_kcal,water_g,potassium_mg,magnesium_mg,calcium_mg,sodium_mg,protein_g,carbohydrate_g,fat_g,fiber_g\n";
    const FOODS_ROWS: &str = "\
01001,\"Butter, salted\",0100,717,15.87,24,2,24,643,0.85,0.06,81.11,0.0
01002,\"Butter, whipped, with salt\",0100,718,,41,1,23,583,0.49,2.87,78.30,
09040,\"Bananas, raw\",0900,89,74.91,358,27,5,1,1.09,22.84,0.33,2.6
";
    const PORTIONS: &str = "\
ndb_no,seq,amount,unit,gram_weight
01001,1,1,\"pat (1\"\" sq, 1/3\"\" high)\",5.0
01001,2,1,tbsp,14.2
09040,3,.5,\"medium (7\"\" to 7-7/8\"\" long)\",59.0
09040,5,1,\"medium (7\"\" to 7-7/8\"\" long)\",118
";

    fn groups() -> Vec<FoodGroup> {
        parse_groups(GROUPS).unwrap()
    }

    fn foods() -> Vec<Food> {
        parse_foods(&format!("{FOODS_HEAD}{FOODS_ROWS}"), &groups()).unwrap()
    }

    fn foods_error(rows: &str) -> String {
        parse_foods(&format!("{FOODS_HEAD}{rows}"), &groups())
            .unwrap_err()
            .to_string()
    }

    fn portions_error(rows: &str) -> String {
        let text = format!("{}\n{rows}", PORTIONS_HEADER.join(","));
        add_portions(&text, &mut foods()).unwrap_err().to_string()
    }

    #[test]
    fn nutrient_columns_name_the_nutrients() {
        for (nutrient, column) in NUTRIENT_COLUMNS {
            let name = format!("{}_{}", nutrient.key(), nutrient.unit());
            assert_eq!(FOODS_HEADER[column], name);
        }
    }

    #[test]
    fn reads_groups() {
        let groups = groups();
        assert_eq!(groups.len(), 2);
        assert_eq!(
            (groups[1].code, groups[1].name),
            ("0900", "Fruits and Fruit Juices")
        );
    }

    #[test]
    fn refuses_bad_groups() {
        let error = |rows: &str| {
            parse_groups(&format!("food_group,name\n{rows}"))
                .unwrap_err()
                .to_string()
        };
        assert!(error("100,Dairy\n").contains("`100` is not four digits"));
        assert!(error("0900,Fruits\n0100,Dairy\n")
            .contains("line 3: group code 0100 is not after 0900"));
        assert!(error("0100,Dairy\n0100,Dairy\n").contains("not after 0100"));
        assert!(error("0100,\n").contains("group name is empty"));
        assert!(error("0100,\"Dairy\tand eggs\"\n").contains("control character"));
        let wrong_header = parse_groups("code,name\n").unwrap_err().to_string();
        assert!(wrong_header.starts_with("food_groups.csv, line 1: header is `code,name`"));
    }

    #[test]
    fn reads_values_exactly_and_keeps_gaps() {
        let foods = foods();
        assert_eq!(foods.len(), 3);
        let whipped = &foods[1];
        assert_eq!(whipped.ndb.to_string(), "01002");
        assert_eq!(whipped.description, "Butter, whipped, with salt");
        assert_eq!(whipped.per_100g.get(Nutrient::Water), None);
        assert_eq!(whipped.per_100g.get(Nutrient::Sodium), Some(583.0));
        assert_eq!(
            foods[0].per_100g.get(Nutrient::Water),
            Some("15.87".parse().unwrap())
        );
        assert_eq!(foods[2].group, FoodGroupId(1));
    }

    #[test]
    fn reads_usda_decimals() {
        for (text, value) in [
            ("78.30", 78.3),
            (".667", 0.667),
            ("5.", 5.0),
            ("0.0", 0.0),
            ("0", 0.0),
        ] {
            assert_eq!(parse_value(text, "x"), Ok(value), "{text}");
        }
        for bad in [
            "",
            ".",
            "-1",
            "+1",
            "1e5",
            "inf",
            "NaN",
            "1,5",
            " 1",
            "1.2.3",
            &"9".repeat(400),
        ] {
            assert!(parse_value(bad, "x").is_err(), "{bad}");
        }
        assert_eq!(
            parse_positive_value("0.0", "amount"),
            Err("amount `0.0` must be more than zero".into())
        );
    }

    #[test]
    fn refuses_bad_foods() {
        let row = |ndb: &str, description: &str, group: &str, potassium: &str| {
            format!("{ndb},\"{description}\",{group},1,1,{potassium},1,1,1,,,,\n")
        };
        let ok = row("01001", "Butter", "0100", "24");
        assert!(foods_error(&row("1001", "Butter", "0100", "24"))
            .contains("`1001` is not a five-digit NDB number"));
        assert!(foods_error(&format!("{ok}{ok}"))
            .contains("line 3: NDB number 01001 is not after 01001"));
        assert!(
            foods_error(&format!("{}{ok}", row("01002", "B", "0100", "1")))
                .contains("not after 01002")
        );
        assert!(foods_error(&row("01001", "Butter", "0200", "24"))
            .contains("food group `0200` is not in food_groups.csv"));
        assert!(foods_error(&row("01001", "Butter", "0100", "-24"))
            .contains("potassium_mg `-24` is not a plain decimal"));
        assert!(foods_error(&row("01001", "Butter|salted", "0100", "24")).contains("contains `|`"));
        assert!(foods_error(&row("01001", "Butter\nsalted", "0100", "24"))
            .contains("control character"));
        assert!(foods_error(&row("01001", "#1 Butter", "0100", "24")).contains("starts with `#`"));
        assert!(foods_error(&row("01001", "", "0100", "24")).contains("description is empty"));
        assert!(
            foods_error("01001,Butter,0100\n").contains("foods.csv, line 2: 3 fields, expected 13")
        );
    }

    #[test]
    fn attaches_portions_in_seq_order() {
        let mut foods = foods();
        add_portions(PORTIONS, &mut foods).unwrap();
        assert_eq!(foods[0].portions.len(), 2);
        assert_eq!(foods[0].portions[0].unit, "pat (1\" sq, 1/3\" high)");
        assert_eq!(foods[0].portions[1].grams, 14.2);
        assert!(foods[1].portions.is_empty());
        assert_eq!(foods[2].portions[0].amount, 0.5);
        assert_eq!(foods[2].portions[1].grams, 118.0);
    }

    #[test]
    fn refuses_bad_portions() {
        assert!(portions_error("01005,1,1,cup,5\n")
            .contains("portion of food 01005, which is not in foods.csv"));
        assert!(portions_error("01001,2,1,cup,5\n01001,1,1,tbsp,5\n")
            .contains("line 3: seq 1 is not after 2"));
        assert!(
            portions_error("01001,1,1,cup,5\n01001,1,1,tbsp,5\n").contains("seq 1 is not after 1")
        );
        assert!(portions_error("01001,0,1,cup,5\n").contains("seq 0 is not after 0"));
        assert!(portions_error("01001,+1,1,cup,5\n").contains("seq `+1` is not a whole number"));
        assert!(
            portions_error("01001,1,1,cup,0\n").contains("gram_weight `0` must be more than zero")
        );
        assert!(portions_error("01001,1,,cup,5\n").contains("amount `` is not a plain decimal"));
        assert!(portions_error("01001,1,1,\"cup\tx\",5\n").contains("unit `cup\\tx` contains"));
        assert!(portions_error("01001,1,1,cup|x,5\n").contains("contains `|`"));
    }

    /// A scratch folder removed when dropped.
    struct TempDir(std::path::PathBuf);

    impl TempDir {
        fn new(name: &str) -> TempDir {
            let path =
                std::env::temp_dir().join(format!("usda-convert-{}-{name}", std::process::id()));
            fs::create_dir_all(&path).unwrap();
            TempDir(path)
        }
    }

    impl Drop for TempDir {
        fn drop(&mut self) {
            let _ = fs::remove_dir_all(&self.0);
        }
    }

    #[test]
    fn builds_the_asset_from_a_folder() {
        let dir = TempDir::new("fixture");
        fs::write(dir.0.join(GROUPS_FILE), GROUPS).unwrap();
        fs::write(dir.0.join(FOODS_FILE), format!("{FOODS_HEAD}{FOODS_ROWS}")).unwrap();
        fs::write(dir.0.join(PORTIONS_FILE), PORTIONS).unwrap();
        let asset = crate::build_asset(&dir.0).unwrap();
        assert_eq!(
            asset.counts,
            crate::Counts {
                foods: 3,
                portions: 4,
                groups: 2
            }
        );
        assert!(asset
            .text
            .starts_with("electrolyte-planner-food-table 1\n#groups 2\n"));
        assert!(asset
            .text
            .contains("\n#ndb 3\n1001\n1\n8038\n#group\n0\n0\n1\n"));
        assert!(asset.text.contains("\n#water_g\n15.87\n\n74.91\n"));
        assert!(asset
            .text
            .contains("\n1\tpat (1\" sq, 1/3\" high)\t5|1\ttbsp\t14.2\n\n0.5\t"));

        fs::remove_file(dir.0.join(PORTIONS_FILE)).unwrap();
        let missing = crate::build_asset(&dir.0).unwrap_err().to_string();
        assert!(missing.contains("portions.csv"), "{missing}");
    }
}
