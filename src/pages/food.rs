//! A food's own page at `/food/<NDB number>`: its minerals per 100 g, per
//! household portion or per typed amount, and as % of the daily targets.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use crate::catalog;
use crate::components::pickers::{plain_number, MealSelect};
use crate::components::planner_state::Planner;
use crate::components::quick_add::add_food;
use crate::components::save_status::outcome;
use crate::domain::foods::food::{Food, NdbNumber};
use crate::domain::foods::nutrient::Nutrient;
use crate::domain::foods::serving::{nutrient_lines, NutrientLine, Serving, ServingError};
use crate::domain::planning::plan::{FoodUnit, Meal};
use crate::domain::targets::dri::TargetKind;
use crate::domain::units::amount::MassUnit;
use crate::domain::units::amount_text::format_nutrient_amount;
use crate::domain::units::format::{format_amount, format_number, format_percent};
use crate::pages::not_found::NotFound;
use crate::storage::local_hour;

/// Looks the address's NDB number up; unknown or malformed numbers get a
/// clear not-found page.
#[component]
pub fn FoodPage() -> impl IntoView {
    let params = use_params_map();
    let ndb = Memo::new(move |_| params.read().get("ndb"));
    move || {
        let text = ndb.get().unwrap_or_default();
        match text.parse::<NdbNumber>().ok().and_then(|n| catalog::foods().get(n)) {
            Some(food) => view! { <FoodDetails food=food/> }.into_any(),
            None => view! {
                <NotFound message=format!(
                    "There is no food with the USDA number “{text}”. Numbers have five digits, like 09040."
                )/>
            }
            .into_any(),
        }
    }
}

const PER_100G: &str = "100g";
const CUSTOM: &str = "custom";

/// The `<select>` value of a serving choice.
fn choice_value(serving: &Serving) -> String {
    match serving {
        Serving::Per100g => PER_100G.to_owned(),
        Serving::Portion(i) => format!("portion-{i}"),
        Serving::Custom { .. } => CUSTOM.to_owned(),
    }
}

/// The serving a `<select>` value stands for, keeping typed text.
fn serving_from_choice(value: &str, text: String, unit: MassUnit) -> Serving {
    match value.strip_prefix("portion-").and_then(|i| i.parse().ok()) {
        Some(i) => Serving::Portion(i),
        None if value == CUSTOM => Serving::Custom { text, unit },
        None => Serving::Per100g,
    }
}

/// The food's heading, serving picker and nutrient table.
#[component]
fn FoodDetails(food: &'static Food) -> impl IntoView {
    super::set_title(food.description);
    let group = catalog::foods().group(food.group);
    let planner = Planner::expect();
    // The page opens at the food's honest default portion ("1 medium",
    // "3 oz"), the amount "Add to plan" adds unless another is chosen.
    let default = catalog::foods().default_serving(food);
    let (first_choice, first_text, first_unit) = match default.unit {
        FoodUnit::Portion(i) if default.amount == 1.0 => (
            choice_value(&Serving::Portion(i)),
            "100".to_owned(),
            MassUnit::Gram,
        ),
        // Two of a measure ("2 tbsp"): its weight, typed.
        FoodUnit::Portion(_) => (
            CUSTOM.to_owned(),
            plain_number(default.grams(food)),
            MassUnit::Gram,
        ),
        FoodUnit::Mass(unit) => (CUSTOM.to_owned(), plain_number(default.amount), unit),
    };
    let choice = RwSignal::new(first_choice);
    let custom_text = RwSignal::new(first_text);
    let custom_unit = RwSignal::new(first_unit);
    let serving = Memo::new(move |_| {
        serving_from_choice(&choice.get(), custom_text.get(), custom_unit.get())
    });
    let grams = Memo::new(move |_| serving.get().grams(food));
    let is_custom = move || matches!(serving.get(), Serving::Custom { .. });

    let options = std::iter::once((PER_100G.to_owned(), "100 g".to_owned()))
        .chain(
            food.portions
                .iter()
                .enumerate()
                .map(|(i, p)| (choice_value(&Serving::Portion(i)), p.label_with_grams())),
        )
        .chain(std::iter::once((
            CUSTOM.to_owned(),
            "Custom amount".to_owned(),
        )))
        .map(|(value, label)| view! { <option value=value>{label}</option> })
        .collect_view();

    let caption = move || match (serving.get(), grams.get()) {
        (Serving::Per100g, _) => "In 100 g".to_owned(),
        (Serving::Portion(i), _) => food
            .portions
            .get(i)
            .map(|p| format!("In {}", p.label_with_grams()))
            .unwrap_or_else(|| "Choose an amount".to_owned()),
        (Serving::Custom { .. }, Ok(g)) => format!("In {} g", format_number(g, 1)),
        (Serving::Custom { .. }, Err(_)) => "Enter an amount".to_owned(),
    };

    view! {
        <article class="food-page">
            <h1 data-testid="food-title">{food.description}</h1>
            <p class="food-meta">
                {group.name} " · USDA SR28 number " {food.ndb.to_string()}
            </p>
            <div class="serving-picker">
                <div class="field">
                    <label for="serving-select">"Amount"</label>
                    <select
                        id="serving-select"
                        data-testid="serving-select"
                        prop:value=move || choice.get()
                        on:change=move |ev| choice.set(event_target_value(&ev))
                    >
                        {options}
                    </select>
                </div>
                <Show when=is_custom>
                    <div class="field custom-amount">
                        <label for="amount-input">"How much"</label>
                        <input
                            id="amount-input"
                            data-testid="amount-input"
                            type="text"
                            inputmode="decimal"
                            autocomplete="off"
                            aria-invalid=move || grams.get().is_err().to_string()
                            aria-describedby="amount-error"
                            prop:value=move || custom_text.get()
                            on:input=move |ev| custom_text.set(event_target_value(&ev))
                        />
                        <label for="amount-unit" class="visually-hidden">"Unit"</label>
                        <select
                            id="amount-unit"
                            data-testid="amount-unit"
                            prop:value=move || custom_unit.get().symbol()
                            on:change=move |ev| {
                                if let Some(unit) = MassUnit::from_symbol(&event_target_value(&ev)) {
                                    custom_unit.set(unit);
                                }
                            }
                        >
                            {MassUnit::ALL.map(|u| view! { <option value=u.symbol()>{u.symbol()}</option> })}
                        </select>
                    </div>
                </Show>
                <p id="amount-error" class="field-error" role="alert" data-testid="amount-error"
                    hidden=move || grams.get().is_ok()>
                    {move || grams.get().err().map(|e| e.to_string())}
                </p>
            </div>
            <AddToPlan food=food serving=serving grams=grams/>
            <FavouriteToggle food=food/>
            {food.portions.is_empty().then(|| view! {
                <p class="hint">"USDA lists no household measure for this food; use grams or ounces."</p>
            })}
            <table class="nutrient-table">
                <caption>{caption}</caption>
                <thead>
                    <tr>
                        <th scope="col">"Nutrient"</th>
                        <th scope="col" class="num">"Amount"</th>
                        <th scope="col" class="num">"% of daily target"</th>
                        <th scope="col" class="num">"Per 100 g"</th>
                    </tr>
                </thead>
                <tbody>
                    {move || {
                        let g = grams.get().ok();
                        // The user's targets: profile, preset and overrides.
                        let lines = planner.targets.with(|t| {
                            let mut lines = nutrient_lines(food, g.unwrap_or(100.0), t.row());
                            for line in &mut lines {
                                if let Some(target) = t.get(line.nutrient) {
                                    line.target = Some(target.target);
                                }
                            }
                            lines
                        });
                        lines
                            .into_iter()
                            .map(|line| view! { <NutrientRow line=line amount_known=g.is_some()/> })
                            .collect_view()
                    }}
                </tbody>
            </table>
            <TargetNote/>
        </article>
    }
}

/// The amount and unit the plan gets for a serving chosen here.
fn plan_amount(serving: &Serving, grams: f64) -> (f64, FoodUnit) {
    match serving {
        Serving::Per100g => (100.0, FoodUnit::Mass(MassUnit::Gram)),
        Serving::Portion(i) => (1.0, FoodUnit::Portion(*i)),
        Serving::Custom { unit, .. } => (grams / unit.grams(), FoodUnit::Mass(*unit)),
    }
}

/// Marks the food a favourite (one tap from the planner's add form), or
/// unmarks it.
#[component]
fn FavouriteToggle(food: &'static Food) -> impl IntoView {
    let planner = Planner::expect();
    let is_favourite = move || planner.diary.with(|d| d.settings().is_favourite(food.ndb));
    let error = RwSignal::new(None::<String>);
    let toggle = move |_| {
        planner.change_settings(
            |s| s.toggle_favourite(food.ndb),
            move |result| error.set(outcome(result).err()),
        );
    };
    view! {
        <p class="favourite">
            <button
                type="button"
                data-testid="favourite-toggle"
                aria-pressed=move || is_favourite().to_string()
                on:click=toggle
            >
                {move || if is_favourite() { "★ In your favourites" } else { "☆ Add to favourites" }}
            </button>
            {move || error.get().map(|e| view! { <span class="error" role="alert">{e}</span> })}
        </p>
    }
}

/// "Add to plan": the serving chosen above, to a meal of the day plan.
#[component]
fn AddToPlan(
    food: &'static Food,
    serving: Memo<Serving>,
    grams: Memo<Result<f64, ServingError>>,
) -> impl IntoView {
    let planner = Planner::expect();
    let meal = RwSignal::new(Meal::at_hour(local_hour()));
    let status = RwSignal::new(None::<Result<String, String>>);
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match grams.get_untracked() {
            Ok(g) => {
                let (amount, unit) = plan_amount(&serving.get_untracked(), g);
                add_food(
                    planner,
                    meal.get_untracked(),
                    food.ndb,
                    amount,
                    unit,
                    move |result| status.set(Some(result)),
                );
            }
            Err(e) => status.set(Some(Err(e.to_string()))),
        }
    };
    view! {
        <form class="add-to-plan add-row" on:submit=add aria-label="Add to the day plan">
            <MealSelect id="add-to-plan-meal" meal=meal/>
            <button type="submit" data-testid="add-to-plan">"Add to plan"</button>
            <p class="confirmation" role="status" data-testid="add-to-plan-status">
                {move || match status.get() {
                    Some(Ok(text)) => Some(view! {
                        {text} " " <A href="/plan" attr:data-testid="add-to-plan-link">"See the day plan"</A>
                    }.into_any()),
                    Some(Err(e)) => Some(view! { <span class="field-error">{e}</span> }.into_any()),
                    None => None,
                }}
            </p>
        </form>
    }
}

/// One nutrient's row; `amount_known` is false while the typed amount is invalid.
#[component]
fn NutrientRow(line: NutrientLine, amount_known: bool) -> impl IntoView {
    let n = line.nutrient;
    let unit = n.unit();
    let with_unit = |v: f64| format!("{} {unit}", format_amount(v));
    let amount = match (amount_known, line.amount) {
        (false, _) => "—".to_owned(),
        (true, Some(v)) => with_unit(v),
        (true, None) => "no data".to_owned(),
    };
    let percent = match (amount_known, line.percent_of_target()) {
        (true, Some(p)) => format_percent(p),
        _ => "—".to_owned(),
    };
    let per_100g = line
        .per_100g
        .map(|v| format!("{} {unit}", format_number(v, 3)))
        .unwrap_or_else(|| "no data".to_owned());
    let is_limit = line.target.is_some_and(|t| t.kind == TargetKind::Ceiling);
    view! {
        <tr data-testid=format!("row-{}", n.key())>
            <th scope="row">
                {n.name()}
                {is_limit.then(|| view! { <span class="limit-tag">" (limit)"</span> })}
            </th>
            <td class="num" data-testid=format!("value-{}", n.key())>{amount}</td>
            <td class="num" data-testid=format!("percent-{}", n.key())>{percent}</td>
            <td class="num">{per_100g}</td>
        </tr>
    }
}

/// Where the "% of daily target" figures come from: the user's targets.
#[component]
fn TargetNote() -> impl IntoView {
    let planner = Planner::expect();
    let note = move || {
        planner.targets.with(|t| {
            let amount = |n: Nutrient| {
                t.get(n)
                    .map(|d| {
                        let text = format_nutrient_amount(n, d.target.amount);
                        match d.target.kind {
                            TargetKind::Minimum => text,
                            TargetKind::Ceiling => format!("at most {text}"),
                        }
                    })
                    .unwrap_or_default()
            };
            format!(
                "Daily targets for {} ({}): potassium {}, magnesium {}, calcium {}, sodium {}, total water {} from food and drinks. ",
                t.row().describe().to_ascii_lowercase(),
                t.preset().label(),
                amount(Nutrient::Potassium),
                amount(Nutrient::Magnesium),
                amount(Nutrient::Calcium),
                amount(Nutrient::Sodium),
                amount(Nutrient::Water),
            )
        })
    };
    view! {
        <p class="target-note" data-testid="target-note">
            {note}
            <A href="/targets" attr:data-testid="target-note-link">"Change your targets"</A>
            ". “No data” means USDA has no value for this food, not zero."
        </p>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serving_choices_round_trip() {
        for serving in [Serving::Per100g, Serving::Portion(3)] {
            let value = choice_value(&serving);
            assert_eq!(
                serving_from_choice(&value, String::new(), MassUnit::Gram),
                serving
            );
        }
        assert_eq!(
            serving_from_choice(CUSTOM, "12".into(), MassUnit::Ounce),
            Serving::Custom {
                text: "12".into(),
                unit: MassUnit::Ounce
            }
        );
        assert_eq!(
            serving_from_choice("portion-x", String::new(), MassUnit::Gram),
            Serving::Per100g
        );
    }
}
