//! Plain decimal numbers ("358", "74.91", ".5") parsed exactly and fast.
//!
//! `str::parse::<f64>` is general (exponents, infinities, any length) and
//! costs both time and wasm size. Every number this app reads, from the food
//! table or from a person, is a plain decimal with few digits, so it uses
//! Clinger's fast path instead: an integer mantissa below 2^53 divided by an
//! exact power of ten is correctly rounded, i.e. the very same `f64` that
//! `str::parse` returns. Longer inputs are refused rather than approximated.

/// Exact powers of ten representable in an `f64`.
const POWERS_OF_TEN: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
];

/// Largest mantissa the fast path keeps exact (2^53).
const MAX_EXACT_MANTISSA: u64 = 1 << 53;

/// Parses `digits`, `digits.digits`, `.digits` or `digits.`, with at least
/// one digit and nothing else (no sign, exponent, spaces or separators).
/// `None` for anything else, or for more precision than an `f64` holds exactly.
pub fn parse_decimal(text: &str) -> Option<f64> {
    let (whole, fraction) = text.split_once('.').unwrap_or((text, ""));
    let all_digits = |part: &str| part.bytes().all(|b| b.is_ascii_digit());
    if (whole.is_empty() && fraction.is_empty()) || !all_digits(whole) || !all_digits(fraction) {
        return None;
    }
    // Trailing zeros only move the decimal point: "1500" = 15 × 10^2.
    let significant_fraction = fraction.trim_end_matches('0');
    let (integer_digits, exponent) = if significant_fraction.is_empty() {
        let trimmed = whole.trim_end_matches('0');
        (trimmed, (whole.len() - trimmed.len()) as i32)
    } else {
        (whole, -(significant_fraction.len() as i32))
    };
    let mut mantissa: u64 = 0;
    let digits = integer_digits.bytes();
    let digits = digits.chain(if exponent < 0 { significant_fraction.bytes() } else { "".bytes() });
    for byte in digits {
        mantissa = mantissa
            .checked_mul(10)?
            .checked_add(u64::from(byte - b'0'))
            .filter(|&m| m <= MAX_EXACT_MANTISSA)?;
    }
    let scale = POWERS_OF_TEN.get(exponent.unsigned_abs() as usize)?;
    // Both operands are exact, so IEEE arithmetic rounds once, correctly.
    Some(if exponent >= 0 {
        mantissa as f64 * scale
    } else {
        mantissa as f64 / scale
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_plain_decimals_exactly_like_std() {
        for text in [
            "0",
            "358",
            "74.91",
            "78.30",
            "0.06",
            ".667",
            "5.",
            "38758",
            "0.001",
            "15.87",
            "1234567.891",
            "0.1",
            "0.2",
            "0.3",
            "9007199254740992",
            "000123.4500",
        ] {
            let expected: f64 = text.parse().unwrap();
            assert_eq!(parse_decimal(text), Some(expected), "{text}");
        }
    }

    #[test]
    fn matches_std_on_many_generated_decimals() {
        // Deterministic sweep of integers and fractions with 1–6 decimals.
        let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
        for _ in 0..200_000 {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let decimals = (state % 7) as usize;
            let digits = (state >> 8) % 100_000_000;
            let text = if decimals == 0 {
                digits.to_string()
            } else {
                let s = format!("{digits:0width$}", width = decimals + 1);
                format!("{}.{}", &s[..s.len() - decimals], &s[s.len() - decimals..])
            };
            assert_eq!(parse_decimal(&text), text.parse().ok(), "{text}");
        }
    }

    #[test]
    fn refuses_everything_but_plain_decimals() {
        for text in [
            "", ".", "-1", "+1", "1e3", "inf", "NaN", "1.2.3", " 1", "1 ", "1,5", "0x10", "١٢",
        ] {
            assert_eq!(parse_decimal(text), None, "{text:?}");
        }
    }

    #[test]
    fn refuses_more_precision_than_is_exact() {
        assert_eq!(parse_decimal("9007199254740993"), None);
        assert_eq!(parse_decimal("99999999999999999999999999"), None);
        assert_eq!(parse_decimal("1000000000000000000000"), Some(1e21));
        assert_eq!(parse_decimal("1000000000000000000000000"), None);
        assert_eq!(parse_decimal("0.00000000000000000000001"), None);
    }
}
