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
//! - **Monte Carlo** otherwise: random splits from a small seeded
//!   generator ([`SplitMix64`]), so the same data always give the same p;
//!   p = (as extreme + 1) / (splits drawn + 1), which never reports an
//!   impossible 0. Splits are drawn in batches of [`BATCH`], at least
//!   [`MIN_PERMUTATIONS`] and at most [`PERMUTATIONS`]: each measure
//!   stops drawing once its p is more than four standard errors
//!   (√(p(1−p)/m) after m splits) from [`ALPHA`], so more splits could not
//!   change which side of it p falls; the measures still drawing go on
//!   alone. Clear cases (most of them) cost a
//!   fifth of the full count; p-values near [`ALPHA`] get all of it.
//!
//! For a fixed split size the difference in means grows with the distance
//! of the smaller group's sum from its expected value k·T/n (T the sum of
//! all values), so only sums are compared. Ties count as extreme (within a
//! rounding tolerance of 1e-9 of the values' total size). Several measures
//! of the same days are tested on the same random splits, which is what
//! keeps three years of diary fast.

/// The most splits counted one by one; above it splits are sampled.
pub const EXACT_MAX_SPLITS: u64 = 20_000;

/// The most random splits a Monte Carlo test draws: the p-value is then
/// within about ±0.003 (one standard error) of the exact one near p = 0.05.
/// Only a p that close to [`ALPHA`] draws this many, and its words ("could
/// well be chance" / "unlikely to be chance alone") are a close call at any
/// precision; 10,000 gave ±0.002 at twice the time (the three-year trends
/// screen went over its 100 ms).
pub const PERMUTATIONS: u32 = 5_000;

/// The fewest random splits a Monte Carlo test draws: within about ±0.011
/// of the exact p at p = 0.5, ±0.002 at p = 0.01.
pub const MIN_PERMUTATIONS: u32 = 2_000;

/// How many random splits are drawn between two checks of the stopping rule.
pub const BATCH: u32 = 1_000;

/// Below this p-value a difference is "unlikely to be chance alone"
/// (the usual 5 % level); the Monte Carlo test draws until it is clear on
/// which side of it p falls.
pub const ALPHA: f64 = 0.05;

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
        /// From [`MIN_PERMUTATIONS`] to [`PERMUTATIONS`].
        permutations: u32,
    },
    /// One group is empty: there is nothing to compare (p = 1).
    NoSplit,
    /// Every value is the same: every split ties (p = 1).
    NoVariation,
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
    #[inline(always)]
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (n > 0), see [`below`].
    pub fn below(&mut self, n: u32) -> u32 {
        below(self.next_u64(), n)
    }
}

/// A number in `0..n` (n > 0) from the top 32 of 64 random `bits`, by
/// Lemire's multiply-shift (its bias, below n / 2³², is a millionth for
/// the sizes here and does not matter).
#[inline(always)]
fn below(bits: u64, n: u32) -> u32 {
    (((bits >> 32) * u64::from(n)) >> 32) as u32
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

/// How many measures one pass tests (the cramp comparison has nine).
const BLOCK: usize = 10;

/// Tests `columns` measures of the same days at once, on the same splits.
/// `first` and `second` hold one row of `columns` values per day of each
/// group (row after row); returns one result per column. A measure whose
/// values are all equal needs no splits: every split ties, p = 1.
///
/// # Panics
/// If a group's length is not a multiple of `columns`, or `columns` is 0.
pub fn permutation_tests(first: &[f64], second: &[f64], columns: usize) -> Vec<TestResult> {
    assert!(
        columns > 0 && first.len().is_multiple_of(columns) && second.len().is_multiple_of(columns)
    );
    let (n1, n2) = (first.len() / columns, second.len() / columns);
    let no_split = TestResult {
        p_value: 1.0,
        method: Method::NoSplit,
    };
    if n1 == 0 || n2 == 0 {
        return vec![no_split; columns];
    }
    let mut results = vec![
        TestResult {
            p_value: 1.0,
            method: Method::NoVariation,
        };
        columns
    ];
    let value = |row: usize, column: usize| match row.checked_sub(n1) {
        None => first[row * columns + column],
        Some(r) => second[r * columns + column],
    };
    let n = n1 + n2;
    let varying: Vec<usize> = (0..columns)
        .filter(|&j| (1..n).any(|i| value(i, j) != value(0, j)))
        .collect();
    for block in varying.chunks(BLOCK) {
        let rows: Vec<[f64; BLOCK]> = (0..n)
            .map(|i| {
                let mut row = [0.0; BLOCK];
                for (slot, &j) in row.iter_mut().zip(block) {
                    *slot = value(i, j);
                }
                row
            })
            .collect();
        for (&j, result) in block.iter().zip(test_block(&rows, n1, block.len())) {
            results[j] = result;
        }
    }
    results
}

/// The Monte Carlo p-value of `extreme` splits as extreme among `drawn`.
fn monte_carlo_p(extreme: u64, drawn: u32) -> f64 {
    (extreme + 1) as f64 / (f64::from(drawn) + 1.0)
}

/// Tests the first `width` columns of `rows`: the first `n1` rows are one
/// group, the rest the other.
fn test_block(rows: &[[f64; BLOCK]], n1: usize, width: usize) -> Vec<TestResult> {
    let n = rows.len();
    // The smaller group is the one drawn; its sum decides.
    let (small, k) = if n1 <= n - n1 {
        (&rows[..n1], n1)
    } else {
        (&rows[n1..], n - n1)
    };
    let add = |sums: &mut [f64; BLOCK], row: &[f64; BLOCK]| {
        for (s, v) in sums.iter_mut().zip(row) {
            *s += v;
        }
    };
    let (mut total, mut size, mut observed) = ([0.0; BLOCK], [0.0; BLOCK], [0.0; BLOCK]);
    for row in rows {
        add(&mut total, row);
        add(&mut size, &row.map(f64::abs));
    }
    for row in small {
        add(&mut observed, row);
    }
    let centre = total.map(|t| t * k as f64 / n as f64);
    // A split is as extreme when its sum is at least this far from the centre.
    let mut threshold = [0.0; BLOCK];
    for j in 0..BLOCK {
        threshold[j] = (observed[j] - centre[j]).abs() - 1e-9 * size[j].max(1.0);
    }
    let Some(splits) = splits_up_to(n, k, EXACT_MAX_SPLITS) else {
        return monte_carlo_block(rows, k, width, &centre, &threshold);
    };
    // Every k-subset, in lexicographic order.
    let mut extreme = [0u64; BLOCK];
    let mut chosen: Vec<usize> = (0..k).collect();
    loop {
        let mut sums = [0.0; BLOCK];
        for &i in &chosen {
            add(&mut sums, &rows[i]);
        }
        for j in 0..BLOCK {
            extreme[j] += u64::from((sums[j] - centre[j]).abs() >= threshold[j]);
        }
        let Some(i) = (0..k).rev().find(|&i| chosen[i] < n - k + i) else {
            break;
        };
        chosen[i] += 1;
        for j in i + 1..k {
            chosen[j] = chosen[j - 1] + 1;
        }
    }
    extreme[..width]
        .iter()
        .map(|&e| TestResult {
            p_value: e as f64 / splits as f64,
            method: Method::Exact { splits },
        })
        .collect()
}

/// The Monte Carlo test of the first `width` columns of `rows`, drawing
/// random `k`-subsets. Each measure stops on its own once the side of
/// [`ALPHA`] it falls on is clear; the measures still drawing are packed
/// into a narrower table so a clear measure costs nothing more.
fn monte_carlo_block(
    rows: &[[f64; BLOCK]],
    k: usize,
    width: usize,
    centre: &[f64; BLOCK],
    threshold: &[f64; BLOCK],
) -> Vec<TestResult> {
    let n = rows.len();
    let mut results = vec![
        TestResult {
            p_value: 1.0,
            method: Method::NoVariation,
        };
        width
    ];
    // The measures still drawing, their extreme counts and their columns,
    // packed row after row.
    let mut active: Vec<usize> = (0..width).collect();
    let mut extreme: Vec<u64> = vec![0; width];
    let pack = |active: &[usize]| -> (Vec<f64>, Vec<f64>, Vec<f64>) {
        let packed = rows
            .iter()
            .flat_map(|row| active.iter().map(move |&j| row[j]))
            .collect();
        (
            packed,
            active.iter().map(|&j| centre[j]).collect(),
            active.iter().map(|&j| threshold[j]).collect(),
        )
    };
    let (mut packed, mut centres, mut thresholds) = pack(&active);
    let mut rng = SplitMix64::new(SEED);
    let mut order: Vec<u32> = (0..n as u32).collect();
    let mut sums = vec![0.0; width];
    let mut drawn = 0;
    while drawn < PERMUTATIONS && !active.is_empty() {
        let w = active.len();
        for _ in 0..BATCH {
            let sums = &mut sums[..w];
            sums.fill(0.0);
            // A partial Fisher–Yates shuffle: the first k are a uniform
            // random k-subset, whatever order the array was left in.
            // Two draws from each 64 random bits, 32 bits each.
            let mut bits = 0;
            for i in 0..k {
                if i % 2 == 0 {
                    bits = rng.next_u64();
                } else {
                    bits <<= 32;
                }
                let j = i + below(bits, (n - i) as u32) as usize;
                order.swap(i, j);
                let row = order[i] as usize * w;
                for (s, v) in sums.iter_mut().zip(&packed[row..row + w]) {
                    *s += v;
                }
            }
            for (c, e) in extreme.iter_mut().enumerate() {
                *e += u64::from((sums[c] - centres[c]).abs() >= thresholds[c]);
            }
        }
        drawn += BATCH;
        let clear = |e: u64| {
            let p = monte_carlo_p(e, drawn);
            let se = (p * (1.0 - p) / f64::from(drawn)).sqrt();
            (p - ALPHA).abs() > 4.0 * se
        };
        if drawn < MIN_PERMUTATIONS {
            continue;
        }
        let before = active.len();
        let mut c = 0;
        while c < active.len() {
            if clear(extreme[c]) || drawn >= PERMUTATIONS {
                results[active[c]] = TestResult {
                    p_value: monte_carlo_p(extreme[c], drawn),
                    method: Method::MonteCarlo {
                        permutations: drawn,
                    },
                };
                active.remove(c);
                extreme.remove(c);
            } else {
                c += 1;
            }
        }
        if active.len() != before && !active.is_empty() {
            (packed, centres, thresholds) = pack(&active);
        }
    }
    results
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
        assert_eq!(
            permutation_test(&[5.0; 4], &[5.0; 3]),
            TestResult {
                p_value: 1.0,
                method: Method::NoVariation
            }
        );
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
    fn more_measures_than_one_pass_holds_are_tested_alike() {
        // Ten columns, each a shifted copy of the same split: the same p.
        let first: Vec<f64> = (0..3)
            .flat_map(|d| (0..10).map(move |c| f64::from(d + c)))
            .collect();
        let second: Vec<f64> = (3..6)
            .flat_map(|d| (0..10).map(move |c| f64::from(d + c)))
            .collect();
        let all = permutation_tests(&first, &second, 10);
        assert_eq!(all.len(), 10);
        assert!(
            all.iter().all(|r| (r.p_value - 0.1).abs() < 1e-12),
            "{all:?}"
        );
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
        assert!(matches!(a.method, Method::MonteCarlo { .. }));
        assert_eq!(a, permutation_test(&first, &second));
        assert!(a.p_value > 0.0 && a.p_value <= 1.0);
    }

    #[test]
    fn drawing_stops_once_the_side_of_alpha_is_clear() {
        // The first group's mean is 3 − shift, the second's 2.
        let split = |shift: f64| {
            let first: Vec<f64> = (0..40).map(|i| f64::from(i % 7) - shift).collect();
            let second: Vec<f64> = (0..60).map(|i| f64::from(i % 5)).collect();
            permutation_test(&first, &second)
        };
        let drawn = |r: TestResult| match r.method {
            Method::MonteCarlo { permutations } => permutations,
            other => panic!("{other:?}"),
        };
        // Far from 0.05 either way: the fewest splits.
        let clear = split(0.9);
        assert!(clear.p_value > 0.3, "{clear:?}");
        assert_eq!(drawn(clear), MIN_PERMUTATIONS);
        let far = split(-2.0);
        assert_eq!(drawn(far), MIN_PERMUTATIONS);
        assert!((far.p_value - 1.0 / 2_001.0).abs() < 1e-12, "{far:?}");
        // Somewhere near 0.05 more are drawn, never more than the most.
        let near = (0..60)
            .map(|i| split(f64::from(i) * 0.01))
            .find(|r| (r.p_value - ALPHA).abs() < 0.01)
            .expect("a shift near p = 0.05");
        assert!(
            drawn(near) > MIN_PERMUTATIONS && drawn(near) <= PERMUTATIONS,
            "{near:?}"
        );
    }

    #[test]
    fn each_measure_stops_on_its_own() {
        // Column 0 is far from any difference, column 1 near p = 0.05: the
        // first stops at the fewest splits, the second draws on, and each
        // gets the p it would get tested alone.
        let shift = (0..60)
            .map(|i| f64::from(i) * 0.01)
            .find(|&s| {
                let first: Vec<f64> = (0..40).map(|i| f64::from(i % 7) - s).collect();
                let second: Vec<f64> = (0..60).map(|i| f64::from(i % 5)).collect();
                (permutation_test(&first, &second).p_value - ALPHA).abs() < 0.01
            })
            .expect("a shift near p = 0.05");
        let row = |i: i32, near: f64| [f64::from(i % 3), near];
        let first: Vec<f64> = (0..40)
            .flat_map(|i| row(i, f64::from(i % 7) - shift))
            .collect();
        let second: Vec<f64> = (0..60).flat_map(|i| row(i, f64::from(i % 5))).collect();
        let both = permutation_tests(&first, &second, 2);
        assert_eq!(
            both[0].method,
            Method::MonteCarlo {
                permutations: MIN_PERMUTATIONS
            }
        );
        assert!(both[0].p_value > 0.3, "{both:?}");
        match both[1].method {
            Method::MonteCarlo { permutations } => assert!(permutations > MIN_PERMUTATIONS),
            other => panic!("{other:?}"),
        }
        let alone_first: Vec<f64> = first.iter().skip(1).step_by(2).copied().collect();
        let alone_second: Vec<f64> = second.iter().skip(1).step_by(2).copied().collect();
        assert_eq!(both[1], permutation_test(&alone_first, &alone_second));
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
