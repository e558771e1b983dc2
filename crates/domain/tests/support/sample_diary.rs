//! A large made-up diary on the real food table, for the scale test and
//! the `sample_backup` example (not part of the crate's API).

use electrolyte_domain::diary::date::Date;
use electrolyte_domain::diary::day::{Activity, CrampEpisode, DayEntry, Place, Side, TimeOfDay};
use electrolyte_domain::diary::Diary;
use electrolyte_domain::foods::food_table::FoodTable;
use electrolyte_domain::planning::plan::{FoodUnit, Meal};
use electrolyte_domain::units::amount::MassUnit;

/// `days` consecutive days ending 2026-11-29, each with `items` foods
/// spread over the meals (real NDB numbers, a household portion or grams),
/// a cramp every third day and notes every fifth.
pub fn sample_diary(days: usize, items: usize, table: &FoodTable) -> Diary {
    let foods = table.foods();
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = move |n: usize| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed % n as u64) as usize
    };
    let last = Date::parse("2026-11-29").expect("a date");
    let mut diary = Diary::default();
    for back in 0..days {
        let date = last.add_days(-(back as i32)).expect("in range");
        let mut day = DayEntry::new();
        for i in 0..items {
            let food = &foods[next(foods.len())];
            let meal = Meal::ALL[i % 4];
            let (amount, unit) = if food.portions.is_empty() || next(2) == 0 {
                (10.0 + next(300) as f64, FoodUnit::Mass(MassUnit::Gram))
            } else {
                (1.0 + next(3) as f64 * 0.5, FoodUnit::Portion(0))
            };
            // A portion too heavy for its count is skipped.
            let _ = day.plan_mut().add_food(meal, food.ndb, amount, unit, table);
        }
        if back % 3 == 0 {
            let mut cramp = CrampEpisode::new(
                TimeOfDay::new(3, 15).expect("a time"),
                Place::Calf,
                Side::Left,
                6,
            )
            .expect("valid");
            cramp.minutes = Some(2.5);
            day.add_cramp(cramp).expect("room");
            day.set_activity(Activity {
                hours_on_feet: 6.0,
                ..Activity::default()
            })
            .expect("valid");
        }
        if back % 5 == 0 {
            day.set_notes("Long shift on my feet; cramp woke me at night.")
                .expect("short");
        }
        diary.set_day(date, day).expect("not locked");
    }
    diary
}
