//! What the diary keeps besides its days: the daily targets (profile,
//! preset, overrides) and the favourite foods.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::daily_targets::DailyTargets;
use crate::food::NdbNumber;
use crate::profile::Profile;
use crate::targets::nasem;

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

/// The targets the days are measured against and the favourite foods.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "StoredSettings", into = "StoredSettings")]
pub struct Settings {
    targets: DailyTargets,
    favourites: Vec<NdbNumber>,
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
    /// These targets and no favourites.
    pub fn new(targets: DailyTargets) -> Settings {
        Settings {
            targets,
            favourites: Vec::new(),
        }
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
}

/// The stored form of [`Settings`]: `{"t":{targets, see
/// crate::daily_targets},"fav":["09040","11457"]}`, no favourites left out.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct StoredSettings {
    t: DailyTargets,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    fav: Vec<String>,
}

impl From<Settings> for StoredSettings {
    fn from(s: Settings) -> StoredSettings {
        StoredSettings {
            t: s.targets,
            fav: s.favourites.iter().map(NdbNumber::to_string).collect(),
        }
    }
}

impl TryFrom<StoredSettings> for Settings {
    type Error = String;

    fn try_from(s: StoredSettings) -> Result<Settings, String> {
        let mut settings = Settings::new(s.t);
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
    use crate::nutrient::Nutrient;
    use crate::plan::test_table::ndb;

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
}
