//! The app's food-table format: the text in `data/sr28-minerals.txt`.
//!
//! # Layout
//!
//! UTF-8 text, lines end in `\n` (a carriage return anywhere is an error),
//! and the last line ends in `\n` too. Apart from the first line, the text is
//! a fixed sequence of *sections*: a header line starting with `#`, then its
//! data lines. No data line starts with `#`, so a short section is caught at
//! the next header. The data is stored column by column (one section per
//! field, one line per food) because that compresses far better than a row
//! per food: the browser receives this text gzipped, inside the wasm binary.
//!
//! ```text
//! electrolyte-planner-food-table 1    format name, a space, format version
//! #groups 25                          G = number of food groups (at most 256)
//! 0100<TAB>Dairy and Egg Products     G lines: 4-digit USDA code TAB name,
//! ...                                 sorted by code
//! #ndb 8789                           N = number of foods (at most 100,000)
//! 1001                                N lines: NDB number of the first food,
//! 1                                   then each food's NDB number minus the
//! ...                                 previous one (so always >= 1: foods are
//!                                     sorted by NDB number, no duplicates)
//! #group                              N lines: index into the group lines
//! 0                                   above (0 = first group)
//! #description                        N lines: USDA description, not empty
//! Butter, salted
//! #energy_kcal                        one section per nutrient, N lines each,
//! #water_g                            in this order; values per 100 g edible
//! #potassium_mg                       portion; an EMPTY line means USDA has
//! #magnesium_mg                       no value (unknown, not zero)
//! #calcium_mg
//! #sodium_mg
//! #portions                           N lines: the food's household measures
//! 1<TAB>pat (1" sq, 1/3" high)<TAB>5|1<TAB>tbsp<TAB>14.2|...
//!                                     each `amount TAB unit TAB grams`, joined
//!                                     by `|`, in USDA's (SR28 WEIGHT `Seq`)
//!                                     order; an empty line = no measures
//! ```
//!
//! Section headers are exactly `#name` (plus ` count` for `#groups` and
//! `#ndb`), with no other text, in the order above.
//!
//! Numbers are written as Rust's `f64` `Display` writes them: plain decimals
//! (`0.083`, `78.3`, `717`), never a sign, exponent, `inf` or `NaN`. That is
//! the shortest text that parses back to the same `f64`, so USDA's `78.30`
//! becomes `78.3`: the same number, never rounded. The decoder accepts
//! exactly `digits` or `digits.digits` with at most 15 significant digits
//! (USDA's values have at most 7), which it parses exactly and fast with
//! [`parse_decimal`]. Nutrient values may be zero; portion
//! amounts and gram weights must be more than zero. Counts, NDB numbers and
//! group indices are unsigned decimal integers.
//!
//! Text fields (group names, descriptions, units) are never empty and never
//! contain a tab, `|`, carriage return or line feed; descriptions do not
//! start with `#`. The decoder borrows them from the input (zero-copy).
//!
//! Because the app checks the table at start-up, [`decode`] validates every
//! rule above and reports the first violation with its line number; it never
//! panics, whatever the input.

use std::fmt;

use super::FoodTable;
use crate::foods::food::{Food, FoodGroup, FoodGroupId, NdbNumber, NutrientValues, Portion};
use crate::foods::nutrient::Nutrient;
use crate::units::decimal::{parse_decimal, short_decimal_prefix};

/// The format name on the first line.
const FORMAT_NAME: &str = "electrolyte-planner-food-table";
/// The format version on the first line; bump it on any layout change.
const FORMAT_VERSION: &str = "1";

const GROUPS_SECTION: &str = "groups";
const NDB_SECTION: &str = "ndb";
const GROUP_SECTION: &str = "group";
const DESCRIPTION_SECTION: &str = "description";
const PORTIONS_SECTION: &str = "portions";

/// One section per nutrient, in the order of [`Nutrient::ALL`].
const NUTRIENT_SECTIONS: [(Nutrient, &str); 6] = [
    (Nutrient::Energy, "energy_kcal"),
    (Nutrient::Water, "water_g"),
    (Nutrient::Potassium, "potassium_mg"),
    (Nutrient::Magnesium, "magnesium_mg"),
    (Nutrient::Calcium, "calcium_mg"),
    (Nutrient::Sodium, "sodium_mg"),
];

/// Most food groups a table can have ([`FoodGroupId`] is a `u8`).
const MAX_GROUPS: usize = 256;
/// Most foods a table can have (one per five-digit NDB number).
const MAX_FOODS: usize = NdbNumber::MAX as usize + 1;

/// Separates the fields of a group line and of a portion.
const FIELD_SEPARATOR: u8 = b'\t';
/// Separates the portions of a food.
const PORTION_SEPARATOR: u8 = b'|';

// ---------------------------------------------------------------- encoding

/// Writes `table` in the format described in the [module docs](self).
///
/// Text fields must follow the format's rules (no tab, `|`, CR or LF; no
/// description starting with `#`) and numbers must be finite and not
/// negative; `tools/usda-convert` checks this before encoding and decodes its
/// output again to be sure.
pub fn encode(table: &FoodTable) -> String {
    let foods = table.foods();
    let mut out = String::new();
    out.push_str(FORMAT_NAME);
    out.push(' ');
    out.push_str(FORMAT_VERSION);
    out.push('\n');
    push_groups(&mut out, table.groups());
    push_ndb_numbers(&mut out, foods);
    push_section(&mut out, GROUP_SECTION, foods, |out, food| {
        push_number(out, food.group.0)
    });
    push_section(&mut out, DESCRIPTION_SECTION, foods, |out, food| {
        out.push_str(food.description)
    });
    for (nutrient, name) in NUTRIENT_SECTIONS {
        push_section(&mut out, name, foods, |out, food| {
            if let Some(value) = food.per_100g.get(nutrient) {
                push_number(out, value);
            }
        });
    }
    push_section(&mut out, PORTIONS_SECTION, foods, |out, food| {
        push_portions(out, &food.portions)
    });
    out
}

fn push_groups(out: &mut String, groups: &[FoodGroup]) {
    push_counted_header(out, GROUPS_SECTION, groups.len());
    for group in groups {
        out.push_str(group.code);
        out.push(char::from(FIELD_SEPARATOR));
        out.push_str(group.name);
        out.push('\n');
    }
}

fn push_ndb_numbers(out: &mut String, foods: &[Food]) {
    push_counted_header(out, NDB_SECTION, foods.len());
    let mut previous = 0;
    for food in foods {
        let ndb = food.ndb.value();
        push_number(out, ndb - previous);
        out.push('\n');
        previous = ndb;
    }
}

fn push_portions(out: &mut String, portions: &[Portion]) {
    for (i, portion) in portions.iter().enumerate() {
        if i > 0 {
            out.push(char::from(PORTION_SEPARATOR));
        }
        push_number(out, portion.amount);
        out.push(char::from(FIELD_SEPARATOR));
        out.push_str(portion.unit);
        out.push(char::from(FIELD_SEPARATOR));
        push_number(out, portion.grams);
    }
}

/// Writes `#name`, then one line per food.
fn push_section(
    out: &mut String,
    name: &str,
    foods: &[Food],
    mut push_line: impl FnMut(&mut String, &Food),
) {
    out.push('#');
    out.push_str(name);
    out.push('\n');
    for food in foods {
        push_line(out, food);
        out.push('\n');
    }
}

fn push_counted_header(out: &mut String, name: &str, count: usize) {
    out.push('#');
    out.push_str(name);
    out.push(' ');
    push_number(out, count);
    out.push('\n');
}

/// Appends `value` as `Display` writes it (for `f64`: shortest round trip).
fn push_number(out: &mut String, value: impl fmt::Display) {
    use fmt::Write;
    write!(out, "{value}").expect("writing to a String cannot fail");
}

// ---------------------------------------------------------------- decoding

/// Why a text is not a valid food table, and on which line.
#[derive(Debug, Clone, PartialEq)]
pub struct DecodeError {
    /// 1-based line number where the problem was found.
    line: usize,
    problem: Problem,
}

/// What exactly is wrong; the input excerpts borrow from the decoded text.
#[derive(Debug, Clone, PartialEq)]
enum Problem {
    NotAFoodTable,
    UnsupportedVersion(&'static str),
    CarriageReturn,
    UnexpectedEnd,
    MissingFinalNewline,
    TrailingText,
    ExpectedHeader {
        section: &'static str,
        found: &'static str,
    },
    SectionTooShort {
        section: &'static str,
        found: usize,
        expected: usize,
    },
    TooMany {
        what: &'static str,
        count: usize,
        max: usize,
    },
    BadInteger(&'static str),
    BadNumber(&'static str),
    NegativeNumber(&'static str),
    TooManyDigits(&'static str),
    NotPositive {
        what: &'static str,
        text: &'static str,
    },
    Empty(&'static str),
    BadGroupLine(&'static str),
    BadGroupCode(&'static str),
    GroupsNotSorted(&'static str),
    GroupOutOfRange {
        index: usize,
        groups: usize,
    },
    NdbNotAscending(&'static str),
    DuplicateNdb(NdbNumber),
    NdbTooLarge,
    BadPortion(&'static str),
}

impl DecodeError {
    fn at(line: usize, problem: Problem) -> DecodeError {
        DecodeError { line, problem }
    }
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "food table, line {}: {}", self.line, self.problem)
    }
}

impl std::error::Error for DecodeError {}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Problem::NotAFoodTable => write!(
                f,
                "not a food table (the first line should be `{FORMAT_NAME} {FORMAT_VERSION}`)"
            ),
            Problem::UnsupportedVersion(version) => write!(
                f,
                "format version `{}` is not supported (this app reads version {FORMAT_VERSION})",
                excerpt(version)
            ),
            Problem::CarriageReturn => write!(
                f,
                "carriage return found: lines must end in LF only (was the file checked out with CRLF?)"
            ),
            Problem::UnexpectedEnd => write!(f, "unexpected end of the text (truncated?)"),
            Problem::MissingFinalNewline => {
                write!(f, "the last line has no line feed (truncated?)")
            }
            Problem::TrailingText => write!(f, "unexpected text after the last section"),
            Problem::ExpectedHeader { section, found } => write!(
                f,
                "expected the section header `#{section}`, found `{}` (wrong line count in the previous section?)",
                excerpt(found)
            ),
            Problem::SectionTooShort {
                section,
                found,
                expected,
            } => write!(
                f,
                "section `#{section}` has {found} lines, expected {expected} (one per food)"
            ),
            Problem::TooMany { what, count, max } => {
                write!(f, "{count} {what}, at most {max} allowed")
            }
            Problem::BadInteger(text) => {
                write!(f, "`{}` is not an unsigned integer", excerpt(text))
            }
            Problem::BadNumber(text) => write!(
                f,
                "`{}` is not a plain decimal number like 12 or 0.5",
                excerpt(text)
            ),
            Problem::NegativeNumber(text) => {
                write!(f, "`{}` is negative, which no amount can be", excerpt(text))
            }
            Problem::TooManyDigits(text) => write!(
                f,
                "`{}` has more digits than a number can hold exactly",
                excerpt(text)
            ),
            Problem::NotPositive { what, text } => {
                write!(f, "{what} `{}` must be more than zero", excerpt(text))
            }
            Problem::Empty(what) => write!(f, "{what} is empty"),
            Problem::BadGroupLine(text) => write!(
                f,
                "`{}` is not a group line `code<TAB>name`",
                excerpt(text)
            ),
            Problem::BadGroupCode(code) => {
                write!(f, "group code `{}` is not four digits", excerpt(code))
            }
            Problem::GroupsNotSorted(code) => write!(
                f,
                "group code `{code}` is not after the previous one (groups must be sorted by code, no duplicates)"
            ),
            Problem::GroupOutOfRange { index, groups } => write!(
                f,
                "group index {index} does not exist (the table has {groups} groups)"
            ),
            Problem::NdbNotAscending(text) => write!(
                f,
                "NDB step `{}` is negative: foods must be sorted by NDB number",
                excerpt(text)
            ),
            Problem::DuplicateNdb(ndb) => write!(f, "NDB number {ndb} appears twice"),
            Problem::NdbTooLarge => write!(f, "NDB number is larger than {}", NdbNumber::MAX),
            Problem::BadPortion(text) => write!(
                f,
                "portion `{}` is not `amount<TAB>unit<TAB>grams`",
                excerpt(text)
            ),
        }
    }
}

/// At most the first 40 characters of `text`, for error messages.
fn excerpt(text: &str) -> &str {
    match text.char_indices().nth(40) {
        Some((end, _)) => &text[..end],
        None => text,
    }
}

/// Reads a food table written by [`encode`] (format in the [module docs](self)).
/// Text fields of the result borrow from `text`.
///
/// The app decodes the table at every start, so this is written for speed:
/// lines and fields are found by byte search (eight bytes at a time), which
/// slices the text safely because every separator is ASCII; the foods are
/// built in place, section after section; and the nutrient and portion
/// lines take a fast path that checks and parses them in one pass, leaving
/// any line it does not take to the full checks that report errors.
pub fn decode(text: &'static str) -> Result<FoodTable, DecodeError> {
    reject_carriage_returns(text)?;
    let mut lines = Lines::new(text);
    read_format_line(&mut lines)?;
    let groups = read_groups(&mut lines)?;
    let mut foods = read_ndb_numbers(&mut lines)?;
    let count = foods.len();
    read_section(
        &mut lines,
        GROUP_SECTION,
        count,
        no_fast_path,
        |line| parse_group_index(line, groups.len()),
        |i, group| foods[i].group = group,
    )?;
    read_section(
        &mut lines,
        DESCRIPTION_SECTION,
        count,
        no_fast_path,
        |line| non_empty(line, "description"),
        |i, description| foods[i].description = description,
    )?;
    let mut values = vec![[None; 6]; count];
    for (nutrient, name) in NUTRIENT_SECTIONS {
        read_section(
            &mut lines,
            name,
            count,
            optional_number_prefix,
            parse_optional_number,
            |i, value| values[i][nutrient.index()] = value,
        )?;
    }
    read_section(
        &mut lines,
        PORTIONS_SECTION,
        count,
        portions_prefix,
        parse_portions,
        |i, portions| foods[i].portions = portions,
    )?;
    lines.expect_end()?;
    for (food, values) in foods.iter_mut().zip(values) {
        food.per_100g = NutrientValues::new(values);
    }
    Ok(FoodTable::new(foods, groups))
}

/// Walks the text line by line, remembering the current line number.
struct Lines {
    rest: &'static str,
    /// Number of the line last returned (0 before the first).
    number: usize,
}

impl Lines {
    fn new(text: &'static str) -> Lines {
        Lines {
            rest: text,
            number: 0,
        }
    }

    /// The next line, without its line feed.
    fn next_line(&mut self) -> Result<&'static str, DecodeError> {
        if self.rest.is_empty() {
            return Err(DecodeError::at(self.number + 1, Problem::UnexpectedEnd));
        }
        let (line, rest) = split_once_byte(self.rest, b'\n')
            .ok_or_else(|| DecodeError::at(self.number + 1, Problem::MissingFinalNewline))?;
        self.rest = rest;
        self.number += 1;
        Ok(line)
    }

    /// Reads the next line with a section's fast path `fast` (see
    /// [`read_section`]); `None` if `fast` does not take it.
    fn next_line_fast<T>(
        &mut self,
        fast: impl Fn(&'static str) -> Option<(T, usize)>,
    ) -> Option<T> {
        let (value, length) = fast(self.rest)?;
        if self.rest.as_bytes().get(length) != Some(&b'\n') {
            return None;
        }
        // Slicing just after an ASCII line feed: a character boundary.
        self.rest = &self.rest[length + 1..];
        self.number += 1;
        Some(value)
    }

    /// An error about the line last returned.
    fn error(&self, problem: Problem) -> DecodeError {
        DecodeError::at(self.number, problem)
    }

    fn expect_end(&self) -> Result<(), DecodeError> {
        if self.rest.is_empty() {
            Ok(())
        } else {
            Err(DecodeError::at(self.number + 1, Problem::TrailingText))
        }
    }
}

/// The text before and after the first `separator`, an ASCII byte (so both
/// sides are valid UTF-8), or `None` if there is none.
fn split_once_byte(text: &'static str, separator: u8) -> Option<(&'static str, &'static str)> {
    let at = find_byte(text.as_bytes(), separator)?;
    Some((&text[..at], &text[at + 1..]))
}

/// Position of the first `needle` in `haystack`.
fn find_byte(haystack: &[u8], needle: u8) -> Option<usize> {
    find_any(haystack, [needle])
}

/// Position of the first byte of `haystack` that is one of `needles`,
/// looking at eight bytes at a time: far faster than `str::find` on the
/// many short lines and fields of the table.
fn find_any<const N: usize>(haystack: &[u8], needles: [u8; N]) -> Option<usize> {
    const ONES: u64 = u64::from_ne_bytes([0x01; 8]);
    const HIGH_BITS: u64 = u64::from_ne_bytes([0x80; 8]);
    let mut chunks = haystack.chunks_exact(8);
    let mut offset = 0;
    for chunk in &mut chunks {
        let word = u64::from_le_bytes(chunk.try_into().expect("chunks of eight bytes"));
        // A byte of `diff` is zero where `word` has `needle`; the lowest
        // flagged byte is exactly the first one (bytes after it may be
        // flagged falsely, never bytes before it).
        let found = needles.iter().fold(0, |found, &needle| {
            let diff = word ^ (ONES * u64::from(needle));
            found | (diff.wrapping_sub(ONES) & !diff & HIGH_BITS)
        });
        if found != 0 {
            return Some(offset + found.trailing_zeros() as usize / 8);
        }
        offset += 8;
    }
    let tail = chunks
        .remainder()
        .iter()
        .position(|b| needles.contains(b))?;
    Some(offset + tail)
}

fn reject_carriage_returns(text: &str) -> Result<(), DecodeError> {
    match find_byte(text.as_bytes(), b'\r') {
        Some(position) => {
            let line = 1 + text[..position].bytes().filter(|&b| b == b'\n').count();
            Err(DecodeError::at(line, Problem::CarriageReturn))
        }
        None => Ok(()),
    }
}

fn read_format_line(lines: &mut Lines) -> Result<(), DecodeError> {
    let line = lines.next_line()?;
    match line.split_once(' ') {
        Some((FORMAT_NAME, FORMAT_VERSION)) => Ok(()),
        Some((FORMAT_NAME, version)) => Err(lines.error(Problem::UnsupportedVersion(version))),
        _ => Err(lines.error(Problem::NotAFoodTable)),
    }
}

/// Reads a `#name count` header and checks that at most `max` `what` follow.
fn read_counted_header(
    lines: &mut Lines,
    name: &'static str,
    what: &'static str,
    max: usize,
) -> Result<usize, DecodeError> {
    let line = lines.next_line()?;
    let count_text = line
        .strip_prefix('#')
        .and_then(|rest| rest.strip_prefix(name))
        .and_then(|rest| rest.strip_prefix(' '))
        .ok_or_else(|| {
            lines.error(Problem::ExpectedHeader {
                section: name,
                found: line,
            })
        })?;
    let count = parse_integer(count_text).map_err(|problem| lines.error(problem))?;
    if count > max {
        return Err(lines.error(Problem::TooMany { what, count, max }));
    }
    Ok(count)
}

fn read_groups(lines: &mut Lines) -> Result<Vec<FoodGroup>, DecodeError> {
    let count = read_counted_header(lines, GROUPS_SECTION, "food groups", MAX_GROUPS)?;
    let mut groups: Vec<FoodGroup> = Vec::with_capacity(count);
    for found in 0..count {
        let line = next_data_line(lines, GROUPS_SECTION, found, count)?;
        let group = parse_group(line, groups.last()).map_err(|problem| lines.error(problem))?;
        groups.push(group);
    }
    Ok(groups)
}

fn parse_group(line: &'static str, previous: Option<&FoodGroup>) -> Result<FoodGroup, Problem> {
    let (code, name) = line
        .split_once(char::from(FIELD_SEPARATOR))
        .filter(|(_, name)| !name.contains(char::from(FIELD_SEPARATOR)))
        .ok_or(Problem::BadGroupLine(line))?;
    if code.len() != 4 || !code.bytes().all(|b| b.is_ascii_digit()) {
        return Err(Problem::BadGroupCode(code));
    }
    if previous.is_some_and(|previous| previous.code >= code) {
        return Err(Problem::GroupsNotSorted(code));
    }
    let name = non_empty(name, "group name")?;
    Ok(FoodGroup { code, name })
}

/// Reads the `#ndb` section: one food per NDB number, the other fields
/// still empty for the following sections to fill in.
fn read_ndb_numbers(lines: &mut Lines) -> Result<Vec<Food>, DecodeError> {
    let count = read_counted_header(lines, NDB_SECTION, "foods", MAX_FOODS)?;
    let mut foods: Vec<Food> = Vec::with_capacity(count);
    for found in 0..count {
        let line = next_data_line(lines, NDB_SECTION, found, count)?;
        let previous = foods.last().map(|food| food.ndb);
        let ndb = parse_ndb_step(line, previous).map_err(|p| lines.error(p))?;
        foods.push(Food {
            ndb,
            description: "",
            group: FoodGroupId(0),
            per_100g: NutrientValues::default(),
            portions: Vec::new(),
        });
    }
    Ok(foods)
}

/// The NDB number `line` leads to: absolute for the first food, else the
/// (positive) step from the previous food's number.
fn parse_ndb_step(line: &'static str, previous: Option<NdbNumber>) -> Result<NdbNumber, Problem> {
    if line.starts_with('-') {
        return Err(Problem::NdbNotAscending(line));
    }
    let step = u32::try_from(parse_integer(line)?).map_err(|_| Problem::NdbTooLarge)?;
    let value = match previous {
        None => step,
        Some(previous) if step == 0 => return Err(Problem::DuplicateNdb(previous)),
        Some(previous) => previous
            .value()
            .checked_add(step)
            .ok_or(Problem::NdbTooLarge)?,
    };
    NdbNumber::new(value).ok_or(Problem::NdbTooLarge)
}

/// Reads the header `#name`, then `count` data lines, handing the value of
/// each and its 0-based index to `store`.
///
/// The values come from `parse`, which checks every rule and so reports
/// errors. `fast` may read a value first, straight from the rest of the
/// text: it returns the value and the position of the line feed ending its
/// line, or `None` to leave the line to `parse`. It must only take lines
/// that `parse` takes, with the same value; it skips the work of finding the
/// line first and of the general checks, and it runs once per food.
fn read_section<T>(
    lines: &mut Lines,
    name: &'static str,
    count: usize,
    fast: impl Fn(&'static str) -> Option<(T, usize)>,
    parse: impl Fn(&'static str) -> Result<T, Problem>,
    mut store: impl FnMut(usize, T),
) -> Result<(), DecodeError> {
    read_header(lines, name)?;
    for found in 0..count {
        let value = match lines.next_line_fast(&fast) {
            Some(value) => value,
            None => {
                let line = next_data_line(lines, name, found, count)?;
                parse(line).map_err(|problem| lines.error(problem))?
            }
        };
        store(found, value);
    }
    Ok(())
}

/// The `fast` of [`read_section`] for sections without a fast path.
fn no_fast_path<T>(_: &'static str) -> Option<(T, usize)> {
    None
}

/// Fast path of a nutrient line (see [`read_section`]): empty, or a short
/// plain decimal.
fn optional_number_prefix(text: &'static str) -> Option<(Option<f64>, usize)> {
    match text.as_bytes().first() {
        Some(b'\n') => Some((None, 0)),
        _ => short_decimal_prefix(text.as_bytes()).map(|(value, length)| (Some(value), length)),
    }
}

/// Fast path of a portions line (see [`read_section`]): portions with short
/// numbers more than zero, and units without a tab, `|` or line feed.
fn portions_prefix(text: &'static str) -> Option<(Vec<Portion>, usize)> {
    let bytes = text.as_bytes();
    let mut portions = Vec::new();
    if bytes.first() == Some(&b'\n') {
        return Some((portions, 0));
    }
    let positive_number = |at: usize| {
        let (value, length) = short_decimal_prefix(bytes.get(at..)?)?;
        (value > 0.0).then_some((value, at + length))
    };
    let mut at = 0;
    loop {
        let (amount, end) = positive_number(at)?;
        if bytes.get(end) != Some(&FIELD_SEPARATOR) {
            return None;
        }
        let unit_start = end + 1;
        let unit_length = find_any(
            bytes.get(unit_start..)?,
            [FIELD_SEPARATOR, PORTION_SEPARATOR, b'\n'],
        )?;
        let unit_end = unit_start + unit_length;
        if unit_length == 0 || bytes.get(unit_end) != Some(&FIELD_SEPARATOR) {
            return None;
        }
        let (grams, end) = positive_number(unit_end + 1)?;
        portions.push(Portion {
            amount,
            // Between two tabs: character boundaries.
            unit: &text[unit_start..unit_end],
            grams,
        });
        match bytes.get(end)? {
            &PORTION_SEPARATOR => at = end + 1,
            b'\n' => return Some((portions, end)),
            _ => return None,
        }
    }
}

/// Reads the header line `#name`.
fn read_header(lines: &mut Lines, name: &'static str) -> Result<(), DecodeError> {
    let header = lines.next_line()?;
    if header.strip_prefix('#') == Some(name) {
        Ok(())
    } else {
        Err(lines.error(Problem::ExpectedHeader {
            section: name,
            found: header,
        }))
    }
}

/// The next line of a section that already has `found` of `expected` lines;
/// a header line there means the section is too short.
fn next_data_line(
    lines: &mut Lines,
    section: &'static str,
    found: usize,
    expected: usize,
) -> Result<&'static str, DecodeError> {
    let line = lines.next_line()?;
    if line.starts_with('#') {
        return Err(lines.error(Problem::SectionTooShort {
            section,
            found,
            expected,
        }));
    }
    Ok(line)
}

fn parse_group_index(line: &'static str, groups: usize) -> Result<FoodGroupId, Problem> {
    let index = parse_integer(line)?;
    u8::try_from(index)
        .ok()
        .filter(|_| index < groups)
        .map(FoodGroupId)
        .ok_or(Problem::GroupOutOfRange { index, groups })
}

fn parse_portions(line: &'static str) -> Result<Vec<Portion>, Problem> {
    if line.is_empty() {
        return Ok(Vec::new());
    }
    line.split(char::from(PORTION_SEPARATOR))
        .map(parse_portion)
        .collect()
}

fn parse_portion(text: &'static str) -> Result<Portion, Problem> {
    let mut fields = text.split(char::from(FIELD_SEPARATOR));
    let (Some(amount), Some(unit), Some(grams), None) =
        (fields.next(), fields.next(), fields.next(), fields.next())
    else {
        return Err(Problem::BadPortion(text));
    };
    Ok(Portion {
        amount: parse_positive(amount, "portion amount")?,
        unit: non_empty(unit, "portion unit")?,
        grams: parse_positive(grams, "portion weight")?,
    })
}

fn non_empty(text: &'static str, what: &'static str) -> Result<&'static str, Problem> {
    if text.is_empty() {
        Err(Problem::Empty(what))
    } else {
        Ok(text)
    }
}

/// An unsigned decimal integer (digits only) that fits a `usize`.
fn parse_integer(text: &'static str) -> Result<usize, Problem> {
    let value = text.bytes().try_fold(0usize, |value, byte| {
        let digit = byte.wrapping_sub(b'0');
        if digit > 9 {
            return None;
        }
        value.checked_mul(10)?.checked_add(usize::from(digit))
    });
    match value {
        Some(value) if !text.is_empty() => Ok(value),
        _ => Err(Problem::BadInteger(text)),
    }
}

/// Empty means unknown; anything else must be a number.
fn parse_optional_number(text: &'static str) -> Result<Option<f64>, Problem> {
    if text.is_empty() {
        Ok(None)
    } else {
        parse_number(text).map(Some)
    }
}

fn parse_positive(text: &'static str, what: &'static str) -> Result<f64, Problem> {
    let value = parse_number(text)?;
    if value > 0.0 {
        Ok(value)
    } else {
        Err(Problem::NotPositive { what, text })
    }
}

/// A non-negative plain decimal, `digits` or `digits.digits`, parsed exactly
/// (see [`parse_decimal`]).
fn parse_number(text: &'static str) -> Result<f64, Problem> {
    if text.starts_with('-') {
        return Err(Problem::NegativeNumber(text));
    }
    let is_plain_decimal = match text.split_once('.') {
        Some((whole, fraction)) => is_digits(whole) && is_digits(fraction),
        None => is_digits(text),
    };
    if !is_plain_decimal {
        return Err(Problem::BadNumber(text));
    }
    parse_decimal(text).ok_or(Problem::TooManyDigits(text))
}

fn is_digits(text: &str) -> bool {
    !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ndb(value: u32) -> NdbNumber {
        NdbNumber::new(value).unwrap()
    }

    fn portion(amount: f64, unit: &'static str, grams: f64) -> Portion {
        Portion {
            amount,
            unit,
            grams,
        }
    }

    /// Three foods: a gap in the values, quotes in a unit, one without portions.
    fn sample() -> FoodTable {
        let groups = vec![
            FoodGroup {
                code: "0100",
                name: "Dairy and Egg Products",
            },
            FoodGroup {
                code: "0900",
                name: "Fruits and Fruit Juices",
            },
        ];
        let foods = vec![
            Food {
                ndb: ndb(1001),
                description: "Butter, salted",
                group: FoodGroupId(0),
                per_100g: NutrientValues::new([
                    Some(717.0),
                    Some(15.87),
                    Some(24.0),
                    Some(2.0),
                    Some(24.0),
                    Some(643.0),
                ]),
                portions: vec![
                    portion(1.0, "pat (1\" sq, 1/3\" high)", 5.0),
                    portion(0.5, "cup", 113.5),
                ],
            },
            Food {
                ndb: ndb(1002),
                description: "Crème, « test »",
                group: FoodGroupId(0),
                per_100g: NutrientValues::new([
                    Some(1234.567891),
                    None,
                    Some(0.0),
                    Some(1e-7),
                    Some(1e21),
                    Some(0.083),
                ]),
                portions: vec![],
            },
            Food {
                ndb: ndb(9040),
                description: "Bananas, raw",
                group: FoodGroupId(1),
                per_100g: NutrientValues::new([
                    Some(89.0),
                    Some(74.91),
                    Some(358.0),
                    Some(27.0),
                    Some(5.0),
                    Some(1.0),
                ]),
                portions: vec![portion(1.0, "medium (7\" to 7-7/8\" long)", 118.0)],
            },
        ];
        FoodTable::new(foods, groups)
    }

    const SAMPLE_TEXT: &str = "\
electrolyte-planner-food-table 1
#groups 2
0100\tDairy and Egg Products
0900\tFruits and Fruit Juices
#ndb 3
1001
1
8038
#group
0
0
1
#description
Butter, salted
Crème, « test »
Bananas, raw
#energy_kcal
717
1234.567891
89
#water_g
15.87

74.91
#potassium_mg
24
0
358
#magnesium_mg
2
0.0000001
27
#calcium_mg
24
1000000000000000000000
5
#sodium_mg
643
0.083
1
#portions
1\tpat (1\" sq, 1/3\" high)\t5|0.5\tcup\t113.5

1\tmedium (7\" to 7-7/8\" long)\t118
";

    fn leak(text: String) -> &'static str {
        Box::leak(text.into_boxed_str())
    }

    fn decode_err(text: String) -> DecodeError {
        decode(leak(text)).expect_err("the text should be refused")
    }

    /// `SAMPLE_TEXT` with 1-based line `number` replaced by `new`.
    fn with_line(number: usize, new: &str) -> String {
        SAMPLE_TEXT
            .split_inclusive('\n')
            .enumerate()
            .map(|(i, line)| {
                if i + 1 == number {
                    format!("{new}\n")
                } else {
                    line.to_string()
                }
            })
            .collect()
    }

    /// 1-based number of the first line equal to `line` in `SAMPLE_TEXT`.
    fn line_of(line: &str) -> usize {
        1 + SAMPLE_TEXT.lines().position(|l| l == line).unwrap()
    }

    #[test]
    fn nutrient_sections_follow_storage_order() {
        let order: Vec<Nutrient> = NUTRIENT_SECTIONS.iter().map(|(n, _)| *n).collect();
        assert_eq!(order, Nutrient::ALL);
    }

    #[test]
    fn encodes_to_the_documented_layout() {
        assert_eq!(encode(&sample()), SAMPLE_TEXT);
    }

    #[test]
    fn round_trips_exactly() {
        let table = sample();
        let decoded = decode(leak(encode(&table))).unwrap();
        assert_eq!(decoded, table);
        let second = &decoded.foods()[1];
        assert_eq!(second.per_100g.get(Nutrient::Water), None);
        assert_eq!(second.per_100g.get(Nutrient::Energy), Some(1234.567891));
        assert!(second.portions.is_empty());
        assert_eq!(
            decoded.foods()[2].portions[0].unit,
            "medium (7\" to 7-7/8\" long)"
        );
    }

    #[test]
    fn text_fields_borrow_from_the_input() {
        let table = decode(SAMPLE_TEXT).unwrap();
        let input = SAMPLE_TEXT.as_bytes().as_ptr_range();
        let description = table.foods()[0].description.as_ptr();
        let unit = table.foods()[0].portions[0].unit.as_ptr();
        let group = table.groups()[1].name.as_ptr();
        assert!([description, unit, group].iter().all(|p| input.contains(p)));
    }

    #[test]
    fn an_empty_table_round_trips() {
        let empty = FoodTable::new(vec![], vec![]);
        let text = encode(&empty);
        assert_eq!(
            text,
            "electrolyte-planner-food-table 1\n#groups 0\n#ndb 0\n#group\n#description\n\
             #energy_kcal\n#water_g\n#potassium_mg\n#magnesium_mg\n#calcium_mg\n#sodium_mg\n\
             #portions\n"
        );
        assert_eq!(decode(leak(text)).unwrap(), empty);
    }

    #[test]
    fn refuses_truncated_input() {
        let cut = &SAMPLE_TEXT[..SAMPLE_TEXT.len() - 1];
        let err = decode_err(cut.to_string());
        assert_eq!(err.problem, Problem::MissingFinalNewline);
        assert_eq!(err.line, SAMPLE_TEXT.lines().count());

        let half = SAMPLE_TEXT.split_inclusive('\n').take(20).collect();
        let err = decode_err(half);
        assert_eq!(err, DecodeError::at(21, Problem::UnexpectedEnd));
        assert!(err.to_string().contains("line 21"), "{err}");
        assert_eq!(decode_err(String::new()).problem, Problem::UnexpectedEnd);
    }

    #[test]
    fn refuses_other_versions_and_formats() {
        let err = decode_err(with_line(1, "electrolyte-planner-food-table 2"));
        assert_eq!(err, DecodeError::at(1, Problem::UnsupportedVersion("2")));
        assert!(err.to_string().contains("version `2`"), "{err}");
        for garbage in [
            "hello world\n",
            "\u{feff}electrolyte-planner-food-table 1\n",
            "\n",
        ] {
            let err = decode_err(garbage.to_string());
            assert_eq!(
                err,
                DecodeError::at(1, Problem::NotAFoodTable),
                "{garbage:?}"
            );
        }
        let err = decode_err("garbage".repeat(1000));
        assert_eq!(err.problem, Problem::MissingFinalNewline);
    }

    #[test]
    fn refuses_bad_numbers() {
        let line = line_of("15.87");
        let cases = [
            ("abc", Problem::BadNumber("abc")),
            ("1e5", Problem::BadNumber("1e5")),
            ("inf", Problem::BadNumber("inf")),
            ("NaN", Problem::BadNumber("NaN")),
            (".5", Problem::BadNumber(".5")),
            ("5.", Problem::BadNumber("5.")),
            ("+5", Problem::BadNumber("+5")),
            (" 5", Problem::BadNumber(" 5")),
            ("1.2.3", Problem::BadNumber("1.2.3")),
            ("-1", Problem::NegativeNumber("-1")),
        ];
        for (text, problem) in cases {
            assert_eq!(
                decode_err(with_line(line, text)),
                DecodeError::at(line, problem)
            );
        }
        let huge = leak(format!("1{}", "0".repeat(400)));
        let err = decode_err(with_line(line, huge));
        assert_eq!(err, DecodeError::at(line, Problem::TooManyDigits(huge)));
        assert!(
            err.to_string().len() < 200,
            "excerpt keeps messages short: {err}"
        );
    }

    #[test]
    fn refuses_unsorted_or_duplicate_ndb_numbers() {
        let line = line_of("8038");
        let err = decode_err(with_line(line, "-5"));
        assert_eq!(err, DecodeError::at(line, Problem::NdbNotAscending("-5")));
        let err = decode_err(with_line(line, "0"));
        assert_eq!(err, DecodeError::at(line, Problem::DuplicateNdb(ndb(1002))));
        let err = decode_err(with_line(line, "98998"));
        assert_eq!(err, DecodeError::at(line, Problem::NdbTooLarge));
        let err = decode_err(with_line(line, "99999999999999999999999"));
        assert_eq!(err.problem, Problem::BadInteger("99999999999999999999999"));
        assert_eq!(
            decode_err(with_line(line - 2, "100000")).problem,
            Problem::NdbTooLarge
        );
    }

    #[test]
    fn refuses_wrong_counts() {
        let err = decode_err(with_line(line_of("#ndb 3"), "#ndb 4"));
        assert_eq!(err.line, line_of("#group"));
        assert_eq!(
            err.problem,
            Problem::SectionTooShort {
                section: "ndb",
                found: 3,
                expected: 4
            }
        );
        let err = decode_err(with_line(line_of("#ndb 3"), "#ndb 2"));
        assert_eq!(err.line, line_of("8038"));
        assert!(matches!(
            err.problem,
            Problem::ExpectedHeader {
                section: "group",
                ..
            }
        ));
        let err = decode_err(with_line(line_of("#groups 2"), "#groups 300"));
        assert!(matches!(err.problem, Problem::TooMany { count: 300, .. }));
        let err = decode_err(with_line(line_of("#ndb 3"), "#ndb 400000"));
        assert!(matches!(err.problem, Problem::TooMany { .. }));
        let err = decode_err(SAMPLE_TEXT.replace("\n#sodium_mg\n643\n", "\n#sodium_mg\n"));
        assert!(matches!(
            err.problem,
            Problem::SectionTooShort { found: 2, .. }
        ));
        let err = decode_err(format!("{SAMPLE_TEXT}\n"));
        assert_eq!(
            err,
            DecodeError::at(SAMPLE_TEXT.lines().count() + 1, Problem::TrailingText)
        );
    }

    #[test]
    fn refuses_bad_groups() {
        let line = line_of("#group") + 1;
        let err = decode_err(with_line(line + 1, "2"));
        assert_eq!(
            err.problem,
            Problem::GroupOutOfRange {
                index: 2,
                groups: 2
            }
        );
        assert_eq!(
            err.to_string(),
            format!(
                "food table, line {}: group index 2 does not exist (the table has 2 groups)",
                line + 1
            )
        );
        let err = decode_err(with_line(line + 1, "300"));
        assert_eq!(
            err.problem,
            Problem::GroupOutOfRange {
                index: 300,
                groups: 2
            }
        );
        let first_group = line_of("#groups 2") + 1;
        let cases = [
            ("0100 Dairy", Problem::BadGroupLine("0100 Dairy")),
            (
                "0100\tDairy\tEggs",
                Problem::BadGroupLine("0100\tDairy\tEggs"),
            ),
            ("100\tDairy", Problem::BadGroupCode("100")),
            ("0a00\tDairy", Problem::BadGroupCode("0a00")),
            ("0100\t", Problem::Empty("group name")),
            ("0100\tDairy again", Problem::GroupsNotSorted("0100")),
        ];
        for (text, problem) in cases {
            let number = if matches!(problem, Problem::GroupsNotSorted(_)) {
                first_group + 1
            } else {
                first_group
            };
            let err = decode_err(with_line(number, text));
            assert_eq!(err, DecodeError::at(number, problem), "{text:?}");
        }
    }

    #[test]
    fn refuses_bad_portions_and_descriptions() {
        let line = line_of("#portions") + 1;
        let cases = [
            ("1\tcup", Problem::BadPortion("1\tcup")),
            ("1\tcup\t5\t6", Problem::BadPortion("1\tcup\t5\t6")),
            ("1\tcup\t5|", Problem::BadPortion("")),
            ("1\t\t5", Problem::Empty("portion unit")),
            (
                "0\tcup\t5",
                Problem::NotPositive {
                    what: "portion amount",
                    text: "0",
                },
            ),
            (
                "1\tcup\t0.0",
                Problem::NotPositive {
                    what: "portion weight",
                    text: "0.0",
                },
            ),
        ];
        for (text, problem) in cases {
            assert_eq!(
                decode_err(with_line(line, text)),
                DecodeError::at(line, problem)
            );
        }
        let description = line_of("Bananas, raw");
        let err = decode_err(with_line(description, ""));
        assert_eq!(
            err,
            DecodeError::at(description, Problem::Empty("description"))
        );
    }

    #[test]
    fn refuses_carriage_returns() {
        let err = decode_err(SAMPLE_TEXT.replace('\n', "\r\n"));
        assert_eq!(err, DecodeError::at(1, Problem::CarriageReturn));
        let err = decode_err(with_line(5, "1001\r"));
        assert_eq!(err, DecodeError::at(5, Problem::CarriageReturn));
    }

    #[test]
    fn error_messages_name_the_line_and_the_problem() {
        let err = decode_err(with_line(line_of("#group"), "#groups"));
        assert_eq!(
            err.to_string(),
            format!(
                "food table, line {}: expected the section header `#group`, found `#groups` \
                 (wrong line count in the previous section?)",
                line_of("#group")
            )
        );
        let boxed: Box<dyn std::error::Error> = Box::new(err);
        assert!(boxed.to_string().starts_with("food table, line"));
    }

    /// Deterministic xorshift generator, so failures reproduce.
    struct Rng(u64);

    impl Rng {
        fn below(&mut self, n: usize) -> usize {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            (self.0 % n as u64) as usize
        }
    }

    /// Decodes `text`; whatever decodes must survive another round trip.
    fn decode_without_panic(text: String) {
        if let Ok(table) = decode(leak(text)) {
            assert_eq!(decode(leak(encode(&table))).unwrap(), table);
        }
    }

    #[test]
    fn no_input_makes_the_decoder_panic() {
        let chars: Vec<(usize, char)> = SAMPLE_TEXT.char_indices().collect();
        for &(at, _) in &chars {
            decode_without_panic(SAMPLE_TEXT[..at].to_string());
        }
        const REPLACEMENTS: [&str; 12] = [
            "", "\n", "\t", "|", "#", "-", "0", "9", ".", "x", "é", "\n#",
        ];
        for &(at, c) in &chars {
            for replacement in REPLACEMENTS {
                let end = at + c.len_utf8();
                decode_without_panic(format!(
                    "{}{replacement}{}",
                    &SAMPLE_TEXT[..at],
                    &SAMPLE_TEXT[end..]
                ));
            }
        }
        let lines: Vec<&str> = SAMPLE_TEXT.split_inclusive('\n').collect();
        let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
        for _ in 0..3000 {
            let mut mutated = lines.clone();
            for _ in 0..1 + rng.below(3) {
                let i = rng.below(mutated.len());
                match rng.below(3) {
                    0 => {
                        let j = rng.below(mutated.len());
                        mutated.swap(i, j);
                    }
                    1 => {
                        mutated.remove(i);
                    }
                    _ => mutated.insert(i, lines[rng.below(lines.len())]),
                }
            }
            decode_without_panic(mutated.concat());
        }
    }
}
