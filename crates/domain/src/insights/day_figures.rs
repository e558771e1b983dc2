//! The numbers every look back starts from, one calendar day at a time:
//! the day's totals of the targeted nutrients as the planner adds them up
//! (same water counting), whether food was logged, the cramps and the
//! activity.
//!
//! A mineral total exists only on a day with at least one food logged
//! (supplements or drinks alone are not a day's eating, and reading them
//! as a day of 0 mg potassium would be false); fluids exist on a day with
//! any item. A total whose every item lacks data is unknown too, not 0.

use crate::diary::date::Date;
use crate::diary::day::{Activity, DayEntry};
use crate::diary::Diary;
use crate::foods::food_table::FoodTable;
use crate::foods::nutrient::Nutrient;
use crate::insights::period::Period;
use crate::planning::plan::Entry;
use crate::planning::progress::Progress;
use crate::planning::totals::{DayTotals, NutrientTotal, WaterCounting};
use crate::targets::daily_targets::{DailyTargets, TARGET_NUTRIENTS};

/// One calendar day's figures.
#[derive(Debug, Clone, PartialEq)]
pub struct DayFigures {
    /// The date.
    pub date: Date,
    /// Whether at least one food of the table is logged.
    pub food_logged: bool,
    /// How many items the plan holds (foods, supplements, drinks).
    pub items: usize,
    /// Whether anything at all is recorded (items, cramps, activity, notes).
    pub recorded: bool,
    /// How many cramp episodes are logged.
    pub cramps: usize,
    /// The activity as stored (all zero when not noted).
    pub activity: Activity,
    /// The totals, in [`TARGET_NUTRIENTS`] order.
    totals: [NutrientTotal; TARGET_NUTRIENTS.len()],
}

impl DayFigures {
    /// The figures of `day` at `date`.
    pub fn of(date: Date, day: &DayEntry, table: &FoodTable) -> DayFigures {
        let plan = day.plan();
        // The planner's own water counting, so a past day reads as it did
        // when it was planned.
        let totals = DayTotals::compute(plan, table, WaterCounting::default());
        DayFigures {
            date,
            food_logged: plan
                .iter()
                .any(|(_, item)| matches!(item.entry, Entry::Food(_) | Entry::Mine(_))),
            items: plan.len(),
            recorded: !day.is_empty(),
            cramps: day.cramps().len(),
            activity: *day.activity(),
            totals: TARGET_NUTRIENTS.map(|n| totals.day().get(n)),
        }
    }

    /// The day's total of `nutrient` (one of [`TARGET_NUTRIENTS`]), possibly
    /// a lower bound; `None` when it is not known: a mineral on a day
    /// without food, fluids on a day without items, or any total whose
    /// items all lack data.
    pub fn total(&self, nutrient: Nutrient) -> Option<NutrientTotal> {
        let slot = TARGET_NUTRIENTS.iter().position(|&n| n == nutrient)?;
        let logged = match nutrient {
            Nutrient::Water => self.items > 0,
            _ => self.food_logged,
        };
        let total = self.totals[slot];
        let unknown = total.known == 0.0 && total.is_lower_bound();
        (logged && !unknown).then_some(total)
    }

    /// The day against each of `targets`, in [`TARGET_NUTRIENTS`] order;
    /// `None` where [`DayFigures::total`] is.
    pub fn progress(&self, targets: &DailyTargets) -> Vec<(Nutrient, Option<Progress>)> {
        TARGET_NUTRIENTS
            .into_iter()
            .map(|n| {
                let progress = self
                    .total(n)
                    .zip(targets.get(n))
                    .map(|(total, t)| Progress::new(n, total, t.target));
                (n, progress)
            })
            .collect()
    }
}

/// The figures of every day of `period`, oldest first, days with nothing
/// recorded included.
pub fn period_figures(diary: &Diary, table: &FoodTable, period: Period) -> Vec<DayFigures> {
    period
        .dates()
        .map(|date| DayFigures::of(date, diary.day(date), table))
        .collect()
}

#[cfg(test)]
pub(crate) mod test_diaries {
    //! Small diaries with known totals on the test table.

    use crate::diary::date::Date;
    use crate::diary::day::{CrampEpisode, DayEntry, Place, Side, TimeOfDay};
    use crate::planning::plan::test_table::{ndb, table};
    use crate::planning::plan::{FoodUnit, Meal};
    use crate::units::amount::MassUnit;

    /// A day of `grams` of raw spinach at lunch: per 100 g 558 mg K, 79 mg
    /// Mg, 99 mg Ca, 79 mg Na and 91.4 g water.
    pub(crate) fn spinach_day(grams: f64) -> DayEntry {
        let mut day = DayEntry::new();
        day.plan_mut()
            .add_food(
                Meal::Lunch,
                ndb(11457),
                grams,
                FoodUnit::Mass(MassUnit::Gram),
                &table(),
            )
            .unwrap();
        day
    }

    /// A 03:00 calf cramp, severity 5.
    pub(crate) fn cramp() -> CrampEpisode {
        CrampEpisode::new(TimeOfDay::new(3, 0).unwrap(), Place::Calf, Side::Right, 5).unwrap()
    }

    /// `day` with one cramp more.
    pub(crate) fn with_cramp(mut day: DayEntry) -> DayEntry {
        day.add_cramp(cramp()).unwrap();
        day
    }

    /// The date `n` days after 2026-10-01.
    pub(crate) fn day_n(n: i32) -> Date {
        Date::parse("2026-10-01").unwrap().add_days(n).unwrap()
    }
}

#[cfg(test)]
mod tests {
    use super::test_diaries::{cramp, day_n, spinach_day};
    use super::*;
    use crate::planning::plan::test_table::{ndb, table};
    use crate::planning::plan::{FoodUnit, Meal};
    use crate::planning::supplements::{MagnesiumForm, Supplement};
    use crate::units::amount::MassUnit;
    use crate::units::volume::VolumeUnit;

    #[test]
    fn a_food_day_has_every_total() {
        let mut day = spinach_day(200.0);
        day.add_cramp(cramp()).unwrap();
        let f = DayFigures::of(day_n(0), &day, &table());
        assert!(f.food_logged && f.recorded);
        assert_eq!((f.items, f.cramps), (1, 1));
        let k = f.total(Nutrient::Potassium).unwrap();
        assert!((k.known - 1_116.0).abs() < 1e-9);
        assert!((f.total(Nutrient::Water).unwrap().known - 182.8).abs() < 1e-9);
        assert_eq!(f.total(Nutrient::Energy), None);
        let targets = DailyTargets::new(
            crate::targets::profile::Profile::default_adult(),
            crate::targets::dri::nasem(),
        )
        .unwrap();
        let p = f.progress(&targets);
        assert_eq!(p.len(), 5);
        assert!((p[0].1.unwrap().percent - 1_116.0 / 2_600.0 * 100.0).abs() < 1e-9);
    }

    #[test]
    fn supplements_and_drinks_alone_are_no_day_of_eating() {
        let t = table();
        let mut day = DayEntry::new();
        day.plan_mut()
            .add_supplement(
                Meal::Dinner,
                Supplement::Magnesium {
                    form: MagnesiumForm::Citrate,
                    elemental_mg: 200.0,
                },
            )
            .unwrap();
        day.plan_mut()
            .add_drink(Meal::Lunch, 2.0, VolumeUnit::Glass)
            .unwrap();
        let f = DayFigures::of(day_n(0), &day, &t);
        assert!(!f.food_logged);
        assert_eq!(f.total(Nutrient::Magnesium), None);
        assert_eq!(f.total(Nutrient::Water).unwrap().known, 500.0);
        // Nothing recorded at all.
        let empty = DayFigures::of(day_n(1), &DayEntry::new(), &t);
        assert!(!empty.recorded && !empty.food_logged);
        assert_eq!(empty.total(Nutrient::Water), None);
        // A food without potassium data: unknown, not 0.
        let mut mystery = DayEntry::new();
        mystery
            .plan_mut()
            .add_food(
                Meal::Lunch,
                ndb(99999),
                50.0,
                FoodUnit::Mass(MassUnit::Gram),
                &t,
            )
            .unwrap();
        let f = DayFigures::of(day_n(2), &mystery, &t);
        assert_eq!(f.total(Nutrient::Potassium), None);
        assert!(f.total(Nutrient::Magnesium).is_some());
    }
}
