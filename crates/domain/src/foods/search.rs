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
//! at most 21). A negation is one word ("non-soy" is not "soy"). Query
//! words are read in SR28's words first ([`everyday_words`]): British and
//! everyday names ("courgette" → "zucchini", "yoghurt"), two-word names
//! SR28 writes as one ("soy milk" → "soymilk"), and "oatmeal" alone means
//! oats.
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
use std::collections::BinaryHeap;

use crate::foods::food::Food;
use crate::foods::food_table::{FoodIndex, FoodTable};

/// The best matches of a query and how many foods matched in all.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SearchResults {
    /// Indices into [`FoodTable::foods`], best match first.
    pub foods: Vec<FoodIndex>,
    /// Number of matching foods, including those beyond the limit.
    pub total: usize,
}

/// What a result list says of itself when it lists `shown` of `total`
/// matching foods: "Showing the best 25 of 63 matching foods.", "1 matching
/// food.", or nothing for none (the no-match text says that).
pub fn count_line(shown: usize, total: usize) -> String {
    match total {
        0 => String::new(),
        t if t > shown => format!("Showing the best {shown} of {t} matching foods."),
        1 => "1 matching food.".to_owned(),
        t => format!("{t} matching foods."),
    }
}

/// What an empty search box says.
pub const SEARCH_HINT: &str = "Type part of a food's name: word fragments in any order work.";

/// What a search finding nothing says, after the query in quotes.
pub const NO_MATCH_ADVICE: &str =
    "Try fewer letters, a singular word, or a more general name (“beans” rather than a brand).";

/// Precomputed word index and ranking profiles of a [`FoodTable`].
#[derive(Debug, Clone)]
pub struct SearchIndex {
    /// Distinct normalised description words, sorted; a word's id is its
    /// position, so the words sharing a prefix have consecutive ids.
    vocabulary: WordList,
    /// `postings[posting_starts[w]..posting_starts[w + 1]]` lists, ascending,
    /// the foods whose description contains word `w`.
    posting_starts: Vec<u32>,
    postings: Vec<u32>,
    /// Distinct singular forms of the vocabulary (see [`singular`]), sorted.
    stems: WordList,
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
pub(crate) const UNMATCHED_DISTINCTIVE_COST: i32 = 50;
pub(crate) const UNMATCHED_BOILERPLATE_COST: i32 = 1;
/// At most this many unmatched distinctive words are charged.
pub(crate) const MAX_CHARGED_DISTINCTIVE: u32 = 6;
/// Bonus when the query names every word of the description.
pub(crate) const COMPLETE_MATCH_BONUS: i32 = 150;
/// Cost of a brand name anywhere in the description.
const BRAND_COST: i32 = 250;
/// Bonus per query word that matches a whole word rather than a prefix.
pub(crate) const WHOLE_WORD_BONUS: i32 = 15;
/// Cost per segment between the head and a query word's best match.
pub(crate) const LATE_MATCH_COST: i32 = 10;
pub(crate) const MAX_CHARGED_LATENESS: u8 = 4;
/// Bonus per distinct word of [`PREFERRED_WORDS`].
const PREFERRED_BONUS: i32 = 20;
/// Bonus per household portion USDA lists.
const PORTION_BONUS: i32 = 10;
const MAX_REWARDED_PORTIONS: usize = 4;
/// Cost per comma-separated segment of the description.
pub(crate) const SEGMENT_COST: i32 = 3;

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
pub(crate) const BOILERPLATE_WORDS: &[&str] = &[
    "a", "added", "all", "and", "as", "average", "baked", "boiled", "bone", "boneless", "braised",
    "brewed", "broiled", "broiler", "broilers", "by", "c", "commercial", "cooked", "d", "drained",
    "e", "enriched", "farmed", "fat", "flesh", "fluid", "fortified", "free", "fresh", "from",
    "fryers", "grilled", "in", "lean", "low", "lowfat", "mature", "meat", "milkfat", "no",
    "nonfat", "not", "of", "on", "only", "or", "original", "per", "plain", "prepared", "raw", "reduced",
    "regular", "ripe", "roasted", "round", "salt", "seeds", "separable", "skim", "skin",
    "skinless", "solids", "steamed", "stewed", "style", "to", "trimmed", "unenriched",
    "unprepared", "varieties", "variety", "vitamin", "vitamins", "whole", "wild", "with",
    "without", "year",
];

/// Everyday and British names that SR28 never uses, read as its words.
const EVERYDAY_NAMES: &[(&str, &str)] = &[
    ("aubergine", "eggplant"),
    ("aubergines", "eggplant"),
    ("courgette", "zucchini"),
    ("courgettes", "zucchini"),
    ("porridge", "oats"),
    ("prawn", "shrimp"),
    ("prawns", "shrimp"),
    ("rocket", "arugula"),
    ("soya", "soy"),
    ("yoghurt", "yogurt"),
    ("yoghurts", "yogurt"),
];

/// Two words SR28 writes as one: "soy milk" is "Soymilk".
const COMPOUNDS: &[(&str, &str, &str)] = &[("soy", "milk", "soymilk")];

/// Words that, searched alone, mean the food rather than the dishes named
/// after it: "oatmeal" is oats (the porridge), not oatmeal bread or cookies.
const ALONE_NAMES: &[(&str, &str)] = &[("oatmeal", "oats")];

/// The query's words (in order, as typed) in SR28's words: everyday and
/// British names replaced ([`EVERYDAY_NAMES`]), two-word names joined
/// ([`COMPOUNDS`]), and a word searched alone read as the food it names
/// ([`ALONE_NAMES`]). Only whole words are replaced, so a word still being
/// typed ("courg") matches as a prefix as before.
pub(crate) fn everyday_words(words: Vec<String>) -> Vec<String> {
    let renamed = |w: String| {
        EVERYDAY_NAMES
            .iter()
            .find(|(name, _)| *name == w)
            .map_or(w, |(_, usda)| (*usda).to_owned())
    };
    let words: Vec<String> = words.into_iter().map(renamed).collect();
    let mut joined: Vec<String> = Vec::with_capacity(words.len());
    for word in words {
        let compound = joined.last().and_then(|last| {
            COMPOUNDS
                .iter()
                .find(|(a, b, _)| *a == last && *b == word)
                .map(|(_, _, one)| (*one).to_owned())
        });
        match compound {
            Some(one) => *joined.last_mut().expect("a word before") = one,
            None => joined.push(word),
        }
    }
    if let [only] = joined.as_mut_slice() {
        if let Some((_, food)) = ALONE_NAMES.iter().find(|(name, _)| name == only) {
            *only = (*food).to_owned();
        }
    }
    joined
}

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
pub(crate) enum HeadMatch {
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
    pub(crate) fn of(head: u64, covered: u64, whole: u64) -> HeadMatch {
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

    pub(crate) fn score(self) -> i32 {
        match self {
            HeadMatch::Whole => HEAD_WHOLE_SCORE,
            HeadMatch::Prefix => HEAD_PREFIX_SCORE,
            HeadMatch::Partial => HEAD_PARTIAL_SCORE,
            HeadMatch::Outside => 0,
        }
    }
}

// Bits of BYTE_KINDS: how for_each_raw_word reads a byte of text.
/// Part of a word: an ASCII letter or digit, an apostrophe, or a byte of a
/// non-ASCII character.
const WORD_BYTE: u8 = 1;
/// An ASCII capital letter.
const UPPER_BYTE: u8 = 2;
/// An apostrophe or a byte of a non-ASCII character: part of a word, read
/// by the slow path ([`emit_special_run`]).
const SPECIAL_BYTE: u8 = 4;

/// The kind bits of every byte value: one look-up per byte of text.
const BYTE_KINDS: [u8; 256] = {
    let mut kinds = [0; 256];
    let mut byte = 0;
    while byte < 256 {
        kinds[byte] = match byte as u8 {
            b'a'..=b'z' | b'0'..=b'9' => WORD_BYTE,
            b'A'..=b'Z' => WORD_BYTE | UPPER_BYTE,
            b'\'' | b'`' | 0x80.. => WORD_BYTE | SPECIAL_BYTE,
            _ => 0,
        };
        byte += 1;
    }
    kinds
};

/// Calls `emit(word, segment, brand)` for every normalised word of `text`,
/// numbering comma-separated segments (commas inside parentheses do not
/// separate); `brand` tells a word written in capitals, as USDA writes brands.
pub(crate) fn for_each_word(text: &str, mut emit: impl FnMut(&str, u8, bool)) {
    let mut buffer = String::new();
    for_each_raw_word(text, |word, segment, brand| {
        buffer.clear();
        buffer.push_str(word.text);
        buffer.make_ascii_lowercase();
        emit(&buffer, segment, brand);
    });
}

/// A word as the index builder reads it: ASCII letters and digits, maybe
/// with capitals, and its [`word_key`].
#[derive(Debug, Clone, Copy)]
struct RawText<'a> {
    text: &'a str,
    key: u64,
}

impl RawText<'_> {
    fn new(text: &str) -> RawText<'_> {
        RawText {
            text,
            key: text.bytes().fold(0, word_key),
        }
    }
}

/// Takes one more byte of a word (ASCII letters and digits) into its key:
/// its last eight bytes in lowercase (`| 0x20` lowercases a letter and
/// keeps a digit), the first of them in the highest nonzero byte. Words of
/// at most eight bytes are equal exactly when their keys are.
fn word_key(key: u64, byte: u8) -> u64 {
    key << 8 | u64::from(byte | 0x20)
}

/// [`for_each_word`] without the lowercasing, for the index builder, which
/// runs it over every description: a plain word costs one pass (a table
/// look-up and a [`word_key`] step per byte) and is not copied; the
/// [`Interner`] lowercases only the new words.
fn for_each_raw_word(text: &str, mut emit: impl FnMut(RawText, u8, bool)) {
    let bytes = text.as_bytes();
    let mut segment: u8 = 0;
    let mut depth: u32 = 0;
    let mut i = 0;
    while let Some(&first) = bytes.get(i) {
        let first_kind = BYTE_KINDS[usize::from(first)];
        if first_kind & WORD_BYTE == 0 {
            match first {
                b'(' => depth += 1,
                b')' => depth = depth.saturating_sub(1),
                b',' if depth == 0 => segment = segment.saturating_add(1),
                _ => {}
            }
            i += 1;
            continue;
        }
        let start = i;
        let mut key = word_key(0, first);
        // The kinds of the bytes after the first.
        let mut kinds = 0;
        i += 1;
        loop {
            while let Some(&byte) = bytes.get(i) {
                let kind = BYTE_KINDS[usize::from(byte)];
                if kind & WORD_BYTE == 0 {
                    break;
                }
                kinds |= kind;
                key = word_key(key, byte);
                i += 1;
            }
            // A negation is one word: "non-soy" is not "soy".
            let negation = i - start == 3 && text[start..i].eq_ignore_ascii_case("non");
            let word_follows = bytes
                .get(i + 1)
                .is_some_and(|&b| BYTE_KINDS[usize::from(b)] & WORD_BYTE != 0);
            if negation && bytes.get(i) == Some(&b'-') && word_follows {
                key = word_key(key, b'-');
                i += 1;
                continue;
            }
            break;
        }
        // Runs end at an ASCII separator or at the end: character boundaries.
        let text = &text[start..i];
        if (first_kind | kinds) & SPECIAL_BYTE != 0 {
            emit_special_run(text, segment, &mut |word, segment, brand| {
                emit(RawText::new(word), segment, brand)
            });
        } else {
            // A brand has at least three capitals, so two after the first.
            let brand = kinds & UPPER_BYTE != 0 && is_brand_word(text);
            emit(RawText { text, key }, segment, brand);
        }
    }
}

/// [`is_brand`] for a word of ASCII letters and digits.
fn is_brand_word(word: &str) -> bool {
    let upper = word.bytes().filter(u8::is_ascii_uppercase).count();
    let lower = word.bytes().filter(u8::is_ascii_lowercase).count();
    is_brand(upper, lower)
}

/// Emits the words of `run`, text without ASCII separators that has an
/// apostrophe or non-ASCII characters: as many words as its non-ASCII
/// separators make, with apostrophes dropped and accents folded.
fn emit_special_run(run: &str, segment: u8, emit: &mut impl FnMut(&str, u8, bool)) {
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

/// A word with apostrophes or non-ASCII letters, read by [`emit_special_run`].
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
pub(crate) fn singular(word: &str) -> String {
    let mut form = String::new();
    push_singular(word, &mut form);
    form
}

/// Appends the [`singular`] of `word` to `out`.
fn push_singular(word: &str, out: &mut String) {
    let plural_base = word
        .strip_suffix('s')
        .filter(|base| word.len() >= 4 && !base.ends_with(['s', 'u']));
    let base = plural_base.unwrap_or(word);
    if let Some(stem) = base.strip_suffix("ie") {
        out.push_str(stem);
        out.push('y');
    } else if let Some(stem) = base.strip_suffix("oe") {
        out.push_str(stem);
        out.push('o');
    } else if let Some(stem) = plural_base
        .and_then(|b| b.strip_suffix('e'))
        .filter(|stem| ends_with_sibilant(stem))
    {
        out.push_str(stem);
    } else {
        out.push_str(base);
    }
}

/// Whether a plural of `stem` takes "-es", as in "peaches" or "boxes".
fn ends_with_sibilant(stem: &str) -> bool {
    ["ch", "sh", "ss", "x", "z"]
        .iter()
        .any(|end| stem.ends_with(end))
}

/// Strings stored end to end in one buffer, numbered from 0: one
/// allocation for all, where a `Vec<Box<str>>` has one per string.
#[derive(Debug, Clone, Default)]
struct WordList {
    text: String,
    /// Word `i` ends at `ends[i]` in `text`, and starts where word `i - 1` ends.
    ends: Vec<u32>,
}

impl WordList {
    fn len(&self) -> usize {
        self.ends.len()
    }

    fn get(&self, i: usize) -> &str {
        let (start, end) = self.bounds(i);
        &self.text[start..end]
    }

    /// [`WordList::get`] as bytes, which is cheaper: the same order and
    /// equality, without checking character boundaries.
    fn bytes(&self, i: usize) -> &[u8] {
        let (start, end) = self.bounds(i);
        &self.text.as_bytes()[start..end]
    }

    fn bounds(&self, i: usize) -> (usize, usize) {
        let start = i.checked_sub(1).map_or(0, |previous| self.ends[previous]);
        (start as usize, self.ends[i] as usize)
    }

    fn push(&mut self, word: &str) {
        self.text.push_str(word);
        self.ends.push(to_u32(self.text.len()));
    }

    /// Pushes `word` in ASCII lowercase.
    fn push_lowercase(&mut self, word: &str) {
        let start = self.text.len();
        self.push(word);
        self.text[start..].make_ascii_lowercase();
    }

    /// The number of leading words for which `before` holds; `before` must
    /// hold for a prefix of the list (as `slice::partition_point`).
    fn partition_point(&self, before: impl Fn(&str) -> bool) -> usize {
        let (mut low, mut high) = (0, self.len());
        while low < high {
            let middle = low + (high - low) / 2;
            if before(self.get(middle)) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        low
    }

    /// Position of `word` in the list, which must be sorted.
    fn find(&self, word: &str) -> Option<usize> {
        let at = self.partition_point(|w| w < word);
        (at < self.len() && self.get(at) == word).then_some(at)
    }
}

/// Whether `known`, in lowercase, is `word` (ASCII letters and digits) in
/// any case.
fn is_same_word(known: &[u8], word: &[u8]) -> bool {
    known.len() == word.len() && known.iter().zip(word).all(|(&k, &w)| k == w | 0x20)
}

/// The slot of a word in an [`Interner`] table of `2^bits` slots: a
/// multiplicative hash of its [`word_key`] and length. The index hashes only
/// description text, never user input.
fn slot_of(key: u64, len: usize, bits: u32) -> usize {
    let hash = (key ^ len as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    (hash >> (64 - bits)) as usize
}

/// Distinct words, numbered in order of first appearance and kept in ASCII
/// lowercase: a hash table (open addressing, linear probing) of ids into a
/// [`WordList`]. Words that differ only in case are the same word.
struct Interner {
    words: WordList,
    /// The [`word_key`] of each word.
    keys: Vec<u64>,
    /// For each slot, 1 + the id of the word stored there, or 0 when free.
    /// There are `2^bits` slots, at least four times as many as words, so
    /// that most look-ups find their word in the first slot they try.
    slots: Vec<u32>,
    bits: u32,
}

impl Interner {
    fn new() -> Interner {
        const BITS: u32 = 12;
        Interner {
            words: WordList::default(),
            keys: Vec::new(),
            slots: vec![0; 1 << BITS],
            bits: BITS,
        }
    }

    /// The id of `word`.
    fn intern(&mut self, word: RawText) -> u32 {
        let text = word.text.as_bytes();
        let mask = self.slots.len() - 1;
        let mut slot = slot_of(word.key, text.len(), self.bits);
        while let Some(id) = self.slots[slot].checked_sub(1) {
            // Equal keys mean equal last eight bytes: compare the rest.
            let known = self.words.bytes(id as usize);
            let rest = text.len().saturating_sub(8);
            if self.keys[id as usize] == word.key
                && known.len() == text.len()
                && is_same_word(&known[..rest], &text[..rest])
            {
                return id;
            }
            slot = (slot + 1) & mask;
        }
        let id = to_u32(self.words.len());
        self.words.push_lowercase(word.text);
        self.keys.push(word.key);
        self.slots[slot] = id + 1;
        if self.words.len() * 4 > self.slots.len() {
            self.grow();
        }
        id
    }

    fn grow(&mut self) {
        self.bits += 1;
        let mut slots = vec![0; 1 << self.bits];
        let mask = slots.len() - 1;
        for (id, &key) in self.keys.iter().enumerate() {
            let mut slot = slot_of(key, self.words.bytes(id).len(), self.bits);
            while slots[slot] != 0 {
                slot = (slot + 1) & mask;
            }
            slots[slot] = to_u32(id) + 1;
        }
        self.slots = slots;
    }

    /// The strings sorted, and the sorted position of each interned id.
    fn into_sorted(self) -> (WordList, Vec<u32>) {
        let words = &self.words;
        // Sorting compares the first eight bytes as one number, then the
        // rest if need be; a zero byte pads a shorter word ("ab" < "abc").
        let keys: Vec<u64> = (0..words.len())
            .map(|id| {
                let word = words.bytes(id);
                let mut key = [0; 8];
                let len = word.len().min(8);
                key[..len].copy_from_slice(&word[..len]);
                u64::from_be_bytes(key)
            })
            .collect();
        let mut order: Vec<u32> = (0..to_u32(words.len())).collect();
        order.sort_unstable_by(|&a, &b| {
            let (a, b) = (a as usize, b as usize);
            keys[a]
                .cmp(&keys[b])
                .then_with(|| words.bytes(a).cmp(words.bytes(b)))
        });
        let mut rank = vec![0; order.len()];
        let mut sorted = WordList {
            text: String::with_capacity(words.text.len()),
            ends: Vec::with_capacity(order.len()),
        };
        for (position, &id) in order.iter().enumerate() {
            rank[id as usize] = to_u32(position);
            sorted.push(words.get(id as usize));
        }
        (sorted, rank)
    }
}

/// Where the words of a food are in [`SearchIndex::word_ids`], and whether
/// one is a brand, while the index is built.
struct FoodWords {
    start: u32,
    end: u32,
    brand: bool,
}

impl FoodWords {
    fn range(&self) -> std::ops::Range<usize> {
        self.start as usize..self.end as usize
    }
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

/// The traits of every word of the sorted vocabulary `words`, found by
/// looking the few special words up in it.
fn word_traits(words: &WordList) -> Vec<WordTraits> {
    let mut traits: Vec<WordTraits> = (0..words.len())
        .map(|i| WordTraits {
            distinctive: !words.get(i).bytes().all(|b| b.is_ascii_digit()),
            preferred: 0,
            opens_category: false,
        })
        .collect();
    for word in BOILERPLATE_WORDS {
        if let Some(id) = words.find(word) {
            traits[id].distinctive = false;
        }
    }
    for (i, word) in PREFERRED_WORDS.iter().enumerate() {
        if let Some(id) = words.find(word) {
            traits[id].preferred |= 1 << i;
        }
    }
    for head in CATEGORY_HEADS {
        let first = head.split(' ').next().unwrap_or(head);
        if let Some(id) = words.find(first) {
            traits[id].opens_category = true;
        }
    }
    traits
}

/// The sorted vocabulary, with the traits and stem of each word, while building.
struct Vocabulary {
    words: WordList,
    traits: Vec<WordTraits>,
    stem_of: Vec<u32>,
    /// [`CATEGORY_HEADS`] as word ids, without those that have a word no
    /// description has.
    category_heads: Vec<Vec<u32>>,
}

impl Vocabulary {
    fn new(words: WordList, stem_of: Vec<u32>) -> Vocabulary {
        let category_heads = CATEGORY_HEADS
            .iter()
            .filter_map(|head| {
                head.split(' ')
                    .map(|word| words.find(word).map(to_u32))
                    .collect()
            })
            .collect();
        Vocabulary {
            traits: word_traits(&words),
            words,
            stem_of,
            category_heads,
        }
    }

    /// Whether a first segment of these word ids only names a category,
    /// like "Fish" or "Snacks".
    fn is_category_head(&self, first_segment: impl Iterator<Item = u32> + Clone) -> bool {
        self.category_heads
            .iter()
            .any(|head| head.iter().copied().eq(first_segment.clone()))
    }
}

/// The query-independent part of a food's score: kind of food, brand,
/// preferred words (bits of [`WordTraits::preferred`]), portions and segments.
fn base_score(food: &Food, group_code: &str, brand: bool, preferred: u8, segments: i32) -> i32 {
    let portions = food.portions.len().min(MAX_REWARDED_PORTIONS);
    -group_penalty(group_code) - if brand { BRAND_COST } else { 0 }
        + PREFERRED_BONUS * preferred.count_ones() as i32
        + PORTION_BONUS * portions as i32
        - SEGMENT_COST * segments
}

/// The profile of a food whose (at most [`MAX_WORDS`]) words are `words`
/// in `word_ids` and `word_segments` (see [`SearchIndex::word_ids`]).
fn profile(
    food: &Food,
    group_code: &str,
    words: &FoodWords,
    (word_ids, word_segments): (&[u32], &[u8]),
    vocabulary: &Vocabulary,
) -> FoodProfile {
    let (brand, first_word) = (words.brand, words.start);
    let ids = &word_ids[words.range()];
    let segments = &word_segments[words.range()];
    let has_more_segments = segments.last().is_some_and(|&s| s > 0);
    let opens_category = ids
        .first()
        .is_some_and(|&w| vocabulary.traits[w as usize].opens_category);
    let words = || ids.iter().copied().zip(segments.iter().copied());
    let first_segment = words().take_while(|&(_, s)| s == 0).map(|(w, _)| w);
    let head_segment =
        u8::from(has_more_segments && opens_category && vocabulary.is_category_head(first_segment));
    let (mut head, mut category, mut distinctive) = (0u64, 0u64, 0u64);
    let mut preferred = 0u8;
    for (i, (word, segment)) in words().enumerate() {
        let traits = vocabulary.traits[word as usize];
        if segment < head_segment {
            category |= 1 << i;
        } else if segment == head_segment {
            head |= 1 << i;
        }
        if traits.distinctive {
            distinctive |= 1 << i;
        }
        preferred |= traits.preferred;
    }
    if head_segment > 0 {
        // A head word repeating the category ("Nuts, cashew nuts") counts
        // as category, unless it is the whole head.
        let stem = |w: u32| vocabulary.stem_of[w as usize];
        let category_stems: Vec<u32> = words()
            .filter(|&(_, s)| s < head_segment)
            .map(|(w, _)| stem(w))
            .collect();
        let repeats = words().enumerate().fold(0u64, |mask, (i, (w, s))| {
            let repeat = s == head_segment && category_stems.contains(&stem(w));
            mask | u64::from(repeat) << i
        });
        if head & !repeats != 0 {
            category |= repeats;
            head &= !repeats;
        }
    }
    let segment_count = segments.last().map_or(0, |&s| i32::from(s) + 1);
    FoodProfile {
        first_word,
        word_count: u8::try_from(ids.len()).expect("at most MAX_WORDS words"),
        head,
        category,
        distinctive,
        head_segment,
        base: base_score(food, group_code, brand, preferred, segment_count),
    }
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

/// The posting lists of [`SearchIndex`]: `(starts, foods)` such that
/// `foods[starts[w]..starts[w + 1]]` are, ascending, the foods with word `w`.
fn postings(word_ids: &[u32], foods: &[FoodWords], word_count: usize) -> (Vec<u32>, Vec<u32>) {
    let mut starts = vec![0u32; word_count + 1];
    for_each_posting(word_ids, foods, word_count, |word, _| starts[word + 1] += 1);
    for i in 1..starts.len() {
        starts[i] += starts[i - 1];
    }
    let mut next = starts.clone();
    let mut postings = vec![0; starts[word_count] as usize];
    for_each_posting(word_ids, foods, word_count, |word, food| {
        postings[next[word] as usize] = food;
        next[word] += 1;
    });
    (starts, postings)
}

/// Calls `add(word, food)` once for each distinct word of each food, in
/// food order.
fn for_each_posting(
    word_ids: &[u32],
    foods: &[FoodWords],
    word_count: usize,
    mut add: impl FnMut(usize, u32),
) {
    let mut last_food = vec![u32::MAX; word_count];
    for (food, words) in foods.iter().enumerate() {
        let food = to_u32(food);
        for &word in &word_ids[words.range()] {
            let last = &mut last_food[word as usize];
            if *last != food {
                *last = food;
                add(word as usize, food);
            }
        }
    }
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
        let mut interner = Interner::new();
        // SR28 descriptions have eight words on average; the vectors grow
        // if need be.
        let capacity = table.foods().len() * 9;
        let mut word_ids = Vec::with_capacity(capacity);
        let mut word_segments = Vec::with_capacity(capacity);
        let mut food_words = Vec::with_capacity(table.foods().len());
        for food in table.foods() {
            let start = word_ids.len();
            let mut brand = false;
            for_each_raw_word(food.description, |text, segment, is_brand| {
                if word_ids.len() - start < MAX_WORDS {
                    word_ids.push(interner.intern(text));
                    word_segments.push(segment);
                    brand |= is_brand;
                }
            });
            food_words.push(FoodWords {
                start: to_u32(start),
                end: to_u32(word_ids.len()),
                brand,
            });
        }
        let (words, rank) = interner.into_sorted();
        for word in &mut word_ids {
            *word = rank[*word as usize];
        }
        let (stems, stem_of) = singulars(&words);
        let vocabulary = Vocabulary::new(words, stem_of);

        let foods = table
            .foods()
            .iter()
            .zip(&food_words)
            .map(|(food, words)| {
                let code = table.group(food.group).code;
                let word_arrays = (&word_ids[..], &word_segments[..]);
                profile(food, code, words, word_arrays, &vocabulary)
            })
            .collect();
        let word_count = vocabulary.words.len();
        let (posting_starts, postings) = postings(&word_ids, &food_words, word_count);
        let stem_of = &vocabulary.stem_of;
        let stem_pairs: Vec<(u32, u32)> = stem_of
            .iter()
            .enumerate()
            .map(|(w, &s)| (s, to_u32(w)))
            .collect();
        let (stem_word_starts, stem_words) = group_by_key(stems.len(), &stem_pairs);

        SearchIndex {
            posting_starts,
            postings,
            stems,
            stem_word_starts,
            stem_words,
            word_stems: word_ids.iter().map(|&w| stem_of[w as usize]).collect(),
            word_ids,
            word_segments,
            foods,
            vocabulary: vocabulary.words,
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

    /// The distinct words of `query` in USDA's words ([`everyday_words`]),
    /// cheapest first; `None` when there are none or one of them matches no
    /// description word.
    fn resolve(&self, query: &str) -> Option<Vec<QueryWord>> {
        let mut texts = Vec::new();
        for_each_word(query, |text, _, _| texts.push(text.to_string()));
        let mut texts = everyday_words(texts);
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
        let start = self.vocabulary.partition_point(|w| w < text);
        // The words starting with `text` follow those before it.
        let end = self
            .vocabulary
            .partition_point(|w| w < text || w.starts_with(text));
        let len = end - start;
        let stem = self.stems.find(&singular(text)).map_or(NO_STEM, to_u32);
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
fn singulars(words: &WordList) -> (WordList, Vec<u32>) {
    let mut interner = Interner::new();
    let mut form = String::new();
    let ids: Vec<u32> = (0..words.len())
        .map(|i| {
            form.clear();
            push_singular(words.get(i), &mut form);
            interner.intern(RawText::new(&form))
        })
        .collect();
    let (stems, rank) = interner.into_sorted();
    (stems, ids.iter().map(|&id| rank[id as usize]).collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::foods::food::{FoodGroup, FoodGroupId, NdbNumber, NutrientValues, Portion};

    const PLAIN: u8 = 0;
    const BABY: u8 = 1;

    #[test]
    fn the_count_line_says_how_many_matched_and_how_many_are_shown() {
        assert_eq!(count_line(0, 0), "");
        assert_eq!(count_line(1, 1), "1 matching food.");
        assert_eq!(count_line(7, 7), "7 matching foods.");
        assert_eq!(
            count_line(25, 63),
            "Showing the best 25 of 63 matching foods."
        );
    }

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
