//! Electrolyte Planner: a client-side Leptos app that shows how much
//! potassium, magnesium, calcium and sodium foods hold.
//!
//! `domain` is the pure-Rust core; `pages` has one module per screen and
//! `components` the pieces they share. See ARCHITECTURE.md.

pub mod boot;
pub mod catalog;
pub mod components;
pub use electrolyte_domain as domain;
pub mod pages;
pub mod panic;
pub mod storage;
pub mod timing;

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

use components::food_search::SearchQuery;
use components::layout::Layout;
use components::lazy::Lazy;
use components::planner_state::Planner;
use pages::{home::HomePage, not_found::NotFound, screens};

/// The whole app: routes inside the shared layout. `typed` is what was typed
/// into the static first screen's search box before the app arrived.
#[component]
pub fn App(#[prop(optional)] typed: String) -> impl IntoView {
    // The search text outlives the home page, so "back" from a food page
    // finds the same results.
    provide_context(SearchQuery(RwSignal::new(typed)));
    // The day plan and the targets outlive every page.
    // Today and the settings now; older days once the first screen is up.
    let planner = timing::measure("load-diary", Planner::load);
    planner.read_rest_after_paint();
    provide_context(planner);
    // Another tab saved: take its change in, so neither overwrites the other.
    let listener = window_event_listener(leptos::ev::storage, move |ev| {
        planner.take_external_change(ev.key(), ev.new_value());
    });
    // What is on screen and not stored: kept for the next load of this tab
    // (it says what was lost), and leaving or reloading asks first.
    Effect::new(move || {
        let unsaved = planner.status.with(|s| s.unsaved_text());
        storage::set_unsaved_marker(unsaved.as_deref());
    });
    let leaving = window_event_listener(leptos::ev::beforeunload, move |ev| {
        let draft = planner.notes_draft.with_untracked(Option::is_some);
        if draft || planner.status.with_untracked(|s| s.has_unsaved()) {
            ev.prevent_default();
            // Older browsers ask only when a return value is set.
            ev.set_return_value("Some changes are not saved.");
        }
    });
    on_cleanup(move || {
        listener.remove();
        leaving.remove();
    });
    view! {
        <Router>
            <Layout>
                <Routes fallback=|| view! { <NotFound/> }>
                    <Route path=path!("/") view=HomePage/>
                    <Route path=path!("/food/:ndb") view=|| view! { <Lazy load=screens::food/> }/>
                    <Route path=path!("/foods") view=|| view! { <Lazy load=screens::my_foods/> }/>
                    <Route path=path!("/foods/new") view=|| view! { <Lazy load=screens::new_food/> }/>
                    <Route path=path!("/foods/new-recipe") view=|| view! { <Lazy load=screens::new_recipe/> }/>
                    <Route path=path!("/my/:id") view=|| view! { <Lazy load=screens::my_food/> }/>
                    <Route path=path!("/my/:id/edit") view=|| view! { <Lazy load=screens::my_food_edit/> }/>
                    <Route path=path!("/rich") view=|| view! { <Lazy load=screens::rich_foods/> }/>
                    <Route path=path!("/plan") view=|| view! { <Lazy load=screens::plan/> }/>
                    <Route path=path!("/diary") view=|| view! { <Lazy load=screens::diary/> }/>
                    <Route path=path!("/trends") view=|| view! { <Lazy load=screens::trends/> }/>
                    <Route path=path!("/summary") view=|| view! { <Lazy load=screens::summary/> }/>
                    <Route path=path!("/backup") view=|| view! { <Lazy load=screens::backup/> }/>
                    <Route path=path!("/targets") view=|| view! { <Lazy load=screens::targets/> }/>
                    <Route path=path!("/about") view=|| view! { <Lazy load=screens::about/> }/>
                </Routes>
            </Layout>
        </Router>
    }
}
