//! The rule that builds the proposal pool (`data/proposal-pool.txt`), shared
//! by the generator (`main.rs`) and the test that checks the committed file
//! (`tests/proposal_pool_sr28.rs`).
//!
//! 1. **Curated names.** [`CURATED`] lists common whole foods by the start
//!    of their USDA description and the preparation wanted (raw, cooked, or
//!    as named), under a category: fruit, vegetables and potatoes, legumes
//!    and soy foods, nuts and seeds, dairy and fortified plant milks, eggs,
//!    fish, shellfish, whole grains. Each entry takes the eligible food of
//!    lowest NDB number whose description starts so (USDA lists the plain,
//!    "all varieties" entry first); an entry that finds none stops the
//!    generator, so the list never silently shrinks.
//! 2. **Eligible** ([`eligible`]): in one of [`POOL_GROUPS`]; every one of
//!    energy, water, K, Mg, Ca and Na known; no brand (a word in capitals),
//!    and none of [`EXCLUDED_WORDS`] (baby food, fast food, restaurant, dry
//!    mixes and powders, supplements, fried, syrup, salted, juice...).
//! 3. **The portion**: the food's default serving
//!    ([`electrolyte_domain::foods::default_serving`]) when it is a USDA
//!    measure, or "n oz" of a USDA "n oz" measure; otherwise (a default in
//!    grams, or heavier than [`MAX_PORTION_GRAMS`]) the USDA measure closest
//!    in weight to the default, of at most [`MAX_PORTION_GRAMS`] and
//!    within a factor of 2 of it (no "1 cup" of dates for a 40 g serving).
//! 4. **The most portions**: 1 of a measure of a cup or more ("1 cup,
//!    cooked"), else 2 when two weigh at most [`MAX_PORTION_GRAMS`] (two
//!    medium bananas, 2 oz of almonds), else 1.

use std::collections::BTreeSet;
use std::fmt::Write;

use electrolyte_domain::foods::food::{Food, Portion};
use electrolyte_domain::foods::food_table::FoodTable;
use electrolyte_domain::foods::nutrient::Nutrient;
use electrolyte_domain::planning::plan::FoodUnit;
use electrolyte_domain::planning::proposals::pool::FoodCategory;
use electrolyte_domain::units::amount::MassUnit;

/// USDA groups the pool draws from: dairy and egg, breakfast cereals (oats),
/// fruit, vegetables, nuts and seeds, beverages (plant milks), fish and
/// shellfish, legumes, cereal grains.
pub const POOL_GROUPS: [&str; 9] = [
    "0100", "0800", "0900", "1100", "1200", "1400", "1500", "1600", "2000",
];

/// Words (whole, lowercase) that keep a food out of the pool.
pub const EXCLUDED_WORDS: [&str; 31] = [
    "baby",
    "infant",
    "toddler",
    "formula",
    "fast food",
    "restaurant",
    "mix",
    "powder",
    "dry",
    "dehydrated",
    "freeze-dried",
    "supplement",
    "protein isolate",
    "fried",
    "breaded",
    "batter",
    "syrup",
    "sweetened",
    "sugar",
    "with salt",
    "salted",
    "pickled",
    "juice",
    "nectar",
    "concentrate",
    "imitation",
    "substitute",
    "commodity",
    "chocolate",
    "flavored",
    "unprepared",
];

/// "Dry" in these is a way of cooking, not a dry mix.
const DRY_COOKING: [&str; 3] = ["dry heat", "dry roasted", "dry-roasted"];

/// No portion, and no most portions of a food, weighs more.
pub const MAX_PORTION_GRAMS: f64 = 300.0;

/// The preparation an entry of [`CURATED`] wants.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Prep {
    /// "raw" in the description.
    Raw,
    /// Cooked in some way, and not "raw".
    Cooked,
    /// As the name says.
    Named,
}

use FoodCategory::*;
use Prep::*;

/// The common whole foods of the pool: the start of the USDA description,
/// the preparation, the category.
pub const CURATED: &[(&str, Prep, FoodCategory)] = &[
    // Fruit, raw.
    ("Apples, raw", Raw, Fruit),
    ("Apricots, raw", Raw, Fruit),
    ("Avocados, raw", Raw, Fruit),
    ("Bananas, raw", Raw, Fruit),
    ("Blackberries, raw", Raw, Fruit),
    ("Blueberries, raw", Raw, Fruit),
    ("Carambola", Raw, Fruit),
    ("Cherries, sweet, raw", Raw, Fruit),
    ("Clementines, raw", Raw, Fruit),
    ("Figs, raw", Raw, Fruit),
    ("Grapefruit, raw", Raw, Fruit),
    ("Grapes, red or green", Raw, Fruit),
    ("Guavas, common, raw", Raw, Fruit),
    ("Jackfruit, raw", Raw, Fruit),
    ("Kiwifruit, green, raw", Raw, Fruit),
    ("Litchis, raw", Raw, Fruit),
    ("Mangos, raw", Raw, Fruit),
    ("Melons, cantaloupe, raw", Raw, Fruit),
    ("Melons, honeydew, raw", Raw, Fruit),
    ("Mulberries, raw", Raw, Fruit),
    ("Nectarines, raw", Raw, Fruit),
    ("Oranges, raw", Raw, Fruit),
    ("Papayas, raw", Raw, Fruit),
    ("Peaches, yellow, raw", Raw, Fruit),
    ("Pears, raw", Raw, Fruit),
    ("Pears, asian, raw", Raw, Fruit),
    ("Persimmons, japanese, raw", Raw, Fruit),
    ("Pineapple, raw", Raw, Fruit),
    ("Plums, raw", Raw, Fruit),
    ("Pomegranates, raw", Raw, Fruit),
    ("Raspberries, raw", Raw, Fruit),
    ("Strawberries, raw", Raw, Fruit),
    ("Tangerines, (mandarin oranges), raw", Raw, Fruit),
    ("Watermelon, raw", Raw, Fruit),
    ("Plantains, cooked", Cooked, Fruit),
    // Dried fruit.
    ("Dates, medjool", Named, Fruit),
    ("Raisins, seedless", Named, Fruit),
    // Vegetables eaten raw.
    ("Arugula, raw", Raw, Vegetable),
    ("Broccoli, raw", Raw, Vegetable),
    ("Cabbage, raw", Raw, Vegetable),
    ("Carrots, raw", Raw, Vegetable),
    ("Cauliflower, raw", Raw, Vegetable),
    ("Celery, raw", Raw, Vegetable),
    ("Fennel, bulb, raw", Raw, Vegetable),
    ("Kale, raw", Raw, Vegetable),
    ("Lettuce, cos or romaine, raw", Raw, Vegetable),
    ("Lettuce, green leaf, raw", Raw, Vegetable),
    ("Lettuce, iceberg", Raw, Vegetable),
    ("Mushrooms, white, raw", Raw, Vegetable),
    ("Peas, edible-podded, raw", Raw, Vegetable),
    ("Peppers, sweet, green, raw", Raw, Vegetable),
    ("Peppers, sweet, red, raw", Raw, Vegetable),
    ("Peppers, sweet, yellow, raw", Raw, Vegetable),
    ("Radishes, raw", Raw, Vegetable),
    ("Spinach, raw", Raw, Vegetable),
    ("Tomatoes, red, ripe, raw", Raw, Vegetable),
    ("Watercress, raw", Raw, Vegetable),
    ("Yambean (jicama), raw", Raw, Vegetable),
    // Vegetables, cooked.
    ("Artichokes, (globe or french), cooked", Cooked, Vegetable),
    ("Asparagus, cooked", Cooked, Vegetable),
    ("Beans, snap, green, cooked", Cooked, Vegetable),
    ("Beet greens, cooked", Cooked, Vegetable),
    ("Beets, cooked", Cooked, Vegetable),
    ("Broccoli, cooked", Cooked, Vegetable),
    ("Brussels sprouts, cooked", Cooked, Vegetable),
    ("Cabbage, cooked", Cooked, Vegetable),
    ("Cabbage, chinese (pak-choi), cooked", Cooked, Vegetable),
    ("Carrots, cooked", Cooked, Vegetable),
    ("Cauliflower, cooked", Cooked, Vegetable),
    ("Chard, swiss, cooked", Cooked, Vegetable),
    ("Collards, cooked", Cooked, Vegetable),
    ("Corn, sweet, yellow, cooked", Cooked, Vegetable),
    ("Cowpeas (blackeyes), immature seeds, cooked", Cooked, Vegetable),
    ("Dandelion greens, cooked", Cooked, Vegetable),
    ("Edamame, frozen, prepared", Named, Vegetable),
    ("Eggplant, cooked", Cooked, Vegetable),
    ("Kale, cooked", Cooked, Vegetable),
    ("Leeks, (bulb and lower leaf-portion), cooked", Cooked, Vegetable),
    ("Lima beans, immature seeds, cooked", Cooked, Vegetable),
    ("Mushrooms, portabella, grilled", Named, Vegetable),
    ("Mushrooms, white, cooked", Cooked, Vegetable),
    ("Mustard greens, cooked", Cooked, Vegetable),
    ("Okra, cooked", Cooked, Vegetable),
    ("Onions, cooked", Cooked, Vegetable),
    ("Parsnips, cooked", Cooked, Vegetable),
    ("Peas, edible-podded, boiled", Cooked, Vegetable),
    ("Peas, green, cooked", Cooked, Vegetable),
    ("Peppers, sweet, red, cooked", Cooked, Vegetable),
    ("Pumpkin, cooked", Cooked, Vegetable),
    ("Rutabagas, cooked", Cooked, Vegetable),
    ("Spinach, cooked", Cooked, Vegetable),
    ("Squash, summer, zucchini, includes skin, cooked", Cooked, Vegetable),
    ("Squash, winter, acorn, cooked, baked", Cooked, Vegetable),
    ("Squash, winter, butternut, cooked", Cooked, Vegetable),
    ("Squash, winter, spaghetti, cooked", Cooked, Vegetable),
    ("Tomatoes, red, ripe, cooked", Cooked, Vegetable),
    ("Turnip greens, cooked", Cooked, Vegetable),
    ("Turnips, cooked", Cooked, Vegetable),
    // Potatoes and other starchy roots.
    ("Potatoes, baked, flesh and skin", Cooked, Vegetable),
    ("Potatoes, boiled, cooked in skin, flesh", Cooked, Vegetable),
    ("Potatoes, red, flesh and skin, baked", Cooked, Vegetable),
    ("Potatoes, Russet, flesh and skin, baked", Cooked, Vegetable),
    ("Sweet potato, cooked, baked in skin", Cooked, Vegetable),
    ("Sweet potato, cooked, boiled", Cooked, Vegetable),
    ("Taro, cooked", Cooked, Vegetable),
    ("Yam, cooked", Cooked, Vegetable),
    // Legumes, cooked, and soy foods.
    ("Beans, adzuki, mature seeds, cooked", Cooked, Legume),
    ("Beans, black, mature seeds, cooked", Cooked, Legume),
    ("Beans, black, mature seeds, canned, low sodium", Named, Legume),
    ("Beans, black turtle, mature seeds, cooked", Cooked, Legume),
    ("Beans, cranberry (roman), mature seeds, cooked", Cooked, Legume),
    ("Beans, great northern, mature seeds, cooked", Cooked, Legume),
    ("Beans, kidney, red, mature seeds, cooked", Cooked, Legume),
    ("Beans, kidney, red, mature seeds, canned, solids and liquid, low sodium", Named, Legume),
    ("Beans, navy, mature seeds, cooked", Cooked, Legume),
    ("Beans, pink, mature seeds, cooked", Cooked, Legume),
    ("Beans, pinto, mature seeds, cooked", Cooked, Legume),
    ("Beans, pinto, mature seeds, canned, solids and liquids, low sodium", Named, Legume),
    ("Beans, small white, mature seeds, cooked", Cooked, Legume),
    ("Beans, white, mature seeds, cooked", Cooked, Legume),
    ("Broadbeans (fava beans), mature seeds, cooked", Cooked, Legume),
    ("Chickpeas (garbanzo beans, bengal gram), mature seeds, cooked", Cooked, Legume),
    ("Chickpeas (garbanzo beans, bengal gram), mature seeds, canned, solids and liquids, low sodium", Named, Legume),
    ("Cowpeas, common (blackeyes, crowder, southern), mature seeds, cooked", Cooked, Legume),
    ("Hummus, home prepared", Named, Legume),
    ("Lentils, mature seeds, cooked", Cooked, Legume),
    ("Lima beans, large, mature seeds, cooked", Cooked, Legume),
    ("Mung beans, mature seeds, cooked", Cooked, Legume),
    ("Peas, split, mature seeds, cooked", Cooked, Legume),
    ("Pigeon peas (red gram), mature seeds, cooked", Cooked, Legume),
    ("Soybeans, mature cooked", Cooked, Legume),
    ("Soymilk (all flavors), unsweetened, with added calcium", Named, Legume),
    ("Soymilk, original and vanilla, with added calcium", Named, Legume),
    ("Soymilk, original and vanilla, unfortified", Named, Legume),
    ("Tempeh", Named, Legume),
    ("Tofu, extra firm, prepared with nigari", Named, Legume),
    ("Tofu, firm, prepared with calcium sulfate and magnesium chloride", Named, Legume),
    ("Tofu, raw, firm, prepared with calcium sulfate", Named, Legume),
    ("Tofu, raw, regular, prepared with calcium sulfate", Named, Legume),
    ("Tofu, soft, prepared with calcium sulfate and magnesium chloride", Named, Legume),
    // Nuts, seeds, peanuts, their butters, almond milk.
    ("Beverages, almond milk, unsweetened", Named, NutsSeeds),
    ("Nuts, almond butter, plain, without salt", Named, NutsSeeds),
    ("Nuts, almonds", Named, NutsSeeds),
    ("Nuts, almonds, dry roasted, without salt", Named, NutsSeeds),
    ("Nuts, brazilnuts, dried", Named, NutsSeeds),
    ("Nuts, cashew butter, plain, without salt", Named, NutsSeeds),
    ("Nuts, cashew nuts, dry roasted, without salt", Named, NutsSeeds),
    ("Nuts, cashew nuts, raw", Raw, NutsSeeds),
    ("Nuts, chestnuts, european, roasted", Cooked, NutsSeeds),
    ("Nuts, coconut meat, raw", Raw, NutsSeeds),
    ("Nuts, coconut water", Named, NutsSeeds),
    ("Nuts, hazelnuts or filberts", Named, NutsSeeds),
    ("Nuts, macadamia nuts, raw", Raw, NutsSeeds),
    ("Nuts, pecans", Named, NutsSeeds),
    ("Nuts, pine nuts, dried", Named, NutsSeeds),
    ("Nuts, pistachio nuts, dry roasted, without salt", Named, NutsSeeds),
    ("Nuts, pistachio nuts, raw", Raw, NutsSeeds),
    ("Nuts, walnuts, english", Named, NutsSeeds),
    ("Peanut butter, chunk style, without salt", Named, NutsSeeds),
    ("Peanut butter, smooth style, without salt", Named, NutsSeeds),
    ("Peanuts, all types, dry-roasted, without salt", Named, NutsSeeds),
    ("Peanuts, all types, raw", Raw, NutsSeeds),
    ("Seeds, flaxseed", Named, NutsSeeds),
    ("Seeds, hemp seed, hulled", Named, NutsSeeds),
    ("Seeds, pumpkin and squash seed kernels, dried", Named, NutsSeeds),
    ("Seeds, pumpkin and squash seed kernels, roasted, without salt", Named, NutsSeeds),
    ("Seeds, sesame butter, tahini, from roasted and toasted kernels", Named, NutsSeeds),
    ("Seeds, sesame seeds, whole, dried", Named, NutsSeeds),
    ("Seeds, sunflower seed butter, without salt", Named, NutsSeeds),
    ("Seeds, sunflower seed kernels, dry roasted, without salt", Named, NutsSeeds),
    // Dairy.
    ("Cheese, blue", Named, Dairy),
    ("Cheese, brie", Named, Dairy),
    ("Cheese, cheddar", Named, Dairy),
    ("Cheese, colby", Named, Dairy),
    ("Cheese, cottage, creamed, large or small curd", Named, Dairy),
    ("Cheese, cottage, lowfat, 1% milkfat", Named, Dairy),
    ("Cheese, cottage, lowfat, 2% milkfat", Named, Dairy),
    ("Cheese, edam", Named, Dairy),
    ("Cheese, feta", Named, Dairy),
    ("Cheese, goat, soft type", Named, Dairy),
    ("Cheese, gouda", Named, Dairy),
    ("Cheese, low-sodium, cheddar or colby", Named, Dairy),
    ("Cheese, monterey", Named, Dairy),
    ("Cheese, mozzarella, low sodium", Named, Dairy),
    ("Cheese, mozzarella, part skim milk", Named, Dairy),
    ("Cheese, mozzarella, whole milk", Named, Dairy),
    ("Cheese, parmesan, hard", Named, Dairy),
    ("Cheese, provolone", Named, Dairy),
    ("Cheese, ricotta, part skim milk", Named, Dairy),
    ("Cheese, ricotta, whole milk", Named, Dairy),
    ("Cheese, swiss", Named, Dairy),
    ("Cheese, swiss, low sodium", Named, Dairy),
    ("Milk, buttermilk, fluid, cultured, lowfat", Named, Dairy),
    ("Milk, goat, fluid", Named, Dairy),
    ("Milk, lowfat, fluid, 1% milkfat, with added vitamin A and vitamin D", Named, Dairy),
    ("Milk, nonfat, fluid, with added vitamin A and vitamin D", Named, Dairy),
    ("Milk, reduced fat, fluid, 2% milkfat, with added vitamin A and vitamin D", Named, Dairy),
    ("Milk, whole, 3.25% milkfat, with added vitamin D", Named, Dairy),
    ("Yogurt, Greek, plain, lowfat", Named, Dairy),
    ("Yogurt, Greek, plain, nonfat", Named, Dairy),
    ("Yogurt, plain, low fat", Named, Dairy),
    ("Yogurt, plain, skim milk", Named, Dairy),
    ("Yogurt, plain, whole milk", Named, Dairy),
    // Eggs.
    ("Egg, whole, cooked, hard-boiled", Named, Egg),
    ("Egg, whole, cooked, omelet", Named, Egg),
    ("Egg, whole, cooked, poached", Named, Egg),
    ("Egg, whole, cooked, scrambled", Named, Egg),
    // Fish.
    ("Fish, bass, striped, cooked", Cooked, Fish),
    ("Fish, bluefish, cooked", Cooked, Fish),
    ("Fish, catfish, channel, farmed, cooked", Cooked, Fish),
    ("Fish, cod, Atlantic, cooked", Cooked, Fish),
    ("Fish, cod, Pacific, cooked, dry heat", Cooked, Fish),
    ("Fish, flatfish (flounder and sole species), cooked", Cooked, Fish),
    ("Fish, grouper, mixed species, cooked", Cooked, Fish),
    ("Fish, haddock, cooked", Cooked, Fish),
    ("Fish, halibut, Atlantic and Pacific, cooked", Cooked, Fish),
    ("Fish, herring, Atlantic, cooked", Cooked, Fish),
    ("Fish, mackerel, Atlantic, cooked", Cooked, Fish),
    ("Fish, mahimahi, cooked", Cooked, Fish),
    ("Fish, perch, mixed species, cooked", Cooked, Fish),
    ("Fish, pike, walleye, cooked", Cooked, Fish),
    ("Fish, pollock, Alaska, cooked, dry heat", Cooked, Fish),
    ("Fish, roughy, orange, cooked", Cooked, Fish),
    ("Fish, salmon, Atlantic, farmed, cooked", Cooked, Fish),
    ("Fish, salmon, Atlantic, wild, cooked", Cooked, Fish),
    ("Fish, salmon, coho, wild, cooked, dry heat", Cooked, Fish),
    ("Fish, salmon, pink, canned, drained solids", Named, Fish),
    ("Fish, salmon, pink, cooked", Cooked, Fish),
    ("Fish, salmon, sockeye, canned, drained solids", Named, Fish),
    ("Fish, salmon, sockeye, cooked", Cooked, Fish),
    ("Fish, sardine, Atlantic, canned in oil, drained solids with bone", Named, Fish),
    ("Fish, sea bass, mixed species, cooked", Cooked, Fish),
    ("Fish, snapper, mixed species, cooked", Cooked, Fish),
    ("Fish, swordfish, cooked", Cooked, Fish),
    ("Fish, tilapia, cooked", Cooked, Fish),
    ("Fish, trout, rainbow, farmed, cooked", Cooked, Fish),
    ("Fish, trout, rainbow, wild, cooked", Cooked, Fish),
    ("Fish, tuna, light, canned in water, drained solids", Named, Fish),
    ("Fish, tuna, light, canned in water, without salt", Named, Fish),
    ("Fish, tuna, white, canned in water, drained solids", Named, Fish),
    ("Fish, tuna, yellowfin, fresh, cooked", Cooked, Fish),
    ("Fish, whitefish, mixed species, cooked", Cooked, Fish),
    ("Fish, whiting, mixed species, cooked", Cooked, Fish),
    // Shellfish.
    ("Crustaceans, crab, alaska king, cooked", Cooked, Shellfish),
    ("Crustaceans, crab, blue, cooked", Cooked, Shellfish),
    ("Crustaceans, crab, dungeness, cooked", Cooked, Shellfish),
    ("Crustaceans, crayfish, mixed species, farmed, cooked", Cooked, Shellfish),
    ("Crustaceans, lobster, northern, cooked", Cooked, Shellfish),
    ("Crustaceans, shrimp, mixed species, cooked", Cooked, Shellfish),
    ("Mollusks, clam, mixed species, cooked", Cooked, Shellfish),
    ("Mollusks, mussel, blue, cooked", Cooked, Shellfish),
    ("Mollusks, octopus, common, cooked", Cooked, Shellfish),
    ("Mollusks, oyster, eastern, wild, cooked", Cooked, Shellfish),
    ("Mollusks, oyster, Pacific, cooked", Cooked, Shellfish),
    ("Mollusks, scallop, (bay and sea), cooked", Cooked, Shellfish),
    // Whole grains, cooked.
    ("Amaranth grain, cooked", Cooked, Grain),
    ("Barley, pearled, cooked", Cooked, Grain),
    ("Buckwheat groats, roasted, cooked", Cooked, Grain),
    ("Bulgur, cooked", Cooked, Grain),
    ("Cereals, oats, regular and quick, unenriched, cooked with water", Cooked, Grain),
    ("Cereals, whole wheat hot natural cereal, cooked with water, without salt", Cooked, Grain),
    ("Millet, cooked", Cooked, Grain),
    ("Noodles, japanese, soba, cooked", Cooked, Grain),
    ("Oat bran, cooked", Cooked, Grain),
    ("Pasta, whole-wheat, cooked", Cooked, Grain),
    ("Quinoa, cooked", Cooked, Grain),
    ("Rice, brown, long-grain, cooked", Cooked, Grain),
    ("Rice, brown, medium-grain, cooked", Cooked, Grain),
    ("Spelt, cooked", Cooked, Grain),
    ("Teff, cooked", Cooked, Grain),
    ("Wild rice, cooked", Cooked, Grain),
    ("Beverages, rice milk, unsweetened", Named, Grain),
];

/// The description lowercased, with "dry heat" and "dry roasted" (ways of
/// cooking) blanked out so that "dry" only catches dry mixes.
fn words(description: &str) -> String {
    let mut text = description.to_lowercase();
    for cooking in DRY_COOKING {
        text = text.replace(cooking, " ");
    }
    text
}

/// Whether `word` is in `text` as a whole word ("sweetened" is not in
/// "unsweetened", "mix" not in "mixed").
fn has_word(text: &str, word: &str) -> bool {
    text.match_indices(word).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + word.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// Whether the description names a brand: USDA writes brands in capitals.
fn has_brand(description: &str) -> bool {
    description
        .split(|c: char| !c.is_ascii_alphabetic())
        .any(|word| word.len() >= 3 && word.bytes().all(|b| b.is_ascii_uppercase()))
}

/// Why `food` may not be in the pool, if it may not.
pub fn ineligible(food: &Food, table: &FoodTable) -> Option<String> {
    let group = table.group(food.group).code;
    if !POOL_GROUPS.contains(&group) {
        return Some(format!("group {group} is not a pool group"));
    }
    if let Some(n) = Nutrient::ALL
        .into_iter()
        .find(|&n| food.per_100g.get(n).is_none())
    {
        return Some(format!("no {} value", n.key()));
    }
    if has_brand(food.description) {
        return Some("a brand".to_owned());
    }
    let text = words(food.description);
    EXCLUDED_WORDS
        .into_iter()
        .find(|w| has_word(&text, w))
        .map(|w| format!("excluded word {w:?}"))
}

/// Whether the description fits the wanted preparation.
fn prepared(food: &Food, prep: Prep) -> bool {
    let text = food.description.to_lowercase();
    let raw = has_word(&text, "raw");
    let cooked = [
        "cooked",
        "boiled",
        "baked",
        "roasted",
        "steamed",
        "microwaved",
        "grilled",
        "broiled",
        "prepared",
    ]
    .into_iter()
    .any(|w| has_word(&text, w));
    match prep {
        Raw => raw,
        Cooked => cooked && !raw,
        Named => true,
    }
}

/// The grams of a portion, if it is one to propose.
fn usable(portion: &Portion) -> bool {
    portion.grams.is_finite() && portion.grams > 0.0 && portion.grams <= MAX_PORTION_GRAMS
}

/// The USDA measure one portion of `food` is: see the module docs.
pub fn portion_index(food: &Food, table: &FoodTable) -> Option<usize> {
    let serving = table.default_serving(food);
    let plain_ounces = |p: &Portion| p.unit.trim().eq_ignore_ascii_case("oz");
    let chosen = match serving.unit {
        FoodUnit::Portion(i) => Some(i),
        FoodUnit::Mass(MassUnit::Ounce) => food
            .portions
            .iter()
            .position(|p| plain_ounces(p) && p.amount == serving.amount)
            .or_else(|| {
                food.portions
                    .iter()
                    .position(|p| p.unit.starts_with("oz") && p.amount == serving.amount)
            }),
        FoodUnit::Mass(_) => None,
    };
    if let Some(i) = chosen.filter(|&i| usable(&food.portions[i])) {
        return Some(i);
    }
    let target = serving.grams(food).clamp(1.0, MAX_PORTION_GRAMS);
    let distance = |p: &Portion| (p.grams / target).ln().abs();
    (0..food.portions.len())
        .filter(|&i| usable(&food.portions[i]) && distance(&food.portions[i]) <= 2f64.ln())
        .min_by(|&a, &b| distance(&food.portions[a]).total_cmp(&distance(&food.portions[b])))
}

/// The most portions of `portion` proposed at once: one of a cup or more,
/// or of a can or container (two cans of sardines is not a snack).
pub fn max_count(portion: &Portion) -> u8 {
    let unit = portion.unit.to_lowercase();
    let a_cup_or_more = portion.amount >= 1.0 && has_word(&unit, "cup");
    let a_package = ["can", "container", "package", "jar", "bottle"]
        .iter()
        .any(|w| has_word(&unit, w));
    if !a_cup_or_more && !a_package && 2.0 * portion.grams <= MAX_PORTION_GRAMS {
        2
    } else {
        1
    }
}

/// The pool's line for `food`.
fn line(food: &Food, portion: usize, category: FoodCategory) -> String {
    let portion = &food.portions[portion];
    format!(
        "{}\t{}\t{}\t{}\t# {}",
        food.ndb,
        max_count(portion),
        category.key(),
        portion.label(),
        food.description
    )
}

/// The whole pool file the rule writes; panics naming the entries of
/// [`CURATED`] that find no eligible food or no portion.
pub fn pool_text(table: &FoodTable) -> String {
    let mut chosen = Vec::new();
    let mut problems = Vec::new();
    let mut seen = BTreeSet::new();
    for &(prefix, prep, category) in CURATED {
        let found = table.foods().iter().find(|f| {
            f.description.starts_with(prefix) && prepared(f, prep) && ineligible(f, table).is_none()
        });
        match found {
            None => problems.push(format!("{prefix:?} ({prep:?}): no eligible food")),
            Some(food) if !seen.insert(food.ndb) => {
                problems.push(format!("{prefix:?}: {} is already in", food.ndb))
            }
            Some(food) => match portion_index(food, table) {
                Some(portion) => chosen.push(line(food, portion, category)),
                None => problems.push(format!("{prefix:?}: no portion")),
            },
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    chosen.sort();
    let mut text = String::from(HEADER);
    for line in chosen {
        writeln!(text, "{line}").expect("writing to a String");
    }
    text
}

/// The comment lines at the top of the pool file.
const HEADER: &str = "\
# The foods \"What to eat next\" proposes, one a line:
# NDB<TAB>most portions<TAB>category<TAB>USDA measure of one portion<TAB># name.
# Generated by `cargo run --release -p electrolyte-domain --example proposal_pool`
# from the rule in crates/domain/examples/proposal_pool/rule.rs; do not edit by hand.
";

/// Checks one line of the pool file against the rule, independently of the
/// generator: the food is in the table and eligible, the measure is one of
/// its USDA measures, the most portions follow the rule, and the category
/// agrees with the USDA group (dairy and eggs only from dairy and egg
/// products, fish and shellfish only from their group).
pub fn check_line(table: &FoodTable, line: &str) -> Result<(), String> {
    let (data, name) = line.split_once("\t# ").ok_or("no name comment")?;
    let fields: Vec<&str> = data.split('\t').collect();
    let [ndb, max, category, measure] = fields[..] else {
        return Err(format!("{} fields", fields.len()));
    };
    let food = ndb
        .parse()
        .ok()
        .and_then(|ndb| table.get(ndb))
        .ok_or_else(|| format!("{ndb} is not in the table"))?;
    if name != food.description {
        return Err(format!(
            "named {name:?}, but {ndb} is {:?}",
            food.description
        ));
    }
    if let Some(why) = ineligible(food, table) {
        return Err(format!("{ndb} is not eligible: {why}"));
    }
    let portion = food
        .portions
        .iter()
        .find(|p| p.label() == measure)
        .ok_or_else(|| format!("{ndb} has no measure {measure:?}"))?;
    if !usable(portion) {
        return Err(format!("{measure:?} weighs {} g", portion.grams));
    }
    let max: u8 = max.parse().map_err(|_| format!("most portions {max:?}"))?;
    if max != max_count(portion) || f64::from(max) * portion.grams > MAX_PORTION_GRAMS {
        return Err(format!("{max} × {measure:?} breaks the most-portions rule"));
    }
    let category =
        FoodCategory::from_key(category).ok_or_else(|| format!("category {category:?}"))?;
    let group = table.group(food.group).code;
    let animal_group = match category {
        Dairy | Egg => Some("0100"),
        Fish | Shellfish => Some("1500"),
        _ => None,
    };
    if animal_group.is_some_and(|g| g != group)
        || animal_group.is_none() && matches!(group, "0100" | "1500")
    {
        return Err(format!("category {category:?} for a food of group {group}"));
    }
    Ok(())
}
