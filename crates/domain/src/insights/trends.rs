//! Trends over a period: each day's potassium, magnesium, calcium, sodium
//! and fluids against its target, a 7-day moving average, the period's
//! averages and the cramp episodes on the same time axis; with the scale a
//! chart needs, so the chart only draws.
//!
//! - A day with nothing logged is a gap (`None`), never 0 (see
//!   [`DayFigures::total`] for what "logged" means per nutrient).
//! - The **moving average** of a day is the mean of the logged days among
//!   that day and the [`MOVING_AVERAGE_DAYS`] − 1 calendar days before it
//!   (reaching before the period's first day when the diary has them),
//!   `None` when none of them is logged; [`DayPoint::average_days`] says
//!   over how many days it is.
//! - The **period average** is the mean of the logged days of the period
//!   and says how many they are.
//! - Targets are the diary's, the same ones the planner measures against.

use crate::diary::date::Date;
use crate::diary::Diary;
use crate::foods::food_table::FoodTable;
use crate::foods::nutrient::Nutrient;
use crate::insights::cramp_days::{CrampComparison, View};
use crate::insights::day_figures::{period_figures, DayFigures};
use crate::insights::period::Period;
use crate::insights::scale::YScale;
use crate::planning::progress::Progress;
use crate::planning::totals::NutrientTotal;
use crate::targets::daily_targets::{DailyTargets, TARGET_NUTRIENTS};
use crate::targets::dri::Target;
use crate::units::amount_text::format_nutrient_amount;
use crate::units::format::count;

/// How many calendar days the moving average spans (the day included).
pub const MOVING_AVERAGE_DAYS: usize = 7;

/// One day of a series.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DayPoint {
    /// The date.
    pub date: Date,
    /// The day's total, in the nutrient's unit; `None` when not logged.
    pub value: Option<f64>,
    /// Whether items lacked data, so the real total may be higher.
    pub lower_bound: bool,
    /// The moving average at this day; `None` when no day of its window
    /// is logged.
    pub moving_average: Option<f64>,
    /// How many logged days the moving average is over (0 to 7).
    pub average_days: usize,
}

/// A nutrient's average over the logged days of a period.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PeriodAverage {
    /// The nutrient.
    pub nutrient: Nutrient,
    /// The mean of the logged days, in the nutrient's unit; `None` when no
    /// day is logged.
    pub mean: Option<f64>,
    /// How many days are logged for this nutrient.
    pub logged_days: usize,
    /// How many calendar days the period has.
    pub days: usize,
    /// How many of the logged days have items without data (their totals,
    /// and so the mean, may be higher).
    pub lower_bound_days: usize,
    /// The target it is measured against (the diary's).
    pub target: Option<Target>,
}

impl PeriodAverage {
    /// The average of `nutrient` over `figures`, against `targets`.
    pub fn over(
        figures: &[DayFigures],
        nutrient: Nutrient,
        targets: &DailyTargets,
    ) -> PeriodAverage {
        let totals: Vec<NutrientTotal> = figures.iter().filter_map(|f| f.total(nutrient)).collect();
        let sum: f64 = totals.iter().map(|t| t.known).sum();
        PeriodAverage {
            nutrient,
            mean: (!totals.is_empty()).then(|| sum / totals.len() as f64),
            logged_days: totals.len(),
            days: figures.len(),
            lower_bound_days: totals.iter().filter(|t| t.is_lower_bound()).count(),
            target: targets.get(nutrient).map(|t| t.target),
        }
    }

    /// The mean against the target (its `text` reads "82 % of 2,600 mg"),
    /// "at least" when some days lack data; `None` without a mean.
    pub fn progress(&self) -> Option<Progress> {
        let total = NutrientTotal {
            known: self.mean?,
            items_missing: self.lower_bound_days,
        };
        Some(Progress::new(self.nutrient, total, self.target?))
    }

    /// In words: "2,140 mg a day on average over 24 logged days of 30
    /// (82 % of 2,600 mg)", "No day of 30 logged".
    pub fn text(&self) -> String {
        let Some(mean) = self.mean else {
            return format!("No day of {} logged", self.days);
        };
        let at_least = if self.lower_bound_days > 0 {
            "at least "
        } else {
            ""
        };
        let mut text = format!(
            "{at_least}{} a day on average over {} of {}",
            format_nutrient_amount(self.nutrient, mean),
            count(self.logged_days, "logged day", "logged days"),
            self.days
        );
        if let Some(p) = self.progress() {
            text.push_str(&format!(" ({})", p.text()));
        }
        text
    }
}

/// One nutrient over the period.
#[derive(Debug, Clone, PartialEq)]
pub struct Series {
    /// The nutrient.
    pub nutrient: Nutrient,
    /// Every day of the period, oldest first.
    pub points: Vec<DayPoint>,
    /// The period's average.
    pub average: PeriodAverage,
    /// A y axis that shows every value, moving average and the target.
    pub scale: YScale,
}

impl Series {
    /// The series' line for a chart's text alternative: "Potassium:
    /// 2,140 mg a day on average over 24 logged days of 30 (82 % of
    /// 2,600 mg)".
    pub fn summary_text(&self) -> String {
        format!("{}: {}", self.nutrient.name(), self.average.text())
    }
}

/// The trends of a period.
#[derive(Debug, Clone, PartialEq)]
pub struct Trends {
    /// The period.
    pub period: Period,
    /// One series per target, in [`TARGET_NUTRIENTS`] order (K, Mg, Ca, Na,
    /// water).
    pub series: Vec<Series>,
    /// Cramp episodes per day, aligned with every series' points.
    pub cramps: Vec<usize>,
    /// Each day's figures of the period, oldest first: what the cramp
    /// comparisons stand on, added up once for both.
    figures: Vec<DayFigures>,
}

impl Trends {
    /// The trends of `period` in `diary`.
    pub fn compute(diary: &Diary, table: &FoodTable, period: Period) -> Trends {
        let lead = MOVING_AVERAGE_DAYS - 1;
        // The days before the period that its first moving averages need.
        let start = (1..=lead)
            .rev()
            .find_map(|back| period.first().add_days(-(back as i32)))
            .unwrap_or(period.first());
        let window = Period::new(start, period.last()).unwrap_or(period);
        let figures = period_figures(diary, table, window);
        let before = figures.len() - period.days();
        let targets = diary.settings().targets();
        let series = TARGET_NUTRIENTS
            .into_iter()
            .map(|n| series(&figures, before, n, targets))
            .collect();
        let mut figures = figures;
        let figures = figures.split_off(before);
        Trends {
            period,
            series,
            cramps: figures.iter().map(|f| f.cramps).collect(),
            figures,
        }
    }

    /// Cramp days against other days over the period, in `view`, from the
    /// days' figures these trends were computed from (the same as
    /// [`CrampComparison::compute`], without reading the diary again).
    pub fn comparison(&self, view: View) -> CrampComparison {
        CrampComparison::from_figures(&self.figures, self.period, view)
    }

    /// The series of `nutrient`, if it has a target.
    pub fn get(&self, nutrient: Nutrient) -> Option<&Series> {
        self.series.iter().find(|s| s.nutrient == nutrient)
    }

    /// Where day `index` of the period sits on the time axis: 0 for the
    /// first day, 1 for the last (0.5 for a one-day period).
    pub fn x_fraction(&self, index: usize) -> f64 {
        match self.period.days() {
            1 => 0.5,
            days => index as f64 / (days - 1) as f64,
        }
    }

    /// How many days of the period have a cramp logged.
    pub fn cramp_days(&self) -> usize {
        self.cramps.iter().filter(|&&c| c > 0).count()
    }

    /// The cramps in words: "Cramps on 5 of 30 days (7 episodes).", "No
    /// cramps logged in these 30 days.".
    pub fn cramps_text(&self) -> String {
        let days = self.period.days();
        let episodes: usize = self.cramps.iter().sum();
        match self.cramp_days() {
            0 => format!("No cramps logged in {}.", count(days, "day", "days")),
            n => format!(
                "Cramps on {n} of {} ({}).",
                count(days, "day", "days"),
                count(episodes, "episode", "episodes")
            ),
        }
    }

    /// A chart's text alternative: the series' line and the cramps.
    pub fn summary_text(&self, nutrient: Nutrient) -> Option<String> {
        let series = self.get(nutrient)?;
        Some(format!("{}. {}", series.summary_text(), self.cramps_text()))
    }
}

/// The series of `nutrient` from `figures`, whose first `before` days lie
/// before the period (they only feed the moving average).
fn series(
    figures: &[DayFigures],
    before: usize,
    nutrient: Nutrient,
    targets: &DailyTargets,
) -> Series {
    let totals: Vec<Option<NutrientTotal>> = figures.iter().map(|f| f.total(nutrient)).collect();
    let points: Vec<DayPoint> = (before..figures.len())
        .map(|i| {
            let from = (i + 1).saturating_sub(MOVING_AVERAGE_DAYS);
            let (sum, logged) = totals[from..=i]
                .iter()
                .flatten()
                .fold((0.0, 0), |(sum, n), t| (sum + t.known, n + 1));
            let total = totals[i];
            DayPoint {
                date: figures[i].date,
                value: total.map(|t| t.known),
                lower_bound: total.is_some_and(|t| t.is_lower_bound()),
                moving_average: (logged > 0).then(|| sum / logged as f64),
                average_days: logged,
            }
        })
        .collect();
    let average = PeriodAverage::over(&figures[before..], nutrient, targets);
    let scale = YScale::covering(
        points
            .iter()
            .flat_map(|p| [p.value, p.moving_average])
            .flatten()
            .chain(average.target.map(|t| t.amount)),
    );
    Series {
        nutrient,
        points,
        average,
        scale,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diary::day::DayEntry;
    use crate::insights::day_figures::test_diaries::{day_n, spinach_day, with_cramp};
    use crate::insights::period::Span;
    use crate::planning::plan::test_table::{ndb, table};
    use crate::planning::plan::{FoodUnit, Meal};
    use crate::units::amount::MassUnit;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    fn k(trends: &Trends) -> &Series {
        trends.get(Nutrient::Potassium).unwrap()
    }

    #[test]
    fn gaps_stay_gaps_and_averages_count_logged_days() {
        let mut diary = Diary::default();
        // Days 0..10 of the period; 100 g spinach = 558 mg K on days 1, 2, 5.
        for n in [1, 2, 5] {
            diary.set_day(day_n(n), spinach_day(100.0)).unwrap();
        }
        diary
            .set_day(day_n(5), with_cramp(spinach_day(200.0)))
            .unwrap();
        diary
            .set_day(day_n(8), with_cramp(DayEntry::new()))
            .unwrap();
        let period = Period::new(day_n(0), day_n(9)).unwrap();
        let trends = Trends::compute(&diary, &table(), period);
        assert_eq!(trends.series.len(), 5);
        let s = k(&trends);
        assert_eq!(s.points.len(), 10);
        let values: Vec<Option<f64>> = s.points.iter().map(|p| p.value).collect();
        assert_eq!(values[0], None);
        assert!(close(values[1].unwrap(), 558.0));
        assert!(close(values[5].unwrap(), 1_116.0));
        assert_eq!(values[8], None, "a cramp-only day is no zero");
        assert_eq!(s.average.logged_days, 3);
        assert_eq!(s.average.days, 10);
        assert!(close(
            s.average.mean.unwrap(),
            (558.0 * 2.0 + 1_116.0) / 3.0
        ));
        assert_eq!(
            s.average.text(),
            "744 mg a day on average over 3 logged days of 10 (29 % of 2,600 mg)"
        );
        // Moving average at day 5: days 0..=5, logged 1, 2, 5.
        let p5 = s.points[5];
        assert_eq!(p5.average_days, 3);
        assert!(close(p5.moving_average.unwrap(), 744.0));
        // Day 8 (gap): window 2..=8 holds days 2 and 5.
        let p8 = s.points[8];
        assert_eq!(p8.average_days, 2);
        assert!(close(p8.moving_average.unwrap(), (558.0 + 1_116.0) / 2.0));
        // Day 0: nothing logged in its window.
        assert_eq!(
            (s.points[0].moving_average, s.points[0].average_days),
            (None, 0)
        );
        assert_eq!(trends.cramps, [0, 0, 0, 0, 0, 1, 0, 0, 1, 0]);
        assert_eq!(trends.cramp_days(), 2);
        assert_eq!(trends.cramps_text(), "Cramps on 2 of 10 days (2 episodes).");
        assert_eq!(
            trends.summary_text(Nutrient::Potassium).unwrap(),
            "Potassium: 744 mg a day on average over 3 logged days of 10 (29 % of 2,600 mg). Cramps on 2 of 10 days (2 episodes)."
        );
        // The scale covers the values and the target.
        assert_eq!(s.scale.max, 3_000.0);
        assert!(close(trends.x_fraction(9), 1.0));
        assert_eq!(trends.get(Nutrient::Energy), None);
    }

    #[test]
    fn the_comparisons_from_the_trends_are_the_ones_computed_alone() {
        let mut diary = Diary::default();
        // 30 days; every third a cramp day with less spinach.
        for n in 0..30 {
            let day = if n % 3 == 0 {
                with_cramp(spinach_day(50.0))
            } else {
                spinach_day(150.0 + f64::from(n))
            };
            diary.set_day(day_n(n), day).unwrap();
        }
        let t = table();
        for period in [
            Period::new(day_n(0), day_n(29)).unwrap(),
            Period::new(day_n(10), day_n(25)).unwrap(),
        ] {
            let trends = Trends::compute(&diary, &t, period);
            for view in View::ALL {
                let alone = CrampComparison::compute(&diary, &t, period, view);
                assert!(alone.enough_days(), "{view:?}");
                assert_eq!(trends.comparison(view), alone, "{view:?}");
            }
        }
    }

    #[test]
    fn the_moving_average_reaches_before_the_period() {
        let mut diary = Diary::default();
        diary.set_day(day_n(0), spinach_day(100.0)).unwrap();
        let week = Period::ending(day_n(6), Span::Week).unwrap();
        let later = Trends::compute(&diary, &table(), Period::new(day_n(3), day_n(6)).unwrap());
        let p = k(&later).points[0];
        assert_eq!(p.value, None);
        assert_eq!(p.average_days, 1);
        assert!(close(p.moving_average.unwrap(), 558.0));
        // Day 7 is out of day 0's reach.
        let after = Trends::compute(&diary, &table(), Period::new(day_n(7), day_n(7)).unwrap());
        assert_eq!(k(&after).points[0].moving_average, None);
        assert_eq!(k(&after).average.text(), "No day of 1 logged");
        let t = Trends::compute(&diary, &table(), week);
        assert!(k(&t).points.iter().all(|p| p.average_days == 1));
        // At the first date kept there is nothing before.
        let first = Trends::compute(
            &diary,
            &table(),
            Period::new(Date::first(), Date::first()).unwrap(),
        );
        assert_eq!(first.cramps, [0]);
        assert_eq!(first.x_fraction(0), 0.5);
    }

    #[test]
    fn an_empty_period_has_gaps_only() {
        let trends = Trends::compute(
            &Diary::default(),
            &table(),
            Period::ending(day_n(29), Span::Month).unwrap(),
        );
        for s in &trends.series {
            assert!(s
                .points
                .iter()
                .all(|p| p.value.is_none() && p.moving_average.is_none()));
            assert_eq!((s.average.mean, s.average.logged_days), (None, 0));
            assert_eq!(s.average.progress(), None);
            // The axis still shows the target.
            assert!(s.scale.max >= s.average.target.unwrap().amount);
        }
        assert_eq!(trends.cramps_text(), "No cramps logged in 30 days.");
    }

    #[test]
    fn missing_data_is_said_and_fluids_follow_the_planner() {
        let t = table();
        let mut day = spinach_day(100.0);
        // The mystery food has no potassium or water data.
        day.plan_mut()
            .add_food(
                Meal::Dinner,
                ndb(99999),
                100.0,
                FoodUnit::Mass(MassUnit::Gram),
                &t,
            )
            .unwrap();
        day.plan_mut()
            .add_drink(Meal::Dinner, 2.0, crate::units::volume::VolumeUnit::Glass)
            .unwrap();
        let mut diary = Diary::default();
        diary.set_day(day_n(0), day).unwrap();
        let trends = Trends::compute(&diary, &t, Period::new(day_n(0), day_n(0)).unwrap());
        let s = k(&trends);
        assert!(s.points[0].lower_bound);
        assert_eq!(s.average.lower_bound_days, 1);
        assert!(
            s.average.text().starts_with("at least 558 mg a day"),
            "{}",
            s.average.text()
        );
        assert!(s.average.progress().unwrap().text().starts_with("at least"));
        let water = trends.get(Nutrient::Water).unwrap();
        // Drinks and the water in foods, as the planner counts.
        assert!(close(water.points[0].value.unwrap(), 500.0 + 91.4));
        assert!(
            water.average.text().starts_with("at least 591 ml a day"),
            "{}",
            water.average.text()
        );
    }
}
