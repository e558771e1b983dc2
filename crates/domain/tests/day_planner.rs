//! The day planner's domain end to end: profiles against every row of the
//! shipped DRI table, targets and presets, a day on the real SR28 table,
//! and the stored forms of plans, profiles and targets.
#![cfg(not(target_arch = "wasm32"))]

use electrolyte_domain::foods::food::{Food, NdbNumber};
use electrolyte_domain::foods::food_table::sr28;
use electrolyte_domain::foods::nutrient::Nutrient;
use electrolyte_domain::planning::plan::{DayPlan, Entry, FoodUnit, Meal, PlanError};
use electrolyte_domain::planning::progress::{day_progress, Status};
use electrolyte_domain::planning::supplements::{
    CalciumForm, DrinkMinerals, ElectrolyteDrink, MagnesiumForm, Supplement,
};
use electrolyte_domain::planning::totals::{contributions, DayTotals, WaterCounting};
use electrolyte_domain::planning::warnings::{magnesium_warning, potassium_caution};
use electrolyte_domain::targets::daily_targets::{
    DailyTargets, DriKind, Preset, TargetSource, TARGET_NUTRIENTS,
};
use electrolyte_domain::targets::dri::{nasem, DriRow, LifeStage, Sex, TargetKind};
use electrolyte_domain::targets::profile::{Profile, ProfileError, Stage};
use electrolyte_domain::units::amount::MassUnit;
use electrolyte_domain::units::quantity::parse_number;
use electrolyte_domain::units::volume::VolumeUnit;

fn ndb(text: &str) -> NdbNumber {
    text.parse().unwrap()
}

fn food(text: &str) -> &'static Food {
    sr28().get(ndb(text)).unwrap()
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9
}

/// The profiles a DRI row is for: its sexes at its first age and just
/// before its last, with its stage.
fn profiles_for(row: &DriRow) -> Vec<Profile> {
    let stage = match row.life_stage {
        LifeStage::Pregnancy => Some(Stage::Pregnant),
        LifeStage::Lactation => Some(Stage::Lactating),
        _ => None,
    };
    let sexes = match row.sex {
        Some(sex) => vec![sex],
        None => vec![Sex::Female, Sex::Male],
    };
    let last = row.age_to_years.map_or(120.0, |to| to - 0.01);
    sexes
        .into_iter()
        .flat_map(|sex| {
            [row.age_from_years, last]
                .map(|age| Profile::new(age, sex, stage).unwrap_or_else(|e| panic!("{e}")))
        })
        .collect()
}

#[test]
fn every_dri_row_is_reached_through_a_profile_with_its_targets() {
    let table = nasem();
    let mut profiles_checked = 0;
    for row in table.rows() {
        for profile in profiles_for(row) {
            profiles_checked += 1;
            let who = format!("{} via {profile:?}", row.describe());
            assert_eq!(profile.dri_row(table).unwrap(), row, "{who}");
            let targets = DailyTargets::new(profile, table).unwrap();
            let amount = |n| targets.get(n).unwrap().target.amount;
            assert_eq!(amount(Nutrient::Potassium), row.potassium_mg, "{who}");
            assert_eq!(amount(Nutrient::Magnesium), row.magnesium_mg, "{who}");
            assert_eq!(amount(Nutrient::Calcium), row.calcium_mg, "{who}");
            assert!(close(amount(Nutrient::Water), row.total_water_l * 1000.0));
            let na = targets.get(Nutrient::Sodium).unwrap();
            match row.sodium_cdrr_mg {
                Some(cdrr) => {
                    assert_eq!(na.target.amount, cdrr, "{who}");
                    assert_eq!(na.target.kind, TargetKind::Ceiling, "{who}");
                    assert_eq!(na.source, TargetSource::Dri(DriKind::Cdrr));
                }
                None => {
                    assert_eq!(row.life_stage, LifeStage::Infant, "{who}");
                    assert_eq!(na.target.kind, TargetKind::Minimum, "{who}");
                    assert_eq!(na.source, TargetSource::Dri(DriKind::Ai));
                }
            }
            // From 14 years the sodium ceiling is 2,300 mg.
            if profile.age_years() >= 14.0 {
                assert_eq!(na.target.amount, 2_300.0, "{who}");
            }
            for target in targets.all() {
                assert!(!target.source_text().is_empty());
                assert!(target.source_text().contains(&row.describe()), "{who}");
            }
            assert_eq!(targets.all().len(), TARGET_NUTRIENTS.len());
        }
    }
    // 6 rows for both sexes (infants, young children) and 16 for one sex,
    // each at two ages.
    assert_eq!(profiles_checked, (4 * 2 + 18) * 2);
}

#[test]
fn every_valid_age_has_a_row() {
    for tenth in 0..=1_200 {
        let age = f64::from(tenth) / 10.0;
        for sex in [Sex::Female, Sex::Male] {
            let profile = Profile::new(age, sex, None).unwrap();
            assert!(profile.dri_row(nasem()).is_ok(), "{age} {sex:?}");
        }
        for stage in [Stage::Pregnant, Stage::Lactating] {
            if let Ok(profile) = Profile::new(age, Sex::Female, Some(stage)) {
                assert!((14.0..51.0).contains(&age));
                assert!(profile.dri_row(nasem()).is_ok(), "{age} {stage:?}");
            }
        }
    }
}

#[test]
fn known_profiles_get_the_published_values() {
    let t = |age, sex, stage| {
        DailyTargets::new(Profile::new(age, sex, stage).unwrap(), nasem()).unwrap()
    };
    let amounts = |t: &DailyTargets| TARGET_NUTRIENTS.map(|n| t.get(n).unwrap().target.amount);
    // K, Mg, Ca, Na, water (ml).
    assert_eq!(
        amounts(&t(34.0, Sex::Female, None)),
        [2_600.0, 320.0, 1_000.0, 2_300.0, 2_700.0]
    );
    assert_eq!(
        amounts(&t(25.0, Sex::Male, None)),
        [3_400.0, 400.0, 1_000.0, 2_300.0, 3_700.0]
    );
    assert_eq!(
        amounts(&t(34.0, Sex::Female, Some(Stage::Pregnant))),
        [2_900.0, 360.0, 1_000.0, 2_300.0, 3_000.0]
    );
    assert_eq!(
        amounts(&t(16.0, Sex::Female, Some(Stage::Lactating))),
        [2_500.0, 360.0, 1_300.0, 2_300.0, 3_800.0]
    );
    assert_eq!(
        amounts(&t(2.0, Sex::Male, None)),
        [2_000.0, 80.0, 700.0, 1_200.0, 1_300.0]
    );
    let infant = t(3.0 / 12.0, Sex::Female, None);
    assert_eq!(amounts(&infant), [400.0, 30.0, 200.0, 110.0, 700.0]);
    assert_eq!(
        infant.get(Nutrient::Sodium).unwrap().target.kind,
        TargetKind::Minimum
    );
    assert_eq!(infant.row().describe(), "Infants 0–6 months");
}

#[test]
fn invalid_profiles_are_refused_with_messages() {
    let cases = [
        (
            200.0,
            Sex::Female,
            None,
            "Enter an age of 120 years or less.",
        ),
        (-1.0, Sex::Male, None, "The age cannot be negative."),
        (
            f64::NAN,
            Sex::Female,
            None,
            "Enter the age as a number, such as 34 or 1.5.",
        ),
        (
            30.0,
            Sex::Male,
            Some(Stage::Pregnant),
            "Pregnancy and breastfeeding targets are only given for the female profile.",
        ),
        (
            60.0,
            Sex::Female,
            Some(Stage::Pregnant),
            "Pregnancy and breastfeeding targets are given for ages 14 to 50 only.",
        ),
    ];
    for (age, sex, stage, message) in cases {
        let err = Profile::new(age, sex, stage).unwrap_err();
        assert_eq!(err.to_string(), message);
    }
    // A refused profile change leaves the targets as they were.
    let mut targets = DailyTargets::new(Profile::default(), nasem()).unwrap();
    let before = targets.clone();
    assert!(Profile::new(200.0, Sex::Female, None).is_err());
    assert!(targets.set_override(Nutrient::Potassium, -1.0).is_err());
    assert_eq!(targets, before);
}

#[test]
fn label_daily_values_are_a_second_preset() {
    let mut targets = DailyTargets::new(Profile::default(), nasem()).unwrap();
    targets.set_preset(Preset::LabelDailyValues).unwrap();
    let amounts = TARGET_NUTRIENTS.map(|n| targets.get(n).unwrap().target.amount);
    assert_eq!(amounts, [4_700.0, 420.0, 1_300.0, 2_300.0, 2_700.0]);
    assert_eq!(
        targets.get(Nutrient::Water).unwrap().source,
        TargetSource::Dri(DriKind::Ai)
    );
}

#[test]
fn a_banana_and_a_cup_of_yogurt_add_up_on_the_real_table() {
    let table = sr28();
    let targets =
        DailyTargets::new(Profile::new(34.0, Sex::Female, None).unwrap(), nasem()).unwrap();
    let banana = food("09040");
    assert_eq!(banana.description, "Bananas, raw");
    let medium = banana
        .portions
        .iter()
        .position(|p| p.unit.starts_with("medium"))
        .unwrap();
    let yogurt = food("01117");
    assert!(yogurt.description.starts_with("Yogurt, plain, low fat"));
    let cup = yogurt
        .portions
        .iter()
        .position(|p| p.unit.starts_with("cup"))
        .unwrap();
    assert_eq!(banana.portions[medium].grams, 118.0);
    assert_eq!(yogurt.portions[cup].grams, 245.0);

    let mut plan = DayPlan::new();
    let b = plan
        .add_food(
            Meal::Breakfast,
            banana.ndb,
            1.0,
            FoodUnit::Portion(medium),
            table,
        )
        .unwrap();
    let y = plan
        .add_food(Meal::Snacks, yogurt.ndb, 1.0, FoodUnit::Portion(cup), table)
        .unwrap();
    let totals = DayTotals::compute(&plan, table, WaterCounting::DrinksAndFood);
    for nutrient in Nutrient::MINERALS {
        let expected = banana.per_100g.get(nutrient).unwrap() * 118.0 / 100.0
            + yogurt.per_100g.get(nutrient).unwrap() * 245.0 / 100.0;
        let total = totals.day().get(nutrient);
        assert!(close(total.known, expected), "{nutrient:?}");
        assert_eq!(total.items_missing, 0);
        assert!(close(
            totals.meal(Meal::Breakfast).get(nutrient).known,
            banana.per_100g.get(nutrient).unwrap() * 1.18
        ));
    }
    // USDA's values: banana K 358, Mg 27, Ca 5, Na 1; yogurt K 234, Mg 17,
    // Ca 183, Na 70 per 100 g.
    let day = |n| totals.day().get(n).known;
    assert!(close(day(Nutrient::Potassium), 422.44 + 573.3));
    assert!(close(day(Nutrient::Magnesium), 31.86 + 41.65));
    assert!(close(day(Nutrient::Calcium), 5.9 + 448.35));
    assert!(close(day(Nutrient::Sodium), 1.18 + 171.5));
    assert_eq!(
        totals
            .day()
            .get(Nutrient::Potassium)
            .text(Nutrient::Potassium),
        "996 mg"
    );

    let k = contributions(
        &plan,
        table,
        Nutrient::Potassium,
        WaterCounting::DrinksAndFood,
    );
    assert_eq!(k.known.iter().map(|c| c.id).collect::<Vec<_>>(), [y, b]);

    let progress = day_progress(&targets, &totals);
    let by = |n| progress.iter().find(|p| p.nutrient == n).unwrap();
    assert_eq!(by(Nutrient::Potassium).status, Status::Below);
    assert_eq!(by(Nutrient::Potassium).text(), "38 % of 2,600 mg");
    assert_eq!(by(Nutrient::Sodium).status, Status::WithinLimit);
    assert_eq!(by(Nutrient::Sodium).text(), "8 % of the 2,300 mg limit");
    assert_eq!(by(Nutrient::Calcium).text(), "45 % of 1,000 mg");
    assert_eq!(magnesium_warning(&plan, targets.row()), None);
    assert_eq!(potassium_caution(&plan), None);
}

#[test]
fn a_full_day_with_supplements_and_drinks() {
    let table = sr28();
    let targets = DailyTargets::new(Profile::default(), nasem()).unwrap();
    let mut plan = DayPlan::new();
    // 6 oz of raw spinach (11457) at lunch, in ounces.
    let oz = parse_number("6").unwrap();
    plan.add_food(
        Meal::Lunch,
        ndb("11457"),
        oz,
        FoodUnit::Mass(MassUnit::Ounce),
        table,
    )
    .unwrap();
    plan.add_supplement(
        Meal::Dinner,
        Supplement::Magnesium {
            form: MagnesiumForm::Glycinate,
            elemental_mg: 400.0,
        },
    )
    .unwrap();
    plan.add_supplement(
        Meal::Breakfast,
        Supplement::Calcium {
            form: CalciumForm::Carbonate,
            elemental_mg: 500.0,
        },
    )
    .unwrap();
    plan.add_supplement(Meal::Breakfast, Supplement::Potassium { tablets: 2 })
        .unwrap();
    plan.add_drink(Meal::Lunch, 2.0, VolumeUnit::Glass).unwrap();
    plan.add_drink(Meal::Dinner, 16.0, VolumeUnit::FluidOunce)
        .unwrap();

    let drinks = DayTotals::compute(&plan, table, WaterCounting::DrinksOnly);
    let spinach = food("11457");
    let grams = 6.0 * 28.349_523_125;
    let day = |t: &DayTotals, n| t.day().get(n).known;
    assert!(close(
        day(&drinks, Nutrient::Potassium),
        spinach.per_100g.get(Nutrient::Potassium).unwrap() * grams / 100.0 + 198.0
    ));
    assert!(close(
        day(&drinks, Nutrient::Calcium),
        spinach.per_100g.get(Nutrient::Calcium).unwrap() * grams / 100.0 + 500.0
    ));
    assert!(close(
        day(&drinks, Nutrient::Water),
        500.0 + 16.0 * 29.573_529_562_5
    ));
    let with_food = DayTotals::compute(&plan, table, WaterCounting::DrinksAndFood);
    assert!(close(
        day(&with_food, Nutrient::Water),
        500.0
            + 16.0 * 29.573_529_562_5
            + spinach.per_100g.get(Nutrient::Water).unwrap() * grams / 100.0
    ));
    assert!(magnesium_warning(&plan, targets.row()).is_some());
    assert!(potassium_caution(&plan).is_some());
}

#[test]
fn plans_round_trip_through_json_in_a_stable_shape() {
    let table = sr28();
    let mut plan = DayPlan::new();
    plan.add_food(
        Meal::Breakfast,
        ndb("09040"),
        1.0,
        FoodUnit::Portion(4),
        table,
    )
    .unwrap();
    plan.add_food(
        Meal::Snacks,
        ndb("01117"),
        150.0,
        FoodUnit::Mass(MassUnit::Gram),
        table,
    )
    .unwrap();
    plan.add_supplement(
        Meal::Snacks,
        Supplement::Magnesium {
            form: MagnesiumForm::Citrate,
            elemental_mg: 200.0,
        },
    )
    .unwrap();
    plan.add_supplement(
        Meal::Dinner,
        Supplement::Calcium {
            form: CalciumForm::Citrate,
            elemental_mg: 315.0,
        },
    )
    .unwrap();
    plan.add_supplement(Meal::Dinner, Supplement::Potassium { tablets: 2 })
        .unwrap();
    plan.add_supplement(
        Meal::Lunch,
        Supplement::ElectrolyteDrink {
            drink: ElectrolyteDrink {
                name: "Salt fizz".into(),
                per_serving: DrinkMinerals {
                    sodium_mg: 1_000.0,
                    potassium_mg: 200.0,
                    magnesium_mg: 60.0,
                    calcium_mg: 0.0,
                },
                serving_ml: 500.0,
            },
            servings: 1.0,
        },
    )
    .unwrap();
    let water = plan.add_drink(Meal::Lunch, 2.0, VolumeUnit::Glass).unwrap();
    plan.remove(water).unwrap();
    plan.undo_remove().unwrap();

    let json = serde_json::to_string(&plan).unwrap();
    assert_eq!(
        json,
        concat!(
            r#"{"v":1,"next_id":7,"#,
            r#""breakfast":[{"kind":"food","id":0,"ndb":"09040","amount":1.0,"portion":4}],"#,
            r#""lunch":[{"kind":"electrolyte_drink","id":5,"name":"Salt fizz","per_serving":{"na":1000.0,"k":200.0,"mg":60.0,"ca":0.0},"ml":500.0,"servings":1.0},"#,
            r#"{"kind":"drink","id":6,"amount":2.0,"unit":"glass"}],"#,
            r#""dinner":[{"kind":"calcium","id":3,"form":"citrate","mg":315.0},{"kind":"potassium","id":4,"tablets":2}],"#,
            r#""snacks":[{"kind":"food","id":1,"ndb":"01117","amount":150.0,"unit":"g"},{"kind":"magnesium","id":2,"form":"citrate","mg":200.0}]}"#
        )
    );
    let back: DayPlan = serde_json::from_str(&json).unwrap();
    assert_eq!(back, plan);
    // Ids go on where they left off.
    let mut back = back;
    let next = back.add_drink(Meal::Lunch, 1.0, VolumeUnit::Glass).unwrap();
    assert_eq!(next.value(), 7);
    // The empty day is tiny.
    assert_eq!(
        serde_json::to_string(&DayPlan::new()).unwrap(),
        r#"{"v":1,"next_id":0}"#
    );
}

#[test]
fn damaged_stored_plans_are_refused_not_trusted() {
    let bad = [
        r#"{"v":2,"next_id":1}"#,
        r#"{"v":1,"next_id":1,"lunch":[{"kind":"food","id":0,"ndb":"9040","amount":1.0,"portion":4}]}"#,
        r#"{"v":1,"next_id":1,"lunch":[{"kind":"food","id":0,"ndb":"09040","amount":-1.0,"portion":4}]}"#,
        r#"{"v":1,"next_id":1,"lunch":[{"kind":"food","id":0,"ndb":"09040","amount":1.0}]}"#,
        r#"{"v":1,"next_id":1,"lunch":[{"kind":"food","id":0,"ndb":"09040","amount":1.0,"unit":"lb"}]}"#,
        r#"{"v":1,"next_id":1,"lunch":[{"kind":"food","id":0,"ndb":"09040","amount":50000.0,"unit":"g"}]}"#,
        r#"{"v":1,"next_id":2,"lunch":[{"kind":"drink","id":1,"amount":1.0,"unit":"glass"},{"kind":"drink","id":1,"amount":1.0,"unit":"glass"}]}"#,
        r#"{"v":1,"next_id":1,"lunch":[{"kind":"drink","id":1,"amount":1.0,"unit":"glass"}]}"#,
        r#"{"v":1,"next_id":1,"lunch":[{"kind":"potassium","id":0,"tablets":0}]}"#,
        r#"{"v":1,"next_id":1,"lunch":[{"kind":"magnesium","id":0,"form":"sulfate","mg":100.0}]}"#,
        r#"{"v":1,"next_id":1,"lunch":[{"kind":"iron","id":0}]}"#,
        r#"{"v":1,"next_id":1,"lunch":[{"kind":"drink","id":0,"amount":1e400,"unit":"ml"}]}"#,
        r#"[]"#,
    ];
    for json in bad {
        assert!(serde_json::from_str::<DayPlan>(json).is_err(), "{json}");
    }
    let err = serde_json::from_str::<DayPlan>(r#"{"v":2,"next_id":1}"#).unwrap_err();
    assert!(err
        .to_string()
        .contains("The saved day plan could not be read"));
    assert_eq!(
        PlanError::Stored("two items share an id").to_string(),
        "The saved day plan could not be read: two items share an id."
    );
}

#[test]
fn profiles_and_targets_round_trip_through_json() {
    let profile = Profile::new(34.5, Sex::Female, Some(Stage::Lactating)).unwrap();
    let json = serde_json::to_string(&profile).unwrap();
    assert_eq!(
        json,
        r#"{"age_years":34.5,"sex":"female","stage":"lactating"}"#
    );
    assert_eq!(serde_json::from_str::<Profile>(&json).unwrap(), profile);
    let man = Profile::new(0.5, Sex::Male, None).unwrap();
    let json = serde_json::to_string(&man).unwrap();
    assert_eq!(json, r#"{"age_years":0.5,"sex":"male"}"#);
    assert_eq!(serde_json::from_str::<Profile>(&json).unwrap(), man);
    for bad in [
        r#"{"age_years":200.0,"sex":"female"}"#,
        r#"{"age_years":30.0,"sex":"male","stage":"pregnant"}"#,
        r#"{"age_years":30.0,"sex":"other"}"#,
        r#"{"sex":"female"}"#,
    ] {
        assert!(serde_json::from_str::<Profile>(bad).is_err(), "{bad}");
    }
    let err = serde_json::from_str::<Profile>(r#"{"age_years":-3.0,"sex":"female"}"#).unwrap_err();
    assert!(err.to_string().contains("The age cannot be negative."));

    let mut targets = DailyTargets::new(profile, nasem()).unwrap();
    targets.set_preset(Preset::LabelDailyValues).unwrap();
    targets.set_override(Nutrient::Water, 3_200.0).unwrap();
    let json = serde_json::to_string(&targets).unwrap();
    assert_eq!(
        json,
        r#"{"profile":{"age_years":34.5,"sex":"female","stage":"lactating"},"preset":"label_daily_values","overrides":{"water":3200.0}}"#
    );
    assert_eq!(
        serde_json::from_str::<DailyTargets>(&json).unwrap(),
        targets
    );
    let bad_override = r#"{"profile":{"age_years":30.0,"sex":"male"},"overrides":{"sodium":-5.0}}"#;
    assert!(serde_json::from_str::<DailyTargets>(bad_override).is_err());
    let toddler_dv = r#"{"profile":{"age_years":2.0,"sex":"male"},"preset":"label_daily_values"}"#;
    assert!(serde_json::from_str::<DailyTargets>(toddler_dv).is_err());
}

#[test]
fn refused_edits_leave_the_real_plan_untouched() {
    let table = sr28();
    let spinach = ndb("11457");
    let mut plan = DayPlan::new();
    let id = plan
        .add_food(Meal::Dinner, spinach, 1.0, FoodUnit::Portion(0), table)
        .unwrap();
    let before = plan.clone();
    // 50 kg of spinach, in grams and in ounces.
    assert!(plan
        .add_food(
            Meal::Dinner,
            spinach,
            50_000.0,
            FoodUnit::Mass(MassUnit::Gram),
            table
        )
        .is_err());
    assert!(plan
        .add_food(
            Meal::Dinner,
            spinach,
            1_800.0,
            FoodUnit::Mass(MassUnit::Ounce),
            table
        )
        .is_err());
    assert!(plan.set_amount(id, f64::NAN, table).is_err());
    assert!(plan.set_amount(id, -2.0, table).is_err());
    assert_eq!(
        plan.change_food_unit(id, FoodUnit::Portion(99), table),
        Err(PlanError::NoSuchPortion)
    );
    assert_eq!(plan, before);
    assert!(matches!(
        plan.get(id).unwrap().1.entry,
        Entry::Food(ref f) if f.amount == 1.0
    ));
    // Typed text goes through parse_number first.
    assert!(parse_number("-3").is_err());
    assert!(parse_number("NaN").is_err());
    assert_eq!(ProfileError::AgeEmpty.to_string(), "Enter an age.");
}
