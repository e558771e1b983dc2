//! Calendar dates for the diary: a civil (proleptic Gregorian) date from
//! 1900 to 2200, written and parsed as `YYYY-MM-DD`, with day arithmetic
//! and weekdays. No time zone: "today" is whatever date the app passes in.

use std::fmt;

use serde::{Deserialize, Serialize};

/// The first year a diary date may fall in.
pub const MIN_YEAR: i32 = 1900;

/// The last year a diary date may fall in.
pub const MAX_YEAR: i32 = 2200;

/// A day of the diary, from 1900-01-01 to 2200-12-31. Ordered by time.
///
/// Serialised as its `YYYY-MM-DD` text, also as a JSON object key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Date {
    // Field order gives the ordering: year, then month, then day.
    year: i32,
    month: u8,
    day: u8,
}

/// Why a text or numbers are not a diary date. Every message can be shown
/// as is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateError {
    /// Not written `YYYY-MM-DD`.
    Format,
    /// The year is outside [`MIN_YEAR`]..=[`MAX_YEAR`].
    YearOutOfRange,
    /// No such month or no such day in the month (2026-02-30).
    NoSuchDay,
}

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DateError::Format => write!(f, "not a date written YYYY-MM-DD, such as 2026-11-29"),
            DateError::YearOutOfRange => {
                write!(f, "only dates from {MIN_YEAR} to {MAX_YEAR} are kept")
            }
            DateError::NoSuchDay => write!(f, "not a date: no such day in the calendar"),
        }
    }
}

impl std::error::Error for DateError {}

/// A day of the week.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Weekday {
    /// Monday.
    Monday,
    /// Tuesday.
    Tuesday,
    /// Wednesday.
    Wednesday,
    /// Thursday.
    Thursday,
    /// Friday.
    Friday,
    /// Saturday.
    Saturday,
    /// Sunday.
    Sunday,
}

impl Weekday {
    /// Monday first, as ISO 8601 orders the week.
    pub const ALL: [Weekday; 7] = [
        Weekday::Monday,
        Weekday::Tuesday,
        Weekday::Wednesday,
        Weekday::Thursday,
        Weekday::Friday,
        Weekday::Saturday,
        Weekday::Sunday,
    ];

    /// "Monday".
    pub fn name(self) -> &'static str {
        match self {
            Weekday::Monday => "Monday",
            Weekday::Tuesday => "Tuesday",
            Weekday::Wednesday => "Wednesday",
            Weekday::Thursday => "Thursday",
            Weekday::Friday => "Friday",
            Weekday::Saturday => "Saturday",
            Weekday::Sunday => "Sunday",
        }
    }

    /// "Mon".
    pub fn short_name(self) -> &'static str {
        &self.name()[..3]
    }
}

/// Whether `year` has a 29 February.
fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// How many days `month` (1–12) of `year` has.
fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl Date {
    /// The date `year`-`month`-`day`, if it exists and is in range.
    pub fn new(year: i32, month: u32, day: u32) -> Result<Date, DateError> {
        if !(MIN_YEAR..=MAX_YEAR).contains(&year) {
            return Err(DateError::YearOutOfRange);
        }
        let month = u8::try_from(month)
            .ok()
            .filter(|m| (1..=12).contains(m))
            .ok_or(DateError::NoSuchDay)?;
        let day = u8::try_from(day)
            .ok()
            .filter(|d| (1..=days_in_month(year, month)).contains(d))
            .ok_or(DateError::NoSuchDay)?;
        Ok(Date { year, month, day })
    }

    /// Parses exactly `YYYY-MM-DD` (ASCII digits, zero-padded, no spaces).
    pub fn parse(text: &str) -> Result<Date, DateError> {
        let bytes = text.as_bytes();
        let digits = |range: std::ops::Range<usize>| {
            bytes[range].iter().try_fold(0u32, |n, &b| {
                b.is_ascii_digit().then(|| n * 10 + u32::from(b - b'0'))
            })
        };
        if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
            return Err(DateError::Format);
        }
        let (Some(year), Some(month), Some(day)) = (digits(0..4), digits(5..7), digits(8..10))
        else {
            return Err(DateError::Format);
        };
        // Four digits always fit an i32.
        Date::new(year as i32, month, day)
    }

    /// The year, e.g. 2026.
    pub fn year(self) -> i32 {
        self.year
    }

    /// The month, 1–12.
    pub fn month(self) -> u32 {
        u32::from(self.month)
    }

    /// The day of the month, 1–31.
    pub fn day(self) -> u32 {
        u32::from(self.day)
    }

    /// Days since 1970-01-01 (negative before it).
    pub fn days_since_epoch(self) -> i32 {
        // Howard Hinnant's days_from_civil, with March as the first month.
        let month = i32::from(self.month);
        let year = if month <= 2 { self.year - 1 } else { self.year };
        let era = year.div_euclid(400);
        let year_of_era = year.rem_euclid(400);
        let day_of_year =
            (153 * (month + if month > 2 { -3 } else { 9 }) + 2) / 5 + i32::from(self.day) - 1;
        let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
        era * 146_097 + day_of_era - 719_468
    }

    /// The date `days` days after 1970-01-01, if in range.
    pub fn from_days_since_epoch(days: i32) -> Option<Date> {
        // Howard Hinnant's civil_from_days; out-of-range inputs are refused
        // before any arithmetic can overflow.
        if !(Date::first().days_since_epoch()..=Date::last().days_since_epoch()).contains(&days) {
            return None;
        }
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let day_of_era = z.rem_euclid(146_097);
        let year_of_era =
            (day_of_era - day_of_era / 1_460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
        let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
        let mp = (5 * day_of_year + 2) / 153;
        let day = day_of_year - (153 * mp + 2) / 5 + 1;
        let month = if mp < 10 { mp + 3 } else { mp - 9 };
        let year = year_of_era + era * 400 + i32::from(month <= 2);
        Date::new(year, month as u32, day as u32).ok()
    }

    /// 1900-01-01, the first date kept.
    pub fn first() -> Date {
        Date {
            year: MIN_YEAR,
            month: 1,
            day: 1,
        }
    }

    /// 2200-12-31, the last date kept.
    pub fn last() -> Date {
        Date {
            year: MAX_YEAR,
            month: 12,
            day: 31,
        }
    }

    /// The date `days` days later (earlier when negative), if in range.
    pub fn add_days(self, days: i32) -> Option<Date> {
        Date::from_days_since_epoch(self.days_since_epoch().checked_add(days)?)
    }

    /// The next day; `None` after [`Date::last`].
    pub fn next(self) -> Option<Date> {
        self.add_days(1)
    }

    /// The day before; `None` before [`Date::first`].
    pub fn previous(self) -> Option<Date> {
        self.add_days(-1)
    }

    /// The day of the week.
    pub fn weekday(self) -> Weekday {
        // 1970-01-01 was a Thursday.
        Weekday::ALL[(self.days_since_epoch() + 3).rem_euclid(7) as usize]
    }

    /// The date for people: "Sun 29 Nov 2026".
    pub fn label(self) -> String {
        const MONTHS: [&str; 12] = [
            "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
        ];
        format!(
            "{} {} {} {}",
            self.weekday().short_name(),
            self.day,
            MONTHS[self.month as usize - 1],
            self.year
        )
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl std::str::FromStr for Date {
    type Err = DateError;

    fn from_str(text: &str) -> Result<Date, DateError> {
        Date::parse(text)
    }
}

impl From<Date> for String {
    fn from(date: Date) -> String {
        date.to_string()
    }
}

impl TryFrom<String> for Date {
    type Error = DateError;

    fn try_from(text: String) -> Result<Date, DateError> {
        Date::parse(&text)
    }
}

#[cfg(test)]
pub(crate) fn date(text: &str) -> Date {
    Date::parse(text).unwrap()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_read_like_a_calendar() {
        assert_eq!(date("2026-11-29").label(), "Sun 29 Nov 2026");
        assert_eq!(date("2024-02-29").label(), "Thu 29 Feb 2024");
        assert_eq!(date("1999-01-01").label(), "Fri 1 Jan 1999");
    }

    #[test]
    fn parses_and_prints_iso_dates() {
        let d = date("2026-11-29");
        assert_eq!((d.year(), d.month(), d.day()), (2026, 11, 29));
        assert_eq!(d.to_string(), "2026-11-29");
        assert_eq!(date("1900-01-01"), Date::first());
        assert_eq!(date("2200-12-31"), Date::last());
        assert_eq!(
            "2024-02-29".parse::<Date>(),
            Ok(Date::new(2024, 2, 29).unwrap())
        );
    }

    #[test]
    fn refuses_anything_else_with_a_reason() {
        for bad in [
            "",
            "2026-1-29",
            "2026/11/29",
            " 2026-11-29",
            "2026-11-29 ",
            "+026-11-29",
            "2026-11-2x",
            "20261129",
            "2026-11-290",
            "２０２６-11-29",
            "2026-11-29T00",
        ] {
            assert_eq!(Date::parse(bad), Err(DateError::Format), "{bad:?}");
        }
        for bad in [
            "2026-02-29",
            "2026-02-30",
            "2026-13-01",
            "2026-00-10",
            "2026-04-31",
            "2026-01-00",
            "1900-02-29",
        ] {
            assert_eq!(Date::parse(bad), Err(DateError::NoSuchDay), "{bad:?}");
        }
        for bad in ["1899-12-31", "2201-01-01", "0000-01-01", "9999-12-31"] {
            assert_eq!(Date::parse(bad), Err(DateError::YearOutOfRange), "{bad:?}");
        }
        assert_eq!(
            DateError::NoSuchDay.to_string(),
            "not a date: no such day in the calendar"
        );
        assert_eq!(Date::new(2026, 256 + 1, 1), Err(DateError::NoSuchDay));
        assert_eq!(Date::new(2026, 1, 256 + 1), Err(DateError::NoSuchDay));
    }

    #[test]
    fn counts_days_from_the_epoch() {
        assert_eq!(date("1970-01-01").days_since_epoch(), 0);
        assert_eq!(date("1969-12-31").days_since_epoch(), -1);
        assert_eq!(date("2000-03-01").days_since_epoch(), 11_017);
        assert_eq!(date("2026-11-29").days_since_epoch(), 20_786);
        assert_eq!(
            Date::from_days_since_epoch(20_786),
            Some(date("2026-11-29"))
        );
        // Every day of the range round-trips and follows the previous one.
        let mut d = Date::first();
        let mut n = d.days_since_epoch();
        while let Some(next) = d.next() {
            assert!(next > d);
            assert_eq!(next.days_since_epoch(), n + 1);
            assert_eq!(Date::from_days_since_epoch(n + 1), Some(next));
            assert_eq!(next.previous(), Some(d));
            assert_eq!(Date::parse(&next.to_string()), Ok(next));
            d = next;
            n += 1;
        }
        assert_eq!(d, Date::last());
        assert_eq!(Date::first().previous(), None);
        assert_eq!(Date::from_days_since_epoch(i32::MAX), None);
        assert_eq!(Date::from_days_since_epoch(i32::MIN), None);
        assert_eq!(Date::last().add_days(i32::MAX), None);
    }

    #[test]
    fn knows_the_weekday() {
        assert_eq!(date("1970-01-01").weekday(), Weekday::Thursday);
        assert_eq!(date("2026-11-29").weekday(), Weekday::Sunday);
        assert_eq!(date("1900-01-01").weekday(), Weekday::Monday);
        assert_eq!(date("2000-02-29").weekday().short_name(), "Tue");
    }

    #[test]
    fn serialises_as_its_text_also_as_a_map_key() {
        let d = date("2026-11-29");
        assert_eq!(serde_json::to_string(&d).unwrap(), "\"2026-11-29\"");
        let map: std::collections::BTreeMap<Date, u8> = [(d, 1)].into();
        let json = serde_json::to_string(&map).unwrap();
        assert_eq!(json, r#"{"2026-11-29":1}"#);
        assert_eq!(
            serde_json::from_str::<std::collections::BTreeMap<Date, u8>>(&json).unwrap(),
            map
        );
        let err = serde_json::from_str::<Date>("\"2026-02-30\"").unwrap_err();
        assert!(err.to_string().contains("no such day"), "{err}");
    }
}
