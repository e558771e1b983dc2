//! A two-sided permutation test of the difference in means between two
//! groups of days, hand-written (no statistics crate ships in the app).
//!
//! The question it answers: if which days were "cramp days" had nothing to
//! do with the values, how often would a random split of the same days
//! into groups of the same sizes give a difference in means at least as
//! large (either way) as the one observed? That share is the p-value.
//!
//! - **Exact** when the number of splits, C(n, k) for n days and the
//!   smaller group's k, is at most [`EXACT_MAX_SPLITS`]: every split is
//!   counted, p = splits as extreme / all splits.
//! - **Monte Carlo** otherwise: [`PERMUTATIONS`] random splits from a
//!   small seeded generator ([`SplitMix64`]), so the same data always give
//!   the same p; p = (as extreme + 1) / (permutations + 1), which never
//!   reports an impossible 0.
//!
//! For a fixed split size the difference in means grows with the distance
//! of the smaller group's sum from its expected value k·T/n (T the sum of
//! all values), so only sums are compared. Ties count as extreme (within a
//! rounding tolerance of 1e-9 of the values' total size). Several measures
//! of the same days are tested on the same random splits, which is what
//! keeps three years of diary fast.

/// The most splits counted one by one; above it splits are sampled.
pub const EXACT_MAX_SPLITS: u64 = 20_000;

/// How many random splits a Monte Carlo test draws: the p-value is then
/// within about ±0.005 of the exact one near p = 0.05.
pub const PERMUTATIONS: u32 = 10_000;

/// The seed of every Monte Carlo test.
const SEED: u64 = 0x0E1E_C7E0_1F7E_5EED;

/// How the p-value was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    /// Every one of this many splits was counted.
    Exact {
        /// C(n, k).
        splits: u64,
    },
    /// This many random splits were drawn.
    MonteCarlo {
        /// [`PERMUTATIONS`].
        permutations: u32,
    },
    /// One group is empty: there is nothing to compare (p = 1).
    NoSplit,
}

/// The outcome of one test.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TestResult {
    /// The two-sided p-value, in (0, 1].
    pub p_value: f64,
    /// How it was found.
    pub method: Method,
}

/// A small, fast, seeded pseudo-random generator (SplitMix64, Steele,
/// Lea and Flood 2014): plenty for drawing splits, and the same on every
/// platform.
#[derive(Debug, Clone)]
pub struct SplitMix64(u64);

impl SplitMix64 {
    /// A generator starting from `seed`.
    pub fn new(seed: u64) -> SplitMix64 {
        SplitMix64(seed)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (n > 0), by Lemire's multiply-shift (its bias,
    /// below 2⁻⁵⁰ for the sizes here, does not matter).
    pub fn below(&mut self, n: u32) -> u32 {
        ((u128::from(self.next_u64()) * u128::from(n)) >> 64) as u32
    }
}

/// C(n, k), or `None` once it passes `limit`.
fn splits_up_to(n: usize, k: usize, limit: u64) -> Option<u64> {
    let mut c: u128 = 1;
    for i in 0..k {
        // Exact at every step: c·(n−i)/(i+1) is C(n, i+1).
        c = c * (n - i) as u128 / (i + 1) as u128;
        if c > u128::from(limit) {
            return None;
        }
    }
    Some(c as u64)
}

/// Tests one measure: the values of the first group against the second.
pub fn permutation_test(first: &[f64], second: &[f64]) -> TestResult {
    permutation_tests(first, second, 1)[0]
}

/// Tests `columns` measures of the same days at once, on the same splits.
/// `first` and `second` hold one row of `columns` values per day of each
/// group (row after row); returns one result per column.
///
/// # Panics
/// If a group's length is not a multiple of `columns`, or `columns` is 0.
pub fn permutation_tests(first: &[f64], second: &[f64], columns: usize) -> Vec<TestResult> {
    assert!(columns > 0 && first.len() % columns == 0 && second.len() % columns == 0);
    let (n1, n2) = (first.len() / columns, second.len() / columns);
    if n1 == 0 || n2 == 0 {
        return vec![
            TestResult {
                p_value: 1.0,
                method: Method::NoSplit,
            };
            columns
        ];
    }
    // The smaller group is the one drawn; its sum decides.
    let (small, k) = if n1 <= n2 { (first, n1) } else { (second, n2) };
    let rows: Vec<f64> = first.iter().chain(second).copied().collect();
    let n = n1 + n2;
    let mut total = vec![0.0; columns];
    let mut size = vec![0.0; columns];
    for row in rows.chunks_exact(columns) {
        for j in 0..columns {
            total[j] += row[j];
            size[j] += row[j].abs();
        }
    }
    let mut observed = vec![0.0; columns];
    for row in small.chunks_exact(columns) {
        for (o, v) in observed.iter_mut().zip(row) {
            *o += v;
        }
    }
    let centre: Vec<f64> = total.iter().map(|t| t * k as f64 / n as f64).collect();
    // A split is as extreme when its sum is at least this far from the centre.
    let threshold: Vec<f64> = (0..columns)
        .map(|j| (observed[j] - centre[j]).abs() - 1e-9 * size[j].max(1.0))
        .collect();
    let mut extreme = vec![0u64; columns];
    let mut sums = vec![0.0; columns];
    let mut count = |sums: &[f64]| {
        for j in 0..columns {
            if (sums[j] - centre[j]).abs() >= threshold[j] {
                extreme[j] += 1;
            }
        }
    };
    let method = match splits_up_to(n, k, EXACT_MAX_SPLITS) {
        Some(splits) => {
            // Every k-subset, in lexicographic order.
            let mut chosen: Vec<usize> = (0..k).collect();
            loop {
                sums.fill(0.0);
                for &i in &chosen {
                    for (s, v) in sums.iter_mut().zip(&rows[i * columns..(i + 1) * columns]) {
                        *s += v;
                    }
                }
                count(&sums);
                let Some(i) = (0..k).rev().find(|&i| chosen[i] < n - k + i) else {
                    break;
                };
                chosen[i] += 1;
                for j in i + 1..k {
                    chosen[j] = chosen[j - 1] + 1;
                }
            }
            Method::Exact { splits }
        }
        None => {
            let mut rng = SplitMix64::new(SEED);
            let mut order: Vec<u32> = (0..n as u32).collect();
            for _ in 0..PERMUTATIONS {
                sums.fill(0.0);
                // A partial Fisher–Yates shuffle: the first k are a uniform
                // random k-subset, whatever order the array was left in.
                for i in 0..k {
                    let j = i + rng.below((n - i) as u32) as usize;
                    order.swap(i, j);
                    let r = order[i] as usize * columns;
                    for (s, v) in sums.iter_mut().zip(&rows[r..r + columns]) {
                        *s += v;
                    }
                }
                count(&sums);
            }
            Method::MonteCarlo {
                permutations: PERMUTATIONS,
            }
        }
    };
    extreme
        .into_iter()
        .map(|e| TestResult {
            p_value: match method {
                Method::Exact { splits } => e as f64 / splits as f64,
                _ => (e + 1) as f64 / (f64::from(PERMUTATIONS) + 1.0),
            },
            method,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(first: &[f64], second: &[f64]) -> f64 {
        permutation_test(first, second).p_value
    }

    #[test]
    fn tiny_samples_match_hand_counted_p_values() {
        // 6 splits of {1,2,3,4} in two pairs; {1,2} and {3,4} are as far
        // apart as observed: 2/6.
        assert!((p(&[1.0, 2.0], &[3.0, 4.0]) - 1.0 / 3.0).abs() < 1e-12);
        // 20 splits of 1..6 in threes; only {1,2,3}|{4,5,6} and its mirror.
        assert!((p(&[1.0, 2.0, 3.0], &[4.0, 5.0, 6.0]) - 0.1).abs() < 1e-12);
        // 10 splits of {1,2,2,2,3} into 3 and 2; the pairs summing to 3 or
        // 5 (1+2 three ways, 2+3 three ways) are as extreme: 6/10.
        assert!((p(&[1.0, 2.0, 2.0], &[2.0, 3.0]) - 0.6).abs() < 1e-12);
        // The order of the groups does not matter.
        assert!((p(&[2.0, 3.0], &[1.0, 2.0, 2.0]) - 0.6).abs() < 1e-12);
        // All values equal: every split ties, p = 1.
        assert_eq!(p(&[5.0; 4], &[5.0; 3]), 1.0);
        // One day against four: 1/5 for the largest value alone.
        assert!((p(&[9.0], &[1.0, 2.0, 3.0, 4.0]) - 0.2).abs() < 1e-12);
        // Decimal values whose sums differ only by rounding still tie.
        assert_eq!(p(&[0.1, 0.2], &[0.2, 0.1]), 1.0);
        assert_eq!(
            permutation_test(&[1.0, 2.0], &[3.0, 4.0]).method,
            Method::Exact { splits: 6 }
        );
    }

    #[test]
    fn five_against_five_is_exact_with_252_splits() {
        let low = [1.0, 2.0, 3.0, 4.0, 5.0];
        let high = [6.0, 7.0, 8.0, 9.0, 10.0];
        let r = permutation_test(&low, &high);
        assert_eq!(r.method, Method::Exact { splits: 252 });
        // Only the observed split and its mirror are as extreme.
        assert!((r.p_value - 2.0 / 252.0).abs() < 1e-12);
    }

    #[test]
    fn empty_groups_have_nothing_to_compare() {
        let r = permutation_test(&[], &[1.0, 2.0]);
        assert_eq!(r.method, Method::NoSplit);
        assert_eq!(r.p_value, 1.0);
        assert_eq!(permutation_tests(&[], &[], 3).len(), 3);
    }

    #[test]
    fn columns_are_tested_on_the_same_splits_independently() {
        // Column 0 separates the groups, column 1 does not.
        let first = [1.0, 5.0, 2.0, 6.0, 3.0, 5.0];
        let second = [4.0, 6.0, 5.0, 5.0, 6.0, 6.0];
        let both = permutation_tests(&first, &second, 2);
        assert!((both[0].p_value - p(&[1.0, 2.0, 3.0], &[4.0, 5.0, 6.0])).abs() < 1e-12);
        assert!((both[1].p_value - p(&[5.0, 6.0, 5.0], &[6.0, 5.0, 6.0])).abs() < 1e-12);
    }

    #[test]
    fn large_samples_are_sampled_deterministically() {
        let first: Vec<f64> = (0..40).map(|i| f64::from(i % 7)).collect();
        let second: Vec<f64> = (0..60).map(|i| f64::from(i % 5) + 0.5).collect();
        let a = permutation_test(&first, &second);
        assert_eq!(
            a.method,
            Method::MonteCarlo {
                permutations: PERMUTATIONS
            }
        );
        assert_eq!(a, permutation_test(&first, &second));
        assert!(a.p_value > 0.0 && a.p_value <= 1.0);
    }

    #[test]
    fn split_counts_stop_at_the_limit() {
        assert_eq!(splits_up_to(10, 5, u64::MAX), Some(252));
        assert_eq!(splits_up_to(52, 5, u64::MAX), Some(2_598_960));
        assert_eq!(splits_up_to(52, 5, 20_000), None);
        assert_eq!(splits_up_to(7, 0, 1), Some(1));
    }

    #[test]
    fn the_generator_is_uniform_enough() {
        let mut rng = SplitMix64::new(1);
        let mut seen = [0u32; 10];
        for _ in 0..100_000 {
            seen[rng.below(10) as usize] += 1;
        }
        assert!(
            seen.iter().all(|&n| (9_500..10_500).contains(&n)),
            "{seen:?}"
        );
    }
}
