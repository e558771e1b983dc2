//! Past days at a glance: every recorded day up to today, newest first,
//! with its coverage of the targets (K, Mg, Ca, water of their minimum, Na
//! of its ceiling) in words and a small bar, its cramp count, and a button
//! that opens it. Days recorded ahead of today (a plan for tomorrow, a
//! copy) are listed apart, soonest first, under "Planned ahead".

use leptos::prelude::*;

use super::planner_state::Planner;
use crate::catalog;
use crate::domain::diary::date::Date;
use crate::domain::diary::day::DayEntry;
use crate::domain::diary::Diary;
use crate::domain::foods::nutrient::Nutrient;
use crate::domain::planning::progress::{Progress, Status};
use crate::domain::targets::daily_targets::DailyTargets;
use crate::domain::targets::dri::TargetKind;
use crate::domain::units::format::{count, format_percent};
use crate::storage::today;

/// How many days the list shows at first, and adds per "Show more".
pub const DAYS_PER_PAGE: usize = 60;

/// One coverage figure: a nutrient, its percentage and where it stands.
#[derive(Debug, Clone, PartialEq)]
struct Figure {
    nutrient: Nutrient,
    percent: f64,
    status: Status,
    ceiling: bool,
}

impl Figure {
    fn new(p: &Progress) -> Figure {
        Figure {
            nutrient: p.nutrient,
            percent: p.percent,
            status: p.status,
            ceiling: p.target.kind == TargetKind::Ceiling,
        }
    }

    /// "K 72 %", "Na 30 % of limit", "Na 120 % of limit, over".
    fn text(&self) -> String {
        let mut text = format!(
            "{} {}",
            self.nutrient.symbol(),
            format_percent(self.percent)
        );
        if self.ceiling {
            text.push_str(" of limit");
        }
        if self.status == Status::OverLimit {
            text.push_str(", over");
        }
        text
    }
}

/// What the list shows of one day.
#[derive(Debug, Clone, PartialEq)]
struct DaySummary {
    date: Date,
    /// `None` when no meal was recorded (not 0 %).
    coverage: Option<Vec<Figure>>,
    items: usize,
    cramps: usize,
    notes: bool,
}

impl DaySummary {
    /// The coverage line: "K 72 % · Mg 55 % · …", or why there is none.
    fn coverage_text(&self) -> String {
        match &self.coverage {
            Some(figures) => figures
                .iter()
                .map(Figure::text)
                .collect::<Vec<_>>()
                .join(" · "),
            None => "No meals recorded".to_owned(),
        }
    }

    /// "2 cramps · notes", "3 items · no cramps".
    fn record_text(&self) -> String {
        let mut parts = vec![match self.items {
            0 => "no food or drink".to_owned(),
            n => count(n, "item", "items"),
        }];
        parts.push(match self.cramps {
            0 => "no cramps".to_owned(),
            n => count(n, "cramp", "cramps"),
        });
        if self.notes {
            parts.push("notes".to_owned());
        }
        parts.join(" · ")
    }

    /// The `<For>` key: the date and everything shown, so a changed day is
    /// drawn anew.
    fn key(&self) -> String {
        format!(
            "{}|{}|{}",
            self.date,
            self.coverage_text(),
            self.record_text()
        )
    }
}

/// The summary of the recorded `day` at `date`.
fn summarize(diary: &Diary, targets: &DailyTargets, date: Date, day: &DayEntry) -> DaySummary {
    DaySummary {
        date,
        coverage: diary
            .coverage(date, catalog::foods(), targets)
            .map(|all| all.iter().map(Figure::new).collect()),
        items: day.plan().len(),
        cramps: day.cramps().len(),
        notes: !day.notes().is_empty(),
    }
}

/// The recorded days up to today, newest first, with their coverage;
/// "Show more" for older ones. Days ahead of today come first, apart.
#[component]
pub fn DayList(
    /// Called after a day is opened (e.g. to bring its entries into view).
    #[prop(optional)]
    on_open: Option<Callback<Date>>,
) -> impl IntoView {
    let planner = Planner::expect();
    let shown = RwSignal::new(DAYS_PER_PAGE);
    // Read with the diary: a day recorded after midnight moves lists then.
    let total = Memo::new(move |_| {
        let today = today();
        planner
            .diary
            .with(|d| d.days().rev().skip_while(|(date, _)| *date > today).count())
    });
    let days = Memo::new(move |_| {
        let limit = shown.get();
        let today = today();
        planner.targets.with(|targets| {
            planner.diary.with(|diary| {
                diary
                    .days()
                    .rev()
                    .skip_while(|(date, _)| *date > today)
                    .take(limit)
                    .map(|(date, day)| summarize(diary, targets, date, day))
                    .collect::<Vec<_>>()
            })
        })
    });
    let ahead = Memo::new(move |_| {
        let today = today();
        planner.targets.with(|targets| {
            planner.diary.with(|diary| {
                diary
                    .days()
                    .skip_while(|(date, _)| *date <= today)
                    .map(|(date, day)| summarize(diary, targets, date, day))
                    .collect::<Vec<_>>()
            })
        })
    });
    let open = Callback::new(move |date: Date| {
        planner.open(date);
        if let Some(callback) = on_open {
            callback.run(date);
        }
    });
    view! {
        <Show when=move || ahead.with(|a| !a.is_empty())>
            <section class="day-list day-ahead" aria-labelledby="day-ahead-heading" data-testid="day-ahead">
                <h2 id="day-ahead-heading">"Planned ahead"</h2>
                <p class="hint">"Days after today with something recorded, soonest first."</p>
                <ul class="day-list-items" data-testid="day-ahead-list">
                    <For
                        each=move || ahead.get()
                        key=DaySummary::key
                        children=move |summary| view! { <DayRow summary=summary test_id="day-ahead" open=open/> }
                    />
                </ul>
            </section>
        </Show>
        <section class="day-list" aria-labelledby="day-list-heading">
            <h2 id="day-list-heading">"Past days at a glance"</h2>
            <p class="hint">
                "Coverage of your targets: potassium (K), magnesium (Mg), calcium (Ca) and water of their "
                "minimum, sodium (Na) of its upper limit."
            </p>
            <Show when=move || total.get() == 0 && planner.whole_diary_read.get()>
                <p class="hint" data-testid="day-list-empty">
                    {move || if ahead.with(Vec::is_empty) {
                        "Nothing recorded yet."
                    } else {
                        "Nothing recorded up to today."
                    }}
                </p>
            </Show>
            <Show when=move || !planner.whole_diary_read.get()>
                <p class="hint" role="status" data-testid="day-list-reading">"Reading older days…"</p>
            </Show>
            <ul class="day-list-items" data-testid="day-list">
                <For
                    each=move || days.get()
                    key=DaySummary::key
                    children=move |summary| view! { <DayRow summary=summary test_id="day-list" open=open/> }
                />
            </ul>
            <Show when=move || { total.get() > shown.get() }>
                <button
                    type="button"
                    data-testid="day-list-more"
                    on:click=move |_| shown.update(|s| *s += DAYS_PER_PAGE)
                >
                    {move || {
                        let left = total.get().saturating_sub(shown.get());
                        format!("Show {} more (of {left} older days)", left.min(DAYS_PER_PAGE))
                    }}
                </button>
            </Show>
        </section>
    }
}

/// One day of a list: its date, coverage in words and bars, record and
/// Open. `test_id` names the list: its parts are `<test_id>-item`,
/// `-date`, `-coverage`, `-record` and `-open`.
#[component]
fn DayRow(summary: DaySummary, test_id: &'static str, open: Callback<Date>) -> impl IntoView {
    let planner = Planner::expect();
    let date = summary.date;
    let is_open = move || planner.date.get() == date;
    let coverage = summary.coverage_text();
    let record = summary.record_text();
    let bars = summary.coverage.clone().map(|figures| {
        figures
            .into_iter()
            .map(|f| {
                let width = format!("{:.0}%", f.percent.clamp(0.0, 100.0));
                let class = match f.status {
                    Status::Met => "mini-bar met",
                    Status::OverLimit => "mini-bar over",
                    _ => "mini-bar",
                };
                view! {
                    <span class=class title=f.text()>
                        <span class="mini-bar-name">{f.nutrient.symbol()}</span>
                        <span class="mini-bar-track">
                            <span class="mini-bar-fill" style:width=width></span>
                        </span>
                    </span>
                }
            })
            .collect_view()
    });
    view! {
        <li
            class="day-list-item"
            class:open-day=is_open
            data-testid=format!("{test_id}-item")
            data-date=date.to_string()
            aria-current=move || is_open().then_some("date")
        >
            <span class="day-list-date" data-testid=format!("{test_id}-date")>
                {date.label()}
                {move || is_open().then_some(" (open)")}
            </span>
            <span class="day-list-coverage" data-testid=format!("{test_id}-coverage")>{coverage}</span>
            {bars.map(|b| view! { <span class="mini-bars" aria-hidden="true">{b}</span> })}
            <span class="day-list-record" data-testid=format!("{test_id}-record")>{record}</span>
            <button
                type="button"
                data-testid=format!("{test_id}-open")
                aria-label=format!("Open {}", date.label())
                prop:disabled=is_open
                on:click=move |_| open.run(date)
            >
                "Open"
            </button>
        </li>
    }
}
