//! The day plan: foods, supplements and drinks in four meals, with stable
//! item ids, checked edits, undo of the last removal and a compact stored
//! form for the browser's storage.

use std::fmt;

use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;

use crate::foods::food::{Food, NdbNumber, NutrientValues};
use crate::foods::food_table::FoodTable;
use crate::foods::mine::{MyFoodId, MyFoods};
use crate::foods::nutrient::Nutrient;
use crate::planning::supplements::{
    CalciumForm, DrinkMinerals, ElectrolyteDrink, MagnesiumForm, Supplement, SupplementError,
};
use crate::units::amount::{MassUnit, MAX_GRAMS};
use crate::units::format::format_number;
use crate::units::quantity::{positive, QuantityError};
use crate::units::volume::{VolumeUnit, MAX_DRINK_ML};

/// The most items one day may hold.
pub const MAX_ITEMS: usize = 200;

/// A meal of the day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Meal {
    /// Breakfast.
    Breakfast,
    /// Lunch.
    Lunch,
    /// Dinner.
    Dinner,
    /// Snacks, whenever they are eaten.
    Snacks,
}

impl Meal {
    /// Every meal, in the order of the day.
    pub const ALL: [Meal; 4] = [Meal::Breakfast, Meal::Lunch, Meal::Dinner, Meal::Snacks];

    /// "Breakfast", "Lunch", "Dinner", "Snacks".
    pub fn label(self) -> &'static str {
        match self {
            Meal::Breakfast => "Breakfast",
            Meal::Lunch => "Lunch",
            Meal::Dinner => "Dinner",
            Meal::Snacks => "Snacks",
        }
    }

    /// Stable lowercase key for forms, test ids and storage: "breakfast".
    pub fn key(self) -> &'static str {
        match self {
            Meal::Breakfast => "breakfast",
            Meal::Lunch => "lunch",
            Meal::Dinner => "dinner",
            Meal::Snacks => "snacks",
        }
    }

    /// Inverse of [`Meal::key`].
    pub fn from_key(key: &str) -> Option<Meal> {
        Meal::ALL.into_iter().find(|m| m.key() == key)
    }

    /// Position in [`Meal::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }

    /// The meal a person is most likely adding to at `hour` (0–23) of
    /// their local time: breakfast from 4 to 10, lunch from 11 to 14,
    /// dinner from 17 to 20, snacks in between and at night.
    pub fn at_hour(hour: u32) -> Meal {
        match hour {
            4..=10 => Meal::Breakfast,
            11..=14 => Meal::Lunch,
            17..=20 => Meal::Dinner,
            _ => Meal::Snacks,
        }
    }
}

/// Identifies an item for the life of the plan: never reused, kept in storage.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ItemId(u32);

impl ItemId {
    /// The number, e.g. for keyed lists and test ids.
    pub fn value(self) -> u32 {
        self.0
    }
}

/// What a food's amount counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FoodUnit {
    /// The household portion at this position in [`Food::portions`].
    Portion(usize),
    /// A mass unit (g or oz).
    Mass(MassUnit),
}

/// A food in the plan.
#[derive(Debug, Clone, PartialEq)]
pub struct FoodEntry {
    /// The food, by its NDB number.
    pub ndb: NdbNumber,
    /// How many portions, grams or ounces.
    pub amount: f64,
    /// What [`FoodEntry::amount`] counts.
    pub unit: FoodUnit,
}

impl FoodEntry {
    /// Grams of `food` this entry stands for; `None` when the portion is not
    /// one of the food's.
    pub fn grams(&self, food: &Food) -> Option<f64> {
        Some(self.amount * unit_grams(food, self.unit)?)
    }
}

/// Grams in one `unit` of `food`, when the unit exists and weighs something.
fn unit_grams(food: &Food, unit: FoodUnit) -> Option<f64> {
    match unit {
        FoodUnit::Portion(i) => food
            .portions
            .get(i)
            .map(|p| p.grams)
            .filter(|g| g.is_finite() && *g > 0.0),
        FoodUnit::Mass(unit) => Some(unit.grams()),
    }
}

/// What an own food's amount counts, kept with the snapshot.
#[derive(Debug, Clone, PartialEq)]
pub enum MineUnit {
    /// Grams.
    Grams,
    /// A household portion of a food, or "1 serving" of a recipe, as it
    /// weighed when planned.
    Portion {
        /// "1 pot", "1 serving".
        label: String,
        /// What one weighs, in g.
        grams: f64,
    },
}

impl MineUnit {
    /// Grams in one unit.
    pub fn grams(&self) -> f64 {
        match self {
            MineUnit::Grams => 1.0,
            MineUnit::Portion { grams, .. } => *grams,
        }
    }

    /// The unit's name in messages: "g" or "portions".
    pub fn name(&self) -> &'static str {
        match self {
            MineUnit::Grams => "g",
            MineUnit::Portion { .. } => "portions",
        }
    }
}

/// One of the user's own foods or recipes in the plan, as a **snapshot**:
/// its name and values per 100 g as they were when planned. Editing or
/// deleting the food never changes the day, unless the person asks
/// ([`DayPlan::refresh_mine`]).
#[derive(Debug, Clone, PartialEq)]
pub struct MineEntry {
    /// The own food or recipe it was taken from (it may be gone since).
    pub source: MyFoodId,
    /// Its name when planned.
    pub name: String,
    /// Its values per 100 g when planned; `None` = no data.
    pub per_100g: NutrientValues,
    /// Bit `n.index()` set: the value of nutrient `n` is only a lower bound
    /// (a recipe's ingredients lacking data).
    pub lacking: u8,
    /// How many `unit`s.
    pub amount: f64,
    /// Grams or a portion.
    pub unit: MineUnit,
}

impl MineEntry {
    /// The grams planned.
    pub fn grams(&self) -> f64 {
        self.amount * self.unit.grams()
    }

    /// Whether `nutrient`'s value is only a lower bound.
    pub fn is_lower_bound(&self, nutrient: Nutrient) -> bool {
        self.lacking & (1 << nutrient.index()) != 0
    }

    /// "1 pot, 125 g", "2 × 1 serving, 700 g", "150 g".
    pub fn describe_amount(&self) -> String {
        let count = format_number(self.amount, 2);
        match &self.unit {
            MineUnit::Grams => format!("{count} g"),
            MineUnit::Portion { label, .. } => {
                let grams = format_number(self.grams(), 1);
                if count == "1" {
                    format!("{label}, {grams} g")
                } else {
                    format!("{count} × {label}, {grams} g")
                }
            }
        }
    }

    /// The entry, checked as a stored one is.
    fn checked(self) -> Result<MineEntry, PlanError> {
        let name_ok = self.name.trim() == self.name
            && !self.name.is_empty()
            && self.name.chars().count() <= MAX_MINE_NAME_CHARS;
        if !name_ok {
            return Err(PlanError::Stored("an own food's name is empty or too long"));
        }
        let values_ok = Nutrient::ALL.into_iter().all(|n| {
            self.per_100g
                .get(n)
                .is_none_or(|v| v.is_finite() && (0.0..=100_000.0).contains(&v))
        });
        if !values_ok || self.lacking >= 1 << Nutrient::ALL.len() {
            return Err(PlanError::Stored("an own food's values are out of range"));
        }
        if let MineUnit::Portion { label, grams } = &self.unit {
            if label.trim().is_empty()
                || label.chars().count() > 40
                || !(grams.is_finite() && *grams > 0.0 && *grams <= MAX_GRAMS)
            {
                return Err(PlanError::Stored("an own food's portion is not usable"));
            }
        }
        let amount = positive(self.amount, MAX_GRAMS / self.unit.grams(), self.unit.name())
            .map_err(PlanError::Amount)?;
        Ok(MineEntry { amount, ..self })
    }
}

/// The longest own food name a plan keeps: a name, " (", a brand and ")".
const MAX_MINE_NAME_CHARS: usize = 2 * crate::foods::custom::MAX_NAME_CHARS + 3;

/// A drink counted as fluid only (water, tea, coffee...). Drinks whose
/// minerals should count (milk, juice) are added as foods instead.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Drink {
    /// How many `unit`s.
    pub amount: f64,
    /// Glasses, ml or fl oz.
    pub unit: VolumeUnit,
}

impl Drink {
    /// The volume in ml.
    pub fn ml(&self) -> f64 {
        self.amount * self.unit.ml()
    }
}

/// What an item is.
#[derive(Debug, Clone, PartialEq)]
pub enum Entry {
    /// A food of the USDA table.
    Food(FoodEntry),
    /// A supplement or electrolyte drink.
    Supplement(Supplement),
    /// A drink counted as fluid.
    Drink(Drink),
    /// One of the user's own foods or recipes, as planned (a snapshot).
    Mine(MineEntry),
}

/// One item of the day plan.
#[derive(Debug, Clone, PartialEq)]
pub struct PlanItem {
    /// Its stable id.
    pub id: ItemId,
    /// What it is and how much.
    pub entry: Entry,
}

impl PlanItem {
    /// What the item is called: the food's USDA description, the
    /// supplement's name or "Drink".
    pub fn name(&self, table: &FoodTable) -> String {
        match &self.entry {
            Entry::Food(f) => match table.get(f.ndb) {
                Some(food) => food.description.to_owned(),
                None => format!("Food {} (not in the food table)", f.ndb),
            },
            Entry::Supplement(s) => s.name(),
            Entry::Drink(_) => "Drink".to_owned(),
            Entry::Mine(m) => m.name.clone(),
        }
    }

    /// How much of it: "1 medium (7\" to 7-7/8\" long), 118 g",
    /// "2 × 1 cup (8 fl oz), 490 g", "4 oz (113 g)", "2 glasses (500 ml)".
    pub fn describe_amount(&self, table: &FoodTable) -> String {
        match &self.entry {
            Entry::Food(f) => describe_food_amount(f, table.get(f.ndb)),
            Entry::Supplement(s) => s.describe_amount(),
            Entry::Drink(d) => d.unit.describe(d.amount),
            Entry::Mine(m) => m.describe_amount(),
        }
    }

    /// The number the user edits: portions, g, oz, mg, tablets, servings
    /// or drink units.
    pub fn amount(&self) -> f64 {
        match &self.entry {
            Entry::Food(f) => f.amount,
            Entry::Supplement(s) => s.amount(),
            Entry::Drink(d) => d.amount,
            Entry::Mine(m) => m.amount,
        }
    }
}

/// "1 medium (7\" to 7-7/8\" long), 118 g", "2 × 1 cup (8 fl oz), 490 g",
/// "4 oz (113 g)", "150 g"; shared with [`crate::foods::default_serving`].
pub(crate) fn describe_food_amount(entry: &FoodEntry, food: Option<&Food>) -> String {
    let count = format_number(entry.amount, 2);
    match entry.unit {
        FoodUnit::Mass(MassUnit::Gram) => format!("{count} g"),
        FoodUnit::Mass(unit) => format!(
            "{count} {} ({} g)",
            unit.symbol(),
            format_number(entry.amount * unit.grams(), 0)
        ),
        FoodUnit::Portion(i) => {
            match food.and_then(|f| Some((f.portions.get(i)?, entry.grams(f)?))) {
                Some((portion, grams)) if count == "1" => {
                    format!("{}, {} g", portion.label(), format_number(grams, 1))
                }
                Some((portion, grams)) => format!(
                    "{count} × {}, {} g",
                    portion.label(),
                    format_number(grams, 1)
                ),
                None => format!("{count} × a portion no longer in the food table"),
            }
        }
    }
}

/// Why a plan change was refused; the plan is left as it was. Every
/// message can be shown as is.
#[derive(Debug, Clone, PartialEq)]
pub enum PlanError {
    /// The amount is not usable (not a number, not above zero, implausible).
    Amount(QuantityError),
    /// The supplement is not usable.
    Supplement(SupplementError),
    /// No food with this NDB number is in the table.
    UnknownFood(NdbNumber),
    /// The food has no portion at that position.
    NoSuchPortion,
    /// No item with that id is in the plan.
    NoSuchItem,
    /// The change only applies to foods.
    NotAFood,
    /// The plan already holds [`MAX_ITEMS`] items.
    Full,
    /// There is no removal to undo.
    NothingToUndo,
    /// A stored plan could not be read, for this reason.
    Stored(&'static str),
}

impl fmt::Display for PlanError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PlanError::Amount(e) => e.fmt(f),
            PlanError::Supplement(e) => e.fmt(f),
            PlanError::UnknownFood(ndb) => write!(f, "There is no food {ndb} in the food table."),
            PlanError::NoSuchPortion => write!(f, "This food has no such portion."),
            PlanError::NoSuchItem => write!(f, "That item is no longer in the plan."),
            PlanError::NotAFood => write!(f, "Only foods have portions."),
            PlanError::Full => write!(f, "A day holds at most {MAX_ITEMS} items."),
            PlanError::NothingToUndo => write!(f, "There is nothing to undo."),
            PlanError::Stored(reason) => {
                write!(f, "The saved day plan could not be read: {reason}.")
            }
        }
    }
}

impl std::error::Error for PlanError {}

/// `amount` of `unit` of `food` if it is more than zero and at most
/// [`MAX_GRAMS`] in all.
fn check_food_amount(food: &Food, amount: f64, unit: FoodUnit) -> Result<f64, PlanError> {
    let each = unit_grams(food, unit).ok_or(PlanError::NoSuchPortion)?;
    positive(amount, MAX_GRAMS / each, unit_name(unit)).map_err(PlanError::Amount)
}

/// The unit's name in messages: "g", "oz", "portions".
fn unit_name(unit: FoodUnit) -> &'static str {
    match unit {
        FoodUnit::Portion(_) => "portions",
        FoodUnit::Mass(unit) => unit.symbol(),
    }
}

/// `amount` of `unit` if it is more than zero and at most [`MAX_DRINK_ML`].
fn check_drink(amount: f64, unit: VolumeUnit) -> Result<Drink, PlanError> {
    if !unit.is_valid() {
        return Err(PlanError::Stored("a glass size is out of range"));
    }
    let amount =
        positive(amount, MAX_DRINK_ML / unit.ml(), unit.label()).map_err(PlanError::Amount)?;
    Ok(Drink { amount, unit })
}

/// The last removed item and where it was.
#[derive(Debug, Clone, PartialEq)]
struct Removed {
    item: PlanItem,
    meal: Meal,
    position: usize,
}

/// The day plan: items in four meals, in the order they were added or moved.
///
/// Every change is checked first; a refused change returns an error and
/// leaves the plan exactly as it was.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(try_from = "StoredPlan", into = "StoredPlan")]
pub struct DayPlan {
    meals: [Vec<PlanItem>; 4],
    /// The id the next item gets; larger than every id in use or removed.
    next_id: u32,
    last_removed: Option<Removed>,
}

impl DayPlan {
    /// An empty day.
    pub fn new() -> DayPlan {
        DayPlan::default()
    }

    /// The items of `meal`, in order.
    pub fn items(&self, meal: Meal) -> &[PlanItem] {
        &self.meals[meal.index()]
    }

    /// Every item with its meal, meal by meal.
    pub fn iter(&self) -> impl Iterator<Item = (Meal, &PlanItem)> + '_ {
        Meal::ALL
            .into_iter()
            .flat_map(move |meal| self.items(meal).iter().map(move |item| (meal, item)))
    }

    /// The item with this id and its meal.
    pub fn get(&self, id: ItemId) -> Option<(Meal, &PlanItem)> {
        self.iter().find(|(_, item)| item.id == id)
    }

    /// How many items the day holds.
    pub fn len(&self) -> usize {
        self.meals.iter().map(Vec::len).sum()
    }

    /// Whether the day holds no item.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Whether both plans hold the same items with the same ids, whatever
    /// their pending undo.
    pub fn same_items(&self, other: &DayPlan) -> bool {
        self.meals == other.meals && self.next_id == other.next_id
    }

    /// Adds `amount` `unit`s of the food `ndb` of `table` at the end of
    /// `meal`; at most [`MAX_GRAMS`] of it.
    pub fn add_food(
        &mut self,
        meal: Meal,
        ndb: NdbNumber,
        amount: f64,
        unit: FoodUnit,
        table: &FoodTable,
    ) -> Result<ItemId, PlanError> {
        let food = table.get(ndb).ok_or(PlanError::UnknownFood(ndb))?;
        let amount = check_food_amount(food, amount, unit)?;
        self.push(meal, Entry::Food(FoodEntry { ndb, amount, unit }))
    }

    /// Adds a supplement or electrolyte drink at the end of `meal`.
    pub fn add_supplement(
        &mut self,
        meal: Meal,
        supplement: Supplement,
    ) -> Result<ItemId, PlanError> {
        let supplement = supplement.checked().map_err(PlanError::Supplement)?;
        self.push(meal, Entry::Supplement(supplement))
    }

    /// Adds a drink of `amount` `unit`s at the end of `meal`; at most
    /// [`MAX_DRINK_ML`].
    pub fn add_drink(
        &mut self,
        meal: Meal,
        amount: f64,
        unit: VolumeUnit,
    ) -> Result<ItemId, PlanError> {
        let drink = check_drink(amount, unit)?;
        self.push(meal, Entry::Drink(drink))
    }

    /// Adds an own food or recipe at the end of `meal`, as the snapshot
    /// [`MyFoods::snapshot`] made.
    pub fn add_mine(&mut self, meal: Meal, entry: MineEntry) -> Result<ItemId, PlanError> {
        let entry = entry.checked()?;
        self.push(meal, Entry::Mine(entry))
    }

    /// How many items were planned from the own food or recipe `id`.
    pub fn uses_mine(&self, id: MyFoodId) -> usize {
        self.iter()
            .filter(|(_, item)| matches!(&item.entry, Entry::Mine(m) if m.source == id))
            .count()
    }

    /// Brings every item planned from `id` up to date with `mine` (name,
    /// values, portion weight; amounts kept): the explicit "also update the
    /// past days" of an edit. Items whose food is gone or whose portion no
    /// longer exists keep their snapshot. Returns how many were updated.
    pub fn refresh_mine(&mut self, id: MyFoodId, mine: &MyFoods, table: &FoodTable) -> usize {
        let mut updated = 0;
        for item in self.meals.iter_mut().flatten() {
            if let Entry::Mine(entry) = &item.entry {
                if entry.source != id {
                    continue;
                }
                if let Some(fresh) = mine.refreshed(entry, table) {
                    if fresh != *entry {
                        item.entry = Entry::Mine(fresh);
                        updated += 1;
                    }
                }
            }
        }
        updated
    }

    /// Points every own-food item to `map(source)`: a backup's own foods
    /// got other ids here. Values and names are kept.
    pub(crate) fn map_mine_sources(&mut self, map: impl Fn(MyFoodId) -> MyFoodId) {
        for item in self.meals.iter_mut().flatten() {
            if let Entry::Mine(entry) = &mut item.entry {
                entry.source = map(entry.source);
            }
        }
    }

    /// The day's glasses of `glass` (the one-tap water counter): the
    /// first drink item counted in that glass, and how many glasses.
    pub fn glasses(&self, glass: VolumeUnit) -> Option<(ItemId, f64)> {
        self.iter().find_map(|(_, item)| match &item.entry {
            Entry::Drink(d) if d.unit == glass => Some((item.id, d.amount)),
            _ => None,
        })
    }

    /// One more glass of `glass` (a glass unit): added to the day's line of
    /// that glass if there is one, else a new line at the end of `meal`.
    pub fn add_glass(&mut self, meal: Meal, glass: VolumeUnit) -> Result<ItemId, PlanError> {
        match self.glasses(glass) {
            Some((id, count)) => {
                let drink = check_drink(count + 1.0, glass)?;
                self.item_mut(id)?.entry = Entry::Drink(drink);
                Ok(id)
            }
            None => self.add_drink(meal, 1.0, glass),
        }
    }

    /// One glass of `glass` fewer; the line goes (with undo) at zero.
    pub fn remove_glass(&mut self, glass: VolumeUnit) -> Result<(), PlanError> {
        let (id, count) = self.glasses(glass).ok_or(PlanError::NoSuchItem)?;
        if count > 1.0 {
            self.item_mut(id)?.entry = Entry::Drink(check_drink(count - 1.0, glass)?);
            Ok(())
        } else {
            self.remove(id)
        }
    }

    /// Adds a copy of `item` (from this plan or another) at the end of
    /// `meal` with a fresh id. The copy is checked as a stored item is (the
    /// food table is not needed: portions are checked when used).
    pub fn add_copy(&mut self, meal: Meal, item: &PlanItem) -> Result<ItemId, PlanError> {
        let checked = PlanItem::try_from(StoredItem::from(item.clone()))?;
        self.push(meal, checked.entry)
    }

    fn push(&mut self, meal: Meal, entry: Entry) -> Result<ItemId, PlanError> {
        if self.len() >= MAX_ITEMS {
            return Err(PlanError::Full);
        }
        let id = ItemId(self.next_id);
        self.next_id = self.next_id.checked_add(1).ok_or(PlanError::Full)?;
        self.meals[meal.index()].push(PlanItem { id, entry });
        Ok(id)
    }

    /// Meal and position of the item `id`.
    fn locate(&self, id: ItemId) -> Result<(Meal, usize), PlanError> {
        Meal::ALL
            .into_iter()
            .find_map(|meal| {
                let position = self.items(meal).iter().position(|item| item.id == id)?;
                Some((meal, position))
            })
            .ok_or(PlanError::NoSuchItem)
    }

    fn item_mut(&mut self, id: ItemId) -> Result<&mut PlanItem, PlanError> {
        let (meal, position) = self.locate(id)?;
        Ok(&mut self.meals[meal.index()][position])
    }

    /// Sets the item's amount, in its current unit: portions, g or oz for
    /// foods; elemental mg, tablets or servings for supplements; glasses,
    /// ml or fl oz for drinks.
    pub fn set_amount(
        &mut self,
        id: ItemId,
        amount: f64,
        table: &FoodTable,
    ) -> Result<(), PlanError> {
        let item = self.item_mut(id)?;
        let entry = match &item.entry {
            Entry::Food(f) => {
                let food = table.get(f.ndb).ok_or(PlanError::UnknownFood(f.ndb))?;
                Entry::Food(FoodEntry {
                    amount: check_food_amount(food, amount, f.unit)?,
                    ..f.clone()
                })
            }
            Entry::Supplement(s) => Entry::Supplement(
                s.clone()
                    .with_amount(amount)
                    .map_err(PlanError::Supplement)?,
            ),
            Entry::Drink(d) => Entry::Drink(check_drink(amount, d.unit)?),
            Entry::Mine(m) => Entry::Mine(
                MineEntry {
                    amount,
                    ..m.clone()
                }
                .checked()?,
            ),
        };
        item.entry = entry;
        Ok(())
    }

    /// Changes what a food's amount counts. Between portions the count is
    /// kept (1 medium → 1 large); to g or oz the weight is kept (1 medium →
    /// 118 g); from g or oz to a portion the amount becomes 1 portion.
    pub fn change_food_unit(
        &mut self,
        id: ItemId,
        unit: FoodUnit,
        table: &FoodTable,
    ) -> Result<(), PlanError> {
        let item = self.item_mut(id)?;
        let Entry::Food(entry) = &item.entry else {
            return Err(PlanError::NotAFood);
        };
        let food = table
            .get(entry.ndb)
            .ok_or(PlanError::UnknownFood(entry.ndb))?;
        let amount = match (entry.unit, unit) {
            (FoodUnit::Portion(_), FoodUnit::Portion(_)) => entry.amount,
            (_, FoodUnit::Mass(mass)) => {
                // A portion no longer in the table has no weight: start at 100 g.
                entry.grams(food).unwrap_or(100.0) / mass.grams()
            }
            (FoodUnit::Mass(_), FoodUnit::Portion(_)) => 1.0,
        };
        let amount = check_food_amount(food, amount, unit)?;
        item.entry = Entry::Food(FoodEntry {
            ndb: entry.ndb,
            amount,
            unit,
        });
        Ok(())
    }

    /// Moves the item to the end of `meal`; within its own meal it stays put.
    pub fn move_item(&mut self, id: ItemId, meal: Meal) -> Result<(), PlanError> {
        let (from, position) = self.locate(id)?;
        if from != meal {
            let item = self.meals[from.index()].remove(position);
            self.meals[meal.index()].push(item);
        }
        Ok(())
    }

    /// Removes the item; [`DayPlan::undo_remove`] puts it back until the
    /// next removal.
    pub fn remove(&mut self, id: ItemId) -> Result<(), PlanError> {
        let (meal, position) = self.locate(id)?;
        let item = self.meals[meal.index()].remove(position);
        self.last_removed = Some(Removed {
            item,
            meal,
            position,
        });
        Ok(())
    }

    /// Takes back items just added together (a proposal's foods), all or
    /// nothing: refused with [`PlanError::NoSuchItem`] when one is gone
    /// already (another tab removed it), changing nothing. Unlike
    /// [`DayPlan::remove`] it leaves the last removal's undo as it was.
    pub fn take_back(&mut self, ids: &[ItemId]) -> Result<(), PlanError> {
        for &id in ids {
            self.locate(id)?;
        }
        for meal in &mut self.meals {
            meal.retain(|item| !ids.contains(&item.id));
        }
        Ok(())
    }

    /// The item [`DayPlan::undo_remove`] would restore, for "Removed X. Undo".
    pub fn last_removed(&self) -> Option<&PlanItem> {
        self.last_removed.as_ref().map(|r| &r.item)
    }

    /// Puts the last removed item back in its meal at its old position (or
    /// last, if the meal has fewer items now), with its old id.
    pub fn undo_remove(&mut self) -> Result<ItemId, PlanError> {
        if self.len() >= MAX_ITEMS {
            return Err(PlanError::Full);
        }
        let removed = self.last_removed.take().ok_or(PlanError::NothingToUndo)?;
        let items = &mut self.meals[removed.meal.index()];
        let id = removed.item.id;
        items.insert(removed.position.min(items.len()), removed.item);
        Ok(id)
    }
}

/// The stored form of a [`DayPlan`], version 1:
///
/// ```json
/// {"v":1,"next_id":3,
///  "breakfast":[{"kind":"food","id":0,"ndb":"09040","amount":1.0,"portion":4}],
///  "snacks":[{"kind":"food","id":1,"ndb":"01117","amount":150.0,"unit":"g"},
///            {"kind":"magnesium","id":2,"form":"citrate","mg":200.0}]}
/// ```
///
/// Foods are stored by NDB number with a portion position in USDA's order
/// or a mass unit ("g"/"oz"); empty meals are left out. Other item kinds:
/// `{"kind":"calcium","id":..,"form":"carbonate","mg":..}`,
/// `{"kind":"potassium","id":..,"tablets":2}`,
/// `{"kind":"electrolyte_drink","id":..,"name":"..","per_serving":{"na":..,"k":..,"mg":..,"ca":..},"ml":500.0,"servings":1.0}`,
/// `{"kind":"drink","id":..,"amount":2.0,"unit":"glass"}`, and since schema
/// version 2 an own food or recipe as a snapshot:
/// `{"kind":"mine","id":..,"src":3,"name":"Greek yogurt (Fage)","per_100g":{"k":140.0,"na":36.0},"lack":32,"amount":1.0,"portion":"1 pot","g":125.0}`
/// (`lack`: bits of the values that are only lower bounds, left out when
/// 0; `portion` and `g` left out for grams).
/// The pending undo is not stored.
#[derive(Serialize, Deserialize)]
struct StoredPlan {
    v: u32,
    next_id: u32,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    breakfast: Vec<StoredItem>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    lunch: Vec<StoredItem>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    dinner: Vec<StoredItem>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    snacks: Vec<StoredItem>,
}

/// The version [`StoredPlan`] is written in.
const STORED_VERSION: u32 = 1;

#[derive(Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", try_from = "ItemRecord")]
enum StoredItem {
    Food {
        id: u32,
        ndb: String,
        amount: f64,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        portion: Option<usize>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        unit: Option<String>,
    },
    Magnesium {
        id: u32,
        form: MagnesiumForm,
        mg: f64,
    },
    Calcium {
        id: u32,
        form: CalciumForm,
        mg: f64,
    },
    Potassium {
        id: u32,
        tablets: u32,
    },
    ElectrolyteDrink {
        id: u32,
        #[serde(default, skip_serializing_if = "String::is_empty")]
        name: String,
        per_serving: DrinkMinerals,
        ml: f64,
        servings: f64,
    },
    Drink {
        id: u32,
        amount: f64,
        unit: VolumeUnit,
    },
    Mine {
        id: u32,
        src: MyFoodId,
        name: String,
        per_100g: crate::foods::mine::StoredValues,
        #[serde(default, skip_serializing_if = "is_zero")]
        lack: u8,
        amount: f64,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        portion: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        g: Option<f64>,
    },
}

/// A [`StoredItem`] as read: every kind's fields side by side, checked
/// against its `kind` on conversion. Read as the internally tagged enum it
/// is written as, serde buffered each item into a tree of its own first:
/// 30 KB of the first module's code and an allocation per field
/// (BENCHMARKS.md, "serde in the storage path"). Fields that two kinds
/// store with different types are kept as raw JSON until the kind is known.
#[derive(Deserialize)]
struct ItemRecord {
    kind: ItemKind,
    id: u32,
    ndb: Option<String>,
    amount: Option<f64>,
    /// A food's portion position, an own food's portion label.
    portion: Option<Box<RawValue>>,
    /// A food's mass symbol, a drink's volume unit.
    unit: Option<Box<RawValue>>,
    /// A magnesium or a calcium form.
    form: Option<Box<RawValue>>,
    mg: Option<f64>,
    tablets: Option<u32>,
    name: Option<String>,
    per_serving: Option<DrinkMinerals>,
    ml: Option<f64>,
    servings: Option<f64>,
    src: Option<MyFoodId>,
    per_100g: Option<crate::foods::mine::StoredValues>,
    lack: Option<u8>,
    g: Option<f64>,
}

#[derive(Deserialize)]
#[serde(rename_all = "snake_case")]
enum ItemKind {
    Food,
    Magnesium,
    Calcium,
    Potassium,
    ElectrolyteDrink,
    Drink,
    Mine,
}

/// A field the item's kind needs, with serde's own words when it is missing.
fn required<T>(value: Option<T>, field: &str) -> Result<T, String> {
    value.ok_or_else(|| format!("missing field `{field}`"))
}

/// A raw field read as the item's kind has it.
fn raw_as<T: serde::de::DeserializeOwned>(
    value: Option<Box<RawValue>>,
    field: &str,
) -> Result<Option<T>, String> {
    value
        .map(|raw| serde_json::from_str(raw.get()).map_err(|e| format!("`{field}`: {e}")))
        .transpose()
}

impl TryFrom<ItemRecord> for StoredItem {
    type Error = String;

    fn try_from(r: ItemRecord) -> Result<StoredItem, String> {
        let id = r.id;
        Ok(match r.kind {
            ItemKind::Food => StoredItem::Food {
                id,
                ndb: required(r.ndb, "ndb")?,
                amount: required(r.amount, "amount")?,
                portion: raw_as(r.portion, "portion")?,
                unit: raw_as(r.unit, "unit")?,
            },
            ItemKind::Magnesium => StoredItem::Magnesium {
                id,
                form: required(raw_as(r.form, "form")?, "form")?,
                mg: required(r.mg, "mg")?,
            },
            ItemKind::Calcium => StoredItem::Calcium {
                id,
                form: required(raw_as(r.form, "form")?, "form")?,
                mg: required(r.mg, "mg")?,
            },
            ItemKind::Potassium => StoredItem::Potassium {
                id,
                tablets: required(r.tablets, "tablets")?,
            },
            ItemKind::ElectrolyteDrink => StoredItem::ElectrolyteDrink {
                id,
                name: r.name.unwrap_or_default(),
                per_serving: required(r.per_serving, "per_serving")?,
                ml: required(r.ml, "ml")?,
                servings: required(r.servings, "servings")?,
            },
            ItemKind::Drink => StoredItem::Drink {
                id,
                amount: required(r.amount, "amount")?,
                unit: required(raw_as(r.unit, "unit")?, "unit")?,
            },
            ItemKind::Mine => StoredItem::Mine {
                id,
                src: required(r.src, "src")?,
                name: required(r.name, "name")?,
                per_100g: required(r.per_100g, "per_100g")?,
                lack: r.lack.unwrap_or_default(),
                amount: required(r.amount, "amount")?,
                portion: raw_as(r.portion, "portion")?,
                g: r.g,
            },
        })
    }
}

fn is_zero(n: &u8) -> bool {
    *n == 0
}

/// A food unit in its stored form: a portion position or a mass symbol.
pub(crate) fn unit_to_stored(unit: FoodUnit) -> (Option<usize>, Option<String>) {
    match unit {
        FoodUnit::Portion(i) => (Some(i), None),
        FoodUnit::Mass(unit) => (None, Some(unit.symbol().to_owned())),
    }
}

/// Inverse of [`unit_to_stored`]; `None` unless exactly one is given and valid.
pub(crate) fn unit_from_stored(portion: Option<usize>, unit: Option<&str>) -> Option<FoodUnit> {
    match (portion, unit.map(MassUnit::from_symbol)) {
        (Some(i), None) => Some(FoodUnit::Portion(i)),
        (None, Some(Some(mass))) => Some(FoodUnit::Mass(mass)),
        _ => None,
    }
}

impl From<PlanItem> for StoredItem {
    fn from(item: PlanItem) -> StoredItem {
        let id = item.id.0;
        match item.entry {
            Entry::Food(f) => StoredItem::Food {
                id,
                ndb: f.ndb.to_string(),
                amount: f.amount,
                portion: match f.unit {
                    FoodUnit::Portion(i) => Some(i),
                    FoodUnit::Mass(_) => None,
                },
                unit: match f.unit {
                    FoodUnit::Portion(_) => None,
                    FoodUnit::Mass(unit) => Some(unit.symbol().to_owned()),
                },
            },
            Entry::Supplement(Supplement::Magnesium { form, elemental_mg }) => {
                StoredItem::Magnesium {
                    id,
                    form,
                    mg: elemental_mg,
                }
            }
            Entry::Supplement(Supplement::Calcium { form, elemental_mg }) => StoredItem::Calcium {
                id,
                form,
                mg: elemental_mg,
            },
            Entry::Supplement(Supplement::Potassium { tablets }) => {
                StoredItem::Potassium { id, tablets }
            }
            Entry::Supplement(Supplement::ElectrolyteDrink { drink, servings }) => {
                StoredItem::ElectrolyteDrink {
                    id,
                    name: drink.name,
                    per_serving: drink.per_serving,
                    ml: drink.serving_ml,
                    servings,
                }
            }
            Entry::Drink(d) => StoredItem::Drink {
                id,
                amount: d.amount,
                unit: d.unit,
            },
            Entry::Mine(m) => {
                let (portion, g) = match m.unit {
                    MineUnit::Grams => (None, None),
                    MineUnit::Portion { label, grams } => (Some(label), Some(grams)),
                };
                StoredItem::Mine {
                    id,
                    src: m.source,
                    name: m.name,
                    per_100g: m.per_100g.into(),
                    lack: m.lacking,
                    amount: m.amount,
                    portion,
                    g,
                }
            }
        }
    }
}

impl TryFrom<StoredItem> for PlanItem {
    type Error = PlanError;

    fn try_from(stored: StoredItem) -> Result<PlanItem, PlanError> {
        let supplement = |s: Supplement| {
            s.checked()
                .map(Entry::Supplement)
                .map_err(PlanError::Supplement)
        };
        let (id, entry) = match stored {
            StoredItem::Food {
                id,
                ndb,
                amount,
                portion,
                unit,
            } => {
                let ndb = ndb
                    .parse()
                    .map_err(|_| PlanError::Stored("a food number is not five digits"))?;
                let (unit, max) = match (portion, unit.as_deref().map(MassUnit::from_symbol)) {
                    // The table is not at hand: the weight is checked when used.
                    (Some(i), None) => (FoodUnit::Portion(i), MAX_GRAMS),
                    (None, Some(Some(mass))) => (FoodUnit::Mass(mass), MAX_GRAMS / mass.grams()),
                    _ => return Err(PlanError::Stored("a food has no valid unit")),
                };
                let amount = positive(amount, max, unit_name(unit)).map_err(PlanError::Amount)?;
                (id, Entry::Food(FoodEntry { ndb, amount, unit }))
            }
            StoredItem::Magnesium { id, form, mg } => (
                id,
                supplement(Supplement::Magnesium {
                    form,
                    elemental_mg: mg,
                })?,
            ),
            StoredItem::Calcium { id, form, mg } => (
                id,
                supplement(Supplement::Calcium {
                    form,
                    elemental_mg: mg,
                })?,
            ),
            StoredItem::Potassium { id, tablets } => {
                (id, supplement(Supplement::Potassium { tablets })?)
            }
            StoredItem::ElectrolyteDrink {
                id,
                name,
                per_serving,
                ml,
                servings,
            } => (
                id,
                supplement(Supplement::ElectrolyteDrink {
                    drink: ElectrolyteDrink {
                        name,
                        per_serving,
                        serving_ml: ml,
                    },
                    servings,
                })?,
            ),
            StoredItem::Drink { id, amount, unit } => {
                (id, Entry::Drink(check_drink(amount, unit)?))
            }
            StoredItem::Mine {
                id,
                src,
                name,
                per_100g,
                lack,
                amount,
                portion,
                g,
            } => {
                let unit = match (portion, g) {
                    (None, None) => MineUnit::Grams,
                    (Some(label), Some(grams)) => MineUnit::Portion { label, grams },
                    _ => return Err(PlanError::Stored("an own food has no valid unit")),
                };
                let entry = MineEntry {
                    source: src,
                    name,
                    per_100g: NutrientValues::new(per_100g.into()),
                    lacking: lack,
                    amount,
                    unit,
                };
                (id, Entry::Mine(entry.checked()?))
            }
        };
        Ok(PlanItem {
            id: ItemId(id),
            entry,
        })
    }
}

impl From<DayPlan> for StoredPlan {
    fn from(plan: DayPlan) -> StoredPlan {
        let [breakfast, lunch, dinner, snacks] = plan
            .meals
            .map(|items| items.into_iter().map(StoredItem::from).collect());
        StoredPlan {
            v: STORED_VERSION,
            next_id: plan.next_id,
            breakfast,
            lunch,
            dinner,
            snacks,
        }
    }
}

impl TryFrom<StoredPlan> for DayPlan {
    type Error = PlanError;

    fn try_from(stored: StoredPlan) -> Result<DayPlan, PlanError> {
        if stored.v != STORED_VERSION {
            return Err(PlanError::Stored("it is from another version of the app"));
        }
        let convert = |items: Vec<StoredItem>| {
            items
                .into_iter()
                .map(PlanItem::try_from)
                .collect::<Result<Vec<_>, _>>()
        };
        let plan = DayPlan {
            meals: [
                convert(stored.breakfast)?,
                convert(stored.lunch)?,
                convert(stored.dinner)?,
                convert(stored.snacks)?,
            ],
            next_id: stored.next_id,
            last_removed: None,
        };
        if plan.len() > MAX_ITEMS {
            return Err(PlanError::Full);
        }
        let mut ids: Vec<u32> = plan.iter().map(|(_, item)| item.id.0).collect();
        ids.sort_unstable();
        if ids.windows(2).any(|w| w[0] == w[1]) {
            return Err(PlanError::Stored("two items share an id"));
        }
        if ids.last().is_some_and(|&max| max >= plan.next_id) {
            return Err(PlanError::Stored("an item id is not below next_id"));
        }
        Ok(plan)
    }
}

#[cfg(test)]
pub(crate) mod test_table {
    use crate::foods::food::test_foods::banana_without_sodium;
    use crate::foods::food::{Food, FoodGroup, FoodGroupId, NdbNumber, NutrientValues, Portion};
    use crate::foods::food_table::FoodTable;

    /// 09040 banana without sodium (1 medium = 118 g), 11457 spinach with
    /// every value and two portions, 99999 a food without potassium or water.
    pub(crate) fn table() -> FoodTable {
        let spinach = Food {
            ndb: NdbNumber::new(11457).unwrap(),
            description: "Spinach, raw",
            group: FoodGroupId(10),
            per_100g: NutrientValues::new([
                Some(23.0),
                Some(91.4),
                Some(558.0),
                Some(79.0),
                Some(99.0),
                Some(79.0),
            ]),
            portions: vec![
                Portion {
                    amount: 1.0,
                    unit: "cup",
                    grams: 30.0,
                },
                Portion {
                    amount: 1.0,
                    unit: "bunch",
                    grams: 340.0,
                },
            ],
        };
        let mystery = Food {
            ndb: NdbNumber::new(99999).unwrap(),
            description: "Mystery mix",
            group: FoodGroupId(0),
            per_100g: NutrientValues::new([
                Some(400.0),
                None,
                None,
                Some(50.0),
                Some(10.0),
                Some(1000.0),
            ]),
            portions: vec![],
        };
        let groups = (0..25)
            .map(|_| FoodGroup {
                code: "0000",
                name: "Test",
            })
            .collect();
        FoodTable::new(vec![banana_without_sodium(), spinach, mystery], groups)
    }

    pub(crate) fn ndb(n: u32) -> NdbNumber {
        NdbNumber::new(n).unwrap()
    }
}

#[cfg(test)]
mod tests {
    use super::test_table::{ndb, table};
    use super::*;
    use crate::planning::supplements::MagnesiumForm;

    const BANANA: u32 = 9040;
    const SPINACH: u32 = 11457;

    fn ids(plan: &DayPlan, meal: Meal) -> Vec<ItemId> {
        plan.items(meal).iter().map(|i| i.id).collect()
    }

    #[test]
    fn adds_items_with_stable_unique_ids() {
        let t = table();
        let mut plan = DayPlan::new();
        assert!(plan.is_empty());
        let a = plan
            .add_food(Meal::Breakfast, ndb(BANANA), 1.0, FoodUnit::Portion(0), &t)
            .unwrap();
        let b = plan
            .add_food(
                Meal::Lunch,
                ndb(SPINACH),
                2.0,
                FoodUnit::Mass(MassUnit::Ounce),
                &t,
            )
            .unwrap();
        let c = plan.add_drink(Meal::Lunch, 2.0, VolumeUnit::Glass).unwrap();
        assert!(a != b && b != c && a != c);
        assert_eq!(plan.len(), 3);
        assert_eq!(ids(&plan, Meal::Lunch), [b, c]);
        let (meal, item) = plan.get(b).unwrap();
        assert_eq!(meal, Meal::Lunch);
        assert_eq!(item.name(&t), "Spinach, raw");
        assert_eq!(item.describe_amount(&t), "2 oz (57 g)");
        assert_eq!(
            plan.get(a).unwrap().1.describe_amount(&t),
            "1 medium (7\" to 7-7/8\" long), 118 g"
        );
        assert_eq!(
            plan.get(c).unwrap().1.describe_amount(&t),
            "2 glasses (500 ml)"
        );
        // Ids are never reused, even after a removal.
        plan.remove(c).unwrap();
        let d = plan
            .add_drink(Meal::Dinner, 250.0, VolumeUnit::Millilitre)
            .unwrap();
        assert!(d != c && d.value() > c.value());
    }

    #[test]
    fn refuses_bad_quantities_without_changing_the_plan() {
        let t = table();
        let mut plan = DayPlan::new();
        let id = plan
            .add_food(
                Meal::Breakfast,
                ndb(SPINACH),
                100.0,
                FoodUnit::Mass(MassUnit::Gram),
                &t,
            )
            .unwrap();
        let before = plan.clone();
        let g = FoodUnit::Mass(MassUnit::Gram);
        for bad in [-1.0, 0.0, f64::NAN, f64::INFINITY, 50_000.0] {
            assert!(
                plan.add_food(Meal::Lunch, ndb(SPINACH), bad, g, &t)
                    .is_err(),
                "{bad}"
            );
            assert!(plan.set_amount(id, bad, &t).is_err(), "{bad}");
            assert!(plan
                .add_drink(Meal::Lunch, bad, VolumeUnit::Millilitre)
                .is_err());
        }
        assert_eq!(
            plan.set_amount(id, 50_000.0, &t).unwrap_err().to_string(),
            "That is more than 5,000 g in one entry. Check the amount and unit."
        );
        assert_eq!(
            plan.add_food(Meal::Lunch, ndb(SPINACH), 15.0, FoodUnit::Portion(1), &t)
                .unwrap_err()
                .to_string(),
            "That is more than 14.7 portions in one entry. Check the amount and unit."
        );
        assert_eq!(
            plan.add_food(Meal::Lunch, ndb(SPINACH), 1.0, FoodUnit::Portion(2), &t),
            Err(PlanError::NoSuchPortion)
        );
        assert_eq!(
            plan.add_food(Meal::Lunch, ndb(12345), 1.0, g, &t)
                .unwrap_err()
                .to_string(),
            "There is no food 12345 in the food table."
        );
        assert_eq!(
            plan.add_drink(Meal::Lunch, 21.0, VolumeUnit::Glass)
                .unwrap_err()
                .to_string(),
            "That is more than 20 glasses (250 ml) in one entry. Check the amount and unit."
        );
        assert!(plan
            .add_supplement(
                Meal::Lunch,
                Supplement::Magnesium {
                    form: MagnesiumForm::Citrate,
                    elemental_mg: -5.0
                }
            )
            .is_err());
        assert_eq!(
            plan.set_amount(ItemId(999), 1.0, &t),
            Err(PlanError::NoSuchItem)
        );
        assert_eq!(plan, before);
        plan.set_amount(id, 5_000.0, &t).unwrap();
        assert_eq!(plan.get(id).unwrap().1.amount(), 5_000.0);
    }

    #[test]
    fn set_amount_works_in_each_items_unit() {
        let t = table();
        let mut plan = DayPlan::new();
        let k = plan
            .add_supplement(Meal::Dinner, Supplement::Potassium { tablets: 1 })
            .unwrap();
        plan.set_amount(k, 3.0, &t).unwrap();
        assert_eq!(
            plan.get(k).unwrap().1.entry,
            Entry::Supplement(Supplement::Potassium { tablets: 3 })
        );
        assert_eq!(
            plan.set_amount(k, 2.5, &t).unwrap_err().to_string(),
            "Enter a whole number of tablets."
        );
        let w = plan
            .add_drink(Meal::Dinner, 8.0, VolumeUnit::FluidOunce)
            .unwrap();
        plan.set_amount(w, 12.0, &t).unwrap();
        assert_eq!(
            plan.get(w).unwrap().1.entry,
            Entry::Drink(Drink {
                amount: 12.0,
                unit: VolumeUnit::FluidOunce
            })
        );
        assert_eq!(
            plan.change_food_unit(w, FoodUnit::Portion(0), &t),
            Err(PlanError::NotAFood)
        );
    }

    #[test]
    fn changing_the_unit_keeps_count_or_weight() {
        let t = table();
        let mut plan = DayPlan::new();
        let id = plan
            .add_food(Meal::Lunch, ndb(SPINACH), 2.0, FoodUnit::Portion(0), &t)
            .unwrap();
        let food = t.get(ndb(SPINACH)).unwrap();
        let entry = |plan: &DayPlan| match &plan.get(id).unwrap().1.entry {
            Entry::Food(f) => f.clone(),
            other => panic!("{other:?}"),
        };
        // Portion → portion keeps the count: 2 cups → 2 bunches.
        plan.change_food_unit(id, FoodUnit::Portion(1), &t).unwrap();
        assert_eq!(entry(&plan).amount, 2.0);
        assert_eq!(entry(&plan).grams(food), Some(680.0));
        // Portion → grams keeps the weight.
        plan.change_food_unit(id, FoodUnit::Mass(MassUnit::Gram), &t)
            .unwrap();
        assert_eq!(entry(&plan).amount, 680.0);
        // Grams → ounces keeps the weight.
        plan.change_food_unit(id, FoodUnit::Mass(MassUnit::Ounce), &t)
            .unwrap();
        assert!((entry(&plan).grams(food).unwrap() - 680.0).abs() < 1e-9);
        // Mass → portion: 1 portion.
        plan.change_food_unit(id, FoodUnit::Portion(0), &t).unwrap();
        assert_eq!(entry(&plan).amount, 1.0);
        assert_eq!(entry(&plan).unit, FoodUnit::Portion(0));
        // A change that would exceed 5 kg is refused and changes nothing.
        plan.set_amount(id, 100.0, &t).unwrap();
        let before = plan.clone();
        assert!(plan.change_food_unit(id, FoodUnit::Portion(1), &t).is_err());
        assert_eq!(
            plan.change_food_unit(id, FoodUnit::Portion(7), &t),
            Err(PlanError::NoSuchPortion)
        );
        assert_eq!(plan, before);
    }

    #[test]
    fn moves_between_meals() {
        let t = table();
        let mut plan = DayPlan::new();
        let a = plan
            .add_drink(Meal::Breakfast, 1.0, VolumeUnit::Glass)
            .unwrap();
        let b = plan
            .add_food(Meal::Breakfast, ndb(BANANA), 1.0, FoodUnit::Portion(0), &t)
            .unwrap();
        let c = plan
            .add_drink(Meal::Snacks, 1.0, VolumeUnit::Glass)
            .unwrap();
        plan.move_item(a, Meal::Snacks).unwrap();
        assert_eq!(ids(&plan, Meal::Breakfast), [b]);
        assert_eq!(ids(&plan, Meal::Snacks), [c, a]);
        plan.move_item(c, Meal::Snacks).unwrap();
        assert_eq!(ids(&plan, Meal::Snacks), [c, a]);
        assert_eq!(
            plan.move_item(ItemId(77), Meal::Lunch),
            Err(PlanError::NoSuchItem)
        );
    }

    #[test]
    fn undo_restores_the_removed_item_in_place() {
        let mut plan = DayPlan::new();
        let a = plan.add_drink(Meal::Lunch, 1.0, VolumeUnit::Glass).unwrap();
        let b = plan.add_drink(Meal::Lunch, 2.0, VolumeUnit::Glass).unwrap();
        let c = plan.add_drink(Meal::Lunch, 3.0, VolumeUnit::Glass).unwrap();
        let full = plan.clone();
        assert_eq!(plan.undo_remove(), Err(PlanError::NothingToUndo));
        plan.remove(b).unwrap();
        assert_eq!(ids(&plan, Meal::Lunch), [a, c]);
        assert_eq!(plan.last_removed().map(|i| i.id), Some(b));
        assert_eq!(plan.undo_remove(), Ok(b));
        assert_eq!(ids(&plan, Meal::Lunch), [a, b, c]);
        assert_eq!(plan, full);
        assert_eq!(plan.undo_remove(), Err(PlanError::NothingToUndo));
        assert_eq!(plan.remove(b), Ok(()));
        assert_eq!(plan.remove(b), Err(PlanError::NoSuchItem));
        // Only the last removal is kept; if the meal shrank, it goes last.
        plan.remove(a).unwrap();
        plan.remove(c).unwrap();
        assert_eq!(plan.undo_remove(), Ok(c));
        assert_eq!(ids(&plan, Meal::Lunch), [c]);
        assert_eq!(plan.undo_remove(), Err(PlanError::NothingToUndo));
    }

    #[test]
    fn items_added_together_are_taken_back_together() {
        let mut plan = DayPlan::new();
        let kept = plan.add_drink(Meal::Lunch, 1.0, VolumeUnit::Glass).unwrap();
        let gone = plan.add_drink(Meal::Lunch, 5.0, VolumeUnit::Glass).unwrap();
        plan.remove(gone).unwrap();
        let before = plan.clone();
        let a = plan.add_drink(Meal::Lunch, 2.0, VolumeUnit::Glass).unwrap();
        let b = plan
            .add_drink(Meal::Snacks, 3.0, VolumeUnit::Glass)
            .unwrap();
        plan.take_back(&[a, b]).unwrap();
        assert_eq!(ids(&plan, Meal::Lunch), [kept]);
        assert_eq!(ids(&plan, Meal::Snacks), []);
        assert_eq!(
            plan.last_removed(),
            before.last_removed(),
            "the removal's undo is kept"
        );
        // One of them gone already: nothing is taken back.
        let a = plan.add_drink(Meal::Lunch, 2.0, VolumeUnit::Glass).unwrap();
        let changed = plan.clone();
        assert_eq!(plan.take_back(&[a, ItemId(99)]), Err(PlanError::NoSuchItem));
        assert_eq!(plan, changed);
    }

    #[test]
    fn a_day_holds_a_bounded_number_of_items() {
        let mut plan = DayPlan::new();
        for _ in 0..MAX_ITEMS {
            plan.add_drink(Meal::Snacks, 1.0, VolumeUnit::Millilitre)
                .unwrap();
        }
        let before = plan.clone();
        assert_eq!(
            plan.add_drink(Meal::Snacks, 1.0, VolumeUnit::Millilitre),
            Err(PlanError::Full)
        );
        assert_eq!(plan, before);
        let first = plan.items(Meal::Snacks)[0].id;
        plan.remove(first).unwrap();
        plan.add_drink(Meal::Snacks, 1.0, VolumeUnit::Millilitre)
            .unwrap();
        assert_eq!(plan.undo_remove(), Err(PlanError::Full));
    }

    #[test]
    fn describes_unknown_foods_and_portions_honestly() {
        let t = table();
        let stale = PlanItem {
            id: ItemId(1),
            entry: Entry::Food(FoodEntry {
                ndb: ndb(BANANA),
                amount: 2.0,
                unit: FoodUnit::Portion(9),
            }),
        };
        assert_eq!(
            stale.describe_amount(&t),
            "2 × a portion no longer in the food table"
        );
        let unknown = PlanItem {
            id: ItemId(2),
            entry: Entry::Food(FoodEntry {
                ndb: ndb(12345),
                amount: 150.0,
                unit: FoodUnit::Mass(MassUnit::Gram),
            }),
        };
        assert_eq!(unknown.name(&t), "Food 12345 (not in the food table)");
        assert_eq!(unknown.describe_amount(&t), "150 g");
    }

    #[test]
    fn copies_get_fresh_ids_and_are_checked() {
        let t = table();
        let mut from = DayPlan::new();
        let a = from
            .add_food(Meal::Lunch, ndb(BANANA), 2.0, FoodUnit::Portion(0), &t)
            .unwrap();
        let mut to = DayPlan::new();
        to.add_drink(Meal::Lunch, 1.0, VolumeUnit::Glass).unwrap();
        let (_, item) = from.get(a).unwrap();
        let copy = to.add_copy(Meal::Dinner, item).unwrap();
        assert_eq!(copy.value(), 1);
        assert_eq!(to.get(copy).unwrap().1.entry, item.entry);
        assert_eq!(to.items(Meal::Dinner).len(), 1);
        let forged = PlanItem {
            id: ItemId(0),
            entry: Entry::Drink(Drink {
                amount: -1.0,
                unit: VolumeUnit::Glass,
            }),
        };
        let before = to.clone();
        assert!(to.add_copy(Meal::Lunch, &forged).is_err());
        assert_eq!(to, before);
    }

    #[test]
    fn meal_keys_round_trip() {
        for meal in Meal::ALL {
            assert_eq!(Meal::from_key(meal.key()), Some(meal));
            assert_eq!(Meal::ALL[meal.index()], meal);
        }
        assert_eq!(Meal::from_key("brunch"), None);
    }

    #[test]
    fn the_meal_follows_the_time_of_day() {
        assert_eq!(Meal::at_hour(7), Meal::Breakfast);
        assert_eq!(Meal::at_hour(12), Meal::Lunch);
        assert_eq!(Meal::at_hour(16), Meal::Snacks);
        assert_eq!(Meal::at_hour(19), Meal::Dinner);
        // A glass of water in the evening or at night is not breakfast.
        assert_eq!(Meal::at_hour(22), Meal::Snacks);
        assert_eq!(Meal::at_hour(2), Meal::Snacks);
    }

    #[test]
    fn one_tap_water_counts_on_one_line() {
        let mut plan = DayPlan::new();
        let glass = VolumeUnit::glass(300);
        let id = plan.add_glass(Meal::Dinner, glass).unwrap();
        assert_eq!(plan.add_glass(Meal::Breakfast, glass).unwrap(), id);
        assert_eq!(plan.add_glass(Meal::Lunch, glass).unwrap(), id);
        assert_eq!(plan.glasses(glass), Some((id, 3.0)));
        assert_eq!(plan.len(), 1);
        assert_eq!(plan.get(id).unwrap().0, Meal::Dinner);
        // A glass of another size is its own line; other drinks are not counted.
        plan.add_drink(Meal::Lunch, 2.0, VolumeUnit::Millilitre)
            .unwrap();
        let standard = plan.add_glass(Meal::Lunch, VolumeUnit::Glass).unwrap();
        assert_ne!(standard, id);
        assert_eq!(plan.glasses(VolumeUnit::Glass), Some((standard, 1.0)));
        plan.remove_glass(glass).unwrap();
        assert_eq!(plan.glasses(glass), Some((id, 2.0)));
        plan.remove_glass(glass).unwrap();
        plan.remove_glass(glass).unwrap();
        assert_eq!(plan.glasses(glass), None);
        assert_eq!(plan.remove_glass(glass), Err(PlanError::NoSuchItem));
        // The last glass removed can be undone like any removal.
        plan.undo_remove().unwrap();
        assert_eq!(plan.glasses(glass), Some((id, 1.0)));
        // The stored form keeps the size; a size out of range is refused.
        let json = serde_json::to_string(&plan).unwrap();
        assert!(json.contains(r#"{"glass_of":300}"#), "{json}");
        assert_eq!(
            serde_json::from_str::<DayPlan>(&json)
                .unwrap()
                .glasses(glass),
            Some((id, 1.0))
        );
        let bad = json.replace(r#"{"glass_of":300}"#, r#"{"glass_of":0}"#);
        assert!(serde_json::from_str::<DayPlan>(&bad).is_err());
    }

    /// Reads `items` (stored items, one JSON object each) as a lunch.
    fn read_lunch(items: &str) -> Result<DayPlan, serde_json::Error> {
        serde_json::from_str(&format!(r#"{{"v":1,"next_id":9,"lunch":[{items}]}}"#))
    }

    #[test]
    fn every_kind_of_stored_item_reads_back_as_written() {
        let items = [
            r#"{"kind":"food","id":1,"ndb":"09040","amount":2.0,"portion":0}"#,
            r#"{"kind":"food","id":2,"ndb":"12061","amount":28.0,"unit":"g"}"#,
            r#"{"kind":"magnesium","id":3,"form":"citrate","mg":200.0}"#,
            r#"{"kind":"calcium","id":4,"form":"carbonate","mg":500.0}"#,
            r#"{"kind":"potassium","id":5,"tablets":2}"#,
            r#"{"kind":"electrolyte_drink","id":6,"name":"Nuun","per_serving":{"na":300.0,"k":150.0,"mg":25.0,"ca":13.0},"ml":500.0,"servings":1.0}"#,
            r#"{"kind":"drink","id":7,"amount":2.0,"unit":{"glass_of":300}}"#,
            r#"{"kind":"mine","id":8,"src":3,"name":"Greek yogurt (Fage)","per_100g":{"k":140.0,"na":36.0},"lack":32,"amount":1.0,"portion":"1 pot","g":125.0}"#,
        ];
        let stored = format!(r#"{{"v":1,"next_id":9,"lunch":[{}]}}"#, items.join(","));
        let plan: DayPlan = serde_json::from_str(&stored).unwrap();
        assert_eq!(plan.len(), 8);
        assert_eq!(serde_json::to_string(&plan).unwrap(), stored);
        // Left-out defaults and nulls read as absent.
        let plan = read_lunch(
            r#"{"kind":"electrolyte_drink","id":1,"per_serving":{"na":1.0,"k":0.0,"mg":0.0,"ca":0.0},"ml":250.0,"servings":1.0},
               {"kind":"food","id":2,"ndb":"09040","amount":1.0,"portion":null,"unit":"oz"}"#,
        )
        .unwrap();
        assert_eq!(plan.len(), 2);
    }

    #[test]
    fn a_stored_item_missing_or_mistyping_what_its_kind_needs_is_refused() {
        for (item, words) in [
            (
                r#"{"id":1,"ndb":"09040","amount":1.0,"portion":0}"#,
                "missing field `kind`",
            ),
            (r#"{"kind":"cake","id":1}"#, "unknown variant `cake`"),
            (
                r#"{"kind":"magnesium","id":1,"mg":200.0}"#,
                "missing field `form`",
            ),
            (
                r#"{"kind":"magnesium","id":1,"form":"carbonate","mg":1.0}"#,
                "unknown variant `carbonate`",
            ),
            (
                r#"{"kind":"calcium","id":1,"form":"citrate"}"#,
                "missing field `mg`",
            ),
            (
                r#"{"kind":"potassium","id":1,"tablets":-1}"#,
                "invalid value",
            ),
            (
                r#"{"kind":"drink","id":1,"amount":1.0,"unit":"g"}"#,
                "unknown variant `g`",
            ),
            (
                r#"{"kind":"food","id":1,"ndb":"09040","amount":1.0,"portion":1.5}"#,
                "invalid type: floating point `1.5`",
            ),
            (
                r#"{"kind":"mine","id":1,"src":3,"per_100g":{},"amount":1.0}"#,
                "missing field `name`",
            ),
            (
                r#"{"kind":"mine","id":1,"src":3,"name":"x","per_100g":{"zz":1.0},"amount":1.0}"#,
                "unknown field `zz`",
            ),
            (
                r#"{"kind":"food","ndb":"09040","amount":1.0,"portion":0}"#,
                "missing field `id`",
            ),
        ] {
            let e = read_lunch(item).unwrap_err().to_string();
            assert!(e.contains(words), "{item}: {e}");
        }
    }

    #[test]
    fn water_glasses_stop_at_the_drink_limit() {
        let mut plan = DayPlan::new();
        for _ in 0..20 {
            plan.add_glass(Meal::Lunch, VolumeUnit::Glass).unwrap();
        }
        assert!(matches!(
            plan.add_glass(Meal::Lunch, VolumeUnit::Glass),
            Err(PlanError::Amount(_))
        ));
        assert_eq!(plan.glasses(VolumeUnit::Glass).unwrap().1, 20.0);
    }
}
