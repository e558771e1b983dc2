//! The profile form (age, sex, pregnancy or breastfeeding), shared by the
//! targets page and the first-run step.

use leptos::prelude::*;

use crate::components::decimal_field::DecimalField;
use crate::components::pickers::plain_number;
use crate::components::planner_state::Planner;
use crate::components::save_status::outcome;
use crate::domain::diary::settings::ProfileAnswer;
use crate::domain::targets::daily_targets::TargetError;
use crate::domain::targets::dri::{nasem, Sex};
use crate::domain::targets::profile::{
    parse_age, AgeUnit, Profile, Stage, STAGE_AGE_LIMIT_YEARS, STAGE_MIN_AGE_YEARS,
};

/// Form key of a sex.
fn sex_key(sex: Sex) -> &'static str {
    match sex {
        Sex::Female => "female",
        Sex::Male => "male",
    }
}

/// Inverse of [`sex_key`].
fn sex_from_key(key: &str) -> Option<Sex> {
    match key {
        "female" => Some(Sex::Female),
        "male" => Some(Sex::Male),
        _ => None,
    }
}

/// The ids (also `data-testid`s) of one profile form's controls, so the
/// targets page's and the first-run step's never clash.
#[derive(Clone, Copy)]
pub struct ProfileIds {
    pub age: &'static str,
    pub sex: &'static str,
    pub stage: &'static str,
    pub error: &'static str,
    pub submit: &'static str,
    pub status: &'static str,
}

impl ProfileIds {
    /// The form on the targets page.
    pub const TARGETS_PAGE: ProfileIds = ProfileIds {
        age: "profile-age",
        sex: "profile-sex",
        stage: "profile-stage",
        error: "profile-error",
        submit: "profile-submit",
        status: "profile-status",
    };
    /// The form of the first-run step.
    pub const FIRST_RUN: ProfileIds = ProfileIds {
        age: "first-run-age",
        sex: "first-run-sex",
        stage: "first-run-stage",
        error: "first-run-error",
        submit: "first-run-submit",
        status: "first-run-status",
    };
}

/// Age, sex and pregnancy or breastfeeding: saving it makes the targets the
/// person's own (and answers the first-run question).
#[component]
pub fn ProfileForm(
    ids: ProfileIds,
    submit_label: &'static str,
    /// Called once the profile is saved.
    #[prop(optional)]
    on_saved: Option<Callback<()>>,
) -> impl IntoView {
    let planner = Planner::expect();
    let current = planner.targets.with_untracked(|t| *t.profile());
    // Until the person has said who they are, the age is theirs to type:
    // the default profile's age would only have to be deleted first.
    let given = planner
        .diary
        .with_untracked(|d| d.settings().profile_answer() == ProfileAnswer::Given);
    let age = RwSignal::new(if given {
        plain_number(current.age_years())
    } else {
        String::new()
    });
    let sex = RwSignal::new(current.sex());
    let stage = RwSignal::new(current.stage());
    let error = RwSignal::new(None::<String>);
    let message = RwSignal::new(None::<String>);
    // Pregnancy and breastfeeding only where the DRI table has rows.
    let stage_allowed = move || {
        sex.get() == Sex::Female
            && parse_age(&age.get(), AgeUnit::Years)
                .is_ok_and(|a| (STAGE_MIN_AGE_YEARS..STAGE_AGE_LIMIT_YEARS).contains(&a))
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let chosen_stage = if stage_allowed() {
            stage.get_untracked()
        } else {
            None
        };
        let profile = match parse_age(&age.get_untracked(), AgeUnit::Years)
            .and_then(|a| Profile::new(a, sex.get_untracked(), chosen_stage))
        {
            Ok(profile) => profile,
            Err(e) => {
                message.set(None);
                error.set(Some(e.to_string()));
                return;
            }
        };
        planner.change_settings(
            move |s| {
                let mut targets = s.targets().clone();
                targets.set_profile(profile, nasem())?;
                s.set_targets(targets);
                s.set_profile_answer(ProfileAnswer::Given);
                Ok::<_, TargetError>(())
            },
            move |result| match outcome(result) {
                Ok(()) => {
                    error.set(None);
                    message.set(Some(format!(
                        "Targets updated for {}.",
                        planner.targets.with_untracked(|t| t.row().describe())
                    )));
                    if let Some(done) = on_saved {
                        done.run(());
                    }
                }
                Err(e) => {
                    message.set(None);
                    error.set(Some(e));
                }
            },
        );
    };
    let ProfileIds {
        age: age_id,
        sex: sex_id,
        stage: stage_id,
        error: error_id,
        submit: submit_id,
        status: status_id,
    } = ids;
    view! {
        <form class="profile-form" on:submit=submit aria-label="Profile">

            <div class="add-row">
                <DecimalField
                    id=age_id
                    label="Age (years)"
                    value=age
                    size=5
                    described_by=error_id
                />
                <div class="field">
                    <label for=sex_id>"Sex"</label>
                    <select
                        id=sex_id
                        data-testid=sex_id
                        prop:value=move || sex_key(sex.get())
                        on:change=move |ev| {
                            if let Some(s) = sex_from_key(&event_target_value(&ev)) {
                                sex.set(s);
                            }
                        }
                    >
                        <option value="female">"Female"</option>
                        <option value="male">"Male"</option>
                    </select>
                </div>
                <Show when=stage_allowed>
                    <div class="field">
                        <label for=stage_id>"Pregnant or breastfeeding"</label>
                        <select
                            id=stage_id
                            data-testid=stage_id
                            prop:value=move || stage.get().map_or("none", Stage::key)
                            on:change=move |ev| stage.set(Stage::from_key(&event_target_value(&ev)))
                        >
                            <option value="none">"Neither"</option>
                            {Stage::ALL.map(|s| view! { <option value=s.key()>{s.label()}</option> })}
                        </select>
                    </div>
                </Show>
                <button type="submit" data-testid=submit_id>{submit_label}</button>
            </div>
            <p id=error_id class="field-error" role="alert" data-testid=error_id>
                {move || error.get()}
            </p>
            <p class="confirmation" role="status" data-testid=status_id>{move || message.get()}</p>
        </form>
    }
}
