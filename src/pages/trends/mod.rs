//! Trends at `/trends?days=7|30|90` or `?from=YYYY-MM-DD&to=YYYY-MM-DD`:
//! the period's averages, one chart per target (daily totals, the 7-day
//! moving average, the target and the cramp days on one time axis) with
//! its numbers as a table, and cramp days against other days; the doctor's
//! summary of the same period at `/summary` (same query).
//!
//! Everything is the domain's (`domain::insights`): this page reads the
//! whole diary first, then only draws what `Trends` and `CrampComparison`
//! computed. One module per part: `period_picker`, `chart`, `comparison`
//! and `summary` (the print view).

pub mod chart;
mod comparison;
mod period_picker;
pub mod summary;

use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

use crate::catalog;
use crate::components::planner_state::Planner;
use crate::domain::diary::date::Date;
use crate::domain::insights::period::{Period, Span};
use crate::domain::insights::trends::Trends;
use crate::storage::today;
use crate::timing;
use chart::TrendChart;
use comparison::Comparison;
use period_picker::PeriodPicker;

/// The span a page opens with.
pub const DEFAULT_SPAN: Span = Span::Month;

/// What the address asks for: a ready-made span ending today, or a custom
/// range (as typed, checked by the domain).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Chosen {
    /// The last 7, 30 or 90 days.
    Span(Span),
    /// From and to, as in the address.
    Custom(String, String),
}

impl Chosen {
    /// From the query: `from` and `to`, else `days`, else [`DEFAULT_SPAN`].
    pub fn from_query(get: impl Fn(&str) -> Option<String>) -> Chosen {
        match (get("from"), get("to")) {
            (Some(from), Some(to)) => Chosen::Custom(from, to),
            _ => Chosen::Span(
                get("days")
                    .and_then(|d| Span::from_key(&d))
                    .unwrap_or(DEFAULT_SPAN),
            ),
        }
    }

    /// The period, or why it is refused (the domain's words).
    pub fn period(&self, today: Date) -> Result<Period, String> {
        match self {
            Chosen::Span(span) => Period::ending(today, *span).map_err(|e| e.to_string()),
            Chosen::Custom(from, to) => {
                let first = Date::parse(from).map_err(|e| format!("The first day is {e}."))?;
                let last = Date::parse(to).map_err(|e| format!("The last day is {e}."))?;
                Period::new(first, last).map_err(|e| e.to_string())
            }
        }
    }

    /// The query that asks for it: "days=30", "from=…&to=…".
    pub fn query(&self) -> String {
        match self {
            Chosen::Span(span) => format!("days={}", span.key()),
            Chosen::Custom(from, to) => format!("from={from}&to={to}"),
        }
    }
}

/// The period the address asks for, as a signal.
pub(crate) fn chosen_from_address() -> Memo<Chosen> {
    let params = use_query_map();
    Memo::new(move |_| params.with(|p| Chosen::from_query(|key| p.get(key))))
}

/// The trends screen.
#[component]
pub fn TrendsPage() -> impl IntoView {
    super::set_title("Trends");
    let planner = Planner::expect();
    // Every view here looks at many days: read them all first.
    planner.read_whole_diary();
    timing::mark("trends-start");
    let chosen = chosen_from_address();
    let period = Memo::new(move |_| chosen.get().period(today()));
    // The trends, with a generation so a recomputed chart is drawn anew.
    let trends = Memo::new(move |previous: Option<&Option<(u32, Arc<Trends>)>>| {
        if !planner.whole_diary_read.get() {
            return None;
        }
        let period = period.get().ok()?;
        let generation = previous.and_then(|p| p.as_ref()).map_or(0, |p| p.0 + 1);
        let trends = timing::measure("trends-compute", || {
            planner
                .diary
                .with(|diary| Trends::compute(diary, catalog::foods(), period))
        });
        Some((generation, Arc::new(trends)))
    });
    // The first drawing, measured for the benchmark (effects run once the
    // view is in the document).
    Effect::new(move |_| timing::measure_from("trends-render", "trends-start"));
    let charts = move || {
        trends.with(|t| {
            t.as_ref()
                .map(|(generation, trends)| {
                    trends
                        .series
                        .iter()
                        .map(|s| (*generation, s.nutrient, Arc::clone(trends)))
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    };
    let summary_href = move || summary::href(&chosen.get());
    view! {
        <section class="trends-page">
            <h1>"Trends"</h1>
            <p class="lede">
                "Your potassium, magnesium, calcium, sodium and fluids day by day against your targets, "
                "and what is different on your cramp days."
            </p>
            <PeriodPicker chosen=chosen/>
            {move || period.get().err().map(|e| view! {
                <p class="error" role="alert" data-testid="trends-period-error">{e}</p>
            })}
            <Show
                when=move || planner.whole_diary_read.get()
                fallback=|| view! { <p class="hint" role="status" data-testid="trends-reading">"Reading your diary…"</p> }
            >
                {move || trends.with(|t| t.as_ref().map(|(_, t)| {
                    let averages = t.series.iter().map(|s| view! {
                        <li data-testid=format!("trends-average-{}", s.nutrient.key())>
                            {s.summary_text()}
                        </li>
                    }).collect_view();
                    view! {
                        <p class="trends-period" data-testid="trends-period">{t.period.text()}</p>
                        <p data-testid="trends-cramps">{t.cramps_text()}</p>
                        <section aria-labelledby="trends-averages-heading">
                            <h2 id="trends-averages-heading">"Averages"</h2>
                            <ul class="trends-averages" data-testid="trends-averages">{averages}</ul>
                        </section>
                    }
                }))}
                <div class="trend-charts">
                    <For
                        each=charts
                        key=|(generation, nutrient, _)| (*generation, nutrient.key())
                        children=|(_, nutrient, trends)| view! { <TrendChart trends=trends nutrient=nutrient/> }
                    />
                </div>
                {move || trends.with(|t| t.as_ref().map(|(_, t)| view! { <Comparison trends=Arc::clone(t)/> }))}
                <p class="trends-summary-link">
                    <A href=summary_href attr:data-testid="trends-summary-link">
                        "A summary of this period for your doctor (to print or save as PDF)"
                    </A>
                </p>
            </Show>
        </section>
    }
}
