//! The hand-written permutation test against references: Welch's t-test
//! (from `statrs`' Student's t distribution) on large samples, where the
//! two must agree, and a brute-force count of every split where the test
//! samples splits instead of counting them.

use electrolyte_domain::insights::permutation::{permutation_test, Method, SplitMix64, TestResult};
use statrs::distribution::{ContinuousCDF, StudentsT};

/// A uniform number in [0, 1).
fn uniform(rng: &mut SplitMix64) -> f64 {
    (rng.next_u64() >> 11) as f64 / (1u64 << 53) as f64
}

/// `n` draws from a normal distribution (Box–Muller).
fn normal(rng: &mut SplitMix64, n: usize, mean: f64, sd: f64) -> Vec<f64> {
    (0..n)
        .map(|_| {
            let u = 1.0 - uniform(rng);
            let v = uniform(rng);
            mean + sd * (-2.0 * u.ln()).sqrt() * (std::f64::consts::TAU * v).cos()
        })
        .collect()
}

/// How many splits a Monte Carlo result drew, and four of its standard
/// errors: the margin it must fall within.
fn margin(r: TestResult) -> (u32, f64) {
    let Method::MonteCarlo { permutations } = r.method else {
        panic!("not sampled: {r:?}");
    };
    let p = r.p_value;
    (
        permutations,
        4.0 * (p * (1.0 - p) / f64::from(permutations)).sqrt(),
    )
}

fn mean_var(x: &[f64]) -> (f64, f64) {
    let n = x.len() as f64;
    let mean = x.iter().sum::<f64>() / n;
    let var = x.iter().map(|v| (v - mean).powi(2)).sum::<f64>() / (n - 1.0);
    (mean, var)
}

/// Welch's two-sided t-test p-value.
fn welch_p(a: &[f64], b: &[f64]) -> f64 {
    let (ma, va) = mean_var(a);
    let (mb, vb) = mean_var(b);
    let (sa, sb) = (va / a.len() as f64, vb / b.len() as f64);
    let t = (ma - mb) / (sa + sb).sqrt();
    let df = (sa + sb).powi(2)
        / (sa.powi(2) / (a.len() as f64 - 1.0) + sb.powi(2) / (b.len() as f64 - 1.0));
    let dist = StudentsT::new(0.0, 1.0, df).unwrap();
    2.0 * (1.0 - dist.cdf(t.abs()))
}

#[test]
fn large_samples_agree_with_welchs_t_test() {
    let mut rng = SplitMix64::new(2026);
    let mut report = Vec::new();
    // Potassium-like days: 12 to 400 cramp days against 40 to 700 others,
    // from no difference to a large one.
    for (n1, n2, shift) in [
        (60, 200, 0.0),
        (60, 200, 120.0),
        (150, 250, 60.0),
        (150, 250, 100.0),
        (150, 250, 150.0),
        (367, 733, 40.0),
        (367, 733, 70.0),
        (40, 40, 200.0),
        (100, 300, 20.0),
    ] {
        let a = normal(&mut rng, n1, 2_400.0 - shift, 500.0);
        let b = normal(&mut rng, n2, 2_400.0, 500.0);
        let perm = permutation_test(&a, &b);
        let (drawn, margin) = margin(perm);
        let welch = welch_p(&a, &b);
        report.push(format!(
            "n = {n1} vs {n2}, shift {shift}: permutation p = {:.4} ({drawn} splits), Welch p = {welch:.4}",
            perm.p_value
        ));
        // Within four Monte Carlo standard errors, plus 0.01 for the two
        // tests not being the same test.
        assert!(
            (perm.p_value - welch).abs() <= margin + 0.01,
            "n = {n1} vs {n2}, shift {shift}: permutation {} against Welch {welch}",
            perm.p_value
        );
        // And they agree on which side of 0.05 a clear case falls.
        if !(0.03..=0.07).contains(&welch) {
            assert_eq!(perm.p_value < 0.05, welch < 0.05, "{shift}");
        }
    }
    println!("{}", report.join("\n"));
}

/// The exact two-sided p-value by counting every subset of size `k`.
fn brute_force_p(a: &[f64], b: &[f64]) -> f64 {
    let all: Vec<f64> = a.iter().chain(b).copied().collect();
    let n = all.len();
    let k = a.len();
    let total: f64 = all.iter().sum();
    let diff = |sum: f64| (sum / k as f64 - (total - sum) / (n - k) as f64).abs();
    let observed = diff(a.iter().sum());
    let (mut extreme, mut splits) = (0u64, 0u64);
    for mask in 0u32..(1 << n) {
        if mask.count_ones() as usize != k {
            continue;
        }
        splits += 1;
        let sum: f64 = (0..n).filter(|i| mask >> i & 1 == 1).map(|i| all[i]).sum();
        if diff(sum) >= observed - 1e-9 {
            extreme += 1;
        }
    }
    extreme as f64 / splits as f64
}

#[test]
fn sampled_splits_agree_with_counting_every_split() {
    let mut rng = SplitMix64::new(7);
    // C(20, 8) = 125,970 splits: more than are counted one by one.
    for shift in [0.0, 150.0, 300.0, 500.0] {
        let a = normal(&mut rng, 8, 2_400.0 - shift, 400.0);
        let b = normal(&mut rng, 12, 2_400.0, 400.0);
        let perm = permutation_test(&a, &b);
        let (drawn, margin) = margin(perm);
        let exact = brute_force_p(&a, &b);
        println!(
            "8 vs 12, shift {shift}: sampled p = {:.4} ({drawn} splits), exact p = {exact:.4}",
            perm.p_value
        );
        assert!(
            (perm.p_value - exact).abs() <= margin + 1.0 / f64::from(drawn),
            "{shift}: {} against {exact}",
            perm.p_value
        );
    }
    // Small enough to count: the test's own exact count is the brute force's.
    let a = normal(&mut rng, 6, 2_000.0, 400.0);
    let b = normal(&mut rng, 9, 2_300.0, 400.0);
    let perm = permutation_test(&a, &b);
    assert_eq!(perm.method, Method::Exact { splits: 5_005 });
    assert!((perm.p_value - brute_force_p(&a, &b)).abs() < 1e-12);
}
