//! A week at a glance: seven consecutive days side by side, each with its
//! coverage of every target, whether food was logged and its cramps.

use crate::diary::date::Date;
use crate::diary::Diary;
use crate::foods::food_table::FoodTable;
use crate::foods::nutrient::Nutrient;
use crate::insights::day_figures::DayFigures;
use crate::planning::progress::Progress;

/// How many days a week view shows.
pub const WEEK_DAYS: usize = 7;

/// One day of the week view.
#[derive(Debug, Clone, PartialEq)]
pub struct WeekDay {
    /// The date.
    pub date: Date,
    /// Whether at least one food was logged.
    pub food_logged: bool,
    /// How many cramp episodes were logged.
    pub cramps: usize,
    /// The day against each target (K, Mg, Ca, Na, water); `None` where
    /// the total is not known (see [`DayFigures::total`]).
    pub coverage: Vec<(Nutrient, Option<Progress>)>,
}

impl WeekDay {
    /// The share of `nutrient`'s target, in percent (of the budget, for
    /// sodium); `None` when not known.
    pub fn percent(&self, nutrient: Nutrient) -> Option<f64> {
        self.coverage
            .iter()
            .find(|(n, _)| *n == nutrient)
            .and_then(|(_, p)| p.map(|p| p.percent))
    }
}

/// Seven consecutive days, oldest first.
#[derive(Debug, Clone, PartialEq)]
pub struct WeekView {
    /// The days, oldest first; the last is the date asked for.
    pub days: Vec<WeekDay>,
}

impl WeekView {
    /// The seven days ending on `last`, against the diary's targets. Days
    /// before the first date kept are left out.
    pub fn ending(diary: &Diary, table: &FoodTable, last: Date) -> WeekView {
        let targets = diary.settings().targets();
        let days = (0..WEEK_DAYS as i32)
            .rev()
            .filter_map(|back| last.add_days(-back))
            .map(|date| {
                let f = DayFigures::of(date, diary.day(date), table);
                WeekDay {
                    date,
                    food_logged: f.food_logged,
                    cramps: f.cramps,
                    coverage: f.progress(targets),
                }
            })
            .collect();
        WeekView { days }
    }

    /// How many of the days have food logged.
    pub fn food_logged_days(&self) -> usize {
        self.days.iter().filter(|d| d.food_logged).count()
    }

    /// How many of the days have a cramp logged.
    pub fn cramp_days(&self) -> usize {
        self.days.iter().filter(|d| d.cramps > 0).count()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::insights::day_figures::test_diaries::{day_n, spinach_day, with_cramp};
    use crate::planning::plan::test_table::table;

    #[test]
    fn a_week_shows_coverage_food_and_cramps() {
        let mut diary = Diary::default();
        diary.set_day(day_n(1), spinach_day(100.0)).unwrap();
        diary
            .set_day(day_n(3), with_cramp(spinach_day(200.0)))
            .unwrap();
        diary
            .set_day(day_n(6), with_cramp(Default::default()))
            .unwrap();
        let week = WeekView::ending(&diary, &table(), day_n(6));
        assert_eq!(week.days.len(), 7);
        assert_eq!(week.days[0].date, day_n(0));
        assert_eq!(week.days[6].date, day_n(6));
        assert_eq!(week.food_logged_days(), 2);
        assert_eq!(week.cramp_days(), 2);
        let k = |i: usize| week.days[i].percent(Nutrient::Potassium);
        assert_eq!(k(0), None);
        assert!((k(1).unwrap() - 558.0 / 2_600.0 * 100.0).abs() < 1e-9);
        assert!((k(3).unwrap() - 1_116.0 / 2_600.0 * 100.0).abs() < 1e-9);
        // A cramp-only day: no food, so no coverage, but the cramp shows.
        assert_eq!(k(6), None);
        assert_eq!(week.days[6].cramps, 1);
        assert!(!week.days[6].food_logged);
        let na = week.days[1].percent(Nutrient::Sodium).unwrap();
        assert!((na - 79.0 / 2_300.0 * 100.0).abs() < 1e-9);
        assert_eq!(week.days[1].percent(Nutrient::Energy), None);
        // At the first date kept, only the days that exist.
        let first = WeekView::ending(&diary, &table(), Date::first());
        assert_eq!(first.days.len(), 1);
    }
}
