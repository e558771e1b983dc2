//! "What to eat next": up to three proposals of ordinary foods, in whole
//! household portions, that close the open day's potassium, magnesium and
//! calcium gaps within the sodium limit (`domain::planning::proposals`),
//! each added to a meal in one tap, with Undo; the preferences they follow.

use std::convert::Infallible;

use leptos::prelude::*;

use crate::components::planner_state::Planner;
use crate::components::quick_add::AddingTo;
use crate::components::save_status::outcome;
use crate::domain::diary::date::Date;
use crate::domain::foods::food::NdbNumber;
use crate::domain::foods::nutrient::Nutrient;
use crate::domain::planning::plan::{ItemId, Meal};
use crate::domain::planning::proposals::gap_closer::GapProblem;
use crate::domain::planning::proposals::pool::{FoodCategory, Pool};
use crate::domain::planning::proposals::preferences::{
    foods_eaten_lately, Diet, EnergyAllowance, ProposalPreferences,
};
use crate::domain::planning::proposals::proposal::{GapCloser, Outcome, Proposal};
use crate::domain::planning::totals::{DayTotals, WaterCounting};
use crate::domain::units::format::format_number;
use crate::storage::today;
use crate::{catalog, timing};

/// The bars a proposal moves, in the planner's order.
const SHOWN: [Nutrient; 5] = [
    Nutrient::Potassium,
    Nutrient::Magnesium,
    Nutrient::Calcium,
    Nutrient::Sodium,
    Nutrient::Water,
];

/// The proposals for the open day: the first three, then `more` of "Show
/// another"; whether another could follow.
fn propose(planner: Planner, more: usize) -> (Outcome, bool) {
    let totals = planner
        .plan
        .with(|p| DayTotals::compute(p, catalog::foods(), WaterCounting::default()));
    planner.diary.with(|diary| {
        let preferences = diary.settings().proposal_preferences();
        let problem = planner
            .targets
            .with(|t| GapProblem::for_day(t, &totals, preferences.energy()));
        let lately = foods_eaten_lately(diary, today());
        let mut closer = GapCloser::new(
            problem,
            Pool::shipped(catalog::foods()),
            preferences,
            &lately,
        );
        let mut outcome = closer.first_three();
        let mut exhausted = true;
        if let Outcome::Proposals(list) = &mut outcome {
            list.extend(closer.by_ref().take(more));
            exhausted = list.len() < 3 + more;
        }
        (outcome, !exhausted)
    })
}

/// The last proposal added: to which day and meal, its items (for Undo)
/// and what it said.
#[derive(Clone, PartialEq)]
struct Added {
    date: Date,
    ids: Vec<ItemId>,
    text: String,
}

/// The proposals panel of the planner: closed, it computes nothing.
#[component]
pub(super) fn NextFoods() -> impl IntoView {
    let planner = Planner::expect();
    let open = RwSignal::new(false);
    // How many times "Show another" was pressed for the day as it is.
    let more = RwSignal::new(0_usize);
    let added = RwSignal::new(None::<Added>);
    let error = RwSignal::new(None::<String>);
    let proposals = Memo::new(move |_| {
        planner.plan.track();
        open.get()
            .then(|| timing::measure("proposals", || propose(planner, more.get())))
    });
    // Another day opened: start again.
    Effect::new(move |_| {
        planner.date.track();
        more.set(0);
        error.set(None);
    });
    let on_toggle = move |ev: leptos::ev::Event| {
        let details: web_sys::HtmlDetailsElement = event_target(&ev);
        if details.open() {
            timing::mark("proposals-open");
        }
        open.set(details.open());
    };
    view! {
        <details class="plan-more next-foods" data-testid="next-foods" on:toggle=on_toggle>
            <summary>"What to eat next"</summary>
            <p class="hint">
                "Ordinary foods in ordinary portions that close today's potassium, magnesium and calcium gaps within your sodium limit (on a day already over it, only foods with almost no sodium). "
                "It is not medical advice."
            </p>
            <AddedStatus added=added error=error/>
            {move || proposals.get().map(|(outcome, another)| view! {
                <ProposalList outcome=outcome another=another more=more added=added error=error/>
            })}
            <Preferences/>
        </details>
    }
}

/// "Added … to lunch." with Undo, or why adding failed.
#[component]
fn AddedStatus(added: RwSignal<Option<Added>>, error: RwSignal<Option<String>>) -> impl IntoView {
    let planner = Planner::expect();
    let shown = move || added.get().filter(|a| a.date == planner.date.get());
    let undo = move |_| {
        let Some(a) = added.get_untracked() else {
            return;
        };
        planner.change_day_at(
            a.date,
            move |d| d.plan_mut().take_back(&a.ids),
            move |result| match outcome(result) {
                Ok(()) => {
                    added.set(None);
                    error.set(None);
                }
                Err(e) => error.set(Some(e)),
            },
        );
    };
    view! {
        <div role="status" data-testid="proposal-status">
            {move || shown().map(|a| view! {
                <p class="confirmation">
                    <span data-testid="proposal-added">{a.text}</span> " "
                    <button type="button" data-testid="proposal-undo" on:click=undo>"Undo"</button>
                </p>
            })}
        </div>
        <p class="field-error" role="alert" data-testid="proposal-error">{move || error.get()}</p>
    }
}

/// The proposals, the honest edges, the caution and "Show another".
#[component]
fn ProposalList(
    outcome: Outcome,
    another: bool,
    more: RwSignal<usize>,
    added: RwSignal<Option<Added>>,
    error: RwSignal<Option<String>>,
) -> impl IntoView {
    match outcome {
        Outcome::Met => view! {
            <p class="confirmation" data-testid="proposals-met">
                "Today's potassium, magnesium and calcium targets are met: nothing to add."
            </p>
        }
        .into_any(),
        Outcome::NothingFits(why) => view! {
            <p class="warning" data-testid="proposals-none">{why.to_string()}</p>
        }
        .into_any(),
        Outcome::Proposals(list) => {
            let caution = list.iter().find_map(Proposal::caution);
            let cards = list
                .into_iter()
                .enumerate()
                .map(|(i, p)| view! { <ProposalCard index=i proposal=p added=added error=error/> })
                .collect_view();
            view! {
                <ol class="proposals" data-testid="proposals">{cards}</ol>
                {caution.map(|text| view! {
                    <p class="warning" data-testid="proposals-caution"><span aria-hidden="true">"⚠ "</span>{text}</p>
                })}
                {another.then(|| view! {
                    <button type="button" data-testid="proposals-another" on:click=move |_| more.update(|n| *n += 1)>
                        "Show another"
                    </button>
                })}
            }
            .into_any()
        }
    }
}

/// One proposal: its foods ("Not this" on each), every bar before → after,
/// what would still be missing, and "Add to <meal>".
#[component]
fn ProposalCard(
    index: usize,
    proposal: Proposal,
    added: RwSignal<Option<Added>>,
    error: RwSignal<Option<String>>,
) -> impl IntoView {
    let planner = Planner::expect();
    let AddingTo(meal) = expect_context::<AddingTo>();
    let heading_id = format!("proposal-{index}");
    let labelled_by = heading_id.clone();
    let foods = proposal
        .foods
        .iter()
        .map(|f| {
            let ndb = f.ndb;
            let not_this = move |_| exclude(planner, ndb, error);
            view! {
                <li data-testid="proposal-food" data-ndb=f.ndb.to_string()>
                    <span class="proposal-food-name">{f.description}</span>
                    <span class="proposal-food-amount" data-testid="proposal-food-amount">{f.amount_text()}</span>
                    <button type="button" class="link-button" data-testid="proposal-not-this" on:click=not_this>
                        "Not this"<span class="visually-hidden">{format!(": never propose {}", f.description)}</span>
                    </button>
                </li>
            }
        })
        .collect_view();
    let changes = SHOWN
        .map(|n| {
            view! { <li data-testid=format!("proposal-change-{}", n.key())>{proposal.change_text(n)}</li> }
        })
        .collect_view();
    let energy = format!(
        "Adds {} kcal.",
        format_number(proposal.added.get(Nutrient::Energy), 0)
    );
    let missing = proposal.still_missing_text();
    let add = move |_| {
        let proposal = proposal.clone();
        let meal: Meal = meal.get_untracked();
        let date = planner.date.get_untracked();
        let names: Vec<&'static str> = proposal.foods.iter().map(|f| f.description).collect();
        planner.change_plan(
            move |p| proposal.add_to(p, meal, catalog::foods()),
            move |result| match outcome(result) {
                Ok(ids) => {
                    error.set(None);
                    added.set(Some(Added {
                        date,
                        ids,
                        text: format!(
                            "Added {} to {}.",
                            names.join(" and "),
                            meal.label().to_ascii_lowercase()
                        ),
                    }));
                }
                Err(e) => error.set(Some(e)),
            },
        );
    };
    view! {
        <li class="proposal" data-testid="proposal" aria-labelledby=labelled_by>
            <h3 id=heading_id class="proposal-heading">{format!("Proposal {}", index + 1)}</h3>
            <ul class="proposal-foods">{foods}</ul>
            <ul class="proposal-changes">{changes}</ul>
            <p class="hint" data-testid="proposal-energy">{energy}</p>
            {missing.map(|text| view! { <p class="hint" data-testid="proposal-missing">{text}</p> })}
            <button type="button" data-testid="proposal-add" on:click=add>
                {move || format!("Add to {}", meal.get().label().to_ascii_lowercase())}
            </button>
        </li>
    }
}

/// "Not this": the food is never proposed again (until allowed again in
/// the preferences).
fn exclude(planner: Planner, ndb: NdbNumber, error: RwSignal<Option<String>>) {
    planner.change_settings(
        move |s| s.proposal_preferences_mut().exclude_food(ndb),
        move |result| error.set(outcome(result).err()),
    );
}

/// Changes the proposal preferences through the planner; `then` gets the
/// outcome in one line.
fn change_preferences(
    planner: Planner,
    change: impl FnOnce(&mut ProposalPreferences) + 'static,
    then: impl FnOnce(Result<(), String>) + 'static,
) {
    planner.change_settings(
        move |s| {
            change(s.proposal_preferences_mut());
            Ok::<_, Infallible>(())
        },
        move |result| then(outcome(result)),
    );
}

/// What proposals follow: diet, food groups left out, recent foods first,
/// the energy they may add, the foods left out one by one.
#[component]
fn Preferences() -> impl IntoView {
    let planner = Planner::expect();
    let prefs = Memo::new(move |_| {
        planner
            .diary
            .with(|d| d.settings().proposal_preferences().clone())
    });
    let error = RwSignal::new(None::<String>);
    let said = move |result: Result<(), String>| error.set(result.err());
    let diet_choices = Diet::ALL
        .map(|diet| {
            let id = format!("proposal-diet-{}", diet.key());
            let (for_id, test_id) = (id.clone(), id.clone());
            view! {
                <label for=for_id class="choice">
                    <input
                        type="radio"
                        id=id
                        name="proposal-diet"
                        data-testid=test_id
                        prop:checked=move || prefs.with(|p| p.diet() == diet)
                        on:change=move |_| change_preferences(planner, move |p| p.set_diet(diet), said)
                    />
                    {diet.label()}
                </label>
            }
        })
        .collect_view();
    let groups = FoodCategory::ALL
        .map(|category| {
            let id = format!("proposal-leave-out-{}", category.key());
            let (for_id, test_id) = (id.clone(), id.clone());
            view! {
                <label for=for_id class="choice">
                    <input
                        type="checkbox"
                        id=id
                        data-testid=test_id
                        prop:checked=move || prefs.with(|p| p.is_category_excluded(category))
                        on:change=move |ev| {
                            let out = event_target_checked(&ev);
                            change_preferences(planner, move |p| p.set_category_excluded(category, out), said);
                        }
                    />
                    {category.label()}
                </label>
            }
        })
        .collect_view();
    let energy_text = RwSignal::new(String::new());
    let energy_error = RwSignal::new(None::<String>);
    let set_energy = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match EnergyAllowance::parse(&energy_text.get_untracked()) {
            Ok(energy) => change_preferences(
                planner,
                move |p| p.set_energy(energy),
                move |result| match result {
                    Ok(()) => {
                        energy_error.set(None);
                        energy_text.set(String::new());
                    }
                    Err(e) => energy_error.set(Some(e)),
                },
            ),
            Err(e) => energy_error.set(Some(e.to_string())),
        }
    };
    let left_out = move || {
        prefs.with(|p| {
            p.excluded_foods()
                .iter()
                .filter_map(|&ndb| catalog::foods().get(ndb).map(|f| (ndb, f.description)))
                .collect::<Vec<_>>()
        })
    };
    view! {
        <details class="proposal-preferences" data-testid="proposal-preferences">
            <summary>"Preferences for proposals"</summary>
            <fieldset class="choices">
                <legend>"Diet"</legend>
                {diet_choices}
            </fieldset>
            <fieldset class="choices">
                <legend>"Leave out"</legend>
                {groups}
            </fieldset>
            <label for="proposal-prefer-recent" class="choice">
                <input
                    type="checkbox"
                    id="proposal-prefer-recent"
                    data-testid="proposal-prefer-recent"
                    prop:checked=move || prefs.with(ProposalPreferences::prefers_recent)
                    on:change=move |ev| {
                        let prefer = event_target_checked(&ev);
                        change_preferences(planner, move |p| p.set_prefers_recent(prefer), said);
                    }
                />
                "Prefer foods I ate in the last 14 days"
            </label>
            <form class="add-row" novalidate on:submit=set_energy data-testid="proposal-energy-form">
                <div class="field">
                    <label for="proposal-energy">
                        {move || format!(
                            "Energy the proposed foods may add (now {} kcal)",
                            format_number(prefs.with(|p| p.energy().kcal()), 0)
                        )}
                    </label>
                    <input
                        id="proposal-energy"
                        type="text"
                        inputmode="numeric"
                        data-testid="proposal-energy-input"
                        aria-describedby="proposal-energy-error"
                        aria-invalid=move || energy_error.with(Option::is_some).to_string()
                        prop:value=move || energy_text.get()
                        on:input=move |ev| energy_text.set(event_target_value(&ev))
                    />
                </div>
                <button type="submit" data-testid="proposal-energy-set">"Set"</button>
            </form>
            <p id="proposal-energy-error" class="field-error" role="alert" data-testid="proposal-energy-error">
                {move || energy_error.get()}
            </p>
            {move || {
                let foods = left_out();
                (!foods.is_empty()).then(|| view! {
                    <p>"Never proposed:"</p>
                    <ul class="proposal-left-out" data-testid="proposal-left-out">
                        {foods
                            .into_iter()
                            .map(|(ndb, name)| view! {
                                <li>
                                    {name} " "
                                    <button
                                        type="button"
                                        class="link-button"
                                        data-testid="proposal-allow"
                                        on:click=move |_| change_preferences(planner, move |p| p.include_food(ndb), said)
                                    >
                                        "Propose again"
                                    </button>
                                </li>
                            })
                            .collect_view()}
                    </ul>
                })
            }}
            <p class="field-error" role="alert" data-testid="proposal-preferences-error">{move || error.get()}</p>
        </details>
    }
}
