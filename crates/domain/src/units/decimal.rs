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
///
/// One pass over the bytes (the food table holds some 100,000 numbers).
/// Zeros are held back until a nonzero digit follows, so trailing zeros only
/// move the decimal point: "1500" = 15 × 10^2, "4.500" = 45 × 10^-1.
pub fn parse_decimal(text: &str) -> Option<f64> {
    let mut mantissa: u64 = 0;
    let mut digits = 0usize;
    // Zeros not yet in the mantissa.
    let mut held_zeros = 0usize;
    // Digits after the decimal point, once there is one.
    let mut fraction_digits: Option<usize> = None;
    for &byte in text.as_bytes() {
        match byte {
            b'0' => held_zeros += 1,
            b'1'..=b'9' => {
                for _ in 0..held_zeros {
                    mantissa = append_digit(mantissa, 0)?;
                }
                held_zeros = 0;
                mantissa = append_digit(mantissa, byte - b'0')?;
            }
            b'.' if fraction_digits.is_none() => {
                fraction_digits = Some(digits);
                continue;
            }
            _ => return None,
        }
        digits += 1;
    }
    if digits == 0 {
        return None;
    }
    let fraction_digits = fraction_digits.map_or(0, |before_point| digits - before_point);
    // value = mantissa × 10^(held_zeros - fraction_digits)
    let (scale, negative) = match held_zeros.checked_sub(fraction_digits) {
        Some(up) => (up, false),
        None => (fraction_digits - held_zeros, true),
    };
    let scale = POWERS_OF_TEN.get(scale)?;
    // Both operands are exact, so IEEE arithmetic rounds once, correctly.
    Some(if negative {
        mantissa as f64 / scale
    } else {
        mantissa as f64 * scale
    })
}

/// `mantissa` followed by `digit`, if it stays exact in an `f64`.
fn append_digit(mantissa: u64, digit: u8) -> Option<u64> {
    let next = mantissa * 10 + u64::from(digit);
    (next <= MAX_EXACT_MANTISSA).then_some(next)
}

/// Most digits [`short_decimal_prefix`] takes: any such mantissa is below
/// 10^15 < 2^53, so it is exact, and so is its power of ten.
const SHORT_DIGITS: usize = 15;

/// The plain decimal, `digits` or `digits.digits` with at most 15 digits in
/// all, at the start of `bytes`, and its length in bytes. `None` when
/// `bytes` does not start with one, or with a longer one (use
/// [`parse_decimal`] then).
///
/// The food table's fast path. The value is the same `f64` that
/// [`parse_decimal`] and `str::parse` return: `mantissa / 10^fraction_digits`
/// divides two exact numbers, so it is correctly rounded, and trailing zeros
/// ("78.30") do not change the quotient.
#[inline]
pub(crate) fn short_decimal_prefix(bytes: &[u8]) -> Option<(f64, usize)> {
    // The mantissa wraps around past 19 digits, but then there are more
    // than `SHORT_DIGITS` and the result is `None` anyway.
    let mut mantissa: u64 = 0;
    // Position of the decimal point, once there is one after a digit.
    let mut point = None;
    let mut length = 0;
    for &byte in bytes {
        match byte {
            b'0'..=b'9' => {
                mantissa = mantissa
                    .wrapping_mul(10)
                    .wrapping_add(u64::from(byte - b'0'));
            }
            b'.' if point.is_none() && length > 0 => point = Some(length),
            _ => break,
        }
        length += 1;
    }
    let fraction_digits = point.map_or(0, |at| length - at - 1);
    let digits = length - usize::from(point.is_some());
    let valid = length > 0 && (point.is_none() || fraction_digits > 0) && digits <= SHORT_DIGITS;
    if !valid {
        return None;
    }
    // Below 2^53: the signed conversion is exact, and cheaper than the
    // unsigned one.
    let mantissa = mantissa as i64 as f64;
    Some((mantissa / POWERS_OF_TEN[fraction_digits], length))
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
    fn short_prefixes_match_parse_decimal() {
        let mut state: u64 = 0x2545_F491_4F6C_DD1D;
        for _ in 0..100_000 {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let decimals = (state % 8) as usize;
            let digits = (state >> 8) % 10_000_000_000;
            let text = if decimals == 0 {
                digits.to_string()
            } else {
                let s = format!("{digits:0width$}", width = decimals + 1);
                format!("{}.{}", &s[..s.len() - decimals], &s[s.len() - decimals..])
            };
            let expected = parse_decimal(&text).map(|value| (value, text.len()));
            assert_eq!(short_decimal_prefix(text.as_bytes()), expected, "{text}");
            let line = format!("{text}\n");
            assert_eq!(short_decimal_prefix(line.as_bytes()), expected, "{text}");
        }
    }

    #[test]
    fn short_prefixes_stop_at_the_first_byte_after_the_number() {
        assert_eq!(short_decimal_prefix(b"78.30\t1"), Some((78.3, 5)));
        assert_eq!(short_decimal_prefix(b"5|"), Some((5.0, 1)));
        assert_eq!(short_decimal_prefix(b"1.2.3"), Some((1.2, 3)));
        assert_eq!(short_decimal_prefix(b"0.083"), Some((0.083, 5)));
        assert_eq!(
            short_decimal_prefix(b"123456789012345"),
            Some((123456789012345.0, 15))
        );
        for refused in [
            &b""[..],
            b"\n",
            b".5",
            b"5.",
            b"5.\n",
            b"-1",
            b"+1",
            b" 1",
            b"x1",
            b"1234567890123456",
            b"0.000000000000001",
            b"99999999999999999999999999",
        ] {
            assert_eq!(short_decimal_prefix(refused), None, "{refused:?}");
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
