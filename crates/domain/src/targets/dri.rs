//! Daily targets from the National Academies' Dietary Reference Intakes
//! (`data/dri-minerals.csv`, copied from the NASEM/IOM tables; sources in
//! `data/README.md`).

use std::fmt;
use std::sync::LazyLock;

use crate::foods::nutrient::Nutrient;
use crate::units::decimal::parse_decimal;

/// Whether a target is a floor to reach or a ceiling to stay under.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TargetKind {
    /// Reach at least this much (RDA or AI).
    Minimum,
    /// Stay at or below this (sodium's Chronic Disease Risk Reduction intake).
    Ceiling,
}

/// One daily target, in the nutrient's own unit (water in grams, 1 g = 1 ml).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Target {
    pub amount: f64,
    pub kind: TargetKind,
}

impl Target {
    /// `value` as a percentage of this target.
    pub fn percent_of(&self, value: f64) -> f64 {
        value / self.amount * 100.0
    }
}

/// Sex as the DRI tables split it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sex {
    Female,
    Male,
}

/// The DRI life-stage groups.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LifeStage {
    Infant,
    Child,
    Adolescent,
    Adult,
    Pregnancy,
    Lactation,
}

/// One row of the DRI table: the reference values for one life stage.
#[derive(Debug, Clone, PartialEq)]
pub struct DriRow {
    pub life_stage: LifeStage,
    /// `None` for rows that apply to both sexes (young children).
    pub sex: Option<Sex>,
    pub age_from_years: f64,
    /// Exclusive; `None` for the open-ended oldest group.
    pub age_to_years: Option<f64>,
    pub calcium_mg: f64,
    pub magnesium_mg: f64,
    pub potassium_mg: f64,
    pub sodium_ai_mg: f64,
    /// Not set for infants.
    pub sodium_cdrr_mg: Option<f64>,
    pub calcium_ul_mg: f64,
    /// Magnesium from supplements and medicines only; not set for infants.
    pub magnesium_supplement_ul_mg: Option<f64>,
    pub total_water_l: f64,
}

impl DriRow {
    /// The daily target for `nutrient`: minimums for K, Mg, Ca and total
    /// water, the CDRR ceiling for sodium (its AI where no CDRR is set).
    pub fn target(&self, nutrient: Nutrient) -> Option<Target> {
        let minimum = |amount| {
            Some(Target {
                amount,
                kind: TargetKind::Minimum,
            })
        };
        match nutrient {
            Nutrient::Energy => None,
            Nutrient::Water => minimum(self.total_water_l * 1000.0),
            Nutrient::Potassium => minimum(self.potassium_mg),
            Nutrient::Magnesium => minimum(self.magnesium_mg),
            Nutrient::Calcium => minimum(self.calcium_mg),
            Nutrient::Sodium => Some(match self.sodium_cdrr_mg {
                Some(amount) => Target {
                    amount,
                    kind: TargetKind::Ceiling,
                },
                None => Target {
                    amount: self.sodium_ai_mg,
                    kind: TargetKind::Minimum,
                },
            }),
        }
    }

    /// "Women 31–50 years", "Children 1–3 years", "Pregnancy 19–30 years".
    pub fn describe(&self) -> String {
        let who = match (self.life_stage, self.sex) {
            (LifeStage::Infant, _) => "Infants",
            (LifeStage::Child, Some(Sex::Male)) => "Boys",
            (LifeStage::Child, Some(Sex::Female)) => "Girls",
            (LifeStage::Child, None) => "Children",
            (LifeStage::Adolescent, Some(Sex::Male)) | (LifeStage::Adult, Some(Sex::Male)) => "Men",
            (LifeStage::Adolescent, _) | (LifeStage::Adult, _) => "Women",
            (LifeStage::Pregnancy, _) => "Pregnancy",
            (LifeStage::Lactation, _) => "Lactation",
        };
        let ages = match self.age_to_years {
            Some(to) if to <= 1.0 => {
                format!("{}–{} months", self.age_from_years * 12.0, to * 12.0)
            }
            Some(to) => format!("{}–{} years", self.age_from_years, to - 1.0),
            None => format!("{}+ years", self.age_from_years),
        };
        format!("{who} {ages}")
    }
}

/// Why the DRI table could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DriParseError {
    pub line: usize,
    pub message: String,
}

impl fmt::Display for DriParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "DRI table line {}: {}", self.line, self.message)
    }
}

impl std::error::Error for DriParseError {}

const HEADER: &str = "life_stage,sex,age_from_years,age_to_years,calcium_mg,magnesium_mg,potassium_mg,sodium_ai_mg,sodium_cdrr_mg,calcium_ul_mg,magnesium_supplement_ul_mg,total_water_l";

/// Every life stage of the DRI tables.
#[derive(Debug, Clone, PartialEq)]
pub struct DriTable {
    rows: Vec<DriRow>,
}

impl DriTable {
    /// Parses the CSV in `data/dri-minerals.csv`'s layout.
    pub fn parse(csv: &str) -> Result<DriTable, DriParseError> {
        let mut lines = csv.lines().enumerate();
        match lines.next() {
            Some((_, header)) if header.trim_end() == HEADER => {}
            _ => {
                return Err(DriParseError {
                    line: 1,
                    message: "unexpected header".into(),
                })
            }
        }
        let rows = lines
            .filter(|(_, line)| !line.trim().is_empty())
            .map(|(i, line)| {
                parse_row(line).map_err(|message| DriParseError {
                    line: i + 1,
                    message,
                })
            })
            .collect::<Result<Vec<_>, _>>()?;
        Ok(DriTable { rows })
    }

    pub fn rows(&self) -> &[DriRow] {
        &self.rows
    }

    /// The row for a person: pregnancy and lactation rows take precedence
    /// for women of those ages; `None` when no row covers the age.
    pub fn row_for(&self, age_years: f64, sex: Sex, stage: Option<LifeStage>) -> Option<&DriRow> {
        let covers = |row: &&DriRow| {
            age_years >= row.age_from_years
                && row.age_to_years.is_none_or(|to| age_years < to)
                && row.sex.is_none_or(|s| s == sex)
        };
        let special = stage.filter(|s| matches!(s, LifeStage::Pregnancy | LifeStage::Lactation));
        match special {
            Some(stage) => self
                .rows
                .iter()
                .filter(|r| r.life_stage == stage)
                .find(covers),
            None => self
                .rows
                .iter()
                .filter(|r| !matches!(r.life_stage, LifeStage::Pregnancy | LifeStage::Lactation))
                .find(covers),
        }
    }

    /// Reference shown until the user sets a profile: women aged 31–50.
    pub fn default_adult(&self) -> &DriRow {
        self.row_for(40.0, Sex::Female, None)
            .expect("the DRI table has an adult row")
    }
}

fn parse_row(line: &str) -> Result<DriRow, String> {
    let fields: Vec<&str> = line.split(',').map(str::trim).collect();
    if fields.len() != 12 {
        return Err(format!("expected 12 fields, found {}", fields.len()));
    }
    let required = |i: usize| -> Result<f64, String> {
        optional(fields[i])?.ok_or_else(|| format!("field {} is empty", i + 1))
    };
    Ok(DriRow {
        life_stage: parse_life_stage(fields[0])?,
        sex: match fields[1] {
            "any" => None,
            "female" => Some(Sex::Female),
            "male" => Some(Sex::Male),
            other => return Err(format!("unknown sex {other:?}")),
        },
        age_from_years: required(2)?,
        age_to_years: optional(fields[3])?,
        calcium_mg: required(4)?,
        magnesium_mg: required(5)?,
        potassium_mg: required(6)?,
        sodium_ai_mg: required(7)?,
        sodium_cdrr_mg: optional(fields[8])?,
        calcium_ul_mg: required(9)?,
        magnesium_supplement_ul_mg: optional(fields[10])?,
        total_water_l: required(11)?,
    })
}

fn parse_life_stage(text: &str) -> Result<LifeStage, String> {
    Ok(match text {
        "infant" => LifeStage::Infant,
        "child" => LifeStage::Child,
        "adolescent" => LifeStage::Adolescent,
        "adult" => LifeStage::Adult,
        "pregnancy" => LifeStage::Pregnancy,
        "lactation" => LifeStage::Lactation,
        other => return Err(format!("unknown life stage {other:?}")),
    })
}

fn optional(text: &str) -> Result<Option<f64>, String> {
    if text.is_empty() {
        return Ok(None);
    }
    parse_decimal(text)
        .map(Some)
        .ok_or_else(|| format!("{text:?} is not a non-negative number"))
}

/// The shipped NASEM/IOM table.
pub fn nasem() -> &'static DriTable {
    static TABLE: LazyLock<DriTable> = LazyLock::new(|| {
        DriTable::parse(include_str!("../../../../data/dri-minerals.csv"))
            .expect("the shipped DRI table is checked by tests")
    });
    &TABLE
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shipped_table_has_every_life_stage() {
        let table = nasem();
        assert_eq!(table.rows().len(), 22);
        for stage in [
            LifeStage::Infant,
            LifeStage::Child,
            LifeStage::Adolescent,
            LifeStage::Adult,
            LifeStage::Pregnancy,
            LifeStage::Lactation,
        ] {
            assert!(table.rows().iter().any(|r| r.life_stage == stage));
        }
    }

    #[test]
    fn every_row_is_found_by_its_own_age_and_sex() {
        let table = nasem();
        for row in table.rows() {
            for sex in [Sex::Female, Sex::Male] {
                if row.sex.is_some_and(|s| s != sex) {
                    continue;
                }
                let found = table
                    .row_for(row.age_from_years, sex, Some(row.life_stage))
                    .unwrap_or_else(|| panic!("no row for {}", row.describe()));
                assert_eq!(found, row, "{}", row.describe());
            }
        }
    }

    #[test]
    fn adult_targets_match_nasem_2019() {
        let woman = nasem().row_for(34.0, Sex::Female, None).unwrap();
        assert_eq!(woman.describe(), "Women 31–50 years");
        let target = |n| woman.target(n).unwrap();
        assert_eq!(target(Nutrient::Potassium).amount, 2600.0);
        assert_eq!(target(Nutrient::Magnesium).amount, 320.0);
        assert_eq!(target(Nutrient::Calcium).amount, 1000.0);
        assert_eq!(
            target(Nutrient::Sodium),
            Target {
                amount: 2300.0,
                kind: TargetKind::Ceiling
            }
        );
        assert_eq!(target(Nutrient::Water).amount, 2700.0);
        assert_eq!(woman.target(Nutrient::Energy), None);

        let man = nasem().row_for(25.0, Sex::Male, None).unwrap();
        assert_eq!(man.potassium_mg, 3400.0);
        assert_eq!(man.magnesium_mg, 400.0);
        assert_eq!(nasem().default_adult(), woman);
    }

    #[test]
    fn stage_boundaries_are_inclusive_from_exclusive_to() {
        let t = nasem();
        assert_eq!(
            t.row_for(50.99, Sex::Female, None).unwrap().age_from_years,
            31.0
        );
        assert_eq!(
            t.row_for(51.0, Sex::Female, None).unwrap().calcium_mg,
            1200.0
        );
        assert_eq!(
            t.row_for(110.0, Sex::Male, None).unwrap().describe(),
            "Men 71+ years"
        );
        assert_eq!(
            t.row_for(0.25, Sex::Male, None).unwrap().describe(),
            "Infants 0–6 months"
        );
        assert_eq!(
            t.row_for(2.0, Sex::Male, None).unwrap().describe(),
            "Children 1–3 years"
        );
        assert_eq!(t.row_for(-1.0, Sex::Male, None), None);
    }

    #[test]
    fn pregnancy_and_lactation_have_their_own_rows() {
        let t = nasem();
        let pregnant = t
            .row_for(25.0, Sex::Female, Some(LifeStage::Pregnancy))
            .unwrap();
        assert_eq!(pregnant.potassium_mg, 2900.0);
        assert_eq!(pregnant.describe(), "Pregnancy 19–30 years");
        let lactating = t
            .row_for(35.0, Sex::Female, Some(LifeStage::Lactation))
            .unwrap();
        assert_eq!(lactating.total_water_l, 3.8);
        assert_eq!(
            t.row_for(55.0, Sex::Female, Some(LifeStage::Pregnancy)),
            None
        );
    }

    #[test]
    fn infants_have_no_sodium_ceiling() {
        let infant = nasem().row_for(0.1, Sex::Female, None).unwrap();
        assert_eq!(
            infant.target(Nutrient::Sodium).unwrap().kind,
            TargetKind::Minimum
        );
        assert_eq!(infant.magnesium_supplement_ul_mg, None);
    }

    #[test]
    fn malformed_tables_are_refused_with_the_line() {
        assert_eq!(DriTable::parse("nope").unwrap_err().line, 1);
        let bad_row = format!("{HEADER}\nadult,female,19,31,1000,abc,2600,1500,2300,2500,350,2.7");
        let err = DriTable::parse(&bad_row).unwrap_err();
        assert_eq!(err.line, 2);
        assert!(err.to_string().contains("abc"));
        let short = format!("{HEADER}\nadult,female,19");
        assert!(DriTable::parse(&short).is_err());
        let negative = format!("{HEADER}\nadult,female,19,31,-1,310,2600,1500,2300,2500,350,2.7");
        assert!(DriTable::parse(&negative).is_err());
    }

    #[test]
    fn percent_is_relative_to_the_target() {
        let t = Target {
            amount: 2600.0,
            kind: TargetKind::Minimum,
        };
        assert!((t.percent_of(422.44) - 16.2477).abs() < 1e-3);
    }
}
