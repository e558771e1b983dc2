//! "Foods richest in a mineral": the whole table ranked by a mineral per
//! 100 g, per typical portion or per 100 kcal, with honest exclusions.

use crate::foods::food::{Food, FoodGroupId};
use crate::foods::food_table::{FoodIndex, FoodTable};
use crate::foods::nutrient::Nutrient;
use crate::planning::progress::{Progress, Status};
use crate::units::format::format_percent;

/// What the ranking compares foods by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Basis {
    /// Amount in 100 g of the food.
    Per100g,
    /// Amount in the food's default serving, the portion a person eats
    /// ([`crate::foods::default_serving`]): 1 medium banana, 1 oz of almonds, 1 tsp
    /// of cream of tartar.
    PerPortion,
    /// Amount per 100 kcal of the food: nutrient density.
    Per100Kcal,
}

impl Basis {
    pub const ALL: [Basis; 3] = [Basis::Per100g, Basis::PerPortion, Basis::Per100Kcal];

    /// Stable key used in URLs and forms.
    pub fn key(self) -> &'static str {
        match self {
            Basis::Per100g => "per100g",
            Basis::PerPortion => "portion",
            Basis::Per100Kcal => "per100kcal",
        }
    }

    pub fn from_key(key: &str) -> Option<Basis> {
        Basis::ALL.into_iter().find(|b| b.key() == key)
    }

    /// Label for a picker: "per 100 g".
    pub fn label(self) -> &'static str {
        match self {
            Basis::Per100g => "per 100 g",
            Basis::PerPortion => "per typical portion",
            Basis::Per100Kcal => "per 100 kcal",
        }
    }
}

/// FDA's "low sodium" claim: at most 140 mg per serving. Applied to the
/// amount the ranking shows (per 100 g, or per portion when ranking by portion).
pub const LOW_SODIUM_MAX_MG: f64 = 140.0;

/// Foods with less energy than this per 100 g (water, tea, coffee, salt) are
/// left out of per-100-kcal rankings: dividing by almost nothing says nothing.
pub const MIN_KCAL_PER_100G_FOR_DENSITY: f64 = 5.0;

/// A ranking request.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RichFoodsQuery {
    pub mineral: Nutrient,
    pub basis: Basis,
    pub group: Option<FoodGroupId>,
    pub low_sodium: bool,
}

/// One ranked food.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RankedFood {
    pub food: FoodIndex,
    /// The mineral amount on the query's basis.
    pub value: f64,
}

/// Why foods of the chosen group were left out of a ranking.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Exclusions {
    /// USDA has no value for the mineral.
    pub no_mineral_data: usize,
    /// Too little energy to compute the per-100-kcal basis. (Every food has
    /// a default serving, so the per-portion ranking leaves none out.)
    pub no_basis: usize,
    /// Sodium unknown or above [`LOW_SODIUM_MAX_MG`] (low-sodium filter only).
    pub not_low_sodium: usize,
}

/// The ranking: every qualifying food, richest first, and what was left out.
#[derive(Debug, Clone, PartialEq)]
pub struct RichFoods {
    pub ranked: Vec<RankedFood>,
    pub excluded: Exclusions,
}

/// Grams the basis refers to for `food`, or `None` if it cannot be computed.
fn basis_grams(table: &FoodTable, food: &Food, basis: Basis) -> Option<f64> {
    match basis {
        Basis::Per100g => Some(100.0),
        Basis::PerPortion => Some(table.default_serving(food).grams(food)),
        Basis::Per100Kcal => food
            .per_100g
            .get(Nutrient::Energy)
            .filter(|kcal| *kcal >= MIN_KCAL_PER_100G_FOR_DENSITY)
            .map(|kcal| 100.0 * 100.0 / kcal),
    }
}

/// Sodium in the amount the ranking shows (per 100 g for the per-100-kcal basis).
fn shown_sodium(food: &Food, basis: Basis, grams: f64) -> Option<f64> {
    let grams = if basis == Basis::Per100Kcal {
        100.0
    } else {
        grams
    };
    food.amount_in(Nutrient::Sodium, grams)
}

/// Ranks every food of the table (or of one group) by the query's mineral.
pub fn rank(table: &FoodTable, query: &RichFoodsQuery) -> RichFoods {
    let mut excluded = Exclusions::default();
    let mut ranked = Vec::new();
    let in_group = |f: &Food| query.group.is_none_or(|g| f.group == g);
    for (index, food) in table
        .foods()
        .iter()
        .enumerate()
        .filter(|(_, f)| in_group(f))
    {
        let Some(per_100g) = food.per_100g.get(query.mineral) else {
            excluded.no_mineral_data += 1;
            continue;
        };
        let Some(grams) = basis_grams(table, food, query.basis) else {
            excluded.no_basis += 1;
            continue;
        };
        if query.low_sodium
            && shown_sodium(food, query.basis, grams).is_none_or(|na| na > LOW_SODIUM_MAX_MG)
        {
            excluded.not_low_sodium += 1;
            continue;
        }
        ranked.push(RankedFood {
            food: index,
            value: per_100g * grams / 100.0,
        });
    }
    ranked.sort_by(|a, b| b.value.total_cmp(&a.value).then(a.food.cmp(&b.food)));
    RichFoods { ranked, excluded }
}

/// The mineral (of [`Nutrient::WANTED_MINERALS`]) the day is shortest of:
/// the lowest percentage of its target among those not met yet, with that
/// percentage. Ties go to the order of `WANTED_MINERALS` (potassium first);
/// `None` when every one of them is met (or has no progress given).
pub fn shortest_mineral(progress: &[Progress]) -> Option<(Nutrient, f64)> {
    Nutrient::WANTED_MINERALS
        .into_iter()
        .filter_map(|n| progress.iter().find(|p| p.nutrient == n))
        .filter(|p| p.status == Status::Below)
        .fold(None, |best: Option<&Progress>, p| match best {
            Some(b) if b.percent <= p.percent => Some(b),
            _ => Some(p),
        })
        .map(|p| (p.nutrient, p.percent))
}

/// The line that says why the list opens on `mineral`: "you are furthest
/// from your magnesium target (42 %)", for a sentence that starts with the
/// day ("Today …").
pub fn shortest_mineral_text(mineral: Nutrient, percent: f64) -> String {
    format!(
        "you are furthest from your {} target ({})",
        mineral.name().to_ascii_lowercase(),
        format_percent(percent)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::foods::food::{FoodGroup, NdbNumber, NutrientValues, Portion};

    fn food(
        ndb: u32,
        group: u8,
        kcal: f64,
        k: Option<f64>,
        na: Option<f64>,
        portion: Option<f64>,
    ) -> Food {
        Food {
            ndb: NdbNumber::new(ndb).unwrap(),
            description: "test food",
            group: FoodGroupId(group),
            per_100g: NutrientValues::new([Some(kcal), Some(50.0), k, Some(10.0), Some(20.0), na]),
            portions: portion
                .map(|grams| Portion {
                    amount: 1.0,
                    unit: "cup",
                    grams,
                })
                .into_iter()
                .collect(),
        }
    }

    fn table() -> FoodTable {
        let groups = vec![
            FoodGroup {
                code: "0900",
                name: "Fruits",
            },
            FoodGroup {
                code: "1100",
                name: "Vegetables",
            },
        ];
        FoodTable::new(
            vec![
                food(1, 0, 100.0, Some(400.0), Some(1.0), Some(100.0)), // 400 / 400 / 400
                food(2, 1, 20.0, Some(300.0), Some(200.0), Some(200.0)), // 300 / 600 / 1500
                food(3, 1, 50.0, None, Some(5.0), Some(50.0)),          // no K
                food(4, 0, 2.0, Some(90.0), None, None),                // tea-like, no Na
                food(5, 1, 40.0, Some(500.0), Some(100.0), Some(200.0)), // 500 / 1000 / 1250
            ],
            groups,
        )
    }

    fn query(basis: Basis) -> RichFoodsQuery {
        RichFoodsQuery {
            mineral: Nutrient::Potassium,
            basis,
            group: None,
            low_sodium: false,
        }
    }

    fn ndbs(table: &FoodTable, result: &RichFoods) -> Vec<u32> {
        result
            .ranked
            .iter()
            .map(|r| table.foods()[r.food].ndb.value())
            .collect()
    }

    #[test]
    fn ranks_per_100g_richest_first_and_counts_missing_data() {
        let t = table();
        let result = rank(&t, &query(Basis::Per100g));
        assert_eq!(ndbs(&t, &result), vec![5, 1, 2, 4]);
        assert_eq!(result.ranked[0].value, 500.0);
        assert_eq!(result.excluded.no_mineral_data, 1);
    }

    #[test]
    fn ranks_per_default_serving() {
        let t = table();
        let result = rank(&t, &query(Basis::PerPortion));
        // Food 4 has no portion: it is ranked by its default in grams.
        assert_eq!(ndbs(&t, &result), vec![5, 2, 1, 4]);
        assert_eq!(result.ranked[0].value, 1000.0);
        let tea = &t.foods()[3];
        let grams = t.default_serving(tea).grams(tea);
        assert_eq!(result.ranked[3].value, 90.0 * grams / 100.0);
        assert_eq!(result.excluded.no_basis, 0);
    }

    #[test]
    fn ranks_the_real_table_by_what_people_eat() {
        let t = crate::foods::food_table::sr28();
        let calcium = RichFoodsQuery {
            mineral: Nutrient::Calcium,
            ..query(Basis::PerPortion)
        };
        let result = rank(t, &calcium);
        let position = |ndb: u32| {
            let index = t.index_of(NdbNumber::new(ndb).unwrap()).unwrap();
            result.ranked.iter().position(|r| r.food == index).unwrap()
        };
        // USDA lists "1 cup" first for sesame seeds (1,404 mg) and orange
        // juice concentrate (1,514 mg): they led. By the tablespoon and
        // the 2 fl oz that make a cup of juice, they no longer do.
        assert!(position(12023) > 500, "sesame seeds");
        assert!(position(9214) > 500, "orange juice concentrate");
        // A cup of milk beats a teaspoon of cream of tartar.
        assert!(position(1077) < position(18373));
    }

    #[test]
    fn ranks_per_100_kcal_and_skips_near_zero_energy() {
        let t = table();
        let result = rank(&t, &query(Basis::Per100Kcal));
        assert_eq!(ndbs(&t, &result), vec![2, 5, 1]);
        assert_eq!(result.ranked[0].value, 1500.0);
        assert_eq!(result.excluded.no_basis, 1);
    }

    #[test]
    fn filters_by_group() {
        let t = table();
        let q = RichFoodsQuery {
            group: Some(FoodGroupId(0)),
            ..query(Basis::Per100g)
        };
        assert_eq!(ndbs(&t, &rank(&t, &q)), vec![1, 4]);
    }

    #[test]
    fn low_sodium_uses_the_shown_amount_and_drops_unknown_sodium() {
        let t = table();
        let per_100g = RichFoodsQuery {
            low_sodium: true,
            ..query(Basis::Per100g)
        };
        let result = rank(&t, &per_100g);
        assert_eq!(ndbs(&t, &result), vec![5, 1]);
        assert_eq!(result.excluded.not_low_sodium, 2);
        let per_portion = RichFoodsQuery {
            low_sodium: true,
            ..query(Basis::PerPortion)
        };
        // Food 5: 100 mg/100 g but 200 mg in its 200 g portion.
        assert_eq!(ndbs(&t, &rank(&t, &per_portion)), vec![1]);
    }

    fn progress(nutrient: Nutrient, known: f64, target: f64) -> Progress {
        use crate::planning::totals::NutrientTotal;
        use crate::targets::dri::{Target, TargetKind};
        Progress::new(
            nutrient,
            NutrientTotal {
                known,
                items_missing: 0,
            },
            Target {
                amount: target,
                kind: TargetKind::Minimum,
            },
        )
    }

    #[test]
    fn the_shortest_mineral_is_the_lowest_share_not_met() {
        // A banana: K 422 of 2,600 mg (16 %), Mg 32 of 320 (10 %), Ca 5.9 of 1,000 (<1 %).
        let day = [
            progress(Nutrient::Energy, 105.0, 2_000.0),
            progress(Nutrient::Potassium, 422.44, 2_600.0),
            progress(Nutrient::Magnesium, 31.86, 320.0),
            progress(Nutrient::Calcium, 5.9, 1_000.0),
        ];
        let (mineral, percent) = shortest_mineral(&day).unwrap();
        assert_eq!(mineral, Nutrient::Calcium);
        assert!((percent - 0.59).abs() < 1e-9);
        assert_eq!(
            shortest_mineral_text(mineral, percent),
            "you are furthest from your calcium target (<1 %)"
        );
        let (mineral, percent) = shortest_mineral(&day[..3]).unwrap();
        assert_eq!(mineral, Nutrient::Magnesium);
        assert_eq!(
            shortest_mineral_text(mineral, percent),
            "you are furthest from your magnesium target (10 %)"
        );
        // Energy and sodium never count, however low.
        let low_energy = [
            progress(Nutrient::Energy, 0.0, 2_000.0),
            progress(Nutrient::Sodium, 0.0, 2_300.0),
            progress(Nutrient::Magnesium, 160.0, 320.0),
        ];
        assert_eq!(
            shortest_mineral(&low_energy),
            Some((Nutrient::Magnesium, 50.0))
        );
    }

    #[test]
    fn ties_go_to_potassium_then_magnesium_and_met_targets_drop_out() {
        // An empty day: all at 0 %.
        let empty = [
            progress(Nutrient::Calcium, 0.0, 1_000.0),
            progress(Nutrient::Magnesium, 0.0, 320.0),
            progress(Nutrient::Potassium, 0.0, 2_600.0),
        ];
        assert_eq!(shortest_mineral(&empty), Some((Nutrient::Potassium, 0.0)));
        let tie = [
            progress(Nutrient::Potassium, 2_600.0, 2_600.0),
            progress(Nutrient::Magnesium, 160.0, 320.0),
            progress(Nutrient::Calcium, 500.0, 1_000.0),
        ];
        assert_eq!(shortest_mineral(&tie), Some((Nutrient::Magnesium, 50.0)));
        // Met (even at exactly 100 %) is never "shortest".
        let two_met = [
            progress(Nutrient::Potassium, 2_600.0, 2_600.0),
            progress(Nutrient::Magnesium, 400.0, 320.0),
            progress(Nutrient::Calcium, 990.0, 1_000.0),
        ];
        assert_eq!(shortest_mineral(&two_met), Some((Nutrient::Calcium, 99.0)));
        let all_met = [
            progress(Nutrient::Potassium, 2_600.0, 2_600.0),
            progress(Nutrient::Magnesium, 400.0, 320.0),
            progress(Nutrient::Calcium, 1_000.0, 1_000.0),
        ];
        assert_eq!(shortest_mineral(&all_met), None);
        assert_eq!(shortest_mineral(&[]), None);
    }

    #[test]
    fn basis_keys_round_trip() {
        for basis in Basis::ALL {
            assert_eq!(Basis::from_key(basis.key()), Some(basis));
        }
        assert_eq!(Basis::from_key("per-cup"), None);
    }
}
