//! The diary as the screens see it: the open date, its day (meal plan,
//! cramps, activity, notes), the targets, and what storage said — shared
//! through context. Every change is saved to `localStorage` at once, through
//! the domain's storage rules, and says whether it was kept
//! ([`crate::components::save_status`]).

use std::collections::BTreeSet;

use leptos::prelude::*;

use crate::catalog;
use crate::components::save_status::{NotesDraft, Saved, StorageStatus};
use crate::domain::diary::date::Date;
use crate::domain::diary::day::DayEntry;
use crate::domain::diary::settings::Settings;
use crate::domain::diary::storage::{
    self, apply_external_change, copy_unreadable_aside, start_load, DiaryReader, ExternalChange,
    LoadReport, OpenDay, SaveError, UpdateError, Updated,
};
use crate::domain::diary::Diary;
use crate::domain::foods::mine::{MyFoodId, MyFoods};
use crate::domain::foods::my_search::MySearchIndex;
use crate::domain::planning::plan::{DayPlan, PlanError};
use crate::domain::planning::progress::{day_progress, Progress};
use crate::domain::planning::totals::{DayTotals, WaterCounting};
use crate::domain::targets::daily_targets::{DailyTargets, TargetError};
use crate::storage::{
    clock_out_of_range, take_unsaved_marker, today, with_write_lock, BrowserStore,
};
use crate::timing;

/// How many stored days one slice of the background reading decodes
/// (about 5 ms in headless Chromium on this project's 2-core test machine).
const DAYS_PER_SLICE: usize = 60;

/// The diary, the open day and the targets it is measured against.
#[derive(Clone, Copy)]
pub struct Planner {
    /// The date on screen.
    pub date: RwSignal<Date>,
    /// The day on screen: what is stored, plus its pending undo.
    pub day: RwSignal<DayEntry>,
    /// The meal plan of the day on screen.
    pub plan: Memo<DayPlan>,
    /// The profile's targets, preset and overrides.
    pub targets: RwSignal<DailyTargets>,
    /// Every day recorded, the settings and the locked dates. Right after
    /// start-up it holds only the open day; the others arrive while
    /// `whole_diary_read` is false.
    pub diary: RwSignal<Diary>,
    /// Whether every stored day has been read into `diary`.
    pub whole_diary_read: RwSignal<bool>,
    /// The own foods and recipes (held by `diary`; notifies only when they
    /// change).
    pub mine: Memo<MyFoods>,
    /// The words of the own foods and recipes, for search.
    pub my_index: Memo<MySearchIndex>,
    /// Load problems and refused writes.
    pub status: RwSignal<StorageStatus>,
    /// Notes typed and refused (too long), kept while the app runs so that
    /// leaving the diary does not throw them away.
    pub notes_draft: RwSignal<Option<NotesDraft>>,
    /// The stored days not read yet.
    reader: StoredValue<DiaryReader>,
}

impl Planner {
    /// The diary as stored in this browser, open at today. Only today's
    /// day and the settings are read now; call
    /// [`Planner::read_rest_after_paint`] for the other days.
    pub fn load() -> Planner {
        let today = today();
        let (report, reader) = start_load(&mut BrowserStore, today);
        let (diary, status) = split_report(report);
        let day = RwSignal::new(diary.day(today).clone());
        let diary = RwSignal::new(diary);
        let mine = Memo::new(move |_| diary.with(|d| d.mine().clone()));
        Planner {
            date: RwSignal::new(today),
            day,
            plan: Memo::new(move |_| day.with(|d| d.plan().clone())),
            targets: RwSignal::new(diary.with_untracked(|d| d.settings().targets().clone())),
            diary,
            whole_diary_read: RwSignal::new(reader.is_done()),
            mine,
            my_index: Memo::new(move |_| mine.with(MySearchIndex::new)),
            status: RwSignal::new(status),
            notes_draft: RwSignal::new(None),
            reader: StoredValue::new(reader),
        }
    }

    /// Reads the days [`Planner::load`] left, a slice at a time between
    /// frames, starting after the next paint, so the first screen does not
    /// wait for years of diary. Measured as `diary-read` (from the start
    /// of the reading to its end) and `diary-slice` (each slice).
    pub fn read_rest_after_paint(self) {
        timing::mark("diary-read-start");
        request_animation_frame(move || self.read_next_slice());
    }

    /// One slice, then the next one after the browser had a turn.
    fn read_next_slice(self) {
        // The app may be gone (unmounted) by now.
        if self.whole_diary_read.try_get_untracked().is_none() {
            return;
        }
        timing::measure("diary-slice", || self.read_days(DAYS_PER_SLICE));
        if self.whole_diary_read.get_untracked() {
            timing::measure_from("diary-read", "diary-read-start");
        } else {
            set_timeout(move || self.read_next_slice(), Default::default());
        }
    }

    /// Reads every day not read yet, now: for what needs the whole diary
    /// (export, import).
    pub fn read_whole_diary(self) {
        self.read_days(usize::MAX);
    }

    /// Reads up to `max_days` more stored days into the diary; once every
    /// day is read, tells the diary's readers.
    fn read_days(self, max_days: usize) {
        if self.whole_diary_read.get_untracked() {
            return;
        }
        let mut found = LoadReport::new(Diary::default());
        let mut done = false;
        self.reader.update_value(|reader| {
            self.diary.update_untracked(|diary| {
                found.diary = std::mem::take(diary);
                reader.read_more(&mut BrowserStore, &mut found, max_days);
                *diary = std::mem::take(&mut found.diary);
            });
            done = reader.is_done();
        });
        // The open day is never among them: it was read at start-up.
        if !found.problems.is_empty() || found.write_error.is_some() {
            self.status.update(|s| {
                s.problems.append(&mut found.problems);
                if let Some(e) = found.write_error {
                    s.save_error = Some(e.to_string());
                }
            });
        }
        if done {
            self.whole_diary_read.set(true);
            self.diary.notify();
        }
    }

    /// Reads the diary again from storage, keeping the open date (the
    /// storage was cleared in another tab).
    fn reload(self) {
        let date = self.date.get_untracked();
        let (report, reader) = start_load(&mut BrowserStore, date);
        let (diary, status) = split_report(report);
        let reading = !self.whole_diary_read.get_untracked();
        self.targets.set(diary.settings().targets().clone());
        self.diary.set(diary);
        self.status.set(status);
        self.whole_diary_read.set(reader.is_done());
        self.reader.set_value(reader);
        self.open(date);
        // A reading in progress goes on with the new reader.
        if !reading {
            self.read_rest_after_paint();
        }
    }

    /// The planner provided by `App`.
    pub fn expect() -> Planner {
        expect_context::<Planner>()
    }

    /// Opens `date` (what is recorded for it, saved or not).
    pub fn open(self, date: Date) {
        self.date.set(date);
        self.day
            .set(self.diary.with_untracked(|d| d.day(date).clone()));
    }

    /// Applies a checked change to the day on screen and saves it, keeping
    /// what another tab saved meanwhile; `then` gets the outcome. A refused
    /// change (the domain's error, shown as is) leaves everything untouched
    /// and notifies nobody; a full storage keeps the change on screen and
    /// says it is not saved.
    ///
    /// Like every change, it runs holding the diary's write lock across
    /// tabs ([`with_write_lock`]): as soon as it is granted (at once where
    /// the browser has no Web Locks), so two tabs editing at the same moment
    /// both land. The day is the one on screen when this is called.
    pub fn change_day<T: 'static, E: 'static>(
        self,
        change: impl FnOnce(&mut DayEntry) -> Result<T, E> + 'static,
        then: impl FnOnce(Result<Saved<T>, UpdateError<E>>) + 'static,
    ) {
        self.change_day_at(self.date.get_untracked(), change, then);
    }

    /// Applies a checked change to the day at `date`, on screen or not (e.g.
    /// the target of a copy), like [`Planner::change_day`].
    pub fn change_day_at<T: 'static, E: 'static>(
        self,
        date: Date,
        change: impl FnOnce(&mut DayEntry) -> Result<T, E> + 'static,
        then: impl FnOnce(Result<Saved<T>, UpdateError<E>>) + 'static,
    ) {
        self.locked(move || then(self.change_day_now(date, change)));
    }

    /// Applies a checked change to the plan of the day on screen, like
    /// [`Planner::change_day`].
    pub fn change_plan<T: 'static>(
        self,
        change: impl FnOnce(&mut DayPlan) -> Result<T, PlanError> + 'static,
        then: impl FnOnce(Result<Saved<T>, UpdateError<PlanError>>) + 'static,
    ) {
        self.change_day(|day| change(day.plan_mut()), then);
    }

    /// Applies a checked change to the settings (targets, favourites, glass
    /// size) as stored now and saves them, like [`Planner::change_day`]:
    /// a refused change or unreadable stored settings change nothing; a
    /// full storage keeps the change on screen and says so.
    pub fn change_settings<T: 'static, E: 'static>(
        self,
        change: impl FnOnce(&mut Settings) -> Result<T, E> + 'static,
        then: impl FnOnce(Result<Saved<T>, UpdateError<E>>) + 'static,
    ) {
        self.locked(move || then(self.change_settings_now(change)));
    }

    /// Applies a checked change to the targets, like
    /// [`Planner::change_settings`].
    pub fn change_targets(
        self,
        change: impl FnOnce(&mut DailyTargets) -> Result<(), TargetError> + 'static,
        then: impl FnOnce(Result<Saved<()>, UpdateError<TargetError>>) + 'static,
    ) {
        self.change_settings(
            |settings| {
                let mut targets = settings.targets().clone();
                change(&mut targets)?;
                settings.set_targets(targets);
                Ok(())
            },
            then,
        );
    }

    /// Applies a checked change to the own foods and recipes as stored now
    /// and saves them, like [`Planner::change_settings`]: a refused change
    /// or unreadable stored foods change nothing; a full storage keeps the
    /// change on screen and says so.
    pub fn change_mine<T: 'static, E: 'static>(
        self,
        change: impl FnOnce(&mut MyFoods) -> Result<T, E> + 'static,
        then: impl FnOnce(Result<Saved<T>, UpdateError<E>>) + 'static,
    ) {
        self.locked(move || then(self.change_mine_now(change)));
    }

    /// [`Planner::change_mine`] now, for a caller holding the lock.
    fn change_mine_now<T, E>(
        self,
        change: impl FnOnce(&mut MyFoods) -> Result<T, E>,
    ) -> Result<Saved<T>, UpdateError<E>> {
        let unsaved = self.status.with_untracked(|s| s.mine_unsaved);
        let Updated {
            value,
            record: mine,
            saved,
        } = self
            .diary
            .with_untracked(|d| storage::update_mine(&mut BrowserStore, d.mine(), unsaved, change))
            .inspect_err(|e| self.note_refused_save(e))?;
        self.status.update(|s| {
            s.save_error = saved.as_ref().err().map(|e| e.to_string());
            s.mine_unsaved = saved.is_err();
        });
        self.diary.update(|d| *d.mine_mut() = mine);
        Ok(Saved { value, kept: saved })
    }

    /// "Also update the past days that use it": every readable day planned
    /// with the own food or recipe `id` takes its values as they are now,
    /// all or nothing; `then` gets how many days changed, or why none did.
    pub fn refresh_days_using(
        self,
        id: MyFoodId,
        then: impl FnOnce(Result<usize, String>) + 'static,
    ) {
        self.locked(move || {
            self.read_whole_diary();
            let mut result = Err(String::new());
            self.diary.update(|d| {
                result = storage::refresh_days_using(&mut BrowserStore, d, id, catalog::foods())
                    .map_err(|e| e.to_string());
            });
            if result.is_ok() {
                self.open(self.date.get_untracked());
            }
            then(result);
        });
    }

    /// Runs `f` holding the write lock, unless the app is gone by the time
    /// the lock is granted.
    pub fn locked(self, f: impl FnOnce() + 'static) {
        with_write_lock(move || {
            if self.date.try_get_untracked().is_some() {
                f();
            }
        });
    }

    /// [`Planner::change_day_at`] now, for a caller holding the lock.
    fn change_day_now<T, E>(
        self,
        date: Date,
        change: impl FnOnce(&mut DayEntry) -> Result<T, E>,
    ) -> Result<Saved<T>, UpdateError<E>> {
        // With the clock outside the diary's years, "today" is a stand-in:
        // nothing is saved under it.
        if let Some(year) = clock_out_of_range().filter(|_| date == today()) {
            let e = SaveError::ClockOutOfRange(year);
            self.status.update(|s| s.save_error = Some(e.to_string()));
            return Err(UpdateError::Save(e));
        }
        let on_screen = date == self.date.get_untracked();
        let unsaved = self.status.with_untracked(|s| s.unsaved.contains(&date));
        let update = |day: &DayEntry| {
            storage::update_day(&mut BrowserStore, date, OpenDay { day, unsaved }, change)
        };
        let updated = if on_screen {
            self.day.with_untracked(update)
        } else {
            self.diary.with_untracked(|d| update(d.day(date)))
        };
        let Updated {
            value,
            record: day,
            saved,
        } = updated.inspect_err(|e| self.note_refused_save(e))?;
        // The date was readable (else the update was refused), so the
        // diary takes the day.
        self.diary.update(|d| {
            let _ = d.set_day(date, day.clone());
        });
        if on_screen {
            self.day.set(day);
        }
        self.status.update(|s| {
            match &saved {
                Ok(()) => s.unsaved.remove(&date),
                Err(_) => s.unsaved.insert(date),
            };
            s.save_error = saved.as_ref().err().map(|e| e.to_string());
        });
        Ok(Saved { value, kept: saved })
    }

    /// [`Planner::change_settings`] now, for a caller holding the lock.
    fn change_settings_now<T, E>(
        self,
        change: impl FnOnce(&mut Settings) -> Result<T, E>,
    ) -> Result<Saved<T>, UpdateError<E>> {
        let unsaved = self.status.with_untracked(|s| s.settings_unsaved);
        let Updated {
            value,
            record: settings,
            saved,
        } = self
            .diary
            .with_untracked(|d| {
                storage::update_settings(&mut BrowserStore, d.settings(), unsaved, change)
            })
            .inspect_err(|e| self.note_refused_save(e))?;
        self.status.update(|s| {
            s.save_error = saved.as_ref().err().map(|e| e.to_string());
            s.settings_unsaved = saved.is_err();
        });
        if self.targets.with_untracked(|t| t != settings.targets()) {
            self.targets.set(settings.targets().clone());
        }
        self.diary.update(|d| *d.settings_mut() = settings);
        Ok(Saved { value, kept: saved })
    }

    /// Puts a save the storage refused (not the change itself) in the
    /// status.
    fn note_refused_save<E>(self, e: &UpdateError<E>) {
        if let UpdateError::Save(e) = e {
            self.status.update(|s| s.save_error = Some(e.to_string()));
        }
    }

    /// Takes in another tab's write of `key` (the browser's `storage`
    /// event); `None` for `key` means the storage was cleared.
    pub fn take_external_change(self, key: Option<String>, new_value: Option<String>) {
        let Some(key) = key else {
            self.reload();
            return;
        };
        let change = self
            .diary
            .try_update(|d| apply_external_change(d, &key, new_value.as_deref()))
            .unwrap_or(ExternalChange::Ignored);
        match change {
            ExternalChange::Day(date) if date == self.date.get_untracked() => {
                self.status.update(|s| {
                    s.unsaved.remove(&date);
                });
                self.open(date);
            }
            // The diary holds the other tab's own foods already (`mine`
            // follows it).
            ExternalChange::MyFoods => self.status.update(|s| s.mine_unsaved = false),
            ExternalChange::Day(_) | ExternalChange::Ignored => {}
            ExternalChange::Settings => self.targets.set(
                self.diary
                    .with_untracked(|d| d.settings().targets().clone()),
            ),
            ExternalChange::Problem(mut problem) => {
                problem.copied_aside =
                    copy_unreadable_aside(&mut BrowserStore, &key).unwrap_or(false);
                self.status.update(|s| s.problems.push(problem));
                self.open(self.date.get_untracked());
            }
        }
    }

    /// The day's totals, recomputed when the plan changes.
    pub fn totals(self) -> Memo<DayTotals> {
        let plan = self.plan;
        Memo::new(move |_| {
            plan.with(|p| DayTotals::compute(p, catalog::foods(), WaterCounting::default()))
        })
    }

    /// Progress toward every target, recomputed when the totals or the
    /// targets change.
    pub fn progress(self, totals: Memo<DayTotals>) -> Memo<Vec<Progress>> {
        let targets = self.targets;
        Memo::new(move |_| targets.with(|t| totals.with(|tt| day_progress(t, tt))))
    }
}

/// The diary of a load report, and its findings as the status.
fn split_report(report: LoadReport) -> (Diary, StorageStatus) {
    let status = StorageStatus {
        problems: report.problems,
        unsaved: BTreeSet::new(),
        settings_unsaved: false,
        mine_unsaved: false,
        lost: take_unsaved_marker(),
        save_error: report.write_error.map(|e| e.to_string()),
        migrated: report.migrated_from_v0,
    };
    (report.diary, status)
}
