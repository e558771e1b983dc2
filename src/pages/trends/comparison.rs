//! Cramp days against other days, in both views (the same day, the day
//! before), in the domain's words: what each comparison stands on, every
//! measure's difference with its measure of chance, and the caveat. With
//! too few days, only the domain's reason is shown.

use leptos::prelude::*;

use std::sync::Arc;

use crate::domain::insights::cramp_days::{CrampComparison, View, CAVEAT};
use crate::domain::insights::trends::Trends;
use crate::timing;

/// Both views of the comparison over the period of `trends`, from the
/// days' figures the trends were computed from.
#[component]
pub fn Comparison(
    /// The trends of the period compared.
    trends: Arc<Trends>,
) -> impl IntoView {
    let views: Vec<CrampComparison> = timing::measure("comparison-compute", || {
        View::ALL
            .into_iter()
            .map(|view| trends.comparison(view))
            .collect()
    });
    view! {
        <section class="cramp-comparison" aria-labelledby="comparison-heading" data-testid="comparison">
            <h2 id="comparison-heading">"Cramp days and other days"</h2>
            <p class="hint">"Only days with food logged count."</p>
            {views.into_iter().map(|c| view! { <ComparisonView comparison=c/> }).collect_view()}
            <p class="caveat" data-testid="comparison-caveat">{CAVEAT}</p>
        </section>
    }
}

/// One view: its headline and, with enough days, each measure's text.
#[component]
pub fn ComparisonView(comparison: CrampComparison) -> impl IntoView {
    let key = comparison.view.key();
    let heading = comparison.view.label();
    let measures = comparison.enough_days().then(|| {
        comparison
            .measures
            .iter()
            .map(|m| {
                let class = match m.verdict {
                    crate::domain::insights::cramp_days::Verdict::UnlikelyChance => {
                        "comparison-measure notable"
                    }
                    _ => "comparison-measure",
                };
                view! {
                    <li class=class data-testid=format!("comparison-{key}-measure")>
                        <span class="comparison-label">{m.measure.label()}</span>": "{m.text()}
                    </li>
                }
            })
            .collect_view()
    });
    view! {
        <div class="comparison-view" data-testid=format!("comparison-{key}")>
            <h3>{heading}</h3>
            <p data-testid=format!("comparison-{key}-headline")>{comparison.headline()}</p>
            {measures.map(|m| view! { <ul class="comparison-measures">{m}</ul> })}
        </div>
    }
}
