//! The diary: every day's plan, cramps, activity and notes by date, with
//! the settings they are measured against, plus fast re-entry (copying a
//! meal or a day, recent and favourite foods) and each day's coverage of
//! its targets for the calendar.
//!
//! Storage in the browser ([`storage`]) and export/import ([`backup`])
//! work on this type; dates whose stored bytes could not be read are
//! *locked* here so nothing overwrites them.

pub mod backup;
pub mod date;
pub mod day;
pub mod settings;
pub mod storage;
pub mod warning_signs;

#[cfg(test)]
mod proptests;

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::sync::LazyLock;

use crate::foods::food::NdbNumber;
use crate::foods::food_table::FoodTable;
use crate::foods::mine::{MyFoodId, MyFoods};
use crate::planning::plan::{DayPlan, Entry, Meal, PlanError};
use crate::planning::progress::{day_progress, Progress};
use crate::planning::totals::{DayTotals, WaterCounting};
use crate::targets::daily_targets::DailyTargets;

use date::Date;
use day::DayEntry;
use settings::{FavouritesFull, Settings};

/// Why a diary change was refused; the diary is left as it was. Every
/// message can be shown as is.
#[derive(Debug, Clone, PartialEq)]
pub enum DiaryError {
    /// The stored data of this date could not be read; it is kept aside
    /// and nothing may overwrite it.
    Locked(Date),
    /// The plan refused the change (e.g. the day is full).
    Plan(PlanError),
    /// Too many favourites.
    Favourites(FavouritesFull),
}

impl fmt::Display for DiaryError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DiaryError::Locked(date) => write!(
                f,
                "The saved data for {date} could not be read, so it is kept as it is and cannot be changed here. Download it from the storage problems notice."
            ),
            DiaryError::Plan(e) => e.fmt(f),
            DiaryError::Favourites(e) => e.fmt(f),
        }
    }
}

impl std::error::Error for DiaryError {}

impl From<PlanError> for DiaryError {
    fn from(e: PlanError) -> DiaryError {
        DiaryError::Plan(e)
    }
}

/// Every day with something recorded, the settings, and the dates locked
/// because their stored data could not be read.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Diary {
    days: BTreeMap<Date, DayEntry>,
    settings: Settings,
    locked: BTreeSet<Date>,
    /// The own foods and recipes.
    mine: MyFoods,
}

/// What [`Diary::day`] returns for a date with nothing recorded.
static EMPTY_DAY: LazyLock<DayEntry> = LazyLock::new(DayEntry::new);

impl Diary {
    /// An empty diary with these settings.
    pub fn new(settings: Settings) -> Diary {
        Diary {
            settings,
            ..Diary::default()
        }
    }

    /// The day at `date`; an empty day when nothing is recorded.
    pub fn day(&self, date: Date) -> &DayEntry {
        self.days.get(&date).unwrap_or(&EMPTY_DAY)
    }

    /// Every day with something recorded, oldest first.
    pub fn days(&self) -> impl DoubleEndedIterator<Item = (Date, &DayEntry)> + '_ {
        self.days.iter().map(|(&date, day)| (date, day))
    }

    /// How many days have something recorded.
    pub fn len(&self) -> usize {
        self.days.len()
    }

    /// Whether no day has anything recorded.
    pub fn is_empty(&self) -> bool {
        self.days.is_empty()
    }

    /// Replaces the day at `date` (an empty day removes it). Refused for a
    /// locked date.
    pub fn set_day(&mut self, date: Date, day: DayEntry) -> Result<(), DiaryError> {
        if self.is_locked(date) {
            return Err(DiaryError::Locked(date));
        }
        self.put(date, day);
        Ok(())
    }

    /// Sets the day without the lock check.
    fn put(&mut self, date: Date, day: DayEntry) {
        if day.is_empty() {
            self.days.remove(&date);
        } else {
            self.days.insert(date, day);
        }
    }

    /// Whether `date`'s stored data could not be read and must not be
    /// overwritten.
    pub fn is_locked(&self, date: Date) -> bool {
        self.locked.contains(&date)
    }

    /// The locked dates, oldest first.
    pub fn locked(&self) -> impl Iterator<Item = Date> + '_ {
        self.locked.iter().copied()
    }

    /// Locks `date`: its stored data is unreadable. Whatever the diary held
    /// for it is dropped, since it is not what is stored.
    pub(crate) fn lock(&mut self, date: Date) {
        self.days.remove(&date);
        self.locked.insert(date);
    }

    /// Unlocks `date` and sets its day: readable data arrived for it.
    pub(crate) fn unlock_with(&mut self, date: Date, day: DayEntry) {
        self.locked.remove(&date);
        self.put(date, day);
    }

    /// The settings.
    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    /// The settings, to change.
    pub fn settings_mut(&mut self) -> &mut Settings {
        &mut self.settings
    }

    /// The own foods and recipes.
    pub fn mine(&self) -> &MyFoods {
        &self.mine
    }

    /// The own foods and recipes, to change.
    pub fn mine_mut(&mut self) -> &mut MyFoods {
        &mut self.mine
    }

    /// The days (oldest first) with items planned from the own food or
    /// recipe `id`, and how many items each: for "also update the 12 past
    /// days that use it". Locked days are not among them.
    pub fn days_using(&self, id: MyFoodId) -> Vec<(Date, usize)> {
        self.days
            .iter()
            .map(|(&date, day)| (date, day.plan().uses_mine(id)))
            .filter(|&(_, n)| n > 0)
            .collect()
    }

    /// The explicit "also update the past days": brings every item planned
    /// from `id` on the days at `dates` up to date with the own food or
    /// recipe as it is now ([`DayPlan::refresh_mine`]). Returns the dates
    /// changed; locked days and days without it are left alone.
    pub fn refresh_days_using(
        &mut self,
        id: MyFoodId,
        dates: &[Date],
        table: &FoodTable,
    ) -> Vec<Date> {
        let mut changed = Vec::new();
        for &date in dates {
            if self.is_locked(date) {
                continue;
            }
            let Some(day) = self.days.get_mut(&date) else {
                continue;
            };
            if day.plan_mut().refresh_mine(id, &self.mine, table) > 0 {
                changed.push(date);
            }
        }
        changed
    }

    /// Changes the plan of `date` with `change`, all or nothing.
    fn change_plan(
        &mut self,
        date: Date,
        change: impl FnOnce(&mut DayPlan) -> Result<(), PlanError>,
    ) -> Result<(), DiaryError> {
        if self.is_locked(date) {
            return Err(DiaryError::Locked(date));
        }
        let mut day = self.day(date).clone();
        change(day.plan_mut())?;
        self.put(date, day);
        Ok(())
    }

    /// Copies the meal plan of `from` to `to`: every item is **appended**
    /// to the same meal of `to`, with fresh ids, so nothing already on `to`
    /// is lost. Cramps, activity and notes are not copied (they belong to
    /// their day). All or nothing: refused if `to` is locked or would hold
    /// more than [`crate::planning::plan::MAX_ITEMS`].
    pub fn copy_day(&mut self, from: Date, to: Date) -> Result<(), DiaryError> {
        let source = self.day(from).plan().clone();
        self.change_plan(to, |plan| {
            for (meal, item) in source.iter() {
                plan.add_copy(meal, item)?;
            }
            Ok(())
        })
    }

    /// Appends the items of `from_meal` on `from` to `to_meal` on `to`,
    /// with fresh ids; all or nothing, like [`Diary::copy_day`].
    pub fn copy_meal(
        &mut self,
        from: Date,
        from_meal: Meal,
        to: Date,
        to_meal: Meal,
    ) -> Result<(), DiaryError> {
        let items = self.day(from).plan().items(from_meal).to_vec();
        self.change_plan(to, |plan| {
            for item in &items {
                plan.add_copy(to_meal, item)?;
            }
            Ok(())
        })
    }

    /// Up to `limit` distinct foods, most recently used first: newest days
    /// first, and within a day the last meal's last item first.
    pub fn recent_foods(&self, limit: usize) -> Vec<NdbNumber> {
        let mut seen = BTreeSet::new();
        let mut recent = Vec::new();
        for (_, day) in self.days.iter().rev() {
            let plan = day.plan();
            for meal in Meal::ALL.into_iter().rev() {
                for item in plan.items(meal).iter().rev() {
                    if recent.len() >= limit {
                        return recent;
                    }
                    if let Entry::Food(food) = &item.entry {
                        if seen.insert(food.ndb) {
                            recent.push(food.ndb);
                        }
                    }
                }
            }
        }
        recent
    }

    /// Marks `ndb` a favourite or unmarks it; see [`Settings::toggle_favourite`].
    pub fn toggle_favourite(&mut self, ndb: NdbNumber) -> Result<bool, DiaryError> {
        self.settings
            .toggle_favourite(ndb)
            .map_err(DiaryError::Favourites)
    }

    /// How `date`'s plan stands against `targets`, one [`Progress`] per
    /// target in [`crate::targets::daily_targets::TARGET_NUTRIENTS`] order (the four
    /// minerals and water; `percent / 100` is the fraction met), for the
    /// calendar. `None` when the day has no item: nothing was recorded,
    /// which is not 0 %.
    pub fn coverage(
        &self,
        date: Date,
        table: &FoodTable,
        targets: &DailyTargets,
    ) -> Option<Vec<Progress>> {
        let plan = self.days.get(&date)?.plan();
        if plan.is_empty() {
            return None;
        }
        let totals = DayTotals::compute(plan, table, WaterCounting::default());
        Some(day_progress(targets, &totals))
    }
}

#[cfg(test)]
mod tests {
    use super::date::date;
    use super::day::test_days::calf_cramp;
    use super::*;
    use crate::foods::nutrient::Nutrient;
    use crate::planning::plan::test_table::{ndb, table};
    use crate::planning::plan::{FoodUnit, MAX_ITEMS};
    use crate::planning::progress::Status;
    use crate::units::amount::MassUnit;
    use crate::units::volume::VolumeUnit;

    fn food_day(foods: &[(Meal, u32)]) -> DayEntry {
        let t = table();
        let mut day = DayEntry::new();
        for &(meal, n) in foods {
            day.plan_mut()
                .add_food(meal, ndb(n), 100.0, FoodUnit::Mass(MassUnit::Gram), &t)
                .unwrap();
        }
        day
    }

    #[test]
    fn days_default_to_empty_and_empty_days_are_not_kept() {
        let mut diary = Diary::default();
        let d = date("2026-11-29");
        assert!(diary.day(d).is_empty());
        diary.set_day(d, food_day(&[(Meal::Lunch, 9040)])).unwrap();
        assert_eq!(diary.len(), 1);
        assert_eq!(diary.day(d).plan().len(), 1);
        diary.set_day(d, DayEntry::new()).unwrap();
        assert!(diary.is_empty());
    }

    #[test]
    fn locked_dates_refuse_every_change() {
        let mut diary = Diary::default();
        let d = date("2026-11-29");
        let other = date("2026-11-28");
        diary
            .set_day(other, food_day(&[(Meal::Lunch, 9040)]))
            .unwrap();
        diary.lock(d);
        let before = diary.clone();
        assert_eq!(diary.set_day(d, food_day(&[])), Err(DiaryError::Locked(d)));
        assert_eq!(diary.copy_day(other, d), Err(DiaryError::Locked(d)));
        assert_eq!(
            diary.copy_meal(other, Meal::Lunch, d, Meal::Dinner),
            Err(DiaryError::Locked(d))
        );
        assert_eq!(diary, before);
        assert!(DiaryError::Locked(d).to_string().contains("2026-11-29"));
        assert_eq!(diary.locked().collect::<Vec<_>>(), [d]);
        diary.unlock_with(d, food_day(&[(Meal::Snacks, 11457)]));
        assert!(!diary.is_locked(d));
        assert_eq!(diary.len(), 2);
    }

    #[test]
    fn copying_appends_with_fresh_ids() {
        let mut diary = Diary::default();
        let (a, b) = (date("2026-11-28"), date("2026-11-29"));
        let mut source = food_day(&[(Meal::Breakfast, 9040), (Meal::Lunch, 11457)]);
        source.add_cramp(calf_cramp()).unwrap();
        source.set_notes("cramp at night").unwrap();
        diary.set_day(a, source).unwrap();
        diary.set_day(b, food_day(&[(Meal::Lunch, 99999)])).unwrap();
        diary.copy_day(a, b).unwrap();
        let to = diary.day(b);
        assert_eq!(to.plan().len(), 3);
        let lunch: Vec<_> = to.plan().items(Meal::Lunch).iter().collect();
        assert_eq!(lunch.len(), 2);
        assert_eq!(lunch[0].id.value(), 0);
        assert_eq!(lunch[1].id.value(), 2);
        assert!(to.cramps().is_empty() && to.notes().is_empty());
        // A meal to another meal of an empty date.
        let c = date("2026-11-30");
        diary
            .copy_meal(a, Meal::Breakfast, c, Meal::Snacks)
            .unwrap();
        assert_eq!(diary.day(c).plan().items(Meal::Snacks).len(), 1);
        // Copying an empty meal to an empty date records nothing.
        let e = date("2026-12-01");
        diary.copy_meal(a, Meal::Dinner, e, Meal::Dinner).unwrap();
        assert!(diary.days().all(|(d, _)| d != e));
    }

    #[test]
    fn copying_is_all_or_nothing() {
        let mut diary = Diary::default();
        let (a, b) = (date("2026-11-28"), date("2026-11-29"));
        let mut full = DayEntry::new();
        for _ in 0..MAX_ITEMS - 1 {
            full.plan_mut()
                .add_drink(Meal::Lunch, 1.0, VolumeUnit::Glass)
                .unwrap();
        }
        diary.set_day(b, full).unwrap();
        diary
            .set_day(a, food_day(&[(Meal::Lunch, 9040), (Meal::Lunch, 11457)]))
            .unwrap();
        let before = diary.clone();
        assert_eq!(diary.copy_day(a, b), Err(DiaryError::Plan(PlanError::Full)));
        assert_eq!(diary, before);
    }

    #[test]
    fn recent_foods_are_newest_first_and_distinct() {
        let mut diary = Diary::default();
        diary
            .set_day(
                date("2026-11-27"),
                food_day(&[(Meal::Lunch, 9040), (Meal::Dinner, 99999)]),
            )
            .unwrap();
        let mut newest = food_day(&[(Meal::Breakfast, 11457), (Meal::Snacks, 9040)]);
        newest
            .plan_mut()
            .add_drink(Meal::Snacks, 1.0, VolumeUnit::Glass)
            .unwrap();
        diary.set_day(date("2026-11-29"), newest).unwrap();
        assert_eq!(diary.recent_foods(10), [ndb(9040), ndb(11457), ndb(99999)]);
        assert_eq!(diary.recent_foods(1), [ndb(9040)]);
        assert!(diary.recent_foods(0).is_empty());
    }

    #[test]
    fn favourites_toggle_through_the_diary() {
        let mut diary = Diary::default();
        assert_eq!(diary.toggle_favourite(ndb(9040)), Ok(true));
        assert_eq!(diary.settings().favourites(), [ndb(9040)]);
        assert_eq!(diary.toggle_favourite(ndb(9040)), Ok(false));
    }

    #[test]
    fn coverage_measures_the_day_against_the_targets() {
        let mut diary = Diary::default();
        let d = date("2026-11-29");
        let t = table();
        let targets = diary.settings().targets().clone();
        assert_eq!(diary.coverage(d, &t, &targets), None);
        let mut day = DayEntry::new();
        day.add_cramp(calf_cramp()).unwrap();
        diary.set_day(d, day).unwrap();
        assert_eq!(diary.coverage(d, &t, &targets), None);
        diary.set_day(d, food_day(&[(Meal::Lunch, 11457)])).unwrap();
        let coverage = diary.coverage(d, &t, &targets).unwrap();
        let k = coverage
            .iter()
            .find(|p| p.nutrient == Nutrient::Potassium)
            .unwrap();
        // 558 mg of the default adult's 2,600 mg.
        assert!((k.percent - 558.0 / 2_600.0 * 100.0).abs() < 1e-9);
        assert_eq!(k.status, Status::Below);
        assert_eq!(coverage.len(), 5);
    }
}
