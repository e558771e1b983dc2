//! "Foods richest in a mineral": the complete ranking, with filters kept in
//! the address (`/rich?mineral=potassium&basis=portion&group=1100&low_sodium=1`)
//! so a list can be bookmarked and shared. An address that names no mineral
//! opens on the one the open day is shortest of, ranked per typical portion;
//! every food adds its default portion to the day in one tap.

use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;

use crate::catalog;
use crate::components::food_search::{food_href, AddStatus};
use crate::components::planner_state::Planner;
use crate::components::quick_add::QuickAdd;
use crate::domain::foods::food::FoodGroupId;
use crate::domain::foods::nutrient::Nutrient;
use crate::domain::foods::rich_foods::{
    rank, shortest_mineral, shortest_mineral_text, Basis, RankedFood, RichFoodsQuery,
    LOW_SODIUM_MAX_MG,
};
use crate::domain::units::format::{format_amount, format_number};
use crate::storage::today;

/// How many more foods each "Show more" reveals.
const PAGE_SIZE: usize = 50;

/// The basis a list is ranked by when the address names none.
const DEFAULT_BASIS: Basis = Basis::PerPortion;

/// The query an address asks for (`param` reads one query parameter);
/// unknown values fall back to defaults: `mineral` (the one the day is
/// shortest of) and [`DEFAULT_BASIS`].
fn query_from_params(param: impl Fn(&str) -> Option<String>, mineral: Nutrient) -> RichFoodsQuery {
    let groups = catalog::foods().groups();
    RichFoodsQuery {
        mineral: param("mineral")
            .and_then(|k| Nutrient::from_key(&k))
            .filter(|n| Nutrient::WANTED_MINERALS.contains(n))
            .unwrap_or(mineral),
        basis: param("basis")
            .and_then(|k| Basis::from_key(&k))
            .unwrap_or(DEFAULT_BASIS),
        group: param("group").and_then(|code| {
            groups
                .iter()
                .position(|g| g.code == code)
                .and_then(|i| u8::try_from(i).ok())
                .map(FoodGroupId)
        }),
        low_sodium: param("low_sodium").as_deref() == Some("1"),
    }
}

/// The address of a query's list.
fn href_for(query: &RichFoodsQuery) -> String {
    let mut href = format!(
        "/rich?mineral={}&basis={}",
        query.mineral.key(),
        query.basis.key()
    );
    if let Some(group) = query.group {
        href.push_str("&group=");
        href.push_str(catalog::foods().group(group).code);
    }
    if query.low_sodium {
        href.push_str("&low_sodium=1");
    }
    href
}

/// Filters, the ranked list and what was left out.
#[component]
pub fn RichFoodsPage() -> impl IntoView {
    let planner = Planner::expect();
    let progress = planner.progress(planner.totals());
    // The day's shortest mineral, now: the list stays on it while foods are
    // added from it (it does not jump to another under the finger).
    let opened_on = progress
        .with_untracked(|p| shortest_mineral(p))
        .map_or(Nutrient::Potassium, |(n, _)| n);
    let params = use_query_map();
    let query = Memo::new(move |_| params.with(|p| query_from_params(|key| p.get(key), opened_on)));
    let status = RwSignal::new(None::<Result<String, String>>);
    let day_line = move || {
        let day = if planner.date.get() == today() {
            "Today".to_owned()
        } else {
            format!("On {}", planner.date.get().label())
        };
        match progress.with(|p| shortest_mineral(p)) {
            Some((mineral, percent)) => {
                format!("{day} {}.", shortest_mineral_text(mineral, percent))
            }
            None => format!("{day} you have met your potassium, magnesium and calcium targets."),
        }
    };
    let result = Memo::new(move |_| rank(catalog::foods(), &query.get()));
    let shown = RwSignal::new(PAGE_SIZE);
    Effect::new(move |_| {
        query.track();
        shown.set(PAGE_SIZE);
    });
    Effect::new(move |_| {
        super::set_title(&format!(
            "Foods richest in {}",
            query.get().mineral.name().to_ascii_lowercase()
        ));
    });

    let navigate = use_navigate();
    let update = move |change: &dyn Fn(&mut RichFoodsQuery)| {
        let mut next = query.get_untracked();
        change(&mut next);
        navigate(
            &href_for(&next),
            NavigateOptions {
                replace: true,
                ..Default::default()
            },
        );
    };
    let set_mineral = {
        let update = update.clone();
        move |ev| {
            let key = event_target_value(&ev);
            update(&|q| q.mineral = Nutrient::from_key(&key).unwrap_or(opened_on));
        }
    };
    let set_basis = {
        let update = update.clone();
        move |ev| {
            let key = event_target_value(&ev);
            update(&|q| q.basis = Basis::from_key(&key).unwrap_or(DEFAULT_BASIS));
        }
    };
    let set_group = {
        let update = update.clone();
        move |ev| {
            let code = event_target_value(&ev);
            let groups = catalog::foods().groups();
            let group = groups
                .iter()
                .position(|g| g.code == code)
                .and_then(|i| u8::try_from(i).ok());
            update(&|q| q.group = group.map(FoodGroupId));
        }
    };
    let set_low_sodium = move |ev| {
        let on = event_target_checked(&ev);
        update(&|q| q.low_sodium = on);
    };

    let group_options = catalog::foods()
        .groups()
        .iter()
        .map(|g| view! { <option value=g.code>{g.name}</option> })
        .collect_view();

    view! {
        <section class="rich-foods">
            <h1>"Foods richest in " {move || query.get().mineral.name().to_ascii_lowercase()}</h1>
            <p class="lede" data-testid="rich-shortest">{day_line}</p>
            <form class="filters" on:submit=|ev| ev.prevent_default()>
                <div class="field">
                    <label for="rich-mineral">"Mineral"</label>
                    <select id="rich-mineral" data-testid="rich-mineral"
                        prop:value=move || query.get().mineral.key() on:change=set_mineral>
                        {Nutrient::WANTED_MINERALS.map(|n| view! { <option value=n.key()>{n.name()}</option> })}
                    </select>
                </div>
                <div class="field">
                    <label for="rich-basis">"Rank by amount"</label>
                    <select id="rich-basis" data-testid="rich-basis"
                        prop:value=move || query.get().basis.key() on:change=set_basis>
                        {Basis::ALL.map(|b| view! { <option value=b.key()>{b.label()}</option> })}
                    </select>
                </div>
                <div class="field">
                    <label for="rich-group">"Food group"</label>
                    <select id="rich-group" data-testid="rich-group"
                        prop:value=move || query.get().group.map(|g| catalog::foods().group(g).code).unwrap_or("")
                        on:change=set_group>
                        <option value="">"All food groups"</option>
                        {group_options}
                    </select>
                </div>
                <div class="field checkbox">
                    <input type="checkbox" id="rich-low-sodium" data-testid="rich-low-sodium"
                        prop:checked=move || query.get().low_sodium on:change=set_low_sodium/>
                    <label for="rich-low-sodium">
                        "Low sodium only (at most " {format_number(LOW_SODIUM_MAX_MG, 0)} " mg in the amount shown)"
                    </label>
                </div>
            </form>
            <Show when=move || query.get().basis == Basis::PerPortion>
                <p class="hint" data-testid="rich-portion-hint">
                    "The typical portion is the one a person eats, as the planner starts it: "
                    "1 medium banana, 3 oz of cooked fish, 1 oz of nuts, 1 cup of milk, "
                    "1 tsp of a spice or baking powder (after FDA’s reference amounts), "
                    "never more than 400 g."
                </p>
            </Show>
            <p class="rich-summary" data-testid="rich-summary" aria-live="polite">
                {move || summary(&query.get(), &result.get())}
            </p>
            <AddStatus status=status test_id="rich-add-status"/>
            <ol class="rich-list" data-testid="rich-list">
                <For
                    each=move || {
                        let RichFoodsQuery { basis, mineral, .. } = query.get();
                        result.with(|r| {
                            r.ranked
                                .iter()
                                .take(shown.get())
                                .enumerate()
                                .map(|(position, entry)| (position, *entry, basis, mineral))
                                .collect::<Vec<_>>()
                        })
                    }
                    key=|(position, entry, basis, mineral)| (*position, entry.food, *basis, *mineral)
                    children=move |(_, entry, basis, mineral)| {
                        view! { <RichItem entry=entry basis=basis mineral=mineral status=status/> }
                    }
                />
            </ol>
            <Show when=move || result.with(|r| r.ranked.len() > shown.get())>
                <button type="button" class="more" data-testid="rich-more"
                    on:click=move |_| shown.update(|s| *s += PAGE_SIZE)>
                    "Show " {PAGE_SIZE} " more"
                </button>
            </Show>
        </section>
    }
}

/// "1,024 foods ranked. Left out: 426 with no potassium data, …"
fn summary(query: &RichFoodsQuery, result: &crate::domain::foods::rich_foods::RichFoods) -> String {
    let mineral = query.mineral.name().to_ascii_lowercase();
    let mut text = format!(
        "{} foods ranked by {mineral} {}.",
        format_number(result.ranked.len() as f64, 0),
        query.basis.label()
    );
    let e = result.excluded;
    let mut left_out = Vec::new();
    if e.no_mineral_data > 0 {
        left_out.push(format!("{} with no {mineral} data", e.no_mineral_data));
    }
    // Only the per-100-kcal basis leaves foods out (every food has a
    // default portion).
    if e.no_basis > 0 {
        left_out.push(format!("{} with under 5 kcal per 100 g", e.no_basis));
    }
    if e.not_low_sodium > 0 {
        left_out.push(format!(
            "{} not low in sodium or with no sodium data",
            e.not_low_sodium
        ));
    }
    if !left_out.is_empty() {
        text.push_str(" Left out: ");
        text.push_str(&left_out.join(", "));
        text.push('.');
    }
    text
}

/// One ranked food: its name, the amount on the chosen basis, its sodium,
/// and "+ Add" for its default portion.
#[component]
fn RichItem(
    entry: RankedFood,
    basis: Basis,
    mineral: Nutrient,
    status: RwSignal<Option<Result<String, String>>>,
) -> impl IntoView {
    let food = &catalog::foods().foods()[entry.food];
    let portion = catalog::foods().default_serving(food).label(food);
    let (basis_text, portion_line) = match basis {
        Basis::PerPortion => (format!("in {portion}"), None),
        other => (
            other.label().to_owned(),
            Some(format!("Typical portion: {portion}")),
        ),
    };
    let sodium = food
        .per_100g
        .get(Nutrient::Sodium)
        .map(|na| format!("Sodium {} mg / 100 g", format_amount(na)))
        .unwrap_or_else(|| "Sodium: no data".to_owned());
    view! {
        <li class="rich-item" data-testid="rich-item">
            <a href=food_href(food)>{food.description}</a>
            <span class="rich-figure">
                <strong data-testid="rich-value" data-value=entry.value.to_string()>
                    {format_amount(entry.value)} " mg"
                </strong>
                " " {mineral.symbol()} " " {basis_text}
            </span>
            <span class="rich-meta">{catalog::foods().group(food.group).name} " · " {sodium}</span>
            {portion_line.map(|line| view! { <span class="rich-meta" data-testid="rich-portion">{line}</span> })}
            <QuickAdd i=entry.food status=status test_id="rich-quick-add"/>
        </li>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn params(pairs: &'static [(&'static str, &'static str)]) -> impl Fn(&str) -> Option<String> {
        move |key| {
            pairs
                .iter()
                .find(|(k, _)| *k == key)
                .map(|(_, v)| (*v).to_owned())
        }
    }

    #[test]
    fn addresses_round_trip_queries() {
        catalog::install_shipped();
        let query = query_from_params(
            params(&[
                ("mineral", "magnesium"),
                ("basis", "per100kcal"),
                ("group", "1100"),
                ("low_sodium", "1"),
            ]),
            Nutrient::Calcium,
        );
        assert_eq!(query.mineral, Nutrient::Magnesium);
        assert_eq!(query.basis, Basis::Per100Kcal);
        assert_eq!(catalog::foods().group(query.group.unwrap()).code, "1100");
        assert!(query.low_sodium);
        assert_eq!(
            href_for(&query),
            "/rich?mineral=magnesium&basis=per100kcal&group=1100&low_sodium=1"
        );
    }

    #[test]
    fn unknown_parameters_fall_back_to_defaults() {
        let query = query_from_params(
            params(&[
                ("mineral", "sodium"),
                ("basis", "per-spoon"),
                ("group", "9999"),
                ("low_sodium", "yes"),
            ]),
            Nutrient::Magnesium,
        );
        assert_eq!(query.mineral, Nutrient::Magnesium);
        assert_eq!(query.basis, Basis::PerPortion);
        assert_eq!(query.group, None);
        assert!(!query.low_sodium);
        assert_eq!(href_for(&query), "/rich?mineral=magnesium&basis=portion");
    }

    #[test]
    fn an_address_without_a_mineral_opens_on_the_days_shortest_per_portion() {
        let query = query_from_params(params(&[]), Nutrient::Calcium);
        assert_eq!(query.mineral, Nutrient::Calcium);
        assert_eq!(query.basis, Basis::PerPortion);
        // An explicit mineral and basis win.
        let query = query_from_params(
            params(&[("mineral", "potassium"), ("basis", "per100g")]),
            Nutrient::Calcium,
        );
        assert_eq!(query.mineral, Nutrient::Potassium);
        assert_eq!(query.basis, Basis::Per100g);
    }
}
