//! Property tests of the diary's decoders and round trips: no input makes
//! the backup or storage decoders panic, and generated diaries come back
//! unchanged through export/import and through save/load.

use proptest::prelude::*;

use super::backup::{apply, export_json, parse_backup, ImportMode};
use super::date::Date;
use super::day::{Activity, CrampEpisode, DayEntry, Place, Relief, Side, TimeOfDay};
use super::storage::{
    day_key, decode_day, decode_settings, load, save_day, save_settings, KeyValueStore,
    MemoryStore, SCHEMA_KEY, SETTINGS_KEY,
};
use super::Diary;
use crate::amount::MassUnit;
use crate::plan::test_table::{ndb, table};
use crate::plan::{FoodUnit, Meal};
use crate::supplements::{MagnesiumForm, Supplement};
use crate::volume::VolumeUnit;

/// One item to add: meal, kind (0 food, 1 drink, 2 magnesium), food and
/// an amount anywhere in the allowed range (any f64 bits).
type ItemSpec = (usize, u8, usize, f64);

fn item_spec() -> impl Strategy<Value = ItemSpec> {
    (0..4usize, 0..3u8, 0..3usize, 0.001f64..1_000.0)
}

fn cramp() -> impl Strategy<Value = CrampEpisode> {
    (
        (0..24u32, 0..60u32, 0..4usize, 0..3usize, 1..=10u8),
        (
            proptest::option::of(0.01f64..1_440.0),
            proptest::collection::btree_set(0..5usize, 0..3),
        ),
        (any::<bool>(), any::<bool>(), "\\PC{0,20}"),
    )
        .prop_map(
            |((h, m, place, side, severity), (minutes, helped), (swell, numb, note))| {
                let mut c = CrampEpisode::new(
                    TimeOfDay::new(h, m).unwrap(),
                    Place::ALL[place],
                    Side::ALL[side],
                    severity,
                )
                .unwrap();
                c.minutes = minutes;
                c.helped = helped.into_iter().map(|i| Relief::ALL[i]).collect();
                c.swelling_redness_or_lump = swell;
                c.numbness = numb;
                c.note = note;
                c
            },
        )
}

fn day() -> impl Strategy<Value = DayEntry> {
    (
        proptest::collection::vec(item_spec(), 0..8),
        proptest::collection::vec(cramp(), 0..3),
        (0.0f64..1_440.0, 0.0f64..24.0, any::<bool>(), 0.0f64..50.0),
        // Any text, quotes, line breaks and formulas included.
        "(\\PC|[\"\\n,=])*",
    )
        .prop_map(|(items, cramps, (ex, feet, hot, alc), notes)| {
            let t = table();
            let foods = [9040, 11457, 99999];
            let mut day = DayEntry::new();
            for (meal, kind, food, amount) in items {
                let meal = Meal::ALL[meal];
                let plan = day.plan_mut();
                let _ = match kind {
                    0 => plan.add_food(
                        meal,
                        ndb(foods[food]),
                        amount,
                        FoodUnit::Mass(MassUnit::Ounce),
                        &t,
                    ),
                    1 => plan.add_drink(meal, amount, VolumeUnit::Millilitre),
                    _ => plan.add_supplement(
                        meal,
                        Supplement::Magnesium {
                            form: MagnesiumForm::Glycinate,
                            elemental_mg: amount,
                        },
                    ),
                };
            }
            for c in cramps {
                day.add_cramp(c).unwrap();
            }
            day.set_activity(Activity {
                exercise_minutes: ex,
                hours_on_feet: feet,
                hot_weather: hot,
                alcohol_drinks: alc,
            })
            .unwrap();
            let _ = day.set_notes(notes);
            day
        })
}

fn diary() -> impl Strategy<Value = Diary> {
    (
        proptest::collection::btree_map(
            (0..20_000i32).prop_map(|n| Date::first().add_days(n * 5).unwrap()),
            day(),
            0..6,
        ),
        proptest::collection::vec(0..3usize, 0..3),
    )
        .prop_map(|(days, favourites)| {
            let mut diary = Diary::default();
            for (date, day) in days {
                diary.set_day(date, day).unwrap();
            }
            for f in favourites {
                let n = ndb([9040, 11457, 99999][f]);
                if !diary.settings().is_favourite(n) {
                    diary.toggle_favourite(n).unwrap();
                }
            }
            diary
        })
}

/// A valid backup, to mutate.
fn backup_text() -> String {
    let mut diary = Diary::default();
    let mut day = DayEntry::new();
    day.plan_mut()
        .add_food(Meal::Lunch, ndb(9040), 1.0, FoodUnit::Portion(0), &table())
        .unwrap();
    day.add_cramp(
        CrampEpisode::new(TimeOfDay::new(3, 0).unwrap(), Place::Calf, Side::Left, 5).unwrap(),
    )
    .unwrap();
    day.set_notes("notes").unwrap();
    diary
        .set_day(Date::parse("2026-11-29").unwrap(), day)
        .unwrap();
    export_json(&diary)
}

proptest! {
    #[test]
    fn no_text_makes_the_decoders_panic(text in "\\PC*|[\\[\\]{}\":,0-9a-z.\\-]*") {
        let _ = parse_backup(&text, &table());
        let _ = decode_day(&text);
        let _ = decode_settings(&text);
    }

    #[test]
    fn no_bytes_make_the_decoders_panic(bytes in proptest::collection::vec(any::<u8>(), 0..200)) {
        let text = String::from_utf8_lossy(&bytes);
        let _ = parse_backup(&text, &table());
        let _ = decode_day(&text);
    }

    #[test]
    fn damaged_backups_are_refused_or_valid(cut in 0usize..10_000, at in 0usize..10_000, with in any::<char>()) {
        let good = backup_text();
        let mut chars: Vec<char> = good.chars().collect();
        let _ = parse_backup(&chars[..cut % chars.len()].iter().collect::<String>(), &table());
        let i = at % chars.len();
        chars[i] = with;
        if let Ok(backup) = parse_backup(&chars.iter().collect::<String>(), &table()) {
            // Whatever is accepted is valid and exports again.
            let mut diary = Diary::default();
            apply(&mut diary, backup, ImportMode::Replace);
            prop_assert!(parse_backup(&export_json(&diary), &table()).is_ok());
        }
    }

    #[test]
    fn loading_any_store_never_panics_and_keeps_every_value(
        values in proptest::collection::vec(("\\PC{0,40}", 0..4usize), 0..6),
        marker in proptest::option::of("1|2|x|\\PC{0,3}"),
    ) {
        let mut store = MemoryStore::new();
        if let Some(m) = &marker {
            store.set(SCHEMA_KEY, m).unwrap();
        }
        let today = Date::parse("2026-11-29").unwrap();
        for (i, (value, slot)) in values.iter().enumerate() {
            let key = match slot {
                0 => day_key(today.add_days(i as i32).unwrap()),
                1 => SETTINGS_KEY.to_owned(),
                2 => "ep.plan".to_owned(),
                _ => format!("ep.v1.day.{value}"),
            };
            store.set(&key, value).unwrap();
        }
        let before = store.clone();
        let report = load(&mut store, today);
        // Nothing that was there changed, except a damaged marker.
        for key in before.keys() {
            if key != SCHEMA_KEY && key != "ep.plan" {
                prop_assert_eq!(store.get(&key), before.get(&key), "{}", key);
            }
        }
        for p in &report.problems {
            if let Some(date) = p.key.strip_prefix("ep.v1.day.").and_then(|d| Date::parse(d).ok()) {
                prop_assert!(report.diary.is_locked(date));
            }
        }
    }

    #[test]
    fn diaries_round_trip_through_a_backup(diary in diary()) {
        let json = export_json(&diary);
        let backup = parse_backup(&json, &table()).unwrap();
        let mut restored = Diary::default();
        apply(&mut restored, backup.clone(), ImportMode::Replace);
        prop_assert_eq!(&restored, &diary);
        // Merging into itself changes nothing.
        let outcome = apply(&mut restored, backup, ImportMode::Merge);
        prop_assert!(outcome.changed.is_empty());
        prop_assert_eq!(restored, diary);
    }

    #[test]
    fn diaries_round_trip_through_storage(diary in diary()) {
        let mut store = MemoryStore::new();
        let today = Date::parse("2026-11-29").unwrap();
        load(&mut store, today);
        for (date, day) in diary.days() {
            save_day(&mut store, date, day).unwrap();
        }
        save_settings(&mut store, diary.settings()).unwrap();
        let report = load(&mut store, today);
        prop_assert!(report.problems.is_empty());
        prop_assert_eq!(report.diary, diary);
    }
}
