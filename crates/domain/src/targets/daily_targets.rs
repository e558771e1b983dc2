//! The day's targets for potassium, magnesium, calcium, sodium and water:
//! from the profile's DRI row or the US label Daily Values, each with where
//! it comes from, and each overridable by the user and resettable.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::foods::nutrient::Nutrient;
use crate::targets::dri::{nasem, DriRow, DriTable, LifeStage, Target, TargetKind};
use crate::targets::profile::{Profile, ProfileError};
use crate::units::amount_text::format_nutrient_amount;
use crate::units::format::format_number;
use crate::units::quantity::{at_least, QuantityError};

/// The nutrients with a daily target, in the order the screen lists them.
pub const TARGET_NUTRIENTS: [Nutrient; 5] = [
    Nutrient::Potassium,
    Nutrient::Magnesium,
    Nutrient::Calcium,
    Nutrient::Sodium,
    Nutrient::Water,
];

/// Why articles say 4,700 mg of potassium, in one line.
pub const POTASSIUM_4700_EXPLANATION: &str = "Articles and food labels still use 4,700 mg of potassium: that was the adequate intake set in 2005 and is the US label Daily Value, but in 2019 the National Academies set it at 3,400 mg for men and 2,600 mg for women, based on the intakes of healthy people.";

/// Youngest age the adult label Daily Values apply to (FDA sets other
/// values for infants and children 1–3 years).
pub const LABEL_DV_MIN_AGE_YEARS: f64 = 4.0;

/// Largest mineral target a user may set: 20,000 mg.
pub const MAX_MINERAL_TARGET_MG: f64 = 20_000.0;

/// Largest water target a user may set: 10,000 ml (10 L).
pub const MAX_WATER_TARGET_ML: f64 = 10_000.0;

/// The least a user may set a target to, in its unit (1 mg; 1 ml for
/// water): targets show as whole numbers, so less would read "0 mg".
pub const MIN_TARGET: f64 = 1.0;

/// The US label Daily Value of `nutrient` (FDA 2016 rule, adults and
/// children 4 years and over); `None` for water and energy, which have none
/// here (water keeps its DRI).
pub fn label_daily_value(nutrient: Nutrient) -> Option<f64> {
    match nutrient {
        Nutrient::Potassium => Some(4_700.0),
        Nutrient::Magnesium => Some(420.0),
        Nutrient::Calcium => Some(1_300.0),
        Nutrient::Sodium => Some(2_300.0),
        Nutrient::Energy | Nutrient::Water => None,
    }
}

/// Which set of default targets is in use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Preset {
    /// The profile's Dietary Reference Intakes (NASEM).
    #[default]
    Dri,
    /// The US label Daily Values for K, Mg, Ca and Na; water keeps its DRI.
    LabelDailyValues,
}

impl Preset {
    /// Both presets, in the order a picker shows them.
    pub const ALL: [Preset; 2] = [Preset::Dri, Preset::LabelDailyValues];

    /// Label for a picker.
    pub fn label(self) -> &'static str {
        match self {
            Preset::Dri => "Dietary Reference Intakes for your profile",
            Preset::LabelDailyValues => "US food-label Daily Values",
        }
    }

    /// Stable key for forms: "dri", "label_dv".
    pub fn key(self) -> &'static str {
        match self {
            Preset::Dri => "dri",
            Preset::LabelDailyValues => "label_dv",
        }
    }

    /// Inverse of [`Preset::key`].
    pub fn from_key(key: &str) -> Option<Preset> {
        Preset::ALL.into_iter().find(|p| p.key() == key)
    }
}

/// The kind of Dietary Reference Intake a DRI target is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DriKind {
    /// Recommended Dietary Allowance: enough for nearly all healthy people.
    Rda,
    /// Adequate Intake: set where the evidence is too thin for an RDA.
    Ai,
    /// Chronic Disease Risk Reduction intake: lower intakes above it.
    Cdrr,
}

impl DriKind {
    /// Abbreviation: "RDA", "AI", "CDRR".
    pub fn abbreviation(self) -> &'static str {
        match self {
            DriKind::Rda => "RDA",
            DriKind::Ai => "AI",
            DriKind::Cdrr => "CDRR",
        }
    }

    /// Full name, e.g. "Adequate Intake".
    pub fn name(self) -> &'static str {
        match self {
            DriKind::Rda => "Recommended Dietary Allowance",
            DriKind::Ai => "Adequate Intake",
            DriKind::Cdrr => "Chronic Disease Risk Reduction intake",
        }
    }

    /// The kind of `row`'s value for `nutrient`; `None` for energy.
    pub fn of(row: &DriRow, nutrient: Nutrient) -> Option<DriKind> {
        let infant = row.life_stage == LifeStage::Infant;
        match nutrient {
            Nutrient::Energy => None,
            Nutrient::Water | Nutrient::Potassium => Some(DriKind::Ai),
            Nutrient::Magnesium | Nutrient::Calcium if infant => Some(DriKind::Ai),
            Nutrient::Magnesium | Nutrient::Calcium => Some(DriKind::Rda),
            Nutrient::Sodium if row.sodium_cdrr_mg.is_some() => Some(DriKind::Cdrr),
            Nutrient::Sodium => Some(DriKind::Ai),
        }
    }
}

/// Where a target's amount comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TargetSource {
    /// The profile's DRI row, as this kind of reference value.
    Dri(DriKind),
    /// The US label Daily Value.
    LabelDailyValue,
    /// Set by the user.
    UserOverride,
}

/// One target as the screen shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct DailyTarget {
    /// The nutrient it is for.
    pub nutrient: Nutrient,
    /// The amount in use and whether it is a minimum or a ceiling.
    pub target: Target,
    /// Where [`DailyTarget::target`] comes from.
    pub source: TargetSource,
    /// What a reset returns to: the preset's amount.
    pub default_amount: f64,
    /// Where the default comes from.
    pub default_source: TargetSource,
    /// The DRI group the profile falls in, e.g. "Women 31–50 years".
    pub dri_group: String,
}

impl DailyTarget {
    /// Whether the user has replaced the default.
    pub fn is_overridden(&self) -> bool {
        self.source == TargetSource::UserOverride
    }

    /// One line saying where `source` comes from, for this target, e.g.
    /// "Adequate Intake (AI) for Women 31–50 years, National Academies 2019".
    pub fn describe_source(&self, source: TargetSource) -> String {
        match source {
            TargetSource::UserOverride => format!(
                "Your own target; the default is {} ({})",
                format_nutrient_amount(self.nutrient, self.default_amount),
                self.describe_preset_source(self.default_source)
            ),
            other => self.describe_preset_source(other),
        }
    }

    /// [`DailyTarget::describe_source`] for the sources a preset gives.
    fn describe_preset_source(&self, source: TargetSource) -> String {
        match source {
            TargetSource::Dri(kind) => {
                let what = if self.nutrient == Nutrient::Water {
                    "Adequate Intake (AI) of total water, from food and drinks,".to_owned()
                } else {
                    format!("{} ({})", kind.name(), kind.abbreviation())
                };
                let reference = match self.nutrient {
                    Nutrient::Potassium | Nutrient::Sodium => "National Academies 2019",
                    Nutrient::Calcium => "Institute of Medicine 2011",
                    Nutrient::Magnesium => "Institute of Medicine 1997",
                    Nutrient::Water | Nutrient::Energy => "Institute of Medicine 2005",
                };
                let advice = if kind == DriKind::Cdrr {
                    ": reduce intake if above it"
                } else {
                    ""
                };
                format!("{what} for {}, {reference}{advice}", self.dri_group)
            }
            TargetSource::LabelDailyValue => {
                "US food-label Daily Value (FDA 2016) for adults and children 4 years and over"
                    .to_owned()
            }
            TargetSource::UserOverride => "Your own target".to_owned(),
        }
    }

    /// Where the target in use comes from, in one line.
    pub fn source_text(&self) -> String {
        self.describe_source(self.source)
    }
}

/// Why a target change was refused. Every message can be shown as is.
#[derive(Debug, Clone, PartialEq)]
pub enum TargetError {
    /// The amount is not usable (not a number, not above zero, implausible).
    Amount(QuantityError),
    /// The nutrient has no target (energy).
    NoTarget(Nutrient),
    /// The label Daily Values are not for children under 4 years.
    LabelDvNotForAge,
    /// The profile does not fit the DRI table.
    Profile(ProfileError),
}

impl fmt::Display for TargetError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TargetError::Amount(e) => e.fmt(f),
            TargetError::NoTarget(n) => write!(f, "{} has no daily target here.", n.name()),
            TargetError::LabelDvNotForAge => write!(
                f,
                "The label Daily Values are for adults and children {} years and over.",
                format_number(LABEL_DV_MIN_AGE_YEARS, 0)
            ),
            TargetError::Profile(e) => e.fmt(f),
        }
    }
}

impl std::error::Error for TargetError {}

impl From<ProfileError> for TargetError {
    fn from(e: ProfileError) -> TargetError {
        TargetError::Profile(e)
    }
}

/// User-set amounts, one slot per entry of [`TARGET_NUTRIENTS`].
type Overrides = [Option<f64>; TARGET_NUTRIENTS.len()];

/// The day's targets for a profile: a preset plus the user's overrides.
///
/// Stored as the profile, the preset and the overrides (see
/// `StoredTargets`); loading looks the DRI row up again in the shipped
/// table ([`nasem`]) and checks everything as the setters do.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "StoredTargets", into = "StoredTargets")]
pub struct DailyTargets {
    profile: Profile,
    row: DriRow,
    preset: Preset,
    overrides: Overrides,
}

impl DailyTargets {
    /// The DRI targets of `profile` from `table`, without overrides.
    pub fn new(profile: Profile, table: &DriTable) -> Result<DailyTargets, TargetError> {
        Ok(DailyTargets {
            profile,
            row: profile.dri_row(table)?.clone(),
            preset: Preset::Dri,
            overrides: [None; TARGET_NUTRIENTS.len()],
        })
    }

    /// The profile the defaults are for.
    pub fn profile(&self) -> &Profile {
        &self.profile
    }

    /// The profile's DRI row (also the source of the magnesium supplement UL).
    pub fn row(&self) -> &DriRow {
        &self.row
    }

    /// Switches to `profile`'s row of `table`. Overrides stay (they are the
    /// user's choice); the label preset falls back to the DRI preset if it
    /// does not apply to the new age. An error changes nothing.
    pub fn set_profile(&mut self, profile: Profile, table: &DriTable) -> Result<(), TargetError> {
        self.row = profile.dri_row(table)?.clone();
        self.profile = profile;
        if !self.label_dv_applies() {
            self.preset = Preset::Dri;
        }
        Ok(())
    }

    /// The preset in use.
    pub fn preset(&self) -> Preset {
        self.preset
    }

    /// Whether the label Daily Values apply to the profile (4 years and over).
    pub fn label_dv_applies(&self) -> bool {
        self.profile.age_years() >= LABEL_DV_MIN_AGE_YEARS
    }

    /// Switches the defaults to `preset`; overrides stay. Refused (changing
    /// nothing) for the label preset under 4 years.
    pub fn set_preset(&mut self, preset: Preset) -> Result<(), TargetError> {
        if preset == Preset::LabelDailyValues && !self.label_dv_applies() {
            return Err(TargetError::LabelDvNotForAge);
        }
        self.preset = preset;
        Ok(())
    }

    /// The default of `nutrient` under the current preset and its source.
    fn default_for(&self, nutrient: Nutrient) -> Option<(Target, TargetSource)> {
        let dri = self.row.target(nutrient)?;
        let kind = DriKind::of(&self.row, nutrient)?;
        match (self.preset, label_daily_value(nutrient)) {
            (Preset::LabelDailyValues, Some(amount)) => Some((
                Target {
                    amount,
                    kind: if nutrient == Nutrient::Sodium {
                        TargetKind::Ceiling
                    } else {
                        TargetKind::Minimum
                    },
                },
                TargetSource::LabelDailyValue,
            )),
            _ => Some((dri, TargetSource::Dri(kind))),
        }
    }

    /// The target for `nutrient`; `None` for energy.
    pub fn get(&self, nutrient: Nutrient) -> Option<DailyTarget> {
        let (default, default_source) = self.default_for(nutrient)?;
        let slot = slot(nutrient)?;
        let (target, source) = match self.overrides[slot] {
            Some(amount) => (
                Target {
                    amount,
                    kind: default.kind,
                },
                TargetSource::UserOverride,
            ),
            None => (default, default_source),
        };
        Some(DailyTarget {
            nutrient,
            target,
            source,
            default_amount: default.amount,
            default_source,
            dri_group: self.row.describe(),
        })
    }

    /// Every target, in [`TARGET_NUTRIENTS`] order.
    pub fn all(&self) -> Vec<DailyTarget> {
        TARGET_NUTRIENTS
            .into_iter()
            .filter_map(|n| self.get(n))
            .collect()
    }

    /// The largest amount a user may set for `nutrient`, in its unit.
    pub fn max_override(nutrient: Nutrient) -> f64 {
        if nutrient == Nutrient::Water {
            MAX_WATER_TARGET_ML
        } else {
            MAX_MINERAL_TARGET_MG
        }
    }

    /// Replaces the default of `nutrient` with `amount`, in the nutrient's
    /// unit (mg; ml for water). Must be at least [`MIN_TARGET`] and at most
    /// [`DailyTargets::max_override`]; an error changes nothing.
    pub fn set_override(&mut self, nutrient: Nutrient, amount: f64) -> Result<(), TargetError> {
        let slot = slot(nutrient).ok_or(TargetError::NoTarget(nutrient))?;
        let unit = if nutrient == Nutrient::Water {
            "ml"
        } else {
            "mg"
        };
        let amount = at_least(amount, MIN_TARGET, Self::max_override(nutrient), unit)
            .map_err(TargetError::Amount)?;
        self.overrides[slot] = Some(amount);
        Ok(())
    }

    /// Returns `nutrient` to its default.
    pub fn reset(&mut self, nutrient: Nutrient) {
        if let Some(slot) = slot(nutrient) {
            self.overrides[slot] = None;
        }
    }

    /// Returns every target to its default.
    pub fn reset_all(&mut self) {
        self.overrides = [None; TARGET_NUTRIENTS.len()];
    }
}

/// Position of `nutrient` in [`TARGET_NUTRIENTS`].
fn slot(nutrient: Nutrient) -> Option<usize> {
    TARGET_NUTRIENTS.iter().position(|&n| n == nutrient)
}

/// The stored shape of [`DailyTargets`]: the profile, the preset and the
/// overrides by nutrient key, e.g.
/// `{"profile":{...},"preset":"dri","overrides":{"potassium":3000.0}}`.
/// The DRI row is looked up again in the shipped table on loading.
#[derive(Serialize, Deserialize)]
struct StoredTargets {
    profile: Profile,
    #[serde(default)]
    preset: Preset,
    #[serde(default, skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    overrides: std::collections::BTreeMap<String, f64>,
}

impl From<DailyTargets> for StoredTargets {
    fn from(t: DailyTargets) -> StoredTargets {
        StoredTargets {
            profile: t.profile,
            preset: t.preset,
            overrides: TARGET_NUTRIENTS
                .iter()
                .zip(t.overrides)
                .filter_map(|(n, o)| Some((n.key().to_owned(), o?)))
                .collect(),
        }
    }
}

impl TryFrom<StoredTargets> for DailyTargets {
    type Error = TargetError;

    fn try_from(s: StoredTargets) -> Result<DailyTargets, TargetError> {
        let mut targets = DailyTargets::new(s.profile, nasem())?;
        targets.set_preset(s.preset)?;
        for (key, amount) in s.overrides {
            // Unknown keys (a nutrient from a newer version) are skipped.
            if let Some(nutrient) = Nutrient::from_key(&key) {
                targets.set_override(nutrient, amount)?;
            }
        }
        Ok(targets)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::targets::dri::Sex;
    use crate::targets::profile::Stage;

    fn targets(age: f64, sex: Sex, stage: Option<Stage>) -> DailyTargets {
        DailyTargets::new(Profile::new(age, sex, stage).unwrap(), nasem()).unwrap()
    }

    fn amount(t: &DailyTargets, n: Nutrient) -> f64 {
        t.get(n).unwrap().target.amount
    }

    #[test]
    fn woman_of_34_gets_her_dri_row_with_sources() {
        let t = targets(34.0, Sex::Female, None);
        assert_eq!(amount(&t, Nutrient::Potassium), 2_600.0);
        assert_eq!(amount(&t, Nutrient::Magnesium), 320.0);
        assert_eq!(amount(&t, Nutrient::Calcium), 1_000.0);
        assert_eq!(amount(&t, Nutrient::Water), 2_700.0);
        let na = t.get(Nutrient::Sodium).unwrap();
        assert_eq!(na.target.amount, 2_300.0);
        assert_eq!(na.target.kind, TargetKind::Ceiling);
        assert_eq!(na.source, TargetSource::Dri(DriKind::Cdrr));
        assert_eq!(
            t.get(Nutrient::Magnesium).unwrap().source,
            TargetSource::Dri(DriKind::Rda)
        );
        let k = t.get(Nutrient::Potassium).unwrap();
        assert_eq!(k.source, TargetSource::Dri(DriKind::Ai));
        assert_eq!(
            k.source_text(),
            "Adequate Intake (AI) for Women 31–50 years, National Academies 2019"
        );
        assert_eq!(
            t.get(Nutrient::Water).unwrap().source_text(),
            "Adequate Intake (AI) of total water, from food and drinks, for Women 31–50 years, Institute of Medicine 2005"
        );
        assert_eq!(
            na.source_text(),
            "Chronic Disease Risk Reduction intake (CDRR) for Women 31–50 years, National Academies 2019: reduce intake if above it"
        );
        assert_eq!(t.get(Nutrient::Energy), None);
        let order: Vec<_> = t.all().iter().map(|d| d.nutrient).collect();
        assert_eq!(order, TARGET_NUTRIENTS);
    }

    #[test]
    fn infants_have_ais_and_no_sodium_ceiling() {
        let t = targets(0.25, Sex::Male, None);
        let na = t.get(Nutrient::Sodium).unwrap();
        assert_eq!(na.target.kind, TargetKind::Minimum);
        assert_eq!(na.source, TargetSource::Dri(DriKind::Ai));
        assert_eq!(
            t.get(Nutrient::Calcium).unwrap().source,
            TargetSource::Dri(DriKind::Ai)
        );
    }

    #[test]
    fn overrides_replace_and_reset_restores() {
        let mut t = targets(34.0, Sex::Female, None);
        t.set_override(Nutrient::Potassium, 3_500.0).unwrap();
        let k = t.get(Nutrient::Potassium).unwrap();
        assert_eq!(k.target.amount, 3_500.0);
        assert!(k.is_overridden());
        assert_eq!(k.default_amount, 2_600.0);
        assert_eq!(
            k.source_text(),
            "Your own target; the default is 2,600 mg (Adequate Intake (AI) for Women 31–50 years, National Academies 2019)"
        );
        // The kind follows the default: sodium stays a ceiling.
        t.set_override(Nutrient::Sodium, 1_500.0).unwrap();
        assert_eq!(
            t.get(Nutrient::Sodium).unwrap().target,
            Target {
                amount: 1_500.0,
                kind: TargetKind::Ceiling
            }
        );
        t.set_override(Nutrient::Water, 3_000.0).unwrap();
        assert!(t
            .get(Nutrient::Water)
            .unwrap()
            .source_text()
            .starts_with("Your own target; the default is 2.7 L (Adequate Intake"));
        t.reset(Nutrient::Potassium);
        assert_eq!(
            t.get(Nutrient::Potassium).unwrap().source,
            TargetSource::Dri(DriKind::Ai)
        );
        assert_eq!(amount(&t, Nutrient::Potassium), 2_600.0);
        assert_eq!(amount(&t, Nutrient::Sodium), 1_500.0);
        t.reset_all();
        assert!(t.all().iter().all(|d| !d.is_overridden()));
    }

    #[test]
    fn bad_overrides_change_nothing() {
        let mut t = targets(34.0, Sex::Female, None);
        t.set_override(Nutrient::Magnesium, 400.0).unwrap();
        let before = t.clone();
        for bad in [0.0, -5.0, f64::NAN, f64::INFINITY, 20_000.5] {
            assert!(t.set_override(Nutrient::Magnesium, bad).is_err(), "{bad}");
        }
        assert_eq!(
            t.set_override(Nutrient::Water, 10_001.0)
                .unwrap_err()
                .to_string(),
            "That is more than 10,000 ml in one entry. Check the amount and unit."
        );
        assert_eq!(
            t.set_override(Nutrient::Energy, 2_000.0),
            Err(TargetError::NoTarget(Nutrient::Energy))
        );
        assert_eq!(t, before);
        assert!(t.set_override(Nutrient::Calcium, 20_000.0).is_ok());
    }

    #[test]
    fn targets_that_would_show_as_zero_are_refused() {
        // A potassium target of 0.0000001 mg showed as "0 mg".
        let mut t = targets(34.0, Sex::Female, None);
        let before = t.clone();
        for tiny in [0.000_000_1, 0.4, 0.999] {
            assert_eq!(
                t.set_override(Nutrient::Potassium, tiny),
                Err(TargetError::Amount(QuantityError::TooSmall {
                    min: MIN_TARGET,
                    unit: "mg"
                })),
                "{tiny}"
            );
        }
        assert_eq!(
            t.set_override(Nutrient::Water, 0.5)
                .unwrap_err()
                .to_string(),
            "The smallest amount here is 1 ml. Check the amount and unit."
        );
        assert_eq!(t, before);
        assert!(t.set_override(Nutrient::Potassium, 1.0).is_ok());
    }

    #[test]
    fn label_preset_uses_daily_values_and_keeps_dri_water() {
        let mut t = targets(34.0, Sex::Female, None);
        t.set_override(Nutrient::Calcium, 1_100.0).unwrap();
        t.set_preset(Preset::LabelDailyValues).unwrap();
        assert_eq!(amount(&t, Nutrient::Potassium), 4_700.0);
        assert_eq!(amount(&t, Nutrient::Magnesium), 420.0);
        assert_eq!(amount(&t, Nutrient::Sodium), 2_300.0);
        assert_eq!(
            t.get(Nutrient::Sodium).unwrap().target.kind,
            TargetKind::Ceiling
        );
        let water = t.get(Nutrient::Water).unwrap();
        assert_eq!(water.target.amount, 2_700.0);
        assert_eq!(water.source, TargetSource::Dri(DriKind::Ai));
        let k = t.get(Nutrient::Potassium).unwrap();
        assert_eq!(k.source, TargetSource::LabelDailyValue);
        assert!(k.source_text().contains("Daily Value"));
        // The override stays; its default is now the label value.
        let ca = t.get(Nutrient::Calcium).unwrap();
        assert_eq!(ca.target.amount, 1_100.0);
        assert_eq!(ca.default_amount, 1_300.0);
        t.set_preset(Preset::Dri).unwrap();
        assert_eq!(amount(&t, Nutrient::Potassium), 2_600.0);
    }

    #[test]
    fn label_preset_is_refused_for_young_children() {
        let mut toddler = targets(2.0, Sex::Male, None);
        assert_eq!(
            toddler.set_preset(Preset::LabelDailyValues),
            Err(TargetError::LabelDvNotForAge)
        );
        assert_eq!(toddler.preset(), Preset::Dri);
        let mut t = targets(30.0, Sex::Male, None);
        t.set_preset(Preset::LabelDailyValues).unwrap();
        t.set_profile(Profile::new(2.0, Sex::Male, None).unwrap(), nasem())
            .unwrap();
        assert_eq!(t.preset(), Preset::Dri);
        assert_eq!(amount(&t, Nutrient::Potassium), 2_000.0);
    }

    #[test]
    fn changing_the_profile_keeps_overrides() {
        let mut t = targets(34.0, Sex::Female, None);
        t.set_override(Nutrient::Potassium, 3_000.0).unwrap();
        t.set_profile(
            Profile::new(34.0, Sex::Female, Some(Stage::Pregnant)).unwrap(),
            nasem(),
        )
        .unwrap();
        assert_eq!(amount(&t, Nutrient::Potassium), 3_000.0);
        assert_eq!(t.get(Nutrient::Potassium).unwrap().default_amount, 2_900.0);
        assert_eq!(
            t.get(Nutrient::Water).unwrap().dri_group,
            "Pregnancy 31–50 years"
        );
    }

    #[test]
    fn the_4700_explanation_names_both_figures() {
        for figure in ["4,700 mg", "3,400 mg", "2,600 mg", "Daily Value", "2019"] {
            assert!(POTASSIUM_4700_EXPLANATION.contains(figure), "{figure}");
        }
        assert!(!POTASSIUM_4700_EXPLANATION.contains('\n'));
    }

    #[test]
    fn preset_keys_round_trip() {
        for p in Preset::ALL {
            assert_eq!(Preset::from_key(p.key()), Some(p));
        }
        assert_eq!(Preset::from_key("uk"), None);
    }
}
