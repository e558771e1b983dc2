//! The summary for a doctor at `/summary` (the trends page's query): a
//! print view of the period from the domain's `DoctorSummary` — who the
//! targets are for and where they come from, the averages against them,
//! the cramp log, cramp days against other days, and the supplements. The
//! print stylesheet (`@media print` in style/main.css) hides the frame and
//! the buttons and prints black on white.

use leptos::prelude::*;
use leptos_router::components::A;

use super::{chosen_from_address, Chosen};
use crate::catalog;
use crate::components::cramp_log::text::{cramp_details, time_text};
use crate::components::planner_state::Planner;
use crate::domain::insights::cramp_days::{CrampComparison, CAVEAT};
use crate::domain::insights::summary::DoctorSummary;
use crate::domain::targets::dri::TargetKind;
use crate::domain::units::amount_text::format_nutrient_amount;
use crate::domain::units::format::format_number;
use crate::storage::today;

/// The print view of the chosen period.
#[component]
pub fn SummaryPage() -> impl IntoView {
    super::super::set_title("Summary for your doctor");
    let planner = Planner::expect();
    planner.read_whole_diary();
    let chosen = chosen_from_address();
    let summary = Memo::new(move |_| {
        if !planner.whole_diary_read.get() {
            return None;
        }
        Some(chosen.get().period(today()).map(|period| {
            planner
                .diary
                .with(|diary| DoctorSummary::compute(diary, catalog::foods(), period))
        }))
    });
    let back = move || format!("/trends?{}", chosen.get().query());
    let print = move |_| {
        let _ = window().print();
    };
    view! {
        <article class="doctor-summary" data-testid="doctor-summary">
            <div class="no-print summary-actions">
                <button type="button" data-testid="summary-print" on:click=print>"Print or save as PDF"</button>
                " "
                <A href=back attr:data-testid="summary-back">"Back to trends"</A>
            </div>
            {move || match summary.get() {
                None => view! { <p class="hint" role="status" data-testid="summary-reading">"Reading your diary…"</p> }.into_any(),
                Some(Err(e)) => view! { <p class="error" role="alert" data-testid="summary-error">{e}</p> }.into_any(),
                Some(Ok(s)) => view! { <SummaryBody summary=s/> }.into_any(),
            }}
        </article>
    }
}

/// The document itself.
#[component]
fn SummaryBody(summary: DoctorSummary) -> impl IntoView {
    let targets = summary
        .targets
        .iter()
        .map(|t| {
            let kind = match t.target.kind {
                TargetKind::Minimum => "at least",
                TargetKind::Ceiling => "at most",
            };
            view! {
                <tr>
                    <th scope="row">{t.nutrient.name()}</th>
                    <td>{format!("{kind} {}", format_nutrient_amount(t.nutrient, t.target.amount))}</td>
                    <td>{t.source_text()}</td>
                </tr>
            }
        })
        .collect_view();
    let averages = summary
        .averages
        .iter()
        .map(|a| {
            view! {
                <tr data-testid=format!("summary-average-{}", a.nutrient.key())>
                    <th scope="row">{super::chart::chart_name(a.nutrient)}</th>
                    <td>{a.text()}</td>
                </tr>
            }
        })
        .collect_view();
    let cramps = summary
        .cramps
        .iter()
        .map(|c| {
            let e = &c.episode;
            let mut details = cramp_details(e);
            if !e.note.is_empty() {
                details.push(format!("“{}”", e.note));
            }
            view! {
                <tr data-testid="summary-cramp">
                    <td class="cramp-log-day">{c.date.label()}</td>
                    <td>{time_text(e.time)}</td>
                    <td>{e.where_text()}</td>
                    <td class="cramp-log-severity">{format!("{}/10", e.severity)}</td>
                    <td>{e.minutes.map(|m| format!("{} min", format_number(m, 1)))}</td>
                    <td class="cramp-log-details">{details.join(" · ")}</td>
                </tr>
            }
        })
        .collect_view();
    let has_cramps = !summary.cramps.is_empty();
    let supplements = summary
        .supplements
        .iter()
        .map(|s| view! { <li>{s.text()}</li> })
        .collect_view();
    let has_supplements = !summary.supplements.is_empty();
    view! {
        <header class="summary-header">
            <h1>"Electrolyte diary: summary"</h1>
            <p data-testid="summary-period">{summary.period.text()}</p>
            <p data-testid="summary-profile">"Targets for: "{summary.profile_text()}</p>
            <p data-testid="summary-logging">{summary.logging_text()}</p>
        </header>
        <section aria-labelledby="summary-averages-heading">
            <h2 id="summary-averages-heading">"Daily averages against the targets"</h2>
            <div class="table-scroll summary-scroll" tabindex="0" role="region" aria-label="Daily averages, table">
            <table class="summary-table" data-testid="summary-averages">
                <thead><tr><th scope="col">"Nutrient"</th><th scope="col">"Average over the logged days"</th></tr></thead>
                <tbody>{averages}</tbody>
            </table>
            </div>
        </section>
        <section aria-labelledby="summary-targets-heading">
            <h2 id="summary-targets-heading">"Targets and their sources"</h2>
            <div class="table-scroll summary-scroll" tabindex="0" role="region" aria-label="Targets, table">
            <table class="summary-table" data-testid="summary-targets">
                <thead><tr><th scope="col">"Nutrient"</th><th scope="col">"Daily target"</th><th scope="col">"Source"</th></tr></thead>
                <tbody>{targets}</tbody>
            </table>
            </div>
        </section>
        <section aria-labelledby="summary-cramps-heading">
            <h2 id="summary-cramps-heading">"Cramp log"</h2>
            {if has_cramps {
                view! {
                    <div class="table-scroll summary-scroll" tabindex="0" role="region" aria-label="Cramp log, table">
            <table class="summary-table cramp-log" data-testid="summary-cramps">
                        <thead><tr>
                            <th scope="col">"Day"</th><th scope="col">"Time"</th><th scope="col">"Where"</th>
                            <th scope="col">"Severity"</th><th scope="col">"Lasted"</th><th scope="col">"Details"</th>
                        </tr></thead>
                        <tbody>{cramps}</tbody>
                    </table>
            </div>
                }.into_any()
            } else {
                view! { <p>"No cramps logged in this period."</p> }.into_any()
            }}
        </section>
        <section aria-labelledby="summary-comparison-heading" data-testid="summary-comparison">
            <h2 id="summary-comparison-heading">"Cramp days and other days"</h2>
            <SummaryComparison comparison=summary.same_day.clone()/>
            <SummaryComparison comparison=summary.day_before.clone()/>
            <p class="caveat">{CAVEAT}</p>
        </section>
        <section aria-labelledby="summary-supplements-heading">
            <h2 id="summary-supplements-heading">"Supplements taken"</h2>
            {if has_supplements {
                view! { <ul data-testid="summary-supplements">{supplements}</ul> }.into_any()
            } else {
                view! { <p>"No supplements logged in this period."</p> }.into_any()
            }}
        </section>
        <p class="summary-footer hint">
            "From Electrolyte Planner: food values from USDA SR28, targets from the National Academies' "
            "Dietary Reference Intakes. Totals count only what was logged."
        </p>
    }
}

/// One view of the comparison, compact for print.
#[component]
fn SummaryComparison(comparison: CrampComparison) -> impl IntoView {
    let key = comparison.view.key();
    let measures = comparison.enough_days().then(|| {
        comparison
            .measures
            .iter()
            .map(|m| view! { <li>{m.text()}</li> })
            .collect_view()
    });
    view! {
        <h3>{comparison.view.label()}</h3>
        <p data-testid=format!("summary-comparison-{key}")>{comparison.headline()}</p>
        {measures.map(|m| view! { <ul class="summary-measures">{m}</ul> })}
    }
}

/// The address of the summary of `chosen`.
pub fn href(chosen: &Chosen) -> String {
    format!("/summary?{}", chosen.query())
}
