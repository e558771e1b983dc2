//! The amount a picked food starts at: the portion a person actually eats.
//!
//! USDA lists a food's household measures in no particular order of
//! realism, so "the first measure" means a cup of mashed banana (225 g), a
//! cup of whole almonds (143 g) or a cup of diced chicken. Instead, each
//! food gets a *profile* from its USDA group and description (what kind of
//! measure fits it and roughly how many grams a serving weighs, after FDA's
//! reference amounts customarily consumed, 21 CFR 101.12), and every
//! candidate is scored:
//!
//! `score = penalty(kind of measure, style) + closeness × |ln(grams / target)|`
//!
//! where the kind of measure is read from USDA's unit text (an NLEA
//! serving, the usual piece size, another piece, oz, fl oz, tsp, tbsp, a
//! plain cup, a cup of cut pieces, a container, a bulk measure such as lb or
//! a whole bird). The profile's own target in grams (ounces for ounce foods)
//! is a candidate too, with a penalty of 1.2: a measure only beats it when
//! it is the right kind and about the right weight. The lowest score wins;
//! ties go to USDA's order. So:
//!
//! - fruit and raw vegetables take "1 medium" (eggs "1 large", bread
//!   "1 slice"), else an NLEA serving, else the piece nearest the target;
//! - meat, poultry and fish take 3 oz cooked or 4 oz raw (85 g / 113 g),
//!   nuts, cheese and snacks 1 oz;
//! - milk, coffee, tea, juice and other drinks take 1 cup (wine 5 fl oz,
//!   spirits 1.5 fl oz, beer a can);
//! - cooked grains, pasta, legumes, soups and cooked vegetables take a cup
//!   (or half a cup where that is what a serving is);
//! - oils and butter take 1 tbsp, nut butters and dressings 2 tbsp;
//! - spices, herbs, salt, sugar and leavening (things eaten by the pinch)
//!   take 1 tsp.
//!
//! Hard rules on top: no default weighs more than [`MAX_DEFAULT_GRAMS`];
//! a "cup, mashed / diced / chopped / sliced / pieces…" of a solid food is
//! never chosen when the food has a piece or an "oz" measure; a multiple is
//! only ever of a measure of 1 (3 × "1 oz", 2 × "1 tbsp"). A USDA "oz"
//! measure becomes the plain ounce unit, so it reads "3 oz (85 g)". A food
//! with no usable measure gets its profile's target in grams (or ounces for
//! meat, nuts and cheese), e.g. "45 g" of dry rice or "170 g" of yogurt.
//!
//! It allocates nothing (the description is lowercased on the stack) and
//! runs over the whole table in about 4 ms natively, under 0.5 µs a food
//! (`cargo run --release -p electrolyte-domain --example default_servings
//! -- --time`).

use crate::foods::food::{Food, FoodGroup, Portion};
use crate::planning::plan::{describe_food_amount, FoodEntry, FoodUnit};
use crate::units::amount::MassUnit;

/// No food defaults to more than this many grams.
pub const MAX_DEFAULT_GRAMS: f64 = 400.0;

/// Grams in an avoirdupois ounce.
const OUNCE: f64 = 28.349_523_125;

/// The amount a food starts at when picked.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DefaultServing {
    /// How many `unit`s.
    pub amount: f64,
    /// A portion of the food or a mass unit, as in [`FoodEntry`].
    pub unit: FoodUnit,
}

impl DefaultServing {
    /// The entry this serving stands for.
    fn entry(&self, food: &Food) -> FoodEntry {
        FoodEntry {
            ndb: food.ndb,
            amount: self.amount,
            unit: self.unit,
        }
    }

    /// The weight of the serving in grams (0 if its portion is not one of
    /// `food`'s, which [`default_serving`] never returns).
    pub fn grams(&self, food: &Food) -> f64 {
        self.entry(food).grams(food).unwrap_or(0.0)
    }

    /// How the plan describes it: "1 medium (7\" to 7-7/8\" long), 118 g",
    /// "3 oz (85 g)", "2 × 1 tbsp, 28 g", "45 g".
    pub fn label(&self, food: &Food) -> String {
        describe_food_amount(&self.entry(food), Some(food))
    }
}

/// The serving `food` (of `group`) starts at; see the [module docs](self).
pub fn default_serving(food: &Food, group: &FoodGroup) -> DefaultServing {
    // Lowercased on the stack: USDA's descriptions are at most 200 bytes,
    // and a longer one is judged by its first 256 (still valid UTF-8).
    let mut buffer = [0u8; 256];
    let text = food.description.as_bytes();
    let lower = &mut buffer[..text.len().min(256)];
    lower.copy_from_slice(&text[..lower.len()]);
    lower.make_ascii_lowercase();
    let description = match std::str::from_utf8(lower) {
        Ok(text) => text,
        Err(e) => std::str::from_utf8(&lower[..e.valid_up_to()]).unwrap_or(""),
    };
    let profile = profile(group.code, Text(description));
    choose(&food.portions, &profile)
}

// ------------------------------------------------------------ the profile

/// Which kind of measure suits a food.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Style {
    /// A countable piece: 1 medium, 1 slice, 1 cookie, 1 NLEA serving.
    Pieces,
    /// A cup (drinks, soups, cooked grains, legumes and vegetables).
    Cups,
    /// Tablespoons (fats, spreads, condiments).
    Spoons,
    /// 1 teaspoon: things eaten by the pinch.
    Pinch,
    /// Ounces (meat, fish, nuts, cheese, snacks).
    Ounces,
}

/// The piece size that is the usual one for a food.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Size {
    Medium,
    Large,
    Slice,
}

/// What a food's serving should look like.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Profile {
    style: Style,
    /// Grams of a usual serving.
    target: f64,
    /// Which piece size counts as the usual one.
    usual: Size,
    /// Whether a cup of cut pieces is fine (leafy greens).
    cut_cups: bool,
    /// How much closeness to `target` weighs against the kind of measure:
    /// a teaspoon of anything is a teaspoon, a taco is a taco.
    closeness: f64,
}

const fn p(style: Style, target: f64) -> Profile {
    Profile {
        style,
        target,
        usual: Size::Medium,
        cut_cups: false,
        closeness: match style {
            Style::Pinch => 0.1,
            Style::Pieces => 0.5,
            _ => 1.0,
        },
    }
}

/// A profile whose target weight counts fully: powders, flours, dried fruit.
const fn exact(profile: Profile) -> Profile {
    Profile {
        closeness: 1.0,
        ..profile
    }
}

/// One item of a meal or a jar of baby food, whatever it weighs.
const fn item(target: f64) -> Profile {
    Profile {
        closeness: 0.3,
        ..p(Style::Pieces, target)
    }
}

const PINCH: Profile = p(Style::Pinch, 2.0);
const DRINK: Profile = p(Style::Cups, 240.0);
const TBSP: Profile = p(Style::Spoons, 14.0);
const TWO_TBSP: Profile = p(Style::Spoons, 30.0);
const ONE_OZ: Profile = p(Style::Ounces, OUNCE);
const COOKED_MEAT: Profile = p(Style::Ounces, 3.0 * OUNCE);
const RAW_MEAT: Profile = p(Style::Ounces, 4.0 * OUNCE);
/// A dry powder: its weight matters as much as its measure.
const DRY: Profile = exact(p(Style::Pieces, 25.0));

/// The profile of a food from its group code and lowercased description.
fn profile(group: &str, d: Text) -> Profile {
    if d.starts("oil") || d.starts("fat,") || d.starts("shortening") || d.starts("lard") {
        return TBSP;
    }
    if d.has("yeast") {
        return PINCH;
    }
    let condiments = matches!(group, "0200" | "0600" | "1100" | "1600" | "2100" | "2200");
    if condiments
        && d.any(&[
            "catsup",
            "ketchup",
            "mustard, prepared",
            "soy sauce",
            "worcestershire",
            "hot sauce",
            "fish sauce",
            "vinegar",
            "horseradish",
            "relish",
            "tomato paste",
            "miso",
            "wasabi",
        ])
    {
        return TBSP;
    }
    match group {
        // Spices and Herbs.
        "0200" if d.has("capers") => TBSP,
        "0200" => PINCH,
        // Fats and Oils.
        "0400" if d.has("dressing") && !d.has("mayo") => TWO_TBSP,
        "0400" => TBSP,
        // Dairy and Egg Products.
        "0100" => dairy(d),
        // Baby Foods.
        "0300" if d.has("formula") && d.powder() => p(Style::Pieces, 9.0),
        "0300" if d.powder() => p(Style::Spoons, 15.0),
        "0300" if d.any(&["formula", "juice", "electrolyte"]) => p(Style::Cups, 150.0),
        "0300" => item(113.0),
        // Poultry, Pork, Beef, Lamb/Veal/Game, Finfish and Shellfish.
        "0500" | "1000" | "1300" | "1500" | "1700" => {
            if d.has("bacon") {
                p(Style::Pieces, 12.0)
            } else if d.any(&["caviar", "roe"]) {
                p(Style::Spoons, 16.0)
            } else if d.any(&["anchov", "skin only", "separable fat", ", fat,"]) {
                ONE_OZ
            } else if d.raw() {
                RAW_MEAT
            } else {
                COOKED_MEAT
            }
        }
        // Sausages and Luncheon Meats: a link, a frank, a slice.
        "0700" => Profile {
            usual: Size::Slice,
            ..p(Style::Pieces, 45.0)
        },
        // Soups, Sauces, and Gravies.
        "0600" if d.has("soup") && d.has("condensed") && !d.prepared() => p(Style::Cups, 125.0),
        "0600" if d.powder() => p(Style::Pieces, 15.0),
        "0600" if d.any(&["gravy", "sauce, cheese", "pasta", "spaghetti", "marinara"]) => {
            p(Style::Cups, 65.0)
        }
        "0600" if d.has("sauce") || d.has("dip") => TWO_TBSP,
        "0600" => p(Style::Cups, 245.0),
        // Breakfast Cereals: a bowl of hot cereal, a cup of flakes.
        "0800" if d.prepared() || d.has("cooked") => DRINK,
        "0800" => p(Style::Cups, 35.0),
        // Fruits and Fruit Juices.
        "0900" => fruit(d),
        // Vegetables and Vegetable Products.
        "1100" => vegetable(d),
        // Nut and Seed Products.
        "1200" if d.any(&["butter", "paste", "tahini", "spread"]) => TWO_TBSP,
        "1200"
            if d.has("coconut water")
                || d.has("beverage")
                || d.has("milk") && !d.has("coconut") =>
        {
            DRINK
        }
        "1200" if d.has("coconut") && d.any(&["milk", "cream"]) => TWO_TBSP,
        "1200" if d.any(&["sesame", "poppy", "flax", "chia"]) && !d.has("flour") => {
            p(Style::Spoons, 9.0)
        }
        "1200" => ONE_OZ,
        // Beverages.
        "1400" => beverage(d),
        // Legumes and Legume Products.
        "1600" => legume(d),
        // Baked Products.
        "1800" if d.has("leavening") || d.has("cream of tartar") => PINCH,
        "1800" if d.powder() => DRY,
        "1800" if d.starts("bread") && !d.starts("bread crumbs") && !d.has("stuffing") => Profile {
            usual: Size::Slice,
            ..p(Style::Pieces, 32.0)
        },
        "1800" if d.any(&["bread crumbs", "croutons"]) => p(Style::Pieces, 15.0),
        "1800" if d.any(&["cookie", "cracker", "wafer"]) => p(Style::Pieces, 30.0),
        "1800" if d.any(&["pie", "cake", "cheesecake"]) => p(Style::Pieces, 100.0),
        "1800" => p(Style::Pieces, 55.0),
        // Sweets.
        "1900" if d.starts("sugar") || d.has("sweetener") => p(Style::Pinch, 4.0),
        "1900" if d.any(&["frosting", "icing"]) => p(Style::Spoons, 35.0),
        "1900"
            if d.any(&[
                "honey",
                "syrup",
                "jam",
                "jelly",
                "jellies",
                "preserves",
                "marmalade",
                "molasses",
                "topping",
                "spread",
            ]) =>
        {
            p(Style::Spoons, 20.0)
        }
        "1900" if d.any(&["ice cream", "frozen yogurt", "sherbet", "frozen novelties"]) => {
            p(Style::Cups, 66.0)
        }
        "1900" if d.any(&["pudding", "gelatin dessert"]) && !d.powder() => p(Style::Cups, 113.0),
        "1900" if d.has("cocoa") && d.powder() => p(Style::Spoons, 5.0),
        "1900" if d.powder() => p(Style::Pieces, 20.0),
        "1900" => p(Style::Pieces, 40.0),
        // Cereal Grains and Pasta.
        "2000" if d.any(&["cooked", "boiled", "steamed", "canned"]) || d.prepared() => {
            p(Style::Cups, 160.0)
        }
        "2000" if d.any(&["flour", "meal", "bran", "germ", "starch"]) => {
            exact(p(Style::Pieces, 30.0))
        }
        "2000" => p(Style::Pieces, 45.0),
        // Snacks: a bar, a bag, 1 oz of chips.
        "2500" => p(Style::Pieces, 28.0),
        // Fast Foods, Meals and Entrees, Restaurant Foods: one item.
        "2100" | "2200" | "3600"
            if d.any(&["dressing", "vinaigrette"]) || d.ends("sauce") && !d.has(" with ") =>
        {
            TWO_TBSP
        }
        "2100" | "2200" | "3600" if d.any(&["peanuts", "nuts"]) => ONE_OZ,
        "2100" | "2200" | "3600" if d.has("pizza") => item(110.0),
        "2100" | "2200" | "3600" if d.any(&["shake", "beverage", "coffee", "soft drink"]) => DRINK,
        "2100" | "2200" | "3600" => item(200.0),
        // American Indian/Alaska Native Foods and anything new.
        _ => p(Style::Pieces, 85.0),
    }
}

/// A lowercased description, searched for words.
#[derive(Clone, Copy)]
struct Text<'a>(&'a str);

impl Text<'_> {
    /// Whether `word` is in the text ("cooked" is not in "uncooked").
    fn has(self, word: &str) -> bool {
        if !self.0.contains(word) {
            return false;
        }
        word != "cooked"
            || self
                .0
                .match_indices(word)
                .any(|(at, _)| !self.0[..at].ends_with("un"))
    }

    fn any(self, words: &[&str]) -> bool {
        words.iter().any(|w| self.has(w))
    }

    fn starts(self, word: &str) -> bool {
        self.0.starts_with(word)
    }

    fn ends(self, word: &str) -> bool {
        self.0.ends_with(word)
    }

    /// Raw, not cooked in any way.
    fn raw(self) -> bool {
        self.has("raw") && !self.any(&["cooked", "roasted", "baked", "fried", "boiled"])
    }

    /// Made ready to eat or drink: brewed, diluted, reconstituted.
    fn prepared(self) -> bool {
        self.any(&["prepared", "diluted with", "reconstituted", "brewed"])
            && !self.any(&[
                "not reconstituted",
                "not prepared",
                "unprepared",
                "undiluted",
            ])
    }

    /// A dry powder or mix, as sold.
    fn powder(self) -> bool {
        self.any(&["powder", "dry", "dried", "dehydrated", "mix, "])
            && !self.has("dry roasted")
            && !self.prepared()
    }
}

fn dairy(d: Text) -> Profile {
    if d.starts("egg,") || d.starts("egg white") || d.starts("egg yolk") {
        if d.powder() {
            return p(Style::Pieces, 10.0);
        }
        return Profile {
            usual: Size::Large,
            ..p(Style::Pieces, 50.0)
        };
    }
    if d.starts("butter") || d.has("margarine") || d.has("butter oil") || d.has("ghee") {
        return TBSP;
    }
    if d.has("cheese") {
        return if d.has("cottage") {
            p(Style::Ounces, 4.0 * OUNCE)
        } else if d.has("ricotta") {
            p(Style::Cups, 124.0)
        } else if d.has("cream cheese") || d.has("cheese, cream") || d.has("neufchatel") {
            TWO_TBSP
        } else if d.has("grated") {
            p(Style::Spoons, 5.0)
        } else {
            ONE_OZ
        };
    }
    if d.starts("yogurt") {
        return p(Style::Cups, 170.0);
    }
    if d.any(&["sour", "dessert topping", "dip"]) && !d.starts("milk") {
        return TWO_TBSP;
    }
    if d.starts("cream") || d.has("creamer") || d.has("half and half") {
        return p(Style::Spoons, 15.0);
    }
    if d.powder() || d.has("whey, ") && !d.has("fluid") {
        return DRY;
    }
    if d.any(&["condensed", "evaporated"]) {
        return TWO_TBSP;
    }
    if d.any(&[
        "milk",
        "kefir",
        "eggnog",
        "beverage",
        "shake",
        "whey",
        "buttermilk",
    ]) {
        return DRINK;
    }
    p(Style::Pieces, 60.0)
}

fn fruit(d: Text) -> Profile {
    if d.any(&["sauce", "relish"]) {
        return p(Style::Cups, 70.0);
    }
    if d.any(&["lemon juice", "lime juice"]) {
        return p(Style::Spoons, 15.0);
    }
    let drink = d.any(&[
        "juice", "nectar", "drink", "beverage", "smoothie", "punch", "ade,",
    ]);
    if d.has("concentrate") && !d.prepared() && (drink || d.has("undiluted")) {
        // Frozen concentrate: the part that makes a cup (1/4 cup, 2 fl oz).
        return p(Style::Cups, 60.0);
    }
    if drink {
        return DRINK;
    }
    if d.any(&[
        "dried",
        "dehydrated",
        "raisins",
        "prunes",
        "candied",
        "powder",
    ]) || d.starts("dates")
    {
        return exact(p(Style::Pieces, 40.0));
    }
    if d.has("applesauce") || d.has("canned") || d.has("frozen") || d.has("sweetened") {
        return p(Style::Cups, 125.0);
    }
    p(Style::Pieces, 140.0)
}

fn vegetable(d: Text) -> Profile {
    if d.has("juice") {
        return DRINK;
    }
    if d.has("garlic") {
        return p(Style::Pieces, 3.0);
    }
    if d.any(&["pickle", "pimento"]) {
        return p(Style::Pieces, 35.0);
    }
    if d.has("paste") {
        return TWO_TBSP;
    }
    if d.has("flour") {
        return exact(p(Style::Pieces, 30.0));
    }
    if d.powder() || d.any(&["flakes", "granules"]) {
        // Dried vegetables, potato flakes: what makes a serving.
        return exact(p(Style::Pieces, 20.0));
    }
    let leafy = d.any(&[
        "spinach",
        "lettuce",
        "kale",
        "arugula",
        "chard",
        "cress",
        "greens",
        "endive",
        "radicchio",
        "chicory",
        "cabbage",
        "collards",
        "parsley",
        "coriander",
        "sprouts",
        "leaves",
        "watercress",
    ]);
    if leafy && (d.has("leaves") || !d.has("potato")) {
        return Profile {
            cut_cups: true,
            ..p(Style::Cups, if d.raw() { 30.0 } else { 120.0 })
        };
    }
    if d.has("soup") || d.has("mashed") || d.has("puree") || d.has("sauce") {
        return p(Style::Cups, 125.0);
    }
    let cooked = d.any(&[
        "cooked",
        "boiled",
        "canned",
        "frozen",
        "steamed",
        "microwaved",
        "stir-fried",
    ]);
    if d.has("potato") && !d.any(&["mashed", "canned", "frozen", "french fr", "hash"]) {
        return p(Style::Pieces, 150.0);
    }
    if cooked {
        return p(Style::Cups, 120.0);
    }
    p(Style::Pieces, 85.0)
}

fn beverage(d: Text) -> Profile {
    if d.any(&["coffee", "tea", "chicory"]) && d.any(&["instant", "powder"]) && !d.prepared() {
        return PINCH;
    }
    if d.has("wine") && !d.has("cooler") {
        return p(Style::Cups, 148.0);
    }
    if d.has("beer") || d.has("ale,") {
        return p(Style::Cups, 356.0);
    }
    if d.any(&[
        "distilled",
        "liqueur",
        "gin,",
        "rum,",
        "vodka",
        "whiskey",
        "brandy",
    ]) {
        return p(Style::Cups, 42.0);
    }
    if d.has("concentrate") && !d.prepared() {
        return p(Style::Cups, 60.0);
    }
    if d.powder() {
        return p(Style::Pieces, 20.0);
    }
    DRINK
}

fn legume(d: Text) -> Profile {
    if d.any(&["butter", "hummus", "spread"]) {
        return TWO_TBSP;
    }
    if d.has("peanuts") && !d.any(&["flour", "oil"]) || d.has("dry roasted") {
        return ONE_OZ;
    }
    if d.any(&["milk", "beverage", "drink"]) {
        return DRINK;
    }
    if d.has("fermented") {
        return TBSP;
    }
    if d.has("tofu") || d.has("tempeh") {
        return p(Style::Pieces, 85.0);
    }
    if d.any(&["flour", "protein isolate", "protein concentrate", "meal"]) {
        return p(Style::Pieces, 30.0);
    }
    let cooked = d.any(&["cooked", "boiled", "canned", "baked", "refried", "mashed"]);
    if !cooked && !d.raw() {
        // Meat analogues and the like: franks, patties, crumbles, nuggets.
        return p(Style::Pieces, 60.0);
    }
    if d.raw() && !d.has("sprouted") {
        // Dry beans and lentils: the part that makes a serving cooked.
        return p(Style::Pieces, 35.0);
    }
    p(Style::Cups, 150.0)
}

// ---------------------------------------------------------- the measures

/// What kind of measure a USDA unit text is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Measure {
    /// "NLEA serving" anywhere in the unit.
    Nlea,
    /// The usual piece size for the food (medium, or large, or slice).
    Usual,
    /// Any other countable thing: large, small, slice, fruit, cookie, breast...
    Piece,
    /// A part of a plant, not what one eats as a serving: a leaf, a stalk,
    /// a spear, a sprig, a strip, a floret, a wedge.
    Part,
    /// "oz", "oz, boneless", "oz (23 whole kernels)".
    Ounce,
    /// "fl oz".
    FluidOunce,
    Teaspoon,
    Tablespoon,
    /// "cup", "cup (8 fl oz)", "cup, cooked".
    Cup,
    /// "cup, mashed", "cup, diced", "cup slices", "cup, whole kernels"...
    CutCup,
    /// "serving (3 oz)", "container (6 oz)", "jar", "can", "packet", "scoop".
    Serving,
    /// Bulk or odd measures: lb, quart, bunch, head, package, "unit (yield
    /// from 1 lb …)", a whole bird.
    Bulk,
}

/// Stems of the words that make a cup a cup of cut or loose pieces of a
/// solid food ("cup, mashed", "cup slices", "cup, whole kernels").
const CUT_STEMS: [&str; 27] = [
    "mash", "dice", "chop", "slice", "piece", "cube", "shred", "grate", "half", "halves", "crush",
    "whole", "strip", "section", "quarter", "pitted", "floret", "spear", "chunk", "sliver",
    "ground", "pure", "cut", "flake", "kernel", "ring", "wedge",
];

/// The words of a unit text: its runs of ASCII letters.
fn words(unit: &str) -> impl Iterator<Item = &str> + Clone {
    unit.split(|c: char| !c.is_ascii_alphabetic())
        .filter(|w| !w.is_empty())
}

/// Case-insensitive `word.starts_with(stem)` for a lowercase stem.
fn starts_with(word: &str, stem: &str) -> bool {
    word.len() >= stem.len() && word.as_bytes()[..stem.len()].eq_ignore_ascii_case(stem.as_bytes())
}

/// What kind of measure `unit` is, for a food whose usual piece is `usual`.
fn measure(unit: &str, usual: Size) -> Measure {
    // One pass over the words: the first one, and a few telling others.
    let mut all = words(unit);
    let first = all.next().unwrap_or("");
    let mut nlea = first.eq_ignore_ascii_case("nlea");
    let (mut share, mut medium, mut slice) = (false, false, false);
    for w in all {
        nlea |= w.eq_ignore_ascii_case("nlea");
        share |= w.eq_ignore_ascii_case("yield");
        medium |= w.eq_ignore_ascii_case("medium");
        slice |= starts_with(w, "slice");
    }
    if nlea {
        return Measure::Nlea;
    }
    // The first word, lowercased (longer words are none of those below).
    let mut buffer = [0u8; 12];
    let first = match buffer.get_mut(..first.len()) {
        Some(lower) => {
            lower.copy_from_slice(first.as_bytes());
            lower.make_ascii_lowercase();
            std::str::from_utf8(lower).unwrap_or("")
        }
        None => "",
    };
    let size = match first {
        "tsp" | "teaspoon" | "teaspoons" => return Measure::Teaspoon,
        "tbsp" | "tablespoon" | "tablespoons" => return Measure::Tablespoon,
        "fl" => return Measure::FluidOunce,
        "oz" | "ounce" | "ounces" => return Measure::Ounce,
        "cup" | "cups" => {
            let cut = words(unit)
                .skip(1)
                .any(|w| CUT_STEMS.iter().any(|stem| starts_with(w, stem)));
            return if cut { Measure::CutCup } else { Measure::Cup };
        }
        "serving" | "servings" | "portion" | "container" | "jar" | "can" | "bottle" | "packet"
        | "pouch" | "scoop" | "envelope" | "carton" | "box" | "bag" | "tub" | "package" => {
            return Measure::Serving
        }
        "lb" | "pound" | "quart" | "gallon" | "pint" | "liter" | "litre" | "bunch" | "head"
        | "bird" | "unit" | "roast" | "loaf" | "chicken" | "whole" => return Measure::Bulk,
        "leaf" | "leaves" | "stalk" | "stalks" | "spear" | "spears" | "sprig" | "sprigs"
        | "floret" | "florets" | "wedge" => return Measure::Part,
        // "piece, cooked (yield from 1 lb raw meat)": a share of a batch.
        _ if share => return Measure::Bulk,
        "medium" => Some(Size::Medium),
        "large" => Some(Size::Large),
        "slice" => Some(Size::Slice),
        // "potato medium", "medium whole": a medium one, not a medium slice.
        _ if medium && !slice => Some(Size::Medium),
        _ => None,
    };
    if size == Some(usual) {
        Measure::Usual
    } else {
        Measure::Piece
    }
}

/// How unsuitable a kind of measure is for a style (0 = what it wants).
fn penalty(style: Style, measure: Measure) -> f64 {
    use Measure as M;
    match (style, measure) {
        (Style::Pieces, M::Usual) => 0.0,
        (Style::Pieces, M::Nlea) => 0.2,
        (Style::Pieces, M::Piece) => 0.3,
        (Style::Pieces, M::Serving) => 0.35,
        (Style::Pieces, M::Part) => 0.5,
        (Style::Pieces, M::CutCup) => 0.6,
        (Style::Pieces, M::Cup) => 0.7,
        (Style::Pieces, M::Ounce) => 0.6,
        (Style::Pieces, M::Tablespoon) => 1.0,
        (Style::Pieces, M::FluidOunce) => 1.0,
        (Style::Cups, M::Cup) => 0.0,
        (Style::Cups, M::Nlea) => 0.1,
        (Style::Cups, M::Serving) => 0.3,
        (Style::Cups, M::CutCup) => 0.3,
        (Style::Cups, M::Usual) => 0.4,
        (Style::Cups, M::Piece) => 0.5,
        (Style::Cups, M::Part) => 0.7,
        (Style::Cups, M::FluidOunce) => 0.5,
        (Style::Cups, M::Ounce) => 0.8,
        (Style::Cups, M::Tablespoon) => 1.0,
        (Style::Spoons, M::Tablespoon) => 0.0,
        (Style::Spoons, M::Nlea) => 0.1,
        (Style::Spoons, M::Teaspoon) => 0.3,
        (Style::Spoons, M::Serving) => 0.4,
        (Style::Spoons, M::Usual | M::Piece) => 0.5,
        (Style::Spoons, M::CutCup) => 1.0,
        (Style::Spoons, M::FluidOunce) => 0.6,
        (Style::Spoons, M::Ounce) => 0.8,
        (Style::Spoons, M::Cup) => 1.0,
        (Style::Pinch, M::Teaspoon) => 0.0,
        (Style::Pinch, M::Tablespoon) => 0.5,
        (Style::Pinch, M::Usual | M::Piece | M::Part | M::Nlea | M::Serving) => 0.6,
        (Style::Ounces, M::Ounce) => 0.0,
        (Style::Ounces, M::Nlea) => 0.1,
        (Style::Ounces, M::Serving) => 0.2,
        (Style::Ounces, M::Usual) => 0.3,
        (Style::Ounces, M::Piece) => 0.4,
        (Style::Ounces, M::Tablespoon) => 0.8,
        (Style::Ounces, M::Cup | M::CutCup) => 1.0,
        _ => 1.5,
    }
}

/// The penalty of the profile's own fallback: grams (or ounces) of the target.
const FALLBACK_PENALTY: f64 = 1.2;
/// A measure of an amount other than 1 ("0.5 cup", "3 oz") is a little less plain.
const NOT_ONE_PENALTY: f64 = 0.1;
/// Most of one measure a default counts ("3 × 1 oz", "2 × 1 tbsp").
const MAX_MULTIPLE: f64 = 4.0;

/// A measure worth counting in multiples: 3 × 1 oz, 2 × 1 tbsp, 2 × 1 fl oz.
fn multipliable(measure: Measure, style: Style) -> bool {
    match measure {
        Measure::Ounce => true,
        Measure::Tablespoon => style == Style::Spoons,
        Measure::FluidOunce => style == Style::Cups,
        Measure::Teaspoon => style == Style::Spoons,
        _ => false,
    }
}

fn choose(portions: &[Portion], profile: &Profile) -> DefaultServing {
    // Each measure's kind, without allocating (no food has more than 16).
    let mut kinds = [Measure::Bulk; 16];
    for (kind, portion) in kinds.iter_mut().zip(portions) {
        *kind = measure(portion.unit, profile.usual);
    }
    let kind = |i: usize| match kinds.get(i) {
        Some(&kind) => kind,
        None => measure(portions[i].unit, profile.usual),
    };
    // A cup of diced or mashed food is never the default of a food that
    // can be counted in pieces or weighed in ounces.
    let no_cut_cups = !profile.cut_cups
        && portions.iter().enumerate().any(|(i, portion)| {
            matches!(kind(i), Measure::Usual | Measure::Piece | Measure::Ounce)
                && portion.grams <= MAX_DEFAULT_GRAMS
        });
    let closeness = |grams: f64| profile.closeness * (grams / profile.target).ln().abs();

    let mut best = fallback(profile);
    let mut best_score = if profile.style == Style::Ounces {
        // n oz is exactly what an ounce food wants; a USDA ounce measure
        // ties with it and comes first.
        0.05
    } else {
        FALLBACK_PENALTY
    };
    for (index, portion) in portions.iter().enumerate() {
        let m = kind(index);
        if !(portion.grams.is_finite() && portion.grams > 0.0) {
            continue;
        }
        if m == Measure::CutCup && no_cut_cups {
            continue;
        }
        let mut count = 1.0;
        let mut score = penalty(profile.style, m);
        if portion.amount == 1.0 && multipliable(m, profile.style) {
            // Halfway between two counts, the smaller: 2 tbsp, not 3.
            count = (profile.target / portion.grams - 0.01)
                .round()
                .clamp(1.0, MAX_MULTIPLE);
            // An odd ounce ("oz, boneless") in multiples reads worse than "3 oz".
            if count > 1.0 && m == Measure::Ounce && !plain_ounce(portion) {
                score += NOT_ONE_PENALTY;
            }
        }
        let grams = count * portion.grams;
        if grams > MAX_DEFAULT_GRAMS {
            continue;
        }
        if portion.amount != 1.0 {
            score += NOT_ONE_PENALTY;
        }
        score += closeness(grams);
        if score < best_score {
            best_score = score;
            best = if m == Measure::Ounce && plain_ounce(portion) {
                DefaultServing {
                    amount: count * portion.amount,
                    unit: FoodUnit::Mass(MassUnit::Ounce),
                }
            } else {
                DefaultServing {
                    amount: count,
                    unit: FoodUnit::Portion(index),
                }
            };
        }
    }
    best
}

/// A USDA measure that is just ounces by weight: "oz", 28.35 g each.
fn plain_ounce(portion: &Portion) -> bool {
    portion.unit.trim().eq_ignore_ascii_case("oz")
        && (portion.grams - portion.amount * OUNCE).abs() <= 0.5
}

/// The profile's target as a plain mass: whole ounces for ounce foods,
/// else grams.
fn fallback(profile: &Profile) -> DefaultServing {
    if profile.style == Style::Ounces {
        DefaultServing {
            amount: (profile.target / OUNCE).round().max(1.0),
            unit: FoodUnit::Mass(MassUnit::Ounce),
        }
    } else {
        DefaultServing {
            amount: profile.target,
            unit: FoodUnit::Mass(MassUnit::Gram),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::foods::food::{FoodGroupId, NdbNumber, NutrientValues};

    fn group(code: &'static str) -> FoodGroup {
        FoodGroup { code, name: "Test" }
    }

    fn food(description: &'static str, portions: &[(f64, &'static str, f64)]) -> Food {
        Food {
            ndb: NdbNumber::new(1).unwrap(),
            description,
            group: FoodGroupId(0),
            per_100g: NutrientValues::default(),
            portions: portions
                .iter()
                .map(|&(amount, unit, grams)| Portion {
                    amount,
                    unit,
                    grams,
                })
                .collect(),
        }
    }

    fn serve(code: &'static str, f: &Food) -> (String, f64) {
        let s = default_serving(f, &group(code));
        (s.label(f), s.grams(f))
    }

    #[test]
    fn fruit_takes_a_medium_one_not_a_cup_of_mash() {
        let banana = food(
            "Bananas, raw",
            &[
                (1.0, "cup, mashed", 225.0),
                (1.0, "cup, sliced", 150.0),
                (1.0, "small (6\" to 6-7/8\" long)", 101.0),
                (1.0, "medium (7\" to 7-7/8\" long)", 118.0),
                (1.0, "large (8\" to 8-7/8\" long)", 136.0),
                (1.0, "NLEA serving", 126.0),
            ],
        );
        let s = default_serving(&banana, &group("0900"));
        assert_eq!(
            s,
            DefaultServing {
                amount: 1.0,
                unit: FoodUnit::Portion(3)
            }
        );
        assert_eq!(s.label(&banana), "1 medium (7\" to 7-7/8\" long), 118 g");
        assert_eq!(s.grams(&banana), 118.0);
        // Without a medium one, the NLEA serving; without pieces, a cup.
        let berries = food(
            "Strawberries, raw",
            &[
                (1.0, "cup, halves", 152.0),
                (1.0, "medium (1-1/4\" dia)", 12.0),
                (1.0, "NLEA serving", 147.0),
            ],
        );
        assert_eq!(serve("0900", &berries).0, "1 NLEA serving, 147 g");
    }

    #[test]
    fn cooked_meat_takes_three_ounces_raw_meat_four() {
        let chicken = food(
            "Chicken, broilers or fryers, breast, meat only, cooked, roasted",
            &[
                (1.0, "cup, chopped or diced", 140.0),
                (1.0, "unit (yield from 1 lb ready-to-cook chicken)", 52.0),
                (0.5, "breast, bone and skin removed", 86.0),
            ],
        );
        let s = default_serving(&chicken, &group("0500"));
        assert_eq!(s.unit, FoodUnit::Mass(MassUnit::Ounce));
        assert_eq!(s.amount, 3.0);
        assert_eq!(s.label(&chicken), "3 oz (85 g)");
        // A USDA "1 oz" is counted three times, as the ounce unit.
        let pork = food(
            "Pork, fresh, loin, cooked",
            &[(1.0, "oz", 28.35), (1.0, "lb", 454.0)],
        );
        assert_eq!(serve("1000", &pork).0, "3 oz (85 g)");
        let raw = food("Fish, salmon, Atlantic, wild, raw", &[(3.0, "oz", 85.0)]);
        assert_eq!(serve("1500", &raw).0, "4 oz (113 g)");
        // No portion at all: still 3 oz.
        assert_eq!(serve("1300", &food("Beef, cooked", &[])).0, "3 oz (85 g)");
    }

    #[test]
    fn nuts_cheese_and_spreads_take_an_ounce_or_spoons() {
        let almonds = food(
            "Nuts, almonds",
            &[
                (1.0, "cup, whole", 143.0),
                (1.0, "oz (23 whole kernels)", 28.35),
                (1.0, "almond", 1.2),
            ],
        );
        assert_eq!(
            default_serving(&almonds, &group("1200")).unit,
            FoodUnit::Portion(1)
        );
        let cheddar = food(
            "Cheese, cheddar",
            &[
                (1.0, "cup, diced", 132.0),
                (1.0, "oz", 28.35),
                (1.0, "slice (1 oz)", 28.0),
            ],
        );
        assert_eq!(serve("0100", &cheddar).0, "1 oz (28 g)");
        let peanut_butter = food(
            "Peanut butter, smooth style, with salt",
            &[(1.0, "cup", 258.0), (1.0, "tbsp", 16.0)],
        );
        assert_eq!(serve("1600", &peanut_butter).0, "2 × 1 tbsp, 32 g");
        let oil = food(
            "Oil, olive",
            &[(1.0, "cup", 216.0), (1.0, "tablespoon", 13.5)],
        );
        assert_eq!(serve("0400", &oil).0, "1 tablespoon, 13.5 g");
    }

    #[test]
    fn drinks_take_a_cup_and_pinches_a_teaspoon() {
        let coffee = food(
            "Beverages, coffee, brewed, prepared with tap water",
            &[
                (1.0, "fl oz", 29.6),
                (6.0, "fl oz", 178.0),
                (1.0, "cup (8 fl oz)", 237.0),
            ],
        );
        assert_eq!(serve("1400", &coffee).0, "1 cup (8 fl oz), 237 g");
        let tartar = food(
            "Leavening agents, cream of tartar",
            &[(1.0, "tsp", 3.0), (0.5, "tsp", 1.5)],
        );
        assert_eq!(serve("1800", &tartar).0, "1 tsp, 3 g");
        let salt = food(
            "Salt, table",
            &[
                (1.0, "tsp", 6.0),
                (1.0, "tbsp", 18.0),
                (1.0, "cup", 292.0),
                (1.0, "dash", 0.4),
            ],
        );
        assert_eq!(serve("0200", &salt).0, "1 tsp, 6 g");
        let concentrate = food(
            "Orange juice, frozen concentrate, unsweetened, undiluted",
            &[(1.0, "cup", 262.0), (1.0, "fl oz", 33.0)],
        );
        assert_eq!(serve("0900", &concentrate).0, "2 × 1 fl oz, 66 g");
    }

    #[test]
    fn never_over_400_g_and_grams_when_nothing_fits() {
        let melon = food(
            "Mammy-apple, (mamey), raw",
            &[(1.0, "fruit without refuse", 846.0)],
        );
        let s = default_serving(&melon, &group("0900"));
        assert_eq!(s.unit, FoodUnit::Mass(MassUnit::Gram));
        assert_eq!(s.label(&melon), "140 g");
        assert_eq!(s.grams(&melon), 140.0);
        let rice = food(
            "Rice, white, long-grain, regular, raw",
            &[(1.0, "cup", 185.0)],
        );
        assert_eq!(serve("2000", &rice).0, "45 g");
        let pizza = food(
            "Pizza, cheese",
            &[(1.0, "pizza", 738.0), (1.0, "slice", 96.0)],
        );
        assert_eq!(serve("2100", &pizza).0, "1 slice, 96 g");
    }

    #[test]
    fn a_cup_of_cut_pieces_only_when_nothing_can_be_counted() {
        let carrot = food(
            "Carrots, raw",
            &[
                (1.0, "cup chopped", 128.0),
                (1.0, "medium", 61.0),
                (1.0, "strip medium", 4.0),
            ],
        );
        assert_eq!(serve("1100", &carrot).0, "1 medium, 61 g");
        let squash = food("Squash, winter, raw", &[(1.0, "cup, cubes", 116.0)]);
        assert_eq!(serve("1100", &squash).0, "1 cup, cubes, 116 g");
        // Raw leafy greens: a cup of shredded lettuce is what one eats.
        let lettuce = food(
            "Lettuce, cos or romaine, raw",
            &[
                (1.0, "cup shredded", 47.0),
                (1.0, "leaf inner", 6.0),
                (1.0, "head", 626.0),
            ],
        );
        assert_eq!(serve("1100", &lettuce).0, "1 cup shredded, 47 g");
    }

    #[test]
    fn measures_are_told_apart() {
        let m = |unit| measure(unit, Size::Medium);
        assert_eq!(m("cup (1 NLEA serving)"), Measure::Nlea);
        assert_eq!(m("medium (3\" dia)"), Measure::Usual);
        assert_eq!(m("potato medium"), Measure::Usual);
        assert_eq!(m("slice, medium (1/4\" thick)"), Measure::Piece);
        assert_eq!(m("large"), Measure::Piece);
        assert_eq!(measure("large", Size::Large), Measure::Usual);
        assert_eq!(m("oz, boneless"), Measure::Ounce);
        assert_eq!(m("fl oz"), Measure::FluidOunce);
        assert_eq!(m("Tbsp"), Measure::Tablespoon);
        assert_eq!(m("tsp, ground"), Measure::Teaspoon);
        assert_eq!(m("cup (8 fl oz)"), Measure::Cup);
        assert_eq!(m("Cup"), Measure::Cup);
        for cut in [
            "cup, mashed",
            "cup slices",
            "cup (1\" pieces)",
            "cup, whole kernels",
        ] {
            assert_eq!(m(cut), Measure::CutCup, "{cut}");
        }
        assert_eq!(m("container (6 oz)"), Measure::Serving);
        assert_eq!(
            m("unit (yield from 1 lb ready-to-cook chicken)"),
            Measure::Bulk
        );
        assert_eq!(m("lb"), Measure::Bulk);
        assert_eq!(m("stalk, medium (7-1/2\" - 8\" long)"), Measure::Part);
        assert_eq!(m("fruit (2-5/8\" dia)"), Measure::Piece);
        assert_eq!(m(""), Measure::Piece);
    }
}
