//! What storage has to say, on every page: data that could not be read
//! (kept untouched), changes not saved (storage full), a refused write.

use leptos::prelude::*;
use leptos_router::components::A;

use super::planner_state::Planner;

/// A banner while storage has a problem to report; nothing otherwise.
#[component]
pub fn StorageNotice() -> impl IntoView {
    let planner = Planner::expect();
    let status = planner.status;
    move || {
        status.with(|s| {
            let problems: Vec<String> = s.problems.iter().map(|p| p.text()).collect();
            let error = s.save_error.clone();
            let unsaved = s.unsaved_text();
            let lost = s.lost.clone();
            (!problems.is_empty() || error.is_some() || unsaved.is_some() || s.migrated || lost.is_some()).then(|| {
                view! {
                    <section class="storage-notice" role="alert" data-testid="storage-notice">
                        {error.map(|e| view! { <p data-testid="save-error">{e}</p> })}
                        {unsaved.map(|what| view! {
                            <p data-testid="unsaved">
                                {format!("Shown but not saved: {what}. ")}
                                <A href="/backup">"Export a backup"</A>
                                " to keep them."
                            </p>
                        })}
                        {lost.map(|lost| view! {
                            <p data-testid="lost-changes">
                                {format!("Not kept when this page was last left or reloaded (the browser refused to store it): the changes to {lost}. Enter them again once there is room.")}
                            </p>
                        })}
                        {(!problems.is_empty()).then(|| view! {
                            <p>"Some saved data could not be read. It was left as it was and is never overwritten:"</p>
                            <ul>{problems.into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}</ul>
                            <p><A href="/backup">"Download or discard it on the Backup page."</A></p>
                        })}
                        {s.migrated.then(|| view! {
                            <p>"Your earlier day plan was moved into the diary as today's plan."</p>
                        })}
                    </section>
                }
            })
        })
    }
}
