//! A past day, readable: what was eaten and drunk by meal (each item with
//! its amount and minerals), the day against its targets, the cramps,
//! activity and notes. Built from the planner's own pieces
//! ([`PlanItem::name`], [`PlanItem::describe_amount`],
//! [`item_minerals_line`], [`DayFigures::progress`]).
//!
//! [`PlanItem::name`]: crate::planning::plan::PlanItem::name
//! [`PlanItem::describe_amount`]: crate::planning::plan::PlanItem::describe_amount

use crate::diary::date::Date;
use crate::diary::day::{Activity, CrampEpisode};
use crate::diary::Diary;
use crate::foods::food_table::FoodTable;
use crate::foods::nutrient::Nutrient;
use crate::insights::day_figures::DayFigures;
use crate::planning::plan::{ItemId, Meal};
use crate::planning::progress::Progress;
use crate::planning::totals::item_minerals_line;

/// One item as the day lists it.
#[derive(Debug, Clone, PartialEq)]
pub struct ItemLine {
    /// The item's id in its day's plan (a stable key for lists).
    pub id: ItemId,
    /// "Bananas, raw", "Magnesium citrate", "Drink".
    pub name: String,
    /// "1 medium (7\" to 7-7/8\" long), 118 g", "2 glasses (500 ml)".
    pub amount: String,
    /// "K 422 · Mg 32 · Ca 6 · Na no data mg"; `None` for an item without
    /// minerals (water).
    pub minerals: Option<String>,
}

/// The items of one meal.
#[derive(Debug, Clone, PartialEq)]
pub struct MealLines {
    /// The meal.
    pub meal: Meal,
    /// Its items, in plan order.
    pub items: Vec<ItemLine>,
}

/// Everything recorded on one day, ready to list.
#[derive(Debug, Clone, PartialEq)]
pub struct PastDay {
    /// The date.
    pub date: Date,
    /// The meals that hold items, in [`Meal::ALL`] order.
    pub meals: Vec<MealLines>,
    /// The day against each target (the four minerals and water); `None`
    /// where the total is not known (see [`DayFigures::total`]).
    pub progress: Vec<(Nutrient, Option<Progress>)>,
    /// The cramp episodes, in the order they were logged.
    pub cramps: Vec<CrampEpisode>,
    /// The activity (all zero when not noted); [`Activity::text`] words it.
    pub activity: Activity,
    /// The free notes.
    pub notes: String,
}

impl PastDay {
    /// The day at `date` of `diary`, measured against the diary's targets.
    pub fn of(diary: &Diary, table: &FoodTable, date: Date) -> PastDay {
        let day = diary.day(date);
        let plan = day.plan();
        let meals = Meal::ALL
            .into_iter()
            .filter(|&meal| !plan.items(meal).is_empty())
            .map(|meal| MealLines {
                meal,
                items: plan
                    .items(meal)
                    .iter()
                    .map(|item| ItemLine {
                        id: item.id,
                        name: item.name(table),
                        amount: item.describe_amount(table),
                        minerals: item_minerals_line(item, table),
                    })
                    .collect(),
            })
            .collect();
        PastDay {
            date,
            meals,
            progress: DayFigures::of(date, day, table).progress(diary.settings().targets()),
            cramps: day.cramps().to_vec(),
            activity: *day.activity(),
            notes: day.notes().to_owned(),
        }
    }

    /// Whether nothing is recorded on the day.
    pub fn is_empty(&self) -> bool {
        self.meals.is_empty()
            && self.cramps.is_empty()
            && self.activity.is_empty()
            && self.notes.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diary::date::date;
    use crate::diary::day::{test_days::calf_cramp, DayEntry};
    use crate::planning::plan::test_table::{ndb, table};
    use crate::planning::plan::FoodUnit;
    use crate::units::volume::VolumeUnit;

    #[test]
    fn a_past_day_lists_its_items_by_meal_with_the_rest() {
        let t = table();
        let mut day = DayEntry::new();
        day.plan_mut()
            .add_drink(Meal::Dinner, 2.0, VolumeUnit::Glass)
            .unwrap();
        day.plan_mut()
            .add_food(Meal::Breakfast, ndb(9040), 1.0, FoodUnit::Portion(0), &t)
            .unwrap();
        day.add_cramp(calf_cramp()).unwrap();
        day.set_notes("Long walk").unwrap();
        let d = date("2026-11-28");
        let mut diary = Diary::default();
        diary.set_day(d, day).unwrap();
        let past = PastDay::of(&diary, &t, d);
        assert!(!past.is_empty());
        let meals: Vec<Meal> = past.meals.iter().map(|m| m.meal).collect();
        assert_eq!(meals, [Meal::Breakfast, Meal::Dinner]);
        let banana = &past.meals[0].items[0];
        assert_eq!(banana.name, "Bananas, raw");
        assert!(banana.amount.ends_with("118 g"), "{}", banana.amount);
        let minerals = banana.minerals.as_deref().unwrap();
        assert!(minerals.starts_with("K 422 · "), "{minerals}");
        assert!(minerals.contains("Na no data"), "{minerals}");
        let water = &past.meals[1].items[0];
        assert_eq!(
            (water.name.as_str(), water.amount.as_str()),
            ("Drink", "2 glasses (500 ml)")
        );
        assert_eq!(water.minerals, None);
        assert_eq!(past.progress.len(), 5);
        let (k, progress) = past.progress[0];
        assert_eq!(k, Nutrient::Potassium);
        assert!((progress.unwrap().total.known - 358.0 * 1.18).abs() < 1e-9);
        assert_eq!(past.cramps, [calf_cramp()]);
        assert_eq!(past.notes, "Long walk");
        // A day with nothing recorded.
        let empty = PastDay::of(&diary, &t, date("2026-11-29"));
        assert!(empty.is_empty());
        assert!(empty.progress.iter().all(|(_, p)| p.is_none()));
    }
}
