//! One nutrient's chart, drawn as SVG from what `Trends` computed: each
//! logged day's total as a bar (a day not logged is a gap, never a zero
//! bar), the 7-day moving average as a line broken where it is unknown,
//! the target as a dashed line, and the cramp days marked under the same
//! time axis. Its text alternative is the domain's `summary_text`; the same
//! numbers follow as a table for screen readers and copying.
//!
//! Colours come from CSS (`currentColor` and the theme's variables), so
//! the chart follows the light and dark themes; it scales to its box.

use std::sync::Arc;

use leptos::prelude::*;

use crate::domain::diary::date::Date;
use crate::domain::foods::nutrient::Nutrient;
use crate::domain::insights::trends::{DayPoint, Series, Trends};
use crate::domain::targets::dri::TargetKind;
use crate::domain::units::amount_text::format_nutrient_amount;
use crate::domain::units::format::{count, format_number};

/// The drawing's coordinate box (the SVG scales it to the screen).
const WIDTH: f64 = 400.0;
/// Room for the y axis labels.
const LEFT: f64 = 58.0;
const RIGHT: f64 = 6.0;
const TOP: f64 = 8.0;
/// The bottom of the plot (the value 0).
const BOTTOM: f64 = 128.0;
/// Where the cramp marks sit, under the plot.
const CRAMP_Y: f64 = 140.0;
/// Where the first and last dates are written.
const DATE_Y: f64 = 162.0;
const HEIGHT: f64 = 168.0;

/// The chart's name: "Potassium", "Fluids".
pub fn chart_name(nutrient: Nutrient) -> &'static str {
    match nutrient {
        Nutrient::Water => "Fluids",
        n => n.name(),
    }
}

/// A day in the table: "Mon 16 Nov 2026", the year free to go to the next
/// line on a phone.
fn day_label(date: Date) -> AnyView {
    let label = date.label();
    match label.rsplit_once(' ') {
        Some((day, year)) => {
            view! { <span class="nowrap">{day.to_owned()}</span>" "{year.to_owned()} }.into_any()
        }
        None => label.into_any(),
    }
}

/// A day's total for the table: "2,140 mg", "at least 1,800 mg", "not
/// logged".
fn value_text(nutrient: Nutrient, point: &DayPoint) -> AnyView {
    match point.value {
        None => "not logged".into_any(),
        Some(v) => {
            let prefix = point.lower_bound.then_some("at least ");
            view! { {prefix}<span class="nowrap">{format_nutrient_amount(nutrient, v)}</span> }
                .into_any()
        }
    }
}

/// The moving average for the table: "2,050 mg (5 days)", "—"; the amount
/// is never broken across lines.
fn average_text(nutrient: Nutrient, point: &DayPoint) -> AnyView {
    match point.moving_average {
        None => "—".into_any(),
        Some(v) => view! {
            <span class="nowrap">{format_nutrient_amount(nutrient, v)}</span>
            {format!(" ({})", count(point.average_days, "day", "days"))}
        }
        .into_any(),
    }
}

/// A y axis tick: the number alone ("3,000"), in the axis' unit; fluids
/// as their amount ("2.5 L", "500 ml").
fn tick_text(nutrient: Nutrient, value: f64) -> String {
    match nutrient {
        Nutrient::Water => format_nutrient_amount(nutrient, value),
        _ => format_number(value, 1),
    }
}

/// The y axis' unit, given with the chart's name: "mg"; none for fluids
/// (every tick has its own).
fn axis_unit(nutrient: Nutrient) -> Option<&'static str> {
    match nutrient {
        Nutrient::Water => None,
        n => Some(n.unit()),
    }
}

/// "29 Nov" from a date's label "Sun 29 Nov 2026".
fn short_date(label: &str) -> String {
    label
        .split(' ')
        .skip(1)
        .take(2)
        .collect::<Vec<_>>()
        .join(" ")
}

/// The chart of `nutrient` in `trends`, its legend and its numbers.
#[component]
pub fn TrendChart(
    /// The period's trends.
    trends: Arc<Trends>,
    /// The nutrient to draw (one of the targets).
    nutrient: Nutrient,
) -> impl IntoView {
    let Some(series) = trends.get(nutrient) else {
        return ().into_any();
    };
    let key = nutrient.key();
    let name = chart_name(nutrient);
    let summary = trends.summary_text(nutrient).unwrap_or_default();
    let title_id = format!("trend-title-{key}");
    let labelled_by = title_id.clone();
    let plot_width = WIDTH - LEFT - RIGHT;
    let days = series.points.len().max(1);
    let bar_width = (plot_width / days as f64 * 0.7).clamp(0.6, 24.0);
    let x = |i: usize| LEFT + bar_width / 2.0 + trends.x_fraction(i) * (plot_width - bar_width);
    let y = |v: f64| BOTTOM - series.scale.fraction(v) * (BOTTOM - TOP);
    let ticks = series
        .scale
        .ticks
        .iter()
        .map(|&t| {
            let ty = y(t);
            view! {
                <line class="chart-grid" x1=LEFT x2=WIDTH - RIGHT y1=ty y2=ty/>
                <text class="chart-tick" x=LEFT - 4.0 y=ty + 4.0 text-anchor="end">
                    {tick_text(nutrient, t)}
                </text>
            }
        })
        .collect_view();
    // Every day's bar is a vertical stroke of one path (two: days with
    // items lacking data are drawn lighter), so three years are a handful
    // of elements, not thousands; a day not logged has no stroke at all.
    let mut bars = String::new();
    let mut lower_bars = String::new();
    for (i, p) in series.points.iter().enumerate() {
        if let Some(v) = p.value {
            let d = if p.lower_bound {
                &mut lower_bars
            } else {
                &mut bars
            };
            d.push_str(&format!("M{:.2} {BOTTOM}V{:.2}", x(i), y(v)));
        }
    }
    let average_path = moving_average_path(series, x, y);
    let target = series.average.target.map(|t| {
        let ty = y(t.amount);
        view! { <line class="chart-target" x1=LEFT x2=WIDTH - RIGHT y1=ty y2=ty/> }
    });
    // A triangle under the axis on each cramp day, all in one path.
    let cramp_marks: String = trends
        .cramps
        .iter()
        .enumerate()
        .filter(|(_, c)| **c > 0)
        .map(|(i, _)| format!("M{:.2} {}l-4 8h8z", x(i), CRAMP_Y - 5.0))
        .collect();
    let first_date = series.points.first().map(|p| short_date(&p.date.label()));
    let last_date = series
        .points
        .last()
        .filter(|_| days > 1)
        .map(|p| short_date(&p.date.label()));
    let target_text = series.average.target.map(|t| {
        let what = match t.kind {
            TargetKind::Minimum => "target",
            TargetKind::Ceiling => "upper limit",
        };
        format!("{what} {}", format_nutrient_amount(nutrient, t.amount))
    });
    // The rows are built when the numbers are first shown: a closed
    // `<details>` is read by no one, and three years are 1,100 rows a chart.
    let shown = RwSignal::new(false);
    let rows = {
        let trends = Arc::clone(&trends);
        move || {
            shown.get().then(|| {
                let series = trends.get(nutrient)?;
                Some(
                    series
                        .points
                        .iter()
                        .zip(&trends.cramps)
                        .map(|(p, &c)| {
                            view! {
                                <tr>
                                    <th scope="row">
                                        <span class="trend-day">{day_label(p.date)}</span>
                                        {(c > 0).then(|| view! {
                                            <span class="visually-hidden">", "</span>
                                            <span class="trend-day-cramps">{count(c, "cramp", "cramps")}</span>
                                        })}
                                    </th>
                                    <td class:not-logged=p.value.is_none()>{value_text(nutrient, p)}</td>
                                    <td>{average_text(nutrient, p)}</td>
                                </tr>
                            }
                        })
                        .collect_view(),
                )
            })
        }
    };
    view! {
        <figure class="trend-chart" data-testid=format!("trend-chart-{key}")>
            <figcaption>
                <h2 class="trend-chart-name">
                    {name}
                    {axis_unit(nutrient).map(|u| view! { <span class="trend-chart-unit">" (" {u} " a day)"</span> })}
                </h2>
                <p class="trend-chart-average" data-testid=format!("trend-average-{key}")>
                    {series.average.text()}
                </p>
            </figcaption>
            <svg
                class="chart"
                viewBox=format!("0 0 {WIDTH} {HEIGHT}")
                role="img"
                aria-labelledby=labelled_by
                data-testid=format!("trend-svg-{key}")
            >
                <title id=title_id>{summary}</title>
                <g aria-hidden="true">
                    {ticks}
                    <path class="chart-bar" stroke-width=bar_width d=bars data-testid=format!("trend-bars-{key}")/>
                    <path class="chart-bar lower-bound" stroke-width=bar_width d=lower_bars data-testid=format!("trend-bars-lower-{key}")/>
                    {target}
                    <path class="chart-average" d=average_path/>
                    <line class="chart-axis" x1=LEFT x2=WIDTH - RIGHT y1=BOTTOM y2=BOTTOM/>
                    <path class="chart-cramp" d=cramp_marks data-testid=format!("trend-cramps-{key}")/>
                    {first_date.map(|d| view! {
                        <text class="chart-tick" x=LEFT y=DATE_Y text-anchor="start">{d}</text>
                    })}
                    {last_date.map(|d| view! {
                        <text class="chart-tick" x=WIDTH - RIGHT y=DATE_Y text-anchor="end">{d}</text>
                    })}
                </g>
            </svg>
            <p class="chart-legend hint" aria-hidden="true">
                <span class="legend-item"><span class="legend-bar"></span>" day’s total"</span>
                <span class="legend-item"><span class="legend-average"></span>" 7-day average"</span>
                {target_text.map(|t| view! { <span class="legend-item"><span class="legend-target"></span>" "{t}</span> })}
                <span class="legend-item"><span class="legend-cramp">"▲"</span>" cramp day"</span>
            </p>
            <details
                class="trend-numbers"
                data-testid=format!("trend-numbers-{key}")
                on:toggle=move |_| shown.set(true)
            >
                <summary data-testid=format!("trend-numbers-toggle-{key}")>"Show the numbers"<span class="visually-hidden">{format!(" of {}", name.to_ascii_lowercase())}</span></summary>
                <div class="table-scroll" tabindex="0" role="region" aria-label=format!("{name}, day by day")>
                    <table data-testid=format!("trend-table-{key}")>
                        <caption>{format!("{name}, day by day")}</caption>
                        <thead>
                            <tr>
                                <th scope="col">"Day"</th>
                                <th scope="col">"Day’s total"</th>
                                <th scope="col">"7-day average"</th>
                            </tr>
                        </thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
            </details>
        </figure>
    }
    .into_any()
}

/// The moving average as one path, lifted (a new `M`) across the days it
/// is unknown.
fn moving_average_path(
    series: &Series,
    x: impl Fn(usize) -> f64,
    y: impl Fn(f64) -> f64,
) -> String {
    let mut d = String::new();
    let mut drawing = false;
    for (i, p) in series.points.iter().enumerate() {
        match p.moving_average {
            Some(v) => {
                let command = if drawing { 'L' } else { 'M' };
                d.push_str(&format!("{command}{:.1} {:.1} ", x(i), y(v)));
                drawing = true;
            }
            None => drawing = false,
        }
    }
    d.trim_end().to_owned()
}
