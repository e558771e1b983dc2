//! Numbers formatted for people: thousands separators, label precision.

/// Formats a number for people: thousands separators, at most `decimals`
/// decimals, trailing zeros dropped ("1,234.5", "422", "0.06").
pub fn format_number(value: f64, decimals: usize) -> String {
    let fixed = format!("{:.*}", decimals, value.abs());
    let (int_part, frac_part) = match fixed.split_once('.') {
        Some((i, f)) => (i, f.trim_end_matches('0')),
        None => (fixed.as_str(), ""),
    };
    let mut grouped = String::with_capacity(int_part.len() + int_part.len() / 3);
    for (i, digit) in int_part.chars().enumerate() {
        if i > 0 && (int_part.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(digit);
    }
    let negative = value < 0.0 && (int_part != "0" || !frac_part.is_empty());
    let sign = if negative { "-" } else { "" };
    if frac_part.is_empty() {
        format!("{sign}{grouped}")
    } else {
        format!("{sign}{grouped}.{frac_part}")
    }
}

/// A count with its noun, singular for one: "1 day", "3 days", "0 items".
pub fn count(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

/// Formats a mineral amount the way a label would: whole milligrams from
/// 10 mg up, one decimal below 10 ("422", "6", "0.6").
pub fn format_amount(value: f64) -> String {
    if value.abs() >= 10.0 {
        format_number(value, 0)
    } else {
        format_number(value, 1)
    }
}

/// Formats a share of a target: "16 %", "<1 %" for any trace below 1 %,
/// "0 %" only for none.
pub fn format_percent(percent: f64) -> String {
    if percent > 0.0 && percent < 1.0 {
        "<1 %".to_owned()
    } else {
        format!("{} %", format_number(percent, 0))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_take_the_singular_for_one() {
        assert_eq!(count(1, "day", "days"), "1 day");
        assert_eq!(count(3, "day", "days"), "3 days");
        assert_eq!(count(0, "item", "items"), "0 items");
    }

    #[test]
    fn numbers_are_formatted_for_people() {
        assert_eq!(format_number(1234.5, 1), "1,234.5");
        assert_eq!(format_number(1234.0, 1), "1,234");
        assert_eq!(format_number(422.44, 0), "422");
        assert_eq!(format_number(1_000_000.0, 0), "1,000,000");
        assert_eq!(format_number(999.96, 1), "1,000");
        assert_eq!(format_number(0.06, 2), "0.06");
        assert_eq!(format_number(-12.5, 1), "-12.5");
        assert_eq!(format_number(-0.01, 1), "0");
    }

    #[test]
    fn amounts_use_label_precision() {
        assert_eq!(format_amount(422.44), "422");
        assert_eq!(format_amount(31.86), "32");
        assert_eq!(format_amount(5.9), "5.9");
        assert_eq!(format_amount(0.0), "0");
        assert_eq!(format_amount(1.18), "1.2");
    }

    #[test]
    fn percents_are_whole_with_a_trace_marker() {
        assert_eq!(format_percent(16.2477), "16 %");
        assert_eq!(format_percent(0.2), "<1 %");
        assert_eq!(format_percent(0.5), "<1 %");
        assert_eq!(format_percent(0.99), "<1 %");
        assert_eq!(format_percent(1.0), "1 %");
        assert_eq!(format_percent(0.0), "0 %");
        assert_eq!(format_percent(1234.4), "1,234 %");
    }
}
