//! When the cramp log should send someone to a doctor: a cramp in one leg
//! with swelling, redness or a lump (possibly a blood clot: seek care now);
//! cramps lasting over 10 minutes, numbness, or cramps every day (see a
//! doctor).

use super::date::Date;
use super::day::Side;
use super::Diary;

/// Cramps on this many days in a row, ending with the day looked at, count
/// as "daily cramps".
pub const DAILY_CRAMP_DAYS: usize = 7;

/// Cramps lasting longer than this, in minutes, deserve a doctor's look.
pub const LONG_CRAMP_MINUTES: f64 = 10.0;

/// How soon to get care.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Urgency {
    /// Seek medical care now.
    SeekCareNow,
    /// See a doctor.
    SeeADoctor,
}

/// A warning sign in the cramp log.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum WarningSign {
    /// A cramp in one leg with swelling, redness or a lump.
    PossibleBloodClot,
    /// Swelling, redness or a lump in both legs with a cramp.
    SwellingInBothLegs,
    /// A cramp lasted longer than [`LONG_CRAMP_MINUTES`]; the longest, in minutes.
    LongCramp {
        /// How long the longest cramp of the day lasted.
        minutes: f64,
    },
    /// A cramp came with numbness.
    Numbness,
    /// Cramps on each of the last [`DAILY_CRAMP_DAYS`] days.
    DailyCramps,
}

impl WarningSign {
    /// How soon to get care.
    pub fn urgency(&self) -> Urgency {
        match self {
            WarningSign::PossibleBloodClot => Urgency::SeekCareNow,
            _ => Urgency::SeeADoctor,
        }
    }

    /// The pointer for people, in plain words.
    pub fn text(&self) -> String {
        match self {
            WarningSign::PossibleBloodClot => "A cramp in one leg with swelling, redness or a lump can be a blood clot. Seek medical care now.".to_owned(),
            WarningSign::SwellingInBothLegs => "Swelling, redness or a lump in both legs is worth showing a doctor.".to_owned(),
            WarningSign::LongCramp { minutes } => format!(
                "A cramp lasted {} minutes. Cramps lasting over {} minutes are worth showing a doctor.",
                crate::units::format::format_number(*minutes, 1),
                crate::units::format::format_number(LONG_CRAMP_MINUTES, 0)
            ),
            WarningSign::Numbness => "Cramps with numbness are worth showing a doctor.".to_owned(),
            WarningSign::DailyCramps => format!(
                "You logged cramps on each of the last {DAILY_CRAMP_DAYS} days. Cramps every day are worth showing a doctor."
            ),
        }
    }
}

/// The warning signs of `date`'s cramps (and, for daily cramps, of the
/// [`DAILY_CRAMP_DAYS`] days ending with it), most urgent first.
pub fn warning_signs(diary: &Diary, date: Date) -> Vec<WarningSign> {
    let cramps = diary.day(date).cramps();
    let mut signs = Vec::new();
    let swollen = |both: bool| {
        cramps
            .iter()
            .any(|c| c.swelling_redness_or_lump && (c.side == Side::Both) == both)
    };
    if swollen(false) {
        signs.push(WarningSign::PossibleBloodClot);
    }
    if swollen(true) {
        signs.push(WarningSign::SwellingInBothLegs);
    }
    let longest = cramps
        .iter()
        .filter_map(|c| c.minutes)
        .fold(0.0_f64, f64::max);
    if longest > LONG_CRAMP_MINUTES {
        signs.push(WarningSign::LongCramp { minutes: longest });
    }
    if cramps.iter().any(|c| c.numbness) {
        signs.push(WarningSign::Numbness);
    }
    let mut day = Some(date);
    let daily = (0..DAILY_CRAMP_DAYS).all(|_| {
        let Some(d) = day else { return false };
        day = d.previous();
        !diary.day(d).cramps().is_empty()
    });
    if daily {
        signs.push(WarningSign::DailyCramps);
    }
    signs
}

#[cfg(test)]
mod tests {
    use super::super::date::date;
    use super::super::day::test_days::calf_cramp;
    use super::super::day::DayEntry;
    use super::*;

    fn with_cramp(
        diary: &mut Diary,
        d: Date,
        change: impl FnOnce(&mut super::super::day::CrampEpisode),
    ) {
        let mut day = diary.day(d).clone();
        let mut cramp = calf_cramp();
        change(&mut cramp);
        day.add_cramp(cramp).unwrap();
        diary.set_day(d, day).unwrap();
    }

    #[test]
    fn an_ordinary_cramp_is_no_warning() {
        let mut diary = Diary::default();
        let d = date("2026-11-29");
        assert!(warning_signs(&diary, d).is_empty());
        with_cramp(&mut diary, d, |_| {});
        with_cramp(&mut diary, d, |c| c.minutes = Some(10.0));
        assert!(warning_signs(&diary, d).is_empty());
    }

    #[test]
    fn swelling_in_one_leg_is_urgent_and_comes_first() {
        let mut diary = Diary::default();
        let d = date("2026-11-29");
        with_cramp(&mut diary, d, |c| {
            c.numbness = true;
            c.minutes = Some(12.5);
        });
        with_cramp(&mut diary, d, |c| c.swelling_redness_or_lump = true);
        let signs = warning_signs(&diary, d);
        assert_eq!(
            signs,
            [
                WarningSign::PossibleBloodClot,
                WarningSign::LongCramp { minutes: 12.5 },
                WarningSign::Numbness
            ]
        );
        assert_eq!(signs[0].urgency(), Urgency::SeekCareNow);
        assert!(signs[0].text().contains("blood clot"));
        assert!(signs[0].text().contains("Seek medical care now"));
        assert_eq!(signs[1].urgency(), Urgency::SeeADoctor);
        assert_eq!(
            signs[1].text(),
            "A cramp lasted 12.5 minutes. Cramps lasting over 10 minutes are worth showing a doctor."
        );
    }

    #[test]
    fn swelling_in_both_legs_is_a_doctor_visit() {
        let mut diary = Diary::default();
        let d = date("2026-11-29");
        with_cramp(&mut diary, d, |c| {
            c.swelling_redness_or_lump = true;
            c.side = Side::Both;
        });
        assert_eq!(warning_signs(&diary, d), [WarningSign::SwellingInBothLegs]);
    }

    #[test]
    fn daily_cramps_need_seven_days_in_a_row() {
        let mut diary = Diary::default();
        let last = date("2026-11-29");
        for back in 0..DAILY_CRAMP_DAYS as i32 - 1 {
            with_cramp(&mut diary, last.add_days(-back).unwrap(), |_| {});
        }
        assert!(warning_signs(&diary, last).is_empty());
        let first = last.add_days(-(DAILY_CRAMP_DAYS as i32 - 1)).unwrap();
        with_cramp(&mut diary, first, |_| {});
        assert_eq!(warning_signs(&diary, last), [WarningSign::DailyCramps]);
        assert!(WarningSign::DailyCramps
            .text()
            .contains("each of the last 7 days"));
        // A day without cramps (only notes) breaks the run.
        let mut gap = DayEntry::new();
        gap.set_notes("fine").unwrap();
        diary.set_day(last.add_days(-3).unwrap(), gap).unwrap();
        assert!(warning_signs(&diary, last).is_empty());
        // The run cannot reach before the first date kept.
        assert!(warning_signs(&diary, Date::first()).is_empty());
    }
}
