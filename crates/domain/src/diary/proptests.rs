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
use crate::planning::plan::test_table::{ndb, table};
use crate::planning::plan::{FoodUnit, Meal};
use crate::planning::supplements::{MagnesiumForm, Supplement};
use crate::units::amount::MassUnit;
use crate::units::volume::VolumeUnit;

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

/// The long fuzz run (not in CI's time budget): `scripts/fuzz.sh`, or
/// `cargo test -p electrolyte-domain --release --lib -- --ignored fuzz --nocapture`
/// (`FUZZ_CASES` sets how many inputs; 1,000,000 by default). Every
/// generated input goes through the backup import and the storage
/// decoders, and every 16th through a whole load of a store holding it;
/// a panic fails the run.
mod fuzz {
    use std::time::Instant;

    use super::*;
    use crate::diary::backup::export_everything;

    /// xorshift64*: small, fast and reproducible.
    struct Rng(u64);

    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 >> 12;
            self.0 ^= self.0 << 25;
            self.0 ^= self.0 >> 27;
            self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
        }
        fn below(&mut self, n: usize) -> usize {
            (self.next() % n.max(1) as u64) as usize
        }
    }

    /// Pieces of JSON and of this app's formats to splice in.
    const TOKENS: &[&str] = &[
        "{",
        "}",
        "[",
        "]",
        "\"",
        ":",
        ",",
        "null",
        "true",
        "-0",
        "1e308",
        "-1e400",
        "1.0",
        "0.0000001",
        "5000",
        "4294967295",
        "18446744073709551616",
        "\"\\ud800\"",
        "\\u0000",
        "\"days\"",
        "\"format\"",
        "\"version\"",
        "\"settings\"",
        "\"unreadable\"",
        "\"2026-02-30\"",
        "\"1899-12-31\"",
        "\"2026-11-29\"",
        "\"next_id\"",
        "\"portion\"",
        "\"kind\":\"food\"",
        "\"kind\":\"drink\"",
        "\"unit\":\"glass\"",
        "\"v\":2",
        "\"rev\":",
        "\"d\":",
        "\"p\":",
        "\"c\":",
        "\"n\":",
        "\n",
        " ",
        "é",
        "😀",
        "\\\"",
    ];

    fn mutate(rng: &mut Rng, seed: &str) -> String {
        let mut text: Vec<char> = seed.chars().collect();
        for _ in 0..=rng.below(4) {
            let at = rng.below(text.len() + 1);
            match rng.below(6) {
                0 if !text.is_empty() => {
                    let end = (at + rng.below(40)).min(text.len());
                    text.drain(at.min(end)..end);
                }
                1 => {
                    let token = TOKENS[rng.below(TOKENS.len())];
                    text.splice(at..at, token.chars());
                }
                2 if at < text.len() => {
                    text[at] = char::from_u32(rng.below(0x3000) as u32).unwrap_or('?');
                }
                3 => text.truncate(at),
                4 if !text.is_empty() => {
                    // Repeat a slice: duplicated keys and sections.
                    let start = rng.below(text.len());
                    let end = (start + rng.below(200)).min(text.len());
                    let copy: Vec<char> = text[start..end].to_vec();
                    text.splice(at..at, copy);
                }
                _ => {
                    let digits = rng.next().to_string();
                    text.splice(at..at, digits.chars());
                }
            }
        }
        text.into_iter().collect()
    }

    fn random_text(rng: &mut Rng) -> String {
        let len = rng.below(120);
        let bytes: Vec<u8> = (0..len).map(|_| rng.next() as u8).collect();
        String::from_utf8_lossy(&bytes).into_owned()
    }

    #[test]
    #[ignore = "long: run with scripts/fuzz.sh"]
    fn fuzz_the_import_and_storage_decoders() {
        let cases: usize = std::env::var("FUZZ_CASES")
            .ok()
            .and_then(|n| n.parse().ok())
            .unwrap_or(1_000_000);
        let t = table();
        let today = Date::parse("2026-11-29").unwrap();
        let backup = backup_text();
        let parsed = parse_backup(&backup, &t).unwrap();
        let mut diary = Diary::default();
        apply(&mut diary, parsed, ImportMode::Replace);
        let everything = export_everything(
            &diary,
            &[("ep.v1.day.2026-12-01".to_owned(), "{\"v\":1,".to_owned())],
        );
        let pretty = serde_json::to_string_pretty(
            &serde_json::from_str::<serde_json::Value>(&everything).unwrap(),
        )
        .unwrap();
        let mut store = MemoryStore::new();
        load(&mut store, today);
        save_day(&mut store, today, diary.day(today)).unwrap();
        save_settings(&mut store, diary.settings()).unwrap();
        let day_record = store.get(&day_key(today)).unwrap();
        let settings_record = store.get(SETTINGS_KEY).unwrap();
        let seeds = [
            backup.as_str(),
            everything.as_str(),
            pretty.as_str(),
            day_record.as_str(),
            settings_record.as_str(),
        ];

        let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
        let (mut accepted, mut loads) = (0usize, 0usize);
        let started = Instant::now();
        for case in 0..cases {
            let input = if case % 10 == 0 {
                random_text(&mut rng)
            } else {
                let seed = seeds[rng.below(seeds.len())];
                mutate(&mut rng, seed)
            };
            if let Ok(backup) = parse_backup(&input, &t) {
                accepted += 1;
                // What is accepted imports and exports again.
                let mut d = Diary::default();
                apply(&mut d, backup, ImportMode::Merge);
                assert!(parse_backup(&export_json(&d), &t).is_ok(), "{input}");
            }
            let _ = decode_day(&input);
            let _ = decode_settings(&input);
            if case % 16 == 0 {
                loads += 1;
                let mut s = store.clone();
                let key = match rng.below(4) {
                    0 => day_key(today),
                    1 => SETTINGS_KEY.to_owned(),
                    2 => SCHEMA_KEY.to_owned(),
                    _ => "ep.plan".to_owned(),
                };
                s.set(&key, &input).unwrap();
                let report = load(&mut s, today);
                if key != SCHEMA_KEY && key != "ep.plan" {
                    assert_eq!(s.get(&key).as_deref(), Some(input.as_str()), "kept");
                }
                let _ = report;
            }
        }
        let elapsed = started.elapsed();
        println!(
            "fuzz: {cases} inputs ({accepted} accepted as backups, {loads} whole loads) in {:.1} s, 0 panics",
            elapsed.as_secs_f64()
        );
    }
}

/// An own food from generated values: any name (markup and quotes
/// included), values per 100 g or per serving, maybe a portion.
fn own_food() -> impl Strategy<Value = crate::foods::custom::CustomFoodDraft> {
    use crate::foods::custom::{Basis, CustomFoodDraft, ServingSize};
    (
        "(\\PC|[<>\"&']){1,30}",
        "\\PC{0,10}",
        proptest::option::of(1.0f64..1_000.0),
        proptest::collection::vec(proptest::option::of(0.0f64..90.0), 6),
        proptest::option::of(("[a-z ]{1,10}", 1.0f64..500.0)),
    )
        .prop_map(|(name, brand, serving, values, portion)| {
            let mut d = CustomFoodDraft::new(&name);
            d.brand = brand;
            d.basis = serving.map_or(Basis::Per100g, |g| Basis::PerServing(ServingSize::Grams(g)));
            d.values = [
                values[0], values[1], values[2], values[3], values[4], values[5],
            ];
            d.portions = portion.into_iter().collect();
            d
        })
}

/// Own foods and one recipe of them, added where they pass the checks.
fn own_foods() -> impl Strategy<Value = crate::foods::mine::MyFoods> {
    use crate::foods::mine::MyFoods;
    use crate::foods::recipe::{Ingredient, IngredientFood, RecipeDraft};
    (
        proptest::collection::vec(own_food(), 0..6),
        0.5f64..20.0,
        proptest::option::of(10.0f64..5_000.0),
    )
        .prop_map(|(drafts, servings, cooked)| {
            let t = table();
            let mut mine = MyFoods::new();
            let ids: Vec<_> = drafts
                .iter()
                .filter_map(|d| mine.add_food(d).ok())
                .collect();
            let mut ingredients: Vec<Ingredient> = ids
                .iter()
                .map(|&id| Ingredient {
                    food: IngredientFood::Mine(id),
                    amount: 50.0,
                    unit: FoodUnit::Mass(MassUnit::Gram),
                })
                .collect();
            ingredients.push(Ingredient {
                food: IngredientFood::Usda(ndb(11457)),
                amount: 1.0,
                unit: FoodUnit::Portion(0),
            });
            let recipe = RecipeDraft {
                name: "Soup".into(),
                ingredients,
                servings,
                cooked_grams: cooked,
            };
            let _ = mine.add_recipe(&recipe, &t);
            mine
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn no_text_makes_the_own_food_decoder_panic(text in "\\PC*|[\\[\\]{}\":,0-9a-z_.\\-]*") {
        if let Ok(mine) = super::storage::decode_mine(&text) {
            let again = serde_json::to_string(&mine.value).unwrap();
            prop_assert_eq!(serde_json::from_str::<crate::foods::mine::MyFoods>(&again).unwrap(), mine.value);
        }
    }

    #[test]
    fn own_foods_and_their_snapshots_come_back_unchanged(
        mine in own_foods(),
        cut in 0usize..4_000,
        with in any::<char>(),
    ) {
        use crate::foods::mine::{MyFoods, MyUnit};
        let t = table();
        let json = serde_json::to_string(&mine).unwrap();
        prop_assert_eq!(&serde_json::from_str::<MyFoods>(&json).unwrap(), &mine);
        // Saved and loaded, with a day planned from each of them.
        let mut store = MemoryStore::new();
        let today = Date::parse("2026-11-30").unwrap();
        let _ = load(&mut store, today);
        super::storage::save_mine(&mut store, &mine).unwrap();
        let mut day = DayEntry::new();
        for (id, _) in mine.foods() {
            let e = mine.snapshot(id, 42.5, MyUnit::Grams, &t).unwrap();
            day.plan_mut().add_mine(Meal::Lunch, e).unwrap();
        }
        for (id, _) in mine.recipes() {
            // A serving over 5 kg / 1.5 is refused as one entry, rightly.
            match mine.snapshot(id, 1.5, MyUnit::Serving, &t) {
                Ok(e) => {
                    day.plan_mut().add_mine(Meal::Dinner, e).unwrap();
                }
                Err(e) => prop_assert!(matches!(e, crate::foods::mine::MyFoodsError::Amount(_))),
            }
        }
        save_day(&mut store, today, &day).unwrap();
        let report = load(&mut store, today);
        prop_assert!(report.problems.is_empty());
        prop_assert_eq!(report.diary.mine(), &mine);
        prop_assert_eq!(report.diary.day(today), &day);
        // Damaged: refused, or valid and stable.
        let mut damaged: String = json.chars().take(cut).collect();
        damaged.push(with);
        damaged.extend(json.chars().skip(cut + 1));
        if let Ok(m) = serde_json::from_str::<MyFoods>(&damaged) {
            let again = serde_json::to_string(&m).unwrap();
            prop_assert_eq!(serde_json::from_str::<MyFoods>(&again).unwrap(), m);
        }
    }
}
