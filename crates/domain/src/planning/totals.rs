//! What the day plan adds up to: totals per meal and for the day, honest
//! about missing data ("at least"), fluids, and which items a nutrient
//! came from.

use crate::foods::food_table::FoodTable;
use crate::foods::nutrient::Nutrient;
use crate::planning::plan::{DayPlan, Entry, ItemId, Meal, PlanItem};
use crate::units::amount_text::format_nutrient_amount;
use crate::units::format::format_amount;

/// Whether the water in foods counts toward the day's fluids. The water
/// target is the DRI for total water (food and drinks), so counting it is
/// the default; drinks alone are about 80 % of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum WaterCounting {
    /// Drinks, electrolyte drinks and the water in foods.
    #[default]
    DrinksAndFood,
    /// Drinks and electrolyte drinks only.
    DrinksOnly,
}

/// How much of one nutrient one item holds.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum ItemAmount {
    /// This much, in the nutrient's unit (water in g = ml).
    Known(f64),
    /// The item should hold some but the data is missing (USDA has no value,
    /// or the food or portion is not in the table).
    NoData,
    /// At least this much: a recipe planned from ingredients some of which
    /// lack data for it; counts as known and as missing data.
    AtLeast(f64),
    /// The item does not carry this nutrient at all (a magnesium tablet's
    /// potassium, a glass of water's sodium) or it is not counted (food
    /// water with [`WaterCounting::DrinksOnly`]); not "missing".
    NotCarried,
}

/// What `item` holds of `nutrient`.
///
/// Drinks carry only water; supplements only their minerals (and water for
/// electrolyte drinks); energy from supplements is not counted.
pub fn item_amount(
    item: &PlanItem,
    nutrient: Nutrient,
    table: &FoodTable,
    water: WaterCounting,
) -> ItemAmount {
    entry_amounts(&item.entry, table, water)[nutrient.index()]
}

/// What `entry` holds of every nutrient, in [`Nutrient::ALL`] order, as
/// [`item_amount`] counts it (e.g. an own food's snapshot before it is
/// planned).
pub fn entry_amounts(
    entry: &Entry,
    table: &FoodTable,
    water: WaterCounting,
) -> [ItemAmount; Nutrient::ALL.len()] {
    match entry {
        Entry::Food(entry) => {
            let food = table
                .get(entry.ndb)
                .and_then(|food| Some((food, entry.grams(food)?)));
            Nutrient::ALL.map(|nutrient| {
                if nutrient == Nutrient::Water && water == WaterCounting::DrinksOnly {
                    return ItemAmount::NotCarried;
                }
                food.and_then(|(food, grams)| food.amount_in(nutrient, grams))
                    .map_or(ItemAmount::NoData, ItemAmount::Known)
            })
        }
        Entry::Supplement(s) => Nutrient::ALL.map(|nutrient| match nutrient {
            Nutrient::Water => match s.fluid_ml() {
                ml if ml > 0.0 => ItemAmount::Known(ml),
                _ => ItemAmount::NotCarried,
            },
            _ => s
                .mineral_mg(nutrient)
                .map_or(ItemAmount::NotCarried, ItemAmount::Known),
        }),
        Entry::Drink(d) => Nutrient::ALL.map(|nutrient| match nutrient {
            Nutrient::Water => ItemAmount::Known(d.ml()),
            _ => ItemAmount::NotCarried,
        }),
        Entry::Mine(m) => Nutrient::ALL.map(|nutrient| {
            if nutrient == Nutrient::Water && water == WaterCounting::DrinksOnly {
                return ItemAmount::NotCarried;
            }
            match m.per_100g.get(nutrient) {
                None => ItemAmount::NoData,
                Some(v) if m.is_lower_bound(nutrient) => ItemAmount::AtLeast(v * m.grams() / 100.0),
                Some(v) => ItemAmount::Known(v * m.grams() / 100.0),
            }
        }),
    }
}

/// The minerals of one item at a glance, for a plan row: "K 422 · Mg 32 ·
/// Ca 6 · Na 1 mg"; a mineral without data reads "no data", one the item
/// does not carry is left out; `None` when it carries none (water).
pub fn item_minerals_line(item: &PlanItem, table: &FoodTable) -> Option<String> {
    entry_minerals_line(&item.entry, table)
}

/// [`item_minerals_line`] of an entry not planned yet.
pub fn entry_minerals_line(entry: &Entry, table: &FoodTable) -> Option<String> {
    let amounts = entry_amounts(entry, table, WaterCounting::default());
    let parts: Vec<String> = Nutrient::MINERALS
        .into_iter()
        .filter_map(|n| match amounts[n.index()] {
            ItemAmount::Known(mg) => Some(format!("{} {}", n.symbol(), format_amount(mg))),
            ItemAmount::AtLeast(mg) => Some(format!("{} ≥ {}", n.symbol(), format_amount(mg))),
            ItemAmount::NoData => Some(format!("{} no data", n.symbol())),
            ItemAmount::NotCarried => None,
        })
        .collect();
    (!parts.is_empty()).then(|| format!("{} mg", parts.join(" · ")))
}

/// A sum over items where some may lack data: `known` is then only a lower
/// bound ("at least"), and `items_missing` says how many lack data.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct NutrientTotal {
    /// The sum of the known amounts, in the nutrient's unit.
    pub known: f64,
    /// How many items should add some but have no data.
    pub items_missing: usize,
}

impl NutrientTotal {
    /// Whether the real total may be higher than [`NutrientTotal::known`].
    pub fn is_lower_bound(&self) -> bool {
        self.items_missing > 0
    }

    fn add(&mut self, amount: ItemAmount) {
        match amount {
            ItemAmount::Known(value) => self.known += value,
            ItemAmount::NoData => self.items_missing += 1,
            ItemAmount::AtLeast(value) => {
                self.known += value;
                self.items_missing += 1;
            }
            ItemAmount::NotCarried => {}
        }
    }

    /// The total for people: "1,230 mg", or "at least 1,230 mg" when items
    /// lack data.
    pub fn text(&self, nutrient: Nutrient) -> String {
        let amount = format_nutrient_amount(nutrient, self.known);
        if self.is_lower_bound() {
            format!("at least {amount}")
        } else {
            amount
        }
    }

    /// How many items lack data, when some do: "1 item has no potassium
    /// data", "3 items have no water data".
    pub fn missing_text(&self, nutrient: Nutrient) -> Option<String> {
        let name = nutrient.name().to_ascii_lowercase();
        match self.items_missing {
            0 => None,
            1 => Some(format!("1 item has no {name} data")),
            n => Some(format!("{n} items have no {name} data")),
        }
    }
}

/// A total for every nutrient.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Totals([NutrientTotal; Nutrient::ALL.len()]);

impl Totals {
    /// The total of `nutrient`.
    pub fn get(&self, nutrient: Nutrient) -> NutrientTotal {
        self.0[nutrient.index()]
    }

    fn add_amounts(&mut self, amounts: &[ItemAmount; Nutrient::ALL.len()]) {
        for (total, &amount) in self.0.iter_mut().zip(amounts) {
            total.add(amount);
        }
    }
}

/// Where the day's fluid comes from.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Fluids {
    /// Drinks and electrolyte drinks, in ml.
    pub drinks_ml: f64,
    /// The water in foods (g = ml), whether counted or not.
    pub food_water: NutrientTotal,
    /// Whether [`Fluids::food_water`] counts.
    pub counting: WaterCounting,
}

impl Fluids {
    /// The fluid that counts toward the water target.
    pub fn total(&self) -> NutrientTotal {
        match self.counting {
            WaterCounting::DrinksAndFood => NutrientTotal {
                known: self.drinks_ml + self.food_water.known,
                items_missing: self.food_water.items_missing,
            },
            WaterCounting::DrinksOnly => NutrientTotal {
                known: self.drinks_ml,
                items_missing: 0,
            },
        }
    }
}

/// The day's totals: per meal, for the day, and its fluids.
#[derive(Debug, Clone, PartialEq)]
pub struct DayTotals {
    meals: [Totals; Meal::ALL.len()],
    day: Totals,
    fluids: Fluids,
}

impl DayTotals {
    /// Adds up `plan` against `table`. The water line of every total
    /// follows `water`, so it always equals the fluids that count.
    pub fn compute(plan: &DayPlan, table: &FoodTable, water: WaterCounting) -> DayTotals {
        let mut meals = [Totals::default(); Meal::ALL.len()];
        let mut day = Totals::default();
        let mut fluids = Fluids {
            counting: water,
            ..Fluids::default()
        };
        for (meal, item) in plan.iter() {
            let amounts = entry_amounts(&item.entry, table, water);
            meals[meal.index()].add_amounts(&amounts);
            day.add_amounts(&amounts);
            match &item.entry {
                Entry::Food(_) | Entry::Mine(_) => fluids.food_water.add(match water {
                    WaterCounting::DrinksAndFood => amounts[Nutrient::Water.index()],
                    WaterCounting::DrinksOnly => {
                        item_amount(item, Nutrient::Water, table, WaterCounting::DrinksAndFood)
                    }
                }),
                Entry::Supplement(s) => fluids.drinks_ml += s.fluid_ml(),
                Entry::Drink(d) => fluids.drinks_ml += d.ml(),
            }
        }
        // The same sum, added in the order the fluids show it, so that the
        // two agree to the last digit.
        day.0[Nutrient::Water.index()] = fluids.total();
        DayTotals { meals, day, fluids }
    }

    /// The totals of one meal.
    pub fn meal(&self, meal: Meal) -> &Totals {
        &self.meals[meal.index()]
    }

    /// The totals of the whole day.
    pub fn day(&self) -> &Totals {
        &self.day
    }

    /// The day's fluids, split into drinks and food water.
    pub fn fluids(&self) -> &Fluids {
        &self.fluids
    }
}

/// One item's part of a nutrient's day total.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Contribution {
    /// The item ([`DayPlan::get`] gives its meal, name and amount).
    pub id: ItemId,
    /// How much it adds, in the nutrient's unit.
    pub amount: f64,
    /// Its share of the known total, 0–100 (0 when the total is 0).
    pub percent: f64,
}

/// "Where it came from": the items holding a nutrient, largest first, and
/// the items that lack data for it.
#[derive(Debug, Clone, PartialEq)]
pub struct Contributions {
    /// The nutrient.
    pub nutrient: Nutrient,
    /// Items with a known amount, largest first (ties in plan order).
    pub known: Vec<Contribution>,
    /// Items without data for it, in plan order.
    pub missing: Vec<ItemId>,
}

/// The day's items by what they add of `nutrient`. Items that do not carry
/// it at all (a glass of water for potassium) are left out.
pub fn contributions(
    plan: &DayPlan,
    table: &FoodTable,
    nutrient: Nutrient,
    water: WaterCounting,
) -> Contributions {
    let mut known = Vec::new();
    let mut missing = Vec::new();
    for (_, item) in plan.iter() {
        match item_amount(item, nutrient, table, water) {
            ItemAmount::Known(amount) => known.push(Contribution {
                id: item.id,
                amount,
                percent: 0.0,
            }),
            ItemAmount::AtLeast(amount) => {
                known.push(Contribution {
                    id: item.id,
                    amount,
                    percent: 0.0,
                });
                missing.push(item.id);
            }
            ItemAmount::NoData => missing.push(item.id),
            ItemAmount::NotCarried => {}
        }
    }
    let total: f64 = known.iter().map(|c| c.amount).sum();
    if total > 0.0 {
        for c in &mut known {
            c.percent = c.amount / total * 100.0;
        }
    }
    // Stable: equal amounts keep plan order.
    known.sort_by(|a, b| b.amount.total_cmp(&a.amount));
    Contributions {
        nutrient,
        known,
        missing,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::planning::plan::test_table::{ndb, table};
    use crate::planning::plan::FoodUnit;
    use crate::planning::supplements::{
        DrinkMinerals, ElectrolyteDrink, MagnesiumForm, Supplement,
    };
    use crate::units::amount::MassUnit;
    use crate::units::volume::VolumeUnit;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    /// Banana (no sodium data) at breakfast, 100 g spinach and a mystery
    /// food (no potassium or water data) at lunch, 200 mg magnesium and
    /// 2 glasses of water at dinner.
    fn day() -> (DayPlan, [ItemId; 5]) {
        let t = table();
        let mut plan = DayPlan::new();
        let banana = plan
            .add_food(Meal::Breakfast, ndb(9040), 1.0, FoodUnit::Portion(0), &t)
            .unwrap();
        let spinach = plan
            .add_food(
                Meal::Lunch,
                ndb(11457),
                100.0,
                FoodUnit::Mass(MassUnit::Gram),
                &t,
            )
            .unwrap();
        let mystery = plan
            .add_food(
                Meal::Lunch,
                ndb(99999),
                1.0,
                FoodUnit::Mass(MassUnit::Ounce),
                &t,
            )
            .unwrap();
        let magnesium = plan
            .add_supplement(
                Meal::Dinner,
                Supplement::Magnesium {
                    form: MagnesiumForm::Glycinate,
                    elemental_mg: 200.0,
                },
            )
            .unwrap();
        let water = plan
            .add_drink(Meal::Dinner, 2.0, VolumeUnit::Glass)
            .unwrap();
        (plan, [banana, spinach, mystery, magnesium, water])
    }

    #[test]
    fn missing_data_makes_totals_lower_bounds() {
        let (plan, _) = day();
        let totals = DayTotals::compute(&plan, &table(), WaterCounting::DrinksAndFood);
        let k = totals.day().get(Nutrient::Potassium);
        assert!(close(k.known, 358.0 * 1.18 + 558.0));
        assert_eq!(k.items_missing, 1);
        assert!(k.is_lower_bound());
        assert_eq!(k.text(Nutrient::Potassium), "at least 980 mg");
        assert_eq!(
            k.missing_text(Nutrient::Potassium).as_deref(),
            Some("1 item has no potassium data")
        );
        let na = totals.day().get(Nutrient::Sodium);
        assert!(close(na.known, 79.0 + 1000.0 * 28.349_523_125 / 100.0));
        assert_eq!(na.items_missing, 1);
        // Magnesium: food plus the supplement, all known.
        let mg = totals.day().get(Nutrient::Magnesium);
        let mystery_mg = 50.0 * 28.349_523_125 / 100.0;
        assert!(close(mg.known, 27.0 * 1.18 + 79.0 + mystery_mg + 200.0));
        assert_eq!(mg.items_missing, 0);
        assert_eq!(mg.missing_text(Nutrient::Magnesium), None);
        assert!(!mg.text(Nutrient::Magnesium).starts_with("at least"));
    }

    #[test]
    fn meals_add_up_to_the_day() {
        let (plan, _) = day();
        let totals = DayTotals::compute(&plan, &table(), WaterCounting::DrinksAndFood);
        for nutrient in Nutrient::ALL {
            let sum: f64 = Meal::ALL
                .iter()
                .map(|&m| totals.meal(m).get(nutrient).known)
                .sum();
            let missing: usize = Meal::ALL
                .iter()
                .map(|&m| totals.meal(m).get(nutrient).items_missing)
                .sum();
            assert!(close(sum, totals.day().get(nutrient).known), "{nutrient:?}");
            assert_eq!(missing, totals.day().get(nutrient).items_missing);
        }
        assert_eq!(
            totals.meal(Meal::Snacks).get(Nutrient::Calcium),
            NutrientTotal::default()
        );
        assert!(close(
            totals.meal(Meal::Dinner).get(Nutrient::Magnesium).known,
            200.0
        ));
        assert_eq!(
            totals
                .meal(Meal::Dinner)
                .get(Nutrient::Potassium)
                .items_missing,
            0
        );
    }

    #[test]
    fn fluids_count_drinks_and_optionally_food_water() {
        let (mut plan, _) = day();
        plan.add_drink(Meal::Snacks, 8.0, VolumeUnit::FluidOunce)
            .unwrap();
        plan.add_supplement(
            Meal::Snacks,
            Supplement::ElectrolyteDrink {
                drink: ElectrolyteDrink {
                    name: String::new(),
                    per_serving: DrinkMinerals {
                        sodium_mg: 300.0,
                        ..DrinkMinerals::default()
                    },
                    serving_ml: 330.0,
                },
                servings: 1.0,
            },
        )
        .unwrap();
        let t = table();
        let drinks = 500.0 + 8.0 * 29.573_529_562_5 + 330.0;
        let food_water = 74.91 * 1.18 + 91.4;
        let with_food = DayTotals::compute(&plan, &t, WaterCounting::DrinksAndFood);
        let fluids = with_food.fluids();
        assert!(close(fluids.drinks_ml, drinks));
        assert!(close(fluids.food_water.known, food_water));
        assert_eq!(fluids.food_water.items_missing, 1);
        assert!(close(fluids.total().known, drinks + food_water));
        assert_eq!(fluids.total().items_missing, 1);
        assert_eq!(with_food.day().get(Nutrient::Water), fluids.total());
        let drinks_only = DayTotals::compute(&plan, &t, WaterCounting::DrinksOnly);
        assert!(close(drinks_only.fluids().total().known, drinks));
        assert_eq!(drinks_only.fluids().total().items_missing, 0);
        assert_eq!(
            drinks_only.day().get(Nutrient::Water),
            drinks_only.fluids().total()
        );
        // Food water is still reported, just not counted.
        assert!(close(drinks_only.fluids().food_water.known, food_water));
        assert_eq!(
            drinks_only.day().get(Nutrient::Water).text(Nutrient::Water),
            "1.07 L"
        );
    }

    #[test]
    fn contributions_are_sorted_with_missing_listed_apart() {
        let (plan, [banana, spinach, mystery, magnesium, water]) = day();
        let t = table();
        let k = contributions(&plan, &t, Nutrient::Potassium, WaterCounting::DrinksAndFood);
        let order: Vec<_> = k.known.iter().map(|c| c.id).collect();
        assert_eq!(order, [spinach, banana]);
        assert_eq!(k.missing, [mystery]);
        let percents: f64 = k.known.iter().map(|c| c.percent).sum();
        assert!(close(percents, 100.0));
        let mg = contributions(&plan, &t, Nutrient::Magnesium, WaterCounting::DrinksAndFood);
        let order: Vec<_> = mg.known.iter().map(|c| c.id).collect();
        assert_eq!(order, [magnesium, spinach, banana, mystery]);
        assert!(mg.missing.is_empty());
        let w = contributions(&plan, &t, Nutrient::Water, WaterCounting::DrinksOnly);
        assert_eq!(w.known.iter().map(|c| c.id).collect::<Vec<_>>(), [water]);
        assert!(w.missing.is_empty());
        let empty = contributions(
            &DayPlan::new(),
            &t,
            Nutrient::Calcium,
            WaterCounting::DrinksAndFood,
        );
        assert!(empty.known.is_empty() && empty.missing.is_empty());
    }

    #[test]
    fn unknown_foods_count_as_missing_not_zero() {
        let t = table();
        let plan: DayPlan = serde_json::from_str(
            r#"{"v":1,"next_id":2,"lunch":[
                {"kind":"food","id":0,"ndb":"12345","amount":100.0,"unit":"g"},
                {"kind":"food","id":1,"ndb":"09040","amount":1.0,"portion":5}]}"#,
        )
        .unwrap();
        let totals = DayTotals::compute(&plan, &t, WaterCounting::DrinksAndFood);
        for nutrient in Nutrient::ALL {
            let total = totals.day().get(nutrient);
            assert_eq!(total.known, 0.0);
            assert_eq!(total.items_missing, 2, "{nutrient:?}");
        }
    }

    #[test]
    fn plural_missing_text() {
        let total = NutrientTotal {
            known: 1_230.0,
            items_missing: 3,
        };
        assert_eq!(total.text(Nutrient::Calcium), "at least 1,230 mg");
        assert_eq!(
            total.missing_text(Nutrient::Water).as_deref(),
            Some("3 items have no water data")
        );
    }

    #[test]
    fn an_item_row_shows_its_minerals_at_a_glance() {
        let table = table();
        let mut plan = DayPlan::new();
        let banana = plan
            .add_food(
                Meal::Breakfast,
                ndb(9040),
                118.0,
                FoodUnit::Mass(MassUnit::Gram),
                &table,
            )
            .unwrap();
        let water = plan.add_drink(Meal::Lunch, 1.0, VolumeUnit::Glass).unwrap();
        let line = |id| item_minerals_line(plan.get(id).unwrap().1, &table);
        let text = line(banana).unwrap();
        assert!(text.starts_with("K 4") && text.ends_with(" mg"), "{text}");
        assert_eq!(text.matches(" · ").count(), 3, "{text}");
        assert_eq!(line(water), None);
    }
}
