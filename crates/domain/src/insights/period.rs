//! The stretch of calendar days an insight covers: the last 7, 30 or 90
//! days up to a date, or a range the person picks.

use std::fmt;

use crate::diary::date::Date;
use crate::units::format::format_number;

/// The longest period, in days (ten years and a bit): longer ones are
/// refused rather than computed.
pub const MAX_PERIOD_DAYS: usize = 3_700;

/// The ready-made lengths of a period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Span {
    /// The last 7 days.
    Week,
    /// The last 30 days.
    Month,
    /// The last 90 days.
    Quarter,
}

impl Span {
    /// Every span, shortest first, as a picker shows them.
    pub const ALL: [Span; 3] = [Span::Week, Span::Month, Span::Quarter];

    /// How many days it covers.
    pub fn days(self) -> u16 {
        match self {
            Span::Week => 7,
            Span::Month => 30,
            Span::Quarter => 90,
        }
    }

    /// Label for a picker: "7 days".
    pub fn label(self) -> &'static str {
        match self {
            Span::Week => "7 days",
            Span::Month => "30 days",
            Span::Quarter => "90 days",
        }
    }

    /// Stable key for forms and URLs: "7", "30", "90".
    pub fn key(self) -> &'static str {
        match self {
            Span::Week => "7",
            Span::Month => "30",
            Span::Quarter => "90",
        }
    }

    /// Inverse of [`Span::key`].
    pub fn from_key(key: &str) -> Option<Span> {
        Span::ALL.into_iter().find(|s| s.key() == key)
    }
}

/// Why a period was refused. Every message can be shown as is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PeriodError {
    /// The first day is after the last.
    Reversed,
    /// More than [`MAX_PERIOD_DAYS`] days.
    TooLong,
    /// The period would start before the first date the diary keeps.
    OutOfRange,
}

impl fmt::Display for PeriodError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PeriodError::Reversed => write!(f, "The first day must not be after the last day."),
            PeriodError::TooLong => write!(
                f,
                "A period can be at most {} days.",
                format_number(MAX_PERIOD_DAYS as f64, 0)
            ),
            PeriodError::OutOfRange => write!(f, "The diary keeps no dates that early."),
        }
    }
}

impl std::error::Error for PeriodError {}

/// Consecutive calendar days from `first` to `last`, both included.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Period {
    first: Date,
    last: Date,
}

impl Period {
    /// The days from `first` to `last`, both included; at most
    /// [`MAX_PERIOD_DAYS`].
    pub fn new(first: Date, last: Date) -> Result<Period, PeriodError> {
        if first > last {
            return Err(PeriodError::Reversed);
        }
        let period = Period { first, last };
        if period.days() > MAX_PERIOD_DAYS {
            return Err(PeriodError::TooLong);
        }
        Ok(period)
    }

    /// The `span` ending on `last` (usually today).
    pub fn ending(last: Date, span: Span) -> Result<Period, PeriodError> {
        let first = last
            .add_days(1 - i32::from(span.days()))
            .ok_or(PeriodError::OutOfRange)?;
        Period::new(first, last)
    }

    /// The first day.
    pub fn first(&self) -> Date {
        self.first
    }

    /// The last day.
    pub fn last(&self) -> Date {
        self.last
    }

    /// How many calendar days it covers (at least 1).
    pub fn days(&self) -> usize {
        (self.last.days_since_epoch() - self.first.days_since_epoch()) as usize + 1
    }

    /// Every date, oldest first.
    pub fn dates(&self) -> impl Iterator<Item = Date> {
        let first = self.first.days_since_epoch();
        (first..=self.last.days_since_epoch()).filter_map(Date::from_days_since_epoch)
    }

    /// Whether `date` is in it.
    pub fn contains(&self, date: Date) -> bool {
        (self.first..=self.last).contains(&date)
    }

    /// The period for people: "Sun 1 Nov 2026 to Mon 30 Nov 2026 (30
    /// days)", or the one date for a one-day period.
    pub fn text(&self) -> String {
        if self.first == self.last {
            return self.first.label();
        }
        format!(
            "{} to {} ({} days)",
            self.first.label(),
            self.last.label(),
            format_number(self.days() as f64, 0)
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diary::date::date;

    #[test]
    fn spans_end_on_the_given_day() {
        let last = date("2026-11-30");
        let month = Period::ending(last, Span::Month).unwrap();
        assert_eq!(month.first(), date("2026-11-01"));
        assert_eq!(month.days(), 30);
        assert_eq!(month.dates().count(), 30);
        assert_eq!(month.dates().last(), Some(last));
        assert_eq!(month.text(), "Sun 1 Nov 2026 to Mon 30 Nov 2026 (30 days)");
        assert_eq!(Period::ending(last, Span::Week).unwrap().days(), 7);
        assert_eq!(Period::ending(last, Span::Quarter).unwrap().days(), 90);
        for s in Span::ALL {
            assert_eq!(Span::from_key(s.key()), Some(s));
            assert!(s.label().starts_with(s.key()));
        }
        assert_eq!(Span::from_key("365"), None);
    }

    #[test]
    fn custom_periods_are_checked() {
        let one = Period::new(date("2026-11-29"), date("2026-11-29")).unwrap();
        assert_eq!(one.days(), 1);
        assert_eq!(one.text(), "Sun 29 Nov 2026");
        assert!(one.contains(date("2026-11-29")) && !one.contains(date("2026-11-30")));
        assert_eq!(
            Period::new(date("2026-11-30"), date("2026-11-29")),
            Err(PeriodError::Reversed)
        );
        assert_eq!(
            Period::new(date("2000-01-01"), date("2026-11-29")),
            Err(PeriodError::TooLong)
        );
        assert_eq!(
            Period::ending(Date::first(), Span::Week),
            Err(PeriodError::OutOfRange)
        );
        for e in [
            PeriodError::Reversed,
            PeriodError::TooLong,
            PeriodError::OutOfRange,
        ] {
            assert!(e.to_string().ends_with('.'));
        }
        assert!(PeriodError::TooLong.to_string().contains("3,700"));
    }
}
