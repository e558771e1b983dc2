//! One search over everything: the user's own foods and recipes beside
//! the USDA foods.
//!
//! [`MySearchIndex`] holds the words of every own food's name and brand
//! and every recipe's name, built once per change of [`MyFoods`] (2,000
//! names at most, so a keystroke checks them all in microseconds). Words
//! are read and matched as [`crate::foods::search`] reads USDA
//! descriptions (lowercase, ASCII-folded, every query word a prefix of a
//! word or its singular/plural, in any order) and ranked by the same
//! rules: the head (the name up to the first comma) matched as whole words
//! first, then plainness (description words the query does not name),
//! whole-word matches and lateness; ties go to the lower id.
//! [`search_all`] returns both lists: the UI shows the user's matches
//! first, marked "yours", then the USDA ones, whose search is unchanged.

use std::cmp::Reverse;

use crate::foods::food_table::FoodTable;
use crate::foods::mine::{MyFoodId, MyFoods};
use crate::foods::search::{
    everyday_words, for_each_word, singular, HeadMatch, SearchIndex, SearchResults,
    BOILERPLATE_WORDS, COMPLETE_MATCH_BONUS, LATE_MATCH_COST, MAX_CHARGED_DISTINCTIVE,
    MAX_CHARGED_LATENESS, SEGMENT_COST, UNMATCHED_BOILERPLATE_COST, UNMATCHED_DISTINCTIVE_COST,
    WHOLE_WORD_BONUS,
};

/// Names are indexed on at most this many words, one per mask bit.
const MAX_WORDS: usize = 64;

/// What an own match is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MyKind {
    /// An own food.
    Food,
    /// A recipe.
    Recipe,
}

/// One of the user's foods or recipes matching a query.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MyHit {
    /// Its id (`/my/<id>`).
    pub id: MyFoodId,
    /// A food or a recipe.
    pub kind: MyKind,
}

/// One indexed word.
#[derive(Debug, Clone, PartialEq)]
struct Word {
    text: String,
    stem: String,
    segment: u8,
}

/// One own food or recipe, as search sees it.
#[derive(Debug, Clone, PartialEq)]
struct Entry {
    hit: MyHit,
    words: Vec<Word>,
    /// The head's words (segment 0).
    head: u64,
    /// The words that are not boilerplate or numbers.
    distinctive: u64,
    segments: i32,
}

/// The words of the user's own foods and recipes, for search.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct MySearchIndex {
    entries: Vec<Entry>,
}

/// The best matches among the user's foods and the USDA foods.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct AllResults {
    /// The user's matches, best first (at most the limit).
    pub yours: Vec<MyHit>,
    /// How many of the user's foods matched in all.
    pub yours_total: usize,
    /// The USDA matches, as [`SearchIndex::search`] ranks them.
    pub usda: SearchResults,
}

impl Entry {
    fn new(hit: MyHit, name: &str, brand: Option<&str>) -> Entry {
        let mut words = Vec::new();
        let mut last_segment = 0;
        for_each_word(name, |text, segment, _| {
            last_segment = segment;
            words.push(Word {
                text: text.to_owned(),
                stem: singular(text),
                segment,
            });
        });
        if let Some(brand) = brand {
            for_each_word(brand, |text, _, _| {
                words.push(Word {
                    text: text.to_owned(),
                    stem: singular(text),
                    segment: last_segment.saturating_add(1),
                });
            });
        }
        words.truncate(MAX_WORDS);
        let mut head = 0;
        let mut distinctive = 0;
        for (i, word) in words.iter().enumerate() {
            if word.segment == 0 {
                head |= 1 << i;
            }
            let number = word.text.bytes().all(|b| b.is_ascii_digit());
            if !number
                && BOILERPLATE_WORDS
                    .binary_search(&word.text.as_str())
                    .is_err()
            {
                distinctive |= 1 << i;
            }
        }
        let segments = words.last().map_or(0, |w| i32::from(w.segment) + 1);
        Entry {
            hit,
            words,
            head,
            distinctive,
            segments,
        }
    }

    fn all_words(&self) -> u64 {
        match self.words.len() {
            0 => 0,
            n => u64::MAX >> (64 - n),
        }
    }

    /// The score for `query` (text and singular of each word), or `None`
    /// unless every query word matches one of its words.
    fn score(&self, query: &[(String, String)]) -> Option<i32> {
        let mut covered = 0u64;
        let mut whole = 0u64;
        let mut quality = 0;
        for (text, stem) in query {
            let mut matched = 0u64;
            let mut matched_whole = 0u64;
            for (i, word) in self.words.iter().enumerate() {
                let same = word.text == *text || word.stem == *stem;
                if same {
                    matched_whole |= 1 << i;
                }
                if same || word.text.starts_with(text.as_str()) {
                    matched |= 1 << i;
                }
            }
            if matched == 0 {
                return None;
            }
            covered |= matched;
            whole |= matched_whole;
            let best = if matched_whole != 0 {
                quality += WHOLE_WORD_BONUS;
                matched_whole
            } else {
                matched
            };
            quality -= LATE_MATCH_COST * i32::from(self.lateness(best));
        }
        let head = HeadMatch::of(self.head, covered, whole).score();
        Some(head + quality - self.unmatched_cost(covered, whole) - SEGMENT_COST * self.segments)
    }

    /// Segments between the head and the earliest of the `matched` words.
    fn lateness(&self, matched: u64) -> u8 {
        (0..self.words.len())
            .filter(|i| matched & (1 << i) != 0)
            .map(|i| self.words[i].segment)
            .min()
            .unwrap_or(0)
            .min(MAX_CHARGED_LATENESS)
    }

    fn unmatched_cost(&self, covered: u64, whole: u64) -> i32 {
        let not_whole = self.all_words() & !whole;
        if not_whole == 0 {
            return -COMPLETE_MATCH_BONUS;
        }
        let distinctive = not_whole & !covered & self.distinctive;
        let boilerplate = not_whole & !distinctive;
        UNMATCHED_DISTINCTIVE_COST * distinctive.count_ones().min(MAX_CHARGED_DISTINCTIVE) as i32
            + UNMATCHED_BOILERPLATE_COST * boilerplate.count_ones() as i32
    }
}

impl MySearchIndex {
    /// The index of `mine`'s foods (name and brand) and recipes (name).
    pub fn new(mine: &MyFoods) -> MySearchIndex {
        let foods = mine.foods().map(|(id, food)| {
            let hit = MyHit {
                id,
                kind: MyKind::Food,
            };
            Entry::new(hit, food.name(), food.brand())
        });
        let recipes = mine.recipes().map(|(id, recipe)| {
            let hit = MyHit {
                id,
                kind: MyKind::Recipe,
            };
            Entry::new(hit, recipe.name(), None)
        });
        let mut entries: Vec<Entry> = foods.chain(recipes).collect();
        entries.sort_by_key(|e| e.hit.id);
        MySearchIndex { entries }
    }

    /// The best `limit` matches of `query`, best first, and how many
    /// matched in all. A query without words matches nothing.
    pub fn search(&self, query: &str, limit: usize) -> (Vec<MyHit>, usize) {
        let mut typed = Vec::new();
        for_each_word(query, |text, _, _| typed.push(text.to_owned()));
        let mut words: Vec<(String, String)> = Vec::new();
        for text in everyday_words(typed) {
            if !words.iter().any(|(t, _)| *t == text) {
                let stem = singular(&text);
                words.push((text, stem));
            }
        }
        if words.is_empty() {
            return (Vec::new(), 0);
        }
        let mut scored: Vec<(i32, MyFoodId, MyHit)> = self
            .entries
            .iter()
            .filter_map(|e| Some((e.score(&words)?, e.hit.id, e.hit)))
            .collect();
        let total = scored.len();
        scored.sort_by_key(|&(score, id, _)| (Reverse(score), id));
        let hits = scored
            .into_iter()
            .take(limit)
            .map(|(_, _, hit)| hit)
            .collect();
        (hits, total)
    }
}

/// `query` searched in the user's foods (`mine`, at most `limit`) and in
/// the USDA table (`usda` over `table`, at most `limit`), for one list:
/// the user's first, marked "yours".
pub fn search_all(
    usda: &SearchIndex,
    table: &FoodTable,
    mine: &MySearchIndex,
    query: &str,
    limit: usize,
) -> AllResults {
    let (yours, yours_total) = mine.search(query, limit);
    AllResults {
        yours,
        yours_total,
        usda: usda.search(table, query, limit),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::foods::custom::CustomFoodDraft;
    use crate::foods::nutrient::Nutrient;
    use crate::foods::recipe::{Ingredient, IngredientFood, RecipeDraft};
    use crate::planning::plan::test_table::{ndb, table};
    use crate::planning::plan::FoodUnit;
    use crate::units::amount::MassUnit;

    fn mine() -> (MyFoods, [MyFoodId; 4]) {
        let mut mine = MyFoods::new();
        let mut yogurt = CustomFoodDraft::new("Yogurt, Greek, 2 %").with(Nutrient::Calcium, 100.0);
        yogurt.brand = "Fage".into();
        let yogurt = mine.add_food(&yogurt).unwrap();
        let drink = mine
            .add_food(&CustomFoodDraft::new("Frozen yogurt bar, strawberry"))
            .unwrap();
        let bread = mine
            .add_food(&CustomFoodDraft::new("Rye bread, bakery Müller"))
            .unwrap();
        let soup = RecipeDraft {
            name: "Grandma's spinach soup".into(),
            ingredients: vec![Ingredient {
                food: IngredientFood::Usda(ndb(11457)),
                amount: 300.0,
                unit: FoodUnit::Mass(MassUnit::Gram),
            }],
            servings: 4.0,
            cooked_grams: None,
        };
        let soup = mine.add_recipe(&soup, &table()).unwrap();
        (mine, [yogurt, drink, bread, soup])
    }

    #[test]
    fn own_foods_rank_by_the_same_rules() {
        let (mine, [yogurt, drink, bread, soup]) = mine();
        let index = MySearchIndex::new(&mine);
        let ids =
            |q: &str| -> Vec<MyFoodId> { index.search(q, 10).0.iter().map(|h| h.id).collect() };
        // The head "Yogurt" matched whole beats "Frozen yogurt bar" (a
        // partly matched head: another food).
        assert_eq!(ids("yogurt"), vec![yogurt, drink]);
        assert_eq!(ids("yogurts greek"), vec![yogurt], "any order, plurals");
        assert_eq!(ids("fage"), vec![yogurt], "the brand is searched");
        assert_eq!(ids("muller"), vec![bread], "ASCII-folded");
        assert_eq!(ids("grandmas soup"), vec![soup]);
        assert_eq!(index.search("soup", 10).0[0].kind, MyKind::Recipe);
        assert_eq!(ids("yog str"), vec![drink], "prefixes");
        assert_eq!(ids("yoghurt greek"), vec![yogurt], "the British name");
        assert!(ids("banana").is_empty());
        assert!(ids(" , ").is_empty());
        assert_eq!(
            index.search("yogurt", 1),
            (
                vec![MyHit {
                    id: yogurt,
                    kind: MyKind::Food
                }],
                2
            )
        );
    }

    #[test]
    fn one_search_returns_both_lists() {
        let (mine, [_, _, _, soup]) = mine();
        let t = table();
        let usda = SearchIndex::new(&t);
        let all = search_all(&usda, &t, &MySearchIndex::new(&mine), "spinach", 5);
        assert_eq!(
            all.yours.iter().map(|h| h.id).collect::<Vec<_>>(),
            vec![soup]
        );
        assert_eq!(all.usda, usda.search(&t, "spinach", 5));
        assert_eq!(all.usda.total, 1);
    }
}
