//! The frame around every page: skip link, header with navigation, the main
//! landmark and the footer with the one medical disclaimer.

use leptos::prelude::*;
use leptos_router::components::A;

/// Header, navigation, `<main>` and footer around the current page.
#[component]
pub fn Layout(children: Children) -> impl IntoView {
    view! {
        <a class="skip-link" href="#main">"Skip to content"</a>
        <header class="site-header">
            <A href="/" attr:class="brand">
                <span class="brand-mark" aria-hidden="true">"K·Mg·Ca"</span>
                " Electrolyte Planner"
            </A>
            <nav aria-label="Main">
                <ul>
                    <li><A href="/" exact=true>"Search"</A></li>
                    <li><A href="/rich">"Richest foods"</A></li>
                    <li><A href="/plan" attr:data-testid="nav-plan">"Plan"</A></li>
                    <li><A href="/targets" attr:data-testid="nav-targets">"Targets"</A></li>
                    <li><A href="/about">"About"</A></li>
                </ul>
            </nav>
        </header>
        <main id="main" tabindex="-1">{children()}</main>
        <footer class="site-footer">
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
