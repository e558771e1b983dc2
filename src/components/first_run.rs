//! The first-run step: on the first visit, one short, skippable panel says
//! what the app does, that it is not medical advice, and asks what the
//! targets need (age, sex, pregnancy or breastfeeding).

use leptos::prelude::*;
use leptos_router::hooks::use_location;

use crate::components::planner_state::Planner;
use crate::components::profile_form::{ProfileForm, ProfileIds};
use crate::components::save_status::outcome;
use crate::domain::diary::settings::ProfileAnswer;

/// The welcome panel, shown until the person answers or skips it (not on
/// the targets page, which is the same form).
#[component]
pub fn FirstRun() -> impl IntoView {
    let planner = Planner::expect();
    let path = use_location().pathname;
    let asking = move || {
        planner
            .diary
            .with(|d| d.settings().profile_answer() == ProfileAnswer::NotAsked)
            && path.with(|p| p != "/targets")
    };
    let error = RwSignal::new(None::<String>);
    let skip = move |_| {
        planner.change_settings(
            |s| {
                s.set_profile_answer(ProfileAnswer::Skipped);
                Ok::<_, std::convert::Infallible>(())
            },
            move |result| error.set(outcome(result).err()),
        );
    };
    let default_profile = move || planner.targets.with(|t| t.row().describe());
    view! {
        <Show when=asking>
            <section class="first-run" aria-labelledby="first-run-title" data-testid="first-run">
                <p id="first-run-title" class="first-run-title">"Welcome: who are the targets for?"</p>
                <p>
                    "Electrolyte Planner helps you eat enough potassium, magnesium and calcium, "
                    "keep sodium under its limit and drink enough water. It is not medical advice."
                </p>
                <p class="hint">
                    "Daily targets depend on age and sex. Until you say, they assume "
                    <span data-testid="first-run-default">{default_profile}</span> "."
                </p>
                <ProfileForm ids=ProfileIds::FIRST_RUN submit_label="Use my targets"/>
                <button type="button" class="link-button" data-testid="first-run-skip" on:click=skip>
                    "Skip for now"
                </button>
                <p class="field-error" role="alert" data-testid="first-run-skip-error">{move || error.get()}</p>
            </section>
        </Show>
    }
}
