//! Adding a supplement, an electrolyte drink or a plain drink to a meal.

use leptos::prelude::*;

use crate::components::decimal_field::DecimalField;
use crate::components::pickers::MealSelect;
use crate::components::planner_state::Planner;
use crate::components::save_status::{outcome, Saved};
use crate::domain::diary::storage::UpdateError;
use crate::domain::planning::plan::{Meal, PlanError};
use crate::domain::planning::supplements::{
    CalciumForm, DrinkMinerals, ElectrolyteDrink, MagnesiumForm, Supplement, ELEMENTAL_HINT,
    POTASSIUM_CAUTION,
};
use crate::domain::units::quantity::{parse_number, QuantityError};
use crate::domain::units::volume::VolumeUnit;

use crate::components::quick_add::AddingTo;

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

/// Adds `amount` of `kind` to `meal` (holding the diary's write lock across
/// tabs); `done` gets the message for people either way.
fn add_other(
    planner: Planner,
    meal: Meal,
    kind: AddKind,
    amount: f64,
    volume: VolumeUnit,
    drink: DrinkFields,
    done: impl FnOnce(Result<String, String>) + 'static,
) {
    // None for a plain drink.
    let supplement = match kind {
        AddKind::Magnesium(form) => Ok(Some(Supplement::Magnesium {
            form,
            elemental_mg: amount,
        })),
        AddKind::Calcium(form) => Ok(Some(Supplement::Calcium {
            form,
            elemental_mg: amount,
        })),
        AddKind::Potassium if amount.fract() != 0.0 => {
            Err(QuantityError::NotWhole { unit: "tablets" }.to_string())
        }
        // Saturating: more than the maximum is refused by the plan.
        AddKind::Potassium => Ok(Some(Supplement::Potassium {
            tablets: amount.min(f64::from(u32::MAX)) as u32,
        })),
        AddKind::Electrolyte => drink.read().map(|drink| {
            Some(Supplement::ElectrolyteDrink {
                drink,
                servings: amount,
            })
        }),
        AddKind::Drink => Ok(None),
    };
    let supplement = match supplement {
        Ok(supplement) => supplement,
        Err(e) => return done(Err(e)),
    };
    let said = move |result: Result<Saved<_>, UpdateError<PlanError>>, text: String| {
        done(outcome(result).map(|_| text));
    };
    let meal_name = meal.label().to_ascii_lowercase();
    match supplement {
        None => {
            let text = format!("Added {} to {meal_name}.", volume.describe(amount));
            planner.change_plan(
                move |p| p.add_drink(meal, amount, volume),
                move |result| said(result, text),
            );
        }
        Some(supplement) => {
            let text = format!("Added {} to {meal_name}.", supplement.name());
            planner.change_plan(
                move |p| p.add_supplement(meal, supplement),
                move |result| said(result, text),
            );
        }
    }
}

/// Adding a supplement, an electrolyte drink or a plain drink to a meal.
#[component]
pub(super) fn AddSupplement() -> impl IntoView {
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
    // The same meal as the food form: the time of day's, unless changed.
    let AddingTo(meal) = expect_context::<AddingTo>();
    let amount = RwSignal::new(String::new());
    let volume = RwSignal::new(VolumeUnit::Glass);
    let drink = DrinkFields::new();
    let error = RwSignal::new(None::<String>);
    let message = RwSignal::new(None::<String>);

    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        // The form may be gone by the time the change is made.
        let show = move |result: Result<String, String>| match result {
            Ok(text) => {
                let _ = error.try_set(None);
                let _ = message.try_set(Some(text));
            }
            Err(e) => {
                let _ = message.try_set(None);
                let _ = error.try_set(Some(e));
            }
        };
        match parse_number(&amount.get_untracked()) {
            Ok(value) => add_other(
                planner,
                meal.get_untracked(),
                kind.get_untracked(),
                value,
                volume.get_untracked(),
                drink,
                show,
            ),
            Err(e) => show(Err(e.to_string())),
        }
    };

    let options = kinds
        .iter()
        .map(|(value, k)| view! { <option value=value.clone()>{k.label()}</option> })
        .collect_view();
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
                <DecimalField
                    id="plan-other-amount"
                    label=move || kind.get().amount_label()
                    value=amount
                    described_by="plan-other-hint"
                />
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
                        <DecimalField id="drink-sodium" label="Sodium (mg)" value=drink.sodium/>
                        <DecimalField id="drink-potassium" label="Potassium (mg)" value=drink.potassium/>
                        <DecimalField id="drink-magnesium" label="Magnesium (mg)" value=drink.magnesium/>
                        <DecimalField id="drink-calcium" label="Calcium (mg)" value=drink.calcium/>
                        <DecimalField id="drink-ml" label="Serving volume (ml)" value=drink.serving_ml/>
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
