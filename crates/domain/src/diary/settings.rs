//! What the diary keeps besides its days: the daily targets (profile,
//! preset, overrides), whether the person has said who they are, the glass
//! size of the one-tap water counter, the favourite foods and what the
//! person wants proposed ("What to eat next").

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::foods::food::NdbNumber;
use crate::planning::proposals::preferences::ProposalPreferences;
use crate::targets::daily_targets::DailyTargets;
use crate::targets::dri::nasem;
use crate::targets::profile::Profile;
use crate::units::format::format_number;
use crate::units::volume::{VolumeUnit, GLASS_ML, GLASS_ML_RANGE};

/// The most favourite foods kept.
pub const MAX_FAVOURITES: usize = 200;

/// Why a favourite could not be added.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FavouritesFull;

impl fmt::Display for FavouritesFull {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "You can keep at most {MAX_FAVOURITES} favourite foods. Remove one first."
        )
    }
}

impl std::error::Error for FavouritesFull {}

/// Whether the person told the app who they are (the first-run step).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ProfileAnswer {
    /// Not asked yet: the targets assume the default profile.
    #[default]
    NotAsked,
    /// Asked and skipped: the targets assume the default profile, and the
    /// plan keeps saying so.
    Skipped,
    /// The profile is the person's own.
    Given,
}

/// Why a glass size was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GlassSizeError;

impl fmt::Display for GlassSizeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "A glass holds from {} to {} ml.",
            GLASS_ML_RANGE.start(),
            format_number(f64::from(*GLASS_ML_RANGE.end()), 0)
        )
    }
}

impl std::error::Error for GlassSizeError {}

/// The targets the days are measured against, who they are for, the water
/// glass, the favourite foods and the proposal preferences.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "StoredSettings", into = "StoredSettings")]
pub struct Settings {
    targets: DailyTargets,
    answer: ProfileAnswer,
    glass_ml: u16,
    favourites: Vec<NdbNumber>,
    proposals: ProposalPreferences,
}

impl Default for Settings {
    /// The default adult's DRI targets and no favourites.
    fn default() -> Settings {
        Settings::new(
            DailyTargets::new(Profile::default_adult(), nasem())
                .expect("the shipped DRI table covers the default profile"),
        )
    }
}

impl Settings {
    /// These targets (not confirmed by the person), a 250 ml glass, no
    /// favourites and the default proposal preferences.
    pub fn new(targets: DailyTargets) -> Settings {
        Settings {
            targets,
            answer: ProfileAnswer::NotAsked,
            glass_ml: GLASS_ML as u16,
            favourites: Vec::new(),
            proposals: ProposalPreferences::default(),
        }
    }

    /// Whether the person has said who they are.
    pub fn profile_answer(&self) -> ProfileAnswer {
        self.answer
    }

    /// Records the first-run step's outcome.
    pub fn set_profile_answer(&mut self, answer: ProfileAnswer) {
        self.answer = answer;
    }

    /// The glass of the one-tap water counter, in ml.
    pub fn glass_ml(&self) -> u16 {
        self.glass_ml
    }

    /// The unit the one-tap water counter adds.
    pub fn glass(&self) -> VolumeUnit {
        VolumeUnit::glass(self.glass_ml)
    }

    /// Sets the glass size, within [`GLASS_ML_RANGE`]; past days keep the
    /// size they were counted in.
    pub fn set_glass_ml(&mut self, ml: f64) -> Result<(), GlassSizeError> {
        let range = f64::from(*GLASS_ML_RANGE.start())..=f64::from(*GLASS_ML_RANGE.end());
        if !range.contains(&ml) {
            return Err(GlassSizeError);
        }
        self.glass_ml = ml.round() as u16;
        Ok(())
    }

    /// The daily targets.
    pub fn targets(&self) -> &DailyTargets {
        &self.targets
    }

    /// Replaces the daily targets.
    pub fn set_targets(&mut self, targets: DailyTargets) {
        self.targets = targets;
    }

    /// The favourite foods, in the order they were marked.
    pub fn favourites(&self) -> &[NdbNumber] {
        &self.favourites
    }

    /// Whether `ndb` is a favourite.
    pub fn is_favourite(&self, ndb: NdbNumber) -> bool {
        self.favourites.contains(&ndb)
    }

    /// Marks `ndb` a favourite, or unmarks it if it was one; returns
    /// whether it is a favourite now. At most [`MAX_FAVOURITES`].
    pub fn toggle_favourite(&mut self, ndb: NdbNumber) -> Result<bool, FavouritesFull> {
        if let Some(i) = self.favourites.iter().position(|&f| f == ndb) {
            self.favourites.remove(i);
            return Ok(false);
        }
        if self.favourites.len() >= MAX_FAVOURITES {
            return Err(FavouritesFull);
        }
        self.favourites.push(ndb);
        Ok(true)
    }

    /// What the person wants proposed: food groups and foods left out,
    /// diet, recent foods, the energy allowance.
    pub fn proposal_preferences(&self) -> &ProposalPreferences {
        &self.proposals
    }

    /// The proposal preferences, to change (every setter checks its value).
    pub fn proposal_preferences_mut(&mut self) -> &mut ProposalPreferences {
        &mut self.proposals
    }
}

/// The stored form of [`Settings`]: `{"t":{targets, see
/// crate::targets::daily_targets},"who":"given","glass":300,"fav":["09040","11457"],
/// "prop":{proposal preferences, see crate::planning::proposals::preferences}}`;
/// no favourites, a 250 ml glass, "not asked" and the default proposal
/// preferences are left out, so settings stored before these fields existed
/// read as they always did (and with the defaults, are stored as before).
///
/// `who` is "given" or "skipped". Settings stored before it existed whose
/// profile is not the default one were set by the person on the targets
/// page: they read as "given", so nobody is asked again who they are.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct StoredSettings {
    t: DailyTargets,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    who: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    glass: Option<u16>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    fav: Vec<String>,
    #[serde(default, skip_serializing_if = "ProposalPreferences::is_default")]
    prop: ProposalPreferences,
}

impl From<Settings> for StoredSettings {
    fn from(s: Settings) -> StoredSettings {
        StoredSettings {
            who: match s.answer {
                ProfileAnswer::NotAsked => None,
                ProfileAnswer::Skipped => Some("skipped".to_owned()),
                ProfileAnswer::Given => Some("given".to_owned()),
            },
            glass: (f64::from(s.glass_ml) != GLASS_ML).then_some(s.glass_ml),
            t: s.targets,
            fav: s.favourites.iter().map(NdbNumber::to_string).collect(),
            prop: s.proposals,
        }
    }
}

impl TryFrom<StoredSettings> for Settings {
    type Error = String;

    fn try_from(s: StoredSettings) -> Result<Settings, String> {
        let mut settings = Settings::new(s.t);
        settings.proposals = s.prop;
        settings.answer = match s.who.as_deref() {
            None if settings.targets.profile() != &Profile::default_adult() => ProfileAnswer::Given,
            None => ProfileAnswer::NotAsked,
            Some("skipped") => ProfileAnswer::Skipped,
            Some("given") => ProfileAnswer::Given,
            Some(other) => return Err(format!("unknown profile answer {other:?}")),
        };
        if let Some(ml) = s.glass {
            settings
                .set_glass_ml(f64::from(ml))
                .map_err(|e| e.to_string())?;
        }
        for text in s.fav {
            let ndb: NdbNumber = text
                .parse()
                .map_err(|_| format!("favourite food {text:?} is not a five-digit NDB number"))?;
            if !settings.is_favourite(ndb) {
                settings.toggle_favourite(ndb).map_err(|e| e.to_string())?;
            }
        }
        Ok(settings)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::foods::nutrient::Nutrient;
    use crate::planning::plan::test_table::ndb;

    #[test]
    fn favourites_toggle_and_are_bounded() {
        let mut s = Settings::default();
        assert_eq!(s.toggle_favourite(ndb(9040)), Ok(true));
        assert_eq!(s.toggle_favourite(ndb(11457)), Ok(true));
        assert!(s.is_favourite(ndb(9040)));
        assert_eq!(s.toggle_favourite(ndb(9040)), Ok(false));
        assert_eq!(s.favourites(), [ndb(11457)]);
        for n in 0..MAX_FAVOURITES as u32 - 1 {
            s.toggle_favourite(ndb(20_000 + n)).unwrap();
        }
        assert_eq!(s.toggle_favourite(ndb(1)), Err(FavouritesFull));
        assert_eq!(s.toggle_favourite(ndb(11457)), Ok(false));
        assert!(FavouritesFull.to_string().contains("200"));
    }

    #[test]
    fn the_stored_form_round_trips_and_is_checked() {
        let mut s = Settings::default();
        let mut t = s.targets().clone();
        t.set_override(Nutrient::Potassium, 3_000.0).unwrap();
        s.set_targets(t);
        s.toggle_favourite(ndb(9040)).unwrap();
        let json = serde_json::to_string(&s).unwrap();
        assert!(json.contains(r#""fav":["09040"]"#), "{json}");
        assert_eq!(serde_json::from_str::<Settings>(&json).unwrap(), s);
        let bad = json.replace("09040", "9040");
        assert!(serde_json::from_str::<Settings>(&bad)
            .unwrap_err()
            .to_string()
            .contains("five-digit"));
        // Duplicates collapse.
        let dup = json.replace(r#"["09040"]"#, r#"["09040","09040"]"#);
        assert_eq!(serde_json::from_str::<Settings>(&dup).unwrap(), s);
    }

    #[test]
    fn the_first_run_answer_and_glass_size_are_kept() {
        let mut s = Settings::default();
        assert_eq!(s.profile_answer(), ProfileAnswer::NotAsked);
        assert_eq!(s.glass(), VolumeUnit::Glass);
        // The defaults add nothing to the stored form.
        let plain = serde_json::to_string(&s).unwrap();
        assert!(
            !plain.contains("who") && !plain.contains("glass"),
            "{plain}"
        );
        s.set_profile_answer(ProfileAnswer::Skipped);
        s.set_glass_ml(330.0).unwrap();
        let json = serde_json::to_string(&s).unwrap();
        assert!(json.contains(r#""who":"skipped","glass":330"#), "{json}");
        let back: Settings = serde_json::from_str(&json).unwrap();
        assert_eq!(back, s);
        assert_eq!(back.glass(), VolumeUnit::GlassOf(330));
        s.set_profile_answer(ProfileAnswer::Given);
        let given: Settings = serde_json::from_str(&serde_json::to_string(&s).unwrap()).unwrap();
        assert_eq!(given.profile_answer(), ProfileAnswer::Given);
        for bad in [0.0, 49.0, 1_001.0, f64::NAN] {
            assert_eq!(s.set_glass_ml(bad), Err(GlassSizeError), "{bad}");
        }
        assert_eq!(s.glass_ml(), 330);
        assert!(GlassSizeError.to_string().contains("50 to 1,000 ml"));
        for bad in [r#""who":"maybe""#, r#""glass":10"#] {
            let broken = json.replace(r#""who":"skipped""#, bad);
            assert!(
                serde_json::from_str::<Settings>(&broken).is_err(),
                "{broken}"
            );
        }
    }

    #[test]
    fn settings_stored_before_proposal_preferences_load_with_the_defaults() {
        use crate::diary::storage::decode_settings;
        use crate::planning::proposals::pool::FoodCategory;
        use crate::planning::proposals::preferences::{Diet, EnergyAllowance};
        // As stored by the version before "What to eat next" (fixtures).
        let old = r#"{"t":{"profile":{"age_years":35.0,"sex":"female"},"preset":"dri"},"who":"given","glass":330,"fav":["09040"]}"#;
        let s: Settings = serde_json::from_str(old).unwrap();
        assert!(s.proposal_preferences().is_default());
        assert_eq!(s.proposal_preferences().energy().kcal(), 600.0);
        assert_eq!(s.glass_ml(), 330);
        assert_eq!(s.favourites(), [ndb(9040)]);
        // Unchanged, they are stored exactly as before.
        assert_eq!(serde_json::to_string(&s).unwrap(), old);
        let record = format!(r#"{{"v":1,"rev":4,"d":{old}}}"#);
        let stored = decode_settings(&record).unwrap();
        assert_eq!(stored.value, s);
        // Preferences set round-trip, and a bad one is refused.
        let mut changed = s.clone();
        let p = changed.proposal_preferences_mut();
        p.set_diet(Diet::Vegan);
        p.set_category_excluded(FoodCategory::NutsSeeds, true);
        p.exclude_food(ndb(11457)).unwrap();
        p.set_energy(EnergyAllowance::new(450.0).unwrap());
        let json = serde_json::to_string(&changed).unwrap();
        assert!(
            json.ends_with(r#","prop":{"no":["nuts"],"diet":"vegan","not":["11457"],"kcal":450}}"#),
            "{json}"
        );
        assert_eq!(serde_json::from_str::<Settings>(&json).unwrap(), changed);
        let bad = json.replace(r#""kcal":450"#, r#""kcal":10000"#);
        assert!(serde_json::from_str::<Settings>(&bad).is_err());
    }

    #[test]
    fn settings_stored_before_the_first_run_step_still_load() {
        // Written by the version before `who` and `glass` existed.
        let default_profile = serde_json::to_string(&Settings::default()).unwrap();
        let s: Settings = serde_json::from_str(&default_profile).unwrap();
        assert_eq!(s.profile_answer(), ProfileAnswer::NotAsked);
        assert_eq!(s.glass_ml(), 250);
        // Someone who set a profile on the targets page is not asked again.
        let mut own = Settings::default();
        let mut t = own.targets().clone();
        t.set_profile(
            Profile::new(58.0, crate::targets::dri::Sex::Female, None).unwrap(),
            nasem(),
        )
        .unwrap();
        own.set_targets(t);
        let stored = serde_json::to_string(&own).unwrap();
        assert!(!stored.contains("who"), "{stored}");
        let back: Settings = serde_json::from_str(&stored).unwrap();
        assert_eq!(back.profile_answer(), ProfileAnswer::Given);
        assert_eq!(back.targets(), own.targets());
    }
}
