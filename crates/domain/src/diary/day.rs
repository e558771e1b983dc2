//! One day of the diary: the meal plan, cramp episodes, activity and free
//! notes, each checked on the way in so a stored or imported day is as
//! valid as one typed in.

use std::collections::BTreeSet;
use std::fmt;

use serde::{Deserialize, Serialize};

use crate::planning::plan::DayPlan;
use crate::units::format::format_number;

/// The longest day notes, in characters.
pub const MAX_NOTES_CHARS: usize = 2_000;

/// The longest note on one cramp episode, in characters.
pub const MAX_CRAMP_NOTE_CHARS: usize = 500;

/// The most cramp episodes one day may hold.
pub const MAX_CRAMPS: usize = 50;

/// The longest cramp that may be logged, in minutes (a whole day).
pub const MAX_CRAMP_MINUTES: f64 = 1_440.0;

/// The most exercise one day may hold, in minutes.
pub const MAX_EXERCISE_MINUTES: f64 = 1_440.0;

/// The most hours on one's feet in a day.
pub const MAX_HOURS_ON_FEET: f64 = 24.0;

/// The most alcoholic drinks one day may hold.
pub const MAX_ALCOHOL_DRINKS: f64 = 50.0;

/// Why a diary entry change was refused; the day is left as it was.
/// Every message can be shown as is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EntryError {
    /// A time of day not written HH:MM (00:00 to 23:59).
    Time,
    /// A severity outside 1–10.
    Severity,
    /// A cramp duration not above zero or above [`MAX_CRAMP_MINUTES`].
    CrampMinutes,
    /// A cramp note above [`MAX_CRAMP_NOTE_CHARS`].
    CrampNoteTooLong,
    /// The day already holds [`MAX_CRAMPS`] episodes.
    TooManyCramps,
    /// No cramp episode at that position.
    NoSuchCramp,
    /// No removed cramp episode to put back.
    NoCrampToRestore,
    /// Exercise minutes below zero, not a number or above [`MAX_EXERCISE_MINUTES`].
    ExerciseMinutes,
    /// Hours on feet below zero, not a number or above [`MAX_HOURS_ON_FEET`].
    HoursOnFeet,
    /// Alcoholic drinks below zero, not a number or above [`MAX_ALCOHOL_DRINKS`].
    AlcoholDrinks,
    /// Day notes above [`MAX_NOTES_CHARS`].
    NotesTooLong,
    /// The notes were changed elsewhere (another tab) since the edit began.
    NotesChangedElsewhere,
}

impl fmt::Display for EntryError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EntryError::Time => write!(f, "Enter the time as HH:MM, such as 06:30."),
            EntryError::Severity => write!(f, "Severity must be between 1 and 10."),
            EntryError::CrampMinutes => write!(
                f,
                "How long the cramp lasted must be more than 0 and at most {} minutes.",
                format_number(MAX_CRAMP_MINUTES, 0)
            ),
            EntryError::CrampNoteTooLong => write!(
                f,
                "A cramp note is limited to {} characters.",
                format_number(MAX_CRAMP_NOTE_CHARS as f64, 0)
            ),
            EntryError::TooManyCramps => {
                write!(f, "A day holds at most {MAX_CRAMPS} cramp episodes.")
            }
            EntryError::NoSuchCramp => write!(f, "That cramp episode is no longer in the day."),
            EntryError::NoCrampToRestore => write!(f, "There is no removed cramp to put back."),
            EntryError::ExerciseMinutes => write!(
                f,
                "Exercise must be between 0 and {} minutes.",
                format_number(MAX_EXERCISE_MINUTES, 0)
            ),
            EntryError::HoursOnFeet => write!(
                f,
                "Hours on your feet must be between 0 and {}.",
                format_number(MAX_HOURS_ON_FEET, 0)
            ),
            EntryError::AlcoholDrinks => write!(
                f,
                "Alcoholic drinks must be between 0 and {}.",
                format_number(MAX_ALCOHOL_DRINKS, 0)
            ),
            EntryError::NotesTooLong => write!(
                f,
                "Notes are limited to {} characters.",
                format_number(MAX_NOTES_CHARS as f64, 0)
            ),
            EntryError::NotesChangedElsewhere => write!(
                f,
                "Not saved yet: another tab saved other notes for this day meanwhile. Yours are kept here; keep yours or use those."
            ),
        }
    }
}

impl std::error::Error for EntryError {}

/// A time of day to the minute, written `HH:MM` (24-hour clock).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct TimeOfDay(u16);

impl TimeOfDay {
    /// `hour`:`minute`, hours 0–23 and minutes 0–59.
    pub fn new(hour: u32, minute: u32) -> Result<TimeOfDay, EntryError> {
        if hour < 24 && minute < 60 {
            Ok(TimeOfDay((hour * 60 + minute) as u16))
        } else {
            Err(EntryError::Time)
        }
    }

    /// Parses `H:MM` or `HH:MM` ("6:30", "06:30", "23:59").
    pub fn parse(text: &str) -> Result<TimeOfDay, EntryError> {
        let (hour, minute) = text.split_once(':').ok_or(EntryError::Time)?;
        let number = |t: &str, max_len| {
            if (1..=max_len).contains(&t.len()) && t.bytes().all(|b| b.is_ascii_digit()) {
                t.parse::<u32>().map_err(|_| EntryError::Time)
            } else {
                Err(EntryError::Time)
            }
        };
        if minute.len() != 2 {
            return Err(EntryError::Time);
        }
        TimeOfDay::new(number(hour, 2)?, number(minute, 2)?)
    }

    /// The hour, 0–23.
    pub fn hour(self) -> u32 {
        u32::from(self.0 / 60)
    }

    /// The minute, 0–59.
    pub fn minute(self) -> u32 {
        u32::from(self.0 % 60)
    }
}

impl fmt::Display for TimeOfDay {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02}:{:02}", self.hour(), self.minute())
    }
}

impl From<TimeOfDay> for String {
    fn from(time: TimeOfDay) -> String {
        time.to_string()
    }
}

impl TryFrom<String> for TimeOfDay {
    type Error = EntryError;

    fn try_from(text: String) -> Result<TimeOfDay, EntryError> {
        TimeOfDay::parse(&text)
    }
}

/// Declares a small enum of choices with its labels and stable keys.
macro_rules! choices {
    ($(#[$doc:meta])* $name:ident { $($(#[$vdoc:meta])* $variant:ident => $key:literal, $label:literal;)+ }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum $name {
            $($(#[$vdoc])* $variant,)+
        }

        impl $name {
            /// Every choice, in the order a picker shows them.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// Label for people.
            pub fn label(self) -> &'static str {
                match self {
                    $($name::$variant => $label,)+
                }
            }

            /// Stable lowercase key for forms, test ids and storage.
            pub fn key(self) -> &'static str {
                match self {
                    $($name::$variant => $key,)+
                }
            }

            /// Inverse of `key`.
            pub fn from_key(key: &str) -> Option<$name> {
                $name::ALL.iter().copied().find(|c| c.key() == key)
            }
        }
    };
}

choices! {
    /// Where a cramp was.
    Place {
        /// The calf.
        Calf => "calf", "Calf";
        /// The foot.
        Foot => "foot", "Foot";
        /// The thigh.
        Thigh => "thigh", "Thigh";
        /// Somewhere else.
        Other => "other", "Elsewhere";
    }
}

choices! {
    /// Which leg.
    Side {
        /// The left leg.
        Left => "left", "Left";
        /// The right leg.
        Right => "right", "Right";
        /// Both legs.
        Both => "both", "Both";
    }
}

choices! {
    /// What helped a cramp pass.
    Relief {
        /// Stretching the muscle.
        Stretching => "stretching", "Stretching";
        /// Massage.
        Massage => "massage", "Massage";
        /// Walking about.
        Walking => "walking", "Walking";
        /// Heat.
        Heat => "heat", "Heat";
        /// Something else (say what in the note).
        Other => "other", "Something else";
    }
}

/// Whether `value` is a number from 0 to `max`.
fn within(value: f64, max: f64) -> bool {
    (0.0..=max).contains(&value)
}

/// One cramp episode. Fields are plain; [`CrampEpisode::checked`] (used by
/// [`DayEntry`] on every way in) refuses what is out of range.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "StoredCramp", into = "StoredCramp")]
pub struct CrampEpisode {
    /// When it started.
    pub time: TimeOfDay,
    /// Where it was.
    pub place: Place,
    /// Which leg.
    pub side: Side,
    /// How bad, 1 (mild) to 10 (worst).
    pub severity: u8,
    /// How long it lasted, in minutes (fractions for seconds); `None` when
    /// not noted.
    pub minutes: Option<f64>,
    /// What helped.
    pub helped: BTreeSet<Relief>,
    /// Swelling, redness or a lump in the leg.
    pub swelling_redness_or_lump: bool,
    /// Numbness.
    pub numbness: bool,
    /// A free note.
    pub note: String,
}

impl CrampEpisode {
    /// A checked episode with nothing else noted yet.
    pub fn new(
        time: TimeOfDay,
        place: Place,
        side: Side,
        severity: u8,
    ) -> Result<CrampEpisode, EntryError> {
        CrampEpisode {
            time,
            place,
            side,
            severity,
            minutes: None,
            helped: BTreeSet::new(),
            swelling_redness_or_lump: false,
            numbness: false,
            note: String::new(),
        }
        .checked()
    }

    /// Where it was, in words: "Left calf", "Both thighs", "Right leg,
    /// elsewhere".
    pub fn where_text(&self) -> String {
        let side = self.side.label();
        match (self.place, self.side) {
            (Place::Other, Side::Both) => "Both legs, elsewhere".to_owned(),
            (Place::Other, _) => format!("{side} leg, elsewhere"),
            (Place::Calf, Side::Both) => "Both calves".to_owned(),
            (Place::Foot, Side::Both) => "Both feet".to_owned(),
            (Place::Thigh, Side::Both) => "Both thighs".to_owned(),
            (place, _) => format!("{side} {}", place.label().to_ascii_lowercase()),
        }
    }

    /// What helped, in words: "Stretching, Massage"; `None` when nothing
    /// was noted.
    pub fn helped_text(&self) -> Option<String> {
        let helped: Vec<&str> = self.helped.iter().map(|r| r.label()).collect();
        (!helped.is_empty()).then(|| helped.join(", "))
    }

    /// The warning signs noted with it: "Swelling, redness or a lump,
    /// Numbness"; `None` when none.
    pub fn warning_signs_text(&self) -> Option<String> {
        let signs: Vec<&str> = [
            (self.swelling_redness_or_lump, "Swelling, redness or a lump"),
            (self.numbness, "Numbness"),
        ]
        .into_iter()
        .filter_map(|(noted, text)| noted.then_some(text))
        .collect();
        (!signs.is_empty()).then(|| signs.join(", "))
    }

    /// The episode if every field is in range: severity 1–10, duration
    /// above 0 and at most [`MAX_CRAMP_MINUTES`], note at most
    /// [`MAX_CRAMP_NOTE_CHARS`].
    pub fn checked(self) -> Result<CrampEpisode, EntryError> {
        if !(1..=10).contains(&self.severity) {
            return Err(EntryError::Severity);
        }
        if self
            .minutes
            .is_some_and(|m| !(m > 0.0 && m <= MAX_CRAMP_MINUTES))
        {
            return Err(EntryError::CrampMinutes);
        }
        if self.note.chars().count() > MAX_CRAMP_NOTE_CHARS {
            return Err(EntryError::CrampNoteTooLong);
        }
        Ok(self)
    }
}

/// Activity and circumstances of the day; all zero / false when not noted.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
#[serde(try_from = "StoredActivity", into = "StoredActivity")]
pub struct Activity {
    /// Minutes of exercise.
    pub exercise_minutes: f64,
    /// Hours spent standing or walking.
    pub hours_on_feet: f64,
    /// A hot day (or a hot workplace).
    pub hot_weather: bool,
    /// Alcoholic drinks.
    pub alcohol_drinks: f64,
}

impl Activity {
    /// The activity if every number is from zero to its maximum
    /// ([`MAX_EXERCISE_MINUTES`], [`MAX_HOURS_ON_FEET`], [`MAX_ALCOHOL_DRINKS`]).
    pub fn checked(self) -> Result<Activity, EntryError> {
        if !within(self.exercise_minutes, MAX_EXERCISE_MINUTES) {
            return Err(EntryError::ExerciseMinutes);
        }
        if !within(self.hours_on_feet, MAX_HOURS_ON_FEET) {
            return Err(EntryError::HoursOnFeet);
        }
        if !within(self.alcohol_drinks, MAX_ALCOHOL_DRINKS) {
            return Err(EntryError::AlcoholDrinks);
        }
        // -0.0 reads as 0.
        Ok(Activity {
            exercise_minutes: self.exercise_minutes + 0.0,
            hours_on_feet: self.hours_on_feet + 0.0,
            alcohol_drinks: self.alcohol_drinks + 0.0,
            ..self
        })
    }

    /// Whether nothing is noted.
    pub fn is_empty(&self) -> bool {
        *self == Activity::default()
    }

    /// What is noted, in words: "45 min exercise · 4 h on your feet · hot
    /// weather · 2 alcoholic drinks" (what is zero or false left out);
    /// `None` when nothing is noted.
    pub fn text(&self) -> Option<String> {
        let mut parts = Vec::new();
        if self.exercise_minutes > 0.0 {
            parts.push(format!(
                "{} min exercise",
                format_number(self.exercise_minutes, 0)
            ));
        }
        if self.hours_on_feet > 0.0 {
            parts.push(format!(
                "{} h on your feet",
                format_number(self.hours_on_feet, 1)
            ));
        }
        if self.hot_weather {
            parts.push("hot weather".to_owned());
        }
        if self.alcohol_drinks > 0.0 {
            let drinks = format_number(self.alcohol_drinks, 1);
            let noun = if drinks == "1" { "drink" } else { "drinks" };
            parts.push(format!("{drinks} alcoholic {noun}"));
        }
        (!parts.is_empty()).then(|| parts.join(" · "))
    }
}

/// One day of the diary. Always valid: every change is checked and a
/// refused one leaves the day as it was.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(try_from = "StoredDay", into = "StoredDay")]
pub struct DayEntry {
    plan: DayPlan,
    cramps: Vec<CrampEpisode>,
    activity: Activity,
    notes: String,
    /// The last removed episode and its position, for Undo; like the
    /// plan's pending undo it is not stored.
    removed_cramp: Option<(usize, CrampEpisode)>,
}

impl DayEntry {
    /// A day with nothing recorded.
    pub fn new() -> DayEntry {
        DayEntry::default()
    }

    /// A day with this plan and nothing else.
    pub fn with_plan(plan: DayPlan) -> DayEntry {
        DayEntry {
            plan,
            ..DayEntry::default()
        }
    }

    /// Whether nothing is recorded: no item, no cramp, no activity, no notes.
    pub fn is_empty(&self) -> bool {
        self.plan.is_empty()
            && self.cramps.is_empty()
            && self.activity.is_empty()
            && self.notes.is_empty()
    }

    /// Whether both days store the same record (a pending undo is not
    /// stored, so it does not count).
    pub fn same_record(&self, other: &DayEntry) -> bool {
        self.plan.same_items(&other.plan)
            && self.cramps == other.cramps
            && self.activity == other.activity
            && self.notes == other.notes
    }

    /// The meal plan.
    pub fn plan(&self) -> &DayPlan {
        &self.plan
    }

    /// The meal plan, to change through its own checked methods.
    pub fn plan_mut(&mut self) -> &mut DayPlan {
        &mut self.plan
    }

    /// The cramp episodes, in the order they were logged.
    pub fn cramps(&self) -> &[CrampEpisode] {
        &self.cramps
    }

    /// Logs a cramp episode; at most [`MAX_CRAMPS`] a day.
    pub fn add_cramp(&mut self, episode: CrampEpisode) -> Result<(), EntryError> {
        let episode = episode.checked()?;
        if self.cramps.len() >= MAX_CRAMPS {
            return Err(EntryError::TooManyCramps);
        }
        self.cramps.push(episode);
        Ok(())
    }

    /// Replaces the episode at `index`.
    pub fn replace_cramp(&mut self, index: usize, episode: CrampEpisode) -> Result<(), EntryError> {
        let episode = episode.checked()?;
        let slot = self.cramps.get_mut(index).ok_or(EntryError::NoSuchCramp)?;
        *slot = episode;
        Ok(())
    }

    /// Removes and returns the episode at `index`;
    /// [`DayEntry::undo_remove_cramp`] puts it back until the next removal.
    pub fn remove_cramp(&mut self, index: usize) -> Result<CrampEpisode, EntryError> {
        if index < self.cramps.len() {
            let episode = self.cramps.remove(index);
            self.removed_cramp = Some((index, episode.clone()));
            Ok(episode)
        } else {
            Err(EntryError::NoSuchCramp)
        }
    }

    /// The episode [`DayEntry::undo_remove_cramp`] would put back, for
    /// "Removed the cramp at 06:30. Undo".
    pub fn removed_cramp(&self) -> Option<&CrampEpisode> {
        self.removed_cramp.as_ref().map(|(_, c)| c)
    }

    /// Puts the last removed episode back at its old position (or last, if
    /// the day holds fewer episodes now); refused when the day is full.
    pub fn undo_remove_cramp(&mut self) -> Result<(), EntryError> {
        if self.removed_cramp.is_some() && self.cramps.len() >= MAX_CRAMPS {
            return Err(EntryError::TooManyCramps);
        }
        let (index, episode) = self
            .removed_cramp
            .take()
            .ok_or(EntryError::NoCrampToRestore)?;
        self.cramps.insert(index.min(self.cramps.len()), episode);
        Ok(())
    }

    /// Activity and circumstances.
    pub fn activity(&self) -> &Activity {
        &self.activity
    }

    /// Sets the activity.
    pub fn set_activity(&mut self, activity: Activity) -> Result<(), EntryError> {
        self.activity = activity.checked()?;
        Ok(())
    }

    /// The free notes.
    pub fn notes(&self) -> &str {
        &self.notes
    }

    /// Sets the notes; at most [`MAX_NOTES_CHARS`] characters.
    pub fn set_notes(&mut self, notes: impl Into<String>) -> Result<(), EntryError> {
        let notes = notes.into();
        if notes.chars().count() > MAX_NOTES_CHARS {
            return Err(EntryError::NotesTooLong);
        }
        self.notes = notes;
        Ok(())
    }

    /// Replaces the notes with `notes` when they still are `from`, the
    /// text the edit began with (or already are `notes`), like
    /// [`DayEntry::set_notes`]; refused with
    /// [`EntryError::NotesChangedElsewhere`] when they were changed
    /// elsewhere meanwhile, so text the editor has not seen is never
    /// replaced.
    pub fn edit_notes(&mut self, from: &str, notes: impl Into<String>) -> Result<(), EntryError> {
        let notes = notes.into();
        if self.notes != from && self.notes != notes {
            return Err(EntryError::NotesChangedElsewhere);
        }
        self.set_notes(notes)
    }
}

/// The stored form of a [`CrampEpisode`], short keys, defaults left out:
/// `{"t":"06:30","at":"calf","side":"left","sev":7,"min":2.5,
/// "helped":["stretching"],"swell":true,"numb":true,"note":"..."}`.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct StoredCramp {
    t: TimeOfDay,
    at: Place,
    side: Side,
    sev: u8,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    min: Option<f64>,
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    helped: BTreeSet<Relief>,
    #[serde(default, skip_serializing_if = "is_false")]
    swell: bool,
    #[serde(default, skip_serializing_if = "is_false")]
    numb: bool,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    note: String,
}

fn is_false(value: &bool) -> bool {
    !*value
}

fn is_zero(value: &f64) -> bool {
    *value == 0.0
}

impl From<CrampEpisode> for StoredCramp {
    fn from(c: CrampEpisode) -> StoredCramp {
        StoredCramp {
            t: c.time,
            at: c.place,
            side: c.side,
            sev: c.severity,
            min: c.minutes,
            helped: c.helped,
            swell: c.swelling_redness_or_lump,
            numb: c.numbness,
            note: c.note,
        }
    }
}

impl TryFrom<StoredCramp> for CrampEpisode {
    type Error = EntryError;

    fn try_from(s: StoredCramp) -> Result<CrampEpisode, EntryError> {
        CrampEpisode {
            time: s.t,
            place: s.at,
            side: s.side,
            severity: s.sev,
            minutes: s.min,
            helped: s.helped,
            swelling_redness_or_lump: s.swell,
            numbness: s.numb,
            note: s.note,
        }
        .checked()
    }
}

/// The stored form of an [`Activity`]: `{"ex":30.0,"feet":4.0,"hot":true,"alc":1.0}`,
/// zeros and false left out.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct StoredActivity {
    #[serde(default, skip_serializing_if = "is_zero")]
    ex: f64,
    #[serde(default, skip_serializing_if = "is_zero")]
    feet: f64,
    #[serde(default, skip_serializing_if = "is_false")]
    hot: bool,
    #[serde(default, skip_serializing_if = "is_zero")]
    alc: f64,
}

impl From<Activity> for StoredActivity {
    fn from(a: Activity) -> StoredActivity {
        StoredActivity {
            ex: a.exercise_minutes,
            feet: a.hours_on_feet,
            hot: a.hot_weather,
            alc: a.alcohol_drinks,
        }
    }
}

impl TryFrom<StoredActivity> for Activity {
    type Error = EntryError;

    fn try_from(s: StoredActivity) -> Result<Activity, EntryError> {
        Activity {
            exercise_minutes: s.ex,
            hours_on_feet: s.feet,
            hot_weather: s.hot,
            alcohol_drinks: s.alc,
        }
        .checked()
    }
}

/// The stored form of a [`DayEntry`], short keys, empty parts left out:
/// `{"p":{plan, see crate::planning::plan},"c":[cramps],"a":{activity},"n":"notes"}`.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct StoredDay {
    #[serde(default, skip_serializing_if = "is_new_plan")]
    p: DayPlan,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    c: Vec<CrampEpisode>,
    #[serde(default, skip_serializing_if = "Activity::is_empty")]
    a: Activity,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    n: String,
}

fn is_new_plan(plan: &DayPlan) -> bool {
    *plan == DayPlan::new()
}

impl From<DayEntry> for StoredDay {
    fn from(d: DayEntry) -> StoredDay {
        StoredDay {
            p: d.plan,
            c: d.cramps,
            a: d.activity,
            n: d.notes,
        }
    }
}

impl TryFrom<StoredDay> for DayEntry {
    type Error = EntryError;

    fn try_from(s: StoredDay) -> Result<DayEntry, EntryError> {
        if s.c.len() > MAX_CRAMPS {
            return Err(EntryError::TooManyCramps);
        }
        let mut day = DayEntry::with_plan(s.p);
        day.cramps = s.c;
        day.activity = s.a;
        day.set_notes(s.n)?;
        Ok(day)
    }
}

#[cfg(test)]
pub(crate) mod test_days {
    use super::*;

    /// A 06:30 calf cramp on the left, severity 7, 3 minutes, stretching helped.
    pub(crate) fn calf_cramp() -> CrampEpisode {
        let mut c =
            CrampEpisode::new(TimeOfDay::new(6, 30).unwrap(), Place::Calf, Side::Left, 7).unwrap();
        c.minutes = Some(3.0);
        c.helped.insert(Relief::Stretching);
        c
    }
}

#[cfg(test)]
mod tests {
    use super::test_days::calf_cramp;
    use super::*;
    use crate::planning::plan::Meal;
    use crate::units::volume::VolumeUnit;

    #[test]
    fn notes_edits_never_replace_text_changed_elsewhere() {
        let mut day = DayEntry::new();
        day.edit_notes("", "slept badly").unwrap();
        // Typing on: the edit began from what is stored.
        day.edit_notes("slept badly", "slept badly, calf cramp")
            .unwrap();
        // Another tab saved "walked 5 km" meanwhile: an edit that began
        // from "slept badly" is refused and changes nothing.
        day.set_notes("walked 5 km").unwrap();
        let before = day.clone();
        assert_eq!(
            day.edit_notes("slept badly", "slept badly, calf cramp, again"),
            Err(EntryError::NotesChangedElsewhere)
        );
        assert_eq!(day, before);
        // Saving what is already there is no conflict.
        day.edit_notes("anything", "walked 5 km").unwrap();
        // The length limit still holds.
        assert_eq!(
            day.edit_notes("walked 5 km", "x".repeat(MAX_NOTES_CHARS + 1)),
            Err(EntryError::NotesTooLong)
        );
        assert!(EntryError::NotesChangedElsewhere
            .to_string()
            .starts_with("Not saved yet: another tab"));
    }

    #[test]
    fn times_of_day_parse_strictly() {
        assert_eq!(TimeOfDay::parse("06:30").unwrap().to_string(), "06:30");
        assert_eq!(TimeOfDay::parse("6:05").unwrap().to_string(), "06:05");
        assert_eq!(TimeOfDay::parse("23:59").unwrap().hour(), 23);
        for bad in [
            "24:00", "12:60", "12:5", "", ":", "1230", "-1:30", "12:30:00", " 1:30", "+1:30",
            "123:30",
        ] {
            assert_eq!(TimeOfDay::parse(bad), Err(EntryError::Time), "{bad:?}");
        }
        assert!(TimeOfDay::new(24, 0).is_err());
    }

    #[test]
    fn cramps_are_checked_with_plain_messages() {
        let t = TimeOfDay::new(6, 30).unwrap();
        for sev in [0, 11, 255] {
            assert_eq!(
                CrampEpisode::new(t, Place::Calf, Side::Left, sev),
                Err(EntryError::Severity)
            );
        }
        assert_eq!(
            EntryError::Severity.to_string(),
            "Severity must be between 1 and 10."
        );
        for bad in [0.0, -1.0, f64::NAN, f64::INFINITY, 1_441.0] {
            let mut c = calf_cramp();
            c.minutes = Some(bad);
            assert_eq!(c.checked(), Err(EntryError::CrampMinutes), "{bad}");
        }
        let mut c = calf_cramp();
        c.note = "é".repeat(MAX_CRAMP_NOTE_CHARS + 1);
        assert_eq!(c.clone().checked(), Err(EntryError::CrampNoteTooLong));
        c.note = "é".repeat(MAX_CRAMP_NOTE_CHARS);
        assert!(c.checked().is_ok());
        assert_eq!(
            EntryError::CrampMinutes.to_string(),
            "How long the cramp lasted must be more than 0 and at most 1,440 minutes."
        );
    }

    #[test]
    fn activity_is_checked() {
        let ok = Activity {
            exercise_minutes: 45.0,
            hours_on_feet: 4.0,
            hot_weather: true,
            alcohol_drinks: 2.0,
        };
        assert_eq!(ok.checked(), Ok(ok));
        let cases = [
            (
                Activity {
                    exercise_minutes: -1.0,
                    ..ok
                },
                EntryError::ExerciseMinutes,
            ),
            (
                Activity {
                    exercise_minutes: f64::NAN,
                    ..ok
                },
                EntryError::ExerciseMinutes,
            ),
            (
                Activity {
                    hours_on_feet: 25.0,
                    ..ok
                },
                EntryError::HoursOnFeet,
            ),
            (
                Activity {
                    alcohol_drinks: f64::INFINITY,
                    ..ok
                },
                EntryError::AlcoholDrinks,
            ),
        ];
        for (activity, error) in cases {
            assert_eq!(activity.checked(), Err(error));
            assert!(error.to_string().ends_with('.'));
        }
        let mut day = DayEntry::new();
        assert!(day.set_activity(cases[0].0).is_err());
        assert!(day.is_empty());
        day.set_activity(ok).unwrap();
        assert!(!day.is_empty());
        let negative_zero = Activity {
            exercise_minutes: -0.0,
            ..Activity::default()
        };
        assert!(negative_zero.checked().unwrap().is_empty());
    }

    #[test]
    fn a_day_refuses_bad_changes_and_stays_as_it_was() {
        let mut day = DayEntry::new();
        assert!(day.is_empty());
        day.add_cramp(calf_cramp()).unwrap();
        let before = day.clone();
        let mut bad = calf_cramp();
        bad.severity = 0;
        assert_eq!(day.add_cramp(bad.clone()), Err(EntryError::Severity));
        assert_eq!(day.replace_cramp(0, bad), Err(EntryError::Severity));
        assert_eq!(
            day.replace_cramp(3, calf_cramp()),
            Err(EntryError::NoSuchCramp)
        );
        assert_eq!(day.remove_cramp(1), Err(EntryError::NoSuchCramp));
        assert_eq!(
            day.set_notes("x".repeat(MAX_NOTES_CHARS + 1)),
            Err(EntryError::NotesTooLong)
        );
        assert_eq!(
            EntryError::NotesTooLong.to_string(),
            "Notes are limited to 2,000 characters."
        );
        assert_eq!(day, before);
        for _ in 1..MAX_CRAMPS {
            day.add_cramp(calf_cramp()).unwrap();
        }
        assert_eq!(day.add_cramp(calf_cramp()), Err(EntryError::TooManyCramps));
        assert_eq!(day.remove_cramp(0), Ok(calf_cramp()));
        let mut day = DayEntry::new();
        day.set_notes("On my feet all day").unwrap();
        assert!(!day.is_empty());
        let mut day = DayEntry::new();
        day.plan_mut()
            .add_drink(Meal::Lunch, 1.0, VolumeUnit::Glass)
            .unwrap();
        assert!(!day.is_empty());
    }

    #[test]
    fn a_removed_cramp_comes_back_in_place_and_is_not_stored() {
        let mut day = DayEntry::new();
        assert_eq!(day.undo_remove_cramp(), Err(EntryError::NoCrampToRestore));
        let mut late = calf_cramp();
        late.time = TimeOfDay::new(22, 10).unwrap();
        let mut early = calf_cramp();
        early.time = TimeOfDay::new(5, 0).unwrap();
        for c in [calf_cramp(), late.clone(), early.clone()] {
            day.add_cramp(c).unwrap();
        }
        let stored = serde_json::to_string(&day).unwrap();
        assert_eq!(day.remove_cramp(1), Ok(late.clone()));
        assert_eq!(day.removed_cramp(), Some(&late));
        // The pending undo is not part of the record.
        let json = serde_json::to_string(&day).unwrap();
        let read: DayEntry = serde_json::from_str(&json).unwrap();
        assert_eq!(read.removed_cramp(), None);
        assert!(read.same_record(&day));
        assert_eq!(day.undo_remove_cramp(), Ok(()));
        assert_eq!(day.cramps(), [calf_cramp(), late, early.clone()]);
        assert_eq!(serde_json::to_string(&day).unwrap(), stored);
        assert_eq!(day.removed_cramp(), None);
        assert_eq!(day.undo_remove_cramp(), Err(EntryError::NoCrampToRestore));
        // Only the last removal is kept; a shorter day takes it last.
        day.remove_cramp(0).unwrap();
        day.remove_cramp(1).unwrap();
        assert_eq!(day.removed_cramp(), Some(&early));
        day.remove_cramp(0).unwrap();
        day.undo_remove_cramp().unwrap();
        assert_eq!(day.cramps().len(), 1);
        // A full day refuses it and keeps it for later.
        let mut full = DayEntry::new();
        for _ in 0..MAX_CRAMPS {
            full.add_cramp(calf_cramp()).unwrap();
        }
        full.remove_cramp(0).unwrap();
        full.add_cramp(early).unwrap();
        assert_eq!(full.undo_remove_cramp(), Err(EntryError::TooManyCramps));
        assert_eq!(full.removed_cramp(), Some(&calf_cramp()));
        assert_eq!(
            EntryError::NoCrampToRestore.to_string(),
            "There is no removed cramp to put back."
        );
    }

    #[test]
    fn the_stored_form_is_short_and_round_trips() {
        assert_eq!(serde_json::to_string(&DayEntry::new()).unwrap(), "{}");
        let mut day = DayEntry::new();
        let mut cramp = calf_cramp();
        cramp.numbness = true;
        cramp.note = "woke me up".into();
        day.add_cramp(cramp).unwrap();
        day.set_activity(Activity {
            hours_on_feet: 4.0,
            hot_weather: true,
            ..Activity::default()
        })
        .unwrap();
        day.set_notes("Long shift").unwrap();
        day.plan_mut()
            .add_drink(Meal::Lunch, 2.0, VolumeUnit::Glass)
            .unwrap();
        let json = serde_json::to_string(&day).unwrap();
        assert_eq!(
            json,
            r#"{"p":{"v":1,"next_id":1,"lunch":[{"kind":"drink","id":0,"amount":2.0,"unit":"glass"}]},"c":[{"t":"06:30","at":"calf","side":"left","sev":7,"min":3.0,"helped":["stretching"],"numb":true,"note":"woke me up"}],"a":{"feet":4.0,"hot":true},"n":"Long shift"}"#
        );
        assert_eq!(serde_json::from_str::<DayEntry>(&json).unwrap(), day);
    }

    #[test]
    fn stored_days_are_checked_like_typed_ones() {
        for (json, needle) in [
            (
                r#"{"c":[{"t":"06:30","at":"calf","side":"left","sev":11}]}"#,
                "Severity",
            ),
            (
                r#"{"c":[{"t":"25:30","at":"calf","side":"left","sev":1}]}"#,
                "HH:MM",
            ),
            (
                r#"{"c":[{"t":"06:30","at":"neck","side":"left","sev":1}]}"#,
                "unknown variant",
            ),
            (r#"{"a":{"feet":-2}}"#, "Hours on your feet"),
            (r#"{"a":{"alc":1e999}}"#, ""),
            (r#"{"p":{"v":2,"next_id":0}}"#, "another version"),
            (r#"{"x":1}"#, "unknown field"),
            (
                r#"{"c":[{"t":"06:30","at":"calf","side":"left","sev":1,"min":0}]}"#,
                "more than 0",
            ),
        ] {
            let err = serde_json::from_str::<DayEntry>(json)
                .unwrap_err()
                .to_string();
            assert!(err.contains(needle), "{json}: {err}");
        }
        let too_long = format!(r#"{{"n":"{}"}}"#, "x".repeat(MAX_NOTES_CHARS + 1));
        assert!(serde_json::from_str::<DayEntry>(&too_long).is_err());
        let many = format!(
            r#"{{"c":[{}]}}"#,
            vec![r#"{"t":"06:30","at":"calf","side":"left","sev":1}"#; MAX_CRAMPS + 1].join(",")
        );
        assert!(serde_json::from_str::<DayEntry>(&many)
            .unwrap_err()
            .to_string()
            .contains("at most 50"));
    }

    #[test]
    fn episodes_and_activity_read_in_words() {
        let mut c = calf_cramp();
        assert_eq!(c.where_text(), "Left calf");
        assert_eq!(c.helped_text().as_deref(), Some("Stretching"));
        assert_eq!(c.warning_signs_text(), None);
        c.side = Side::Both;
        c.place = Place::Foot;
        c.helped.insert(Relief::Massage);
        c.numbness = true;
        c.swelling_redness_or_lump = true;
        assert_eq!(c.where_text(), "Both feet");
        assert_eq!(c.helped_text().as_deref(), Some("Stretching, Massage"));
        assert_eq!(
            c.warning_signs_text().as_deref(),
            Some("Swelling, redness or a lump, Numbness")
        );
        c.place = Place::Other;
        assert_eq!(c.where_text(), "Both legs, elsewhere");
        c.side = Side::Right;
        assert_eq!(c.where_text(), "Right leg, elsewhere");
        c.helped.clear();
        assert_eq!(c.helped_text(), None);
        assert_eq!(Activity::default().text(), None);
        let a = Activity {
            exercise_minutes: 45.0,
            hours_on_feet: 4.5,
            hot_weather: true,
            alcohol_drinks: 1.0,
        };
        assert_eq!(
            a.text().as_deref(),
            Some("45 min exercise · 4.5 h on your feet · hot weather · 1 alcoholic drink")
        );
        let two = Activity {
            alcohol_drinks: 2.0,
            ..Activity::default()
        };
        assert_eq!(two.text().as_deref(), Some("2 alcoholic drinks"));
    }

    #[test]
    fn choice_keys_round_trip() {
        for p in Place::ALL {
            assert_eq!(Place::from_key(p.key()), Some(*p));
        }
        for s in Side::ALL {
            assert_eq!(Side::from_key(s.key()), Some(*s));
        }
        for r in Relief::ALL {
            assert_eq!(Relief::from_key(r.key()), Some(*r));
        }
        assert_eq!(Relief::from_key("ice"), None);
        assert_eq!(Relief::ALL.len(), 5);
    }
}
