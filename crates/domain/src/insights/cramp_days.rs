//! What is different on cramp days: for a period, the average intake of
//! each mineral and fluids and the activity on days with a cramp against
//! days without, or (night cramps follow the day's intake) on the day
//! *before* a cramp against the other days; with the group sizes, the
//! difference in plain words and an honest measure of chance.
//!
//! Rules, so that nothing is overclaimed:
//! - Only days with food logged count ([`DayFigures::food_logged`]); a
//!   nutrient whose total is unknown that day leaves the day out of that
//!   nutrient only. Activity not noted counts as none, as the diary stores it.
//! - The day-before view pairs each day with the next calendar day of the
//!   period, and counts it only when that next day has something recorded
//!   (otherwise whether it had a cramp is unknown); the period's last day
//!   has no next day in the period and is left out.
//! - Nothing is called a difference unless each group has at least
//!   [`MIN_GROUP_DAYS`] days; below that the text says there are too few.
//! - Chance is measured by a two-sided permutation test of the difference
//!   in means ([`crate::insights::permutation`]): p < [`ALPHA`] reads
//!   "unlikely to be chance alone", otherwise "could well be chance".
//!   Nine measures are compared, so one in twenty such lines may read
//!   "unlikely" by chance; [`CAVEAT`] says so.

use crate::diary::Diary;
use crate::foods::food_table::FoodTable;
use crate::foods::nutrient::Nutrient;
use crate::insights::day_figures::{period_figures, DayFigures};
use crate::insights::period::Period;
use crate::insights::permutation::{permutation_test, permutation_tests, TestResult, ALPHA};
use crate::units::amount_text::format_nutrient_amount;
use crate::units::format::{count, format_number};

/// The fewest days each group needs before a difference is described.
pub const MIN_GROUP_DAYS: usize = 5;

/// The one-line caveat every comparison is shown with.
pub const CAVEAT: &str = "Few days can mislead, nine things are compared so one may stand out by chance, and a pattern is not a cause: see a doctor if you have cramps often.";

/// Which days are compared with the others.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum View {
    /// Days with a cramp against days without.
    SameDay,
    /// Days followed by a cramp day against days that are not.
    DayBefore,
}

impl View {
    /// Both views, in the order a picker shows them.
    pub const ALL: [View; 2] = [View::SameDay, View::DayBefore];

    /// Label for a picker.
    pub fn label(self) -> &'static str {
        match self {
            View::SameDay => "Cramp days against other days",
            View::DayBefore => "The day before a cramp against other days",
        }
    }

    /// Stable key for forms and test ids: "same-day", "day-before".
    pub fn key(self) -> &'static str {
        match self {
            View::SameDay => "same-day",
            View::DayBefore => "day-before",
        }
    }

    /// Inverse of [`View::key`].
    pub fn from_key(key: &str) -> Option<View> {
        View::ALL.into_iter().find(|v| v.key() == key)
    }

    /// The compared group's days, counted: "1 cramp day", "12 days before a cramp".
    fn group_days(self, n: usize) -> String {
        match self {
            View::SameDay => count(n, "cramp day", "cramp days"),
            View::DayBefore => count(n, "day before a cramp", "days before a cramp"),
        }
    }

    /// How a difference sentence starts: "On cramp days".
    fn on(self) -> &'static str {
        match self {
            View::SameDay => "On cramp days",
            View::DayBefore => "On days before a cramp",
        }
    }

    /// The group's name after "of": "cramp days".
    fn of(self) -> &'static str {
        match self {
            View::SameDay => "cramp days",
            View::DayBefore => "days before a cramp",
        }
    }
}

/// What is compared.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Measure {
    /// The day's total of a mineral or of fluids.
    Intake(Nutrient),
    /// Minutes of exercise.
    ExerciseMinutes,
    /// Hours on one's feet.
    HoursOnFeet,
    /// Hot weather (the share of days).
    HotWeather,
    /// Alcoholic drinks.
    AlcoholDrinks,
}

impl Measure {
    /// Every measure, in the order the comparison lists them.
    pub const ALL: [Measure; 9] = [
        Measure::Intake(Nutrient::Potassium),
        Measure::Intake(Nutrient::Magnesium),
        Measure::Intake(Nutrient::Calcium),
        Measure::Intake(Nutrient::Sodium),
        Measure::Intake(Nutrient::Water),
        Measure::ExerciseMinutes,
        Measure::HoursOnFeet,
        Measure::HotWeather,
        Measure::AlcoholDrinks,
    ];

    /// Label for a table row: "Potassium", "Fluids", "Exercise".
    pub fn label(self) -> &'static str {
        match self {
            Measure::Intake(Nutrient::Water) => "Fluids",
            Measure::Intake(n) => n.name(),
            Measure::ExerciseMinutes => "Exercise",
            Measure::HoursOnFeet => "Hours on your feet",
            Measure::HotWeather => "Hot weather",
            Measure::AlcoholDrinks => "Alcoholic drinks",
        }
    }

    /// The day's value: mg, ml, minutes, hours, 1 or 0 for hot weather,
    /// drinks; `None` when the day's total is unknown.
    pub fn value(self, day: &DayFigures) -> Option<f64> {
        let a = &day.activity;
        match self {
            Measure::Intake(n) => day.total(n).map(|t| t.known),
            Measure::ExerciseMinutes => Some(a.exercise_minutes),
            Measure::HoursOnFeet => Some(a.hours_on_feet),
            Measure::HotWeather => Some(if a.hot_weather { 1.0 } else { 0.0 }),
            Measure::AlcoholDrinks => Some(a.alcohol_drinks),
        }
    }

    /// A group mean for people: "2,140 mg", "1.8 L", "25 min", "4.5 h",
    /// "40 % of days", "0.5 drinks".
    pub fn format(self, value: f64) -> String {
        match self {
            Measure::Intake(n) => format_nutrient_amount(n, value),
            Measure::ExerciseMinutes => format!("{} min", format_number(value, 0)),
            Measure::HoursOnFeet => format!("{} h", format_number(value, 1)),
            Measure::HotWeather => format!("{} % of days", format_number(value * 100.0, 0)),
            Measure::AlcoholDrinks => format!("{} drinks", format_number(value, 1)),
        }
    }

    /// "740 mg less potassium", "12 min less exercise": `magnitude` of
    /// the measure and the comparative word.
    fn difference_words(self, magnitude: f64, more: bool) -> String {
        let word = if more { "more" } else { "less" };
        match self {
            Measure::Intake(Nutrient::Water) => {
                format!(
                    "{} {word} fluid",
                    format_nutrient_amount(Nutrient::Water, magnitude)
                )
            }
            Measure::Intake(n) => format!(
                "{} {word} {}",
                format_nutrient_amount(n, magnitude),
                n.name().to_ascii_lowercase()
            ),
            Measure::ExerciseMinutes => {
                format!("{} min {word} exercise", format_number(magnitude, 0))
            }
            Measure::HoursOnFeet => format!(
                "{} {} on your feet",
                format_number(magnitude, 1),
                if more { "hours more" } else { "hours less" }
            ),
            Measure::AlcoholDrinks => format!(
                "{} {} alcoholic drinks",
                format_number(magnitude, 1),
                if more { "more" } else { "fewer" }
            ),
            Measure::HotWeather => String::new(),
        }
    }
}

/// One group's days and mean.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Group {
    /// How many days it holds (for this measure).
    pub days: usize,
    /// The mean over them; `None` without days.
    pub mean: Option<f64>,
}

impl Group {
    fn of(values: &[f64]) -> Group {
        Group {
            days: values.len(),
            mean: (!values.is_empty()).then(|| values.iter().sum::<f64>() / values.len() as f64),
        }
    }
}

/// What the numbers allow saying.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// A group has fewer than [`MIN_GROUP_DAYS`] days: no difference is told.
    TooFewDays,
    /// p ≥ [`ALPHA`].
    CouldBeChance,
    /// p < [`ALPHA`].
    UnlikelyChance,
}

/// One measure compared.
#[derive(Debug, Clone, PartialEq)]
pub struct MeasureComparison {
    /// The view it belongs to.
    pub view: View,
    /// What is compared.
    pub measure: Measure,
    /// Cramp days (or days before a cramp).
    pub cramp: Group,
    /// The other days.
    pub other: Group,
    /// The permutation test; `None` with too few days.
    pub test: Option<TestResult>,
    /// What may be said.
    pub verdict: Verdict,
}

impl MeasureComparison {
    /// The cramp group's mean minus the others'; `None` if either has no day.
    pub fn difference(&self) -> Option<f64> {
        Some(self.cramp.mean? - self.other.mean?)
    }

    /// The group sizes: "(12 cramp days, 40 other days)".
    fn sizes(&self) -> String {
        format!(
            "({}, {})",
            self.view.group_days(self.cramp.days),
            count(self.other.days, "other day", "other days")
        )
    }

    /// The comparison in plain words, group sizes always included: "On
    /// cramp days you had on average 740 mg less potassium than on other
    /// days (12 cramp days, 40 other days). That is unlikely to be chance
    /// alone (p = 0.004)."; or that there are too few days.
    pub fn text(&self) -> String {
        let (Some(cramp), Some(other), Some(test)) = (self.cramp.mean, self.other.mean, self.test)
        else {
            return format!(
                "Too few days to compare {}: {} and {}; at least {MIN_GROUP_DAYS} of each are needed.",
                self.measure.label().to_ascii_lowercase(),
                self.view.group_days(self.cramp.days),
                count(self.other.days, "other day", "other days")
            );
        };
        let difference = cramp - other;
        let magnitude = difference.abs();
        let on = self.view.on();
        let sizes = self.sizes();
        let said = match self.measure {
            Measure::HotWeather => format!(
                "Hot weather was noted on {} % of {} and {} % of other days {sizes}.",
                format_number(cramp * 100.0, 0),
                self.view.of(),
                format_number(other * 100.0, 0)
            ),
            m if m.format(magnitude) == m.format(0.0) => format!(
                "{on} you had on average about the same {} as on other days {sizes}.",
                m.label().to_ascii_lowercase()
            ),
            m => format!(
                "{on} you had on average {} than on other days {sizes}.",
                m.difference_words(magnitude, difference > 0.0)
            ),
        };
        let p = p_text(test.p_value);
        let chance = match self.verdict {
            Verdict::UnlikelyChance => format!("That is unlikely to be chance alone ({p})."),
            _ => format!("That could well be chance ({p})."),
        };
        format!("{said} {chance}")
    }
}

/// "p = 0.31", "p = 0.004", "p < 0.001".
fn p_text(p: f64) -> String {
    if p < 0.001 {
        "p < 0.001".to_owned()
    } else if p < 0.01 {
        format!("p = {}", format_number(p, 3))
    } else {
        format!("p = {}", format_number(p, 2))
    }
}

/// A period's comparison in one view.
#[derive(Debug, Clone, PartialEq)]
pub struct CrampComparison {
    /// The period.
    pub period: Period,
    /// Which days are compared.
    pub view: View,
    /// Days with food logged in the cramp group (cramp days, or days
    /// before one).
    pub cramp_days: usize,
    /// Days with food logged in the other group.
    pub other_days: usize,
    /// Days of the period that do not count: no food logged, or (day
    /// before) the next day unknown.
    pub left_out_days: usize,
    /// Every measure, in [`Measure::ALL`] order.
    pub measures: Vec<MeasureComparison>,
}

impl CrampComparison {
    /// The comparison of `period` in `diary`, in `view`.
    pub fn compute(
        diary: &Diary,
        table: &FoodTable,
        period: Period,
        view: View,
    ) -> CrampComparison {
        CrampComparison::from_figures(&period_figures(diary, table, period), period, view)
    }

    /// The comparison from the period's figures (one per day, oldest first).
    pub(crate) fn from_figures(
        figures: &[DayFigures],
        period: Period,
        view: View,
    ) -> CrampComparison {
        // Each counted day and whether it is in the cramp group.
        let counted: Vec<(&DayFigures, bool)> = match view {
            View::SameDay => figures
                .iter()
                .filter(|f| f.food_logged)
                .map(|f| (f, f.cramps > 0))
                .collect(),
            View::DayBefore => figures
                .windows(2)
                .filter(|w| w[0].food_logged && w[1].recorded)
                .map(|w| (&w[0], w[1].cramps > 0))
                .collect(),
        };
        let cramp_days = counted.iter().filter(|(_, c)| *c).count();
        let other_days = counted.len() - cramp_days;
        let enough = cramp_days >= MIN_GROUP_DAYS && other_days >= MIN_GROUP_DAYS;
        // Each measure's values in both groups.
        let values: Vec<(Vec<f64>, Vec<f64>)> = Measure::ALL
            .into_iter()
            .map(|m| {
                let (mut cramp, mut other) = (Vec::new(), Vec::new());
                for &(f, in_cramp) in &counted {
                    if let Some(v) = m.value(f) {
                        if in_cramp { &mut cramp } else { &mut other }.push(v);
                    }
                }
                (cramp, other)
            })
            .collect();
        let tests = if enough {
            tests(&values, cramp_days, other_days)
        } else {
            vec![None; values.len()]
        };
        let measures = Measure::ALL
            .into_iter()
            .zip(values.iter().zip(tests))
            .map(|(measure, ((cramp, other), test))| {
                let (cramp, other) = (Group::of(cramp), Group::of(other));
                let verdict = match test {
                    None => Verdict::TooFewDays,
                    Some(t) if t.p_value < ALPHA => Verdict::UnlikelyChance,
                    Some(_) => Verdict::CouldBeChance,
                };
                MeasureComparison {
                    view,
                    measure,
                    cramp,
                    other,
                    test,
                    verdict,
                }
            })
            .collect();
        CrampComparison {
            period,
            view,
            cramp_days,
            other_days,
            left_out_days: period.days() - counted.len(),
            measures,
        }
    }

    /// Whether both groups have at least [`MIN_GROUP_DAYS`] days.
    pub fn enough_days(&self) -> bool {
        self.cramp_days >= MIN_GROUP_DAYS && self.other_days >= MIN_GROUP_DAYS
    }

    /// The measure `measure`.
    pub fn get(&self, measure: Measure) -> Option<&MeasureComparison> {
        self.measures.iter().find(|m| m.measure == measure)
    }

    /// What the comparison stands on, in one sentence: the group sizes, or
    /// why there is nothing to compare.
    pub fn headline(&self) -> String {
        let counted = self.cramp_days + self.other_days;
        let sizes = format!(
            "{} and {}",
            self.view.group_days(self.cramp_days),
            count(self.other_days, "other day", "other days")
        );
        let next_day = match self.view {
            View::SameDay => "",
            View::DayBefore => " (a day counts only when the next day is recorded)",
        };
        if counted == 0 {
            format!("No days with food logged in this period{next_day}, so there is nothing to compare.")
        } else if self.cramp_days == 0 {
            format!(
                "No {} with food logged in this period, so there is nothing to compare.",
                self.view.of()
            )
        } else if self.other_days == 0 {
            format!("Every day with food logged is one of the {}{next_day}, so there are no other days to compare with.", self.view.of())
        } else if !self.enough_days() {
            format!("Too few days to compare: {sizes} with food logged{next_day}; at least {MIN_GROUP_DAYS} of each are needed.")
        } else {
            format!("Compared: {sizes} with food logged{next_day}.")
        }
    }
}

/// The permutation tests of every measure: those known on every counted
/// day share one set of splits; the others are tested alone.
fn tests(
    values: &[(Vec<f64>, Vec<f64>)],
    cramp_days: usize,
    other_days: usize,
) -> Vec<Option<TestResult>> {
    let complete: Vec<usize> = (0..values.len())
        .filter(|&i| values[i].0.len() == cramp_days && values[i].1.len() == other_days)
        .collect();
    // Row after row: each counted day's values of the complete measures.
    let rows = |cramp_group: bool, days: usize| {
        let mut rows = Vec::with_capacity(days * complete.len());
        for d in 0..days {
            rows.extend(complete.iter().map(|&i| {
                let (cramp, other) = &values[i];
                if cramp_group {
                    cramp[d]
                } else {
                    other[d]
                }
            }));
        }
        rows
    };
    let mut results = vec![None; values.len()];
    if !complete.is_empty() {
        let shared = permutation_tests(
            &rows(true, cramp_days),
            &rows(false, other_days),
            complete.len(),
        );
        for (&i, r) in complete.iter().zip(shared) {
            results[i] = Some(r);
        }
    }
    for (i, (cramp, other)) in values.iter().enumerate() {
        if results[i].is_none() && cramp.len() >= MIN_GROUP_DAYS && other.len() >= MIN_GROUP_DAYS {
            results[i] = Some(permutation_test(cramp, other));
        }
    }
    results
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diary::day::{Activity, DayEntry};
    use crate::insights::day_figures::test_diaries::{day_n, spinach_day, with_cramp};
    use crate::insights::permutation::Method;
    use crate::planning::plan::test_table::table;

    const K: Measure = Measure::Intake(Nutrient::Potassium);

    fn compare(diary: &Diary, first: i32, last: i32, view: View) -> CrampComparison {
        let period = Period::new(day_n(first), day_n(last)).unwrap();
        CrampComparison::compute(diary, &table(), period, view)
    }

    /// 60 days: a cramp every 4th day (15 days) after 80–100 g of spinach,
    /// 230–270 g on the 45 other days.
    fn sixty_days() -> Diary {
        let mut diary = Diary::default();
        for i in 0..60 {
            let day = if i % 4 == 0 {
                with_cramp(spinach_day(80.0 + f64::from(i % 3) * 10.0))
            } else {
                spinach_day(230.0 + f64::from(i % 5) * 10.0)
            };
            diary.set_day(day_n(i), day).unwrap();
        }
        diary
    }

    #[test]
    fn sixty_days_with_less_potassium_on_cramp_days() {
        let diary = sixty_days();
        let c = compare(&diary, 0, 59, View::SameDay);
        assert_eq!((c.cramp_days, c.other_days, c.left_out_days), (15, 45, 0));
        assert!(c.enough_days());
        assert_eq!(
            c.headline(),
            "Compared: 15 cramp days and 45 other days with food logged."
        );
        let k = c.get(K).unwrap();
        let cramp_grams: f64 = (0..60)
            .step_by(4)
            .map(|i| 80.0 + f64::from(i % 3) * 10.0)
            .sum::<f64>()
            / 15.0;
        let other_grams: f64 = (0..60)
            .filter(|i| i % 4 != 0)
            .map(|i| 230.0 + f64::from(i % 5) * 10.0)
            .sum::<f64>()
            / 45.0;
        assert!((k.cramp.mean.unwrap() - cramp_grams * 5.58).abs() < 1e-6);
        assert!((k.other.mean.unwrap() - other_grams * 5.58).abs() < 1e-6);
        assert!(k.difference().unwrap() < -700.0);
        assert_eq!(k.verdict, Verdict::UnlikelyChance);
        let test = k.test.unwrap();
        assert_eq!(
            test.method,
            Method::MonteCarlo {
                permutations: 2_000
            }
        );
        assert!((test.p_value - 1.0 / 2_001.0).abs() < 1e-12);
        let text = k.text();
        assert!(
            text.starts_with("On cramp days you had on average "),
            "{text}"
        );
        assert!(text.contains(" mg less potassium than on other days (15 cramp days, 45 other days). That is unlikely to be chance alone (p < 0.001)."), "{text}");
        // Nothing else differs in activity: all days tie.
        let ex = c.get(Measure::ExerciseMinutes).unwrap();
        assert_eq!(ex.verdict, Verdict::CouldBeChance);
        assert_eq!(ex.test.unwrap().p_value, 1.0);
        assert_eq!(ex.text(), "On cramp days you had on average about the same exercise as on other days (15 cramp days, 45 other days). That could well be chance (p = 1).");
        assert_eq!(c.get(Measure::HotWeather).unwrap().text(), "Hot weather was noted on 0 % of cramp days and 0 % of other days (15 cramp days, 45 other days). That could well be chance (p = 1).");
        assert_eq!(c.measures.len(), 9);
    }

    #[test]
    fn the_day_before_pairs_days_with_the_next_recorded_one() {
        let diary = sixty_days();
        let c = compare(&diary, 0, 59, View::DayBefore);
        // Days 3, 7, …, 55 come before a cramp; day 59 has no next day here.
        assert_eq!((c.cramp_days, c.other_days, c.left_out_days), (14, 45, 1));
        let k = c.get(K).unwrap();
        // Before a cramp is a day of much spinach: more potassium.
        assert!(k.difference().unwrap() > 0.0);
        assert!(
            k.text()
                .starts_with("On days before a cramp you had on average "),
            "{}",
            k.text()
        );
        assert!(
            k.text().contains("(14 days before a cramp, 45 other days)"),
            "{}",
            k.text()
        );
        assert!(
            c.headline()
                .ends_with("(a day counts only when the next day is recorded)."),
            "{}",
            c.headline()
        );
        // A next day with nothing recorded leaves its day out.
        let mut gappy = Diary::default();
        gappy.set_day(day_n(0), spinach_day(100.0)).unwrap();
        gappy.set_day(day_n(2), spinach_day(100.0)).unwrap();
        gappy
            .set_day(day_n(3), with_cramp(DayEntry::new()))
            .unwrap();
        let c = compare(&gappy, 0, 3, View::DayBefore);
        assert_eq!((c.cramp_days, c.other_days, c.left_out_days), (1, 0, 3));
    }

    #[test]
    fn no_cramps_all_cramps_and_empty_periods_compare_nothing() {
        let mut none = Diary::default();
        let mut all = Diary::default();
        for i in 0..30 {
            none.set_day(day_n(i), spinach_day(100.0 + f64::from(i)))
                .unwrap();
            all.set_day(day_n(i), with_cramp(spinach_day(100.0 + f64::from(i))))
                .unwrap();
        }
        let c = compare(&none, 0, 29, View::SameDay);
        assert_eq!((c.cramp_days, c.other_days), (0, 30));
        assert_eq!(
            c.headline(),
            "No cramp days with food logged in this period, so there is nothing to compare."
        );
        assert!(c
            .measures
            .iter()
            .all(|m| m.verdict == Verdict::TooFewDays && m.test.is_none()));
        let k = c.get(K).unwrap();
        assert_eq!(
            k.cramp,
            Group {
                days: 0,
                mean: None
            }
        );
        assert_eq!(k.difference(), None);
        assert_eq!(k.text(), "Too few days to compare potassium: 0 cramp days and 30 other days; at least 5 of each are needed.");
        let c = compare(&all, 0, 29, View::SameDay);
        assert_eq!((c.cramp_days, c.other_days), (30, 0));
        assert_eq!(c.headline(), "Every day with food logged is one of the cramp days, so there are no other days to compare with.");
        assert!(c.measures.iter().all(|m| m.verdict == Verdict::TooFewDays));
        let empty = compare(&Diary::default(), 0, 29, View::SameDay);
        assert_eq!(
            (empty.cramp_days, empty.other_days, empty.left_out_days),
            (0, 0, 30)
        );
        assert_eq!(
            empty.headline(),
            "No days with food logged in this period, so there is nothing to compare."
        );
        let one = compare(&all, 5, 5, View::SameDay);
        assert_eq!((one.cramp_days, one.other_days), (1, 0));
        let one_before = compare(&all, 5, 5, View::DayBefore);
        assert_eq!(
            (
                one_before.cramp_days,
                one_before.other_days,
                one_before.left_out_days
            ),
            (0, 0, 1)
        );
    }

    #[test]
    fn four_cramp_days_are_too_few_and_five_are_enough() {
        let mut diary = Diary::default();
        for i in 0..10 {
            // Days 0..5 cramp days of 100..104 g, days 5..10 of 200..204 g.
            let grams = if i < 5 { 100.0 } else { 200.0 } + f64::from(i % 5);
            let day = spinach_day(grams);
            diary
                .set_day(day_n(i), if i < 5 { with_cramp(day) } else { day })
                .unwrap();
        }
        let four = compare(&diary, 1, 9, View::SameDay);
        assert_eq!((four.cramp_days, four.other_days), (4, 5));
        assert!(!four.enough_days());
        assert_eq!(four.headline(), "Too few days to compare: 4 cramp days and 5 other days with food logged; at least 5 of each are needed.");
        assert_eq!(four.get(K).unwrap().verdict, Verdict::TooFewDays);
        let five = compare(&diary, 0, 9, View::SameDay);
        let k = five.get(K).unwrap();
        // 252 splits, only the observed one and its mirror as extreme.
        assert_eq!(k.test.unwrap().method, Method::Exact { splits: 252 });
        assert!((k.test.unwrap().p_value - 2.0 / 252.0).abs() < 1e-12);
        assert_eq!(k.verdict, Verdict::UnlikelyChance);
        assert!(k.text().contains("558 mg less potassium"), "{}", k.text());
        assert!(
            k.text()
                .ends_with("That is unlikely to be chance alone (p = 0.008)."),
            "{}",
            k.text()
        );
    }

    #[test]
    fn activity_differences_read_in_their_own_words() {
        let mut diary = Diary::default();
        for i in 0..12 {
            let mut day = spinach_day(100.0);
            let cramp = i % 2 == 0;
            day.set_activity(Activity {
                exercise_minutes: if cramp { 60.0 } else { 20.0 } + f64::from(i),
                hours_on_feet: 8.0,
                hot_weather: cramp && i < 8,
                alcohol_drinks: if cramp { 0.0 } else { 2.0 },
            })
            .unwrap();
            diary
                .set_day(day_n(i), if cramp { with_cramp(day) } else { day })
                .unwrap();
        }
        let c = compare(&diary, 0, 11, View::SameDay);
        assert_eq!((c.cramp_days, c.other_days), (6, 6));
        let text = |m| c.get(m).unwrap().text();
        assert!(text(Measure::ExerciseMinutes).starts_with("On cramp days you had on average 39 min more exercise than on other days (6 cramp days, 6 other days). That is unlikely to be chance alone (p = 0.002)."), "{}", text(Measure::ExerciseMinutes));
        assert!(
            text(Measure::HoursOnFeet)
                .starts_with("On cramp days you had on average about the same hours on your feet"),
            "{}",
            text(Measure::HoursOnFeet)
        );
        assert!(
            text(Measure::AlcoholDrinks)
                .starts_with("On cramp days you had on average 2 fewer alcoholic drinks than"),
            "{}",
            text(Measure::AlcoholDrinks)
        );
        assert!(
            text(Measure::HotWeather)
                .starts_with("Hot weather was noted on 67 % of cramp days and 0 % of other days"),
            "{}",
            text(Measure::HotWeather)
        );
        // Identical potassium every day: a tie, p = 1.
        assert_eq!(c.get(K).unwrap().test.unwrap().p_value, 1.0);
        assert_eq!(Measure::HotWeather.format(0.4), "40 % of days");
        assert_eq!(Measure::Intake(Nutrient::Water).label(), "Fluids");
        for v in View::ALL {
            assert_eq!(View::from_key(v.key()), Some(v));
        }
        assert!(
            !CAVEAT.contains('\n') && CAVEAT.contains("doctor") && CAVEAT.contains("not a cause")
        );
    }

    #[test]
    fn p_values_read_plainly() {
        assert_eq!(p_text(0.3149), "p = 0.31");
        assert_eq!(p_text(0.0504), "p = 0.05");
        assert_eq!(p_text(0.0041), "p = 0.004");
        assert_eq!(p_text(0.0001), "p < 0.001");
        assert_eq!(p_text(1.0), "p = 1");
    }
}
