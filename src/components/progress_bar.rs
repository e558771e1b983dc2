//! One target's progress: a compact bar a line high (how much of the day's
//! total reaches a minimum or uses a ceiling's budget, and what is left), and
//! a detail line with the share in words and, on request, the items the
//! total came from.

use leptos::prelude::*;

use crate::catalog;
use crate::components::planner_state::Planner;
use crate::domain::foods::nutrient::Nutrient;
use crate::domain::planning::progress::{Progress, Status};
use crate::domain::planning::totals::{contributions, WaterCounting};
use crate::domain::units::amount_text::format_nutrient_amount;
use crate::domain::units::format::format_percent;

/// The visible numbers: "1,840 / 2,600 mg", with "at least" when items
/// lack data.
pub fn bar_label(p: &Progress) -> String {
    p.compact_label()
}

/// Everything the bar says, for `aria-valuetext`: the numbers, the share,
/// the status and the missing data, e.g. "422 / 2,600 mg. 16 % of 2,600
/// mg. Not yet met."
pub fn bar_value_text(p: &Progress) -> String {
    let mut text = format!("{}. {}. {}.", bar_label(p), p.text(), p.status.label());
    if let Some(missing) = p.total.missing_text(p.nutrient) {
        text.push_str(&format!(" {missing}."));
    }
    text
}

/// An icon that carries the status besides the colour.
fn status_icon(status: Status) -> &'static str {
    match status {
        Status::Below => "○",
        Status::Met => "✓",
        Status::WithinLimit => "◔",
        Status::OverLimit => "⚠",
    }
}

/// A number for `aria-valuenow` / `aria-valuemax`: two decimals at most.
fn aria_number(value: f64) -> String {
    ((value * 100.0).round() / 100.0).to_string()
}

/// One target's compact bar, a line high: "K 1,840 / 2,600 mg · 760 mg to
/// go" over a thin bar, the status also as an icon (not colour alone).
#[component]
pub fn ProgressBar(nutrient: Nutrient, progress: Signal<Progress>) -> impl IntoView {
    let key = nutrient.key();
    let status = move || progress.with(|p| p.status);
    let class = move || {
        let modifier = match status() {
            Status::Below => "below",
            Status::Met => "met",
            Status::WithinLimit => "within",
            Status::OverLimit => "over",
        };
        format!("progress progress-{modifier}")
    };
    let symbol = match nutrient {
        Nutrient::Water => "Water",
        n => n.symbol(),
    };
    view! {
        <div class=class data-testid=format!("progress-row-{key}")>
            <div class="progress-head">
                <abbr class="progress-name" title=nutrient.name()>{symbol}</abbr>
                <span class="progress-label" data-testid=format!("progress-{key}-label")>
                    {move || progress.with(bar_label)}
                </span>
                <span class="progress-status" data-testid=format!("progress-{key}-status")>
                    <span class="status-icon" aria-hidden="true">{move || status_icon(status())}</span>
                    " "
                    {move || progress.with(Progress::gap_text)}
                </span>
            </div>
            <div
                class="progress-track"
                role="progressbar"
                data-testid=format!("progress-{key}")
                aria-label=nutrient.name()
                aria-valuemin="0"
                aria-valuemax=move || progress.with(|p| aria_number(p.target.amount))
                aria-valuenow=move || progress.with(|p| aria_number(p.total.known))
                aria-valuetext=move || progress.with(bar_value_text)
            >
                <div
                    class="progress-fill"
                    style:width=move || format!("{:.1}%", progress.with(|p| p.percent.clamp(0.0, 100.0)))
                ></div>
            </div>
        </div>
    }
}

/// A target's share in words and its "Show sources" list: "Potassium: 71 %
/// of 2,600 mg · 1 item has no potassium data. Show sources".
#[component]
pub fn ProgressDetail(nutrient: Nutrient, progress: Signal<Progress>) -> impl IntoView {
    let key = nutrient.key();
    let open = RwSignal::new(false);
    let sources_id = format!("sources-{key}");
    view! {
        <div class="progress-detail" data-testid=format!("progress-{key}-detail")>
            <p>
                <strong>{nutrient.name()}</strong>
                ": "
                <span data-testid=format!("progress-{key}-text")>{move || progress.with(|p| p.text())}</span>
                {move || progress.with(|p| p.total.missing_text(nutrient)).map(|m| format!(" · {m}"))}
                " "
                <button
                    type="button"
                    class="link-button"
                    data-testid=format!("progress-{key}-sources")
                    aria-expanded=move || open.get().to_string()
                    aria-controls=sources_id.clone()
                    on:click=move |_| open.update(|o| *o = !*o)
                >
                    {move || if open.get() { "Hide sources" } else { "Show sources" }}
                    <span class="visually-hidden">{format!(" of {}", nutrient.name().to_ascii_lowercase())}</span>
                </button>
            </p>
            <div id=sources_id hidden=move || !open.get()>
                <Show when=move || open.get()>
                    <Sources nutrient=nutrient/>
                </Show>
            </div>
        </div>
    }
}

/// The day's items by what they add of `nutrient`, largest first; items
/// without data listed apart.
#[component]
fn Sources(nutrient: Nutrient) -> impl IntoView {
    let planner = Planner::expect();
    let key = nutrient.key();
    let table = catalog::foods();
    let found = Memo::new(move |_| {
        planner.plan.with(|plan| {
            let c = contributions(plan, table, nutrient, WaterCounting::default());
            let name = |id| {
                plan.get(id)
                    .map(|(_, item)| item.name(table))
                    .unwrap_or_default()
            };
            let known: Vec<(String, String)> = c
                .known
                .iter()
                .map(|k| {
                    (
                        name(k.id),
                        format!(
                            "{} ({})",
                            format_nutrient_amount(nutrient, k.amount),
                            format_percent(k.percent)
                        ),
                    )
                })
                .collect();
            let missing: Vec<String> = c.missing.iter().map(|&id| name(id)).collect();
            (known, missing)
        })
    });
    view! {
        <div class="sources" data-testid=format!("sources-{key}")>
            <Show
                when=move || found.with(|(k, m)| !k.is_empty() || !m.is_empty())
                fallback=move || view! {
                    <p class="hint">"No item of the day holds " {nutrient.name().to_ascii_lowercase()} " yet."</p>
                }
            >
                <ol class="source-list">
                    {move || found.get().0.into_iter().map(|(name, amount)| view! {
                        <li data-testid="source-item">
                            <span class="source-name">{name}</span>
                            " "
                            <span class="source-amount">{amount}</span>
                        </li>
                    }).collect_view()}
                </ol>
                <Show when=move || found.with(|(_, m)| !m.is_empty())>
                    <p class="hint">"No " {nutrient.name().to_ascii_lowercase()} " data for:"</p>
                    <ul data-testid="sources-missing">
                        {move || found.get().1.into_iter().map(|name| view! { <li>{name}</li> }).collect_view()}
                    </ul>
                </Show>
            </Show>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::planning::totals::NutrientTotal;
    use crate::domain::targets::dri::Target;
    use crate::domain::targets::dri::TargetKind;

    fn progress(known: f64, items_missing: usize, amount: f64, kind: TargetKind) -> Progress {
        Progress::new(
            Nutrient::Potassium,
            NutrientTotal {
                known,
                items_missing,
            },
            Target { amount, kind },
        )
    }

    #[test]
    fn labels_say_total_target_and_share() {
        let p = progress(2140.0, 0, 2600.0, TargetKind::Minimum);
        assert_eq!(bar_label(&p), "2,140 / 2,600 mg");
        assert_eq!(
            bar_value_text(&p),
            "2,140 / 2,600 mg. 82 % of 2,600 mg. Not yet met."
        );
        let p = progress(1230.0, 2, 2600.0, TargetKind::Minimum);
        assert_eq!(bar_label(&p), "at least 1,230 / 2,600 mg");
        assert!(bar_value_text(&p).ends_with("2 items have no potassium data."));
    }

    #[test]
    fn aria_numbers_keep_two_decimals() {
        assert_eq!(aria_number(545.0600001), "545.06");
        assert_eq!(aria_number(2600.0), "2600");
    }
}
