//! Cramp days against other days, in both views (the same day, the day
//! before), in the domain's words: what each comparison stands on, every
//! measure's difference with its measure of chance, and the caveat. With
//! too few days, only the domain's reason is shown.

use leptos::prelude::*;

use crate::catalog;
use crate::components::planner_state::Planner;
use crate::domain::insights::cramp_days::{CrampComparison, View, CAVEAT};
use crate::domain::insights::period::Period;
use crate::timing;

/// Both views of the comparison over `period`.
#[component]
pub fn Comparison(
    /// The period compared.
    period: Period,
) -> impl IntoView {
    let planner = Planner::expect();
    let views = Memo::new(move |_| {
        timing::measure("comparison-compute", || {
            planner.diary.with(|diary| {
                View::ALL
                    .into_iter()
                    .map(|view| CrampComparison::compute(diary, catalog::foods(), period, view))
                    .collect::<Vec<_>>()
            })
        })
    });
    view! {
        <section class="cramp-comparison" aria-labelledby="comparison-heading" data-testid="comparison">
            <h2 id="comparison-heading">"Cramp days and other days"</h2>
            <p class="hint">"Only days with food logged count."</p>
            {move || views.get().into_iter().map(|c| view! { <ComparisonView comparison=c/> }).collect_view()}
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
