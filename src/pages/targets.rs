//! The profile and the daily targets at `/targets`: who the plan is for,
//! which preset the targets follow, where each comes from, and the user's
//! own amounts.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::planner_state::Planner;
use crate::components::profile_form::{ProfileForm, ProfileIds};
use crate::components::save_status::outcome;
use crate::domain::foods::nutrient::Nutrient;
use crate::domain::targets::daily_targets::{Preset, POTASSIUM_4700_EXPLANATION, TARGET_NUTRIENTS};
use crate::domain::targets::dri::TargetKind;
use crate::domain::units::amount_text::format_nutrient_amount;
use crate::domain::units::quantity::parse_number;

/// Profile form, preset switch and the targets table.
#[component]
pub fn TargetsPage() -> impl IntoView {
    super::set_title("Your targets");
    view! {
        <section class="targets-page">
            <h1>"Your daily targets"</h1>
            <p class="lede">
                "Targets follow your profile; change any of them. "
                <A href="/plan" attr:data-testid="targets-plan-link">"Back to the day plan"</A>
            </p>
            <h2 id="profile-heading">"Profile"</h2>
            <ProfileForm ids=ProfileIds::TARGETS_PAGE submit_label="Update targets"/>
            <PresetSwitch/>
            <TargetsTable/>
        </section>
    }
}

/// DRI or US label Daily Values, with why the label says 4,700 mg.
#[component]
fn PresetSwitch() -> impl IntoView {
    let planner = Planner::expect();
    let error = RwSignal::new(None::<String>);
    let choose = move |preset: Preset| {
        planner.change_targets(
            move |t| t.set_preset(preset),
            move |result| error.set(outcome(result).err()),
        );
    };
    view! {
        <fieldset class="preset-switch">
            <legend>"Default targets"</legend>
            {Preset::ALL
                .map(|preset| {
                    let id = format!("preset-{}", preset.key());
                    let (label_for, test_id) = (id.clone(), id.clone());
                    view! {
                        <label class="radio" for=label_for>
                            <input
                                id=id
                                data-testid=test_id
                                type="radio"
                                name="preset"
                                value=preset.key()
                                prop:checked=move || planner.targets.with(|t| t.preset() == preset)
                                disabled=move || {
                                    preset == Preset::LabelDailyValues
                                        && !planner.targets.with(|t| t.label_dv_applies())
                                }
                                on:change=move |_| choose(preset)
                            />
                            " " {preset.label()}
                        </label>
                    }
                })
                .collect_view()}
            <p class="hint" data-testid="potassium-4700">{POTASSIUM_4700_EXPLANATION}</p>
            <p class="field-error" role="alert" data-testid="preset-error">{move || error.get()}</p>
        </fieldset>
    }
}

/// Every target with its source, an override field and Reset.
#[component]
fn TargetsTable() -> impl IntoView {
    view! {
        <table class="nutrient-table targets-table" data-testid="targets-table">
            <caption>"Targets in use"</caption>
            <thead>
                <tr>
                    <th scope="col">"Nutrient"</th>
                    <th scope="col" class="num">"Target"</th>
                    <th scope="col">"Where it comes from"</th>
                    <th scope="col">"Your own amount"</th>
                </tr>
            </thead>
            <tbody>
                {TARGET_NUTRIENTS.map(|n| view! { <TargetRow nutrient=n/> }).collect_view()}
            </tbody>
        </table>
    }
}

/// One target's row.
#[component]
fn TargetRow(nutrient: Nutrient) -> impl IntoView {
    let planner = Planner::expect();
    let key = nutrient.key();
    let target = Memo::new(move |_| {
        planner
            .targets
            .with(|t| t.get(nutrient).expect("every listed nutrient has a target"))
    });
    let text = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let unit = if nutrient == Nutrient::Water {
        "ml"
    } else {
        nutrient.unit()
    };
    let set = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let v = match parse_number(&text.get_untracked()) {
            Ok(v) => v,
            Err(e) => return error.set(Some(e.to_string())),
        };
        planner.change_targets(
            move |t| t.set_override(nutrient, v),
            move |result| match outcome(result) {
                Ok(()) => {
                    error.set(None);
                    text.set(String::new());
                }
                Err(e) => error.set(Some(e)),
            },
        );
    };
    let input_id = format!("target-input-{key}");
    let error_id = format!("target-error-{key}");
    view! {
        <tr data-testid=format!("target-row-{key}")>
            <th scope="row">{nutrient.name()}</th>
            <td class="num" data-testid=format!("target-amount-{key}")>
                {move || target.with(|t| {
                    let amount = format_nutrient_amount(nutrient, t.target.amount);
                    match t.target.kind {
                        TargetKind::Minimum => amount,
                        TargetKind::Ceiling => format!("at most {amount}"),
                    }
                })}
            </td>
            <td data-testid=format!("target-source-{key}")>{move || target.with(|t| t.source_text())}</td>
            <td>
                <form class="override" on:submit=set>
                    <label for=input_id.clone() class="visually-hidden">
                        {format!("Your {} target ({unit})", nutrient.name().to_ascii_lowercase())}
                    </label>
                    <input
                        id=input_id.clone()
                        data-testid=input_id
                        type="text"
                        inputmode="decimal"
                        autocomplete="off"
                        size="6"
                        placeholder=unit
                        aria-describedby=error_id.clone()
                        prop:value=move || text.get()
                        on:input=move |ev| text.set(event_target_value(&ev))
                    />
                    " "
                    <button
                        type="submit"
                        data-testid=format!("target-set-{key}")
                        aria-label=format!("Set {} target", nutrient.name().to_ascii_lowercase())
                    >
                        "Set"
                    </button>
                    <Show when=move || target.with(|t| t.is_overridden())>
                        " "
                        <button
                            type="button"
                            data-testid=format!("target-reset-{key}")
                            aria-label=format!("Reset {} target", nutrient.name().to_ascii_lowercase())
                            on:click=move |_| {
                                planner.change_targets(
                                    move |t| {
                                        t.reset(nutrient);
                                        Ok(())
                                    },
                                    move |result| error.set(outcome(result).err()),
                                );
                            }
                        >
                            "Reset"
                        </button>
                    </Show>
                    <p id=error_id class="field-error" role="alert" data-testid=format!("target-error-{key}")>
                        {move || error.get()}
                    </p>
                </form>
            </td>
        </tr>
    }
}
