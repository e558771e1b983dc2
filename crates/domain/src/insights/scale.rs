//! The vertical scale of a chart, so the drawing code only places what it
//! is given: a round top value, evenly spaced round ticks from 0, and where
//! a value falls between the bottom (0) and the top (1).

/// A chart's y axis: from 0 to [`YScale::max`], with ticks every
/// [`YScale::step`].
#[derive(Debug, Clone, PartialEq)]
pub struct YScale {
    /// The top of the axis: a round number at or above every value shown.
    pub max: f64,
    /// The distance between ticks: 1, 2, 2.5 or 5 times a power of ten.
    pub step: f64,
    /// The tick values from 0 to [`YScale::max`], ascending.
    pub ticks: Vec<f64>,
}

/// The most steps an axis has (2 to 4 once the step is rounded up).
const TARGET_STEPS: f64 = 4.0;

impl YScale {
    /// A scale that shows every one of `values` (negative, NaN and infinite
    /// values are ignored); 0 to 1 when there is nothing above 0.
    pub fn covering(values: impl IntoIterator<Item = f64>) -> YScale {
        let top = values
            .into_iter()
            .filter(|v| v.is_finite())
            .fold(0.0, f64::max);
        if top <= 0.0 {
            return YScale {
                max: 1.0,
                step: 0.25,
                ticks: vec![0.0, 0.25, 0.5, 0.75, 1.0],
            };
        }
        let raw = top / TARGET_STEPS;
        let magnitude = 10f64.powf(raw.log10().floor());
        let step = [1.0, 2.0, 2.5, 5.0, 10.0]
            .into_iter()
            .map(|m| m * magnitude)
            .find(|&s| s >= raw * (1.0 - 1e-12))
            .unwrap_or(10.0 * magnitude);
        let steps = (top / step * (1.0 - 1e-12)).ceil().max(1.0);
        let ticks = (0..=steps as usize).map(|i| i as f64 * step).collect();
        YScale {
            max: steps * step,
            step,
            ticks,
        }
    }

    /// Where `value` sits: 0 at the bottom, 1 at the top (values are never
    /// above the top when the scale covers them).
    pub fn fraction(&self, value: f64) -> f64 {
        value / self.max
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tops_and_ticks_are_round() {
        let k = YScale::covering([1_840.0, 2_600.0, 3_100.0]);
        assert_eq!(k.step, 1_000.0);
        assert_eq!(k.max, 4_000.0);
        assert_eq!(k.ticks, [0.0, 1_000.0, 2_000.0, 3_000.0, 4_000.0]);
        assert_eq!(k.fraction(2_000.0), 0.5);
        let mg = YScale::covering([310.0, 420.0]);
        assert_eq!((mg.step, mg.max), (200.0, 600.0));
        let exact = YScale::covering([2_000.0]);
        assert_eq!((exact.step, exact.max), (500.0, 2_000.0));
        assert_eq!(exact.ticks.len(), 5);
        let small = YScale::covering([0.9]);
        assert_eq!((small.step, small.max), (0.25, 1.0));
        let water = YScale::covering([2_700.0, 3_300.0]);
        assert_eq!((water.step, water.max), (1_000.0, 4_000.0));
        let quarter = YScale::covering([9.0]);
        assert_eq!((quarter.step, quarter.max), (2.5, 10.0));
    }

    #[test]
    fn nothing_to_show_still_gives_an_axis() {
        for values in [vec![], vec![0.0], vec![-5.0, f64::NAN, f64::INFINITY]] {
            let s = YScale::covering(values);
            assert_eq!(s.max, 1.0);
            assert_eq!(s.ticks.first(), Some(&0.0));
            assert_eq!(s.ticks.last(), Some(&1.0));
        }
    }

    #[test]
    fn every_value_is_under_the_top_with_two_to_four_steps() {
        let mut v = 0.013;
        while v < 1e7 {
            let s = YScale::covering([v]);
            assert!(s.max >= v && s.fraction(v) <= 1.0, "{v}");
            let steps = s.ticks.len() - 1;
            assert!((2..=4).contains(&steps), "{v}: {steps}");
            v *= 1.37;
        }
    }
}
