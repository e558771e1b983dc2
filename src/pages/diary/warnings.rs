//! The warning signs of the open day's cramps, as the domain finds them.

use leptos::prelude::*;

use crate::components::planner_state::Planner;
use crate::domain::diary::warning_signs::{warning_signs, Urgency};

/// The warning signs of the open day's cramps, most urgent first, each
/// pointing to a doctor; nothing when there are none.
#[component]
pub(super) fn WarningSigns() -> impl IntoView {
    let planner = Planner::expect();
    let signs = Memo::new(move |_| {
        let date = planner.date.get();
        planner.diary.with(|d| {
            let mut signs: Vec<(Urgency, String)> = warning_signs(d, date)
                .iter()
                .map(|s| (s.urgency(), s.text()))
                .collect();
            // The domain lists the most urgent first; keep it so whatever it does.
            signs.sort_by_key(|(u, _)| *u);
            signs
        })
    });
    view! {
        <div class="warning-signs" role="alert" data-testid="diary-warnings">
            {move || {
                let signs = signs.get();
                (!signs.is_empty()).then(|| {
                    let urgent = signs.iter().any(|(u, _)| *u == Urgency::SeekCareNow);
                    view! {
                        <section
                            class="warning-signs-box"
                            class:urgent=urgent
                            aria-labelledby="warning-signs-heading"
                        >
                            <h2 id="warning-signs-heading">
                                <span aria-hidden="true">"⚠ "</span>
                                {if urgent { "Seek medical care now" } else { "Worth showing a doctor" }}
                            </h2>
                            <ul>
                                {signs
                                    .into_iter()
                                    .map(|(urgency, text)| {
                                        let (key, tag) = match urgency {
                                            Urgency::SeekCareNow => ("seek-care-now", "Urgent: "),
                                            Urgency::SeeADoctor => ("see-a-doctor", "See a doctor: "),
                                        };
                                        view! {
                                            <li class=format!("warning-sign {key}") data-testid="warning-sign" data-urgency=key>
                                                <strong>{tag}</strong>
                                                {text}
                                            </li>
                                        }
                                    })
                                    .collect_view()}
                            </ul>
                            <p class="hint">
                                "This diary cannot diagnose anything. If you are worried, or a sign comes back, "
                                "talk to a doctor; in an emergency call your local emergency number."
                            </p>
                        </section>
                    }
                })
            }}
        </div>
    }
}
