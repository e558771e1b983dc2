//! How the day stands against each target: a share of a minimum ("met"
//! once reached) or of the sodium budget ("over the limit" above it).

use crate::foods::nutrient::Nutrient;
use crate::planning::totals::{DayTotals, NutrientTotal};
use crate::targets::daily_targets::DailyTargets;
use crate::targets::dri::{Target, TargetKind};
use crate::units::amount_text::format_nutrient_amount;
use crate::units::format::{format_amount, format_percent};

/// Where a total stands against its target.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Status {
    /// A minimum not reached yet.
    Below,
    /// A minimum reached (known amounts alone reach it).
    Met,
    /// A ceiling not passed (as far as the known amounts go).
    WithinLimit,
    /// A ceiling passed (known amounts alone pass it).
    OverLimit,
}

impl Status {
    /// Short label: "Not yet met", "Met", "Within the limit", "Over the limit".
    pub fn label(self) -> &'static str {
        match self {
            Status::Below => "Not yet met",
            Status::Met => "Met",
            Status::WithinLimit => "Within the limit",
            Status::OverLimit => "Over the limit",
        }
    }
}

/// A total against its target.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Progress {
    /// The nutrient.
    pub nutrient: Nutrient,
    /// The day's total (possibly a lower bound).
    pub total: NutrientTotal,
    /// The target it is measured against.
    pub target: Target,
    /// The known total as a percentage of the target (of the budget, for a
    /// ceiling); 0 when the target is not above zero.
    pub percent: f64,
    /// Where the total stands.
    pub status: Status,
}

impl Progress {
    /// Measures `total` of `nutrient` against `target`. Missing data can
    /// only add, so "met" and "over" from known amounts are certain; "below"
    /// and "within" may change once the data is known.
    pub fn new(nutrient: Nutrient, total: NutrientTotal, target: Target) -> Progress {
        let percent = if target.amount > 0.0 && target.amount.is_finite() {
            total.known / target.amount * 100.0
        } else {
            0.0
        };
        let status = match target.kind {
            TargetKind::Minimum if total.known >= target.amount => Status::Met,
            TargetKind::Minimum => Status::Below,
            TargetKind::Ceiling if total.known > target.amount => Status::OverLimit,
            TargetKind::Ceiling => Status::WithinLimit,
        };
        Progress {
            nutrient,
            total,
            target,
            percent,
            status,
        }
    }

    /// What is left: to reach a minimum, or of the budget under a ceiling;
    /// never below zero.
    pub fn remaining(&self) -> f64 {
        (self.target.amount - self.total.known).max(0.0)
    }

    /// The compact bar's numbers: "1,840 / 2,600 mg", with "at least"
    /// first when items lack data.
    pub fn compact_label(&self) -> String {
        let at_least = if self.total.is_lower_bound() {
            "at least "
        } else {
            ""
        };
        let total = format_nutrient_amount(self.nutrient, self.total.known);
        let target = format_nutrient_amount(self.nutrient, self.target.amount);
        // "1,840 / 2,600 mg": the unit once when both share it.
        let shared = total
            .rsplit_once(' ')
            .zip(target.rsplit_once(' '))
            .filter(|((_, a), (_, b))| a == b)
            .map(|((number, _), _)| number.to_owned());
        match shared {
            Some(number) => format!("{at_least}{number} / {target}"),
            None => format!("{at_least}{total} / {target}"),
        }
    }

    /// What is left to do, in a few words: "760 to go", "met", "460 left"
    /// under a ceiling, "200 over"; in the unit of [`Progress::compact_label`]
    /// (mg), which is named only where it could differ (water: "1.8 L to go").
    pub fn gap_text(&self) -> String {
        let amount = |a: f64| match self.nutrient {
            Nutrient::Water => format_nutrient_amount(self.nutrient, a),
            _ => format_amount(a),
        };
        match self.status {
            Status::Below => format!("{} to go", amount(self.remaining())),
            Status::Met => "met".to_owned(),
            Status::WithinLimit => format!("{} left", amount(self.remaining())),
            Status::OverLimit => format!("{} over", amount(self.total.known - self.target.amount)),
        }
    }

    /// One line for people: "16 % of 2,600 mg", "Met: 104 % of 2,600 mg",
    /// "62 % of the 2,300 mg limit", "Over the limit: 110 % of 2,300 mg";
    /// "at least" before the percentage when items lack data.
    pub fn text(&self) -> String {
        let at_least = if self.total.is_lower_bound() {
            "at least "
        } else {
            ""
        };
        let percent = format!("{at_least}{}", format_percent(self.percent));
        let target = format_nutrient_amount(self.nutrient, self.target.amount);
        match self.status {
            Status::Below => format!("{percent} of {target}"),
            Status::Met => format!("Met: {percent} of {target}"),
            Status::WithinLimit => format!("{percent} of the {target} limit"),
            Status::OverLimit => format!("Over the limit: {percent} of {target}"),
        }
    }
}

/// Progress toward every target, in [`crate::targets::daily_targets::TARGET_NUTRIENTS`]
/// order; water is measured with the fluids that count.
pub fn day_progress(targets: &DailyTargets, totals: &DayTotals) -> Vec<Progress> {
    targets
        .all()
        .into_iter()
        .map(|t| Progress::new(t.nutrient, totals.day().get(t.nutrient), t.target))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn total(known: f64, items_missing: usize) -> NutrientTotal {
        NutrientTotal {
            known,
            items_missing,
        }
    }

    const K: Target = Target {
        amount: 2_600.0,
        kind: TargetKind::Minimum,
    };
    const NA: Target = Target {
        amount: 2_300.0,
        kind: TargetKind::Ceiling,
    };

    #[test]
    fn minimums_are_met_once_reached() {
        let p = Progress::new(Nutrient::Potassium, total(422.44, 0), K);
        assert_eq!(p.status, Status::Below);
        assert_eq!(p.text(), "16 % of 2,600 mg");
        assert!((p.remaining() - 2_177.56).abs() < 1e-9);
        let p = Progress::new(Nutrient::Potassium, total(2_600.0, 0), K);
        assert_eq!(p.status, Status::Met);
        assert_eq!(p.text(), "Met: 100 % of 2,600 mg");
        assert_eq!(p.remaining(), 0.0);
        let p = Progress::new(Nutrient::Potassium, total(2_704.0, 2), K);
        assert_eq!(p.status, Status::Met);
        assert_eq!(p.text(), "Met: at least 104 % of 2,600 mg");
        let p = Progress::new(Nutrient::Potassium, total(1_300.0, 1), K);
        assert_eq!(p.text(), "at least 50 % of 2,600 mg");
        assert_eq!(p.status.label(), "Not yet met");
    }

    #[test]
    fn the_sodium_ceiling_is_a_budget() {
        let p = Progress::new(Nutrient::Sodium, total(1_426.0, 0), NA);
        assert_eq!(p.status, Status::WithinLimit);
        assert_eq!(p.text(), "62 % of the 2,300 mg limit");
        assert!((p.remaining() - 874.0).abs() < 1e-9);
        let p = Progress::new(Nutrient::Sodium, total(2_300.0, 0), NA);
        assert_eq!(p.status, Status::WithinLimit);
        let p = Progress::new(Nutrient::Sodium, total(2_530.0, 1), NA);
        assert_eq!(p.status, Status::OverLimit);
        assert_eq!(p.text(), "Over the limit: at least 110 % of 2,300 mg");
        assert_eq!(p.remaining(), 0.0);
        assert_eq!(p.status.label(), "Over the limit");
    }

    #[test]
    fn water_reads_in_litres_and_odd_targets_do_not_divide_by_zero() {
        let water = Target {
            amount: 2_700.0,
            kind: TargetKind::Minimum,
        };
        let p = Progress::new(Nutrient::Water, total(1_350.0, 0), water);
        assert_eq!(p.text(), "50 % of 2.7 L");
        let zero = Target {
            amount: 0.0,
            kind: TargetKind::Minimum,
        };
        let p = Progress::new(Nutrient::Calcium, total(10.0, 0), zero);
        assert_eq!(p.percent, 0.0);
        assert_eq!(p.status, Status::Met);
        let nan = Target {
            amount: f64::NAN,
            kind: TargetKind::Ceiling,
        };
        let p = Progress::new(Nutrient::Sodium, total(10.0, 0), nan);
        assert_eq!(p.percent, 0.0);
        assert_eq!(p.status, Status::WithinLimit);
    }

    #[test]
    fn compact_lines_say_what_is_left() {
        let minimum = Target {
            amount: 2_600.0,
            kind: TargetKind::Minimum,
        };
        let total = |known, items_missing| NutrientTotal {
            known,
            items_missing,
        };
        let k = Progress::new(Nutrient::Potassium, total(1_840.0, 0), minimum);
        assert_eq!(k.compact_label(), "1,840 / 2,600 mg");
        assert_eq!(k.gap_text(), "760 to go");
        let lower = Progress::new(Nutrient::Potassium, total(1_840.0, 2), minimum);
        assert_eq!(lower.compact_label(), "at least 1,840 / 2,600 mg");
        let met = Progress::new(Nutrient::Potassium, total(2_700.0, 0), minimum);
        assert_eq!(met.gap_text(), "met");
        let ceiling = Target {
            amount: 2_300.0,
            kind: TargetKind::Ceiling,
        };
        let na = Progress::new(Nutrient::Sodium, total(1_840.0, 0), ceiling);
        assert_eq!(na.gap_text(), "460 left");
        let over = Progress::new(Nutrient::Sodium, total(2_500.0, 0), ceiling);
        assert_eq!(over.gap_text(), "200 over");
        // Units that differ are both shown: 900 ml of a 2.7 L target.
        let water = Target {
            amount: 2_700.0,
            kind: TargetKind::Minimum,
        };
        let w = Progress::new(Nutrient::Water, total(900.0, 0), water);
        assert_eq!(w.compact_label(), "900 ml / 2.7 L");
        assert_eq!(w.gap_text(), "1.8 L to go");
    }
}
