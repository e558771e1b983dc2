//! The day planner at `/plan`: progress bars toward the day's targets,
//! forms to add foods, supplements and drinks, and the four meals with an
//! editor for every item.

use leptos::ev::KeyboardEvent;
use leptos::prelude::*;
use leptos_router::components::A;

use crate::catalog;
use crate::components::day_picker::DayPicker;
use crate::components::food_search::SearchState;
use crate::components::planner_state::{
    food_unit_choices, food_unit_from_value, food_unit_value, meal_options, plain_number,
    MealSelect, Planner,
};
use crate::components::progress_bar::ProgressBar;
use crate::domain::amount::MassUnit;
use crate::domain::amount_text::format_nutrient_amount;
use crate::domain::daily_targets::TARGET_NUTRIENTS;
use crate::domain::food::Food;
use crate::domain::food_table::FoodIndex;
use crate::domain::nutrient::Nutrient;
use crate::domain::plan::{Entry, FoodUnit, ItemId, Meal};
use crate::domain::quantity::{parse_number, QuantityError};
use crate::domain::supplements::{
    CalciumForm, DrinkMinerals, ElectrolyteDrink, MagnesiumForm, Supplement, ELEMENTAL_HINT,
    POTASSIUM_CAUTION,
};
use crate::domain::totals::{DayTotals, Totals};
use crate::domain::volume::VolumeUnit;
use crate::domain::warnings::{magnesium_warning, potassium_caution};

/// Progress, warnings, the add forms and the meals.
#[component]
pub fn PlanPage() -> impl IntoView {
    super::set_title("Plan a day");
    let planner = Planner::expect();
    let totals = planner.totals();
    let progress = planner.progress(totals);
    let who = move || planner.targets.with(|t| t.row().describe());
    view! {
        <section class="plan-page">
            <h1>"Plan a day"</h1>
            <p class="lede">
                "Targets for " <span data-testid="plan-profile">{who}</span> ". "
                <A href="/targets" attr:data-testid="plan-targets-link">"Change profile or targets"</A>
            </p>
            <DayPicker/>
            <section class="progress-list" aria-labelledby="progress-heading">
                <h2 id="progress-heading">"This day against your targets"</h2>
                {TARGET_NUTRIENTS
                    .map(|n| {
                        let one = Memo::new(move |_| {
                            progress.with(|all| {
                                *all.iter().find(|p| p.nutrient == n).expect("a target per nutrient")
                            })
                        });
                        view! { <ProgressBar nutrient=n progress=one.into()/> }
                    })
                    .collect_view()}
            </section>
            <Warnings/>
            <AddFood/>
            <AddSupplement/>
            <RemovalStatus/>
            {Meal::ALL.map(|meal| view! { <MealSection meal=meal totals=totals/> }).collect_view()}
            <DayTotalsTable totals=totals/>
        </section>
    }
}

/// The magnesium-supplement UL warning and the potassium caution, when
/// the day calls for them.
#[component]
fn Warnings() -> impl IntoView {
    let planner = Planner::expect();
    let magnesium = move || {
        planner
            .plan
            .with(|p| planner.targets.with(|t| magnesium_warning(p, t.row())))
            .map(|w| w.text())
    };
    let potassium = move || planner.plan.with(potassium_caution);
    view! {
        <div class="warnings" role="status" data-testid="plan-warnings">
            {move || magnesium().map(|text| view! {
                <p class="warning" data-testid="warning-magnesium">
                    <span aria-hidden="true">"⚠ "</span>{text}
                </p>
            })}
            {move || potassium().map(|text| view! {
                <p class="warning" data-testid="warning-potassium">
                    <span aria-hidden="true">"⚠ "</span>{text}
                </p>
            })}
        </div>
    }
}

/// The food's default unit and amount: one of its first portion, else 100 g.
fn default_unit(food: &Food) -> (FoodUnit, &'static str) {
    if food.portions.is_empty() {
        (FoodUnit::Mass(MassUnit::Gram), "100")
    } else {
        (FoodUnit::Portion(0), "1")
    }
}

/// Finding a food, and adding an amount of it to a meal.
#[component]
fn AddFood() -> impl IntoView {
    let planner = Planner::expect();
    let table = catalog::foods();
    let query = RwSignal::new(String::new());
    let search = SearchState::new(query);
    let SearchState { results, active } = search;
    let chosen = RwSignal::new(None::<FoodIndex>);
    let meal = RwSignal::new(Meal::Breakfast);
    let unit = RwSignal::new(String::new());
    let amount = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let message = RwSignal::new(None::<String>);

    let pick = move |i: FoodIndex| {
        let (u, a) = default_unit(&table.foods()[i]);
        chosen.set(Some(i));
        unit.set(food_unit_value(u));
        amount.set(a.to_owned());
        error.set(None);
        query.set(String::new());
    };
    let on_keydown = move |ev: KeyboardEvent| {
        if let Some(i) = search.on_keydown(&ev, query) {
            pick(i);
        }
    };
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(i) = chosen.get_untracked() else {
            error.set(Some("Search for a food and choose it first.".to_owned()));
            return;
        };
        let food = &table.foods()[i];
        let Some(food_unit) = food_unit_from_value(&unit.get_untracked()) else {
            return;
        };
        let result = parse_number(&amount.get_untracked())
            .map_err(|e| e.to_string())
            .and_then(|value| {
                let m = meal.get_untracked();
                planner
                    .change_plan(|p| p.add_food(m, food.ndb, value, food_unit, table))
                    .map_err(|e| e.to_string())
            });
        match result {
            Ok(id) => {
                error.set(None);
                let text = planner.plan.with_untracked(|p| {
                    p.get(id)
                        .map(|(m, item)| {
                            format!(
                                "Added {} of {} to {}.",
                                item.describe_amount(table),
                                item.name(table),
                                m.label().to_ascii_lowercase()
                            )
                        })
                        .unwrap_or_default()
                });
                message.set(Some(text));
            }
            Err(e) => {
                message.set(None);
                error.set(Some(e));
            }
        }
    };

    let has_query = move || query.with(|q| !q.trim().is_empty());
    let option_id = move |i: FoodIndex| format!("plan-food-option-{}", table.foods()[i].ndb);
    let unit_options = move || {
        chosen.get().map(|i| {
            food_unit_choices(&table.foods()[i])
                .into_iter()
                .map(|(value, label)| view! { <option value=value>{label}</option> })
                .collect_view()
        })
    };

    view! {
        <section class="add-form" aria-labelledby="add-food-heading">
            <h2 id="add-food-heading">"Add a food"</h2>
            <QuickPicks pick=pick/>
            <div class="field">
                <label for="plan-search-input">"Find a food"</label>
                <input
                    id="plan-search-input"
                    type="search"
                    data-testid="plan-search-input"
                    role="combobox"
                    autocomplete="off"
                    spellcheck="false"
                    placeholder="e.g. banana raw"
                    aria-autocomplete="list"
                    aria-controls="plan-search-results"
                    aria-expanded=move || (has_query() && results.with(|(f, _)| !f.is_empty())).to_string()
                    aria-activedescendant=move || active.get().map(option_id)
                    prop:value=move || query.get()
                    on:input=move |ev| query.set(event_target_value(&ev))
                    on:keydown=on_keydown
                />
            </div>
            <p class="search-status" aria-live="polite" data-testid="plan-search-status">
                {move || match (has_query(), results.with(|(_, t)| *t)) {
                    (false, _) => String::new(),
                    (true, 0) => "No food matches; try fewer letters or a more general name.".to_owned(),
                    (true, 1) => "1 matching food: arrow keys to move, Enter to choose.".to_owned(),
                    (true, t) => format!("{t} matching foods: arrow keys to move, Enter to choose."),
                }}
            </p>
            <ul
                id="plan-search-results"
                class="search-results compact"
                role="listbox"
                aria-label="Matching foods"
                hidden=move || !has_query()
            >
                <For
                    each=move || if has_query() { results.get().0 } else { Vec::new() }
                    key=|i| *i
                    children=move |i| {
                        view! {
                            <li
                                id=option_id(i)
                                role="option"
                                class="search-result"
                                data-testid="plan-search-result"
                                aria-selected=move || (active.get() == Some(i)).to_string()
                                on:click=move |_| pick(i)
                            >
                                {table.foods()[i].description}
                            </li>
                        }
                    }
                />
            </ul>
            <form class="add-row" on:submit=add>
                <p class="chosen-food">
                    "Food: "
                    <strong data-testid="plan-chosen-food">
                        {move || chosen.get().map(|i| table.foods()[i].description).unwrap_or("none chosen yet")}
                    </strong>
                </p>
                <MealSelect id="plan-add-meal" meal=meal/>
                <div class="field">
                    <label for="plan-add-amount">"Amount"</label>
                    <input
                        id="plan-add-amount"
                        data-testid="plan-add-amount"
                        type="text"
                        inputmode="decimal"
                        autocomplete="off"
                        size="6"
                        prop:value=move || amount.get()
                        on:input=move |ev| amount.set(event_target_value(&ev))
                    />
                </div>
                <div class="field">
                    <label for="plan-add-unit">"Unit"</label>
                    <select
                        id="plan-add-unit"
                        data-testid="plan-add-unit"
                        disabled=move || chosen.get().is_none()
                        prop:value=move || unit.get()
                        on:change=move |ev| unit.set(event_target_value(&ev))
                    >
                        {unit_options}
                    </select>
                </div>
                <button type="submit" data-testid="plan-add-food">"Add"</button>
            </form>
            <p class="field-error" role="alert" data-testid="plan-add-error">{move || error.get()}</p>
            <p class="confirmation" role="status" data-testid="plan-add-status">{move || message.get()}</p>
        </section>
    }
}

/// What the supplement-and-drink form can add.
#[derive(Debug, Clone, Copy, PartialEq)]
enum AddKind {
    Magnesium(MagnesiumForm),
    Calcium(CalciumForm),
    Potassium,
    Electrolyte,
    Drink,
}

impl AddKind {
    /// Every kind, with its `<select>` value.
    fn all() -> Vec<(String, AddKind)> {
        let mut kinds: Vec<(String, AddKind)> = MagnesiumForm::ALL
            .iter()
            .enumerate()
            .map(|(i, &f)| (format!("magnesium-{i}"), AddKind::Magnesium(f)))
            .collect();
        kinds.extend(
            CalciumForm::ALL
                .iter()
                .enumerate()
                .map(|(i, &f)| (format!("calcium-{i}"), AddKind::Calcium(f))),
        );
        kinds.push(("potassium".to_owned(), AddKind::Potassium));
        kinds.push(("electrolyte".to_owned(), AddKind::Electrolyte));
        kinds.push(("drink".to_owned(), AddKind::Drink));
        kinds
    }

    fn label(self) -> &'static str {
        match self {
            AddKind::Magnesium(f) => f.label(),
            AddKind::Calcium(f) => f.label(),
            AddKind::Potassium => "Potassium tablets (99 mg)",
            AddKind::Electrolyte => "Electrolyte drink",
            AddKind::Drink => "Water, tea or another drink",
        }
    }

    fn amount_label(self) -> &'static str {
        match self {
            AddKind::Magnesium(_) => "Elemental magnesium (mg)",
            AddKind::Calcium(_) => "Elemental calcium (mg)",
            AddKind::Potassium => "Tablets",
            AddKind::Electrolyte => "Servings",
            AddKind::Drink => "Amount",
        }
    }

    fn is_elemental(self) -> bool {
        matches!(self, AddKind::Magnesium(_) | AddKind::Calcium(_))
    }
}

/// The electrolyte drink's label fields, as typed.
#[derive(Clone, Copy)]
struct DrinkFields {
    name: RwSignal<String>,
    sodium: RwSignal<String>,
    potassium: RwSignal<String>,
    magnesium: RwSignal<String>,
    calcium: RwSignal<String>,
    serving_ml: RwSignal<String>,
}

impl DrinkFields {
    fn new() -> DrinkFields {
        DrinkFields {
            name: RwSignal::new(String::new()),
            sodium: RwSignal::new(String::new()),
            potassium: RwSignal::new(String::new()),
            magnesium: RwSignal::new(String::new()),
            calcium: RwSignal::new(String::new()),
            serving_ml: RwSignal::new(String::new()),
        }
    }

    /// The drink as typed; empty fields count as 0 (not on the label).
    fn read(self) -> Result<ElectrolyteDrink, String> {
        let number = |field: &str, text: RwSignal<String>| {
            let text = text.get_untracked();
            if text.trim().is_empty() {
                Ok(0.0)
            } else {
                parse_number(&text).map_err(|e| format!("{field}: {e}"))
            }
        };
        Ok(ElectrolyteDrink {
            name: self.name.get_untracked(),
            per_serving: DrinkMinerals {
                sodium_mg: number("Sodium per serving", self.sodium)?,
                potassium_mg: number("Potassium per serving", self.potassium)?,
                magnesium_mg: number("Magnesium per serving", self.magnesium)?,
                calcium_mg: number("Calcium per serving", self.calcium)?,
            },
            serving_ml: number("Serving volume", self.serving_ml)?,
        })
    }
}

/// Adds `amount` of `kind` to `meal`; the message for people either way.
fn add_other(
    planner: Planner,
    meal: Meal,
    kind: AddKind,
    amount: f64,
    volume: VolumeUnit,
    drink: DrinkFields,
) -> Result<String, String> {
    let supplement = match kind {
        AddKind::Magnesium(form) => Supplement::Magnesium {
            form,
            elemental_mg: amount,
        },
        AddKind::Calcium(form) => Supplement::Calcium {
            form,
            elemental_mg: amount,
        },
        AddKind::Potassium if amount.fract() != 0.0 => {
            return Err(QuantityError::NotWhole { unit: "tablets" }.to_string());
        }
        // Saturating: more than the maximum is refused by the plan.
        AddKind::Potassium => Supplement::Potassium {
            tablets: amount.min(f64::from(u32::MAX)) as u32,
        },
        AddKind::Electrolyte => Supplement::ElectrolyteDrink {
            drink: drink.read()?,
            servings: amount,
        },
        AddKind::Drink => {
            planner
                .change_plan(|p| p.add_drink(meal, amount, volume))
                .map_err(|e| e.to_string())?;
            return Ok(format!(
                "Added {} to {}.",
                volume.describe(amount),
                meal.label().to_ascii_lowercase()
            ));
        }
    };
    let name = supplement.name();
    planner
        .change_plan(|p| p.add_supplement(meal, supplement))
        .map_err(|e| e.to_string())?;
    Ok(format!(
        "Added {name} to {}.",
        meal.label().to_ascii_lowercase()
    ))
}

/// How many recent foods are offered.
const RECENT_FOODS: usize = 8;

/// Favourite and recently planned foods, one tap from the add form.
#[component]
fn QuickPicks(pick: impl Fn(FoodIndex) + Copy + Send + Sync + 'static) -> impl IntoView {
    let planner = Planner::expect();
    let table = catalog::foods();
    let chips = move |ndbs: Vec<crate::domain::food::NdbNumber>, kind: &'static str| {
        ndbs.into_iter()
            .filter_map(|ndb| Some((ndb, table.index_of(ndb)?)))
            .map(|(ndb, i)| {
                view! {
                    <li>
                        <button
                            type="button"
                            class="chip"
                            data-testid=format!("{kind}-{ndb}")
                            on:click=move |_| pick(i)
                        >
                            {table.foods()[i].description}
                        </button>
                    </li>
                }
            })
            .collect_view()
    };
    let favourites = move || planner.diary.with(|d| d.settings().favourites().to_vec());
    let recent = move || planner.diary.with(|d| d.recent_foods(RECENT_FOODS));
    view! {
        {move || {
            let favourites = favourites();
            (!favourites.is_empty()).then(|| view! {
                <h3 class="quick-heading">"Favourites"</h3>
                <ul class="chips" data-testid="favourite-foods">{chips(favourites, "favourite")}</ul>
            })
        }}
        {move || {
            let recent = recent();
            (!recent.is_empty()).then(|| view! {
                <h3 class="quick-heading">"Recently planned"</h3>
                <ul class="chips" data-testid="recent-foods">{chips(recent, "recent")}</ul>
            })
        }}
    }
}

/// Adding a supplement, an electrolyte drink or a plain drink to a meal.
#[component]
fn AddSupplement() -> impl IntoView {
    let planner = Planner::expect();
    let kinds = AddKind::all();
    let kind_value = RwSignal::new(kinds[0].0.clone());
    let kind = {
        let kinds = kinds.clone();
        Memo::new(move |_| {
            kind_value.with(|v| {
                kinds
                    .iter()
                    .find(|(key, _)| key == v)
                    .map_or(kinds[0].1, |(_, k)| *k)
            })
        })
    };
    let meal = RwSignal::new(Meal::Breakfast);
    let amount = RwSignal::new(String::new());
    let volume = RwSignal::new(VolumeUnit::Glass);
    let drink = DrinkFields::new();
    let error = RwSignal::new(None::<String>);
    let message = RwSignal::new(None::<String>);

    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let result = parse_number(&amount.get_untracked())
            .map_err(|e| e.to_string())
            .and_then(|value| {
                add_other(
                    planner,
                    meal.get_untracked(),
                    kind.get_untracked(),
                    value,
                    volume.get_untracked(),
                    drink,
                )
            });
        match result {
            Ok(text) => {
                error.set(None);
                message.set(Some(text));
            }
            Err(e) => {
                message.set(None);
                error.set(Some(e));
            }
        }
    };

    let options = kinds
        .iter()
        .map(|(value, k)| view! { <option value=value.clone()>{k.label()}</option> })
        .collect_view();
    let drink_field = move |id: &'static str, label: &'static str, signal: RwSignal<String>| {
        view! {
            <div class="field">
                <label for=id>{label}</label>
                <input
                    id=id
                    data-testid=id
                    type="text"
                    inputmode="decimal"
                    autocomplete="off"
                    size="6"
                    prop:value=move || signal.get()
                    on:input=move |ev| signal.set(event_target_value(&ev))
                />
            </div>
        }
    };

    view! {
        <section class="add-form" aria-labelledby="add-other-heading">
            <h2 id="add-other-heading">"Add a supplement or drink"</h2>
            <form class="add-row" on:submit=add>
                <div class="field">
                    <label for="plan-other-kind">"What"</label>
                    <select
                        id="plan-other-kind"
                        data-testid="plan-other-kind"
                        prop:value=move || kind_value.get()
                        on:change=move |ev| kind_value.set(event_target_value(&ev))
                    >
                        {options}
                    </select>
                </div>
                <MealSelect id="plan-other-meal" meal=meal/>
                <div class="field">
                    <label for="plan-other-amount">{move || kind.get().amount_label()}</label>
                    <input
                        id="plan-other-amount"
                        data-testid="plan-other-amount"
                        type="text"
                        inputmode="decimal"
                        autocomplete="off"
                        size="6"
                        aria-describedby="plan-other-hint"
                        prop:value=move || amount.get()
                        on:input=move |ev| amount.set(event_target_value(&ev))
                    />
                </div>
                <Show when=move || kind.get() == AddKind::Drink>
                    <div class="field">
                        <label for="plan-other-volume">"Unit"</label>
                        <select
                            id="plan-other-volume"
                            data-testid="plan-other-volume"
                            prop:value=move || volume.get().symbol()
                            on:change=move |ev| {
                                if let Some(u) = VolumeUnit::from_symbol(&event_target_value(&ev)) {
                                    volume.set(u);
                                }
                            }
                        >
                            {VolumeUnit::ALL.map(|u| view! { <option value=u.symbol()>{u.label()}</option> })}
                        </select>
                    </div>
                </Show>
                <Show when=move || kind.get() == AddKind::Electrolyte>
                    <fieldset class="drink-fields">
                        <legend>"From the drink’s label, per serving (leave out what it does not list)"</legend>
                        <div class="field">
                            <label for="drink-name">"Name"</label>
                            <input
                                id="drink-name"
                                data-testid="drink-name"
                                type="text"
                                autocomplete="off"
                                prop:value=move || drink.name.get()
                                on:input=move |ev| drink.name.set(event_target_value(&ev))
                            />
                        </div>
                        {drink_field("drink-sodium", "Sodium (mg)", drink.sodium)}
                        {drink_field("drink-potassium", "Potassium (mg)", drink.potassium)}
                        {drink_field("drink-magnesium", "Magnesium (mg)", drink.magnesium)}
                        {drink_field("drink-calcium", "Calcium (mg)", drink.calcium)}
                        {drink_field("drink-ml", "Serving volume (ml)", drink.serving_ml)}
                    </fieldset>
                </Show>
                <button type="submit" data-testid="plan-add-other">"Add"</button>
            </form>
            <p id="plan-other-hint" class="hint" data-testid="plan-other-hint">
                {move || {
                    let k = kind.get();
                    if k.is_elemental() {
                        ELEMENTAL_HINT
                    } else if matches!(k, AddKind::Potassium | AddKind::Electrolyte) {
                        POTASSIUM_CAUTION
                    } else {
                        ""
                    }
                }}
            </p>
            <p class="field-error" role="alert" data-testid="plan-other-error">{move || error.get()}</p>
            <p class="confirmation" role="status" data-testid="plan-other-status">{move || message.get()}</p>
        </section>
    }
}

/// "Removed Bananas, raw." with an Undo button, while a removal can be undone.
#[component]
fn RemovalStatus() -> impl IntoView {
    let planner = Planner::expect();
    let table = catalog::foods();
    let removed = move || {
        planner
            .plan
            .with(|p| p.last_removed().map(|item| item.name(table)))
    };
    let undo = move |_| {
        // Refused only when the day is full; the Undo stays for a retry.
        let _ = planner.change_plan(|p| p.undo_remove());
    };
    view! {
        <div class="removal" role="status" data-testid="plan-removal">
            {move || removed().map(|name| view! {
                <span data-testid="removal-text">"Removed " {name} ". "</span>
                <button type="button" data-testid="undo-remove" on:click=undo>"Undo"</button>
            })}
        </div>
    }
}

/// The four minerals and water of `totals`, on one line.
fn totals_line(totals: &Totals) -> String {
    [
        Nutrient::Potassium,
        Nutrient::Magnesium,
        Nutrient::Calcium,
        Nutrient::Sodium,
        Nutrient::Water,
    ]
    .map(|n| format!("{} {}", n.symbol(), totals.get(n).text(n)))
    .join(" · ")
}

/// One meal: its items and totals.
#[component]
fn MealSection(meal: Meal, totals: Memo<DayTotals>) -> impl IntoView {
    let planner = Planner::expect();
    let ids = Memo::new(move |_| {
        planner
            .plan
            .with(|p| p.items(meal).iter().map(|i| i.id).collect::<Vec<_>>())
    });
    let heading_id = format!("meal-{}-heading", meal.key());
    let labelled_by = heading_id.clone();
    view! {
        <section class="meal" data-testid=format!("meal-{}", meal.key()) aria-labelledby=labelled_by>
            <h2 id=heading_id>{meal.label()}</h2>
            <Show when=move || ids.with(Vec::is_empty)>
                <p class="hint">"Nothing here yet."</p>
            </Show>
            <ul class="meal-items">
                <For each=move || ids.get() key=|id| *id children=move |id| view! { <ItemRow id=id/> }/>
            </ul>
            <p class="meal-totals" data-testid=format!("meal-{}-totals", meal.key())>
                "Total: " {move || totals.with(|t| totals_line(t.meal(meal)))}
            </p>
        </section>
    }
}

/// One item: name, amount editor, unit, "move to" and Remove.
#[component]
fn ItemRow(id: ItemId) -> impl IntoView {
    let planner = Planner::expect();
    let table = catalog::foods();
    let item = Memo::new(move |_| {
        planner
            .plan
            .with(|p| p.get(id).map(|(m, it)| (m, it.clone())))
    });
    let amount = move || item.with(|i| i.as_ref().map(|(_, it)| it.amount()));
    let text = RwSignal::new(
        item.with_untracked(|i| i.as_ref().map(|(_, it)| plain_number(it.amount())))
            .unwrap_or_default(),
    );
    let error = RwSignal::new(None::<String>);
    // The plan changed the amount (a unit change, an undo): show it.
    Effect::new(move |_| {
        if let Some(a) = amount() {
            let shown = parse_number(&text.get_untracked()).ok();
            if shown.is_none_or(|s| (s - a).abs() > 0.005) {
                text.set(plain_number(a));
                error.set(None);
            }
        }
    });
    let name = move || item.with(|i| i.as_ref().map(|(_, it)| it.name(table)).unwrap_or_default());
    let on_amount = move |ev| {
        let typed = event_target_value(&ev);
        text.set(typed.clone());
        let result = parse_number(&typed)
            .map_err(|e| e.to_string())
            .and_then(|v| {
                planner
                    .change_plan(|p| p.set_amount(id, v, table))
                    .map_err(|e| e.to_string())
            });
        error.set(result.err());
    };
    // Only a food's number and unit: the unit picker is not rebuilt while
    // the amount is typed.
    let food_unit = Memo::new(move |_| {
        item.with(|i| match i.as_ref().map(|(_, it)| &it.entry) {
            Some(Entry::Food(f)) => Some((f.ndb, f.unit)),
            _ => None,
        })
    });
    let food = move || {
        food_unit
            .get()
            .and_then(|(ndb, unit)| Some((table.get(ndb)?, unit)))
    };
    let unit_text = move || {
        item.with(|i| match i.as_ref().map(|(_, it)| &it.entry) {
            Some(Entry::Supplement(s)) => s.amount_unit().to_owned(),
            Some(Entry::Drink(d)) => d.unit.label().to_owned(),
            _ => String::new(),
        })
    };
    let amount_id = format!("item-{}-amount", id.value());
    let unit_id = format!("item-{}-unit", id.value());
    let move_id = format!("item-{}-move", id.value());
    let error_id = format!("item-{}-error", id.value());
    view! {
        <li class="plan-item" data-testid="plan-item" data-item-id=id.value().to_string()>
            <span class="item-name" data-testid="item-name">{name}</span>
            <span class="item-description" data-testid="item-description">
                {move || item.with(|i| i.as_ref().map(|(_, it)| it.describe_amount(table)))}
            </span>
            <span class="item-controls">
                <label for=amount_id.clone() class="visually-hidden">{move || format!("Amount of {}", name())}</label>
                <input
                    id=amount_id
                    data-testid="item-amount"
                    type="text"
                    inputmode="decimal"
                    autocomplete="off"
                    size="5"
                    aria-invalid=move || error.with(Option::is_some).to_string()
                    aria-describedby=error_id.clone()
                    prop:value=move || text.get()
                    on:input=on_amount
                />
                {move || match food() {
                    Some((food, unit)) => {
                        let unit_id = unit_id.clone();
                        let current = food_unit_value(unit);
                        view! {
                            <label for=unit_id.clone() class="visually-hidden">"Unit"</label>
                            <select
                                id=unit_id
                                data-testid="item-unit"

                                on:change=move |ev| {
                                    if let Some(u) = food_unit_from_value(&event_target_value(&ev)) {
                                        let result = planner.change_plan(|p| p.change_food_unit(id, u, table));
                                        error.set(result.err().map(|e| e.to_string()));
                                    }
                                }
                            >
                                {food_unit_choices(food)
                                    .into_iter()
                                    .map(|(value, label)| {
                                        let selected = value == current;
                                        view! { <option value=value selected=selected>{label}</option> }
                                    })
                                    .collect_view()}
                            </select>
                        }
                        .into_any()
                    }
                    None => view! { <span class="item-unit">{unit_text}</span> }.into_any(),
                }}
                <label for=move_id.clone() class="visually-hidden">{move || format!("Move {} to", name())}</label>
                <select
                    id=move_id
                    data-testid="item-move"
                    prop:value=move || item.with(|i| i.as_ref().map(|(m, _)| m.key()).unwrap_or_default())
                    on:change=move |ev| {
                        if let Some(m) = Meal::from_key(&event_target_value(&ev)) {
                            let _ = planner.change_plan(|p| p.move_item(id, m));
                        }
                    }
                >
                    {meal_options()}
                </select>
                <button
                    type="button"
                    data-testid="item-remove"
                    aria-label=move || format!("Remove {}", name())
                    on:click=move |_| {
                        let _ = planner.change_plan(|p| p.remove(id));
                    }
                >
                    "Remove"
                </button>
            </span>
            <p id=error_id class="field-error" role="alert" data-testid="item-error">{move || error.get()}</p>
        </li>
    }
}

/// The day's totals of every nutrient, honest about missing data.
#[component]
fn DayTotalsTable(totals: Memo<DayTotals>) -> impl IntoView {
    view! {
        <table class="nutrient-table day-totals" data-testid="day-totals">
            <caption>"The whole day"</caption>
            <thead>
                <tr>
                    <th scope="col">"Nutrient"</th>
                    <th scope="col" class="num">"Total"</th>
                    <th scope="col">"Missing data"</th>
                </tr>
            </thead>
            <tbody>
                {Nutrient::ALL
                    .map(|n| view! {
                        <tr>
                            <th scope="row">{n.name()}</th>
                            <td class="num" data-testid=format!("day-total-{}", n.key())>
                                {move || totals.with(|t| t.day().get(n).text(n))}
                            </td>
                            <td>{move || totals.with(|t| t.day().get(n).missing_text(n))}</td>
                        </tr>
                    })
                    .collect_view()}
            </tbody>
        </table>
        <p class="hint">
            "Water counts drinks and the water in foods, "
            {move || totals.with(|t| format_nutrient_amount(Nutrient::Water, t.fluids().drinks_ml))}
            " of it from drinks."
        </p>
    }
}
