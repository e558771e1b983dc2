//! A food's four minerals per 100 g, on one line, for lists.

use leptos::prelude::*;

use crate::domain::foods::food::Food;
use crate::domain::foods::nutrient::Nutrient;
use crate::domain::units::format::format_amount;

/// "K 358 · Mg 27 · Ca 5 · Na 1 mg / 100 g"; unknown values read "no data".
#[component]
pub fn MineralSummary(food: &'static Food) -> impl IntoView {
    let parts = Nutrient::MINERALS
        .into_iter()
        .map(|n| {
            let value = food
                .per_100g
                .get(n)
                .map(format_amount)
                .unwrap_or_else(|| "no data".to_owned());
            view! {
                <span class="mineral" title=n.name()>
                    <abbr title=n.name()>{n.symbol()}</abbr>
                    " "
                    {value}
                </span>
            }
        })
        .collect_view();
    view! {
        <span class="mineral-summary" data-testid="result-minerals">
            {parts}
            <span class="per">" mg / 100 g"</span>
        </span>
    }
}
