//! The summary for a doctor: what a print view of a chosen period needs.
//! Who the targets are for and where each target comes from, the period's
//! averages against them (each saying over how many logged days), the
//! cramp log, the comparison of cramp days with other days (both views)
//! and the supplements taken.

use std::collections::BTreeMap;

use crate::diary::date::Date;
use crate::diary::day::CrampEpisode;
use crate::diary::settings::ProfileAnswer;
use crate::diary::Diary;
use crate::foods::food_table::FoodTable;
use crate::insights::cramp_days::{CrampComparison, View};
use crate::insights::day_figures::period_figures;
use crate::insights::period::Period;
use crate::insights::trends::PeriodAverage;
use crate::planning::plan::Entry;
use crate::targets::daily_targets::{DailyTarget, TARGET_NUTRIENTS};
use crate::targets::dri::Sex;
use crate::targets::profile::Profile;
use crate::units::format::{count, format_number};

/// One cramp episode of the log, with its date.
#[derive(Debug, Clone, PartialEq)]
pub struct CrampLogEntry {
    /// The day it was logged on.
    pub date: Date,
    /// The episode (its `where_text`, `helped_text` and
    /// `warning_signs_text` word it).
    pub episode: CrampEpisode,
}

/// One supplement taken in the period.
#[derive(Debug, Clone, PartialEq)]
pub struct SupplementUse {
    /// Its name: "Magnesium citrate", "Electrolyte drink: LMNT".
    pub name: String,
    /// On how many days of the period it was taken.
    pub days: usize,
    /// The median of the amount taken on those days, in [`SupplementUse::unit`].
    pub typical: f64,
    /// "mg" (elemental), "tablets" or "servings".
    pub unit: &'static str,
}

impl SupplementUse {
    /// "Magnesium citrate: on 24 days, typically 200 mg a day".
    pub fn text(&self) -> String {
        let amount = format_number(self.typical, 1);
        let unit = match (self.unit, amount.as_str()) {
            ("tablets", "1") => "tablet",
            ("servings", "1") => "serving",
            (unit, _) => unit,
        };
        format!(
            "{}: on {}, typically {amount} {unit} a day",
            self.name,
            count(self.days, "day", "days")
        )
    }
}

/// Everything the doctor's print view shows, for one period.
#[derive(Debug, Clone, PartialEq)]
pub struct DoctorSummary {
    /// The period.
    pub period: Period,
    /// Who the targets are for.
    pub profile: Profile,
    /// Whether the person gave their profile (else the targets are for the
    /// default adult).
    pub profile_given: bool,
    /// The DRI group of the profile: "Women 31–50 years".
    pub dri_group: String,
    /// The targets in use; each one's `source_text` says where it comes from.
    pub targets: Vec<DailyTarget>,
    /// Days of the period with anything recorded.
    pub recorded_days: usize,
    /// Days of the period with food logged.
    pub food_logged_days: usize,
    /// The period's averages, in [`TARGET_NUTRIENTS`] order.
    pub averages: Vec<PeriodAverage>,
    /// Every cramp episode of the period, oldest day first, in logged order.
    pub cramps: Vec<CrampLogEntry>,
    /// How many days of the period have a cramp logged.
    pub cramp_days: usize,
    /// Cramp days against other days.
    pub same_day: CrampComparison,
    /// The day before a cramp against other days.
    pub day_before: CrampComparison,
    /// The supplements taken, most days first (then by name).
    pub supplements: Vec<SupplementUse>,
}

impl DoctorSummary {
    /// The summary of `period` in `diary`.
    pub fn compute(diary: &Diary, table: &FoodTable, period: Period) -> DoctorSummary {
        let figures = period_figures(diary, table, period);
        let settings = diary.settings();
        let targets = settings.targets();
        let mut cramps = Vec::new();
        // (name, unit) → the amount taken on each day it was taken.
        let mut taken: BTreeMap<(String, &'static str), Vec<f64>> = BTreeMap::new();
        for date in period.dates() {
            let day = diary.day(date);
            cramps.extend(day.cramps().iter().map(|episode| CrampLogEntry {
                date,
                episode: episode.clone(),
            }));
            let mut today: BTreeMap<(String, &'static str), f64> = BTreeMap::new();
            for (_, item) in day.plan().iter() {
                if let Entry::Supplement(s) = &item.entry {
                    *today.entry((s.name(), s.amount_unit())).or_default() += s.amount();
                }
            }
            for (key, amount) in today {
                taken.entry(key).or_default().push(amount);
            }
        }
        let mut supplements: Vec<SupplementUse> = taken
            .into_iter()
            .map(|((name, unit), amounts)| SupplementUse {
                name,
                days: amounts.len(),
                typical: median(amounts),
                unit,
            })
            .collect();
        supplements.sort_by(|a, b| b.days.cmp(&a.days).then_with(|| a.name.cmp(&b.name)));
        DoctorSummary {
            period,
            profile: *targets.profile(),
            profile_given: settings.profile_answer() == ProfileAnswer::Given,
            dri_group: targets.row().describe(),
            targets: targets.all(),
            recorded_days: figures.iter().filter(|f| f.recorded).count(),
            food_logged_days: figures.iter().filter(|f| f.food_logged).count(),
            averages: TARGET_NUTRIENTS
                .into_iter()
                .map(|n| PeriodAverage::over(&figures, n, targets))
                .collect(),
            cramp_days: figures.iter().filter(|f| f.cramps > 0).count(),
            cramps,
            same_day: CrampComparison::from_figures(&figures, period, View::SameDay),
            day_before: CrampComparison::from_figures(&figures, period, View::DayBefore),
            supplements,
        }
    }

    /// Who the targets are for: "Women 31–50 years (age 34, female)",
    /// "… (age 30, pregnant)"; for a profile not given, "… (the default
    /// profile: no age or sex was given)".
    pub fn profile_text(&self) -> String {
        if !self.profile_given {
            return format!(
                "{} (the default profile: no age or sex was given)",
                self.dri_group
            );
        }
        let p = &self.profile;
        let age = if p.age_years() < 1.0 {
            format!("{} months", format_number(p.age_years() * 12.0, 0))
        } else {
            format_number(p.age_years(), 1)
        };
        let who = match (p.stage(), p.sex()) {
            (Some(stage), _) => stage.label().to_ascii_lowercase(),
            (None, Sex::Female) => "female".to_owned(),
            (None, Sex::Male) => "male".to_owned(),
        };
        format!("{} (age {age}, {who})", self.dri_group)
    }

    /// How much was logged: "Food logged on 52 of 60 days; cramps on 12
    /// days (15 episodes)."
    pub fn logging_text(&self) -> String {
        let cramps = match self.cramp_days {
            0 => "no cramps logged".to_owned(),
            n => format!(
                "cramps on {} ({})",
                count(n, "day", "days"),
                count(self.cramps.len(), "episode", "episodes")
            ),
        };
        format!(
            "Food logged on {} of {}; {cramps}.",
            self.food_logged_days,
            count(self.period.days(), "day", "days")
        )
    }
}

/// The middle value (the mean of the two middle ones for an even count);
/// `values` is never empty here.
fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    let mid = values.len() / 2;
    if values.len().is_multiple_of(2) {
        (values[mid - 1] + values[mid]) / 2.0
    } else {
        values[mid]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diary::day::{test_days::calf_cramp, DayEntry};
    use crate::foods::nutrient::Nutrient;
    use crate::insights::day_figures::test_diaries::{day_n, spinach_day, with_cramp};
    use crate::planning::plan::Meal;
    use crate::planning::supplements::{MagnesiumForm, Supplement};
    use crate::targets::daily_targets::{DailyTargets, TargetSource};
    use crate::targets::dri::nasem;
    use crate::targets::profile::Stage;

    fn magnesium(day: &mut DayEntry, mg: f64) {
        day.plan_mut()
            .add_supplement(
                Meal::Dinner,
                Supplement::Magnesium {
                    form: MagnesiumForm::Glycinate,
                    elemental_mg: mg,
                },
            )
            .unwrap();
    }

    #[test]
    fn a_period_summarised_for_the_doctor() {
        let mut diary = Diary::default();
        for i in 0..10 {
            let mut day = spinach_day(100.0);
            if i < 3 {
                magnesium(&mut day, 200.0);
            }
            if i == 2 {
                magnesium(&mut day, 100.0);
            }
            let day = if i % 3 == 0 { with_cramp(day) } else { day };
            diary.set_day(day_n(i), day).unwrap();
        }
        let mut two = DayEntry::new();
        two.add_cramp(calf_cramp()).unwrap();
        two.add_cramp(calf_cramp()).unwrap();
        diary.set_day(day_n(11), two).unwrap();
        let period = Period::new(day_n(0), day_n(11)).unwrap();
        let s = DoctorSummary::compute(&diary, &crate::planning::plan::test_table::table(), period);
        assert_eq!((s.recorded_days, s.food_logged_days), (11, 10));
        assert_eq!(s.cramp_days, 5);
        assert_eq!(s.cramps.len(), 6);
        assert_eq!(s.cramps[0].date, day_n(0));
        assert_eq!(s.cramps[5].date, day_n(11));
        assert_eq!(
            s.logging_text(),
            "Food logged on 10 of 12 days; cramps on 5 days (6 episodes)."
        );
        assert_eq!(s.averages.len(), 5);
        let k = &s.averages[0];
        assert_eq!(
            (k.nutrient, k.logged_days, k.days),
            (Nutrient::Potassium, 10, 12)
        );
        // Magnesium: food on 10 days, plus the supplement on 3.
        let mg = s.averages[1].mean.unwrap();
        assert!((mg - (79.0 * 10.0 + 700.0) / 10.0).abs() < 1e-9);
        assert_eq!(s.supplements.len(), 1);
        let m = &s.supplements[0];
        assert_eq!(
            (m.name.as_str(), m.days, m.typical, m.unit),
            ("Magnesium glycinate", 3, 200.0, "mg")
        );
        assert_eq!(
            m.text(),
            "Magnesium glycinate: on 3 days, typically 200 mg a day"
        );
        assert_eq!(s.targets.len(), 5);
        assert_eq!(
            s.targets[0].source,
            TargetSource::Dri(crate::targets::daily_targets::DriKind::Ai)
        );
        assert!(s.targets[0]
            .source_text()
            .contains("National Academies 2019"));
        assert!(!s.profile_given);
        assert!(
            s.profile_text()
                .ends_with("(the default profile: no age or sex was given)"),
            "{}",
            s.profile_text()
        );
        // 4 cramp days with food: too few for a difference in either view.
        assert_eq!((s.same_day.cramp_days, s.same_day.other_days), (4, 6));
        assert!(!s.same_day.enough_days());
        assert_eq!(s.day_before.view, View::DayBefore);
    }

    #[test]
    fn the_profile_is_named_and_an_empty_period_is_said() {
        let mut diary = Diary::default();
        let profile = Profile::new(30.0, Sex::Female, Some(Stage::Pregnant)).unwrap();
        diary
            .settings_mut()
            .set_targets(DailyTargets::new(profile, nasem()).unwrap());
        diary
            .settings_mut()
            .set_profile_answer(ProfileAnswer::Given);
        let period = Period::new(day_n(0), day_n(0)).unwrap();
        let s = DoctorSummary::compute(&diary, &crate::planning::plan::test_table::table(), period);
        assert_eq!(s.profile_text(), "Pregnancy 19–30 years (age 30, pregnant)");
        assert_eq!(
            s.logging_text(),
            "Food logged on 0 of 1 day; no cramps logged."
        );
        assert!(s.supplements.is_empty() && s.cramps.is_empty());
        assert!(s.averages.iter().all(|a| a.mean.is_none()));
        let male = Profile::new(0.5, Sex::Male, None).unwrap();
        diary
            .settings_mut()
            .set_targets(DailyTargets::new(male, nasem()).unwrap());
        let s = DoctorSummary::compute(&diary, &crate::planning::plan::test_table::table(), period);
        assert!(
            s.profile_text().ends_with("(age 6 months, male)"),
            "{}",
            s.profile_text()
        );
    }

    #[test]
    fn supplement_amounts_read_with_their_units() {
        let tablets = SupplementUse {
            name: "Potassium tablets (99 mg)".into(),
            days: 1,
            typical: 1.0,
            unit: "tablets",
        };
        assert_eq!(
            tablets.text(),
            "Potassium tablets (99 mg): on 1 day, typically 1 tablet a day"
        );
        assert_eq!(median(vec![3.0, 1.0, 2.0, 10.0]), 2.5);
        assert_eq!(median(vec![5.0]), 5.0);
    }
}
