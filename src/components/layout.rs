//! The frame around every page: skip link, header with navigation and the theme
//! switch, the main landmark (led by the "new version" banner) and the footer with
//! the one medical disclaimer.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_location;
use wasm_bindgen::JsCast;

use super::first_run::FirstRun;
use super::storage_notice::StorageNotice;
use super::theme::ThemeSwitch;
use super::update_banner::UpdateBanner;

/// Header, navigation, `<main>` and footer around the current page.
#[component]
pub fn Layout(children: Children) -> impl IntoView {
    focus_main_on_navigation();
    view! {
        <a class="skip-link" href="#main">"Skip to content"</a>
        <header class="site-header no-print">
            <A href="/" attr:class="brand">
                <span class="brand-mark" aria-hidden="true">"K·Mg·Ca"</span>
                " Electrolyte Planner"
            </A>
            <nav aria-label="Main">
                <ul>
                    <li><A href="/" exact=true>"Search"</A></li>
                    <li><A href="/rich">"Richest foods"</A></li>
                    <li><A href="/foods" attr:data-testid="nav-my-foods">"My foods"</A></li>
                    <li><A href="/plan" attr:data-testid="nav-plan">"Plan"</A></li>
                    <li><A href="/diary" attr:data-testid="nav-diary">"Diary"</A></li>
                    <li><A href="/trends" attr:data-testid="nav-trends">"Trends"</A></li>
                    <li><A href="/targets" attr:data-testid="nav-targets">"Targets"</A></li>
                    <li><A href="/backup" attr:data-testid="nav-backup">"Backup"</A></li>
                    <li><A href="/about">"About"</A></li>
                </ul>
            </nav>
            <ThemeSwitch/>
        </header>
        <main id="main" tabindex="-1">
            <UpdateBanner/>
            <StorageNotice/>
            <FirstRun/>
            {children()}
        </main>
        <footer class="site-footer no-print">
            <p data-testid="disclaimer">
                "This app is not medical advice. See a doctor promptly if a cramp comes with "
                "swelling, redness or a lump in one leg, lasts over 10 minutes, or comes with numbness."
            </p>
            <p>
                "Food data: USDA SR28. Targets: National Academies DRIs. "
                "Everything stays on this device. "
                <A href="/about">"Sources"</A>
            </p>
        </footer>
    }
}

/// After a client-side navigation (a new path, not a new query), focus moves to `<main>`
/// (tabindex -1, no outline), as after a page load: keyboard and screen-reader users start
/// on the new page instead of on a removed element or at the end of the document.
fn focus_main_on_navigation() {
    let pathname = use_location().pathname;
    Effect::new(move |previous: Option<String>| {
        let now = pathname.get();
        if previous.is_some_and(|p| p != now) {
            if let Some(main) = document()
                .get_element_by_id("main")
                .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
            {
                let _ = main.focus();
            }
        }
        now
    });
}
