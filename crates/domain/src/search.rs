//! Search-as-you-type over every food of a [`FoodTable`].
//!
//! [`SearchIndex::new`] precomputes, once, a sorted vocabulary of normalised
//! description words with posting lists, and a small profile of every food.
//! A keystroke then costs a binary search per query word, a few bitset
//! operations and the scoring of the matching foods only.
//!
//! # Matching
//!
//! Text is lowercased and ASCII-folded (`é` → `e`); apostrophes vanish
//! (`McDONALD'S` → `mcdonalds`) and every other non-alphanumeric character
//! separates words. A food matches when **every** query word, in any order,
//! is a prefix of some word of its description, or that word's singular or
//! plural (`beans` finds "Soup, black bean"). A query without words matches
//! nothing. Only the first 64 words of a description are indexed (SR28 has
//! at most 21).
//!
//! # Ranking
//!
//! USDA descriptions read "Head, qualifier, qualifier, …". The *head* is the
//! first comma-separated segment, or the second after a category such as
//! "Fish", "Nuts", "Beverages" or "Snacks", without words repeating the
//! category: "Fish, salmon, raw" has head "salmon", "Nuts, cashew nuts, raw"
//! has head "cashew". Each match gets one score, the sum of:
//!
//! 1. **Head match** (strongest): every head word matched as a whole word,
//!    plural-aware ("potato" for "Potatoes"), beats every head word matched,
//!    some as a prefix ("ban" for "Bananas"), which beats a head only partly
//!    matched — another noun, as in "Milk shakes" or "Potato chips" — which
//!    beats a match outside the head ("Pepper, banana, raw" for "banana").
//! 2. **Plainness**: each description word the query does not name costs a
//!    lot when it is *distinctive* ("dry", "chocolate", "sheep") and little
//!    when it is USDA boilerplate ("raw", "cooked", "fluid", "lowfat", "with
//!    added vitamin D", numbers); a query naming every word earns a bonus.
//! 3. **Kind of food**: baby, fast, restaurant and American Indian/Alaska
//!    Native foods, meals, snacks, sweets and beverages cost, by group; so
//!    does a brand (a word in capitals such as "KRAFT" or "McDONALD'S").
//! 4. **Match quality**: a query word matching a whole word earns a bonus;
//!    one matching only past the head costs a little per segment.
//! 5. **Commonness** (weakest): "raw", "fresh", "whole" and "plain" earn a
//!    bonus, as does each household portion USDA lists (common foods have
//!    more); each segment costs a little.
//!
//! Ties go to the lower NDB number.

use std::cmp::Reverse;
use std::collections::{BinaryHeap, HashMap};
use std::hash::{BuildHasherDefault, Hasher};

use super::food::Food;
use super::food_table::{FoodIndex, FoodTable};

/// The best matches of a query and how many foods matched in all.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SearchResults {
    /// Indices into [`FoodTable::foods`], best match first.
    pub foods: Vec<FoodIndex>,
    /// Number of matching foods, including those beyond the limit.
    pub total: usize,
}

/// Precomputed word index and ranking profiles of a [`FoodTable`].
#[derive(Debug, Clone)]
pub struct SearchIndex {
    /// Distinct normalised description words, sorted; a word's id is its
    /// position, so the words sharing a prefix have consecutive ids.
    vocabulary: Vec<Box<str>>,
    /// `postings[posting_starts[w]..posting_starts[w + 1]]` lists, ascending,
    /// the foods whose description contains word `w`.
    posting_starts: Vec<u32>,
    postings: Vec<u32>,
    /// Distinct singular forms of the vocabulary (see [`singular`]), sorted.
    stems: Vec<Box<str>>,
    /// `stem_words[stem_word_starts[s]..stem_word_starts[s + 1]]` are the
    /// words whose singular form is stem `s`.
    stem_word_starts: Vec<u32>,
    stem_words: Vec<u32>,
    /// The words of every description, food after food: word id, stem id
    /// and comma-separated segment, in parallel arrays.
    word_ids: Vec<u32>,
    word_stems: Vec<u32>,
    word_segments: Vec<u8>,
    /// One profile per food, in table order.
    foods: Vec<FoodProfile>,
}

/// What ranking needs to know about a food besides its words. The masks
/// have bit `i` set for the `i`-th word of the description.
#[derive(Debug, Clone)]
struct FoodProfile {
    /// Position of the food's first word in [`SearchIndex::word_ids`].
    first_word: u32,
    word_count: u8,
    /// The words of the head segment.
    head: u64,
    /// The words of a leading category segment ("Fish", "Snacks"), if any,
    /// and their repeats in the head.
    category: u64,
    /// The words that are not boilerplate.
    distinctive: u64,
    /// Segment of the head: 1 after a category segment, else 0.
    head_segment: u8,
    /// The query-independent part of the score.
    base: i32,
}

/// Descriptions are indexed on at most this many words, one per mask bit.
const MAX_WORDS: usize = 64;

/// Score of each [`HeadMatch`], the strongest ranking signal.
const HEAD_WHOLE_SCORE: i32 = 1000;
const HEAD_PREFIX_SCORE: i32 = 800;
const HEAD_PARTIAL_SCORE: i32 = 400;
/// Cost of each description word the query does not name.
const UNMATCHED_DISTINCTIVE_COST: i32 = 50;
const UNMATCHED_BOILERPLATE_COST: i32 = 1;
/// At most this many unmatched distinctive words are charged.
const MAX_CHARGED_DISTINCTIVE: u32 = 6;
/// Bonus when the query names every word of the description.
const COMPLETE_MATCH_BONUS: i32 = 150;
/// Cost of a brand name anywhere in the description.
const BRAND_COST: i32 = 250;
/// Bonus per query word that matches a whole word rather than a prefix.
const WHOLE_WORD_BONUS: i32 = 15;
/// Cost per segment between the head and a query word's best match.
const LATE_MATCH_COST: i32 = 10;
const MAX_CHARGED_LATENESS: u8 = 4;
/// Bonus per distinct word of [`PREFERRED_WORDS`].
const PREFERRED_BONUS: i32 = 20;
/// Bonus per household portion USDA lists.
const PORTION_BONUS: i32 = 10;
const MAX_REWARDED_PORTIONS: usize = 4;
/// Cost per comma-separated segment of the description.
const SEGMENT_COST: i32 = 3;

/// First segments that only name a category; the head follows them.
const CATEGORY_HEADS: &[&str] = &[
    "alcoholic beverage",
    "beverages",
    "candies",
    "cereals",
    "cereals ready to eat",
    "crustaceans",
    "fast foods",
    "fish",
    "game meat",
    "mollusks",
    "nuts",
    "seeds",
    "snack",
    "snacks",
    "soup",
    "spices",
];

/// Words that make a food look plain rather than special.
const PREFERRED_WORDS: &[&str] = &["fresh", "plain", "raw", "whole"];

/// USDA boilerplate: forms, preparations, fat levels, fortification and
/// connectives that do not make a food another food. Sorted.
#[rustfmt::skip]
const BOILERPLATE_WORDS: &[&str] = &[
    "a", "added", "all", "and", "as", "baked", "boiled", "bone", "boneless", "braised", "broiled",
    "broiler", "broilers", "by", "c", "commercial", "cooked", "d", "drained", "e", "enriched",
    "farmed", "fat", "flesh", "fluid", "fortified", "free", "fresh", "from", "fryers", "grilled",
    "in", "lean", "low", "lowfat", "mature", "meat", "milkfat", "no", "nonfat", "not", "of", "on",
    "only", "or", "per", "plain", "prepared", "raw", "reduced", "regular", "roasted", "salt",
    "seeds", "separable", "skim", "skin", "skinless", "solids", "steamed", "stewed", "style", "to",
    "trimmed", "unenriched", "unprepared", "varieties", "variety", "vitamin", "vitamins", "whole",
    "wild", "with", "without",
];

/// Penalty for a USDA food group (by code) whose foods are rarely what a
/// plain query means.
fn group_penalty(code: &str) -> i32 {
    match code {
        "0300" => 300, // Baby Foods
        "2100" => 250, // Fast Foods
        "3600" => 250, // Restaurant Foods
        "2200" => 150, // Meals, Entrees, and Side Dishes
        "2500" => 150, // Snacks
        "1900" => 150, // Sweets
        "3500" => 100, // American Indian/Alaska Native Foods
        "1400" => 80,  // Beverages
        _ => 0,
    }
}

/// How much of the head segment the query covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum HeadMatch {
    /// Every head word is matched as a whole word (or its plural).
    Whole,
    /// Every head word is matched, some only as a prefix.
    Prefix,
    /// Some but not all head words are matched: the head is another noun.
    Partial,
    /// The query matches only outside the head.
    Outside,
}

impl HeadMatch {
    fn of(head: u64, covered: u64, whole: u64) -> HeadMatch {
        if head & !whole == 0 {
            HeadMatch::Whole
        } else if head & !covered == 0 {
            HeadMatch::Prefix
        } else if head & covered != 0 {
            HeadMatch::Partial
        } else {
            HeadMatch::Outside
        }
    }

    fn score(self) -> i32 {
        match self {
            HeadMatch::Whole => HEAD_WHOLE_SCORE,
            HeadMatch::Prefix => HEAD_PREFIX_SCORE,
            HeadMatch::Partial => HEAD_PARTIAL_SCORE,
            HeadMatch::Outside => 0,
        }
    }
}

/// Calls `emit(word, segment, brand)` for every normalised word of `text`,
/// numbering comma-separated segments (commas inside parentheses do not
/// separate); `brand` tells a word written in capitals, as USDA writes brands.
fn for_each_word(text: &str, mut emit: impl FnMut(&str, u8, bool)) {
    let mut buffer = String::new();
    let mut segment: u8 = 0;
    let mut depth: u32 = 0;
    let mut run_start = None;
    for (i, byte) in text.bytes().enumerate() {
        if byte.is_ascii_alphanumeric() || !byte.is_ascii() || is_apostrophe(char::from(byte)) {
            run_start.get_or_insert(i);
            continue;
        }
        if let Some(start) = run_start.take() {
            emit_run(&text[start..i], segment, &mut buffer, &mut emit);
        }
        match byte {
            b'(' => depth += 1,
            b')' => depth = depth.saturating_sub(1),
            b',' if depth == 0 => segment = segment.saturating_add(1),
            _ => {}
        }
    }
    if let Some(start) = run_start {
        emit_run(&text[start..], segment, &mut buffer, &mut emit);
    }
}

/// Emits the words of `run`, text without ASCII separators: one word when
/// it is plain ASCII (the fast path), else as many as its non-ASCII
/// separators make.
fn emit_run(run: &str, segment: u8, buffer: &mut String, emit: &mut impl FnMut(&str, u8, bool)) {
    if run.bytes().all(|b| b.is_ascii_alphanumeric()) {
        let upper = run.bytes().filter(u8::is_ascii_uppercase).count();
        let lower = run.bytes().filter(u8::is_ascii_lowercase).count();
        buffer.clear();
        buffer.push_str(run);
        buffer.make_ascii_lowercase();
        emit(buffer, segment, is_brand(upper, lower));
        return;
    }
    let mut word = WordBuilder::default();
    for c in run.chars() {
        if c.is_ascii_alphanumeric() {
            word.push_ascii(c as u8);
        } else if let Some(folded) = fold_to_ascii(c) {
            word.push_folded(folded);
        } else if !is_apostrophe(c) {
            word.finish(segment, emit);
        }
    }
    word.finish(segment, emit);
}

/// Whether a word with these letter counts is written in capitals, as USDA
/// writes brands ("KRAFT", "McDONALD'S"); "USA" counts too, "pH" or "A" not.
fn is_brand(upper: usize, lower: usize) -> bool {
    upper >= 3 && lower <= 1
}

/// A word with apostrophes or non-ASCII letters, read by [`emit_run`].
#[derive(Default)]
struct WordBuilder {
    text: String,
    upper: usize,
    lower: usize,
}

impl WordBuilder {
    fn push_ascii(&mut self, byte: u8) {
        self.upper += usize::from(byte.is_ascii_uppercase());
        self.lower += usize::from(byte.is_ascii_lowercase());
        self.text.push(char::from(byte.to_ascii_lowercase()));
    }

    fn push_folded(&mut self, folded: &str) {
        self.lower += 1;
        self.text.push_str(folded);
    }

    /// Emits the word, if any, and starts a new one.
    fn finish(&mut self, segment: u8, emit: &mut impl FnMut(&str, u8, bool)) {
        if !self.text.is_empty() {
            emit(&self.text, segment, is_brand(self.upper, self.lower));
            self.text.clear();
        }
        self.upper = 0;
        self.lower = 0;
    }
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '`')
}

/// Lowercase ASCII spelling of a Latin letter with a diacritic, e.g. `É` → `e`.
fn fold_to_ascii(c: char) -> Option<&'static str> {
    let folded = match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' => "a",
        'æ' | 'Æ' => "ae",
        'ç' | 'Ç' => "c",
        'è' | 'é' | 'ê' | 'ë' | 'È' | 'É' | 'Ê' | 'Ë' => "e",
        'ì' | 'í' | 'î' | 'ï' | 'Ì' | 'Í' | 'Î' | 'Ï' => "i",
        'ñ' | 'Ñ' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'Ø' => "o",
        'œ' | 'Œ' => "oe",
        'ß' => "ss",
        'ù' | 'ú' | 'û' | 'ü' | 'Ù' | 'Ú' | 'Û' | 'Ü' => "u",
        'ý' | 'ÿ' | 'Ý' => "y",
        _ => return None,
    };
    Some(folded)
}

/// The singular form of a normalised English word, shared by its plural:
/// `potatoes`, `potato` → `potato`; `berries`, `berry` → `berry`;
/// `peaches`, `peach` → `peach`. The forms need not be real words, only
/// agree.
fn singular(word: &str) -> String {
    let plural_base = word
        .strip_suffix('s')
        .filter(|base| word.len() >= 4 && !base.ends_with(['s', 'u']));
    let base = plural_base.unwrap_or(word);
    if let Some(stem) = base.strip_suffix("ie") {
        format!("{stem}y")
    } else if let Some(stem) = base.strip_suffix("oe") {
        format!("{stem}o")
    } else if let Some(stem) = plural_base
        .and_then(|b| b.strip_suffix('e'))
        .filter(|stem| ends_with_sibilant(stem))
    {
        stem.to_string()
    } else {
        base.to_string()
    }
}

/// Whether a plural of `stem` takes "-es", as in "peaches" or "boxes".
fn ends_with_sibilant(stem: &str) -> bool {
    ["ch", "sh", "ss", "x", "z"]
        .iter()
        .any(|end| stem.ends_with(end))
}

/// FNV-1a: much faster than the default hasher on short words; the index
/// hashes only description text, never user input.
struct FnvHasher(u64);

impl Default for FnvHasher {
    fn default() -> FnvHasher {
        FnvHasher(0xcbf2_9ce4_8422_2325)
    }
}

impl Hasher for FnvHasher {
    fn write(&mut self, bytes: &[u8]) {
        for &byte in bytes {
            self.0 = (self.0 ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3);
        }
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// Distinct strings, numbered in order of first appearance.
#[derive(Default)]
struct Interner {
    ids: HashMap<Box<str>, u32, BuildHasherDefault<FnvHasher>>,
    texts: Vec<Box<str>>,
}

impl Interner {
    fn intern(&mut self, text: &str) -> u32 {
        if let Some(&id) = self.ids.get(text) {
            return id;
        }
        let id = to_u32(self.texts.len());
        self.ids.insert(text.into(), id);
        self.texts.push(text.into());
        id
    }

    /// The strings sorted, and the sorted position of each interned id.
    fn into_sorted(self) -> (Vec<Box<str>>, Vec<u32>) {
        let mut order: Vec<u32> = (0..to_u32(self.texts.len())).collect();
        order.sort_unstable_by(|&a, &b| self.texts[a as usize].cmp(&self.texts[b as usize]));
        let mut rank = vec![0; order.len()];
        for (position, &id) in order.iter().enumerate() {
            rank[id as usize] = to_u32(position);
        }
        let mut texts: Vec<Option<Box<str>>> = self.texts.into_iter().map(Some).collect();
        let sorted = order
            .iter()
            .filter_map(|&id| texts[id as usize].take())
            .collect();
        (sorted, rank)
    }
}

/// A description word while the index is built.
struct RawWord {
    word: u32,
    segment: u8,
    brand: bool,
}

/// What a vocabulary word says about a description containing it.
#[derive(Debug, Clone, Copy)]
struct WordTraits {
    /// Not in [`BOILERPLATE_WORDS`] and not a number.
    distinctive: bool,
    /// Bit `i` set when the word is `PREFERRED_WORDS[i]`.
    preferred: u8,
    /// The first word of one of [`CATEGORY_HEADS`].
    opens_category: bool,
}

impl WordTraits {
    fn of(word: &str) -> WordTraits {
        let number = word.bytes().all(|b| b.is_ascii_digit());
        WordTraits {
            distinctive: !number && BOILERPLATE_WORDS.binary_search(&word).is_err(),
            preferred: PREFERRED_WORDS
                .iter()
                .position(|p| *p == word)
                .map_or(0, |i| 1 << i),
            opens_category: CATEGORY_HEADS
                .iter()
                .any(|head| head.split_once(' ').map_or(*head, |(first, _)| first) == word),
        }
    }
}

/// The sorted vocabulary, with the traits and stem of each word, while building.
struct Vocabulary {
    words: Vec<Box<str>>,
    traits: Vec<WordTraits>,
    stem_of: Vec<u32>,
}

/// Whether a first segment only names a category, like "Fish" or "Snacks".
fn is_category_head<'a>(first_segment: impl Iterator<Item = &'a str> + Clone) -> bool {
    CATEGORY_HEADS
        .iter()
        .any(|head| head.split(' ').eq(first_segment.clone()))
}

/// The query-independent part of a food's score: kind of food, brand,
/// preferred words, portions and segments.
fn base_score(food: &Food, group_code: &str, words: &[RawWord], traits: &[WordTraits]) -> i32 {
    let brand = words.iter().any(|w| w.brand);
    let preferred = words
        .iter()
        .fold(0u8, |mask, w| mask | traits[w.word as usize].preferred);
    let portions = food.portions.len().min(MAX_REWARDED_PORTIONS);
    let segments = words.last().map_or(0, |w| i32::from(w.segment) + 1);
    -group_penalty(group_code) - if brand { BRAND_COST } else { 0 }
        + PREFERRED_BONUS * preferred.count_ones() as i32
        + PORTION_BONUS * portions as i32
        - SEGMENT_COST * segments
}

/// The profile of a food whose (at most [`MAX_WORDS`]) words are `words`,
/// starting at `first_word` in [`SearchIndex::word_ids`].
fn profile(
    food: &Food,
    group_code: &str,
    words: &[RawWord],
    first_word: u32,
    vocabulary: &Vocabulary,
) -> FoodProfile {
    let has_more_segments = words.last().is_some_and(|w| w.segment > 0);
    let opens_category = words
        .first()
        .is_some_and(|w| vocabulary.traits[w.word as usize].opens_category);
    let first_segment = words
        .iter()
        .take_while(|w| w.segment == 0)
        .map(|w| &*vocabulary.words[w.word as usize]);
    let head_segment =
        u8::from(has_more_segments && opens_category && is_category_head(first_segment));
    let mut profile = FoodProfile {
        first_word,
        word_count: u8::try_from(words.len()).expect("at most MAX_WORDS words"),
        head: 0,
        category: 0,
        distinctive: 0,
        head_segment,
        base: base_score(food, group_code, words, &vocabulary.traits),
    };
    let stem = |w: &RawWord| vocabulary.stem_of[w.word as usize];
    let category_stems: Vec<u32> = words
        .iter()
        .filter(|w| w.segment < head_segment)
        .map(stem)
        .collect();
    // A head word repeating the category ("Nuts, cashew nuts") counts as category, unless it is the whole head.
    let repeats_category =
        |w: &RawWord| w.segment == head_segment && category_stems.contains(&stem(w));
    let head_has_own_words = words
        .iter()
        .any(|w| w.segment == head_segment && !repeats_category(w));
    for (i, word) in words.iter().enumerate() {
        if word.segment < head_segment || (head_has_own_words && repeats_category(word)) {
            profile.category |= 1 << i;
        } else if word.segment == head_segment {
            profile.head |= 1 << i;
        }
        if vocabulary.traits[word.word as usize].distinctive {
            profile.distinctive |= 1 << i;
        }
    }
    profile
}

/// Groups `(key, value)` pairs by key, keeping their order: key `k` gets
/// `values[starts[k]..starts[k + 1]]`.
fn group_by_key(key_count: usize, pairs: &[(u32, u32)]) -> (Vec<u32>, Vec<u32>) {
    let mut starts = vec![0u32; key_count + 1];
    for &(key, _) in pairs {
        starts[key as usize + 1] += 1;
    }
    for i in 1..starts.len() {
        starts[i] += starts[i - 1];
    }
    let mut next = starts.clone();
    let mut values = vec![0; pairs.len()];
    for &(key, value) in pairs {
        let at = &mut next[key as usize];
        values[*at as usize] = value;
        *at += 1;
    }
    (starts, values)
}

/// `(word, food)` for every distinct word of every food, in food order.
fn word_food_pairs(words: &[RawWord], foods: &[(u32, u32)], word_count: usize) -> Vec<(u32, u32)> {
    let mut pairs = Vec::with_capacity(words.len());
    let mut last_food = vec![u32::MAX; word_count];
    for (food, &(start, end)) in foods.iter().enumerate() {
        let food = to_u32(food);
        for word in &words[start as usize..end as usize] {
            let last = &mut last_food[word.word as usize];
            if *last != food {
                *last = food;
                pairs.push((word.word, food));
            }
        }
    }
    pairs
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).expect("the food table has fewer than 2^32 words")
}

/// Stem id that no word has, for query words with no singular in the index.
const NO_STEM: u32 = u32::MAX;

/// A query word, resolved against the vocabulary.
#[derive(Debug, Clone)]
struct QueryWord {
    /// The ids of the vocabulary words it is a prefix of are
    /// `prefix_start..prefix_start + prefix_len`.
    prefix_start: u32,
    prefix_len: u32,
    /// Id of its singular form, or [`NO_STEM`].
    stem: u32,
    /// Number of postings behind it, to intersect cheap words first.
    cost: usize,
}

impl QueryWord {
    /// Masks of the `words` (ids and stems) it matches, and of those it
    /// matches as a whole word (same word, singular or plural).
    fn match_masks(&self, ids: &[u32], stems: &[u32]) -> (u64, u64) {
        let mut matched = 0;
        let mut whole = 0;
        for (i, (&id, &stem)) in ids.iter().zip(stems).enumerate() {
            let is_whole = stem == self.stem;
            let is_prefix = id.wrapping_sub(self.prefix_start) < self.prefix_len;
            matched |= u64::from(is_whole | is_prefix) << i;
            whole |= u64::from(is_whole) << i;
        }
        (matched, whole)
    }
}

/// A set of food indices.
struct FoodSet(Vec<u64>);

impl FoodSet {
    fn empty(food_count: usize) -> FoodSet {
        FoodSet(vec![0; food_count.div_ceil(64)])
    }

    fn insert(&mut self, food: u32) {
        self.0[food as usize / 64] |= 1 << (food % 64);
    }

    fn intersect(&mut self, other: &FoodSet) {
        for (a, b) in self.0.iter_mut().zip(&other.0) {
            *a &= *b;
        }
    }

    fn len(&self) -> usize {
        self.0.iter().map(|w| w.count_ones() as usize).sum()
    }

    fn iter(&self) -> impl Iterator<Item = usize> + '_ {
        self.0.iter().enumerate().flat_map(|(i, &word)| {
            let mut rest = word;
            std::iter::from_fn(move || {
                (rest != 0).then(|| {
                    let bit = rest.trailing_zeros() as usize;
                    rest &= rest - 1;
                    i * 64 + bit
                })
            })
        })
    }
}

impl SearchIndex {
    /// Indexes every description of `table`.
    pub fn new(table: &FoodTable) -> SearchIndex {
        let mut interner = Interner::default();
        let mut raw = Vec::new();
        let mut ranges = Vec::with_capacity(table.foods().len());
        for food in table.foods() {
            let start = raw.len();
            for_each_word(food.description, |text, segment, brand| {
                if raw.len() - start < MAX_WORDS {
                    raw.push(RawWord {
                        word: interner.intern(text),
                        segment,
                        brand,
                    });
                }
            });
            ranges.push((to_u32(start), to_u32(raw.len())));
        }
        let (words, rank) = interner.into_sorted();
        for word in &mut raw {
            word.word = rank[word.word as usize];
        }
        let (stems, stem_of) = singulars(&words);
        let traits = words.iter().map(|w| WordTraits::of(w)).collect();
        let vocabulary = Vocabulary {
            words,
            traits,
            stem_of,
        };

        let foods = table
            .foods()
            .iter()
            .zip(&ranges)
            .map(|(food, &(start, end))| {
                let code = table.group(food.group).code;
                profile(
                    food,
                    code,
                    &raw[start as usize..end as usize],
                    start,
                    &vocabulary,
                )
            })
            .collect();
        let word_count = vocabulary.words.len();
        let pairs = word_food_pairs(&raw, &ranges, word_count);
        let (posting_starts, postings) = group_by_key(word_count, &pairs);
        let stem_of = &vocabulary.stem_of;
        let stem_pairs: Vec<(u32, u32)> = stem_of
            .iter()
            .enumerate()
            .map(|(w, &s)| (s, to_u32(w)))
            .collect();
        let (stem_word_starts, stem_words) = group_by_key(stems.len(), &stem_pairs);

        SearchIndex {
            vocabulary: vocabulary.words,
            posting_starts,
            postings,
            stems,
            stem_word_starts,
            stem_words,
            word_ids: raw.iter().map(|w| w.word).collect(),
            word_stems: raw.iter().map(|w| stem_of[w.word as usize]).collect(),
            word_segments: raw.iter().map(|w| w.segment).collect(),
            foods,
        }
    }

    /// Best matches first; at most `limit` indices into `table.foods()`,
    /// plus the total number of matches. `table` must be the table the
    /// index was built from.
    pub fn search(&self, table: &FoodTable, query: &str, limit: usize) -> SearchResults {
        debug_assert_eq!(
            table.foods().len(),
            self.foods.len(),
            "index of another table"
        );
        let Some(query) = self.resolve(query) else {
            return SearchResults::default();
        };
        let mut best = BinaryHeap::with_capacity(limit.min(64) + 1);
        let mut total = 0;
        for food in self.candidates(&query).iter() {
            let Some(score) = self.score(food, &query) else {
                continue;
            };
            total += 1;
            // Foods are in NDB order: the lower index has the lower NDB number.
            let ranked = Reverse((score, Reverse(food)));
            if best.len() < limit {
                best.push(ranked);
            } else if best.peek().is_some_and(|worst| ranked < *worst) {
                best.pop();
                best.push(ranked);
            }
        }
        let foods = best
            .into_sorted_vec()
            .into_iter()
            .map(|Reverse((_, Reverse(food)))| food)
            .collect();
        SearchResults { foods, total }
    }

    /// The distinct words of `query`, cheapest first; `None` when there are
    /// none or one of them matches no description word.
    fn resolve(&self, query: &str) -> Option<Vec<QueryWord>> {
        let mut texts = Vec::new();
        for_each_word(query, |text, _, _| texts.push(text.to_string()));
        texts.sort_unstable();
        texts.dedup();
        let mut words = texts
            .iter()
            .map(|text| self.query_word(text))
            .collect::<Option<Vec<_>>>()?;
        words.sort_by_key(|w| w.cost);
        (!words.is_empty()).then_some(words)
    }

    /// `text` resolved, or `None` if it matches no description word.
    fn query_word(&self, text: &str) -> Option<QueryWord> {
        let start = self.vocabulary.partition_point(|w| **w < *text);
        let len = self.vocabulary[start..].partition_point(|w| w.starts_with(text));
        let singular = singular(text);
        let stem = self
            .stems
            .binary_search_by(|s| (**s).cmp(&singular))
            .map_or(NO_STEM, to_u32);
        let word = QueryWord {
            prefix_start: to_u32(start),
            prefix_len: to_u32(len),
            stem,
            cost: 0,
        };
        let cost = self.postings_of_prefix(&word).len()
            + self
                .words_of_stem(stem)
                .iter()
                .map(|&w| self.postings_of_word(w).len())
                .sum::<usize>();
        (cost > 0).then_some(QueryWord { cost, ..word })
    }

    fn postings_of_prefix(&self, word: &QueryWord) -> &[u32] {
        let start = self.posting_starts[word.prefix_start as usize] as usize;
        let end = self.posting_starts[(word.prefix_start + word.prefix_len) as usize] as usize;
        &self.postings[start..end]
    }

    fn postings_of_word(&self, word: u32) -> &[u32] {
        let start = self.posting_starts[word as usize] as usize;
        let end = self.posting_starts[word as usize + 1] as usize;
        &self.postings[start..end]
    }

    /// The words whose singular form is `stem`; none for [`NO_STEM`].
    fn words_of_stem(&self, stem: u32) -> &[u32] {
        if stem == NO_STEM {
            return &[];
        }
        let start = self.stem_word_starts[stem as usize] as usize;
        let end = self.stem_word_starts[stem as usize + 1] as usize;
        &self.stem_words[start..end]
    }

    /// A superset of the foods matching every query word: the foods of each
    /// word intersected, cheapest first, until so few remain that checking
    /// them in [`SearchIndex::score`] is cheaper than intersecting further.
    fn candidates(&self, query: &[QueryWord]) -> FoodSet {
        let mut set = self.foods_matching(&query[0]);
        for word in &query[1..] {
            let remaining = set.len();
            if remaining == 0 || remaining * 16 < word.cost {
                break;
            }
            set.intersect(&self.foods_matching(word));
        }
        set
    }

    fn foods_matching(&self, word: &QueryWord) -> FoodSet {
        let mut set = FoodSet::empty(self.foods.len());
        let stem_postings = self
            .words_of_stem(word.stem)
            .iter()
            .map(|&w| self.postings_of_word(w));
        for postings in std::iter::once(self.postings_of_prefix(word)).chain(stem_postings) {
            for &food in postings {
                set.insert(food);
            }
        }
        set
    }

    /// The score of `food` for `query`, or `None` if some query word matches
    /// none of its words.
    fn score(&self, food: usize, query: &[QueryWord]) -> Option<i32> {
        let profile = &self.foods[food];
        let words = profile.first_word as usize
            ..profile.first_word as usize + usize::from(profile.word_count);
        let ids = &self.word_ids[words.clone()];
        let stems = &self.word_stems[words.clone()];
        let segments = &self.word_segments[words];
        let mut covered = 0;
        let mut whole = 0;
        let mut quality = 0;
        for word in query {
            let (matched, matched_whole) = word.match_masks(ids, stems);
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
            quality -= LATE_MATCH_COST * i32::from(profile.lateness(best, segments));
        }
        let head = HeadMatch::of(profile.head, covered, whole).score();
        Some(profile.base + quality + head - profile.unmatched_cost(covered, whole))
    }
}

impl FoodProfile {
    fn all_words(&self) -> u64 {
        match self.word_count {
            0 => 0,
            count => u64::MAX >> (64 - u32::from(count)),
        }
    }

    /// Segments between the head and the earliest of the `matched` words.
    fn lateness(&self, matched: u64, segments: &[u8]) -> u8 {
        let mut rest = matched;
        let mut earliest = u8::MAX;
        while rest != 0 {
            earliest = earliest.min(segments[rest.trailing_zeros() as usize]);
            rest &= rest - 1;
        }
        earliest
            .saturating_sub(self.head_segment)
            .min(MAX_CHARGED_LATENESS)
    }

    /// The cost of the description words the query does not name as whole
    /// words (outside a category), or a bonus when it names them all.
    fn unmatched_cost(&self, covered: u64, whole: u64) -> i32 {
        let not_whole = self.all_words() & !whole & !self.category;
        if not_whole == 0 {
            return -COMPLETE_MATCH_BONUS;
        }
        let distinctive = not_whole & !covered & self.distinctive;
        let boilerplate = not_whole & !distinctive;
        UNMATCHED_DISTINCTIVE_COST * distinctive.count_ones().min(MAX_CHARGED_DISTINCTIVE) as i32
            + UNMATCHED_BOILERPLATE_COST * boilerplate.count_ones() as i32
    }
}

/// The distinct singular forms of `words`, sorted, and the form of each word.
fn singulars(words: &[Box<str>]) -> (Vec<Box<str>>, Vec<u32>) {
    let mut interner = Interner::default();
    let ids: Vec<u32> = words
        .iter()
        .map(|w| interner.intern(&singular(w)))
        .collect();
    let (stems, rank) = interner.into_sorted();
    (stems, ids.iter().map(|&id| rank[id as usize]).collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::food::{FoodGroup, FoodGroupId, NdbNumber, NutrientValues, Portion};

    const PLAIN: u8 = 0;
    const BABY: u8 = 1;

    /// A food with `portions` household portions.
    fn food(ndb: u32, description: &'static str, group: u8, portions: usize) -> Food {
        Food {
            ndb: NdbNumber::new(ndb).unwrap(),
            description,
            group: FoodGroupId(group),
            per_100g: NutrientValues::default(),
            portions: vec![
                Portion {
                    amount: 1.0,
                    unit: "cup",
                    grams: 100.0
                };
                portions
            ],
        }
    }

    fn table(mut foods: Vec<Food>) -> FoodTable {
        foods.sort_by_key(|f| f.ndb);
        let groups = vec![
            FoodGroup {
                code: "1100",
                name: "Vegetables and Vegetable Products",
            },
            FoodGroup {
                code: "0300",
                name: "Baby Foods",
            },
        ];
        FoodTable::new(foods, groups)
    }

    /// Descriptions of the results of `query`, best first.
    fn found(table: &FoodTable, query: &str) -> Vec<&'static str> {
        let index = SearchIndex::new(table);
        let results = index.search(table, query, usize::MAX);
        assert_eq!(results.total, results.foods.len(), "{query:?}");
        results
            .foods
            .iter()
            .map(|&i| table.foods()[i].description)
            .collect()
    }

    fn descriptions(foods: &[&'static str]) -> FoodTable {
        table(
            foods
                .iter()
                .enumerate()
                .map(|(i, d)| food(1000 + i as u32, d, PLAIN, 0))
                .collect(),
        )
    }

    fn sorted(mut v: Vec<&'static str>) -> Vec<&'static str> {
        v.sort_unstable();
        v
    }

    #[test]
    fn word_fragments_match_in_any_order() {
        let t = descriptions(&[
            "Bananas, raw",
            "Pepper, banana, raw",
            "Apples, raw",
            "Bananas, dehydrated",
        ]);
        let expected = vec!["Bananas, raw", "Pepper, banana, raw"];
        assert_eq!(sorted(found(&t, "ban raw")), expected);
        assert_eq!(sorted(found(&t, "raw ban")), expected);
        assert_eq!(sorted(found(&t, "r b")), expected);
        assert_eq!(found(&t, "deh").len(), 1);
    }

    #[test]
    fn every_query_word_must_match_the_start_of_a_word() {
        let t = descriptions(&["Bananas, raw", "Apples, raw"]);
        assert!(found(&t, "bananas cooked").is_empty());
        assert!(found(&t, "nanas").is_empty(), "not a prefix");
        assert!(found(&t, "zzz").is_empty());
        assert_eq!(found(&t, "bananas bananas raw"), vec!["Bananas, raw"]);
    }

    #[test]
    fn case_punctuation_and_accents_are_ignored() {
        let t = descriptions(&[
            "Milk, reduced fat, fluid, 2% milkfat",
            "McDONALD'S, Hamburger",
            "Peppers, jalapeño, raw",
            "Cheese, \"processed\" (American)",
        ]);
        assert_eq!(
            found(&t, "MILK, (Reduced) 2%"),
            vec!["Milk, reduced fat, fluid, 2% milkfat"]
        );
        assert_eq!(found(&t, "mcdonald's"), vec!["McDONALD'S, Hamburger"]);
        assert_eq!(found(&t, "McDonalds hamb"), vec!["McDONALD'S, Hamburger"]);
        assert_eq!(found(&t, "JALAPENO"), vec!["Peppers, jalapeño, raw"]);
        assert_eq!(found(&t, "Jalapeño"), vec!["Peppers, jalapeño, raw"]);
        assert_eq!(
            found(&t, "\"american\" processed"),
            vec!["Cheese, \"processed\" (American)"]
        );
    }

    #[test]
    fn singular_and_plural_match_each_other() {
        let t = descriptions(&["Soup, black bean, canned", "Pie, cherry", "Peaches, raw"]);
        assert_eq!(found(&t, "beans black"), vec!["Soup, black bean, canned"]);
        assert_eq!(found(&t, "cherries"), vec!["Pie, cherry"]);
        assert_eq!(found(&t, "peach"), vec!["Peaches, raw"]);
    }

    #[test]
    fn a_query_without_words_finds_nothing() {
        let t = descriptions(&["Bananas, raw"]);
        let index = SearchIndex::new(&t);
        for query in ["", "   ", "\t\n", ",,,", "%% () \"\" -", "😀🍌"] {
            assert_eq!(
                index.search(&t, query, 10),
                SearchResults::default(),
                "{query:?}"
            );
        }
    }

    #[test]
    fn limit_caps_the_list_but_not_the_total() {
        let t = descriptions(&[
            "Beans, black",
            "Beans, pinto",
            "Beans, navy",
            "Beans, kidney",
            "Beans, snap",
        ]);
        let index = SearchIndex::new(&t);
        let two = index.search(&t, "beans", 2);
        assert_eq!((two.foods.len(), two.total), (2, 5));
        assert_eq!(two.foods, index.search(&t, "beans", 10).foods[..2]);
        let none = index.search(&t, "beans", 0);
        assert_eq!((none.foods.len(), none.total), (0, 5));
    }

    #[test]
    fn ties_go_to_the_lower_ndb_number() {
        let t = table(vec![
            food(3, "Beans, navy", PLAIN, 0),
            food(1, "Beans, pinto", PLAIN, 0),
            food(2, "Beans, lima", PLAIN, 0),
        ]);
        let index = SearchIndex::new(&t);
        let ndbs = |r: SearchResults| {
            r.foods
                .iter()
                .map(|&i| t.foods()[i].ndb.value())
                .collect::<Vec<_>>()
        };
        assert_eq!(ndbs(index.search(&t, "beans", 10)), vec![1, 2, 3]);
        assert_eq!(ndbs(index.search(&t, "beans", 2)), vec![1, 2]);
    }

    #[test]
    fn a_matched_head_beats_a_prefix_head_beats_another_noun_beats_a_qualifier() {
        let t = descriptions(&[
            "Cheese, made with milk",
            "Milk shakes, thick",
            "Milkfish, raw",
            "Milk, whole",
        ]);
        assert_eq!(
            found(&t, "milk"),
            vec![
                "Milk, whole",
                "Milkfish, raw",
                "Milk shakes, thick",
                "Cheese, made with milk"
            ]
        );
    }

    #[test]
    fn the_head_may_be_plural_or_follow_a_category_word() {
        let t = descriptions(&[
            "Potato chips, plain",
            "Snacks, potato sticks",
            "Potatoes, baked",
        ]);
        assert_eq!(found(&t, "potato")[0], "Potatoes, baked");
        let t = descriptions(&["Salmon nuggets, breaded", "Fish, salmon, raw"]);
        assert_eq!(
            found(&t, "salmon"),
            vec!["Fish, salmon, raw", "Salmon nuggets, breaded"]
        );
        let t = descriptions(&["Nuts, cashew butter, plain", "Nuts, cashew nuts, raw"]);
        assert_eq!(
            found(&t, "cashews")[0],
            "Nuts, cashew nuts, raw",
            "nuts repeats the category"
        );
        let t = descriptions(&["Babyfood, juice, apple", "Juice, apple"]);
        assert_eq!(
            found(&t, "juice")[0],
            "Juice, apple",
            "babyfood is not a mere category"
        );
    }

    #[test]
    fn distinctive_extra_words_cost_more_than_boilerplate() {
        let t = descriptions(&[
            "Milk, dry, whole",
            "Milk, whole, fluid, 3.25% milkfat, with added vitamin D",
        ]);
        assert_eq!(
            found(&t, "milk")[0],
            "Milk, whole, fluid, 3.25% milkfat, with added vitamin D"
        );
    }

    #[test]
    fn naming_every_word_wins() {
        let t = table(vec![
            food(1, "Bologna, beef, low fat", PLAIN, 4),
            food(2, "Bologna, beef", PLAIN, 0),
        ]);
        assert_eq!(found(&t, "bologna beef")[0], "Bologna, beef");
        let t = table(vec![
            food(1, "Spinach, boiled, without salt", PLAIN, 4),
            food(2, "Spinach, boiled, with salt", PLAIN, 0),
        ]);
        assert_eq!(
            found(&t, "spinach boiled with salt")[0],
            "Spinach, boiled, with salt"
        );
    }

    #[test]
    fn baby_foods_rank_below_the_same_food() {
        let t = table(vec![
            food(1, "Carrots, raw", BABY, 0),
            food(2, "Carrots, raw", PLAIN, 0),
        ]);
        let index = SearchIndex::new(&t);
        assert_eq!(index.search(&t, "carrots", 10).foods, vec![1, 0]);
    }

    #[test]
    fn brands_in_capitals_rank_below_plain_foods() {
        let t = descriptions(&["Cheese, cheddar, KRAFT", "Cheese, cheddar, sharp"]);
        assert_eq!(
            found(&t, "cheddar"),
            vec!["Cheese, cheddar, sharp", "Cheese, cheddar, KRAFT"]
        );
        let t = descriptions(&["Cheese, cheddar, Kraft", "Cheese, cheddar, sharp"]);
        assert_eq!(
            found(&t, "cheddar")[0],
            "Cheese, cheddar, Kraft",
            "not capitals: a tie"
        );
    }

    #[test]
    fn whole_words_beat_prefixes() {
        let t = descriptions(&["Bread, ryeish", "Bread, rye"]);
        assert_eq!(found(&t, "bread rye"), vec!["Bread, rye", "Bread, ryeish"]);
    }

    #[test]
    fn earlier_matches_beat_later_ones() {
        let t = descriptions(&["Beans, snap, green", "Beans, green, snap"]);
        assert_eq!(found(&t, "beans green")[0], "Beans, green, snap");
    }

    #[test]
    fn raw_fresh_whole_plain_are_preferred() {
        let t = descriptions(&["Spinach, cooked", "Spinach, raw"]);
        assert_eq!(found(&t, "spinach")[0], "Spinach, raw");
        let t = descriptions(&["Egg, white", "Egg, whole"]);
        assert_eq!(found(&t, "egg")[0], "Egg, whole");
    }

    #[test]
    fn more_portions_and_fewer_segments_are_preferred() {
        let t = table(vec![
            food(1, "Kale, cooked", PLAIN, 1),
            food(2, "Kale, cooked", PLAIN, 3),
        ]);
        assert_eq!(
            SearchIndex::new(&t).search(&t, "kale", 10).foods,
            vec![1, 0]
        );
        let t = descriptions(&["Kale, cooked, boiled", "Kale, cooked boiled"]);
        assert_eq!(found(&t, "kale")[0], "Kale, cooked boiled");
    }

    #[test]
    fn weird_queries_do_not_panic() {
        let t = descriptions(&[
            "Bananas, raw",
            "Apples, raw, with skin (Includes foods for USDA's Food Distribution Program)",
        ]);
        let index = SearchIndex::new(&t);
        let long_word = "a".repeat(10_000);
        let many_words = "ap app raw ".repeat(1_000);
        let emoji = "🍌".repeat(2_500);
        let mixed = "bananas\u{0}\u{200b}\u{feff}(((raw]]]],,,%%%é̃ñ̃ ẞ İ ﬁ 香蕉 банан";
        for query in [
            long_word.as_str(),
            &many_words,
            &emoji,
            mixed,
            "ß",
            "'",
            "(",
            ")",
        ] {
            let results = index.search(&t, query, 5);
            assert!(results.foods.len() <= 5 && results.foods.len() <= results.total);
        }
        assert_eq!(
            index.search(&t, &many_words, 5).foods,
            vec![1],
            "ap, app and raw all match the apples"
        );
    }

    #[test]
    fn an_empty_table_finds_nothing() {
        let t = table(vec![]);
        assert_eq!(
            SearchIndex::new(&t).search(&t, "milk", 10),
            SearchResults::default()
        );
    }

    #[test]
    fn words_keep_their_segment_and_brand_marks() {
        let mut words = Vec::new();
        for_each_word(
            "KRAFT, Cheese (mild, sharp), McDONALD'S crème",
            |w, s, b| words.push((w.to_string(), s, b)),
        );
        let expected = [
            ("kraft", 0, true),
            ("cheese", 1, false),
            ("mild", 1, false),
            ("sharp", 1, false),
        ];
        assert_eq!(words[..4], expected.map(|(w, s, b)| (w.to_string(), s, b)));
        assert_eq!(
            words[4..],
            [
                ("mcdonalds".to_string(), 2, true),
                ("creme".to_string(), 2, false)
            ]
        );
    }

    #[test]
    fn singular_forms_agree_with_plurals() {
        let pairs = [
            ("potato", "potatoes"),
            ("berry", "berries"),
            ("cookie", "cookies"),
            ("peach", "peaches"),
            ("bean", "beans"),
            ("box", "boxes"),
            ("kiwi", "kiwis"),
        ];
        for (one, many) in pairs {
            assert_eq!(singular(one), singular(many), "{one} {many}");
        }
        for word in ["asparagus", "hummus", "glass", "gas", "as"] {
            assert_eq!(singular(word), word);
        }
    }

    #[test]
    fn word_lists_are_normalised_and_sorted() {
        assert!(BOILERPLATE_WORDS.windows(2).all(|w| w[0] < w[1]));
        for word in BOILERPLATE_WORDS
            .iter()
            .chain(PREFERRED_WORDS)
            .chain(CATEGORY_HEADS)
        {
            let mut normalised = Vec::new();
            for_each_word(word, |w, _, _| normalised.push(w.to_string()));
            assert_eq!(normalised.join(" "), *word);
        }
    }
}
