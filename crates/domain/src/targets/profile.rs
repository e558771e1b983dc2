//! Who the targets are for: age, sex and pregnancy or lactation, validated
//! so that every accepted profile has a row in the DRI table.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::targets::dri::{DriRow, DriTable, LifeStage, Sex};
use crate::units::format::format_number;
use crate::units::quantity::{parse_number, QuantityError};

/// The oldest age accepted, in years.
pub const MAX_AGE_YEARS: f64 = 120.0;

/// Youngest age with pregnancy and lactation rows in the DRI table.
pub const STAGE_MIN_AGE_YEARS: f64 = 14.0;

/// Pregnancy and lactation rows cover ages below this (the last row is 31–50).
pub const STAGE_AGE_LIMIT_YEARS: f64 = 51.0;

/// Pregnancy or lactation, which have their own DRI rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    /// Pregnant.
    Pregnant,
    /// Breastfeeding.
    Lactating,
}

impl Stage {
    /// Both stages, in the order a picker shows them.
    pub const ALL: [Stage; 2] = [Stage::Pregnant, Stage::Lactating];

    /// Plain-language label: "Pregnant", "Breastfeeding".
    pub fn label(self) -> &'static str {
        match self {
            Stage::Pregnant => "Pregnant",
            Stage::Lactating => "Breastfeeding",
        }
    }

    /// Stable key used in forms and storage: "pregnant", "lactating".
    pub fn key(self) -> &'static str {
        match self {
            Stage::Pregnant => "pregnant",
            Stage::Lactating => "lactating",
        }
    }

    /// Inverse of [`Stage::key`].
    pub fn from_key(key: &str) -> Option<Stage> {
        Stage::ALL.into_iter().find(|s| s.key() == key)
    }

    /// The DRI life stage with this stage's rows.
    pub fn life_stage(self) -> LifeStage {
        match self {
            Stage::Pregnant => LifeStage::Pregnancy,
            Stage::Lactating => LifeStage::Lactation,
        }
    }
}

/// The unit an age is typed in: months suit infants.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AgeUnit {
    /// Whole or fractional years.
    Years,
    /// Months (12 to a year).
    Months,
}

/// Why a profile was refused. Every message can be shown as is.
#[derive(Debug, Clone, PartialEq)]
pub enum ProfileError {
    /// No age was typed.
    AgeEmpty,
    /// The age is not a number (NaN, infinite, or not plain digits).
    AgeNotANumber,
    /// The age is below zero.
    AgeNegative,
    /// The age is above [`MAX_AGE_YEARS`].
    AgeTooHigh,
    /// Pregnancy or lactation was chosen for a male profile.
    StageNeedsFemale,
    /// Pregnancy or lactation outside the ages the DRI table covers.
    StageAgeOutOfRange,
    /// The table given has no row for this profile (only for other tables
    /// than the shipped one, which covers every valid profile).
    NoDriRow,
}

impl fmt::Display for ProfileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ProfileError::AgeEmpty => write!(f, "Enter an age."),
            ProfileError::AgeNotANumber => {
                write!(f, "Enter the age as a number, such as 34 or 1.5.")
            }
            ProfileError::AgeNegative => write!(f, "The age cannot be negative."),
            ProfileError::AgeTooHigh => write!(
                f,
                "Enter an age of {} years or less.",
                format_number(MAX_AGE_YEARS, 0)
            ),
            ProfileError::StageNeedsFemale => write!(
                f,
                "Pregnancy and breastfeeding targets are only given for the female profile."
            ),
            ProfileError::StageAgeOutOfRange => write!(
                f,
                "Pregnancy and breastfeeding targets are given for ages {} to {} only.",
                format_number(STAGE_MIN_AGE_YEARS, 0),
                format_number(STAGE_AGE_LIMIT_YEARS - 1.0, 0)
            ),
            ProfileError::NoDriRow => {
                write!(f, "The reference table has no values for this profile.")
            }
        }
    }
}

impl std::error::Error for ProfileError {}

/// Parses a typed age in `unit` and returns it in years (checked by
/// [`Profile::new`] only; this refuses what is not a number).
pub fn parse_age(text: &str, unit: AgeUnit) -> Result<f64, ProfileError> {
    let value = parse_number(text).map_err(|e| match e {
        QuantityError::Empty => ProfileError::AgeEmpty,
        QuantityError::Negative => ProfileError::AgeNegative,
        _ => ProfileError::AgeNotANumber,
    })?;
    Ok(match unit {
        AgeUnit::Years => value,
        AgeUnit::Months => value / 12.0,
    })
}

/// A person's profile. Always valid: built by [`Profile::new`] or
/// deserialised through the same checks.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "StoredProfile", into = "StoredProfile")]
pub struct Profile {
    age_years: f64,
    sex: Sex,
    stage: Option<Stage>,
}

impl Profile {
    /// Checks and builds a profile: the age is a number from 0 to
    /// [`MAX_AGE_YEARS`] (fractions for infants: 0.5 = 6 months); pregnancy
    /// and lactation only for the female profile aged 14 to 50, the ages the
    /// DRI table has rows for.
    pub fn new(age_years: f64, sex: Sex, stage: Option<Stage>) -> Result<Profile, ProfileError> {
        if age_years.is_nan() || age_years.is_infinite() {
            return Err(ProfileError::AgeNotANumber);
        }
        if age_years < 0.0 {
            return Err(ProfileError::AgeNegative);
        }
        if age_years > MAX_AGE_YEARS {
            return Err(ProfileError::AgeTooHigh);
        }
        if stage.is_some() {
            if sex != Sex::Female {
                return Err(ProfileError::StageNeedsFemale);
            }
            if !(STAGE_MIN_AGE_YEARS..STAGE_AGE_LIMIT_YEARS).contains(&age_years) {
                return Err(ProfileError::StageAgeOutOfRange);
            }
        }
        Ok(Profile {
            // -0.0 reads as 0.
            age_years: age_years + 0.0,
            sex,
            stage,
        })
    }

    /// The profile used until the user sets one: a woman of 40, matching
    /// [`DriTable::default_adult`].
    pub fn default_adult() -> Profile {
        Profile {
            age_years: 40.0,
            sex: Sex::Female,
            stage: None,
        }
    }

    /// Age in years (fractional for infants).
    pub fn age_years(&self) -> f64 {
        self.age_years
    }

    /// Sex as the DRI tables split it.
    pub fn sex(&self) -> Sex {
        self.sex
    }

    /// Pregnancy or lactation, if any.
    pub fn stage(&self) -> Option<Stage> {
        self.stage
    }

    /// The DRI row for this profile.
    pub fn dri_row<'t>(&self, table: &'t DriTable) -> Result<&'t DriRow, ProfileError> {
        table
            .row_for(self.age_years, self.sex, self.stage.map(Stage::life_stage))
            .ok_or(ProfileError::NoDriRow)
    }
}

impl Default for Profile {
    fn default() -> Profile {
        Profile::default_adult()
    }
}

/// [`Sex`] in stored profiles: "female" or "male".
#[derive(Serialize, Deserialize)]
#[serde(remote = "Sex", rename_all = "snake_case")]
enum SexDef {
    Female,
    Male,
}

/// The stored shape of a [`Profile`]: `{"age_years":34.0,"sex":"female"}`,
/// plus `"stage":"pregnant"` or `"lactating"` when set.
#[derive(Serialize, Deserialize)]
struct StoredProfile {
    age_years: f64,
    #[serde(with = "SexDef")]
    sex: Sex,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    stage: Option<Stage>,
}

impl From<Profile> for StoredProfile {
    fn from(p: Profile) -> StoredProfile {
        StoredProfile {
            age_years: p.age_years,
            sex: p.sex,
            stage: p.stage,
        }
    }
}

impl TryFrom<StoredProfile> for Profile {
    type Error = ProfileError;

    fn try_from(s: StoredProfile) -> Result<Profile, ProfileError> {
        Profile::new(s.age_years, s.sex, s.stage)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::targets::dri::nasem;

    #[test]
    fn ages_parse_in_years_or_months() {
        assert_eq!(parse_age("34", AgeUnit::Years), Ok(34.0));
        assert_eq!(parse_age("6", AgeUnit::Months), Ok(0.5));
        assert_eq!(parse_age("1,5", AgeUnit::Years), Ok(1.5));
        assert_eq!(parse_age("", AgeUnit::Years), Err(ProfileError::AgeEmpty));
        assert_eq!(
            parse_age("-1", AgeUnit::Years),
            Err(ProfileError::AgeNegative)
        );
        assert_eq!(
            parse_age("NaN", AgeUnit::Years),
            Err(ProfileError::AgeNotANumber)
        );
        assert_eq!(
            parse_age("thirty", AgeUnit::Years),
            Err(ProfileError::AgeNotANumber)
        );
    }

    #[test]
    fn refuses_impossible_profiles_with_a_reason() {
        let cases = [
            (200.0, Sex::Female, None, ProfileError::AgeTooHigh),
            (120.01, Sex::Male, None, ProfileError::AgeTooHigh),
            (-1.0, Sex::Female, None, ProfileError::AgeNegative),
            (f64::NAN, Sex::Female, None, ProfileError::AgeNotANumber),
            (f64::INFINITY, Sex::Male, None, ProfileError::AgeNotANumber),
            (
                30.0,
                Sex::Male,
                Some(Stage::Pregnant),
                ProfileError::StageNeedsFemale,
            ),
            (
                30.0,
                Sex::Male,
                Some(Stage::Lactating),
                ProfileError::StageNeedsFemale,
            ),
            (
                60.0,
                Sex::Female,
                Some(Stage::Pregnant),
                ProfileError::StageAgeOutOfRange,
            ),
            (
                51.0,
                Sex::Female,
                Some(Stage::Lactating),
                ProfileError::StageAgeOutOfRange,
            ),
            (
                13.9,
                Sex::Female,
                Some(Stage::Pregnant),
                ProfileError::StageAgeOutOfRange,
            ),
        ];
        for (age, sex, stage, expected) in cases {
            assert_eq!(
                Profile::new(age, sex, stage),
                Err(expected.clone()),
                "{age} {sex:?} {stage:?}"
            );
            let text = expected.to_string();
            assert!(text.ends_with('.'), "{text}");
        }
        assert_eq!(
            ProfileError::AgeTooHigh.to_string(),
            "Enter an age of 120 years or less."
        );
        assert_eq!(
            ProfileError::StageAgeOutOfRange.to_string(),
            "Pregnancy and breastfeeding targets are given for ages 14 to 50 only."
        );
    }

    #[test]
    fn accepts_the_edges() {
        for (age, sex, stage) in [
            (0.0, Sex::Female, None),
            (-0.0, Sex::Male, None),
            (120.0, Sex::Male, None),
            (14.0, Sex::Female, Some(Stage::Pregnant)),
            (50.99, Sex::Female, Some(Stage::Lactating)),
        ] {
            let profile = Profile::new(age, sex, stage).unwrap();
            assert!(profile.dri_row(nasem()).is_ok(), "{profile:?}");
        }
        assert_eq!(
            Profile::new(-0.0, Sex::Male, None)
                .unwrap()
                .age_years()
                .to_string(),
            "0"
        );
    }

    #[test]
    fn default_profile_is_the_default_adult_row() {
        let profile = Profile::default();
        assert_eq!(profile.dri_row(nasem()).unwrap(), nasem().default_adult());
    }

    #[test]
    fn a_table_without_the_row_is_a_clear_error() {
        let only_adults = DriTable::parse(
            "life_stage,sex,age_from_years,age_to_years,calcium_mg,magnesium_mg,potassium_mg,sodium_ai_mg,sodium_cdrr_mg,calcium_ul_mg,magnesium_supplement_ul_mg,total_water_l\n\
             adult,female,19,,1000,310,2600,1500,2300,2500,350,2.7\n",
        )
        .unwrap();
        let child = Profile::new(5.0, Sex::Female, None).unwrap();
        assert_eq!(child.dri_row(&only_adults), Err(ProfileError::NoDriRow));
    }

    #[test]
    fn stage_keys_round_trip() {
        for stage in Stage::ALL {
            assert_eq!(Stage::from_key(stage.key()), Some(stage));
        }
        assert_eq!(Stage::from_key("none"), None);
    }
}
